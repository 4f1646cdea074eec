"""Round 14: general fact kinds, rules of sentence structure tried on wordings of no corpus.

Fixtures are written for these tests, on diseases of other areas of radiology than the tuning
sets, in at least two wordings; negative cases check that no card (or no cloze) is made.
"""

from __future__ import annotations

from extract_helpers import discussion_facts as _facts
from extract_helpers import marked

KIND = "definition"


def _cards(text: str, final: str) -> list[str]:
    return [marked(f) for f in _facts(text, final, KIND)]


# definition: a head whose "of" phrase is its substance ("failure of", "deficiency of") reads on


def test_a_failure_head_keeps_what_fails() -> None:
    cards = _cards("Osteomalacia is the failure of mineralisation of mature bone.", "Osteomalacia")
    assert len(cards) == 1
    assert "{{c1::failure of mineralisation}}" in cards[0]


def test_a_deficiency_head_keeps_what_is_lacking() -> None:
    cards = _cards("Scurvy is a deficiency of vitamin C in the diet.", "Scurvy")
    assert len(cards) == 1
    assert "{{c1::deficiency of vitamin C}}" in cards[0]


def test_a_negated_failure_definition_gives_no_card() -> None:
    assert _cards("Scurvy is not a deficiency of vitamin D.", "Scurvy") == []


# definition: "lined by/with X" names a cyst's or tumour's lining, each layer a cloze


def test_a_lining_is_its_own_cloze() -> None:
    cards = _cards(
        "Bronchogenic cyst is a congenital foregut cyst lined by respiratory epithelium.",
        "Bronchogenic cyst",
    )
    assert len(cards) == 1
    assert "{{c1::congenital foregut cyst}}" in cards[0]
    assert "lined by {{c2::respiratory epithelium}}" in cards[0]


def test_a_lining_resting_on_a_second_layer_gives_two_clozes() -> None:
    cards = _cards(
        "Dermoid cyst is a benign cystic lesion lined with keratinised squamous epithelium "
        "resting on a fibrous capsule.",
        "Dermoid cyst",
    )
    assert len(cards) == 1
    assert "{{c2::keratinised squamous epithelium}}" in cards[0]
    assert "resting on a {{c3::fibrous capsule}}" in cards[0]


def test_a_lining_of_another_entity_gives_no_card() -> None:
    text = (
        "Arachnoid cyst is a collection of fluid. An epidermoid is a lesion lined by squamous "
        "epithelium."
    )
    assert not any("squamous" in c for c in _cards(text, "Arachnoid cyst"))


# sign: "a characteristic <hyphenated name> appearance" names a sign wherever it stands


def _signs(text: str, final: str) -> list[str]:
    return [marked(f) for f in _facts(text, final, "sign")]


def test_a_characteristic_hyphenated_appearance_after_with_is_a_sign() -> None:
    text = (
        "Oncocytoma is a benign renal tumour. On CT it is well defined, with a characteristic "
        "spoke-wheel or stellate pattern from its central scar."
    )
    cards = _signs(text, "Oncocytoma")
    assert len(cards) == 1
    assert "characteristic {{c1::spoke-wheel}} or stellate pattern" in cards[0]
    # the "with" part modifies the clause before it: the card keeps what has the pattern
    assert cards[0].startswith("On CT, oncocytoma is well defined, with")


def test_a_classic_hyphenated_appearance_in_another_wording() -> None:
    text = (
        "Fibrous dysplasia is a developmental lesion of bone. On radiographs its matrix has a "
        "classic ground-glass appearance."
    )
    cards = _signs(text, "Fibrous dysplasia")
    assert len(cards) == 1
    assert "{{c1::ground-glass appearance}}" in cards[0]


def test_a_hyphenated_participle_is_a_quality_not_a_sign() -> None:
    text = (
        "Aneurysmal bone cyst is an expansile lesion of bone. Radiographs are obtained first, "
        "the lesion having a typical fluid-filled appearance on them."
    )
    assert _signs(text, "Aneurysmal bone cyst") == []


def test_a_characteristic_plain_quality_is_no_sign() -> None:
    text = (
        "Oncocytoma is a benign renal tumour. On CT it is well defined, with a characteristic "
        "homogeneous appearance."
    )
    assert _signs(text, "Oncocytoma") == []


def test_a_negated_characteristic_pattern_is_no_sign() -> None:
    text = (
        "Oncocytoma is a benign renal tumour. On CT it is well defined, without the "
        "characteristic spoke-wheel pattern."
    )
    assert _signs(text, "Oncocytoma") == []


# polarity: inside a list item, "without"/"no" negates only the rest of that item


def _risks(text: str, final: str) -> list[str]:
    return [marked(f) for f in _facts(text, final, "risk-factor")]


def test_a_without_inside_the_first_item_leaves_the_later_items_stated() -> None:
    text = (
        "Osteonecrosis of the femoral head is death of bone from lost blood supply. Risk factors "
        "are long courses of steroids without tapering, heavy alcohol use, sickle cell disease "
        "and deep-sea diving."
    )
    cards = _risks(text, "Osteonecrosis of the femoral head")
    assert len(cards) == 1
    assert "{{c1::long courses of steroids without tapering}}" in cards[0]
    assert "{{c2::heavy alcohol use}}" in cards[0]
    assert "{{c4::deep-sea diving}}" in cards[0]


def test_a_with_no_inside_a_middle_item_in_another_wording() -> None:
    text = (
        "Hydatid disease is a parasitic infection of the liver. Risk factors include dog "
        "ownership, sheep farming with no deworming of dogs, rural residence and travel to "
        "endemic areas."
    )
    cards = _risks(text, "Hydatid disease")
    assert len(cards) == 1
    assert "{{c2::sheep farming with no deworming of dogs}}" in cards[0]
    assert "{{c3::rural residence}}" in cards[0]


def test_a_list_opened_by_without_stays_negated_as_a_whole() -> None:
    text = (
        "Renal cyst is a common finding in adults. Risk factors are without calcification, "
        "septa and nodules."
    )
    assert _risks(text, "Renal cyst") == []


def test_a_without_list_joined_by_or_stays_negated() -> None:
    text = (
        "Renal cyst is a common finding in adults. Risk factors are a thin wall without "
        "calcification, septa or nodules."
    )
    assert _risks(text, "Renal cyst") == []


def test_a_two_item_list_after_without_stays_negated() -> None:
    text = (
        "Osteonecrosis of the femoral head is death of bone. Risk factors are steroid use "
        "without alcohol and smoking."
    )
    assert not any("smoking" in c for c in _risks(text, "Osteonecrosis of the femoral head"))


def test_item_bound_negations_only_binds_a_trigger_after_an_item_head() -> None:
    from deckbuilder.extract.polarity import item_bound_negations
    from deckbuilder.lexicon import load_lexicon

    lexicon = load_lexicon()
    text = "Causes are fasting without water, heat, exercise and diuretics."
    items = [(11, 32), (34, 38), (40, 48), (53, 62)]
    assert [text[s:e] for s, e in items] == [
        "fasting without water",
        "heat",
        "exercise",
        "diuretics",
    ]
    assert [text[s:e] for s, e in item_bound_negations(text, items, lexicon)] == ["without"]
    opened = "Causes are without water, heat, exercise and diuretics."
    opened_items = [(11, 24), (26, 30), (32, 40), (45, 54)]
    assert item_bound_negations(opened, opened_items, lexicon) == []


# complication: an event and its share, in a clause coordinated after a comma


def _complications(text: str, final: str) -> list[str]:
    return [marked(f) for f in _facts(text, final, "complication")]


def test_a_coordinated_clause_names_an_event_and_its_share() -> None:
    text = (
        "Giant cell tumour is a benign tumour of the epiphysis. Treatment is curettage with "
        "packing, and local recurrence occurs in approximately 20 to 30%."
    )
    cards = _complications(text, "Giant cell tumour")
    assert len(cards) == 1
    assert "{{c1::local recurrence}} occurs in approximately 20 to 30%" in cards[0]


def test_a_coordinated_clause_after_but_in_another_wording() -> None:
    text = (
        "Pleomorphic adenoma is the commonest parotid tumour. It is excised with a cuff of "
        "normal tissue, but recurrence develops in about 5% of patients."
    )
    cards = _complications(text, "Pleomorphic adenoma")
    assert len(cards) == 1
    assert "{{c1::recurrence}} develops in about 5%" in cards[0]


def test_a_negated_coordinated_event_gives_no_card() -> None:
    text = (
        "Pleomorphic adenoma is the commonest parotid tumour. It is excised with a cuff of "
        "normal tissue, and recurrence does not occur in 5% of patients."
    )
    assert _complications(text, "Pleomorphic adenoma") == []


def test_an_event_inside_a_comma_list_is_no_clause_of_its_own() -> None:
    text = (
        "Pleomorphic adenoma is the commonest parotid tumour. Its capsule, recurrence and size "
        "are seen in 5% of reports."
    )
    assert _complications(text, "Pleomorphic adenoma") == []
