from __future__ import annotations

import os
from pathlib import Path

import pytest

from deckbuilder.media import package_name, resolve_figures
from deckbuilder.model import CaseMeta, CaseNote, Figure, SourceLocation


def case_with(*paths: str) -> CaseNote:
    meta = CaseMeta("c1", "t", SourceLocation("content/c1.md", 2))
    figures = tuple(
        Figure(f"Figure {i}", path, SourceLocation("content/c1.md", 10 + i))
        for i, path in enumerate(paths, 1)
    )
    return CaseNote(meta, (), figures)


@pytest.fixture
def media_dir(tmp_path: Path) -> Path:
    media = tmp_path / "media"
    (media / "a").mkdir(parents=True)
    (media / "b").mkdir()
    (media / "a" / "fig-1.png").write_bytes(b"first image")
    (media / "b" / "fig-1.png").write_bytes(b"second image")
    (tmp_path / "secret.png").write_bytes(b"outside")
    return media


def test_same_file_name_in_two_folders_never_collides(media_dir: Path) -> None:
    figures, problems = resolve_figures(case_with("a/fig-1.png", "b/fig-1.png"), media_dir)
    assert problems == []
    names = [figures["Figure 1"].package_name, figures["Figure 2"].package_name]
    assert names[0] != names[1]
    assert names[0] == package_name(b"first image", ".png")
    assert all(name.endswith(".png") and "/" not in name for name in names)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../secret.png", "must not contain '..'"),
        ("a/../../secret.png", "must not contain '..'"),
        ("/etc/passwd.png", "no absolute paths"),
        ("C:/x.png", "no absolute paths"),
        ("a/missing.png", "figure file not found: media/a/missing.png"),
        ("a/notes.txt", "is not an image"),
    ],
)
def test_unsafe_or_missing_paths_are_errors_at_the_figure_line(
    media_dir: Path, path: str, message: str
) -> None:
    figures, problems = resolve_figures(case_with(path), media_dir)
    assert figures == {}
    assert len(problems) == 1
    assert message in problems[0].message
    assert str(problems[0].location) == "content/c1.md:11"


def test_symlink_out_of_media_is_refused(media_dir: Path) -> None:
    os.symlink(media_dir.parent / "secret.png", media_dir / "a" / "link.png")
    figures, problems = resolve_figures(case_with("a/link.png"), media_dir)
    assert figures == {}
    assert "leads outside media/" in problems[0].message
