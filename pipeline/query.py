"""SQL over the dataset with DuckDB: a view named `events`.

The view reads only the live partition files (date=*/actor=*/*.parquet, not the
"_" folders), types the partition columns explicitly (so actor "007" stays a
string and date stays a date) and unions columns by name, so files written
before a column was added still read.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow as pa

from schemas.arrow import EVENT_SCHEMA

FORMATS = ("table", "csv", "json")


def _glob(root: Path) -> str:
    return str(root / "date=*" / "actor=*" / "*.parquet")


def _has_files(root: Path) -> bool:
    return any(root.glob("date=*/actor=*/*.parquet"))


def connect(output: str) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the `events` view over the dataset at `output`."""
    root = Path(output).resolve()
    con = duckdb.connect()
    if _has_files(root):
        path = _glob(root).replace("'", "''")
        con.execute(
            "CREATE VIEW events AS SELECT * FROM read_parquet("
            f"'{path}', hive_partitioning = true, union_by_name = true, "
            "hive_types = {'date': DATE, 'actor': VARCHAR})"
        )
    else:
        empty = pa.Table.from_pylist([], schema=EVENT_SCHEMA)
        con.register("_empty_events", empty)
        con.execute("CREATE VIEW events AS SELECT * FROM _empty_events")
    return con


def open_events(output: str) -> duckdb.DuckDBPyRelation:
    """The dataset as a DuckDB relation: `open_events('output').filter("actor = 'RUS'")`."""
    return connect(output).table("events")


def run_query(output: str, sql: str) -> tuple[list[str], list[tuple]]:
    con = connect(output)
    result = con.execute(sql)
    columns = [d[0] for d in result.description] if result.description else []
    return columns, result.fetchall()


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
