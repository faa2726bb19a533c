"""Region boundaries: the shipped file against the same shapes as plain GeoJSON, and what a
region claim costs a page drawn as its boundary against the old hull around its settlements.

Prints the file's size and the time to read and decode every outline, beside the same
geometries written as GeoJSON (coordinates at the same grid) and read with shapely, with ratios;
then, for Ukraine's oblasts, the page bytes of the boundary and of the hull.

    python bench/bench_outlines.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from gazetteer.index import _region_shape  # noqa: E402
from gazetteer.outlines import OUTLINES_FILE, load_outlines  # noqa: E402
from gazetteer.regions import load_region_data  # noqa: E402
from geomap.render.features import boundary_geometry, region_geometry  # noqa: E402


def read_shipped() -> tuple[float, dict]:
    t = time.perf_counter()
    data = load_outlines.__wrapped__(OUTLINES_FILE)
    shapes = {k: data.geometry(k) for k in data.entries}
    return time.perf_counter() - t, shapes


def read_geojson(text: str) -> float:
    t = time.perf_counter()
    doc = json.loads(text)
    [shapely.geometry.shape(g) for g in doc.values()]
    return time.perf_counter() - t


def hull_bytes(region: str, outline: shapely.Geometry) -> int:
    """The hull the gazetteer drew before: around points spread over the region (a stand-in
    for its settlements: 400 points inside the boundary)."""
    pts = shapely.points(shapely.get_coordinates(outline.buffer(-0.05).segmentize(0.05)))
    pts = [(p.y, p.x) for p in pts[:: max(1, len(pts) // 400)]]
    hull = _region_shape(pts)
    geom = region_geometry(hull.wkt)
    return len(json.dumps(geom, separators=(",", ":")))


def main() -> int:
    size = OUTLINES_FILE.stat().st_size
    t_shipped, shapes = read_shipped()
    geojson = json.dumps({k: shapely.geometry.mapping(g) for k, g in shapes.items()})
    t_geojson = read_geojson(geojson)
    points = int(sum(shapely.get_num_coordinates(g) for g in shapes.values()))
    print(f"outlines: {len(shapes)} regions, {points} points")
    print(
        f"file: {size / 1024:.0f} KiB shipped vs {len(geojson) / 1024:.0f} KiB as GeoJSON "
        f"(ratio {size / len(geojson):.2f})"
    )
    print(
        f"read + decode all: {t_shipped * 1000:.0f} ms shipped vs {t_geojson * 1000:.0f} ms "
        f"GeoJSON (ratio {t_shipped / t_geojson:.2f})"
    )
    ua = [r.id for r in load_region_data().regions if r.country == "UA"]
    boundary = sum(len(json.dumps(boundary_geometry(r), separators=(",", ":"))) for r in ua)
    hull = sum(hull_bytes(r, shapes[r]) for r in ua)
    print(
        f"page bytes, Ukraine's {len(ua)} regions: boundaries {boundary / 1024:.0f} KiB vs "
        f"hulls {hull / 1024:.0f} KiB (ratio {boundary / hull:.1f}; "
        f"{boundary / len(ua) / 1024:.1f} KiB a region)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
