"""geomap.places: gazetteer Place -> PlaceRef, and strict resolution for hand entry."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from shapely import wkt

from geomap.errors import GeomapError
from geomap.places import ambiguous_candidates, haversine_km, place_ref, resolve_place


def test_place_ref_of_settlement_and_region(gaz):
    t = place_ref(gaz.resolve("Toretsk").place)
    assert (t.name, t.precision, t.country, t.admin1) == ("Toretsk", "settlement", "UA", "UA.05")
    assert t.polygon_wkt is None and 48 < t.lat < 49 and 37 < t.lon < 38.5
    r = place_ref(gaz.get("UA.05"))
    assert r.precision == "region" and r.id == "UA.05"
    poly = wkt.loads(r.polygon_wkt)
    assert poly.is_valid and poly.area > 1
    assert poly.contains(wkt.loads(f"POINT ({t.lon} {t.lat})"))


def test_resolve_place_by_name_alias_and_id(gaz):
    assert resolve_place("Toretsk").id == resolve_place("Торецьк").id == "709354"
    assert resolve_place("709354").name == "Toretsk"
    assert resolve_place("Donetsk Oblast").id == "UA.05"


def test_resolve_place_ambiguous_lists_candidates_unless_lenient(gaz):
    with pytest.raises(GeomapError) as ei:
        resolve_place("Pokrovske")
    msg = str(ei.value)
    assert msg.startswith("ambiguous place 'Pokrovske'") and msg.count("(id ") >= 2
    assert resolve_place("Pokrovske", strict=False).name == "Pokrovske"


def test_resolve_place_unknown(gaz):
    with pytest.raises(GeomapError, match="unknown place 'Xqzzyville'"):
        resolve_place("Xqzzyville")
    with pytest.raises(GeomapError, match="empty place name"):
        resolve_place("  ")


def _cand(score, lat, lon):
    return SimpleNamespace(score=score, place=SimpleNamespace(lat=lat, lon=lon))


def test_ambiguity_rule():
    best = _cand(2.4, 48.0, 36.0)
    assert ambiguous_candidates([best]) == []
    far_close = _cand(2.2, 47.5, 34.1)  # ~150 km away, score within the margin
    assert ambiguous_candidates([best, far_close]) == [best, far_close]
    near_close = _cand(2.3, 48.05, 36.05)  # same spot: one place for a map
    assert ambiguous_candidates([best, near_close]) == []
    far_weak = _cand(1.5, 47.5, 34.1)  # clear winner
    assert ambiguous_candidates([best, far_weak]) == []


def test_haversine():
    assert haversine_km(50.4501, 30.5234, 49.8397, 24.0297) == pytest.approx(468, abs=3)
    assert haversine_km(48.0, 37.0, 48.0, 37.0) == 0
