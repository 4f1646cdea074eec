"""Back-references on cards: a card keeps a pronoun only when what it points to is on the card.

Rules cut cards out of sentences, and a cut can strand a pronoun: "In myositis ossificans, its
signal is suppressed" lost the "fatty atrophy of muscle" that "its" meant, and "On SWI they caused
signal voids" lost the previous sentence's "the calcified masses". :func:`settle_pronouns` checks
every automatic card after the rules ran. For each "it", "they", "them", "its", "their" (and
"this"/"these" + noun) it finds the antecedent in the card's source: the subject of the previous
clause, else of the previous sentence of the same paragraph. Then, in order of preference:

- the antecedent is already on the card (or is the entity the card names): the card is kept;
- a subject or object pronoun is replaced by the antecedent ("the calcified masses");
- the card is widened back to the clause holding the antecedent, in the same sentence;
- otherwise the card is dropped: no card beats a card about an unknown "it".

Word lists live in ``lexicons/pronouns.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from deckbuilder.extract.text import (
    clean,
    entity_in_text,
    lexicon_list,
    lower_first,
    resolve_anaphora,
    singular,
)
from deckbuilder.model import CaseNote, Cloze, Fact, SectionKind

__all__ = ["findings_lesion", "settle_pronouns"]

MAX_TEXT = 400
MAX_NP_WORDS = 7
# Cards whose text is built by their rule rather than cut from a sentence.
_SKIPPED_KINDS = frozenset({"authored", "differential-diagnosis", "final-diagnosis"})
_CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s*|,\s+(?:and|but|whereas|while|although|though|yet)\s+", re.IGNORECASE
)
_WORD = re.compile(r"[A-Za-z0-9][\w'\u2019-]*")
# "It is thought that ...", "it is important to ...": no referent needed.
_DUMMY_IT = re.compile(
    r"\bit\s+(?:is|was|may\s+be|can\s+be)\s+(?:not\s+)?(\w+)\s+(?:to|that|whether)\b", re.I
)


@dataclass(frozen=True)
class _Words:
    subject: frozenset[str]
    object: frozenset[str]
    possessive: frozenset[str]
    determiners: frozenset[str]
    verbs: frozenset[str]
    entity_nouns: frozenset[str]
    demonstratives: frozenset[str]
    list_pointers: frozenset[str]
    anaphors: tuple[str, ...]
    quantities: frozenset[str]
    dummies: frozenset[str]
    lesions: frozenset[str]
    structures: frozenset[str]
    examinations: frozenset[str]


def _words(lexicon: Any) -> _Words:
    def table(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in lexicon_list(lexicon, "pronouns", key))

    verbs = table("verbs") | {w.lower() for w in lexicon_list(lexicon, "subject", "verbs")}
    # Adverbs of the subject table ("usually") are not verbs for reading a subject backwards.
    verbs -= {w for w in verbs if w.endswith("ly") or w in {"most", "often", "seen", "found"}}
    return _Words(
        subject=table("subject_pronouns"),
        object=table("object_pronouns"),
        possessive=table("possessive_pronouns"),
        determiners=table("determiners"),
        verbs=frozenset(verbs),
        entity_nouns=table("entity_nouns"),
        demonstratives=table("demonstratives"),
        list_pointers=table("list_pointers"),
        anaphors=tuple(w.lower() for w in lexicon_list(lexicon, "anaphora", "leading")),
        quantities=table("quantities"),
        dummies=table("dummy_predicates"),
        lesions=table("lesion_nouns"),
        structures=table("structure_nouns"),
        examinations=table("examination_nouns"),
    )


@dataclass(frozen=True)
class _Referent:
    text: str
    start: int | None  # in the source sentence; None when it is in the previous sentence
    clause_start: int | None


def _clauses(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, start, end))


def _is_plural(phrase: str) -> bool:
    words = phrase.split()
    if not words:
        return False
    if " and " in f" {phrase.lower()} ":
        return True
    return singular(words[-1]) != words[-1]


def _subject(text: str, start: int, end: int, words: _Words) -> _Referent | None:
    """The subject noun phrase of the clause ``text[start:end]``, read back from its verb."""
    tokens = _tokens(text, start, end)
    opening = _opening_phrase(text, tokens, words)
    if opening is not None:
        return _Referent(opening[0], opening[1], start)
    verb_index = next((i for i, t in enumerate(tokens) if t.group().lower() in words.verbs), None)
    if verb_index is None or verb_index == 0:
        return None
    before = tokens[verb_index - 1]
    if before.group().lower() == "there":
        # "there was a 3.5 cm mass in ..." : the mass, up to a preposition or comma.
        tail = re.match(
            r"\s+(?:an?|the)\s+((?:[^,;:.()]|(?<=\d)\.(?=\d))*?)"
            r"(?=\s+(?:in|on|at|of|with|within|from|near)\b|[,;:(]|\.(?!\d)|$)",
            text[tokens[verb_index].end() : end],
        )
        if not tail or len(tail.group(1).split()) > MAX_NP_WORDS - 1:
            return None
        return _Referent(f"the {tail.group(1).strip()}", None, start)
    chosen: list[re.Match[str]] = []
    for index in range(verb_index - 1, -1, -1):
        token = tokens[index]
        word = token.group()
        gap = text[token.end() : chosen[0].start()] if chosen else ""
        if "," in gap or "(" in gap or ")" in gap:
            break
        if chosen and (re.search(r"[A-Z].*[A-Z]|\d", word) and word.lower() not in words.subject):
            break  # an acronym ("T2WI") ends an opening adverbial, not the subject
        lowered = word.lower()
        if chosen and lowered in {"on", "in", "at", "after", "with", "during", "before", "among"}:
            break
        chosen.insert(0, token)
        if lowered in words.determiners or lowered in words.possessive:
            previous = tokens[index - 1].group().lower() if index else ""
            if previous != "of":
                break
        if len(chosen) > MAX_NP_WORDS:
            return None
    if not chosen:
        return None
    phrase = text[chosen[0].start() : chosen[-1].end()]
    return _Referent(phrase, chosen[0].start(), start)


def _opening_phrase(
    text: str, tokens: list[re.Match[str]], words: _Words
) -> tuple[str, int] | None:
    """A clause opening with a determiner ("The ossifications in X, seen as ..., are") has its
    subject's head right there: the words up to a preposition, comma or verb."""
    if len(tokens) < 2:
        return None
    first = tokens[0].group().lower()
    if first not in words.determiners | words.possessive or first in {"it", "they", "there"}:
        return None
    chosen = [tokens[0]]
    for token in tokens[1:]:
        lowered = token.group().lower()
        gap = text[chosen[-1].end() : token.start()]
        if gap.strip() or lowered in words.verbs or lowered in _PREPOSITIONS:
            break
        # "-ed" after a noun is the verb ("The nodule enlarged"), after the article an adjective.
        if len(chosen) > 1 and lowered.endswith("ed"):
            break
        chosen.append(token)
        if _is_plural(lowered):
            break  # a plural noun ends the phrase: "Their crystals | vary"
        if len(chosen) > MAX_NP_WORDS:
            return None
    if len(chosen) < 2:
        return None
    return text[chosen[0].start() : chosen[-1].end()], chosen[0].start()


_PREPOSITIONS = frozenset(
    {"of", "in", "on", "at", "with", "within", "from", "to", "by", "for", "after", "during"}
)


def _own_clause(clauses: list[tuple[int, int]], position: int) -> int:
    return next(i for i, (s, e) in enumerate(clauses) if s <= position <= e)


def _resolve(
    text: str, position: int, previous: str, words: _Words, depth: int = 0
) -> _Referent | None:
    """What the pronoun at ``position`` of ``text`` points to, or None when unclear."""
    if depth > 3:
        return None
    clauses = _clauses(text)
    index = _own_clause(clauses, position)
    own = _subject(text, *clauses[index], words)
    pronoun = _WORD.match(text, position)
    word = pronoun.group().lower() if pronoun else ""
    in_subject = (
        own is not None
        and own.start is not None
        and (own.start <= position < own.start + len(own.text))
    )
    if _after_verb(text, position, words):
        # "A thin cleft separated it from the cortex": an object pronoun right after its verb
        # is never the subject of its own clause (that would be "itself").
        own = None
    if own is not None and own.start is not None and own.start < position and not in_subject:
        return _follow(text, own, previous, words, depth)
    if word in words.object and own is not None and own.start is not None and not in_subject:
        return _follow(text, own, previous, words, depth)
    for earlier in range(index - 1, -1, -1):
        same = _same_pronoun(text, clauses[earlier], word, words)
        if same is not None:
            # "Fat makes it bright, and it enhances": the second "it" goes on with the first.
            return _resolve(text, same, previous, words, depth + 1)
        found = _subject(text, *clauses[earlier], words)
        if found is not None:
            return _follow(text, found, previous, words, depth)
    # The previous sentence's main subject, not a subordinate one, is what "it" continues.
    for start, end in _clauses(previous):
        found = _subject(previous, start, end, words)
        if found is not None:
            # A pronoun there too ("On ultrasound it is ...") is handed back as it is: the
            # caller knows whether a chain of them means the card's entity.
            return _Referent(found.text, None, None)
    return None


def _same_pronoun(text: str, clause: tuple[int, int], word: str, words: _Words) -> int | None:
    """Where ``clause`` uses the pronoun ``word`` (or its other case) after its subject."""
    family = {"it", "its"} if word in {"it", "its"} else {"they", "them", "their"}
    if word not in family:
        return None
    tokens = _tokens(text, *clause)
    for token in tokens[1:]:
        if token.group().lower() in family and _after_verb(text, token.start(), words):
            return token.start()
    return None


def _after_verb(text: str, position: int, words: _Words) -> bool:
    before = re.search(r"([A-Za-z]+)\s+$", text[:position])
    if before is None:
        return False
    word = before.group(1).lower()
    if word in words.determiners or word in words.subject:
        return False
    return word in words.verbs or (len(word) > 4 and word.endswith("ed"))


def _pronoun_phrase(phrase: str, words: _Words) -> bool:
    return phrase.lower() in words.subject | words.object


def _follow(
    text: str, found: _Referent, previous: str, words: _Words, depth: int
) -> _Referent | None:
    if found.start is not None and _pronoun_phrase(found.text, words):
        return _resolve(text, found.start, previous, words, depth + 1)
    return found


def _quantity(phrase: str, words: _Words) -> bool:
    lowered = phrase.lower()
    return bool(re.search(r"\d", lowered)) or any(w in words.quantities for w in lowered.split())


def _agrees(pronoun: str, phrase: str, words: _Words) -> bool:
    if _quantity(phrase, words):
        return True
    if pronoun in {"it", "its"}:
        return not _is_plural(phrase)
    if pronoun in {"they", "them", "their"}:
        return _is_plural(phrase)
    return True


@dataclass(frozen=True)
class _Located:
    card_start: int  # where the sentence's text starts on the card
    source: str
    source_start: int  # where the card's body starts in the source


def _locate(fact: Fact, variants: Sequence[str]) -> _Located | None:
    offsets = [0]
    for pattern in (r"In this case \([^)]*\), ", r"In [^,]{1,80}?, "):
        match = re.match(pattern, fact.text)
        if match:
            offsets.append(match.end())
    found = _find(fact, variants, offsets)
    if found is not None:
        return found
    # A rule may name the examination after the prefix ("In this case (...), on CT, it was
    # ..."), words the source does not have; tried last, so "on T2WI they were heterogeneous, "
    # is never taken for one.
    settings = [m.end() for o in offsets if (m := _SETTING.match(fact.text, o))]
    return _find(fact, variants, settings)


_SETTING = re.compile(r"[Oo]n (?:[^\s,]+ ){0,3}[^\s,]+, ")


def _find(fact: Fact, variants: Sequence[str], offsets: Sequence[int]) -> _Located | None:
    for offset in sorted(set(offsets), reverse=True):
        body = fact.text[offset:].rstrip(".").lower()
        if len(body) < 12:
            continue
        for source in variants:
            found = source.lower().find(body)
            if found >= 0:
                return _Located(offset, source, found)
    return None


def _names_topic(fact: Fact, phrase: str, section: SectionKind, words: _Words) -> bool:
    if entity_in_text(phrase, [fact.subject]):
        return True
    if section is not SectionKind.IMAGING_FINDINGS and _quantity(phrase, words):
        # "About 90% are peripheral. On CT they are ..." : they are the entity's lesions.
        return entity_in_text(fact.text, [fact.subject])
    bare = re.sub(r"^(?:the|these|this)\s+", "", phrase.lower())
    generic = section is not SectionKind.IMAGING_FINDINGS and (
        phrase.lower() in words.anaphors or bare in words.entity_nouns
    )
    return generic and entity_in_text(fact.text, [fact.subject])


def _names_entity(fact: Fact) -> bool:
    return entity_in_text(fact.text, [fact.subject])


def _shift(clozes: Sequence[Cloze], at: int, delta: int) -> tuple[Cloze, ...]:
    return tuple(
        replace(c, start=c.start + delta, end=c.end + delta) if c.start >= at else c for c in clozes
    )


def _settle(
    fact: Fact, located: _Located, previous: str, words: _Words, lesion: str | None = None
) -> Fact | None:
    """One pass over the card's back-references; None drops the card.

    Replacements are gathered and applied together; widening the card starts a new pass.
    ``lesion`` is what "it" means in the Imaging Findings when the sentences before do not say.
    """
    source = located.source
    body_end = located.source_start + len(fact.text) - located.card_start
    section = fact.source.section
    pronouns = words.subject | words.object | words.possessive
    edits: list[tuple[int, int, str]] = []
    replaced: set[str] = set()
    for match in _WORD.finditer(source, located.source_start, min(body_end, len(source))):
        word = match.group().lower()
        card_at = located.card_start + match.start() - located.source_start
        if card_at >= len(fact.text):
            break
        if word in pronouns and any(c.start <= card_at < c.end for c in fact.clozes):
            trimmed = _pronoun_out_of_answer(fact, card_at, len(match.group()), words)
            if trimmed is not None:
                fact = trimmed
            elif not _own_subject_possessive(fact, located, match.start(), previous, words):
                return None
        if word in words.demonstratives:
            noun = _WORD.match(source, match.end() + 1)
            if noun is None or noun.group().lower() in words.entity_nouns | words.list_pointers:
                continue
            stem = singular(noun.group().lower())
            if stem in fact.text[:card_at].lower():
                continue
            return None if edits else _widen_to_previous(fact, located, previous)
        if word not in pronouns:
            continue
        dummy = _DUMMY_IT.match(source, match.start()) if word == "it" else None
        if dummy and dummy.group(1).lower() in words.dummies:
            continue
        body_before = fact.text[located.card_start : card_at]
        if word not in words.subject and entity_in_text(body_before, [fact.subject]):
            continue  # "favours multiple sclerosis over its mimics"
        referent = _resolve(source, match.start(), previous, words)
        if section is SectionKind.IMAGING_FINDINGS and word in words.subject | words.object:
            referent = _findings_referent(referent, lesion, words)
        if referent is None or not _agrees(word, referent.text, words):
            return None
        if _pronoun_phrase(referent.text, words):
            # "On ultrasound it is a mass ... The stroma makes it bright": a chain of pronouns
            # goes on about the entity the card names, and is unclear on a card naming none.
            if section is not SectionKind.IMAGING_FINDINGS and _names_entity(fact):
                continue
            return None
        if referent.start is not None and referent.start >= located.source_start:
            continue
        if referent.text.lower() in replaced or _names_topic(fact, referent.text, section, words):
            continue
        if word in words.subject | words.object and len(referent.text.split()) <= MAX_NP_WORDS:
            name = re.sub(r"^(?:an?|its|their)\s+", "the ", referent.text, flags=re.IGNORECASE)
            name = lower_first(name) if card_at else name[:1].upper() + name[1:]
            edits.append((card_at, len(match.group()), name))
            replaced.add(referent.text.lower())
            continue
        if edits:
            return None
        if referent.clause_start is not None and referent.clause_start < located.source_start:
            return _widen(fact, located, referent.clause_start)
        return None
    for at, length, name in sorted(edits, reverse=True):
        fact = _replace_word(fact, at, length, name)
    return fact


def _own_subject_possessive(
    fact: Fact, located: _Located, position: int, previous: str, words: _Words
) -> bool:
    """Whether the possessive at ``position`` of the source, inside an answer, points to the
    subject of its own sentence, which the card shows outside every answer: "Aneurysms are
    treated {{whatever their size}}" asks for the size waived, and "their" reads plainly.

    Only a subject in the same sentence counts; one from the sentence before, or a chain of
    pronouns, leaves the referent unknown, and the card is settled as before.
    """
    found = _WORD.match(located.source, position)
    word = found.group().lower() if found else ""
    if word not in words.possessive:
        return False
    referent = _resolve(located.source, position, previous, words)
    if (
        referent is None
        or referent.start is None
        or referent.start < located.source_start
        or _pronoun_phrase(referent.text, words)
        or not _agrees(word, referent.text, words)
    ):
        return False
    start = located.card_start + referent.start - located.source_start
    end = start + len(referent.text)
    if fact.text[start:end].lower() != referent.text.lower():
        return False
    return not any(c.start < end and start < c.end for c in fact.clozes)


def _pronoun_out_of_answer(fact: Fact, at: int, length: int, words: _Words) -> Fact | None:
    """The card with a subject or possessive pronoun that opens an answer moved out of it, or
    None.

    "... or when {{it becomes symptomatic}}" asks for a pronoun no student can supply; "or when
    it {{becomes symptomatic}}" asks for the condition, and "lies in its {{centre}}" for the
    place; the pronoun is then checked like any other on the card. A subject pronoun needs a
    verb and more after it in the answer, a possessive its noun.
    """
    cloze = next(c for c in fact.clozes if c.start <= at < c.end)
    rest = fact.text[at + length : cloze.end]
    pronoun = fact.text[at : at + length].lower()
    if cloze.start != at or pronoun not in words.subject | words.possessive:
        return None
    if len(_WORD.findall(rest)) < (2 if pronoun in words.subject else 1):
        return None
    start = at + length + (len(rest) - len(rest.lstrip()))
    moved = replace(cloze, start=start)
    return replace(fact, clozes=tuple(moved if c is cloze else c for c in fact.clozes))


def _head(phrase: str) -> str:
    """The head noun of a noun phrase: its last word before a preposition."""
    tokens = [t.lower() for t in _WORD.findall(phrase)]
    for index, token in enumerate(tokens):
        if index and token in _PREPOSITIONS:
            return tokens[index - 1]
    return tokens[-1] if tokens else ""


def _findings_referent(
    referent: _Referent | None, lesion: str | None, words: _Words
) -> _Referent | None:
    """In the Imaging Findings "it" is the case's lesion: an examination ("Unenhanced CT showed
    a mass. It was ...") or a structure named in passing ("A thin cleft separated it from the
    cortex. After gadolinium it enhanced") is never what it means. None when unsure."""
    if referent is not None and not _pronoun_phrase(referent.text, words):
        tokens = {t.lower() for t in _WORD.findall(referent.text)}
        head = _head(referent.text)
        if not tokens & words.examinations and head not in words.structures:
            return referent
    if lesion is None:
        return None
    return _Referent(lesion, None, None)


def findings_lesion(sentences: Sequence[str], lexicon: Any) -> str | None:
    """The case's lesion as the Imaging Findings first name it: "the mass" for "Unenhanced CT
    showed a 3.8 cm extra-axial mass over ...", or None when no sentence names one.

    Args:
        sentences: the findings sentences before the one that needs the lesion, in order.
        lexicon: the shipped lexicons (``pronouns`` table, ``lesion_nouns``).
    """
    words = _words(lexicon)
    for sentence in sentences:
        for match in _WORD.finditer(sentence):
            noun = match.group().lower()
            if noun not in words.lesions:
                continue
            before = sentence[max(0, match.start() - 40) : match.start()].lower()
            if re.search(r"\b(?:no|not|without|nor|neither|any)\b[^,;.]*$", before):
                continue  # "No other mass was seen" names no lesion
            return f"the {noun}"
    return None


def _replace_word(fact: Fact, at: int, length: int, name: str) -> Fact:
    text = fact.text[:at] + name + fact.text[at + length :]
    return replace(fact, text=text, clozes=_shift(fact.clozes, at + length, len(name) - length))


def _widen(fact: Fact, located: _Located, start: int) -> Fact | None:
    """The card grown back to ``start`` of its source sentence, keeping its own prefix."""
    added = located.source[start : located.source_start]
    if not added.strip():
        return None
    at = located.card_start
    head = fact.text[:at]
    added = (lower_first(added) if head else added[:1].upper() + added[1:]) + fact.text[at : at + 1]
    # The card's first letter was recased for the prefix; in mid-sentence it reads as written.
    added = added[:-1] + located.source[located.source_start : located.source_start + 1]
    text = head + added + fact.text[at + 1 :]
    if len(text) > MAX_TEXT:
        return None
    return replace(fact, text=text, clozes=_shift(fact.clozes, at, len(added) - 1))


def _widen_to_previous(fact: Fact, located: _Located, previous: str) -> Fact | None:
    """The previous sentence put before the card, when the card starts its own sentence."""
    if (
        not previous
        or located.source_start > 0
        and located.source[: located.source_start].strip(" ,")
    ):
        return None
    at = located.card_start
    head = fact.text[:at]
    lead = (lower_first(previous) if head else previous) + " "
    first = located.source[located.source_start : located.source_start + 1].upper()
    text = head + lead + first + fact.text[at + 1 :]
    if len(text) > MAX_TEXT:
        return None
    return replace(fact, text=text, clozes=_shift(fact.clozes, at, len(lead)))


def _previous_sentences(case: CaseNote) -> dict[tuple[Any, str], str]:
    from deckbuilder.sentences import split_sentences

    previous: dict[tuple[Any, str], str] = {}
    for section in case.sections:
        for block in section.blocks:
            before = ""
            for sentence in split_sentences(block, section.kind):
                previous[(sentence.location, sentence.text)] = before
                before = clean(sentence.text)
    return previous


def _findings_lesions(case: CaseNote, lexicon: Any) -> dict[tuple[Any, str], str | None]:
    """For each Imaging Findings sentence, the lesion the findings named before it."""
    from deckbuilder.sentences import split_sentences

    lesions: dict[tuple[Any, str], str | None] = {}
    section = case.section(SectionKind.IMAGING_FINDINGS)
    if section is None:
        return lesions
    seen: list[str] = []
    lesion: str | None = None
    for block in section.blocks:
        for sentence in split_sentences(block, section.kind):
            lesions[(sentence.location, sentence.text)] = lesion
            seen.append(clean(sentence.text))
            if lesion is None:
                lesion = findings_lesion(seen[-1:], lexicon)
    return lesions


def settle_pronouns(
    facts: Sequence[Fact], case: CaseNote, lexicon: Any, expand: Any = None
) -> list[Fact]:
    """The facts with every stranded back-reference resolved, widened or dropped.

    Args:
        facts: the rules' facts.
        case: their case, for the sentence before each source sentence.
        lexicon: the shipped lexicons (``pronouns`` and ``anaphora`` tables).
        expand: optional function writing abbreviations out as the rules did.
    """
    words = _words(lexicon)
    previous = _previous_sentences(case)
    lesions = _findings_lesions(case, lexicon)
    kept: list[Fact] = []
    for fact in facts:
        if fact.kind in _SKIPPED_KINDS or fact.authored:
            kept.append(fact)
            continue
        settled: Fact | None = fact
        for _ in range(4):
            assert settled is not None
            before = previous.get((settled.source.location, settled.source.text), "")
            if expand is not None:
                before = expand(before) if before else before
            if before and settled.source.section is not SectionKind.IMAGING_FINDINGS:
                # "It is most frequently diagnosed ..." was about the entity the card names.
                before, _ = resolve_anaphora(before, settled.subject, lexicon)
            variants = _variants(settled, expand, lexicon)
            located = _locate(settled, variants)
            if located is None:
                if _has_pronoun(settled.text, words):
                    settled = None
                break
            lesion = lesions.get((settled.source.location, settled.source.text))
            result = _settle(settled, located, before, words, lesion)
            widened = (
                result is not None
                and result.text != settled.text
                and _locate(result, variants) is not None
            )
            settled = result
            if not widened:
                break
        if settled is not None:
            kept.append(settled)
    return kept


def _variants(fact: Fact, expand: Any, lexicon: Any) -> list[str]:
    """The source sentence as the rules may have rewritten it: as written, with abbreviations
    spelled out, with a leading "It" named."""
    text = clean(fact.source.text)
    variants = [text]
    if expand is not None:
        variants.append(expand(text))
    named, _ = resolve_anaphora(variants[-1], fact.subject, lexicon)
    variants.append(named)
    unique: list[str] = []
    for variant in variants:
        if variant not in unique:
            unique.append(variant)
    return unique


def _has_pronoun(text: str, words: _Words) -> bool:
    found = {w.lower() for w in _WORD.findall(text)}
    return bool(found & (words.subject | words.object | words.possessive))
