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
    holders = place_holders(claims)
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
    discs = shapely.buffer(gens, radius_km, quad_segs=16)
    if len(xy) == 1:
        cells = discs
    else:
        env = shapely.box(*(xy.min(0) - 2 * radius_km), *(xy.max(0) + 2 * radius_km))
        vor = shapely.voronoi_polygons(MultiPoint(xy), extend_to=env, ordered=True)
        cells = np.array(list(vor.geoms), dtype=object)
        if len(cells) != len(xy):  # degenerate input (e.g. collinear duplicates): match by point
            tree = shapely.STRtree(cells)
            idx = tree.query(gens, predicate="intersects")
            matched = np.empty(len(xy), dtype=object)
            for gi, ci in zip(idx[0], idx[1], strict=True):
                if matched[gi] is None:
                    matched[gi] = cells[ci]
            pairs = zip(matched, discs, strict=True)
            cells = np.array([m if m is not None else d for m, d in pairs], dtype=object)
        cells = shapely.intersection(cells, discs)
    areas_km: dict[str, BaseGeometry] = {}
    labels_arr = np.array(labels)
    for h in HOLDERS:
        sel = cells[labels_arr == h]
        if len(sel):
            areas_km[h] = shapely.make_valid(shapely.union_all(sel)).buffer(0)
    for h, area in areas_km.items():
        fronts.areas[h] = shapely.transform(area, proj.inv)
    for side in ("russia", "ukraine"):
        area = areas_km.get(side)
        if area is None or area.is_empty:
            continue
        others = [a for k, a in areas_km.items() if k != side and not a.is_empty]
        boundary = area.boundary
        if others:
            touch = shapely.union_all(others).buffer(0.05)
            line = shapely.line_merge(boundary.intersection(touch)) if boundary.intersects(touch) \
                else boundary
            if line.is_empty:
                line = boundary
        else:
            line = boundary
        fronts.lines[side] = shapely.transform(line, proj.inv)
    return fronts


def _rounded(geom: BaseGeometry, ndigits: int = 5) -> dict:
    return mapping(shapely.set_precision(geom, 10 ** -ndigits)) if not geom.is_empty else None


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
