"""Round 13: indication shapes met in holdout9, each tested on wording from other fields.

A condition that "needs" a treatment, "can be offered to" a population, a relative clause's "or"
inside one list item, an adjective run before its noun, a waived size with no treatment named,
radiosurgery or chemoembolisation as treatments; and for ages, coordinated life stages ("pre- or
perimenopausal women") and a bound without its unit right after people ("women under 35")."""

from __future__ import annotations

import re

import pytest

from tests.extract_helpers import discussion_facts
from tests.test_round8_indication_lists import answers, cards

IND = "surgical-indication"


def _answers(discussion: str, final: str) -> list[list[str]]:
    return [answers(f) for f in discussion_facts(discussion, final, IND)]


@pytest.mark.parametrize(
    ("discussion", "final", "answer"),
    [
        (
            "Pilocytic astrocytoma grows slowly. Cerebellar tumours causing hydrocephalus need "
            "prompt resection.",
            "Pilocytic astrocytoma",
            "cerebellar tumours causing hydrocephalus",
        ),
        (
            "Mediastinal teratoma is usually benign. A teratoma compressing the airway needs "
            "urgent excision.",
            "Mediastinal teratoma",
            "teratoma compressing the airway",
        ),
    ],
)
def test_a_condition_that_needs_a_treatment_is_its_indication(
    discussion: str, final: str, answer: str
) -> None:
    assert [answer] in [[a.lower() for a in x] for x in _answers(discussion, final)]


def test_needing_follow_up_is_no_indication() -> None:
    assert not _answers(
        "Renal angiomyolipoma is often found by chance. Small lesions need follow-up imaging only.",
        "Renal angiomyolipoma",
    )


@pytest.mark.parametrize(
    ("discussion", "final", "answer"),
    [
        (
            "Prolactinoma responds to cabergoline. Transsphenoidal resection can be offered to "
            "patients who do not tolerate the drug.",
            "Prolactinoma",
            "patients who do not tolerate the drug",
        ),
        (
            "Achalasia is a motility disorder. Peroral myotomy may be offered to fit adults "
            "with type III disease, after manometry.",
            "Achalasia",
            "fit adults with type III disease",
        ),
    ],
)
def test_offered_to_a_population(discussion: str, final: str, answer: str) -> None:
    assert [answer] in _answers(discussion, final)


def test_a_verbless_step_after_the_list_is_no_condition_but_a_timing_clause_is() -> None:
    got = _answers(
        "Hydatid cyst of the liver is common in sheep-farming areas. Surgery is indicated for "
        "large cysts, after treatment with albendazole has been started, and for rupture.",
        "Hydatid cyst",
    )
    assert got == [["large cysts", "after treatment with albendazole has been started", "rupture"]]


def test_an_or_inside_a_relative_clause_keeps_one_list_item() -> None:
    facts = cards(
        """
        Popliteal artery aneurysms are often bilateral.

        Repair is advised for:

        - aneurysms larger than 2 cm;

        - any aneurysm in patients who are symptomatic or have distal emboli;
        """,
        "Popliteal artery aneurysm",
    )
    assert len(facts) == 1
    assert answers(facts[0]) == [
        "aneurysms larger than 2 cm",
        "any aneurysm in patients who are symptomatic or have distal emboli",
    ]


def test_an_adjective_run_shares_its_noun() -> None:
    got = _answers(
        "Cavernous malformations may bleed. Stereotactic radiosurgery is reserved for deep, "
        "multiple or eloquent lesions.",
        "Cavernous malformation",
    )
    assert got == [["deep, multiple or eloquent lesions"]]


def test_a_differential_treated_at_any_size_gets_its_own_short_card() -> None:
    facts = discussion_facts(
        "Renal artery aneurysms are mostly found by chance. Mycotic aneurysm, a rarer "
        "cause, does not calcify and should be treated regardless of its size.",
        "Renal artery aneurysm",
        IND,
    )
    assert [(f.subject, f.text, answers(f)) for f in facts] == [
        (
            "Mycotic aneurysm",
            "Mycotic aneurysm should be treated regardless of the size.",
            ["regardless of the size"],
        )
    ]


def test_a_doubted_waiver_gives_no_card() -> None:
    assert not _answers(
        "Renal artery aneurysms are mostly found by chance. Mycotic aneurysm, a rarer cause, "
        "does not calcify and might be treated regardless of its size.",
        "Renal artery aneurysm",
    )


@pytest.mark.parametrize(
    ("discussion", "final", "answer"),
    [
        (
            "Arteriovenous malformations of the brain may bleed. Gamma knife radiosurgery is "
            "generally reserved for nidi smaller than 3 cm.",
            "Arteriovenous malformation",
            "nidi smaller than 3 cm",
        ),
        (
            "Colorectal liver metastases are common. Radioembolisation is used for "
            "chemorefractory bilobar disease.",
            "Colorectal liver metastases",
            "chemorefractory bilobar disease",
        ),
    ],
)
def test_radiosurgery_and_radioembolisation_are_treatments(
    discussion: str, final: str, answer: str
) -> None:
    assert [answer] in _answers(discussion, final)


AGE = "age-distribution"


def _age_answers(discussion: str, final: str) -> list[tuple[str, ...]]:
    return [f.answers() for f in discussion_facts(discussion, final, AGE)]


@pytest.mark.parametrize(
    ("discussion", "final", "answer"),
    [
        (
            "Endometrial stromal sarcoma is a rare uterine tumour. It is seen mainly in "
            "premenopausal or perimenopausal women.",
            "Endometrial stromal sarcoma",
            "premenopausal or perimenopausal women",
        ),
        (
            "Fibroadenoma is a benign breast tumour. It affects girls and women under 35 and "
            "can grow during pregnancy.",
            "Fibroadenoma",
            "under 35",
        ),
        (
            "Nodular fasciitis is a reactive lesion. It is seen in adults over 20, often on the "
            "forearm.",
            "Nodular fasciitis",
            "over 20",
        ),
    ],
)
def test_coordinated_life_stages_and_a_unitless_bound_after_people_are_ages(
    discussion: str, final: str, answer: str
) -> None:
    assert any(answer in answers for answers in _age_answers(discussion, final))


@pytest.mark.parametrize(
    "discussion",
    [
        "Desmoid tumour is a fibroblastic lesion. It is found in masses under 5 cm in women.",
        "Wilms tumour is a renal tumour. The dose is lowered for children under 10 kg.",
        "Keloid is a scar lesion. It recurs in patients over 30% of the time.",
    ],
)
def test_a_bound_with_a_unit_of_size_or_share_is_no_age(discussion: str) -> None:
    assert not any(
        re.search(r"(?:under|over)\s+\d+$", a)
        for answers in _age_answers(discussion, "Desmoid tumour")
        for a in answers
    )


def test_a_hedged_bound_stays_out() -> None:
    assert not _age_answers(
        "Fibroadenoma is a benign breast tumour. It may affect women under 35.", "Fibroadenoma"
    )
