"""Round 15: ages (a disease confined to a group, a negated occurrence before an age bound, a
telegraphic line labelled with a listed differential's name)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import discussion_facts, facts_of, make_case

AGE = "age-distribution"


# Rule: "confined / limited / restricted to <group>" names the group a disease affects.
@pytest.mark.parametrize(
    ("discussion", "final", "answer"),
    [
        (
            "Polymyalgia rheumatica is an inflammatory disorder of the girdles. It is largely "
            "confined to elderly patients.",
            "Polymyalgia rheumatica",
            "elderly patients",
        ),
        (
            "Paget disease of bone is a disorder of bone remodelling. It is virtually restricted "
            "to older adults.",
            "Paget disease of bone",
            "older adults",
        ),
    ],
)
def test_a_disease_confined_to_a_group_affects_that_group(
    discussion: str, final: str, answer: str
) -> None:
    facts = discussion_facts(discussion, final, AGE)
    assert [f.answers() for f in facts] == [(answer,)]


@pytest.mark.parametrize(
    "sentence",
    [
        "It is not confined to elderly patients.",
        "It may be limited to elderly patients in some series.",
    ],
)
def test_a_negated_or_hedged_confinement_gives_no_card(sentence: str) -> None:
    discussion = "Polymyalgia rheumatica is an inflammatory disorder of the girdles. " + sentence
    assert discussion_facts(discussion, "Polymyalgia rheumatica", AGE) == []


# Rule: a negated verb of occurrence before an age bound ("does not occur before 40") states
# the distribution, like a rarity word; the bound stays visible on the card.
@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("It does not occur before the age of 40.", "40"),
        ("The disease does not develop before 30 years of age.", "30 years"),
    ],
)
def test_a_negated_occurrence_before_an_age_bound_is_the_distribution(
    sentence: str, answer: str
) -> None:
    discussion = "Paget disease of bone is a disorder of bone remodelling. " + sentence
    facts = discussion_facts(discussion, "Paget disease of bone", AGE)
    assert [f.answers() for f in facts] == [(answer,)]
    assert "before" in facts[0].text and "not" in facts[0].text


def test_a_negated_treatment_before_an_age_gives_no_card() -> None:
    discussion = (
        "Paget disease of bone is a disorder of bone remodelling. Treatment is not advised "
        "before the age of 50."
    )
    assert discussion_facts(discussion, "Paget disease of bone", AGE) == []


# Rule: a telegraphic line labelled with a listed differential's name (a shared word or its
# acronym) is that differential's line, never the case subject's.
@pytest.mark.parametrize(
    ("line", "differential", "owner", "answer"),
    [
        (
            "- Septic arthritis: infants and toddlers; large effusion, fever.",
            "Septic arthritis of the hip",
            "Septic arthritis of the hip",
            "infants and toddlers",
        ),
        (
            "- DDH: newborn girls; shallow acetabulum.",
            "Developmental dysplasia of the hip",
            None,
            None,
        ),
        (
            "- Transient synovitis: young children; small effusion.",
            "Transient synovitis of the hip",
            "Transient synovitis of the hip",
            "young children",
        ),
    ],
)
def test_a_line_labelled_with_a_differential_is_not_the_subjects(
    line: str, differential: str, owner: str | None, answer: str | None
) -> None:
    case = make_case(
        discussion="Perthes disease is idiopathic osteonecrosis of the femoral head.\n\n"
        "Mimics:\n" + line,
        final="Perthes disease",
        differentials=("Perthes disease", differential),
    )
    facts = facts_of(case, AGE)
    # Whether the line gives a card at all depends on the group reader; whose card it is
    # must never be the case subject's.
    assert all("perthes" not in f.text.lower() for f in facts)
    if owner is not None:
        assert all((f.subject, f.answers()) == (owner, (answer,)) for f in facts)
