"""Round 12: an age clause followed by a concessive aside whose pronoun comes after a fronted
phrase ("..., although in carriers it appears earlier")."""

from __future__ import annotations

import pytest

from tests.extract_helpers import facts_of, make_case

AGE = "age-distribution"


def kind_facts(discussion: str, final: str, kind: str) -> list:
    return facts_of(make_case(discussion=discussion, final=final), kind)


@pytest.mark.parametrize(
    ("discussion", "final", "answer"),
    [
        (
            "Pancreatic adenocarcinoma is an aggressive tumour; it is mostly diagnosed in the "
            "seventh decade, although in hereditary syndromes it appears earlier.",
            "Pancreatic adenocarcinoma",
            "seventh decade",
        ),
        (
            "Paget disease of bone is a remodelling disorder. It is usually found after 50 years, "
            "whereas in some families it shows up sooner.",
            "Paget disease of bone",
            "after 50 years",
        ),
    ],
)
def test_a_trailing_concessive_clause_with_a_later_pronoun_is_cut_from_the_card(
    discussion: str, final: str, answer: str
) -> None:
    facts = kind_facts(discussion, final, AGE)
    assert [f.answers() for f in facts] == [(answer,)]
    assert " it " not in facts[0].text.split(answer)[1]
