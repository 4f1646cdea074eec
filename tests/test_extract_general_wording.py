"""Wordings of the general fact kinds beyond the first authors' habits.

Each class of wording is tested on sentences of our own from several areas, with the near misses
that must give no card: negated, hedged, about another entity, or about the author's own case.
"""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked


def only(discussion: str, kind: str, **kwargs: object) -> list[str]:
    case = make_case(discussion, **kwargs)  # type: ignore[arg-type]
    return [marked(f) for f in facts_of(case, kind)]


# --- sign -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "hidden"),
    [
        (
            "Barium studies show the apple-core sign, with a short annular narrowing and "
            "overhanging edges.",
            "apple-core sign",
        ),
        (
            "On T2WI a thin dark rim around the nodule, the halo sign, is typical.",
            "halo sign",
        ),
        (
            "The crescent sign of a subchondral fracture line is the earliest radiographic clue.",
            "crescent sign",
        ),
        (
            "The lesion lies within the cortex; its intraosseous origin is shown by the "
            "buttress sign.",
            "buttress sign",
        ),
        (
            "Angiography of the renal arteries produces a pile-of-plates appearance.",
            "pile-of-plates appearance",
        ),
    ],
)
def test_a_sign_anywhere_in_a_sentence_that_says_what_it_shows(sentence: str, hidden: str) -> None:
    (card,) = only(f"Colon carcinoma is a malignant epithelial tumour. {sentence}", "sign")
    assert f"{{{{c1::{hidden}}}}}" in card


def test_a_sign_of_the_patient_names_this_case() -> None:
    case = make_case(
        "Pyloric stenosis is a hypertrophy of the pyloric muscle.",
        findings="Ultrasound showed a thickened muscle around the mucosa, a shoulder sign.",
        history="A 6-week-old boy with projectile vomiting.",
        final="Pyloric stenosis",
    )
    (card,) = [marked(f) for f in facts_of(case, "sign")]
    assert card.startswith("In this case (6-week-old boy), ultrasound showed")
    assert card.endswith("a {{c1::shoulder sign}}.")


def test_a_key_finding_is_hidden_and_the_entity_named() -> None:
    (card,) = only(
        "Ankylosing spondylitis is a seronegative arthropathy. Erosion of the sacroiliac joints "
        "is the earliest radiographic sign and precedes fusion.",
        "sign",
        final="Ankylosing spondylitis",
    )
    assert card.startswith("In ankylosing spondylitis, {{c1::erosion of the sacroiliac joints}}")


@pytest.mark.parametrize(
    "sentence",
    [
        # a plain quality, not a named pattern
        "CT shows a heterogeneous appearance with a reticular pattern.",
        # negated and hedged
        "Radiographs do not show the apple-core sign.",
        "Ultrasound possibly shows the halo sign, with a thin dark rim.",
        # a list of signs describes none of them
        "The signs of obstruction are the string sign, the beak sign, and dilated loops.",
        # the author's own case
        "In our patient, CT showed the target sign, with concentric rings.",
        # a pronoun is no finding
        "It is the earliest sign of relapse.",
    ],
)
def test_no_sign_card_from_qualities_negations_lists_or_pronouns(sentence: str) -> None:
    assert only(f"Colon carcinoma is a malignant epithelial tumour. {sentence}", "sign") == []


def test_a_sign_sentence_about_another_entity_names_it() -> None:
    (card,) = only(
        "Takayasu arteritis is a large-vessel vasculitis. Polyarteritis nodosa produces a "
        "microaneurysm-rich appearance of the renal arteries.",
        "sign",
        final="Takayasu arteritis",
        differentials=("Polyarteritis nodosa",),
    )
    assert card.startswith("Polyarteritis nodosa produces")
