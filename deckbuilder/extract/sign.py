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
    slug,
    upper_first,
)
from deckbuilder.model import Fact, SectionKind

KIND = "sign"
MAX_CARD = 400


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
    # Short words only look like adjectives ("ring", "bead"): the endings count from six letters.
    if not words or (endings and len(last) > 5 and last.endswith(endings)):
        return False
    return "-" in name or len(words) >= 2


def _usable(
    name: str, text: str, start: int, end: int, table: dict[str, Any], lexicon: Any
) -> bool:
    blocked = {w.lower() for w in table.get("not_names", [])}
    return (
        bool(name)
        and not any(w.lower() in blocked for w in name.split())
        and affirmed(text, lexicon, start, end)
    )


def _sign_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The name's span widened over the word "sign" (or "pattern"/"appearance") after it."""
    word = re.match(r"\s+(?:sign|pattern|appearance)\b", text[end:], re.IGNORECASE)
    return start, end + (word.end() if word else 0)


def _clause(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The semicolon clause of ``text`` holding ``start:end`` and its offset."""
    begin = max((m.end() for m in re.finditer(r";\s*", text[:start])), default=0)
    # "...; its origin is shown by the claw sign": a clause opening with a pronoun needs the one
    # before it.
    if re.match(r"(?:it|its|they|their|this|these|which)\b", text[begin:], re.IGNORECASE):
        begin = 0
    stop = text.find(";", end)
    clause = text[begin : stop if stop >= 0 else len(text)].rstrip(" ,;.") + "."
    return clause, begin


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


def _signs(text: str, lexicon: Any) -> list[tuple[str, int, int, bool]]:
    """Every sign of ``text``, flagged when the hidden answer is the finding, not the name."""
    found = [(*f, False) for f in find_signs(text, lexicon)]
    found += [(*f, False) for f in find_sentence_signs(text, lexicon)]
    found += [(*f, True) for f in find_finding_signs(text, lexicon)]
    return found


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
            names_own = own is not None and own[:1].isupper() and not is_generic(own, ctx.lexicon)
            # "Wall thickening is the earliest sign": the subject is the finding, not the entity.
            names_own = names_own and not is_finding
            if not names_own and not names_kind_of(disc, resolved, topic, ctx.lexicon):
                parts = name_parts(parts, topic, disc.names_for(topic), disc.proper_words)
            yield build_fact(ctx, sentence, KIND, slug(name), topic, parts, tags=("imaging",))


RULE = Rule(
    name="sign",
    kind=KIND,
    priority=46,
    doc="Named imaging signs and the finding each names, the name hidden.",
    run=run,
)
