"""Round 15b: every short item of a list of findings that holds one known finding is a finding.

Every sentence here is written for this file and names no corpus case.
"""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers

from deckbuilder.lexicon import Lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Rule: after "shows/are/include/features are/may be", a list "A, B and C" in one
        # setting with one known item makes each short item one answer.
        (
            "On CT the adrenal mass shows smooth margins, fatty density, a thin capsule and "
            "peripheral calcification.",
            {("ct", "smooth margins"), ("ct", "fatty density"), ("ct", "thin capsule")},
        ),
        (
            "On ultrasound the enlarged nodes may be cystic, calcified or hyperechoic.",
            {("us", "cystic"), ("us", "calcified"), ("us", "hyperechoic")},
        ),
    ],
)
def test_every_item_of_a_list_of_findings_is_a_finding(
    text: str, expected: set[tuple[str, str]], lexicon: Lexicon
) -> None:
    assert expected <= answers(text, lexicon)


def test_a_list_of_organs_gives_no_finding(lexicon: Lexicon) -> None:
    found = answers("On CT the lymphoma shows the spleen, kidneys and hypodense nodes.", lexicon)
    assert not {a for _, a in found} & {"spleen", "kidneys"}


def test_a_negated_item_is_no_finding(lexicon: Lexicon) -> None:
    found = {
        a
        for _, a in answers(
            "On CT the mass shows calcification, no fat, no necrosis and a thin rim.", lexicon
        )
    }
    assert "thin rim" in found
    assert not any("fat" in a or "necrosis" in a for a in found)


def test_a_list_of_sequences_gives_no_item(lexicon: Lexicon) -> None:
    found = {
        a
        for _, a in answers(
            "The protocol includes axial T1WI, coronal STIR, DWI and post-contrast images, "
            "showing avid enhancement.",
            lexicon,
        )
    }
    assert not found & {"axial T1WI", "coronal STIR", "post-contrast images"}


def test_a_list_with_a_clause_item_is_no_list(lexicon: Lexicon) -> None:
    found = {
        a
        for _, a in answers(
            "On ultrasound the scan showed swirling flow within the sac, with red and blue halves.",
            lexicon,
        )
    }
    assert "with red" not in found and "red" not in found


def test_a_lone_adjective_shares_the_noun_of_the_last_item(lexicon: Lexicon) -> None:
    found = {
        a
        for _, a in answers(
            "On radiographs the lesion shows a sclerotic, round or oval focus.", lexicon
        )
    }
    assert "round" not in found
