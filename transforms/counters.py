"""The run's counters: one Beam metrics namespace, read back for the summary.

Every increment also goes to the live progress of `eventwire run` (transforms/progress.py):
Beam only hands its counters over when the pipeline has finished, and the display needs them
while it runs. One place, so a counter added anywhere later is watched too.
"""
from __future__ import annotations

import apache_beam as beam

from transforms import progress

NAMESPACE = "eventwire"


class Counter:
    """A Beam counter of our namespace whose increments the progress display also sees."""

    def __init__(self, name: str):
        self.name = name
        self._metric = beam.metrics.Metrics.counter(NAMESPACE, name)

    def inc(self, n: int = 1) -> None:
        self._metric.inc(n)
        progress.add(self.name, n)

    def dec(self, n: int = 1) -> None:
        self.inc(-n)


def counter(name: str) -> Counter:
    return Counter(name)


def dead_letter_counter(stage: str, reason: str) -> Counter:
    """Per-reason counters let the summary say why inputs failed, not just how many."""
    return counter(f"dead_letter.{stage}.{reason}")
