"""Quotes kept in their language: stored with the source, marked in `claims`, the report and
the map payload (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from geomap.cli.store import format_table
from geomap.extract.reader import read_article
from geomap.extract.registry import get_extractor
from geomap.render.features import claims_payload
from geomap.render.report import build_report

EXAMPLE = (
    Path(__file__).resolve().parent.parent
    / "geomap"
    / "examples"
    / "2025-03-02-uk-genshtab-report.txt"
)


def test_language_is_stored_and_marked(store, gaz):
    ex = get_extractor("auto").extract_article(read_article(EXAMPLE), gazetteer=gaz)
    assert ex.source.language == "uk" and ex.claims
    store.ingest(ex.source, ex.claims)
    claims = store.claims()
    assert {c.source.language for c in claims} == {"uk"}
    quotes = {c.quote for c in claims}
    assert "Торецьк не окупований" in " ".join(quotes)  # as written, not translated
    table = format_table(claims)
    assert "[uk] " in table
    html = build_report(claims, fronts=False, fragment=True)
    assert "<td class='quote' lang='uk'><span class='lang'>[uk]</span>" in html
    payload = claims_payload(claims)
    assert {row[4] for row in payload["sources"]} == {"uk"}


def test_english_quotes_are_not_marked(store, gaz):
    en = Path(__file__).resolve().parent.parent / "geomap" / "examples"
    ex = get_extractor("auto").extract_article(
        read_article(en / "2024-11-30-kupiansk.txt"), gazetteer=gaz
    )
    store.ingest(ex.source, ex.claims)
    claims = store.claims()
    assert claims and all(c.source.language is None for c in claims)
    assert "[en]" not in format_table(claims) and "[uk]" not in format_table(claims)
    assert all(len(row) == 4 for row in claims_payload(claims)["sources"])
