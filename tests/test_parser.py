from __future__ import annotations

import textwrap

import pytest

from deckbuilder.model import BlockKind, SectionKind, Severity, SourceDocument
from deckbuilder.parser import parse_case_note, section_kind


def parse(text: str):
    return parse_case_note(SourceDocument("content/case.md", textwrap.dedent(text).lstrip("\n")))


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


FULL_NOTE = """
    ---
    id: "90210"
    title: Tuberous sclerosis in a toddler
    published: 2024-02-01
    authors: [A. Writer, B. Writer]
    patient: {age: 14 months, sex: male}
    area: [Paediatric radiology, Neuroradiology]
    modality: MR
    source: https://example.org/case/90210
    tags: [peds::neuro]
    ---

    # Tuberous sclerosis

    ## Clinical history
    A 14-month-old boy presented with
    infantile spasms.

    ## IMAGING FINDINGS:
    On FLAIR the cortical tubers were **hyperintense** (Figure 1a).

    ![Figure 1a](90210/tubers.png)

    ## Discussion
    Subependymal nodules calcify with age.

    ## Differential diagnosis
    Focal cortical dysplasia
    - Periventricular nodular heterotopia

    ## Final Diagnosis
    Tuberous sclerosis complex

    ## Teaching point
    Look for tubers on FLAIR.
"""


def test_full_note_parses_into_sections_blocks_and_figures() -> None:
    case, problems = parse(FULL_NOTE)
    assert problems == []
    assert case is not None
    meta = case.meta
    assert (meta.case_id, meta.published, meta.patient.age, meta.patient.sex) == (
        "90210",
        "2024-02-01",
        "14 months",
        "male",
    )
    assert meta.modalities == ("MR",) and meta.areas == ("Paediatric radiology", "Neuroradiology")
    kinds = [s.kind for s in case.sections]
    assert kinds == [
        SectionKind.CLINICAL_HISTORY,
        SectionKind.IMAGING_FINDINGS,
        SectionKind.DISCUSSION,
        SectionKind.DIFFERENTIAL_DIAGNOSIS,
        SectionKind.FINAL_DIAGNOSIS,
        SectionKind.OTHER,
    ]
    history = case.sections[0].blocks[0]
    assert history.text == "A 14-month-old boy presented with infantile spasms."
    assert history.location.line == 16
    findings = case.sections[1].blocks
    assert [b.text for b in findings] == [
        "On FLAIR the cortical tubers were hyperintense (Figure 1a)."
    ]
    differentials = case.sections[3].blocks
    assert [(b.kind, b.text) for b in differentials] == [
        (BlockKind.LIST_ITEM, "Focal cortical dysplasia"),
        (BlockKind.LIST_ITEM, "Periventricular nodular heterotopia"),
    ]
    assert [(f.label, f.media_path, f.location.line) for f in case.figures] == [
        ("Figure 1a", "90210/tubers.png", 22)
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Differential Diagnosis List", SectionKind.DIFFERENTIAL_DIAGNOSIS),
        ("final diagnosis:", SectionKind.FINAL_DIAGNOSIS),
        ("Clinical History", SectionKind.CLINICAL_HISTORY),
        ("Pearls", SectionKind.OTHER),
        ("References", SectionKind.REFERENCES),
        ("Figure legends", SectionKind.FIGURES),
    ],
)
def test_headings_match_case_insensitively(heading: str, kind: SectionKind) -> None:
    assert section_kind(heading) is kind


def test_missing_front_matter() -> None:
    case, problems = parse("## Discussion\nText.\n")
    assert case is None
    assert messages(problems) == [
        "content/case.md:1: error: no front matter: a case note starts with a '---' line, "
        "YAML front matter, then '---'"
    ]


def test_unclosed_front_matter() -> None:
    case, problems = parse("---\nid: a\ntitle: b\n")
    assert case is None
    assert "not closed" in problems[0].message


def test_invalid_yaml_points_at_its_line() -> None:
    case, problems = parse(
        """
        ---
        id: a
        title: b
        authors: [one, two
        ---
        Text.
        """
    )
    assert case is None
    assert problems[0].severity is Severity.ERROR
    assert problems[0].message.startswith("invalid YAML in front matter")
    assert problems[0].location.line in (4, 5)


def test_all_front_matter_problems_are_reported_at_their_lines() -> None:
    case, problems = parse(
        """
        ---
        title: A case
        patient: {age: 40 years, sex: robot}
        source: ftp://example.org
        colour: blue
        tags: [has space]
        ---
        Text.
        """
    )
    assert case is None
    assert messages(problems) == [
        "content/case.md:1: error: front matter has no 'id' (a stable identifier such as '18177')",
        "content/case.md:3: error: patient 'sex' must be one of female, male, not 'robot'",
        "content/case.md:4: error: 'source' must be an http(s) URL",
        "content/case.md:5: warning: unknown front matter key 'colour' (known keys: id, title, "
        "published, authors, institution, patient, area, modality, source, license, tags, suppress)",
        "content/case.md:6: error: tag 'has space' contains a space or quote; use '-' or '::' instead",
    ]


@pytest.mark.parametrize("bad_id", ["../x", "a/b", ".hidden", "-flag", "", "a b", "x" * 200])
def test_ids_with_path_characters_are_refused(bad_id: str) -> None:
    case, problems = parse(f'---\nid: "{bad_id}"\ntitle: t\n---\nText.\n')
    assert case is None
    assert problems[0].location.line == 2
    assert "'id'" in problems[0].message


def test_numeric_id_is_text() -> None:
    case, _ = parse("---\nid: 18177\ntitle: t\n---\nText.\n")
    assert case is not None and case.case_id == "18177"


def test_raw_html_never_reaches_block_text() -> None:
    case, problems = parse(
        """
        ---
        id: a
        title: t
        ---
        ## Discussion
        Lesions <script>alert(1)</script>are <b onmouseover="x()">bright</b> in <15% of cases.
        <a href="javascript:alert(1)">link</a>
        """
    )
    assert problems == []
    assert case is not None
    text = case.sections[0].blocks[0].text
    assert text == "Lesions are bright in <15% of cases. link"


def test_body_without_text_is_an_error() -> None:
    case, problems = parse("---\nid: a\ntitle: t\n---\n\n")
    assert any("no text after the front matter" in p.message for p in problems)
