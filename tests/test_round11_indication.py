"""Round 11: list items ending in a clause of their own after a comma, and a list lead ending
in "in selected patients"."""

from __future__ import annotations

from tests.test_round8_indication_lists import answers, cards


def test_items_ending_in_a_treatment_clause_give_their_heads() -> None:
    facts = cards(
        """
        Pulmonary sequestration is a rare congenital lung malformation.

        Resection is indicated in the following situations:

        - recurrent pneumonia in the affected lobe, treated with lobectomy;

        - haemoptysis needing transfusion, in which case the feeding artery is embolised first;

        - enlarging cystic change on CT, which calls for open surgery.
        """,
        "Pulmonary sequestration",
    )
    assert len(facts) == 1
    assert answers(facts[0]) == [
        "recurrent pneumonia in the affected lobe",
        "haemoptysis needing transfusion",
        "enlarging cystic change on CT",
    ]
    assert "; and " in facts[0].text


def test_coordinated_items_alone_still_give_a_card() -> None:
    facts = cards(
        """
        Carotid body tumours grow slowly.

        Excision is advised for:

        - cranial nerve palsy or dysphagia, managed with resection;

        - rapid growth or pain, where surgery is done early.
        """,
        "Carotid body tumour",
    )
    assert len(facts) == 1
    assert answers(facts[0]) == ["cranial nerve palsy or dysphagia", "rapid growth or pain"]


def test_a_lead_in_selected_patients_reads_as_its_connector() -> None:
    facts = cards(
        """
        Splenic artery aneurysms are mostly found by chance.

        Coil embolisation is considered in selected patients:

        - women of childbearing age

        - aneurysms larger than 2 cm
        """,
        "Splenic artery aneurysm",
    )
    assert len(facts) == 1
    assert answers(facts[0]) == ["women of childbearing age", "aneurysms larger than 2 cm"]


def test_a_trailing_clause_with_doubt_drops_the_item_and_a_negated_lead_gives_none() -> None:
    kept = cards(
        """
        Hydatid cysts of the liver are common in endemic areas.

        Surgery is indicated in the following situations:

        - rupture into the biliary tree, which may need drainage;

        - cysts larger than 10 cm

        - secondary infection
        """,
        "Hydatid cyst",
    )
    assert len(kept) == 1
    assert answers(kept[0]) == ["cysts larger than 10 cm", "secondary infection"]
    none = cards(
        """
        Hydatid cysts of the liver are common in endemic areas.

        Surgery is not indicated in the following situations:

        - calcified cysts, treated with observation;

        - small cysts, which are left alone.
        """,
        "Hydatid cyst",
    )
    assert none == []
