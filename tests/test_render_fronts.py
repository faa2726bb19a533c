"""Claimed areas and lines from control claims, checked as geometry (no browser)."""

from __future__ import annotations

from datetime import date

import pytest
import shapely
from shapely.geometry import Point, shape

from geomap.records import ClaimRecord, PlaceRef
from geomap.render.fronts import compute_fronts, fronts_geojson, point_in_area


def P(i: int, lat: float, lon: float, precision: str = "settlement") -> PlaceRef:
    return PlaceRef(id=str(i), name=f"P{i}", precision=precision, lat=lat, lon=lon)


def C(place: PlaceRef, side: str, type_: str, d: date = date(2025, 1, 1)) -> ClaimRecord:
    return ClaimRecord(place=place, side=side, type=type_, claim_date=d)


def _two_sides() -> list[ClaimRecord]:
    """Russia claims three towns east of 37.8E, Ukraine three west, one town disputed between."""
    out = [
        C(P(i, lat, lon), "russia", "captured")
        for i, (lat, lon) in enumerate([(48.3, 38.0), (48.5, 38.1), (48.1, 37.95)])
    ]
    out += [
        C(P(10 + i, lat, lon), "ukraine", "holding")
        for i, (lat, lon) in enumerate([(48.3, 37.5), (48.5, 37.55), (48.1, 37.45)])
    ]
    mid = P(20, 48.3, 37.75)
    out += [C(mid, "russia", "captured"), C(mid, "ukraine", "denied", date(2025, 1, 2))]
    return out


def test_each_side_claims_the_land_around_its_towns():
    f = compute_fronts(_two_sides())
    assert f.holders["0"] == "russia" and f.holders["10"] == "ukraine"
    assert f.holders["20"] == "contested"
    assert point_in_area(f, "russia", 38.05, 48.3)
    assert not point_in_area(f, "ukraine", 38.05, 48.3)
    assert point_in_area(f, "ukraine", 37.5, 48.35)
    assert point_in_area(f, "contested", 37.75, 48.3)
    # Areas do not overlap (Voronoi cells partition the plane).
    assert f.areas["russia"].intersection(f.areas["ukraine"]).area < 1e-9
    assert f.areas["russia"].intersection(f.contested_zone).area < 1e-9


def test_claimed_line_runs_between_the_sides_not_around_the_edge():
    f = compute_fronts(_two_sides())
    ru_line = f.lines["russia"]
    ua_line = f.lines["ukraine"]
    # Russia's line lies between the disputed town and Russia's towns, west of its towns.
    minx, _, maxx, _ = ru_line.bounds
    assert 37.6 < minx and maxx < 37.95
    minx, _, maxx, _ = ua_line.bounds
    assert 37.5 < minx and maxx < 37.9
    # The line is a part of the area's boundary, shorter than the whole outline.
    assert ru_line.length < f.areas["russia"].boundary.length
    assert f.areas["russia"].boundary.buffer(1e-6).contains(ru_line)


def test_areas_are_clipped_near_the_places():
    f = compute_fronts(_two_sides(), radius_km=20)
    assert not point_in_area(f, "russia", 39.0, 48.3)  # ~70 km east of any claim
    minx, miny, maxx, maxy = f.areas["russia"].bounds
    assert maxx < 38.1 + 0.3 and maxy < 48.5 + 0.2


def test_single_place_gets_a_disc_and_its_whole_boundary():
    f = compute_fronts([C(P(1, 48.0, 37.0), "ukraine", "holding")], radius_km=10)
    area = f.areas["ukraine"]
    assert area.contains(Point(37.0, 48.0))
    assert 0.9 < (area.bounds[3] - area.bounds[1]) * 110.574 / 20 < 1.01
    assert f.lines["ukraine"].length > 0 and "russia" not in f.areas


def test_latest_claim_per_side_and_withdrawn_counts_for_the_other_side():
    town = P(5, 48.0, 37.0)
    claims = [
        C(town, "ukraine", "holding", date(2025, 1, 1)),
        C(town, "ukraine", "withdrawn", date(2025, 2, 1)),
    ]
    f = compute_fronts(claims)
    assert f.holders == {"5": "russia"}
    assert "russia" in f.areas and "ukraine" not in f.areas


def test_regions_strikes_and_third_party_do_not_draw_fronts():
    region = P(7, 50.9, 34.8, precision="region")
    claims = [
        C(region, "russia", "captured"),
        C(P(8, 48.0, 37.0), "russia", "strike"),
        C(P(9, 48.2, 37.2), "third-party", "captured"),
        C(P(9, 48.2, 37.2), "russia", "fighting"),
    ]
    f = compute_fronts(claims)
    assert f.is_empty() and fronts_geojson(f) == {}


def test_same_spot_disagreement_is_contested():
    a, b = P(1, 48.0, 37.0), P(2, 48.0, 37.0)
    f = compute_fronts(
        [
            C(a, "russia", "captured"),
            C(b, "ukraine", "holding"),
            C(P(3, 48.2, 37.3), "ukraine", "holding"),
        ]
    )
    assert point_in_area(f, "contested", 37.0, 48.0)


def test_geojson_round_trips_and_collinear_points_work():
    claims = [
        C(P(i, 48.0, 37.0 + 0.1 * i), "russia" if i < 3 else "ukraine", "captured")
        for i in range(6)
    ]
    f = compute_fronts(claims)
    gj = fronts_geojson(f)
    assert set(gj) == {"russia", "ukraine"}
    ru = shape(gj["russia"]["area"])
    assert ru.is_valid and ru.contains(Point(37.1, 48.0))
    assert shape(gj["ukraine"]["line"]).length > 0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_fronts_are_valid_and_lines_run_between_the_areas(seed):
    from geomap.render.samples import synthetic_claims

    f = compute_fronts(synthetic_claims(600, 150, seed=seed))
    assert set(f.areas) == {"russia", "ukraine", "contested"}
    for area in f.areas.values():
        assert area.is_valid and area.geom_type in ("Polygon", "MultiPolygon")
    assert f.areas["russia"].intersection(f.areas["ukraine"]).area < 1e-9
    for side in ("russia", "ukraine"):
        line = f.lines[side]
        assert line.length > 0
        assert f.areas[side].boundary.buffer(1e-5).contains(line)
        others = shapely.union_all([a for h, a in f.areas.items() if h != side])
        # Every stretch of the line borders another holder's area (not the empty outer edge).
        assert line.difference(others.buffer(1e-4)).length < 1e-3 * line.length
