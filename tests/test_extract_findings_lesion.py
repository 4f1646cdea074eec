"""In the Imaging Findings "it" is the case's lesion: never an examination or a structure named in
passing; case fronts name the lesion instead of opening with "It"; a subtype of the diagnosis
("focal form") never heads a card."""

from __future__ import annotations

from extract_helpers import facts_of, make_case

from deckbuilder.extract.pronouns import findings_lesion
from deckbuilder.lexicon import load_lexicon
from deckbuilder.model import Patient

MAN = Patient(age="58 years", sex="male")
WOMAN = Patient(age="40 years", sex="female")


def _cards_with(case, answer: str):  # type: ignore[no-untyped-def]
    return [f for f in facts_of(case) if any(answer in a for a in f.answers())]


def test_pronoun_after_a_structure_named_in_passing_means_the_lesion() -> None:
    case = make_case(
        findings=(
            "Contrast-enhanced CT showed a 5 cm cystic mass in the pancreatic tail. On MR the "
            "mass was hyperintense on T2WI. A thin fat plane separated it from the splenic vein. "
            "After gadolinium it showed thick rim enhancement."
        ),
        patient=MAN,
    )
    cards = _cards_with(case, "thick rim enhancement")
    assert cards
    for card in cards:
        assert "the mass showed" in card.text
        assert "plane showed" not in card.text


def test_structure_subject_is_never_the_antecedent_even_without_a_lesion_named() -> None:
    case = make_case(
        findings=(
            "MR of the knee was performed. A thin hypointense rim surrounded it. "
            "After gadolinium it showed thick rim enhancement."
        ),
        patient=MAN,
    )
    for card in facts_of(case):
        assert "the thin hypointense rim showed" not in card.text.lower()
        assert "rim surrounded the" not in card.text.lower()


def test_pronoun_after_an_examination_sentence_is_the_lesion_it_showed() -> None:
    case = make_case(
        findings=(
            "Unenhanced CT demonstrated a 2 cm nodule in the right adrenal gland. "
            "It was hypodense, measuring 5 HU."
        ),
        patient=WOMAN,
    )
    cards = _cards_with(case, "5 HU")
    assert cards
    for card in cards:
        assert "the nodule was hypodense" in card.text
        assert "Unenhanced CT was" not in card.text


def test_plural_pronoun_does_not_take_a_singular_lesion() -> None:
    case = make_case(
        findings=("Ultrasound showed a solid mass in the thyroid. They were hypoechoic."),
        patient=WOMAN,
    )
    for card in facts_of(case):
        assert "the mass were" not in card.text
        assert " they " not in f" {card.text.lower()} "


def test_grammatical_subject_of_the_previous_sentence_is_preferred() -> None:
    case = make_case(
        findings=(
            "CT showed a 3 cm mass in the left kidney. The right kidney was small. "
            "On ultrasound it was echogenic, with poor corticomedullary differentiation."
        ),
        patient=MAN,
    )
    cards = [f for f in facts_of(case) if "echogenic" in " ".join(f.answers())]
    for card in cards:
        assert "the right kidney was echogenic" in card.text


def test_dummy_it_only_with_a_dummy_predicate() -> None:
    case = make_case(
        findings=(
            "CT showed a 4 cm mass in the anterior mediastinum. "
            "It was hypodense to muscle, with coarse calcification."
        ),
        patient=MAN,
    )
    cards = [f for f in facts_of(case) if "hypodense" in f.answers()]
    assert cards
    assert all("the mass was hypodense" in c.text for c in cards)


def test_findings_lesion_skips_negated_mentions() -> None:
    lexicon = load_lexicon()
    assert (
        findings_lesion(
            ["No mass was seen in the liver.", "A 2 cm cyst lay in the spleen."], lexicon
        )
        == "the cyst"
    )
    assert findings_lesion(["The liver was enlarged."], lexicon) is None


def test_case_front_names_the_lesion_instead_of_a_leading_pronoun() -> None:
    case = make_case(
        history="A 47-year-old man had a painless swelling of the thigh.",
        findings=(
            "MR of the thigh showed a well-defined intramuscular mass in the vastus lateralis "
            "of chondroid appearance. It was lobulated and very bright on T2WI."
        ),
        differentials=("Synovial sarcoma", "Myxoma"),
        final="Extraskeletal myxoid chondrosarcoma",
        patient=MAN,
    )
    fronts = [f for f in facts_of(case) if f.kind in {"final-diagnosis", "differential-diagnosis"}]
    assert fronts
    for fact in fronts:
        assert " It was" not in fact.text
        assert "The mass was lobulated" in fact.text


def test_case_front_leaves_out_a_pronoun_finding_it_cannot_name() -> None:
    case = make_case(
        history="A 30-year-old woman had pelvic pain.",
        findings="The uterus was normal. It was hypoechoic on ultrasound.",
        differentials=("Leiomyoma",),
        final="Adenomyosis",
        patient=WOMAN,
    )
    for fact in facts_of(case):
        if fact.kind in {"final-diagnosis", "differential-diagnosis"}:
            assert "It was" not in fact.text


def test_subtype_of_the_diagnosis_never_heads_a_card() -> None:
    case = make_case(
        """
        Emphysematous cholecystitis is a rare variant of acute cholecystitis with gas in the
        wall. The gangrenous form accounts for a third of cases.

        The classic CT appearance is gas within the gallbladder wall, and the wall is thickened
        and hypoattenuating.
        """,
        final="Emphysematous cholecystitis, gangrenous form",
    )
    cards = _cards_with(case, "hypoattenuating")
    assert cards
    for card in cards:
        assert card.text.startswith("In emphysematous cholecystitis, the classic CT")


def test_a_side_of_the_diagnosis_never_heads_a_card() -> None:
    case = make_case(
        """
        Osteonecrosis of the femoral head is death of bone from lost blood supply. The left hip
        is affected first in a third of cases.

        On MR a serpiginous low-signal line on T1WI outlines the necrotic segment.
        """,
        final="Osteonecrosis of the femoral head, left hip",
    )
    for card in facts_of(case):
        assert not card.text.lower().startswith("in left hip")


def test_object_pronoun_is_not_its_own_clause_subject_and_a_chain_keeps_the_entity() -> None:
    case = make_case(
        "Elastofibroma dorsi is a benign fibroelastic pseudotumour. On MR it is a lentiform "
        "mass below the scapula. Interlaced fat makes it hyperintense on T1WI, and it enhances "
        "heterogeneously.",
        final="Elastofibroma dorsi",
    )
    cards = [c for c in facts_of(case, "sequence-appearance") if "T1WI" in c.text]
    assert cards
    for card in cards:
        assert "elastofibroma dorsi" in card.text.lower()
        assert "makes the interlaced fat" not in card.text.lower()
    for card in _cards_with(case, "enhances heterogeneously"):
        assert "fat enhances" not in card.text
