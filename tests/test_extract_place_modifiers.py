"""A place named inside a modifier or an apposition is still the place (real gazetteer)."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract

PUB = date(2024, 3, 7)


def _places(gaz, body: str) -> set[str]:
    return {
        c.place.name for c in extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims
    }


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # a compass part of the capital is the city, not its government
        ("Police said the enemy columns had withdrawn from north-west Kyiv by Sunday.", "Kyiv"),
        ("Missiles struck the Ukrainian capital, Kyiv, before dawn, officials said.", "Kyiv"),
        ("Drones targeted Kyiv and the port of Odesa overnight.", "Kyiv"),
        # a hyphenated adjective before a name is no part of the name
        ("Ukraine's navy said its drones struck Kremlin-occupied Crimea at night.", "Crimea"),
        # a site named after a town stands for the town
        ("Drones hit the Shebekino checkpoint, the local governor said.", "Shebekino"),
        ("Guided bombs hit the Avdiivka Coke plant, local officials said.", "Avdiivka"),
        # a name glossed with the town's other name: the town the gloss names
        (
            "Separatists say they are advancing on Krasnoarmeisk (Pokrovsk) in the Donetsk region.",
            "Pokrovsk",
        ),
    ],
)
def test_place_inside_a_modifier_or_apposition(gaz, body, place):
    assert place in _places(gaz, body)


def test_a_capital_as_government_is_still_no_place(gaz):
    assert "Kyiv" not in _places(gaz, "Kyiv denied that the village of Pisky had fallen.")
    assert "Dnipro" not in _places(gaz, "Ukrainian troops crossed the Dnipro near Krynky.")


@pytest.mark.parametrize(
    ("body", "place"),
    [
        (
            "The army said it repelled enemy attacks in the Kharkiv direction.",
            "Kharkiv Oblast",
        ),
        ("Moscow said its units improved their positions on the Kherson front.", "Kherson Oblast"),
        # a town's front is the town: no region bears its name
        ("The army said it repelled enemy attacks in the Kupiansk direction.", "Kupiansk"),
    ],
)
def test_the_front_named_after_a_regional_centre_is_the_region(gaz, body, place):
    assert place in _places(gaz, body)
