"""Scores fact extraction against the golden corpus (``tests/golden/<case>/expected.yaml``).

An expected fact is found when a fact of its kind has a cloze answer containing its ``answer``
and a text containing its ``subject`` and ``context`` (case-insensitive, whitespace collapsed).
An answer that spells out the setting the card names right beside its cloze ("low ADC" for
"with {{low}} ADC values") is met as well: the card asks exactly that fact. A distinguishing-feature
entry about an alternative is also met by that alternative's own age, sex, site, appearance or
association card, which is where the extractor files such a feature.
A fact satisfying no expectation of its kind is unmatched (it lowers precision); a fact
matching an ``absent`` entry is a false positive, always an error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from deckbuilder.extract import extract_facts
from deckbuilder.extract.appearance import sequence_ids, sequence_spans
from deckbuilder.importer import import_case
from deckbuilder.model import Fact, SourceDocument
from deckbuilder.parser import parse_case_note

__all__ = [
    "CORE_KINDS",
    "GENERAL_KINDS",
    "CaseResult",
    "Report",
    "evaluate_corpus",
    "format_report",
]

# Kinds the corpus lists exhaustively; the recall bar is about these.
CORE_KINDS = (
    "age-distribution",
    "sex-predominance",
    "sequence-appearance",
    "surgical-indication",
    "differential-diagnosis",
    "final-diagnosis",
)
# Kinds the corpus lists where the text states them plainly (not exhaustively).
GENERAL_KINDS = (
    "definition",
    "common-site",
    "risk-factor",
    "association",
    "complication",
    "distinguishing-feature",
    "sign",
    "prognostic-feature",
)


def _seed_dirs(folder: Path) -> tuple[Path, ...]:
    """Where the shared seed cases live: ``shared/seeds`` beside the project's checkout."""
    repo = folder.resolve().parents[2]  # <repo>/tests/golden/seed-N
    return (repo.parent / "shared" / "seeds", Path.cwd().parent / "shared" / "seeds")


@dataclass
class CaseResult:
    name: str
    facts: list[Fact] = field(default_factory=list)
    found: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    unmatched: list[Fact] = field(default_factory=list)
    false_positives: list[tuple[dict[str, Any], Fact]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class Report:
    cases: list[CaseResult]

    def counts(self) -> dict[str, dict[str, int]]:
        """Per kind: expected, found, facts, matched facts."""
        table: dict[str, dict[str, int]] = defaultdict(
            lambda: {"expected": 0, "found": 0, "facts": 0, "matched": 0}
        )
        for case in self.cases:
            for entry in case.found:
                table[entry["kind"]]["expected"] += 1
                table[entry["kind"]]["found"] += 1
            for entry in case.missed:
                table[entry["kind"]]["expected"] += 1
            unmatched = {id(f) for f in case.unmatched}
            for fact in case.facts:
                table[fact.kind]["facts"] += 1
                table[fact.kind]["matched"] += id(fact) not in unmatched
        return dict(sorted(table.items()))

    def recall(self, kinds: tuple[str, ...] | None = None) -> float:
        rows = [r for k, r in self.counts().items() if kinds is None or k in kinds]
        expected = sum(r["expected"] for r in rows)
        return sum(r["found"] for r in rows) / expected if expected else 1.0

    @property
    def false_positives(self) -> list[tuple[str, dict[str, Any], Fact]]:
        return [(c.name, e, f) for c in self.cases for e, f in c.false_positives]


def _norm(text: str) -> str:
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", str(text))
    return re.sub(r"\s+", " ", text).strip().lower()


def satisfies(fact: Fact, entry: dict[str, Any], lexicon: Any = None) -> bool:
    """Whether ``fact`` meets an expected (or absent) entry.

    A ``context`` naming a sequence or modality is met by any spelling of it: an author's
    "T2WI" is the card's "T2-weighted images" (with ``lexicon``, which knows the synonyms).
    """
    if entry.get("kind") and not _kind_met(fact, entry):
        return False
    if "answer" in entry and not _answer_met(fact, str(entry["answer"]), lexicon):
        return False
    text = _norm(fact.text)
    if entry.get("subject") and _norm(entry["subject"]) not in text:
        return False
    context = entry.get("context")
    if not context or _norm(context) in text:
        return True
    if lexicon is None:
        return False
    named = sequence_ids(str(context), lexicon)
    return bool(named) and named <= sequence_ids(fact.text, lexicon)


# A listed alternative's own age, sex, site or appearance is one of its distinguishing features:
# the extractor files each under its own kind, spec authors often list them as distinguishing.
_FEATURE_KINDS = (
    "age-distribution",
    "sex-predominance",
    "common-site",
    "sequence-appearance",
    "association",
)


def _kind_met(fact: Fact, entry: dict[str, Any]) -> bool:
    """Whether ``fact`` is of ``entry``'s kind, a distinguishing-feature entry about an alternative
    also being met by that alternative's own age, sex, site, appearance or association card."""
    if fact.kind == entry["kind"]:
        return True
    subject = _norm(entry.get("subject") or "")
    return (
        entry["kind"] == "distinguishing-feature"
        and fact.kind in _FEATURE_KINDS
        and bool(subject)
        and subject in _norm(fact.subject)
    )


# What a card may name beside its hidden words when an author's answer spells out the setting:
# "high T2 signal" is the fact of "shows {{high}} T2 signal".
_SETTING_NOUNS = re.compile(
    r"(?:\b(?:signal|intensity|values?|on|in|at|the)\b|[,/ ])*", re.IGNORECASE
)


def _answer_met(fact: Fact, answer: str, lexicon: Any) -> bool:
    """Whether a cloze answer contains ``answer``, ``answer`` is a list whose every item the card
    hides, or ``answer`` is a cloze answer with the sequence or modality the card names right
    beside it ("{{low}} ADC values" meets "low ADC")."""
    wanted = _norm(answer)
    if any(wanted in _norm(given) for given in fact.answers()):
        return True
    if _list_hidden(fact, answer):
        return True
    if lexicon is None:
        return False
    text = fact.text.lower()
    for found in re.finditer(re.escape(answer.lower()), text):
        for cloze in fact.clozes:
            if cloze.end <= found.start() or cloze.start >= found.end():
                continue
            before = fact.text[found.start() : cloze.start]
            outside = f"{before} {fact.text[cloze.end : found.end()]}"
            if _setting_only(outside, lexicon):
                return True
    return False


# What may stand between the items of a list: the card shows it, the items are what it asks.
_LIST_JOINS = re.compile(r"(?:\s|[,;/]|\band\b|\bor\b|\bas well as\b)+", re.IGNORECASE)
# A list's shared head after its last item ("irregular or lobulated {margins}") stays visible.
_SHARED_HEAD = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?", re.IGNORECASE)


def _list_hidden(fact: Fact, answer: str) -> bool:
    """Whether ``answer`` is a list the card hides item by item, one cloze per item as the cards are
    written: "{{irregular}} or {{lobulated}} margins" meets "irregular or lobulated margins", but
    "{{septal}} and peripheral enhancement" does not, since "peripheral" is shown."""
    lowered = fact.text.lower()
    for found in re.finditer(re.escape(answer.lower()), lowered):
        inside = sorted(
            (c for c in fact.clozes if found.start() <= c.start and c.end <= found.end()),
            key=lambda cloze: cloze.start,
        )
        if len(inside) < 2 or inside[0].start != found.start():
            continue
        gaps = [fact.text[a.end : b.start] for a, b in zip(inside, inside[1:], strict=False)]
        tail = fact.text[inside[-1].end : found.end()]
        if all(_LIST_JOINS.fullmatch(gap) for gap in gaps) and (
            not tail or _SHARED_HEAD.fullmatch(tail)
        ):
            return True
    return False


def _setting_only(words: str, lexicon: Any) -> bool:
    """Whether ``words`` name a sequence or modality and nothing else but "signal" or "values"."""
    spans = sequence_spans(words, lexicon)
    if not spans:
        return False
    rest = "".join(" " if any(a <= i < b for a, b in spans) else c for i, c in enumerate(words))
    return _SETTING_NOUNS.fullmatch(rest) is not None


def _load_case(folder: Path) -> tuple[str, str] | None:
    input_path = folder / "input.txt"
    if input_path.is_file():
        return input_path.read_text("utf-8"), input_path.as_posix()
    seed = re.fullmatch(r"seed-(\d+)", folder.name)
    if seed:
        for seeds in _seed_dirs(folder):
            path = seeds / f"eurorad-{seed.group(1)}.txt"
            if path.is_file():
                return path.read_text("utf-8"), path.as_posix()
    return None


def evaluate_case(folder: Path, lexicon: Any) -> CaseResult | None:
    """Scores one golden case; None when its input is not available."""
    loaded = _load_case(folder)
    if loaded is None:
        return None
    text, src_path = loaded
    result = CaseResult(folder.name)
    imported, diagnostics = import_case(text, src_path)
    if imported is None:
        result.errors.extend(str(d) for d in diagnostics)
        return result
    case, diagnostics = parse_case_note(SourceDocument(src_path, imported.markdown))
    if case is None:
        result.errors.extend(str(d) for d in diagnostics)
        return result
    facts, _ = extract_facts(case, lexicon)
    result.facts = facts
    expected = yaml.safe_load((folder / "expected.yaml").read_text("utf-8")) or {}
    entries = list(expected.get("facts") or [])
    for entry in entries:
        (
            result.found if any(satisfies(f, entry, lexicon) for f in facts) else result.missed
        ).append(entry)
    for fact in facts:
        if not any(satisfies(fact, e, lexicon) for e in entries if e.get("kind")):
            result.unmatched.append(fact)
        for absent in expected.get("absent") or []:
            if satisfies(fact, absent, lexicon):
                result.false_positives.append((absent, fact))
    return result


def evaluate_corpus(golden_dir: Path, lexicon: Any) -> Report:
    """Scores every ``<golden_dir>/<case>/expected.yaml`` whose input is available."""
    cases: list[CaseResult] = []
    for folder in sorted(p for p in golden_dir.iterdir() if (p / "expected.yaml").is_file()):
        result = evaluate_case(folder, lexicon)
        if result is not None:
            cases.append(result)
    return Report(cases)


def _show(fact: Fact) -> str:
    text = fact.text
    for cloze in sorted(fact.clozes, key=lambda c: -c.start):
        marked = "{{c" + str(cloze.index) + "::" + text[cloze.start : cloze.end] + "}}"
        text = text[: cloze.start] + marked + text[cloze.end :]
    return f"{fact.kind}/{fact.key}: {text}"


def format_report(report: Report) -> str:
    """Precision and recall per kind, then the misses, unmatched facts and false positives."""
    lines = [f"{'kind':<26}{'recall':>14}{'precision':>14}"]
    for kind, row in report.counts().items():
        recall = f"{row['found']}/{row['expected']}" if row["expected"] else "-"
        precision = f"{row['matched']}/{row['facts']}" if row["facts"] else "-"
        lines.append(f"{kind:<26}{recall:>14}{precision:>14}")
    lines.append(f"recall (core kinds): {report.recall(CORE_KINDS):.2f}")
    lines.append(f"recall (general kinds): {report.recall(GENERAL_KINDS):.2f}")
    lines.append(f"recall (all kinds): {report.recall():.2f}")
    for case in report.cases:
        for message in case.errors:
            lines.append(f"[{case.name}] error: {message}")
        for entry in case.missed:
            lines.append(f"[{case.name}] missed: {entry}")
        for fact in case.unmatched:
            lines.append(f"[{case.name}] unmatched: {_show(fact)}")
        for entry, fact in case.false_positives:
            lines.append(f"[{case.name}] FALSE POSITIVE {entry}: {_show(fact)}")
    return "\n".join(lines)
