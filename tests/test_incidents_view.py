"""The `incidents` view, `eventwire query --top-incidents` and `open_incidents`, read back from
real Parquet files written by the commit protocol (one older-schema file without incident_id)."""
from __future__ import annotations

import datetime as dt
import json
import math

import numpy as np
import pyarrow.parquet as pq
import pytest
from conftest import make_event
from runs_helpers import eventwire

from pipeline import open_events, open_incidents
from pipeline.query import run_query
from transforms.store import dataset as store

D1, D2, D3 = dt.date(2026, 11, 20), dt.date(2026, 11, 21), dt.date(2026, 11, 22)
UTC = dt.timezone.utc
NAMES = {"190": "Use conventional military force", "193": "Fight with small arms and light weapons",
         "195": "Employ aerial weapons", "163": "Impose embargo, boycott, or sanctions",
         "172": "Impose administrative sanctions", "112": "Accuse", "111": "Criticize or denounce",
         "130": "Threaten"}
GOLDSTEIN = {"190": -10.0, "193": -10.0, "195": -10.0, "163": -8.0, "172": -5.0, "112": -2.0, "111": -2.0,
             "130": -4.4}


def _row(n: int, *, run, date, actor, code, confidence, article, source, published, target=None,
         event_date=None, incident_id=None, sentence=None):
    return make_event(
        event_id=f"{run}-{n:030d}", run_id=run, date=date, actor=actor, target=target, event_code=code,
        event_root=code[:2], event_name=NAMES[code], goldstein=GOLDSTEIN[code], quad_class=4 if code[:2] >= "15" else 3,
        confidence=confidence, article_id=article, source=source, url=f"https://{source}/{article}",
        published=published, event_date=event_date, event_date_basis="sentence" if event_date else "vague",
        incident_id=incident_id, sentence=sentence or f"{actor} {code} in {article}.",
    )


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


STRIKE = dict(actor="RUS", incident_id="inc-strike", event_date=D1)
# A strike reported by three outlets in five articles over two runs and two publication days:
# 190 three times, 195 twice (the most confident row among them), 193 once.
RUN1 = [
    _row(1, run="r1", date=D1, code="190", confidence=0.6, article="a1", source="s1.example", target="UKR",
         published=_at(D1, 8), **STRIKE),
    _row(2, run="r1", date=D1, code="193", confidence=0.3, article="a1", source="s1.example", target="UKR",
         published=_at(D1, 8), **STRIKE),
    _row(3, run="r1", date=D1, code="195", confidence=0.8, article="a2", source="s2.example", target="UKR",
         published=_at(D1, 9), **STRIKE),
    _row(4, run="r1", date=D1, code="190", confidence=0.7, article="a3", source="s1.example", target=None,
         published=_at(D1, 10), sentence="Russian forces attacked on Monday.", **STRIKE),
]
RUN2 = [
    _row(5, run="r2", date=D2, code="190", confidence=0.5, article="a4", source="s3.example", target="UKR",
         published=_at(D2, 7), **STRIKE),
    _row(6, run="r2", date=D2, code="195", confidence=0.95, article="a5", source="s2.example", target="UKR",
         published=_at(D2, 6), sentence="Russian jets struck Ukrainian positions on Monday.", **STRIKE),
    # sanctions coded 163 by one outlet; the other (next run) says 172 with certainty, its day vague
    _row(7, run="r2", date=D2, actor="EU", code="163", confidence=0.5, article="b1", source="s1.example",
         target="BLR", published=_at(D2, 12), event_date=D2, incident_id="inc-sanctions"),
]
RUN3 = [
    _row(8, run="r3", date=D3, actor="EU", code="172", confidence=1.0, article="b2", source="s4.example",
         published=_at(D3, 9), event_date=None, incident_id="inc-sanctions"),
    _row(9, run="r3", date=D3, actor="UKR", code="112", confidence=0.4, article="c1", source="s1.example",
         target="RUS", published=_at(D3, 10), event_date=D3, incident_id="inc-accusation"),
]
# Written before incident_id (and event_date) existed: each row is an incident of its own.
OLD = [
    _row(1, run="old", date=D1, actor="RUS", code="111", confidence=0.45, article="o1", source="s5.example",
         target="UKR", published=_at(D1, 5)),
    _row(2, run="old", date=D1, actor="RUS", code="130", confidence=0.55, article="o1", source="s5.example",
         target="UKR", published=_at(D1, 5)),
]
EVERY_ROW = RUN1 + RUN2 + RUN3 + OLD


def _write(root, run_id, events) -> dict:
    """Commit `events` as run `run_id`, one file per partition, as the writer does."""
    groups: dict[tuple, list] = {}
    for event in events:
        groups.setdefault((event.date, event.actor), []).append(event)
    changes = [store.stage_partition(str(root), run_id, day, actor, rows) for (day, actor), rows in groups.items()]
    return store.commit(str(root), run_id, changes)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("incidents")
    old = _write(root, "old", OLD)
    for rel in old["files_added"]:
        path = root / rel
        pq.write_table(pq.read_table(path).drop(["incident_id", "event_date", "event_date_basis"]), path)
    assert "incident_id" not in pq.read_schema(root / old["files_added"][0]).names
    for run_id, rows in (("r1", RUN1), ("r2", RUN2), ("r3", RUN3)):
        _write(root, run_id, rows)
    return root


def _f32(value: float) -> float:
    """The value as stored: confidence is float32 in the files."""
    return float(np.float32(value))


def corroborated(rows) -> float:
    """1 - Π over distinct sources of (1 - the source's best confidence, capped at 0.99)."""
    best: dict[str, float] = {}
    for row in rows:
        best[row.source] = max(best.get(row.source, 0.0), min(_f32(row.confidence), 0.99))
    return 1 - math.prod(1 - value for value in best.values())


def _incidents(root, **narrow) -> dict[str, dict]:
    relation = open_incidents(str(root), **narrow)
    return {row[0]: dict(zip(relation.columns, row)) for row in relation.fetchall()}


def test_one_row_per_incident_with_hand_computed_figures(dataset):
    incidents = _incidents(dataset)
    old_ids = {row.event_id for row in OLD}
    assert set(incidents) == {"inc-strike", "inc-sanctions", "inc-accusation"} | old_ids

    strike = incidents["inc-strike"]
    rows = [r for r in EVERY_ROW if r.incident_id == "inc-strike"]
    assert (strike["mentions"], strike["articles"], strike["sources"]) == (6, 5, 3)
    assert strike["first_seen"] == _at(D1, 8) and strike["last_seen"] == _at(D2, 7)
    assert strike["event_date"] == D1 and strike["date"] == D1  # reported again on D2 about D1
    assert (strike["actor"], strike["actor_name"], strike["target"]) == ("RUS", "Russia", "UKR")
    # the code most rows give (190), though the most confident row says 195 ...
    assert (strike["event_code"], strike["event_root"], strike["event_name"]) == ("190", "19", NAMES["190"])
    assert strike["quad_class"] == 4 and strike["goldstein"] == -10.0
    # ... whose sentence and URL are the evidence
    assert strike["evidence"] == "Russian jets struck Ukrainian positions on Monday."
    assert strike["url"] == "https://s2.example/a5"
    assert strike["confidence"] == pytest.approx(corroborated(rows), rel=1e-6)
    assert strike["confidence"] == pytest.approx(1 - (1 - 0.7) * (1 - 0.95) * (1 - 0.5), rel=1e-6)
    assert strike["confidence"] > max(r.confidence for r in rows)  # independent sources corroborate

    sanctions = incidents["inc-sanctions"]
    rows = [r for r in EVERY_ROW if r.incident_id == "inc-sanctions"]
    # one row each for 163 and 172: the tie goes to the most confident row's code
    assert (sanctions["event_code"], sanctions["event_root"], sanctions["event_name"]) == ("172", "17", NAMES["172"])
    assert sanctions["goldstein"] == GOLDSTEIN["172"]
    # days D2 (given) and D3 (vague: its publication date): the tie goes to the earliest
    assert sanctions["event_date"] == D2 and sanctions["date"] == D2
    assert sanctions["target"] == "BLR"  # the one row naming a target
    assert (sanctions["mentions"], sanctions["articles"], sanctions["sources"]) == (2, 2, 2)
    # a certain row is capped at 0.99 so the other source still counts
    assert sanctions["confidence"] == pytest.approx(corroborated(rows), rel=1e-6)
    assert sanctions["confidence"] == pytest.approx(1 - 0.01 * 0.5, rel=1e-6) and sanctions["confidence"] < 1

    for row in OLD:  # no incident_id: the event is its own incident, dated by publication
        alone = incidents[row.event_id]
        assert (alone["mentions"], alone["articles"], alone["sources"]) == (1, 1, 1)
        assert alone["event_code"] == row.event_code and alone["event_date"] == D1 == alone["date"]
        assert alone["confidence"] == pytest.approx(_f32(row.confidence), rel=1e-6)
        assert alone["evidence"] == row.sentence and alone["url"] == row.url

    assert sum(i["mentions"] for i in incidents.values()) == len(EVERY_ROW)


def test_the_events_view_is_unchanged_beside_it(dataset):
    events = open_events(str(dataset))
    assert events.aggregate("count(*), count(incident_id), count(DISTINCT incident_id)").fetchall() == [(11, 9, 3)]
    assert events.filter("run_id = 'old'").aggregate("count(incident_id), count(event_date)").fetchall() == [(0, 0)]
    columns, rows = run_query(str(dataset), "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM incidents)")
    assert rows == [(11, 5)]


@pytest.mark.parametrize(
    "narrow, expected",
    [
        # the strike folded from its D2 rows only: two articles, two sources
        ({"since": "2026-11-21"}, {"inc-strike": (2, 2, 2, D2), "inc-sanctions": (2, 2, 2, D2),
                                   "inc-accusation": (1, 1, 1, D3)}),
        ({"until": D1}, {"inc-strike": (4, 3, 2, D1), OLD[0].event_id: (1, 1, 1, D1),
                         OLD[1].event_id: (1, 1, 1, D1)}),
        ({"actors": ["EU"], "until": "2026-11-21"}, {"inc-sanctions": (1, 1, 1, D2)}),
        ({"actors": ["RUS", "UKR"], "since": D2}, {"inc-strike": (2, 2, 2, D2), "inc-accusation": (1, 1, 1, D3)}),
    ],
)
def test_open_incidents_narrows_like_open_events(dataset, narrow, expected):
    incidents = _incidents(dataset, **narrow)
    assert {key: (i["mentions"], i["articles"], i["sources"], i["date"]) for key, i in incidents.items()} == expected
    kept = {r.event_id for r in EVERY_ROW} & {row[0] for row in open_events(str(dataset), **narrow)
                                                .project("event_id").fetchall()}
    for key, incident in incidents.items():
        rows = [r for r in EVERY_ROW if (r.incident_id or r.event_id) == key and r.event_id in kept]
        assert incident["confidence"] == pytest.approx(corroborated(rows), rel=1e-6)


def test_top_incidents_through_the_command_line(dataset):
    done = eventwire("query", "--output", str(dataset), "--top-incidents", "--format", "json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert list(shown[0]) == ["event_date", "actor", "target", "event_code", "event_name", "mentions", "articles",
                              "sources", "confidence", "evidence", "url"]
    # by sources, then mentions, then the latest day; the two old rows tie on all three: by incident_id
    assert [(r["actor"], r["event_code"], r["sources"], r["mentions"]) for r in shown] == [
        ("RUS", "190", 3, 6), ("EU", "172", 2, 2), ("UKR", "112", 1, 1), ("RUS", "111", 1, 1), ("RUS", "130", 1, 1),
    ]
    assert shown[0]["event_date"] == "2026-11-20" and shown[0]["url"] == "https://s2.example/a5"
    assert shown[0]["confidence"] == pytest.approx(round(corroborated(RUN1 + RUN2[:2]), 3))

    narrowed = eventwire("query", "--output", str(dataset), "--top-incidents", "--actor", "rus", "--since",
                         "2026-11-21", "--format", "json")
    assert narrowed.returncode == 0, narrowed.stderr
    assert [(r["actor"], r["mentions"], r["articles"], r["sources"]) for r in json.loads(narrowed.stdout)] == [
        ("RUS", 2, 2, 2)]
    limited = eventwire("query", "--output", str(dataset), "--top-incidents", "--limit", "2", "--format", "json")
    assert [r["event_code"] for r in json.loads(limited.stdout)] == ["190", "172"]

    table = eventwire("query", "--output", str(dataset), "--top-incidents", "--max-width", "20")
    assert table.returncode == 0 and "Russian jets struck…" in table.stdout and "(5 rows)" in table.stdout
    both = eventwire("query", "--output", str(dataset), "--top-incidents", "--dyads")
    assert both.returncode == 2


def test_incidents_against_events_in_sql_through_the_command_line(dataset):
    sql = ("SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM incidents) AS incidents, "
           "(SELECT sum(mentions) FROM incidents) AS mentions")
    done = eventwire("query", "--output", str(dataset), "--since", "2026-11-21", "--format", "json", sql)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"events": 5, "incidents": 3, "mentions": 5}]
    done = eventwire("query", "--output", str(dataset), "--format", "csv",
                     "SELECT actor, count(*) AS n FROM events GROUP BY actor ORDER BY actor")
    assert done.returncode == 0 and done.stdout.splitlines() == ["actor,n", "EU,2", "RUS,8", "UKR,1"]


def test_a_real_run_folds_into_incidents(tmp_path):
    """The sample feeds through the whole pipeline: every row is a mention of exactly one incident."""
    from runs_helpers import FEEDS, run_ok

    output = tmp_path / "out"
    run_ok("--feeds", FEEDS, "--output", output, "--run_id", "sample", "--run_date", "2026-11-20", "--quiet")
    events = open_events(str(output))
    rows, keys = events.aggregate("count(*), count(DISTINCT coalesce(incident_id, event_id))").fetchall()[0]
    incidents = open_incidents(str(output))
    assert rows > 0 and incidents.aggregate("count(*), sum(mentions)").fetchall() == [(keys, rows)]
    per_source = events.aggregate("coalesce(incident_id, event_id) AS incident, source, max(confidence) AS best")
    by_incident: dict[str, list[float]] = {}
    for incident, _, best in per_source.fetchall():
        by_incident.setdefault(incident, []).append(min(best, 0.99))
    for incident_id, confidence in incidents.project("incident_id, confidence").fetchall():
        assert confidence == pytest.approx(1 - math.prod(1 - b for b in by_incident[incident_id]), rel=1e-6)
    done = eventwire("query", "--output", output, "--top-incidents", "--format", "json")
    assert done.returncode == 0 and len(json.loads(done.stdout)) == min(20, keys)


def test_an_incident_of_two_sides_shows_the_other_side_as_its_target(tmp_path):
    """A meeting is one incident whichever side a row names first (transforms/incidents/rules.py):
    rows of the other side toward the shown actor vote for their own actor as the target, so the
    target is never the shown actor itself."""
    pair = dict(incident_id="inc-pair", event_date=D1, date=D1, code="111", run="p")
    _write(tmp_path, "p", [
        _row(1, actor="GHA", target="TGO", confidence=0.9, article="b1", source="s1.example",
             published=_at(D1, 8), **pair),
        _row(2, actor="TGO", target="GHA", confidence=0.5, article="b2", source="s2.example",
             published=_at(D1, 9), **pair),
        _row(3, actor="TGO", target="GHA", confidence=0.4, article="b3", source="s3.example",
             published=_at(D1, 10), **pair),
    ])
    incident = _incidents(tmp_path)["inc-pair"]
    assert (incident["actor"], incident["target"], incident["mentions"]) == ("GHA", "TGO", 3)
