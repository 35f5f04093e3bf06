"""The report in a real browser: Debian's headless Chromium through Selenium (pipeline/report/browser.py).

A reader's view is checked: the page loads with nothing on the console and asks for nothing but
itself, every chart has drawn marks, the numbers shown are the numbers `eventwire query` gives,
it fits a laptop's width and prints. Skips when no chromium/chromedriver is installed, saying
why, unless EVENTWIRE_REQUIRE_BROWSER=1 (as .ci/run sets it): then a missing browser fails.
"""
from __future__ import annotations

import base64
import json
import os
import struct

import pytest
from test_report import START, synthetic_events, write_events

from pipeline.cli import main
from pipeline.report import browser

CHARTS = {"timeline", "top_actors", "top_dyads", "dyad_matrix", "escalation", "world_map"}


@pytest.fixture(scope="module")
def driver():
    reason = browser.missing()
    if reason:
        if os.environ.get("EVENTWIRE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"EVENTWIRE_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    with browser.chromium(width=1280, height=900) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser") / "output"
    write_events(root, synthetic_events(600))
    return root


def _report(capsys, root, *args) -> str:
    assert main(["report", "--output", str(root), *map(str, args)]) == 0
    return capsys.readouterr().out.strip()


def _query(capsys, root, *args) -> list[dict]:
    assert main(["query", "--output", str(root), "--format", "json", *map(str, args)]) == 0
    return json.loads(capsys.readouterr().out)


def _png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def _rows(driver, figure: str) -> list[tuple]:
    """(actor, target, shown number) of each table row named `figure`, as the reader sees it."""
    return [tuple(row) for row in driver.execute_script("""
        return [...document.querySelectorAll('tr[data-figure="' + arguments[0] + '"]')].map(tr => [
            tr.dataset.actor, tr.dataset.target || null, tr.querySelector('[data-value]').innerText]);""", figure)]


def _shown(driver, figure: str) -> str:
    return driver.execute_script(f"return document.querySelector('[data-figure=\"{figure}\"]').innerText")


def test_the_report_loads_offline_draws_every_chart_and_shows_the_query_figures(driver, dataset, capsys, tmp_path):
    page = _report(capsys, dataset, "--html", tmp_path / "report.html")
    seen = browser.open_report(driver, page)
    assert seen.console == [], seen.console
    assert seen.requests == [seen.url] and seen.outside_requests == []

    assert set(seen.charts) == CHARTS
    [[buckets]] = [[r["days"]] for r in _query(capsys, dataset, "SELECT count(DISTINCT date) AS days FROM events")]
    top = _query(capsys, dataset, "--top-actors", "--limit", 15)
    least = {"timeline": buckets, "top_actors": 2 * len(top), "top_dyads": 2 * 15, "dyad_matrix": 10,
             "escalation": 2, "world_map": 150}
    for name, chart in seen.charts.items():
        assert chart["width"] > 100 and chart["height"] > 50, (name, chart)
        assert chart["marks"] >= least[name], (name, chart)

    [expected] = _query(capsys, dataset, "SELECT count(*) AS events, count(DISTINCT article_id) AS articles, "
                        "count(DISTINCT actor) AS actors, count(DISTINCT source) AS sources, min(date) AS first_day, "
                        "max(date) AS last_day, count(*) FILTER (WHERE quad_class IN (1, 3)) AS verbal, "
                        "count(*) FILTER (WHERE quad_class IN (2, 4)) AS material, "
                        "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, "
                        "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict FROM events")
    for name, value in expected.items():
        assert seen.figures[name] == str(value), name
        assert _shown(driver, name).replace(",", "") == str(value), name  # what the reader sees
    [incidents] = _query(capsys, dataset, "SELECT count(*) AS n FROM incidents")
    assert seen.figures["incidents"] == _shown(driver, "incidents").replace(",", "") == str(incidents["n"])
    share = expected["verbal"] / expected["events"]
    assert _shown(driver, "verbal_share") == f"{round(100 * share)}%"

    assert _rows(driver, "top_actor") == [(r["actor"], None, f"{r['events']:,}") for r in top]
    dyads = _query(capsys, dataset, "--dyads", "--limit", 15)
    assert _rows(driver, "top_dyad") == [(r["actor"], r["target"], f"{r['events']:,}") for r in dyads]

    listed = driver.execute_script("""return [...document.querySelectorAll('[data-figure="most_reported"]')].map(
        li => [li.dataset.actor, li.dataset.target, li.querySelector('[data-value]').innerText])""")
    incidents = _query(capsys, dataset, "--top-incidents", "--limit", 10)
    assert listed == [[r["actor"], r["target"] or "", str(r["sources"])] for r in incidents]

    shot = browser.screenshot(driver, tmp_path / "report.png")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    assert _png_size(shot) == (1280, height) and height > 2000 and shot.stat().st_size > 50_000


def test_the_check_catches_a_page_that_reaches_out(driver, tmp_path):
    """The control: a page with a stylesheet from a CDN and an image from an address is caught (and
    the proxy that points nowhere keeps the requests on this machine)."""
    page = tmp_path / "reaching.html"
    page.write_text('<!doctype html><link rel="stylesheet" href="https://cdn.example.invalid/x.css">'
                    '<img src="http://203.0.113.9/x.png"><p>hello</p>', encoding="utf-8")
    seen = browser.open_report(driver, page)
    assert sorted(seen.outside_requests) == ["http://203.0.113.9/x.png", "https://cdn.example.invalid/x.css"]
    assert seen.errors


@pytest.mark.parametrize("window, charts, text", [
    (("--since", "2027-01-01"), set(), "No events in this window"),
    (("--since", START, "--until", START), CHARTS - {"escalation"}, "The window is a single day"),
    (("--actor", "RSF"), CHARTS, "Rapid Support Forces"),
])
def test_an_empty_window_a_single_day_and_one_actor_render(driver, dataset, capsys, tmp_path, window, charts, text):
    page = _report(capsys, dataset, *window, "--html", tmp_path / "page.html")
    seen = browser.open_report(driver, page)
    assert seen.console == [] and seen.outside_requests == []
    assert set(seen.charts) == charts and all(c["marks"] > 0 for c in seen.charts.values())
    assert text in driver.find_element("tag name", "body").text


@pytest.mark.parametrize("width", [1280, 1024, 760])
def test_the_page_fits_the_window_width(driver, dataset, capsys, tmp_path, width):
    page = _report(capsys, dataset, "--html", tmp_path / "page.html")
    driver.set_window_size(width, 900)
    try:
        browser.open_report(driver, page)
        inner, scroll = driver.execute_script(
            "return [window.innerWidth, document.documentElement.scrollWidth]")
        assert scroll <= inner, f"the page scrolls sideways at {width} px"
    finally:
        driver.set_window_size(1280, 900)


def test_the_page_prints(driver, dataset, capsys, tmp_path):
    """Printed (A4), the two-column panels become one; Chromium prints it to a PDF of several pages."""
    from selenium.webdriver.common.print_page_options import PrintOptions

    page = _report(capsys, dataset, "--html", tmp_path / "page.html")
    browser.open_report(driver, page)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        columns = driver.execute_script(
            "return getComputedStyle(document.querySelector('.columns')).gridTemplateColumns.split(' ').length")
        assert columns == 1
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7
        pdf = base64.b64decode(driver.print_page(options))
        assert pdf.startswith(b"%PDF") and len(pdf) > 50_000
        (tmp_path / "report.pdf").write_bytes(pdf)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
