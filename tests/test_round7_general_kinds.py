"""Round 7: general fact kinds read from category lists, labelled lines, shares and clauses.

Every fixture is written for these tests, on diseases from other areas of radiology than the
tuning set, in at least two wordings; negative cases check that no card is made.
"""

from __future__ import annotations

from extract_helpers import facts_of, make_case

from deckbuilder.model import Fact


def _answers(discussion: str, final: str, kind: str) -> list[list[str]]:
    facts = facts_of(make_case(discussion=discussion, final=final), kind)
    return [list(f.answers()) for f in facts]


def _flat(discussion: str, final: str, kind: str) -> set[str]:
    return {a for answers in _answers(discussion, final, kind) for a in answers}


def _facts(discussion: str, final: str, kind: str) -> list[Fact]:
    return facts_of(make_case(discussion=discussion, final=final), kind)


# risk-factor: other nouns for what brings a disease on


def test_known_precipitants_list_gives_one_cloze_per_item() -> None:
    text = (
        "Takotsubo cardiomyopathy is a transient cardiomyopathy. Known precipitants include "
        "emotional stress, acute asthma, subarachnoid haemorrhage and phaeochromocytoma."
    )
    found = _flat(text, "Takotsubo cardiomyopathy", "risk-factor")
    assert {"emotional stress", "acute asthma", "subarachnoid haemorrhage"} <= found
    assert "phaeochromocytoma" in found


def test_triggers_with_a_singled_out_list_of_drugs() -> None:
    text = (
        "Osmotic demyelination is a demyelinating disorder of the pons. Recognized triggers are "
        "rapid correction of hyponatraemia, chronic alcoholism, malnutrition and liver "
        "transplantation, notably ciclosporin, tacrolimus or sirolimus treatment."
    )
    found = _flat(text, "Osmotic demyelination syndrome", "risk-factor")
    assert "rapid correction of hyponatraemia" in found
    assert {"chronic alcoholism", "malnutrition", "liver transplantation"} <= found
    assert {"ciclosporin", "tacrolimus", "sirolimus treatment"} <= found
    circumstance = text.replace("notably ciclosporin", "notably under ciclosporin")
    assert not any(
        a.startswith("under")
        for a in _flat(circumstance, "Osmotic demyelination syndrome", "risk-factor")
    )


def test_causes_of_a_finding_are_not_risk_factors() -> None:
    text = (
        "Osmotic demyelination is a demyelinating disorder of the pons. Common causes of a "
        "T2-bright pons include infarction, demyelination and metastases."
    )
    assert _flat(text, "Osmotic demyelination syndrome", "risk-factor") == set()


def test_linked_to_a_list_of_exposures_is_a_risk_factor_but_diseases_alone_are_not() -> None:
    exposures = (
        "Bladder urothelial carcinoma is the commonest bladder cancer. Most tumours are linked "
        "to cigarette smoking, aromatic amines and cyclophosphamide."
    )
    found = _flat(exposures, "Urothelial carcinoma of the bladder", "risk-factor")
    assert {"cigarette smoking", "aromatic amines", "cyclophosphamide"} <= found
    diseases = (
        "Pheochromocytoma is a catecholamine-secreting tumour. About a third are linked to "
        "neurofibromatosis type 1 and von Hippel-Lindau disease."
    )
    assert _flat(diseases, "Pheochromocytoma", "risk-factor") == set()


# association: labelled lines and genetic changes most cases carry


def test_association_label_line_lists_conditions() -> None:
    text = (
        "Coarctation of the aorta is a narrowing of the isthmus.\n\n"
        "Associated conditions: Turner syndrome, bicuspid aortic valve disease (in over half), "
        "intracranial aneurysms."
    )
    found = _flat(text, "Coarctation of the aorta", "association")
    assert "Turner syndrome" in found
    assert {"bicuspid aortic valve disease", "intracranial aneurysms"} <= found


def test_association_label_with_a_negation_gives_no_item() -> None:
    text = "Coarctation of the aorta is a narrowing of the isthmus.\n\nAssociations: none known."
    assert _flat(text, "Coarctation of the aorta", "association") == set()


def test_fusion_gene_carried_by_most_tumours() -> None:
    text = (
        "Synovial sarcoma is a soft-tissue sarcoma of young adults. Histologically it is a "
        "spindle cell tumour, and nearly all tumours harbour an SS18-SSX translocation."
    )
    assert "SS18-SSX translocation" in _flat(text, "Synovial sarcoma", "association")
    text = (
        "Ewing sarcoma is a small round cell tumour. Over 85% of cases carry the EWSR1-FLI1 "
        "fusion gene."
    )
    assert "EWSR1-FLI1 fusion gene" in _flat(text, "Ewing sarcoma", "association")


# complication: shares and rates


def test_event_with_a_share_is_a_complication() -> None:
    text = (
        "Osteochondroma is a cartilage-capped exostosis. Fracture of the stalk occurs in about "
        "5%, and sarcomatous transformation is rare."
    )
    found = _flat(text, "Osteochondroma", "complication")
    assert "Fracture of the stalk" in found or "fracture of the stalk" in found
    assert "sarcomatous transformation" in found


def test_carcinoma_with_a_named_type_and_a_share() -> None:
    text = (
        "A branchial cleft cyst is a congenital lateral neck cyst. Carcinoma, almost always "
        "squamous cell carcinoma, develops in under 1% of adults."
    )
    found = _flat(text, "Branchial cleft cyst", "complication")
    assert {"Carcinoma", "squamous cell carcinoma"} <= {
        a[:1].upper() + a[1:] for a in found
    } | found


def test_complicates_a_share_of_cases() -> None:
    text = (
        "Acute pancreatitis is an inflammation of the pancreas. Pseudocyst formation, usually "
        "after four weeks, complicates roughly 10% of attacks."
    )
    assert "Pseudocyst formation" in {
        a[:1].upper() + a[1:] for a in _flat(text, "Acute pancreatitis", "complication")
    }


def test_recurrence_after_treatment() -> None:
    text = (
        "Aneurysmal bone cyst is an expansile lesion. Local recurrence follows simple curettage "
        "in a fifth of cases; en bloc excision leads to recurrence in about 5%."
    )
    found = _flat(text, "Aneurysmal bone cyst", "complication")
    assert any("recurrence" in a.lower() for a in found)


def test_a_share_of_a_finding_is_no_complication() -> None:
    text = (
        "Meningioma is an extra-axial tumour. Calcification is seen in about 25%, and "
        "bilateral disease occurs in 10%."
    )
    assert _flat(text, "Meningioma", "complication") == set()


def test_a_reason_to_operate_is_no_complication() -> None:
    text = (
        "Mucinous cystic neoplasm is a cystic pancreatic tumour. Resection is advised because "
        "of the risk of malignant transformation."
    )
    assert _flat(text, "Mucinous cystic neoplasm", "complication") == set()
    carried = (
        "Mucinous cystic neoplasm is a cystic pancreatic tumour. It carries a definite risk of "
        "malignant transformation."
    )
    assert "malignant transformation" in _flat(carried, "Mucinous cystic neoplasm", "complication")


def test_labelled_complication_with_a_dash_description_keeps_the_item_only() -> None:
    text = (
        "Meckel diverticulum is a remnant of the omphalomesenteric duct.\n\n"
        "Complication: bleeding - painless, from ectopic gastric mucosa; commonest in boys."
    )
    assert _answers(text, "Meckel diverticulum", "complication") == [["bleeding"]]


# common-site: distributions, shares, positional adjectives


def test_distribution_adjective_is_a_site() -> None:
    text = (
        "Hypoglycaemic encephalopathy is a metabolic brain injury. On MRI the cortex is bright "
        "on DWI, typically in a bilateral occipital distribution."
    )
    assert "bilateral occipital" in _flat(text, "Hypoglycaemic encephalopathy", "common-site")


def test_long_sentence_is_cut_to_the_clause_holding_the_site() -> None:
    text = (
        "Cytotoxic lesions of the corpus callosum are reversible lesions. CT is usually normal, "
        "so MRI is needed: the lesion is bright on DWI and T2-weighted images with a low ADC "
        "and faint enhancement after gadolinium, classically in a splenial distribution, while "
        "lesions extending into the adjacent white matter are less common forms, and the "
        "lesion fades within weeks once the cause, whether a drug, an infection or a seizure, "
        "has been treated or withdrawn, which is the rule in adults and children alike."
    )
    facts = _facts(text, "Cytotoxic lesion of the corpus callosum", "common-site")
    assert [f.answers() for f in facts] == [("splenial",)]
    assert len(facts[0].text) < 200


def test_share_of_cases_with_an_apposition_and_followers() -> None:
    text = (
        "Chondroblastoma is an epiphyseal cartilage tumour. About two thirds of cases arise "
        "around the knee, in the distal femur or proximal tibia, followed by the proximal "
        "humerus."
    )
    found = _flat(text, "Chondroblastoma", "common-site")
    assert {"knee", "distal femur", "proximal tibia", "proximal humerus"} <= found


def test_positional_adjective_and_embedding_structure() -> None:
    text = (
        "A ranula is a mucous retention cyst of the floor of the mouth. Most are sublingual "
        "and are located in the sublingual space; plunging ranulas extend below the mylohyoid."
    )
    found = _flat(text, "Ranula", "common-site")
    assert {"sublingual", "sublingual space"} <= found


def test_involved_in_most_cases() -> None:
    text = (
        "Ulcerative colitis is a chronic inflammatory bowel disease. The rectum is involved in "
        "nearly all cases, with continuous proximal spread."
    )
    assert "rectum" in _flat(text, "Ulcerative colitis", "common-site")


def test_a_normal_background_organ_is_no_site() -> None:
    text = (
        "Focal nodular hyperplasia is a benign hepatic lesion that typically develops in an "
        "otherwise normal liver."
    )
    assert _flat(text, "Focal nodular hyperplasia", "common-site") == set()


# prognostic-feature


def test_ranked_prognostic_factor_list() -> None:
    text = (
        "Cervical carcinoma is a squamous cancer. Tumour size, parametrial invasion and nodal "
        "status are the key prognostic factors."
    )
    found = _flat(text, "Cervical carcinoma", "prognostic-feature")
    assert {"Tumour size", "parametrial invasion", "nodal status"} <= found | {
        a[:1].upper() + a[1:] for a in found
    }


def test_a_finding_that_predicts_incomplete_recovery() -> None:
    text = (
        "Wernicke encephalopathy is caused by thiamine deficiency. The mammillary bodies are "
        "bright on FLAIR, whereas cortical involvement, seen in a few, predicts incomplete "
        "recovery."
    )
    assert "cortical involvement" in _flat(text, "Wernicke encephalopathy", "prognostic-feature")


# definition: coordinated predicates, compositions with asides, labels with abbreviations


def test_second_coordinated_predicate_names_a_remnant() -> None:
    text = (
        "An urachal cyst is the commonest urachal anomaly in adults and represents a remnant "
        "of the allantois, which normally obliterates before birth."
    )
    found = _flat(text, "Infected urachal cyst", "definition")
    assert {"commonest urachal anomaly in adults", "remnant of the allantois"} <= found


def test_composition_reads_past_a_relative_clause_and_numerous() -> None:
    text = (
        "Chondroblastoma is composed of chondroblasts, which are round polygonal cells, and "
        "numerous scattered giant cells."
    )
    found = _flat(text, "Chondroblastoma", "definition")
    assert {"chondroblasts", "scattered giant cells"} <= found


def test_histologically_it_consists_of_splits_separated_by() -> None:
    text = (
        "Pilocytic astrocytoma is a low-grade glioma of children. Microscopically, it consists "
        "of bipolar piloid cells separated by loose microcystic areas."
    )
    found = _flat(text, "Pilocytic astrocytoma", "definition")
    assert {"bipolar piloid cells", "loose microcystic areas"} <= found


def test_label_with_an_abbreviation_and_equals_sign() -> None:
    text = (
        "Developmental dysplasia of the hip (DDH) = abnormal development of the acetabulum "
        "and femoral head in infancy.\n\nUltrasound is the first test before ossification."
    )
    assert _flat(text, "Developmental dysplasia of the hip", "definition")


def test_label_of_another_entity_with_an_abbreviation_defines_nothing() -> None:
    text = (
        "Perthes disease is an idiopathic osteonecrosis of the femoral head.\n\n"
        "Slipped capital femoral epiphysis (SCFE) = displacement of the epiphysis in "
        "adolescents."
    )
    found = _facts(text, "Perthes disease", "definition")
    assert all("SCFE" not in f.text and "Slipped" not in f.text for f in found)


# association: passive and noun statements of an association


def test_also_associated_list_and_most_frequent_manifestation() -> None:
    text = (
        "Tuberous sclerosis complex is a neurocutaneous disorder. Cortical tubers are the most "
        "frequent intracranial manifestation; retinal hamartomas, cardiac rhabdomyomas and "
        "pulmonary lymphangioleiomyomatosis are also associated."
    )
    found = _flat(text, "Tuberous sclerosis complex", "association")
    assert {"Cortical tubers", "retinal hamartomas", "cardiac rhabdomyomas"} <= found | {
        a[:1].upper() + a[1:] for a in found
    }


def test_recognised_associations_and_prompt_a_search() -> None:
    text = (
        "Spontaneous coronary artery dissection is a non-atherosclerotic tear. Pregnancy and "
        "fibromuscular dysplasia are recognised associations."
    )
    found = _flat(text, "Spontaneous coronary artery dissection", "association")
    assert {"Pregnancy", "fibromuscular dysplasia"} <= found | {a.capitalize() for a in found}
    text = (
        "Medulloblastoma is an embryonal tumour of the cerebellum. In infants, medulloblastoma "
        "should prompt a search for Gorlin syndrome."
    )
    assert "Gorlin syndrome" in _flat(text, "Medulloblastoma", "association")


def test_association_not_stated_gives_no_card() -> None:
    text = (
        "Medulloblastoma is an embryonal tumour of the cerebellum. Hydrocephalus and "
        "drop metastases are not associated."
    )
    assert _flat(text, "Medulloblastoma", "association") == set()


# risk-factor: shares of patients, the other predisposing condition, implicated agents


def test_share_of_patients_and_other_predisposing_condition() -> None:
    text = (
        "Mucormycosis is an angioinvasive fungal infection. About 70% of patients are diabetic, "
        "and neutropenia is the other main predisposing condition."
    )
    found = _flat(text, "Mucormycosis", "risk-factor")
    assert {"diabetic", "neutropenia"} <= found


def test_implicated_in_its_development() -> None:
    text = (
        "Nasopharyngeal carcinoma is an epithelial cancer, and Epstein-Barr virus has been "
        "implicated in its development."
    )
    assert "Epstein-Barr virus" in _flat(text, "Nasopharyngeal carcinoma", "risk-factor")
    hedged = (
        "Nasopharyngeal carcinoma is an epithelial cancer, and diet has not been implicated "
        "in its development."
    )
    assert _flat(hedged, "Nasopharyngeal carcinoma", "risk-factor") == set()
