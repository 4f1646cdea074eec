"""surgical-indication: when surgery or an intervention is indicated, one cloze per indication.

"Surgical intervention is indicated when there is functional limitation, persistent pain,
neurovascular compromise or severe disfigurement" is one fact with four clozes (c1..c4): one
note, so Anki keeps the four sibling cards together and the note's identity does not depend on
how many indications a later edit lists; each card still hides exactly one indication. The key
is the treatment ("surgical-intervention"). Triggers, treatments and connectors live in
``lexicons/indication.yaml``; a negated or uncertain trigger ("may be indicated") gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import merge_modifiers
from deckbuilder.extract.subject import (
    case_discourse,
    diagnosis_heads,
    final_diagnosis,
    prepare,
    prose_sentences,
)
from deckbuilder.extract.text import (
    affirmed,
    build_fact,
    cloze_spans,
    entity_in_text,
    lexicon_list,
    name_parts,
    norm,
    phrase_regex,
    slug,
    split_items,
    upper_first,
)
from deckbuilder.model import Fact

KIND = "surgical-indication"


@dataclass(frozen=True)
class Indication:
    """Where a sentence names a treatment and the spans of its indications."""

    treatment: str
    items: tuple[tuple[int, int], ...]
    clause_start: int = 0


def find_indication(text: str, lexicon: object) -> Indication | None:
    """The treatment and indication spans a sentence states, or None."""
    table = lexicon.get("indication", {}) or {}  # type: ignore[attr-defined]
    treatments = lexicon_list(lexicon, "indication", "treatments")
    if not treatments:
        return None
    treatment_re = re.compile(rf"(?<![\w])(?:{phrase_regex(treatments)})", re.IGNORECASE)
    for name in ("include", "requires", "treated_by"):
        pattern = table.get(name)
        match = re.search(pattern, text, re.IGNORECASE) if pattern else None
        if match and treatment_re.search(match.group("treatment")):
            start, end = match.span("conditions")
            if not affirmed(text, lexicon, match.start("treatment"), match.end("treatment")):
                continue
            found = _indication(
                match.group("treatment"),
                text,
                start,
                _stop(text, start, end, table),
                table,
                lexicon,
            )
            if found and name == "treated_by":
                # "..., and an acutely bleeding adenoma is treated by X": the card keeps its clause.
                return replace(found, clause_start=match.start("conditions"))
            if found:
                return found
    triggers = lexicon_list(lexicon, "indication", "triggers")
    connectors = lexicon_list(lexicon, "indication", "connectors")
    if not triggers:
        return None
    adverbs = lexicon_list(lexicon, "indication", "adverbs")
    adverb = rf"(?:(?:{phrase_regex(adverbs)})\s+)?" if adverbs else ""
    alternatives = [
        rf"(?:is|are)\s+{adverb}{phrase_regex([t.split(None, 1)[1]])}"
        if t.split()[0] in {"is", "are"} and len(t.split()) > 1
        else phrase_regex([t])
        for t in triggers
    ]
    trigger_re = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE)
    connector_re = re.compile(rf"\s*(?:{phrase_regex(connectors)})\s+", re.IGNORECASE)
    for trigger in trigger_re.finditer(text):
        treatment = re.split(r"[,;:]\s*|\bin which case\s+|\bthen\s+", text[: trigger.start()])[-1]
        treatment = treatment.strip()
        if not treatment_re.search(treatment) or len(treatment.split()) > 8:
            continue
        if not affirmed(text, lexicon, trigger.start(), trigger.end()):
            continue
        connector = connector_re.match(text, trigger.end())
        if trigger.group().lower().endswith((" for", " in")):
            connector = re.compile(r"\s+").match(text, trigger.end())
        if connector:
            start = connector.end()
            end = _stop(text, start, len(text), table)
            found = (
                _indication(treatment, text, start, end, table, lexicon) if end > start else None
            )
            if found:
                return found
        unless = table.get("unless")
        if unless:
            match = re.search(unless, text[: trigger.start()], re.IGNORECASE)
            if match:
                return _indication(treatment, text, *match.span("conditions"), table, lexicon)
    return None


def _stop(text: str, start: int, end: int, table: dict) -> int:
    for stop in table.get("stops", []):
        found = text.find(stop, start, end)
        if found >= 0:
            end = found
    return end


def _indication(
    treatment: str, text: str, start: int, end: int, table: dict, lexicon: object = None
) -> Indication | None:
    every = table.get("every_reason")
    match = re.match(every, text[start:end], re.IGNORECASE) if every else None
    if match:
        # "for every adenoma because of the risk of X": X is what justifies the treatment.
        start += match.end()
    elif table.get("reason"):
        reason = re.search(table["reason"], text[start:end], re.IGNORECASE)
        if reason:
            end = start + reason.start()
    spans = merge_modifiers(text[start:end], split_items(text[start:end]), lexicon)
    items = tuple((start + s, start + e) for s, e in spans)
    if not items:
        return None
    treatment = re.sub(r"^(?:the|a|an)\s+", "", treatment.strip(), flags=re.IGNORECASE)
    return Indication(treatment, items)


def _entity(ctx: CaseContext) -> str:
    """Treatment applies to the case's diagnosis when the Discussion names it, else the subject."""
    heads = diagnosis_heads(final_diagnosis(ctx.case), ctx.lexicon)
    prose = " ".join(s.text for s in prose_sentences(ctx.sentences))
    if heads and entity_in_text(prose, [heads[0]]):
        return heads[0]
    return ctx.subject


def run(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    for sentence in prose_sentences(ctx.sentences):
        if find_indication(sentence.text, ctx.lexicon) is None:
            continue
        entity = _entity(ctx)
        text, entity = prepare(disc, sentence, ctx.lexicon, entity)
        found = find_indication(text, ctx.lexicon)
        if found is None:
            continue
        items = list(found.items)
        if found.clause_start:
            text = upper_first(text[found.clause_start :])
            items = [(s - found.clause_start, e - found.clause_start) for s, e in items]
            parts = name_parts(
                cloze_spans(text, items), entity, disc.names_for(entity), disc.proper_words
            )
        else:
            parts = cloze_spans(text, items)
        yield build_fact(
            ctx, sentence, KIND, slug(norm(found.treatment)), entity, parts, tags=("management",)
        )


RULE = Rule(
    name="indication",
    kind=KIND,
    priority=30,
    doc="When surgery or an intervention is indicated: one fact per treatment, a cloze each.",
    run=run,
)
