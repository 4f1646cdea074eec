"""The front of a case-level card: who the patient is, the history and the key findings.

Both the final-diagnosis and the differential-diagnosis cards ask about the case as a whole, so
their front is a short vignette made from the patient's age and sex, the first sentence of the
Clinical History and the first Imaging Findings. For the final diagnosis, every word of the
diagnosis is kept off the front: a history naming it has that phrase replaced by a neutral one,
and findings naming it are left out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any

from deckbuilder.extract.text import (
    between_adjectives,
    case_summary,
    clean,
    lexicon_list,
    patient_phrase,
    upper_first,
)
from deckbuilder.lexicon import Lexicon
from deckbuilder.model import CaseNote, SectionKind

__all__ = [
    "body_parts",
    "diagnosis_words",
    "hidden_abbreviations",
    "mask",
    "patient_phrase",
    "short_vignette",
    "vignette",
    "with_article",
]


def diagnosis_words(diagnosis: str, lexicon: Any) -> set[str]:
    """The telling words of a diagnosis, as lower-case stems of at most 7 letters.

    Neutral words and body parts ("of the left hip", "parathyroid") are not telling: a history
    of hip pain or a raised parathyroid hormone does not give "transient osteoporosis of the
    hip" or "parathyroid adenoma" away, and hiding them would garble the front.
    """
    neutral = set(lexicon_list(lexicon, "final", "neutral_words")) | body_parts(lexicon)
    words = re.findall(r"[A-Za-z][A-Za-z0-9-]+", diagnosis)
    return {w.lower()[:7] for w in words if w.lower() not in neutral and len(w) > 2}


def body_parts(lexicon: Any) -> frozenset[str]:
    """Words naming a part of the body, which never count as naming a diagnosis."""
    if isinstance(lexicon, Lexicon):
        # Every front of every case asks: read the list once per lexicon.
        return lexicon.derived("final.body_parts", _read_body_parts)
    return _read_body_parts(lexicon)


def _read_body_parts(lexicon: Any) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon_list(lexicon, "final", "body_parts"))


def _telling(
    word: str, stems: set[str], exact: Collection[str] = (), places: Collection[str] = ()
) -> bool:
    if word in exact:
        return True  # an abbreviation the case defines for the diagnosis ("MO")
    lowered = word.lower()
    if lowered in places:
        return False  # "endometrial" thickening never names an endometrioid carcinoma
    return any(
        lowered.startswith(stem) or stem.startswith(lowered[:7]) and len(lowered) > 3
        for stem in stems
    ) or any(stem in lowered for stem in stems if len(stem) >= 6)


def mask(text: str, stems: set[str], lexicon: Any, exact: Collection[str] = ()) -> str:
    """Replaces each phrase of ``text`` naming the diagnosis by the neutral phrase."""
    if not stems and not exact:
        return text
    boundaries = set(lexicon_list(lexicon, "final", "phrase_boundaries"))
    places = body_parts(lexicon)
    neutral = (lexicon.get("final", {}) or {}).get("neutral_phrase", "an underlying condition")
    tokens = re.findall(r"[A-Za-z0-9][\w'-]*|[^\w\s]+|\s+", text)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if re.match(r"\w", token) and _telling(token, stems, exact, places):
            # Widen to the phrase: back and forward over words that are not boundaries.
            while (
                out
                and (out[-1].isspace() or re.match(r"\w", out[-1]))
                and (out[-1].isspace() or out[-1].lower() not in boundaries)
            ):
                out.pop()
            j = i + 1
            while (
                j < len(tokens)
                and (tokens[j].isspace() or re.match(r"\w", tokens[j]))
                and (tokens[j].isspace() or tokens[j].lower() not in boundaries)
            ):
                j += 1
            while j > i + 1 and tokens[j - 1].isspace():
                j -= 1
            # "with a suspected X" loses its article too: the neutral phrase brings its own.
            while out and out[-1].isspace():
                out.pop()
            if out and out[-1].lower() in _ARTICLES:
                out.pop()
            out.append(" " if out and not out[-1].isspace() else "")
            out.append(neutral)
            i = j
            continue
        out.append(token)
        i += 1
    return re.sub(r"\s+", " ", "".join(out)).strip()


_ARTICLES = frozenset({"a", "an", "the"})


def _sentences(case: CaseNote, kind: SectionKind) -> list[str]:
    from deckbuilder.sentences import split_sentences

    section = case.section(kind)
    if section is None:
        return []
    return [
        clean(_CLOZE.sub(r"\1", s.text)) for b in section.blocks for s in split_sentences(b, kind)
    ]


# An authored sentence's cloze markup ("{{c1::hypointense::signal}}") reads as its answer.
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^{}]*)?\}\}")


def hidden_abbreviations(case: CaseNote, stems: set[str], places: Collection[str] = ()) -> set[str]:
    """Abbreviations the case defines for a hidden phrase: "myositis ossificans (MO)" gives MO
    when the diagnosis names myositis ossificans."""
    from deckbuilder.extract.subject import abbreviations
    from deckbuilder.sentences import split_sentences

    sentences = [
        s
        for section in case.sections
        for b in section.blocks
        for s in split_sentences(b, section.kind)
    ]
    found: set[str] = set()
    for abbr, long_form in abbreviations(sentences).items():
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9-]+", long_form) if len(w) > 3]
        telling = sum(1 for w in words if _telling(w, stems, (), places))
        # Most of the long form is the diagnosis ("giant cell tumour of bone" for GCT).
        if telling and telling * 2 >= len(words):
            found.add(abbr)
    return found


def _negative(finding: str) -> bool:
    """A finding stating only an absence ("Radiographs showed no fracture", "No mass effect was
    seen") says nothing about what the lesion is and is left off a front."""
    opening = " ".join(finding.split()[:7])
    return re.search(r"\b(?:no|not|without|neither)\b", opening, re.IGNORECASE) is not None


def _fit(finding: str, room: int, verbs: Collection[str] = ()) -> str:
    """``finding`` if it fits ``room`` characters, else its opening clauses (cut at a comma,
    eight words at least, with a verb of ``verbs`` so the cut is a sentence), else ""."""
    if len(finding) <= room:
        return finding
    cuts = [
        m.start()
        for m in re.finditer(r",\s", finding)
        if m.start() < room and not between_adjectives(finding, m.start())
    ]
    if verbs:
        # "An unenhanced CT of the head, obtained after a seizure, | showed ..." has no verb yet.
        cuts = [
            c for c in cuts if any(w.lower() in verbs for w in re.findall(r"[\w-]+", finding[:c]))
        ]
    cut = finding[: cuts[-1]] + "." if cuts else ""
    return cut if len(cut.split()) >= 8 else ""


_STATES_AGE = re.compile(
    r"\b\w+[- ](?:year|month|week|day)s?[- ]old\b|\baged\s+\w+|\b\d+\s*(?:y/?o|y\.o\.|yo)(?!\w)"
    # telegraphic "27F", "4-mo boy", "3 wk old"
    r"|\b\d+\s?(?-i:[FM])\b(?!-)|\b\d+[- ]?(?:mo|mos|wk|wks)\b",
    re.IGNORECASE,
)

_LEADING_PRONOUN = re.compile(r"(It|They)\b\s*")


def _named_lesion(finding: str, before: list[str], lexicon: Any) -> str | None:
    """``finding`` with a leading "It"/"They" named by the lesion the findings before it name
    ("It was hyperdense ..." -> "The mass was hyperdense ..."); None when that lesion is
    unknown or does not agree in number. A front never starts a finding with an orphan "It"."""
    from deckbuilder.extract.pronouns import findings_lesion
    from deckbuilder.extract.text import singular

    leading = _LEADING_PRONOUN.match(finding)
    if leading is None:
        return finding
    lesion = findings_lesion(before, lexicon)
    if lesion is None:
        return None
    plural = singular(lesion) != lesion
    if plural != (leading.group(1) == "They"):
        return None
    return upper_first(lesion) + " " + finding[leading.end() :]


def _add_findings(
    case: CaseNote,
    text: str,
    budget: int,
    stems: set[str],
    exact: Collection[str] = (),
    lexicon: Any = None,
) -> str:
    findings = _sentences(case, SectionKind.IMAGING_FINDINGS)
    verbs = frozenset(w.lower() for w in lexicon_list(lexicon, "final", "finding_verbs"))
    places = body_parts(lexicon) if lexicon is not None else frozenset()
    for index, written in enumerate(findings):
        finding = _named_lesion(written, findings[:index], lexicon)
        if finding is None:
            continue
        words = re.findall(r"[A-Za-z][\w-]+", finding)
        if any(_telling(w, stems, exact, places) for w in words) or _negative(finding):
            continue
        fitted = _fit(finding, budget - len(text) - 2, verbs)
        if not fitted:
            break
        text = f"{_closed(text)} {fitted}".strip()
        if fitted != finding:
            break
    return _closed(_without_open_header(text))


def _closed(text: str) -> str:
    """``text`` ending as a sentence: a list item ("T2: hyperintense") has no full stop of its
    own, and the next finding must not run into it. A header ("MRI:") stays open."""
    if not text or re.search(r"[.!?:;]['\")\]]*$", text):
        return text
    return text + "."


def _without_open_header(text: str) -> str:
    """``text`` without a trailing header ("... MRI:") whose items did not fit."""
    return re.sub(r"(?:^|\s)[^.!?;:]{1,40}:$", "", text).strip()


def with_article(phrase: str) -> str:
    """``phrase`` after its indefinite article, said as a number is said: "An 8-year-old girl",
    "An 11-month-old boy", "A 60-year-old man", "An infant"."""
    spoken_vowel = re.match(r"(?:8|11|18|8\d)\b|(?:8\d\d)\b|[aeiou]", phrase, re.IGNORECASE)
    return f"{'An' if spoken_vowel else 'A'} {phrase}"


def vignette(
    case: CaseNote, lexicon: Any, hide: Iterable[str] = (), budget: int | None = None
) -> str:
    """Age, sex, history and first findings, with the words of ``hide`` kept off it.

    Findings stating only an absence are left out; one that does not fit the budget (the
    lexicon's, or ``budget`` when that is smaller) keeps its opening clauses. A history sentence
    longer than the budget gives way to the one-line patient summary, so a front is never a long
    copy of the history.
    """
    stems: set[str] = set()
    for diagnosis in hide:
        stems |= diagnosis_words(diagnosis, lexicon)
    exact = hidden_abbreviations(case, stems, body_parts(lexicon)) if stems else set()
    most = int((lexicon.get("final", {}) or {}).get("budget", 300))
    budget = most if budget is None else min(most, budget)
    history = _sentences(case, SectionKind.CLINICAL_HISTORY)[:1]
    text = mask(history[0], stems, lexicon, exact) if history else ""
    if len(text) > budget:
        text = mask(f"{with_article(case_summary(case, lexicon))}.", stems, lexicon, exact)
    patient = patient_phrase(case)
    # "A woman aged 57 ..." or a telegraphic "9 y/o boy" already says who the patient is.
    if patient and not _STATES_AGE.search(text):
        text = f"{with_article(patient)}. {text}".strip() if text else f"{with_article(patient)}."
    return upper_first(_add_findings(case, text, budget, stems, exact, lexicon))


def short_vignette(
    case: CaseNote, lexicon: Any, budget: int = 220, hide: Iterable[str] = ()
) -> str:
    """A compact front for cards that must also list other answers: the patient in one line
    (age, sex, key history, see :func:`deckbuilder.extract.text.case_summary`) and the first
    stated imaging finding, or its opening clauses, if they fit ``budget`` characters. The words
    of ``hide`` are kept off it, as in :func:`vignette`."""
    stems: set[str] = set()
    for diagnosis in hide:
        stems |= diagnosis_words(diagnosis, lexicon)
    exact = hidden_abbreviations(case, stems, body_parts(lexicon)) if stems else set()
    text = mask(f"{with_article(case_summary(case, lexicon))}.", stems, lexicon, exact)
    findings = _add_findings(case, text, budget, stems, exact, lexicon)
    # Only the first finding: the short front is for cards that need room.
    first = findings[len(text) :].strip()
    sentences = re.split(r"(?<=\.)\s+(?=[A-Z])", first) if first else []
    return upper_first(f"{text} {sentences[0]}" if sentences else text)
