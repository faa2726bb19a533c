"""A coarse outline basemap for pages without tiles (offline): region polygons, drawn as GeoJSON.

Uses the real admin-1 boundaries (Natural Earth, shipped with the gazetteer) of the countries
the claims are in, near the claims; the gazetteer's hulls for regions without one; the claims'
own region polygons; and otherwise a buffered hull around the places, so an offline page always
has some ground under its markers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely import wkt as shapely_wkt
from shapely.errors import ShapelyError
from shapely.geometry import MultiPolygon, Polygon, mapping

from geomap.records import ClaimRecord

# The basemap draws the regions that reach into the claims' box grown by this many degrees, and
# their borders inside it: a claim in Kursk Oblast draws western Russia, not Kamchatka.
NEAR_DEG = 4.0
_POLYGONAL = ("Polygon", "MultiPolygon")


def _shipped_boundaries(countries: set[str], area: Any) -> tuple[list, set[str]]:
    """Real admin-1 boundaries (Natural Earth, shipped with the gazetteer) of `countries` that
    reach into `area`, and the region keys they cover."""
    try:
        from gazetteer.errors import GazetteerError
        from gazetteer.outlines import load_outlines
    except ImportError:
        return [], set()
    out, keys = [], set()
    try:
        data = load_outlines()
        for key in data.keys_near(area.bounds, countries):
            geom = data.geometry(key)
            if geom is not None and geom.intersects(area):
                out.append(geom)
                keys.add(key)
    except (GazetteerError, ShapelyError, ValueError):
        return out, keys
    return out, keys


def _gazetteer_hulls(countries: set[str], area: Any, have: set[str]) -> list:
    """The gazetteer's polygons (hulls around settlements) of the regions.json regions of
    `countries` in `area` that have no shipped boundary (best effort: [] if unavailable)."""
    try:
        from gazetteer import default_gazetteer
        from gazetteer.errors import GazetteerError
        from gazetteer.regions import load_region_data
    except ImportError:
        return []
    out = []
    try:
        missing = [
            s for s in load_region_data().regions if s.country in countries and s.id not in have
        ]
        if not missing:
            return out  # no need to open the gazetteer index
        gaz = default_gazetteer()
        for spec in missing:
            try:
                poly = gaz.region(spec.id).polygon
            except GazetteerError:
                continue
            if poly is not None:
                geom = shapely_wkt.loads(poly) if isinstance(poly, str) else poly
                if geom.intersects(area):
                    out.append(shapely.make_valid(geom))
    except (GazetteerError, AttributeError, OSError, ValueError, ShapelyError):
        return out
    return out


@dataclass
class _Ground:
    """What the basemap is drawn from: real boundaries (a coverage, simplified together), other
    polygons (hulls, claims' own) that need closing, the claims' points, the area drawn."""

    boundaries: list
    others: list
    points: Any
    area: Any


def _ground(claims: Sequence[ClaimRecord], simplify_deg: float) -> _Ground | None:
    if not claims:
        return None
    pts = shapely.multipoints([(c.place.lon, c.place.lat) for c in claims])
    x0, y0, x1, y1 = pts.bounds
    area = shapely.box(x0 - NEAR_DEG, y0 - NEAR_DEG, x1 + NEAR_DEG, y1 + NEAR_DEG)
    countries = {c.place.country for c in claims if c.place.country}
    real, have = _shipped_boundaries(countries, area)
    if real:
        try:  # shared borders stay shared (no slivers); a coarse basemap needs no more
            real = list(shapely.coverage_simplify(np.array(real, dtype=object), simplify_deg))
        except (ShapelyError, ValueError, AttributeError):  # AttributeError: GEOS < 3.12
            real = [g.simplify(simplify_deg, preserve_topology=True) for g in real]
    others = _gazetteer_hulls(countries, area, have)
    for c in claims:
        if c.place.polygon_wkt and c.place.id not in have:
            try:
                others.append(shapely.make_valid(shapely_wkt.loads(c.place.polygon_wkt)))
            except (ShapelyError, ValueError):
                continue
    return _Ground(real, others, pts, area)


def _land(g: _Ground, simplify_deg: float, close_deg: float) -> dict | None:
    """The land: the union of the regions that reach into the area, plus the other polygons
    closed by `close_deg` (buffer out, then in: hulls leave slivers between neighbours), plus a
    disc around each place outside; small holes removed."""
    parts = []
    if g.boundaries:
        parts.append(shapely.union_all(g.boundaries))
    if g.others:
        closed = shapely.union_all([p.buffer(close_deg) for p in g.others]).buffer(-close_deg)
        parts.append(closed.simplify(simplify_deg, preserve_topology=True))
    if parts:
        geom = shapely.union_all(parts)
        near = geom.buffer(0.05)
        outside = [p for p in g.points.geoms if not near.contains(p)]
        if outside:
            geom = geom.union(shapely.union_all([p.buffer(0.3) for p in outside]))
    else:
        geom = g.points.convex_hull.buffer(0.5)
    geom = shapely.make_valid(geom)  # whole regions: natural edges, not the area's straight cut
    polys = [p for p in getattr(geom, "geoms", [geom]) if p.geom_type in _POLYGONAL]
    if not polys:
        return None
    geom = _without_small_holes(shapely.union_all(polys), min_area=0.5)
    return mapping(shapely.set_precision(geom, 1e-3))


def _borders(g: _Ground) -> dict | None:
    """Every region's outline, cut to the area (the page's bytes go on borders near the
    claims), each shared border once."""
    regions = g.boundaries + g.others
    if not regions:
        return None
    lines = shapely.union_all([r.boundary for r in regions]).intersection(g.area)
    lines = shapely.set_precision(shapely.line_merge(lines) if lines.length else lines, 1e-3)
    return None if lines.is_empty else mapping(lines)


def _without_small_holes(geom, min_area: float):
    def fix(p: Polygon) -> Polygon:
        holes = [r for r in p.interiors if Polygon(r).area >= min_area]
        return Polygon(p.exterior, holes)

    if geom.geom_type == "Polygon":
        return fix(geom)
    return MultiPolygon([fix(p) for p in geom.geoms if p.geom_type == "Polygon"])


def outline_layers(
    claims: Sequence[ClaimRecord], *, simplify_deg: float = 0.02, close_deg: float = 0.15
) -> dict | None:
    """{"land": polygon, "borders": lines} GeoJSON geometries for the outline basemap.

    Drawn from the real region boundaries where shipped (Natural Earth), else the gazetteer's
    hulls around settlements and the claims' own region polygons, within NEAR_DEG of a claim.
    """
    g = _ground(claims, simplify_deg)
    if g is None:
        return None
    land = _land(g, simplify_deg, close_deg)
    if land is None:
        return None
    return {"land": land, "borders": _borders(g)}


def outline_geometry(
    claims: Sequence[ClaimRecord], *, simplify_deg: float = 0.02, close_deg: float = 0.15
) -> dict | None:
    """GeoJSON geometry of the land drawn under these claims (None without any place)."""
    g = _ground(claims, simplify_deg)
    return None if g is None else _land(g, simplify_deg, close_deg)
