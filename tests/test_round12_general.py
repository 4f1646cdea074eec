"""Round 12: general fact kinds, rules of sentence structure tried on wordings of no corpus.

Fixtures are written for these tests, on diseases of other areas of radiology than the tuning
sets, in at least two wordings; negative cases check that no card (or no cloze) is made.
"""

from __future__ import annotations

from extract_helpers import discussion_answers as _flat
from extract_helpers import discussion_facts as _facts
from extract_helpers import marked

# risk-factor: a bracket of cause or means explains an item; it does not spoil the list


def test_an_explaining_bracket_inside_a_risk_factor_list_is_skipped() -> None:
    text = (
        "Inguinal hernia is protrusion of bowel through the inguinal canal. Risk factors include "
        "chronic cough (through repeated rises in abdominal pressure), constipation, obesity "
        "and prematurity."
    )
    assert _flat(text, "Inguinal hernia", "risk-factor") == {
        "chronic cough",
        "constipation",
        "obesity",
        "prematurity",
    }


def test_an_explaining_bracket_in_another_wording() -> None:
    text = (
        "Carotid dissection is a tear of the carotid arterial wall. Predisposing factors include "
        "neck manipulation, connective tissue disease (because of a weak media) and migraine."
    )
    answers = _flat(text, "Carotid dissection", "risk-factor")
    assert answers == {"neck manipulation", "connective tissue disease", "migraine"}


# risk-factor: an absolute clause "the main risk factors being A, B and C"


def test_risk_factors_in_an_absolute_clause_after_a_comma() -> None:
    text = (
        "Osteonecrosis of the femoral head is death of bone after loss of its blood supply, the "
        "main risk factors being steroid therapy, heavy drinking and sickle cell disease."
    )
    assert _flat(text, "Osteonecrosis of the femoral head", "risk-factor") == {
        "steroid therapy",
        "heavy drinking",
        "sickle cell disease",
    }


def test_risk_factors_in_an_absolute_clause_after_with() -> None:
    text = (
        "Cholangiocarcinoma is a malignancy of the biliary epithelium, with the recognised "
        "predisposing factors being primary sclerosing cholangitis and liver fluke infestation."
    )
    assert _flat(text, "Cholangiocarcinoma", "risk-factor") == {
        "primary sclerosing cholangitis",
        "liver fluke infestation",
    }


def test_an_absolute_clause_about_something_else_gives_no_risk_factor() -> None:
    text = (
        "Osteonecrosis of the femoral head is death of bone after loss of its blood supply, the "
        "main imaging findings being a crescent sign and a serpiginous margin."
    )
    assert _flat(text, "Osteonecrosis of the femoral head", "risk-factor") == set()


# common-site: "the classic site is", a "Favourite sites:" label, "more often affects the X"


def test_the_classic_site_is_a_common_site() -> None:
    text = (
        "Osgood-Schlatter disease is a traction apophysitis of adolescents. The classic site is "
        "the tibial tuberosity."
    )
    assert _flat(text, "Osgood-Schlatter disease", "common-site") == {"tibial tuberosity"}


def test_a_favourite_sites_label_and_a_placing_bracket() -> None:
    text = (
        "Osteoid osteoma is a small painful bone-forming tumour. Favourite sites: femoral neck "
        "(medial cortex, near the lesser trochanter) and the tibial diaphysis."
    )
    facts = _facts(text, "Osteoid osteoma", "common-site")
    answers = {a.lower() for f in facts for a in f.answers()}
    assert answers == {"femoral neck", "tibial diaphysis"}


def test_a_bracket_of_examples_still_gives_each_example() -> None:
    text = (
        "Brodie abscess is a subacute osteomyelitis. Favoured sites: the long bones (tibia, "
        "femur) and the calcaneus."
    )
    assert _flat(text, "Brodie abscess", "common-site") == {
        "long bones",
        "tibia",
        "femur",
        "calcaneus",
    }


def test_more_often_affects_the_side() -> None:
    text = (
        "Developmental dysplasia of the hip is abnormal formation of the hip joint. It more often "
        "affects the left side."
    )
    assert _flat(text, "Developmental dysplasia of the hip", "common-site") == {"left side"}


def test_more_often_affects_a_group_of_people_is_no_site() -> None:
    text = (
        "Developmental dysplasia of the hip is abnormal formation of the hip joint. It more often "
        "affects girls and firstborn children."
    )
    assert _flat(text, "Developmental dysplasia of the hip", "common-site") == set()


# association: "and, in a minority, X" is a share set between commas


def test_a_share_between_commas_before_the_last_association() -> None:
    text = (
        "Horseshoe kidney is a fusion anomaly of the kidneys. It is associated with Turner "
        "syndrome and, in a minority, trisomy 18."
    )
    assert _flat(text, "Horseshoe kidney", "association") == {"Turner syndrome", "trisomy 18"}


def test_a_share_between_commas_in_another_wording() -> None:
    text = (
        "Tuberous sclerosis is a neurocutaneous syndrome. It is associated with renal "
        "angiomyolipomas, cardiac rhabdomyomas and, in some patients, lymphangioleiomyomatosis."
    )
    assert _flat(text, "Tuberous sclerosis", "association") == {
        "renal angiomyolipomas",
        "cardiac rhabdomyomas",
        "lymphangioleiomyomatosis",
    }


# definition: a stage label is no definition; a ranking's reference with an article is no answer


def test_a_stage_label_in_a_staged_case_is_no_definition() -> None:
    text = (
        "Perthes disease = idiopathic osteonecrosis of the femoral head in children. Stage II = "
        "fragmentation of the epiphysis. Stage III = reossification."
    )
    facts = _facts(text, "Perthes disease, stage II", "definition")
    assert [f.subject for f in facts] == ["Perthes disease"]


def test_a_grade_label_in_another_wording_is_no_definition() -> None:
    text = "Grade 3: a tear through the full thickness of the ligament."
    assert _facts(text, "Medial collateral ligament injury, grade 3", "definition") == []


def test_a_ranking_reference_with_an_article_stays_visible() -> None:
    text = (
        "Chromophobe renal cell carcinoma is the third most common subtype of renal cell "
        "carcinoma after the papillary type."
    )
    (fact,) = _facts(text, "Chromophobe renal cell carcinoma", "definition")
    assert "{{c1::third most common subtype of renal cell carcinoma}}" in marked(fact)
    assert "papillary type" not in fact.answers()


def test_a_bare_ranking_reference_is_still_hidden() -> None:
    text = "Oligodendroglioma is the third most common glial tumour after astrocytoma."
    (fact,) = _facts(text, "Oligodendroglioma", "definition")
    assert "astrocytoma" in fact.answers()


# sign: the word "sign" quoted with its name; a quoted figure before "shaped" or "phenomenon"


def test_a_sign_quoted_with_its_word_in_brackets() -> None:
    text = (
        "Scaphoid fracture is a break of the scaphoid waist or pole. Widening of the "
        'scapholunate gap (the "gap sign") points to an associated ligament tear.'
    )
    assert _flat(text, "Scaphoid fracture", "sign") == {"gap sign"}


def test_a_sign_quoted_with_its_word_in_a_telegraphic_line() -> None:
    text = 'Osteochondritis dissecans: subchondral fragment, "rim sign" on T2 means instability.'
    assert _flat(text, "Osteochondritis dissecans", "sign") == {"rim sign"}


def test_a_quoted_figure_before_shaped_or_phenomenon_is_a_sign() -> None:
    text = (
        "Pituitary macroadenoma is a sellar tumour over 10 mm. On coronal images it forms a "
        '"figure of eight" shaped mass. The "steal" phenomenon is rare.'
    )
    assert _flat(text, "Pituitary macroadenoma", "sign") == {"figure of eight"}


def test_a_quoted_negated_sign_is_no_sign() -> None:
    text = 'Simple renal cyst is a fluid-filled cortical cyst. The report said "no sign" of a mass.'
    assert _flat(text, "Simple renal cyst", "sign") == set()
