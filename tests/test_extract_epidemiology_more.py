"""Age and sex rules on phrasings beyond the first corpus: negated predominance, predominance
verbs, ratios apart from the sex, life stages, bounds after rarity words, sizes and periods."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked

# --- sex: a stated absence of predominance is no card ---------------------------------------


@pytest.mark.parametrize(
    "discussion",
    [
        "Sarcoidosis is a granulomatous disease. It shows no sex predilection.",
        "Chordoma is a notochordal tumour. There is no gender predilection in adults.",
        "Ependymoma is a glial tumour that affects both sexes equally.",
        "Medulloblastoma is an embryonal tumour; boys and girls are equally affected.",
        "Osteosarcoma is a bone-forming malignancy and is as common in boys as in girls.",
        "Unlike meningioma, schwannoma shows no sex predilection.",
        "Endometriosis is common; most cases occur in women of childbearing age.",
    ],
)
def test_no_sex_card_without_a_favoured_sex(discussion: str) -> None:
    assert facts_of(make_case(discussion), "sex-predominance") == []


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        ("Lymphangioleiomyomatosis almost exclusively affects women.", ["women"]),
        ("Primary sclerosing cholangitis occurs mainly in young men.", ["men"]),
        ("Juvenile angiofibroma is seen almost exclusively in boys.", ["boys"]),
        ("Scoliosis of adolescence is more common in girls.", ["girls"]),
        (
            "Gout is a crystal arthropathy; men are affected three to four times as often as "
            "women.",
            ["men", "three to four times"],
        ),
        ("Pyloric stenosis is four times more common in boys.", ["four times", "boys"]),
        (
            "There is a slight male preponderance in ankylosing spondylitis.",
            ["slight male preponderance"],
        ),
        ("In thyroid cancer the M:F ratio is 1:3.", ["1:3"]),
        (
            "Graves disease predominantly affects women; the female-to-male ratio is about 7:1.",
            ["women", "7:1"],
        ),
        (
            "There is a female predominance, although the F:M ratio falls to about 1.2:1 after "
            "the menopause.",
            ["female predominance", "1.2:1"],
        ),
    ],
)
def test_sex_predominance_in_other_phrasings(discussion: str, answers: list[str]) -> None:
    (fact,) = facts_of(make_case(discussion), "sex-predominance")
    assert list(fact.answers()) == answers


def test_a_population_noun_is_never_the_subject_of_a_sex_card() -> None:
    case = make_case(
        "Chondroblastoma is a rare cartilage tumour of the epiphysis. Males are affected about "
        "twice as often as females.",
        final="Chondroblastoma",
    )
    (fact,) = facts_of(case, "sex-predominance")
    assert fact.subject == "Chondroblastoma"
    assert marked(fact) == (
        "In chondroblastoma, {{c1::males}} are affected about {{c2::twice}} as often as females."
    )


def test_a_negated_predominance_beside_a_real_one_is_not_carded() -> None:
    case = make_case(
        "Meningioma is an extra-axial tumour. Meningioma is more common in women. In our "
        "series there was no male predominance."
    )
    (fact,) = facts_of(case, "sex-predominance")
    assert fact.answers() == ("women",)


# --- age: life stages, first months of life, bounds, means -----------------------------------


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Infantile haemangioma is a vascular tumour that appears in the first weeks of life.",
            ["first weeks"],
        ),
        (
            "Endometrioma is an ovarian cyst; it mostly occurs in women of childbearing age.",
            ["childbearing age"],
        ),
        (
            "Polycystic ovary syndrome is an endocrine disorder; adolescent girls and "
            "postmenopausal women are also affected.",
            ["postmenopausal women"],
        ),
        ("Paget disease of bone is rarely seen before 40 years of age.", ["40 years"]),
        (
            "Ewing sarcoma usually affects teenagers, with a mean age of 15 years.",
            ["teenagers", "15 years"],
        ),
        (
            "Multiple myeloma has its peak incidence between 65 and 70 years.",
            ["between 65 and 70 years"],
        ),
        ("Chordoma is most often diagnosed in the fifth decade.", ["fifth decade"]),
    ],
)
def test_age_in_other_phrasings(discussion: str, answers: list[str]) -> None:
    (fact,) = facts_of(make_case(discussion), "age-distribution")
    assert list(fact.answers()) == answers


def test_a_rarity_bound_stays_visible_and_only_the_age_is_hidden() -> None:
    case = make_case("Polymyalgia rheumatica almost never occurs before 50 years of age.")
    (fact,) = facts_of(case, "age-distribution")
    assert marked(fact) == (
        "Polymyalgia rheumatica almost never occurs before {{c1::50 years}} of age."
    )


@pytest.mark.parametrize(
    "discussion",
    [
        "Renal oncocytoma is benign; in patients with a mass under 3 cm, follow-up is usual.",
        "Thyroid nodules larger than 2 cm are usually sampled, and nodules over 4 cm are resected.",
        "Bone cysts usually heal within 2 years after curettage.",
        "Survivors are usually followed up for 5 years after treatment.",
        "Children with the syndrome are usually screened every year until the age of 8 years.",
        "Symptoms usually occur 3 months after exposure.",
        "Mesothelioma typically appears 30 years after asbestos exposure.",
    ],
)
def test_sizes_durations_and_periods_of_care_are_not_ages(discussion: str) -> None:
    assert facts_of(make_case(discussion), "age-distribution") == []


def test_a_group_restated_by_a_range_is_not_a_second_answer() -> None:
    case = make_case("Hodgkin lymphoma usually affects young adults between 20 and 30 years.")
    (fact,) = facts_of(case, "age-distribution")
    assert fact.answers() == ("between 20 and 30 years",)


def test_a_passing_mention_of_children_is_not_an_age() -> None:
    case = make_case(
        "Osteomyelitis spreads through the bloodstream. Screening of children with sickle cell "
        "disease is usually not needed."
    )
    assert facts_of(case, "age-distribution") == []


def test_an_age_in_a_differential_paragraph_names_the_differential() -> None:
    case = make_case(
        """
        Osteosarcoma is a malignant bone-forming tumour that usually affects adolescents.

        Ewing sarcoma is the main differential diagnosis. Ewing sarcoma is most often diagnosed
        in the second decade.
        """,
        final="Osteosarcoma",
    )
    ages = {f.subject: f.answers() for f in facts_of(case, "age-distribution")}
    assert ages == {"Osteosarcoma": ("adolescents",), "Ewing sarcoma": ("second decade",)}
