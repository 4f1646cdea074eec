"""sequence-appearance on the structures of a sixth author: a range of signal levels kept as one
answer, the ADC level with its map, clauses about other entities and halves of comparisons left
out, and the settings and words of bowel contrast studies, plain abdominal films and duplex
ultrasound. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers
from extract_helpers import facts_of, make_case, marked

from deckbuilder.lexicon import Lexicon
from deckbuilder.model import Patient

KIND = "sequence-appearance"


def _texts(findings: str = "", discussion: str = "", final: str = "Chordoma") -> list[str]:
    case = make_case(
        findings=findings,
        discussion=discussion,
        final=final,
        patient=Patient(age="45 years", sex="male"),
    )
    return [marked(f) for f in facts_of(case, KIND)]


# --- a range of levels is one answer --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sequence", "expected"),
    [
        (
            "The clival mass was of low to intermediate signal on T1WI.",
            "t1",
            "low to intermediate signal",
        ),
        (
            "On T2-weighted images the plaque returned intermediate to high signal intensity.",
            "t2",
            "intermediate to high signal intensity",
        ),
        (
            "On STIR the marrow lesion showed low-to-intermediate signal.",
            "stir",
            "low-to-intermediate signal",
        ),
    ],
)
def test_a_range_of_signal_is_one_answer(
    text: str, sequence: str, expected: str, lexicon: Lexicon
) -> None:
    found = answers(text, lexicon)
    assert (sequence, expected) in found
    # No card cuts the range in half ("low to {{intermediate signal}}").
    assert not {a for _, a in found} & {"intermediate signal", "high signal intensity"}


def test_a_range_card_reads_whole() -> None:
    texts = _texts(findings="On MR the sacral mass was of low to intermediate signal on T1WI.")
    assert any("{{c1::low to intermediate signal}}" in t for t in texts)
    assert not any("low to {{c1::" in t for t in texts)


# --- the ADC level, before or after its map ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On DWI the abscess cavity was bright with a low ADC.", "low"),
        ("The infarcted territory showed reduced ADC values on the map.", "reduced"),
        ("Diffusion-weighted images showed raised ADC in the swollen white matter.", "raised"),
        ("On MR the cystic lesion was T2 bright; ADC relatively high.", "relatively high"),
    ],
)
def test_the_adc_level_is_answered_with_its_map(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in {a for _, a in answers(text, lexicon)}


def test_facilitated_diffusion_said_with_a_verb() -> None:
    texts = _texts(
        discussion="In vasogenic oedema diffusion is typically facilitated on DWI.",
        final="Vasogenic oedema",
    )
    assert any("{{c1::facilitated}}" in t for t in texts)


def test_facilitated_in_plain_english_is_no_finding(lexicon: Lexicon) -> None:
    text = "On CT, diagnosis of the fracture was facilitated by thin slices."
    assert "facilitated" not in {a for _, a in answers(text, lexicon)}


# --- findings of other entities ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On T2WI the mass is dark, which helps because most other soft-tissue tumours are bright.",
        "On CT the nodule is calcified, whereas many other hamartomas are of fat attenuation.",
        "On T1WI the cyst is hyperintense; some other cysts are hypointense.",
    ],
)
def test_a_clause_about_other_entities_gives_no_card(text: str, lexicon: Lexicon) -> None:
    found = {a for _, a in answers(text, lexicon)}
    assert found, "the topic's own finding must still be read"
    assert not found & {"bright", "fat attenuation", "hypointense"}


def test_the_other_side_of_the_same_lesion_is_still_a_finding(lexicon: Lexicon) -> None:
    # "the other" names a part of this patient's lesion, not another entity.
    text = "On CT one wall was thin and the other wall was calcified."
    assert "calcified" in {a for _, a in answers(text, lexicon)}


# --- halves of comparisons ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("On MR, wall enhancement was thicker than on ultrasound.", "wall enhancement"),
        ("On CT the parts that enhance more early wash out later, and vice versa.", "enhance"),
        (
            "On MR the regions that enhance less in the arterial phase enhance more on delayed images.",
            "enhance less",
        ),
    ],
)
def test_half_of_a_comparison_gives_no_card(text: str, dropped: str, lexicon: Lexicon) -> None:
    assert dropped not in {a for _, a in answers(text, lexicon)}


def test_a_named_pattern_before_its_explanation_stands(lexicon: Lexicon) -> None:
    text = (
        "On CT the tumour shows segmental enhancement inversion, in which the two parts swap "
        "their enhancement and vice versa."
    )
    assert "segmental enhancement inversion" in {a for _, a in answers(text, lexicon)}


# --- settings and words of bowel studies, plain films and duplex --------------------------------


@pytest.mark.parametrize(
    ("text", "sequence", "expected"),
    [
        ("AXR: gaseous distension of small-bowel loops.", "radiograph", "gaseous distension"),
        (
            "Water-soluble enema: a cone-shaped transition zone in the sigmoid.",
            "fluoroscopy",
            "cone-shaped transition zone",
        ),
        (
            "On the 24-hour film there was retained contrast in the colon.",
            "fluoroscopy",
            "retained contrast",
        ),
        (
            "Barium enema: saw-tooth contractions of the narrowed segment.",
            "fluoroscopy",
            "saw-tooth contractions",
        ),
        ("US: a stool-filled, dilated rectum.", "us", "stool-filled"),
        ("On CT the femoral cortex was thinned and expanded.", "ct", "thinned"),
        (
            "Radiographs showed a lytic lesion with a non-sclerotic margin.",
            "radiograph",
            "non-sclerotic margin",
        ),
        ("On CT the mass had a central stellate scar.", "ct", "central stellate scar"),
        ("On ultrasound the infected cyst looked pseudosolid.", "us", "pseudosolid"),
    ],
)
def test_words_and_settings_of_new_studies(
    text: str, sequence: str, expected: str, lexicon: Lexicon
) -> None:
    assert (sequence, expected) in answers(text, lexicon)


def test_duplex_names_a_doppler_setting_for_velocities(lexicon: Lexicon) -> None:
    found = answers("On DUS the peak velocity in the renal artery was 310 cm/s.", lexicon)
    assert ("us-spectral-doppler", "310 cm/s") in found


def test_a_transition_zone_as_a_place_is_no_finding(lexicon: Lexicon) -> None:
    # The prostate's transition zone is where a lesion lies, not how it looks.
    text = "On T2WI a hypointense nodule lay in the transition zone."
    found = {a for _, a in answers(text, lexicon)}
    assert "hypointense nodule" in found
    assert "transition zone" not in found


@pytest.mark.parametrize(
    ("text", "sequence", "expected"),
    [
        (
            "On duplex ultrasound a PSV above 180 cm/s in the renal artery was found.",
            "us",
            "above 180 cm/s",
        ),
        (
            "Spectral Doppler: peak velocity > 250 cm/s at the graft anastomosis.",
            "us-spectral-doppler",
            "> 250 cm/s",
        ),
        (
            "Barium enema: rectosigmoid ratio of 0.8 in the infant.",
            "fluoroscopy",
            "rectosigmoid ratio of 0.8",
        ),
        (
            "Abdominal radiograph: dilated small bowel loops and an empty rectum.",
            "radiograph",
            "empty rectum",
        ),
        ("Coronal reformats show a beaked narrowing of the pylorus.", "ct", "beaked narrowing"),
    ],
)
def test_thresholds_ratios_and_reformats(
    text: str, sequence: str, expected: str, lexicon: Lexicon
) -> None:
    assert (sequence, expected) in answers(text, lexicon)


def test_a_velocity_threshold_on_ct_is_still_no_card(lexicon: Lexicon) -> None:
    # A velocity is a Doppler measurement, whatever comparison stands before it.
    found = answers("On CT angiography the jet was estimated above 300 cm/s.", lexicon)
    assert not any("cm/s" in a for _, a in found)


@pytest.mark.parametrize(
    "text",
    [
        "On CT the ureter was dilated, caused by an obstructing calculus.",
        "On MR the nerve root was swollen, secondary to thickened ligamenta flava.",
    ],
)
def test_the_cause_of_a_finding_is_no_finding(text: str, lexicon: Lexicon) -> None:
    found = {a for _, a in answers(text, lexicon)}
    assert found
    assert not found & {
        "obstructing calculus",
        "calculus",
        "thickened ligamenta flava",
        "thickened",
    }


@pytest.mark.parametrize(
    ("text", "sequence", "expected"),
    [
        ("On T2WI the hypointense outer myometrium was disrupted.", "t2", "hypointense"),
        (
            "On MR the low-signal rectal wall line was breached anteriorly.",
            "mr",
            "rectal wall line was breached anteriorly",
        ),
        (
            "On CT the fat plane was lost between the mass and the pancreas.",
            "ct",
            "fat plane was lost",
        ),
        (
            "On STIR, oedema of the adjacent marrow was seen.",
            "stir",
            "oedema of the adjacent marrow",
        ),
        (
            "On colour Doppler there were vessels radiating from the hilum.",
            "us-doppler",
            "vessels radiating",
        ),
        (
            "On CT the mass had a central stellate calcified scar.",
            "ct",
            "central stellate calcified scar",
        ),
    ],
)
def test_broken_layers_marrow_oedema_and_radiating_vessels(
    text: str, sequence: str, expected: str, lexicon: Lexicon
) -> None:
    assert (sequence, expected) in answers(text, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "On CT the fat plane was not lost.",
        "On MR the junctional zone was intact.",
        "On T2WI the capsule was never breached.",
    ],
)
def test_an_intact_or_denied_break_gives_no_card(text: str, lexicon: Lexicon) -> None:
    found = {a for _, a in answers(text, lexicon)}
    assert not any(w in a for a in found for w in ("lost", "breached", "disrupted"))


@pytest.mark.parametrize(
    "text",
    [
        "After contrast, inflammation thickens and enhances the bowel wall.",
        "On MR, gadolinium enhances the contrast between tumour and oedema.",
    ],
)
def test_enhance_with_an_object_is_no_finding(text: str, lexicon: Lexicon) -> None:
    assert not {a for _, a in answers(text, lexicon)} & {"enhances"}


def test_enhance_without_an_object_is_still_a_finding(lexicon: Lexicon) -> None:
    found = answers("After contrast, the thickened wall enhances in the portal phase.", lexicon)
    assert any(a.endswith("enhances") for _, a in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On hepatobiliary phase images the adenoma showed no uptake.", "no uptake"),
        (
            "On gadoxetic acid-enhanced MR the nodule showed no uptake in the hepatobiliary phase.",
            "no uptake",
        ),
    ],
)
def test_an_absence_said_as_the_finding_keeps_its_negation(
    text: str, expected: str, lexicon: Lexicon
) -> None:
    found = {a for _, a in answers(text, lexicon)}
    assert expected in found
    # The card never drops the negation to leave a positive "uptake".
    assert "uptake" not in found


@pytest.mark.parametrize(
    "text",
    ["After contrast there was no rim enhancement.", "After gadolinium the cyst did not enhance."],
)
def test_a_denied_enhancement_gives_no_card(text: str, lexicon: Lexicon) -> None:
    assert not answers(text, lexicon)
