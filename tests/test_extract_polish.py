"""Card wording: whose fact it is, agreement, trimming, and the patient summary of a case."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked

from deckbuilder.extract import case_sentences
from deckbuilder.extract.subject import discourse, resolve_subject
from deckbuilder.extract.text import case_summary, patient_phrase, plural, singular
from deckbuilder.lexicon import load_lexicon
from deckbuilder.model import Patient


def test_plural_anaphor_gets_a_plural_name() -> None:
    case = make_case(
        "Enchondroma is a benign cartilage tumour of the medullary cavity. These lesions are "
        "usually found between 20 and 50 years."
    )
    (fact,) = facts_of(case, "age-distribution")
    assert fact.text.startswith("Enchondromas are usually found")


def test_plural_and_singular_forms() -> None:
    assert plural("Non-ossifying fibroma") == "Non-ossifying fibromas"
    assert plural("Myositis ossificans") == "Myositis ossificans"
    assert plural("Cavernous malformations") == "Cavernous malformations"
    assert singular("Myositis ossificans") == "Myositis ossificans"


def test_sentence_naming_its_own_subject_wins() -> None:
    case = make_case(
        "Myositis ossificans is a heterotopic ossification of soft tissue. Dermatomyositis shows "
        "a bimodal age distribution, with peaks before 15 years and between 45 and 54 years."
    )
    (fact,) = facts_of(case, "age-distribution")
    assert fact.subject == "Dermatomyositis"
    assert fact.text.startswith("Dermatomyositis shows")


def test_a_sequence_is_never_the_topic() -> None:
    case = make_case(
        "Sagittal FLAIR is the best sequence for callosal lesions. It shows ovoid lesions "
        "perpendicular to the ventricles.",
        final="Multiple sclerosis",
    )
    lexicon = load_lexicon()
    sentences = case_sentences(case)
    subject = resolve_subject(case, sentences, lexicon)
    assert subject == "Multiple sclerosis"
    disc = discourse(case, subject, lexicon)
    assert {disc.topic(s) for s in sentences} == {"Multiple sclerosis"}


def test_framing_entity_is_the_case_subject_and_kinds_of_it_need_no_prefix() -> None:
    case = make_case(
        "In aortic dissection a tear in the intima lets blood into the media. Uncomplicated "
        "type B dissection is managed medically unless complicated by rupture or malperfusion, "
        "in which case endovascular repair is indicated.",
        final="Acute Stanford type B aortic dissection",
    )
    (fact,) = facts_of(case, "surgical-indication")
    assert marked(fact).startswith("Uncomplicated type B dissection is managed medically")


def test_treated_by_card_keeps_its_own_clause() -> None:
    case = make_case(
        "Splenic artery aneurysms are rare. Small lesions are followed with CT, and a ruptured "
        "aneurysm is treated by urgent embolisation.",
        final="Splenic artery aneurysm",
    )
    (fact,) = facts_of(case, "surgical-indication")
    assert marked(fact) == (
        "In splenic artery aneurysm, a {{c1::ruptured aneurysm}} is treated by urgent embolisation."
    )


# --- the patient summary ----------------------------------------------------------------------


def test_case_summary_keeps_stated_history_in_whole_clauses() -> None:
    case = make_case(
        "Text.",
        history="A woman aged 61 with long-standing psoriasis had painful, swollen fingers of "
        "both hands.",
        patient=Patient(age="61 years", sex="female"),
    )
    assert case_summary(case, load_lexicon()) == (
        "61-year-old woman with long-standing psoriasis and painful, swollen fingers of both hands"
    )


def test_case_summary_never_turns_a_negation_positive() -> None:
    case = make_case(
        "Text.",
        history="She had no history of pancreatitis and no weight loss.",
        patient=Patient(age="48 years", sex="female"),
    )
    summary = case_summary(case, load_lexicon())
    assert summary == "48-year-old woman"


def test_case_summary_leaves_out_a_detail_it_would_have_to_cut() -> None:
    case = make_case(
        "Text.",
        history="A 70-year-old man had a slowly enlarging painless mass in the left thigh that "
        "he first noticed while gardening several summers ago and that never hurt at all.",
        patient=Patient(age="70 years", sex="male"),
    )
    assert case_summary(case, load_lexicon()) == "70-year-old man"


@pytest.mark.parametrize(
    ("history", "sex", "expected"),
    [
        (
            "A 38-year-old man was sent by his dentist (after a panoramic radiograph taken for a "
            "loose molar had shown a lucent area in the mandible) with a six-month history of "
            "jaw swelling, numbness of the lower lip and, lately, trismus.",
            "male",
            "38-year-old man with jaw swelling",
        ),
        (
            "A 38-year-old woman was seen in clinic after an audiogram showed hearing loss; she "
            "came with a long history of ear discharge.",
            "female",
            "38-year-old woman with ear discharge",
        ),
        (
            "A 38-year-old man presented with a hard, painless lump in the lateral neck, below "
            "the ear, which had been noticed four months earlier by his barber.",
            "male",
            "38-year-old man",
        ),
        (
            "A 38-year-old woman presented with a firm, tender swelling behind the knee.",
            "female",
            "38-year-old woman with a firm, tender swelling behind the knee",
        ),
        (
            "A 38-year-old man with three weeks of knee pain that has slowly worsened was seen.",
            "male",
            "38-year-old man with three weeks of knee pain",
        ),
        (
            "A 38-year-old woman had a lump in the breast that had since grown.",
            "female",
            "38-year-old woman with a lump in the breast that had since grown",
        ),
        (
            "A 38-year-old man had steadily lost weight and had since become jaundiced.",
            "male",
            "38-year-old man",
        ),
        (
            "A 38-year-old woman with diabetes, asthma and chronic obstructive pulmonary "
            "disease stage 2 was admitted.",
            "female",
            "38-year-old woman with diabetes",
        ),
    ],
)
def test_case_summary_reads_the_complaint_not_the_examination(history, sex, expected) -> None:
    case = make_case("Text.", history=history, patient=Patient(age="38 years", sex=sex))
    assert case_summary(case, load_lexicon()) == expected


def test_vignette_does_not_repeat_the_patient() -> None:
    case = make_case(
        "Text.",
        history="A woman aged 57 with dermatomyositis had painful buttock masses.",
        findings="Radiographs showed coarse soft-tissue calcifications.",
        final="Myositis ossificans",
        patient=Patient(age="57 years", sex="female"),
    )
    (fact,) = facts_of(case, "final-diagnosis")
    assert fact.text.startswith("A woman aged 57 with an underlying condition had")


def test_differential_card_shortens_the_vignette_to_keep_the_other_answers() -> None:
    long_history = (
        "A 44-year-old man with treated hypertension had intermittent headaches and blurred "
        "vision for several months, which had been attributed to migraine by his general "
        "practitioner and treated with simple analgesics without any benefit at all."
    )
    case = make_case(
        "Text.",
        history=long_history,
        findings="MR showed a lobulated, strongly enhancing extra-axial mass with a dural tail "
        "along the planum sphenoidale, displacing both optic nerves upwards and laterally.",
        differentials=(
            "Pituitary macroadenoma",
            "Olfactory groove schwannoma",
            "Haemangiopericytoma",
            "Meningioma",
        ),
        final="Meningioma",
        patient=Patient(age="44 years", sex="male"),
    )
    facts = facts_of(case, "differential-diagnosis")
    assert len(facts) == 3
    for fact in facts:
        assert len(fact.text) <= 400
        assert "other than" in fact.text
        assert fact.text.startswith("A 44-year-old man")


def test_a_name_stays_capitalised_in_the_prefix() -> None:
    case = make_case(
        "Bone pain is frequent in patients with Ewing sarcoma. Pathological fracture is the most "
        "common complication.",
        final="Ewing sarcoma",
    )
    (fact,) = facts_of(case, "complication")
    assert marked(fact).startswith("In Ewing sarcoma, {{c1::pathological fracture}}")


@pytest.mark.parametrize(
    ("history", "age", "expected"),
    [
        ("A 9-day-old girl had bilious vomiting since birth.", "1 week", "9-day-old girl"),
        ("A 5-week-old girl was brought in with a lump.", "1 month", "5-week-old girl"),
        ("The mother of a 3-year-old girl was worried.", "35 years", "35-year-old woman"),
    ],
)
def test_the_history_s_exact_age_beats_a_rounded_header(history, age, expected) -> None:
    case = make_case("Text.", history=history, patient=Patient(age=age, sex="female"))
    assert patient_phrase(case) == expected


@pytest.mark.parametrize(
    ("age", "expected"),
    [("8 years", "An 8-year-old"), ("11 months", "An 11-month-old"), ("60 years", "A 60-year-old")],
)
def test_the_front_s_article_is_said_as_the_number_is(age, expected) -> None:
    case = make_case(
        "Text.",
        history="Pain in the left shoulder for weeks.",
        findings="Radiographs showed a lucent lesion of the humerus.",
        final="Simple bone cyst",
        patient=Patient(age=age, sex="male"),
    )
    (fact,) = facts_of(case, "final-diagnosis")
    assert fact.text.startswith(expected)
