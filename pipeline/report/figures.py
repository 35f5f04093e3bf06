"""The report's figures: DuckDB SQL over one committed snapshot of the dataset.

The connection is `pipeline.query.connect`'s: the `events` view narrowed to the window's
partitions before anything is read, and the `incidents` view folded from it. One scan of the
files fills a table of the small columns (`facts`, `read_facts`) that most figures read; the
top actors and dyads are the very SQL of `eventwire query --top-actors` and `--dyads` run over
it, the most-reported incidents come from the `incidents` view in the order of
`--top-incidents`, so the page says what `eventwire query` says over the same window. The
sentences of the events shown are read from their own partitions only (`with_evidence`).

What can grow with the data is bounded here: top lists have a limit, the timeline at most
MAX_BUCKETS bars per quad class (a longer window is bucketed by week, then month: 180 months
are 15 years), the map one value per country; so the page's size depends on the window's
length and the limits, never on the number of rows.

A dataset without incidents (an `incidents` view and an `incident_id` column, DESIGN.md)
still gets its page: the headline counts articles only, and the most-reported events group
rows by (date, actor, code, target). `has_incidents` is the switch.
"""
from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb

from pipeline.query import connect, file_gone, report_sql

QUAD_CLASSES_FILE = Path(__file__).with_name("quad_classes.csv")
MAX_BUCKETS = 180  # timeline bars per quad class: a day each up to 180 days, then weeks, then months
SENTENCE_CHARS = 320  # evidence sentences are cut (with "…") so a page's size stays bounded
TITLE_CHARS = 140


@dataclass(frozen=True)
class Limits:
    """How many rows each bounded part of the page shows."""

    top: int = 15  # top actors, top dyads
    matrix: int = 10  # actors in the dyad matrix
    escalation: int = 10
    events: int = 10  # latest events, most-reported events
    groups: int = 25  # IGOs and groups listed beside the map


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class QuadClass:
    code: int
    name: str
    family: str  # cooperation | conflict
    mode: str  # verbal | material
    color: str


@cache
def quad_classes() -> tuple[QuadClass, ...]:
    """GDELT's four quad classes (pipeline/report/quad_classes.csv): names, families, colours."""
    with QUAD_CLASSES_FILE.open(encoding="utf-8", newline="") as f:
        return tuple(QuadClass(int(r["quad_class"]), r["name"], r["family"], r["mode"], r["color"])
                     for r in csv.DictReader(f))


@dataclass
class Headline:
    events: int
    articles: int
    actors: int
    sources: int
    first_day: dt.date | None
    last_day: dt.date | None
    verbal: int
    material: int
    cooperation: int
    conflict: int
    incidents: int | None = None  # None while the dataset has no incidents

    def share(self, part: str) -> float | None:
        """The share (0..1) of `part` among its pair (verbal/material, cooperation/conflict)."""
        pair = {"verbal": "material", "material": "verbal", "cooperation": "conflict", "conflict": "cooperation"}
        whole = getattr(self, part) + getattr(self, pair[part])
        return getattr(self, part) / whole if whole else None


@dataclass
class Figures:
    """Everything the page shows, as plain values (rows are dicts)."""

    output: str
    since: dt.date | None
    until: dt.date | None
    actors: list[str] | None
    headline: Headline
    start: dt.date | None = None  # the window shown: since (else the first day with events) ...
    end: dt.date | None = None  # ... to until (else the last day with events)
    bucket: str = "day"  # the timeline's bar width: day, week or month
    timeline: list[dict] = field(default_factory=list)  # bucket, quad_class, events
    goldstein: list[dict] = field(default_factory=list)  # bucket, goldstein, events
    top_actors: list[dict] = field(default_factory=list)
    top_dyads: list[dict] = field(default_factory=list)
    matrix_actors: list[str] = field(default_factory=list)
    matrix: list[dict] = field(default_factory=list)  # actor, target, events, avg_goldstein
    countries: list[dict] = field(default_factory=list)  # country, events, avg_goldstein
    groups: list[dict] = field(default_factory=list)  # actors with no country: actor, actor_type, events
    groups_total: int = 0
    halves: tuple[dt.date, dt.date, dt.date] | None = None  # (start, middle, end) of the escalation split
    escalation: list[dict] = field(default_factory=list)
    latest: list[dict] = field(default_factory=list)
    most_reported: list[dict] = field(default_factory=list)
    story_unit: str = "events"  # what most_reported lists: incidents, or events when the dataset has none

    @property
    def empty(self) -> bool:
        return self.headline.events == 0


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    result = con.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [dict(zip(names, row)) for row in result.fetchall()]


def _in_list(codes: Iterable[int]) -> str:
    return "(" + ", ".join(str(int(c)) for c in codes) + ")"


def has_incidents(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the dataset carries incidents: an `incidents` view beside `events`, whose rows
    name their incident in `incident_id`."""
    views = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'incidents'").fetchone()[0]
    column = con.execute("SELECT count(*) FROM information_schema.columns "
                         "WHERE table_name = 'facts' AND column_name = 'incident_id'").fetchone()[0]
    return bool(views and column)


def headline(con: duckdb.DuckDBPyConnection) -> Headline:
    quads = quad_classes()
    by = {kind: _in_list(q.code for q in quads if kind in (q.mode, q.family))
          for kind in ("verbal", "material", "cooperation", "conflict")}
    row = _rows(con, f"""
        SELECT count(*) AS events, count(DISTINCT article_id) AS articles, count(DISTINCT actor) AS actors,
               count(DISTINCT source) AS sources, min(date) AS first_day, max(date) AS last_day,
               count(*) FILTER (WHERE quad_class IN {by['verbal']}) AS verbal,
               count(*) FILTER (WHERE quad_class IN {by['material']}) AS material,
               count(*) FILTER (WHERE quad_class IN {by['cooperation']}) AS cooperation,
               count(*) FILTER (WHERE quad_class IN {by['conflict']}) AS conflict
        FROM facts""")[0]
    if has_incidents(con):  # the rows of the `incidents` view: a row with no incident_id is its own
        row["incidents"] = con.execute("SELECT count(DISTINCT coalesce(incident_id, event_id)) FROM facts").fetchone()[0]
    return Headline(**row)


def bucket_for(first: dt.date, last: dt.date) -> str:
    """Day bars while they fit MAX_BUCKETS (half a year), then weeks (three and a half years), then
    months: a bar stays a few pixels wide, and the page's size bounded."""
    days = (last - first).days + 1
    if days <= MAX_BUCKETS:
        return "day"
    return "week" if days / 7 <= MAX_BUCKETS else "month"


def timeline(con: duckdb.DuckDBPyConnection, bucket: str) -> tuple[list[dict], list[dict]]:
    """(events per bucket and quad class, average Goldstein per bucket); a missing quad class is 0."""
    start = f"CAST(date_trunc('{bucket}', date) AS DATE)"
    stacked = _rows(con, f"SELECT {start} AS bucket, coalesce(quad_class, 0) AS quad_class, count(*) AS events "
                         "FROM facts GROUP BY ALL ORDER BY ALL")
    line = _rows(con, f"SELECT {start} AS bucket, avg(goldstein) AS goldstein, count(*) AS events "
                      "FROM facts GROUP BY ALL ORDER BY bucket")
    return stacked, line


def _over_facts(report: str, limit: int) -> tuple[str, list]:
    """A report's SQL (pipeline.query.report_sql) run over `facts`, which holds its columns, rather
    than over the files again; the connection is already narrowed to the window."""
    sql, params = report_sql(report, limit=limit)
    assert sql.count(" FROM events ") == 1, sql
    return sql.replace(" FROM events ", " FROM facts "), params


def top_actors(con: duckdb.DuckDBPyConnection, limit: int) -> list[dict]:
    """`eventwire query --top-actors`."""
    return _rows(con, *_over_facts("top-actors", limit))


def top_dyads(con: duckdb.DuckDBPyConnection, limit: int) -> list[dict]:
    """`eventwire query --dyads`."""
    return _rows(con, *_over_facts("dyads", limit))


def dyad_matrix(con: duckdb.DuckDBPyConnection, limit: int) -> tuple[list[str], list[dict]]:
    """The `limit` actors most involved (as actor or target), and the dyads among them."""
    order = [r["code"] for r in _rows(con, """
        SELECT code, count(*) AS n FROM (
            SELECT actor AS code FROM facts UNION ALL SELECT target FROM facts WHERE target IS NOT NULL)
        GROUP BY code ORDER BY n DESC, code LIMIT ?""", [limit])]
    if not order:
        return [], []
    cells = _rows(con, """
        SELECT actor, target, count(*) AS events, avg(goldstein) AS avg_goldstein FROM facts
        WHERE list_contains(?, actor) AND list_contains(?, target) GROUP BY ALL ORDER BY actor, target""",
        [order, order])
    return order, cells


def countries(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Events by the actor's country (ISO 3166-1 alpha-3): one row per country, so bounded."""
    return _rows(con, """
        SELECT actor_country AS country, count(*) AS events, avg(goldstein) AS avg_goldstein FROM facts
        WHERE actor_country IS NOT NULL GROUP BY ALL ORDER BY events DESC, country""")


def groups(con: duckdb.DuckDBPyConnection, limit: int) -> tuple[list[dict], int]:
    """Actors with no country (IGOs, regions, groups) by events, and how many there are."""
    rows = _rows(con, """
        SELECT actor, mode(actor_type) AS actor_type, count(*) AS events FROM facts
        WHERE actor_country IS NULL GROUP BY actor ORDER BY events DESC, actor LIMIT ?""", [limit])
    total = con.execute("SELECT count(DISTINCT actor) FROM facts WHERE actor_country IS NULL").fetchone()[0]
    return rows, total


def halves(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date, dt.date] | None:
    """(start, middle, end): the first half is [start, middle), the second [middle, end]; None for one day."""
    days = (last - first).days + 1
    if days < 2:
        return None
    return first, first + dt.timedelta(days=days // 2), last


def escalation(con: duckdb.DuckDBPyConnection, middle: dt.date, limit: int) -> list[dict]:
    """Dyads seen in both halves whose average Goldstein fell, steepest fall first."""
    return _rows(con, """
        SELECT actor, target,
               count(*) FILTER (WHERE date < ?) AS first_events,
               avg(goldstein) FILTER (WHERE date < ?) AS first_goldstein,
               count(*) FILTER (WHERE date >= ?) AS second_events,
               avg(goldstein) FILTER (WHERE date >= ?) AS second_goldstein,
               second_goldstein - first_goldstein AS change
        FROM facts WHERE target IS NOT NULL GROUP BY actor, target
        HAVING first_events > 0 AND second_events > 0 AND change < 0
        ORDER BY round(change, 4), first_events + second_events DESC, actor, target LIMIT ?""",
        [middle, middle, middle, middle, limit])


# The columns every figure but the evidence needs: read once from the files into a temporary
# table, so the dozen figures scan memory, not thousands of Parquet files a dozen times.
FACT_COLUMNS = ("event_id", "date", "actor", "actor_country", "actor_type", "target", "event_code", "event_name",
                "quad_class", "goldstein", "article_id", "source", "published", "confidence")
_EVENT_COLUMNS = ("event_id, date, published, actor, target, event_code, event_name, goldstein, quad_class, "
                  "source, confidence")


def read_facts(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the temporary table `facts` with FACT_COLUMNS of `events` (and `incident_id` when the
    files have it): one scan of the files."""
    present = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                         "WHERE table_name = 'events'").fetchall()}
    columns = [c for c in (*FACT_COLUMNS, "incident_id") if c in present]
    con.execute("SET enable_progress_bar = false")  # DuckDB draws one on a terminal past 2 s; the CLI prints a path
    con.execute(f"CREATE TEMP TABLE facts AS SELECT {', '.join(columns)} FROM events")


def with_evidence(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> list[dict]:
    """`rows` with their sentence (cut at SENTENCE_CHARS, `cut` says so), url and title, read from
    the files of their partitions only (the date and actor lists prune the rest unopened)."""
    if not rows:
        return rows
    found = {r["event_id"]: r for r in _rows(con, f"""
        SELECT event_id, left(sentence, {SENTENCE_CHARS}) AS sentence, length(sentence) > {SENTENCE_CHARS} AS cut,
               url, left(title, {TITLE_CHARS}) AS title
        FROM events WHERE list_contains(?, date) AND list_contains(?, actor) AND list_contains(?, event_id)""",
        [sorted({r["date"] for r in rows}), sorted({r["actor"] for r in rows}), [r["event_id"] for r in rows]])}
    empty = {"sentence": "", "cut": False, "url": None, "title": ""}
    return [dict(r, **found.get(r["event_id"], empty)) for r in rows]


def latest(con: duckdb.DuckDBPyConnection, limit: int) -> list[dict]:
    return with_evidence(con, _rows(con, f"SELECT {_EVENT_COLUMNS} FROM facts "
                                         "ORDER BY published DESC NULLS LAST, date DESC, confidence DESC, event_id "
                                         "LIMIT ?", [limit]))


def most_reported(con: duckdb.DuckDBPyConnection, limit: int) -> list[dict]:
    """The incidents reported by most sources (`eventwire query --top-incidents`), with the
    evidence of their most confident row; without incidents, the (date, actor, code, target)
    groups reported by most articles."""
    if has_incidents(con):
        rows = _rows(con, f"""
            SELECT incident_id, event_date AS date, actor, target, event_code, event_name, goldstein, quad_class,
                   mentions, articles, sources, left(evidence, {SENTENCE_CHARS}) AS sentence,
                   length(evidence) > {SENTENCE_CHARS} AS cut, url, NULL AS title, NULL AS source
            FROM incidents
            ORDER BY sources DESC, mentions DESC, event_date DESC, incident_id LIMIT ?""", [limit])
        return rows
    return with_evidence(con, _rows(con, f"""
        WITH keyed AS (SELECT *, concat_ws('|', date, actor, event_code, coalesce(target, '')) AS story FROM facts),
        counted AS (SELECT story, count(*) AS mentions, count(DISTINCT article_id) AS articles,
                           count(DISTINCT source) AS sources FROM keyed GROUP BY story),
        best AS (SELECT * FROM keyed QUALIFY row_number() OVER (
                    PARTITION BY story ORDER BY confidence DESC NULLS LAST, published, event_id) = 1)
        SELECT {_EVENT_COLUMNS}, counted.mentions, counted.articles, counted.sources
        FROM best JOIN counted USING (story)
        ORDER BY counted.sources DESC, counted.articles DESC, date DESC, actor, event_code, target NULLS FIRST
        LIMIT ?""", [limit]))


def _as_date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def compute(con: duckdb.DuckDBPyConnection, figures: Figures, limits: Limits) -> Figures:
    """Fill `figures` (whose headline is known and not empty) from `con`."""
    head = figures.headline
    first = figures.start = figures.since or head.first_day
    last = figures.end = figures.until or head.last_day
    figures.bucket = bucket_for(first, last)
    figures.timeline, figures.goldstein = timeline(con, figures.bucket)
    figures.top_actors = top_actors(con, limits.top)
    figures.top_dyads = top_dyads(con, limits.top)
    figures.matrix_actors, figures.matrix = dyad_matrix(con, limits.matrix)
    figures.countries = countries(con)
    figures.groups, figures.groups_total = groups(con, limits.groups)
    figures.halves = halves(first, last)
    if figures.halves:
        figures.escalation = escalation(con, figures.halves[1], limits.escalation)
    figures.latest = latest(con, limits.events)
    figures.most_reported = most_reported(con, limits.events)
    figures.story_unit = "incidents" if has_incidents(con) else "events"
    return figures


def compute_figures(output: str, *, since=None, until=None, actors: Iterable[str] | None = None,
                    limits: Limits = DEFAULT_LIMITS) -> Figures:
    """The figures of the window (inclusive dates, actor codes) over one committed snapshot.

    Like `run_query`: a file replaced by a commit between listing and reading makes the whole
    snapshot be listed again; files of an unexpected schema are read by name."""
    since, until = _as_date(since), _as_date(until)
    actors = sorted({a.upper() for a in actors}) if actors else None
    union_by_name = False
    attempts = 5
    for attempt in range(attempts):
        con = None
        try:
            con = connect(output, since=since, until=until, actors=actors, union_by_name=union_by_name)
            read_facts(con)
            figures = Figures(output=str(output), since=since, until=until, actors=actors, headline=headline(con))
            return figures if figures.empty else compute(con, figures, limits)
        except (duckdb.IOException, OSError):  # a file replaced by a commit between listing and reading
            if attempt == attempts - 1:
                raise
        except duckdb.InvalidInputException as error:
            if file_gone(error) and attempt < attempts - 1:
                continue  # a bucket's file removed by a commit meanwhile: list again
            if union_by_name:
                raise
            union_by_name = True
        finally:
            if con is not None:
                con.close()
    raise AssertionError("unreachable")
