"""Relative dates resolve against the publication date, with the right precision."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract.dates import find_dates

PUB = date(2025, 2, 7)  # a Friday


@pytest.mark.parametrize(
    "text,value,precision",
    [
        ("officials said Friday", date(2025, 2, 7), "day"),  # same weekday = publication day
        ("the army said Thursday", date(2025, 2, 6), "day"),
        ("on Saturday night", date(2025, 2, 1), "day"),
        ("drones attacked overnight", date(2025, 2, 7), "day"),
        ("shelled yesterday", date(2025, 2, 6), "day"),
        ("in a report last month", date(2025, 1, 1), "month"),
        ("visited the town last July", date(2024, 7, 1), "month"),
        ("launched last August", date(2024, 8, 1), "month"),
        ("by July last year", date(2024, 7, 1), "month"),
        ("since early\n\nFebruary 2024, the", date(2024, 2, 1), "month"),
        ("since October, when", date(2024, 10, 1), "month"),
        ("in late January the", date(2025, 1, 1), "month"),
        ("on July 29, 2024", date(2024, 7, 29), "day"),
        ("on 3 March 2023", date(2023, 3, 3), "day"),
        ("on December 30", date(2024, 12, 30), "day"),  # no year: the most recent one
        ("two weeks ago", date(2025, 1, 24), "day"),
        ("in 2022", date(2022, 1, 1), "year"),
        ("wounded at the weekend", date(2025, 2, 1), "day"),  # the Saturday before
        ("shelled over the weekend", date(2025, 2, 1), "day"),
        ("claimed earlier this week", date(2025, 2, 6), "day"),
        ("Since early March, 14 civilians", date(2024, 3, 1), "month"),  # capitalised, ", 14"
        ("shelled since the spring", date(2024, 3, 1), "month"),  # spring began in March 2024
        ("in the summer of 2023", date(2023, 6, 1), "month"),
        ("last autumn", date(2024, 9, 1), "month"),
        ("since the winter", date(2024, 12, 1), "month"),
        ("in late summer", date(2024, 8, 1), "month"),
    ],
)
def test_relative_dates(text, value, precision):
    hits = find_dates(text, PUB)
    assert hits, text
    assert (hits[0].value, hits[0].precision) == (value, precision)
    assert text[hits[0].start : hits[0].end] == hits[0].text


def test_modal_may_is_not_a_month():
    assert find_dates("Russia may try again", PUB) == []


def test_last_weekend_on_a_sunday_is_the_weekend_before():
    hits = find_dates("last weekend", date(2025, 2, 9))  # a Sunday
    assert (hits[0].value, hits[0].precision) == (date(2025, 2, 1), "day")


def test_seasons_that_are_no_dates():
    assert find_dates("since the fall of Avdiivka", PUB) == []
    assert find_dates("will keep pushing through the summer", PUB) == []
    hits = find_dates("unlikely to encircle the city this winter", date(2024, 11, 30))
    assert hits[0].value > date(2024, 11, 30)  # the coming winter: a future date
