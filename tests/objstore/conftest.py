"""Real object-store emulators on 127.0.0.1 for the gs:// and s3:// tests (`make test-objstore`).

The emulators (tests/objstore/emulators.py: moto's S3 server and fake-gcs-server) start once per
session. Every process the tests start finds them through the variables users set for real
clouds (AWS_ENDPOINT_URL and keys; STORAGE_EMULATOR_HOST), set here in os.environ for the
session. These tests are marked `objstore` and deselected by the default `make test`
(pytest.ini); the emulators missing is a failure here, never a skip.
"""
from __future__ import annotations

import os
import uuid

import pytest

from .emulators import BUCKET, client_environment, start, stop


@pytest.fixture(scope="session")
def emulators(tmp_path_factory):
    """Both emulators, one bucket each; the environment points every client at them."""
    ports, procs = start(tmp_path_factory.mktemp("emulators"))
    try:
        os.environ.update(client_environment(ports["s3"], ports["gs"]))
        yield ports
    finally:
        stop(procs)


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
