"""Round 14 of the distinguishing-feature reader: a sentence about a listed differential also
gives one fact per kind of its features (age, sex, site, appearance), each naming the
differential; the distinguishing-feature card hides only what no card of those kinds asks, and
is left out when nothing is left. A negated feature is never an appearance and a population
after "occurs in" is never a site."""

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
    # Every feature is asked by a card of its kind: no distinguishing-feature card is left.
    assert not found.get("distinguishing-feature")


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
    # The negated feature is asked once, whole with its negation (by the appearance reader's own
    # card when it reads the sentence, else by the distinguishing-feature card).
    negated = [
        a
        for kind in ("sequence-appearance", "distinguishing-feature")
        for _, _, t in found.get(kind, [])
        for a in answers(t)
        if a.startswith(("no ", "does not"))
    ]
    assert len(negated) == 1


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


def answers(card: str) -> list[str]:
    """The cloze answers of a marked card, in order."""
    import re

    return re.findall(r"\{\{c\d+::(.*?)\}\}", card)


@pytest.mark.parametrize(
    ("sentence", "listed", "final", "site", "rest"),
    [
        (
            "Osteoblastoma arises in the posterior elements and responds poorly to salicylates.",
            "Osteoblastoma",
            "Osteoid osteoma",
            "posterior elements",
            "responds poorly",
        ),
        (
            "Pleural mesothelioma arises in the pleura and invades the chest wall.",
            "Pleural mesothelioma",
            "Pleural metastases",
            "pleura",
            "invades the chest wall",
        ),
    ],
)
def test_an_answer_is_asked_once(
    sentence: str, listed: str, final: str, site: str, rest: str
) -> None:
    found = cards(sentence, listed, final)
    (place,) = [t for _, k, t in found["common-site"] if k.endswith("-site")]
    assert answers(place) == [site]
    (whole,) = [t for _, _, t in found["distinguishing-feature"]]
    assert answers(whole) == [rest]


@pytest.mark.parametrize(
    ("sentence", "listed", "final"),
    [
        (
            "Brenner tumour occurs in older women and is very dark on T2-weighted images.",
            "Brenner tumour",
            "Dysgerminoma of the right ovary",
        ),
        (
            "Prostatic abscess occurs in elderly men and shows a rim-enhancing collection.",
            "Prostatic abscess",
            "Prostate carcinoma",
        ),
    ],
)
def test_no_sex_card_for_a_disease_of_a_one_sex_organ(
    sentence: str, listed: str, final: str
) -> None:
    assert not cards(sentence, listed, final).get("sex-predominance")


@pytest.mark.parametrize(
    ("sentence", "listed", "final", "place"),
    [
        (
            "Solid pseudopapillary neoplasm lies in the body or tail and contains haemorrhage.",
            "Solid pseudopapillary neoplasm",
            "Pancreatic neuroendocrine tumour",
            "body or tail",
        ),
        (
            "Ganglioneuroma arises from the sympathetic chain or the adrenal medulla and is T2 "
            "bright.",
            "Ganglioneuroma",
            "Neuroblastoma",
            "sympathetic chain or the adrenal medulla",
        ),
    ],
)
def test_a_coordinated_place_is_one_answer(
    sentence: str, listed: str, final: str, place: str
) -> None:
    found = cards(sentence, listed, final)
    (card,) = [t for _, k, t in found["common-site"] if k.endswith("-site")]
    assert answers(card) == [place]
    # A verb of the next clause ("and contains haemorrhage") is no second place.
    assert "contains" not in place


def test_alternatives_joined_by_or_are_one_answer() -> None:
    found = cards(
        "Arachnoid cyst follows CSF and shows little or no enhancement.",
        "Arachnoid cyst",
        "Epidermoid cyst",
    )
    asked = [a for rows in found.values() for _, _, t in rows for a in answers(t)]
    assert "little or no enhancement" in asked
    assert "little" not in asked


@pytest.mark.parametrize(
    ("sentence", "listed", "final", "unfit"),
    [
        # A normal finding is no appearance of a lesion.
        (
            "Bone island: normal surrounding marrow, spiculated margins.",
            "Bone island",
            "Osteoblastic metastasis",
            "normal surrounding marrow",
        ),
        # A verb of growth says how a lesion spreads, not how it looks.
        (
            "Orbital lymphoma arises in the lacrimal gland and encases the globe.",
            "Orbital lymphoma",
            "Idiopathic orbital inflammation",
            "encases the globe",
        ),
    ],
)
def test_weak_appearances_stay_distinguishing_features(
    sentence: str, listed: str, final: str, unfit: str
) -> None:
    found = cards(sentence, listed, final)
    looks = [a for _, _, t in found.get("sequence-appearance", []) for a in answers(t)]
    assert unfit not in looks
    assert any(unfit in answers(t) for _, _, t in found["distinguishing-feature"])


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


@pytest.mark.parametrize(
    ("sentence", "listed", "final", "verb"),
    [
        ("Meningiomas arise from the dura and calcify.", "Meningioma", "Schwannoma", "calcify"),
        (
            "Solid pseudopapillary neoplasm lies in the body or tail and contains haemorrhage.",
            "Solid pseudopapillary neoplasm",
            "Pancreatic neuroendocrine tumour",
            "contains",
        ),
    ],
)
def test_a_verb_after_and_is_no_second_place(
    sentence: str, listed: str, final: str, verb: str
) -> None:
    found = cards(sentence, listed, final)
    places = [a for _, _, t in found["common-site"] for a in answers(t)]
    assert places
    assert not [p for p in places if verb in p]


@pytest.mark.parametrize(
    ("sentence", "listed", "final"),
    [
        (
            "Thyroid nodules lie within the thyroid capsule and often calcify.",
            "Exophytic thyroid nodule",
            "Parathyroid adenoma",
        ),
        (
            "Lymphatic malformations lie in the posterior triangle.",
            "Cystic lymphatic malformation",
            "Branchial cleft cyst",
        ),
    ],
)
def test_a_bare_plural_of_the_class_gives_no_split(sentence: str, listed: str, final: str) -> None:
    found = cards(sentence, listed, final)
    assert not found.get("common-site")
    # The sentence still tells the listed kind from the case's disease.
    assert found["distinguishing-feature"]


@pytest.mark.parametrize(
    ("sentence", "listed", "final", "feature"),
    [
        (
            "Oligodendroglioma also involves the cortex but more often contains calcification.",
            "Oligodendroglioma",
            "Dysembryoplastic neuroepithelial tumour",
            "calcification",
        ),
        (
            "Chondrosarcoma also scallops the cortex but more commonly shows cortical destruction.",
            "Chondrosarcoma",
            "Enchondroma",
            "cortical destruction",
        ),
    ],
)
def test_a_feature_graded_against_the_case_stays_distinguishing(
    sentence: str, listed: str, final: str, feature: str
) -> None:
    found = cards(sentence, listed, final)
    assert not [k for _, k, _ in found.get("sequence-appearance", []) if k.endswith("-appearance")]
    assert any(feature in a for _, _, t in found["distinguishing-feature"] for a in answers(t))
