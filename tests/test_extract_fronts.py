"""Answers worth learning and fronts that give nothing away: vague definition heads, the final
diagnosis kept off differential cards, short fronts, no cloze markup or abbreviation leaks.
Every sentence here is written for these tests."""

from __future__ import annotations

from extract_helpers import facts_of, make_case

from deckbuilder.model import Patient

QUESTION = "Differential diagnosis to consider"


def test_vague_definition_head_hides_what_it_is_of() -> None:
    case = make_case(
        "Heterotopic ossification is defined as abnormal formation of mature lamellar bone "
        "in soft tissues, which follows trauma or neurological injury.",
        final="Heterotopic ossification",
    )
    (fact,) = facts_of(case, "definition")
    (answer,) = fact.answers()
    assert "formation" not in answer
    assert answer.startswith("mature lamellar bone")


def test_vague_definition_head_with_nothing_after_it_gives_no_card() -> None:
    case = make_case(
        "Desmoid tumour is defined as a locally aggressive growth. It does not metastasise.",
        final="Desmoid tumour",
    )
    for fact in facts_of(case, "definition"):
        assert "growth" not in fact.answers()


def _giant_cell_case(history: str, findings: str = "") -> object:
    return make_case(
        "Giant cell tumour of bone (GCT) is a locally aggressive neoplasm of young adults.",
        history=history,
        findings=findings or "Radiographs showed a lytic epiphyseal lesion reaching the joint.",
        differentials=("GCT", "Aneurysmal bone cyst", "Chondroblastoma"),
        final="Giant cell tumour of bone",
        patient=Patient(age="35 years", sex="male"),
    )


def test_abbreviated_final_diagnosis_is_no_differential_answer() -> None:
    case = _giant_cell_case("A 35-year-old man had knee pain for three months.")
    answers = {a for f in facts_of(case, "differential-diagnosis") for a in f.answers()}
    assert answers == {"Aneurysmal bone cyst", "Chondroblastoma"}
    for fact in facts_of(case, "differential-diagnosis"):
        assert "gct" not in fact.text.lower()


def test_differential_front_never_names_the_final_diagnosis() -> None:
    case = _giant_cell_case(
        "A 35-year-old man was referred with a suspected giant cell tumour of the knee."
    )
    facts = facts_of(case, "differential-diagnosis")
    assert facts
    for fact in facts:
        front = fact.text[: fact.clozes[0].start]
        assert "giant cell" not in front.lower()


def test_long_history_gives_a_short_front() -> None:
    history = (
        "A 35-year-old man, a keen amateur cyclist who had been training for a long-distance "
        "race over the previous six months and who had noticed gradually increasing, dull, "
        "aching pain around the lateral aspect of his right knee that was worse at night and "
        "was not relieved by rest, anti-inflammatory drugs or physiotherapy, was referred by "
        "his general practitioner to the orthopaedic clinic."
    )
    case = _giant_cell_case(history)
    for fact in facts_of(case, "differential-diagnosis"):
        front = fact.text.split(QUESTION)[0]
        assert len(front) <= 300
        assert "physiotherapy" not in front


def test_final_front_has_no_cloze_markup_nor_the_diagnosis_abbreviation() -> None:
    case = _giant_cell_case(
        "A 35-year-old man had {{c1::knee pain}} and a prior report suggesting GCT.",
    )
    (fact,) = facts_of(case, "final-diagnosis")
    front = fact.text[: fact.clozes[0].start]
    assert "{{" not in front and "}}" not in front
    assert "GCT" not in front
    assert "knee pain" in front
