"""Claim dating end to end on short texts written for these tests (real gazetteer): the day a
claim speaks of, from its sentence, the statement, or the event named before."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.dates import find_dates
from geomap.extract.dating import dating_pass
from geomap.extract.resolution import _Memory

PUB = date(2025, 2, 9)  # a Sunday


def _claims(gaz, body: str):
    return extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims


def _dated(claims, type_: str):
    got = [(c.claim_date, c.date_precision) for c in claims if c.type == type_]
    assert got, [(c.place.name, c.type, c.claim_date) for c in claims]
    return got[0]


@pytest.fixture(scope="module")
def gz(gaz):
    return gaz


def test_the_statements_day_dates_what_a_trailing_attribution_reports(gz):
    # a date in the attribution at the end of a quote is not taken by the other verb nearer it,
    # nor lost behind a "which" aside
    claims = _claims(
        gz,
        '"Our units have already taken Toretsk and are shelling the enemy, which is trying to '
        'dig in nearby," the spokesman said on the radio on Saturday.',
    )
    assert _dated(claims, "captured") == (date(2025, 2, 8), "day")


def test_a_clause_cut_hours_after_keeps_the_sentences_day(gz):
    claims = _claims(
        gz,
        "Moscow said Saturday it had taken Toretsk, hours after Kyiv said its troops had "
        "pulled out of Toretsk to save lives.",
    )
    assert _dated(claims, "captured") == (date(2025, 2, 8), "day")
    assert _dated(claims, "withdrawn") == (date(2025, 2, 8), "day")


def test_a_second_voice_after_but_keeps_the_publication_day(gz):
    claims = _claims(
        gz,
        "Moscow said on Friday that it had captured Toretsk, but Kyiv said fighting for the "
        "town was still going on.",
    )
    assert _dated(claims, "captured") == (date(2025, 2, 7), "day")
    assert _dated(claims, "fighting") == (PUB, "day")


def test_the_same_event_named_again_keeps_its_day(gz):
    claims = _claims(
        gz,
        "Moscow said on Friday its troops had captured Toretsk.\n\n"
        "Analysts said the army was short of shells.\n\n"
        "The capture of Toretsk is Russia's largest gain since May.",
    )
    caps = [c for c in claims if c.type == "captured"]
    assert len(caps) >= 2, [(c.type, c.quote) for c in claims]
    assert {c.claim_date for c in caps} == {date(2025, 2, 7)}


def test_a_period_up_to_the_statement_is_the_statements_day(gz):
    claims = _claims(
        gz,
        "Russian forces shelled Toretsk 40 times over the past week, the regional governor said "
        "on Saturday.",
    )
    assert [(c.claim_date, c.date_precision) for c in claims] == [(date(2025, 2, 8), "day")]


def test_a_date_in_a_clause_on_a_noun_dates_that_clause_only(gz):
    claims = _claims(
        gz,
        "Ukrainian troops have withdrawn from Toretsk, ending the offensive that surprised "
        "Moscow last summer, the newspaper wrote.",
    )
    assert _dated(claims, "withdrawn") == (PUB, "day")


def test_the_date_written_right_after_the_place_is_its_own(gz):
    claims = _claims(
        gz,
        "Since the fall of Vuhledar in October 2024 and the fall of Toretsk in January 2025, "
        "the front has moved west.",
    )
    got = {c.place.id: (c.claim_date, c.date_precision) for c in claims if c.type == "captured"}
    assert got.get("709354") == (date(2025, 1, 1), "month"), got  # Toretsk


def test_a_sentence_going_on_by_the_clock_keeps_the_day_before_it(gz):
    claims = _claims(
        gz,
        "On February 5, Russian troops began a new push in the east. From about 14:00 they "
        "shelled Toretsk with heavy artillery.",
    )
    assert _dated(claims, "strike") == (date(2025, 2, 5), "day")


def test_no_clock_no_borrowed_day(gz):
    claims = _claims(
        gz,
        "On February 5, Russian troops began a new push in the east. They shelled Toretsk "
        "with heavy artillery.",
    )
    assert _dated(claims, "strike") == (PUB, "day")


@pytest.mark.parametrize(
    "sent",
    [
        "LVIV, Feb 9 (Reuters) - Troops said Saturday they had left the village.",
        "KHARKIV, February 9. /TASS/. Troops said Saturday they had left the village.",
        "Lviv, (APP - Some News - 9th Feb, 2025) Troops said Saturday they had left the village.",
    ],
)
def test_a_wire_datelines_date_is_no_date_of_the_claim(sent):
    dates, _prev = dating_pass(_Memory(), sent, find_dates(sent, PUB), False, None)
    assert [d.text for d in dates] == ["Saturday"]
