"""`eventwire compact`: merge a partition's small files into files of a target size.

Runs appended to a partition leave one file per run in it; compaction reads the
partition's files smaller than the target, writes their rows (sorted by event_id) into
as few files of about the target size as it takes, and removes the originals. Rows are
carried unchanged except that files from an older schema gain the newer columns as
nulls, which is how every reader already sees them: no query's answer changes.

It is a commit like a run's (transforms/store/dataset.py): under the run lock, after recovery,
new files staged, the manifest `_runs/<id>.json` (kind "compact") as the commit point,
then the roll forward; readers see the partition before or after, never both.
"""
from __future__ import annotations

import datetime as dt
import uuid

import pyarrow as pa

from pipeline.lock import open_lock
from transforms.store import dataset, layout, objstore, storage
from transforms.store.files import write_table_atomically
from transforms.store.snapshot import snapshot_files

DEFAULT_TARGET_BYTES = 128 * 1024 * 1024


def _partitions(root: str) -> list[str]:
    """The partitions of the committed snapshot (stray folders such as `date=….bak` are not)."""
    return sorted({storage.relative(root, p).rsplit("/", 1)[0] for p in snapshot_files(root)})


def _live_sizes(root: str, rel: str) -> dict[str, int]:
    """URL or path → size of the partition's live part files."""
    if storage.is_remote(root):
        store = storage.open_store(root)
        return {store.url(f"{rel}/{name}"): size for name, size in objstore.live_parts(root, rel).items()}
    return {str(p): p.stat().st_size for p in layout.live_files(root, rel)}


def plan_partition(root: str, rel: str, target_bytes: int) -> dict[str, int]:
    """The files of a partition worth merging (path → size): those under 3/4 of the target, if two
    or more. A file whose footer cannot be read is left for `eventwire recover --check` to set aside."""
    small = {p: size for p, size in _live_sizes(root, rel).items() if size < target_bytes * 3 // 4 and _readable(p)}
    return small if len(small) >= 2 else {}


def _readable(path: str) -> bool:
    try:
        storage.read_metadata(path)
        return True
    except (OSError, pa.ArrowException):
        return False


def stage_compaction(root: str, run_id: str, rel: str, files: dict[str, int], target_bytes: int) -> dict:
    table = pa.concat_tables([dataset.read_compatible(p) for p in sorted(files)]).sort_by([("event_id", "ascending")])
    size = sum(files.values())
    chunks = max(1, -(-size // target_bytes))
    per_chunk = -(-table.num_rows // chunks)
    added = []
    for index in range(chunks):
        part = table.slice(index * per_chunk, per_chunk)
        if part.num_rows == 0:
            continue
        name = layout.part_name(run_id, index if chunks > 1 else None)
        if storage.is_remote(root):
            storage.open_store(root).write_table(f"{objstore.staging_rel(run_id)}/{rel}/{name}", part)
        else:
            write_table_atomically(part, layout.staging_dir(root, run_id) / rel / name)
        added.append(name)
    return {"partition": rel, "added": added, "removed": sorted(p.rsplit("/", 1)[-1] for p in files), "events": 0,
            "rows": table.num_rows}


def compact(output: str, target_bytes: int = DEFAULT_TARGET_BYTES, run_id: str | None = None) -> dict:
    """Compact every partition of the dataset at `output`; returns the manifest."""
    root = storage.open_store(output).root
    run_id = layout.check_run_id(
        run_id or "compact-" + dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + f"-{uuid.uuid4().hex[:8]}"
    )
    started = dt.datetime.now(dt.timezone.utc)
    with open_lock(root, run_id) as lock:
        recovered = dataset.recover(root)
        if layout.manifest_exists(root, run_id):
            raise ValueError(f"run id {run_id} was already committed")
        with dataset.claim_staging(root, run_id):
            changes = []
            for rel in _partitions(root):
                files = plan_partition(root, rel, target_bytes)
                if files:
                    changes.append(stage_compaction(root, run_id, rel, files, target_bytes))
            manifest = {
                "kind": "compact",
                "target_bytes": target_bytes,
                "started_at": started.isoformat(timespec="milliseconds"),
                "recovered": [{"run_id": r, "action": a} for r, a in recovered],
            }
            return dataset.commit(root, run_id, changes, manifest, lock_token=lock.token)
