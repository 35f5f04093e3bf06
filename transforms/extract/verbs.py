"""Map a verb (with its particle and object) to a CAMEO code via schemas/data/verbs.csv.

The dictionary is data, not code: a rule names a lemma, optionally a particle or
preposition that must accompany it ("call for"), and optionally the head nouns
of its object that change the meaning ("adopt a resolution" is an agreement,
"adopt a child" is not an event). The most specific matching rule wins; a verb
with no matching rule is not an event.
"""
from __future__ import annotations

from collections.abc import Set as AbstractSet

from schemas import ontology

# Classes of objects a rule may name instead of words (transforms/extract/clauses.object_heads):
# "captured Ovidio Guzmán" (a person) is an arrest, "captured the town" a seizure of territory;
# "@object" is any direct object: "returned the remains" is a return, "returned to Syria" a trip;
# "@igo" an intergovernmental body: "joined NATO" is an accession, "joined a charity" nothing;
# "@people" any object naming people ("released 150 Palestinians", not "released a video");
# "@weapon" arms ("supplied cluster munitions": military aid).
OBJECT_CLASSES = frozenset({"@person", "@place", "@object", "@igo", "@people", "@weapon"})
ANY_OBJECT = "@object"


def match_verb(
    lemma: str, particles: AbstractSet[str], object_heads: AbstractSet[str],
    durations: AbstractSet[str] = frozenset(),
) -> ontology.VerbRule | None:
    """The most specific rule for the verb, or None when it is not an event verb. A particle in
    `durations` ("fought for days") takes a rule only with the objects it names."""
    rules = ontology.verb_rules().get(lemma.lower())
    if not rules:
        return None
    best = None
    best_score = -1
    for rule in rules:
        if rule.particle and (rule.particle not in particles or (rule.particle in durations and not rule.object_heads)):
            continue
        if rule.object_heads and not (rule.object_heads & object_heads):
            continue
        matched = rule.object_heads & object_heads
        # a word the rule names beats a class of objects ("@person"), which beats any object at
        # all ("@object"), which beats no object
        score = (2 if matched - OBJECT_CLASSES else 1.5 if matched - {ANY_OBJECT} else 1.25 if matched else 0) + (
            1 if rule.particle else 0)
        if any(" " in head for head in rule.object_heads & object_heads):
            score += 4  # "general strike" is more specific than "strike"
        if score > best_score:
            best, best_score = rule, score
    return best
