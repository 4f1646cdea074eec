"""Indications on a third author's wording: options and permissive "may be considered", a
treatment indicated with no condition, and non-surgical courses that are never indications."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Varicocele is a venous dilatation. Embolisation is an option for recurrent varicoceles.",
            ("embolisation", "recurrent varicoceles"),
        ),
        (
            "Renal cell carcinoma is a tumour. Cryoablation may be considered for small tumours in "
            "frail patients.",
            ("cryoablation", "small tumours in frail patients"),
        ),
    ],
)
def test_option_and_permissive_indications(discussion: str, answers: tuple[str, ...]) -> None:
    (fact,) = facts_of(make_case(discussion), "surgical-indication")
    assert fact.answers() == answers


def test_treatment_indicated_with_no_condition_hides_the_treatment() -> None:
    case = make_case(
        "Testicular torsion (TT) is an emergency. Once TT is confirmed, urgent surgical "
        "exploration with detorsion is indicated.",
        final="Testicular torsion",
    )
    (fact,) = facts_of(case, "surgical-indication")
    assert fact.answers() == ("urgent surgical exploration with detorsion",)


def test_bare_indication_in_a_sentence_not_naming_the_entity_gives_nothing() -> None:
    case = make_case(
        "Testicular torsion is an emergency. Epididymitis is the main differential. "
        "Surgery is indicated.",
        final="Testicular torsion",
    )
    assert facts_of(case, "surgical-indication") == []


@pytest.mark.parametrize(
    "discussion",
    [
        "Simple renal cysts are common. Smaller cysts can be treated conservatively.",
        "Lipomas are benign. Most lipomas may be managed expectantly.",
    ],
)
def test_conservative_management_is_no_indication(discussion: str) -> None:
    assert facts_of(make_case(discussion), "surgical-indication") == []


def test_a_conservative_clause_after_a_semicolon_is_not_an_indication() -> None:
    case = make_case(
        "Ovarian dermoid is a germ cell tumour. Laparoscopic cystectomy is recommended for "
        "cysts larger than 5 cm; smaller cysts can be followed with ultrasound."
    )
    (fact,) = facts_of(case, "surgical-indication")
    assert fact.answers() == ("cysts larger than 5 cm",)
