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


def _indications(discussion: str) -> list[tuple[str, ...]]:
    return [f.answers() for f in facts_of(make_case(discussion), IND)]


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Nutcracker syndrome is compression of the left renal vein.\n\n"
            "Treatment is reserved for patients with persistent haematuria.",
            "patients with persistent haematuria",
        ),
        (
            "Pelvic congestion syndrome is a cause of chronic pain.\n\n"
            "Intervention is reserved for women with disabling symptoms.",
            "women with disabling symptoms",
        ),
    ],
)
def test_a_bare_treatment_reserved_for_a_group(discussion: str, answer: str) -> None:
    assert _indications(discussion) == [(answer,)]


@pytest.mark.parametrize(
    "discussion",
    [
        "Sarcoidosis is a granulomatous disease.\n\n"
        "Medical treatment is reserved for patients with organ dysfunction.",
        "Gout is a crystal arthropathy.\n\nTreatment with colchicine is reserved for flares.",
    ],
)
def test_a_qualified_medical_treatment_gives_no_indication(discussion: str) -> None:
    assert _indications(discussion) == []


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Renal angiomyolipoma is a benign tumour.\n\n"
            "Embolisation is added when bleeding persists after the first session.",
            "bleeding persists after the first session",
        ),
        (
            "Xanthogranulomatous pyelonephritis is a chronic infection.\n\n"
            "Nephrectomy is considered when the kidney no longer functions.",
            "kidney no longer functions",
        ),
        (
            "Phyllodes tumour is a fibroepithelial breast tumour.\n\n"
            "Wide excision is advised even for small lesions.",
            "small lesions",
        ),
    ],
)
def test_added_considered_and_even_for_introduce_indications(discussion: str, answer: str) -> None:
    assert [a for answers in _indications(discussion) for a in answers] == [answer]


def test_considered_as_a_judgement_gives_no_indication() -> None:
    discussion = (
        "Papillary thyroid carcinoma is a thyroid cancer.\n\n"
        "Thyroidectomy is considered curative in most patients."
    )
    assert _indications(discussion) == []


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Biliary atresia is an obliterative cholangiopathy.\n\n"
            "Treatment is the Kasai procedure, in which a loop of jejunum drains the porta "
            "hepatis.",
            "Kasai procedure",
        ),
        (
            "Acute calculous cholecystitis is a common surgical emergency.\n\n"
            "Standard treatment is laparoscopic cholecystectomy with intraoperative "
            "cholangiography.",
            "laparoscopic cholecystectomy",
        ),
        (
            "Chronic osteomyelitis is a persistent bone infection.\n\n"
            "Debridement of the necrotic bone, irrigation, and fixation with a plate is the "
            "treatment of choice.",
            "Debridement of the necrotic bone",
        ),
    ],
)
def test_the_named_standard_treatment_is_the_answer(discussion: str, answer: str) -> None:
    ((found,),) = _indications(discussion)
    assert found.lower() == answer.lower()


@pytest.mark.parametrize(
    "discussion",
    [
        "Bronchiolitis is a viral infection of infants.\n\nTreatment is supportive, with oxygen.",
        "Septic arthritis of the hip is an emergency.\n\nTreatment is surgical.",
        "Pyelonephritis is a kidney infection.\n\nStandard treatment is intravenous antibiotics.",
    ],
)
def test_a_treatment_that_is_no_intervention_gives_no_card(discussion: str) -> None:
    assert _indications(discussion) == []


@pytest.mark.parametrize(
    ("discussion", "owners"),
    [
        (
            "Chronic recurrent multifocal osteomyelitis is an autoinflammatory bone disease.\n\n"
            "The two main mimics behave differently: osteoid osteoma causes night pain and "
            "affects adolescents; Langerhans cell histiocytosis destroys the cortex and is "
            "seen in young children.",
            {"osteoid osteoma": "adolescents", "Langerhans cell histiocytosis": "young children"},
        ),
        (
            "Sialolithiasis is the commonest salivary disease.\n\n"
            "Each tumour mimic has its own profile: pleomorphic adenoma enlarges slowly and "
            "affects middle-aged women; Warthin tumour grows in the parotid tail and affects "
            "older smokers.",
            {"pleomorphic adenoma": "middle-aged women", "Warthin tumour": "older smokers"},
        ),
    ],
)
def test_each_clause_of_a_listed_comparison_is_its_own_diseases_age(
    discussion: str, owners: dict[str, str]
) -> None:
    facts = facts_of(make_case(discussion), AGE)
    found = {f.subject.lower(): f.answers() for f in facts}
    for owner, answer in owners.items():
        assert found.get(owner.lower()) == (answer,)
    assert all(f.text.split()[0].lower() in {o.split()[0].lower() for o in owners} for f in facts)


def test_a_later_clause_without_a_disease_of_its_own_gives_no_second_card() -> None:
    discussion = (
        "Osteosarcoma is a malignant bone tumour. It peaks between 10 and 20 years; it is rare "
        "under 5 years."
    )
    facts = facts_of(make_case(discussion), AGE)
    assert len(facts) == 1
    assert "under 5" not in facts[0].text


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Midgut volvulus is a surgical emergency.\n\n"
            "Management: a Ladd procedure (detorsion and band division) once the child is "
            "resuscitated.",
            ("Ladd procedure", "child is resuscitated"),
        ),
        (
            "Anorectal malformation is a congenital anomaly.\n\n"
            "Plan is operative: staged repair (a colostomy first) once the infant weighs more "
            "than 2 kg.",
            ("staged repair", "infant weighs more than 2 kg"),
        ),
    ],
)
def test_a_telegraphic_treatment_once_a_condition_hides_both(
    discussion: str, answers: tuple[str, ...]
) -> None:
    assert _indications(discussion) == [answers]


@pytest.mark.parametrize(
    "discussion",
    [
        "Peritonsillar abscess is a deep neck infection.\n\n"
        "Drainage was performed once the swelling had settled.",
        "Septic arthritis is a joint infection.\n\nManagement: antibiotics once cultures are taken.",
    ],
)
def test_a_told_event_or_a_drug_once_a_condition_gives_no_card(discussion: str) -> None:
    assert _indications(discussion) == []


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Takayasu arteritis is a large-vessel vasculitis.\n\n"
            "It causes stenoses of the aortic arch branches in young women.",
            "young women",
        ),
        (
            "Fibromuscular dysplasia is a non-atherosclerotic arteriopathy.\n\n"
            "Fibromuscular dysplasia causes renal artery stenosis at a younger age than "
            "atheroma.",
            "younger age",
        ),
    ],
)
def test_a_disease_causing_its_lesion_in_a_group_is_an_age(discussion: str, answer: str) -> None:
    (fact,) = facts_of(make_case(discussion), AGE)
    assert fact.answers() == (answer,)


@pytest.mark.parametrize(
    "discussion",
    [
        "Osteonecrosis of the femoral head is bone death.\n\n"
        "Long-term steroid therapy causes osteonecrosis in young adults.",
        "Hip fracture is a common injury.\n\n"
        "A simple fall causes a fracture of the femoral neck in elderly women.",
    ],
)
def test_a_cause_that_is_no_disease_gives_no_age(discussion: str) -> None:
    assert facts_of(make_case(discussion), AGE) == []
