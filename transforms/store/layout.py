"""Where things live in the dataset folder, and the names that are allowed there.

    ROOT/date=YYYY-MM-DD/actor=CODE/part-<run_id>.parquet    live files
    ROOT/_staging/<run_id>/...                                a run's files before its commit
    ROOT/_runs/<run_id>.json                                  the manifest: the commit point
    ROOT/_reports/<run_id>.json                               the run report (counters, timings)
    ROOT/_state/                                              article and source state
    ROOT/_errors/<run_id>.jsonl                               dead letters
    ROOT/_quarantine/<run_id>/...                             damaged files set aside
    ROOT/_lock                                                the run lock (pipeline/lock.py)

Partition values and run ids are validated here, whatever the caller passes, so nothing
is ever written outside ROOT.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

LOCK_NAME = "_lock"  # the run lock (pipeline/lock.py)
STAGING = "_staging"
QUARANTINE = "_quarantine"  # damaged files set aside, never read as data
ERRORS = "_errors"
RUNS = "_runs"
REPORTS = "_reports"
STATE_DIR = "_state"  # incremental state (article_state, source_state), committed with the run
ARTICLE_STATE_FILE = "articles.parquet"
PART_GLOB = "part-*.parquet"
LIVE_GLOB = "date=*/actor=*/" + PART_GLOB
ACTOR_CODE = re.compile(r"^[A-Z0-9_]{1,64}$")
RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]{0,99}$")
PARTITION = re.compile(r"^date=(\d{4}-\d{2}-\d{2})/actor=([A-Z0-9_]{1,64})$")


class PartitionError(ValueError):
    """A partition value that is not a valid code."""


def check_partition(date, actor) -> tuple[dt.date, str]:
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise PartitionError(f"partition date must be a date, got {type(date).__name__}")
    if not isinstance(actor, str) or not ACTOR_CODE.fullmatch(actor):
        raise PartitionError(f"actor code must match [A-Z0-9_]{{1,64}}, got {actor!r:.80}")
    return date, actor


def check_run_id(run_id: str) -> str:
    """Run ids name files and folders: letters, digits and `_.+-`, not starting with `.` or `_`."""
    if not isinstance(run_id, str) or not RUN_ID.fullmatch(run_id) or ".." in run_id:
        raise ValueError(f"run id must match {RUN_ID.pattern} (no '..'), got {run_id!r:.80}")
    return run_id


def partition_relpath(date: dt.date, actor: str) -> str:
    date, actor = check_partition(date, actor)
    return f"date={date.isoformat()}/actor={actor}"


def parse_partition(rel: str) -> tuple[dt.date, str]:
    """The inverse of partition_relpath; refuses anything else (e.g. a tampered state file)."""
    match = PARTITION.fullmatch(rel or "")
    if not match:
        raise PartitionError(f"not a partition path: {rel!r:.80}")
    try:
        date = dt.date.fromisoformat(match.group(1))
    except ValueError as error:
        raise PartitionError(f"not a partition path: {rel!r:.80}") from error
    return check_partition(date, match.group(2))


def part_name(run_id: str, index: int | None = None) -> str:
    check_run_id(run_id)
    return f"part-{run_id}.parquet" if index is None else f"part-{run_id}-{index:03d}.parquet"


def staging_dir(root: str, run_id: str) -> Path:
    return Path(root) / STAGING / check_run_id(run_id)


def manifest_path(root: str, run_id: str) -> Path:
    return Path(root) / RUNS / f"{check_run_id(run_id)}.json"


def live_files(root: str, rel: str) -> list[Path]:
    return sorted((Path(root) / rel).glob(PART_GLOB))


def report_path(root: str, run_id: str) -> Path:
    return Path(root) / REPORTS / f"{check_run_id(run_id)}.json"


def manifest_rel(run_id: str) -> str:
    return f"{RUNS}/{check_run_id(run_id)}.json"


def report_rel(run_id: str) -> str:
    return f"{REPORTS}/{check_run_id(run_id)}.json"


def read_manifest(root: str, run_id: str) -> dict | None:
    """The committed manifest of `run_id`, or None when the run never committed."""
    from transforms.store.storage import open_store

    try:
        record = open_store(root).read_json(manifest_rel(run_id))
    except OSError:
        return None
    return record if isinstance(record, dict) else None


def manifest_exists(root: str, run_id: str) -> bool:
    """A manifest is there (readable or not): the run id is taken."""
    from transforms.store.storage import open_store

    return open_store(root).exists(manifest_rel(run_id))


class LockLost(RuntimeError):
    """The run lock no longer names the committing run: someone deleted or replaced ROOT/_lock."""


def check_lock_token(root: str, token: str) -> None:
    """Raise LockLost unless ROOT/_lock still holds `token` (the holder's record, pipeline/lock.py).

    Called just before the commit point: a run whose lock file was deleted (and perhaps
    taken by another run) must not commit, or two writers would both add their rows."""
    from transforms.store.storage import open_store

    store = open_store(root)
    try:
        record = store.read_json(LOCK_NAME)
    except OSError:
        record = None
    if not isinstance(record, dict) or record.get("token") != token or record.get("released"):
        raise LockLost(
            f"{store.url(LOCK_NAME)} was deleted or replaced while this run held it; not committing "
            "(the dataset is unchanged; run again)"
        )


def check_output(output: str) -> str:
    """A local folder, `gs://bucket/prefix` or `s3://bucket/prefix` (normalized); any other
    URL is refused, or it would become a local folder named `ftp:` (transforms/store/storage.py)."""
    from transforms.store.storage import check_output as check

    return check(output)
