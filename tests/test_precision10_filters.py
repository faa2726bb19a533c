"""Round-10 claim filters (geomap/extract/filters.py, rules/filters.toml): a filter limited to
the outlet's own narration, and the war's running tally read at a month's or a year's
precision unless a superlative measures one event against it. Sentences in our own words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geomap.errors import GeomapError
from geomap.extract.filters import dropped, dropped_tally, load_filters

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
