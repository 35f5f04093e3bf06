"""The report page: one HTML file with its CSS and its charts' SVG inline.

The template (templates/report.html.j2) and the stylesheet (templates/report.css) are data
files; Jinja2 escapes every value from the dataset (sentences, titles, URLs). The page
declares a Content-Security-Policy of `default-src 'none'`: even a future edit that added an
external image, font or script would be refused by the browser rather than fetched.

Every number the page shows also sits in a `data-value` attribute beside a `data-figure`
name, so the browser test reads exactly what a reader sees and compares it with the query.
"""
from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.report.figures import Figures, quad_classes
from pipeline.report.geometry import outlined_countries
from pipeline.report.names import actor_name

TEMPLATES = Path(__file__).with_name("templates")


@cache
def _environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(number=number, goldstein=goldstein, percent=percent, day=day, name=actor_name)
    return env


def number(value) -> str:
    return f"{value:,}" if value is not None else "–"


def goldstein(value) -> str:
    return f"{value:+.1f}" if value is not None else "–"


def percent(value) -> str:
    return f"{round(100 * value)}%" if value is not None else "–"


def day(value) -> str:
    return value.isoformat() if value else "–"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are made clickable; anything else (javascript:, data:) stays text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def window_text(figures: Figures) -> str:
    head = figures.headline
    first, last = figures.since or head.first_day, figures.until or head.last_day
    if first is None and last is None:
        text = "all dates"
    elif first == last:
        text = day(first)
    elif first is None:
        text = f"up to {day(last)}"
    elif last is None:
        text = f"from {day(first)}"
    else:
        text = f"{day(first)} to {day(last)}"
    if figures.actors:
        text += " · actors " + ", ".join(figures.actors)
    return text


def render(figures: Figures, charts: dict[str, str], *, generated: dt.datetime, version: str) -> str:
    head = figures.headline
    outlined = outlined_countries()
    unmapped = [r for r in figures.countries if r["country"] not in outlined]
    for rows in (figures.latest, figures.most_reported):
        for row in rows:
            row["link"] = safe_url(row.get("url"))
            if not row.get("title") and row["link"]:  # an incident's evidence carries no title: name the site
                row["title"] = urlsplit(row["link"]).hostname
    return _environment().get_template("report.html.j2").render(
        f=figures, head=head, charts=charts, css=(TEMPLATES / "report.css").read_text(encoding="utf-8"),
        window=window_text(figures), quads=quad_classes(), unmapped=unmapped, has_map=bool(outlined),
        generated=generated.strftime("%Y-%m-%d %H:%M UTC"), version=version,
    )
