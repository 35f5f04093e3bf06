"""One run at a time per output folder.

The lock is an exclusive `flock` on ROOT/_lock, held for the whole run. The kernel
releases it when the holding process ends, however it ends (`kill -9` included), so a
killed run never leaves a lock that blocks the next one, and a recycled pid cannot make
a dead holder look alive. The file also holds the holder's run id, pid, host and start
time: a second run that cannot take the lock exits at once with "already running" and
that run id; a run that takes the lock and finds a record not marked released knows the
previous run was killed and says so (its leftovers are then recovered; see
transforms/store/dataset.py).

The file is never deleted by eventwire (deleting a flock'ed file lets two processes lock
two different files); after locking, the holder checks that the path still names the file
it locked. An operator who deletes it anyway cannot make two runs commit: the record
carries a random token, and the commit point (transforms/store/dataset.py `commit`)
refuses to write the manifest unless ROOT/_lock still holds the committing run's token;
and a run's staging folder is claimed with a lock of its own for the whole run, so a
second run (or `eventwire recover`) that got in through a deleted lock file refuses to
start instead of rolling the live run back. `flock` works on local filesystems and on
NFSv4; on filesystems without working locks use one output folder per machine. On object
storage (gs://, s3://) the lock is a leased object instead: `LeaseLock`, chosen by `open_lock`.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
import uuid
from pathlib import Path

from transforms.store.layout import LOCK_NAME


class AlreadyRunning(RuntimeError):
    pass


class RunLock:
    def __init__(self, root: str, run_id: str):
        self.path = Path(root) / LOCK_NAME
        self.run_id = run_id
        self.took_over: dict | None = None  # the record of a killed holder, when there was one
        self.token = uuid.uuid4().hex  # checked at the commit point: see transforms/store/layout.py
        self._fd: int | None = None

    def acquire(self) -> RunLock:
        for _ in range(10):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read(fd)
                os.close(fd)
                raise AlreadyRunning(
                    f"already running: run {holder.get('run_id', '?')} (pid {holder.get('pid', '?')} on "
                    f"{holder.get('host', '?')}) holds {self.path}"
                ) from None
            except BaseException:
                os.close(fd)
                raise
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if not same:  # someone replaced the file between our open and our lock
                os.close(fd)
                continue
            previous = _read(fd)
            if previous and not previous.get("released"):
                self.took_over = previous
            self._fd = fd
            self._write({
                "run_id": self.run_id, "pid": os.getpid(), "host": socket.gethostname(), "token": self.token,
                "since": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            })
            return self
        raise AlreadyRunning(f"already running: could not take {self.path}")

    def _write(self, record: dict) -> None:
        data = json.dumps(record).encode()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, data, 0)
        os.fsync(self._fd)

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            self._write({"run_id": self.run_id, "released": True})
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


def _read(fd: int) -> dict:
    try:
        return _parse(os.pread(fd, 4096, 0))
    except OSError:
        return {}


class LeaseLock:
    """The run lock on object storage (gs://, s3://): ROOT/_lock created with a precondition.

    No kernel drops it when its holder dies, so the record carries a lease renewed by a
    heartbeat (transforms/store/lease.py). A second run that finds a live record exits with
    the local lock's "already running" line; one that finds it released takes it with a
    replace-if-unchanged (S3 `If-Match`, GCS `ifGenerationMatch`), and one that finds it
    stale (lease over, or its process gone from this host) does the same and says it took
    over from a killed run. Only one of two racing runs can win either write.
    """

    def __init__(self, root: str, run_id: str):
        from transforms.store.storage import open_store

        self.store = open_store(root)
        self.path = self.store.url(LOCK_NAME)
        self.run_id = run_id
        self.took_over: dict | None = None
        self.token = uuid.uuid4().hex
        self._beat = None

    def _record(self, **extra) -> bytes:
        from transforms.store.lease import holder_record

        return json.dumps(holder_record(
            run_id=self.run_id, token=self.token,
            since=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), **extra)).encode()

    def acquire(self) -> LeaseLock:
        from transforms.store.lease import Heartbeat, alive

        for _ in range(10):
            if self.store.create_if_absent(LOCK_NAME, self._record()):
                break
            current = self.store.read_versioned(LOCK_NAME)
            if current is None:
                continue  # released and deleted meanwhile: try to create it again
            holder = _parse(current[0])
            if not holder.get("released") and alive(holder):
                raise AlreadyRunning(
                    f"already running: run {holder.get('run_id', '?')} (pid {holder.get('pid', '?')} on "
                    f"{holder.get('host', '?')}) holds {self.path}")
            if self.store.replace_if(LOCK_NAME, self._record(), current[1]):
                if not holder.get("released"):
                    self.took_over = holder
                break
        else:
            raise AlreadyRunning(f"already running: could not take {self.path}")
        self._beat = Heartbeat(self._renew).start()
        return self

    def _renew(self) -> bool:
        """Extend the lease while the record is still ours; a deleted or replaced lock is not re-taken
        (the commit point refuses to commit without it)."""
        current = self.store.read_versioned(LOCK_NAME)
        if current is None or _parse(current[0]).get("token") != self.token:
            return False
        return self.store.replace_if(LOCK_NAME, self._record(), current[1])

    def release(self) -> None:
        if self._beat is None:
            return
        self._beat.stop()
        self._beat = None
        current = self.store.read_versioned(LOCK_NAME)
        if current is not None and _parse(current[0]).get("token") == self.token:
            self.store.replace_if(LOCK_NAME, json.dumps({"run_id": self.run_id, "released": True}).encode(),
                                  current[1])

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


def _parse(data: bytes) -> dict:
    """A lock record, or {} for an empty or damaged one."""
    try:
        record = json.loads(data.decode("utf-8", "replace")) if data.strip() else {}
    except ValueError:
        return {}
    return record if isinstance(record, dict) else {}


def open_lock(root: str, run_id: str) -> RunLock | LeaseLock:
    """The output's run lock: a flock'ed file for a local folder, a leased object for a bucket."""
    from transforms.store.storage import is_remote

    return LeaseLock(root, run_id) if is_remote(root) else RunLock(root, run_id)
