"""Re-runs: idempotent, incremental, the same under several workers and bundle replay; the lock."""
from __future__ import annotations

import json
import time

import pytest
from runs_helpers import FEEDS, copy_feeds, events, eventwire, kill9, live_files, run_ok, start_paused


def test_a_rerun_skips_unchanged_articles_and_changes_nothing(reference, tmp_path):
    output = tmp_path / "out"
    run_ok("--feeds", FEEDS, "--output", output, "--run_id", "r1")
    files = live_files(output)
    again = run_ok("--feeds", FEEDS, "--output", output, "--run_id", "r2")
    assert "articles unchanged:   19" in again.stdout and "events written:       0" in again.stdout
    manifest = json.loads((output / "_runs" / "r2.json").read_text())
    report = json.loads((output / "_reports" / "r2.json").read_text())
    assert report["counters"].get("articles_parsed", 0) == 0  # nothing reached the NLP stage
    assert manifest["files_added"] == [] and manifest["files_removed"] == []
    assert live_files(output) == files
    assert events(output) == reference[1]


def test_reprocess_replaces_every_file_once(reference, tmp_path):
    output = tmp_path / "out"
    run_ok("--feeds", FEEDS, "--output", output, "--run_id", "r1")
    done = run_ok("--feeds", FEEDS, "--output", output, "--run_id", "r2", "--reprocess")
    assert "articles reprocessed: 19" in done.stdout
    assert events(output) == reference[1]
    assert all(name.endswith("/part-r2.parquet") for name in live_files(output))  # no stale files


@pytest.mark.parametrize(
    "beam_args",
    [
        ("--direct_num_workers=2", "--direct_running_mode=multi_processing"),
        ("--direct_runner_bundle_repeat=2",),  # honoured by FnApiRunner (the default runner)
    ],
    ids=["two-processes", "bundle-replay"],
)
def test_workers_and_replay_give_the_same_dataset(reference, tmp_path, beam_args):
    output = tmp_path / "out"
    done = run_ok("--feeds", FEEDS, "--output", output, "--run_id", "r1", *beam_args)
    assert events(output) == reference[1]
    assert len(live_files(output)) == len({f.rsplit("/", 1)[0] for f in live_files(output)})  # one file per partition
    manifest = json.loads((output / "_runs" / "r1.json").read_text())
    assert manifest["events_written"] == reference[1][0]
    assert f"events written:       {reference[1][0]}" in done.stdout
    assert not (output / "_staging").exists()


def _rewrite_first_item(feeds):
    path = feeds / "world-news.rss"
    text = path.read_text(encoding="utf-8")
    old = text[text.index("<item>"):text.index("</item>")]
    new = (
        old.replace("EU imposes new sanctions on Belarus", "Japan criticizes China over coast guard patrols")
        .replace("Fri, 20 Nov 2026 09:15:00 GMT", "Mon, 23 Nov 2026 09:15:00 GMT")
    )
    start = new.index("<description>") + len("<description>")
    end = new.index("</description>")
    new = new[:start] + "Japan criticized China on Monday over coast guard patrols near the Senkaku Islands." + new[end:]
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_article_replaces_its_old_events_everywhere(tmp_path):
    feeds = copy_feeds(tmp_path)
    output = tmp_path / "out"
    run_ok("--feeds", feeds, "--output", output, "--run_id", "r1")
    from pipeline.query import run_query

    article = run_query(str(output), "SELECT DISTINCT article_id FROM events WHERE actor = 'EU' AND date = '2026-11-20'")[1]
    assert len(article) == 1
    _rewrite_first_item(feeds)
    done = run_ok("--feeds", feeds, "--output", output, "--run_id", "r2")
    assert "articles changed:     1" in done.stdout and "articles unchanged:   18" in done.stdout
    rows = run_query(str(output), "SELECT DISTINCT actor, date, run_id FROM events WHERE article_id = ?", [article[0][0]])[1]
    assert rows and all(run == "r2" for _, _, run in rows), rows  # the old events are gone, also from date=2026-11-20
    assert ("EU", "2026-11-20") not in {(a, str(d)) for a, d, _ in rows}
    clean = tmp_path / "clean"
    run_ok("--feeds", feeds, "--output", clean, "--run_id", "c")
    assert events(output) == events(clean)


def test_lock_contention_and_takeover_after_kill(reference, tmp_path):
    output = tmp_path / "out"
    holder = start_paused(tmp_path, "extract", "--feeds", FEEDS, "--output", output, "--run_id", "holder")
    try:
        started = time.monotonic()
        second = eventwire("run", "--feeds", FEEDS, "--output", output, "--run_id", "second")
        assert second.returncode == 2
        assert "already running" in second.stderr and "holder" in second.stderr
        assert time.monotonic() - started < 30
        assert not (output / "_runs" / "second.json").exists()
    finally:
        kill9(holder)
    third = run_ok("--feeds", FEEDS, "--output", output, "--run_id", "third")
    assert "run holder was killed; taking over its lock" in third.stderr
    assert events(output) == reference[1]
    manifest = json.loads((output / "_runs" / "third.json").read_text())
    assert manifest["lock_taken_over_from"]["run_id"] == "holder"


def test_the_lock_in_process(tmp_path):
    from pipeline.lock import AlreadyRunning, RunLock

    first = RunLock(str(tmp_path), "one").acquire()
    with pytest.raises(AlreadyRunning, match="already running: run one"):
        RunLock(str(tmp_path), "two").acquire()
    first.release()
    with RunLock(str(tmp_path), "three") as third:
        assert third.took_over is None  # "one" released it properly
    # a record not marked released is what a killed holder leaves
    (tmp_path / "_lock").write_text(json.dumps({"run_id": "dead", "pid": 1, "host": "h"}))
    with RunLock(str(tmp_path), "four") as fourth:
        assert fourth.took_over["run_id"] == "dead"
