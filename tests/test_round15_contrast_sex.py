"""Round 15: the split of a differential's sentence keeps the sex reader's own guards, through
its public check :func:`deckbuilder.extract.sex.predominance_allowed`."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deckbuilder.extract import case_sentences
from deckbuilder.extract.base import CaseContext
from deckbuilder.extract.sex import predominance_allowed
from deckbuilder.lexicon import load_lexicon
from tests.extract_helpers import facts_of, make_case

LEXICON = load_lexicon()


def context(final: str) -> CaseContext:
    case = make_case("A short opening sentence.", final=final)
    return CaseContext(
        case=case, sentences=tuple(case_sentences(case)), lexicon=LEXICON, subject=final
    )


def test_a_case_of_a_one_sex_organ_teaches_no_predominance_of_its_differentials() -> None:
    ovary = context("Dysgerminoma of the right ovary")
    assert not predominance_allowed(ovary, "Yolk sac tumour", "It mostly affects young women.")
    # Weighing both sexes is still a fact about the sexes.
    assert predominance_allowed(ovary, "Lymphoma", "It is commoner in men than in women.")


def test_a_differential_of_a_one_sex_organ_teaches_no_predominance() -> None:
    brain = context("Glioblastoma")
    assert not predominance_allowed(brain, "Testicular metastasis", "It is seen in young men.")
    assert predominance_allowed(brain, "Meningioma", "It is seen mostly in middle-aged women.")


def test_a_stated_equality_teaches_no_predominance() -> None:
    brain = context("Glioblastoma")
    assert not predominance_allowed(brain, "Lymphoma", "Men and women are equally affected by it.")


def test_a_split_differential_sentence_in_an_ovarian_case_gives_no_sex_card() -> None:
    case = make_case(
        "Dysgerminoma is the commonest malignant germ cell tumour of the ovary. "
        "A yolk sac tumour affects girls and raises the serum alpha-fetoprotein.",
        differentials=("Yolk sac tumour",),
        final="Dysgerminoma of the left ovary",
    )
    assert not [f for f in facts_of(case, "sex-predominance") if "yolk" in f.subject.lower()]
    # Outside a one-sex organ the same shape gives the differential its sex card.
    case = make_case(
        "Pilocytic astrocytoma is a tumour of childhood. "
        "A germinoma affects boys and raises the serum beta-hCG.",
        differentials=("Germinoma",),
        final="Pilocytic astrocytoma",
    )
    assert [f for f in facts_of(case, "sex-predominance") if "germinoma" in f.subject.lower()]


def _sex_answers(
    discussion: str, differential: str, final: str, title: str = "", areas: tuple[str, ...] = ()
) -> set[str]:
    case = make_case(discussion, differentials=(differential,), final=final)
    meta = replace(case.meta, title=title or case.meta.title, areas=areas)
    return {a for f in facts_of(replace(case, meta=meta), "sex-predominance") for a in f.answers()}


@pytest.mark.parametrize(
    ("discussion", "differential", "final", "title", "areas"),
    [
        # Breast: the organ named by the final diagnosis.
        (
            "Fibroadenoma is the commonest solid breast mass of young patients. Invasive lobular "
            "carcinoma is often occult on mammography and mostly affects postmenopausal women.",
            "Invasive lobular carcinoma",
            "Fibroadenoma of the right breast",
            "",
            (),
        ),
        # Breast: only the area of interest names the organ.
        (
            "Lipoma is a soft, fatty, encapsulated mass. A hamartoma shows fat and glandular "
            "tissue and is seen mainly in middle-aged women.",
            "Hamartoma",
            "Lipoma",
            "",
            ("Breast",),
        ),
        # Ovary: only the title names the organ.
        (
            "Mature cystic teratoma contains fat and a Rokitansky nodule. An endometrioma shows "
            "shading on T2 and affects women of reproductive age.",
            "Endometrioma",
            "Mature cystic teratoma",
            "Right adnexal mass with fat in a 30-year-old",
            (),
        ),
        # Uterus.
        (
            "Leiomyoma is the commonest tumour of the myometrium. A leiomyosarcoma grows fast "
            "and is seen in older women.",
            "Leiomyosarcoma",
            "Degenerated leiomyoma",
            "Enlarging uterine mass",
            (),
        ),
        # Prostate: the area of interest.
        (
            "Benign hyperplasia enlarges the transition zone. Granulomatous prostatitis may "
            "mimic cancer and is seen in older men after BCG therapy.",
            "Granulomatous prostatitis",
            "Benign hyperplasia",
            "",
            ("Prostate",),
        ),
        # Testis.
        (
            "Seminoma is a homogeneous hypoechoic mass. Lymphoma is often bilateral and affects "
            "elderly men.",
            "Lymphoma",
            "Seminoma of the left testis",
            "",
            (),
        ),
    ],
)
def test_a_case_of_a_one_sex_organ_gives_its_differentials_no_sex_card(
    discussion: str, differential: str, final: str, title: str, areas: tuple[str, ...]
) -> None:
    assert not _sex_answers(discussion, differential, final, title, areas)


@pytest.mark.parametrize(
    ("discussion", "differential", "final", "title", "areas"),
    [
        # The same shapes in cases of organs both sexes have: the differential's sex is a fact.
        (
            "Lipoma is a soft, fatty, encapsulated mass. A hamartoma shows fat and glandular "
            "tissue and is seen mainly in middle-aged women.",
            "Hamartoma",
            "Lipoma",
            "Incidental fatty mass in a pregnant patient",
            ("Musculoskeletal system",),
        ),
        (
            "Seminoma is a homogeneous hypoechoic mass. Lymphoma is often bilateral and affects "
            "elderly men.",
            "Lymphoma",
            "Orbital pseudotumour",
            "",
            ("Head and neck",),
        ),
    ],
)
def test_the_same_sentence_outside_a_one_sex_organ_gives_a_sex_card(
    discussion: str, differential: str, final: str, title: str, areas: tuple[str, ...]
) -> None:
    assert _sex_answers(discussion, differential, final, title, areas)
