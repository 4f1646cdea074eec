"""Tests for the sequence-appearance rule on short case notes of our own, the seed and the golden corpus."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import SEED_CASE

from deckbuilder.extract.appearance import RULE, find_appearances, vignette
from deckbuilder.extract.base import CaseContext
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
SEED = SEED_CASE


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
        == "30-year-old woman with a painful knee"
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


# --- classes of bad cards that must not come back ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An adjective of the lesion on MR is not an MR appearance.
        (
            "On MR, large calcified masses were found in both thighs.",
            set(),
        ),
        # A finding referred back to is not a new one.
        (
            "On CT the nodules were hyperdense, corresponding to the calcifications seen on radiographs.",
            {("ct", "hyperdense")},
        ),
        ("They matched the calcifications seen on the radiograph.", set()),
        # An interpretation after the finding is not an appearance.
        (
            "The nodule showed signal drop on opposed-phase images, indicating microscopic fat.",
            {("opposed-phase", "signal drop")},
        ),
        # A disease name is not a finding.
        ("On CT, renal lesions in tuberous sclerosis may be multiple.", set()),
        # A comparison repeats an appearance already carded.
        (
            "On ultrasound the mass was hyperechoic, as bright as the renal sinus fat.",
            {("us", "hyperechoic")},
        ),
        # The noun the clause is about is not its appearance.
        (
            "On SWI the rim is dark, whereas the calcification of a meningioma lies in its centre.",
            {("swi", "dark")},
        ),
        # A location is not an appearance.
        ("On T1WI two periventricular lesions were hypointense.", {("t1", "hypointense")}),
        # Enhancement needs contrast, whatever sequence was named before it.
        (
            "The tumour was hyperintense on T2WI and showed avid enhancement.",
            {("t2", "hyperintense"), ("post-contrast", "avid enhancement")},
        ),
    ],
)
def test_bad_answers_are_left_out(text: str, expected: set[tuple[str, str]], lexicon) -> None:  # type: ignore[no-untyped-def]
    assert findings(text, lexicon) == expected


def test_a_list_of_appearances_is_one_card_with_a_cloze_per_item(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.DISCUSSION: (
                "Chondroblastoma arises in the epiphysis. On radiographs it is eccentric, lucent "
                "and lobulated, with a thin sclerotic rim."
            )
        }
    )
    facts = run_rule(case, lexicon, subject="chondroblastoma")
    listed = [f for f in facts if "eccentric" in f.answers()]
    assert len(listed) == 1
    assert listed[0].answers() == ("eccentric", "lucent", "lobulated")
    assert [c.index for c in listed[0].clozes] == [1, 2, 3]
    assert not any(f.answers() == ("lucent",) for f in facts)


def test_a_clause_without_its_subject_keeps_the_clause_before(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.DISCUSSION: (
                "Focal nodular hyperplasia is a benign lesion. Its scar is bright on T2WI, and "
                "shows delayed enhancement after gadolinium."
            )
        }
    )
    facts = run_rule(case, lexicon, subject="focal nodular hyperplasia")
    late = next(f for f in facts if "delayed enhancement" in f.answers())
    assert "scar is bright on T2WI" in late.text
    assert ", show" not in late.text.split("scar")[0]


def test_enhancement_increasing_on_delayed_images(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "After gadolinium the mass showed mild enhancement that increased on delayed images."
    assert findings(text, lexicon) == {
        ("post-contrast", "mild enhancement"),
        ("delayed", "increased on delayed images"),
    }
    text = "Enhancement of the tumour is typically progressive, increasing on delayed images."
    assert findings(text, lexicon) == {("delayed", "progressive, increasing on delayed images")}


def test_a_measurement_joins_its_appearance(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {SectionKind.IMAGING_FINDINGS: "Unenhanced CT showed fat attenuation of about -70 HU."}
    )
    (fact,) = run_rule(case, lexicon)
    assert fact.answers() == ("fat attenuation", "-70 HU")


def test_cards_stay_short_and_answers_precise(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.IMAGING_FINDINGS: (
                "On ultrasound there was a well-defined hypoechoic mass of 3 cm in the left lobe "
                "of the thyroid gland, which had been growing for two years according to the "
                "patient, who had no family history of thyroid disease and no neck irradiation, "
                "and whose calcium and thyroid function tests had always been normal, with "
                "internal vascularity on colour Doppler."
            )
        }
    )
    facts = run_rule(case, lexicon)
    assert facts
    vague = {"seen", "noted", "lesion", "areas", "present", "enhancement", "signal"}
    for fact in facts:
        assert len(fact.text) <= 400
        assert all(a.lower() not in vague and len(a) <= 90 for a in fact.answers())


# --- tricky phrasings by area ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neuro
        ("There was no enhancement after gadolinium.", set()),
        (
            "The lesion showed blooming on SWI but no enhancement after contrast.",
            {("swi", "blooming")},
        ),
        ("The haematoma was T1 bright and bright on T2.", {("t1", "bright"), ("t2", "bright")}),
        ("Hypointense foci on SWI may represent haemorrhage.", {("swi", "Hypointense foci")}),
        # liver
        ("The adenoma drops signal on opposed-phase images.", {("opposed-phase", "drops signal")}),
        (
            "The nodule showed arterial hyperenhancement and washout on the delayed phase.",
            {("delayed", "washout")},
        ),
        ("No washout was seen in the portal venous phase.", set()),
        ("On T2WI the lesion was not hyperintense.", set()),
        # bone
        (
            "The lesion was lytic and expansile on radiographs, with no periosteal reaction.",
            {("radiograph", "lytic"), ("radiograph", "expansile")},
        ),
        ("No periosteal reaction was seen on radiographs.", set()),
        ("On STIR there was no bone marrow oedema.", set()),
        # paediatrics
        (
            "Colour Doppler showed a whirlpool sign of the twisted pedicle.",
            {("us-doppler", "whirlpool sign")},
        ),
        ("The wall of the bowel showed no hyperaemia on colour Doppler.", set()),
        ("On ultrasound a target sign could not be excluded.", set()),
        # kidney
        (
            "The renal mass had an attenuation of 60 HU on unenhanced CT.",
            {("ct-unenhanced", "60 HU")},
        ),
        (
            "The cyst measured 5 HU on unenhanced CT and did not enhance.",
            {("ct-unenhanced", "5 HU")},
        ),
        ("No calcification was seen on CT.", set()),
        # head and neck
        (
            "The parotid mass was hypointense on T2WI and showed low ADC, suspicious for malignancy.",
            {("t2", "hypointense"), ("adc", "low")},
        ),
        ("On MR the nodes were not enlarged and had no restricted diffusion.", set()),
        (
            "The lesion was hyperintense on T2WI without restricted diffusion.",
            {("t2", "hyperintense")},
        ),
        # vascular
        (
            "On CTA there was active contrast extravasation from the splenic artery.",
            {("cta", "active contrast extravasation")},
        ),
        ("On CTA the aneurysm sac had no contrast extravasation.", set()),
        (
            "In the delayed phase the false lumen opacified slowly.",
            {("delayed", "opacified slowly")},
        ),
        # gynaecology
        ("On ultrasound a hypoechoic halo was absent.", set()),
        (
            "On MR the endometrioma stayed bright on fat-saturated T1WI, with T2 shading.",
            {("t1-fs", "bright"), ("t2", "shading")},
        ),
        (
            "On ultrasound the ovarian mass was multiloculated, with internal vascularity on colour Doppler.",
            {("us", "multiloculated"), ("us-doppler", "internal vascularity")},
        ),
    ],
)
def test_tricky_phrasings(text: str, expected: set[tuple[str, str]], lexicon) -> None:  # type: ignore[no-untyped-def]
    assert findings(text, lexicon) == expected


# --- generalisation to other authors' wording ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The informative qualifier belongs to the answer, never left visible beside it.
        (
            "After gadolinium there was thin pachymeningeal enhancement.",
            {("post-contrast", "thin pachymeningeal enhancement")},
        ),
        (
            "On dynamic MR the metastasis enhances early and washes out.",
            {("mr", "enhances early"), ("mr", "washes out")},
        ),
        (
            "The cyst wall enhanced only faintly after gadolinium.",
            {("post-contrast", "enhanced only faintly")},
        ),
        (
            "The lesion enhanced brightly and homogeneously in the arterial phase.",
            {("arterial", "enhanced brightly and homogeneously")},
        ),
        (
            "CT showed smooth circumferential wall thickening of the caecum.",
            {("ct", "smooth circumferential wall thickening")},
        ),
        # Several findings on one modality: one answer each.
        (
            "CT showed concentric wall thickening of the ileum and a long tapered stenosis.",
            {("ct", "concentric wall thickening"), ("ct", "long tapered stenosis")},
        ),
        # A sign names itself whole.
        (
            "Doppler showed a whirlpool sign of the spermatic cord.",
            {("us-doppler", "whirlpool sign")},
        ),
        # Absent flow is what Doppler showed, and it does not negate the next finding.
        (
            "Power Doppler showed absent intratesticular flow and reduced capsular flow.",
            {
                ("us-doppler", "absent intratesticular flow"),
                ("us-doppler", "reduced capsular flow"),
            },
        ),
        (
            "Colour Doppler showed absent flow in the left testis.",
            {("us-doppler", "absent flow")},
        ),
        ("The renal cortex enhanced normally on CT.", {("ct", "enhanced normally")}),
        # Words other authors use.
        ("On SWI the petechial foci bloom.", {("swi", "bloom")}),
        (
            "Tc-99m pertechnetate scintigraphy showed focal tracer accumulation in the neck.",
            {("nm", "focal tracer accumulation")},
        ),
        (
            "Unenhanced CT showed subtle low attenuation of the caudate nucleus.",
            {("ct-unenhanced", "subtle low attenuation")},
        ),
        (
            "Radiographs showed fusiform cortical thickening of the fibula.",
            {("radiograph", "fusiform cortical thickening")},
        ),
        (
            "In the nephrographic phase the lesion was hypoattenuating.",
            {("nephrographic", "hypoattenuating")},
        ),
        (
            "Sonographically the testis was heterogeneous.",
            {("us", "heterogeneous")},
        ),
        ("In early stroke, CT is often normal.", {("ct", "normal")}),
        (
            "The abscess measured about 25 HU on contrast-enhanced CT.",
            {("ct-post-contrast", "25 HU")},
        ),
        (
            "The liver fades to the density of the spleen in the portal venous phase.",
            {("portal-venous", "fades to the density of the spleen in the portal venous phase")},
        ),
        (
            "Ultrasound of the thyroid nodule showed a few small cystic spaces.",
            {("us", "small cystic spaces")},
        ),
        ("FLAIR showed hippocampal sclerosis on the left.", set()),
        (
            "Ultrasound showed an enlarged left testis measuring 5 cm.",
            {("us", "enlarged left testis")},
        ),
    ],
)
def test_other_authors_wording(text: str, expected: set[tuple[str, str]], lexicon) -> None:  # type: ignore[no-untyped-def]
    assert findings(text, lexicon) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Caveats and rarity.
        "Preserved capsular flow on Doppler does not exclude testicular torsion.",
        "Normal enhancement on CT does not rule out early bowel ischaemia.",
        "Meningiomas only rarely restrict diffusion on DWI.",
        "Chondroblastoma seldom shows fluid-fluid levels on MR.",
        "A haemorrhagic metastasis cannot be ruled out on SWI.",
        "The lesion is likely hypointense on T2WI.",
        "The appearance on SWI was suggestive of blooming.",
        # Double negation of absent flow, and flow said not to be absent.
        "Colour Doppler showed no absent flow in the graft.",
        "On Doppler the venous flow was not absent.",
        # A disease name holding an appearance word.
        "On CT, patients with tuberous sclerosis may have renal cysts.",
        # A place, not a look.
        "Bone scan showed uptake in the surrounding sclerosis.",
        # An interpretation of a difference, not an appearance.
        "A rise of more than 15 HU after contrast indicates an enhancing mass.",
        # Vague on its own, and not said of the study.
        "On CT the contralateral kidney was normal.",
    ],
)
def test_caveats_and_vague_words_give_no_card(text: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    answers = {a for _, a in findings(text, lexicon)}
    assert not any(
        word in a
        for a in answers
        for word in (
            "flow",
            "diffusion",
            "enhancement",
            "fluid",
            "sclerosis",
            "normal",
            "hypointense",
            "Blooming",
            "haemorrhagic",
            "enhancing",
        )
    ), answers


def test_a_sentence_inherits_the_one_modality_of_its_paragraph(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.IMAGING_FINDINGS: """
                CT showed a lobulated mass in the pancreatic tail. A hypoattenuating central
                scar was visible. The solid part measured about 40 HU.

                Ultrasound and CT were both obtained. A small cystic area was hyperechoic.

                MR showed a well-defined mass.

                A hypoattenuating rim was visible.
            """
        }
    )
    facts = run_rule(case, lexicon)
    got = pairs(facts)
    assert ("ct", "hypoattenuating central scar") in got
    assert ("ct", "40 HU") in got
    scar = next(f for f in facts if "hypoattenuating central scar" in f.answers())
    assert scar.text.startswith("In this case (40-year-old woman), on CT, a ")
    # Two modalities in the paragraph: which one is unknown; a new paragraph names none.
    assert not any(a == "hyperechoic" for _, a in got)
    assert not any(a == "hypoattenuating rim" for _, a in got)


def test_the_discussion_never_inherits_a_modality(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.DISCUSSION: (
                "The disease is a benign tumour. CT shows a lobulated mass. "
                "A hypoattenuating central scar is typical."
            )
        }
    )
    assert not any("scar" in a for _, a in pairs(run_rule(case, lexicon)))


def test_a_finding_that_mimics_the_topic_is_another_entitys(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.DISCUSSION: (
                "Encephalitis is an infection. Postictal cortical diffusion restriction on DWI "
                "can mimic encephalitis. Encephalitis shows high signal on FLAIR, which can "
                "mimic a glioma."
            )
        }
    )
    got = pairs(run_rule(case, lexicon, subject="encephalitis"))
    assert not any("diffusion" in a for _, a in got)
    assert ("flair", "high signal") in got
    # The topic may be written with its abbreviation.
    case = make_case(
        {
            SectionKind.DISCUSSION: (
                "Septic emboli can look similar. Cortical hyperintensity on FLAIR after a "
                "seizure can mimic VE."
            )
        }
    )
    got = pairs(run_rule(case, lexicon, subject="Viral encephalitis (VE)"))
    assert not any("hyperintensity" in a for _, a in got)


def test_vignette_leaves_out_what_the_patient_did(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        {
            SectionKind.CLINICAL_HISTORY: (
                "A 58-year-old man who had worked in a shipyard noticed a painless neck lump."
            ),
            SectionKind.IMAGING_FINDINGS: "CT showed a hypodense mass.",
        },
        age="58 years",
        sex="male",
    )
    ctx = CaseContext(case, (), lexicon, "x")
    assert "worked" not in vignette(ctx)
    case = make_case(
        {SectionKind.CLINICAL_HISTORY: "A 58-year-old man with diabetes had neck pain."},
        age="58 years",
        sex="male",
    )
    assert vignette(CaseContext(case, (), lexicon, "x")) == (
        "58-year-old man with diabetes and neck pain"
    )
