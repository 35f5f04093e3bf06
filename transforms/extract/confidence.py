"""`confidence`: the probability that a row's actor and CAMEO root are right.

A logistic model over facts the extractor already knows about each row (how the actor
was resolved, the voice, whether someone else reports it, where the evidence sits, what
kind of rule coded it). The weights are fitted on the team's development data by
tools/fit_confidence.py and kept in schemas/data/confidence.csv; the frozen test split
checks them (`eventwire evaluate --split test` prints the reliability table).
"""
from __future__ import annotations

import functools
import math

from schemas import ontology

FEATURES = (
    "passive",          # "sanctions were imposed ... by the EU"
    "reported",         # someone else says it happened ("X said Y attacked")
    "via_context",      # the actor was learned in the article (acronym, surname, "the bloc")
    "via_outlet",       # the actor is framed by the publisher's home country
    "actor_organization",  # an organisation or group, not a country
    "actor_role",       # named by a role ("troops", "the minister"), not a name alone
    "nominal",          # from an event noun ("a Russian strike on ...")
    "instrument",       # the user of a weapon ("a bomb planted by ...")
    "light_verb",       # a light verb's noun ("launched an offensive")
    "background",       # in a relative clause ("the territory that Moscow annexed")
    "subordinate",      # in an adverbial clause ("after Russian jets launched an attack")
    "private_actor",    # no public office ("an Australian man", "Chinese citizens", "former president")
    "specific_rule",    # the verb rule names the object or particle it needs
    "has_target",
    "own_target",       # the acting state is its own recipient (a domestic act, often inferred)
    "title_only",       # the evidence is the headline alone
    "first_sentence",   # the body's first sentence (the lede)
    "late_sentence",    # the sixth sentence of the body or later
    "crowded",          # three or more candidate rows from one sentence
    "long_sentence",    # more than 40 tokens
    "statement",        # root 01
    "verbal_cooperation",   # roots 02-05
    "material_cooperation",  # roots 06-09
    "verbal_conflict",  # roots 10-14 (material conflict, 15-20, is the baseline)
    "intent",           # an intent or threat (03, 13): the act has not happened
    "corroborated",     # the article tells the actor's act of this root in two sentences or more
    "rule_record",      # how often rows of this action and root were right on development data
)


# Civilians, people named by a common noun ("man", "residents", "businessmen") and former
# officials: in the news they are mostly victims, witnesses or commentators, seldom the actor
# of a political event.
PRIVATE_SECTORS = frozenset({"CVL", "PPL", "BUS", "EDU", "HLH", "REF", "AGR", "LAB", "ELI"})


@functools.cache
def weights() -> dict[str, float]:
    """Feature → weight, plus "bias"; an absent feature weighs nothing."""
    return {row["feature"]: float(row["weight"]) for row in ontology.table_rows("confidence.csv")}


def probability(features: dict[str, float]) -> float:
    table = weights()
    logit = table.get("bias", 0.0) + sum(table.get(name, 0.0) * value for name, value in features.items())
    return round(1.0 / (1.0 + math.exp(-logit)), 3)


# How many rows of the base rate a record counts as before it has rows of its own: an action
# seen on three development rows moves a row's odds a little, one seen on three hundred fully.
RECORD_PRIOR_ROWS = 10.0


@functools.cache
def _records() -> tuple[dict[tuple[str, str], tuple[int, int]], float]:
    """(action, root) → (rows, right rows) on development data (schemas/data/rule_record.csv,
    written by tools/fit_confidence.py), and the share of all those rows that were right."""
    table = {(row["action"], row["root"]): (int(row["rows"]), int(row["right"]))
             for row in ontology.table_rows("rule_record.csv")}
    rows = sum(n for n, _ in table.values())
    right = sum(k for _, k in table.values())
    return table, (right / rows if rows else 0.5)


def record_value(rows: int, right: int, base: float) -> float:
    """The log odds that a row of this record is right, smoothed toward the base rate, less the
    base rate's: 0 for an action and root never seen."""
    p = (right + RECORD_PRIOR_ROWS * base) / (rows + RECORD_PRIOR_ROWS)
    return math.log(p / (1 - p)) - math.log(base / (1 - base))


def record_features(action: str, code: str) -> dict[str, float]:
    """A verb's or a noun's track record in one root: "say" as a statement (01) is right less
    often than "sanction" as a sanction (16), which the other features do not know."""
    table, base = _records()
    found = table.get((action, code[:2]))
    return {"rule_record": record_value(*found, base)} if found else {}


def root_group(code: str) -> dict[str, float]:
    root = int(code[:2])
    group = ("statement" if root == 1 else "verbal_cooperation" if root <= 5 else
             "material_cooperation" if root <= 9 else "verbal_conflict" if root <= 14 else None)
    out = {group: 1.0} if group else {}
    if code[:2] in ("03", "13"):
        out["intent"] = 1.0
    return out


def place_features(in_title: bool, index: int, crowd: int, length: int) -> dict[str, float]:
    """Where the evidence sits: the headline, the lede, deep in the body; how busy the sentence is."""
    out = {"title_only": float(in_title)}
    if not in_title:
        out["first_sentence"] = float(index == 0)
        out["late_sentence"] = float(index >= 5)
    out["crowded"] = float(crowd >= 3)
    out["long_sentence"] = float(length > 40)
    return {k: v for k, v in out.items() if v}


def row_features(actor, target, rule, **flags: bool) -> dict[str, float]:
    out = {name: 1.0 for name, on in flags.items() if on}
    out.update(root_group(rule.code))
    if actor.via in ("context", "outlet"):
        out[f"via_{actor.via}"] = 1.0
    if actor.code != actor.country:
        out["actor_organization"] = 1.0
    if actor.actor_type is not None and actor.code == actor.country:
        out["actor_role"] = 1.0
    if actor.actor_type in PRIVATE_SECTORS:
        out["private_actor"] = 1.0
    if target is not None:
        out["has_target"] = 1.0
        if target.code == actor.code:
            out["own_target"] = 1.0
    if rule.object_heads or rule.particle:
        out["specific_rule"] = 1.0
    return out
