"""One run at a time per output folder.

The lock is a file created with O_EXCL holding the holder's run id, pid and
host. A lock whose process is gone (a killed run) is taken over; a live holder
makes the second run exit at once with "already running".
"""
from __future__ import annotations

import json
import os
import socket
from pathlib import Path

LOCK_NAME = "_lock"


class AlreadyRunning(RuntimeError):
    pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class RunLock:
    def __init__(self, root: str, run_id: str):
        self.path = Path(root) / LOCK_NAME
        self.run_id = run_id

    def acquire(self) -> None:
        record = json.dumps({"run_id": self.run_id, "pid": os.getpid(), "host": socket.gethostname()})
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._holder()
                if holder and holder.get("host") == socket.gethostname() and not _alive(int(holder.get("pid", 0))):
                    self._break_stale(holder)
                    continue
                raise AlreadyRunning(
                    f"already running: run {holder.get('run_id') if holder else '?'} holds {self.path}"
                )
            with os.fdopen(fd, "w") as handle:
                handle.write(record)
            return
        raise AlreadyRunning(f"already running: could not take {self.path}")

    def _holder(self) -> dict | None:
        try:
            return json.loads(self.path.read_text())
        except (OSError, ValueError):
            return None

    def _break_stale(self, holder: dict) -> None:
        # Rename first so that two runs breaking the same stale lock cannot both win.
        stale = self.path.with_name(f"{LOCK_NAME}.stale-{holder.get('pid')}")
        try:
            os.replace(self.path, stale)
            stale.unlink()
        except FileNotFoundError:
            pass

    def release(self) -> None:
        holder = self._holder()
        if holder and holder.get("run_id") == self.run_id:
            self.path.unlink(missing_ok=True)

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc):
        self.release()
