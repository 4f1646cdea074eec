"""The curated lexicons shipped as YAML data files in ``deckbuilder/lexicons/``.

Rules never hold word lists as string literals: they read them from a ``Lexicon``, which is loaded
once per run and passed explicitly, so tests can hand a rule a small lexicon of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Lexicon:
    """All lexicon files by name (file stem), each as parsed YAML."""

    tables: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.tables[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.tables.get(name, default)


def load_lexicon() -> Lexicon:
    """Reads every ``*.yaml`` file of the package's ``lexicons`` folder, in name order."""
    folder = resources.files("deckbuilder") / "lexicons"
    tables: dict[str, Any] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            tables[entry.name.removesuffix(".yaml")] = yaml.safe_load(entry.read_text("utf-8"))
    return Lexicon(tables)
