"""Round 9 of the distinguishing-feature reader: bracketed features after a differential's name
on a "Differential diagnosis:" line, telegraphic "DDx pearls" list items that run over several
sentences, coordinated adjectives kept in one answer, and negated features kept as the
differential's own fact."""

from __future__ import annotations

from deckbuilder.model import SectionKind
from tests.extract_helpers import facts_of, make_case, marked, split_answers, with_list_items

KIND = "distinguishing-feature"


def features(discussion: str, differentials: tuple[str, ...], final: str) -> list[str]:
    case = make_case(discussion, differentials=differentials, final=final)
    return [marked(f) for f in facts_of(case, KIND)]


def bulleted(
    opening: str, items: tuple[str, ...], differentials: tuple[str, ...], final: str
) -> list[str]:
    """The cards of a discussion whose ``items`` are list items after an ``opening`` paragraph."""
    case = make_case("\n\n".join((opening, *items)), differentials=differentials, final=final)
    return [marked(f) for f in facts_of(with_list_items(case, SectionKind.DISCUSSION), KIND)]


# --- bracketed features on a differential line ------------------------------------------------


def test_each_bracketed_feature_is_a_cloze_and_the_people_stay_visible() -> None:
    text = (
        "Osteoid osteoma is a painful benign bone tumour. Differential diagnosis: Brodie "
        "abscess (young adults, serpiginous tract to the physis, no nidus calcification); "
        "stress fracture (runners, linear lucency perpendicular to the cortex)."
    )
    cards = features(text, ("Brodie abscess", "Stress fracture"), "Osteoid osteoma")
    assert cards == [
        "Brodie abscess (differential diagnosis of osteoid osteoma): young adults, "
        "{{c1::serpiginous tract to the physis}}, {{c2::no nidus calcification}}.",
        "Stress fracture (differential diagnosis of osteoid osteoma): {{c1::runners}}, "
        "{{c2::linear lucency perpendicular to the cortex}}.",
    ]


def test_an_abbreviation_in_brackets_belongs_to_the_name() -> None:
    text = (
        "Pilomatricoma is a calcified skin tumour of children. DDx: dermatofibrosarcoma "
        "protuberans (DFSP) (plaque-like, protrudes from the skin, older women), epidermal "
        "inclusion cyst (punctum)."
    )
    cards = features(
        text,
        ("Dermatofibrosarcoma protuberans", "Epidermal inclusion cyst"),
        "Pilomatricoma",
    )
    assert cards[0] == (
        "Dermatofibrosarcoma protuberans (DFSP) (differential diagnosis of pilomatricoma): "
        "{{c1::plaque-like}}, {{c2::protrudes from the skin}}, older women."
    )
    assert not any("{{c1::DFSP}}" in card for card in cards)


def test_a_long_bracketed_feature_hides_its_head_before_with() -> None:
    text = (
        "Lipoma is a common fatty tumour. Differential diagnosis: liposarcoma (large deep "
        "mass with thick septa and nodular enhancing components)."
    )
    assert features(text, ("Liposarcoma",), "Lipoma") == [
        "Liposarcoma (differential diagnosis of lipoma): {{c1::large deep mass}} with thick "
        "septa and nodular enhancing components."
    ]


def test_a_hedged_bracketed_feature_stays_visible() -> None:
    text = (
        "Lipoma is a common fatty tumour. DDx: hibernoma (may show flow voids, brown fat signal)."
    )
    assert features(text, ("Hibernoma",), "Lipoma") == [
        "Hibernoma (differential diagnosis of lipoma): may show flow voids, "
        "{{c1::brown fat signal}}."
    ]


def test_a_line_of_only_people_or_hedges_gives_no_card() -> None:
    text = "Lipoma is a common fatty tumour. DDx: hibernoma (young adults, may show flow voids)."
    assert features(text, ("Hibernoma",), "Lipoma") == []


def test_an_unlisted_name_in_brackets_gives_no_card() -> None:
    text = "Lipoma is a common fatty tumour. DDx: fat necrosis (trauma history, oily cyst)."
    assert features(text, ("Hibernoma",), "Lipoma") == []


# --- telegraphic list items ----------------------------------------------------------------------


OPENING = "Enchondroma is a benign cartilage tumour of the hand. Key differentials:"


def test_a_list_item_running_over_several_sentences_is_one_card() -> None:
    cards = bulleted(
        OPENING,
        ("Bone infarct: medullary. Serpiginous sclerotic rim. No endosteal scalloping.",),
        ("Bone infarct",),
        "Enchondroma",
    )
    assert cards == [
        "Bone infarct: {{c1::medullary}}. {{c2::Serpiginous sclerotic rim}}. "
        "{{c3::No endosteal scalloping}}."
    ]


def test_a_clause_of_its_own_ends_the_item() -> None:
    cards = bulleted(
        OPENING,
        ("Chondrosarcoma: deep endosteal scalloping. We saw no cortical breach in our patient.",),
        ("Chondrosarcoma",),
        "Enchondroma",
    )
    assert cards == ["Chondrosarcoma: {{c1::deep endosteal scalloping}}."]


def test_a_paragraph_does_not_run_a_label_on() -> None:
    text = (
        "Enchondroma is a benign cartilage tumour of the hand. Bone infarct: medullary. "
        "Serpiginous sclerotic rim."
    )
    assert features(text, ("Bone infarct",), "Enchondroma") == ["Bone infarct: {{c1::medullary}}."]


def test_a_hedged_item_of_a_label_line_stays_visible() -> None:
    cards = bulleted(
        OPENING,
        ("Chondrosarcoma: deep endosteal scalloping, may show a soft-tissue mass.",),
        ("Chondrosarcoma",),
        "Enchondroma",
    )
    assert cards == [
        "Chondrosarcoma: {{c1::deep endosteal scalloping}}, may show a soft-tissue mass."
    ]


# --- coordinated adjectives of one noun phrase -----------------------------------------------------


def test_adjectives_joined_by_a_bare_comma_stay_one_answer() -> None:
    text = (
        "Crohn disease affects the terminal ileum. Tuberculosis produces short, "
        "strictured segments of the ileocaecal valve."
    )
    assert features(text, ("Tuberculosis",), "Crohn disease") == [
        "Tuberculosis produces {{c1::short, strictured segments of the ileocaecal valve}}."
    ]


def test_an_adjective_list_after_is_a_names_one_noun_phrase() -> None:
    text = (
        "Pleural plaques follow asbestos exposure. A mesothelioma is a nodular, "
        "circumferential rind that encases the lung."
    )
    assert features(text, ("Mesothelioma",), "Pleural plaques") == [
        "A mesothelioma is a {{c1::nodular, circumferential rind}} that encases the lung."
    ]


def test_a_comma_list_of_nouns_keeps_one_cloze_each() -> None:
    text = (
        "Pleural plaques follow asbestos exposure. A mesothelioma shows effusion, "
        "nodular thickening and volume loss."
    )
    cards = features(text, ("Mesothelioma",), "Pleural plaques")
    assert cards == ["A mesothelioma shows effusion, nodular thickening and {{c1::volume loss}}."]
    # The first two nouns are appearance answers, one each.
    assert {"effusion", "nodular thickening"} <= split_answers(
        text, ("Mesothelioma",), "Pleural plaques"
    )


def test_separate_qualities_joined_by_and_stay_separate() -> None:
    text = (
        "Pleural plaques follow asbestos exposure. Rounded atelectasis is peripheral, "
        "subpleural and curved."
    )
    assert features(text, ("Rounded atelectasis",), "Pleural plaques") == [
        "Rounded atelectasis is peripheral, {{c1::subpleural}} and {{c2::curved}}."
    ]
    # "peripheral" is asked by a card of its kind, alone.
    assert "peripheral" in split_answers(text, ("Rounded atelectasis",), "Pleural plaques")


# --- a negated feature kept as the differential's own fact -------------------------------------


def test_a_without_phrase_after_a_feature_is_hidden_with_its_without() -> None:
    text = (
        "Schwannoma is a nerve sheath tumour. A neurofibroma is a fusiform mass without "
        "cystic change, and it shows the target sign."
    )
    cards = features(text, ("Neurofibroma",), "Schwannoma")
    assert len(cards) == 1
    assert "{{c1::without cystic change}}" in cards[0]
    # The mass is the appearance card's answer, asked there without the "without" phrase.
    assert "fusiform mass" in split_answers(text, ("Neurofibroma",), "Schwannoma")


def test_a_without_phrase_in_a_relative_clause() -> None:
    text = (
        "Meningioma is an extra-axial tumour. The main alternative is dural metastasis, which "
        "erodes the skull without hyperostosis."
    )
    cards = features(text, ("Dural metastasis",), "Meningioma")
    assert cards == [
        "Dural metastasis, which {{c1::erodes the skull}} {{c2::without hyperostosis}}."
    ]


def test_a_hedged_predicate_gives_no_without_cloze() -> None:
    text = (
        "Schwannoma is a nerve sheath tumour. A neurofibroma may be a fusiform mass without "
        "cystic change."
    )
    cards = features(text, ("Neurofibroma",), "Schwannoma")
    assert not any("{{c" in card and "without cystic change}}" in card for card in cards)


def test_a_long_or_and_coordinated_without_phrase_stays_visible() -> None:
    text = (
        "Schwannoma is a nerve sheath tumour. A neurofibroma is a fusiform mass without "
        "any cystic change and haemorrhage or calcification of the wall."
    )
    cards = features(text, ("Neurofibroma",), "Schwannoma")
    assert not any("{{c2::without" in card for card in cards)


def test_without_a_or_b_is_hidden_whole_as_what_it_lacks() -> None:
    # Round 10: "without A or B" says the entity has neither; one cloze keeps its "without".
    text = (
        "Schwannoma is a nerve sheath tumour. A neurofibroma is a fusiform mass without "
        "cystic change or haemorrhage."
    )
    cards = features(text, ("Neurofibroma",), "Schwannoma")
    assert cards == [
        "A neurofibroma is a fusiform mass {{c1::without cystic change or haemorrhage}}."
    ]
