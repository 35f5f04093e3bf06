"""Incremental runs: which articles earlier runs processed, and where their events live.

ROOT/_state/articles.parquet holds one row per processed article: its article_id, the
content_hash it had, and the partitions (`date=…/actor=…`) its events were written to.
`SkipUnchangedArticles` drops, before the NLP stage, every article whose id and hash
are already there; an article whose hash changed goes on, flagged with its old
partitions, so that WriteEvents removes its old events from all of them, including
partitions the new version no longer touches. `--reprocess` sends every article on.

The state changes only as part of a commit: the next state is staged under
`_staging/<run_id>/_state/` and renamed into place by the roll forward (see
transforms/store/dataset.py), so the state always describes the committed dataset. An
article that failed extraction is not recorded, so the next run tries it again. If
the state file is lost, `rebuild_if_missing` derives it from the dataset (no hashes,
so every article is processed once more and replaces its events).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import apache_beam as beam
import pyarrow as pa

from schemas.arrow import ARTICLE_STATE_SCHEMA
from schemas.records import Article, ArticleUpdate, SeenArticle
from transforms.articles.urls import copy_rank
from transforms.counters import counter
from transforms.store import storage
from transforms.store.layout import ARTICLE_STATE_FILE as STATE_FILE
from transforms.store.layout import QUARANTINE, STAGING, STATE_DIR, check_run_id
from transforms.store.snapshot import snapshot_files

SEEN = "seen"

# An article whose page fetch (--full_text) failed is stored with this prefix before its
# content hash: the next run sees a changed hash and processes it again, purging its
# feed-text events, so the page is tried once more.
RETRY_PREFIX = "retry:"


STATE_REL = f"{STATE_DIR}/{STATE_FILE}"


def state_path(root: str) -> Path:
    return Path(root) / STATE_DIR / STATE_FILE


class StateRow(NamedTuple):
    content_hash: str
    partitions: tuple
    run_id: str | None
    feed_url: str | None  # whose copy was kept (None in states written before that column)


def read_state(root: str) -> dict[str, StateRow]:
    """article_id → its row of the committed state, read in one pass; {} when there is none."""
    store = storage.open_store(root)
    if not store.exists(STATE_REL):
        return {}
    table = store.read_table(STATE_REL)
    columns = {name: table.column(name).to_pylist() if name in table.column_names else [None] * table.num_rows
               for name in ("article_id", "content_hash", "partitions", "run_id", "feed_url")}
    return {a: StateRow(h or "", tuple(p or ()), r, f) for a, h, p, r, f in zip(
        columns["article_id"], columns["content_hash"], columns["partitions"], columns["run_id"], columns["feed_url"])}


def load(root: str) -> dict[str, tuple[str, tuple]]:
    """article_id → (content_hash, partitions) of the committed state; {} when there is none."""
    return {a: (row.content_hash, row.partitions) for a, row in read_state(root).items()}


def _write(root: str, rel: str, state: dict[str, tuple[str, tuple]], run_ids: dict[str, str], feeds: dict[str, str]) -> None:
    keys = sorted(state)
    table = pa.table(
        {
            "article_id": keys,
            "content_hash": [state[k][0] for k in keys],
            "partitions": [sorted(state[k][1]) for k in keys],
            "run_id": [run_ids.get(k) for k in keys],
            "feed_url": [feeds.get(k) for k in keys],
        },
        schema=ARTICLE_STATE_SCHEMA,
    )
    storage.open_store(root).write_table(rel, table)


def stage(root: str, run_id: str, updates: Iterable[ArticleUpdate], staging=None,
          forget_partitions: Iterable[str] = ()) -> bool:
    """Write the next state (committed state + this run's updates) into the run's staging folder.

    Articles with events in `forget_partitions` (a damaged file there was set aside) are
    dropped from it unless this run updated them: their rows are gone, so the next run that
    sees them processes them again instead of skipping them as unchanged."""
    updates = list(updates)
    forget = set(forget_partitions)
    if not updates and not forget:
        return False
    rows = read_state(root)
    state = {a: (row.content_hash, row.partitions) for a, row in rows.items()}
    run_ids = {a: row.run_id for a, row in rows.items()}
    feeds = {a: row.feed_url for a, row in rows.items() if row.feed_url}
    if forget:
        state = {k: v for k, v in state.items() if not forget.intersection(v[1])}
    for update in sorted(updates, key=lambda u: u.article_id):
        state[update.article_id] = (update.content_hash, tuple(sorted(set(update.partitions))))
        run_ids[update.article_id] = run_id
        if update.feed_url:
            feeds[update.article_id] = update.feed_url
    _write(root, f"{STAGING}/{check_run_id(run_id)}/{STATE_REL}", state, run_ids, feeds)
    return True


def set_aside_if_damaged(root: str, run_id: str) -> str | None:
    """Move a state file that cannot be read as the state (truncated, empty, not Parquet, wrong
    columns or types) to ROOT/_quarantine/<run_id>/; returns the one line that says so.

    Without this every run would fail on it; with it the state is rebuilt from the dataset
    (`rebuild_if_missing`) and the run goes on: no committed row is lost, and the articles
    are processed once more."""
    store = storage.open_store(root)
    if not store.exists(STATE_REL):
        return None
    try:
        table = store.read_table(STATE_REL)
        for field in (ARTICLE_STATE_SCHEMA.field(n) for n in ("article_id", "content_hash", "partitions")):
            if field.name not in table.column_names:
                raise ValueError(f"no column {field.name!r}")
            if not table.schema.field(field.name).type.equals(field.type):
                raise ValueError(f"column {field.name!r} is {table.schema.field(field.name).type}, not {field.type}")
    except (OSError, ValueError, pa.ArrowException) as error:
        target = f"{QUARANTINE}/{check_run_id(run_id)}/{STATE_REL}"
        if storage.is_remote(root):
            store.copy(STATE_REL, target)
            store.delete(STATE_REL)
        else:
            Path(store.url(target)).parent.mkdir(parents=True, exist_ok=True)
            os.replace(state_path(root), store.url(target))
        reason = str(error).strip().splitlines()[0][:160] if str(error).strip() else type(error).__name__
        return (f"{state_path(root) if not storage.is_remote(root) else store.url(STATE_REL)} is damaged ({reason}); "
                f"set aside in {store.url(target)}, the state is rebuilt from the dataset")
    return None


def rebuild_if_missing(root: str) -> int | None:
    """Derive the state from the dataset when it is missing; returns the articles found."""
    if storage.open_store(root).exists(STATE_REL):
        return None
    files = snapshot_files(root)
    if not files:
        return None
    state: dict[str, tuple[str, set]] = {}
    for name in files:
        rel = storage.relative(root, name).rsplit("/", 1)[0]
        try:
            ids = storage.read_table(name, columns=["article_id"]).column("article_id").to_pylist()
        except (OSError, pa.ArrowException):  # a damaged file: set aside when its partition is next written
            continue
        for article_id in set(ids):
            state.setdefault(article_id, ("", set()))[1].add(rel)
    _write(root, STATE_REL, {k: (h, tuple(p)) for k, (h, p) in state.items()}, {}, {})
    return len(state)


class _SkipUnchangedFn(beam.DoFn):
    """Loads the committed state once per DoFn instance (in setup, not per element)."""

    def __init__(self, root: str, reprocess: bool):
        self._root = root
        self._reprocess = reprocess
        self._state = None
        self._new = counter("articles_new")  # counted here: "new" means not in the committed state
        self._skipped = counter("articles_skipped_unchanged")
        self._changed = counter("articles_changed")
        self._reprocessed = counter("articles_reprocessed")
        self._other_feed = counter("articles_kept_from_preferred_feed")
        self._feeds: dict[str, str] = {}

    def setup(self):
        rows = read_state(self._root)
        self._state = {a: (row.content_hash, row.partitions) for a, row in rows.items()}
        self._feeds = {a: row.feed_url for a, row in rows.items() if row.feed_url}

    def process(self, article: Article):
        previous = self._state.get(article.article_id)
        if previous is not None:
            old_hash, old_partitions = previous
            if old_hash == article.content_hash and not self._reprocess:
                self._skipped.inc()
                return
            kept_from = self._feeds.get(article.article_id)
            if kept_from and copy_rank(kept_from, article.url) < copy_rank(article.feed_url, article.url):
                self._other_feed.inc()  # the kept copy came from a feed that wins over this one
                return
            (self._reprocessed if old_hash == article.content_hash else self._changed).inc()
        else:
            self._new.inc()
            old_partitions = ()
        yield beam.pvalue.TaggedOutput(
            SEEN, SeenArticle(article.article_id, article.content_hash, tuple(old_partitions), article.feed_url))
        yield article


class SkipUnchangedArticles(beam.PTransform):
    """Article → the articles that need the NLP stage ('articles') and their 'seen' records."""

    def __init__(self, root: str, reprocess: bool = False):
        super().__init__()
        self._root = root
        self._reprocess = reprocess

    def expand(self, articles):
        out = articles | "CompareWithState" >> beam.ParDo(_SkipUnchangedFn(self._root, self._reprocess)).with_outputs(
            SEEN, main="articles"
        )
        return {"articles": out.articles, SEEN: out[SEEN]}
