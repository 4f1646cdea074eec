"""sequence-appearance on a third author's wording: ultrasound, CT and FLAIR finding words,
telegraphic modality labels, whole comparisons, and cards that belong to the entity a clause
names. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers
from extract_helpers import facts_of, make_case, marked

from deckbuilder.extract.subject import (
    UNSURE,
    Discourse,
    clause_entity,
    discourse,
    resolve_subject,
)
from deckbuilder.model import Patient, SectionKind
from deckbuilder.sentences import split_sentences

KIND = "sequence-appearance"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ultrasound showed an anechoic renal cyst.", ("us", "anechoic")),
        (
            "On ultrasound the gallbladder wall held bright comet-tail artefacts.",
            ("us", "bright comet-tail artefacts"),
        ),
        ("Sonography showed a noncompressible loop in the pelvis.", ("us", "noncompressible")),
        ("Sonography showed a blind-ending tubular structure.", ("us", "blind-ending")),
        ("Ultrasound showed a stone casting shadowing.", ("us", "shadowing")),
        ("Ultrasound showed reverberation artefacts behind the gas.", ("us", "reverberation")),
        ("CT showed an air-filled cavity in the right apex.", ("ct", "air-filled")),
        ("CT showed a thin-walled cavity in the right apex.", ("ct", "thin-walled")),
        (
            "CT showed pericolic fat stranding around the sigmoid.",
            ("ct", "pericolic fat stranding"),
        ),
        ("CT showed thickening of the caecum with wall enhancement.", ("ct", "wall enhancement")),
        ('On FLAIR the cyst had a "dirty" appearance.', ("flair", '"dirty" appearance')),
        ("TVUS: globular ovary with an echogenic focus.", ("us", "globular")),
        ("TAUS: thin-walled gallbladder.", ("us", "thin-walled")),
    ],
)
def test_new_finding_words(text: str, expected: tuple[str, str], lexicon) -> None:  # type: ignore[no-untyped-def]
    found = answers(text, lexicon)
    assert any(s == expected[0] and expected[1] in a for s, a in found), found


@pytest.mark.parametrize(
    "text",
    [
        "CT showed no fat stranding around the colon.",
        "Ultrasound showed no posterior shadowing.",
        "On CT the nodes lack the intense arterial enhancement of the primary.",
        "Ultrasound did not show a blind-ending structure.",
    ],
)
def test_negated_findings_give_nothing(text: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert answers(text, lexicon) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On CT the mass enhanced less than the adjacent liver.",
            "enhanced less than the adjacent liver",
        ),
        (
            "On CT the mass enhances only mildly, less than the renal cortex.",
            "enhances only mildly, less than the renal cortex",
        ),
    ],
)
def test_a_comparison_is_never_cut(text: str, expected: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    found = {a for _, a in answers(text, lexicon)}
    assert expected in found
    assert not any(a.endswith((" less", ", less", " more")) for a in found)


def test_a_comparison_too_long_to_hide_is_left_out_whole(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On CT the mass enhanced less than the normal enhancing renal cortex of the contralateral "
        "kidney and spleen."
    )
    assert not any(a.endswith("less") for _, a in answers(text, lexicon))


def test_a_bare_margin_word_gives_way_to_a_stronger_finding() -> None:
    case = make_case(
        findings="Ultrasound showed a well-defined, solid, hypoechoic thyroid nodule.",
        final="Follicular adenoma",
    )
    hidden = {a for f in facts_of(case, KIND) for a in f.answers()}
    assert "hypoechoic" in hidden
    assert "well-defined" not in hidden


def test_a_margin_word_alone_is_still_a_card() -> None:
    case = make_case(
        findings="Ultrasound showed a well-defined nodule in the left lobe.",
        final="Follicular adenoma",
    )
    hidden = {a for f in facts_of(case, KIND) for a in f.answers()}
    assert hidden == {"well-defined nodule"}


def test_a_look_word_naming_a_structure_is_no_answer(lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "On ultrasound a hypoechoic mass displaced the echogenic portal triad."
    found = {a for _, a in answers(text, lexicon)}
    assert "hypoechoic" in found
    assert "echogenic" not in found


def test_telegraphic_label_gives_one_cloze_per_finding_with_the_label_visible() -> None:
    case = make_case(
        findings="TVUS: globular uterus, asymmetric thickening, myometrial cysts and shadowing.",
        final="Adenomyosis",
        patient=Patient(age="45 years", sex="female"),
    )
    facts = facts_of(case, KIND)
    hidden = {a for f in facts for a in f.answers()}
    assert {"globular", "asymmetric thickening", "myometrial cysts", "shadowing"} <= hidden
    for fact in facts:
        assert "TVUS" in fact.text[: fact.clozes[0].start]


def test_a_fragment_under_an_inherited_setting_gives_no_card() -> None:
    case = make_case(
        findings=(
            "Ultrasound showed a dilated appendix of 9 mm. Surrounding echogenic fat and a small "
            "complex fluid collection."
        ),
        final="Acute appendicitis",
    )
    for fact in facts_of(case, KIND):
        assert "fluid collection" not in fact.answers()
        assert "Surrounding echogenic" not in fact.text


def test_an_inherited_setting_with_a_verb_still_gives_a_card() -> None:
    case = make_case(
        findings=(
            "Ultrasound showed an enlarged left ovary. Between the ovary and the uterus a twisted "
            "pedicle produced a whirlpool sign."
        ),
        final="Ovarian torsion",
    )
    texts = [marked(f) for f in facts_of(case, KIND)]
    assert any("{{c1::whirlpool sign}}" in t and "ultrasound" in t.lower() for t in texts)


def test_it_in_the_findings_is_the_lesion_never_the_examination() -> None:
    case = make_case(
        findings=(
            "Contrast-enhanced CT of the abdomen showed a 5 cm mass in the pancreatic tail. It "
            "contained an air-fluid level."
        ),
        final="Pancreatic abscess",
    )
    (fact,) = [f for f in facts_of(case, KIND) if "air-fluid level" in f.answers()]
    assert "the mass contained" in fact.text
    assert "of the abdomen contained" not in fact.text


# --- whose fact it is ---------------------------------------------------------------------


def _posterior_fossa_case() -> object:
    return make_case(
        "Pilocytic astrocytoma is a low-grade tumour of children.\n\n"
        "The key to the diagnosis is the solid part: a medulloblastoma shows restricted "
        "diffusion, whereas a haemangioblastoma shows flow voids on T2WI.\n\n"
        "A choroid plexus papilloma enhances avidly and lies in the fourth ventricle.",
        differentials=("Medulloblastoma", "Haemangioblastoma", "Choroid plexus papilloma"),
        final="Pilocytic astrocytoma",
    )


def test_a_clause_naming_its_own_entity_is_never_prefixed_with_the_topic() -> None:
    facts = facts_of(_posterior_fossa_case(), KIND)
    by_answer = {a: f for f in facts for a in f.answers()}
    diffusion = by_answer["restricted diffusion"]
    assert "medulloblastoma" in diffusion.key
    assert not diffusion.text.startswith("In pilocytic astrocytoma")
    voids = by_answer["flow voids"]
    assert "haemangioblastoma" in voids.key
    assert voids.text.startswith("A haemangioblastoma shows")


def test_qualified_enhancement_of_a_named_entity_implies_contrast() -> None:
    facts = facts_of(_posterior_fossa_case(), KIND)
    (fact,) = [f for f in facts if "enhances avidly" in f.answers()]
    assert "choroid-plexus-papilloma" in fact.key
    assert fact.text.startswith("A choroid plexus papilloma")


def test_enhancement_said_of_nothing_named_gives_no_card() -> None:
    case = make_case(
        "Chordoma is a tumour of the clivus. Nodular enhancement should raise concern for "
        "dedifferentiation.",
        final="Chordoma",
    )
    assert not any("enhancement" in a for f in facts_of(case, KIND) for a in f.answers())


def test_an_unknown_kind_as_subject_gives_no_card() -> None:
    case = make_case(
        "Desmoid tumour is a locally aggressive fibroblastic proliferation. A collagen-rich band "
        "shows low signal on T2WI.",
        final="Desmoid tumour",
    )
    assert not any("low signal" in f.answers() for f in facts_of(case, KIND))


def test_the_paragraph_topic_is_not_the_entity_named_after_a_comparison(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = _posterior_fossa_case()
    sentences = [
        s
        for section in case.sections
        for block in section.blocks
        for s in split_sentences(block, section.kind)
    ]
    disc = discourse(case, "Pilocytic astrocytoma", lexicon)
    opening = next(s for s in sentences if s.text.startswith("The key"))
    assert disc.topic(opening) == "Pilocytic astrocytoma"
    assert opening.section is SectionKind.DISCUSSION


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # The clause's own subject, after "whereas".
        ("The sign is useful: X is bright, whereas a lipoma is dark on STIR.", "dark", "Lipoma"),
        # A clause opening with its verb has the subject of the clause before.
        ("Lipomas vary in size, and usually show fat signal on T1WI.", "fat signal", "Lipoma"),
        # A pronoun or a generic phrase leaves the card to the topic.
        ("It is dark on STIR.", "dark", None),
        ("The lesion is dark on STIR.", "dark", None),
        # An indefinite kind that names nothing known cannot be placed.
        ("A fibrous septum is dark on STIR.", "dark", UNSURE),
    ],
)
def test_clause_entity(text: str, word: str, expected: str | None, lexicon) -> None:  # type: ignore[no-untyped-def]
    disc = Discourse("Liposarcoma", ("Liposarcoma", "Lipoma"), {}, (), differentials=("Lipoma",))
    assert clause_entity(disc, text, text.index(word), lexicon) == expected


def test_a_closing_place_phrase_with_a_pronoun_leaves_the_card() -> None:
    case = make_case(
        findings="US: dilated duct, 8 mm, with a shadowing echogenic stone at its lower end.",
        final="Sialolithiasis",
    )
    texts = [f.text for f in facts_of(case, KIND)]
    assert texts and all("at its lower end" not in t for t in texts)


def test_a_clause_opening_with_it_keeps_the_clause_naming_it() -> None:
    case = make_case(
        "Chordoma is a tumour of notochordal remnants. On MR the typical chordoma is bright on "
        "T2WI, and it enhances moderately.",
        final="Chordoma",
    )
    (fact,) = [f for f in facts_of(case, KIND) if "enhances moderately" in f.answers()]
    assert fact.text.startswith("On MR the typical chordoma")


def _sentences(case) -> list:  # type: ignore[no-untyped-def]
    return [
        s
        for section in case.sections
        for block in section.blocks
        for s in split_sentences(block, section.kind)
    ]


def test_an_article_does_not_make_the_opening_subject_generic(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        "A ranula is a mucous retention cyst of the floor of the mouth.",
        final="Plunging ranula, left side",
    )
    assert resolve_subject(case, _sentences(case), lexicon) == "Ranula"


def test_the_case_disease_is_no_differential_and_a_place_heads_no_paragraph(lexicon) -> None:  # type: ignore[no-untyped-def]
    case = make_case(
        "Epidermoid cysts are congenital inclusion lesions.\n\n"
        "The cerebellopontine angle is the commonest site. They grow slowly.",
        differentials=("Epidermoid cyst", "Arachnoid cyst"),
        final="Epidermoid cyst of the right cerebellopontine angle",
    )
    disc = discourse(case, "Epidermoid cysts", lexicon)
    assert disc.differentials == ("Arachnoid cyst",)
    later = [s for s in _sentences(case) if s.section is SectionKind.DISCUSSION][1:]
    assert all(disc.topic(s) == "Epidermoid cysts" for s in later)
