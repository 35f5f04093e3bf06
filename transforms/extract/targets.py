"""The recipient of an event (`target`): where the syntax of a clause puts it.

Searched in the order the syntax makes it likelier: the object itself (the dative first), a
recipient inside the object phrase, the verb's prepositional objects, and for visits and uses
of force the place, which stands for its country (transforms/extract/places.py).
"""
from __future__ import annotations

from transforms.extract.actors import Actor, ArticleActors, resolve_all

TARGET_PREPS = frozenset({"on", "against", "with", "to", "from", "for", "into"})
# Visits and uses of force: the place they happen in stands for the country that receives them.
PLACE_ROOTS = frozenset({"04", "15", "17", "18", "19", "20"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "inside", "into", "over", "toward", "towards"})


def find_target(resolver: ArticleActors, target_heads, preps, dobj, root: str = "") -> Actor | None:
    """The recipient of a clause, searched in this order:

    1. the object itself (the dative first): "warned Iran", "gave Serbia an ultimatum";
    2. a recipient inside the object phrase: "aid to Ukraine", "sanctions against Iran",
       "the resilience of Ukraine's soldiers", "Erdoğan's calls for a ceasefire";
    3. the verb's prepositional objects: "talks with Iran", "sanctions on Belarus";
    4. for visits and uses of force, the place: "visited Mariupol", "struck targets in Khan Younis".
    """
    heads = [h for h in target_heads if h is not None]
    for actor in resolve_all(resolver, heads, as_target=True):
        return actor
    for head in heads:
        found = _recipient_inside(resolver, head, depth=2)
        if found is not None:
            return found
    candidate_preps = list(preps)
    if dobj is not None:
        candidate_preps += [c for c in dobj.children if c.dep_ == "prep"]
    for prep in candidate_preps:
        if prep.lower_ not in TARGET_PREPS:
            continue
        pobjs = [c for c in prep.children if c.dep_ == "pobj"]
        for actor in resolve_all(resolver, pobjs, as_target=True):
            return actor
        for pobj in pobjs:  # "arrives for a tour of Turkey's earthquake zone"
            found = _recipient_inside(resolver, pobj, depth=1)
            if found is not None:
                return found
    if root in PLACE_ROOTS:
        for head in heads:
            place = resolver.place(head)
            if place is not None:
                return place
        for prep in candidate_preps:
            if prep.lower_ in TARGET_PREPS or prep.lower_ in LOCATIVE_PREPS:
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = _country_or_place(resolver, pobj)
                    if found is not None:
                        return found
    return None


def _recipient_inside(resolver: ArticleActors, head, depth: int) -> Actor | None:
    """An actor in the object's own "to/on/against/with/of" phrases or possessives, `depth` levels down."""
    if depth <= 0:
        return None
    for child in head.children:
        if child.dep_ == "poss":
            for actor in resolve_all(resolver, [child], as_target=True):
                return actor
    for prep in head.children:
        if prep.dep_ != "prep" or (prep.lower_ not in TARGET_PREPS and prep.lower_ != "of"):
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for actor in resolve_all(resolver, [pobj], as_target=True):
                return actor
            found = _recipient_inside(resolver, pobj, depth - 1)
            if found is not None:
                return found
    return None


def _country_or_place(resolver: ArticleActors, head) -> Actor | None:
    """A country (not any actor: "in the UN" is no place) or a known place inside the phrase."""
    for actor in resolve_all(resolver, [head], as_target=True):
        if actor.code == actor.country:
            return actor
    return resolver.place(head)
