"""Round 10 of the distinguishing-feature reader: a verb of absence hidden with its object, a
bare head after "the" naming no alternative, "Name: ..." lines written as a clause (a pronoun, a
part of the alternative or a noun phrase with a relative clause), a sentence that introduces the
alternative before a colon, and "without A or B" kept whole."""

from __future__ import annotations

import pytest

from tests.test_round9_contrast import bulleted, features

OPENING = "This lesion has a few mimics worth knowing."


@pytest.mark.parametrize(
    ("sentence", "listed", "final", "expected"),
    [
        (
            "A fibrous cortical defect lacks a periosteal reaction.",
            "Fibrous cortical defect",
            "Osteoid osteoma",
            ["A fibrous cortical defect {{c1::lacks a periosteal reaction}}."],
        ),
        (
            "Mucinous cystic neoplasms usually lack communication with the duct.",
            "Mucinous cystic neoplasm",
            "Intraductal papillary mucinous neoplasm",
            ["Mucinous cystic neoplasms usually {{c1::lack communication}} with the duct."],
        ),
        # A hedged absence stays visible: no card.
        (
            "A fibrous cortical defect may lack a sclerotic margin.",
            "Fibrous cortical defect",
            "Osteoid osteoma",
            [],
        ),
    ],
)
def test_a_verb_of_absence_is_hidden_with_its_object(
    sentence: str, listed: str, final: str, expected: list[str]
) -> None:
    assert features(f"{OPENING} {sentence}", (listed,), final) == expected


@pytest.mark.parametrize(
    ("sentence", "listed", "final"),
    [
        # "the kidney" is the organ in view, not the listed horseshoe kidney.
        ("The kidney is smaller on the affected side.", "Horseshoe kidney", "Renal infarction"),
        ("The spleen is enlarged in most patients.", "Wandering spleen", "Splenic infarction"),
        # What is done first is management, not a feature.
        (
            "Horseshoe kidney is initially managed conservatively.",
            "Horseshoe kidney",
            "Renal infarction",
        ),
    ],
)
def test_no_card_from_an_organ_in_view_or_a_management_step(
    sentence: str, listed: str, final: str
) -> None:
    assert features(f"{OPENING} {sentence}", (listed,), final) == []


def test_a_listed_name_with_its_modifier_still_names_the_alternative() -> None:
    assert features(
        f"{OPENING} A horseshoe kidney shows an abnormal axis.",
        ("Horseshoe kidney",),
        "Renal infarction",
    ) == ["A horseshoe kidney shows an {{c1::abnormal axis}}."]


@pytest.mark.parametrize(
    ("item", "listed", "final", "expected"),
    [
        # A noun phrase with a relative clause: the clause states the feature, the filler stays.
        (
            "Arachnoid cyst: a smooth extra-axial collection that does not restrict diffusion.",
            "Arachnoid cyst",
            "Epidermoid cyst",
            "Arachnoid cyst: a smooth extra-axial collection that "
            "{{c1::does not restrict diffusion}}.",
        ),
        (
            "Lymphangioma: a thin-walled lesion which conforms to the neighbouring spaces, "
            "in children with a neck swelling.",
            "Lymphangioma",
            "Branchial cleft cyst",
            "Lymphangioma: a thin-walled lesion which {{c1::conforms to the neighbouring "
            "spaces}}, in children with a neck swelling.",
        ),
        # A part of the alternative as the subject; the trailing clinical aside stays visible.
        (
            "Empyema: the collection has an enhancing wall and a lentiform shape, with fever.",
            "Empyema",
            "Lung abscess",
            "Empyema: the collection has an {{c1::enhancing wall}} and a {{c2::lentiform "
            "shape}}, with fever.",
        ),
    ],
)
def test_a_label_line_written_as_a_clause(
    item: str, listed: str, final: str, expected: str
) -> None:
    assert bulleted(OPENING, (item,), (listed,), final) == [expected]


def test_a_label_line_whose_noun_phrase_holds_a_verb_is_no_relative_clause() -> None:
    # "shows" before "that" makes the text a clause of its own: no cloze on the filler.
    cards = bulleted(
        OPENING,
        ("Arachnoid cyst: fluid shows signal that follows the ventricles.",),
        ("Arachnoid cyst",),
        "Epidermoid cyst",
    )
    assert not any("{{c1::fluid}}" in card for card in cards)


@pytest.mark.parametrize(
    ("sentence", "listed", "final", "expected"),
    [
        (
            "Chondrosarcoma is the chief lesion to exclude: it erodes the inner cortex.",
            "Chondrosarcoma",
            "Enchondroma",
            "Chondrosarcoma is the chief lesion to exclude: it {{c1::erodes the inner cortex}}.",
        ),
        (
            "Tuberculous spondylitis is the other entity to consider: it spares the disc "
            "and forms large paraspinal collections.",
            "Tuberculous spondylitis",
            "Pyogenic spondylodiscitis",
            "Tuberculous spondylitis is the other entity to consider: it {{c1::spares the "
            "disc}} and forms {{c2::large paraspinal collections}}.",
        ),
    ],
)
def test_a_sentence_introducing_the_alternative_before_a_colon(
    sentence: str, listed: str, final: str, expected: str
) -> None:
    assert features(f"{OPENING} {sentence}", (listed,), final) == [expected]


def test_an_introduction_naming_something_else_gives_no_card() -> None:
    assert (
        features(
            f"{OPENING} Imaging is the main step to take: it shows a lytic lesion.",
            ("Chondrosarcoma",),
            "Enchondroma",
        )
        == []
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A pseudoaneurysm is a saccular outpouching without a flap or a septum.",
            # "saccular outpouching" is the appearance card's answer, not asked again here.
            "A pseudoaneurysm is a saccular outpouching {{c1::without a flap or a septum}}.",
        ),
        # "and" after "without" may start a new predicate: not joined into the absence.
        (
            "A pseudoaneurysm is a saccular outpouching without a flap and bleeds readily.",
            "A pseudoaneurysm is a saccular outpouching {{c1::without a flap}} and "
            "{{c2::bleeds readily}}.",
        ),
    ],
)
def test_without_a_or_b_is_one_absence(sentence: str, expected: str) -> None:
    assert features(f"{OPENING} {sentence}", ("Pseudoaneurysm",), "Aortic dissection") == [expected]


def test_a_possessive_clause_after_and_ends_the_feature() -> None:
    cards = features(
        f"{OPENING} A mucinous cystadenoma arises from the ovary and its septa are thin.",
        ("Mucinous cystadenoma",),
        "Hydrosalpinx",
    )
    assert not any("its septa are thin}}" in card for card in cards)
