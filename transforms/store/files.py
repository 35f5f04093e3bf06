"""The one way the store replaces a file: write a temporary sibling, fsync it, rename it over
the target, fsync the folder.

Readers see the old file or the new one, never a half-written one; after a power cut the
rename is durable too. The temporary name starts with "." (ignored by dataset readers) and
is unique per process and attempt, so replayed Beam bundles never collide;
`remove_temp_files` clears what a killed writer left.
"""
from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

TEMP_MARK = ".tmp-"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on a folder; the rename is still atomic
    finally:
        os.close(fd)


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """`write(tmp)` fills the temporary file; then it replaces `path` in one rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}{TEMP_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        write(tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


def write_table_atomically(table: pa.Table, path: Path) -> None:
    """The Parquet file is encoded in memory and written in one call: written straight to the
    file, Arrow issues about 140 small writes per partition file (strace of a 5,000-item run)."""
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    data = sink.getvalue()
    replace_atomically(path, lambda tmp: tmp.write_bytes(data))


def write_json_atomically(path: Path, data: dict, indent: int = 2) -> None:
    text = json.dumps(data, indent=indent, sort_keys=True, default=str)
    replace_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_lines_atomically(path: Path, lines: Iterable[str]) -> None:
    text = "".join(line + "\n" for line in lines)
    replace_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def remove_temp_files(folder: Path) -> int:
    """Temporary files a killed writer left in `folder`; returns how many were removed."""
    removed = 0
    for tmp in Path(folder).glob(f".*{TEMP_MARK}*"):
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed
