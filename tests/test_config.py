from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.config import DEFAULT_DECK_ID, DeckConfig, load_config
from deckbuilder.errors import ConfigError


def test_defaults_without_any_file(tmp_path: Path) -> None:
    config, warnings = load_config(tmp_path)
    assert config == DeckConfig()
    assert config.deck_id == DEFAULT_DECK_ID
    assert warnings == []


def test_yaml_file_wins_and_names_the_output(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.deckbuilder]\ndeck_name = "Ignored"\n')
    (tmp_path / "deckbuilder.yaml").write_text("deck_name: Chest Cases\nsubdecks_by_area: true\n")
    config, _ = load_config(tmp_path)
    assert config.deck_name == "Chest Cases"
    assert config.subdecks_by_area is True
    assert config.output == "dist/chest-cases.apkg"


def test_pyproject_table_and_unknown_keys(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.deckbuilder]\ndeck_name = "Neuro"\ncolour = "blue"\n'
    )
    config, warnings = load_config(tmp_path)
    assert config.deck_name == "Neuro"
    assert warnings == ["pyproject.toml: warning: unknown option 'colour'"]


@pytest.mark.parametrize(
    "text", ["deck_id: not-a-number\n", "subdecks_by_area: 3\n", "deck_id: true\n", "[unclosed\n"]
)
def test_wrong_types_and_bad_yaml_are_errors(tmp_path: Path, text: str) -> None:
    (tmp_path / "deckbuilder.yaml").write_text(text)
    with pytest.raises(ConfigError):
        load_config(tmp_path)
