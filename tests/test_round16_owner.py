"""Round 16: whose fact it is.

Rules, one line each:

- The Discussion's opening subject made only of words the Final Diagnosis writes before its
  disease noun, beside a place noun ("The pancreas is ..." for "pancreatic insulinoma", "The
  masticator space ..." for "masticator space abscess"), names where the disease sits: the case
  subject is the diagnosis up to its disease noun, without a side.
- A differential's feature opening with a negation (a ``negation.before`` trigger of
  polarity.yaml or one of its ``negated_predicates``) is a distinguishing feature, hidden whole.
"""

from __future__ import annotations

import re

import pytest

from deckbuilder.extract.contrast import _kinds_of, _negated_answer
from deckbuilder.extract.subject import match_entity
from deckbuilder.lexicon import load_lexicon
from tests.extract_helpers import discussion_subject, facts_of, make_case

LEX = load_lexicon()


# --- an organ opening the Discussion is not the case subject --------------------------------


@pytest.mark.parametrize(
    ("discussion", "final", "expected"),
    [
        (
            "The pancreas is where most of these tumours of the islet cells arise. "
            "They enhance avidly in the arterial phase.",
            "Pancreatic insulinoma from a MEN1 syndrome",
            "Pancreatic insulinoma",
        ),
        (
            "The parotid gland is where most salivary tumours arise. They are painless.",
            "Right parotid pleomorphic adenoma",
            "Parotid pleomorphic adenoma",
        ),
        (
            "The masticator space is enclosed by the superficial layer of the deep cervical fascia. "
            "Infection reaches it from the molar teeth.",
            "Left masticator space abscess of odontogenic origin",
            "Masticator space abscess",
        ),
        (
            "The lung is the most common destination of haematogenous spread from sarcoma. "
            "On CT they are round and well defined.",
            "Lung metastases of a synovial sarcoma",
            "Lung metastases",
        ),
    ],
)
def test_an_organ_the_diagnosis_is_in_is_not_the_case_subject(
    discussion: str, final: str, expected: str
) -> None:
    assert discussion_subject(discussion, final) == expected


@pytest.mark.parametrize(
    ("discussion", "final", "expected"),
    [
        # The opening subject holds the diagnosis's head noun: it is the disease.
        (
            "Renal oncocytoma is a benign tumour of the intercalated cells.",
            "Renal oncocytoma",
            "Renal oncocytoma",
        ),
        # The disease noun itself is named: a kind of the disease, not its place.
        (
            "Pleomorphic adenoma is the commonest tumour of the salivary glands.",
            "Parotid pleomorphic adenoma",
            "Pleomorphic adenoma",
        ),
        # A word not written before the head noun ("sarcoma" is the head, not a modifier).
        (
            "Synovial sarcoma is a soft-tissue tumour of young adults.",
            "Synovial sarcoma of the thigh",
            "Synovial sarcoma",
        ),
    ],
)
def test_a_disease_opening_the_discussion_stays_the_subject(
    discussion: str, final: str, expected: str
) -> None:
    assert discussion_subject(discussion, final) == expected


def test_no_card_makes_an_organ_plural() -> None:
    case = make_case(
        discussion=(
            "The bone is the usual site of these deposits in advanced prostate cancer. "
            "On MRI they are hypointense on T1WI."
        ),
        final="Bone metastases from prostate carcinoma",
    )
    texts = [f.text for f in facts_of(case)]
    assert texts
    assert not any(re.search(r"\b[Bb]ones\b", t) for t in texts)


# --- a negated feature of a differential, words read from polarity.yaml ---------------------


@pytest.mark.parametrize(
    "answer",
    [
        "does not enhance after contrast",
        "cannot be separated from the ovary",
        "free of internal septa",
        "lacks a fat plane",
        "no calcification",
    ],
)
def test_a_negated_feature_stays_a_distinguishing_feature(answer: str) -> None:
    text = f"Fibroma {answer}."
    start = text.index(answer)
    assert _kinds_of(text, (start, start + len(answer)), LEX) == [
        ("distinguishing-feature", (start, start + len(answer)))
    ]


@pytest.mark.parametrize("answer", ["nodular enhancement", "notched margins", "nonfatty content"])
def test_a_word_merely_starting_like_a_negation_is_not_one(answer: str) -> None:
    assert not _negated_answer(LEX).match(answer)


def test_the_negation_words_come_from_the_polarity_lexicon() -> None:
    assert _negated_answer({"polarity": {"negation": {"before": ["sans"]}}}).match("sans fat")
    assert not _negated_answer({"polarity": {}}).match("no fat")


# --- "<name> of the <place>" names the listed "<place adjective> <name>" ---------------------


@pytest.mark.parametrize(
    ("phrase", "listed", "expected"),
    [
        ("Chordoma of the sacrum", ["Sacral chordoma"], "Sacral chordoma"),
        (
            "An osteoma of the mandible",
            ["Ossifying fibroma", "Mandibular osteoma"],
            "Mandibular osteoma",
        ),
        # Another place, or an adjective of another root: no match.
        ("Schwannoma of the orbit", ["Vestibular schwannoma"], None),
        ("Lymphoma of the stomach", ["Gastric lymphoma"], None),
    ],
)
def test_a_name_of_a_place_names_the_listed_reordered_name(
    phrase: str, listed: list[str], expected: str | None
) -> None:
    assert match_entity(phrase, listed, {}) == expected


@pytest.mark.parametrize(
    ("sentence", "listed"),
    [
        (
            "Osteoma of the mandible is uniformly hypointense on T1WI and T2WI.",
            "Mandibular osteoma",
        ),
        (
            "Chordoma of the sacrum is markedly hyperintense on T2WI, with septa.",
            "Sacral chordoma",
        ),
    ],
)
def test_a_differential_named_as_its_own_subject_gets_no_other_owner(
    sentence: str, listed: str
) -> None:
    case = make_case(
        discussion=f"Fibrous dysplasia has a ground-glass matrix on CT. {sentence}",
        differentials=(listed, "Paget disease"),
        final="Fibrous dysplasia",
    )
    own = [f for f in facts_of(case) if sentence[:20] in f.text]
    assert own
    assert not any(f.text.startswith("In ") for f in own)
    assert all(f.subject == listed for f in own)
