"""`run_pipeline(options) -> RunReport`: one run, the same way for the command line and the tests.

    lock → recover a killed run's leftovers → check the model → build and run the pipeline
    (its commit writes the manifest, once, complete) → write the run report → unlock

The manifest (`_runs/<run_id>.json`) is the commit record: what changed, the sources,
versions, what was recovered before the run. Beam's counters and the wall time exist only
after the pipeline has finished, so they go into the run report (`_reports/<run_id>.json`),
written once at the end; the manifest is never rewritten.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import os
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import apache_beam as beam
from apache_beam.options.pipeline_options import StandardOptions

from pipeline.build import build_pipeline
from pipeline.lock import AlreadyRunning, open_lock
from pipeline.options import DEFAULT_RUNNER, EventwireOptions, UsageError, validate
from pipeline.summary import collect_counters, format_summary, manifest_base
from transforms.store import article_state, dataset, layout, storage
from transforms.store.hooks import NO_HOOKS, WriterHooks

EXIT_SOURCES_FAILED = 3


@dataclasses.dataclass
class RunReport:
    """What one run did: the summary a scheduler's log shows, and `_reports/<run_id>.json`."""

    run_id: str
    output: str
    counters: dict[str, int]
    wall_seconds: float
    recovered: list[tuple[str, str]]
    lock_taken_over_from: dict | None
    manifest: dict | None  # the committed manifest; None when the run wrote nothing

    def summary(self) -> str:
        return format_summary(self.run_id, self.output, self.counters, self.wall_seconds, self.dead_letters_path)

    @property
    def dead_letters_path(self) -> str | None:
        store = storage.open_store(self.output)
        rel = f"{layout.ERRORS}/{self.run_id}.jsonl"
        return store.url(rel) if store.exists(rel) else None

    def exit_code(self, fail_on: str = "all-sources") -> int:
        """0, or EXIT_SOURCES_FAILED when sources failed as `fail_on` says a scheduler must see:
        "all-sources" (every source failed), "any-source" (one did), "never"."""
        failed, ok = self.counters.get("sources_failed", 0), self.counters.get("sources_ok", 0)
        not_modified = self.counters.get("sources_not_modified", 0)
        if fail_on == "any-source" and failed:
            return EXIT_SOURCES_FAILED
        if fail_on == "all-sources" and failed and not ok and not not_modified:
            return EXIT_SOURCES_FAILED
        return 0

    def to_json(self) -> dict:
        return {
            "run_id": self.run_id,
            "counters": self.counters,
            "wall_seconds": round(self.wall_seconds, 3),
            "finished_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"),
            "recovered": [{"run_id": r, "action": a} for r, a in self.recovered],
            "lock_taken_over_from": self.lock_taken_over_from,
            "committed": self.manifest is not None,
        }


def check_model(name: str) -> None:
    """Fail before the pipeline starts, with a sentence, when the spaCy model is not installed."""
    if not (importlib.util.find_spec(name.replace("-", "_")) is not None or Path(name).is_dir()):
        raise UsageError(
            f"spaCy model {name!r} is not installed (pip install it, or pass --model with an installed one)"
        )


def check_writable(output: str) -> None:
    """Refuse before the run, not with a PermissionError at its commit: every folder the commit
    writes into (the dataset's own folders and its date=/actor= partitions) must be writable.
    A bucket has no folder permissions: its first request says (options.validate lists it)."""
    if storage.is_remote(output):
        return
    root = Path(output)
    folders = [root / name for name in (layout.RUNS, layout.REPORTS, layout.STATE_DIR, layout.ERRORS, layout.STAGING)]
    folders += [p for p in root.glob("date=*") if p.is_dir()]
    folders += [p for p in root.glob("date=*/actor=*") if p.is_dir()]
    for folder in folders:
        if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
            raise UsageError(f"{folder} is not writable: the run could not commit (fix its permissions)")


def run_pipeline(
    options: EventwireOptions,
    *,
    writer_hooks: WriterHooks = NO_HOOKS,
    attach: Callable[[dict], None] | None = None,
    on_recovered: Callable[[str], None] | None = None,
    progress: AbstractContextManager | None = None,
) -> RunReport:
    """Run once. Raises UsageError (refused: bad options, lock held, output not writable,
    run id already committed, model missing); a failure inside the pipeline propagates and
    leaves the dataset as it was (recovered by the next run).

    `writer_hooks`: the crash tests' stopping points. `attach(collections)`: lets a test add
    steps to the built pipeline (e.g. capture the articles). `on_recovered(message)`: told
    about lock take-overs and recovered runs before the pipeline starts (the CLI prints them).
    `progress`: entered while the pipeline runs, e.g. the live display (pipeline/progress.py).
    """
    started = time.monotonic()
    validate(options)
    view = options.view_as(EventwireOptions)
    standard = options.view_as(StandardOptions)
    if not standard.runner:
        standard.runner = DEFAULT_RUNNER
    lock = open_lock(view.output, view.run_id)
    try:
        lock.acquire()
    except AlreadyRunning as error:
        raise UsageError(str(error)) from error
    except OSError as error:
        raise UsageError(f"output folder {view.output} is not writable: {error}") from error
    try:
        tell = on_recovered or (lambda message: None)
        if lock.took_over:
            tell(f"run {lock.took_over.get('run_id', '?')} was killed; taking over its lock")
        try:
            recovered = dataset.recover(view.output)
        except dataset.RunStillActive as error:
            raise UsageError(str(error)) from error
        for run_id, action in recovered:
            tell(f"recovered run {run_id}: {action}")
        if layout.manifest_exists(view.output, view.run_id):
            raise UsageError(f"run id {view.run_id} was already committed in {view.output}; pick another --run_id")
        check_model(view.model)
        check_writable(view.output)
        damaged = article_state.set_aside_if_damaged(view.output, view.run_id)
        if damaged:
            tell(damaged)
        article_state.rebuild_if_missing(view.output)
        manifest = manifest_base(view) | {
            "recovered": [{"run_id": r, "action": a} for r, a in recovered],
            "lock_taken_over_from": lock.took_over,
        }
        try:
            p = beam.Pipeline(options=options)
        except ValueError as error:  # "Unexpected pipeline runner: NoSuchRunner"
            raise UsageError(f"--runner: {error}") from error
        collections = build_pipeline(p, options, manifest=manifest, writer_hooks=writer_hooks, lock_token=lock.token)
        if attach is not None:
            attach(collections)
        with dataset.claim_staging(view.output, view.run_id):  # a failed run's staged files go with it
            with progress or nullcontext():
                result = p.run()
                result.wait_until_finish()
        counters = collect_counters(result)
        committed = layout.read_manifest(view.output, view.run_id)
        for key in ("events_written", "partitions_touched"):  # exact, whatever bundles were replayed
            counters[key] = (committed or {}).get(key, 0)
        report = RunReport(view.run_id, view.output, counters, time.monotonic() - started, recovered,
                           lock.took_over, committed)
        writer_hooks.reached("report")
        storage.open_store(view.output).write_json(layout.report_rel(view.run_id), report.to_json())
        return report
    finally:
        lock.release()
