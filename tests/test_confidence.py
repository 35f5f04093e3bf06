"""The confidence model's track-record feature (transforms/extract/confidence.py) and how
tools/fit_confidence.py counts it."""
from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import tool_module

from schemas import ontology
from transforms.extract.confidence import FEATURES, RECORD_PRIOR_ROWS, record_features, record_value


@pytest.fixture(scope="module")
def fit_tool():
    """tools/fit_confidence.py as a module (its counting helpers are unit-tested here)."""
    return tool_module("fit_confidence")


def test_a_record_is_shrunk_toward_the_base_rate():
    """No rows say nothing; a perfect record of 1 row moves the odds less than one of 100 rows;
    a record worse than the base rate lowers them."""
    base = 0.6
    assert record_value(0, 0, base) == 0.0
    assert 0 < record_value(1, 1, base) < record_value(100, 100, base)
    assert record_value(50, 10, base) < 0
    # with as many rows as the prior, the share is halfway between the record's and the base rate
    p = 0.5 * 1.0 + 0.5 * base
    n = int(RECORD_PRIOR_ROWS)
    assert math.isclose(record_value(n, n, base), math.log(p / (1 - p)) - math.log(base / (1 - base)))


def test_the_record_of_an_action_comes_from_the_table():
    rows = ontology.table_rows("rule_record.csv")
    assert rows, "tools/fit_confidence.py writes schemas/data/rule_record.csv"
    seen = max(rows, key=lambda row: int(row["rows"]))
    assert "rule_record" in record_features(seen["action"], seen["root"] + "0")
    assert record_features("no-such-action", "01") == {}


def test_a_rows_record_is_counted_without_its_own_batch(fit_tool):
    """While fitting, a row's record leaves out its own batch: an action seen in one batch only
    has no record for that batch's rows; seen right in another batch, it raises them."""
    column = fit_tool.RECORD
    x = np.zeros((5, 1 + len(FEATURES)))
    y = np.array([1.0, 1.0, 1.0, 0.0, 0.0])
    keys = [("say", "01"), ("say", "01"), ("ban", "17"), ("ban", "17"), ("hail", "01")]
    groups = [1, 2, 2, 3, 3]
    out = fit_tool.out_of_group_records(x, y, keys, groups)
    assert out[4, column] == 0.0  # "hail" only in batch 3, its own
    assert out[0, column] > 0 and out[1, column] > 0  # "say" right in the other batch
    assert out[3, column] > 0 and out[2, column] < 0  # "ban": right in batch 2, wrong in batch 3
    assert (x[:, column] == 0).all()  # the input is left as it was
