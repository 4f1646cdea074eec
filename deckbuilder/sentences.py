"""Splits a block of a case note into sentences, keeping each one's line and cited figures.

Medical prose is full of full stops that do not end a sentence: abbreviations ("e.g.", "vs.",
"Fig. 2", "approx."), decimals ("2.5 cm"), initials. A sentence ends only at ``.``, ``!`` or
``?`` followed by white space and something that can open a sentence, and never right after a
known abbreviation or a lone initial. Figure citations stay in the sentence that cites them and
are also recorded, normalised to the labels figures are declared with ("Figure 2b").
"""

from __future__ import annotations

import re

from deckbuilder.model import Block, SectionKind, Sentence, SourceLocation

__all__ = ["figure_labels", "split_sentences"]

# Lower-case forms, without the final dot. These never end a sentence when followed by more text.
_ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "vs",
        "cf",
        "fig",
        "figs",
        "approx",
        "et al",
        "al",
        "dr",
        "prof",
        "resp",
        "incl",
        "viz",
        "ref",
        "refs",
    }
)

# A candidate sentence end: terminal punctuation, optional closing quote/bracket, then space.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+)")
# What may open the next sentence: a capital, a digit, an opening quote or bracket.
_OPENER = re.compile(r"\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u00DE]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")

_FIGURE = re.compile(
    r"\b(?P<word>Fig(?:ure)?s?\.?)\s*(?P<refs>\d+[a-z]?(?:\s*(?:[-\u2013\u2014,]|and|to|&)\s*"
    r"(?:\d+[a-z]?|[a-z]\b))*)",
    re.IGNORECASE,
)
_FIG_REF = re.compile(r"(\d+)?([a-z])?", re.IGNORECASE)


def split_sentences(block: Block, section: SectionKind) -> tuple[Sentence, ...]:
    """Splits ``block.text`` into sentences.

    Args:
        block: a paragraph or list item; its ``text`` is plain text, its ``markdown`` the lines
            as written, used to find the line each sentence starts on.
        section: the section the block belongs to, recorded on each sentence.

    Returns:
        The sentences in reading order, stripped, each with the line it starts on and the
        figure labels it cites.
    """
    text = block.text
    spans = _sentence_spans(text)
    sentences: list[Sentence] = []
    search_from = 0
    for start, end in spans:
        sentence_text = text[start:end].strip()
        if not sentence_text:
            continue
        line, search_from = _line_of(block, sentence_text, search_from)
        location = SourceLocation(block.location.path, line)
        sentences.append(Sentence(sentence_text, location, section, figure_labels(sentence_text)))
    return tuple(sentences)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    last = 0
    for match in _END.finditer(text):
        # Track brackets so "(e.g. in Fig. 2. Also ...)" style asides never split a sentence.
        depth += _bracket_balance(text[last : match.start()])
        last = match.start()
        if depth > 0 and not match.group().endswith((")", "]")):
            continue
        if not _OPENER.match(text, match.end()):
            continue
        if match.group()[0] == "." and _is_abbreviation(text[start : match.start()]):
            continue
        spans.append((start, match.end()))
        start = match.end()
        depth = 0
        last = start
    spans.append((start, len(text)))
    return spans


def _bracket_balance(fragment: str) -> int:
    return fragment.count("(") + fragment.count("[") - fragment.count(")") - fragment.count("]")


def _is_abbreviation(before: str) -> bool:
    found = _WORD_BEFORE.search(before)
    if not found:
        return False
    word = found.group(1)
    lowered = word.lower()
    if lowered in _ABBREVIATIONS or lowered.rstrip(".") in _ABBREVIATIONS:
        return True
    if before.lower().endswith("et al"):
        return True
    # A lone initial ("A. Author") or a dotted abbreviation ("e.g", "U.S") is not an end.
    return len(word) == 1 and word.isupper() or "." in word


def _line_of(block: Block, sentence_text: str, search_from: int) -> tuple[int, int]:
    """The source line a sentence starts on, found by its first words in the block's markdown."""
    markdown = block.markdown or ""
    words = re.findall(r"[A-Za-z0-9\u00C0-\u024F]{3,}", sentence_text)[:3]
    position = -1
    for word in words:
        position = markdown.find(word, search_from)
        if position >= 0:
            break
    if position < 0:
        return block.location.line, search_from
    return block.location.line + markdown.count("\n", 0, position), position + 1


def figure_labels(text: str) -> tuple[str, ...]:
    """The figures a text cites, as declared labels: "Figures 2a–c" gives Figure 2a, 2b, 2c."""
    labels: list[str] = []
    for match in _FIGURE.finditer(text):
        refs = match.group("refs")
        parts = re.split(r"\s*(,|&|\band\b|[-\u2013\u2014]|\bto\b)\s*", refs)
        number = ""
        previous: str | None = None
        pending_range = False
        for part in parts:
            if not part:
                continue
            if part in {"-", "\u2013", "\u2014", "to"}:
                pending_range = True
                continue
            if part in {",", "&", "and"}:
                continue
            ref = _FIG_REF.fullmatch(part)
            if not ref:
                continue
            digits, letter = ref.group(1), (ref.group(2) or "").lower()
            if digits:
                number = digits
            if pending_range and previous is not None:
                labels.extend(_expand_range(previous, number, letter))
            label = f"Figure {number}{letter}"
            labels.append(label)
            previous = f"{number}{letter}"
            pending_range = False
    seen: dict[str, None] = {}
    for label in labels:
        seen.setdefault(label, None)
    return tuple(seen)


def _expand_range(previous: str, number: str, letter: str) -> list[str]:
    """Labels strictly between ``previous`` and ``number+letter``: 2a–d gives 2b, 2c."""
    prev = re.fullmatch(r"(\d+)([a-z]?)", previous)
    if not prev:
        return []
    prev_number, prev_letter = prev.group(1), prev.group(2)
    if prev_letter and letter and prev_number == number:
        return [f"Figure {number}{chr(c)}" for c in range(ord(prev_letter) + 1, ord(letter))]
    if not prev_letter and not letter and prev_number.isdigit() and number.isdigit():
        low, high = int(prev_number), int(number)
        if 0 < high - low <= 20:
            return [f"Figure {n}" for n in range(low + 1, high)]
    return []
