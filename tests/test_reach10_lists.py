"""A cue types every place of a list of places of which each brings its own preposition
("near A, towards B and on the outskirts of C"), and a bearing after "and" lists ("east of
A and south of B") while a bearing after a bare comma only locates ("A, south of B").
Sentences in our own words."""

from __future__ import annotations

from datetime import date

import pytest
from rule_cases import place_types

from geomap.extract.cues import _COMMA_PREP_GAP_RE, _COORD_GAP_RE

PUB = date(2025, 6, 12)


def _claims(gaz, body: str) -> set[tuple[str, str]]:
    return set(place_types(gaz, body, PUB))


@pytest.mark.parametrize(
    "body,want",
    [
        (
            "The general staff said Russian units pushed near Lyman, towards Siversk and on "
            "the outskirts of Kupiansk.",
            {("Lyman", "advancing"), ("Siversk", "advancing"), ("Kupiansk", "advancing")},
        ),
        (
            "Our brigades beat back assaults near Lyman and towards Torske, a spokesman said.",
            {("Lyman", "fighting"), ("Torske", "fighting")},
        ),
        (
            "The enemy has been advancing east of Kupiansk and south of Lyman, the army "
            "reported on Tuesday.",
            {("Kupiansk", "advancing"), ("Lyman", "advancing")},
        ),
        (
            "Defenders repelled attacks near Siversk, in the area of Torske, and near "
            "Kupiansk overnight, the command said.",
            {("Siversk", "fighting"), ("Torske", "fighting"), ("Kupiansk", "fighting")},
        ),
        (
            "Fighting went on near Kupiansk and in the vicinity of Lyman, the brigade wrote.",
            {("Kupiansk", "fighting"), ("Lyman", "fighting")},
        ),
    ],
)
def test_each_item_of_a_list_of_place_phrases_is_typed(gaz, body: str, want: set) -> None:
    assert want <= _claims(gaz, body)


def test_a_bearing_after_a_comma_only_locates(gaz) -> None:
    got = _claims(gaz, "Fierce fighting raged in Lyman, south of Siversk, the army said.")
    assert ("Lyman", "fighting") in got
    assert not any(name == "Siversk" for name, _t in got)


def test_a_lone_comma_phrase_of_an_area_does_not_list(gaz) -> None:
    # without a further item the comma phrase may only locate: not a list on its own
    got = _claims(gaz, "The army said Russian units advanced near Lyman, in the area of Torske.")
    assert ("Lyman", "advancing") in got
    assert ("Torske", "advancing") not in got


def test_list_gap_shapes() -> None:
    assert _COORD_GAP_RE.fullmatch(", towards ")
    assert _COORD_GAP_RE.fullmatch(" and towards ")
    assert _COORD_GAP_RE.fullmatch(" and south-west of ")
    assert _COORD_GAP_RE.fullmatch(" and in the vicinity of ")
    assert not _COORD_GAP_RE.fullmatch(", south of ")
    assert _COMMA_PREP_GAP_RE.fullmatch(", in the area of ")
    assert _COMMA_PREP_GAP_RE.fullmatch(", on the outskirts of the town of ")
    assert not _COMMA_PREP_GAP_RE.fullmatch(", a village in the area of ")
