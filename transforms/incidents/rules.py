"""Which rows report the same incident: plain rules, applied to one block of rows at a time.

A **block** is every row with the same actor, the same action and the same incident week (for a
mutual act with a recipient, MUTUAL_ACTIONS, the pair of sides stands for the actor):

- action: the CAMEO root, with the codes users call one action merged (an attack coded 18 by one
  outlet and 19 by another, sanctions coded 163 or 172, "agree to restore ties" 03x and
  "restore ties" 05x, troops seizing or destroying a building 171 and raiding it 190, troops
  searching it 09x with a ground means of rule 3), and a trip (042) set apart from the talks
  held during it (040): schemas/data/incident_actions.csv, where the longest listed prefix of a
  row's code decides (a line that names a means applies only to rows naming it);
- incident day: the day the sentence says the event happened (`event_date`) when it lies within
  WINDOW_DAYS of publication, else the publication date (`date`); the block holds the seven
  days (Monday to Sunday, UTC) around it.

Each row has a **time window**, when the event can have happened:

- a row whose sentence dates the event ("on Monday", "overnight") covers that day and
  DAY_LATE_HOURS more: the day is the publisher's, and a Monday evening in the Americas is
  Tuesday morning in UTC (the rows keep no UTC offset, and feeds often give GMT times anyway).
  So a Washington dinner "on Monday" that ended at 03:00 UTC on Tuesday meets an undated report
  of it published at 14:00 UTC on Tuesday. When the row was published in the first
  DAY_LATE_HOURS of its dated day (UTC), the day before is covered too: "met today" in a paper
  published at 00:03 UTC on Tuesday was read as Tuesday, but its writer's today was Monday;
- a row whose sentence dates nothing reports what happened in the UNDATED_HOURS before it was
  published. So a summit on a Wednesday evening in California, reported at 01:00 UTC on
  Thursday, meets the rows published on Wednesday; two undated stories published a day apart
  do not meet.

Within a block:

1. a row's target counts as its side: a group's country when the group has one (`target_side`:
   "a raid on a Hamas camp" and "a raid in Gaza" are aimed at one side). A row without a target
   (or with its own actor as target: a domestic act names no other side) takes the side of the
   block's rows whose window meets its own when they have exactly one ("one side unknown"), and when they have several, the side whose rows its words overlap
   most (none when it overlaps none); rows aimed at different sides are different incidents;
2. rows of one (block, side) are linked when their windows meet, their words overlap
   (Jaccard similarity of the content words of title and sentence at least SIMILARITY, and at
   least one shared word that names no side or place: `naming_words`) and they do not name
   different places (both name places of the gazetteer and share none: two strikes on two
   cities);
3. an incident is a group of linked rows, grown from the strongest links down (most words in
   common first; ties by event_id); a link that would put rows of contradicting means in one
   group is skipped, even through a third row. The means of a row are the words of its action
   and object that schemas/data/incident_means.csv lists (a raid by troops, a bombardment from a
   distance, a siege); rows name contradicting means when both name some and share none. So
   "Israel's attack on the hospital" may join the shelling of the hospital or the raid on it,
   not both into one. The id is built from the block, the group's earliest incident day and the
   group's earliest row (publication time, then event_id).

Everything is a function of the block's rows alone, so the same rows give the same incident_ids
whatever order, runs or workers produced them. When a later row links two groups, they merge
and take the id of the earlier anchor: the later group's rows are relabelled (the stage rewrites
them; see transforms/incidents/stage.py). Rows of two weeks never meet: an undated report
published early on a Monday (UTC) does not join Sunday's incident.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from schemas import ontology
from transforms.extract.places import place_countries

WINDOW_DAYS = 7  # how far event_date may lie from publication and still place the row's block
SIMILARITY = 0.15  # Jaccard of content words: chosen on the team's incident set (tests/data/GOLD.md)
UNDATED_HOURS = 12  # how long before publication an undated row's event can lie: chosen on the same set
DAY_LATE_HOURS = 5  # how far past UTC midnight a dated day reaches (US Eastern evenings): chosen on the same set
UNDATED_BASES = frozenset({"published", "vague"})  # event_date_basis values that date nothing in the sentence
_WORD = re.compile(r"[a-z][a-z\-]{2,}")
_CAPITALIZED = re.compile(r"\b[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3}")
_MAX_PLACE_WORDS = 4


class IncidentRow(NamedTuple):
    """What the rules read of a row (an Event, or a committed row read back from Parquet)."""

    event_id: str
    actor: str
    event_root: str | None
    target: str | None
    event_date: dt.date | None
    date: dt.date
    published: dt.datetime | None
    title: str | None
    sentence: str | None
    event_date_basis: str | None = None
    event_code: str | None = None
    action: str | None = None
    object: str | None = None
    target_country: str | None = None

    @classmethod
    def of(cls, row) -> IncidentRow:
        return cls(*(getattr(row, name) for name in cls._fields))


@functools.cache
def _actions() -> dict[str, list[tuple[str, str]]]:
    """Code prefix → [(means the row must name, or "" for any; action)], from incident_actions.csv."""
    table: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in ontology.table_rows("incident_actions.csv"):
        table[row["code"]].append((row.get("means") or "", row["action"]))
    return dict(table)


@functools.cache
def _stop_words() -> frozenset[str]:
    return frozenset(row["word"] for row in ontology.table_rows("incident_stop_words.csv"))


@functools.cache
def naming_words() -> frozenset[str]:
    """Words that name a side or a place rather than what happened: country names, demonyms and
    metonyms (schemas/data/countries.csv), one-word organization names ("Hamas", "Wagner") and
    one-word places (schemas/data/places.csv: "Gaza", "Kharkiv"). Every row of a block names its
    sides, and many its war's places, so two rows sharing only these share nothing about which
    incident they report (rule 2)."""
    names = []
    for row in ontology.table_rows("countries.csv"):
        for column in ("names", "demonyms", "metonyms"):
            names.extend(row[column].split("|"))
    for row in ontology.table_rows("organizations.csv"):
        names.extend(row["names"].split("|"))
    names = [name for name in names if len(name.split()) == 1]
    names.extend(name for name in place_countries() if len(name.split()) == 1)
    return frozenset(word for name in names for word in _WORD.findall(name.lower())) - _stop_words()


@functools.cache
def _means_table() -> dict[tuple[str, ...], str]:
    """Words (one or two) → means, from schemas/data/incident_means.csv."""
    return {tuple(row["words"].split()): row["means"] for row in ontology.table_rows("incident_means.csv")}


@functools.cache
def _means_words() -> frozenset[str]:
    return frozenset(w for words in _means_table() for w in words)


def _singular(word: str) -> str:
    """A plural's stem as the means table spells it ("strikes" → strike, "barrages" → barrage)."""
    table_words = _means_words()
    for stem in (word, word[:-1] if word.endswith("s") else None, word[:-2] if word.endswith("es") else None):
        if stem in table_words:
            return stem
    return word


def means_of(row) -> frozenset[str]:
    """The means of attack a row's action and object name (see the module docstring, rule 3); a
    two-word entry ("air raid") is read before its words alone."""
    words = [_singular(w) for w in _WORD.findall(f"{row.action or ''} {row.object or ''}".lower())]
    table = _means_table()
    found, index = set(), 0
    while index < len(words):
        pair = tuple(words[index:index + 2])
        if len(pair) == 2 and pair in table:
            found.add(table[pair])
            index += 2
            continue
        if (words[index],) in table:
            found.add(table[(words[index],)])
        index += 1
    return frozenset(found)


def _contradict(means_a: frozenset[str], means_b: frozenset[str]) -> bool:
    return bool(means_a and means_b and not means_a & means_b)


def action_of(code: str | None, means: frozenset[str] = frozenset()) -> str:
    """The action of a CAMEO code or root: the longest prefix of it that incident_actions.csv
    lists for any means or for one of the row's `means` (means_of), else its root."""
    code = code or ""
    actions = _actions()
    for size in range(len(code), 1, -1):
        for needed, action in actions.get(code[:size], ()):
            if not needed or needed in means:
                return action
    return code[:2]


def row_action(row) -> str:
    """The action of a row: its code, and its means where the action table asks for them."""
    return action_of(row.event_code or row.event_root, means_of(row))


def incident_day(row) -> dt.date:
    if row.event_date is not None and abs((row.event_date - row.date).days) <= WINDOW_DAYS:
        return row.event_date
    return row.date


def week_of(day: dt.date) -> dt.date:
    """The Monday of the day's week."""
    return day - dt.timedelta(days=day.weekday())


# Acts two sides do together: a meeting (hosting someone included), an agreement, joint
# cooperation. "Saudi Arabia and Iran agreed to restore ties" is one incident whichever side a
# row names as its actor.
MUTUAL_ACTIONS = frozenset({"04", "agree", "06"})
PAIR_SEPARATOR = "+"  # never in an actor code (transforms/store/layout.ACTOR_CODE)


def block_key(row) -> tuple[str, str, dt.date]:
    """(actor, action, Monday of the incident day's week): rows of different blocks are never one incident.
    A mutual act with a recipient is keyed by the pair instead ("IRN+SAU", sorted): A's rows toward B
    and B's toward A are one block."""
    action = row_action(row)
    week = week_of(incident_day(row))
    if action in MUTUAL_ACTIONS and row.target and row.target != row.actor:
        return PAIR_SEPARATOR.join(sorted((row.actor, row.target))), action, week
    return row.actor, action, week


def block_actors(block_actor: str) -> list[str]:
    """The actors whose partitions hold a block's rows: one, or the two of a pair."""
    return block_actor.split(PAIR_SEPARATOR)


def lookup_dates(week: dt.date) -> tuple[dt.date, dt.date]:
    """The publication dates whose partitions can hold rows of the block of this week."""
    return week - dt.timedelta(days=WINDOW_DAYS), week + dt.timedelta(days=6 + WINDOW_DAYS)


def _is_undated(row: IncidentRow) -> bool:
    """The sentence dates nothing: event_date is the publication fallback (or absent)."""
    return row.event_date is None or row.event_date_basis in UNDATED_BASES or (
        row.event_date_basis is None and row.event_date == row.date)


def time_window(row: IncidentRow) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) in UTC when the row's event can have happened (see the module docstring)."""
    published = None
    if row.published is not None:
        published = row.published if row.published.tzinfo else row.published.replace(tzinfo=dt.timezone.utc)
    if _is_undated(row) and published is not None:
        return published - dt.timedelta(hours=UNDATED_HOURS), published
    start = dt.datetime.combine(incident_day(row), dt.time(), tzinfo=dt.timezone.utc)
    end = start + dt.timedelta(days=1, hours=DAY_LATE_HOURS)
    if published is not None and start <= published < start + dt.timedelta(hours=DAY_LATE_HOURS):
        # published in the first hours of the UTC day: "met today" in an American evening
        # paper is the day before in UTC terms (the day was read from the UTC date)
        start -= dt.timedelta(days=1)
    return start, end


def _meet(a: tuple[dt.datetime, dt.datetime], b: tuple[dt.datetime, dt.datetime]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def content_words(row: IncidentRow) -> frozenset[str]:
    text = f"{row.title or ''} {row.sentence or ''}".lower()
    stop = _stop_words()
    return frozenset(w for w in _WORD.findall(text) if w not in stop)


def places_named(text: str | None) -> frozenset[str]:
    """Gazetteer places (cities, regions: schemas/data/places.csv) named in capitalized words."""
    table = place_countries()
    found = set()
    for match in _CAPITALIZED.finditer(text or ""):
        words = match.group(0).split()
        for size in range(min(len(words), _MAX_PLACE_WORDS), 0, -1):
            for start in range(len(words) - size + 1):
                name = " ".join(words[start:start + size]).lower()
                if table.get(name):
                    found.add(name)
    return frozenset(found)


class _Features(NamedTuple):
    words: frozenset[str]
    places: frozenset[str]
    window: tuple[dt.datetime, dt.datetime]
    means: frozenset[str] = frozenset()


def _features(row: IncidentRow) -> _Features:
    return _Features(content_words(row), places_named(row.sentence), time_window(row), means_of(row))


def _linked(a: _Features, b: _Features) -> bool:
    (words_a, places_a, window_a, _), (words_b, places_b, window_b, _) = a, b
    if not _meet(window_a, window_b):
        return False
    if places_a and places_b and not places_a & places_b:
        return False
    union, shared = words_a | words_b, words_a & words_b
    return bool(union) and len(shared) / len(union) >= SIMILARITY and bool(shared - naming_words())


def _groups(rows: Sequence[IncidentRow], features_of: dict[str, _Features]) -> list[list[IncidentRow]]:
    """Groups of linked rows, merged from the strongest link down, never joining rows of
    contradicting means (rule 3). Links are taken in order of (similarity, event_ids), so the
    result does not depend on the order of rows."""
    features = [features_of[r.event_id] for r in rows]
    similarity = {(i, j): _similarity(features[i], features[j])
                  for i in range(len(rows)) for j in range(i + 1, len(rows))}
    links = sorted((-score, rows[i].event_id, rows[j].event_id, i, j)
                   for (i, j), score in similarity.items() if score > 0)  # > 0: linked
    parent = list(range(len(rows)))
    means_in = [{features[i].means} if features[i].means else set() for i in range(len(rows))]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for *_, i, j in links:
        root_i, root_j = find(i), find(j)
        if root_i == root_j or any(_contradict(a, b) for a in means_in[root_i] for b in means_in[root_j]):
            continue
        parent[root_i] = root_j
        means_in[root_j] |= means_in[root_i]
    groups: dict[int, list[IncidentRow]] = defaultdict(list)
    for i, row in enumerate(rows):
        groups[find(i)].append(row)
    return list(groups.values())


def _similarity(a: _Features, b: _Features) -> float:
    return len(a.words & b.words) / len(a.words | b.words) if _linked(a, b) else 0.0


def target_side(row: IncidentRow) -> str | None:
    """The side a row's target stands for: a group's country when it has one ("an attack on Hamas"
    and "an attack on Gaza" are aimed at one side, PSE), else the target itself: outlets name
    the side of one incident by its group or by its country (rule 1)."""
    return row.target_country or row.target if row.target else None


def _target_for_untargeted(row: IncidentRow, by_target: dict[str | None, list[IncidentRow]],
                           features_of: dict[str, _Features]) -> str | None:
    """A row without a target joins the one target of the targeted rows whose time window meets
    its own; when they have several, the target whose rows its words overlap most (ties: the
    first target in order), else none. Only the targeted rows decide, so the choice does not
    depend on the order of rows."""
    features = features_of[row.event_id]
    near = {t: [r for r in rows if _meet(features.window, features_of[r.event_id].window)]
            for t, rows in by_target.items() if t}
    targets = sorted(t for t, rows in near.items() if rows)
    if len(targets) == 1:
        return targets[0]
    best, best_score = None, 0.0
    for target in targets:
        score = max(_similarity(features, features_of[r.event_id]) for r in near[target])
        if score > best_score:
            best, best_score = target, score
    return best


def _anchor(row: IncidentRow) -> tuple:
    published = row.published.isoformat() if row.published else row.date.isoformat() + "T23:59:59"
    return published, row.event_id


def incident_id(block: tuple[str, str, dt.date], target: str | None, anchor: IncidentRow, day: dt.date) -> str:
    """`<day>-<actor>-<action>-<10 hex>`: readable (the group's earliest incident day), and
    unique per (block, target, anchor row)."""
    actor, action, _ = block
    digest = hashlib.sha1(f"{actor}|{action}|{day}|{target or ''}|{anchor.event_id}".encode()).hexdigest()[:10]
    return f"{day.isoformat()}-{actor}-{action or 'x'}-{digest}"


def assign_block(rows: Iterable[IncidentRow]) -> dict[str, str]:
    """event_id → incident_id for every row of one block (all its rows: committed and new)."""
    rows = sorted(set(rows), key=lambda r: r.event_id)
    if not rows:
        return {}
    block = block_key(rows[0])
    features_of = {row.event_id: _features(row) for row in rows}  # the words and places are read once
    if PAIR_SEPARATOR in block[0]:  # both sides' rows: the pair is the only "target"
        rows = [row._replace(target=None) for row in rows]
    # a domestic act (the actor its own recipient) names no side: like a row without a target
    rows = [row._replace(target=None) if row.target == row.actor else row for row in rows]
    targeted: dict[str | None, list[IncidentRow]] = defaultdict(list)
    for row in rows:
        if row.target:
            targeted[target_side(row)].append(row)
    by_target = defaultdict(list, {target: list(members) for target, members in targeted.items()})
    for row in rows:
        if not row.target:
            by_target[_target_for_untargeted(row, targeted, features_of)].append(row)
    labels = {}
    for target, members in by_target.items():
        for group in _groups(members, features_of):
            anchor = min(group, key=_anchor)
            label = incident_id(block, target, anchor, min(incident_day(r) for r in group))
            labels.update((row.event_id, label) for row in group)
    return labels


def assign(rows: Iterable) -> dict[str, str]:
    """event_id → incident_id over any rows (grouped into blocks here): for tests and evaluation."""
    blocks: dict[tuple, list[IncidentRow]] = defaultdict(list)
    for row in rows:
        row = IncidentRow.of(row)
        blocks[block_key(row)].append(row)
    labels = {}
    for members in blocks.values():
        labels.update(assign_block(members))
    return labels
