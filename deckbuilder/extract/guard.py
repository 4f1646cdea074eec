"""The last stage of extraction: automatic cards that show the marks of a bad cut are dropped.

Rules cut sentences with patterns, and a pattern can misfire on wording nobody foresaw. The marks
of such a misfire are few and visible on the card itself: an answer that stops on a word needing a
continuation ("{{c1::enhances only mildly, less}} than ..."), one that opens on a conjunction, an
answer that is only a word like "patients", brackets left unbalanced, two function words that never
meet ("with by"). Zero false cards matters more than recall, so such a card is dropped rather than
shipped. The marks live in ``lexicons/guard.yaml``; authored facts are the maintainer's and always
kept.
"""

from __future__ import annotations

import re
from typing import Any

from deckbuilder.extract.text import lexicon_list
from deckbuilder.model import Fact

__all__ = ["garbled", "keep_readable"]

_WORD = re.compile(r"[\w'-]+|[,;:]")


def keep_readable(facts: list[Fact], lexicon: Any) -> list[Fact]:
    """``facts`` without the automatic ones that :func:`garbled` flags, order kept."""
    return [f for f in facts if f.authored or garbled(f, lexicon) is None]


def garbled(fact: Fact, lexicon: Any) -> str | None:
    """Why ``fact`` reads as a bad cut, or None when it reads clean."""
    endings = set(lexicon_list(lexicon, "guard", "dangling_answer_endings"))
    openings = set(lexicon_list(lexicon, "guard", "dangling_answer_openings"))
    comparatives = set(lexicon_list(lexicon, "guard", "comparatives"))
    empty = set(lexicon_list(lexicon, "guard", "empty_answers"))
    for answer in fact.answers():
        words = _WORD.findall(answer.lower())
        if not words:
            return "empty answer"
        if len(words) == 1 and words[0] in empty:
            return f"answer '{words[0]}' asks nothing"
        if words[-1] in endings or words[-1] in {",", ";", ":"}:
            return f"answer ends on '{words[-1]}'"
        if words[-1] in comparatives and "," in words:
            return f"answer ends on a second clause's '{words[-1]}'"
        if words[0] in openings or words[0] in {",", ";", ":"}:
            return f"answer opens on '{words[0]}'"
        if answer.count("(") != answer.count(")"):
            return "answer has an unbalanced bracket"
    pairs = {tuple(p) for p in (lexicon.get("guard", {}) or {}).get("garbled_pairs", [])}
    words = _WORD.findall(fact.text.lower())
    for first, second in zip(words, words[1:], strict=False):
        if (first, second) in pairs:
            return f"'{first} {second}' in the text"
    return None
