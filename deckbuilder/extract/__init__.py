"""The extract stage: CaseNote -> Facts, by a registry of small rules.

:func:`extract_facts` splits every block into sentences, works out the case subject, runs each
registered rule in priority order, drops automatic cards that read as a bad cut (see
:mod:`deckbuilder.extract.guard`) and what the note's ``suppress`` asks, makes keys unique
within (case, kind) and checks card sizes. Rules live one per module and expose ``RULE``; adding
a fact kind means adding a module name to ``RULE_MODULES``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import replace

from deckbuilder.extract.base import (
    MAX_ANSWER_CHARS,
    MAX_TEXT_CHARS,
    CaseContext,
    Rule,
    RuleOutput,
)
from deckbuilder.extract.guard import keep_readable
from deckbuilder.extract.pronouns import settle_pronouns
from deckbuilder.extract.subject import case_discourse, resolve_subject
from deckbuilder.lexicon import Lexicon
from deckbuilder.model import CaseNote, Diagnostic, Fact, SectionKind, Sentence, warning
from deckbuilder.sentences import split_sentences

__all__ = [
    "MAX_ANSWER_CHARS",
    "MAX_TEXT_CHARS",
    "RULE_MODULES",
    "extract_facts",
    "registered_rules",
]

# Modules of deckbuilder.extract that define a RULE; a missing one is skipped.
RULE_MODULES = (
    "authored",
    "age",
    "sex",
    "indication",
    "definition",
    "appearance",
    "complication",
    "risk",
    "association",
    "site",
    "prognosis",
    "contrast",
    "sign",
    "differential",
    "final",
)


_CLOZE_MARKUP = re.compile(r"\{\{c\d+::|\}\}")


def registered_rules() -> tuple[Rule, ...]:
    """Every available rule, in run order (priority, then name)."""
    rules: list[Rule] = []
    for name in RULE_MODULES:
        try:
            module = importlib.import_module(f"deckbuilder.extract.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"deckbuilder.extract.{name}":
                continue
            raise
        rules.append(module.RULE)
    return tuple(sorted(rules, key=lambda r: (r.priority, r.name)))


# Legends describe images the deck may not ship, references are citations: neither states facts.
NOT_TEACHING_TEXT = (SectionKind.FIGURES, SectionKind.REFERENCES)


def case_sentences(case: CaseNote) -> tuple[Sentence, ...]:
    """All sentences of a case in reading order, figure legends and references left out."""
    return tuple(
        sentence
        for section in case.sections
        if section.kind not in NOT_TEACHING_TEXT
        for block in section.blocks
        for sentence in split_sentences(block, section.kind)
    )


def extract_facts(
    case: CaseNote, lexicon: Lexicon, rules: Iterable[Rule] | None = None
) -> tuple[list[Fact], list[Diagnostic]]:
    """Cuts a case into facts.

    Args:
        case: a parsed case note.
        lexicon: the shipped lexicons (or a test's own).
        rules: the rules to run; every registered rule by default.

    Returns:
        The facts in a deterministic order (rule order, then reading order) with keys unique
        within (case, kind), and the diagnostics found on the way.
    """
    sentences = case_sentences(case)
    subject = resolve_subject(case, sentences, lexicon)
    full = CaseContext(case=case, sentences=sentences, lexicon=lexicon, subject=subject)
    # A sentence with cloze markup is taken as written: only the authored rule sees it.
    automatic = replace(
        full, sentences=tuple(s for s in sentences if not _CLOZE_MARKUP.search(s.text))
    )
    facts: list[Fact] = []
    diagnostics: list[Diagnostic] = []
    ordered = sorted(rules, key=lambda r: (r.priority, r.name)) if rules is not None else None
    for rule in ordered if ordered is not None else registered_rules():
        output = rule.run(full if rule.kind == "authored" else automatic)
        if isinstance(output, RuleOutput):
            facts.extend(output.facts)
            diagnostics.extend(output.diagnostics)
        else:
            facts.extend(output)
    facts = [f for f in facts if _has_answers(f)]
    # A cut sentence can strand "it" or "its"; the card must carry what they point to.
    facts = settle_pronouns(facts, case, lexicon, case_discourse(full).expand)
    facts = keep_readable(facts, lexicon)
    facts, suppress_diagnostics = _suppress(case, facts)
    diagnostics.extend(suppress_diagnostics)
    facts = _unique_keys(facts)
    diagnostics.extend(_size_warnings(facts))
    return facts, diagnostics


def _has_answers(fact: Fact) -> bool:
    # An empty cloze makes an empty card; a rule bug must never reach a student.
    return bool(fact.clozes) and all(a.strip() for a in fact.answers()) and bool(fact.text.strip())


def _suppress(case: CaseNote, facts: list[Fact]) -> tuple[list[Fact], list[Diagnostic]]:
    entries = case.meta.suppress
    used: set[str] = set()
    kept: list[Fact] = []
    for fact in facts:
        hits = {e for e in entries if e == fact.kind or e == f"{fact.kind}/{fact.key}"}
        used |= hits
        if not hits:
            kept.append(fact)
    diagnostics = [
        warning(case.meta.location, f"suppress entry '{entry}' matches no fact")
        for entry in entries
        if entry not in used
    ]
    return kept, diagnostics


def _unique_keys(facts: list[Fact]) -> list[Fact]:
    seen: dict[tuple[str, str], int] = {}
    taken = {(f.kind, f.key) for f in facts}
    result: list[Fact] = []
    for fact in facts:
        count = seen.get((fact.kind, fact.key), 0) + 1
        seen[(fact.kind, fact.key)] = count
        if count == 1:
            result.append(fact)
            continue
        number = count
        while (fact.kind, f"{fact.key}-{number}") in taken:
            number += 1
        key = f"{fact.key}-{number}"
        taken.add((fact.kind, key))
        result.append(replace(fact, key=key))
    return result


def _size_warnings(facts: list[Fact]) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for fact in facts:
        for answer in fact.answers():
            if len(answer) > MAX_ANSWER_CHARS:
                diagnostics.append(
                    warning(
                        fact.location,
                        f"{fact.kind}/{fact.key}: cloze answer is over {MAX_ANSWER_CHARS} "
                        f"characters, likely a whole clause: '{answer[:40]}...'",
                    )
                )
        if len(fact.text) > MAX_TEXT_CHARS:
            diagnostics.append(
                warning(
                    fact.location,
                    f"{fact.kind}/{fact.key}: card text is over {MAX_TEXT_CHARS} characters",
                )
            )
    return diagnostics
