"""Round 15b: a nodal dissection names an operation, and "is acceptable for" states for whom.

"Neck/axillary/node dissection" is an operation like any "-ectomy"; a bare "dissection" stays
no treatment word, since it is also a disease ("carotid dissection"). "X is acceptable for Y"
names the lesions an option suits, read like "is reserved for"; negated, it gives no card."""

from __future__ import annotations

import pytest

from tests.extract_helpers import discussion_facts
from tests.test_round8_indication_lists import answers

IND = "surgical-indication"


def _answers(discussion: str, final: str) -> list[list[str]]:
    return [answers(f) for f in discussion_facts(discussion, final, IND)]


@pytest.mark.parametrize(
    ("discussion", "final", "answer"),
    [
        (
            "Oral cancer spreads to level I and II nodes. Selective neck dissection is "
            "recommended for nodes with extracapsular spread.",
            "Oral squamous cell carcinoma",
            "nodes with extracapsular spread",
        ),
        (
            "Vulvar cancer drains to the groin. Inguinal node dissection is required for a "
            "positive sentinel node.",
            "Vulvar carcinoma",
            "positive sentinel node",
        ),
        (
            "Renal cell carcinoma is often found incidentally. Partial nephrectomy is "
            "acceptable for tumours up to 7 cm.",
            "Renal cell carcinoma",
            "tumours up to 7 cm",
        ),
        (
            "Endometrial cancer presents with bleeding. A laparoscopic hysterectomy is an "
            "acceptable option for women with low-grade disease.",
            "Endometrial carcinoma",
            "women with low-grade disease",
        ),
    ],
)
def test_dissection_and_acceptable_give_their_indication(
    discussion: str, final: str, answer: str
) -> None:
    assert [answer] in _answers(discussion, final)


@pytest.mark.parametrize(
    ("discussion", "final"),
    [
        (
            "Renal cell carcinoma is often found incidentally. Partial nephrectomy is not "
            "acceptable for central hilar tumours.",
            "Renal cell carcinoma",
        ),
        (
            "Breast cancer spreads to the axilla. Axillary dissection is no longer indicated "
            "for one or two positive sentinel nodes.",
            "Breast carcinoma",
        ),
        (
            "Spontaneous carotid dissection affects young adults. Dissection is considered in "
            "any young patient with a stroke.",
            "Carotid artery dissection",
        ),
        (
            "A hepatic haemangioma is common. Resection might be acceptable for giant "
            "symptomatic lesions.",
            "Hepatic haemangioma",
        ),
    ],
)
def test_negated_hedged_or_disease_dissection_gives_no_card(discussion: str, final: str) -> None:
    assert _answers(discussion, final) == []
