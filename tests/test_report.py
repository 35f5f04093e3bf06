"""`eventwire report`: the page's figures are the figures `eventwire query` gives over the same
window, the page is one self-contained file, and an empty window, a single day and one actor work.

The dataset is written with the project's own writer (stage + commit), so the report reads real
Parquet files through the snapshot reader. `synthetic_events` is also what bench/report_bench.py
writes at 1k and 100k rows. The browser half is tests/test_report_browser.py.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from html.parser import HTMLParser

import numpy as np
import pytest
from conftest import make_event

from pipeline import build_report
from pipeline.cli import main
from pipeline.query import connect
from pipeline.report import Limits, compute_figures, default_path, render_report
from pipeline.report.figures import bucket_for, has_incidents, headline, most_reported, read_facts
from transforms.store import dataset

START = dt.date(2026, 11, 1)
# (code, name, quad class, Goldstein): CAMEO rows of schemas/data/cameo.csv
CODES = [("036", "Express intent to meet or negotiate", 1, 4.0), ("057", "Sign formal agreement", 1, 8.0),
         ("073", "Provide humanitarian aid", 2, 7.4), ("112", "Accuse", 3, -2.0), ("130", "Threaten", 3, -4.4),
         ("163", "Impose embargo, boycott, or sanctions", 4, -8.0), ("190", "Use conventional military force", 4, -10.0)]
# (code, country, type): countries, IGOs and groups with no country, a group with one, a historical state
ACTORS = [("RUS", "RUS", "GOV"), ("UKR", "UKR", "MIL"), ("USA", "USA", "GOV"), ("CHN", "CHN", "GOV"),
          ("FRA", "FRA", "GOV"), ("IND", "IND", "GOV"), ("BRA", "BRA", "GOV"), ("ZAF", "ZAF", "GOV"),
          ("TUR", "TUR", "GOV"), ("IRN", "IRN", "GOV"), ("ISR", "ISR", "MIL"), ("SGP", "SGP", "GOV"),
          ("UN", None, "IGO"), ("NATO", None, "IGO"), ("EU", None, "IGO"), ("HAMAS", None, "REB"),
          ("RSF", "SDN", "REB"), ("SUN", "SUN", "GOV")]
SOURCES = ["wire.example.com", "news.example.org", "daily.example.net"]
LONG = "The ministers met again " + "and talked at length about the ceasefire " * 12 + "before leaving."


STORY_SIZES = (1, 2, 3, 5)  # how many articles report each story, in turn


def synthetic_events(rows: int, days: int = 10, start: dt.date = START, run: str = "r1") -> list:
    """`rows` events over `days` days, varied like news: incidents reported by one to five articles
    from up to three outlets, RUS → UKR turning from talks to force."""
    events = []
    story = 0
    while len(events) < rows:
        day = start + dt.timedelta(days=(story * 7) % days)
        who = story * 5 + story // len(ACTORS)  # not a function of the day: every actor acts on many days
        actor, country, kind = ACTORS[who % len(ACTORS)]
        target = None if story % 7 == 0 else ACTORS[(who + 1 + story % 4) % len(ACTORS)][0]
        code, name, quad, goldstein = CODES[(story * 3) % len(CODES)]
        if actor == "RUS" and target is not None:
            target = "UKR"
            code, name, quad, goldstein = CODES[0] if (day - start).days < days // 2 else CODES[-1]
        for copy in range(min(STORY_SIZES[story % len(STORY_SIZES)], rows - len(events))):
            i = len(events)
            sentence = LONG if i == 5 else f"{actor} did {name.lower()} to {target or 'nobody'} (row {i})."
            source = SOURCES[copy % len(SOURCES)]
            events.append(make_event(
                event_id=f"{run}-{i:030d}", date=day, actor=actor, actor_name=actor, actor_country=country,
                actor_type=kind, action="act", event_code=code, event_root=code[:2], event_name=name,
                quad_class=quad, goldstein=goldstein, target=target, target_name=target, target_country=None,
                sentence=sentence, article_id=f"{run}-article-{(story + copy) % 1009}-{copy}",
                url=f"https://{source}/story/{story}/{copy}", title=f"Story {story}", source=source,
                published=dt.datetime.combine(day, dt.time(story % 24, copy), tzinfo=dt.timezone.utc),
                confidence=round(0.5 + (i % 5) / 10, 2), run_id=run, incident_id=f"{run}-incident-{story}",
            ))
        story += 1
    return events


def write_events(root, events, run_id: str = "r1") -> None:
    """Stage one file per (date, actor) partition and commit, as a run does."""
    groups = defaultdict(list)
    for e in events:
        groups[(e.date, e.actor)].append(e)
    changes = [dataset.stage_partition(str(root), run_id, d, a, rows) for (d, a), rows in sorted(groups.items())]
    dataset.commit(str(root), run_id, changes)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    root = tmp_path_factory.mktemp("report") / "output"
    events = synthetic_events(600)
    write_events(root, events)
    return root, events


def _query(capsys, root, *args) -> list[dict]:
    code = main(["query", "--output", str(root), "--format", "json", *map(str, args)])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_figures_equal_eventwire_query(sample, capsys):
    root, events = sample
    figures = compute_figures(str(root))
    head = figures.headline
    [row] = _query(capsys, root, "SELECT count(*) AS events, count(DISTINCT article_id) AS articles, "
                   "count(DISTINCT actor) AS actors, count(DISTINCT source) AS sources, "
                   "min(date) AS first, max(date) AS last, count(*) FILTER (WHERE quad_class IN (1, 3)) AS verbal, "
                   "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation FROM events")
    assert (head.events, head.articles, head.actors, head.sources) == (
        row["events"], row["articles"], row["actors"], row["sources"]) == (
        len(events), len({e.article_id for e in events}), len({e.actor for e in events}), len({e.source for e in events}))
    assert (head.first_day.isoformat(), head.last_day.isoformat()) == (row["first"], row["last"])
    assert (head.verbal, head.cooperation) == (row["verbal"], row["cooperation"])
    assert head.verbal + head.material == head.cooperation + head.conflict == len(events)
    [incidents] = _query(capsys, root, "SELECT count(*) AS n FROM incidents")
    assert head.incidents == incidents["n"] == len({e.incident_id for e in events})

    assert figures.top_actors == [dict(r, first=dt.date.fromisoformat(r["first"]), last=dt.date.fromisoformat(r["last"]))
                                  for r in _query(capsys, root, "--top-actors", "--limit", 15)]
    assert [(r["actor"], r["target"], r["events"]) for r in figures.top_dyads] == [
        (r["actor"], r["target"], r["events"]) for r in _query(capsys, root, "--dyads", "--limit", 15)]
    per_day = Counter((e.date, e.quad_class) for e in events)
    assert {(r["bucket"], r["quad_class"]): r["events"] for r in figures.timeline} == per_day
    rus = _query(capsys, root, "--timeline", "RUS")
    assert sum(r["events"] for r in rus) == sum(1 for e in events if e.actor == "RUS")

    by_country = Counter(e.actor_country for e in events if e.actor_country)
    assert {r["country"]: r["events"] for r in figures.countries} == by_country
    assert {r["actor"] for r in figures.groups} == {e.actor for e in events if e.actor_country is None}


def test_escalation_is_the_fall_of_the_dyads_average_goldstein(sample):
    root, events = sample
    figures = compute_figures(str(root), limits=Limits(escalation=1000))
    start, middle, end = figures.halves
    assert (start, end) == (START, START + dt.timedelta(days=9)) and middle == START + dt.timedelta(days=5)
    halves = defaultdict(lambda: ([], []))
    for e in events:
        if e.target:  # the dataset holds float32 scores
            halves[(e.actor, e.target)][e.date >= middle].append(float(np.float32(e.goldstein)))
    falling = sorted((round(sum(b) / len(b) - sum(a) / len(a), 4), -len(a) - len(b), k)
                     for k, (a, b) in halves.items() if a and b)
    assert [((r["actor"], r["target"]), round(r["change"], 4)) for r in figures.escalation] == [
        (k, change) for change, _, k in falling if change < 0]
    rus = [r for r in figures.escalation if (r["actor"], r["target"]) == ("RUS", "UKR")]
    assert rus and rus[0]["first_goldstein"] == 4.0 and rus[0]["second_goldstein"] == -10.0  # talks, then force
    assert len(compute_figures(str(root)).escalation) == 10 < len(figures.escalation)


def test_latest_events_and_the_most_reported_incidents(sample, capsys):
    root, events = sample
    figures = compute_figures(str(root))
    newest = max(e.published for e in events)
    assert figures.latest[0]["published"] == newest and figures.latest[0]["sentence"]
    top = _query(capsys, root, "--top-incidents", "--limit", 10)
    assert figures.story_unit == "incidents"
    assert [(r["actor"], r["target"], r["event_code"], r["articles"], r["sources"]) for r in figures.most_reported] == [
        (r["actor"], r["target"], r["event_code"], r["articles"], r["sources"]) for r in top]
    assert figures.most_reported[0]["sources"] == 3 and figures.most_reported[0]["articles"] == max(STORY_SIZES)
    long = [r for r in figures.latest + figures.most_reported if r["cut"]]
    assert all(len(r["sentence"]) == 320 for r in long)


class _Page(HTMLParser):
    """Every tag's attributes, and the text, of a page."""

    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_the_page_is_one_self_contained_file(sample, capsys):
    root, events = sample
    code = main(["report", "--output", str(root)])
    out, err = capsys.readouterr()
    assert code == 0, err
    path = default_path(root)
    assert out.strip() == str(path) and path.name == f"report-{dt.datetime.now(dt.timezone.utc).date()}.html"
    html = path.read_text(encoding="utf-8")
    page = _parse(html)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "image", "use"}, names
    for tag, attrs in page.tags:  # nothing is loaded from elsewhere: links are for the reader to follow
        for name in ("src", "href", "xlink:href", "srcset", "data"):
            if name in attrs and tag != "a":
                assert attrs[name].startswith("#"), (tag, attrs)
    assert not re.search(r"url\((?!#)", html) and "@import" not in html
    assert any(tag == "meta" and "default-src 'none'" in attrs.get("content", "") for tag, attrs in page.tags)
    charts = [a["data-chart"] for t, a in page.tags if "data-chart" in a]
    assert charts == ["timeline", "top_actors", "top_dyads", "dyad_matrix", "escalation", "world_map"]
    assert html.count("<svg") == len(charts)
    ids = [a["id"] for _, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids)), "clip paths of two charts share an id"
    figure = {a["data-figure"]: a["data-value"] for _, a in page.tags if "data-value" in a and "data-figure" in a}
    assert int(figure["events"]) == len(events) and int(figure["articles"]) == len({e.article_id for e in events})
    assert "SGP" in "".join(page.text)  # a country the map has no outline for is listed beside it


def test_dataset_text_is_escaped_and_only_web_links_are_links(tmp_path):
    hostile = [make_event(sentence='<script>alert("x")</script> & <b>bold</b>', url="javascript:alert(1)",
                          title="<i>t</i>", event_id="h" * 32),
               make_event(event_id="g" * 32, actor="UKR", url="https://news.example.org/b", article_id="b" * 32)]
    write_events(tmp_path, hostile)
    html = build_report(tmp_path, html=tmp_path / "page.html").read_text(encoding="utf-8")
    page = _parse(html)
    assert not any(t == "script" for t, _ in page.tags) and not any(t in ("b", "i") for t, _ in page.tags)
    assert '&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;' in html
    links = [a["href"] for t, a in page.tags if t == "a"]
    assert links and "javascript:alert(1)" not in links and set(links) == {"https://news.example.org/b"}


def test_a_window_narrows_every_figure(sample, capsys):
    root, events = sample
    since, until = START + dt.timedelta(days=2), START + dt.timedelta(days=4)
    figures = compute_figures(str(root), since=since, until=until, actors=["rus", "UN"])
    kept = [e for e in events if since <= e.date <= until and e.actor in ("RUS", "UN")]
    assert figures.headline.events == len(kept) > 0 and figures.actors == ["RUS", "UN"]
    assert {r["actor"] for r in figures.top_actors} == {"RUS", "UN"}
    assert figures.top_actors == [dict(r, first=dt.date.fromisoformat(r["first"]), last=dt.date.fromisoformat(r["last"]))
                                  for r in _query(capsys, root, "--top-actors", "--since", since, "--until", until,
                                                  "--actor", "RUS", "--actor", "UN")]
    assert (figures.start, figures.end) == (since, until) and figures.halves[1] == since + dt.timedelta(days=1)


def test_an_empty_window_is_a_page_that_says_so(sample, capsys):
    root, _ = sample
    target = root.parent / "empty.html"
    code = main(["report", "--output", str(root), "--since", "2027-01-01", "--html", str(target)])
    out, err = capsys.readouterr()
    assert code == 0 and out.strip() == str(target), err
    html = target.read_text(encoding="utf-8")
    assert "No events in this window" in html and "<svg" not in html and "from 2027-01-01" in html
    assert compute_figures(str(root), actors=["XYZ"]).empty


def test_a_single_day(sample):
    root, events = sample
    figures = compute_figures(str(root), since=START, until=START)
    assert figures.headline.events == sum(1 for e in events if e.date == START) > 0
    assert figures.halves is None and figures.escalation == [] and figures.bucket == "day"
    assert [r["bucket"] for r in figures.goldstein] == [START]
    html = render_report(figures)
    assert "The window is a single day" in html and html.count("<svg") == 5


def test_one_actor(sample):
    root, events = sample
    figures = compute_figures(str(root), actors=["RSF"])
    assert [r["actor"] for r in figures.top_actors] == ["RSF"]
    assert figures.headline.events == figures.top_actors[0]["events"] == sum(1 for e in events if e.actor == "RSF")
    assert figures.countries == [{"country": "SDN", "events": figures.headline.events,
                                  "avg_goldstein": pytest.approx(figures.top_actors[0]["avg_goldstein"], abs=0.01)}]
    assert "<svg" in render_report(figures)


def test_a_long_window_is_drawn_by_week_then_by_month(tmp_path):
    day = dt.date(2020, 1, 1)
    assert [bucket_for(day, day + dt.timedelta(days=n - 1)) for n in (180, 181, 7 * 180, 7 * 180 + 1)] == [
        "day", "week", "week", "month"]
    events = synthetic_events(500, days=400)
    write_events(tmp_path, events)
    figures = compute_figures(str(tmp_path))
    assert figures.bucket == "week" and all(r["bucket"].weekday() == 0 for r in figures.timeline)
    assert sum(r["events"] for r in figures.timeline) == len(events) and len(figures.goldstein) <= 60
    assert render_report(figures).count("<svg") == 6


@pytest.mark.parametrize("argv, message", [
    (["--since", "soon"], "not a date"), (["--since", "2026-11-05", "--until", "2026-11-01"], "is after"),
    (["--actor", "r u s"], "not an actor code")])
def test_bad_options_are_one_line(sample, capsys, argv, message):
    root, _ = sample
    assert main(["report", "--output", str(root), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("eventwire: ")


def test_no_dataset_is_one_line(tmp_path, capsys):
    assert main(["report", "--output", str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err.startswith("eventwire: no dataset at")


# The README states the bound; the page's size depends on the window's days and the list limits.
PAGE_BOUND_BYTES = 1_000_000


def test_page_size_does_not_grow_with_rows(tmp_path):
    sizes = {}
    for rows in (400, 4000):
        root = tmp_path / f"rows{rows}"
        write_events(root, synthetic_events(rows, days=30))
        sizes[rows] = build_report(root, html=tmp_path / f"{rows}.html").stat().st_size
    assert max(sizes.values()) < PAGE_BOUND_BYTES
    assert sizes[4000] < 1.1 * sizes[400], sizes  # ten times the rows: the same page, give or take digits


def test_a_dataset_without_incidents_counts_articles_and_groups_rows(sample):
    """The switch: without an `incidents` view the headline has no incidents, and the most-reported
    events are the rows of one (date, actor, code, target) grouped, by outlets then articles."""
    root, events = sample
    con = connect(str(root))
    con.execute("DROP VIEW incidents")
    read_facts(con)
    assert not has_incidents(con) and headline(con).incidents is None
    groups = defaultdict(lambda: (set(), set()))
    for e in events:
        articles, sources = groups[(e.date, e.actor, e.event_code, e.target)]
        articles.add(e.article_id)
        sources.add(e.source)
    best = max((len(s), len(a)) for a, s in groups.values())
    top = most_reported(con, 3)[0]
    assert (top["sources"], top["articles"]) == best and top["sentence"] and top["url"].startswith("https://")
