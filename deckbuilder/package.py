"""Packager: writes the ``.apkg``. The only module that imports genanki.

genanki builds the collection database (schema, note type, decks, notes, cards), but on its own
it is not reproducible: ``Package.write_to_file`` stamps ``time.time()`` when no timestamp is
given, stamps one time on every note, and writes its zip with the current date on each member.
So this module

* gives every note (and its cards) its own mod time from the lock, via a small ``Note`` subclass;
* fixes the note type's mod time (from the lock) and the id sequence (a constant start);
* builds the SQLite database in memory and serialises it, so no temporary file name leaks in;
* writes the zip itself: deflate, fixed member order, fixed dates and permissions;
* stores media under their content-hash names, listed in the ``media`` map in name order.

The collection, deck and deck-config timestamps come from genanki's constant templates.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import genanki

from deckbuilder.errors import DeckbuilderError
from deckbuilder.model import MediaFile
from deckbuilder.notetype import NoteType
from deckbuilder.writer import atomic_output

# Note and card ids are "creation times" in ms to Anki; a constant start keeps them reproducible.
# Anki matches notes on GUID, never on these ids, and renumbers ids that clash on import.
ID_BASE = 1_734_905_518_000

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_ZIP_MODE = 0o100644 << 16
_COMPRESS_LEVEL = 6


class PackageError(DeckbuilderError):
    """The deck could not be written (for example a figure file disappeared)."""


@dataclass(frozen=True)
class PackageNote:
    """One note as it goes into the deck, with its own mod time."""

    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    deck: str
    mod: int
    sort_field: str = ""
    media: tuple[MediaFile, ...] = ()


def subdeck_id(parent_id: int, name: str) -> int:
    """A stable id for a subdeck, derived from the parent's id and the full deck name."""
    digest = hashlib.sha256(f"{parent_id}\x1f{name}".encode()).digest()
    # Keep within Anki's usual id range (positive, below 2**53 so JavaScript can hold it).
    return (1 << 40) + int.from_bytes(digest[:6], "big") % ((1 << 52) - (1 << 40))


class _TimedNote(genanki.Note):
    """A genanki note that writes its own mod time instead of the package-wide timestamp."""

    def __init__(self, *, mod: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._deckbuilder_mod = mod

    def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
        super().write_to_db(cursor, self._deckbuilder_mod, deck_id, id_gen)


def _genanki_model(note_type: NoteType) -> genanki.Model:
    return genanki.Model(
        model_id=note_type.model_id,
        name=note_type.name,
        fields=[{"name": name} for name in note_type.field_names],
        templates=[
            {
                "name": note_type.template_name,
                "qfmt": note_type.front_html,
                "afmt": note_type.back_html,
            }
        ],
        css=note_type.css,
        model_type=genanki.Model.CLOZE,
        sort_field_index=0,
    )


def collection_bytes(
    notes: Sequence[PackageNote],
    note_type: NoteType,
    *,
    notetype_mod: int,
    deck_name: str,
    deck_id: int,
) -> bytes:
    """The ``collection.anki2`` SQLite database for ``notes``, as bytes."""
    model = _genanki_model(note_type)
    decks: dict[str, genanki.Deck] = {deck_name: genanki.Deck(deck_id, deck_name)}
    for note in notes:
        if note.deck not in decks:
            decks[note.deck] = genanki.Deck(subdeck_id(deck_id, note.deck), note.deck)
        decks[note.deck].add_note(
            _TimedNote(
                mod=note.mod,
                model=model,
                fields=list(note.fields),
                sort_field=note.sort_field or None,
                tags=list(note.tags),
                guid=note.guid,
            )
        )
    # The parent deck always carries the model, so an empty build still has a note type.
    decks[deck_name].add_model(model)
    ordered = [decks[deck_name], *(decks[name] for name in sorted(decks) if name != deck_name)]

    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        genanki.Package(ordered).write_to_db(cursor, notetype_mod, itertools.count(ID_BASE))
        conn.commit()
        return conn.serialize()
    finally:
        conn.close()


def _zip_member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so the permission bits below mean the same everywhere
    info.external_attr = _ZIP_MODE
    return info


def shipped_media(notes: Sequence[PackageNote]) -> list[MediaFile]:
    """The media files the notes reference, one per package name, in name order."""
    by_name: dict[str, MediaFile] = {}
    for note in notes:
        for media in note.media:
            by_name.setdefault(media.package_name, media)
    return [by_name[name] for name in sorted(by_name)]


def write_apkg_to(
    handle: BinaryIO,
    notes: Sequence[PackageNote],
    note_type: NoteType,
    *,
    notetype_mod: int,
    deck_name: str,
    deck_id: int,
) -> int:
    """Writes the package to an open binary file; returns the number of media files shipped.

    Raises:
        PackageError: a media file cannot be read.
    """
    database = collection_bytes(
        notes, note_type, notetype_mod=notetype_mod, deck_name=deck_name, deck_id=deck_id
    )
    media = shipped_media(notes)
    with zipfile.ZipFile(
        handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=_COMPRESS_LEVEL
    ) as archive:
        archive.writestr(_zip_member("collection.anki2"), database)
        media_map = {str(i): m.package_name for i, m in enumerate(media)}
        archive.writestr(_zip_member("media"), json.dumps(media_map, sort_keys=False))
        for i, item in enumerate(media):
            try:
                data = Path(item.src_path).read_bytes()
            except OSError as exc:
                raise PackageError(f"cannot read figure {item.src_path}: {exc.strerror}") from None
            archive.writestr(_zip_member(str(i)), data)
    return len(media)


def write_apkg(
    dest_path: Path,
    notes: Sequence[PackageNote],
    note_type: NoteType,
    *,
    notetype_mod: int,
    deck_name: str,
    deck_id: int,
) -> int:
    """Writes the package atomically: a failure leaves any previous deck at ``dest_path`` as it was.

    Returns:
        The number of media files shipped.
    """
    with atomic_output(dest_path) as handle:
        count = write_apkg_to(
            handle,
            notes,
            note_type,
            notetype_mod=notetype_mod,
            deck_name=deck_name,
            deck_id=deck_id,
        )
    return count


def write_genanki_baseline(
    dest_path: Path,
    notes: Sequence[PackageNote],
    note_type: NoteType,
    *,
    deck_name: str,
    deck_id: int,
    timestamp: float,
) -> None:
    """genanki alone writing the same notes (one timestamp, its own zip): the benchmark baseline."""
    model = _genanki_model(note_type)
    deck = genanki.Deck(deck_id, deck_name)
    for note in notes:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=list(note.fields),
                sort_field=note.sort_field or None,
                tags=list(note.tags),
                guid=note.guid,
            )
        )
    media = [m.src_path for m in shipped_media(notes)]
    genanki.Package(deck, media_files=media).write_to_file(str(dest_path), timestamp=timestamp)
