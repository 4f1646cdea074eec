"""surgical-indication: when surgery or an intervention is indicated, one cloze per indication.

"Surgical intervention is indicated when there is functional limitation, persistent pain,
neurovascular compromise or severe disfigurement" is one fact with four clozes (c1..c4): one
note, so Anki keeps the four sibling cards together and the note's identity does not depend on
how many indications a later edit lists; each card still hides exactly one indication. The key
is the treatment ("surgical-intervention"). Triggers, treatments and connectors live in
``lexicons/indication.yaml``; a negated or uncertain trigger ("may be indicated") gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from deckbuilder.extract.base import CaseContext, Rule
from deckbuilder.extract.clauses import merge_modifiers
from deckbuilder.extract.subject import (
    case_discourse,
    diagnosis_heads,
    final_diagnosis,
    prepare,
    prose_sentences,
)
from deckbuilder.extract.text import (
    Answer,
    affirmed,
    build_fact,
    cloze_spans,
    entity_in_text,
    inside_brackets,
    lexicon_list,
    lower_first,
    name_parts,
    norm,
    phrase_regex,
    slug,
    split_items,
    upper_first,
)
from deckbuilder.model import BlockKind, Fact, SectionKind, Sentence
from deckbuilder.sentences import split_sentences

KIND = "surgical-indication"


@dataclass(frozen=True)
class Indication:
    """Where a sentence names a treatment and the spans of its indications.

    ``treatment_span`` is set when the treatment itself is hidden too: a "treatment of choice"
    states no indication, and a timing ("as soon as the diagnosis is suspected") does not say
    which intervention is meant.
    """

    treatment: str
    items: tuple[tuple[int, int], ...]
    clause_start: int = 0
    treatment_span: tuple[int, int] | None = None
    clause_end: int | None = None
    # "Splenic artery pseudoaneurysm, the main differential, ... should be treated whatever its
    # size.": the subject named before the sentence's other predicates and the indication's
    # own predicate, as one short sentence (``items`` are spans of it); the card is about
    # that subject.
    reworded: tuple[str, str] | None = None


def treatment_pattern(lexicon: object) -> re.Pattern[str] | None:
    """What a treatment phrase must contain: a listed treatment word or an operation suffix."""
    treatments = lexicon_list(lexicon, "indication", "treatments")
    if not treatments:
        return None
    suffixes = lexicon_list(lexicon, "indication", "treatment_suffixes")
    suffix = rf"|\b[a-z]+(?:{'|'.join(map(re.escape, suffixes))})\b" if suffixes else ""
    return re.compile(rf"(?<![\w])(?:{phrase_regex(treatments)}){suffix}", re.IGNORECASE)


def find_indication(text: str, lexicon: object, exclude: Sequence[str] = ()) -> Indication | None:
    """The treatment and indication spans a sentence states, or None.

    ``exclude`` names the entity a card is about: an "In <entity>, " opening is never taken
    for a condition.
    """
    table = lexicon.get("indication", {}) or {}  # type: ignore[attr-defined]
    treatment_re = treatment_pattern(lexicon)
    if treatment_re is None:
        return None
    regardless = table.get("regardless")
    waived = re.search(regardless, text, re.IGNORECASE) if regardless else None
    if waived and waived.group("treatment") is None:
        # "X lacks a wall and should be treated whatever its size.": treated at any size, by
        # whatever means; only the predicate's own clause is read for doubt or negation
        begin = max(
            text.rfind(",", 0, waived.start()) + 1,
            max((m.end() for m in re.finditer(r"\sand\s", text[: waived.start()])), default=0),
        )
        clause = text[begin:]
        if affirmed(clause, lexicon, waived.start() - begin, waived.end() - begin):
            opener = re.match(r"(?P<name>[A-Z][^,;:()]{2,60}?),\s", text)
            if (
                opener is None
                or opener.end() > waived.start()
                or _VERB.search(opener.group("name"))
                or re.match(_NOT_SUBJECT, opener.group("name"), re.IGNORECASE)
            ):
                return Indication("treatment", (waived.span("conditions"),))
            # the subject ends at its comma; its appositive and other predicates are left out
            # a card cut out of its sentence keeps no pronoun: "its size" becomes "the size"
            name = opener.group("name")
            head = text[waived.start() : waived.start("conditions")]
            waiver = re.sub(r"\b(?:its|their)\b", "the", waived.group("conditions"))
            short = f"{name} {head}{waiver}."
            start = len(name) + 1 + len(head)
            return Indication("treatment", ((start, start + len(waiver)),), reworded=(name, short))
    if (
        waived
        and waived.group("treatment") is not None
        and treatment_re.search(waived.group("treatment"))
        and affirmed(text, lexicon, waived.start(), waived.end())
    ):
        # "... should be treated whatever their size, usually by coil embolisation"
        hidden = waived.span("treatment")
        return Indication(
            _name(waived.group("treatment")),
            (waived.span("conditions"),),
            treatment_span=(hidden[0], _trim_end(text, *hidden)),
        )
    for name in (
        "include",
        "label",
        "requires",
        "treated_by",
        "management_line",
        "condition_line",
        "telegraphic",
    ):
        pattern = table.get(name)
        match = re.search(pattern, text, re.IGNORECASE) if pattern else None
        if match and not _condition_label(match, table):
            match = None
        if match and name in ("condition_line", "telegraphic") and _has_verb(match, table):
            # "Pillar C: surgery has not been shown to help" is a statement, not a line of
            # indications; "Drainage was performed if ..." tells a story.
            match = None
        if match and treatment_re.search(match.group("treatment")):
            start, end = match.span("conditions")
            # a verbless line's conditions ("if rupture is suspected") are no doubt about it
            scope = text[: match.end("treatment")] if name == "telegraphic" else text
            if not affirmed(scope, lexicon, match.start("treatment"), match.end("treatment")):
                continue
            found = _indication(
                match.group("treatment"),
                text,
                start,
                _stop(text, start, end, table),
                table,
                lexicon,
            )
            if found and name == "telegraphic" and match.group("connector").lower() == "once":
                # "a pull-through operation (...) once biopsy confirms it": a timing, so the
                # treatment (its bracketed aside and article left visible) is hidden too.
                head = re.sub(r"\s*\([^()]*\)\s*$", "", match.group("treatment"))
                article = re.match(r"(?:the|an?)\s+", head, re.IGNORECASE)
                begin = match.start("treatment") + (article.end() if article else 0)
                hidden = (begin, match.start("treatment") + len(head))
                return replace(found, treatment_span=hidden)
            if found and name in ("treated_by", "condition_line"):
                # "..., and an acutely bleeding adenoma is treated by X": the card keeps its clause.
                return replace(found, clause_start=match.start("conditions"))
            if found:
                return found
    passive = _passive(text, table, lexicon) or _modal_passive(text, table, lexicon)
    if passive:
        return passive
    triggers = lexicon_list(lexicon, "indication", "triggers")
    roles = lexicon_list(lexicon, "indication", "roles")
    triggers += [f"{verb} {role}" for role in roles for verb in ("is", "are")]
    # the longer of two triggers at one place wins ("can be offered to" over "can be offered")
    triggers = sorted(triggers, key=lambda t: -len(t.split()))
    connectors = lexicon_list(lexicon, "indication", "connectors")
    if not triggers:
        return None
    adverbs = lexicon_list(lexicon, "indication", "adverbs")
    adverb = rf"(?:(?:{phrase_regex(adverbs)})\s+)?" if adverbs else ""
    alternatives = [
        rf"(?:is|are)\s+{adverb}{phrase_regex([t.split(None, 1)[1]])}"
        if t.split()[0] in {"is", "are"} and len(t.split()) > 1
        else phrase_regex([t])
        for t in triggers
    ]
    trigger_re = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE)
    connector_re = re.compile(rf"\s*(?:{phrase_regex(connectors)})\s+", re.IGNORECASE)
    timing = lexicon_list(lexicon, "indication", "timing")
    timing_re = re.compile(rf"\s*(?:{phrase_regex(timing)})\s", re.IGNORECASE) if timing else None
    role_re = re.compile(rf"(?:{phrase_regex(roles)})$", re.IGNORECASE) if roles else None
    for trigger in trigger_re.finditer(text):
        t_start, t_end = _treatment_before(text, trigger.start())
        relative = re.fullmatch(r"which|that", text[t_start:t_end], re.IGNORECASE)
        comma = text.rfind(",", 0, t_start)
        if relative and comma > 0:
            # "Treatment is surgical removal, which is indicated for ...": the relative pronoun
            # stands for the phrase before its comma, after that clause's copula.
            t_start, t_end = _treatment_before(text, comma)
            copula = list(re.finditer(r"\s(?:is|are)\s+(?:by\s+)?", text[t_start:t_end]))
            if copula:
                t_start += copula[-1].end()
        treatment = text[t_start:t_end]
        limit = 14 if "," in treatment else 8
        # "fixation with a single cannulated screw": the instrument does not lengthen the name,
        # nor does a bracketed aside or a next step ("followed by stenting").
        head = re.sub(r"\([^()]*\)", "", treatment)
        head = re.split(r"\s+(?:with|using|under|followed\s+by)\s+", head, maxsplit=1)[0]
        # "excision of the whole cyst and any tract": what an operation removes does not
        # lengthen its name either; an "of" before any treatment word ("the majority of
        # patients ...") is left alone.
        operated = re.split(r"\s+of\s+", head, maxsplit=1)[0]
        if treatment_re.search(operated):
            head = operated
        bare_treatment = table.get("bare_treatment")
        named = treatment_re.search(treatment) or (
            bare_treatment and re.fullmatch(bare_treatment, treatment.strip(), re.IGNORECASE)
        )
        if not named or len(head.split()) > limit:
            continue
        timing_modifier = table.get("timing_modifier")
        timed_head = (
            re.split(timing_modifier, treatment, maxsplit=1, flags=re.IGNORECASE)[0]
            if timing_modifier
            else treatment
        )
        if timed_head != treatment and not treatment_re.search(timed_head):
            # "antibiotic prophylaxis before dental procedures": the procedure times it
            continue
        if not _affirmed_clause(text, t_start, trigger, lexicon):
            continue
        connector = connector_re.match(text, trigger.end())
        if trigger.group().lower().endswith((" for", " in", " to")):
            connector = re.compile(r"\s+").match(text, trigger.end())
        if connector is None:
            # "is preferred over 5 cm": a size threshold is the indication, its word kept;
            # "preferred over embolisation" names an alternative, not an indication.
            connector = _THRESHOLD.match(text, trigger.end())
        if connector:
            start = connector.end()
            end = _stop(text, start, len(text), table)
            if timing_re and timing_re.match(text, trigger.end()) and end > start:
                # "as soon as the diagnosis is suspected" is one answer with its connector.
                when = (
                    trigger.end() + len(text[trigger.end() :]) - len(text[trigger.end() :].lstrip())
                )
                items = ((when, _trim_end(text, when, end)),)
                # "an urgent Ladd procedure (detorsion, division of bands, ...)": the answer is
                # the procedure's name, its bracketed steps stay visible
                aside = re.search(r"\s*\(", treatment)
                hidden = (t_start, t_start + aside.start()) if aside else (t_start, t_end)
                return Indication(_name(treatment), items, treatment_span=hidden)
            found = (
                _indication(treatment, text, start, end, table, lexicon) if end > start else None
            )
            if found and _purpose_only(trigger.group(), text, found, lexicon):
                found = None
            duration = table.get("duration_item")
            if (
                found
                and duration
                and all(re.fullmatch(duration, text[a:b], re.IGNORECASE) for a, b in found.items)
            ):
                continue  # "is advised for life" says how long, not for whom
            quantifier = table.get("quantifier_only")
            if (
                found
                and quantifier
                and role_re
                and role_re.search(trigger.group())
                and all(re.fullmatch(quantifier, text[a:b], re.IGNORECASE) for a, b in found.items)
            ):
                # "X is the standard treatment for most lesions": the treatment is the answer.
                return Indication(
                    _name(treatment), (), treatment_span=_head_span(text, t_start, t_end)
                )
            universal = table.get("universal_item")
            every_case = bool(
                found
                and found.items
                and universal
                and all(re.match(universal, text[a:b], re.IGNORECASE) for a, b in found.items)
            )
            # "X is advised for every suspected Y" (a condition that covers every case) and "X
            # is an option for Y" (one option among others): which treatment is as much to
            # remember as whom it is for, so it is hidden too.
            if found and (every_case or _option(trigger.group(), lexicon)):
                return replace(found, treatment_span=_head_span(text, t_start, t_end))
            if found:
                return found
        if role_re and role_re.search(trigger.group()):
            # "X is the definitive treatment and is indicated when ...": the role goes on with
            # the indications of the same treatment.
            also = re.compile(r"\s+and\s+").match(text, trigger.end())
            second = trigger_re.match(text, also.end()) if also else None
            if second and not (role_re.search(second.group())):
                link = connector_re.match(text, second.end())
                # "... and is performed once dehydration has been corrected" is a timing.
                timed = timing_re is not None and timing_re.match(text, second.end())
                once = re.match(r"\s*once\b", text[second.end() :], re.IGNORECASE)
                if (
                    link
                    and not (timed or once)
                    and _affirmed_clause(text, t_start, second, lexicon)
                ):
                    end = _stop(text, link.end(), len(text), table)
                    found = _indication(treatment, text, link.end(), end, table, lexicon)
                    if found:
                        return replace(found, treatment=_name(treatment))
            # "X is now the treatment of choice": the treatment is what to remember.
            return Indication(_name(treatment), (), treatment_span=_head_span(text, t_start, t_end))
        leading = _leading_condition(text, (t_start, t_end), trigger.end(), table, lexicon, exclude)
        if leading:
            return leading
        unless = table.get("unless")
        if unless:
            match = re.search(unless, text[: trigger.start()], re.IGNORECASE)
            if match:
                return _indication(treatment, text, *match.span("conditions"), table, lexicon)
        if _bare(text, trigger, lexicon, exclude):
            # "Once SCFE is diagnosed, prompt fixation is indicated.": indicated for the entity.
            return Indication(_name(treatment), (), treatment_span=(t_start, t_end))
    return _treatment_is(text, table, treatment_re, lexicon)


def _modal_passive(text: str, table: dict, lexicon: object) -> Indication | None:
    """ "Metastases should be resected if a complete resection is possible while leaving a
    remnant of at least 30%": one answer per condition, the condition after "while leaving",
    "provided" or "as long as" being the second one."""
    pattern = table.get("modal_passive")
    match = re.search(pattern, text, re.IGNORECASE) if pattern else None
    # the condition ("if a complete resection is possible") states when, it hedges nothing:
    # only the clause up to the operation is read for doubt or negation
    if match is None or not affirmed(text[: match.end("treatment")], lexicon):
        return None
    start, end = match.span("conditions")
    items = []
    second = table.get("second_condition")
    extra = re.search(second, text[start:end], re.IGNORECASE) if second else None
    if extra:
        items.append((start, _trim_end(text, start, start + extra.start())))
        begin = start + extra.end()
        close = re.search(table.get("second_condition_end", r"(?!)"), text[begin:end])
        items.append((begin, _trim_end(text, begin, begin + close.start() if close else end)))
    else:
        items.append((start, _trim_end(text, start, _stop(text, start, end, table))))
    return Indication(_name(match.group("treatment")), tuple(items))


def _treatment_is(
    text: str, table: dict, treatment_re: re.Pattern[str], lexicon: object
) -> Indication | None:
    """ "Standard treatment is total hysterectomy with ...": the treatment named after the
    copula, hidden as a role's answer."""
    pattern = table.get("treatment_is")
    match = re.match(pattern, text, re.IGNORECASE) if pattern else None
    if match is None or not treatment_re.search(match.group("treatment")):
        return None
    if not affirmed(text, lexicon, match.start("treatment"), match.end("treatment")):
        return None
    start, end = match.span("treatment")
    article = re.match(r"(?:the|an?)\s+", match.group("treatment"), re.IGNORECASE)
    if article:
        start += article.end()
    return Indication(_name(text[start:end]), (), treatment_span=(start, end))


def _option(trigger: str, lexicon: object) -> bool:
    """Whether a trigger names its treatment as one option among others ("is an option for",
    "may be considered for"), read past any adverb ("is also an option for")."""
    words = re.sub(r"\s+", " ", trigger.lower()).split()
    for option in lexicon_list(lexicon, "indication", "option_triggers"):
        parts = option.split()
        if words[:1] == parts[:1] and words[-(len(parts) - 1) :] == parts[1:]:
            return True
    return False


def _head_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a treatment phrase's head, before its first comma or "with" outside
    brackets: "division of the ligament, with ganglionectomy," hides "division of the
    ligament", and a list of steps hides its first step. A bracket explains the head ("PAIR
    (puncture, aspiration, ...) under albendazole cover"): the head ends before it."""
    depth = 0
    for index in range(start, end):
        char = text[index]
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and (char == "," or re.match(r"\s+with\s", text[index:end])):
            end = index
            break
    aside = re.search(r"\s*\(", text[start:end])
    if aside and aside.start() > 0:
        end = start + aside.start()
    return start, _trim_end(text, start, end)


def find_indications(text: str, lexicon: object, exclude: Sequence[str] = ()) -> list[Indication]:
    """Every treatment a sentence indicates, one per clause: "X is the standard treatment for
    high-risk tumours, while Y is preferred for low-grade tumours" gives two. A sentence whose
    clauses state nothing on their own is read whole, as :func:`find_indication` does."""
    return [
        part
        for found in _find_indications(text, lexicon, exclude)
        for part in _gapped(text, found, lexicon)
    ]


def _gapped(text: str, found: Indication, lexicon: object) -> list[Indication]:
    """ "Stents are reserved for dissection, and open surgery for complex aneurysms": a last
    item naming a treatment and its own "for" is a second clause with its verb left out."""
    if not found.items:
        return [found]
    start, end = found.items[-1]
    treatment_re = treatment_pattern(lexicon)
    gap = re.match(r"((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:for|in)\s+", text[start:end])
    if (
        treatment_re is None
        or gap is None
        or not re.search(r",\s+and\s+$", text[:start])
        or not treatment_re.search(gap.group(1))
    ):
        return [found]
    table = lexicon.get("indication", {}) or {}  # type: ignore[attr-defined]
    second = _indication(gap.group(1), text, start + gap.end(), end, table, lexicon)
    first = replace(found, items=found.items[:-1])
    parts = [first] if first.items else []
    return [*parts, replace(second, clause_start=found.clause_start)] if second else parts


def _find_indications(text: str, lexicon: object, exclude: Sequence[str]) -> list[Indication]:
    split = (lexicon.get("indication", {}) or {}).get("clause_split")  # type: ignore[attr-defined]
    cuts = list(re.finditer(split, text, re.IGNORECASE)) if split else []
    if not cuts:
        found = find_indication(text, lexicon, exclude)
        return [found] if found else []
    bounds = [0, *[m.end() for m in cuts]]
    ends = [*[m.start() for m in cuts], len(text)]
    results: list[Indication] = []
    for start, end in zip(bounds, ends, strict=True):
        found = find_indication(text[start:end], lexicon, exclude)
        if found is None:
            continue
        span = found.treatment_span
        results.append(
            replace(
                found,
                items=tuple((s + start, e + start) for s, e in found.items),
                treatment_span=(span[0] + start, span[1] + start) if span else None,
                clause_start=found.clause_start + start,
                clause_end=end,
            )
        )
    if results:
        return results
    whole = find_indication(text, lexicon, exclude)
    return [whole] if whole else []


# Openings of a sentence before its first comma that name no subject ("In pregnancy, ...").
_NOT_SUBJECT = (
    r"(?:in|on|at|for|during|when|whenever|if|although|though|because|however|unlike|as|after|"
    r"before|since|with|without|moreover|therefore|thus|also|then|here|it|they|this|these|"
    r"overall|typically|usually|generally|finally|importantly|conversely|similarly)\b"
)

_THRESHOLD = re.compile(
    r"\s+(?=(?:over|above|beyond|under|below|larger\s+than|greater\s+than)\s+\d)", re.IGNORECASE
)

# Clause boundaries before a trigger: the treatment is the phrase after the last one.
_BOUNDARY = re.compile(r"[,;:]\s*|\bin which case\s+|\bthen\s+", re.IGNORECASE)
_LEADING_LINK = re.compile(r"(?:(?:and|but|or|while|whereas|so|the|a|an)\s+)+", re.IGNORECASE)


def _treatment_before(text: str, position: int) -> tuple[int, int]:
    """The span of the treatment phrase that ends at a trigger.

    "Surgery, either X or Y, is recommended" keeps its parenthetical: the phrase after the last
    comma is empty, so the treatment runs back over the comma pair.
    """
    head = text[:position]
    # "Percutaneous treatment (PAIR: puncture, aspiration, ...) under cover": bounds inside a
    # bracket belong to the treatment's own aside.
    bounds = [b for b in _BOUNDARY.finditer(head) if not inside_brackets(head, b.start())]
    start = bounds[-1].end() if bounds else 0
    end = len(head.rstrip())
    if not head[start:].strip() and bounds:
        end = bounds[-1].start()
        start = bounds[-3].end() if len(bounds) >= 3 else 0
    link = _LEADING_LINK.match(text, start, end)
    listed = re.match(r"(?:and|or)\s", text[start:end], re.IGNORECASE)
    if listed and bounds and bounds[-1].group().startswith(","):
        # "curettage with a burr, a local adjuvant, and packing with cement is the standard":
        # the last item of a list; the phrase is the whole list, back to its clause's start
        # (a leading "In <entity>, " stays out).
        prefix = re.match(r"In [^,]{1,80}, ", text)
        floor = prefix.end() if prefix else 0
        index = len(bounds) - 1
        while (
            index > 0
            and bounds[index - 1].group().startswith(",")
            and bounds[index - 1].end() > floor
            and len(bounds) - index < 3
        ):
            index -= 1
        begin = max(bounds[index - 1].end() if index > 0 else 0, floor)
        if not _VERB.search(text[begin : bounds[-1].start()]):
            return begin, end
    if link:
        start = link.end()
    return start, end


def _affirmed_clause(text: str, start: int, trigger: re.Match[str], lexicon: object) -> bool:
    """Whether the trigger is affirmed within its own clause: "Surgery plays no part, and
    craniectomy is reserved for ..." negates only the first clause. A permissive modal ("may
    be offered") grants an option and is not read as doubt. Words after the trigger belong to
    the indication ("as soon as the diagnosis is suspected"), not to its polarity."""
    clause = text[start : trigger.end()]
    # "angioplasty without stenting is indicated", "drainage rather than aspiration is
    # preferred": the words specify the treatment and do not negate the trigger
    clause = (
        re.sub(
            r"\b(?:without|rather\s+than|instead\s+of)\s.*",
            lambda m: " " * len(m.group()),
            clause[: trigger.start() - start],
            flags=re.IGNORECASE,
        )
        + clause[trigger.start() - start :]
    )
    permissive = lexicon_list(lexicon, "indication", "permissive")
    if permissive and re.match(rf"(?:{phrase_regex(permissive)})\b", trigger.group(), re.I):
        modal = re.match(r"\w+", trigger.group())
        if modal:
            a, b = trigger.start() - start, trigger.start() - start + modal.end()
            clause = clause[:a] + " " * (b - a) + clause[b:]
    return affirmed(clause, lexicon, trigger.start() - start, trigger.end() - start)


def _bare(text: str, trigger: re.Match[str], lexicon: object, exclude: Sequence[str]) -> bool:
    """Whether a trigger ends its sentence with no condition in a sentence naming the entity:
    the treatment is then indicated for the entity itself. A sentence not naming it may be about
    a differential, so it gives nothing."""
    bare = lexicon_list(lexicon, "indication", "bare")
    if not bare or not exclude or not entity_in_text(text, exclude):
        return False
    words = trigger.group().lower().split()
    if f"{words[0]} {words[-1]}" not in {b.lower() for b in bare}:
        return False
    trailing = lexicon_list(lexicon, "indication", "trailing")
    tail = rf"(?:{phrase_regex(trailing)})?" if trailing else ""
    return re.match(rf"\s*{tail}\s*(?:[.;]|$)", text[trigger.end() :], re.IGNORECASE) is not None


def _has_verb(match: re.Match[str], table: dict) -> bool:
    """Whether a verbless line ("<condition>: <treatment>", "<treatment> if <condition>") has a
    verb in its treatment or just after it."""
    verbs = table.get("line_verbs")
    if not verbs:
        return False
    after = match.string[match.end("treatment") :]
    return bool(
        re.search(rf"\b(?:{verbs})\b", match.group("treatment"), re.IGNORECASE)
        or re.match(rf"\s+(?:{verbs})\b", after, re.IGNORECASE)
    )


def _condition_label(match: re.Match[str], table: dict) -> bool:
    """Whether a "<condition>: <treatment>" line names a condition, not a label ("Management:",
    "Risk factors:", "MRI:"); other patterns have no such group and always pass."""
    groups = match.groupdict()
    if "label" not in groups:
        return True
    labels = table.get("not_condition_labels")
    label = (groups.get("label") or "").strip()
    # "Treatment is operative: ..." is a statement leading a line, not a condition's name.
    stated = re.search(r"\b(?:is|are|was|were)\b", label, re.IGNORECASE)
    return (
        not (labels and re.fullmatch(labels, label, re.IGNORECASE))
        and not re.search(r"\d", label)
        and not stated
    )


def _passive(text: str, table: dict, lexicon: object) -> Indication | None:
    """ "Symptomatic laryngoceles are excised": the qualified lesion is the indication.

    The subject must qualify the lesion ("symptomatic", "large"); "The tumour is resected" or
    "Most lesions are drained" states no indication."""
    pattern = table.get("passive")
    match = re.search(pattern, text, re.IGNORECASE) if pattern else None
    if match is None:
        return None
    start, end = match.span("conditions")
    words = text[start:end].split()
    openers = {w.lower() for w in lexicon_list(lexicon, "indication", "passive_not_openers")}
    if len(words) < 2 or len(words) > 6 or words[0].lower() in openers:
        return None
    # "recur if the capsule is breached or the tumour is enucleated": a clause, not a lesion.
    if re.search(
        r"\b(?:is|are|was|were|be|been|if|when|unless|that|which|who|may|can|should|will|has|have)\b",
        text[start:end],
        re.IGNORECASE,
    ):
        return None
    if not affirmed(text, lexicon, match.start("treatment"), match.end("treatment")):
        return None
    if not affirmed(text, lexicon, start, end):
        return None
    conservative = table.get("non_surgical")
    if conservative and re.search(conservative, text[start:end], re.IGNORECASE):
        return None
    return Indication(match.group("treatment"), ((start, end),), clause_start=start)


def _purpose_only(trigger: str, text: str, found: Indication, lexicon: object) -> bool:
    """Whether a purpose trigger ("is used for") names a purpose rather than the patients or
    lesions treated: "embolisation is used for tumours larger than 3 cm" is an indication,
    "is used for devascularisation" is not."""
    purposes = {t.lower() for t in lexicon_list(lexicon, "indication", "purpose_triggers")}
    if " ".join(trigger.lower().split()) not in purposes:
        return False
    heads = lexicon_list(lexicon, "indication", "population_words")
    head_re = re.compile(rf"(?:\S+\s+){{0,3}}(?:{phrase_regex(heads)})\b", re.IGNORECASE)
    return not all(head_re.match(text, s) for s, _ in found.items)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " .,;:":
        end -= 1
    return end


def _name(treatment: str) -> str:
    # a comma inside a bracketed aside does not end the name
    bare = re.sub(r"\([^()]*\)", lambda m: m.group().replace(",", " "), treatment)
    cut = re.search(r",|\s+(?:rather\s+than|instead\s+of)\s", bare)
    head = treatment[: cut.start()] if cut else treatment
    return re.sub(r"^(?:the|a|an)\s+", "", head.strip(), flags=re.IGNORECASE)


def _leading_condition(
    text: str,
    treatment: tuple[int, int],
    after: int,
    table: dict,
    lexicon: object,
    exclude: Sequence[str],
) -> Indication | None:
    """ "In frail patients with a small mass, ablation may be offered instead.": the condition
    leads the sentence when nothing follows the trigger."""
    trailing = lexicon_list(lexicon, "indication", "trailing")
    tail = rf"(?:{phrase_regex(trailing)})?" if trailing else ""
    if not re.match(rf"\s*{tail}\s*(?:[.;]|$)", text[after:], re.IGNORECASE):
        return None
    t_start, t_end = treatment
    bounds = [b for b in _BOUNDARY.finditer(text[:t_start]) if b.group().startswith(",")]
    if not bounds:
        return None
    start = bounds[-2].end() if len(bounds) >= 2 else 0
    segment = text[start : bounds[-1].start()]
    opening = re.match(r"(?:in|for|among)\s+(?:(?:patients|those)\s+with\s+)?", segment, re.I)
    clause = re.match(r"(?:when|if|once|whenever)\s+(?:(?:the|a|an)\s+)?", segment, re.I)
    if clause and "," not in segment and not (exclude and entity_in_text(segment, exclude)):
        # "When both studies agree, a focused excision is performed": one condition clause;
        # its "and" joins the clause's own subjects
        if not affirmed(segment, lexicon):
            return None
        name = re.sub(r"^(?:the|a|an)\s+", "", text[t_start:t_end], flags=re.IGNORECASE)
        return Indication(name, ((start + clause.end(), start + len(segment.rstrip())),))
    if not opening or (exclude and entity_in_text(segment, exclude)):
        return None
    return _indication(
        text[t_start:t_end], text, start + opening.end(), bounds[-1].start(), table, lexicon
    )


def _stop(text: str, start: int, end: int, table: dict) -> int:
    for stop in table.get("stops", []):
        found = text.find(stop, start, end)
        # "for early disease, e.g. tumours confined to the cervix": an abbreviation's full
        # stop ends no list
        while found >= 0 and stop.startswith(".") and re.search(r"\b(?:e\.g|i\.e)$", text[:found]):
            found = text.find(stop, found + 1, end)
        if found >= 0:
            end = found
    clause = table.get("clause_stop")
    # "..., and complete resection, with any dysplastic cortex, is the best predictor": a new
    # clause with its own subject ends the list.
    match = re.compile(clause, re.IGNORECASE).search(text, start, end) if clause else None
    end = match.start() if match else end
    # "..., after endometrial sampling.": a verbless "after"/"following" phrase ending the
    # sentence names a step done first, not a condition; "after infection has been treated"
    # (a clause) stays an item.
    step = re.search(r",\s+(?:after|following)\s+(?P<rest>[^,;]+?)[\s.]*$", text[start:end], re.I)
    if (
        step
        and not _VERB.search(step.group("rest"))
        and not re.search(r"\b\w+(?:ed|s)\b", step.group("rest"))
    ):
        end = start + step.start()
    return end


def _indication(
    treatment: str, text: str, start: int, end: int, table: dict, lexicon: object = None
) -> Indication | None:
    every = table.get("every_reason")
    match = re.match(every, text[start:end], re.IGNORECASE) if every else None
    if match:
        # "for every adenoma because of the risk of X": X is what justifies the treatment.
        start += match.end()
    elif table.get("reason"):
        reason = re.search(table["reason"], text[start:end], re.IGNORECASE)
        # "persistent symptoms clearly due to the lesion, rapid growth, ...": an attribution
        # inside a list qualifies its item; only a reason after the list ends it.
        inside = (
            reason is not None
            and re.match(r"\s*due\s+to\s+(?!the\s+risk)", reason.group(), re.IGNORECASE)
            and "," in text[start + reason.end() : end]
        )
        if reason and not inside:
            end = start + reason.start()
    body = text[start:end]
    spans = []
    for s, e, closed in _connector_segments(body, table):
        spans += [(s + a, s + b) for a, b in _items(body[s:e], lexicon, closed)]
    spans = [piece for s, e in spans for piece in _split_group(body, s, e, table)]
    spans = _without_examples(body, spans, table)
    conservative = table.get("non_surgical")
    failed = table.get("failed_conservative")
    items = tuple(
        (start + s, start + e)
        for s, e in spans
        # "smaller cysts may be managed medically" is no indication for the operation, but
        # "symptoms persist despite medical therapy" is one
        if not (
            conservative
            and re.search(
                conservative,
                re.sub(failed, " ", body[s:e], flags=re.I) if failed else body[s:e],
                re.I,
            )
        )
    )
    if not items:
        return None
    treatment = re.sub(r"^(?:the|a|an)\s+", "", treatment.strip(), flags=re.IGNORECASE)
    # "catheter drainage rather than needle aspiration": the alternative is no part of its name
    # "catheter drainage ... followed by stenting": the first step names the treatment
    treatment = re.split(r"\s+(?:rather\s+than|instead\s+of|followed\s+by)\s", treatment)[0]
    return Indication(treatment, items)


def _without_examples(
    body: str, spans: list[tuple[int, int]], table: dict
) -> list[tuple[int, int]]:
    """The items with the lead of an item's examples taken out: "symptomatic tumours, for
    example those causing pain, jaundice or outlet obstruction" gives "symptomatic tumours",
    "pain", "jaundice" and "outlet obstruction"; "for example", and "those causing" before an
    example, stay visible. An example that only points back ("including those in the spine")
    is no condition of its own and stays visible too."""
    lead = table.get("example_lead")
    if not lead:
        return spans
    kept: list[tuple[int, int]] = []
    for s, e in spans:
        found = re.search(lead, f" {body[s:e]}", re.IGNORECASE)
        if found is None:
            kept.append((s, e))
            continue
        at, after = s + max(found.start() - 1, 0), s + found.end() - 1
        if at > s:
            # "tumours such as those causing pain": the item ends where its examples begin
            kept.append((s, s + len(body[s:at].rstrip(" ,("))))
        pointer = re.match(
            r"(?:those|ones)\s+(?:(?:\w+ing|with|showing)\s+)?", body[after:e], re.IGNORECASE
        )
        if pointer and not pointer.group().rstrip().lower().endswith(("those", "ones")):
            kept.append((after + pointer.end(), e))
        elif pointer is None:
            kept.append((after, e))
    return [(s, e) for s, e in kept if body[s:e].strip(" ,()")]


def _items(body: str, lexicon: object, closed: bool = False) -> list[tuple[int, int]]:
    """The items of one run of conditions that shares a connector; ``closed`` when the run's
    final conjunction went with the next run's connector (", rupture, or when ...")."""
    bare_body = re.sub(r"\([^()]*\)", "", body)
    if "," in bare_body and not closed and not re.search(r"(?:^|\s)(?:and|or)\s", bare_body):
        # "low-grade, small, unifocal tumours": commas without a conjunction join adjectives.
        spans = [(0, len(body.rstrip(" .")))]
    else:
        spans = merge_modifiers(body, split_items(body), lexicon)
        if len(spans) == 2 and "," not in bare_body and _nested_pair(body, spans):
            spans = [(spans[0][0], spans[1][1])]
    return _join_modifiers(body, spans, lexicon)


_PREPOSITION = re.compile(
    r"\b(?:of|with|within|on|at|to|from|by|into|over|under|than|above|below)\b", re.IGNORECASE
)
_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had)\b", re.IGNORECASE)


def _nested_pair(body: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a comma-free "A or B" is one condition: B ends a phrase opened in A ("lesions
    within 1 cm of a nerve or the skin") or completes A's predicate ("the lesion is painful or
    growing"); two noun phrases ("osteoporosis or vertebral fracture") and two clauses ("rupture
    is suspected or drainage fails") are two."""
    first, second = body[slice(*spans[0])], body[slice(*spans[1])]
    # "... or those younger than 10 years" opens a new group of its own
    if re.match(r"(?:those|patients|children|women|men|adults|any|all)\b", second, re.I):
        return False
    # "tumours causing pain or haemorrhage": the pair ends a participle's phrase
    if _PREPOSITION.search(first) or re.search(r"\s\w+ing\s", first):
        return True
    return bool(_VERB.search(first)) and len(second.split()) < 2


def _connector_segments(body: str, table: dict) -> list[tuple[int, int, bool]]:
    """Runs of conditions each led by its own connector, the connector left out.

    "for symptomatic tumours and for torsion, and when a mass cannot be characterised" gives
    three runs; "in all symptomatic patients and, in asymptomatic patients, when A, at B" gives
    "all symptomatic patients", A and B: a group set off by "and, ... ," scopes the runs after
    it and is no condition of its own.
    """
    pattern = table.get("item_connector")
    if not pattern:
        return [(0, len(body), False)]
    cuts = [
        m
        for m in re.finditer(pattern, body, re.IGNORECASE)
        if not inside_brackets(body, m.start()) and m.start() > 0
    ]
    lead = re.match(table.get("item_connector_lead", r"(?!)"), body, re.IGNORECASE)
    segments: list[tuple[int, int, bool]] = []
    start = lead.end() if lead and cuts else 0
    shared = re.search(r"\s+with\s+", body[: cuts[0].start()]) if cuts else None
    if shared and all(re.search(r"\bwith\s+$", c.group(), re.IGNORECASE) for c in cuts):
        # "for renal disease with A, with B, or with C": the head is shared by every run
        start = shared.end()
    scoped = False
    for cut in [*cuts, None]:
        end = cut.start() if cut else len(body)
        # a run set off by "and, <run>," is a scope: it follows a conjunction and a comma and
        # ends at a comma
        if not (scoped and cut is not None and body[cut.start()] == ","):
            closed = cut is not None and re.search(r"\b(?:and|or)\b", cut.group(), re.I)
            segments.append((start, end, bool(closed)))
        if cut is not None:
            start = cut.end()
            scoped = bool(re.match(r"\s*(?:and|or)\s*,", cut.group(), re.IGNORECASE))
    return [(s, e, c) for s, e, c in segments if body[s:e].strip(" ,.;")]


def _join_modifiers(
    body: str, spans: list[tuple[int, int]], lexicon: object
) -> list[tuple[int, int]]:
    """ "older or frail patients": a lone modifier before "or"/"and" qualifies the next item's
    noun and is no indication of its own."""
    modifiers = {w.lower() for w in lexicon_list(lexicon, "indication", "modifier_words")}
    joined: list[tuple[int, int]] = []
    for s, e in spans:
        if joined:
            ps, pe = joined[-1]
            # "CE1 and CE3a cysts": a lone code shares the next item's noun too.
            lone = body[ps:pe]
            if (
                (lone.lower() in modifiers or re.fullmatch(r"[A-Z]{1,4}\d+[a-z]?", lone))
                and re.fullmatch(r"\s+(?:or|and)\s+|\s*,\s+", body[pe:s])
                and len(body[s:e].split()) > 1
            ):
                joined[-1] = (ps, e)
                continue
            # "grade 2 or 3 tumours", "type A or A/B": a number or code after a number or
            # code goes on with the same label.
            # "two or more risk factors": a count goes on with its comparative.
            code = r"(?:\d+[a-z]?|[A-Z]{1,3}(?:/[A-Z]{1,3})?)"
            # "3 mm or more": a measure goes on with its comparative too.
            count = (
                r"(?:\d+(?:\.\d+)?(?:\s*(?:mm|cm|%|ml|kg|g|years?))?|one|two|three|four|five|six)"
            )
            if re.fullmatch(r"\s+(?:or|and)\s+", body[pe:s]) and (
                (re.search(rf"\s{code}$", lone) and re.match(rf"{code}(?:\s|$)", body[s:e]))
                or (
                    re.search(rf"(?:^|\s){count}$", lone, re.IGNORECASE)
                    and re.match(
                        r"(?:more|fewer|less|greater|larger|smaller|above|below)\b",
                        body[s:e],
                        re.IGNORECASE,
                    )
                )
            ):
                joined[-1] = (ps, e)
                continue
        joined.append((s, e))
    # "small, multiple or large lesions": a modifier joins only a run already holding its noun,
    # so joining goes on until nothing changes (each pass shortens the list)
    return _join_modifiers(body, joined, lexicon) if len(joined) < len(spans) else joined


def _split_group(body: str, start: int, end: int, table: dict) -> list[tuple[int, int]]:
    """An item cut in two where a group of patients follows ("symptoms persist despite medical
    therapy in women who have completed childbearing"), and a leading "particularly" dropped
    ("particularly young patients")."""
    lead = table.get("item_leads")
    found = re.match(lead, body[start:end], re.IGNORECASE) if lead else None
    if found and found.end() < end - start:
        start += found.end()
    group = table.get("group_split")
    cut = re.search(group, body[start:end], re.IGNORECASE) if group else None
    if cut is None or cut.start() == 0:
        return [(start, end)]
    return [(start, start + cut.start()), (start + cut.end(), end)]


def _entity(ctx: CaseContext) -> str:
    """Treatment applies to the case's diagnosis when the Discussion names it, else the subject."""
    heads = diagnosis_heads(final_diagnosis(ctx.case), ctx.lexicon)
    prose = " ".join(s.text for s in prose_sentences(ctx.sentences))
    if heads and entity_in_text(prose, [heads[0]]):
        return heads[0]
    return ctx.subject


def _with_antecedent(sentence: Sentence, previous: str | None, lexicon: object) -> Sentence | None:
    """The sentence with a leading pronoun ("It should be postponed until ...") replaced by the
    treatment the previous sentence indicated, or None when there is no such pronoun."""
    pronouns = lexicon_list(lexicon, "indication", "pronouns")
    if not previous or not pronouns:
        return None
    match = re.match(rf"(?:{phrase_regex(pronouns)})\b", sentence.text, re.IGNORECASE)
    if not match:
        return None
    return replace(sentence, text=upper_first(previous) + sentence.text[match.end() :])


def run(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    previous: str | None = None  # the treatment the previous sentence indicated
    names = _names(disc, _entity(ctx))
    for sentence in prose_sentences(ctx.sentences):
        if sentence.text.rstrip().endswith(":"):
            # "X is advised in the following situations:" leads a list (see _list_facts); the
            # words before its colon are no indication.
            continue
        raw = find_indications(sentence.text, ctx.lexicon, names)
        named = [found for found in raw if found.reworded]
        if named:
            # a sentence about another named subject (a differential) gives that subject's card
            for found in named:
                name, short = found.reworded or ("", "")
                parts = cloze_spans(short, list(found.items))
                yield build_fact(
                    ctx, sentence, KIND, slug(norm(name)), name, parts, tags=("management",)
                )
            previous = None
            continue
        if not raw:
            resolved = _with_antecedent(sentence, previous, ctx.lexicon)
            raw = find_indications(resolved.text, ctx.lexicon, names) if resolved else []
            if not raw or resolved is None:
                previous = _treatment_subject(sentence.text, ctx.lexicon)
                continue
            sentence_text: Sentence = resolved
        else:
            sentence_text = sentence
        previous = _written_treatment(sentence_text.text, raw[-1])
        # "Slipped capital femoral epiphysis (SCFE)" is named in a card by its words.
        entity = re.sub(r"\s*\([^()]+\)$", "", _entity(ctx)) or _entity(ctx)
        prepared, entity = prepare(disc, sentence_text, ctx.lexicon, entity)
        for found in find_indications(prepared, ctx.lexicon, _names(disc, entity)):
            yield _fact(ctx, disc, sentence, prepared, entity, found)
    yield from _list_facts(ctx, disc)


def _list_facts(ctx: CaseContext, disc: Any) -> Iterator[Fact]:
    """Facts of a paragraph ending in a colon over list items ("Surgery is indicated for:" /
    "- symptomatic lesions" / "- growth on serial imaging"): the lead and its items read as one
    sentence, one cloze per item. Each item must read as the whole indication of the lead on
    its own ("Surgery is indicated for symptomatic lesions."), else the list gives no card."""
    entity = re.sub(r"\s*\([^()]+\)$", "", _entity(ctx)) or _entity(ctx)
    names = _names(disc, entity)
    for sentence, lead, items, answers in _listed_sentences(ctx, disc):
        lead = _with_copula(lead)
        # The lead is checked on the plain items: a coordinated item ("severe or disabling
        # pain") would read as two indications to find_indication, yet is one list entry.
        plain = [answer for answer in answers if answer and not _coordinated(answer)]
        if plain:
            if not all(_whole_item(lead, item, ctx.lexicon, names) for item in plain):
                continue
        else:
            # Only coordinated items ("failure of A or failure of B"): each must still read
            # whole, from its first word to its last, as what the lead indicates.
            plain = [answer for answer in answers if answer]
            if not all(_whole_item(lead, item, ctx.lexicon, names, True) for item in plain):
                continue
        prepared, named = prepare(disc, sentence, ctx.lexicon, entity)
        first = sentence.text.split(None, 1)[0]
        at = prepared.find(first)
        if at > 1 and prepared[at - 2 : at] == ", ":
            # "In X, Endoscopic excision ...": a lead under a heading line ("Treatment") reads as
            # a capital mid-sentence in the paragraph, so the case's proper words keep it.
            prepared = prepared[:at] + lower_first(prepared[at:])
        spans: list[tuple[int, int]] = []
        position = 0
        found_all = True
        for item, answer in zip(items, answers, strict=True):
            # the items as the prepared sentence writes them: an item spelled out differently
            # (an abbreviation expanded) leaves the list without a card
            at = prepared.lower().find(item.lower(), position)
            if at < 0 and answer:
                # the card spells an abbreviation out ("an HV" -> "a hepatic vein (HV)"): the
                # item is found as spelled out when its answer still opens it
                spelled, spelled_answer = disc.expand(item), disc.expand(answer)
                if spelled.startswith(spelled_answer):
                    item, answer = spelled, spelled_answer
                    at = prepared.lower().find(item.lower(), position)
            if at < 0:
                found_all = False
                break
            position = at + len(item)
            if answer:
                article = len(answer) - len(_bare_item(answer))
                spans.append((at + article, at + len(answer)))
        if not found_all or len(spans) < 2:
            continue
        treatment = find_indication(lead + " " + plain[0] + ".", ctx.lexicon, names)
        if treatment is None:
            continue
        yield _fact(
            ctx, disc, sentence, prepared, named, Indication(treatment.treatment, tuple(spans))
        )


def _with_copula(lead: str) -> str:
    """A telegraphic list lead read with its copula ("Stenting indicated for" reads as "Stenting
    is indicated for"): a note's list lead often drops it, and the trigger needs it."""
    return re.sub(
        r"^(?!.*\b(?:is|are|was|were|be|been|not|no|never)\b)"
        r"(?P<head>(?:[\w-]+\s+){0,3}[\w-]+)\s+(?P<verb>indicated|recommended|advised|"
        r"reserved|required|warranted)\s+(?P<tail>for|in|when|if)$",
        lambda m: f"{m['head']} is {m['verb']} {m['tail']}",
        lead,
    )


def _whole_item(
    lead: str, item: str, lexicon: object, names: Sequence[str], joined: bool = False
) -> bool:
    """Whether "<lead> <item>." states the item whole as the lead's one indication (with
    `joined`, as the lead's indications, read from the first one's start to the last one's end:
    a coordinated item is split by find_indication yet stays one list entry)."""
    text = f"{lead} {item}."
    found = find_indication(text, lexicon, names)
    if found is None or found.treatment_span or (len(found.items) != 1 and not joined):
        return False
    start, end = found.items[0][0], found.items[-1][1]
    return _bare_item(text[start:end].strip(" .")).lower() == _bare_item(item).lower()


def _bare_item(item: str) -> str:
    """An item without its leading article, which the card leaves visible."""
    return re.sub(r"^(?:the|an?)\s+", "", item, flags=re.IGNORECASE)


def _listed_sentences(
    ctx: CaseContext, disc: Any
) -> Iterator[tuple[Sentence, str, list[str], list[str]]]:
    """Each lead over its list items as one sentence ("Surgery is indicated for A, B and C."),
    with the lead, the items and each item's answer (its head before a closing bracket; "" for
    an item that stays visible without a cloze)."""
    table = ctx.lexicon.get("indication", {}) or {}
    treatment_re = treatment_pattern(ctx.lexicon)
    connectors = lexicon_list(ctx.lexicon, "indication", "connectors")
    if treatment_re is None or not connectors:
        return
    ends_linked = re.compile(rf"\s(?:{phrase_regex(connectors)})$", re.IGNORECASE)
    label = table.get("label")
    filler = table.get("list_lead_filler")
    for section in ctx.case.sections:
        if section.kind not in (SectionKind.DISCUSSION, SectionKind.OTHER):
            continue
        blocks = section.blocks
        for index, block in enumerate(blocks):
            if block.kind is not BlockKind.PARAGRAPH or not block.text.rstrip().endswith(":"):
                continue
            listed = []
            for item in blocks[index + 1 :]:
                if item.kind is not BlockKind.LIST_ITEM:
                    break
                listed.append(item.text)
            sentences = split_sentences(block, section.kind)
            if len(listed) < 2 or not sentences:
                continue
            lead_sentence = sentences[-1]
            lead = lead_sentence.text.rstrip()
            # "Treatment" on its own line over the lead is a heading, not part of the treatment.
            last_line = " ".join(block.markdown.strip().splitlines()[-1].split())
            if last_line and lead.endswith(last_line) and len(last_line) < len(lead):
                lead = last_line
            lead = lead[:-1].rstrip()
            if filler:
                lead = re.sub(filler, "", lead, flags=re.IGNORECASE)
            labelled = bool(label and re.match(label, lead + ": x", re.IGNORECASE))
            if not labelled and not ends_linked.search(lead):
                continue
            items = [_list_item(text, disc) for text in listed]
            doubt = table.get("item_doubt")
            kept = [
                item
                for item in items
                if item
                and affirmed(item, ctx.lexicon, 0, len(item))
                and not (doubt and re.search(doubt, item, re.IGNORECASE))
            ]
            if len(kept) < 2:
                continue
            answers = [_item_answer(item, treatment_re) for item in kept]
            if any(answer is None for answer in answers) or sum(map(bool, answers)) < 2:
                continue
            joint = lead + (": " if labelled else " ")
            # items holding a comma of their own read apart with semicolons
            sep = "; " if any("," in item for item in kept) else ", "
            last = "; and " if sep == "; " else " and "
            text = joint + sep.join(kept[:-1]) + last + kept[-1] + "."
            yield (
                replace(lead_sentence, text=text),
                joint.rstrip(),
                kept,
                [answer or "" for answer in answers],
            )


def _list_item(text: str, disc: Any) -> str:
    """A list item as part of a sentence: its closing punctuation and a trailing "and"/"or"
    dropped, its capital lowered."""
    item = re.sub(r"[\s.;,]+$", "", text.strip())
    item = re.sub(r"[\s,;]+(?:and|or)$", "", item, flags=re.IGNORECASE)
    return lower_first(item, disc.proper_words)


def _condition_item(item: str, treatment_re: re.Pattern[str]) -> bool:
    """Whether a list item reads as one short condition: not a treatment ("laparoscopic
    resection" lists options, not indications), not a sentence of its own, no brackets or
    commas the reader could cut it at. One coordinator inside a short item joins words of one
    condition ("severe or disabling flank pain", "haemoptysis requiring transfusion or
    embolisation"), and the item stays whole."""
    opening = " ".join(item.split()[:3])
    return (
        len(item) <= 80
        and not treatment_re.search(opening)
        and not re.search(r"[;:,()]|\.(?!\d)", item)
        and (not _coordinated(_before_relative(item)) or len(item.split()) <= 9)
    )


def _before_relative(item: str) -> str:
    """The item before its relative clause: "or" inside "women who are pregnant or of
    childbearing age" joins two predicates of one relative clause, so it splits no condition."""
    return re.split(r"\s(?:who|whose|that|which)\s", item, maxsplit=1, flags=re.IGNORECASE)[0]


def _coordinated(item: str) -> bool:
    """Whether an item holds "and" or "or" between its words."""
    return bool(re.search(r"\s(?:and|or)\s", item, re.IGNORECASE))


_ITEM_TAIL = (
    r"(?P<head>[^,;:()]+?),\s+(?:(?:treated|managed|repaired|handled)\s+(?:\w+\s+)?(?:with|by)"
    r"|in\s+which\s+case|which\s+(?:is|are|can|may|calls?|requires?|need)|where)\b[^;:]*"
)


def _item_answer(item: str, treatment_re: re.Pattern[str]) -> str | None:
    """The part of a list item its cloze hides: the whole item when it reads as one condition,
    its head when a closing bracket only explains it ("proximal femoral lesions (risk of
    displacement)"), "" when the item is no clean condition but may stay visible (a comma
    inside it), and None when it is a treatment, which makes the list no list of indications."""
    if _condition_item(item, treatment_re):
        return item
    head = re.fullmatch(r"(?P<head>[^()]+?)\s*\([^()]+\)", item)
    if head and _condition_item(head.group("head"), treatment_re):
        return head.group("head")
    # "failure of anticoagulation, in which case a shunt is placed", "short stenosis, treated
    # with stenting": a clause after the comma says what is done; the head is the condition.
    head = re.fullmatch(_ITEM_TAIL, item, re.IGNORECASE)
    if head and _condition_item(head.group("head"), treatment_re):
        return head.group("head")
    opening = " ".join(item.split()[:3])
    if treatment_re.search(opening) or re.search(r"[;:]|\.(?!\d)", item) or len(item) > 120:
        return None
    return ""


def _treatment_subject(text: str, lexicon: object) -> str | None:
    """The treatment a sentence is about when it is the subject of a copula ("Excision, open
    or endoscopic, is the only cure."), for a pronoun in the next sentence; else None."""
    treatment_re = treatment_pattern(lexicon)
    match = re.match(
        r"(?P<treatment>[^,;:()]+?)\s*(?:\([^()]*\)\s*)?(?:,[^,;]+,\s*)?"
        r"(?:is|are|remains|remain)\s+(?:the|a|an)\b",
        text,
    )
    if match is None or treatment_re is None:
        return None
    treatment = match.group("treatment")
    if len(treatment.split()) > 5 or not treatment_re.search(treatment):
        return None
    if not affirmed(text, lexicon, 0, match.end()):
        return None
    return treatment


def _names(disc: Any, entity: str) -> list[str]:
    """The entity's names, with a written-out abbreviation taken apart: "Slipped capital
    femoral epiphysis (SCFE)" is named by "SCFE" and by the words before the bracket."""
    names = list(disc.names_for(entity))
    for name in list(names):
        spelled = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
        if spelled:
            names += [spelled.group(1), spelled.group(2)]
    return names


def _fact(
    ctx: CaseContext, disc: Any, sentence: Sentence, text: str, entity: str, found: Indication
) -> Fact:
    """The card of one indication: the sentence, or its own clause when it has one."""
    items = list(found.items)
    if found.treatment_span:
        items = sorted([*items, found.treatment_span])
    start = found.clause_start
    end = found.clause_end if found.clause_end is not None else len(text)
    body = text[start:end].rstrip(" ,;")
    if not body.endswith((".", "!", "?")):
        body += "."
    items = [(s - start, e - start) for s, e in items]
    names = disc.names_for(entity)
    parts: list[str | Answer]
    if found.treatment_span and not found.items and not start:
        parts = name_parts(cloze_spans(body, items), entity, names, disc.proper_words)
    elif start or _named_inside_only(body, items, names):
        parts = cloze_spans(upper_first(body), items)
        if _named_inside_only(body, items, names):
            # "Symptomatic laryngoceles are excised": a name inside the answer names nothing.
            parts = _prefixed(parts, entity, disc.proper_words)
        else:
            parts = name_parts(parts, entity, names, disc.proper_words)
    else:
        parts = cloze_spans(body, items)
    return build_fact(
        ctx,
        sentence,
        KIND,
        # An aside listing steps ("(PAIR: puncture, aspiration, ...)") is no part of the key.
        slug(norm(re.sub(r"\s*\([^()]*[:,][^()]*\)", "", found.treatment))),
        entity,
        parts,
        tags=("management",),
    )


def _named_inside_only(text: str, items: list[tuple[int, int]], names: Sequence[str]) -> bool:
    """Whether the entity is named only inside the answer spans, or the card opens with an
    answer (its hidden subject) and names it nowhere else."""
    outside = text
    for s, e in items:
        outside = outside[:s] + " " * (e - s) + outside[e:]
    if entity_in_text(outside, names):
        return False
    return entity_in_text(text, names) or any(s == 0 for s, _ in items)


def _prefixed(parts: list[str | Answer], entity: str, proper: Any) -> list[str | Answer]:
    """Parts opened with "In <entity>, "."""
    lead = f"In {lower_first(entity, proper)}, "
    first = parts[0] if parts else ""
    if isinstance(first, Answer):
        return [lead, Answer(lower_first(first.text, proper), first.index, first.hint), *parts[1:]]
    return [lead + lower_first(first, proper), *parts[1:]]


def _written_treatment(text: str, found: Indication) -> str:
    """The treatment as the sentence writes it, for a pronoun in the next sentence."""
    match = re.search(re.escape(found.treatment), text, re.IGNORECASE)
    return text[match.start() : match.end()] if match else found.treatment


RULE = Rule(
    name="indication",
    kind=KIND,
    priority=30,
    doc="When surgery or an intervention is indicated: one fact per treatment, a cloze each.",
    run=run,
)
