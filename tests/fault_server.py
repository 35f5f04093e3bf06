"""A misbehaving HTTP server on 127.0.0.1 for fetch and pipeline tests.

Every fault in RELIABILITY.md that needs a network peer has a route here, so the
fetch layer is tested against real sockets without leaving the loopback interface.

Usage::

    with FaultServer() as server:
        fetch(server.url("/drip"), policy)

Slow routes (``/hang``, ``/drip``, ``/huge``, ``/slow``) stop by themselves when the
client disconnects, when the server closes, or after ``MAX_SLOW_SECONDS`` - so a
test that forgets to close its connection cannot keep a thread alive.

Routes (query parameters in brackets):
  /feed [encoding=gzip|deflate|deflate-raw]     a good RSS 2.0 feed
  /hang                                          reads the request, never answers
  /drip                                          200, Content-Length 100000, 1 byte/s
  /huge [length=1]                               1 GB body, chunked (or with Content-Length)
  /bomb                                          ~100 KB gzip of 100 MB of zeros
  /stacked [layers=N, bomb=1]                    the feed (or the bomb) gzipped N times
  /status/<code> [retry_after=…]                 an error status with a small HTML body
  /flaky [key=, fails=N, code=503, retry_after=] fails N times per key, then the feed
  /loop, /loop2                                  a redirect loop
  /hops [n=N]                                    N redirects before the feed
  /redirect [to=URL, code=302]                   a redirect to any Location
  /conditional                                   ETag/Last-Modified; 304 when they match
  /picky                                         200 with an ETag; 500 whenever a validator is sent
  /slow [delay=s]                                the feed after a delay
  /html, /json, /empty                           200 with non-feed bodies
  /xxe, /laughs                                  XML entity attacks (external DTD on /evil.dtd)
  /good [n=]                                     a feed whose items hold clear political events
  /bigauthor [size=20000]                        an item with a huge <author> (feedparser's regex)
  /charset/<kind>                                wrong-charset, nul, utf16-garbage, random bodies
  /entries                                       entries without id/link/title, bad dates, duplicates
  /hostile                                       script, on* handlers, javascript: links, MathML
  /long [chars=1100000]                          an item whose text is over 1,000,000 characters
"""
from __future__ import annotations

import gzip
import json
import select
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MAX_SLOW_SECONDS = 120
ONE_GB = 1 << 30
ETAG = '"v1"'
LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT"

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Fault server feed</title>
<link>http://127.0.0.1/</link><description>test</description>
<item><title>NATO ministers meet in Brussels</title><link>http://127.0.0.1/a/1</link>
<guid>a-1</guid><pubDate>Wed, 01 Jan 2025 10:00:00 GMT</pubDate>
<description>The ministers agreed on a joint statement.</description></item>
</channel></rss>
"""


def _gzip_zeros(total: int) -> bytes:
    """gzip of ``total`` zero bytes, built in 1 MiB steps so it is never materialized."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    parts = [comp.compress(block) for _ in range(total // len(block))]
    return b"".join(parts) + comp.flush()


BOMB_INFLATED = 100 * (1 << 20)
GZIP_BOMB = _gzip_zeros(BOMB_INFLATED)  # ~100 KB on the wire, 100 MiB inflated

XXE_FEED = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY % remote SYSTEM "{base}/evil.dtd">
  %remote;
]>
<rss version="2.0"><channel><title>XXE &xxe;</title><link>http://127.0.0.1/</link>
<description>d</description>
<item><title>item &xxe;</title><link>http://127.0.0.1/x</link><description>&xxe;</description></item>
</channel></rss>
"""

LAUGHS_FEED = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol "lol">\n'
               + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
                         for i in range(1, 10))
               + ']>\n<rss version="2.0"><channel><title>&lol9;</title><link>http://127.0.0.1/</link>'
               '<description>d</description><item><title>&lol9;</title>'
               '<link>http://127.0.0.1/l</link></item></channel></rss>\n').encode()


def _rss(items: str, title: str = "Fault server feed") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
            f'<link>http://127.0.0.1/</link><description>test</description>{items}</channel></rss>\n'
            ).encode()


GOOD_SENTENCES = (
    "The European Union imposed sanctions on Belarus on Monday.",
    "Russia accused Ukraine of shelling the border town.",
    "NATO condemned the missile test by North Korea.",
)


def good_feed(tag: str = "good") -> bytes:
    items = "".join(
        f"<item><title>{text}</title><link>http://127.0.0.1/{tag}/{i}</link><guid>{tag}-{i}</guid>"
        f"<pubDate>Wed, 01 Jan 2025 1{i}:00:00 GMT</pubDate><description>{text}</description></item>"
        for i, text in enumerate(GOOD_SENTENCES))
    return _rss(items, "Good feed")


HOSTILE_ITEM = (
    '<![CDATA[<p onclick="alert(1)">The European Union imposed sanctions on Belarus.</p>'
    '<script>document.write("SCRIPTBODY")</script><img src=x onerror="alert(2)">'
    '<a href="javascript:alert(3)">click</a>'
    '<math xmlns:xlink="http://www.w3.org/1999/xlink"><mi xlink:href="javascript:alert(4)">x</mi></math>'
    '<iframe src="http://127.0.0.1/evil">IFRAMEBODY</iframe><style>p{color:red}</style>'
    '&lt;b&gt;escaped bold&lt;/b&gt;]]>'
)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, fmt, *args):  # keep pytest output clean
        pass

    def do_GET(self):  # noqa: N802 (http.server naming)
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.server.owner._record(parts.path, dict(self.headers))
        route = parts.path.strip("/").split("/")[0] or "feed"
        handler = getattr(self, "route_" + route.replace(".", "_").replace("-", "_"), None)
        self.server.owner._active(+1)
        try:
            if handler is None:
                self._send(404, b"not found", "text/plain")
            else:
                handler(parts.path, query)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            self.close_connection = True  # the client went away: stop quietly
        finally:
            self.server.owner._active(-1)

    # ------------------------------------------------------------------ helpers
    def _send(self, code: int, body: bytes, ctype: str | None = "application/rss+xml",
              headers: dict | None = None) -> None:
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stopping(self, started: float) -> bool:
        return self.server.owner.stop.is_set() or time.monotonic() - started > MAX_SLOW_SECONDS

    def _client_gone(self, wait: float) -> bool:
        """Wait up to ``wait`` seconds; True if the client closed its side."""
        ready, _, _ = select.select([self.connection], [], [], wait)
        if not ready:
            return False
        try:
            return self.connection.recv(1, 0) == b""
        except OSError:
            return True

    # ------------------------------------------------------------------- routes
    def route_feed(self, path, q):
        body, headers = FEED, {}
        enc = q.get("encoding")
        if enc == "gzip":
            body, headers = gzip.compress(FEED), {"Content-Encoding": "gzip"}
        elif enc == "deflate":
            body, headers = zlib.compress(FEED), {"Content-Encoding": "deflate"}
        elif enc == "deflate-raw":
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            body, headers = comp.compress(FEED) + comp.flush(), {"Content-Encoding": "deflate"}
        self._send(200, body, headers=headers)

    def route_hang(self, path, q):
        started = time.monotonic()
        gone = False
        while not self._stopping(started) and not gone:
            gone = self._client_gone(0.2)
        self.server.owner._slow_ended(path, "client" if gone else "server")
        self.close_connection = True

    def route_drip(self, path, q):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        started = time.monotonic()
        gone = False
        try:
            for _ in range(100000):
                self.wfile.write(b" ")
                self.wfile.flush()
                gone = self._client_gone(1.0)
                if gone or self._stopping(started):
                    break
        except OSError:  # the client closed while we wrote
            gone = True
        self.server.owner._slow_ended(path, "client" if gone else "server")
        self.close_connection = True

    def route_huge(self, path, q):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        with_length = q.get("length") == "1"
        if with_length:
            self.send_header("Content-Length", str(ONE_GB))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        block, started = b"<x>" + b"a" * (64 * 1024 - 7) + b"</x>", time.monotonic()
        for _ in range(ONE_GB // len(block)):
            if self._stopping(started):
                break
            self.wfile.write(block if with_length else b"%x\r\n%s\r\n" % (len(block), block))
        self.close_connection = True

    def route_bomb(self, path, q):
        self._send(200, GZIP_BOMB, headers={"Content-Encoding": "gzip"})

    def route_stacked(self, path, q):
        layers = int(q.get("layers", "3"))
        body = GZIP_BOMB if q.get("bomb") == "1" else gzip.compress(FEED)
        for _ in range(layers - 1):
            body = gzip.compress(body)
        self._send(200, body, headers={"Content-Encoding": ", ".join(["gzip"] * layers)})

    def route_status(self, path, q):
        code = int(path.strip("/").split("/")[1])
        headers = {"Retry-After": q["retry_after"]} if "retry_after" in q else {}
        self._send(code, b"<html><body>error</body></html>", "text/html", headers)

    def route_flaky(self, path, q):
        key, fails = q.get("key", "default"), int(q.get("fails", "1"))
        if self.server.owner._count("flaky:" + key) <= fails:
            headers = {"Retry-After": q["retry_after"]} if "retry_after" in q else {}
            self._send(int(q.get("code", "503")), b"busy", "text/plain", headers)
        else:
            self._send(200, FEED)

    def _redirect(self, location: str, code: int = 302) -> None:
        self._send(code, b"", None, {"Location": location})

    def route_loop(self, path, q):
        self._redirect("/loop2")

    def route_loop2(self, path, q):
        self._redirect("/loop")

    def route_hops(self, path, q):
        n = int(q.get("n", "10"))
        self._redirect(f"/hops?n={n - 1}") if n > 0 else self._send(200, FEED)

    def route_redirect(self, path, q):
        self._redirect(q.get("to", "/feed"), int(q.get("code", "302")))

    def route_conditional(self, path, q):
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if (inm and ETAG in inm) or (not inm and ims == LAST_MODIFIED):
            self._send(304, b"", None, {"ETag": ETAG, "Last-Modified": LAST_MODIFIED})
        else:
            self._send(200, FEED, headers={"ETag": ETAG, "Last-Modified": LAST_MODIFIED})

    def route_picky(self, path, q):
        if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
            self._send(500, b"<html>validator not understood</html>", "text/html")
        else:
            self._send(200, FEED, headers={"ETag": '"picky-1"'})

    def route_slow(self, path, q):
        if not self.server.owner.stop.wait(float(q.get("delay", "0.5"))):
            self._send(200, FEED)

    def route_html(self, path, q):
        self._send(200, b"<!doctype html><html><body><h1>Not a feed</h1></body></html>",
                   "text/html; charset=utf-8")

    def route_json(self, path, q):
        self._send(200, json.dumps({"items": []}).encode(), "application/json")

    def route_empty(self, path, q):
        self._send(200, b"")

    def route_xxe(self, path, q):
        self._send(200, XXE_FEED.format(base=self.server.owner.url("")).encode())

    def route_evil_dtd(self, path, q):
        self._send(200, b'<!ENTITY leak "LEAKED-VIA-DTD">', "application/xml-dtd")

    def route_laughs(self, path, q):
        self._send(200, LAUGHS_FEED)

    def route_good(self, path, q):
        self._send(200, good_feed(q.get("tag", "good")))

    def route_bigauthor(self, path, q):
        author = "a" * int(q.get("size", "20000")) + "@example.org"
        self._send(200, _rss(f"<item><title>t</title><link>http://127.0.0.1/ba</link>"
                             f"<author>{author}</author><description>d</description></item>"))

    def route_charset(self, path, q):
        kind = path.strip("/").split("/")[1]
        if kind == "wrong":  # declared utf-8, bytes are latin-1
            body = _rss("<item><title>Caf\u00e9 na\u00efve</title><link>http://127.0.0.1/cs/1</link>"
                        "<description>The minister criticized the deal.</description></item>"
                        ).replace("\u00e9".encode(), b"\xe9").replace("\u00ef".encode(), b"\xef")
        elif kind == "nul":
            body = _rss("<item><title>Nul\x00 title</title><link>http://127.0.0.1/cs/2</link>"
                        "<description>with\x00nul</description></item>")
        elif kind == "utf16-garbage":
            body = "\ufeff<?xml version='1.0' encoding='utf-16'?><rss ".encode("utf-16-le") + bytes(range(256)) * 8
        else:  # random bytes
            import random
            body = random.Random(1).randbytes(20_000)
        self._send(200, body)

    def route_entries(self, path, q):
        items = (
            "<item></item>"  # nothing at all: empty_entry
            "<item><description>Only a description, no title or link.</description></item>"
            "<item><title>Epoch zero</title><link>http://127.0.0.1/e/1</link>"
            "<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>"
            "<item><title>Far future</title><link>http://127.0.0.1/e/2</link>"
            "<pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>"
            "<item><title>Impossible</title><link>http://127.0.0.1/e/3</link>"
            "<pubDate>Mon, 45 Feb 2025 99:99:99 GMT</pubDate></item>"
            "<item><title>Twice</title><link>http://127.0.0.1/e/4</link><guid>dup</guid></item>"
            "<item><title>Twice</title><link>http://127.0.0.1/e/4</link><guid>dup</guid></item>"
        )
        self._send(200, _rss(items, "Entries"))

    def route_hostile(self, path, q):
        self._send(200, _rss(
            f'<item><title>&lt;script&gt;alert(0)&lt;/script&gt;EU sanctions</title>'
            f'<link>http://127.0.0.1/h/1</link><description>{HOSTILE_ITEM}</description></item>', "Hostile"))

    def route_long(self, path, q):
        chars = int(q.get("chars", "1100000"))
        filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "
        text = GOOD_SENTENCES[0] + " " + filler * (chars // len(filler) + 1)
        self._send(200, _rss(f"<item><title>Long article</title><link>http://127.0.0.1/long/1</link>"
                             f"<description>{text}</description></item>", "Long"))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: FaultServer

    def handle_error(self, request, client_address):  # a vanished client is not an error
        pass


class FaultServer:
    """Threaded fault-injecting HTTP server on 127.0.0.1 with a random port."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.requests: list[tuple[str, dict]] = []
        # (path, who ended it) for /hang and /drip: "client" when the client gave up, "server"
        # when the server stopped or MAX_SLOW_SECONDS passed (a client that waits it out)
        self.slow_endings: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._counters: dict[str, int] = {}
        self.active = 0
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.1}, daemon=True,
                                        name=f"fault-server:{self.port}")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for p, _ in self.requests if p == path)

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def close(self, wait: float = 5.0) -> None:
        """Stop serving, release slow handlers and wait (bounded) for them to finish."""
        self.stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(wait)
        deadline = time.monotonic() + wait
        while self.active and time.monotonic() < deadline:
            time.sleep(0.05)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # called from handler threads
    def _record(self, path: str, headers: dict) -> None:
        with self._lock:
            self.requests.append((path, headers))

    def _slow_ended(self, path: str, by: str) -> None:
        with self._lock:
            self.slow_endings.append((path, by))

    def _count(self, key: str) -> int:
        with self._lock:
            self._counters[key] = self._counters.get(key, 0) + 1
            return self._counters[key]

    def _active(self, delta: int) -> None:
        with self._lock:
            self.active += delta


if __name__ == "__main__":  # manual poking: python tests/fault_server.py
    with FaultServer() as srv:
        print("serving on", srv.url("/"), "- Ctrl-C to stop")
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
