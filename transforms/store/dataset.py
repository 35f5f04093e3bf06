"""The on-disk dataset: partition paths, staging, the run-level commit and recovery.

Layout (Hive style, what every reader sees):

    ROOT/date=YYYY-MM-DD/actor=CODE/part-<run_id>.parquet    live files, immutable once named
    ROOT/_staging/<run_id>/date=…/actor=…/part-<run_id>.parquet   a run's files before its commit
    ROOT/_staging/<run_id>/_state/articles.parquet            the run's next article state
    ROOT/_runs/<run_id>.json                                  the manifest: the commit point
    ROOT/_reports/<run_id>.json                               the run report, written after the run
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

Readers (transforms/store/snapshot.py): `snapshot_files()` (used by `eventwire query`, `open_events`, `open_dataset`)
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
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas.arrow import FILE_SCHEMA, SCHEMA_VERSION, events_to_table
from schemas.records import Event
from transforms.store.files import remove_temp_files, write_json_atomically, write_table_atomically
from transforms.store.hooks import NO_HOOKS, WriterHooks
from transforms.store.layout import (
    ARTICLE_STATE_FILE,
    ERRORS,
    REPORTS,
    RUN_ID,
    RUNS,
    STAGING,
    STATE_DIR,
    check_run_id,
    live_files,
    manifest_path,
    parse_partition,
    part_name,
    partition_relpath,
    read_manifest,
    staging_dir,
)


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
    root: str, run_id: str, date: dt.date, actor: str, events: Sequence[Event], purge_articles: Iterable[str] = (),
    hooks: WriterHooks = NO_HOOKS,
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
    hooks.reached("stage")
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


def write_manifest(root: str, run_id: str, manifest: dict) -> str:
    path = manifest_path(root, run_id)
    write_json_atomically(path, manifest)
    return str(path)


def commit(
    root: str,
    run_id: str,
    changes: Iterable[dict],
    manifest: dict | None = None,
    stage_state=None,
    hooks: WriterHooks = NO_HOOKS,
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
    hooks.reached("precommit")
    write_manifest(root, run_id, record)  # the commit point
    roll_forward(root, record, hooks)
    return record


def roll_forward(root: str, manifest: dict, hooks: WriterHooks = NO_HOOKS) -> None:
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
            hooks.reached("commit")
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
    for folder in (RUNS, REPORTS, ERRORS, STATE_DIR):
        remove_temp_files(Path(root) / folder)
    return done
