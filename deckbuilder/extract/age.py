"""age-distribution: the ages a disease affects ("between 20 and 40 years", "sixth decade").

Only general statements count, so only the Discussion is read (the patient's own age is on the
final-diagnosis card). A sentence needs an age cue ("affects", "decade", "age", "peak") and an
age expression that is neither a duration ("after 5 years", "5-year survival") nor a size
("under 4 cm"). Each age of a list ("<15 years and 45–54 years") is its own cloze of one fact
keyed by the entity the sentence is about: its own subject, or the topic the discourse tracks
(so a paragraph on a differential gives that differential's ages). Life stages count as ages
when a disease affects them ("women of reproductive age", "premenarchal girls"). A rarity word
before a bound ("almost never before 50 years") states the distribution: it stays visible and
does not negate the age.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.subject import case_discourse, prepare, prose_sentences
from deckbuilder.extract.text import (
    Answer,
    affirmed,
    build_fact,
    clause_of,
    lexicon_list,
    name_parts,
    phrase_regex,
    singular,
    slug,
)
from deckbuilder.model import Fact

KIND = "age-distribution"

_UNIT = re.compile(r"\b(?:months?|years?|yrs?|y|decades?|days?|weeks?|life)\b", re.IGNORECASE)
# Bounds that also express time ("after surgery", "until healing"); they need an age frame.
_TIME_BOUND = re.compile(r"(?:before|after|beyond)\b", re.IGNORECASE)


def find_ages(text: str, lexicon: object) -> list[tuple[int, int]]:
    """Spans of the age expressions of ``text`` that describe who a disease affects."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    anchors = lexicon_list(lexicon, "age", "anchors")
    if not anchors or not re.search(rf"(?<![\w-])(?:{phrase_regex(anchors)})", text, re.I):
        return []
    exclusions = lexicon_list(lexicon, "age", "exclusions")
    excluded = (
        re.compile(rf"(?:{phrase_regex(exclusions)})\W*\w*\W*$", re.I) if exclusions else None
    )
    taken: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    for pattern in table.get("patterns", []):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if _overlaps(match.span(), taken) or _conditional(text, match.start(), table):
                continue
            if not _is_age(text, match, table, excluded):
                continue
            taken.append(match.span())
            spans.append(_answer_span(match))
    ranges = [s for s, _ in taken]
    for pattern in table.get("groups", []):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if _overlaps(match.span(), taken) or _conditional(text, match.start(), table):
                continue
            if not (_affected_group(text, match, table) or _labelled(text, match, table)):
                continue
            if _restated(text, match.end(), ranges, table):
                continue
            taken.append(match.span())
            spans.append(_answer_span(match))
    return sorted(spans)


def _restated(text: str, end: int, starts: list[int], table: dict) -> bool:
    """Whether a numeric age right after a group restates it ("young adults between 20 and
    40 years", "women of reproductive age, usually between 20 and 40 years")."""
    restated = table.get("restated")
    if not restated:
        return False
    return any(s >= end and re.match(restated, text[end:s], re.IGNORECASE) for s in starts)


def _conditional(text: str, start: int, table: dict) -> bool:
    """Whether the age sits in a clause that states a condition for an action ("fixation is
    advised in those younger than 10 years", "in women over 45 years malignancy should be
    suspected"): such an age says when to act, not whom the disease affects."""
    condition = table.get("condition")
    if not condition:
        return False
    begin = max(text.rfind(";", 0, start), text.rfind(".", 0, start)) + 1
    stop = min((i for i in (text.find(";", start), len(text)) if i >= 0), default=len(text))
    return re.search(condition, text[begin:stop], re.IGNORECASE) is not None


def _labelled(text: str, match: re.Match[str] | _Span, table: dict) -> bool:
    """Whether an age group is the whole value of a telegraphic label ("Nasopharyngeal
    carcinoma: adults, centred on ..."): the label names the entity, the group who it affects."""
    label = table.get("group_label")
    tail = table.get("group_label_end")
    return bool(
        label
        and tail
        and re.search(label, text[: match.start()], re.IGNORECASE)
        and re.match(tail, text[match.end() :], re.IGNORECASE)
    )


def _label_entity(text: str, lexicon: object) -> str | None:
    """The entity a telegraphic line names before its colon, when its value is an age group
    ("Nasopharyngeal carcinoma: adults, ..."); None for a generic label ("Age: ...")."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    match = re.match(r"([^,;:.()]{3,60}):\s", text)
    if not match:
        return None
    generic = {str(w).lower() for w in table.get("generic_labels", [])}
    if match.group(1).strip().lower() in generic:
        return None
    spans = find_ages(text, lexicon)
    if not any(_labelled(text, _Span(s, e), table) for s, e in spans):
        return None
    return match.group(1).strip()


class _Span:
    """A found span that answers the ``start``/``end`` calls of a regex match."""

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _answer_span(match: re.Match[str]) -> tuple[int, int]:
    if match.groupdict().get("answer") is not None:
        return match.span("answer")
    return match.span()


def _is_age(text: str, match: re.Match[str], table: dict, excluded: re.Pattern[str] | None) -> bool:
    start, end = match.span()
    before, after = text[:start], text[end:]
    if re.match(table.get("units", r"^\s*(?:cm|mm)\b"), after, re.IGNORECASE):
        return False  # "a mass under 4 cm" is a size
    if re.match(r"[-\u2013]?(?:year|month)", after, re.IGNORECASE):
        return False  # "5-year survival" is a duration, not an age
    if table.get("after_event") and re.match(table["after_event"], after, re.IGNORECASE):
        return False  # "2 years after surgery" is a time since an event
    period_end = table.get("period_end")
    if period_end and re.search(period_end, before, re.IGNORECASE):
        return False  # "screened until the age of 7 years" bounds a period of care
    markers = table.get("markers", {}) or {}
    clause = re.split(r"[,;:()]", before)[-1]
    framed = bool(
        (markers.get("before") and re.search(markers["before"], clause, re.IGNORECASE))
        or (markers.get("after") and re.match(markers["after"], after, re.IGNORECASE))
    )
    if not framed and not _UNIT.search(match.group()):
        return False  # a bare number ("under 4") is an age only when framed as one
    if _TIME_BOUND.match(match.group()) and not framed:
        occurrence = table.get("occurrence")
        if not occurrence or not re.search(occurrence, clause, re.IGNORECASE):
            return False
    window = text[max(0, start - 25) : start]
    return framed or not (excluded and excluded.search(window))


def _affected_group(text: str, match: re.Match[str], table: dict) -> bool:
    """Whether an age group is the population a disease affects, not a passing mention."""
    clause = re.split(r"[,;:()]", text[: match.start()])[-1]
    before = table.get("group_before")
    after = table.get("group_after")
    framed = table.get("self_framed")
    return bool(
        (framed and re.match(framed, match.group(), re.IGNORECASE))
        or (before and re.search(before, clause, re.IGNORECASE))
        or (after and re.match(after, text[match.end() :], re.IGNORECASE))
    )


def _unhedged(text: str, lexicon: object) -> str:
    """``text`` with rarity words before an age bound blanked out (same length), so "almost
    never before 50 years" is read as the distribution it states, not as a negation."""
    pattern = (lexicon.get("age", {}) or {}).get("bound_rarity")  # type: ignore[attr-defined]
    if not pattern:
        return text
    return re.sub(pattern, lambda m: " " * len(m.group()), text, flags=re.IGNORECASE)


def _items(answer: str, lexicon: object) -> list[tuple[int, int]]:
    item = (lexicon.get("age", {}) or {}).get("item")  # type: ignore[attr-defined]
    if not item:
        return [(0, len(answer))]
    found = [(m.start(), m.end()) for m in re.finditer(item, answer, re.IGNORECASE)]
    covered = sum(e - s for s, e in found)
    # Split only a real list; "between 6 months and 3 years" is one range.
    if len(found) > 1 and not re.match(r"(?:between|from)\b", answer, re.I) and covered > 0:
        return found
    return [(0, len(answer))]


def run(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    for sentence in prose_sentences(ctx.sentences):
        text, entity = prepare(disc, sentence, ctx.lexicon)
        label = _label_entity(sentence.text, ctx.lexicon)
        if label:
            # "Nasopharyngeal carcinoma: adults, ...": the label names whom the line is about.
            text, entity = prepare(disc, sentence, ctx.lexicon, label)
        plain = _unhedged(text, ctx.lexicon)
        spans = [
            (s, e) for s, e in find_ages(text, ctx.lexicon) if affirmed(plain, ctx.lexicon, s, e)
        ]
        if not spans:
            continue
        first_start = spans[0][0]
        clause, offset = clause_of(text, first_start)
        spans = [(s - offset, e - offset) for s, e in spans if offset <= s < offset + len(clause)]
        parts: list[str | Answer] = []
        position = 0
        index = 0
        for start, end in spans:
            for item_start, item_end in _items(clause[start:end], ctx.lexicon):
                index += 1
                parts.append(clause[position : start + item_start])
                parts.append(Answer(clause[start + item_start : start + item_end], index))
                position = start + item_end
        parts.append(clause[position:])
        if offset:
            parts = name_parts(parts, entity, disc.names_for(entity), disc.proper_words)
        yield build_fact(
            ctx, sentence, KIND, slug(singular(entity)), entity, parts, tags=("epidemiology",)
        )


RULE = Rule(
    name="age",
    kind=KIND,
    priority=20,
    doc="Ages a disease affects, from the Discussion: one fact per sentence, one cloze per age.",
    run=run,
)
