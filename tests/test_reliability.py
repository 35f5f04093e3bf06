"""Issue 13: failures found by adversarial testing, each reproduced with real runs and real files.

Each test failed on the code before its fix (the figures are in the issue's closing note):
an operator deleting `_lock` under a live run, a run id reused after its manifest was
deleted, a query racing a commit, damaged state and part files, stray partition folders.
"""
from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq
import pytest
from conftest import ROOT, tool_module
from runs_helpers import (
    FEEDS,
    events,
    eventwire,
    kill9,
    live_files,
    resume,
    run_ok,
    start_paused,
)

from pipeline.query import run_query


def copy_of(base, tmp_path):
    output = tmp_path / "out"
    shutil.copytree(base[0], output)
    return output


# ---------------------------------------------------------------- 1: deleting _lock under a live run

def test_a_second_run_through_a_deleted_lock_refuses_while_the_first_is_alive(tmp_path, base, reference):
    output = copy_of(base, tmp_path)
    first = start_paused(tmp_path, "stage", "--feeds", FEEDS, "--output", output, "--run_id", "first")
    (output / "_lock").unlink()
    second = eventwire("run", "--feeds", FEEDS, "--output", output, "--run_id", "second")
    assert second.returncode == 2, second.stderr
    assert "run first is still running" in second.stderr
    assert not (output / "_runs" / "second.json").exists()
    code, _, err = resume(tmp_path, "stage", first)
    # The first run's lock file is gone: it refuses to commit rather than racing anyone.
    assert code != 0 and "was deleted or replaced" in err
    assert events(output) == base[1]
    assert not (output / "_staging").exists()  # a failed run takes its staged files with it
    run_ok("--feeds", FEEDS, "--output", output, "--run_id", "after")
    assert events(output) == reference[1]


def test_recover_never_rolls_back_a_live_run_and_the_run_does_not_commit_without_its_lock(tmp_path, base, reference):
    """The operator's "stale lock" clean-up (`rm _lock; eventwire recover`) while a run waits at its commit."""
    output = copy_of(base, tmp_path)
    first = start_paused(tmp_path, "precommit", "--feeds", FEEDS, "--output", output, "--run_id", "first")
    (output / "_lock").unlink()
    recovered = eventwire("recover", "--output", output)
    assert recovered.returncode == 2 and "run first is still running" in recovered.stderr, recovered.stdout
    assert (output / "_staging" / "first").is_dir()  # left alone
    code, _, err = resume(tmp_path, "precommit", first)
    assert code != 0 and "was deleted or replaced" in err
    assert not (output / "_runs" / "first.json").exists()
    assert events(output) == base[1]  # unchanged: no manifest naming files that are gone
    run_ok("--feeds", FEEDS, "--output", output, "--run_id", "after")
    assert events(output) == reference[1]


def test_recover_rolls_back_a_dead_runs_claim(tmp_path, base, reference):
    output = copy_of(base, tmp_path)
    kill9(start_paused(tmp_path, "stage", "--feeds", FEEDS, "--output", output, "--run_id", "dead"))
    (output / "_lock").unlink()
    done = eventwire("recover", "--output", output)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("run dead: rolled back: ") and "staged files deleted" in done.stdout
    assert not (output / "_staging").exists()


# ---------------------------------------------------------------- 2: a run id reused

def test_a_reused_run_id_never_overwrites_a_committed_file(tmp_path):
    """Two runs named nightly-1 (the first one's manifest deleted in between) write the same
    partitions: a second feed carries the same stories under other links and ids."""
    text = (FEEDS / "world-news.rss").read_text(encoding="utf-8")
    second = tmp_path / "wire.rss"
    second.write_text(text.replace("news.example.org/world/2026", "wire.example.net/2026")
                      .replace("example-world-", "wire-"), encoding="utf-8")
    output, clean = tmp_path / "out", tmp_path / "clean"
    run_ok("--feeds", FEEDS / "world-news.rss", "--output", output, "--run_id", "nightly-1")
    first = {f: (output / f).read_bytes() for f in live_files(output)}
    (output / "_runs" / "nightly-1.json").unlink()  # a retention job
    run_ok("--feeds", second, "--output", output, "--run_id", "nightly-1")
    assert all((output / f).read_bytes() == data for f, data in first.items())  # every file kept, unchanged
    assert any(f.endswith("part-nightly-1-r2.parquet") for f in live_files(output))  # the new one got a new name
    run_ok("--feeds", FEEDS / "world-news.rss", second, "--output", clean, "--run_id", "clean")
    assert events(output) == events(clean)


def test_a_run_id_with_a_garbled_manifest_is_refused(tmp_path, base):
    output = copy_of(base, tmp_path)
    (output / "_runs" / "base.json").write_text("{garbled")
    done = eventwire("run", "--feeds", FEEDS, "--output", output, "--run_id", "base")
    assert done.returncode == 2 and "already committed" in done.stderr


# ---------------------------------------------------------------- 3: a query while a commit renames files

def test_queries_during_commits_always_see_every_committed_row():
    """A writer commits run after run, each rewriting every partition with the same rows, while
    a reader counts 150 times: every count is the full count (before the fix a staged path chosen
    while listing was dropped once the writer had renamed it, and a moved file failed the query).
    The race is tools/reliability_figures.py's, which also runs it on older checkouts."""
    figures = tool_module("reliability_figures")
    assert figures.query_race(ROOT) == (0, 0)  # (wrong counts, failed queries)


# ---------------------------------------------------------------- 5: damaged state and part files

def _truncate(path, keep=0.5):
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


@pytest.mark.parametrize("damage", ["truncated", "empty", "wrong schema"])
def test_a_damaged_state_file_is_set_aside_and_rebuilt(tmp_path, base, reference, damage):
    output = copy_of(base, tmp_path)
    state = output / "_state" / "articles.parquet"
    if damage == "truncated":
        _truncate(state)
    elif damage == "empty":
        state.write_bytes(b"")
    else:
        import pyarrow as pa

        pq.write_table(pa.table({"article_id": [1, 2], "something": ["a", "b"]}), state)
    done = eventwire("run", "--feeds", FEEDS, "--output", output, "--run_id", "next")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if "_state/articles.parquet is damaged" in line]
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert (output / "_quarantine" / "next" / "_state" / "articles.parquet").exists()
    assert events(output) == reference[1]
    again = run_ok("--feeds", FEEDS, "--output", output, "--run_id", "again")
    assert "events written:       0" in again.stdout  # the rebuilt state is a working state


def test_recover_check_sets_a_truncated_part_file_aside_and_the_next_run_restores_its_rows(tmp_path, base, reference):
    output = copy_of(base, tmp_path)
    victim = output / live_files(output)[0]
    _truncate(victim)
    assert eventwire("query", "--output", output, "SELECT count(*) FROM events").returncode != 0  # broken before
    checked = eventwire("recover", "--output", output, "--check")
    assert checked.returncode == 1, checked.stderr
    assert f"damaged: {live_files(base[0])[0]}" in checked.stdout
    assert list((output / "_quarantine").rglob(victim.name))
    assert eventwire("query", "--output", output, "SELECT count(*) FROM events").returncode == 0
    run_ok("--feeds", FEEDS, "--output", output, "--run_id", "next")
    assert events(output) == reference[1]  # its articles were processed again
    clean = eventwire("recover", "--output", output, "--check")
    assert clean.returncode == 0 and " 0 damaged" in clean.stdout


def test_a_run_touching_a_damaged_part_file_sets_it_aside_and_goes_on(tmp_path, base, reference):
    output = copy_of(base, tmp_path)
    victim = output / live_files(output)[0]
    _truncate(victim)
    run_ok("--feeds", FEEDS, "--output", output, "--run_id", "next", "--reprocess")
    manifest = json.loads((output / "_runs" / "next.json").read_text())
    assert manifest["files_quarantined"] == [live_files(base[0])[0]]
    assert events(output) == reference[1]


# ---------------------------------------------------------------- also: stray partition folders

def test_stray_partition_folders_are_ignored_with_a_warning(tmp_path, base, caplog):
    output = copy_of(base, tmp_path)
    first = output / live_files(output)[0]
    date_folder, actor_folder = first.parent.parent, first.parent
    shutil.copytree(date_folder, date_folder.with_name(date_folder.name + ".bak"))
    shutil.copytree(actor_folder, actor_folder.with_name(actor_folder.name.lower() + "x"))
    with caplog.at_level("WARNING"):
        assert events(output) == base[1]
    assert ".bak" in caplog.text and "not a partition folder" in caplog.text


# ---------------------------------------------------------------- 6: one link in two feeds

_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://127.0.0.1/</link>
<item><title>{headline}</title><link>{link}</link>
<pubDate>Fri, 20 Nov 2026 09:15:00 GMT</pubDate><description>{text}</description></item>
</channel></rss>
"""


def test_one_link_in_two_feeds_gives_the_same_rows_in_any_run_order(tmp_path):
    """The publisher's own feed (served from the link's host) and another feed carrying the
    same link, with a tracking parameter and other text: A then B, B then A and A+B agree,
    and the rows keep the publisher's text and feed."""
    from static_server import StaticServer

    site = tmp_path / "site"
    site.mkdir()
    with StaticServer(site) as server:
        link = server.url("world/2026/11/20/eu-sanctions-belarus")
        (site / "own.rss").write_text(_FEED.format(
            title="Publisher", headline="EU imposes new sanctions on Belarus", link=link,
            text="The European Union imposed new sanctions on Belarus on Friday."), encoding="utf-8")
        other = tmp_path / "other.rss"  # a local file: sorts before any http:// feed URL
        other.write_text(_FEED.format(
            title="Aggregator", headline="Russia accuses Poland of provocation", link=link + "?utm_source=x",
            text="Russia accused Poland of a provocation at the border on Friday."), encoding="utf-8")
        own = server.url("own.rss")
        allow = ("--allow_private_addresses", "127.0.0.0/8")

        def rows(output):
            return sorted(run_query(str(output), "SELECT event_id, actor, target, event_code, feed_url FROM events")[1])

        results = {}
        for name, order in {"own_then_other": [[own], [other]], "other_then_own": [[other], [own]],
                            "together": [[own, other]]}.items():
            output = tmp_path / name
            for index, feeds in enumerate(order):
                run_ok("--feeds", *feeds, "--output", output, "--run_id", f"r{index}", *allow)
            results[name] = rows(output)
    assert results["together"], "the publisher's story gives an event"
    assert results["own_then_other"] == results["other_then_own"] == results["together"]
    assert {row[1] for row in results["together"]} == {"EU"} and {row[4] for row in results["together"]} == {own}


# ---------------------------------------------------------------- also: a full or read-only disk

@pytest.fixture
def small_disk(tmp_path):
    """A real 4 MiB tmpfs (needs root, as in CI): a disk that can fill up."""
    import os
    import subprocess

    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder):
    """Fill the disk to the last byte (unbuffered writes, smaller and smaller)."""
    with open(folder / "filler", "wb", buffering=0) as handle:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError:
                pass


def test_a_full_disk_fails_the_run_in_one_line_and_takes_its_staged_files(small_disk, base):
    output = small_disk / "out"
    shutil.copytree(base[0], output)
    _fill(small_disk)
    done = eventwire("run", "--feeds", FEEDS, "--output", output, "--run_id", "full", "--reprocess")
    assert done.returncode == 2, done.stderr[-2000:]
    assert done.stderr.strip().splitlines() == [
        f"eventwire: cannot write the dataset at {output}: No space left on device (the dataset is unchanged)"]
    assert not (output / "_staging").exists() and not (output / "_runs" / "full.json").exists()
    (small_disk / "filler").unlink()
    assert events(output) == base[1]


def test_a_disk_filling_after_the_commit_point_still_reports_the_committed_run(small_disk, base, reference):
    output = small_disk / "out"
    shutil.copytree(base[0], output)
    tmp = small_disk.parent
    proc = start_paused(tmp, "report", "--feeds", FEEDS, "--output", output, "--run_id", "late")
    _fill(small_disk)
    code, _, err = resume(tmp, "report", proc)
    lines = [line for line in err.strip().splitlines() if not line.startswith("WARNING")]
    assert code == 2 and len(lines) == 1 and lines[0].startswith("eventwire: run late committed "), err[-2000:]
    (small_disk / "filler").unlink()
    assert eventwire("recover", "--output", output).returncode == 0
    assert events(output) == reference[1]


@pytest.mark.parametrize("command", ["compact", "recover"])
def test_compact_and_recover_on_a_read_only_disk_say_so_in_one_line(small_disk, base, command):
    import subprocess

    output = small_disk / "out"
    shutil.copytree(base[0], output)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    done = eventwire(command, "--output", output)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr[-2000:]
    assert "Read-only file system" in done.stderr
