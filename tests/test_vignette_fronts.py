"""The front of a final-diagnosis card: what it hides, what it keeps, and how it is cut."""

from __future__ import annotations

import pytest

from deckbuilder.model import Fact, Patient
from tests.extract_helpers import facts_of, findings_list_case, make_case


def _final(history: str, findings: str, final: str, patient: Patient | None = None) -> Fact:
    case = make_case(
        history=history, findings=findings, final=final, patient=patient or Patient("40", "male")
    )
    (fact,) = facts_of(case, "final-diagnosis")
    return fact


def _front(fact: Fact) -> str:
    return fact.text[: fact.clozes[0].start]


def test_a_body_part_the_diagnosis_names_stays_on_the_front() -> None:
    fact = _final(
        "A 6-year-old boy had two days of right knee pain and a fever of 39 degrees.",
        "Ultrasound showed a joint effusion of the right knee with synovial thickening.",
        "Septic arthritis of the right knee",
    )
    front = _front(fact)
    assert "right knee pain" in front
    assert "joint effusion of the right knee" in front
    assert "arthritis" not in front.lower()
    assert "underlying condition" not in front


@pytest.mark.parametrize(
    ("findings", "final", "kept", "hidden"),
    [
        (
            "Radiographs showed a lucent lesion of the talus with a thin sclerotic rim.",
            "Simple bone cyst of the talus",
            "lucent lesion of the talus",
            "cyst",
        ),
        (
            "CT showed a widened left internal auditory canal with a rounded mass at its porus.",
            "Facial nerve schwannoma of the left internal auditory canal",
            "widened left internal auditory canal",
            "schwannoma",
        ),
    ],
)
def test_a_named_bone_or_canal_is_a_place_not_the_diagnosis(findings, final, kept, hidden) -> None:
    fact = _final("A 30-year-old man had pain for months.", findings, final)
    front = _front(fact)
    assert kept in front
    assert hidden not in front.lower()


def test_an_organ_named_in_a_blood_test_is_not_hidden_but_the_disease_is() -> None:
    fact = _final(
        "A 47-year-old woman had a low thyroid-stimulating hormone and a history of goitre "
        "treated elsewhere.",
        "Ultrasound showed a solid nodule of 3 cm in the left lobe.",
        "Toxic thyroid adenoma",
    )
    front = _front(fact)
    assert "thyroid-stimulating hormone" in front
    assert "adenoma" not in front.lower() and "toxic" not in front.lower()


def test_a_stated_cause_stays_visible_and_only_the_disease_is_asked() -> None:
    fact = _final(
        "A 39-year-old man with severe hypertriglyceridaemia had epigastric pain radiating to "
        "the back.",
        "CT showed an oedematous pancreas with peripancreatic fat stranding.",
        "Acute interstitial pancreatitis caused by hypertriglyceridaemia",
    )
    assert fact.answers() == ("Acute interstitial pancreatitis",)
    assert fact.text.endswith("caused by hypertriglyceridaemia")
    assert "severe hypertriglyceridaemia" in _front(fact)
    assert "pancreatitis" not in _front(fact).lower()


def test_a_telegraphic_age_is_not_said_twice() -> None:
    fact = _final(
        "45M. Sudden tearing chest pain radiating to the back.",
        "CTA: intimal flap in the descending aorta.",
        "Stanford type B aortic dissection",
        Patient("45", "male"),
    )
    front = _front(fact)
    assert front.startswith("45M.")
    assert "45-year-old" not in front


def test_a_long_finding_is_never_cut_between_its_subject_and_its_verb() -> None:
    findings = (
        "A contrast-enhanced CT of the abdomen and pelvis, acquired in the portal venous phase "
        "on the day of admission because of worsening pain and a rising serum lactate, showed "
        "a whirl of mesenteric vessels beside a cluster of dilated jejunal loops crowded in "
        "the left upper quadrant behind the stomach with free fluid between them and "
        "thickened, poorly enhancing walls."
    )
    fact = _final(
        "A 71-year-old man had six hours of colicky central abdominal pain and vomiting.",
        findings,
        "Left paraduodenal hernia",
    )
    front = _front(fact)
    assert "rising serum lactate." not in front
    assert "acquired in the portal venous phase" not in front
    assert front.startswith("A 71-year-old man had six hours")


def test_findings_given_as_list_items_read_as_separate_sentences() -> None:
    case = findings_list_case(
        "Ultrasound of the right hemiscrotum:",
        (
            "Testis: enlarged and diffusely hypoechoic",
            "Colour Doppler: increased flow throughout the testis",
            "Small reactive hydrocele",
        ),
        "Acute epididymo-orchitis",
        Patient("24", "male"),
    )
    (fact,) = facts_of(case, "final-diagnosis")
    front = _front(fact)
    assert (
        "Ultrasound of the right hemiscrotum: Testis: enlarged and diffusely hypoechoic." in front
    )
    assert "hypoechoic. Colour Doppler: increased flow throughout the testis." in front
    assert not front.rstrip().endswith(":") or front.rstrip().endswith("Final diagnosis:")


def test_the_answers_own_abbreviation_is_hidden_with_it() -> None:
    fact = _final(
        "A 58-year-old man had recurrent epistaxis and a known liver disorder.",
        "CT angiography showed multiple pulmonary arteriovenous malformations.",
        "Hereditary haemorrhagic telangiectasia (HHT), with pulmonary involvement",
    )
    assert fact.answers()[0] == "Hereditary haemorrhagic telangiectasia (HHT)"
    assert "HHT" not in fact.text[fact.clozes[0].end :]


def test_a_bracketed_subtype_in_lower_case_is_not_taken_for_an_abbreviation() -> None:
    fact = _final(
        "A 30-year-old woman had a painless neck swelling.",
        "Ultrasound showed a cystic mass at the angle of the mandible.",
        "Branchial cleft cyst (second type)",
    )
    assert "(second type)" not in fact.answers()[0]
