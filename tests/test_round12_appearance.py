"""sequence-appearance, round 12: the object of a comparison ("unlike a simple cyst"), a term
naming a procedure, and a long clause cut at a comma inside brackets. Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers
from extract_helpers import facts_of, make_case, marked

from deckbuilder.lexicon import Lexicon

KIND = "sequence-appearance"


@pytest.mark.parametrize(
    ("text", "object_"),
    [
        (
            "On CT the collection enhanced at its margin, unlike a thin-walled seroma.",
            "thin-walled",
        ),
        (
            "After contrast the graft wall enhances, as opposed to a heterogeneous plaque.",
            "heterogeneous",
        ),
        (
            "On CT the mass enhanced avidly, compared with a hypoattenuating cyst.",
            "hypoattenuating",
        ),
    ],
)
def test_the_object_of_a_comparison_is_no_finding(
    text: str, object_: str, lexicon: Lexicon
) -> None:
    found = answers(text, lexicon)
    assert not any(object_ in answer for _, answer in found), found


def test_the_finding_before_the_comparison_still_counts(lexicon: Lexicon) -> None:
    found = answers(
        "On T2-weighted images the nodule is dark, in contrast to a hyperintense cyst.", lexicon
    )
    assert any(answer == "dark" for _, answer in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Under fluoroscopy the intussusception was reduced with the doughnut technique.",
        "On ultrasound the cyst was drained with a sandwich approach.",
    ],
)
def test_a_term_naming_a_procedure_is_no_finding(text: str, lexicon: Lexicon) -> None:
    found = answers(text, lexicon)
    assert found == set(), found


def test_a_long_clause_is_not_cut_at_a_comma_inside_brackets() -> None:
    case = make_case(
        findings="MRI of the shoulder (coronal proton-density images with fat suppression, "
        "sagittal T1-weighted images, axial gradient-echo images and a post-contrast series) "
        "showed a lobulated collection next to the posterior labrum, tracking along the "
        "spinoglenoid notch and abutting the suprascapular nerve, which was uniformly "
        "hyperintense on the fat-suppressed images and had a thin enhancing wall after "
        "gadolinium, with mild oedema of the infraspinatus muscle and no bony erosion of the "
        "glenoid neck or of the scapular spine on any of the series.",
        final="Paralabral cyst",
    )
    cards = [marked(f) for f in facts_of(case, KIND)]
    assert cards, "the collection's signal should give a card"
    for card in cards:
        assert card.count("(") == card.count(")"), card


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("On MRI the abscess cavity restricts on DWI.", ("dwi", "restricts")),
        ("The lymphoma restricted on diffusion-weighted images.", ("dwi", "restricted")),
        (
            "The adrenal nodule loses signal on opposed-phase images.",
            ("opposed-phase", "loses signal"),
        ),
        (
            "On ultrasound the pseudoaneurysm sac held swirling colour flow.",
            ("us", "swirling colour flow"),
        ),
        (
            "Unenhanced CT showed rim calcification of the hydatid cyst.",
            ("ct-unenhanced", "rim calcification"),
        ),
    ],
)
def test_verbs_and_nouns_of_a_finding_with_their_setting(
    text: str, pair: tuple[str, str], lexicon: Lexicon
) -> None:
    found = answers(text, lexicon)
    assert any(a == pair[1] for _, a in found), found


def test_a_restriction_verb_without_a_diffusion_setting_is_no_finding(lexicon: Lexicon) -> None:
    assert answers("On CT the range of motion was restricted by the cast.", lexicon) == set()


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (
            "On CT there is a slow increase in enhancement in the delayed phase.",
            "slow increase in enhancement in the delayed phase",
        ),
    ],
)
def test_a_kinetic_verb_before_its_phase(text: str, answer: str, lexicon: Lexicon) -> None:
    assert any(a == answer for _, a in answers(text, lexicon)), answers(text, lexicon)
