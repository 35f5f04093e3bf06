"""Extraction accuracy on the development gold sets, as a regression guard.

The floors are the figures measured when the extractor last changed (see the
README's accuracy table), minus a small margin: a change that makes the
extractor worse fails here. The real-text set reads its sentences from the
third-party corpus in ../shared and is skipped when that is absent.
"""
from __future__ import annotations

import pytest
from conftest import DATA, SHARED

from pipeline.evaluate import load_gold, predict, score

WRITTEN = DATA / "gold_written.jsonl"
REAL = DATA / "gold_real_refs.jsonl"

# (precision, recall) floors; measured: written 0.887 / 0.751, real 0.819 / 0.673
WRITTEN_FLOORS = (0.87, 0.73)
REAL_FLOORS = (0.80, 0.65)


def test_written_gold_set_floors(nlp):
    items = load_gold(str(WRITTEN))
    report = score(items, predict(nlp, items))
    assert report["precision"] >= WRITTEN_FLOORS[0], report
    assert report["recall"] >= WRITTEN_FLOORS[1], report


@pytest.mark.skipif(not SHARED.is_dir(), reason="the real-text gold set reads ../shared/corpus")
def test_real_gold_set_floors(nlp):
    items = load_gold(str(REAL))
    report = score(items, predict(nlp, items))
    assert report["precision"] >= REAL_FLOORS[0], report
    assert report["recall"] >= REAL_FLOORS[1], report


def test_no_event_items_stay_empty(nlp):
    """Sports, business, weather and negated items: the extractor must stay quiet on most of them."""
    items = [item for item in load_gold(str(WRITTEN)) if not item["events"]]
    predictions = predict(nlp, items)
    noisy = [item["id"] for item in items if predictions[str(item["id"])]]
    assert len(items) >= 40
    assert len(noisy) <= len(items) * 0.2, noisy


def test_evaluate_keeps_only_the_split_and_batch_asked_for(nlp, tmp_path):
    """`eventwire evaluate --split dev --batch 2` scores a later blind batch on its own."""
    import json

    from pipeline.evaluate import evaluate_file

    rows = [
        {"id": "a", "split": "dev", "text": "Ghana expelled two Togolese diplomats.", "events": [{"actor": "GHA", "root": "16"}]},
        {"id": "b", "split": "dev", "batch": 2, "text": "Togo condemned Ghana.", "events": [{"actor": "TGO", "root": "11"}]},
        {"id": "c", "split": "test", "text": "Ghana praised Togo.", "events": [{"actor": "GHA", "root": "05"}]},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    assert evaluate_file(str(gold), nlp=nlp, split="dev")["items"] == 2
    batch_two = evaluate_file(str(gold), nlp=nlp, split="dev", batch=2)
    assert batch_two["items"] == 1 and batch_two["per_root"].keys() <= {"11"}
    assert evaluate_file(str(gold), nlp=nlp, batch=1)["items"] == 2
    with pytest.raises(ValueError, match="batch 3"):
        evaluate_file(str(gold), nlp=nlp, batch=3)
