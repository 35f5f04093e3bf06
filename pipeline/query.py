"""Reading the dataset: DuckDB views named `events` and `incidents`, a pyarrow dataset, and the reports.

Both readers start from `snapshot_files()` (transforms/store/snapshot.py): the files of one
committed state, even while a run commits or after a run was killed mid-commit, so a
reader never sees part of a run. `since`/`until`/`actors` narrow that listing to the
matching partition folders before anything else happens (`eventwire query --actor A050
--since 2023-03-01 --until 2023-03-31 "SQL"`): the views then cover only those partitions
(`incidents`, pipeline/incidents.py, is folded from `events`).

Partition columns are typed explicitly (actor "007" stays a string, date stays a date).
The view binds to the current schema without opening the files: files of the current
schema are read with DuckDB's `bound_schema` (the column names and types of
`schemas.arrow`), so binding the view never reads a footer, however many files there
are; files of an older schema (known by reading one footer per file name, i.e. per
writing run: every file a run writes has its schema) are read with `union_by_name`, so a
column added later reads as null in them. A file that still lacks a bound column makes
DuckDB fail loudly (an invalid-input error), never answer wrongly, and `run_query` then
reads again with `union_by_name` for every file. DuckDB prunes by the `date=`/`actor=` folder
names: a query filtering on date or actor opens only the matching files
(tests/test_query.py shows it with EXPLAIN ANALYZE).

A relation or dataset is a snapshot of the moment it was opened: after a later run
has committed, open it again (a file the later run replaced may be gone).
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.incidents import INCIDENTS_VIEW, top_incidents_sql
from schemas.arrow import EVENT_SCHEMA, FILE_SCHEMA, PARTITION_COLUMNS
from transforms.store.snapshot import snapshot_files
from transforms.store.storage import is_remote

FORMATS = ("table", "csv", "json")

_DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.int8(): "TINYINT",
    pa.int16(): "SMALLINT",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float32(): "FLOAT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    pa.date32(): "DATE",
    pa.timestamp("us", tz="UTC"): "TIMESTAMP WITH TIME ZONE",
}
HIVE_TYPES = "{'date': DATE, 'actor': VARCHAR}"


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _bound_schema() -> str:
    """The current schema as DuckDB's `bound_schema`: file columns, then the partition columns."""
    fields = list(FILE_SCHEMA) + [EVENT_SCHEMA.field(n) for n in PARTITION_COLUMNS]
    return "{" + ", ".join(f"{_sql_string(f.name)}: {_sql_string(_DUCKDB_TYPES[f.type])}" for f in fields) + "}"


def split_by_schema(files: list[str]) -> tuple[list[str], list[str]]:
    """(files with every column of the current schema, older files), reading one footer per
    file name: `part-<run_id>.parquet` files are all written by one run, with one schema."""
    wanted = set(FILE_SCHEMA.names)
    verdict: dict[str, bool] = {}
    current, older = [], []
    for path in files:
        name = os.path.basename(path)
        if name not in verdict:
            try:
                verdict[name] = wanted <= set(pq.read_schema(path).names)
            except (OSError, pa.ArrowException):
                verdict[name] = False  # unreadable here: let DuckDB read it (and report it) by name
        (current if verdict[name] else older).append(path)
    return current, older


def _read_parquet(files: list[str], union_by_name: bool) -> str:
    listed = "[" + ", ".join(_sql_string(f) for f in files) + "]"
    if union_by_name:
        return (f"SELECT * FROM read_parquet({listed}, hive_partitioning = true, union_by_name = true, "
                f"hive_types = {HIVE_TYPES})")
    return (f"SELECT * FROM read_parquet({listed}, hive_partitioning = true, bound_schema = {_bound_schema()}, "
            f"hive_types_autocast = false, hive_types = {HIVE_TYPES})")


def connect(output: str, files: list[str] | None = None, *, since=None, until=None,
            actors: Iterable[str] | None = None, union_by_name: bool | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the `events` view over one committed state of the dataset, and
    the `incidents` view over `events` (one row per incident).

    `since`/`until` (inclusive) and `actors` narrow the listing to those partitions (ignored
    when `files` is given). `union_by_name=True` reads every file by name (slow: DuckDB opens
    every footer when binding); the default binds the current schema and unions by name
    only the files of an older schema.
    """
    if files is None:
        files = snapshot_files(output, since=since, until=until, actors=actors)
    con = duckdb.connect()
    con.register("_events_schema", pa.Table.from_pylist([], schema=EVENT_SCHEMA))
    parts = ["SELECT * FROM _events_schema"]
    if is_remote(output):
        # DuckDB's own S3/GCS reader is the httpfs extension, which it downloads at first use:
        # not offline, and it has its own credential settings. A pyarrow dataset of the snapshot's
        # files reads through the same clients as the writer; DuckDB pushes projections and
        # filters into it, and the hive partitions prune by folder name.
        con.register("_events_files", _arrow_dataset(output, files))
        parts.append("SELECT * FROM _events_files")
        current, older = [], []
    elif union_by_name:
        current, older = [], list(files)
    else:
        current, older = split_by_schema(files)
    if current:
        parts.append(_read_parquet(current, union_by_name=False))
    if older:
        parts.append(_read_parquet(older, union_by_name=True))
    con.execute("CREATE VIEW events AS " + " UNION ALL BY NAME ".join(parts))
    con.execute(INCIDENTS_VIEW)
    return con


def open_events(output: str = "output", *, since=None, until=None,
                actors: Iterable[str] | None = None) -> duckdb.DuckDBPyRelation:
    """The dataset as a DuckDB relation: `open_events('output').filter("actor = 'RUS'")`."""
    return connect(output, since=since, until=until, actors=actors).table("events")


def open_incidents(output: str = "output", *, since=None, until=None,
                   actors: Iterable[str] | None = None) -> duckdb.DuckDBPyRelation:
    """One row per incident as a DuckDB relation: `open_incidents('output').order("sources DESC")`."""
    return connect(output, since=since, until=until, actors=actors).table("incidents")


def open_dataset(output: str = "output", *, since=None, until=None,
                 actors: Iterable[str] | None = None):
    """The dataset as a pyarrow Dataset with the explicit schema (and hive partitions)."""
    root = output if is_remote(output) else str(Path(output).resolve())
    return _arrow_dataset(root, snapshot_files(root, since=since, until=until, actors=actors))


def _arrow_dataset(root: str, files: list[str]):
    """A pyarrow Dataset over `files` (paths, or URLs of one bucket) with the explicit schema."""
    import pyarrow.dataset as ds

    from transforms.store.storage import arrow_source, open_store

    partitioning = ds.partitioning(pa.schema([EVENT_SCHEMA.field(n) for n in PARTITION_COLUMNS]), flavor="hive")
    if not is_remote(root):
        return ds.dataset(files, schema=EVENT_SCHEMA, format="parquet", partitioning=partitioning,
                          partition_base_dir=root)
    base, filesystem = arrow_source(open_store(root).root)
    return ds.dataset([arrow_source(f)[0] for f in files], schema=EVENT_SCHEMA, format="parquet",
                      partitioning=partitioning, partition_base_dir=base, filesystem=filesystem)


def run_query(output: str, sql: str, params: list | None = None, *, since=None, until=None,
              actors: Iterable[str] | None = None) -> tuple[list[str], list[tuple]]:
    """Run SQL over `events` and `incidents` (narrowed to since/until/actors when given); a file replaced by a
    commit between listing and reading is retried, a file of an unexpected schema read by name."""
    actors = None if actors is None else list(actors)
    union_by_name = False
    # A writer committing back to back replaces files while a query lists and reads them: in
    # tools/reliability_figures.py's race about one attempt in ten loses, and five attempts in a
    # row lost about once in 600 queries. Retrying at once (a pause only lets more commits in)
    # keeps going until a listing is read whole.
    attempts = 10 if is_remote(output) else 20
    for attempt in range(attempts):
        try:
            con = connect(output, since=since, until=until, actors=actors, union_by_name=union_by_name)
            result = con.execute(sql, params or [])
            columns = [d[0] for d in result.description] if result.description else []
            rows = result.fetchall() if result.description else []
        except (duckdb.IOException, OSError):  # a staged file moved into place between listing and reading
            if attempt == attempts - 1:
                raise
            continue
        except duckdb.InvalidInputException as error:
            if file_gone(error) and attempt < attempts - 1:
                continue
            # DuckDB has no error class of its own for a file that lacks a bound column: read
            # every file by name once more; an error that has another cause comes back then.
            if union_by_name:
                raise
            union_by_name = True
            continue
        return columns, rows
    raise AssertionError("unreachable")


def file_gone(error: Exception) -> bool:
    """A bucket's file that a commit removed between listing and reading: DuckDB reports the
    pyarrow dataset's "not found" as invalid input, so it is told apart by its message."""
    text = str(error)
    return "reading the stream registered as" in text and any(
        mark in text for mark in ("NOT_FOUND", "No such file", "NoSuchKey", "does not exist"))


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
    """The SQL (and its parameters) of a named report: top-actors, timeline, dyads, top-incidents."""
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
    elif report == "top-incidents":
        sql = top_incidents_sql(where, limit)
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


CUT_MARK = "…"


def _fit(text: str, width: int) -> str:
    """The cell cut to `width` characters, the cut marked with "…" (0: no cut)."""
    return text if width <= 0 or len(text) <= width else text[: max(width - 1, 0)] + CUT_MARK


def terminal_widths(columns: list[str], rows: list[tuple]) -> list[int]:
    """Per-column cell widths that fit the terminal: narrow columns keep their whole width, and
    what is left is shared among the wide ones (an evidence sentence gets the room a date does
    not need). At least 12 characters a column."""
    import shutil

    terminal = shutil.get_terminal_size((160, 24)).columns
    natural = [max([len(c)] + [len(_cell(row[i])) for row in rows]) for i, c in enumerate(columns)]
    room = max(terminal - 2 * max(len(columns) - 1, 0), 12 * len(columns))
    widths = [0] * len(columns)
    for done, i in enumerate(sorted(range(len(columns)), key=lambda i: natural[i])):
        share = max(12, room // (len(columns) - done))
        widths[i] = min(natural[i], share)
        room -= widths[i]
    return widths


def format_rows(columns: list[str], rows: list[tuple], fmt: str, max_width: int | list[int] = 60) -> str:
    """csv and json whole; a table's cells cut at `max_width` characters with a "…" (0: never;
    a list: one width per column, see `terminal_widths`)."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], default=str, ensure_ascii=False, indent=1) + "\n"
    limits = max_width if isinstance(max_width, list) else [max_width] * len(columns)
    cells = [[_fit(_cell(v), limit) for v, limit in zip(row, limits)] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
