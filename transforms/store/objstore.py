"""The commit protocol on object storage (gs://, s3://), where there is no rename and no flock.

The steps are the local ones (transforms/store/dataset.py), with each POSIX primitive
replaced by the object store's own:

1. Stage: every new file is uploaded under `_staging/R/` (one PUT: complete or absent).
2. Commit: `_runs/R.json` is created with a precondition (S3 `If-None-Match: *`, GCS
   `ifGenerationMatch=0`). That one conditional write is the commit point: it cannot half
   happen, and two writers cannot both create it.
3. Roll forward, driven by the manifest: each staged file is copied to its live name
   (skipped when already there with the same size; a different file is never overwritten),
   replaced files are deleted (damaged ones copied to `_quarantine/R/` first), the staged
   state is copied over `_state/articles.parquet`, then `_staging/R/` is deleted: R is
   finished when nothing is left under it. Every step is a copy or a delete that can be
   repeated, so recovery just runs it again.

A run's staging folder is claimed by `_staging/R/.claim`, a lease renewed while the run
lives (transforms/store/lease.py): recovery never rolls back a run whose claim is alive.

Readers list `date=…/actor=…/` and apply every committed-but-unfinished manifest (one whose
staging folder still has objects) to the listing, exactly as on a local folder
(transforms/store/snapshot.py), so they see one committed state. A plain Hive reader of the
bucket sees staged files never (they are under `_staging/`), and sees a mix only while a
roll forward copies and deletes, or after a writer died inside it until the next run.
"""
from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import json

from transforms.store import lease
from transforms.store.hooks import NO_HOOKS, WriterHooks
from transforms.store.layout import (
    ARTICLE_STATE_FILE,
    LOCK_NAME,
    QUARANTINE,
    RUN_ID,
    RUNS,
    STAGING,
    STATE_DIR,
    parse_partition,
)
from transforms.store.storage import open_store

CLAIM = ".claim"


def staging_rel(run_id: str) -> str:
    return f"{STAGING}/{run_id}"


def live_parts(root: str, rel: str) -> dict[str, int]:
    """name → size of the partition's live part files."""
    found = open_store(root).list(rel)
    return {name.rsplit("/", 1)[1]: size for name, size in found.items()
            if name.count("/") == rel.count("/") + 1 and name.rsplit("/", 1)[1].startswith("part-")
            and name.endswith(".parquet")}


def write_manifest(root: str, run_id: str, record: dict) -> dict:
    """Create `_runs/R.json` if absent: the commit point. Returns the manifest that is there now
    (an earlier attempt's, when a retried commit finds it)."""
    store = open_store(root)
    rel = f"{RUNS}/{run_id}.json"
    data = json.dumps(record, indent=2, sort_keys=True, default=str).encode("utf-8")
    if store.create_if_absent(rel, data):
        return record
    existing = store.read_json(rel)
    if not isinstance(existing, dict) or "changes" not in existing:
        raise RuntimeError(f"{store.url(rel)} exists and is not a manifest; not committing")
    return existing


def roll_forward(root: str, manifest: dict, hooks: WriterHooks = NO_HOOKS) -> dict:
    """Make the live files match a committed manifest. Idempotent; safe to repeat after a crash.

    Partitions are independent, so their copies and deletes go out in parallel (each is a
    request: latency, not bandwidth, bounds them), in two halves around the "commit" hook."""
    store = open_store(root)
    run_id = manifest["run_id"]
    staging = staging_rel(run_id)
    staged = store.list(staging)
    changes = manifest.get("changes", [])
    did = collections.Counter({"files_moved": 0, "files_removed": 0, "files_quarantined": 0})
    half = len(changes) // 2 + 1 if changes else 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=PARALLEL_REQUESTS) as pool:
        for first, part in ((True, changes[:half]), (False, changes[half:])):
            for result in pool.map(lambda change: _roll_partition(store, run_id, staged, change), part):
                did.update(result)
            if first and part:
                hooks.reached("commit")
    state = f"{staging}/{STATE_DIR}/{ARTICLE_STATE_FILE}"
    if state in staged:
        store.copy(state, f"{STATE_DIR}/{ARTICLE_STATE_FILE}")
    with concurrent.futures.ThreadPoolExecutor(max_workers=PARALLEL_REQUESTS) as pool:
        list(pool.map(store.delete, sorted(name for name in staged if not name.endswith(CLAIM))))
    for name in staged:
        if name.endswith(CLAIM):  # the claim last: the run is finished when nothing is left
            store.delete(name)
    return dict(did)


PARALLEL_REQUESTS = 16


def _roll_partition(store, run_id: str, staged: dict[str, int], change: dict) -> collections.Counter:
    """One partition of the roll forward: staged files copied in, replaced files deleted."""
    did: collections.Counter = collections.Counter()
    rel = change["partition"]
    parse_partition(rel)
    live = live_parts(store.root, rel)
    staging = staging_rel(run_id)
    for name in change["added"]:
        source = f"{staging}/{rel}/{name}"
        if source not in staged:
            continue  # moved by an earlier attempt
        if name in live:
            if live[name] != staged[source]:
                raise RuntimeError(f"{store.url(rel + '/' + name)} exists and is another file; "
                                   "a live part file is never overwritten")
            continue
        store.copy(source, f"{rel}/{name}")
        did["files_moved"] += 1
    quarantined = set(change.get("quarantined", []))
    for name in change["removed"]:
        if name in change["added"] or name not in live:
            continue
        if name in quarantined:
            store.copy(f"{rel}/{name}", f"{QUARANTINE}/{run_id}/{rel}/{name}")
            did["files_quarantined"] += 1
        else:
            did["files_removed"] += 1
        store.delete(f"{rel}/{name}")
    return did


def _claim_record(run_id: str) -> bytes:
    return json.dumps(lease.holder_record(run_id=run_id)).encode()


@contextlib.contextmanager
def claim_staging(root: str, run_id: str):
    """Hold `_staging/R/` for the run: a lease record renewed by a heartbeat. On leaving, a run
    that did not commit deletes what it staged."""
    store = open_store(root)
    claim = f"{staging_rel(run_id)}/{CLAIM}"
    store.write_bytes(claim, _claim_record(run_id))

    def renew() -> bool:
        if not store.exists(claim):
            return False  # rolled forward: the staging folder is gone
        store.write_bytes(claim, _claim_record(run_id))
        return True

    beat = lease.Heartbeat(renew).start()
    try:
        yield staging_rel(run_id)
    finally:
        beat.stop()
        if store.read_json(f"{RUNS}/{run_id}.json") is None:
            store.delete_prefix(staging_rel(run_id))
        elif list(store.list(staging_rel(run_id))) == [claim]:  # a last beat raced the roll forward's delete
            store.delete(claim)


def claimed(root: str, run_id: str) -> bool:
    record = open_store(root).read_json(f"{staging_rel(run_id)}/{CLAIM}")
    return isinstance(record, dict) and lease.alive(record)


def recover(root: str, still_active) -> list[tuple[str, str]]:
    """Roll committed runs forward and uncommitted ones back (see dataset.recover)."""
    store = open_store(root)
    done = []
    for run_id in store.list_dirs(STAGING):
        if claimed(root, run_id):
            raise still_active(f"run {run_id} is still running: a live process holds {store.url(staging_rel(run_id))} "
                               f"(was {store.url(LOCK_NAME)} deleted?); wait for it to end")
        staged = [n for n in store.list(staging_rel(run_id)) if not n.endswith("/" + CLAIM)]
        manifest = store.read_json(f"{RUNS}/{run_id}.json") if RUN_ID.fullmatch(run_id) else None
        if isinstance(manifest, dict) and "changes" in manifest:
            did = roll_forward(root, manifest)
            done.append((run_id, (
                f"rolled forward: {did['files_moved']} staged files moved into place, "
                f"{did['files_removed']} replaced files removed (the rest was done before it stopped)")))
        elif RUN_ID.fullmatch(run_id) and store.exists(f"{RUNS}/{run_id}.json"):
            target = f"{QUARANTINE}/{run_id}/{STAGING}"
            for name in staged:
                store.copy(name, f"{target}/{name[len(staging_rel(run_id)) + 1:]}")
            store.delete_prefix(staging_rel(run_id))
            done.append((run_id, f"manifest unreadable: its staged files were set aside in {store.url(target)}"))
        else:
            store.delete_prefix(staging_rel(run_id))
            if staged:
                done.append((run_id, f"rolled back: {len(staged)} staged files deleted (it never committed)"))
    return done


def in_flight(root: str) -> tuple[frozenset, dict]:
    """(names under _runs, committed-but-unfinished manifests by run id), as snapshot.py needs."""
    store = open_store(root)
    runs = frozenset(name.rsplit("/", 1)[1] for name in store.list(RUNS))
    pending = {}
    for run_id in store.list_dirs(STAGING):
        if f"{run_id}.json" in runs and RUN_ID.fullmatch(run_id):
            manifest = store.read_json(f"{RUNS}/{run_id}.json")
            if isinstance(manifest, dict) and "changes" in manifest:
                pending[run_id] = manifest
    return runs, pending


def list_live(root: str, match, valid, ignore, narrowed_by_date: bool = False) -> dict[str, str]:
    """rel → URL of `date=*/actor=*/part-*.parquet`. A listing returns up to 1,000 names per
    request: the whole dataset is listed at once (36,500 files: 37 requests), unless the dates
    are narrowed, when only the matching date folders are (a month: about 32 requests)."""
    store = open_store(root)
    if narrowed_by_date:
        listed = {}
        for date_name in store.list_dirs(""):
            if date_name.startswith("date=") and valid(date_name) and match(date_name[5:]):
                listed.update(store.list(date_name))
    else:
        listed = store.list_from("date=")
    files = {}
    for rel in sorted(listed):
        parts = rel.split("/")
        if len(parts) != 3 or not parts[2].startswith("part-") or not parts[2].endswith(".parquet"):
            continue
        if not valid(parts[0]):
            ignore(store.url(parts[0]))
        elif not valid(parts[0], parts[1]):
            ignore(store.url(f"{parts[0]}/{parts[1]}"))
        elif match is None or match(parts[0][5:], parts[1][6:]):
            files[rel] = store.url(rel)
    return files
