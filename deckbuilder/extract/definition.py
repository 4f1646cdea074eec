"""definition: what a disease is, its category and what it is made of.

"Angiomyolipoma is a benign mesenchymal tumour of the PEComa family, composed of vessels, smooth
muscle and fat" gives one fact: c1 hides the category ("benign mesenchymal tumour"), and each
component of the composition is a further cloze. Only a sentence whose own subject is the case's
entity (its Discussion subject, the head of its Final Diagnosis, or an abbreviation of either)
counts: "Hypertension is the most important risk factor" defines nothing, and neither does "MR is
the modality of choice". Word lists live in ``lexicons/definition.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import MAX_ANSWER, case_specific, list_items, trim_item
from deckbuilder.extract.subject import (
    case_discourse,
    diagnosis_heads,
    final_diagnosis,
    prepare,
    prose_sentences,
    sentence_subject,
)
from deckbuilder.extract.text import (
    affirmed,
    build_fact,
    clause_of,
    cloze_spans,
    lexicon_list,
    norm,
    phrase_regex,
    singular,
    slug,
)
from deckbuilder.model import Fact

KIND = "definition"


def _words(lexicon: Any, key: str) -> list[str]:
    return lexicon_list(lexicon, "definition", key)


def _is_case_entity(subject: str, names: list[str]) -> bool:
    wanted = {norm(singular(n)) for n in names if n}
    bare = re.sub(r"^(?:the|a|an)\s+", "", norm(subject))
    return norm(singular(bare)) in wanted


def _category(text: str, start: int, lexicon: Any, plural: bool) -> tuple[int, int] | None:
    """The span of the category phrase starting at ``start``, visible modifiers left out."""
    stops = [w for w in _words(lexicon, "category_stops") if w != ","]
    stop = re.compile(rf"\s(?:{phrase_regex(stops)})\s|[,;:.(]", re.IGNORECASE)
    found = stop.search(text, start)
    # "the partial or complete rotation": a lone adjective before "or"/"and" is joined to the
    # next word, not cut from it.
    endings = tuple(lexicon_list(lexicon, "clauses", "adjective_endings"))
    while (
        found
        and re.fullmatch(r"\s(?:or|and)\s", found.group(), re.IGNORECASE)
        and re.fullmatch(r"(?:(?:the|a|an)\s+)?[\w-]+", text[start : found.start()].strip())
        and text[start : found.start()].strip().lower().endswith(endings)
    ):
        found = stop.search(text, found.end())
    end = found.start() if found else len(text)
    head_words = text[start:end].split()
    if not head_words:
        return None
    excluded = {w.lower() for w in _words(lexicon, "excluded_heads")}
    if any(w.lower().strip(",.") in excluded for w in head_words):
        return None
    # "the salivary tumour most likely to be bilateral": a superlative clause is no category.
    clause_words = {w.lower() for w in _words(lexicon, "clause_words")}
    modifiers_re = rf"(?:{phrase_regex(_words(lexicon, 'visible_modifiers'))})\s+"
    lead_end = re.match(modifiers_re, text[start:end], re.IGNORECASE)
    rest_words = text[start + (lead_end.end() if lead_end else 0) : end].lower().split()
    if any(w in clause_words for w in rest_words):
        return None
    if plural:
        heads = {w.lower() for w in _words(lexicon, "category_heads")}
        if head_words[-1].lower() not in heads:
            return None
    modifiers = _words(lexicon, "visible_modifiers")
    if modifiers:
        lead = re.compile(rf"(?:{phrase_regex(modifiers)})\s+", re.IGNORECASE).match(
            text, start, end
        )
        if lead and lead.end() < end:
            start = lead.end()
    start, end = trim_item(text, start, end, lexicon)
    # "is a rare, chronic ..." cut at the comma leaves "rare"; "is a disease of older men" leaves
    # "disease": a bare quality or a bare generic head teaches no category.
    bare = re.sub(r"^(?:the|a|an)\s+", "", text[start:end].strip().lower())
    generic = {w.lower() for w in _words(lexicon, "generic_heads")}
    if bare in generic or bare in {w.lower() for w in modifiers}:
        return None
    vague = {w.lower() for w in _words(lexicon, "vague_heads")}
    if end > start and text[start:end].split()[-1].lower() in vague:
        return _vague_object(text, end, lexicon)
    # "the telescoping of a proximal bowel segment": an action's object is part of it.
    head = text[start:end].split()[-1].lower() if end > start else ""
    if head.endswith(("ation", "ction", "ing", "ment")):
        action = re.compile(
            r"\s+of\s+(?:the\s+|a\s+|an\s+)?[\w-]+(?:\s+(?!(?:of|in|into|around|with|from|by|"
            r"at|on|to|and|or|that|which)\b)[\w-]+){0,2}",
            re.IGNORECASE,
        ).match(text, end)
        if action:
            end = action.end()
    if end <= start or end - start > MAX_ANSWER or len(text[start:end].split()) > 8:
        return None
    return start, end


def _vague_object(text: str, end: int, lexicon: Any) -> tuple[int, int] | None:
    """ "abnormal development | of subcutaneous and interfascial calcification | that ...": the
    phrase a vague head is "of", or None when there is none."""
    of = re.compile(r"\s+of\s+", re.IGNORECASE).match(text, end)
    if of is None:
        return None
    stops = _words(lexicon, "vague_object_stops")
    stop = re.compile(rf"\s(?:{phrase_regex([w for w in stops if w != ','])})\s|[,;:.(]", re.I)
    found = stop.search(text, of.end())
    start, stop_at = trim_item(text, of.end(), found.start() if found else len(text), lexicon)
    if stop_at <= start or stop_at - start > MAX_ANSWER or len(text[start:stop_at].split()) > 8:
        return None
    return start, stop_at


def find_definition(text: str, subject: str, lexicon: Any) -> list[tuple[int, int]]:
    """The spans to hide in a sentence defining ``subject`` (which the text opens with)."""
    position = text.find(subject)
    if position < 0:
        return []
    rest = position + len(subject)
    # Appositions ("Pleomorphic adenoma, also called benign mixed tumour, is ...") are skipped.
    apposition = re.match(
        r",\s*(?:or|also\s+called|also\s+known\s+as|known\s+as|i\.e\.)\s[^,]{1,60},", text[rest:]
    )
    if apposition:
        rest += apposition.end()
    spans: list[tuple[int, int]] = []
    verbs = _words(lexicon, "category_verbs")
    verb = re.compile(rf"\s+(?:{phrase_regex(verbs)})\s+", re.IGNORECASE).match(text, rest)
    plural = None
    if verb is None:
        plural = re.compile(
            rf"\s+(?:{phrase_regex(_words(lexicon, 'plural_category_verb'))})\s+", re.IGNORECASE
        ).match(text, rest)
    opener = verb or plural
    after = rest
    if opener is not None:
        if not affirmed(text, lexicon, opener.start(), opener.end()):
            return []
        category = _category(text, opener.end(), lexicon, plural=verb is None)
        if category:
            spans.append(category)
            after = category[1]
            # "the second most common benign liver lesion after haemangioma": what comes first
            # is worth knowing too.
            ranked = re.search(
                r"\b(?:second|third|fourth)\s+most\s+\w+\s*$", text[opener.end() : category[0]]
            )
            first = re.compile(
                r"(?:\s+(?:of|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?)?\s+after\s+"
                r"(?:the\s+|a\s+|an\s+)?(?P<first>[\w-]+(?:\s+[\w-]+){0,3}?)(?=[,;.(]|$)",
                re.IGNORECASE,
            ).match(text, category[1])
            if ranked and first:
                spans.append(first.span("first"))
                after = first.end()
    composition = (lexicon.get("definition", {}) or {}).get("composition")
    contains = (lexicon.get("definition", {}) or {}).get("contains")
    made = re.compile(composition, re.IGNORECASE).search(text, after) if composition else None
    if made is None and contains and not spans:
        made = re.compile(contains, re.IGNORECASE).match(text, rest)
    if made is not None and (spans or made.start() == rest):
        items = list_items(text, made.end(), len(text), lexicon)
        spans.extend(items)
    return sorted(spans)


def run(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    names = [ctx.subject, *diagnosis_heads(final_diagnosis(ctx.case), ctx.lexicon)]
    names += [long for long in disc.abbreviations.values()]
    for sentence in prose_sentences(ctx.sentences):
        if case_specific(sentence.text, ctx.lexicon):
            continue
        text, entity = prepare(disc, sentence, ctx.lexicon)
        subject = sentence_subject(text, ctx.lexicon)
        if not subject or not _is_case_entity(subject, names):
            continue
        if not text.startswith(subject):
            continue
        spans = find_definition(text, subject, ctx.lexicon)
        if not spans:
            continue
        clause, offset = clause_of(text, spans[0][0])
        spans = [(s - offset, e - offset) for s, e in spans if e - offset <= len(clause)]
        if offset or not spans:
            continue
        parts = cloze_spans(clause, spans)
        yield build_fact(
            ctx, sentence, KIND, slug(singular(entity)), entity, parts, tags=("pathology",)
        )


RULE = Rule(
    name="definition",
    kind=KIND,
    priority=35,
    doc="What a disease is: its category and composition, one cloze each.",
    run=run,
)
