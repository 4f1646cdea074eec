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
from deckbuilder.extract.clauses import case_specific, complement, predicates
from deckbuilder.extract.differential import differential_items
from deckbuilder.extract.subject import (
    case_discourse,
    final_diagnosis,
    names_kind_of,
    prepare,
    prose_sentences,
)
from deckbuilder.extract.text import (
    affirmed,
    build_fact,
    clean,
    cloze_spans,
    entity_in_text,
    lexicon_list,
    lower_first,
    name_parts,
    norm,
    phrase_regex,
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
            if found and not _vague(text[found[0] : found[1]], ctx.lexicon):
                spans.append(found)
        # "Oncocytoma was the main alternative": the author's own case, told in the past.
        if re.match(r"\s*(?:was|were)\b", text[match.end() :], re.IGNORECASE):
            continue
        if not spans or len(text) > MAX_CARD:
            continue
        parts = cloze_spans(text, spans)
        yield build_fact(
            ctx, sentence, KIND, slug(alternative), alternative, parts, tags=("diagnosis",)
        )


def _terms(text: str, start: int, end: int, lexicon: Any) -> list[tuple[int, int]]:
    """The term of each predicate of ``text[start:end]``, or [] when one is negated, hedged or
    gives no term ("can look identical" teaches nothing)."""
    found = predicates(text, start, end, lexicon) or [(start, end)]
    if not all(affirmed(text, lexicon, a, b) for a, b in found):
        return []
    spans = [complement(text, a, b, lexicon) for a, b in found]
    if any(span is None or _vague(text[span[0] : span[1]], lexicon) for span in spans):
        return []
    return [span for span in spans if span is not None]


def _vague(term: str, lexicon: Any) -> bool:
    """Whether a term teaches nothing by itself ("identical", "the main alternative")."""
    pattern = _table(lexicon).get("vague_terms")
    # "the main differential of a multiloculated lesion": a vague head keeps its vagueness
    # whatever phrase follows it.
    tail = r"(?:\s+(?:of|for|to|in|among|between)\b.*)?"
    return bool(pattern) and re.fullmatch(f"(?:{pattern}){tail}", term.strip(), re.I) is not None


def _is_pronoun(phrase: str) -> bool:
    return (
        re.fullmatch(
            r"(?:it|its|they|them|this|these|that|those|the\s+latter|the\s+former)",
            phrase.strip(),
            re.IGNORECASE,
        )
        is not None
    )


def _set_against_facts(ctx: CaseContext) -> Iterator[Fact]:
    """ "An MCA infarct, in contrast, follows an arterial territory": the contrasted entity's
    features, the card naming both it and the topic it is set against."""
    disc = case_discourse(ctx)
    patterns = [re.compile(p) for p in _table(ctx.lexicon).get("set_against", [])]
    for sentence in prose_sentences(ctx.sentences):
        raw = disc.expand(clean(sentence.text))
        # A contrast already read with its "which" clause is not read twice.
        if case_specific(raw, ctx.lexicon) or find_contrast(clean(sentence.text), ctx.lexicon):
            continue
        topic = disc.topic(sentence)
        for pattern in patterns:
            match = pattern.match(raw)
            if match is None:
                continue
            other = re.sub(r"^(?:the|a|an)\s+", "", match.group("other").strip(), flags=re.I)
            own = match.groupdict().get("own")
            relative = re.match(r"(?:which|who|where|whose|that)\b", other, re.IGNORECASE)
            if relative or _is_pronoun(other) or (own and _is_pronoun(own)):
                break
            if own:
                if norm(own) == norm(other):
                    break
            elif entity_in_text(other, disc.names_for(topic)):
                # The topic tracker may already follow the contrasted entity: it is set against
                # the case's own entity.
                topic = ctx.subject
                if entity_in_text(other, disc.names_for(topic)):
                    break
            spans = _terms(raw, *match.span("rest"), ctx.lexicon)
            if not spans:
                break
            if own:
                body, shift = raw.rstrip(" ;.") + ".", 0
            else:
                # "X, in contrast, ..." says against what only by context: the card says it.
                named = lower_first(match.group("other"), disc.proper_words)
                # "an middle cerebral artery infarct" after an abbreviation is spelled out.
                named = re.sub(r"^an(?=\s+[b-df-hj-np-tv-z])", "a", named, flags=re.I)
                lead = f"Unlike {lower_first(topic, disc.proper_words)}, {named} "
                body = lead + raw[match.start("rest") :].rstrip(" ;.") + "."
                shift = len(lead) - match.start("rest")
            spans = [(a + shift, b + shift) for a, b in spans]
            clause_end = body.find(";")
            if clause_end >= 0:
                spans = [(a, b) for a, b in spans if b <= clause_end]
                body = body[:clause_end] + "."
            if not spans or len(body) > MAX_CARD:
                break
            yield build_fact(
                ctx,
                sentence,
                KIND,
                slug(f"{singular(other)} vs {topic}")[:60].rstrip("-"),
                other,
                cloze_spans(upper_first(body), spans),
                tags=("diagnosis",),
            )
            break


def _separating_facts(ctx: CaseContext) -> Iterator[Fact]:
    """ "Sparing of the lentiform nucleus is a helpful clue that separates HSE from an MCA
    infarct": the feature is hidden; both entities stay named."""
    disc = case_discourse(ctx)
    patterns = [re.compile(p, re.IGNORECASE) for p in _table(ctx.lexicon).get("separating", [])]
    for sentence in prose_sentences(ctx.sentences):
        raw = clean(sentence.text)
        if case_specific(raw, ctx.lexicon):
            continue
        topic = disc.topic(sentence)
        for pattern in patterns:
            match = pattern.match(raw)
            if match is None or not affirmed(raw, ctx.lexicon, *match.span()):
                continue
            item = match.group("item")
            if _is_pronoun(item) or re.match(r"(?:it|this|these|they)\b", item, re.IGNORECASE):
                break
            start, end = match.span("item")
            body = raw[: match.end()].rstrip(" ;.") + "."
            own_start, own_end = match.span("own")
            if _is_pronoun(raw[own_start:own_end]):
                name = lower_first(topic, disc.proper_words)
                body = body[:own_start] + name + body[own_end:]
            body, spans = _expand(disc, body, [(start, end)])
            if len(body) > MAX_CARD:
                break
            yield build_fact(
                ctx,
                sentence,
                KIND,
                slug(f"{singular(topic)} vs {match.group('other')}")[:60].rstrip("-"),
                topic,
                cloze_spans(upper_first(body), spans),
                tags=("diagnosis",),
            )
            break


def rather_than(text: str, lexicon: Any) -> tuple[int, int] | None:
    """The feature a subject has "rather than" another: "erodes the adjacent bone rather than
    causing hyperostosis" gives "erodes the adjacent bone"; after a verb that only introduces
    ("shows enhancing septa rather than daughter cysts") the term after it. None when the words
    before "rather than" hold no verb of the lexicon's ``rather_than_verbs`` or ``clauses`` verbs,
    or name a treatment."""
    table = _table(lexicon)
    found = re.search(r"\s+rather\s+than\s+", text, re.IGNORECASE)
    if found is None:
        return None
    treatment = table.get("rather_than_skip")
    if treatment and re.search(treatment, text, re.IGNORECASE):
        return None
    starts = [
        m.end() for m in re.finditer(r"[,;:]\s*|\s(?:but|while|whereas)\s", text[: found.start()])
    ]
    start = starts[-1] if starts else 0
    own_verbs = [str(v) for v in table.get("rather_than_verbs", []) or []]
    introducing = [str(v) for v in table.get("rather_than_introducing", []) or []]
    verb_re = re.compile(
        rf"(?<![\w-])(?:({phrase_regex(own_verbs)})|({phrase_regex(introducing)}))(?![\w-])",
        re.IGNORECASE,
    )
    verbs = list(verb_re.finditer(text, start, found.start()))
    if not verbs:
        return None
    verb = verbs[-1]
    if verb.group(1):
        begin = verb.start()
    else:
        begin = verb.end()
        adverbs = lexicon_list(lexicon, "clauses", "adverbs")
        skip = re.compile(rf"\s*(?:(?:{phrase_regex(adverbs)}|the|a|an)\s+)*", re.IGNORECASE)
        begin = skip.match(text, begin).end()  # type: ignore[union-attr]
    # "may expand rather than destroy": a hedged feature is no fact to learn.
    if re.search(
        r"\b(?:may|might|could|can|possibly|sometimes|occasionally)\b", text[start:begin], re.I
    ):
        return None
    end = found.start()
    aside = re.search(r"\s*\([^()]*\)$", text[begin:end])
    if aside:
        end = begin + aside.start()
    words = text[begin:end].split()
    if not words or len(words) > 8 or _vague(text[begin:end], lexicon):
        return None
    return begin, end


def _rather_than_facts(ctx: CaseContext) -> Iterator[Fact]:
    """ "Cystic adventitial disease narrows rather than dilates the artery": the feature the
    sentence's own entity has is hidden, when the words before name that entity."""
    disc = case_discourse(ctx)
    for sentence in prose_sentences(ctx.sentences):
        raw = clean(sentence.text)
        if not re.search(r"\brather\s+than\b", raw, re.IGNORECASE) or case_specific(
            raw, ctx.lexicon
        ):
            continue
        topic = disc.topic(sentence)
        if not topic:
            continue
        text, entity = prepare(disc, sentence, ctx.lexicon, topic)
        span = rather_than(text, ctx.lexicon)
        if span is None or len(text) > MAX_CARD:
            continue
        if not entity_in_text(text[: span[0]], disc.names_for(entity)):
            continue
        if not affirmed(text, ctx.lexicon, *span):
            continue
        parts = cloze_spans(text, [span])
        key = slug(f"{singular(entity)} rather than")[:60].rstrip("-")
        yield build_fact(ctx, sentence, KIND, key, entity, parts, tags=("diagnosis",))


def run(ctx: CaseContext) -> Iterator[Fact]:
    yield from _contrast_facts(ctx)
    yield from _rather_than_facts(ctx)
    yield from _set_against_facts(ctx)
    yield from _separating_facts(ctx)
    yield from _until_proven(ctx)
    yield from _alternative_facts(ctx)


RULE = Rule(
    name="contrast",
    kind=KIND,
    priority=45,
    doc="What tells a disease from an alternative: one cloze per feature of each side.",
    run=run,
)
