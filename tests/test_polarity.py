"""Tests for deckbuilder.extract.polarity on short sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from deckbuilder.extract.polarity import Polarity, assess, matcher
from deckbuilder.lexicon import Lexicon

LEXICON_PATH = Path(__file__).parents[1] / "deckbuilder" / "lexicons" / "polarity.yaml"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon({"polarity": yaml.safe_load(LEXICON_PATH.read_text("utf-8"))})


def judge(lexicon: Lexicon, text: str, phrase: str) -> Polarity:
    start = text.index(phrase)
    return assess(text, lexicon, start, start + len(phrase))


A, N, U = Polarity.AFFIRMED, Polarity.NEGATED, Polarity.UNCERTAIN


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("There were no associated abscess collections.", "abscess collections", N),
        ("On DWI there was no restricted diffusion.", "restricted diffusion", N),
        ("On DWI there was no restricted diffusion.", "DWI", A),
        ("The cyst was anechoic without internal flow.", "internal flow", N),
        ("The cyst was anechoic without internal flow.", "anechoic", A),
        ("Absence of flow in the left testis on colour Doppler.", "flow", N),
        ("Absent flow was noted in the torsed ovary.", "flow", N),
        ("Arterial flow was absent on spectral Doppler.", "Arterial flow", N),
        ("Neither calcification nor fat was present in the mass.", "calcification", N),
        ("Neither calcification nor fat was present in the mass.", "fat", N),
        ("The nodule did not enhance after gadolinium.", "enhance", N),
        ("Central ossification is typical of osteosarcoma rather than MO.", "MO", N),
        ("The mass lacked a fat plane with the aorta.", "fat plane", N),
        ("Hamartomas lack internal vascularity on Doppler.", "internal vascularity", N),
        ("Medulloblastoma is not seen in adults over 60.", "adults", N),
        ("Restricted diffusion was not seen on the ADC map.", "Restricted diffusion", N),
    ],
)
def test_negation(lexicon: Lexicon, text: str, phrase: str, expected: Polarity) -> None:
    assert judge(lexicon, text, phrase) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Malignant transformation cannot be excluded.", "Malignant transformation", U),
        ("An underlying tumour could not be ruled out on this study.", "underlying tumour", U),
        ("The hyperechoic focus possibly represents a stone.", "hyperechoic focus", A),
        ("The hyperechoic focus is possibly a stone.", "stone", U),
        ("T1 hyperintense foci may represent blood products.", "blood products", U),
        ("T1 hyperintense foci may represent blood products.", "T1 hyperintense foci", A),
        ("A T2 bright lesion suggestive of a haemangioma.", "haemangioma", U),
        ("A T2 bright lesion suggestive of a haemangioma.", "T2 bright lesion", A),
        ("Findings were suspicious for early abscess formation.", "abscess formation", U),
        ("It is unclear whether smoking raises the risk of chordoma.", "smoking", U),
        ("A link with trauma was previously thought to exist.", "trauma", U),
        ("Whether screening of relatives helps is debated.", "screening of relatives", U),
        ("A familial form of the disease has not been confirmed.", "familial form", U),
    ],
)
def test_uncertainty(lexicon: Lexicon, text: str, phrase: str, expected: Polarity) -> None:
    assert judge(lexicon, text, phrase) is expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # Terminators close the scope.
        ("No calcification was seen but the rim enhanced avidly.", "rim enhanced avidly"),
        (
            "No haemorrhage; however, the lesion showed restricted diffusion.",
            "restricted diffusion",
        ),
        ("There was no fat, whereas the septa enhanced.", "septa enhanced"),
        ("No cortical breach, which favours a benign lesion with sclerotic margins.", "sclerotic"),
        # Pseudo-triggers negate nothing.
        ("On CT without contrast the clot was hyperdense.", "hyperdense"),
        ("Signal voids are not uncommon in this tumour.", "Signal voids"),
        ("There was no change in the hypointense rim.", "hypointense rim"),
        # Scope is a window of words, not the rest of a long sentence.
        (
            "No effusion, and on the delayed images after twenty minutes the wall showed "
            "progressive enhancement.",
            "progressive enhancement",
        ),
        # Whole words only.
        ("A nodule with notable enhancement.", "notable enhancement"),
        ("Hypointense on T2 with a cannonball pattern.", "Hypointense"),
        # Decimal points are not sentence ends; they neither end nor open a scope.
        ("Lesion measuring 2.5 cm with rim enhancement.", "rim enhancement"),
    ],
)
def test_affirmed(lexicon: Lexicon, text: str, phrase: str) -> None:
    assert judge(lexicon, text, phrase) is A


def test_negation_wins_over_uncertainty(lexicon: Lexicon) -> None:
    text = "There was possibly no enhancement."
    assert judge(lexicon, text, "enhancement") is N


def test_whole_sentence_default_span(lexicon: Lexicon) -> None:
    assert assess("There were no associated abscess collections.", lexicon) is N
    assert assess("A tumour cannot be excluded.", lexicon) is U
    assert assess("The lesion was hypointense on T2WI.", lexicon) is A


def test_case_insensitive_and_spacing(lexicon: Lexicon) -> None:
    text = "ABSENCE   OF flow in the vein."
    assert judge(lexicon, text, "flow") is N


def test_window_is_read_from_the_table(lexicon: Lexicon) -> None:
    table = dict(lexicon["polarity"], window=2)
    narrow = matcher(table)
    text = "No associated large multiloculated collections."
    start = text.index("collections")
    assert narrow.assess(text, start, start + len("collections")) is A
    assert matcher(lexicon).assess(text, start, start + len("collections")) is N


def test_missing_table_affirms_everything() -> None:
    assert assess("No enhancement.", Lexicon({})) is A


def test_triggers_report_scopes(lexicon: Lexicon) -> None:
    text = "No calcification but a signal void."
    (trigger,) = matcher(lexicon).triggers(text)
    assert trigger.polarity is N
    assert text[trigger.start : trigger.end] == "No"
    assert text[trigger.scope_start : trigger.scope_end].strip() == "No calcification"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # A caveat: the finding before "does not exclude" must not become a positive fact.
        ("Normal enhancement on CT does not exclude early ischaemia.", "Normal enhancement", U),
        ("A patent lumen on Doppler does not rule out dissection.", "patent lumen", U),
        ("The radiograph does not exclude a stress fracture.", "stress fracture", U),
        # Rarity is not a statement that something happens.
        ("Meningiomas only rarely show restricted diffusion.", "restricted diffusion", N),
        ("Chondroblastoma seldom contains fluid-fluid levels.", "fluid-fluid levels", N),
        ("Calcification is rarely seen in this tumour.", "Calcification", N),
        ("Calcification is seen in most of these tumours.", "Calcification", A),
    ],
)
def test_caveats_and_rarity(lexicon: Lexicon, text: str, phrase: str, expected: Polarity) -> None:
    assert judge(lexicon, text, phrase) is expected


def test_a_trigger_the_caller_owns_is_ignored(lexicon: Lexicon) -> None:
    text = "Power Doppler showed absent intratesticular flow and reduced arterial flow."
    table = matcher(lexicon)
    owned = text.index("absent"), text.index("absent") + len("absent")
    second = text.index("reduced arterial flow")
    span = second, second + len("reduced arterial flow")
    assert table.assess(text, *span) is Polarity.NEGATED
    assert table.assess(text, *span, ignore=[owned]) is Polarity.AFFIRMED
    # Only triggers inside the ignored span are ignored.
    text = "There was no enhancement and absent flow."
    owned = text.index("absent"), text.index("absent") + len("absent")
    start = text.index("enhancement")
    assert table.assess(text, start, start + 11, ignore=[owned]) is Polarity.NEGATED
