"""sequence-appearance on the structures of a fifth author: a setting named as the author wrote
it, lines labelled with another entity's name, paragraphs opening with a setting label, a term
that is the subject of a clause, participles with their noun, and new words of hollow organs,
vessels and Doppler waveforms. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers
from extract_helpers import facts_of, findings_list_case, make_case, marked

from deckbuilder.model import Patient

KIND = "sequence-appearance"


def _texts(findings: str = "", discussion: str = "", final: str = "Thyroiditis") -> list[str]:
    case = make_case(
        findings=findings,
        discussion=discussion,
        final=final,
        patient=Patient(age="50 years", sex="female"),
    )
    return [marked(f) for f in facts_of(case, KIND)]


def _listed(header: str, items: tuple[str, ...]):  # type: ignore[no-untyped-def]
    return findings_list_case(header, items, "Cholecystitis", Patient(age="70 years", sex="male"))


# --- the setting a card names, as the author wrote it ---------------------------------------


def test_a_list_header_names_the_setting_in_its_own_words() -> None:
    case = _listed("Sonography (Figure 1):", ("Gallbladder wall thick and hyperaemic.",))
    texts = [marked(f) for f in facts_of(case, KIND)]
    assert texts
    assert all("on sonography, " in t for t in texts)


def test_an_earlier_sentence_names_the_setting_in_its_own_words() -> None:
    texts = _texts(
        findings=(
            "High-resolution CT of the chest was performed. The bronchial walls were "
            "thickened in both lower lobes."
        )
    )
    assert any("on high-resolution CT, " in t and "{{c1::thickened}}" in t for t in texts)


def test_a_doppler_mention_does_not_name_the_next_grey_scale_finding() -> None:
    texts = _texts(
        findings=(
            "Ultrasound of the neck was performed. Colour Doppler showed increased flow in the "
            "gland. The gland was enlarged and heterogeneous."
        )
    )
    later = [t for t in texts if "gland was" in t]
    assert later
    assert not any("on colour Doppler" in t for t in later)
    assert all("on ultrasound, " in t for t in later)


def test_a_setting_written_as_an_adjective_is_named_by_the_lexicon() -> None:
    texts = _texts(
        findings="A sonographic study was done. The appendix was dilated and non-compressible."
    )
    assert texts
    assert not any("On sonographic" in t or "on sonographic," in t for t in texts)


# --- a line labelled with a name is that entity's ------------------------------------------


def test_a_line_labelled_with_another_entity_gives_no_card_to_the_topic() -> None:
    texts = _texts(
        discussion=(
            "Warthin tumour is a benign parotid tumour of older smokers.\n\n"
            "First branchial cleft cyst: thin-walled, anechoic on US, no internal flow.\n\n"
            "Acinic cell carcinoma (rare): ill-defined and hypoechoic on US."
        ),
        final="Warthin tumour",
    )
    assert not any("anechoic}}" in t or "hypoechoic}}" in t for t in texts)


def test_a_line_labelled_with_the_topic_or_a_generic_label_keeps_its_card() -> None:
    texts = _texts(
        discussion=(
            "Warthin tumour is a benign parotid tumour of older smokers.\n\n"
            "Warthin tumour: well-defined, hypoechoic on US with cystic spaces.\n\n"
            "Typical findings: low signal on T2WI in the solid part."
        ),
        final="Warthin tumour",
    )
    assert any("hypoechoic}}" in t and t.startswith("In Warthin tumour") for t in texts)
    assert any("{{c1::low signal}}" in t for t in texts)


# --- a paragraph opening with a setting label ------------------------------------------------


def test_fragments_of_a_paragraph_opening_with_a_setting_label_are_read_on_it() -> None:
    texts = _texts(
        findings="US: 3 cm nodule in the right lobe. Hyperaemic, thickened capsule.",
    )
    assert any("hyperaemic" in t.lower() and "US" in t for t in texts)


def test_fragments_after_an_unlabelled_opening_still_give_no_card() -> None:
    texts = _texts(findings="CT of the neck was performed. Thickened, oedematous capsule.")
    assert not any("capsule" in t for t in texts)


# --- the subject of a clause is no answer ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("On CT, the mural thrombus narrowed the aortic lumen to 8 mm.", "mural thrombus"),
        ("On MRI the rim enhancement surrounds a fluid-filled cavity.", "rim enhancement"),
        (
            "Infiltration of the fat by calcified nodes is best shown by thin-section CT.",
            "calcified",
        ),
    ],
)
def test_a_term_that_is_the_clause_subject_is_no_answer(text: str, subject: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert subject not in {a for _, a in answers(text, lexicon)}


def test_a_term_after_its_verb_is_still_an_answer(lexicon) -> None:  # type: ignore[no-untyped-def]
    found = answers("On CT, the aortic lumen was narrowed by mural thrombus.", lexicon)
    assert ("ct", "mural thrombus") in found


# --- participles with their noun, new words --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MRCP showed a dilated common bile duct.", "dilated common bile duct"),
        ("A barium swallow showed a beaked distal oesophagus.", "beaked distal oesophagus"),
        ("On CT there was a thickened mesorectal fascia.", "thickened mesorectal fascia"),
        ("Supine radiograph showed a paucity of rectal gas.", "paucity of rectal gas"),
        ("Colour Doppler showed little internal flow in the nodule.", "little internal flow"),
        ("Spectral Doppler of the hepatic veins showed a monophasic waveform.", "monophasic"),
        ("An upper GI series showed a corkscrew course of the jejunum.", "corkscrew"),
        ("On CT venography the left renal vein was compressed.", "compressed"),
    ],
)
def test_new_words_and_participles_with_their_noun(text: str, expected: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert expected in {a for _, a in answers(text, lexicon)}


def test_a_participle_does_not_take_the_next_participle(lexicon) -> None:  # type: ignore[no-untyped-def]
    found = {a for _, a in answers("On CT there were dilated ducts filled by debris.", lexicon)}
    assert not any("filled" in a for a in found)


def test_a_negated_new_word_gives_no_answer(lexicon) -> None:  # type: ignore[no-untyped-def]
    found = {a for _, a in answers("On CT the appendix was not dilated.", lexicon)}
    assert not any("dilated" in a for a in found)


# --- negation by "none of", contrasted subjects, comparisons ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "After contrast, none of the nodules was seen to have a ring-enhancing wall.",
        "On MRI neither of the adrenal masses showed signal drop.",
    ],
)
def test_none_of_denies_the_finding(text: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert not answers(text, lexicon)


def test_none_of_in_an_earlier_clause_does_not_deny_a_later_one(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "None of the nodes were enlarged; on CT the spleen showed a hypodense wedge."
    assert any(a == "hypodense" for _, a in answers(text, lexicon))


def test_a_finding_of_a_subject_set_against_the_topic_is_not_the_topics() -> None:
    texts = _texts(
        discussion=(
            "On delayed scintigraphy the tracer persists in the paraganglioma, whereas the "
            "adrenal cortex washes out on the delayed images."
        ),
        final="Paraganglioma",
    )
    assert not any("{{c1::washes out" in t for t in texts)


def test_a_comparison_written_after_a_term_is_never_cut(lexicon) -> None:  # type: ignore[no-untyped-def]
    found = {
        a
        for _, a in answers(
            "On CT the spleen was of higher attenuation than the liver (62 HU).", lexicon
        )
    }
    assert "higher attenuation" in found
    assert not any(a.endswith(("than", "than the")) for a in found)


def test_a_term_that_a_copula_describes_is_no_answer(lexicon) -> None:  # type: ignore[no-untyped-def]
    found = {
        a
        for _, a in answers(
            "On MRI, marrow oedema and periosteal oedema were hyperintense on STIR.", lexicon
        )
    }
    assert not any("marrow oedema" in a for a in found)
    assert "hyperintense" in found


def test_alternatives_before_a_shared_head_noun_leave_the_noun_visible(lexicon) -> None:  # type: ignore[no-untyped-def]
    found = {
        a
        for _, a in answers(
            "Radiographs show a lytic, round or oval area in the metaphysis.", lexicon
        )
    }
    assert "oval" in found
    assert "oval area" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On dynamic MRI the lesion peaks in the arterial phase.", "peaks in the arterial phase"),
        ("Radiographs showed patchy osteopenia of the tarsal bones.", "patchy osteopenia"),
        ("MRI showed bone marrow oedema in the talar dome.", "bone marrow oedema"),
    ],
)
def test_kinetics_bone_density_and_marrow_words(text: str, expected: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert expected in {a for _, a in answers(text, lexicon)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On T1WI there was a low-signal subchondral line in the talus.",
            "low-signal subchondral line",
        ),
        ("On T2WI the nodule had a hypointense peripheral rim.", "hypointense peripheral rim"),
    ],
)
def test_one_adjective_between_a_signal_and_its_head_noun(
    text: str, expected: str, lexicon
) -> None:  # type: ignore[no-untyped-def]
    assert expected in {a for _, a in answers(text, lexicon)}


def test_no_head_noun_is_taken_from_inside_a_longer_noun(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "On T2WI there was hyperintense circumferential wall thickening of the aorta."
    found = {a for _, a in answers(text, lexicon)}
    assert not any(a.endswith("circumferential wall") for a in found)


# --- a teaching point opening on one modality --------------------------------------------------


def test_a_numbered_teaching_point_on_one_modality_sets_its_later_sentences() -> None:
    texts = _texts(
        discussion=(
            "Intussusception is the commonest abdominal emergency of early childhood.\n\n"
            "2. Sonography is the test of choice. The intussusceptum shows concentric rings "
            "in cross-section."
        ),
        final="Intussusception",
    )
    assert any("concentric rings}}" in t and "sonography" in t.lower() for t in texts)


def test_a_short_heading_sentence_sets_the_paragraph_but_a_long_opening_does_not() -> None:
    short = _texts(
        discussion=(
            "Achalasia is a motility disorder of the oesophagus.\n\n"
            "Barium swallow. Achalasia produces a beaked distal oesophagus."
        ),
        final="Achalasia",
    )
    assert any("{{c1::beaked distal oesophagus}}" in t for t in short)
    long = _texts(
        discussion=(
            "Achalasia is a motility disorder of the oesophagus.\n\n"
            "A barium swallow is often the first test requested by the gastroenterologist in "
            "practice. Achalasia produces a beaked distal oesophagus."
        ),
        final="Achalasia",
    )
    assert not any("beaked" in t for t in long)
