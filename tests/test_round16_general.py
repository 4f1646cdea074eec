"""Round 16: general fact kinds, rules of sentence structure tried on wordings of no corpus.

Fixtures are written for these tests, on diseases of other areas of radiology than the tuning
sets, in at least two wordings; negative cases check that no card (or no cloze) is made.
"""

from __future__ import annotations

from extract_helpers import discussion_answers as _answers
from extract_helpers import facts_of, make_case


def _prognosis(text: str, final: str) -> set[str]:
    return _answers(text, final, "prognostic-feature")


def _complication(text: str, final: str) -> set[str]:
    return _answers(text, final, "complication")


def _risk(text: str, final: str) -> set[str]:
    return _answers(text, final, "risk-factor")


def _association(text: str, final: str) -> set[str]:
    return _answers(text, final, "association")


def _site(text: str, final: str) -> set[str]:
    return _answers(text, final, "common-site")


# prognostic-feature: "the strongest predictor of <qualified outcome>" (local recurrence,
# overall survival) reads like the bare outcome.


def test_strongest_predictor_of_local_recurrence_is_read() -> None:
    text = "The extent of resection is the strongest predictor of local recurrence."
    assert _prognosis(text, "Gliosarcoma") == {"extent of resection"}


def test_main_determinant_of_overall_survival_is_read() -> None:
    text = "Nodal status is the main determinant of overall survival."
    assert _prognosis(text, "Merkel cell carcinoma") == {"nodal status"}


def test_predictor_of_something_else_gives_no_prognosis_card() -> None:
    text = "The extent of resection is the strongest predictor of local anaesthetic use."
    assert _prognosis(text, "Gliosarcoma") == set()


# prognostic-feature: a poor prognosis stated with the time to death ("with death usually
# occurring within one year").


def test_time_to_death_after_a_poor_prognosis_is_read() -> None:
    text = "The prognosis is poor, with death usually occurring within five years of diagnosis."
    assert _prognosis(text, "Progressive supranuclear palsy") == {"within five years"}


def test_time_to_death_after_a_dismal_prognosis_is_read() -> None:
    text = "Prognosis is dismal, with death typically ensuing within 18 months."
    assert _prognosis(text, "Fatal familial insomnia") == {"within 18 months"}


def test_a_negated_poor_prognosis_gives_no_time_to_death() -> None:
    text = "The prognosis is not poor, with death rarely occurring within one year."
    assert _prognosis(text, "Fatal familial insomnia") == set()


# prognostic-feature: the shrinkage threshold that marks a treatment as successful.


def test_shrinkage_threshold_of_a_successful_response_is_read() -> None:
    text = "A tumour that shrinks by more than 30% indicates a successful response."
    assert _prognosis(text, "Hepatocellular carcinoma") == {"more than 30%"}


def test_shrinkage_threshold_after_a_semicolon_is_read() -> None:
    text = (
        "Follow-up MRA looks for regrowth; a residual neck that decreases by at least 50% "
        "confirms successful occlusion."
    )
    assert _prognosis(text, "Giant intracranial aneurysm") == {"at least 50%"}


def test_shrinkage_without_a_successful_outcome_gives_no_card() -> None:
    text = "A tumour that shrinks by more than 30% needs no further imaging."
    assert _prognosis(text, "Hepatocellular carcinoma") == set()


# complication: a list as the subject of "are the main complications" in the clause after a
# colon.


def test_complications_listed_after_a_colon_are_each_read() -> None:
    text = (
        "Fragile vessel walls explain the danger: dissection, rupture and aneurysm are "
        "the main complications."
    )
    assert _complication(text, "Vascular Ehlers-Danlos syndrome") == {
        "dissection",
        "rupture",
        "aneurysm",
    }


def test_well_known_complications_after_a_colon_are_read() -> None:
    text = (
        "The spleen infarcts repeatedly: autosplenectomy and sepsis are well-known complications."
    )
    assert _complication(text, "Sickle cell disease") == {"autosplenectomy", "sepsis"}


def test_complications_after_a_colon_that_are_negated_give_no_card() -> None:
    text = "The wall is thick: dissection and rupture are not recognised complications."
    assert _complication(text, "Fibromuscular dysplasia") == set()


# risk-factor: "has been linked with A, B and C" reads a list of exposures like "is linked to",
# and a trailing comment clause ends the list, so the last item keeps no "and".


def test_has_been_linked_with_lists_each_exposure() -> None:
    text = (
        "It is seen in older women and has been linked with obesity, nulliparity, "
        "tamoxifen use and late menopause."
    )
    assert _risk(text, "Endometrial carcinoma") == {
        "obesity",
        "nulliparity",
        "tamoxifen use",
        "late menopause",
    }


def test_a_comment_clause_after_the_list_ends_its_last_item() -> None:
    text = (
        "The tumour has been linked to reflux, obesity and smoking, in keeping with chronic "
        "mucosal injury."
    )
    assert _risk(text, "Oesophageal adenocarcinoma") == {"reflux", "obesity", "smoking"}


def test_has_not_been_linked_gives_no_risk_factor() -> None:
    text = "The tumour has not been linked to alcohol or smoking."
    assert _risk(text, "Oesophageal adenocarcinoma") == set()


def test_an_association_list_ends_before_a_which_clause() -> None:
    text = (
        "The disease is associated with coeliac disease, type 1 diabetes and thyroiditis, "
        "which share an autoimmune basis."
    )
    answers = _association(text, "Dermatitis herpetiformis")
    assert "thyroiditis" in answers
    assert not any(" and " in answer for answer in answers)


# common-site: "with (a) predominance in the X"; "most often lateral to the X" after a share
# of sites; "most are <position> and arise in the X".


def test_predominance_in_a_site_is_read() -> None:
    text = "Lesions show a predominance in the temporal lobe and the frontal lobe."
    assert _site(text, "Ganglioglioma") == {"temporal lobe", "frontal lobe"}


def test_with_predominance_in_a_site_after_a_comma_is_read() -> None:
    text = "The signal follows a gradient, with predominance in the caudate head and the pons."
    assert _site(text, "Osmotic demyelination") == {"caudate head", "pons"}


def test_predominance_in_people_gives_no_site() -> None:
    text = "The disease shows a predominance in the elderly."
    assert _site(text, "Ganglioglioma") == set()


def test_most_often_lateral_to_a_structure_is_a_site() -> None:
    text = "About 70% lie within the chiasm, most often posterior to the optic canal."
    assert "posterior to the optic canal" in _site(text, "Optic pathway glioma")


def test_most_often_medial_to_a_structure_is_a_site() -> None:
    text = "Most arise in the orbit, most often medial to the lacrimal gland."
    assert "medial to the lacrimal gland" in _site(text, "Orbital dermoid")


def test_most_are_intramural_and_arise_in_a_site() -> None:
    text = "Most are intramural and arise in the uterine fundus; the cervix is a rare site."
    assert "uterine fundus" in _site(text, "Uterine leiomyoma")


def test_most_are_subcapsular_and_develop_in_a_site() -> None:
    text = "Most are subcapsular and develop in the right lobe."
    assert "right lobe" in _site(text, "Hepatic adenoma")


# sign: a hyphenated appearance named in brackets, a named sign as an item of a list of
# findings, and a sign stated of a listed differential is that differential's card.


def _signs(text: str, final: str, differentials: tuple[str, ...] = ()) -> dict[str, str]:
    case = make_case(discussion=text, differentials=differentials, final=final)
    return {a: f.subject for f in facts_of(case, "sign") for a in f.answers()}


def test_a_bracketed_hyphenated_appearance_is_a_sign() -> None:
    text = "The matrix is hazy and featureless on radiographs (ground-glass appearance)."
    assert _signs(text, "Fibrous dysplasia") == {"ground-glass appearance": "Fibrous dysplasia"}


def test_a_bracketed_appearance_of_a_differential_keeps_its_owner() -> None:
    text = "Aneurysmal bone cyst shows fluid levels and thin septa (soap-bubble appearance)."
    signs = _signs(text, "Fibrous dysplasia", ("Aneurysmal bone cyst",))
    assert signs == {"soap-bubble appearance": "Aneurysmal bone cyst"}


def test_a_bracketed_single_word_appearance_is_no_sign() -> None:
    assert _signs("The lesion has thin septa (bubbly appearance).", "Fibrous dysplasia") == {}


def test_a_named_sign_inside_a_list_of_findings_is_read() -> None:
    text = "It shows rim enhancement, a cluster sign on CT and restricted diffusion."
    assert _signs(text, "Pyogenic liver abscess") == {"cluster sign": "Pyogenic liver abscess"}


def test_a_listed_sign_of_a_differential_keeps_its_owner() -> None:
    text = "Echinococcal cyst tends to show daughter cysts, a water lily sign and calcification."
    signs = _signs(text, "Pyogenic liver abscess", ("Echinococcal cyst",))
    assert signs == {"water lily sign": "Echinococcal cyst"}


def test_a_negated_sign_in_a_list_gives_no_card() -> None:
    text = "It shows rim enhancement, and no cluster sign was seen."
    assert _signs(text, "Pyogenic liver abscess") == {}
