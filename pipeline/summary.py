"""The run summary: what a scheduler's log should show after each run."""
from __future__ import annotations

import platform
from collections import defaultdict

from apache_beam.metrics.metric import MetricsFilter

from transforms.counters import NAMESPACE

SUMMARY_LINES = (
    ("sources ok", "sources_ok"),
    ("sources failed", "sources_failed"),
    ("sources not modified", "sources_not_modified"),
    ("articles new", "articles_new"),
    ("articles duplicate", "articles_duplicate"),
    ("articles unchanged", "articles_skipped_unchanged"),
    ("articles changed", "articles_changed"),
    ("articles reprocessed", "articles_reprocessed"),
    ("events written", "events_written"),
    ("partitions touched", "partitions_touched"),
    ("dead letters", "dead_letters"),
)


def collect_counters(result) -> dict[str, int]:
    """Counters of the eventwire namespace, summed over steps."""
    totals: dict[str, int] = defaultdict(int)
    for counter in result.metrics().query(MetricsFilter().with_namespace(NAMESPACE))["counters"]:
        value = counter.committed if counter.committed is not None else counter.attempted
        totals[counter.key.metric.name] += int(value or 0)
    return dict(totals)


def format_summary(run_id: str, output: str, counters: dict[str, int], wall_seconds: float,
                   dead_letters_path: str | None = None) -> str:
    lines = [f"eventwire run {run_id} -> {output}"]
    for label, key in SUMMARY_LINES:
        lines.append(f"  {label + ':':<22}{counters.get(key, 0)}")
    reasons = sorted((k, v) for k, v in counters.items() if k.startswith("dead_letter.") and v)
    for key, value in reasons:
        _, stage, reason = key.split(".", 2)
        lines.append(f"    {stage}/{reason}: {value}")
    if dead_letters_path and counters.get("dead_letters"):
        lines.append(f"    details: {dead_letters_path}")
    lines.append(f"  {'wall time:':<22}{wall_seconds:.1f} s")
    return "\n".join(lines)


def versions() -> dict:
    import apache_beam
    import pyarrow

    from schemas.arrow import SCHEMA_VERSION
    from transforms.extract.rows import EXTRACTOR_VERSION

    return {
        "extractor": EXTRACTOR_VERSION,
        "schema": SCHEMA_VERSION,
        "apache_beam": apache_beam.__version__,
        "pyarrow": pyarrow.__version__,
        "python": platform.python_version(),
    }


def manifest_base(view) -> dict:
    """What the commit writes into the manifest besides the changes: known before the run."""
    import datetime as dt

    return {
        "run_id": view.run_id,
        "kind": "run",
        "sources": list(view.feeds or []),
        "since": view.since,
        "until": view.until,
        "reprocess": bool(getattr(view, "reprocess", False)),
        "model": view.model,
        "started_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"),
        "versions": versions(),
    }
