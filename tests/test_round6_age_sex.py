"""Age and sex cards on structures rather than phrases: telegraphic field labels and differential
items, abbreviated years, bounds hidden whole, life events, relative "who" clauses, ratios with a
qualifier, one-sex words in another clause, hyphenated names that hold a hedge word, observer
sentences naming the entity, and diseases whose names hold an event word."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case

AGE = "age-distribution"
SEX = "sex-predominance"


@pytest.mark.parametrize(
    ("discussion", "answer", "opening"),
    [
        (
            "Chondroblastoma is an epiphyseal tumour.\n\nEpidemiology: mostly found at 10-20 years.",
            "10-20 years",
            "Chondroblastoma is mostly found at",
        ),
        (
            "Sarcoidosis is a granulomatous disease.\n\nDemographics: typically seen in adults.",
            "adults",
            "Sarcoidosis is typically seen in",
        ),
    ],
)
def test_a_generic_field_label_reads_as_a_clause(
    discussion: str, answer: str, opening: str
) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.answers() == (answer,)
    assert fact.text.startswith(opening)
    assert ":" not in fact.text


@pytest.mark.parametrize(
    "discussion",
    [
        "Slipped capital femoral epiphysis is a hip disorder.\n\n"
        "Prognosis: worse with onset after 14 y and with an unstable slip.",
        "Scaphoid fracture is a wrist injury.\n\nManagement: cast for 8 y olds and older.",
    ],
)
def test_a_course_label_gives_no_age(discussion: str) -> None:
    assert facts_of(make_case(discussion), AGE) == []


@pytest.mark.parametrize(
    ("discussion", "subject", "answer"),
    [
        (
            "Osteosarcoma is a bone tumour.\n\n"
            "Aneurysmal bone cyst: fluid levels, thin septa, adolescents.\n\n"
            "Giant cell tumour: epiphyseal, eccentric, young adults.",
            "Aneurysmal bone cyst",
            "adolescents",
        ),
        (
            "Thymoma is a mediastinal tumour.\n\n"
            "Teratoma: fat and calcium, young adults, often asymptomatic.",
            "Teratoma",
            "young adults",
        ),
    ],
)
def test_a_telegraphic_item_gives_its_own_age(discussion: str, subject: str, answer: str) -> None:
    facts = [f for f in facts_of(make_case(discussion), AGE) if f.text.startswith(subject)]
    assert [f.answers() for f in facts] == [(answer,)]


def test_a_negation_in_another_telegraphic_item_does_not_reach_the_age() -> None:
    case = make_case(
        "Hepatoblastoma is a liver tumour.\n\n"
        "Mesenchymal hamartoma: toddlers, multicystic mass without calcification."
    )
    (fact,) = facts_of(case, AGE)
    assert fact.answers() == ("toddlers",)
    negated = make_case(
        "Hepatoblastoma is a liver tumour.\n\nMesenchymal hamartoma: not in toddlers."
    )
    assert facts_of(negated, AGE) == []


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Osteoid osteoma is a benign bone tumour.\n\nOsteoid osteoma: peak 10-25 y (range 5-40).",
            "10-25 y",
        ),
        (
            "Septic arthritis is a joint infection.\n\nToxic synovitis: < 10 y, self-limiting.",
            "< 10 y",
        ),
    ],
)
def test_abbreviated_years_are_ages(discussion: str, answer: str) -> None:
    answers = [a for f in facts_of(make_case(discussion), AGE) for a in f.answers()]
    assert answer in answers


def test_an_abbreviated_year_of_follow_up_is_no_age() -> None:
    case = make_case("Osteoid osteoma is a bone tumour. Recurrence is rare at follow-up of 2 y.")
    assert facts_of(case, AGE) == []


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Juvenile angiofibroma is a vascular tumour. Symptoms usually start before 25 years of age.",
            "before 25 years",
        ),
        (
            "Polymyalgia rheumatica is an inflammatory disorder. It typically appears after 50 years.",
            "after 50 years",
        ),
    ],
)
def test_a_bound_without_rarity_is_hidden_whole(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.answers() == (answer,)


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Endometrial carcinoma is a uterine cancer. It is most common after the menopause.",
            "after the menopause",
        ),
        (
            "Slipped epiphysis is a hip disorder. It usually presents around puberty.",
            "around puberty",
        ),
    ],
)
def test_a_life_event_is_an_age(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert answer in fact.answers()


def test_a_life_event_outside_a_distribution_is_no_age() -> None:
    case = make_case("Fibroids are uterine tumours. They usually shrink after the menopause.")
    assert facts_of(case, AGE) == []


def test_a_decimal_point_does_not_hide_a_condition() -> None:
    case = make_case(
        "Hyperparathyroidism is an endocrine disorder.\n\nSurgery is advised when calcium is more "
        "than 0.3 mmol/L above normal, at an age under 50 years, or in renal stones."
    )
    assert facts_of(case, AGE) == []


def test_a_hedge_in_a_leading_clause_does_not_doubt_the_main_one() -> None:
    case = make_case(
        "Arachnoid cysts are CSF collections. Although they are probably congenital, most "
        "patients come to attention between 5 and 30 years of age."
    )
    (fact,) = facts_of(case, AGE)
    assert fact.answers() == ("between 5 and 30 years",)
    hedged = make_case(
        "Arachnoid cysts are CSF collections. Most patients probably present between 5 and 30 "
        "years of age."
    )
    assert facts_of(hedged, AGE) == []


@pytest.mark.parametrize(
    ("discussion", "answer", "amount"),
    [
        (
            "Thyroid eye disease is an orbital disorder. We see it mainly in women in the fourth "
            "decade, who are affected about five times as often as men.",
            "women",
            "five times",
        ),
        (
            "Gout is a crystal arthropathy. It is seen in men older than 40 years, who are "
            "affected some ten times more often than women.",
            "men",
            "ten times",
        ),
    ],
)
def test_a_who_clause_states_the_sex_before_it(discussion: str, answer: str, amount: str) -> None:
    (fact,) = facts_of(make_case(discussion), SEX)
    assert fact.answers()[:2] == (answer, amount)


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Scleroderma is a connective tissue disease.\n\nEpidemiology: F:M up to 7:1.",
            ("F:M up to 7:1",),
        ),
        ("Hip dysplasia is a developmental disorder.\n\nSex: F:M about 6:1.", ("F:M about 6:1",)),
    ],
)
def test_a_bare_ratio_with_a_qualifier(discussion: str, answers: tuple[str, ...]) -> None:
    (fact,) = facts_of(make_case(discussion), SEX)
    assert fact.answers() == answers


@pytest.mark.parametrize(
    ("discussion", "subject", "answer"),
    [
        (
            "Biliary atresia is a neonatal cholangiopathy.\n\n"
            "Choledochal cyst: fusiform dilatation, girls about 4 times more often; palpable mass.",
            "Choledochal cyst",
            "girls",
        ),
        (
            "Lymphoma is a nodal disease.\n\n"
            "Castleman disease: mostly women with a single mass; avid enhancement.",
            "Castleman disease",
            "women",
        ),
        (
            "Chondrosarcoma is a cartilage tumour.\n\n"
            "Chordoma: sacrum or clivus, older men, lobulated high T2 signal.",
            "Chordoma",
            "men",
        ),
    ],
)
def test_a_telegraphic_item_gives_its_own_sex(discussion: str, subject: str, answer: str) -> None:
    (fact,) = [f for f in facts_of(make_case(discussion), SEX) if f.text.startswith(subject)]
    assert fact.answers()[0] == answer


def test_a_sex_word_in_a_non_label_line_is_no_item() -> None:
    case = make_case("Chordoma is a tumour. It was resected in men, with good results.")
    assert facts_of(case, SEX) == []


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Lupus is an autoimmune disease. In registries about nine in ten patients are women.",
            ("nine in ten", "women"),
        ),
        ("Gout is an arthropathy. In one series 8 of 10 patients were men.", ("8 of 10", "men")),
    ],
)
def test_a_fraction_in_words_of_patients(discussion: str, answers: tuple[str, ...]) -> None:
    (fact,) = facts_of(make_case(discussion), SEX)
    assert fact.answers() == answers


def test_a_tumour_of_coordinated_age_groups_gives_age_and_sex() -> None:
    case = make_case(
        "Meningioma is a dural tumour.\n\nHaemangiopericytoma is mainly a tumour of middle-aged "
        "and elderly men and enhances avidly."
    )
    (age,) = facts_of(case, AGE)
    assert "middle-aged and elderly men" in age.answers()
    (sex,) = facts_of(case, SEX)
    assert sex.answers() == ("men",)


def test_a_one_sex_word_in_another_clause_limits_nothing() -> None:
    case = make_case(
        "Spontaneous coronary dissection is a cause of infarction; it affects women in the "
        "peripartum period of pregnancy, and women are affected about nine times as often as men."
    )
    (fact,) = facts_of(case, SEX)
    assert fact.answers()[:2] == ("women", "nine times")
    limited = make_case(
        "Adnexal torsion is a gynaecological emergency; women are affected far more often than "
        "men in pregnancy."
    )
    assert facts_of(limited, SEX) == []


@pytest.mark.parametrize(
    "discussion",
    [
        "May-Hegglin anomaly is a platelet disorder. Men are affected twice as often as women.",
        "Osgood-Schlatter disease is an apophysitis. Boys are affected three times as often as girls.",
    ],
)
def test_a_hyphenated_name_holds_no_hedge(discussion: str) -> None:
    (fact,) = facts_of(make_case(discussion), SEX)
    assert len(fact.answers()) == 2


def test_a_real_hedge_still_doubts_the_sex() -> None:
    case = make_case("Gout is an arthropathy. Men may be affected twice as often as women.")
    assert facts_of(case, SEX) == []


@pytest.mark.parametrize(
    ("discussion", "opening", "answer"),
    [
        (
            "Pigmented villonodular synovitis is a synovial proliferation. We usually see "
            "pigmented villonodular synovitis in adults between 20 and 50 years.",
            "Pigmented villonodular synovitis is seen in adults",
            "between 20 and 50 years",
        ),
        (
            "Tarsal coalition is a congenital bar. Radiologists typically diagnose symptomatic "
            "tarsal coalition in adolescents.",
            "Symptomatic tarsal coalition is diagnosed in",
            "adolescents",
        ),
    ],
)
def test_an_observer_naming_the_entity_becomes_a_passive(
    discussion: str, opening: str, answer: str
) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.text.startswith(opening)
    assert answer in fact.answers()


def test_an_observer_naming_a_finding_stays_as_written() -> None:
    case = make_case(
        "Tarsal coalition is a congenital bar. We usually see calcification in adults over 60 years."
    )
    assert all(not f.text.startswith("Calcification is") for f in facts_of(case, AGE))


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Idiopathic pulmonary fibrosis is an interstitial disease. Idiopathic pulmonary fibrosis mostly affects men older than 60 years.",
            "older than 60 years",
        ),
        ("Cystic fibrosis is a genetic disease. Cystic fibrosis presents in infancy.", "infancy"),
    ],
)
def test_a_disease_named_with_an_event_word_keeps_its_age(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert answer in fact.answers()


def test_an_event_subject_still_gives_no_age() -> None:
    case = make_case(
        "Hydatid cyst is a parasitic cyst. Rupture of the cyst is more frequent in older children."
    )
    assert facts_of(case, AGE) == []


def test_a_relative_clause_of_a_differential_after_also() -> None:
    case = make_case(
        "Pilocytic astrocytoma is a cerebellar tumour.\n\nThe main differential is "
        "medulloblastoma, which also affects children but more often arises in the vermis."
    )
    (fact,) = facts_of(case, AGE)
    assert fact.text.startswith("Medulloblastoma also affects")
    assert fact.answers() == ("children",)
    assert "vermis" not in fact.text


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Osteitis pubis is a pelvic overuse injury. It occurs in young athletic men.",
            "men",
        ),
        (
            "Gout is an arthropathy. Pseudogout is typically seen in elderly arthritic women.",
            "women",
        ),
    ],
)
def test_the_bare_sex_a_disease_occurs_in(discussion: str, answer: str) -> None:
    facts = [f for f in facts_of(make_case(discussion), SEX) if answer in f.answers()]
    assert len(facts) == 1


@pytest.mark.parametrize(
    "discussion",
    [
        "Lung cancer is a thoracic tumour. It occurs in men who smoke heavily.",
        "Hepatic adenoma is a liver tumour. It is seen in women taking oral contraceptives.",
        "Sarcoidosis is a granulomatous disease. It affects men and women of all ages.",
    ],
)
def test_a_risk_group_or_both_sexes_is_no_predominance(discussion: str) -> None:
    assert facts_of(make_case(discussion), SEX) == []


def test_a_relative_clause_of_a_named_differential_is_its_own_fact() -> None:
    case = make_case(
        "Schwannoma is a nerve sheath tumour.\n\nThe chief mimic is ependymoma, which "
        "typically affects young adults."
    )
    (fact,) = facts_of(case, AGE)
    assert fact.text.startswith("Ependymoma typically affects")


@pytest.mark.parametrize(
    ("discussion", "opening"),
    [
        (
            "Simple renal cysts are benign. They become more frequent with age.",
            "Simple renal cysts",
        ),
        (
            "Diverticulosis is a colonic disorder. Its prevalence increases with advancing age.",
            "Diverticulosis",
        ),
    ],
)
def test_a_rise_with_age_is_an_age(discussion: str, opening: str) -> None:
    facts = [f for f in facts_of(make_case(discussion), AGE) if opening.lower() in f.text.lower()]
    assert len(facts) == 1
    assert facts[0].answers()[0].startswith("with")


def test_an_event_rising_with_age_is_no_age() -> None:
    case = make_case("Aneurysm is a dilatation. The risk of rupture increases with age.")
    assert facts_of(case, AGE) == []


@pytest.mark.parametrize(
    "discussion",
    [
        "Fibromuscular dysplasia is an arteriopathy. The multifocal type is more often seen in "
        "women over 50 years.",
        "Wilms tumour is a renal tumour. The familial form presents in younger children.",
    ],
)
def test_a_named_form_of_the_disease_keeps_its_age(discussion: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert "type" in fact.text or "form" in fact.text


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Sinonasal tumours are rare. Esthesioneuroblastoma peaks in the third and seventh "
            "decades, erodes the cribriform plate and may invade the orbit.",
            "third and seventh decades",
        ),
        (
            "Orbital masses are varied. Lymphangioma presents in childhood, bleeds into its cysts "
            "and might enlarge with infections.",
            "childhood",
        ),
    ],
)
def test_a_hedge_in_a_later_predicate_keeps_the_age(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert answer in fact.answers()


def test_a_hedge_in_the_age_predicate_still_doubts_it() -> None:
    case = make_case(
        "Sinonasal tumours are rare. Esthesioneuroblastoma may peak in the third decade, "
        "erodes the cribriform plate and invades the orbit."
    )
    assert facts_of(case, AGE) == []


@pytest.mark.parametrize(
    "discussion",
    [
        "Neurofibromatosis is a phakomatosis. It causes many tumours.\n\n"
        "Cutaneous haemangiomas become more frequent with age.",
        "Marfan syndrome is a connective tissue disorder. It weakens the aorta.\n\n"
        "Bicuspid valves are seen in adults over 40 years.",
    ],
)
def test_another_lesion_is_never_credited_to_the_topic(discussion: str) -> None:
    for fact in facts_of(make_case(discussion), AGE):
        assert not fact.text.startswith("In neurofibromatosis,")
        assert not fact.text.startswith("In Marfan syndrome,")


@pytest.mark.parametrize(
    ("discussion", "opening"),
    [
        (
            "Kienböck disease is avascular necrosis of the lunate; it mostly affects men between "
            "20 and 40 years.",
            "Kienböck disease mostly affects men",
        ),
        (
            "Osgood-Schlatter disease is a traction apophysitis; it typically presents in "
            "adolescents.",
            "Osgood-Schlatter disease typically presents",
        ),
    ],
)
def test_a_pronoun_after_a_semicolon_is_the_entity(discussion: str, opening: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.text.startswith(opening)
