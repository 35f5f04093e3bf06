"""A report as a reader's browser shows it: headless Chromium driven by Selenium.

The browser test (tests/test_report_browser.py), the bench (bench/report_bench.py) and the
README's screenshot all open a page through `open_report`, so the picture in the README is
what the test checked. The browser is the system's (Debian: `apt-get install chromium
chromium-driver`), never a download: Selenium is given both paths, so its driver manager
does not run. Selenium comes with the "test" extra (`pip install -e .[test]`).

    python -m pipeline.report.browser --output output docs/report.png    # build the report, screenshot it
    python -m pipeline.report.browser output/_reports/report-2026-11-28.html shot.png

What `open_report` records: the console's messages, every URL the page asked for (from
Chrome's performance log: Network.requestWillBeSent), each chart's drawn size and mark
count, every `data-figure` value on the page, and the load time (navigation start to the
load event, from the page's own Navigation Timing). The browser runs with a proxy that
points nowhere, so a request that somehow escaped the log could still not leave the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver", "/usr/lib/chromium/chromedriver")
NOWHERE_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens, nothing is forwarded


def find_browser() -> tuple[str, str] | None:
    """(browser, driver) paths: $EVENTWIRE_CHROMIUM / $EVENTWIRE_CHROMEDRIVER, else the system's."""
    browser = os.environ.get("EVENTWIRE_CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)
    driver = os.environ.get("EVENTWIRE_CHROMEDRIVER") or next(filter(None, map(shutil.which, DRIVERS)), None)
    return (browser, driver) if browser and driver else None


def missing() -> str | None:
    """Why no page can be opened here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e .[test])"
    if find_browser() is None:
        return "no chromium and chromedriver on PATH (Debian: apt-get install chromium chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 1280, height: int = 900):
    """A headless Chromium WebDriver with console and network logging; quits on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_browser()
    if found is None:
        raise RuntimeError(missing())
    browser, driver_path = found
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    profile = tempfile.mkdtemp(prefix="eventwire-chromium-")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--hide-scrollbars", f"--proxy-server={NOWHERE_PROXY}",
                "--proxy-bypass-list=<-loopback>", f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@dataclass
class Rendering:
    url: str
    load_seconds: float  # navigation start to the end of the load event
    console: list[dict] = field(default_factory=list)  # {"level", "message"}
    requests: list[str] = field(default_factory=list)  # every URL asked for by the page's document, itself included
    charts: dict[str, dict] = field(default_factory=dict)  # data-chart name -> {"width", "height", "marks"}
    figures: dict[str, str] = field(default_factory=dict)  # data-figure name -> data-value (the first of a name)

    @property
    def errors(self) -> list[dict]:
        return [m for m in self.console if m.get("level") == "SEVERE"]

    @property
    def outside_requests(self) -> list[str]:
        """Requests for anything but the page's own file (data: URLs are inline, not requests out)."""
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]


_CHARTS = """
const out = {};
for (const figure of document.querySelectorAll('[data-chart]')) {
  const svg = figure.querySelector('svg'), canvas = figure.querySelector('canvas');
  const box = (svg || canvas || figure).getBoundingClientRect();
  let marks = 0;
  if (svg) {
    for (const el of svg.querySelectorAll('.role-mark path, .role-mark line, .role-mark rect, .role-mark text, .role-mark circle')) {
      const b = el.getBoundingClientRect();
      if (b.width > 0 || b.height > 0) marks += 1;
    }
  }
  out[figure.dataset.chart] = {width: box.width, height: box.height, marks: marks, canvas: !!canvas};
}
return out;
"""
_FIGURES = """
const out = {};
for (const el of document.querySelectorAll('[data-figure][data-value]')) {
  if (!(el.dataset.figure in out)) out[el.dataset.figure] = el.dataset.value;
}
return out;
"""
_LOADED = "const t = performance.getEntriesByType('navigation')[0]; return t ? t.loadEventEnd : -1;"


def _requests(driver, url: str) -> list[str]:
    """The URLs requested for the document at `url` (the tab's own new-tab page, loaded before
    it, shows up in the same log under its own document URL)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent" and message["params"].get("documentURL") == url:
            urls.append(message["params"]["request"]["url"])
    return urls


def open_report(driver, page: Path, timeout: float = 60) -> Rendering:
    """Load `page` and read what a reader gets: console, requests, charts, figures, load time."""
    url = Path(page).resolve().as_uri()
    driver.get_log("performance")  # drop what an earlier page left
    driver.get_log("browser")
    driver.get(url)
    deadline = time.monotonic() + timeout
    while (loaded := driver.execute_script(_LOADED)) <= 0:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not finish loading in {timeout} s")
        time.sleep(0.05)
    return Rendering(
        url=url, load_seconds=loaded / 1000,
        console=[{"level": m["level"], "message": m["message"]} for m in driver.get_log("browser")],
        requests=_requests(driver, url),
        charts=driver.execute_script(_CHARTS),
        figures=driver.execute_script(_FIGURES),
    )


def screenshot(driver, png: Path, height: int | None = None) -> Path:
    """A PNG of the loaded page at the window's width: the whole page, or its top `height` pixels
    (Chrome's own capture beyond the viewport, so the window keeps its size and the layout)."""
    import base64

    width, full = driver.execute_script("return [window.innerWidth, document.documentElement.scrollHeight]")
    clip = {"x": 0, "y": 0, "width": width, "height": min(full, height) if height else full, "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                             "clip": clip})
    png = Path(png)
    png.parent.mkdir(parents=True, exist_ok=True)
    png.write_bytes(base64.b64decode(shot["data"]))
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.report.browser",
                                     description="Open a report in headless Chromium and save a screenshot.")
    parser.add_argument("page", nargs="?", help="The report's HTML file (or --output to build one).")
    parser.add_argument("png", help="Where to write the screenshot.")
    parser.add_argument("--output", help="Build the report of this dataset first (into a temporary file).")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=None, help="Only the top N pixels (default: the whole page).")
    args = parser.parse_args(argv)
    reason = missing()
    if reason:
        print(f"eventwire: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(args.page) if args.page else None
        if args.output:
            from pipeline.report import build_report

            page = build_report(args.output, html=Path(scratch) / "report.html")
        if page is None:
            parser.error("give the report's HTML file or --output DIR")
        with chromium(width=args.width) as driver:
            rendering = open_report(driver, page)
            if rendering.errors or rendering.outside_requests:
                print(f"eventwire: the page misbehaved: {rendering.errors or rendering.outside_requests}", file=sys.stderr)
                return 1
            print(screenshot(driver, Path(args.png), args.height))
    return 0


if __name__ == "__main__":
    sys.exit(main())
