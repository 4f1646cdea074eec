"""sequence-appearance, round 10: a finding noun used as a back-reference, hedged findings,
brackets cut in half, an "In the imaging," opener, and a negated enhancement verb kept whole as
the answer of a teaching sentence. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers
from extract_helpers import facts_of, make_case, marked

from deckbuilder.extract.appearance import find_appearances
from deckbuilder.lexicon import Lexicon

KIND = "sequence-appearance"


@pytest.mark.parametrize(
    "text",
    [
        "Catheter angiography maps the extent of the stenosis and its collaterals.",
        "On Doppler, turbulent jets arise just beyond the narrowing.",
        "MR venography shows flow through the occlusion via small channels.",
    ],
)
def test_a_lone_finding_noun_after_a_preposition_and_the_is_no_finding(
    text: str, lexicon: Lexicon
) -> None:
    found = {answer for _, answer in answers(text, lexicon)}
    assert not found & {"stenosis", "narrowing", "occlusion"}


def test_a_finding_noun_with_its_own_article_still_counts(lexicon: Lexicon) -> None:
    found = answers("CT angiography showed a focal narrowing of the graft.", lexicon)
    assert any(answer.endswith("narrowing") for _, answer in found)


@pytest.mark.parametrize(
    "text",
    [
        "Power Doppler showed reduced flow in the lower pole, a finding of low confidence "
        "owing to patient motion.",
        "On ultrasound the duct looked dilated, an observation of uncertain significance.",
    ],
)
def test_a_finding_hedged_after_it_gives_no_pair(text: str, lexicon: Lexicon) -> None:
    assert answers(text, lexicon) == set()


def test_a_hedge_in_the_next_clause_leaves_the_earlier_finding(lexicon: Lexicon) -> None:
    text = "On ultrasound the gland was hypoechoic; a nodule of uncertain significance lay below."
    assert ("us", "hypoechoic") in answers(text, lexicon)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("On CT the infarcted spleen does not enhance.", "does not enhance"),
        ("After gadolinium the tumour core did not enhance.", "did not enhance"),
        ("On the delayed phase the nodules do not wash out.", "do not wash out"),
    ],
)
def test_a_negated_verb_is_kept_whole_when_asked(text: str, negated: str, lexicon: Lexicon) -> None:
    asked = [
        text[f.answer[0] : f.answer[1]]
        for f in find_appearances(text, lexicon, negated_answers=True)
    ]
    assert asked == [negated]
    plain = [text[f.answer[0] : f.answer[1]] for f in find_appearances(text, lexicon)]
    assert plain == []


def test_a_denial_with_no_stays_no_finding_even_when_asked(lexicon: Lexicon) -> None:
    text = "On DWI there was no restricted diffusion and no enhancement after gadolinium."
    assert find_appearances(text, lexicon, negated_answers=True) == []


def test_a_teaching_negated_enhancement_is_a_card_never_a_bare_enhance() -> None:
    case = make_case(
        discussion="Splenic infarction is a wedge-shaped peripheral defect. On contrast-enhanced "
        "CT, the infarcted segment does not enhance.",
        final="Splenic infarction",
    )
    cards = [marked(f) for f in facts_of(case, KIND)]
    assert any("{{c1::does not enhance}}" in c for c in cards), cards
    assert not any("{{c1::enhance}}" in c for c in cards)


def test_a_case_finding_with_a_negated_verb_gives_no_card() -> None:
    case = make_case(
        findings="On CT, the collection did not enhance after contrast.",
        final="Seroma",
    )
    assert not any("enhance" in marked(f) for f in facts_of(case, KIND))


def test_a_clause_cut_from_inside_brackets_has_no_stray_bracket() -> None:
    case = make_case(
        findings="MRI of the wrist (T1: low; STIR: markedly hyperintense signal in the scaphoid "
        "with a thin dark line).",
        final="Scaphoid fracture",
    )
    cards = [marked(f) for f in facts_of(case, KIND)]
    assert cards, "the STIR finding should give a card"
    for card in cards:
        assert card.count(")") <= card.count("("), card


@pytest.mark.parametrize("opener", ["In the imaging, ", "On imaging, "])
def test_an_imaging_label_read_as_a_phrase_leaves_the_card(opener: str) -> None:
    case = make_case(
        discussion=f"Tuberculous spondylitis spreads beneath the ligaments. {opener}MRI shows "
        "the vertebral bodies hyperintense on T2-weighted images.",
        final="Tuberculous spondylitis",
    )
    cards = [marked(f) for f in facts_of(case, KIND)]
    assert any("{{c1::hyperintense}}" in c for c in cards), cards
    assert not any("imaging," in c.lower() for c in cards), cards


@pytest.mark.parametrize(
    ("paragraph", "finding"),
    [
        (
            "US: hypoechoic. MRI: T1 iso, T2 bright. Fluid-fluid levels appear after a bleed.",
            "fluid-fluid levels",
        ),
        (
            "Radiograph: lytic. CT: thin sclerotic margin. Older lesions show fat attenuation.",
            "fat attenuation",
        ),
    ],
)
def test_the_last_setting_label_holds_for_the_next_sentence(paragraph: str, finding: str) -> None:
    case = make_case(
        discussion=f"Intraosseous lipoma is a benign fatty bone tumour.\n\n{paragraph}",
        final="Intraosseous lipoma",
    )
    cards = {
        marked(f): f.key for f in facts_of(case, KIND) if f"{{{{c1::{finding}" in marked(f).lower()
    }
    assert cards, [marked(f) for f in facts_of(case, KIND)]
    first = paragraph.split(":")[0].lower()
    for card in cards:
        assert f"on {first}" not in card.lower(), card


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Panoramic radiograph: erosion of the lamina dura around the molars.", "erosion"),
        ("On CT there was cortical erosion of the mandible.", "cortical erosion"),
        ("On ultrasound the cyst contained incomplete septa.", "incomplete septa"),
        ("Chest radiographs showed notching of the posterior ribs.", "notching"),
    ],
)
def test_bone_loss_and_septa_nouns_are_findings_with_a_setting(
    text: str, expected: str, lexicon: Lexicon
) -> None:
    assert expected in {answer for _, answer in answers(text, lexicon)}


@pytest.mark.parametrize(
    "text",
    [
        "No erosion of the cortex was seen on CT.",
        "Erosion of the ossicles is a late complication of chronic otitis.",
    ],
)
def test_denied_or_settingless_erosion_gives_no_pair(text: str, lexicon: Lexicon) -> None:
    assert answers(text, lexicon) == set()
