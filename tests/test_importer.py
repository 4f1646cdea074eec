"""Tests for ``deckbuilder.importer``: Eurorad plain text → case note Markdown."""

from __future__ import annotations

import datetime
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from deckbuilder.importer import ImportedCase, import_case, slugify
from deckbuilder.model import Diagnostic, Severity

FIXTURES = Path(__file__).parent / "fixtures" / "eurorad"
_REPO_ROOT = Path(__file__).resolve().parents[1]
_SEED_CANDIDATES = (_REPO_ROOT.parent / "shared" / "seeds" / "eurorad-18177.txt",)
SEED = next((path for path in _SEED_CANDIDATES if path.is_file()), None)
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))

_HEADING_NAMES = re.compile(
    r"^(clinical history|imaging findings|discussion|differential diagnosis list|final diagnosis"
    r"|references)\s*:?\s*",
    re.IGNORECASE,
)


def read_input(path: Path) -> str:
    # Bytes, not read_text: line ends and the byte-order mark must reach the importer untouched.
    return path.read_bytes().decode("utf-8")


def imported(text: str, src_path: str = "in.txt") -> tuple[ImportedCase, list[Diagnostic]]:
    case, diagnostics = import_case(text, src_path)
    assert case is not None, [str(d) for d in diagnostics]
    return case, diagnostics


def split_note(markdown: str) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """Front matter (via yaml.safe_load) and the blocks under each ``##`` heading."""
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", markdown, re.DOTALL)
    assert match, "no front matter"
    front = yaml.safe_load(match.group(1))
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for chunk in re.split(r"\n\s*\n", match.group(2)):
        chunk = chunk.strip()
        if not chunk:
            continue
        heading = re.match(r"^## (.+)$", chunk)
        if heading:
            assert heading.group(1) not in sections, f"duplicate heading {heading.group(1)}"
            current = sections[heading.group(1)] = []
        else:
            assert current is not None, f"text before the first heading: {chunk!r}"
            current.extend(chunk.split("\n") if chunk.startswith("- ") else [chunk])
    return front, sections


def normalise(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split())


def seed_lines() -> list[str]:
    assert SEED is not None
    return [normalise(line) for line in read_input(SEED).splitlines()]


# --- the seed ----------------------------------------------------------------------------------


@pytest.mark.skipif(SEED is None, reason="seed case not available")
def test_seed_front_matter() -> None:
    assert SEED is not None
    lines = seed_lines()
    case, diagnostics = imported(read_input(SEED), "seed.txt")
    front, _ = split_note(case.markdown)

    assert diagnostics == []
    assert case.case_id == "18177"
    assert front["id"] == "18177"
    assert "id: '18177'" in case.markdown  # quoted: a bare number would load as an int
    assert front["title"] == lines[2]
    assert front["published"] == datetime.date(2023, 6, 13)
    assert front["authors"] == [name.strip() for name in lines[5].split(",")]
    assert len(front["authors"]) == 4
    assert front["institution"] == lines[7]
    assert front["patient"] == {"age": "57 years", "sex": "female"}
    assert front["area"] == ["Musculoskeletal soft tissue"]
    assert front["modality"] == ["MR"]
    assert front["source"] == "https://www.eurorad.org/case/18177"
    assert front["license"] == "CC BY-NC-SA 4.0"
    assert list(front) == [
        "id",
        "title",
        "published",
        "authors",
        "institution",
        "patient",
        "area",
        "modality",
        "source",
        "license",
    ]
    assert case.file_name == f"18177-{slugify(lines[2])}.md"
    assert case.file_name.startswith("18177-imaging-features-of-myositis")


@pytest.mark.skipif(SEED is None, reason="seed case not available")
def test_seed_sections_split_findings_from_unheaded_discussion() -> None:
    assert SEED is not None
    lines = seed_lines()
    case, _ = imported(read_input(SEED), "seed.txt")
    _, sections = split_note(case.markdown)

    assert list(sections) == [
        "Clinical History",
        "Imaging Findings",
        "Discussion",
        "Differential Diagnosis List",
        "Final Diagnosis",
    ]
    # Seed layout: findings on lines 20 and 22, the heading-less discussion on line 25.
    assert sections["Clinical History"] == [lines[15]]
    assert sections["Imaging Findings"] == [lines[19], lines[21]]
    assert sections["Discussion"] == [lines[24]]
    assert sections["Differential Diagnosis List"] == [f"- {line}" for line in lines[27:32]]
    assert sections["Final Diagnosis"] == [lines[33]]
    assert "(Figure 2b)" in sections["Imaging Findings"][1]


# --- own fixtures ------------------------------------------------------------------------------

EXPECTED: dict[str, dict[str, Any]] = {
    "neuro-paediatric-14-months.txt": {
        "file_name": "90001-choroid-plexus-papilloma-of-the-lateral-ventricle-in-an.md",
        "front": {
            "id": "90001",
            "published": datetime.date(2021, 3, 2),
            "authors": ["Anna Example", "Bruno Sample", "Chiara Placeholder"],
            "patient": {"age": "14 months", "sex": "male"},
            "area": ["Neuroradiology brain", "Paediatric radiology"],
            "modality": ["Ultrasound", "CT", "MR"],
        },
        "findings": 3,
        "discussion_starts": "Choroid plexus papillomas are benign",
        "figures": [
            "Figure 1: Coronal ultrasound through the anterior fontanelle shows an echogenic "
            "lobulated mass in the left atrium. Origin: Fictional Children's Hospital",
            "Figure 2: Axial non-enhanced CT shows a hyperdense mass with small calcifications.",
        ],
        "references": 3,
        "warnings": [],
    },
    "chest-crlf-bom-no-discussion-heading.txt": {
        "file_name": "90002-intralobar-pulmonary-sequestration-supplied-by-an-aortic.md",
        "front": {
            "id": "90002",
            "title": "Intralobar pulmonary sequestration supplied by an aortic branch",
            "published": datetime.date(2022, 11, 17),
            "authors": ["Dana Fictive", "Emil Invented"],
            "patient": {"age": "24 years", "sex": "female"},
            "area": ["Chest imaging"],
            "modality": ["Conventional radiography", "CT"],
        },
        "findings": 2,
        "discussion_starts": "Pulmonary sequestration is a congenital malformation",
        "figures": None,
        "references": 0,
        "warnings": [],
    },
    "abdominal-missing-patient-odd-spacing.txt": {
        "file_name": "90003-epiploic-appendagitis-a-mimic-of-acute-diverticulitis.md",
        "front": {
            "id": "90003",
            "title": "Epiploic appendagitis — a mimic of acute diverticulitis",
            "published": datetime.date(2020, 7, 5),
            "authors": ["Farid Madeup", "Greta Notreal"],
            "institution": "Department of Radiology, Nowhere University Hospital, Spain",
            "area": ["Abdominal imaging", "Emergency radiology"],
            "modality": ["CT", "Ultrasound"],
        },
        "findings": 2,
        "discussion_starts": "Epiploic appendagitis is a self-limiting inflammation",
        "figures": None,
        "references": 0,
        "warnings": [(10, "no patient line found")],
    },
    "neonatal-3-days-inline-headings.txt": {
        "file_name": "90004-neonatal-adrenal-haemorrhage-evolving-on-serial-ultrasound.md",
        "front": {
            "id": "90004",
            "patient": {"age": "3 days", "sex": "female"},
            "area": ["Paediatric radiology", "Abdominal imaging"],
            "modality": ["Ultrasound", "MR"],
        },
        "findings": 3,
        "discussion_starts": "Adrenal haemorrhage is the most common adrenal mass",
        "figures": [
            "Figure 3: Coronal T2*-weighted gradient echo image with blooming in the right "
            "adrenal lesion."
        ],
        "references": 0,
        "warnings": [],
    },
}


def test_every_fixture_has_expectations() -> None:
    assert sorted(EXPECTED) == [path.name for path in FIXTURE_FILES]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_imports_as_expected(name: str) -> None:
    expected = EXPECTED[name]
    case, diagnostics = imported(read_input(FIXTURES / name), f"eurorad/{name}")
    front, sections = split_note(case.markdown)

    assert case.file_name == expected["file_name"]
    for key, value in expected["front"].items():
        assert front[key] == value, key
    assert ("patient" in front) == ("patient" in expected["front"])
    assert front["source"] == f"https://www.eurorad.org/case/{front['id']}"
    assert len(sections["Imaging Findings"]) == expected["findings"]
    assert sections["Discussion"][0].startswith(expected["discussion_starts"])
    assert sections.get("Figures") == expected["figures"]
    assert len(sections.get("References", [])) == expected["references"]
    found = [(d.location.line, d.message) for d in diagnostics]
    assert len(found) == len(expected["warnings"])
    for (line, message), (want_line, want_text) in zip(found, expected["warnings"], strict=True):
        assert line == want_line and want_text in message
    assert all(d.severity is Severity.WARNING for d in diagnostics)


def test_figure_sentence_in_findings_is_not_taken_for_a_legend() -> None:
    case, _ = imported(read_input(FIXTURES / "neonatal-3-days-inline-headings.txt"))
    _, sections = split_note(case.markdown)
    assert any(p.startswith("Figure 2 shows the follow-up") for p in sections["Imaging Findings"])
    assert "(Figure 3)" in sections["Imaging Findings"][-1]


def _body_sentences(raw: str) -> list[str]:
    """Every sentence of the input's body, with headings, bullets and legend labels removed."""
    lines = [normalise(line) for line in raw.splitlines()]
    start = next(i for i, line in enumerate(lines) if _HEADING_NAMES.match(line))
    sentences: list[str] = []
    for line in lines[start:]:
        line = _HEADING_NAMES.sub("", line)
        line = re.sub(r"^(?:[-•]\s+|Description:\s*)", "", line)
        sentences.extend(s for s in re.split(r"(?<=[.!?])\s+", line) if s)
    return sentences


@pytest.mark.parametrize("path", [*FIXTURE_FILES, SEED], ids=lambda p: p.name if p else "seed")
def test_every_sentence_of_the_input_is_kept(path: Path | None) -> None:
    if path is None:
        pytest.skip("seed case not available")
    raw = read_input(path)
    case, _ = imported(raw)
    body = normalise(case.markdown.split("\n---\n", 1)[1])
    sentences = _body_sentences(raw)
    assert len(sentences) > 10
    missing = [s for s in sentences if s not in body]
    assert missing == []


def test_crlf_and_bom_give_the_same_note_as_plain_lines() -> None:
    raw = (FIXTURES / "chest-crlf-bom-no-discussion-heading.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the fixture really is CRLF + BOM
    text = raw.decode("utf-8")
    crlf_case, crlf_diagnostics = imported(text)
    plain_case, plain_diagnostics = imported(text.lstrip("\ufeff").replace("\r\n", "\n"))
    assert crlf_case == plain_case
    assert crlf_diagnostics == plain_diagnostics
    assert "\r" not in crlf_case.markdown and "\ufeff" not in crlf_case.markdown
    # Old Mac line ends count as line ends too.
    cr_case, _ = imported(text.replace("\r\n", "\r"))
    assert cr_case == plain_case


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_output_is_deterministic_and_ends_with_one_newline(path: Path) -> None:
    first, _ = imported(read_input(path))
    second, _ = imported(read_input(path))
    assert first == second
    assert first.markdown.endswith("\n") and not first.markdown.endswith("\n\n")


# --- the lead's parser reads what we write -----------------------------------------------------

parser = pytest.importorskip("deckbuilder.parser")


@pytest.mark.parametrize("path", [*FIXTURE_FILES, SEED], ids=lambda p: p.name if p else "seed")
def test_output_parses_without_problems(path: Path | None) -> None:
    from deckbuilder.model import BlockKind, SectionKind, SourceDocument

    if path is None:
        pytest.skip("seed case not available")
    case, _ = imported(read_input(path))
    note, diagnostics = parser.parse_case_note(SourceDocument("content/x.md", case.markdown))
    assert diagnostics == []
    assert note is not None
    assert note.case_id == case.case_id
    kept_aside = (SectionKind.OTHER, SectionKind.FIGURES, SectionKind.REFERENCES)
    kinds = [s.kind for s in note.sections if s.kind not in kept_aside]
    assert kinds == [
        SectionKind.CLINICAL_HISTORY,
        SectionKind.IMAGING_FINDINGS,
        SectionKind.DISCUSSION,
        SectionKind.DIFFERENTIAL_DIAGNOSIS,
        SectionKind.FINAL_DIAGNOSIS,
    ]
    _, sections = split_note(case.markdown)
    differential = note.section(SectionKind.DIFFERENTIAL_DIAGNOSIS)
    assert differential is not None
    assert all(b.kind is BlockKind.LIST_ITEM for b in differential.blocks)
    assert [b.text for b in differential.blocks] == [
        item.removeprefix("- ") for item in sections["Differential Diagnosis List"]
    ]
    findings = note.section(SectionKind.IMAGING_FINDINGS)
    assert findings is not None
    assert [b.text for b in findings.blocks] == sections["Imaging Findings"]


# --- header variants ---------------------------------------------------------------------------


def case_text(header: str, body: str | None = None) -> str:
    default_body = """
        Clinical History
        A woman had pain.
        Imaging Findings
        A mass was seen (Figure 1).
        Differential Diagnosis List
        Something malignant
        Final Diagnosis
        Something benign
        """
    return textwrap.dedent(header).strip() + "\n" + textwrap.dedent(body or default_body).strip()


def test_dashes_odd_spacing_and_date_on_its_own_line() -> None:
    text = case_text(
        """
        Case  No. 4521 —
          Published on:  7/3/2019
        A   title\u00a0with — dashes
        Ann One;  Bob Two
        Some Clinic
        14 Months – Male
        Area of Interest: Breast imaging
        Imaging Technique — Mammography ; Ultrasound ; Ultrasound
        """
    )
    case, diagnostics = imported(text)
    front, _ = split_note(case.markdown)
    assert diagnostics == []
    assert front["id"] == "4521"
    assert front["published"] == datetime.date(2019, 3, 7)
    assert front["title"] == "A title with — dashes"
    assert front["authors"] == ["Ann One", "Bob Two"]
    assert front["institution"] == "Some Clinic"
    assert front["patient"] == {"age": "14 months", "sex": "male"}
    assert front["area"] == ["Breast imaging"]
    assert front["modality"] == ["Mammography", "Ultrasound"]


def test_title_that_needs_quoting_round_trips() -> None:
    title = "Case: 'quoted' #hash & [brackets] — yes: no"
    case, _ = imported(case_text(f"CASE 7 Published on 01.01.2020\n{title}\nA. Author"))
    front, _ = split_note(case.markdown)
    assert front["title"] == title
    assert case.file_name == "7-case-quoted-hash-brackets-yes-no.md"


def test_case_id_is_sanitised() -> None:
    case, diagnostics = imported(case_text("CASE 18177/b Published on 01.01.2020\nTitle\nA. B"))
    assert case.case_id == "18177-b"
    assert case.file_name.startswith("18177-b-title")
    assert [(d.location.line, d.severity) for d in diagnostics if "case number" in d.message] == [
        (1, Severity.WARNING)
    ]


def test_fields_outside_the_format_are_reported() -> None:
    text = case_text(
        """
        CASE 12 Published on 01.01.2020
        Title
        A. B
        1 year, female
        Area of Interest Cardiac imaging ; Imaging Technique CT ; Procedure Diagnostic procedure
        """
    )
    case, diagnostics = imported(text)
    front, _ = split_note(case.markdown)
    assert front["patient"] == {"age": "1 year", "sex": "female"}
    assert front["modality"] == ["CT"]
    assert [(d.location.line, "Procedure" in d.message) for d in diagnostics] == [(5, True)]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Ménétrier disease: gastric folds", "menetrier-disease-gastric-folds"),
        ("  ---  ", "case"),
        ("A" * 70, "a" * 60),
        (
            "Imaging features of myositis ossificans and panniculitis ossificans",
            "imaging-features-of-myositis-ossificans-and-panniculitis",
        ),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert len(slug) <= 60


# --- the discussion heuristic ------------------------------------------------------------------


def findings_case(*paragraphs: str, heading: str = "Imaging Findings") -> str:
    body = "\n\n".join(paragraphs)
    return (
        "CASE 3 Published on 01.01.2020\nTitle\nAuthor\n\n50 years, male\n"
        "Area of Interest Abdominal imaging ; Imaging Technique CT\n"
        f"Clinical History\nHistory.\n{heading}\n\n{body}\n\n"
        "Differential Diagnosis List\nY\nFinal Diagnosis\nX\n"
    )


def test_present_tense_findings_citing_figures_stay_findings() -> None:
    case, diagnostics = imported(
        findings_case(
            "CT shows a mass in the liver.",
            "The lesion is hypointense on T1 and is bright on T2 (Figures 2a, 2b).",
            "No free fluid is present.",  # present tense, but one cue is not enough
            "Hepatic adenomas are benign tumours that may bleed and are linked to oral "
            "contraceptives [1].",
            "They can be multiple.",
        )
    )
    _, sections = split_note(case.markdown)
    assert len(sections["Imaging Findings"]) == 3
    assert sections["Discussion"][0].startswith("Hepatic adenomas")
    assert sections["Discussion"][1] == "They can be multiple."  # after the start: all discussion
    assert diagnostics == []


def test_patient_paragraph_after_findings_is_not_discussion() -> None:
    case, diagnostics = imported(
        findings_case(
            "Ultrasound showed a 4 cm cyst.",
            "The patient underwent surgery and the cyst was removed.",
            "Echinococcal cysts are common in endemic regions and may show daughter cysts.",
        )
    )
    _, sections = split_note(case.markdown)
    assert len(sections["Imaging Findings"]) == 2
    assert len(sections["Discussion"]) == 1
    assert diagnostics == []


@pytest.mark.parametrize(
    "opening",
    [
        "Osteochondroma = commonest benign bone tumour, a cartilage-capped exostosis.",
        "SCFE (slipped capital femoral epiphysis) = displacement through the physis.",
        "Epidemiology: boys 10-16 y, obese, often bilateral.",
        "Key points\n1. Cortical continuity with the parent bone.",
        "DDx: chondrosarcoma (cap over 2 cm), parosteal osteosarcoma.",
    ],
)
def test_telegraphic_teaching_text_starts_the_discussion(opening: str) -> None:
    case, diagnostics = imported(
        findings_case(
            "XR: 3 cm pedunculated bony outgrowth of the distal femur (Figure 1).",
            "MRI: cartilage cap 4 mm on T2WI (Figure 2).",
            opening,
            "Management: excision if symptomatic or the cap grows in adulthood.",
        )
    )
    _, sections = split_note(case.markdown)
    assert len(sections["Imaging Findings"]) == 2
    assert sections["Discussion"][0].startswith(opening.split("\n")[0])
    assert diagnostics == []


def test_a_threshold_is_no_measurement_of_the_patient() -> None:
    case, _ = imported(
        findings_case(
            "CT: 2.5 cm hypodense adrenal nodule, 8 HU (Figure 1).",
            "Adrenal adenoma = benign cortical tumour; lipid-rich when under 10 HU, "
            "and a size above 4 cm raises concern.",
        )
    )
    _, sections = split_note(case.markdown)
    assert sections["Discussion"][0].startswith("Adrenal adenoma =")


def test_first_paragraph_is_always_a_finding() -> None:
    case, _ = imported(findings_case("Lipomas are common and are usually benign [2].", "More."))
    _, sections = split_note(case.markdown)
    assert sections["Imaging Findings"][0].startswith("Lipomas")


def test_no_general_paragraph_keeps_everything_and_warns() -> None:
    case, diagnostics = imported(
        findings_case("A mass was seen (Figure 1).", "It measured 3 cm and had a rim (Figure 2).")
    )
    _, sections = split_note(case.markdown)
    assert "Discussion" not in sections
    assert len(sections["Imaging Findings"]) == 2
    assert [(d.location.line, d.severity) for d in diagnostics] == [(9, Severity.WARNING)]
    assert "Discussion" in diagnostics[0].message


def test_discussion_heading_is_used_as_written() -> None:
    text = findings_case(
        "A mass was seen (Figure 1).",
        "Sarcomas are rare and may be large [1].",
        "Discussion",
        "Nothing here is general.",
    )
    case, _ = imported(text)
    _, sections = split_note(case.markdown)
    assert len(sections["Imaging Findings"]) == 2
    assert sections["Discussion"] == ["Nothing here is general."]


def test_inline_differential_paragraph_in_the_discussion_stays_prose() -> None:
    # The list's own heading stands alone further down, so this line is discussion text.
    text = findings_case(
        "A mass was seen (Figure 1).",
        "Discussion",
        "Schwannomas are benign nerve sheath tumours [1].",
        "Differential diagnosis: neurofibroma (central target sign); meningioma (dural tail).",
    )
    case, diagnostics = imported(text)
    _, sections = split_note(case.markdown)
    assert sections["Discussion"][-1].startswith("Differential diagnosis: neurofibroma")
    assert sections["Differential Diagnosis List"] == ["- Y"]
    assert not [d for d in diagnostics if "second" in d.message]


def test_inline_differential_heading_without_a_later_list_heading_is_the_list() -> None:
    text = (
        "CASE 4 Published on 01.01.2020\nTitle\nAuthor\n\n50 years, male\n"
        "Clinical History\nHistory.\nImaging Findings\nA mass was seen.\n"
        "Differential diagnosis: Lipoma\nFinal Diagnosis\nX\n"
    )
    case, _ = imported(text)
    _, sections = split_note(case.markdown)
    assert sections["Differential Diagnosis List"] == ["- Lipoma"]


def test_prose_right_after_a_pasted_list_is_its_own_paragraph() -> None:
    text = findings_case(
        "A mass was seen (Figure 1).",
        "Discussion",
        "Embolisation is advised for:\n- bleeding\n- growth beyond 4 cm\n"
        "Coils or particles may be used.\n- a wrapped item that goes\non in lower case",
    )
    case, _ = imported(text)
    _, sections = split_note(case.markdown)
    assert sections["Discussion"] == [
        "Embolisation is advised for:",
        "- bleeding",
        "- growth beyond 4 cm",
        "Coils or particles may be used.",
        "- a wrapped item that goes on in lower case",
    ]


# --- malformed input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("", 1, "empty"),
        ("\r\n  \n\t\n", 1, "empty"),
        ("\n\nA title without header\nClinical History\nText.", 3, "no case number found"),
        ("CASE 77 Published on 01.01.2020\n\nClinical History\nText.", 1, "no title"),
        ("Some banner\nCASE 77 Published on 01.01.2020\nTitle\nAuthor\n", 2, "no section"),
        ("CASE report of a boy\nTitle\nClinical History\nText.", 1, "no case number found"),
    ],
)
def test_unreadable_input_gives_errors_with_lines(text: str, line: int, fragment: str) -> None:
    case, diagnostics = import_case(text, "raw/bad.txt")
    assert case is None
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert len(errors) == 1
    assert errors[0].location.path == "raw/bad.txt"
    assert errors[0].location.line == line
    assert fragment in errors[0].message


def test_recoverable_problems_are_warnings_at_their_lines() -> None:
    text = "\n".join(
        [
            "Eurorad banner",  # 1
            "CASE 9 Published on 31.02.2023",  # 2: no such date
            "Title",  # 3
            "Author",  # 4
            "Area of Interest ; Imaging Technique CT",  # 5: area without value
            "Clinical History",  # 6
            "She had pain.",  # 7
            "Differential Diagnosis List",  # 8: empty
            "Clinical History",  # 9: second time
            "More history.",  # 10
            "Final Diagnosis",  # 11
            "X",  # 12
        ]
    )
    case, diagnostics = import_case(text, "bad.txt")
    assert case is not None
    found = sorted((d.location.line, d.severity.value, d.message) for d in diagnostics)
    lines = [(line, severity) for line, severity, _ in found]
    assert lines == [
        (1, "warning"),  # text before CASE
        (2, "warning"),  # invalid date
        (5, "warning"),  # empty area
        (6, "warning"),  # no patient line
        (6, "warning"),  # no Imaging Findings
        (8, "warning"),  # empty differential list
        (9, "warning"),  # duplicate heading
    ]
    assert "not a valid date" in found[1][2]
    front, sections = split_note(case.markdown)
    assert "published" not in front
    assert sections["Clinical History"] == ["She had pain.", "More history."]


@pytest.mark.parametrize("path", [*FIXTURE_FILES, SEED], ids=lambda p: p.name if p else "seed")
def test_any_truncation_gives_a_case_or_errors_never_an_exception(path: Path | None) -> None:
    if path is None:
        pytest.skip("seed case not available")
    lines = read_input(path).splitlines(keepends=True)
    for end in range(len(lines) + 1):
        for text in ("".join(lines[:end]), "".join(lines[end:])):
            case, diagnostics = import_case(text, "cut.txt")
            assert all(d.location.line >= 1 for d in diagnostics)
            if case is None:
                assert any(d.severity is Severity.ERROR for d in diagnostics)
            else:
                front, _ = split_note(case.markdown)
                assert front["id"] == case.case_id


def test_present_tense_findings_of_one_side_stay_findings() -> None:
    case, _ = imported(
        findings_case(
            "The knee radiograph at presentation is normal.",
            "MRI at presentation shows marrow oedema in the right medial femoral condyle, which "
            "is typically diffuse and may extend to the metaphysis; the right joint is effused.",
            "Spontaneous osteonecrosis of the knee is a disease of older women and is usually "
            "treated conservatively; subchondral fractures may collapse.",
        )
    )
    _, sections = split_note(case.markdown)
    assert len(sections["Imaging Findings"]) == 2
    assert sections["Discussion"][0].startswith("Spontaneous osteonecrosis")
