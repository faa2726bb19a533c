"""Round-10 claim filters (geomap/extract/filters.py, rules/filters.toml): a filter limited to
the outlet's own narration, the war's running tally read at a month's or a year's precision
unless a superlative measures one event against it, history before the war ([[era]]) and a
landmark that only locates another place ([[clause]] cue_before). Sentences in our own words."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from geomap.errors import GeomapError
from geomap.extract import claiming
from geomap.extract.filters import (
    default_clauses,
    default_eras,
    dropped,
    dropped_clause,
    dropped_era,
    dropped_tally,
    load_clauses,
    load_eras,
    load_filters,
)
from geomap.extract.pipeline import extract

TALLY = "claim.drop.since-the-invasion"


def test_a_narration_filter_spares_a_speakers_words():
    assert dropped("strike", "ref-topic", "A drone then hit the depot.", True) == (
        "claim.drop.topic-narration"
    )
    assert dropped("strike", "ref-topic", "A drone then hit the depot.", False) is None
    assert dropped("strike", "ref-settlement", "A drone then hit the town.", True) is None


def test_narration_must_be_true_or_false(tmp_path: Path):
    p = tmp_path / "filters.toml"
    p.write_text(
        '[[filter]]\nid = "x"\nplace_kinds = ["name"]\nnarration = "yes"\n', encoding="utf-8"
    )
    with pytest.raises(GeomapError, match="'narration' must be true or false") as err:
        load_filters(p)
    assert "filters.toml" in str(err.value) and "x" in str(err.value)


@pytest.mark.parametrize(
    ("day", "precision", "dropped_as"),
    [
        (date(2022, 2, 24), "day", TALLY),
        (date(2022, 2, 1), "month", TALLY),
        (date(2022, 1, 1), "year", TALLY),
        (date(2022, 2, 1), "day", None),  # a real first of February is another day
        (date(2022, 3, 1), "month", None),
        (date(2023, 1, 1), "year", None),
    ],
)
def test_a_tally_reads_the_invasions_month_and_year(day, precision, dropped_as):
    quote = "Drones have hit the border villages since Moscow launched its invasion in February."
    assert dropped_tally(quote, day, date(2023, 5, 1), precision) == dropped_as


def test_a_superlative_against_the_whole_war_is_no_tally():
    plain = "Shells have hit Izium every week since the full-scale invasion began."
    worst = "It was the heaviest shelling of Izium since the full-scale invasion began."
    most = "It was the most destructive night for Izium since Russia's invasion in February."
    assert dropped_tally(plain, date(2022, 2, 24), date(2023, 5, 1)) == TALLY
    assert dropped_tally(worst, date(2022, 2, 24), date(2023, 5, 1)) is None
    assert dropped_tally(most, date(2022, 2, 1), date(2023, 5, 1), "month") is None


# --- [[era]] entries: history before the full-scale war makes no claim ------------------------
ERAS = [
    (f, s, keep)
    for f in default_eras()
    for keep, group in ((False, f.examples), (True, f.not_examples))
    for s in group
]


def _told(gaz, f, sentence: str) -> list:
    return extract(f"# Test\n\n{sentence}\n", published=f.published, gazetteer=gaz).claims


def test_every_era_carries_examples_and_a_day():
    for f in default_eras():
        assert len(f.examples) >= 2 and len(f.not_examples) >= 2 and f.doc, f.id
        assert f.published is not None and f.published > f.before, f.id


@pytest.mark.parametrize(("f", "sentence", "keep"), ERAS, ids=lambda x: str(x)[:40])
def test_every_era_example(gaz, monkeypatch, f, sentence, keep):
    got = _told(gaz, f, sentence)
    if keep:
        assert got, f"{f.id}: {sentence!r} should keep its claim"
        return
    assert got == [], f"{f.id}: {sentence!r} should make no claim"
    monkeypatch.setattr(claiming, "dropped_era", lambda *_a, **_k: None)
    assert all(c.claim_date < f.before for c in _told(gaz, f, sentence)), f.id
    assert _told(gaz, f, sentence), f"{f.id}: {sentence!r} does not exercise the filter"


def test_history_is_history_only_once_the_war_began():
    era = "claim.drop.before-the-war"
    took = "Ukraine retook Sloviansk in July 2014."
    assert dropped_era(took, date(2014, 7, 1), date(2023, 5, 1)) == era
    late = "Separatists shelled the town in late 2021."
    assert dropped_era(late, date(2021, 1, 1), date(2022, 3, 1)) == era
    feb = "Russia seized the town in February 2022."
    assert dropped_era(feb, date(2022, 2, 1), date(2023, 5, 1)) is None  # the war itself
    assert dropped_era(took, date(2014, 7, 1), date(2014, 7, 9)) is None  # reported at the time
    assert dropped_era(took, None, date(2023, 5, 1)) is None


def test_a_count_read_as_a_year_is_no_history():
    era = "claim.drop.before-the-war"
    count = "Russian forces shelled the town in 2000 attacks last year."
    assert dropped_era(count, date(2000, 1, 1), date(2023, 5, 1)) is None
    shells = "Troops fired 2014 shells at the town."
    assert dropped_era(shells, date(2014, 1, 1), date(2023, 5, 1)) is None
    since = "The town has been held by Moscow's proxies since 2014, the report said."
    assert dropped_era(since, date(2014, 1, 1), date(2023, 5, 1)) == era


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[era]]\nid = "x"\nbefore = "spring"\nwords = "(?P<year>1)"\n', "before 'spring'"),
        ('[[era]]\nid = "x"\nbefore = "2022-01-01"\nwords = "in 20"\n', "(?P<year>"),
        ('[[era]]\nid = "x"\nbefore = "2022-01-01"\n', "'words' is missing"),
    ],
)
def test_an_era_needs_a_day_and_a_year(tmp_path: Path, body, message):
    p = tmp_path / "filters.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(GeomapError, match=re.escape(message)) as err:
        load_eras(p)
    assert "era #1 (x)" in str(err.value)


# --- [[clause]] cue_before: a landmark that only locates another place ------------------------
LOCATOR = "claim.drop.locator"


def test_a_locator_drops_the_landmark_only_when_the_verb_came_before():
    s = "Kyiv said its troops had retaken Robotyne, a village located south of Orikhiv."
    at, verb = s.index("Orikhiv"), s.index("retaken")
    assert dropped_clause(s, at, "captured", verb) == LOCATOR
    assert dropped_clause(s, at, "captured", -1) is None  # no cue word: nothing to judge by
    held = "Russian troops entered Krynky, a hamlet east of the Kyiv-held town of Kherson."
    cue = held.index("Kyiv-held")  # the landmark's own modifier makes its own claim
    assert dropped_clause(held, held.index("Kherson"), "holding", cue) is None


def test_the_clause_group_leaves_the_located_place_its_claim():
    s = "Russian forces took the town of Selydove, some 20 km south of Pokrovsk, the army said."
    f = next(f for f in default_clauses() if f.id == LOCATOR)
    a, b = f.span(s)
    assert s[a:b].startswith("some 20 km south of Pokrovsk")
    assert dropped_clause(s, s.index("Selydove"), "captured", s.index("took")) is None


def test_cue_before_must_be_true_or_false(tmp_path: Path):
    p = tmp_path / "filters.toml"
    p.write_text('[[clause]]\nid = "x"\npattern = "a"\ncue_before = 1\n', encoding="utf-8")
    with pytest.raises(GeomapError, match="'cue_before' must be true or false"):
        load_clauses(p)
