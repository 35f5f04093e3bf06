"""Draw a further development batch of rumca feed items for the news set (issue 10), coded blind.

Usage: python tools/sample_more_dev_items.py OUTDIR BATCH COUNT
    writes OUTDIR/rumca_sample_batch<BATCH>.jsonl (title and description, for coding by hand outside
    the repository); then `python tools/refs_from_coding.py OUTDIR CODED_DIR` makes its references.

Batch 1 is what tools/sample_dev_items.py drew (70% development, 30% the frozen test split). A
later batch is all development: it is drawn when the rules written from batch 1's development
items stop telling us how the extractor does on items nobody has read, and it is scored before
any rule is written from it. Items are drawn outlet-uniform over the whole year, leaving out every
corpus line any gold file already uses.
"""
from __future__ import annotations

import collections
import gzip
import json
import random
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from pipeline.gold_refs import _html_to_text, span_sha1  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "rumca_rss_2023" / "world_news_rss_items_2023.jsonl.gz"
GOLD_FILES = ("gold_real_refs.jsonl", "gold_news_refs.jsonl", "gold_incidents.jsonl", "event_date_sentences.jsonl")
# batch -> (seed, first id number)
BATCHES = {2: (20261203, 501), 3: (20261204, 601), 4: (20261205, 701), 5: (20261206, 781),
           6: (20261207, 861), 7: (20261208, 981), 8: (20261209, 1101), 9: (20261210, 1221), 10: (20261211, 1341),
           11: (20261212, 1461), 12: (20261213, 1581), 13: (20261214, 1701), 14: (20261215, 1821),
           15: (20261216, 1941), 16: (20261217, 2061), 17: (20261218, 2181),
           18: (20261219, 2301), 19: (20261220, 2421), 20: (20261221, 2541), 21: (20261222, 2661),
           22: (20261223, 2781), 23: (20261224, 2901), 24: (20261225, 3021),
           25: (20261226, 3141), 26: (20261227, 3261), 27: (20261228, 3381),
           28: (20261229, 3501), 29: (20261230, 3621),
           30: (20261231, 3741), 31: (20270101, 3861),
           32: (20270102, 3981), 33: (20270103, 4101),
           34: (20270104, 4221), 35: (20270105, 4341),
           36: (20270106, 4461), 37: (20270107, 4581),
           38: (20270108, 4701), 39: (20270109, 4821),
           40: (20270110, 4941), 41: (20270111, 5061),
           42: (20270112, 5181),
           43: (20270113, 5301),
           44: (20270114, 5421),
           45: (20270115, 5541),
           46: (20270116, 5661),
           47: (20270117, 5781),
           48: (20270118, 5901),
           49: (20270119, 6021),
           50: (20270120, 6141),
           51: (20270121, 6261),
           52: (20270122, 6381),
           53: (20270123, 6501),
           54: (20270124, 6621),
           55: (20270125, 6741),
           56: (20270126, 6861),
           57: (20270127, 6981),
           58: (20270128, 7101),
           59: (20270129, 7221),
           60: (20270130, 7341),
           61: (20270131, 7461),
           62: (20270201, 7581),
           63: (20270202, 7701),
           64: (20270203, 7821),
           65: (20270204, 7941),
           66: (20270205, 8061),
           67: (20270206, 8181),
           68: (20270207, 8301),
           69: (20270208, 8421),
           70: (20270209, 8541),
           71: (20270210, 8661),
           72: (20270211, 8781),
           73: (20270212, 8901),
           74: (20270213, 9021),
           75: (20270214, 9141),
           76: (20270215, 9261),
           77: (20270216, 9381),
           78: (20270217, 9501)}


def used_lines() -> set[int]:
    used = set()
    for name in GOLD_FILES:
        for line in open(ROOT / "tests" / "data" / name, encoding="utf-8"):
            ref = json.loads(line)
            locator = ref.get("locator") or {}
            if "rumca" in ref.get("corpus", "rumca") and "line" in locator:
                used.add(locator["line"])
    return used


def outlet(feed_url: str) -> str:
    return urlparse(feed_url).hostname.replace("www.", "").replace("feeds.", "").replace("rss.", "")


def main(outdir: str, batch: int, count: int) -> None:
    seed, first_id = BATCHES[batch]
    used = used_lines()
    lines = gzip.open(CORPUS).read().decode("utf-8").split("\n")
    by_outlet = collections.defaultdict(list)
    for number, raw in enumerate(lines, 1):
        if raw.strip() and number not in used:
            by_outlet[outlet(json.loads(raw)["source_feed"])].append(number)
    rng = random.Random(seed)
    names = sorted(by_outlet)
    picked: list[int] = []
    while len(picked) < count:
        number = rng.choice(by_outlet[rng.choice(names)])
        if number not in picked:
            picked.append(number)
    with open(Path(outdir) / f"rumca_sample_batch{batch}.jsonl", "w", encoding="utf-8") as out:
        for index, number in enumerate(picked):
            record = json.loads(lines[number - 1])
            title = _html_to_text(record.get("title") or "")
            text = _html_to_text(record.get("description") or "")
            if not title and not text:  # a stored item with nothing to read (one in batch 8): not drawn
                continue
            row = {"id": f"n{first_id + index:03d}", "batch": batch, "line": number,
                   "date": record["date_published"][:10], "source_feed": record["source_feed"], "split": "dev",
                   "title": title, "text": text, "title_sha1": span_sha1(title),
                   "sha1": span_sha1(text) if text else None, "end": len(text)}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(picked), "items;", collections.Counter(outlet(json.loads(lines[n - 1])["source_feed"]) for n in picked))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
