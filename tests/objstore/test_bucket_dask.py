"""A distributed engine writing to a bucket: Beam's Dask runner (pipeline/dask_runner.py) on a local
dask.distributed cluster of two worker processes writes to the GCS emulator the same dataset as
the in-process FnApiRunner. The workers share no state with the launcher but the environment
(STORAGE_EMULATOR_HOST), as workers on other machines would share only their configuration."""
from __future__ import annotations

import apache_beam as beam
import pytest

from pipeline.build import build_pipeline
from pipeline.options import EventwireOptions, sample_feeds, validate
from transforms.store import storage
from transforms.store.snapshot import snapshot_files

pytestmark = pytest.mark.objstore


def event_ids(output: str) -> list[str]:
    ids = []
    for url in snapshot_files(output):
        ids.extend(storage.read_table(url, columns=["event_id"]).column("event_id").to_pylist())
    return sorted(ids)


def run(output: str, *beam_flags) -> None:
    options = EventwireOptions([
        "--feeds", str(sample_feeds()), "--output", output, "--run_id", "dask-test", "--run_date", "2026-11-28",
        *beam_flags,
    ])
    validate(options)
    p = beam.Pipeline(options=options)
    build_pipeline(p, options)
    p.run().wait_until_finish()


def test_a_two_worker_dask_cluster_writes_the_same_bucket_dataset_as_fnapi(emulators):
    from dask.distributed import LocalCluster

    base = "gs://eventwire-test/dask"
    run(f"{base}/fnapi", "--runner=FnApiRunner")
    expected = event_ids(f"{base}/fnapi")
    assert expected and len(expected) == len(set(expected))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        run(f"{base}/dask", "--runner=pipeline.dask_runner.DaskRunner",
            f"--dask_client_address={cluster.scheduler_address}")
    assert event_ids(f"{base}/dask") == expected
    assert not storage.open_store(f"{base}/dask").list("_staging")
