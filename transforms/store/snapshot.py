"""Readers' view of the dataset: the files of exactly one committed state.

A committed run whose roll forward has not finished (a live writer, or a killed one) is
applied to the listing; if a commit starts or ends while listing, the listing is redone.
So `eventwire query`, `open_events` and compaction never see a half-applied run.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Iterable
from pathlib import Path

from transforms.store import objstore, storage
from transforms.store.layout import (
    ACTOR_CODE,
    RUN_ID,
    RUNS,
    STAGING,
    PartitionError,
    read_manifest,
    staging_dir,
)

log = logging.getLogger(__name__)


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


def valid_partition_names(date_name: str, actor_name: str | None = None) -> bool:
    """`date=YYYY-MM-DD` (a real date) and `actor=CODE`: what the writer makes, nothing else.
    A stray copy such as `date=2026-11-27.bak` or `actor=rus` is never read as data."""
    if not date_name.startswith("date="):
        return False
    try:
        if dt.date.fromisoformat(date_name[5:]).isoformat() != date_name[5:]:
            return False
    except ValueError:
        return False
    return actor_name is None or (actor_name.startswith("actor=") and bool(ACTOR_CODE.fullmatch(actor_name[6:])))


_warned: set[str] = set()


def _ignore(path: str) -> None:
    if path not in _warned:
        _warned.add(path)
        log.warning("eventwire: ignoring %s: not a partition folder the writer makes (date=YYYY-MM-DD/actor=CODE)", path)


def _list_live(base: Path, match) -> dict[str, str]:
    """`date=*/actor=*/part-*.parquet` under base (rel path → path), only the folders `match` keeps.
    os.scandir, not glob: a year of 100 actors is 36,865 folders, and a narrowed listing opens
    only the matching ones. Folders whose names are not valid partitions are ignored, with a warning."""
    files: dict[str, str] = {}
    prefix = str(base) + os.sep
    try:
        with os.scandir(base) as entries:
            dates = [e.name for e in entries if e.name.startswith("date=") and e.is_dir()]
    except OSError:
        return files
    for date_name in dates:
        if not valid_partition_names(date_name):
            _ignore(prefix + date_name)
            continue
        if match is not None and not match(date_name[5:]):
            continue
        date_dir = prefix + date_name
        try:
            with os.scandir(date_dir) as entries:
                actors = [e.name for e in entries if e.name.startswith("actor=") and e.is_dir()]
        except OSError:
            continue
        for actor_name in actors:
            if not valid_partition_names(date_name, actor_name):
                _ignore(f"{date_dir}/{actor_name}")
                continue
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


def snapshot_files(root: str, attempts: int = 200, *, since=None, until=None,
                   actors: Iterable[str] | None = None) -> list[str]:
    """The files of exactly one committed state of the dataset, for readers.

    A committed run whose roll forward has not finished (live writer, or a killed one)
    is applied to the listing: each file it added is resolved once, at the end, to its
    live path if it is there, else its staged path (the roll forward links a file into
    place and removes the staged copy only when the whole run is done, so one of the two
    exists); if neither does, or a commit starts or ends while listing, list again.

    `since`/`until` (dates or "YYYY-MM-DD", inclusive) and `actors` (codes) narrow the
    listing to the matching partition folders: only those are opened, so a one-actor,
    one-month snapshot of a year of 100 actors lists 31 folders instead of 36,500. The
    result is the same committed state, restricted to those partitions.

    On object storage (gs://, s3://) the same, with listings of the bucket; the files are URLs.
    """
    remote = storage.is_remote(root)
    base = storage.open_store(root).root if remote else Path(root).resolve()
    match = partition_matcher(since, until, actors)
    in_flight = objstore.in_flight if remote else _in_flight
    for _ in range(attempts):
        before = in_flight(base)
        files: dict[str, str | tuple[str, str]] = dict(
            objstore.list_live(base, match, valid_partition_names, _ignore, bool(since or until)) if remote
            else _list_live(base, match))
        for run_id, manifest in sorted(before[1].items(), key=lambda kv: kv[1].get("committed_at", "")):
            staging = f"{base}/{objstore.staging_rel(run_id)}" if remote else staging_dir(str(base), run_id)
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
                    files[f"{rel}/{name}"] = (f"{base}/{rel}/{name}", f"{staging}/{rel}/{name}")
        if in_flight(base) == before:
            resolved = [_resolve(path, base if remote else None) for path in files.values()]
            if None not in resolved:
                return sorted(resolved)
        time.sleep(0.01)
    raise RuntimeError(f"the dataset at {root} kept changing while it was listed")


def _resolve(path: str | tuple[str, str], bucket_root: str | None = None) -> str | None:
    """A listed path, or a committed file's live path if it exists, else its staged path, else None."""
    if isinstance(path, str):
        return path
    final, staged = path
    if bucket_root is not None:
        store = storage.open_store(bucket_root)
        if store.exists(storage.relative(bucket_root, final)):
            return final
        return staged if store.exists(storage.relative(bucket_root, staged)) else None
    if os.path.exists(final):
        return final
    return staged if os.path.exists(staged) else None
