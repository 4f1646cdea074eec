"""Round 8: examples after an indication ("for example", "such as", "e.g."), a sex stated in a
later clause of a listed comparison, and a possessive inside an answer that points to its own
sentence's subject."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case

SEX = "sex-predominance"
IND = "surgical-indication"


def _answers(discussion: str, kind: str = IND) -> list[tuple[str, ...]]:
    return [f.answers() for f in facts_of(make_case(discussion), kind)]


@pytest.mark.parametrize(
    ("discussion", "expected"),
    [
        (
            "Hepatic cystadenoma is a rare cystic neoplasm. Resection is reserved for large "
            "cysts, for example those causing biliary obstruction or pain, and for cysts with "
            "mural nodules.",
            ("large cysts", "biliary obstruction", "pain", "cysts with mural nodules"),
        ),
        (
            "Carotid body tumour is a paraganglioma. Excision is recommended for growing "
            "tumours such as those compressing the cranial nerves or the airway.",
            ("growing tumours",),
        ),
        (
            "Endometriosis is ectopic endometrial tissue. Laparoscopic excision is indicated "
            "for deep disease, e.g. nodules of the rectovaginal septum.",
            ("deep disease", "nodules of the rectovaginal septum"),
        ),
    ],
)
def test_examples_of_an_indication_are_their_own_answers(
    discussion: str, expected: tuple[str, ...]
) -> None:
    (answers,) = _answers(discussion)
    for answer in expected:
        assert answer in answers
    assert not any(
        a.lower().startswith(("example", "for example", "such as", "e.g", "those")) for a in answers
    )


def test_an_example_that_only_points_back_stays_visible() -> None:
    discussion = (
        "Osteoblastoma is a benign bone tumour. Curettage is indicated for painful lesions, "
        "including those in the posterior elements, and when the lesion grows."
    )
    (answers,) = _answers(discussion)
    assert "painful lesions" in answers
    assert not any("those" in a or "including" in a for a in answers)


@pytest.mark.parametrize(
    ("discussion", "owner"),
    [
        (
            "Multiple sclerosis is a demyelinating disease. Its mimics each have a pattern of "
            "their own: small vessel disease spares the corpus callosum and affects older "
            "patients; Susac syndrome makes central callosal holes and predominantly affects "
            "young women.",
            "susac syndrome",
        ),
        (
            "Thymoma is an anterior mediastinal tumour. The other anterior masses differ: "
            "lymphoma affects young adults; germ cell tumours show a marked male predominance.",
            "germ cell tumours",
        ),
    ],
)
def test_a_later_clause_of_a_listed_comparison_names_its_own_disease(
    discussion: str, owner: str
) -> None:
    facts = facts_of(make_case(discussion), SEX)
    assert [f.subject.lower() for f in facts] == [owner]
    assert facts[0].text.lower().startswith(owner)


def test_a_later_clause_after_a_disease_list_without_a_disease_gives_no_card() -> None:
    discussion = (
        "Lymphangioleiomyomatosis is a rare cystic lung disease. The cystic diseases differ: "
        "Langerhans cell histiocytosis occurs in smokers; most are commoner in women."
    )
    assert facts_of(make_case(discussion), SEX) == []


def test_a_later_clause_of_a_field_line_is_still_the_entitys_own() -> None:
    discussion = (
        "Sarcoidosis is a granulomatous disease. Epidemiology: it peaks between 20 and 40 "
        "years; women are affected slightly more often than men."
    )
    (fact,) = facts_of(make_case(discussion), SEX)
    assert fact.subject == "Sarcoidosis"
    assert "women" in fact.answers()


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Adrenal myelolipoma is a benign fatty tumour. Bleeding myelolipomas are resected "
            "whatever their size, by laparoscopic adrenalectomy.",
            "whatever their size",
        ),
        (
            "Splenic artery aneurysm is the commonest visceral aneurysm. Symptomatic splenic "
            "aneurysms are repaired regardless of their size, preferably by stent-graft.",
            "regardless of their size",
        ),
    ],
)
def test_a_possessive_pointing_to_the_cards_own_subject_stays_in_an_answer(
    discussion: str, answer: str
) -> None:
    (answers,) = _answers(discussion)
    assert answer in answers


def test_a_possessive_in_an_answer_with_an_unknown_referent_still_drops_the_card() -> None:
    discussion = (
        "Hydatid disease is a parasitic infection. The cysts are usually silent for years. "
        "Surgery is indicated when their wall calcifies or ruptures."
    )
    assert _answers(discussion) == []
