"""The curated lexicons shipped as YAML data files in ``deckbuilder/lexicons/``.

Rules never hold word lists as string literals: they read them from a ``Lexicon``, which is loaded
once per run and passed explicitly, so tests can hand a rule a small lexicon of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

# libyaml's safe loader when PyYAML was built with it: same results, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Lexicon:
    """All lexicon files by name (file stem), each as parsed YAML.

    Rules derive compiled forms (regular expressions, lookup tables) from the lexicon; ``derived``
    keeps each such form with the lexicon it came from, so it is built once per run rather than
    once per case, without any module-level state.
    """

    tables: Mapping[str, Any]
    _derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __getitem__(self, name: str) -> Any:
        return self.tables[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.tables.get(name, default)

    def derived(self, name: str, build: Callable[[Lexicon], T]) -> T:
        """The value ``build(self)``, computed on first use and kept for this lexicon's lifetime."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]


def load_lexicon() -> Lexicon:
    """Reads every ``*.yaml`` file of the package's ``lexicons`` folder, in name order."""
    folder = resources.files("deckbuilder") / "lexicons"
    tables: dict[str, Any] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            tables[entry.name.removesuffix(".yaml")] = yaml.load(entry.read_text("utf-8"), _LOADER)
    return Lexicon(tables)
