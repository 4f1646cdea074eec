"""Whether a card already names its entity: whole words, acronyms kept as written."""

from __future__ import annotations

from deckbuilder.extract.text import entity_in_text, singular


def test_an_acronym_ending_in_s_is_not_a_plural() -> None:
    assert singular("PRES") == "PRES"
    assert singular("AVMs") == "AVM"
    assert singular("Hepatocellular adenomas") == "Hepatocellular adenoma"


def test_a_name_is_found_only_as_whole_words() -> None:
    assert not entity_in_text("True restriction predicts incomplete recovery.", ["PRES"])
    assert not entity_in_text("It follows pre-eclampsia in most women.", ["PRES"])
    assert not entity_in_text("The wall is cystic and thin.", ["cyst"])
    assert entity_in_text("Most PRES lesions resolve.", ["PRES"])


def test_a_plural_or_singular_of_the_name_still_counts() -> None:
    assert entity_in_text("Multiple tumours were seen.", ["tumour"])
    assert entity_in_text("The metastasis was solitary.", ["metastases"])
    assert entity_in_text("Both abscesses were drained.", ["abscess"])
