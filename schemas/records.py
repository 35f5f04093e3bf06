"""The plain records that flow between pipeline stages.

Stages exchange these NamedTuples and nothing else (no spaCy objects, no
feedparser dicts), so every stage can be tested with plain values and every
runner can pickle what crosses a stage boundary.
"""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class FeedDocument(NamedTuple):
    """The checked bytes of one feed, as fetched or read from disk."""

    source: str  # the source as the user gave it (URL or path)
    feed_url: str  # where the bytes finally came from (after redirects)
    body: bytes
    fetched_at: str  # ISO 8601 UTC
    status: int | None = None  # HTTP status, None for local files
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class Article(NamedTuple):
    """One normalized feed entry: the unit the extractor works on."""

    article_id: str  # deterministic: hash of the canonical URL (or fallback key)
    url: str | None  # canonical URL of the item, None when the entry had no link
    title: str
    text: str  # plain text (no markup): title is NOT included
    published: dt.datetime | None  # timezone-aware UTC, None when unknown
    date: dt.date  # partition date: published, else the feed's date, else the run date
    date_basis: str  # which of "published", "feed", "run" gave `date`
    feed_url: str
    source: str  # publisher domain, e.g. "example.org"
    language: str | None = None
    content_hash: str = ""  # hash of title + text, to detect changed articles
    source_country: str | None = None  # the source's `country` setting (sources list, OPML)
    # The feed's UTC offset for `published` (+540 for "+09:00"), None when it gave none: "on
    # Monday" is counted on the publisher's calendar (transforms/extract/event_dates.py).
    published_offset_minutes: int | None = None


class DeadLetter(NamedTuple):
    """A failed input: never a log line only, always one of these."""

    stage: str  # ReadFeeds, ParseArticles, ExtractEvents, WriteEvents
    reason: str  # a short classification, e.g. "timeout", "not_a_feed"
    input_id: str  # the source, feed URL or article id that failed
    message: str  # one human-readable line


class Event(NamedTuple):
    """One row of the output dataset; field order is the column order."""

    event_id: str
    date: dt.date
    actor: str
    actor_name: str
    actor_country: str | None
    actor_type: str | None
    action: str
    event_code: str
    event_root: str
    event_name: str
    quad_class: int
    goldstein: float
    target: str | None
    target_name: str | None
    target_country: str | None
    target_type: str | None
    object: str | None
    speaker: str | None
    sentence: str
    char_start: int
    char_end: int
    confidence: float
    article_id: str
    url: str | None
    title: str
    feed_url: str
    source: str
    published: dt.datetime | None
    date_basis: str
    extractor_version: str
    run_id: str
    # How the actor was resolved: "gazetteer" (a name the tables know), "context" (learned
    # from the article: an acronym, a titled person, the headline's country, "the bloc") or
    # "outlet" (a national institution framed by the publisher's home country).
    actor_via: str | None = None
    language: str | None = None  # the article's language (detected, else declared by the feed)
    # The day the event happened, read from the sentence (transforms/extract/event_dates.py);
    # None when the sentence dates it only vaguely ("last week"). Basis: "sentence", "vague" or
    # "published" (nothing in the sentence dates it: `date`).
    event_date: dt.date | None = None
    event_date_basis: str | None = None
    # Rows from any article, outlet or run that report the same real-world incident share it
    # (transforms/incidents/); set by the AssignIncidents stage, None before it.
    incident_id: str | None = None


# ---------------------------------------------------------------- incremental state

class SourceValidators(NamedTuple):
    """What a 200 response said about its content, to send back next time (ROOT/_state/sources.json)."""

    source: str  # the source as listed (the state's key)
    feed_url: str  # where the bytes came from after redirects
    etag: str | None
    last_modified: str | None


class SeenArticle(NamedTuple):
    """An article going to the NLP stage, with where its old events live (if any)."""

    article_id: str
    content_hash: str
    old_partitions: tuple
    feed_url: str | None = None  # the feed whose copy was processed


class ArticleUpdate(NamedTuple):
    """The state row an article gets when the run commits (ROOT/_state/articles.parquet)."""

    article_id: str
    content_hash: str
    partitions: tuple
    feed_url: str | None = None  # the feed whose copy the events came from (urls.copy_rank)
