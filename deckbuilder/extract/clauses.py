"""Reading lists and predicates inside a sentence, for the rules of the general fact kinds.

A rule that found a trigger ("the main complications are", "risk factors include") hands the
span after it to :func:`list_items`, which cuts it into clean items or gives up: a list it cannot
read safely ("malperfusion of the viscera, kidneys or limbs" nested in an outer list, a clause
instead of a term) yields nothing rather than a garbled card. :func:`complement` finds the term a
predicate states ("usually have a low ADC" gives "low ADC"). :func:`pattern_facts` runs the
regular expressions of a lexicon table over the Discussion and builds one fact per sentence.
Word lists live in ``lexicons/clauses.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from deckbuilder.extract.base import CaseContext
from deckbuilder.extract.polarity import item_bound_negations
from deckbuilder.extract.subject import (
    UNSURE,
    case_discourse,
    clause_entity,
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
    name_parts,
    norm,
    phrase_regex,
    singular,
    slug,
    split_items,
)
from deckbuilder.model import Fact

__all__ = [
    "MAX_ANSWER",
    "case_specific",
    "complement",
    "is_condition",
    "list_items",
    "mask_asides",
    "pattern_facts",
    "predicates",
    "trim_item",
]

MAX_ANSWER = 90
MAX_WORDS = 12
MAX_CARD = 400

_PREPOSITIONS = re.compile(
    r"\b(?:of|in|into|with|to|from|by|between|within|at|on)\b", re.IGNORECASE
)


def _words(lexicon: Any, key: str) -> list[str]:
    return lexicon_list(lexicon, "clauses", key)


def list_stop(text: str, start: int, end: int, lexicon: Any) -> int:
    """Where a list starting at ``start`` ends: the first stop phrase, or ``end``."""
    lowered = text.lower()
    for stop in _words(lexicon, "list_stops"):
        found = lowered.find(stop.lower(), start, end)
        # ", as well as X" adds an item; it does not end the list as ", as" does.
        while found >= 0 and lowered.startswith(", as well as ", found):
            found = lowered.find(stop.lower(), found + 1, end)
        if found >= 0:
            end = found
    return end


def trim_item(text: str, start: int, end: int, lexicon: Any) -> tuple[int, int]:
    """Drops leading articles and adverbs ("later", "rarely") and edge punctuation."""
    leading = _words(lexicon, "leading_words")
    pattern = re.compile(rf"(?:{phrase_regex(leading)})\s+", re.IGNORECASE) if leading else None
    changed = True
    while changed and pattern is not None:
        changed = False
        found = pattern.match(text, start, end)
        if found and found.end() < end:
            start = found.end()
            changed = True
    while end > start and text[end - 1] in " .,;:":
        end -= 1
    while start < end and text[start] in " ,;:":
        start += 1
    return start, end


def _top_level_conjunction(item: str) -> re.Match[str] | None:
    depth = 0
    for match in re.finditer(r"\(|\)|\s(?:and|or)\s", item):
        token = match.group()
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            return match
    return None


def _keeps_together(left: str, gap: str, right: str, lexicon: Any) -> bool:
    """Whether "left and/or right" is one item ("epithelial and myoepithelial cells", "haemorrhage
    into the tumour or the retroperitoneum", "proximal and distal tibia") rather than two."""
    if not re.fullmatch(r"\s*(?:and|or)\s+(?:the\s+|a\s+|an\s+)?", gap, re.IGNORECASE):
        return False
    article = re.search(r"\b(?:the|a|an)\s+$", gap, re.IGNORECASE)
    # "haemorrhage into the tumour or the retroperitoneum": "or" offers another object.
    is_or = gap.strip().lower().startswith("or")
    starts_with_article = article or re.match(r"(?:the|a|an)\b", right, re.IGNORECASE)
    if is_or and starts_with_article and _PREPOSITIONS.search(left):
        return True
    # "sheets of hepatocytes without portal tracts or bile ducts": a short bare noun after a
    # prepositional phrase belongs to that phrase.
    if (
        is_or
        and _PREPOSITIONS.search(left)
        and len(re.sub(r"\([^)]*\)", "", right).split()) <= 2
        and not _PREPOSITIONS.search(right)
    ):
        return True
    if len(left.split()) == 1 and len(right.split()) > 1:
        endings = tuple(_words(lexicon, "adjective_endings"))
        if endings and left.lower().endswith(endings):
            return True
    return False


def merge_modifiers(text: str, spans: list[tuple[int, int]], lexicon: Any) -> list[tuple[int, int]]:
    """Joins a lone adjective to the item after it when only a comma separates them:
    "symptomatic, surgically accessible lesions" is one item."""
    endings = tuple(_words(lexicon, "adjective_endings"))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and endings:
            ps, pe = merged[-1]
            previous = text[ps:pe]
            if (
                len(previous.split()) == 1
                and previous.lower().endswith(endings)
                and re.fullmatch(r",\s*", text[pe:s])
                and len(text[s:e].split()) > 1
            ):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged


def list_items(
    text: str, start: int, end: int, lexicon: Any, commas: bool = False
) -> list[tuple[int, int]]:
    """The items of the list written in ``text[start:end]``, or [] when it cannot be read safely.

    "rupture, malperfusion of the viscera, kidneys or limbs, and later aneurysmal dilatation"
    gives three items: a short "kidneys or limbs" after an item with a prepositional phrase is a
    list nested in it. Items starting with a qualifier ("mostly in lesions larger than 5 cm") are
    left visible. Commas without a final "and"/"or" are adjectives of one item ("clustered,
    dilated, thin-walled channels") unless ``commas`` is set, as in a telegraphic labelled line
    ("Risk factors: multiparity, previous uterine surgery"). An item ending in a bracketed list of
    examples ("uterine surgery (caesarean section, curettage)") gives its head and each example.
    Any item over 90 characters or 10 words gives []. A relative clause set between commas
    before the final conjunction ("A, which express RANKL, and B") is read as blank.
    """
    text = _mask_relatives(text, start, end)
    end = list_stop(text, start, end, lexicon)
    # "A, B and C, as well as D": two lists, read one after the other.
    also = text.lower().find(", as well as ", start, end)
    if also >= 0:
        head_items = list_items(text, start, also, lexicon, commas)
        tail_items = list_items(text, also + len(", as well as "), end, lexicon, commas)
        return head_items + tail_items if head_items and tail_items else []
    body = text[start:end]
    if not body.strip():
        return []
    has_commas = bool(re.search(r",", re.sub(r"\([^)]*\)", "", body)))
    has_conjunction = bool(re.search(r"(?:^|\s)(?:and|or)\s", re.sub(r"\([^)]*\)", "", body)))
    if has_commas and not has_conjunction and not commas:
        spans = [(0, len(body))]
    else:
        spans = split_items(body)
        joined: list[tuple[int, int]] = []
        for s, e in spans:
            if joined and _keeps_together(
                body[joined[-1][0] : joined[-1][1]], body[joined[-1][1] : s], body[s:e], lexicon
            ):
                joined[-1] = (joined[-1][0], e)
                continue
            joined.append((s, e))
        spans = merge_modifiers(body, joined, lexicon)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        item = body[s:e]
        inner = _top_level_conjunction(item)
        if (
            merged
            and inner is not None
            and all(len(p.split()) <= 2 for p in re.split(r"\s(?:and|or)\s", item))
            and _PREPOSITIONS.search(body[merged[-1][0] : merged[-1][1]])
        ):
            merged[-1] = (merged[-1][0], e)
            continue
        merged.append((s, e))
    qualifiers = {w.lower() for w in _words(lexicon, "qualifiers")}
    non_items = {w.lower() for w in _words(lexicon, "non_items")}
    verbs = {w.lower() for w in _words(lexicon, "verbs")}
    term_words = _words(lexicon, "terms")
    terms = re.compile(rf"(?:{phrase_regex(term_words)})\b", re.I) if term_words else None
    items: list[tuple[int, int]] = []
    count = 0
    for index, (s, e) in enumerate(merged):
        first = re.match(r"[\w-]+", body[s:e])
        # "people living at high altitude or with chronic lung disease": a second modifier of
        # the same people, introduced by "with" after the final conjunction, is an item.
        parallel = (
            index == len(merged) - 1
            and index > 0
            and first is not None
            and first.group().lower() == "with"
            and re.fullmatch(r"\s+(?:and|or)\s+", body[merged[index - 1][1] : s]) is not None
            and len(body[merged[index - 1][0] : merged[index - 1][1]].split()) >= 2
        )
        if parallel and first is not None:
            s = s + first.end()
        elif index and first and first.group().lower() in qualifiers:
            continue
        s, e = trim_item(body, s, e, lexicon)
        if e <= s:
            continue
        item = body[s:e]
        first_word = re.match(r"[\w%-]+", item)
        # "Complications are rare", "occur in 25% of patients": a quality or a share, no item.
        if (
            first_word
            and (first_word.group().lower() in non_items or re.match(r"\d", first_word.group()))
            and not (terms and terms.match(item))
            and not _modifies_a_noun(item, first_word.group(), lexicon)
        ):
            return []
        # "..., and haematogenously, most often to the lungs": an adverb is no item.
        if index and re.fullmatch(r"[A-Za-z]+ly", item):
            break
        # "..., and the corpus callosum is frequently crossed": a new clause ends the list, and
        # so does a new predicate ("involves the X and produces a Y appearance").
        if re.search(
            r"\b(?:is|are|was|were|has|have|had|may|can|might|could|should|must|will|would)\b",
            item,
            re.IGNORECASE,
        ):
            break
        if index and first and first.group().lower() in verbs:
            break
        if (
            len(item) > MAX_ANSWER
            or len(item.split()) > MAX_WORDS
            or not re.search(r"[A-Za-z]", item)
        ):
            return []
        items.extend(_with_examples(text, start + s, start + e, lexicon))
        count += 1
    # "the mid and distal renal and internal carotid arteries": three items and no comma to tell
    # them apart cannot be read safely.
    if not has_commas and count > 2:
        return []
    return items


def _mask_relatives(text: str, start: int, end: int) -> str:
    """``text`` with a comma-bounded relative clause before "and"/"or" inside ``[start, end)``
    blanked (same length): "mononuclear stromal cells, which overexpress RANK ligand, and giant
    cells" lists two kinds of cell, not one cut at ", which"."""
    pattern = re.compile(r",\s+(?:which|who|whose)\s+[^,;.()]{2,80}(?=,\s+(?:and|or)\s)", re.I)
    masked = text
    for match in pattern.finditer(text, start, end):
        masked = (
            masked[: match.start()] + " " * (match.end() - match.start()) + masked[match.end() :]
        )
    # "pregnancy (through hormonal effects on the wall)": a bracket opened by a word of cause or
    # means explains the item; it is no part of the answer and no list of examples.
    for match in _EXPLANATION.finditer(masked, start, end):
        masked = (
            masked[: match.start()] + " " * (match.end() - match.start()) + masked[match.end() :]
        )
    return masked


_EXPLANATION = re.compile(
    r"\s*\((?:through|via|because|due\s+to|owing\s+to|as\s+a\s+result\s+of|by\s+way\s+of"
    r"|from|secondary\s+to|mediated\s+by|by)\s[^()]{2,120}\)",
    re.IGNORECASE,
)


_PLACING = re.compile(
    r"(?:^|,\s*)(?:between|within|near|beneath|below|above|behind|along|around|at|in|on|of|from"
    r"|anterior|posterior|medial|lateral|superior|inferior|proximal|distal|upper|lower|middle"
    r"|central|peripheral)\b",
    re.IGNORECASE,
)


def _with_examples(text: str, start: int, end: int, lexicon: Any) -> list[tuple[int, int]]:
    """An item ending in a bracketed list of examples ("previous uterine surgery (caesarean
    section, curettage)", "(e.g. X or Y)") as its head and one item per example; any other item
    as it is. Examples that cannot be read safely leave the item whole."""
    aside = re.search(
        r"\s*\(((?:e\.g\.,?\s+|such\s+as\s+|including\s+)?)([^()]*)\)$", text[start:end]
    )
    if aside is None or not (aside.group(1) or "," in aside.group(2)):
        return [(start, end)]
    inner_start = start + aside.start(2)
    # "calcaneus (anterior third, between the trabecular groups)": a bracket that places or
    # qualifies the head (an entry opening with a preposition or a part word) lists no examples;
    # the head alone is the answer.
    if not aside.group(1) and _PLACING.search(aside.group(2)):
        return [(start, start + aside.start())]
    inner = list_items(text, inner_start, start + aside.end(2), lexicon, commas=True)
    if len(inner) < (1 if aside.group(1) else 2):
        return [(start, end)]
    return [(start, start + aside.start()), *inner]


def _modifies_a_noun(item: str, first: str, lexicon: Any) -> bool:
    """Whether a quality word opens a term rather than stating a quality: "severe aortic
    regurgitation" is a term, "severe in children" and "rare" are not."""
    if first.lower() not in {w.lower() for w in _words(lexicon, "modifier_non_items")}:
        return False
    words = re.findall(r"[\w-]+", item)
    if len(words) < 2:
        return False
    return words[1].lower() not in {w.lower() for w in _words(lexicon, "particles")} | {
        "but",
        "and",
        "or",
        "than",
        "among",
        "with",
        "enough",
    }


def is_condition(item: str, lexicon: Any) -> bool:
    """Whether an item names a disease, syndrome or event ("Jaffe–Campanacci syndrome")."""
    ignored = {n.lower() for n in _words(lexicon, "not_conditions")}
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", item) if w.lower() not in ignored]
    known = {w.lower() for w in _words(lexicon, "condition_words")}
    endings = tuple(_words(lexicon, "condition_endings"))
    if any(w in known or (endings and len(w) > 5 and w.endswith(endings)) for w in words):
        return True
    table = lexicon.get("clauses", {}) if hasattr(lexicon, "get") else {}
    gene = (table or {}).get("gene_symbol")
    not_genes = set(_words(lexicon, "not_genes"))
    return isinstance(gene, str) and any(
        re.match(gene, w) is not None and w not in not_genes for w in re.findall(r"[\w-]+", item)
    )


def complement(
    text: str, start: int, end: int, lexicon: Any, last: bool = False
) -> tuple[int, int] | None:
    """The term a predicate in ``text[start:end]`` states: after its verb, adverbs and articles,
    up to a preposition or clause break. "usually have a low ADC" gives the span of "low ADC".

    With ``last``, the last verb of the span is used ("the fat is hyperintense on T1WI and shows
    signal loss" gives "signal loss").
    """
    verbs = _words(lexicon, "verbs")
    if not verbs:
        return None
    verb_re = re.compile(rf"(?<![\w-])(?:{phrase_regex(verbs)})(?![\w-])", re.IGNORECASE)
    found = list(verb_re.finditer(text, start, end))
    if not found:
        return None
    verb = found[-1] if last else found[0]
    skip = [*_words(lexicon, "adverbs"), *_words(lexicon, "particles"), *verbs]
    skip_re = re.compile(rf"(?:{phrase_regex(skip)})\s+", re.IGNORECASE)
    position = verb.end()
    while position < end and text[position] == " ":
        position += 1
    while True:
        match = skip_re.match(text, position, end)
        if not match:
            break
        position = match.end()
    stops = [w for w in _words(lexicon, "complement_stops") if w != ","]
    stop_re = re.compile(rf"\s(?:{phrase_regex(stops)})\s|[,;:.]|\s\(", re.IGNORECASE)
    stop = stop_re.search(text, position, end)
    # "involves the mid and distal renal arteries": a conjunction followed by no new predicate
    # joins words of one phrase, which runs on to the next stop.
    verb_like = {w.lower() for w in [*verbs, *_words(lexicon, "adverbs")]}
    while stop and re.fullmatch(r"\s(?:and|or)\s", stop.group(), re.IGNORECASE):
        following = re.match(r"[\w-]+", text[stop.end() : end])
        if following is None or following.group().lower() in verb_like:
            break
        stop = stop_re.search(text, stop.end(), end)
    answer_end = stop.start() if stop else end
    # "iso- or hyperintense" is one term: an "or" right after a hyphen does not stop it.
    s, e = trim_item(text, position, answer_end, lexicon)
    # "may mimic it": a pronoun is no term to learn.
    if re.search(r"\b(?:it|them|this|these|that|those|one)$", text[s:e], re.IGNORECASE):
        return None
    if e <= s or len(text[s:e]) > MAX_ANSWER or len(text[s:e].split()) > 6:
        return None
    return s, e


def predicates(text: str, start: int, end: int, lexicon: Any) -> list[tuple[int, int]]:
    """The coordinated predicates of ``text[start:end]`` ("affects older men, is often bilateral
    and lies in the tail"), each opening with a verb (after adverbs); [] if one does not."""
    verbs = _words(lexicon, "verbs")
    adverbs = _words(lexicon, "adverbs")
    if not verbs:
        return []
    opening = re.compile(
        rf"(?:(?:{phrase_regex(adverbs)})\s+)*(?:{phrase_regex(verbs)})(?![\w-])", re.IGNORECASE
    )
    cuts = [
        m
        for m in re.finditer(r",\s*(?:and\s+)?|\s+and\s+", text[start:end])
        if opening.match(text, start + m.end())
    ]
    spans: list[tuple[int, int]] = []
    position = start
    for cut in cuts:
        spans.append((position, start + cut.start()))
        position = start + cut.end()
    spans.append((position, end))
    spans = [trim_item(text, s, e, lexicon) for s, e in spans]
    if not all(opening.match(text, s) for s, _ in spans):
        return []
    return [(s, e) for s, e in spans if e > s]


def case_specific(text: str, lexicon: Any) -> bool:
    """Whether a sentence speaks of the author's own case or series ("in our experience")."""
    table = lexicon.get("clauses", {}) if hasattr(lexicon, "get") else {}
    pattern = (table or {}).get("case_specific")
    return isinstance(pattern, str) and re.search(pattern, text, re.IGNORECASE) is not None


@dataclass(frozen=True)
class _Pattern:
    """A pattern of a lexicon table and how its matches are judged."""

    regex: re.Pattern[str]
    conditions_only: bool = False
    hedged_trigger: bool = False
    any_items: bool = False
    exposures: bool = False
    differential_label: bool = False


def pattern_facts(ctx: CaseContext, kind: str, table: str, tags: tuple[str, ...]) -> Iterator[Fact]:
    """One fact per Discussion sentence matching a pattern of lexicon ``table``.

    Each pattern is a regular expression with a group ``items`` (a list, one cloze per item) or
    ``item`` (one answer), and optionally ``trigger`` (the span whose polarity decides, else the
    whole match). Tables may set ``conditions_only: true`` to keep only items naming a disease.
    The card is the sentence naming the paragraph's entity, or its clause when too long.
    """
    data = ctx.lexicon.get(table, {}) or {}
    conditions_only = bool(data.get("conditions_only"))
    # A pattern is a string, or a mapping with its own ``conditions_only`` ("McCune-Albright
    # syndrome: FD with café-au-lait spots" lists features, not conditions).
    # ``exposures: true`` drops a match whose items all name diseases (another rule's fact).
    # A mapping may also say ``hedged_trigger: true``: the trigger itself is a hedge ("should
    # raise concern for"), so only the items' own polarity counts; and ``any_items: true``: the
    # table's ``not_items`` do not apply ("especially in women over 45 years" is a predictor).
    patterns: list[_Pattern] = []
    for entry in data.get("patterns", []) or []:
        if isinstance(entry, dict):
            patterns.append(
                _Pattern(
                    re.compile(str(entry["pattern"]), re.IGNORECASE),
                    bool(entry.get("conditions_only", conditions_only)),
                    bool(entry.get("hedged_trigger")),
                    bool(entry.get("any_items")),
                    bool(entry.get("exposures")),
                    bool(entry.get("differential_label")),
                )
            )
        else:
            patterns.append(_Pattern(re.compile(str(entry), re.IGNORECASE), conditions_only))
    labels = [str(label) for label in data.get("labels", []) or []]
    if not patterns and not labels:
        return
    labelled = re.compile(rf"(?:{phrase_regex(labels)})\s*:", re.I) if labels else None
    # A table may skip sentences about something else ("metastases most often involve ...") and
    # refuse items ("a predilection for the elderly" names no site).
    skip = re.compile(data["skip_sentences"], re.IGNORECASE) if data.get("skip_sentences") else None
    not_items = re.compile(data["not_items"], re.IGNORECASE) if data.get("not_items") else None
    contrast = ctx.lexicon.get("contrast", {}) or {}
    set_against = [re.compile(p) for p in contrast.get("set_against", [])]
    disc = case_discourse(ctx)
    for sentence in prose_sentences(ctx.sentences):
        raw = clean(sentence.text)
        if not (any(p.regex.search(raw) for p in patterns) or (labelled and labelled.match(raw))):
            continue
        if case_specific(raw, ctx.lexicon):
            continue
        if skip is not None and skip.search(raw):
            continue
        # "An MCA infarct, in contrast, usually involves the basal ganglia" is a distinguishing
        # feature of another entity (deckbuilder.extract.contrast), not this kind's fact.
        if any(p.match(raw) for p in set_against):
            continue
        topic = disc.topic(sentence)
        text, entity = prepare(disc, sentence, ctx.lexicon, topic)
        spans = _sentence_spans(text, entity, disc, ctx.lexicon, data, patterns, not_items)
        # "Coexists with leiomyomas and endometriosis": an entity named only inside the items is
        # the object of the statement, not whose fact it is; the topic before it is.
        if spans and _named_only_in(text, spans, disc.names_for(entity)):
            before = disc.topic_before(sentence)
            text, entity = prepare(disc, sentence, ctx.lexicon, before)
            spans = _sentence_spans(text, entity, disc, ctx.lexicon, data, patterns, not_items)
            if _named_only_in(text, spans, disc.names_for(entity)):
                continue
        if not spans:
            continue
        spans.sort()
        # "...; and PML occurs in immunocompromised patients": a clause whose own subject is a
        # listed differential states that differential's fact, on a card of its own.
        spans, others = _split_by_differential(text, spans, entity, disc, ctx.lexicon)
        for other, other_spans in others:
            # "In <topic>, Meconium ileus: ...": the topic's added name is no part of its card.
            lead = re.match(r"In\s[^,]{1,60},\s(?:[-*•]\s+)?", text)
            cut = lead.end() if lead and _names_in(lead.group(), [entity]) else 0
            other_text = text[cut:]
            other_spans = [(s - cut, e - cut) for s, e in other_spans]
            fact = _span_fact(ctx, sentence, kind, other_text, other, other_spans, disc, tags)
            if fact is not None:
                yield fact
        if not spans:
            continue
        fact = _span_fact(ctx, sentence, kind, text, entity, spans, disc, tags)
        if fact is not None:
            yield fact


def _split_by_differential(
    text: str, spans: list[tuple[int, int]], entity: str, disc: Any, lexicon: Any
) -> tuple[list[tuple[int, int]], list[tuple[str, list[tuple[int, int]]]]]:
    """The spans that stay with ``entity`` and, per listed differential, the spans of clauses
    naming that differential as their own subject."""
    own_names = [entity, *disc.names_for(entity)]
    kept: list[tuple[int, int]] = []
    others: dict[str, list[tuple[int, int]]] = {}
    for span in spans:
        other = (
            clause_entity(disc, text, span[0], lexicon)
            or _labelled_differential(text, span[0], disc)
            or _clause_differential(text, span[0], disc)
        )
        if not other or other == UNSURE or _names_in(other, own_names):
            kept.append(span)
            continue
        listed = [d for d in disc.differentials if norm(other) == norm(d)] or [
            d for d in disc.differentials if _names_in(other, [d])
        ]
        # "Pathological fracture is a recognised complication": a subject that is the item
        # itself, or names no listed differential, leaves the fact with the topic.
        if len(listed) == 1 and not _names_in(text[span[0] : span[1]], listed):
            others.setdefault(listed[0], []).append(span)
        else:
            kept.append(span)
    return kept, sorted(others.items())


def _clause_differential(text: str, position: int, disc: Any) -> str | None:
    """The one listed differential opening the clause that holds ``position`` as its subject
    ("..., whereas mucormycosis of the sinuses arises in ..."), or None. A differential named
    later in the clause ("coexists with leiomyomas and X") is an item, not whose fact it is."""
    starts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text[:position]))]
    clause = re.sub(
        r"^(?:In\s[^,]{1,60},\s)?(?:(?:and|but|whereas|while|although)\s+)?(?:the|an?)?\s*",
        "",
        text[starts[-1] : position],
        flags=re.IGNORECASE,
    )
    hits = [
        d
        for d in disc.differentials
        if re.match(rf"{re.escape(norm(singular(d)))}(?:e?s)?\b", norm(clause))
    ]
    return hits[0] if len(hits) == 1 else None


_CLAUSE_BREAK = re.compile(r";\s*|,\s+(?=(?:and|but|whereas|while|although)\s)", re.IGNORECASE)


def _labelled_differential(text: str, position: int, disc: Any) -> str | None:
    """The listed differential a label line names before ``position`` ("Meconium ileus: cystic
    fibrosis; ..."), or None. The label must be the opening of the semicolon clause."""
    begin = max((m.end() for m in re.finditer(r";\s*", text[:position])), default=0)
    head = re.match(
        r"(?:In\s[^,]{1,60},\s)?(?:[-*•]\s+)?(?P<label>[^:;]{3,100}?)\s*:\s", text[begin:position]
    )
    if head is None:
        return None
    label = head.group("label")

    def words(phrase: str) -> set[str]:
        return {norm(singular(w)) for w in re.findall(r"[A-Za-z][\w-]{3,}", phrase)}

    own = words(label)
    hits = [
        d
        for d in disc.differentials
        if _names_in(label, [d])
        or (len(words(d) & own) >= 2 and norm(singular(d.split()[-1].strip("()"))) in own)
    ]
    return hits[0] if len(hits) == 1 else None


def _span_fact(
    ctx: CaseContext,
    sentence: Any,
    kind: str,
    text: str,
    entity: str,
    spans: list[tuple[int, int]],
    disc: Any,
    tags: tuple[str, ...],
) -> Fact | None:
    """The card of ``spans`` in ``text``: their clause, naming ``entity``."""
    body, offset = _clause_span(text, spans)
    # "...; and PML occurs in ...": the clause's linking word is no part of its card.
    link = re.match(r"(?:and|but|while|whereas)\s+(?=\S)", body, re.IGNORECASE)
    if link is not None and offset:
        body, offset = body[link.end() :], offset + link.end()
        body = body[:1].upper() + body[1:]
    spans = [(s - offset, e - offset) for s, e in spans]
    # "..., because they reflect renal dysplasia": a reason given after every answer, through a
    # pronoun for the answers themselves, is no part of the fact and would strand the pronoun.
    reason = _REASON_TAIL.search(body, max(e for _, e in spans))
    if reason is not None:
        body = body[: reason.start()].rstrip(" ,;") + "."
    if len(body) > MAX_CARD:
        body, start = _narrow_clause(text, spans, offset)
        spans = [(s + offset - start, e + offset - start) for s, e in spans]
        if len(body) > MAX_CARD:
            return None
    names = disc.names_for(entity)
    # text.entity_in_text reads "PRES" as "PRE", found in "predicts": the card must still
    # name the entity when only such a false hit would.
    if not _names_in(body, [entity, *names]):
        names = []
    parts = name_parts(cloze_spans(body, spans), entity, names, disc.proper_words)
    return build_fact(ctx, sentence, kind, slug(singular(entity)), entity, parts, tags=tags)


_REASON_TAIL = re.compile(
    r",?\s+(?:because|since|as)\s+(?:they|these|this|it|both)\b[^;]*$", re.IGNORECASE
)


def _named_only_in(text: str, spans: list[tuple[int, int]], names: list[str]) -> bool:
    """Whether ``names`` occur in ``text`` only inside the item spans."""
    outside = text
    for s, e in spans:
        outside = outside[:s] + " " * (e - s) + outside[e:]
    return _names_in(text, names) and not _names_in(outside, names)


def _names_in(text: str, names: list[str]) -> bool:
    """Whether one of ``names`` occurs in ``text`` as a whole word (a plural ending allowed):
    "PRES" is not in "pre-eclampsia", though its naive singular "PRE" would be."""
    lowered = norm(text)
    for name in names:
        form = norm(name)
        if form and re.search(rf"(?<![\w-]){re.escape(form)}(?:e?s)?(?![\w-])", lowered):
            return True
    return False


def _sentence_spans(
    text: str,
    entity: str,
    disc: Any,
    lexicon: Any,
    data: dict[str, Any],
    patterns: list[_Pattern],
    not_items: re.Pattern[str] | None,
) -> list[tuple[int, int]]:
    """The item spans the patterns and labels of a table find in a prepared sentence."""
    own_subject = bool(data.get("subject_is_entity"))
    # Items that are themselves findings ("absent Doppler flow") must not negate their trigger.
    mask_items = bool(data.get("polarity_outside_items"))
    conditions_only = bool(data.get("conditions_only"))
    # "..., and, rarely (under 1%), X": a rate set between commas is read as blank, so that it
    # neither cuts the list nor doubts the item after it.
    work = mask_asides(text, lexicon)
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.regex.finditer(work):
            # "Meconium ileus: cystic fibrosis; ...": a bare label line counts only when its
            # label names a listed differential (whose card it then is).
            if (
                pattern.differential_label
                and _labelled_differential(text, match.start("item"), disc) is None
            ):
                continue
            found = _match_items(
                work,
                match,
                entity,
                disc,
                lexicon,
                own_subject,
                mask_items and not pattern.hedged_trigger,
                pattern.conditions_only,
                pattern.hedged_trigger,
            )
            if (
                not_items is not None
                and not pattern.any_items
                and any(not_items.search(text[s:e]) for s, e in found)
            ):
                continue
            # An exposures pattern ("are linked to obesity and tamoxifen") leaves a list of
            # diseases alone to the association rule, which reads the same words.
            if (
                pattern.exposures
                and found
                and all(is_condition(text[s:e], lexicon) for s, e in found)
            ):
                continue
            for s, e in found:
                # "rupture into the biliary tree" read whole wins over its bare event "rupture".
                inside = [(a, b) for a, b in spans if s <= a and b <= e and (a, b) != (s, e)]
                if inside:
                    spans = [span for span in spans if span not in inside]
                if not any(s < b and a < e for a, b in spans):
                    spans.append((s, e))
    for s, e in _labelled_items(work, data, lexicon, not_items, conditions_only):
        if not any(s < b and a < e for a, b in spans):
            spans.append((s, e))
    return spans


def mask_asides(text: str, lexicon: Any) -> str:
    """``text`` with interjected rates ("and, rarely (under 1%), X", "or, less often, Y") blanked
    out, same length, so that list splitting and polarity read past them."""
    words = _words(lexicon, "aside_adverbs")
    if not words:
        return text
    pattern = re.compile(
        rf"(?:(?<=\band)|(?<=\bor)),\s*(?:{phrase_regex(words)})(?:\s*\([^()]*\))?,(?=\s)",
        re.IGNORECASE,
    )
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _match_items(
    text: str,
    match: re.Match[str],
    entity: str,
    disc: Any,
    lexicon: Any,
    own_subject: bool,
    mask_items: bool,
    conditions_only: bool,
    hedged_trigger: bool = False,
) -> list[tuple[int, int]]:
    """The item spans one pattern match states, or [] when its statement does not hold.

    Groups named ``items``/``items2`` are lists, ``item``/``item2`` single answers; a list
    followed by ", particularly X" gives X too ("mutations of the SDH genes, particularly SDHD").
    """
    groups = {k: v for k, v in match.groupdict().items() if v}
    trigger = match.span("trigger") if groups.get("trigger") else match.span()
    # "Von Hippel-Lindau disease is associated with multiple RCCs": the statement counts only
    # when its object is the entity itself.
    if groups.get("object") and not entity_in_text(groups["object"], disc.names_for(entity)):
        return []
    # "Untreated, the lesion carries a high risk of ...": a group ``subject`` must be the entity,
    # by name or by a pronoun or generic noun for it ("surgery carries a risk of" is not).
    if groups.get("subject") and not (
        entity_in_text(groups["subject"], disc.names_for(entity))
        or _GENERIC_SUBJECT.fullmatch(groups["subject"].strip())
    ):
        return []
    # "MEN1 is associated with parathyroid adenomas" is another condition's fact; items written
    # before the trigger ("Bladder tumours are found synchronously") are no subject.
    before = text[: trigger[0]]
    for name in groups:
        if re.fullmatch(r"items?\d*", name) and match.end(name) <= trigger[0]:
            a, b = match.span(name)
            before = before[:a] + " " * (b - a) + before[b:]
    if own_subject and not groups.get("object") and _other_condition(before, entity, disc, lexicon):
        return []
    list_groups = sorted(k for k in groups if re.fullmatch(r"items\d*", k))
    item_groups = sorted(k for k in groups if re.fullmatch(r"item\d*", k))
    judged = text
    if mask_items:
        for name in list_groups:
            a, b = match.span(name)
            if re.search(r"\b(?:not|no|never|cannot|neither|nor)\b", text[a:b], re.I):
                return []
            judged = judged[:a] + re.sub(r"\S", "x", judged[a:b]) + judged[b:]
    # "breastfeeding without supplementation, dark skin and ...": a "without" inside a list
    # item modifies that item only, so it is read as part of it, not as a negation of the rest.
    for name in list_groups:
        a, b = match.span(name)
        for s, e in item_bound_negations(judged, list_items(text, a, b, lexicon), lexicon):
            judged = judged[:s] + "x" * (e - s) + judged[e:]
    if hedged_trigger:
        a, b = trigger
        judged = judged[:a] + re.sub(r"\S", "x", judged[a:b]) + judged[b:]
    elif not affirmed(judged, lexicon, *trigger):
        return []
    found: list[tuple[int, int]] = []
    for name in list_groups:
        a, b = match.span(name)
        listed = list_items(text, a, b, lexicon)
        if not listed:
            return []
        found.extend(listed)
        found.extend(_followers(text, listed[-1][1], b, lexicon))
    for name in item_groups:
        s, e = trim_item(text, *match.span(name), lexicon)
        # "cholangiocarcinoma has been reported but is exceptional": the item ends at its verb.
        verb = re.search(
            r"\s(?:is|are|was|were|has|have|had|may|can|might|could|should|will|would)\b",
            text[s:e],
            re.IGNORECASE,
        )
        if verb:
            s, e = trim_item(text, s, s + verb.start(), lexicon)
        if e <= s or len(text[s:e]) > MAX_ANSWER or len(text[s:e].split()) > MAX_WORDS:
            return []
        found.append((s, e))
    # "Main complications are not frequent": an item must itself be stated.
    if not mask_items and not all(affirmed(judged, lexicon, s, e) for s, e in found):
        return []
    if any(
        re.match(r"(?:not|no|never|none|neither|nor)\b", text[s:e], re.IGNORECASE) for s, e in found
    ):
        return []
    if conditions_only and not all(is_condition(text[s:e], lexicon) for s, e in found):
        return []
    return found


def _followers(text: str, position: int, end: int, lexicon: Any) -> list[tuple[int, int]]:
    """Items singled out after a list (", particularly SDHD", ", especially the X")."""
    words = _words(lexicon, "singling_out")
    if not words:
        return []
    lead = re.compile(rf",\s*(?:{phrase_regex(words)})\s+", re.IGNORECASE).match(text, position)
    if lead is None:
        return []
    # ", notably under ciclosporin": a circumstance, not a member of the list.
    if re.match(
        r"(?:under|after|during|in|on|at|with|without|within|from|by|for|when|if)\b",
        text[lead.end() :],
        re.I,
    ):
        return []
    # ", notably ciclosporin, tacrolimus and anti-VEGF agents": a whole list of members, read up
    # to the clause's end; else the one member up to the next comma.
    clause = re.search(r"[;.]", text[lead.end() : end])
    limit = lead.end() + clause.start() if clause else end
    body = text[lead.end() : limit]
    items: list[tuple[int, int]] = []
    if "," in body and re.search(r"\s(?:and|or)\s", body):
        items = list_items(text, lead.end(), limit, lexicon)
    if len(items) < 2:
        stop = re.search(r"[;.]|,\s", body)
        limit = lead.end() + stop.start() if stop else limit
        items = list_items(text, lead.end(), limit, lexicon)
        # "the hilar nodes, particularly the right": a lone lowercase word is a side, not a
        # term; a symbol ("SDHD") is one.
        if any(len(text[s:e].split()) == 1 and text[s:e].islower() for s, e in items):
            return []
    return items


_RATE_WORDS = re.compile(
    r"\b(?:half|third|thirds|quarter|quarters|fifth|fifths|majority|minority|most|rare|rarely)\b",
    re.IGNORECASE,
)
_TRAILING_FREQUENCY = re.compile(
    r"\s+(?:most\s+often|most\s+commonly|most\s+frequently|more\s+often|usually|typically|"
    r"commonly|often|mostly|mainly|predominantly|classically)$",
    re.IGNORECASE,
)


_GENERIC_SUBJECT = re.compile(
    r"it|they|(?:the|this|these|such\s+an?)\s+(?:lesions?|tumou?rs?|masses|mass|cysts?|aneurysms?|"
    r"malformations?|condition|disease|anomaly|anomalies|pregnancy|pregnancies)",
    re.IGNORECASE,
)


def _labelled_items(
    text: str,
    data: dict[str, Any],
    lexicon: Any,
    not_items: re.Pattern[str] | None,
    conditions_only: bool,
) -> list[tuple[int, int]]:
    """The items of a telegraphic line headed by one of the table's ``labels`` ("Sites: the
    hand, especially ...; then the femur and humerus"): each semicolon clause is a list.

    A trailing aside that is no abbreviation ("pathologic fracture (the usual presentation in
    the hand)") is left visible; a clause that cannot be read safely gives nothing."""
    labels = [str(label) for label in data.get("labels", []) or []]
    if not labels:
        return []
    head = re.match(
        rf"^(?:In\s[^,]{{1,60}},\s)?(?:{phrase_regex(labels)})\s*:\s*", text, re.IGNORECASE
    )
    if head is None:
        return []
    spans: list[tuple[int, int]] = []
    position = head.end()
    for clause in re.finditer(r"[^;]+", text[position:]):
        start, end = position + clause.start(), position + clause.end()
        # "Complication: enterocolitis (HAEC) - fever, diarrhoea; main cause of death": a dash
        # opens a description of the item before it, and the clauses after it go on describing.
        dash = re.search(r"\s[-–—]\s", text[start:end])
        if dash is not None:
            end = start + dash.start()
        for s, e in list_items(text, start, end, lexicon, commas=True):
            aside = re.search(r"\s*\(([^()]*)\)$", text[s:e])
            if aside and (
                re.search(r"\d", aside.group(1))
                or len(aside.group(1).split()) >= 3
                or _RATE_WORDS.search(aside.group(1))
            ):
                e = s + aside.start()
            # "proximal humerus most often (about half)": how often stays visible after the site.
            often = _TRAILING_FREQUENCY.search(text[s:e])
            if often and often.start() > 0:
                e = s + often.start()
            item = text[s:e]
            if not item.strip() or not affirmed(text, lexicon, s, e):
                continue
            if not_items is not None and not_items.search(item):
                continue
            if conditions_only and not is_condition(item, lexicon):
                continue
            spans.append((s, e))
        if dash is not None:
            break
    return spans


def _other_condition(before: str, entity: str, disc: Any, lexicon: Any) -> bool:
    """Whether the words before a trigger name a condition other than ``entity``.

    Only the trigger's own clause counts ("it consists of tumour cells, and almost all tumours
    carry a fusion gene"), and a quantified generic noun ("most tumours", "all cases") is the
    entity's own cases, not another condition."""
    before = re.sub(r"^In\s[^,]{1,60},\s", "", before)
    clauses = list(re.finditer(r";\s*|,\s*(?:and|but|while|whereas)\s+", before))
    if clauses:
        before = before[clauses[-1].end() :]
    before = re.sub(
        r"\b(?:(?:almost|nearly|virtually)\s+)?(?:all|most|many|these|such|the\s+majority\s+of)\s+"
        r"(?:tumou?rs|lesions|cases|cancers|neoplasms|cysts)\b",
        " ",
        before,
        flags=re.IGNORECASE,
    )
    return is_condition(before, lexicon) and not entity_in_text(before, disc.names_for(entity))


def _narrow_clause(text: str, spans: list[tuple[int, int]], offset: int) -> tuple[str, int]:
    """For a card too long to read, the smallest run of clauses holding every span (spans
    relative to ``offset``), cut at a colon or before a clause-opening conjunction: "..., so MRI is
    the examination of choice: the oedema is bright, classically in a parieto-occipital
    distribution, while ..." keeps "the oedema is bright, classically in a ... distribution"."""
    low, high = spans[0][0] + offset, spans[-1][1] + offset
    breaks = list(re.finditer(r":\s+|;\s*|,\s+(?=(?:while|whereas|but|so|and)\s)", text))
    start = max([0, *[m.end() for m in breaks if m.end() <= low]])
    end = min([len(text), *[m.start() for m in breaks if m.start() >= high]])
    body = text[start:end].rstrip(" ;,")
    if not body.endswith((".", "!", "?")):
        body += "."
    return body, start


def _clause_span(text: str, spans: list[tuple[int, int]]) -> tuple[str, int]:
    """The semicolon clauses of ``text`` holding every span; a clause opening with "the rest" or
    "others" keeps the clause before it, which it depends on."""
    low, high = spans[0][0], spans[-1][1]
    breaks = list(re.finditer(r";\s*", text))
    starts = [0, *[m.end() for m in breaks]]
    start = max(s for s in starts if s <= low)
    while start and re.match(
        r"(?:the\s+rest|the\s+remainder|others|these|they|it|this|those)\b", text[start:], re.I
    ):
        start = max(s for s in starts if s < start)
    end = next((m.start() for m in breaks if m.start() >= high), len(text))
    body = text[start:end].rstrip(" ;")
    if not body.endswith((".", "!", "?")):
        body += "."
    return body, start
