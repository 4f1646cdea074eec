"""The lock: mod times that only move forward, retired notes, the file format, frozen mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.config import DeckConfig
from deckbuilder.errors import StaleLockError
from deckbuilder.lock import (
    DEFAULT_EPOCH,
    RETIRED_TAG,
    CurrentNote,
    Lock,
    LockFileError,
    NoteContent,
    Status,
    dumps_lock,
    loads_lock,
    plan_release,
    prune_retired,
    read_lock,
)
from deckbuilder.model import CardNote, SourceLocation
from deckbuilder.publish import publish

NT = "notetype-hash-1"


def current(guid: str, text: str, figure: str = "") -> CurrentNote:
    content = NoteContent((text, "", "", "", figure), ("case::1",), "Deck", (), text)
    return CurrentNote(guid, content, f"content/1.md:{len(guid)}")


def plan(notes: list[CurrentNote], lock: Lock, epoch: int | None = None):  # type: ignore[no-untyped-def]
    return plan_release(notes, NT, lock, source_date_epoch=epoch, figure_index=4)


def test_first_build_without_epoch_uses_fixed_default() -> None:
    result = plan([current("a", "one"), current("b", "two")], Lock())
    assert [(n.status, n.mod) for n in result.notes] == [(Status.NEW, DEFAULT_EPOCH)] * 2
    assert result.notetype_mod == DEFAULT_EPOCH


def test_same_notes_same_lock() -> None:
    first = plan([current("a", "one")], Lock(), 1_700_000_000).lock
    second = plan([current("a", "one")], first, 1_800_000_000)
    assert second.notes[0].status == Status.UNCHANGED
    assert second.notes[0].mod == 1_700_000_000
    assert dumps_lock(second.lock) == dumps_lock(first)


def test_changed_note_gets_strictly_later_mod_even_with_older_epoch() -> None:
    first = plan([current("a", "one"), current("b", "two")], Lock(), 1_700_000_000).lock
    second = plan([current("a", "one, reworded"), current("b", "two")], first, 1_600_000_000)
    by_guid = {n.guid: n for n in second.notes}
    assert by_guid["a"].status == Status.CHANGED and by_guid["a"].mod == 1_700_000_001
    assert by_guid["b"].status == Status.UNCHANGED and by_guid["b"].mod == 1_700_000_000


def test_without_epoch_new_mod_derives_from_lock() -> None:
    first = plan([current("a", "one")], Lock(), 1_700_000_000).lock
    second = plan([current("a", "uno"), current("c", "three")], first)
    assert {n.guid: n.mod for n in second.notes} == {"a": 1_700_000_001, "c": 1_700_000_001}
    # Deterministic: the same inputs give the same plan.
    assert dumps_lock(plan([current("a", "uno"), current("c", "three")], first).lock) == dumps_lock(
        second.lock
    )


def test_removed_note_retired_once_then_tombstoned() -> None:
    first = plan([current("a", "one"), current("b", "two", figure="<img>")], Lock(), 100).lock
    second = plan([current("a", "one")], first, 100)
    retired = next(n for n in second.notes if n.guid == "b")
    assert retired.status == Status.RETIRED and retired.mod == 101
    assert RETIRED_TAG in retired.content.tags and retired.content.fields[0] == "two"
    assert retired.content.fields[4] == ""  # the figure is no longer shipped
    assert second.lock.notes["b"].retired

    third = plan([current("a", "one")], second.lock, 500)
    tomb = next(n for n in third.notes if n.guid == "b")
    assert tomb.status == Status.TOMBSTONE and tomb.mod == 101
    assert dumps_lock(third.lock) == dumps_lock(second.lock)
    assert "b" not in prune_retired(third.lock).notes


def test_retired_note_that_returns_is_unretired_with_later_mod() -> None:
    first = plan([current("a", "one"), current("b", "two")], Lock(), 100).lock
    second = plan([current("a", "one")], first, 100).lock
    third = plan([current("a", "one"), current("b", "two")], second, 100)
    back = next(n for n in third.notes if n.guid == "b")
    assert back.status == Status.CHANGED and back.mod == 102
    assert RETIRED_TAG not in back.content.tags and not third.lock.notes["b"].retired


def test_notetype_change_bumps_its_mod() -> None:
    first = plan([current("a", "one")], Lock(), 100).lock
    second = plan_release([current("a", "one")], "other", first, source_date_epoch=100)
    assert second.notetype_mod == 101


def test_lock_text_roundtrip_and_sorted() -> None:
    result = plan([current("zz", "z"), current("aa", "a"), current("mm", "m <b>é</b>")], Lock(), 7)
    text = dumps_lock(result.lock)
    assert text.endswith("\n") and text.index('"aa"') < text.index('"mm"') < text.index('"zz"')
    assert "é" in text  # readable in review, not escaped
    assert dumps_lock(loads_lock(text)) == text


@pytest.mark.parametrize("text", ["{", "[]", '{"version": 99, "notes": {}}', '{"version": 1}'])
def test_invalid_lock_is_reported(text: str) -> None:
    with pytest.raises(LockFileError):
        loads_lock(text)


def test_missing_lock_reads_as_empty(tmp_path: Path) -> None:
    lock, text = read_lock(tmp_path / "deckbuilder.lock")
    assert text is None and not lock.notes


def _card(guid: str, text: str) -> CardNote:
    return CardNote(
        guid, (f"{{{{c1::{text}}}}}", "", "", "", ""), ("case::1",), SourceLocation("c.md", 3)
    )


def test_frozen_fails_on_stale_lock_and_writes_nothing(tmp_path: Path) -> None:
    config = DeckConfig()
    lock_path, deck = tmp_path / "deckbuilder.lock", tmp_path / "deck.apkg"
    with pytest.raises(StaleLockError):
        publish([_card("g1", "one")], config, deck, lock_path, frozen=True)
    assert not deck.exists() and not lock_path.exists()

    summary = publish([_card("g1", "one")], config, deck, lock_path)
    assert summary.lock_changed and lock_path.exists()
    committed = lock_path.read_bytes()
    assert not publish([_card("g1", "one")], config, deck, lock_path, frozen=True).lock_changed

    with pytest.raises(StaleLockError, match="1 changed"):
        publish([_card("g1", "uno")], config, deck, lock_path, frozen=True)
    assert lock_path.read_bytes() == committed


def test_write_lock_false_leaves_lock_alone(tmp_path: Path) -> None:
    lock_path = tmp_path / "deckbuilder.lock"
    summary = publish(
        [_card("g1", "one")], DeckConfig(), tmp_path / "d.apkg", lock_path, write_lock=False
    )
    assert summary.lock_changed and not lock_path.exists()
