"""End-to-end: the CLI as a maintainer runs it, on small projects written to disk."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO_ROOT, ProjectFactory, note

from deckbuilder.cli import cli
from deckbuilder.reader import MAX_NOTE_BYTES

GOOD_NOTE = note(
    """
    ## Clinical History
    A 34-year-old woman presented with right upper quadrant discomfort.

    ## Imaging Findings
    On ultrasound the liver lesion was hyperechoic with no posterior acoustic shadowing.

    ## Discussion
    Hepatic haemangioma is the commonest benign liver tumour. It shows a female predominance.
    On portal venous phase CT it shows peripheral nodular discontinuous enhancement.

    ## Differential Diagnosis List
    - Focal nodular hyperplasia
    - Hypervascular metastasis

    ## Final Diagnosis
    Hepatic haemangioma
    """,
    case_id="liver-001",
    title="Hepatic haemangioma",
    extra_front_matter="patient: {age: 34 years, sex: female}\n",
)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_build_then_check_clean_project(make_project: ProjectFactory) -> None:
    root = make_project({"content/liver/haemangioma.md": GOOD_NOTE})
    result = run("build")
    assert result.exit_code == 0, result.output
    deck = root / "dist" / "radiology-teaching-cases.apkg"
    assert deck.is_file() and deck.stat().st_size > 0
    assert "wrote dist/radiology-teaching-cases.apkg" in result.output
    assert (root / "deckbuilder.lock").is_file()
    assert run("check").exit_code == 0


def test_crlf_and_bom_are_valid_input(make_project: ProjectFactory) -> None:
    data = ("\ufeff" + GOOD_NOTE).replace("\n", "\r\n").encode("utf-8")
    make_project({"content/haemangioma.md": data})
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


BAD_FILES: dict[str, str | bytes] = {
    "content/bad-yaml.md": "---\nid: a\ntitle: [unclosed\n---\n## Discussion\nText.\n",
    "content/no-front-matter.md": "## Discussion\nJust text.\n",
    "content/no-id.md": "---\ntitle: Missing id\n---\n## Discussion\nText.\n",
    "content/dup-1.md": note("## Discussion\nText one.\n", case_id="dup"),
    "content/dup-2.md": note("## Discussion\nText two.\n", case_id="dup"),
    "content/latin1.md": "---\nid: l1\ntitle: t\n---\nCaf\xe9\n".encode("latin-1"),
    "content/empty.md": b"",
    "content/binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "content/cloze.md": note(
        "## Discussion\nAcute infarcts show {{c1::restricted diffusion on DWI.\n", case_id="cl"
    ),
    "content/escape.md": note(
        "## Findings\nSee this.\n\n![Figure 1](../secret.png)\n", case_id="esc"
    ),
    "content/missing.md": note(
        "## Findings\nSee this.\n\n![Figure 1](none/fig.png)\n", case_id="mis"
    ),
    "content/path-id.md": note("## Discussion\nText.\n", case_id="../x"),
    "content/huge.md": "---\nid: huge\ntitle: t\n---\n" + "word " * (MAX_NOTE_BYTES // 4),
}

EXPECTED_ERRORS = [
    "content/bad-yaml.md:3: error: invalid YAML in front matter",
    "content/binary.md:1: error: file is binary",
    "content/cloze.md:6: error:",
    "content/dup-2.md:2: error: duplicate id 'dup': already used by content/dup-1.md:2",
    "content/empty.md:1: error: file is empty",
    "content/escape.md:8: error: figure path '../secret.png' must not contain '..'",
    "content/huge.md:1: error: file is too large",
    "content/latin1.md:5: error: file is not valid UTF-8",
    "content/missing.md:8: error: figure file not found: media/none/fig.png",
    "content/no-front-matter.md:1: error: no front matter",
    "content/no-id.md:1: error: front matter has no 'id'",
    "content/path-id.md:2: error: 'id' '../x' may only contain",
]


def test_every_bad_input_is_named_all_at_once_without_traceback(
    make_project: ProjectFactory,
) -> None:
    make_project(BAD_FILES)
    result = run("check")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    for expected in EXPECTED_ERRORS:
        assert any(line.startswith(expected) for line in lines), (expected, result.output)


def test_failed_build_leaves_the_previous_deck_untouched(make_project: ProjectFactory) -> None:
    root = make_project({"content/haemangioma.md": GOOD_NOTE})
    assert run("build").exit_code == 0
    deck = root / "dist" / "radiology-teaching-cases.apkg"
    before = deck.read_bytes()
    lock_before = (root / "deckbuilder.lock").read_bytes()
    (root / "content" / "broken.md").write_text("---\nid: [\n---\n")
    result = run("build")
    assert result.exit_code == 1
    assert "the deck was not written" in result.output
    assert deck.read_bytes() == before
    assert (root / "deckbuilder.lock").read_bytes() == lock_before
    assert sorted(p.name for p in deck.parent.iterdir()) == [deck.name]


def test_same_sources_give_the_same_bytes(make_project: ProjectFactory) -> None:
    root = make_project({"content/haemangioma.md": GOOD_NOTE})
    assert run("build", "-o", "one.apkg").exit_code == 0
    assert run("build", "-o", "two.apkg").exit_code == 0
    assert (root / "one.apkg").read_bytes() == (root / "two.apkg").read_bytes()


def test_github_annotations(make_project: ProjectFactory) -> None:
    make_project({"content/no-id.md": "---\ntitle: t\n---\nText.\n"})
    result = run("check", "--format", "github")
    assert result.exit_code == 1
    assert "::error file=content/no-id.md,line=1::front matter has no 'id'" in result.output


def test_usage_errors_exit_2(make_project: ProjectFactory) -> None:
    make_project({})
    assert run("build", "no-such-folder").exit_code == 2
    assert run("check", "--format", "xml").exit_code == 2


def test_warnings_fail_only_with_strict(make_project: ProjectFactory) -> None:
    make_project({"content/a.md": GOOD_NOTE.replace("title:", "colour: blue\ntitle:")})
    assert run("check").exit_code == 0
    strict = run("check", "--strict")
    assert strict.exit_code == 1
    assert "content/a.md:3: warning: unknown front matter key 'colour'" in strict.output


def test_import_then_build_the_seed(make_project: ProjectFactory, seed_text: str) -> None:
    root = make_project({"seed.txt": seed_text})
    imported = run("import", "seed.txt", "-o", "imported")
    assert imported.exit_code == 0, imported.output
    notes = list((root / "imported").glob("18177-*.md"))
    assert len(notes) == 1
    built = run("build", "imported", "-o", "deck.apkg")
    assert built.exit_code == 0, built.output
    assert (root / "deck.apkg").is_file()
    # Building another folder keeps its lock beside it, never touching the project's lock.
    assert (root / "imported" / "deckbuilder.lock").is_file()
    assert not (root / "deckbuilder.lock").exists()
    again = run("import", "seed.txt", "-o", "imported")
    assert again.exit_code == 1
    assert "already exists; use --force" in again.output
    assert run("import", "seed.txt", "-o", "imported", "--force").exit_code == 0


def test_python_dash_m_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "deckbuilder", "--version"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("deckbuilder, version")


@pytest.mark.parametrize("command", ["build", "check", "facts"])
def test_shipped_content_is_clean(command: str, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(REPO_ROOT)
    args = (
        [command]
        if command != "build"
        else ["build", "-o", str(tmp_path / "deck.apkg"), "--lock", str(tmp_path / "lock.json")]
    )
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert ": error:" not in result.output


def test_removed_fact_is_retired_then_pruned(make_project: ProjectFactory) -> None:
    root = make_project({"content/haemangioma.md": GOOD_NOTE})
    assert run("build").exit_code == 0
    lock_path = root / "deckbuilder.lock"
    shrunk = GOOD_NOTE.replace("- Hypervascular metastasis\n", "")
    (root / "content" / "haemangioma.md").write_text(shrunk)
    retired = run("build")
    assert retired.exit_code == 0
    assert "1 retired" in retired.output
    assert "note retired (tagged deckbuilder::retired)" in retired.output
    assert "deckbuilder::retired" in lock_path.read_text()
    frozen = run("build", "--frozen")
    assert frozen.exit_code == 0, frozen.output
    pruned = run("build", "--prune-retired")
    assert pruned.exit_code == 0
    assert "deckbuilder::retired" not in lock_path.read_text()


def test_a_rule_crash_is_a_diagnostic_not_a_traceback(
    make_project: ProjectFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import deckbuilder.pipeline

    def broken_rules(case, lexicon):  # type: ignore[no-untyped-def]
        raise ValueError("unexpected wording")

    monkeypatch.setattr(deckbuilder.pipeline, "extract_facts", broken_rules)
    make_project({"content/haemangioma.md": GOOD_NOTE})
    result = run("check", "--no-cache")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert (
        "content/haemangioma.md:2: error: internal error while extracting facts "
        "(ValueError: unexpected wording)" in result.output
    )


def test_committed_lock_matches_the_shipped_content(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The maintainers' workflow runs `deckbuilder build --frozen`: after a change to the content
    # or to the rules, run `deckbuilder build` and commit deckbuilder.lock with it.
    monkeypatch.chdir(REPO_ROOT)
    result = run("build", "--frozen", "--no-cache", "-o", str(tmp_path / "deck.apkg"))
    assert result.exit_code == 0, result.output
