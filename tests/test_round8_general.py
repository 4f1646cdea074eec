"""Round 8: general fact kinds inside long clauses, telegraphic lines and differentials' clauses.

Every fixture is written for these tests, on diseases from other areas of radiology than the
tuning sets, in at least two wordings; negative cases check that no card is made.
"""

from __future__ import annotations

from extract_helpers import facts_of, make_case

from deckbuilder.model import Fact


def _facts(discussion: str, final: str, kind: str) -> list[Fact]:
    return facts_of(make_case(discussion=discussion, final=final), kind)


def _flat(discussion: str, final: str, kind: str) -> set[str]:
    return {a for f in _facts(discussion, final, kind) for a in f.answers()}


# sign: a named pattern inside a long chained clause is cut to its own comma part

_LONG_FNH = (
    "Focal nodular hyperplasia is a benign hepatic lesion. On imaging it is a well-marginated "
    "homogeneous lesion with a central scar that is bright on T2-weighted images, while on "
    "angiography the feeding arteries form a spoke-wheel pattern, and on delayed images the scar "
    "retains contrast, which is a useful clue in most cases; it is managed conservatively."
)


def test_a_named_pattern_in_a_long_clause_gets_a_short_card() -> None:
    facts = _facts(_LONG_FNH, "Focal nodular hyperplasia", "sign")
    assert [f.answers() for f in facts] == [("spoke-wheel pattern",)]
    text = facts[0].text
    assert "focal nodular hyperplasia" in text.lower()
    assert "delayed images" not in text and "while" not in text
    assert len(text) < 120


def test_a_named_sign_in_a_long_clause_in_another_wording() -> None:
    text = (
        "Intussusception is the telescoping of a bowel segment into the next. On ultrasound the "
        "mass lies in the right abdomen and is mobile in most children examined with a linear "
        "probe, whereas on transverse images the layered bowel walls produce a target sign, and "
        "colour Doppler may show preserved flow in the trapped mesentery in most early cases."
    )
    facts = _facts(text, "Ileocolic intussusception", "sign")
    assert [f.answers() for f in facts] == [("target sign",)]
    assert facts[0].text.lower().startswith("in intussusception, on transverse images")


def test_a_long_clause_whose_sign_part_opens_with_a_pronoun_stays_whole_or_gives_nothing() -> None:
    text = _LONG_FNH.replace("while on angiography the feeding arteries", "which on angiography")
    for fact in _facts(text, "Focal nodular hyperplasia", "sign"):
        assert not fact.text.lower().startswith("in focal nodular hyperplasia, which")


def test_a_denied_pattern_in_a_long_clause_gives_no_card() -> None:
    text = _LONG_FNH.replace("the feeding arteries form", "the feeding arteries do not form")
    assert _facts(text, "Focal nodular hyperplasia", "sign") == []


# sign: a quoted figure of speech shaping the organ named after it


def test_a_quoted_shape_before_an_organ_is_a_sign() -> None:
    text = (
        "Achalasia is a motility disorder of the oesophagus. Barium swallow: dilated oesophagus "
        'tapering smoothly to a "bird beak" oesophagus at the cardia.'
    )
    assert _flat(text, "Achalasia", "sign") == {"bird beak"}
    arrow = (
        "Ulcerative colitis is a chronic inflammatory bowel disease. Long-standing disease -> "
        'shortened, ahaustral "lead pipe" colon on the enema.'
    )
    assert _flat(arrow, "Ulcerative colitis", "sign") == {"lead pipe"}


def test_a_quoted_phrase_before_no_organ_or_of_one_word_is_no_sign() -> None:
    policy = (
        'Achalasia is a motility disorder of the oesophagus. A "watch and wait" policy is '
        'chosen in frail patients, and a "dilated" oesophagus alone proves nothing.'
    )
    assert _facts(policy, "Achalasia", "sign") == []
