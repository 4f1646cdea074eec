"""Round 12: an age clause followed by a concessive aside whose pronoun comes after a fronted
phrase ("..., although in carriers it appears earlier")."""

from __future__ import annotations

import pytest

from tests.extract_helpers import discussion_facts, facts_of, make_case

AGE = "age-distribution"


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
    facts = discussion_facts(discussion, final, AGE)
    assert [f.answers() for f in facts] == [(answer,)]
    assert " it " not in facts[0].text.split(answer)[1]


SEX = "sex-predominance"


def _one_sex_case(discussion: str, final: str) -> list:
    return facts_of(make_case(discussion=discussion, final=final), SEX)


@pytest.mark.parametrize(
    ("discussion", "final"),
    [
        (
            "The main differential is a fibrothecoma, which is found in middle-aged women "
            "and is usually solid.",
            "Dysgerminoma of the right ovary",
        ),
        (
            "A yolk sac tumour mostly affects young men and raises alpha-fetoprotein.",
            "Seminoma of the left testis",
        ),
    ],
)
def test_a_differential_in_a_one_sex_organ_case_gets_no_bare_population_sex_card(
    discussion: str, final: str
) -> None:
    assert _one_sex_case(discussion, final) == []


def test_a_comparison_of_both_sexes_in_a_one_sex_organ_case_still_gives_a_card() -> None:
    facts = _one_sex_case(
        "Appendiceal mucocele is four times more common in women than in men.",
        "Serous cystadenoma of the ovary",
    )
    assert [f.answers() for f in facts] == [("four times", "women")]


def test_the_same_bare_population_in_a_case_of_another_organ_gives_a_card() -> None:
    facts = _one_sex_case(
        "Fibrolamellar carcinoma mostly affects young men and arises in a normal liver.",
        "Fibrolamellar hepatocellular carcinoma",
    )
    assert [f.answers() for f in facts] == [("men",)]
