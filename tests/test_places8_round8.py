"""Round 8 place reading (places8): how reporters write places, in our own words, on the real
gazetteer."""

from __future__ import annotations

from datetime import date

import pytest
from rule_cases import place_types

PUB = date(2024, 9, 2)


def _claims(gaz, body: str) -> list[tuple[str, str]]:
    return place_types(gaz, body, PUB)


@pytest.mark.parametrize(
    "body",
    [
        "The ministry said its units were storming Krasnoarmeisk (Ukrainian name Pokrovsk) in "
        "Donetsk Oblast.",
        "Russian troops were storming Krasnoarmeisk (Ukrainian name - Pokrovsk), a Ukrainian "
        "logistics hub, the ministry said.",
        "Russian troops were storming Krasnoarmeisk (known in Ukraine as Pokrovsk), a Ukrainian "
        "logistics hub, the ministry said.",
    ],
)
def test_a_russian_name_glossed_with_the_ukrainian_one_is_the_place_glossed(gaz, body):
    # unglossed, the gazetteer reads "Krasnoarmeisk" as another place (Krasnoarmeysk)
    places = {p for p, _t in _claims(gaz, body)}
    assert places == {"Pokrovsk"}
