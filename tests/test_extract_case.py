from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked

from deckbuilder.extract import extract_facts
from deckbuilder.lexicon import load_lexicon
from deckbuilder.model import Patient, Severity


def test_indication_list_gives_one_cloze_per_indication() -> None:
    case = make_case(
        "Myositis ossificans is heterotopic bone in soft tissue. Surgical intervention is "
        "indicated when there is functional limitation, persistent pain, neurovascular "
        "compromise or severe disfigurement.",
        final="Myositis ossificans",
    )
    (fact,) = facts_of(case, "surgical-indication")
    assert fact.answers() == (
        "functional limitation",
        "persistent pain",
        "neurovascular compromise",
        "severe disfigurement",
    )
    assert [c.index for c in fact.clozes] == [1, 2, 3, 4]
    assert fact.text.startswith("In myositis ossificans, surgical intervention is indicated")
    assert fact.key == "surgical-intervention"


@pytest.mark.parametrize(
    ("sentence", "answers"),
    [
        (
            "Renal angiomyolipoma is a benign tumour. Embolisation or nephron-sparing surgery is "
            "recommended for lesions larger than 4 cm.",
            ("lesions larger than 4 cm",),
        ),
        (
            "Cerebral cavernoma is a vascular malformation. Resection is reserved for symptomatic "
            "lesions or those causing epilepsy.",
            ("symptomatic lesions", "those causing epilepsy"),
        ),
        (
            "Type B aortic dissection is managed medically unless complicated by rupture, in which "
            "case endovascular repair is indicated.",
            ("rupture",),
        ),
    ],
)
def test_indication_phrasings(sentence: str, answers: tuple[str, ...]) -> None:
    (fact,) = facts_of(make_case(sentence), "surgical-indication")
    assert fact.answers() == answers


@pytest.mark.parametrize(
    "discussion",
    [
        "Non-ossifying fibroma is a benign lesion; neither biopsy nor follow-up is required.",
        "Radiosurgery may possibly be considered for deep lesions in eloquent locations.",
        "Surgery is not indicated in asymptomatic patients.",
    ],
)
def test_no_indication_without_a_stated_affirmed_one(discussion: str) -> None:
    assert facts_of(make_case(discussion), "surgical-indication") == []


def seed_like_case(**kwargs: object) -> object:
    return make_case(
        discussion="Dermatomyositis is an inflammatory myopathy.",
        history="A 57-year-old woman with known dermatomyositis presented with painful gluteal "
        "masses.",
        findings="Coarse calcifications were seen on radiographs. The masses showed myositis "
        "on STIR.",
        differentials=(
            "Myositis ossificans complicating dermatomyositis",
            "Soft tissue sarcoma",
            "Synovial sarcoma",
        ),
        final="Myositis ossificans complicating dermatomyositis",
        patient=Patient("57 years", "female"),
        **kwargs,
    )


def test_differentials_skip_the_final_diagnosis_and_give_context() -> None:
    facts = facts_of(seed_like_case(), "differential-diagnosis")
    assert [f.answers() for f in facts] == [("Soft tissue sarcoma",), ("Synovial sarcoma",)]
    assert [f.key for f in facts] == ["soft-tissue-sarcoma", "synovial-sarcoma"]
    assert "57-year-old woman" in facts[0].text
    assert "other than synovial sarcoma" in facts[0].text


def test_final_diagnosis_words_never_on_the_front() -> None:
    (fact,) = facts_of(seed_like_case(), "final-diagnosis")
    first = fact.clozes[0].start
    front = fact.text[:first].lower()
    assert "57-year-old woman" in front
    assert "myositis" not in front and "dermatomyositis" not in front
    assert "calcifications" in front
    assert fact.key == "final"
    assert "".join(fact.answers()).lower().count("myositis") == 2


def test_suppress_by_kind_and_key_and_warn_on_unused_entry() -> None:
    case = seed_like_case(
        suppress=(
            "final-diagnosis",
            "differential-diagnosis/soft-tissue-sarcoma",
            "age-distribution/x",
        )
    )
    facts, diagnostics = extract_facts(case, load_lexicon())
    assert [f.key for f in facts if f.kind.endswith("diagnosis")] == ["synovial-sarcoma"]
    assert [d.message for d in diagnostics] == [
        "suppress entry 'age-distribution/x' matches no fact"
    ]


def test_authored_cloze_taken_as_written() -> None:
    case = make_case(
        "Wilms tumour is a renal tumour of children. It typically presents between 1 and 5 "
        "years as an {{c1::abdominal mass::sign}} with {{c2::claw sign}}."
    )
    facts = facts_of(case)
    # The plain first sentence may give automatic facts; the cloze sentence gives only its own.
    assert [f.kind for f in facts if "typically presents" in f.text] == ["authored"]
    (fact,) = [f for f in facts if f.kind == "authored"]
    assert marked(fact) == (
        "It typically presents between 1 and 5 years as an {{c1::abdominal mass}} with "
        "{{c2::claw sign}}."
    )
    assert fact.clozes[0].hint == "sign" and fact.authored and fact.key == "abdominal-mass"


@pytest.mark.parametrize("bad", ["a {{c1::mass with no end.", "a mass}} with a stray close."])
def test_unbalanced_cloze_markup_is_an_error_at_its_line(bad: str) -> None:
    case = make_case(f"Wilms tumour shows up in children. It presents as {bad}")
    facts, diagnostics = extract_facts(case, load_lexicon())
    assert facts == []
    assert [(d.severity, d.location.line) for d in diagnostics] == [(Severity.ERROR, 11)]


def test_duplicate_keys_are_made_unique_deterministically() -> None:
    case = make_case(
        "Teratoma is a germ cell tumour seen in patients younger than 20 years. Teratoma is "
        "mostly diagnosed between 20 and 40 years."
    )
    keys = [f.key for f in facts_of(case, "age-distribution")]
    assert keys == ["teratoma", "teratoma-2"]
    assert keys == [f.key for f in facts_of(case, "age-distribution")]


def test_long_answer_warns() -> None:
    long = "a " + "very " * 25 + "long answer"
    case = make_case(f"Lipoma is a fatty tumour described as {{{{c1::{long}}}}}.")
    _, diagnostics = extract_facts(case, load_lexicon())
    assert any("over 90 characters" in d.message for d in diagnostics)
