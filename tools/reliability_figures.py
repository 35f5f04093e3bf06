"""Before/after figures of issue 13's cases 1-3, run against any checkout of eventwire.

    .venv/bin/python tools/reliability_figures.py CODE_ROOT     # e.g. a worktree of an older commit

Runs the scenarios with CODE_ROOT's `python -m pipeline` (real runs, real files, in a temporary
folder) and prints row counts: deleting `_lock` under a live run (then a second run, or
`eventwire recover`), a run id reused after its manifest was deleted, and 150 queries while a
writer commits. The regression tests (tests/test_reliability.py) assert the same on this code.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def _pause(point: str, flag: str, args: list[str]) -> None:
    """A run that stops at a writer hook point until FLAG.go exists (works on older checkouts too)."""
    sys.path.insert(0, str(Path.cwd()))
    from pipeline.options import EventwireOptions
    from pipeline.run import run_pipeline
    from transforms.store.hooks import WriterHooks

    class PauseAt(WriterHooks):
        def __init__(self):
            self.done = False

        def reached(self, reached_point):
            if reached_point != point or self.done:
                return
            self.done = True
            Path(flag).write_text(point)
            while not Path(flag + ".go").exists():
                time.sleep(0.05)

    try:
        run_pipeline(EventwireOptions(args), writer_hooks=PauseAt())
        print("exit 0")
    except Exception as error:  # the figure is what happened, printed in one line
        print("failed:", type(error).__name__, str(error)[:200])
        sys.exit(1)


def query_race(code: Path, queries: int = 150) -> tuple[int, int]:
    """(wrong counts, failed queries) of `queries` counts of 300 rows while a writer commits run
    after run, each rewriting every partition with the same rows (tests/test_reliability.py
    asserts (0, 0) on this code)."""
    sys.path[:0] = [str(code), str(code / "tests")]
    from conftest import make_event

    from pipeline.query import run_query
    from transforms.store import dataset

    date = dt.date(2026, 11, 20)
    by_actor = {a: [make_event(event_id=f"{a}{i:029d}", actor=a, article_id=f"{a}-{i}", date=date) for i in range(50)]
                for a in ["RUS", "UKR", "NATO", "EU", "USA", "CHN"]}
    with tempfile.TemporaryDirectory() as root:

        def commit(run_id):
            changes = [dataset.stage_partition(root, run_id, date, a, rows, purge_articles=[r.article_id for r in rows])
                       for a, rows in by_actor.items()]
            dataset.commit(root, run_id, changes)

        commit("r0")
        stop = threading.Event()

        def writer():
            index = 1
            while not stop.wait(0.005):
                commit(f"r{index}")
                index += 1

        thread = threading.Thread(target=writer)
        thread.start()
        wrong = failed = 0
        try:
            for _ in range(queries):
                try:
                    wrong += run_query(root, "SELECT count(*) FROM events")[1][0][0] != 300
                except Exception:  # counted: a query that fails is a figure here
                    failed += 1
        finally:
            stop.set()
            thread.join()
    return wrong, failed


def main(code: Path) -> None:
    python = sys.executable
    feeds = code / "examples" / "feeds"
    env = dict(os.environ, PYTHONPATH=str(code))

    def eventwire(*args):
        return subprocess.run([python, "-m", "pipeline", *map(str, args)], cwd=code, env=env, capture_output=True,
                              text=True)

    def count(output):
        done = eventwire("query", "--output", output, "--format", "json",
                         "SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM events")
        return json.loads(done.stdout)[0] if done.returncode == 0 else done.stderr.strip()[-150:]

    def paused(tmp, point, *args):
        flag = tmp / f"flag-{point}"
        proc = subprocess.Popen([python, __file__, "_pause", point, str(flag), *map(str, args)], cwd=code, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while not flag.exists():
            if proc.poll() is not None:
                raise SystemExit(proc.stderr.read()[-2000:])
            time.sleep(0.05)
        return proc, flag

    def resume(proc, flag):
        Path(str(flag) + ".go").write_text("go")
        out, err = proc.communicate()
        return out.strip().splitlines()[-1] if out.strip() else err.strip()[-200:]

    tmp = Path(tempfile.mkdtemp())
    base, clean = tmp / "base", tmp / "clean"
    eventwire("run", "--feeds", feeds / "world-news.rss", "--output", base, "--run_id", "base")
    eventwire("run", "--feeds", feeds, "--output", clean, "--run_id", "clean")
    print("clean run over both sample feeds:", count(clean), "| base (one feed):", count(base))

    output = tmp / "c1a"
    shutil.copytree(base, output)
    proc, flag = paused(tmp, "stage", "--feeds", feeds, "--output", output, "--run_id", "first")
    (output / "_lock").unlink()
    second = eventwire("run", "--feeds", feeds, "--output", output, "--run_id", "second")
    first = resume(proc, flag)
    print("case 1a: rm _lock under run 1, run 2 starts: run 2 exit", second.returncode, "| run 1:", first,
          "| dataset:", count(output))
    output = tmp / "c1b"
    shutil.copytree(base, output)
    proc, flag = paused(tmp, "precommit", "--feeds", feeds, "--output", output, "--run_id", "first")
    (output / "_lock").unlink()
    recovered = eventwire("recover", "--output", output)
    first = resume(proc, flag)
    after = eventwire("run", "--feeds", feeds, "--output", output, "--run_id", "after")
    print("case 1b: rm _lock; recover while run 1 waits at its commit: recover exit", recovered.returncode,
          repr((recovered.stdout.strip() or recovered.stderr.strip())[:80]), "| run 1:", first, "| then a new run: exit",
          after.returncode, "dataset:", count(output))

    text = (feeds / "world-news.rss").read_text(encoding="utf-8")
    wire = tmp / "wire.rss"
    wire.write_text(text.replace("news.example.org/world/2026", "wire.example.net/2026").replace("example-world-", "wire-"),
                    encoding="utf-8")
    output, reference = tmp / "c2", tmp / "c2ref"
    eventwire("run", "--feeds", feeds / "world-news.rss", "--output", output, "--run_id", "nightly-1")
    (output / "_runs" / "nightly-1.json").unlink()
    eventwire("run", "--feeds", wire, "--output", output, "--run_id", "nightly-1")
    eventwire("run", "--feeds", feeds / "world-news.rss", wire, "--output", reference, "--run_id", "r")
    print("case 2: run id reused after its manifest was deleted:", count(output), "expected", count(reference))
    wrong, failed = query_race(code)
    print(f"case 3: 150 queries during commits: {wrong} wrong counts, {failed} failed")


if __name__ == "__main__":
    if sys.argv[1] == "_pause":
        _pause(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        main(Path(sys.argv[1]).resolve())
