"""Live progress of `eventwire run` (pipeline/progress.py, transforms/progress.py).

End to end: real runs over generated feeds served on 127.0.0.1, under a real pseudo-terminal
(the rich line), with stderr on a pipe (plain lines, or none with --quiet), and with two worker
processes. The plain parts (snapshot, lines, rate, spool) are tested without Beam.
"""
from __future__ import annotations

import fcntl
import io
import json
import os
import pickle
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from conftest import ROOT
from static_server import StaticServer

from pipeline.progress import RateMeter, RunProgress, Snapshot, bar_text, plain_line, read_spool, watch

COUNTRIES = ["Russia", "Ukraine", "France", "Germany", "China", "Japan", "Brazil", "Kenya", "Egypt", "India",
             "Turkey", "Poland", "Mexico", "Canada", "Iran", "Israel", "Sudan", "Chile", "Spain", "Italy"]
VERBS = ["accused", "criticized", "praised", "condemned", "threatened", "urged", "met with", "thanked"]
FILLER = ["Heavy rain is expected over the weekend.", "The match ended in a draw after a late penalty.",
          "Shares closed higher on Friday.", "The festival drew record crowds."]


def write_feeds(folder: Path, feeds: int, items_per_feed: int) -> list[str]:
    """`feeds` RSS files of distinct news-like items (about half name two countries and a verb)."""
    folder.mkdir(parents=True, exist_ok=True)
    names, number = [], 0
    for f in range(feeds):
        items = []
        for _ in range(items_per_feed):
            number += 1
            a, b = COUNTRIES[number % len(COUNTRIES)], COUNTRIES[(number * 7 + 3) % len(COUNTRIES)]
            if a == b:
                b = COUNTRIES[(number + 1) % len(COUNTRIES)]
            title = f"{a} {VERBS[number % len(VERBS)]} {b} over talks number {number}"
            text = f"{FILLER[number % len(FILLER)]} {a} {VERBS[(number // 3) % len(VERBS)]} {b} on Monday."
            day = 1 + number % 28
            items.append(f"<item><title>{escape(title)}</title><link>https://news.example.org/{number}</link>"
                         f"<description>{escape(text)}</description>"
                         f"<pubDate>Mon, {day:02d} Nov 2026 08:00:00 GMT</pubDate></item>")
        name = f"feed-{f}.rss"
        (folder / name).write_text('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                                   f"<title>feed {f}</title><link>https://news.example.org/</link>"
                                   + "\n".join(items) + "</channel></rss>\n", encoding="utf-8")
        names.append(name)
    return names


def env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def run_on_terminal(args: list[str], columns: int = 120, timeout: float = 300) -> tuple[int, str]:
    """`eventwire run ARGS` with stdout and stderr on a pseudo-terminal; (exit code, what it showed)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", *args], stdin=subprocess.DEVNULL,
                            stdout=follower, stderr=follower, cwd=ROOT, env=env())
    os.close(follower)
    chunks, deadline = [], time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if ready:
                try:
                    data = os.read(leader, 65536)
                except OSError:  # EIO: every writer has closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        os.close(leader)
        if proc.poll() is None:
            proc.kill()
    return code, b"".join(chunks).decode("utf-8", "replace")


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
BAR_LINE = re.compile(r"(\d+)/(\d+|\?) sources .*?([\d,]+) articles · ([\d,]+) events · \d+:\d\d:\d\d · [\d.]+ articles/s")
PLAIN_LINE = re.compile(r"^eventwire: progress \d+:\d\d:\d\d sources (\d+)/(\d+|\?); entries ([\d,]+); "
                        r"articles parsed ([\d,]+); events ([\d,]+); [\d.]+ articles/s$")


def screen_lines(shown: str) -> list[str]:
    """What a terminal showed, one entry per redraw: escapes stripped, split at \\r and \\n."""
    return [line.strip() for line in re.split(r"[\r\n]+", ANSI.sub("", shown)) if line.strip()]


def progress_before_summary(lines: list[str]) -> tuple[list[tuple[int, int, int]], int]:
    """[(sources done, articles, events)] of the progress lines, and the summary's index."""
    summary = next(i for i, line in enumerate(lines) if line.startswith("eventwire run "))
    seen = []
    for line in lines[:summary]:
        match = BAR_LINE.search(line)
        if match:
            seen.append((int(match[1]), int(match[3].replace(",", "")), int(match[4].replace(",", ""))))
    return seen, summary


def summary_value(lines: list[str], label: str) -> int:
    return int(next(line for line in lines if line.startswith(label + ":")).split(":")[1])


def assert_counts_up(seen: list[tuple[int, int, int]], sources: int, articles: int, events: int) -> None:
    assert seen, "no progress line before the summary"
    for before, after in zip(seen, seen[1:]):
        assert all(b <= a for b, a in zip(before, after)), f"a count went down: {before} -> {after}"
    middle = {n for _, n, _ in seen if 0 < n < articles}
    assert len(middle) >= 2, f"articles were not shown while parsing: {sorted({n for _, n, _ in seen})}"
    assert seen[-1] == (sources, articles, events), seen[-1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("feeds")
    names = write_feeds(folder, feeds=3, items_per_feed=500)
    with StaticServer(folder) as server:
        yield [server.url(name) for name in names]


def test_a_terminal_shows_counts_going_up_before_the_summary(served, tmp_path):
    code, shown = run_on_terminal(["--feeds", *served, "--output", str(tmp_path / "out")])
    lines = screen_lines(shown)
    assert code == 0, shown[-3000:]
    seen, summary = progress_before_summary(lines)
    summary_lines = lines[summary:]
    articles = summary_value(summary_lines, "articles new")
    assert articles == 1500
    events = summary_value(summary_lines, "events written")
    assert events > 0
    assert_counts_up(seen, 3, articles, events)
    totals = {m[2] for m in map(BAR_LINE.search, lines[:summary]) if m}
    assert totals == {"?", "3"} or totals == {"3"}, totals  # the total is known before the fetches end
    assert any(line.startswith("wall time:") for line in summary_lines)


@pytest.mark.slow
def test_two_worker_processes_report_progress_too(served, tmp_path):
    code, shown = run_on_terminal(["--feeds", *served, "--output", str(tmp_path / "out"),
                                   "--direct_num_workers=2", "--direct_running_mode=multi_processing"])
    lines = screen_lines(shown)
    assert code == 0, shown[-3000:]
    seen, summary = progress_before_summary(lines)
    assert_counts_up(seen, 3, summary_value(lines[summary:], "articles new"),
                     summary_value(lines[summary:], "events written"))


def test_without_a_terminal_plain_lines_at_the_interval_and_none_when_quiet(served, tmp_path):
    command = [sys.executable, "-m", "pipeline", "run", "--feeds", *served[:2], "--progress_interval", "0.5"]
    done = subprocess.run([*command, "--output", str(tmp_path / "a")], capture_output=True, text=True,
                          cwd=ROOT, env=env(), timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "\x1b" not in done.stderr and "\r" not in done.stderr  # no terminal drawing in a log
    progress = [PLAIN_LINE.match(line) for line in done.stderr.splitlines() if line.startswith("eventwire: progress")]
    assert len(progress) >= 3 and all(progress), done.stderr[-3000:]
    articles = [int(m[4].replace(",", "")) for m in progress]
    assert articles == sorted(articles) and articles[-1] > 0
    assert {m[2] for m in progress} <= {"?", "2"}
    assert done.stdout.startswith("eventwire run ") and "articles new:         1000" in done.stdout

    quiet = subprocess.run([*command, "--output", str(tmp_path / "b"), "--quiet"], capture_output=True, text=True,
                           cwd=ROOT, env=env(), timeout=300)
    assert quiet.returncode == 0, quiet.stderr[-3000:]
    assert "progress" not in quiet.stderr

    def counts(summary: str) -> list[str]:  # the summary but its first line (run id) and wall time
        return [line for line in summary.splitlines()[1:] if not line.strip().startswith("wall time")]

    assert quiet.stdout.startswith("eventwire run ") and counts(quiet.stdout) == counts(done.stdout)


def test_a_bad_interval_is_a_usage_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--output", str(tmp_path), "--progress_interval", "0"],
                          capture_output=True, text=True, cwd=ROOT, env=env(), timeout=120)
    assert done.returncode == 2 and "--progress_interval must be positive" in done.stderr


# -- the plain parts ---------------------------------------------------------------


def test_snapshot_sums_what_the_display_needs():
    totals = {"sources_listed": 40, "sources_ok": 10, "sources_failed": 1, "sources_not_modified": 2,
              "entries_parsed": 3000, "articles_parsed": 1234, "events_extracted": 567, "dead_letters": 9}
    snapshot = Snapshot.of(totals, elapsed=3725.4, rate=41.06)
    assert (snapshot.sources_done, snapshot.sources_total) == (13, 40)
    assert plain_line(snapshot) == ("eventwire: progress 1:02:05 sources 13/40 (1 failed); entries 3,000; "
                                    "articles parsed 1,234; events 567; 41.1 articles/s")
    assert bar_text(snapshot) == "13/40 sources (1 failed) · 1,234 articles · 567 events · 1:02:05 · 41.1 articles/s"
    assert Snapshot.of({}, 0.0).sources() == "0/?"


def test_rate_is_recent():
    meter = RateMeter(window=5)
    assert meter.update(0.0, 0) == 0.0
    assert meter.update(1.0, 0) == 0.0  # loading the model
    for second in range(2, 20):
        rate = meter.update(float(second), (second - 1) * 100)
    assert rate == pytest.approx(100.0)  # the slow start has left the window
    assert meter.update(25.0, 1800) == 0.0  # nothing parsed for longer than the window


def test_read_spool_sums_processes_and_skips_a_file_being_written(tmp_path):
    (tmp_path / "1-a.json").write_text(json.dumps({"articles_parsed": 3, "events_extracted": 1}))
    (tmp_path / "2-b.json").write_text(json.dumps({"articles_parsed": 4}))
    (tmp_path / "3-c.json").write_text('{"articles_pa')  # not a complete file: skipped
    (tmp_path / "2-b.json.tmp").write_text(json.dumps({"articles_parsed": 100}))
    assert read_spool(tmp_path) == {"articles_parsed": 7, "events_extracted": 1}


def test_increments_reach_the_spool_here_and_from_a_forked_child(tmp_path):
    from transforms import progress as spool
    from transforms.counters import Counter, counter

    spool.start(str(tmp_path))
    try:
        parsed = pickle.loads(pickle.dumps(counter("articles_parsed")))  # DoFns carry counters pickled
        assert isinstance(parsed, Counter)
        parsed.inc(5)
        pid = os.fork()
        if pid == 0:  # a worker process of its own: its own file
            code = 1
            try:
                counter("articles_parsed").inc(7)
                spool.stop()
                code = 0
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        deadline = time.monotonic() + 5
        while read_spool(tmp_path).get("articles_parsed") != 12 and time.monotonic() < deadline:
            time.sleep(0.05)  # this process's thread flushes every half second
        assert read_spool(tmp_path) == {"articles_parsed": 12}
        assert len(list(tmp_path.glob("*.json"))) == 2
    finally:
        spool.stop()
    assert "EVENTWIRE_PROGRESS_DIR" not in os.environ
    counter("articles_parsed").inc(1)  # outside a run: counted by Beam only
    assert read_spool(tmp_path) == {"articles_parsed": 12}


def test_which_display():
    assert watch(io.StringIO(), quiet=True) is None
    assert watch(io.StringIO(), quiet=False, interval=5).mode == "lines"
    leader, follower = pty.openpty()
    try:
        with os.fdopen(follower, "w", closefd=False) as terminal:
            assert watch(terminal, quiet=False).mode == "bar"
    finally:
        os.close(leader)
        os.close(follower)


def test_lines_mode_prints_at_its_interval(tmp_path):
    from transforms import progress as spool

    stream = io.StringIO()
    with RunProgress(stream, "lines", interval=0.2):
        spool.add("sources_listed", 2)
        spool.add("articles_parsed", 10)
        time.sleep(1.3)
    lines = stream.getvalue().splitlines()
    assert len(lines) >= 3 and all(PLAIN_LINE.match(line) for line in lines)
    assert "articles parsed 10;" in lines[-1]
    assert "EVENTWIRE_PROGRESS_DIR" not in os.environ
