"""sequence-appearance, round 8: a dimension written after a measure is no modifier of the next
term, a later clause opening with the lesion's pronoun keeps its finding, an acronym defined in
brackets for an anatomical name is no modality, a graded word of one modality names it, and a
clause after a colon with no main verb keeps the lead that carries one. Every sentence here is
written for these tests."""

from __future__ import annotations

import re

import pytest
from extract_helpers import appearance_answers as answers
from extract_helpers import facts_of, make_case, marked

from deckbuilder.lexicon import Lexicon
from deckbuilder.model import Patient

KIND = "sequence-appearance"


def _facts(findings: str = "", discussion: str = "", final: str = "Ependymoma"):
    case = make_case(
        findings=findings,
        discussion=discussion,
        final=final,
        patient=Patient(age="52 years", sex="male"),
    )
    return facts_of(case, KIND)


def _texts(findings: str = "", discussion: str = "", final: str = "Ependymoma") -> list[str]:
    return [marked(f) for f in _facts(findings, discussion, final)]


# --- a measure's dimension word closes its own phrase -----------------------------------------


@pytest.mark.parametrize(
    ("text", "sequence", "expected", "garbled"),
    [
        (
            "The tendon tear was about 2 cm long, bright on fat-saturated T2WI.",
            "t2-fs",
            "bright",
            "long, bright",
        ),
        (
            "A syrinx spanning three segments, barely 4 mm wide, hyperintense on T2WI, was seen.",
            "t2",
            "hyperintense",
            "wide, hyperintense",
        ),
    ],
)
def test_a_dimension_after_a_measure_is_not_part_of_the_term(
    text: str, sequence: str, expected: str, garbled: str, lexicon: Lexicon
) -> None:
    found = answers(text, lexicon)
    assert (sequence, expected) in found
    assert not any(garbled in a for _, a in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CT showed a thick, irregular enhancing wall.", "thick, irregular enhancing wall"),
        ("On radiographs coarse, dense calcifications were present.", "coarse, dense"),
    ],
)
def test_comma_joined_modifiers_that_open_a_phrase_stay(
    text: str, expected: str, lexicon: Lexicon
) -> None:
    assert any(expected in a for _, a in answers(text, lexicon))


# --- a later pronoun clause of the same lesion ---------------------------------------------------


@pytest.mark.parametrize(
    ("findings", "answer", "named"),
    [
        (
            "Ultrasound showed a mass in the testis. Its echotexture was heterogeneous, and its "
            "capsule was intact, with increased vascularity of the capsule on colour Doppler.",
            "increased vascularity",
            "the mass's capsule",
        ),
        (
            "A nodule was found in the left thyroid lobe. It was solid on ultrasound, and it "
            "showed increased vascularity on colour Doppler.",
            "increased vascularity",
            "the nodule showed",
        ),
    ],
)
def test_a_later_pronoun_clause_keeps_its_finding(findings: str, answer: str, named: str) -> None:
    texts = _texts(findings=findings)
    cards = [t for t in texts if "{{c1::" + answer in t or answer + "}}" in t]
    assert cards, texts
    assert all(named in c.lower() for c in cards), cards
    # No card opens on a bare pronoun whose antecedent it lacks.
    assert not any(", its " in c.split("), ", 1)[-1][:5] for c in cards)


def test_a_noun_subject_later_its_is_not_renamed() -> None:
    """Only a pronoun the sentence opened with is the lesion's; "its" after a named subject
    ("the duct") stays as written."""
    texts = _texts(
        findings="A mass was seen in the pancreas. The duct was dilated on MRCP, and its "
        "wall was thin."
    )
    assert not any("the mass's wall" in t for t in texts)


# --- an acronym defined for an anatomical name -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On duplex ultrasound, the peak systolic velocity in the common trunk (CT) "
            "reached 310 cm/s.",
            "us",
        ),
        (
            "In the main renal (MR) vein the flow was reversed on colour Doppler.",
            "us-doppler",
        ),
    ],
)
def test_an_acronym_defined_for_a_structure_is_no_modality(
    text: str, expected: str, lexicon: Lexicon
) -> None:
    settings = {s for s, _ in answers(text, lexicon)}
    assert any(s.startswith(expected) for s in settings), settings
    assert not settings & {"ct", "mr"}


def test_the_modality_spelled_out_keeps_its_acronym(lexicon: Lexicon) -> None:
    text = "Computed tomography (CT) showed a hyperdense clot in the basilar artery."
    assert ("ct", "hyperdense") in answers(text, lexicon)


# --- a graded word names its modality ----------------------------------------------------------


@pytest.mark.parametrize(
    ("discussion", "key_part"),
    [
        (
            "Hepatoblastoma is bright on T2WI and enhances in the arterial phase, becoming "
            "hypoattenuating in the portal venous phase.",
            "ct-portal-venous",
        ),
        (
            "Renal oncocytoma is dark on T1WI and is hyperdense to cortex in the "
            "nephrographic phase.",
            "ct-nephrographic",
        ),
    ],
)
def test_an_attenuation_word_is_read_on_ct(discussion: str, key_part: str) -> None:
    facts = _facts(discussion=discussion, final="Hepatoblastoma")
    attenuation = [
        f
        for f in facts
        if any(
            a.endswith(("attenuating", "hyperdense to cortex", "hyperdense")) for a in f.answers()
        )
    ]
    assert attenuation, [marked(f) for f in facts]
    assert all(key_part in f.key and "mr-" not in f.key for f in attenuation)


def test_a_signal_word_is_read_on_mr_after_ct() -> None:
    facts = _facts(
        discussion="Focal nodular hyperplasia is isodense on unenhanced CT and becomes "
        "hyperintense in the hepatobiliary phase.",
        final="Focal nodular hyperplasia",
    )
    keys = {f.key for f in facts if "hyperintense" in f.answers()}
    assert keys and all("mr-hepatobiliary" in k for k in keys)


# --- a clause after a colon needs a main verb --------------------------------------------------

_TOPIC = "Thyroglossal duct cyst is common. "


@pytest.mark.parametrize(
    ("discussion", "lead"),
    [
        (
            "The nodular pattern is rarer: a mass of small lobules, each under 1 cm, with thin "
            "septa that enhance on contrast-enhanced CT.",
            "the nodular pattern is rarer:",
        ),
        (
            "Two patterns are described: a mass of small lobules, each under 1 cm, with thin "
            "walls that are bright on T2WI.",
            "two patterns are described:",
        ),
    ],
)
def test_a_verbless_clause_after_a_colon_keeps_its_lead(discussion: str, lead: str) -> None:
    texts = _texts(discussion=_TOPIC + discussion, final="Thyroglossal duct cyst")
    assert texts
    assert all(lead in t.lower() for t in texts), texts


@pytest.mark.parametrize(
    "discussion",
    [
        "Imaging helps: thyroglossal duct cyst is hyperintense on T2WI.",
        "MR is useful here: on T2WI thyroglossal duct cyst is hyperintense.",
    ],
)
def test_a_clause_after_a_colon_with_its_own_verb_stands_alone(discussion: str) -> None:
    texts = _texts(discussion=_TOPIC + discussion, final="Thyroglossal duct cyst")
    assert texts
    lead = discussion.split(":")[0].lower()
    assert not any(lead in t.lower() for t in texts), texts


@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        (
            "Simple renal cysts are anechoic on ultrasound, of water attenuation on CT, and "
            "hyperintense on T2WI.",
            "hyperintense",
        ),
        (
            "The septum is thin on CT, but markedly hyperintense on T2WI.",
            "markedly hyperintense",
        ),
    ],
)
def test_the_last_item_of_a_coordinated_predicate_keeps_its_verb(
    discussion: str, answer: str
) -> None:
    texts = _texts(discussion=_TOPIC + discussion, final="Thyroglossal duct cyst")
    cards = [t for t in texts if "{{c1::" + answer + "}}" in t]
    assert cards, texts
    # The card carries the clause with the subject and the verb, not "In X, hyperintense ...".
    assert all(
        re.search(r"(?:^|, )(?:simple renal cysts are|the septum is)", c.lower()) for c in cards
    ), cards


def test_a_later_clause_with_its_own_verb_stands_alone() -> None:
    texts = _texts(
        discussion=_TOPIC + "The duct was thin on CT, and the cyst was hyperintense on T2WI.",
        final="Thyroglossal duct cyst",
    )
    cards = [t for t in texts if "{{c1::hyperintense}}" in t]
    assert cards and not any("the duct was thin" in c.lower() for c in cards), texts
