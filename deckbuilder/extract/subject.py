"""Who a case and each of its sentences is about.

The case subject is the entity the Discussion opens with ("Dermatomyositis is the commonest
idiopathic inflammatory myopathy ..."), else the head of the Final Diagnosis, else the title.
Within a paragraph, a sentence that names an entity as its subject or defines one makes it the
topic; a sentence starting with "It" or "These lesions" keeps the topic, so rules can say whose
fact it is. A Discussion paragraph that names no entity goes on with the previous paragraph's
topic, and "Among X, Y is the most frequent" names Y. Abbreviations defined in the text
("myositis ossificans (MO)") map to their long form.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from deckbuilder.extract.base import CaseContext
from deckbuilder.extract.text import (
    clean,
    entity_in_text,
    lexicon_list,
    lower_first,
    norm,
    phrase_regex,
    singular,
)
from deckbuilder.model import CaseNote, SectionKind, Sentence
from deckbuilder.sentences import split_sentences

__all__ = [
    "UNSURE",
    "Discourse",
    "clause_entity",
    "abbreviations",
    "diagnosis_heads",
    "discourse",
    "final_diagnosis",
    "resolve_subject",
    "sentence_subject",
    "without_asides",
]

_ABBREVIATION = re.compile(r"((?:[\w'-]+\s+){0,6}[\w'-]+)\s*\(([A-Z][A-Za-z0-9-]{1,9})\)")


def final_diagnosis(case: CaseNote) -> str:
    """The Final Diagnosis as written (first non-empty block), or "" when there is none."""
    section = case.section(SectionKind.FINAL_DIAGNOSIS)
    if section is None:
        return ""
    for block in section.blocks:
        text = clean(block.text).strip(" .")
        if text:
            return text
    return ""


def diagnosis_heads(diagnosis: str, lexicon: Any) -> list[str]:
    """The entities a compound diagnosis names, first is the head.

    "Myositis ossificans and panniculitis ossificans developing in the substrate of
    dermatomyositis" gives ["Myositis ossificans", "panniculitis ossificans", "dermatomyositis"].
    """
    connectors = lexicon_list(lexicon, "subject", "diagnosis_connectors")
    if not diagnosis:
        return []
    text = re.sub(r"\([^)]*\)", " ", diagnosis)
    pattern = rf"\s*(?:,|\b(?:{phrase_regex(connectors)})\b)\s*" if connectors else r"\s*,\s*"
    parts = [p.strip(" .") for p in re.split(pattern, text, flags=re.IGNORECASE)]
    return [re.sub(r"\s+", " ", p) for p in parts if p and len(p) > 2]


def abbreviations(sentences: Sequence[Sentence]) -> dict[str, str]:
    """Abbreviations defined in the text: {"MO": "myositis ossificans"}, first definition wins."""
    found: dict[str, str] = {}
    for sentence in sentences:
        for match in _ABBREVIATION.finditer(sentence.text):
            abbr = match.group(2)
            if abbr in found:
                continue
            long_form = _long_form(match.group(1).split(), abbr)
            if long_form:
                found[abbr] = long_form
    return found


def _long_form(words: list[str], abbr: str) -> str | None:
    letters = [c.lower() for c in abbr if c.isalpha()]
    if not letters:
        return None
    for count in range(1, min(len(words), len(letters) + 2) + 1):
        candidate = words[-count:]
        if candidate[0][0].lower() != letters[0]:
            continue
        joined = "".join(candidate).lower()
        position = 0
        ok = True
        for letter in letters:
            position = joined.find(letter, position)
            if position < 0:
                ok = False
                break
            position += 1
        initials_hit = sum(1 for w in candidate if w[0].lower() in letters)
        if ok and initials_hit >= min(len(candidate), 2) and count >= min(len(letters), 2):
            return " ".join(candidate)
    return None


def sentence_subject(text: str, lexicon: Any, max_words: int = 8) -> str | None:
    """The noun phrase a sentence opens with, before its verb; None if there is none.

    "Multiple sclerosis usually affects young adults" gives "Multiple sclerosis". A leading
    adverbial ending with a comma ("In adults, ...") is skipped.
    """
    verbs = lexicon_list(lexicon, "subject", "verbs")
    if not verbs:
        return None
    body = clean(text)
    # "A pleomorphic adenoma, on the other hand, is ..." names pleomorphic adenoma.
    asides = lexicon_list(lexicon, "subject", "asides")
    if asides:
        body = re.sub(rf",\s*(?:{phrase_regex(asides)})\s*,", "", body, flags=re.IGNORECASE)
    # Appositions ("Pleomorphic adenoma, also called benign mixed tumour, is ...") are skipped.
    body = re.sub(
        r",\s*(?:or|also\s+called|also\s+known\s+as|known\s+as|i\.e\.)\s[^,]{1,60},", "", body
    )
    # "Among the idiopathic inflammatory myopathies, dermatomyositis is ..." names dermatomyositis.
    intro = re.match(
        r"^(?:[A-Z][\w-]*ly|In [^,]{1,60}|On [^,]{1,60}|At [^,]{1,60}|Among [^,]{1,80}|"
        r"Of [^,]{1,80}),\s+",
        body,
    )
    if intro:
        body = body[intro.end() :]
    # A telegraphic definition "Hepatic haemangioma = most common benign liver tumour": the
    # equals sign is its verb.
    equation = re.match(r"([^=,;:]{2,80}?)\s+=\s", body)
    # A verb inside a bracketed aside ("X (still often called Y, although it arises ...) is")
    # is not the sentence's: brackets are blanked, same length, while looking for the verb.
    masked = _masked_brackets(body)
    match = equation or re.search(rf"\s+(?:{phrase_regex(verbs)})\b", masked, re.IGNORECASE)
    if not match:
        return None
    end = equation.end(1) if equation else match.start()
    subject = body[:end].strip(" ,")
    # A name never ends inside an open bracket; commas inside a closed aside are its own.
    if subject.count("(") != subject.count(")"):
        return None
    if not subject or len(masked[:end].split()) > max_words or re.search(r"[,;:]", masked[:end]):
        return None
    return subject


def without_asides(name: str) -> str:
    """``name`` without its bracketed asides of more than one word: "Fibromatosis colli (also
    called sternocleidomastoid tumour of infancy)" is "Fibromatosis colli"; "Focal nodular
    hyperplasia (FNH)" keeps its abbreviation."""
    return re.sub(r"\s*\((?:[^()]*\s[^()]*)\)", "", name).strip(" ,") or name


def _masked_brackets(text: str) -> str:
    """``text`` with every bracketed stretch (nested ones included) blanked out."""
    out: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        masked = depth > 0
        if char == ")" and depth:
            depth -= 1
        # A visible placeholder, so no word boundary or space is found inside the bracket.
        out.append("\x00" if masked else char)
    return "".join(out)


# A capitalised word after a lower-case word or an article ("A Brodie abscess") is a name.
_NAME_AFTER_WORD = re.compile(
    r"(?:(?<=[a-z,;(] )|(?<=\bA )|(?<=\bAn )|(?<=\bThe ))[A-Z][a-z]+(?:['\u2019]s)?\b"
)

# Sections whose paragraphs form one argument, so a topic runs on from one paragraph to the next.
_CONTINUED_SECTIONS = (SectionKind.DISCUSSION, SectionKind.OTHER)


@dataclass(frozen=True)
class Discourse:
    """The case subject, known entity names and the topic of every sentence (by identity)."""

    subject: str
    entities: tuple[str, ...]
    abbreviations: dict[str, str]
    topics: tuple[tuple[Sentence, str], ...]
    generic_heads: tuple[str, ...] = ()
    proper_words: frozenset[str] = frozenset()
    differentials: tuple[str, ...] = ()
    # (entity, another name the case writes for it): "schwannoma of the orbit" for the listed
    # "Orbital schwannoma".
    aliases: tuple[tuple[str, str], ...] = ()

    def topic(self, sentence: Sentence) -> str:
        for candidate, topic in self.topics:
            if candidate is sentence or candidate == sentence:
                return topic
        return self.subject

    def topic_before(self, sentence: Sentence) -> str:
        """The topic in force just before ``sentence``: what "An MCA infarct, in contrast, ..."
        is set against, while the sentence itself is about the infarct."""
        previous = self.subject
        for candidate, topic in self.topics:
            if candidate is sentence or candidate == sentence:
                return previous
            previous = topic
        return self.subject

    def names_for(self, entity: str) -> list[str]:
        """The entity and its abbreviations, for "does this text name it" checks."""
        names = [entity]
        for abbr, long_form in self.abbreviations.items():
            if norm(long_form) in (norm(entity), norm(singular(entity))):
                names.append(abbr)
        names.extend(alias for owner, alias in self.aliases if owner == entity)
        return names

    def subject_names(self, subject: str, entity: str) -> bool:
        """Whether a sentence's own subject names a kind of ``entity`` by its head noun:
        "Uncomplicated type B dissection" names "aortic dissection", "The tumour" names nothing."""
        words = entity.split()
        head = norm(singular(words[-1])) if len(words) > 1 else ""
        if not head or len(head) < 4 or head in self.generic_heads:
            return False
        return any(norm(singular(w)) == head for w in subject.split())

    def expand(self, text: str) -> str:
        """Writes each defined abbreviation as its long form, keeping its definition readable."""
        for abbr, long_form in sorted(self.abbreviations.items()):
            if re.search(rf"{re.escape(long_form)}\s*\({re.escape(abbr)}\)", text, re.I):
                continue
            # "Renal cell carcinoma (RCC) accounts ..." is capitalised only as a sentence opening:
            # "clear cell RCC" becomes "clear cell renal cell carcinoma".
            inner = lower_first(long_form, self.proper_words)
            text = re.sub(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", inner, text)
            # "an MCA infarct" spelled out is "a middle cerebral artery infarct".
            article = "an" if inner[:1].lower() in "aeiou" else "a"
            text = re.sub(
                rf"\b([Aa])n? (?={re.escape(inner)})",
                functools.partial(_keep_article_case, article=article),
                text,
            )
        return re.sub(r"^([a-z])", lambda m: m.group(1).upper(), text)


def _keep_article_case(match: re.Match[str], article: str) -> str:
    """``article`` in the case of the article it replaces ("An" stays capitalised)."""
    return (article if match.group(1) == "a" else article.capitalize()) + " "


def _is_definition(text: str, subject: str, lexicon: Any) -> bool:
    cleaned = clean(text)
    # The subject may follow an opening adverbial ("Among benign liver lesions, haemangioma ...").
    position = cleaned.find(subject)
    rest = cleaned[position + len(subject) :] if position >= 0 else ""
    cues = lexicon_list(lexicon, "subject", "definition_cues")
    cue = re.match(rf"\s+(?:{phrase_regex(cues)})\b", rest, re.IGNORECASE) if cues else None
    if not cue:
        return False
    # "Hypertension is the most important risk factor" relates, it does not define.
    relations = lexicon_list(lexicon, "subject", "relation_heads")
    head = " ".join(rest[cue.end() :].split()[:5])
    return not (
        relations
        and re.search(rf"(?<![\w-])(?:{phrase_regex(relations)})(?![\w-])", head, re.IGNORECASE)
    )


def _is_generic(subject: str, lexicon: Any) -> bool:
    lowered = norm(subject)
    # "Sagittal FLAIR is the best sequence ...": a sequence or modality is never the topic.
    blocked = set(lexicon_list(lexicon, "subject", "non_entity_words"))
    if any(w in blocked for w in re.findall(r"[\w*]+", lowered)):
        return True
    first = lowered.split()[0] if lowered.split() else ""
    if first in lexicon_list(lexicon, "subject", "non_entity_first_words"):
        return True
    # "Demonstration of restricted diffusion is ...": an act of the reader, not a topic.
    if first in lexicon_list(lexicon, "subject", "nominal_openings"):
        return True
    heads = [
        *lexicon_list(lexicon, "subject", "non_entity_heads"),
        *lexicon_list(lexicon, "subject", "subtype_heads"),
    ]
    return any(re.search(rf"(?<![\w-]){re.escape(h)}$", lowered) for h in heads)


def resolve_subject(case: CaseNote, sentences: Sequence[Sentence], lexicon: Any) -> str:
    """The entity the case is about: the Discussion's opening subject, else the Final Diagnosis."""
    heads = diagnosis_heads(final_diagnosis(case), lexicon)
    for sentence in sentences:
        if sentence.section is SectionKind.DISCUSSION:
            subject = sentence_subject(sentence.text, lexicon)
            if subject:
                # "A laryngocele is an abnormal dilatation ..." is about laryngocele: the article
                # opens the noun phrase, it does not make it generic.
                subject = re.sub(r"^(?:an?|the)\s+(?=[a-z])", "", subject, flags=re.IGNORECASE)
                subject = subject[:1].upper() + subject[1:]
                subject = without_asides(subject)
            if subject and _modifies_head(subject, heads, lexicon):
                # "The liver is the commonest site ..." in a case of colorectal liver metastases.
                return _disease_part(heads[0], lexicon) or heads[0]
            if subject and not _is_generic(subject, lexicon) and _related(subject, case, heads):
                # "Osteosarcoma arising in Paget disease" is about osteosarcoma even when the
                # Discussion opens with the background disease.
                if _is_background(subject, heads):
                    return heads[0]
                return subject
            framed = _framing_entity(clean(sentence.text), heads)
            if framed:
                return framed
            break
    if heads:
        return heads[0]
    return case.meta.title


def _modifies_head(subject: str, heads: Sequence[str], lexicon: Any) -> bool:
    """Whether ``subject`` names only where the Final Diagnosis's disease sits: its words are
    those the diagnosis writes before its disease noun, beside a place noun (``place_heads``).
    "The liver is the commonest site ..." in a case of "colorectal liver metastases", "The
    retropharyngeal space lies ..." in one of "retropharyngeal abscess"."""
    if not heads:
        return False
    disease = _disease_part(heads[0], lexicon)
    if disease is None:
        return False

    def stems(text: str) -> list[str]:
        # "The pancreas" is the organ of "pancreatic ...": seven letters make one stem.
        return [norm(singular(w))[:7] for w in re.findall(r"[A-Za-z][\w-]*", text)]

    places = {norm(w) for w in lexicon_list(lexicon, "subject", "place_heads")}
    own = {
        stem
        for word, stem in zip(re.findall(r"[A-Za-z][\w-]*", subject), stems(subject), strict=True)
        if norm(singular(word)) not in places
    } - {"a", "an", "the"}
    return bool(own) and own <= set(stems(disease)[:-1])


def _disease_part(name: str, lexicon: Any) -> str | None:
    """``name`` up to its first disease noun (an ``entity_heads`` word or one with an
    ``entity_suffixes`` ending), without a leading side: "Left colorectal liver metastases
    from a sigmoid adenocarcinoma" is "Colorectal liver metastases"; None when it has none."""
    heads = {norm(w) for w in lexicon_list(lexicon, "subject", "entity_heads")}
    suffixes = tuple(norm(w) for w in lexicon_list(lexicon, "subject", "entity_suffixes"))
    sides = {norm(w) for w in lexicon_list(lexicon, "subject", "laterality")}
    words = name.split()
    while len(words) > 1 and norm(words[0]) in sides:
        words = words[1:]
    for i, word in enumerate(words[1:], start=1):
        bare = norm(word).strip(",;:")
        if bare in heads or (suffixes and bare.endswith(suffixes)):
            found = " ".join(words[: i + 1]).strip(",;:")
            return found[:1].upper() + found[1:]
    return None


def _is_background(subject: str, heads: Sequence[str]) -> bool:
    """Whether ``subject`` is a later entity of a compound Final Diagnosis (its substrate or
    cause), not its head."""
    wanted = norm(singular(subject))
    first = norm(singular(heads[0])) if heads else ""
    return wanted != first and any(norm(singular(h)) == wanted for h in heads[1:])


def _related(subject: str, case: CaseNote, heads: Sequence[str]) -> bool:
    """Whether the Discussion's opening subject shares a word with the Final Diagnosis or the
    title ("Bone pain is frequent in ..." opens a Discussion about Ewing sarcoma)."""
    named = " ".join([*heads, final_diagnosis(case), case.meta.title])
    if not heads:
        return True

    def stems(text: str) -> set[str]:
        return {norm(singular(w))[:7] for w in re.findall(r"[A-Za-z][\w-]{3,}", text)}

    return bool(stems(subject) & stems(named))


def _framing_entity(text: str, heads: Sequence[str]) -> str | None:
    """ "In aortic dissection a tear ..." frames the Discussion by an entity ending with the
    head noun of the Final Diagnosis ("Acute ... aortic dissection"); None otherwise."""
    words = re.match(r"In\s+([^,;.]*)", text)
    if not words or not heads:
        return None
    head_noun = norm(singular(heads[0].split()[-1]))
    tokens = words.group(1).split()
    for count in range(1, min(len(tokens), 5) + 1):
        phrase = " ".join(tokens[:count])
        if norm(singular(tokens[count - 1])) != head_noun:
            continue
        if count == 1 or norm(phrase) in norm(heads[0]) or norm(tokens[0]) in norm(heads[0]):
            return phrase
    return None


def case_discourse(ctx: CaseContext) -> Discourse:
    """The discourse of the rule's case, analysed once per case and shared by every rule."""
    return ctx.derived("discourse", lambda c: discourse(c.case, c.subject, c.lexicon))


def listed_differentials(sentences: Sequence[Sentence]) -> list[str]:
    """The diagnoses of the Differential Diagnosis List, one per line or bullet."""
    items: list[str] = []
    for sentence in sentences:
        if sentence.section is not SectionKind.DIFFERENTIAL_DIAGNOSIS:
            continue
        for line in re.split(r"\n|\s*;\s*", sentence.text):
            text = clean(re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)).strip(" .")
            text = re.sub(r"\s*\([^)]*\)", "", text).strip()
            if text and norm(text) not in {norm(i) for i in items}:
                items.append(text)
    return items


def discourse(case: CaseNote, subject: str, lexicon: Any) -> Discourse:
    """Tracks the topic of each sentence of the case, paragraph by paragraph."""
    all_sentences = [
        s
        for section in case.sections
        for block in section.blocks
        for s in split_sentences(block, section.kind)
    ]
    abbrs = abbreviations(all_sentences)
    subject_names = {norm(subject), norm(singular(subject))}
    diagnosis = final_diagnosis(case)
    subject_names |= {norm(singular(diagnosis)), norm(diagnosis)}
    # "Epidermoid cyst" listed beside "Epidermoid cyst of the right cerebellopontine angle" or
    # "Intracranial epidermoid cysts" is the case's own disease, never a differential of it.
    differentials = [
        d
        for d in listed_differentials(all_sentences)
        if not any(
            re.search(rf"(?<![\w-]){re.escape(norm(singular(d)))}(?![\w-])", n)
            for n in subject_names | {norm(singular(subject))}
            if n
        )
    ]
    known = [
        subject,
        *_entity_heads(diagnosis_heads(final_diagnosis(case), lexicon), lexicon),
        *abbrs.values(),
        *differentials,
    ]
    entities: list[str] = []
    for name in known:
        if name and norm(name) not in {norm(e) for e in entities}:
            entities.append(name)
    leading = lexicon_list(lexicon, "anaphora", "leading")
    anaphor = re.compile(rf"^(?:{phrase_regex(leading)})\b", re.I) if leading else None
    others = _other_entities(subject, entities, differentials, abbrs)
    topics: list[tuple[Sentence, str]] = []
    aliases: list[tuple[str, str]] = []
    for section in case.sections:
        # A prose paragraph that names no entity goes on about the previous paragraph's topic
        # ("In the acute phase, the affected muscles ..." after a paragraph on dermatomyositis),
        # rather than jumping back to the case subject. After a paragraph about a differential
        # it goes back to the case subject: "Treatment is ..." is about the case's disease.
        carried = subject
        for block in section.blocks:
            topic = carried if section.kind in _CONTINUED_SECTIONS else subject
            opened_on = topic
            opening = True
            for sentence in split_sentences(block, section.kind):
                text = clean(sentence.text)
                if anaphor is None or not anaphor.match(text):
                    named = _named_entity(text, entities, abbrs, lexicon)
                    if named and not _may_head(named, subject, diagnosis, differentials, lexicon):
                        # "The cerebellopontine angle (CPA) is the commonest location": a place
                        # spelled out by an abbreviation is no topic.
                        named = None
                    alias = _reordered_alias(text, named, entities, lexicon)
                    if alias and named and (named, alias) not in aliases:
                        aliases.append((named, alias))
                    mentioned = None
                    if not named and opening and section.kind in _CONTINUED_SECTIONS:
                        # "Multiple cystic lesions should instead suggest lymphoepithelial
                        # cysts": a paragraph opening with one differential is about it.
                        mentioned = _mentioned(text, others, abbrs, [subject], lexicon)
                    defined = (
                        None if named or mentioned else _defined(text, topic, entities, lexicon)
                    )
                    topic = named or mentioned or defined or topic
                topics.append((sentence, topic))
                if opening:
                    opened_on = topic
                opening = False
            # The next paragraph goes on about the topic this one opened with, or about the
            # case's disease if this one came round to it: another entity that comes up later
            # ("... Pathologic fracture is the presenting event in about two thirds.") is an
            # aside, not what the following "Radiographs: ..." describes.
            if norm(topic) != norm(subject):
                topic = opened_on
            carried = topic if norm(topic) not in {norm(o) for o in others} else subject
    generic = tuple(norm(w) for w in lexicon_list(lexicon, "subject", "generic_heads"))
    # A word the case writes capitalised after a lower-case word is a name ("... of Ewing
    # sarcoma"), kept capitalised when a card writes "In Ewing sarcoma, ...".
    proper = frozenset(
        [
            *(w for s in all_sentences for w in re.findall(_NAME_AFTER_WORD, s.text)),
            *lexicon_list(lexicon, "subject", "eponyms"),
        ]
    )
    return Discourse(
        subject,
        tuple(entities),
        abbrs,
        tuple(topics),
        generic,
        proper,
        tuple(differentials),
        tuple(aliases),
    )


def _reordered_alias(
    text: str, named: str | None, entities: Sequence[str], lexicon: Any
) -> str | None:
    """The sentence's own subject when it names ``named`` as "<name> of the <place>"."""
    own = sentence_subject(text, lexicon) if named else None
    if not own:
        return None
    bare = re.sub(r"^(?:a|an|the)\s+", "", own.strip(), flags=re.IGNORECASE)
    if norm(bare) == norm(named or "") or _place_reordered(norm(singular(bare)), entities) != named:
        return None
    return bare


def _entity_heads(heads: Sequence[str], lexicon: Any) -> list[str]:
    """The heads of a compound diagnosis that are entities: "Xanthogranulomatous
    pyelonephritis, diffuse form" names one disease, its subtype ("diffuse form") and side
    ("left hip") are no topic a card could be headed by."""
    return [h for i, h in enumerate(heads) if i == 0 or not _is_qualifier(h, lexicon)]


def _is_qualifier(phrase: str, lexicon: Any) -> bool:
    words = re.findall(r"[\w-]+", norm(phrase))
    if not words or len(words) > 4:
        return False
    subtypes = set(lexicon_list(lexicon, "subject", "subtype_heads"))
    sides = set(lexicon_list(lexicon, "subject", "laterality"))
    return words[0] in sides or bool(set(words) & subtypes)


def _defined(text: str, topic: str, entities: list[str], lexicon: Any) -> str | None:
    """The entity a defining sentence introduces ("Chondroblastoma is a rare ..."), added to
    ``entities``; None when the sentence defines nothing."""
    candidate = sentence_subject(text, lexicon)
    candidate = without_asides(candidate) if candidate else candidate
    if candidate and re.search(r"\s(?:and|or)\s", candidate):
        # "Warthin tumours and oncocytomas are the only ..." defines no new entity; the known
        # one it names stays the topic.
        for part in re.split(r"\s+(?:and|or)\s+", candidate):
            known = match_entity(part, entities, {})
            if known:
                return known
        return None
    if (
        not candidate
        or _is_generic(candidate, lexicon)
        or not _is_definition(text, candidate, lexicon)
    ):
        return None
    # "Aneurysms are rare before 60" shortens the entity being discussed, it does not start a
    # new one.
    longer = _shortened(candidate, [topic, *entities])
    if longer is None:
        entities.append(candidate)
    return longer or candidate


def _other_entities(
    subject: str, entities: Sequence[str], differentials: Sequence[str], abbrs: dict[str, str]
) -> list[str]:
    """The differentials (and the abbreviations naming one) that are not the case subject."""
    wanted = {norm(singular(d)) for d in differentials}
    return [e for e in entities if norm(singular(e)) in wanted and norm(e) != norm(subject)]


def _mentioned(
    text: str,
    candidates: Sequence[str],
    abbrs: dict[str, str],
    excluded: Sequence[str],
    lexicon: Any = None,
) -> str | None:
    """The one candidate ``text`` names anywhere, when it names exactly one and none of
    ``excluded``; one named only after a comparison cue ("..., whereas an arachnoid cyst ...")
    is the other side of a comparison, not what the paragraph is about."""

    def names(entity: str) -> list[str]:
        return [entity, *(a for a, long in abbrs.items() if norm(long) == norm(entity))]

    if any(entity_in_text(text, names(e)) for e in excluded):
        return None
    hits = [c for c in candidates if entity_in_text(text, names(c))]
    if len(hits) != 1:
        return None
    cues = lexicon_list(lexicon, "subject", "comparison_cues") if lexicon is not None else []
    position = _position(text, names(hits[0]))
    if (
        cues
        and position is not None
        and re.search(rf"(?<![\w-])(?:{phrase_regex(cues)})(?![\w-])", text[:position], re.I)
    ):
        return None
    return hits[0]


def _may_head(
    entity: str, subject: str, diagnosis: str, differentials: Sequence[str], lexicon: Any
) -> bool:
    """Whether a known name may be a paragraph's topic: the case subject, a part of the
    diagnosis, a differential or a disease; not a place known only by its abbreviation."""
    wanted = norm(singular(entity))
    if wanted in {norm(singular(subject)), *(norm(singular(d)) for d in differentials)}:
        return True
    for head in diagnosis_heads(diagnosis, lexicon):
        if norm(singular(head)) != wanted:
            continue
        # A later part of a diagnosis may be a place ("... of the right cerebellopontine
        # angle"), which heads no paragraph.
        at = diagnosis.lower().find(head.lower())
        before = diagnosis[:at] if at > 0 else ""
        if not re.search(r"\b(?:of|in|at|on)\s+(?:the\s+)?(?:(?:right|left)\s+)?$", before, re.I):
            return True
    return is_disease_like(entity, lexicon)


def _shortened(candidate: str, entities: Sequence[str]) -> str | None:
    """The first of ``entities`` that ``candidate`` names by its last words only ("Aneurysms"
    for "abdominal aortic aneurysm"), or None."""
    short = norm(singular(candidate))
    for entity in entities:
        full = norm(singular(entity))
        if full != short and full.endswith(" " + short):
            return entity
    return None


def _named_entity(
    text: str, entities: Sequence[str], abbrs: dict[str, str], lexicon: Any
) -> str | None:
    subject = sentence_subject(text, lexicon)
    if not subject:
        return None
    return match_entity(subject, entities, abbrs)


def match_entity(phrase: str, entities: Sequence[str], abbrs: dict[str, str]) -> str | None:
    """The known entity a noun phrase names, or None.

    "A Brodie abscess" names "Brodie abscess", "FLC" names its long form, "Multiple FNH" names
    "focal nodular hyperplasia" and "An MCA infarct" names itself spelled out, being the last
    words of the listed "Acute middle cerebral artery infarct".
    """
    bare = re.sub(r"\s*\([^)]*\)", "", phrase).strip()
    bare = re.sub(r"^(?:a|an|the)\s+", "", bare, flags=re.IGNORECASE)
    lowered = norm(bare)
    if not lowered:
        return None
    for abbr, long_form in abbrs.items():
        if re.fullmatch(rf"{re.escape(abbr.lower())}(?: lesions?)?s?", lowered):
            return long_form
    expanded = bare
    for abbr, long_form in sorted(abbrs.items()):
        expanded = re.sub(
            rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", lower_first(long_form), expanded
        )
    forms = {norm(expanded), norm(singular(expanded))}
    for entity in entities:
        if forms & {norm(entity), norm(singular(entity))}:
            return entity
    words = norm(singular(expanded)).split()
    for entity in entities:
        full = norm(singular(entity))
        # "Multiple FNH" is a kind of FNH; "middle cerebral artery infarct" is the listed
        # "acute middle cerebral artery infarct".
        if len(full.split()) >= 2 and (" ".join(words)).endswith(" " + full):
            return entity
        if len(words) >= 2 and full.endswith(" " + " ".join(words)):
            return expanded
    for abbr, long_form in abbrs.items():
        if re.fullmatch(rf"{re.escape(abbr.lower())} \w+s?", lowered):
            return long_form
    return _place_reordered(norm(singular(expanded)), entities)


def _place_reordered(phrase: str, entities: Sequence[str]) -> str | None:
    """The entity "<place adjective> <name>" that a phrase "<name> of the <place>" names:
    "schwannoma of the orbit" is "Orbital schwannoma", "chordoma of the sacrum" is "Sacral
    chordoma" (the adjective shares the place's stem: all but its last two letters, four or
    more)."""
    found = re.fullmatch(r"([a-z][\w -]*?) of (?:the )?([a-z]{4,})", phrase)
    if not found:
        return None
    name, place = found.group(1), found.group(2)
    stem = place[: max(4, len(place) - 2)]
    for entity in entities:
        words = norm(singular(entity)).split()
        if len(words) >= 2 and " ".join(words[1:]) == name and words[0].startswith(stem):
            return entity
    return None


_DEFINITE = frozenset({"the", "this", "these", "that", "those", "such"})


def is_disease_like(phrase: str, lexicon: Any) -> bool:
    """Whether a noun phrase's head names a disease or entity ("Giant cell arteritis", "Brodie
    abscess", "Neuroblastomas"), not a finding or a property ("Calcification", "Males")."""
    words = re.findall(r"[A-Za-z][\w'-]*", phrase)
    if not words or re.search(r"\b(?:and|or)\b", phrase, re.IGNORECASE):
        return False
    head = norm(singular(words[-1]))
    generic = {norm(w) for w in lexicon_list(lexicon, "subject", "generic_heads")}
    if (
        len(words) > 1
        and words[0].lower() in _DEFINITE
        and all(norm(singular(w)) in generic for w in words[1:])
    ):
        # "The mass", "these cysts": a definite generic noun points back to an entity named
        # before (the case's disease, in a teaching point), it names none of its own.
        return False
    heads = generic | {norm(w) for w in lexicon_list(lexicon, "subject", "entity_heads")}
    if head in heads:
        return True
    suffixes = lexicon_list(lexicon, "subject", "entity_suffixes")
    return any(head.endswith(norm(x)) for x in suffixes)


def is_generic(subject: str, lexicon: Any) -> bool:
    """Whether a sentence's opening noun phrase names no entity ("The lesion", "Sagittal FLAIR",
    "Surgical resection")."""
    return _is_generic(subject, lexicon)


def names_kind_of(disc: Discourse, text: str, entity: str, lexicon: Any) -> bool:
    """Whether ``text`` opens with a subject that is a kind of ``entity`` ("Inflammatory adenomas
    are ..." about "hepatocellular adenoma"), so no "In <entity>, " prefix is needed."""
    own = sentence_subject(text, lexicon)
    return own is not None and disc.subject_names(own, entity)


def prose_sentences(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences general facts are cut from: the Discussion and unnamed sections."""
    return [s for s in sentences if s.section in (SectionKind.DISCUSSION, SectionKind.OTHER)]


def prepare(
    disc: Discourse, sentence: Sentence, lexicon: Any, entity: str | None = None
) -> tuple[str, str]:
    """A sentence ready to be a card: cleaned, anaphors resolved, abbreviations spelled out, and
    naming the entity it is about (its topic unless ``entity`` is given).

    Returns the text and the entity it names.
    """
    from deckbuilder.extract.text import name_subject, resolve_anaphora

    topic = entity or disc.topic(sentence)
    text = clean(sentence.text)
    text, _ = resolve_anaphora(text, topic, lexicon, disc.proper_words)
    text = disc.expand(text)
    names = disc.names_for(topic)
    if entity is None:
        named = _named_entity(text, disc.entities, disc.abbreviations, lexicon)
        if named:
            return text, named
        opener = _opening_differential(text, disc)
        if opener and norm(singular(opener)) != norm(singular(topic)):
            # "Intraductal papillary neoplasm of the bile duct communicates with the ducts, ...
            # and affects older men" opens with a listed differential's full name: the
            # sentence is about it even when no verb of the subject list follows the name, and
            # the words up to a later verb ("... straddles the hilum and affects") are no name.
            return text, opener
        own = sentence_subject(text, lexicon)
        if own and _qualified_topic(own, topic, disc, lexicon):
            # "True aneurysms are ..." in a splenic artery aneurysm case: the sentence is about
            # a kind of the topic, which the card must name ("In splenic artery aneurysm, ...").
            return name_subject(text, topic, names, disc.proper_words), topic
        if (
            own
            and not _is_generic(own, lexicon)
            and not own[:1].islower()
            and is_disease_like(own, lexicon)
        ):
            # The sentence names what it is about ("Acute aortic dissection has its peak ...");
            # "Calcification is seen in ..." or "Stage and grade are ..." name no entity.
            return text, own
        opening = sentence_subject(text, lexicon, max_words=16)
        if opening:
            listed = _listed_by_words(opening, disc.differentials)
            if listed:
                # "Diffusion restriction after status epilepticus can mimic ..." is about the
                # listed "Peri-ictal changes after status epilepticus": the sentence's own
                # subject names it, so the card needs no prefix.
                return text, opening
        if not entity_in_text(text, names):
            other = _other_named(text, topic, disc, lexicon)
            if other:
                # The sentence names another entity and not the topic: a card must not credit
                # the topic with it ("In Warthin tumour, a pleomorphic adenoma is ...").
                return text, other
    own = sentence_subject(text, lexicon)
    if own and disc.subject_names(own, topic):
        return text, topic
    return name_subject(text, topic, names, disc.proper_words), topic


def _opening_differential(text: str, disc: Discourse) -> str | None:
    """The listed differential whose name of two or more words opens ``text`` (an article
    aside) as the sentence's subject: "Hydatid cyst shows ..." names it, "Hydatid cyst and
    abscess ..." (a coordinated subject) does not. None when two differentials open it alike."""
    body = re.sub(r"^(?:the|an?)\s+", "", text, flags=re.IGNORECASE)
    hits: list[tuple[int, str]] = []
    for item in disc.differentials:
        for name in {item, *disc.names_for(item)}:
            bare = without_asides(name).strip()
            if len(bare.split()) < 2:
                continue  # a one-word name may open a longer phrase naming something else
            match = re.match(rf"{re.escape(bare)}s?\s+(?=[a-z])", body, re.IGNORECASE)
            if match and not re.match(r"(?:and|or|nor|versus|vs)\b", body[match.end() :]):
                hits.append((match.end(), item))
    if not hits:
        return None
    longest = max(end for end, _ in hits)
    owners = {item for end, item in hits if end == longest}
    return owners.pop() if len(owners) == 1 else None


def _qualified_topic(own: str, topic: str, disc: Discourse, lexicon: Any) -> bool:
    """Whether a sentence's subject is the topic's head noun under a qualifier only ("True
    aneurysms", "Giant adenomas"), the topic's other words left out: a kind of the topic.

    A generic head ("Malignant tumours") or a qualifier outside ``kind_qualifiers`` ("Berry
    aneurysms", another disease) is not taken as the topic's.
    """
    words = re.findall(r"[A-Za-z][\w'-]*", re.sub(r"^(?:the|an?)\s+", "", own, flags=re.I))
    topic_words = re.findall(r"[A-Za-z][\w'-]*", topic)
    if len(words) != 2 or len(topic_words) < 2:
        return False
    head = norm(singular(words[-1]))
    if head != norm(singular(topic_words[-1])):
        return False
    if head in {norm(w) for w in lexicon_list(lexicon, "subject", "generic_heads")}:
        return False
    qualifiers = {norm(w) for w in lexicon_list(lexicon, "subject", "kind_qualifiers")}
    if norm(words[0]) not in qualifiers or any(norm(w) in qualifiers for w in topic_words):
        # A qualified topic ("acquired cholesteatoma") has siblings, not kinds: "Congenital
        # cholesteatomas are ..." is about another entity.
        return False
    return match_entity(own, disc.entities, disc.abbreviations) is None


# Where a clause with a subject of its own may start inside a sentence.
_CLAUSE_START = re.compile(
    r";\s*|:\s+|,\s+(?=(?:and|or|but|whereas|while|although|though|yet)\s)|"
    r"\s+(?=(?:but|whereas)\s)",
    re.IGNORECASE,
)
_CLAUSE_LINK = re.compile(
    r"^[\s,;:]*(?:(?:and|or|but|whereas|while|although|though|yet)\s+)?", re.IGNORECASE
)
UNSURE = "?"
_ADVERBS = frozenset({"most", "often", "never", "almost", "seldom", "seen", "found"})


def clause_entity(disc: Discourse, text: str, position: int, lexicon: Any) -> str | None:
    """The entity the clause of ``text`` holding ``position`` names as its own subject.

    "..., whereas an arachnoid cyst follows CSF" names "Arachnoid cyst"; "Hypovascular
    metastases vary in size ... and usually show restricted diffusion" names "Hypovascular
    metastases" (a clause that opens with its verb has the subject of the clause before). A
    pronoun, a generic phrase ("the lesion", "Nodular enhancement") or a phrase naming the
    topic gives None: the card is about the sentence's topic. An indefinite kind that is neither
    the topic nor a known or disease-like entity ("a fibrous band shows ...") gives ``UNSURE``:
    whose fact it is cannot be told, so no card should be made.

    Args:
        disc: The case's discourse.
        text: A prepared sentence (see :func:`prepare`), without an added "In <topic>, ".
        position: Where the finding lies in ``text``.
        lexicon: The shipped lexicons (``subject`` table).
    """
    verbs = {norm(v) for v in lexicon_list(lexicon, "subject", "verbs")}
    starts = [0, *(m.end() for m in _CLAUSE_START.finditer(text) if m.end() <= position)]
    for start in reversed(starts):
        clause = _CLAUSE_LINK.sub("", text[start:], count=1)
        first = re.match(r"[\w'-]+", clause)
        if first and norm(first.group()) in verbs:
            continue  # "..., and usually show X": the subject is in the clause before
        described = _described_by_relative(disc, clause, position - (len(text) - len(clause)))
        if described:
            return described
        relative = _RELATIVE_OPENING.match(clause)
        if (
            relative
            and not _has_verb(relative.group("np"), verbs)
            # "Progression to X, which ...": the relative clause describes X, not the subject.
            and not re.search(r"\b(?:to|of|in|into|from|with|by|for|after)\b", relative["np"])
        ):
            # "papillary carcinoma, which is hypovascular, ... is hypointense on T2WI": the
            # phrase a non-restrictive relative clause follows is the clause's own subject.
            return _classify_subject(disc, relative.group("np"), text, lexicon)
        own = sentence_subject(clause, lexicon) if clause[:1].isalpha() else None
        if not own:
            return None
        # "a round lucency, often with ...": an adverb after a phrase is no verb of it.
        finite = verbs - _ADVERBS - {v for v in verbs if v.endswith("ly")}
        after = clause[clause.find(own) + len(own) :]
        if not re.match(
            rf"[\s,]*(?:(?:[a-z]+ly|often|also)\s+)*(?:{phrase_regex(sorted(finite))})\b",
            after,
            re.IGNORECASE,
        ):
            return None
        return _classify_subject(disc, own, text, lexicon)
    return None


# "papillary carcinoma, which ...": a noun phrase of a few words, then a relative pronoun.
_RELATIVE_OPENING = re.compile(
    r"(?P<np>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,5}),\s+(?:which|who)\s", re.IGNORECASE
)


def _has_verb(phrase: str, verbs: set[str]) -> bool:
    return any(norm(w) in verbs for w in re.findall(r"[\w'-]+", phrase))


def _described_by_relative(disc: Discourse, clause: str, position: int) -> str | None:
    """The listed differential a ", which ..." clause holding ``position`` describes: "the main
    alternatives are clear cell carcinoma, which enhances avidly" credits the carcinoma with
    "enhances avidly"; None when the phrase before "which" is no listed differential."""
    found = None
    for relative in re.finditer(r",\s+(?:which|who)\s", clause):
        if relative.start() < position:
            found = relative
    if found is None or re.search(r"[;:]", clause[found.end() : max(position, found.end())]):
        return None
    words = list(re.finditer(r"[\w'-]+", clause[: found.start()]))[-6:]
    for first in words:
        before = clause[: first.start()]
        # "Transformation to chondrosarcoma, which is rare": a name after a preposition is no
        # subject; it must open the clause or be what a listing verb names.
        if before.strip() and not re.search(
            r"\b(?:are|is|include|includes|including|namely)\s+$", before, re.IGNORECASE
        ):
            continue
        phrase = clause[first.start() : found.start()]
        if _listed_short(phrase, disc.differentials):
            # The name as written: the card then names it without an added prefix.
            return phrase
    return None


def _listed_short(phrase: str, listed: Sequence[str]) -> str | None:
    """The one listed differential ``phrase`` names, in full or shortened: "papillary
    carcinoma" names "Papillary renal cell carcinoma" (every word of the phrase is one of the
    item's and the heads agree); None when none or several fit."""

    def words(text: str) -> list[str]:
        bare = re.sub(r"\s*\([^)]*\)", "", text)
        return [norm(singular(w)) for w in re.findall(r"[A-Za-z][\w'-]*", bare)]

    own = [w for w in words(phrase) if w not in {"a", "an", "the"}]
    if not own:
        return None
    hits = []
    for item in listed:
        item_words = words(item)
        if not item_words or item_words[-1] != own[-1]:
            continue
        if own == item_words or (len(own) >= 2 and set(own) <= set(item_words)):
            hits.append(item)
    return hits[0] if len(hits) == 1 else None


def _classify_subject(disc: Discourse, own: str, text: str, lexicon: Any) -> str | None:
    bare = re.sub(r"^(?:so-called\s+)", "", own, flags=re.IGNORECASE)
    indefinite = re.match(r"(?:an?)\s+", bare, re.IGNORECASE)
    bare = re.sub(r"^(?:an?|the)\s+(?:so-called\s+)?", "", bare, flags=re.IGNORECASE)
    lowered = norm(bare)
    leading = lexicon_list(lexicon, "anaphora", "leading")
    if not lowered or (leading and re.match(rf"(?:{phrase_regex(leading)})\b", lowered)):
        return None
    if not indefinite and _is_generic(own, lexicon):
        return None
    known = match_entity(bare, disc.entities, disc.abbreviations)
    if not known and _listed_short(bare, disc.differentials):
        return bare  # a listed differential, shortened as the text writes it
    topic_words = {
        norm(singular(w))
        for n in disc.names_for(disc.subject)
        for w in re.findall(r"[A-Za-z][\w-]{3,}", n)
    }
    if known:
        return known
    if _is_generic(bare, lexicon):
        return None
    if is_disease_like(bare, lexicon):
        return bare
    own_words = {norm(singular(w)) for w in re.findall(r"[A-Za-z][\w-]{3,}", bare)}
    generic = set(disc.generic_heads)
    if own_words - generic and (own_words - generic) <= topic_words:
        return None  # "an epidermoid" in a case about epidermoid cysts
    return UNSURE if indefinite else None


def _listed_by_words(phrase: str, listed: Sequence[str]) -> str | None:
    """The one listed differential sharing at least two content words with ``phrase``."""

    def words(text: str) -> set[str]:
        return {norm(singular(w)) for w in re.findall(r"[A-Za-z][\w-]{3,}", text)}

    own = words(phrase)
    # The item's head must be shared: "calcifications in soft tissues" is no "soft tissue sarcoma".
    hits = [
        item
        for item in listed
        if len(words(item) & own) >= 2 and norm(singular(item.split()[-1])) in own
    ]
    return hits[0] if len(hits) == 1 else None


def _other_named(text: str, topic: str, disc: Discourse, lexicon: Any) -> str | None:
    """The one known entity other than ``topic`` that ``text`` names, unless it is named only
    as the other side of a comparison ("more often than in X", "unlike X"), which keeps the
    sentence about the topic."""
    hits: list[tuple[int, str]] = []
    for entity in disc.entities:
        if norm(singular(entity)) == norm(singular(topic)):
            continue
        # "cerebrospinal fluid (CSF)" is defined in the text but is no entity a fact is about.
        if entity not in disc.differentials and not is_disease_like(entity, lexicon):
            continue
        position = _position(text, disc.names_for(entity))
        if position is not None:
            hits.append((position, entity))
    if len({norm(singular(e)) for _, e in hits}) != 1:
        return None
    position, entity = min(hits)
    cues = lexicon_list(lexicon, "subject", "comparison_cues")
    before = text[:position]
    if cues and re.search(rf"(?<![\w-])(?:{phrase_regex(cues)})(?![\w-])", before, re.I):
        return None
    return entity


def _position(text: str, names: Sequence[str]) -> int | None:
    lowered = norm(text)
    found: list[int] = []
    for name in names:
        for form in {norm(name), norm(singular(name))}:
            match = re.search(rf"(?<![\w-]){re.escape(form)}", lowered) if form else None
            if match:
                found.append(match.start())
    return min(found) if found else None
