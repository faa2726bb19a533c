"""Real region boundaries (Natural Earth admin-1): the shipped file loads, joins the gazetteer's
regions, holds valid polygons that put known cities in the right region, stays small; the build
script makes such a file from a Natural Earth-shaped GeoJSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import Point, box

from gazetteer.errors import GazetteerError
from gazetteer.outlines import (
    OUTLINES_FILE,
    decode_ring,
    encode_ring,
    load_outlines,
    outline_near,
    region_outline,
)
from gazetteer.regions import load_region_data, region_boundary

ROOT = Path(__file__).resolve().parent.parent

# (lat, lon) of a city, the region it lies in, and a neighbour it must not be in.
CITIES = [
    ("Kharkiv", 49.9935, 36.2304, "UA.07", "UA.21"),
    ("Sumy", 50.9077, 34.7981, "UA.21", "UA.07"),
    ("Kursk", 51.7373, 36.1874, "RU.41", "RU.09"),
    ("Belgorod", 50.5997, 36.5983, "RU.09", "UA.07"),
    ("Bryansk", 53.2521, 34.3717, "RU.10", "RU.41"),
    ("Donetsk", 48.0159, 37.8028, "UA.05", "UA.14"),
    ("Luhansk", 48.5740, 39.3078, "UA.14", "UA.05"),
    ("Zaporizhzhia", 47.8388, 35.1396, "UA.26", "UA.04"),
    ("Nova Kakhovka", 46.7546, 33.3486, "UA.08", "UA.26"),
    ("Simferopol", 44.9521, 34.1024, "UA.11", "UA.20"),
    ("Balaklava (Sevastopol)", 44.5108, 33.5994, "UA.20", "UA.11"),
    ("Kyiv", 50.4501, 30.5234, "UA.12", "UA.13"),
    ("Bila Tserkva", 49.7968, 30.1311, "UA.13", "UA.12"),
    ("Moscow", 55.7558, 37.6173, "RU.48", "RU.47"),
    ("Sergiyev Posad", 56.3153, 38.1358, "RU.47", "RU.48"),
    ("Rostov-on-Don", 47.2357, 39.7015, "RU.61", "UA.05"),
    ("Austin", 30.2672, -97.7431, "US.TX", "US.OK"),
]


@pytest.mark.parametrize(("city", "lat", "lon", "inside", "not_inside"), CITIES)
def test_city_lies_in_its_region_outline(city, lat, lon, inside, not_inside):
    point = Point(lon, lat)
    assert region_outline(inside).contains(point), f"{city} not in {inside}"
    assert not region_outline(not_inside).contains(point), f"{city} in {not_inside}"


def test_every_region_the_data_defines_has_an_outline():
    data = load_outlines()
    regions = load_region_data().regions
    missing = [r.id for r in regions if data.key_of(r.id) is None]
    assert missing == []
    ukraine = {r.id for r in regions if r.country == "UA"}
    assert {"UA.11", "UA.12", "UA.20"} <= ukraine and len(ukraine) == 27
    for group in load_region_data().groups:  # Donbas: the union of its oblasts
        geom = region_boundary(group.id)
        assert geom is not None and geom.is_valid
        parts = sum(region_outline(m).area for m in group.members)
        assert geom.area == pytest.approx(parts, rel=1e-3)


def test_every_outline_is_a_valid_polygon_and_the_front_is_detailed():
    data = load_outlines()
    assert len(data.entries) > 3000  # the world's first-level regions, not only the front
    bad = []
    for key in data.entries:
        geom = data.geometry(key)
        if geom.geom_type not in ("Polygon", "MultiPolygon") or geom.is_empty or not geom.is_valid:
            bad.append(key)
        minx, miny, maxx, maxy = geom.bounds
        assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90, key
        bx0, by0, bx1, by1 = data.entries[key].bbox  # the stored box holds the shape
        assert bx0 <= minx and by0 <= miny and maxx <= bx1 and maxy <= by1, key
    assert bad == []
    # simplified, but a border, not a triangle: Kharkiv Oblast keeps hundreds of vertices
    assert shapely.get_num_coordinates(region_outline("UA.07")) > 200


def test_neighbours_share_their_border_without_gaps_or_overlaps():
    for a, b in [("UA.07", "UA.21"), ("UA.21", "RU.41"), ("UA.05", "UA.14"), ("UA.07", "RU.09")]:
        ga, gb = region_outline(a), region_outline(b)
        assert ga.intersection(gb).area < 1e-6, (a, b)  # no overlap
        shared = ga.boundary.intersection(gb.boundary).length
        assert shared > 0.5, (a, b, shared)  # a common edge (degrees), not a gap


def test_iso_code_is_an_alias_and_unknown_codes_are_none():
    assert region_outline("UA-63").equals(region_outline("UA.07"))
    assert region_outline("FR-IDF").contains(Point(2.3522, 48.8566))  # departments dissolved
    assert region_outline("XX.99") is None
    assert region_boundary("XX.99") is None


def test_outline_near_refuses_a_boundary_far_from_the_region_point():
    # Kharkiv's point joins UA.07; a point in Lviv does not take UA.07 by its code alone.
    assert outline_near(("UA.07",), 49.99, 36.23) is not None
    assert outline_near(("UA.07",), 49.84, 24.03) is None
    assert outline_near(("XX.1", "UA-63"), 49.99, 36.23) is not None


def test_keys_near_finds_regions_by_box_without_decoding():
    near = set(load_outlines().keys_near((36.0, 49.5, 36.5, 50.0), {"UA", "RU"}))
    assert {"UA.07"} <= near and "RU.63" not in near and "UA.15" not in near
    assert load_outlines().keys_near((36.0, 49.5, 36.5, 50.0), {"US"}) == []


def test_file_size_is_bounded():
    size = OUTLINES_FILE.stat().st_size
    assert 200_000 < size < 2_000_000, size


@given(st.lists(st.tuples(st.integers(-180_000, 180_000), st.integers(-90_000, 90_000))))
def test_ring_encoding_round_trips(coords):
    assert decode_ring(encode_ring(coords)) == coords


def test_broken_files_are_gazetteer_errors_naming_the_file(tmp_path):
    bad = tmp_path / "outlines.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GazetteerError, match="outlines.json"):
        load_outlines(bad)
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"format": 99, "scale": 1000, "outlines": {}}), encoding="utf-8")
    with pytest.raises(GazetteerError, match="format 99"):
        load_outlines(old)
    cut = tmp_path / "cut.json"
    ring = encode_ring([(0, 0), (1000, 0), (1000, 1000)])
    doc = {"format": 1, "scale": 1000, "outlines": {"ZZ.1": {"n": "Z", "g": [[ring[:-1]]]}}}
    cut.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(GazetteerError, match="ZZ.1"):
        load_outlines(cut).geometry("ZZ.1")


def _feature(geom, **props):
    return {"type": "Feature", "geometry": shapely.geometry.mapping(geom), "properties": props}


def test_build_script_joins_dissolves_and_simplifies(tmp_path):
    """Two first-level units sharing a wiggly edge, two departments of one ISO region (dissolved),
    a British county (its nation) and a unit that joins nothing."""
    wiggle = [(1.0 + (0.004 if y % 2 else 0.0), y / 10) for y in range(11)]
    west = shapely.Polygon([(0, 0), *wiggle, (0, 1)])
    east = box(0, 0, 2, 1).difference(west)
    feats = [
        _feature(west, gn_level=1, gn_a1_code="XA.01", iso_3166_2="XA-W", name="West", iso_a2="XA"),
        _feature(east, gn_level=1, gn_a1_code="XA.02", iso_3166_2="XA-E", name="East", iso_a2="XA"),
        _feature(box(10, 0, 11, 1), gn_level=2, gn_a1_code="XB.11", region_cod="XB-ABC"),
        _feature(box(11, 0, 12, 1), gn_level=2, gn_a1_code="XB.12", region_cod="XB-ABC"),
        _feature(box(20, 50, 21, 51), adm0_a3="GBR", iso_a2="GB", geonunit="Wales", name="Powys"),
        _feature(box(30, 0, 31, 1), gn_level=0, gn_a1_code="-1", iso_3166_2="-99-X1~"),
    ]
    src = tmp_path / "ne.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    out = tmp_path / "outlines.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "build_outlines.py"), str(src), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "not joined to a region: 1" in run.stdout
    assert out.stat().st_mode & 0o044 == 0o044  # package data: readable by everyone
    data = load_outlines(out)
    assert sorted(data.entries) == ["GB.WLS", "XA.01", "XA.02", "XB-ABC"]
    assert data.key_of("XA-W") == "XA.01" and data.key_of("GB-WLS") == "GB.WLS"
    merged = data.geometry("XB-ABC")
    assert merged.geom_type == "Polygon" and merged.area == pytest.approx(2.0, abs=0.01)
    w, e = data.geometry("XA.01"), data.geometry("XA.02")
    assert w.is_valid and e.is_valid and w.intersection(e).area < 1e-9
    assert w.boundary.intersection(e.boundary).length == pytest.approx(1.0, abs=0.02)
    bad = tmp_path / "bad.geojson"
    bad.write_text("[]", encoding="utf-8")
    fail = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "build_outlines.py"), str(bad), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert fail.returncode != 0 and "bad.geojson" in fail.stderr
    assert load_outlines.__wrapped__(out).entries.keys() == data.entries.keys()  # untouched


def test_gazetteer_regions_carry_their_boundary(gaz):
    """The index stores the real boundary as a region's polygon (the hull is only a fallback);
    the region's point lies inside it; groups are the union; world regions join by code."""
    kharkiv = gaz.region("UA.07")
    assert kharkiv.polygon.equals_exact(region_outline("UA.07"), tolerance=1e-6)
    assert kharkiv.polygon.contains(Point(kharkiv.lon, kharkiv.lat))
    donbas = gaz.get("UA.DONBAS").polygon
    assert donbas.contains(Point(37.8028, 48.0159)) and donbas.contains(Point(39.3078, 48.574))
    texas = gaz.get("US.TX").polygon
    assert texas is not None and texas.contains(Point(-97.7431, 30.2672))
    assert texas.equals_exact(region_outline("US.TX"), tolerance=1e-6)


def test_index_falls_back_to_a_hull_where_no_boundary_is_shipped(tmp_path, monkeypatch):
    from fixtures_gazetteer import write_small_source

    import gazetteer.index
    from gazetteer import Gazetteer

    src = write_small_source(tmp_path)
    g = Gazetteer.build(source=src, cache=tmp_path / "real" / "gaz.sqlite")
    assert g.region("UA.21").polygon.equals_exact(region_outline("UA.21"), tolerance=1e-6)
    g.close()
    monkeypatch.setattr(gazetteer.index, "region_outline", lambda code: None)
    g = Gazetteer.build(source=src, cache=tmp_path / "hull" / "gaz.sqlite")
    hull = g.region("UA.21").polygon
    g.close()
    towns = [Point(34.7991, 50.9174), Point(33.2, 51.24), Point(34.9, 50.31)]  # the fixture's
    assert all(hull.contains(t) for t in towns)
    assert hull.area < region_outline("UA.21").area / 2  # around three towns, not the oblast
