"""The publisher's home country: the last frame for national institutions named without one.

A British outlet writing "the government announced ..." means the British government,
when nothing in the article names another country. The country comes from, in order:

1. the source's own setting (`country=GBR` on its line in a sources list, or a `country`
   attribute on its OPML outline): the user knows their feeds best;
2. schemas/data/outlets.csv, by the feed's domain (its parent domains too): outlets whose
   home is known; an empty country there marks an international outlet that frames nothing;
3. the region of the feed's language ("en-GB");
4. the country-code domain (".fr"), except those used as generic domains (.co, .io, .tv, ...).

An actor resolved this way is recorded as such in the row (`actor_via` = "outlet") and its
confidence is lower: the frame is a guess a careful reader makes, not something the text says.
"""
from __future__ import annotations

import functools

from schemas import ontology
from schemas.records import Article

GENERIC_CCTLDS = frozenset({"co", "io", "tv", "me", "ai", "fm", "ly", "cc", "ws", "to", "gg", "eu", "int"})


@functools.cache
def _outlets() -> dict[str, str]:
    return {row["domain"].lower(): row["country"] for row in ontology.table_rows("outlets.csv")}


@functools.cache
def _iso2() -> dict[str, str]:
    return {row["iso2"].upper(): row["code"] for row in ontology.table_rows("country_codes.csv")}


@functools.cache
def _tlds() -> dict[str, str]:
    return {row["tld"].lower(): row["code"] for row in ontology.table_rows("country_codes.csv") if row["tld"]}


def outlet_country(article: Article) -> str | None:
    """The home country of the article's publisher, or None when it cannot be told."""
    if article.source_country:
        return article.source_country
    domain = (article.source or "").lower().removeprefix("www.")
    labels = domain.split(".")
    for start in range(len(labels) - 1):  # news.bbc.co.uk, bbc.co.uk, co.uk
        found = _outlets().get(".".join(labels[start:]))
        if found is not None:
            return found or None
    region = (article.language or "").replace("_", "-").split("-")
    if len(region) > 1 and len(region[1]) == 2 and region[1].upper() in _iso2():
        return _iso2()[region[1].upper()]
    tld = labels[-1] if len(labels) > 1 else ""
    if tld not in GENERIC_CCTLDS:
        return _tlds().get(tld)
    return None
