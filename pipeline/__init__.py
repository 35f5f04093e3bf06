"""eventwire: news feeds → a Parquet dataset of CAMEO-coded political events.

For Python users: `open_events(path)` gives the dataset as a DuckDB relation and
`open_dataset(path)` as a pyarrow Dataset, both over one committed state of it.
"""
from __future__ import annotations


def open_events(path: str = "output", *, since=None, until=None, actors=None):
    """The events dataset at `path` as a DuckDB relation (a view named `events`); `since`,
    `until` (dates or "YYYY-MM-DD", inclusive) and `actors` (codes) narrow it to those partitions."""
    from pipeline.query import open_events as _open

    return _open(path, since=since, until=until, actors=actors)


def open_dataset(path: str = "output", *, since=None, until=None, actors=None):
    """The events dataset at `path` as a pyarrow.dataset.Dataset with the explicit schema
    (narrowed like `open_events`)."""
    from pipeline.query import open_dataset as _open

    return _open(path, since=since, until=until, actors=actors)


__all__ = ["open_events", "open_dataset"]
