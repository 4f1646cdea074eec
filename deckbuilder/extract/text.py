"""Shared helpers for extraction rules: cleaning, naming the subject, lists, building a Fact.

Every card must say whose fact it is and hide a term, never a clause. The helpers here turn a
sentence of a case into such a card: :func:`clean` drops figure and reference citations,
:func:`resolve_anaphora` replaces "it" / "these lesions" by the entity the paragraph is about,
:func:`name_subject` prefixes "In <entity>, " when the sentence names nobody, :func:`split_items`
cuts "A, B, C or D" into items, and :func:`build_fact` places numbered cloze spans.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from deckbuilder.extract.base import CaseContext
from deckbuilder.model import CaseNote, Cloze, Fact, SectionKind, Sentence
from deckbuilder.slug import slug as make_slug

__all__ = [
    "Answer",
    "affirmed",
    "between_adjectives",
    "build_fact",
    "case_summary",
    "clean",
    "patient_phrase",
    "entity_in_text",
    "inside_brackets",
    "lexicon_list",
    "lower_first",
    "name_subject",
    "norm",
    "plural",
    "resolve_anaphora",
    "singular",
    "slug",
    "split_items",
    "upper_first",
]

_FIGURE_CITATION = re.compile(
    r"\s*\((?:see\s+)?(?:Fig(?:ure)?s?\.?|Table)\s*[^()]*\)", re.IGNORECASE
)
_BRACKET_REFERENCE = re.compile(r"\s*\[\s*\d+(?:\s*[-\u2013,]\s*\d+)*\s*\]")
# "(5)" or "(1,3,4)" at a clause end is a reference, "(30–40%)" or "(<15 years)" is content.
_ROUND_REFERENCE = re.compile(r"\s*\(\s*\d+(?:\s*[,\u2013-]\s*\d+)*\s*\)(?=\s*[.,;:]|\s*$)")


def clean(text: str) -> str:
    """Removes figure citations and numbered references, and tidies spacing."""
    text = _FIGURE_CITATION.sub("", text)
    text = _BRACKET_REFERENCE.sub("", text)
    text = _ROUND_REFERENCE.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return text


def norm(text: str) -> str:
    """A comparison form: lower case, ASCII dashes, single spaces, no edge punctuation."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:")


def slug(text: str) -> str:
    """A stable key: ASCII lower case words joined by hyphens ("fact" when none are left)."""
    return make_slug(text) or "fact"


def lexicon_list(lexicon: Any, table: str, key: str) -> list[str]:
    """A list of strings from a lexicon table, empty when the table or key is missing."""
    data = lexicon.get(table, None) if hasattr(lexicon, "get") else None
    if not isinstance(data, dict):
        return []
    values = data.get(key) or []
    return [str(v) for v in values]


def phrase_regex(phrases: Iterable[str]) -> str:
    """An alternation of phrases, longest first, whole words, flexible spaces."""
    return _phrase_alternation(tuple(phrases))


# Rules rebuild the same alternations from the same lexicon lists for every sentence; building
# one costs far more than matching it. A pure function of its argument, so memoising is safe.
@functools.lru_cache(maxsize=1024)
def _phrase_alternation(phrases: tuple[str, ...]) -> str:
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str, proper: Collection[str] = ()) -> str:
    """Lower-cases a leading capital unless the word is an acronym, a name with digits or one of
    ``proper`` (words the case writes capitalised mid-sentence: "Ewing", "Warthin")."""
    word = re.match(r"\S+", text)
    if not word:
        return text
    token = word.group()
    if re.sub(r"\W+$", "", token) in proper:
        return text
    if len(token) > 1 and (any(c.isupper() for c in token[1:]) or any(c.isdigit() for c in token)):
        return text
    return text[:1].lower() + text[1:]


@functools.cache
def _invariant_nouns() -> frozenset[str]:
    """Nouns ending in "s" that name one thing ("rickets"), from ``lexicons/nouns.yaml``.

    Read on first use rather than from the run's Lexicon: singular() is a word-form helper
    called from dozens of places that have no lexicon at hand, and the list never varies by run.
    """
    table = yaml.safe_load(
        resources.files("deckbuilder").joinpath("lexicons", "nouns.yaml").read_text("utf-8")
    )
    return frozenset(str(word).lower() for word in table.get("invariant", []))


def singular(noun_phrase: str) -> str:
    """A singular form for "it": "Hepatocellular adenomas" becomes "Hepatocellular adenoma"."""
    words = noun_phrase.split()
    if not words:
        return noun_phrase
    last = words[-1]
    lowered = last.lower()
    if len(last) > 1 and last.isupper():
        return noun_phrase  # an acronym: "PRES" is no plural of "PRE"
    if lowered in _invariant_nouns():
        return noun_phrase
    if lowered.endswith("omas"):
        last = last[:-1]
    elif lowered.endswith("ases") and len(lowered) > 6:  # metastases -> metastasis
        last = last[:-2] + "is"
    elif lowered.endswith("ies") and len(lowered) > 4:
        last = last[:-3] + "y"
    elif lowered.endswith("s") and not lowered.endswith(
        ("ss", "is", "us", "as", "os", "ans", "ens")
    ):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def plural(noun_phrase: str) -> str:
    """A plural form for "they": "Non-ossifying fibroma" becomes "Non-ossifying fibromas"."""
    words = noun_phrase.split()
    if not words or singular(noun_phrase) != noun_phrase:
        return noun_phrase
    last = words[-1]
    lowered = last.lower()
    if lowered.endswith("sis"):
        last = last[:-2] + "es"
    elif lowered.endswith("y") and not lowered.endswith(("ay", "ey", "oy", "uy")):
        last = last[:-1] + "ies"
    elif lowered.endswith(("x", "ch", "sh")):
        last = last + "es"
    elif lowered.endswith("s"):
        return noun_phrase  # "myositis ossificans" has no plural of its own
    elif re.search(r"[a-z]$", lowered):
        last = last + "s"
    else:
        return noun_phrase
    return " ".join([*words[:-1], last])


def entity_in_text(text: str, names: Iterable[str]) -> bool:
    """Whether any of ``names`` (or its singular form) occurs in ``text`` as whole words."""
    lowered = norm(text)
    for name in names:
        for form in {norm(name), norm(singular(name))}:
            # Whole words, a plural ending allowed: "tumour" is in "tumours", "PRES" is not in
            # "pre-eclampsia" and "cyst" is not in "cystic".
            if form and re.search(rf"(?<![\w-]){re.escape(form)}(?:e?s)?(?!\w)", lowered):
                return True
    return False


# A short setting ("On CT", "At MRI", "In children") and the pronoun subject after it.
_SETTING_PRONOUN = re.compile(
    r"(?P<setting>(?:On|At|In)\s+(?!(?:it|they|which|whom|that|this|these|those|such)\b)"
    r"[\w-]+(?:\s+[\w-]+)?),?\s+(?P<pronoun>it|they)(?=\s+[a-z])"
)


def resolve_anaphora(
    text: str, entity: str, lexicon: Any, proper: Collection[str] = ()
) -> tuple[str, bool]:
    """Replaces anaphors ("It", "These lesions", "the disease") by the entity's name.

    Leading "it"/"they" and any listed multi-word anaphor are replaced; returns the new text
    and whether anything was replaced.
    """
    leading = lexicon_list(lexicon, "anaphora", "leading")
    anywhere = lexicon_list(lexicon, "anaphora", "anywhere")
    replaced = False
    if leading:
        pattern = re.compile(rf"^(?:{phrase_regex(leading)})\b", re.IGNORECASE)
        match = pattern.match(text)
        setting = None if match else _SETTING_PRONOUN.match(text)
        if match:
            anaphor = match.group().lower()
            # "These lesions are ..." needs a plural name to agree with its verb.
            is_plural = anaphor in {"they", "these"} or anaphor.endswith("s")
            name = plural(entity) if is_plural else singular(entity)
            text = upper_first(name) + text[match.end() :]
            replaced = True
        elif setting:
            # "On CT they appear as ..." opens with a setting, then the subject pronoun.
            name = lower_first(
                plural(entity) if setting.group("pronoun").lower() == "they" else singular(entity),
                proper,
            )
            text = f"{setting.group('setting')}, {name}{text[setting.end() :]}"
            replaced = True
    if anywhere:
        pattern = re.compile(rf"(?<![\w-])(?:{phrase_regex(anywhere)})(?![\w-])", re.IGNORECASE)

        def substitute(match: re.Match[str]) -> str:
            name = lower_first(entity, proper)
            return upper_first(name) if match.start() == 0 else name

        text, count = pattern.subn(substitute, text)
        replaced = replaced or count > 0
    return text, replaced


def name_subject(
    text: str, entity: str, names: Iterable[str] = (), proper: Collection[str] = ()
) -> str:
    """Makes ``text`` name ``entity``: prefixes "In <entity>, " when no listed name occurs."""
    if not entity or entity_in_text(text, [entity, *names]):
        return text
    return f"In {lower_first(entity, proper)}, {lower_first(text, proper)}"


_LEADING_FILLER = re.compile(
    r"^(?:(?:there\s+(?:is|are|was|were)|when|if|in\s+case\s+of|in\s+cases\s+of|in\s+the\s+"
    r"presence\s+of|in\s+the\s+case\s+of|in\s+patients\s+with|in\s+particular|particularly|"
    r"especially|notably|the|an?)\s+)+",
    re.IGNORECASE,
)


def split_items(text: str) -> list[tuple[int, int]]:
    """Spans of the items of a list written "A, B, C or D" (or "for A, for B and for C").

    Separators are commas, semicolons and the final "and"/"or"; a comma-free "A or B" is split
    too. Brackets are never split. Leading fillers ("there is", "when") are left out of a span.
    """
    cuts: list[tuple[int, int]] = []  # separator spans at bracket depth zero
    depth = 0
    separator = re.compile(r",\s*(?:and\s+|or\s+)?|;\s*|\s+(?:and|or)\s+")
    position = 0
    while position < len(text):
        char = text[position]
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        elif depth == 0:
            match = separator.match(text, position)
            if match and (char in ",;" or text[position] == " "):
                cuts.append((match.start(), match.end()))
                position = match.end()
                continue
        position += 1
    has_comma = any(text[a] in ",;" for a, _ in cuts)
    if has_comma:
        # "nausea and vomiting, fever": only commas and the final conjunction separate items.
        last_comma = max(i for i, (a, _) in enumerate(cuts) if text[a] in ",;")
        cuts = [c for i, c in enumerate(cuts) if text[c[0]] in ",;" or i == last_comma + 1]
    spans: list[tuple[int, int]] = []
    start = 0
    for a, b in [*cuts, (len(text), len(text))]:
        spans.append((start, a))
        start = b
    # Repeated prepositions ("for A, for B and for C") are not part of the items.
    firsts = [re.match(r"(for|in|with|of)\s+", text[s:e]) for s, e in spans]
    words = {m.group(1) for m in firsts if m}
    if len(spans) > 1 and len(words) == 1 and all(firsts[1:]):
        spans = [(s + (m.end() if m else 0), e) for (s, e), m in zip(spans, firsts, strict=True)]
    trimmed: list[tuple[int, int]] = []
    for s, e in spans:
        filler = _LEADING_FILLER.match(text[s:e])
        if filler and filler.end() < e - s:
            s += filler.end()
        while e > s and text[e - 1] in " .,;:":
            e -= 1
        while s < e and text[s] == " ":
            s += 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


@dataclass(frozen=True)
class Answer:
    """A part of a fact's text to hide as cloze ``index``."""

    text: str
    index: int = 1
    hint: str | None = None


def build_fact(
    ctx: CaseContext,
    sentence: Sentence,
    kind: str,
    key: str,
    subject: str,
    parts: Sequence[str | Answer],
    tags: Sequence[str] = (),
) -> Fact:
    """Joins ``parts`` into a fact's text, turning each :class:`Answer` into a cloze span."""
    text = ""
    clozes: list[Cloze] = []
    for part in parts:
        if isinstance(part, Answer):
            start = len(text)
            text += part.text
            clozes.append(Cloze(start, len(text), part.index, part.hint))
        else:
            text += part
    return Fact(
        case_id=ctx.case.case_id,
        kind=kind,
        key=key,
        subject=subject,
        text=text,
        clozes=tuple(clozes),
        source=sentence,
        tags=tuple(tags),
    )


def cloze_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[str | Answer]:
    """Parts for :func:`build_fact`: ``text`` with each span a numbered answer (c1, c2, ...)."""
    parts: list[str | Answer] = []
    position = 0
    for index, (start, end) in enumerate(sorted(spans), start=1):
        parts.append(text[position:start])
        parts.append(Answer(text[start:end], index))
        position = end
    parts.append(text[position:])
    return [p for p in parts if not (isinstance(p, str) and not p)]


def affirmed(text: str, lexicon: Any, start: int = 0, end: int | None = None) -> bool:
    """Whether the span is stated as a fact, neither negated nor uncertain."""
    from deckbuilder.extract.polarity import Polarity, assess

    return assess(text, lexicon, start, end) is Polarity.AFFIRMED


def clause_of(text: str, position: int) -> tuple[str, int]:
    """The clause of ``text`` (cut at semicolons) holding ``position``, and its offset.

    A sentence "It affects women between 15 and 45 years; women are affected ten times as often
    as men" holds two facts; each card keeps only its own clause, ending with a full stop.
    """
    start = 0
    for match in re.finditer(r";\s*", text):
        if match.start() >= position:
            clause = text[start : match.start()].rstrip()
            return clause + ".", start
        start = match.end()
    return text[start:].rstrip(), start


def name_parts(
    parts: Sequence[str | Answer],
    entity: str,
    names: Iterable[str] = (),
    proper: Collection[str] = (),
) -> list[str | Answer]:
    """Prefixes "In <entity>, " to fact parts whose text does not name the entity."""
    joined = "".join(p.text if isinstance(p, Answer) else p for p in parts)
    if not parts or entity_in_text(joined, [entity, *names]):
        if parts and isinstance(parts[0], str):
            return [upper_first(parts[0]), *parts[1:]]
        return list(parts)
    first = parts[0]
    if isinstance(first, Answer):
        return [
            f"In {lower_first(entity, proper)}, ",
            Answer(lower_first(first.text, proper), first.index, first.hint),
            *parts[1:],
        ]
    return [f"In {lower_first(entity, proper)}, {lower_first(first, proper)}", *parts[1:]]


# "A (previously healthy) 7-week-old boy ..." at the very start of the history: the patient's
# age, never "The mother of a 3-year-old girl".
_OPENING_AGE = re.compile(
    r"\s*(?:an?\s+)?(?:[a-z][\w-]*,?\s+){0,2}(\d+)[- ](year|month|week|day)s?[- ]old\s+"
    r"(?:boy|girl|infant|baby|neonate|newborn|child|man|woman|male|female|patient)\b",
    re.IGNORECASE,
)


def patient_phrase(case: CaseNote) -> str:
    """ "57-year-old woman" or "14-month-old boy" from the front matter, else from the history's
    "A woman aged 57" / "a 5-week-old boy"; "" when neither says."""
    age, sex = case.meta.patient.age, case.meta.patient.sex
    history = case.section(SectionKind.CLINICAL_HISTORY)
    text = " ".join(b.text for b in history.blocks) if history else ""
    # The history's own "7-week-old boy" is more exact than a header rounded to "2 months".
    number = re.match(r"\s*(\d+)\s*(year|month|week|day)", age or "", re.I)
    opening = _OPENING_AGE.match(text)
    if opening is not None:
        number = opening
    if number is None:
        number = re.search(r"\b(\d+)[- ](year|month|week|day)s?[- ]old\b", text, re.I) or re.search(
            r"\baged\s+(\d+)()", text, re.I
        )
    if not sex:
        words = set(re.findall(r"[a-z]+", text[:120].lower()))
        sex = "female" if words & {"woman", "girl", "she", "her"} else ""
        sex = sex or ("male" if words & {"man", "boy", "he", "his"} else "")
    unit = (number.group(2) or "year").lower() if number else ""
    child = number is not None and (unit != "year" or int(number.group(1)) < 18)
    noun = {"female": "girl" if child else "woman", "male": "boy" if child else "man"}.get(
        (sex or "").lower(), "patient"
    )
    if number:
        return f"{number.group(1)}-{unit}-old {noun}"
    return noun if noun != "patient" else ""


def inside_brackets(text: str, position: int) -> bool:
    """Whether ``position`` lies inside a bracket of ``text`` opened before it and not closed."""
    before = text[:position]
    return before.count("(") > before.count(")")


# Endings of adjectives: "an oedematous, hyperechoic stroma" has no clause break at its comma.
_ADJECTIVE = re.compile(
    r"(?:ous|al|ic|ive|ed|ar|ent|ant|ful|less|ile|oid|ary|ible|able|geneous"
    r"|-standing|-term|-onset|-grade|-sided)$",
    re.IGNORECASE,
)


def between_adjectives(text: str, comma: int) -> bool:
    """Whether the comma at ``comma`` separates two adjectives of one noun phrase."""
    before = re.findall(r"[\w-]+", text[:comma])
    after = re.findall(r"[\w-]+", text[comma:])
    if not before or len(after) < 2:
        return False
    following = after[1] if after[0].lower().endswith("ly") else after[0]  # "homogeneously"
    return bool(_adjective(before[-1]) and _adjective(following))


def _adjective(word: str) -> bool:
    return bool(_ADJECTIVE.search(word)) or word.lower() in _PLAIN_ADJECTIVES


# Adjectives with no adjective ending: "a 16 mm oval, hypoechoic nodule", "a soft, painless lump".
_PLAIN_ADJECTIVES = frozenset(
    {"oval", "round", "ovoid", "flat", "thin", "thick", "smooth", "soft", "firm", "hard", "large"}
    | {"small", "long", "short", "warm", "mild", "sharp", "dull", "slow", "new", "tender"}
)


def case_summary(case: CaseNote, lexicon: Any) -> str:
    """Who the patient is in one line: "57-year-old woman with long-standing dermatomyositis and
    large, painful masses in the soft tissues of both buttocks".

    Read from the front matter and the first sentence of the Clinical History only, so it never
    gives the Final Diagnosis away. A detail is kept only when the history states it (neither
    negated nor uncertain: "She had no history of pancreatitis" adds nothing) and when it ends at
    a clause break (never "... had large"). Patterns live in ``lexicons/summary.yaml``.
    """
    from deckbuilder.sentences import split_sentences

    person = patient_phrase(case) or "patient"
    history = case.section(SectionKind.CLINICAL_HISTORY)
    sentences = (
        [clean(s.text) for b in history.blocks for s in split_sentences(b, history.kind)]
        if history
        else []
    )
    if not sentences:
        return person
    first = sentences[0]
    table = lexicon.get("summary", {}) if hasattr(lexicon, "get") else {}
    table = table or {}
    negations = {str(w).lower() for w in table.get("negations", [])}
    examinations = {str(w).lower() for w in table.get("examinations", [])}
    limit = int(table.get("max_detail", 90))
    timing = re.compile(table["timing"], re.IGNORECASE) if table.get("timing") else None
    details: list[str] = []
    connectors: list[str] = []
    for pattern in table.get("details", []):
        for match in re.finditer(pattern, first, re.IGNORECASE):
            detail = match.group("detail").strip(" ,")
            lead = re.match(r"[\w'-]+", detail)
            if not detail or (lead and lead.group().lower() in negations):
                continue
            opening = re.findall(r"[\w-]+", detail.lower())[:3]
            if set(opening) & examinations:
                continue
            if len(detail) > limit or not affirmed(first, lexicon, *match.span("detail")):
                continue
            if between_adjectives(first, match.end("detail")):
                continue  # "with a soft, painless swelling" would give "with soft"
            if timing and timing.match(detail):
                continue  # "noticed three months earlier" says when, not what
            if any(norm(detail) in norm(d) or norm(d) in norm(detail) for d in details):
                continue
            details.append(detail)
            # "a man who had smoked for 40 years" keeps its verb: "man with smoked" is garbled.
            lead_in = first[max(0, match.start("detail") - 12) : match.start("detail")]
            verbal = re.match(r"[a-z]+(?:ed|en)\s+(?:for|in|since|to|from|a|an|the|\d)", detail)
            verb = re.search(r"\bwho\s+(had|has)\s+$", lead_in, re.IGNORECASE)
            connectors.append(f"who {verb.group(1).lower()}" if verb and verbal else "with")
    if not details:
        return person
    groups: list[tuple[str, list[str]]] = []
    for connector, detail in zip(connectors, details, strict=True):
        if groups and groups[-1][0] == connector:
            groups[-1][1].append(detail)
        else:
            groups.append((connector, [detail]))
    return person + ",".join(f" {c} {' and '.join(items)}" for c, items in groups)
