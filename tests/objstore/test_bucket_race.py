"""Queries while commits land on a bucket: every answer is one committed state, never a subset."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from conftest import make_event

from pipeline.query import run_query
from transforms.store import dataset

pytestmark = pytest.mark.objstore


def test_queries_during_commits_always_see_every_committed_row(bucket):
    date = dt.date(2026, 11, 20)
    by_actor = {a: [make_event(event_id=f"{a}{i:029d}", actor=a, article_id=f"{a}-{i}", date=date) for i in range(50)]
                for a in ["RUS", "UKR", "NATO", "EU", "USA", "CHN"]}

    def commit(run_id):  # every commit rewrites every partition with the same 300 rows
        changes = [dataset.stage_partition(bucket, run_id, date, a, rows, purge_articles=[r.article_id for r in rows])
                   for a, rows in by_actor.items()]
        dataset.commit(bucket, run_id, changes)

    commit("r0")
    stop, commits, errors = threading.Event(), [0], []

    def writer():
        try:
            while not stop.is_set():
                commits[0] += 1
                commit(f"r{commits[0]}")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    thread = threading.Thread(target=writer)
    thread.start()
    counts = []
    try:
        while len(counts) < 25 or commits[0] < 5:
            counts.append(run_query(bucket, "SELECT count(*), count(DISTINCT event_id) FROM events")[1][0])
    finally:
        stop.set()
        thread.join()
    assert not errors
    assert commits[0] >= 5
    assert set(counts) == {(300, 300)}
