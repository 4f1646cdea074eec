"""Stage 2, parse: ``SourceDocument`` → ``CaseNote`` (front matter, sections, blocks, figures).

Parsing is line-based on purpose: every block keeps the file line it starts on, which is what a
maintainer needs in a diagnostic, and a case note uses only a small part of Markdown (headings,
paragraphs, lists, images).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deckbuilder.frontmatter import parse_front_matter, split_front_matter
from deckbuilder.markup import find_images, to_plain_text
from deckbuilder.model import (
    Block,
    BlockKind,
    CaseNote,
    Diagnostic,
    Figure,
    Section,
    SectionKind,
    SourceDocument,
    SourceLocation,
    error,
    warning,
)

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")

# Heading words → section; matched case-insensitively after dropping punctuation, so "Imaging
# findings:", "DIFFERENTIAL DIAGNOSIS" and "Differential diagnosis list" all land where expected.
SECTION_HEADINGS: dict[str, SectionKind] = {
    "clinical history": SectionKind.CLINICAL_HISTORY,
    "history": SectionKind.CLINICAL_HISTORY,
    "imaging findings": SectionKind.IMAGING_FINDINGS,
    "findings": SectionKind.IMAGING_FINDINGS,
    "discussion": SectionKind.DISCUSSION,
    "differential diagnosis list": SectionKind.DIFFERENTIAL_DIAGNOSIS,
    "differential diagnosis": SectionKind.DIFFERENTIAL_DIAGNOSIS,
    "differential diagnoses": SectionKind.DIFFERENTIAL_DIAGNOSIS,
    "final diagnosis": SectionKind.FINAL_DIAGNOSIS,
    "diagnosis": SectionKind.FINAL_DIAGNOSIS,
    "figures": SectionKind.FIGURES,
    "figure legends": SectionKind.FIGURES,
    "legends": SectionKind.FIGURES,
    "references": SectionKind.REFERENCES,
    "bibliography": SectionKind.REFERENCES,
}


def section_kind(heading: str) -> SectionKind:
    words = re.sub(r"[^a-z ]+", " ", heading.lower())
    return SECTION_HEADINGS.get(" ".join(words.split()), SectionKind.OTHER)


@dataclass
class _OpenSection:
    kind: SectionKind
    heading: str
    location: SourceLocation
    blocks: list[Block] = field(default_factory=list)


@dataclass
class _BodyState:
    """Accumulates the body while walking its lines once."""

    path: str
    sections: list[_OpenSection] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    pending_kind: BlockKind = BlockKind.PARAGRAPH
    pending_line: int = 0

    def flush(self) -> None:
        if not self.pending:
            return
        markdown = "\n".join(self.pending).strip()
        location = SourceLocation(self.path, self.pending_line)
        self.pending = []
        for label, media_path in find_images(markdown):
            self.figures.append(
                Figure(label or f"Figure {len(self.figures) + 1}", media_path, location)
            )
        text = to_plain_text(markdown)
        if not text:
            return
        if not self.sections:
            self.sections.append(_OpenSection(SectionKind.OTHER, "", location))
        self.sections[-1].blocks.append(Block(self.pending_kind, text, markdown, location))

    def start_block(self, kind: BlockKind, line_no: int, first_line: str) -> None:
        self.flush()
        self.pending_kind = kind
        self.pending_line = line_no
        self.pending = [first_line]


def parse_body(lines: list[str], first_line_no: int, path: str) -> _BodyState:
    state = _BodyState(path)
    in_fence = False
    for offset, line in enumerate(lines):
        line_no = first_line_no + offset
        if _FENCE.match(line):
            in_fence = not in_fence
            state.flush()
            continue
        if in_fence:
            continue  # code is not case text
        heading = _HEADING.match(line)
        if heading:
            state.flush()
            title = to_plain_text(heading.group(2))
            if len(heading.group(1)) == 1 and not state.sections:
                continue  # a document title above the sections carries no facts
            state.sections.append(
                _OpenSection(section_kind(title), title, SourceLocation(path, line_no))
            )
            continue
        if not line.strip():
            state.flush()
            continue
        item = _LIST_ITEM.match(line)
        in_differentials = bool(state.sections) and (
            state.sections[-1].kind is SectionKind.DIFFERENTIAL_DIAGNOSIS
        )
        if item:
            state.start_block(BlockKind.LIST_ITEM, line_no, item.group(1))
        elif in_differentials and not line.startswith((" ", "\t")):
            # One diagnosis per line, bullets or not: each line is an item of the list.
            state.start_block(BlockKind.LIST_ITEM, line_no, line)
        elif state.pending:
            state.pending.append(line.strip())
        else:
            state.start_block(BlockKind.PARAGRAPH, line_no, line)
    state.flush()
    return state


def parse_case_note(document: SourceDocument) -> tuple[CaseNote | None, list[Diagnostic]]:
    """Parses one case note; returns None (with errors) when it has no usable front matter."""
    block, body_start, diagnostics = split_front_matter(document.text, document.path)
    if block is None:
        return None, diagnostics
    meta, meta_problems = parse_front_matter(block, document.path)
    diagnostics.extend(meta_problems)
    lines = document.text.split("\n")
    body = parse_body(lines[body_start:], body_start + 1, document.path)
    diagnostics.extend(body.diagnostics)
    sections = tuple(Section(s.kind, s.heading, s.location, tuple(s.blocks)) for s in body.sections)
    diagnostics.extend(_section_problems(sections, document.path, body_start))
    if meta is None:
        return None, diagnostics
    return CaseNote(meta, sections, tuple(body.figures)), diagnostics


def _section_problems(
    sections: tuple[Section, ...], path: str, closing_fence_line: int
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    seen: dict[SectionKind, Section] = {}
    for section in sections:
        if section.kind in (SectionKind.OTHER, SectionKind.FIGURES, SectionKind.REFERENCES):
            continue
        if section.kind in seen:
            first = seen[section.kind].location.line
            problems.append(
                warning(
                    section.location, f"second '{section.heading}' section (first at line {first})"
                )
            )
        else:
            seen[section.kind] = section
    if not any(s.blocks for s in sections):
        problems.append(
            error(
                SourceLocation(path, closing_fence_line),
                "case note has no text after the front matter",
            )
        )
    final = seen.get(SectionKind.FINAL_DIAGNOSIS)
    if final is not None and not final.blocks:
        problems.append(warning(final.location, "'Final Diagnosis' section is empty"))
    return problems
