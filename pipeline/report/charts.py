"""The report's charts: Vega-Altair specifications drawn to SVG by vl-convert at build time.

Why this pair: Altair is the declarative grammar of the Python data ecosystem (layered
charts, heatmaps and map projections in a few lines), and vl-convert runs Vega itself
(bundled, no browser, no network: `allowed_base_urls=[]` refuses any data URL) to draw each
chart as an SVG string. The page then carries plain SVG and no JavaScript: nothing can ask
for a CDN when it is opened, it prints as vectors, and a chart's size does not depend on how
many rows the dataset holds, only on the marks drawn (bounded in figures.py).

Each function takes the plain rows of `figures.Figures` and returns the chart's SVG.
"""
from __future__ import annotations

import datetime as dt
import re
from itertools import count

import altair as alt

from pipeline.report.figures import Figures, quad_classes
from pipeline.report.geometry import world_features
from pipeline.report.names import actor_name

WIDE, HALF = 1000, 380  # plot widths: a full-width panel, a half-width panel (axes and legends add ~120)
GOLDSTEIN = alt.Scale(scheme="redblue", domain=[-10, 10])  # red: conflict, blue: cooperation
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
CONFIG = {"font": FONT, "view": {"stroke": None}, "axis": {"labelFontSize": 11, "titleFontSize": 11},
          "legend": {"labelFontSize": 11, "titleFontSize": 11}}
_ids = count(1)


def to_svg(chart: alt.TopLevelMixin) -> str:
    """The chart as an SVG string whose ids are unique in the page (several SVGs share one DOM)."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(chart.to_dict(), config=CONFIG, allowed_base_urls=[])
    prefix = f"c{next(_ids)}-"
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    return re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)


def _next_bucket(start: dt.date, bucket: str) -> dt.date:
    if bucket == "day":
        return start + dt.timedelta(days=1)
    if bucket == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _middle(start: dt.date, bucket: str) -> str:
    """The middle of a bucket, where its Goldstein point sits (over the middle of its bar), in UTC
    like the bars' dates (a date-time without "Z" would be read in the local time zone)."""
    begin = dt.datetime.combine(start, dt.time())
    return (begin + (dt.datetime.combine(_next_bucket(start, bucket), dt.time()) - begin) / 2).isoformat() + "Z"


def timeline(figures: Figures) -> str:
    """Events per bucket stacked by quad class; the average Goldstein score as a line on its own axis."""
    names = {q.code: q.name for q in quad_classes()}
    names[0] = "Unclassified"
    colors = {q.code: q.color for q in quad_classes()} | {0: "#999999"}
    bars = [{"start": r["bucket"].isoformat(), "end": _next_bucket(r["bucket"], figures.bucket).isoformat(),
             "quad": names.get(r["quad_class"], "Unclassified"), "order": r["quad_class"], "events": r["events"]}
            for r in figures.timeline]
    middle = [{"middle": _middle(r["bucket"], figures.bucket),
               "goldstein": None if r["goldstein"] is None else round(r["goldstein"], 2)} for r in figures.goldstein]
    codes = [1, 2, 3, 4] + ([0] if any(r["quad_class"] == 0 for r in figures.timeline) else [])
    buckets = (figures.end - figures.start).days // {"day": 1, "week": 7, "month": 30}[figures.bucket] + 1
    ticks = {"interval": figures.bucket, "step": -(-buckets // 14)}  # at most ~14 labels
    if figures.bucket == "day":  # the whole window, days without events included
        domain = (figures.start, figures.end + dt.timedelta(days=1))
    else:  # weeks and months: from the first bucket with events (it may start before the window)
        domain = (figures.goldstein[0]["bucket"], _next_bucket(figures.goldstein[-1]["bucket"], figures.bucket))
    utc = alt.Scale(type="utc", domain=[d.isoformat() for d in domain])
    step = WIDE / buckets  # pixels per bucket: bars keep a gap, and stay narrow on a short window
    gap = max(min(8.0, 0.15 * step), step - 64)
    outline = {"stroke": "white", "strokeWidth": 0.5} if step >= 8 else {}  # thin bars: no white outline
    stacked = alt.Chart(alt.Data(values=bars)).mark_bar(xOffset=gap / 2, x2Offset=-gap / 2, **outline).encode(
        x=alt.X("start:T", title=None, scale=utc,
                axis=alt.Axis(format="%b %d" if figures.bucket != "month" else "%b %Y", labelAngle=0, tickCount=ticks)),
        x2="end:T",
        y=alt.Y("sum(events):Q", title=f"events per {figures.bucket}"),
        color=alt.Color("quad:N", title=None, scale=alt.Scale(domain=[names[k] for k in codes],
                                                               range=[colors[k] for k in codes]),
                        legend=alt.Legend(orient="bottom", direction="horizontal", columnPadding=16, labelLimit=200)),
        order=alt.Order("order:Q"),
    )
    point = alt.OverlayMarkDef(filled=True, size=36, color="#222222", stroke="white", strokeWidth=1) if step >= 8 else False
    line = alt.Chart(alt.Data(values=middle)).mark_line(color="#222222", strokeWidth=1.5, point=point).encode(
        x=alt.X("middle:T", scale=utc),
        y=alt.Y("goldstein:Q", title="average Goldstein", scale=alt.Scale(domain=[-10, 10])),
    )
    return to_svg(alt.layer(stacked, line).resolve_scale(y="independent").properties(width=WIDE, height=240))


def _count_axis(largest: int) -> alt.Axis:
    """An axis of whole counts (no tick at 0.5 when the largest bar is 2)."""
    return alt.Axis(format="d", tickCount=max(1, min(5, largest)))


def _bars(rows: list[dict], label: str, title: str) -> str:
    values = [{"label": r[label], "events": r["events"], "goldstein": round(r["avg_goldstein"] or 0, 2)} for r in rows]
    base = alt.Chart(alt.Data(values=values)).encode(
        y=alt.Y("label:N", sort=None, title=None),
        x=alt.X("events:Q", title=title, axis=_count_axis(max((v["events"] for v in values), default=1))),
    )
    bars = base.mark_bar().encode(color=alt.Color("goldstein:Q", scale=GOLDSTEIN, title="avg Goldstein",
                                                  legend=alt.Legend(orient="bottom", gradientLength=160)))
    labels = base.mark_text(align="left", dx=3, fontSize=10).encode(text="events:Q")
    return to_svg((bars + labels).properties(width=HALF, height=max(60, 18 * len(values))))


def top_actors(figures: Figures) -> str:
    return _bars(figures.top_actors, "actor", "events")


def top_dyads(figures: Figures) -> str:
    rows = [dict(r, dyad=f"{r['actor']} → {r['target']}") for r in figures.top_dyads]
    return _bars(rows, "dyad", "events")


def dyad_matrix(figures: Figures) -> str:
    """Who acts on whom among the most involved actors: colour the average Goldstein, the number events."""
    cells = [{"actor": c["actor"], "target": c["target"], "events": c["events"],
              "goldstein": round(c["avg_goldstein"] or 0, 2)} for c in figures.matrix]
    order = figures.matrix_actors
    side = max(120, 30 * len(order))
    base = alt.Chart(alt.Data(values=cells)).encode(
        x=alt.X("target:N", sort=order, scale=alt.Scale(domain=order), title="target",
                axis=alt.Axis(orient="top", labelAngle=-45)),
        y=alt.Y("actor:N", sort=order, scale=alt.Scale(domain=order), title="actor"),
    )
    rects = base.mark_rect(stroke="white").encode(
        color=alt.Color("goldstein:Q", scale=GOLDSTEIN, title="avg Goldstein",
                        legend=alt.Legend(orient="bottom", gradientLength=160)))
    text = base.mark_text(fontSize=10).encode(text="events:Q")
    return to_svg((rects + text).properties(width=side, height=side))


def escalation(figures: Figures) -> str:
    """Each falling dyad: its first-half average Goldstein (grey) to its second-half one (red)."""
    start, middle, end = figures.halves
    first = f"{start:%b %d}–{middle - dt.timedelta(days=1):%b %d}"
    second = f"{middle:%b %d}–{end:%b %d}"
    rows = [{"dyad": f"{r['actor']} → {r['target']}", "from": round(r["first_goldstein"], 2),
             "to": round(r["second_goldstein"], 2)} for r in figures.escalation]
    points = [{"dyad": r["dyad"], "half": half, "goldstein": r[key]}
              for r in rows for half, key in ((first, "from"), (second, "to"))]
    y = alt.Y("dyad:N", sort=None, title=None)
    rule = alt.Chart(alt.Data(values=rows)).mark_rule(color="#888888", strokeWidth=2).encode(
        y=y, x=alt.X("from:Q", scale=alt.Scale(domain=[-10, 10]), title="average Goldstein"), x2="to:Q")
    dots = alt.Chart(alt.Data(values=points)).mark_point(filled=True, size=70, opacity=1).encode(
        y=y, x="goldstein:Q",
        color=alt.Color("half:N", scale=alt.Scale(domain=[first, second], range=["#9a9a9a", "#b8332b"]), title=None,
                        legend=alt.Legend(orient="bottom")))
    return to_svg((rule + dots).properties(width=HALF, height=max(60, 22 * len(rows))))


def world_map(figures: Figures) -> str:
    """Events by actor country on an equal-area world map (countries without events in grey)."""
    events = {r["country"]: r["events"] for r in figures.countries}
    features = [dict(f, properties=dict(f["properties"], events=events.get(f["id"], 0),
                                        label=f"{f['id']} {actor_name(f['id'])}"))
                for f in world_features()]
    shapes = alt.Chart(alt.Data(values=features)).mark_geoshape(stroke="white", strokeWidth=0.4).encode(
        color=alt.condition("datum.properties.events > 0",
                            alt.Color("properties.events:Q", title="events", scale=alt.Scale(scheme="oranges",
                                                                                              type="sqrt"),
                                      legend=alt.Legend(orient="bottom-left", gradientLength=140)),
                            alt.value("#e6e6e6")),
    ).project("equalEarth")
    return to_svg(shapes.properties(width=WIDE - 220, height=330))


def draw(figures: Figures) -> dict[str, str]:
    """Every chart the figures support, by name; a part with no data has no chart."""
    charts = {"timeline": timeline(figures)}
    if figures.top_actors:
        charts["top_actors"] = top_actors(figures)
    if figures.top_dyads:
        charts["top_dyads"] = top_dyads(figures)
    if figures.matrix:
        charts["dyad_matrix"] = dyad_matrix(figures)
    if figures.escalation:
        charts["escalation"] = escalation(figures)
    if world_features():
        charts["world_map"] = world_map(figures)
    return charts
