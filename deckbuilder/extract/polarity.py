"""Whether a span of a sentence is affirmed, negated or uncertain (NegEx-style).

A rule that finds an appearance or a diagnosis in a sentence asks :func:`assess` about the span
it found before turning it into a positive fact: "There were no abscess collections" must not
teach that there were abscess collections. The method is the classic one of NegEx (Chapman et
al., 2001): trigger phrases open a scope of a few words, forward for triggers written before the
finding ("no", "without", "possibly") and backward for triggers written after it ("was absent",
"cannot be excluded"); terminators ("but", "however", "which", ";") close a scope early, and
pseudo-triggers ("no change", "without contrast") hide a trigger word inside them.

Trigger lists live in ``lexicons/polarity.yaml``; see that file for its layout.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from deckbuilder.lexicon import Lexicon

__all__ = ["Polarity", "PolarityMatcher", "Trigger", "assess", "item_bound_negations", "matcher"]

_DEFAULT_WINDOW = 8
_WORD = re.compile(r"[\w\u00C0-\u024F]+(?:['\u2019-][\w\u00C0-\u024F]+)*")


class Polarity(enum.Enum):
    """How a sentence speaks of a finding."""

    AFFIRMED = "affirmed"
    NEGATED = "negated"
    UNCERTAIN = "uncertain"


class _Role(enum.Enum):
    NEGATION_BEFORE = "negation-before"
    NEGATION_AFTER = "negation-after"
    UNCERTAINTY_BEFORE = "uncertainty-before"
    UNCERTAINTY_AFTER = "uncertainty-after"
    PSEUDO = "pseudo"
    TERMINATOR = "terminator"


@dataclass(frozen=True)
class Trigger:
    """A trigger phrase found in a text and the span of text its scope covers."""

    start: int
    end: int
    polarity: Polarity
    scope_start: int
    scope_end: int


def _phrase_pattern(phrase: str) -> str:
    words = phrase.strip().lower().split()
    body = r"\s+".join(re.escape(w) for w in words)
    if re.match(r"\w", phrase.strip()):
        # Whole words only: "no" must not match inside "nodule" or "cannot".
        return rf"(?<![\w-]){body}(?![\w-])"
    # Punctuation closes a scope only as punctuation: "2.5 cm" has no sentence end in it.
    return rf"{body}(?=\s|$)"


def _same_trigger_span(a: tuple[int, int, _Role], b: tuple[int, int, _Role]) -> bool:
    # A phrase listed both before and after ("absent") keeps both roles.
    neutral = (_Role.PSEUDO, _Role.TERMINATOR)
    return a[:2] == b[:2] and a[2] not in neutral and b[2] not in neutral


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if str(v).strip()]


class PolarityMatcher:
    """Finds triggers in text using one polarity table; build once and reuse for many sentences."""

    def __init__(self, table: Mapping[str, Any]) -> None:
        self.window = int(table.get("window", _DEFAULT_WINDOW))
        self.item_bound = frozenset(p.lower() for p in _strings(table.get("item_bound")))
        negation = table.get("negation") or {}
        uncertainty = table.get("uncertainty") or {}
        roles: list[tuple[str, _Role]] = []
        roles += [(p, _Role.NEGATION_BEFORE) for p in _strings(negation.get("before"))]
        roles += [(p, _Role.NEGATION_AFTER) for p in _strings(negation.get("after"))]
        roles += [(p, _Role.UNCERTAINTY_BEFORE) for p in _strings(uncertainty.get("before"))]
        roles += [(p, _Role.UNCERTAINTY_AFTER) for p in _strings(uncertainty.get("after"))]
        roles += [(p, _Role.PSEUDO) for p in _strings(table.get("pseudo"))]
        roles += [(p, _Role.TERMINATOR) for p in _strings(table.get("terminators"))]
        # One named group per role; longest phrases first so the alternation prefers them.
        by_role: dict[_Role, list[str]] = {}
        for phrase, role in roles:
            by_role.setdefault(role, []).append(phrase)
        self._patterns = {
            role: re.compile(
                "|".join(
                    _phrase_pattern(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p))
                ),
                re.IGNORECASE,
            )
            for role, phrases in by_role.items()
        }

    def _matches(self, text: str) -> list[tuple[int, int, _Role]]:
        found: list[tuple[int, int, _Role]] = []
        for role, pattern in self._patterns.items():
            # Overlapping candidates are wanted (e.g. "not" inside "not seen"), so scan from
            # every position rather than with finditer's non-overlapping walk.
            pos = 0
            while True:
                m = pattern.search(text, pos)
                if m is None:
                    break
                if m.end() > m.start():
                    found.append((m.start(), m.end(), role))
                pos = m.start() + 1
        # Longest match wins where candidates overlap; ties keep the earlier start.
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0], f[2].value))
        kept: list[tuple[int, int, _Role]] = []
        for cand in found:
            if all(cand[1] <= k[0] or cand[0] >= k[1] or _same_trigger_span(cand, k) for k in kept):
                kept.append(cand)
        kept.sort(key=lambda k: (k[0], k[1], k[2].value))
        return kept

    def triggers(self, text: str) -> list[Trigger]:
        """All negation and uncertainty triggers of ``text`` with their scopes, in text order."""
        matches = self._matches(text)
        terminators = [(s, e) for s, e, r in matches if r is _Role.TERMINATOR]
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        result: list[Trigger] = []
        for start, end, role in matches:
            if role in (_Role.NEGATION_BEFORE, _Role.UNCERTAINTY_BEFORE):
                scope = (start, self._forward_limit(end, words, terminators, len(text)))
            elif role in (_Role.NEGATION_AFTER, _Role.UNCERTAINTY_AFTER):
                scope = (self._backward_limit(start, words, terminators), end)
            else:
                continue
            polarity = (
                Polarity.NEGATED
                if role in (_Role.NEGATION_BEFORE, _Role.NEGATION_AFTER)
                else Polarity.UNCERTAIN
            )
            result.append(Trigger(start, end, polarity, scope[0], scope[1]))
        return result

    def _forward_limit(
        self,
        pos: int,
        words: Sequence[tuple[int, int]],
        terminators: Iterable[tuple[int, int]],
        text_end: int,
    ) -> int:
        limit = text_end
        following = [w for w in words if w[0] >= pos]
        if len(following) > self.window:
            limit = following[self.window - 1][1]
        for t_start, _ in terminators:
            if t_start >= pos:
                return min(limit, t_start)
        return limit

    def _backward_limit(
        self,
        pos: int,
        words: Sequence[tuple[int, int]],
        terminators: Iterable[tuple[int, int]],
    ) -> int:
        limit = 0
        preceding = [w for w in words if w[1] <= pos]
        if len(preceding) > self.window:
            limit = preceding[-self.window][0]
        for _, t_end in reversed(list(terminators)):
            if t_end <= pos:
                return max(limit, t_end)
        return limit

    def assess(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        ignore: Sequence[tuple[int, int]] = (),
    ) -> Polarity:
        """See :func:`assess`; triggers lying inside a span of ``ignore`` are not triggers.

        A caller that reads a trigger word as part of a finding ("absent venous flow" is what
        Doppler showed) passes its span in ``ignore``, so that it neither negates that finding
        nor the next one in the sentence.
        """
        if end is None:
            end = len(text)
        negated = uncertain = False
        for trig in self.triggers(text):
            if any(s <= trig.start and trig.end <= e for s, e in ignore):
                continue
            if trig.scope_start < end and trig.scope_end > start:
                if trig.polarity is Polarity.NEGATED:
                    negated = True
                else:
                    uncertain = True
        if negated:
            return Polarity.NEGATED
        if uncertain:
            return Polarity.UNCERTAIN
        return Polarity.AFFIRMED


def item_bound_negations(
    text: str, items: Sequence[tuple[int, int]], lexicon: Lexicon | Mapping[str, Any]
) -> list[tuple[int, int]]:
    """Negation triggers that negate only the rest of their own list item, as spans of ``text``.

    In "breastfeeding without supplementation, dark skin and low sun exposure" the "without"
    modifies its item's head and stops at the item's end: it neither negates that item (the item
    *is* the exposure "breastfeeding without supplementation") nor the items after it. The rule
    holds only where the list's shape is unambiguous: three or more items joined by a final
    "and", the trigger (a phrase of the table's ``item_bound`` list) written after at least one
    word of a non-final item. A list opened by the trigger ("without calcification, septa or
    nodules") or joined by "or" (which a negation distributes over) keeps its negation whole.

    Args:
        text: One sentence.
        items: The spans of the list's items, in text order.
        lexicon: Lexicons of the run (or a bare polarity table).

    Returns:
        The spans of the triggers a caller should read as part of their item.
    """
    if len(items) < 3:
        return []
    if not re.fullmatch(r",?\s*and\s+", text[items[-2][1] : items[-1][0]], re.IGNORECASE):
        return []
    pm = matcher(lexicon)
    bound: list[tuple[int, int]] = []
    for trig in pm.triggers(text):
        if trig.polarity is not Polarity.NEGATED or trig.scope_start != trig.start:
            continue
        if text[trig.start : trig.end].lower() not in pm.item_bound:
            continue
        for a, b in items[:-1]:
            if a < trig.start and trig.end < b and _WORD.search(text, a, trig.start):
                bound.append((trig.start, trig.end))
                break
    return bound


def matcher(lexicon: Lexicon | Mapping[str, Any]) -> PolarityMatcher:
    """A reusable matcher for the ``polarity`` table of ``lexicon`` (or for a bare table)."""
    table = (lexicon.get("polarity") or {}) if isinstance(lexicon, Lexicon) else lexicon
    return PolarityMatcher(table)


def assess(text: str, lexicon: Lexicon, start: int = 0, end: int | None = None) -> Polarity:
    """Judges whether the span ``[start, end)`` of ``text`` is affirmed, negated or uncertain.

    The span is negated when it overlaps the scope of a negation trigger, uncertain when it
    overlaps only the scope of an uncertainty trigger. A trigger inside the span counts too, so
    asking about a whole sentence (the default span) answers "does this sentence negate anything".

    Args:
        text: One sentence.
        lexicon: Lexicons of the run; its ``polarity`` table supplies the triggers.
        start: First character of the span.
        end: One past the last character of the span; ``None`` means the end of ``text``.

    Returns:
        NEGATED if any negation scope covers the span, else UNCERTAIN if any uncertainty scope
        does, else AFFIRMED.
    """
    return matcher(lexicon).assess(text, start, end)
