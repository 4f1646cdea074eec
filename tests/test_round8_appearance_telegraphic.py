"""sequence-appearance, round 8b: telegraphic sequence/value pairs ("T1: iso; T2 high") written as
items of a list, and contrast abbreviations used as a line's label. Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers
from extract_helpers import facts_of, make_case, marked

from deckbuilder.lexicon import Lexicon
from deckbuilder.model import Patient

KIND = "sequence-appearance"


def _texts(findings: str) -> list[str]:
    case = make_case(
        findings=findings, final="Schwannoma", patient=Patient(age="44 years", sex="male")
    )
    return [marked(f) for f in facts_of(case, KIND)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MRI of the pelvis: T1: hypo; T2: bright; ADC: low.",
            {("t1", "hypo"), ("t2", "bright"), ("adc", "low")},
        ),
        ("Spine MR: T1 intermediate, STIR high.", {("t1", "intermediate"), ("stir", "high")}),
        (
            "Nodule: T2 iso- to hyper, T1 slightly hypo.",
            {("t2", "iso- to hyper"), ("t1", "slightly hypo")},
        ),
        ("On MR the cyst was T1 dark, T2 high.", {("t1", "dark"), ("t2", "high")}),
    ],
)
def test_sequence_value_pairs_are_read(
    text: str, expected: set[tuple[str, str]], lexicon: Lexicon
) -> None:
    assert expected <= answers(text, lexicon)


def test_each_pair_is_its_own_short_card() -> None:
    texts = _texts("Knee MRI: PD FS high; T1 low, T2 hyper.")
    assert "In this case (44-year-old man), T1 {{c1::low}}." in texts
    assert "In this case (44-year-old man), T2 {{c1::hyper}}." in texts


def test_a_denied_pair_gives_no_card(lexicon: Lexicon) -> None:
    found = answers("Brain MR: FLAIR: high; DWI: no restriction; SWI: no blooming.", lexicon)
    assert ("flair", "high") in found
    assert not any(seq in ("dwi", "swi") for seq, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Post-gad: thin peripheral enhancement.",
        "C+: nodular enhancement of the wall.",
        "CE: nodular enhancement.",
    ],
)
def test_contrast_abbreviation_as_label(text: str, lexicon: Lexicon) -> None:
    assert any(seq == "post-contrast" and "enhancement" in a for seq, a in answers(text, lexicon))


@pytest.mark.parametrize(
    "text",
    [
        "T2 mapping of the cartilage was performed.",
        "T1 and T2 relaxation times were measured in the phantom.",
        "Protocol: T1, T2, FLAIR, DWI.",
        "Sequences: axial T1, sagittal T2, coronal STIR.",
        "T2 high-resolution images of the inner ear were acquired.",
        "The dose of CE was low, T2 was not obtained.",
        "The CE mark was given; T1 values are low in children.",
    ],
)
def test_no_pair_without_a_value_item(text: str, lexicon: Lexicon) -> None:
    assert answers(text, lexicon) == set()
