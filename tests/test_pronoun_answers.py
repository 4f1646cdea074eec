"""A pronoun that opens an answer moves out of it; one the card cannot explain still drops it."""

from __future__ import annotations

from tests.extract_helpers import facts_of, make_case, marked


def _indications(discussion: str, final: str) -> list[str]:
    case = make_case(discussion=discussion, final=final)
    return [marked(f) for f in facts_of(case, "surgical-indication")]


def test_a_condition_opening_with_it_keeps_its_card_and_asks_for_the_condition() -> None:
    cards = _indications(
        "Embolisation is advised when the pseudoaneurysm exceeds 2 cm in diameter, "
        "or when it bleeds again after compression.",
        "Splenic artery pseudoaneurysm",
    )
    assert len(cards) == 1
    assert "when it {{c2::bleeds again after compression}}" in cards[0]
    assert "{{c1::" in cards[0]


def test_the_moved_pronoun_never_becomes_the_answer() -> None:
    cards = _indications(
        "Excision is recommended once the cyst becomes infected, or when it grows quickly.",
        "Dermoid cyst of the floor of the mouth",
    )
    assert cards, "the card with two conditions is kept"
    assert all("{{c1::it " not in c and "{{c2::it " not in c for c in cards)


def test_a_plural_pronoun_without_a_plural_referent_still_drops_the_card() -> None:
    cards = _indications(
        "Stenting is indicated when they cause claudication at rest.",
        "Iliac artery stenosis",
    )
    assert cards == []


def _settled(sentence: str, answer: str, subject: str) -> list[str]:
    """The card cut from ``sentence`` hiding ``answer``, as the pronoun stage leaves it."""
    from deckbuilder.extract import case_sentences
    from deckbuilder.extract.pronouns import settle_pronouns
    from deckbuilder.lexicon import load_lexicon
    from deckbuilder.model import Cloze, Fact

    case = make_case(discussion=sentence, final=subject)
    (source,) = [s for s in case_sentences(case) if s.text == sentence]
    start = sentence.index(answer)
    fact = Fact(
        case.meta.case_id,
        "distinguishing-feature",
        "k",
        subject,
        sentence,
        (Cloze(start, start + len(answer)),),
        source,
    )
    return [marked(f) for f in settle_pronouns([fact], case, load_lexicon())]


def test_a_possessive_opening_an_answer_stays_visible_before_it() -> None:
    cards = _settled(
        "In a bone infarct the calcification is serpiginous, whereas the matrix of an "
        "enchondroma gathers in its centre.",
        "its centre",
        "Bone infarct",
    )
    assert cards and cards[0].endswith("gathers in its {{c1::centre}}.")


def test_a_lone_possessive_answer_still_drops_the_card() -> None:
    assert (
        _settled(
            "The tumour encases the artery but spares its lumen.",
            "its",
            "Carotid body paraganglioma",
        )
        == []
    )


def test_this_last_one_points_into_its_own_list_and_pulls_in_no_earlier_sentence() -> None:
    case = make_case(
        discussion=(
            "It occurs mainly in middle-aged men. The commonest cause is alcohol abuse; other "
            "causes are gallstones, hypertriglyceridaemia and trauma, this last one being rare."
        ),
        final="Chronic calcific pancreatitis",
    )
    (card,) = [f for f in facts_of(case, "risk-factor") if "alcohol" in f.text]
    assert "middle-aged" not in card.text
    assert "trauma" in card.answers()
