"""Indications written as a lead ending in a colon over list items, and as a label line."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from deckbuilder.model import Block, BlockKind, CaseNote, Fact, SectionKind
from tests.extract_helpers import facts_of, make_case

KIND = "surgical-indication"
_MARKER = re.compile(r"^(?:[-*]|\d+[.)])\s+")


def list_case(discussion: str, final: str) -> CaseNote:
    """A case whose Discussion paragraphs opening with "- " or "1. " are list items."""
    case = make_case(discussion=discussion, final=final)
    sections = []
    for section in case.sections:
        if section.kind is SectionKind.DISCUSSION:
            blocks = tuple(
                Block(BlockKind.LIST_ITEM, _MARKER.sub("", b.text), b.markdown, b.location)
                if _MARKER.match(b.text)
                else b
                for b in section.blocks
            )
            section = replace(section, blocks=blocks)
        sections.append(section)
    return replace(case, sections=tuple(sections))


def answers(fact: Fact) -> list[str]:
    return [fact.text[c.start : c.end] for c in fact.clozes]


def cards(discussion: str, final: str) -> list[Fact]:
    return facts_of(list_case(discussion, final), KIND)


def test_a_lead_over_bullets_gives_one_cloze_per_item_naming_the_disease() -> None:
    facts = cards(
        """
        Meningiomas are common extra-axial tumours.

        Resection is indicated for:

        - Enlarging tumours on serial MRI

        - oedema of the adjacent brain
        """,
        "Meningioma",
    )
    assert len(facts) == 1
    fact = facts[0]
    assert answers(fact) == ["enlarging tumours on serial MRI", "oedema of the adjacent brain"]
    assert "meningioma" in fact.text.lower()
    assert "Resection is indicated for" in fact.text or "resection is indicated for" in fact.text


def test_a_numbered_list_after_a_following_situations_lead() -> None:
    facts = cards(
        """
        Popliteal artery aneurysms are often bilateral.

        Open repair is advised in the following situations:

        1. distal embolic events

        2. a diameter above 2 cm
        """,
        "Popliteal artery aneurysm",
    )
    assert len(facts) == 1
    assert answers(facts[0]) == ["distal embolic events", "diameter above 2 cm"]
    assert "following" not in facts[0].text


def test_a_heading_line_over_the_lead_is_not_part_of_the_treatment() -> None:
    facts = cards(
        """
        Hydatid cysts of the liver may calcify.

        Therapy
        Percutaneous drainage is recommended for:

        - cysts larger than 5 cm

        - daughter cysts
        """,
        "Hydatid cyst",
    )
    assert len(facts) == 1
    assert "Therapy" not in facts[0].text
    assert "percutaneous drainage is recommended for" in facts[0].text
    assert answers(facts[0]) == ["cysts larger than 5 cm", "daughter cysts"]


def test_an_indications_label_over_bullets() -> None:
    facts = cards(
        """
        Thyroglossal duct cysts lie in the midline.

        Indications for excision:

        - recurrent infection

        - cosmetic concern
        """,
        "Thyroglossal duct cyst",
    )
    assert len(facts) == 1
    assert answers(facts[0]) == ["recurrent infection", "cosmetic concern"]


def test_an_inline_indications_label() -> None:
    facts = cards(
        """
        Indications for splenectomy: refractory cytopenia, massive splenomegaly and recurrent
        infarction.
        """,
        "Hereditary spherocytosis",
    )
    assert len(facts) == 1
    assert answers(facts[0]) == [
        "refractory cytopenia",
        "massive splenomegaly",
        "recurrent infarction",
    ]


@pytest.mark.parametrize(
    "discussion",
    [
        # contraindications are no indications
        """
        Contraindications to surgery:

        - severe cardiac disease

        - poor performance status
        """,
        """
        Contraindications for resection: portal vein invasion and distant metastases.
        """,
        # imaging is no treatment
        """
        Indications for imaging:

        - focal neurological signs

        - fever with back pain
        """,
        """
        Indications for MRI: persistent pain and neurological deficit.
        """,
        # a list of treatments names no conditions
        """
        Treatment options:

        - surgical resection

        - radiofrequency ablation
        """,
        """
        Resection is indicated for:

        - laparoscopic resection

        - open resection
        """,
        # a lead with no connector says nothing about the items
        """
        Surgery is indicated:

        - early

        - in specialised centres
        """,
        # a single item is no list
        """
        Embolisation is recommended for:

        - active bleeding
        """,
    ],
)
def test_lists_that_are_no_indications_give_no_card(discussion: str) -> None:
    assert cards(discussion, "Renal angiomyolipoma") == []


def test_a_hedged_item_is_left_out() -> None:
    facts = cards(
        """
        Osteoid osteomas cause night pain.

        Radiofrequency ablation is indicated for:

        - pain despite anti-inflammatory drugs

        - lesions that may be considered unsuitable for surgery

        - intolerance of anti-inflammatory drugs
        """,
        "Osteoid osteoma",
    )
    assert len(facts) == 1
    assert answers(facts[0]) == [
        "pain despite anti-inflammatory drugs",
        "intolerance of anti-inflammatory drugs",
    ]


def test_an_inline_label_with_a_contraindication_label_beside_it() -> None:
    facts = cards(
        """
        Indications for thyroidectomy: tracheal compression and retrosternal extension.

        Contraindications to thyroidectomy: severe heart failure and bleeding disorders.
        """,
        "Multinodular goitre",
    )
    assert [answers(f) for f in facts] == [["tracheal compression", "retrosternal extension"]]
