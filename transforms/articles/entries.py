"""Feed-entry normalization: checked feed bytes in, plain ``Article`` records out.

Plain Python (no Beam): the ParseArticles PTransform wraps :func:`normalize_feed`.

Policies (each one is a decision the rest of the pipeline relies on):

* **feedparser only ever sees bytes.**  The body is handed over wrapped in
  ``io.BytesIO``.  Passing raw ``bytes`` is NOT safe: feedparser 6.0.14 tries
  ``open(body)`` first, so a body such as ``b"/etc/passwd"`` would be read from
  the local disk.  A file-like object short-circuits that.
* **Our checks, not feedparser's defaults.**  An empty body, or a document
  feedparser does not recognise as a feed (``version == ""``: an HTML page,
  JSON, random bytes), is a ``not_a_feed`` dead letter.  A ``bozo`` document
  with zero entries is a ``parse_error`` naming the bozo exception, except when
  the only problem is the declared/served encoding (``CharacterEncodingOverride``,
  ``NonXMLContentType``): that document parsed, it is simply empty.  A ``bozo``
  document with entries keeps its entries (real feeds are often not
  well-formed); the caller learns about it through the optional ``stats``
  counter (``bozo_recovered``), not a dead letter.
* **Pathological author fields.**  feedparser runs a quadratic e-mail regex
  over author/creator/publisher strings (16 KB takes seconds).  Nothing can be
  capped *inside* feedparser, so the raw bytes are pre-scanned (linear) and a
  document is REFUSED as ``field_too_large`` when any single
  author/creator/name/email/managingEditor/webMaster/publisher/contributor
  element holds more than :data:`MAX_AUTHOR_FIELD_BYTES` bytes of text, or when
  the sum of the squared lengths of those fields exceeds
  :data:`AUTHOR_COST_BUDGET` (many medium fields add up).  Refusing rather than
  truncating in place keeps the bytes we parse identical to the bytes we
  fetched: no byte surgery on possibly multi-byte or mis-declared encodings.
* **Text size.**  Article text is capped at :data:`MAX_TEXT_CHARS` (200,000
  characters, well under spaCy's hard limit of 1,000,000 and far above any news
  article), cut at the last sentence boundary in the final 20 % of the window,
  else at a word boundary, else hard.  The HTML handed to the text extractor is
  first capped at :data:`MAX_HTML_CHARS`.  Titles are capped at
  :data:`MAX_TITLE_CHARS` the same way.  Truncations are counted in ``stats``.
* **Dates.**  ``published`` comes from ``published_parsed``/``updated_parsed``
  (UTC).  A date that cannot be built, lies before :data:`MIN_PLAUSIBLE_DATE`
  (epoch-zero placeholders and the like) or lies more than
  :data:`MAX_FUTURE_SKEW` after the document's ``fetched_at`` is rejected
  (``published = None``).  The partition ``date`` falls back to the feed's own
  date (basis ``"feed"``) and then to the run date (basis ``"run"``).  The UTC offset the
  feed wrote ("+09:00", "-0500", "EST") is kept as ``published_offset_minutes`` (None when it
  wrote none): "on Monday" in the text is counted on the publisher's calendar.
* **Identity.**  ``article_id`` is the first 32 hex characters of a SHA-256 of
  the canonical URL, else of the feed URL + entry id, else of the feed URL +
  title + text.  Duplicates within one feed (same ``article_id``) collapse
  into the first one.
* **Never raises.**  Any unexpected exception becomes a ``parse_error`` dead
  letter (for the whole document, or for one entry only: one bad entry never
  loses the rest).
"""
from __future__ import annotations

import collections
import datetime as dt
import io
import re
import urllib.parse
from collections.abc import Iterable

import feedparser

from schemas.records import Article, DeadLetter, FeedDocument
from transforms.articles.author_fields import MAX_AUTHOR_FIELD_BYTES, scan_oversized_fields
from transforms.articles.html_text import (
    ANY_SPACE,
    CONTROL_CHARS,
    MAX_HTML_CHARS,
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    cap_text,
    cut_text,
    html_to_text,
)
from transforms.articles.language import article_language
from transforms.articles.urls import article_id_for, canonical_url, content_hash

__all__ = [
    "MAX_TEXT_CHARS",
    "MAX_TITLE_CHARS",
    "MAX_HTML_CHARS",
    "MAX_AUTHOR_FIELD_BYTES",
    "STAGE",
    "html_to_text",
    "cap_text",
    "content_hash",
    "canonical_url",
    "article_id_for",
    "normalize_feed",
    "scan_oversized_fields",
]

STAGE = "ParseArticles"

#: Earliest publication date accepted as real.
MIN_PLAUSIBLE_DATE = dt.datetime(1990, 1, 1, tzinfo=dt.timezone.utc)
#: How far after ``fetched_at`` a publication date may lie (clock skew, time zones).
MAX_FUTURE_SKEW = dt.timedelta(days=2)


# --------------------------------------------------------------------------- #
# Dates, domains, language
# --------------------------------------------------------------------------- #

_SURVIVABLE_BOZO = ("CharacterEncodingOverride", "NonXMLContentType")
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$")


def _parse_fetched_at(fetched_at: str, run_date: dt.date) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(str(fetched_at).strip().replace("Z", "+00:00"))
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)
    except (ValueError, TypeError, OverflowError):
        return dt.datetime.combine(run_date, dt.time.max, tzinfo=dt.timezone.utc)


_UTC_OFFSET = re.compile(r"(?:(?P<sign>[+-])(?P<hours>\d{2}):?(?P<minutes>\d{2})|(?P<zero>Z|GMT|UTC|UT))\s*$", re.I)
# The named zones of RFC 822 (feeds still write them); any other name is left unknown.
_NAMED_OFFSETS = {"EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
                  "PST": -480, "PDT": -420}


def utc_offset_minutes(raw) -> int | None:
    """The UTC offset written at the end of a feed's date string, in minutes; None when absent.

    Raises ValueError for a numeric offset no place has (beyond ±14:00, or minutes over 59):
    feedparser applies "+9999" as 100 hours, moving 10:00 four days back; such a date is
    `invalid_date`."""
    if not isinstance(raw, str):
        return None
    raw = raw.strip()
    match = _UTC_OFFSET.search(raw)
    if match and match["zero"]:
        return 0
    if match:
        minutes = int(match["hours"]) * 60 + int(match["minutes"])
        if int(match["minutes"]) > 59 or minutes > 14 * 60:
            raise ValueError(f"UTC offset out of range: {match.group(0).strip()}")
        return minutes if match["sign"] == "+" else -minutes
    name = raw.rsplit(None, 1)[-1].upper() if raw else ""
    return _NAMED_OFFSETS.get(name)


def _struct_to_utc(value, fetched: dt.datetime) -> tuple[dt.datetime | None, str | None]:
    """(datetime, None) when valid, (None, why) when rejected, (None, None) when absent."""
    if not value:
        return None, None
    try:
        fields = tuple(int(x) for x in tuple(value)[:6])
        result = dt.datetime(*fields, tzinfo=dt.timezone.utc)
    except (TypeError, ValueError, OverflowError):
        return None, "invalid_date"
    if result < MIN_PLAUSIBLE_DATE:
        return None, "invalid_date"
    if result > fetched + MAX_FUTURE_SKEW:
        return None, "future_date"
    return result, None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None
    if not host or urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https"):
        return None
    host = host.rstrip(".").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


def _language(*candidates) -> str | None:
    for value in candidates:
        if isinstance(value, str):
            value = value.strip()
            if _LANG_RE.match(value):
                return value.replace("_", "-").lower()
    return None


def _one_line(text: str, limit: int = 500) -> str:
    text = ANY_SPACE.sub(" ", CONTROL_CHARS.sub("", str(text))).strip()
    return text[:limit]


def _dead(reason: str, input_id: str, message: str) -> DeadLetter:
    return DeadLetter(stage=STAGE, reason=reason, input_id=input_id, message=_one_line(message))


# --------------------------------------------------------------------------- #
# normalize_feed
# --------------------------------------------------------------------------- #

def _entry_texts(entry) -> Iterable[str]:
    for content in entry.get("content") or ():
        try:
            value = content.get("value")
        except AttributeError:
            continue
        if isinstance(value, str) and value:
            yield value
    for key in ("summary", "description"):
        value = entry.get(key)
        if isinstance(value, str) and value:
            yield value


def _entry_link(entry) -> str | None:
    url = canonical_url(entry.get("link"))
    if url:
        return url
    for link in entry.get("links") or ():
        try:
            rel = link.get("rel", "alternate")
            href = link.get("href")
        except AttributeError:
            continue
        if rel == "alternate":
            url = canonical_url(href)
            if url:
                return url
    guid = entry.get("id")
    if isinstance(guid, str) and guid.lower().startswith(("http://", "https://")) and entry.get("guidislink"):
        return canonical_url(guid)
    return None


def _entry_language(entry, feed_language: str | None) -> str | None:
    candidates = []
    for content in entry.get("content") or ():
        try:
            candidates.append(content.get("language"))
        except AttributeError:
            pass
    for key in ("summary_detail", "title_detail"):
        detail = entry.get(key)
        if detail:
            try:
                candidates.append(detail.get("language"))
            except AttributeError:
                pass
    candidates.append(entry.get("language"))
    candidates.append(feed_language)
    return _language(*candidates)


def _normalize_entry(entry, index: int, ctx: dict, stats: collections.Counter):
    feed_url = ctx["feed_url"]
    input_id = "%s#entry-%d" % (feed_url, index)

    raw_title = entry.get("title")
    title = html_to_text(raw_title) if isinstance(raw_title, str) else ""
    title = ANY_SPACE.sub(" ", title).strip()
    title, cut = cut_text(title, MAX_TITLE_CHARS)
    if cut:
        stats["title_truncated"] += 1

    text = ""
    for candidate in _entry_texts(entry):
        plain = html_to_text(candidate)
        if len(plain) > len(text):
            text = plain
    text, cut = cut_text(text, MAX_TEXT_CHARS)
    if cut:
        stats["text_truncated"] += 1

    url = _entry_link(entry)
    if not title and not text and not url:
        return _dead("empty_entry", input_id, "entry has no title, no text and no link")

    published = offset = None
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value, why = _struct_to_utc(entry.get(key), ctx["fetched"])
        if value is not None:
            try:
                offset = utc_offset_minutes(entry.get(key.removesuffix("_parsed")))
            except ValueError:
                value, why = None, "invalid_date"
        if why:
            stats[why] += 1
        if value is not None:
            published = value
            break

    if published is not None:
        date, basis = published.date(), "published"
    elif ctx["feed_date"] is not None:
        date, basis = ctx["feed_date"], "feed"
    else:
        date, basis = ctx["run_date"], "run"

    entry_id = entry.get("id")
    entry_id = entry_id.strip()[:2_000] if isinstance(entry_id, str) else None
    source = _domain(url) or ctx["feed_source"]
    return Article(
        article_id=article_id_for(url, feed_url, entry_id, title, text),
        url=url,
        title=title,
        text=text,
        published=published,
        date=date,
        date_basis=basis,
        feed_url=feed_url,
        source=source,
        language=article_language(title, text, _entry_language(entry, ctx["feed_language"])),
        content_hash=content_hash(title, text),
        published_offset_minutes=offset,
    )


def normalize_feed(
    doc: FeedDocument,
    run_date: dt.date,
    *,
    stats: collections.Counter | None = None,
) -> tuple[list[Article], list[DeadLetter]]:
    """Parse one feed document into Articles and DeadLetters; never raises.

    ``stats`` (optional, keyword-only): a ``collections.Counter`` incremented
    with non-fatal observations for the run summary: ``entries``,
    ``duplicates``, ``bozo_recovered``, ``encoding_override``,
    ``invalid_date``, ``future_date``, ``text_truncated``, ``title_truncated``.
    """
    if stats is None:
        stats = collections.Counter()
    feed_url = getattr(doc, "feed_url", None) or getattr(doc, "source", None) or "<unknown>"
    try:
        return _normalize_feed(doc, run_date, str(feed_url), stats)
    except Exception as exc:  # never raise: the run must go on
        return [], [_dead("parse_error", str(feed_url), "%s: %s" % (type(exc).__name__, exc))]


def _normalize_feed(doc: FeedDocument, run_date: dt.date, feed_url: str, stats: collections.Counter):
    body = doc.body
    if isinstance(body, str):  # defensive: the contract says bytes
        body = body.encode("utf-8", "surrogatepass")
    if body is not None and not isinstance(body, (bytes, bytearray, memoryview)):
        raise TypeError("FeedDocument.body must be bytes, not %s" % type(body).__name__)
    body = bytes(body or b"")
    if not body.strip():
        return [], [_dead("not_a_feed", feed_url, "empty body")]

    too_large = scan_oversized_fields(body)
    if too_large:
        return [], [_dead("field_too_large", feed_url, too_large)]

    headers = {"content-type": doc.content_type} if doc.content_type else None
    # io.BytesIO: never let feedparser interpret the body as a path or URL.
    # sanitize_html=False: html_to_text is our sanitizer (it drops <script>,
    # <iframe>, ... including their content; feedparser's sanitizer keeps the
    # text inside <iframe>/<object> and rewrites markup we discard anyway).
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=False)

    entries = list(parsed.get("entries") or [])
    version = parsed.get("version") or ""
    bozo = bool(parsed.get("bozo"))
    exc = parsed.get("bozo_exception")
    exc_name = type(exc).__name__ if exc is not None else ""
    if not version and not entries:
        what = "%s: %s" % (exc_name, exc) if bozo and exc is not None else "no RSS/Atom/RDF root element"
        return [], [_dead("not_a_feed", feed_url, "not a recognised feed (%s)" % what)]
    if not version:
        # entries without a recognised root: do not trust an HTML page that
        # happens to contain <item>-like tags.
        return [], [_dead("not_a_feed", feed_url, "entries found but no RSS/Atom/RDF root element")]
    if bozo:
        survivable = exc_name in _SURVIVABLE_BOZO
        if not entries and not survivable:
            return [], [_dead("parse_error", feed_url, "%s: %s" % (exc_name or "bozo", exc))]
        stats["encoding_override" if survivable else "bozo_recovered"] += 1

    fetched = _parse_fetched_at(doc.fetched_at, run_date)
    feed = parsed.get("feed") or {}
    feed_date = None
    for key in ("updated_parsed", "published_parsed"):
        value, _why = _struct_to_utc(feed.get(key), fetched)
        if value is not None:
            feed_date = value.date()
            break
    feed_link = feed.get("link") if isinstance(feed.get("link"), str) else None
    ctx = {
        "feed_url": feed_url,
        "fetched": fetched,
        "feed_date": feed_date,
        "run_date": run_date,
        "feed_language": feed.get("language") if isinstance(feed.get("language"), str) else None,
        "feed_source": _domain(feed_url) or _domain(canonical_url(feed_link)) or "unknown",
    }

    articles: list[Article] = []
    dead: list[DeadLetter] = []
    seen = set()
    for index, entry in enumerate(entries):
        stats["entries"] += 1
        try:
            result = _normalize_entry(entry, index, ctx, stats)
        except Exception as exc:  # one bad entry never loses the rest
            dead.append(_dead("parse_error", "%s#entry-%d" % (feed_url, index),
                              "%s: %s" % (type(exc).__name__, exc)))
            continue
        if isinstance(result, DeadLetter):
            dead.append(result)
        elif result.article_id in seen:
            stats["duplicates"] += 1
        else:
            seen.add(result.article_id)
            articles.append(result)
    return articles, dead
