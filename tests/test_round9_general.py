"""Round 9: general fact kinds in telegraphic, labelled and running-prose wordings.

Every fixture is written for these tests, on diseases from other areas of radiology than the
tuning sets, in at least two wordings; negative cases check that no card is made.
"""

from __future__ import annotations

from extract_helpers import discussion_answers as _flat
from extract_helpers import discussion_facts as _facts

# complication: an emphasis set between commas before the last item of a list


def test_an_emphasised_last_item_stays_in_the_complication_list() -> None:
    text = (
        "Crohn disease is a transmural inflammatory bowel disease. Complications include "
        "strictures, fistulas, abscesses and, above all, small bowel adenocarcinoma, whose risk "
        "grows with disease duration."
    )
    assert _flat(text, "Crohn disease", "complication") == {
        "strictures",
        "fistulas",
        "abscesses",
        "small bowel adenocarcinoma",
    }


def test_an_emphasised_last_item_in_another_wording() -> None:
    text = (
        "Barrett oesophagus is metaplasia of the distal oesophageal mucosa. Its complications "
        "are ulceration, stricture and, most importantly, adenocarcinoma."
    )
    assert _flat(text, "Barrett oesophagus", "complication") == {
        "ulceration",
        "stricture",
        "adenocarcinoma",
    }


# sign: a line or list item opening with the sign's name and a colon or equals sign


def test_a_sign_named_before_an_equals_sign_is_a_card() -> None:
    text = (
        "Pneumothorax is air in the pleural space. Deep sulcus sign = a deep, lucent "
        "costophrenic angle on a supine radiograph."
    )
    facts = _facts(text, "Pneumothorax", "sign")
    assert [f.answers() for f in facts] == [("deep sulcus sign",)]
    assert "pneumothorax" in facts[0].text.lower()


def test_a_quoted_sign_named_before_a_colon_is_a_card() -> None:
    text = (
        "Intussusception is the telescoping of a bowel loop into the next.\n\n"
        '"Crescent sign": a rim of gas outlining the head of the intussusceptum.'
    )
    assert _flat(text, "Intussusception", "sign") == {"Crescent sign"}


def test_a_plain_quality_label_or_a_denied_sign_gives_no_card() -> None:
    text = (
        "Osteomyelitis is infection of bone.\n\n"
        "Enhancement pattern: patchy and marrow-based.\n\n"
        "Growth sign: none in the first week."
    )
    assert _facts(text, "Osteomyelitis", "sign") == []


# common-site: a "Where:" label line, its rate left visible


def test_a_where_label_gives_the_site_without_its_rate() -> None:
    text = (
        "Chondroblastoma is a benign cartilage tumour.\n\n"
        "Where: proximal tibia most commonly (about a third)."
    )
    facts = _facts(text, "Chondroblastoma", "common-site")
    assert [f.answers() for f in facts] == [("proximal tibia",)]
    assert "about a third" in facts[0].text


def test_a_where_label_in_another_wording() -> None:
    text = "Giant cell tumour is a locally aggressive tumour.\n\nWhere: distal femur; sacrum."
    assert _flat(text, "Giant cell tumour", "common-site") == {"distal femur", "sacrum"}


def test_a_where_label_listing_people_gives_no_site() -> None:
    text = "Giant cell tumour is a locally aggressive tumour.\n\nWhere: young adults."
    assert _facts(text, "Giant cell tumour", "common-site") == []


# risk-factor: a population or region at higher risk, a factor named "as the main risk factor"


def test_an_ethnic_group_at_higher_risk_is_a_risk_factor() -> None:
    text = (
        "Moyamoya disease is a progressive steno-occlusive arteriopathy. It is markedly more "
        "common among people of Japanese and Korean descent."
    )
    assert _flat(text, "Moyamoya disease", "risk-factor") == {"Japanese and Korean"}


def test_a_region_at_higher_risk_is_a_risk_factor() -> None:
    text = (
        "Hydatid disease is a parasitic infection. It is far more prevalent in the "
        "Mediterranean than in northern countries."
    )
    assert _flat(text, "Hydatid disease", "risk-factor") == {"Mediterranean"}


def test_a_sex_or_an_unnamed_group_is_no_risk_factor() -> None:
    text = (
        "Moyamoya disease is a progressive steno-occlusive arteriopathy. It is more common in "
        "women. It is more frequent in patients of any age."
    )
    assert _facts(text, "Moyamoya disease", "risk-factor") == []


def test_a_factor_named_as_the_main_risk_factor_and_a_further_one() -> None:
    text = (
        "Placenta accreta is abnormally deep placental attachment, with placenta praevia as the "
        "main risk factor and advanced maternal age as a further one."
    )
    assert _flat(text, "Placenta accreta", "risk-factor") == {
        "placenta praevia",
        "advanced maternal age",
    }


def test_a_factor_named_as_the_main_risk_factor_in_another_wording() -> None:
    text = (
        "Osteonecrosis of the femoral head is death of subchondral bone, with long-term "
        "corticosteroid use as the best-known risk factor."
    )
    assert _flat(text, "Osteonecrosis", "risk-factor") == {"long-term corticosteroid use"}


# definition: an origin belongs to the category


def test_an_origin_of_the_category_is_part_of_the_definition() -> None:
    text = "Esthesioneuroblastoma is a malignant tumour of neural crest origin in the nasal cavity."
    assert _flat(text, "Esthesioneuroblastoma", "definition") == {
        "malignant tumour of neural crest origin"
    }


def test_an_of_phrase_that_is_no_origin_still_ends_the_category() -> None:
    text = "Chordoma is a malignant tumour of the notochord remnants."
    assert _flat(text, "Chordoma", "definition") == {"malignant tumour"}


# complication: events the disease itself carries a risk of; a list continued "are also seen"


def test_events_an_untreated_lesion_carries_a_risk_of_are_complications() -> None:
    text = (
        "Splenic artery aneurysm is the commonest visceral aneurysm. Untreated, the lesion "
        "carries a high risk of rupture, haemorrhagic shock and death, so repair is advised."
    )
    assert _flat(text, "Splenic artery aneurysm", "complication") == {
        "rupture",
        "haemorrhagic shock",
        "death",
    }


def test_events_the_named_disease_carries_a_risk_of_in_another_wording() -> None:
    text = (
        "Giant hepatic haemangioma is a vascular malformation. It carries a small risk of "
        "consumptive coagulopathy and high-output cardiac failure."
    )
    assert _flat(text, "Giant hepatic haemangioma", "complication") == {
        "consumptive coagulopathy",
        "high-output cardiac failure",
    }


def test_a_risk_another_subject_carries_or_a_denied_risk_gives_no_card() -> None:
    text = (
        "Hepatic hydatid cyst is a parasitic infection. Percutaneous drainage carries a small "
        "risk of anaphylaxis and biliary fistula. The cyst carries no risk of malignant change."
    )
    assert _facts(text, "Hepatic hydatid cyst", "complication") == []


def test_a_complication_list_continued_by_also_seen() -> None:
    text = (
        "Autosomal dominant polycystic kidney disease is an inherited disorder. Hypertension "
        "and renal failure are the main complications, and cyst haemorrhage and cyst infection "
        "are also seen."
    )
    assert {"cyst haemorrhage", "cyst infection"} <= _flat(
        text, "Autosomal dominant polycystic kidney disease", "complication"
    )


# association: "has been associated with"


def test_has_been_associated_with_names_associations() -> None:
    text = (
        "Renal angiomyolipoma is a benign mesenchymal tumour. Renal angiomyolipoma has been "
        "associated with tuberous sclerosis complex and lymphangioleiomyomatosis."
    )
    assert {"tuberous sclerosis complex", "lymphangioleiomyomatosis"} <= _flat(
        text, "Renal angiomyolipoma", "association"
    )
