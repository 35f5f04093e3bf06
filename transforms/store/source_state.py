"""Per-source HTTP validators (ETag, Last-Modified) kept between runs: conditional GET.

The state lives in the output folder, ``ROOT/_state/sources.json``::

    {"version": 1, "sources": {"https://example.org/feed.xml":
        {"etag": "\\"v1\\"", "last_modified": "Wed, 01 Jan 2025 00:00:00 GMT",
         "feed_url": "https://example.org/feed.xml", "run_id": "..."}}}

Why it is saved only after the events commit: a validator stands for "the
articles of this response are in the dataset". If it were saved before the
commit and the commit then failed, the next run would get a 304 and skip the
feed, and its articles would never be written. So :class:`SaveSourceState`
takes the commit result as a side input (Beam computes a side input in full
before the consumer runs; a failed commit fails the job and nothing is saved),
and keeps only the validators of sources that did not fail in this run (a
source whose bytes were refused by the parser keeps its previous validators, so
the next run fetches it in full again).

A source that failed in two runs in a row while its validators were sent is fetched
without them next time (`usable_validators`): a server that chokes on a validator it
once sent itself (an ETag with bytes it cannot read back, say) must not disable the
feed for good. The count of such failures is kept in the entry as "failures".

The file is replaced atomically (transforms/store/files.py); a missing,
unreadable or corrupt file is an empty state (every feed fetched in full), never
an error: losing the state costs bandwidth, not data.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import apache_beam as beam

from schemas.records import SourceValidators
from transforms.counters import counter
from transforms.store.layout import STATE_DIR
from transforms.store.storage import open_store

STATE_FILE = "sources.json"
VERSION = 1
FAILURES_BEFORE_DROPPING_VALIDATORS = 2


def state_path(root: str) -> Path:
    return Path(root) / STATE_DIR / STATE_FILE


def load_state(root: str) -> dict[str, dict]:
    """``{source: {"etag": ..., "last_modified": ...}}``; empty when absent or unreadable."""
    try:
        data = open_store(root).read_json(f"{STATE_DIR}/{STATE_FILE}")
    except OSError:
        return {}
    sources = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(sources, dict):
        return {}
    clean = {}
    for source, entry in sources.items():
        if isinstance(source, str) and isinstance(entry, dict):
            clean[source] = {k: entry[k] for k in ("etag", "last_modified", "feed_url", "run_id")
                             if isinstance(entry.get(k), str)}
            if isinstance(entry.get("failures"), int):
                clean[source]["failures"] = entry["failures"]
    return clean


def usable_validators(state: dict[str, dict]) -> dict[str, dict]:
    """The entries whose validators are sent this run: not those of sources that failed twice in a row with them."""
    return {source: entry for source, entry in state.items()
            if entry.get("failures", 0) < FAILURES_BEFORE_DROPPING_VALIDATORS}


def save_state(root: str, validators: Iterable[SourceValidators], run_id: str = "",
               failed: Iterable[str] = ()) -> int:
    """Merge ``validators`` into the stored state and replace the file atomically.

    Sources not in ``validators`` keep what they had; those in ``failed`` (sources or feed
    URLs that failed this run) count one more failure. Returns how many were updated.
    """
    state = load_state(root)
    updated = 0
    failed = set(failed)
    for source, entry in state.items():
        if source in failed or entry.get("feed_url") in failed:
            entry["failures"] = entry.get("failures", 0) + 1
            updated += 1
    for item in sorted(validators):
        if not (item.etag or item.last_modified):
            continue
        entry = {"feed_url": item.feed_url, "run_id": run_id}
        if item.etag:
            entry["etag"] = item.etag
        if item.last_modified:
            entry["last_modified"] = item.last_modified
        state[item.source] = entry
        updated += 1
    if not updated:
        return 0
    open_store(root).write_json(f"{STATE_DIR}/{STATE_FILE}", {"version": VERSION, "sources": dict(sorted(state.items()))},
                                indent=1)
    return updated


def failed_inputs(dead_letters) -> set[str]:
    """The input ids of feed-level dead letters (entry-level ids carry a '#entry-N')."""
    return {letter.input_id for letter in dead_letters}


class _SaveFn(beam.DoFn):
    def __init__(self, root: str, run_id: str):
        self._root = root
        self._run_id = run_id
        self._saved = counter("source_validators_saved")

    def process(self, validators, committed, dead_letters):
        del committed  # only its presence matters: the commit has finished
        failed = failed_inputs(dead_letters)
        keep = [v for v in validators if v.source not in failed and v.feed_url not in failed]
        self._saved.inc(save_state(self._root, keep, self._run_id, failed))
        yield open_store(self._root).url(f"{STATE_DIR}/{STATE_FILE}")


class SaveSourceState(beam.PTransform):
    """Validators → ROOT/_state/sources.json, after ``committed`` and minus failed sources."""

    def __init__(self, root: str, run_id: str, committed, dead_letters):
        super().__init__()
        self._root = root
        self._run_id = run_id
        self._committed = committed
        self._dead_letters = dead_letters

    def expand(self, validators):
        return (
            validators
            | "AllValidators" >> beam.combiners.ToList()
            | "SaveAfterCommit" >> beam.ParDo(
                _SaveFn(self._root, self._run_id),
                committed=beam.pvalue.AsList(self._committed),
                dead_letters=beam.pvalue.AsList(self._dead_letters),
            )
        )
