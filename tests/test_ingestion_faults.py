"""RELIABILITY.md cases 1-14 through the real pipeline, against the fault server on 127.0.0.1.

One run reads every faulty route plus good feeds (`run_pipeline` on FnApiRunner,
in this process, so a socket guard can prove that nothing leaves 127.0.0.0/8).
Each case asserts its classification (the dead-letter reason), the dead letter in
ROOT/_errors/<run_id>.jsonl naming the source URL, the per-reason counter in the
summary, and that the good feed of the same run reached the dataset. A second
run covers case 7 (304 after ETag/Last-Modified).
"""
from __future__ import annotations

import ipaddress
import json
import re
import socket
from pathlib import Path

import apache_beam as beam
import pyarrow.parquet as pq
import pytest
from fault_server import FaultServer

from pipeline.options import EventwireOptions
from pipeline.run import run_pipeline
from pipeline.summary import format_summary
from schemas.records import SourceValidators
from transforms.articles.entries import MAX_TEXT_CHARS
from transforms.store import source_state

FAST = ["--fetch_deadline", "4", "--fetch_timeout", "1.5", "--max_feed_bytes", "2000000",
        "--max_decoded_bytes", "5000000", "--run_date", "2025-06-01", "--runner", "FnApiRunner"]

# route -> (stage, reason): every one a failed source
FAILING = {
    "/hang": ("ReadFeeds", "timeout"),  # 1
    "/drip": ("ReadFeeds", "deadline"),  # 2
    "/huge": ("ReadFeeds", "too_large"),  # 3, chunked
    "/huge?length=1": ("ReadFeeds", "too_large"),  # 3, Content-Length
    "/bomb": ("ReadFeeds", "too_large"),  # 4
    "/stacked?layers=5": ("ReadFeeds", "too_large"),  # 4
    "/stacked?layers=2&bomb=1": ("ReadFeeds", "too_large"),  # 4
    "/status/500": ("ReadFeeds", "http_error"),  # 5
    "/status/503?retry_after=1": ("ReadFeeds", "http_error"),  # 5
    "/status/429?retry_after=1": ("ReadFeeds", "http_error"),  # 5
    "/status/404": ("ReadFeeds", "http_error"),  # 5: not retried
    "/loop": ("ReadFeeds", "redirect_error"),  # 6
    "/hops?n=10": ("ReadFeeds", "redirect_error"),  # 6
    "/redirect?to=file:///etc/passwd": ("ReadFeeds", "redirect_error"),  # 6
    "/redirect?to=http://10.0.0.1/feed": ("ReadFeeds", "blocked_address"),  # 6
    "/redirect?to=http://169.254.169.254/latest/meta-data": ("ReadFeeds", "blocked_address"),  # 6
    "/html": ("ParseArticles", "not_a_feed"),  # 8
    "/json": ("ParseArticles", "not_a_feed"),  # 8
    "/empty": ("ParseArticles", "not_a_feed"),  # 8
    "/bigauthor": ("ParseArticles", "field_too_large"),  # 10
    "/charset/utf16-garbage": ("ParseArticles", "not_a_feed"),  # 11
    "/charset/random": ("ParseArticles", "not_a_feed"),  # 11
}
# routes that must come through (some with entry-level dead letters)
SURVIVING = ["/good", "/flaky?key=k&fails=1&retry_after=1", "/conditional", "/xxe", "/laughs",
             "/charset/wrong", "/charset/nul", "/entries", "/hostile", "/long"]
MARKUP = re.compile(r"<\s*/?[A-Za-z!?]|javascript:|onerror|onclick|SCRIPTBODY|IFRAMEBODY|xlink:href")


# ----------------------------------------------------------------------------- helpers

def _loopback(address) -> bool:
    if not isinstance(address, tuple):
        return True
    try:
        return ipaddress.ip_address(address[0].split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(scope="module")
def loopback_only():
    """Any connect() outside 127.0.0.0/8 fails loudly and is recorded."""
    attempts: list = []
    real = socket.socket.connect, socket.socket.connect_ex

    def guard(original):
        def connect(self, address):
            if not _loopback(address):
                attempts.append(address)
                raise AssertionError(f"test tried to connect to {address}")
            return original(self, address)
        return connect

    mp = pytest.MonkeyPatch()
    mp.setattr(socket.socket, "connect", guard(real[0]))
    mp.setattr(socket.socket, "connect_ex", guard(real[1]))
    yield attempts
    mp.undo()


def _write_articles(articles, path):
    Path(path).write_text(json.dumps([a._asdict() for a in articles], default=str), encoding="utf-8")


def run_in_process(output: Path, feeds: list[str], run_id: str, *extra: str, fail_ok: bool = False):
    """run_pipeline on FnApiRunner in this process; returns (counters, summary, letters, articles)."""
    options = EventwireOptions(["--feeds", *feeds, "--output", str(output), "--run_id", run_id, *FAST, *extra])
    captured = output.parent / f"{output.name}-{run_id}-articles.json"

    def capture(collections):
        (collections["articles"] | "CaptureArticles" >> beam.combiners.ToList()
         | "WriteCapture" >> beam.Map(_write_articles, str(captured)))

    report = run_pipeline(options, attach=capture)
    counters = report.counters
    errors = output / "_errors" / f"{run_id}.jsonl"
    letters = [json.loads(line) for line in errors.read_text().splitlines()] if errors.exists() else []
    articles = json.loads(captured.read_text()) if captured.exists() else []
    return counters, format_summary(run_id, str(output), counters, 0.0), letters, articles


def dataset_rows(output: Path) -> list[dict]:
    rows = []
    for path in sorted(output.glob("date=*/actor=*/*.parquet")):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


def string_values(row: dict):
    return [v for v in row.values() if isinstance(v, str)]


# ------------------------------------------------------------------------------- runs

@pytest.fixture(scope="module")
def server():
    with FaultServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def fault_run(server, loopback_only, tmp_path_factory):
    output = tmp_path_factory.mktemp("faults") / "out"
    feeds = [server.url(route) for route in [*FAILING, *SURVIVING]]
    counters, summary, letters, articles = run_in_process(output, feeds, "faults")
    return {"output": output, "counters": counters, "summary": summary, "letters": letters,
            "articles": articles}


def _letter(run, url):
    found = [l for l in run["letters"] if l["input_id"] == url]
    assert found, f"no dead letter names {url}: {[l['input_id'] for l in run['letters']]}"
    return found


@pytest.mark.parametrize("route", list(FAILING))
def test_each_fault_is_classified_dead_lettered_and_counted(fault_run, server, route):
    stage, reason = FAILING[route]
    letters = _letter(fault_run, server.url(route))
    assert [(l["stage"], l["reason"]) for l in letters] == [(stage, reason)], letters
    assert letters[0]["run_id"] == "faults" and letters[0]["message"]
    assert fault_run["counters"].get(f"dead_letter.{stage}.{reason}", 0) >= 1
    assert f"{stage}/{reason}: " in fault_run["summary"]


def test_the_run_gave_up_on_slow_sources_and_counted_them(fault_run, server):
    """The client, not the server's cap, ended every hanging and dripping connection: the
    run never waits a hostile server out (how long the run takes depends on the machine)."""
    counters = fault_run["counters"]
    ended = [(path, by) for path, by in server.slow_endings if path in ("/hang", "/drip")]
    assert {path for path, _ in ended} == {"/hang", "/drip"}, ended
    assert all(by == "client" for _, by in ended), ended
    assert counters["sources_failed"] == len(FAILING)
    assert counters["sources_ok"] == len(SURVIVING)
    assert counters["dead_letter.ReadFeeds.too_large"] == 5
    assert counters["dead_letter.ParseArticles.not_a_feed"] == 5
    assert f"sources failed:       {len(FAILING)}" in fault_run["summary"]


def test_no_traffic_left_loopback(fault_run, loopback_only):
    assert loopback_only == []


def test_good_feed_in_the_same_run_was_written(fault_run):
    rows = dataset_rows(fault_run["output"])
    good = {r["url"] for r in rows if "/good/" in (r["url"] or "")}
    assert len(good) >= 2, sorted({r["url"] for r in rows})
    assert all(r["run_id"] == "faults" for r in rows)


def test_retries_are_bounded_and_4xx_not_retried(fault_run, server):
    assert server.hits("/status/503") == 3 and server.hits("/status/429") == 3  # 1 + 2 retries
    assert server.hits("/status/404") == 1
    # a transient 503 with Retry-After, then the feed: retried once and read
    assert server.hits("/flaky") == 2
    assert not any("flaky" in l["input_id"] for l in fault_run["letters"])


def test_case9_xxe_and_laughs_leak_nothing(fault_run, server):
    assert server.hits("/evil.dtd") == 0  # no outbound DTD fetch
    values = [v for r in dataset_rows(fault_run["output"]) for v in string_values(r)]
    values += [v for a in fault_run["articles"] for v in string_values(a)]
    leaks = [v for v in values if "root:" in v or "LEAKED" in v or "/bin/" in v or "lollollol" in v]
    assert leaks == []


def test_case11_survivable_encodings_are_kept(fault_run, server):
    feeds = {a["feed_url"] for a in fault_run["articles"]}
    assert server.url("/charset/wrong") in feeds and server.url("/charset/nul") in feeds
    assert not any("\x00" in v for a in fault_run["articles"] for v in string_values(a))


def test_case12_entry_faults_handled_entry_by_entry(fault_run, server):
    url = server.url("/entries")
    entry_letters = [l for l in fault_run["letters"] if l["input_id"].startswith(url + "#entry-")]
    assert [l["reason"] for l in entry_letters] == ["empty_entry"]
    kept = [a for a in fault_run["articles"] if a["feed_url"] == url]
    assert len(kept) == 5  # 7 entries: one empty, one duplicate collapsed
    dated = {a["title"]: (a["published"], a["date_basis"]) for a in kept}
    for title in ("Epoch zero", "Far future", "Impossible"):
        assert dated[title] == (None, "run"), dated
    assert fault_run["counters"]["parse.future_date"] >= 1 and fault_run["counters"]["parse.invalid_date"] >= 1


def test_case13_no_markup_in_any_stored_column(fault_run):
    rows = dataset_rows(fault_run["output"])
    hostile = [r for r in rows if (r["url"] or "").endswith("/h/1")]
    assert hostile, "the hostile item's event sentence was not extracted"
    bad = [(k, v) for r in rows for k, v in r.items() if isinstance(v, str) and k not in ("url", "feed_url")
           and MARKUP.search(v)]
    assert bad == []
    article = next(a for a in fault_run["articles"] if (a["url"] or "").endswith("/h/1"))
    assert not MARKUP.search(article["title"] + article["text"]), article


def test_case14_long_article_truncated_by_policy_and_run_goes_on(fault_run):
    article = next(a for a in fault_run["articles"] if (a["url"] or "").endswith("/long/1"))
    assert 0.8 * MAX_TEXT_CHARS < len(article["text"]) <= MAX_TEXT_CHARS
    assert article["text"].endswith(".")  # cut at a sentence boundary
    assert fault_run["counters"]["parse.text_truncated"] == 1
    assert any((r["url"] or "").endswith("/long/1") for r in dataset_rows(fault_run["output"]))


def test_case7_second_run_is_not_modified(fault_run, server, loopback_only):
    output = fault_run["output"]
    stored = source_state.load_state(str(output))
    url = server.url("/conditional")
    assert stored[url]["etag"] == '"v1"'
    # validators of failed sources are never stored
    assert not any(server.url(route) in stored for route in FAILING)
    before = len(dataset_rows(output))
    counters, summary, letters, articles = run_in_process(output, [url], "second")
    assert counters.get("sources_not_modified") == 1 and "sources not modified: 1" in summary
    assert letters == [] and articles == []
    assert counters.get("sources_failed", 0) == 0 and counters.get("articles_new", 0) == 0
    assert len(dataset_rows(output)) == before
    sent = [headers for path, headers in server.requests if path == "/conditional"][-1]
    assert sent.get("If-None-Match") == '"v1"'


def test_a_source_failing_twice_with_its_validators_is_fetched_without_them(server, loopback_only, tmp_path):
    """Issue 13, case 4: a server that fails whenever a validator is sent must not lose the feed for good."""
    output, url = tmp_path / "out", server.url("/picky")
    for run, expect_failed, with_validators in (("one", 0, False), ("two", 1, True), ("three", 1, True),
                                                ("four", 0, False)):
        before = len(server.requests)
        counters = run_in_process(output, [url], run, fail_ok=True)[0]
        assert counters.get("sources_failed", 0) == expect_failed, (run, counters)
        sent = {bool(headers.get("If-None-Match")) for path, headers in server.requests[before:] if path == "/picky"}
        assert sent == {with_validators}, run
    assert source_state.load_state(str(output))[url] == {"etag": '"picky-1"', "feed_url": url, "run_id": "four"}


def test_validators_are_not_saved_when_the_commit_fails(server, loopback_only, tmp_path, monkeypatch):
    """A feed must never be 'not modified' while its articles were never committed."""
    from transforms.store import dataset

    def broken_commit(*args, **kwargs):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(dataset, "commit", broken_commit)
    output = tmp_path / "out"
    with pytest.raises(Exception, match="disk full"):
        run_in_process(output, [server.url("/conditional"), server.url("/good")], "broken")
    assert source_state.load_state(str(output)) == {}
    assert not source_state.state_path(str(output)).exists()


def test_state_file_round_trip_and_corruption(tmp_path):
    V = SourceValidators
    assert source_state.load_state(str(tmp_path)) == {}
    source_state.save_state(str(tmp_path), [V("http://a/f", "http://a/f", '"e1"', None),
                                            V("http://b/f", "http://b/g", None, "Wed, 01 Jan 2025 00:00:00 GMT")], "r1")
    source_state.save_state(str(tmp_path), [V("http://a/f", "http://a/f", '"e2"', None)], "r2")
    state = source_state.load_state(str(tmp_path))
    assert state["http://a/f"]["etag"] == '"e2"' and state["http://a/f"]["run_id"] == "r2"
    assert state["http://b/f"] == {"last_modified": "Wed, 01 Jan 2025 00:00:00 GMT", "feed_url": "http://b/g",
                                   "run_id": "r1"}
    assert not list(source_state.state_path(str(tmp_path)).parent.glob("*.tmp"))
    source_state.state_path(str(tmp_path)).write_text("{not json")
    assert source_state.load_state(str(tmp_path)) == {}  # a corrupt state costs bandwidth, not data
