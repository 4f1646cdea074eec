from __future__ import annotations

import textwrap

from deckbuilder.model import Block, BlockKind, SectionKind, SourceLocation
from deckbuilder.sentences import figure_labels, split_sentences


def block(markdown: str, line: int = 10) -> Block:
    markdown = textwrap.dedent(markdown).strip()
    text = " ".join(markdown.split())
    return Block(BlockKind.PARAGRAPH, text, markdown, SourceLocation("content/x.md", line))


def texts(markdown: str) -> list[str]:
    return [s.text for s in split_sentences(block(markdown), SectionKind.DISCUSSION)]


def test_abbreviations_and_decimals_do_not_end_a_sentence() -> None:
    got = texts(
        """
        Cysts vs. solid masses are told apart on ultrasound, e.g. by flow. The lesion measured
        2.5 cm (approx. 3 cm on CT). Compare Fig. 3 with the prior study, i.e. the baseline.
        """
    )
    assert got == [
        "Cysts vs. solid masses are told apart on ultrasound, e.g. by flow.",
        "The lesion measured 2.5 cm (approx. 3 cm on CT).",
        "Compare Fig. 3 with the prior study, i.e. the baseline.",
    ]


def test_lines_and_figures_are_recorded() -> None:
    sentences = split_sentences(
        block(
            """
            The nodule was bright on T2WI (Figure 2b).
            It enhanced avidly
            (Figures 3a–c). No calcification.
            """
        ),
        SectionKind.IMAGING_FINDINGS,
    )
    assert [s.location.line for s in sentences] == [10, 11, 12]
    assert sentences[0].figure_labels == ("Figure 2b",)
    assert sentences[1].figure_labels == ("Figure 3a", "Figure 3b", "Figure 3c")
    assert sentences[1].text.endswith("(Figures 3a–c).")
    assert all(s.section is SectionKind.IMAGING_FINDINGS for s in sentences)


def test_figure_label_forms() -> None:
    assert figure_labels("(Figures 1 and 2)") == ("Figure 1", "Figure 2")
    assert figure_labels("(Fig. 4a, 4b)") == ("Figure 4a", "Figure 4b")
    assert figure_labels("no figure here") == ()


def test_sentence_ending_in_mr_or_units_still_splits() -> None:
    assert len(texts("The mass was seen on MR. The echo time was 20 ms. Follow-up was clear.")) == 3
