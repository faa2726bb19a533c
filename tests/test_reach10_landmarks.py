"""A verb whose object is a settlement the gazetteer lacks does not reach the landmark that
locates it, however a place noun introduces the object ("retook Zolotokrai, a small village
south of Lyman", "captured a hamlet called Zolotokrai near the town of Lyman"). The made-up
name Zolotokrai stands for a village missing from the gazetteer. Sentences in our own words."""

from __future__ import annotations

from datetime import date

import pytest
from rule_cases import place_types

from geomap.extract.cues import _LANDMARK_OBJECT_RE, _UNKNOWN_OBJECT_RE

PUB = date(2025, 6, 12)


def _claims(gaz, body: str) -> set[tuple[str, str]]:
    return set(place_types(gaz, body, PUB))


@pytest.mark.parametrize(
    "body",
    [
        "Kyiv said its brigades had retaken Zolotokrai, a small village south of Lyman.",
        "Moscow said on Friday its troops captured a hamlet Zolotokrai near the town of Lyman.",
        "The ministry said its units seized a village called Zolotokrai, 5 km east of Lyman.",
        "Russian forces have taken Zolotokrai, a frontline settlement not far from Siversk, "
        "the ministry said.",
    ],
)
def test_the_landmark_of_an_unknown_object_is_not_claimed(gaz, body: str) -> None:
    assert not any(name in ("Lyman", "Siversk") for name, _t in _claims(gaz, body))


def test_a_known_object_keeps_its_claim_and_its_landmark_stays_out(gaz) -> None:
    got = _claims(gaz, "Moscow said its forces captured Torske, a small village east of Lyman.")
    assert ("Torske", "captured") in got
    assert not any(name == "Lyman" for name, _t in got)


def test_a_verb_with_the_place_as_object_still_reaches_it(gaz) -> None:
    # no unknown object stands between: the place after the verb is its object
    got = _claims(gaz, "The ministry said its units captured positions near Lyman.")
    assert any(name == "Lyman" for name, _t in got)


def test_landmark_object_shapes() -> None:
    assert _LANDMARK_OBJECT_RE.match(" Zolotokrai, a small village south of ")
    assert _LANDMARK_OBJECT_RE.match(" a hamlet called Zolotokrai near ")
    assert _LANDMARK_OBJECT_RE.match(" Zolotokrai, four kilometres east of ")
    assert _UNKNOWN_OBJECT_RE.search(" a village Zolotokrai, 5 km east of the town of ")
    # a bare name followed by "near" is not enough (it may be a list or a route)
    assert not _LANDMARK_OBJECT_RE.match(" Zolotokrai near ")
    assert not _LANDMARK_OBJECT_RE.match(" positions near ")
