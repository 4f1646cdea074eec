"""Round 14 of the subject reader: a sentence opening with a listed differential's name is about
that differential, whatever the sentence before was about."""

from __future__ import annotations

import pytest


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
