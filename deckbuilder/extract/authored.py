"""authored: sentences the author already wrote as clozes are taken exactly as written.

"{{c1::answer}}" and "{{c1::answer::hint}}" become Cloze spans of the text stripped of markup;
the fact's key is the slug of the first answer. Unbalanced markup is an error at its line.
"""

from __future__ import annotations

import re

from deckbuilder.extract.base import CaseContext, Rule, RuleOutput
from deckbuilder.extract.text import clean, slug
from deckbuilder.model import Cloze, Diagnostic, Fact, error

KIND = "authored"
_TOKEN = re.compile(r"\{\{c(\d+)::|\}\}")


def parse_clozes(text: str) -> tuple[str, tuple[Cloze, ...]] | str:
    """The text without markup and its clozes, or an error message for unbalanced markup."""
    out = ""
    clozes: list[Cloze] = []
    position = 0
    open_at: int | None = None
    index = 0
    for token in _TOKEN.finditer(text):
        out += text[position : token.start()]
        position = token.end()
        if token.group(1) is not None:
            if open_at is not None:
                return "cloze markup '{{c" + token.group(1) + "::' opened inside another cloze"
            open_at, index = len(out), int(token.group(1))
        else:
            if open_at is None:
                return "cloze markup '}}' closes no '{{cN::'"
            body = out[open_at:]
            answer, _, hint = body.partition("::")
            out = out[:open_at] + answer
            clozes.append(Cloze(open_at, len(out), index, hint or None))
            open_at = None
    if open_at is not None:
        return "cloze markup '{{c" + str(index) + "::' is never closed"
    out += text[position:]
    return out, tuple(clozes)


def run(ctx: CaseContext) -> RuleOutput:
    facts: list[Fact] = []
    diagnostics: list[Diagnostic] = []
    for sentence in ctx.sentences:
        if not _TOKEN.search(sentence.text):
            continue
        parsed = parse_clozes(clean(sentence.text))
        if isinstance(parsed, str):
            diagnostics.append(error(sentence.location, parsed))
            continue
        text, clozes = parsed
        if not clozes:
            continue
        first = text[clozes[0].start : clozes[0].end]
        facts.append(
            Fact(
                case_id=ctx.case.case_id,
                kind=KIND,
                key=slug(first),
                subject=ctx.subject,
                text=text,
                clozes=clozes,
                source=sentence,
                authored=True,
            )
        )
    return RuleOutput(tuple(facts), tuple(diagnostics))


RULE = Rule(
    name="authored",
    kind=KIND,
    priority=0,
    doc="Sentences with {{cN::...}} markup, taken as written; unbalanced markup is an error.",
    run=run,
)
