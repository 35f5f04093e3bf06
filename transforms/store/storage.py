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
import json
import os
import re
import uuid

import pyarrow as pa
import pyarrow.parquet as pq

SCHEMES = ("gs", "s3")
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://(.*)$")


class StoreError(OSError):
    """A request to the object store failed (no such bucket, no credentials, refused)."""


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
    return S3Store(root) if root.startswith("s3://") else GcsStore(root)


def arrow_source(path: str):
    """(path, filesystem) for pyarrow: a local path as it is, an object's URL on its bucket's filesystem."""
    if not is_remote(path):
        return path, None
    scheme, rest = path.split("://", 1)
    bucket = rest.split("/", 1)[0]
    return rest, _remote(f"{scheme}://{bucket}").arrow_fs()


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

    def read_table(self, rel: str, **kwargs) -> pa.Table:
        return read_table(self.url(rel), **kwargs)


class LocalStore(Store):
    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def _path(self, rel: str) -> str:
        return os.path.join(self.root, *rel.split("/")) if rel else self.root

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
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
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


class _ObjectStore(Store):
    def __init__(self, root: str):
        self.root = root
        rest = root.split("://", 1)[1]
        self.bucket, _, prefix = rest.partition("/")
        self.prefix = prefix.strip("/")

    def key(self, rel: str) -> str:
        return "/".join(p for p in (self.prefix, rel) if p)

    def rel(self, key: str) -> str:
        return key[len(self.prefix) + 1:] if self.prefix else key

    def _dir_key(self, prefix: str) -> str:
        key = self.key(prefix.rstrip("/"))
        return key + "/" if key else ""


class S3Store(_ObjectStore):
    """S3 through boto3: AWS_ENDPOINT_URL, AWS_PROFILE, keys and regions as the AWS CLI reads them."""

    def __init__(self, root: str):
        super().__init__(root)
        import boto3
        import botocore.config
        import botocore.exceptions

        self._errors = botocore.exceptions
        self.client = boto3.session.Session().client(
            "s3", config=botocore.config.Config(retries={"max_attempts": 5, "mode": "standard"}))

    def _code(self, error) -> str:
        return str(getattr(error, "response", {}).get("Error", {}).get("Code", ""))

    def _call(self, method, **kwargs):
        try:
            return getattr(self.client, method)(Bucket=self.bucket, **kwargs)
        except self._errors.ClientError as error:
            if self._code(error) in ("NoSuchKey", "404", "NotFound"):
                raise FileNotFoundError(self.url(self.rel(kwargs.get("Key", "")))) from None
            raise StoreError(f"{self.root}: {method} failed: {error}") from None
        except self._errors.BotoCoreError as error:
            raise StoreError(f"{self.root}: {error}") from None

    def read_bytes(self, rel):
        return self._call("get_object", Key=self.key(rel))["Body"].read()

    def write_bytes(self, rel, data):
        self._call("put_object", Key=self.key(rel), Body=data)

    def _conditional_put(self, rel, data, **condition) -> bool:
        try:
            self.client.put_object(Bucket=self.bucket, Key=self.key(rel), Body=data, **condition)
            return True
        except self._errors.ClientError as error:
            if self._code(error) in ("PreconditionFailed", "412", "ConditionalRequestConflict", "409", "NoSuchKey"):
                return False
            raise StoreError(f"{self.root}: conditional put failed: {error}") from None

    def create_if_absent(self, rel, data):
        return self._conditional_put(rel, data, IfNoneMatch="*")

    def read_versioned(self, rel):
        try:
            response = self._call("get_object", Key=self.key(rel))
        except FileNotFoundError:
            return None
        return response["Body"].read(), response["ETag"]

    def replace_if(self, rel, data, version):
        return self._conditional_put(rel, data, IfMatch=version)

    def exists(self, rel):
        try:
            self._call("head_object", Key=self.key(rel))
            return True
        except FileNotFoundError:
            return False

    def _pages(self, prefix: str, **extra):
        paginator = self.client.get_paginator("list_objects_v2")
        try:
            yield from paginator.paginate(Bucket=self.bucket, Prefix=self._dir_key(prefix), **extra)
        except self._errors.ClientError as error:
            raise StoreError(f"{self.root}: listing failed: {error}") from None

    def list(self, prefix):
        return {self.rel(o["Key"]): o["Size"] for page in self._pages(prefix) for o in page.get("Contents", [])}

    def list_dirs(self, prefix):
        base = self._dir_key(prefix)
        return sorted(p["Prefix"][len(base):].rstrip("/") for page in self._pages(prefix, Delimiter="/")
                      for p in page.get("CommonPrefixes", []))

    def copy(self, source, target):
        self._call("copy_object", Key=self.key(target), CopySource={"Bucket": self.bucket, "Key": self.key(source)})

    def delete(self, rel):
        self._call("delete_object", Key=self.key(rel))

    @functools.cache  # noqa: B019 - one filesystem per store, and stores live for the process
    def arrow_fs(self):
        """pyarrow's S3 filesystem with boto3's view of endpoint, region and credentials."""
        from pyarrow import fs

        options = {"region": self.client.meta.region_name or "us-east-1"}
        endpoint = self.client.meta.endpoint_url
        if endpoint and not re.match(r"^https://s3[.-]([a-z0-9-]+\.)?amazonaws\.com", endpoint):
            options["endpoint_override"] = endpoint
        credentials = self.client._request_signer._credentials
        if credentials is not None:
            frozen = credentials.get_frozen_credentials()
            options.update(access_key=frozen.access_key, secret_key=frozen.secret_key)
            if frozen.token:
                options["session_token"] = frozen.token
        return fs.S3FileSystem(**options)


class GcsStore(_ObjectStore):
    """GCS through google-cloud-storage: STORAGE_EMULATOR_HOST, application default credentials."""

    def __init__(self, root: str):
        super().__init__(root)
        from google.api_core import exceptions
        from google.cloud import storage

        self._errors = exceptions
        self.client = storage.Client()
        self.handle = self.client.bucket(self.bucket)

    def _guard(self, rel, call):
        try:
            return call()
        except self._errors.NotFound:
            raise FileNotFoundError(self.url(rel)) from None
        except self._errors.GoogleAPIError as error:
            raise StoreError(f"{self.root}: {error}") from None

    def read_bytes(self, rel):
        return self._guard(rel, lambda: self.handle.blob(self.key(rel)).download_as_bytes())

    def write_bytes(self, rel, data):
        self._guard(rel, lambda: self.handle.blob(self.key(rel)).upload_from_string(data))

    def _conditional(self, rel, data, generation: int) -> bool:
        try:
            self.handle.blob(self.key(rel)).upload_from_string(data, if_generation_match=generation)
            return True
        except self._errors.PreconditionFailed:
            return False
        except self._errors.GoogleAPIError as error:
            raise StoreError(f"{self.root}: conditional upload failed: {error}") from None

    def create_if_absent(self, rel, data):
        return self._conditional(rel, data, 0)

    def read_versioned(self, rel):
        blob = self.handle.blob(self.key(rel))
        try:
            data = self._guard(rel, blob.download_as_bytes)
        except FileNotFoundError:
            return None
        return data, str(blob.generation)

    def replace_if(self, rel, data, version):
        return self._conditional(rel, data, int(version))

    def exists(self, rel):
        return self._guard(rel, lambda: self.handle.blob(self.key(rel)).exists())

    def list(self, prefix):
        blobs = self._guard(prefix, lambda: list(self.client.list_blobs(self.bucket, prefix=self._dir_key(prefix))))
        return {self.rel(b.name): b.size for b in blobs}

    def list_dirs(self, prefix):
        base = self._dir_key(prefix)

        def prefixes():
            pages = self.client.list_blobs(self.bucket, prefix=base, delimiter="/")
            for _ in pages:
                pass
            return pages.prefixes

        return sorted(p[len(base):].rstrip("/") for p in self._guard(prefix, prefixes))

    def copy(self, source, target):
        self._guard(source, lambda: self.handle.copy_blob(self.handle.blob(self.key(source)), self.handle, self.key(target)))

    def delete(self, rel):
        try:
            self._guard(rel, lambda: self.handle.blob(self.key(rel)).delete())
        except FileNotFoundError:
            pass

    @functools.cache  # noqa: B019 - one filesystem per store, and stores live for the process
    def arrow_fs(self):
        """pyarrow's GCS filesystem: the emulator anonymously when STORAGE_EMULATOR_HOST is set
        (FileSystem.from_uri would look for credentials first), else application default credentials."""
        from pyarrow import fs

        emulator = os.environ.get("STORAGE_EMULATOR_HOST")
        if emulator:
            scheme, _, host = emulator.rpartition("://")
            return fs.GcsFileSystem(anonymous=True, endpoint_override=host.rstrip("/"), scheme=scheme or "http")
        return fs.GcsFileSystem()


def buffer_table(data: bytes) -> pa.Table:
    return pq.read_table(io.BytesIO(data), partitioning=None)
