"""The contract between the extraction driver and its rules.

A rule is a small named function from a case (already split into sentences) to facts. Rules are
registered by name and priority, as Python-Markdown registers its processors: adding a fact kind
means adding one rule module and its lexicon, never editing a central function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from deckbuilder.model import CaseNote, Diagnostic, Fact, Sentence

T = TypeVar("T")

# The size bar of a card: a cloze answer is a term, not a clause, and a card reads at a glance.
MAX_ANSWER_CHARS = 90
MAX_TEXT_CHARS = 400


@dataclass(frozen=True)
class CaseContext:
    """What a rule sees: the case, its sentences in reading order, and the shipped lexicons.

    ``subject`` is the entity the case is about (the disease named in the Discussion's opening
    or the Final Diagnosis); rules use it to make a card say whose fact it is.
    """

    case: CaseNote
    sentences: tuple[Sentence, ...]
    # A deckbuilder.lexicon.Lexicon; typed loosely to keep this module free of imports.
    lexicon: Any
    subject: str
    _derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def derived(self, name: str, build: Callable[[CaseContext], T]) -> T:
        """``build(self)``, computed by the first rule that asks and shared with the others.

        Several rules need the same analysis of a case (who each sentence is about); this keeps
        it to once per case without any rule depending on another's output. A copy made with
        ``dataclasses.replace`` shares these values, so ``build`` reads the case and the lexicon,
        never ``sentences``.
        """
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]


@dataclass(frozen=True)
class RuleOutput:
    facts: tuple[Fact, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


RuleFunction = Callable[[CaseContext], Iterable[Fact] | RuleOutput]


@dataclass(frozen=True)
class Rule:
    """A registered extractor: ``name`` is unique, lower ``priority`` runs first."""

    name: str
    kind: str
    priority: int
    doc: str
    run: RuleFunction
