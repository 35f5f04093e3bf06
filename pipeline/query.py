"""Reading the dataset: a DuckDB view named `events`, a pyarrow dataset, and the reports.

Both readers start from `snapshot_files()` (transforms/dataset.py): the files of one
committed state, even while a run commits or after a run was killed mid-commit, so a
reader never sees part of a run. Partition columns are typed explicitly (actor "007"
stays a string, date stays a date) and columns are unioned by name with the current
schema, so files written before a column was added read it as null. DuckDB prunes
by the `date=`/`actor=` folder names: a query filtering on date or actor opens only
the matching files (tests/test_query.py shows it with EXPLAIN ANALYZE).

A relation or dataset is a snapshot of the moment it was opened: after a later run
has committed, open it again (a file the later run replaced may be gone).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds

from schemas.arrow import EVENT_SCHEMA, PARTITION_COLUMNS
from transforms.dataset import snapshot_files

FORMATS = ("table", "csv", "json")
PARTITIONING = ds.partitioning(pa.schema([EVENT_SCHEMA.field(n) for n in PARTITION_COLUMNS]), flavor="hive")


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect(output: str, files: list[str] | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the `events` view over one committed state of the dataset."""
    files = snapshot_files(output) if files is None else files
    con = duckdb.connect()
    con.register("_events_schema", pa.Table.from_pylist([], schema=EVENT_SCHEMA))
    if files:
        listed = "[" + ", ".join(_sql_string(f) for f in files) + "]"
        con.execute(
            "CREATE VIEW events AS SELECT * FROM _events_schema UNION ALL BY NAME "
            f"SELECT * FROM read_parquet({listed}, hive_partitioning = true, union_by_name = true, "
            "hive_types = {'date': DATE, 'actor': VARCHAR})"
        )
    else:
        con.execute("CREATE VIEW events AS SELECT * FROM _events_schema")
    return con


def open_events(output: str = "output") -> duckdb.DuckDBPyRelation:
    """The dataset as a DuckDB relation: `open_events('output').filter("actor = 'RUS'")`."""
    return connect(output).table("events")


def open_dataset(output: str = "output") -> ds.Dataset:
    """The dataset as a pyarrow Dataset with the explicit schema (and hive partitions)."""
    root = str(Path(output).resolve())
    return ds.dataset(
        snapshot_files(root), schema=EVENT_SCHEMA, format="parquet", partitioning=PARTITIONING, partition_base_dir=root
    )


def run_query(output: str, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    """Run SQL over `events`; a file replaced by a commit between listing and reading is retried."""
    for attempt in range(3):
        con = connect(output)
        try:
            result = con.execute(sql, params or [])
        except duckdb.IOException:
            if attempt == 2:
                raise
            continue
        columns = [d[0] for d in result.description] if result.description else []
        return columns, result.fetchall()
    raise AssertionError("unreachable")


# ---------------------------------------------------------------- reports

def _window(since: str | None, until: str | None, params: list) -> str:
    clauses = []
    if since:
        clauses.append("date >= CAST(? AS DATE)")
        params.append(since)
    if until:
        clauses.append("date <= CAST(? AS DATE)")
        params.append(until)
    return " AND ".join(clauses) or "TRUE"


def report_sql(report: str, actor: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 20) -> tuple[str, list]:
    """The SQL (and its parameters) of a named report: top-actors, timeline, dyads."""
    params: list = []
    where = _window(since, until, params)
    if report == "top-actors":
        sql = (
            "SELECT actor, count(*) AS events, count(DISTINCT article_id) AS articles, "
            "round(avg(goldstein), 2) AS avg_goldstein, min(date) AS first, max(date) AS last "
            f"FROM events WHERE {where} GROUP BY actor ORDER BY events DESC, actor LIMIT {int(limit)}"
        )
    elif report == "timeline":
        params.append(actor)
        sql = (
            "SELECT date, count(*) AS events, "
            "count(*) FILTER (WHERE quad_class = 1) AS verbal_coop, "
            "count(*) FILTER (WHERE quad_class = 2) AS material_coop, "
            "count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict, "
            "count(*) FILTER (WHERE quad_class = 4) AS material_conflict "
            f"FROM events WHERE {where} AND actor = ? GROUP BY date ORDER BY date"
        )
    elif report == "dyads":
        sql = (
            "SELECT actor, target, count(*) AS events, round(avg(goldstein), 2) AS avg_goldstein "
            f"FROM events WHERE {where} AND target IS NOT NULL "
            f"GROUP BY actor, target ORDER BY events DESC, actor, target LIMIT {int(limit)}"
        )
    else:
        raise ValueError(f"unknown report {report!r}")
    return sql, params


# ---------------------------------------------------------------- output

def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def format_rows(columns: list[str], rows: list[tuple], fmt: str, max_width: int = 60) -> str:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], default=str, ensure_ascii=False, indent=1) + "\n"
    cells = [[_cell(v)[:max_width] for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
