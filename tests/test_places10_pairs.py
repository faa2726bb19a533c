"""Two towns joined by a dash before a front or urban-area noun ("the Svatove-Kreminna
front") name both towns; a road or a direction between two towns does not. Texts are written
for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract

PUB = date(2025, 3, 4)
SVATOVE, KREMINNA = "692118", "704138"
POKROVSK, MYRNOHRAD = "704422", "710035"


def _read(gaz, text: str) -> set[str]:
    hits = extract(text, published=PUB, gazetteer=gaz).places
    return {h.place.id for h in hits if h.place is not None}


@pytest.mark.parametrize(
    ("sentence", "towns"),
    [
        (
            "Kyiv said its units had pushed forward on the Svatove-Kreminna front overnight.",
            {SVATOVE, KREMINNA},
        ),
        (
            "The general staff said fighting raged across the Pokrovsk–Myrnohrad agglomeration "
            "on Sunday.",
            {POKROVSK, MYRNOHRAD},
        ),
        (
            "Fierce battles continue along the Kreminna-Svatove frontline, the army reported.",
            {SVATOVE, KREMINNA},
        ),
    ],
)
def test_a_dash_joined_pair_before_a_front_names_both_towns(gaz, sentence, towns):
    assert towns <= _read(gaz, f"# The front\n\n{sentence}\n")


def test_a_pair_front_takes_the_claim(gaz):
    # (the cue governs the first town; cues._coordinated does not yet read a dash as "and")
    text = (
        "# The front\n\nUkrainian troops have captured new positions on the Svatove-Kreminna "
        "front, the general staff said on Monday.\n"
    )
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    assert SVATOVE in {c.place.id for c in claims}


def test_a_road_between_two_towns_names_neither(gaz):
    text = "# The front\n\nDrones hit a truck on the Svatove-Kreminna road, the governor said.\n"
    assert not {SVATOVE, KREMINNA} & _read(gaz, text)
