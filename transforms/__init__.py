"""The Beam stages of eventwire and the plain-Python logic they wrap, by concern.

- ``ingest/``: sources (files, folders, OPML, lists), safe fetching, ReadFeeds.
- ``articles/``: feed entries → Article, HTML to text, URLs and ids, ParseArticles, FetchFullText.
- ``extract/``: the Beam-free event engine (actors, clauses, coding, nominal events, pre-filter,
  model loading) and the ExtractEvents stage.
- ``store/``: the dataset (layout, staging, commit, roll-forward, recovery, snapshots), article
  and source state, SkipUnchanged, WriteEvents and compaction.

The stage transforms are re-exported here (``from transforms import ReadFeeds``). They are
loaded on first use, so that importing the storage layer for a query never imports Beam.
"""
from __future__ import annotations

import importlib

_STAGES = {
    "ReadFeeds": "transforms.ingest.read_feeds",
    "ParseArticles": "transforms.articles.parse",
    "FetchFullText": "transforms.articles.full_text",
    "SkipUnchangedArticles": "transforms.store.article_state",
    "ExtractEvents": "transforms.extract.stage",
    "WriteEvents": "transforms.store.write_events",
    "WriteDeadLetters": "transforms.store.write_events",
    "SaveSourceState": "transforms.store.source_state",
}

__all__ = sorted(_STAGES)


def __getattr__(name: str):
    if name in _STAGES:
        return getattr(importlib.import_module(_STAGES[name]), name)
    raise AttributeError(f"module 'transforms' has no attribute {name!r}")
