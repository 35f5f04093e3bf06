"""--full_text: article pages fetched safely, robots.txt honoured, main text extracted.

A real HTTP server on 127.0.0.1 serves a feed whose items link to article pages
(fixtures tests/data/fulltext_*.html), a robots.txt, a PDF, binary junk served as
text/html, a menu-only page, and a redirect to 10.0.0.1 that the guard must refuse
without connecting (a socket guard fails the test on any connect outside loopback).
"""
from __future__ import annotations

import collections
import datetime as dt
import json
import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import apache_beam as beam
import pytest
from conftest import DATA
from test_ingestion_faults import dataset_rows, loopback_only, run_in_process  # noqa: F401 (fixture)

from pipeline.build import fetch_policy
from pipeline.options import EventwireOptions
from schemas.records import Article
from transforms.articles.full_text import FetchFullText, FullTextFailure, RobotsCache, extract_main_text, full_text_for
from transforms.articles.parse import ParseArticles
from transforms.ingest.fetch import FetchPolicy
from transforms.ingest.read_feeds import ReadFeeds

ROBOTS = b"User-agent: *\nDisallow: /private/\nDisallow: /*?print=\n"
PAGES = {
    "/articles/sanctions.html": ("text/html; charset=utf-8", (DATA / "fulltext_article_sanctions.html").read_bytes()),
    "/articles/missile.html": ("text/html", (DATA / "fulltext_article_missile.html").read_bytes()),
    "/private/secret.html": ("text/html", (DATA / "fulltext_article_sanctions.html").read_bytes()),
    "/menu.html": ("text/html", (DATA / "fulltext_nav_only.html").read_bytes()),
    "/report.pdf": ("application/pdf", b"%PDF-1.4\n" + bytes(range(256)) * 20),
    "/binary.html": ("text/html", random.Random(7).randbytes(30_000)),
}
# item link path -> (summary in the feed, expected dead-letter reason or None)
ITEMS = {
    "/articles/sanctions.html": ("EU ministers met in Brussels.", None),
    "/articles/missile.html": ("A missile was launched.", None),
    "/private/secret.html": ("Private page.", "robots_disallowed"),
    "/report.pdf": ("A report.", "not_html"),
    "/binary.html": ("Junk page.", "binary_page"),
    "/menu.html": ("Menu page.", "extraction_empty"),
    "/go-private": ("Redirected away.", "blocked_address"),
}
TITLES = {"/articles/sanctions.html": "EU widens sanctions on Belarus over border crisis"}
ARTICLE_PATHS = set(ITEMS) | {"/robots.txt"}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def setup(self):  # one call per TCP connection
        super().setup()
        with self.server.lock:
            self.server.connections += 1

    def _send(self, code, ctype, body, headers=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        with self.server.lock:
            self.server.hits[path] += 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if path == "/feed.xml":
            items = "".join(
                f"<item><title>{TITLES.get(link, f'Item {i}')}</title><link>{base}{link}</link>"
                f"<pubDate>Tue, 14 Jan 2025 1{i}:00:00 GMT</pubDate><description>{summary}</description></item>"
                for i, (link, (summary, _)) in enumerate(ITEMS.items()))
            items += "<item><title>No link at all</title><description>Just text.</description></item>"
            body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>{base}/</link>'
                    f"<description>d</description>{items}</channel></rss>").encode()
            self._send(200, "application/rss+xml", body)
        elif path == "/robots.txt":
            self._send(200, "text/plain", ROBOTS)
        elif path == "/go-private":
            self._send(302, None, b"", [("Location", "http://10.0.0.1/stolen.html")])
        elif path in PAGES:
            self._send(200, *PAGES[path])
        else:
            self._send(404, "text/plain", b"no")


@pytest.fixture()
def site():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.hits, httpd.lock, httpd.connections = collections.Counter(), threading.Lock(), 0
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    httpd.url = lambda path: f"http://127.0.0.1:{httpd.server_address[1]}{path}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


LOOPBACK_ONLY = FetchPolicy(deadline=5, connect_timeout=2, read_timeout=2, allowed_networks=("127.0.0.0/8",))


def _dump(items, path):
    Path(path).write_text(json.dumps([i._asdict() for i in items], default=str))


def read_with_full_text(feed_url: str, tmp_path: Path, policy: FetchPolicy):
    """ReadFeeds → ParseArticles → FetchFullText in one small pipeline (no spaCy)."""
    with beam.Pipeline(runner="FnApiRunner") as p:
        feeds = p | ReadFeeds([feed_url], [], policy)
        parsed = feeds["documents"] | ParseArticles(dt.date(2025, 6, 1))
        full = parsed["articles"] | FetchFullText(policy)
        full["articles"] | "A" >> beam.combiners.ToList() | "WA" >> beam.Map(_dump, str(tmp_path / "a.json"))
        full["dead_letters"] | "D" >> beam.combiners.ToList() | "WD" >> beam.Map(_dump, str(tmp_path / "d.json"))
    return json.loads((tmp_path / "a.json").read_text()), json.loads((tmp_path / "d.json").read_text())


# ------------------------------------------------------------------------------ plain

def test_extract_main_text_keeps_the_article_and_drops_the_chrome():
    text = extract_main_text((DATA / "fulltext_article_sanctions.html").read_bytes())
    assert "The European Union imposed new sanctions on Belarus" in text
    assert "Lithuania accused Belarus" in text
    for chrome in ("Subscribe now", "cookies", "Copyright", "Related stories", "trackPageView", "font-family"):
        assert chrome not in text
    missile = extract_main_text((DATA / "fulltext_article_missile.html").read_bytes())
    assert "Japan condemned the missile launch" in missile
    assert "<" not in missile and "alert(" not in missile and "javascript" not in missile


def test_robots_fetched_once_per_origin_and_obeyed(site, loopback_only):  # noqa: F811
    robots = RobotsCache(LOOPBACK_ONLY)
    agent = LOOPBACK_ONLY.user_agent
    assert robots.check(site.url("/articles/a.html"), agent)[0]
    assert not robots.check(site.url("/private/b.html"), agent)[0]
    assert robots.check(site.url("/articles/c.html"), agent)[0]
    assert site.hits["/robots.txt"] == 1 and robots.fetches == 1


def test_robots_wildcard_rules_are_obeyed(site, loopback_only):  # noqa: F811
    """`Disallow: /*?print=` forbids every print view (the standard library's parser ignored it)."""
    robots = RobotsCache(LOOPBACK_ONLY)
    agent = LOOPBACK_ONLY.user_agent
    assert not robots.check(site.url("/articles/a.html?print=1"), agent)[0]
    assert not robots.check(site.url("/world/b.html?print=yes&x=1"), agent)[0]
    assert robots.check(site.url("/articles/a.html?page=2"), agent)[0]
    assert robots.check(site.url("/articles/a.html"), agent)[1] == 0.0  # no Crawl-delay: no wait


def test_fetches_of_one_worker_reuse_connections(site, loopback_only):  # noqa: F811
    """One connection pool per DoFn instance: three feeds on one host, one TCP connection."""
    from transforms.ingest.read_feeds import _ReadSourceFn

    fn = _ReadSourceFn(LOOPBACK_ONLY, {})
    fn.setup()
    try:
        for _ in range(3):
            documents = list(fn.process(site.url("/feed.xml")))
            assert documents and documents[-1].status == 200
    finally:
        fn.teardown()
    assert site.hits["/feed.xml"] == 3 and site.connections == 1


def test_robots_missing_allows_unreachable_disallows(loopback_only):  # noqa: F811
    from fault_server import FaultServer

    with FaultServer() as srv:  # /robots.txt is a 404 there
        robots = RobotsCache(LOOPBACK_ONLY)
        assert robots.check(srv.url("/articles/x"), "eventwire")[0]
    policy = FetchPolicy(deadline=2, connect_timeout=1, read_timeout=1, retries=0, allowed_networks=("127.0.0.0/8",))
    allowed, _, why = RobotsCache(policy).check(srv.url("/articles/x"), "eventwire")  # server closed now
    assert not allowed and "unavailable" in why


def test_without_the_allowance_loopback_article_links_are_refused(site, loopback_only):  # noqa: F811
    article = Article("id", site.url("/articles/sanctions.html"), "t", "summary", None, dt.date(2025, 1, 1),
                      "run", "f", "127.0.0.1")
    policy = FetchPolicy(deadline=3)  # no allow_private, no allowed networks
    with pytest.raises(FullTextFailure) as failure:
        full_text_for(article, policy, RobotsCache(policy))
    assert failure.value.reason == "robots_disallowed" and "blocked_address" in str(failure.value)
    assert sum(site.hits.values()) == 0  # refused before connecting, robots.txt included


def test_options_make_the_loopback_allowance():
    view = EventwireOptions(["--allow_private_addresses", "127.0.0.0/8"]).view_as(EventwireOptions)
    assert fetch_policy(view).allowed_networks == ("127.0.0.0/8",) and not fetch_policy(view).allow_private
    view = EventwireOptions(["--allow_private_addresses"]).view_as(EventwireOptions)
    assert fetch_policy(view).allow_private
    view = EventwireOptions([]).view_as(EventwireOptions)
    assert not fetch_policy(view).allow_private and fetch_policy(view).allowed_networks == ()


# --------------------------------------------------------------------------- pipeline

def test_full_text_stage_replaces_text_and_dead_letters_failures(site, tmp_path, loopback_only):  # noqa: F811
    articles, letters = read_with_full_text(site.url("/feed.xml"), tmp_path, LOOPBACK_ONLY)
    by_url = {a["url"]: a for a in articles}
    assert len(articles) == len(ITEMS) + 1  # nothing lost, the link-less item included
    sanctions = by_url[site.url("/articles/sanctions.html")]
    assert "Lithuania accused Belarus of orchestrating the crisis" in sanctions["text"]
    assert not sanctions["text"].startswith("EU widens sanctions")  # headline line dropped
    assert "Japan condemned the missile launch" in by_url[site.url("/articles/missile.html")]["text"]
    reasons = {letter["input_id"]: letter["reason"] for letter in letters}
    for path, (summary, reason) in ITEMS.items():
        if reason:
            assert reasons.get(site.url(path)) == reason, (path, letters)
            assert by_url[site.url(path)]["text"] == summary  # the feed text goes on
    assert all(letter["stage"] == "FetchFullText" for letter in letters)
    assert site.hits["/robots.txt"] == 1
    assert site.hits["/private/secret.html"] == 0  # disallowed by robots.txt: never fetched
    assert loopback_only == []  # the redirect to 10.0.0.1 was refused without connecting


def test_full_text_in_the_whole_pipeline_and_off_by_default(site, tmp_path, loopback_only):  # noqa: F811
    off = tmp_path / "off"
    counters, _, _, _ = run_in_process(off, [site.url("/feed.xml")], "off")
    assert counters["sources_ok"] == 1
    assert {p: n for p, n in site.hits.items() if p in ARTICLE_PATHS} == {}  # nothing beyond the feed
    off_sentences = {r["sentence"] for r in dataset_rows(off)}

    on = tmp_path / "on"
    counters, summary, letters, _ = run_in_process(
        on, [site.url("/feed.xml")], "on", "--full_text", "--allow_private_addresses", "127.0.0.0/8")
    assert counters["full_text_replaced"] == 2
    assert counters["dead_letter.FetchFullText.robots_disallowed"] == 1
    assert "FetchFullText/blocked_address: 1" in summary
    assert {l["reason"] for l in letters if l["stage"] == "FetchFullText"} == {
        r for _, r in ITEMS.values() if r}
    rows = dataset_rows(on)
    page_only = [r for r in rows if r["url"] == site.url("/articles/sanctions.html")
                 and "Lithuania accused Belarus" in r["sentence"]]
    assert page_only, sorted(r["sentence"] for r in rows)  # an event only the page holds
    assert not any("Lithuania" in s for s in off_sentences)


def test_failed_pages_are_tried_again_on_the_next_run(site, tmp_path, loopback_only):  # noqa: F811
    """A page that failed is retried next run; an article whose page worked is not; no row doubles."""
    output = tmp_path / "ds"
    flags = ("--full_text", "--allow_private_addresses", "127.0.0.0/8")
    first, summary, _, _ = run_in_process(output, [site.url("/feed.xml")], "one", *flags)
    failed_pages = sum(1 for _, reason in ITEMS.values() if reason)
    assert first["articles_new"] == len(ITEMS) + 1 and "articles new:" in summary
    rows_before = dataset_rows(output)
    hits_before = dict(site.hits)
    second, _, letters, _ = run_in_process(output, [site.url("/feed.xml")], "two", *flags)
    assert second.get("articles_new", 0) == 0  # nothing new: all were seen in the first run
    assert second["articles_changed"] == failed_pages  # the failed pages, and only they, again
    assert second["articles_skipped_unchanged"] == len(ITEMS) + 1 - failed_pages
    assert site.hits["/articles/sanctions.html"] == hits_before["/articles/sanctions.html"]  # not fetched again
    assert site.hits["/menu.html"] == hits_before["/menu.html"] + 1
    assert len({l["input_id"] for l in letters}) == failed_pages
    rows_after = dataset_rows(output)
    assert sorted(r["event_id"] for r in rows_after) == sorted(r["event_id"] for r in rows_before)
