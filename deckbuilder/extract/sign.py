"""sign: named imaging signs and the finding each names ("(the beak sign)").

A sign written in brackets after a finding, or introduced by "known as"/"called", names the
finding just described. The card keeps what describes it: the sentence's subject and the
comma-separated part holding the sign when that part opens with a verb ("The false lumen | forms
acute angles with the flap (the beak sign)"), else everything up to that part. The sign's name is
hidden; "sign" stays visible. A list of signs that describes none of them ("the main signs are
the target sign, ...") gives nothing. Patterns live in ``lexicons/sign.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import case_specific
from deckbuilder.extract.subject import (
    case_discourse,
    is_disease_like,
    is_generic,
    names_kind_of,
    prose_sentences,
    sentence_subject,
)
from deckbuilder.extract.text import (
    affirmed,
    build_fact,
    clean,
    cloze_spans,
    lexicon_list,
    lower_first,
    name_parts,
    patient_phrase,
    resolve_anaphora,
    singular,
    slug,
    upper_first,
)
from deckbuilder.model import Fact, SectionKind

KIND = "sign"
MAX_CARD = 400
# A semicolon clause longer than this is cut to the comma part naming the sign.
LONG_CLAUSE = 220


def _parts_of(text: str) -> list[tuple[int, int]]:
    """Comma-separated parts of ``text`` outside brackets."""
    parts: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in ",;" and depth == 0:
            parts.append((start, index))
            start = index + 1
    parts.append((start, len(text)))
    return parts


def _opens_with_verb(text: str, lexicon: Any) -> bool:
    verbs = lexicon_list(lexicon, "clauses", "verbs")
    adverbs = lexicon_list(lexicon, "clauses", "adverbs")
    words = re.findall(r"[\w-]+", text.lower())
    while words and words[0] in {"and", "or", *adverbs}:
        words = words[1:]
    return bool(words) and words[0] in verbs


def find_signs(text: str, lexicon: Any) -> list[tuple[str, int, int]]:
    """Each sign of ``text``: the card text describing it and its name's span in that text."""
    table = lexicon.get("sign", {}) or {}
    blocked = {w.lower() for w in table.get("not_names", [])}
    found: list[tuple[str, int, int]] = []
    parts = _parts_of(text)
    subject = sentence_subject(text, lexicon)
    for pattern in table.get("patterns", []):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            name = match.group("name").strip()
            if any(w.lower() in blocked for w in name.split()) or not affirmed(
                text, lexicon, *match.span()
            ):
                continue
            at = match.start("name")
            index = next(i for i, (s, e) in enumerate(parts) if s <= at < e + 1)
            start, end = parts[index]
            if index and subject and _opens_with_verb(text[start:end], lexicon):
                part = re.sub(r"^\s*(?:and|or)\s+", "", text[start:end])
                lead = f"{subject} "
                card = lead + part.strip()
                offset = len(lead) + part.strip().find(match.group("name").strip())
            else:
                card = text[:end].strip()
                offset = match.start("name") + (len(match.group("name")) - len(name))
                offset = text.find(name, match.start("name"))
            card = card.rstrip(" ,;.") + "."
            name_start = card.find(name, max(0, offset - 2))
            if name_start < 0:
                continue
            found.append((card, *_sign_span(card, name_start, name_start + len(name))))
    return found


def _named_pattern(name: str, word: str, table: dict[str, Any]) -> bool:
    """Whether "<name> pattern/appearance" is a figure of speech rather than a quality."""
    if word.lower() == "sign":
        return True
    words = name.split()
    endings = tuple(table.get("adjective_endings", []))
    last = words[-1].lower() if words else ""
    # Short words only look like adjectives ("ring", "bead"): the endings count from six letters;
    # "kidney" and "honey" are nouns for all their "y".
    adjective = endings and len(last) > 5 and last.endswith(endings) and not last.endswith("ey")
    if not words or adjective:
        return False
    return "-" in name or len(words) >= 2


def _usable(
    name: str, text: str, start: int, end: int, table: dict[str, Any], lexicon: Any
) -> bool:
    blocked = {w.lower() for w in table.get("not_names", [])}
    return (
        bool(name)
        and not any(w.lower() in blocked for w in name.split())
        and _stated(text, start, end, lexicon)
    )


def _stated(text: str, start: int, end: int, lexicon: Any) -> bool:
    """Whether a sign is stated as a fact. A negation in an earlier predicate ("is lucent without
    matrix and shows the fallen fragment sign") does not reach a predicate of its own, which
    opens with a verb after "and"/"but"/a comma; anything else is read on the whole sentence."""
    # "The hair-on-end sign is not specific": a sign as its sentence's subject is stated only
    # when the whole sentence is.
    if len(text[:start].split()) <= 2:
        return affirmed(text, lexicon)
    if affirmed(text, lexicon, start, end):
        return True
    cuts = list(re.finditer(r",\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+", text[:start]))
    if not cuts:
        return False
    begin = cuts[-1].end()
    opens = _opens_with_verb(text[begin:start], lexicon) or re.match(
        r"\s*(?:producing|giving|creating|forming|showing|causing|resulting\s+in)\b",
        text[begin:start],
        re.IGNORECASE,
    )
    return bool(opens) and affirmed(text[begin:end], lexicon, start - begin, end - begin)


def _sign_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The name's span widened over the word "sign" (or "pattern"/"appearance") after it."""
    word = re.match(r"\s+(?:sign|pattern|appearance|deformity)\b", text[end:], re.IGNORECASE)
    return start, end + (word.end() if word else 0)


def _clause(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The semicolon clause of ``text`` holding ``start:end`` and its offset."""
    begin = max((m.end() for m in re.finditer(r";\s*", text[:start])), default=0)
    # "...; its origin is shown by the claw sign": a clause opening with a pronoun needs the one
    # before it.
    if re.match(r"(?:it|its|they|their|this|these|which)\b", text[begin:], re.IGNORECASE):
        begin = 0
    stop = text.find(";", end)
    stop = stop if stop >= 0 else len(text)
    if stop - begin > LONG_CLAUSE:
        narrowed = _comma_clause(text, begin, stop, start, end)
        if narrowed is not None:
            begin, stop = narrowed
    clause = text[begin:stop].rstrip(" ,;.") + "."
    return clause, begin


def _comma_clause(text: str, begin: int, stop: int, start: int, end: int) -> tuple[int, int] | None:
    """The comma part of a long clause that holds the sign, when it is a statement of its own.

    A long chain ("it is homogeneous, while on angiography the feeding arteries form a spoke-wheel
    pattern, and on delayed images ...") is no card; the part naming the sign is, once its
    linking word is dropped. A part opening with a pronoun or a relative word needs what it
    refers to, a part opening with "with" modifies the clause before it, and a part of fewer than
    four words is a fragment: all three keep the whole clause.
    """
    cuts = [begin]
    depth = 0
    for index in range(begin, stop):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            cuts.append(index + 1)
    cuts.append(stop + 1)
    for left, right in zip(cuts, cuts[1:], strict=False):
        if left <= start and end <= right - 1:
            lead = re.match(
                r"\s*(?:(?:and|but|while|whereas|although|though)\s+)?",
                text[left : right - 1],
                re.IGNORECASE,
            )
            part_start = left + (lead.end() if lead else 0)
            part = text[part_start : right - 1]
            if len(part.split()) < 4 or re.match(
                r"(?:it|its|they|their|this|these|those|which|who|whose|in\s+which|with)\b",
                part,
                re.IGNORECASE,
            ):
                return None
            return part_start, right - 1
    return None


def find_sentence_signs(text: str, lexicon: Any) -> list[tuple[str, int, int]]:
    """Signs whose sentence is their card ("scintigraphy shows the double density sign, with
    ..."): the card text and the span of the sign's name (with the word "sign")."""
    table = lexicon.get("sign", {}) or {}
    # "The main signs are the X sign, the Y sign and ...": a list describes none of them.
    if re.search(r"\bsigns\b", text, re.IGNORECASE):
        return []
    found: list[tuple[str, int, int]] = []
    for pattern in table.get("sentence_patterns", []):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            name = match.group("name").strip()
            start = match.start("name")
            end = start + len(name)
            if not _named_pattern(name, match.group("word"), table) or not _usable(
                name, text, start, match.end(), table, lexicon
            ):
                continue
            start, end = _sign_span(text, start, end)
            card, offset = _clause(text, start, end) or (text, 0)
            found.append((card, start - offset, end - offset))
    return found


def find_finding_signs(text: str, lexicon: Any) -> list[tuple[str, int, int]]:
    """ "Wall thickening is the earliest imaging sign": the finding is hidden."""
    table = lexicon.get("sign", {}) or {}
    found: list[tuple[str, int, int]] = []
    for pattern in table.get("finding_patterns", []):
        match = re.search(pattern, text, re.IGNORECASE)
        if not match or not affirmed(text, lexicon, *match.span()):
            continue
        start, end = match.span("item")
        item = text[start:end]
        # "It is the earliest sign", "This is the first sign": a pronoun is no finding to learn.
        if re.match(r"(?:it|this|these|they|that|those|one|which)\b", item, re.IGNORECASE):
            continue
        card, offset = _clause(text, start, end) or (text, 0)
        found.append((card, start - offset, end - offset))
    return found


def find_listed_signs(text: str, lexicon: Any) -> list[tuple[str, list[tuple[int, int]]]]:
    """ "Signs of perforation: loss of the submucosal layer, periappendiceal abscess, ...": each
    listed finding is hidden; the card is the sentence. Two items at least, each short."""
    table = lexicon.get("sign", {}) or {}
    for pattern in table.get("listed_patterns", []):
        match = re.match(pattern, text, re.IGNORECASE)
        if not match or not affirmed(text, lexicon, *match.span("items")):
            continue
        start, end = match.span("items")
        end = start + len(text[start:end].rstrip(" .;"))
        cuts = r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=(?:the|a|an)\s)"
        spans: list[tuple[int, int]] = []
        position = start
        for cut in [*re.finditer(cuts, text[start:end]), None]:
            stop = start + cut.start() if cut else end
            item = re.match(r"(?:(?:the|a|an)\s+)?", text[position:stop], re.IGNORECASE)
            begin = position + (item.end() if item else 0)
            words = text[begin:stop].split()
            if not words or len(words) > 6 or _opens_with_verb(text[begin:stop], lexicon):
                break
            spans.append((begin, stop))
            if cut is None:
                break
            position = start + cut.end()
        if len(spans) >= 2:
            return [(text.rstrip(" ;.") + ".", spans)]
    return []


def find_quoted_signs(text: str, lexicon: Any) -> list[tuple[str, int, int]]:
    """A figure of speech in quotation marks names a sign: 'fan-shaped "venetian blind"
    shadowing', 'chondroid matrix ("rings and arcs")'; the name inside the marks is hidden."""
    table = lexicon.get("sign", {}) or {}
    found: list[tuple[str, int, int]] = []
    for pattern in table.get("quoted_patterns", []):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            start, end = match.span("name")
            name = match.group("name")
            if re.search(r"\b(?:is|are|was|were|not|no)\b", name, re.I):
                continue
            # 'a "dirty" appearance' quotes a quality; a sign's name has two words or a hyphen.
            if len(name.split()) < 2 and "-" not in name:
                continue
            if not _stated(text, start, end, lexicon):
                continue
            card, offset = _clause(text, start, end) or (text, 0)
            found.append((card, start - offset, end - offset))
    return found


def _signs(text: str, lexicon: Any) -> list[tuple[str, int, int, bool]]:
    """Every sign of ``text``, flagged when the card names no entity of its own (the hidden
    answer is a finding, or the sentence opens with the sign itself)."""
    found = [(*f, False) for f in find_signs(text, lexicon)]
    found += [(*f, False) for f in find_sentence_signs(text, lexicon)]
    found += [(*f, True) for f in find_finding_signs(text, lexicon)]
    found += [(*f, True) for f in find_quoted_signs(text, lexicon)]
    found += [(*f, True) for f in find_named_subject_signs(text, lexicon)]
    return found


def find_named_subject_signs(text: str, lexicon: Any) -> list[tuple[str, int, int]]:
    """ "Shepherd's crook deformity of the femur results from repeated microfractures": a sign
    opening its sentence with what causes or shows it; its name is hidden."""
    table = lexicon.get("sign", {}) or {}
    found: list[tuple[str, int, int]] = []
    for pattern in table.get("subject_patterns", []):
        match = re.match(pattern, text, re.IGNORECASE)
        if match is None:
            continue
        name = match.group("name").strip()
        start = match.start("name")
        if not _named_pattern(name, match.group("word"), table) or not _usable(
            name, text, start, match.end(), table, lexicon
        ):
            continue
        start, end = _sign_span(text, start, start + len(name))
        card, offset = _clause(text, start, end) or (text, 0)
        found.append((card, start - offset, end - offset))
    return found


def _opens_with_entity(text: str, entities: list[str]) -> bool:
    """Whether ``text`` opens with a known entity's name ("Caroli disease communicates ...")."""
    for entity in entities:
        stem = re.escape(singular(entity).strip())
        if stem and re.match(rf"(?:(?:a|an|the)\s+)?{stem}(?:e?s)?\b", text, re.IGNORECASE):
            return True
    return False


def _opening_differential(text: str, differentials: tuple[str, ...]) -> str | None:
    """The listed differential whose name opens ``text`` ("Plasmacytoma shows ... (mini-brain
    appearance)"), the longest name when several do, or None."""
    hits = [d for d in differentials if _opens_with_entity(text, [d])]
    return max(hits, key=len) if hits else None


def run(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    seen: set[str] = set()
    patient = patient_phrase(ctx.case) or "patient"
    prose = prose_sentences(ctx.sentences)
    findings_sentences = [s for s in ctx.sentences if s.section is SectionKind.IMAGING_FINDINGS]
    # The Discussion's general statement of a sign comes first; a sign only the Imaging Findings
    # name is this patient's, and the card says so, as appearances do.
    for sentence in [*prose, *findings_sentences]:
        findings = sentence.section is SectionKind.IMAGING_FINDINGS
        topic = ctx.subject if findings else disc.topic(sentence)
        text = disc.expand(clean(sentence.text))
        if case_specific(text, ctx.lexicon):
            continue
        for card, start, end, is_finding in _signs(text, ctx.lexicon):
            name = re.sub(r"\s+(?:sign|pattern|appearance)$", "", card[start:end], flags=re.I)
            if name.lower() in seen or len(card) > MAX_CARD:
                continue
            seen.add(name.lower())
            if findings:
                parts = cloze_spans(card, [(start, end)])
                lead = f"In this case ({patient}), "
                if isinstance(parts[0], str):
                    parts[0] = lead + lower_first(parts[0], disc.proper_words)
                else:
                    parts.insert(0, lead)
                yield build_fact(ctx, sentence, KIND, slug(name), topic, parts, tags=("imaging",))
                continue
            resolved, _ = resolve_anaphora(card, topic, ctx.lexicon, disc.proper_words)
            shift = len(resolved) - len(card)
            parts = cloze_spans(upper_first(resolved), [(start + shift, end + shift)])
            own = sentence_subject(resolved, ctx.lexicon)
            # "Pulmonary embolism causes ... (the Hampton hump sign)" names its own subject.
            # "Obliteration of the renal sinus fat gives the X appearance" names a finding, not
            # whose sign it is: only a disease-like subject names its own.
            names_own = (
                own is not None
                and own[:1].isupper()
                and not is_generic(own, ctx.lexicon)
                and is_disease_like(own, ctx.lexicon)
            ) or _opens_with_entity(resolved, [*disc.entities, *disc.differentials])
            # "Wall thickening is the earliest sign": the subject is the finding, not the entity.
            names_own = names_own and not is_finding
            if not names_own and not names_kind_of(disc, resolved, topic, ctx.lexicon):
                parts = name_parts(parts, topic, disc.names_for(topic), disc.proper_words)
            # A sign stated of a listed differential is that differential's fact.
            owner = _opening_differential(resolved, disc.differentials) or topic
            yield build_fact(ctx, sentence, KIND, slug(name), owner, parts, tags=("imaging",))
        if findings:
            continue
        for card, spans in find_listed_signs(text, ctx.lexicon):
            name = card[spans[0][0] : spans[0][1]]
            if name.lower() in seen or len(card) > MAX_CARD:
                continue
            seen.add(name.lower())
            resolved, _ = resolve_anaphora(card, topic, ctx.lexicon, disc.proper_words)
            if resolved != card:
                continue
            parts = cloze_spans(upper_first(card), spans)
            if not names_kind_of(disc, card, topic, ctx.lexicon):
                parts = name_parts(parts, topic, disc.names_for(topic), disc.proper_words)
            yield build_fact(ctx, sentence, KIND, slug(name), topic, parts, tags=("imaging",))


RULE = Rule(
    name="sign",
    kind=KIND,
    priority=46,
    doc="Named imaging signs and the finding each names, the name hidden.",
    run=run,
)
