from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Multiple sclerosis is a demyelinating disease. It usually affects young adults "
            "between 20 and 40 years.",
            ["between 20 and 40 years"],
        ),
        (
            "Dermatomyositis is an inflammatory myopathy with a bimodal age distribution "
            "(<15 years and 45–54 years).",
            ["<15 years", "45–54 years"],
        ),
        (
            "Pleomorphic adenoma is most often diagnosed in the fourth to sixth decades.",
            ["fourth to sixth decades"],
        ),
        (
            "Renal cell carcinoma is a malignant tumour with a peak in the sixth decade.",
            ["sixth decade"],
        ),
        (
            "Intussusception is a bowel emergency that mostly occurs between 6 months and 3 years.",
            ["between 6 months and 3 years"],
        ),
    ],
)
def test_age_distribution_phrasings(discussion: str, answers: list[str]) -> None:
    (fact,) = facts_of(make_case(discussion), "age-distribution")
    assert list(fact.answers()) == answers
    assert [c.index for c in fact.clozes] == list(range(1, len(answers) + 1))


def test_age_pronoun_is_resolved_to_the_paragraph_entity() -> None:
    case = make_case(
        "Multiple sclerosis is a chronic demyelinating disease of the central nervous system. "
        "It usually affects young adults between 20 and 40 years."
    )
    (fact,) = facts_of(case, "age-distribution")
    assert marked(fact) == (
        "Multiple sclerosis usually affects young adults {{c1::between 20 and 40 years}}."
    )
    assert fact.key == "multiple-sclerosis"


def test_age_not_taken_from_durations_or_the_history() -> None:
    case = make_case(
        "Hepatic haemangioma is a benign vascular tumour. Five-year survival after resection is "
        "excellent, and recurrence after 10 years is rare.",
        history="A 45-year-old woman presented with pain for 2 years.",
    )
    assert facts_of(case, "age-distribution") == []


@pytest.mark.parametrize(
    ("sentence", "answers"),
    [
        ("Lupus nephritis shows a female predominance.", ["female predominance"]),
        (
            "Thyroid eye disease is seen in adults; women are affected about three times as often "
            "as men.",
            ["women", "three times"],
        ),
        ("Primary biliary cholangitis has a female-to-male ratio of about 5:1.", ["5:1"]),
        ("In pyloric stenosis boys are affected twice as often as girls.", ["boys", "twice"]),
    ],
)
def test_sex_predominance_phrasings(sentence: str, answers: list[str]) -> None:
    (fact,) = facts_of(make_case(sentence), "sex-predominance")
    assert list(fact.answers()) == answers


def test_sex_clause_names_the_subject() -> None:
    case = make_case(
        "Hepatocellular adenomas are rare benign liver tumours. It is linked with oral "
        "contraceptives; women are affected about ten times as often as men."
    )
    (fact,) = facts_of(case, "sex-predominance")
    assert marked(fact) == (
        "In hepatocellular adenomas, {{c1::women}} are affected about {{c2::ten times}} as often "
        "as men."
    )


@pytest.mark.parametrize(
    "discussion",
    [
        "Ovarian fibroma is a stromal tumour. In our series there was no female predominance.",
        "Hepatocellular adenomas are benign. Malignant transformation into carcinoma, which is "
        "more frequent in men, is rare.",
        "Mature cystic teratoma is an ovarian tumour mostly found in women of reproductive age.",
    ],
)
def test_no_sex_fact_from_negated_or_unrelated_statements(discussion: str) -> None:
    assert facts_of(make_case(discussion), "sex-predominance") == []
