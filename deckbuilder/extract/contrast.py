"""distinguishing-feature: what tells a disease from an alternative.

Several forms are read from the Discussion. A contrast ("it shows a high ADC, in contrast to
Warthin tumours, which usually have a low ADC"; "which distinguishes it from X, which ...") hides
the entity's own feature and each feature of the alternative; so does "X <features>, whereas Y
<features>" when one side is a listed alternative or the case's entity. "Should be regarded as X
until proven otherwise" hides X. A sentence (or a telegraphic "Name: ..." line) whose subject is
an alternative of the Differential Diagnosis List, written with or without contrast words ("A
vestibular schwannoma enhances avidly and widens the internal acoustic meatus"), hides one
feature per predicate; "It ..." right after it goes on about the same alternative. A negated
feature is hidden whole ("does not enhance", "no flow voids"); a hedged one stays visible
without a cloze. Patterns and word lists live in ``lexicons/contrast.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from deckbuilder.extract.age import find_ages
from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import case_specific, complement, predicates
from deckbuilder.extract.differential import differential_items
from deckbuilder.extract.sex import find_sex
from deckbuilder.extract.subject import (
    case_discourse,
    final_diagnosis,
    names_kind_of,
    prepare,
    prose_sentences,
)
from deckbuilder.extract.text import (
    Answer,
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
from deckbuilder.lexicon import Lexicon
from deckbuilder.model import BlockKind, Fact, Sentence, SourceLocation

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
        yield _feature_fact(ctx, sentence, _pair_key(topic, other), topic, parts)


def _key(text: str) -> str:
    """A fact key from ``text``, short enough for a GUID's readable part."""
    return slug(text)[:60].rstrip("-")


def _pair_key(entity: str, other: str) -> str:
    """The key of a feature setting ``entity`` against ``other``: "hse-vs-mca-infarct"."""
    return _key(f"{singular(entity)} vs {other}")


def _feature_fact(
    ctx: CaseContext, sentence: Sentence, key: str, subject: str, parts: list[str | Answer]
) -> Fact:
    """A distinguishing-feature card; every one is also tagged as about the diagnosis."""
    return build_fact(ctx, sentence, KIND, key, subject, parts, tags=("diagnosis",))


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
        yield _feature_fact(ctx, sentence, slug(match.group("item")), match.group("item"), parts)


def _within(name: str, diagnosis: str) -> bool:
    """Whether a listed name is the diagnosis or words of it ("Dermoid cyst" is not inside
    "Epidermoid cyst": words are matched whole)."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", diagnosis) is not None


def _terms(text: str, start: int, end: int, lexicon: Any) -> list[tuple[int, int]]:
    """The term of each predicate of ``text[start:end]``, or [] when one is negated, hedged or
    gives no term ("can look identical" teaches nothing)."""
    features = feature_spans(text, start, end, lexicon)
    if features and all(affirmed(text, lexicon, a, b) for a, b in features):
        return features
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
            yield _feature_fact(
                ctx,
                sentence,
                _pair_key(other, topic),
                other,
                cloze_spans(upper_first(body), spans),
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
            # "MRI also separates tumour from secretions": a subject with an adverb is the
            # sentence's actor, not a feature.
            if re.search(r"\b(?:also|too|alone|further|often|usually|best)$", item, re.I):
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
            yield _feature_fact(
                ctx,
                sentence,
                _pair_key(topic, match.group("other")),
                topic,
                cloze_spans(upper_first(body), spans),
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
        if not entity_in_text(text[: span[0]], disc.names_for(entity)) and not _names_by_word(
            text, entity, ctx.lexicon
        ):
            continue
        if not affirmed(text, ctx.lexicon, *span):
            continue
        # "encase them rather than displace them": the verb is the feature, not the pronoun.
        pronoun = re.search(r"\s+(?:it|them|this|these|those)$", text[span[0] : span[1]], re.I)
        if pronoun:
            span = (span[0], span[0] + pronoun.start())
        parts = cloze_spans(text, [span])
        key = _key(f"{singular(entity)} rather than")
        yield _feature_fact(ctx, sentence, key, entity, parts)


def _names_by_word(text: str, entity: str, lexicon: Any) -> bool:
    """Whether a sentence's own one-word subject is a word of ``entity`` other than its head:
    "Epidermoids ..." about "intracranial epidermoid cysts"."""
    opening = _opening_phrase(text, lexicon)
    own = text[: opening[1]] if opening else ""
    if not own or len(own.split()) != 1:
        return False
    words = norm(singular(entity)).split()
    return norm(singular(own)) in words[:-1]


def _threshold_facts(ctx: CaseContext) -> Iterator[Fact]:
    """ "A junctional zone of 12 mm or more is diagnostic, whereas 8 mm or less makes it
    unlikely": each threshold stated with what it means for the diagnosis is hidden."""
    table = _table(ctx.lexicon)
    threshold, meaning = table.get("threshold"), table.get("threshold_meaning")
    if not threshold or not meaning:
        return
    disc = case_discourse(ctx)
    for sentence in prose_sentences(ctx.sentences):
        raw = disc.expand(clean(sentence.text))
        if case_specific(raw, ctx.lexicon):
            continue
        label = re.match(r"[^:,;]{2,40}:\s+", raw)
        text = raw[label.end() :] if label else raw
        topic = disc.topic(sentence)
        spans: list[tuple[int, int]] = []
        for clause in re.finditer(r"[^;]+", text):
            parts = re.split(r",\s*(?:whereas|while|but)\s+", clause.group())
            position = clause.start()
            for part in parts:
                begin = text.index(part, position)
                position = begin + len(part)
                said = re.search(meaning, part, re.IGNORECASE)
                # "makes it unlikely" is what the threshold means, not a hedge on it.
                if said is None or not affirmed(part[: said.start()], ctx.lexicon):
                    continue
                found = re.search(threshold, part, re.IGNORECASE)
                if found:
                    spans.append((begin + found.start(), begin + found.end()))
        if not spans or len(text) > MAX_CARD:
            continue
        body = upper_first(text.rstrip(" ;.") + ".")
        resolved, _ = resolve_anaphora(body, topic, ctx.lexicon, disc.proper_words)
        if resolved != body:
            continue
        parts_out = name_parts(
            cloze_spans(body, spans), topic, disc.names_for(topic), disc.proper_words
        )
        key = _key(f"{singular(topic)} threshold")
        yield _feature_fact(ctx, sentence, key, topic, parts_out)


# --- features of a differential entity ----------------------------------------------------------

_FEATURE_NEGATION = re.compile(
    r"(?:(?:does|do|did|is|are)\s+not|doesn['’]t|don['’]t|isn['’]t|aren['’]t|never|cannot)\s+",
    re.IGNORECASE,
)
_MAX_FEATURE_WORDS = 8
_MAX_FEATURE_CHARS = 70


def _feature_words(lexicon: Any, key: str) -> list[str]:
    return [str(w) for w in _table(lexicon).get(key, []) or []]


def _feature_regexes(lexicon: Any) -> dict[str, re.Pattern[str]]:
    """The compiled word lists of the feature reader, keyed by what they recognise."""
    if isinstance(lexicon, Lexicon):
        # Asked for several times per sentence: build the patterns once per lexicon.
        return lexicon.derived("contrast.feature_regexes", _compile_feature_regexes)
    return _compile_feature_regexes(lexicon)


def _compile_feature_regexes(lexicon: Any) -> dict[str, re.Pattern[str]]:
    light = _feature_words(lexicon, "feature_light_verbs")
    content = _feature_words(lexicon, "feature_content_verbs")
    adverbs = _feature_words(lexicon, "feature_adverbs")
    adverb = rf"(?:(?:{phrase_regex(adverbs)})\s+)*" if adverbs else ""
    hedges = _feature_words(lexicon, "feature_hedges")
    # A hedge opens a predicate too ("may look wedge-shaped"); the predicate then gives no cloze.
    hedge = rf"(?:(?:{phrase_regex(hedges)})\s+)*" if hedges else ""
    return {
        "opening": re.compile(
            rf"{adverb}{hedge}{adverb}(?:{_FEATURE_NEGATION.pattern})?{adverb}"
            rf"(?:{phrase_regex([*light, *content])})(?![\w'’-])",
            re.IGNORECASE,
        ),
        "adverbs": re.compile(adverb, re.IGNORECASE),
        "light": re.compile(rf"(?:{phrase_regex(light)})(?![\w'’-])", re.IGNORECASE),
        "content": re.compile(rf"(?:{phrase_regex(content)})(?![\w'’-])", re.IGNORECASE),
        "absence": re.compile(
            rf"(?:{phrase_regex(_feature_words(lexicon, 'feature_absence_verbs'))})",
            re.IGNORECASE,
        ),
        "hedge": re.compile(
            rf"(?<![\w-])(?:{phrase_regex(_feature_words(lexicon, 'feature_hedges'))})(?![\w-])",
            re.IGNORECASE,
        ),
        "particles": re.compile(
            rf"(?:(?:{phrase_regex(_feature_words(lexicon, 'feature_particles'))})\s+)*",
            re.IGNORECASE,
        ),
        "plain_adjectives": re.compile(
            rf"(?:{phrase_regex(_feature_words(lexicon, 'feature_plain_adjectives'))})",
            re.IGNORECASE,
        ),
        "stop": re.compile(
            rf"\s(?:{phrase_regex(_feature_words(lexicon, 'feature_stops'))})(?=\s)|[,;:(.]",
            re.IGNORECASE,
        ),
    }


def _term_end(text: str, start: int, end: int, regexes: dict[str, re.Pattern[str]]) -> int:
    """Where a feature starting at ``start`` ends: the first stop word or mark, running on over
    "and"/"or" joining words of one phrase ("the medial head of gastrocnemius and the tendon") and
    over "than" after a comparative ("larger than 2 cm")."""
    first = re.match(r"[\w-]+", text[start:end])
    comparative = bool(first) and (
        first.group().lower() in {"more", "less", "fewer", "greater", "smaller"}  # type: ignore[union-attr]
        or (first.group().lower().endswith("er") and len(first.group()) > 4)  # type: ignore[union-attr]
    )
    # "night pain | relieved by NSAIDs": a participle with its preposition after a noun starts
    # a new phrase.
    participle = re.compile(r"\s(?=[a-z]+ed\s+(?:by|with|in|on|at|from|around|during|to)\b)")
    found = participle.search(text, start + 1, end)
    if found and text[start : found.start()].strip():
        end = found.start()
    # A stop word right at ``start`` ("narrows | rather than dilates") needs its leading space.
    position = start - 1 if start > 0 and text[start - 1] == " " else start
    while True:
        stop = regexes["stop"].search(text, position, end)
        if stop is None:
            return end
        word = stop.group().strip().lower()
        # "a reticular, lace-like pattern": a comma after a lone quality joins it to the next.
        lone = text[start : stop.start()].strip()
        if (
            word == ","
            and (
                re.fullmatch(r"[\w-]+(?:al|ar|ic|ous|ive|ed|ing|like|less|ent|ant|ile)", lone)
                # "long, tapered stenoses": a plain adjective without a telling ending.
                or regexes["plain_adjectives"].fullmatch(lone)
                # "a thick, enhancing cuff": one word right after an article is an adjective
                # of the noun that follows the comma.
                or re.fullmatch(r"[a-z-]+", lone)
                and re.search(r"\b(?:a|an)\s+$", text[:start], re.IGNORECASE)
            )
            and re.match(r",\s*[\w-]+\s+[\w-]+", text[stop.start() : end])
        ):
            position = stop.end()
            continue
        if word == "than" and (
            comparative or re.search(r"\b(?:more|less)$", text[start : stop.start()])
        ):
            # "involves the white matter more than the cortex": the comparison is one answer.
            comparative = False
            position = stop.end()
            continue
        if (
            word == "to"
            and re.search(r"\d$", text[: stop.start()])
            and re.match(r"\s*to\s+\d", text[stop.start() : end])
        ):
            position = stop.end()  # "men aged 40 to 60 years": a range is one answer
            continue
        if word in {"and", "or"}:
            following = text[stop.end() : end].lstrip()
            # "and its septa are complete": a possessive opening a clause of its own ends the
            # feature ("the artery and its branches" runs on).
            clause = re.match(
                r"(?:its|their)\s+[\w-]+\s+(?:is|are|was|were|has|have)\b", following, re.I
            )
            if following and not clause and not regexes["opening"].match(following):
                position = stop.end()
                continue
        return stop.start()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:":
        start += 1
    while end > start and text[end - 1] in " ,;:.":
        end -= 1
    lead = re.match(r"(?:(?:the|a|an)\s+)+", text[start:end], re.IGNORECASE)
    if lead:
        start += lead.end()
    return start, end


def _usable_term(term: str, lexicon: Any) -> bool:
    words = term.split()
    if not words or len(words) > _MAX_FEATURE_WORDS or len(term) > _MAX_FEATURE_CHARS:
        return False
    if re.search(r"\b(?:it|them|this|these|that|those|one|its|their)$", term, re.IGNORECASE):
        return False
    vague = {w.lower() for w in _feature_words(lexicon, "feature_vague")}
    bare = re.sub(r"^(?:in|of|by)\s+", "", term.lower())
    return bare not in vague and not _vague(term, lexicon)


def _predicate_feature(
    text: str, start: int, end: int, lexicon: Any, regexes: dict[str, re.Pattern[str]]
) -> list[tuple[int, int]]:
    """The feature(s) one predicate states, or [] when it is hedged or states nothing usable."""
    opening = regexes["opening"].match(text, start, end)
    if opening is None:
        return []
    if regexes["hedge"].search(text, start, opening.end()):
        return []
    position = regexes["adverbs"].match(text, start, end).end()  # type: ignore[union-attr]
    negation = _FEATURE_NEGATION.match(text, position, end)
    answer_start: int | None = None
    if negation:
        # "does not enhance", "never contains air": the negation is part of the answer, never
        # dropped.
        answer_start = position
        position = regexes["adverbs"].match(text, negation.end(), end).end()  # type: ignore[union-attr]
    content = regexes["content"].match(text, position, end)
    light = None if content else regexes["light"].match(text, position, end)
    verb = content or light
    if verb is None:
        return []
    after = verb.end()
    # "lacks medullary continuity": a verb of absence is hidden with its object, like "does not
    # show", so the answer itself says what the entity is without and never reads as a finding.
    absence = light is not None and regexes["absence"].fullmatch(light.group()) is not None
    if content or negation or absence:
        if answer_start is None:
            answer_start = verb.start()
        # "communicates with the knee joint", "disappear on repeat imaging": one preposition
        # right after the verb belongs to it.
        object_start = after
        # An adverb closes the verb ("enhances avidly | with flow voids").
        lead = re.match(
            r"\s+(?:[a-z]+ly\b|(?:with|in|on|from|into|to|through|across|"
            r"between|around|beyond|over|under|behind|along)\s+)?",
            text[after:end],
        )
        if lead:
            object_start = after + lead.end()
        stop = _term_end(text, object_start, end, regexes) if object_start < end else end
        span = _trim(text, answer_start, max(stop, after))
        return [span] if _usable_term(text[span[0] : span[1]], lexicon) else []
    # "is seen in ...": a participle after "is" is the verb; "is identified by gas", "has been
    # reported" state no feature of their own.
    skipped = regexes["adverbs"].match(text, min(after + 1, end), end)
    gap = skipped.end() - after if skipped and skipped.end() > after + 1 else 0
    participle = re.match(
        r"\s+((?:been\s+)?[a-z]+(?:ed|en|wn|ght|nd))\b", text[after + max(gap - 1, 0) : end]
    )
    if participle and re.fullmatch(r"(?:is|are|was|were|has|have)", verb.group(), re.I):
        if not regexes["light"].fullmatch(participle.group(1)):
            return []
        after += max(gap - 1, 0) + participle.end()
    # "has no flow voids": a negated object keeps its "no".
    position = after
    while True:
        moved = position
        while moved < end and text[moved] == " ":
            moved += 1
        for name in ("adverbs", "particles"):
            moved = regexes[name].match(text, moved, end).end()  # type: ignore[union-attr]
        if moved == position:
            break
        position = moved
    # "are fewer, larger and round": a list of short qualities runs to the predicate's end.
    qualities = re.fullmatch(
        r"[\w-]+(?:\s[\w-]+)?(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[\w-]+(?:\s[\w-]+)?)+",
        text[position:end].rstrip(" ,;."),
    )
    if not qualities and re.fullmatch(r"(?:is|are)", verb.group(), re.IGNORECASE):
        listed = _quality_list(text, position, end, lexicon, regexes)
        if listed:
            return listed
    stop = (
        position + len(qualities.group()) if qualities else _term_end(text, position, end, regexes)
    )
    start_term, end_term = _trim(text, position, stop)
    if end_term <= start_term:
        return []
    term = text[start_term:end_term]
    groups = {w.lower() for w in _feature_words(lexicon, "feature_groups")}
    # "is well circumscribed and round": coordinated qualities are one cloze each, and so are
    # "a lace-like pattern or a retracting clot".
    for joint, longest in (
        # "is histologically similar but larger than 2 cm": the vague part gives no cloze.
        (r"\s+but\s+", 5),
        (r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", 2),
        (
            r"\s+(?:and|or)\s+(?:(?:often|usually|sometimes|typically|also)\s+)?(?=(?:a|an|the)\s)",
            5,
        ),
    ):
        items = _pieces(text, start_term, end_term, joint)
        items = _join_adjectives(text, items, lexicon)
        if len(items) > 1 and all(text[s:e].split()[-1].lower() in groups for s, e in items):
            break  # "children and young adults" is one age group to recall
        if len(items) > 1 and all(len(text[s:e].split()) <= longest for s, e in items):
            return [i for i in items if _usable_term(text[i[0] : i[1]], lexicon)]
    return [(start_term, end_term)] if _usable_term(term, lexicon) else []


def _join_adjectives(
    text: str, items: list[tuple[int, int]], lexicon: Any
) -> list[tuple[int, int]]:
    """ "a lobulated, septated mass", "eccentric, calcified plaques": a lone adjective joined by
    a bare comma (no "and"/"or") to a noun phrase that opens with another adjective is part of
    that one phrase, not an answer of its own."""
    plain = {w.lower() for w in _feature_words(lexicon, "feature_plain_adjectives")}

    def adjective(word: str) -> bool:
        return word.lower() in plain or _QUALITY.fullmatch(word) is not None

    joined = list(items)
    index = len(joined) - 2
    while index >= 0:
        (a, b), (c, d) = joined[index], joined[index + 1]
        words = text[c:d].split()
        if (
            re.fullmatch(r"\s*,\s*", text[b:c])
            and len(text[a:b].split()) == 1
            and adjective(text[a:b])
            and 2 <= len(words) <= 4
            # "small-amplitude undulations": a hyphenated compound before a noun modifies it.
            and (adjective(words[0]) or "-" in words[0])
            and not adjective(words[-1])
        ):
            joined[index : index + 2] = [(a, d)]
        index -= 1
    return joined


# A word that is a quality ("hypointense", "well defined", "markedly hyperattenuating").
_QUALITY = re.compile(
    r"(?:(?:[a-z]+ly|well|ill|poorly)\s+)?[a-z-]*(?:al|ar|ic|ous|ive|ed|ing|ent|ant|ile|ine|ose"
    r"|like|less|ful|ense|oic|id)(?![\w-])",
    re.IGNORECASE,
)


def _quality_list(
    text: str, start: int, end: int, lexicon: Any, regexes: dict[str, re.Pattern[str]]
) -> list[tuple[int, int]]:
    """ "is well defined, markedly hypointense on T2WI and lobulated": after "is", a list whose
    every item opens with a quality gives one cloze per quality, each cut before its setting;
    [] when the predicate is no such list."""
    items = _pieces(text, start, end, r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
    if len(items) < 2 or not all(_QUALITY.match(text, s, e) for s, e in items):
        return []
    spans = []
    for s, e in items:
        span = _trim(text, s, _term_end(text, s, e, regexes))
        if span[1] <= span[0] or not _usable_term(text[span[0] : span[1]], lexicon):
            return []
        spans.append(span)
    return _join_adjectives(text, spans, lexicon)


def _pieces(text: str, start: int, end: int, joint: str) -> list[tuple[int, int]]:
    """The parts of ``text[start:end]`` between matches of ``joint``, trimmed."""
    pieces: list[tuple[int, int]] = []
    position = start
    for cut in re.finditer(joint, text[start:end]):
        pieces.append(_trim(text, position, start + cut.start()))
        position = start + cut.end()
    pieces.append(_trim(text, position, end))
    return [(s, e) for s, e in pieces if e > s]


def feature_spans(text: str, start: int, end: int, lexicon: Any) -> list[tuple[int, int]]:
    """One span per feature stated by the coordinated predicates in ``text[start:end]``.

    "enhances avidly and widens the internal acoustic meatus" gives "enhances avidly" and "widens
    the internal acoustic meatus"; "is less vascular and has no flow voids" gives "less vascular"
    and "no flow voids"; a hedged predicate ("can mimic it") gives nothing and stays visible. A
    trailing ", with A and B" gives one span per item. [] when ``text[start:]`` opens with no verb.
    """
    regexes = _feature_regexes(lexicon)
    if not regexes["opening"].match(text, start, end):
        return []
    # "can look similar, since it also has a central scar": what a subordinate clause says is
    # shared or explained, not told apart.
    subordinate = re.compile(
        r",?\s+(?:since|because|although|though|while|whereas|which|so)\s", re.IGNORECASE
    ).search(text, start, end)
    if subordinate:
        end = subordinate.start()
    # ", and it favours the posterior elements": a pronoun repeating the subject opens a
    # predicate too.
    cuts = [
        m
        for m in re.finditer(
            r",\s*(?:and\s+|but\s+)?(?:(?:it|they)\s+)?|\s+(?:and|but)\s+(?:(?:it|they)\s+)?",
            text[start:end],
        )
        if regexes["opening"].match(text, start + m.end(), end)
        and not re.search(r"\(", text[start : start + m.start()].split(")")[-1])
    ]
    bounds: list[tuple[int, int]] = []
    position = start
    for cut in cuts:
        bounds.append((position, start + cut.start()))
        position = start + cut.end()
    bounds.append((position, end))
    spans: list[tuple[int, int]] = []
    management = _table(lexicon).get("feature_management")
    for s, e in bounds:
        if management and re.match(management, text[s:e].lstrip(), re.IGNORECASE):
            continue  # "are kept under surveillance": what is done for it is no feature
        found = _predicate_feature(text, s, e, lexicon, regexes)
        spans.extend(found)
        if found:
            spans.extend(_with_items(text, max(b for _, b in found), e, lexicon))
            spans.extend(_without_item(text, max(b for _, b in found), e, lexicon))
    with_list = re.search(
        r",\s*with\s+(?P<items>[^,;()]+?)\s*(?:[;.]|$)", text[bounds[-1][0] : end]
    )
    if spans and with_list:
        base = bounds[-1][0] + with_list.start("items")
        items = _pieces(
            text, base, with_list.end("items") + bounds[-1][0], r"\s*,\s*(?:and\s+)?|\s+and\s+"
        )
        for s, e in items:
            s, e = _past_hedge(text, s, e, regexes)
            if len(text[s:e].split()) <= 4 and _usable_term(text[s:e], lexicon):
                spans.append((s, e))
    return sorted(set(spans))


def _past_hedge(
    text: str, start: int, end: int, regexes: dict[str, re.Pattern[str]]
) -> tuple[int, int]:
    """ "sometimes a dural tail": an item's leading hedge stays visible, outside its cloze, so
    the card never states as certain what the source hedged."""
    while True:
        hedge = regexes["hedge"].match(text, start, end)
        if hedge is None:
            return start, end
        start, end = _trim(text, hedge.end(), end)


def _with_items(text: str, start: int, end: int, lexicon: Any) -> list[tuple[int, int]]:
    """ "is a focal lesion | with a fibrous core, small cysts and a feeding vessel": a list of
    two or more short noun phrases joined to a feature by "with" gives one span per item; []
    for a single phrase ("enhances with gadolinium" names no feature of its own)."""
    joined = re.match(r"\s+with\s+(?P<items>[^;:()]+?)\s*(?:[;.(]|$)", text[start:end])
    if joined is None:
        return []
    base = start + joined.start("items")
    items = _pieces(text, base, start + joined.end("items"), r"\s*,\s*(?:and\s+)?|\s+and\s+")
    regexes = _feature_regexes(lexicon)
    items = [_past_hedge(text, s, e, regexes) for s, e in items]
    if len(items) < 2 or not all(
        len(text[s:e].split()) <= 4 and _usable_term(text[s:e], lexicon) for s, e in items
    ):
        return []
    return items


def _without_item(text: str, start: int, end: int, lexicon: Any) -> list[tuple[int, int]]:
    """ "has a less vascular nodule | without flow voids": a short "without" phrase right after a
    feature is a feature of its own, hidden with its "without" so that the answer says what the
    entity lacks and never reads as a finding it has; [] otherwise."""
    joined = re.match(
        r"\s+(?P<item>without\s+[\w-]+(?:\s+[\w-]+){0,4}?)\s*(?:[,;.]|$)", text[start:end]
    )
    if joined is None:
        return []
    s, e = start + joined.start("item"), start + joined.end("item")
    bare = re.sub(r"^without\s+", "", text[s:e])
    # "without a gradient or collaterals" lacks both: "or" under "without" joins what is absent,
    # while "and" may open a predicate of its own.
    if re.search(r"\b(?:and|but|which|that|it|its)\b", bare, re.IGNORECASE):
        return []
    if len(re.findall(r"\bor\b", bare, re.IGNORECASE)) > 1:
        return []
    return [(s, e)] if _usable_term(bare, lexicon) else []


_PRONOUN_SUBJECT = re.compile(r"(?:it|they)\s+", re.IGNORECASE)


def _core(name: str) -> str:
    """A listed name without what narrows it ("Renal cell carcinoma invading the pelvis")."""
    cut = re.split(
        r"\s+(?:with|without|of\s+the|in|invading|involving|after|due|from|at|on|mimicking)\s+",
        name,
        maxsplit=1,
    )[0]
    return norm(singular(re.sub(r"\s*\([^)]*\)", "", cut)))


def _alternative_named(phrase: str, names: list[str], lexicon: Any, own: str = "") -> str | None:
    """The listed alternative a sentence's opening noun phrase names, or None.

    "A carotid sheath schwannoma" names "Carotid sheath schwannoma", "Nodal metastases" names
    "Nodal metastasis", "Hypovascular metastases" names "Liver metastases" (same specific head),
    "Simple cysts" names "Simple hepatic cysts" (a generic head with another word in common).
    """
    bare = re.sub(r"\s*\([^)]*\)", "", phrase).strip()
    bare = re.sub(r"^(?:a|an|the)\s+", "", bare, flags=re.IGNORECASE)
    for name in names:
        # "Functional immaturity of the colon (...)" is the listed name, brackets aside.
        if norm(singular(bare)) == norm(singular(re.sub(r"\s*\([^)]*\)", "", name))):
            return name
    words = norm(singular(bare)).split()
    if not words or len(words) > 6:
        return None
    if words[0] in {"both", "these", "such", "other", "this", "those", "all", "most", "some"}:
        return None
    generic = {norm(w) for w in lexicon_list(lexicon, "subject", "generic_heads")}
    joined = " ".join(words)
    own_words = set(norm(singular(own)).split())
    # "Aneurysms are rare before 60" in a case of abdominal aortic aneurysm, with "Inflammatory
    # abdominal aortic aneurysm" listed: words the case's own diagnosis holds too name the case's
    # disease (or the whole class), never an alternative that needs its own modifier.
    shared_only = set(words) <= own_words
    for name in names:
        core = _core(name)
        if not core:
            continue
        if joined == core:
            return name
        if shared_only:
            continue
        if core.endswith(" " + joined) and len(words) >= 2:
            return name
        # "Brown tumours" names the listed "Brown tumour of hyperparathyroidism".
        if len(words) >= 2 and joined == core.split(" of ")[0]:
            return name
        if joined.endswith(" " + core) and len(core.split()) >= 2:
            return name
    # "Xanthogranulomatous pyelonephritis" is the case's own disease, not the listed
    # "Emphysematous pyelonephritis": a head alone never names an alternative when the other
    # words belong to the case's diagnosis.
    if set(words[:-1]) & own_words:
        return None
    # "The bladder is first drained" with "Neurogenic bladder" listed: a bare head after "the"
    # points at the organ or thing already in view, not at the alternative its modifier names.
    if len(words) == 1 and re.match(r"(?:the|this|that)\s", phrase.strip(), re.IGNORECASE):
        return None
    for name in names:
        core_words = _core(name).split()
        if not core_words or core_words[-1] != words[-1] or len(words) > 4:
            continue
        shared = set(words[:-1]) & set(core_words[:-1])
        if words[-1] in own_words and not shared - own_words:
            # "Smaller aneurysms" shares only the head with the listed "Inflammatory aortic
            # aneurysm", and the case's disease has that head too: whose it is stays unknown.
            continue
        if words[-1] not in generic and len(words[-1]) > 4 or shared:
            return name
    return None


def _opening_phrase(text: str, lexicon: Any) -> tuple[int, int, int] | None:
    """The span of the noun phrase a sentence opens with and where its first predicate starts."""
    regexes = _feature_regexes(lexicon)
    # "Warthin tumour, the second most common parotid tumour, affects ...": an apposition
    # between the subject and its verb is skipped.
    apposition = re.match(
        r"([^,;:()]{2,60}?),\s*(?:the|a|an|also\s+called|also\s+known\s+as|or)\s[^,;:]{2,60},\s+",
        text,
        re.IGNORECASE,
    )
    if apposition and regexes["opening"].match(text, apposition.end()):
        return 0, apposition.end(1), apposition.end()
    for word in re.finditer(r"\s+", text[:90]):
        if regexes["opening"].match(text, word.end()):
            phrase = text[: word.start()]
            if not phrase or re.search(r"[,;:]", phrase) or len(phrase.split()) > 7:
                return None
            return 0, word.start(), word.end()
    return None


def _differential_facts(ctx: CaseContext) -> Iterator[Fact]:
    """ "A vestibular schwannoma enhances avidly and widens the internal acoustic meatus": a
    sentence (or a "Name: ..." line) whose subject is a listed alternative gives one cloze per
    feature; "It ..." right after such a sentence goes on about the same alternative. A sentence
    giving one alternative per ";" clause ("...: X respects a territory; Y shows a filling
    defect; and Z is asymmetric") gives a card per clause, each naming its own alternative, and so
    does "X, which is hypovascular and enhances weakly"."""
    diagnosis = norm(final_diagnosis(ctx.case))
    names = [n for n, _ in differential_items(ctx) if not _within(norm(n), diagnosis)]
    if not names:
        return
    disc = case_discourse(ctx)
    own_names = disc.names_for(ctx.subject)
    own = f"{ctx.subject} {diagnosis}"
    previous: tuple[str, str] | None = None
    items = _list_item_locations(ctx)
    # A "Name: ..." list item whose later sentences go on telegraphically ("- Aneurysmal bone
    # cyst: eccentric. More expansile.") is one card: it waits here until its item ends.
    pending: _Pending | None = None
    for sentence in prose_sentences(ctx.sentences):
        last, previous = previous, None
        raw = disc.expand(clean(sentence.text))
        if pending is not None:
            if _continues(pending, sentence, raw, ctx.lexicon):
                _extend(pending, raw, ctx.lexicon)
                continue
            if pending.spans:
                yield _pending_fact(ctx, pending)
            pending = None
        if case_specific(raw, ctx.lexicon):
            continue
        if find_contrast(clean(sentence.text), ctx.lexicon) or re.match(
            r"(?:unlike|in\s+contrast|as\s+opposed)\b", raw, re.IGNORECASE
        ):
            continue
        label = _LABEL.match(raw)
        if label and _alternative_named(label.group("np"), names, ctx.lexicon, own):
            units = [raw]
        else:
            units = _units(raw, ctx.lexicon)
        for text in units:
            if len(text) > MAX_CARD:
                previous = None
                continue
            found = _unit_feature(ctx, text, names, own_names, own, last)
            if found is None:
                last = previous = None
                continue
            alternative, written, card, spans = found
            last = previous = (alternative, written)
            if label and len(units) == 1 and sentence.location in items:
                pending = _Pending(sentence, alternative, card, list(spans))
            elif spans:
                if _names_a_class(written, alternative):
                    # "Thyroid nodules lie within the capsule" for the listed "Exophytic
                    # thyroid nodule" speaks of the whole class: its features are no facts
                    # of the differential's own kinds.
                    yield _feature_fact(
                        ctx, sentence, slug(alternative), alternative, cloze_spans(card, spans)
                    )
                else:
                    yield from _split_by_kind(ctx, sentence, alternative, card, spans)
    if pending is not None and pending.spans:
        yield _pending_fact(ctx, pending)


# "Aneurysmal bone cyst (ABC): eccentric ...": a list item's label before its colon.
_LABEL = re.compile(r"(?P<np>[^:,;]{3,90}):\s+")


@dataclass
class _Pending:
    """A list item's card being gathered: its first sentence, whose features it names, the
    card's text so far and the spans to hide in it."""

    sentence: Sentence
    alternative: str
    card: str
    spans: list[tuple[int, int]]


def _list_item_locations(ctx: CaseContext) -> set[SourceLocation]:
    """Where each list item of the case starts: a sentence there shares the item's line."""
    return {
        block.location
        for section in ctx.case.sections
        for block in section.blocks
        if block.kind is BlockKind.LIST_ITEM
    }


def _continues(pending: _Pending, sentence: Sentence, raw: str, lexicon: Any) -> bool:
    """Whether ``raw`` goes on with the pending item's features: a short telegraphic sentence of
    the same item, with no label, pronoun or verb of a whole clause of its own."""
    if sentence.location != pending.sentence.location or case_specific(raw, lexicon):
        return False
    words = raw.rstrip(" .").split()
    if not words or len(words) > 6 or re.search(r"[:;]", raw):
        return False
    if re.search(r"\b(?:it|its|they|their|them|this|these|we|our|here)\b", raw, re.IGNORECASE):
        return False
    verbs = {norm(v) for v in lexicon_list(lexicon, "subject", "verbs")}
    return not any(norm(w) in verbs for w in words)


def _extend(pending: _Pending, raw: str, lexicon: Any) -> None:
    """Adds one telegraphic sentence to the pending card, each of its items a cloze."""
    start = len(pending.card) + 1
    pending.card = f"{pending.card} {upper_first(raw.strip())}"
    if not pending.card.endswith("."):
        pending.card += "."
    spans = _label_items(pending.card, start, lexicon)
    pending.spans.extend(s for s in spans if _stated(pending.card, start, s, lexicon))


def _pending_fact(ctx: CaseContext, pending: _Pending) -> Fact:
    return _feature_fact(
        ctx,
        pending.sentence,
        slug(pending.alternative),
        pending.alternative,
        cloze_spans(pending.card, pending.spans),
    )


# The kinds a differential's feature may belong to besides distinguishing-feature, with the
# suffix of their fact keys and their tags.
_SPLIT_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "age-distribution": ("age", ("epidemiology",)),
    "sex-predominance": ("sex", ("epidemiology",)),
    "common-site": ("site", ("epidemiology",)),
    "sequence-appearance": ("appearance", ("diagnosis",)),
}


def _negated_answer(lexicon: Any) -> re.Pattern[str]:
    """An answer opening with a negation: a trigger of the polarity lexicon's
    ``negation.before`` or one of its ``negated_predicates`` ("does not", "cannot")."""
    if isinstance(lexicon, Lexicon):
        return lexicon.derived("contrast.negated_answer", _compile_negated_answer)
    return _compile_negated_answer(lexicon)


def _compile_negated_answer(lexicon: Any) -> re.Pattern[str]:
    table = lexicon.get("polarity", {}) or {}
    words = [
        *((table.get("negation", {}) or {}).get("before", []) or []),
        *(table.get("negated_predicates", []) or []),
    ]
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?:{phrase_regex(str(w) for w in words)})\b", re.IGNORECASE)


def _split_by_kind(
    ctx: CaseContext,
    sentence: Sentence,
    alternative: str,
    card: str,
    spans: list[tuple[int, int]],
) -> Iterator[Fact]:
    """The cards of one sentence about a differential, one per kind of its features.

    "Subependymoma is found in middle-aged men, most often in the fourth ventricle, and shows
    little enhancement" states an age, a sex, a site and an appearance of the differential: each
    is a fact of its own kind naming it. No card asks the same answer twice: a feature asked by
    a card of its kind (this reader's or the kind's own reader's) is shown in the
    distinguishing-feature card, which is left out when nothing is hidden in it. A negated
    feature ("has no internal flow") is never an appearance: it stays a distinguishing feature,
    hidden whole with its negation.
    """
    spans = _alternatives_joined(card, spans)
    by_kind: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for span in spans:
        for kind, found in _kinds_of(card, span, ctx.lexicon):
            if kind == KIND:
                continue
            found = _answer_bounds(card, found, kind, ctx.lexicon)
            if _kind_allows(ctx, kind, alternative, card, found):
                by_kind.setdefault(kind, []).append((span, found))
    asked: set[tuple[int, int]] = set()
    for kind, (suffix, tags) in _SPLIT_KINDS.items():
        pairs = by_kind.get(kind, [])
        own = _own_answers(ctx, sentence, kind, alternative)
        if own is not None:
            # The kind's own card asks what it hides: a feature it asks whole is shown here
            # ("older men who smoke" stays hidden beside an age card asking "older men").
            asked.update(
                span
                for span in spans
                if any(_covered(card[span[0] : span[1]], answer) for answer in own)
            )
        elif pairs:
            key = f"{slug(alternative)}-{suffix}"
            parts = cloze_spans(card, _disjoint(sorted({found for _, found in pairs})))
            yield build_fact(ctx, sentence, kind, key, alternative, parts, tags=tags)
            # A widened answer ("hands and feet") takes in the features it covers; a feature
            # with words of its own left over ("who smoke") stays hidden here.
            taken = [found for _, found in pairs]
            asked.update(span for span in spans if _left_over(card, span, taken, ctx.lexicon))
    rest = [span for span in spans if span not in asked]
    if rest:
        yield _feature_fact(ctx, sentence, slug(alternative), alternative, cloze_spans(card, rest))


def _names_a_class(written: str, alternative: str) -> bool:
    """Whether the text writes the differential as a bare plural holding only some of its
    listed name's words ("Thyroid nodules" for "Exophytic thyroid nodule", "Renal cysts" for
    "Multiple simple renal cysts"): a statement about the class, not about the listed kind."""
    found = re.findall(r"[A-Za-z][\w-]*", written)
    if not found or found[0].lower() in {"a", "an", "the"} or singular(found[-1]) == found[-1]:
        return False
    own = {norm(singular(w)) for w in found}
    full = {norm(singular(w)) for w in re.findall(r"[A-Za-z][\w-]*", alternative)}
    return own < full


def _alternatives_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with two features joined by "or" alone made one answer ("{{little or no
    enhancement}}", "{{solid or ring-enhancing}}"): alternatives are asked together."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and re.fullmatch(r"\s+or\s+", text[joined[-1][1] : start]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ``spans`` with those overlapping an earlier one merged into it."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _covered(feature: str, answer: str) -> bool:
    """Whether ``answer`` holds the whole ``feature`` (case aside)."""
    a, b = feature.casefold().strip(), answer.casefold().strip()
    return bool(a) and a in b


def _left_over(
    text: str, span: tuple[int, int], taken: list[tuple[int, int]], lexicon: Any
) -> bool:
    """Whether the split answers ``taken`` ask the feature ``span``: they overlap it and leave
    none of its words but the lexicon's ``split_leftover_words`` ("who", "more", "often")."""
    start, end = span
    if not any(a < end and b > start for a, b in taken):
        return False
    rest = list(text[start:end])
    for a, b in taken:
        for i in range(max(a, start), min(b, end)):
            rest[i - start] = " "
    ignored = _table(lexicon).get("split_leftover_words", r"(?!)")
    words = re.findall(r"[\w-]+", "".join(rest))
    return all(re.fullmatch(ignored, w, re.IGNORECASE) for w in words)


def _own_answers(
    ctx: CaseContext, sentence: Sentence, kind: str, alternative: str
) -> list[str] | None:
    """The answers the reader of ``kind`` hides in its own cards of ``sentence`` (read alone),
    or None when it gives none: its card, made with its own wording rules, is kept and this
    reader adds none of that kind."""
    # A sentence naming two differentials is split once for each: its cards are read once.
    cache: dict[tuple[Sentence, str], list[Fact]] = ctx.derived("contrast.own_facts", _new_cache)
    if (sentence, kind) not in cache:
        cache[sentence, kind] = _alone_facts(ctx, sentence, kind)
    # Only the cards about the differential: "..., which is heterogeneous with necrosis" may
    # also give the case's own disease a card asking "necrosis".
    facts = [f for f in cache[sentence, kind] if _same_entity(f.subject, alternative)]
    if not facts:
        return None
    return [fact.text[c.start : c.end] for fact in facts for c in fact.clozes]


def _new_cache(ctx: CaseContext) -> dict[tuple[Sentence, str], list[Fact]]:
    return {}


def _alone_facts(ctx: CaseContext, sentence: Sentence, kind: str) -> list[Fact]:
    """The cards the reader of ``kind`` makes of ``sentence`` read alone."""
    from deckbuilder.extract import age, appearance, sex, site

    run_of = {
        "age-distribution": age.run,
        "sex-predominance": sex.run,
        "common-site": site.run,
        "sequence-appearance": appearance.run,
    }
    # replace() hands the copy the case's own derived analyses (who each sentence is about):
    # they are built from the whole case, never from ctx.sentences, so the sentence read alone
    # keeps its owner.
    alone = replace(ctx, sentences=(sentence,))
    return [fact for fact in run_of[kind](alone) if fact.source == sentence]


def _same_entity(one: str, other: str) -> bool:
    """Whether two names name one entity: the words of one hold the other's."""

    def words(name: str) -> set[str]:
        return {
            norm(singular(w))
            for w in re.findall(r"[A-Za-z][\w-]*", re.sub(r"\([^)]*\)", " ", name))
        }

    a, b = words(one) - {"a", "an", "the"}, words(other) - {"a", "an", "the"}
    return bool(a and b) and (a <= b or b <= a)


def _kind_allows(
    ctx: CaseContext, kind: str, alternative: str, text: str, span: tuple[int, int]
) -> bool:
    """Whether a feature of ``kind`` passes that kind's own guards for a differential.

    A feature graded against the case's disease ("more often contains calcification") is
    none of them. The sex reader's: a disease of a one-sex organ ("Sertoli-Leydig cell tumour
    occurs in young women" in an ovarian case) teaches no predominance unless both sexes are
    weighed; a stated equality or a doubt teaches none either. The age reader's: a doubted age
    is no fact. An appearance is a lesion's look: a normal finding ("normal sparse trabeculae")
    is none, and a verb of growth ("infiltrates centrally") is how it spreads, kept as a
    distinguishing feature.
    """
    from deckbuilder.extract import age, sex

    start, end = span
    answer = text[start:end]
    relative = _table(ctx.lexicon).get("split_relative")
    if relative and re.search(relative, text[max(0, start - 50) : start], re.IGNORECASE):
        # "..., but more often contains calcification" weighs the differential against the
        # case's disease: a distinguishing feature, not a fact of the feature's own kind.
        return False
    if kind == "sex-predominance" and not sex.predominance_allowed(ctx, alternative, text):
        return False
    if kind in ("sex-predominance", "age-distribution"):
        # Only the answer's own clause: "... occurs in children and adolescents and has a
        # nodule without flow voids" doubts no age.
        stop = re.search(r",|;|\s(?:and|but|whereas|while)\s", text[end:])
        clause = text[: end + stop.start()] if stop else text
        return not age.doubted(clause, start, end, ctx.lexicon)
    if kind == "sequence-appearance":
        unfit = _table(ctx.lexicon).get("split_appearance_unfit")
        return not (unfit and re.search(unfit, answer, re.IGNORECASE))
    return True


def _answer_bounds(text: str, span: tuple[int, int], kind: str, lexicon: Any) -> tuple[int, int]:
    """The span a split card hides, widened to a whole answer: a comparison keeps its "than"
    phrase ("wider than 6 mm"); "X or" before it makes one alternative answer ("multiple or
    infiltrative", "little or no enhancement"); a place keeps the place coordinated with it
    ("the hands and feet", "the adrenal gland or the sympathetic chain")."""
    start, end = span
    table = _table(lexicon)
    compared = re.match(table.get("split_comparison", r"(?!)"), text[end:], re.IGNORECASE)
    if compared and re.search(r"(?:er|more|less)$", text[start:end], re.IGNORECASE):
        end += compared.end()
    alternative = re.search(r"(?<![\w-])([\w-]+)\s+or\s+$", text[:start])
    if alternative and not re.fullmatch(
        table.get("split_not_alternative", r"(?!)"), alternative.group(1), re.IGNORECASE
    ):
        start = alternative.start(1)
    if kind == "common-site":
        end = _coordinated_place(text, start, end, lexicon)
    return start, end


def _coordinated_place(text: str, start: int, end: int, lexicon: Any) -> int:
    """Where a place ends once a place coordinated with it is taken in.

    The second place either has its own article ("or the sympathetic chain") or is one or two
    bare words ending the clause ("hands and feet.", "body or tail of ..."). A bare word is no
    verb of the subject lexicon and agrees with the first place in number, so a verb of the
    next clause ("tail and contains blood.") is no place; after "and" the first place must be
    plural as well ("fingers and toes"), since "the dura and calcify" joins a verb.
    """
    table = _table(lexicon)
    place = re.match(table.get("split_coordinated_place", r"(?!)"), text[end:], re.IGNORECASE)
    if not place:
        return end
    if place.group("article"):
        return end + place.end()
    last = (re.findall(r"[\w-]+", text[start:end]) or [""])[-1]
    second = place.group("words").split()[0]
    plural = re.compile(r"[a-z]{2,}(?<![su])s$", re.IGNORECASE)
    verbs = {norm(v) for v in lexicon_list(lexicon, "subject", "verbs")}
    if norm(second) in verbs or (plural.match(second) and not plural.match(last)):
        return end
    if re.match(r"\s+and\b", text[end:], re.IGNORECASE) and not plural.match(last):
        return end
    return end + place.end()


def _kinds_of(text: str, span: tuple[int, int], lexicon: Any) -> list[tuple[str, tuple[int, int]]]:
    """The kinds one hidden feature of a differential belongs to, each with the span its card
    hides: the age and sex spans the age and sex readers find inside it ("middle-aged women" is
    both), a place after a verb of arising (``feature_site_lead``), or a term of the appearance
    lexicon; distinguishing-feature with the span itself otherwise."""
    start, end = span
    answer = text[start:end]
    if _negated_answer(lexicon).match(answer):
        return [(KIND, span)]
    found: list[tuple[str, tuple[int, int]]] = []
    for kind, spans in (
        ("age-distribution", find_ages(text, lexicon)),
        ("sex-predominance", find_sex(text, lexicon)),
    ):
        # The reader's own span is the answer ("middle-aged and elderly men" whole, even when
        # the feature reader cut it at "and").
        found.extend((kind, (a, b)) for a, b in spans if a < end and b > start)
    if found:
        return found
    lead = _table(lexicon).get("feature_site_lead")
    not_items = (lexicon.get("site", {}) or {}).get("not_items")
    if (
        lead
        and re.search(lead, text[max(0, start - 60) : start], re.IGNORECASE)
        and not (not_items and re.search(not_items, answer, re.IGNORECASE))
    ):
        return [("common-site", span)]
    # "low alkaline phosphatase and lucent tongues": a feature coordinated with one that is no
    # appearance stays whole as a distinguishing feature; an adverb alone ("intensely and
    # homogeneously") only qualifies the term before it.
    parts = [p for p in re.split(r"\s*,\s*|\s+and\s+", answer) if p]
    terms = _appearance_regex(lexicon)
    if any(terms.search(p) for p in parts) and all(
        terms.search(p) or re.fullmatch(r"[a-z]+ly", p) for p in parts
    ):
        return [("sequence-appearance", span)]
    return [(KIND, span)]


def _appearance_regex(lexicon: Any) -> re.Pattern[str]:
    """Any term of the appearance lexicon's groups, as a whole word."""
    if isinstance(lexicon, Lexicon):
        return lexicon.derived("contrast.appearance_terms", _compile_appearance_terms)
    return _compile_appearance_terms(lexicon)


def _compile_appearance_terms(lexicon: Any) -> re.Pattern[str]:
    groups = (lexicon.get("appearance", {}) or {}).get("groups", {}) or {}
    terms = [str(t) for group in groups.values() for t in (group or {}).get("terms", []) or []]
    if not terms:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{phrase_regex(terms)})(?![\w-])", re.IGNORECASE)


def _units(raw: str, lexicon: Any) -> list[str]:
    """The parts of a sentence that may each be about one alternative: the whole sentence, or
    after an introduction ending with ":" ("The main differentials each have their own
    pattern: ...", "Differentials: ..."), each ";" clause of it."""
    text = re.sub(r"^\s*\d{1,2}[.)]\s+", "", raw)
    intro = _table(lexicon).get("differential_intro")
    colon = re.match(r"([^:;]{3,120}):\s+", text)
    if colon and intro and re.search(intro, colon.group(1), re.IGNORECASE):
        text = text[colon.end() :]
    elif ";" not in text:
        return [raw]
    units = []
    for part in re.split(r"\s*;\s*", text.rstrip(" .")):
        part = re.sub(r"^(?:and|or)\s+", "", part, flags=re.IGNORECASE).strip()
        if part:
            units.append(upper_first(part) + ".")
    return units


def _unit_feature(
    ctx: CaseContext,
    raw: str,
    names: list[str],
    own_names: list[str],
    own: str,
    last: tuple[str, str] | None,
) -> tuple[str, str, str, list[tuple[int, int]]] | None:
    """The alternative ``raw`` is about, its subject as written, the card's text and the spans
    of its features; None when it is about no listed alternative."""
    label = _LABEL.match(raw)
    text = raw
    phrase: tuple[int, int] | None
    if label:
        phrase = label.span("np")
        rest = label.end()
    else:
        opening = _opening_phrase(raw, ctx.lexicon)
        phrase = opening[:2] if opening else None
        rest = opening[2] if opening else 0
    alternative = None
    if phrase is not None:
        alternative = _alternative_named(text[phrase[0] : phrase[1]], names, ctx.lexicon, own)
    introduced = _introduced(text, names, ctx.lexicon, own) if label and not alternative else None
    if introduced is not None:
        # "Parosteal osteosarcoma is the main lesion to exclude: it occurs ...": the sentence
        # before the colon names the alternative, the pronoun after it goes on about it.
        phrase, rest = introduced[:2], introduced[2]
        alternative = _alternative_named(text[phrase[0] : phrase[1]], names, ctx.lexicon, own)
    relative = None if label or alternative else _relative_opening(raw, names, ctx.lexicon, own)
    if relative is not None:
        # The card opens with the alternative's name: "Papillary carcinoma, which is ...".
        text = upper_first(raw[relative[0] :])
        phrase, rest = (0, relative[1] - relative[0]), relative[2] - relative[0]
        alternative = _alternative_named(text[phrase[0] : phrase[1]], names, ctx.lexicon, own)
    pronoun = _PRONOUN_SUBJECT.match(raw)
    if alternative is None and pronoun and last:
        # "It often crosses the midline." right after a sentence about the alternative.
        alternative, written = last
        text = written + " " + raw[pronoun.end() :]
        rest = len(written) + 1
        phrase = (0, len(written))
    if alternative is None or phrase is None:
        return None
    if entity_in_text(text[phrase[0] : phrase[1]], own_names):
        return None
    # "Metastases were the main concern here": the author's own case, told in the past.
    if re.match(r"\s*(?:was|were|had)\b", text[rest - 1 :], re.IGNORECASE):
        return None
    written = upper_first(text[phrase[0] : phrase[1]])
    clause = _label_clause(text, rest, ctx.lexicon) if label else None
    spans = clause if clause is not None else feature_spans(text, rest, len(text), ctx.lexicon)
    if label and not spans and clause is None:
        spans = _label_items(text, rest, ctx.lexicon)
    spans = [s for s in spans if _stated(text, rest, s, ctx.lexicon)]
    return alternative, written, upper_first(text), spans


def _introduced(text: str, names: list[str], lexicon: Any, own: str) -> tuple[int, int, int] | None:
    """ "Parosteal osteosarcoma is the main lesion to exclude: it occurs ...": where the name
    that opens the sentence before the colon starts and ends, and where the predicates after the
    colon's "it"/"they" start; None when the sentence has no such shape."""
    colon = re.match(r"[^:;]{3,120}?:\s+(?:it|they)\s+", text, re.IGNORECASE)
    if colon is None:
        return None
    opening = _opening_phrase(text[: colon.end()], lexicon)
    if opening is None:
        return None
    if not re.match(r"(?:is|are)\b", text[opening[2] :], re.IGNORECASE):
        return None  # "X enhances: it ..." already states a feature before the colon
    if _alternative_named(text[opening[0] : opening[1]], names, lexicon, own) is None:
        return None
    return opening[0], opening[1], colon.end()


def _label_clause(text: str, rest: int, lexicon: Any) -> list[tuple[int, int]] | None:
    """The features of a "Name: ..." line whose text is a clause rather than a list: "it arises
    from the ovary" (a pronoun repeating the name), "the tube has a thick wall" (a part of it as
    the subject, which stays visible) or "a unilocular cyst that does not show folds" (a noun
    phrase whose relative clause states the feature; the noun phrase stays visible). The clause
    ends at ";" and a trailing ", with ..." aside (a setting, not the part's feature) is left out.
    None when the text is none of these shapes."""
    regexes = _feature_regexes(lexicon)
    end = len(text.rstrip(" ."))
    semicolon = text.find(";", rest)
    if semicolon != -1:
        end = semicolon
    shape = re.compile(
        r"(?P<pronoun>(?:it|they)\s+)"
        r"|(?P<part>(?:the|its|their)\s+[\w-]+(?:\s+[\w-]+){0,2}?\s+)(?=\S)"
        r"|(?P<np>(?:(?:a|an|the)\s+)?[^;:()]{2,70}?\s+(?:that|which)\s+)",
        re.IGNORECASE,
    )
    found = shape.match(text, rest, end)
    if found is None or not regexes["opening"].match(text, found.end(), end):
        return None
    if found.group("np") and any(
        regexes["opening"].match(text, rest + m.end(), found.end())
        for m in re.finditer(r"\s+", text[rest : found.end()])
    ):
        return None  # a verb before "that" makes the text a clause of its own
    if found.group("part"):
        aside = re.compile(r",\s*with\s").search(text, found.end(), end)
        if aside:
            end = aside.start()
    return feature_spans(text, found.end(), end, lexicon)


def _relative_opening(
    text: str, names: list[str], lexicon: Any, own: str
) -> tuple[int, int, int] | None:
    """ "Papillary carcinoma, which is hypovascular" or "the main alternatives are clear cell
    carcinoma, which enhances avidly": where the listed alternative's name starts and ends, and
    where the relative clause's predicates start; None otherwise."""
    relative = re.search(r",\s+(?:which|who)\s+", text)
    if relative is None or re.search(r"[,;:]", text[: relative.start()]):
        return None
    if not _feature_regexes(lexicon)["opening"].match(text, relative.end()):
        return None
    words = list(re.finditer(r"[\w'-]+", text[: relative.start()]))[-6:]
    # "the main alternatives are X, which ...": the name is the words after the last verb.
    verbs = {norm(v) for v in lexicon_list(lexicon, "subject", "verbs")} | {"include", "includes"}
    for index, first in enumerate(words):
        if any(norm(w.group()) in verbs for w in words[index:]):
            continue
        # "Transformation to chondrosarcoma, which is rare": a name after a preposition is no
        # subject; it must open the clause or be what a listing verb names.
        before = text[: first.start()]
        if before.strip() and not _LISTING.search(before):
            continue
        if re.search(
            r"\b(?:to|of|in|into|from|with|by|for|after)\b",
            text[first.start() : relative.start()],
            re.IGNORECASE,
        ):
            continue
        if _alternative_named(text[first.start() : relative.start()], names, lexicon, own):
            return first.start(), relative.start(), relative.end()
    return None


# "the main differentials are X, which ...": the verb listing the alternatives.
_LISTING = re.compile(r"\b(?:are|is|include|includes|including|namely)\s+$", re.IGNORECASE)


def _label_items(text: str, start: int, lexicon: Any) -> list[tuple[int, int]]:
    """ "Nasopharyngeal carcinoma: adults, centred on the fossa of Rosenmüller, destroys bone":
    the comma items of a telegraphic line, a predicate giving its feature and a short noun
    phrase itself; [] when an item is neither."""
    regexes = _feature_regexes(lexicon)
    end = len(text.rstrip(" ."))
    spans: list[tuple[int, int]] = []
    verbs = {norm(v) for v in lexicon_list(lexicon, "subject", "verbs")}
    for s, e in _pieces(text, start, end, r"\s*[,;]\s*(?:and\s+)?"):
        if regexes["opening"].match(text, s, e):
            found = _predicate_feature(text, s, e, lexicon, regexes)
            if not found and regexes["hedge"].search(text, s, e):
                # "may have an extraosseous component": a hedged item stays visible.
                continue
            if not found:
                return []
            spans.extend(found)
        elif len(text[s:e].split()) <= 3 and _usable_term(text[s:e], lexicon):
            spans.append((s, e))
        elif any(norm(w) in verbs for w in text[s:e].split()):
            # "the enema is often therapeutic": a clause of its own stays visible; one with a
            # pronoun could be read as about the case's disease, so the line gives no card.
            if re.search(r"\b(?:it|its|they|their|them)\b", text[s:e], re.IGNORECASE):
                return []
            continue
        else:
            # "microcolon with inspissated meconium pellets in the terminal ileum": each noun
            # phrase of a longer item, cut at its preposition.
            parts = _pieces(text, s, e, r"\s+(?:with|at|in)\s+")
            # A part short enough to be one phrase stays whole ("inability to bear weight").
            cut = [
                _trim(text, a, b if len(text[a:b].split()) <= 4 else _term_end(text, a, b, regexes))
                for a, b in parts
            ]
            # "associated with trisomy 21": a bare participle is no feature, what it joins is.
            cut = [(a, b) for a, b in cut if not re.fullmatch(r"[a-z]+ed", text[a:b])]
            if len(cut) > 3 or not all(
                b > a and len(text[a:b].split()) <= 4 and _usable_term(text[a:b], lexicon)
                for a, b in cut
            ):
                return []
            spans.extend(cut)
    return spans


def _stated(text: str, rest: int, span: tuple[int, int], lexicon: Any) -> bool:
    """Whether a feature may be hidden: stated as a fact within its own predicate, or negated
    inside the answer itself ("does not enhance", "no flow voids"), so the card still says what
    the text says. A negation in an earlier predicate ("is lucent without matrix and shows ...")
    does not reach it; a hedge or negation before the subject's first verb does."""
    answer = text[span[0] : span[1]]
    if re.match(
        r"(?:no|not|never|without|lacks?|does\s+not|do\s+not|is\s+not|are\s+not|cannot)\b",
        answer,
        re.I,
    ):
        return True
    begin = max([rest, *[m.end() for m in re.finditer(r",|\band\b|\bbut\b", text[: span[0]])]])
    # "lacks a sclerotic rim": the verb says the absence and stays on the card with its object.
    lack = re.search(r"\black(?:s|ed|ing)?\s+(?:(?:the|a|an)\s+)?$", text[begin : span[0]], re.I)
    if lack:
        head = text[begin : begin + lack.start()]
        return not head.strip() or affirmed(head, lexicon)
    return affirmed(text[begin : span[1]], lexicon, span[0] - begin, span[1] - begin)


def _whereas_facts(ctx: CaseContext) -> Iterator[Fact]:
    """ "Infiltrating tumours preserve the reniform shape, whereas renal cell carcinoma is
    expansile and deforms the contour": each side's features are hidden, the card keeping both
    subjects. One side must be a listed alternative or the case's own entity, and each side must
    state a feature."""
    diagnosis = norm(final_diagnosis(ctx.case))
    names = [n for n, _ in differential_items(ctx) if not _within(norm(n), diagnosis)]
    disc = case_discourse(ctx)
    own_names = [*disc.names_for(ctx.subject), final_diagnosis(ctx.case)]
    for sentence in prose_sentences(ctx.sentences):
        raw = disc.expand(clean(sentence.text))
        joint = re.search(r",\s*(?:whereas|while)\s+", raw, re.IGNORECASE)
        if joint is None or case_specific(raw, ctx.lexicon):
            continue
        begin = max([0, *[m.end() for m in re.finditer(r"[:;]\s*", raw[: joint.start()])]])
        stop = raw.find(";", joint.end())
        text = raw[begin : stop if stop >= 0 else len(raw)].rstrip(" .") + "."
        left_end, right_start = joint.start() - begin, joint.end() - begin
        left = _opening_phrase(text[:left_end], ctx.lexicon)
        right = _opening_phrase(text[right_start:], ctx.lexicon)
        if left is None or right is None:
            continue
        subjects = [text[: left[1]], text[right_start : right_start + right[1]]]
        if any(_PRONOUN_SUBJECT.match(s + " ") for s in subjects):
            continue
        named = [_alternative_named(s, names, ctx.lexicon, diagnosis) for s in subjects]
        own = [entity_in_text(s, own_names) for s in subjects]
        if not any(named) and not any(own):
            continue
        spans_left = feature_spans(text, left[2], left_end, ctx.lexicon)
        spans_right = feature_spans(text, right_start + right[2], len(text), ctx.lexicon)
        spans_left = [s for s in spans_left if _stated(text[:left_end], left[2], s, ctx.lexicon)]
        spans_right = [
            s for s in spans_right if _stated(text, right_start + right[2], s, ctx.lexicon)
        ]
        if not spans_left or not spans_right or len(text) > MAX_CARD:
            continue
        other = named[1] or named[0] or subjects[1]
        entity = ctx.subject if any(own) else subjects[0]
        yield _feature_fact(
            ctx,
            sentence,
            _pair_key(entity, other),
            other,
            cloze_spans(upper_first(text), [*spans_left, *spans_right]),
        )


def _ddx_line_facts(ctx: CaseContext) -> Iterator[Fact]:
    """ "DDx: mesenteric adenitis (enlarged nodes, normal appendix), ...": each listed alternative
    with its features in brackets gives a card naming it, one cloze per feature. A feature about
    who gets the alternative ("older patients") or a hedged one stays visible; a negated one
    ("no lollipop sign") is hidden with its negation, as the alternative's own fact."""
    table = _table(ctx.lexicon)
    label = table.get("ddx_label")
    if not label:
        return
    diagnosis = norm(final_diagnosis(ctx.case))
    names = [n for n, _ in differential_items(ctx) if not _within(norm(n), diagnosis)]
    disc = case_discourse(ctx)
    for sentence in prose_sentences(ctx.sentences):
        raw = disc.expand(clean(sentence.text))
        line = re.match(label, raw, re.IGNORECASE)
        if line is None:
            continue
        # "intrahepatic cholangiocarcinoma (ICC) (older patients, ...)": an abbreviation in its
        # own brackets belongs to the name, the features follow it.
        pattern = re.compile(
            r"(?P<name>[^,;()]{3,60}?(?:\s*\([A-Z][A-Za-z0-9-]{1,9}\))?)"
            r"\s*\((?P<features>[^()]{3,200})\)"
        )
        for item in pattern.finditer(raw, line.end()):
            name = item.group("name").strip()
            plain = re.sub(r"\s*\([^()]*\)$", "", name)
            alternative = _alternative_named(plain, names, ctx.lexicon, diagnosis)
            if alternative is None:
                continue
            features = [f.strip() for f in item.group("features").split(",")]
            answers = [_ddx_answer(feature, ctx.lexicon) for feature in features]
            if not any(answers) or not all(features):
                continue
            subject = lower_first(ctx.subject, disc.proper_words)
            lead = f"{upper_first(name)} (differential diagnosis of {subject}): "
            parts: list[str | Answer] = [lead]
            index = 0
            for position, (feature, answer) in enumerate(zip(features, answers, strict=True)):
                if position:
                    parts.append(", ")
                if answer is None:
                    parts.append(feature)
                    continue
                index += 1
                parts.append(Answer(feature[: answer[1]], index))
                if answer[1] < len(feature):
                    parts.append(feature[answer[1] :])
            parts.append(".")
            yield _feature_fact(ctx, sentence, slug(alternative), alternative, parts)


def _ddx_answer(feature: str, lexicon: Any) -> tuple[int, int] | None:
    """The part of one bracketed feature to hide: the whole feature, or its head before "with"
    when it is long ("solitary mass | with capsular retraction ..."); None when it stays visible
    (who gets the alternative, a hedge, a negation inside it, or too long)."""
    people = _table(lexicon).get("ddx_people")
    if people and re.search(people, feature, re.IGNORECASE):
        return None
    # "no lollipop sign": the absence is the alternative's own fact; its "no" stays in the answer.
    negated = re.match(r"(?:no|without|not|never|absent)\s+", feature, re.IGNORECASE)
    rest = feature[negated.end() :] if negated else feature
    if not rest.strip() or not affirmed(rest, lexicon):
        return None
    # "may show flow voids": a hedge the polarity words miss still keeps the feature visible.
    if _feature_words(lexicon, "feature_hedges") and _feature_regexes(lexicon)["hedge"].search(
        feature
    ):
        return None
    end = len(feature)
    if len(feature.split()) > 6:
        cut = re.search(r"\s+with\s+", feature)
        end = cut.start() if cut else end
    if not 0 < len(feature[:end].split()) <= 6 or _vague(feature[:end], lexicon):
        return None
    return 0, end


def run(ctx: CaseContext) -> Iterator[Fact]:
    whereas = list(_whereas_facts(ctx))
    done = {id(f.source) for f in whereas}
    differential = [f for f in _differential_facts(ctx) if id(f.source) not in done]
    yield from _contrast_facts(ctx)
    # A sentence about a listed alternative is read once, with all its features.
    yield from whereas
    yield from _threshold_facts(ctx)
    yield from _ddx_line_facts(ctx)
    read = done | {id(f.source) for f in differential}
    yield from (f for f in _rather_than_facts(ctx) if id(f.source) not in read)
    yield from _set_against_facts(ctx)
    yield from _separating_facts(ctx)
    yield from _until_proven(ctx)
    yield from differential


RULE = Rule(
    name="contrast",
    kind=KIND,
    priority=45,
    doc="What tells a disease from an alternative: one cloze per feature of each side.",
    run=run,
)
