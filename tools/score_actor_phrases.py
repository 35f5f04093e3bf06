#!/usr/bin/env python3
"""How well the extractor names actors: country and sector of coded actor phrases.

    .venv/bin/python tools/score_actor_phrases.py [tests/data/actor_phrases.csv] [--misses]

Each phrase of the file (columns phrase, date, country, sector, category; country "-" for an
actor of no one country, such as an intergovernmental organisation) is put as the subject of
two plain sentences ("<phrase> criticised the plan on Tuesday.", "<phrase> met the visiting
delegation on Monday."), dated as coded, and run through the extractor. A sentence's first row
gives the phrase's actor: its `actor_country` (none for "-") and `actor_type`. Prints, per
category and overall, the share of sentences with a row, with the right country, and with the
right sector; `--misses` lists the phrases that were wrong.

The phrases of tests/data/actor_phrases.csv were written and coded by a helper who saw neither
the extractor nor its tables (tests/data/GOLD.md, "Actor phrases").
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TEMPLATES = ("{} criticised the plan on Tuesday.", "{} met the visiting delegation on Monday.")
NO_COUNTRY = "-"


def read_phrases(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for number, row in enumerate(rows, start=2):
        if not row.get("phrase") or not row.get("country") or not row.get("sector"):
            raise SystemExit(f"{path}:{number}: a phrase needs phrase, country and sector")
        dt.date.fromisoformat(row["date"])
    return rows


def sentence(template: str, phrase: str) -> str:
    text = template.format(phrase)
    return text[0].upper() + text[1:]


def resolve_phrases(nlp, rows: list[dict]) -> list[tuple[dict, list[tuple[str | None, str | None] | None]]]:
    """Per phrase, per template: (actor_country, actor_type) of the sentence's first row, or None."""
    from schemas.records import Article
    from transforms.extract.engine import extract_events

    texts = [sentence(t, row["phrase"]) for row in rows for t in TEMPLATES]
    docs = iter(nlp.pipe(texts, batch_size=64))
    empty = nlp("")
    out = []
    for row in rows:
        found = []
        for template in TEMPLATES:
            text = sentence(template, row["phrase"])
            article = Article(article_id="a" * 32, url=None, title="", text=text, published=None,
                              date=dt.date.fromisoformat(row["date"]), date_basis="run", feed_url="phrases",
                              source="phrases")
            events = extract_events(article, empty, next(docs), "phrases")
            found.append((events[0].actor_country, events[0].actor_type) if events else None)
        out.append((row, found))
    return out


def score(resolved) -> dict[str, dict[str, int]]:
    """category (and "all") → sentences, with a row, country right, sector right, both right."""
    tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row, found in resolved:
        for got in found:
            for key in (row.get("category") or "other", "all"):
                counts = tally[key]
                counts["sentences"] += 1
                if got is None:
                    continue
                country, sector = got
                country_right = (country or NO_COUNTRY) == row["country"]
                counts["with a row"] += 1
                counts["country right"] += country_right
                counts["sector right"] += sector == row["sector"]
                counts["both right"] += country_right and sector == row["sector"]
    return tally


def format_table(tally) -> str:
    columns = ("with a row", "country right", "sector right", "both right")
    lines = ["| category | sentences | " + " | ".join(columns) + " |", "|---|---:|" + "---:|" * len(columns)]
    for key in sorted(tally, key=lambda k: (k == "all", k)):
        counts = tally[key]
        cells = [f"{counts[c] / counts['sentences']:.2f}" for c in columns]
        lines.append(f"| {key} | {counts['sentences']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("phrases", nargs="?", default=str(REPO / "tests" / "data" / "actor_phrases.csv"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--misses", action="store_true", help="list the phrases that were wrong")
    args = parser.parse_args(argv)
    from pipeline.options import DEFAULT_MODEL
    from transforms.extract.stage import load_model

    rows = read_phrases(Path(args.phrases))
    resolved = resolve_phrases(load_model(args.model or DEFAULT_MODEL), rows)
    print(format_table(score(resolved)))
    if args.misses:
        for row, found in resolved:
            wanted = (row["country"], row["sector"])
            got = [(c or NO_COUNTRY, s) if f else None for f in found for c, s in [f or (None, None)]]
            if any(g != wanted for g in got):
                print(f"{row['category']}\t{row['phrase']}\t{row['date']}\twanted {wanted}\tgot {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
