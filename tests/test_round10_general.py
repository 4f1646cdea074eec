"""Round 10: general fact kinds in full prose by other authors.

Fixtures are written for these tests, on diseases of other areas of radiology than the tuning
sets, in at least two wordings; negative cases check that no card is made.
"""

from __future__ import annotations

from extract_helpers import discussion_answers as _flat
from extract_helpers import discussion_facts as _facts

# risk-factor: causes ranked as "the leading cause", then "others include" / "followed by"


def test_a_leading_cause_and_the_others_after_a_semicolon_are_risk_factors() -> None:
    text = (
        "Portal vein thrombosis is occlusion of the portal vein by clot. Cirrhosis, above all "
        "with hepatocellular carcinoma, is the leading cause; others include pancreatitis, "
        "abdominal sepsis and inherited thrombophilia."
    )
    assert _flat(text, "Portal vein thrombosis", "risk-factor") == {
        "cirrhosis",
        "hepatocellular carcinoma",
        "pancreatitis",
        "abdominal sepsis",
        "inherited thrombophilia",
    }


def test_a_leading_cause_followed_by_a_list_in_another_wording() -> None:
    text = (
        "Cerebral venous thrombosis is clot in the dural sinuses or cortical veins. Oral "
        "contraceptives are the leading cause, followed by the puerperium, dehydration and "
        "head and neck infection."
    )
    assert _flat(text, "Cerebral venous thrombosis", "risk-factor") == {
        "oral contraceptives",
        "puerperium",
        "dehydration",
        "head and neck infection",
    }


def test_the_most_common_cause_as_a_complement_and_other_causes_listed() -> None:
    text = (
        "Pyonephrosis is pus in an obstructed collecting system. The most common cause is an "
        "obstructing ureteric stone; other causes are ureteropelvic junction obstruction and "
        "malignant ureteric stricture, the latter being rarer."
    )
    assert _flat(text, "Pyonephrosis", "risk-factor") == {
        "obstructing ureteric stone",
        "ureteropelvic junction obstruction",
        "malignant ureteric stricture",
    }


def test_the_leading_cause_of_something_else_is_no_risk_factor() -> None:
    text = (
        "Pulmonary embolism is occlusion of the pulmonary arteries by thrombus. The most common "
        "cause of death is right ventricular failure. Deep vein thrombosis is the leading cause "
        "of morbidity after surgery."
    )
    assert _facts(text, "Pulmonary embolism", "risk-factor") == []


def test_a_list_as_subject_of_are_the_risk_factors() -> None:
    text = (
        "Avascular necrosis of the femoral head is death of bone from lost blood supply. "
        "Corticosteroid therapy, alcohol abuse, sickle cell disease and radiotherapy are the "
        "recognised risk factors."
    )
    assert _flat(text, "Avascular necrosis", "risk-factor") == {
        "corticosteroid therapy",
        "alcohol abuse",
        "sickle cell disease",
        "radiotherapy",
    }


def test_a_denied_risk_factor_list_gives_no_card() -> None:
    text = (
        "Spontaneous pneumothorax is air in the pleural space without trauma. Smoking and tall "
        "stature are not the main risk factors in older patients."
    )
    assert _facts(text, "Spontaneous pneumothorax", "risk-factor") == []


# complication: lists before "are the main/late complications", causes of death, progression


def test_a_list_before_are_the_main_complications() -> None:
    text = (
        "Acute pancreatitis is inflammation of the pancreas. Pseudocyst, splenic vein "
        "thrombosis and pseudoaneurysm are the main complications."
    )
    assert _flat(text, "Acute pancreatitis", "complication") == {
        "pseudocyst",
        "splenic vein thrombosis",
        "pseudoaneurysm",
    }


def test_a_complication_naming_a_repair_site_is_kept() -> None:
    text = (
        "Abdominal aortic aneurysm is a dilated infrarenal aorta. Endoleak and graft "
        "infection at the repair site are late complications."
    )
    assert _flat(text, "Abdominal aortic aneurysm", "complication") == {
        "endoleak",
        "graft infection at the repair site",
    }


def test_what_untreated_patients_die_from_is_a_complication() -> None:
    text = (
        "Pulmonary arterial hypertension is raised pressure in the pulmonary arteries. Left "
        "untreated, most patients die within three years from right heart failure or "
        "arrhythmia."
    )
    assert _flat(text, "Pulmonary arterial hypertension", "complication") == {
        "right heart failure",
        "arrhythmia",
    }


def test_dying_before_an_age_names_no_complication() -> None:
    text = (
        "Duchenne muscular dystrophy is an X-linked myopathy. Most boys die before the age of "
        "30 years."
    )
    assert _facts(text, "Duchenne muscular dystrophy", "complication") == []


def test_severe_cases_progressing_to_a_condition() -> None:
    text = (
        "Necrotising enterocolitis is bowel necrosis in premature neonates. Pneumatosis is "
        "typical; severe cases progress to intestinal perforation with peritonitis."
    )
    assert _flat(text, "Necrotising enterocolitis", "complication") == {
        "intestinal perforation with peritonitis"
    }


def test_progressing_to_a_place_is_no_complication() -> None:
    text = (
        "Herpes encephalitis is viral infection of the temporal lobes. Untreated cases progress "
        "to the contralateral temporal lobe."
    )
    assert _facts(text, "Herpes encephalitis", "complication") == []


# prognostic-feature: a reason clause after the answers does not strand its pronoun


def test_a_prognostic_statement_keeps_its_card_without_the_reason_clause() -> None:
    text = (
        "Congenital diaphragmatic hernia is herniation of bowel into the chest.\n\n"
        "Liver herniation and a low lung-to-head ratio predict a poor outcome, because they "
        "reflect severe pulmonary hypoplasia."
    )
    facts = _facts(text, "Congenital diaphragmatic hernia", "prognostic-feature")
    assert [f.answers() for f in facts] == [("liver herniation", "low lung-to-head ratio")]
    assert "because" not in facts[0].text


def test_a_list_of_main_complications_after_a_semicolon() -> None:
    text = (
        "Polycystic kidney disease is an inherited cystic disease. Cysts enlarge the kidneys "
        "over decades; cyst haemorrhage and cyst infection are the main complications."
    )
    assert _flat(text, "Polycystic kidney disease", "complication") == {
        "cyst haemorrhage",
        "cyst infection",
    }
