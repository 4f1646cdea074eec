"""Tests for the sequence-appearance rule on short case notes of our own, the seed and the golden corpus."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from deckbuilder.extract.appearance import RULE, find_appearances, vignette
from deckbuilder.extract.base import CaseContext
from deckbuilder.lexicon import load_lexicon
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
from deckbuilder.sentences import split_sentences

ROOT = Path(__file__).parents[1]
SEED = Path("/work/shared/seeds/eurorad-18177.txt")


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return load_lexicon()


def make_case(
    sections: dict[SectionKind, str], age: str = "40 years", sex: str = "female"
) -> CaseNote:
    built = []
    line = 1
    for kind, body in sections.items():
        blocks = []
        for paragraph in textwrap.dedent(body).strip().split("\n\n"):
            text = " ".join(paragraph.split())
            blocks.append(Block(BlockKind.PARAGRAPH, text, paragraph, SourceLocation("c.md", line)))
            line += paragraph.count("\n") + 2
        built.append(Section(kind, kind.value, SourceLocation("c.md", line), tuple(blocks)))
    meta = CaseMeta("t1", "Test", SourceLocation("c.md", 1), patient=Patient(age, sex))
    return CaseNote(meta, tuple(built))


def run_rule(case: CaseNote, lexicon, subject: str = "the disease") -> list[Fact]:  # type: ignore[no-untyped-def]
    sentences = tuple(
        s for sec in case.sections for b in sec.blocks for s in split_sentences(b, sec.kind)
    )
    return list(RULE.run(CaseContext(case, sentences, lexicon, subject)))  # type: ignore[arg-type]


def pairs(facts: list[Fact]) -> set[tuple[str, str]]:
    return {
        (tag.removeprefix("sequence::"), a)
        for f in facts
        for tag in f.tags
        if tag.startswith("sequence::")
        for a in f.answers()
    }


def findings(text: str, lexicon) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {
        (ids, text[f.answer[0] : f.answer[1]])
        for f in find_appearances(text, lexicon)
        for ids in f.sequence_ids
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The nodule was hypointense on T1WI and hyperintense on fat-suppressed T2-weighted images.",
            {("t1", "hypointense"), ("t2-fs", "hyperintense")},
        ),
        (
            "FLAIR showed confluent periventricular hyperintensity.",
            {("flair", "confluent periventricular hyperintensity")},
        ),
        (
            "The clot showed marked blooming on SWI; the infarct had a low ADC.",
            {("swi", "marked blooming"), ("adc", "low")},
        ),
        (
            "In the arterial phase the nodule showed hyperenhancement with washout in the portal "
            "venous phase.",
            {("arterial", "hyperenhancement"), ("portal-venous", "washout")},
        ),
        (
            "There was a signal drop on opposed-phase images.",
            {("opposed-phase", "signal drop")},
        ),
        (
            "Unenhanced CT showed a mass of -20 HU.",
            {("ct-unenhanced", "-20 HU")},
        ),
        (
            "Ultrasound showed a hyperechoic focus with posterior acoustic shadowing.",
            {("us", "hyperechoic focus"), ("us", "posterior acoustic shadowing")},
        ),
        (
            "Colour Doppler showed a whirlpool sign of the pedicle.",
            {("us-doppler", "whirlpool sign")},
        ),
        ("The fibroid was dark on T2WI.", {("t2", "dark")}),
        ("CT angiography demonstrated an intimal flap.", {("cta", "intimal flap")}),
        (
            "Plain radiographs showed a lytic lesion with a sclerotic rim.",
            {("radiograph", "lytic"), ("radiograph", "sclerotic rim")},
        ),
    ],
)
def test_pairs_appearance_with_its_sequence(
    text: str, expected: set[tuple[str, str]], lexicon
) -> None:  # type: ignore[no-untyped-def]
    assert findings(text, lexicon) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On DWI there was no restricted diffusion.",
        "There was no enhancement after gadolinium.",
        "Colour Doppler showed absence of flow in the testis.",
        "Neither calcification nor fat was seen on CT.",
        "A calcified focus cannot be excluded on the radiograph.",
        "The lesion was possibly hyperdense on CT.",
        "The lesion was hyperdense.",  # no sequence or modality: no fact
        "The lesion was clearly seen on T2WI.",  # vague: nothing to ask
    ],
)
def test_no_fact_when_negated_uncertain_vague_or_without_context(text: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert findings(text, lexicon) == set()


def test_restricted_diffusion_implies_dwi(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert findings("Part of the mass showed restricted diffusion.", lexicon) == {
        ("dwi", "restricted diffusion")
    }


def test_findings_name_the_patient_not_the_diagnosis(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.CLINICAL_HISTORY: "A 61-year-old man with cirrhosis presented with weight loss.",
            SectionKind.IMAGING_FINDINGS: """
                On MR the nodule showed arterial phase hyperenhancement. It was hypointense in the
                hepatobiliary phase. There was no washout.
            """,
            SectionKind.FINAL_DIAGNOSIS: "Hepatocellular carcinoma",
        },
        age="61 years",
        sex="male",
    )
    facts = run_rule(case, lexicon, subject="Hepatocellular carcinoma")
    assert ("mr-hepatobiliary", "hypointense") in pairs(facts)
    assert all(not any("washout" in a for a in f.answers()) for f in facts)
    for fact in facts:
        assert fact.text.startswith(
            "In this case (61-year-old man with cirrhosis and weight loss), "
        )
        assert "carcinoma" not in fact.text.lower()
        assert fact.key.startswith("imaging-findings-")
        assert len(fact.text) <= 400


def test_discussion_names_the_topic_and_keys_are_stable(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.DISCUSSION: """
                Ovarian torsion is twisting of the ovary on its pedicle. On colour Doppler a twisted
                pedicle gives the whirlpool sign.
            """
        }
    )
    reworded = make_case(
        {
            SectionKind.DISCUSSION: """
                Ovarian torsion is twisting of the ovary on its pedicle. On colour Doppler imaging the
                twisted vascular pedicle shows a whirlpool sign.
            """
        }
    )
    (fact,) = run_rule(case, lexicon, subject="Ovarian torsion")
    (again,) = run_rule(reworded, lexicon, subject="Ovarian torsion")
    assert fact.text.startswith("In ovarian torsion, ")
    assert fact.answers() == ("whirlpool sign",)
    assert fact.key == again.key == "discussion-us-doppler-ovarian-torsion-sign"
    assert fact.tags == ("sequence::us-doppler",)


def test_one_fact_for_all_sequences_of_a_coordinated_group(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.IMAGING_FINDINGS: "The muscles showed high signal on fat-saturated T2 and STIR images."
        }
    )
    facts = run_rule(case, lexicon)
    assert len(facts) == 1
    assert pairs(facts) == {("t2-fs", "high signal"), ("stir", "high signal")}


def test_vignette_skips_negated_history(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.CLINICAL_HISTORY: "A 30-year-old woman with no history of trauma presented with a painful knee."
        },
        age="30 years",
    )
    sentences = tuple(
        s for sec in case.sections for b in sec.blocks for s in split_sentences(b, sec.kind)
    )
    assert (
        vignette(CaseContext(case, sentences, lexicon, "x"))
        == "30-year-old woman with painful knee"
    )


@pytest.mark.skipif(not SEED.exists(), reason="seed case not available")
def test_seed_case(lexicon) -> None:  # type: ignore[no-untyped-def]
    from deckbuilder.importer import import_case
    from deckbuilder.model import SourceDocument
    from deckbuilder.parser import parse_case_note

    imported, _ = import_case(SEED.read_text("utf-8"), str(SEED))
    assert imported is not None
    note, _ = parse_case_note(SourceDocument("seed.md", imported.markdown))
    assert note is not None
    facts = run_rule(note, lexicon, subject="Dermatomyositis")
    found = pairs(facts)
    for sequence, answer in [
        ("radiograph", "coarse calcifications"),
        ("t2-fs", "hypointense"),
        ("swi", "signal voids"),
        ("dwi", "restricted diffusion"),
        ("post-contrast", "mild enhancement"),
        ("t2-fs", "high signal"),
        ("stir", "high signal"),
    ]:
        assert any(s == sequence and answer in a for s, a in found), (sequence, answer)
    contrast = [f for f in facts if "contrast" in f.tags]
    assert len(contrast) == 1
    assert contrast[0].answers() == ("peripherally located", "centrally")
    assert "myositis ossificans" in contrast[0].text and "osteosarcoma" in contrast[0].text
    assert not any("abscess" in a for f in facts for a in f.answers())
    findings_facts = [f for f in facts if f.key.startswith("imaging-findings-")]
    assert all(f.text.startswith("In this case (57-year-old woman") for f in findings_facts)
    assert all(len(f.text) <= 400 and all(len(a) <= 90 for a in f.answers()) for f in facts)


def golden_cases() -> list[Path]:
    return sorted(
        p
        for p in (ROOT / "tests" / "golden").glob("*")
        if (p / "expected.yaml").exists() and (p / "input.txt").exists()
    )


def test_golden_corpus_recall_and_absent(lexicon) -> None:  # type: ignore[no-untyped-def]
    from deckbuilder.extract import extract_facts
    from deckbuilder.importer import import_case
    from deckbuilder.model import SourceDocument
    from deckbuilder.parser import parse_case_note

    cases = golden_cases()
    if not cases:
        pytest.skip("golden corpus not available")
    expected_total = found_total = 0
    violations: list[str] = []
    missing: list[str] = []
    for case_dir in cases:
        expected = yaml.safe_load((case_dir / "expected.yaml").read_text("utf-8")) or {}
        imported, _ = import_case((case_dir / "input.txt").read_text("utf-8"), "input.txt")
        assert imported is not None
        note, _ = parse_case_note(SourceDocument("case.md", imported.markdown))
        assert note is not None
        facts, _ = extract_facts(note, lexicon, [RULE])
        for item in expected.get("facts") or []:
            if item.get("kind") != "sequence-appearance":
                continue
            expected_total += 1
            context, answer = item.get("context", "").lower(), item["answer"].lower()
            if any(
                context in f.text.lower() and any(answer in a.lower() for a in f.answers())
                for f in facts
            ):
                found_total += 1
            else:
                missing.append(f"{case_dir.name}: {context} -> {answer}")
        for item in expected.get("absent") or []:
            if item.get("kind") != "sequence-appearance":
                continue
            answer = item["answer"].lower()
            violations += [
                f"{case_dir.name}: {f.text}"
                for f in facts
                if any(answer in a.lower() for a in f.answers())
            ]
    assert not violations
    assert expected_total == 0 or found_total / expected_total >= 0.9, missing
