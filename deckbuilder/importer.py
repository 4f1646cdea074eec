"""Import: a Eurorad case copied from its web page as plain text → a case note in Markdown.

A pure function of the text (no file I/O); the CLI reads the input and writes the note. The input
layout is the one a reader gets by copying a Eurorad case page::

    CASE 18177 Published on 13.06.2023
    <title>
    <authors, comma separated>
    <institution>
    57 years, female                       (or "14 months, male"; may be missing)
    Area of Interest A ; B ; Imaging Technique X ; Y
    Clinical History
    ...
    Imaging Findings
    ...                                    (then the discussion, with or without its heading)
    Differential Diagnosis List
    one diagnosis per line
    Final Diagnosis
    ...
    References                             (optional)

Figure legends (a ``Figure 1`` line followed by ``Description:``/``Origin:`` lines) may appear
anywhere in the body; they are gathered under ``## Figures``. No text of the body is dropped:
whitespace is normalised, nothing else changes. Text is not Markdown-escaped on purpose: case
notes are read literally ("T2*" is a sequence name, see ``deckbuilder.markup``) and a backslash
would leak into the plain text that facts are cut from.

Finding where the discussion starts when the page has no ``Discussion`` heading (Eurorad often
prints none): the first paragraph after ``Imaging Findings`` is always a finding. Each following
paragraph is scored for cues that it describes *this patient* (figure citations, past-tense report
verbs, measurements other than thresholds such as "larger than 4 cm", "the patient"/"our case")
against cues that it is *general text* (present-tense and modal verbs, literature citations such as
``[1,3]`` or ``(5)``, plural "patients"/"cases", and for telegraphic notes an opening definition "X
= ..." or teaching label such as "Epidemiology:"). The discussion starts at the first paragraph
whose general score is at least 2 and beats its patient score; every paragraph after it belongs to
the discussion. When none qualifies, everything stays under Imaging Findings and a warning says so.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml

from deckbuilder.model import Diagnostic, SourceLocation, error, warning
from deckbuilder.slug import slug as make_slug

EURORAD_LICENSE = "CC BY-NC-SA 4.0"
EURORAD_CASE_URL = "https://www.eurorad.org/case/{case_id}"
MAX_SLUG_LENGTH = 60

# Canonical order of the body; headings as written in the note.
_SECTION_HEADINGS: dict[str, str] = {
    "clinical-history": "Clinical History",
    "imaging-findings": "Imaging Findings",
    "discussion": "Discussion",
    "differential": "Differential Diagnosis List",
    "final": "Final Diagnosis",
    "figures": "Figures",
    "references": "References",
}

_HEADING_RE = re.compile(
    r"^#*\s*(?P<name>clinical\s+history|imaging\s+findings|discussion"
    r"|differential\s+diagnos[ie]s(?:\s+list)?|final\s+diagnosis|references?|bibliography)"
    r"\s*(?:(?::|\s[–—-])\s*(?P<inline>.*))?$",
    re.IGNORECASE,
)
_CASE_RE = re.compile(r"^case\b[\s:#]*(?:no\.?\s*|number\s*)?(?P<id>\S+)(?P<rest>.*)$", re.I)
_PUBLISHED_RE = re.compile(r"\bpublished\b(?:\s*on)?\s*:?\s*(?P<date>.*)$", re.I)
_DATE_RE = re.compile(r"^(\d{1,2})\s*[./–—-]\s*(\d{1,2})\s*[./–—-]\s*(\d{4})\b")
_PATIENT_RE = re.compile(
    r"^(?:(?P<number>\d+)\s*(?P<unit>years?|yrs?|months?|weeks?|days?)(?:\s+old)?)?"
    r"\s*[,;/–—-]?\s*(?P<sex>female|male)?\s*\.?$",
    re.IGNORECASE,
)
_UNITS = {"y": "year", "yr": "year", "year": "year", "month": "month", "week": "week", "day": "day"}
_FIELD_LABEL_RE = re.compile(
    # A label only counts at the start of the line or after a ";", never inside a value.
    r"(?:^|(?<=;))\s*(?P<label>areas?\s+of\s+interest|imaging\s+techniques?|procedures?|special\s+focus)"
    r"\s*[:–—]?",
    re.IGNORECASE,
)
_LEGEND_RE = re.compile(
    r"^(?P<label>fig(?:ure)?s?\.?\s*\d+[a-z]?(?:\s*[–—-]\s*\d*[a-z])?)"
    r"\s*(?:(?:[:.]|\s[–—-])\s*(?P<caption>.*))?$",
    re.IGNORECASE,
)
_LEGEND_FIELD_RE = re.compile(
    r"^(?P<label>description|origin|caption|legend)\s*:\s*(?P<text>.*)$", re.IGNORECASE
)
_BULLET_RE = re.compile(r"^(?:[-*•·–—]|\d+[.)])\s+")
# In prose sections only unmistakable bullets count: a dash may begin a continued sentence.
_PROSE_BULLET_RE = re.compile(r"^([-*•·]|\d{1,3}[.)])\s+")

# Cues for the discussion heuristic (see the module docstring).
_FIGURE_CITE_RE = re.compile(r"\bfig(?:ure)?s?\.?\s*\d", re.IGNORECASE)
_PATIENT_PHRASE_RE = re.compile(
    r"\b(?:the|our|this)\s+(?:patient|case|child|infant|neonate|boy|girl|man|woman)\b"
    r"|\bin\s+our\b|\bwe\b",
    re.IGNORECASE,
)
_MEASUREMENT_RE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:x\s*\d+(?:[.,]\d+)?\s*)*(?:mm|cm|ml)\b", re.I)
# A side ("the left femoral head") or a moment of the patient's course ("at presentation") is
# how report text written in the present tense still tells of one patient.
_LATERALITY_RE = re.compile(r"\b(?:left|right)\b", re.IGNORECASE)
_COURSE_RE = re.compile(
    r"\b(?:at|on)\s+(?:presentation|admission|arrival|follow-up|discharge)\b", re.IGNORECASE
)
_PAST_VERB_RE = re.compile(
    r"\b(?:was|were|had|showed|revealed|demonstrated|depicted|displayed|exhibited|underwent)\b",
    re.IGNORECASE,
)
_GENERAL_VERB_RE = re.compile(
    r"\b(?:is|are|may|can|might|could|should|typically|usually|often|commonly|frequently"
    r"|rarely|generally|include|includes|occurs?|affects?|patients|cases)\b",
    re.IGNORECASE,
)
_LITERATURE_CITE_RE = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]|\(\d+(?:\s*[,–-]\s*\d+)*\)")
# Telegraphic teaching text has few verbs; its openings give it away instead: a definition
# ("Hepatic haemangioma = most common benign liver tumour", "TOA (tubo-ovarian abscess) = ...")
# or a teaching label ("Epidemiology:", "Key points", "DDx:") at the start of the paragraph.
_THRESHOLD_RE = re.compile(
    r"(?:\b(?:than|under|over|above|below|exceeding|beyond|up\s+to|at\s+least|use)|[<>≤≥])\s*$",
    re.IGNORECASE,
)
_DEFINITION_OPENING_RE = re.compile(r"^[A-Z][^.:=\n]{1,80}?\s=\s")
_TEACHING_LABEL_RE = re.compile(
    r"^(?:\d+[.)]\s*)?(?:epidemiology|pathology|patho(?:physiology|genesis)|aetiology|etiology"
    r"|risk\s+factors|clinical\s+(?:features|presentation)|management|treatment|prognosis"
    r"|complications|ddx|differential(?:\s+diagnos[ie]s)?|key\s+points|teaching\s+points"
    r"|learning\s+points|take[- ]home\s+(?:points|messages?)|imaging(?:\s+features)?"
    r"|imaging\s+by\s+modality|background|definition)\b\s*:?",
    re.IGNORECASE | re.MULTILINE,
)

_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES_RE = re.compile(r"\s+")
_ID_INVALID_RE = re.compile(r"[^A-Za-z0-9._-]+")

_Locate = Callable[[int], SourceLocation]


@dataclass(frozen=True)
class ImportedCase:
    """A case note made from a Eurorad case.

    Attributes:
        case_id: The Eurorad case number, limited to letters, digits, ".", "_" and "-".
        file_name: ``<case_id>-<slug>.md``, the slug made from the title (ASCII, at most 60 chars).
        markdown: The case note (front matter and sections), ending with exactly one newline.
    """

    case_id: str
    file_name: str
    markdown: str


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based line number in the input
    text: str  # whitespace-normalised, stripped


@dataclass(frozen=True)
class _Paragraph:
    line: int
    text: str


@dataclass
class _Region:
    """The lines under one heading of the input."""

    kind: str
    heading_line: int
    lines: list[_Line] = field(default_factory=list)


def import_case(text: str, src_path: str) -> tuple[ImportedCase | None, list[Diagnostic]]:
    """Turns the plain text of a Eurorad case page into a case note.

    Args:
        text: The copied page; CRLF or CR line ends, a byte-order mark and odd spacing are fine.
        src_path: The input's path as shown in diagnostics.

    Returns:
        The imported case, or None when the text cannot be read as a case at all (empty, no
        case number, no title, no section), and diagnostics pointing at lines of the input.
    """
    diagnostics: list[Diagnostic] = []

    def at(line: int) -> SourceLocation:
        return SourceLocation(src_path, line)

    lines = _split_lines(text)
    non_blank = [line for line in lines if line.text]
    if not non_blank:
        return None, [error(at(1), "input is empty")]

    heading_index = next(
        (i for i, line in enumerate(lines) if _HEADING_RE.match(line.text)), len(lines)
    )
    case_index = next(
        (i for i in range(heading_index) if _case_match(lines[i].text) is not None), None
    )
    if case_index is None:
        return None, [
            error(
                at(non_blank[0].number),
                "no case number found (expected 'CASE <number> Published on DD.MM.YYYY')",
            )
        ]
    skipped = [line for line in lines[:case_index] if line.text]
    if skipped:
        diagnostics.append(
            warning(at(skipped[0].number), "text before the 'CASE' line is not part of the case")
        )

    case_line = lines[case_index]
    case_match = _case_match(case_line.text)
    assert case_match is not None
    case_id = _sanitise_id(case_match.group("id").rstrip(":,;–—-"))
    if case_id != case_match.group("id").rstrip(":,;–—-"):
        diagnostics.append(
            warning(
                at(case_line.number), f"case number contains unusual characters; using {case_id!r}"
            )
        )
    if not case_id:
        return None, [*diagnostics, error(at(case_line.number), "case number is empty")]

    header_lines = lines[case_index + 1 : heading_index]
    published, date_line = _published_date(case_match.group("rest"), case_line, header_lines)
    if isinstance(published, str):
        diagnostics.append(warning(at(date_line), published))
        published = None
    header = _parse_header(header_lines, date_line, at, diagnostics)
    if header.title is None:
        diagnostics.append(error(at(case_line.number), "no title found after the 'CASE' line"))
        return None, diagnostics
    end_of_header = lines[heading_index].number if heading_index < len(lines) else lines[-1].number
    if header.patient is None:
        diagnostics.append(
            warning(
                at(end_of_header),
                "no patient line found (expected e.g. '57 years, female'); patient left out",
            )
        )
    if not header.areas and not header.modalities:
        diagnostics.append(
            warning(
                at(end_of_header),
                "no 'Area of Interest ... ; Imaging Technique ...' line found",
            )
        )

    if heading_index == len(lines):
        diagnostics.append(
            error(
                at(case_line.number),
                "no section found (expected headings such as 'Clinical History', "
                "'Imaging Findings', 'Final Diagnosis')",
            )
        )
        return None, diagnostics

    sections = _parse_body(lines[heading_index:], at, diagnostics)

    front_matter: dict[str, object] = {"id": case_id, "title": header.title}
    if published is not None:
        front_matter["published"] = published
    if header.authors:
        front_matter["authors"] = header.authors
    if header.institution:
        front_matter["institution"] = header.institution
    if header.patient:
        front_matter["patient"] = header.patient
    if header.areas:
        front_matter["area"] = header.areas
    if header.modalities:
        front_matter["modality"] = header.modalities
    front_matter["source"] = EURORAD_CASE_URL.format(case_id=case_id)
    front_matter["license"] = EURORAD_LICENSE

    markdown = _render(front_matter, sections)
    file_name = f"{case_id}-{slugify(header.title)}.md"
    return ImportedCase(case_id, file_name, markdown), diagnostics


def slugify(title: str) -> str:
    """Lowercase ASCII words joined by hyphens, cut at a word boundary to at most 60 characters."""
    slug = make_slug(title)
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug[: MAX_SLUG_LENGTH + 1]
        # Cut at the last hyphen so the slug does not end in half a word, unless one word is
        # longer than the whole limit.
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut[:MAX_SLUG_LENGTH]
        slug = slug[:MAX_SLUG_LENGTH].strip("-")
    return slug or "case"


# --- input ---------------------------------------------------------------------------------------


def _split_lines(text: str) -> list[_Line]:
    # Split only on real line ends (not str.splitlines' form feeds and separators) so that line
    # numbers match what an editor shows.
    raw_lines = re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))
    return [_Line(number, _normalise(raw)) for number, raw in enumerate(raw_lines, start=1)]


def _normalise(raw: str) -> str:
    """Removes invisible characters and collapses any run of spaces (NBSP included)."""
    return _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", raw)).strip()


def _case_match(text: str) -> re.Match[str] | None:
    match = _CASE_RE.match(text)
    # A number is required so that a title such as "Case of ..." is not taken for the header.
    if match is None or not any(ch.isdigit() for ch in match.group("id")):
        return None
    return match


def _sanitise_id(raw: str) -> str:
    return _ID_INVALID_RE.sub("-", raw).strip("-")


def _published_date(
    rest: str, case_line: _Line, header_lines: list[_Line]
) -> tuple[datetime.date | str | None, int]:
    """The publication date, a warning message when it is missing or invalid, and its line."""
    date_line = case_line.number
    match = _PUBLISHED_RE.search(rest)
    if match is None:
        # Some copies put the date on a line of its own right after the case number.
        following = next((line for line in header_lines if line.text), None)
        if following is not None and (match := _PUBLISHED_RE.match(following.text)):
            date_line = following.number
    if match is None:
        return "no publication date found (expected 'Published on DD.MM.YYYY')", date_line
    date_match = _DATE_RE.match(match.group("date"))
    if date_match is None:
        return f"cannot read the publication date {match.group('date')!r}", date_line
    day, month, year = (int(part) for part in date_match.groups())
    try:
        return datetime.date(year, month, day), date_line
    except ValueError:
        return f"publication date {date_match.group(0)!r} is not a valid date", date_line


@dataclass
class _Header:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    institution: str | None = None
    patient: dict[str, str] | None = None
    areas: list[str] = field(default_factory=list)
    modalities: list[str] = field(default_factory=list)


def _parse_header(
    header_lines: list[_Line],
    date_line: int,
    at: _Locate,
    diagnostics: list[Diagnostic],
) -> _Header:
    """Title, authors, institution, patient and the labelled fields between CASE and the body."""
    header = _Header()
    paragraphs: list[list[_Line]] = [[]]
    for line in header_lines:
        if not line.text or line.number == date_line:
            paragraphs.append([])
            continue
        patient = _patient(line.text)
        if patient is not None and header.patient is None:
            header.patient = patient
            paragraphs.append([])
        elif _FIELD_LABEL_RE.match(line.text):
            _read_fields(line, header, at, diagnostics)
            paragraphs.append([])
        else:
            paragraphs[-1].append(line)
    groups = [group for group in paragraphs if group]
    # Usually title, authors and institution are separated by blank lines; a compact copy without
    # blank lines is read one line per item instead.
    if len(groups) < 3:
        groups = [[line] for group in groups for line in group]
    if not groups:
        return header
    header.title = " ".join(line.text for line in groups[0])
    if len(groups) > 1:
        joined = ", ".join(line.text for line in groups[1])
        header.authors = [name.strip() for name in re.split(r"[,;]", joined) if name.strip()]
    else:
        diagnostics.append(
            warning(at(groups[0][0].number), "no authors line found after the title")
        )
    if len(groups) > 2:
        header.institution = ", ".join(line.text for group in groups[2:] for line in group)
    return header


def _patient(text: str) -> dict[str, str] | None:
    match = _PATIENT_RE.match(text)
    if match is None or not (match.group("number") or match.group("sex")):
        return None
    patient: dict[str, str] = {}
    if match.group("number"):
        number = int(match.group("number"))
        unit = _UNITS[match.group("unit").lower().rstrip("s")]
        patient["age"] = f"{number} {unit}{'' if number == 1 else 's'}"
    if match.group("sex"):
        patient["sex"] = match.group("sex").lower()
    return patient


def _read_fields(line: _Line, header: _Header, at: _Locate, diagnostics: list[Diagnostic]) -> None:
    """Reads ``Area of Interest A ; B ; Imaging Technique X ; Y`` (either label may be alone)."""
    labels = list(_FIELD_LABEL_RE.finditer(line.text))
    for label, following in zip(labels, [*labels[1:], None], strict=True):
        end = following.start() if following is not None else len(line.text)
        values = [v.strip() for v in line.text[label.end() : end].split(";") if v.strip()]
        name = _SPACES_RE.sub(" ", label.group("label").lower())
        if name.startswith("area"):
            target = header.areas
        elif name.startswith("imaging"):
            target = header.modalities
        else:
            diagnostics.append(
                warning(
                    at(line.number),
                    f"'{label.group('label')}' is not part of the case-note format; not imported",
                )
            )
            continue
        if not values:
            diagnostics.append(warning(at(line.number), f"'{label.group('label')}' has no value"))
        target.extend(v for v in values if v not in target)


# --- body ----------------------------------------------------------------------------------------


def _bare_heading_lines(lines: list[_Line]) -> dict[str, list[int]]:
    """The line numbers of each section heading that stands alone on its line."""
    found: dict[str, list[int]] = {}
    for line in lines:
        heading = _HEADING_RE.match(line.text)
        if heading is not None and not heading.group("inline"):
            found.setdefault(_heading_kind(heading.group("name")), []).append(line.number)
    return found


def _parse_body(
    lines: list[_Line], at: _Locate, diagnostics: list[Diagnostic]
) -> dict[str, list[str]]:
    """Splits the body at its headings; returns each section's blocks as Markdown, in order."""
    regions: dict[str, _Region] = {}
    current: _Region | None = None
    legends: list[str] = []
    bare_headings = _bare_heading_lines(lines)
    for line in lines:
        heading = _HEADING_RE.match(line.text)
        kind = _heading_kind(heading.group("name")) if heading is not None else ""
        # "Differential diagnosis: metastases (...); angiosarcoma (...)" inside the discussion
        # is prose when the section's own heading stands alone further down.
        if (
            heading is not None
            and current is not None
            and heading.group("inline")
            and kind != current.kind
            and any(n > line.number for n in bare_headings.get(kind, ()))
        ):
            heading = None
        if heading is not None:
            if kind in regions:
                diagnostics.append(
                    warning(at(line.number), f"second '{_SECTION_HEADINGS[kind]}' heading; merged")
                )
                current = regions[kind]
                current.lines.append(_Line(line.number, ""))
            else:
                current = regions[kind] = _Region(kind, line.number)
            if heading.group("inline"):
                current.lines.append(_Line(line.number, heading.group("inline")))
            continue
        assert current is not None  # the body starts at a heading
        current.lines.append(line)

    for region in regions.values():
        region.lines, found = _take_legends(region.lines)
        legends.extend(found)

    sections: dict[str, list[str]] = {}
    history = regions.get("clinical-history")
    findings = regions.get("imaging-findings")
    discussion = regions.get("discussion")
    sections["clinical-history"] = _paragraph_blocks(history)
    finding_paragraphs = _paragraphs(findings.lines) if findings else []
    discussion_paragraphs = _paragraphs(discussion.lines) if discussion else []
    if discussion is None and findings is not None:
        split = _discussion_start(finding_paragraphs)
        if split is None:
            if len(finding_paragraphs) > 1:
                diagnostics.append(
                    warning(
                        at(findings.heading_line),
                        "no 'Discussion' heading and no paragraph reads as discussion; all kept "
                        "under Imaging Findings",
                    )
                )
        else:
            discussion_paragraphs = finding_paragraphs[split:]
            finding_paragraphs = finding_paragraphs[:split]
    sections["imaging-findings"] = [p.text for p in finding_paragraphs]
    sections["discussion"] = [p.text for p in discussion_paragraphs]
    differential = regions.get("differential")
    sections["differential"] = [
        "- " + _BULLET_RE.sub("", line.text)
        for line in (differential.lines if differential else [])
        if line.text
    ]
    sections["final"] = _paragraph_blocks(regions.get("final"))
    sections["figures"] = [legend for legend in legends]
    references = regions.get("references")
    sections["references"] = [
        line.text for line in (references.lines if references else []) if line.text
    ]

    for kind in ("clinical-history", "imaging-findings", "differential", "final"):
        if kind in regions and not sections[kind]:
            diagnostics.append(
                warning(at(regions[kind].heading_line), f"'{_SECTION_HEADINGS[kind]}' is empty")
            )
        elif kind not in regions:
            diagnostics.append(
                warning(at(lines[0].number), f"no '{_SECTION_HEADINGS[kind]}' section found")
            )
    return sections


def _heading_kind(name: str) -> str:
    key = _SPACES_RE.sub(" ", name.lower())
    if key.startswith("differential"):
        return "differential"
    if key.startswith("referenc") or key == "bibliography":
        return "references"
    return {
        "clinical history": "clinical-history",
        "imaging findings": "imaging-findings",
        "discussion": "discussion",
        "final diagnosis": "final",
    }[key]


def _take_legends(lines: list[_Line]) -> tuple[list[_Line], list[str]]:
    """Removes figure legends from a region; returns the remaining lines and the legends.

    A legend is a line holding only a figure label (``Figure 1``, ``Fig. 2a``), optionally followed
    by ``:`` and a caption, then any ``Description:``/``Origin:`` lines after it (blank lines
    between them allowed). A sentence such as "Figure 1 shows ..." is body text, not a legend.
    """
    kept: list[_Line] = []
    legends: list[str] = []
    index = 0
    while index < len(lines):
        match = _LEGEND_RE.match(lines[index].text)
        if match is None:
            kept.append(lines[index])
            index += 1
            continue
        label = _SPACES_RE.sub(" ", match.group("label"))
        parts = [match.group("caption")] if match.group("caption") else []
        kept.append(_Line(lines[index].number, ""))
        index += 1
        lookahead = index
        while lookahead < len(lines):
            text = lines[lookahead].text
            field_match = _LEGEND_FIELD_RE.match(text)
            if not text:
                lookahead += 1
                continue
            if field_match is None:
                break
            # "Description:" only labels the caption; other labels (Origin:) carry meaning.
            is_description = field_match.group("label").lower() == "description"
            parts.append(field_match.group("text") if is_description else text)
            kept.extend(_Line(line.number, "") for line in lines[index : lookahead + 1])
            lookahead += 1
            index = lookahead
        legends.append(f"{label}: {' '.join(p for p in parts if p)}" if parts else label)
    return kept, legends


def _paragraphs(lines: list[_Line]) -> list[_Paragraph]:
    """Blank-line separated paragraphs, their lines joined with a space.

    A bulleted line starts a block of its own, written as a Markdown list item, so that pasted
    lists stay one item per block instead of running together. A capitalised line right after a
    list item starts a new paragraph: pasted pages keep one paragraph per line, so it is the
    prose after the list ("Options include ..."), not the item's continuation.
    """
    paragraphs: list[_Paragraph] = []
    current: list[_Line] = []
    for line in [*lines, _Line(0, "")]:
        bullet = _PROSE_BULLET_RE.match(line.text)
        after_item = bool(current) and _PROSE_BULLET_RE.match(current[0].text) is not None
        prose_after_list = after_item and line.text[:1].isupper()
        if current and (not line.text or bullet or prose_after_list):
            paragraphs.append(_Paragraph(current[0].number, " ".join(x.text for x in current)))
            current = []
        if bullet:
            marker = bullet.group(1) if bullet.group(1)[0].isdigit() else "-"
            current.append(_Line(line.number, f"{marker} {line.text[bullet.end() :]}"))
        elif line.text:
            current.append(line)
    return paragraphs


def _paragraph_blocks(region: _Region | None) -> list[str]:
    return [p.text for p in _paragraphs(region.lines)] if region else []


def _discussion_start(paragraphs: list[_Paragraph]) -> int | None:
    """Index of the first paragraph that reads as general text (see the module docstring)."""
    for index, paragraph in enumerate(paragraphs):
        if index == 0:
            continue  # Imaging Findings is never empty
        patient, general = _cue_scores(paragraph.text)
        if general >= 2 and general > patient:
            return index
    return None


def _threshold(text: str, start: int) -> bool:
    """Whether the measurement at ``start`` is a threshold of general text ("larger than 4 cm",
    "under 2 cm", "> 5 mm") rather than a size measured in this patient."""
    return _THRESHOLD_RE.search(text[max(0, start - 16) : start]) is not None


def _cue_scores(text: str) -> tuple[int, int]:
    """(patient, general) cue scores of a paragraph; weights favour the least ambiguous cues."""
    patient = (
        3 * len(_FIGURE_CITE_RE.findall(text))
        + 2 * len(_PATIENT_PHRASE_RE.findall(text))
        + 2 * sum(1 for m in _MEASUREMENT_RE.finditer(text) if not _threshold(text, m.start()))
        + len(_PAST_VERB_RE.findall(text))
        + len(_LATERALITY_RE.findall(text))
        + 2 * len(_COURSE_RE.findall(text))
    )
    general = 2 * len(_LITERATURE_CITE_RE.findall(text)) + len(_GENERAL_VERB_RE.findall(text))
    if _DEFINITION_OPENING_RE.match(text):
        general += 4
    if _TEACHING_LABEL_RE.match(text):
        general += 4
    return patient, general


# --- output --------------------------------------------------------------------------------------


def _render(front_matter: dict[str, object], sections: dict[str, list[str]]) -> str:
    yaml_text = yaml.safe_dump(
        front_matter, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000
    )
    parts = [f"---\n{yaml_text}---\n"]
    for kind, heading in _SECTION_HEADINGS.items():
        blocks = sections.get(kind) or []
        if not blocks:
            continue
        separator = "\n" if kind == "differential" else "\n\n"
        parts.append(f"## {heading}\n\n{separator.join(blocks)}\n")
    return "\n".join(parts)
