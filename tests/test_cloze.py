"""Cloze stage: identities, field rendering, tags and figures, on hand-made facts."""

from __future__ import annotations

import pytest

from deckbuilder import notetype
from deckbuilder.cloze import build_card_notes, clean_tag, note_guid, render_cloze_text, slug
from deckbuilder.model import (
    CaseMeta,
    CaseNote,
    Cloze,
    Fact,
    MediaFile,
    SectionKind,
    Sentence,
    SourceLocation,
)


def make_case(**meta: object) -> CaseNote:
    values: dict[str, object] = {
        "case_id": "442",
        "title": "Osteoid osteoma of the femoral neck",
        "location": SourceLocation("content/442.md", 1),
    }
    values.update(meta)
    return CaseNote(CaseMeta(**values), ())  # type: ignore[arg-type]


def make_fact(
    text: str,
    answers: tuple[str, ...],
    *,
    key: str = "nidus",
    kind: str = "key-finding",
    figures: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Fact:
    clozes = []
    for i, answer in enumerate(answers, start=1):
        start = text.index(answer)
        clozes.append(Cloze(start, start + len(answer), index=i))
    sentence = Sentence(
        "CT showed a small lucent nidus with a central dot of mineral (Figure 3).",
        SourceLocation("content/442.md", 12),
        SectionKind.IMAGING_FINDINGS,
        figures,
    )
    return Fact("442", kind, key, "osteoid osteoma", text, tuple(clozes), sentence, tags)


def test_guid_depends_on_identity_only() -> None:
    a = note_guid("442", "key-finding", "nidus")
    assert a == note_guid("442", "key-finding", "nidus")
    assert len({a, note_guid("443", "key-finding", "nidus"), note_guid("442", "x", "nidus")}) == 3
    reworded = build_card_notes(
        make_case(), [make_fact("The nidus is lucent.", ("lucent",))], {}
    ) + build_card_notes(make_case(), [make_fact("A lucent nidus is seen.", ("lucent",))], {})
    assert reworded[0].guid == reworded[1].guid == a
    assert reworded[0].fields[notetype.TEXT] != reworded[1].fields[notetype.TEXT]


def test_guid_parts_do_not_run_together() -> None:
    assert note_guid("44", "2-a", "b") != note_guid("442", "-a", "b")


def test_cloze_text_is_escaped_and_numbered() -> None:
    text = "Pain <at night> eases with aspirin & NSAIDs"
    clozes = (
        Cloze(text.index("aspirin"), text.index("aspirin") + 7, 1, hint="drug"),
        Cloze(text.index("<at night>"), text.index("<at night>") + 10, 2),
    )
    assert render_cloze_text(text, clozes) == (
        "Pain {{c2::&lt;at night&gt;}} eases with {{c1::aspirin::drug}} &amp; NSAIDs"
    )


def test_cloze_markup_in_plain_text_is_not_a_cloze() -> None:
    text = "Seen as {{c1::rim}} and a dot"
    rendered = render_cloze_text(text, (Cloze(text.index("dot"), len(text), 2),))
    assert rendered == "Seen as &#123;&#123;c1::rim&#125;&#125; and a {{c2::dot}}"
    assert rendered.count("{{") == 1


def test_answer_with_cloze_syntax_cannot_break_out() -> None:
    text = "Ratio 1::2 seen"
    rendered = render_cloze_text(text, (Cloze(6, 10, 1),))
    assert rendered.count("::") == 1 and rendered.startswith("Ratio {{c1::1&#58;&#58;2}}")


@pytest.mark.parametrize(
    "clozes",
    [(Cloze(0, 4), Cloze(2, 6)), (Cloze(3, 3),), (Cloze(0, 99),), (Cloze(0, 2, index=0),)],
)
def test_invalid_cloze_spans_are_rejected(clozes: tuple[Cloze, ...]) -> None:
    with pytest.raises(ValueError):
        render_cloze_text("abcdefgh", clozes)


def test_fields_in_fixed_order_with_source_and_case() -> None:
    case = make_case(
        authors=("T. Author", "U. Author"),
        source_url="https://example.org/case/442",
        license="CC BY 4.0",
    )
    [note] = build_card_notes(case, [make_fact("The nidus is lucent.", ("lucent",))], {})
    assert len(note.fields) == len(notetype.FIELD_NAMES) == 5
    assert note.fields[notetype.TEXT] == "The nidus is {{c1::lucent}}."
    assert "osteoid osteoma" in note.fields[notetype.EXTRA]
    assert "central dot of mineral (Figure 3)." in note.fields[notetype.SOURCE]
    assert "Imaging Findings" in note.fields[notetype.SOURCE]
    case_field = note.fields[notetype.CASE]
    for expected in ("Osteoid osteoma of the femoral neck", "442", "T. Author, U. Author"):
        assert expected in case_field
    assert 'href="https://example.org/case/442"' in case_field and "CC BY 4.0" in case_field
    assert note.fields[notetype.FIGURE] == "" and note.media == ()
    assert note.location == SourceLocation("content/442.md", 12)


def test_unsafe_source_link_is_not_linked() -> None:
    case = make_case(source_url="javascript:alert(1)")
    [note] = build_card_notes(case, [make_fact("The nidus is lucent.", ("lucent",))], {})
    assert "href" not in note.fields[notetype.CASE]
    assert "javascript" not in note.fields[notetype.CASE]


def test_tags_are_hierarchical_and_spaceless() -> None:
    case = make_case(
        areas=("Musculoskeletal system", "Paediatric radiology"),
        modalities=("CT", "Conventional radiography"),
        tags=("msk::bone tumour", "benign"),
    )
    fact = make_fact("The nidus is lucent.", ("lucent",), tags=("night pain",))
    [note] = build_card_notes(case, [fact], {})
    assert note.tags == (
        "fact::key-finding",
        "case::442",
        "area::musculoskeletal-system",
        "area::paediatric-radiology",
        "modality::ct",
        "modality::conventional-radiography",
        "msk::bone-tumour",
        "benign",
        "night-pain",
    )
    assert sum(t.startswith("fact::") for t in note.tags) == 1
    assert sum(t.startswith("case::") for t in note.tags) == 1
    assert not any(" " in t for t in note.tags)
    assert note.subdeck == "Musculoskeletal system"


def test_slug_and_clean_tag() -> None:
    assert slug("Head & Neck") == "head-neck"
    assert slug("Névroses  ") == "nevroses"
    assert clean_tag(" msk :: soft tissue ") == "msk::soft-tissue"


def test_cited_figure_shown_with_content_hash_name() -> None:
    figures = {
        "Figure 3": MediaFile("media/442/fig-3.png", "ab12cd34.png"),
        "Figure 4": MediaFile("media/442/fig-4.png", "ffee0011.png"),
    }
    [note] = build_card_notes(
        make_case(), [make_fact("A nidus.", ("nidus",), figures=("Figure 3",))], figures
    )
    assert '<img src="ab12cd34.png"' in note.fields[notetype.FIGURE]
    assert "ffee0011" not in note.fields[notetype.FIGURE]
    assert note.media == (figures["Figure 3"],)


def test_figure_citation_picks_up_lettered_parts() -> None:
    figures = {
        "Figure 2a": MediaFile("media/442/2a.png", "0a.png"),
        "Figure 2b": MediaFile("media/442/2b.png", "0b.png"),
        "Figure 20": MediaFile("media/442/20.png", "20.png"),
    }
    [note] = build_card_notes(
        make_case(), [make_fact("A nidus.", ("nidus",), figures=("Figure 2",))], figures
    )
    assert [m.package_name for m in note.media] == ["0a.png", "0b.png"]


def test_missing_figure_is_silently_absent() -> None:
    [note] = build_card_notes(
        make_case(), [make_fact("A nidus.", ("nidus",), figures=("Figure 9",))], {}
    )
    assert note.fields[notetype.FIGURE] == "" and note.media == ()
