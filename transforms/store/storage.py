"""Where the dataset's bytes live: a local folder, or a bucket prefix (`s3://…`, `gs://…`).

A `Store` addresses files by their path relative to the dataset root (`_runs/R.json`,
`date=…/actor=…/part-R.parquet`) and offers what the commit protocol needs of any storage:
whole-file read and atomic write, create-if-absent (the commit point and the lock),
replace-if-unchanged (renewing a lock), listing, copy and delete.

Why these clients: object stores have no rename and no lock, but both have a conditional
write: S3 `If-None-Match: *` / `If-Match: <etag>` and GCS `ifGenerationMatch`. boto3 and
google-cloud-storage expose them and follow each cloud's own configuration (AWS_ENDPOINT_URL,
AWS_PROFILE and the credential chain; STORAGE_EMULATOR_HOST and application default
credentials), so one setting points every part of eventwire at a bucket, an emulator or a
private endpoint. Parquet is read through pyarrow's filesystems (built from the same settings),
which read footers and column ranges instead of whole objects. Each upload is one request, so
an object appears complete or not at all: there is no temporary name to clean up.

The local store keeps what the POSIX code always did (temporary file, fsync, rename);
the flock'ed lock and the hard-linked roll forward stay in their local modules.
"""
from __future__ import annotations

import functools
import io
import os
import re
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

from transforms.store.files import TEMP_MARK
from transforms.store.store_base import Store, StoreError, table_bytes  # noqa: F401 - the interface, re-exported

SCHEMES = ("gs", "s3")
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$")


def is_remote(root) -> bool:
    return str(root).startswith(tuple(f"{scheme}://" for scheme in SCHEMES))


def check_output(output: str) -> str:
    """A local path as given, or a normalized `s3://bucket[/prefix]` / `gs://bucket[/prefix]`.

    Any other scheme is refused: it would otherwise become a local folder named `ftp:`."""
    match = _URL.match(str(output))
    if not match:
        return output
    scheme, rest = match.group(1).lower(), match.group(2).rstrip("/")
    if scheme not in SCHEMES:
        raise ValueError(f"--output {output}: {scheme}:// is not supported; give a local folder, "
                         "gs://bucket/prefix or s3://bucket/prefix")
    if not rest or rest.startswith("/") or any(p in ("", ".", "..") for p in rest.split("/")):
        raise ValueError(f"--output {output}: expected {scheme}://bucket/prefix")
    return f"{scheme}://{rest}"


def relative(root: str, path: str) -> str:
    """`path` (a file of the dataset, as snapshot_files gives it) relative to the root."""
    base = str(root).rstrip("/") if is_remote(root) else os.path.realpath(root)
    path = str(path)
    if not path.startswith(base + "/"):
        raise ValueError(f"{path} is not under {base}")
    return path[len(base) + 1:]


def open_store(root: str) -> Store:
    root = str(root)
    if is_remote(root):
        return _remote(check_output(root))
    return LocalStore(root)


@functools.lru_cache(maxsize=32)
def _remote(root: str) -> Store:
    """One client per bucket prefix and process: clients are costly to build and thread-safe."""
    from transforms.store.buckets import GcsStore, S3Store

    return S3Store(root) if root.startswith("s3://") else GcsStore(root)


def arrow_source(path: str):
    """(path, filesystem) for pyarrow: a local path as it is, an object's URL on its bucket's filesystem."""
    if not is_remote(path):
        return path, None
    scheme, rest = path.split("://", 1)
    bucket, _, key = rest.partition("/")
    return _remote(f"{scheme}://{bucket}").arrow(key)


def read_table(path: str, **kwargs) -> pa.Table:
    source, filesystem = arrow_source(path)
    return pq.read_table(source, filesystem=filesystem, partitioning=None, **kwargs)


def read_schema(path: str) -> pa.Schema:
    source, filesystem = arrow_source(path)
    if filesystem is None:
        return pq.read_schema(source)
    with filesystem.open_input_file(source) as handle:
        return pq.read_schema(handle)


def read_metadata(path: str):
    source, filesystem = arrow_source(path)
    if filesystem is None:
        return pq.read_metadata(source)
    with filesystem.open_input_file(source) as handle:
        return pq.read_metadata(handle)


class LocalStore(Store):
    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def _path(self, rel: str) -> str:
        return os.path.join(self.root, *rel.split("/")) if rel else self.root

    def arrow(self, rel):
        return self._path(rel), None

    def read_bytes(self, rel):
        with open(self._path(rel), "rb") as handle:
            return handle.read()

    def write_bytes(self, rel, data):
        from pathlib import Path

        from transforms.store.files import replace_atomically

        replace_atomically(Path(self._path(rel)), lambda tmp: tmp.write_bytes(data))

    def create_if_absent(self, rel, data):
        """Written under a temporary name, then linked to its name: link refuses an existing file."""
        path = self._path(rel)
        folder, name = os.path.split(path)
        os.makedirs(folder, exist_ok=True)
        tmp = os.path.join(folder, f".{name}{TEMP_MARK}{os.getpid()}-{uuid.uuid4().hex[:8]}")
        try:
            with open(tmp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.link(tmp, path)
            return True
        except FileExistsError:
            return False
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def read_versioned(self, rel):
        try:
            data = self.read_bytes(rel)
        except FileNotFoundError:
            return None
        return data, str(os.stat(self._path(rel)).st_mtime_ns)

    def replace_if(self, rel, data, version):
        current = self.read_versioned(rel)
        if current is None or current[1] != version:
            return False
        self.write_bytes(rel, data)
        return True

    def exists(self, rel):
        return os.path.exists(self._path(rel))

    def list(self, prefix):
        found = {}
        top = self._path(prefix.rstrip("/"))
        for folder, _, names in os.walk(top):
            for name in names:
                path = os.path.join(folder, name)
                found[os.path.relpath(path, self.root).replace(os.sep, "/")] = os.path.getsize(path)
        return found

    def list_from(self, start):
        return {rel: size for rel, size in self.list(start.rpartition("/")[0]).items() if rel.startswith(start)}

    def list_dirs(self, prefix):
        try:
            with os.scandir(self._path(prefix.rstrip("/"))) as entries:
                return sorted(e.name for e in entries if e.is_dir())
        except OSError:
            return []

    def copy(self, source, target):
        import shutil

        os.makedirs(os.path.dirname(self._path(target)), exist_ok=True)
        shutil.copyfile(self._path(source), self._path(target))

    def delete(self, rel):
        try:
            os.unlink(self._path(rel))
        except FileNotFoundError:
            pass


def buffer_table(data: bytes) -> pa.Table:
    return pq.read_table(io.BytesIO(data), partitioning=None)
