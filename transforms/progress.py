"""The workers' half of live progress: counter increments, summed per process and spooled to a folder.

`eventwire run` cannot ask Beam for counters while `p.run()` blocks (the FnApiRunner reports
them only at the end), and with `--direct_running_mode=multi_processing` the counting happens
in other processes. So every counter increment (transforms/counters.py) is also added here to a
per-process total, and a daemon thread writes the totals, at most every FLUSH_SECONDS and only
when they changed, as one small JSON file per process into the folder named by the environment
variable below (set by pipeline/progress.py in the main process; worker subprocesses inherit it).
The main process polls the folder and sums the files. Each file is replaced whole (write, then
rename), so a reader never sees half of one and a late flush can only bring a total up to date.

Without the variable (remote runners, tests that build pipelines, `--quiet`) `add()` returns at
once: the cost of the hot path is one global read and a comparison.
"""
from __future__ import annotations

import atexit
import json
import os
import threading
import uuid

FOLDER_ENV = "EVENTWIRE_PROGRESS_DIR"
FLUSH_SECONDS = 0.5
_UNSET = object()


class _Spool:
    """One process's running totals and the thread that writes them."""

    def __init__(self, folder: str):
        self.path = os.path.join(folder, f"{os.getpid()}-{uuid.uuid4().hex[:8]}.json")
        self.totals: dict[str, int] = {}
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._changed = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="eventwire-progress-spool", daemon=True)
        self._thread.start()

    def add(self, name: str, amount: int) -> None:
        with self._lock:
            self.totals[name] = self.totals.get(name, 0) + amount
            self._changed = True

    def _loop(self) -> None:
        while not self._stop.wait(FLUSH_SECONDS):
            self.flush()

    def flush(self) -> None:
        with self._write_lock:  # two flushers (the thread, exit) never put older totals last
            with self._lock:
                if not self._changed:
                    return
                data, self._changed = json.dumps(self.totals), False
            temporary = self.path + ".tmp"
            try:
                with open(temporary, "w", encoding="utf-8") as out:
                    out.write(data)
                os.replace(temporary, self.path)
            except OSError:  # the folder is gone: the run is over, progress is only a display
                pass

    def close(self) -> None:
        self._stop.set()
        self.flush()


_spool: _Spool | None | object = _UNSET


def add(name: str, amount: int = 1) -> None:
    """Count `amount` of counter `name` towards the live progress (no-op when nobody watches)."""
    spool = _spool
    if spool is None:
        return
    if spool is _UNSET:
        spool = _open_from_environment()
        if spool is None:
            return
    spool.add(name, amount)


def _open_from_environment() -> _Spool | None:
    global _spool
    with _OPEN_LOCK:
        if _spool is _UNSET:
            folder = os.environ.get(FOLDER_ENV)
            _spool = _Spool(folder) if folder and os.path.isdir(folder) else None
        return _spool


def start(folder: str) -> None:
    """In the main process, before the pipeline runs: spool to `folder`, here and in the
    worker processes started from now on (they inherit the environment)."""
    stop()
    os.environ[FOLDER_ENV] = folder


def stop() -> None:
    """Flush this process's totals and stop spooling (the next run starts from zero)."""
    global _spool
    with _OPEN_LOCK:
        if isinstance(_spool, _Spool):
            _spool.close()
        _spool = _UNSET
        os.environ.pop(FOLDER_ENV, None)


def _flush_at_exit() -> None:
    """A worker process that ends normally writes its last increments."""
    if isinstance(_spool, _Spool):
        _spool.flush()


def _forget_in_child() -> None:
    """A forked child has none of the parent's threads: it opens its own spool on first use."""
    global _spool, _OPEN_LOCK
    _OPEN_LOCK = threading.Lock()
    _spool = _UNSET


_OPEN_LOCK = threading.Lock()
atexit.register(_flush_at_exit)
os.register_at_fork(after_in_child=_forget_in_child)
