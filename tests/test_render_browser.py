"""The written HTML in real headless Chromium, with the network cut off (see fixtures_browser)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from geomap.render import build_map, map_html
from geomap.render.report import build_report
from geomap.render.samples import TORETSK as TORETSK_PLACE
from geomap.render.samples import XSS_IMG, XSS_SCRIPT, XSS_TEMPLATE, sample_claims

pytestmark = pytest.mark.browser

SETTLEMENTS = 5
REGIONS = 1
TORETSK = '[data-place-id="709354"]'


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The sample claims written as a CDN page, an offline page, a fragment host and a report."""
    d = tmp_path_factory.mktemp("render_pages")
    claims = sample_claims()
    out = {
        "cdn": d / "cdn.html",
        "offline": d / "offline.html",
        "host": d / "host.html",
        "report": d / "report.html",
    }
    out["cdn"].write_text(map_html(build_map(claims, play_ms=80)), encoding="utf-8")
    frag = map_html(build_map(claims, height="500px"), fragment=True)
    out["host"].write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>host</title>"
        "<script>window.jQuery = {host: true};</script></head><body>"
        "<h1 id='host-title'>A host page</h1>" + frag + "<p id='after'>after the map</p>"
        "</body></html>",
        encoding="utf-8",
    )
    out["report"].write_text(build_report(claims), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def offline_page(pages, map_assets_dir) -> Path:
    p = pages["cdn"].parent / "offline.html"
    p.write_text(map_html(build_map(sample_claims(), offline=True), offline=True), "utf-8")
    return p


def _count(page, sel: str) -> int:
    return page.locator(sel).count()


def _not_pwned(page, log) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not log.dialogs
    assert page.locator('img[src="x"]').count() == 0


def test_cdn_page_loads_from_local_copies_without_errors(open_page, pages):
    page, log = open_page(pages["cdn"])
    log.assert_clean()
    assert any(u.endswith("/leaflet.js") for u in log.served)
    assert log.tiles > 0  # the OSM layer asked for tiles (served blank)
    assert _count(page, "path.geomap-place") == SETTLEMENTS
    assert _count(page, "path.geomap-region") == REGIONS
    assert _count(page, ".geomap-legend-row[data-category]") == 6
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert "OpenStreetMap" in attribution and "GeoNames" in attribution
    _not_pwned(page, log)


def test_popup_lists_claims_oldest_first_as_text(open_page, pages):
    page, log = open_page(pages["cdn"])
    page.locator(TORETSK).click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Toretsk" in text and "Contested" in text and "3 claims" in text
    # Oldest first (as the issue asks); on the same day the later-stored claim, the one that
    # counts, comes last and is numbered 3.
    assert text.index("Russian Defence Ministry") < text.index("brigade press officer")
    values = popup.locator("li.geomap-claim").evaluate_all("els => els.map(li => li.value)")
    assert values == [1, 2, 3]  # numbered in date order, whichever order is shown
    popup.locator("button.geomap-popup-order").click()
    text = popup.inner_text()
    assert text.index("brigade press officer") < text.index("Russian Defence Ministry")
    assert "newest first" in text
    values = popup.locator("li.geomap-claim").evaluate_all("els => els.map(li => li.value)")
    assert values == [3, 2, 1]
    assert XSS_IMG in text and XSS_SCRIPT in text  # shown literally
    assert "as written: Dzerzhinsk" in text
    assert popup.locator("img, script, iframe").count() == 0
    hrefs = popup.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all(h.startswith(("https://", "http://")) for h in hrefs)
    # The javascript: source is a label, not a link.
    assert popup.locator("span.geomap-claim-source", has_text="Hostile").count() == 1
    _not_pwned(page, log)
    log.assert_clean()


def test_popup_with_200_claims_stays_usable(open_page, tmp_path):
    """A much-reported place: the popup shows the count, the oldest claims first, fits the
    window, scrolls its list (not the map), and renders 100 claims at a time."""
    from datetime import date, timedelta

    from geomap.records import ClaimRecord, SourceRecord

    src = SourceRecord(
        url="https://news.example.org/daily",
        title="Daily report",
        outlet="Example Wire",
        published=date(2024, 6, 1),
    )
    sides, types = ("russia", "ukraine", "third-party"), ("fighting", "strike", "assessment")
    claims = [
        ClaimRecord(
            place=TORETSK_PLACE,
            side=sides[i % 3],
            type=types[i % 3],
            claim_date=date(2024, 6, 1) + timedelta(days=i),
            claimant=f"speaker {i}",
            quote=f"claim number {i}: " + "shelling reported near the town " * 4,
            source=src,
        )
        for i in range(200)
    ]
    path = tmp_path / "busy.html"
    path.write_text(map_html(build_map(claims)), encoding="utf-8")
    page, log = open_page(path)
    api = "Object.values(window.geomapMaps)[0]"
    zoom = page.evaluate(f"{api}.map.getZoom()")
    page.locator(TORETSK).click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator(".geomap-popup-n").inner_text() == "200 claims"
    items = popup.locator("li.geomap-claim")
    assert items.count() == 100
    assert items.first.locator(".geomap-claim-date").inner_text() == "2024-06-01"
    assert "claim number 0:" in items.first.inner_text()
    numbers = "els => els.map(li => li.value)"
    assert items.evaluate_all(numbers)[:2] == [1, 2]  # chronological numbers
    box = page.locator(".leaflet-popup").bounding_box()
    assert box["height"] < 500 and box["y"] >= 0  # fits the 800 px window, header included
    lst = popup.locator("ol.geomap-claims")
    assert lst.evaluate("ol => ol.scrollHeight > 3 * ol.clientHeight")
    lst.hover()
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(300)
    assert lst.evaluate("ol => ol.scrollTop") > 0
    assert page.evaluate(f"{api}.map.getZoom()") == zoom  # the wheel scrolled the list only
    assert popup.locator(".geomap-popup-title").is_visible()  # the header stays in view
    more = popup.locator("button.geomap-popup-more")
    assert more.inner_text() == "show 100 more (100 not shown)"
    more.click()
    assert items.count() == 200 and not more.is_visible()
    assert "claim number 199" in items.last.inner_text()
    assert items.evaluate_all(numbers)[-1] == 200
    popup.locator("button.geomap-popup-order").click()
    assert "claim number 199" in items.first.inner_text() and items.count() == 100
    assert items.evaluate_all(numbers)[:2] == [200, 199]
    # The slider also filters the popup; the count says how many are left out.
    page.evaluate(f"{api}.setIndex(49)")
    page.locator(TORETSK).click()
    assert popup.locator(".geomap-popup-n").inner_text().startswith("50 of 200 claims")
    assert items.count() == 50 and not more.is_visible()
    _not_pwned(page, log)
    log.assert_clean()


def test_open_popup_is_never_under_the_legend(open_page, tmp_path):
    """Controls stack above popups, so the legend folds while a popup would lie under it and
    unfolds when the popup closes."""
    path = tmp_path / "small.html"
    path.write_text(map_html(build_map(sample_claims(), height="520px")), encoding="utf-8")
    page, log = open_page(path, width=700, height=560)
    api = "Object.values(window.geomapMaps)[0]"
    rows = page.locator(".geomap-legend-row[data-category]")
    assert rows.first.is_visible()  # the map is tall enough for an unfolded legend
    page.evaluate(f"{api}.map.setZoom(9)")
    page.wait_for_timeout(300)
    folded = 0
    for pid in ("709354", "710915", "713122", "704147", "708581"):
        page.evaluate(f"{api}.layerOf('{pid}').openPopup()")
        page.wait_for_timeout(350)  # autopan
        overlap = page.evaluate("""() => {
            const a = document.querySelector('.leaflet-popup').getBoundingClientRect();
            const rows = [...document.querySelectorAll('.geomap-legend-row')]
                .filter(r => r.offsetParent !== null).map(r => r.getBoundingClientRect());
            return rows.some(b => a.left < b.right && b.left < a.right
                                  && a.top < b.bottom && b.top < a.bottom); }""")
        assert not overlap, pid
        folded += not rows.first.is_visible()
        page.evaluate(f"{api}.map.closePopup()")
        assert rows.first.is_visible()
    assert folded >= 1  # the check did meet a popup under the legend
    log.assert_clean()


def test_template_payload_in_region_popup_is_text(open_page, pages):
    page, log = open_page(pages["cdn"])
    page.evaluate("""() => {
        const api = Object.values(window.geomapMaps)[0];
        api.layerOf("UA.21").openPopup();
    }""")
    text = page.locator(".leaflet-popup-content").inner_text()
    assert "Sumy Oblast (region)" in text and XSS_TEMPLATE in text
    _not_pwned(page, log)
    log.assert_clean()


def test_tooltip_is_the_name(open_page, pages):
    page, log = open_page(pages["cdn"])
    page.locator('[data-place-id="704147"]').hover()
    tip = page.locator(".leaflet-tooltip")
    tip.wait_for()
    assert tip.inner_text().strip() == "Kostiantynivka"
    log.assert_clean()


def test_time_slider_changes_what_is_shown(open_page, pages):
    page, log = open_page(pages["cdn"])
    slider = page.locator("input.geomap-slider")
    label = page.locator(".geomap-asof")
    assert "2025-02-08" in label.inner_text()
    slider.focus()
    page.keyboard.press("Home")
    assert "2024-02" in label.inner_text()
    assert _count(page, "path.geomap-place") == 1  # only Avdiivka was claimed by then
    assert _count(page, "path.geomap-region") == 0
    # The fronts follow: Russia's area around Avdiivka, no disputed zone yet.
    assert _count(page, "path.geomap-front-area") == 1
    assert _count(page, "path.geomap-front-zone") == 0
    page.keyboard.press("ArrowRight")
    assert _count(page, "path.geomap-region") == 1  # the region strike of 2024-11
    page.keyboard.press("End")
    assert _count(page, "path.geomap-place") == SETTLEMENTS
    assert _count(page, "path.geomap-front-zone") == 1  # Toretsk
    # Play from the start: the map steps through the dates and ends with everything shown.
    page.keyboard.press("Home")
    page.locator("button.geomap-play").click()
    page.wait_for_function(
        "() => document.querySelector('.geomap-asof').textContent.includes('2025-02-08')",
        timeout=5000,
    )
    assert _count(page, "path.geomap-place") == SETTLEMENTS
    log.assert_clean()


def test_layers_toggle(open_page, pages):
    page, log = open_page(pages["cdn"])
    api = "Object.values(window.geomapMaps)[0]"
    assert page.evaluate(f"{api}.categoryOf('709354')") == "contested"
    control = page.locator(".leaflet-control-layers")
    control.locator("label", has_text="Claims by Russia").click()
    # Places only Russia spoke about disappear; Toretsk shows Ukraine's claims alone.
    assert _count(page, "path.geomap-place") == SETTLEMENTS - 2
    assert page.evaluate(f"{api}.categoryOf('709354')") == "ukraine"
    control.locator("label", has_text="Claims by Russia").click()
    assert _count(page, "path.geomap-place") == SETTLEMENTS
    lines = _count(page, "path.geomap-front-line")
    assert lines >= 1 and _count(page, "path.geomap-front-zone") >= 1
    control.locator("label", has_text="Russia's claimed area and line").click()
    assert _count(page, "path.geomap-front-line") < lines
    control.locator("label", has_text="Disputed zone").click()
    assert _count(page, "path.geomap-front-zone") == 0
    control.locator("label", has_text="Claimed places").click()
    assert _count(page, "path.geomap-place") == 0
    log.assert_clean()


def _front_strokes(page) -> dict[str, list[str]]:
    return page.evaluate("""() => Object.fromEntries(
        ['geomap-front-area', 'geomap-front-line', 'geomap-front-zone'].map(c => [c,
          [...document.querySelectorAll('path.' + c)].map(p => p.getAttribute('stroke'))]))""")


def test_fronts_follow_the_side_layers(open_page, pages):
    """Hiding a side's claims takes them out of the fronts too: the page then draws the fronts
    of the other side's claims alone (no disputed zone: one side never disagrees with itself)."""
    from geomap.render.styles import SIDE_COLORS

    red, blue = SIDE_COLORS["russia"], SIDE_COLORS["ukraine"]
    page, log = open_page(pages["cdn"])
    api = "Object.values(window.geomapMaps)[0]"
    control = page.locator(".leaflet-control-layers")
    both = _front_strokes(page)
    assert sorted(both["geomap-front-area"]) == sorted([red, blue])
    assert len(both["geomap-front-zone"]) == 1
    control.locator("label", has_text="Claims by Ukraine").click()
    assert page.evaluate(f"{api}.frontView()") == "russia"
    ru = _front_strokes(page)
    assert ru["geomap-front-area"] == [red] and ru["geomap-front-zone"] == []
    assert ru["geomap-front-line"] and set(ru["geomap-front-line"]) == {red}
    control.locator("label", has_text="Claims by Russia").click()  # neither side shown
    assert page.evaluate(f"{api}.frontView()") is None
    assert (
        _count(page, "path.geomap-front-area, path.geomap-front-line, path.geomap-front-zone") == 0
    )
    control.locator("label", has_text="Claims by Ukraine").click()
    ua = _front_strokes(page)
    assert ua["geomap-front-area"] == [blue] and ua["geomap-front-zone"] == []
    assert set(ua["geomap-front-line"]) == {blue}
    # Third-party claims never draw fronts: their toggle leaves the fronts as they are.
    control.locator("label", has_text="Claims by Third party").click()
    assert _front_strokes(page) == ua
    control.locator("label", has_text="Claims by Third party").click()
    control.locator("label", has_text="Claims by Russia").click()
    assert _front_strokes(page) == both
    # The views follow the slider too: at the start only Russia had claimed a place.
    control.locator("label", has_text="Claims by Russia").click()
    page.locator("input.geomap-slider").focus()
    page.keyboard.press("Home")
    assert _count(page, "path.geomap-front-area") == 0
    control.locator("label", has_text="Claims by Russia").click()
    assert _front_strokes(page)["geomap-front-area"] == [red]
    log.assert_clean()


def test_offline_page_needs_no_network(open_page, offline_page):
    page, log = open_page(offline_page)
    log.assert_clean()
    assert log.served == [] and log.tiles == 0
    assert _count(page, "path.geomap-place") == SETTLEMENTS
    assert _count(page, "path.geomap-region") == REGIONS
    assert _count(page, "path.geomap-outline") >= 1
    assert _count(page, ".leaflet-tile") == 0
    _not_pwned(page, log)


def test_fragment_works_inside_a_host_page(open_page, pages):
    page, log = open_page(pages["host"])
    log.assert_clean()
    assert page.locator("#host-title").is_visible() and page.locator("#after").is_visible()
    assert _count(page, "path.geomap-place") == SETTLEMENTS
    box = page.locator(".folium-map").bounding_box()
    assert box and 450 <= box["height"] <= 550
    # The fragment brings Leaflet only: the host's own jQuery and styles are left alone.
    assert page.evaluate("window.jQuery.host") is True
    assert (
        page.evaluate("getComputedStyle(document.querySelector('#host-title')).fontSize") == "32px"
    )
    assert page.evaluate("getComputedStyle(document.body).margin") == "8px"
    _not_pwned(page, log)


def _two_maps_page(path: Path, parts: list[str]) -> Path:
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>two</title></head><body>"
        "<h1>Two embedded pieces</h1>" + "<hr>".join(parts) + "<p id='after'>end</p>"
        "</body></html>",
        encoding="utf-8",
    )
    return path


def _map_root(page, i: int):
    return page.locator(".folium-map").nth(i)


def test_two_map_fragments_on_one_page_work_independently(open_page, tmp_path):
    """Each fragment carries its own asset tags; the second copy of Leaflet must not break the
    first map (its later drawing keeps using the Leaflet it was built with) and ids differ."""
    claims = sample_claims()
    first = map_html(build_map(claims, height="420px", play_ms=80), fragment=True)
    second = map_html(build_map(claims[3:7], height="420px"), fragment=True)  # Toretsk, Chasiv Yar
    page, log = open_page(_two_maps_page(tmp_path / "two.html", [first, second]))
    log.assert_clean()
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)) and len(ids) >= 2
    m1, m2 = _map_root(page, 0), _map_root(page, 1)
    assert m1.locator("path.geomap-place").count() == SETTLEMENTS
    assert m2.locator("path.geomap-place").count() == 2
    assert page.evaluate("Object.keys(window.geomapMaps).length") == 2
    # Toggling a side in the first map changes the first map (markers and fronts) only.
    zones2 = m2.locator("path.geomap-front-zone").count()
    assert zones2 == 1
    m1.locator(".leaflet-control-layers label", has_text="Claims by Ukraine").click()
    assert m1.locator("path.geomap-place").count() == SETTLEMENTS - 1  # Kostiantynivka goes
    assert m1.locator("path.geomap-front-zone").count() == 0
    assert m1.locator("path.geomap-front-area").count() == 1
    assert m2.locator("path.geomap-place").count() == 2
    assert m2.locator("path.geomap-front-zone").count() == zones2
    m1.locator(".leaflet-control-layers label", has_text="Claims by Ukraine").click()
    assert m1.locator("path.geomap-front-zone").count() == 1
    # The first map's slider and popups still work after the second Leaflet loaded.
    m1.locator("input.geomap-slider").focus()
    page.keyboard.press("Home")
    assert m1.locator("path.geomap-place").count() == 1
    assert m2.locator("path.geomap-place").count() == 2
    page.keyboard.press("End")
    m1.locator(TORETSK).click()
    popup = m1.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Toretsk" in popup.inner_text()
    m2.locator('[data-place-id="710915"]').click()
    popup2 = m2.locator(".leaflet-popup-content")
    popup2.wait_for()
    assert "Chasiv Yar" in popup2.inner_text()
    # A drag pans the map under the pointer, not the other one.
    c1 = page.evaluate("() => Object.values(window.geomapMaps).map(a => a.map.getCenter().lng)")
    m2.scroll_into_view_if_needed()
    box = m2.bounding_box()
    page.mouse.move(box["x"] + 300, box["y"] + 120)
    page.mouse.down()
    page.mouse.move(box["x"] + 420, box["y"] + 120, steps=5)
    page.mouse.up()
    c2 = page.evaluate("() => Object.values(window.geomapMaps).map(a => a.map.getCenter().lng)")
    assert c2[0] == c1[0] and c2[1] < c1[1]
    _not_pwned(page, log)
    log.assert_clean()


def test_two_report_fragments_on_one_page(open_page, tmp_path):
    """Two `report --fragment`s in one host page: both maps work, ids do not collide, links
    stay inside their own report, hostile text stays text, and the host keeps its styling."""
    claims = sample_claims()
    one = build_report(claims, title=f"First {XSS_IMG}", fragment=True)
    two = build_report(claims[3:7], title="Second", fragment=True)
    page, log = open_page(_two_maps_page(tmp_path / "reports.html", [one, two]))
    log.assert_clean()
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    reports = page.locator("div.geomap-report")
    assert reports.count() == 2
    r1, r2 = reports.nth(0), reports.nth(1)
    assert r1.locator("section.place").count() == 6 and r2.locator("section.place").count() == 2
    assert r1.locator("path.geomap-place").count() == SETTLEMENTS
    assert r2.locator("path.geomap-place").count() == 2
    assert XSS_IMG in r1.locator("h1").inner_text()
    # Each report's "contested" link jumps to its own Toretsk section.
    for r in (r1, r2):
        link = r.locator("ul.contested a", has_text="Toretsk")
        target = link.get_attribute("href")
        assert r.locator(target).count() == 1  # the id lives inside this report
        link.click()
        assert page.evaluate("location.hash") == target
    assert r1.locator("ul.contested a").get_attribute("href") != r2.locator(
        "ul.contested a"
    ).get_attribute("href")
    # Both maps respond: a side toggle in the second map leaves the first alone.
    r2.locator(".leaflet-control-layers label", has_text="Claims by Russia").click()
    assert r2.locator("path.geomap-place").count() == 1  # Toretsk, on Ukraine's claims
    assert r2.locator("path.geomap-front-zone").count() == 0
    assert r1.locator("path.geomap-place").count() == SETTLEMENTS
    r1.locator("path" + TORETSK).click()
    r1.locator(".leaflet-popup-content").wait_for()
    assert "Toretsk" in r1.locator(".leaflet-popup-content").inner_text()
    # The report's styles stay inside it: the host's heading keeps the browser default size.
    sizes = page.evaluate("""() => [document.querySelector('body > h1'),
        document.querySelector('.geomap-report h1')].map(e => getComputedStyle(e).fontSize)""")
    assert sizes == ["32px", "22px"]
    _not_pwned(page, log)
    log.assert_clean()


def test_report_page(open_page, pages):
    page, log = open_page(pages["report"])
    log.assert_clean()
    assert _count(page, "section.place") == 6
    assert _count(page, "path.geomap-place") == SETTLEMENTS
    body = page.locator("body").inner_text()
    assert XSS_IMG in body and XSS_SCRIPT in body
    assert "Contested places (1)" in body
    hrefs = page.locator("section.place a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    assert hrefs and all(h.startswith(("https://", "http://")) for h in hrefs)
    _not_pwned(page, log)


def test_demo_map_screenshot(open_page, tmp_path, project_root):
    """The demo's map loads cleanly and is screenshotted; GEOMAP_UPDATE_DEMO=1 also refreshes
    the committed maps/demo.html and maps/demo.png from this run."""
    from geomap.demo import example_articles, run_demo

    assert example_articles(), "no example articles in geomap/examples"
    res = run_demo(tmp_path / "demo.html")
    assert res.claims, "the demo extracted no claims"
    page, log = open_page(res.html_path)
    log.assert_clean()
    shown = _count(page, "path.geomap-place") + _count(page, "path.geomap-region")
    assert shown == len({c.place.id for c in res.claims})
    shot = tmp_path / "demo.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("GEOMAP_UPDATE_DEMO") == "1":
        shutil.copyfile(res.html_path, project_root / "maps" / "demo.html")
        shutil.copyfile(shot, project_root / "maps" / "demo.png")


def test_page_classifies_places_like_python(open_page, tmp_path):
    """The JS reimplements the control rule; on random claims it must agree with Python's."""
    from datetime import date, timedelta

    from geomap.render.samples import synthetic_claims
    from geomap.render.styles import place_category

    claims = synthetic_claims(400, 60, seed=7)
    for i, c in enumerate(claims):  # few dates, so sides often speak on the same day
        c.claim_date = date(2025, 1, 1) + timedelta(days=i % 5)
        # Reviews too: rejected claims count for nothing, on both sides of the comparison.
        c.review_status = ("unreviewed", "confirmed", "rejected", "unreviewed")[(i * 7) % 4]
    for c in claims:  # one place with nothing but rejected claims
        if c.place.id == claims[0].place.id:
            c.review_status = "rejected"
    path = tmp_path / "random.html"
    path.write_text(map_html(build_map(claims, fronts=False, show_rejected=True)), encoding="utf-8")
    page, log = open_page(path)
    log.assert_clean()
    by_place: dict[str, list] = {}
    for c in claims:
        by_place.setdefault(c.place.id, []).append(c)
    expected = {pid: place_category(cs) for pid, cs in by_place.items()}
    got = page.evaluate(
        "ids => { const api = Object.values(window.geomapMaps)[0];"
        " return Object.fromEntries(ids.map(id => [id, api.categoryOf(id)])); }",
        list(expected),
    )
    assert got == expected
    assert len(set(expected.values())) >= 5  # the sample exercises several categories
    assert "rejected" in expected.values() and "contested" in expected.values()


def test_legend_folds(open_page, pages):
    page, log = open_page(pages["cdn"])
    rows = page.locator(".geomap-legend-row[data-category]")
    assert rows.first.is_visible()
    page.locator(".geomap-legend-title").click()
    assert not rows.first.is_visible()
    page.locator(".geomap-legend-title").click()
    assert rows.first.is_visible()
    log.assert_clean()


def test_popup_shows_the_rules_that_made_a_claim_as_text(open_page, tmp_path):
    """Provenance (issue 9): a claim's rule ids are listed in its popup entry, as text."""
    from datetime import date

    from geomap.records import ClaimRecord

    claims = [
        ClaimRecord(
            place=TORETSK_PLACE,
            side="russia",
            type="captured",
            claim_date=date(2025, 2, 7),
            claimant="Russian Defence Ministry",
            quote="Russian forces took the town.",
            rules=("attr.speech", "cue.captured.captur"),
        ),
        ClaimRecord(
            place=TORETSK_PLACE,
            side="ukraine",
            type="denied",
            claim_date=date(2025, 2, 7),
            claimant="Kyiv",
            quote="Kyiv denied it.",
            rules=("attr.denial", XSS_IMG),
        ),
        ClaimRecord(
            place=TORETSK_PLACE, side="ukraine", type="holding", claim_date=date(2025, 2, 8)
        ),
    ]
    page_path = tmp_path / "rules.html"
    page_path.write_text(map_html(build_map(claims)), encoding="utf-8")
    page, log = open_page(page_path)
    page.locator(TORETSK).click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    rules = popup.locator(".geomap-claim-rules").all_inner_texts()
    assert rules[0] == "rules: attr.speech cue.captured.captur"
    assert XSS_IMG in rules[1]  # shown literally
    assert len(rules) == 2  # the hand-made claim has none
    assert popup.inner_text().count("holding") == 1
    _not_pwned(page, log)
    log.assert_clean()
