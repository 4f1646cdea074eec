"""Round 14: bone, Doppler, cyst-wall and spectroscopy vocabulary of the sequence-appearance rule.

Every sentence here is written for this file and names no corpus case.
"""

from __future__ import annotations

import pytest
from extract_helpers import appearance_answers as answers
from extract_helpers import facts_of, make_case

from deckbuilder.lexicon import Lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Growth plate and metaphysis on radiographs: a coordinated list of new words.
        (
            "Knee radiographs showed fraying and cupping of the femoral metaphysis.",
            ("radiograph", "fraying"),
        ),
        (
            "Knee radiographs showed fraying and cupping of the femoral metaphysis.",
            ("radiograph", "cupping"),
        ),
        ("On the wrist radiograph the ulnar metaphysis was splayed.", ("radiograph", "splayed")),
        (
            "Ankle radiographs showed splaying of the distal tibial metaphysis.",
            ("radiograph", "splaying"),
        ),
        (
            "Pelvic radiographs showed coarse trabeculae in both iliac wings.",
            ("radiograph", "coarse trabeculae"),
        ),
        ("On radiographs the vertebral bodies were osteopenic.", ("radiograph", "osteopenic")),
        # Cyst contents on CT and ultrasound.
        (
            "On CT the hepatic cyst contained several daughter cysts.",
            ("ct", "daughter cysts"),
        ),
        (
            "Ultrasound showed a detached membrane floating within the splenic cyst.",
            ("us", "detached membrane"),
        ),
        # Spectral Doppler waveforms.
        (
            "Spectral Doppler of the brachial neck showed a to-and-fro pattern.",
            ("us-spectral-doppler", "to-and-fro pattern"),
        ),
        (
            "Spectral Doppler of the draining vein showed an arterialised waveform.",
            ("us-spectral-doppler", "arterialised waveform"),
        ),
        # MR spectroscopy names its own setting; the metabolite peak is the answer.
        ("MR spectroscopy of the nodule showed a lactate peak.", ("mrs", "lactate peak")),
        (
            "On proton spectroscopy the rim showed elevated choline.",
            ("mrs", "elevated choline"),
        ),
    ],
)
def test_new_vocabulary_is_read_on_its_setting(  # type: ignore[no-untyped-def]
    text: str, expected: tuple[str, str], lexicon
) -> None:
    assert expected in answers(text, lexicon)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # A negated finding stays no fact, whichever new word it names.
        ("On CT there were no daughter cysts within the lesion.", "daughter cysts"),
        ("Radiographs showed no cupping or fraying of the metaphyses.", "cupping"),
        ("Spectral Doppler did not show a to-and-fro waveform in the neck.", "to-and-fro"),
        ("MR spectroscopy showed no lactate peak in the lesion.", "lactate peak"),
        ("On ultrasound, without a detached membrane, the cyst looked simple.", "detached"),
        # A verb with an object is no finding word: the card would hide a bare verb.
        ("On CT a pelvic mass was seen splaying the iliac vessels.", "splaying"),
        ("On MRI the cyst splayed the cerebral peduncles apart.", "splayed"),
    ],
)
def test_negated_new_words_are_no_finding(  # type: ignore[no-untyped-def]
    text: str, word: str, lexicon
) -> None:
    assert not any(word in answer for _, answer in answers(text, lexicon))


def test_spectroscopy_word_alone_names_no_other_setting(lexicon) -> None:  # type: ignore[no-untyped-def]
    # "spectroscopy" is its own setting: its peak is never credited to the T2 named before it.
    found = answers("The mass was bright on T2WI, and spectroscopy showed a lipid peak.", lexicon)
    assert ("mrs", "lipid peak") in found
    assert ("t2", "lipid peak") not in found


@pytest.mark.parametrize(
    "text",
    [
        # A look that was lost belongs to the normal structure, not to the lesion.
        "Knee radiographs showed loss of the normal zone of provisional calcification.",
        "On CT there was effacement of the normal fat plane between the mass and the rectum.",
        "On MRI there was loss of the normal corticomedullary differentiation of the graft.",
        "On T2 images there was obliteration of the normal high signal of the vertebral marrow.",
        "On radiographs the normal zone of provisional calcification was effaced at both ankles.",
        "On ultrasound the normal echogenic fat plane was no longer seen behind the gland.",
    ],
)
def test_a_lost_normal_look_is_no_finding(text: str, lexicon: Lexicon) -> None:
    assert not {a for _, a in answers(text, lexicon) if "normal" in a or "signal" in a}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Signal loss as the finding itself is still read.
        ("On T1 the adenoma showed loss of signal on opposed-phase images.", "loss of signal"),
        (
            "Radiographs showed cupping of the metaphysis and loss of the normal dense line.",
            "cupping",
        ),
    ],
)
def test_a_look_beside_a_loss_is_still_read(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in {a for _, a in answers(text, lexicon)}


@pytest.mark.parametrize(
    ("discussion", "final", "owner", "kept"),
    [
        # A clause opening with a verb after "but"/"and" keeps its subject from the clause
        # before, and a focusing adverb after the name is not part of the name.
        (
            "Osteoblastoma also arises in the posterior elements but affects older patients "
            "and shows marked enhancement after gadolinium.",
            "Osteoid osteoma",
            "osteoblastoma",
            "Osteoblastoma also arises",
        ),
        (
            "Pleomorphic adenoma likewise occurs in the parotid but involves younger adults "
            "and is markedly hyperintense on T2-weighted images.",
            "Warthin tumour",
            "pleomorphic adenoma",
            "Pleomorphic adenoma likewise occurs",
        ),
    ],
)
def test_a_verb_clause_keeps_its_subject(
    discussion: str, final: str, owner: str, kept: str
) -> None:
    case = make_case(discussion, differentials=(owner.capitalize(), "Metastasis"), final=final)
    facts = [f for f in facts_of(case, "sequence-appearance") if f.subject.lower() == owner]
    assert facts
    assert all(f.text.startswith(kept) for f in facts)
