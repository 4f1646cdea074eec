"""Round 14: general fact kinds, rules of sentence structure tried on wordings of no corpus.

Fixtures are written for these tests, on diseases of other areas of radiology than the tuning
sets, in at least two wordings; negative cases check that no card (or no cloze) is made.
"""

from __future__ import annotations

from extract_helpers import discussion_facts as _facts
from extract_helpers import marked

KIND = "definition"


def _cards(text: str, final: str) -> list[str]:
    return [marked(f) for f in _facts(text, final, KIND)]


# definition: a head whose "of" phrase is its substance ("failure of", "deficiency of") reads on


def test_a_failure_head_keeps_what_fails() -> None:
    cards = _cards("Osteomalacia is the failure of mineralisation of mature bone.", "Osteomalacia")
    assert len(cards) == 1
    assert "{{c1::failure of mineralisation}}" in cards[0]


def test_a_deficiency_head_keeps_what_is_lacking() -> None:
    cards = _cards("Scurvy is a deficiency of vitamin C in the diet.", "Scurvy")
    assert len(cards) == 1
    assert "{{c1::deficiency of vitamin C}}" in cards[0]


def test_a_negated_failure_definition_gives_no_card() -> None:
    assert _cards("Scurvy is not a deficiency of vitamin D.", "Scurvy") == []


# definition: "lined by/with X" names a cyst's or tumour's lining, each layer a cloze


def test_a_lining_is_its_own_cloze() -> None:
    cards = _cards(
        "Bronchogenic cyst is a congenital foregut cyst lined by respiratory epithelium.",
        "Bronchogenic cyst",
    )
    assert len(cards) == 1
    assert "{{c1::congenital foregut cyst}}" in cards[0]
    assert "lined by {{c2::respiratory epithelium}}" in cards[0]


def test_a_lining_resting_on_a_second_layer_gives_two_clozes() -> None:
    cards = _cards(
        "Dermoid cyst is a benign cystic lesion lined with keratinised squamous epithelium "
        "resting on a fibrous capsule.",
        "Dermoid cyst",
    )
    assert len(cards) == 1
    assert "{{c2::keratinised squamous epithelium}}" in cards[0]
    assert "resting on a {{c3::fibrous capsule}}" in cards[0]


def test_a_lining_of_another_entity_gives_no_card() -> None:
    text = (
        "Arachnoid cyst is a collection of fluid. An epidermoid is a lesion lined by squamous "
        "epithelium."
    )
    assert not any("squamous" in c for c in _cards(text, "Arachnoid cyst"))
