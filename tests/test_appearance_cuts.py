"""Answers of the sequence-appearance rule end where their phrase ends, and new finding wording."""

from __future__ import annotations

import textwrap

import pytest
from extract_helpers import appearance_answers as answers

from deckbuilder.extract.appearance import RULE
from deckbuilder.extract.base import CaseContext
from deckbuilder.model import (
    Block,
    BlockKind,
    CaseMeta,
    CaseNote,
    Patient,
    Section,
    SectionKind,
    SourceLocation,
)
from deckbuilder.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # An adverb before the word it qualifies is not part of the answer.
        ("On CT the spleen was enlarged poorly perfused tissue.", "enlarged poorly"),
        ("On CT the nodes enhanced poorly defined margins.", "enhanced poorly"),
        # A term inside a sign's name is never cut out of it.
        ("On SWI the bright spot sign was seen in the putamen.", "bright"),
        ("On CT the hyperdense sign was seen in the basilar artery.", "hyperdense"),
        # A term qualifying a structure's noun is part of a longer name.
        ("Doppler ultrasound showed a narrow flow channel through the thrombus.", "flow"),
        ("Colour Doppler showed a preserved flow lumen of 4 mm.", "preserved flow"),
    ],
)
def test_no_garbled_cut(text: str, unwanted: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert unwanted not in {a for _, a in answers(text, lexicon)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On T2WI the wall had a small dark spot near the hilum.", ("t2", "small dark spot")),
        ("On CT the lesion enhanced poorly, unlike the cortex.", ("ct", "enhanced poorly")),
        (
            "Colour Doppler showed pulsatile venous flow in the graft.",
            ("us-doppler", "pulsatile venous flow"),
        ),
        ("Radiographs showed the radius bowed laterally.", ("radiograph", "bowed laterally")),
        ("On the radiograph the growth plate was widened.", ("radiograph", "widened")),
        (
            "Duplex ultrasound showed a saccular aneurysm of the renal artery.",
            ("us", "saccular aneurysm"),
        ),
        ("Ultrasound showed a mass with an echogenic matrix.", ("us", "echogenic matrix")),
        (
            "On MRI there was rim and nodular enhancement after gadolinium.",
            ("post-contrast", "rim and nodular enhancement"),
        ),
        (
            "Angiography: dense tumour blush from the facial artery.",
            ("angiography", "dense tumour blush"),
        ),
        ("On CT the cyst had lower attenuation than the spleen.", ("ct", "lower attenuation")),
        ("The lesions were hyperintense on T1-weighted images.", ("t1", "hyperintense")),
        ("It stayed bright on fat-suppressed T1-weighted images.", ("t1-fs", "bright")),
    ],
)
def test_new_wording(text: str, expected: tuple[str, str], lexicon) -> None:  # type: ignore[no-untyped-def]
    assert expected in answers(text, lexicon)


def test_negated_new_terms_give_no_answer(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert answers("Radiographs showed no widening of the joint space.", lexicon) == set()
    assert answers("There was no mural thrombus on ultrasound.", lexicon) == set()


def test_structure_after_from_the_is_not_an_appearance(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "On MRI a fat plane separated the mass from the displaced muscle."
    assert "displaced muscle" not in {a for _, a in answers(text, lexicon)}


def _case(findings: str) -> CaseNote:
    body = textwrap.dedent(findings).strip()
    block = Block(BlockKind.PARAGRAPH, " ".join(body.split()), body, SourceLocation("c.md", 3))
    section = Section(
        SectionKind.IMAGING_FINDINGS, "Imaging Findings", SourceLocation("c.md", 2), (block,)
    )
    meta = CaseMeta("t1", "Test", SourceLocation("c.md", 1), patient=Patient("40 years", "male"))
    return CaseNote(meta, (section,))


def test_calcification_inherits_the_modality_of_the_paragraph(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = _case(
        "Unenhanced CT showed a mass in the pancreatic tail. "
        "The mass was hypodense with coarse calcifications."
    )
    sentences = tuple(
        s for sec in case.sections for b in sec.blocks for s in split_sentences(b, sec.kind)
    )
    facts = list(RULE.run(CaseContext(case, sentences, lexicon, "x")))
    got = {(f.tags[0], a) for f in facts for a in f.answers()}
    assert ("sequence::ct", "coarse calcifications") in got
    assert ("sequence::ct", "hypodense") in got


def test_telegraphic_prefix_sets_the_modality_of_the_block(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = _case(
        "CT: soft-tissue mass in the orbit. The lamina papyracea was bowed medially. "
        "Bone was remodelled."
    )
    sentences = tuple(
        s for sec in case.sections for b in sec.blocks for s in split_sentences(b, sec.kind)
    )
    facts = list(RULE.run(CaseContext(case, sentences, lexicon, "x")))
    got = {(f.tags[0], a) for f in facts for a in f.answers()}
    assert ("sequence::ct", "bowed medially") in got
    assert ("sequence::ct", "remodelled") in got
    assert all("on ct," in f.text.lower() for f in facts)
