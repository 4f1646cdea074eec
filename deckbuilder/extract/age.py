"""age-distribution: the ages a disease affects ("between 20 and 40 years", "sixth decade").

Only general statements count, so only the Discussion is read (the patient's own age is on the
final-diagnosis card). A sentence needs an age cue ("affects", "decade", "age", "peak") and an
age expression not preceded by a duration cue ("after 5 years", "5-year survival"). Each age of
a list ("<15 years and 45–54 years") is its own cloze of one fact keyed by the subject.
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
    spans: list[tuple[int, int]] = []
    patterns = list(table.get("patterns", []))
    for pattern in patterns + list(table.get("groups", [])):
        if spans and pattern not in patterns:
            break  # a numeric age says more than "young adults"

        for match in re.finditer(pattern, text, re.IGNORECASE):
            start, end = match.start(), match.end()
            if any(start < e and s < end for s, e in spans):
                continue
            window = text[max(0, start - 25) : start]
            if excluded and excluded.search(window):
                continue
            if re.match(r"[-\u2013]?(?:year|month)", text[end : end + 6], re.I):
                continue  # "5-year survival" is a duration, not an age
            spans.append((start, end))
    return sorted(spans)


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
        spans = [
            (s, e) for s, e in find_ages(text, ctx.lexicon) if affirmed(text, ctx.lexicon, s, e)
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
