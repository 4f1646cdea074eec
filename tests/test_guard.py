"""The guard drops automatic cards that read as a bad cut and keeps everything else."""

from __future__ import annotations

import re

import pytest

from deckbuilder.extract.guard import garbled, keep_readable
from deckbuilder.lexicon import load_lexicon
from deckbuilder.model import Cloze, Fact, SectionKind, Sentence, SourceLocation

LEXICON = load_lexicon()


def _fact(marked: str, *, authored: bool = False) -> Fact:
    """A fact from text with [answers] in square brackets."""
    text = ""
    clozes = []
    for piece in re.split(r"(\[[^\]]*\])", marked):
        if piece.startswith("["):
            clozes.append(Cloze(len(text), len(text) + len(piece) - 2, len(clozes) + 1))
            text += piece[1:-1]
        else:
            text += piece
    source = Sentence(text, SourceLocation("content/x.md", 3), SectionKind.DISCUSSION)
    return Fact("x1", "sequence-appearance", "k1", "x", text, tuple(clozes), source, (), authored)


@pytest.mark.parametrize(
    "marked",
    [
        "On T2WI, a haemangioma is [markedly hyperintense].",
        "A meningioma [enhances less] than the normal pituitary gland.",
        "Osteoid osteoma shows a [nidus smaller than 2 cm] on CT.",
        "On ultrasound, a lipoma is [isoechoic or mildly hyperechoic] to fat.",
        "Schwannomas show the [target sign (peripheral high, central low signal)] on T2WI.",
    ],
)
def test_clean_cards_are_kept(marked):
    assert garbled(_fact(marked), LEXICON) is None


@pytest.mark.parametrize(
    ("marked", "why"),
    [
        ("A renal oncocytoma [enhances avidly, more] than the cortex.", "second clause"),
        ("On T1WI, a lipoma is [hyperintense to] fat.", "ends on 'to'"),
        ("A chordoma is [and lobulated] on T2WI.", "opens on 'and'"),
        ("Colloid cysts are [hyperdense (on CT] in most patients.", "unbalanced"),
        ("A 50-year-old man with by a 50-year-old man had a [mass].", "'with by'"),
        ("Paragangliomas show the the [salt-and-pepper] pattern.", "'the the'"),
        ("Chordoma is seen in [patients] over 50.", "asks nothing"),
        ("Tuberous sclerosis shows [cysts together] with angiomyolipomas.", "'together'"),
    ],
)
def test_bad_cuts_are_found(marked, why):
    reason = garbled(_fact(marked), LEXICON)
    assert reason is not None and why in reason


def test_only_automatic_cards_are_dropped():
    bad = "On T1WI, a lipoma is [hyperintense to] fat."
    good = "On T2WI, a haemangioma is [markedly hyperintense]."
    kept = keep_readable([_fact(bad), _fact(good), _fact(bad, authored=True)], LEXICON)
    assert [f.authored for f in kept] == [False, True]
    assert kept[0].text.startswith("On T2WI")
