"""A place right after "near" / "west of" only locates the name before it (own sentences):
"the town of A near B had been captured" claims A, never B; and A's reading lies near B."""

from __future__ import annotations

import pytest
from rule_cases import claims_of

from gazetteer.core import haversine_km


@pytest.mark.parametrize(
    ("sentence", "place", "locator"),
    [
        (
            "The ministry said the town of Chasiv Yar near Bakhmut had been captured.",
            "Chasiv Yar",
            "Bakhmut",
        ),
        ("The ministry said Chasiv Yar west of Bakhmut had fallen.", "Chasiv Yar", "Bakhmut"),
    ],
)
def test_the_locator_is_not_the_subject(gaz, sentence: str, place: str, locator: str) -> None:
    names = {c.place.name for c in claims_of(gaz, sentence)}
    assert place in names and locator not in names


def test_a_village_the_gazetteer_lacks_gives_its_locator_no_claim(gaz) -> None:
    claims = claims_of(
        gaz, "The ministry said the village of Qwertivka near Bakhmut had been captured."
    )
    assert [c.place.name for c in claims] == []


def test_the_reading_of_a_village_near_its_locator_wins_over_a_far_namesake(gaz) -> None:
    claims = claims_of(
        gaz, "The ministry said the village of Zolotarivka near Siversk had been captured."
    )
    (c,) = claims
    assert c.place.name == "Zolotarivka"
    assert haversine_km(c.place.lat, c.place.lon, 48.866, 38.100) < 60  # Siversk


@pytest.mark.parametrize(
    ("written", "name"),
    [("Kindrashovka", "Kindrashivka"), ("Novobakhmutovka", "Novobakhmutivka")],
)
def test_a_russian_spelling_of_a_ukrainian_village_resolves(gaz, written: str, name: str) -> None:
    """TASS and RIA write "-ovka" where the gazetteer has the Ukrainian "-ivka"."""
    claims = claims_of(gaz, f"The ministry said Russian troops had captured {written}.")
    assert [(c.place.name, c.place_as_written) for c in claims] == [(name, written)]


def test_a_city_named_beside_a_far_village_is_the_village_of_that_name(gaz) -> None:
    """ "near Kamianske and Mala Tokmachka": not the city of Kamianske on the Dnipro, 150 km
    away, but the village of that name near Mala Tokmachka; both are claimed."""
    claims = claims_of(gaz, "ISW said Russian forces attacked near Kamianske and Mala Tokmachka.")
    assert {c.place.name for c in claims} == {"Kamianske", "Mala Tokmachka"}
    (kam,) = [c for c in claims if c.place.name == "Kamianske"]
    assert (kam.place.population or 0) < 50_000
    assert haversine_km(kam.place.lat, kam.place.lon, 47.534, 35.901) < 60


def test_two_cities_in_a_list_stay_cities(gaz) -> None:
    claims = claims_of(gaz, "Russian missiles hit Kharkiv and Odesa overnight, officials said.")
    assert all((c.place.population or 0) > 500_000 for c in claims) and len(claims) == 2
