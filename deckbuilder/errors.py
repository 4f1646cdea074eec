"""One exception tree, rooted in ``click.ClickException``: the CLI shows a message, not a traceback.

Problems *in the content* are not exceptions: they are ``Diagnostic`` values gathered in a run.
These exceptions are for the run itself: bad usage, an unreadable configuration, a stale lock.
"""

from __future__ import annotations

import click


class DeckbuilderError(click.ClickException):
    """A failure of the run; exit status 1 unless a subclass says otherwise."""

    exit_code = 1


class UsageError(DeckbuilderError):
    """The command was called wrongly (missing folder, bad option value)."""

    exit_code = 2


class ConfigError(DeckbuilderError):
    """The project configuration (deckbuilder.yaml or [tool.deckbuilder]) is invalid."""

    exit_code = 2


class ContentError(DeckbuilderError):
    """The content has errors; the diagnostics have already been reported."""

    exit_code = 1


class StaleLockError(DeckbuilderError):
    """``build --frozen`` found that the lock file does not match the content."""

    exit_code = 1
