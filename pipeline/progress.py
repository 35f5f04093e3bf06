"""Live progress of `eventwire run` on stderr, from the pipeline's own counters while it runs.

- stderr is a terminal: one live line drawn with rich (a bar of the sources fetched, then
  sources fetched of the total, articles parsed, events found, elapsed time, articles per second);
- stderr is not a terminal (cron, systemd, Airflow): a plain line every `--progress_interval`
  seconds, which a log keeps readable;
- `--quiet`: nothing (and no counting on the side).

Every counter increment is also spooled by the process that made it (transforms/progress.py);
while `p.run()` blocks, a thread here polls the spool folder and sums the files. The run's
summary is printed after, as before, from Beam's own counters.
"""
from __future__ import annotations

import collections
import dataclasses
import json
import shutil
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from transforms import progress as spool

BAR_POLL_SECONDS = 0.5
RATE_WINDOW_SECONDS = 5.0
DEFAULT_INTERVAL_SECONDS = 30.0


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """What the display shows at one moment."""

    elapsed: float
    sources_total: int
    sources_done: int
    sources_failed: int
    entries: int
    articles: int
    events: int
    rate: float  # articles parsed per second, recently

    @classmethod
    def of(cls, totals: Mapping[str, int], elapsed: float, rate: float = 0.0) -> Snapshot:
        failed = totals.get("sources_failed", 0)
        done = totals.get("sources_ok", 0) + failed + totals.get("sources_not_modified", 0)
        return cls(
            elapsed=elapsed, sources_total=totals.get("sources_listed", 0), sources_done=done, sources_failed=failed,
            entries=totals.get("entries_parsed", 0), articles=totals.get("articles_parsed", 0),
            events=totals.get("events_extracted", 0), rate=rate,
        )

    def sources(self) -> str:
        """'3/4': fetched of listed; '?' for the total until the pipeline has listed them."""
        total = f"{self.sources_total:,}" if self.sources_total else "?"
        return f"{self.sources_done:,}/{total}"

    def failed(self) -> str:
        return f" ({self.sources_failed:,} failed)" if self.sources_failed else ""


def plain_line(snapshot: Snapshot) -> str:
    """The line a log gets: 'eventwire: progress 0:01:30 sources 3/4; entries 3,000; articles parsed 1,312; ...'."""
    s = snapshot
    return (f"eventwire: progress {_clock(s.elapsed)} sources {s.sources()}{s.failed()}; entries {s.entries:,}; "
            f"articles parsed {s.articles:,}; events {s.events:,}; {s.rate:.1f} articles/s")


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class RateMeter:
    """Articles per second over the last `window` seconds: what the run does now, not since
    the model was loading."""

    def __init__(self, window: float = RATE_WINDOW_SECONDS):
        self.window = window
        self._samples: collections.deque[tuple[float, int]] = collections.deque()

    def update(self, now: float, count: int) -> float:
        self._samples.append((now, count))
        while len(self._samples) > 2 and now - self._samples[1][0] >= self.window:
            self._samples.popleft()  # keep one sample at or beyond the window as the baseline
        then, before = self._samples[0]
        return (count - before) / (now - then) if now > then else 0.0


def read_spool(folder: str | Path) -> dict[str, int]:
    """The counters of every process that spooled to `folder`, summed."""
    totals: dict[str, int] = collections.defaultdict(int)
    for path in Path(folder).glob("*.json"):
        try:
            counts = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # replaced or removed as we read it: the next poll has it
            continue
        for name, value in counts.items():
            totals[name] += int(value)
    return dict(totals)


class RunProgress:
    """Entered around `p.run()` (pipeline/run.py): spools counters from the start, shows them
    until the pipeline returns. `mode` is "bar" (a terminal) or "lines"."""

    def __init__(self, stream: TextIO, mode: str, interval: float = DEFAULT_INTERVAL_SECONDS):
        if mode not in ("bar", "lines"):
            raise ValueError(f"progress mode: {mode!r}")
        self.stream = stream
        self.mode = mode
        self.interval = interval
        self._stop = threading.Event()
        self._folder: str | None = None
        self._thread: threading.Thread | None = None
        self._bar = None
        self._task = None
        self._separator = " · "
        self._started = 0.0
        self._rate = RateMeter(RATE_WINDOW_SECONDS if mode == "bar" else interval)

    def __enter__(self) -> RunProgress:
        self._folder = tempfile.mkdtemp(prefix="eventwire-progress-")
        spool.start(self._folder)
        self._started = time.monotonic()
        if self.mode == "bar":
            self._bar, self._task, self._separator = _rich_bar(self.stream)
            self._bar.start()
        self._thread = threading.Thread(target=self._loop, name="eventwire-progress", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, error_type, *_) -> None:
        self._stop.set()
        self._thread.join()
        spool.stop()  # this process's last increments (the in-process runner's workers)
        if self._bar is not None:
            if error_type is None:  # a failed or interrupted run keeps its last line, not a ✓
                self._show(self.snapshot(final=True), ended=True)
            self._bar.stop()
        shutil.rmtree(self._folder, ignore_errors=True)

    def snapshot(self, final: bool = False) -> Snapshot:
        """The totals now; the rate is recent while running, the whole run's average at the end."""
        now = time.monotonic()
        totals = read_spool(self._folder)
        articles, elapsed = totals.get("articles_parsed", 0), now - self._started
        rate = articles / elapsed if final and elapsed > 0 else self._rate.update(now, articles)
        return Snapshot.of(totals, elapsed, rate)

    def _loop(self) -> None:
        wait = BAR_POLL_SECONDS if self.mode == "bar" else self.interval
        while not self._stop.wait(wait):
            self._show(self.snapshot())

    def _show(self, snapshot: Snapshot, ended: bool = False) -> None:
        if self._bar is None:
            print(plain_line(snapshot), file=self.stream, flush=True)
            return
        self._bar.update(self._task, total=snapshot.sources_total or None, completed=snapshot.sources_done,
                         line=bar_text(snapshot, self._separator), ended=ended)
        self._bar.refresh()


def bar_text(snapshot: Snapshot, separator: str = " · ") -> str:
    """What follows the bar: '4/4 sources · 1,312 articles · 1,163 events · 0:00:12 · 190.2 articles/s'
    (under 80 columns for a run of a few thousand articles; the rate is cut first when narrower)."""
    s = snapshot
    return separator.join((f"{s.sources()} sources{s.failed()}", f"{s.articles:,} articles", f"{s.events:,} events",
                           _clock(s.elapsed), f"{s.rate:.1f} articles/s"))


def _rich_bar(stream: TextIO):
    """A spinner, a bar of sources fetched (from 90 columns on) and `bar_text`; drawn when we poll."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    class RunSpinner(SpinnerColumn):
        """Spins until the run ends, not when the bar's task (the sources) is complete."""

        def render(self, task):
            return self.finished_text if task.fields.get("ended") else self.spinner.render(task.get_time())

    console = Console(file=stream)
    unicode = console.encoding.lower().startswith("utf")
    columns = [RunSpinner(finished_text="[green]✓[/]" if unicode else "*")]
    if console.width >= 90:
        columns.append(BarColumn(bar_width=12))
    columns.append(TextColumn("{task.fields[line]}"))
    bar = Progress(*columns, console=console, auto_refresh=False, redirect_stdout=False, redirect_stderr=False)
    task = bar.add_task("run", total=None, line="starting", ended=False)
    return bar, task, " · " if unicode else " | "


def watch(stream: TextIO, quiet: bool, interval: float = DEFAULT_INTERVAL_SECONDS) -> RunProgress | None:
    """The progress a run shows on `stream`: none with --quiet, a bar on a terminal, lines otherwise."""
    if quiet:
        return None
    return RunProgress(stream, "bar" if stream.isatty() else "lines", interval)
