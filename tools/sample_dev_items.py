"""Draw the real-text development sample (issue 10): rumca items by month, outlet uniform, 30% frozen as test.

Usage: python tools/sample_dev_items.py OUTDIR  (writes OUTDIR/rumca_sample_{A,B}.jsonl for coding by hand;
the texts stay outside the repository, only references are committed).
"""
import collections
import gzip
import json
import random
import sys
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pipeline.gold_refs import _html_to_text, span_sha1

CORPUS = str(Path(__file__).resolve().parents[2] / "shared" / "corpus") + "/rumca_rss_2023/world_news_rss_items_2023.jsonl.gz"
used = set()
for line in open(Path(__file__).resolve().parents[1] / "tests" / "data" / "gold_real_refs.jsonl"):
    ref = json.loads(line)
    if "rumca" in ref["corpus"]:
        used.add(ref["locator"]["line"])
lines = gzip.open(CORPUS).read().decode("utf-8").split("\n")
by_month_outlet = collections.defaultdict(lambda: collections.defaultdict(list))
for number, raw in enumerate(lines, 1):
    if not raw.strip() or number in used:
        continue
    r = json.loads(raw)
    host = urlparse(r["source_feed"]).hostname.replace("www.", "").replace("feeds.", "").replace("rss.", "")
    by_month_outlet[r["archive_day"][:7]][host].append(number)
rng = random.Random(20261130)
picked = []
for month in sorted(by_month_outlet):
    outlets = by_month_outlet[month]
    names = sorted(outlets)
    for _ in range(37):
        host = rng.choice(names)
        candidates = [n for n in outlets[host] if n not in picked]
        if candidates:
            picked.append(rng.choice(candidates))
picked = picked[:440]
rng.shuffle(picked)
test = set(rng.sample(picked, round(0.3 * len(picked))))
out = {"A": open(sys.argv[1] + "/rumca_sample_A.jsonl", "w"), "B": open(sys.argv[1] + "/rumca_sample_B.jsonl", "w")}
outlets = collections.Counter()
for index, number in enumerate(picked):
    r = json.loads(lines[number - 1])
    title = _html_to_text(r["title"] or "")
    text = _html_to_text(r["description"] or "")
    outlets[urlparse(r["source_feed"]).hostname] += 1
    row = {"id": f"n{index + 1:03d}", "line": number, "date": r["date_published"][:10], "source_feed": r["source_feed"],
           "split": "test" if number in test else "dev", "title": title, "text": text,
           "title_sha1": span_sha1(title), "sha1": span_sha1(text) if text else None, "end": len(text)}
    out["A" if index % 2 == 0 else "B"].write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(picked), len(test), len(outlets), outlets.most_common())
