"""Write-then-read: the dataset layout, the schema, and re-run behaviour."""
from __future__ import annotations

import datetime as dt

import pyarrow.dataset as ds
import pytest
from conftest import make_event

from pipeline.query import open_events, run_query
from schemas.arrow import EVENT_SCHEMA, FILE_SCHEMA, SCHEMA_VERSION
from schemas.records import Event
from transforms.store import dataset, layout


def test_schema_matches_event_record():
    assert EVENT_SCHEMA.names == list(Event._fields)
    assert set(FILE_SCHEMA.names) == set(Event._fields) - {"date", "actor"}


def _write(root, run_id, events):
    staged = {}
    for e in events:
        staged.setdefault((e.date, e.actor), []).append(e)
    changes = [dataset.stage_partition(str(root), run_id, d, a, rows) for (d, a), rows in staged.items()]
    return dataset.commit(str(root), run_id, changes)["partitions_touched"]


def test_layout_round_trips_through_pyarrow_and_duckdb(tmp_path):
    events = [
        make_event(event_id="1" * 32, actor="RUS"),
        make_event(event_id="2" * 32, actor="007", event_code="057", event_root="05"),
        make_event(event_id="3" * 32, actor="NATO", date=dt.date(2026, 11, 21)),
    ]
    assert _write(tmp_path, "run1", events) == 3
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.parquet"))
    assert files == [
        "date=2026-11-20/actor=007/part-run1.parquet",
        "date=2026-11-20/actor=RUS/part-run1.parquet",
        "date=2026-11-21/actor=NATO/part-run1.parquet",
    ]
    assert not (tmp_path / "_staging").exists()
    manifest = layout.read_manifest(str(tmp_path), "run1")
    assert manifest["files_added"] == files and manifest["files_removed"] == []
    assert manifest["schema_version"] == SCHEMA_VERSION

    table = ds.dataset(tmp_path, format="parquet", partitioning="hive", schema=EVENT_SCHEMA).to_table()
    assert table.num_rows == 3
    assert sorted(table.column("actor").to_pylist()) == ["007", "NATO", "RUS"]  # "007" stays a string
    assert table.schema.field("event_code").type == "string"
    row = table.filter(ds.field("actor") == "007").to_pylist()[0]
    assert row["event_code"] == "057" and row["date"] == dt.date(2026, 11, 20)

    columns, rows = run_query(str(tmp_path), "SELECT actor, date, event_code FROM events ORDER BY actor")
    assert rows == [("007", dt.date(2026, 11, 20), "057"), ("NATO", dt.date(2026, 11, 21), "112"), ("RUS", dt.date(2026, 11, 20), "112")]
    assert open_events(str(tmp_path)).filter("actor = 'RUS'").aggregate("count(*)").fetchall() == [(1,)]


def test_rerun_replaces_rows_instead_of_adding(tmp_path):
    first = [make_event(event_id="1" * 32), make_event(event_id="2" * 32, event_code="057")]
    _write(tmp_path, "run1", first)
    # The article was re-processed and now yields one event only: the other is stale.
    _write(tmp_path, "run2", [make_event(event_id="1" * 32, confidence=0.5)])
    table = ds.dataset(tmp_path, format="parquet", partitioning="hive").to_table()
    assert table.column("event_id").to_pylist() == ["1" * 32]
    assert table.column("confidence").to_pylist() == [pytest.approx(0.5)]
    assert [p.name for p in tmp_path.rglob("*.parquet")] == ["part-run2.parquet"]  # run1's file is gone
    # Another article's events in the same partition are kept; the run adds one file.
    _write(tmp_path, "run3", [make_event(event_id="9" * 32, article_id="b" * 32)])
    assert ds.dataset(tmp_path, format="parquet", partitioning="hive").count_rows() == 2
    assert sorted(p.name for p in tmp_path.rglob("*.parquet")) == ["part-run2.parquet", "part-run3.parquet"]


@pytest.mark.parametrize("actor", ["x/../../..", "../evil", "", "rus", "A" * 65, "RUS\x00X", "NATO/EU"])
def test_traversal_prone_actor_values_are_refused(tmp_path, actor):
    root = tmp_path / "a" / "b" / "out"
    root.mkdir(parents=True)
    with pytest.raises(layout.PartitionError):
        dataset.stage_partition(str(root), "run1", dt.date(2026, 1, 1), actor, [make_event(actor=actor)])
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_commit_is_idempotent(tmp_path):
    change = dataset.stage_partition(str(tmp_path), "r", dt.date(2026, 11, 20), "RUS", [make_event()])
    first = dataset.commit(str(tmp_path), "r", [change])
    again = dataset.commit(str(tmp_path), "r", [change])  # a replayed commit finds its manifest
    assert again == first and first["files_added"] == ["date=2026-11-20/actor=RUS/part-r.parquet"]
    assert ds.dataset(tmp_path, format="parquet", partitioning="hive").count_rows() == 1


def test_a_staged_partition_is_invisible_until_the_commit(tmp_path):
    dataset.stage_partition(str(tmp_path), "r", dt.date(2026, 11, 20), "RUS", [make_event()])
    assert run_query(str(tmp_path), "SELECT count(*) FROM events")[1] == [(0,)]
    assert ds.dataset(tmp_path, format="parquet", partitioning="hive").count_rows() == 0
    assert dataset.recover(str(tmp_path)) == [("r", "rolled back: 1 staged files deleted (it never committed)")]
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize("run_id", ["../x", "a/b", "_staging", ".hidden", "a..b", "", "x" * 101])
def test_unsafe_run_ids_are_refused(tmp_path, run_id):
    with pytest.raises(ValueError):
        dataset.stage_partition(str(tmp_path), run_id, dt.date(2026, 1, 1), "RUS", [make_event()])
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_empty_dataset_has_the_events_view(tmp_path):
    columns, rows = run_query(str(tmp_path), "SELECT * FROM events")
    assert rows == [] and columns == EVENT_SCHEMA.names


def test_a_column_missing_from_old_files_reads_as_null(tmp_path):
    import pyarrow.parquet as pq

    _write(tmp_path, "run1", [make_event()])
    path = next(tmp_path.rglob("*.parquet"))
    old = pq.read_table(path).drop(["date_basis"])  # a file from before the column existed
    pq.write_table(old, path)
    _write(tmp_path, "run2", [make_event(event_id="5" * 32, article_id="c" * 32)])
    rows = run_query(str(tmp_path), "SELECT event_id, date_basis FROM events ORDER BY event_id")[1]
    assert rows == [("5" * 32, "published"), ("e" * 32, None)]
