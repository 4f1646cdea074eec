from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.evaluate import CORE_KINDS, GENERAL_KINDS, evaluate_corpus, format_report
from deckbuilder.lexicon import load_lexicon

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
