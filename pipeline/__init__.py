"""eventwire: news feeds → a Parquet dataset of CAMEO-coded political events.

`open_events(path)` gives the dataset as a DuckDB relation for Python users.
"""
from __future__ import annotations


def open_events(path: str = "output"):
    """The events dataset at `path` as a DuckDB relation (a view named `events`)."""
    from pipeline.query import open_events as _open

    return _open(path)


__all__ = ["open_events"]
