"""Shared fixtures: small projects on disk, built from dedented strings."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from deckbuilder.lexicon import Lexicon, load_lexicon

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_CASE = REPO_ROOT.parent / "shared" / "seeds" / "eurorad-18177.txt"

ProjectFactory = Callable[..., Path]


def note(
    body: str,
    *,
    case_id: str = "demo-1",
    title: str = "Demo case",
    extra_front_matter: str = "",
) -> str:
    """A case note with minimal front matter around a dedented body."""
    front = f'---\nid: "{case_id}"\ntitle: {title}\n{textwrap.dedent(extra_front_matter)}---\n'
    return front + textwrap.dedent(body).lstrip("\n")


@pytest.fixture
def make_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProjectFactory:
    """Writes files (str → text, bytes → as is) under a fresh project root and chdirs into it."""

    def factory(files: Mapping[str, str | bytes]) -> Path:
        root = tmp_path / "project"
        root.mkdir(exist_ok=True)
        (root / "content").mkdir(exist_ok=True)
        (root / "media").mkdir(exist_ok=True)
        for relative, data in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
        monkeypatch.chdir(root)
        return root

    return factory


@pytest.fixture
def seed_text() -> str:
    if not SEED_CASE.is_file():
        pytest.skip("the shared seed case is not beside this checkout")
    return SEED_CASE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """The shipped lexicons, loaded once for the whole run."""
    return load_lexicon()
