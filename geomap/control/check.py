"""Check claims against the assessed control layers.

For a claim about a settlement on day D, the assessment in force is, per source and holder, the
latest layer dated at or before D and at most `staleness_days` older; of the sources, the one
with the most recent such layer (CheckOptions.source picks one). It gives:

  assessed_holder    the holder of the layer area the place lies in; outside every area, the
                     side of the place's country (UA -> ukraine, RU -> russia; no country: the
                     other side of the areas' holder), else unknown.
  line_distance_km   distance to the assessed line (the areas' boundary), negative inside an
                     area. The boundary is the whole outline of the drawn area, so a place
                     near a coast or the state border is "near the line" too.
  agrees             only for control claims by russia or ukraine (geomap.query.holder: a side
                     captured / holds / denies losing a place -> that side holds it; withdrew
                     -> the other side): False when the assessed holder is the other side and
                     the place is more than `tolerance_km` from the line, else True.

Unknown (all three None, `reason` says why): region-wide or undated claims, claims dated to the
month or year only (a daily map cannot judge them), no layer, or only layers older than the
staleness window.

Two engines give the same answers: `AreaIndex` (shapely: prepared polygons and an STRtree of
boundary segments per assessment, used on SQLite, without PostGIS, and by the benchmark) and
`PostgisEngine` (the spatial work in PostgreSQL: ST_Covers and geography ST_Distance).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon

from geomap.control.layerstore import LayerInfo, list_layers, load_geometries, postgis_schema
from geomap.errors import GeomapError
from geomap.query import CONTROL_TYPES
from geomap.query import holder as implied_holder
from geomap.records import SIDE_BY_COUNTRY, ClaimRecord, PlaceRef
from geomap.store import Store

BAND_DEG = 0.5  # latitude bands of the distance planes (see AreaIndex)
SEGMENT_DEG = 0.01  # ~1 km: a great circle then stays within ~1 m of the straight edge
_PLACE = PlaceRef("0", "-", "settlement", 0.0, 0.0)
# (side, type) -> the holder a control claim implies (geomap.query.holder, as a table).
_IMPLIED = {
    (s, t): implied_holder(ClaimRecord(_PLACE, s, t, None))
    for s in ("russia", "ukraine")
    for t in CONTROL_TYPES
}
_OTHER = {"russia": "ukraine", "ukraine": "russia"}


@dataclass(frozen=True)
class CheckOptions:
    """How claims are checked: staleness window, tolerance, optionally one source."""

    staleness_days: int = 7
    tolerance_km: float = 2.0
    source: str | None = None

    def __post_init__(self) -> None:
        if self.staleness_days < 0:
            raise GeomapError(f"staleness must be >= 0 days, got {self.staleness_days}")
        if not self.tolerance_km >= 0:
            raise GeomapError(f"tolerance must be >= 0 km, got {self.tolerance_km}")


@dataclass(slots=True)
class Verdict:
    """What the assessment in force says about one claim (see the module docstring)."""

    assessed_holder: str | None = None
    line_distance_km: float | None = None
    agrees: bool | None = None
    layer_source: str | None = None
    layer_date: date | None = None
    reason: str = ""  # why the verdict is unknown ("stale: ...", "no layer", ...)

    def columns(self) -> dict[str, object]:
        """The export columns (claims --json/--csv)."""
        km = self.line_distance_km
        return {
            "assessed_holder": self.assessed_holder,
            "line_distance_km": None if km is None else round(km, 3),
            "agrees": self.agrees,
        }


CONTROL_COLUMNS = ("assessed_holder", "line_distance_km", "agrees")


def claim_day(c: ClaimRecord) -> date | None:
    """The claim's date, else its source's publication date (as the map counts it)."""
    if c.claim_date is not None:
        return c.claim_date
    return c.source.published if c.source is not None else None


class Catalog:
    """Which stored layers are in force on a day (no geometry needed)."""

    def __init__(self, layers: Sequence[LayerInfo], opts: CheckOptions) -> None:
        self.opts = opts
        self.series: dict[tuple[str, str], tuple[list[date], list[LayerInfo]]] = {}
        for lay in sorted(layers, key=lambda x: x.layer_date):
            if opts.source is not None and lay.source != opts.source:
                continue
            days, refs = self.series.setdefault((lay.source, lay.holder), ([], []))
            days.append(lay.layer_date)
            refs.append(lay)
        if opts.source is not None and not self.series:
            raise GeomapError(f"no control layer from source {opts.source!r} (see control list)")
        self._cache: dict[date, tuple[tuple[LayerInfo, ...], str]] = {}

    def in_force(self, day: date) -> tuple[tuple[LayerInfo, ...], str]:
        """(layers in force on `day`, reason when there are none)."""
        hit = self._cache.get(day)
        if hit is None:
            hit = self._cache[day] = self._select(day)
        return hit

    def _select(self, day: date) -> tuple[tuple[LayerInfo, ...], str]:
        per_source: dict[str, list[LayerInfo]] = {}
        newest_old: date | None = None
        for (source, _holder), (days, refs) in self.series.items():
            k = bisect.bisect_right(days, day) - 1
            if k < 0:
                continue
            if (day - days[k]).days > self.opts.staleness_days:
                newest_old = max(newest_old or days[k], days[k])
                continue
            per_source.setdefault(source, []).append(refs[k])
        if not per_source:
            if newest_old is None:
                return (), "no layer at or before the claim's date"
            return (), f"stale: the latest layer is of {newest_old}"
        best = max(sorted(per_source), key=lambda s: max(r.layer_date for r in per_source[s]))
        return tuple(sorted(per_source[best], key=lambda r: r.holder)), ""


@dataclass
class AreaHits:
    """Per point: index of the layer area it lies in (-1: none) and km to the nearest line."""

    inside: np.ndarray
    km: np.ndarray


def _km_per_degree(lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(km per degree of longitude, of latitude) on the WGS 84 ellipsoid at `lat`."""
    r = np.radians(lat)
    lon = (111412.84 * np.cos(r) - 93.5 * np.cos(3 * r) + 0.118 * np.cos(5 * r)) / 1000
    lat_km = (111132.954 - 559.822 * np.cos(2 * r) + 1.175 * np.cos(4 * r)) / 1000
    return lon, lat_km


def local_km(lon, lat, lon2, lat2) -> np.ndarray:
    """Km between nearby points, in a plane centred on the first (exact to ~0.1% at 100 km)."""
    kx, ky = _km_per_degree(lat)
    return np.hypot((lon2 - lon) * kx, (lat2 - lat) * ky)


class AreaIndex:
    """The areas of one assessment, indexed for many point queries.

    Point-in-area uses the prepared MultiPolygons (GEOS indexes their edges once). The
    distance to the line uses the prepared boundary scaled to km at the latitude of the
    point's BAND_DEG band: GEOS finds each point's nearest boundary point through an STRtree
    of the boundary's segments, built once per assessment and band (IndexedFacetDistance);
    the km are then measured from that point on the ellipsoid (`local_km`), so they are exact
    for the point found. Away from the band's latitude the plane stretches east-west by
    cos(lat)/cos(band lat): where two parts of the line are almost equally near, the farther
    can be picked, and the distance is then long by at most ~0.5% (a line far north or south
    of the point: more).
    """

    def __init__(self, geoms: Sequence[MultiPolygon]) -> None:
        self.geoms = list(geoms)
        for g in self.geoms:
            shapely.prepare(g)
        self.lines = shapely.multilinestrings(shapely.get_parts(shapely.boundary(self.geoms)))
        self._planes: dict[int, tuple[np.ndarray, Any]] = {}

    def _plane(self, band: int) -> tuple[np.ndarray, Any]:
        """(km per degree, prepared boundary in km) for a latitude band, made on first use."""
        got = self._planes.get(band)
        if got is None:
            k = np.array([float(v[0]) for v in _km_per_degree(np.array([band * BAND_DEG]))])
            line = shapely.transform(self.lines, lambda c: c * k)
            shapely.prepare(line)
            got = self._planes[band] = (k, line)
        return got

    def hits(self, lon: np.ndarray, lat: np.ndarray) -> AreaHits:
        inside = np.full(len(lon), -1, dtype=np.int64)
        for k, g in enumerate(self.geoms):
            hit = shapely.intersects_xy(g, lon, lat) & (inside < 0)
            inside[hit] = k
        near = np.empty((len(lon), 2))
        bands = np.rint(lat / BAND_DEG).astype(np.int64)
        for band in np.unique(bands):
            sel = bands == band
            k, line = self._plane(int(band))
            pts = shapely.points(lon[sel] * k[0], lat[sel] * k[1])
            near[sel] = shapely.get_coordinates(shapely.shortest_line(line, pts))[0::2] / k
        return AreaHits(inside, local_km(lon, lat, near[:, 0], near[:, 1]))


class ShapelyEngine:
    """Spatial answers in Python from layer geometries (SQLite, PostgreSQL without PostGIS)."""

    def __init__(self, geoms: dict[int, MultiPolygon]) -> None:
        self.geoms = geoms
        self._indexes: dict[tuple[int, ...], AreaIndex] = {}

    def hits(self, refs: Sequence[LayerInfo], lon: np.ndarray, lat: np.ndarray) -> AreaHits:
        key = tuple(r.id for r in refs)
        idx = self._indexes.get(key)
        if idx is None:
            idx = self._indexes[key] = AreaIndex([self.geoms[i] for i in key])
        return idx.hits(lon, lat)


class PostgisEngine:
    """Spatial answers from PostGIS: ST_Covers and geography ST_Distance to ST_Boundary.

    Layer edges are straight in lon/lat (GeoJSON, and how the maps draw them); geography
    reads an edge as a great circle, which bows off a long east-west edge (~0.35 km over
    1.7 degrees at 48 N). Edges are first cut to SEGMENT_DEG, so both engines measure to the
    same line.
    """

    def __init__(self, store: Store, schema: str) -> None:
        self.store = store
        s = '"' + schema.replace('"', '""') + '"'
        self.sql = (
            f"WITH l AS (SELECT id, geom, {s}.geography({s}.ST_Boundary({s}.ST_Segmentize("
            f"geom, {SEGMENT_DEG}))) AS line "
            "FROM control_layers WHERE id = ANY(:ids)), "
            f"p AS (SELECT i, {s}.ST_SetSRID({s}.ST_MakePoint(x, y), 4326) AS pt FROM "
            "unnest(CAST(:xs AS float8[]), CAST(:ys AS float8[])) WITH ORDINALITY AS u(x, y, i)) "
            f"SELECT p.i, l.id, {s}.ST_Covers(l.geom, p.pt), "
            f"{s}.ST_Distance(l.line, {s}.geography(p.pt)) / 1000.0 FROM p CROSS JOIN l"
        )

    def hits(self, refs: Sequence[LayerInfo], lon: np.ndarray, lat: np.ndarray) -> AreaHits:
        from sqlalchemy import text

        order = {r.id: k for k, r in enumerate(refs)}
        inside = np.full(len(lon), -1, dtype=np.int64)
        km = np.full(len(lon), np.inf)
        params = {"ids": list(order), "xs": lon.tolist(), "ys": lat.tolist()}
        with self.store.read() as conn:
            for i, lid, covers, dist in conn.execute(text(self.sql), params):
                j, k = i - 1, order[lid]
                if covers and (inside[j] < 0 or k < inside[j]):
                    inside[j] = k
                km[j] = min(km[j], dist)
        return AreaHits(inside, km)


def _default_holder(country: str | None, refs: Sequence[LayerInfo]) -> str | None:
    """Who holds a place outside every drawn area."""
    if country:
        return SIDE_BY_COUNTRY.get(country.upper())
    holders = {r.holder for r in refs}
    return _OTHER[holders.pop()] if len(holders) == 1 else None


def decide(
    c: ClaimRecord, refs: Sequence[LayerInfo], inside: int, km: float, opts: CheckOptions
) -> Verdict:
    """The verdict for one claim from its place's area and distance to the line."""
    if inside >= 0:
        assessed, signed, lay = refs[inside].holder, -km, refs[inside]
    else:
        assessed, signed, lay = _default_holder(c.place.country, refs), km, refs[0]
    implied = implied_holder(c)
    agrees = None
    if implied is not None and assessed is not None:
        agrees = implied == assessed or km <= opts.tolerance_km
    return Verdict(assessed, signed, agrees, lay.source, lay.layer_date)


class ControlChecker:
    """Checks claims against the layers in force; built once per store (or from geometries)."""

    def __init__(self, layers: Sequence[LayerInfo], engine, opts: CheckOptions) -> None:
        self.catalog = Catalog(layers, opts)
        self.engine = engine
        self.opts = opts

    @classmethod
    def from_store(cls, store: Store, opts: CheckOptions | None = None) -> ControlChecker:
        """PostGIS does the spatial work when the store has it; else shapely in Python."""
        opts = opts or CheckOptions()
        layers = list_layers(store)
        schema = postgis_schema(store)
        if schema is not None:
            return cls(layers, PostgisEngine(store, schema), opts)
        used = [r for r in layers if opts.source in (None, r.source)]
        return cls(layers, ShapelyEngine(load_geometries(store, (r.id for r in used))), opts)

    def check(self, claims: Sequence[ClaimRecord]) -> list[Verdict]:
        """One verdict per claim, in order (vectorised per assessment: see `_check_group`)."""
        out: list[Verdict | None] = [None] * len(claims)
        groups: dict[tuple[LayerInfo, ...], list[int]] = {}
        in_force = self.catalog.in_force
        for i, c in enumerate(claims):
            day = c.claim_date or claim_day(c)
            if c.place.precision != "settlement":
                out[i] = Verdict(reason="region-wide claim")
            elif day is None:
                out[i] = Verdict(reason="undated claim")
            elif c.date_precision != "day" and c.claim_date is not None:
                out[i] = Verdict(reason=f"date known to the {c.date_precision} only")
            else:
                refs, why = in_force(day)
                if refs:
                    groups.setdefault(refs, []).append(i)
                else:
                    out[i] = Verdict(reason=why)
        for refs, idx in groups.items():
            self._check_group(claims, refs, idx, out)
        return out  # type: ignore[return-value]

    def _check_group(self, claims, refs: tuple[LayerInfo, ...], idx: list[int], out: list) -> None:
        """Verdicts for the claims `idx`, which share the assessment `refs` (as `decide`)."""
        lon = np.fromiter((claims[i].place.lon for i in idx), float, len(idx))
        lat = np.fromiter((claims[i].place.lat for i in idx), float, len(idx))
        h = self.engine.hits(refs, lon, lat)
        tol = self.opts.tolerance_km
        outside: dict[str | None, str | None] = {}
        for i, k, km in zip(idx, h.inside.tolist(), h.km.tolist(), strict=True):
            c = claims[i]
            if k >= 0:
                lay, assessed, signed = refs[k], refs[k].holder, -km
            else:
                country = c.place.country
                if country not in outside:
                    outside[country] = _default_holder(country, refs)
                lay, assessed, signed = refs[0], outside[country], km
            implied = _IMPLIED.get((c.side, c.type))
            agrees = None
            if implied is not None and assessed is not None:
                agrees = implied == assessed or km <= tol
            out[i] = Verdict(assessed, signed, agrees, lay.source, lay.layer_date)

    def iter_checked(
        self, claims: Iterable[ClaimRecord], batch: int = 5_000
    ) -> Iterator[tuple[ClaimRecord, Verdict]]:
        """(claim, verdict) pairs, `batch` claims at a time (for streamed exports)."""
        it = iter(claims)
        while chunk := list(islice(it, batch)):
            yield from zip(chunk, self.check(chunk), strict=True)


def check_claims(
    store: Store, claims: Sequence[ClaimRecord], opts: CheckOptions | None = None
) -> list[Verdict]:
    """Verdicts for claims against the store's control layers (see the module docstring)."""
    return ControlChecker.from_store(store, opts).check(claims)


def disagreements(
    store: Store, claims: Sequence[ClaimRecord], opts: CheckOptions | None = None
) -> list[tuple[ClaimRecord, Verdict]]:
    """The claims the assessment in force contradicts, with their verdicts."""
    pairs = zip(claims, check_claims(store, claims, opts), strict=True)
    return [(c, v) for c, v in pairs if v.agrees is False]


__all__ = ["CONTROL_COLUMNS", "AreaIndex", "Catalog", "CheckOptions", "ControlChecker",
           "Verdict", "check_claims", "decide", "disagreements"]  # fmt: skip
