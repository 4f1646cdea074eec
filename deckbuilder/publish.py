"""Publish: plans mod times against the lock, writes the deck atomically, keeps the lock current.

This is the one place that joins the lock (``lock.py``) and the packager (``package.py``):

1. each note's deck is resolved from the configuration (subdecks by the case's first area);
2. ``lock.plan_release`` decides which notes are new, changed, unchanged or retired, and their
   mod times, without reading the clock;
3. in ``--frozen`` mode a lock that would change is an error, and nothing is written;
4. the deck is written through a temporary file and renamed into place, then the lock likewise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from deckbuilder import notetype
from deckbuilder.config import DeckConfig
from deckbuilder.errors import DeckbuilderError, StaleLockError
from deckbuilder.lock import (
    CurrentNote,
    NoteContent,
    Status,
    dumps_lock,
    plan_release,
    read_lock,
)
from deckbuilder.lock import (
    prune_retired as prune_retired_notes,
)
from deckbuilder.model import CardNote, MediaFile
from deckbuilder.package import PackageNote, write_apkg
from deckbuilder.writer import write_text_atomically


@dataclass(frozen=True)
class PublishSummary:
    """What a build shipped. ``retired`` lists notes retired by this build as ``origin: guid``."""

    notes: int
    new: int
    changed: int
    unchanged: int
    retired: tuple[str, ...]
    media: int
    lock_changed: bool


def note_deck(note: CardNote, config: DeckConfig) -> str:
    """The full deck name of a note: ``Deck`` or, with ``subdecks_by_area``, ``Deck::Area``."""
    if not config.subdecks_by_area:
        return config.deck_name
    # Anki separates deck levels with "::"; an area written with it must not nest deeper.
    area = " ".join(note.subdeck.replace("::", " ").split())
    return f"{config.deck_name}::{area}" if area else config.deck_name


def _check_unique(notes: Sequence[CardNote]) -> None:
    seen: dict[str, CardNote] = {}
    for note in notes:
        if note.guid in seen:
            raise DeckbuilderError(
                f"{note.location}: error: same note identity as {seen[note.guid].location} "
                "(two facts with the same case, kind and key)"
            )
        seen[note.guid] = note


def publish(
    notes: Sequence[CardNote],
    config: DeckConfig,
    out_path: Path,
    lock_path: Path,
    *,
    frozen: bool = False,
    source_date_epoch: int | None = None,
    write_lock: bool = True,
    prune_retired: bool = False,
) -> PublishSummary:
    """Writes the deck and keeps the lock current.

    Args:
        notes: The build's notes, GUIDs unique.
        config: Deck name, deck id and subdeck layout.
        out_path: Where the ``.apkg`` goes; written atomically.
        lock_path: The committed lock file.
        frozen: Fail instead of changing the lock (CI: the committed lock must match the content).
        source_date_epoch: Mod time for new and changed notes (``SOURCE_DATE_EPOCH``); without
            it, one more than the newest mod time in the lock. Never the clock.
        write_lock: Whether to write the updated lock (``False`` for a throwaway build).
        prune_retired: Stop shipping notes retired by earlier builds (once every student has had
            a release that tags them), and forget them in the lock.

    Returns:
        Counts of what was shipped.

    Raises:
        StaleLockError: ``frozen`` is set and the lock does not match the notes.
        DeckbuilderError: two notes share a GUID, the lock is unreadable, a figure is missing.
    """
    _check_unique(notes)
    previous, previous_text = read_lock(lock_path)
    if prune_retired:
        previous = prune_retired_notes(previous)
    note_type = notetype.cloze_note_type()

    media_by_name: dict[str, MediaFile] = {}
    current: list[CurrentNote] = []
    for note in notes:
        for media in note.media:
            media_by_name.setdefault(media.package_name, media)
        content = NoteContent(
            fields=note.fields,
            tags=note.tags,
            deck=note_deck(note, config),
            media=tuple(sorted({m.package_name for m in note.media})),
            sort_field=note.sort_field,
        )
        current.append(CurrentNote(note.guid, content, str(note.location)))

    plan = plan_release(
        current,
        note_type.content_hash(),
        previous,
        source_date_epoch=source_date_epoch,
        figure_index=notetype.FIGURE,
    )
    lock_text = dumps_lock(plan.lock)
    lock_changed = lock_text != previous_text

    counts = {s: 0 for s in (Status.NEW, Status.CHANGED, Status.UNCHANGED)}
    retired: list[str] = []
    for planned in plan.notes:
        if planned.status in counts:
            counts[planned.status] += 1
        elif planned.status == Status.RETIRED:
            retired.append(f"{planned.origin}: {planned.guid}")

    if frozen and lock_changed:
        raise StaleLockError(
            f"{lock_path.name} is out of date: {counts[Status.NEW]} new, "
            f"{counts[Status.CHANGED]} changed, {len(retired)} retired note(s)"
            + ("" if previous_text is not None else " (no lock file)")
            + "; run `deckbuilder build` and commit the lock"
        )

    package_notes = [
        PackageNote(
            guid=p.guid,
            fields=p.content.fields,
            tags=p.content.tags,
            deck=p.content.deck,
            mod=p.mod,
            sort_field=p.content.sort_field,
            media=tuple(media_by_name[name] for name in p.content.media),
        )
        for p in plan.notes
    ]
    media_count = write_apkg(
        out_path,
        package_notes,
        note_type,
        notetype_mod=plan.notetype_mod,
        deck_name=config.deck_name,
        deck_id=config.deck_id,
    )
    if write_lock and lock_changed:
        write_text_atomically(lock_path, lock_text)

    return PublishSummary(
        notes=len(notes),
        new=counts[Status.NEW],
        changed=counts[Status.CHANGED],
        unchanged=counts[Status.UNCHANGED],
        retired=tuple(retired),
        media=media_count,
        lock_changed=lock_changed,
    )
