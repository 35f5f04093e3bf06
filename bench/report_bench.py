"""Report benchmark: page size, build time and render time in headless Chromium, 1k against 100k rows.

    .venv/bin/python bench/report_bench.py                         # 1,000 and 100,000 events over 90 days
    .venv/bin/python bench/report_bench.py --sizes 1000 10000 --days 30 --repeats 5 --keep /tmp/rb

Writes synthetic events with the project's writer (stage + commit, one file per date and
actor: tests/test_report.py's `synthetic_events`, 18 actors, stories told by 1-5 articles), then
for each size: builds the report in-process (`build_report`: DuckDB figures, vl-convert charts,
the page; the first build also starts vl-convert's engine, so it is timed apart), measures the
page's size, and opens it `--repeats` times in headless Chromium (pipeline/report/browser.py, the
browser test's path), taking the page's own load time (navigation start to the end of the load
event: parsing, style, layout of every inline SVG). Prints medians and the ratios of the largest
size to the smallest. Needs the "test" extra (selenium) and Debian's chromium + chromium-driver.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from test_report import synthetic_events, write_events  # noqa: E402

from pipeline.report import browser, build_report  # noqa: E402


def measure(size: int, days: int, repeats: int, work: Path, driver) -> dict:
    output = work / f"events-{size}"
    started = time.perf_counter()
    write_events(output, synthetic_events(size, days=days))
    written = time.perf_counter() - started
    builds = []
    for _ in range(repeats):
        started = time.perf_counter()
        page = build_report(output, html=work / f"report-{size}.html")
        builds.append(time.perf_counter() - started)
    loads = [browser.open_report(driver, page).load_seconds for _ in range(repeats)]
    seen = browser.open_report(driver, page)
    assert not seen.errors and not seen.outside_requests, (seen.errors, seen.outside_requests)
    return {"size": size, "write_s": written, "build_s": statistics.median(builds), "first_build_s": builds[0],
            "page_bytes": page.stat().st_size, "load_s": statistics.median(loads), "charts": len(seen.charts)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--days", type=int, default=90, help="Days the events spread over (default 90).")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", help="Write the datasets and pages here and keep them.")
    args = parser.parse_args(argv)
    reason = browser.missing()
    if reason:
        print(f"report_bench: {reason}", file=sys.stderr)
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="report-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        with browser.chromium(width=1280, height=900) as driver:
            rows = [measure(size, args.days, args.repeats, work, driver) for size in args.sizes]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"report bench: {args.days} days, median of {args.repeats}; load = navigation start to load event end "
          "in headless Chromium")
    print(f"{'events':>8} {'write s':>8} {'1st build s':>11} {'build s':>8} {'page KiB':>9} {'load s':>7} {'charts':>6}")
    for r in rows:
        print(f"{r['size']:>8,} {r['write_s']:>8.1f} {r['first_build_s']:>11.2f} {r['build_s']:>8.2f} "
              f"{r['page_bytes'] / 1024:>9.1f} {r['load_s']:>7.3f} {r['charts']:>6}")
    small, large = rows[0], rows[-1]
    if len(rows) > 1:
        print(f"ratio {large['size']:,} / {small['size']:,} events: page size {large['page_bytes'] / small['page_bytes']:.3f}, "
              f"load {large['load_s'] / small['load_s']:.2f}, build {large['build_s'] / small['build_s']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
