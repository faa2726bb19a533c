"""Read assessed control layers (occupied / held areas) from GeoJSON or KML files.

What is accepted, so that DeepStateMap's and ISW's published files import without editing:
  * GeoJSON FeatureCollection, Feature or bare geometry; Polygon, MultiPolygon and
    GeometryCollection geometries (holes kept); features of other types (unit points, arrows)
    are skipped and counted. Coordinates lon/lat in EPSG:4326 (a third value is dropped).
    A `crs` member may name EPSG:4326 or CRS84; any other CRS is an error.
  * KML Placemarks with Polygon / MultiGeometry (outer and inner boundaries).
  * The layer's date: --date, else a per-feature date property (date, Date, DATE, layer_date,
    datetime; ISO text, YYYY/MM/DD or ArcGIS epoch milliseconds; KML TimeStamp/when or
    ExtendedData), else a YYYY-MM-DD or YYYYMMDD in the file name. Features of one date are
    united into one layer.

Bad input raises GeomapError naming the file and feature: no polygon at all, an empty
geometry, a ring that crosses itself, projected coordinates, another CRS, a KML with a
DOCTYPE (external entities, XXE). Polygons that are invalid only because their parts overlap
or a hole touches or leaves its shell are repaired with shapely.make_valid, and the layer
notes say so.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

from geomap.errors import GeomapError

HOLDERS = ("russia", "ukraine")
DATE_KEYS = ("date", "Date", "DATE", "layer_date", "datetime", "Datetime", "timestamp", "time")
_WGS84 = re.compile(r"(EPSG:{1,2}4326|CRS:?84)$", re.I)
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
_SOURCE = re.compile(r"\w[\w .()-]{0,99}")
_KML_NS = re.compile(r"^\{[^}]*\}")


@dataclass
class ControlLayer:
    """One assessed control area: who holds it, by whom assessed, as of which day."""

    source: str
    holder: str
    layer_date: date
    geometry: MultiPolygon
    file: str | None = None
    notes: list[str] = field(default_factory=list)  # repairs and skipped features, said aloud

    @property
    def parts(self) -> int:
        return len(self.geometry.geoms)


@dataclass
class _Feature:
    where: str  # "feature 3" / "Placemark 2"
    geometry: Any  # shapely geometry (any type)
    when: date | None


def parse_day(value: Any, where: str = "") -> date:
    """A layer date from ISO text, YYYY/MM/DD, a datetime string or epoch milliseconds."""
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    if isinstance(value, int | float) and not isinstance(value, bool):
        secs = value / 1000 if abs(value) > 1e11 else value  # ArcGIS dates are milliseconds
        return datetime.fromtimestamp(secs, UTC).date()
    text = str(value).strip().replace("/", "-").replace(".", "-")
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise GeomapError(f"{where}bad date {value!r}: use YYYY-MM-DD")


def read_layers(
    path: str | Path,
    *,
    source: str,
    holder: str,
    layer_date: date | None = None,
) -> list[ControlLayer]:
    """The layers in one file, one per date (see the module docstring); GeomapError if bad."""
    path = Path(path)
    if holder not in HOLDERS:
        raise GeomapError(f"holder {holder!r} is not one of: {', '.join(HOLDERS)}")
    if not _SOURCE.fullmatch(source.strip()):
        raise GeomapError(
            f"bad --source {source!r}: want a short name such as deepstate or isw (letters, "
            "digits, space . _ - ( ), at most 100)"
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GeomapError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise GeomapError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise GeomapError(f"{path}: cannot read: {exc.strerror or exc}") from None
    is_kml = path.suffix.lower() == ".kml" or text.lstrip().startswith("<")
    feats = list(_kml_features(text, path) if is_kml else _geojson_features(text, path))
    return _group(feats, path, source.strip(), holder, layer_date)


def _group(
    feats: list[_Feature], path: Path, source: str, holder: str, layer_date: date | None
) -> list[ControlLayer]:
    """Valid polygons per date, united into one MultiPolygon per date."""
    by_day: dict[date, list[Polygon]] = {}
    notes: dict[date, list[str]] = {}
    skipped = 0
    for f in feats:
        polys = _polygons(f.geometry)
        if not polys:
            skipped += 1
            continue
        day = layer_date or f.when or _date_from_name(path)
        if day is None:
            raise GeomapError(
                f"{path}: {f.where}: no date: give --date YYYY-MM-DD, a 'date' property per "
                "feature, or a date in the file name"
            )
        for poly in polys:
            fixed, note = _checked_polygon(poly, f"{path}: {f.where}")
            by_day.setdefault(day, []).append(fixed)
            if note:
                notes.setdefault(day, []).append(f"{f.where}: {note}")
    if not by_day:
        raise GeomapError(f"{path}: no polygon in the file (empty layer): nothing imported")
    out = []
    for day in sorted(by_day):
        merged = _as_multipolygon(shapely.union_all(by_day[day]))
        if merged.is_empty:
            raise GeomapError(f"{path}: the polygons of {day} have no area: nothing imported")
        layer_notes = notes.get(day, [])
        if skipped:
            layer_notes.append(f"{skipped} feature(s) without polygons skipped")
        out.append(ControlLayer(source, holder, day, merged, str(path), layer_notes))
    return out


def _date_from_name(path: Path) -> date | None:
    m = _NAME_DATE.search(path.stem)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _polygons(geom: Any) -> list[Polygon]:
    """The polygons in any geometry (points and lines give none)."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in _polygons(g)]
    return []


def _checked_polygon(poly: Polygon, where: str) -> tuple[Polygon | MultiPolygon, str | None]:
    """The polygon, repaired when that is safe; GeomapError when it is not a usable area."""
    if poly.is_empty:
        raise GeomapError(f"{where}: empty polygon: fix or drop it")
    _check_lonlat(poly, where)
    for ring in (poly.exterior, *poly.interiors):
        if len(set(ring.coords)) < 3:
            raise GeomapError(f"{where}: empty polygon: a ring with fewer than 3 distinct points")
        if not ring.is_simple:
            reason = shapely.is_valid_reason(Polygon(ring))
            raise GeomapError(
                f"{where}: a ring crosses itself ({reason}): the area it means is ambiguous; "
                "fix the polygon in a GIS (e.g. QGIS 'Fix geometries') and import again"
            )
    if poly.area == 0:
        raise GeomapError(f"{where}: empty polygon (no area): fix or drop it")
    if poly.is_valid:
        return poly, None
    reason = shapely.is_valid_reason(poly)
    fixed = _as_multipolygon(shapely.make_valid(poly))
    if fixed.is_empty:
        raise GeomapError(f"{where}: invalid polygon ({reason}) that cannot be repaired")
    return fixed, f"invalid polygon ({reason}) repaired with make_valid"


def _check_lonlat(poly: Polygon, where: str) -> None:
    x0, y0, x1, y1 = poly.bounds
    if not (-180 <= x0 and x1 <= 180 and -90 <= y0 and y1 <= 90):
        raise GeomapError(
            f"{where}: coordinates out of lon/lat range ({x0:.6g}, {y0:.6g}, {x1:.6g}, {y1:.6g}): "
            "the layer looks projected; export it in EPSG:4326 (WGS 84 lon/lat)"
        )


def _as_multipolygon(geom: Any) -> MultiPolygon:
    polys = _polygons(geom)
    return MultiPolygon(polys) if polys else MultiPolygon()


# -- GeoJSON ---------------------------------------------------------------------------------
def _geojson_features(text: str, path: Path) -> Iterator[_Feature]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GeomapError(f"{path}: line {exc.lineno}: bad JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or "type" not in doc:
        raise GeomapError(f"{path}: not GeoJSON (want an object with a 'type')")
    _check_crs(doc, path)
    kind = doc["type"]
    if kind == "FeatureCollection":
        feats = doc.get("features")
        if not isinstance(feats, list):
            raise GeomapError(f"{path}: FeatureCollection without a 'features' list")
    elif kind == "Feature":
        feats = [doc]
    else:
        feats = [{"type": "Feature", "geometry": doc, "properties": {}}]
    for i, f in enumerate(feats, 1):
        where = f"feature {i}"
        if not isinstance(f, dict):
            raise GeomapError(f"{path}: {where}: not a GeoJSON Feature object")
        _check_crs(f, path)
        props = f.get("properties") or {}
        when = next((props[k] for k in DATE_KEYS if props.get(k) not in (None, "")), None)
        day = parse_day(when, f"{path}: {where}: ") if when is not None else None
        yield _Feature(where, _shape(f.get("geometry"), path, where), day)


def _shape(geom: Any, path: Path, where: str) -> Any:
    if geom is None:
        return None
    try:
        g = shape(geom)
    except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.ShapelyError) as exc:
        raise GeomapError(f"{path}: {where}: bad geometry: {exc}") from None
    return shapely.force_2d(g)


def _check_crs(obj: dict, path: Path) -> None:
    crs = obj.get("crs")
    if not crs:
        return
    name = str((crs.get("properties") or {}).get("name", "")) if isinstance(crs, dict) else ""
    if not _WGS84.search(name):
        raise GeomapError(
            f"{path}: CRS {name or crs!r} is not EPSG:4326: reproject the layer to WGS 84 "
            "lon/lat (e.g. ogr2ogr -t_srs EPSG:4326) and import again"
        )


# -- KML -------------------------------------------------------------------------------------
def _kml_features(text: str, path: Path) -> Iterator[_Feature]:
    if re.search(r"<!DOCTYPE|<!ENTITY", text, re.I):
        raise GeomapError(
            f"{path}: KML with a DOCTYPE or entity declarations refused (external entities can "
            "read local files): remove the <!DOCTYPE ...> block"
        )
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise GeomapError(f"{path}: bad XML: {exc}") from None
    for i, pm in enumerate((e for e in root.iter() if _tag(e) == "Placemark"), 1):
        where = f"Placemark {i}"
        polys = [_kml_polygon(p, path, where) for p in pm.iter() if _tag(p) == "Polygon"]
        yield _Feature(where, MultiPolygon(polys) if polys else None, _kml_date(pm, path, where))


def _tag(e: ET.Element) -> str:
    return _KML_NS.sub("", e.tag)


def _kml_polygon(poly: ET.Element, path: Path, where: str) -> Polygon:
    outer: list[list[tuple[float, float]]] = []
    inner: list[list[tuple[float, float]]] = []
    for part in poly:
        dst = {"outerBoundaryIs": outer, "innerBoundaryIs": inner}.get(_tag(part))
        if dst is None:
            continue
        for coords in (e for e in part.iter() if _tag(e) == "coordinates"):
            dst.append(_kml_coords(coords.text or "", path, where))
    if len(outer) != 1:
        raise GeomapError(f"{path}: {where}: a Polygon needs exactly one outerBoundaryIs")
    if len(outer[0]) < 4:
        raise GeomapError(f"{path}: {where}: empty polygon (fewer than 4 points)")
    return Polygon(outer[0], inner)


def _kml_coords(text: str, path: Path, where: str) -> list[tuple[float, float]]:
    out = []
    for tup in text.split():
        try:
            vals = [float(v) for v in tup.split(",")]
        except ValueError:
            raise GeomapError(f"{path}: {where}: bad coordinate {tup!r}") from None
        if len(vals) < 2:
            raise GeomapError(f"{path}: {where}: bad coordinate {tup!r}: want lon,lat")
        out.append((vals[0], vals[1]))
    return out


def _kml_date(pm: ET.Element, path: Path, where: str) -> date | None:
    for e in pm.iter():
        t = _tag(e)
        if t == "when" and e.text:
            return parse_day(e.text, f"{path}: {where}: ")
        if t == "Data" and e.get("name") in DATE_KEYS:
            v = next((x.text for x in e if _tag(x) == "value" and x.text), None)
            if v:
                return parse_day(v, f"{path}: {where}: ")
        if t == "SimpleData" and e.get("name") in DATE_KEYS and e.text:
            return parse_day(e.text, f"{path}: {where}: ")
    return None


__all__ = ["HOLDERS", "ControlLayer", "parse_day", "read_layers"]
