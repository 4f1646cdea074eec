"""sequence-appearance on a fourth author's wording: measured Doppler and catheter values,
reference tissues, levels said of a sequence's signal, labelled lines whose later clauses are
fragments, list items under a modality header, terms that hold a sequence's name, and findings
that belong to something else (what a finding is mistaken for, what is set aside, warning signs
of another disease). Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers
from extract_helpers import facts_of, findings_list_case, make_case, marked

from deckbuilder.extract.appearance import vignette
from deckbuilder.extract.base import CaseContext
from deckbuilder.model import Patient

KIND = "sequence-appearance"


# --- new finding words and measured values -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Spectral Doppler of the graft anastomosis showed a peak velocity of 410 cm/s.",
            ("us-spectral-doppler", "410 cm/s"),
        ),
        (
            "Colour Doppler showed a resistive index of 0.85 in the transplant kidney.",
            ("us-doppler", "0.85"),
        ),
        (
            "At catheter angiography the gradient across the coarctation was 25 mmHg.",
            ("angiography", "25 mmHg"),
        ),
        (
            "Colour Doppler showed only a few vessels in the solid part.",
            ("us-doppler", "few vessels"),
        ),
        (
            "Transabdominal ultrasound showed a stone with posterior acoustic attenuation.",
            ("us", "posterior acoustic attenuation"),
        ),
        ("Ultrasound showed a bladder full of internal debris.", ("us", "internal debris")),
        (
            "CT showed a homogeneously dense lesion in the femoral neck.",
            ("ct", "homogeneously dense"),
        ),
        ("CT showed hyperostosis of the planum sphenoidale.", ("ct", "hyperostosis")),
        (
            "Radiographs showed a flattened vertebral body at T8.",
            ("radiograph", "flattened vertebral body"),
        ),
        (
            "On CT there were a few small calcific densities in the nodule.",
            ("ct", "small calcific densities"),
        ),
        (
            "Bone scintigraphy showed normal tracer distribution in the spine.",
            ("nm-bone-scan", "normal tracer distribution"),
        ),
        (
            "On MRI the plaque was hypointense on all sequences.",
            ("mr", "hypointense on all sequences"),
        ),
        (
            "MR angiography showed alternating short stenoses and dilatations of the iliac artery.",
            ("mra", "alternating short stenoses and dilatations"),
        ),
        (
            "On the frog-leg view the physis was widened.",
            ("radiograph", "widened"),
        ),
    ],
)
def test_new_finding_words(text: str, expected: tuple[str, str], lexicon) -> None:  # type: ignore[no-untyped-def]
    assert expected in answers(text, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        # A velocity or a gradient is read on Doppler or at angiography, never on CT.
        "CT showed a jet of 300 cm/s across the valve.",
        "On CT the ratio of 2.5 between the two diameters was noted.",
        "MRI showed a pressure of 30 mmHg in the cyst.",
        # "dense" alone says nothing.
        "CT showed dense tissue around the graft.",
    ],
)
def test_measured_values_only_on_their_own_settings(text: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    found = {a for _, a in answers(text, lexicon)}
    assert not found & {"300 cm/s", "2.5", "30 mmHg", "dense"}


# --- reference tissues and levels of a sequence's signal -----------------------------------


def test_a_tissue_after_a_signal_word_is_its_own_answer(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "The leiomyoma was markedly hypointense on T2WI, similar to skeletal muscle."
    assert ("t2", "markedly hypointense") in answers(text, lexicon)
    assert ("t2", "skeletal muscle") in answers(text, lexicon)


def test_isointense_keeps_what_it_equals_but_hypo_stands_alone(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert ("t1", "isointense to muscle") in answers(
        "The schwannoma was isointense to muscle on T1WI.", lexicon
    )
    assert ("t1", "hypointense") in answers(
        "The schwannoma was hypointense to muscle on T1WI.", lexicon
    )


def test_a_tissue_named_away_from_any_signal_word_is_no_answer(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "On MRI the mass lay in the thigh, like a lipoma of muscle."
    assert not {a for _, a in answers(text, lexicon)} & {"muscle", "lipoma of muscle"}


def test_a_level_said_of_a_sequences_signal(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "In haemorrhage of this age, T1 signal is usually high, while T2 signal is variable."
    found = answers(text, lexicon)
    assert ("t1", "high") in found
    assert ("t2", "variable") in found


def test_a_head_noun_keeps_what_its_area_holds(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "On T2WI the meningioma had a few hyperintense areas of oedema at its margin."
    assert ("t2", "hyperintense areas of oedema") in answers(text, lexicon)


def test_a_term_holding_a_sequence_name_stays_a_term(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "On DWI the fibrous tumour stayed dark, owing to T2 blackout rather than restriction."
    assert ("t2", "T2 blackout") in answers(text, lexicon)


def test_restricted_diffusion_after_a_t2_item_is_read_on_dwi(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "MRI: T2WI hyperintense, marked restricted diffusion of the pus."
    found = answers(text, lexicon)
    assert ("dwi", "marked restricted diffusion") in found
    assert ("t2", "marked restricted diffusion") not in found


# --- what is not the topic's look ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "foreign"),
    [
        (
            "On CT the appendicolith is seen as a dense focus, which may be mistaken for calculi.",
            "calculi",
        ),
        (
            "On CT, restricted attenuation pattern favours a cyst over necrotic metastasis.",
            "necrotic",
        ),
        (
            "On ultrasound, intramural gas is seen as bright foci with dirty shadowing.",
            "intramural gas",
        ),
        (
            "On MRI, bone destruction or low ADC values should raise concern for lymphoma.",
            "low",
        ),
    ],
)
def test_findings_of_something_else_give_no_answer(text: str, foreign: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert foreign not in {a for _, a in answers(text, lexicon)}


def test_an_interpretation_after_a_comma_keeps_the_finding(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "The nodule was hypointense on T2WI and showed a low ADC, suspicious for tumour."
    assert ("adc", "low") in answers(text, lexicon)


# --- labelled lines and list items under a header ------------------------------------------


def test_a_labelled_line_sets_its_later_fragments_but_not_a_clause_with_a_verb(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = (
        "US: variable; small cysts may contain calcification that is bright, older ones "
        "anechoic with septa."
    )
    found = answers(text, lexicon)
    assert ("us", "anechoic") in found
    assert not {a for _, a in found} & {"calcification", "bright"}


def test_a_negated_finding_under_a_label_is_still_no_card(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "MR: mass hypointense on T1WI; no enhancement or restricted diffusion."
    found = {a for _, a in answers(text, lexicon)}
    assert not found & {"enhancement", "restricted diffusion"}


def _listed(header: str, items: tuple[str, ...]):  # type: ignore[no-untyped-def]
    return findings_list_case(header, items, "Osteonecrosis", Patient(age="9 years", sex="female"))


def test_list_items_under_a_modality_header_are_read_on_it() -> None:
    case = _listed(
        "Radiographs of the left knee (Figure 1):",
        ("Medial femoral condyle flattened and sclerotic.", "Widened lateral joint space."),
    )
    texts = [marked(f) for f in facts_of(case, KIND)]
    assert any("{{c1::flattened}}" in t and "on radiographs" in t for t in texts)
    assert any("{{c1::widened lateral joint space}}" in t for t in texts)


def test_list_items_under_a_header_naming_no_modality_give_no_card() -> None:
    case = _listed("Left knee (Figure 1):", ("Medial femoral condyle flattened and sclerotic.",))
    assert not facts_of(case, KIND)


def test_a_lone_capital_opening_a_card_keeps_its_case() -> None:
    case = _listed("MRI of the hips:", ("L femoral head hypointense on T1WI.",))
    texts = [f.text for f in facts_of(case, KIND)]
    assert any("L femoral head" in t for t in texts)


# --- the patient named by a card ---------------------------------------------------------


def test_the_vignette_reads_on_past_a_comma_between_adjectives(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        history=(
            "A 63-year-old man with long-standing, poorly treated hypertension was seen for "
            "chest pain."
        ),
        findings="CT showed a hyperdense crescent in the aortic wall.",
        final="Intramural haematoma",
        patient=Patient(age="63 years", sex="male"),
    )
    ctx = CaseContext(case, (), lexicon, "x")
    # The shared case summary (text.case_summary) decides how far a detail reads; the opening
    # is either the whole noun phrase or the bare patient, never a dangling "with long-standing".
    assert vignette(ctx) in {
        "63-year-old man with long-standing, poorly treated hypertension",
        "63-year-old man",
    }


def test_a_joined_answer_never_cuts_a_coordination(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "On T2WI the lymphoma showed a striated pattern of alternating bright and dark bands."
    found = {a for _, a in answers(text, lexicon)}
    assert not any(a.endswith("bright") and "pattern" in a for a in found)
    assert "dark bands" in found


def test_a_discussion_written_on_under_the_findings_gives_no_patient_card() -> None:
    case = make_case(
        findings=(
            "CT showed a hypodense lesion in the spleen.\n\n"
            "SI = splenic infarct, a wedge-shaped area of ischaemia.\n\n"
            "Imaging: CT shows a wedge-shaped hypodense area with capsular enhancement."
        ),
        final="Splenic infarct",
        patient=Patient(age="70 years", sex="male"),
    )
    texts = [f.text for f in facts_of(case, KIND)]
    assert any("hypodense lesion in the spleen" in t for t in texts)
    assert not any("capsular" in t or "wedge-shaped" in t for t in texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MRI: low T1 signal of the vertebral marrow.", ("t1", "low")),
        ("The tendon showed high STIR signal at its insertion.", ("stir", "high")),
        ("FDG-PET showed a hypermetabolic node with an SUVmax of 11.5.", ("nm-pet", "11.5")),
    ],
)
def test_a_level_before_a_named_signal_and_an_uptake_value(text: str, expected, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert expected in answers(text, lexicon)


def test_an_uptake_value_off_pet_and_a_level_before_no_signal_give_nothing(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert not answers("CT showed a nodule; an SUVmax of 6 was quoted.", lexicon)
    assert not answers("The high T2 lesion load was noted.", lexicon)


def test_they_in_the_findings_are_the_lesions_the_sentence_before_named() -> None:
    case = make_case(
        findings=(
            "Ultrasound showed a nodule in each thyroid lobe. CT confirmed both nodules. They "
            "were hypodense on the unenhanced images."
        ),
        final="Colloid nodules",
    )
    texts = [f.text for f in facts_of(case, KIND) if "hypodense" in f.answers()]
    assert texts
    assert all("the nodules were" in t for t in texts)


def test_they_stays_unresolved_when_no_plural_lesion_was_named() -> None:
    case = make_case(
        findings=(
            "Ultrasound showed a nodule in the right thyroid lobe. They were hypodense on the "
            "unenhanced CT images."
        ),
        final="Colloid nodule",
    )
    assert not any("the nodules" in f.text for f in facts_of(case, KIND))
