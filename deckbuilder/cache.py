"""A content-addressed cache of extraction results, so a rebuild re-extracts only what changed.

Extraction is by far the costliest stage (rules over every sentence); packaging is cheap. The
cache key is a digest of the parsed case *and* of every source and lexicon file of the installed
``deckbuilder`` package, so an edited note, a new rule or a changed lexicon can never be served a
stale result. Entries are plain JSON (never pickle: a cache file must not be able to run code).

The cache only saves time: deleting ``.deckbuilder-cache/`` or passing ``--no-cache`` gives the
same deck, byte for byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from deckbuilder.model import (
    CaseNote,
    Cloze,
    Diagnostic,
    Fact,
    SectionKind,
    Sentence,
    Severity,
    SourceLocation,
)
from deckbuilder.writer import write_text_atomically

CACHE_FORMAT = 1


def code_digest() -> str:
    """A digest of the package's own code and lexicons: any change to them empties the cache."""
    digest = hashlib.sha256(f"format {CACHE_FORMAT}".encode())
    root = resources.files("deckbuilder")
    pending = [root]
    files = []
    while pending:
        folder = pending.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                pending.append(entry)
            elif entry.name.endswith((".py", ".yaml")):
                files.append(entry)
    for entry in sorted(files, key=lambda e: str(e)):
        digest.update(entry.name.encode())
        digest.update(entry.read_bytes())
    return digest.hexdigest()


def case_key(case: CaseNote, code: str) -> str:
    """The cache key of one parsed case under one version of the code."""
    # repr of frozen dataclasses is complete and stable: it lists every field in order.
    return hashlib.sha256(f"{code}\n{case!r}".encode()).hexdigest()


def _location(data: dict[str, Any]) -> SourceLocation:
    return SourceLocation(data["path"], data["line"])


def _fact(data: dict[str, Any]) -> Fact:
    source = data["source"]
    return Fact(
        case_id=data["case_id"],
        kind=data["kind"],
        key=data["key"],
        subject=data["subject"],
        text=data["text"],
        clozes=tuple(Cloze(**c) for c in data["clozes"]),
        source=Sentence(
            source["text"],
            _location(source["location"]),
            SectionKind(source["section"]),
            tuple(source["figure_labels"]),
        ),
        tags=tuple(data["tags"]),
        authored=data["authored"],
    )


def _diagnostic(data: dict[str, Any]) -> Diagnostic:
    return Diagnostic(_location(data["location"]), Severity(data["severity"]), data["message"])


class ExtractionCache:
    """Extraction results on disk under ``folder``, one JSON file per key."""

    def __init__(self, folder: Path, code: str | None = None) -> None:
        self.folder = folder
        self.code = code if code is not None else code_digest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def load(self, case: CaseNote) -> tuple[list[Fact], list[Diagnostic]] | None:
        """The stored result for ``case``, or None when there is none (or it is unreadable)."""
        path = self._path(case_key(case, self.code))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [_fact(f) for f in data["facts"]], [_diagnostic(d) for d in data["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, case: CaseNote, facts: list[Fact], diagnostics: list[Diagnostic]) -> None:
        data = {
            "facts": [asdict(f) for f in facts],
            "diagnostics": [asdict(d) for d in diagnostics],
        }
        # A read-only checkout still builds; it only loses the speed-up.
        with contextlib.suppress(OSError):
            write_text_atomically(self._path(case_key(case, self.code)), json.dumps(data))
