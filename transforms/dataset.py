"""The on-disk dataset: partition paths, staging and the commit.

Layout: ROOT/date=YYYY-MM-DD/actor=CODE/part-00000.parquet, one file per
partition. A run writes the new content of each partition it touches to
ROOT/_staging/<run_id>/... (merged with what the partition already holds, with
rows of the same event or the same re-processed article replaced), and only
then renames each staged file over the live one. A rename is atomic, so a
reader sees a partition's old file or its new file, never half of one; a
repeated or retried run stages the same bytes again and converges. Folders
starting with "_" are ignored by pyarrow.dataset and by the query view.

Partition values come from validated codes only: a value that is not a code is
refused here, whatever the caller passes, so nothing is written outside ROOT.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path
from typing import Iterable, Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.arrow import FILE_SCHEMA, events_to_table
from schemas.records import DeadLetter, Event

PART_FILE = "part-00000.parquet"
STAGING = "_staging"
ERRORS = "_errors"
RUNS = "_runs"
ACTOR_CODE = re.compile(r"^[A-Z0-9_]{1,64}$")


class PartitionError(ValueError):
    """A partition value that is not a valid code."""


def check_partition(date, actor) -> tuple[dt.date, str]:
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise PartitionError(f"partition date must be a date, got {type(date).__name__}")
    if not isinstance(actor, str) or not ACTOR_CODE.fullmatch(actor):
        raise PartitionError(f"actor code must match [A-Z0-9_]{{1,64}}, got {actor!r:.80}")
    return date, actor


def partition_relpath(date: dt.date, actor: str) -> str:
    date, actor = check_partition(date, actor)
    return f"date={date.isoformat()}/actor={actor}"


def live_file(root: str, date: dt.date, actor: str) -> Path:
    return Path(root) / partition_relpath(date, actor) / PART_FILE


def staged_file(root: str, run_id: str, date: dt.date, actor: str) -> Path:
    return Path(root) / STAGING / run_id / partition_relpath(date, actor) / PART_FILE


def _read_existing(path: Path) -> pa.Table | None:
    if not path.exists():
        return None
    table = pq.read_table(path)
    # Files from an older schema version gain the new columns as nulls.
    for field in FILE_SCHEMA:
        if field.name not in table.column_names:
            table = table.append_column(field, pa.nulls(len(table), field.type))
    return table.select(FILE_SCHEMA.names).cast(FILE_SCHEMA)


def merge_partition(existing: pa.Table | None, events: Sequence[Event]) -> pa.Table:
    """New rows replace old rows of the same event or of the same (re-processed) article."""
    new = events_to_table(sorted(events, key=lambda e: e.event_id))
    if existing is None or existing.num_rows == 0:
        return new
    replaced_ids = set(new.column("event_id").to_pylist())
    replaced_articles = set(new.column("article_id").to_pylist())
    keep = [
        not (event_id in replaced_ids or article_id in replaced_articles)
        for event_id, article_id in zip(
            existing.column("event_id").to_pylist(), existing.column("article_id").to_pylist()
        )
    ]
    kept = existing.filter(pa.array(keep, type=pa.bool_()))
    merged = pa.concat_tables([kept, new])
    return merged.sort_by([("event_id", "ascending")])


def _write_atomically(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def stage_partition(root: str, run_id: str, date: dt.date, actor: str, events: Sequence[Event]) -> str:
    """Write the partition's next content to staging; idempotent for retries."""
    existing = _read_existing(live_file(root, date, actor))
    table = merge_partition(existing, events)
    path = staged_file(root, run_id, date, actor)
    _write_atomically(table, path)
    return partition_relpath(date, actor)


def commit(root: str, run_id: str, partitions: Iterable[str]) -> int:
    """Move every staged partition file over its live file; returns how many moved."""
    moved = 0
    staging = Path(root) / STAGING / run_id
    for rel in sorted(set(partitions)):
        source = staging / rel / PART_FILE
        target = Path(root) / rel / PART_FILE
        if not source.exists():  # already moved by an earlier attempt of this commit
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        moved += 1
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.parent.rmdir()  # only when no other run is staging
    except OSError:
        pass
    return moved


def write_dead_letters(root: str, run_id: str, letters: Iterable[DeadLetter]) -> str | None:
    """One JSON line per dead letter under ROOT/_errors/<run_id>.jsonl."""
    letters = sorted(letters, key=lambda d: (d.stage, d.reason, d.input_id, d.message))
    if not letters:
        return None
    path = Path(root) / ERRORS / f"{run_id}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        for letter in letters:
            record = dict(letter._asdict(), run_id=run_id)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    return str(path)


def write_manifest(root: str, run_id: str, manifest: dict) -> str:
    path = Path(root) / RUNS / f"{run_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True, default=str), encoding="utf-8")
    os.replace(tmp, path)
    return str(path)
