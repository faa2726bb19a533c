"""GeoJSON (RFC 7946): a FeatureCollection of Point features ([lon, lat]), fields as properties.

Regions are exported at their representative point; their outline travels as `polygon_wkt`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from geomap.errors import GeomapError
from geomap.formats.rows import claim_to_row, to_json_value
from geomap.records import ClaimRecord


def feature(c: ClaimRecord) -> dict[str, Any]:
    props = {k: to_json_value(v) for k, v in claim_to_row(c).items()}
    lon, lat = props.pop("longitude"), props.pop("latitude")
    if c.id is not None:
        props["claim_id"] = c.id
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }


def dump(claims: Iterable[ClaimRecord], fp: IO[str]) -> int:
    """A FeatureCollection written one feature per line as the claims come (streams)."""
    fp.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for c in claims:
        fp.write(",\n" if n else "\n")
        fp.write(json.dumps(feature(c), ensure_ascii=False))
        n += 1
    fp.write("\n]}\n")
    return n


def load_rows(fp: IO[str], name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    try:
        doc = json.load(fp)
    except json.JSONDecodeError as exc:
        raise GeomapError(f"{name}: line {exc.lineno}: bad JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise GeomapError(f"{name}: want a GeoJSON FeatureCollection")
    feats = doc.get("features")
    if not isinstance(feats, list):
        raise GeomapError(f"{name}: FeatureCollection has no 'features' list")
    for i, f in enumerate(feats, 1):
        where = f"feature {i}"
        if not isinstance(f, dict) or f.get("type") != "Feature":
            raise GeomapError(f"{name}: {where}: not a GeoJSON Feature")
        props = f.get("properties") or {}
        geom = f.get("geometry") or {}
        if not isinstance(props, dict):
            raise GeomapError(f"{name}: {where}: field 'properties': want an object")
        coords = geom.get("coordinates") if isinstance(geom, dict) else None
        if (
            not isinstance(geom, dict)
            or geom.get("type") != "Point"
            or not isinstance(coords, list)
            or len(coords) < 2
        ):
            raise GeomapError(f"{name}: {where}: field 'geometry': want a Point [lon, lat]")
        row = dict(props)
        row.pop("claim_id", None)
        row["longitude"], row["latitude"] = coords[0], coords[1]
        yield where, row
