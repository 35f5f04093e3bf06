"""World geometry for the map, offline: the country outlines the `countryinfo` package ships.

countryinfo (MIT) carries a GeoJSON outline for about 170 countries (Natural Earth's
small-scale outlines) keyed by ISO 3166-1 alpha-3, the code of `actor_country`, inside the
installed package: nothing is fetched when the report is built or viewed. Countries it
has no outline for (small island states, historical codes such as SUN) are listed beside
the map instead. Antarctica is left out: in the equal-area projection its ring around the
pole fills the whole map.

countryinfo needs Python 3.11; on 3.10 `world_features()` returns nothing and the page lists
the countries without a map.
"""
from __future__ import annotations

from functools import cache

LEFT_OUT = frozenset({"ATA"})
COORDINATE_DIGITS = 2  # ~1 km: far finer than a page-wide world map shows, and a smaller page


def _signed_area(ring: list[list[float]]) -> float:
    """Twice the planar area of a (lon, lat) ring: positive when it runs counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:] + ring[:1]))


def _polygon(rings: list) -> list:
    """A polygon rounded, its outer ring clockwise and its holes counter-clockwise.

    Vega draws with d3-geo, which reads rings on the sphere: an outer ring that runs the
    other way encloses the whole globe but the country (some outlines in the package do),
    and the map turns grey. GeoJSON's own rule (RFC 7946) is the opposite, so the
    orientation is set here rather than trusted."""
    out = []
    for index, ring in enumerate(rings):
        ring = [[round(x, COORDINATE_DIGITS), round(y, COORDINATE_DIGITS)] for x, y, *_ in ring]
        clockwise = _signed_area(ring) < 0
        out.append(ring if clockwise == (index == 0) else ring[::-1])
    return out


def _oriented(geometry: dict) -> dict | None:
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": _polygon(geometry["coordinates"])}
    if geometry["type"] == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [_polygon(p) for p in geometry["coordinates"]]}
    return None


@cache
def world_features() -> tuple[dict, ...]:
    """GeoJSON features with `id` = ISO alpha-3 and `properties.name`, one per outlined country."""
    try:
        from countryinfo import CountryInfo
    except ImportError:  # Python 3.10, or not installed: the page lists countries only
        return ()
    features = []
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha3")
        if not code or code in LEFT_OUT:
            continue
        for feature in (info.get("geoJSON") or {}).get("features", []):
            geometry = feature.get("geometry")
            shape = _oriented(geometry) if geometry and geometry.get("coordinates") else None
            if shape:
                features.append({"type": "Feature", "id": code, "properties": {"name": info.get("name", code)},
                                 "geometry": shape})
    return tuple(sorted(features, key=lambda f: f["id"]))


def outlined_countries() -> frozenset[str]:
    return frozenset(f["id"] for f in world_features())
