"""A district named after its town, and a settlement located in a region group ("in
Donbas"): the place is found, not dropped. Texts are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer.regions import group_members
from geomap.extract import extract

PUB = date(2025, 3, 4)
KUPIANSK, IZIUM, KURAKHOVE = "703656", "707292", "695357"


def _claimed(gaz, text: str) -> set[str]:
    return {c.place.id for c in extract(text, published=PUB, gazetteer=gaz).claims}


@pytest.mark.parametrize(
    ("sentence", "town"),
    [
        (
            "Officials said they had ordered the evacuation of 20 villages in the Kupiansk "
            "district after heavy shelling.",
            KUPIANSK,
        ),
        (
            "The governor announced a forced evacuation of ten settlements in the Izium raion "
            "on Friday.",
            IZIUM,
        ),
        (
            "The governor said artillery had shelled three villages in the Kupiansk hromada "
            "overnight.",
            KUPIANSK,
        ),
    ],
)
def test_settlements_in_a_town_district_are_put_at_the_town(gaz, sentence, town):
    text = f"# Evacuations in the east\n\n{sentence}\n"
    assert town in _claimed(gaz, text)


def test_a_settlement_in_a_region_group_is_not_located_elsewhere(gaz):
    text = (
        "# Moscow claims a town\n\nMoscow's defence ministry announced on Monday that its "
        "soldiers had captured Kurakhovo in Donbass.\n"
    )
    assert KURAKHOVE in _claimed(gaz, text)


def test_a_settlement_in_another_region_is_still_located_elsewhere(gaz):
    # Kurakhove lies in Donetsk oblast: put in the Kharkiv region, it is some other village
    text = (
        "# Moscow claims a village\n\nMoscow's defence ministry announced on Monday that its "
        "soldiers had captured Kurakhovo in the Kharkiv region.\n"
    )
    assert KURAKHOVE not in _claimed(gaz, text)


def test_group_members_lists_a_groups_regions_and_nothing_for_a_plain_region():
    assert "UA.05" in group_members("UA.DONBAS")
    assert group_members("UA.07") == frozenset()
    assert group_members("no such id") == frozenset()
