"""kill -9 at several points of a run: readers never see part of it; the next run converges.

Each case starts from the same committed base (one feed), kills a run over both sample
feeds at a pause point (tests/paused_run.py: a WriterHooks injected into run_pipeline), checks what readers see, then
lets the next run recover and compares with a clean run over both feeds.
"""
from __future__ import annotations

import json
import shutil

import pytest
from runs_helpers import (
    FEEDS,
    events,
    kill9,
    live_files,
    plain_events,
    run_ok,
    start_paused,
)

from transforms.store import dataset
from transforms.store.hooks import WriterHooks


# extract: while events flow out of the NLP stage; stage: one partition staged;
# precommit: everything staged, manifest not yet written; commit: manifest written,
# half of the partitions rolled forward.
@pytest.mark.parametrize("point", ["extract", "stage", "precommit", "commit"])
def test_kill_9_leaves_a_clean_dataset_and_the_next_run_converges(tmp_path, base, reference, point):
    output = tmp_path / "out"
    shutil.copytree(base[0], output)
    proc = start_paused(tmp_path, point, "--feeds", FEEDS, "--output", output, "--run_id", "killed")
    kill9(proc)

    committed = point == "commit"
    assert (output / "_runs" / "killed.json").exists() == committed
    # The snapshot reader sees one whole state: the base before the commit point, the run after it.
    assert events(output) == (reference[1] if committed else base[1])
    if not committed:  # a plain Hive reader too: nothing of the run is visible
        assert plain_events(output) == base[1]
        assert live_files(output) == base[2]
    else:  # a plain reader reads cleanly; it may see the half-finished roll forward (README)
        plain_events(output)

    done = run_ok("--feeds", FEEDS, "--output", output, "--run_id", "next")
    action = "rolled forward" if committed else "rolled back"
    recovered = [] if point == "extract" else [{"run_id": "killed", "action": action}]  # nothing staged yet
    if recovered:
        assert f"recovered run killed: {action}" in done.stderr
    assert "taking over its lock" in done.stderr
    assert events(output) == reference[1]
    assert plain_events(output) == reference[1]
    assert not (output / "_staging").exists()
    partitions = [f.rsplit("/", 1)[0] for f in live_files(output)]
    assert len(partitions) == len(set(partitions))  # base + one run: still one file per partition here
    manifest = json.loads((output / "_runs" / "next.json").read_text())
    assert [(r["run_id"], r["action"].split(":")[0]) for r in manifest["recovered"]] == [
        (r["run_id"], r["action"]) for r in recovered]
    # Converged: the state knows every article, so one more run does nothing.
    again = run_ok("--feeds", FEEDS, "--output", output, "--run_id", "again")
    assert "events written:       0" in again.stdout


def test_a_commit_interrupted_in_process_is_rolled_forward(tmp_path):
    """The same without a subprocess: the roll forward stops half way, recover() finishes it."""
    import datetime as dt

    from conftest import make_event

    events_ = [make_event(event_id=f"{i:032d}", actor=a, article_id=f"{i:032x}")
               for i, a in enumerate(["RUS", "UKR", "NATO", "EU"])]
    changes = [dataset.stage_partition(str(tmp_path), "r1", dt.date(2026, 11, 20), e.actor, [e]) for e in events_]

    class Killed(Exception):
        pass

    class DieInRollForward(WriterHooks):
        def reached(self, point):
            if point == "commit":
                raise Killed

    with pytest.raises(Killed):
        dataset.commit(str(tmp_path), "r1", changes, hooks=DieInRollForward())
    assert len(live_files(tmp_path)) < 4 and events(tmp_path)[0] == 4  # readers already see the whole run
    # It says what it did: the partitions after the stop point were still staged.
    assert dataset.recover(str(tmp_path)) == [
        ("r1", "rolled forward: 1 staged files moved into place, 0 replaced files removed "
               "(the rest was done before it stopped)")]
    assert len(live_files(tmp_path)) == 4 and plain_events(tmp_path)[0] == 4
