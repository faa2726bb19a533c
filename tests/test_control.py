"""Assessed control layers (issue 14): import, storage on both backends, checking claims.

Fixture layers and places: tests/fixtures_control.py.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures_control import DATA, DEEP, DEEPSTATE, ONLINE, POCKET, WEST, _layers, claim, place

from geomap.cli import main
from geomap.control import (
    CheckOptions,
    ControlChecker,
    check_claims,
    disagreements,
    import_layers,
    list_layers,
    read_layers,
)
from geomap.control.layerstore import postgis_schema
from geomap.errors import GeomapError
from geomap.records import PlaceRef
from geomap.store import open_store


@pytest.fixture
def control_store(store):
    import_layers(store, _layers())
    return store


def test_deepstate_shaped_files_import_without_editing():
    d1, d2 = _layers()
    assert (d1.layer_date, d2.layer_date) == (date(2025, 2, 1), date(2025, 2, 5))
    assert d1.notes == ["1 feature(s) without polygons skipped"]  # the unit marker
    # The two touching pieces are united; the pocket stays a hole.
    assert d2.parts == 1 and len(d2.geometry.geoms[0].interiors) == 1
    assert d2.geometry.bounds == pytest.approx((37.8, 47.5, 39.5, 49.5))


def test_isw_shaped_file_dates_each_feature_and_kml_reads_holes():
    isw = read_layers(DATA / "isw_assessed_control.geojson", source="isw", holder="russia")
    assert [lay.layer_date for lay in isw] == [date(2025, 2, 1), date(2025, 2, 5)]
    [kml] = read_layers(DATA / "assessed_2025-02-05.kml", source="kml", holder="russia")
    assert kml.layer_date == date(2025, 2, 5)
    assert kml.geometry.equals(isw[1].geometry)
    assert kml.notes == ["1 feature(s) without polygons skipped"]


def test_layer_pair_decides_by_the_claims_date(control_store):
    claims = [
        claim(WEST, "russia", "captured", "2025-02-06"),  # deep in Ukrainian-held area
        claim(DEEP, "ukraine", "holding", "2025-02-06"),  # deep in the occupied area
        claim(DEEP, "russia", "captured", "2025-02-03"),  # the 02-01 layer: not yet occupied
        claim(DEEP, "russia", "captured", "2025-02-06"),  # the 02-05 layer: occupied
        claim(ONLINE, "russia", "captured", "2025-02-06"),  # on the line: within tolerance
        claim(POCKET, "russia", "captured", "2025-02-06"),  # in the held pocket (a hole)
        claim(DEEP, "russia", "captured", "2025-02-20"),  # latest layer 15 days old: stale
        claim(DEEP, "russia", "captured", "2025-01-20"),  # before any layer
        claim(DEEP, "russia", "strike", "2025-02-06"),  # not a control claim
        claim(DEEP, "ukraine", "denied", "2025-02-06"),  # denies a capture the map shows
    ]
    v = check_claims(control_store, claims)
    assert [x.agrees for x in v] == [False, False, False, True, True, False, None, None, None,
                                     False]  # fmt: skip
    assert [x.assessed_holder for x in v[:6]] == ["ukraine", "russia", "ukraine", "russia",
                                                  "ukraine", "ukraine"]  # fmt: skip
    assert v[1].line_distance_km == pytest.approx(-5.95, abs=0.1)  # negative inside
    assert v[0].line_distance_km == pytest.approx(37.0, abs=0.3)
    assert v[2].line_distance_km == pytest.approx(8.9, abs=0.1)  # to the 02-01 line at 38.00
    assert v[4].line_distance_km == pytest.approx(0.74, abs=0.05)
    assert v[5].line_distance_km == pytest.approx(3.7, abs=0.1)  # outside the area: in the hole
    assert (v[3].layer_source, v[3].layer_date) == ("deepstate", date(2025, 2, 5))
    assert v[6].reason == "stale: the latest layer is of 2025-02-05"
    assert v[7].assessed_holder is None and "no layer" in v[7].reason
    assert v[8].assessed_holder == "russia" and v[8].agrees is None
    assert [c for c, _ in disagreements(control_store, claims)] == [
        claims[i] for i in (0, 1, 2, 5, 9)
    ]


def test_tolerance_and_staleness_are_settings(control_store):
    on_line = [claim(ONLINE, "russia", "captured", "2025-02-06")]
    assert check_claims(control_store, on_line, CheckOptions(tolerance_km=0.5))[0].agrees is False
    late = [claim(DEEP, "russia", "captured", "2025-02-20")]
    assert check_claims(control_store, late, CheckOptions(staleness_days=20))[0].agrees is True


def test_outside_every_area_the_country_decides(control_store):
    russian = place("Belgorodka", 36.5, 50.6, "RU")
    unknown = place("Nowhere", 36.5, 50.6, None)
    foreign = place("Elsewhere", 36.5, 50.6, "BY")
    v = check_claims(control_store, [claim(p, "ukraine", "captured", "2025-02-06")
                                     for p in (russian, unknown, foreign)])  # fmt: skip
    assert [x.assessed_holder for x in v] == ["russia", "ukraine", None]
    assert [x.agrees for x in v] == [False, True, None]


def test_region_undated_and_month_claims_are_unknown(control_store):
    region = PlaceRef("UA.05", "Donetsk Oblast", "region", 48.0, 37.8, "UA")
    v = check_claims(control_store, [claim(region, "russia", "captured", "2025-02-06"),
                                     claim(DEEP, "russia", "captured", None),
                                     claim(DEEP, "russia", "captured", "2025-02-01",
                                           date_precision="month")])  # fmt: skip
    assert [x.reason for x in v] == ["region-wide claim", "undated claim",
                                     "date known to the month only"]  # fmt: skip


def test_storage_per_backend_and_reimport_replaces(control_store):
    schema = postgis_schema(control_store)
    if control_store.dialect == "postgresql":
        assert schema == "postgis"  # the geometry lives in PostGIS: checks run in SQL
        assert type(ControlChecker.from_store(control_store).engine).__name__ == "PostgisEngine"
    else:
        assert schema is None
    res = import_layers(control_store, _layers(DEEPSTATE[1:]))
    assert (res.added, res.replaced) == (1, 1)
    rows = list_layers(control_store)
    assert [(r.source, r.layer_date.isoformat(), r.parts) for r in rows] == [
        ("deepstate", "2025-02-01", 1), ("deepstate", "2025-02-05", 1)]  # fmt: skip
    assert rows[1].area_km2 == pytest.approx(123.6 * 222.4 - 7.3 * 7.8, rel=0.03)


def test_sources_are_chosen_newest_first_or_by_name(control_store):
    isw = read_layers(DATA / "isw_assessed_control.geojson", source="isw", holder="russia")
    import_layers(control_store, isw[:1])  # isw only has 02-01: deepstate's 02-05 is newer
    c = [claim(DEEP, "russia", "captured", "2025-02-06")]
    assert check_claims(control_store, c)[0].layer_source == "deepstate"
    only_isw = check_claims(control_store, c, CheckOptions(source="isw"))[0]
    assert (only_isw.layer_source, only_isw.agrees) == ("isw", False)
    with pytest.raises(GeomapError, match="no control layer from source 'acled'"):
        check_claims(control_store, c, CheckOptions(source="acled"))


# -- bad layers -------------------------------------------------------------------------------
def _gj(tmp_path: Path, geometry, name="bad_2025-02-05.geojson", **extra) -> Path:
    doc = {"type": "FeatureCollection", **extra,
           "features": [{"type": "Feature", "properties": {}, "geometry": geometry}]}  # fmt: skip
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path


BOWTIE = {"type": "Polygon", "coordinates": [[[37, 48], [38, 49], [38, 48], [37, 49], [37, 48]]]}


@pytest.mark.parametrize(
    "geometry, extra, message",
    [
        (BOWTIE, {}, r"feature 1: a ring crosses itself \(Self-intersection"),
        ({"type": "Polygon", "coordinates": []}, {}, "no polygon in the file"),
        (
            {"type": "Polygon", "coordinates": [[[37, 48], [38, 48], [37, 48]]]},
            {},
            "bad geometry|empty",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[4.1e6, 6.1e6], [4.2e6, 6.1e6], [4.2e6, 6.2e6], [4.1e6, 6.1e6]]],
            },
            {},
            "looks projected",
        ),  # fmt: skip
        (
            BOWTIE,
            {"crs": {"type": "name", "properties": {"name": "EPSG:3857"}}},
            "CRS 'EPSG:3857' is not EPSG:4326",
        ),
    ],
)
def test_bad_layers_are_refused_with_the_reason(tmp_path, geometry, extra, message):
    with pytest.raises(GeomapError, match=message):
        read_layers(_gj(tmp_path, geometry, **extra), source="t", holder="russia")


def test_kml_with_external_entities_is_refused(tmp_path):
    path = tmp_path / "xxe.kml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&x;</name></Placemark></kml>'
    )
    with pytest.raises(GeomapError, match="DOCTYPE or entity declarations refused"):
        read_layers(path, source="t", holder="russia", layer_date=date(2025, 2, 5))


def test_a_layer_without_a_date_is_refused(tmp_path):
    sq = {"type": "Polygon", "coordinates": [[[37, 48], [38, 48], [38, 49], [37, 49], [37, 48]]]}
    with pytest.raises(GeomapError, match="feature 1: no date: give --date"):
        read_layers(_gj(tmp_path, sq, name="undated.geojson"), source="t", holder="russia")


def test_repairable_polygon_is_repaired_and_said_so(tmp_path):
    # The hole pokes out of its shell: invalid, but every ring is simple.
    shell = [[37, 48], [38, 48], [38, 49], [37, 49], [37, 48]]
    hole = [[37.5, 48.5], [38.5, 48.5], [38.5, 48.6], [37.5, 48.6], [37.5, 48.5]]
    path = _gj(tmp_path, {"type": "Polygon", "coordinates": [shell, hole]})
    [lay] = read_layers(path, source="t", holder="russia")
    assert lay.geometry.is_valid and not lay.geometry.is_empty
    assert any("repaired with make_valid" in n for n in lay.notes)


def test_nothing_is_stored_when_one_file_is_bad(tmp_path, store):
    bad = _gj(tmp_path, BOWTIE)
    args = ["control", "import", str(DEEPSTATE[0]), str(bad), "--holder", "russia"]
    res = CliRunner().invoke(main, [*args, "--source", "deepstate", "--db", store.url])
    assert res.exit_code == 1 and "crosses itself" in res.output
    assert list_layers(store) == []


# -- CLI --------------------------------------------------------------------------------------
def _run(*args: str, ok: bool = True):
    res = CliRunner().invoke(main, list(args))
    assert res.exit_code == (0 if ok else 1), (res.output, res.exception)
    return res


def test_cli_import_list_and_claims_columns(tmp_path):
    from fixtures_pg import make_claim

    db = f"sqlite:///{tmp_path / 'c.db'}"
    out = _run("control", "import", *map(str, DEEPSTATE), "--holder", "russia", "--source",
               "deepstate", "--db", db).output  # fmt: skip
    assert "imported 2 deepstate layer(s) held by russia (2025-02-01 .. 2025-02-05" in out
    assert "note: deepstate russia 2025-02-01: 1 feature(s) without polygons skipped" in out
    listing = _run("control", "list", "--db", db).output
    assert "2025-02-05  deepstate  russia" in listing
    with open_store(db) as s:  # Toretsk (37.85 E) lies 0.05 deg inside the 02-05 area
        s.import_claims([make_claim("toretsk", "ukraine", "holding", "2025-02-07"),
                         make_claim("toretsk", "russia", "captured", "2025-02-07"),
                         make_claim("kyiv", "russia", "strike", "2025-02-07")])  # fmt: skip
    rows = [json.loads(x) for x in _run("claims", "--json", "--db", db).output.splitlines()]
    assert [(r["assessed_holder"], r["agrees"]) for r in rows] == [
        ("russia", False), ("russia", True), ("ukraine", None)]  # fmt: skip
    assert rows[0]["line_distance_km"] == pytest.approx(-3.48, abs=0.05)
    csv_out = _run("claims", "--csv", "--disagrees", "--db", db).output.splitlines()
    assert csv_out[0].endswith("assessed_holder,line_distance_km,agrees")
    assert len(csv_out) == 2 and csv_out[1].endswith(",russia,-3.473,false")
    table = _run("claims", "--disagrees", "--db", db).output
    assert (
        "ukraine holding Toretsk: assessed russia-held, 3.5 km inside the area (deepstate" in table
    )
    loose = _run("claims", "--disagrees", "--tolerance", "5", "--db", db).output
    assert "no claim disagrees" in loose


def test_cli_claims_without_layers_keep_their_columns(tmp_path):
    db = f"sqlite:///{tmp_path / 'n.db'}"
    assert "assessed_holder" not in _run("claims", "--csv", "--db", db).output
    assert "no control layers stored" in _run("claims", "--disagrees", "--db", db, ok=False).output


@pytest.mark.postgres
def test_postgresql_without_postgis_rights_keeps_wkb_and_checks_in_python(pg_server):
    import psycopg

    admin = f"host=127.0.0.1 port={pg_server.port} user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute("CREATE ROLE geomap_plain LOGIN")  # may not create the PostGIS extension
        c.execute("CREATE DATABASE ctl_plain OWNER geomap_plain")
    url = f"postgresql+psycopg://geomap_plain@127.0.0.1:{pg_server.port}/ctl_plain"
    with open_store(url) as s:
        assert postgis_schema(s) is None
        import_layers(s, _layers())
        assert type(ControlChecker.from_store(s).engine).__name__ == "ShapelyEngine"
        [v] = check_claims(s, [claim(DEEP, "ukraine", "holding", "2025-02-06")])
        assert (v.assessed_holder, v.agrees) == ("russia", False)
        assert v.line_distance_km == pytest.approx(-5.95, abs=0.1)


@pytest.mark.postgres
def test_shapely_and_postgis_engines_agree(pg_server):
    """The Python engine (SQLite's) against PostGIS's geography distances, on random places."""
    import numpy as np

    from geomap.control.check import PostgisEngine, ShapelyEngine
    from geomap.control.layerstore import load_geometries

    with open_store(pg_server.new_database()) as s:
        import_layers(s, _layers())
        refs = tuple(r for r in list_layers(s) if r.layer_date == date(2025, 2, 5))
        rng = np.random.default_rng(14)
        lon, lat = rng.uniform(36.5, 40.5, 300), rng.uniform(47.0, 50.0, 300)
        py = ShapelyEngine(load_geometries(s, [refs[0].id])).hits(refs, lon, lat)
        pg = PostgisEngine(s, postgis_schema(s)).hits(refs, lon, lat)
    assert (py.inside == pg.inside).all() and (py.inside >= 0).sum() > 50
    # Within 0.5% or 10 m (AreaIndex measures in a plane per latitude band, see there).
    bad = ~np.isclose(py.km, pg.km, rtol=0.005, atol=0.01)
    assert not bad.any(), list(zip(lon[bad], lat[bad], py.km[bad], pg.km[bad], strict=True))
