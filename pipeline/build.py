"""Assemble the pipeline: the data-flow picture of DESIGN.md, one stage per line.

`build_pipeline(p, options)` only builds; it returns the collections so tests
can assert on them without running the command line.
"""
from __future__ import annotations

import datetime as dt

import apache_beam as beam

from pipeline.options import EventwireOptions
from transforms.articles.full_text import FetchFullText
from transforms.articles.parse import ParseArticles
from transforms.extract.stage import ExtractEvents
from transforms.incidents.stage import AssignIncidents
from transforms.ingest.fetch import FetchPolicy
from transforms.ingest.read_feeds import ReadFeeds
from transforms.ingest.sources import expand_sources
from transforms.store.article_state import SkipUnchangedArticles
from transforms.store.hooks import NO_HOOKS, WriterHooks
from transforms.store.source_state import SaveSourceState, load_state, usable_validators
from transforms.store.write_events import WriteDeadLetters, WriteEvents


def within_dates(article, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or article.date >= since) and (until is None or article.date <= until)


def fetch_policy(view: EventwireOptions) -> FetchPolicy:
    """The fetch bounds from the options (feeds and, with --full_text, article pages)."""
    allow = view.allow_private_addresses
    return FetchPolicy(
        deadline=view.fetch_deadline, max_bytes=view.max_feed_bytes, max_decoded_bytes=view.max_decoded_bytes,
        connect_timeout=min(5.0, view.fetch_timeout), read_timeout=view.fetch_timeout,
        allow_private=allow is not None and not allow, allowed_networks=tuple(allow or ()),
    )


def build_pipeline(
    p: beam.Pipeline, options: EventwireOptions, manifest: dict | None = None, writer_hooks: WriterHooks = NO_HOOKS,
    lock_token: str | None = None,
) -> dict:
    """sources → ReadFeeds → ParseArticles → SkipUnchanged → ExtractEvents → WriteEvents (+ dead letters).

    `manifest`: what the commit records besides the changes (pipeline/run.py passes the run's
    sources, versions and recovery); `writer_hooks`: the crash tests' stopping points;
    `lock_token`: the run lock's token, which the commit checks (pipeline/lock.py).
    """
    view = options.view_as(EventwireOptions)
    if manifest is None:
        from pipeline.summary import manifest_base

        manifest = manifest_base(view)
    run_date = dt.date.fromisoformat(view.run_date) if view.run_date else dt.datetime.now(dt.timezone.utc).date()
    since = dt.date.fromisoformat(view.since) if view.since else None
    until = dt.date.fromisoformat(view.until) if view.until else None
    settings: dict[str, dict[str, str]] = {}
    sources, source_errors = expand_sources(list(view.feeds), settings, view.max_sources)
    source_countries = {source: values["country"] for source, values in settings.items() if values.get("country")}
    policy = fetch_policy(view)
    state = {} if view.ignore_source_state else usable_validators(load_state(view.output))

    feeds = p | "ReadFeeds" >> ReadFeeds(sources, source_errors, policy, state)
    parsed = feeds["documents"] | "ParseArticles" >> ParseArticles(run_date, source_countries)
    articles = parsed["articles"] | "WithinDates" >> beam.Filter(within_dates, since, until)
    # Incremental runs: articles already processed (same article_id and content_hash) stop
    # here, before any fetching or NLP; --reprocess sends them all on (transforms/store/article_state.py).
    fresh = articles | "SkipUnchanged" >> SkipUnchangedArticles(view.output, view.reprocess)
    articles = fresh["articles"]
    full_text_letters, retry = [], {}
    if view.full_text:
        full = articles | "FetchFullText" >> FetchFullText(policy)
        articles, full_text_letters = full["articles"], [full["dead_letters"]]
        retry = {"retry": full["page_failed"]}  # written from the feed text, page tried again next run
    extracted = articles | "ExtractEvents" >> ExtractEvents(view.model, view.run_id, view.batch_size, view.prefilter,
                                                           tuple(view.languages))
    # Incidents: rows of any article, outlet or run that report one event share an incident_id
    # (transforms/incidents/); committed rows whose incident changed are rewritten in this commit.
    incidents = {
        "events": extracted["events"], "processed": fresh["seen"] | "ProcessedIds" >> beam.Map(lambda s: s.article_id),
    } | "AssignIncidents" >> AssignIncidents(view.output)
    written = {
        "events": incidents["events"], "seen": fresh["seen"], "failed": extracted["dead_letters"],
        "relabels": incidents["relabels"], **retry,
    } | "WriteEvents" >> WriteEvents(view.output, view.run_id, manifest, writer_hooks, lock_token)
    dead_letters = (
        feeds["dead_letters"],
        parsed["dead_letters"],
        *full_text_letters,
        extracted["dead_letters"],
        extracted["skipped"],
        written["dead_letters"],
    ) | "AllDeadLetters" >> beam.Flatten()
    dead_letters | "WriteDeadLetters" >> WriteDeadLetters(view.output, view.run_id)
    # Validators are saved only after the commit (side input) and only for sources that
    # did not fail; a date-filtered run saves none: articles outside the window were not
    # written, so the next run must not be told "not modified" for them.
    if since is None and until is None:
        feeds["validators"] | "SaveSourceState" >> SaveSourceState(
            view.output, view.run_id, written["committed"], dead_letters)
    return {
        "articles": articles,
        "events": incidents["events"],
        "dead_letters": dead_letters,
        "committed": written["committed"],
    }
