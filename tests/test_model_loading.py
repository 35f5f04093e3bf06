"""One spaCy model per worker process, however many batches and DoFn instances."""
from __future__ import annotations

import datetime as dt

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.runners.portability.fn_api_runner import FnApiRunner
from apache_beam.testing.util import assert_that, equal_to

from pipeline.options import DEFAULT_MODEL
from pipeline.summary import collect_counters
from schemas.records import Article
from transforms.extract.stage import ExtractEvents

ARTICLES = 48


def articles():
    day = dt.date(2026, 11, 20)
    return [
        Article(f"{i:032x}", f"https://wire.example.com/{i}", f"Story {i}",
                "The European Union imposed new sanctions on Belarus on Monday.", None, day, "run", "f.xml",
                "wire.example.com")
        for i in range(ARTICLES)
    ]


def model_loads(options) -> int:
    """Run 24 batches through ExtractEvents; returns the `model_loads` counter (all workers)."""
    p = beam.Pipeline(runner=FnApiRunner(), options=options)
    events = (
        p
        | beam.Create(articles())
        | beam.Reshuffle()  # spread the articles over bundles (and workers)
        | ExtractEvents(DEFAULT_MODEL, "load-test", max_batch_size=2)
    )
    assert_that(
        events["events"] | beam.Map(lambda e: (e.actor, e.event_root, e.target)) | beam.Distinct(),
        equal_to([("EU", "16", "BLR")]),
    )
    result = p.run()
    result.wait_until_finish()
    return collect_counters(result).get("model_loads", 0)


def test_one_load_in_process_for_many_batches():
    assert model_loads(PipelineOptions([])) == 1  # 24 batches, one load


@pytest.mark.slow
def test_one_load_per_worker_process():
    loads = model_loads(PipelineOptions(["--direct_num_workers=2", "--direct_running_mode=multi_processing"]))
    assert 1 <= loads <= 2, loads  # 24 batches over at most 2 worker processes
