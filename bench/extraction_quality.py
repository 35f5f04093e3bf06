"""Word-level precision/recall/F1 of the --full_text extractor against a ground truth.

    .venv/bin/python bench/extraction_quality.py [--corpus ../shared/corpus/article_extraction_benchmark]

The corpus holds ``ground-truth.json`` (``{id: {"articleBody": ..., "url": ...}}``)
and ``html/<id>.html.gz``. Each page goes through ``transforms.articles.full_text.extract_main_text``
(exactly what the pipeline runs); the extracted words are compared with the
ground-truth body's as bags of words (lower-cased ``\\w+`` tokens, counted with
multiplicity). Printed: micro figures (all documents' words pooled), the macro
mean of per-document F1, and, for context, the same figures for a naive
baseline that keeps all the text of the page (``html_to_text``).
Skips (exit 0) when the corpus is absent.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "corpus" / "article_extraction_benchmark"
WORD = re.compile(r"\w+")


def words(text: str) -> collections.Counter:
    return collections.Counter(WORD.findall(text.lower()))


def score(pairs) -> dict:
    """Micro and macro P/R/F1 over ``(predicted_text, gold_text)`` pairs."""
    tp = n_pred = n_gold = 0
    f1s = []
    for predicted, gold in pairs:
        p, g = words(predicted), words(gold)
        common = sum((p & g).values())
        tp, n_pred, n_gold = tp + common, n_pred + sum(p.values()), n_gold + sum(g.values())
        prec = common / sum(p.values()) if p else 0.0
        rec = common / sum(g.values()) if g else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"documents": len(f1s), "precision": precision, "recall": recall, "f1": f1,
            "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
            "empty": sum(1 for f in f1s if f == 0.0)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    truth_file = args.corpus / "ground-truth.json"
    if not truth_file.is_file():
        print(f"skipped: {truth_file} not present")
        return 0
    from transforms.articles.full_text import FullTextFailure, extract_main_text
    from transforms.articles.html_text import html_to_text

    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    extracted, baseline = [], []
    started = time.monotonic()
    for doc_id, item in sorted(truth.items()):
        page = args.corpus / "html" / f"{doc_id}.html.gz"
        if not page.is_file():
            continue
        html = gzip.decompress(page.read_bytes())
        try:
            text = extract_main_text(html, item.get("url"))
        except FullTextFailure:
            text = ""
        extracted.append((text, item.get("articleBody") or ""))
        baseline.append((html_to_text(html.decode("utf-8", "replace")), item.get("articleBody") or ""))
    seconds = time.monotonic() - started
    results = {"extractor": score(extracted), "baseline_all_text": score(baseline),
               "seconds": round(seconds, 1)}
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"{args.corpus.name}: {results['extractor']['documents']} pages, {seconds:.1f} s")
    for name, r in (("trafilatura (--full_text)", results["extractor"]),
                    ("baseline: all page text", results["baseline_all_text"])):
        print(f"  {name:<26} precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
              f"F1 {r['f1']:.3f}  (macro F1 {r['macro_f1']:.3f}, empty {r['empty']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
