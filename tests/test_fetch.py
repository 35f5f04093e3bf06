"""Every network fault in RELIABILITY.md against a real loopback server: each must end
in the right classified FetchResult, quickly, with bounded memory.

Network rule: nothing here may send traffic outside 127.0.0.0/8. Autouse fixtures make
any other connect() fail the test and answer name lookups locally (no DNS queries),
so the private-address guard is proven to refuse BEFORE connecting, not by a
connection that happened to fail.
"""
from __future__ import annotations

import email.utils
import ipaddress
import resource
import socket
import threading
import time

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.ingest import decoding
from transforms.ingest.fetch import FetchPolicy, FetchResult, address_allowed, fetch

try:
    from fault_server import FEED, GZIP_BOMB, FaultServer
except ImportError:  # collected with tests/ not on sys.path
    from tests.fault_server import FEED, GZIP_BOMB, FaultServer

SHORT = FetchPolicy(connect_timeout=1.0, read_timeout=1.0, deadline=2.0,
                    max_bytes=2_000_000, max_decoded_bytes=1_000_000,
                    retries=1, backoff=0.05, max_retry_after=2.0)


def _loopback(address) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX and friends
        return True
    try:
        return ipaddress.ip_address(address[0].split("%")[0]).is_loopback
    except ValueError:
        return False  # a name reached connect() unresolved: refuse to be safe


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Fail the test on any connect() to an address outside loopback."""
    attempts: list = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):
        if not _loopback(address):
            attempts.append(address)
            raise AssertionError(f"test tried to connect to {address}")
        return real_connect(self, address)

    def connect_ex(self, address):
        if not _loopback(address):
            attempts.append(address)
            raise AssertionError(f"test tried to connect to {address}")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield attempts
    assert not attempts, f"non-loopback connection attempted: {attempts}"


@pytest.fixture(scope="module")
def server():
    with FaultServer() as srv:
        yield srv


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch):
    """No DNS traffic either: IP literals and a few made-up names resolve, nothing else.

    Applies to the fetch layer's guard and to httpx's own connect alike (both use
    socket.getaddrinfo), so a Location like ``//evil.example`` never leaves the machine.
    """
    table = {"localhost": "127.0.0.1", "feeds.test": "127.0.0.1",
             "intranet.test": "10.1.2.3", "metadata.test": "169.254.169.254"}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name in table:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (table[name], port or 80))]
        try:
            ipaddress.ip_address(name.split("%")[0])
        except ValueError:
            raise socket.gaierror(socket.EAI_NONAME, f"test DNS: unknown name {name!r}") from None
        return real(host, port, *args, **kwargs)  # a literal: no lookup is sent

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return table


def timed(url: str, policy: FetchPolicy = SHORT, **kwargs) -> tuple[FetchResult, float]:
    started = time.monotonic()
    result = fetch(url, policy, **kwargs)
    return result, time.monotonic() - started


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# ------------------------------------------------------------------ good responses

def test_good_feed_is_ok_and_polite(server):
    result = fetch(server.url("/feed"), SHORT)
    assert result.ok and result.outcome == "ok" and result.status == 200
    assert result.body == FEED and result.attempts == 1
    assert result.content_type == "application/rss+xml"
    assert result.final_url == result.url == server.url("/feed")
    headers = {k.lower(): v for k, v in server.requests[-1][1].items()}
    assert headers["user-agent"].startswith("eventwire/")
    assert "br" not in headers["accept-encoding"]  # brotli cannot be bounded, never asked


@pytest.mark.parametrize("path", ["/feed?encoding=gzip", "/feed?encoding=deflate",
                                  "/feed?encoding=deflate-raw", "/stacked?layers=2"])
def test_content_encodings_are_decoded(server, path):
    result = fetch(server.url(path), SHORT)
    assert result.outcome == "ok", result.message
    assert result.body == FEED


@pytest.mark.parametrize("path", ["/html", "/json", "/empty"])
def test_non_feed_bodies_are_fetched_with_their_type(server, path):
    """Fetching succeeds; the parser decides `not_a_feed` from the bytes and the type."""
    result = fetch(server.url(path), SHORT)
    assert result.outcome == "ok"
    assert result.content_type.split(";")[0] in ("text/html", "application/json",
                                                 "application/rss+xml")
    if path == "/empty":
        assert result.body == b""


# ------------------------------------------------------------------------- time

def test_silent_server_times_out(server):
    result, elapsed = timed(server.url("/hang"), FetchPolicy(**{**SHORT.__dict__, "retries": 0}))
    assert result.outcome == "timeout" and result.status is None and result.body == b""
    assert elapsed < 1.8
    assert server.url("/hang") in result.message


def test_silent_server_with_retries_stays_within_deadline(server):
    result, elapsed = timed(server.url("/hang"))
    assert result.outcome in ("timeout", "deadline")
    assert result.attempts == 2
    assert elapsed < SHORT.deadline + 0.5


def test_other_feeds_go_on_while_one_hangs(server):
    results: dict = {}
    hang = threading.Thread(target=lambda: results.setdefault("hang", fetch(server.url("/hang"), SHORT)))
    hang.start()
    good, elapsed = timed(server.url("/feed"))
    hang.join()
    assert good.ok and elapsed < 0.5
    assert results["hang"].outcome in ("timeout", "deadline")


def test_drip_is_cut_by_the_wall_clock_deadline(server):
    """Read timeout far above the drip rate: only the deadline can stop this one."""
    policy = FetchPolicy(**{**SHORT.__dict__, "read_timeout": 5.0})
    result, elapsed = timed(server.url("/drip"), policy)
    assert result.outcome == "deadline", result.message
    assert result.body == b"" and result.status == 200
    assert 1.5 < elapsed < 3.5


# ------------------------------------------------------------------------- size

@pytest.mark.parametrize("path", ["/huge", "/huge?length=1"])
def test_one_gigabyte_body_is_refused_or_cut(server, path):
    before = maxrss_mb()
    result, elapsed = timed(server.url(path))
    assert result.outcome == "too_large", result.message
    assert result.body == b""
    assert elapsed < 1.5
    assert maxrss_mb() - before < 100
    if "length" in path:
        assert "Content-Length" in result.message  # refused before reading


@pytest.mark.parametrize("path", ["/bomb", "/stacked?layers=2&bomb=1"])
def test_gzip_bomb_trips_the_decoded_cap_early(server, path):
    before = maxrss_mb()
    result, elapsed = timed(server.url(path))
    assert result.outcome == "too_large", result.message
    assert "decodes to more than" in result.message
    assert result.body == b"" and elapsed < 1.0
    assert maxrss_mb() - before < 100


def test_too_many_stacked_encodings_are_refused(server):
    result = fetch(server.url("/stacked?layers=3"), SHORT)
    assert result.outcome == "too_large"
    assert "3 stacked content encodings" in result.message


def test_decoded_cap_is_exact_enough():
    """The cap trips within one decode step of the limit, whatever the ratio."""
    decode = decoding.decoder("gzip", 100_000)
    out = 0
    with pytest.raises(decoding.DecodeError) as info:
        for i in range(0, len(GZIP_BOMB), 1000):
            out += sum(map(len, decode(GZIP_BOMB[i:i + 1000])))
    assert info.value.reason == "too_large"
    assert out <= 100_000


# ---------------------------------------------------------------------- statuses

def test_500_is_retried_then_an_http_error(server):
    before = server.hits("/status/500")
    result = fetch(server.url("/status/500"), SHORT)
    assert result.outcome == "http_error" and result.status == 500
    assert result.attempts == SHORT.retries + 1 == server.hits("/status/500") - before
    assert result.body == b""  # an error body is never handed to the parser


def test_503_retry_after_is_honoured_within_the_deadline(server):
    policy = FetchPolicy(**{**SHORT.__dict__, "retries": 5})
    result, elapsed = timed(server.url("/status/503?retry_after=1"), policy)
    assert result.outcome == "http_error" and result.status == 503
    assert result.attempts == 2  # a third attempt could not start before the deadline
    assert 0.9 < elapsed < SHORT.deadline


def test_flaky_503_recovers_after_retry_after(server):
    result, elapsed = timed(server.url("/flaky?key=a&fails=1&retry_after=1"))
    assert result.ok and result.attempts == 2 and result.body == FEED
    assert elapsed >= 0.9


def test_429_with_http_date_retry_after(server):
    when = email.utils.formatdate(time.time() + 1, usegmt=True)
    result = fetch(server.url(f"/flaky?key=b&fails=1&code=429&retry_after={when}"), SHORT)
    assert result.ok and result.attempts == 2


def test_408_is_retried(server):
    result = fetch(server.url("/flaky?key=c&fails=1&code=408"), SHORT)
    assert result.ok and result.attempts == 2


def test_retry_after_is_capped(server):
    policy = FetchPolicy(**{**SHORT.__dict__, "max_retry_after": 0.2})
    result, elapsed = timed(server.url("/flaky?key=d&fails=1&retry_after=100"), policy)
    assert result.ok and elapsed < 1.0


def test_retry_after_beyond_the_deadline_gives_up_at_once(server):
    policy = FetchPolicy(**{**SHORT.__dict__, "max_retry_after": 30.0})
    result, elapsed = timed(server.url("/status/503?retry_after=100"), policy)
    assert result.outcome == "http_error" and result.attempts == 1
    assert elapsed < 0.5 and "gave up" in result.message


def test_404_is_not_retried(server):
    before = server.hits("/status/404")
    result = fetch(server.url("/status/404"), SHORT)
    assert result.outcome == "http_error" and result.status == 404
    assert result.attempts == 1 and server.hits("/status/404") - before == 1


def test_conditional_get_gives_not_modified(server):
    first = fetch(server.url("/conditional"), SHORT)
    assert first.ok and first.etag == '"v1"' and first.last_modified
    by_etag = fetch(server.url("/conditional"), SHORT, etag=first.etag)
    assert by_etag.outcome == "not_modified" and by_etag.status == 304
    assert by_etag.body == b"" and not by_etag.ok and by_etag.etag == first.etag
    headers = {k.lower(): v for k, v in server.requests[-1][1].items()}
    assert headers["if-none-match"] == '"v1"'
    by_date = fetch(server.url("/conditional"), SHORT, last_modified=first.last_modified)
    assert by_date.outcome == "not_modified"
    assert by_date.last_modified == first.last_modified


# --------------------------------------------------------------------- redirects

def test_redirect_loop(server):
    result = fetch(server.url("/loop"), SHORT)
    assert result.outcome == "redirect_error" and "loop" in result.message


def test_redirects_within_the_limit_are_followed(server):
    result = fetch(server.url("/hops?n=3"), SHORT)
    assert result.ok and result.final_url == server.url("/hops?n=0")


def test_too_many_hops(server):
    result = fetch(server.url("/hops?n=10"), SHORT)
    assert result.outcome == "redirect_error" and "more than 5 redirects" in result.message


def test_redirect_to_file_url_is_refused(server):
    result = fetch(server.url("/redirect?to=file:///etc/passwd"), SHORT)
    assert result.outcome == "redirect_error" and result.body == b""


def test_redirect_to_private_address_is_refused_before_connecting(server, loopback_only):
    result = fetch(server.url("/redirect?to=http://10.0.0.1/"), SHORT)
    assert result.outcome == "blocked_address", result.message
    assert "10.0.0.1" in result.message
    assert loopback_only == []  # no connect() to 10.0.0.1 was even tried


@pytest.mark.parametrize("host", ["intranet.test", "metadata.test", "feeds.test"])
def test_redirect_to_a_host_resolving_private_is_refused(server, fake_dns, host):
    result = fetch(server.url(f"/redirect?to=http://{host}:{server.port}/feed"), SHORT)
    assert result.outcome == "blocked_address"


def test_allow_private_lets_a_loopback_redirect_through(server, fake_dns):
    policy = FetchPolicy(**{**SHORT.__dict__, "allow_private": True})
    result = fetch(server.url(f"/redirect?to=http://feeds.test:{server.port}/feed"), policy)
    assert result.ok and result.final_url == f"http://feeds.test:{server.port}/feed"


def test_untrusted_links_are_checked_at_the_first_hop(server):
    result = fetch(server.url("/feed"), SHORT, trusted_source=False)
    assert result.outcome == "blocked_address"
    allowed = FetchPolicy(**{**SHORT.__dict__, "allow_private": True})
    assert fetch(server.url("/feed"), allowed, trusted_source=False).ok


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/feed", "not a url",
                                 "http://", "javascript:alert(1)", ""])
def test_bad_urls(url):
    result = fetch(url, SHORT)
    assert result.outcome == "bad_url" and result.body == b""


def test_connection_refused_is_classified():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    result = fetch(f"http://127.0.0.1:{port}/", SHORT)
    assert result.outcome == "connection_error" and result.attempts == 1


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(location=st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=40))
def test_any_location_header_is_classified_never_raised(server, location):
    from urllib.parse import quote
    result = fetch(server.url("/redirect?to=" + quote(location, safe="")), SHORT)
    assert result.outcome in ("ok", "redirect_error", "blocked_address", "http_error",
                              "bad_url", "connection_error")


# ------------------------------------------------------------------ entity attacks

@pytest.mark.parametrize("path", ["/xxe", "/laughs"])
def test_entity_attacks_are_fetched_unchanged_and_parse_harmlessly(server, path):
    result = fetch(server.url(path), SHORT)
    assert result.ok and len(result.body) < 2000
    started = time.monotonic()
    parsed = feedparser.parse(result.body)
    assert time.monotonic() - started < 1.0
    assert "root:" not in repr(parsed) and "LEAKED" not in repr(parsed)
    assert server.hits("/evil.dtd") == 0  # no outbound DTD fetch


# ----------------------------------------------------------------- politeness

def test_per_host_concurrency_limit(server):
    policy = FetchPolicy(**{**SHORT.__dict__, "per_host_concurrency": 1})
    results: list = []
    started = time.monotonic()
    threads = [threading.Thread(target=lambda: results.append(
        fetch(server.url("/slow?delay=0.4"), policy))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.ok for r in results) and len(results) == 2
    assert time.monotonic() - started >= 0.75


def test_min_host_interval(server):
    policy = FetchPolicy(**{**SHORT.__dict__, "min_host_interval": 0.3})
    started = time.monotonic()
    assert all(fetch(server.url("/feed"), policy).ok for _ in range(3))
    assert time.monotonic() - started >= 0.55


# ---------------------------------------------------------------- the server itself

def test_fault_server_shuts_down_while_a_client_drips():
    srv = FaultServer().start()
    box: dict = {}
    policy = FetchPolicy(read_timeout=5.0, deadline=10.0)
    thread = threading.Thread(target=lambda: box.setdefault("r", fetch(srv.url("/drip"), policy)))
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    srv.close()
    thread.join(5)
    assert not thread.is_alive() and srv.active == 0
    assert time.monotonic() - started < 3
    assert box["r"].outcome != "ok"


# ------------------------------------------------------------------ address guard

@pytest.mark.parametrize("ip", ["10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                                "127.0.0.1", "::1", "fe80::1", "fe80::1%eth0", "0.0.0.0",
                                "224.0.0.1", "100.64.0.1", "::ffff:10.0.0.1", "fc00::1",
                                "240.0.0.1", "not-an-ip"])
def test_address_guard_refuses_non_public(ip):
    assert address_allowed("example.org", [ip], allow_private=False) is False


@pytest.mark.parametrize("ip", ["8.8.8.8", "2001:4860:4860::8888", "93.184.216.34"])
def test_address_guard_allows_public(ip):
    assert address_allowed("example.org", [ip], allow_private=False) is True


def test_address_guard_edge_cases():
    assert address_allowed("example.org", [], False) is False  # nothing resolved
    assert address_allowed("example.org", ["8.8.8.8", "10.0.0.1"], False) is False  # any bad
    assert address_allowed("10.0.0.1", [], False) is False  # IP-literal host checked
    for ip in ["10.0.0.1", "127.0.0.1", "::1", "fe80::1", "169.254.169.254"]:
        assert address_allowed("h", [ip], allow_private=True) is True
    for ip in ["0.0.0.0", "224.0.0.1", "ff02::1"]:  # never an HTTP server
        assert address_allowed("h", [ip], allow_private=True) is False


def test_unknown_names_are_connection_errors_without_dns(server):
    result = fetch(server.url("/redirect?to=http://nowhere.invalid/"), SHORT)
    assert result.outcome == "connection_error" and "cannot resolve" in result.message


def test_local_gzip_feeds_get_their_reason_from_the_error_class(tmp_path):
    import gzip as gzip_module

    from transforms.ingest.read_feeds import read_local

    big = tmp_path / "big.xml.gz"
    big.write_bytes(gzip_module.compress(b"<rss>" + b" " * 200_000 + b"</rss>"))
    assert read_local(str(big), 1_000_000, 1_000).reason == "too_large"
    corrupt = tmp_path / "corrupt.xml.gz"
    corrupt.write_bytes(b"\x1f\x8b" + b"not gzip at all" * 10)
    assert read_local(str(corrupt), 1_000_000, 1_000_000).reason == "unreadable"
    fine = tmp_path / "fine.xml.gz"
    fine.write_bytes(gzip_module.compress(b"<rss></rss>"))
    assert read_local(str(fine), 1_000_000, 1_000_000).body == b"<rss></rss>"


def test_a_non_ascii_etag_goes_back_as_it_came():
    """'ETag: "v1-café"' in UTF-8 bytes: the next fetch sends it back and gets its 304 (it
    used to fail with UnicodeEncodeError before sending, for good)."""
    import http.server

    tag = '"v1-café"'.encode()
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            sent = self.headers.get("If-None-Match")
            seen.append(sent)
            if sent is not None and sent.encode("latin-1") == tag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(b"<rss version='2.0'><channel><title>t</title></channel></rss>")

        def end_headers(self):
            if self.command == "GET":
                self._headers_buffer.append(b"ETag: " + tag + b"\r\n")
            super().end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
        first = fetch(url, SHORT)
        assert first.outcome == "ok" and first.etag
        second = fetch(url, SHORT, etag=first.etag)
        assert second.outcome == "not_modified", second.message
    finally:
        server.shutdown()
