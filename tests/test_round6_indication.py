"""Round 6: surgical indications read by sentence structure rather than by one author's phrasing.

Every sentence here is our own and from areas of radiology that no corpus case covers; negative
cases check that medical courses, negated statements and nested phrases give no extra cloze.
"""

from __future__ import annotations

from extract_helpers import facts_of, make_case, marked

KIND = "surgical-indication"


def answers(discussion: str, final: str = "") -> list[tuple[str, ...]]:
    return [f.answers() for f in facts_of(make_case(discussion, final=final), KIND)]


def cards(discussion: str, final: str = "") -> list[str]:
    return [marked(f) for f in facts_of(make_case(discussion, final=final), KIND)]


# --- conditions each led by their own connector ----------------------------------------------


def test_runs_led_by_their_own_connector_give_one_cloze_each() -> None:
    text = (
        "Carotid body tumours are slow-growing paragangliomas. Resection is indicated for "
        "tumours encasing the artery and for cranial nerve palsy, and when the patient is "
        "young and fit."
    )
    assert answers(text) == [
        ("tumours encasing the artery", "cranial nerve palsy", "patient is young and fit")
    ]


def test_a_group_set_off_by_and_comma_scopes_the_runs_after_it() -> None:
    text = (
        "Adrenal myelolipoma is a benign fatty tumour. Adrenalectomy is indicated in all "
        "bleeding tumours and, in silent tumours, when the mass exceeds 7 cm, at an age under "
        "40 years, or in compression of the renal vein or inferior vena cava."
    )
    ((*items,),) = answers(text)
    assert "silent tumours" not in items
    assert items[0].endswith("bleeding tumours")
    assert "mass exceeds 7 cm" in items
    assert any("under 40 years" in item for item in items)
    assert "compression of the renal vein or inferior vena cava" in items


def test_commas_before_a_connector_run_separate_items_not_adjectives() -> None:
    text = (
        "Splenic artery aneurysms are often found by chance. Embolisation is reserved for "
        "pain clearly due to the aneurysm, growth, pregnancy, or when the aneurysm exceeds "
        "2 cm."
    )
    assert answers(text) == [
        ("pain clearly due to the aneurysm", "growth", "pregnancy", "aneurysm exceeds 2 cm")
    ]


def test_a_reason_after_the_list_still_ends_it() -> None:
    text = (
        "Renal angiomyolipoma is a benign fat-containing tumour. Embolisation is indicated for "
        "tumours larger than 4 cm because of the risk of haemorrhage."
    )
    assert answers(text) == [("tumours larger than 4 cm",)]


def test_numbered_grades_joined_by_and_stay_one_item() -> None:
    text = (
        "Vesicoureteric reflux is graded on voiding cystography. Surgical reimplantation is indicated for grade IV "
        "and V reflux, and for breakthrough infection on prophylaxis."
    )
    assert answers(text) == [("grade IV and V reflux", "breakthrough infection on prophylaxis")]


def test_a_pair_nested_in_a_phrase_or_a_predicate_stays_one_item() -> None:
    text = (
        "Chondroblastoma is an epiphyseal tumour of adolescents. Curettage is recommended for "
        "lesions within 2 mm of the joint or the physis, and when the lesion is painful or "
        "enlarging."
    )
    assert answers(text) == [
        ("lesions within 2 mm of the joint or the physis", "lesion is painful or enlarging")
    ]


def test_two_noun_phrases_or_two_clauses_joined_by_or_are_two_items() -> None:
    text = (
        "Meckel diverticulum is the commonest congenital anomaly of the gut. Resection is "
        "indicated in bleeding or obstruction, and when perforation is seen or ulceration is "
        "suspected."
    )
    assert answers(text) == [
        ("bleeding", "obstruction", "perforation is seen", "ulceration is suspected")
    ]
