"""The on-disk dataset: partition paths, staging, the run-level commit and recovery.

Layout (Hive style, what every reader sees):

    ROOT/date=YYYY-MM-DD/actor=CODE/part-<run_id>.parquet    live files, immutable once named
    ROOT/_staging/<run_id>/date=…/actor=…/part-<run_id>.parquet   a run's files before its commit
    ROOT/_staging/<run_id>/_state/articles.parquet            the run's next article state
    ROOT/_runs/<run_id>.json                                  the manifest: the commit point
    ROOT/_state/articles.parquet                              article_id → content_hash, partitions
    ROOT/_errors/<run_id>.jsonl                               dead letters

Names starting with "_" or "." are ignored by pyarrow.dataset and Spark, and the
`date=*/actor=*/*.parquet` glob of DuckDB never reaches them.

The commit protocol of run R (one writer at a time: pipeline/lock.py):

1. Stage. For every partition R touches, one new file `part-R.parquet` is written under
   `_staging/R/`: R's rows, plus the rows kept from any live file that held rows R
   replaces (rows of an article R re-processed). Such live files are listed as removed;
   live files R does not affect stay as they are. So a run adds at most one file per
   partition. The next article state is staged too. Nothing live has changed.
2. Commit. `_runs/R.json` is written (tmp file, fsync, rename): it lists, per partition,
   the file added and the files removed, plus sources, counts, timings and versions.
   Its appearance is the commit point: before it R never happened, after it R has.
3. Roll forward. Partition by partition, the staged file is renamed into its partition
   folder and the removed files are deleted; the state file is renamed over the old one;
   then `_staging/R/` is deleted, which marks R finished.

Recovery (start of every run, under the lock): a `_staging/R/` with a manifest is rolled
forward (step 3 is idempotent: it only renames what is still staged and deletes what
is still there); one without a manifest is deleted (rolled back).

Readers: `snapshot_files()` (used by `eventwire query`, `open_events`, `open_dataset`)
lists the live files and applies any committed-but-unfinished manifest to the listing
(taking added files from staging when not yet moved), re-listing if a commit starts or
ends meanwhile: it always returns exactly one committed state. A plain glob over ROOT
can see a mix only during step 3 of a live writer (milliseconds: a rename and an unlink
per partition), or after a writer was killed inside step 3, until the next run (or
`eventwire recover`) rolls it forward.

Partition values come from validated codes only: a value that is not a code is
refused here, whatever the caller passes, so nothing is written outside ROOT.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas.arrow import FILE_SCHEMA, SCHEMA_VERSION, events_to_table
from schemas.records import DeadLetter, Event

STAGING = "_staging"
ERRORS = "_errors"
RUNS = "_runs"
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


# ---------------------------------------------------------------- test hooks

_PAUSED: set[str] = set()


def pause_point(name: str) -> None:
    """Crash tests: EVENTWIRE_TEST_PAUSE_AT=name makes the writer stop here (once per process)
    so that a test can `kill -9` it at a known point; EVENTWIRE_TEST_PAUSE_SIGNAL names a
    file touched on arrival. Unset in production: a no-op."""
    wanted = os.environ.get("EVENTWIRE_TEST_PAUSE_AT", "")
    if not wanted or name not in wanted.split(",") or name in _PAUSED:
        return
    _PAUSED.add(name)
    signal = os.environ.get("EVENTWIRE_TEST_PAUSE_SIGNAL")
    if signal:
        Path(signal).write_text(f"{name} {os.getpid()}\n")
    time.sleep(float(os.environ.get("EVENTWIRE_TEST_PAUSE_SECONDS", "600")))


# ---------------------------------------------------------------- files

def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_table_atomically(table: pa.Table, path: Path) -> None:
    """tmp file (unique per attempt, so replayed bundles never collide) → fsync → rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        pq.write_table(table, tmp, compression="zstd")
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_json_atomically(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, indent=2, sort_keys=True, default=str))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


def read_compatible(path: Path) -> pa.Table:
    """A live file in the current FILE_SCHEMA: columns added since it was written read as nulls."""
    table = pq.read_table(path, partitioning=None)
    for field in FILE_SCHEMA:
        if field.name not in table.column_names:
            table = table.append_column(field, pa.nulls(len(table), field.type))
    return table.select(FILE_SCHEMA.names).cast(FILE_SCHEMA)


def _dedupe(events: Sequence[Event]) -> list[Event]:
    """One row per event_id (a replayed bundle may deliver an event twice), in event_id order."""
    by_id: dict[str, Event] = {}
    for event in sorted(events, key=lambda e: (e.event_id, -(e.confidence or 0.0), e.sentence or "")):
        by_id.setdefault(event.event_id, event)
    return [by_id[key] for key in sorted(by_id)]


# ---------------------------------------------------------------- stage

def stage_partition(
    root: str, run_id: str, date: dt.date, actor: str, events: Sequence[Event], purge_articles: Iterable[str] = ()
) -> dict:
    """Stage the partition's one new file; returns its change record. Idempotent for retries.

    Rows of the articles in `purge_articles` or in `events` (they were re-processed) leave
    the live files that hold them: such a file is rewritten, its other rows carried into
    the new file, and listed as removed. Files without such rows are not touched.
    """
    rel = partition_relpath(date, actor)
    check_run_id(run_id)
    new = _dedupe(events)
    dropped = set(purge_articles) | {e.article_id for e in new}
    removed, kept, rows_removed = [], [], 0
    for path in live_files(root, rel):
        ids = pq.read_table(path, columns=["article_id"], partitioning=None).column("article_id")
        mask = pc.is_in(ids, value_set=pa.array(sorted(dropped), type=pa.string())) if dropped else None
        if mask is None or not pc.any(mask).as_py():
            continue
        table = read_compatible(path)
        keep = table.filter(pc.invert(pc.fill_null(mask, False)))
        rows_removed += table.num_rows - keep.num_rows
        removed.append(path.name)
        if keep.num_rows:
            kept.append(keep)
    table = pa.concat_tables(kept + [events_to_table(new)]).sort_by([("event_id", "ascending")])
    added = []
    if table.num_rows:
        name = part_name(run_id)
        write_table_atomically(table, staging_dir(root, run_id) / rel / name)
        added.append(name)
    pause_point("stage")
    return {
        "partition": rel,
        "added": added,
        "removed": sorted(removed),
        "events": len(new),
        "rows_removed": rows_removed,
    }


# ---------------------------------------------------------------- commit

def _utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def read_manifest(root: str, run_id: str) -> dict | None:
    try:
        return json.loads(manifest_path(root, run_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_manifest(root: str, run_id: str, manifest: dict) -> str:
    path = manifest_path(root, run_id)
    write_json_atomically(path, manifest)
    return str(path)


def update_manifest(root: str, run_id: str, extra: dict) -> dict | None:
    """Add after-the-fact facts (Beam counters, wall time) to a committed manifest."""
    manifest = read_manifest(root, run_id)
    if manifest is None:
        return None
    manifest.update(extra)
    write_manifest(root, run_id, manifest)
    return manifest


def commit(
    root: str,
    run_id: str,
    changes: Iterable[dict],
    manifest: dict | None = None,
    stage_state=None,
) -> dict:
    """Write the manifest (the commit point), then roll forward. Returns the manifest.

    Called again for a run already committed (a replayed or retried bundle), it only
    finishes the roll forward. `stage_state(staging_dir) -> bool` stages the next article
    state before the commit point; the manifest records whether it did.
    """
    existing = read_manifest(root, run_id)
    if existing is not None and "changes" in existing:
        roll_forward(root, existing)
        return existing
    staging = staging_dir(root, run_id)
    changes = sorted(
        (dict(c, added=list(c.get("added", [])), removed=list(c.get("removed", []))) for c in changes),
        key=lambda c: c["partition"],
    )
    changes = [c for c in changes if c["added"] or c["removed"]]
    for change in changes:
        parse_partition(change["partition"])
        for name in change["added"]:
            if not (staging / change["partition"] / name).is_file():
                raise RuntimeError(f"staged file missing, not committing: {change['partition']}/{name}")
    staging.mkdir(parents=True, exist_ok=True)
    state_staged = bool(stage_state(staging)) if stage_state else False
    record = dict(manifest or {})
    record.update(
        run_id=run_id,
        kind=record.get("kind", "run"),
        schema_version=SCHEMA_VERSION,
        committed_at=_utc_now(),
        changes=changes,
        files_added=[f"{c['partition']}/{n}" for c in changes for n in c["added"]],
        files_removed=[f"{c['partition']}/{n}" for c in changes for n in c["removed"]],
        partitions_touched=len(changes),
        events_written=sum(c.get("events", 0) for c in changes),
        rows_removed=sum(c.get("rows_removed", 0) for c in changes),
        state_updated=state_staged,
    )
    pause_point("precommit")
    write_manifest(root, run_id, record)  # the commit point
    roll_forward(root, record)
    return record


def roll_forward(root: str, manifest: dict) -> None:
    """Make the live dataset match a committed manifest. Idempotent; safe to repeat after a crash."""
    run_id = manifest["run_id"]
    base = Path(root)
    staging = staging_dir(root, run_id)
    changes = manifest.get("changes", [])
    for index, change in enumerate(changes):
        rel = change["partition"]
        parse_partition(rel)
        folder = base / rel
        for name in change["added"]:
            source = staging / rel / name
            if source.exists():
                folder.mkdir(parents=True, exist_ok=True)
                os.replace(source, folder / name)
        for name in change["removed"]:
            if name not in change["added"]:
                (folder / name).unlink(missing_ok=True)
        if not change["added"]:
            _remove_if_empty(folder)
        if index == len(changes) // 2:
            pause_point("commit")
    state = staging / STATE_DIR / ARTICLE_STATE_FILE
    if state.exists():
        (base / STATE_DIR).mkdir(exist_ok=True)
        os.replace(state, base / STATE_DIR / ARTICLE_STATE_FILE)
    shutil.rmtree(staging, ignore_errors=True)  # marks the run finished
    try:
        staging.parent.rmdir()
    except OSError:
        pass


def _remove_if_empty(folder: Path) -> None:
    for path in (folder, folder.parent):
        try:
            path.rmdir()
        except OSError:
            return


def recover(root: str) -> list[tuple[str, str]]:
    """Finish what a killed run left: roll committed runs forward, uncommitted ones back."""
    done = []
    staging = Path(root) / STAGING
    if staging.is_dir():
        for folder in sorted(staging.iterdir()):
            run_id = folder.name
            manifest = read_manifest(root, run_id) if RUN_ID.fullmatch(run_id) else None
            if manifest is not None and "changes" in manifest:
                roll_forward(root, manifest)
                done.append((run_id, "rolled forward"))
            else:
                shutil.rmtree(folder, ignore_errors=True)
                done.append((run_id, "rolled back"))
        try:
            staging.rmdir()
        except OSError:
            pass
    for folder in (RUNS, ERRORS, "_state"):
        for tmp in (Path(root) / folder).glob(".*.tmp-*"):
            tmp.unlink(missing_ok=True)
    return done


# ---------------------------------------------------------------- readers

def _in_flight(root: Path) -> tuple[frozenset, dict]:
    """(names under _runs, committed-but-unfinished manifests by run id)."""
    try:
        runs = frozenset(os.listdir(root / RUNS))
    except OSError:
        runs = frozenset()
    pending = {}
    try:
        staged = sorted(os.listdir(root / STAGING))
    except OSError:
        staged = []
    for run_id in staged:
        if f"{run_id}.json" in runs and RUN_ID.fullmatch(run_id):
            manifest = read_manifest(str(root), run_id)
            if manifest is not None and "changes" in manifest:
                pending[run_id] = manifest
    return runs, pending


def _iso_date(value) -> str | None:
    """A since/until bound as "YYYY-MM-DD" (a date or an ISO string), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.date.fromisoformat(str(value)).isoformat()


def partition_matcher(since=None, until=None, actors: Iterable[str] | None = None):
    """`match(date_text, actor) -> bool` for partitions with since <= date <= until (inclusive,
    either open) and actor in `actors` (None: any); None when nothing is narrowed."""
    low, high = _iso_date(since), _iso_date(until)
    wanted = None if actors is None else frozenset(actors)
    if wanted is not None:
        for actor in wanted:
            if not isinstance(actor, str) or not ACTOR_CODE.fullmatch(actor):
                raise PartitionError(f"actor code must match [A-Z0-9_]{{1,64}}, got {actor!r:.80}")
    if low is None and high is None and wanted is None:
        return None

    def match(date_text: str, actor: str | None = None) -> bool:
        if low is not None or high is not None:
            try:
                date_text = dt.date.fromisoformat(date_text).isoformat()
            except ValueError:
                return False
            if (low is not None and date_text < low) or (high is not None and date_text > high):
                return False
        return actor is None or wanted is None or actor in wanted

    return match


def _list_live(base: Path, match) -> dict[str, str]:
    """`date=*/actor=*/part-*.parquet` under base (rel path → path), only the folders `match` keeps.
    os.scandir, not glob: a year of 100 actors is 36,865 folders, and a narrowed listing opens
    only the matching ones."""
    files: dict[str, str] = {}
    prefix = str(base) + os.sep
    try:
        with os.scandir(base) as entries:
            dates = [e.name for e in entries if e.name.startswith("date=") and e.is_dir()]
    except OSError:
        return files
    for date_name in dates:
        if match is not None and not match(date_name[5:]):
            continue
        date_dir = prefix + date_name
        try:
            with os.scandir(date_dir) as entries:
                actors = [e.name for e in entries if e.name.startswith("actor=") and e.is_dir()]
        except OSError:
            continue
        for actor_name in actors:
            if match is not None and not match(date_name[5:], actor_name[6:]):
                continue
            try:
                with os.scandir(f"{date_dir}/{actor_name}") as entries:
                    names = [e.name for e in entries if e.name.startswith("part-") and e.name.endswith(".parquet")]
            except OSError:
                continue
            for name in names:
                rel = f"{date_name}/{actor_name}/{name}"
                files[rel] = prefix + rel
    return files


def snapshot_files(root: str, attempts: int = 100, *, since=None, until=None,
                   actors: Iterable[str] | None = None) -> list[str]:
    """The files of exactly one committed state of the dataset, for readers.

    A committed run whose roll forward has not finished (live writer, or a killed one)
    is applied to the listing; if a commit starts or ends while listing, list again.

    `since`/`until` (dates or "YYYY-MM-DD", inclusive) and `actors` (codes) narrow the
    listing to the matching partition folders: only those are opened, so a one-actor,
    one-month snapshot of a year of 100 actors lists 31 folders instead of 36,500. The
    result is the same committed state, restricted to those partitions.
    """
    base = Path(root).resolve()
    match = partition_matcher(since, until, actors)
    for _ in range(attempts):
        before = _in_flight(base)
        files = _list_live(base, match)
        touched = set()  # entries from manifests: may be neither staged nor moved any more
        for run_id, manifest in sorted(before[1].items(), key=lambda kv: kv[1].get("committed_at", "")):
            staging = staging_dir(str(base), run_id)
            for change in manifest["changes"]:
                rel = change["partition"]
                if match is not None:
                    date_part, _, actor_part = rel.partition("/")
                    if not match(date_part[5:], actor_part[6:]):
                        continue
                for name in change["removed"]:
                    if name not in change["added"]:
                        files.pop(f"{rel}/{name}", None)
                for name in change["added"]:
                    final, staged = base / rel / name, staging / rel / name
                    files[f"{rel}/{name}"] = str(staged if staged.exists() else final)
                    touched.add(f"{rel}/{name}")
        if _in_flight(base) == before:
            return sorted(p for rel, p in files.items() if rel not in touched or os.path.exists(p))
        time.sleep(0.01)
    raise RuntimeError(f"the dataset at {root} kept changing while it was listed")


# ---------------------------------------------------------------- dead letters

def write_dead_letters(root: str, run_id: str, letters: Iterable[DeadLetter]) -> str | None:
    """One JSON line per dead letter under ROOT/_errors/<run_id>.jsonl."""
    letters = sorted(set(letters), key=lambda d: (d.stage, d.reason, d.input_id, d.message))
    if not letters:
        return None
    path = Path(root) / ERRORS / f"{check_run_id(run_id)}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            for letter in letters:
                record = dict(letter._asdict(), run_id=run_id)
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return str(path)
