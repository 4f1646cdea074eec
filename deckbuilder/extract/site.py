"""common-site: Where a disease usually arises, one fact per sentence and one cloze per site.

Patterns live in ``lexicons/site.yaml``; the shared machinery (list reading, polarity, naming
the entity) is :func:`deckbuilder.extract.clauses.pattern_facts`.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import pattern_facts
from deckbuilder.model import Fact

KIND = "common-site"


def run(ctx: CaseContext) -> Iterator[Fact]:
    return pattern_facts(ctx, KIND, "site", ("epidemiology",))


RULE = Rule(
    name="site",
    kind=KIND,
    priority=43,
    doc="Where a disease usually arises, one fact per sentence and one cloze per site.",
    run=run,
)
