"""End to end: the command line against feeds served over real HTTP on 127.0.0.1."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from static_server import StaticServer


def eventwire(*args, cwd=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, timeout=300, cwd=cwd or ROOT, env=env
    )


def query(output: Path, sql: str) -> list[dict]:
    done = eventwire("query", "--output", str(output), "--format", "json", sql)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def served():
    with StaticServer(DATA) as server:
        yield server


@pytest.fixture(scope="module")
def user_example_run(served, tmp_path_factory):
    output = tmp_path_factory.mktemp("out")
    done = eventwire("run", "--feeds", served.url("user_example_feed.rss"), "--output", str(output), "--run_id", "first")
    return output, done


def test_user_example_gives_the_expected_events(user_example_run):
    output, done = user_example_run
    assert done.returncode == 0, done.stderr
    assert "events written:" in done.stdout and "sources ok:           1" in done.stdout
    rows = query(output, "SELECT actor, event_root, target, speaker, sentence, url FROM events")
    found = {(r["actor"], r["event_root"], r["target"]) for r in rows}
    assert any(a == "CSTO" and root in ("03", "05") for a, root, _ in found), found
    assert any(a == "CHN" and root in ("01", "02") for a, root, _ in found), found
    assert ("CSTO", "02", "NATO") in found, found
    assert any(a == "NATO" and root == "12" for a, root, _ in found), found
    assert all(r["sentence"] and r["url"] for r in rows)


def test_rerun_gives_the_same_event_ids_and_no_duplicates(served, user_example_run):
    output, _ = user_example_run
    before = query(output, "SELECT event_id FROM events ORDER BY event_id")
    again = eventwire("run", "--feeds", served.url("user_example_feed.rss"), "--output", str(output), "--run_id", "second")
    assert again.returncode == 0, again.stderr
    after = query(output, "SELECT event_id FROM events ORDER BY event_id")
    assert after == before and len(before) > 0
    assert len(list(output.glob("date=*/actor=*/*.parquet"))) == len(query(output, "SELECT DISTINCT date, actor FROM events"))
    manifest = json.loads((output / "_runs" / "second.json").read_text())
    counters = json.loads((output / "_reports" / "second.json").read_text())["counters"]  # not modified (conditional GET) or unchanged articles: no NLP either way
    assert counters.get("articles_skipped_unchanged", 0) + counters.get("sources_not_modified", 0) > 0
    assert manifest["events_written"] == 0 and counters.get("articles_parsed", 0) == 0
    forced = eventwire("run", "--feeds", served.url("user_example_feed.rss"), "--output", str(output),
                       "--run_id", "third", "--reprocess", "--ignore_source_state")
    assert forced.returncode == 0, forced.stderr
    assert query(output, "SELECT event_id FROM events ORDER BY event_id") == before
    manifest = json.loads((output / "_runs" / "third.json").read_text())
    assert manifest["events_written"] == len(before) and len(manifest["files_removed"]) == len(manifest["files_added"])
    assert {p.name for p in output.glob("date=*/actor=*/*.parquet")} == {"part-third.parquet"}


def test_a_reused_run_id_is_refused(served, user_example_run):
    output, _ = user_example_run
    done = eventwire("run", "--feeds", served.url("user_example_feed.rss"), "--output", str(output), "--run_id", "first")
    assert done.returncode == 2 and "already committed" in done.stderr


def test_bad_sources_are_dead_letters_and_the_good_feed_is_written(served, tmp_path):
    output = tmp_path / "out"
    done = eventwire(
        "run", "--output", str(output), "--run_id", "mixed", "--feeds",
        str(tmp_path / "missing.rss"), served.url("not_a_feed.html"), served.url("malformed.rss"),
        served.url("no-such-feed.xml"), served.url("user_example_feed.rss"),
    )
    assert done.returncode == 0, done.stderr
    letters = [json.loads(line) for line in (output / "_errors" / "mixed.jsonl").read_text().splitlines()]
    by_input = {letter["input_id"]: letter for letter in letters}
    assert by_input[str(tmp_path / "missing.rss")]["reason"] == "unreadable"
    assert by_input[served.url("no-such-feed.xml")]["reason"] == "http_error"
    assert any(l["reason"] == "not_a_feed" and "not_a_feed.html" in l["input_id"] for l in letters)
    assert any(l["reason"] in ("parse_error", "not_a_feed") and "malformed.rss" in l["input_id"] for l in letters)
    assert "sources ok:           1" in done.stdout and "sources failed:       4" in done.stdout
    assert f"dead letters:         {len(letters)}" in done.stdout
    assert query(output, "SELECT count(*) AS n FROM events")[0]["n"] > 0


def test_usage_errors_exit_2_with_one_line(tmp_path):
    done = eventwire("run", "--since", "yesterday", "--output", str(tmp_path))
    assert done.returncode == 2 and "not a date" in done.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = eventwire("run", "--output", str(blocker / "out"))
    assert done.returncode == 2 and "cannot be created" in done.stderr


def test_a_second_run_on_a_locked_output_exits_at_once(tmp_path):
    from pipeline.lock import RunLock

    with RunLock(str(tmp_path), "holder"):
        done = eventwire("run", "--output", str(tmp_path))
    assert done.returncode == 2
    assert "already running" in done.stderr and "holder" in done.stderr
    assert not (tmp_path / "_runs").exists()


def test_query_formats(user_example_run):
    output, _ = user_example_run
    done = eventwire("query", "--output", str(output), "--format", "csv", "SELECT actor, count(*) AS n FROM events GROUP BY actor ORDER BY actor")
    assert done.returncode == 0 and done.stdout.splitlines()[0] == "actor,n"
    done = eventwire("query", "--output", str(output), "SELECT nonsense FROM events")
    assert done.returncode == 2 and "query failed" in done.stderr


@pytest.mark.parametrize(("args", "suggestion"), [
    (["--feeds", "x.rss", "--ouput", "OUT"], "did you mean --output?"),
    (["--feed", "x.rss", "--output", "OUT"], "did you mean --feeds?"),
    (["--output", "OUT", "--version"], "unknown option --version"),
])
def test_an_unknown_flag_is_refused_before_anything_runs(tmp_path, args, suggestion):
    done = eventwire("run", *[str(tmp_path / "out") if a == "OUT" else a for a in args], cwd=tmp_path)
    assert done.returncode == 2 and suggestion in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists() and not (tmp_path / "output").exists()


def test_dashed_and_underscored_flags_both_work(tmp_path):
    done = eventwire("run", "--output", tmp_path / "out", "--run-id", "dashed", "--batch-size", "4")
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "out" / "_runs" / "dashed.json").exists()


def test_version():
    done = eventwire("--version")
    assert done.returncode == 0 and re.fullmatch(r"eventwire \S+ \(extractor \S+, model \S+ \S+\)\n", done.stdout)


def test_query_takes_codes_in_any_case_and_refuses_what_cannot_be_right(user_example_run, tmp_path):
    output, _ = user_example_run
    upper = eventwire("query", "--output", str(output), "--timeline", "NATO", "--format", "json")
    lower = eventwire("query", "--output", str(output), "--timeline", "nato", "--format", "json")
    assert upper.returncode == lower.returncode == 0 and upper.stdout == lower.stdout and json.loads(upper.stdout)
    narrowed = eventwire("query", "--output", str(output), "--actor", "nato", "--format", "json", "SELECT count(*) AS n FROM events")
    assert narrowed.returncode == 0 and json.loads(narrowed.stdout)[0]["n"] > 0
    backwards = eventwire("query", "--output", str(output), "--since", "2026-11-30", "--until", "2026-11-01", "SELECT 1")
    assert backwards.returncode == 2 and "is after --until" in backwards.stderr
    (tmp_path / "photos").mkdir()
    for command in (["query", "SELECT count(*) FROM events"], ["compact"]):
        done = eventwire(*command[:1], "--output", str(tmp_path / "photos"), *command[1:])
        assert done.returncode == 2 and "not an eventwire dataset" in done.stderr
    assert list((tmp_path / "photos").iterdir()) == []  # compact wrote no lock or _runs/ into it


def test_every_source_failing_exits_3_and_names_the_dead_letter_file(tmp_path, served):
    missing = str(tmp_path / "missing.rss")
    done = eventwire("run", "--feeds", missing, "--output", str(tmp_path / "a"))
    assert done.returncode == 3, done.stderr[-2000:]
    assert f"details: {tmp_path / 'a' / '_errors'}" in done.stdout
    mixed = ["--feeds", missing, served.url("user_example_feed.rss")]
    assert eventwire("run", *mixed, "--output", str(tmp_path / "b")).returncode == 0  # one source still worked
    assert eventwire("run", *mixed, "--output", str(tmp_path / "c"), "--fail-on", "any-source").returncode == 3
    assert eventwire("run", "--feeds", missing, "--output", str(tmp_path / "d"), "--fail_on", "never").returncode == 0


def test_an_unknown_runner_is_one_line_and_exit_2(tmp_path):
    done = eventwire("run", "--output", str(tmp_path / "out"), "--runner=NoSuchRunner")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1 and "--runner" in done.stderr


def test_ctrl_c_stops_cleanly_with_exit_130(tmp_path):
    """A feed server that accepts and never answers keeps the run busy; SIGINT then stops it."""
    import signal
    import socket
    import threading
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                pass

    threading.Thread(target=accept, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--feeds", url, "--output", str(tmp_path / "out")],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not held and time.monotonic() < deadline:  # the run is now waiting on the feed
            time.sleep(0.1)
        assert held, "the run never connected"
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        stop.set()
        proc.kill()
        listener.close()
    lines = [line for line in stderr.splitlines() if "apitools" not in line]
    assert proc.returncode == 130 and len(lines) == 1 and "interrupted" in lines[0], stderr[-2000:]
    assert not list((tmp_path / "out").glob("date=*")) and not (tmp_path / "out" / "_runs").exists()


def test_evaluate_names_the_file_and_line_of_a_bad_gold_file(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Chile imposed sanctions on Peru.", "events": []}\n{not json\n')
    for path, expected in ((empty, f"{empty}: no gold items"), (bad, f"{bad}:2: not JSON")):
        done = eventwire("evaluate", str(path))
        assert done.returncode == 2 and expected in done.stderr and len(done.stderr.strip().splitlines()) == 1
    refs = ROOT / "tests" / "data" / "gold_real_refs.jsonl"
    done = eventwire("evaluate", str(refs), "--corpus", str(tmp_path))
    assert done.returncode == 2 and "--corpus DIR" in done.stderr


def test_query_marks_cut_cells_and_takes_a_width(user_example_run):
    output, _ = user_example_run
    sql = "SELECT sentence FROM events ORDER BY length(sentence) DESC LIMIT 1"
    full = eventwire("query", "--output", str(output), "--format", "json", sql)
    sentence = json.loads(full.stdout)[0]["sentence"]
    assert len(sentence) > 30
    cut = eventwire("query", "--output", str(output), "--max-width", "30", sql)
    assert cut.returncode == 0 and sentence[:29] + "…" in cut.stdout and sentence not in cut.stdout
    whole = eventwire("query", "--output", str(output), "--max_width", "0", sql)
    assert sentence in whole.stdout
    underscored = eventwire("query", "--output", str(output), "--top_actors").stdout
    assert underscored and underscored == eventwire("query", "--output", str(output), "--top-actors").stdout


def test_run_help_names_the_command_and_the_beam_options():
    done = eventwire("run", "--help")
    assert done.returncode == 0 and done.stdout.startswith("usage: eventwire run") and "--runner" in done.stdout


def test_a_dataset_folder_the_run_cannot_write_into_is_refused_before_the_run(tmp_path):
    """Read-only partition folder: a bind mount remounted read-only when we are root (root
    writes through permission bits), the permission bits otherwise."""
    output = tmp_path / "out"
    assert eventwire("run", "--output", str(output), "--run_id", "one").returncode == 0
    folder = sorted(output.glob("date=*/actor=*"))[0]
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
    else:
        folder.chmod(0o555)
    try:
        done = eventwire("run", "--output", str(output), "--run_id", "two", "--reprocess")
    finally:
        if as_root:
            subprocess.run(["umount", str(folder)], check=True)
        else:
            folder.chmod(0o755)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr[-2000:]
    assert f"{folder} is not writable" in done.stderr
    assert not (output / "_runs" / "two.json").exists()


@pytest.mark.parametrize("command", ["run", "query", "compact", "recover", "report"])
@pytest.mark.parametrize("url", ["ftp://host/ew", "az://container/prefix", "s3:///no-bucket"])
def test_an_unsupported_url_is_a_usage_error_not_a_local_folder(tmp_path, command, url):
    """Issue 15: gs:// and s3:// are buckets (tests/objstore/); any other URL must not write a folder named `ftp:`."""
    args = [command, "--output", url] + (["SELECT 1"] if command == "query" else [])
    done = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=tmp_path,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=300)
    assert done.returncode == 2 and ("is not supported" in done.stderr or "expected s3://bucket/prefix" in done.stderr), \
        done.stderr[-2000:]
    assert list(tmp_path.iterdir()) == []
