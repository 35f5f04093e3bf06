"""eventwire: news feeds → a Parquet dataset of CAMEO-coded political events.

For Python users: `open_events(path)` gives the dataset as a DuckDB relation (one row per
event per article), `open_incidents(path)` one row per incident, and
`open_dataset(path)` as a pyarrow Dataset, all over one committed state of it;
`build_report(path)` writes an HTML page of it (`eventwire report`).
"""
from __future__ import annotations


def open_events(path: str = "output", *, since=None, until=None, actors=None):
    """The events dataset at `path` as a DuckDB relation (a view named `events`); `since`,
    `until` (dates or "YYYY-MM-DD", inclusive) and `actors` (codes) narrow it to those partitions."""
    from pipeline.query import open_events as _open

    return _open(path, since=since, until=until, actors=actors)


def open_incidents(path: str = "output", *, since=None, until=None, actors=None):
    """The incidents of the dataset at `path` as a DuckDB relation (the view named `incidents`:
    one row per incident, with its mentions, articles and sources), narrowed like `open_events`."""
    from pipeline.query import open_incidents as _open

    return _open(path, since=since, until=until, actors=actors)


def open_dataset(path: str = "output", *, since=None, until=None, actors=None):
    """The events dataset at `path` as a pyarrow.dataset.Dataset with the explicit schema
    (narrowed like `open_events`)."""
    from pipeline.query import open_dataset as _open

    return _open(path, since=since, until=until, actors=actors)


def build_report(path: str = "output", *, since=None, until=None, actors=None, html=None):
    """Write one self-contained HTML report of the dataset at `path` (narrowed like
    `open_events`) to `html`, default `path/_reports/report-<date>.html`; returns its Path."""
    from pipeline.report import build_report as _build

    return _build(path, since=since, until=until, actors=actors, html=html)


__all__ = ["open_events", "open_incidents", "open_dataset", "build_report"]
