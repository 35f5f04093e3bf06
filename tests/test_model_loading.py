"""One spaCy model per worker process, however many batches and DoFn instances."""
from __future__ import annotations

import collections
import datetime as dt

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.runners.portability.fn_api_runner import FnApiRunner
from apache_beam.testing.util import assert_that, equal_to

from pipeline.options import DEFAULT_MODEL
from schemas.records import Article
from transforms.extract import model as nlp_module
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


def run(options, log=None):
    with beam.Pipeline(runner=FnApiRunner(), options=options) as p:
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


def test_one_load_in_process_for_many_batches():
    before = nlp_module.LOADS[DEFAULT_MODEL]
    run(PipelineOptions([]))
    assert nlp_module.LOADS[DEFAULT_MODEL] - before == 1  # 24 batches, one load


@pytest.mark.slow
def test_one_load_per_worker_process(tmp_path, monkeypatch):
    log = tmp_path / "loads.txt"
    monkeypatch.setenv(nlp_module.LOAD_LOG, str(log))
    run(PipelineOptions(["--direct_num_workers=2", "--direct_running_mode=multi_processing"]))
    loads = collections.Counter(line.split()[0] for line in log.read_text().splitlines())
    assert 1 <= len(loads) <= 2
    assert set(loads.values()) == {1}, loads
