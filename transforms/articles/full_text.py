"""FetchFullText: replace a feed's summary with the article page's main text (``--full_text``).

Feed items often carry one sentence of summary; the events are in the article.
With the option, each article that has a link is fetched and its main text
extracted with trafilatura. Decisions:

* **Same protections as feeds, plus the guard.** Pages go through
  ``transforms.ingest.fetch`` with ``trusted_source=False``: a link is text from a feed
  we do not control, so every hop (the first included) that resolves to a
  private, loopback or link-local address is refused (``blocked_address``)
  unless ``--allow_private_addresses`` admits it.
* **robots.txt is honoured for article pages** (not for the feeds a user
  lists). It is fetched once per origin per worker process, with the same safe
  fetch, and cached. 2xx: parsed with protego (wildcards and ``$`` as Google reads them); 401/403: the site
  is closed to us; other 4xx: no rules, all allowed; 5xx or no answer: treated
  as "disallow all" for this run (RFC 9309's "unreachable"). A ``Crawl-delay``
  becomes the minimum interval between requests to that host (capped at
  :data:`MAX_CRAWL_DELAY`).
* **Only HTML is extracted.** A page whose Content-Type is not (X)HTML is
  ``not_html``; a page whose extracted text is mostly replacement or control
  characters (binary junk served as text/html) is ``binary_page``; fewer than
  :data:`MIN_WORDS` words extracted (a menu, a login form) is ``extraction_empty``.
  A first line repeating the article's title is dropped (the title is analysed
  separately).
* **Nothing good is lost.** The extracted text replaces the article's text only
  when it is longer than the feed's text; it is stripped of markup by the same
  ``html_to_text`` as feed text and capped by the same truncation policy
  (``articles.cap_text``). Every failure is a dead letter (stage
  ``FetchFullText``, input id the page URL) and a per-reason counter, and the
  article goes on with its feed text.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import replace
from urllib.parse import urlsplit

import apache_beam as beam
import httpx
from protego import Protego

from schemas.records import Article, DeadLetter
from transforms.articles.html_text import MAX_HTML_CHARS, cap_text, html_to_text
from transforms.counters import counter, dead_letter_counter
from transforms.ingest.fetch import FetchPolicy, FetchResult, fetch, new_client

STAGE = "FetchFullText"
DEAD_LETTERS = "dead_letters"
MAX_ROBOTS_BYTES = 500_000  # Google's limit for robots.txt is 500 KiB
MAX_CRAWL_DELAY = 10.0
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_JUNK_RATIO = 0.02  # replacement/control characters tolerated in extracted text
MIN_WORDS = 10  # fewer words than this is a menu or a login form, not an article


PAGE_FAILED = "page_failed"


class FullTextFailure(Exception):
    """One article page that gave no usable text; ``reason`` is the dead-letter reason."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


# ----------------------------------------------------------------------- robots.txt

class RobotsCache:
    """robots.txt rules per origin, fetched at most once per origin (per process)."""

    def __init__(self, policy: FetchPolicy, client: httpx.Client | None = None):
        self._client = client
        self._policy = replace(policy, max_bytes=min(policy.max_bytes, MAX_ROBOTS_BYTES),
                               max_decoded_bytes=min(policy.max_decoded_bytes, 4 * MAX_ROBOTS_BYTES))
        self._lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}
        self._rules: dict[str, tuple[Protego | None, str]] = {}
        self.fetches = 0

    def rules(self, url: str):
        """``(parser or None, verdict)``: verdict is 'rules', 'allow_all' or 'disallow_all: why'."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            origin_lock = self._origin_locks.setdefault(origin, threading.Lock())
        with origin_lock:
            if origin not in self._rules:
                self._rules[origin] = self._load(origin)
            return self._rules[origin]

    def _load(self, origin: str):
        self.fetches += 1
        result = fetch(origin + "/robots.txt", self._policy, trusted_source=False, client=self._client)
        if result.ok:
            # protego: the standard library's parser ignores wildcards ("Disallow: /*?print=").
            return Protego.parse(result.body.decode("utf-8", "replace")), "rules"
        if result.outcome == "http_error" and result.status in (401, 403):
            return None, f"disallow_all: robots.txt answered HTTP {result.status}"
        if result.outcome == "http_error" and result.status is not None and 400 <= result.status < 500:
            return None, "allow_all"
        return None, f"disallow_all: robots.txt unavailable ({result.outcome}: {result.message})"

    def check(self, url: str, user_agent: str) -> tuple[bool, float, str]:
        """``(allowed, crawl_delay_seconds, why)`` for fetching ``url``."""
        parser, verdict = self.rules(url)
        if parser is None:
            return verdict == "allow_all", 0.0, verdict
        agent = user_agent.split("/")[0]
        allowed = parser.can_fetch(url, agent)  # protego: (url, agent), not the stdlib order
        delay = parser.crawl_delay(agent) or 0.0
        return allowed, min(float(delay), MAX_CRAWL_DELAY), "rules"


# ----------------------------------------------------------------------- extraction

def _is_html(content_type: str | None, body: bytes) -> bool:
    if content_type:
        return content_type.split(";")[0].strip().lower() in HTML_TYPES
    head = body[:1024].lstrip().lower()  # no Content-Type: sniff as browsers do
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _looks_binary(body: bytes) -> bool:
    """NULs or other C0 controls in the first 8 KiB: not a text document, whatever its type."""
    head = body[:8192]
    if not head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.01


def _junk_ratio(text: str) -> float:
    if not text:
        return 0.0
    junk = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r"))
    return junk / len(text)


def extract_main_text(html: bytes | str, url: str | None = None) -> str:
    """The main text of an article page, plain (no markup), capped; '' when none.

    Used by the pipeline and by ``bench/extraction_quality.py``, so the
    benchmark measures exactly what runs.
    """
    import trafilatura  # heavy; only imported when full text is asked for

    # trafilatura logs unparsable pages at ERROR; here they are dead letters already.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    if isinstance(html, bytes):
        html = html[: MAX_HTML_CHARS * 2]
    else:
        html = html[:MAX_HTML_CHARS]
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                               include_images=False, include_links=False, with_metadata=False,
                               deduplicate=False) or ""
    if _junk_ratio(text) > MAX_JUNK_RATIO:
        raise FullTextFailure("binary_page", f"extracted text is {_junk_ratio(text):.0%} binary junk")
    text = html_to_text(text) if "<" in text or "&" in text else text
    text, _ = cap_text(text.strip())
    return text


def full_text_for(article: Article, policy: FetchPolicy, robots: RobotsCache,
                  client: httpx.Client | None = None) -> tuple[str, FetchResult]:
    """Fetch and extract the page at ``article.url``; raise FullTextFailure when unusable."""
    allowed, delay, why = robots.check(article.url, policy.user_agent)
    if not allowed:
        raise FullTextFailure("robots_disallowed", f"robots.txt forbids {article.url} ({why})")
    page_policy = replace(policy, min_host_interval=max(policy.min_host_interval, delay))
    result = fetch(article.url, page_policy, trusted_source=False, client=client)
    if not result.ok:
        raise FullTextFailure(result.outcome, result.message)
    if not _is_html(result.content_type, result.body):
        raise FullTextFailure("not_html", f"{article.url}: Content-Type {result.content_type!r} is not HTML")
    if _looks_binary(result.body):
        raise FullTextFailure("binary_page", f"{article.url}: binary content served as {result.content_type!r}")
    text = extract_main_text(result.body, result.final_url)
    lines = text.split("\n")
    if lines and " ".join(lines[0].split()).casefold() == " ".join(article.title.split()).casefold():
        text = "\n".join(lines[1:]).strip()  # the headline is already the article's title
    if len(text.split()) < MIN_WORDS:
        raise FullTextFailure("extraction_empty", f"{article.url}: no main text found in the page "
                              f"({len(text.split())} words)")
    return text, result


# ----------------------------------------------------------------------------- Beam

class _FetchFullTextFn(beam.DoFn):
    def __init__(self, policy: FetchPolicy):
        self._policy = policy
        self._robots: RobotsCache | None = None
        self._client: httpx.Client | None = None
        self._replaced = counter("full_text_replaced")
        self._kept = counter("full_text_kept_feed_text")
        self._no_link = counter("full_text_no_link")
        self._failed = counter("full_text_failed")

    def setup(self):
        # One connection pool and one robots cache per DoFn instance (per worker).
        self._client = new_client()
        self._robots = RobotsCache(self._policy, self._client)

    def teardown(self):
        if self._client is not None:
            self._client.close()

    def process(self, article: Article):
        if not article.url:
            self._no_link.inc()
            yield article
            return
        try:
            text, _ = full_text_for(article, self._policy, self._robots, self._client)
        except FullTextFailure as failure:
            reason, message = failure.reason, str(failure)
        except Exception as error:  # an extractor bug must not lose the article
            reason, message = "extraction_error", f"{type(error).__name__}: {error}"
        else:
            if len(text) > len(article.text):
                self._replaced.inc()
                # content_hash stays the feed item's: incremental runs (SkipUnchanged, before
                # this stage) compare it with the feed's next copy, never with a page.
                yield article._replace(text=text)
            else:
                self._kept.inc()
                yield article
            return
        self._failed.inc()
        dead_letter_counter(STAGE, reason).inc()
        yield beam.pvalue.TaggedOutput(
            DEAD_LETTERS, DeadLetter(STAGE, reason, article.url, " ".join(f"{message} (article {article.article_id})".split())[:500]))
        # Nothing good is lost: the feed text goes on now, and the page is tried again on
        # the next run (WriteEvents stores a retry marker instead of the content hash).
        yield beam.pvalue.TaggedOutput(PAGE_FAILED, article.article_id)
        yield article


class FetchFullText(beam.PTransform):
    """Article → Article with the page's main text when it is longer; failures → 'dead_letters',
    and the failed articles' ids → 'page_failed' (retried on the next run)."""

    def __init__(self, policy: FetchPolicy):
        super().__init__()
        self._policy = policy

    def expand(self, articles):
        fetched = (
            articles
            # Pages of one feed must not all wait behind each other in one bundle.
            | "SpreadArticles" >> beam.Reshuffle()
            | "FetchPage" >> beam.ParDo(_FetchFullTextFn(self._policy)).with_outputs(
                DEAD_LETTERS, PAGE_FAILED, main="articles")
        )
        return {"articles": fetched.articles, DEAD_LETTERS: fetched[DEAD_LETTERS], PAGE_FAILED: fetched[PAGE_FAILED]}
