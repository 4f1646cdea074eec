"""Wordings of the general fact kinds beyond the first authors' habits.

Each class of wording is tested on sentences of our own from several areas, with the near misses
that must give no card: negated, hedged, about another entity, or about the author's own case.
"""

from __future__ import annotations

import pytest
from extract_helpers import facts_of, make_case, marked


def only(discussion: str, kind: str, **kwargs: object) -> list[str]:
    case = make_case(discussion, **kwargs)  # type: ignore[arg-type]
    return [marked(f) for f in facts_of(case, kind)]


# --- sign -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "hidden"),
    [
        (
            "Barium studies show the apple-core sign, with a short annular narrowing and "
            "overhanging edges.",
            "apple-core sign",
        ),
        (
            "On T2WI a thin dark rim around the nodule, the halo sign, is typical.",
            "halo sign",
        ),
        (
            "The crescent sign of a subchondral fracture line is the earliest radiographic clue.",
            "crescent sign",
        ),
        (
            "The lesion lies within the cortex; its intraosseous origin is shown by the "
            "buttress sign.",
            "buttress sign",
        ),
        (
            "Angiography of the renal arteries produces a pile-of-plates appearance.",
            "pile-of-plates appearance",
        ),
    ],
)
def test_a_sign_anywhere_in_a_sentence_that_says_what_it_shows(sentence: str, hidden: str) -> None:
    (card,) = only(f"Colon carcinoma is a malignant epithelial tumour. {sentence}", "sign")
    assert f"{{{{c1::{hidden}}}}}" in card


def test_a_sign_of_the_patient_names_this_case() -> None:
    case = make_case(
        "Pyloric stenosis is a hypertrophy of the pyloric muscle.",
        findings="Ultrasound showed a thickened muscle around the mucosa, a shoulder sign.",
        history="A 6-week-old boy with projectile vomiting.",
        final="Pyloric stenosis",
    )
    (card,) = [marked(f) for f in facts_of(case, "sign")]
    assert card.startswith("In this case (6-week-old boy), ultrasound showed")
    assert card.endswith("a {{c1::shoulder sign}}.")


def test_a_key_finding_is_hidden_and_the_entity_named() -> None:
    (card,) = only(
        "Ankylosing spondylitis is a seronegative arthropathy. Erosion of the sacroiliac joints "
        "is the earliest radiographic sign and precedes fusion.",
        "sign",
        final="Ankylosing spondylitis",
    )
    assert card.startswith("In ankylosing spondylitis, {{c1::erosion of the sacroiliac joints}}")


@pytest.mark.parametrize(
    "sentence",
    [
        # a plain quality, not a named pattern
        "CT shows a heterogeneous appearance with a reticular pattern.",
        # negated and hedged
        "Radiographs do not show the apple-core sign.",
        "Ultrasound possibly shows the halo sign, with a thin dark rim.",
        # a list of signs describes none of them
        "The signs of obstruction are the string sign, the beak sign, and dilated loops.",
        # the author's own case
        "In our patient, CT showed the target sign, with concentric rings.",
        # a pronoun is no finding
        "It is the earliest sign of relapse.",
    ],
)
def test_no_sign_card_from_qualities_negations_lists_or_pronouns(sentence: str) -> None:
    assert only(f"Colon carcinoma is a malignant epithelial tumour. {sentence}", "sign") == []


def test_a_sign_sentence_about_another_entity_names_it() -> None:
    (card,) = only(
        "Takayasu arteritis is a large-vessel vasculitis. Polyarteritis nodosa produces a "
        "microaneurysm-rich appearance of the renal arteries.",
        "sign",
        final="Takayasu arteritis",
        differentials=("Polyarteritis nodosa",),
    )
    assert card.startswith("Polyarteritis nodosa produces")


# --- common-site ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "hidden"),
    [
        ("Sarcoidosis shows a marked predilection for the upper lobes.", ["upper lobes"]),
        (
            "The hilar nodes, the paratracheal nodes and the lung apices are the most frequently "
            "involved sites.",
            ["hilar nodes", "paratracheal nodes", "lung apices"],
        ),
        (
            "The disease arises almost exclusively in the lungs, most often in their upper zones.",
            ["lungs", "upper zones"],
        ),
        ("The right lung is involved more often than the left.", ["right lung"]),
        (
            "Nodes are the usual site, and the right paratracheal station is the single most "
            "common site.",
            ["nodes", "right paratracheal station"],
        ),
        (
            "The hilar nodes, particularly the right, are the most commonly involved sites, "
            "followed by the common carotid arteries.",
            ["hilar nodes", "common carotid arteries"],
        ),
    ],
)
def test_site_wordings(sentence: str, hidden: list[str]) -> None:
    (card,) = only(
        f"Sarcoidosis is a granulomatous disease. {sentence}", "common-site", final="Sarcoidosis"
    )
    for index, term in enumerate(hidden, start=1):
        assert f"{{{{c{index}::{term}}}}}" in card
    assert f"{{{{c{len(hidden) + 1}::" not in card


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no predilection for the upper lobes.",
        "Sarcoidosis shows a predilection for the elderly.",
        "Metastases most often involve the liver and the bones.",
        "Aneurysms mainly affect the ascending aorta.",
        "In our patients the disease mostly involved the upper lobes.",
        "Tuberculosis, in contrast, usually involves the upper lobes.",
        "The right lung is possibly involved more often than the left.",
        # no comma to tell three items apart
        "It typically involves the mid and distal renal and internal carotid arteries.",
    ],
)
def test_no_site_card_from_negations_people_other_lesions_or_contrasts(sentence: str) -> None:
    assert (
        only(
            f"Sarcoidosis is a granulomatous disease. {sentence}",
            "common-site",
            final="Sarcoidosis",
            differentials=("Tuberculosis",),
        )
        == []
    )


# --- distinguishing-feature -----------------------------------------------------------------------


def test_an_entity_set_against_the_topic_is_named_with_it() -> None:
    (card,) = only(
        "Osteoid osteoma is a small benign bone tumour. A stress fracture, in contrast, shows a "
        "linear lucency, is periosteal and usually involves the tibial shaft.",
        "distinguishing-feature",
        final="Osteoid osteoma",
        differentials=("Stress fracture",),
    )
    assert card.startswith("Unlike osteoid osteoma, a stress fracture shows a {{c1::linear")
    assert "is {{c2::periosteal}}" in card and "the {{c3::tibial shaft}}" in card


def test_unlike_opening_a_sentence() -> None:
    (card,) = only(
        "Chondroblastoma is an epiphyseal tumour. Unlike giant cell tumour, chondroblastoma "
        "typically has a sclerotic rim.",
        "distinguishing-feature",
        final="Chondroblastoma",
    )
    assert card == (
        "Unlike giant cell tumour, chondroblastoma typically has a {{c1::sclerotic rim}}."
    )


def test_a_feature_that_separates_two_entities() -> None:
    (card,) = only(
        "Hydatid cyst is a parasitic infection. A floating membrane is the key finding that "
        "separates a hydatid cyst from a simple cyst.",
        "distinguishing-feature",
        final="Hydatid cyst",
    )
    assert card.startswith("{{c1::A floating membrane}} is the key finding that separates")
    assert "from a simple cyst" in card


def test_the_most_useful_feature_for_distinguishing_it() -> None:
    (card,) = only(
        "Lipoma is a benign fatty tumour. Lipoma is uniformly fatty; this is the most useful "
        "feature for distinguishing it from liposarcoma, which usually has thick septa.",
        "distinguishing-feature",
        final="Lipoma",
    )
    assert "{{c1::uniformly fatty}}" in card and "{{c2::thick septa}}" in card


@pytest.mark.parametrize(
    "sentence",
    [
        "Unlike giant cell tumour, chondroblastoma does not have a sclerotic rim.",
        "A stress fracture, in contrast, may possibly show a linear lucency.",
        "Osteoblastoma can look identical on CT.",
        "Osteoblastoma is histologically similar.",
        "Osteoblastoma was the main alternative.",
        "Osteoblastoma is the main differential diagnosis.",
        "It, in contrast, shows a linear lucency.",
    ],
)
def test_no_distinguishing_card_from_negations_hedges_or_vague_terms(sentence: str) -> None:
    assert (
        only(
            f"Osteoid osteoma is a small benign bone tumour. {sentence}",
            "distinguishing-feature",
            final="Osteoid osteoma",
            differentials=("Osteoblastoma", "Stress fracture"),
        )
        == []
    )


# --- complication and prognostic-feature ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "hidden"),
    [
        (
            "Survivors often suffer from hearing loss and seizures.",
            "complication",
            ["hearing loss", "seizures"],
        ),
        (
            "Delayed diagnosis leads to perforation and sepsis.",
            "complication",
            ["perforation", "sepsis"],
        ),
        (
            "The tumour spreads by direct extension into the portal vein.",
            "complication",
            ["portal vein"],
        ),
        ("It tends to invade the hepatic veins.", "complication", ["hepatic veins"]),
        (
            "Metastases most often involve the lungs and the bones.",
            "complication",
            ["lungs", "bones"],
        ),
        (
            "Malignant transformation occurs in fewer than 2% of cases.",
            "complication",
            ["Malignant transformation"],
        ),
        (
            "Vascular invasion and a high alpha-fetoprotein level predict a poor outcome.",
            "prognostic-feature",
            ["Vascular invasion", "high alpha-fetoprotein level"],
        ),
        (
            "Multifocality, vascular invasion and severe cirrhosis are poor prognostic factors.",
            "prognostic-feature",
            ["Multifocality", "vascular invasion", "severe cirrhosis"],
        ),
        (
            "Tumour size and grade are the main adverse prognostic factors.",
            "prognostic-feature",
            ["Tumour size", "grade"],
        ),
        ("The five-year survival exceeds 60%.", "prognostic-feature", ["60%"]),
        ("Untreated, mortality exceeds 90%.", "prognostic-feature", ["90%"]),
    ],
)
def test_complication_and_prognosis_wordings(sentence: str, kind: str, hidden: list[str]) -> None:
    (card,) = only(
        f"Hepatoblastoma is a malignant liver tumour. {sentence}", kind, final="Hepatoblastoma"
    )
    for index, term in enumerate(hidden, start=1):
        assert f"{{{{c{index}::{term}}}}}" in card or f"{{{{c{index}::{term.lower()}}}}}" in card
    assert f"{{{{c{len(hidden) + 1}::" not in card


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Survivors do not suffer from hearing loss.", "complication"),
        ("Delayed diagnosis possibly leads to perforation.", "complication"),
        ("The tumour never spreads by direct extension into the portal vein.", "complication"),
        ("In our patient, metastases most often involved the lungs.", "complication"),
        ("Malignant transformation has not been reported.", "complication"),
        ("Tumour size does not predict a poor outcome.", "prognostic-feature"),
        ("Tumour size is not a poor prognostic factor.", "prognostic-feature"),
        ("In our series, the five-year survival was 60%.", "prognostic-feature"),
        ("Survival exceeds expectations.", "prognostic-feature"),
    ],
)
def test_no_complication_or_prognosis_from_negations_or_our_series(
    sentence: str, kind: str
) -> None:
    assert only(f"Hepatoblastoma is a malignant liver tumour. {sentence}", kind) == []


# --- risk-factor and association lists ------------------------------------------------------------


def test_as_well_as_keeps_the_item_in_the_list() -> None:
    (card,) = only(
        "Cholangiocarcinoma is a bile duct cancer. Risk factors include primary sclerosing "
        "cholangitis and liver flukes, as well as choledochal cysts.",
        "risk-factor",
    )
    assert "{{c1::primary sclerosing cholangitis}}" in card
    assert "{{c2::liver flukes}}" in card and "{{c3::choledochal cysts}}" in card


def test_items_that_also_increase_the_risk() -> None:
    (card,) = only(
        "Cholangiocarcinoma is a bile duct cancer. Hepatolithiasis and chronic hepatitis B also "
        "increase the risk.",
        "risk-factor",
    )
    assert "{{c1::hepatolithiasis}}" in card.lower() and "{{c2::chronic hepatitis B}}" in card


@pytest.mark.parametrize(
    "sentence",
    [
        # the risk of something else
        "Smoking and alcohol also increase the risk of pancreatitis.",
        "Hepatolithiasis does not increase the risk.",
        "In our patient, hepatolithiasis increased the risk.",
    ],
)
def test_no_risk_card_for_another_risk_or_a_negation(sentence: str) -> None:
    assert only(f"Cholangiocarcinoma is a bile duct cancer. {sentence}", "risk-factor") == []


def test_a_condition_associated_with_the_entity_as_object() -> None:
    (card,) = only(
        "Pancreatic neuroendocrine tumour is a rare pancreatic neoplasm. Multiple endocrine "
        "neoplasia type 1 is associated with multiple pancreatic neuroendocrine tumours.",
        "association",
        final="Pancreatic neuroendocrine tumour",
    )
    assert card.startswith("{{c1::Multiple endocrine neoplasia type 1}} is associated with")


def test_no_association_when_the_object_is_something_else() -> None:
    assert (
        only(
            "Pancreatic neuroendocrine tumour is a rare pancreatic neoplasm. Multiple endocrine "
            "neoplasia type 1 is associated with parathyroid adenomas.",
            "association",
            final="Pancreatic neuroendocrine tumour",
        )
        == []
    )


# --- definition -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "hidden"),
    [
        (
            "Meningioma is the second most common intracranial tumour after glioma.",
            ["second most common intracranial tumour", "glioma"],
        ),
        (
            "Meningioma is the most common cause of a dural-based mass.",
            ["dural-based mass"],
        ),
        (
            "Meningioma is the partial or complete encasement of a dural sinus by tumour.",
            ["partial or complete encasement of a dural sinus"],
        ),
    ],
)
def test_definition_hides_the_informative_part(sentence: str, hidden: list[str]) -> None:
    (card,) = only(sentence, "definition", final="Meningioma")
    for index, term in enumerate(hidden, start=1):
        assert f"{{{{c{index}::{term}}}}}" in card
    assert f"{{{{c{len(hidden) + 1}::" not in card


@pytest.mark.parametrize(
    "sentence",
    [
        "Meningioma is the main alternative.",
        "Meningioma is the main differential diagnosis.",
        "Meningioma is the tumour most likely to calcify in this location.",
        "Meningioma is not a glial tumour.",
        "Meningioma is possibly a reactive lesion.",
    ],
)
def test_no_vague_negated_or_clausal_definition(sentence: str) -> None:
    assert only(sentence, "definition", final="Meningioma") == []


def test_a_lesion_of_bone_keeps_its_site_visible() -> None:
    (card,) = only("Enchondroma is a benign cartilage lesion of bone.", "definition")
    assert card == "Enchondroma is a {{c1::benign cartilage lesion}} of bone."
