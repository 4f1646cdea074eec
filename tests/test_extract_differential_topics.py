"""A card about a differential entity names that entity, never the case's disease.

Every sentence here is written for these tests (neuro, kidney, gynae, chest and other areas).
"""

from __future__ import annotations

from extract_helpers import facts_of, make_case

from deckbuilder.extract import case_sentences
from deckbuilder.extract.subject import (
    discourse,
    is_disease_like,
    match_entity,
    prepare,
    resolve_subject,
    sentence_subject,
)
from deckbuilder.extract.text import case_summary
from deckbuilder.extract.vignette import vignette
from deckbuilder.lexicon import load_lexicon
from deckbuilder.model import CaseNote, Patient, SectionKind

LEX = load_lexicon()


def _prepared(case: CaseNote) -> list[tuple[str, str]]:
    """(text, entity) of every Discussion sentence, as rules see them."""
    sentences = case_sentences(case)
    disc = discourse(case, resolve_subject(case, sentences, LEX), LEX)
    return [prepare(disc, s, LEX) for s in sentences if s.section is SectionKind.DISCUSSION]


def _about(case: CaseNote, fragment: str) -> tuple[str, str]:
    (hit,) = [(t, e) for t, e in _prepared(case) if fragment in t]
    return hit


NEURO = make_case(
    """
    Pilocytic astrocytoma is the commonest primary brain tumour of childhood. It usually
    arises in the cerebellum as a cyst with an enhancing mural nodule.

    Medulloblastoma is the main alternative in the posterior fossa. It arises from the vermis
    and fills the fourth ventricle. Its solid part restricts diffusion strongly.
    """,
    differentials=("Medulloblastoma", "Ependymoma"),
    final="Pilocytic astrocytoma",
)


def test_neuro_paragraph_opening_with_a_differential_is_about_it() -> None:
    text, entity = _about(NEURO, "fills the fourth ventricle")
    assert entity == "Medulloblastoma"
    assert "astrocytoma" not in text
    text, entity = _about(NEURO, "restricts diffusion")
    assert entity == "Medulloblastoma"
    assert "astrocytoma" not in text.lower()


KIDNEY = make_case(
    """
    Angiomyolipoma is the commonest benign solid renal tumour. Macroscopic fat on CT is
    diagnostic.

    Tumour size and histological grade are the strongest predictors of bleeding.

    A papillary renal cell carcinoma, however, is hypovascular and homogeneous. It is
    hypointense on T2WI.
    """,
    differentials=("Papillary renal cell carcinoma", "Oncocytoma"),
    final="Renal angiomyolipoma",
)


def test_kidney_coordinated_properties_name_no_entity() -> None:
    text, entity = _about(KIDNEY, "predictors of bleeding")
    assert "grade" not in entity.lower() and "size" not in entity.lower()
    assert not text.lower().startswith("in tumour size")


def test_kidney_differential_after_an_aside_is_the_subject() -> None:
    assert (
        sentence_subject("A papillary renal cell carcinoma, however, is hypovascular.", LEX)
        == "A papillary renal cell carcinoma"
    )
    text, entity = _about(KIDNEY, "hypovascular")
    assert entity == "Papillary renal cell carcinoma"
    assert not text.startswith("In ")
    text, entity = _about(KIDNEY, "hypointense on T2WI")
    assert entity == "Papillary renal cell carcinoma"
    assert "angiomyolipoma" not in text.lower()


def test_kidney_unnamed_paragraph_after_a_differential_returns_to_the_case_subject() -> None:
    case = make_case(
        """
        Angiomyolipoma is the commonest benign solid renal tumour.

        A papillary renal cell carcinoma is hypovascular.

        Selective embolisation is advised for lesions larger than 4 cm.
        """,
        differentials=("Papillary renal cell carcinoma",),
        final="Angiomyolipoma",
    )
    text, entity = _about(case, "embolisation")
    assert entity == "Angiomyolipoma"
    assert text.startswith("In angiomyolipoma, ")


def test_an_event_named_late_in_a_paragraph_does_not_carry_into_the_next() -> None:
    case = make_case(
        """
        Osteoid osteoma is a small benign bone-forming tumour of young people. Night pain
        relieved by aspirin is typical. Scoliosis is the presenting sign in spinal lesions.

        On CT the nidus is a small lucent focus, often with central mineralisation.
        """,
        differentials=("Brodie abscess",),
        final="Osteoid osteoma of the femoral neck, with scoliosis",
    )
    text, entity = _about(case, "nidus")
    assert entity == "Osteoid osteoma"
    assert text.startswith("In osteoid osteoma, ")


def test_a_paragraph_that_comes_round_to_the_case_disease_carries_it() -> None:
    case = make_case(
        """
        Hyperparathyroidism raises serum calcium. A parathyroid adenoma is its usual cause.

        On ultrasound the gland is an oval hypoechoic nodule behind the thyroid.
        """,
        differentials=("Thyroid nodule",),
        final="Parathyroid adenoma",
    )
    _, entity = _about(case, "oval hypoechoic")
    assert entity.lower() == "parathyroid adenoma"


GYNAE = make_case(
    """
    Endometrioma is an ovarian cyst lined by ectopic endometrial tissue. It is bilateral in
    about a third of patients.

    A thick-walled adnexal collection with fever should instead suggest a tubo-ovarian
    abscess. This usually follows pelvic inflammatory disease.
    """,
    differentials=("Tubo-ovarian abscess", "Haemorrhagic cyst"),
    final="Ovarian endometrioma",
)


def test_gynae_paragraph_opening_by_naming_a_differential_is_about_it() -> None:
    text, entity = _about(GYNAE, "should instead suggest")
    assert entity == "Tubo-ovarian abscess"
    assert "endometrioma" not in text.lower()
    text, entity = _about(GYNAE, "pelvic inflammatory disease")
    assert entity == "Tubo-ovarian abscess"
    assert text.startswith("In tubo-ovarian abscess, ")


def test_gynae_case_subject_named_with_the_differential_keeps_the_paragraph() -> None:
    case = make_case(
        """
        Endometrioma is an ovarian cyst lined by ectopic endometrial tissue.

        Unlike a haemorrhagic cyst, an endometrioma does not resolve on follow-up.
        """,
        differentials=("Haemorrhagic cyst",),
        final="Endometrioma",
    )
    _, entity = _about(case, "does not resolve")
    assert entity == "Endometrioma"


def test_sentence_naming_another_entity_is_not_credited_to_the_topic() -> None:
    case = make_case(
        """
        Sarcoidosis is a multisystem granulomatous disease. A lymphoma, on the other hand,
        usually encases the vessels.
        """,
        differentials=("Lymphoma", "Tuberculosis"),
        final="Sarcoidosis",
    )
    text, entity = _about(case, "encases the vessels")
    assert entity == "Lymphoma"
    assert not text.startswith("In sarcoidosis")


def test_comparison_keeps_the_topic() -> None:
    case = make_case(
        """
        Sarcoidosis is a multisystem granulomatous disease. Necrosis of the nodes is rarer
        than in tuberculosis.
        """,
        differentials=("Tuberculosis",),
        final="Sarcoidosis",
    )
    text, entity = _about(case, "rarer")
    assert entity == "Sarcoidosis"
    assert text.startswith("In sarcoidosis, ")


def test_abbreviated_differential_with_a_head_noun_is_matched_and_spelled_out() -> None:
    case = make_case(
        """
        Cerebral venous thrombosis (CVT) is an uncommon cause of stroke. An internal carotid
        artery (ICA) dissection, in contrast, presents with neck pain and Horner syndrome.
        """,
        differentials=("Spontaneous internal carotid artery dissection",),
        final="Cerebral venous thrombosis",
    )
    text, entity = _about(case, "Horner")
    assert entity == "internal carotid artery dissection"
    assert "venous thrombosis" not in text


def test_listed_differential_recognised_by_its_words_needs_no_prefix() -> None:
    case = make_case(
        """
        Osteomyelitis is an infection of bone and marrow.

        Marrow oedema around a healing insufficiency fracture can also mimic osteomyelitis.
        """,
        differentials=("Insufficiency fracture",),
        final="Osteomyelitis",
    )
    text, _ = _about(case, "healing insufficiency")
    assert text.startswith("Marrow oedema")


def test_match_entity_strips_articles_and_reads_kinds() -> None:
    entities = ["Focal nodular hyperplasia", "Acute middle cerebral artery infarct"]
    abbrs = {"FNH": "Focal nodular hyperplasia", "MCA": "middle cerebral artery"}
    assert match_entity("The focal nodular hyperplasia", entities, abbrs) == (
        "Focal nodular hyperplasia"
    )
    assert match_entity("FNH", entities, abbrs) == "Focal nodular hyperplasia"
    assert match_entity("Multiple FNH", entities, abbrs) == "Focal nodular hyperplasia"
    assert match_entity("An MCA infarct", entities, abbrs) == "middle cerebral artery infarct"
    assert match_entity("Calcification", entities, abbrs) is None


def test_disease_like_heads() -> None:
    for phrase in ("Giant cell arteritis", "Brodie abscess", "Neuroblastomas", "Sarcoidosis"):
        assert is_disease_like(phrase, LEX), phrase
    for phrase in ("Calcification", "Males", "Stage and grade", "Nodal enlargement"):
        assert not is_disease_like(phrase, LEX), phrase


def test_finding_subject_is_not_the_entity_of_a_card() -> None:
    case = make_case(
        """
        Neuroblastoma is the commonest extracranial solid tumour of infancy. Calcification
        is seen in most neuroblastomas on CT.
        """,
        final="Neuroblastoma",
    )
    _, entity = _about(case, "Calcification")
    assert entity == "Neuroblastoma"


def test_abbreviation_spelled_out_mid_sentence_is_lower_case() -> None:
    case = make_case(
        """
        Hepatocellular carcinoma (HCC) is the commonest primary liver cancer. On MR a small
        HCC is often hyperintense on DWI.
        """,
        final="Hepatocellular carcinoma",
    )
    text, _ = _about(case, "hyperintense on DWI")
    assert "small hepatocellular carcinoma" in text


def test_eponym_after_an_article_keeps_its_capital() -> None:
    case = make_case(
        """
        Osteoid osteoma is a small painful bone tumour.

        A Kummell disease is the main alternative. On radiographs an intravertebral vacuum
        cleft is typical.
        """,
        differentials=("Kummell disease",),
        final="Osteoid osteoma",
    )
    text, entity = _about(case, "vacuum cleft")
    assert entity == "Kummell disease"
    assert text.startswith("In Kummell disease, ")


def test_differential_paragraph_cards_end_to_end() -> None:
    facts = facts_of(KIDNEY)
    for fact in facts:
        if "hypovascular" in fact.text or "hypointense on T2WI" in fact.text:
            assert "angiomyolipoma" not in fact.text.lower(), fact.text
            assert fact.subject == "Papillary renal cell carcinoma", fact.subject


def test_summary_keeps_a_verb_after_who_had() -> None:
    case = make_case(
        "Sarcoidosis is a granulomatous disease.",
        history="A 52-year-old woman who had worked for 20 years in a foundry noticed a dry cough.",
        final="Sarcoidosis",
        patient=Patient(age="52 years", sex="female"),
    )
    summary = case_summary(case, LEX)
    assert "with worked" not in summary
    assert summary.startswith("52-year-old woman who had worked for 20 years in a foundry")


def test_vignette_never_cuts_between_two_adjectives() -> None:
    long_finding = (
        "Ultrasound showed a large right adnexal mass displaced towards the pouch of Douglas "
        "and abutting the uterus, containing several thin septa and a few small echogenic "
        "foci, surrounded by a thickened, hypervascular rim and a little free fluid in the "
        "pelvis and the right paracolic gutter, with an irregular, heterogeneous wall."
    )
    case = make_case(
        "Endometrioma is an ovarian cyst.",
        history="A 31-year-old woman had cyclical pelvic pain for two years.",
        findings=long_finding,
        final="Endometrioma",
        patient=Patient(age="31 years", sex="female"),
    )
    front = vignette(case, LEX)
    assert not front.rstrip(".").endswith(("thickened", "irregular"))


def test_eponyms_stay_capitalised_in_the_card_prefix() -> None:
    from deckbuilder.extract.subject import discourse
    from deckbuilder.extract.text import lower_first

    case = make_case(
        discussion=(
            "Wilms tumour is the commonest renal malignancy of childhood. "
            "It usually presents before 5 years of age."
        ),
    )
    disc = discourse(case, "Wilms tumour", LEX)
    assert lower_first("Wilms tumour", disc.proper_words) == "Wilms tumour"
    assert lower_first("Renal cell carcinoma", disc.proper_words) == "renal cell carcinoma"
