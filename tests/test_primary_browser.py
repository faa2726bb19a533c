"""A quote kept in Ukrainian, in the map popup of real headless Chromium: shown as written,
marked with its language (lang attribute and a visible tag)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.extract.reader import read_article
from geomap.extract.registry import get_extractor
from geomap.render import build_map, map_html

pytestmark = pytest.mark.browser

EXAMPLE = (
    Path(__file__).resolve().parent.parent
    / "geomap"
    / "examples"
    / "2025-03-02-uk-genshtab-report.txt"
)


def test_popup_marks_the_language_of_the_quote(open_page, tmp_path, gaz):
    ex = get_extractor("auto").extract_article(read_article(EXAMPLE), gazetteer=gaz)
    for c in ex.claims:
        c.source = ex.source
    page_path = tmp_path / "uk.html"
    page_path.write_text(map_html(build_map(ex.claims)), encoding="utf-8")
    page, log = open_page(page_path)
    page.locator('[data-place-id="709354"]').click()  # Toretsk
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    quotes = popup.locator("blockquote.geomap-claim-quote")
    assert quotes.count() == 3
    assert set(quotes.evaluate_all("els => els.map(e => e.lang)")) == {"uk"}
    text = popup.inner_text()
    assert "[uk] Міноборони РФ заявило про захоплення Торецька" in text
    assert popup.locator("span.geomap-claim-lang").count() == 3
    log.assert_clean()
