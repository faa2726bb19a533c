"""Interactions found when round 8's branches were merged: each rule was right alone, and
these pin down the reading the merged extractor must keep."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.claimants import attribute

PUB = date(2025, 6, 13)  # Friday


def _claims(gaz, body: str):
    return extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        # "installed authorities" is no finite verb with its object ("installed a ...")
        (
            "Kremlin-installed authorities in Nova Kakhovka, a town on the river, blamed Kyiv "
            "for a shelling of the hospital.",
            "Kremlin-installed authorities in Nova Kakhovka",
        ),
        (
            "Moscow-installed authorities in Nova Kakhovka, the town on the river, blamed "
            "Ukrainian troops for shelling the hospital.",
            "Moscow-installed authorities in Nova Kakhovka",
        ),
    ],
)
def test_a_source_with_an_appositive_keeps_its_claim(sentence, claimant):
    att = attribute(sentence)
    assert att.claimant is not None and att.claimant.startswith(claimant), att


def test_a_clause_before_said_is_still_the_content():
    att = attribute(
        "Ukrainian troops pushed the attackers back from the bridge, said Mayor Ivanenko."
    )
    assert att.claimant == "Mayor Ivanenko", att


def test_another_named_source_does_not_go_on_with_the_report_day(gaz):
    # the regional authorities dated their strike; the ministry's claim after them is its own
    # statement, undated, so the publication day, not Wednesday
    body = (
        "In Zaporizhzhia, a glide bomb strike on Wednesday injured nine people, according to "
        "regional authorities.\n\n"
        "The Russian Defence Ministry also claimed the capture of Kurakhove."
    )
    got = {c.place.name: c.claim_date for c in _claims(gaz, body)}
    assert got.get("Kurakhove") == PUB, got


def test_the_same_source_going_on_keeps_its_day(gaz):
    body = (
        "Ukraine's General Staff said on Wednesday that 40 attacks were repelled near "
        "Pokrovsk.\n\n"
        "The General Staff also reported clashes near Kurakhove."
    )
    got = {c.place.name: c.claim_date for c in _claims(gaz, body)}
    assert got.get("Kurakhove") == date(2025, 6, 11), got
