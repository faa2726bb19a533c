"""Reviewed claims and fronts over many dates, in real headless Chromium (see fixtures_browser).

Rejected claims are left out of the map unless asked for, and then shown struck through, never
counting for a place's style or the fronts; confirmed claims are marked. With hundreds of dates
the fronts still follow the slider, and the page says which date they are as of when the work
budget left a holder change without a step of its own.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta

import pytest

from geomap.records import ClaimRecord, PlaceRef, SourceRecord
from geomap.render import build_map, map_html
from geomap.render.features import claims_payload
from geomap.render.mapbuild import front_steps, holder_changes, sample_dates
from geomap.render.samples import CHASIV_YAR, KOSTIANTYNIVKA, TORETSK, sample_claims
from geomap.render.styles import place_category

API = "Object.values(window.geomapMaps)[0]"
SETTLEMENTS = 5
REJECTED_QUOTE = "forces seized the town"


def reviewed_claims() -> list[ClaimRecord]:
    """The sample claims with Russia's Toretsk capture and the only Chasiv Yar claim rejected,
    and Kostiantynivka's claim confirmed."""
    out = []
    for c in sample_claims():
        if c.place.id == TORETSK.id and c.side == "russia":
            c = dataclasses.replace(c, review_status="rejected")
        elif c.place.id == CHASIV_YAR.id:
            c = dataclasses.replace(c, review_status="rejected")
        elif c.place.id == KOSTIANTYNIVKA.id:
            c = dataclasses.replace(c, review_status="confirmed")
        out.append(c)
    return out


def _popup_text(page, pid: str) -> str:
    page.evaluate(f"{API}.map.closePopup()")
    page.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    page.evaluate(f"{API}.layerOf('{pid}').openPopup()")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    return popup.inner_text()


def test_rejected_claims_count_for_nothing_in_python():
    claims = reviewed_claims()
    toretsk = [c for c in claims if c.place.id == TORETSK.id]
    assert place_category(toretsk) == "ukraine"  # Russia's rejected capture does not contest it
    assert place_category([c for c in claims if c.place.id == CHASIV_YAR.id]) == "rejected"
    # The fronts leave the rejected capture out: no disputed zone anywhere.
    steps = front_steps(claims)
    assert steps and all("contested" not in s[1]["both"] for s in steps)
    # The payload carries review marks only on reviewed claims.
    rows = {
        f["properties"]["id"]: f["properties"]["c"]
        for f in claims_payload(claims)["places"]["features"]
    }
    assert [len(r) for r in rows[KOSTIANTYNIVKA.id]] == [8]
    assert rows[KOSTIANTYNIVKA.id][0][6:] == ["", 1]
    assert all(len(r) <= 7 for r in rows["713122"])


@pytest.mark.browser
def test_rejected_claims_are_not_drawn_by_default(open_page, tmp_path):
    path = tmp_path / "reviewed.html"
    html = map_html(build_map(reviewed_claims()))
    assert REJECTED_QUOTE not in html and "Chasiv Yar" not in html  # not even in the data
    path.write_text(html, encoding="utf-8")
    page, log = open_page(path)
    log.assert_clean()
    assert page.locator("path.geomap-place").count() == SETTLEMENTS - 1  # Chasiv Yar gone
    assert page.evaluate(f"{API}.categoryOf('{TORETSK.id}')") == "ukraine"
    assert page.locator("path.geomap-front-zone").count() == 0
    assert page.locator(".geomap-legend-row[data-category]").count() == 6  # no rejected row
    assert page.locator(".leaflet-control-layers label", has_text="Rejected").count() == 0
    text = _popup_text(page, TORETSK.id)
    assert "2 claims" in text and "rejected" not in text
    assert "Claimed by Ukraine" in text
    text = _popup_text(page, KOSTIANTYNIVKA.id)
    assert "\u2713 confirmed" in text
    confirmed = page.locator(".leaflet-popup-content .geomap-claim-confirmed")
    assert confirmed.count() == 1 and confirmed.is_visible()


@pytest.mark.browser
def test_show_rejected_marks_them_and_they_toggle(open_page, tmp_path):
    path = tmp_path / "rejected.html"
    path.write_text(map_html(build_map(reviewed_claims(), show_rejected=True)), "utf-8")
    page, log = open_page(path)
    log.assert_clean()
    assert page.locator("path.geomap-place").count() == SETTLEMENTS
    # A place with only rejected claims: a hollow marker in its own legend category.
    assert page.evaluate(f"{API}.categoryOf('{CHASIV_YAR.id}')") == "rejected"
    chasiv = page.locator(f'path[data-place-id="{CHASIV_YAR.id}"]')
    assert chasiv.get_attribute("fill-opacity") == "0"
    assert page.locator('.geomap-legend-row[data-category="rejected"]').is_visible()
    # Rejected claims still count for nothing: Toretsk stays Ukraine's, no disputed zone.
    assert page.evaluate(f"{API}.categoryOf('{TORETSK.id}')") == "ukraine"
    assert page.locator("path.geomap-front-zone").count() == 0
    text = _popup_text(page, TORETSK.id)
    assert "3 claims" in text and "\u2717 rejected" in text and REJECTED_QUOTE in text
    item = page.locator(".leaflet-popup-content li.geomap-claim-rejected")
    assert item.count() == 1 and REJECTED_QUOTE in item.inner_text()
    deco = item.locator(".geomap-claim-quote").evaluate(
        "e => getComputedStyle(e).textDecorationLine"
    )
    assert deco == "line-through"
    assert (
        page.locator(
            ".leaflet-popup-content li.geomap-claim:not(.geomap-claim-rejected) .geomap-claim-quote"
        ).first.evaluate("e => getComputedStyle(e).textDecorationLine")
        == "none"
    )
    page.evaluate(f"{API}.map.closePopup()")
    # The "Rejected claims" layer hides them again.
    page.locator(".leaflet-control-layers label", has_text="Rejected claims").click()
    assert page.locator("path.geomap-place").count() == SETTLEMENTS - 1
    text = _popup_text(page, TORETSK.id)
    assert "2 of 3 claims" in text and REJECTED_QUOTE not in text
    log.assert_clean()


def test_cli_map_leaves_rejected_out_unless_asked(tmp_path):
    from click.testing import CliRunner

    from geomap.cli import main
    from geomap.store import open_store

    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with open_store(url) as store:
        store.import_claims(reviewed_claims())
    out = tmp_path / "m.html"
    r = CliRunner().invoke(main, ["map", "--db", url, "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "2 rejected claim(s) left out, --show-rejected shows them" in r.output
    assert REJECTED_QUOTE not in out.read_text()
    r = CliRunner().invoke(
        main, ["map", "--db", url, "-o", str(out), "--show-rejected"], catch_exceptions=False
    )
    assert r.exit_code == 0 and "left out" not in r.output
    assert REJECTED_QUOTE in out.read_text()
    assert '"hasRejected":true' in out.read_text()


# --- fronts over many dates -----------------------------------------------------------------

START = date(2025, 1, 1)
GRID = [(48.0 + 0.12 * r, 37.0 + 0.15 * k) for r in range(5) for k in range(6)]
# Column k < 3 held by Ukraine, k >= 3 by Russia; the town at row 2, column 2 falls late.
LATE = 2 * 6 + 2
LATE_DAY = 230


def _place(i: int) -> PlaceRef:
    lat, lon = GRID[i]
    return PlaceRef(
        id=str(900000 + i), name=f"Town {i}", precision="settlement", lat=lat, lon=lon, country="UA"
    )


def many_dates_claims(flips: tuple[int, ...] = ()) -> list[ClaimRecord]:
    """250 days of daily reporting over 30 towns: control claims on day 0, a fighting claim
    every day, the LATE town captured on LATE_DAY, and other towns flipping on `flips` days."""
    src = SourceRecord(url="https://news.example.org/daily", title="Daily", outlet="Wire")
    out = []
    for i in range(len(GRID)):
        side = "ukraine" if i % 6 < 3 else "russia"
        out.append(
            ClaimRecord(
                place=_place(i),
                side=side,
                type="holding" if side == "ukraine" else "captured",
                claim_date=START,
                source=src,
            )
        )
    for d in range(1, 250):
        out.append(
            ClaimRecord(
                place=_place(d % len(GRID)),
                side="third-party",
                type="fighting",
                claim_date=START + timedelta(days=d),
                source=src,
            )
        )
    out.append(
        ClaimRecord(
            place=_place(LATE),
            side="russia",
            type="captured",
            claim_date=START + timedelta(days=LATE_DAY),
            source=src,
        )
    )
    out.append(
        ClaimRecord(
            place=_place(LATE),
            side="ukraine",
            type="withdrawn",
            claim_date=START + timedelta(days=LATE_DAY),
            source=src,
        )
    )
    for n, day in enumerate(flips):  # towns in column 3 go to Ukraine, one by one
        out.append(
            ClaimRecord(
                place=_place(n * 6 + 3),
                side="ukraine",
                type="captured",
                claim_date=START + timedelta(days=day),
                source=src,
            )
        )
        out.append(
            ClaimRecord(
                place=_place(n * 6 + 3),
                side="russia",
                type="withdrawn",
                claim_date=START + timedelta(days=day),
                source=src,
            )
        )
    return out


def _day(n: int) -> str:
    return (START + timedelta(days=n)).isoformat()


def test_front_steps_cover_every_holder_change_among_many_dates():
    claims = many_dates_claims()
    assert len({c.claim_date for c in claims}) == 250
    steps = front_steps(claims)
    assert [s[0] for s in steps] == [_day(0), _day(LATE_DAY)]
    assert all(s[3] is None for s in steps)
    # Thinned: the first change and the last always get a step; skipped changes are flagged.
    claims = many_dates_claims(flips=(100, 150, 170))
    dated = sorted(
        (
            (c.claim_date.isoformat(), c)
            for c in claims
            if c.type in ("captured", "holding", "withdrawn")
        ),
        key=lambda lc: lc[0],
    )
    changes = sorted(holder_changes(dated))
    assert changes == [_day(d) for d in (0, 100, 150, 170, LATE_DAY)]
    assert sample_dates(changes, 3) == [_day(0), _day(150), _day(LATE_DAY)]
    steps = front_steps(claims, max_work=3 * (30 + 50))
    assert [(s[0], s[3]) for s in steps] == [
        (_day(0), _day(100)),
        (_day(150), _day(170)),
        (_day(LATE_DAY), None),
    ]


def _red_area(page) -> list[str]:
    from geomap.render.styles import SIDE_COLORS

    return page.evaluate(
        "c => [...document.querySelectorAll('path.geomap-front-area')]"
        ".filter(p => p.getAttribute('stroke') === c).map(p => p.getAttribute('d'))",
        SIDE_COLORS["russia"],
    )


@pytest.mark.browser
def test_fronts_follow_the_slider_over_250_dates(open_page, tmp_path):
    path = tmp_path / "daily.html"
    path.write_text(
        map_html(build_map(many_dates_claims(flips=(100, 150, 170)), max_front_work=3 * (30 + 50))),
        encoding="utf-8",
    )
    page, log = open_page(path)
    log.assert_clean()
    dates = page.evaluate(f"{API}.dates")
    assert len(dates) == 250

    def slide(day: int) -> None:
        page.evaluate(f"{API}.setIndex({dates.index(_day(day))})")

    note = page.locator(".geomap-legend .geomap-fronts-asof")
    slider_note = page.locator(".geomap-timeline .geomap-fronts-asof")
    slide(LATE_DAY - 5)
    before = _red_area(page)
    assert before
    slide(LATE_DAY - 40)  # after the day-170 change, which has no step: the page says so
    assert page.evaluate(f"{API}.frontsNote()") == f"fronts as of {_day(150)}"
    assert note.is_visible() and _day(150) in note.inner_text()
    assert _day(150) in slider_note.inner_text()
    slide(LATE_DAY)  # the late capture: Russia's area grows
    after = _red_area(page)
    assert after != before
    assert page.evaluate(f"{API}.frontsNote()") == ""
    assert not note.is_visible() and slider_note.inner_text() == ""
    slide(249)
    assert _red_area(page) == after
    slide(160)  # after a step, before the change it skipped: exact, no note
    assert page.evaluate(f"{API}.frontsNote()") == ""
    slide(LATE_DAY - 5)
    assert _red_area(page) == before
    # The end state equals the fronts computed from all claims (the last step is exact).
    from geomap.render.fronts import compute_fronts, fronts_geojson

    shapes = page.evaluate(f"{API}.data.frontShapes")
    last = page.evaluate(f"{API}.data.frontSteps")[-1][1]["both"]
    expect = fronts_geojson(compute_fronts(many_dates_claims(flips=(100, 150, 170))))
    assert shapes[last] == json.loads(json.dumps(expect))
    log.assert_clean()


def test_report_leaves_rejected_out_or_strikes_them_through():
    from geomap.render.report import build_report

    html = build_report(reviewed_claims())
    assert "2 claim(s) reviewed as rejected are left out." in html
    assert REJECTED_QUOTE not in html and "Chasiv Yar" not in html
    assert "\u2713 confirmed" in html
    assert "6 claims about 5 places" in html  # the summary counts kept claims only
    html = build_report(reviewed_claims(), show_rejected=True)
    assert "listed struck through and count for nothing" in html
    assert html.count("<tr class='rejected'>") == 2 and REJECTED_QUOTE in html
    assert "6 claims about 5 places" in html
    assert "Only rejected claims" in html  # Chasiv Yar's section says so


@pytest.mark.browser
def test_one_fronts_step_says_it_is_as_of_the_end(open_page, tmp_path):
    """With room for one step the fronts of the last change show at every slider position,
    and before that date the page says which date they are as of."""
    path = tmp_path / "one.html"
    path.write_text(map_html(build_map(sample_claims(), max_front_steps=1)), encoding="utf-8")
    page, log = open_page(path)
    page.evaluate(f"{API}.setIndex(0)")
    assert page.locator("path.geomap-front-zone").count() == 1  # the end state, labelled
    assert page.evaluate(f"{API}.frontsNote()") == "fronts as of 2025-02-08"
    assert "fronts as of 2025-02-08" in page.locator(".geomap-timeline").inner_text()
    page.evaluate(f"{API}.setIndex({API}.dates.length - 1)")
    assert page.evaluate(f"{API}.frontsNote()") == ""
    log.assert_clean()
