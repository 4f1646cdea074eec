"""Round 15: coordinated adjectives and new vocabulary of the sequence-appearance rule.

Every sentence here is written for this file and names no corpus case.
"""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers

from deckbuilder.lexicon import Lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Rule: a bare adjective term coordinated with one adjective of the same form that ends
        # its clause is one answer ("septal and peripheral").
        (
            "On contrast-enhanced CT the nodal enhancement was peripheral or nodular.",
            ("ct-post-contrast", "peripheral or nodular"),
        ),
        (
            "After gadolinium the enhancement of the multilocular cyst was septal or central.",
            ("post-contrast", "septal or central"),
        ),
        (
            "The septal enhancement of the ovarian lesion was irregular and circumferential "
            "on post-contrast T1WI.",
            ("t1-post-contrast", "irregular and circumferential"),
        ),
    ],
)
def test_coordinated_adjectives_are_one_answer(
    text: str, expected: tuple[str, str], lexicon: Lexicon
) -> None:
    assert expected in answers(text, lexicon)


@pytest.mark.parametrize(
    ("text", "kept", "joined"),
    [
        # A signal word and a shape word are two findings, never one answer.
        ("On T2WI the renal lesion was hyperintense and cystic.", "hyperintense", "cystic"),
        # "but not" negates the second half: it never joins the answer.
        (
            "After contrast the enhancement of the mass was septal but not peripheral.",
            "septal",
            "peripheral",
        ),
    ],
)
def test_no_join_across_kinds_or_negation(
    text: str, kept: str, joined: str, lexicon: Lexicon
) -> None:
    found = {a for _, a in answers(text, lexicon)}
    assert kept in found
    assert not any(joined in a for a in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On SWI the cavernoma showed several susceptibility foci.",
            ("swi", "susceptibility foci"),
        ),
        (
            "SWI showed foci of susceptibility in the basal ganglia.",
            ("swi", "foci of susceptibility"),
        ),
        ("On ultrasound the solid nodule was taller-than-wide.", ("us", "taller-than-wide")),
        (
            "Sonography showed a hypoechoic nodule that was taller than wide.",
            ("us", "taller than wide"),
        ),
        ("On CT there was a cortical breakthrough of the fibula.", ("ct", "cortical breakthrough")),
        (
            "Colour Doppler of the renal mass showed chaotic vessels.",
            ("us-doppler", "chaotic vessels"),
        ),
        (
            "Colour Doppler showed chaotic vascularity within the node.",
            ("us-doppler", "chaotic vascularity"),
        ),
        (
            "On ultrasound the axillary node had lost its fatty hilum.",
            ("us", "lost its fatty hilum"),
        ),
        (
            "Ultrasound of the neck node showed loss of the fatty hilum.",
            ("us", "loss of the fatty hilum"),
        ),
        ("On T2 images the fibroadenoma had slit-like clefts.", ("t2", "slit-like clefts")),
        ("On ultrasound the breast mass contained cystic clefts.", ("us", "cystic clefts")),
    ],
)
def test_new_vocabulary_is_read(text: str, expected: tuple[str, str], lexicon: Lexicon) -> None:
    assert expected in answers(text, lexicon)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("SWI showed no susceptibility foci within the pituitary mass.", "susceptibility"),
        ("On ultrasound the nodule was not taller than wide.", "taller"),
        ("On CT there was no cortical breakthrough of the femur.", "breakthrough"),
        ("Colour Doppler showed no chaotic vessels in the nodule.", "chaotic"),
        ("On ultrasound the node had a preserved fatty hilum.", "hilum"),
    ],
)
def test_negated_or_normal_new_words_are_no_finding(text: str, word: str, lexicon: Lexicon) -> None:
    assert not any(word in answer for _, answer in answers(text, lexicon))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Rule: "and was/were" straight after a term opens a second predicate of the same
        # subject; the term before it is a finding, not part of a subject.
        (
            "On post-contrast T1WI the wall of the carotid artery enhanced avidly and was thickened.",
            ("t1-post-contrast", "enhanced avidly"),
        ),
        (
            "On CT the gallbladder wall enhanced strongly and was oedematous.",
            ("ct", "enhanced strongly"),
        ),
    ],
)
def test_a_term_before_and_was_is_a_predicate(
    text: str, expected: tuple[str, str], lexicon: Lexicon
) -> None:
    assert expected in answers(text, lexicon)


def test_a_term_inside_a_coordinated_subject_is_still_no_finding(lexicon: Lexicon) -> None:
    # "X and Y were Z": the term is in the subject; the predicate has its own finding.
    found = {a for _, a in answers("On T2WI the oedema and the fluid were hyperintense.", lexicon)}
    assert found == {"hyperintense"}
