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


# --- pronoun and relative subjects -------------------------------------------------------------


def test_it_takes_the_treatment_that_the_previous_sentence_names_as_its_subject() -> None:
    text = (
        "Achalasia is a motility disorder of the oesophagus. Myotomy is the most durable "
        "option. It is indicated in young patients and when dilatation has failed."
    )
    found = facts_of(make_case(text), KIND)
    assert [f.answers() for f in found] == [("young patients", "dilatation has failed")]
    assert "myotomy" in marked(found[0]).lower()


def test_it_after_a_sentence_whose_subject_is_no_treatment_gives_nothing() -> None:
    text = (
        "Achalasia is a motility disorder of the oesophagus. Barium swallow is the first test. "
        "It is indicated in every patient with dysphagia."
    )
    assert answers(text) == []


def test_a_relative_pronoun_takes_the_treatment_before_its_comma() -> None:
    text = (
        "Pilonidal sinus affects young hirsute men. The usual treatment is wide excision, which "
        "is recommended for recurrent abscesses and for chronic discharge."
    )
    found = facts_of(make_case(text), KIND)
    assert [f.answers() for f in found] == [("recurrent abscesses", "chronic discharge")]
    assert found[0].key.endswith("wide-excision")


def test_without_inside_the_treatment_is_no_negation() -> None:
    text = (
        "Hallux valgus is a common forefoot deformity. Osteotomy without fixation is advised "
        "for mild deformity in older patients."
    )
    assert answers(text) == [("mild deformity in older patients",)]


def test_without_before_the_trigger_outside_the_treatment_still_negates() -> None:
    text = (
        "Hallux valgus is a common forefoot deformity. Osteotomy is not advised for "
        "deformity without pain."
    )
    assert answers(text) == []


# --- shared heads, gapped clauses, new clauses -------------------------------------------------


def test_a_head_shared_by_runs_led_by_with_is_no_condition() -> None:
    text = (
        "Cervical rib is a congenital anomaly. Rib resection is indicated for thoracic outlet "
        "syndrome with arterial compression, with venous thrombosis, or with wasting of the "
        "hand."
    )
    assert answers(text) == [("arterial compression", "venous thrombosis", "wasting of the hand")]


def test_a_gapped_second_clause_names_its_own_treatment() -> None:
    text = (
        "Pulmonary sequestration is a congenital lung malformation. Embolisation is reserved "
        "for high-output cardiac failure, and lobectomy for recurrent pneumonia."
    )
    found = facts_of(make_case(text), KIND)
    assert sorted((f.key.rsplit("/", 1)[-1], f.answers()) for f in found) == [
        ("embolisation", ("high-output cardiac failure",)),
        ("lobectomy", ("recurrent pneumonia",)),
    ]


def test_a_last_item_without_a_treatment_is_no_gapped_clause() -> None:
    text = (
        "Pulmonary sequestration is a congenital lung malformation. Lobectomy is indicated "
        "for infection, and haemoptysis in adults."
    )
    assert answers(text) == [("infection", "haemoptysis in adults")]


def test_a_new_clause_with_its_own_subject_ends_the_list() -> None:
    text = (
        "Cholesteatoma is a destructive middle-ear lesion. Mastoidectomy is the treatment of "
        "choice when the ossicles are eroded, and complete removal, including the matrix, is "
        "the main guard against recurrence."
    )
    assert answers(text) == [("ossicles are eroded",)]


# --- verbless lines ----------------------------------------------------------------------------


def test_a_verbless_line_of_a_treatment_and_its_conditions() -> None:
    text = (
        "Empyema complicates pneumonia.\n\n"
        "Chest tube drainage if the pleural pH is below 7.2.\n\n"
        "Thoracoscopic decortication if fever persists or the lung fails to re-expand."
    )
    found = answers(text, final="Empyema")
    assert ("pleural pH is below 7.2",) in found
    assert ("fever persists", "lung fails to re-expand") in found


def test_a_line_with_a_verb_or_a_negated_treatment_gives_nothing() -> None:
    text = (
        "Empyema complicates pneumonia. Drainage was performed if the fluid was turbid. No "
        "surgery if the effusion is small. Antibiotics if the fluid is clear."
    )
    assert answers(text) == []


def test_a_condition_line_whose_treatment_starts_a_clause_gives_nothing() -> None:
    text = (
        "Osteochondritis dissecans affects the knee. Stable lesions in children: surgery has "
        "not been shown to improve healing."
    )
    assert answers(text) == []


# --- counts, thresholds, alternatives and asides ---------------------------------------------


def test_a_count_with_its_comparative_stays_in_one_item() -> None:
    text = (
        "Thymoma is the commonest anterior mediastinal tumour. Thymectomy is indicated for "
        "stage I or II tumours with one or more adverse features, and when myasthenia persists."
    )
    assert answers(text) == [
        ("stage I or II tumours with one or more adverse features", "myasthenia persists")
    ]


def test_a_size_threshold_after_the_trigger_is_the_indication() -> None:
    text = (
        "Hydatid cysts of the liver are common in sheep-farming regions. Surgery rather than "
        "puncture is preferred over 10 cm."
    )
    found = facts_of(make_case(text), KIND)
    assert [f.answers() for f in found] == [("over 10 cm",)]
    assert found[0].key == "surgery"


def test_preferred_over_an_alternative_is_no_indication() -> None:
    text = (
        "Hydatid cysts of the liver are common in sheep-farming regions. Laparoscopic "
        "excision is preferred over open surgery."
    )
    assert answers(text) == []


def test_a_fronted_condition_before_a_treatment_with_a_next_step() -> None:
    text = (
        "Subclavian vein effort thrombosis affects young athletes. For thrombosis of less than "
        "10 days in fit patients, thrombolysis followed by first rib resection is recommended."
    )
    found = facts_of(make_case(text), KIND)
    assert [f.answers() for f in found] == [("thrombosis of less than 10 days in fit patients",)]
    assert found[0].key == "thrombolysis"


def test_a_timed_procedure_hides_its_name_not_its_bracketed_steps() -> None:
    text = (
        "Testicular torsion is a surgical emergency. Scrotal exploration (detorsion, "
        "orchidopexy of both sides) is required as soon as torsion is suspected."
    )
    ((*hidden,),) = answers(text)
    assert [h.lower() for h in hidden] == ["scrotal exploration", "as soon as torsion is suspected"]


def test_a_named_surgical_approach_is_a_treatment() -> None:
    text = (
        "Juvenile angiofibroma arises near the sphenopalatine foramen. An open approach is "
        "indicated when the tumour reaches the cavernous sinus."
    )
    assert answers(text) == [("tumour reaches the cavernous sinus",)]


def test_in_particular_is_no_connector_and_a_new_group_after_or_is_its_own_item() -> None:
    text = (
        "Spondylolisthesis is a forward slip of a vertebra. Arthrodesis is reserved for unstable "
        "slips, in particular those with progressive deformity, and for patients with "
        "neurological deficit or those with intractable pain."
    )
    ((*items,),) = answers(text)
    assert not any(item.startswith("particular") for item in items)
    assert "patients with neurological deficit" in items
    assert "those with intractable pain" in items


def test_a_pair_after_a_participle_stays_one_item() -> None:
    text = (
        "Osteochondroma is the commonest benign bone tumour. Excision is recommended for "
        "lesions causing pain or bursitis, and when the cartilage cap thickens in adults."
    )
    assert answers(text) == [
        ("lesions causing pain or bursitis", "cartilage cap thickens in adults")
    ]


# --- fronted condition clauses and plural 'call for' --------------------------------------------


def test_a_fronted_when_clause_is_one_condition() -> None:
    text = (
        "Insulinoma is the commonest functioning pancreatic neuroendocrine tumour. When CT and "
        "endoscopic ultrasound agree, enucleation is performed."
    )
    assert answers(text) == [("CT and endoscopic ultrasound agree",)]


def test_a_fronted_clause_before_a_non_treatment_or_a_negated_clause_gives_nothing() -> None:
    text = (
        "Insulinoma is the commonest functioning pancreatic neuroendocrine tumour. When imaging "
        "is equivocal, arterial calcium stimulation is performed. When the tumour is not "
        "localised, resection is not performed."
    )
    assert answers(text) == []


def test_plural_subjects_call_for_a_treatment() -> None:
    text = (
        "Hirschsprung disease is a congenital absence of ganglion cells. Long-segment forms "
        "call for a pull-through operation."
    )
    assert [tuple(a.lower() for a in found) for found in answers(text)] == [("long-segment forms",)]


def test_the_treatments_second_predicate_ends_its_conditions() -> None:
    text = (
        "Pancreatic neuroendocrine tumours are often hormonally silent. Enucleation is "
        "recommended for tumours smaller than 2 cm away from the duct, and offers a low rate "
        "of pancreatic insufficiency."
    )
    assert answers(text) == [("tumours smaller than 2 cm away from the duct",)]


def test_a_condition_that_itself_holds_and_plus_verb_is_cut_there() -> None:
    text = (
        "Thymomas are the commonest anterior mediastinal tumours. Thymectomy is indicated "
        "for invasive tumours and for myasthenia gravis, and gives lasting remission in many."
    )
    assert answers(text) == [("invasive tumours", "myasthenia gravis")]
