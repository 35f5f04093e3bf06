"""Leases: how a holder on object storage says "I am alive" without a kernel to say it for it.

On a local folder the kernel drops a `flock` when its holder dies. A bucket has no such thing,
so the run lock and a run's staging claim on object storage are small records carrying the
holder's host, pid, process start time and a lease end, renewed by a heartbeat thread every
quarter of the lease. A record is stale when its lease has run out, or at once when it names
a process of this host that is gone (a `kill -9` on the same machine needs no waiting; the
start time guards against a recycled pid). EVENTWIRE_LOCK_LEASE_SECONDS sets the lease
(default 60): long enough to ride out a slow request, short enough that a run on another
machine takes over a dead one's lock within a minute.
"""
from __future__ import annotations

import datetime as dt
import os
import socket
import threading
from collections.abc import Callable

DEFAULT_LEASE_SECONDS = 60.0


def lease_seconds() -> float:
    try:
        return max(1.0, float(os.environ.get("EVENTWIRE_LOCK_LEASE_SECONDS", DEFAULT_LEASE_SECONDS)))
    except ValueError:
        return DEFAULT_LEASE_SECONDS


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (/proc), or None where there is no /proc."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def holder_record(**extra) -> dict:
    """Who holds it and until when (UTC, ISO): the fields `alive` reads back."""
    now = dt.datetime.now(dt.timezone.utc)
    return {
        "pid": os.getpid(), "host": socket.gethostname(), "started": _start_time(os.getpid()),
        "lease_until": (now + dt.timedelta(seconds=lease_seconds())).isoformat(timespec="milliseconds"),
        **extra,
    }


def alive(record: dict) -> bool:
    """False when the record's lease ran out, or it names a process of this host that has ended."""
    try:
        until = dt.datetime.fromisoformat(str(record.get("lease_until")))
    except ValueError:
        return False
    if until < dt.datetime.now(dt.timezone.utc):
        return False
    if record.get("host") == socket.gethostname() and isinstance(record.get("pid"), int):
        started = _start_time(record["pid"])
        if started is None and os.path.isdir("/proc"):
            return False  # no such process here
        if started is not None and record.get("started") not in (None, started):
            return False  # the pid was recycled
    return True


class Heartbeat:
    """Calls `renew()` every quarter of the lease until stopped or until `renew` returns False."""

    def __init__(self, renew: Callable[[], bool]):
        self._renew = renew
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="eventwire-lease", daemon=True)

    def start(self) -> Heartbeat:
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.wait(lease_seconds() / 4):
            try:
                if not self._renew():
                    return
            except OSError:
                continue  # a failed request: the next beat tries again, well within the lease

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
