"""The README's quick-start commands are what CI runs; keep them from drifting apart."""

from __future__ import annotations

import re

from conftest import REPO_ROOT


def readme_commands() -> list[str]:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", quick_start, re.DOTALL)


def test_quick_start_has_a_build_and_a_test_command() -> None:
    commands = readme_commands()
    assert commands[0].endswith("deckbuilder build")
    assert "pip install ." in commands[0]
    assert '".[test]"' in commands[1] and commands[1].endswith("pytest")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci_script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci_script.splitlines()
