"""Checks that the golden extraction corpus under ``tests/golden/`` is well-formed.

The corpus is data for the extraction benchmark (scored elsewhere); this module only guards its
shape, so a typo in an ``expected.yaml`` fails here, loudly, instead of silently lowering a score.
See ``tests/golden/README.md`` for the format.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import SEED_CASE

from deckbuilder import evaluate

GOLDEN_DIR = Path(__file__).parent / "golden"
# The holdout sets (tests/holdout, tests/holdout2, ...) follow the same format; their cases are
# checked for form, not scored here.
HOLDOUT_DIRS = sorted(Path(__file__).parent.glob("holdout*/"))
SEEDS_DIR = SEED_CASE.parent

# The kinds the scorer holds to the bar; the corpus must cover each of them.
CORE_KINDS = frozenset(evaluate.CORE_KINDS)
KIND_PATTERN = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
FACT_KEYS = frozenset({"kind", "subject", "answer", "context"})
ABSENT_KEYS = frozenset({"kind", "answer", "subject"})
TOP_KEYS = frozenset({"facts", "absent"})

# The seed's plain-text layout, line by line where it is fixed.
CASE_LINE = re.compile(r"^CASE (\d+) Published on \d{2}\.\d{2}\.\d{4}$")
PATIENT_LINE = re.compile(r"^\d+ (years|months), (female|male)$", re.MULTILINE)
AREA_LINE = re.compile(r"^Area of Interest .+ ; Imaging Technique .+$", re.MULTILINE)
HEADINGS = (
    "Clinical History",
    "Imaging Findings",
    "Differential Diagnosis List",
    "Final Diagnosis",
)


def _normalise(text: str) -> str:
    """Lower-cases and collapses whitespace, the same leniency the scorer applies to answers."""
    return " ".join(text.split()).casefold()


def _case_dirs(root: Path = GOLDEN_DIR) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _input_path(case_dir: Path) -> Path:
    """``input.txt`` in the folder, or for ``seed-<n>`` the shared seed case it stands for."""
    local = case_dir / "input.txt"
    if local.exists():
        return local
    match = re.fullmatch(r"seed-(\d+)", case_dir.name)
    assert match, f"{case_dir.name}: no input.txt and not a seed-<number> folder"
    return SEEDS_DIR / f"eurorad-{match.group(1)}.txt"


def _sections(text: str) -> dict[str, str]:
    """Splits an input into its fixed headings; the discussion is whatever precedes the DDx list."""
    lines = text.splitlines()
    positions = {}
    for heading in HEADINGS:
        indices = [i for i, line in enumerate(lines) if line.strip() == heading]
        assert len(indices) == 1, f"heading {heading!r} must occur exactly once"
        positions[heading] = indices[0]
    order = [positions[h] for h in HEADINGS]
    assert order == sorted(order), "headings are out of order"
    bounds = [*order, len(lines)]
    return {
        heading: "\n".join(lines[bounds[i] + 1 : bounds[i + 1]])
        for i, heading in enumerate(HEADINGS)
    }


def _load_expected(case_dir: Path) -> dict[str, Any]:
    data = yaml.safe_load((case_dir / "expected.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), "expected.yaml must be a mapping"
    return data


CASE_DIRS = _case_dirs()
FORMAT_DIRS = CASE_DIRS + [case for root in HOLDOUT_DIRS for case in _case_dirs(root)]


def test_corpus_has_eight_original_cases_with_unique_numbers() -> None:
    numbers = []
    for case_dir in CASE_DIRS:
        path = case_dir / "input.txt"
        if path.exists():
            first = path.read_text(encoding="utf-8").splitlines()[0]
            match = CASE_LINE.match(first)
            assert match, f"{case_dir.name}: bad CASE line {first!r}"
            numbers.append(int(match.group(1)))
    assert len(numbers) >= 8
    assert len(set(numbers)) == len(numbers), "case numbers must be unique"
    assert all(90001 <= n <= 90999 for n in numbers), "original cases use numbers 90001-90999"


@pytest.mark.parametrize("case_dir", FORMAT_DIRS, ids=[f"{p.parent.name}/{p.name}" for p in FORMAT_DIRS])
def test_input_follows_the_seed_layout(case_dir: Path) -> None:
    path = _input_path(case_dir)
    if not path.exists():
        pytest.skip(f"seed file {path} is not available on this machine")
    text = path.read_text(encoding="utf-8")
    assert CASE_LINE.match(text.splitlines()[0])
    assert PATIENT_LINE.search(text), "missing 'NN years, sex' line"
    assert AREA_LINE.search(text), "missing 'Area of Interest ... ; Imaging Technique ...' line"
    sections = _sections(text)
    assert sections["Final Diagnosis"].strip(), "empty Final Diagnosis"
    assert sections["Differential Diagnosis List"].strip(), "empty Differential Diagnosis List"


@pytest.mark.parametrize("case_dir", FORMAT_DIRS, ids=[f"{p.parent.name}/{p.name}" for p in FORMAT_DIRS])
def test_expected_yaml_is_valid_and_grounded_in_the_input(case_dir: Path) -> None:
    path = _input_path(case_dir)
    if not path.exists():
        pytest.skip(f"seed file {path} is not available on this machine")
    text = path.read_text(encoding="utf-8")
    whole = _normalise(text)
    sections = {k: _normalise(v) for k, v in _sections(text).items()}
    expected = _load_expected(case_dir)

    assert set(expected) <= TOP_KEYS, f"unknown top-level keys: {set(expected) - TOP_KEYS}"
    facts = expected.get("facts")
    assert isinstance(facts, list) and facts, "facts must be a non-empty list"

    seen = set()
    for fact in facts:
        assert isinstance(fact, dict), f"fact must be a mapping: {fact!r}"
        assert set(fact) <= FACT_KEYS, f"unknown keys in {fact!r}"
        assert {"kind", "answer"} <= set(fact), f"kind and answer are required: {fact!r}"
        for key, value in fact.items():
            assert isinstance(value, str) and value.strip(), f"{key} must be a non-empty string"
            if key != "kind":
                assert _normalise(value) in whole, f"{key} {value!r} does not occur in the input"
        assert KIND_PATTERN.match(fact["kind"]), f"kind must be lowercase-hyphenated: {fact!r}"
        identity = tuple(
            _normalise(fact.get(k, "")) for k in ("kind", "answer", "context", "subject")
        )
        assert identity not in seen, f"duplicate fact {fact!r}"
        seen.add(identity)
        if fact["kind"] == "final-diagnosis":
            assert _normalise(fact["answer"]) in sections["Final Diagnosis"]
        if fact["kind"] == "differential-diagnosis":
            assert _normalise(fact["answer"]) in sections["Differential Diagnosis List"]

    kinds = [fact["kind"] for fact in facts]
    assert kinds.count("final-diagnosis") == 1, "exactly one final-diagnosis fact"
    assert "differential-diagnosis" in kinds

    for entry in expected.get("absent") or []:
        assert isinstance(entry, dict) and entry, f"absent entry must be a mapping: {entry!r}"
        assert set(entry) <= ABSENT_KEYS, f"unknown keys in absent entry {entry!r}"
        if "kind" in entry:
            assert KIND_PATTERN.match(entry["kind"]), f"bad kind in {entry!r}"
        if "answer" in entry:
            # A trap is only a trap if the text really contains the tempting words.
            assert _normalise(entry["answer"]) in whole, f"absent answer not in input: {entry!r}"
        elif "subject" in entry:
            assert _normalise(entry["subject"]) in whole, f"absent subject not in input: {entry!r}"
        else:
            assert entry["kind"] not in kinds, f"{entry['kind']} is both expected and absent"


def test_corpus_covers_every_core_kind_and_a_case_without_surgery() -> None:
    all_kinds: set[str] = set()
    without_surgery = []
    for case_dir in CASE_DIRS:
        expected = _load_expected(case_dir)
        all_kinds |= {fact["kind"] for fact in expected["facts"]}
        absent = expected.get("absent") or []
        if {"kind": "surgical-indication"} in absent:
            without_surgery.append(case_dir.name)
    assert all_kinds >= CORE_KINDS
    assert without_surgery, "the corpus needs a case with no surgical indication at all"
