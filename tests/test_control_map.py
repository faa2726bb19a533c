"""Assessed control on the map and in the report (issue 14): data, HTML, and real Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_control import DEEP, DEEPSTATE, ONLINE, WEST, _layers, claim

from geomap.control import import_layers
from geomap.control.mapdata import map_data
from geomap.records import SourceRecord
from geomap.render import build_map, map_html
from geomap.render.report import build_report
from geomap.store import open_store

XSS = '<img src="x" onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Stored claims (with ids) and the control data for them, from a SQLite store."""
    db = f"sqlite:///{tmp_path_factory.mktemp('ctl') / 'm.db'}"
    src = SourceRecord(url="https://news.example/ctl", title="Fixture report")
    with open_store(db) as store:
        import_layers(store, _layers(DEEPSTATE))
        store.import_claims([
            claim(WEST, "russia", "captured", "2025-02-02", source=src),  # 02-01: disagrees
            claim(DEEP, "ukraine", "holding", "2025-02-06", quote=XSS, claimant=XSS),
            claim(ONLINE, "russia", "captured", "2025-02-06"),  # on the line: agrees
            claim(WEST, "ukraine", "holding", "2025-02-20"),  # layers stale by then
        ])  # fmt: skip
        claims = store.claims()
        data = map_data(store, claims)
    return claims, data


def test_map_data_is_plain_and_keyed_by_claim(checked):
    claims, data = checked
    assert [r[:3] for r in data["layers"]] == [["deepstate", "russia", "2025-02-01"],
                                               ["deepstate", "russia", "2025-02-05"]]  # fmt: skip
    assert len(data["shapes"]) == 2 and data["shapes"][1]["type"] in ("Polygon", "MultiPolygon")
    agrees = {c.place.name + c.claim_date.isoformat(): data["verdicts"].get(c.id, [None] * 3)[2]
              for c in claims}  # fmt: skip
    assert agrees == {"Westhorod2025-02-02": False, "Deepville2025-02-06": False,
                      "Linivka2025-02-06": True, "Westhorod2025-02-20": None}  # fmt: skip


def test_report_lists_the_disagreeing_claims_escaped(checked):
    claims, data = checked
    html = build_report(claims, control=data)
    section = html.split("Claims that disagree with the assessed map (2)</h2>")[1]
    section = section.split("<h2>")[0]
    assert section.count("<tr class='disagrees'") == 2
    assert "Westhorod" in section and "Deepville" in section and "Linivka" not in section
    assert "russia, 5.9 km inside its area" in section
    assert XSS not in html and "&lt;img" in section
    assert "Claims that disagree" not in build_report(claims)  # no layers: no section


@pytest.fixture(scope="module")
def control_page(checked, tmp_path_factory) -> Path:
    claims, data = checked
    path = tmp_path_factory.mktemp("ctl_page") / "control.html"
    path.write_text(map_html(build_map(claims, control=data)), encoding="utf-8")
    return path


API = "Object.values(window.geomapMaps)[0]"


def _at(page, day: str) -> list[str]:
    page.evaluate(f"{API}.setIndex({API}.dates.indexOf('{day}'))")
    return page.evaluate(f"{API}.controlShown()")


@pytest.mark.browser
def test_assessed_layer_follows_the_slider(open_page, control_page):
    page, log = open_page(control_page)
    log.assert_clean()
    assert "Assessed control (deepstate)" in page.locator(".leaflet-control-layers").inner_text()
    assert (
        "Assessed control: deepstate" in page.locator(".leaflet-control-attribution").inner_text()
    )
    assert _at(page, "2025-02-02") == ["deepstate russia 2025-02-01"]
    area = page.locator("path.geomap-control-area")
    assert area.count() == 1
    assert area.get_attribute("data-control") == "deepstate russia 2025-02-01"
    assert _at(page, "2025-02-06") == ["deepstate russia 2025-02-05"]
    assert area.get_attribute("data-control") == "deepstate russia 2025-02-05"
    assert _at(page, "2025-02-20") == []  # 15 days after the last layer: stale, none drawn
    assert area.count() == 0


@pytest.mark.browser
def test_disagreeing_claim_says_so_in_its_popup(open_page, control_page):
    page, log = open_page(control_page)
    _at(page, "2025-02-06")
    page.locator(f'[data-place-id="{DEEP.id}"]').click()
    popup = page.locator(".leaflet-popup-content")
    mark = popup.locator(".geomap-claim-disagrees")
    assert mark.count() == 1
    assert mark.inner_text() == (
        "\u2717 disagrees with the assessed map: deepstate 2025-02-05 shows it held by russia, "
        "5.9 km inside its area"
    )
    assert popup.locator("img").count() == 0 and XSS in popup.inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.evaluate(f"{API}.map.closePopup()")
    page.wait_for_selector(".leaflet-popup-content", state="detached")
    page.locator(f'[data-place-id="{ONLINE.id}"]').click()
    ok = page.locator(".leaflet-popup-content .geomap-claim-control")
    assert ok.inner_text().startswith("\u2713 agrees with the assessed map (deepstate 2025-02-05")


def test_map_and_report_commands_draw_the_stored_layers(tmp_path):
    from click.testing import CliRunner
    from fixtures_pg import make_claim

    from geomap.cli import main

    db = f"sqlite:///{tmp_path / 'cli.db'}"
    with open_store(db) as store:
        import_layers(store, _layers(DEEPSTATE))
        store.import_claims([make_claim("toretsk", "ukraine", "holding", "2025-02-07")])
    run = CliRunner().invoke
    res = run(main, ["map", "-o", str(tmp_path / "m.html"), "--tiles", "none", "--db", db])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "m.html").read_text()
    assert "Assessed control (deepstate)" in page and '"verdicts"' not in page
    assert '"marks":[["1001",0,"russia",-3.47,false,"deepstate","2025-02-05"]]' in page
    res = run(main, ["map", "-o", str(tmp_path / "n.html"), "--no-control", "--db", db])
    assert res.exit_code == 0 and "(deepstate)" not in (tmp_path / "n.html").read_text()
    res = run(main, ["report", "-o", str(tmp_path / "r.html"), "--tolerance", "1", "--db", db])
    assert res.exit_code == 0, res.output
    report = (tmp_path / "r.html").read_text()
    assert "Claims that disagree with the assessed map (1)" in report
    assert "more than 1.0 km inside the other side" in report


def test_source_names_are_escaped_in_the_layer_control(checked):
    claims, data = checked
    evil = {**data, "layers": [["</script><b>x</b>", *r[1:]] for r in data["layers"]]}
    page = map_html(build_map(claims, control=evil))
    assert "<b>x</b>" not in page  # folium writes the escaped name as \u0026lt;... in JSON
    assert "Assessed control (\\u0026lt;/script\\u0026gt;\\u0026lt;b\\u0026gt;x" in page
