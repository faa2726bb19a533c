"""A coarse outline basemap for pages without tiles (offline): region polygons, drawn as GeoJSON.

Uses the gazetteer's admin-1 polygons for the countries the claims are in (when the gazetteer
has them), the claims' own region polygons, and otherwise a buffered hull around the places, so
an offline page always has some ground under its markers.
"""

from __future__ import annotations

from collections.abc import Sequence

import shapely
from shapely import wkt as shapely_wkt
from shapely.errors import ShapelyError
from shapely.geometry import MultiPolygon, Polygon, mapping

from geomap.records import ClaimRecord


def _gazetteer_regions(countries: set[str]) -> list:
    """Admin-1 polygons the gazetteer knows for `countries` (best effort: [] if unavailable)."""
    try:
        from gazetteer import default_gazetteer
        from gazetteer.errors import GazetteerError
        from gazetteer.regions import load_region_data
    except ImportError:
        return []
    out = []
    try:
        gaz = default_gazetteer()
        for spec in load_region_data().regions:
            if spec.country not in countries:
                continue
            try:
                poly = gaz.region(spec.id).polygon
            except GazetteerError:
                continue
            if poly is not None:
                out.append(shapely_wkt.loads(poly) if isinstance(poly, str) else poly)
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


def outline_layers(
    claims: Sequence[ClaimRecord], *, simplify_deg: float = 0.02, close_deg: float = 0.15
) -> dict | None:
    """{"land": polygon, "borders": lines} GeoJSON geometries for the outline basemap.

    The gazetteer's region polygons are hulls around settlements, so they leave slivers between
    neighbours: the land is their union closed by `close_deg` (buffer out, then in) with small
    holes removed; the borders are the regions' own outlines.
    """
    land = outline_geometry(claims, simplify_deg=simplify_deg, close_deg=close_deg)
    if land is None:
        return None
    borders = None
    countries = {c.place.country for c in claims if c.place.country}
    regions = _gazetteer_regions(countries)
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
    polys = _gazetteer_regions(countries)
    for c in claims:
        if c.place.polygon_wkt:
            try:
                polys.append(shapely_wkt.loads(c.place.polygon_wkt))
            except (ShapelyError, ValueError):
                continue
    pts = shapely.multipoints([(c.place.lon, c.place.lat) for c in claims])
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
