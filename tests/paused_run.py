"""`python tests/paused_run.py POINT FLAG_FILE RUN_ARGS...`: `eventwire run` that stops at POINT.

It is the command line's `run` (same messages and exit codes) with a WriterHooks injected.

The crash tests (test_crash.py) start this as a subprocess: when the writer reaches POINT
(transforms/store/hooks.py) it touches FLAG_FILE and sleeps, so the test can `kill -9` it
at a known place. The hook is injected into run_pipeline; production code reads no
environment variable for it.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.cli import run  # noqa: E402
from transforms.store.hooks import POINTS, WriterHooks  # noqa: E402


class PauseAt(WriterHooks):
    """Stop the first time `point` is reached in this process: touch `flag`, then sleep until
    `flag`.go appears (the test lets the run go on) or `seconds` pass."""

    def __init__(self, point: str, flag: str, seconds: float = 600.0):
        if point not in POINTS:
            raise ValueError(f"unknown pause point {point!r}; expected one of {POINTS}")
        self.point, self.flag, self.seconds = point, flag, seconds
        self._paused = False

    def reached(self, point: str) -> None:
        if point != self.point or self._paused:
            return
        self._paused = True
        Path(self.flag).write_text(point)
        go, deadline = Path(self.flag + ".go"), time.monotonic() + self.seconds
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.05)


if __name__ == "__main__":
    point, flag, *args = sys.argv[1:]
    sys.exit(run(args, writer_hooks=PauseAt(point, flag)))
