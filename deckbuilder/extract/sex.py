"""sex-predominance: which sex a disease favours ("female predominance", "F:M ratio 5:1").

Read from the Discussion only. Patterns live in ``lexicons/sex.yaml``, tried in order; the first
that matches a sentence gives its one fact, hiding the favoured sex (or the ratio). A negated or
uncertain statement ("no female predominance was found in our series") gives nothing; a stated
absence of predominance ("no sex predilection") is itself a fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.subject import case_discourse, prepare, prose_sentences
from deckbuilder.extract.text import (
    affirmed,
    build_fact,
    clause_of,
    cloze_spans,
    name_parts,
    singular,
    slug,
)
from deckbuilder.model import Fact

KIND = "sex-predominance"


def find_sex(text: str, lexicon: object) -> list[tuple[int, int]]:
    """The spans to hide (the favoured sex, then any ratio) in a sentence stating a sex
    predominance; empty when it states none."""
    table = lexicon.get("sex", {}) or {}  # type: ignore[attr-defined]
    for pattern in table.get("equal", []):
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            return [match.span("answer")]
    for pattern in table.get("patterns", []):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if affirmed(text, lexicon, match.start(), match.end()) and _about_subject(
                text, match.start()
            ):
                groups = match.groupdict()
                return [match.span(g) for g in ("answer", "amount") if groups.get(g)]
    return []


def _about_subject(text: str, start: int) -> bool:
    # "..., which is more frequent in men" speaks of the noun before "which", not the disease.
    clause = re.split(r"[,;(]", text[:start])[-1]
    return not re.search(r"\b(?:which|that|whose)\b", clause, re.IGNORECASE)


def run(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    for sentence in prose_sentences(ctx.sentences):
        text, entity = prepare(disc, sentence, ctx.lexicon)
        spans = find_sex(text, ctx.lexicon)
        if not spans:
            continue
        clause, offset = clause_of(text, spans[0][0])
        spans = [(a - offset, b - offset) for a, b in spans]
        parts = name_parts(
            cloze_spans(clause, spans), entity, disc.names_for(entity), disc.proper_words
        )
        yield build_fact(
            ctx, sentence, KIND, slug(singular(entity)), entity, parts, tags=("epidemiology",)
        )


RULE = Rule(
    name="sex",
    kind=KIND,
    priority=21,
    doc="Which sex a disease favours, from the Discussion: one fact per sentence.",
    run=run,
)
