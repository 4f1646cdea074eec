"""sequence-appearance, round 9: labels spelled out with their abbreviation before the colon
("T2-weighted imaging (T2WI): high"), and morphology words of bone, liver and duct lesions read
as findings where a modality is named. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers

from deckbuilder.lexicon import Lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fluid-attenuated inversion recovery (FLAIR): bright, with no mass effect",
            ("flair", "bright"),
        ),
        ("T1-weighted images (T1WI): hypo", ("t1", "hypo")),
        ("- Short tau inversion recovery (STIR): markedly high", ("stir", "markedly high")),
    ],
)
def test_a_spelled_out_label_with_its_abbreviation_still_pairs(
    text: str, expected: tuple[str, str], lexicon: Lexicon
) -> None:
    assert expected in answers(text, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "T1-weighted imaging (T1WI): not assessed",
        "Diffusion-weighted imaging (DWI): no restriction",
        "Protocol (T1WI): axial and coronal",
    ],
)
def test_a_spelled_out_label_without_a_level_gives_no_pair(text: str, lexicon: Lexicon) -> None:
    assert answers(text, lexicon) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Plain films of the fibula: eccentric, geographic. Narrow zone of transition.",
            {("radiograph", "Narrow zone of transition")},
        ),
        (
            "On radiographs the calcaneal lesion was geographic with a wide zone of transition.",
            {("radiograph", "geographic"), ("radiograph", "wide zone of transition")},
        ),
        (
            "X-ray, right femur: Lytic focus in the diaphysis. Mild expansion. Cortex thinned.",
            {("radiograph", "Mild expansion")},
        ),
        (
            "On contrast-enhanced CT the subcapsular mass showed capsular retraction.",
            {("ct-post-contrast", "capsular retraction")},
        ),
    ],
)
def test_morphology_words_are_findings_on_a_named_modality(
    text: str, expected: set[tuple[str, str]], lexicon: Lexicon
) -> None:
    found = answers(text, lexicon)
    assert {a for _, a in expected} <= {a for _, a in found}
    assert {s for s, _ in expected} & {s for s, _ in found}


@pytest.mark.parametrize(
    "text",
    [
        "The tumour showed geographic necrosis at histology.",
        "Further expansion of the programme is planned.",
        "On radiographs there was no expansion of the cortex.",
        "Capsular retraction was absent on CT.",
    ],
)
def test_morphology_words_without_a_modality_or_denied_give_no_card(
    text: str, lexicon: Lexicon
) -> None:
    found = answers(text, lexicon)
    assert not any(
        a.lower() in {"geographic", "expansion", "capsular retraction"} for _, a in found
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Spectral Doppler: peak systolic velocity of 250 cm/s or more at the anastomosis.",
            ("us-spectral-doppler", "250 cm/s or more"),
        ),
        (
            "At catheter angiography a transstenotic gradient of 10 mmHg or more was measured.",
            ("angiography", "10 mmHg or more"),
        ),
        (
            "Spectral Doppler showed a velocity ratio above 3.5 to 4 across the graft stenosis.",
            ("us-spectral-doppler", "above 3.5 to 4"),
        ),
        ("On CT the hip's centre-edge angle was below 20 degrees.", ("ct", "below 20 degrees")),
        (
            "On MR angiography, a sac to neck diameter ratio of 2.1 or more favours rupture.",
            ("mra", "2.1 or more"),
        ),
    ],
)
def test_a_measured_finding_keeps_its_comparison(
    text: str, expected: tuple[str, str], lexicon: Lexicon
) -> None:
    assert expected in answers(text, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        # No imaging setting: a position, not a measurement on an image.
        "The patient lay tilted 30 degrees or more during transfer.",
        # A diameter ratio is not a Doppler velocity ratio, and a velocity needs Doppler.
        "On CT the velocity ratio of 4.2 was recorded in the report.",
        # Denied thresholds give no card.
        "On CT the angle was not below 30 degrees.",
    ],
)
def test_a_measurement_without_its_setting_or_denied_gives_no_card(
    text: str, lexicon: Lexicon
) -> None:
    assert answers(text, lexicon) == set()


def test_a_plain_more_after_a_value_is_still_half_a_comparison(lexicon: Lexicon) -> None:
    found = answers("On Doppler the graft velocity was 180 cm/s more than the native.", lexicon)
    assert not any(a.endswith("more") for _, a in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Diffusion (DWI): low apparent diffusion coefficient in the solid part",
            ("adc", "low"),
        ),
        (
            "On MRI the empyema showed reduced apparent diffusion coefficient values.",
            ("adc", "reduced"),
        ),
    ],
)
def test_a_spelled_out_adc_level_is_read(
    text: str, expected: tuple[str, str], lexicon: Lexicon
) -> None:
    assert expected in answers(text, lexicon)


def test_a_denied_spelled_out_adc_level_gives_no_card(lexicon: Lexicon) -> None:
    found = answers("On MRI there was no low apparent diffusion coefficient in the cyst.", lexicon)
    assert not any(seq == "adc" for seq, _ in found)
