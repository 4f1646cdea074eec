"""association: Diseases or syndromes a disease comes with, one cloze per condition.

Patterns live in ``lexicons/association.yaml``; the shared machinery (list reading, polarity, naming
the entity) is :func:`deckbuilder.extract.clauses.pattern_facts`.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import pattern_facts
from deckbuilder.model import Fact

KIND = "association"


def run(ctx: CaseContext) -> Iterator[Fact]:
    return pattern_facts(ctx, KIND, "association", ("epidemiology",))


RULE = Rule(
    name="association",
    kind=KIND,
    priority=42,
    doc="Diseases or syndromes a disease comes with, one cloze per condition.",
    run=run,
)
