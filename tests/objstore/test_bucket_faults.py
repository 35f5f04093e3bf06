"""The lock and crash safety on buckets: a second run refused, a stale lock taken over, and
`kill -9` while staging and half way through the roll forward, then a run that recovers."""
from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from runs_helpers import events, eventwire, kill9, run_ok, start_paused

from transforms.store.storage import open_store

from .bucket_helpers import copy_base, part_files, plain_events

pytestmark = pytest.mark.objstore


def _lock_record(run_id: str, host: str, seconds: float) -> bytes:
    until = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=seconds)
    return json.dumps({"run_id": run_id, "pid": 4242, "host": host, "token": "t", "lease_until": until.isoformat()}).encode()


def test_the_lock_refuses_a_second_run_and_takes_over_a_stale_one(bucket, feed_urls, local_reference):
    from pipeline.lock import LeaseLock

    holder = LeaseLock(bucket, "holder").acquire()
    try:
        started = time.monotonic()
        second = eventwire("run", "--feeds", *feed_urls, "--output", bucket, "--run_id", "second")
        assert second.returncode == 2, second.stderr[-2000:]
        assert "already running: run holder (pid" in second.stderr and f"holds {bucket}/_lock" in second.stderr
        assert time.monotonic() - started < 60
        assert not open_store(bucket).exists("_runs/second.json")
    finally:
        holder.release()

    store = open_store(bucket)
    store.write_bytes("_lock", _lock_record("elsewhere", "another-host", 600))  # alive on another machine
    refused = eventwire("run", "--feeds", *feed_urls, "--output", bucket, "--run_id", "third")
    assert refused.returncode == 2 and "already running: run elsewhere" in refused.stderr

    store.write_bytes("_lock", _lock_record("dead", "another-host", -1))  # its lease ran out
    taken = run_ok("--feeds", *feed_urls, "--output", bucket, "--run_id", "fourth")
    assert "run dead was killed; taking over its lock" in taken.stderr
    assert store.read_json("_runs/fourth.json")["lock_taken_over_from"]["run_id"] == "dead"
    assert events(bucket) == local_reference["both"]


def test_the_lease_is_renewed_while_held_and_one_of_two_racers_wins(bucket, monkeypatch):
    from pipeline.lock import AlreadyRunning, LeaseLock

    monkeypatch.setenv("EVENTWIRE_LOCK_LEASE_SECONDS", "2")
    first = LeaseLock(bucket, "one").acquire()
    try:
        time.sleep(3)  # longer than the lease: only the heartbeat keeps it
        with pytest.raises(AlreadyRunning, match="already running: run one"):
            LeaseLock(bucket, "two").acquire()
    finally:
        first.release()
    with LeaseLock(bucket, "three") as third:
        assert third.took_over is None  # "one" released it
    store = open_store(bucket)
    assert store.create_if_absent("_runs/x.json", b"{}") and not store.create_if_absent("_runs/x.json", b"{}")


@pytest.mark.parametrize("point", ["stage", "commit"])
def test_kill_9_leaves_the_bucket_clean_and_the_next_run_converges(bucket, feed_urls, local_reference, tmp_path, point):
    output, base_files = copy_base(bucket, feed_urls)
    proc = start_paused(tmp_path, point, "--feeds", *feed_urls, "--output", output, "--run_id", "killed")
    kill9(proc)

    store = open_store(output)
    committed = point == "commit"
    assert store.exists("_runs/killed.json") == committed
    assert events(output) == (local_reference["both"] if committed else local_reference["one"])
    if not committed:  # a plain Hive reader of the bucket sees nothing of the run either
        assert plain_events(output) == local_reference["one"]
        assert part_files(output) == base_files
        assert store.list("_staging")  # what the killed run staged is still there
    done = run_ok("--feeds", *feed_urls, "--output", output, "--run_id", "next")
    action = "rolled forward" if committed else "rolled back"
    assert "run killed was killed; taking over its lock" in done.stderr
    assert f"recovered run killed: {action}" in done.stderr
    assert events(output) == local_reference["both"]
    assert plain_events(output) == local_reference["both"]
    assert not store.list("_staging")
    again = run_ok("--feeds", *feed_urls, "--output", output, "--run_id", "again")
    assert "events written:       0" in again.stdout
