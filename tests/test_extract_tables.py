"""Markdown claim tables: one claim per row (real gazetteer)."""

from __future__ import annotations

from datetime import date

from geomap.extract import extract
from geomap.extract.tables import controller, table_rows, table_spans

PUB = date(2026, 8, 27)

DOC = """# Front-line tracker

By Example Desk

August 27, 2026

Russian forces kept up their attacks this week.

| Settlement | Status | Claimed by | Date |
|---|---|---|---|
| **Udachne** | Captured | Russian MoD | 24 Aug |
| Zvirove | Contested | DeepState | 25 Aug |
| Shakhove | Under Russian control | Ukrainian General Staff | 26 Aug |
| Hrodivka | No change | ISW | 26 Aug |
| Atlantis | Captured | Russian MoD | 26 Aug |

| Town | Bread price | Date |
|:--|--:|---|
| Pokrovsk | 30 hryvnias | 20 Aug |
"""


def test_tables_and_their_rows_are_found():
    assert len(table_spans(DOC)) == 2
    rows = table_rows(DOC)  # the price table has no status column: no rows
    assert [r.place.text for r in rows] == [
        "Udachne",
        "Zvirove",
        "Shakhove",
        "Hrodivka",
        "Atlantis",
    ]
    r = rows[0]
    assert DOC[r.place.start : r.place.end] == "Udachne"  # emphasis marks stripped
    assert DOC[r.start : r.end] == "| **Udachne** | Captured | Russian MoD | 24 Aug |"
    assert (r.source.text, r.date.text) == ("Russian MoD", "24 Aug")


def test_controller_words():
    assert controller("Under Ukrainian control") == "ukraine"
    assert controller("Russian-held since May") == "russia"
    assert controller("Contested") is None


def test_each_readable_row_is_a_claim(gaz):
    claims = extract(DOC, published=PUB, gazetteer=gaz).claims
    got = {(c.place.id, c.side, c.type, c.claim_date, c.claimant) for c in claims}
    assert got == {
        ("690841", "russia", "captured", date(2026, 8, 24), "Russian MoD"),
        ("686799", "third-party", "fighting", date(2026, 8, 25), "DeepState"),
        # a Ukrainian source conceding Russian control of a Ukrainian village: a capture
        ("698641", "ukraine", "captured", date(2026, 8, 26), "Ukrainian General Staff"),
    }, got  # "No change", an unknown place and the bread prices make no claims
    for c in claims:
        assert DOC[c.start : c.end] == c.quote and c.quote.startswith("|")
