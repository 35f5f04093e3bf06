"""Fetch one feed (or article) over HTTP with hard bounds on time, size and destination.

Why this exists: ``feedparser.parse(url)`` has no timeout and no size cap, reads
``file://`` URLs and parses HTTP error bodies as feeds (see RELIABILITY.md). So the
project fetches the bytes itself, here, and feedparser only ever sees bytes this
module returned with ``outcome == "ok"``.

Guarantees of :func:`fetch`:

* It never raises for a network or HTTP problem; every failure is a classified
  :class:`FetchResult` (``outcome`` is a short reason usable as a dead-letter reason).
* Time: ``policy.deadline`` is a wall-clock budget for the WHOLE fetch - every
  attempt, redirect hop, politeness wait and backoff sleep. It is checked between
  body chunks (httpx's read timeout restarts on every byte, so a server that drips
  one byte a second would otherwise never time out), and each attempt's socket
  timeouts are clipped to the remaining budget. A fully silent server is bounded by
  the read timeout, so the worst-case overshoot past the deadline is one socket
  read timeout (itself at most the remaining budget at the start of the attempt).
* Size: a ``Content-Length`` above ``max_bytes`` is refused before reading; raw
  bytes are counted as they arrive (``iter_raw``) and the body is decoded here with
  ``zlib`` using ``max_length``, so a gzip bomb trips ``max_decoded_bytes`` after at
  most one 64 KiB step past the cap. Every stacked encoding layer is capped the
  same way, and more than ``MAX_STACKED_ENCODINGS`` layers is refused outright.
  Brotli is neither advertised nor decoded: its Python API cannot bound the output
  of one ``process()`` call, so a few hundred input bytes could inflate to gigabytes.
* Destination: only ``http``/``https``; redirects are followed by hand so every hop
  is checked (hop count, scheme, loops). A hop to another host than the source's,
  and every hop (the first included) when ``trusted_source=False`` (an article link
  found in a feed), is resolved and refused if it points at a private, loopback,
  link-local, multicast, reserved or unspecified address, unless
  ``policy.allow_private``. The sources a user lists are trusted at the first hop
  and may be anywhere, loopback included. The default client ignores proxy
  environment variables (``trust_env=False``) because a proxy would make the
  address check meaningless; pass your own ``client`` to use one. The check
  resolves the name once and httpx resolves it again when connecting (a DNS
  rebinding window we accept for a batch feed reader).

Retry versus drop policy:

* Retried (up to ``policy.retries`` extra attempts, exponential backoff
  ``backoff * 2**n``, or ``Retry-After`` when the server sends one, capped by
  ``max_retry_after``): socket timeouts, HTTP 408, 429 and 5xx - these are
  transient by definition. A retry that could not start before the deadline is not
  attempted; the last failure is returned.
* Dropped at once (no retry): other 4xx (the request is wrong, repeating it will
  not help), redirect errors, blocked addresses, bad URLs, size caps (the same
  bytes would come back), connection errors such as "connection refused" or an
  unresolvable name, and the deadline itself.
* Not an error: 304 -> ``not_modified`` (send ``etag``/``last_modified`` from the
  previous run). A 2xx with an empty, HTML or JSON body is ``ok`` here: deciding
  that bytes are "not a feed" is the parser's job, which gets ``content_type``.

Politeness: requests to one host wait for ``min_host_interval`` seconds since the
previous request to it started, and at most ``per_host_concurrency`` requests run
against one host at a time in this process (a ``threading.Semaphore`` per host and
limit). Both waits count against the deadline.
"""
from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from transforms.ingest.address_guard import ResolveError, address_allowed, resolve
from transforms.ingest.decoding import MAX_STACKED_ENCODINGS, DecodeError, GzipError, decoder, gunzip_capped

__all__ = ["FetchPolicy", "FetchResult", "GzipError", "address_allowed", "fetch", "gunzip_capped", "new_client",
           "MAX_STACKED_ENCODINGS"]
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchPolicy:
    """Bounds for one fetch; the defaults suit a feed reader on a laptop."""

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    deadline: float = 30.0  # wall-clock seconds for the whole fetch, retries included
    max_bytes: int = 20_000_000  # bytes received on the wire
    max_decoded_bytes: int = 50_000_000  # bytes after content decoding, checked while decoding
    max_redirects: int = 5
    retries: int = 2  # extra attempts for timeouts, 408, 429, 5xx
    backoff: float = 0.5  # base seconds, exponential
    max_retry_after: float = 30.0  # cap on honoured Retry-After
    allow_private: bool = False  # allow redirects/article links to private addresses
    # Narrower than allow_private: non-public addresses inside these networks
    # (CIDR strings, e.g. "127.0.0.0/8") are allowed, every other one still refused.
    allowed_networks: tuple[str, ...] = ()
    user_agent: str = "eventwire/0.1 (+https://github.com/eventwire/eventwire)"
    min_host_interval: float = 0.0  # seconds between request starts to one host
    per_host_concurrency: int = 4  # simultaneous requests to one host (per process)


@dataclass(frozen=True)
class FetchResult:
    """What happened to one URL; ``body`` is the decoded body, empty unless ok."""

    url: str
    final_url: str
    outcome: str  # ok | not_modified | timeout | deadline | too_large | http_error |
    #              redirect_error | blocked_address | bad_url | connection_error
    status: int | None
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    message: str
    attempts: int

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


class _Failure(Exception):
    """Internal: ends one attempt with a classified outcome."""

    def __init__(self, outcome: str, message: str, status: int | None = None,
                 retry_after: float | None = None):
        super().__init__(message)
        self.outcome, self.message, self.status, self.retry_after = (
            outcome, message, status, retry_after)


# --------------------------------------------------------------------- politeness

_host_lock = threading.Lock()
_host_semaphores: dict[tuple[str, int], threading.Semaphore] = {}
_host_next_start: dict[str, float] = {}


def _host_slot(host: str, policy: FetchPolicy, remaining: Callable[[], float]):
    """Wait for this host's interval and a concurrency slot; return the semaphore held."""
    with _host_lock:
        sem = _host_semaphores.setdefault(
            (host, max(1, policy.per_host_concurrency)),
            threading.Semaphore(max(1, policy.per_host_concurrency)))
        now = time.monotonic()
        start = max(now, _host_next_start.get(host, 0.0))
        if start - now >= remaining():
            raise _Failure("deadline", f"politeness wait for {host} exceeds the deadline")
        _host_next_start[host] = start + policy.min_host_interval
    time.sleep(start - now)
    if not sem.acquire(timeout=max(remaining(), 0.0)):
        raise _Failure("deadline", f"no free connection slot for {host} before the deadline")
    return sem


# ---------------------------------------------------------------------------- fetch

def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date), None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _check_url(url: httpx.URL) -> None:
    if url.scheme not in ("http", "https"):
        raise _Failure("bad_url", f"scheme {url.scheme or '(none)'!r} is not http(s)")
    if not url.host:
        raise _Failure("bad_url", "URL has no host")


def _one_attempt(url: str, policy: FetchPolicy, headers: dict, trusted_source: bool,
                 client: httpx.Client, remaining: Callable[[], float], box: dict) -> FetchResult:
    """Follow one redirect chain and read the final body; raise _Failure on any problem."""
    try:
        current = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise _Failure("bad_url", f"invalid URL: {exc}") from None
    _check_url(current)
    source_host = current.host.lower()
    seen = {str(current)}
    for _hop in range(policy.max_redirects + 1):
        box["final_url"] = str(current)
        host = current.host.lower()
        if not trusted_source or host != source_host:
            port = current.port or (443 if current.scheme == "https" else 80)
            try:
                ips = resolve(host, port, min(policy.connect_timeout, remaining()))
            except ResolveError as error:
                raise _Failure(error.reason, error.message) from None
            if not address_allowed(host, ips, policy.allow_private, policy.allowed_networks):
                raise _Failure("blocked_address", f"{host} resolves to a non-public address "
                               f"({', '.join(sorted(set(ips))) or 'none'})")
        sem = _host_slot(host, policy, remaining)
        try:
            if remaining() <= 0:
                raise _Failure("deadline", f"deadline of {policy.deadline}s reached")
            budget = remaining()  # socket timeouts never outlast the whole-fetch deadline
            timeout = httpx.Timeout(connect=min(policy.connect_timeout, budget),
                                    read=min(policy.read_timeout, budget),
                                    write=min(policy.read_timeout, budget), pool=budget)
            with client.stream("GET", current, headers=headers, timeout=timeout,
                               follow_redirects=False) as response:
                status = response.status_code
                box["status"] = status
                if status in _REDIRECT_CODES:
                    location = response.headers.get("location")
                    if not location:
                        raise _Failure("redirect_error", f"HTTP {status} without Location", status)
                    try:
                        nxt = current.join(location.strip())
                    except (httpx.InvalidURL, ValueError) as exc:
                        raise _Failure("redirect_error", f"bad Location {location!r}: {exc}",
                                       status) from None
                    if nxt.scheme not in ("http", "https") or not nxt.host:
                        raise _Failure("redirect_error",
                                       f"redirect to non-http(s) URL {location!r} refused", status)
                    if str(nxt) in seen:
                        raise _Failure("redirect_error", f"redirect loop at {nxt}", status)
                    seen.add(str(nxt))
                    current = nxt
                    continue
                return _read_final(url, current, response, policy, remaining, box)
        finally:
            sem.release()
    raise _Failure("redirect_error", f"more than {policy.max_redirects} redirects")


def _read_final(url: str, current: httpx.URL, response: httpx.Response, policy: FetchPolicy,
                remaining: Callable[[], float], box: dict) -> FetchResult:
    status = response.status_code
    h = response.headers
    if status == 304:
        return FetchResult(url, str(current), "not_modified", status, b"",
                           h.get("content-type"), h.get("etag") or box["etag"],
                           h.get("last-modified") or box["last_modified"],
                           f"{url}: not modified (304)", 0)
    if status == 408 or status == 429 or 500 <= status <= 599:
        raise _Failure("http_error", f"HTTP {status} (transient)", status,
                       _retry_after(h.get("retry-after")))
    if not 200 <= status <= 299:
        raise _Failure("http_error", f"HTTP {status}", status)
    length = h.get("content-length", "").strip()
    if length.isdigit() and int(length) > policy.max_bytes:
        raise _Failure("too_large", f"Content-Length {length} exceeds {policy.max_bytes} bytes",
                       status)
    raw = 0
    parts: list[bytes] = []
    try:
        decode = decoder(h.get("content-encoding"), policy.max_decoded_bytes)
        for chunk in response.iter_raw():
            raw += len(chunk)
            if raw > policy.max_bytes:
                raise _Failure("too_large", f"body exceeds {policy.max_bytes} bytes", status)
            parts.extend(decode(chunk))
            if remaining() <= 0:
                raise _Failure("deadline", f"body not complete after the {policy.deadline}s "
                               f"deadline ({raw} bytes read)", status)
        parts.extend(decode(b"", final=True))
    except DecodeError as error:
        raise _Failure(error.reason, error.message, status) from None
    return FetchResult(url, str(current), "ok", status, b"".join(parts), h.get("content-type"),
                       h.get("etag"), h.get("last-modified"),
                       f"{url}: {status}, {raw} bytes", 0)


def new_client() -> httpx.Client:
    """The client fetches share within one DoFn instance: connections to a host are reused.
    No environment proxies, no automatic redirects (each hop is checked by the guard)."""
    return httpx.Client(trust_env=False, follow_redirects=False)


def fetch(url: str, policy: FetchPolicy = FetchPolicy(), *, etag: str | None = None,
          last_modified: str | None = None, trusted_source: bool = True,
          client: httpx.Client | None = None) -> FetchResult:
    """Fetch ``url`` within ``policy``. Never raises for network/HTTP problems:
    every failure is a classified FetchResult (see the module docstring)."""
    started = time.monotonic()

    def remaining() -> float:
        return policy.deadline - (time.monotonic() - started)

    headers = {"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate",
               "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                         "text/xml;q=0.9, */*;q=0.1"}
    # Validators go back as the bytes they came as: an ETag may hold non-ASCII octets (RFC 7232
    # obs-text), which httpx decodes as UTF-8 and would refuse to send as a str.
    if etag:
        headers["If-None-Match"] = etag.encode("utf-8")
    if last_modified:
        headers["If-Modified-Since"] = last_modified.encode("utf-8")
    own_client = client is None
    if own_client:
        client = new_client()
    box = {"final_url": url, "status": None, "etag": etag, "last_modified": last_modified}
    attempt = 0
    try:
        while True:
            attempt += 1
            box["status"] = None
            try:
                result = _one_attempt(url, policy, headers, trusted_source, client,
                                      remaining, box)
                return _with_attempts(result, attempt)
            except _Failure as failure:
                fail = failure
            except httpx.TimeoutException as exc:
                fail = (_Failure("deadline", f"deadline of {policy.deadline}s reached "
                                 f"({type(exc).__name__})") if remaining() <= 0.05 else
                        _Failure("timeout", f"{type(exc).__name__}: no data within the timeout"))
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                fail = _Failure("bad_url", f"invalid URL: {exc}")
            except (httpx.HTTPError, httpx.StreamError, OSError) as exc:
                fail = _Failure("connection_error", f"{type(exc).__name__}: {exc}")
            status = fail.status if fail.status is not None else box["status"]
            delay = _retry_delay(fail, attempt, policy)
            if delay is None or delay >= remaining():
                if delay is not None:
                    fail.message += f"; gave up after {attempt} attempt(s)"
                return FetchResult(url, box["final_url"], fail.outcome, status, b"", None,
                                   None, None, _one_line(f"{url}: {fail.message}"), attempt)
            time.sleep(delay)
    finally:
        if own_client:
            client.close()


def _retry_delay(fail: _Failure, attempt: int, policy: FetchPolicy) -> float | None:
    """Seconds to wait before retrying, or None when this failure is not retried."""
    transient = fail.outcome == "timeout" or (
        fail.outcome == "http_error" and fail.status is not None
        and (fail.status in (408, 429) or 500 <= fail.status <= 599))
    if not transient or attempt > policy.retries:
        return None
    if fail.retry_after is not None:
        return min(fail.retry_after, policy.max_retry_after)
    return policy.backoff * 2 ** (attempt - 1)


def _with_attempts(result: FetchResult, attempts: int) -> FetchResult:
    return FetchResult(**{**result.__dict__, "attempts": attempts,
                          "message": _one_line(result.message)})


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]
