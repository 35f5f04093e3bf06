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

from pipeline.options import DEFAULT_MODEL
from schemas.records import Article
from transforms.articles.urls import article_id_for
from transforms.extract.engine import extract_events
from transforms.extract.stage import load_model


def load_gold(path: str) -> list[dict]:
    """Gold items; a file of corpus references (see tests/data/GOLD.md) is resolved against ../shared."""
    first = next((line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()), "")
    if first and "corpus" in json.loads(first) and "text" not in json.loads(first):
        from pipeline.gold_refs import resolve_refs, shared_root_default

        root = shared_root_default()
        if root is None:
            raise ValueError(f"{path} refers to corpus files under ../shared, which is absent")
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
    date = dt.date.fromisoformat(item["date"]) if item.get("date") else dt.date(2026, 1, 1)
    title = item.get("title", "")
    text = item["text"]
    return Article(
        article_id=article_id_for(None, "gold", str(item["id"]), title, text),
        url=None, title=title, text=text, published=None, date=date, date_basis="run",
        feed_url="gold", source="gold",
    )


def predict(nlp, items: list[dict]) -> dict[str, list]:
    """Run the extractor on every gold item; item id → events."""
    articles = [gold_article(item) for item in items]
    pairs = [(a.title, (i, "title")) for i, a in enumerate(articles)] + [
        (a.text, (i, "body")) for i, a in enumerate(articles)
    ]
    docs = {key: doc for doc, key in nlp.pipe(pairs, as_tuples=True, batch_size=64)}
    return {
        str(item["id"]): extract_events(article, docs[(i, "title")], docs[(i, "body")], "evaluate")
        for i, (item, article) in enumerate(zip(items, articles))
    }


def _root(event: dict) -> str:
    return str(event.get("root") or str(event["code"])[:2]).zfill(2)


def score(items: list[dict], predictions: dict[str, list]) -> dict:
    tp = fp = fn = 0
    per_root: dict[str, Counter] = defaultdict(Counter)
    target_right = target_total = 0
    for item in items:
        gold = {(e["actor"], _root(e)): e.get("target") for e in item["events"]}
        predicted = {}
        for event in predictions.get(str(item["id"]), []):
            predicted.setdefault((event.actor, event.event_root), event.target)
        for key, target in predicted.items():
            if key in gold:
                tp += 1
                per_root[key[1]]["tp"] += 1
                if gold[key]:
                    target_total += 1
                    target_right += int(gold[key] == target)
            else:
                fp += 1
                per_root[key[1]]["fp"] += 1
        for key in gold:
            if key not in predicted:
                fn += 1
                per_root[key[1]]["fn"] += 1
    report = _prf(tp, fp, fn)
    report["items"] = len(items)
    report["target_accuracy"] = round(target_right / target_total, 4) if target_total else None
    report["per_root"] = {root: _prf(c["tp"], c["fp"], c["fn"]) for root, c in sorted(per_root.items())}
    return report


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate_file(path: str, model: str | None = None, nlp=None) -> dict:
    items = load_gold(path)
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
    return "\n".join(lines)
