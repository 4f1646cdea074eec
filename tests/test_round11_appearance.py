"""sequence-appearance, round 11: a setting label naming the part imaged ("MRI, left knee:")
makes its paragraph a list of fragments read on that setting; a lone participle fragment under
it names nothing and gives no card. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case

KIND = "sequence-appearance"


def _answers(findings: str) -> set[str]:
    facts = facts_of(make_case(findings=findings), KIND)
    return {a.lower() for f in facts for a in f.answers()}


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        (
            "Radiographs, right tibia: Eccentric lytic lesion in the diaphysis. "
            "Thin sclerotic margin. No matrix.",
            "thin sclerotic margin",
        ),
        (
            "CT, chest: Irregular spiculated nodule in the right upper lobe. "
            "Mild expansion of the adjacent fissure.",
            "mild expansion",
        ),
    ],
)
def test_fragments_after_a_setting_and_site_label_are_findings(
    findings: str, expected: str
) -> None:
    assert any(expected in a for a in _answers(findings))


def test_without_the_site_label_a_later_fragment_stays_unread() -> None:
    # The same fragment after a sentence that names the setting inside its clause is no list.
    found = _answers(
        "The radiographs of the right tibia were reviewed by two readers. Thin sclerotic margin."
    )
    assert not any("sclerotic margin" in a for a in found)


@pytest.mark.parametrize(
    "findings",
    [
        "Radiographs, left femur: Lytic lesion in the metaphysis. Well circumscribed.",
        "MRI, left knee: Oval cyst behind the medial femoral condyle. Sharply marginated.",
    ],
)
def test_a_lone_participle_fragment_under_a_label_gives_no_card(findings: str) -> None:
    facts = facts_of(make_case(findings=findings), KIND)
    last_sentence = findings.rsplit(". ", 1)[1].rstrip(".").lower()
    assert not any(a.lower() == last_sentence for f in facts for a in f.answers())


def test_a_negated_fragment_under_a_site_label_gives_no_card() -> None:
    found = _answers(
        "Radiographs, left radius: Lucent lesion in the shaft. No periosteal reaction."
    )
    assert not any("periosteal reaction" in a for a in found)
