"""The run's counters: one Beam metrics namespace, read back for the summary."""
from __future__ import annotations

import apache_beam as beam

NAMESPACE = "eventwire"


def counter(name: str) -> beam.metrics.metric.Metrics.DelegatingCounter:
    return beam.metrics.Metrics.counter(NAMESPACE, name)


def dead_letter_counter(stage: str, reason: str):
    """Per-reason counters let the summary say why inputs failed, not just how many."""
    return counter(f"dead_letter.{stage}.{reason}")
