"""Round 15: general fact kinds, rules of sentence structure tried on wordings of no corpus.

Fixtures are written for these tests, on diseases of other areas of radiology than the tuning
sets, in at least two wordings; negative cases check that no card (or no cloze) is made.
"""

from __future__ import annotations

from extract_helpers import discussion_answers as _answers


def _risk(text: str, final: str) -> set[str]:
    return _answers(text, final, "risk-factor")


def _prognosis(text: str, final: str) -> set[str]:
    return _answers(text, final, "prognostic-feature")


def _association(text: str, final: str) -> set[str]:
    return _answers(text, final, "association")


# risk-factor: a list as the subject of "are further/additional risk factors", after a clause


def test_further_risk_factors_after_a_semicolon_are_each_read() -> None:
    text = (
        "Paget disease of bone is the main risk factor; prior radiotherapy, hereditary "
        "retinoblastoma and Li-Fraumeni syndrome are further risk factors."
    )
    answers = _risk(text, "Osteosarcoma")
    assert {"prior radiotherapy", "hereditary retinoblastoma", "Li-Fraumeni syndrome"} <= answers


def test_additional_risk_factors_opening_a_sentence_are_read() -> None:
    text = "Heavy smoking, obesity and chronic pancreatitis are additional risk factors."
    answers = _risk(text, "Pancreatic adenocarcinoma")
    assert answers == {"heavy smoking", "obesity", "chronic pancreatitis"}


def test_negated_further_risk_factors_give_no_card() -> None:
    text = "Obesity and diabetes are not further risk factors."
    assert _risk(text, "Pancreatic adenocarcinoma") == set()


# risk-factor: a label naming one risk factor


def test_a_single_risk_factor_label_is_read() -> None:
    text = "Only known risk factor: asbestos exposure decades earlier."
    assert _risk(text, "Pleural mesothelioma") == {"asbestos exposure decades earlier"}


def test_a_main_risk_factor_label_is_read() -> None:
    assert _risk("Main risk factor: chronic hepatitis B.", "Hepatocellular carcinoma") == {
        "chronic hepatitis B"
    }


# risk-factor: an ethnic group that is "affected most often"


def test_an_ethnic_group_affected_most_often_is_a_risk_group() -> None:
    text = "Women outnumber men, and people of Ashkenazi Jewish descent are affected more often."
    assert _risk(text, "Gaucher disease") == {"Ashkenazi Jewish"}


def test_a_regional_ethnic_group_keeps_its_direction_word() -> None:
    text = "Patients of southern Chinese origin are affected most frequently."
    assert _risk(text, "Nasopharyngeal carcinoma") == {"southern Chinese"}


def test_people_affected_without_an_ethnic_name_give_no_risk_card() -> None:
    assert _risk("People of any age are affected most often.", "Sarcoidosis") == set()


# prognostic-feature: a list after a semicolon, "older age", a relative clause, "=", "determine"


def test_adverse_prognostic_features_after_a_semicolon_include_older_age() -> None:
    text = (
        "Survival is poor; older age, pelvic location and metastases at diagnosis are the main "
        "adverse prognostic features."
    )
    answers = _prognosis(text, "Ewing sarcoma")
    assert {"older age", "pelvic location", "metastases at diagnosis"} <= answers


def test_older_patients_stay_out_of_prognostic_features() -> None:
    text = "Older patients and smokers are poor prognostic factors."
    assert _prognosis(text, "Ewing sarcoma") == set()


def test_a_which_clause_names_only_the_last_item() -> None:
    text = "Risk groups use stage, age and 1p deletion, which predicts a poor outcome."
    assert _prognosis(text, "Oligodendroglioma") == {"1p deletion"}


def test_a_which_clause_with_a_better_outcome_is_read() -> None:
    text = "Treatment depends on age and HPV status, which confers a better prognosis."
    assert _prognosis(text, "Oropharyngeal carcinoma") == {"HPV status"}


def test_a_which_clause_after_a_whole_clause_gives_no_card() -> None:
    text = "Therapy is tailored to HPV status, which confers a better prognosis."
    assert _prognosis(text, "Oropharyngeal carcinoma") == set()


def test_a_telegraphic_equation_with_an_outcome_is_read() -> None:
    text = "IDH mutation = better prognosis than wild-type tumours."
    assert _prognosis(text, "Astrocytoma") == {"IDH mutation"}


def test_a_list_that_determines_prognosis_is_read() -> None:
    text = "Histological grade, tumour size and depth determine the prognosis."
    answers = _prognosis(text, "Soft-tissue sarcoma")
    assert answers == {"histological grade", "tumour size", "depth"}


def test_a_negated_determination_gives_no_card() -> None:
    assert _prognosis("Tumour size does not determine prognosis.", "Soft-tissue sarcoma") == set()


# association: "X is closely associated and <verb> ..." ends the association at "and"


def test_closely_associated_followed_by_a_verb_clause_is_read() -> None:
    text = "Erythema nodosum is closely associated and appears in a third of patients."
    assert _association(text, "Sarcoidosis") == {"erythema nodosum"}


def test_associated_followed_by_a_modal_clause_is_read() -> None:
    text = "Ulcerative colitis is strongly associated and may precede the diagnosis by years."
    assert _association(text, "Primary sclerosing cholangitis") == {"ulcerative colitis"}


def test_a_negated_association_gives_no_card() -> None:
    text = "Crohn disease is not associated and is rarely seen."
    assert _association(text, "Primary sclerosing cholangitis") == set()
