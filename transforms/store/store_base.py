"""The interface every place the dataset lives in offers (transforms/store/storage.py says why).

A `Store` addresses files by their path relative to the dataset root ('/'-separated), with the
primitives the commit protocol needs of any storage; the helpers below them (JSON, Parquet)
are the same for every backend.
"""
from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq


class StoreError(OSError):
    """A request to the object store failed (no such bucket, no credentials, refused)."""


def table_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


class Store:
    """Files under one root, by relative path ('/'-separated)."""

    root: str

    def url(self, rel: str = "") -> str:
        return f"{self.root}/{rel}" if rel else self.root

    # The primitives each backend implements.
    def read_bytes(self, rel: str) -> bytes:  # FileNotFoundError when absent
        raise NotImplementedError

    def write_bytes(self, rel: str, data: bytes) -> None:  # readers see the old bytes or the new, never half
        raise NotImplementedError

    def create_if_absent(self, rel: str, data: bytes) -> bool:  # False when the file exists: nothing written
        raise NotImplementedError

    def read_versioned(self, rel: str) -> tuple[bytes, str] | None:
        raise NotImplementedError

    def replace_if(self, rel: str, data: bytes, version: str) -> bool:  # False when it changed since `version`
        raise NotImplementedError

    def exists(self, rel: str) -> bool:
        raise NotImplementedError

    def list(self, prefix: str) -> dict[str, int]:  # every file under prefix (recursive): rel → size
        raise NotImplementedError

    def list_from(self, start: str) -> dict[str, int]:  # every file whose path starts with `start` (not a folder)
        raise NotImplementedError

    def list_dirs(self, prefix: str) -> list[str]:  # the names of the folders directly under prefix
        raise NotImplementedError

    def copy(self, source: str, target: str) -> None:
        raise NotImplementedError

    def delete(self, rel: str) -> None:  # absent is fine
        raise NotImplementedError

    # Built on them.
    def delete_prefix(self, prefix: str) -> int:
        names = sorted(self.list(prefix))
        for rel in names:
            self.delete(rel)
        return len(names)

    def read_json(self, rel: str):
        """The parsed file, or None when it is absent or not JSON."""
        try:
            return json.loads(self.read_bytes(rel).decode("utf-8"))
        except (FileNotFoundError, ValueError, UnicodeDecodeError):
            return None

    def write_json(self, rel: str, data, indent: int | None = 2) -> None:
        self.write_bytes(rel, json.dumps(data, indent=indent, sort_keys=True, default=str).encode("utf-8"))

    def write_table(self, rel: str, table: pa.Table) -> None:
        self.write_bytes(rel, table_bytes(table))

    def arrow(self, rel: str):
        """(path, pyarrow filesystem or None) of a file, for pyarrow's readers."""
        raise NotImplementedError

    def read_table(self, rel: str, **kwargs) -> pa.Table:
        """A Parquet file of the store (pyarrow reads footers and column ranges, not whole objects)."""
        source, filesystem = self.arrow(rel)
        return pq.read_table(source, filesystem=filesystem, partitioning=None, **kwargs)
