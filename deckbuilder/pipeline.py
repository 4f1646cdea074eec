"""The stages in order: read → parse → extract → cloze, gathering every diagnostic on the way.

``compile_content`` is everything ``check`` does; ``build`` adds packaging. Nothing here prints:
the CLI reports diagnostics and progress.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from deckbuilder.cache import ExtractionCache
from deckbuilder.cloze import build_card_notes
from deckbuilder.config import DeckConfig
from deckbuilder.extract import extract_facts
from deckbuilder.lexicon import Lexicon, load_lexicon
from deckbuilder.media import resolve_figures
from deckbuilder.model import (
    CardNote,
    CaseNote,
    Diagnostic,
    Fact,
    MediaFile,
    Severity,
    error,
)
from deckbuilder.parser import parse_case_note
from deckbuilder.publish import PublishSummary, publish
from deckbuilder.reader import read_content

# Wraps the per-case loop; the CLI passes a progress bar, tests pass nothing.
ProgressWrapper = Callable[[list[CaseNote]], Iterable[CaseNote]]


@dataclass(frozen=True)
class CompiledCase:
    case: CaseNote
    facts: tuple[Fact, ...]
    figures: dict[str, MediaFile]
    notes: tuple[CardNote, ...]


@dataclass(frozen=True)
class Compilation:
    cases: tuple[CompiledCase, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)

    def notes(self) -> list[CardNote]:
        return [note for compiled in self.cases for note in compiled.notes]


def _duplicate_ids(cases: list[CaseNote]) -> Iterator[Diagnostic]:
    first_by_id: dict[str, CaseNote] = {}
    for case in cases:
        first = first_by_id.setdefault(case.case_id, case)
        if first is not case:
            yield error(
                case.meta.location,
                f"duplicate id '{case.case_id}': already used by {first.meta.location}",
            )


def _extract(
    case: CaseNote, lexicon: Lexicon, cache: ExtractionCache | None, update_cache: bool
) -> tuple[list[Fact], list[Diagnostic]]:
    cached = cache.load(case) if cache is not None else None
    if cached is not None:
        return cached
    try:
        facts, diagnostics = extract_facts(case, lexicon)
    except Exception as exc:  # noqa: BLE001 - one note's rule failure must not end the whole run
        # A rule that breaks on some wording is our bug, not the maintainer's: name the note,
        # keep checking the others, and fail the run without a traceback.
        message = f"internal error while extracting facts ({type(exc).__name__}: {exc}); "
        return [], [error(case.meta.location, message + "please report this note to deckbuilder")]
    if cache is not None and update_cache:
        cache.store(case, facts, diagnostics)
    return facts, diagnostics


def compile_case(
    case: CaseNote,
    media_dir: Path,
    lexicon: Lexicon,
    cache: ExtractionCache | None = None,
    update_cache: bool = True,
) -> tuple[CompiledCase, list[Diagnostic]]:
    """Extracts the facts of one parsed case (or takes them from the cache) and writes its notes."""
    facts, diagnostics = _extract(case, lexicon, cache, update_cache)
    figures, figure_problems = resolve_figures(case, media_dir)
    notes = build_card_notes(case, facts, figures)
    return CompiledCase(case, tuple(facts), figures, tuple(notes)), [
        *diagnostics,
        *figure_problems,
    ]


def compile_content(
    content_dir: Path,
    media_dir: Path,
    *,
    lexicon: Lexicon | None = None,
    progress: ProgressWrapper | None = None,
    cache: ExtractionCache | None = None,
    update_cache: bool = True,
) -> Compilation:
    """Runs every stage short of packaging over ``content_dir``; never raises on bad content.

    With a ``cache``, cases whose parsed form and code are unchanged skip extraction; results
    are stored back unless ``update_cache`` is false (``check`` reads the cache, never writes).
    """
    lexicon = lexicon or load_lexicon()
    documents, diagnostics = read_content(content_dir)
    parsed: list[CaseNote] = []
    for document in documents:
        case, problems = parse_case_note(document)
        diagnostics.extend(problems)
        if case is not None:
            parsed.append(case)
    duplicates = list(_duplicate_ids(parsed))
    diagnostics.extend(duplicates)
    duplicate_paths = {d.location for d in duplicates}
    compiled: list[CompiledCase] = []
    for case in progress(parsed) if progress else parsed:
        if case.meta.location in duplicate_paths:
            continue
        result, problems = compile_case(case, media_dir, lexicon, cache, update_cache)
        diagnostics.extend(problems)
        compiled.append(result)
    ordered = sorted(set(diagnostics), key=lambda d: (d.location, d.severity.value, d.message))
    return Compilation(tuple(compiled), tuple(ordered))


def build(
    compilation: Compilation,
    config: DeckConfig,
    out_path: Path,
    lock_path: Path,
    *,
    frozen: bool = False,
    source_date_epoch: int | None = None,
    prune_retired: bool = False,
) -> PublishSummary:
    """Packages a compilation that has no errors; the caller checks ``compilation.errors`` first."""
    return publish(
        compilation.notes(),
        config,
        out_path,
        lock_path,
        frozen=frozen,
        source_date_epoch=source_date_epoch,
        prune_retired=prune_retired,
    )
