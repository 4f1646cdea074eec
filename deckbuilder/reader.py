"""Stage 1, read: case note files on disk → ``SourceDocument`` values.

The only stage that opens case notes. It decides what counts as readable text: UTF-8 (a byte-order
mark is allowed), not empty, not binary, not larger than ``MAX_NOTE_BYTES`` so every later stage
runs in bounded time. Line endings become ``\\n`` here so that no later stage meets ``\\r``.
"""

from __future__ import annotations

import os
from pathlib import Path

from deckbuilder.model import Diagnostic, SourceDocument, SourceLocation, error

# A real case note is a few kilobytes; a megabyte is far beyond any teaching case and keeps a run
# fast even when someone drops a data dump into content/.
MAX_NOTE_BYTES = 1_000_000


def display_path(path: Path) -> str:
    """A path for messages: relative to the working directory when inside it, always POSIX."""
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def find_case_notes(content_dir: Path) -> list[Path]:
    """All ``*.md`` files below ``content_dir`` in a stable order, README files excepted."""
    found = [
        path
        for path in content_dir.rglob("*.md")
        if path.is_file() and path.name.lower() != "readme.md"
    ]
    return sorted(found, key=lambda p: p.relative_to(content_dir).as_posix())


def _too_large(location: SourceLocation, size: int) -> Diagnostic:
    limit_mb = MAX_NOTE_BYTES / 1_000_000
    size_mb = size / 1_000_000
    return error(location, f"file is too large ({size_mb:.1f} MB; the limit is {limit_mb:g} MB)")


def decode_note(data: bytes, shown_path: str) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Turns a file's bytes into a document, or explains why it cannot be one."""
    at_start = SourceLocation(shown_path, 1)
    if len(data) > MAX_NOTE_BYTES:
        return None, [_too_large(at_start, len(data))]
    if not data.strip():
        return None, [error(at_start, "file is empty")]
    if b"\x00" in data:
        return None, [error(at_start, "file is binary, not a Markdown case note")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            error(
                SourceLocation(shown_path, line),
                f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "save it as UTF-8",
            )
        ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceDocument(shown_path, text), []


def read_note(path: Path) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Reads one case note file, never more than the size limit."""
    shown_path = display_path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_NOTE_BYTES + 1)
            if len(data) > MAX_NOTE_BYTES:
                size = os.fstat(handle.fileno()).st_size
                return None, [_too_large(SourceLocation(shown_path, 1), size)]
    except OSError as exc:
        return None, [error(SourceLocation(shown_path, 1), f"cannot read file: {exc.strerror}")]
    return decode_note(data, shown_path)


def read_content(content_dir: Path) -> tuple[list[SourceDocument], list[Diagnostic]]:
    """Reads every case note below ``content_dir``; unreadable files become diagnostics."""
    documents: list[SourceDocument] = []
    diagnostics: list[Diagnostic] = []
    for path in find_case_notes(content_dir):
        document, problems = read_note(path)
        diagnostics.extend(problems)
        if document is not None:
            documents.append(document)
    return documents, diagnostics
