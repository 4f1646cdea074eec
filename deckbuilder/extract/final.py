"""final-diagnosis: the case as a vignette on the front, the diagnosis as the answer.

The entities of a compound diagnosis are hidden together as c1 ("{{c1::Myositis ossificans}}
and {{c1::panniculitis ossificans}} developing in the substrate of {{c1::dermatomyositis}}"),
so no answer is a clause while the card still asks for the whole diagnosis. No word of the
diagnosis is left on the front (see :mod:`deckbuilder.extract.vignette`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from deckbuilder.extract.base import MAX_ANSWER_CHARS, MAX_TEXT_CHARS, CaseContext, Rule
from deckbuilder.extract.subject import diagnosis_heads, final_diagnosis
from deckbuilder.extract.text import Answer, build_fact, lexicon_list, norm
from deckbuilder.extract.vignette import vignette
from deckbuilder.model import Fact, SectionKind

KIND = "final-diagnosis"
_QUESTION = "Final diagnosis: "


def diagnosis_parts(diagnosis: str, lexicon: object) -> list[str | Answer]:
    """The diagnosis with each entity as a c1 answer and the words joining them visible."""
    heads = _entity_heads(diagnosis, lexicon)
    parts: list[str | Answer] = []
    position = 0
    for head in heads:
        found = re.search(_head_pattern(head), diagnosis[position:], re.IGNORECASE)
        if not found:
            return [Answer(diagnosis)]
        start, end = position + found.start(), position + found.end()
        parts.append(diagnosis[position:start])
        parts.append(Answer(diagnosis[start:end]))
        position = end
    parts.append(diagnosis[position:])
    parts = _with_abbreviations(_one_answer(_merge_lists(parts)))
    if not any(isinstance(p, Answer) for p in parts):
        return [Answer(diagnosis)]
    return [p for p in parts if p != ""]


# An abbreviation in brackets right after a name: "(PRES)", "(CCM)", "(HEHE)".
_ABBREVIATION_AFTER = re.compile(r"^\s*\((?=[^()]*[A-Z][^()]*[A-Z])[A-Za-z0-9-]{2,10}\)")


def _with_abbreviations(parts: list[str | Answer]) -> list[str | Answer]:
    """An answer's own abbreviation goes into the answer: left visible after it ("{{c1::Posterior
    reversible encephalopathy syndrome}} (PRES)") its initials would give the answer away."""
    merged: list[str | Answer] = []
    for part in parts:
        previous = merged[-1] if merged else None
        found = _ABBREVIATION_AFTER.match(part) if isinstance(part, str) else None
        if isinstance(previous, Answer) and isinstance(part, str) and found:
            merged[-1] = Answer(previous.text + found.group(0))
            part = part[found.end() :]
        merged.append(part)
    return merged


def cause_split(diagnosis: str, lexicon: object) -> tuple[str, str]:
    """The diagnosis asked for and its stated cause or effect, which stays visible: "PRES
    related to hypertension and bevacizumab" asks for PRES; the drug is the history's clue, so
    hiding it would also strip it from the front ("A woman receiving bevacizumab ...")."""
    link = lexicon_list(lexicon, "final", "cause_links")
    if not link:
        return diagnosis, ""
    found = re.search(r"\s+(?:" + "|".join(link) + r")\s+", diagnosis, re.IGNORECASE)
    if found is None or not diagnosis[: found.start()].strip():
        return diagnosis, ""
    return diagnosis[: found.start()], diagnosis[found.start() :]


def _entity_heads(diagnosis: str, lexicon: object) -> list[str]:
    """The diagnosis's entities without the parts that only qualify it; the first, the
    diagnosis itself, always stays."""
    heads = diagnosis_heads(diagnosis, lexicon)
    return heads[:1] + [h for h in heads[1:] if not _qualifier(h, lexicon)]


def _qualifier(head: str, lexicon: object) -> bool:
    """Whether a comma-separated part of a diagnosis only qualifies it: a side ("left side"), a
    grade or a stage ("Shamblin group II", "pT3"). Such a part stays visible after the answer;
    hiding it would ask the student to recall a detail no card taught."""
    neutral = set(lexicon_list(lexicon, "final", "neutral_words"))
    words = re.findall(r"[\w-]+", head.lower())
    if all(w in neutral for w in words):
        return True
    return _STAGING.fullmatch(head.strip()) is not None


# A staging word with its value ("group II", "grade 3", "pT3", "stage IVb").
_STAGING = re.compile(
    r"(?:[\w-]+\s+)?(?:group|grade|stage|class|level|category)\s+(?:[IVX]+|\d+|[A-D])[a-c]?"
    r"|p?[TNM]\d[a-c]?(?:\s*,?\s*(?:high|low)\s+grade)?",
    re.IGNORECASE,
)


def _head_pattern(head: str) -> str:
    """``head`` as written in the diagnosis, where a bracket may sit between its words: the
    head "Mixed laryngocele" is "Mixed (internal and external) laryngocele" in the text."""
    words = [re.escape(w) for w in head.split()]
    return r"(?:\s*\([^()]*\))?\s+".join(words)


def _one_answer(parts: list[str | Answer]) -> list[str | Answer]:
    """A compound diagnosis short enough to read as one term is one answer: "{{c1::Intestinal
    malrotation with midgut volvulus}}", "{{c1::Transient osteoporosis of the left hip}}",
    rather than its entities hidden apart with the words between them left showing. A bracket
    or comma between the entities, or an answer over ``MAX_ANSWER_CHARS`` characters, keeps
    them apart."""
    answers = [i for i, p in enumerate(parts) if isinstance(p, Answer)]
    if len(answers) < 2:
        return parts
    first, last = answers[0], answers[-1]
    between = parts[first : last + 1]
    joined = "".join(p.text if isinstance(p, Answer) else p for p in between)
    gaps = [p for p in between if not isinstance(p, Answer)]
    if len(joined) > MAX_ANSWER_CHARS or any(re.search(r"[(),;:]", g) for g in gaps):
        return parts
    return [*parts[:first], Answer(joined), *parts[last + 1 :]]


def _merge_lists(parts: list[str | Answer]) -> list[str | Answer]:
    """Entities joined by "and" are one answer: "A and B developing in C" hides "A and B"."""
    merged: list[str | Answer] = []
    for part in parts:
        if (
            isinstance(part, Answer)
            and len(merged) >= 2
            and isinstance(merged[-2], Answer)
            and isinstance(merged[-1], str)
            and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", merged[-1])
        ):
            gap = merged.pop()
            previous = merged.pop()
            assert isinstance(previous, Answer) and isinstance(gap, str)
            merged.append(Answer(previous.text + gap + part.text))
            continue
        merged.append(part)
    return merged


def run(ctx: CaseContext) -> Iterator[Fact]:
    diagnosis = final_diagnosis(ctx.case)
    section = ctx.case.section(SectionKind.FINAL_DIAGNOSIS)
    source = next((s for s in ctx.sentences if s.section is SectionKind.FINAL_DIAGNOSIS), None)
    if not diagnosis or section is None or source is None:
        return
    # The whole card stays under the size bar: a long diagnosis leaves less room for the front.
    room = MAX_TEXT_CHARS - len(_QUESTION) - len(diagnosis) - 1
    asked, cause = cause_split(diagnosis, ctx.lexicon)
    front = vignette(ctx.case, ctx.lexicon, hide=[asked], budget=room)
    if not front:
        return
    parts: list[str | Answer] = [f"{front} {_QUESTION}"]
    parts.extend(diagnosis_parts(asked, ctx.lexicon))
    if cause:
        parts.append(cause)
    heads = _entity_heads(asked, ctx.lexicon)
    subject = heads[0] if heads else asked
    fact = build_fact(ctx, source, KIND, "final", subject, parts, tags=("diagnosis",))
    if norm(fact.text):
        yield fact


RULE = Rule(
    name="final",
    kind=KIND,
    priority=60,
    doc="The Final Diagnosis asked from a vignette of the case that never names it.",
    run=run,
)
