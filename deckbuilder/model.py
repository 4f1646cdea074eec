"""The pipeline's vocabulary: plain, frozen data passed from one stage to the next.

    content/*.md --read--> SourceDocument --parse--> CaseNote
        --extract--> Fact --cloze--> CardNote --package--> dist/*.apkg

Every item from parse onward carries a ``SourceLocation`` so that any stage can
point a maintainer at the line that caused a problem.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class SourceLocation:
    """A line in a source file; ``path`` is relative and POSIX-style for messages."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the content, reported as ``path:line: severity: message``."""

    location: SourceLocation
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message}"


def error(location: SourceLocation, message: str) -> Diagnostic:
    return Diagnostic(location, Severity.ERROR, message)


def warning(location: SourceLocation, message: str) -> Diagnostic:
    return Diagnostic(location, Severity.WARNING, message)


@dataclass(frozen=True)
class SourceDocument:
    """A case note file as text: byte-order mark removed, line endings normalised to ``\\n``."""

    path: str
    text: str


# --- parse -------------------------------------------------------------------------------------


class SectionKind(enum.StrEnum):
    """The canonical sections of a Eurorad-style case; headings match case-insensitively."""

    CLINICAL_HISTORY = "clinical-history"
    IMAGING_FINDINGS = "imaging-findings"
    DISCUSSION = "discussion"
    DIFFERENTIAL_DIAGNOSIS = "differential-diagnosis"
    FINAL_DIAGNOSIS = "final-diagnosis"
    # Figure legends and reference lists are kept in the note but are not teaching text.
    FIGURES = "figures"
    REFERENCES = "references"
    OTHER = "other"


class BlockKind(enum.StrEnum):
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"


@dataclass(frozen=True)
class Block:
    """A paragraph or list item of a section.

    ``text`` is plain text (inline Markdown and HTML removed, lines joined with spaces); it is what
    facts are cut from. ``markdown`` is the block as written, for rendering the source on a card.
    """

    kind: BlockKind
    text: str
    markdown: str
    location: SourceLocation


@dataclass(frozen=True)
class Section:
    kind: SectionKind
    heading: str
    location: SourceLocation
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Figure:
    """A figure a note declares (``![Figure 2b](18177/fig-2b.png)``); the path is inside media/."""

    label: str
    media_path: str
    location: SourceLocation


@dataclass(frozen=True)
class Patient:
    age: str | None = None
    sex: str | None = None


@dataclass(frozen=True)
class CaseMeta:
    """Front matter of a case note, validated."""

    case_id: str
    title: str
    location: SourceLocation
    published: str | None = None
    authors: tuple[str, ...] = ()
    institution: str | None = None
    patient: Patient = Patient()
    areas: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    source_url: str | None = None
    license: str | None = None
    tags: tuple[str, ...] = ()
    suppress: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseNote:
    meta: CaseMeta
    sections: tuple[Section, ...]
    figures: tuple[Figure, ...] = ()

    @property
    def case_id(self) -> str:
        return self.meta.case_id

    def section(self, kind: SectionKind) -> Section | None:
        return next((s for s in self.sections if s.kind is kind), None)


# --- extract -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block, with the figures it cites (labels such as ``Figure 2b``)."""

    text: str
    location: SourceLocation
    section: SectionKind
    figure_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cloze:
    """A span of ``Fact.text`` to hide; ``index`` is the Anki cloze number (c1, c2, ...)."""

    start: int
    end: int
    index: int = 1
    hint: str | None = None


@dataclass(frozen=True)
class Fact:
    """An atomic, self-contained fact ready to become one cloze note.

    ``key`` identifies the fact within its case and kind independently of its wording
    (for example ``swi`` or ``synovial-sarcoma``); with ``case_id`` and ``kind`` it makes the
    note's GUID. ``text`` is plain text naming whose fact it is; ``clozes`` mark the answers.
    """

    case_id: str
    kind: str
    key: str
    subject: str
    text: str
    clozes: tuple[Cloze, ...]
    source: Sentence
    tags: tuple[str, ...] = ()
    authored: bool = False

    @property
    def location(self) -> SourceLocation:
        return self.source.location

    def answers(self) -> tuple[str, ...]:
        return tuple(self.text[c.start : c.end] for c in self.clozes)


# --- cloze / package ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MediaFile:
    """A figure to ship: ``src_path`` on disk, ``package_name`` its content-hash name."""

    src_path: str
    package_name: str


@dataclass(frozen=True)
class CardNote:
    """One Anki note: fields in the note type's fixed order, tags, and the identity Anki keys on."""

    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    location: SourceLocation
    media: tuple[MediaFile, ...] = ()
    sort_field: str = ""
    subdeck: str = ""  # the case's first area of interest, as written; used by subdecks_by_area
