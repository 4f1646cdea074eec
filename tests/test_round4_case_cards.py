"""Case-level cards (final and differential diagnosis) on wordings met in unseen cases:
qualified diagnoses, telegraphic ages, passive histories and differentials that share a word
with the diagnosis's site."""

from __future__ import annotations

from extract_helpers import facts_of, make_case, marked

from deckbuilder.model import Patient


def _final(case):
    (fact,) = facts_of(case, "final-diagnosis")
    return fact


def test_a_side_in_the_diagnosis_is_not_masked_out_of_the_history():
    case = make_case(
        history="A 61-year-old woman noticed a lump on the right side of her jaw.",
        findings="Ultrasound showed a lobulated hypoechoic mass in the parotid gland.",
        final="Pleomorphic adenoma of the parotid gland, right side",
        patient=Patient(age="61 years", sex="female"),
    )
    fact = _final(case)
    assert "right side of her jaw" in fact.text
    assert marked(fact).endswith("{{c1::Pleomorphic adenoma of the parotid gland}}, right side")


def test_a_grade_or_stage_qualifier_stays_visible_after_the_answer():
    case = make_case(
        history="A 50-year-old man had a painless swelling below the ear.",
        findings="CT showed an avidly enhancing mass between the carotid arteries.",
        final="Glomus vagale, Fisch class C, grade 2",
        patient=Patient(age="50 years", sex="male"),
    )
    fact = _final(case)
    assert [fact.text[c.start : c.end] for c in fact.clozes] == ["Glomus vagale"]
    assert "Fisch class C, grade 2" in fact.text


def test_a_bracketed_subtype_inside_the_head_is_hidden_with_it():
    case = make_case(
        history="A 30-year-old woman reported pelvic pressure.",
        findings="MRI showed a 5 cm multilocular cystic mass of the left ovary.",
        final="Mucinous (borderline) cystadenoma, left side",
        patient=Patient(age="30 years", sex="female"),
    )
    fact = _final(case)
    assert marked(fact).endswith("{{c1::Mucinous (borderline) cystadenoma}}, left side")


def test_a_telegraphic_age_in_the_history_is_not_stated_twice():
    case = make_case(
        history="7 y/o girl, 2 days of fever and limp.",
        findings="Ultrasound showed a hip joint effusion.",
        final="Septic arthritis of the hip",
        patient=Patient(age="7 years", sex="female"),
    )
    fact = _final(case)
    assert fact.text.startswith("7 y/o girl, 2 days of fever and limp.")
    assert "7-year-old girl" not in fact.text


def test_a_passive_history_gives_the_complaint_not_the_agent():
    case = make_case(
        history="A hard, fixed lump in the left breast was felt by a 44-year-old woman.",
        findings="Mammography showed a spiculated mass in the upper outer quadrant.",
        differentials=("Fibroadenoma", "Fat necrosis", "Radial scar", "Phyllodes tumour"),
        final="Invasive ductal carcinoma",
        patient=Patient(age="44 years", sex="female"),
    )
    fronts = [f.text for f in facts_of(case, "differential-diagnosis")]
    assert fronts
    assert all("with by" not in text for text in fronts)
    assert all(text.count("44-year-old woman") == 1 for text in fronts)


def test_a_differential_sharing_the_diagnosis_site_is_still_asked():
    case = make_case(
        history="A 70-year-old man had painless haematuria.",
        findings="CT showed a filling defect in the right renal pelvis.",
        differentials=(
            "Renal cell carcinoma invading the pelvis",
            "Blood clot",
            "Urothelial carcinoma",
        ),
        final="Urothelial carcinoma of the right renal pelvis",
        patient=Patient(age="70 years", sex="male"),
    )
    names = {f.subject for f in facts_of(case, "differential-diagnosis")}
    assert "Renal cell carcinoma invading the pelvis" in names
    assert "Blood clot" in names
    # The line that repeats the final diagnosis is still not a differential.
    assert not any(n.lower() == "urothelial carcinoma" for n in names)


def test_a_numbered_type_of_a_disease_is_part_of_the_answer():
    case = make_case(
        history="A 12-year-old boy had several skin lumps.",
        findings="MRI showed plexiform masses along both sciatic nerves.",
        final="Neurofibromatosis type 1, plexiform neurofibromas",
        patient=Patient(age="12 years", sex="male"),
    )
    fact = _final(case)
    spans = [fact.text[c.start : c.end] for c in fact.clozes]
    assert spans and "Neurofibromatosis type 1" in spans[0]
    assert "type 1" not in fact.text[: fact.clozes[0].start]


def test_a_short_compound_diagnosis_is_one_answer():
    case = make_case(
        history="A 3-week-old girl had bilious vomiting.",
        findings="Upper GI series showed a corkscrew duodenum.",
        final="Duodenal web with windsock deformity (incomplete obstruction)",
        patient=Patient(age="3 weeks", sex="female"),
    )
    fact = _final(case)
    assert marked(fact).endswith(
        "{{c1::Duodenal web with windsock deformity}} (incomplete obstruction)"
    )


def test_a_long_compound_diagnosis_is_asked_entity_by_entity():
    final = (
        "Pigmented villonodular synovitis and secondary haemosiderin deposition developing "
        "in the setting of haemophilic arthropathy"
    )
    case = make_case(
        history="A 19-year-old man had recurrent knee swelling.",
        findings="MRI showed synovial blooming on gradient-echo images.",
        final=final,
        patient=Patient(age="19 years", sex="male"),
    )
    fact = _final(case)
    spans = [fact.text[c.start : c.end] for c in fact.clozes]
    assert len(spans) >= 2
    assert all(len(s) <= 90 for s in spans)


def test_a_telegraphic_definition_names_the_subject_without_its_equals_sign():
    from deckbuilder.extract.subject import sentence_subject
    from deckbuilder.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert sentence_subject("Enchondroma = benign hyaline cartilage tumour.", lexicon) == (
        "Enchondroma"
    )
    assert sentence_subject("NF1 (neurofibromatosis type 1) = RASopathy.", lexicon) == (
        "NF1 (neurofibromatosis type 1)"
    )
    case = make_case(
        "Renal oncocytoma = benign tumour of intercalated cells. Partial nephrectomy is "
        "reserved for lesions larger than 4 cm.",
        history="A 66-year-old man had an incidental renal mass.",
        findings="CT showed a 5 cm enhancing mass with a central scar.",
        final="Renal oncocytoma",
        patient=Patient(age="66 years", sex="male"),
    )
    texts = [f.text for f in facts_of(case) if f.kind != "final-diagnosis"]
    assert texts
    assert not any("=," in t or "oncocytoma =," in t for t in texts)


def test_a_long_diagnosis_shortens_the_vignette_to_keep_the_card_short():
    case = make_case(
        history=(
            "A 15-year-old girl was referred by the neurology service after three years of "
            "focal seizures with an aura of déjà vu and a rising sensation in the abdomen."
        ),
        findings=(
            "MRI showed a wedge-shaped cortical lesion that was bright on T2WI and dark on T1WI. "
            "On FLAIR the lesion had a thin bright rim around a suppressed centre. "
            "There was no enhancement after gadolinium and no mass effect on the ventricle."
        ),
        final=(
            "Multinodular and vacuolating neuronal tumour of the cerebrum (MVNT) of the right "
            "temporal lobe, WHO grade 1, with adjacent focal cortical dysplasia type IIIb"
        ),
        patient=Patient(age="15 years", sex="female"),
    )
    fact = _final(case)
    assert len(fact.text) <= 400
    assert fact.text.startswith("A 15-year-old girl")
