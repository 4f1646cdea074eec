"""Age and sex rules on a third author's wording: age words before a sex, rarity in a group,
"a disease of", telegraphic labels, percentages and bare ratios; and ages that are conditions
for acting, which are never the age of a disease."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Giant cell arteritis is a vasculitis. It is a disease of older women.",
            "older women",
        ),
        (
            "Osteochondritis dissecans is a joint lesion. It occurs mostly in adolescent boys.",
            "adolescent boys",
        ),
        (
            "Chondroblastoma is a cartilage tumour. It is seen most often in young patients.",
            "young patients",
        ),
        ("Neuroblastoma is an embryonal tumour. It is rare in adolescents.", "rare in adolescents"),
    ],
)
def test_age_groups_in_a_third_wording(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), "age-distribution")
    assert answer in fact.answers()


def test_telegraphic_label_names_the_entity_of_its_age_group() -> None:
    case = make_case(
        "Osteoid osteoma is a small painful bone tumour. "
        "Metastasis: elderly patients, multiple lesions, destroys the cortex."
    )
    (fact,) = facts_of(case, "age-distribution")
    assert fact.answers() == ("elderly patients",)
    assert fact.text.startswith("Metastasis:")


@pytest.mark.parametrize(
    "discussion",
    [
        # an age that is a condition for acting, not whom the disease affects
        "Hip dysplasia is common. Splinting is advised in infants younger than 6 months.",
        "Thyroid nodules are common. In patients older than 60 years, biopsy is recommended.",
        "Breast cysts are common. Women over 50 years should be screened because of the risk.",
        "Cholesteatoma is erosive. Malignancy should be suspected in adults over 70 years.",
        # a group that is not who is affected
        "Pneumonia is treated. The antibiotic dose for older patients is reduced.",
    ],
)
def test_no_age_card_for_a_condition(discussion: str) -> None:
    assert facts_of(make_case(discussion), "age-distribution") == []


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Thromboangiitis obliterans is a vasculitis. About 90% of patients are male.",
            ["90%", "male"],
        ),
        ("Fibroadenoma is a benign tumour. It is a disease of young women.", ["women"]),
        ("Osteoid osteoma is seen in adolescents, with M:F = 3:1.", ["M:F = 3:1"]),
        ("Chordoma occurs almost exclusively in older men.", ["men"]),
    ],
)
def test_sex_in_a_third_wording(discussion: str, answers: list[str]) -> None:
    (fact,) = facts_of(make_case(discussion), "sex-predominance")
    assert list(fact.answers()) == answers


@pytest.mark.parametrize(
    "discussion",
    [
        "Adenomyosis is a uterine disorder. It is a disease of women of reproductive age.",
        "Gout is an arthropathy. About 5% of patients need surgery.",
        "The lesion measured M 3 cm in one axis.",
    ],
)
def test_no_sex_card_without_a_favoured_sex_third(discussion: str) -> None:
    assert facts_of(make_case(discussion), "sex-predominance") == []
