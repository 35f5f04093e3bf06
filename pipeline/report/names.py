"""Readable names for actor codes, from the tables the extractor resolves actors with.

A country code is named by schemas/data/countries.csv, an organisation or group by the first
written-out name in schemas/data/organizations.csv ("Collective Security Treaty
Organization" for CSTO, not the acronym again). A code in neither is shown as itself.
"""
from __future__ import annotations

from functools import cache

from schemas.ontology import table_rows


def _spelled_out(code: str, names: str) -> str:
    """The first of `names` that is not an acronym, without a leading "the "."""
    for name in names.split("|"):
        name = name.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        if name and any(c.islower() for c in name) and name != code:
            return name
    return code


@cache
def actor_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in table_rows("organizations.csv"):
        names.setdefault(row["code"], _spelled_out(row["code"], row["names"]))
    for row in table_rows("countries.csv"):  # a country's own name wins over a group's
        if row["name"]:
            names[row["code"]] = row["name"]
    return names


def actor_name(code: str | None) -> str:
    if not code:
        return ""
    return actor_names().get(code, code)
