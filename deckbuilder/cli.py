"""The command line: ``deckbuilder build | check | import | facts | evaluate``.

Exit status: 0 when the run is clean, 1 when the content has errors, 2 for usage errors. Content
problems are printed as ``path:line: error|warning: message`` (or as GitHub annotations with
``--format github``), all of them, then the run ends once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import click

from deckbuilder import __version__
from deckbuilder.cache import ExtractionCache
from deckbuilder.config import DeckConfig, load_config
from deckbuilder.errors import ContentError, UsageError
from deckbuilder.model import CaseNote, Diagnostic, Severity, SourceLocation, error

# Extraction results by content digest; safe to delete at any time.
CACHE_DIR = ".deckbuilder-cache"

# Below this many cases a build takes a blink; a bar would only flicker.
PROGRESS_MIN_CASES = 50


def _format_diagnostic(diagnostic: Diagnostic, output_format: str) -> str:
    if output_format == "github":
        # GitHub workflow commands: annotations appear on the pull request's lines.
        message = diagnostic.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        location = diagnostic.location
        return f"::{diagnostic.severity.value} file={location.path},line={location.line}::{message}"
    return str(diagnostic)


def _report(diagnostics: Iterable[Diagnostic], output_format: str = "text") -> None:
    for diagnostic in diagnostics:
        click.echo(_format_diagnostic(diagnostic, output_format), err=True)


def _counted(errors: int, warnings: int) -> str:
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _project(content_dir: str | None) -> tuple[DeckConfig, Path, Path]:
    """Configuration of the project in the working directory, and the folders to read."""
    config, config_warnings = load_config(Path.cwd())
    for line in config_warnings:
        click.echo(line, err=True)
    content = Path(content_dir if content_dir is not None else config.content_dir)
    if not content.is_dir():
        raise UsageError(f"content folder not found: {content}")
    return config, content, Path(config.media_dir)


def _progress(cases: list[CaseNote]) -> Iterable[CaseNote]:
    if len(cases) < PROGRESS_MIN_CASES or not sys.stderr.isatty():
        return cases
    return _with_bar(cases)


def _with_bar(cases: list[CaseNote]) -> Iterable[CaseNote]:
    with click.progressbar(cases, label="Building cards", file=sys.stderr) as bar:
        yield from bar


def _source_date_epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    if not value.strip().isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}")
    return int(value)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deckbuilder")
def cli() -> None:
    """Turn radiology teaching cases written as Markdown case notes into an Anki deck."""


content_argument = click.argument(
    "content_dir", required=False, type=click.Path(file_okay=False, path_type=str)
)
strict_option = click.option(
    "--strict", is_flag=True, help="Treat warnings as errors (exit 1 when there are any)."
)
no_cache_option = click.option(
    "--no-cache",
    is_flag=True,
    help=f"Extract every note afresh instead of reusing {CACHE_DIR}/ (the deck is the same).",
)


def _cache(no_cache: bool) -> ExtractionCache | None:
    return None if no_cache else ExtractionCache(Path(CACHE_DIR))


@cli.command()
@content_argument
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="'github' prints diagnostics as GitHub Actions annotations.",
)
@strict_option
@no_cache_option
def check(content_dir: str | None, output_format: str, strict: bool, no_cache: bool) -> None:
    """Validate the case notes in CONTENT_DIR (default: content/) without writing anything."""
    from deckbuilder.pipeline import compile_content

    _, content, media = _project(content_dir)
    compilation = compile_content(
        content, media, progress=_progress, cache=_cache(no_cache), update_cache=False
    )
    _report(compilation.diagnostics, output_format)
    notes = len(compilation.notes())
    summary = f"checked {len(compilation.cases)} case notes, {notes} cards: "
    click.echo(summary + _counted(compilation.errors, compilation.warnings), err=True)
    if compilation.errors or (strict and compilation.warnings):
        raise ContentError("the content has problems; see above")


@cli.command()
@content_argument
@click.option("-o", "--output", "out_path", type=click.Path(dir_okay=False), help="Deck to write.")
@click.option(
    "--lock",
    "lock_path",
    type=click.Path(dir_okay=False),
    help="Lock file of note identities and modification times "
    "(default: deckbuilder.lock, or CONTENT_DIR/deckbuilder.lock for another folder).",
)
@click.option(
    "--frozen", is_flag=True, help="Fail instead of updating a lock file that is out of date (CI)."
)
@click.option(
    "--prune-retired",
    is_flag=True,
    help="Stop shipping notes retired by earlier releases and drop them from the lock.",
)
@strict_option
@no_cache_option
def build(
    content_dir: str | None,
    out_path: str | None,
    lock_path: str | None,
    frozen: bool,
    prune_retired: bool,
    strict: bool,
    no_cache: bool,
) -> None:
    """Build the Anki deck from CONTENT_DIR (default: content/)."""
    from deckbuilder.pipeline import build as build_deck
    from deckbuilder.pipeline import compile_content

    config, content, media = _project(content_dir)
    epoch = _source_date_epoch()
    compilation = compile_content(content, media, progress=_progress, cache=_cache(no_cache))
    _report(compilation.diagnostics)
    if compilation.errors or (strict and compilation.warnings):
        counts = _counted(compilation.errors, compilation.warnings)
        raise ContentError(f"{counts}; the deck was not written")
    deck_path = Path(out_path or config.output)
    default_lock = (
        Path(config.lock_file)
        if content.resolve() == Path(config.content_dir).resolve()
        else content / "deckbuilder.lock"
    )
    summary = build_deck(
        compilation,
        config,
        deck_path,
        Path(lock_path) if lock_path else default_lock,
        frozen=frozen,
        source_date_epoch=epoch,
        prune_retired=prune_retired,
    )
    click.echo(
        f"wrote {deck_path}: {summary.notes} notes ({summary.new} new, {summary.changed} changed, "
        f"{len(summary.retired)} retired), {summary.media} media files",
        err=True,
    )
    for retired in summary.retired:
        click.echo(f"{retired}: note retired (tagged deckbuilder::retired)", err=True)
    if compilation.warnings:
        click.echo(_counted(0, compilation.warnings), err=True)


@cli.command(name="import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output-dir",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the case notes into (created if missing).",
)
@click.option("--force", is_flag=True, help="Overwrite case notes that already exist.")
def import_command(files: Sequence[Path], out_dir: Path, force: bool) -> None:
    """Convert Eurorad cases saved as plain text (FILES) into case notes in OUTPUT_DIR."""
    from deckbuilder.importer import import_case
    from deckbuilder.reader import decode_note, display_path
    from deckbuilder.writer import write_text_atomically

    problems: list[Diagnostic] = []
    written: list[Path] = []
    for src_path in files:
        document, diagnostics = decode_note(src_path.read_bytes(), display_path(src_path))
        problems.extend(diagnostics)
        if document is None:
            continue
        try:
            imported, diagnostics = import_case(document.text, document.path)
        except Exception as exc:  # noqa: BLE001 - report our bug at the file, import the others
            message = f"internal error while importing ({type(exc).__name__}: {exc}); please report"
            problems.append(error(SourceLocation(document.path, 1), message))
            continue
        problems.extend(diagnostics)
        if imported is None or any(d.severity is Severity.ERROR for d in diagnostics):
            continue
        dest_path = out_dir / Path(imported.file_name).name
        if dest_path.exists() and not force:
            message = f"{display_path(dest_path)} already exists; use --force to overwrite it"
            problems.append(error(SourceLocation(document.path, 1), message))
            continue
        out_dir.mkdir(parents=True, exist_ok=True)
        write_text_atomically(dest_path, imported.markdown)
        written.append(dest_path)
    _report(problems)
    for dest_path in written:
        click.echo(f"wrote {dest_path}", err=True)
    if any(d.severity is Severity.ERROR for d in problems):
        raise ContentError("some files could not be imported; see above")


@cli.command()
@content_argument
@click.option("--kind", "kinds", multiple=True, help="Only facts of this kind (repeatable).")
def facts(content_dir: str | None, kinds: tuple[str, ...]) -> None:
    """List every extracted fact with its kind/key (the handle for 'suppress:')."""
    from deckbuilder.pipeline import compile_content

    _, content, media = _project(content_dir)
    compilation = compile_content(content, media)
    _report(compilation.diagnostics)
    for compiled in compilation.cases:
        for fact in compiled.facts:
            if kinds and fact.kind not in kinds:
                continue
            answers = " | ".join(fact.answers())
            click.echo(f"{fact.location}: {fact.kind}/{fact.key}: {fact.text}  [{answers}]")


@cli.command()
@click.argument(
    "golden_dir",
    required=False,
    default="tests/golden",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
def evaluate(golden_dir: Path) -> None:
    """Print precision and recall per fact kind on a golden corpus (default: tests/golden)."""
    from deckbuilder.evaluate import evaluate_corpus, format_report
    from deckbuilder.lexicon import load_lexicon

    click.echo(format_report(evaluate_corpus(golden_dir, load_lexicon())))


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point; click turns DeckbuilderError into a message and its exit status."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="deckbuilder")
