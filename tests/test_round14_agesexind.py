"""Round 14: ages, sexes and indications (a bound on a share that belongs to the answer, a second
age after an appositive, a shared noun after "residual or", an indication covering every case,
the degree word of a sex predominance)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import discussion_facts

AGE = "age-distribution"
SEX = "sex-predominance"
IND = "surgical-indication"


@pytest.mark.parametrize(
    ("discussion", "final", "answers"),
    [
        (
            "Lymphangioleiomyomatosis is a rare cystic lung disease. Over 95% of patients are "
            "women.",
            "Lymphangioleiomyomatosis",
            ("Over 95%", "women"),
        ),
        (
            "Solid pseudopapillary tumour is a rare pancreatic neoplasm. Nearly 90% of cases "
            "occur in women.",
            "Solid pseudopapillary tumour",
            ("Nearly 90%", "women"),
        ),
        (
            "Chordoma is a tumour of notochordal remnants. About 60% of patients are men.",
            "Chordoma",
            ("60%", "men"),
        ),
    ],
)
def test_a_bound_on_the_share_is_hidden_with_it_an_approximator_is_not(
    discussion: str, final: str, answers: tuple[str, ...]
) -> None:
    facts = discussion_facts(discussion, final, SEX)
    assert len(facts) == 1
    assert {a.lower() for a in facts[0].answers()} == {a.lower() for a in answers}


def test_a_doubted_share_still_gives_no_sex_card() -> None:
    facts = discussion_facts(
        "Chordoma is a tumour of notochordal remnants. Some series suggest that more than 60% "
        "of patients are men.",
        "Chordoma",
        SEX,
    )
    assert facts == []


@pytest.mark.parametrize(
    ("discussion", "final", "answers"),
    [
        (
            "Hodgkin lymphoma is a lymphoid malignancy. It peaks between 15 and 30 years of age, "
            "the period of early adult life, and again in old age.",
            "Hodgkin lymphoma",
            ("between 15 and 30 years", "old age"),
        ),
        (
            "Slipped capital femoral epiphysis is a disorder of the adolescent hip. It is seen "
            "between 10 and 16 years of age, a phase of rapid growth, and also in adolescence "
            "after endocrine disease.",
            "Slipped capital femoral epiphysis",
            ("between 10 and 16 years", "adolescence"),
        ),
    ],
)
def test_a_second_age_after_an_appositive_belongs_to_the_same_distribution(
    discussion: str, final: str, answers: tuple[str, ...]
) -> None:
    facts = discussion_facts(discussion, final, AGE)
    assert [f.answers() for f in facts] == [answers]


def test_a_group_after_an_appositive_without_again_is_not_read_as_a_second_age() -> None:
    facts = discussion_facts(
        "Hodgkin lymphoma is a lymphoid malignancy. It peaks between 15 and 30 years of age, "
        "the period of early adult life, and in adulthood the nodes are larger.",
        "Hodgkin lymphoma",
        AGE,
    )
    assert [f.answers() for f in facts] == [("between 15 and 30 years",)]


@pytest.mark.parametrize(
    ("discussion", "final", "answer"),
    [
        (
            "Meningioma is the commonest extra-axial tumour. Re-excision is indicated for "
            "persistent or progressive lesions.",
            "Meningioma",
            "persistent or progressive lesions",
        ),
        (
            "Giant cell tumour of bone is locally aggressive. Repeat curettage is indicated for "
            "residual or recurrent lesions.",
            "Giant cell tumour of bone",
            "residual or recurrent lesions",
        ),
    ],
)
def test_a_lone_state_adjective_before_or_shares_the_next_items_noun(
    discussion: str, final: str, answer: str
) -> None:
    facts = discussion_facts(discussion, final, IND)
    assert [f.answers() for f in facts] == [(answer,)]


@pytest.mark.parametrize(
    ("discussion", "final", "answers"),
    [
        (
            "Hepatocellular adenoma is a benign liver tumour. Surgical excision is recommended "
            "for every suspected adenoma in men, even when small.",
            "Hepatocellular adenoma",
            ("Surgical excision", "every suspected adenoma in men"),
        ),
        (
            "Splenic artery aneurysm is the commonest visceral aneurysm. Endovascular repair is "
            "advised for all such aneurysms in pregnant women.",
            "Splenic artery aneurysm",
            ("Endovascular repair", "all such aneurysms in pregnant women"),
        ),
    ],
)
def test_an_indication_covering_every_case_hides_the_treatment_too(
    discussion: str, final: str, answers: tuple[str, ...]
) -> None:
    facts = discussion_facts(discussion, final, IND)
    assert [tuple(a.lower() for a in f.answers()) for f in facts] == [
        tuple(a.lower() for a in answers)
    ]


def test_a_narrowing_indication_keeps_the_treatment_visible() -> None:
    facts = discussion_facts(
        "Hepatocellular adenoma is a benign liver tumour. Surgical excision is recommended for "
        "adenomas larger than 5 cm.",
        "Hepatocellular adenoma",
        IND,
    )
    assert [f.answers() for f in facts] == [("adenomas larger than 5 cm",)]


def test_a_hedged_indication_for_every_case_gives_no_card() -> None:
    facts = discussion_facts(
        "Hepatocellular adenoma is a benign liver tumour. Surgical excision might be "
        "recommended for every suspected adenoma.",
        "Hepatocellular adenoma",
        IND,
    )
    assert facts == []


@pytest.mark.parametrize(
    ("discussion", "final", "answers"),
    [
        (
            "Sarcoidosis is a granulomatous disease. A mild female predominance is reported.",
            "Sarcoidosis",
            ("mild female predominance",),
        ),
        (
            "Chordoma is a notochordal tumour. There is a marked male predilection, about 2:1.",
            "Chordoma",
            ("marked male predilection", "2:1"),
        ),
        (
            "Meningioma is a dural tumour. Clear female preponderance.",
            "Meningioma",
            ("clear female preponderance",),
        ),
    ],
)
def test_the_degree_of_a_predominance_is_part_of_its_answer(
    discussion: str, final: str, answers: tuple[str, ...]
) -> None:
    (fact,) = discussion_facts(discussion, final, SEX)
    assert fact.answers() == answers


@pytest.mark.parametrize(
    ("discussion", "final", "answers"),
    [
        # a degree word that grades no predominance noun stays outside the answer
        (
            "Gout is a crystal arthropathy. It is slightly more common in men.",
            "Gout",
            ("men",),
        ),
        # an adjective that is no degree word ("reported") is not taken in
        (
            "Sarcoidosis is a granulomatous disease. A reported female predominance exists.",
            "Sarcoidosis",
            ("female predominance",),
        ),
    ],
)
def test_only_a_degree_word_before_a_predominance_noun_joins_the_answer(
    discussion: str, final: str, answers: tuple[str, ...]
) -> None:
    (fact,) = discussion_facts(discussion, final, SEX)
    assert fact.answers() == answers


def test_a_negated_graded_predominance_gives_no_card() -> None:
    discussion = "Sarcoidosis is a granulomatous disease. There is no clear female predominance."
    assert discussion_facts(discussion, "Sarcoidosis", SEX) == []


@pytest.mark.parametrize(
    ("discussion", "final", "answers"),
    [
        (
            "Osteoid osteoma is a painful bone tumour. Radiofrequency ablation is a treatment "
            "option for lesions away from nerves.",
            "Osteoid osteoma",
            ("radiofrequency ablation", "lesions away from nerves"),
        ),
        (
            "Aneurysmal bone cyst is an expansile lesion. Sclerotherapy is also an option for "
            "spinal cysts.",
            "Aneurysmal bone cyst",
            ("sclerotherapy", "spinal cysts"),
        ),
        (
            "Uterine fibroids are common. Embolisation can be considered in women who wish to "
            "avoid hysterectomy.",
            "Uterine fibroids",
            ("embolisation", "women who wish to avoid hysterectomy"),
        ),
    ],
)
def test_an_option_hides_its_treatment_too(
    discussion: str, final: str, answers: tuple[str, ...]
) -> None:
    (fact,) = discussion_facts(discussion, final, IND)
    assert fact.answers() == answers


@pytest.mark.parametrize(
    ("discussion", "final", "answers"),
    [
        (
            "Osteoid osteoma is a painful bone tumour. Surgery is indicated for lesions near "
            "nerves.",
            "Osteoid osteoma",
            ("lesions near nerves",),
        ),
        (
            "Aneurysmal bone cyst is an expansile lesion. Curettage may be offered to children "
            "with pain.",
            "Aneurysmal bone cyst",
            ("children with pain",),
        ),
    ],
)
def test_a_trigger_naming_no_option_keeps_its_treatment_visible(
    discussion: str, final: str, answers: tuple[str, ...]
) -> None:
    (fact,) = discussion_facts(discussion, final, IND)
    assert fact.answers() == answers


def test_a_doubted_option_gives_no_card() -> None:
    discussion = (
        "Osteoid osteoma is a painful bone tumour. It is unclear whether ablation is an option "
        "for spinal lesions."
    )
    assert discussion_facts(discussion, "Osteoid osteoma", IND) == []
