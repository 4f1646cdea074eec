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
    name_parts,
    resolve_anaphora,
    slug,
    upper_first,
)
from deckbuilder.model import Fact

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
            found.append((card, name_start, name_start + len(name)))
    return found


def run(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    seen: set[str] = set()
    for sentence in prose_sentences(ctx.sentences):
        topic = disc.topic(sentence)
        text = disc.expand(clean(sentence.text))
        for card, start, end in find_signs(text, ctx.lexicon):
            name = card[start:end]
            if name.lower() in seen or len(card) > MAX_CARD:
                continue
            seen.add(name.lower())
            resolved, _ = resolve_anaphora(card, topic, ctx.lexicon, disc.proper_words)
            shift = len(resolved) - len(card)
            parts = cloze_spans(upper_first(resolved), [(start + shift, end + shift)])
            own = sentence_subject(resolved, ctx.lexicon)
            # "Pulmonary embolism causes ... (the Hampton hump sign)" names its own subject.
            names_own = own is not None and own[:1].isupper() and not is_generic(own, ctx.lexicon)
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
