"""The object-store backends: S3 through boto3, GCS through google-cloud-storage.

Why these clients: they expose the conditional writes the commit point and the lock need
(S3 `If-None-Match: *` / `If-Match: <etag>`, GCS `ifGenerationMatch`) and they follow each
cloud's own configuration (AWS_ENDPOINT_URL, AWS_PROFILE and the credential chain;
STORAGE_EMULATOR_HOST and application default credentials). pyarrow's filesystems, built
here from the same settings, read the Parquet files. Both clients are imported only when a
bucket is used: they come with the `aws` and `gcp` extras.
"""
from __future__ import annotations

import functools
import os
import re

from transforms.store.store_base import Store, StoreError


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

    def arrow(self, rel):
        return f"{self.bucket}/{self.key(rel)}", self.arrow_fs()

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
        self.session = boto3.session.Session()
        self.client = self.session.client(
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

    def _pages(self, prefix: str, raw: bool = False, **extra):
        paginator = self.client.get_paginator("list_objects_v2")
        start = self.key(prefix) if raw else self._dir_key(prefix)
        try:
            yield from paginator.paginate(Bucket=self.bucket, Prefix=start, **extra)
        except self._errors.ClientError as error:
            raise StoreError(f"{self.root}: listing failed: {error}") from None

    def list(self, prefix):
        return {self.rel(o["Key"]): o["Size"] for page in self._pages(prefix) for o in page.get("Contents", [])}

    def list_from(self, start):
        return {self.rel(o["Key"]): o["Size"] for page in self._pages(start, raw=True) for o in page.get("Contents", [])}

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
        credentials = self.session.get_credentials()
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

    def list_from(self, start):
        blobs = self._guard(start, lambda: list(self.client.list_blobs(self.bucket, prefix=self.key(start))))
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
