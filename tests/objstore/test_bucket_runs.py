"""`eventwire run/query/compact/report --output s3://… | gs://…` against real emulators: the same
events as a local folder, re-runs that change nothing, incremental runs, compaction."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from runs_helpers import events, eventwire, run_ok

from transforms.store.storage import open_store

from .bucket_helpers import part_files, plain_events

pytestmark = pytest.mark.objstore


def test_a_run_to_a_bucket_equals_a_local_run_and_a_rerun_changes_nothing(bucket, feed_urls, local_reference):
    done = run_ok("--feeds", *feed_urls, "--output", bucket, "--run_id", "r1")
    assert f"-> {bucket}" in done.stdout
    assert events(bucket) == local_reference["both"]
    assert plain_events(bucket) == local_reference["both"]
    store = open_store(bucket)
    manifest = store.read_json("_runs/r1.json")
    assert manifest["events_written"] == local_reference["both"][0] > 0
    assert sorted(f"{c['partition']}/{n}" for c in manifest["changes"] for n in c["added"]) == part_files(bucket)
    assert store.read_json("_reports/r1.json")["committed"] is True
    assert store.exists("_state/articles.parquet") and store.read_json("_state/sources.json") is not None
    assert not store.list("_staging")
    assert json.loads(store.read_bytes("_lock"))["released"] is True

    files = part_files(bucket)
    again = run_ok("--feeds", *feed_urls, "--output", bucket, "--run_id", "r2")
    assert "events written:       0" in again.stdout
    assert events(bucket) == local_reference["both"]  # same event_id set, no duplicates
    assert part_files(bucket) == files


def test_an_incremental_run_adds_what_is_new(bucket, feed_urls, local_reference):
    run_ok("--feeds", feed_urls[0], "--output", bucket, "--run_id", "one")
    assert events(bucket) == local_reference["one"]
    done = run_ok("--feeds", *feed_urls, "--output", bucket, "--run_id", "two")
    assert "articles unchanged" in done.stdout
    assert events(bucket) == local_reference["both"]
    manifest = open_store(bucket).read_json("_runs/two.json")
    assert 0 < manifest["events_written"] < local_reference["both"][0]


def test_query_and_report_over_the_bucket(bucket, feed_urls, local_reference, tmp_path):
    run_ok("--feeds", feed_urls[0], "--output", bucket, "--run_id", "one")
    run_ok("--feeds", *feed_urls, "--output", bucket, "--run_id", "two")

    sql = "SELECT actor, count(*) AS n FROM events GROUP BY actor ORDER BY n DESC, actor"
    remote = eventwire("query", "--output", bucket, "--format", "csv", sql)
    assert remote.returncode == 0, remote.stderr[-2000:]
    local = local_reference["dir"]
    assert remote.stdout == eventwire("query", "--output", local, "--format", "csv", sql).stdout
    narrowed = eventwire("query", "--output", bucket, "--format", "csv", "--actor", "EU", "SELECT DISTINCT actor FROM events")
    assert narrowed.returncode == 0 and narrowed.stdout.split() == ["actor", "EU"], narrowed.stderr[-2000:]


    report = eventwire("report", "--output", bucket)
    assert report.returncode == 0, report.stderr[-2000:]
    url = report.stdout.strip()
    assert url.startswith(f"{bucket}/_reports/report-") and url.endswith(".html")
    page = open_store(bucket).read_bytes(url[len(bucket) + 1:]).decode()
    assert "<svg" in page
    html = tmp_path / "page.html"
    assert eventwire("report", "--output", bucket, "--html", html).returncode == 0 and "<svg" in html.read_text()


def test_a_missing_bucket_and_another_scheme_are_one_line_usage_errors(emulators, tmp_path):
    for url in ("s3://no-such-bucket-here/x", "gs://no-such-bucket-here/x"):
        done = eventwire("run", "--output", url)
        assert done.returncode == 2 and "cannot reach the bucket" in done.stderr, done.stderr[-2000:]
        assert len(done.stderr.strip().splitlines()) == 1
    query = eventwire("query", "--output", "s3://eventwire-test/nothing-here", "SELECT 1")
    assert query.returncode == 2 and "is not an eventwire dataset" in query.stderr


def test_compaction_merges_the_bucket_s_small_files_and_changes_no_answer(bucket):
    """Four commits appending to the same 12 partitions (the commit API, as the writer calls it)."""
    from conftest import make_event

    from transforms.store import dataset

    days, actors = [dt.date(2026, 11, 20), dt.date(2026, 11, 21), dt.date(2026, 11, 22)], ["RUS", "UKR", "NATO", "007"]
    for run in ("r1", "r2", "r3", "r4"):
        rows = [make_event(event_id=f"{run}-{i:030d}", article_id=f"{run}-article-{i % 5}", date=days[i % 3],
                           actor=actors[i % 4], run_id=run) for i in range(24)]
        groups: dict = {}
        for row in rows:
            groups.setdefault((row.date, row.actor), []).append(row)
        dataset.commit(bucket, run, [dataset.stage_partition(bucket, run, d, a, g) for (d, a), g in groups.items()])
    assert len(part_files(bucket)) == 48
    sql = "SELECT actor, date, count(*), sum(goldstein) FROM events GROUP BY ALL ORDER BY ALL"
    before = eventwire("query", "--output", bucket, "--format", "csv", sql)
    assert before.returncode == 0 and len(before.stdout.splitlines()) == 13, before.stderr[-2000:]

    compacted = eventwire("compact", "--output", bucket, "--target_size", "1")
    assert compacted.returncode == 0 and "48 files merged into 12" in compacted.stdout, compacted.stderr[-2000:]
    after = part_files(bucket)
    assert len(after) == 12 and all(name.rsplit("/", 1)[1].startswith("part-compact-") for name in after)
    assert eventwire("query", "--output", bucket, "--format", "csv", sql).stdout == before.stdout
    assert plain_events(bucket)[0] == 96
    assert not open_store(bucket).list("_staging")
