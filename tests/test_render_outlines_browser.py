"""A region claim is drawn as the region's real boundary (Natural Earth), in real headless
Chromium; a region without a shipped boundary keeps its stored hull and says it is approximate."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import shapely

from gazetteer.outlines import region_outline
from geomap.records import ClaimRecord, PlaceRef
from geomap.render import build_map, map_html
from geomap.render.features import claims_payload
from geomap.render.mapbuild import GEONAMES_ATTR, page_attribution
from geomap.render.samples import SUMY_REGION, TORETSK

pytestmark = pytest.mark.browser

# A region the gazetteer has no boundary for: drawn from its stored polygon, marked approximate.
HULL_REGION = PlaceRef(
    id="MD.99",
    name="Test District",
    precision="region",
    lat=47.0,
    lon=28.5,
    country="MD",
    admin1="MD.99",
    polygon_wkt="POLYGON ((28 46.5, 29 46.5, 29 47.5, 28 47.5, 28 46.5))",
)
# Ray casting over the drawn layer's rings (Leaflet has no point-in-polygon of its own).
_CONTAINS_JS = """([id, lat, lng]) => {
    const layer = Object.values(window.geomapMaps)[0].layerOf(id);
    let rings = layer.getLatLngs();
    while (Array.isArray(rings[0][0])) { rings = rings.flat(); }
    let inside = false;
    for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            const a = ring[i], b = ring[j];
            if ((a.lat > lat) !== (b.lat > lat)
                && lng < (b.lng - a.lng) * (lat - a.lat) / (b.lat - a.lat) + a.lng) {
                inside = !inside;
            }
        }
    }
    return inside;
}"""


def _claims() -> list[ClaimRecord]:
    def claim(place: PlaceRef, day: int) -> ClaimRecord:
        return ClaimRecord(
            place=place, side="ukraine", type="strike", claim_date=date(2024, 11, day)
        )

    # SUMY_REGION's stored polygon is a coarse 9-point sketch; the page must not draw it.
    return [claim(SUMY_REGION, 1), claim(HULL_REGION, 2), claim(TORETSK, 3)]


@pytest.fixture(scope="module")
def outline_pages(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("outline_pages")
    cdn, offline = d / "cdn.html", d / "offline.html"
    cdn.write_text(map_html(build_map(_claims(), timeline=False)), encoding="utf-8")
    offline.write_text(
        map_html(build_map(_claims(), offline=True, timeline=False), offline=True), "utf-8"
    )
    return {"cdn": cdn, "offline": offline}


def test_payload_carries_the_boundary_not_the_stored_sketch():
    feats = {f["properties"]["id"]: f for f in claims_payload(_claims())["places"]["features"]}
    sumy = shapely.geometry.shape(feats["UA.21"]["geometry"])
    assert "h" not in feats["UA.21"]["properties"]
    assert sumy.equals_exact(region_outline("UA.21"), tolerance=1e-3)
    assert feats["MD.99"]["properties"]["h"] == 1  # drawn from its stored hull
    # a stored polygon of a place that is not a gazetteer region is drawn as given, unmarked
    other = replace(HULL_REGION, id="custom-area")
    payload = claims_payload([replace(_claims()[1], place=other)])
    f = payload["places"]["features"][0]
    assert f["properties"]["r"] == 1 and "h" not in f["properties"]
    assert payload["boundaries"] is False  # no Natural Earth shape on this page
    assert page_attribution(payload) == GEONAMES_ATTR


def test_region_claim_is_drawn_as_its_boundary(open_page, outline_pages):
    page, log = open_page(outline_pages["cdn"])
    log.assert_clean()
    assert page.locator("path.geomap-region-boundary").count() == 1
    assert page.locator("path.geomap-region-approx").count() == 1
    vertices = page.evaluate(
        """() => Object.values(window.geomapMaps)[0].layerOf("UA.21").getLatLngs().flat(3).length"""
    )
    assert vertices > 200  # the border, not the 9-point sketch stored with the claim
    b = page.evaluate(
        """() => { const b = Object.values(window.geomapMaps)[0].layerOf("UA.21").getBounds();
                   return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }"""
    )
    assert b == pytest.approx(list(region_outline("UA.21").bounds), abs=1e-3)
    assert page.evaluate(_CONTAINS_JS, ["UA.21", 50.9077, 34.7981])  # Sumy
    assert not page.evaluate(_CONTAINS_JS, ["UA.21", 49.9935, 36.2304])  # Kharkiv
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert "Natural Earth" in attribution and "GeoNames" in attribution


def test_popup_says_when_an_outline_is_approximate(open_page, outline_pages):
    page, log = open_page(outline_pages["cdn"])
    for pid, approximate in (("UA.21", False), ("MD.99", True)):
        page.evaluate(f"""() => Object.values(window.geomapMaps)[0].layerOf("{pid}").openPopup()""")
        text = page.locator(".leaflet-popup-content").inner_text()
        assert ("approximate outline" in text) is approximate, pid
        page.evaluate("""() => Object.values(window.geomapMaps)[0].map.closePopup()""")
    log.assert_clean()


def test_offline_basemap_draws_the_boundaries_near_the_claims(open_page, outline_pages):
    page, log = open_page(outline_pages["offline"])
    log.assert_clean()
    assert page.locator("path.geomap-outline").count() >= 1
    assert page.locator("path.geomap-outline-border").count() >= 1
    # regions near the claims only: the borders stop well short of the Urals
    east = page.evaluate(
        """() => { let e = -180; Object.values(window.geomapMaps)[0].map.eachLayer(l => {
                     const el = l.getElement && l.getElement();
                     if (el && el.classList.contains("geomap-outline-border"))
                       e = Math.max(e, l.getBounds().getEast()); });
                   return e; }"""
    )
    assert 38 < east < 50
    assert "Natural Earth" in page.locator(".leaflet-control-attribution").inner_text()
