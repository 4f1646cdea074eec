"""Round 9: indications in labelled lists with coordinated items, telegraphic list leads and
bracketed asides; ages and sexes in telegraphic and parenthetical wording."""

from __future__ import annotations

import pytest

from tests.extract_helpers import facts_of, make_case
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


def _ages(discussion: str, final: str) -> list[tuple[str, list[str]]]:
    facts = facts_of(make_case(discussion=discussion, final=final), "age-distribution")
    return [(fact.text, answers(fact)) for fact in facts]


def test_a_label_asking_who_is_affected_reads_as_the_entity_affecting_the_group() -> None:
    found = _ages(
        """
        Giant cell tumour is a locally aggressive tumour of the epiphysis.

        Who gets it: young adults after growth plate closure.
        """,
        "Giant cell tumour of bone",
    )
    assert any(
        text.startswith("Giant cell tumour") and "affects" in text and answer == ["young adults"]
        for text, answer in found
    ), found
    assert not any("who gets it" in text.lower() for text, _ in found)


def test_a_who_label_over_a_value_with_its_own_verb_keeps_that_verb() -> None:
    found = _ages(
        """
        Langerhans cell histiocytosis has many faces on imaging.

        Who is affected: usually presents in young children.
        """,
        "Langerhans cell histiocytosis",
    )
    assert any("presents in" in text and "affects" not in text for text, _ in found), found


def test_a_label_asking_where_gives_no_age_card() -> None:
    found = _ages(
        """
        Chondroblastoma is a rare cartilage tumour.

        Where is it: the epiphysis of long bones.
        """,
        "Chondroblastoma",
    )
    assert found == []


def test_a_bare_group_in_a_differentials_parenthesis_belongs_to_that_differential() -> None:
    found = _ages(
        """
        Thymoma is the commonest primary tumour of the anterior mediastinum.

        DDx: lymphoma (young adults, bulky nodes, encases vessels); germ cell tumour (young
        men, fat and calcium); thymic cyst (water attenuation, no enhancement).
        """,
        "Thymoma",
    )
    texts = [text for text, _ in found]
    assert ("Lymphoma: young adults.", ["young adults"]) in found
    assert ("Germ cell tumour: young men.", ["young men"]) in found
    # no card credits the case's own disease with a differential's age
    assert not any("thymoma" in text.lower() for text, _ in found)
    # a part without any age ("water attenuation") gives no card
    assert not any("Thymic cyst" in text for text in texts)


def test_a_duration_written_once_for_two_coordinated_numbers_gives_no_age() -> None:
    found = _ages(
        """
        Transient synovitis is the commonest cause of an acute limp.

        Aspiration is advised when pain lasts for 10 days in toddlers, or 3 weeks in older
        children.

        Imaging is repeated if effusion persists beyond 2 weeks in infants or 4 weeks in
        adolescents.
        """,
        "Transient synovitis",
    )
    assert not any(
        answer in (["3 weeks"], ["10 days"], ["2 weeks"], ["4 weeks"]) for _, answer in found
    )


def test_a_coordinated_age_after_a_real_age_is_still_an_age() -> None:
    found = _ages(
        """
        Perthes disease is an idiopathic osteonecrosis of the femoral head.

        Perthes disease is usually diagnosed at 4 to 8 years in boys, and 6 to 10 years in
        girls.
        """,
        "Perthes disease",
    )
    assert any("4 to 8 years" in got and "6 to 10 years" in got for _, got in found), found


def _sexes(discussion: str, final: str) -> list[str]:
    facts = facts_of(make_case(discussion=discussion, final=final), "sex-predominance")
    return [fact.text for fact in facts]


@pytest.mark.parametrize(
    ("discussion", "final"),
    [
        ("Tubal ectopic pregnancy affects women of reproductive age.", "Tubal ectopic pregnancy"),
        ("Varicocele is found mostly in adolescent boys and young men.", "Varicocele"),
        ("Bartholin gland cysts mostly affect women in their twenties.", "Bartholin cyst"),
    ],
)
def test_a_disease_of_an_organ_only_one_sex_has_gives_no_sex_card(
    discussion: str, final: str
) -> None:
    assert _sexes(discussion, final) == []


def test_a_disease_of_an_organ_both_sexes_have_keeps_its_sex_card() -> None:
    found = _sexes("Thyroid nodules are far more common in women than in men.", "Thyroid nodule")
    assert found, found
