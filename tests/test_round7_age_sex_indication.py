"""Age, sex and indication cards on sentence shapes met in round 7: ages bounded by "the age of"
or by skeletal maturity, life stages named as periods, groups after "most patients are" or
coordinated after an age, a second adjective before a population, and a colon's list after the
age left off the card."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case

AGE = "age-distribution"
SEX = "sex-predominance"
IND = "surgical-indication"


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Osteoid osteoma is a small painful bone tumour. It is usually diagnosed before the "
            "age of 25, often in the femur.",
            "before the age of 25",
        ),
        (
            "Juvenile angiofibroma is a vascular nasopharyngeal tumour. It is almost always seen "
            "before the age of 20.",
            "before the age of 20",
        ),
    ],
)
def test_a_bound_on_the_age_of_is_an_age(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert answer in fact.answers()


def test_a_bound_on_the_age_of_in_advice_gives_no_age() -> None:
    discussion = (
        "Cervical spondylosis is a degenerative disease. Screening radiographs are advised "
        "before the age of 30 in athletes."
    )
    assert facts_of(make_case(discussion), AGE) == []


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Conventional chondrosarcoma is a cartilage tumour. It occurs between 40 and 60 "
            "years of age and almost always after skeletal maturity.",
            "after skeletal maturity",
        ),
        (
            "Adamantinoma is a rare tibial tumour. It is found between 20 and 40 years and "
            "usually after fusion of the growth plates.",
            "after fusion of the growth plates",
        ),
    ],
)
def test_a_skeletal_milestone_coordinated_after_an_age_is_an_age(
    discussion: str, answer: str
) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert answer in fact.answers()
    assert len(fact.answers()) == 2


def test_normal_closure_of_the_physis_gives_no_age() -> None:
    discussion = (
        "Osgood-Schlatter disease is a traction apophysitis. Symptoms settle after closure of "
        "the physis."
    )
    assert facts_of(make_case(discussion), AGE) == []


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Sarcoidosis is a granulomatous disease. Most patients are young or middle-aged "
            "adults.",
            "young or middle-aged adults",
        ),
        (
            "Ankylosing spondylitis is an inflammatory arthritis. The majority of patients are "
            "young adults.",
            "young adults",
        ),
    ],
)
def test_most_patients_are_a_group_is_an_age(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.answers() == (answer,)


def test_patients_that_are_a_group_in_another_role_give_no_age() -> None:
    discussion = (
        "Meniscal tear is a knee injury. Most patients are treated with physiotherapy, and "
        "athletes often need arthroscopy."
    )
    assert facts_of(make_case(discussion), AGE) == []


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Congenital diaphragmatic hernia is a defect of the diaphragm. It is usually "
            "diagnosed in the neonatal period: respiratory distress, a scaphoid abdomen and "
            "bowel sounds in the chest.",
            "neonatal period",
        ),
        (
            "Infantile haemangioma is a vascular tumour. It typically manifests in the perinatal "
            "period.",
            "perinatal period",
        ),
    ],
)
def test_a_life_stage_period_is_an_age(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.answers() == (answer,)
    assert "scaphoid" not in fact.text  # a colon's list after the age is another fact


def test_a_period_that_is_no_population_gives_no_age() -> None:
    discussion = (
        "Neonatal intracranial haemorrhage is a cause of seizures. Cranial ultrasound is the "
        "first test in the neonatal period."
    )
    assert facts_of(make_case(discussion), AGE) == []


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Emphysema is a destructive lung disease. Centrilobular emphysema is found in older "
            "smokers and spares the lung bases.",
            "older smokers",
        ),
        (
            "Pelvic congestion syndrome is a cause of chronic pelvic pain. It is seen in "
            "younger, often multiparous women.",
            "younger, often multiparous women",
        ),
    ],
)
def test_a_group_with_a_second_descriptor_is_an_age(discussion: str, answer: str) -> None:
    facts = facts_of(make_case(discussion), AGE)
    assert any(answer in f.answers() for f in facts)
