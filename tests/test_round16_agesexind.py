"""Round 16: ages (an acronym of the case's name as subject, a stage of life kept beside its
number), sexes (a verb-first line, a bracketed ratio, a share of the patients, "more affected
than"), indications (a treatment word that only times another, a duration, "N mm or more", "is
an alternative in", "X should be resected if A, provided B")."""

from __future__ import annotations

import pytest

from tests.extract_helpers import discussion_answers, discussion_facts, facts_of, make_case

AGE = "age-distribution"
SEX = "sex-predominance"
IND = "surgical-indication"


# Rule: an acronym subject that opens with a word's initial of the case's name, ends with its
# head noun's initial and spells the rest in order is that name ("DAVFs" of "dural
# arteriovenous fistula").
@pytest.mark.parametrize(
    ("discussion", "final", "answer"),
    [
        (
            "A DAVF is an abnormal shunt within the dura. DAVFs are mostly diagnosed in the "
            "sixth and seventh decades.",
            "Dural arteriovenous fistula",
            "sixth and seventh decades",
        ),
        (
            "An IPMN arises from the pancreatic ducts. IPMNs are usually found in the seventh "
            "decade.",
            "Branch-duct intraductal papillary mucinous neoplasm",
            "seventh decade",
        ),
    ],
)
def test_an_acronym_of_the_case_name_is_the_case_subject(
    discussion: str, final: str, answer: str
) -> None:
    facts = discussion_facts(discussion, final, AGE)
    assert [f.answers() for f in facts] == [(answer,)]


def test_an_acronym_of_another_name_is_not_the_case_subject() -> None:
    from deckbuilder.extract.age import _acronym_of

    assert _acronym_of("DAVFs", "dural arteriovenous fistula")
    assert not _acronym_of("CCFs", "dural arteriovenous fistula")
    assert not _acronym_of("DVA", "dural arteriovenous fistula")  # ends on the wrong head
    assert not _acronym_of("Dural", "dural arteriovenous fistula")


# Rule: a group named by a stage of life is kept beside the number after it; other groups are
# restated by it.
@pytest.mark.parametrize(
    ("discussion", "final", "answers"),
    [
        (
            "Adult granulosa cell tumour is a sex cord tumour. It affects perimenopausal women, "
            "usually between 45 and 55 years.",
            "Adult granulosa cell tumour",
            ("perimenopausal women", "between 45 and 55 years"),
        ),
        (
            "Vaginal atrophy is a thinning of the epithelium. It is seen in postmenopausal "
            "women, mostly between 55 and 70 years.",
            "Vaginal atrophy",
            ("postmenopausal women", "between 55 and 70 years"),
        ),
    ],
)
def test_a_stage_of_life_is_kept_beside_its_number(
    discussion: str, final: str, answers: tuple[str, ...]
) -> None:
    facts = discussion_facts(discussion, final, AGE)
    assert [f.answers() for f in facts] == [answers]


def test_a_plain_group_is_still_restated_by_its_number() -> None:
    facts = discussion_facts(
        "Pilonidal disease is a sinus of the natal cleft. It affects young adults, usually "
        "between 20 and 30 years.",
        "Pilonidal disease",
        AGE,
    )
    assert [f.answers() for f in facts] == [("between 20 and 30 years",)]


# Rule: a line that opens on its verb takes the case's name as its subject, and a bracketed
# sex ratio after the sex shares its cloze.
@pytest.mark.parametrize(
    ("discussion", "final", "sex", "ratio"),
    [
        (
            "Oligodendroglioma is a diffuse glioma. Predominantly affects men (M:F approx. 3:2).",
            "Oligodendroglioma",
            "men",
            "M:F approx. 3:2",
        ),
        (
            "Lymphangioleiomyomatosis is a cystic lung disease. Almost exclusively affects women "
            "(F:M about 9:1).",
            "Lymphangioleiomyomatosis",
            "women",
            "F:M about 9:1",
        ),
    ],
)
def test_a_verb_first_line_names_its_subject_and_the_ratio_shares_the_cloze(
    discussion: str, final: str, sex: str, ratio: str
) -> None:
    (fact,) = discussion_facts(discussion, final, SEX)
    assert fact.text.startswith(final)
    assert fact.answers() == (sex, ratio)
    assert {c.index for c in fact.clozes} == {1}


# Rule: a share of the patients ("80% of patients are women") and the sex are one cloze; an
# amount ("twice as often") stays a question of its own.
@pytest.mark.parametrize(
    "discussion",
    [
        "Thyroid lymphoma arises in Hashimoto thyroiditis. About 80% of patients are women.",
        "Thyroid lymphoma arises in Hashimoto thyroiditis. Nearly 80% of cases occur in women.",
    ],
)
def test_a_share_of_the_patients_and_the_sex_are_one_cloze(discussion: str) -> None:
    (fact,) = discussion_facts(discussion, "Thyroid lymphoma", SEX)
    assert "women" in fact.answers()
    assert any("80%" in a for a in fact.answers())
    assert {c.index for c in fact.clozes} == {1}


def test_an_amount_stays_a_cloze_of_its_own() -> None:
    (fact,) = discussion_facts(
        "Gout is a crystal arthropathy. Men are affected about four times as often as women.",
        "Gout",
        SEX,
    )
    assert sorted(c.index for c in fact.clozes) == [1, 2]


# Rule: "<sex> are (slightly) more affected than <sex>" states a predominance; negated, none.
@pytest.mark.parametrize(
    ("discussion", "answer"),
    [
        ("Ankylosing spondylitis is a spondyloarthritis. Men are more affected than women.", "men"),
        (
            "Ankylosing spondylitis is a spondyloarthritis. Boys are slightly more affected "
            "than girls in the juvenile form.",
            "boys",
        ),
    ],
)
def test_more_affected_than_states_a_predominance(discussion: str, answer: str) -> None:
    answers = discussion_answers(discussion, "Ankylosing spondylitis", SEX)
    assert {a.lower() for a in answers} == {answer}


def test_not_more_affected_than_gives_no_card() -> None:
    assert not discussion_facts(
        "Sarcoidosis is a granulomatous disease. Men are not more affected than women.",
        "Sarcoidosis",
        SEX,
    )


# Rule: a treatment word inside a "before/after/during ..." phrase times the treatment and does
# not name it: the head must name the intervention.
@pytest.mark.parametrize(
    "sentence",
    [
        "Heparin bridging before elective surgery is recommended for patients with mechanical "
        "valves.",
        "Oral anticoagulation after catheter ablation is advised for patients with a high "
        "stroke score.",
    ],
)
def test_a_treatment_word_that_only_times_another_names_no_intervention(sentence: str) -> None:
    assert not discussion_facts(f"Atrial fibrillation is common. {sentence}", "Atrial flutter", IND)


def test_an_intervention_timed_by_another_is_still_one() -> None:
    answers = discussion_answers(
        "Paraganglioma is a vascular tumour. Embolisation before surgery is recommended for "
        "large hypervascular tumours.",
        "Paraganglioma",
        IND,
    )
    assert answers == {"large hypervascular tumours"}


# Rule: a condition that is only a duration ("for life", "for six weeks") says how long, not
# for whom: no indication.
@pytest.mark.parametrize(
    "sentence",
    [
        "Ureteric stenting is recommended for six weeks.",
        "Catheter drainage is advised for life.",
    ],
)
def test_a_duration_is_no_indication(sentence: str) -> None:
    assert not discussion_facts(f"Urinoma is a leak of urine. {sentence}", "Urinoma", IND)


def test_a_condition_after_for_is_still_one() -> None:
    answers = discussion_answers(
        "Urinoma is a leak of urine. Ureteric stenting is recommended for infected collections.",
        "Urinoma",
        IND,
    )
    assert answers == {"infected collections"}


# Rule: "<number> <unit> or more/larger" is one item: the comparative is never an item alone.
@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Repair is indicated when the sac measures 55 mm or more.", "55 mm or more"),
        ("Embolisation is advised for aneurysms of 2 cm or larger.", "2 cm or larger"),
    ],
)
def test_a_measure_or_more_is_one_item(sentence: str, wanted: str) -> None:
    answers = discussion_answers(
        f"Splenic artery aneurysm is a visceral aneurysm. {sentence}",
        "Splenic artery aneurysm",
        IND,
    )
    assert any(wanted in a for a in answers)
    assert not {"more", "larger"} & {a.lower() for a in answers}


# Rule: "X is an alternative in A in patients unfit for Y" names the option and its two
# conditions; ", or combined with Z for B" is a second use of the treatment, not a condition.
@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        (
            "Cryoablation is an alternative in small renal tumours in patients unfit for "
            "nephrectomy, or combined with embolisation for central tumours.",
            {"cryoablation", "small renal tumours", "patients unfit for nephrectomy"},
        ),
        (
            "Radiofrequency ablation is an alternative in exophytic tumours up to 4 cm.",
            {"radiofrequency ablation", "exophytic tumours up to 4 cm"},
        ),
    ],
)
def test_an_alternative_in_names_the_option_and_its_conditions(
    sentence: str, wanted: set[str]
) -> None:
    answers = discussion_answers(
        f"Renal cell carcinoma is the commonest renal cancer. {sentence}",
        "Renal cell carcinoma",
        IND,
    )
    assert {a.lower() for a in answers} == wanted


# Rule: "X should/must be <operated> if/when A" hides A; "while leaving / provided (that) /
# as long as B" adds B as a second condition; negated or "may", no card.
@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        (
            "Thymomas should be excised whenever the capsule is intact, provided that the "
            "patient can tolerate a sternotomy.",
            ("the capsule is intact", "the patient can tolerate a sternotomy"),
        ),
        (
            "Thymomas must be resected when the tumour is encapsulated, as long as the great "
            "vessels are free.",
            ("the tumour is encapsulated", "the great vessels are free"),
        ),
    ],
)
def test_should_be_resected_if_names_each_condition(sentence: str, wanted: tuple[str, ...]) -> None:
    (fact,) = discussion_facts(
        f"Thymoma is an anterior mediastinal tumour. {sentence}", "Thymoma", IND
    )
    assert fact.answers() == wanted


@pytest.mark.parametrize(
    "sentence",
    [
        "Thymomas should not be resected if the pleura is seeded.",
        "Thymomas may be resected if the capsule is intact.",
    ],
)
def test_a_negated_or_permitted_resection_gives_no_condition(sentence: str) -> None:
    assert not discussion_facts(
        f"Thymoma is an anterior mediastinal tumour. {sentence}", "Thymoma", IND
    )


# Decision: "X is the treatment of choice" with no condition keeps its card, asking the
# treatment (a role, filed with the indications); with "for Y" it asks the condition instead.
@pytest.mark.parametrize(
    ("sentence", "answers"),
    [
        (
            "Wide excision with a cuff of normal tissue is the treatment of choice and gives "
            "the best local control.",
            ("wide excision",),
        ),
        ("Wide excision is the treatment of choice for recurrent tumours.", ("recurrent tumours",)),
    ],
)
def test_a_treatment_of_choice_asks_the_treatment_unless_a_condition_is_named(
    sentence: str, answers: tuple[str, ...]
) -> None:
    (fact,) = discussion_facts(
        f"Desmoid tumour is a fibroblastic proliferation. {sentence}", "Desmoid tumour", IND
    )
    assert tuple(a.lower() for a in fact.answers()) == answers


# Rule: a relative clause after a listed differential's name, with its article or with the
# organ it arises from ("a giant cell tumour of the sacrum, which ..."), is that differential's.
@pytest.mark.parametrize(
    ("sentence", "differential", "start", "answer"),
    [
        (
            "The chief alternative is an osteoid osteoma of the femur, which usually affects "
            "adolescents.",
            "Osteoid osteoma",
            "Osteoid osteoma of the femur usually affects",
            "adolescents",
        ),
        (
            "Another differential is a giant cell tumour, which typically affects young adults.",
            "Giant cell tumour",
            "Giant cell tumour typically affects",
            "young adults",
        ),
    ],
)
def test_a_relative_clause_after_a_named_differential_is_its_age(
    sentence: str, differential: str, start: str, answer: str
) -> None:
    case = make_case(
        discussion=f"Brodie abscess is a subacute osteomyelitis. {sentence}",
        final="Brodie abscess",
        differentials=(differential, "Ewing sarcoma"),
    )
    (fact,) = facts_of(case, AGE)
    assert fact.text.startswith(start)
    assert fact.answers() == (answer,)


def test_a_relative_clause_after_an_unnamed_noun_gives_no_age() -> None:
    case = make_case(
        discussion="Brodie abscess is a subacute osteomyelitis. The lesion can mimic a cyst, "
        "which is usually seen in older adults.",
        final="Brodie abscess",
        differentials=("Osteoid osteoma",),
    )
    assert not facts_of(case, AGE)


# Rule: a clause whose subject is a disease named before its site ("<disease> of the <site>")
# is that disease's, never the paragraph topic's.
@pytest.mark.parametrize(
    "sentence",
    [
        "Lymphoma of the orbit or lacrimal gland affects older adults and moulds to the globe.",
        "Chondrosarcoma of the skull base or petrous apex affects middle-aged adults.",
    ],
)
def test_a_disease_named_before_its_site_is_no_topic_age(sentence: str) -> None:
    facts = discussion_facts(
        "Orbital cavernous venous malformation is a slow-flow lesion. It is well "
        f"circumscribed and enhances progressively. {sentence}",
        "Orbital cavernous venous malformation",
        AGE,
    )
    assert all("In orbital cavernous" not in f.text for f in facts)
