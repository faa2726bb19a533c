"""build_map / map_html / payload / escaping, without a browser."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import folium
import pytest

from geomap.errors import GeomapError
from geomap.records import ClaimRecord, SourceRecord
from geomap.render import build_map, map_html
from geomap.render.features import claims_geojson, claims_payload, date_label, window
from geomap.render.safety import esc, json_for_script, safe_url
from geomap.render.samples import (
    SUMY_REGION,
    TORETSK,
    XSS_IMG,
    XSS_SCRIPT,
    sample_claims,
)
from geomap.render.styles import place_category


def test_json_for_script_escapes_markup_and_line_separators():
    obj = {"q": "</script><b>&amp;\u2028\u2029`${x}`"}
    text = json_for_script(obj)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == obj


@pytest.mark.parametrize(
    "url,ok",
    [
        ("https://a.example/x?y=1&z=2", True),
        ("HTTP://a.example/", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//evil.example/", False),
        ('https://a.example/"onmouseover=x', False),
        (None, False),
    ],
)
def test_safe_url_only_http(url, ok):
    assert (safe_url(url) is not None) is ok


def test_esc_escapes_quotes_and_tags():
    assert esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert esc(None) == ""


def test_payload_one_feature_per_place_claims_oldest_first():
    claims = sample_claims()
    p = claims_payload(list(reversed(claims)))
    feats = {f["properties"]["id"]: f for f in p["places"]["features"]}
    assert len(feats) == len({c.place.id for c in claims}) == 6
    toretsk = feats[TORETSK.id]["properties"]
    assert [row[0] for row in toretsk["c"]] == sorted(row[0] for row in toretsk["c"])
    assert len(toretsk["c"]) == 3
    # place as written kept when it differs from the canonical name
    assert any(len(row) == 7 and row[6] == "Dzerzhinsk" for row in toretsk["c"])
    region = feats[SUMY_REGION.id]
    assert region["geometry"]["type"] == "Polygon" and region["properties"]["r"] == 1
    assert feats[TORETSK.id]["geometry"] == {"type": "Point", "coordinates": [37.8473, 48.3985]}
    # sources listed once, non-http URLs dropped
    assert len(p["sources"]) == 3
    assert all(s[0] is None or s[0].startswith("http") for s in p["sources"])
    assert p["dates"] == sorted(set(p["dates"])) and p["dates"][0] == "2024-02"


def test_date_labels_follow_precision():
    c = sample_claims()[0]
    assert date_label(c) == "2024-02"
    undated = ClaimRecord(
        place=TORETSK,
        side="russia",
        type="captured",
        claim_date=None,
        source=SourceRecord(published=date(2025, 1, 3)),
    )
    assert date_label(undated) == "2025-01-03"
    bare = ClaimRecord(place=TORETSK, side="russia", type="other", claim_date=None)
    assert date_label(bare) == ""


def test_window_bounds():
    claims = sample_claims()
    assert len(window(claims, as_of=date(2024, 12, 31))) == 2
    assert len(window(claims, since=date(2025, 2, 7))) == 5
    assert len(window(claims, since=date(2025, 1, 1), until=date(2025, 2, 7))) == 5
    assert all(c.claim_date <= date(2025, 1, 15) for c in window(claims, as_of=date(2025, 1, 15)))


def test_place_category_matches_control_rule():
    claims = sample_claims()
    by = {}
    for c in claims:
        by.setdefault(c.place.id, []).append(c)
    assert place_category(by[TORETSK.id]) == "contested"
    assert place_category(by["713122"]) == "russia"
    assert place_category(by["704147"]) == "ukraine"
    assert place_category(by["710915"]) == "fighting"
    assert place_category(by[SUMY_REGION.id]) == "strike"
    assert place_category(by["708581"]) == "other"
    withdrawn = ClaimRecord(
        place=TORETSK, side="ukraine", type="withdrawn", claim_date=date(2025, 3, 1)
    )
    assert place_category([*by[TORETSK.id], withdrawn]) == "russia"


def _html(**kw) -> str:
    return map_html(build_map(sample_claims(), **kw))


def test_map_page_has_no_live_payloads_and_names_attribution():
    html = _html()
    # The hostile strings appear only in escaped form.
    assert XSS_IMG not in html and "<img" not in html
    assert XSS_SCRIPT not in html and "window.__pwned=2</script>" not in html
    assert "javascript:window" not in html  # dropped from the data, not just escaped
    assert "OpenStreetMap" in html and "GeoNames" in html and "CC BY 4.0" in html
    for name in (
        "Claims by Russia",
        "Claims by Ukraine",
        "Claims by Third party",
        "Claimed places",
        "Russia's claimed area and line",
        "Disputed zone",
    ):
        assert name in html
    # One data blob, not one JS object per marker.
    assert html.count("L.circleMarker(") == 1 and "L.marker(" not in html
    assert "innerHTML" not in html.split("geomapClaimsMap", 1)[1].split("geomapClaimsMap(")[0]


def test_as_of_fixes_the_window_in_the_data():
    html = _html(as_of=date(2024, 12, 31))
    assert "Toretsk" not in html and "Avdiivka" in html
    assert '"dates":["2024-02","2024-11-01"]' in html


def test_fragment_is_embeddable():
    frag = map_html(build_map(sample_claims(), height="500px"), fragment=True)
    assert "<html" not in frag and "<body" not in frag and "<!DOCTYPE" not in frag
    assert "html, body" not in frag
    assert re.search(r'<div class="folium-map" id="map_[0-9a-f]+"', frag)
    assert "geomapClaimsMap(" in frag and "leaflet.js" in frag


def test_jupyter_repr_is_inline_html():
    m = build_map(sample_claims())
    assert isinstance(m, folium.Map)
    out = m._repr_html_()
    assert "<iframe" in out and "geomapClaimsMap" in out


def test_offline_needs_installed_assets(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_ASSETS_DIR", str(tmp_path / "none"))
    with pytest.raises(GeomapError, match="geomap assets install"):
        map_html(build_map(sample_claims(), offline=True), offline=True)


def test_offline_page_is_self_contained(map_assets_dir):
    html = map_html(build_map(sample_claims(), offline=True), offline=True)
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r'<link[^>]+href="https?:', html)
    assert "tile.openstreetmap.org" not in html
    assert '"outline":{"land":{' in html  # outline basemap drawn instead of tiles
    # Inlined libraries did not end their <script> early: the parser sees whole scripts.
    starts: list[str] = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            starts.append(tag)

    P().feed(html)
    assert starts.count("script") == html.count("</script>")
    assert starts.count("script") >= 5


def test_empty_map_still_renders():
    html = map_html(build_map([]))
    assert "geomapClaimsMap(" in html


def test_claims_geojson_is_one_feature_per_claim():
    gj = claims_geojson(sample_claims())
    assert len(gj["features"]) == 8
    assert gj["features"][0]["properties"]["side"] in ("russia", "ukraine", "third-party")


def test_front_steps_follow_the_control_claims():
    from geomap.render.mapbuild import front_steps

    steps = front_steps(sample_claims())
    assert [s[0] for s in steps] == ["2024-02", "2025-02-07", "2025-02-08"]
    assert all(s[2] == s[0] and s[3] is None for s in steps)  # every change has its step
    assert set(steps[0][1]["both"]) == {"russia"}
    assert set(steps[1][1]["both"]) == {"russia", "contested"}
    assert set(steps[2][1]["both"]) == {"russia", "ukraine", "contested"}
    # Room for two steps: the first change and the last; the first says it is stale from the
    # change it skipped.
    two = front_steps(sample_claims(), max_steps=2)
    assert [s[0] for s in two] == ["2024-02", "2025-02-08"]
    assert two[0][3] == "2025-02-07" and two[1][3] is None
    assert two[0][1] == steps[0][1] and two[1][1] == steps[-1][1]
    # Room for one: one step, as of the last change, shown at every slider position.
    one = front_steps(sample_claims(), max_steps=1)
    assert len(one) == 1 and one[0][0] == "" and one[0][1] == steps[-1][1]
    assert one[0][2] == "2025-02-08"
    assert front_steps([c for c in sample_claims() if c.type == "strike"]) == []


def test_front_views_are_the_fronts_of_each_side_alone():
    """Hiding a side's claims on the page shows the fronts of the other side's claims alone."""
    from geomap.render.fronts import compute_fronts, fronts_geojson
    from geomap.render.mapbuild import front_steps

    claims = sample_claims()
    first, last = front_steps(claims)[0][1], front_steps(claims)[-1][1]
    assert set(last) == {"both", "russia", "ukraine"}
    for side in ("russia", "ukraine"):
        alone = fronts_geojson(compute_fronts([c for c in claims if c.side == side]))
        assert last[side] == alone
        assert set(alone) == {side}  # one side alone never disagrees with itself
    assert last["both"] == fronts_geojson(compute_fronts(claims))
    assert first["ukraine"] == {}  # Ukraine had made no control claim by 2024-02


def test_front_views_and_steps_share_identical_shapes_on_the_page():
    from geomap.render.mapbuild import front_steps, pack_front_steps

    packed, shapes = pack_front_steps(front_steps(sample_claims()))
    first = packed[0][1]
    assert first["both"] == first["russia"]  # Avdiivka alone: the same fronts
    assert len(shapes) == len({json.dumps(s, sort_keys=True) for s in shapes})
    assert {i for s in packed for i in s[1].values()} == set(range(len(shapes)))
    html = map_html(build_map(sample_claims()))
    assert '"frontShapes":[' in html and '"frontSteps":[["2024-02",{"both":0' in html


def test_page_title_is_escaped():
    html = map_html(build_map(sample_claims(), title="<script>x</script> & co"))
    assert "<title>&lt;script&gt;x&lt;/script&gt; &amp; co</title>" in html
