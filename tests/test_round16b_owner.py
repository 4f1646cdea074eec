"""Round 16, second part: whose fact it is.

Rule, one line: a sentence opening with a nominalised act of the reader ("Detection of ...",
"Differentiation from ...", subject.yaml ``nominal_openings``) never names the case's topic.
"""

from __future__ import annotations

import pytest

from deckbuilder.extract.subject import is_generic
from deckbuilder.lexicon import load_lexicon
from tests.extract_helpers import discussion_subject

LEX = load_lexicon()


@pytest.mark.parametrize(
    ("discussion", "final", "expected"),
    [
        (
            "Detection of a fracture line with a fat-fluid level is diagnostic after trauma. "
            "Radiographs with a horizontal beam show it best.",
            "Tibial plateau fracture with lipohaemarthrosis",
            "Tibial plateau fracture",
        ),
        (
            "Differentiation of a stress fracture from an osteoid osteoma is possible by its lack of a nidus. "
            "The lesion is painless.",
            "Stress fracture of the tibia",
            "Stress fracture of the tibia",
        ),
        (
            "Identification of an inflamed appendix is the key to the diagnosis. "
            "The wall is thickened.",
            "Acute appendicitis",
            "Acute appendicitis",
        ),
    ],
)
def test_a_nominalised_opening_is_not_the_topic(discussion: str, final: str, expected: str) -> None:
    assert discussion_subject(discussion, final).lower() == expected.lower()


@pytest.mark.parametrize(
    "phrase",
    ["Demonstration of restricted diffusion", "Establishment of the diagnosis", "Detection of fat"],
)
def test_nominal_openings_are_generic(phrase: str) -> None:
    assert is_generic(phrase, LEX)


@pytest.mark.parametrize(
    ("discussion", "final", "expected"),
    [
        # Negative: a disease name that merely contains such a word later is still the topic.
        (
            "Fibrous dysplasia is a developmental anomaly of bone-forming mesenchyme. "
            "Detection is often incidental.",
            "Polyostotic fibrous dysplasia",
            "Fibrous dysplasia",
        ),
        (
            "Osteochondritis dissecans is a separation of a subchondral fragment. "
            "Identification of the loose body matters for surgery.",
            "Osteochondritis dissecans of the knee",
            "Osteochondritis dissecans",
        ),
    ],
)
def test_an_entity_opening_stays_the_topic(discussion: str, final: str, expected: str) -> None:
    assert discussion_subject(discussion, final).lower() == expected.lower()
    assert not is_generic(expected, LEX)
