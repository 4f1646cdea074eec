"""Builds small CaseNotes from dedented strings for the extraction tests."""

from __future__ import annotations

import textwrap
from dataclasses import replace

from deckbuilder.extract import case_sentences, extract_facts
from deckbuilder.extract.subject import resolve_subject
from deckbuilder.lexicon import Lexicon, load_lexicon
from deckbuilder.model import (
    Block,
    BlockKind,
    CaseMeta,
    CaseNote,
    Fact,
    Patient,
    Section,
    SectionKind,
    SourceLocation,
)

PATH = "content/test.md"


def make_case(
    discussion: str = "",
    history: str = "",
    findings: str = "",
    differentials: tuple[str, ...] = (),
    final: str = "",
    patient: Patient | None = None,
    suppress: tuple[str, ...] = (),
) -> CaseNote:
    line = 10
    sections: list[Section] = []
    for kind, body in (
        (SectionKind.CLINICAL_HISTORY, history),
        (SectionKind.IMAGING_FINDINGS, findings),
        (SectionKind.DISCUSSION, discussion),
    ):
        if not body:
            continue
        blocks = []
        for paragraph in textwrap.dedent(body).strip().split("\n\n"):
            text = " ".join(paragraph.split())
            blocks.append(
                Block(BlockKind.PARAGRAPH, text, paragraph, SourceLocation(PATH, line + 1))
            )
            line += paragraph.count("\n") + 2
        sections.append(Section(kind, kind.value, SourceLocation(PATH, line), tuple(blocks)))
        line += 2
    if differentials:
        blocks = tuple(
            Block(BlockKind.LIST_ITEM, d, f"- {d}", SourceLocation(PATH, line + i))
            for i, d in enumerate(differentials)
        )
        sections.append(
            Section(SectionKind.DIFFERENTIAL_DIAGNOSIS, "DDx", SourceLocation(PATH, line), blocks)
        )
        line += len(differentials) + 2
    if final:
        blocks = (Block(BlockKind.PARAGRAPH, final, final, SourceLocation(PATH, line + 1)),)
        sections.append(
            Section(SectionKind.FINAL_DIAGNOSIS, "Final", SourceLocation(PATH, line), blocks)
        )
    meta = CaseMeta(
        case_id="t1",
        title="Test case",
        location=SourceLocation(PATH, 1),
        patient=patient or Patient(),
        suppress=suppress,
    )
    return CaseNote(meta, tuple(sections))


def findings_list_case(
    header: str, items: tuple[str, ...], final: str, patient: Patient
) -> CaseNote:
    """A case whose Imaging Findings are ``header`` followed by ``items`` as list items, the
    layout of a header line over bullets ("Radiographs of the left knee:" / "- ...")."""
    case = make_case(findings="\n\n".join((header, *items)), final=final, patient=patient)
    return with_list_items(case, SectionKind.IMAGING_FINDINGS)


def with_list_items(case: CaseNote, kind: SectionKind) -> CaseNote:
    """``case`` with every block of its ``kind`` section after the first made a list item: a
    lead paragraph over bullets."""
    sections = []
    for section in case.sections:
        if section.kind is kind:
            blocks = tuple(
                b if i == 0 else Block(BlockKind.LIST_ITEM, b.text, b.markdown, b.location)
                for i, b in enumerate(section.blocks)
            )
            section = replace(section, blocks=blocks)
        sections.append(section)
    return replace(case, sections=tuple(sections))


def facts_of(case: CaseNote, kind: str | None = None) -> list[Fact]:
    facts, _ = extract_facts(case, load_lexicon())
    return [f for f in facts if kind is None or f.kind == kind]


def discussion_facts(discussion: str, final: str, kind: str) -> list[Fact]:
    """The ``kind`` facts of a case made of one discussion and its final diagnosis."""
    return facts_of(make_case(discussion=discussion, final=final), kind)


def discussion_subject(discussion: str, final: str) -> str:
    """The entity a case made of one discussion and its final diagnosis is about."""
    case = make_case(discussion=discussion, final=final)
    return resolve_subject(case, case_sentences(case), load_lexicon())


def discussion_answers(discussion: str, final: str, kind: str) -> set[str]:
    """Every answer of those facts, as one set."""
    return {a for f in discussion_facts(discussion, final, kind) for a in f.answers()}


def appearance_answers(text: str, lexicon: Lexicon) -> set[tuple[str, str]]:
    """(sequence id, answer) pairs the appearance finder reads in ``text``."""
    from deckbuilder.extract.appearance import find_appearances

    return {
        (sequence, text[f.answer[0] : f.answer[1]])
        for f in find_appearances(text, lexicon)
        for sequence in f.sequence_ids
    }


def marked(fact: Fact) -> str:
    """The fact's text with {{cN::...}} markup, to compare with expectations."""
    text = fact.text
    for cloze in sorted(fact.clozes, key=lambda c: -c.start):
        text = (
            text[: cloze.start]
            + "{{c"
            + str(cloze.index)
            + "::"
            + text[cloze.start : cloze.end]
            + "}}"
            + text[cloze.end :]
        )
    return text


# A differential setting for distinguishing-feature tests: the Discussion's opening sentence,
# the listed differentials and the final diagnosis.
Setting = tuple[str, tuple[str, ...], str]

SPLEEN_SETTING: Setting = (
    "Splenic haemangioma is the commonest benign tumour of the spleen.",
    ("Splenic hamartoma", "Splenic lymphoma", "Littoral cell angioma"),
    "Splenic haemangioma",
)


def feature_cards(extra: str, setting: Setting) -> dict[str, str]:
    """The distinguishing-feature cards (key -> marked text) of a case whose Discussion is the
    setting's opening followed by ``extra``."""
    opening, listed, final = setting
    case = make_case(f"{opening} {extra}", differentials=listed, final=final)
    return {f.key: marked(f) for f in facts_of(case, "distinguishing-feature")}


# The kinds a differential's sentence is split into besides its distinguishing-feature card.
SPLIT_KINDS = ("age-distribution", "sex-predominance", "common-site", "sequence-appearance")


def split_answers(discussion: str, differentials: tuple[str, ...], final: str) -> set[str]:
    """The answers of a case's age, sex, site and appearance facts: a differential's feature
    asked by one of them is not asked again in its distinguishing-feature card."""
    case = make_case(discussion, differentials=differentials, final=final)
    return {a for f in facts_of(case) if f.kind in SPLIT_KINDS for a in f.answers()}


def setting_split_answers(extra: str, setting: Setting) -> set[str]:
    """:func:`split_answers` of a case whose Discussion is the setting's opening and ``extra``."""
    opening, listed, final = setting
    return split_answers(f"{opening} {extra}", listed, final)
