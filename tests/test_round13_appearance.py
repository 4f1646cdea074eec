"""sequence-appearance, round 13: the "In this case (...)" opening of a findings card is the
shared case summary, kept only when it is short and every detail reads as a noun phrase. Every
sentence here is written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers
from extract_helpers import facts_of, make_case

from deckbuilder.extract.appearance import vignette
from deckbuilder.extract.base import CaseContext
from deckbuilder.lexicon import Lexicon
from deckbuilder.model import Patient

KIND = "sequence-appearance"


def opening(history: str, lexicon: Lexicon, age: str = "", sex: str = "") -> str:
    case = make_case(history=history, patient=Patient(age=age or None, sex=sex or None))
    return vignette(CaseContext(case, (), lexicon, ""))


@pytest.mark.parametrize(
    ("history", "age", "sex", "expected"),
    [
        (
            "A 62-year-old man with chronic kidney disease was referred for imaging.",
            "62",
            "male",
            "62-year-old man with chronic kidney disease",
        ),
        (
            "This 9-year-old girl presented with knee swelling. Her parents reported no trauma.",
            "9",
            "female",
            "9-year-old girl with knee swelling",
        ),
    ],
)
def test_a_short_stated_detail_is_kept(
    history: str, age: str, sex: str, expected: str, lexicon: Lexicon
) -> None:
    assert opening(history, lexicon, age, sex) == expected


@pytest.mark.parametrize(
    ("history", "age", "sex", "person"),
    [
        # a participle and its adverbial, not a noun phrase: "with begun two days before"
        (
            "A 50-year-old man came in because his knee pain had begun two days before.",
            "50",
            "male",
            "50-year-old man",
        ),
        (
            "A 33-year-old woman was seen for a swollen ankle which had since grown slowly.",
            "33",
            "female",
            "33-year-old woman",
        ),
        # longer than the cap: the bare patient, never a detail cut in half
        (
            "A 41-year-old woman presented with recurrent episodes of right upper abdominal "
            "pain radiating to the back after fatty meals.",
            "41",
            "female",
            "41-year-old woman",
        ),
    ],
)
def test_a_remnant_or_a_long_detail_gives_the_bare_patient(
    history: str, age: str, sex: str, person: str, lexicon: Lexicon
) -> None:
    assert opening(history, lexicon, age, sex) == person


def test_the_age_in_the_history_is_used_when_the_front_matter_has_none(
    lexicon: Lexicon,
) -> None:
    found = opening("A 5-week-old boy with bilious vomiting was admitted.", lexicon, sex="male")
    assert found == "5-week-old boy with bilious vomiting"


def test_the_findings_card_opens_with_the_summary(lexicon: Lexicon) -> None:
    case = make_case(
        history="A 62-year-old man with chronic kidney disease was referred for imaging.",
        findings="On T2-weighted images the left renal mass is hyperintense.",
        final="Renal cyst",
        patient=Patient(age="62", sex="male"),
    )
    texts = [f.text for f in facts_of(case, KIND)]
    assert texts
    assert all("In this case (62-year-old man with chronic kidney disease)" in t for t in texts)


def test_a_long_finding_keeps_the_card_short_with_the_bare_patient(lexicon: Lexicon) -> None:
    findings = (
        "On T2-weighted images the lobulated mass in the right lobe of the liver, which measured "
        "six centimetres and displaced the middle hepatic vein towards the gallbladder fossa, "
        "was markedly hyperintense with a few thin internal septa, a central scar that crossed "
        "most of its width and a rim of compressed parenchyma along the whole of its "
        "posterior margin."
    )
    case = make_case(
        history="A 47-year-old woman with intermittent right upper quadrant discomfort was seen.",
        findings=findings,
        final="Hepatic lesion",
        patient=Patient(age="47", sex="female"),
    )
    texts = [f.text for f in facts_of(case, KIND)]
    assert texts
    assert all(len(t) <= 400 for t in texts)
    assert any(t.startswith("In this case (47-year-old woman), ") for t in texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The typical MR behaviour may be described as follows: T1: low to intermediate; "
            "T2: high (mildly heterogeneous); post-contrast: avid enhancement.",
            {("t1", "low to intermediate"), ("t2", "high")},
        ),
        (
            "Put briefly, the lesion on this scanner reads as: T2: intermediate (faint); T1: iso.",
            {("t2", "intermediate"), ("t1", "iso")},
        ),
    ],
)
def test_a_sequence_label_after_a_lead_colon_takes_its_first_level(
    text: str, expected: set[tuple[str, str]], lexicon: Lexicon
) -> None:
    assert expected <= answers(text, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "Sequences acquired at the outside centre: T1, T2 and DWI.",
        "Our usual protocol is summarised as: T1: axial and coronal; T2: sagittal.",
    ],
)
def test_a_lead_colon_before_a_protocol_list_gives_no_level(text: str, lexicon: Lexicon) -> None:
    assert not answers(text, lexicon)


# --- a term in the subject when the predicate has its own -------------------------------------


@pytest.mark.parametrize(
    ("discussion", "asked", "not_asked"),
    [
        (
            "Chordoma is a notochordal tumour. Necrotic or mucoid parts are T2 bright.",
            "bright",
            "Necrotic",
        ),
        (
            "Chordoma is a notochordal tumour. Haemorrhagic foci are hyperintense on T1WI.",
            "hyperintense",
            "Haemorrhagic",
        ),
    ],
)
def test_a_term_in_the_subject_is_not_asked_when_the_predicate_has_one(
    discussion: str, asked: str, not_asked: str
) -> None:
    found = [a for f in facts_of(make_case(discussion), "sequence-appearance") for a in f.answers()]
    assert asked in found
    assert all(not_asked.lower() not in a.lower() for a in found)


def test_a_subject_term_with_no_predicate_term_is_still_asked() -> None:
    case = make_case("Chordoma is a notochordal tumour. Hypointense septa are typical on T2WI.")
    found = [a for f in facts_of(case, "sequence-appearance") for a in f.answers()]
    assert found == ["hypointense septa"]
