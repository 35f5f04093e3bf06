"""WriteEvents: rows grouped by (date, actor), staged, then committed in one step.

Only this sink touches final files, and only after every partition of the run
is staged: a failed run leaves the live dataset as it was (plus whole
partitions of an interrupted commit), a retried bundle re-stages the same
partition, and a re-run replaces rows rather than adding them.
"""
from __future__ import annotations

import apache_beam as beam

from schemas.records import DeadLetter, Event
from transforms import dataset
from transforms.counters import counter, dead_letter_counter

STAGE = "WriteEvents"
DEAD_LETTERS = "dead_letters"


class _ValidatePartitionFn(beam.DoFn):
    """A row whose date or actor is not a valid partition value is dead-lettered."""

    def process(self, event: Event):
        try:
            key = dataset.partition_relpath(event.date, event.actor)
        except dataset.PartitionError as error:
            dead_letter_counter(STAGE, "bad_partition").inc()
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, DeadLetter(STAGE, "bad_partition", event.article_id, str(error)))
            return
        yield key, event


class _StagePartitionFn(beam.DoFn):
    def __init__(self, root: str, run_id: str):
        self._root = root
        self._run_id = run_id
        self._written = counter("events_written")

    def process(self, keyed):
        _, events = keyed
        events = list(events)
        self._written.inc(len(events))
        first = events[0]
        yield dataset.stage_partition(self._root, self._run_id, first.date, first.actor, events)


class _CommitFn(beam.DoFn):
    def __init__(self, root: str, run_id: str):
        self._root = root
        self._run_id = run_id
        self._partitions = counter("partitions_touched")

    def process(self, partitions: list[str]):
        moved = dataset.commit(self._root, self._run_id, partitions)
        self._partitions.inc(len(set(partitions)))
        yield moved


class _WriteDeadLettersFn(beam.DoFn):
    def __init__(self, root: str, run_id: str):
        self._root = root
        self._run_id = run_id
        self._count = counter("dead_letters")

    def process(self, letters: list[DeadLetter]):
        self._count.inc(len(letters))
        path = dataset.write_dead_letters(self._root, self._run_id, letters)
        if path:
            yield path


class WriteEvents(beam.PTransform):
    """Event rows → ROOT/date=…/actor=…/part-00000.parquet, committed after staging."""

    def __init__(self, root: str, run_id: str):
        super().__init__()
        self._root = root
        self._run_id = run_id

    def expand(self, events):
        keyed = events | "ValidatePartition" >> beam.ParDo(_ValidatePartitionFn()).with_outputs(DEAD_LETTERS, main="keyed")
        committed = (
            keyed.keyed
            | "GroupByPartition" >> beam.GroupByKey()
            | "StagePartition" >> beam.ParDo(_StagePartitionFn(self._root, self._run_id))
            | "AllStaged" >> beam.combiners.ToList()
            | "Commit" >> beam.ParDo(_CommitFn(self._root, self._run_id))
        )
        return {"committed": committed, DEAD_LETTERS: keyed[DEAD_LETTERS]}


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
