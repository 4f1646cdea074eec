"""Definitions, signs and distinguishing features on wording without explicit contrast words:
a differential paragraph that names each alternative as its own subject, coordinated features,
negated features kept whole, hedges left visible. Sentences are our own, from several areas."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked, split_answers

KIND = "distinguishing-feature"


def features(discussion: str, differentials: tuple[str, ...], final: str) -> list[str]:
    case = make_case(discussion, differentials=differentials, final=final)
    return [marked(f) for f in facts_of(case, KIND)]


OPENING = "Osteochondroma is the commonest benign bone tumour. "


@pytest.mark.parametrize(
    ("sentence", "listed", "expected"),
    [
        (
            "A giant cell tumour extends to the articular surface and lacks a sclerotic rim.",
            "Giant cell tumour",
            "A giant cell tumour {{c1::extends to the articular surface}} and "
            "{{c2::lacks a sclerotic rim}}.",
        ),
        (
            "Parosteal osteosarcomas are denser centrally and encase the shaft.",
            "Parosteal osteosarcoma",
            # "denser centrally" is asked by the appearance card of the split: not again here.
            "Parosteal osteosarcomas are denser centrally and {{c1::encase the shaft}}.",
        ),
        (
            "A bursa does not contain cartilage and communicates with the joint.",
            "Bursa",
            "A bursa {{c1::does not contain cartilage}} and {{c2::communicates with the joint}}.",
        ),
        (
            "A periosteal chondroma is smaller, scallops the outer cortex and has no stalk.",
            "Periosteal chondroma",
            "A periosteal chondroma is {{c1::smaller}}, {{c2::scallops the outer cortex}} and "
            "has {{c3::no stalk}}.",
        ),
    ],
)
def test_a_listed_alternative_as_subject_gives_one_cloze_per_feature(
    sentence: str, listed: str, expected: str
) -> None:
    assert features(OPENING + sentence, (listed,), "Osteochondroma") == [expected]
    # No feature is asked twice: what a card of another kind asks stays visible here.
    asked = split_answers(OPENING + sentence, (listed,), "Osteochondroma")
    assert not {a for a in asked if "{{c" in expected and f"::{a}}}}}" in expected}


def test_a_subject_needs_a_verb_the_lexicon_knows() -> None:
    # "hugs" is no verb of the lexicon: the sentence opens with no known predicate.
    text = OPENING + "A giant cell tumour hugs the articular surface."
    assert features(text, ("Giant cell tumour",), "Osteochondroma") == []


def test_a_hedged_predicate_stays_visible_without_a_cloze() -> None:
    text = (
        "Renal infarction is uncommon. Acute pyelonephritis may look wedge-shaped but "
        "resolves on antibiotics."
    )
    assert features(text, ("Acute pyelonephritis",), "Renal infarction") == [
        "Acute pyelonephritis may look wedge-shaped but {{c1::resolves on antibiotics}}."
    ]


def test_an_alternative_written_with_another_adjective_and_a_pronoun_after_it() -> None:
    text = (
        "Pulmonary hamartoma is the commonest benign lung tumour. Solitary metastases grow "
        "quickly. They usually lack calcification."
    )
    assert features(text, ("Lung metastases",), "Pulmonary hamartoma") == [
        "Solitary metastases {{c1::grow quickly}}.",
        "Solitary metastases usually {{c1::lack calcification}}.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # the author's own case, told in the past
        "Tuberculous spondylitis was our main concern.",
        # the case's own disease under a shared head noun
        "Pyogenic spondylodiscitis spreads through the disc.",
        # vague: teaches nothing
        "Tuberculous spondylitis is the main differential diagnosis.",
        "Tuberculous spondylitis can look identical.",
        # a subject that is no listed alternative
        "Disc degeneration narrows the disc space.",
        # "has been reported" states no feature
        "Tuberculous spondylitis has been reported in children.",
    ],
)
def test_no_feature_card(sentence: str) -> None:
    text = "Pyogenic spondylodiscitis is a bacterial infection of the disc. " + sentence
    assert features(text, ("Tuberculous spondylitis",), "Pyogenic spondylodiscitis") == []


def test_a_telegraphic_line_headed_by_the_alternative() -> None:
    text = (
        "Acute cholecystitis is common. Adenomyomatosis: shows comet-tail artefacts, does not "
        "enhance and spares the fundus."
    )
    assert features(text, ("Adenomyomatosis",), "Acute cholecystitis") == [
        "Adenomyomatosis: shows comet-tail artefacts, {{c1::does not enhance}} and "
        "{{c2::spares the fundus}}."
    ]
    # The artefact is asked by the appearance card of the split, once.
    assert "comet-tail artefacts" in split_answers(
        text, ("Adenomyomatosis",), "Acute cholecystitis"
    )


def test_set_against_reads_each_quality_and_the_with_list() -> None:
    text = (
        "Pilocytic astrocytoma is a childhood tumour. A haemangioblastoma, by contrast, is "
        "small and solid, with flow voids and a syrinx."
    )
    out = features(text, ("Haemangioblastoma",), "Pilocytic astrocytoma")
    assert len(out) == 1
    assert "{{c1::small}} and {{c2::solid}}, with {{c3::flow voids}} and a {{c4::syrinx}}" in out[0]


def test_a_shared_feature_after_since_is_no_distinguishing_feature() -> None:
    text = (
        "Meningioma is the commonest extra-axial tumour. Dural metastases can look similar, "
        "since they also enhance avidly."
    )
    assert features(text, ("Dural metastases",), "Meningioma") == []


def test_whereas_hides_the_features_of_both_sides() -> None:
    text = (
        "Lipoma is the commonest soft-tissue tumour. A lipoma suppresses completely on "
        "fat-saturated images, whereas a liposarcoma shows thick septa and nodular enhancement."
    )
    assert features(text, ("Liposarcoma",), "Lipoma") == [
        "A lipoma {{c1::suppresses completely}} on fat-saturated images, whereas a liposarcoma "
        "shows {{c2::thick septa}} and {{c3::nodular enhancement}}."
    ]


def test_whereas_between_two_unlisted_things_gives_nothing() -> None:
    text = (
        "Lipoma is the commonest soft-tissue tumour. Fat is bright on T1WI, whereas muscle is "
        "intermediate."
    )
    assert features(text, ("Liposarcoma",), "Lipoma") == []


def test_a_listed_name_inside_a_longer_word_is_not_the_diagnosis() -> None:
    text = (
        "Epidermoid cysts are congenital inclusion lesions. A dermoid cyst contains fat and "
        "lies in the midline."
    )
    assert features(text, ("Dermoid cyst",), "Epidermoid cyst") == [
        "A dermoid cyst contains {{c1::fat}} and lies in the midline."
    ]
    # The place is the site card's answer, not asked again in the feature card.
    assert "midline" in split_answers(text, ("Dermoid cyst",), "Epidermoid cyst")


# --- definition -----------------------------------------------------------------------------------


def definitions(discussion: str, final: str) -> list[str]:
    return [marked(f) for f in facts_of(make_case(discussion, final=final), "definition")]


def test_a_plural_category_named_by_its_ending_and_the_cells_it_arises_from() -> None:
    assert definitions(
        "Glomus jugulare tumours are paragangliomas that arise from the paraganglion cells of "
        "the jugular bulb.",
        "Glomus jugulare tumour",
    ) == [
        "Glomus jugulare tumours are {{c1::paragangliomas}} that arise from the "
        "{{c2::paraganglion cells}} of the jugular bulb."
    ]


def test_a_rank_is_hidden_with_its_category_and_group() -> None:
    assert definitions(
        "Osteosarcoma is the most common primary malignant bone tumour of adolescents.",
        "Osteosarcoma",
    ) == ["Osteosarcoma is the {{c1::most common primary malignant bone tumour of adolescents}}."]


def test_a_rank_of_a_generic_head_gives_nothing() -> None:
    assert (
        definitions(
            "Pneumothorax is the most common condition requiring a chest drain in young men.",
            "Pneumothorax",
        )
        == []
    )


def test_replaced_by_and_containing_give_one_cloze_per_component() -> None:
    (card,) = definitions(
        "Paget disease is a chronic bone disorder in which normal bone is replaced by "
        "disorganised lamellar bone containing fibrous marrow.",
        "Paget disease",
    )
    assert "{{c2::disorganised lamellar bone}} containing {{c3::fibrous marrow}}" in card


def test_a_cause_as_the_entity_own_predicate() -> None:
    assert (
        definitions(
            "Achondroplasia is a skeletal dysplasia. It results from a mutation of the FGFR3 gene.",
            "Achondroplasia",
        )[-1]
        == "Achondroplasia results from a {{c1::mutation of the FGFR3 gene}}."
    )


def test_a_telegraphic_label_of_the_case_entity_or_its_head() -> None:
    assert definitions(
        "Spondylolysis: a defect of the pars interarticularis, usually at L5.",
        "Bilateral spondylolysis",
    ) == ["Spondylolysis: a {{c1::defect of the pars interarticularis}}, usually at L5."]


@pytest.mark.parametrize(
    "discussion",
    [
        "Management: rest and physiotherapy.",
        "Spondylolysis: seen in athletes, usually at L5.",
        "Spondylolysis may result from repetitive stress.",
        "Spondylolysis does not result from a single injury.",
    ],
)
def test_no_definition(discussion: str) -> None:
    assert definitions(discussion, "Spondylolysis") == []


# --- sign -----------------------------------------------------------------------------------------


def signs(discussion: str, final: str, differentials: tuple[str, ...] = ()) -> list[str]:
    case = make_case(discussion, differentials=differentials, final=final)
    return [marked(f) for f in facts_of(case, "sign")]


def test_a_labelled_list_of_signs_gives_one_cloze_per_finding() -> None:
    assert signs(
        "Pneumothorax is air in the pleural space. Signs of tension: mediastinal shift, "
        "flattened hemidiaphragm, widened intercostal spaces.",
        "Pneumothorax",
    ) == [
        "In pneumothorax, signs of tension: {{c1::mediastinal shift}}, "
        "{{c2::flattened hemidiaphragm}}, {{c3::widened intercostal spaces}}."
    ]


def test_a_quoted_figure_of_speech_is_a_sign_but_a_quoted_quality_is_not() -> None:
    text = (
        'Pulmonary alveolar proteinosis is a rare lung disease. CT shows a "crazy paving" '
        'pattern. The opacities have a "fluffy" appearance.'
    )
    assert signs(text, "Pulmonary alveolar proteinosis") == [
        'In pulmonary alveolar proteinosis, CT shows a "{{c1::crazy paving}}" pattern.'
    ]


def test_a_named_deformity_opening_its_sentence_is_carded_under_the_entity() -> None:
    assert signs(
        "Paget disease is a disorder of bone remodelling. Picture frame deformity of the "
        "vertebral body results from thickening of the cortex.",
        "Paget disease",
    ) == [
        "In Paget disease, {{c1::picture frame deformity}} of the vertebral body results from "
        "thickening of the cortex."
    ]


def test_a_sign_of_a_listed_alternative_names_that_alternative() -> None:
    assert signs(
        "Ulcerative colitis is a chronic colitis. Crohn disease spares the rectum and shows "
        "the string sign.",
        "Ulcerative colitis",
        ("Crohn disease",),
    ) == ["Crohn disease spares the rectum and shows the {{c1::string sign}}."]


def test_a_finding_subject_gets_the_entity_named() -> None:
    assert signs(
        "Sigmoid volvulus is a twist of the sigmoid colon. Massive dilatation of the loop "
        "gives the coffee bean appearance.",
        "Sigmoid volvulus",
    ) == [
        "In sigmoid volvulus, massive dilatation of the loop gives the "
        "{{c1::coffee bean appearance}}."
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "No signs of tension: no shift, no flattening.",
        "Signs of tension were absent.",
        "The pleural line is thin, without the deep sulcus sign.",
    ],
)
def test_no_sign_card(sentence: str) -> None:
    assert signs("Pneumothorax is air in the pleural space. " + sentence, "Pneumothorax") == []


def test_a_ddx_line_gives_each_bracketed_alternative_its_features() -> None:
    text = (
        "Cholecystitis is inflammation of the gallbladder. DDx: acute hepatitis (thick "
        "gallbladder wall, raised transaminases), peptic ulcer, pancreatitis."
    )
    assert features(text, ("Acute hepatitis", "Pancreatitis"), "Acute cholecystitis") == [
        "Acute hepatitis (differential diagnosis of cholecystitis): "
        "{{c1::thick gallbladder wall}}, {{c2::raised transaminases}}."
    ]


def test_a_telegraphic_line_of_nouns_and_predicates() -> None:
    text = (
        "Osteochondroma is the commonest benign bone tumour. Chondrosarcoma: adults, centred "
        "on the pelvis, destroys the cortex."
    )
    assert features(text, ("Chondrosarcoma",), "Osteochondroma") == [
        "Chondrosarcoma: adults, centred on the pelvis, {{c1::destroys the cortex}}."
    ]
    # The age group and the place are the age and site cards' answers.
    assert {"adults", "pelvis"} <= split_answers(text, ("Chondrosarcoma",), "Osteochondroma")


def test_a_participle_with_its_preposition_ends_a_feature() -> None:
    text = (
        "Gout is a crystal arthropathy. Pseudogout produces chondrocalcinosis caused by "
        "calcium pyrophosphate and is typically associated with older age."
    )
    assert features(text, ("Pseudogout",), "Gout") == [
        "Pseudogout produces {{c1::chondrocalcinosis}} caused by calcium pyrophosphate and is "
        "typically associated with older age."
    ]


def test_thresholds_with_what_they_mean_for_the_diagnosis() -> None:
    text = (
        "Hydronephrosis is dilatation of the renal pelvis. US: an anteroposterior pelvic "
        "diameter of 10 mm or more is abnormal, whereas less than 7 mm makes it unlikely."
    )
    (card,) = features(text, ("Extrarenal pelvis",), "Hydronephrosis")
    assert "{{c1::10 mm or more}} is abnormal" in card
    assert "{{c2::less than 7 mm}} makes it unlikely" in card


def test_a_number_without_a_diagnostic_meaning_is_no_threshold() -> None:
    text = (
        "Hydronephrosis is dilatation of the renal pelvis. The pelvis measured 14 mm and the "
        "cortex was 9 mm thick."
    )
    assert features(text, ("Extrarenal pelvis",), "Hydronephrosis") == []


def test_a_heading_word_a_comma_list_of_qualities_and_a_tissue() -> None:
    out = definitions(
        "Definition: chondroblastoma is a rare, benign, cartilage-forming neoplasm of immature "
        "chondroid cells.",
        "Chondroblastoma",
    )
    assert out == [
        "Chondroblastoma is a rare, {{c1::benign, cartilage-forming neoplasm}} of "
        "{{c2::immature chondroid cells}}."
    ]


def test_an_infection_caused_by_an_organism() -> None:
    assert definitions(
        "Cysticercosis is a parasitic infection caused by the larvae of Taenia solium.",
        "Cysticercosis",
    ) == [
        "Cysticercosis is a {{c1::parasitic infection}} caused by the "
        "{{c2::larvae of Taenia solium}}."
    ]


def test_a_predicate_opened_by_a_pronoun_after_and() -> None:
    text = (
        "Giant cell tumour is an epiphyseal tumour. Aneurysmal bone cysts are expansile, and "
        "they show fluid-fluid levels."
    )
    # Both predicates are appearances of the cyst: the appearance cards ask them, and the
    # feature card, left with nothing to ask, is not made.
    assert features(text, ("Aneurysmal bone cyst",), "Giant cell tumour") == []
    assert {"expansile", "fluid-fluid levels"} <= split_answers(
        text, ("Aneurysmal bone cyst",), "Giant cell tumour"
    )


def test_a_sign_produced_after_a_negated_comparison_is_still_stated() -> None:
    assert signs(
        "Crohn disease is a transmural enteritis. Crohn disease narrows rather than dilates "
        "the terminal ileum, producing the string sign on barium studies.",
        "Crohn disease",
    ) == [
        "Crohn disease narrows rather than dilates the terminal ileum, producing the "
        "{{c1::string sign}} on barium studies."
    ]
