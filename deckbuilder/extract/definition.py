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
    clean,
    cloze_spans,
    lexicon_list,
    norm,
    phrase_regex,
    singular,
    slug,
    upper_first,
)
from deckbuilder.model import Fact

KIND = "definition"


def _words(lexicon: Any, key: str) -> list[str]:
    return lexicon_list(lexicon, "definition", key)


def _is_case_entity(subject: str, names: list[str]) -> bool:
    wanted = {norm(singular(n)) for n in names if n}
    bare = re.sub(r"^(?:the|a|an)\s+", "", norm(subject))
    return norm(singular(bare)) in wanted


_SCALE_LABEL = re.compile(
    r"(?:stage|grade|type|class|category|level|group|score|tier|phase)\s+(?:[ivx]+|\d+)[a-d]?",
    re.IGNORECASE,
)


def _labels_case_entity(label: str, names: list[str], lexicon: Any) -> bool:
    """Whether a label names the case's entity, or its head: "Adenomyosis:" heads a case of
    "Diffuse adenomyosis"; a generic head ("Tumour:") names nothing."""
    bare = norm(singular(re.sub(r"^(?:the|a|an)\s+", "", label.strip(), flags=re.IGNORECASE)))
    # "Stage II = fat with central necrosis" in a case of "lipoma, stage II": a stage, grade or
    # type label names one class of a scale, not the entity the case is about.
    if _SCALE_LABEL.fullmatch(bare):
        return False
    if _is_case_entity(label, names):
        return True
    generic = {norm(w) for w in lexicon_list(lexicon, "subject", "generic_heads")}
    if not bare or bare in generic or len(bare) < 5:
        return False
    return any(norm(singular(n)).endswith(" " + bare) for n in names if n)


def _category(text: str, start: int, lexicon: Any, plural: bool) -> tuple[int, int] | None:
    """The span of the category phrase starting at ``start``, visible modifiers left out."""
    stops = [w for w in _words(lexicon, "category_stops") if w != ","]
    stop = re.compile(rf"\s(?:{phrase_regex(stops)})\s|[,;:.(]", re.IGNORECASE)
    found = stop.search(text, start)
    # "the partial or complete rotation", "a rare, chronic, destructive granulomatous
    # infection": a lone quality before "or"/"and"/a comma is joined to the words after it; a
    # rare-like modifier before it stays visible.
    endings = tuple(lexicon_list(lexicon, "clauses", "adjective_endings"))
    modifiers_lead = _words(lexicon, "visible_modifiers")
    qualities = {w.lower() for w in [*modifiers_lead, *_words(lexicon, "comma_qualities")]}
    joined = False
    while found and re.fullmatch(r",|\s(?:or|and)\s", found.group(), re.IGNORECASE):
        last_part = re.split(r",|\s(?:or|and)\s", text[start : found.start()])[-1].strip()
        lone = re.fullmatch(r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,3}[\w-]+", last_part)
        if not lone or not re.match(r"(?:,|\s\w+)\s*[\w-]+[\s,]+[\w-]+", text[found.start() :]):
            break
        last_word = last_part.lower().split()[-1]
        if found.group() != "," and len(last_part.split()) > 1:
            break
        if not last_word.endswith(endings) and last_word not in qualities:
            break
        joined = joined or found.group() == ","
        found = stop.search(text, found.end())
    end = found.start() if found else len(text)
    # "a vascular tumour of endothelial origin": the origin belongs to the category.
    origin_of = (lexicon.get("definition", {}) or {}).get("origin_of")
    if found and origin_of and found.group().strip().lower() == "of":
        extra = re.match(origin_of, text[found.start() :], re.IGNORECASE)
        if extra:
            end = found.start() + extra.end()
    head_words = text[start:end].split()
    if not head_words:
        return None
    # "a rare, chronic inflammatory disorder": qualities strung before a generic head teach no
    # category.
    generic_heads = {w.lower() for w in _words(lexicon, "generic_heads")}
    if joined and head_words[-1].lower().strip(",") in generic_heads:
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
        suffixes = tuple(w.lower() for w in _words(lexicon, "category_head_suffixes"))
        last = head_words[-1].lower()
        if last not in heads and not (suffixes and len(last) > 6 and last.endswith(suffixes)):
            return None
    modifiers = _words(lexicon, "visible_modifiers")
    ranked = _words(lexicon, "ranked_modifiers")
    rank = (
        re.compile(rf"(?:{phrase_regex(ranked)})\s+", re.IGNORECASE).match(text, start, end)
        if ranked
        else None
    )
    if modifiers:
        lead = re.compile(rf"(?:{phrase_regex(modifiers)}),?\s+", re.IGNORECASE).match(
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
    # "a remnant of the thyroglossal duct", "the failure of mineralisation": what such a head is
    # of is the answer's substance.
    remnant = head in {w.lower() for w in _words(lexicon, "of_heads")}
    if remnant or head.endswith(("ation", "ations", "ction", "ctions", "ing", "ment", "ments")):
        action = re.compile(
            r"\s+of\s+(?:the\s+|a\s+|an\s+)?[\w-]+(?:\s+(?!(?:of|in|into|around|with|from|by|"
            r"at|on|to|and|or|that|which|composed|made|consisting|containing|formed|lined|filled|"
            r"caused|arising|characteri[sz]ed)\b)[\w-]+){0,2}",
            re.IGNORECASE,
        ).match(text, end)
        if action:
            end = action.end()
    if end <= start or end - start > MAX_ANSWER or len(text[start:end].split()) > 8:
        return None
    if rank is not None and rank.end() <= start:
        return _ranked(text, rank.start(), end)
    return start, end


def _ranked(text: str, start: int, end: int) -> tuple[int, int] | None:
    """ "the most common renal malignancy of childhood": a rank is learnt with its category and
    the group it ranks in, so all three are hidden together; None when too long."""
    group = re.compile(
        r"\s+(?:of|in|among)\s+(?:the\s+)?(?!(?:this|these|that|those|its|their)\b)[\w-]+"
        r"(?:\s+(?!(?:after|with|and|or|that|which|where|in|of|accounting|affecting)\b)[\w-]+)"
        r"{0,3}(?=\s*(?:[,;.(]|$|\s+(?:after|with|and|that|which|accounting)\b))",
        re.IGNORECASE,
    ).match(text, end)
    if group:
        end = group.end()
    if len(text[start:end].split()) > 9 or end - start > MAX_ANSWER:
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
        r",\s*(?:or|(?:also|formerly|previously|once)\s+(?:called|known\s+as|termed)|known\s+as|"
        r"i\.e\.)\s[^,]{1,60},",
        text[rest:],
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
            # is worth knowing too. A reference with an article ("after the clear cell type")
            # points back into the ranked group and is no answer of its own.
            ranked = re.search(
                r"\b(?:second|third|fourth)\s+most\s+\w+\b", text[opener.end() : category[1]]
            )
            first = re.compile(
                r"(?:\s+(?:of|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?)?\s+after\s+"
                r"(?!(?:the|a|an)\s)(?P<first>[\w-]+(?:\s+[\w-]+){0,3}?)(?=[,;.(]|$)",
                re.IGNORECASE,
            ).match(text, category[1])
            if ranked and first:
                spans.append(first.span("first"))
                after = first.end()
    # "is the commonest congenital neck mass and represents a remnant of the duct": a second
    # predicate coordinated with the first names a second category.
    if spans:
        second = re.compile(
            r"\s+and\s+(?:represents|is|constitutes)\s+(?:an?|the)\s+", re.IGNORECASE
        ).match(text, after)
        other = _category(text, second.end(), lexicon, plural=False) if second else None
        if other:
            spans.append(other)
            after = other[1]
    table = lexicon.get("definition", {}) or {}
    if opener is None:
        # "It results from obstruction of the appendiceal lumen": a cause stated as the
        # entity's own predicate.
        cause = _phrase_after(text, rest, table.get("cause"), lexicon, of=True)
        if cause:
            return [cause]
    # "paragangliomas that arise from the chemoreceptor cells", "a parasitic infection caused
    # by the larval stage of Echinococcus", "a tumour of hyaline cartilage": what the category
    # comes from, right after it.
    origin = _phrase_after(text, after, table.get("origin"), lexicon)
    origin = origin or _phrase_after(text, after, table.get("cause_after"), lexicon, of=True)
    tissue = table.get("tissue_of")
    made_of = re.compile(tissue, re.IGNORECASE).match(text, after) if tissue else None
    if made_of and not origin:
        origin = made_of.span("tissue")
    if origin and spans:
        spans.append(origin)
        after = origin[1]
    composition = table.get("composition")
    contains = table.get("contains")
    made = re.compile(composition, re.IGNORECASE).search(text, after) if composition else None
    if made is None and contains and not spans:
        made = re.compile(contains, re.IGNORECASE).match(text, rest)
    if made is not None and (spans or made.start() == rest):
        items = list_items(text, made.end(), len(text), lexicon)
        spans.extend(_split_containing(text, items, lexicon))
    return sorted(set(spans))


def _split_containing(
    text: str, items: list[tuple[int, int]], lexicon: Any
) -> list[tuple[int, int]]:
    """ "fibro-osseous tissue containing immature woven bone" is two components."""
    result: list[tuple[int, int]] = []
    for start, end in items:
        # "lipid-laden macrophages (foamy histiocytes)": a bracketed synonym stays visible.
        aside = re.search(r"\s*\([^()]*\)$", text[start:end])
        if aside and aside.start() > 0:
            end = start + aside.start()
        inner = re.search(
            r"\s+(?:containing|with|embedded\s+in|set\s+in|separated\s+by|surrounded\s+by|"
            r"resting\s+on|overlying|supported\s+by)\s+",
            text[start:end],
        )
        if inner and len(text[start : start + inner.start()].split()) <= 5:
            result.append((start, start + inner.start()))
            result.append(trim_item(text, start + inner.end(), end, lexicon))
        else:
            result.append((start, end))
    return result


def _phrase_after(
    text: str, start: int, pattern: str | None, lexicon: Any, search: bool = False, of: bool = False
) -> tuple[int, int] | None:
    """The noun phrase after ``pattern`` (an origin "that arise from ..." or a cause "results
    from ..."), up to a preposition, a clause or a participle after a plural ("ectodermal cells
    | trapped during ..."); None when there is none or it is long. With ``of``, one "of" phrase
    belongs to it ("obstruction of the appendiceal lumen")."""
    if not pattern:
        return None
    regex = re.compile(pattern, re.IGNORECASE)
    found = regex.search(text, start) if search else regex.match(text, start)
    if found is None or not affirmed(text, lexicon, found.start(), found.end()):
        return None
    stops = _words(lexicon, "phrase_stops")
    stop_re = re.compile(
        rf"\s(?:{phrase_regex(stops)})\s|[,;:.()]|(?<=s)\s(?=[a-z]+ed\b)", re.IGNORECASE
    )
    stop = stop_re.search(text, found.end())
    if of and stop and re.match(r"\s+of\s", text[stop.start() :], re.IGNORECASE):
        stop = stop_re.search(text, stop.end())
    begin, end = trim_item(text, found.end(), stop.start() if stop else len(text), lexicon)
    if end <= begin or len(text[begin:end].split()) > 8 or end - begin > MAX_ANSWER:
        return None
    return begin, end


def label_definition(text: str, start: int, lexicon: Any) -> list[tuple[int, int]]:
    """The spans of a telegraphic definition after "<entity>:" or "<entity> =": the noun phrase
    up to a preposition or clause, one span per listed item; [] when it opens with a verb or a
    number, or is long."""
    first = re.match(r"[\w-]+", text[start:])
    verbs = {w.lower() for w in lexicon_list(lexicon, "clauses", "verbs")}
    word = first.group().lower() if first else ""
    # "seen in athletes", "usually at L5": a participle or an adverb opens no definition.
    participle = word.endswith(("ed", "ly")) or word in {"seen", "found", "known", "shown"}
    if not word or word in verbs or participle or word[0].isdigit():
        return []
    stops = _words(lexicon, "label_stops")
    stop = re.compile(rf"\s(?:{phrase_regex(stops)})\s|[,;:.()]", re.IGNORECASE).search(text, start)
    end = stop.start() if stop else len(text)
    if len(text[start:end].split()) > 8 or end - start > MAX_ANSWER:
        return []
    return list_items(text, start, end, lexicon) or [trim_item(text, start, end, lexicon)]


def _cut_tail(clause: str, end: int) -> str:
    """The clause up to the last answer's phrase: a colon or ", and it is ..." after the last
    answer opens another statement ("... is a malignant tumour, and it is the third most
    frequent ...", "... and is confined to the elderly: it does not ..."), which the card drops."""
    tail = re.compile(
        r":\s|,\s+(?:and|but|while|whereas)\s+(?:it|they|this|these)\s+(?:is|are|was|were|has|have)\b"
    ).search(clause, end)
    if tail is None:
        return clause
    return clause[: tail.start()].rstrip(" ,") + "."


def run(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    own = [ctx.subject, *diagnosis_heads(final_diagnosis(ctx.case), ctx.lexicon)]
    names = own + [long for long in disc.abbreviations.values()]
    # "FLC consists of ...": the abbreviation of a name is that name.
    names += [short for short, long in disc.abbreviations.items() if _is_case_entity(long, own)]
    for sentence in prose_sentences(ctx.sentences):
        if case_specific(sentence.text, ctx.lexicon):
            continue
        written = disc.expand(clean(sentence.text))
        # "Hirschsprung disease (HD) = congenital absence of ...": an abbreviation may follow.
        label = re.match(
            r"(?P<name>[^:=;,()]{3,60}?)(?P<abbr>\s*\([^()]{1,15}\))?\s*(?::|=)\s+", written
        )
        # A label defining its own abbreviation ("SCFE") may be any entity of the case: it must
        # be the case's own.
        label_names = own if label and label.group("abbr") else names
        if label and _labels_case_entity(label.group("name"), label_names, ctx.lexicon):
            # "Adenomyosis: ectopic endometrial glands and stroma within the myometrium".
            spans = label_definition(written, label.end(), ctx.lexicon)
            if spans:
                name = label.group("name")
                parts = cloze_spans(written, spans)
                yield build_fact(
                    ctx, sentence, KIND, slug(singular(name)), name, parts, tags=("pathology",)
                )
            continue
        text, entity = prepare(disc, sentence, ctx.lexicon)
        # "Definition: enchondroma is a benign tumour ...": a heading word opens no subject.
        heading = re.match(r"(?:Definition|Pathology|Background|Key\s+points?)\s*:\s*", text)
        if heading:
            text = upper_first(text[heading.end() :])
        # "Histologically, it consists of ...": a leading viewpoint adverb opens no subject.
        viewpoint = re.match(
            r"(?:In\s[^,]{1,60},\s)?(?:histologically|microscopically|macroscopically|"
            r"pathologically|grossly),?\s+(?P<pronoun>(?:it|they)\s+)?",
            text,
            re.IGNORECASE,
        )
        if viewpoint:
            rest = text[viewpoint.end() :]
            text = f"{entity} {rest}" if viewpoint.group("pronoun") else upper_first(rest)
        subject = sentence_subject(text, ctx.lexicon)
        # "The thyroglossal duct cyst is ..." in a case of an infected one: the head of the
        # diagnosis is the entity too.
        if not subject or not _labels_case_entity(subject, names, ctx.lexicon):
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
        parts = cloze_spans(_cut_tail(clause, spans[-1][1]), spans)
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
