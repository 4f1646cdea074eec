"""Project configuration: one schema, read from ``deckbuilder.yaml`` or ``[tool.deckbuilder]``.

Every option has a docstring-like description in ``OPTIONS``; unknown keys are reported.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from deckbuilder.errors import ConfigError
from deckbuilder.slug import slug

# Constant forever: students' collections know the deck by this id. Never change it.
DEFAULT_DECK_ID = 1_734_905_518_177


@dataclass(frozen=True)
class DeckConfig:
    """How the deck is named, laid out and written."""

    deck_name: str = "Radiology Teaching Cases"
    deck_id: int = DEFAULT_DECK_ID
    subdecks_by_area: bool = False
    content_dir: str = "content"
    media_dir: str = "media"
    output: str = "dist/radiology-teaching-cases.apkg"
    lock_file: str = "deckbuilder.lock"


OPTIONS: dict[str, str] = {
    "deck_name": "Name of the deck in Anki; subdecks are written as 'Parent::Child'.",
    "deck_id": "Numeric Anki deck id. Keep it constant across releases.",
    "subdecks_by_area": "Put each case in a subdeck named after its first area of interest.",
    "content_dir": "Folder of case notes, relative to the project root.",
    "media_dir": "Folder that figure paths are resolved in; nothing outside it is ever read.",
    "output": "Where `deckbuilder build` writes the deck when -o is not given.",
    "lock_file": "Lock file of note identities, content hashes and modification times.",
}


def default_output_name(deck_name: str) -> str:
    return f"dist/{slug(deck_name) or 'deck'}.apkg"


def load_config(project_root: Path) -> tuple[DeckConfig, list[str]]:
    """Reads the configuration of the project at ``project_root``.

    Returns the configuration and a list of warnings (unknown keys). ``deckbuilder.yaml`` wins
    over ``[tool.deckbuilder]`` in ``pyproject.toml``; with neither, the defaults apply.

    Raises:
        ConfigError: the file cannot be parsed or an option has the wrong type.
    """
    raw, origin = _read_raw(project_root)
    warnings = [f"{origin}: warning: unknown option '{k}'" for k in sorted(raw) if k not in OPTIONS]
    values = {k: v for k, v in raw.items() if k in OPTIONS}
    defaults = DeckConfig()
    for key, value in values.items():
        expected = type(getattr(defaults, key))
        if expected is int and isinstance(value, bool) or not isinstance(value, expected):
            raise ConfigError(f"{origin}: option '{key}' must be {expected.__name__}")
    if "output" not in values and "deck_name" in values:
        values["output"] = default_output_name(values["deck_name"])
    return DeckConfig(**values), warnings


def _read_raw(project_root: Path) -> tuple[dict[str, Any], str]:
    yaml_path = project_root / "deckbuilder.yaml"
    if yaml_path.is_file():
        try:
            data = yaml.safe_load(yaml_path.read_text("utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise ConfigError(f"deckbuilder.yaml: invalid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise ConfigError("deckbuilder.yaml: expected a mapping of options")
        return data, "deckbuilder.yaml"
    toml_path = project_root / "pyproject.toml"
    if toml_path.is_file():
        try:
            data = tomllib.loads(toml_path.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"pyproject.toml: invalid TOML: {exc}") from None
        section = data.get("tool", {}).get("deckbuilder", {})
        if not isinstance(section, dict):
            raise ConfigError("pyproject.toml: [tool.deckbuilder] must be a table")
        return section, "pyproject.toml"
    return {}, "defaults"
