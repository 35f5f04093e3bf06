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

import contextlib
import datetime as dt
import fcntl
import os
import shutil
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from schemas.arrow import FILE_SCHEMA, SCHEMA_VERSION, events_to_table
from schemas.records import Event
from transforms.store import objstore, storage
from transforms.store.files import remove_temp_files, write_json_atomically, write_table_atomically
from transforms.store.hooks import NO_HOOKS, WriterHooks
from transforms.store.layout import (
    ARTICLE_STATE_FILE,
    ERRORS,
    LOCK_NAME,
    QUARANTINE,
    REPORTS,
    RUN_ID,
    RUNS,
    STAGING,
    STATE_DIR,
    check_lock_token,
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
    table = storage.read_table(str(path))
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
    hooks: WriterHooks = NO_HOOKS, relabels: dict[str, str] | None = None,
) -> dict:
    """Stage the partition's one new file; returns its change record. Idempotent for retries.

    Rows of the articles in `purge_articles` or in `events` (they were re-processed) leave
    the live files that hold them; rows in `relabels` (event_id → incident_id) get their new
    incident_id. Such a file is rewritten, its other rows carried into the new file, and
    listed as removed. Files without such rows are not touched.
    """
    rel = partition_relpath(date, actor)
    check_run_id(run_id)
    new = _dedupe(events)
    dropped = set(purge_articles) | {e.article_id for e in new}
    relabels = relabels or {}
    removed, kept, rows_removed, damaged = [], [], 0, []
    remote = storage.is_remote(root)
    live = ([storage.open_store(root).url(f"{rel}/{name}") for name in sorted(objstore.live_parts(root, rel))]
            if remote else [str(p) for p in live_files(root, rel)])
    for path in live:
        try:
            ids = storage.read_table(path, columns=["article_id", "event_id"] if relabels else ["article_id"])
        except (OSError, pa.ArrowException):  # truncated or not Parquet: set aside at the commit
            damaged.append(_name(path))
            continue
        mask = pc.is_in(ids.column("article_id"), value_set=pa.array(sorted(dropped), type=pa.string()))
        relabelled = relabels and pc.any(pc.is_in(ids.column("event_id"), value_set=pa.array(sorted(relabels))))
        if not pc.any(mask).as_py() and not (relabelled and relabelled.as_py()):
            continue
        table = read_compatible(path)
        keep = _relabel(table.filter(pc.invert(pc.fill_null(mask, False))), relabels)
        rows_removed += table.num_rows - keep.num_rows
        removed.append(_name(path))
        if keep.num_rows:
            kept.append(keep)
    table = pa.concat_tables(kept + [events_to_table(new)]).sort_by([("event_id", "ascending")])
    added = []
    if table.num_rows:
        name = free_part_name(run_id, {_name(p) for p in live})
        if remote:
            storage.open_store(root).write_table(f"{objstore.staging_rel(run_id)}/{rel}/{name}", table)
        else:
            write_table_atomically(table, staging_dir(root, run_id) / rel / name)
        added.append(name)
    hooks.reached("stage")
    return {
        "partition": rel,
        "added": added,
        "removed": sorted(removed + damaged),
        "quarantined": sorted(damaged),
        "events": len(new),
        "rows_removed": rows_removed,
    }


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _relabel(table: pa.Table, relabels: dict[str, str]) -> pa.Table:
    """The table with the incident_id of the rows named in `relabels` replaced."""
    if not relabels or not table.num_rows:
        return table
    ids = table.column("event_id").to_pylist()
    labels = table.column("incident_id").to_pylist()
    column = pa.array([relabels.get(i, label) for i, label in zip(ids, labels)], type=pa.string())
    return table.set_column(table.schema.get_field_index("incident_id"), "incident_id", column)


def free_part_name(run_id: str, taken: set[str]) -> str:
    """`part-<run_id>.parquet`, or `part-<run_id>-r<n>.parquet` when a live file already has that
    name (a run id reused after its manifest was deleted): a name never replaces a live file."""
    name, attempt = part_name(run_id), 1
    while name in taken:
        attempt += 1
        name = f"part-{run_id}-r{attempt}.parquet"
    return name


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
    lock_token: str | None = None,
) -> dict:
    """Write the manifest (the commit point), then roll forward. Returns the manifest.

    Called again for a run already committed (a replayed or retried bundle), it only
    finishes the roll forward. `stage_state(staging_dir, forget_partitions) -> bool` stages
    the next article state before the commit point (forgetting the articles of partitions
    whose damaged files are set aside, so they are processed again); the manifest records
    whether it did. `lock_token`: the run lock's token (pipeline/lock.py); the manifest is not
    written unless ROOT/_lock still holds it.
    """
    existing = read_manifest(root, run_id)
    if existing is not None and "changes" in existing:
        roll_forward(root, existing)
        return existing
    remote = storage.is_remote(root)
    staging = objstore.staging_rel(run_id) if remote else staging_dir(root, run_id)
    changes = sorted(
        (dict(c, added=list(c.get("added", [])), removed=list(c.get("removed", []))) for c in changes),
        key=lambda c: c["partition"],
    )
    changes = [c for c in changes if c["added"] or c["removed"]]
    staged = set(storage.open_store(root).list(staging)) if remote else None  # one listing, not a request a file
    for change in changes:
        parse_partition(change["partition"])
        for name in change["added"]:
            if not (f"{staging}/{change['partition']}/{name}" in staged if remote
                    else (staging / change["partition"] / name).is_file()):
                raise RuntimeError(f"staged file missing, not committing: {change['partition']}/{name}")
    if not remote:
        staging.mkdir(parents=True, exist_ok=True)
    damaged = {c["partition"] for c in changes if c.get("quarantined")}
    state_staged = bool(stage_state(staging, damaged)) if stage_state else False
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
        files_quarantined=[f"{c['partition']}/{n}" for c in changes for n in c.get("quarantined", [])],
        state_updated=state_staged,
    )
    hooks.reached("precommit")
    if lock_token is not None:
        check_lock_token(root, lock_token)
    if remote:
        record = objstore.write_manifest(root, run_id, record)  # the commit point (create-if-absent)
    else:
        write_manifest(root, run_id, record)  # the commit point
    roll_forward(root, record, hooks)
    return record


def roll_forward(root: str, manifest: dict, hooks: WriterHooks = NO_HOOKS) -> dict:
    """Make the live dataset match a committed manifest. Idempotent; safe to repeat after a crash.

    A staged file is hard-linked into its partition (never over an existing file) and stays
    staged until the whole staging folder is removed at the end, so a reader that resolved
    its staged path a moment earlier can still open it. Returns what this call did.
    On object storage: objstore.roll_forward (copy, then delete)."""
    if storage.is_remote(root):
        return objstore.roll_forward(root, manifest, hooks)
    run_id = manifest["run_id"]
    base = Path(root)
    staging = staging_dir(root, run_id)
    changes = manifest.get("changes", [])
    did = {"files_moved": 0, "files_removed": 0, "files_quarantined": 0}
    for index, change in enumerate(changes):
        rel = change["partition"]
        parse_partition(rel)
        folder = base / rel
        for name in change["added"]:
            source = staging / rel / name
            if source.exists():
                folder.mkdir(parents=True, exist_ok=True)
                did["files_moved"] += _link_without_overwrite(source, folder / name)
        quarantined = set(change.get("quarantined", []))
        for name in change["removed"]:
            if name in change["added"] or not (folder / name).exists():
                continue
            if name in quarantined:
                _set_aside(root, run_id, folder / name, f"{rel}/{name}")
                did["files_quarantined"] += 1
            else:
                (folder / name).unlink(missing_ok=True)
                did["files_removed"] += 1
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
    return did


def _link_without_overwrite(source: Path, target: Path) -> int:
    """Give the staged file its live name; 1 when done now, 0 when an earlier attempt did it.
    Refuses to replace a different file: live part files are immutable once named."""
    try:
        os.link(source, target)
        return 1
    except FileExistsError:
        if os.path.samefile(source, target):
            return 0
        raise RuntimeError(f"{target} exists and is another file; a live part file is never overwritten") from None
    except OSError:  # a filesystem without hard links: rename, still never over a file
        if target.exists():
            raise RuntimeError(f"{target} exists; a live part file is never overwritten") from None
        os.rename(source, target)
        return 1


def _set_aside(root: str, run_id: str, path: Path, rel: str) -> Path:
    """Move a damaged file to ROOT/_quarantine/<run_id>/<rel>: out of every reader's way, kept for a look."""
    target = Path(root) / QUARANTINE / run_id / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(path, target)
    return target


def _remove_if_empty(folder: Path) -> None:
    for path in (folder, folder.parent):
        try:
            path.rmdir()
        except OSError:
            return


class RunStillActive(RuntimeError):
    """A staging folder is claimed by a live process: its run is still going."""


@contextlib.contextmanager
def claim_staging(root: str, run_id: str):
    """Hold `_staging/<run_id>/` for the whole run with a lock of its own.

    The claim is what `recover` asks before rolling a run back: the kernel drops it when the
    holder ends, however it ends, so a folder whose claim can be taken belongs to a dead run
    and one whose claim cannot belongs to a live one, even if ROOT/_lock was deleted. The
    folder is created under a temporary name, locked, then renamed into place, so it is never
    visible unclaimed. On leaving, a run that did not commit removes its staged files.
    On object storage the claim is a lease record (objstore.claim_staging).
    """
    if storage.is_remote(root):
        with objstore.claim_staging(root, run_id) as claimed:
            yield claimed
        return
    base = Path(root) / STAGING
    base.mkdir(parents=True, exist_ok=True)
    folder = staging_dir(root, run_id)
    claim = base / f"{_CLAIM_MARK}{run_id}-{uuid.uuid4().hex[:8]}"
    claim.mkdir()
    fd = os.open(claim, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.rename(claim, folder)
        yield folder
    finally:
        if read_manifest(root, run_id) is None:  # failed or interrupted before its commit point
            shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(claim, ignore_errors=True)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
        try:
            base.rmdir()
        except OSError:
            pass


_CLAIM_MARK = ".claim-"


def _claimed(folder: Path) -> bool:
    """True when a live process holds the folder's claim (see claim_staging)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing drops a claim taken just now
    return False


def recover(root: str) -> list[tuple[str, str]]:
    """Finish what a killed run left: roll committed runs forward, uncommitted ones back.

    Returns (run_id, what was done) with counts. Raises RunStillActive for a staging folder
    whose run is alive (ROOT/_lock was deleted under it): that run is never rolled back."""
    if storage.is_remote(root):
        return objstore.recover(root, RunStillActive)
    done = []
    staging = Path(root) / STAGING
    if staging.is_dir():
        for folder in sorted(staging.iterdir()):
            run_id = folder.name
            if _claimed(folder):
                raise RunStillActive(
                    f"run {run_id.removeprefix(_CLAIM_MARK)} is still running: a live process holds {folder} "
                    f"(was {Path(root) / LOCK_NAME} deleted?); wait for it to end"
                )
            if run_id.startswith(_CLAIM_MARK):  # a run killed while it was starting
                shutil.rmtree(folder, ignore_errors=True)
                continue
            manifest = read_manifest(root, run_id) if RUN_ID.fullmatch(run_id) else None
            if manifest is not None and "changes" in manifest:
                did = roll_forward(root, manifest)
                done.append((run_id, (
                    f"rolled forward: {did['files_moved']} staged files moved into place, "
                    f"{did['files_removed']} replaced files removed (the rest was done before it stopped)")))
            elif RUN_ID.fullmatch(run_id) and manifest_path(root, run_id).exists():
                target = Path(root) / QUARANTINE / run_id / STAGING
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(folder, target)
                done.append((run_id, f"manifest unreadable: its staged files were set aside in {target}"))
            else:
                files = sum(1 for p in folder.rglob("*") if p.is_file())
                shutil.rmtree(folder, ignore_errors=True)
                if files:  # an empty claim: the run was killed before it staged anything
                    done.append((run_id, f"rolled back: {files} staged files deleted (it never committed)"))
        try:
            staging.rmdir()
        except OSError:
            pass
    for folder in (RUNS, REPORTS, ERRORS, STATE_DIR):
        remove_temp_files(Path(root) / folder)
    return done
