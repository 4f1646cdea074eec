"""Cloze stage: turns a case's facts into Anki notes of the deck's own note type.

Pure functions of their inputs. A note's identity (its GUID) comes from the fact's
``(case_id, kind, key)`` only, never from its wording, so rewording a sentence updates the
student's existing note instead of adding a duplicate, and inserting a fact leaves every other
note's identity alone.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from deckbuilder import notetype
from deckbuilder.model import CardNote, CaseNote, Cloze, Fact, MediaFile
from deckbuilder.slug import slug

# Bump only if every note in every student's collection should be duplicated: it changes all GUIDs.
_GUID_NAMESPACE = "deckbuilder/v1"
_GUID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

_SECTION_TITLES = {
    "clinical-history": "Clinical History",
    "imaging-findings": "Imaging Findings",
    "discussion": "Discussion",
    "differential-diagnosis": "Differential Diagnosis List",
    "final-diagnosis": "Final Diagnosis",
}


def note_guid(case_id: str, kind: str, key: str) -> str:
    """The note's GUID: a stable function of the fact's case, kind and key.

    Args:
        case_id: The case's ``id`` from its front matter.
        kind: The fact kind (rule kind), e.g. ``sequence-appearance``.
        key: The fact's key within its case and kind, e.g. ``swi``.

    Returns:
        An 11-character alphanumeric string (64 bits of SHA-256).
    """
    payload = "\x1f".join((_GUID_NAMESPACE, case_id, kind, key)).encode("utf-8")
    number = int.from_bytes(hashlib.sha256(payload).digest()[:8], "big")
    digits = []
    for _ in range(11):
        number, rem = divmod(number, len(_GUID_ALPHABET))
        digits.append(_GUID_ALPHABET[rem])
    return "".join(reversed(digits))


def clean_tag(tag: str) -> str:
    """A user tag as written, hierarchy kept, with whitespace runs (never allowed) as hyphens."""
    parts = [re.sub(r"\s+", "-", part.strip()) for part in tag.split("::")]
    return "::".join(p for p in parts if p)


def render_cloze_text(text: str, clozes: Sequence[Cloze]) -> str:
    """HTML-escapes ``text``; cloze spans become ``{{cN::answer}}`` or ``{{cN::answer::hint}}``.

    Raises:
        ValueError: a span is empty, out of range or overlaps another, or its index is below 1.
    """
    out: list[str] = []
    pos = 0
    for cloze in sorted(clozes, key=lambda c: (c.start, c.end)):
        if cloze.index < 1:
            raise ValueError(f"cloze index must be 1 or more, got {cloze.index}")
        if not 0 <= cloze.start < cloze.end <= len(text):
            raise ValueError(f"cloze span {cloze.start}..{cloze.end} is outside the text")
        if cloze.start < pos:
            raise ValueError(f"cloze span {cloze.start}..{cloze.end} overlaps another")
        out.append(_escape_plain(text[pos : cloze.start]))
        answer = _escape_cloze_part(text[cloze.start : cloze.end])
        hint = f"::{_escape_cloze_part(cloze.hint)}" if cloze.hint else ""
        out.append(f"{{{{c{cloze.index}::{answer}{hint}}}}}")
        pos = cloze.end
    out.append(_escape_plain(text[pos:]))
    return "".join(out)


def _escape_plain(value: str) -> str:
    # Braces outside the cloze spans are text, never markup: a stray "{{c1::" in a source
    # sentence must not become a card of its own.
    escaped = html.escape(value, quote=False)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def _escape_cloze_part(value: str) -> str:
    # Anki parses cloze syntax on the raw field, so "::" or braces inside an answer would end it
    # early; character references render the same but are not syntax.
    escaped = html.escape(value, quote=False)
    return escaped.replace(":", "&#58;").replace("{", "&#123;").replace("}", "&#125;")


def build_card_notes(
    case: CaseNote, facts: Sequence[Fact], figures: Mapping[str, MediaFile]
) -> list[CardNote]:
    """Turns the facts of one case into notes, in the order of ``facts``.

    Args:
        case: The parsed case the facts come from (title, authors, links, areas, tags).
        facts: The case's facts; each becomes one note.
        figures: Figure label (``"Figure 2b"``) to the media file shipped for it. A fact whose
            source sentence cites a figure shows it on the back.

    Returns:
        One ``CardNote`` per fact, fields in ``notetype.FIELD_NAMES`` order.

    Raises:
        ValueError: a fact's cloze spans are invalid (a bug in the rule that made it).
    """
    case_html = _case_html(case)
    case_tags = _case_tags(case)
    notes: list[CardNote] = []
    for fact in facts:
        media = _cited_media(fact.source.figure_labels, figures)
        fields = [""] * len(notetype.FIELD_NAMES)
        fields[notetype.TEXT] = render_cloze_text(fact.text, fact.clozes)
        fields[notetype.EXTRA] = _extra_html(fact)
        fields[notetype.SOURCE] = _source_html(fact)
        fields[notetype.CASE] = case_html
        fields[notetype.FIGURE] = "".join(_figure_html(label, m) for label, m in media)
        notes.append(
            CardNote(
                guid=note_guid(fact.case_id, fact.kind, fact.key),
                fields=tuple(fields),
                tags=_unique(
                    [f"fact::{slug(fact.kind)}", *case_tags, *(clean_tag(t) for t in fact.tags)]
                ),
                location=fact.location,
                media=tuple(_unique_media(m for _, m in media)),
                sort_field=fact.text,
                subdeck=case.meta.areas[0] if case.meta.areas else "",
            )
        )
    return notes


def _case_tags(case: CaseNote) -> list[str]:
    meta = case.meta
    tags = [f"case::{clean_tag(meta.case_id)}"]
    # The first area tag comes first: with ``subdecks_by_area`` it names the note's subdeck.
    tags += [f"area::{slug(a)}" for a in meta.areas if slug(a)]
    tags += [f"modality::{slug(m)}" for m in meta.modalities if slug(m)]
    tags += [clean_tag(t) for t in meta.tags]
    return tags


def _unique(tags: Iterable[str]) -> tuple[str, ...]:
    # Anki treats tags case-insensitively: keep the first spelling of each.
    kept: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        if tag and tag.lower() not in seen:
            seen.add(tag.lower())
            kept.append(tag)
    return tuple(kept)


def _unique_media(media: Iterable[MediaFile]) -> list[MediaFile]:
    by_name: dict[str, MediaFile] = {}
    for m in media:
        by_name.setdefault(m.package_name, m)
    return list(by_name.values())


def _cited_media(
    labels: Sequence[str], figures: Mapping[str, MediaFile]
) -> list[tuple[str, MediaFile]]:
    """Figures a sentence cites; "Figure 2" also picks up declared parts "Figure 2a", "2b"."""
    by_lower = {label.lower(): label for label in figures}
    chosen: dict[str, MediaFile] = {}
    for cited in labels:
        key = cited.strip().lower()
        if key in by_lower:
            matches = [by_lower[key]]
        else:
            matches = sorted(
                label
                for low, label in by_lower.items()
                if low.startswith(key) and re.fullmatch(r"[a-z]", low[len(key) :])
            )
        for label in matches:
            chosen.setdefault(label, figures[label])
    return list(chosen.items())


def _figure_html(label: str, media: MediaFile) -> str:
    src = html.escape(media.package_name, quote=True)
    caption = html.escape(label, quote=False)
    return (
        f'<figure><img src="{src}" alt="{html.escape(label, quote=True)}">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def _extra_html(fact: Fact) -> str:
    if not fact.subject:
        return ""
    return f'<span class="db-subject">{html.escape(fact.subject, quote=False)}</span>'


def _source_html(fact: Fact) -> str:
    sentence = html.escape(fact.source.text, quote=False)
    section_value = getattr(fact.source.section, "value", str(fact.source.section))
    section = _SECTION_TITLES.get(section_value, "")
    where = f'<div class="db-source-section">{html.escape(section)}</div>' if section else ""
    return f"<blockquote>{sentence}</blockquote>{where}"


def _safe_url(url: str | None) -> str | None:
    # Only web links: a "javascript:" or "file:" link in front matter must never reach a card.
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def _case_html(case: CaseNote) -> str:
    meta = case.meta
    title = html.escape(meta.title, quote=False)
    url = _safe_url(meta.source_url)
    if url:
        title = f'<a href="{html.escape(url, quote=True)}">{title}</a>'
    lines = [f'<div class="db-case-title">{title}</div>']
    details = [f"Case {html.escape(meta.case_id, quote=False)}"]
    if meta.authors:
        details.append(html.escape(", ".join(meta.authors), quote=False))
    if meta.published:
        details.append(html.escape(meta.published, quote=False))
    lines.append(f'<div class="db-case-meta">{" · ".join(details)}</div>')
    if meta.license:
        lines.append(
            f'<div class="db-case-license">Licence: {html.escape(meta.license, quote=False)}</div>'
        )
    return "".join(lines)
