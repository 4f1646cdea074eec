from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import ProjectFactory, note

from deckbuilder.cache import ExtractionCache, case_key
from deckbuilder.cli import cli
from deckbuilder.extract import extract_facts
from deckbuilder.lexicon import load_lexicon
from deckbuilder.model import SourceDocument
from deckbuilder.parser import parse_case_note

NOTE = note(
    """
    ## Clinical History
    A 9-year-old boy with a limp (Figure 1).

    ## Discussion
    Perthes disease usually affects children between 4 and 8 years, and boys are affected about
    four times as often as girls. On MR the femoral epiphysis is hypointense on T1WI (Figure 1).

    ## Final Diagnosis
    Perthes disease
    """,
    case_id="perthes-1",
    extra_front_matter="patient: {age: 9 years, sex: male}\nsuppress: [no-such-kind]\n",
)


def parsed():
    case, _ = parse_case_note(SourceDocument("content/perthes.md", NOTE))
    assert case is not None
    return case


def test_stored_result_comes_back_equal(tmp_path: Path) -> None:
    case = parsed()
    facts, diagnostics = extract_facts(case, load_lexicon())
    assert facts, "the fixture should give facts"
    cache = ExtractionCache(tmp_path / "cache", code="code-v1")
    assert cache.load(case) is None
    cache.store(case, facts, diagnostics)
    assert cache.load(case) == (facts, diagnostics)


def test_key_changes_with_the_case_and_with_the_code() -> None:
    case = parsed()
    other, _ = parse_case_note(
        SourceDocument("content/perthes.md", NOTE.replace("9-year", "8-year"))
    )
    assert other is not None
    assert case_key(case, "a") == case_key(case, "a")
    assert case_key(case, "a") != case_key(case, "b")
    assert case_key(case, "a") != case_key(other, "a")


def test_unreadable_entry_is_a_miss(tmp_path: Path) -> None:
    case = parsed()
    cache = ExtractionCache(tmp_path, code="x")
    cache.store(case, [], [])
    for path in tmp_path.rglob("*.json"):
        path.write_text("{not json")
    assert cache.load(case) is None


def test_cached_rebuild_gives_the_same_bytes(make_project: ProjectFactory) -> None:
    root = make_project({"content/perthes.md": NOTE})
    runner = CliRunner()
    first = runner.invoke(cli, ["build", "-o", "cold.apkg", "--lock", "a.lock"])
    assert first.exit_code == 0, first.output
    assert list((root / ".deckbuilder-cache").rglob("*.json"))
    warm = runner.invoke(cli, ["build", "-o", "warm.apkg", "--lock", "b.lock"])
    fresh = runner.invoke(cli, ["build", "-o", "fresh.apkg", "--lock", "c.lock", "--no-cache"])
    assert warm.exit_code == 0 and fresh.exit_code == 0
    cold = (root / "cold.apkg").read_bytes()
    assert cold == (root / "warm.apkg").read_bytes() == (root / "fresh.apkg").read_bytes()
    # Warnings found by extraction come back from the cache too.
    assert "suppress entry 'no-such-kind' matches no fact" in first.output
    assert "suppress entry 'no-such-kind' matches no fact" in warm.output
