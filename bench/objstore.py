"""Benchmark: the same `eventwire run` to a local folder, the GCS emulator and the S3 emulator.

    .venv/bin/python bench/objstore.py                      # 3,000 items (needs `make install-objstore`)
    .venv/bin/python bench/objstore.py --size 3000 --results bench/RESULTS.md

It writes N news items as RSS files (bench/run.py: the real corpus when ../shared is there,
else the generator), starts both emulators on 127.0.0.1 (tests/objstore/emulators.py) behind a
small counting proxy, and runs as separate processes, for each target: a first run, a re-run
of the same feeds (nothing new: the cost of the protocol alone), a query narrowed to one
actor's month (`--actor A --since --until`, partition pruning) and the same count over the
whole dataset. It prints wall times, their ratio to the local folder, and the number of HTTP
requests each step sent to the store, by what they do (list, read, metadata, write, copy,
delete). Emulators answer in well under a millisecond,
so the wall times show eventwire's own overhead; multiply the request counts by a cloud's
latency (tens of milliseconds per request) for what a real bucket adds. Not a test: timings on
a shared machine are only comparable as ratios measured in the same run.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests" / "objstore")]

_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


def request_kind(method: str, path: str, headers) -> str:
    """What a request to either store does: list, read (an object's bytes), metadata (GCS object
    metadata or an S3 HEAD), write, copy or delete."""
    if method == "GET" and ("list-type=" in path or path.split("?")[0].endswith("/o")):
        return "list"
    if method == "DELETE":
        return "delete"
    if "x-amz-copy-source" in headers or "/copyTo/" in path or "/rewriteTo/" in path:
        return "copy"
    if method in ("PUT", "POST", "PATCH"):
        return "write"
    if method == "HEAD" or (path.startswith("/storage/v1/") and "alt=media" not in path):
        return "metadata"
    return "read"


class CountingProxy:
    """Forwards every request to an emulator on 127.0.0.1 and counts them by what they do."""

    def __init__(self, port: int, upstream: int):
        counts: collections.Counter = collections.Counter()
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _body(self) -> bytes:
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    data = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                        if not size:
                            self.rfile.readline()
                            return data
                        data += self.rfile.read(size)
                        self.rfile.readline()
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def _forward(self):
                with lock:
                    counts[request_kind(self.command, self.path, self.headers)] += 1
                body = self._body()
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
                headers["Content-Length"] = str(len(body))
                conn = http.client.HTTPConnection("127.0.0.1", upstream, timeout=60)
                conn.request(self.command, self.path, body=body if body or self.command in ("PUT", "POST") else None,
                             headers=headers)
                response = conn.getresponse()
                data = response.read()
                self.send_response(response.status, response.reason)
                for key, value in response.getheaders():
                    if key.lower() not in _HOP and key.lower() != "content-length":
                        self.send_header(key, value)
                # A HEAD's Content-Length is the object's size, not that of the (empty) body.
                length = response.getheader("Content-Length") if self.command == "HEAD" else None
                self.send_header("Content-Length", length or str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
                conn.close()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = do_PATCH = _forward

        self.counts = counts
        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def take(self) -> dict[str, int]:
        """The counts since the last call."""
        snapshot = dict(self.counts)
        self.counts.clear()
        return snapshot

    def close(self):
        self._server.shutdown()


def timed(cmd: list[str], env: dict) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[2:5])} failed: {done.stderr[-2000:]}")
    return time.perf_counter() - started, done.stdout


def _requests(counts: dict[str, int]) -> str:
    return f"{sum(counts.values())} ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})" if counts else "0"


def main(argv=None) -> int:
    from emulators import client_environment, free_port, start, stop
    from run import CORPUS, append_results, build_corpus, corpus_items, generated_items, machine

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--generate", action="store_true", help="use the generator even if the corpus is there")
    parser.add_argument("--results", default=None, help="append the markdown table to this file")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="eventwire-objstore-bench-"))
    proxies, procs = [], []
    try:
        real = CORPUS.exists() and not args.generate
        stats = build_corpus(args.size, work, corpus_items(CORPUS) if real else generated_items())
        s3_proxy, gcs_proxy = free_port(), free_port()
        ports, procs = start(work, gcs_external_port=gcs_proxy)
        proxies = {"s3": CountingProxy(s3_proxy, ports["s3"]), "gs": CountingProxy(gcs_proxy, ports["gs"])}
        env = dict(os.environ, PYTHONPATH=str(ROOT), **client_environment(s3_proxy, gcs_proxy))
        eventwire = [sys.executable, "-m", "pipeline"]
        targets = {"local": str(work / "out"), "gs": "gs://eventwire-test/bench", "s3": "s3://eventwire-test/bench"}
        print(machine())
        print(f"N={stats['items']:,} items ({'rumca_rss_2023' if real else 'generated'})")
        rows = {}
        for name, output in targets.items():
            proxy = proxies.get(name)
            row = {}
            for step, cmd in (
                ("run", [*eventwire, "run", "--feeds", str(work / "feeds"), "--output", output, "--run_id", "first"]),
                ("re-run", [*eventwire, "run", "--feeds", str(work / "feeds"), "--output", output, "--run_id", "again"]),
            ):
                if proxy:
                    proxy.take()
                row[step] = (*timed(cmd, env), proxy.take() if proxy else {})
                print(f"  {name:5s} {step:8s} {row[step][0]:7.1f}s  requests {_requests(row[step][2])}", flush=True)
            _, top = timed([*eventwire, "query", "--output", output, "--format", "csv",
                            "SELECT actor, strftime(date, '%Y-%m') AS month, count(*) AS n FROM events "
                            "GROUP BY ALL ORDER BY n DESC, actor, month LIMIT 1"], env)
            actor, month, _ = top.splitlines()[1].split(",")
            first = dt.date.fromisoformat(month + "-01")
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            for step, narrow in (("query, one actor's month", ["--actor", actor, "--since", str(first), "--until", str(last)]),
                                 ("query, whole dataset", [])):
                if proxy:
                    proxy.take()
                row[step] = (*timed([*eventwire, "query", "--output", output, *narrow, "--format", "csv",
                                     "SELECT count(*) FROM events"], env), proxy.take() if proxy else {})
                print(f"  {name:5s} {step:26s} {row[step][0]:6.2f}s  requests {_requests(row[step][2])}", flush=True)
            rows[name] = row
        table = format_table(rows)
        print("\n" + table)
        if args.results:
            append_results(args.results, "bench/objstore.py", argv, f"N={stats['items']:,}", table)
    finally:
        for proxy in (proxies.values() if isinstance(proxies, dict) else proxies):
            proxy.close()
        stop(procs)
        shutil.rmtree(work, ignore_errors=True)
    return 0


def format_table(rows: dict) -> str:
    steps = list(rows["local"])
    lines = ["| step | target | wall s | ratio to local | requests to the store |", "|---|---|---|---|---|"]
    for step in steps:
        for name, row in rows.items():
            wall, _, counts = row[step]
            ratio = wall / rows["local"][step][0]
            lines.append(f"| {step} | {name} | {wall:.2f} | {ratio:.2f} | {_requests(counts) if name != 'local' else '-'} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
