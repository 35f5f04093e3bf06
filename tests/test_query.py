"""Readers: the reports, the Python API, partition pruning, schema evolution, compaction."""
from __future__ import annotations

import datetime as dt
import json

import pyarrow.parquet as pq
import pytest

from conftest import make_event
from pipeline import open_dataset, open_events
from pipeline.cli import main
from pipeline.compact import compact
from pipeline.query import connect, run_query
from transforms import dataset

DAYS = [dt.date(2026, 11, 20), dt.date(2026, 11, 21), dt.date(2026, 11, 22)]
ACTORS = ["RUS", "UKR", "NATO", "007"]


def _event(i: int, run: str, **extra):
    actor = ACTORS[i % 4]
    target = ACTORS[(i + 1) % 4] if i % 2 else None
    quad = 1 + i % 4
    return make_event(
        event_id=f"{run}-{i:030d}", article_id=f"{run}-article-{i % 5}", date=DAYS[i % 3], actor=actor,
        target=target, quad_class=quad, goldstein=float(i % 7) - 3, event_code="0" + str(10 + i % 9),
        run_id=run, **extra,
    )


def _write(root, run_id, events):
    groups = {}
    for e in events:
        groups.setdefault((e.date, e.actor), []).append(e)
    changes = [dataset.stage_partition(str(root), run_id, d, a, rows) for (d, a), rows in groups.items()]
    return dataset.commit(str(root), run_id, changes)


@pytest.fixture
def many_runs(tmp_path):
    """Four runs appending to the same partitions: several small files per partition."""
    for run in ("r1", "r2", "r3", "r4"):
        _write(tmp_path, run, [_event(i, run) for i in range(24)])
    return tmp_path


def _cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(map(str, args)))
    out, err = capsys.readouterr()
    return code, out, err


def test_reports(many_runs, capsys):
    code, out, _ = _cli(capsys, "query", "--output", many_runs, "--top-actors", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["actor"] for r in rows] == ["007", "NATO", "RUS", "UKR"]
    assert sum(r["events"] for r in rows) == 96 and all(r["events"] == 24 for r in rows)

    code, out, _ = _cli(capsys, "query", "--output", many_runs, "--timeline", "RUS", "--since", "2026-11-21", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["date"] for r in rows] == ["2026-11-21", "2026-11-22"]
    for r in rows:
        assert r["events"] == r["verbal_coop"] + r["material_coop"] + r["verbal_conflict"] + r["material_conflict"]
    expected = run_query(str(many_runs), "SELECT count(*) FROM events WHERE actor = 'RUS' AND date >= '2026-11-21'")[1][0][0]
    assert sum(r["events"] for r in rows) == expected

    code, out, _ = _cli(capsys, "query", "--output", many_runs, "--dyads", "--until", "2026-11-20", "--format", "csv")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "actor,target,events,avg_goldstein" and len(lines) > 1
    expected = run_query(str(many_runs), "SELECT count(*) FROM events WHERE target IS NOT NULL AND date <= '2026-11-20'")[1][0][0]
    assert sum(int(line.split(",")[2]) for line in lines[1:]) == expected

    code, out, _ = _cli(capsys, "query", "--output", many_runs, "SELECT count(*) AS n FROM events")
    assert code == 0 and "96" in out
    assert _cli(capsys, "query", "--output", many_runs, "--top-actors", "SELECT 1")[0] == 2
    assert _cli(capsys, "query", "--output", many_runs, "--dyads", "--since", "soon")[0] == 2


def test_python_api_gives_duckdb_and_pyarrow(many_runs):
    rel = open_events(str(many_runs))
    assert rel.filter("actor = '007'").aggregate("count(*)").fetchall() == [(24,)]
    data = open_dataset(str(many_runs))
    import pyarrow.dataset as ds

    table = data.to_table(filter=ds.field("actor") == "007")
    assert table.num_rows == 24 and set(table.column("actor").to_pylist()) == {"007"}  # stays a string
    assert data.schema.field("date").type == "date32[day]"


@pytest.mark.parametrize(
    "where, files",
    [("actor = 'RUS'", 3 * 4), ("date = DATE '2026-11-21'", 4 * 4), ("actor = 'RUS' AND date = DATE '2026-11-21'", 4)],
)
def test_a_partition_filter_reads_only_the_matching_files(many_runs, where, files):
    total = len(list(many_runs.glob("date=*/actor=*/*.parquet")))
    con = connect(str(many_runs))
    plan = con.execute(f"EXPLAIN ANALYZE SELECT count(*) FROM events WHERE {where}").fetchall()[0][1]
    assert f"Total Files Read: {files}" in plan, plan
    # pyarrow's dataset prunes the same way
    import pyarrow.dataset as ds

    data = open_dataset(str(many_runs))
    expr = {"actor = 'RUS'": ds.field("actor") == "RUS"}.get(where)
    if expr is not None:
        assert len(list(data.get_fragments(filter=expr))) == files < total


def test_a_column_added_later_reads_back_in_pyarrow_and_duckdb(tmp_path):
    """Files written before `date_basis` existed (schema 0) next to files that have it."""
    old = _write(tmp_path, "old", [_event(i, "old") for i in range(8)])
    for rel in old["files_added"]:
        path = tmp_path / rel
        pq.write_table(pq.read_table(path).drop(["date_basis"]), path)
    # with only old files the column is still there (null), in both readers
    assert run_query(str(tmp_path), "SELECT count(date_basis), count(*) FROM events")[1] == [(0, 8)]
    assert open_dataset(str(tmp_path)).to_table().column("date_basis").null_count == 8
    new = _write(tmp_path, "new", [_event(i, "new") for i in range(8)])
    assert new["schema_version"] == 1
    assert json.loads((tmp_path / "_runs" / "new.json").read_text())["schema_version"] == 1
    rows = run_query(str(tmp_path), "SELECT run_id, count(date_basis), count(*) FROM events GROUP BY run_id ORDER BY run_id")[1]
    assert rows == [("new", 8, 8), ("old", 0, 8)]
    table = open_dataset(str(tmp_path)).to_table()
    by_run = {}
    for run, basis in zip(table.column("run_id").to_pylist(), table.column("date_basis").to_pylist()):
        by_run.setdefault(run, set()).add(basis)
    assert by_run == {"new": {"published"}, "old": {None}}


QUERIES = [
    "SELECT count(*), count(DISTINCT event_id), sum(goldstein), min(date), max(date) FROM events",
    "SELECT actor, date, count(*), sum(quad_class) FROM events GROUP BY ALL ORDER BY ALL",
    "SELECT * EXCLUDE (published) FROM events ORDER BY event_id",
    "SELECT actor, target, count(*) FROM events WHERE target IS NOT NULL GROUP BY ALL ORDER BY ALL",
    "SELECT count(date_basis), count(*) FROM events",
]


def test_compaction_changes_no_answer(many_runs, capsys):
    # one partition also holds a file of an older schema
    first = next(iter(many_runs.glob("date=*/actor=*/part-r1.parquet")))
    pq.write_table(pq.read_table(first).drop(["date_basis"]), first)
    before = [run_query(str(many_runs), q) for q in QUERIES]
    files_before = list(many_runs.glob("date=*/actor=*/*.parquet"))
    assert len(files_before) == 12 * 4

    code, out, _ = _cli(capsys, "compact", "--output", many_runs, "--target_size", "1")
    assert code == 0 and "12 partitions, 48 files merged into 12" in out
    after = [run_query(str(many_runs), q) for q in QUERIES]
    assert after == before
    files_after = list(many_runs.glob("date=*/actor=*/*.parquet"))
    assert len(files_after) == 12 and all(p.name.startswith("part-compact-") for p in files_after)
    manifests = [json.loads(p.read_text()) for p in (many_runs / "_runs").glob("compact-*.json")]
    assert len(manifests) == 1 and manifests[0]["kind"] == "compact" and len(manifests[0]["files_removed"]) == 48
    # nothing left to do: a second compaction changes nothing
    assert compact(str(many_runs), 2**20)["files_added"] == []
    assert [run_query(str(many_runs), q) for q in QUERIES] == before


def test_compaction_splits_to_the_target_size(tmp_path):
    for run in ("a", "b", "c"):
        _write(tmp_path, run, [_event(i * 12, run, sentence="x" * 2000 + str(i)) for i in range(40)])
    sizes = [p.stat().st_size for p in tmp_path.glob("date=*/actor=*/*.parquet")]
    target = int(sum(sizes) / 2)  # all three files are small; together they need two files
    before = run_query(str(tmp_path), QUERIES[2])
    manifest = compact(str(tmp_path), target_bytes=target)
    assert len(manifest["files_added"]) == 2 and len(manifest["files_removed"]) == 3
    assert run_query(str(tmp_path), QUERIES[2]) == before
