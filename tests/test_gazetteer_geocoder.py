"""geopy interoperability: OfflineGeocoder returns geopy Locations; the online fallback is off."""

from __future__ import annotations

import json

import geopy.geocoders
import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer import GazetteerError
from gazetteer.geocoder import OfflineGeocoder


class _NoNetwork:
    def __init__(self, *a, **k):
        raise AssertionError("the online geocoder must not be created")


@pytest.fixture
def no_network(monkeypatch):
    monkeypatch.setattr(geopy.geocoders, "Nominatim", _NoNetwork)


def test_geocode_with_trailing_region_context(gaz, no_network):
    geo = OfflineGeocoder(gaz)
    assert isinstance(geo, Geocoder)
    loc = geo.geocode("Dzerzhinsk, Donetsk Oblast")
    assert isinstance(loc, Location)
    assert loc.raw["geonameid"] == 709354 and loc.raw["precision"] == "settlement"
    assert loc.address.startswith("Toretsk, Donetsk Oblast")
    assert (round(loc.latitude, 2), round(loc.longitude, 2)) == (48.39, 37.85)


def test_geocode_all_candidates_and_regions(gaz, no_network):
    geo = OfflineGeocoder(gaz)
    locs = geo.geocode("Pokrovsk", exactly_one=False, context="Donetsk Oblast")
    assert [loc.raw["geonameid"] for loc in locs][0] == 704422 and len(locs) >= 2
    region = geo.geocode("Russia's Kursk region")
    assert region.raw["admin1"] == "RU.41" and region.raw["precision"] == "region"


def test_online_fallback_is_off_by_default(gaz, no_network):
    geo = OfflineGeocoder(gaz)
    assert geo.online_fallback is False
    assert geo.geocode("Xqqzzyv Nowhere") is None
    assert geo._online is None
    with pytest.raises(GazetteerError):
        geo.geocode("")


def test_online_fallback_answers_from_its_cache(gaz, no_network, tmp_path):
    cache = tmp_path / "online.json"
    cache.write_text(
        json.dumps(
            {
                "Xqqzzyv Nowhere": {
                    "address": "Xqqzzyv, Somewhere",
                    "lat": 1.5,
                    "lon": 2.5,
                    "raw": {"osm_id": 1},
                }
            }
        )
    )
    geo = OfflineGeocoder(gaz, online_fallback=True, fallback_cache=cache)
    loc = geo.geocode("Xqqzzyv Nowhere")
    assert (loc.latitude, loc.longitude, loc.raw) == (1.5, 2.5, {"osm_id": 1})
    assert geo._online is None  # served from the cache, no geocoder created


def test_reverse_nearest_settlement(gaz, no_network):
    geo = OfflineGeocoder(gaz)
    loc = geo.reverse("48.39, 37.85")
    assert loc.raw["geonameid"] == 709354 and loc.raw["distance_km"] < 2
    near = geo.reverse((48.39, 37.85), exactly_one=False, max_km=10)
    assert len(near) >= 2 and near[0].raw["distance_km"] <= near[1].raw["distance_km"]
    assert geo.reverse("0, -140") is None  # open Pacific
    with pytest.raises(GazetteerError):
        geo.reverse("north pole")
    with pytest.raises(GazetteerError, match="out of range"):
        gaz.nearest(95, 10)
