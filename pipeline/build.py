"""Assemble the pipeline: the data-flow picture of DESIGN.md, one stage per line.

`build_pipeline(p, options)` only builds; it returns the collections so tests
can assert on them without running the command line.
"""
from __future__ import annotations

import datetime as dt

import apache_beam as beam

from pipeline.options import EventwireOptions
from transforms.extract_events import ExtractEvents
from transforms.fetch import FetchPolicy
from transforms.parse_articles import ParseArticles
from transforms.read_feeds import ReadFeeds
from transforms.sources import expand_sources
from transforms.write_events import WriteDeadLetters, WriteEvents


def within_dates(article, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or article.date >= since) and (until is None or article.date <= until)


def build_pipeline(p: beam.Pipeline, options: EventwireOptions) -> dict:
    """sources → ReadFeeds → ParseArticles → ExtractEvents → WriteEvents (+ dead letters)."""
    view = options.view_as(EventwireOptions)
    run_date = dt.date.fromisoformat(view.run_date) if view.run_date else dt.datetime.now(dt.timezone.utc).date()
    since = dt.date.fromisoformat(view.since) if view.since else None
    until = dt.date.fromisoformat(view.until) if view.until else None
    sources, source_errors = expand_sources(list(view.feeds))
    policy = FetchPolicy(deadline=view.fetch_deadline, max_bytes=view.max_feed_bytes)

    feeds = p | "ReadFeeds" >> ReadFeeds(sources, source_errors, policy)
    parsed = feeds["documents"] | "ParseArticles" >> ParseArticles(run_date)
    articles = parsed["articles"] | "WithinDates" >> beam.Filter(within_dates, since, until)
    extracted = articles | "ExtractEvents" >> ExtractEvents(view.model, view.run_id, view.batch_size)
    written = extracted["events"] | "WriteEvents" >> WriteEvents(view.output, view.run_id)
    dead_letters = (
        feeds["dead_letters"],
        parsed["dead_letters"],
        extracted["dead_letters"],
        written["dead_letters"],
    ) | "AllDeadLetters" >> beam.Flatten()
    dead_letters | "WriteDeadLetters" >> WriteDeadLetters(view.output, view.run_id)
    return {
        "articles": articles,
        "events": extracted["events"],
        "dead_letters": dead_letters,
        "committed": written["committed"],
    }
