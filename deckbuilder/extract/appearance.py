"""sequence-appearance: what a finding looks like on a sequence, phase or modality.

"The calcified lesions were hypointense on fat-saturated T2WI" gives one card with the sequence
visible and the appearance hidden. A sentence is read in four steps:

1. Mentions of sequences, phases and modalities are found with ``lexicons/sequences.yaml``
   (longest wins), adjacent ones are combined ("after contrast ... on T1WI" is contrast-enhanced
   T1WI) and coordinated ones grouped ("fat-saturated T2 and STIR images").
2. Appearance terms are found with ``lexicons/appearance.yaml`` and widened to the answer:
   degree and pattern words before ("mild", "coarse") and a head noun after ("rim", "foci").
3. Each affirmed term (see :mod:`deckbuilder.extract.polarity`) is paired with a group: the
   group it is said to be *on* ("hypointense on T2WI"), else the one glued before it
   ("T2-hyperintense"), else the nearest group before it in the sentence ("On DWI the lesions
   show restricted diffusion"). A diffusion term alone implies DWI; any other term in a sentence
   naming no sequence or modality gives no card.
4. One fact per (sequence, appearance): the clause holding both, naming whose fact it is. In the
   Imaging Findings the lesion is this patient's ("In this case (57-year-old woman with
   dermatomyositis), ..."), built from the front matter and the Clinical History only, never
   from the Final Diagnosis. In the Discussion the paragraph's topic is named, as the other
   rules do.

A sentence that contrasts two entities ("peripherally located in MO, in contrast to osteosarcoma
in which they are located centrally") gives one fact with both answers (c1 and c2). It stays
kind ``sequence-appearance`` so that one rule has one kind and ``suppress`` works by kind; its
key ends in ``<entity>-vs-<other>``.

Keys are ``<section>-<sequence id>-<group>`` in the Imaging Findings and
``<section>-<sequence id>-<topic>-<group>`` elsewhere, where group is the appearance's lexicon
group (signal, enhancement, ...), so rewording an answer keeps its key; a second, different
appearance of the same group gets its own slug appended.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from deckbuilder.extract.base import MAX_TEXT_CHARS, CaseContext, Rule
from deckbuilder.extract.polarity import Polarity, PolarityMatcher, matcher
from deckbuilder.extract.pronouns import findings_lesion
from deckbuilder.extract.subject import UNSURE, case_discourse, clause_entity, prepare
from deckbuilder.extract.text import (
    Answer,
    build_fact,
    case_summary,
    clean,
    inside_brackets,
    lexicon_list,
    lower_first,
    name_parts,
    norm,
    patient_phrase,
    singular,
    slug,
    upper_first,
)
from deckbuilder.lexicon import Lexicon
from deckbuilder.model import BlockKind, Fact, SectionKind, Sentence

__all__ = ["KIND", "RULE", "Finding", "find_appearances", "run", "vignette"]

KIND = "sequence-appearance"
_MAX_TEXT = 380
_MAX_ANSWER = 90
_SEP = r"[\s\-\u2010-\u2015]+"
_PREPOSITIONS = re.compile(
    r"(?<![\w-])(?:on|in|at|during|with|using|after|following|by|from)(?![\w-])", re.I
)
_GLUE = re.compile(r"^[\s\-\u2010-\u2015]*$")
_COORDINATION = re.compile(
    r"^\s*(?:,\s*)?(?:and|or|/|&|as well as|and on|or on|and in|and the|or the)?\s*"
    r"(?:,\s*)?(?:even more,\s*)?$",
    re.I,
)
_COMBINATION = re.compile(r"^\s*,?\s*(?:(?:on|in|at|of|with|using|the|a|an|and)\s+)*$", re.I)
_PHASE_WORD = re.compile(r"(?<![\w-])(?:arterial|early|delayed|late|venous|portal)(?![\w-])", re.I)
_LEADING_LINK = re.compile(r"^[\s,;:]*(?:(?:and|but|whereas|while|although|though)\s+)?", re.I)
# What may follow an answer's last word when that word closes its phrase.
_ENDS_PHRASE = re.compile(
    r"\s*(?:[,;:.)(]|$)|\s+(?:and|or|but|on|in|at|with|after|during|to|than|throughout|"
    r"whereas|while|compared|relative|before|following|from|within|along)(?![\w-])",
    re.I,
)
# "nodal metastases lack the intense arterial enhancement": a lack is no finding.
_LACKS = re.compile(
    r"(?<![\w-])(?:lacks?|lacking|lacked)\s+(?:the\s+|an?\s+|any\s+)?(?:[\w-]+\s+){0,3}$", re.I
)
# "none of the cysts was found to contain an enhancing nodule": the clause denies the finding.
_NONE_OF = re.compile(r"(?<![\w-])(?:none|neither)\s+of(?![\w-])[^,;:.()]*$", re.I)
# "..., while the thyroid washes out": the finding of a subject set against the first one.
_SET_AGAINST = re.compile(
    r"(?<![\w-])(?:while|whereas)\s+(?:the|its|their)\s+(?P<subject>[\w-]+(?:\s+[\w-]+)?)\s+$",
    re.I,
)
_ALTERNATIVE_BEFORE = re.compile(r"(?<![\w-])[\w-]+,?\s+or\s+$", re.I)
# "<term> (and ...) was <another term>": the first term is what the clause describes.
_COPULA_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+[^,;:.()]{1,40}?|\s+[a-z][\w-]*)?\s+(?:is|are|was|were)\s+"
    r"(?:(?:often|usually|typically|mostly|also|both|all)\s+)?",
    re.I,
)
# "..., and its wall was thickened": a clause opening with a pronoun, or a noun phrase a
# possessive pronoun opens, has its antecedent in the clause before.
_SUBJECT_PRONOUNS = frozenset({"it", "they", "its", "their"})
# Words after which a comma-joined modifier opens a noun phrase ("a thick, enhancing rim");
# after any other word ("one vertebral body long, hyperintense") the modifier closes a phrase of
# its own and is no part of the next term.
_PHRASE_OPENERS = frozenset(
    {
        "a",
        "an",
        "the",
        "its",
        "their",
        "this",
        "these",
        "those",
        "with",
        "of",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "very",
        "by",
        "as",
    }
)
_COMPARED = re.compile(r"\s+than(?![\w-])", re.I)
_HALF_COMPARISON = re.compile(
    r"\s+(?:much\s+|far\s+)?(?:less|more|lower|higher|greater)\s+than(?![\w-])", re.I
)
# A comparison's object, short and closed by punctuation or a new clause: "than the cortex".
_COMPARISON_OBJECT = re.compile(
    r"(?:\s+(?:much\s+|far\s+)?(?:less|more|lower|higher|greater))?\s+than"
    # The object stops before a new clause or a setting ("than the spleen on T2WI"); only its
    # first word may be "on"/"in" ("thinner than on CT").
    r"\s+(?!(?:and|or|but|which|that|whereas|while|with|because|due|owing)\b)[\w'-]+"
    r"(?:\s+(?!(?:and|but|which|that|whereas|while|with|in|on|because|due|owing)\b)[\w'-]+)"
    r"{0,4}(?=\s*[,;:.)]|\s*\(|\s+(?:and|but|which|that|whereas|while|with|in|on|because|"
    r"due|owing)\b|\s*$)",
    re.I,
)


def _comparison_end(text: str, pos: int) -> int | None:
    """Where a comparison written right after ``pos`` ends, when it is short and whole."""
    if not _COMPARED.match(text, pos) and not _HALF_COMPARISON.match(text, pos):
        return None
    found = _COMPARISON_OBJECT.match(text, pos)
    if not found or found.end() - pos > 50:
        return None
    return pos + len(text[pos : found.end()].rstrip())


# The degree words that may open a comparison: "much less bright", "slightly brighter".
_DEGREE = r"much|far|even|slightly|somewhat"
# "much less bright", "slightly more heterogeneous": a comparative word before a term.
_COMPARATIVE_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?:{_DEGREE}|considerably|markedly|a\s+little)\s+)?"
    r"(?<!\bor\s)(?<!\bno\s)(?:less|more)\s+$",
    re.I,
)
# A comparative adjective alone ("brighter", "darker"): it needs an object or a head noun.
_BARE_COMPARATIVE = re.compile(r"[a-z]+er", re.I)
# An answer ending in a comparative adjective: "brighter", "much less bright".
_ENDS_COMPARATIVE = re.compile(
    rf"(?:(?<![\w-])[a-z]+er|^(?:(?:{_DEGREE})\s+)?(?:less|more)\s+[\w-]+)$",
    re.I,
)
# A comparative term ("brighter", "lower attenuation") is completed by its "than ...".
_COMPARATIVE_TERM = re.compile(
    rf"^(?:(?:{_DEGREE}|little|bit)\s+)?"
    r"(?:less|more|lower|higher|[a-z]+er)(?![\w-])",
    re.I,
)


_SPLITS_COMPOUND = re.compile(r"[\s\-]+(?:spot\s+)?sign(?![\w-])", re.I)
_CLAUSE_BREAK = re.compile(
    r";\s*|:\s+|,\s+(?=(?:and|but|whereas|while|although|though)\b)|\s+(?=but\b|whereas\b)",
    re.I,
)


# --- lexicon compilation -------------------------------------------------------------------


_WORD_START = r"(?<![\w*\-])"


def _phrase_regex(phrase: str, plural: bool = False) -> str:
    words = [w for w in re.split(r"[\s\-\u2010-\u2015]+", phrase.strip()) if w]
    body = _SEP.join(re.escape(w) for w in words)
    if plural:
        body += r"(?:e?s)?"
    lead = _WORD_START if re.match(r"\w", phrase) else ""
    tail = r"(?![\w*])" if re.search(r"[\w*]$", phrase) else ""
    pattern = f"{lead}{body}{tail}"
    letters = [c for c in phrase if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(phrase) <= 7:
        # Acronyms match as written: "US" is ultrasound, "us" is a pronoun.
        return f"(?-i:{pattern})"
    return pattern


def _alternation(patterns: Sequence[str]) -> re.Pattern[str]:
    # The word-start guard is checked once for all phrases that begin with a word, not once per
    # phrase: matching a sentence against every sequence's phrases is the rule's hot path.
    guarded = [p[len(_WORD_START) :] for p in patterns if p.startswith(_WORD_START)]
    unguarded = [p for p in patterns if not p.startswith(_WORD_START)]
    branches = [f"(?:{p})" for p in unguarded]
    if guarded:
        branches.insert(0, _WORD_START + "(?:" + "|".join(f"(?:{p})" for p in guarded) + ")")
    return re.compile("|".join(branches), re.I)


def _expand(phrase: str, aliases: Mapping[str, Sequence[str]]) -> list[str]:
    match = re.search(r"\{(\w+)\}", phrase)
    if not match:
        return [phrase]
    options = aliases.get(match.group(1), [])
    results: list[str] = []
    for option in options:
        results.extend(_expand(phrase[: match.start()] + option + phrase[match.end() :], aliases))
    return results


@dataclass(frozen=True)
class _SequenceKind:
    id: str
    label: str
    contextual: bool
    pattern: re.Pattern[str]
    setting: str = ""  # how a card names it after "on" ("radiographs", "CT")


@dataclass(frozen=True)
class _TermGroup:
    name: str
    implies: str | None
    pattern: re.Pattern[str]
    # The answer takes in the phase written after it ("increasing on delayed images").
    absorbs_setting: bool = False


def _word_list(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return re.compile("|".join(_phrase_regex(w) for w in ordered), re.I)


def _whole_words(words: Sequence[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word: a hyphen joins words ("in-phase" holds no "in")."""
    return re.compile(rf"(?<![\w-])(?:{_longest_first(words)})(?![\w-])", re.I)


def _longest_first(words: Sequence[Any]) -> str:
    """``words`` escaped as regex alternatives, the longest first so a longer phrase wins."""
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len)[::-1])


class _Tables:
    """The sequences and appearance lexicons compiled once per run."""

    def __init__(self, lexicon: Any) -> None:
        sequences = lexicon.get("sequences", None) or {}
        appearance = lexicon.get("appearance", None) or {}
        aliases = sequences.get("aliases") or {}
        self.sequences: list[_SequenceKind] = []
        for entry in sequences.get("sequences") or []:
            phrases = [p for raw in entry.get("phrases", []) for p in _expand(str(raw), aliases)]
            if not phrases:
                continue
            ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
            self.sequences.append(
                _SequenceKind(
                    id=str(entry["id"]),
                    label=str(entry.get("label", entry["id"])),
                    contextual=bool(entry.get("contextual", False)),
                    pattern=_alternation([_phrase_regex(p) for p in ordered]),
                    setting=str(entry.get("setting", entry.get("label", entry["id"]))),
                )
            )
        self.by_id = {s.id: s for s in self.sequences}
        # "C+: ring enhancement": abbreviations that name a setting only as a line's label.
        self.label_only: list[tuple[str, re.Pattern[str]]] = []
        for setting_id, labels in (sequences.get("label_only") or {}).items():
            alternatives = _longest_first(labels)
            if alternatives:
                self.label_only.append(
                    (
                        str(setting_id),
                        re.compile(rf"(?:^|(?<=[;,.]))[\s*\u2022-]*({alternatives})(?=\s*:\s)"),
                    )
                )
        telegraphic = appearance.get("telegraphic") or {}
        words = _longest_first(telegraphic.get("values") or [])
        level_modifiers = "|".join(re.escape(str(w)) for w in telegraphic.get("modifiers") or [])
        # "T1: iso; T2 high": a short level written right after its sequence, as a whole
        # item of a list; a range ("iso- to hyperintense") is one answer.
        self.telegraphic_value = (
            re.compile(
                # "T1-weighted imaging (T1WI): low": the label's abbreviation sits before its colon.
                r"(?:(?:\s*\([^()]{1,24}\))?\s*:\s*|\s+)(?P<value>"
                + (rf"(?:(?:{level_modifiers})\s+)?" if level_modifiers else "")
                + rf"(?:{words})(?:\s*-?\s*(?:to|/)\s*(?:{words}))?)"
                # "T2: intermediate to high (heterogeneous);": a short bracketed aside may follow.
                + r"(?:\s*\([^()]{1,30}\))?\s*(?=[;,.]|$)",
                re.I,
            )
            if words
            else None
        )
        trailing = sequences.get("trailing") or []
        self.trailing = (
            re.compile(rf"\s+(?:{'|'.join(_phrase_regex(t) for t in trailing)})", re.I)
            if trailing
            else None
        )
        self.combine: dict[tuple[str, str], str] = {}
        for rule in sequences.get("combine") or []:
            first, second = rule["parts"]
            self.combine[(first, second)] = rule["id"]
            self.combine[(second, first)] = rule["id"]

        self.groups: list[_TermGroup] = []
        graded = appearance.get("graded") or {}
        prefixes = "|".join(re.escape(p) for p in graded.get("prefixes", []))
        stems = _longest_first(graded.get("stems", []))
        if prefixes and stems:
            # "hypointense", "iso- to hyperintense", "hypo/isointense"
            one = rf"(?:{prefixes})[\s\-]?(?:{stems})"
            ranged = rf"(?:{prefixes})\s*-?\s*(?:to|or|and|/)\s*(?:{prefixes})[\s\-]?(?:{stems})"
            # "isointense or hypointense", "isointense to slightly hypointense": two whole
            # grades joined by "or"/"to" are one range, never two cards each hiding half.
            degrees = _longest_first(graded.get("range_degrees", []))
            degree = rf"(?:(?:{degrees})\s+)?" if degrees else ""
            ranged += (
                rf"|(?:{prefixes})[\s\-]?(?:{stems})\s+(?:to|or)\s+{degree}"
                rf"(?:{prefixes})[\s\-]?(?:{stems})"
            )
            # A hyphen may glue a sequence before a grade ("T2-hyperintense").
            grade_pattern = re.compile(rf"(?<!\w)(?:{ranged}|{one})(?![\w-])", re.I)
            self.groups.append(_TermGroup("signal", None, grade_pattern))
        self.graded_modalities: list[tuple[str, re.Pattern[str]]] = []
        for modality, own_stems in (graded.get("modalities") or {}).items():
            alternatives = _longest_first(own_stems)
            if prefixes and alternatives:
                self.graded_modalities.append(
                    (
                        str(modality),
                        re.compile(
                            rf"(?<!\w)(?:{prefixes})[\s\-]?(?:{alternatives})(?![\w-])", re.I
                        ),
                    )
                )
        for name, entry in (appearance.get("groups") or {}).items():
            terms = sorted({str(t) for t in entry.get("terms", [])}, key=lambda t: (-len(t), t))
            if terms:
                self.groups.append(
                    _TermGroup(
                        str(name),
                        entry.get("implies"),
                        _alternation([_phrase_regex(t, plural=True) for t in terms]),
                    )
                )
        for name, patterns in (appearance.get("patterns") or {}).items():
            self.groups.append(_TermGroup(str(name), None, _alternation(list(patterns))))
        kinetics = appearance.get("kinetics") or []
        if kinetics:
            self.groups.append(
                _TermGroup("enhancement", "post-contrast", _alternation(list(kinetics)), True)
            )
        adverbs = _word_list(appearance.get("post_modifiers") or [])
        # "enhances brightly and homogeneously": up to two adverbs, the second after "and".
        self.post_modifier = (
            re.compile(
                rf"\s+(?:{adverbs.pattern})(?:\s*,?\s+(?:and\s+)?(?:{adverbs.pattern}))?", re.I
            )
            if adverbs
            else None
        )
        self.one_post_modifier = re.compile(rf"\s+(?:{adverbs.pattern})", re.I) if adverbs else None
        # "gyral enhancement": an adjective written just before a term qualifies it and belongs
        # to the answer, lest the card hide a generic word and show the informative one.
        suffixes = "|".join(re.escape(x) for x in appearance.get("adjective_suffixes") or [])
        self.adjective = (
            re.compile(rf"(?<![\w-])([A-Za-z][a-z]+(?:{suffixes}))\s+$") if suffixes else None
        )
        self.adjective_stop = {norm(w) for w in appearance.get("adjective_stop") or []}
        self.noun_taking = {norm(w) for w in appearance.get("noun_taking") or []}
        self.noun_stop = {norm(w) for w in appearance.get("noun_stop") or []}
        tails = _word_list(appearance.get("compound_tails") or [])
        self.compound_tail = re.compile(rf"[\s\-]+(?:{tails.pattern})", re.I) if tails else None
        self.absence_modifiers = {norm(w) for w in appearance.get("absence_modifiers") or []}
        self.absence_groups = set(appearance.get("absence_groups") or [])
        self.predicated = {norm(w) for w in appearance.get("predicated") or []}
        self.mimic = _word_list(appearance.get("mimic_cues") or [])
        self.qualifier_groups = set(appearance.get("qualifier_groups") or [])
        self.coordinated_groups = set(appearance.get("coordinated_groups") or [])
        self.disease_names = _word_list(appearance.get("disease_names") or [])
        self.back_reference = _word_list(appearance.get("back_references") or [])
        negators = _word_list(appearance.get("negated_verbs") or [])
        self.negated_verb = re.compile(rf"(?:{negators.pattern})\s+", re.I) if negators else None
        self.hedge_after = _word_list(appearance.get("hedges_after") or [])
        focus = _word_list(appearance.get("focus_adverbs") or [])
        self.trailing_focus = re.compile(rf"\s+(?:{focus.pattern})$", re.I) if focus else None
        # "loss of the normal zone of ...", "the normal fat plane was effaced": a look that
        # was lost is not a look of the lesion.
        lost = _word_list(appearance.get("loss_nouns") or [])
        self.lost_before = (
            re.compile(
                rf"(?<![\w-])(?:{lost.pattern})\s+of\s+(?:the\s+|its\s+|their\s+|an?\s+)?"
                r"(?:[\w-]+\s+){0,3}$",
                re.I,
            )
            if lost
            else None
        )
        gone = _word_list(appearance.get("loss_participles") or [])
        self.lost_after = (
            re.compile(
                r"[^,;:.()]{0,60}?\s(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
                rf"(?:[\w-]+ly\s+)?(?:{gone.pattern})(?![\w-])",
                re.I,
            )
            if gone
            else None
        )
        self.clause_verbs = {norm(v) for v in appearance.get("clause_verbs") or []}
        # The subject table's verbs, for reading a clause's lead back to its subject.
        self.subject_verbs = set(lexicon_list(lexicon, "subject", "verbs"))
        gap = appearance.get("list_gap")
        self.list_gap = re.compile(str(gap), re.I) if gap else None
        opener = appearance.get("list_openers") or []
        self.list_opener = _word_list(opener)
        self.list_places = {norm(w) for w in appearance.get("list_places") or []}
        self.list_clause_word = _whole_words(appearance.get("list_clause_words") or [])
        self.list_negator = _whole_words(appearance.get("list_negators") or [])
        self.calcification_settings = set(appearance.get("calcification_settings") or [])
        self.unenhanced_settings = set(appearance.get("unenhanced_settings") or [])
        modifiers = appearance.get("modifiers") or []
        denied = _word_list(appearance.get("denied_participles") or [])
        absent = _word_list(appearance.get("denied_adjectives") or [])
        self.denied_after = (
            re.compile(
                r"(?P<gap>(?:\s+(?!(?:and|or|but|with|whereas|while)\b)[\w-]+){0,5}?)\s+(?:"
                r"(?:could|can|cannot|did|does|do|was|were|is|are|has|have|had|may|might|"
                r"would|will)(?:\s+not|n't|not)\s+(?:(?:be|been|have\s+been)\s+)?"
                rf"(?:{denied.pattern})|(?:was|were|is|are|remained|remains)\s+"
                rf"(?:{absent.pattern}))(?![\w-])",
                re.I,
            )
            if denied and absent
            else None
        )
        openers = appearance.get("range_openers") or []
        # "mildly to ": the first degree of a range whose second degree opens the answer.
        self.range_opener = (
            re.compile(
                rf"(?<![\w-])(?:{'|'.join(_phrase_regex(m) for m in openers)})\s+to\s+$", re.I
            )
            if openers
            else None
        )
        self.modifier = (
            re.compile(
                rf"(?:{'|'.join(_phrase_regex(m) for m in sorted(set(modifiers), key=len)[::-1])})"
                # "peripheral and septal enhancement": coordinated modifiers share the term
                # (taken only after a first modifier, see `_terms`).
                r"(?:\s*,)?(?P<link>\s+(?:and|or))?\s+$",
                re.I,
            )
            if modifiers
            else None
        )
        heads = appearance.get("heads") or []
        self.head = (
            re.compile(rf"\s+(?:{'|'.join(_phrase_regex(h) for h in heads)})", re.I)
            if heads
            else None
        )
        contents = _word_list(appearance.get("head_contents") or [])
        self.head_content = (
            re.compile(rf"\s+of\s+(?:{contents.pattern})(?![\w-])", re.I) if contents else None
        )
        self.vague = {norm(v) for v in appearance.get("vague") or []}
        self.weak = {norm(v) for v in appearance.get("weak") or []}
        markers = appearance.get("contrast_markers") or []
        self.contrast = (
            re.compile("|".join(_phrase_regex(m) for m in markers), re.I) if markers else None
        )
        self.polarity: PolarityMatcher = matcher(lexicon)
        self.group_settings = {
            str(k): set(v or []) for k, v in (appearance.get("group_settings") or {}).items()
        }
        tissues = _word_list(appearance.get("reference_tissues") or [])
        cues = _word_list(appearance.get("reference_cues") or [])
        # "isointense to muscle": a graded term's comparison with a tissue is part of it.
        self.graded_reference = (
            re.compile(
                # "isoattenuating to the extraocular muscles": an article and one qualifier
                # may stand before the tissue.
                rf"\s+(?:to|relative\s+to)\s+(?:the\s+)?(?:(?!(?:and|or)\b)[a-z][\w-]+\s+)?"
                rf"(?:{tissues.pattern})(?![\w-])",
                re.I,
            )
            if tissues
            else None
        )
        # "hypointense on T2WI, similar to skeletal muscle": the tissue is an answer of its own.
        self.reference = (
            re.compile(
                rf",\s*(?:{cues.pattern})\s+(?P<tissue>{tissues.pattern})(?=\s*[,;:.)]|\s*$)",
                re.I,
            )
            if tissues and cues
            else None
        )
        levels = _word_list(appearance.get("levels") or [])
        subject_pattern = appearance.get("level_subject")
        self.level = (
            re.compile(
                rf"(?<![\w-]){subject_pattern}(?P<level>{levels.pattern})"
                rf"(?:\s+(?:and|or)\s+(?:(?:often|frequently|usually|sometimes)\s+)?"
                rf"(?P<second>{levels.pattern}))?",
                re.I,
            )
            if levels and subject_pattern
            else None
        )
        self.elsewhere = _word_list(appearance.get("elsewhere_cues") or [])
        labels = _word_list(appearance.get("teaching_labels") or [])
        self.generic_labels = {norm(w) for w in appearance.get("generic_label_words") or []} | {
            norm(w) for w in appearance.get("teaching_labels") or []
        }
        # "LCPD = idiopathic osteonecrosis ...", "Epidemiology: peak 4-8 y".
        self.teaching = re.compile(
            r"^(?:[A-Z][\w'-]*(?:\s+[\w'-]+){0,3}\s+=\s"
            + (rf"|(?:{labels.pattern})\s*:)" if labels else ")"),
        )


# --- finding mentions and terms -----------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    id: str


@dataclass(frozen=True)
class _Term:
    start: int  # the answer, widened by modifiers and a head noun
    end: int
    core_start: int  # the lexicon term itself
    core_end: int
    group: str
    implies: str | None
    absorbs_setting: bool = False


_ALL_SEQUENCES = re.compile(
    r"\s+on\s+(?:all|every)\s+(?:(?:MR|MRI)\s+)?(?:sequences?|images)(?![\w-])", re.I
)
# "restricted diffusion with low ADC in the cavity favors abscess over necrotic tumor": what is
# set aside is another entity, not a look.
_ALTERNATIVE = re.compile(r"(?<![\w-])(?:over|rather\s+than|instead\s+of)\s+$", re.I)
# "intrarenal gas is seen as echogenic foci": the term is what the clause describes.
_SEEN_AS = re.compile(
    r"\s+(?:(?:is|are|was|were)\s+(?:typically\s+|usually\s+|often\s+)?(?:seen|visible|"
    r"depicted|shown|identified)|appears?|presents?|manifests?)\s+as(?![\w-])",
    re.I,
)


def _extra_candidates(
    text: str, tables: _Tables, candidates: list[tuple[int, int, int, Any]]
) -> list[tuple[int, int, int, Any]]:
    """Terms not in a word list: levels said of a signal ("T1 signal is most often high") and
    reference tissues ("..., similar to skeletal muscle")."""
    extra: list[tuple[int, int, int, Any]] = []
    order = len(tables.groups)
    if tables.level is not None:
        level_group = _TermGroup("signal", None, tables.level)
        for found in tables.level.finditer(text):
            for name in ("level", "second"):
                if found.group(name):
                    extra.append((found.start(name), found.end(name), order, level_group))
    if tables.reference is not None:
        reference_group = _TermGroup("signal", None, tables.reference)
        for found in tables.reference.finditer(text):
            cue = found.start()
            # Only right after a signal, density or echo word of the same clause.
            if any(
                group.name in ("signal", "attenuation", "echo")
                and end <= cue
                and cue - end <= 40
                and not re.search(r"[;:.]", text[end:cue])
                for _, end, _, group in candidates
            ):
                extra.append((found.start("tissue"), found.end("tissue"), order, reference_group))
    return extra


def _longest(
    candidates: list[tuple[int, int, int, Any]],
) -> list[tuple[int, int, Any]]:
    """Non-overlapping candidates, longest first, then earlier, then lexicon order."""
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    kept: list[tuple[int, int, Any]] = []
    for start, end, _, value in candidates:
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append((start, end, value))
    return sorted(kept, key=lambda k: (k[0], k[1]))


def _scan(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    return (m for m in pattern.finditer(text) if m.end() > m.start())


def _mentions(text: str, tables: _Tables) -> list[_Mention]:
    candidates = [
        (m.start(), m.end(), order, kind.id)
        for order, kind in enumerate(tables.sequences)
        for m in _scan(kind.pattern, text)
    ]
    kept = _longest(candidates)
    found = [_Mention(s, e, v) for s, e, v in kept if not _defines_other_name(text, s, e, kept)]
    for setting_id, label in tables.label_only:
        for match in label.finditer(text):
            if not any(m.start < match.end(1) and match.start(1) < m.end for m in found):
                found.append(_Mention(match.start(1), match.end(1), setting_id))
    found.sort(key=lambda m: (m.start, m.end))
    widened: list[_Mention] = []
    for mention in found:
        end = mention.end
        if tables.trailing:
            tail = tables.trailing.match(text, end)
            if tail:
                end = tail.end()
        widened.append(_Mention(mention.start, end, mention.id))
    # Adjacent mentions that together name one series become one mention.
    merged: list[_Mention] = []
    for mention in widened:
        if merged:
            previous = merged[-1]
            combined = tables.combine.get((previous.id, mention.id))
            if combined and _COMBINATION.match(text[previous.end : mention.start]):
                merged[-1] = _Mention(previous.start, mention.end, combined)
                continue
        merged.append(mention)
    return merged


def _defines_other_name(
    text: str, start: int, end: int, mentions: Sequence[tuple[int, int, Any]]
) -> bool:
    """Whether ``text[start:end]`` is an acronym in brackets defining the name before it.

    "the celiac trunk (CT)", "the common duct (CD)": the initials of the words before the
    brackets spell the acronym, so it names that structure, not a modality. "computed
    tomography (CT)" defines the modality itself: those words are a mention of their own.
    """
    acronym = text[start:end]
    if not re.fullmatch(r"[A-Z]{2,5}", acronym):
        return False
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    words = re.findall(r"[A-Za-z][\w'-]*", text[: start - 1])[-len(acronym) :]
    if len(words) != len(acronym):
        return False
    if "".join(w[0] for w in words).upper() != acronym:
        return False
    named = text.rfind(words[0], 0, start - 1)
    # The words defining the acronym are themselves a setting: the acronym is that setting.
    return not any(s < start - 1 and e > named for s, e, _ in mentions if e <= start - 1)


def _groups(
    text: str, mentions: list[_Mention], verbs: frozenset[str] | set[str] = frozenset()
) -> list[list[_Mention]]:
    """Coordinated mentions ("fat-saturated T2 and STIR images") share the same appearances.

    A mention followed by a verb opens a clause of its own ("..., and opposed-phase images show
    an India ink artefact"): it is not coordinated with the one before.
    """
    groups: list[list[_Mention]] = []
    for mention in mentions:
        follower = re.match(r"\s+([\w'-]+)", text[mention.end :])
        opens_clause = bool(
            groups
            and "," in text[groups[-1][-1].end : mention.start]
            and follower
            and norm(follower.group(1)) in verbs
        )
        if (
            groups
            and not opens_clause
            and _COORDINATION.match(text[groups[-1][-1].end : mention.start])
        ):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _terms(text: str, tables: _Tables, mentions: list[_Mention]) -> list[_Term]:
    """Appearance terms of ``text``, widened to their answers; neighbours joined into one."""
    candidates: list[tuple[int, int, int, Any]] = [
        (m.start(), m.end(), order, group)
        for order, group in enumerate(tables.groups)
        for m in _scan(group.pattern, text)
    ]
    candidates += _extra_candidates(text, tables, candidates)
    names = list(_scan(tables.disease_names, text)) if tables.disease_names else []
    terms: list[_Term] = []
    for start, end, group in _longest(candidates):
        overlapping = [m for m in mentions if start < m.end and m.start < end]
        if any(
            not (start <= m.start and m.end <= end and m.end - m.start < end - start)
            for m in overlapping
        ):
            # "contrast-enhanced CT" is a sequence, not an enhancement; a term holding a
            # sequence's name ("T2 blackout", "a low ADC") stays a term.
            continue
        if any(start < n.end() and n.start() < end for n in names):
            continue  # "tuberous sclerosis" is a disease, not a sclerotic look
        answer_start, answer_end = start, end
        for _ in range(3):
            window = text[max(0, answer_start - 40) : answer_start]
            before = tables.modifier.search(window) if tables.modifier else None
            if before and before.group("link") and answer_start == start:
                before = None  # "T1 bright and bright on T2": two findings, not one
            if (
                before
                and "," in before.group()
                and not _opens_phrase(text, answer_start - len(before.group()), tables, mentions)
            ):
                before = None  # "less than 2 cm long, bright on T2": a measure, then a term
            if not before and tables.adjective is not None:
                before = tables.adjective.search(window)
                if before and (
                    norm(before.group(1)) in tables.adjective_stop
                    # A capital is a name's, unless the word opens the text ("Subchondral
                    # lucent line in ...").
                    or (before.group(1)[0].isupper() and answer_start - len(before.group()) > 0)
                ):
                    before = None
            if not before:
                break
            answer_start -= len(before.group())
        if answer_start < start and tables.range_opener is not None:
            # "mildly to moderately hyperintense": a range of degrees is one answer.
            opener = tables.range_opener.search(text, 0, answer_start)
            if opener:
                answer_start = opener.start()
        comparative = _COMPARATIVE_BEFORE.search(text, 0, answer_start)
        if comparative:
            # "much less bright on T2WI": the comparative word belongs to the answer; alone,
            # "bright" would state the opposite of what the author wrote.
            answer_start = comparative.start()
        if (
            answer_start > 0
            and text[answer_start - 1] in '"\u201c'
            and text[answer_end : answer_end + 1] in ('"', "\u201d")
            and text[answer_end : answer_end + 1]
        ):
            # 'a "dirty" appearance': the quotes the author put round a term stay with it.
            answer_start, answer_end = answer_start - 1, answer_end + 1
        if tables.head:
            after = tables.head.match(text, answer_end)
            between = re.match(r"\s+([a-z][a-z]+)(?=\s)", text[answer_end:])
            if (
                not after
                and between
                and group.name == "signal"
                and tables.adjective is not None
                and tables.adjective.search(between.group(1) + " ")
                and norm(between.group(1)) not in tables.adjective_stop
            ):
                # "a low-signal subchondral line": one adjective between the term and its head
                # noun; the answer takes both, never the adjective alone.
                after = tables.head.match(text, answer_end + between.end())
                follower = after and re.match(r"\s+([\w-]+)", text[after.end() :])
                if follower and not (
                    norm(follower.group(1)) in tables.noun_stop
                    or norm(follower.group(1)) in tables.clause_verbs
                ):
                    after = None  # "... circumferential wall thickening": a longer noun
            if after:
                answer_end = after.end()
                content = (
                    tables.head_content.match(text, answer_end) if tables.head_content else None
                )
                if content:
                    answer_end = content.end()  # "hyperintense areas of oedema"
        if (
            group.name == "signal"
            and tables.graded_reference is not None
            and re.match(r"iso", text[start:end], re.I)
        ):
            # "isointense to muscle": "iso-" says nothing without what it equals.
            tissue = tables.graded_reference.match(text, answer_end)
            if tissue:
                answer_end = tissue.end()
        every = _ALL_SEQUENCES.match(text, answer_end)
        if every:
            answer_end = every.end()  # "low signal on all sequences" is one finding
        if answer_end == end and norm(text[start:end]) in tables.noun_taking:
            answer_end = _noun_after(text, answer_end, tables)
        if tables.post_modifier:
            adverb = tables.post_modifier.match(text, answer_end)
            compared = _comparison_end(text, adverb.end()) if adverb else None
            if compared:
                # "enhancing less than the normal renal parenchyma": the whole comparison.
                answer_end = compared
                adverb = None
            elif adverb and _COMPARED.match(text, adverb.end()) and tables.one_post_modifier:
                # "enhances only mildly, less than a long list ...": the comparison is left
                # out whole, never cut in two.
                adverb = tables.one_post_modifier.match(text, answer_end)
                if adverb and _COMPARED.match(text, adverb.end()):
                    adverb = None
            if not adverb and not compared and _HALF_COMPARISON.match(text, answer_end):
                compared = _comparison_end(text, answer_end)
                if not compared:
                    continue  # no answer cuts a comparison in two
                answer_end = compared
            # "an enlarged poorly functioning kidney": an adverb followed by the word it
            # qualifies belongs to that word, not to the term.
            if adverb and _ENDS_PHRASE.match(text, adverb.end()):
                answer_end = adverb.end()
        if (
            _COMPARATIVE_TERM.match(text[answer_start:answer_end])
            and _COMPARED.match(text, answer_end)
            and _ENDS_COMPARATIVE.search(text[answer_start:answer_end])
        ):
            # "brighter than the discs", "less bright than cysts": a comparative adjective
            # ending the answer is completed by its object; without a short, whole one there
            # is no card. A comparative noun phrase ("lower attenuation") reads whole alone.
            compared = _comparison_end(text, answer_end)
            if not compared:
                continue
            answer_end = compared
            if re.match(r"(?:little|bit)\s", text[answer_start:], re.I):
                article = re.search(r"(?<![\w-])a\s+$", text[:answer_start], re.I)
                answer_start = article.start() if article else answer_start
        elif answer_end == end and _BARE_COMPARATIVE.fullmatch(text[start:end]):
            # "the cleft was even brighter": brighter than what is left unsaid; no card.
            continue
        if answer_start == start and answer_end == end:
            answer_end = _coordinated_predicate(text, answer_end, tables)
        if _names_structure(text, answer_start, answer_end, tables):
            continue
        if _SPLITS_COMPOUND.match(text, answer_end) or (
            tables.compound_tail is not None and tables.compound_tail.match(text, answer_end)
        ):
            # "the T2 dark spot sign", "a residual flow lumen": the term is part of a longer
            # name; a cut inside it would garble the card.
            continue
        if group.absorbs_setting:
            link = re.match(r"\s+(?:on|in|during)\s+(?:the\s+)?", text[answer_end:], re.I)
            inner = link and next((m for m in mentions if m.start == answer_end + link.end()), None)
            if inner:
                answer_end = inner.end
                # "in the portal venous and delayed phases": the whole coordinated setting.
                for following in mentions:
                    if following.start >= answer_end and _COORDINATION.match(
                        text[answer_end : following.start]
                    ):
                        answer_end = following.end
        terms.append(
            _Term(
                answer_start,
                answer_end,
                start,
                end,
                group.name,
                group.implies,
                group.absorbs_setting,
            )
        )
    # A widened answer may swallow a neighbouring term ("coarse calcifications"): keep one.
    # Terms written next to each other describe one thing ("hyperintense peripheral band",
    # "concentric rings of alternating echogenicity"): they become one answer.
    kept: list[_Term] = []
    starts = {t.start for t in terms}
    for term in terms:
        if kept and term.start < kept[-1].end:
            longer, shorter = (
                (term, kept[-1])
                if term.end - term.start > kept[-1].end - kept[-1].start
                else (kept[-1], term)
            )
            if (
                longer.group in tables.qualifier_groups
                and shorter.group not in tables.qualifier_groups
            ):
                longer = replace(longer, group=shorter.group, implies=shorter.implies)
            kept[-1] = longer
            continue
        if (
            kept
            and re.fullmatch(r"\s+(?:of\s+)?", text[kept[-1].end : term.start], re.I)
            # "a resistive index of 0.85": the measured value is the answer, not its name.
            and term.group not in tables.group_settings
            # "a cerebriform pattern of alternating hyperintense and hypointense bands": a
            # joined answer would cut the coordination in two.
            and not _opens_coordination(text, term.end, starts)
        ):
            previous = kept[-1]
            qualifier = (
                previous.group in tables.qualifier_groups
                and term.group not in tables.qualifier_groups
            )
            kept[-1] = replace(
                previous,
                end=term.end,
                absorbs_setting=term.absorbs_setting,
                group=term.group if qualifier else previous.group,
                implies=term.implies if qualifier else previous.implies,
                # "patchy areas of absent enhancement": the joined answer's core is the term
                # that gives its group, so that its own modifiers are read with it.
                core_start=term.core_start if qualifier else previous.core_start,
                core_end=term.core_end if qualifier else previous.core_end,
            )
            continue
        if (
            kept
            and kept[-1].group == term.group
            and kept[-1].start < kept[-1].core_start
            and term.start == term.core_start
            and re.fullmatch(r"\s+and\s+", text[kept[-1].end : term.start])
            and re.search(r"s$", text[kept[-1].core_start : kept[-1].core_end])
            and re.search(r"s$", text[term.start : term.end])
        ):
            # "alternating short stenoses and dilatations": the modifiers qualify both nouns,
            # one answer.
            kept[-1] = replace(kept[-1], end=term.end)
            continue
        kept.append(term)
    return kept


def _opens_phrase(text: str, pos: int, tables: _Tables, mentions: Sequence[_Mention]) -> bool:
    """Whether a modifier starting at ``pos`` can open a noun phrase: it starts the text or
    follows punctuation, a setting ("on radiographs coarse, rim-like calcifications"), a
    determiner, a copula, a preposition or another modifier."""
    head = text[:pos].rstrip()
    if not head or head[-1] in ",;:(" or any(m.end == len(head) for m in mentions):
        return True
    last = re.search(r"[\w'-]+$", head)
    if not last:
        return False
    word = norm(last.group())
    return (
        word in _PHRASE_OPENERS
        or word in tables.clause_verbs
        or bool(tables.modifier and tables.modifier.fullmatch(last.group() + " "))
    )


def _opens_coordination(text: str, end: int, starts: set[int]) -> bool:
    """Whether another term follows ``end`` after "and"/"or" ("hyperintense and hypointense")."""
    link = re.match(r"\s+(?:and|or)\s+", text[end:])
    return bool(link and end + link.end() in starts)


def _coordinated_predicate(text: str, end: int, tables: _Tables) -> int:
    """ "the enhancement was septal and peripheral.": a bare term coordinated with one adjective
    that ends its clause is one answer with it; a card hiding one half would give the other
    away. Returns the new end of the answer, or ``end`` unchanged."""
    link = re.match(
        r"\s+(?:and|or)\s+([a-z][a-z-]+)(?=\s*(?:[,;:.)]|$)|\s+(?:on|in|after|at)\s)",
        text[end:],
    )
    if not link or tables.adjective is None:
        return end
    # Both halves are adjectives of the same form ("septal", "peripheral"): "hyperintense and
    # cystic" joins a signal to a shape, two answers.
    first = re.search(r"[A-Za-z-]+$", text[:end])
    if not first or not tables.adjective.search(first.group() + " "):
        return end
    word = link.group(1)
    if norm(word) in tables.adjective_stop or not tables.adjective.search(word + " "):
        return end
    if any(
        group.name not in tables.coordinated_groups
        and group.pattern.match(text, end + link.start(1))
        for group in tables.groups
    ):
        return end  # "lytic and expansile": the second word is a finding of its own
    return end + link.end()


def _names_structure(text: str, start: int, end: int, tables: _Tables) -> bool:
    """ "splaying the echogenic central sinus complex", "loss of the echogenic submucosal layer":
    after "the", a bare look word before a noun names a structure by its usual look; it is not
    what the lesion looks like."""
    if not re.search(r"(?<![\w-])the\s+$", text[max(0, start - 8) : start], re.I):
        return False
    words = text[start:end].split()
    if len(words) > 2 or not re.search(r"(?:ic|ous|al|ent|ant|ed|ile|ar|bright|dark)$", words[-1]):
        return False
    follower = re.match(r"\s+([a-z][a-z-]*)", text[end:])
    if not follower:
        return False
    word = norm(follower.group(1))
    return not (
        word in tables.noun_stop
        or word in tables.clause_verbs
        or word.endswith("ly")
        or (tables.head is not None and tables.head.match(text, end) is not None)
    )


def _noun_after(text: str, pos: int, tables: _Tables) -> int:
    """ "an enlarged right ovary measuring 7 cm": the noun a participle qualifies, if plainly
    written (one or two lower-case words ending at a boundary); else ``pos`` unchanged."""
    words = list(re.finditer(r"\s+([a-z][a-z-]*)", text[pos : pos + 40]))
    taken = pos
    for index, word in enumerate(words[:3]):
        if word.start() != (words[index - 1].end() if index else 0):
            break
        value = norm(word.group(1))
        # "enlarged poorly functioning": an adverb qualifies the next word, not a noun.
        if (
            value.endswith("ly")
            or value in tables.noun_stop
            or value in tables.clause_verbs
            or value.endswith("ing")
            # "dilated calyces replaced by ...": a participle starts the next phrase.
            or (index and value.endswith("ed"))
        ):
            break
        taken = pos + word.end()
    if taken == pos:
        return pos
    boundary = re.match(r"(?:\s*[,;:.()]|\s+([a-z]+)|\s*$)", text[taken:])
    if not boundary:
        return pos
    follower = boundary.group(1)
    if follower and not (
        norm(follower) in tables.noun_stop
        or norm(follower) in tables.clause_verbs
        or follower.endswith("ing")
    ):
        return pos
    return taken


@dataclass(frozen=True)
class Finding:
    """An appearance paired with the sequences it was seen on, as spans of one text."""

    sequence_ids: tuple[str, ...]
    mention: tuple[int, int] | None  # where the sequence is named; None when implied
    answer: tuple[int, int]
    group: str
    # The setting was named only in an earlier sentence of the paragraph ("CT showed a nidus.
    # The central focus measured 450 HU."): the card must name it.
    inherited: bool = False
    # Enhancement said of an entity with no setting named ("vestibular schwannomas enhance
    # avidly"): contrast is implied; the caller keeps it only when the clause names its owner.
    implied: bool = False
    # A sequence/value pair written as an item of a list ("T1: iso; T2: high"): the card is
    # the item alone, since its neighbours are answers of their own.
    segment: tuple[int, int] | None = None


def _pair(
    text: str, term: _Term, groups: list[list[_Mention]], terms: list[_Term]
) -> list[_Mention] | None:
    others = [t for t in terms if t is not term]
    # "increasing on delayed images": the phase is part of the answer.
    for group in groups:
        if term.start <= group[0].start and group[-1].end <= term.end:
            return group
    # "hypointense on T2WI": a group after the term, linked by a preposition.
    for group in groups:
        first = group[0]
        if first.start < term.end:
            continue
        gap = text[term.end : first.start]
        if not gap.strip():
            return group  # "a high ADC"
        if (
            len(gap.split()) <= 6
            and _PREPOSITIONS.search(gap)
            and not re.search(r"[,;:.]", gap)
            and not any(term.end <= t.start < first.start for t in others)
        ):
            return group
        break
    # "T2-hyperintense": a group glued before it.
    for group in groups:
        if group[-1].end <= term.start and _GLUE.match(text[group[-1].end : term.start]):
            return group
    # "On DWI the lesions show restricted diffusion": the nearest group before it, in the
    # same clause ("... on T2WI; the tumour is large and heterogeneous" is not on T2WI).
    before = [
        g for g in groups if g[-1].end <= term.start and ";" not in text[g[-1].end : term.start]
    ]
    if before:
        return before[-1]
    # "Coarse calcifications were identified over the mass on radiograph": the sentence's only
    # setting, named at its end.
    after = [g for g in groups if g[0].start >= term.end]
    if (
        after
        and not any(term.end <= t.start < after[0][0].start for t in others)
        and not _CLAUSE_BREAK.search(text[term.end : after[0][0].start])
    ):
        return after[0]
    return None


def _compiled(lexicon: Any) -> _Tables:
    # Compiling the tables costs far more than matching one case: once per lexicon, not per case.
    if isinstance(lexicon, Lexicon):
        return lexicon.derived("appearance.tables", _Tables)
    return _Tables(lexicon)


def sequence_ids(text: str, lexicon: Any) -> frozenset[str]:
    """The sequences, phases and modalities ``text`` names, by lexicon id ("T2WI" -> t2)."""
    return frozenset(mention.id for mention in _mentions(text, _compiled(lexicon)))


def sequence_spans(text: str, lexicon: Any) -> list[tuple[int, int]]:
    """Where ``text`` names a sequence, phase or modality, as (start, end) spans."""
    return [(mention.start, mention.end) for mention in _mentions(text, _compiled(lexicon))]


def find_appearances(
    text: str,
    lexicon: Any,
    tables: _Tables | None = None,
    default_setting: str | None = None,
    implied_enhancement: bool = False,
    negated_answers: bool = False,
) -> list[Finding]:
    """The affirmed (sequence, appearance) pairs of one sentence.

    Args:
        text: A cleaned sentence.
        lexicon: Lexicons of the run (``sequences``, ``appearance``, ``polarity``).
        tables: Compiled lexicons, to reuse across sentences.
        default_setting: The sequence id of the one modality the paragraph named so far; used
            (and marked ``inherited``) for a sentence that names no setting itself.
        implied_enhancement: Whether a qualified enhancement with no setting ("enhances
            avidly", "ring enhancement") is taken as seen after contrast (marked ``implied``).
        negated_answers: Whether a negated verb of the lexicon ("does not enhance") is an
            answer of its own; otherwise its negation leaves it out like any other.

    Returns:
        Findings in reading order; negated, uncertain and vague appearances are left out, and so
        is any appearance of a sentence that names no sequence or modality (unless the term
        implies one, as restricted diffusion implies DWI).
    """
    tables = tables or _compiled(lexicon)
    mentions = _mentions(text, tables)
    groups = _groups(text, mentions, tables.clause_verbs)
    terms = _list_items(text, tables, mentions, _terms(text, tables, mentions))
    paired = {id(t): _pair(text, t, groups, terms) for t in terms}
    # "lytic and expansile on radiographs": items of a list share the setting of the last one.
    for term, following in reversed(list(zip(terms, terms[1:], strict=False))):
        if (
            paired[id(term)] is None
            and paired[id(following)] is not None
            # "arterial hyperenhancement and washout on the delayed phase": its own phase.
            and not _PHASE_WORD.search(text[term.start : term.end])
            and tables.list_gap is not None
            and tables.list_gap.match(text[term.end : following.start])
        ):
            paired[id(term)] = paired[id(following)]
    # "absent venous flow": the absence is what was seen; the trigger word belongs to the
    # answer and negates neither it nor the next finding ("and markedly reduced arterial flow").
    owned = [
        (term.start, _last_word_start(text, term.start, term.core_end))
        for term in terms
        if term.group in tables.absence_groups
        and any(
            norm(w) in tables.absence_modifiers
            for w in text[term.start : term.core_end].split()[:-1]
        )
        and not re.search(r"(?<![\w-])(?:no|not|never|without)\s+$", text[: term.start], re.I)
    ]
    # "the infarct does not enhance": the negated verb is the answer, its "not" is owned too.
    owned += [
        (term.start, opener.end())
        for term in terms
        if negated_answers
        and tables.negated_verb is not None
        and (opener := tables.negated_verb.match(text, term.start))
        and opener.end() < term.end
    ]
    label = _label(text, groups)
    findings: list[Finding] = []
    for term in terms:
        group = paired[id(term)]
        if (
            term.end > term.core_end
            and _ALTERNATIVE_BEFORE.search(text, 0, term.start)
            and re.match(r"\s+[\w-]+$", text[term.core_end : term.end])
        ):
            # "a round or oval focus": the head noun is shared by both alternatives; the
            # answer is the alternative alone.
            term = replace(term, end=term.core_end)
        answer = text[term.start : term.end]
        if (
            group is None
            and label is not None
            and term.start > label[-1].end
            and not re.match(r"\s+(?:is|are|was|were)(?![\w-])", text[term.end :])
            and not _clause_has_verb(text, term, tables)
        ):
            # "US: variable; ... mature ones hypoechoic": a line's label sets every clause (a
            # term the clause is about, "enhancement is peripheral", is no finding).
            group = label
        if len(answer) > _MAX_ANSWER:
            continue
        if norm(answer) in tables.vague and not _predicated(text, term, group, tables):
            continue
        polarity = tables.polarity.assess(text, term.start, term.end, ignore=owned)
        if _denied_after(text, term, tables):
            continue
        if (
            polarity is not Polarity.AFFIRMED
            or _LACKS.search(text[: term.start])
            or _lost(text, term, tables)
            or _NONE_OF.search(text[: term.start])
        ):
            continue
        copula = _COPULA_AFTER.match(text, term.end)
        if copula and re.match(r"\s+(?:and|or)\s+(?:is|are|was|were)\s", text[term.end :], re.I):
            # "the wall enhanced strongly and was thickened": a copula straight after "and"
            # has no subject of its own; it opens a second predicate, the term is the first.
            copula = None
        if copula and any(_predicate_term(text, copula.end(), t) for t in terms):
            # "marrow oedema and soft-tissue oedema were hyperintense", "necrotic or cystic
            # parts are T2 bright": the term is in the subject, the predicate has its own.
            continue
        if (
            _comparison(text, term)
            or _refers_back(text, term, tables)
            or _is_subject(text, term, tables)
            or _location(text, term)
            or _ALTERNATIVE.search(text[: term.start])
            or _SEEN_AS.match(text, term.end)
            or _mistaken_for(text, term, tables)
            or _points_elsewhere(text, term, tables)
            or _about_others(text, term)
            or _set_beside(text, term)
            or _half_comparison(text, term)
            or _takes_object(text, term)
            or _back_mention(text, term)
            or _hedged_after(text, term, tables)
        ):
            continue
        ids = tuple(dict.fromkeys(m.id for m in group)) if group else ()
        mention = (group[0].start, group[-1].end) if group else None
        if term.group == "diffusion" and ids and not set(ids) & {"dwi", "adc", "mr"}:
            # "T2WI hyperintense, marked restricted diffusion of pus": diffusion is read on
            # DWI, whatever sequence a list named before it.
            ids, mention = (), None
            group = None
        allowed = tables.group_settings.get(term.group)
        if allowed is not None and (not ids or not set(ids) <= allowed):
            continue  # a velocity is a Doppler measurement: on any other setting, no card
        if term.group == "enhancement" and ids and set(ids) <= tables.unenhanced_settings:
            # "hypointense on T2WI and variable enhancement": enhancement needs contrast.
            ids, mention = (), None
        if term.group == "calcification" and ids:
            # "on MR ... calcified lesions": a word about the lesion, not its MR appearance.
            # With no setting named here, an inherited one is checked by `_fits` below.
            ids = tuple(i for i in ids if i in tables.calcification_settings)
            if not ids:
                continue
        if ids:
            findings.append(Finding(ids, mention, (term.start, term.end), term.group))
        elif (
            term.implies
            and term.implies in tables.by_id
            and (term.group == "diffusion" or (term.group == "enhancement" and group))
        ):
            findings.append(Finding((term.implies,), None, (term.start, term.end), term.group))
        elif (
            implied_enhancement
            and not mentions
            and term.group == "enhancement"
            and term.implies in tables.by_id
            and len(text[term.start : term.end].split()) > 1
        ):
            findings.append(
                Finding((term.implies,), None, (term.start, term.end), term.group, implied=True)
            )
        elif (
            default_setting
            and _fits(term.group, default_setting, tables)
            and (not mentions or _same_family_later(text, term, mentions, default_setting, tables))
        ):
            findings.append(
                Finding((default_setting,), None, (term.start, term.end), term.group, True)
            )
    return sorted(_telegraphic(text, tables, groups, findings), key=lambda f: f.answer)


_ITEM_SPLIT = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|and/or)\s+", re.I)
_ITEM_ARTICLE = re.compile(r"(?:(?:a|an|the)\s+)", re.I)


def _list_items(
    text: str, tables: _Tables, mentions: Sequence[_Mention], terms: list[_Term]
) -> list[_Term]:
    """``terms`` plus the unknown items of a list of findings that holds a known one.

    Rule: after "shows/are/include/features are", a list "A, B and C" in one setting whose
    item is a known finding makes every short (<= 6 words) item a finding, one answer each;
    an item negated, set in a place ("in the hilum") or naming an organ or sequence is none.
    """
    if tables.list_opener is None:
        return terms
    added: list[_Term] = []
    for opener in _scan(tables.list_opener, text):
        stop = re.compile(r"[.;:()]").search(text, opener.end())
        end = stop.start() if stop else len(text)
        span = text[opener.end() : end]
        if "," not in span or any(opener.end() <= m.start < end for m in mentions):
            continue  # one item, or a list of sequences/settings: no list of findings
        pieces: list[tuple[int, int]] = []
        pos = opener.end()
        closed = False
        for gap in _ITEM_SPLIT.finditer(text, opener.end(), end):
            pieces.append((pos, gap.start()))
            pos = gap.end()
            if re.search(r"(?:and|or)\s*$", gap.group(), re.I):
                closed = True  # the item after the final "and/or" ends the list
                break
        if not closed:
            continue
        stop_item = re.compile(r"\s*,|\s+(?:and|or)\s+", re.I).search(text, pos, end)
        pieces.append((pos, stop_item.start() if stop_item else end))
        items = []
        for a, b in pieces:
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if (article := _ITEM_ARTICLE.match(text, a, b)) is not None:
                a = article.end()
            items.append((a, b))
        if len(items) < 3 or any(
            b <= a
            or len(text[a:b].split()) > 6
            or re.search(r"[\d%]", text[a:b])
            or tables.list_clause_word.search(text, a, b)
            for a, b in items
        ):
            continue
        known = [any(a <= t.core_start and t.core_end <= b for t in terms) for a, b in items]
        if not any(known):
            continue
        group = next(t for t in terms if any(a <= t.core_start < b for a, b in items))
        for index, ((a, b), is_known) in enumerate(zip(items, known, strict=True)):
            words = text[a:b].split()
            if (
                is_known
                # "round or oval focus", "irregular or lobulated margins": a lone adjective
                # before the last item shares its noun; it is no item of its own.
                or (index == len(items) - 2 and len(words) == 1 and " " in text[slice(*items[-1])])
                or any(a < t.end and t.start < b for t in terms)
                or tables.list_negator.search(text, a, b)
                or norm(words[-1].strip(",")) in tables.list_places
                or not re.match(r"[a-z]", text[a])
            ):
                continue
            added.append(_Term(a, b, a, b, group.group, group.implies))
    return sorted(terms + added, key=lambda t: t.start)


# A pair opens the line, a list item, or follows a copula ("the mass was T1 iso, T2 hyper").
_ITEM_START = re.compile(
    r"(?:^|[;,:]|(?<![\w-])(?:is|are|was|were|appears?|appeared))[\s*\u2022-]*$", re.I
)
_LABEL_HEAD = re.compile(r"(?:^|[;.])\s*((?:[\w+/-]+\s+){0,3}[\w+/-]+)\s*:\s*$")
_OWN_LABEL = re.compile(r"(?:\s*\([^()]{1,24}\))?\s*:\s")


def _telegraphic(
    text: str, tables: _Tables, groups: list[list[_Mention]], found: list[Finding]
) -> list[Finding]:
    """Sequence/value pairs written as items of a list ("MRI: T1: iso; T2 high, ...").

    A pair is a whole item: its sequence opens the sentence, a label's colon or a ``;``/``,``
    item, and a short level word ("iso", "high", "iso- to hyperintense") closes it. A level with
    no sequence ("Protocol: T1, T2") or another word after it ("T2 mapping") is no pair.
    """
    if tables.telegraphic_value is None:
        return found
    pairs = list(found)
    for group in groups:
        before = text[: group[0].start]
        if not _ITEM_START.search(before):
            continue
        if (
            before.rstrip().endswith(":")
            and not _LABEL_HEAD.search(before)
            and not _OWN_LABEL.match(text, group[-1].end)
        ):
            # "The findings on review of the outside study: T1 low": no label. A sequence with
            # its own colon after a lead ("... can be summed up as: T1: low;") is one.
            continue
        value = tables.telegraphic_value.match(text, group[-1].end)
        if value is None:
            continue
        start, end = value.span("value")
        mention = (group[0].start, group[-1].end)
        same = [i for i, f in enumerate(pairs) if f.answer == (start, end)]
        if same:
            # "T1 low, T2 bright": a word read anyway keeps to its own item on its card.
            for i in same:
                if pairs[i].mention == mention:
                    pairs[i] = replace(pairs[i], segment=(mention[0], end))
            continue
        if any(f.answer[0] < end and start < f.answer[1] for f in found):
            continue
        if tables.polarity.assess(text, start, end) is not Polarity.AFFIRMED:
            continue
        ids = tuple(dict.fromkeys(m.id for m in group))
        pairs.append(
            Finding(
                ids,
                mention,
                (start, end),
                "signal",
                segment=(group[0].start, end),
            )
        )
    return pairs


_SITE_LABEL = re.compile(r"\s*,\s*(?:[A-Za-z][\w'-]*\s+){0,3}[A-Za-z][\w'-]*\s*:\s")


def _label(text: str, groups: list[list[_Mention]]) -> list[_Mention] | None:
    """The setting a line opens with as its label ("TVUS: ...", "CECT, portal venous phase:")."""
    if not groups:
        return None
    first = groups[0]
    head = text[: first[0].start]
    if head.strip(" -*\u2022"):
        return None
    rest = text[first[-1].end :]
    labelled = re.match(r"(?:\s*\([^)]*\))?\s*:\s", rest)
    if labelled:
        return first
    # "CECT, portal venous phase: ...": a label naming two settings keeps the second.
    if len(groups) > 1:
        gap = text[first[-1].end : groups[1][0].start]
        after = re.match(r"(?:\s*\([^)]*\))?\s*:\s", text[groups[1][-1].end :])
        if re.fullmatch(r"\s*,\s*", gap) and after:
            return groups[1]
    # "Radiographs, L humerus: ...", "MRI, left knee: ...": a setting and the part imaged, as
    # a label; a short site after the comma, with no clause of its own, is no finding.
    if _SITE_LABEL.match(rest):
        return first
    return None


def _lost(text: str, term: _Term, tables: _Tables) -> bool:
    """ "loss of the normal fat plane", "the normal zone of calcification was effaced": the
    term names what disappeared, so it is no finding of what is there."""
    if tables.lost_before is not None and tables.lost_before.search(text, 0, term.start):
        return True
    return bool(
        tables.lost_after is not None
        and norm(text[term.start : term.end].split()[0]) == "normal"
        and tables.lost_after.match(text, term.end)
    )


def _clause_has_verb(text: str, term: _Term, tables: _Tables) -> bool:
    """Whether the part of a clause holding ``term`` (between commas) has a verb of its own:
    a label sets only verbless fragments ("mature ones hypoechoic with debris"), not a clause
    with its own subject and verb ("larger tumours may contain oedema")."""
    start = max(text.rfind(";", 0, term.start), text.rfind(",", 0, term.start)) + 1
    stops = [i for i in (text.find(";", term.end), text.find(",", term.end)) if i >= 0]
    clause = text[start : min(stops, default=len(text))]
    return any(norm(w) in tables.clause_verbs for w in re.findall(r"[\w'-]+", clause))


def _mistaken_for(text: str, term: _Term, tables: _Tables) -> bool:
    """ "..., which may be mistaken for calculi": the term names what the finding is mistaken
    for, not how it looks."""
    if tables.mimic is None:
        return False
    clause_start = max(text.rfind(mark, 0, term.start) for mark in ",;:(")
    return bool(tables.mimic.search(text, max(clause_start, 0), term.start))


def _points_elsewhere(text: str, term: _Term, tables: _Tables) -> bool:
    """ "Loss of this pattern, ... or low ADC values should raise concern for carcinoma": a
    warning sign of another entity, not the topic's look."""
    if tables.elsewhere is None:
        return False
    stops = [i for i in (text.find(mark, term.end) for mark in ",;:") if i >= 0]
    end = min(stops, default=len(text))
    return bool(tables.elsewhere.search(text, term.end, end))


def _same_family_later(
    text: str, term: _Term, mentions: list[_Mention], family: str, tables: _Tables
) -> bool:
    """ "Its content was anechoic, and colour Doppler showed ...": the settings this sentence
    names come in a later clause and belong to the paragraph's modality, which the term keeps."""
    first = mentions[0]
    return (
        term.end <= first.start
        and all(_family(m.id, tables) == family or m.id.startswith(family + "-") for m in mentions)
        and bool(_CLAUSE_BREAK.search(text[term.end : first.start]))
    )


def _last_word_start(text: str, start: int, end: int) -> int:
    """Where the last word of ``text[start:end]`` begins ("absent venous |flow")."""
    space = max(text.rfind(" ", start, end), text.rfind("-", start, end))
    return space + 1 if space >= start else start


def _fits(group: str, setting: str, tables: _Tables) -> bool:
    if group == "calcification":
        return setting in tables.calcification_settings
    if group == "enhancement":
        return setting not in tables.unenhanced_settings
    return True


def _predicated(text: str, term: _Term, group: list[_Mention] | None, tables: _Tables) -> bool:
    """ "CT is often normal early on": a word vague on its own says what the study showed when
    it is said of the setting itself."""
    if not group or norm(text[term.core_start : term.core_end]) not in tables.predicated:
        return False
    gap = text[group[-1].end : term.start]
    return bool(
        group[-1].end <= term.start
        and re.fullmatch(
            r"\s+(?:(?:images?|findings?|studies|study|scans?)\s+)?(?:is|are|was|were|may be|"
            r"can be|remains?|remained)\s+(?:(?:[a-z]+ly|often|still|sometimes)\s+)?",
            gap,
            re.I,
        )
    )


def _location(text: str, term: _Term) -> bool:
    """ "less intense uptake in the surrounding sclerosis": a term after "in the" names the
    place a finding lies, not how it looks."""
    return bool(
        re.search(
            r"(?<![\w-])(?:in|within|into|from)\s+the\s+(?:surrounding\s+|adjacent\s+)?$",
            text[: term.start],
            re.I,
        )
    )


def _mimics_topic(text: str, finding: Finding, names: Sequence[str], tables: _Tables) -> bool:
    """ "Diffusion restriction after status epilepticus can also mimic HSE": a finding in a
    clause saying something mimics the topic belongs to the mimic, not to the topic."""
    if tables.mimic is None:
        return False
    # "Herpes simplex encephalitis (HSE)" is named by either part.
    parts = [p for n in names for p in re.split(r"\s*[()]\s*", n)]
    wanted = [norm(n) for n in parts if n and len(n) > 1]
    for cue in tables.mimic.finditer(text):
        start = max(text.rfind(mark, 0, cue.start()) for mark in ";:.") + 1
        stops = [i for i in (text.find(mark, cue.end()) for mark in ",;:") if i >= 0]
        end = min(stops, default=len(text))
        if not start <= finding.answer[0] < end:
            continue
        obj = norm(text[cue.end() : end])
        if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", obj) for n in wanted):
            return True
    return False


def _denied_after(text: str, term: _Term, tables: _Tables) -> bool:
    """ "contrast enhancement could not be demonstrated", "restricted diffusion was absent": a
    trailing predicate denies the finding, so it is no look of the lesion."""
    if tables.denied_after is None:
        return False
    found = tables.denied_after.match(text, term.end)
    if not found:
        return False
    # Only the term's own subject may stand between ("enhancement of the wall was not seen");
    # a verb in the gap opens another clause ("enhanced and was not resected").
    return not any(norm(w) in tables.clause_verbs for w in found.group("gap").split())


def _comparison(text: str, term: _Term) -> bool:
    """ "as bright as the renal sinus fat" compares with something already carded."""
    return bool(
        re.search(r"(?<![\w-])as\s+$", text[: term.start], re.I)
        and re.match(r"\s+as(?![\w-])", text[term.end :], re.I)
    )


# "..., because most other lytic lesions are bright": a clause about other entities of the same
# kind, set beside the topic to single it out; its findings are theirs, not the topic's.
_OTHER_ENTITIES = re.compile(
    r"(?<![\w-])(?:(?:most|many|some|all|several|nearly\s+all|almost\s+all)\s+)?"
    r"(?<!\bthe\s)(?<!\beach\s)(?<!\bevery\s)(?<!\bno\s)(?<!\bany\s)"
    r"(?<!\bone\s)other\s+(?!hand\b|side\b|than\b)",
    re.I,
)
_CLAUSE_OPENING = re.compile(
    r"[,;:(]|(?<![\w-])(?:because|since|as|whereas|while|although|though|unlike)(?![\w-])", re.I
)
# "the rim was thinner than on CT", "the parts that enhance more ... enhance less ... and vice
# versa": a term that is only one side of a comparison would make a garbled card.
_SUBJECT_OF_COMPARISON = re.compile(
    r"\s+(?:is|are|was|were)\s+(?:(?:much|slightly|far|also|often|usually)\s+)?"
    r"(?:[a-z]+er|more\s+[\w-]+|less\s+[\w-]+)\s+than(?![\w-])",
    re.I,
)
_OPEN_COMPARATIVE = re.compile(r"\s+(?:more|less)(?![\w-])(?!\s+than(?![\w-]))", re.I)


# "unlike a bland thrombus", "as opposed to a simple cyst": the noun phrase after a preposition
# of comparison is what the finding is set against, not a finding itself.
_SET_BESIDE = re.compile(
    r"(?<![\w-])(?:unlike|in\s+contrast\s+(?:to|with)|compared\s+(?:to|with)|as\s+opposed\s+to|"
    r"as\s+against)\s+(?:(?:a|an|the|its|their|any)\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
# "(the "sandwich" technique)": a term naming a procedure, not what the lesion looked like.
_PROCEDURE_AFTER = re.compile(
    r"[\"'\u201d\u2019]?\s+(?:technique|procedure|approach|method|manoeuvre|maneuver)s?(?![\w-])",
    re.I,
)


def _set_beside(text: str, term: _Term) -> bool:
    """ "..., unlike a bland thrombus": the term is the object of a comparison."""
    return bool(_SET_BESIDE.search(text, 0, term.start)) or bool(
        _PROCEDURE_AFTER.match(text, term.end)
    )


def _about_others(text: str, term: _Term) -> bool:
    """ "a useful sign, because most other lytic lesions are bright": the term's clause is about
    other entities, named to set the topic apart."""
    opening = max((m.end() for m in _CLAUSE_OPENING.finditer(text, 0, term.start)), default=0)
    return bool(_OTHER_ENTITIES.search(text, opening, term.start))


def _half_comparison(text: str, term: _Term) -> bool:
    """ "rim enhancement was thinner than on CT", "the parts that enhance more in one phase":
    the term is one side of a comparison, and a card of it alone reads wrong."""
    if _SUBJECT_OF_COMPARISON.match(text, term.end):
        return True
    if _OPEN_COMPARATIVE.match(text, term.end):
        return True
    if (
        re.search(r"\s(?:more|less)$", text[term.start : term.end], re.I)
        # "3 mmHg or more": a threshold, complete in itself.
        and not re.search(r"\sor\s+(?:more|less)$", text[term.start : term.end], re.I)
        and not _COMPARED.match(text, term.end)
    ):
        # "the regions that enhance less in the arterial phase": less than what is left unsaid.
        return True
    # "... enhance less in the excretory phase and vice versa": the swap is in the term's own
    # clause; a term of an earlier clause ("shows segmental enhancement inversion, in which
    # ...") names the whole pattern and stands.
    stops = [i for i in (text.find(mark, term.end) for mark in ",;:.") if i >= 0]
    clause_end = min(stops, default=len(text))
    return bool(re.search(r"(?<![\w-])vice\s+versa(?![\w-])", text[term.end : clause_end], re.I))


# "infection thickens and enhances the wall": the verb takes an object, so it says what a process
# does to a structure, not how the lesion enhances.
_TRANSITIVE_OBJECT = re.compile(r"\s+(?:the|its|their|this|these)\s+(?!same\b)[\w-]", re.I)
_BARE_ENHANCE = frozenset({"enhance", "enhances", "enhanced"})


def _takes_object(text: str, term: _Term) -> bool:
    """ "... thickens and enhances the wall": a bare enhancement verb with a direct object."""
    return norm(text[term.start : term.end]) in _BARE_ENHANCE and bool(
        _TRANSITIVE_OBJECT.match(text, term.end)
    )


def _predicate_term(text: str, copula_end: int, term: _Term) -> bool:
    """Whether ``term`` opens the predicate after a copula, at most a sequence word before it
    ("are hyperintense", "are T2 bright")."""
    return (
        term.start >= copula_end
        and re.fullmatch(r"(?:[A-Za-z]*\d[\w-]*\s+)?", text[copula_end : term.start]) is not None
    )


def _is_subject(text: str, term: _Term, tables: _Tables) -> bool:
    """ "the mineralisation of an osteosarcoma lies in its centre": the term is what the clause is
    about, not an appearance."""
    if _PASSIVE_AGENT.match(text, term.end):
        # "Compression by enlarged nodes is shown by the mass on CT": what is shown is the
        # clause's subject, and the term only part of it.
        return True
    if not re.search(r"(?<![\w-])(?:the|its|their)\s+$", text[: term.start], re.I):
        return False
    follower = re.match(
        r"(?:\s+(?:of|in|within)\s+(?:an?\s+|the\s+)?[\w-]+)?\s+([\w'-]+)(\s+(?:the|an?|its|their)\s)?",
        text[term.end :],
    )
    if not follower:
        return False
    verb = norm(follower.group(1))
    # "the thrombus expanded the vein", "the rim surrounds a cyst": a verb taking an object.
    acting = bool(follower.group(2)) and re.search(r"[a-z](?:ed|es|s)$", verb) is not None
    return verb in tables.clause_verbs or acting


_PASSIVE_AGENT = re.compile(
    r"[^,;:.()]*?\s(?:is|are|was|were)\s+(?:(?:best|well|\w+ly)\s+)?"
    r"(?:shown|seen|demonstrated|depicted|revealed|identified|detected)\s+by(?![\w-])",
    re.I,
)


def _refers_back(text: str, term: _Term, tables: _Tables) -> bool:
    """ "..., indicating intracellular fat": an interpretation, not an appearance."""
    if tables.back_reference is None:
        return False
    clause_start = max(text.rfind(mark, 0, term.start) for mark in ",;:(")
    return bool(tables.back_reference.search(text, max(clause_start, 0), term.start))


# "the site and length of the narrowing", "flow across the narrowing": a lone finding noun
# after a preposition and "the" names a thing already spoken of, not a new appearance.
_DEFINITE_OBJECT = re.compile(
    r"(?<![\w-])(?:of|across|at|through|beyond|above|below|into|from|within|along|around|"
    r"proximal\s+to|distal\s+to|over)\s+the\s+$",
    re.I,
)


def _back_mention(text: str, term: _Term) -> bool:
    """ "... the length of the narrowing": a one-word answer that refers back to a finding."""
    answer = text[term.start : term.end]
    return len(answer.split()) == 1 and bool(_DEFINITE_OBJECT.search(text[: term.start]))


def _hedged_after(text: str, term: _Term, tables: _Tables) -> bool:
    """ "reduced flow, a finding of limited confidence because of bowel gas": doubted."""
    if tables.hedge_after is None:
        return False
    stop = re.search(r"[;.](?:\s|$)", text[term.end :])
    end = term.end + stop.start() if stop else len(text)
    return bool(tables.hedge_after.search(text, term.end, end))


# --- contrasts between two entities -------------------------------------------------------


@dataclass(frozen=True)
class _Contrast:
    first: tuple[int, int]
    second: tuple[int, int]
    other: str


def _contrast(text: str, tables: _Tables, terms: list[_Term]) -> _Contrast | None:
    """ "... peripherally located, in contrast to osteosarcoma in which they are central"."""
    if tables.contrast is None:
        return None
    marker = tables.contrast.search(text)
    if not marker:
        return None
    other = re.match(
        r"\s*((?:[\w'-]+\s+){0,4}?[\w'-]+?)(?=\s*(?:,|\bin which\b|\bwhere\b|\bwhich\b|\bthat\b|"
        r"\bwhose\b|\bwhen\b|$))",
        text[marker.end() :],
    )
    if not other:
        return None
    before = [t for t in terms if t.end <= marker.start()]
    after = [t for t in terms if t.start >= marker.end() + other.end()]
    if not before or not after:
        return None
    first, second = before[-1], after[0]
    if first.group != second.group or norm(text[first.core_start : first.core_end]) == norm(
        text[second.core_start : second.core_end]
    ):
        return None
    return _Contrast(
        (first.core_start, first.core_end),
        (second.core_start, second.core_end),
        other.group(1).strip(),
    )


# --- building facts -----------------------------------------------------------------------


def vignette(ctx: CaseContext) -> str:
    """Who this case's patient is, for a card's "In this case (...)" opening.

    The one-line summary of :func:`deckbuilder.extract.text.case_summary` ("57-year-old woman
    with dermatomyositis"), read from the front matter and the Clinical History only, so a
    findings card never gives the Final Diagnosis away. An opening must stay short and read as
    a noun phrase: a summary longer than the lexicon's cap, or one whose detail is a verb's
    remnant ("with since fluctuated in size", "with long-standing and ..."), gives the bare
    patient ("57-year-old woman"); it is never cut inside a phrase.
    """
    person = patient_phrase(ctx.case) or "patient"
    summary = case_summary(ctx.case, ctx.lexicon)
    table = (ctx.lexicon.get("appearance", None) or {}).get("case_opening") or {}
    cap = int(table.get("max_chars", 80))
    if summary == person or len(summary) > cap or not summary.startswith(person):
        return person
    words = table.get("not_phrase_words") or []
    listed = rf"(?:{_longest_first(words)})(?![\w-])" if words else r"(?!)"
    remnant = re.compile(
        listed
        # a participle and what follows it, not a noun: "developed over two weeks", "begun 14 h"
        + r"|(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|un)(?=\s+(?:over|in|on|at|for|since|about|\d)"
        + r"(?![\w-])|\s*[,;]|$)"
        # a lone adjective whose noun was left out: "with long-standing and ..."
        + r"|[\w-]+(?:-standing|-term|-onset)$",
        re.IGNORECASE,
    )
    rest = summary[len(person) :]
    for detail in re.split(r",?\s+(?:with|who\s+had|who\s+has)\s+|\s+and\s+", rest):
        if detail.strip() and remnant.match(detail.strip()):
            return person
    return summary


def _clause(
    text: str, spans: Sequence[tuple[int, int]], verbs: frozenset[str] | set[str] = frozenset()
) -> tuple[int, int]:
    """The smallest run of clauses of ``text`` holding every span, trimmed if still too long.

    A clause opening with a verb of ``verbs`` ("..., and show persistent enhancement") has its
    subject in the clause before, which is kept too.
    """
    low = min(s for s, _ in spans)
    high = max(e for _, e in spans)
    starts = [0]
    end = len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= low:
            starts.append(match.end())
        elif match.start() >= high:
            end = match.start()
            break
    while len(starts) > 1:
        opening = _LEADING_LINK.sub("", text[starts[-1] :], count=1)
        first = re.match(r"[\w'-]+", opening)
        if not first or norm(first.group()) not in verbs:
            break
        starts.pop()
    start = starts[-1]
    if end - start > _MAX_TEXT:
        commas = [m.end() for m in re.finditer(r",\s+", text[start:low])]
        commas = [
            c
            for c in commas
            if (not (w := re.match(r"[\w'-]+", text[start + c :])) or norm(w.group()) not in verbs)
            # A comma inside brackets ("(thin T2 images, DWI and FLAIR)") opens no clause: a
            # cut there leaves a closing bracket with no opening one.
            and not inside_brackets(text, start + c)
        ]
        if commas:
            start += commas[-1]
        later = next(
            (
                m
                for m in re.finditer(r",\s+", text[high:end])
                if not inside_brackets(text, high + m.start())
            ),
            None,
        )
        if later:
            end = high + later.start()
    return start, end


def _parts(
    text: str, start: int, end: int, answers: Sequence[tuple[int, int]]
) -> list[str | Answer]:
    parts: list[str | Answer] = []
    position = start
    for index, (a_start, a_end) in enumerate(sorted(answers), start=1):
        parts.append(text[position:a_start])
        parts.append(Answer(text[a_start:a_end], index))
        position = a_end
    tail = text[position:end].rstrip(" ,;:")
    cut = text[start:end]
    if cut.count(")") > cut.count("(") and tail.rstrip(".").endswith(")"):
        # "(...; non-EPI DWI: ... with a low ADC)." cut from inside a bracket: its closing
        # bracket has no opening one in the card.
        tail = tail.rstrip(".").removesuffix(")").rstrip(" ,;:")
    if not tail.endswith((".", "!", "?")):
        tail += "."
    parts.append(tail)
    if isinstance(parts[0], str):
        parts[0] = re.sub(
            r"^[\s,;:]*(?:(?:and|but|whereas|while|although|though)\s+)?", "", parts[0]
        )
        if cut.count("(") > cut.count(")"):
            parts[0] = re.sub(r"^\(\s*", "", parts[0])
    return [p for p in parts if not (isinstance(p, str) and not p)]


def _prefix(parts: list[str | Answer], prefix: str) -> list[str | Answer]:
    first = parts[0]

    def lowered(text: str) -> str:
        # "R femoral epiphysis", "CT density": a lone capital or an acronym keeps its case.
        keep = re.match(r"(?![AI]\s)[A-Z](?:[A-Z\d]|[\s.,:-]|$)", text)
        return text if keep else lower_first(text)

    if isinstance(first, Answer):
        return [prefix, Answer(lowered(first.text), first.index, first.hint), *parts[1:]]
    return [prefix + lowered(first), *parts[1:]]


def _specific(sequence_id: str, modality: str | None, tables: _Tables) -> str:
    kind = tables.by_id.get(sequence_id)
    if kind is not None and kind.contextual and modality:
        return f"{modality}-{sequence_id}"
    return sequence_id


def _graded_modality(answer: str, tables: _Tables) -> str | None:
    """The one modality a graded answer's own word names ("hypoattenuating" is CT's), if any."""
    named = {m for m, pattern in tables.graded_modalities if pattern.search(answer)}
    return next(iter(named)) if len(named) == 1 else None


def _modality_of(sequence_id: str) -> str | None:
    if sequence_id.startswith(("ct", "cta")):
        return "ct"
    if sequence_id in {
        "t1",
        "t2",
        "t1-fs",
        "t2-fs",
        "fs",
        "stir",
        "flair",
        "dwi",
        "adc",
        "swi",
        "gre",
    }:
        return "mr"
    if sequence_id.startswith(("mr", "t1-", "in-", "opposed")):
        return "mr"
    return None


def run(ctx: CaseContext) -> Iterator[Fact]:
    """Yields the sequence-appearance facts of a case, in reading order."""
    tables = _compiled(ctx.lexicon)
    disc = case_discourse(ctx)
    patient = vignette(ctx)
    case_modalities = {
        m for m in (_modality_hint(x) for x in ctx.case.meta.modalities) if m is not None
    }
    default_modality = next(iter(case_modalities)) if len(case_modalities) == 1 else None
    seen: dict[str, set[str]] = {}
    last_modality: dict[SectionKind, str | None] = {}
    paragraphs = _paragraphs(ctx)
    headed, header_words = _list_headers(ctx, tables)
    # paragraph -> the setting each modality was last named as ("CT venography", "TVUS")
    written: dict[int, dict[str, str]] = {}
    labelled: set[int] = set()  # paragraphs opening with a setting label ("US: ...")
    opened: set[int] = set()  # discussion paragraphs whose first sentence was read
    topical: dict[int, str] = {}  # discussion paragraph -> the modality its heading names
    teaching = _teaching_start(ctx, tables)
    named: dict[int, set[str]] = {}  # paragraph -> modalities its sentences named so far
    earlier: list[str] = []  # findings sentences read so far
    verbs = tables.subject_verbs
    for sentence in ctx.sentences:
        if sentence.section in (SectionKind.DIFFERENTIAL_DIAGNOSIS, SectionKind.FINAL_DIAGNOSIS):
            continue
        findings_section = sentence.section in (
            SectionKind.IMAGING_FINDINGS,
            SectionKind.CLINICAL_HISTORY,
        )
        if (
            sentence.section is SectionKind.IMAGING_FINDINGS
            and teaching is not None
            and sentence.location.line >= teaching
        ):
            continue  # the discussion, written on without its heading: no patient's finding
        if findings_section:
            text, entity = clean(sentence.text), ""
            text = _lesion_for_pronoun(text, earlier, ctx.lexicon)
            if sentence.section is SectionKind.IMAGING_FINDINGS:
                earlier.append(clean(sentence.text))
        else:
            text, entity = prepare(disc, sentence, ctx.lexicon)
            if not _plausible_entity(entity, tables):
                text, entity = prepare(disc, sentence, ctx.lexicon, entity=ctx.subject)
            # Each card names its entity itself (below), from the clause it is cut from: a
            # sentence-wide "In <topic>, " would credit the topic with another entity's look.
            text = _unprefixed(text, entity, sentence, disc)
            if _labelled_by_other(clean(sentence.text), entity, disc, tables):
                continue
        text = _without_imaging_opener(text, tables)
        mentions = _mentions(text, tables)
        modality = last_modality.get(sentence.section, default_modality)
        for mention in mentions:
            modality = _modality_of(mention.id) or modality
        paragraph = paragraphs.get(
            (sentence.location.path, sentence.location.line, sentence.section)
        )
        so_far = named.setdefault(paragraph, set()) if paragraph is not None else set()
        if not so_far and paragraph in headed:
            # "AP pelvis + frog-leg lateral:" then "- Widened medial joint space.": each item
            # of the list is read on the setting its header names.
            so_far.add(headed[paragraph])
        inherited = (
            next(iter(so_far))
            if sentence.section is SectionKind.IMAGING_FINDINGS and len(so_far) == 1
            else None
        )
        if sentence.section is SectionKind.DISCUSSION and paragraph is not None:
            if paragraph not in opened:
                if not re.fullmatch(r"\s*\d{1,2}[.)]\s*", sentence.text):
                    opened.add(paragraph)  # a bare "2." split off is no opening sentence
                families = {f for f in (_family(m.id, tables) for m in mentions) if f}
                if len(families) == 1 and _HEADING_SENTENCE.match(clean(sentence.text)):
                    # "3. UGI is the reference standard." opens a teaching point on one
                    # modality: its later sentences naming none are read on it.
                    topical[paragraph] = next(iter(families))
            elif paragraph in topical and not mentions:
                inherited = topical[paragraph]
            if paragraph in topical:
                # "CT: fluid attenuation. MRI: T1 low, T2 high. Fluid-fluid levels after
                # fracture.": the last setting label, not the first, holds for what follows.
                raw = clean(sentence.text)
                raw_label = _label(raw, _groups(raw, _mentions(raw, tables), tables.clause_verbs))
                family = _family(raw_label[-1].id, tables) if raw_label else None
                if family:
                    topical[paragraph] = family
        if (
            sentence.section is SectionKind.IMAGING_FINDINGS
            and paragraph is not None
            and not so_far
            and _label(text, _groups(text, mentions, tables.clause_verbs))
        ):
            # "US: SMV left of the SMA. ... Fluid-filled, dilated duodenum.": a paragraph
            # opening with a setting as its label is written in fragments on purpose, as a
            # list under a header is.
            labelled.add(paragraph)
        so_far.update(f for f in (_family(m.id, tables) for m in mentions) if f)
        words = written.setdefault(paragraph, {}) if paragraph is not None else {}
        if not words and paragraph in header_words:
            words[headed[paragraph]] = header_words[paragraph]
        for mention in mentions:
            # Only the modality itself: "Colour Doppler" does not name what the next
            # sentence's grey-scale finding was seen on.
            if _family(mention.id, tables) == mention.id:
                words[mention.id] = text[mention.start : mention.end]
        findings = find_appearances(
            text,
            ctx.lexicon,
            tables,
            default_setting=inherited,
            implied_enhancement=not findings_section,
            # A teaching sentence's "the scar does not enhance" is a look to learn; in a
            # case's own findings the specification reads it as a plain denial: no card.
            negated_answers=not findings_section,
        )
        terms = _terms(text, tables, mentions)
        contrast = None if findings_section else _contrast(text, tables, terms)
        if contrast is not None:
            fact = _contrast_fact(ctx, sentence, text, entity, disc, contrast, mentions, tables)
            if fact is not None:
                yield fact
        if contrast is not None:
            findings = [
                f
                for f in findings
                if not any(
                    f.answer[0] < e and s < f.answer[1]
                    for s, e in (contrast.first, contrast.second)
                )
            ]
        topic_names = [*disc.names_for(ctx.subject), *(disc.names_for(entity) if entity else [])]
        findings = [f for f in findings if not _mimics_topic(text, f, topic_names, tables)]
        findings = _without_weak(text, findings, tables)
        for items in _coordinated(text, findings, tables):
            # One card for all the settings a finding is seen on ("fat-saturated T2 and STIR
            # images"): a card per setting would repeat the same text.
            finding = items[0]
            own_modality = _graded_modality(text[slice(*finding.answer)], tables) or modality
            specific = [_specific(i, own_modality, tables) for i in finding.sequence_ids]
            if (
                finding.inherited
                and paragraph not in headed
                and paragraph not in labelled
                and not _has_verb(
                    text[slice(*_clause(text, [f.answer for f in items], tables.clause_verbs))],
                    tables,
                    verbs,
                )
            ):
                # An item of a list under a setting's header is written as a fragment on
                # purpose and reads as one; elsewhere, "Surrounding echogenic fat and a small
                # fluid collection." under an inherited "On ultrasound, " is a fragment.
                continue
            if (
                finding.inherited
                and paragraph in labelled
                and re.fullmatch(
                    r"[\w\s-]*(?:ed|ing)",
                    re.sub(r"[\s.;]+$", "", text).strip(),
                )
                and text[slice(*finding.answer)].strip() == re.sub(r"[\s.;]+$", "", text).strip()
            ):
                # "Well defined." under a setting label: a participle alone names no
                # structure, and "on radiographs, {{well defined}}" says nothing of what is.
                continue
            owner = entity
            if not findings_section:
                # "..., whereas an arachnoid cyst follows CSF": the clause's own subject owns
                # the finding; when it cannot be told whose it is, no card.
                against = _SET_AGAINST.search(text[: finding.answer[0]])
                if against and not any(
                    re.search(
                        rf"(?<![\w-]){re.escape(norm(against.group('subject')))}(?![\w-])", norm(n)
                    )
                    for n in topic_names
                ):
                    continue  # "while the thyroid washes out": the other subject's finding
                own = clause_entity(disc, text, finding.answer[0], ctx.lexicon)
                if own == UNSURE or (finding.implied and not own):
                    continue
                owner = own or entity
                # "Clear cell chondrosarcoma also arises ...": a focusing adverb read after the
                # name belongs to the clause, not to the name.
                if tables.trailing_focus is not None:
                    owner = tables.trailing_focus.sub("", owner)
                if owner.count("(") > owner.count(")"):
                    # "vestibular schwannoma (still": a name read up to a comma inside its
                    # own aside; the name is what comes before the aside.
                    owner = owner[: owner.index("(")].strip()
                    if not owner:
                        continue
            fact = _fact(
                ctx,
                sentence,
                text,
                owner,
                disc,
                finding,
                specific,
                patient,
                findings_section,
                tables,
                items,
                setting_name=_as_written(words.get(inherited or ""), tables),
            )
            core = " | ".join(norm(text[f.answer[0] : f.answer[1]]) for f in items)
            bucket = seen.setdefault(fact.key, set())
            if core in bucket:
                continue
            if bucket:
                fact = replace(fact, key=f"{fact.key}-{slug(core)}")
            bucket.add(core)
            yield fact
        last_modality[sentence.section] = modality


_IMAGING_OPENER = re.compile(
    r"^\s*(?:(?:in|on|at|at\s+the|for)\s+(?:the\s+)?imaging\s*,|imaging\s*:)\s*", re.I
)


def _without_imaging_opener(text: str, tables: _Tables) -> str:
    """ "In the imaging, CT is frequently normal": the opener is a topic label ("Imaging:")
    read as a phrase; once the rest names its own modality the label adds nothing."""
    opener = _IMAGING_OPENER.match(text)
    if not opener or not _mentions(text[opener.end() :], tables):
        return text
    rest = text[opener.end() :]
    return rest[:1].upper() + rest[1:]


def _without_weak(text: str, findings: list[Finding], tables: _Tables) -> list[Finding]:
    """A bare margin word ("well-defined") is dropped when the sentence says more on the same
    setting ("a well-defined, solid, hypoechoic mass"): the card hides the finding instead."""

    def weak(finding: Finding) -> bool:
        return norm(text[finding.answer[0] : finding.answer[1]]) in tables.weak

    return [
        f
        for f in findings
        if not weak(f)
        or not any(
            o is not f and not weak(o) and o.sequence_ids == f.sequence_ids for o in findings
        )
    ]


def _has_verb(text: str, tables: _Tables, verbs: set[str]) -> bool:
    """Whether a clause has a verb: a listed one, or a past form before its object or place
    ("produced a", "overlapped the"); "inflamed fat" is an adjective."""
    if any(
        norm(w) in tables.clause_verbs or norm(w) in verbs for w in re.findall(r"[\w'-]+", text)
    ):
        return True
    return bool(
        re.search(
            r"(?<![\w-])[a-z]+ed\s+(?:a|an|the|its|in|on|at|by|to|into|from|over|through|"
            r"around|along|across)(?![\w-])",
            text,
        )
    )


def _lesion_for_pronoun(text: str, earlier: Sequence[str], lexicon: Any) -> str:
    """ "It contained an air-fluid level" in the Imaging Findings is about the case's lesion:
    the pronoun is written as the lesion the findings named before ("the lesion")."""
    pronoun = re.match(r"(It|Its|They)\s+(?=[a-z])", text)
    if not pronoun:
        return text
    lesion = findings_lesion(earlier, lexicon)
    if lesion and pronoun.group(1) == "They" and singular(lesion) == lesion and earlier:
        # "MR confirmed both cysts. They were ...": the previous sentence names the lesions.
        noun = lesion.split()[-1]
        if re.search(rf"(?<![\w-]){re.escape(noun)}e?s(?![\w-])", earlier[-1], re.I):
            lesion = f"the {noun}s"
    if not lesion or (pronoun.group(1) == "They") != (singular(lesion) != lesion):
        return text  # "They" for "the mass" would not agree
    name = upper_first(lesion) + ("'s" if pronoun.group(1) == "Its" else "")
    rest = text[pronoun.end() :]
    # "Its contents were X, and its wall was Y": a later clause opening with the same pronoun
    # is about the same lesion, and a card cut from it alone must name that lesion too.
    plural = pronoun.group(1) == "They"
    later = r"(?:they|their)" if plural else r"(?:it|its)"
    rest = re.sub(
        rf"((?:,\s+(?:and|but|while|whereas)|;)\s+){later}(?=\s+[a-z])",
        lambda m: (
            m.group(1) + lesion + ("'s" if m.group(0).lower().endswith(("its", "their")) else "")
        ),
        rest,
    )
    return name + " " + rest


# A relative clause's verb is no main verb: "septa that enhance", "cysts which are small".
_RELATIVE_CLAUSE = re.compile(r"(?<![\w-])(?:that|which|who|whose|where)(?![\w-])[^,;:]*", re.I)


def _with_lead(text: str, start: int, end: int, tables: _Tables, verbs: set[str]) -> int:
    """Where a card must start when its clause has no main verb of its own.

    "The microcystic form is the commonest: a cluster of tiny cysts with septa that enhance"
    cut after the colon is a fragment; the clause before the colon carries the verb, and the
    card keeps it. So does "Simple cysts are thin-walled, and hyperintense on T2WI": the last
    item of a coordinated predicate shares the first clause's subject and verb. A lead without
    a verb of its own ("Typical findings: ...") changes nothing.
    """
    colon = re.search(r":\s*$", text[:start])
    link = re.match(r"(?:and|but)\s+", text[start:end], re.I)
    comma = re.search(r",\s*$", text[:start]) if link else None
    lead_end = colon.start() if colon else comma.start() if comma else None
    if lead_end is None:
        return start
    main = _RELATIVE_CLAUSE.sub("", text[start + (link.end() if link else 0) : end])
    if _has_verb(main, tables, verbs):
        return start
    lead = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, lead_end):
        lead = match.end()
    if end - lead > _MAX_TEXT or not _has_verb(text[lead:lead_end], tables, verbs):
        return start
    return lead


def _before_pronoun(text: str, last: int, end: int, verbs: frozenset[str] | set[str]) -> int:
    """ "..., outer diameter 11 mm, with an appendicolith at its base": a card's tail after its
    last answer ends before a phrase holding a pronoun, whose antecedent a card may lack."""
    pronoun = re.search(r"(?<![\w-])(?:its|it|they|their|them)(?![\w-])", text[last:end], re.I)
    if not pronoun:
        return end
    place = re.search(
        r"\s+(?:at|in|on|along|within|around|near)\s+(?:its|their)\s+[\w-]+(?:\s+[\w-]+)?"
        r"(?=[\s.;:,]*$)",
        text[last:end],
        re.I,
    )
    before = re.search(r"([\w-]+)\s*$", text[last : last + place.start()]) if place else None
    if (
        place
        and before
        and norm(before.group(1)) not in verbs
        and not before.group(1).endswith(("ed", "es"))
    ):
        # "... with a shadowing appendicolith at its base": the closing place phrase goes; one
        # a verb needs ("lay at its margin") stays.
        return last + place.start()
    comma = text.rfind(", ", last, last + pronoun.start())
    # Only a modifying phrase goes ("with ...", "which ..."); a verb phrase ("lay at its
    # margin") carries the clause and stays.
    if comma < 0 or not re.match(r",\s+(?:with|which|where|and)(?![\w-])", text[comma:], re.I):
        return end
    return comma


def _unprefixed(text: str, entity: str, sentence: Sentence, disc: Any) -> str:
    """``text`` without the "In <entity>, " that preparing it put in front."""
    prefix = f"In {lower_first(entity, disc.proper_words)}, "
    if not entity or not text.startswith(prefix):
        return text
    if clean(sentence.text).lower().startswith(prefix.lower()):
        return text  # written so by the author
    return upper_first(text[len(prefix) :])


def _coordinated(text: str, findings: list[Finding], tables: _Tables) -> list[list[Finding]]:
    """Runs of findings on one setting written as a list ("eccentric, lucent and lobulated")."""
    runs: list[list[Finding]] = []
    for finding in sorted(findings, key=lambda f: f.answer):
        if runs and tables.list_gap is not None:
            previous = runs[-1][-1]
            gap = text[previous.answer[1] : finding.answer[0]]
            if (
                previous.sequence_ids == finding.sequence_ids
                and previous.mention == finding.mention
                and tables.list_gap.match(gap)
            ):
                runs[-1].append(finding)
                continue
        runs.append([finding])
    return runs


def _paragraphs(ctx: CaseContext) -> dict[tuple[str, int, SectionKind], int]:
    """Which paragraph each source line of the case belongs to (by block order)."""
    result: dict[tuple[str, int, SectionKind], int] = {}
    number = 0
    for section in ctx.case.sections:
        for block in section.blocks:
            first = block.location.line
            for line in range(first, first + block.markdown.count("\n") + 1):
                result.setdefault((block.location.path, line, section.kind), number)
            number += 1
    return result


def _teaching_start(ctx: CaseContext, tables: _Tables) -> int | None:
    """The first line of the Imaging Findings that opens a teaching paragraph ("LCPD = ...",
    "Epidemiology: ..."), or None."""
    section = ctx.case.section(SectionKind.IMAGING_FINDINGS)
    for block in section.blocks if section else ():
        if tables.teaching.match(clean(block.text).strip()):
            return block.location.line
    return None


def _list_headers(ctx: CaseContext, tables: _Tables) -> tuple[dict[int, str], dict[int, str]]:
    """List items of the Imaging Findings under a header line naming one modality ("MRI R hip
    (Figure 2):", "AP pelvis + frog-leg lateral:"), by paragraph number, with that modality;
    and, for headers naming it in one phrase ("TVUS (transvaginal US):"), that phrase."""
    headed: dict[int, str] = {}
    words: dict[int, str] = {}
    number = 0
    for section in ctx.case.sections:
        family: str | None = None
        phrase: str | None = None
        for block in section.blocks:
            text = clean(block.text).strip()
            if section.kind is SectionKind.IMAGING_FINDINGS:
                if block.kind is BlockKind.LIST_ITEM:
                    if family:
                        headed[number] = family
                        if phrase:
                            words[number] = phrase
                elif text.endswith(":"):
                    mentions = _mentions(text, tables)
                    found = {f for f in (_family(m.id, tables) for m in mentions)}
                    family = next(iter(found)) if len(found) == 1 and None not in found else None
                    phrase = (
                        text[mentions[0].start : mentions[0].end]
                        if family and mentions[0].id == family
                        else None
                    )
                else:
                    family = phrase = None
            number += 1
    return headed, words


# A numbered teaching point's opening sentence, or a short one: "3. UGI is the reference
# standard.", "4. US."
_HEADING_SENTENCE = re.compile(r"^\s*(?:\d{1,2}[.)]\s+\S.{0,60}|(?:\S+\s+){0,5}\S+)$")


# Settings written as adjectives ("sonographic", "radiological") or with trailing words do not
# read after "On ...": the lexicon's label is used instead.
_WRITTEN_SETTING = re.compile(r"(?:[A-Z][\w/-]*|[a-z][\w/-]*)(?:\s+[\w/-]+){0,2}")


def _as_written(phrase: str | None, tables: _Tables) -> str | None:
    """The setting as the author named it ("TVUS", "CT venography", "duplex ultrasound") for an
    "On ..., " opening, or None when that would not read as a noun ("sonographic")."""
    if not phrase or not _WRITTEN_SETTING.fullmatch(phrase):
        return None
    last = phrase.split()[-1]
    if re.search(r"(?:ic|al|ed|ing)$", last) or not last[0].isalpha():
        return None
    return phrase if re.match(r"[A-Z][A-Z\d]", phrase) else lower_first(phrase)


def _family(sequence_id: str, tables: _Tables) -> str | None:
    """The modality a sequence or phase belongs to, as a sequence id ("t2-fs" -> "mr")."""
    kind = tables.by_id.get(sequence_id)
    if kind is None or kind.contextual or sequence_id == "post-contrast":
        return None
    for family in ("ct", "us", "nm", "mammography", "fluoroscopy", "radiograph", "angiography"):
        if sequence_id == family or sequence_id.startswith(family + "-"):
            return family if family in tables.by_id else None
    if sequence_id in ("mra", "mrcp"):
        return "mr"
    return "mr" if _modality_of(sequence_id) == "mr" else None


_ENTITY_LABEL = re.compile(r"^[\s*\u2022-]*([A-Z][^:;.]{1,80}?)\s*:\s+\S")


def _labelled_by_other(text: str, entity: str, disc: Any, tables: _Tables) -> bool:
    """ "Hypervascular metastases (neuroendocrine, renal): peripheral washout, ...": a line
    labelled with a name owns what follows; when that name is not the entity the sentence was
    credited to, whose finding it is cannot be told, and no card is better than a wrong one."""
    match = _ENTITY_LABEL.match(text)
    if not match:
        return False
    label = match.group(1)
    if _mentions(label, tables):
        return False  # "CT, arterial phase: ...": a setting, not an entity
    if re.match(r"\d", label) or {norm(w) for w in re.findall(r"[\w'-]+", label)} & (
        tables.generic_labels
    ):
        return False  # "Typical findings: ...", "Imaging: ..."
    if norm(label) in tables.generic_labels:
        return False
    if not entity:
        return True
    named = norm(re.sub(r"\([^)]*\)", " ", label))
    return not any(
        norm(n) and (norm(n) in norm(label) or named in norm(n)) for n in disc.names_for(entity)
    )


def _plausible_entity(entity: str, tables: _Tables) -> bool:
    """Whether a topic names an entity; "On ultrasound the main signs" is a misread opening."""
    if not entity or re.match(r"(?:on|in|at|after|with|the)\b", entity, re.I):
        return False
    if entity.count("(") != entity.count(")"):
        return False  # "vestibular schwannoma (still": a name cut inside its own aside
    return not _mentions(entity, tables)


def _modality_hint(name: str) -> str | None:
    lowered = name.lower()
    if lowered in {"ct", "computed tomography"} or lowered.startswith("ct"):
        return "ct"
    if lowered.startswith(("mr", "magnetic")):
        return "mr"
    return None


def _text_length(parts: Sequence[str | Answer]) -> int:
    """Characters of a card's text with its cloze markup ("{{c1::...}}")."""
    return sum(
        len(p) if isinstance(p, str) else len(p.text) + len(p.hint or "") + 10 for p in parts
    )


def _fact(
    ctx: CaseContext,
    sentence: Sentence,
    text: str,
    entity: str,
    disc: Any,
    finding: Finding,
    sequence_ids: Sequence[str],
    patient: str,
    findings_section: bool,
    tables: _Tables,
    items: Sequence[Finding] = (),
    setting_name: str | None = None,
) -> Fact:
    answers = [f.answer for f in items] or [finding.answer]
    spans = answers + ([finding.mention] if finding.mention else [])
    # "..., and it enhances intensely": a clause opening with a pronoun keeps its antecedent.
    if finding.segment is not None and len(items) <= 1:
        start, end = finding.segment
    else:
        # "X also arises in Y but affects adults and shows Z": a clause opening with the verb
        # of a subject (the subject table's verbs) has that subject in the clause before.
        start, end = _clause(
            text, spans, tables.clause_verbs | tables.subject_verbs | _SUBJECT_PRONOUNS
        )
        end = _before_pronoun(text, max(e for _, e in spans), end, tables.clause_verbs)
        start = _with_lead(text, start, end, tables, tables.subject_verbs)
    parts = _parts(text, start, end, answers)
    section = sentence.section.value
    if finding.inherited:
        kind = tables.by_id.get(finding.sequence_ids[0])
        setting = setting_name or (kind.setting if kind else finding.sequence_ids[0])
        parts = _prefix(parts, f"On {setting}, ")
    setting = "-".join(sequence_ids)
    if findings_section:
        short = patient_phrase(ctx.case) or "patient"
        if _text_length(parts) + len(f"In this case ({patient}), ") > MAX_TEXT_CHARS:
            patient = short  # a long finding keeps the card short with the bare patient
        parts = _prefix(parts, f"In this case ({patient}), ")
        key = f"{section}-{setting}-{finding.group}"
        subject = f"this case ({patient})"
    else:
        parts = name_parts(parts, entity, disc.names_for(entity), disc.proper_words)
        key = f"{section}-{setting}-{slug(entity)}-{finding.group}"
        subject = entity
    if isinstance(parts[0], str):
        parts[0] = upper_first(parts[0])
    tags = tuple(f"sequence::{i}" for i in sequence_ids)
    return build_fact(ctx, sentence, KIND, key, subject, parts, tags=tags)


def _contrast_fact(
    ctx: CaseContext,
    sentence: Sentence,
    text: str,
    entity: str,
    disc: Any,
    contrast: _Contrast,
    mentions: list[_Mention],
    tables: _Tables,
) -> Fact | None:
    if tables.polarity.assess(text, *contrast.first) is not Polarity.AFFIRMED:
        return None
    before = [m for m in mentions if m.end <= contrast.first[0]]
    if not before:
        return None
    mention = before[-1]
    start, end = _clause(
        text, [contrast.first, contrast.second, (mention.start, mention.end)], tables.clause_verbs
    )
    parts = _parts(text, start, end, [contrast.first, contrast.second])
    parts = name_parts(parts, entity, disc.names_for(entity))
    if isinstance(parts[0], str):
        parts[0] = upper_first(parts[0])
    key = f"{sentence.section.value}-{mention.id}-{slug(entity)}-vs-{slug(contrast.other)}"
    return build_fact(
        ctx, sentence, KIND, key, entity, parts, tags=(f"sequence::{mention.id}", "contrast")
    )


RULE = Rule(
    name="sequence-appearance",
    kind=KIND,
    priority=50,
    doc=(
        "What a finding looks like on a named sequence, phase or modality: one fact per "
        "(sequence, appearance), the sequence visible and the appearance hidden; negated and "
        "uncertain appearances are skipped."
    ),
    run=run,
)
