"""Draw and write the hand-grouped incident set (issue 11, tests/data/gold_incidents.jsonl).

    .venv/bin/python tools/build_incident_gold.py draw OUTDIR
    .venv/bin/python tools/build_incident_gold.py write OUTDIR/incident_rows.jsonl LABELS.tsv [OUT]

`draw` runs the extractor (pipeline/incident_eval.py: the pipeline's own steps) on every rumca
item published on the nine days of WINDOWS, keeps the rows SELECTED picks for that window and
writes them, with their item's title, text and evidence sentence, to OUTDIR/incident_rows.jsonl
for reading by hand (outside the repository: it quotes the corpus). Each row gets a stable id
(window letter + number, in order of actor, publication time, link, code, target).

`write` joins the hand labels to the drawn rows and writes the reference file, which holds no
corpus text: the item's link, publication time and a sha1 of its stored title + description,
the row's identity (actor, event_code, event_root, target, char_start, char_end, a sha1 of the
sentence), the outlet, and the gold grouping. LABELS.tsv has one line per row id:

    row_id <TAB> incident <TAB> incident_date or - <TAB> ok|bad

and one line per incident giving its human label: `= <TAB> incident <TAB> label`.
Every drawn row must be labelled (or listed as `row_id <TAB> SKIP` with a reason after a tab).

Why these windows and filters: three real multi-outlet days, one each in spring, summer and
autumn 2023, each with the day before and after (incidents span days: a story published late on
the 9th is followed up on the 10th and 11th). The filters keep the actors of each window's
biggest stories with all their other rows of those days, so the set holds the same incident told
by many outlets, the look-alikes a grouping must keep apart (the same actor's other actions
the same days, the meeting and the agreement made at it) and the singletons around them.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.gold_refs import shared_root_default, span_sha1  # noqa: E402
from pipeline.incident_eval import (  # noqa: E402
    CORPUS_FILE,
    corpus_article,
    corpus_items,
    extract_articles,
    load_extractor,
    outlet_of,
)

# window letter -> the three publication days (UTC) and what the window's stories are.
WINDOWS = {
    "m": (("2023-03-09", "2023-03-10", "2023-03-11"),
          "Saudi Arabia and Iran restore ties in Beijing; Russia's missile barrage of 9 March; Xi's third term"),
    "a": (("2023-08-23", "2023-08-24", "2023-08-25"),
          "Prigozhin's plane crash; drone attacks on Moscow and Crimea; North Korea's failed satellite; Fukushima water"),
    "n": (("2023-11-14", "2023-11-15", "2023-11-16"),
          "Biden and Xi meet near San Francisco; Israel's raid on al-Shifa hospital"),
}


def selected(window: str, row: dict) -> bool:
    """The rows of the window's story actors (as actor or target), whatever they report."""
    actor, target = row["actor"], row["target"]
    item = row["title"] + " " + row["text"]
    if window == "m":
        return actor in ("SAU", "IRN", "RUS", "CHN") or target in ("SAU", "IRN")
    if window == "a":
        return bool({actor, target} & {"RUS", "WAGNER", "PRK", "JPN"})
    if window == "n":
        return (actor == "CHN" or target == "CHN" or (actor == "USA" and "Xi" in item) or "Shifa" in item
                or (row["published"][:10] == "2023-11-15" and "ISR" in (actor, target)))
    return False


def draw(out_dir: Path) -> None:
    shared = shared_root_default()
    if shared is None:
        raise SystemExit("no ../shared next to the repository")
    days = {day: window for window, (window_days, _) in WINDOWS.items() for day in window_days}
    records = corpus_items(shared, days=days)
    links = sorted(records)
    nlp, prefilter = load_extractor()
    articles = [corpus_article(records[link]) for link in links]
    drawn = []
    for link, article, events in zip(links, articles, extract_articles(nlp, prefilter, articles)):
        record = records[link]
        window = days[record["date_published"][:10]]
        for event in events:
            row = {
                "window": window, "link": link, "published": record["date_published"], "line": record["line"],
                "outlet": outlet_of(record), "title": article.title, "text": article.text,
                "actor": event.actor, "event_code": event.event_code, "event_root": event.event_root,
                "target": event.target, "char_start": event.char_start, "char_end": event.char_end,
                "sentence": event.sentence, "actor_name": event.actor_name, "target_name": event.target_name,
                "item_sha1": span_sha1((record.get("title") or "") + "\n" + (record.get("description") or "")),
            }
            if selected(window, row):
                drawn.append(row)
    drawn.sort(key=lambda r: (r["window"], r["actor"], r["published"], r["link"], r["event_code"], r["target"] or ""))
    counters: dict[str, int] = {}
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "incident_rows.jsonl", "w", encoding="utf-8") as out:
        for row in drawn:
            counters[row["window"]] = counters.get(row["window"], 0) + 1
            row["row_id"] = f"{row['window']}{counters[row['window']]:03d}"
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(records)} items, {len(drawn)} rows drawn: {counters}")


def read_labels(path: Path) -> tuple[dict[str, tuple], dict[str, str], dict[str, str]]:
    labels, names, skipped = {}, {}, {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] == "=":
            names[parts[1]] = parts[2]
        elif len(parts) >= 2 and parts[1] == "SKIP":
            skipped[parts[0]] = parts[2] if len(parts) > 2 else ""
        elif len(parts) == 4 and parts[3] in ("ok", "bad"):
            labels[parts[0]] = (parts[1], None if parts[2] == "-" else parts[2], parts[3] == "ok")
        else:
            raise SystemExit(f"{path}:{number}: cannot read {line!r}")
    return labels, names, skipped


def write(rows_path: Path, labels_path: Path, out_path: Path) -> None:
    rows = [json.loads(line) for line in rows_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels, names, skipped = read_labels(labels_path)
    missing = [r["row_id"] for r in rows if r["row_id"] not in labels and r["row_id"] not in skipped]
    unknown = sorted(set(labels) - {r["row_id"] for r in rows})
    unnamed = sorted({incident for incident, _, _ in labels.values()} - set(names))
    if missing or unknown or unnamed:
        raise SystemExit(f"unlabelled rows {missing}; labels for no row {unknown}; incidents without a label {unnamed}")
    with open(out_path, "w", encoding="utf-8") as out:
        for row in rows:
            if row["row_id"] in skipped:
                continue
            incident, incident_date, ok = labels[row["row_id"]]
            out.write(json.dumps({
                "id": row["row_id"], "corpus": CORPUS_FILE, "link": row["link"], "published": row["published"],
                "item_sha1": row["item_sha1"], "outlet": row["outlet"],
                "actor": row["actor"], "event_code": row["event_code"], "event_root": row["event_root"],
                "target": row["target"], "char_start": row["char_start"], "char_end": row["char_end"],
                "sentence_sha1": span_sha1(row["sentence"]),
                "incident": incident, "incident_label": names[incident], "incident_date": incident_date,
                "row_ok": ok,
            }, ensure_ascii=False) + "\n")
    print(f"{len(rows) - len(skipped)} rows written to {out_path} ({len(skipped)} skipped)")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "draw":
        draw(Path(sys.argv[2]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "write":
        write(Path(sys.argv[2]), Path(sys.argv[3]),
              Path(sys.argv[4]) if len(sys.argv) > 4 else ROOT / "tests" / "data" / "gold_incidents.jsonl")
    else:
        raise SystemExit(__doc__)
