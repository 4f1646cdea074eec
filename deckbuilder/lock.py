"""The lock file: one entry per note GUID with its content hash, mod time and content.

Anki updates a student's existing note on import only when the incoming note's mod time is newer
than the one in their collection, and genanki stamps one time on every note. The lock remembers,
for each note ever shipped, what it looked like and the mod time it was shipped with, so that a
build gives unchanged notes the same mod time (same sources, byte-identical deck) and changed
notes a strictly later one. It also keeps each note's fields, so that a note whose fact was
removed can be shipped once more, tagged ``deckbuilder::retired``, for students to find and delete.

The file is JSON with sorted keys, committed with the content. Nothing here reads the clock: new
mod times come from ``SOURCE_DATE_EPOCH`` when given, else from the lock itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckbuilder.errors import DeckbuilderError

LOCK_VERSION = 1

# Mod time for the first build of a project when no SOURCE_DATE_EPOCH is given (2025-01-01 UTC).
# Any fixed value works: only its order relative to later builds matters to Anki.
DEFAULT_EPOCH = 1_735_689_600

RETIRED_TAG = "deckbuilder::retired"


class LockFileError(DeckbuilderError):
    """The lock file exists but cannot be read as a deckbuilder lock."""


@dataclass(frozen=True)
class NoteContent:
    """What a note looks like in the deck; ``media`` holds content-hash package names."""

    fields: tuple[str, ...]
    tags: tuple[str, ...]
    deck: str
    media: tuple[str, ...] = ()
    sort_field: str = ""

    def content_hash(self) -> str:
        # Anki separates fields with \x1f, so no field holds it; \x1e and \x1d then delimit the
        # parts unambiguously (tags and media names hold no spaces or control characters).
        parts = (
            "\x1f".join(self.fields),
            " ".join(self.tags),
            self.deck,
            " ".join(self.media),
            self.sort_field.replace("\x1e", " "),
        )
        return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class LockEntry:
    """One note as last shipped."""

    content_hash: str
    mod: int
    content: NoteContent
    origin: str = ""
    retired: bool = False


@dataclass(frozen=True)
class Lock:
    notetype_hash: str | None = None
    notetype_mod: int | None = None
    notes: Mapping[str, LockEntry] = field(default_factory=dict)

    def max_mod(self) -> int | None:
        mods = [e.mod for e in self.notes.values()]
        if self.notetype_mod is not None:
            mods.append(self.notetype_mod)
        return max(mods, default=None)


class Status:
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    RETIRED = "retired"  # newly retired by this build
    TOMBSTONE = "tombstone"  # retired by an earlier build, shipped again unchanged


@dataclass(frozen=True)
class CurrentNote:
    """A note of the current build, as the planner sees it."""

    guid: str
    content: NoteContent
    origin: str


@dataclass(frozen=True)
class PlannedNote:
    guid: str
    content: NoteContent
    mod: int
    status: str
    origin: str


@dataclass(frozen=True)
class Plan:
    notes: tuple[PlannedNote, ...]
    notetype_mod: int
    lock: Lock


def retired_content(content: NoteContent, figure_index: int | None) -> NoteContent:
    """A removed note as shipped once more: tagged retired, its figure (not shipped) dropped."""
    fields = list(content.fields)
    if figure_index is not None and figure_index < len(fields):
        fields[figure_index] = ""
    tags = content.tags if RETIRED_TAG in content.tags else (*content.tags, RETIRED_TAG)
    return NoteContent(tuple(fields), tags, content.deck, (), content.sort_field)


def plan_release(
    current: Sequence[CurrentNote],
    notetype_hash: str,
    previous: Lock,
    *,
    source_date_epoch: int | None,
    figure_index: int | None = None,
) -> Plan:
    """Decides every note's mod time and the next lock. Pure: no clock, no files.

    Args:
        current: The notes of this build, GUIDs unique.
        notetype_hash: ``NoteType.content_hash()`` of this build's note type.
        previous: The lock as committed (empty for a first build).
        source_date_epoch: Mod time for new and changed notes; each changed note still gets at
            least its previous mod time plus one. Without it, one more than the newest mod time
            in the lock (or ``DEFAULT_EPOCH`` for an empty lock).
        figure_index: Field to empty when a note is retired (its media is no longer shipped).

    Returns:
        The notes to ship (current ones in order, then retired ones by GUID), the note type's
        mod time and the lock to write.
    """
    newest = previous.max_mod()
    if source_date_epoch is not None:
        floor = source_date_epoch
    elif newest is not None:
        floor = newest + 1
    else:
        floor = DEFAULT_EPOCH

    def bump(prev: LockEntry | None) -> int:
        return floor if prev is None else max(floor, prev.mod + 1)

    planned: list[PlannedNote] = []
    entries: dict[str, LockEntry] = {}
    for note in current:
        prev = previous.notes.get(note.guid)
        digest = note.content.content_hash()
        if prev is None:
            status, mod = Status.NEW, floor
        elif prev.content_hash == digest and not prev.retired:
            status, mod = Status.UNCHANGED, prev.mod
        else:
            # Changed wording, or a retired fact that came back: either way students need it.
            status, mod = Status.CHANGED, bump(prev)
        planned.append(PlannedNote(note.guid, note.content, mod, status, note.origin))
        entries[note.guid] = LockEntry(digest, mod, note.content, note.origin)

    for guid in sorted(set(previous.notes) - set(entries)):
        prev = previous.notes[guid]
        if prev.retired:
            status, mod, content = Status.TOMBSTONE, prev.mod, prev.content
        else:
            content = retired_content(prev.content, figure_index)
            status, mod = Status.RETIRED, bump(prev)
        planned.append(PlannedNote(guid, content, mod, status, prev.origin))
        entries[guid] = LockEntry(content.content_hash(), mod, content, prev.origin, retired=True)

    if previous.notetype_hash == notetype_hash and previous.notetype_mod is not None:
        notetype_mod = previous.notetype_mod
    elif previous.notetype_mod is None:
        notetype_mod = floor
    else:
        notetype_mod = max(floor, previous.notetype_mod + 1)

    lock = Lock(notetype_hash, notetype_mod, entries)
    return Plan(tuple(planned), notetype_mod, lock)


def prune_retired(lock: Lock) -> Lock:
    """The lock without its retired notes, so that the next build stops shipping them."""
    kept = {g: e for g, e in lock.notes.items() if not e.retired}
    return Lock(lock.notetype_hash, lock.notetype_mod, kept)


# --- file format -------------------------------------------------------------------------------


def dumps_lock(lock: Lock) -> str:
    """The lock as JSON text: sorted keys, one line per note (diffs show one line per changed note).

    Each entry is encoded compactly by the C JSON encoder; ``indent`` would fall back to the pure
    Python encoder, several times slower on a large deck.
    """

    def encode(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    lines = []
    for guid in sorted(lock.notes):
        entry = lock.notes[guid]
        item: dict[str, Any] = {
            "hash": entry.content_hash,
            "mod": entry.mod,
            "origin": entry.origin,
            "deck": entry.content.deck,
            "fields": list(entry.content.fields),
            "tags": list(entry.content.tags),
            "media": list(entry.content.media),
            "sort": entry.content.sort_field,
        }
        if entry.retired:
            item["retired"] = True
        lines.append(f"  {encode(guid)}: {encode(item)}")
    notetype = encode({"hash": lock.notetype_hash, "mod": lock.notetype_mod})
    notes = "{\n" + ",\n".join(lines) + "\n }" if lines else "{}"
    return f'{{\n "notes": {notes},\n "notetype": {notetype},\n "version": {LOCK_VERSION}\n}}\n'


def loads_lock(text: str, origin: str = "deckbuilder.lock") -> Lock:
    """Parses lock text.

    Raises:
        LockFileError: the text is not a lock of a version this code understands.
    """
    try:
        data = json.loads(text)
        if data.get("version") != LOCK_VERSION:
            raise LockFileError(f"{origin}: unsupported lock version {data.get('version')!r}")
        notetype = data.get("notetype") or {}
        entries: dict[str, LockEntry] = {}
        for guid, item in data["notes"].items():
            content = NoteContent(
                fields=tuple(str(f) for f in item["fields"]),
                tags=tuple(str(t) for t in item["tags"]),
                deck=str(item["deck"]),
                media=tuple(str(m) for m in item.get("media", ())),
                sort_field=str(item.get("sort", "")),
            )
            entries[str(guid)] = LockEntry(
                content_hash=str(item["hash"]),
                mod=int(item["mod"]),
                content=content,
                origin=str(item.get("origin", "")),
                retired=bool(item.get("retired", False)),
            )
        nt_mod = notetype.get("mod")
        return Lock(notetype.get("hash"), None if nt_mod is None else int(nt_mod), entries)
    except LockFileError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LockFileError(f"{origin}: not a valid deckbuilder lock ({exc})") from None


def read_lock(path: Path) -> tuple[Lock, str | None]:
    """Reads the lock at ``path``; returns an empty lock and ``None`` text when there is none."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return Lock(), None
    except (OSError, UnicodeDecodeError) as exc:
        raise LockFileError(f"{path.name}: cannot read lock ({exc})") from None
    return loads_lock(text, path.name), text
