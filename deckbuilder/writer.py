"""Atomic file writes: a reader sees the old file or the new one, never half of one.

The data goes to a temporary file in the destination's folder (same file system), is flushed to
disk, then replaces the destination in one ``os.replace``. If anything fails before that, the
previous file is untouched and the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_bytes_atomically(dest_path: Path, data: bytes, mode: int = 0o644) -> None:
    dest_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{dest_path.name}.", dir=dest_path.parent)
    try:
        with os.fdopen(handle, "wb") as temp_file:
            temp_file.write(data)
            temp_file.flush()
            os.fsync(temp_file.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, dest_path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


def write_text_atomically(dest_path: Path, text: str) -> None:
    write_bytes_atomically(dest_path, text.encode("utf-8"))
