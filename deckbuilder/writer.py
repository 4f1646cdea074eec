"""Atomic file writes: a reader sees the old file or the new one, never half of one.

The data goes to a temporary file in the destination's folder (same file system), is flushed to
disk, then replaces the destination in one ``os.replace``. If anything fails before that, the
previous file is untouched and the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_output(dest_path: Path, mode: int = 0o644) -> Iterator[BinaryIO]:
    """A binary file to write ``dest_path`` through; it replaces the destination only on success."""
    dest_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{dest_path.name}.", suffix=".tmp", dir=dest_path.parent
    )
    try:
        with os.fdopen(handle, "wb") as temp_file:
            yield temp_file
            temp_file.flush()
            os.fsync(temp_file.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, dest_path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


def write_bytes_atomically(dest_path: Path, data: bytes) -> None:
    with atomic_output(dest_path) as handle:
        handle.write(data)


def write_text_atomically(dest_path: Path, text: str) -> None:
    write_bytes_atomically(dest_path, text.encode("utf-8"))
