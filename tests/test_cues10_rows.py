"""The claim-type rows of round 10 in context (cues.toml: cue.captured.flag-shown-over,
cue.advancing.stepped-up-push, the narrowed cue.advancing.clear): each reaches its place
through the whole pipeline, and the wordings it must leave alone make no such claim
(sentences in our own words)."""

from __future__ import annotations

from datetime import date

import pytest
from rule_cases import place_types

PUB = date(2025, 6, 12)


def _claims(gaz, body: str) -> set[tuple[str, str]]:
    return set(place_types(gaz, body, PUB))


@pytest.mark.parametrize(
    "body,want",
    [
        (
            "The brigade said its paratroopers were holding up the Ukrainian flag in Izium "
            "on Saturday.",
            ("Izium", "captured"),
        ),
        (
            "A local channel showed the Ukrainian flag brandished over Snihurivka, "
            "the governor said.",
            ("Snihurivka", "captured"),
        ),
        (
            "Marines of the 36th brigade holding the national flag on the roof of the "
            "city council of Kupiansk.",
            ("Kupiansk", "captured"),
        ),
    ],
)
def test_a_flag_shown_over_a_place_is_its_capture(gaz, body: str, want: tuple[str, str]) -> None:
    assert want in _claims(gaz, body)


@pytest.mark.parametrize(
    "body",
    [
        "Protesters waved Ukrainian flags in Tbilisi on Sunday, the agency said.",
        # the town named only as "the town": the capture is not claimed of a place
        "Bloggers said the troops had planted their flag in the town centre of Vovchansk.",
    ],
)
def test_a_rally_or_the_town_centre_is_no_capture(gaz, body: str) -> None:
    assert not {t for _p, t in _claims(gaz, body)} & {"captured"}


@pytest.mark.parametrize(
    "body,want",
    [
        (
            "The general staff said Moscow was intensifying its assaults to seize the "
            "mining town of Toretsk.",
            ("Toretsk", "advancing"),
        ),
        (
            "A brigade spokesman said the Russians had increased pressure on Siversk this week.",
            ("Siversk", "advancing"),
        ),
    ],
)
def test_a_stepped_up_push_is_an_advance(gaz, body: str, want: tuple[str, str]) -> None:
    assert want in _claims(gaz, body)


def test_stepped_up_air_attacks_stay_strikes(gaz) -> None:
    got = _claims(gaz, "The governor said Russia had ramped up drone attacks on Odesa.")
    assert ("Odesa", "advancing") not in got


def test_a_verb_with_its_own_object_before_in_is_no_clearing(gaz) -> None:
    body = (
        "Refinery fires have pushed wholesale fuel prices in Volgograd to a record, traders said."
    )
    assert ("Volgograd", "advancing") not in _claims(gaz, body)
    body = "The brigade said its units were clearing the enemy in Kupiansk."
    assert ("Kupiansk", "advancing") in _claims(gaz, body)
