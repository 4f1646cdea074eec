"""prognostic-feature: Features that predict the outcome, one cloze per feature.

Patterns live in ``lexicons/prognosis.yaml``; the shared machinery (list reading, polarity, naming
the entity) is :func:`deckbuilder.extract.clauses.pattern_facts`.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import pattern_facts
from deckbuilder.model import Fact

KIND = "prognostic-feature"


def run(ctx: CaseContext) -> Iterator[Fact]:
    return pattern_facts(ctx, KIND, "prognosis", ("prognosis",))


RULE = Rule(
    name="prognosis",
    kind=KIND,
    priority=44,
    doc="Features that predict the outcome, one cloze per feature.",
    run=run,
)
