"""AssignIncidents: every new row gets its incident_id; committed rows whose incident changed are relabelled.

    events ─► KeyByBlock ─► GroupByKey ─► AssignBlock ─┬─► events with incident_id ('events')
                                             ▲          └─► (partition, (event_id, incident_id)) ('relabels')
    articles processed this run ─────────────┘ (side input: their committed rows are being replaced)

A block (transforms/incidents/rules.py) is one actor (or, for a mutual act, the pair of sides),
one action and one incident week, so the committed rows it needs are in the partitions of that
actor (or of the two sides) within WINDOW_DAYS of the week: only those files are read
(`snapshot_files` narrowed by actor and dates), never the dataset.
The rules see the block's committed rows (minus those of articles this run re-processes) and
its new rows together, so the result is the one a single run over all the articles would give;
committed rows whose incident_id changes (a new row linked two incidents, or gave the block
its only target) go to WriteEvents as relabels and are rewritten in the same commit.
"""
from __future__ import annotations

import collections
import datetime as dt

import apache_beam as beam

from transforms.counters import counter
from transforms.incidents import rules
from transforms.store import layout, storage
from transforms.store.snapshot import snapshot_files

RELABELS = "relabels"
_COLUMNS = ["event_id", "article_id", "event_code", "event_root", "target", "event_date", "published", "title", "sentence",
            "event_date_basis", "incident_id", "action", "object", "target_country"]
_CACHED_FILES = 512


class _CommittedRows:
    """The committed rows of one actor's partitions, read once per file per worker (LRU)."""

    def __init__(self, root: str):
        self._root = root
        self._files: collections.OrderedDict[str, list[tuple[str, dict, tuple]]] = collections.OrderedDict()
        self._listed: collections.OrderedDict[str, dict[dt.date, list[str]]] = collections.OrderedDict()
        self._bucket_listing: dict[str, dict[dt.date, list[str]]] | None = None

    def of_block(self, actor: str, action: str, week: dt.date) -> list[tuple[str, dict]]:
        """(partition, row) of the committed rows in the block: in its actor's partitions, or in both
        sides' for a pair's block (rules.block_key). Each row carries its partition's actor."""
        low, high = rules.lookup_dates(week)
        found = []
        for member in rules.block_actors(actor):
            if not layout.ACTOR_CODE.fullmatch(member):
                continue
            by_date = self._partitions_of(member)
            for path in (p for date, paths in sorted(by_date.items()) if low <= date <= high for p in paths):
                for rel, row, block in self._read(path, member):
                    if block == (actor, action, week):
                        found.append((rel, row))
        return found

    def _partitions_of(self, actor: str) -> dict[dt.date, list[str]]:
        """The actor's committed files by partition date, listed once per worker: the run holds the
        lock, so nothing but this run changes the dataset, and this run commits only at its end."""
        if storage.is_remote(self._root):  # one listing of the bucket, not one per actor (each is requests)
            if self._bucket_listing is None:
                self._bucket_listing = self._by_actor(snapshot_files(self._root))
            return self._bucket_listing.get(actor) or {}
        if actor not in self._listed:
            self._listed[actor] = self._by_actor(snapshot_files(self._root, actors=[actor])).get(actor) or {}
            if len(self._listed) > _CACHED_FILES:
                self._listed.popitem(last=False)
        return self._listed[actor]

    def _by_actor(self, paths: list[str]) -> dict[str, dict[dt.date, list[str]]]:
        found: dict[str, dict[dt.date, list[str]]] = collections.defaultdict(lambda: collections.defaultdict(list))
        for path in paths:
            date, actor = layout.parse_partition(storage.relative(self._root, path).rsplit("/", 1)[0])
            found[actor][date].append(path)
        return found

    def _read(self, path: str, actor: str) -> list[tuple[str, dict, tuple]]:
        """(partition, row, its block) of one file: read, and each row's block computed, once."""
        if path in self._files:
            self._files.move_to_end(path)
            return self._files[path]
        rel = storage.relative(self._root, path).rsplit("/", 1)[0]
        date, _ = layout.parse_partition(rel)
        try:
            present = set(storage.read_schema(path).names)
            table = storage.read_table(path, columns=[c for c in _COLUMNS if c in present])
        except (OSError, ValueError):  # a damaged file: the writer sets it aside (transforms/store/dataset.py)
            rows = []
        else:
            rows = [(rel, row, rules.block_key(incident_row(row)))
                    for row in (dict(r, date=date, actor=actor) for r in table.to_pylist())]
        self._files[path] = rows
        if len(self._files) > _CACHED_FILES:
            self._files.popitem(last=False)
        return rows


def _block_text(block: tuple[str, str, dt.date]) -> str:
    """A string key: Beam groups by encoded keys, and strings encode the same everywhere."""
    actor, action, week = block
    return f"{actor}|{action}|{week.isoformat()}"


def _parse_block(key: str) -> tuple[str, str, dt.date]:
    actor, action, week = key.split("|")
    return actor, action, dt.date.fromisoformat(week)


def incident_row(row: dict) -> rules.IncidentRow:
    """A committed row (a dict read back from a part file, with its partition's date and actor) for the rules."""
    return rules.IncidentRow(row["event_id"], row["actor"], row.get("event_root"), row.get("target"), row.get("event_date"),
                             row["date"], row.get("published"), row.get("title"), row.get("sentence"),
                             row.get("event_date_basis"), row.get("event_code"), row.get("action"), row.get("object"),
                             row.get("target_country"))


class _AssignBlockFn(beam.DoFn):
    def __init__(self, root: str):
        self._root = root
        self._relabelled = counter("incident_rows_relabelled")
        self._committed = None

    def setup(self):
        self._committed = _CommittedRows(self._root)

    def process(self, keyed, processed: frozenset):
        key, events = keyed
        actor, action, week = _parse_block(key)
        events = list(events)
        old = [(rel, row) for rel, row in self._committed.of_block(actor, action, week)
               if row["article_id"] not in processed]
        labels = rules.assign_block([rules.IncidentRow.of(e) for e in events] + [incident_row(r) for _, r in old])
        for event in events:
            yield event._replace(incident_id=labels[event.event_id])
        for rel, row in old:
            if row.get("incident_id") != labels[row["event_id"]]:
                self._relabelled.inc()
                yield beam.pvalue.TaggedOutput(RELABELS, (rel, (row["event_id"], labels[row["event_id"]])))


class AssignIncidents(beam.PTransform):
    """{'events', 'processed' (ids of the articles sent to extraction)} → {'events', 'relabels'}."""

    def __init__(self, root: str):
        super().__init__()
        self._root = root

    def expand(self, inputs):
        processed = (
            inputs["processed"]
            | "ProcessedIds" >> beam.combiners.ToList()
            | "AsSet" >> beam.Map(frozenset)
        )
        assigned = (
            inputs["events"]
            | "KeyByBlock" >> beam.Map(lambda e: (_block_text(rules.block_key(e)), e))
            | "GroupByBlock" >> beam.GroupByKey()
            | "AssignBlock" >> beam.ParDo(_AssignBlockFn(self._root), beam.pvalue.AsSingleton(processed)).with_outputs(
                RELABELS, main="events")
        )
        return {"events": assigned.events, RELABELS: assigned[RELABELS]}

