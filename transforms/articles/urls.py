"""Canonical article URLs and the deterministic ids derived from them.

The same story reached through two feeds, or with tracking parameters, must get
the same article_id on every run and machine: that is what collapses duplicates
and makes event ids stable.
"""
from __future__ import annotations

import hashlib
import re
import urllib.parse

from schemas import ontology
from transforms.articles.html_text import CONTROL_CHARS

_ID_HEX = 32

# --------------------------------------------------------------------------- #
# URLs and ids
# --------------------------------------------------------------------------- #

# Query parameters that only track the reader (schemas/data/tracking_parameters.csv).
_TRACKING = ontology.table_rows("tracking_parameters.csv")
_TRACKING_EXACT = frozenset(row["parameter"] for row in _TRACKING if row["match"] == "exact")
_TRACKING_PREFIXES = tuple(row["parameter"] for row in _TRACKING if row["match"] == "prefix")
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = "%:@!$'()*+,;=-._~/?&"


def _is_tracking(key: str) -> bool:
    k = urllib.parse.unquote_plus(key).strip().lower()
    return k in _TRACKING_EXACT or k.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str | None) -> str | None:
    """Canonical form of an http(s) URL, or None.

    Lower-case scheme and host (trailing dot removed), no user info, no
    fragment, no default port (80 for http, 443 for https), an empty path
    becomes "/", non-ASCII characters percent-encoded, tracking parameters
    (``utm_*``, ``fbclid``, ``gclid``, ``ref``, ``cmpid``, ...) dropped and the
    remaining query parameters sorted (their encoding is kept as given).
    Anything that is not an absolute http(s) URL with a host (``javascript:``,
    ``data:``, ``file:``, ``mailto:``, relative paths) gives None.
    """
    if not url or not isinstance(url, str):
        return None
    url = CONTROL_CHARS.sub("", url).strip()
    url = re.sub(r"[\t\n\r]", "", url)
    if not url or len(url) > 8_192:
        return None
    try:
        parts = urllib.parse.urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            return None
        host = (parts.hostname or "").rstrip(".").lower()
        if not host or any(c in host for c in " <>\"'`{}|\\^"):
            return None
        port = parts.port  # ValueError on garbage
    except ValueError:
        return None
    if ":" in host and not host.startswith("["):  # IPv6 literal
        host = "[" + host + "]"
    if port is not None and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = "%s:%d" % (host, port)
    else:
        netloc = host
    path = urllib.parse.quote(parts.path or "/", safe=_PATH_SAFE)
    if not path.startswith("/"):
        path = "/" + path
    query = ""
    if parts.query:
        pairs = [p for p in re.split(r"[&;]", parts.query) if p]
        kept = sorted(p for p in pairs if not _is_tracking(p.split("=", 1)[0]))
        query = "&".join(urllib.parse.quote(p, safe=_QUERY_SAFE) for p in kept)
    return urllib.parse.urlunsplit((scheme, netloc, path, query, ""))


def _sha_hex(*parts: str) -> str:
    h = hashlib.sha256()
    for i, p in enumerate(parts):
        if i:
            h.update(b"\x00")
        h.update(p.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:_ID_HEX]


def article_id_for(canonical: str | None, feed_url: str, entry_id: str | None, title: str, text: str) -> str:
    """Deterministic article id: 32 hex chars of SHA-256.

    From the canonical URL when there is one (the same article in two feeds
    gets the same id); else from the feed URL + the entry id; else from the
    feed URL + title + text.  Each key kind is namespaced so they never collide.
    """
    if canonical:
        return _sha_hex("url", canonical)
    entry_id = (entry_id or "").strip()
    if entry_id:
        return _sha_hex("entry", feed_url or "", entry_id)
    return _sha_hex("content", feed_url or "", title or "", text or "")


def content_hash(title: str, text: str) -> str:
    """Hash of title + text: tells a changed article from an unchanged one."""
    return hashlib.sha256((title + "\n" + text).encode("utf-8", "surrogatepass")).hexdigest()[:_ID_HEX]


def _host(url: str | None) -> str:
    host = (urllib.parse.urlsplit(url or "").hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def publisher_feed(feed_url: str | None, url: str | None) -> bool:
    """True when the feed is served from the article link's own site (same host, or one is a
    subdomain of the other: feeds.example.com carries www.example.com's stories)."""
    feed, link = _host(feed_url), _host(url)
    return bool(feed and link) and (feed == link or feed.endswith("." + link) or link.endswith("." + feed))


def copy_rank(feed_url: str | None, url: str | None) -> tuple:
    """Which feed's copy of an article wins when several feeds carry the same link (syndication,
    or a feed passing someone else's URL off with other text): the publisher's own feed first,
    then the smallest feed URL. A total order on the copy alone, so the winner is the same in
    one run or across runs, in any order (transforms/articles/parse.py, article_state.py)."""
    return (not publisher_feed(feed_url, url), feed_url or "")
