"""`eventwire report`: one self-contained HTML page that shows a window of the dataset.

    from pipeline import build_report
    build_report("output", since="2026-11-20", actors=["RUS"])   # -> output/_reports/report-<today>.html

Three steps, one module each: `figures` (DuckDB SQL over one committed snapshot, bounded
so the page's size does not grow with the rows), `charts` (Vega-Altair drawn to SVG by
vl-convert, no JavaScript in the page), `page` (a Jinja2 template with the CSS and the SVG
inline). `geometry` brings the offline world outlines, `names` the actors' names.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

from pipeline.report.figures import DEFAULT_LIMITS, Figures, Limits, compute_figures

REPORTS = "_reports"


def default_path(output: str | os.PathLike, today: dt.date | None = None) -> Path:
    """DIR/_reports/report-<date>.html, dated the day it is written (UTC)."""
    today = today or dt.datetime.now(dt.timezone.utc).date()
    return Path(output) / REPORTS / f"report-{today.isoformat()}.html"


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("eventwire")
    except metadata.PackageNotFoundError:
        return "unknown"


def render_report(figures: Figures, generated: dt.datetime | None = None) -> str:
    """The page of `figures` as HTML text (the charts are drawn here)."""
    from pipeline.report import charts, page

    generated = generated or dt.datetime.now(dt.timezone.utc)
    drawn = {} if figures.empty else charts.draw(figures)
    return page.render(figures, drawn, generated=generated, version=_version())


def build_report(path: str | os.PathLike = "output", *, since=None, until=None, actors: Iterable[str] | None = None,
                 html: str | os.PathLike | None = None, limits: Limits = DEFAULT_LIMITS) -> Path | str:
    """Write the report of the dataset at `path` for the window (`since`/`until` inclusive dates
    or "YYYY-MM-DD", `actors` codes) to `html` (default DIR/_reports/report-<date>.html);
    returns the file's path (its URL when written to a bucket). Raises ValueError for a bad window or a folder with no dataset.
    An empty window gives a page that says so."""
    from transforms.store.files import replace_atomically
    from transforms.store.layout import ACTOR_CODE
    from transforms.store.storage import is_remote, open_store

    remote = is_remote(path)
    folder = open_store(str(path)).root if remote else Path(path)
    if remote:
        names = open_store(folder).list_dirs("")
        if "_runs" not in names and not any(name.startswith("date=") for name in names):
            raise ValueError(f"{path} is not an eventwire dataset (no _runs/ or date=*/ folders in it)")
    elif not folder.is_dir():
        raise ValueError(f"no dataset at {path}")
    elif not (folder / "_runs").is_dir() and not any(folder.glob("date=*")):
        raise ValueError(f"{path} is not an eventwire dataset (no _runs/ or date=*/ folders in it)")
    bounds = {}
    for name, value in (("since", since), ("until", until)):
        try:
            bounds[name] = None if value in (None, "") else (
                value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)))
        except ValueError:
            raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None
    if bounds["since"] and bounds["until"] and bounds["since"] > bounds["until"]:
        raise ValueError(f"--since {bounds['since']} is after --until {bounds['until']}")
    codes = [str(code).upper() for code in actors] if actors else None
    bad = [code for code in codes or [] if not ACTOR_CODE.fullmatch(code)]
    if bad:
        raise ValueError(f"not an actor code: {bad[0]!r}")

    figures = compute_figures(str(folder), since=bounds["since"], until=bounds["until"], actors=codes, limits=limits)
    text = render_report(figures)
    if remote and not html:  # the bucket's _reports/, one upload: a reader sees the old page or the new
        store = open_store(folder)
        rel = f"{REPORTS}/{default_path('').name}"
        store.write_bytes(rel, text.encode("utf-8"))
        return store.url(rel)
    target = Path(html) if html else default_path(folder)
    # The store's one way to write a file: a reader (a browser reloading) never sees half a page.
    replace_atomically(target, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return target


__all__ = ["build_report", "compute_figures", "render_report", "default_path", "Figures", "Limits"]
