"""differential-diagnosis: each listed alternative, asked in the context of the presentation.

Every line of the Differential Diagnosis List except the one repeating the Final Diagnosis is a
fact keyed by its slug. The front gives the vignette and names the other alternatives ("other
than A and B"), so exactly one answer fits the card.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from deckbuilder.extract.base import MAX_TEXT_CHARS, CaseContext, Rule
from deckbuilder.extract.subject import abbreviations, diagnosis_heads, final_diagnosis
from deckbuilder.extract.text import Answer, build_fact, clean, norm, slug
from deckbuilder.extract.vignette import short_vignette, vignette
from deckbuilder.model import Fact, SectionKind, Sentence

KIND = "differential-diagnosis"


def differential_items(ctx: CaseContext) -> list[tuple[str, Sentence]]:
    """The listed diagnoses with the sentence each comes from, one per line or bullet."""
    items: list[tuple[str, Sentence]] = []
    for sentence in ctx.sentences:
        if sentence.section is not SectionKind.DIFFERENTIAL_DIAGNOSIS:
            continue
        for line in re.split(r"\n|\s*;\s*", sentence.text):
            text = clean(re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)).strip(" .")
            if text:
                items.append((text, sentence))
    return items


def _same(item: str, name: str, *, widened: bool = True) -> bool:
    """Whether a listed item repeats ``name``.

    "Ileocolic intussusception" repeats "Idiopathic ileocolic intussusception" (the item is
    narrower). With ``widened`` an item that adds words to the name repeats it too ("Myositis
    ossificans (MO)"); that holds for the diagnosis itself, not for a site or a secondary
    entity of it: "Renal cell carcinoma invading the pelvis" is another disease than a tumour
    "of the renal pelvis".
    """
    item_words = set(re.findall(r"\w+", norm(item)))
    name_words = set(re.findall(r"\w+", norm(name)))
    if not item_words or not name_words:
        return False
    return (
        item_words <= name_words
        or (widened and name_words <= item_words)
        or len(item_words & name_words) / len(item_words | name_words) >= 0.8
    )


def _names_head(item: str, heads: list[str], long_forms: dict[str, str]) -> bool:
    """Whether a listed item is an entity of the Final Diagnosis, by name or by an abbreviation
    the case defines (``long_forms``: "MO" for myositis ossificans)."""
    name = long_forms.get(item.strip(), item)
    return any(_same(name, h, widened=i == 0) for i, h in enumerate(heads))


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def run(ctx: CaseContext) -> Iterator[Fact]:
    diagnosis = final_diagnosis(ctx.case)
    heads = diagnosis_heads(diagnosis, ctx.lexicon)
    long_forms = abbreviations(ctx.sentences)
    items = [
        (t, s)
        for t, s in differential_items(ctx)
        if not (diagnosis and (_same(t, diagnosis) or _names_head(t, heads, long_forms)))
    ]
    if not items:
        return
    # The front asks for an alternative: it must not give the final diagnosis away either.
    hide = [diagnosis] if diagnosis else []
    front = vignette(ctx.case, ctx.lexicon, hide=hide)
    question = "Differential diagnosis to consider"
    for name, sentence in items:
        others = [lowered(o) for o, _ in items if o != name]
        lead = f"{front} {question}: "
        if others:
            # The other alternatives are named so that one answer fits; a shorter vignette
            # makes room for them rather than dropping them.
            tail = f"{question}, other than {_join(others)}: "
            lead = f"{front} {tail}"
            if len(lead) + len(name) > MAX_TEXT_CHARS:
                room = MAX_TEXT_CHARS - len(tail) - len(name) - 1
                lead = f"{short_vignette(ctx.case, ctx.lexicon, room, hide=hide)} {tail}"
            if len(lead) + len(name) > MAX_TEXT_CHARS:
                lead = f"{front} {question}: "
        yield build_fact(
            ctx, sentence, KIND, slug(name), name, [lead, Answer(name)], tags=("diagnosis",)
        )


def lowered(name: str) -> str:
    """A list item in running text: "Synovial Sarcoma" reads "synovial sarcoma"."""
    return " ".join(w if any(c.isupper() for c in w[1:]) else w.lower() for w in name.split())


RULE = Rule(
    name="differential",
    kind=KIND,
    priority=50,
    doc="Each alternative of the Differential Diagnosis List except the final diagnosis.",
    run=run,
)
