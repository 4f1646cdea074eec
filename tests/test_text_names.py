"""Whether a card already names its entity: whole words, acronyms kept as written."""

from __future__ import annotations

import pytest

from deckbuilder.extract.text import entity_in_text, plural, singular


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


@pytest.mark.parametrize(
    "phrase", ["Nutritional rickets", "Neonatal herpes", "Wilms", "Gestational diabetes"]
)
def test_a_noun_ending_in_s_that_names_one_thing_stays_as_written(phrase) -> None:
    assert singular(phrase) == phrase
    assert plural(phrase) == phrase


def test_plain_plurals_still_lose_their_s() -> None:
    assert singular("Central pontine lesions") == "Central pontine lesion"
    assert singular("Giant cell tumours") == "Giant cell tumour"
