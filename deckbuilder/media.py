"""Figures: a note's ``![Figure 2b](18177/fig-2b.png)`` → a file inside ``media/`` to ship.

A figure path can never read a file outside ``media/``: absolute paths and ``..`` are refused before
touching the disk, and the resolved path (symlinks followed) must still lie inside the media folder.
Files ship under content-hash names, so two ``fig-1.png`` in different folders never collide and
an edited image reaches students under a new name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from deckbuilder.model import CaseNote, Diagnostic, MediaFile, error

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")


def package_name(data: bytes, suffix: str) -> str:
    """The name a figure ships under: a content hash plus the original suffix."""
    return f"db-{hashlib.sha256(data).hexdigest()[:20]}{suffix.lower()}"


def _path_problem(media_path: str) -> str | None:
    if not media_path:
        return "figure has no path"
    if (
        "\\" in media_path
        or media_path.startswith("/")
        or (len(media_path) > 1 and media_path[1] == ":")
    ):
        return f"figure path {media_path!r} must be relative to media/ (no absolute paths)"
    if ".." in PurePosixPath(media_path).parts:
        return f"figure path {media_path!r} must not contain '..'"
    if PurePosixPath(media_path).suffix.lower() not in IMAGE_SUFFIXES:
        return f"figure {media_path!r} is not an image ({', '.join(IMAGE_SUFFIXES)})"
    return None


def resolve_figures(
    case: CaseNote, media_dir: Path
) -> tuple[dict[str, MediaFile], list[Diagnostic]]:
    """Maps each figure label of ``case`` to the file it ships as.

    Returns the mapping (label → MediaFile) and one error per figure that is unsafe or missing.
    """
    figures: dict[str, MediaFile] = {}
    problems: list[Diagnostic] = []
    media_root = media_dir.resolve()
    for figure in case.figures:
        problem = _path_problem(figure.media_path)
        candidate = (media_dir / figure.media_path).resolve()
        if problem is None and not candidate.is_relative_to(media_root):
            problem = f"figure path {figure.media_path!r} leads outside media/ (through a link)"
        if problem is None and not candidate.is_file():
            problem = f"figure file not found: media/{figure.media_path}"
        if problem is not None:
            problems.append(error(figure.location, problem))
            continue
        data = candidate.read_bytes()
        figures[figure.label] = MediaFile(str(candidate), package_name(data, candidate.suffix))
    return figures, problems


def all_media(figure_maps: Mapping[str, Mapping[str, MediaFile]]) -> list[MediaFile]:
    """Every distinct file to ship, in a stable order."""
    unique = {m.package_name: m for figures in figure_maps.values() for m in figures.values()}
    return [unique[name] for name in sorted(unique)]
