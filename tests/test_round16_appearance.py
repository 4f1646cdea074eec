"""Round 16 rules of the sequence-appearance reader, on sentences of our own from no corpus.

Each rule is stated in one line above its tests:
- two grades joined by "or"/"to" (a degree word allowed before the second) are one answer;
- a range of degrees ("mildly to moderately") before a grade is one answer;
- a comparative word before a term ("less bright") belongs to the answer;
- a comparative term ("brighter", "lower attenuation") takes its short "than ..." object, and
  gives no card without an object or a head noun;
- an "iso-" grade takes its reference tissue, an article and one qualifier allowed between;
- a trailing predicate that denies the finding ("could not be demonstrated", "was absent")
  gives no card.
"""

from __future__ import annotations

import pytest

from deckbuilder.extract.appearance import find_appearances


def findings(text: str, lexicon) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {
        (ids, text[f.answer[0] : f.answer[1]])
        for f in find_appearances(text, lexicon)
        for ids in f.sequence_ids
    }


def answers(text: str, lexicon) -> set[str]:  # type: ignore[no-untyped-def]
    return {answer for _, answer in findings(text, lexicon)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The meningioma was isointense or hypointense to grey matter on T1WI.",
            {("t1", "isointense or hypointense to grey matter")},
        ),
        (
            "On FLAIR the plaque appeared hyperintense to mildly hypointense.",
            {("flair", "hyperintense to mildly hypointense")},
        ),
        (
            "The thrombus is hypoattenuating or isoattenuating on unenhanced CT.",
            {("ct-unenhanced", "hypoattenuating or isoattenuating")},
        ),
    ],
)
def test_two_whole_grades_are_one_range(text: str, expected: set, lexicon) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert findings(text, lexicon) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deposits are mildly to moderately hyperintense on T2WI.", "mildly to moderately"),
        ("On STIR the marrow was slightly to markedly hyperintense.", "slightly to markedly"),
    ],
)
def test_range_of_degrees_is_one_answer(text: str, expected: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    got = answers(text, lexicon)
    assert len(got) == 1
    assert next(iter(got)).startswith(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Warthin tumour is less bright on T2WI than a pleomorphic adenoma.", "less bright"),
        ("On T2WI the fibroma was much less bright.", "much less bright"),
        ("Compared with its wall, the core is more heterogeneous on CT.", "more heterogeneous"),
    ],
)
def test_comparative_word_belongs_to_the_answer(text: str, expected: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert expected in answers(text, lexicon)
    assert not {a for a in answers(text, lexicon) if a.lower() in {"bright", "heterogeneous"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On T2WI the nodule was darker than the renal cortex.",
            {("t2", "darker than the renal cortex")},
        ),
        (
            "The hamartoma was brighter than the adjacent spleen on T2WI.",
            {("t2", "brighter than the adjacent spleen")},
        ),
        (
            "On unenhanced CT the clot is much less dense than the bone cortex.",
            {("ct-unenhanced", "much less dense than the bone cortex")},
        ),
        (
            "On MRI the bursa fluid is bright on T2WI, though often a little brighter than CSF "
            "because of debris.",
            {("t2", "bright"), ("t2", "a little brighter than CSF")},
        ),
    ],
)
def test_comparative_term_takes_its_object(text: str, expected: set, lexicon) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert findings(text, lexicon) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The central scar was even brighter on T2WI.",
        "On STIR the periphery looked darker.",
    ],
)
def test_bare_comparative_gives_no_card(text: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert findings(text, lexicon) == set()


def test_comparative_with_head_noun_stays(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert ("t2", "brighter rim") in findings("On T2WI the abscess had a brighter rim.", lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Unenhanced CT showed a mass isoattenuating to the adjacent muscles.",
            "isoattenuating to the adjacent muscles",
        ),
        (
            "On T1WI the lipoma was isointense to the subcutaneous fat.",
            "isointense to the subcutaneous fat",
        ),
    ],
)
def test_iso_grade_takes_its_reference_tissue(text: str, expected: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert expected in answers(text, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "After gadolinium, enhancement of the nodule could not be demonstrated.",
        "On CT, calcification was not identified.",
        "On DWI, restricted diffusion was absent.",
        "After contrast, mural enhancement was not seen on MRI.",
        "On the arterial phase hyperenhancement was lacking.",
    ],
)
def test_denied_finding_gives_no_card(text: str, lexicon) -> None:  # type: ignore[no-untyped-def]
    assert findings(text, lexicon) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The denial belongs to another clause: the first finding stands.
        ("On CT the wall enhanced and was not resected.", ("ct", "enhanced")),
        (
            "On T2WI the cortex was bright, while restricted diffusion was absent.",
            ("t2", "bright"),
        ),
    ],
)
def test_denial_of_another_clause_keeps_the_finding(text: str, expected: tuple, lexicon) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert expected in findings(text, lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unenhanced CT of the calf showed several phleboliths.", ("ct-unenhanced", "phleboliths")),
        (
            "The CXR showed two band-like opacities in the right lung.",
            ("radiograph", "band-like opacities"),
        ),
    ],
)
def test_named_findings_with_their_setting(text: str, expected: tuple, lexicon) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert expected in findings(text, lexicon)


def test_named_finding_without_setting_gives_no_card(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert findings("Phleboliths are a helpful clue.", lexicon) == set()
