"""complication: Complications of a disease, one fact per sentence and one cloze per complication.

Patterns live in ``lexicons/complication.yaml``; the shared machinery (list reading, polarity,
naming the entity) is :func:`deckbuilder.extract.clauses.pattern_facts`.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import pattern_facts
from deckbuilder.model import Fact

KIND = "complication"


def run(ctx: CaseContext) -> Iterator[Fact]:
    return pattern_facts(ctx, KIND, "complication", ("prognosis",))


RULE = Rule(
    name="complication",
    kind=KIND,
    priority=40,
    doc="Complications of a disease, one fact per sentence and one cloze per complication.",
    run=run,
)
