"""Round 4: surgical indications and the clause-based general kinds (association, complication,
prognostic-feature, risk-factor, common-site) on new wording classes. Sentences are our own, from
several areas of radiology; negative cases check that hedges, other entities and fragments give
no card."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked


def cards(discussion: str, kind: str, final: str = "") -> list[str]:
    return [marked(f) for f in facts_of(make_case(discussion, final=final), kind)]


def answers(discussion: str, kind: str, final: str = "") -> list[tuple[str, ...]]:
    return [f.answers() for f in facts_of(make_case(discussion, final=final), kind)]


# --- lists ----------------------------------------------------------------------------------------


def test_a_labelled_comma_list_gives_one_cloze_per_item_and_per_bracketed_example() -> None:
    text = (
        "Hepatocellular carcinoma is the commonest primary liver cancer. Risk factors: "
        "cirrhosis, chronic viral hepatitis (hepatitis B, hepatitis C), aflatoxin."
    )
    assert answers(text, "risk-factor") == [
        ("cirrhosis", "chronic viral hepatitis", "hepatitis B", "hepatitis C", "aflatoxin")
    ]


def test_an_interjected_rate_neither_cuts_the_list_nor_doubts_the_item() -> None:
    text = (
        "Paget disease of bone is a disorder of bone remodelling. Complications include "
        "deafness, basilar invagination and, rarely (about 1%), sarcomatous degeneration, most "
        "often to osteosarcoma."
    )
    (card,) = cards(text, "complication")
    for term in ("deafness", "basilar invagination", "sarcomatous degeneration", "osteosarcoma"):
        assert f"::{term}}}}}" in card


def test_a_plain_rarity_still_doubts_its_item() -> None:
    text = (
        "Paget disease of bone is a disorder of bone remodelling. Paget disease rarely "
        "causes high-output cardiac failure."
    )
    assert answers(text, "complication") == []


# --- association ----------------------------------------------------------------------------------


def test_a_syndrome_line_hides_the_syndrome_and_each_feature() -> None:
    text = (
        "Schwannoma is a benign nerve sheath tumour. Carney complex: psammomatous "
        "schwannomas with spotty skin pigmentation and cardiac myxomas."
    )
    assert answers(text, "association", "Schwannoma") == [
        ("Carney complex", "spotty skin pigmentation", "cardiac myxomas")
    ]


def test_a_syndrome_line_about_another_condition_gives_nothing() -> None:
    text = (
        "Neurofibroma is a benign nerve sheath tumour. Gardner syndrome: colonic polyps with "
        "osteomas and desmoid tumours."
    )
    assert answers(text, "association", "Neurofibroma") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Associated with tuberous sclerosis and lymphangioleiomyomatosis.",
            ("tuberous sclerosis", "lymphangioleiomyomatosis"),
        ),
        ("Coexists with endometriosis in many women.", ("endometriosis",)),
        (
            "The main association is Crohn disease of the terminal ileum, which is found in a "
            "third.",
            ("Crohn disease of the terminal ileum",),
        ),
        (
            "A minority are familial and are linked to mutations of the VHL gene, particularly "
            "VHL type 2.",
            ("mutations of the VHL gene", "VHL type 2"),
        ),
    ],
)
def test_association_wordings(sentence: str, expected: tuple[str, ...]) -> None:
    text = "Phaeochromocytoma is a catecholamine-secreting tumour. " + sentence
    assert answers(text, "association", "Phaeochromocytoma") == [expected]


def test_an_association_with_a_finding_or_an_examination_is_no_condition() -> None:
    text = (
        "Phaeochromocytoma is a catecholamine-secreting tumour. Associated with marked T2 "
        "hyperintensity. It is linked to MRI findings of cystic change."
    )
    assert answers(text, "association", "Phaeochromocytoma") == []


# --- risk factors ---------------------------------------------------------------------------------


def test_a_risk_factor_with_examples_hides_the_factor_and_each_example() -> None:
    text = (
        "Silicosis is a fibrotic lung disease. Inhaled crystalline silica, as in quarry "
        "workers, sandblasters and miners, is the classical risk factor."
    )
    assert answers(text, "risk-factor") == [
        ("inhaled crystalline silica", "quarry workers", "sandblasters", "miners")
    ]


def test_a_parallel_with_phrase_is_an_example_too() -> None:
    text = (
        "Pulmonary hypertension is a rise in pulmonary arterial pressure. Chronic hypoxaemia, "
        "as in people living at altitude or with sleep apnoea, is recognised as a risk factor."
    )
    (found,) = answers(text, "risk-factor")
    assert found[0] == "chronic hypoxaemia"
    assert "sleep apnoea" in found


def test_a_doubted_risk_factor_gives_nothing() -> None:
    text = (
        "Silicosis is a fibrotic lung disease. Smoking, as in heavy smokers, may be a risk factor."
    )
    assert answers(text, "risk-factor") == []


# --- complications and prognosis -----------------------------------------------------------------


def test_a_main_complication_with_an_aside() -> None:
    text = (
        "Thyroid carcinoma is the commonest endocrine cancer. Hypocalcaemia, usually "
        "transient, is the main complication of thyroidectomy."
    )
    assert answers(text, "complication") == [("hypocalcaemia",)]


def test_a_predictor_of_injury_at_surgery_is_a_complication_and_a_prognostic_feature() -> None:
    text = (
        "Glomus jugulare is a paraganglioma of the jugular foramen. A larger Fisch class "
        "predicts lower cranial nerve injury at surgery."
    )
    assert answers(text, "complication") == [("lower cranial nerve injury",)]
    assert answers(text, "prognostic-feature") == [("larger Fisch class",)]


def test_an_item_ends_at_its_own_verb() -> None:
    text = (
        "Mature cystic teratoma is the commonest ovarian germ cell tumour. Malignant "
        "transformation to squamous cell carcinoma has been described in older women."
    )
    assert answers(text, "complication") == [("squamous cell carcinoma",)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Irregular thickening of the wall should raise suspicion of malignant transformation.",
            ("irregular thickening of the wall",),
        ),
        ("Extension into the portal vein worsens survival.", ("extension into the portal vein",)),
        ("Recurrence after incomplete excision is common.", ("recurrence",)),
    ],
)
def test_prognostic_wordings(sentence: str, expected: tuple[str, ...]) -> None:
    text = "Giant cell tumour is a locally aggressive bone tumour. " + sentence
    assert answers(text, "prognostic-feature") == [expected]


def test_a_negated_warning_sign_gives_no_prognostic_card() -> None:
    text = (
        "Giant cell tumour is a locally aggressive bone tumour. A fluid level does not raise "
        "concern for malignant transformation."
    )
    assert answers(text, "prognostic-feature") == []


# --- sites ----------------------------------------------------------------------------------------


def test_sites_after_a_commonest_sites_label() -> None:
    text = (
        "Chordoma is a tumour of notochordal remnants. Commonest sites: sacrum, clivus and "
        "cervical spine."
    )
    assert answers(text, "common-site") == [("sacrum", "clivus", "cervical spine")]


def test_a_site_involved_more_often_than_another() -> None:
    text = (
        "Cholesteatoma is a mass of keratinising epithelium, and the pars flaccida is involved "
        "about three times as often as the pars tensa."
    )
    assert answers(text, "common-site") == [("pars flaccida",)]


def test_a_bare_side_singled_out_after_a_site_is_no_item() -> None:
    text = (
        "Sarcoidosis is a granulomatous disease. The hilar nodes, particularly the right, "
        "are the most commonly involved sites."
    )
    (card,) = cards(text, "common-site", "Sarcoidosis")
    assert "{{c2::" not in card


def test_an_entity_named_only_among_the_items_is_not_whose_fact_it_is() -> None:
    case = make_case(
        "Adenomyosis is the presence of endometrial glands within the myometrium. Coexists "
        "with leiomyomas and endometriosis in many women.",
        differentials=("Leiomyoma",),
        final="Adenomyosis",
    )
    (fact,) = facts_of(case, "association")
    assert fact.subject == "Adenomyosis"
    assert marked(fact).startswith("In adenomyosis, coexists with {{c1::leiomyomas}}")


# --- surgical indications -------------------------------------------------------------------------


def indications(discussion: str, final: str) -> list[str]:
    return cards(discussion, "surgical-indication", final)


def test_a_role_goes_on_with_indications_one_cloze_per_condition() -> None:
    text = (
        "Endometriosis is ectopic endometrial tissue. Excision of deep nodules is the definitive "
        "treatment and is indicated when pain persists despite hormonal therapy in women who "
        "do not wish to conceive."
    )
    (card,) = indications(text, "Endometriosis")
    assert "{{c1::pain persists despite hormonal therapy}}" in card
    assert "{{c2::women who do not wish to conceive}}" in card


def test_a_conservative_course_is_still_no_indication() -> None:
    text = (
        "Endometriosis is ectopic endometrial tissue. Surgery is reserved for women in whom "
        "medical therapy is preferred."
    )
    assert indications(text, "Endometriosis") == []


def test_a_qualified_lesion_in_the_passive_is_the_indication() -> None:
    text = (
        "A branchial cleft cyst is a remnant of the branchial apparatus. Infected branchial "
        "cysts are excised once the infection has settled."
    )
    (card,) = indications(text, "Branchial cleft cyst")
    assert "{{c1::" in card and "infected branchial cysts}}" in card.lower()
    assert card.startswith("In branchial cleft cyst, ")


@pytest.mark.parametrize(
    "sentence",
    [
        "The cyst is excised through a neck incision.",
        "Most cysts are excised.",
        "Small asymptomatic cysts can be watched.",
        "Asymptomatic cysts are left alone.",
        "Cysts recur if the tract is not excised or the wall is ruptured.",
        "Infected cysts may be excised.",
    ],
)
def test_passives_that_state_no_indication(sentence: str) -> None:
    text = "A branchial cleft cyst is a remnant of the branchial apparatus. " + sentence
    assert indications(text, "Branchial cleft cyst") == []


def test_two_treatments_in_one_sentence_give_two_cards_each_with_its_own_clause() -> None:
    text = (
        "Hepatocellular carcinoma is the commonest primary liver cancer. Resection is the "
        "standard treatment for a single tumour in a non-cirrhotic liver, while percutaneous "
        "ablation is preferred for small, deep, multiple tumours."
    )
    found = indications(text, "Hepatocellular carcinoma")
    assert len(found) == 2
    assert "{{c1::single tumour in a non-cirrhotic liver}}." in found[0]
    assert "ablation" not in found[0]
    assert found[1].endswith("ablation is preferred for {{c1::small, deep, multiple tumours}}.")


def test_a_purpose_after_is_used_for_is_no_indication() -> None:
    text = (
        "Meningioma is the commonest extra-axial tumour. Resection is the treatment of choice "
        "for symptomatic tumours, and preoperative embolisation is used for devascularisation."
    )
    found = indications(text, "Meningioma")
    assert len(found) == 1 and "devascularisation" not in found[0].split("::", 1)[1]


def test_telegraphic_management_and_condition_lines() -> None:
    text = (
        "Cholecystitis is inflammation of the gallbladder. Management: cholecystectomy for "
        "acute calculous cholecystitis. Gangrenous gallbladder in a frail patient: "
        "percutaneous cholecystostomy, then interval surgery."
    )
    found = indications(text, "Cholecystitis")
    assert any("{{c1::acute calculous cholecystitis}}" in c for c in found)
    assert any("{{c1::gangrenous gallbladder in a frail patient}}" in c.lower() for c in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Management: antibiotics for mild cholecystitis.",
        "Treatment: percutaneous cholecystostomy first.",
        "Risk factors: obesity, previous abdominal surgery.",
        "MRI: oedema of the wall after surgery.",
    ],
)
def test_lines_that_name_no_intervention_for_a_condition(sentence: str) -> None:
    text = "Cholecystitis is inflammation of the gallbladder. " + sentence
    assert indications(text, "Cholecystitis") == []


# --- more general wordings ------------------------------------------------------------------------


def test_an_event_and_its_consequence_are_both_complications() -> None:
    text = "Splenic artery aneurysm is a visceral aneurysm. Rupture can cause haemoperitoneum."
    assert answers(text, "complication") == [("rupture", "haemoperitoneum")]


def test_an_event_more_frequent_in_a_group_is_a_complication() -> None:
    text = (
        "Meckel diverticulum is a remnant of the omphalomesenteric duct. Bleeding is more "
        "common in young children."
    )
    assert answers(text, "complication") == [("bleeding",)]


def test_malignant_change_with_an_aside_and_its_warning_signs() -> None:
    text = (
        "Mucinous cystic neoplasm is a pancreatic cyst of middle-aged women. Malignant "
        "transformation, usually into invasive mucinous carcinoma, occurs in about 10% and "
        "should be suspected when a solid component appears, especially in cysts larger than "
        "4 cm."
    )
    assert answers(text, "complication") == [
        ("malignant transformation", "invasive mucinous carcinoma")
    ]
    assert answers(text, "prognostic-feature") == [("solid component", "cysts larger than 4 cm")]


def test_a_share_of_patients_with_a_second_condition_is_an_association() -> None:
    text = (
        "Renal cell carcinoma is the commonest renal malignancy, and about 5% have a "
        "synchronous contralateral tumour."
    )
    assert answers(text, "association") == [("contralateral tumour",)]


def test_synchronous_tumours_are_an_association() -> None:
    text = (
        "Colorectal carcinoma is a common cancer. Adenomatous polyps are found synchronously "
        "in a third of patients."
    )
    assert answers(text, "association") == [("adenomatous polyps",)]


def test_a_cause_by_obstruction_lists_risk_factors() -> None:
    text = (
        "Sialadenitis is inflammation of a salivary gland. It results from obstruction of the "
        "duct by a calculus or a stricture."
    )
    assert answers(text, "risk-factor") == [("calculus", "stricture")]


def test_predisposing_to_another_condition_is_not_this_entity_risk_factor() -> None:
    text = (
        "Hepatocellular carcinoma is the commonest primary liver cancer. Obesity and alcohol "
        "also predispose to hepatocellular carcinoma. Cirrhosis predisposes to variceal "
        "bleeding."
    )
    assert answers(text, "risk-factor", "Hepatocellular carcinoma") == [("Obesity", "alcohol")]


def test_a_key_predisposing_factor_with_its_usual_cause_and_a_further_factor() -> None:
    text = (
        "Pyonephrosis is infected hydronephrosis. Ureteric obstruction, most often by a "
        "calculus, together with urinary infection is the key predisposing factor; "
        "immunosuppression is a further risk factor."
    )
    assert answers(text, "risk-factor") == [
        ("ureteric obstruction", "calculus", "urinary infection", "immunosuppression")
    ]


def test_organisms_most_commonly_isolated_are_associations() -> None:
    text = (
        "Septic arthritis is infection of a joint space. Staphylococcus aureus and "
        "streptococci are the organisms most commonly isolated."
    )
    (found,) = answers(text, "association")
    assert found[1] == "streptococci"


def test_features_that_define_a_syndrome() -> None:
    text = (
        "Lipoma is a benign fatty tumour. Multiple lipomas with angiolipomas define familial "
        "lipomatosis."
    )
    (found,) = answers(text, "association", "Lipoma")
    assert found == ("angiolipomas", "familial lipomatosis")


def test_a_role_followed_by_a_timing_keeps_the_treatment_hidden() -> None:
    text = (
        "Intussusception is the telescoping of bowel. Hydrostatic reduction, under ultrasound "
        "guidance, is the first-line treatment and is performed once shock has been corrected."
    )
    (card,) = indications(text, "Intussusception")
    assert "{{c1::Hydrostatic reduction" in card or "{{c1::hydrostatic reduction" in card
    assert "{{c2::" not in card


def test_a_lone_modifier_or_code_shares_the_next_noun() -> None:
    text = (
        "Renal cell carcinoma is the commonest renal malignancy. Ablation is preferred in older "
        "or frail patients with a small mass. Ablation is an option for T1a and T1b tumours."
    )
    found = [a for f in indications(text, "Renal cell carcinoma") for a in [f]]
    assert any("{{c1::older or frail patients with a small mass}}" in c for c in found)
    # An option hides which treatment it is too (c1), then whom it is for.
    assert any("{{c1::ablation}} is an option for {{c2::T1a and T1b tumours}}" in c for c in found)


def test_a_treatment_with_a_bracketed_list_of_steps() -> None:
    text = (
        "Hydatid disease is a parasitic infection. Percutaneous treatment (PAIR: puncture, "
        "aspiration, injection and re-aspiration) is an option for unilocular cysts."
    )
    (fact,) = facts_of(make_case(text, final="Hydatid disease"), "surgical-indication")
    # The option is hidden with its treatment; the bracket explaining it stays visible.
    assert fact.answers() == ("percutaneous treatment", "unilocular cysts")
    assert fact.key == "percutaneous-treatment"
