"""Surgical indications in phrasings beyond the first corpus: preference, permission, the
treatment of choice, timing, a pronoun for the previous treatment, parentheticals, colons,
and polarity read per clause."""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked


@pytest.mark.parametrize(
    ("discussion", "answers"),
    [
        (
            "Adrenal adenoma is common. Adrenalectomy is preferred for functioning tumours and "
            "for those larger than 6 cm.",
            ("functioning tumours", "those larger than 6 cm"),
        ),
        (
            "Pilonidal disease is a skin condition. In patients with recurrent abscesses, wide "
            "excision can be offered instead.",
            ("recurrent abscesses",),
        ),
        (
            "Thyroid nodules are common. Lobectomy, either open or endoscopic, is advised when "
            "the nodule compresses the trachea, or when cytology is indeterminate.",
            ("nodule compresses the trachea", "cytology is indeterminate"),
        ),
        (
            "Pneumothorax can recur. Video-assisted thoracoscopic pleurodesis is recommended "
            "after a second episode.",
            ("video-assisted thoracoscopic pleurodesis", "after a second episode"),
        ),
    ],
)
def test_indication_in_other_phrasings(discussion: str, answers: tuple[str, ...]) -> None:
    (fact,) = facts_of(make_case(discussion), "surgical-indication")
    assert fact.answers() == answers


def test_treatment_of_choice_hides_the_treatment() -> None:
    case = make_case(
        "Varicose veins are dilated superficial veins. Endovenous laser ablation is currently "
        "the treatment of choice, with few complications.",
        final="Varicose veins",
    )
    (fact,) = facts_of(case, "surgical-indication")
    assert marked(fact) == (
        "In varicose veins, {{c1::endovenous laser ablation}} is currently the treatment of "
        "choice, with few complications."
    )


def test_a_timing_hides_the_treatment_and_keeps_its_connector() -> None:
    case = make_case(
        "Testicular torsion is a urological emergency: scrotal exploration is recommended as "
        "soon as torsion is suspected, even when Doppler flow is present.",
        final="Testicular torsion",
    )
    (fact,) = facts_of(case, "surgical-indication")
    assert fact.answers() == ("scrotal exploration", "as soon as torsion is suspected")


def test_a_pronoun_takes_the_previous_sentence_treatment() -> None:
    case = make_case(
        "Carotid stenosis causes stroke. Carotid endarterectomy is indicated for symptomatic "
        "stenosis above 70%. It should be deferred until the acute infarct has stabilised.",
        final="Carotid stenosis",
    )
    deferred = [f for f in facts_of(case, "surgical-indication") if "deferred" in f.text]
    (fact,) = deferred
    assert marked(fact) == (
        "In carotid stenosis, {{c1::carotid endarterectomy}} should be deferred "
        "{{c2::until the acute infarct has stabilised}}."
    )


def test_an_earlier_negative_clause_does_not_negate_a_later_indication() -> None:
    case = make_case(
        "Acute pancreatitis is managed medically. Surgery has no role in the early phase, and "
        "necrosectomy is reserved for infected necrosis.",
        final="Acute pancreatitis",
    )
    (fact,) = facts_of(case, "surgical-indication")
    assert fact.answers() == ("infected necrosis",)


def test_an_operation_suffix_names_a_treatment() -> None:
    case = make_case(
        "Ureteropelvic junction obstruction is congenital. Pyeloplasty is indicated when renal "
        "function declines.",
        final="Ureteropelvic junction obstruction",
    )
    (fact,) = facts_of(case, "surgical-indication")
    assert fact.answers() == ("renal function declines",)


@pytest.mark.parametrize(
    "discussion",
    [
        "Simple renal cysts are benign. Treatment is conservative in asymptomatic patients.",
        "Bone islands are incidental findings, and no treatment is needed.",
        "Haemangiomas of the liver are common; surgery is not recommended for small lesions.",
        "Hamartomas are benign. Resection may possibly be offered for growing lesions.",
        "A lumbar disc herniation usually resolves. Discectomy is preferred to prolonged bed "
        "rest by some surgeons.",
        "Gallstones are common. It is recommended that asymptomatic stones be observed.",
    ],
)
def test_no_indication_from_conservative_or_negated_statements(discussion: str) -> None:
    assert facts_of(make_case(discussion), "surgical-indication") == []
