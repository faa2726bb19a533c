"""The reference article's gold claims, resolved by the gazetteer, rendered as map and report."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from geomap.places import place_ref
from geomap.records import ClaimRecord, SourceRecord
from geomap.render import build_map, build_report, map_html
from geomap.render.safety import esc

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def gold_claims(corpus_dir, gaz) -> list[ClaimRecord]:
    src = SourceRecord(
        url="https://example.org/corpus-article",
        title="Reference article",
        published=date(2025, 2, 7),
    )
    out = []
    for line in (corpus_dir / "2025-02-07-toretsk.gold.jsonl").read_text().splitlines():
        g = json.loads(line)
        place = gaz.get(str(g["geonameid"])) if g.get("geonameid") else gaz.region(g["admin1"])
        d = g["claim_date"]
        precision = "day" if len(d) == 10 else "month"
        day = date.fromisoformat(d if len(d) == 10 else d + "-01")
        out.append(
            ClaimRecord(
                place=place_ref(place),
                side=g["side"],
                type=g["type"],
                claim_date=day,
                date_precision=precision,
                claimant=g["claimant"],
                quote=g["quote"],
                place_as_written=g["place"],
                source=src,
            )
        )
    return out


def test_gold_claims_map_and_report(gold_claims):
    m = build_map(gold_claims)
    html = map_html(m)
    ids = {c.place.id for c in gold_claims}
    assert html.count('"type":"Feature","geometry"') == len(ids)
    assert "709354" in html  # Toretsk
    regions = [c for c in gold_claims if c.place.precision == "region"]
    if regions:  # region claims are drawn as polygons
        assert '"r":1' in html
    report = build_report(gold_claims)
    assert "Contested places (1)" in report
    assert re.search(r"<li><a href='#geomap-report-\w+-place-\w+'>Toretsk</a></li>", report)
    for c in gold_claims:
        assert esc(c.quote) in report
