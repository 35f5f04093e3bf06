"""Helpers for the tests that run `eventwire` as a subprocess and compare datasets."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT

FEEDS = ROOT / "examples" / "feeds"


def env(**extra) -> dict:
    values = dict(os.environ, PYTHONPATH=str(ROOT))
    values.update({k: str(v) for k, v in extra.items()})
    return values


def eventwire(*args, timeout=300, **extra_env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True,
        timeout=timeout, cwd=ROOT, env=env(**extra_env),
    )


def run_ok(*args, **extra_env) -> subprocess.CompletedProcess:
    done = eventwire("run", *args, **extra_env)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def start_paused(tmp_path: Path, point: str, *args) -> subprocess.Popen:
    """Start a run that stops at `point` (tests/paused_run.py, transforms/store/hooks.py); returns once it is there."""
    flag = tmp_path / f"paused-{point}"
    flag.unlink(missing_ok=True)
    (tmp_path / f"paused-{point}.go").unlink(missing_ok=True)
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "paused_run.py"), point, str(flag), *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env(),
    )
    deadline = time.monotonic() + 120
    while not flag.exists():
        if proc.poll() is not None:
            raise AssertionError(f"run ended before reaching {point}: {proc.stderr.read().decode()[-3000:]}")
        assert time.monotonic() < deadline, f"run never reached {point}"
        time.sleep(0.05)
    return proc


def resume(tmp_path: Path, point: str, proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    """Let a run stopped by start_paused go on; (exit code, stdout, stderr) once it ends."""
    (tmp_path / f"paused-{point}.go").write_text("go")
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out.decode(), err.decode()


def kill9(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()


def events(output: Path) -> tuple[int, list[str]]:
    """(row count, sorted event ids) through the snapshot reader."""
    from pipeline.query import run_query

    rows = run_query(str(output), "SELECT event_id FROM events ORDER BY event_id")[1]
    return len(rows), [r[0] for r in rows]


def plain_events(output: Path) -> tuple[int, list[str]]:
    """The same through a plain Hive reader that knows nothing of the protocol."""
    import pyarrow.dataset as ds

    ids = ds.dataset(output, format="parquet", partitioning="hive").to_table(columns=["event_id"]).column("event_id")
    return len(ids), sorted(ids.to_pylist())


def live_files(output: Path) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in output.glob("date=*/actor=*/*.parquet"))


def copy_feeds(tmp_path: Path) -> Path:
    target = tmp_path / "feeds"
    shutil.copytree(FEEDS, target)
    return target


_CLEAN: dict = {}


def clean_reference(tmp_root: Path) -> tuple[Path, tuple[int, list[str]]]:
    """One clean run over the sample feeds (cached for the session): what every run must converge to."""
    if "ref" not in _CLEAN:
        output = tmp_root / "clean"
        run_ok("--feeds", FEEDS, "--output", output, "--run_id", "clean")
        _CLEAN["ref"] = (output, events(output))
    return _CLEAN["ref"]


def one_feed_base(tmp_root: Path) -> tuple[Path, tuple[int, list[str]], list[str]]:
    """A committed dataset from one of the two sample feeds (cached for the session; tests copy
    it before changing anything): (folder, its events, its live files)."""
    if "base" not in _CLEAN:
        output = tmp_root / "base" / "out"
        run_ok("--feeds", FEEDS / "world-news.rss", "--output", output, "--run_id", "base")
        _CLEAN["base"] = (output, events(output), live_files(output))
    return _CLEAN["base"]
