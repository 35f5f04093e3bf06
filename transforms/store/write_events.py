"""WriteEvents: rows grouped by partition, staged, then committed for the whole run at once.

    events ─► ValidatePartition ─┬──────────────────────────────► (partition, event) ─┐
                                 └► (article, partition) ─┐                            ├► GroupByPartition ─► StagePartition ─► AllStaged ─► Commit
    seen articles ───────────────────────────────────────┼► ArticleOutcome ─ purges ──┘                                             ▲
    later dead letters ──────────────────────────────────┘        └── state updates ───────────────────────────────── (side input) ┘

Only the Commit step touches live files, once, after every partition is staged (see
transforms/store/dataset.py for the protocol): a failed or killed run leaves the dataset as it
was, a replayed bundle re-stages identical bytes, a replayed commit finds the manifest
and only finishes the roll forward. The commit's manifest is the 'committed' output, so
steps that must happen only after a successful commit can wait on it.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

import apache_beam as beam
from apache_beam.pvalue import PCollection

from schemas.records import ArticleUpdate, DeadLetter, Event
from transforms.counters import counter, dead_letter_counter
from transforms.store import article_state, dataset, layout
from transforms.store.hooks import NO_HOOKS, WriterHooks
from transforms.store.storage import open_store

STAGE = "WriteEvents"
DEAD_LETTERS = "dead_letters"
PURGE = "purge"
RELABELS = "relabels"


class _ValidatePartitionFn(beam.DoFn):
    """A row whose date or actor is not a valid partition value is dead-lettered."""

    def __init__(self, hooks: WriterHooks):
        self._hooks = hooks

    def process(self, event: Event):
        self._hooks.reached("extract")
        try:
            key = layout.partition_relpath(event.date, event.actor)
        except layout.PartitionError as error:
            dead_letter_counter(STAGE, "bad_partition").inc()
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, DeadLetter(STAGE, "bad_partition", event.article_id, str(error)))
            return
        yield key, event


class _ArticleOutcomeFn(beam.DoFn):
    """Per processed article: its next state row, and purges of its old partitions.

    An article that failed extraction gets neither: its old events and state stay, and
    the next run tries it again.
    """

    def process(self, keyed):
        article_id, grouped = keyed
        seen = sorted(grouped["seen"])
        if not seen or list(grouped["failed"]):
            return
        content_hash, old_partitions = seen[0].content_hash, seen[0].old_partitions
        if list(grouped["retry"]):
            content_hash = article_state.RETRY_PREFIX + content_hash
        yield ArticleUpdate(article_id, content_hash, tuple(sorted(set(grouped["partitions"]))), seen[0].feed_url)
        for rel in old_partitions:
            yield beam.pvalue.TaggedOutput(PURGE, (rel, article_id))


class _StagePartitionFn(beam.DoFn):
    def __init__(self, root: str, run_id: str, hooks: WriterHooks):
        self._root = root
        self._run_id = run_id
        self._hooks = hooks

    def process(self, keyed):
        rel, grouped = keyed
        events = list(grouped["events"])
        purge = set(grouped[PURGE])
        relabels = dict(grouped[RELABELS])
        try:
            date, actor = layout.parse_partition(rel)
        except layout.PartitionError as error:  # only a tampered state file gets here
            dead_letter_counter(STAGE, "bad_partition").inc()
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, DeadLetter(STAGE, "bad_partition", rel, str(error)))
            return
        yield dataset.stage_partition(self._root, self._run_id, date, actor, events, purge, self._hooks, relabels)


class _CommitFn(beam.DoFn):
    def __init__(self, root: str, run_id: str, manifest: dict, hooks: WriterHooks, lock_token: str | None):
        self._root = root
        self._run_id = run_id
        self._manifest = manifest
        self._hooks = hooks
        self._lock_token = lock_token
        self._partitions = counter("partitions_touched")
        self._written = counter("events_written")

    def process(self, changes: list[dict], updates: list):
        def stage_state(staging, forget_partitions):
            return article_state.stage(self._root, self._run_id, updates, staging, forget_partitions)

        record = dataset.commit(self._root, self._run_id, changes, self._manifest, stage_state, self._hooks,
                                self._lock_token)
        self._partitions.inc(record["partitions_touched"])
        self._written.inc(record["events_written"])
        yield record


class _WriteDeadLettersFn(beam.DoFn):
    def __init__(self, root: str, run_id: str):
        self._root = root
        self._run_id = run_id
        self._count = counter("dead_letters")

    def process(self, letters: list[DeadLetter]):
        self._count.inc(len(set(letters)))
        path = write_dead_letters(self._root, self._run_id, letters)
        if path:
            yield path


def write_dead_letters(root: str, run_id: str, letters: Iterable[DeadLetter]) -> str | None:
    """One JSON line per dead letter under ROOT/_errors/<run_id>.jsonl; None when there are none."""
    letters = sorted(set(letters), key=lambda d: (d.stage, d.reason, d.input_id, d.message))
    if not letters:
        return None
    rel = f"{layout.ERRORS}/{layout.check_run_id(run_id)}.jsonl"
    store = open_store(root)
    lines = (json.dumps(dict(letter._asdict(), run_id=run_id), ensure_ascii=False) for letter in letters)
    store.write_bytes(rel, "".join(line + "\n" for line in lines).encode("utf-8"))
    return store.url(rel)


def _key_by_article(item):
    return item.article_id, item


class WriteEvents(beam.PTransform):
    """Event rows → ROOT/date=…/actor=…/part-<run_id>.parquet, committed once per run.

    Input: the events PCollection alone, or a dict with 'events', 'seen' (the articles
    that went on to the NLP stage, from SkipUnchangedArticles) and 'failed' (dead letters
    of the stages after it, keyed by article_id: an article among them keeps its old events
    and state) and 'retry' (ids of articles written from their feed text whose page fetch
    failed: stored with a retry marker so the next run processes them again): with
    those the article state is updated and changed articles' old events are removed.
    'relabels' ((partition, (event_id, incident_id)), from AssignIncidents): committed rows
    whose incident changed, rewritten in the same commit.
    Output: {'committed': the manifest (one element), 'dead_letters': ...}. `hooks`: the
    crash tests' stopping points (transforms/store/hooks.py); production passes none.
    `lock_token`: the run lock's token; the commit refuses to happen without it (pipeline/lock.py).
    """

    def __init__(self, root: str, run_id: str, manifest: dict | None = None, hooks: WriterHooks = NO_HOOKS,
                 lock_token: str | None = None):
        super().__init__()
        self._root = root
        self._run_id = run_id
        self._manifest = dict(manifest or {})
        self._hooks = hooks
        self._lock_token = lock_token

    def expand(self, inputs):
        if isinstance(inputs, PCollection):
            inputs = {"events": inputs}
        events = inputs["events"]
        pipeline = events.pipeline
        keyed = events | "ValidatePartition" >> beam.ParDo(_ValidatePartitionFn(self._hooks)).with_outputs(DEAD_LETTERS, main="keyed")
        seen = inputs.get("seen") or (pipeline | "NoSeen" >> beam.Create([]))
        failed = inputs.get("failed") or (pipeline | "NoFailed" >> beam.Create([]))
        retry = inputs.get("retry") or (pipeline | "NoRetry" >> beam.Create([]))
        relabels = inputs.get(RELABELS) or (pipeline | "NoRelabels" >> beam.Create([]))
        outcome = (
            {
                "seen": seen | "KeySeen" >> beam.Map(_key_by_article),
                "partitions": keyed.keyed | "ArticlePartition" >> beam.Map(lambda kv: (kv[1].article_id, kv[0])),
                "failed": failed | "KeyFailed" >> beam.Map(lambda d: (d.input_id, True)),
                "retry": retry | "KeyRetry" >> beam.Map(lambda article_id: (article_id, True)),
            }
            | "GroupByArticle" >> beam.CoGroupByKey()
            | "ArticleOutcome" >> beam.ParDo(_ArticleOutcomeFn()).with_outputs(PURGE, main="updates")
        )
        staged = (
            {"events": keyed.keyed, PURGE: outcome[PURGE], RELABELS: relabels}
            | "GroupByPartition" >> beam.CoGroupByKey()
            | "StagePartition" >> beam.ParDo(_StagePartitionFn(self._root, self._run_id, self._hooks)).with_outputs(
                DEAD_LETTERS, main="changes"
            )
        )
        committed = (
            staged.changes
            | "AllStaged" >> beam.combiners.ToList()
            | "Commit"
            >> beam.ParDo(
                _CommitFn(self._root, self._run_id, self._manifest, self._hooks, self._lock_token), beam.pvalue.AsList(outcome.updates)
            )
        )
        dead_letters = (keyed[DEAD_LETTERS], staged[DEAD_LETTERS]) | "WriterDeadLetters" >> beam.Flatten()
        return {"committed": committed, DEAD_LETTERS: dead_letters}


class WriteDeadLetters(beam.PTransform):
    """All dead letters of the run → ROOT/_errors/<run_id>.jsonl (one file, written once)."""

    def __init__(self, root: str, run_id: str):
        super().__init__()
        self._root = root
        self._run_id = run_id

    def expand(self, dead_letters):
        return (
            dead_letters
            | "AllDeadLetters" >> beam.combiners.ToList()
            | "WriteErrors" >> beam.ParDo(_WriteDeadLettersFn(self._root, self._run_id))
        )
