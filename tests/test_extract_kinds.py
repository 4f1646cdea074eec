"""Rules for the general fact kinds, on short sentences of our own from varied areas.

definition, common-site, risk-factor, association, complication, distinguishing-feature, sign
and prognostic-feature: each must find the clear statement, hide terms (one cloze per list
item), name whose fact it is, and give nothing for a negated or uncertain statement.
"""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked

from deckbuilder.extract.clauses import complement, list_items
from deckbuilder.lexicon import load_lexicon


def only(discussion: str, kind: str, **kwargs: object) -> list[str]:
    case = make_case(discussion, **kwargs)  # type: ignore[arg-type]
    return [marked(f) for f in facts_of(case, kind)]


# --- list reading -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("rupture, malperfusion of the bowel, kidneys or legs, and later dilatation", 3),
        ("cough, haemoptysis and weight loss", 3),
        ("sheets of cells without ducts or vessels", 1),
        ("the proximal and distal tibia", 1),
        ("clustered, thin-walled channels", 1),
        ("haemorrhage, mostly in large lesions, and infection", 2),
    ],
)
def test_list_items_reads_nested_and_qualified_lists(text: str, items: int) -> None:
    assert len(list_items(text, 0, len(text), load_lexicon())) == items


def test_list_items_gives_up_on_a_clause() -> None:
    text = "a long description that goes far beyond what any reasonable cloze answer should hold for a student"
    assert list_items(text, 0, len(text), load_lexicon()) == []


def test_complement_stops_at_a_preposition() -> None:
    text = "both of which stay bright on fat-saturated images"
    span = complement(text, 0, len(text), load_lexicon())
    assert span is not None and text[span[0] : span[1]] == "bright"


# --- definition ---------------------------------------------------------------------------------


def test_definition_hides_category_and_each_component() -> None:
    (card,) = only(
        "Osteoid osteoma is a benign bone-forming tumour made of a nidus of osteoid, woven "
        "bone and vessels.",
        "definition",
    )
    assert card.startswith("Osteoid osteoma is a {{c1::benign bone-forming tumour}} made of")
    assert "{{c3::woven bone}}" in card and "{{c4::vessels}}" in card


def test_definition_hides_a_rank_with_its_category_and_group() -> None:
    (card,) = only("Meningioma is the most common extra-axial tumour of adults.", "definition")
    assert card == "Meningioma is the {{c1::most common extra-axial tumour of adults}}."


def test_plural_definition_needs_a_category_noun() -> None:
    assert only("Schwannomas are benign nerve sheath tumours.", "definition") == [
        "Schwannomas are {{c1::benign nerve sheath tumours}}."
    ]
    assert only("Schwannomas are rare in children.", "definition") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Hypertension is the most important risk factor for dissection.",
        "MR is the modality of choice for staging.",
        "Neuroblastoma is not a benign tumour.",
    ],
)
def test_no_definition_of_a_relation_a_modality_or_a_negation(sentence: str) -> None:
    assert only(sentence, "definition", final="Neuroblastoma") == []


# --- common-site --------------------------------------------------------------------------------


def test_common_site_from_frequency_and_location_verbs() -> None:
    assert only(
        "Chondroblastoma usually arises in the epiphysis of long bones.", "common-site"
    ) == ["Chondroblastoma usually arises in the {{c1::epiphysis of long bones}}."]
    (card,) = only(
        "About 70% of gliomas arise in the cerebral hemispheres, most of them in the frontal lobe.",
        "common-site",
        final="Glioma",
    )
    assert "{{c1::cerebral hemispheres}}" in card and "{{c2::frontal lobe}}" in card


def test_common_site_usual_site_with_above_all() -> None:
    (card,) = only(
        "Giant cell tumour is common in young adults. The epiphyses of long bones are the usual "
        "site, above all the distal radius and the proximal tibia.",
        "common-site",
    )
    assert "{{c1::epiphyses of long bones}}" in card and "{{c3::proximal tibia}}" in card
    assert card.startswith("In giant cell tumour, ")


# --- risk-factor --------------------------------------------------------------------------------


def test_risk_factors_are_one_cloze_each_and_name_the_disease() -> None:
    assert only(
        "Meningioma is a dural tumour. Risk factors include prior cranial irradiation and "
        "neurofibromatosis type 2.",
        "risk-factor",
    ) == [
        "In meningioma, risk factors include {{c1::prior cranial irradiation}} and "
        "{{c2::neurofibromatosis type 2}}."
    ]


def test_leading_risk_factor_is_not_the_subject() -> None:
    case = make_case(
        "Abdominal aortic aneurysm is a dilatation of the aorta. Smoking is the strongest risk "
        "factor; others are male sex, age and a family history."
    )
    (fact,) = facts_of(case, "risk-factor")
    assert fact.subject == "Abdominal aortic aneurysm"
    assert marked(fact).startswith("In abdominal aortic aneurysm, {{c1::smoking}} is the")
    assert fact.answers() == ("smoking", "male sex", "age", "family history")


def test_exposure_is_a_risk_factor() -> None:
    (card,) = only("Hepatic angiosarcoma is linked with exposure to vinyl chloride.", "risk-factor")
    assert "{{c1::vinyl chloride}}" in card


def test_no_risk_factor_from_a_negation() -> None:
    assert only("There is no known risk factor for this tumour.", "risk-factor") == []


# --- association --------------------------------------------------------------------------------


def test_association_keeps_only_conditions() -> None:
    assert only("Perthes disease is associated with attention deficit disorder.", "association")
    assert only("Optic pathway gliomas are seen in neurofibromatosis type 1.", "association") == [
        "Optic pathway gliomas are seen in {{c1::neurofibromatosis type 1}}."
    ]
    assert only("Osteochondromas are seen in skeletally immature patients.", "association") == []


def test_negated_association_gives_nothing() -> None:
    assert only("Abscesses are not associated with immunosuppression.", "association") == []


# --- complication -------------------------------------------------------------------------------


def test_complicated_by_list() -> None:
    assert only(
        "Acute pancreatitis may be complicated by pseudocyst formation, walled-off necrosis or "
        "splenic vein thrombosis.",
        "complication",
    ) == [
        "Acute pancreatitis may be complicated by {{c1::pseudocyst formation}}, "
        "{{c2::walled-off necrosis}} or {{c3::splenic vein thrombosis}}."
    ]


def test_most_common_complication_followed_by() -> None:
    (card,) = only(
        "Meckel diverticulum is a remnant of the omphalomesenteric duct. Bleeding is the most "
        "common complication, followed by obstruction and diverticulitis.",
        "complication",
    )
    assert card.startswith("In meckel diverticulum, {{c1::bleeding}}") or card.startswith(
        "In Meckel diverticulum, {{c1::bleeding}}"
    )
    assert "{{c2::obstruction}}" in card and "{{c3::diverticulitis}}" in card


@pytest.mark.parametrize(
    "sentence",
    [
        "Complications of cholecystitis may possibly include perforation and gangrene.",
        "Main complications are not frequent.",
    ],
)
def test_uncertain_or_negated_complications_give_nothing(sentence: str) -> None:
    assert only(sentence, "complication") == []


# --- distinguishing-feature ---------------------------------------------------------------------


def test_in_contrast_to_hides_both_features() -> None:
    (card,) = only(
        "Lipoma is a fatty tumour. It is homogeneously fatty, in contrast to liposarcoma, which "
        "usually has thick septa.",
        "distinguishing-feature",
    )
    assert card == (
        "Lipoma is {{c1::homogeneously fatty}}, in contrast to liposarcoma, which usually has "
        "{{c2::thick septa}}."
    )


def test_unlike_with_the_own_feature_after() -> None:
    (card,) = only(
        "Unlike neurofibromas, which are usually fusiform, schwannomas are typically eccentric.",
        "distinguishing-feature",
        final="Schwannoma",
    )
    assert "{{c1::fusiform}}" in card and "{{c2::eccentric}}" in card


def test_features_of_an_alternative_of_the_differential_list() -> None:
    # Each feature is asked once, by a card of its own kind naming the alternative (round 14):
    # no distinguishing-feature card is left to ask them again.
    case = make_case(
        "Osteoblastoma, the larger relative of osteoid osteoma, lies in the posterior elements "
        "and shows expansile growth.",
        differentials=("Osteoblastoma", "Brodie abscess"),
        final="Osteoid osteoma",
    )
    by_kind = {
        kind: [marked(f) for f in facts_of(case, kind) if f.subject == "Osteoblastoma"]
        for kind in ("common-site", "sequence-appearance", "distinguishing-feature")
    }
    (site,) = by_kind["common-site"]
    (look,) = by_kind["sequence-appearance"]
    assert "{{c1::posterior elements}}" in site and "{{c1::expansile growth}}" in look
    assert not by_kind["distinguishing-feature"]


def test_until_proven_otherwise() -> None:
    (card,) = only(
        "A solid renal mass in an adult should be regarded as a renal cell carcinoma until "
        "proven otherwise.",
        "distinguishing-feature",
    )
    assert "{{c1::renal cell carcinoma}}" in card


# --- sign ---------------------------------------------------------------------------------------


def test_sign_keeps_the_described_finding_and_hides_the_name() -> None:
    (card,) = only(
        "In ileocolic intussusception the bowel loops nest inside each other, form concentric "
        "rings (the target sign), and may trap fat.",
        "sign",
        final="Intussusception",
    )
    assert card.endswith("form concentric rings (the {{c1::target sign}}).")


def test_sign_called_and_its_own_subject() -> None:
    cards = only(
        "Pulmonary embolism can produce regional oligaemia, known as the Westermark sign.",
        "sign",
        final="Pulmonary embolism",
    )
    assert cards == [
        "Pulmonary embolism can produce regional oligaemia, known as the {{c1::Westermark sign}}."
    ]


def test_a_list_of_signs_describes_none() -> None:
    assert (
        only(
            "On ultrasound the main signs are the whirlpool sign, the target sign and free fluid.",
            "sign",
        )
        == []
    )


# --- prognostic-feature -------------------------------------------------------------------------


def test_prognostic_features_with_absent_findings() -> None:
    (card,) = only(
        "Testicular torsion is a surgical emergency. Absent flow on colour Doppler and a "
        "heterogeneous testis predict necrosis and lower the chance of salvage.",
        "prognostic-feature",
    )
    assert "{{c1::Absent flow on colour Doppler}}" in card or "{{c1::absent flow" in card
    assert "{{c2::heterogeneous testis}}" in card


def test_most_important_predictor() -> None:
    (card,) = only(
        "In melanoma, the most important predictor of survival is the Breslow thickness.",
        "prognostic-feature",
        final="Melanoma",
    )
    assert "{{c1::Breslow thickness}}" in card


def test_no_prognostic_fact_from_a_negation() -> None:
    assert (
        only(
            "Tumour size does not predict outcome and does not lower the chance of cure.",
            "prognostic-feature",
        )
        == []
    )


# --- conservative on unseen phrasings -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Complications are rare.", "complication"),
        ("Metastases occur in 25% of patients at diagnosis.", "association"),
        ("Lesions are usually found in the metaphysis in our experience.", "common-site"),
        ("Lymphoma may mimic it.", "distinguishing-feature"),
        ("The hair-on-end sign is not specific.", "sign"),
    ],
)
def test_no_card_from_a_quality_a_share_a_series_or_a_pronoun(sentence: str, kind: str) -> None:
    assert (
        only(
            f"Ewing sarcoma is a small round cell tumour of bone. {sentence}",
            kind,
            differentials=("Lymphoma", "Osteomyelitis"),
            final="Ewing sarcoma",
        )
        == []
    )


def test_sign_closing_a_description() -> None:
    (card,) = only(
        "Radiographs show a lamellated periosteal reaction, the onion-skin sign.",
        "sign",
        final="Ewing sarcoma",
    )
    assert card.endswith("lamellated periosteal reaction, the {{c1::onion-skin sign}}.")


def test_site_of_another_entity_is_not_the_disease_site() -> None:
    assert (
        only(
            "Glioblastoma is a diffuse glioma. The frontal lobe is the most common site of brain "
            "metastasis.",
            "common-site",
        )
        == []
    )
    (card,) = only(
        "Sarcoidosis is a granulomatous disease. Hilar nodes are the most common sites of "
        "involvement, especially the right paratracheal nodes.",
        "common-site",
    )
    assert "{{c1::Hilar nodes}}" in card or "{{c1::hilar nodes}}" in card


def test_a_new_clause_ends_a_list_and_rarity_stays_visible() -> None:
    (card,) = only(
        "Glioblastoma is typically located in the cerebral hemispheres, and the corpus callosum "
        "is often crossed.",
        "common-site",
    )
    assert "{{c1::cerebral hemispheres}}" in card and "{{c2::" not in card
    (card,) = only("Glioblastoma may be complicated by haemorrhage in rare cases.", "complication")
    assert "{{c1::haemorrhage}} in rare cases" in card
