"""Operators and runners on buckets: `rm _lock` under a live run, `eventwire recover`, Beam's
own --s3_* flags as the only configuration, and worker processes that each open the bucket."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from runs_helpers import ROOT, events, eventwire, kill9, resume, run_ok, start_paused

from transforms.store.storage import open_store

from .bucket_helpers import copy_base, part_files

pytestmark = pytest.mark.objstore


def test_a_run_whose_lock_was_deleted_is_never_rolled_back_and_does_not_commit(bucket, feed_urls, local_reference,
                                                                                 tmp_path):
    output, base_files = copy_base(bucket, feed_urls)
    first = start_paused(tmp_path, "precommit", "--feeds", *feed_urls, "--output", output, "--run_id", "first")
    store = open_store(output)
    store.delete("_lock")  # an operator's "stale lock" clean-up
    second = eventwire("run", "--feeds", *feed_urls, "--output", output, "--run_id", "second")
    assert second.returncode == 2 and "run first is still running" in second.stderr, second.stderr[-2000:]
    recovered = eventwire("recover", "--output", output)
    assert recovered.returncode == 2 and "run first is still running" in recovered.stderr, recovered.stdout
    assert store.list("_staging/first")  # left alone
    code, _, err = resume(tmp_path, "precommit", first)
    assert code != 0 and "was deleted or replaced" in err
    assert not store.exists("_runs/first.json") and not store.exists("_runs/second.json")
    assert events(output) == local_reference["one"] and part_files(output) == base_files
    assert not store.list("_staging")  # a failed run takes its staged files with it
    run_ok("--feeds", *feed_urls, "--output", output, "--run_id", "after")
    assert events(output) == local_reference["both"]


@pytest.mark.parametrize("point", ["precommit", "commit"])
def test_recover_finishes_or_undoes_a_killed_run(bucket, feed_urls, local_reference, tmp_path, point):
    output, base_files = copy_base(bucket, feed_urls)
    kill9(start_paused(tmp_path, point, "--feeds", *feed_urls, "--output", output, "--run_id", "dead"))
    done = eventwire("recover", "--output", output)
    assert done.returncode == 0, done.stderr[-2000:]
    if point == "commit":
        assert done.stdout.startswith("run dead: rolled forward: ")
        assert events(output) == local_reference["both"]
    else:
        assert done.stdout.startswith("run dead: rolled back: ") and "staged files deleted" in done.stdout
        assert events(output) == local_reference["one"] and part_files(output) == base_files
    assert not open_store(output).list("_staging")
    check = eventwire("recover", "--output", output, "--check")
    assert check.returncode == 0 and "nothing to recover" in check.stdout and ": 0 damaged" in check.stdout, check.stdout


def test_beam_s3_flags_alone_configure_every_part(emulators, feed_urls, local_reference):
    """No AWS_* variable at all: --s3_endpoint_url and the key flags reach the run's own clients."""
    url = "s3://eventwire-test/beam-flags"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(PYTHONPATH=str(ROOT), AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE="/nonexistent",
               AWS_SHARED_CREDENTIALS_FILE="/nonexistent")
    flags = [f"--s3_endpoint_url=http://127.0.0.1:{emulators['s3']}", "--s3_access_key_id=test",
             "--s3_secret_access_key=test", "--s3_region_name=us-east-1"]
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--feeds", *feed_urls, "--output", url,
                           "--run_id", "flags", *flags], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert events(url) == local_reference["both"]


def test_two_worker_processes_write_the_same_dataset(bucket, feed_urls, local_reference):
    run_ok("--feeds", *feed_urls, "--output", bucket, "--run_id", "r1",
           "--direct_num_workers=2", "--direct_running_mode=multi_processing")
    assert events(bucket) == local_reference["both"]
    files = part_files(bucket)
    assert len(files) == len({f.rsplit("/", 1)[0] for f in files})
