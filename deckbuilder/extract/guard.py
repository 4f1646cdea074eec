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
from dataclasses import dataclass
from typing import Any

from deckbuilder.extract.text import lexicon_list
from deckbuilder.lexicon import Lexicon
from deckbuilder.model import Fact

__all__ = ["garbled", "keep_readable"]

_WORD = re.compile(r"[\w'-]+|[,;:]")


def keep_readable(facts: list[Fact], lexicon: Any) -> list[Fact]:
    """``facts`` without the automatic ones that :func:`garbled` flags, order kept."""
    return [f for f in facts if f.authored or garbled(f, lexicon) is None]


@dataclass(frozen=True)
class _Marks:
    """The guard's word sets, read from ``lexicons/guard.yaml``."""

    endings: frozenset[str]
    openings: frozenset[str]
    comparatives: frozenset[str]
    empty: frozenset[str]
    pairs: frozenset[tuple[str, ...]]

    @classmethod
    def read(cls, lexicon: Any) -> _Marks:
        def words(key: str) -> frozenset[str]:
            return frozenset(lexicon_list(lexicon, "guard", key))

        table = lexicon.get("guard", {}) or {}
        return cls(
            endings=words("dangling_answer_endings"),
            openings=words("dangling_answer_openings"),
            comparatives=words("comparatives"),
            empty=words("empty_answers"),
            pairs=frozenset(tuple(p) for p in table.get("garbled_pairs", [])),
        )


def _marks(lexicon: Any) -> _Marks:
    # Every fact of every case is checked: read the sets once per lexicon, not once per fact.
    if isinstance(lexicon, Lexicon):
        return lexicon.derived("guard.marks", _Marks.read)
    return _Marks.read(lexicon)


def garbled(fact: Fact, lexicon: Any) -> str | None:
    """Why ``fact`` reads as a bad cut, or None when it reads clean."""
    marks = _marks(lexicon)
    for answer in fact.answers():
        words = _WORD.findall(answer.lower())
        if not words:
            return "empty answer"
        if len(words) == 1 and words[0] in marks.empty:
            return f"answer '{words[0]}' asks nothing"
        if words[-1] in marks.endings or words[-1] in {",", ";", ":"}:
            return f"answer ends on '{words[-1]}'"
        if words[-1] in marks.comparatives and "," in words:
            return f"answer ends on a second clause's '{words[-1]}'"
        if words[0] in marks.openings or words[0] in {",", ";", ":"}:
            return f"answer opens on '{words[0]}'"
        if answer.count("(") != answer.count(")"):
            return "answer has an unbalanced bracket"
    words = _WORD.findall(fact.text.lower())
    for first, second in zip(words, words[1:], strict=False):
        if (first, second) in marks.pairs:
            return f"'{first} {second}' in the text"
    return None
