"""Readers: the reports, the Python API, partition pruning, schema evolution, compaction."""
from __future__ import annotations

import datetime as dt
import json

import pyarrow.parquet as pq
import pytest
from conftest import make_event

from pipeline import open_dataset, open_events
from pipeline.cli import main
from pipeline.query import connect, run_query, split_by_schema
from schemas.arrow import SCHEMA_VERSION
from transforms.store import dataset, snapshot
from transforms.store.compact import compact

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
    assert new["schema_version"] == SCHEMA_VERSION
    assert json.loads((tmp_path / "_runs" / "new.json").read_text())["schema_version"] == SCHEMA_VERSION
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
    target = -(-sum(sizes) // 2)  # all three files are small; together they need two files (ceil: not three)
    before = run_query(str(tmp_path), QUERIES[2])
    manifest = compact(str(tmp_path), target_bytes=target)
    assert len(manifest["files_added"]) == 2 and len(manifest["files_removed"]) == 3
    assert run_query(str(tmp_path), QUERIES[2]) == before


FILTERED = "SELECT actor, date, count(*), sum(quad_class), count(DISTINCT event_id) FROM events GROUP BY ALL ORDER BY ALL"


@pytest.mark.parametrize(
    "narrow, where, files",
    [
        ({"actors": ["RUS"]}, "actor = 'RUS'", 3 * 4),
        ({"since": "2026-11-21"}, "date >= DATE '2026-11-21'", 2 * 4 * 4),
        ({"actors": ["007", "NATO"], "since": dt.date(2026, 11, 21), "until": "2026-11-21"},
         "actor IN ('007', 'NATO') AND date = DATE '2026-11-21'", 2 * 4),
        ({"actors": ["XYZ"]}, "actor = 'XYZ'", 0),
    ],
)
def test_a_narrowed_listing_reads_only_matching_files_and_answers_the_same(many_runs, capsys, narrow, where, files):
    listed = snapshot.snapshot_files(str(many_runs), **narrow)
    assert len(listed) == files
    if "actors" in narrow:
        assert {path.split("/actor=")[1].split("/")[0] for path in listed} <= set(narrow["actors"])
    con = connect(str(many_runs), **narrow)
    plan = con.execute("EXPLAIN ANALYZE SELECT count(*) FROM events").fetchall()[0][1]
    assert f"Total Files Read: {files}" in plan or (files == 0 and "Total Files Read" not in plan), plan
    filtered = run_query(str(many_runs), FILTERED, **narrow)
    unfiltered = run_query(str(many_runs), FILTERED.replace("GROUP BY", f"WHERE {where} GROUP BY"))
    assert filtered == unfiltered
    # the command line narrows the same way: --actor (repeatable), --since, --until
    flags = [arg for a in narrow.get("actors", []) for arg in ("--actor", a)]
    flags += [arg for key in ("since", "until") if narrow.get(key) for arg in (f"--{key}", str(narrow[key]))]
    code, out, _ = _cli(capsys, "query", "--output", many_runs, "--format", "json", *flags, FILTERED)
    assert code == 0 and len(json.loads(out)) == len(filtered[1])


def test_the_view_binds_without_opening_files_and_keeps_the_types(many_runs):
    con = connect(str(many_runs))
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE events)").fetchall())
    assert types["date"] == "DATE" and types["actor"] == "VARCHAR" and types["event_code"] == "VARCHAR"
    assert types["published"] == "TIMESTAMP WITH TIME ZONE" and types["quad_class"] == "TINYINT"
    assert con.execute("SELECT DISTINCT actor FROM events WHERE actor = '007'").fetchall() == [("007",)]
    # every file was written with the current schema: read through bound_schema, not union_by_name
    view = con.execute("SELECT sql FROM duckdb_views() WHERE view_name = 'events'").fetchall()[0][0]
    assert "bound_schema" in view and "union_by_name" not in view


def test_old_files_are_unioned_by_name_and_a_mislabelled_one_falls_back(tmp_path):
    """Old-schema files (no `date_basis`) beside new ones, narrowed or not, read it as null;
    one old file among current files of the same name makes DuckDB refuse, and run_query
    reads again by name."""
    old = _write(tmp_path, "old", [_event(i, "old") for i in range(8)])
    for rel in old["files_added"]:
        path = tmp_path / rel
        pq.write_table(pq.read_table(path).drop(["date_basis"]), path)
    _write(tmp_path, "new", [_event(i, "new") for i in range(8)])
    query = "SELECT run_id, count(date_basis), count(*) FROM events GROUP BY run_id ORDER BY run_id"
    assert run_query(str(tmp_path), query)[1] == [("new", 8, 8), ("old", 0, 8)]
    assert run_query(str(tmp_path), query, actors=["RUS"]) == run_query(
        str(tmp_path), query.replace("GROUP BY", "WHERE actor = 'RUS' GROUP BY"))
    current, older = split_by_schema(snapshot.snapshot_files(str(tmp_path)))
    assert {p.rsplit("/", 1)[1] for p in current} == {"part-new.parquet"}
    assert {p.rsplit("/", 1)[1] for p in older} == {"part-old.parquet"}
    # one `new` file rewritten without the column: the name says current, the file is not
    victim = next(iter(tmp_path.glob("date=*/actor=*/part-new.parquet")))
    pq.write_table(pq.read_table(victim).drop(["date_basis"]), victim)
    rows = run_query(str(tmp_path), "SELECT count(date_basis), count(*) FROM events WHERE run_id = 'new'")[1]
    assert rows[0][1] == 8 and rows[0][0] == 8 - pq.read_metadata(victim).num_rows


def test_a_narrowed_snapshot_applies_a_committed_but_unfinished_run(many_runs, monkeypatch):
    """A run committed but not rolled forward (a killed writer): the narrowed listing is the
    full snapshot restricted to the partitions, staged files included, replaced files excluded."""
    monkeypatch.setattr(dataset, "roll_forward", lambda root, manifest, hooks=None: None)
    _write(many_runs, "r5", [_event(i, "r1") for i in range(24)])  # re-processes r1's articles
    monkeypatch.undo()
    full = snapshot.snapshot_files(str(many_runs))
    assert any("/_staging/r5/" in path for path in full)
    for narrow in ({"actors": ["RUS"]}, {"since": "2026-11-22"}, {"actors": ["UKR"], "until": "2026-11-20"}):
        match = snapshot.partition_matcher(**narrow)
        expected = [p for p in full if match(p.split("/date=")[1][:10], p.split("/actor=")[1].split("/")[0])]
        assert snapshot.snapshot_files(str(many_runs), **narrow) == expected and expected


def test_table_widths_give_the_room_to_the_wide_columns(monkeypatch):
    from pipeline.query import format_rows, terminal_widths

    monkeypatch.setenv("COLUMNS", "100")
    columns = ["date", "actor", "evidence", "url"]
    rows = [("2023-03-09", "RUS", "Russia resumed its brutal airstrikes on Ukraine " * 3, "https://example.org/" + "x" * 80)]
    widths = terminal_widths(columns, rows)
    assert widths[:2] == [10, 5]  # narrow columns keep their whole width
    assert abs(widths[2] - widths[3]) <= 1 and sum(widths) + 2 * 3 <= 100  # the rest is shared; the row fits
    line = format_rows(columns, rows, "table", widths).splitlines()[2]
    assert len(line) <= 100 and line.startswith("2023-03-09  RUS    Russia resumed")
