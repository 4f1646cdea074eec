from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.evaluate import (
    CORE_KINDS,
    GENERAL_KINDS,
    evaluate_corpus,
    format_report,
    satisfies,
)
from deckbuilder.lexicon import load_lexicon
from deckbuilder.model import Cloze, Fact, SectionKind, Sentence, SourceLocation

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def report():
    if not GOLDEN.is_dir():
        pytest.skip("no golden corpus")
    return evaluate_corpus(GOLDEN, load_lexicon())


def test_corpus_bar(report) -> None:
    text = format_report(report)
    assert report.cases, text
    assert not [c.errors for c in report.cases if c.errors], text
    assert report.recall(CORE_KINDS) >= 0.9, text
    assert report.recall() >= 0.9, text
    assert report.false_positives == [], text


def test_general_kinds_bar(report) -> None:
    """Definitions, sites, risk factors, associations, complications, distinguishing features,
    signs and prognostic features: most found, and every extracted one matches an expectation
    or is at least a card of a kind the corpus lists for that case."""
    text = format_report(report)
    assert report.recall(GENERAL_KINDS) >= 0.85, text
    counts = report.counts()
    for kind in GENERAL_KINDS:
        row = counts.get(kind)
        assert row is not None and row["found"] >= 1, (kind, text)


def test_cards_are_short_and_clozes_are_terms(report) -> None:
    for case in report.cases:
        for fact in case.facts:
            assert len(fact.text) <= 400, fact.text
            assert all(len(a) <= 90 for a in fact.answers()), fact.text


def test_no_empty_cards(report) -> None:
    for case in report.cases:
        for fact in case.facts:
            assert fact.clozes and all(a.strip() for a in fact.answers()), fact
            assert fact.text.strip()


def _appearance(text: str, answer: str) -> Fact:
    start = text.index(answer)
    source = Sentence(text, SourceLocation("case.md", 1), SectionKind.DISCUSSION)
    clozes = (Cloze(start, start + len(answer)),)
    return Fact("1", "sequence-appearance", "t2", "case", text, clozes, source)


@pytest.mark.parametrize(
    ("text", "context", "met"),
    [
        ("A glomus tumour is bright on T2-weighted images.", "T2WI", True),
        ("A glomus tumour is bright on T2WI.", "T2-weighted imaging", True),
        ("On computed tomography the nodule is dense.", "CT", True),
        ("A glomus tumour is bright on T1-weighted images.", "T2WI", False),
        ("A glomus tumour is bright on STIR.", "fat-saturated T2WI", False),
        ("A glomus tumour is bright.", "T2WI", False),
    ],
)
def test_a_sequence_context_is_met_by_any_spelling_of_it(text, context, met) -> None:
    answer = "dense" if "dense" in text else "bright"
    entry = {"kind": "sequence-appearance", "context": context, "answer": answer}
    assert satisfies(_appearance(text, answer), entry, load_lexicon()) is met


@pytest.mark.parametrize(
    ("text", "cloze", "answer", "met"),
    [
        # The author's answer spells out the setting the card names beside its cloze.
        (
            "The abscess cavity shows restricted diffusion with low ADC values.",
            "low",
            "low ADC",
            True,
        ),
        (
            "A lipoma is bright on T1-weighted images.",
            "bright",
            "bright on T1-weighted images",
            True,
        ),
        ("The cyst wall returns high T2 signal.", "high", "high T2 signal", True),
        ("Enhancement is mildly reduced ADC.", "mildly reduced", "reduced ADC", True),
        # Words other than the setting are part of the fact and must be hidden.
        (
            "The rim is intermediate to high T2 signal.",
            "high",
            "intermediate to high T2 signal",
            False,
        ),
        ("The lesion is bright centrally on T2WI.", "bright", "bright centrally", False),
        ("The fluid is bright on T2WI.", "bright", "T2WI", False),
    ],
)
def test_an_answer_may_spell_out_the_setting_beside_the_cloze(text, cloze, answer, met) -> None:
    entry = {"kind": "sequence-appearance", "answer": answer}
    assert satisfies(_appearance(text, cloze), entry, load_lexicon()) is met


def _about(kind: str, subject: str, text: str, answer: str) -> Fact:
    start = text.index(answer)
    source = Sentence(text, SourceLocation("case.md", 1), SectionKind.DISCUSSION)
    return Fact("1", kind, "k", subject, text, (Cloze(start, start + len(answer)),), source)


def test_an_alternatives_own_site_card_meets_a_distinguishing_feature_entry_about_it() -> None:
    text = "A chordoma arises in the clivus or the sacrum."
    entry = {"kind": "distinguishing-feature", "subject": "chordoma", "answer": "clivus"}
    site = _about("common-site", "Chordoma", text, "clivus or the sacrum")
    assert satisfies(site, entry, load_lexicon())
    # Only about the same alternative, and only with a subject named by the entry.
    other = _about("common-site", "Chondrosarcoma", text, "clivus or the sacrum")
    assert not satisfies(other, entry, load_lexicon())
    unnamed = {"kind": "distinguishing-feature", "answer": "clivus"}
    assert not satisfies(site, unnamed, load_lexicon())
    # The other way round stays strict: a distinguishing card is no site card.
    feature = _about("distinguishing-feature", "Chordoma", text, "clivus or the sacrum")
    assert not satisfies(feature, {**entry, "kind": "common-site"}, load_lexicon())


def _hiding(text: str, *hidden: str) -> Fact:
    source = Sentence(text, SourceLocation("case.md", 1), SectionKind.DISCUSSION)
    clozes = tuple(
        Cloze(text.index(word), text.index(word) + len(word), number)
        for number, word in enumerate(hidden, start=1)
    )
    return Fact("1", "sequence-appearance", "t2", "case", text, clozes, source)


@pytest.mark.parametrize(
    ("text", "hidden", "answer", "met"),
    [
        # One cloze per listed item meets the author's list given as one answer.
        (
            "A desmoid has ill-defined or infiltrative margins on MRI.",
            ("ill-defined", "infiltrative"),
            "ill-defined or infiltrative margins",
            True,
        ),
        (
            "Metastatic nodes may be necrotic, cystic or calcified on CT.",
            ("necrotic", "cystic", "calcified"),
            "necrotic, cystic or calcified",
            True,
        ),
        (
            "The vessel wall shows thickening and enhancement after gadolinium.",
            ("thickening", "enhancement"),
            "thickening and enhancement",
            True,
        ),
        # An item left visible, or a word before the first item, is part of the fact.
        (
            "Metastatic nodes may be necrotic, cystic or calcified on CT.",
            ("cystic", "calcified"),
            "necrotic, cystic or calcified",
            False,
        ),
        (
            "The rim shows nodular and peripheral enhancement.",
            ("nodular",),
            "nodular and peripheral enhancement",
            False,
        ),
        (
            "The vessel wall shows thickening, stenosis and enhancement.",
            ("thickening", "enhancement"),
            "thickening, stenosis and enhancement",
            False,
        ),
    ],
)
def test_a_list_answer_is_met_by_a_card_hiding_each_item(text, hidden, answer, met) -> None:
    entry = {"kind": "sequence-appearance", "answer": answer}
    assert satisfies(_hiding(text, *hidden), entry, load_lexicon()) is met
