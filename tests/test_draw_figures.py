"""The committed figures are what tools/draw_figures.py draws, and every note's figure exists."""

from __future__ import annotations

import importlib.util
import re

from conftest import REPO_ROOT
from PIL import Image


def load_drawing_tool():
    spec = importlib.util.spec_from_file_location(
        "draw_figures", REPO_ROOT / "tools" / "draw_figures.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_figures_match_the_drawings_pixel_for_pixel() -> None:
    # Pixels, not bytes: another Pillow version may compress the same picture differently.
    tool = load_drawing_tool()
    for relative_path, draw_figure in tool.FIGURES.items():
        with Image.open(REPO_ROOT / "media" / relative_path) as committed:
            drawn = draw_figure()
            assert committed.size == drawn.size, relative_path
            assert committed.convert("L").tobytes() == drawn.convert("L").tobytes(), relative_path


def test_every_shipped_figure_is_used_by_a_note() -> None:
    cited = set()
    for note_path in (REPO_ROOT / "content").rglob("*.md"):
        cited.update(re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", note_path.read_text(encoding="utf-8")))
    shipped = {
        p.relative_to(REPO_ROOT / "media").as_posix() for p in (REPO_ROOT / "media").rglob("*.png")
    }
    assert shipped and shipped <= cited
