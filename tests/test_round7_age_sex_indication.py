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


@pytest.mark.parametrize(
    ("discussion", "first", "second"),
    [
        (
            "Developmental dysplasia of the hip is a disorder of the infant hip.\n\n"
            "- F:M about 6:1 in breech infants; the ratio falls to 2:1 after cephalic birth.",
            "6:1",
            "2:1",
        ),
        (
            "Ulcerative colitis is an inflammatory bowel disease. The M:F ratio is 1:1 in "
            "children; in adults the ratio rises to 1.5:1.",
            "1:1",
            "1.5:1",
        ),
    ],
)
def test_each_clause_with_its_own_sex_ratio_gives_its_own_card(
    discussion: str, first: str, second: str
) -> None:
    facts = facts_of(make_case(discussion), SEX)
    assert len(facts) == 2
    assert any(first in a for a in facts[0].answers())
    assert any(second in a for a in facts[1].answers())
    assert second not in facts[0].text


def test_a_ratio_clause_beside_a_clause_without_one_stays_one_card() -> None:
    discussion = (
        "Perthes disease is an idiopathic osteonecrosis. The M:F ratio is about 4:1; it is "
        "bilateral in a tenth of children."
    )
    (fact,) = facts_of(make_case(discussion), SEX)
    assert any("4:1" in a for a in fact.answers())


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Spontaneous coronary artery dissection is a cause of infarction. It typically "
            "affects young, athletic women and presents with chest pain.",
            "women",
        ),
        (
            "Diffuse idiopathic skeletal hyperostosis is an enthesopathy. It occurs in older, "
            "obese men.",
            "men",
        ),
    ],
)
def test_a_sex_after_an_age_word_and_a_second_descriptor(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), SEX)
    assert answer in fact.answers()


def test_men_and_women_after_two_descriptors_give_no_sex() -> None:
    discussion = (
        "Gout is a crystal arthropathy. It affects older, obese men and women with renal "
        "impairment."
    )
    assert facts_of(make_case(discussion), SEX) == []
