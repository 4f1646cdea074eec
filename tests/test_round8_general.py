"""Round 8: general fact kinds inside long clauses, telegraphic lines and differentials' clauses.

Every fixture is written for these tests, on diseases from other areas of radiology than the
tuning sets, in at least two wordings; negative cases check that no card is made.
"""

from __future__ import annotations

from extract_helpers import discussion_answers as _flat
from extract_helpers import discussion_facts as _facts
from extract_helpers import facts_of, make_case

from deckbuilder.model import Fact

# sign: a named pattern inside a long chained clause is cut to its own comma part

_LONG_FNH = (
    "Focal nodular hyperplasia is a benign hepatic lesion. On imaging it is a well-marginated "
    "homogeneous lesion with a central scar that is bright on T2-weighted images, while on "
    "angiography the feeding arteries form a spoke-wheel pattern, and on delayed images the scar "
    "retains contrast, which is a useful clue in most cases; it is managed conservatively."
)


def test_a_named_pattern_in_a_long_clause_gets_a_short_card() -> None:
    facts = _facts(_LONG_FNH, "Focal nodular hyperplasia", "sign")
    assert [f.answers() for f in facts] == [("spoke-wheel pattern",)]
    text = facts[0].text
    assert "focal nodular hyperplasia" in text.lower()
    assert "delayed images" not in text and "while" not in text
    assert len(text) < 120


def test_a_named_sign_in_a_long_clause_in_another_wording() -> None:
    text = (
        "Intussusception is the telescoping of a bowel segment into the next. On ultrasound the "
        "mass lies in the right abdomen and is mobile in most children examined with a linear "
        "probe, whereas on transverse images the layered bowel walls produce a target sign, and "
        "colour Doppler may show preserved flow in the trapped mesentery in most early cases."
    )
    facts = _facts(text, "Ileocolic intussusception", "sign")
    assert [f.answers() for f in facts] == [("target sign",)]
    assert facts[0].text.lower().startswith("in intussusception, on transverse images")


def test_a_long_clause_whose_sign_part_opens_with_a_pronoun_stays_whole_or_gives_nothing() -> None:
    text = _LONG_FNH.replace("while on angiography the feeding arteries", "which on angiography")
    for fact in _facts(text, "Focal nodular hyperplasia", "sign"):
        assert not fact.text.lower().startswith("in focal nodular hyperplasia, which")


def test_a_denied_pattern_in_a_long_clause_gives_no_card() -> None:
    text = _LONG_FNH.replace("the feeding arteries form", "the feeding arteries do not form")
    assert _facts(text, "Focal nodular hyperplasia", "sign") == []


# sign: a quoted figure of speech shaping the organ named after it


def test_a_quoted_shape_before_an_organ_is_a_sign() -> None:
    text = (
        "Achalasia is a motility disorder of the oesophagus. Barium swallow: dilated oesophagus "
        'tapering smoothly to a "bird beak" oesophagus at the cardia.'
    )
    assert _flat(text, "Achalasia", "sign") == {"bird beak"}
    arrow = (
        "Ulcerative colitis is a chronic inflammatory bowel disease. Long-standing disease -> "
        'shortened, ahaustral "lead pipe" colon on the enema.'
    )
    assert _flat(arrow, "Ulcerative colitis", "sign") == {"lead pipe"}


def test_a_quoted_phrase_before_no_organ_or_of_one_word_is_no_sign() -> None:
    policy = (
        'Achalasia is a motility disorder of the oesophagus. A "watch and wait" policy is '
        'chosen in frail patients, and a "dilated" oesophagus alone proves nothing.'
    )
    assert _facts(policy, "Achalasia", "sign") == []


# common-site: telegraphic share lines


def test_a_telegraphic_share_line_gives_its_sites() -> None:
    text = (
        "Crohn disease is a chronic transmural inflammatory bowel disease. Ileocolic disease in "
        "about 40%; terminal ileum involvement in 30%."
    )
    assert _flat(text, "Crohn disease", "common-site") == {"ileocolic", "terminal ileum"}
    bracketed = (
        "Moyamoya disease is a progressive arteriopathy of the circle of Willis. Anterior circulation "
        "(carotid) involvement in ~90% of cases."
    )
    assert _flat(bracketed, "Moyamoya disease", "common-site") == {"anterior circulation"}


def test_a_share_line_of_extent_or_course_is_no_site() -> None:
    for line in ("Bilateral disease in 20%.", "Familial disease in about 5%.", "Disease in 5%."):
        text = "Crohn disease is a chronic transmural inflammatory bowel disease. " + line
        assert _facts(text, "Crohn disease", "common-site") == []


# facts of a listed differential stated in its own clause or label line


def _case(discussion: str, final: str, differentials: list[str]) -> list[Fact]:
    case = make_case(discussion=discussion, final=final, differentials=tuple(differentials))
    return [f for kind in ("risk-factor", "association") for f in facts_of(case, kind)]


def test_a_differential_clause_gives_the_differential_its_population() -> None:
    text = (
        "Toxoplasmosis is the commonest opportunistic infection of the brain. It causes ring "
        "lesions in the basal ganglia; and primary CNS lymphoma occurs mainly in immunosuppressed "
        "patients, lies next to the ependyma and restricts diffusion."
    )
    facts = _case(text, "Cerebral toxoplasmosis", ["Primary CNS lymphoma"])
    assert [(f.subject, f.answers()) for f in facts] == [
        ("Primary CNS lymphoma", ("immunosuppressed patients",))
    ]
    assert facts[0].text.startswith("Primary CNS lymphoma occurs")
    other = (
        "Necrotising otitis externa is an invasive infection of the skull base. It spreads along "
        "the fissures of Santorini, whereas mucormycosis of the sinuses arises typically in "
        "diabetic patients with ketoacidosis."
    )
    facts = _case(other, "Necrotising otitis externa", ["Mucormycosis"])
    assert [(f.subject, f.answers()) for f in facts] == [("Mucormycosis", ("diabetic patients",))]


def test_a_denied_population_or_the_topic_own_clause_is_not_misattributed() -> None:
    text = (
        "Toxoplasmosis is the commonest opportunistic infection of the brain. It causes ring "
        "lesions in the basal ganglia; and primary CNS lymphoma does not occur only in "
        "immunosuppressed patients."
    )
    assert _case(text, "Cerebral toxoplasmosis", ["Primary CNS lymphoma"]) == []
    own = (
        "Toxoplasmosis is the commonest opportunistic infection of the brain and occurs almost "
        "exclusively in immunocompromised patients."
    )
    facts = _case(own, "Cerebral toxoplasmosis", ["Primary CNS lymphoma"])
    assert [f.subject for f in facts] == ["Toxoplasmosis"]


def test_a_differential_label_line_gives_its_condition_or_population() -> None:
    text = (
        "Duodenal atresia is the commonest congenital duodenal obstruction.\n\n"
        "Annular pancreas: Down syndrome; extrinsic narrowing of the second part.\n\n"
        "Neonatal hypoglycaemic enteropathy: infants of diabetic mothers; dilated loops."
    )
    facts = _case(
        text, "Duodenal atresia", ["Annular pancreas", "Neonatal hypoglycaemic enteropathy"]
    )
    got = {(f.kind, f.subject, f.answers()) for f in facts}
    assert ("association", "Annular pancreas", ("Down syndrome",)) in got
    assert (
        "risk-factor",
        "Neonatal hypoglycaemic enteropathy",
        ("infants of diabetic mothers",),
    ) in got
    assert all(f.subject != "Duodenal atresia" for f in facts)


def test_a_label_line_of_the_topic_or_of_no_differential_is_no_association() -> None:
    text = (
        "Duodenal atresia is the commonest congenital duodenal obstruction.\n\n"
        "Complication: aspiration pneumonia; rarely perforation.\n\n"
        "Neonatal hypoglycaemic enteropathy: infants of diabetic mothers; dilated loops.\n\n"
        "Annular pancreas: mostly boys with trisomy 21; extrinsic narrowing.\n\n"
        "Jejunal web: partial obstruction; a windsock shape."
    )
    assert _case(text, "Duodenal atresia", ["Annular pancreas"]) == []
