"""distinguishing-feature: what tells a disease from an alternative.

Three forms are read from the Discussion. A contrast ("it shows a high ADC, in contrast to
Warthin tumours, which usually have a low ADC"; "which distinguishes it from X, which ...") hides
the entity's own feature and each feature of the alternative. "Should be regarded as X until
proven otherwise" hides X. A sentence whose subject is an alternative of the Differential
Diagnosis List ("Warthin tumour, the second most common parotid tumour, affects older men who
smoke, ... and takes up pertechnetate") hides the term of each of its predicates. Patterns live
in ``lexicons/contrast.yaml``; predicates are read by :mod:`deckbuilder.extract.clauses`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import complement, predicates
from deckbuilder.extract.differential import differential_items
from deckbuilder.extract.subject import (
    case_discourse,
    final_diagnosis,
    names_kind_of,
    prose_sentences,
)
from deckbuilder.extract.text import (
    affirmed,
    build_fact,
    clean,
    cloze_spans,
    name_parts,
    norm,
    resolve_anaphora,
    singular,
    slug,
    upper_first,
)
from deckbuilder.model import Fact

KIND = "distinguishing-feature"
MAX_CARD = 400

_CLAUSE_START = re.compile(r"(?:,\s*(?:and|but)\s+|;\s*|,\s*while\s+|,\s*whereas\s+)")


def _table(lexicon: Any) -> dict[str, Any]:
    return lexicon.get("contrast", {}) or {}


def find_contrast(text: str, lexicon: Any) -> tuple[int, list[tuple[int, int]], str] | None:
    """Where the contrast's clause starts, the spans to hide and the alternative's name."""
    for pattern in _table(lexicon).get("contrasts", []):
        match = re.search(pattern, text, re.IGNORECASE)
        if not match or not affirmed(text, lexicon, match.start("predicate"), match.end()):
            continue
        starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, match.start())]
        clause_start = starts[-1] if starts else 0
        spans: list[tuple[int, int]] = []
        if text[clause_start : match.start()].strip(" ,"):
            own = complement(text, clause_start, match.start(), lexicon, last=True)
        else:
            # "Unlike Y, which are fusiform, X are typically eccentric": X's feature follows.
            comma = text.find(", ", match.start("predicate"))
            own = complement(text, comma + 2, len(text), lexicon) if comma > 0 else None
        if own:
            spans.append(own)
        for start, end in predicates(text, *match.span("predicate"), lexicon) or [
            match.span("predicate")
        ]:
            other = complement(text, start, end, lexicon)
            if other:
                spans.append(other)
        if len(spans) >= 1 and any(s >= match.start() for s, _ in spans):
            return clause_start, sorted(spans), match.group("other")
    return None


def _contrast_facts(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    for sentence in prose_sentences(ctx.sentences):
        raw = clean(sentence.text)
        if find_contrast(raw, ctx.lexicon) is None:
            continue
        topic = disc.topic(sentence)
        found = find_contrast(raw, ctx.lexicon)
        assert found is not None
        clause_start, spans, other = found
        body = raw[clause_start:]
        spans = [(s - clause_start, e - clause_start) for s, e in spans]
        resolved, _ = resolve_anaphora(body, topic, ctx.lexicon, disc.proper_words)
        # Only a leading anaphor is replaced before the spans; abbreviations are spelled out
        # piecewise so the spans move with them.
        shift = len(resolved) - len(body)
        spans = [(s + shift, e + shift) for s, e in spans]
        body, spans = _expand(disc, resolved, spans)
        body = upper_first(body)
        if len(body) > MAX_CARD:
            continue
        parts = cloze_spans(body, spans)
        if not names_kind_of(disc, body, topic, ctx.lexicon):
            parts = name_parts(parts, topic, disc.names_for(topic), disc.proper_words)
        yield build_fact(
            ctx,
            sentence,
            KIND,
            slug(f"{singular(topic)} vs {other}")[:60].rstrip("-"),
            topic,
            parts,
            tags=("diagnosis",),
        )


def _expand(
    disc: Any, text: str, spans: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    pieces: list[str] = []
    moved: list[tuple[int, int]] = []
    position = 0
    for start, end in spans:
        pieces.append(disc.expand(text[position:start]) if position else text[:start])
        if position == 0:
            pieces[-1] = disc.expand(text[:start])
        answer_start = sum(len(p) for p in pieces)
        pieces.append(text[start:end])
        moved.append((answer_start, answer_start + end - start))
        position = end
    pieces.append(disc.expand(text[position:]) if position else disc.expand(text))
    return "".join(pieces), moved


def _until_proven(ctx: CaseContext) -> Iterator[Fact]:
    pattern = _table(ctx.lexicon).get("until_proven")
    if not pattern:
        return
    for sentence in prose_sentences(ctx.sentences):
        text = clean(sentence.text)
        match = re.search(pattern, text, re.IGNORECASE)
        if not match or not affirmed(text, ctx.lexicon, *match.span()):
            continue
        if len(text) > MAX_CARD:
            continue
        parts = cloze_spans(upper_first(text), [match.span("item")])
        yield build_fact(
            ctx,
            sentence,
            KIND,
            slug(match.group("item")),
            match.group("item"),
            parts,
            tags=("diagnosis",),
        )


def _alternative_facts(ctx: CaseContext) -> Iterator[Fact]:
    diagnosis = norm(final_diagnosis(ctx.case))
    names = [n for n, _ in differential_items(ctx) if norm(n) not in diagnosis]
    if not names:
        return
    for sentence in prose_sentences(ctx.sentences):
        text = clean(sentence.text)
        match = None
        alternative = ""
        for name in names:
            # "Warthin tumour, the second most common parotid tumour, affects ..."
            match = re.match(
                rf"(?:the\s+)?{re.escape(singular(name))}s?(?:,\s*(?:the|a|an)\s[^,;]{{2,60}},)?\s+",
                text,
                re.IGNORECASE,
            )
            if match:
                alternative = name
                break
        if match is None:
            continue
        spans: list[tuple[int, int]] = []
        found_all = predicates(text, match.end(), len(text), ctx.lexicon)
        # A negated or uncertain predicate ("is not seen", "may possibly") spoils the sentence.
        if not all(affirmed(text, ctx.lexicon, a, b) for a, b in found_all):
            continue
        for start, end in found_all:
            found = complement(text, start, end, ctx.lexicon)
            if found:
                spans.append(found)
        if not spans or len(text) > MAX_CARD:
            continue
        parts = cloze_spans(text, spans)
        yield build_fact(
            ctx, sentence, KIND, slug(alternative), alternative, parts, tags=("diagnosis",)
        )


def run(ctx: CaseContext) -> Iterator[Fact]:
    yield from _contrast_facts(ctx)
    yield from _until_proven(ctx)
    yield from _alternative_facts(ctx)


RULE = Rule(
    name="contrast",
    kind=KIND,
    priority=45,
    doc="What tells a disease from an alternative: one cloze per feature of each side.",
    run=run,
)
