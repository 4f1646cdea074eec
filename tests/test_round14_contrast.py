"""Round 14 of the distinguishing-feature reader: a sentence about a listed differential also
gives one fact per kind of its features (age, sex, site, appearance), each naming the
differential, beside the whole distinguishing-feature card; a negated feature is never an
appearance and a population after "occurs in" is never a site."""

from __future__ import annotations

import pytest

from tests.extract_helpers import facts_of, make_case, marked

OPENING = "This tumour has a few mimics worth knowing."


def cards(sentence: str, listed: str, final: str) -> dict[str, list[tuple[str, str, str]]]:
    """(subject, key, marked text) of each fact of a case, by kind."""
    case = make_case(f"{OPENING} {sentence}", differentials=(listed,), final=final)
    found: dict[str, list[tuple[str, str, str]]] = {}
    for fact in facts_of(case):
        if fact.source.text.startswith(OPENING):
            continue
        found.setdefault(fact.kind, []).append((fact.subject, fact.key, marked(fact)))
    return found


def test_age_sex_site_and_appearance_of_a_differential_are_facts_of_their_kinds() -> None:
    found = cards(
        "Ependymoma affects young boys, arises in the fourth ventricle and is heterogeneous.",
        "Ependymoma",
        "Medulloblastoma",
    )
    assert (
        "Ependymoma",
        "ependymoma-site",
        "Ependymoma affects young boys, arises in the "
        "{{c1::fourth ventricle}} and is heterogeneous.",
    ) in found["common-site"]
    assert any(
        s == "Ependymoma" and "{{c1::young boys}}" in t for s, _, t in found["age-distribution"]
    )
    assert any(s == "Ependymoma" and "{{c1::boys}}" in t for s, _, t in found["sex-predominance"])
    assert any(
        s == "Ependymoma" and "{{c1::heterogeneous}}" in t
        for s, _, t in found["sequence-appearance"]
    )
    # The distinguishing-feature card stays whole.
    (whole,) = found["distinguishing-feature"]
    assert whole[2].count("{{c") >= 3


@pytest.mark.parametrize(
    ("sentence", "listed", "final"),
    [
        # A negated feature stays only in the distinguishing-feature card.
        (
            "A simple renal cyst has no internal enhancement.",
            "Simple renal cyst",
            "Cystic renal cell carcinoma",
        ),
        (
            "Lipoma does not enhance after contrast.",
            "Lipoma",
            "Well-differentiated liposarcoma",
        ),
    ],
)
def test_a_negated_feature_is_never_an_appearance(sentence: str, listed: str, final: str) -> None:
    found = cards(sentence, listed, final)
    # (The appearance reader's own cards have keys of their own; this reader's end "-appearance".)
    assert not [k for _, k, _ in found.get("sequence-appearance", []) if k.endswith("-appearance")]
    assert found["distinguishing-feature"]


def test_a_population_after_occurs_in_is_no_site() -> None:
    found = cards(
        "Mucormycosis occurs almost exclusively in diabetics and destroys the sinus walls.",
        "Mucormycosis",
        "Allergic fungal sinusitis",
    )
    assert not found.get("common-site")


def test_a_feature_coordinated_with_a_non_appearance_stays_distinguishing() -> None:
    found = cards(
        "Hypothyroid myopathy shows raised creatine kinase and diffuse muscle oedema.",
        "Hypothyroid myopathy",
        "Polymyositis",
    )
    assert not [
        t for _, _, t in found.get("sequence-appearance", []) if "creatine" in t.split("{{")[-1]
    ]


@pytest.mark.parametrize(
    ("discussion", "differentials", "owner"),
    [
        # The opening name is followed by a verb outside the subject reader's list and a
        # comma aside, so no subject phrase is found before "affects".
        (
            "Choroid plexus cyst is seen in the atrium of the fetus. Pleomorphic "
            "xanthoastrocytoma of the temporal lobe abuts the meninges, unlike ganglioglioma, "
            "and affects young adults.",
            ("Choroid plexus cyst", "Pleomorphic xanthoastrocytoma of the temporal lobe"),
            "Pleomorphic xanthoastrocytoma of the temporal lobe",
        ),
        # Without the opening name, the words up to "affects" would be read as the subject.
        (
            "Hepatic abscess contains gas in some cases. Biliary cystadenocarcinoma of the "
            "liver straddles the hilum and mostly affects elderly women.",
            ("Hepatic abscess", "Biliary cystadenocarcinoma of the liver"),
            "Biliary cystadenocarcinoma of the liver",
        ),
    ],
)
def test_a_sentence_opening_with_a_listed_name_is_about_it(
    discussion: str, differentials: tuple[str, ...], owner: str
) -> None:
    from tests.extract_helpers import facts_of, make_case

    case = make_case(discussion, differentials=differentials, final="Ganglioglioma")
    ages = [f for f in facts_of(case, "age-distribution") if "affect" in f.text]
    assert ages
    assert {f.subject for f in ages} == {owner}
    assert all(f.text.startswith(owner) for f in ages)
