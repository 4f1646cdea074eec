"""Age and sex cards on a fourth round of wording: decades and ranges as one answer, observer
sentences ("We see them ..."), differential entities' own ages, telegraphic DDx lines, subgroup
event rates (never an age distribution), sex ratios written bare, and stated absences."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked

AGE = "age-distribution"
SEX = "sex-predominance"


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Chordoma is a notochordal tumour. It is seen mostly in the sixth and seventh decades.",
            ("sixth and seventh decades",),
        ),
        (
            "Ewing sarcoma is a small round cell tumour. Most cases present between 10 and 20 "
            "years of age, with a peak in the second decade.",
            ("between 10 and 20 years", "second decade"),
        ),
        (
            "Kawasaki disease is a vasculitis of childhood. It affects children aged "
            "6 months to 5 years.",
            ("6 months to 5 years",),
        ),
        (
            "Fibroadenoma is a benign breast tumour. Typical patient: woman of 20-35 years.",
            ("20-35 years",),
        ),
        (
            "Sarcoidosis is a granulomatous disease. Most cases are discovered in adults.",
            ("adults",),
        ),
    ],
)
def test_decades_and_ranges_are_whole_answers(discussion: str, answers: tuple[str, ...]) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.answers() == answers


def test_an_observer_sentence_names_the_entity() -> None:
    case = make_case(
        "Hydatid cysts are parasitic cysts of the liver.\n\n"
        "We see them mostly in farmers in their third and fourth decades, and they are often "
        "multiple."
    )
    (fact,) = facts_of(case, AGE)
    assert fact.answers() == ("third and fourth decades",)
    assert fact.text.startswith("Hydatid cysts are seen mostly in farmers in the third")
    assert "they" not in fact.text.split()


def test_a_leading_reason_clause_is_left_off() -> None:
    case = make_case(
        "Colloid cysts are benign lesions of the third ventricle. Because they grow slowly, "
        "patients usually present between 30 and 50 years of age."
    )
    (fact,) = facts_of(case, AGE)
    assert fact.answers() == ("between 30 and 50 years",)
    assert "because" not in fact.text.lower()


def test_a_differential_keeps_its_own_age_after_a_negated_predicate() -> None:
    case = make_case(
        "Osteoid osteoma is a small painful bone tumour. An osteoblastoma is larger, is rarely "
        "painful at night and affects older adolescents.",
        differentials=("Osteoblastoma",),
    )
    (fact,) = facts_of(case, AGE)
    assert fact.answers() == ("older adolescents",)
    assert fact.key == "osteoblastoma"
    assert fact.text.startswith("An osteoblastoma")


@pytest.mark.parametrize(
    "sentence",
    [
        "An osteoblastoma does not occur in adults.",
        "An osteoblastoma is probably painless and affects older adolescents.",
    ],
)
def test_a_negated_or_doubted_age_gives_no_card(sentence: str) -> None:
    case = make_case(f"Osteoid osteoma is a small painful bone tumour. {sentence}")
    assert facts_of(case, AGE) == []


def test_a_younger_population_is_the_differential_s_own_age() -> None:
    case = make_case(
        "Pilocytic astrocytoma is a cerebellar tumour. A medulloblastoma lies in the midline "
        "and presents in a younger population.",
        differentials=("Medulloblastoma",),
    )
    (fact,) = facts_of(case, AGE)
    assert fact.key == "medulloblastoma"
    assert fact.answers() == ("younger population",)


def test_a_form_of_the_disease_is_carded_under_the_disease() -> None:
    case = make_case(
        "Pheochromocytoma is a catecholamine-secreting tumour. Familial tumours are often "
        "bilateral and are found at a younger age, so screening of relatives is advised."
    )
    (fact,) = facts_of(case, AGE)
    assert fact.key == "pheochromocytoma"
    assert fact.text.startswith("In pheochromocytoma, familial tumours")
    assert fact.answers() == ("younger age",)


def test_a_ddx_line_gives_each_age_to_its_own_item() -> None:
    case = make_case(
        "Croup is a viral laryngotracheitis. DDx: epiglottitis (drooling, children 2 to 6 "
        "years), retropharyngeal abscess (neck stiffness), foreign body in toddlers."
    )
    (fact,) = facts_of(case, AGE)
    assert fact.key == "epiglottitis"
    assert fact.text == "Epiglottitis: children 2 to 6 years."
    assert fact.answers() == ("2 to 6 years",)


@pytest.mark.parametrize(
    "sentence",
    [
        # an event of the disease in a subgroup, not who the disease affects
        "Rupture is more frequent in older patients because the wall is thinner.",
        "Malignant transformation occurs in adults over 40 years.",
        "Recurrence is more common in younger children.",
        # an age with no clear owner in a telegraphic list
        "DDx: abscess, lymphoma in adults, metastasis.",
    ],
)
def test_no_age_card_for_an_event_or_an_unowned_age(sentence: str) -> None:
    case = make_case(f"Hepatic hydatid disease is a parasitic infection. {sentence}")
    assert facts_of(case, AGE) == []


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Gout is a crystal arthropathy. Slight male predominance, about 3:1.",
            ("slight male predominance", "3:1"),
        ),
        (
            "Ankylosing spondylitis is a spondyloarthropathy. It is more common in men, M:F 3:1.",
            ("men", "M:F 3:1"),
        ),
        (
            "Renal cell carcinoma is a cortical tumour. It occurs in men more often than in women.",
            ("men",),
        ),
        (
            "Bladder cancer is a urothelial tumour. The ratio of men to women is 3:1.",
            ("3:1",),
        ),
        (
            "Pyloric stenosis is a hypertrophy of the pylorus. Boys outnumber girls by about 4:1.",
            ("boys", "4:1"),
        ),
    ],
)
def test_sex_ratios_and_comparisons(discussion: str, answers: tuple[str, ...]) -> None:
    (fact,) = facts_of(make_case(discussion), SEX)
    assert fact.answers() == answers


def test_an_observer_sentence_gives_a_sex_card_naming_the_entity() -> None:
    case = make_case(
        "Lymphangioleiomyomatosis is a cystic lung disease.\n\n"
        "We see it almost exclusively in women, with a female to male ratio above 10:1."
    )
    (fact,) = facts_of(case, SEX)
    assert fact.text.startswith("Lymphangioleiomyomatosis is seen almost exclusively in")
    assert fact.answers()[-1] == "10:1"


def test_a_telegraphic_label_owns_its_sex() -> None:
    case = make_case(
        "Langerhans cell histiocytosis is a clonal disease of children.\n\n"
        "Erdheim-Chester disease: a multisystem histiocytosis of adults, predominantly in men."
    )
    (fact,) = facts_of(case, SEX)
    assert fact.key == "erdheim-chester-disease"
    assert fact.answers() == ("men",)


def test_a_ddx_item_owns_its_sex() -> None:
    case = make_case(
        "Tuberculosis is a granulomatous infection. DDx: lymphoma (bulky nodes), sarcoidosis "
        "(symmetric hilar nodes, more common in women), silicosis in miners."
    )
    (fact,) = facts_of(case, SEX)
    assert fact.key == "sarcoidosis"
    assert fact.text == "Sarcoidosis: more common in women."


@pytest.mark.parametrize(
    "discussion",
    [
        "Osteoid osteoma is a bone tumour. There is no sex predilection.",
        "Schwannoma is a nerve sheath tumour. Men and women are affected equally.",
        # a disease only women have: no predominance over men
        "Adenomyosis is a uterine disease. Typical patient: multiparous woman of 40-50 years.",
        "Endometriosis is common. It is mostly found in women of reproductive age.",
        # a sex in a DDx line that is no predominance, and a ratio that names no sex
        "Appendicitis is common. DDx: adenitis, ovarian torsion in girls, Meckel diverticulitis.",
        "Gallstones are common. The ratio of cholesterol to pigment stones is about 4:1.",
    ],
)
def test_no_sex_card(discussion: str) -> None:
    assert facts_of(make_case(discussion), SEX) == []


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        ("Lichen sclerosus is a skin disease. Women are more frequently affected.", ("women",)),
        (
            "Thyroid eye disease is autoimmune. There is a 4:1 female preponderance.",
            ("4:1", "female preponderance"),
        ),
        ("Primary biliary cholangitis is a liver disease. Women predominate.", ("women",)),
        ("Hypertrophic pyloric stenosis is common. It is commoner in boys.", ("boys",)),
        ("Haemochromatosis is an iron overload. Sex: M > F.", ("M > F",)),
    ],
)
def test_more_sex_wordings(discussion: str, answers: tuple[str, ...]) -> None:
    (fact,) = facts_of(make_case(discussion), SEX)
    assert fact.answers() == answers


@pytest.mark.parametrize(
    "discussion",
    [
        # the sex of another condition's patients, not of this disease
        "Sarcoidosis is granulomatous. Women are more often affected by cardiac disease than men.",
        "Acidosis is common. A pH > 7 is rare in this setting.",
    ],
)
def test_no_sex_card_for_other_wording(discussion: str) -> None:
    assert facts_of(make_case(discussion), SEX) == []


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Multiple sclerosis is a demyelinating disease. It typically affects patients in "
            "their 20s and 30s.",
            ("20s and 30s",),
        ),
        (
            "Hodgkin lymphoma is a lymphoid tumour. It usually presents in early adulthood.",
            ("early adulthood",),
        ),
        (
            "Medulloblastomas are embryonal tumours. The median age at diagnosis is about 6 "
            "years, and they are rare in adults.",
            ("6 years", "rare in adults"),
        ),
    ],
)
def test_more_age_wordings(discussion: str, answers: tuple[str, ...]) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.answers() == answers
    assert " they " not in fact.text


@pytest.mark.parametrize(
    "sentence",
    [
        "In children under 5 years, ultrasound is the first-line test.",
        "Our patient was 45 years old, which is typical.",
        "Cardiac involvement is more common in older patients.",
    ],
)
def test_no_age_card_for_a_setting_the_case_or_a_feature(sentence: str) -> None:
    case = make_case(f"Sarcoidosis is a granulomatous disease. {sentence}")
    assert facts_of(case, AGE) == []


@pytest.mark.parametrize(
    ("discussion", "expected"),
    [
        (
            "Gout is a crystal arthropathy. Men are affected more often than women, with a "
            "male to female ratio of about 9:1.",
            "In gout, {{c1::men}} are affected more often than women, with a male to female "
            "ratio of about {{c1::9:1}}.",
        ),
        (
            "Gout is a crystal arthropathy. Men are affected about nine times as often as "
            "women (M:F = 9:1).",
            "In gout, {{c1::men}} are affected about {{c2::nine times}} as often as women "
            "({{c1::M:F = 9:1}}).",
        ),
    ],
)
def test_a_ratio_is_asked_with_the_sex_it_would_give_away(discussion: str, expected: str) -> None:
    (fact,) = facts_of(make_case(discussion), SEX)
    assert marked(fact) == expected


@pytest.mark.parametrize(
    "discussion",
    [
        # the age of a lesion, not of the patients
        "Subdural haematoma is common. Haematomas older than 3 months are hypodense.",
        "Cerebral infarction is common. Infarcts older than 6 weeks no longer enhance.",
        # an age that selects a treatment
        "Wilms tumour is a renal tumour. Children under 2 years of age receive surgery first.",
    ],
)
def test_no_age_card_for_a_lesion_age_or_a_treatment_group(discussion: str) -> None:
    assert facts_of(make_case(discussion), AGE) == []


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Chondrosarcoma is a cartilage tumour. Patients are usually older than 40.",
            "older than 40",
        ),
        ("Retinoblastoma is an eye tumour. It is rare over 5 years.", "over 5 years"),
    ],
)
def test_a_person_s_bound_is_an_age(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.answers() == (answer,)


def test_a_field_label_is_not_an_entity() -> None:
    case = make_case("Osteosarcoma is a bone tumour. Peak: 2nd decade.")
    (fact,) = facts_of(case, AGE)
    assert fact.key == "osteosarcoma"
    assert fact.answers() == ("2nd decade",)


@pytest.mark.parametrize(
    "discussion",
    [
        "Ovarian torsion is an emergency. It predominantly affects young women.",
        "Adenomyosis is a uterine disease. Most patients are women in their forties.",
        "Testicular torsion is an emergency. It is more common in boys than in men.",
    ],
)
def test_no_sex_card_for_a_disease_of_one_sex(discussion: str) -> None:
    assert facts_of(make_case(discussion), SEX) == []


def test_a_disease_of_both_sexes_keeps_its_card_when_testing_is_mentioned() -> None:
    case = make_case(
        "Haemochromatosis is an iron overload disease. It is more common in men; genetic "
        "testing confirms it."
    )
    (fact,) = facts_of(case, SEX)
    assert fact.answers() == ("men",)


def test_ages_in_weeks_and_a_range_of_ratios() -> None:
    case = make_case(
        "Hypertrophic pyloric stenosis is a gastric outlet obstruction. It typically presents "
        "between 3 and 6 weeks of age. There is a male predominance of about 4:1 to 5:1."
    )
    (age_fact,) = facts_of(case, AGE)
    (sex_fact,) = facts_of(case, SEX)
    assert age_fact.answers() == ("between 3 and 6 weeks",)
    assert sex_fact.answers() == ("male predominance", "4:1 to 5:1")


def test_a_duration_in_weeks_is_no_age() -> None:
    case = make_case(
        "Pyloric stenosis is common. The infant presented with 2 weeks of projectile vomiting."
    )
    assert facts_of(case, AGE) == []


@pytest.mark.parametrize(
    ("discussion", "kind", "key", "text"),
    [
        (
            "Meningioma is a dural tumour. Unlike meningioma, schwannoma affects younger patients.",
            AGE,
            "schwannoma",
            "Unlike meningioma, schwannoma affects younger patients.",
        ),
        (
            "Glioblastoma is a glial tumour. The differential includes lymphoma, which "
            "affects older adults.",
            AGE,
            "lymphoma",
            "Lymphoma affects older adults.",
        ),
        (
            "Glioblastoma is a glial tumour. Meningioma, which predominantly affects women, is "
            "the commonest extra-axial mass.",
            SEX,
            "meningioma",
            "Meningioma predominantly affects women.",
        ),
    ],
)
def test_a_clause_s_own_entity_owns_its_fact(
    discussion: str, kind: str, key: str, text: str
) -> None:
    (fact,) = facts_of(make_case(discussion), kind)
    assert fact.key == key
    assert fact.text == text


@pytest.mark.parametrize(
    ("discussion", "kind"),
    [
        # the relative clause may speak of the transformation, not the carcinoma
        (
            "Hepatic adenoma is benign. Its main risk is transformation into carcinoma, which "
            "is more frequent in men.",
            SEX,
        ),
        # a finding or an indefinite noun owns no age or sex
        (
            "Glioblastoma is a glial tumour. It shows necrosis, which is seen in older patients.",
            AGE,
        ),
        ("Glioblastoma is a glial tumour. It may show a cyst, which is more common in women.", SEX),
    ],
)
def test_no_card_for_an_unclear_relative_owner(discussion: str, kind: str) -> None:
    assert facts_of(make_case(discussion), kind) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # normal development, not whom a disease affects
        "The growth plate closes at around 16 years of age.",
        "Myelination is complete by 2 years of age.",
        # a feature's subject, not the disease's
        "Pulmonary involvement is seen in older patients.",
    ],
)
def test_no_age_card_for_development_or_a_feature(sentence: str) -> None:
    case = make_case(f"Osteosarcoma is a bone tumour. {sentence}")
    assert facts_of(case, AGE) == []


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Non-ossifying fibromas are seen in the second decade.", "non-ossifying-fibroma"),
        ("Mature teratomas are found between 20 and 40 years.", "mature-teratoma"),
        (
            "Slipped capital femoral epiphysis presents between 10 and 16 years.",
            "slipped-capital-femoral-epiphysis",
        ),
    ],
)
def test_a_disease_named_subject_keeps_its_age(sentence: str, key: str) -> None:
    (fact,) = facts_of(make_case(sentence), AGE)
    assert fact.key == key


@pytest.mark.parametrize(
    ("discussion", "text", "answers"),
    [
        (
            "Sarcoidosis is a granulomatous disease. Affects young adults.",
            "Sarcoidosis affects young adults.",
            ("young adults",),
        ),
        (
            "Sarcoidosis is a granulomatous disease. Typically seen in women aged 20-40 years.",
            "Sarcoidosis is typically seen in women aged 20-40 years.",
            ("20-40 years",),
        ),
        (
            "Sarcoidosis is a granulomatous disease. Epidemiology: F > M, 30-50 y.",
            "In sarcoidosis, epidemiology: F > M, 30-50 y.",
            ("30-50 y",),
        ),
    ],
)
def test_telegraphic_age_lines(discussion: str, text: str, answers: tuple[str, ...]) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.text == text
    assert fact.answers() == answers


def test_age_and_sex_of_one_sentence_get_their_own_clauses() -> None:
    case = make_case(
        "Chondroblastoma is an epiphyseal tumour. It is usually diagnosed in the second "
        "decade, and there is a male predominance of about 2:1."
    )
    (age_fact,) = facts_of(case, AGE)
    (sex_fact,) = facts_of(case, SEX)
    assert age_fact.text == "Chondroblastoma is usually diagnosed in the second decade."
    assert sex_fact.text == "In chondroblastoma, there is a male predominance of about 2:1."


def test_a_sex_clause_after_an_age_clause_keeps_only_itself() -> None:
    case = make_case(
        "Renal oncocytoma is a benign tumour. Peak incidence is in the seventh decade, and men "
        "are affected about twice as often as women."
    )
    (fact,) = facts_of(case, SEX)
    assert fact.text == ("In renal oncocytoma, men are affected about twice as often as women.")


@pytest.mark.parametrize(
    ("discussion", "kind"),
    [
        (
            "Osteoma is a benign bone tumour. It is not seen in children and never affects adults.",
            AGE,
        ),
        (
            "Osteoma is a benign bone tumour. Whether it affects mainly older adults is debated.",
            AGE,
        ),
        ("Osteoma is a benign bone tumour. It was previously thought to affect mainly women.", SEX),
        ("Osteoma is a benign bone tumour. A female predominance has not been confirmed.", SEX),
        ("Osteoma is a benign bone tumour. It is said to be more common in men.", SEX),
        (
            "Osteoma is a benign bone tumour. Men and women are equally affected, although some "
            "series report a slight female predominance.",
            SEX,
        ),
    ],
)
def test_a_negated_or_doubted_statement_gives_no_card(discussion: str, kind: str) -> None:
    assert facts_of(make_case(discussion), kind) == []


def test_a_negation_in_another_clause_leaves_the_age() -> None:
    case = make_case(
        "Wilms tumour is a renal tumour. The peak incidence is between 1 and 5 years, and "
        "there is no sex predilection."
    )
    (fact,) = facts_of(case, AGE)
    assert fact.answers() == ("between 1 and 5 years",)
