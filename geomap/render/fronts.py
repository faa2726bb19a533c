"""Claimed front lines: the area each side claims, from its latest control claims, with shapely.

Every settlement with a russia/ukraine control claim gets a holder (`geomap.query.control_status`:
russia, ukraine or contested). Voronoi cells around those places, each clipped to a disc of
`radius_km` around its place (claims say nothing about land far from any named place), are merged
per holder. A side's *claimed line* is the part of its area's boundary that touches the other
side's area or the disputed zone (the front as that side tells it); with no neighbour it is the
whole boundary. Region-precision claims ("Sumy region") are too coarse and are left out.
Geometry is computed in a local equirectangular projection in km, then returned in lon/lat.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Point, mapping
from shapely.geometry.base import BaseGeometry

from geomap.query import control_status
from geomap.records import ClaimRecord

HOLDERS = ("russia", "ukraine", "contested")
KM_PER_DEG_LAT = 110.574
KM_PER_DEG_LON_EQ = 111.320
_EMPTY = shapely.GeometryCollection()
# Disc resolution: 32-gons deviate from a circle by 0.1 km at 20 km, under the ~0.2 km the
# page simplifies the areas by anyway.
QUAD_SEGS = 8


@dataclass
class Fronts:
    """Claimed areas per holder (lon/lat), each side's claimed line, and the disputed zone."""

    areas: dict[str, BaseGeometry] = field(default_factory=dict)  # russia, ukraine, contested
    lines: dict[str, BaseGeometry] = field(default_factory=dict)  # russia, ukraine
    holders: dict[str, str] = field(default_factory=dict)  # place id -> holder

    @property
    def contested_zone(self) -> BaseGeometry:
        return self.areas.get("contested", _EMPTY)

    def is_empty(self) -> bool:
        return all(g.is_empty for g in self.areas.values())


class _Projection:
    """lon/lat <-> km around a centre latitude (good to a few % over a front's extent)."""

    def __init__(self, lat0: float, lon0: float) -> None:
        self.lat0, self.lon0 = lat0, lon0
        self.kx = KM_PER_DEG_LON_EQ * math.cos(math.radians(lat0))

    def fwd(self, coords: np.ndarray) -> np.ndarray:
        out = np.empty_like(coords)
        out[:, 0] = (coords[:, 0] - self.lon0) * self.kx
        out[:, 1] = (coords[:, 1] - self.lat0) * KM_PER_DEG_LAT
        return out

    def inv(self, coords: np.ndarray) -> np.ndarray:
        out = np.empty_like(coords)
        out[:, 0] = coords[:, 0] / self.kx + self.lon0
        out[:, 1] = coords[:, 1] / KM_PER_DEG_LAT + self.lat0
        return out


def place_holders(claims: Sequence[ClaimRecord]) -> dict[str, tuple[float, float, str]]:
    """Settlement id -> (lon, lat, holder) from the latest control claims per side."""
    status = control_status(claims)
    places = {c.place.id: c.place for c in claims}
    return {
        pid: (places[pid].lon, places[pid].lat, h)
        for pid, h in status.items()
        if places[pid].precision == "settlement"
    }


def compute_fronts(claims: Sequence[ClaimRecord], *, radius_km: float = 20.0) -> Fronts:
    """Areas and lines each side claims (see the module docstring)."""
    return fronts_from_holders(place_holders(claims), radius_km=radius_km)


def fronts_from_holders(
    holders: dict[str, tuple[float, float, str]], *, radius_km: float = 20.0
) -> Fronts:
    """The geometry step of `compute_fronts`, from `place_holders` output (lets callers that
    already know the holders, e.g. to skip an unchanged step, avoid recomputing them)."""
    fronts = Fronts(holders={pid: h for pid, (_, _, h) in holders.items()})
    if not holders:
        return fronts
    # One generator per distinct location; places on the same spot that disagree are contested.
    by_xy: dict[tuple[float, float], str] = {}
    for lon, lat, h in holders.values():
        key = (round(lon, 6), round(lat, 6))
        prev = by_xy.get(key)
        by_xy[key] = h if prev in (None, h) else "contested"
    pts = np.array(list(by_xy.keys()), dtype=float)
    labels = list(by_xy.values())
    proj = _Projection(float(pts[:, 1].mean()), float(pts[:, 0].mean()))
    xy = proj.fwd(pts)
    gens = shapely.points(xy)
    discs = shapely.buffer(gens, radius_km, quad_segs=QUAD_SEGS)
    labels_arr = np.array(labels)
    areas_km: dict[str, BaseGeometry] = {}
    lines_km: dict[str, BaseGeometry] = {}
    cells = _voronoi_cells(xy, radius_km) if len(xy) > 1 else None
    if cells is not None:
        # Fast path. The Voronoi cells tile the plane exactly, so each holder's cells merge as a
        # coverage, and clipping the merged cells by the union of all discs equals merging the
        # cells clipped by their own discs (a point of cell i within r of any place is within
        # r of place i, its nearest). A side's line is then the merged cells' boundary (the
        # Voronoi edges it shares with other holders' cells, plus the far-away envelope) inside
        # the discs.
        reach = shapely.union_all(discs)
        merged = {
            h: shapely.coverage_union_all(cells[labels_arr == h])
            for h in HOLDERS
            if (labels_arr == h).any()
        }
        for h, u in merged.items():
            areas_km[h] = _polygonal(shapely.intersection(u, reach))
        if len(merged) > 1:
            for side in ("russia", "ukraine"):
                if side in merged:
                    lines_km[side] = shapely.line_merge(
                        _lineal(shapely.intersection(merged[side].boundary, reach))
                    )
    else:
        clipped = _matched_cells(xy, gens, discs, radius_km) if len(xy) > 1 else discs
        for h in HOLDERS:
            sel = clipped[labels_arr == h]
            if len(sel):
                areas_km[h] = shapely.make_valid(shapely.union_all(sel)).buffer(0)
        for side in ("russia", "ukraine"):
            others = [a for k, a in areas_km.items() if k != side and not a.is_empty]
            if side in areas_km and others:
                touch = shapely.union_all(others).buffer(0.05)
                boundary = areas_km[side].boundary
                if boundary.intersects(touch):
                    lines_km[side] = shapely.line_merge(boundary.intersection(touch))
    for h, area in areas_km.items():
        fronts.areas[h] = shapely.transform(area, proj.inv)
    for side in ("russia", "ukraine"):
        area = areas_km.get(side)
        if area is None or area.is_empty:
            continue
        line = lines_km.get(side)
        if line is None or line.is_empty:  # no neighbour: the whole outline is its line
            line = area.boundary
        fronts.lines[side] = shapely.transform(line, proj.inv)
    return fronts


def _voronoi_cells(xy: np.ndarray, radius_km: float) -> np.ndarray | None:
    """One Voronoi cell per point, in point order, or None when GEOS merged some points."""
    env = shapely.box(*(xy.min(0) - 2 * radius_km), *(xy.max(0) + 2 * radius_km))
    vor = shapely.voronoi_polygons(MultiPoint(xy), extend_to=env, ordered=True)
    cells = np.array(list(vor.geoms), dtype=object)
    return cells if len(cells) == len(xy) else None


def _matched_cells(
    xy: np.ndarray, gens: np.ndarray, discs: np.ndarray, radius_km: float
) -> np.ndarray:
    """Degenerate input (e.g. near-duplicate points): match cells to points by containment,
    falling back to the point's disc; each clipped to its disc."""
    env = shapely.box(*(xy.min(0) - 2 * radius_km), *(xy.max(0) + 2 * radius_km))
    vor = shapely.voronoi_polygons(MultiPoint(xy), extend_to=env)
    cells = np.array(list(vor.geoms), dtype=object)
    tree = shapely.STRtree(cells)
    idx = tree.query(gens, predicate="intersects")
    matched = np.empty(len(xy), dtype=object)
    for gi, ci in zip(idx[0], idx[1], strict=True):
        if matched[gi] is None:
            matched[gi] = cells[ci]
    pairs = zip(matched, discs, strict=True)
    return shapely.intersection(
        np.array([m if m is not None else d for m, d in pairs], dtype=object), discs
    )


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Only the polygons of an overlay result (drops stray touching lines or points)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else _EMPTY


def _lineal(geom: BaseGeometry) -> BaseGeometry:
    """Only the lines of an overlay result."""
    if geom.geom_type in ("LineString", "MultiLineString"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("LineString", "MultiLineString")]
    return shapely.union_all(parts) if parts else _EMPTY


def _rounded(geom: BaseGeometry, ndigits: int = 5) -> dict | None:
    """GeoJSON geometry with coordinates rounded (1e-5 degrees is about 1 m: display only)."""
    if geom.is_empty:
        return None
    return mapping(shapely.transform(geom, lambda c: np.round(c, ndigits)))


def fronts_geojson(fronts: Fronts, *, simplify_deg: float = 0.002) -> dict:
    """{holder: {"area": geometry|None, "line": geometry|None}} as GeoJSON geometries."""
    out: dict[str, dict] = {}
    for h in HOLDERS:
        area = fronts.areas.get(h)
        line = fronts.lines.get(h)
        if area is None and line is None:
            continue
        out[h] = {
            "area": _rounded(area.simplify(simplify_deg)) if area is not None else None,
            "line": _rounded(line.simplify(simplify_deg)) if line is not None else None,
        }
    return out


def point_in_area(fronts: Fronts, holder: str, lon: float, lat: float) -> bool:
    """Is (lon, lat) inside the area claimed for `holder`? (For tests and reports.)"""
    area = fronts.areas.get(holder)
    return bool(area is not None and area.contains(Point(lon, lat)))
