"""The README's "Scaling out" commands run as written, against the emulators (bucket names and the
feeds list substituted)."""
from __future__ import annotations

import re
import shlex
import uuid
from pathlib import Path

import pytest
from runs_helpers import eventwire

from .emulators import BUCKET

pytestmark = pytest.mark.objstore
README = Path(__file__).resolve().parents[2] / "README.md"
NOT_RUN = ("pip install",)  # installs packages: `make install-objstore` did


def scaling_out_lines() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## Scaling out", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```shell\n(.*?)```", section, flags=re.S).group(1)
    return [re.sub(r"\s+#.*$", "", line).strip() for line in block.splitlines() if line.strip()]


def test_every_scaling_out_command_runs_against_the_emulators(emulators, feed_urls, tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("\n".join(feed_urls) + "\n")
    prefix = uuid.uuid4().hex[:8]
    ran = 0
    for line in scaling_out_lines():
        if line.startswith(NOT_RUN):
            continue
        words = shlex.split(line.replace("my-bucket", f"{BUCKET}/{prefix}"))
        assert words[0] == "eventwire", f"README line not covered: {line}"
        words = [str(feeds) if w == "feeds.txt" else w for w in words[1:]]
        done = eventwire(*words)
        assert done.returncode == 0, f"{line}: {done.stderr[-1500:]}"
        if words[0] == "report":
            assert done.stdout.strip().startswith(f"gs://{BUCKET}/{prefix}/events/_reports/report-")
        ran += 1
    assert ran == 7
