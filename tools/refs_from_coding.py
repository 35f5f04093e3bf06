"""Turn the hand-coded real-text development sample into corpus references (issue 10).

    python tools/refs_from_coding.py SAMPLE_DIR CODED_DIR > tests/data/gold_news_refs.jsonl

SAMPLE_DIR holds what tools/sample_dev_items.py and tools/sample_guardian_articles.py drew
(rumca_sample_{A,B}.jsonl, guardian_sample.jsonl), or a later batch of
tools/sample_more_dev_items.py (rumca_sample_batch<N>.jsonl: its lines are appended to the
set); CODED_DIR the coders' files (one line
per item: id, events, tags; see tests/data/GOLD.md). Only references, codes and tags are
kept: the coders' evidence quotes and notes hold corpus text and stay outside the repository.
"""
from __future__ import annotations

import glob
import json
import sys
from pathlib import Path

RUMCA = "rumca_rss_2023/world_news_rss_items_2023.jsonl.gz"
GUARDIAN = "guardian_sdf_sample/Guardian_SDF_sample.csv.zip"


def _lines(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def references(sample_dir: str, coded_dir: str) -> list[dict]:
    coded = {}
    for path in sorted(glob.glob(f"{coded_dir}/*.jsonl")):
        if not path.endswith("_new_codes.jsonl"):
            for row in _lines(path):
                coded[row["id"]] = row
    refs = []
    guardian = [f"{sample_dir}/guardian_sample.jsonl"] if Path(f"{sample_dir}/guardian_sample.jsonl").exists() else []
    for path in sorted(glob.glob(f"{sample_dir}/rumca_sample_*.jsonl")) + guardian:
        for item in _lines(path):
            row = coded.get(item["id"])
            if row is None:
                raise SystemExit(f"{item['id']} was not coded")
            events = [{"actor": e["actor"], "root": str(e["root"]).zfill(2), "target": e.get("target")} for e in row["events"]]
            ref = {"id": item["id"], "split": item["split"], "date": item["date"]}
            if item.get("batch", 1) != 1:  # a later, all-development batch (tools/sample_more_dev_items.py)
                ref["batch"] = item["batch"]
            if "line" in item:
                ref |= {"corpus": RUMCA, "source_feed": item["source_feed"],
                        "locator": {"line": item["line"], "field": "description", "html": True, "title_field": "title"},
                        "start": 0, "end": item["end"], "sha1": item["sha1"] or _empty_sha1(), "title_sha1": item["title_sha1"]}
            else:
                ref |= {"corpus": GUARDIAN, "source_feed": "https://www.theguardian.com/world/rss",
                        "locator": {"member": "Guardian_SDF_sample.csv", "row": item["row"], "field": "text"},
                        "start": 0, "end": item["end"], "sha1": item["sha1"]}
            refs.append(ref | {"events": events, "tags": sorted(set(row.get("tags", [])))})
    return sorted(refs, key=lambda r: r["id"])


def _empty_sha1() -> str:
    import hashlib

    return hashlib.sha1(b"").hexdigest()[:12]


if __name__ == "__main__":
    for ref in references(sys.argv[1], sys.argv[2]):
        print(json.dumps(ref, ensure_ascii=False))
