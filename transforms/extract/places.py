"""Places that stand for their country as a target: "visited Mariupol", "strikes on Khan Younis".

A visit to a city is a visit to its country; an air strike on a town is an attack on the
country it lies in. Places are never actors (a city does not act; capitals that stand for
their government are metonyms in countries.csv) and are looked up only in proper nouns
and in phrases spaCy tags as a place, so "reading" or "split" as words never match. The table
(schemas/data/places.csv) is built by tools/build_places.py from GeoNames plus the team's
regions.
"""
from __future__ import annotations

import functools

from schemas import ontology
from transforms.extract.doc_cache import entity_at, run_text, span_text

PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
MAX_PLACE_TOKENS = 4


@functools.cache
def place_countries() -> dict[str, str]:
    """Lower-case place name → ISO code ('' rows, such as seas, are places of no country)."""
    return {row["name"].lower(): row["country"] for row in ontology.table_rows("places.csv")}


def _may_name_a_place(token) -> bool:
    """Tagged a place, or a proper noun the small model tagged otherwise ("Kherson" as a PERSON),
    unless it is part of a person's full name ("Victoria Nuland"). A two-word name the model
    calls a person that is itself a place of the table ("Khan Younis", "Sidi Bouzid") is a place."""
    if token.ent_type_ in PLACE_ENTS:
        return True
    if token.pos_ != "PROPN":
        return False
    if token.ent_type_ == "PERSON":
        entity = entity_at(token)
        return entity is None or len(entity) == 1 or ontology.normalize_name(span_text(entity)) in place_countries()
    return True


def place_country(tokens) -> tuple[str, str] | None:
    """(country code, place text) of the longest place named by `tokens` (a phrase), or None."""
    table = place_countries()
    tokens = [t for t in tokens if _may_name_a_place(t)]
    for size in range(min(len(tokens), MAX_PLACE_TOKENS), 0, -1):
        for start in range(len(tokens) - size + 1):
            window = tokens[start : start + size]
            if any(b.i != a.i + 1 for a, b in zip(window, window[1:])):
                continue
            text = run_text(window[0], window[-1])
            country = table.get(ontology.normalize_name(text))
            if country is not None:
                return (country, text) if country else None
    return None
