"""Round 7: each alternative of a differential paragraph gets cards about itself, and a clause
whose own subject is a listed alternative ("X, which ...") is never credited to the case's
disease. Sentences are our own, from areas of radiology no corpus covers."""

from __future__ import annotations

import pytest
from extract_helpers import (
    SPLEEN_SETTING,
    facts_of,
    feature_cards,
    make_case,
    marked,
    setting_split_answers,
)

from deckbuilder.extract import case_sentences
from deckbuilder.extract.base import CaseContext
from deckbuilder.extract.subject import UNSURE, case_discourse, clause_entity, resolve_subject
from deckbuilder.lexicon import load_lexicon

KIND = "distinguishing-feature"

THYMUS = (
    "Thymoma is the commonest primary tumour of the anterior mediastinum.",
    ("Thymic carcinoma", "Mediastinal lymphoma", "Germ cell tumour", "Thymic hyperplasia"),
    "Invasive thymoma",
)


def test_one_card_per_semicolon_clause_after_an_introduction() -> None:
    cards = feature_cards(
        "Each alternative has its own pattern: mediastinal lymphoma encases the vessels "
        "and affects young adults; thymic hyperplasia preserves the shape of the gland; and "
        "a germ cell tumour contains fat and calcification.",
        THYMUS,
    )
    # The age group and the calcification are asked by the age and appearance cards of the
    # split, so each feature card hides only the rest.
    assert cards["mediastinal-lymphoma"] == (
        "Mediastinal lymphoma {{c1::encases the vessels}} and affects young adults."
    )
    assert cards["thymic-hyperplasia"] == (
        "Thymic hyperplasia {{c1::preserves the shape of the gland}}."
    )
    assert cards["germ-cell-tumour"] == "A germ cell tumour contains {{c1::fat}} and calcification."
    assert {"young adults", "calcification"} <= setting_split_answers(
        "Each alternative has its own pattern: mediastinal lymphoma encases the vessels "
        "and affects young adults; thymic hyperplasia preserves the shape of the gland; and "
        "a germ cell tumour contains fat and calcification.",
        THYMUS,
    )


def test_a_numbered_differentials_label_is_read_clause_by_clause() -> None:
    cards = feature_cards(
        "4. Mimics: a splenic hamartoma is isoechoic and shows diffuse enhancement; "
        "littoral cell angioma is multifocal.",
        SPLEEN_SETTING,
    )
    assert cards["splenic-hamartoma"] == (
        "A splenic hamartoma is {{c1::isoechoic}} and shows diffuse enhancement."
    )
    assert "diffuse enhancement" in setting_split_answers(
        "4. Mimics: a splenic hamartoma is isoechoic and shows diffuse enhancement; "
        "littoral cell angioma is multifocal.",
        SPLEEN_SETTING,
    )
    assert cards["littoral-cell-angioma"] == "Littoral cell angioma is {{c1::multifocal}}."


def test_a_listed_alternative_shortened_with_a_relative_clause() -> None:
    cards = feature_cards(
        "The main alternatives are thymic carcinoma, which is irregular and invades the "
        "pericardium; and lymphoma, which encases the vessels.",
        THYMUS,
    )
    # "thymic carcinoma" after the listing verb names the listed item; the card opens with it.
    # "irregular" is the appearance card's answer, not asked again.
    assert cards["thymic-carcinoma"] == (
        "Thymic carcinoma, which is irregular and {{c1::invades the pericardium}}."
    )
    # A specific head alone ("lymphoma") names the one listed item ending with it.
    assert "Lymphoma, which {{c1::encases the vessels}}." in cards.values()


def test_a_name_after_a_preposition_is_no_relative_subject() -> None:
    cards = feature_cards(
        "Progression to thymic carcinoma, which is rare, is suggested by invasion.", THYMUS
    )
    assert not cards


def test_a_quality_list_after_is_gives_one_cloze_per_quality() -> None:
    extra = (
        "A splenic hamartoma is well circumscribed, mildly hyperechoic on ultrasound and "
        "enhances late."
    )
    # Every quality is an appearance of its own: one appearance card each, no feature card.
    assert setting_split_answers(extra, SPLEEN_SETTING) == {
        "well circumscribed",
        "mildly hyperechoic",
        "enhances late",
    }
    assert "splenic-hamartoma" not in feature_cards(extra, SPLEEN_SETTING)


def test_a_coordinated_age_group_stays_one_answer() -> None:
    extra = "Littoral cell angioma is seen in infants and older adults."
    # One age answer, asked by the age card; the feature card has nothing left to ask.
    assert setting_split_answers(extra, SPLEEN_SETTING) == {"infants and older adults"}
    assert "littoral-cell-angioma" not in feature_cards(extra, SPLEEN_SETTING)


def test_a_telegraphic_label_with_semicolon_items() -> None:
    cards = feature_cards(
        "Splenic lymphoma: older adults; hypoechoic nodules with ill-defined margins; "
        "the spleen is often enlarged.",
        SPLEEN_SETTING,
    )
    assert cards["splenic-lymphoma"] == (
        "Splenic lymphoma: older adults; {{c1::hypoechoic nodules}} with ill-defined margins; "
        "the spleen is often enlarged."
    )
    assert {"older adults", "ill-defined margins"} <= setting_split_answers(
        "Splenic lymphoma: older adults; hypoechoic nodules with ill-defined margins; "
        "the spleen is often enlarged.",
        SPLEEN_SETTING,
    )


def test_a_label_item_with_a_pronoun_gives_no_card() -> None:
    # "it" in a telegraphic line could be read as the case's disease: no card.
    cards = feature_cards(
        "Splenic lymphoma: older adults; it is often part of systemic disease.", SPLEEN_SETTING
    )
    assert not cards


@pytest.mark.parametrize(
    "sentence",
    [
        # hedged: stays without a card
        "Each alternative has its own pattern: thymic hyperplasia may preserve the shape; "
        "mediastinal lymphoma can encase the vessels.",
        # about the case's own disease, not an alternative
        "Its features are distinct: invasive thymoma is lobulated; it abuts the pericardium.",
        # a clause whose subject is not a listed alternative
        "The alternatives differ: the gland is enlarged; the fat is preserved.",
    ],
)
def test_no_card_for_hedged_own_or_unlisted_clauses(sentence: str) -> None:
    assert not feature_cards(sentence, THYMUS)


def _clause_owner(discussion: str, listed: tuple[str, ...], final: str, phrase: str) -> object:
    case = make_case(discussion, differentials=listed, final=final)
    lexicon = load_lexicon()
    sentences = case_sentences(case)
    ctx = CaseContext(case, sentences, lexicon, resolve_subject(case, sentences, lexicon))
    disc = case_discourse(ctx)
    sentence = next(s for s in ctx.sentences if phrase in s.text)
    text = sentence.text
    return clause_entity(disc, text, text.index(phrase), ctx.lexicon)


@pytest.mark.parametrize(
    ("sentence", "phrase", "owner"),
    [
        (
            "Serous cystadenoma, which is microcystic, shows a central scar on CT.",
            "central scar",
            "Serous cystadenoma",
        ),
        (
            "Mucinous neoplasm, which is hypointense on T1WI, has peripheral calcification.",
            "peripheral calcification",
            "Mucinous neoplasm",
        ),
        (
            "The alternatives include solid pseudopapillary tumour, which bleeds and is "
            "hyperintense on T1WI.",
            "hyperintense",
            "solid pseudopapillary tumour",
        ),
    ],
)
def test_a_listed_alternative_with_a_relative_clause_owns_its_findings(
    sentence: str, phrase: str, owner: str
) -> None:
    listed = (
        "Serous cystadenoma of the pancreas",
        "Mucinous cystic neoplasm",
        "Solid pseudopapillary tumour",
    )
    opening = "Intraductal papillary mucinous neoplasm is a cystic tumour of the pancreas. "
    found = _clause_owner(
        opening + sentence, listed, "Branch-duct intraductal papillary mucinous neoplasm", phrase
    )
    assert found == owner


def test_a_relative_clause_after_a_preposition_keeps_the_topic() -> None:
    listed = ("Serous cystadenoma of the pancreas", "Mucinous cystic neoplasm")
    found = _clause_owner(
        "Pancreatic pseudocyst is a walled collection. Progression to serous cystadenoma, "
        "which is hypointense on T1WI, is not expected.",
        listed,
        "Pancreatic pseudocyst",
        "hypointense",
    )
    assert found != UNSURE
    assert found is None or "cystadenoma" not in str(found)


def test_a_bare_participle_in_a_label_item_is_no_answer() -> None:
    cards = feature_cards(
        "Littoral cell angioma: innumerable small nodules, associated with visceral malignancy.",
        SPLEEN_SETTING,
    )
    assert cards["littoral-cell-angioma"] == (
        "Littoral cell angioma: {{c1::innumerable small nodules}}, associated with "
        "{{c2::visceral malignancy}}."
    )


def test_a_with_list_after_a_feature_gives_one_cloze_per_item() -> None:
    extra = (
        "Splenic lymphoma is a diffuse infiltration with small nodules and enlarged hilar nodes."
    )
    assert feature_cards(extra, SPLEEN_SETTING)["splenic-lymphoma"] == (
        "Splenic lymphoma is a diffuse infiltration with {{c1::small nodules}} and "
        "enlarged hilar nodes."
    )
    # The other two items are appearance answers, one each.
    assert {"diffuse infiltration", "enlarged hilar nodes"} <= setting_split_answers(
        extra, SPLEEN_SETTING
    )


def test_a_single_phrase_after_with_stays_visible() -> None:
    extra = "A splenic hamartoma enhances late with gadolinium."
    # The appearance card hides "enhances late" and leaves "with gadolinium" visible.
    assert setting_split_answers(extra, SPLEEN_SETTING) == {"enhances late"}
    assert "splenic-hamartoma" not in feature_cards(extra, SPLEEN_SETTING)


def test_a_velocity_threshold_keeps_its_unit_and_its_word() -> None:
    case = make_case(
        "Renal artery stenosis is a narrowing of the renal artery. A peak systolic velocity "
        "below 180 cm/s excludes the diagnosis, whereas above 300 cm/s is diagnostic.",
        final="Renal artery stenosis",
    )
    cards = [marked(f) for f in facts_of(case, KIND)]
    assert any("{{c1::below 180 cm/s}}" in c and "{{c2::above 300 cm/s}}" in c for c in cards)
