"""What a student sees: decks built through the CLI, imported into a fresh real Anki collection.

These tests drive ``deckbuilder build`` exactly as a maintainer does, import the result with Anki's
own backend, and read the rendered cards back: tags, empty cards, scripts, and the acceptance facts
of the seed case.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO_ROOT, ProjectFactory, note

from deckbuilder.cli import cli

anki_collection = pytest.importorskip("anki.collection")
from anki.import_export_pb2 import (  # noqa: E402
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")
UNSAFE = re.compile(r"<script|javascript:|\son[a-z]+\s*=", re.IGNORECASE)


def build_deck(*args: str) -> None:
    result = CliRunner().invoke(cli, ["build", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def imported_collection(tmp_path: Path, apkg: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "anki"
    folder.mkdir()
    col = anki_collection.Collection(str(folder / "collection.anki2"))
    request = ImportAnkiPackageRequest(
        package_path=str(apkg), options=ImportAnkiPackageOptions(with_scheduling=False)
    )
    col.import_anki_package(request)
    return col


def rendered_cards(col) -> list[tuple[object, str, str]]:  # type: ignore[no-untyped-def]
    cards = []
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        cards.append((card.note(), card.question(), card.answer()))
    return cards


def plain(html_text: str) -> str:
    text = re.sub(r"<style.*?</style>|<script.*?</script>", " ", html_text, flags=re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def assert_every_card_is_sound(col) -> None:  # type: ignore[no-untyped-def]
    cards = rendered_cards(col)
    assert cards, "the deck imported no cards"
    for note_obj, question, answer in cards:
        tags = note_obj.tags
        assert len([t for t in tags if t.startswith("fact::")]) == 1, tags
        assert len([t for t in tags if t.startswith("case::")]) == 1, tags
        assert "[...]" in plain(question), plain(question)
        assert len(plain(answer)) > len(plain(question)) - 20
        for field in note_obj.fields:
            assert not UNSAFE.search(field), field
    assert not col.get_empty_cards().notes
    report = col.media.check()
    assert list(report.missing) == [] and list(report.unused) == []


def test_shipped_deck_in_real_anki(make_project: ProjectFactory, tmp_path: Path) -> None:
    root = make_project({})
    for folder in ("content", "media"):
        (root / folder).rmdir()
        (root / folder).symlink_to(REPO_ROOT / folder)
    build_deck("-o", "deck.apkg", "--lock", "test.lock")
    col = imported_collection(tmp_path, root / "deck.apkg")
    try:
        assert_every_card_is_sound(col)
        case_tags = {t for n, _, _ in rendered_cards(col) for t in n.tags if t.startswith("case::")}
        assert len(case_tags) >= 5
        assert col.find_notes("tag:fact::final-diagnosis")
        figures = [n for n, _, _ in rendered_cards(col) if "<img" in n["Figure"]]
        assert figures, "no card shows a shipped figure"
    finally:
        col.close()


HOSTILE_NOTE = note(
    """
    ## Clinical History
    A 40-year-old man <script>alert("history")</script>with headache.

    ## Imaging Findings
    On FLAIR the lesion was <img src=x onerror="alert(1)">hyperintense (Figure 1).

    ![Figure 1](h/fig.png)

    ## Discussion
    <a href="javascript:alert(2)">Glioma</a> usually affects adults between 40 and 60 years.
    <iframe src="https://example.org"></iframe>Glioma shows a male predominance.

    ## Differential Diagnosis List
    - <b onclick="steal()">Lymphoma</b>

    ## Final Diagnosis
    Glioma
    """,
    case_id="hostile",
    title='Hostile <script>alert("title")</script> case',
    extra_front_matter="source: https://example.org/case/1\n",
)


def test_raw_html_never_reaches_a_card(make_project: ProjectFactory, tmp_path: Path) -> None:
    from PIL import Image

    root = make_project({"content/hostile.md": HOSTILE_NOTE})
    (root / "media" / "h").mkdir()
    Image.new("L", (4, 4), 128).save(root / "media" / "h" / "fig.png")
    build_deck("-o", "deck.apkg")
    col = imported_collection(tmp_path, root / "deck.apkg")
    try:
        assert_every_card_is_sound(col)
        texts = " ".join(q + a for _, q, a in rendered_cards(col))
        assert "hyperintense" in texts and "Lymphoma" in texts
    finally:
        col.close()


SEED_ANSWERS = [
    "<15 years",
    "45–54 years",
    "female",
    "coarse calcifications",
    "hypointense",
    "signal voids",
    "restricted diffusion",
    "enhancement",
    "high signal",
    "peripheral",
    "central",
    "functional limitation",
    "persistent pain",
    "neurovascular compromise",
    "severe disfigurement",
    "Soft tissue sarcoma",
    "Paraosteal Osteosarcoma",
    "Synovial Sarcoma",
    "Necrotizing fasciitis",
]


def test_seed_case_acceptance_in_real_anki(
    make_project: ProjectFactory, tmp_path: Path, seed_text: str
) -> None:
    root = make_project({"seed.txt": seed_text})
    imported = CliRunner().invoke(cli, ["import", "seed.txt", "-o", "imported"])
    assert imported.exit_code == 0, imported.output
    build_deck("imported", "-o", "seed.apkg")
    col = imported_collection(tmp_path, root / "seed.apkg")
    try:
        assert_every_card_is_sound(col)
        cards = rendered_cards(col)
        answers = html.unescape(
            " | ".join(" ".join(CLOZE.findall(n["Text"])) for n, _, _ in cards)
        ).lower()
        for expected in SEED_ANSWERS:
            assert expected.lower() in answers, expected
        for note_obj, question, _ in cards:
            assert "abscess" not in plain(note_obj["Text"]).lower()
            if "fact::final-diagnosis" in note_obj.tags:
                assert "myositis ossificans" not in plain(question).lower()
            card_text = CLOZE.sub(r"\1", html.unescape(plain(note_obj["Text"])))
            assert len(card_text) <= 400, card_text
    finally:
        col.close()
