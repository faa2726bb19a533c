"""The day of an undated statement in a story filed the day after its news (texts written for
these tests, real gazetteer): the lede's statement day."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.dating import lede_day

PUB = date(2025, 2, 9)  # a Sunday
SAT = date(2025, 2, 8)


@pytest.fixture(scope="module")
def gz(gaz):
    return gaz


def _claims(gaz, body: str) -> list:
    return extract(f"# Test\n\nAn Outlet\n\n{body}\n", published=PUB, gazetteer=gaz).claims


def _day(claims: list, place: str, ctype: str | None = None) -> date:
    got = [c for c in claims if c.place.name == place and ctype in (None, c.type)]
    assert got, [(c.place.name, c.type) for c in claims]
    return got[0].claim_date


# --- the lede's statement day -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lede", "day"),
    [
        (
            "The defence ministry said on Saturday that its units had entered two more villages.",
            SAT,
        ),
        ("Moscow claimed on 8 February that its troops had taken a town on the river bank.", SAT),
        ("The army on Saturday said it had pushed the enemy back from a railway junction.", SAT),
        # two days before publication is a story recalled, not filed the next day
        ("The army on Friday said it had pushed the enemy back from a railway junction.", None),
        # an event's day is no statement's; a statement today or a week ago is no later news
        ("On Saturday, Russian troops launched a large assault along the whole river line.", None),
        (
            "The governor said on Sunday that the water supply had been restored to most homes.",
            None,
        ),
        ("The general said on Monday that the line had held against a dozen attacks there.", None),
    ],
)
def test_the_ledes_day_is_a_recent_statements_day(lede, day):
    text = f"# Title\n\nAn Outlet\n\nFebruary 9, 2025\n\n{lede}\n\nMore text follows here."
    assert lede_day(text, PUB) == day


def test_an_undated_statement_in_a_story_filed_the_next_day_takes_the_ledes_day(gz):
    claims = _claims(
        gz,
        "The Russian defence ministry said on Saturday that its forces had captured three "
        "villages in the east of the country.\n\n"
        "Ukraine's general staff said in its evening report that Kupiansk was under attack.",
    )
    assert _day(claims, "Kupiansk") == SAT


def test_the_outlets_own_narration_stays_as_of_writing(gz):
    claims = _claims(
        gz,
        "The Russian defence ministry said on Saturday that its forces had captured three "
        "villages in the east of the country.\n\n"
        "Ukrainian troops hold Kupiansk, a town on the Oskil river.",
    )
    assert _day(claims, "Kupiansk") == PUB


def test_without_a_dated_lede_an_undated_statement_keeps_the_publication_day(gz):
    claims = _claims(
        gz,
        "Fighting in the east has grown fiercer as winter ends, with both armies short of men "
        "and shells.\n\n"
        "Ukraine's general staff said in its evening report that Kupiansk was under attack.",
    )
    assert _day(claims, "Kupiansk") == PUB
