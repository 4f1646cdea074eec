"""General fact kinds on a third author's wording: telegraphic labels, sequelae inside sentences,
predictors, "define", "raise the suspicion of", "X is the Y sign", and the vague answers that
must give no card. Sentences are our own, from several areas."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case


def answers(discussion: str, kind: str) -> list[tuple[str, ...]]:
    return [f.answers() for f in facts_of(make_case(discussion), kind)]


# --- common-site ----------------------------------------------------------------------------------


def test_labelled_sites_give_one_cloze_per_site_and_drop_asides() -> None:
    text = (
        "Chondroblastoma is a rare cartilage tumour. Sites: the proximal humerus (about a third "
        "of cases); then the distal femur and proximal tibia."
    )
    assert answers(text, "common-site") == [("proximal humerus", "distal femur", "proximal tibia")]


def test_an_age_is_never_a_site() -> None:
    text = (
        "Chondroblastoma is a rare cartilage tumour. Age: most often found in the second "
        "decade. It most often arises in the first two decades of life."
    )
    assert answers(text, "common-site") == []


def test_sites_found_over_or_along_and_followed_by() -> None:
    text = (
        "Pilomatricoma is a benign skin tumour. Pilomatricomas are most often found over the "
        "face and along the neck, followed by the upper limbs."
    )
    assert answers(text, "common-site") == [("face", "neck", "upper limbs")]


# --- complication ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Complications: torsion; haemorrhage into the cyst.",
            ("torsion", "haemorrhage into the cyst"),
        ),
        ("Stricture, fistula and abscess may follow.", ("stricture", "fistula", "abscess")),
        ("Perforation can lead to peritonitis.", ("perforation", "peritonitis")),
        ("The cyst may rupture into the pleural space.", ("rupture into the pleural space",)),
        ("Renal vein thrombosis is a recognised complication.", ("renal vein thrombosis",)),
    ],
)
def test_complication_wordings(sentence: str, expected: tuple[str, ...]) -> None:
    text = "Crohn disease is a chronic inflammatory bowel disease. " + sentence
    assert answers(text, "complication") == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Surgery may follow.",
        "Pneumothorax is a recognised complication of lung biopsy.",
        "Perforation cannot lead to peritonitis.",
    ],
)
def test_complication_near_misses_give_nothing(sentence: str) -> None:
    text = "Crohn disease is a chronic inflammatory bowel disease. " + sentence
    assert answers(text, "complication") == []


def test_a_modal_clause_ends_a_list() -> None:
    text = (
        "Crohn disease is a chronic inflammatory bowel disease. Bleeding can cause anaemia, and "
        "secondary infection may occur."
    )
    assert answers(text, "complication") == [("bleeding", "anaemia")]


# --- prognostic-feature ---------------------------------------------------------------------------


def test_main_predictor_of_recurrence() -> None:
    text = (
        "Giant cell tumour is a locally aggressive bone tumour. The margin of excision is the "
        "main predictor of recurrence."
    )
    assert answers(text, "prognostic-feature") == [("margin of excision",)]


def test_more_common_when_the_tumour_invades() -> None:
    text = (
        "Chordoma is a malignant notochordal tumour. Recurrence is more common when the tumour "
        "invades the dura and sacral nerve roots."
    )
    assert answers(text, "prognostic-feature") == [("dura", "sacral nerve roots")]


def test_a_group_of_people_is_no_prognostic_feature() -> None:
    text = "Chordoma is a malignant notochordal tumour. Recurrence is more frequent in older men."
    assert answers(text, "prognostic-feature") == []


# --- association ----------------------------------------------------------------------------------


def test_raise_the_suspicion_of_a_condition() -> None:
    text = (
        "Schwannoma is a benign nerve sheath tumour. Bilateral vestibular schwannomas should "
        "raise the suspicion of neurofibromatosis type 2."
    )
    assert answers(text, "association") == [("neurofibromatosis type 2",)]


def test_define_a_syndrome_but_not_a_stage() -> None:
    text = (
        "Hamartoma is a benign malformation. Multiple hamartomas define Cowden syndrome. The "
        "size of the hamartoma defines three stages."
    )
    assert answers(text, "association") == [("Cowden syndrome",)]


# --- definition -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Kimura disease is a rare, chronic inflammatory disorder of the head and neck.",
        "Kimura disease is a disease of young Asian men.",
    ],
)
def test_a_bare_quality_or_generic_head_is_no_definition(sentence: str) -> None:
    assert answers(sentence, "definition") == []


# --- sign -----------------------------------------------------------------------------------------


def test_finding_is_the_named_sign() -> None:
    text = (
        "Intussusception is the telescoping of a bowel segment. Concentric rings of bowel wall "
        "on ultrasound are the target sign."
    )
    found = [f.answers() for f in facts_of(make_case(text), "sign")]
    assert ("target",) in found or ("target sign",) in found


# --- distinguishing-feature -----------------------------------------------------------------------


def test_the_main_differential_of_something_is_no_feature() -> None:
    case = make_case(
        "Mucinous cystadenoma is the main differential of a multilocular pancreatic cyst.",
        differentials=("Mucinous cystadenoma", "Serous cystadenoma"),
        final="Serous cystadenoma",
    )
    assert facts_of(case, "distinguishing-feature") == []


# --- distinguishing-feature: "rather than" --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "hidden"),
    [
        (
            "Aneurysmal bone cyst expands rather than destroys the cortex.",
            ("expands",),
        ),
        (
            "Giant cell tumour typically scallops the cortex rather than breaching it.",
            ("scallops the cortex",),
        ),
        (
            "Giant cell tumour shows an eccentric epiphyseal location rather than a central "
            "metaphyseal one.",
            ("eccentric epiphyseal location",),
        ),
    ],
)
def test_rather_than_hides_the_entity_own_feature(sentence: str, hidden: tuple[str, ...]) -> None:
    case = make_case("Giant cell tumour is a locally aggressive bone tumour. " + sentence)
    found = [
        f.answers() for f in facts_of(case, "distinguishing-feature") if "rather than" in f.text
    ]
    assert found == [hidden]


@pytest.mark.parametrize(
    "sentence",
    [
        "Observation rather than surgery is advised for small lesions.",
        "Giant cell tumour may expand rather than destroy the cortex.",
        "The lesion was lytic rather than sclerotic in our patient.",
        "Rather than a biopsy, follow-up imaging is enough.",
        "Lymphoma typically encases the vessels rather than narrowing them.",
    ],
)
def test_rather_than_near_misses_give_nothing(sentence: str) -> None:
    case = make_case("Giant cell tumour is a locally aggressive bone tumour. " + sentence)
    assert [f for f in facts_of(case, "distinguishing-feature") if "rather" in f.text] == []


def test_a_sign_as_subject_with_its_description_between_commas() -> None:
    text = (
        "Crohn disease is a chronic inflammatory bowel disease. The string sign, a long thin "
        "column of barium through a narrowed loop, indicates severe stenosis."
    )
    found = [f.answers() for f in facts_of(make_case(text), "sign")]
    assert found == [("string sign",)] or found == [("string",)]


def test_a_hedged_sign_subject_gives_no_card() -> None:
    text = (
        "Crohn disease is a chronic inflammatory bowel disease. The string sign, a long thin "
        "column of barium through a narrowed loop, may indicate spasm."
    )
    assert facts_of(make_case(text), "sign") == []
