"""age-distribution: the ages a disease affects ("between 20 and 40 years", "sixth decade").

Only general statements count, so only the Discussion is read (the patient's own age is on the
final-diagnosis card). A sentence needs an age cue ("affects", "decade", "age", "peak") and an
age expression that is neither a duration ("after 5 years", "5-year survival") nor a size
("under 4 cm"). Each age of a list ("<15 years and 45–54 years") is its own cloze of one fact
keyed by the entity the sentence is about: its own subject, or the topic the discourse tracks
(so a paragraph on a differential gives that differential's ages). Life stages count as ages
when a disease affects them ("women of reproductive age", "premenarchal girls"). A rarity word
before a bound ("almost never before 50 years") states the distribution: it stays visible and
does not negate the age.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import case_specific
from deckbuilder.extract.polarity import Polarity, matcher
from deckbuilder.extract.subject import (
    Discourse,
    case_discourse,
    is_disease_like,
    prepare,
    prose_sentences,
    sentence_subject,
)
from deckbuilder.extract.text import (
    Answer,
    affirmed,
    build_fact,
    clause_of,
    clean,
    lexicon_list,
    lower_first,
    name_parts,
    norm,
    phrase_regex,
    plural,
    singular,
    slug,
    upper_first,
)
from deckbuilder.model import Fact, Sentence

KIND = "age-distribution"

_UNIT = re.compile(
    r"\b(?:months?|years?|yrs?|y|decades?|days?|weeks?|life|\d0s|\w+ties)\b", re.IGNORECASE
)
# What joins the two ends of one range ("6 months to 3 years", "40-50 years").
_RANGE_JOIN = r"\s*(?:to|through|[–—-])\s*"
# A bound that compares ("older than 60", "under 2 years"): it needs a person or a verb of
# occurrence before it (`bound_holder`), and "older/younger than" is an age by itself.
_COMPARISON_BOUND = r"(?:over|under|above|below|(?P<person>older\s+than|younger\s+than))\b"
# A noun for people right before a bound ("women under 30", "a patient over 40").
_PERSON_BEFORE = re.compile(
    r"\b(?:patients?|children|child|adults?|women|woman|men|man|girls?|boys?|people|"
    r"individuals|persons?)\s+$",
    re.IGNORECASE,
)
# Bounds that also express time ("after surgery", "until healing"); they need an age frame.
_TIME_BOUND = re.compile(r"(?:before|after|beyond)\b", re.IGNORECASE)


def find_ages(text: str, lexicon: object) -> list[tuple[int, int]]:
    """Spans of the age expressions of ``text`` that describe who a disease affects."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    anchors = lexicon_list(lexicon, "age", "anchors")
    anchor_pattern = table.get("anchor_pattern")
    if not (
        (anchors and re.search(rf"(?<![\w-])(?:{phrase_regex(anchors)})", text, re.I))
        or (anchor_pattern and re.search(anchor_pattern, text, re.I))
    ):
        return []
    exclusions = lexicon_list(lexicon, "age", "exclusions")
    excluded = (
        re.compile(rf"(?:{phrase_regex(exclusions)})\W*\w*\W*$", re.I) if exclusions else None
    )
    taken: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    for pattern in table.get("patterns", []):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if _overlaps(match.span(), taken) or _conditional(text, match.start(), table):
                continue
            if _unheld_bound(text, match, table):
                # "infarcts older than 6 months" is the age of a lesion: no later pattern may
                # take its number either.
                taken.append(match.span())
                continue
            if not _is_age(text, match, table, excluded):
                continue
            taken.append(match.span())
            spans.append(_bound_span(text, match, table))
    ranges = [s for s, _ in taken]
    for pattern in table.get("groups", []):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if _overlaps(match.span(), taken) or _conditional(text, match.start(), table):
                continue
            if not (_affected_group(text, match, table) or _labelled(text, match, table)):
                continue
            if _relative_event(text, match.start(), lexicon):
                continue
            stage = table.get("life_stage")
            if _restated(text, match.end(), ranges, table) and not (
                stage and re.match(stage, match.group(), re.IGNORECASE)
            ):
                # "young adults between 20 and 40 years" restates the group as a number, but a
                # stage of life ("postmenopausal women, mostly over 55") is a fact of its own.
                continue
            taken.append(match.span())
            spans.append(_answer_span(match))
    return _ranges(text, sorted(spans))


def _relative_event(text: str, start: int, lexicon: object) -> bool:
    """Whether an age group sits in a "whose <event>" relative clause ("..., and
    cholangiocarcinoma, whose risk rises with age"): the age is the event's, of the noun the
    relative follows, not whom the sentence's disease affects."""
    events = lexicon_list(lexicon, "age", "event_subjects")
    if not events:
        return False
    pattern = (
        rf"\bwhose\s+(?:[\w-]+\s+){{0,2}}?(?:{phrase_regex(events)})\w*\s+(?:[\w-]+\s+){{0,4}}$"
    )
    return re.search(pattern, text[:start], re.IGNORECASE) is not None


def _ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with two ages joined as a range ("6 months to 3 years") made one."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and re.fullmatch(_RANGE_JOIN, text[merged[-1][1] : start], re.IGNORECASE):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _restated(text: str, end: int, starts: list[int], table: dict) -> bool:
    """Whether a numeric age right after a group restates it ("young adults between 20 and
    40 years", "women of reproductive age, usually between 20 and 40 years")."""
    restated = table.get("restated")
    if not restated:
        return False
    return any(s >= end and re.match(restated, text[end:s], re.IGNORECASE) for s in starts)


def _conditional(text: str, start: int, table: dict) -> bool:
    """Whether the age sits in a clause that states a condition for an action ("fixation is
    advised in those younger than 10 years", "in women over 45 years malignancy should be
    suspected"): such an age says when to act, not whom the disease affects."""
    condition = table.get("condition")
    if not condition:
        return False
    # A decimal point ("0.25 mmol/L") is no clause break: only a stop before a space is.
    breaks = [m.end() for m in re.finditer(r"[;.](?=\s)", text[:start])]
    begin = breaks[-1] if breaks else 0
    stop = min((i for i in (text.find(";", start), len(text)) if i >= 0), default=len(text))
    consequence = table.get("consequence")
    if consequence:
        # "..., diagnosed at a younger age, so screening is advised": the advice is a
        # consequence in a clause of its own, and says nothing about the age clause.
        base = begin
        for cut in re.finditer(consequence, text[base:stop], re.IGNORECASE):
            if base + cut.start() >= start:
                stop = base + cut.start()
                break
            begin = base + cut.end()
    return re.search(condition, text[begin:stop], re.IGNORECASE) is not None


def _labelled(text: str, match: re.Match[str] | _Span, table: dict) -> bool:
    """Whether an age group is the whole value of a telegraphic label ("Nasopharyngeal
    carcinoma: adults, centred on ..."), or one whole comma item of it ("Cystic neoplasm: solid
    nodules, older women."): the label names the entity, the group who it affects."""
    label = table.get("group_label")
    item = table.get("group_label_item")
    tail = table.get("group_label_end")
    before = text[: match.start()]
    return bool(
        tail
        and re.match(tail, text[match.end() :], re.IGNORECASE)
        and (
            (label and re.search(label, before, re.IGNORECASE))
            or (item and re.search(item, before, re.IGNORECASE))
        )
    )


def field_label(text: str, lexicon: object) -> bool:
    """Whether a telegraphic line opens with a label that names a field rather than a disease
    ("Peak: 2nd decade", "Sex ratio: 3:1")."""
    match = re.match(r"\s*([^,;:.()]{2,60}):\s", clean(text))
    return match is not None and not is_disease_like(match.group(1), lexicon)


def differential_label(text: str, disc: Discourse) -> str | None:
    """The label of a telegraphic line when it names one of the case's listed differentials
    rather than a field ("Tumefactive demyelination: young women" under a DDx
    list of "Tumefactive demyelinating lesion"; "PCNSL: ..." for "Primary CNS lymphoma"): the
    line is that differential's, never the topic's. A label is a short noun phrase (no
    verb: "X is the main lesion to exclude:" is a clause) that shares a content word stem
    with a differential, or is its acronym (each word's initial, an all-capitals word
    whole), and is not a name of the case's own subject; None otherwise."""
    match = re.match(r"\s*(?:[-*•]\s+)?([^,;:.()]{2,60}):\s", clean(text))
    if not match or not disc.differentials:
        return None
    label = match.group(1).strip()
    own = {norm(n) for n in disc.names_for(disc.subject)}
    if norm(label) in own or len(label.split()) > 4:
        return None
    if re.search(r"\b(?:is|are|was|were|has|have|it|they|this|these)\b", label, re.I):
        return None
    own_stems = _stems(disc.subject) | {norm(h)[:5] for h in disc.generic_heads}
    label_stems = _stems(label) - own_stems
    for name in disc.differentials:
        if norm(name) in own:
            continue
        words = re.findall(r"[A-Za-z][\w-]*", name)
        acronym = "".join(w if w.isupper() else w[0].upper() for w in words)
        if re.fullmatch(r"[A-Z]{3,}", label) and label == acronym:
            return label
        if label_stems & (_stems(name) - own_stems):
            return label
    return None


def _stems(text: str) -> set[str]:
    """Five-letter stems of the content words of ``text`` ("demyelinating" -> "demye")."""
    return {norm(w)[:5] for w in re.findall(r"[A-Za-z][\w-]{4,}", text)}


def disease_label(text: str, lexicon: object, table: str) -> str | None:
    """The disease a telegraphic line names before its colon ("McCune-Albright syndrome: ...");
    None when there is no label or it names a field (the ``generic_labels`` of lexicon
    ``table``: "Age:", "Sex:", "Epidemiology:") rather than a disease."""
    match = re.match(r"([^,;:.()]{3,60}):\s", text)
    if not match:
        return None
    label = match.group(1).strip()
    generic = {w.lower() for w in lexicon_list(lexicon, table, "generic_labels")}
    if label.lower() in generic or not is_disease_like(label, lexicon):
        return None
    return label


def _label_entity(text: str, lexicon: object) -> str | None:
    """The entity a telegraphic line names before its colon, when its value is an age group
    ("Nasopharyngeal carcinoma: adults, ..."); None for a generic label ("Age: ...")."""
    label = disease_label(text, lexicon, "age")
    if label is None:
        return None
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    spans = find_ages(text, lexicon)
    if not any(_labelled(text, _Span(s, e), table) for s, e in spans):
        return None
    return label


def course_label(text: str, lexicon: object) -> bool:
    """Whether a telegraphic line opens with a label naming a course or an action rather than
    a population ("Prognosis: ...", "Management: ...")."""
    match = re.match(r"\s*([^,;:.()]{2,60}):\s", clean(text))
    courses = table_words(lexicon, "course_labels")
    return match is not None and norm(match.group(1)) in courses


def unlabelled(text: str, lexicon: object) -> str:
    """``text`` ("In hepatic hemangioma, epidemiology: usually found at 30-50 years.") without
    a generic field label after its "In <entity>, " prefix, so the line reads as the clause it
    abbreviates and a verb opening can take the entity as subject."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    generic = [str(w) for w in table.get("generic_labels", [])]
    prefix = re.match(r"In [^,]{1,80}, ", text)
    if not prefix or not generic:
        return text
    label = re.match(rf"(?:{phrase_regex(generic)}):\s+", text[prefix.end() :], re.IGNORECASE)
    if not label:
        return text
    return text[: prefix.end()] + text[prefix.end() + label.end() :]


def asked(stripped: str, text: str, lexicon: object) -> str:
    """A line whose label asks who is affected ("Who gets it: children and adolescents.") read
    as the statement it answers ("In X, affects children and adolescents.", which
    :func:`verb_opening` gives the entity as subject): the label's pronoun points outside the
    card. ``stripped`` is ``text`` without its label; a line whose label asks nothing, or whose
    value opens on its own verb, is returned as ``stripped``."""
    pattern = (lexicon.get("age", {}) or {}).get("question_label")  # type: ignore[attr-defined]
    prefix = re.match(r"In [^,]{1,80}, ", text)
    if not pattern or not prefix or stripped == text:
        return stripped
    if not re.match(pattern, text[prefix.end() :], re.IGNORECASE):
        return stripped
    value = stripped[prefix.end() :]
    if re.match(r"(?:\w+ly\s+)?(?:affects?|occurs?|is|are|presents?|arises?)\b", value):
        return stripped
    return f"{stripped[: prefix.end()]}affects {value}"


def resumed_pronoun(text: str, entity: str, proper: Collection[str]) -> str:
    """``text`` with "In <entity>, it affects ..." (a clause cut after a semicolon, its pronoun
    left) written "<Entity> affects ...": the pronoun is the entity the prefix names."""
    match = re.match(r"In ([^,]{1,80}), (it|they) (?=[a-z])", text)
    if not match or not entity:
        return text
    # The prefix names the topic the pronoun was resolved to.
    named = match.group(1)
    name = singular(named) if match.group(2) == "it" else plural(singular(named))
    return upper_first(lower_first(name, proper)) + " " + text[match.end() :]


def _own_subject(text: str, lexicon: object) -> str | None:
    """The subject of ``text``'s clause; verbs of change ("The risk of rupture increases with
    age", "Simple cysts become more frequent") are not all known to the subject finder, so the
    words before them are the subject."""
    own = sentence_subject(text, lexicon, max_words=10)
    if own:
        return own
    rise = re.match(r"(?:In [^,]{1,80}, )?([^,;]{2,80}?)\s+(?:increases?|rises?|becomes?)\b", text)
    return rise.group(1) if rise else None


def _foreign_subject(clause: str, entity: str, disc: Discourse, lexicon: object) -> bool:
    """Whether a clause given an "In <entity>, " prefix has a disease of its own as subject
    ("In tuberous sclerosis, simple cysts become more frequent with age"): the prefix would
    credit the topic with another lesion's age, so no card."""
    prefix = re.match(r"In ([^,]{1,80}), ", clause)
    if not prefix or not _same(prefix.group(1), entity):
        return False
    own = _own_subject(clause[prefix.end() :], lexicon)
    if not own:
        return False
    if _subgroup(disc, own, entity, lexicon) or _same(own, entity):
        return False
    words = {norm(singular(w)) for w in re.findall(r"[A-Za-z][\w-]*", own)}
    if words & table_words(lexicon, "comparison_owners") or words & table_words(
        lexicon, "form_heads"
    ):
        return False  # patients, cases, the majority, a form: the topic's own population
    # "liposarcoma of the pelvis or retroperitoneum": the disease is named before its site
    head = re.split(r"\s+of\s+", own, maxsplit=1)[0]
    return (is_disease_like(own, lexicon) or is_disease_like(head, lexicon)) and norm(
        singular(entity)
    ) not in norm(singular(own))


def _listed_subject(clause: str, disc: Discourse, lexicon: object) -> str | None:
    """The listed differential a prefixed clause's own subject names ("liposarcoma of the
    pelvis" is "Pelvic liposarcoma"): the subject's head, before any "of <site>", is a word of
    that differential's name. None when no listed differential is named."""
    prefix = re.match(r"In ([^,]{1,80}), ", clause)
    own = _own_subject(clause[prefix.end() :], lexicon) if prefix else None
    if not own:
        return None
    head = norm(singular(re.split(r"\s+of\s+", own, maxsplit=1)[0]))
    for name in disc.differentials:
        words = norm(singular(name)).split()
        if head and head.split()[-1] in words and set(head.split()) <= set(words):
            return name
    return None


def _named_opening(
    clause: str, spans: list[tuple[int, int]], entity: str, proper: Collection[str]
) -> tuple[str, list[tuple[int, int]]]:
    """``clause`` cut after a semicolon ("it chiefly affects middle-aged men ...") with its
    opening pronoun written as the entity, so the card needs no "In <entity>, it ..." prefix.
    ``spans`` are shifted to match."""
    match = re.match(r"(it|they)\s+(?=[a-z])", clause, re.IGNORECASE)
    if not match or not entity:
        return clause, spans
    name = singular(entity) if match.group(1).lower() == "it" else plural(singular(entity))
    name = upper_first(lower_first(name, proper)) + " "
    delta = len(name) - match.end()
    return name + clause[match.end() :], [(s + delta, e + delta) for s, e in spans]


class _Span:
    """A found span that answers the ``start``/``end`` calls of a regex match."""

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _bound_span(text: str, match: re.Match[str], table: dict) -> tuple[int, int]:
    """The answer span of a found age: a bound ("before 20 years") is hidden whole unless a
    rarity word just before it keeps it visible ("almost never before {{50 years}}")."""
    if not _TIME_BOUND.match(match.group()):
        return _answer_span(match)
    rarity = table.get("bound_rarity")
    near = text[max(0, match.start() - 40) : match.end()]
    if rarity and re.search(rarity, near, re.IGNORECASE):
        return _answer_span(match)
    return match.span()


def _answer_span(match: re.Match[str]) -> tuple[int, int]:
    if match.groupdict().get("answer") is not None:
        return match.span("answer")
    return match.span()


def _unheld_bound(text: str, match: re.Match[str], table: dict) -> bool:
    """Whether a comparing bound ("older than", "under") follows neither a person nor a verb of
    occurrence: "haematomas older than 3 months" dates a lesion, not whom a disease affects."""
    holder = table.get("bound_holder")
    if not holder or not re.match(_COMPARISON_BOUND, match.group(), re.IGNORECASE):
        return False
    after = (table.get("markers", {}) or {}).get("after")
    if after and re.match(after, text[match.end() :], re.IGNORECASE):
        return False  # "under 2 years of age" says it is an age
    return not re.search(holder, text[: match.start()], re.IGNORECASE)


def _is_age(text: str, match: re.Match[str], table: dict, excluded: re.Pattern[str] | None) -> bool:
    start, end = match.span()
    before, after = text[:start], text[end:]
    if re.match(table.get("units", r"^\s*(?:cm|mm)\b"), after, re.IGNORECASE):
        return False  # "a mass under 4 cm" is a size
    if re.match(r"[-\u2013]?(?:year|month)", after, re.IGNORECASE):
        return False  # "5-year survival" is a duration, not an age
    if table.get("after_event") and re.match(table["after_event"], after, re.IGNORECASE):
        return False  # "2 years after surgery" is a time since an event
    period_end = table.get("period_end")
    if period_end and re.search(period_end, before, re.IGNORECASE):
        return False  # "screened until the age of 7 years" bounds a period of care
    markers = table.get("markers", {}) or {}
    clause = re.split(r"[,;:()]", before)[-1]
    framed = bool(
        (markers.get("before") and re.search(markers["before"], clause, re.IGNORECASE))
        or (markers.get("after") and re.match(markers["after"], after, re.IGNORECASE))
    )
    if re.search(r"\bage\s+of\s+\d", match.group(), re.IGNORECASE):
        framed = True  # "before the age of 20" names the age itself
    comparison = re.match(_COMPARISON_BOUND, match.group(), re.IGNORECASE)
    holder = table.get("bound_holder")
    if comparison and comparison.group("person") and not framed:
        framed = bool(holder)  # "patients older than 60": the comparison frames the age
    if comparison and not framed and _PERSON_BEFORE.search(before):
        framed = True  # "young women under 30": a bound right after a person is their age
    if not framed and not _UNIT.search(match.group()):
        return False  # a bare number ("under 4") is an age only when framed as one
    if _TIME_BOUND.match(match.group()) and not framed:
        occurrence = table.get("occurrence")
        if not occurrence or not re.search(occurrence, clause, re.IGNORECASE):
            return False
    window = text[max(0, start - 25) : start]
    if framed:
        return True
    return not (excluded and (excluded.search(window) or _elliptical(before, excluded)))


def _elliptical(before: str, excluded: re.Pattern[str]) -> bool:
    """Whether a number closes a coordination whose first number is a duration ("after 24
    months of observation in adolescents, or 6 months in adults"): the second number shares
    the first one's frame, written once."""
    if not re.search(r"(?:,\s*|\s)(?:or|and)\s+$", before, re.IGNORECASE):
        return False
    clause = re.split(r"[;.](?=\s)", before)[-1]
    return any(
        excluded.search(clause[max(0, m.start() - 25) : m.start()])
        for m in re.finditer(r"\d+(?:\.\d+)?\s*(?:years?|months?|weeks?|days?)\b", clause)
    )


def _affected_group(text: str, match: re.Match[str], table: dict) -> bool:
    """Whether an age group is the population a disease affects, not a passing mention."""
    head = text[: match.start()]
    appositive = table.get("group_appositive")
    if appositive:
        # "... 24 months of age, the time of fastest growth, and again in adolescence": the
        # second group is coordinated with the age before the appositive.
        head = re.sub(appositive, "", head, flags=re.IGNORECASE)
    clause = re.split(r"[,;:()]", head)[-1]
    before = table.get("group_before")
    after = table.get("group_after")
    framed = table.get("self_framed")
    return bool(
        (framed and re.match(framed, match.group(), re.IGNORECASE))
        or (before and re.search(before, clause, re.IGNORECASE))
        or (after and re.match(after, text[match.end() :], re.IGNORECASE))
    )


def _unhedged(text: str, lexicon: object) -> str:
    """``text`` with rarity words before an age bound blanked out (same length), so "almost
    never before 50 years" is read as the distribution it states, not as a negation."""
    pattern = (lexicon.get("age", {}) or {}).get("bound_rarity")  # type: ignore[attr-defined]
    if not pattern:
        return text
    return re.sub(pattern, lambda m: " " * len(m.group()), text, flags=re.IGNORECASE)


def _items(answer: str, lexicon: object) -> list[tuple[int, int]]:
    item = (lexicon.get("age", {}) or {}).get("item")  # type: ignore[attr-defined]
    if not item:
        return [(0, len(answer))]
    found: list[tuple[int, int]] = []
    for match in re.finditer(item, answer, re.IGNORECASE):
        if found and re.fullmatch(_RANGE_JOIN, answer[found[-1][1] : match.start()], re.I):
            # "6 months to 3 years" is one range, one answer, not two ages.
            found[-1] = (found[-1][0], match.end())
        else:
            found.append((match.start(), match.end()))
    covered = sum(e - s for s, e in found)
    # Split only a real list; "between 6 months and 3 years" is one range.
    if len(found) > 1 and not re.match(r"(?:between|from)\b", answer, re.I) and covered > 0:
        return found
    return [(0, len(answer))]


def passive_observer(text: str, entity: str, lexicon: object) -> str:
    """``text`` with an observer's opening ("We see them mostly in men ...") written as the
    passive it means ("Laryngoceles are seen mostly in men ..."), so the card names the entity
    instead of an object pronoun whose antecedent lies outside the card."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    pattern = table.get("observer")
    participles = table.get("observer_participles", {}) or {}
    match = re.match(pattern, text, re.IGNORECASE) if pattern else None
    if not match or not entity or match.group("verb").lower() not in participles:
        return text
    participle = participles[match.group("verb").lower()]
    named = match.group("named")
    if named and norm(singular(entity)) not in norm(singular(named)):
        return text  # "We see calcification in ..." names no entity: left as written
    if named:
        # "We usually see symptomatic MTS in women ...": the object names the entity itself.
        verb = "are" if named.endswith("s") and not re.search(r"(?:is|ss|us)$", named) else "is"
        return f"{upper_first(named)} {verb} {participle}{text[match.end() :]}"
    if match.group("object").lower() == "it":
        name = f"{upper_first(singular(entity))} is"
    else:
        name = f"{upper_first(plural(singular(entity)))} are"
    return f"{name} {participle}{text[match.end() :]}"


def _event_subject(text: str, entity: str, disc: Discourse, lexicon: object) -> bool:
    """Whether the clause's own subject is an event of the disease ("Perforation is more
    frequent in younger children", "Malignant transformation occurs in older adults"): the age
    is then that event's risk group, not whom the disease affects."""
    events = {norm(singular(w)) for w in lexicon_list(lexicon, "age", "event_subjects")}
    aside = _leading_aside(text, lexicon)
    if aside:
        # "Although present from birth, it is diagnosed in ...": the subject is after the
        # subordinate clause, not its conjunction.
        text = text[: aside.start("aside")] + text[aside.end() :]
    own = _own_subject(text, lexicon)
    if not own:
        return False
    words = re.findall(r"[A-Za-z][\w-]*", own)
    leading = [w for w in words if norm(w) not in {"the", "a", "an", "its", "their"}]
    leads_with_event = bool(leading) and norm(singular(leading[0])) in events
    heads = table_words(lexicon, "form_heads")
    if not leads_with_event and norm(singular(words[-1])) in heads and len(words) > 1:
        return False  # "The focal type is more often seen in children": a form of the disease
    if not leads_with_event and (
        _same(own, entity) or any(_same(own, name) for name in disc.entities)
    ):
        # "Retroperitoneal fibrosis affects men ..." names a disease whose head noun is an event
        # word; "Rupture of the cyst ..." still opens on the event.
        return False
    body = re.sub(r"^In [^,]{1,80}, ", "", text)  # the prefix names the topic, not the subject
    opening = re.split(r"\s+(?:is|are|was|were|affects?|occurs?|presents?)\b", body, maxsplit=1)[0]
    if not leads_with_event and entity and norm(singular(entity)) in norm(singular(opening)):
        return False  # "Symptomatic May-Thurner syndrome is seen in ...": the entity's own form
    if any(norm(singular(w)) in events for w in words):
        return True
    # "Cardiac involvement is more common in older patients", "The growth plate closes at 16
    # years of age": a subject that is neither a disease, its patients nor an epidemiological
    # measure speaks of a feature or of normal anatomy, not of whom the disease affects.
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    owners = {norm(w) for w in table.get("comparison_owners", [])}
    # "Typically seen in ..." has no subject of its own, only an adverb.
    content = [
        w
        for w in words
        if norm(w) not in {"the", "a", "an", "its", "their", "this"} and not w.endswith("ly")
    ]
    if not content or any(norm(singular(w)) in owners for w in words):
        return False
    phrase = norm(singular(" ".join(content)))
    for name in (entity, *disc.entities, *disc.differentials):
        known = norm(singular(name))
        if known and (known in phrase or phrase in known):
            return False
    head = re.split(r"\s+(?:of|in|with)\s+", own, maxsplit=1)[0]
    return not (is_disease_like(own, lexicon) or is_disease_like(head, lexicon))


def _not_distribution(clause: str, first: int, lexicon: object) -> bool:
    """Whether a clause's age is no distribution: the case's own patient ("Our patient was 45
    years old, which is typical"), normal development ("myelination is complete by 2 years"),
    or a fronted population that sets the scene for something
    else ("In children under 5 years, ultrasound is the first-line test")."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    scope_end = table.get("patient_scope_end")
    cut = re.search(scope_end, clause[first:], re.IGNORECASE) if scope_end else None
    if cut:
        # "diagnosed in the third decade, when stones bring the patient to imaging": a
        # temporal clause after the age tells what happens then, to any patient; it does not
        # make the age the case's own.
        clause = clause[: first + cut.start()]
    if case_specific(clause, lexicon):
        return True
    patient = table.get("case_patient")
    if patient and re.search(patient, clause, re.IGNORECASE):
        return True
    physiology = table.get("physiology")
    if physiology and re.search(physiology, clause, re.IGNORECASE):
        return True  # "the growth plate closes at 16 years of age" is normal development
    fronted = table.get("fronted_population")
    match = re.search(fronted, clause, re.IGNORECASE) if fronted else None
    # "In adults, it presents between 20 and 40 years" still states the age in its main clause.
    return bool(match and first < match.end())


def break_window(text: str, start: int, end: int, breaks: str | None) -> tuple[int, int]:
    """The bounds of the clause of ``text`` around ``text[start:end]``: from the last match of
    ``breaks`` ending before it to the first one starting after it."""
    begin, stop = 0, len(text)
    if breaks:
        for cut in re.finditer(breaks, text, re.IGNORECASE):
            if cut.end() <= start:
                begin = cut.end()
            elif cut.start() >= end:
                stop = cut.start()
                break
    return begin, stop


def _leading_aside(text: str, lexicon: object) -> re.Match[str] | None:
    """A subordinate clause opening the text ("Although present from birth, ..."), or None."""
    leading = (lexicon.get("age", {}) or {}).get("leading_aside")  # type: ignore[attr-defined]
    return re.match(leading, text, re.IGNORECASE) if leading else None


def _aside_end(text: str, start: int, lexicon: object) -> int | None:
    """Where a leading aside that closes before ``start`` ends, or None."""
    aside = _leading_aside(text, lexicon)
    if aside and aside.start("aside") < aside.end() <= start:
        return aside.end()
    return None


def doubted(text: str, start: int, end: int, lexicon: object) -> bool:
    """Whether the answer ``text[start:end]`` sits in a clause that negates or doubts it, as a
    second check beside the shared polarity triggers: "It is not seen in children", "was
    previously thought to affect mainly women", "a female predominance has not been confirmed",
    "whether it affects older adults is debated". The clause runs between breaks ("; ", ", but
    ..."); a negation before a coordinated verb of occurrence stays in its own predicate."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    breaks = table.get("doubt_breaks")
    if breaks and re.match(r"(?:In\s[^,]{1,80},\s+)?[^,;:.()]{3,60}:\s", text):
        # A telegraphic line ("Cystic neoplasm: older women, septated cyst without edema") is a
        # list of items: a negation in one item says nothing of the next.
        breaks = f"(?:{breaks})|,\\s*"
    begin, stop = break_window(text, start, end, breaks)
    predicate = table.get("doubt_predicate_break")
    later = re.search(predicate, text[end:stop]) if predicate else None
    if later:
        stop = end + later.start()
    aside_end = _aside_end(text, start, lexicon)
    if aside_end is not None:
        # "Although the lesion is presumably congenital, patients present at 20-50 years": the
        # hedge belongs to the subordinate clause, not to the age of the main one.
        begin = max(begin, aside_end)
    doubt = table.get("doubt")
    if doubt and re.search(doubt, text[begin:stop], re.IGNORECASE):
        return True
    negation = table.get("doubt_negation")
    if not negation:
        return False
    coordinated = table.get("coordinated")
    if coordinated:
        cuts = [c for c in re.finditer(coordinated, text[begin:start], re.IGNORECASE)]
        if cuts:
            begin += cuts[-1].start()
    return re.search(negation, text[begin:stop], re.IGNORECASE) is not None


def _affirmed(text: str, lexicon: object, start: int, end: int) -> bool:
    """Whether an age is affirmed; a negation confined to an earlier coordinated predicate
    ("never contains air and affects younger adults") does not reach a later one."""
    if affirmed(text, lexicon, start, end):
        return True
    cut = _aside_end(text, start, lexicon)
    if cut is not None:
        # "Although they are presumably congenital, most patients present at 5-30 years": the
        # hedge stays in its subordinate clause; the main clause is judged alone.
        return affirmed(text[cut:], lexicon, start - cut, end - cut)
    pattern = (lexicon.get("age", {}) or {}).get("coordinated")  # type: ignore[attr-defined]
    if not pattern:
        return False
    begin = max(text.rfind(";", 0, start), text.rfind(".", 0, start)) + 1
    cuts = list(re.finditer(pattern, text[begin:start], re.IGNORECASE))
    if not cuts:
        return False
    cut = begin + cuts[-1].start()
    earlier = [t for t in matcher(lexicon).triggers(text) if t.start < cut]  # type: ignore[arg-type]
    # Only a plain negation may be left behind; doubt ("it is unclear whether ...") covers
    # every predicate after it.
    if any(t.polarity is not Polarity.NEGATED for t in earlier):
        return False
    return affirmed(text[cut:], lexicon, start - cut, end - cut)


def list_label(text: str, lexicon: object) -> re.Match[str] | None:
    """The label of a telegraphic list of differentials ("DDx: a (...), b (...)")."""
    pattern = (lexicon.get("age", {}) or {}).get("list_label")  # type: ignore[attr-defined]
    return re.match(pattern, text, re.IGNORECASE) if pattern else None


def _top_level(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The comma-separated parts of ``text[start:end]`` outside parentheses."""
    parts: list[tuple[int, int]] = []
    depth, position = 0, start
    for index in range(start, end):
        char = text[index]
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and char in ",;":
            parts.append((position, index))
            position = index + 1
    parts.append((position, end))
    return [(s, e) for s, e in parts if text[s:e].strip()]


def list_item_facts(
    ctx: CaseContext,
    sentence: Sentence,
    label: re.Match[str],
    kind: str,
    find: Callable[[str, object], list[tuple[int, int]]],
) -> Iterator[Fact]:
    """Facts of a telegraphic list of differentials, each carded under its own item: "DDx: ...,
    ileocolic intussusception (RUQ mass, children 6 months to 3 years)" gives intussusception
    the card "Ileocolic intussusception: children {{6 months to 3 years}}." ``find`` gives the
    answer spans of one part of an item's parenthesis. A fact outside an item's parenthesis
    has no clear owner and gives no card."""
    text = clean(sentence.text).rstrip(" .")
    for item_start, item_end in _top_level(text, label.end(), len(text)):
        opening = text.find("(", item_start, item_end)
        closing = text.rfind(")", item_start, item_end)
        if opening < 0 or closing < opening:
            continue
        head = text[item_start:opening].strip()
        if not head or not is_disease_like(head, ctx.lexicon):
            continue
        for part_start, part_end in _top_level(text, opening + 1, closing):
            part = text[part_start:part_end].strip()
            spans = [
                (s, e)
                for s, e in _item_part_spans(head, part, ctx.lexicon, find)
                if affirmed(part, ctx.lexicon, s, e)
            ]
            if not spans:
                continue
            parts: list[str | Answer] = [f"{upper_first(head)}: "]
            position = 0
            for index, (start, end) in enumerate(spans, start=1):
                parts.append(part[position:start])
                parts.append(Answer(part[start:end], index))
                position = end
            parts.append(part[position:] + ".")
            key = slug(singular(head))
            yield build_fact(ctx, sentence, kind, key, head, parts, tags=("epidemiology",))


def _item_part_spans(
    head: str,
    part: str,
    lexicon: object,
    find: Callable[[str, object], list[tuple[int, int]]],
) -> list[tuple[int, int]]:
    """The answer spans of one comma part of a differential's parenthesis, read as the label
    line it abbreviates ("angiosarcoma (elderly men, ...)" reads "Angiosarcoma: elderly men"):
    a bare group is then the whole value of its item's label."""
    shift = len(head) + 2
    labelled = [(s - shift, e - shift) for s, e in find(f"{head}: {part}", lexicon) if s >= shift]
    return labelled or find(part, lexicon)


def run(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    for sentence in prose_sentences(ctx.sentences):
        label = list_label(clean(sentence.text), ctx.lexicon)
        if label:
            yield from list_item_facts(ctx, sentence, label, KIND, find_ages)
            continue
        text, entity = prepare(disc, sentence, ctx.lexicon)
        if course_label(sentence.text, ctx.lexicon):
            continue  # "Prognosis: worse with onset after 8 y" is no distribution
        label_entity = _label_entity(sentence.text, ctx.lexicon) or differential_label(
            sentence.text, disc
        )
        if label_entity:
            # "Nasopharyngeal carcinoma: adults, ...": the label names whom the line is about.
            text, entity = prepare(disc, sentence, ctx.lexicon, label_entity)
        elif field_label(sentence.text, ctx.lexicon):
            # "Peak: 2nd decade." names a field, not an entity: the line is about the topic in
            # force before it (the discourse may have taken the label itself as a topic).
            text, entity = prepare(disc, sentence, ctx.lexicon, disc.topic_before(sentence))
            stripped = asked(unlabelled(text, ctx.lexicon), text, ctx.lexicon)
            opened = verb_opening(stripped, entity, disc.proper_words, ctx.lexicon)
            if opened != stripped:
                # "Epidemiology: usually found at 30-50 years." reads "<Entity> is usually
                # found at 30-50 years." once the field label is gone.
                text = opened
        text = resumed_pronoun(text, entity, disc.proper_words)
        text = observed(text, entity, ctx.lexicon)
        text = verb_opening(text, entity, disc.proper_words, ctx.lexicon)
        plain = _unhedged(text, ctx.lexicon)
        spans = [
            (s, e)
            for s, e in find_ages(text, ctx.lexicon)
            if _affirmed(plain, ctx.lexicon, s, e) and not doubted(plain, s, e, ctx.lexicon)
        ]
        if not spans:
            continue
        clauses: dict[int, str] = {}
        for start, _ in spans:
            clause, offset = clause_of(text, start)
            clauses.setdefault(offset, clause)
        for offset, clause in sorted(clauses.items()):
            own = [(s - offset, e - offset) for s, e in spans if offset <= s < offset + len(clause)]
            listed = listed_owner(clause, own, entity, offset, disc, ctx.lexicon)
            if offset > min(clauses) and listed is None:
                continue  # a later clause gives a card of its own only for its own disease
            yield from _clause_fact(
                ctx, sentence, disc, (clause, offset), own, entity, bool(label_entity), listed
            )


def _clause_fact(
    ctx: CaseContext,
    sentence: Sentence,
    disc: Discourse,
    where: tuple[str, int],
    spans: list[tuple[int, int]],
    entity: str,
    label_entity: bool,
    listed: tuple[str, list[tuple[int, int]], str] | None,
) -> Iterator[Fact]:
    """The age fact of one semicolon clause (``where``: the clause and its offset in the
    prepared sentence) with the answer ``spans`` (relative to the clause); ``listed`` is the
    clause rewritten for its own listed disease, by :func:`listed_owner`, or None."""
    clause, offset = where
    if _not_distribution(clause, spans[0][0], ctx.lexicon):
        return
    if listed is None:
        listed = _colon_owner(clause, spans, disc.proper_words, ctx.lexicon)
    if listed is not None:
        # "The differentials differ: infarction ... affects older patients; thrombosis ...
        # affects young women": each clause of the list is its own subject's fact.
        clause, spans, entity = listed
        offset = 0
    owned = reattribute(clause, spans, entity, disc, ctx.lexicon)
    if owned is None:
        return
    named_by_clause = owned[2] != entity or listed is not None
    if _event_subject(clause, entity, disc, ctx.lexicon) and not (
        # "The main differential is ganglioglioma, which affects young patients": the
        # relative clause's own subject is the disease it hands the fact to.
        named_by_clause and not _event_subject(owned[0], owned[2], disc, ctx.lexicon)
    ):
        return
    if named_by_clause:
        clause, spans, entity = owned
        offset = 0
    if _foreign_subject(clause, entity, disc, ctx.lexicon):
        site_owner = _listed_subject(clause, disc, ctx.lexicon)
        if site_owner is None:
            return
        # "In teratoma, liposarcoma of the pelvis affects older adults": the clause's own
        # subject is a listed differential, so the card is that differential's
        shift = clause.index(", ") + 2
        clause = upper_first(clause[shift:])
        spans = [(s - shift, e - shift) for s, e in spans]
        entity, offset, named_by_clause = site_owner, 0, True
    clause, spans = trim_asides(clause, spans, ctx.lexicon)
    if spans:
        # "In X, although present from birth, it is diagnosed ..." lost its aside: the
        # pronoun now opens the clause and is the entity the prefix names.
        resumed = resumed_pronoun(clause, entity, disc.proper_words)
        delta = len(resumed) - len(clause)
        if resumed != clause and spans[0][0] + delta >= 0:
            clause, spans = resumed, [(s + delta, e + delta) for s, e in spans]
    clause, spans = name_coordinated(clause, spans, entity, disc.proper_words, ctx.lexicon)
    clause, spans = _named_opening(clause, spans, entity, disc.proper_words)
    parts: list[str | Answer] = []
    position = 0
    index = 0
    for start, end in spans:
        for item_start, item_end in _items(clause[start:end], ctx.lexicon):
            index += 1
            parts.append(clause[position : start + item_start])
            parts.append(Answer(clause[start + item_start : start + item_end], index))
            position = start + item_end
    parts.append(clause[position:])
    topic = disc.topic(sentence)
    if not (label_entity or named_by_clause) and _subgroup(disc, entity, topic, ctx.lexicon):
        # "Bilateral tumours present at a younger age" is the age of a form of the topic:
        # the card names the topic ("In Wilms tumour, bilateral tumours ...").
        entity = topic
        parts = name_parts(parts, entity, disc.names_for(entity), disc.proper_words)
    elif offset:
        parts = name_parts(parts, entity, disc.names_for(entity), disc.proper_words)
    yield build_fact(
        ctx, sentence, KIND, slug(singular(entity)), entity, parts, tags=("epidemiology",)
    )


def listed_owner(
    clause: str,
    spans: list[tuple[int, int]],
    entity: str,
    offset: int,
    disc: Discourse,
    lexicon: object,
) -> tuple[str, list[tuple[int, int]], str] | None:
    """The clause, spans and owner when a clause of a list names its own disease as subject:
    after a colon that opens the list ("...each have their own pattern: infarction ... affects
    older patients") or as a later semicolon clause ("...; thrombosis ... affects young
    women"). None when the clause is the entity's own or its subject is no disease."""
    colon = clause.rfind(": ", 0, spans[0][0])
    start = colon + 2 if colon >= 0 else 0
    if colon < 0 and (offset == 0 or re.match(r"In [^,]{1,80}, ", clause)):
        return None
    body = clause[start:]
    subject = sentence_subject(body, lexicon, max_words=8)
    if not subject or not is_disease_like(subject, lexicon):
        # A verb the subject finder does not know ("infarction respects a territory"): the
        # longest disease-like opening followed by a verb in -s is the subject.
        words = body.split(",")[0].split()
        subject = next(
            (
                " ".join(words[:size])
                for size in range(min(len(words) - 1, 6), 0, -1)
                if re.fullmatch(r"[a-z]{3,}s", words[size])
                and not re.fullmatch(r"[a-z]+(?:ss|us|is)", words[size])
                and is_disease_like(" ".join(words[:size]), lexicon)
            ),
            None,
        )
    if not subject or not is_disease_like(subject, lexicon) or _same(subject, entity):
        return None
    subject_words = {norm(singular(w)) for w in re.findall(r"[A-Za-z][\w-]*", subject)}
    if subject_words & table_words(lexicon, "comparison_owners") or _subgroup(
        disc, subject, entity, lexicon
    ):
        return None
    if norm(singular(entity)) in norm(singular(subject)):
        return None
    return upper_first(body), [(s - start, e - start) for s, e in spans], subject


def _colon_owner(
    clause: str, spans: list[tuple[int, int]], proper: Collection[str], lexicon: object
) -> tuple[str, list[tuple[int, int]], str] | None:
    """The clause after a colon that resumes the lead clause's subject with a pronoun
    ("Parosteal osteosarcoma is the main mimic: it occurs in the third decade"), written with
    that subject ("Parosteal osteosarcoma occurs in the third decade"), its ``spans`` shifted,
    and the subject as owner; None when the sentence has no such shape."""
    pattern = (lexicon.get("age", {}) or {}).get("colon_resumed")  # type: ignore[attr-defined]
    match = re.match(pattern, clause, re.IGNORECASE) if pattern and spans else None
    if not match or spans[0][0] < match.end():
        return None
    owner = re.sub(r"^(?:the|a|an)\s+", "", match.group("owner").strip(), flags=re.IGNORECASE)
    if not is_disease_like(owner, lexicon):
        return None
    name = upper_first(lower_first(owner, proper)) + " "
    if match.group("pronoun").lower() == "they":
        name = upper_first(lower_first(plural(singular(owner)), proper)) + " "
    delta = len(name) - match.end()
    return name + clause[match.end() :], [(s + delta, e + delta) for s, e in spans], owner


def reattribute(
    clause: str, spans: list[tuple[int, int]], entity: str, disc: Discourse, lexicon: object
) -> tuple[str, list[tuple[int, int]], str] | None:
    """The clause, spans and owner of a fact whose clause names its own entity: after a fronted
    comparison ("Unlike meningioma, schwannoma affects younger patients" is schwannoma's), or
    in a relative clause ("the differential includes lymphoma, which affects older adults"
    becomes "Lymphoma affects older adults"). None when a relative clause's owner is unknown:
    no card beats a card crediting the wrong entity."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    if not spans:
        return clause, spans, entity
    first = spans[0][0]
    fronted = table.get("fronted_comparison")
    match = re.match(fronted, clause, re.IGNORECASE) if fronted else None
    if match and match.end("comparison") <= first:
        rest = clause[match.start("comparison") :]
        body = rest[match.end("comparison") - match.start("comparison") :]
        own = sentence_subject(body, lexicon)
        if own and is_disease_like(own, lexicon) and not _same(own, entity):
            shift = match.start("comparison")
            return (
                upper_first(rest),
                [(s - shift, e - shift) for s, e in spans],
                own,
            )
    relative = table.get("relative")
    cuts = [m for m in re.finditer(relative, clause[:first], re.IGNORECASE)] if relative else []
    if not cuts:
        return clause, spans, entity
    cut = cuts[-1]
    owner = _antecedent(clause[: cut.start()], disc, lexicon)
    if owner is None:
        return None
    if _same(owner, entity) and re.match(r"In [^,]{1,80}, ", clause):
        return clause, spans, entity
    # Even when the sentence is already about the antecedent ("The main differential is
    # ganglioglioma, which affects young patients"), the relative clause is its fact.
    name = upper_first(owner)
    tail = clause[cut.end() :]
    shift = cut.end() - (len(name) + 1)
    spans = [(s - shift, e - shift) for s, e in spans]
    text = f"{name} {tail}"
    resumed = table.get("resumed_clause")
    last = spans[-1][1]
    stop = re.search(resumed, text[last:], re.IGNORECASE) if resumed else None
    if stop:
        # "Lymphoma, which affects older adults, is the main differential": the main
        # clause resumes after the relative one and is not part of this fact.
        text = text[: last + stop.start()].rstrip(" ,") + "."
    return text, spans, owner


def _same(name: str, entity: str) -> bool:
    return norm(singular(name)) == norm(singular(entity)) or _acronym_of(name, entity)


def _acronym_of(name: str, entity: str) -> bool:
    """Whether ``name`` is an acronym of the tail of ``entity``'s name ("PAVMs" of "simple
    pulmonary arteriovenous malformation"): it opens with a word's initial, ends with the head
    noun's initial, and its other letters follow in order within the words between."""
    bare = re.sub(r"s$", "", name.strip())
    if not re.fullmatch(r"[A-Z]{3,6}", bare):
        return False
    words = re.findall(r"[A-Za-z][\w-]*", entity)
    if len(words) < 2 or words[-1][0].upper() != bare[-1]:
        return False
    for index, word in enumerate(words[:-1]):
        if word[0].upper() != bare[0] or len(words) - index > len(bare):
            continue
        inner = "".join(words[index:-1]).upper()[1:]
        pattern = ".*".join(map(re.escape, bare[1:-1]))
        if re.match(rf".*{pattern}", inner) if pattern else True:
            return True
    return False


def _antecedent(before: str, disc: Discourse, lexicon: object) -> str | None:
    """The entity a relative clause after ``before`` speaks of: a known entity ending
    ``before``, else its last word when that names a specific disease ("lymphoma"). None when
    the noun is a preposition's object ("transformation into carcinoma, which ...": the clause
    may speak of the transformation) or a generic or indefinite one ("a cyst, which ...")."""
    lowered = norm(before)
    found: str | None = None
    known = sorted({*disc.entities, *disc.differentials}, key=len, reverse=True)
    # "a mature cystic teratoma of the ovary, which ...": a known name may end in the organ
    # it arises from
    organ = re.search(r"\s+of\s+(?:the\s+)?[a-z][\w-]*$", lowered)
    for name in known:
        for form in {norm(name), norm(singular(name)), norm(plural(singular(name)))}:
            if form and lowered.endswith(form):
                found = before[len(before) - len(form) :].strip()
                break
            if form and organ and lowered[: organ.start()].endswith(form):
                found = before[organ.start() - len(form) :].strip()
                break
        if found:
            break
    named = found is not None
    generic = {norm(w) for w in lexicon_list(lexicon, "subject", "generic_heads")}
    events = {norm(singular(w)) for w in lexicon_list(lexicon, "age", "event_subjects")}
    if found is None:
        last = re.findall(r"[A-Za-z][\w-]*$", before.strip())
        word = last[0] if last else ""
        if not word or not is_disease_like(word, lexicon) or norm(word) in generic:
            return None
        if norm(singular(word)) in events:
            return None  # "It shows necrosis, which is seen in older patients": a finding
        found = word
    head = before.strip()[: len(before.strip()) - len(found)]
    blocked = table_words(lexicon, "antecedent_blockers")
    previous = re.findall(r"[A-Za-z]+$", head.strip())
    if named and previous and norm(previous[0]) in {"a", "an"}:
        return found  # "is a mature cystic teratoma, which ...": a named disease, not "a cyst"
    if previous and norm(previous[0]) in blocked:
        return None
    return found


def table_words(lexicon: object, key: str) -> set[str]:
    """The normalised words of list ``key`` of the age lexicon."""
    return {norm(w) for w in lexicon_list(lexicon, "age", key)}


def _subgroup(disc: Discourse, entity: str, topic: str, lexicon: object) -> bool:
    """Whether ``entity`` names a form of ``topic`` ("Bilateral tumours" or "Hereditary cases"
    of "Wilms tumour"): only form words before the topic's head or a generic head."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    forms = {norm(w) for w in table.get("form_words", [])}
    heads = {norm(w) for w in table.get("form_heads", [])}
    words = [norm(singular(w)) for w in entity.split()]
    topic_words = topic.split()
    if len(words) < 2 or not topic_words or entity in disc.entities:
        return False
    heads.add(norm(singular(topic_words[-1])))
    return words[-1] in heads and all(w in forms for w in words[:-1])


def trim_asides(
    clause: str, spans: list[tuple[int, int]], lexicon: object
) -> tuple[str, list[tuple[int, int]]]:
    """``clause`` without a leading subordinate clause before its first answer ("Because they
    grow slowly, patients present ...") and a trailing coordinated clause after its last one
    (", and they are usually unilateral"): neither holds the fact, and their pronouns would
    point outside the card. ``spans`` are shifted to match."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    if not spans:
        return clause, spans
    leading, trailing = table.get("leading_aside"), table.get("trailing_aside")
    match = re.match(leading, clause, re.IGNORECASE) if leading else None
    if match and match.end() <= spans[0][0] and match.start("aside") < match.end():
        cut_from, cut_to = match.start("aside"), match.end()
        clause = clause[:cut_from] + clause[cut_to:]
        spans = [(s - (cut_to - cut_from), e - (cut_to - cut_from)) for s, e in spans]
    last = spans[-1][1]
    tail = re.search(trailing, clause[last:], re.IGNORECASE) if trailing else None
    if tail:
        clause = clause[: last + tail.start()].rstrip(" ,") + "."
    clause_tail = table.get("trailing_clause")
    tail = re.search(clause_tail, clause[last:], re.IGNORECASE) if clause_tail else None
    if tail:
        # "..., and there is a slight female predominance": another fact, on its own card.
        clause = clause[: last + tail.start()].rstrip(" ,") + "."
    return clause, spans


def own_clause(
    clause: str, spans: list[tuple[int, int]], lexicon: object
) -> tuple[str, list[tuple[int, int]]]:
    """The coordinated clause holding every answer when it has a subject of its own ("Peak
    incidence is in the seventh decade, and men are affected ..." gives "Men are affected
    ..."): the clause before it is another fact. ``spans`` are shifted to match."""
    pattern = (lexicon.get("age", {}) or {}).get("clause_start")  # type: ignore[attr-defined]
    if not pattern or not spans:
        return clause, spans
    starts = [m for m in re.finditer(pattern, clause, re.IGNORECASE) if m.end() <= spans[0][0]]
    if not starts:
        return clause, spans
    cut = starts[-1].end()
    return upper_first(clause[cut:]), [(s - cut, e - cut) for s, e in spans]


def name_coordinated(
    clause: str,
    spans: list[tuple[int, int]],
    entity: str,
    proper: Collection[str],
    lexicon: object,
) -> tuple[str, list[tuple[int, int]]]:
    """``clause`` with a pronoun opening a coordinated clause that holds an answer ("..., and
    they are rare in children") written as the entity: the age or sex predicate is the
    entity's, and the pronoun's nearest antecedent on the card may be another noun ("the
    median age"). ``spans`` are shifted to match."""
    pattern = (lexicon.get("age", {}) or {}).get("coordinated_pronoun")  # type: ignore[attr-defined]
    if not pattern or not entity:
        return clause, spans
    for match in reversed(list(re.finditer(pattern, clause, re.IGNORECASE))):
        stop = re.search(r"[,;]", clause[match.end() :])
        limit = match.end() + stop.start() if stop else len(clause)
        if not any(match.end() <= s < limit for s, _ in spans):
            continue
        pronoun = match.group("pronoun").lower()
        name = singular(entity) if pronoun == "it" else plural(singular(entity))
        name = lower_first(name, proper)
        start, end = match.span("pronoun")
        clause = clause[:start] + name + clause[end:]
        delta = len(name) - (end - start)
        spans = [(s + delta, e + delta) if s >= end else (s, e) for s, e in spans]
    return clause, spans


def verb_opening(text: str, entity: str, proper: Collection[str], lexicon: object) -> str:
    """A telegraphic line that opens on its verb ("Affects young adults.", "Typically seen in
    women") written with the entity as its subject ("Sarcoidosis affects young adults."),
    instead of the "In sarcoidosis, affects ..." ``prepare`` gives it."""
    table = lexicon.get("age", {}) or {}  # type: ignore[attr-defined]
    pattern = table.get("verb_opening")
    prefix = re.match(r"In [^,]{1,80}, ", text)
    if not pattern or not prefix or not entity:
        return text
    body = text[prefix.end() :]
    match = re.match(pattern, body, re.IGNORECASE)
    if not match:
        return text
    name = upper_first(lower_first(entity, proper))
    if match.group("participle"):
        return f"{name} is {body}"
    return f"{name} {body}"


def observed(text: str, entity: str, lexicon: object) -> str:
    """``text`` without the "In <entity>, " prefix ``prepare`` gave an observer's sentence, its
    opening written as a passive naming the entity (see :func:`passive_observer`), and "in
    their fifth decade" written "in the fifth decade"."""
    prefix = re.match(r"In [^,]{1,80}, ", text)
    body = text[prefix.end() :] if prefix else text
    rewritten = passive_observer(body, entity, lexicon)
    text = rewritten if rewritten != body else text
    life_stage = (lexicon.get("age", {}) or {}).get("their_life_stage")  # type: ignore[attr-defined]
    if life_stage:
        # "men in their fifth decade" is "men in the fifth decade": the same age, without a
        # pronoun the card cannot resolve.
        text = re.sub(life_stage, "the", text, flags=re.IGNORECASE)
    return text


RULE = Rule(
    name="age",
    kind=KIND,
    priority=20,
    doc="Ages a disease affects, from the Discussion: one fact per sentence, one cloze per age.",
    run=run,
)
