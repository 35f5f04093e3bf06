"""ParseArticles: feed bytes → one normalized Article per entry, duplicates collapsed.

The same story often arrives through several feeds (or twice in one feed); it
is keyed by its deterministic article_id and kept once, so events are never
counted twice because two feeds carried them.
"""
from __future__ import annotations

import collections
import datetime as dt

import apache_beam as beam

from schemas.records import Article, DeadLetter, FeedDocument
from transforms.articles.entries import normalize_feed
from transforms.articles.urls import copy_rank
from transforms.counters import counter, dead_letter_counter

STAGE = "ParseArticles"
DEAD_LETTERS = "dead_letters"


class _NormalizeFeedFn(beam.DoFn):
    def __init__(self, run_date: dt.date, source_countries: dict[str, str]):
        self._run_date = run_date
        self._source_countries = source_countries
        self._entries = counter("entries_parsed")
        self._ok = counter("sources_ok")
        self._failed = counter("sources_failed")

    def process(self, doc: FeedDocument):
        try:
            stats = collections.Counter()
            articles, dead_letters = normalize_feed(doc, self._run_date, stats=stats)
            # Non-fatal observations (text_truncated, invalid_date, duplicates, ...)
            # are counted so the run summary and manifest show them.
            for key, value in stats.items():
                if key != "entries" and value:
                    counter(f"parse.{key}").inc(value)
        except Exception as error:  # normalize_feed promises not to raise; keep the run alive if it does
            articles, dead_letters = [], [DeadLetter(STAGE, "parse_error", doc.feed_url, f"{type(error).__name__}: {error}")]
        # A feed that yields nothing but a feed-level dead letter is a failed source.
        if not articles and any(letter.input_id == doc.feed_url for letter in dead_letters):
            self._failed.inc()
        else:
            self._ok.inc()
        for letter in dead_letters:
            dead_letter_counter(STAGE, letter.reason).inc()
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, letter)
        country = self._source_countries.get(doc.source)
        for article in articles:
            self._entries.inc()
            yield article._replace(source_country=country) if country else article


def pick_one(article_id: str, copies) -> Article:
    """Deterministic choice among copies: the same one on every runner and re-run, and the one
    a later run keeps (transforms/store/article_state.py): see urls.copy_rank."""
    copies = list(copies)
    return min(copies, key=lambda a: (*copy_rank(a.feed_url, a.url), a.url or "", a.content_hash))


class _CollapseFn(beam.DoFn):
    def __init__(self):
        self._duplicate = counter("articles_duplicate")

    def process(self, keyed):
        article_id, copies = keyed
        copies = list(copies)
        if len(copies) > 1:
            self._duplicate.inc(len(copies) - 1)
        yield pick_one(article_id, copies)


class ParseArticles(beam.PTransform):
    """FeedDocument → Article (unique by article_id); failures → 'dead_letters'.

    `source_countries`: the sources' `country` settings (transforms/ingest/sources.py),
    stamped on their articles for the extractor's outlet frame.
    """

    def __init__(self, run_date: dt.date, source_countries: dict[str, str] | None = None):
        super().__init__()
        self._run_date = run_date
        self._source_countries = dict(source_countries or {})

    def expand(self, documents):
        parsed = documents | "NormalizeFeed" >> beam.ParDo(_NormalizeFeedFn(self._run_date, self._source_countries)).with_outputs(
            DEAD_LETTERS, main="articles"
        )
        unique = (
            parsed.articles
            | "KeyByArticleId" >> beam.Map(lambda a: (a.article_id, a))
            | "GroupCopies" >> beam.GroupByKey()
            | "CollapseDuplicates" >> beam.ParDo(_CollapseFn())
        )
        return {"articles": unique, DEAD_LETTERS: parsed[DEAD_LETTERS]}
