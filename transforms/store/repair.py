"""`eventwire recover --check`: read every committed file's footer and set damaged files aside.

A part file cut short (a disk that filled, a copy that stopped half way) loses its footer,
and every query of its partition fails on it. The check opens the footer of each file of
the committed snapshot; damaged files leave the dataset through an ordinary commit (a
manifest of kind "repair" that lists them as removed and quarantined), so readers see
the dataset before or after, never a half-repaired one. The damaged bytes are kept in
`_quarantine/<run_id>/` for a look, and the articles whose rows were in those partitions
are dropped from the article state: the next run that sees them processes them again.
"""
from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict

import pyarrow as pa

from transforms.store import article_state, dataset, storage
from transforms.store.snapshot import snapshot_files


def new_repair_id() -> str:
    return "repair-" + dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + f"-{uuid.uuid4().hex[:8]}"


def damaged_files(root: str) -> tuple[int, list[tuple[str, str]]]:
    """(files checked, [(partition/name, why)]) over the committed snapshot."""
    files = snapshot_files(root)
    damaged = []
    for path in files:
        try:
            storage.read_metadata(path)
        except (OSError, pa.ArrowException) as error:
            reason = str(error).strip().splitlines()[0][:160] if str(error).strip() else type(error).__name__
            damaged.append((storage.relative(root, path), reason))
    return len(files), damaged


def set_aside(root: str, run_id: str, damaged: list[str], lock_token: str | None = None) -> dict:
    """Commit the removal of `damaged` (partition/name paths) to the quarantine; returns the manifest."""
    by_partition: dict[str, list[str]] = defaultdict(list)
    for rel in damaged:
        partition, _, name = rel.rpartition("/")
        by_partition[partition].append(name)
    changes = [
        {"partition": rel, "added": [], "removed": sorted(names), "quarantined": sorted(names), "events": 0, "rows_removed": 0}
        for rel, names in sorted(by_partition.items())
    ]

    def stage_state(staging, forget_partitions):
        return article_state.stage(root, run_id, [], staging, forget_partitions)

    with dataset.claim_staging(root, run_id):
        return dataset.commit(root, run_id, changes, {"kind": "repair"}, stage_state, lock_token=lock_token)
