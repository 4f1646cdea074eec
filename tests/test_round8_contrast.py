"""Round 8: a noun the case's own diagnosis shares with a listed alternative is about the case
(or the class), what is done for an alternative is no feature of it, and an adjective after an
article stays with its noun. Sentences are our own, from areas no corpus covers."""

from __future__ import annotations

from extract_helpers import SPLEEN_SETTING, feature_cards, setting_split_answers

KIND = "distinguishing-feature"

MENINGIOMA = (
    "Meningothelial meningioma is the commonest extra-axial tumour of adults.",
    ("Atypical meningioma", "Dural metastasis", "Solitary fibrous tumour"),
    "Meningothelial meningioma",
)
GALLBLADDER = (
    "Acute calculous cholecystitis follows obstruction of the cystic duct by a stone.",
    ("Xanthogranulomatous cholecystitis", "Gallbladder carcinoma", "Adenomyomatosis"),
    "Acute calculous cholecystitis",
)


def test_a_bare_shared_head_is_not_the_modified_alternative() -> None:
    # "Meningiomas" and "cholecystitis" are the case's own disease or its class; the listed
    # alternative needs its own modifier ("atypical", "xanthogranulomatous").
    assert feature_cards("Meningiomas are twice as common in women as in men.", MENINGIOMA) == {}
    assert (
        feature_cards("Cholecystitis is uncommon in children and rises with age.", GALLBLADDER)
        == {}
    )


def test_a_shared_head_with_an_unrelated_modifier_stays_unowned() -> None:
    assert feature_cards("Larger meningiomas show a dural tail.", MENINGIOMA) == {}
    assert feature_cards("Severe cholecystitis shows a thick wall.", GALLBLADDER) == {}


def test_the_alternative_s_own_modifier_still_names_it() -> None:
    cards = feature_cards("An atypical meningioma invades the brain.", MENINGIOMA)
    assert cards == {"atypical-meningioma": "An atypical meningioma {{c1::invades the brain}}."}
    cards = feature_cards(
        "Xanthogranulomatous cholecystitis shows intramural hypodense nodules.", GALLBLADDER
    )
    assert cards["xanthogranulomatous-cholecystitis"] == (
        "Xanthogranulomatous cholecystitis shows {{c1::intramural hypodense nodules}}."
    )


def test_what_is_done_for_an_alternative_is_no_feature() -> None:
    assert feature_cards("A splenic hamartoma is managed conservatively.", SPLEEN_SETTING) == {}
    assert (
        feature_cards("Atypical meningiomas are kept under yearly MRI follow-up.", MENINGIOMA) == {}
    )
    cards = feature_cards(
        "Splenic lymphoma is treated with chemotherapy and is hypoechoic.", SPLEEN_SETTING
    )
    assert cards == {
        "splenic-lymphoma": "Splenic lymphoma is treated with chemotherapy and is "
        "{{c1::hypoechoic}}."
    }


def test_an_adjective_after_an_article_stays_with_its_noun() -> None:
    cards = feature_cards("A dural metastasis has a broad, enhancing dural base.", MENINGIOMA)
    assert cards == {
        "dural-metastasis": "A dural metastasis has a {{c1::broad, enhancing dural base}}."
    }


def test_a_lone_word_without_an_article_is_not_joined_across_a_comma() -> None:
    extra = "A solitary fibrous tumour is firm, and shows flow voids."
    assert feature_cards(extra, MENINGIOMA)["solitary-fibrous-tumour"] == (
        "A solitary fibrous tumour is {{c1::firm}}, and shows flow voids."
    )
    # "flow voids" is the appearance card's answer, alone: "firm," is not joined to it.
    assert "flow voids" in setting_split_answers(extra, MENINGIOMA)


def test_a_comparison_and_a_numeric_range_stay_whole() -> None:
    cards = feature_cards(
        "A solitary fibrous tumour affects the falx more than the convexity.", MENINGIOMA
    )
    assert cards["solitary-fibrous-tumour"] == (
        "A solitary fibrous tumour affects the {{c1::falx more than the convexity}}."
    )
    cards = feature_cards("Adenomyomatosis is seen in adults aged 50 to 70 years.", GALLBLADDER)
    assert cards["adenomyomatosis"] == (
        "Adenomyomatosis is seen in {{c1::adults aged 50 to 70 years}}."
    )


def test_the_hedge_of_a_with_list_item_stays_outside_its_cloze() -> None:
    extra = (
        "Littoral cell angioma is multifocal, with small nodules and occasionally calcification."
    )
    assert feature_cards(extra, SPLEEN_SETTING)["littoral-cell-angioma"] == (
        "Littoral cell angioma is {{c1::multifocal}}, with {{c2::small nodules}} and "
        "occasionally calcification."
    )
    # The appearance card asks "calcification" without its hedge.
    assert "calcification" in setting_split_answers(extra, SPLEEN_SETTING)
    assert "occasionally calcification" not in setting_split_answers(extra, SPLEEN_SETTING)
    cards = feature_cards(
        "Splenic lymphoma is hypoechoic, with hilar nodes and possibly necrotic foci.",
        SPLEEN_SETTING,
    )
    # A hedge the polarity reader knows keeps the item visible whole; never inside a cloze.
    assert cards["splenic-lymphoma"].startswith(
        "Splenic lymphoma is {{c1::hypoechoic}}, with {{c2::hilar nodes}} and possibly "
    )
    assert "{{c3::possibly" not in cards["splenic-lymphoma"]
