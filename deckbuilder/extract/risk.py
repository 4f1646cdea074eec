"""risk-factor: Risk factors of a disease, one fact per sentence and one cloze per factor.

Patterns live in ``lexicons/risk.yaml``; the shared machinery (list reading, polarity, naming
the entity) is :func:`deckbuilder.extract.clauses.pattern_facts`.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import pattern_facts
from deckbuilder.model import Fact

KIND = "risk-factor"


def run(ctx: CaseContext) -> Iterator[Fact]:
    return pattern_facts(ctx, KIND, "risk", ("epidemiology",))


RULE = Rule(
    name="risk",
    kind=KIND,
    priority=41,
    doc="Risk factors of a disease, one fact per sentence and one cloze per factor.",
    run=run,
)
