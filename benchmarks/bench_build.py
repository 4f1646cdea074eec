"""Benchmark: a full deck build through the real pipeline, beside genanki alone on the same notes.

    python benchmarks/bench_build.py [--cases 2000] [--repeat 3] [--keep DIR]

Generates N synthetic case notes (each with a figure, authored and automatic facts) in a temporary
project, then times

* ``full build``: read, parse, extract, cloze and publish (lock, reproducible .apkg), as
  ``deckbuilder build`` runs it, starting from an empty lock;
* ``genanki alone``: ``genanki.Package.write_to_file`` writing the very same notes and media.

Prints wall time (best of ``--repeat``), notes per second and peak traced memory of each, and the
ratio. The target is a full build at most twice genanki's own write.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from deckbuilder import notetype  # noqa: E402
from deckbuilder.cache import ExtractionCache  # noqa: E402
from deckbuilder.config import DeckConfig  # noqa: E402
from deckbuilder.package import PackageNote, write_genanki_baseline  # noqa: E402
from deckbuilder.pipeline import build, compile_content  # noqa: E402
from deckbuilder.publish import note_deck  # noqa: E402

AREAS = ("Neuroradiology", "Musculoskeletal system", "Abdominal imaging", "Chest imaging")
MODALITIES = ("MR", "CT", "Ultrasound", "Conventional radiography")
SEQUENCES = ("T1", "T2", "STIR", "SWI", "DWI", "FLAIR")
SIGNALS = ("high signal", "low signal", "signal voids", "restricted diffusion")


def _png(index: int) -> bytes:
    """A tiny valid PNG whose pixel colour depends on ``index``, so every figure is distinct."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    pixel = bytes((0, index % 256, (index // 256) % 256, (index // 65536) % 256))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixel))
        + chunk(b"IEND", b"")
    )


def case_note(index: int) -> str:
    """One synthetic case note in the Eurorad layout; wording varies with ``index``."""
    area = AREAS[index % len(AREAS)]
    modality = MODALITIES[index % len(MODALITIES)]
    seq = SEQUENCES[index % len(SEQUENCES)]
    signal = SIGNALS[index % len(SIGNALS)]
    age = 20 + index % 60
    disease = f"synthetic entity {index}"
    return f"""---
id: "bench-{index}"
title: Case {index} of {disease}
authors: [B. Marker, C. Timer]
area: [{area}]
modality: [{modality}, MR]
source: https://example.org/case/bench-{index}
license: CC BY 4.0
---

## Clinical History
A {age}-year-old patient presented with {index % 9 + 1} weeks of pain and swelling.

## Imaging Findings
On {seq} the lesion showed {{{{c1::{signal}}}}} (Figure 1).
The mass measured {index % 7 + 2} cm and displaced the adjacent structures.
On T2 the lesion was {{{{c1::hyperintense}}}} with a {{{{c2::low-signal rim}}}}.

![Figure 1](bench-{index}/fig-1.png)

## Discussion
{disease.capitalize()} typically affects adults in the fourth to sixth decades.
It is {{{{c1::more common in women}}}} and often found incidentally.
Treatment is {{{{c1::surgical excision}}}} when symptoms persist.

## Differential Diagnosis List
- Abscess
- Haematoma
- Soft tissue sarcoma

## Final Diagnosis
{disease.capitalize()}
"""


def make_project(root: Path, cases: int) -> None:
    for sub in ("content", "media"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for i in range(cases):
        (root / "content" / f"bench-{i}.md").write_text(case_note(i), encoding="utf-8")
        fig = root / "media" / f"bench-{i}" / "fig-1.png"
        fig.parent.mkdir(parents=True, exist_ok=True)
        fig.write_bytes(_png(i))


def _timed(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def _peak(func: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="synthetic cases (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs, best is kept")
    parser.add_argument("--keep", type=Path, help="build the project here and keep it")
    args = parser.parse_args(argv)

    root = args.keep or Path(tempfile.mkdtemp(prefix="deckbuilder-bench-"))
    try:
        make_project(root, args.cases)
        config = DeckConfig()
        dist = root / "dist"

        lock = root / "deckbuilder.lock"
        deck = dist / "deck.apkg"

        cache = ExtractionCache(root / ".deckbuilder-cache")

        def compile_only(cached: bool = False) -> object:
            compilation = compile_content(
                root / "content", root / "media", cache=cache if cached else None
            )
            if compilation.errors:
                raise SystemExit(f"synthetic content has {compilation.errors} errors")
            return compilation

        def publish_only(compilation: object) -> object:
            lock.unlink(missing_ok=True)  # every run is a first build: all notes new
            return build(compilation, config, deck, lock, source_date_epoch=1_750_000_000)  # type: ignore[arg-type]

        def full_build() -> object:
            return publish_only(compile_only())

        def warm_build() -> object:
            # A maintainer's rebuild: every case's extraction is already in the cache.
            return publish_only(compile_only(cached=True))

        build_time, summary = _timed(full_build, args.repeat)
        compile_only(cached=True)  # fill the cache
        warm_time, _ = _timed(warm_build, args.repeat)
        compilation = compile_only()
        publish_time, _ = _timed(lambda: publish_only(compilation), args.repeat)
        notes = compilation.notes()  # type: ignore[attr-defined]
        package_notes = [
            PackageNote(n.guid, n.fields, n.tags, note_deck(n, config), 0, n.sort_field, n.media)
            for n in notes
        ]

        def genanki_alone() -> object:
            write_genanki_baseline(
                dist / "genanki.apkg",
                package_notes,
                notetype.cloze_note_type(),
                deck_name=config.deck_name,
                deck_id=config.deck_id,
                timestamp=1_750_000_000,
            )
            return None

        base_time, _ = _timed(genanki_alone, args.repeat)
        build_peak = _peak(full_build)
        warm_peak = _peak(warm_build)
        publish_peak = _peak(lambda: publish_only(compilation))
        base_peak = _peak(genanki_alone)

        count = len(notes)
        size = deck.stat().st_size / 1e6
        media = summary.media  # type: ignore[attr-defined]
        print(f"cases: {args.cases}   notes: {count}   media: {media}   deck: {size:.1f} MB")
        print(f"{'':28}{'time (s)':>10}{'notes/s':>12}{'peak MiB':>11}")
        rows = (
            ("full build (read..publish)", build_time, build_peak),
            ("rebuild, extraction cached", warm_time, warm_peak),
            ("  of which publish", publish_time, publish_peak),
            ("genanki alone", base_time, base_peak),
        )
        for name, seconds, peak in rows:
            rate = count / seconds if seconds else float("inf")
            print(f"{name:28}{seconds:10.2f}{rate:12.0f}{peak / 2**20:11.1f}")
        ratios = (
            ("full build", build_time),
            ("cached rebuild", warm_time),
            ("publish", publish_time),
        )
        for name, seconds in ratios:
            ratio = seconds / base_time if base_time else float("inf")
            verdict = "ok" if ratio <= 2.0 else "over target"
            print(f"ratio {name}/genanki: {ratio:.2f}x (target <= 2x: {verdict})")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
