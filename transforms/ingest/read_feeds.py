"""ReadFeeds: every source becomes checked feed bytes or a dead letter.

Fetching is ours, not feedparser's: http(s) sources go through
`transforms.ingest.fetch` (timeouts, a deadline, size caps, redirect checks), local
files are read with the same size cap (a gzip file, ``*.gz`` or gzip magic, is
inflated with the decoded-size cap). A source that cannot be read is a dead
letter naming it; the run goes on with the others.

Conditional GET: ReadFeeds is given the validators stored by earlier runs
(``transforms.store.source_state``) and sends them as If-None-Match/If-Modified-Since.
A 304 is "not modified": counted (``sources_not_modified``), no document, no
dead letter. Every 200 that carried an ETag or Last-Modified emits a
``SourceValidators`` on the ``validators`` output; the pipeline saves them only
after the events are committed.
"""
from __future__ import annotations

import datetime as dt
import os

import apache_beam as beam
import httpx

from schemas.records import DeadLetter, FeedDocument, SourceValidators
from transforms.counters import counter, dead_letter_counter
from transforms.ingest.fetch import FetchPolicy, GzipError, fetch, gunzip_capped, new_client

STAGE = "ReadFeeds"
DEAD_LETTERS = "dead_letters"
VALIDATORS = "validators"


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def read_local(path: str, max_bytes: int, max_decoded_bytes: int | None = None) -> FeedDocument | DeadLetter:
    """A feed file from disk, refused when larger than the fetch size cap."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return DeadLetter(STAGE, "too_large", path, f"{path}: {size} bytes exceeds the cap of {max_bytes}")
        with open(path, "rb") as handle:
            body = handle.read(max_bytes + 1)
    except OSError as error:
        return DeadLetter(STAGE, "unreadable", path, f"{path}: {error.strerror or error}")
    if body[:2] == b"\x1f\x8b":  # a gzipped feed file (wikipedia_current_events.rss.gz)
        try:
            body = gunzip_capped(body, max_decoded_bytes or max_bytes)
        except GzipError as error:
            return DeadLetter(STAGE, error.reason, path, f"{path}: gzip: {error}")
    return FeedDocument(source=path, feed_url=path, body=body, fetched_at=_now_iso())


def read_remote(url: str, policy: FetchPolicy, validators: dict | None = None,
                client: httpx.Client | None = None) -> FeedDocument | DeadLetter | None:
    """A feed over http(s); None when the server says it has not changed (304)."""
    validators = validators or {}
    result = fetch(url, policy, etag=validators.get("etag"), last_modified=validators.get("last_modified"),
                   client=client)
    if result.outcome == "not_modified":
        return None
    if not result.ok:
        return DeadLetter(STAGE, result.outcome, url, result.message)
    return FeedDocument(
        source=url,
        feed_url=result.final_url,
        body=result.body,
        fetched_at=_now_iso(),
        status=result.status,
        content_type=result.content_type,
        etag=result.etag,
        last_modified=result.last_modified,
    )


def read_source(source: str, policy: FetchPolicy, validators: dict | None = None,
                client: httpx.Client | None = None) -> FeedDocument | DeadLetter | None:
    if source.startswith(("http://", "https://")):
        return read_remote(source, policy, validators, client)
    return read_local(source, policy.max_bytes, policy.max_decoded_bytes)


class _ReadSourceFn(beam.DoFn):
    def __init__(self, policy: FetchPolicy, state: dict):
        self._policy = policy
        self._state = state
        self._failed = counter("sources_failed")
        self._not_modified = counter("sources_not_modified")
        self._client = None

    def setup(self):
        self._client = new_client()  # one connection pool per DoFn instance, not per fetch

    def teardown(self):
        if self._client is not None:
            self._client.close()

    def process(self, source: str):
        try:
            outcome = read_source(source, self._policy, self._state.get(source), self._client)
        except Exception as error:  # a bug must not sink the other sources
            outcome = DeadLetter(STAGE, "read_error", source, f"{type(error).__name__}: {error}")
        if outcome is None:
            self._not_modified.inc()
        elif isinstance(outcome, DeadLetter):
            self._failed.inc()
            dead_letter_counter(STAGE, outcome.reason).inc()
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, outcome)
        else:
            if outcome.etag or outcome.last_modified:
                yield beam.pvalue.TaggedOutput(
                    VALIDATORS, SourceValidators(source, outcome.feed_url, outcome.etag, outcome.last_modified))
            yield outcome  # counted as ok or failed once parsed (ParseArticles)


class _CountListed(beam.DoFn):
    """`sources_listed`, counted before the fetches start (their stage waits on the reshuffle):
    the "of N" of the live progress (pipeline/progress.py)."""

    def __init__(self):
        self._listed = counter("sources_listed")

    def process(self, source: str):
        self._listed.inc()
        yield source


class _Unreadable(beam.DoFn):
    """Sources the expansion could not read (a missing file, a broken OPML)."""

    def __init__(self):
        self._failed = counter("sources_failed")
        self._listed = counter("sources_listed")

    def process(self, error: tuple[str, str]):
        spec, message = error
        self._listed.inc()
        self._failed.inc()
        dead_letter_counter(STAGE, "unreadable").inc()
        yield DeadLetter(STAGE, "unreadable", spec, message)


class ReadFeeds(beam.PTransform):
    """Sources → FeedDocument; failures → DeadLetter ('dead_letters'); validators of
    200 responses → SourceValidators ('validators').

    ``state``: ``{source: {"etag": ..., "last_modified": ...}}`` from earlier runs.
    """

    def __init__(self, sources: list[str], source_errors: list[tuple[str, str]], policy: FetchPolicy,
                 state: dict | None = None):
        super().__init__()
        self._sources = list(sources)
        self._errors = list(source_errors)
        self._policy = policy
        self._state = {s: v for s, v in (state or {}).items() if s in set(self._sources)}

    def expand(self, pbegin):
        read = (
            pbegin
            | "ListSources" >> beam.Create(self._sources)
            | "CountSources" >> beam.ParDo(_CountListed())
            # One slow server must not hold up the sources bundled with it.
            | "SpreadSources" >> beam.Reshuffle()
            | "ReadSource" >> beam.ParDo(_ReadSourceFn(self._policy, self._state)).with_outputs(
                DEAD_LETTERS, VALIDATORS, main="documents")
        )
        unreadable = (
            pbegin
            | "ListUnreadable" >> beam.Create(self._errors)
            | "UnreadableSources" >> beam.ParDo(_Unreadable())
        )
        dead = (read[DEAD_LETTERS], unreadable) | "MergeDeadLetters" >> beam.Flatten()
        return {"documents": read.documents, DEAD_LETTERS: dead, VALIDATORS: read[VALIDATORS]}
