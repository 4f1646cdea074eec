"""Round 15, second part: general fact kinds, rules of sentence structure tried on wordings of
no corpus.

Fixtures are written for these tests, on diseases of other areas of radiology than the tuning
sets, in at least two wordings; negative cases check that no card (or no cloze) is made.
"""

from __future__ import annotations

from extract_helpers import discussion_answers, discussion_facts


def _complications(text: str, final: str) -> set[str]:
    return discussion_answers(text, final, "complication")


def _definition_texts(text: str, final: str) -> list[str]:
    return [f.text for f in discussion_facts(text, final, "definition")]


# complication: a recurrence "common/frequent after" a treatment


def test_recurrence_common_after_a_treatment_is_a_complication() -> None:
    text = "Local recurrence is frequent after simple enucleation of the mass."
    assert _complications(text, "Desmoid tumour") == {"local recurrence"}


def test_relapse_likely_after_a_treatment_is_a_complication() -> None:
    text = "Relapse is very common after incomplete surgery."
    assert _complications(text, "Aneurysmal bone cyst") == {"relapse"}


def test_recurrence_common_in_a_group_is_no_complication_card() -> None:
    text = "Recurrence is common in smokers and in patients with large lesions."
    assert _complications(text, "Desmoid tumour") == set()


def test_negated_recurrence_after_a_treatment_is_no_complication() -> None:
    text = "Local recurrence is not common after wide excision."
    assert _complications(text, "Desmoid tumour") == set()


# complication: "A and B may develop <later>": events that come later, one cloze each


def test_events_that_may_develop_years_later_are_complications() -> None:
    text = "Biliary cirrhosis and portal hypertension may develop years later."
    answers = _complications(text, "Primary sclerosing cholangitis")
    assert answers == {"biliary cirrhosis", "portal hypertension"}


def test_events_that_can_develop_over_time_are_complications() -> None:
    text = "Pulmonary hypertension can develop over time, so echocardiography is repeated."
    assert _complications(text, "Atrial septal defect") == {"pulmonary hypertension"}


def test_what_may_develop_from_a_precursor_is_no_complication() -> None:
    text = "Secondary osteosarcoma may develop from a pre-existing Paget lesion."
    assert _complications(text, "Paget disease of bone") == set()


def test_a_pronoun_or_symptoms_that_develop_later_make_no_card() -> None:
    for text in ("It may develop later in life.", "Symptoms may develop years later."):
        assert _complications(text, "Atrial septal defect") == set()


def test_events_that_may_not_develop_later_make_no_card() -> None:
    text = "Portal hypertension does not develop over time in most patients."
    assert _complications(text, "Primary sclerosing cholangitis") == set()


# definition: the card ends where ", and it is ..." or a colon opens another statement


def test_definition_card_stops_before_and_it_is() -> None:
    text = (
        "Ewing sarcoma is a small round blue cell tumour of bone, and it is the second "
        "commonest bone malignancy of children."
    )
    texts = _definition_texts(text, "Ewing sarcoma")
    assert texts == ["Ewing sarcoma is a small round blue cell tumour of bone."]


def test_definition_card_stops_at_a_colon_after_the_answer() -> None:
    text = (
        "Takayasu arteritis is a large vessel vasculitis and is almost confined to young "
        "women: it rarely begins after the age of 40."
    )
    texts = _definition_texts(text, "Takayasu arteritis")
    assert len(texts) == 1
    assert texts[0].endswith("young women.")
    assert "40" not in texts[0]


def test_definition_card_with_an_origin_stops_at_the_colon_after_it() -> None:
    text = (
        "Chordoma is a malignant tumour that arises from notochordal remnants: it occurs "
        "mainly in the clivus and sacrum."
    )
    facts = discussion_facts(text, "Chordoma", "definition")
    assert [f.text for f in facts] == [
        "Chordoma is a malignant tumour that arises from notochordal remnants."
    ]
    assert set(facts[0].answers()) == {"malignant tumour", "notochordal remnants"}
