"""The `eventwire` command line: run, query, evaluate.

    eventwire run [--feeds SRC ...] [--output DIR] [--since DATE] [--until DATE] [Beam options ...]
    eventwire query [--output DIR] [--format table|csv|json] "SQL"
    eventwire evaluate GOLD.jsonl

`run` exits 0 when the run completed, even if some feeds or articles failed
(they are dead letters, counted in the summary); 2 with a one-line reason for
usage errors, an unwritable output, or a lock held by another run.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path



def _quiet_known_noise() -> None:
    """Beam warns at import that the optional GCP client is missing; it is not used here."""
    logging.getLogger().addFilter(lambda record: "apitools not found" not in record.getMessage())


_quiet_known_noise()

from pipeline.options import DEFAULT_RUNNER, UsageError  # noqa: E402  (imports Beam)

EXIT_USAGE = 2


def _fail(message: str) -> int:
    print(f"eventwire: {message}", file=sys.stderr)
    return EXIT_USAGE


def _check_model(name: str) -> None:
    import spacy.util

    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise UsageError(
            f"spaCy model {name!r} is not installed (pip install it, or pass --model with an installed one)"
        )


def run(argv: list[str]) -> int:
    """Build and run the pipeline, then print the summary."""
    import apache_beam as beam
    from apache_beam.options.pipeline_options import StandardOptions

    from pipeline.build import build_pipeline
    from pipeline.lock import AlreadyRunning, RunLock
    from pipeline.options import EventwireOptions, validate
    from pipeline.summary import collect_counters, format_summary, manifest

    if any(a in ("-h", "--help") for a in argv):
        EventwireOptions(["--help"])  # argparse prints the help and exits
    started = time.monotonic()
    options = EventwireOptions(argv)
    try:
        validate(options)
        _check_model(options.view_as(EventwireOptions).model)
    except UsageError as error:
        return _fail(str(error))
    view = options.view_as(EventwireOptions)
    standard = options.view_as(StandardOptions)
    if not standard.runner:
        standard.runner = DEFAULT_RUNNER
    try:
        lock = RunLock(view.output, view.run_id)
        lock.acquire()
    except AlreadyRunning as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"output folder {view.output} is not writable: {error}")
    try:
        p = beam.Pipeline(options=options)
        build_pipeline(p, options)
        result = p.run()
        result.wait_until_finish()
        counters = collect_counters(result)
    finally:
        lock.release()
    wall = time.monotonic() - started
    from transforms.dataset import write_manifest

    write_manifest(view.output, view.run_id, manifest(view, counters, wall))
    print(format_summary(view.run_id, view.output, counters, wall))
    return 0


def query(argv: list[str]) -> int:
    from pipeline.query import FORMATS, format_rows, run_query

    parser = argparse.ArgumentParser(prog="eventwire query", description="SQL (DuckDB) over a view named `events`.")
    parser.add_argument("--output", default="output", help="Dataset folder (default ./output).")
    parser.add_argument("--format", choices=FORMATS, default="table", help="Output format (default table).")
    parser.add_argument("sql", help='e.g. "SELECT actor, count(*) FROM events GROUP BY ALL"')
    args = parser.parse_args(argv)
    if not Path(args.output).is_dir():
        return _fail(f"no dataset at {args.output}")
    import duckdb

    try:
        columns, rows = run_query(args.output, args.sql)
    except duckdb.Error as error:
        return _fail(f"query failed: {str(error).splitlines()[0]}")
    sys.stdout.write(format_rows(columns, rows, args.format))
    return 0


def evaluate(argv: list[str]) -> int:
    from pipeline.evaluate import evaluate_file, format_report

    parser = argparse.ArgumentParser(prog="eventwire evaluate", description="Score the extractor against a gold file.")
    parser.add_argument("gold", help="JSON lines: one item per line with its text and expected events (see README).")
    parser.add_argument("--model", default=None, help="spaCy model (default: the run default).")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    if not Path(args.gold).is_file():
        return _fail(f"no such gold file: {args.gold}")
    try:
        report = evaluate_file(args.gold, model=args.model)
    except ValueError as error:
        return _fail(str(error))
    print(json.dumps(report, indent=1) if args.format == "json" else format_report(report))
    return 0


COMMANDS = {"run": run, "query": query, "evaluate": evaluate}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else EXIT_USAGE
    command, rest = argv[0], argv[1:]
    if command not in COMMANDS:
        return _fail(f"unknown command {command!r}; expected one of: {', '.join(COMMANDS)}")
    return COMMANDS[command](rest)
