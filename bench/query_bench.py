"""Query benchmark: does partition pruning pay on a year of events?

    .venv/bin/python bench/query_bench.py                    # 1,000,000 events, 365 days x 100 actors
    .venv/bin/python bench/query_bench.py --events 100000 --actors 20 --keep /tmp/q

Builds a synthetic dataset in the project's layout (`date=YYYY-MM-DD/actor=CODE/
part-<run_id>.parquet`, the file schema `schemas.arrow.FILE_SCHEMA`, written with
pyarrow directly: 36,500 partitions of about 27 rows each), then times, alternating
and `--repeats` times, a one-actor, one-month query:
- pruned: filters on the partition columns (`actor`, `date`): DuckDB opens ~31 files;
- pruned listing: the partition filters given as `--actor A050 --since 2023-03-01
  --until 2023-03-31` (`run_query(..., actors=, since=, until=)`): only the 31 matching
  folders are listed and the view holds only their files;
- unpruned: the same rows selected by row columns (`actor_name`, `published`): every
  file must be read.
Both go through `eventwire query` as a process (what a user runs, interpreter start
included) and through `pipeline.query.run_query` in-process (listing + SQL), and
must return the same rows. Prints medians, the ratios (unpruned / each pruned variant)
and the build time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

YEAR = 2023
RUN_ID = "bench-synthetic"
MONTH = (dt.date(YEAR, 3, 1), dt.date(YEAR, 4, 1))


def actor_code(i: int) -> str:
    return f"A{i:03d}"


def build_dataset(root: Path, events: int, actors: int, days: int = 365, seed: int = 6) -> dict:
    """`events` rows over `days` x `actors` partitions, one file per partition."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from schemas import ontology
    from schemas.arrow import FILE_SCHEMA
    from transforms.store import layout

    name = layout.part_name(RUN_ID)
    rng = np.random.default_rng(seed)
    partitions = days * actors
    sizes = rng.multinomial(events, [1 / partitions] * partitions)
    codes = sorted(ontology.cameo_codes().values(), key=lambda c: c.code)
    start = dt.datetime(YEAR, 1, 1, tzinfo=dt.timezone.utc)
    started = time.perf_counter()
    written = 0
    for p, size in enumerate(sizes):
        day, actor = divmod(p, actors)
        date = start.date() + dt.timedelta(days=day)
        n = int(size)
        picks = rng.integers(0, len(codes), n)
        seconds = np.sort(rng.integers(0, 86_400, n))
        ids = [f"{written + i:032x}" for i in range(n)]
        code = [codes[k] for k in picks]
        published = [start + dt.timedelta(days=day, seconds=int(s)) for s in seconds]
        columns = {
            "event_id": ids,
            "actor_name": [f"Actor {actor:03d}"] * n,
            "actor_country": [None] * n,
            "actor_type": ["GOV"] * n,
            "action": ["say"] * n,
            "event_code": [c.code for c in code],
            "event_root": [c.root for c in code],
            "event_name": [c.name for c in code],
            "quad_class": [c.quad_class for c in code],
            "goldstein": [c.goldstein for c in code],
            "target": [actor_code((actor + 1) % actors)] * n,
            "target_name": [f"Actor {(actor + 1) % actors:03d}"] * n,
            "target_country": [None] * n,
            "target_type": [None] * n,
            "object": [None] * n,
            "speaker": [None] * n,
            "sentence": [f"Actor {actor:03d} did something to another actor on day {day}." for _ in range(n)],
            "char_start": [0] * n,
            "char_end": [60] * n,
            "confidence": [0.9] * n,
            "article_id": ids,
            "url": [f"https://news.example.org/{i}" for i in ids],
            "title": ["A synthetic title"] * n,
            "feed_url": ["https://news.example.org/feed"] * n,
            "source": ["news.example.org"] * n,
            "published": published,
            "date_basis": ["published"] * n,
            "extractor_version": ["synthetic"] * n,
            "run_id": [RUN_ID] * n,
        }
        table = pa.Table.from_pydict({f: columns.get(f, [None] * n) for f in FILE_SCHEMA.names}, schema=FILE_SCHEMA)
        folder = root / f"date={date.isoformat()}" / f"actor={actor_code(actor)}"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / name)
        written += n
    return {"events": written, "partitions": partitions, "seconds": time.perf_counter() - started}


UNPRUNED = "unpruned (actor_name, published)"


def queries(actor: int) -> dict[str, tuple[str, dict]]:
    """label → (SQL, narrowing: `run_query` keywords, also given as `eventwire query` flags)."""
    first, end = MONTH
    pruned = (f"SELECT event_root, count(*) AS n FROM events WHERE actor = '{actor_code(actor)}' "
              f"AND date >= DATE '{first}' AND date < DATE '{end}' GROUP BY event_root ORDER BY event_root")
    listed = "SELECT event_root, count(*) AS n FROM events GROUP BY event_root ORDER BY event_root"
    narrow = {"actors": [actor_code(actor)], "since": first.isoformat(),
              "until": (end - dt.timedelta(days=1)).isoformat()}
    unpruned = (f"SELECT event_root, count(*) AS n FROM events WHERE actor_name = 'Actor {actor:03d}' "
                f"AND published >= TIMESTAMPTZ '{first} 00:00:00+00' AND published < TIMESTAMPTZ '{end} 00:00:00+00' "
                "GROUP BY event_root ORDER BY event_root")
    return {"pruned in SQL (actor, date)": (pruned, {}),
            "pruned listing (--actor --since --until)": (listed, narrow),
            UNPRUNED: (unpruned, {})}


def _flags(narrow: dict) -> list[str]:
    flags = [arg for code in narrow.get("actors", []) for arg in ("--actor", code)]
    for key in ("since", "until"):
        if narrow.get(key):
            flags += [f"--{key}", narrow[key]]
    return flags


def time_cli(root: Path, sql: str, narrow: dict) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "pipeline", "query", "--output", str(root), "--format", "csv",
                          *_flags(narrow), sql], capture_output=True, text=True, cwd=ROOT, check=True)
    return time.perf_counter() - started, out.stdout


def time_in_process(root: Path, sql: str, narrow: dict) -> tuple[float, list]:
    from pipeline.query import run_query

    started = time.perf_counter()
    _, rows = run_query(str(root), sql, **narrow)
    return time.perf_counter() - started, rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=100)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", default=None, help="build into (or reuse) this folder and keep it")
    parser.add_argument("--results", default=None, help="append the markdown table to this file")
    args = parser.parse_args(argv)
    root = Path(args.keep or tempfile.mkdtemp(prefix="eventwire-query-bench-"))
    try:
        if args.keep and any(root.glob("date=*")):
            build = {"events": None, "partitions": None, "seconds": None}
            print(f"reusing {root}")
        else:
            build = build_dataset(root, args.events, args.actors, args.days)
            print(f"built {build['events']:,} events in {build['partitions']:,} partitions "
                  f"in {build['seconds']:.1f}s")
        sqls = queries(args.actors // 2)
        times: dict[tuple[str, str], list[float]] = {}
        answers: dict[str, object] = {}
        for _ in range(args.repeats):
            for label, (sql, narrow) in sqls.items():
                wall, out = time_cli(root, sql, narrow)
                times.setdefault((label, "eventwire query (process)"), []).append(wall)
                answers.setdefault(label + " cli", out)
                wall, rows = time_in_process(root, sql, narrow)
                times.setdefault((label, "run_query (in-process)"), []).append(wall)
                answers.setdefault(label, rows)
                print(f"  {label:42s} cli {times[(label, 'eventwire query (process)')][-1]:6.2f}s  "
                      f"in-process {wall:6.2f}s", flush=True)
        labels = list(sqls)
        same = all(answers[label] == answers[UNPRUNED] and answers[label + " cli"] == answers[UNPRUNED + " cli"]
                   for label in labels)
        rows = sum(n for _, n in answers[labels[0]])
        lines = ["| query | via | median s | unpruned / this |", "|---|---|---:|---:|"]
        for via in ("eventwire query (process)", "run_query (in-process)"):
            unpruned = statistics.median(times[(UNPRUNED, via)])
            for label in labels:
                median = statistics.median(times[(label, via)])
                ratio = "" if label == UNPRUNED else f"{unpruned / median:.1f}×"
                lines.append(f"| {label} | {via} | {median:.3f} | {ratio} |")
        table = "\n".join(lines)
        summary = (f"{build['events'] or 'existing'} events, {build['partitions'] or '?'} partitions, built in "
                   f"{build['seconds']:.0f} s; " if build["seconds"] else "") + \
            f"one actor, one month: {rows} rows; same answer both ways: {same}"
        print("\n" + summary + "\n" + table)
        if args.results:
            from bench.run import machine

            with open(args.results, "a", encoding="utf-8") as out:
                out.write(f"\n### {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC: "
                          f"`python bench/query_bench.py {' '.join(argv if argv is not None else sys.argv[1:])}`\n\n")
                out.write(f"{machine()}\n\n{summary}\n\n{table}\n")
        return 0 if same else 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
