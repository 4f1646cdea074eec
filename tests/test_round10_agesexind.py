"""Round 10: ages, sexes and indications in full prose (temporal clauses after an age, asides
before a resumed pronoun, a colon that resumes its lead subject, "whose <event>" relatives)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import discussion_facts

AGE = "age-distribution"
SEX = "sex-predominance"
IND = "surgical-indication"


@pytest.mark.parametrize(
    ("discussion", "final", "answer"),
    [
        (
            "Osteoid osteoma is a benign bone tumour. It is usually diagnosed in the second "
            "decade, when night pain brings the patient to the clinic.",
            "Osteoid osteoma",
            "second decade",
        ),
        (
            "Hypertrophic cardiomyopathy is a genetic heart muscle disease. It is mostly found "
            "between 20 and 40 years, once palpitations lead the patient to a cardiologist.",
            "Hypertrophic cardiomyopathy",
            "between 20 and 40 years",
        ),
    ],
)
def test_a_temporal_clause_naming_the_patient_does_not_make_the_age_the_cases(
    discussion: str, final: str, answer: str
) -> None:
    facts = discussion_facts(discussion, final, AGE)
    assert [f.answers() for f in facts] == [(answer,)]


def test_the_cases_own_patient_before_the_age_still_gives_no_card() -> None:
    facts = discussion_facts(
        "Osteoid osteoma is a benign bone tumour. The patient was in the second decade, "
        "when the pain began.",
        "Osteoid osteoma",
        AGE,
    )
    assert facts == []


@pytest.mark.parametrize(
    ("discussion", "final", "opening", "answer"),
    [
        (
            "Medullary cystic disease is an inherited nephropathy. Although congenital, it "
            "usually presents in the fourth decade.",
            "Medullary cystic disease",
            "Medullary cystic disease usually presents",
            "fourth decade",
        ),
        (
            "Bicuspid aortic valve is a common anomaly. Though present at birth, it is mostly "
            "detected in the fifth and sixth decades.",
            "Bicuspid aortic valve",
            "Bicuspid aortic valve is mostly detected",
            "fifth and sixth decades",
        ),
    ],
)
def test_a_pronoun_left_after_a_leading_aside_is_the_entity(
    discussion: str, final: str, opening: str, answer: str
) -> None:
    facts = discussion_facts(discussion, final, AGE)
    assert len(facts) == 1
    assert facts[0].text.startswith(opening)
    assert facts[0].answers() == (answer,)


@pytest.mark.parametrize(
    ("discussion", "owner", "answer"),
    [
        (
            "Enchondroma is a cartilage tumour of the medulla. Ewing sarcoma is the main "
            "alternative to consider: it occurs in the second decade and destroys the cortex.",
            "Ewing sarcoma",
            "second decade",
        ),
        (
            "Giant cell tumour is an epiphyseal lesion. Chondroblastoma remains the key mimic: "
            "it affects adolescents before closure of the growth plates.",
            "Chondroblastoma",
            "adolescents",
        ),
    ],
)
def test_a_colon_resuming_its_lead_subject_gives_that_subject_the_age(
    discussion: str, owner: str, answer: str
) -> None:
    final = discussion.split(" is ")[0]
    facts = [f for f in discussion_facts(discussion, final, AGE) if answer in f.answers()]
    assert len(facts) == 1
    assert facts[0].text.startswith(owner)
    assert facts[0].subject.lower() == owner.lower()


def test_a_colon_after_a_lead_that_names_no_disease_gives_it_nothing() -> None:
    facts = discussion_facts(
        "Enchondroma is a cartilage tumour. The key point is simple: it occurs in the "
        "third decade.",
        "Enchondroma",
        AGE,
    )
    assert all("key point" not in f.subject.lower() for f in facts)


@pytest.mark.parametrize(
    "discussion",
    [
        "Paget disease of bone is a disorder of remodelling. It may be complicated by "
        "fractures and by osteosarcoma, whose risk rises with age.",
        "Ulcerative colitis is a chronic colitis. Its complications include toxic megacolon "
        "and carcinoma, whose risk of development increases with age.",
    ],
)
def test_a_rise_with_age_in_a_whose_event_relative_is_no_age_card(discussion: str) -> None:
    final = discussion.split(" is ")[0]
    assert discussion_facts(discussion, final, AGE) == []


@pytest.mark.parametrize(
    ("discussion", "final"),
    [
        (
            "Endometrioma is a cyst of the ovary. It affects women in reproductive age.",
            "Endometrioma",
        ),
        (
            "Adenomyosis is an invasion of the myometrium by endometrium. It is seen in "
            "patients at childbearing age.",
            "Adenomyosis",
        ),
    ],
)
def test_a_life_stage_after_in_or_at_is_the_age(discussion: str, final: str) -> None:
    facts = discussion_facts(discussion, final, AGE)
    assert len(facts) == 1
    assert facts[0].answers()[-1].endswith(" age")


@pytest.mark.parametrize(
    ("discussion", "final", "answers"),
    [
        (
            "Perthes disease is an osteonecrosis of the femoral head. Boys more than girls, "
            "M:F about 4:1.",
            "Perthes disease",
            ("boys", "M:F about 4:1"),
        ),
        (
            "Lymphangioleiomyomatosis is a cystic lung disease. Epidemiology: women far more "
            "than men.",
            "Lymphangioleiomyomatosis",
            ("women",),
        ),
    ],
)
def test_a_verbless_comparison_that_ends_its_item_hides_the_favoured_sex(
    discussion: str, final: str, answers: tuple[str, ...]
) -> None:
    facts = discussion_facts(discussion, final, SEX)
    assert [f.answers() for f in facts] == [answers]


def test_a_comparison_that_goes_on_into_a_verb_is_no_sex_card() -> None:
    facts = discussion_facts(
        "Osgood-Schlatter disease is a traction apophysitis. Boys more than girls play "
        "contact sports, which load the tibial tubercle.",
        "Osgood-Schlatter disease",
        SEX,
    )
    assert facts == []


@pytest.mark.parametrize(
    ("discussion", "owner", "answer"),
    [
        (
            "Hepatic adenoma is a benign liver tumour. Differential diagnosis: focal nodular "
            "hyperplasia (central scar); hepatocellular carcinoma (older men, cirrhosis).",
            "Hepatocellular carcinoma",
            "men",
        ),
        (
            "Thyroid adenoma is a benign nodule. DDx: papillary carcinoma (young women, "
            "microcalcifications), anaplastic carcinoma (elderly patients, rapid growth).",
            "Papillary carcinoma",
            "women",
        ),
    ],
)
def test_a_bare_group_in_a_differentials_parenthesis_names_that_items_sex(
    discussion: str, owner: str, answer: str
) -> None:
    final = discussion.split(" is ")[0]
    facts = discussion_facts(discussion, final, SEX)
    assert [(f.subject.lower(), f.answers()) for f in facts] == [(owner.lower(), (answer,))]


def test_a_group_with_more_words_in_a_parenthesis_is_no_sex_card() -> None:
    facts = discussion_facts(
        "Hepatic adenoma is a benign liver tumour. Differential diagnosis: hepatocellular "
        "carcinoma (men with cirrhosis, raised alpha-fetoprotein).",
        "Hepatic adenoma",
        SEX,
    )
    assert facts == []
