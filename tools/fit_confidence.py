#!/usr/bin/env python3
"""Fit the confidence model (transforms/extract/confidence.py) on the team's development data.

    python tools/fit_confidence.py [--l2 1.0] [--leave-out-batch N ...]   (needs ../shared: the gold sets are references)

Every row the extractor writes for a development item is labelled right when the item's
gold has its (actor, root); a logistic regression with an L2 penalty (fitted by Newton's
method, numpy only) maps the row's features to that probability. Real text only: the
development split of tests/data/gold_news_refs.jsonl and tests/data/gold_real_refs.jsonl
(the written set was composed around the rules and would teach overconfidence). The test
split is never read here, nor the batches named by --leave-out-batch (fresh batches coded blind,
kept out so that they still measure the fitted model as news it has not seen). Writes
schemas/data/confidence.csv and prints the fit's reliability on the data it was fitted on.

It also writes each action's track record per root (schemas/data/rule_record.csv: how many rows
of "say" as 01, of "sanction" as 16, ... there were and how many were right), which feeds the
feature `rule_record`. While fitting, a row's record is counted without its own batch (an item
of the real set without a batch counts alone), so that the weight learns what a record says of
news it was not counted on.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.evaluate import _root, gold_article, load_gold  # noqa: E402
from pipeline.options import DEFAULT_MODEL  # noqa: E402
from transforms.extract.confidence import FEATURES, record_value  # noqa: E402
from transforms.extract.engine import extract_with_features  # noqa: E402
from transforms.extract.stage import load_model  # noqa: E402
from transforms.extract.texts import texts_to_parse  # noqa: E402

DEV_SETS = (("tests/data/gold_news_refs.jsonl", "dev"), ("tests/data/gold_real_refs.jsonl", None))


RECORD = 1 + FEATURES.index("rule_record")  # its column (after the bias)


def labelled_rows(nlp, left_out: frozenset[int] = frozenset()) -> tuple[np.ndarray, np.ndarray, list, list]:
    """The rows' features (a bias column first) and labels, with each row's (action, root) and
    the group it is counted out of for its record (its batch, else its item)."""
    xs, ys, keys, groups = [], [], [], []
    for path, split in DEV_SETS:
        items = [i for i in load_gold(str(REPO / path))
                 if (split is None or i.get("split", "dev") == split) and i.get("batch") not in left_out]
        assert all(i.get("split", "dev") == "dev" for i in items), "the test split is not for fitting"
        articles = [gold_article(item) for item in items]
        for item, article in zip(items, articles):
            gold = {(e["actor"], _root(e)) for e in item["events"]}
            title_text, body_text = texts_to_parse(article)
            title = nlp(title_text) if title_text else None
            body = nlp(body_text) if body_text else None
            for row, features in extract_with_features(article, title, body, "fit"):
                xs.append([1.0] + [features.get(name, 0.0) for name in FEATURES])
                ys.append(float((row.actor, row.event_root) in gold))
                keys.append((row.action, row.event_root))
                groups.append(item.get("batch") or item["id"])
    return np.array(xs), np.array(ys), keys, groups


def records(y: np.ndarray, keys: list) -> tuple[Counter, Counter]:
    """(action, root) → rows and → right rows, over all rows."""
    return Counter(keys), Counter(k for k, label in zip(keys, y) if label)


def out_of_group_records(x: np.ndarray, y: np.ndarray, keys: list, groups: list) -> np.ndarray:
    """x with each row's `rule_record` counted without the rows of its own group."""
    rows, right = records(y, keys)
    base = y.mean()
    own_rows = Counter(zip(keys, groups))
    own_right = Counter(kg for kg, label in zip(zip(keys, groups), y) if label)
    x = x.copy()
    for i, (key, group) in enumerate(zip(keys, groups)):
        n = rows[key] - own_rows[(key, group)]
        k = right[key] - own_right[(key, group)]
        x[i, RECORD] = record_value(n, k, base) if n else 0.0
    return x


def write_records(y: np.ndarray, keys: list) -> None:
    rows, right = records(y, keys)
    with open(REPO / "schemas" / "data" / "rule_record.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["action", "root", "rows", "right"])
        for action, root in sorted(rows):
            writer.writerow([action, root, rows[(action, root)], right[(action, root)]])


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 50) -> np.ndarray:
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0  # the bias is not shrunk
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--leave-out-batch", type=int, action="append", default=[], metavar="N",
                        help="a development batch not to fit on (repeatable)")
    args = parser.parse_args()
    x, y, keys, groups = labelled_rows(load_model(DEFAULT_MODEL), frozenset(args.leave_out_batch))
    x = out_of_group_records(x, y, keys, groups)
    write_records(y, keys)
    w = fit(x, y, args.l2)
    with open(REPO / "schemas" / "data" / "confidence.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["feature", "weight"])
        for name, weight in zip(("bias",) + FEATURES, w):
            writer.writerow([name, f"{weight:.4f}"])
    print(f"rows: {len(y)}, right: {int(y.sum())} ({y.mean():.2f})")
    print("fitted on all rows, read on the same rows:")
    _reliability(1 / (1 + np.exp(-x @ w)), y)
    print(f"{FOLDS}-fold cross-validation (each row scored by a fit that did not see it):")
    _reliability(cross_validated(x, y, args.l2), y)
    return 0


FOLDS = 5


def cross_validated(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Each row's probability from a model fitted on the other folds (a fixed seed, so the
    figures repeat): what the in-sample table flatters."""
    fold = np.random.default_rng(0).integers(0, FOLDS, len(y))
    p = np.zeros(len(y))
    for k in range(FOLDS):
        w = fit(x[fold != k], y[fold != k], l2)
        p[fold == k] = 1 / (1 + np.exp(-x[fold == k] @ w))
    return p


def _reliability(p: np.ndarray, y: np.ndarray) -> None:
    for low, high in ((0, .2), (.2, .4), (.4, .6), (.6, .8), (.8, 1.01)):
        band = (p >= low) & (p < high)
        if band.any():
            print(f"  {low:.1f}-{min(high, 1):.1f}: {band.sum():4d} rows, mean p {p[band].mean():.2f}, right {y[band].mean():.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
