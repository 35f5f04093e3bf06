"""`eventwire evaluate GOLD.jsonl`: precision, recall and F1 of the extractor.

Gold format, one JSON object per line:
    {"id": "g1", "title": "...", "text": "...", "date": "2026-11-20",
     "events": [{"actor": "CSTO", "root": "03", "target": "NATO"}, ...]}
`title` and `date` are optional; `root` may be replaced by a full `code`
("057"), whose first two digits are the root. An item with "events": [] says
the text holds no event. Scoring is at the (item, actor, CAMEO root) level:
a predicted triple is right when the gold item has the same actor and root.
Target accuracy is measured on the matched triples whose gold names a target.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

from pipeline.options import DEFAULT_MODEL
from schemas.records import Article
from transforms.articles.urls import article_id_for
from transforms.extract.engine import extract_events
from transforms.extract.stage import load_model
from transforms.extract.texts import texts_to_parse


def load_gold(path: str, corpus: str | None = None) -> list[dict]:
    """Gold items; a file of corpus references (see tests/data/GOLD.md) is resolved against
    `corpus` (a folder holding `corpus/`, default ../shared next to the repository)."""
    first = next((line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()), "")
    if not first:
        raise ValueError(f"{path}: no gold items (the file is empty)")
    try:
        head = json.loads(first)
    except ValueError as error:
        raise ValueError(f"{path}:1: not JSON: {error}") from error
    if isinstance(head, dict) and "corpus" in head and "text" not in head:
        from pipeline.gold_refs import resolve_refs, shared_root_default

        root = Path(corpus) if corpus else shared_root_default()
        if root is None or not (root / "corpus").is_dir():
            raise ValueError(f"{path} refers to corpus files; pass --corpus DIR (the folder that holds corpus/)")
        return resolve_refs(path, root)
    from pipeline.gold_refs import read_jsonl

    items = []
    for number, item in read_jsonl(path):
        if "text" not in item or "events" not in item:
            raise ValueError(f"{path}:{number}: an item needs 'text' and 'events'")
        item.setdefault("id", f"line{number}")
        items.append(item)
    return items


def gold_article(item: dict) -> Article:
    """The gold item as the pipeline would see it; `source_feed` (when the reference has one)
    gives the outlet, which frames national institutions named without a country."""
    date = dt.date.fromisoformat(item["date"]) if item.get("date") else dt.date(2026, 1, 1)
    title = item.get("title", "")
    text = item["text"]
    feed_url = item.get("source_feed") or "gold"
    source = (urlparse(feed_url).hostname or "gold").removeprefix("www.")
    return Article(
        article_id=article_id_for(None, "gold", str(item["id"]), title, text),
        url=None, title=title, text=text, published=None, date=date, date_basis="run",
        feed_url=feed_url, source=source,
    )


def predict(nlp, items: list[dict]) -> dict[str, list]:
    """Run the extractor on every gold item; item id → events."""
    articles = [gold_article(item) for item in items]
    pairs = [(text, (i, part)) for i, a in enumerate(articles)
             for text, part in zip(texts_to_parse(a), ("title", "body")) if text is not None]
    docs = {key: doc for doc, key in nlp.pipe(pairs, as_tuples=True, batch_size=64)}
    return {
        str(item["id"]): extract_events(article, docs.get((i, "title")), docs.get((i, "body")), "evaluate")
        for i, (item, article) in enumerate(zip(items, articles))
    }


def _root(event: dict) -> str:
    return str(event.get("root") or str(event["code"])[:2]).zfill(2)


def _miss_cause(key: tuple[str, str], predicted: dict) -> str:
    actor, root = key
    if any(a == actor for a, _ in predicted):
        return "wrong root"
    if any(r == root for _, r in predicted):
        return "wrong actor"
    return "no event"


def _extra_cause(key: tuple[str, str], gold: dict) -> str:
    actor, root = key
    if not gold:
        return "extra event (item has none)"
    if any(a == actor for a, _ in gold):
        return "wrong root"
    if any(r == root for _, r in gold):
        return "wrong actor"
    return "extra event"


CONFIDENCE_BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def score(items: list[dict], predictions: dict[str, list]) -> dict:
    """P/R/F1 on (item, actor, root); per root; target accuracy; why events were missed or extra;
    and how often rows are right per confidence band (the reliability table)."""
    tp = fp = fn = 0
    per_root: dict[str, Counter] = defaultdict(Counter)
    targets = Counter()
    missed, extra = Counter(), Counter()
    bands: dict[int, list] = defaultdict(list)
    for item in items:
        gold = {(e["actor"], _root(e)): e.get("target") for e in item["events"]}
        predicted = {}
        for event in predictions.get(str(item["id"]), []):
            key = (event.actor, event.event_root)
            if key not in predicted or event.confidence > predicted[key].confidence:
                predicted[key] = event
        for key, event in predicted.items():
            right = key in gold
            band = next(i for i, edge in enumerate(CONFIDENCE_BINS[1:]) if event.confidence < edge)
            bands[band].append((event.confidence, right))
            if right:
                tp += 1
                per_root[key[1]]["tp"] += 1
                if gold[key]:
                    targets["with target"] += 1
                    targets["right" if gold[key] == event.target else "missing" if event.target is None else "wrong"] += 1
            else:
                fp += 1
                per_root[key[1]]["fp"] += 1
                extra[_extra_cause(key, gold)] += 1
        for key in gold:
            if key not in predicted:
                fn += 1
                per_root[key[1]]["fn"] += 1
                missed[_miss_cause(key, predicted)] += 1
    report = _prf(tp, fp, fn)
    report["items"] = len(items)
    report["target_accuracy"] = round(targets["right"] / targets["with target"], 4) if targets["with target"] else None
    report["targets"] = dict(targets)
    report["per_root"] = {root: _prf(c["tp"], c["fp"], c["fn"]) for root, c in sorted(per_root.items())}
    report["missed"] = dict(missed.most_common())
    report["extra"] = dict(extra.most_common())
    report["reliability"] = [
        {"band": f"{CONFIDENCE_BINS[b]:.1f}-{min(CONFIDENCE_BINS[b + 1], 1.0):.1f}", "rows": len(rows),
         "mean_confidence": round(sum(c for c, _ in rows) / len(rows), 3),
         "right": round(sum(r for _, r in rows) / len(rows), 3)}
        for b, rows in sorted(bands.items())
    ]
    high = [r for rows in bands.values() for c, r in rows if c >= 0.8]
    report["right_at_0_8"] = round(sum(high) / len(high), 4) if high else None
    report["rows_at_0_8"] = len(high)
    return report


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate_file(path: str, model: str | None = None, nlp=None, split: str | None = None,
                  corpus: str | None = None, batch: int | None = None) -> dict:
    """Score the extractor on the gold file; `split` ("dev" or "test") keeps only those items,
    `batch` only the items of that sampling batch (an item without one is batch 1)."""
    items = load_gold(path, corpus)
    if split is not None:
        items = [item for item in items if item.get("split", "dev") == split]
    if batch is not None:
        items = [item for item in items if item.get("batch", 1) == batch]
    if not items:
        raise ValueError(f"{path} has no items of split {split!r} and batch {batch!r}")
    nlp = nlp or load_model(model or DEFAULT_MODEL)
    return score(items, predict(nlp, items))


def format_report(report: dict) -> str:
    lines = [
        f"items: {report['items']}",
        f"precision: {report['precision']:.3f}  recall: {report['recall']:.3f}  f1: {report['f1']:.3f}"
        f"  (tp {report['tp']}, fp {report['fp']}, fn {report['fn']})",
        f"target accuracy: {report['target_accuracy'] if report['target_accuracy'] is not None else 'n/a'}",
        "per root:",
    ]
    for root, figures in report["per_root"].items():
        lines.append(
            f"  {root}: p {figures['precision']:.2f} r {figures['recall']:.2f} f1 {figures['f1']:.2f}"
            f" (tp {figures['tp']}, fp {figures['fp']}, fn {figures['fn']})"
        )
    targets = report.get("targets", {})
    if targets.get("with target"):
        lines.append(f"targets of found events that have one: {targets['with target']} (right {targets.get('right', 0)},"
                     f" missing {targets.get('missing', 0)}, wrong {targets.get('wrong', 0)})")
    for label, key in (("missed events by cause", "missed"), ("extra rows by cause", "extra")):
        if report.get(key):
            lines.append(f"{label}: " + ", ".join(f"{cause} {n}" for cause, n in report[key].items()))
    if report.get("reliability"):
        lines.append("reliability (confidence band: rows, mean confidence, share right):")
        for band in report["reliability"]:
            lines.append(f"  {band['band']}: {band['rows']:4d}  {band['mean_confidence']:.2f}  {band['right']:.2f}")
        if report.get("right_at_0_8") is not None:
            lines.append(f"rows with confidence >= 0.8: {report['rows_at_0_8']}, right {report['right_at_0_8']:.2f}")
    return "\n".join(lines)
