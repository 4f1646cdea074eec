from __future__ import annotations

from pathlib import Path

from deckbuilder.model import Severity
from deckbuilder.reader import MAX_NOTE_BYTES, decode_note, find_case_notes, read_content


def test_bom_and_crlf_are_normalised() -> None:
    document, problems = decode_note("\ufeff---\r\nid: a\r\n---\rtext\r\n".encode(), "a.md")
    assert problems == []
    assert document is not None
    assert document.text == "---\nid: a\n---\ntext\n"


def test_invalid_utf8_names_the_line() -> None:
    document, problems = decode_note(b"---\nid: a\n---\ncaf\xe9\n", "notes/a.md")
    assert document is None
    assert [str(p) for p in problems] == [
        "notes/a.md:4: error: file is not valid UTF-8 (byte 0xe9 at offset 17); save it as UTF-8"
    ]


def test_empty_and_binary_files_are_errors() -> None:
    for data, message in [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ]:
        document, problems = decode_note(data, "x.md")
        assert document is None
        assert len(problems) == 1 and problems[0].severity is Severity.ERROR
        assert message in problems[0].message


def test_oversized_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    big = tmp_path / "content" / "big.md"
    big.write_bytes(b"a" * (MAX_NOTE_BYTES * 3))
    documents, problems = read_content(tmp_path / "content")
    assert documents == []
    assert "too large (3.0 MB" in problems[0].message


def test_walk_is_sorted_and_skips_readmes(tmp_path: Path) -> None:
    for name in ["b/z.md", "a.md", "b/a.md", "README.md", "notes.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in find_case_notes(tmp_path)]
    assert found == ["a.md", "b/a.md", "b/z.md"]
