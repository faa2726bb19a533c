"""A coarse outline basemap for pages without tiles (offline): region polygons, drawn as GeoJSON.

Uses the real admin-1 boundaries (Natural Earth, shipped with the gazetteer) of the countries
the claims are in, near the claims; the gazetteer's hulls for regions without one; the claims'
own region polygons; and otherwise a buffered hull around the places, so an offline page always
has some ground under its markers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shapely
from shapely import wkt as shapely_wkt
from shapely.errors import ShapelyError
from shapely.geometry import MultiPolygon, Polygon, mapping

from geomap.records import ClaimRecord

# Regions farther than this (degrees) from every claim are left off the basemap: a claim in
# Kursk Oblast draws western Russia, not Kamchatka.
NEAR_DEG = 4.0


def _shipped_boundaries(countries: set[str], near: Any) -> tuple[list, set[str]]:
    """Real admin-1 boundaries (Natural Earth, shipped with the gazetteer) of `countries` that
    come within NEAR_DEG of `near`, and the region keys they cover."""
    try:
        from gazetteer.errors import GazetteerError
        from gazetteer.outlines import load_outlines
    except ImportError:
        return [], set()
    out, keys = [], set()
    try:
        data = load_outlines()
        area = near.buffer(NEAR_DEG)
        for key in data.entries:
            if key[:2] not in countries:
                continue
            geom = data.geometry(key)
            if geom is not None and geom.intersects(area):
                out.append(geom)
                keys.add(key)
    except (GazetteerError, ShapelyError, ValueError):
        return out, keys
    return out, keys


def _gazetteer_regions(countries: set[str], near: Any = None) -> list:
    """Region polygons for `countries` near the claims: the real boundaries where shipped,
    else the gazetteer's hulls around settlements (best effort: [] if unavailable)."""
    if near is None:
        near = shapely.box(-180, -90, 180, 90)
    out, have = _shipped_boundaries(countries, near)
    try:
        from gazetteer import default_gazetteer
        from gazetteer.errors import GazetteerError
        from gazetteer.regions import load_region_data
    except ImportError:
        return out
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
                if geom.intersects(near.buffer(NEAR_DEG)):
                    out.append(geom)
    except (GazetteerError, AttributeError, OSError, ValueError, ShapelyError):
        return out
    return out


def _without_small_holes(geom, min_area: float):
    def fix(p: Polygon) -> Polygon:
        holes = [r for r in p.interiors if Polygon(r).area >= min_area]
        return Polygon(p.exterior, holes)

    if geom.geom_type == "Polygon":
        return fix(geom)
    return MultiPolygon([fix(p) for p in geom.geoms if p.geom_type == "Polygon"])


def _claim_points(claims: Sequence[ClaimRecord]) -> Any:
    return shapely.multipoints([(c.place.lon, c.place.lat) for c in claims])


def outline_layers(
    claims: Sequence[ClaimRecord], *, simplify_deg: float = 0.02, close_deg: float = 0.15
) -> dict | None:
    """{"land": polygon, "borders": lines} GeoJSON geometries for the outline basemap.

    The regions are their real boundaries where shipped (Natural Earth), else the gazetteer's
    hulls around settlements, which leave slivers between neighbours: the land is their union
    closed by `close_deg` (buffer out, then in) with small holes removed; the borders are the
    regions' own outlines. Only regions within NEAR_DEG of a claim are drawn.
    """
    land = outline_geometry(claims, simplify_deg=simplify_deg, close_deg=close_deg)
    if land is None:
        return None
    borders = None
    countries = {c.place.country for c in claims if c.place.country}
    regions = _gazetteer_regions(countries, _claim_points(claims))
    if regions:
        lines = shapely.union_all([shapely.make_valid(r).boundary for r in regions])
        lines = shapely.set_precision(lines.simplify(simplify_deg), 1e-4)
        if not lines.is_empty:
            borders = mapping(lines)
    return {"land": land, "borders": borders}


def outline_geometry(
    claims: Sequence[ClaimRecord], *, simplify_deg: float = 0.02, close_deg: float = 0.15
) -> dict | None:
    """GeoJSON geometry of the land drawn under these claims (None without any place)."""
    if not claims:
        return None
    countries = {c.place.country for c in claims if c.place.country}
    polys = _gazetteer_regions(countries, _claim_points(claims))
    for c in claims:
        if c.place.polygon_wkt:
            try:
                polys.append(shapely_wkt.loads(c.place.polygon_wkt))
            except (ShapelyError, ValueError):
                continue
    pts = _claim_points(claims)
    if polys:
        geom = shapely.union_all([shapely.make_valid(p).buffer(close_deg) for p in polys])
        geom = geom.buffer(-close_deg)
        # Keep every place on land the outline draws: a small disc around each place outside.
        near = geom.buffer(0.05)
        outside = [p for p in pts.geoms if not near.contains(p)]
        if outside:
            geom = geom.union(shapely.union_all([p.buffer(0.3) for p in outside]))
    else:
        geom = pts.convex_hull.buffer(0.5)
    geom = geom.simplify(simplify_deg, preserve_topology=True)
    parts = getattr(geom, "geoms", [geom])
    polys_only = [g for g in parts if g.geom_type in ("Polygon", "MultiPolygon")]
    if not polys_only:
        return None
    geom = _without_small_holes(shapely.union_all(polys_only), min_area=0.5)
    geom = shapely.set_precision(geom, 1e-4)
    return mapping(geom)
