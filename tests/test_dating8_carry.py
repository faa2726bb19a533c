"""The day of an undated claim (texts written for these tests, real gazetteer): the event's
day carried from the sentence that dated it, "one day earlier" and "At the time" counting from
the day just named."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.dating import then_day

PUB = date(2025, 2, 9)  # a Sunday
SAT, FRI = date(2025, 2, 8), date(2025, 2, 7)


@pytest.fixture(scope="module")
def gz(gaz):
    return gaz


def _claims(gaz, body: str) -> list:
    return extract(f"# Test\n\nAn Outlet\n\n{body}\n", published=PUB, gazetteer=gaz).claims


def _day(claims: list, place: str, ctype: str | None = None) -> date:
    got = [c for c in claims if c.place.name == place and ctype in (None, c.type)]
    assert got, [(c.place.name, c.type) for c in claims]
    return got[0].claim_date


# --- the event's day, carried on ----------------------------------------------------------------


def test_an_events_day_found_in_the_next_sentence_carries_to_its_later_mentions(gz):
    claims = _claims(
        gz,
        "Moscow vowed to answer the deadly strike on Belgorod, saying Ukraine had used "
        "cluster munitions.\n\n"
        "Firefighters worked through the night after the strike on Belgorod on Saturday, "
        "officials said.\n\n"
        "Kyiv's forces had aimed at military sites in Belgorod, a Ukrainian broadcaster said.",
    )
    days = [c.claim_date for c in claims if c.place.name == "Belgorod" and c.type == "strike"]
    assert len(days) >= 2 and set(days) == {SAT}, days


# --- counted from the day just named ------------------------------------------------------------


def test_one_day_earlier_is_the_day_before_the_day_just_named(gz):
    claims = _claims(
        gz,
        "Ukraine's army said on Saturday that its soldiers were still fighting in Pokrovsk.\n\n"
        "The Russian ministry one day earlier showed a flag raised over a square in Pokrovsk.",
    )
    flag = [c for c in claims if c.place.name == "Pokrovsk" and c.type == "captured"]
    assert flag and flag[0].claim_date == FRI, [(c.type, c.claim_date) for c in claims]


def test_at_the_time_is_the_day_the_sentence_before_named(gz):
    body = (
        "Monitors have reported Russian gains north of the town since 3 February. "
        "At the time, analysts said the enemy had captured the south of Kupiansk."
    )
    s0 = body.index("At the time")
    assert then_day(body, s0, body[s0:], PUB) == date(2025, 2, 3)
    assert _day(_claims(gz, body), "Kupiansk") == date(2025, 2, 3)
    plain = body.replace("At the time, analysts", "Analysts")
    s0 = plain.index("Analysts")
    assert then_day(plain, s0, plain[s0:], PUB) is None


# --- one statement, one day -------------------------------------------------------------------


def test_every_place_of_a_speakers_undated_sentence_keeps_the_statements_day(gz):
    claims = _claims(
        gz,
        "Ukrainian gunners are shelling Russian units dug in near Kreminna, Serhiy Cherevaty, "
        "spokesman for Ukraine's eastern forces, has said.\n\n"
        '"Many of them ran. Some of them are now digging in. Our units have already taken '
        'Torske and are shelling the enemy there," Cherevaty told a nationwide TV broadcast '
        "on Saturday.\n\n"
        "According to the speaker, Ukrainian forces will next reach Svatove, Rubizhne and then "
        "the rest of Luhansk region.",
    )
    ahead = {c.place.name: c.claim_date for c in claims if c.type == "assessment"}
    assert {"Svatove", "Rubizhne"} <= set(ahead) and set(ahead.values()) == {SAT}, ahead


# --- a verb with no place for its object owns no date ---------------------------------------------


def test_a_verb_without_a_place_object_does_not_take_the_strikes_day(gz):
    claims = _claims(
        gz,
        "Regional officials said a pumping station in the town of Kupiansk lost power on "
        "Saturday after being damaged in a drone attack.",
    )
    strikes = [c.claim_date for c in claims if c.place.name == "Kupiansk" and c.type == "strike"]
    assert strikes == [SAT], [(c.type, c.claim_date) for c in claims]


def test_still_in_another_clause_does_not_make_a_toll_ongoing(gz):
    body = (
        "Rescuers searched for missing shoppers in Kharkiv after a Russian strike on a crowded "
        "store.\n\n"
        "Two guided bombs hit the shopping centre in Kharkiv on Saturday afternoon, the "
        "governor said.\n\n"
        "Firefighters fought the blaze for hours.\n\n"
        "Thirty people were injured, while eight of the dead had still not been named, the "
        "regional prosecutors said."
    )
    tolls = [c for c in _claims(gz, body) if c.rules and "claim.toll-topic" in c.rules]
    assert [c.claim_date for c in tolls] == [SAT]


# --- a report that goes on ("It also cited ...") -------------------------------------------------


def test_a_report_that_also_cites_more_keeps_the_day_it_gave(gz):
    body = (
        "In its evening update, Ukraine's general staff reported that its units beat off 30 "
        "assaults near Pokrovsk on Friday.\n\n"
        '"The enemy keeps pressing," the update said. It also cited fighting around Kupiansk.'
    )
    got = {c.place.name: c.claim_date for c in _claims(gz, body)}
    assert got.get("Kupiansk") == FRI, got


# --- "a week after X": X counted back -------------------------------------------------------------


def test_a_count_after_dates_the_event_it_introduces_not_the_main_clause(gz):
    body = (
        "A week after Moscow's army seized Lysychansk, Ukrainian troops still hold Siversk, "
        "the general staff said."
    )
    got = {(c.place.name, c.type): c.claim_date for c in _claims(gz, body)}
    assert got.get(("Lysychansk", "captured")) == date(2025, 2, 2), got
    assert all(day == PUB for (place, _), day in got.items() if place != "Lysychansk"), got
