"""The packager: byte-identical output, per-note mod times, zip layout, media, atomic writes."""

from __future__ import annotations

import json
import random
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from deckbuilder import notetype
from deckbuilder.config import DeckConfig
from deckbuilder.model import CardNote, MediaFile, SourceLocation
from deckbuilder.package import PackageError, subdeck_id
from deckbuilder.publish import publish


def card(
    guid: str, text: str, *, tags: tuple[str, ...] = ("case::1",), media=(), subdeck: str = ""
) -> CardNote:  # type: ignore[no-untyped-def]
    figure = "".join(f'<img src="{m.package_name}">' for m in media)
    return CardNote(
        guid=guid,
        fields=(text, "extra", "<blockquote>src</blockquote>", "case", figure),
        tags=tags,
        location=SourceLocation("content/1.md", 4),
        media=tuple(media),
        sort_field=text,
        subdeck=subdeck,
    )


def figure(path: Path, payload: bytes, name: str) -> MediaFile:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(payload)
    return MediaFile(str(path), name)


def read_db(apkg: Path, tmp_path: Path) -> sqlite3.Connection:
    db_path = tmp_path / "extracted.anki2"
    with zipfile.ZipFile(apkg) as archive:
        db_path.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(db_path)


def notes_for(tmp_path: Path) -> list[CardNote]:
    fig1 = figure(tmp_path / "media" / "a" / "fig.png", b"\x89PNG first", "1111.png")
    fig2 = figure(tmp_path / "media" / "b" / "fig.png", b"\x89PNG second", "2222.png")
    return [
        card("g-one", "The {{c1::nidus}} is lucent.", media=[fig1]),
        card("g-two", "{{c1::Fat}} is bright on {{c2::T1}}.", media=[fig2, fig1]),
        card(
            "g-three",
            "No figure {{c1::here}}.",
            tags=("case::2", "area::head-neck"),
            subdeck="Head & Neck",
        ),
    ]


def test_two_builds_are_byte_identical_and_never_read_the_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(*_args: object) -> float:
        raise AssertionError("the build path read the clock or a random source")

    monkeypatch.setattr(time, "time", forbidden)
    monkeypatch.setattr(random, "random", forbidden)
    monkeypatch.setattr(random, "randrange", forbidden)
    notes = notes_for(tmp_path)
    outputs = []
    for run in ("one", "two"):
        run_dir = tmp_path / run
        out = run_dir / "dist" / "deck.apkg"
        publish(notes, DeckConfig(), out, run_dir / "deckbuilder.lock")
        outputs.append((out.read_bytes(), (run_dir / "deckbuilder.lock").read_bytes()))
    assert outputs[0] == outputs[1]

    # A rebuild over its own lock gives the same bytes again.
    out = tmp_path / "one" / "dist" / "deck.apkg"
    summary = publish(notes, DeckConfig(), out, tmp_path / "one" / "deckbuilder.lock")
    assert not summary.lock_changed and summary.unchanged == 3
    assert out.read_bytes() == outputs[0][0]


def test_zip_members_fixed_order_dates_modes_and_deflate(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    publish(notes_for(tmp_path), DeckConfig(), out, tmp_path / "deckbuilder.lock")
    with zipfile.ZipFile(out) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == ["collection.anki2", "media", "0", "1"]
        for info in infos:
            assert info.compress_type == zipfile.ZIP_DEFLATED
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
        media_map = json.loads(archive.read("media"))
        # Content-hash names, each shipped once, even though two files share a basename.
        assert media_map == {"0": "1111.png", "1": "2222.png"}
        assert archive.read("0") == b"\x89PNG first" and archive.read("1") == b"\x89PNG second"


def test_every_shipped_media_file_is_referenced_and_vice_versa(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    publish(notes_for(tmp_path), DeckConfig(), out, tmp_path / "deckbuilder.lock")
    with zipfile.ZipFile(out) as archive:
        shipped = set(json.loads(archive.read("media")).values())
    db = read_db(out, tmp_path)
    fields = " ".join(row[0] for row in db.execute("SELECT flds FROM notes"))
    assert shipped == {name for name in ("1111.png", "2222.png") if f'src="{name}"' in fields}


def test_each_note_keeps_its_own_mod_time(tmp_path: Path) -> None:
    lock, out = tmp_path / "deckbuilder.lock", tmp_path / "deck.apkg"
    notes = notes_for(tmp_path)
    publish(notes, DeckConfig(), out, lock, source_date_epoch=1_000)
    changed = [notes[0], card("g-two", "{{c1::Fat}} is dark on {{c2::STIR}}."), notes[2]]
    publish(changed, DeckConfig(), out, lock, source_date_epoch=2_000)
    db = read_db(out, tmp_path)
    mods = dict(db.execute("SELECT guid, mod FROM notes"))
    assert mods == {"g-one": 1_000, "g-two": 2_000, "g-three": 1_000}
    card_mods = set(db.execute("SELECT n.guid, c.mod FROM cards c JOIN notes n ON c.nid = n.id"))
    assert card_mods == {("g-one", 1_000), ("g-two", 2_000), ("g-three", 1_000)}
    assert db.execute(
        "SELECT count(*) FROM cards WHERE nid IN (SELECT id FROM notes WHERE guid='g-two')"
    ).fetchone() == (2,)  # noqa: E501
    [(models,)] = db.execute("SELECT models FROM col")
    model = json.loads(models)[str(notetype.MODEL_ID)]
    assert [f["name"] for f in model["flds"]] == list(notetype.FIELD_NAMES)
    assert model["mod"] == 1_000 and model["type"] == 1


def test_subdecks_by_area(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    config = DeckConfig(deck_name="Rad", subdecks_by_area=True)
    publish(notes_for(tmp_path), config, out, tmp_path / "deckbuilder.lock")
    db = read_db(out, tmp_path)
    [(decks_json,)] = db.execute("SELECT decks FROM col")
    decks = {d["name"]: int(d["id"]) for d in json.loads(decks_json).values()}
    assert decks["Rad"] == config.deck_id
    # The area's own spelling names the subdeck, not its tag slug.
    assert decks["Rad::Head & Neck"] == subdeck_id(config.deck_id, "Rad::Head & Neck")
    dids = dict(db.execute("SELECT n.guid, c.did FROM cards c JOIN notes n ON c.nid = n.id"))
    assert dids["g-three"] == decks["Rad::Head & Neck"] and dids["g-one"] == config.deck_id


def test_failed_write_leaves_previous_deck_untouched(tmp_path: Path) -> None:
    out, lock = tmp_path / "dist" / "deck.apkg", tmp_path / "deckbuilder.lock"
    notes = notes_for(tmp_path)
    publish(notes, DeckConfig(), out, lock)
    before, lock_before = out.read_bytes(), lock.read_bytes()
    Path(notes[0].media[0].src_path).unlink()
    reworded = [card("g-one", "The {{c1::nidus}} is clear.", media=notes[0].media), *notes[1:]]
    with pytest.raises(PackageError, match="cannot read figure"):
        publish(reworded, DeckConfig(), out, lock)
    assert out.read_bytes() == before and lock.read_bytes() == lock_before
    assert sorted(p.name for p in out.parent.iterdir()) == ["deck.apkg"]  # no temp file left
