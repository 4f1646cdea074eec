"""Round 12: whose fact a sentence states and how the card names it.

Three structural rules, each tested in wordings of our own from several areas of radiology:
a name never ends inside an open bracket (and a long bracketed aside is no part of it), a
definite generic noun ("the mass") names no disease of its own, and a subject made of a
qualifier and the topic's head noun ("True aneurysms") is a kind of the topic.
"""

from __future__ import annotations

import pytest

from deckbuilder.extract.subject import (
    discourse,
    is_disease_like,
    prepare,
    resolve_subject,
    sentence_subject,
    without_asides,
)
from deckbuilder.extract.text import resolve_anaphora
from deckbuilder.lexicon import load_lexicon
from deckbuilder.model import SectionKind
from deckbuilder.sentences import split_sentences
from tests.extract_helpers import make_case

LEX = load_lexicon()


# --- a name never ends inside a bracket ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Pleomorphic adenoma (sometimes named benign mixed tumour, as it holds both "
            "epithelial and stromal parts) is the commonest parotid neoplasm.",
            "Pleomorphic adenoma",
        ),
        (
            "Pilocytic astrocytoma (a glioma that is usually cured by resection, unlike most "
            "others) presents in childhood.",
            "Pilocytic astrocytoma",
        ),
    ],
)
def test_a_verb_inside_a_bracketed_aside_does_not_end_the_name(sentence: str, name: str) -> None:
    subject = sentence_subject(sentence, LEX)
    assert subject is not None
    assert subject.count("(") == subject.count(")")
    assert without_asides(subject) == name


def test_an_unclosed_bracket_gives_no_name() -> None:
    assert (
        sentence_subject("Meningioma (which arises from arachnoid cap cells is common", LEX) is None
    )


def test_an_abbreviation_in_brackets_stays_with_the_name() -> None:
    assert sentence_subject(
        "Hepatocellular carcinoma (HCC) is the commonest liver cancer.", LEX
    ) == ("Hepatocellular carcinoma (HCC)")
    assert without_asides("Hepatocellular carcinoma (HCC)") == "Hepatocellular carcinoma (HCC)"


def test_the_case_subject_drops_a_long_aside() -> None:
    case = make_case(
        discussion=(
            "Chondroblastoma (formerly labelled a calcifying giant cell tumour, because of its "
            "giant cells) is a rare cartilage tumour of the epiphysis. It favours adolescents."
        ),
        final="Chondroblastoma of the proximal tibia",
    )
    sentences = [
        s for sec in case.sections for b in sec.blocks for s in split_sentences(b, sec.kind)
    ]
    assert resolve_subject(case, sentences, LEX) == "Chondroblastoma"


# --- a definite generic noun names no disease --------------------------------------------


@pytest.mark.parametrize("phrase", ["the mass", "The cysts", "these nodules", "This tumour"])
def test_a_definite_generic_noun_is_not_disease_like(phrase: str) -> None:
    assert not is_disease_like(phrase, LEX)


@pytest.mark.parametrize(
    "phrase", ["Brodie abscess", "Giant cell tumour", "mass", "Dermoid cysts", "the osteosarcoma"]
)
def test_a_named_disease_stays_disease_like(phrase: str) -> None:
    assert is_disease_like(phrase, LEX)


# --- a qualifier and the topic's head: a kind of the topic ---------------------------------


def _prepared(discussion: str, final: str, opening: str) -> tuple[str, str]:
    case = make_case(discussion=discussion, final=final)
    subject = resolve_subject(
        case,
        [s for sec in case.sections for b in sec.blocks for s in split_sentences(b, sec.kind)],
        LEX,
    )
    disc = discourse(case, subject, LEX)
    section = case.section(SectionKind.DISCUSSION)
    assert section is not None
    for block in section.blocks:
        for sentence in split_sentences(block, section.kind):
            if sentence.text.startswith(opening):
                return prepare(disc, sentence, LEX)
    raise AssertionError(opening)


@pytest.mark.parametrize(
    ("discussion", "final", "opening", "named"),
    [
        (
            "Popliteal artery aneurysm is the commonest peripheral aneurysm. Giant aneurysms "
            "are usually found in men over 65 years.",
            "Popliteal artery aneurysm",
            "Giant aneurysms",
            "In popliteal artery aneurysm, giant aneurysms",
        ),
        (
            "Renal angiomyolipoma is a benign tumour of fat, muscle and vessels. Multiple "
            "angiomyolipomas suggest tuberous sclerosis.",
            "Renal angiomyolipoma",
            "Multiple angiomyolipomas",
            "In renal angiomyolipoma, multiple angiomyolipomas",
        ),
    ],
)
def test_a_qualified_head_of_the_topic_is_named_by_the_topic(
    discussion: str, final: str, opening: str, named: str
) -> None:
    text, entity = _prepared(discussion, final, opening)
    assert text.startswith(named)
    assert entity.lower() == final.lower()


def test_another_disease_sharing_the_head_is_not_the_topics() -> None:
    # "Berry" is no qualifier of kind: a berry aneurysm is another disease.
    text, entity = _prepared(
        "Popliteal artery aneurysm is the commonest peripheral aneurysm. Berry aneurysms are "
        "found at the circle of Willis.",
        "Popliteal artery aneurysm",
        "Berry aneurysms",
    )
    assert not text.startswith("In popliteal")
    assert "popliteal" not in entity.lower()


def test_a_sibling_of_a_qualified_topic_is_not_its_kind() -> None:
    # The topic is itself one kind ("acquired"): "congenital" names its sibling.
    text, _ = _prepared(
        "Acquired cholesteatoma is a mass of keratinising epithelium in the middle ear. "
        "Congenital cholesteatomas are found behind an intact drum in children.",
        "Acquired cholesteatoma",
        "Congenital cholesteatomas",
    )
    assert not text.startswith("In acquired cholesteatoma")


def test_a_generic_head_under_a_qualifier_is_not_the_topics() -> None:
    # "Malignant tumours" shares only the generic head "tumour" with Warthin tumour.
    text, _ = _prepared(
        "Warthin tumour is a benign parotid tumour of older smokers. Malignant tumours are "
        "rarer in the parotid than in the smaller salivary glands.",
        "Warthin tumour",
        "Malignant tumours",
    )
    assert not text.startswith("In Warthin tumour, malignant")


# --- a pronoun subject after a short opening setting --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On MRI they show a dark rim on T2.", "On MRI, osteoid osteomas show a dark rim on T2."),
        ("At ultrasound, it is hypoechoic.", "At ultrasound, osteoid osteoma is hypoechoic."),
        (
            "In adolescents it favours the femur.",
            "In adolescents, osteoid osteoma favours the femur.",
        ),
    ],
)
def test_a_pronoun_after_an_opening_setting_is_the_topic(sentence: str, expected: str) -> None:
    text, replaced = resolve_anaphora(sentence, "Osteoid osteoma", LEX)
    assert replaced
    assert text == expected


@pytest.mark.parametrize(
    "sentence",
    ["In which it differs from a Brodie abscess.", "On the other hand it lacks a nidus."],
)
def test_no_setting_no_replacement(sentence: str) -> None:
    assert resolve_anaphora(sentence, "Osteoid osteoma", LEX) == (sentence, False)
