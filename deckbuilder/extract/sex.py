"""sex-predominance: which sex a disease favours ("female predominance", "F:M ratio 5:1").

Read from the Discussion only. Patterns live in ``lexicons/sex.yaml``, tried in order; the first
affirmed match gives the sentence's one fact, hiding the favoured sex and any amount ("two to
three times"). A sex ratio stated elsewhere in the sentence ("...; the M:F ratio is about 1:8")
is hidden too, or alone when it is all the sentence says. A negated or uncertain statement ("no
female predominance was found in our series") gives nothing, and so does a stated absence of
predominance ("there is no gender predilection", "both sexes are affected equally"): its only
answer would be the word "no".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from deckbuilder.extract.age import (
    break_window,
    disease_label,
    doubted,
    field_label,
    list_item_facts,
    list_label,
    listed_owner,
    name_coordinated,
    observed,
    own_clause,
    reattribute,
    trim_asides,
    verb_opening,
)
from deckbuilder.extract.base import CaseContext, Rule
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
    clean,
    lexicon_list,
    name_parts,
    norm,
    phrase_regex,
    singular,
    slug,
)
from deckbuilder.model import Fact, SectionKind, Sentence

KIND = "sex-predominance"


def find_sex(text: str, lexicon: object) -> list[tuple[int, int]]:
    """The spans to hide (the favoured sex, any amount, any ratio) in a sentence stating a sex
    predominance, in reading order; empty when it states none."""
    return [(start, end) for start, end, _ in _roles(text, lexicon)]


def _find_item_sex(text: str, lexicon: object) -> list[tuple[int, int]]:
    """:func:`find_sex` for one comma part of a differential's parenthesis, where a bare group
    that is the part's whole value ("angiosarcoma (elderly men, ...)") names the sex the item
    affects, as "affects elderly men" would."""
    found = find_sex(text, lexicon)
    if found:
        return found
    bare = (lexicon.get("sex", {}) or {}).get("item_group")  # type: ignore[attr-defined]
    match = re.match(bare, text.strip(), re.IGNORECASE) if bare else None
    if not match:
        return []
    shift = len(text) - len(text.lstrip())
    return [(match.start("answer") + shift, match.end("answer") + shift)]


def _roles(text: str, lexicon: object, sentence: str | None = None) -> list[tuple[int, int, str]]:
    """:func:`find_sex` spans with their role: ``answer`` (the favoured sex), ``amount`` (how
    much more often) or ``ratio``. ``sentence`` is the whole sentence when ``text`` is one of
    its clauses: a bare ratio there is a sex ratio when the sentence names the sexes."""
    table = lexicon.get("sex", {}) or {}  # type: ignore[attr-defined]
    spans: list[tuple[int, int, str]] = []
    for pattern in table.get("patterns", []):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if (
                affirmed(text, lexicon, match.start(), match.end())
                and _about_subject(text, match.start())
                and not _population(text, match, table)
            ):
                groups = match.groupdict()
                spans = [(*match.span(g), g) for g in ("answer", "amount") if groups.get(g)]
                spans = [
                    (_graded_start(text, start, end, table), end, role)
                    if role == "answer"
                    else (start, end, _share_role(text[start:end], role))
                    for start, end, role in spans
                ]
                break
        if spans:
            break
    ratio = _ratio(text, table, lexicon)
    # A bare ratio is a sex ratio only in a sentence that names the sexes.
    context = spans or re.search(
        table.get("ratio_context", r"\bsex\b"), sentence or text, re.IGNORECASE
    )
    if ratio and context and not any(ratio[0] < e and s < ratio[1] for s, e, _ in spans):
        spans.append((*ratio, "ratio"))
    return sorted(spans)


def _graded_start(text: str, start: int, end: int, table: dict) -> int:
    """Where a predominance answer starts once the degree word grading it is taken in ("a
    {{slight male preponderance}}"): how strong it is is part of the fact."""
    heads = table.get("degree_heads")
    degrees = phrase_regex(table.get("degree_words", []))
    if not heads or not degrees or not re.search(heads, text[start:end], re.IGNORECASE):
        return start
    graded = re.search(rf"\b(?:{degrees})\s+$", text[:start], re.IGNORECASE)
    return graded.start() if graded else start


def _share_role(amount: str, role: str) -> str:
    """``share`` for an amount that is a percentage of the patients ("75% of patients are
    men"): the share and the sex are one fact, asked in one cloze."""
    return "share" if role == "amount" and re.search(r"\d\s*%|per\s*cent", amount) else role


def _indices(roles: list[str]) -> list[int]:
    """Cloze numbers for spans of these roles, in reading order: a ratio shares the favoured
    sex's number, since a visible "male to female ratio of about 5:1" would give that sex away,
    and so does a share of the patients ("{{75%}} of patients are {{men}}", one question); an
    amount ("twice") is a question of its own."""
    has_answer = "answer" in roles
    groups = [
        "sex"
        if role == "answer" or (role in ("ratio", "share") and has_answer)
        else f"{role}{position}"
        for position, role in enumerate(roles)
    ]
    numbers: dict[str, int] = {}
    for group in groups:
        numbers.setdefault(group, len(numbers) + 1)
    return [numbers[group] for group in groups]


def _ratio(text: str, table: dict, lexicon: object) -> tuple[int, int] | None:
    for pattern in table.get("ratios", []):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if affirmed(text, lexicon, match.start(), match.end()):
                return match.span("amount")
    return None


def _population(text: str, match: re.Match[str], table: dict) -> bool:
    population = table.get("population")
    if not population or not match.groupdict().get("answer"):
        return False
    return re.match(population, text[match.end("answer") :], re.IGNORECASE) is not None


def _stated_equal(text: str, lexicon: object) -> bool:
    """Whether the sentence says both sexes are affected alike ("Men and women are equally
    affected, although some series report a female predominance"): no predominance card."""
    pattern = (lexicon.get("sex", {}) or {}).get("stated_equal")  # type: ignore[attr-defined]
    if not isinstance(pattern, str):
        return False
    return re.search(pattern, text, re.IGNORECASE) is not None


def _sex_limited(entity: str, text: str, lexicon: object) -> bool:
    """Whether the entity, or the organ the sentence names, exists in one sex only ("ovarian
    torsion", "adenomyosis", "testicular torsion"): "predominantly affects young women" then
    teaches no predominance over the other sex."""
    stems = lexicon_list(lexicon, "sex", "sex_limited")
    return _names(stems, entity) or _names(stems, text)


def _one_sex_case(ctx: CaseContext) -> bool:
    """Whether the case is about an organ or disease of one sex only: its final diagnosis
    names one ("granulosa cell tumour of the left ovary"), or its title or area of interest
    names a one-sex organ ("Breast", "Prostate"). Its differentials are then that organ's
    diseases too, and "affects older women" teaches no predominance over the other sex.

    The final diagnosis is read with the whole ``sex_limited`` list and the case's organs
    (``one_sex_case_organs``: the breast, which men have but rarely fall ill of); the title
    and the areas only with the organ stems (``one_sex_organs``), since a title's "pregnant
    woman" is the patient, not the organ of the disease.
    """
    section = ctx.case.section(SectionKind.FINAL_DIAGNOSIS)
    final = " ".join(b.text for b in section.blocks) if section else ""
    case_organs = lexicon_list(ctx.lexicon, "sex", "one_sex_case_organs")
    if final and (_sex_limited("", final, ctx.lexicon) or _names(case_organs, final)):
        return True
    organs = lexicon_list(ctx.lexicon, "sex", "one_sex_organs") + case_organs
    header = " ; ".join((ctx.case.meta.title, *ctx.case.meta.areas))
    return _names(organs, header)


def _names(stems: list[str], text: str) -> bool:
    """Whether ``text`` holds a word starting with one of ``stems``."""
    if not stems:
        return False
    pattern = rf"\b(?:{'|'.join(re.escape(s) for s in stems)})"
    return re.search(pattern, text, re.IGNORECASE) is not None


def predominance_allowed(
    ctx: CaseContext, entity: str, text: str, organ_text: str | None = None
) -> bool:
    """Whether ``text`` may teach a sex predominance of ``entity`` in this case.

    None when the entity or the organ ``organ_text`` names (the whole sentence unless given)
    exists in one sex only, when the case is about a one-sex organ and the sentence does not
    weigh both sexes, or when the sentence states the sexes are affected alike. The sex
    reader and the split of a differential's sentence both call this, so they keep one set
    of guards.
    """
    if _sex_limited(entity, text if organ_text is None else organ_text, ctx.lexicon):
        return False
    if _one_sex_case(ctx) and not _both_sexes(text):
        # In a case of an ovarian or testicular disease, "Sertoli-Leydig cell tumour occurs in
        # young women" names who has the organ, not a predominance: only a sentence that
        # weighs one sex against the other still teaches one.
        return False
    return not _stated_equal(text, ctx.lexicon)


_FEMALE = re.compile(r"\b(?:women|woman|females?|girls?)\b|\bF\s*[:>]", re.IGNORECASE)
_MALE = re.compile(r"\b(?:men|man|males?|boys?)\b|\bM\s*[:>]", re.IGNORECASE)


def _both_sexes(text: str) -> bool:
    """Whether ``text`` names both sexes ("more common in women than in men", "M:F 1:3")."""
    return bool(_FEMALE.search(text) and _MALE.search(text))


def _label_item(text: str, lexicon: object) -> list[tuple[int, int, str]]:
    """The sex named by one whole item of a telegraphic line whose label is a disease
    ("Hepatocellular carcinoma: mostly men with cirrhosis; ..."), as a :func:`_roles` answer."""
    pattern = (lexicon.get("sex", {}) or {}).get("label_item")  # type: ignore[attr-defined]
    if not isinstance(pattern, str):
        return []
    for match in re.finditer(pattern, text, re.IGNORECASE):
        if affirmed(text, lexicon, match.start("answer"), match.end("answer")):
            return [(*match.span("answer"), "answer")]
    return []


def _own_clause(text: str, found: list[tuple[int, int, str]], lexicon: object) -> str:
    """The clause of ``text`` that holds the found spans, cut at the breaks the doubt check
    uses: a one-sex word in another clause ("..., and women in the third trimester of
    pregnancy, ..., and men are affected three times as often as women") limits nothing."""
    breaks = (lexicon.get("age", {}) or {}).get("doubt_breaks")  # type: ignore[attr-defined]
    if not isinstance(breaks, str):
        breaks = None
    begin, stop = break_window(text, found[0][0], found[-1][1], breaks)
    return text[begin:stop]


def _is_population(entity: str, lexicon: object) -> bool:
    table = lexicon.get("sex", {}) or {}  # type: ignore[attr-defined]
    words = {str(w).lower() for w in table.get("populations", [])}
    return bool(entity) and entity.split()[-1].lower() in words


def _about_subject(text: str, start: int) -> bool:
    # "..., that is more frequent in men" speaks of the noun before "that", not the disease;
    # a non-restrictive ", which ..." is handed to the noun before it by ``reattribute`` (or
    # dropped when that noun is no disease).
    clause = re.split(r"[,;(]", text[:start])[-1]
    if re.match(r"\s*which\b", clause, re.IGNORECASE):
        clause = clause.lstrip()[len("which") :]
    return not re.search(r"\b(?:which|that|whose)\b", clause, re.IGNORECASE)


def _clauses_of(text: str, first: int, last: int) -> tuple[str, int]:
    """The semicolon-cut clauses of ``text`` from the one holding ``first`` to the one holding
    ``last``, and their offset: the sex and its ratio may sit in neighbouring clauses."""
    bounds = [0, *(m.end() for m in re.finditer(r";\s*", text))]
    start = max(b for b in bounds if b <= first)
    later = [m.start() for m in re.finditer(r";", text) if m.start() >= last]
    if later:
        return text[start : later[0]].rstrip() + ".", start
    return text[start:].rstrip(), start


def _compared(text: str, offset: int, entity: str, lexicon: object) -> bool:
    """Whether the clause at ``offset`` follows a colon that opens a list of other diseases
    ("...: infarction affects older patients; <this clause>"): what it says is no fact about
    ``entity`` ("Epidemiology: rare; twice as common in women" is about it)."""
    colon = text.rfind(": ", 0, offset)
    if not offset or colon < 0:
        return False
    first = text[colon + 2 : offset].split(";")[0]
    subject = sentence_subject(first, lexicon, max_words=8)
    if not subject or not is_disease_like(subject, lexicon):
        return False
    return norm(singular(entity)) not in norm(singular(subject))


def run(ctx: CaseContext) -> Iterator[Fact]:
    disc = case_discourse(ctx)
    for sentence in prose_sentences(ctx.sentences):
        label = list_label(clean(sentence.text), ctx.lexicon)
        if label:
            # "DDx: a (...), b (more common in women)": each item's own sex, or nothing.
            yield from list_item_facts(ctx, sentence, label, KIND, _find_item_sex)
            continue
        text, entity = prepare(disc, sentence, ctx.lexicon)
        labelled = disease_label(clean(sentence.text), ctx.lexicon, "sex")
        if labelled:
            # "McCune-Albright syndrome: ..., predominantly in girls" is about the label.
            text, entity = prepare(disc, sentence, ctx.lexicon, labelled)
        elif field_label(sentence.text, ctx.lexicon):
            # "Sex ratio: 3:1" names a field: the line is about the topic in force before it.
            text, entity = prepare(disc, sentence, ctx.lexicon, disc.topic_before(sentence))
        elif _is_population(entity, ctx.lexicon):
            # "Males are affected ..." is about the paragraph's disease.
            text, entity = prepare(disc, sentence, ctx.lexicon, disc.topic(sentence))
        text = observed(text, entity, ctx.lexicon)
        # "Predominantly affects men." opens on its verb: the entity is its subject.
        text = verb_opening(text, entity, disc.proper_words, ctx.lexicon)
        for begin, stop in _ratio_windows(text, ctx.lexicon):
            found = [
                (a + begin, b + begin, r) for a, b, r in _roles(text[begin:stop], ctx.lexicon, text)
            ]
            if not found and labelled:
                found = _label_item(text, ctx.lexicon)
            yield from _facts(ctx, sentence, disc, text, entity, found)


def _ratio_windows(text: str, lexicon: object) -> list[tuple[int, int]]:
    """The parts of ``text`` read for one fact each: its semicolon clauses when two of them
    state a sex ratio of their own ("M:F about 4:1 in the short form; the ratio nears 1:1 in the
    long form"), else the whole sentence."""
    table = lexicon.get("sex", {}) or {}  # type: ignore[attr-defined]
    bounds = [0, *(m.end() for m in re.finditer(r";\s*", text)), len(text) + 1]
    windows = [(a, min(b, len(text))) for a, b in zip(bounds, bounds[1:], strict=False)]
    with_ratio = [w for w in windows if _ratio(text[w[0] : w[1]], table, lexicon)]
    return with_ratio if len(with_ratio) > 1 else [(0, len(text))]


def _facts(
    ctx: CaseContext,
    sentence: Sentence,
    disc: Discourse,
    text: str,
    entity: str,
    found: list[tuple[int, int, str]],
) -> Iterator[Fact]:
    """The fact of the spans ``found`` in ``text`` (a sentence prepared for ``entity``)."""
    if not found:
        return
    answer_clause = _own_clause(text, found, ctx.lexicon)
    if not predominance_allowed(ctx, entity, text, answer_clause) or any(
        doubted(text, a, b, ctx.lexicon) for a, b, _ in found
    ):
        return
    clause, offset = _clauses_of(text, found[0][0], found[-1][1])
    spans = [(a - offset, b - offset) for a, b, _ in found]
    listed = listed_owner(clause, spans, entity, offset, disc, ctx.lexicon)
    if listed is not None:
        # "The differentials differ: infarction ... affects older patients; thrombosis ...
        # predominantly affects young women": the clause's own disease owns the sex.
        clause, spans, entity = listed
    elif _compared(text, offset, entity, ctx.lexicon):
        return  # a later clause of a listed comparison without a disease of its own
    owned = reattribute(clause, spans, entity, disc, ctx.lexicon)
    if owned is None:
        return
    clause, spans, entity = owned
    clause, spans = own_clause(clause, spans, ctx.lexicon)
    clause, spans = trim_asides(clause, spans, ctx.lexicon)
    clause, spans = name_coordinated(clause, spans, entity, disc.proper_words, ctx.lexicon)
    indices = _indices([role for _, _, role in found])
    pieces: list[str | Answer] = []
    position = 0
    for (start, end), index in zip(spans, indices, strict=True):
        pieces.extend([clause[position:start], Answer(clause[start:end], index)])
        position = end
    pieces.append(clause[position:])
    parts = name_parts(
        [p for p in pieces if p != ""], entity, disc.names_for(entity), disc.proper_words
    )
    yield build_fact(
        ctx, sentence, KIND, slug(singular(entity)), entity, parts, tags=("epidemiology",)
    )


RULE = Rule(
    name="sex",
    kind=KIND,
    priority=21,
    doc="Which sex a disease favours, from the Discussion: one fact per sentence.",
    run=run,
)
