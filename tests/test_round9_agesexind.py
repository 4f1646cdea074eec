"""Round 9: indications in labelled lists with coordinated items, telegraphic list leads and
bracketed asides; ages and sexes in telegraphic and parenthetical wording."""

from __future__ import annotations

from tests.test_round8_indication_lists import answers, cards

KIND = "surgical-indication"


def test_a_coordinator_inside_a_short_item_keeps_the_item_whole() -> None:
    facts = cards(
        """
        Empyema follows pneumonia in a minority of patients.

        Drainage is indicated for:

        - fever with loculation or a thick rind

        - severe or worsening breathlessness

        - pleural fluid pH below 7.2
        """,
        "Empyema",
    )
    assert len(facts) == 1
    assert answers(facts[0]) == [
        "fever with loculation or a thick rind",
        "severe or worsening breathlessness",
        "pleural fluid pH below 7.2",
    ]


def test_a_telegraphic_lead_and_a_bracketed_aside_give_the_item_head() -> None:
    facts = cards(
        """
        Osteoid osteoma causes night pain relieved by salicylates.

        Treatment. Analgesics first. Ablation indicated for:

        - Pain despite medication

        - Lesions near a joint (risk of synovitis and growth disturbance)
        """,
        "Osteoid osteoma",
    )
    assert len(facts) == 1
    fact = facts[0]
    assert answers(fact) == ["pain despite medication", "lesions near a joint"]
    # the aside stays readable beside its cloze
    assert "(risk of synovitis and growth disturbance)" in fact.text


def test_an_item_cut_by_a_comma_stays_visible_without_a_cloze() -> None:
    facts = cards(
        """
        Adrenal incidentalomas are found on many abdominal CT studies.

        Adrenalectomy is recommended for:

        - lesions larger than 4 cm

        - biochemical hypersecretion

        - growth on follow-up in younger patients, or any growth in smokers
        """,
        "Adrenal incidentaloma",
    )
    assert len(facts) == 1
    fact = facts[0]
    assert answers(fact) == ["lesions larger than 4 cm", "biochemical hypersecretion"]
    assert "any growth in smokers" in fact.text


def test_a_negated_telegraphic_lead_gives_no_card() -> None:
    facts = cards(
        """
        Bone islands are common incidental findings.

        Biopsy not indicated for:

        - a lesion with brush border margins

        - stable size over two years
        """,
        "Enostosis",
    )
    assert facts == []


def test_a_list_of_treatments_is_no_list_of_indications() -> None:
    facts = cards(
        """
        Varicoceles are common in young men.

        Management is indicated for:

        - embolization of the gonadal vein or surgical ligation

        - testicular atrophy
        """,
        "Varicocele",
    )
    assert facts == []
