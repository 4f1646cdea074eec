"""Whose fact a card states: topics running across paragraphs, and back-references a card keeps
only with what they point to. Every sentence here is written for these tests."""

from __future__ import annotations

from extract_helpers import facts_of, make_case

from deckbuilder.extract import case_sentences
from deckbuilder.extract.subject import resolve_subject, sentence_subject
from deckbuilder.lexicon import load_lexicon
from deckbuilder.model import Patient


def test_among_opening_names_the_entity_after_the_comma() -> None:
    text = "Among the causes of painless jaundice in the elderly, pancreatic carcinoma is the most frequent."
    assert sentence_subject(text, load_lexicon()) == "pancreatic carcinoma"


def test_background_entity_of_a_compound_diagnosis_is_not_the_case_subject() -> None:
    case = make_case(
        "Paget disease is a chronic disorder of bone remodelling in older adults. Osteosarcoma "
        "arising in it is rare.",
        final="Osteosarcoma arising in Paget disease",
    )
    assert resolve_subject(case, case_sentences(case), load_lexicon()) == "Osteosarcoma"


def test_paragraph_naming_no_entity_continues_the_previous_paragraph_topic() -> None:
    case = make_case(
        """
        Among benign hepatic lesions, haemangioma is the most frequent. Haemangioma is more
        common in women.

        On T2WI the lesions are markedly hyperintense, close to the signal of fluid.

        Focal nodular hyperplasia is the second most common benign liver lesion.
        """,
        final="Focal nodular hyperplasia",
    )
    (card,) = [f for f in facts_of(case, "sequence-appearance") if "T2WI" in f.text]
    assert "haemangioma" in card.text.lower()
    assert "focal nodular hyperplasia" not in card.text.lower()


def test_first_paragraph_without_a_named_entity_keeps_the_case_subject() -> None:
    case = make_case(
        "On unenhanced CT the mass usually shows fat attenuation below -10 HU.",
        final="Renal angiomyolipoma",
    )
    cards = facts_of(case, "sequence-appearance")
    assert cards
    assert all(c.text.startswith("In renal angiomyolipoma, ") for c in cards)


def test_shortened_name_does_not_start_a_new_topic() -> None:
    case = make_case(
        """
        A thoracic aortic aneurysm is a dilatation of the thoracic aorta to 1.5 times its normal
        diameter. Aneurysms are rare before 50 years.

        On CT angiography a hyperattenuating crescent in the wall signals impending rupture.
        """,
        final="Thoracic aortic aneurysm",
    )
    (card,) = [f for f in facts_of(case, "sequence-appearance") if "crescent" in f.text]
    assert "thoracic aortic aneurysm" in card.text.lower()


def _no_stranded_pronoun(text: str) -> bool:
    words = {w.strip(".,;:").lower() for w in text.split()}
    return not words & {"it", "they", "its", "their"}


def test_subject_pronoun_in_findings_is_named_from_the_previous_sentence() -> None:
    case = make_case(
        findings="On CT the nodule measured 14 mm. After contrast it showed rim enhancement.",
        patient=Patient(age="45 years", sex="male"),
    )
    cards = [f for f in facts_of(case, "sequence-appearance") if "rim enhancement" in f.answers()]
    assert cards
    assert "after contrast the nodule showed rim enhancement" in cards[0].text
    assert _no_stranded_pronoun(cards[0].text)


def test_existential_antecedent_becomes_definite() -> None:
    case = make_case(
        findings=(
            "On ultrasound there was a 2.5 cm mass in the left flank. On Doppler images it "
            "showed a spoke-wheel pattern."
        ),
        patient=Patient(age="30 years", sex="female"),
    )
    cards = [f for f in facts_of(case) if "spoke-wheel" in f.text]
    for card in cards:
        assert "the 2.5 cm mass showed" in card.text
        assert _no_stranded_pronoun(card.text)


def test_pronoun_after_a_semicolon_takes_the_previous_clause_subject() -> None:
    case = make_case(
        "Tumoral calcinosis forms around large joints. Its deposits may be lobulated or "
        "amorphous; on T2WI they are hypointense, with fluid levels between them.",
        final="Tumoral calcinosis",
    )
    cards = [f for f in facts_of(case, "sequence-appearance") if "T2WI" in f.text]
    assert cards
    for card in cards:
        # Either "they" is named, or the card keeps the clause it points back to.
        assert "the deposits are hypointense" in card.text or "its deposits" in card.text


def test_possessive_keeps_its_antecedent_clause() -> None:
    case = make_case(
        "Lipoma is the commonest soft-tissue tumour. On T1WI the fatty tissue is bright, and "
        "its signal drops on fat-saturated images.",
        final="Lipoma",
    )
    cards = [f for f in facts_of(case, "sequence-appearance") if "drops" in f.text]
    assert cards
    for card in cards:
        assert "the fatty tissue is bright, and its signal drops" in card.text


def test_card_with_an_unresolvable_pronoun_is_dropped() -> None:
    case = make_case(
        findings=(
            "Radiographs were unremarkable. Two weeks later on MR it was hyperintense on T2WI."
        ),
        patient=Patient(age="60 years", sex="male"),
    )
    for card in facts_of(case):
        if "hyperintense" in card.answers():
            assert _no_stranded_pronoun(card.text)


def test_demonstrative_without_antecedent_brings_the_previous_sentence() -> None:
    case = make_case(
        """
        Tenosynovial giant cell tumour affects young adults. On T2WI the tumour shows dark
        areas from haemosiderin. On gradient-echo images these foci bloom.
        """,
        final="Tenosynovial giant cell tumour",
    )
    cards = [f for f in facts_of(case, "sequence-appearance") if "bloom" in f.text]
    for card in cards:
        assert "dark areas from haemosiderin" in card.text


def test_pronoun_whose_referent_is_on_the_card_is_kept() -> None:
    case = make_case(
        "Chondroblastoma is a rare cartilage tumour. Most lesions lie in the epiphysis of "
        "long bones. On MR they are surrounded by extensive marrow oedema.",
        final="Chondroblastoma",
    )
    cards = [f for f in facts_of(case, "sequence-appearance") if "oedema" in f.text]
    for card in cards:
        assert "chondroblastoma" in card.text.lower()


def test_pronoun_after_a_semicolon_is_named_when_its_clause_is_cut_off() -> None:
    case = make_case(
        "Gouty tophi collect in periarticular soft tissue. Their crystals vary in amount; on "
        "T1WI they are hypointense.",
        final="Gout",
    )
    cards = [f for f in facts_of(case, "sequence-appearance") if "T1WI" in f.text]
    assert cards
    for card in cards:
        assert "the crystals are hypointense" in card.text
