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
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.lock import RunLock
from transforms.store import dataset, layout
from transforms.store.files import write_table_atomically
from transforms.store.snapshot import snapshot_files

DEFAULT_TARGET_BYTES = 128 * 1024 * 1024


def _partitions(root: Path) -> list[str]:
    """The partitions of the committed snapshot (stray folders such as `date=….bak` are not)."""
    return sorted({Path(p).parent.relative_to(root).as_posix() for p in snapshot_files(str(root))})


def plan_partition(root: Path, rel: str, target_bytes: int) -> list[Path]:
    """The files of a partition worth merging: those under 3/4 of the target, if two or more.
    A file whose footer cannot be read is left for `eventwire recover --check` to set aside."""
    small = [p for p in layout.live_files(str(root), rel) if p.stat().st_size < target_bytes * 3 // 4 and _readable(p)]
    return small if len(small) >= 2 else []


def _readable(path: Path) -> bool:
    try:
        pq.read_metadata(path)
        return True
    except (OSError, pa.ArrowException):
        return False


def stage_compaction(root: Path, run_id: str, rel: str, files: list[Path], target_bytes: int) -> dict:
    table = pa.concat_tables([dataset.read_compatible(p) for p in files]).sort_by([("event_id", "ascending")])
    size = sum(p.stat().st_size for p in files)
    chunks = max(1, -(-size // target_bytes))
    per_chunk = -(-table.num_rows // chunks)
    added = []
    for index in range(chunks):
        part = table.slice(index * per_chunk, per_chunk)
        if part.num_rows == 0:
            continue
        name = layout.part_name(run_id, index if chunks > 1 else None)
        write_table_atomically(part, layout.staging_dir(str(root), run_id) / rel / name)
        added.append(name)
    return {"partition": rel, "added": added, "removed": sorted(p.name for p in files), "events": 0, "rows": table.num_rows}


def compact(output: str, target_bytes: int = DEFAULT_TARGET_BYTES, run_id: str | None = None) -> dict:
    """Compact every partition of the dataset at `output`; returns the manifest."""
    root = Path(output).resolve()
    run_id = layout.check_run_id(
        run_id or "compact-" + dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + f"-{uuid.uuid4().hex[:8]}"
    )
    started = dt.datetime.now(dt.timezone.utc)
    with RunLock(str(root), run_id) as lock:
        recovered = dataset.recover(str(root))
        if layout.manifest_path(str(root), run_id).exists():
            raise ValueError(f"run id {run_id} was already committed")
        with dataset.claim_staging(str(root), run_id):
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
            return dataset.commit(str(root), run_id, changes, manifest, lock_token=lock.token)
