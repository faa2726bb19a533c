"""The page's data: places as GeoJSON features whose properties hold their claims, compactly.

One feature per place (a Point for settlements, the region's polygon for region-precision
places); `properties.c` lists the place's claims oldest first as short arrays
`[date, side index, type index, claimant, quote, source index, place as written, review index,
rules index]` (the last three only when needed: written "" when the same as the name, review
index into `reviews` only for reviewed claims (null before a rules index), rules index into
`rules`, the space-separated ids of the extraction rules that made the claim), and sources and
rule lists are listed once. The page styles and
filters these in JS, so the HTML grows with the data, not with one JS object per marker.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import shapely
from shapely import wkt as shapely_wkt
from shapely.errors import ShapelyError
from shapely.geometry import mapping

from geomap.errors import GeomapError
from geomap.records import (
    CLAIM_TYPES,
    REVIEW_STATUSES,
    SIDES,
    ClaimRecord,
    PlaceRef,
    SourceRecord,
)
from geomap.render.safety import safe_url


def claim_day(c: ClaimRecord) -> date | None:
    """The day a claim counts from: its claim date, else its source's publication date."""
    if c.claim_date is not None:
        return c.claim_date
    if c.source is not None and c.source.published is not None:
        return c.source.published
    return None


def date_label(c: ClaimRecord) -> str:
    """'2025-02-07', '2024-08' (month precision), '2024' (year) or '' (undated).

    Labels of coarser precision sort before the days they contain, so string comparison
    against a day gives 'visible from the start of that month/year'.
    """
    d = claim_day(c)
    if d is None:
        return ""
    iso = d.isoformat()
    if c.claim_date is not None and c.date_precision == "month":
        return iso[:7]
    if c.claim_date is not None and c.date_precision == "year":
        return iso[:4]
    return iso


def window(
    claims: Iterable[ClaimRecord],
    *,
    as_of: date | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[ClaimRecord]:
    """Claims inside [since, min(until, as_of)], oldest first; undated claims are kept unless a
    bound is set (nothing says they fall inside it)."""
    hi = min((d for d in (as_of, until) if d is not None), default=None)
    out = []
    for c in claims:
        d = claim_day(c)
        if d is None:
            if since is None and hi is None:
                out.append(c)
            continue
        if since is not None and d < since:
            continue
        if hi is not None and d > hi:
            continue
        out.append(c)
    return sort_claims(out)


def sort_claims(claims: Iterable[ClaimRecord]) -> list[ClaimRecord]:
    """Oldest first by claim day (undated first); stable, so store order breaks ties."""
    return sorted(claims, key=lambda c: claim_day(c) or date.min)


def _round_coords(geom: dict, nd: int) -> dict:
    def r(x):
        if isinstance(x, (list, tuple)):
            if x and isinstance(x[0], (int, float)):
                return [round(v, nd) for v in x]
            return [r(v) for v in x]
        return x

    return {"type": geom["type"], "coordinates": r(geom["coordinates"])}


def region_geometry(wkt_text: str, simplify_deg: float = 0.005) -> dict | None:
    """A region polygon from WKT as compact GeoJSON (None if the WKT is unusable)."""
    try:
        geom = shapely_wkt.loads(wkt_text)
    except (ShapelyError, ValueError, TypeError):
        return None
    if geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
        return None
    geom = shapely.make_valid(geom.simplify(simplify_deg, preserve_topology=True))
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        if not polys:
            return None
        geom = shapely.union_all(polys)
    return _round_coords(mapping(geom), 4)


_REGION_CODE_RE = re.compile(r"^[A-Z]{2}[.-][A-Z0-9]+$")  # a gazetteer admin-1 code


def boundary_geometry(place_id: str) -> dict | None:
    """The region's real boundary (Natural Earth, shipped with the gazetteer) as compact
    GeoJSON, or None where the gazetteer has none for this id."""
    geom = _boundary_geometry(place_id)
    return None if geom is None else copy.deepcopy(geom)  # callers may edit their copy


@lru_cache(maxsize=512)
def _boundary_geometry(place_id: str) -> dict | None:
    try:
        from gazetteer.errors import GazetteerError
        from gazetteer.regions import region_boundary
    except ImportError:
        return None
    try:
        geom = region_boundary(place_id)
    except (GazetteerError, ShapelyError, ValueError):
        return None
    if geom is None or geom.is_empty:
        return None
    return _round_coords(mapping(geom), 4)


@dataclass(frozen=True)
class PlaceOutline:
    """A region place's shape for the page and where it comes from: "boundary" (Natural
    Earth, shipped with the gazetteer), "hull" (drawn around the region's settlements: said in
    the popup) or "given" (the stored polygon of a place that is not a gazetteer region)."""

    geojson: dict
    kind: str


def place_outline(p: PlaceRef) -> PlaceOutline | None:
    """The shape a region place is drawn as: its real boundary when one is shipped for its id,
    else its stored polygon (a hull for a gazetteer admin-1 region); None for a point."""
    if p.precision != "region":
        return None
    geom = boundary_geometry(p.id)
    if geom is not None:
        return PlaceOutline(geom, "boundary")
    geom = region_geometry(p.polygon_wkt) if p.polygon_wkt else None
    if geom is None:
        return None
    return PlaceOutline(geom, "hull" if _REGION_CODE_RE.match(p.id) else "given")


def _source_row(s: SourceRecord) -> list:
    row = [
        safe_url(s.url),
        s.title or None,
        s.outlet or None,
        s.published.isoformat() if s.published else None,
    ]
    if s.language and s.language != "en":  # the popup marks quotes in this language
        row.append(s.language)
    return row


def claims_payload(claims: Sequence[ClaimRecord]) -> dict:
    """Places FeatureCollection + source table + sorted dates for the page (see module doc)."""
    side_ix = {s: i for i, s in enumerate(SIDES)}
    type_ix = {t: i for i, t in enumerate(CLAIM_TYPES)}
    review_ix = {r: i for i, r in enumerate(REVIEW_STATUSES)}
    sources: list[list] = []
    source_ix: dict[tuple, int] = {}
    rule_lists: list[str] = []
    rules_ix: dict[str, int] = {}
    features: dict[str, dict] = {}
    dates: set[str] = set()
    boundaries = False  # a region drawn as its Natural Earth boundary (credited on the page)
    for c in sort_claims(claims):
        if c.side not in side_ix or c.type not in type_ix:
            raise GeomapError(
                f"claim about {c.place.name!r} has unknown side/type {c.side}/{c.type}"
            )
        si = -1
        if c.source is not None:
            row = _source_row(c.source)
            key = tuple(row)
            if key not in source_ix:
                source_ix[key] = len(sources)
                sources.append(row)
            si = source_ix[key]
        p = c.place
        f = features.get(p.id)
        if f is None:
            shape = place_outline(p)
            geom = shape.geojson if shape else None
            if geom is None:
                geom = {"type": "Point", "coordinates": [round(p.lon, 5), round(p.lat, 5)]}
            props: dict = {"id": p.id, "n": p.name, "c": []}
            if shape:
                props["r"] = 1
                boundaries |= shape.kind == "boundary"
            if shape and shape.kind == "hull":
                props["h"] = 1  # outline drawn around the region's settlements, not its border
            f = {"type": "Feature", "geometry": geom, "properties": props}
            features[p.id] = f
        d = date_label(c)
        if d:
            dates.add(d)
        row = [d, side_ix[c.side], type_ix[c.type], c.claimant or "", c.quote or "", si]
        written = c.place_as_written if c.place_as_written != p.name else None
        rules = " ".join(c.rules) if c.rules else ""
        if written or c.review_status != "unreviewed" or rules:
            row.append(written or "")
        if c.review_status != "unreviewed" or rules:
            row.append(review_ix[c.review_status] if c.review_status != "unreviewed" else None)
        if rules:
            if rules not in rules_ix:
                rules_ix[rules] = len(rule_lists)
                rule_lists.append(rules)
            row.append(rules_ix[rules])
        f["properties"]["c"].append(row)
    return {
        "sides": list(SIDES),
        "types": list(CLAIM_TYPES),
        "reviews": list(REVIEW_STATUSES),
        "sources": sources,
        "rules": rule_lists,
        "places": {"type": "FeatureCollection", "features": list(features.values())},
        "dates": sorted(dates),
        "boundaries": boundaries,
    }


def claims_geojson(claims: Sequence[ClaimRecord]) -> dict:
    """Plain GeoJSON, one Point feature per claim with readable properties.

    The benchmark's yardstick for page size, and a handy export for other tools.
    """
    feats = []
    for c in claims:
        s = c.source or SourceRecord()
        feats.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [c.place.lon, c.place.lat]},
                "properties": {
                    "place_id": c.place.id,
                    "place": c.place.name,
                    "side": c.side,
                    "type": c.type,
                    "date": date_label(c),
                    "claimant": c.claimant,
                    "quote": c.quote,
                    "rules": list(c.rules),
                    "source_url": s.url,
                    "source_title": s.title,
                },
            }
        )
    return {"type": "FeatureCollection", "features": feats}
