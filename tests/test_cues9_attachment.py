"""Cue attachment across an apposition or a predicate noun (cues._blocked), and the cue
families of round 9 in context (sentences in our own words)."""

from __future__ import annotations

from datetime import date

import pytest
from rule_cases import place_types

from geomap.extract.cues import _APPOSITION_GAP_RE

PUB = date(2025, 6, 12)


def _claims(gaz, body: str) -> set[tuple[str, str]]:
    return set(place_types(gaz, body, PUB))


@pytest.mark.parametrize(
    "body,want",
    [
        (
            "Bakhmut, a mining town that counted some 70,000 residents before the war, "
            "was taken by Russian units in May 2023.",
            ("Bakhmut", "captured"),
        ),
        (
            "Kupiansk is a railway junction on the banks of the Oskil that was briefly occupied "
            "by Russian forces in 2022.",
            ("Kupiansk", "captured"),
        ),
        (
            "Izium, once a quiet market town on the banks of the Donets, was retaken by "
            "Ukrainian troops in September.",
            ("Izium", "captured"),
        ),
    ],
)
def test_subject_reached_across_its_apposition(gaz, body: str, want: tuple[str, str]) -> None:
    assert want in _claims(gaz, body)


def test_apposition_gap_shapes() -> None:
    assert _APPOSITION_GAP_RE.fullmatch(", a town that had housed 40,000 people before the war, ")
    assert _APPOSITION_GAP_RE.fullmatch(" is a logistics hub in the east that ")
    # a clause of its own is no apposition
    assert not _APPOSITION_GAP_RE.fullmatch(" and the army said that the town ")
    assert not _APPOSITION_GAP_RE.fullmatch(", where the brigade held out for weeks, ")


def test_far_subject_without_apposition_stays_unreached(gaz) -> None:
    # a relative clause of people is no apposition of the place: the verb stays out of reach
    body = (
        "Volunteers from Kupiansk who spent the long winter in the northern trenches "
        "were captured near the border, relatives said."
    )
    assert ("Kupiansk", "captured") not in _claims(gaz, body)


def test_realised_infinitive_of_entering(gaz) -> None:
    assert ("Toretsk", "advancing") in _claims(
        gaz, "Russian sabotage groups managed to enter Toretsk overnight, the brigade said."
    )
    assert ("Toretsk", "advancing") not in _claims(
        gaz, "Russian commanders plan to enter Toretsk before the winter, the brigade said."
    )


def test_hedged_past_withdrawal_is_the_event(gaz) -> None:
    got = _claims(
        gaz, "Officials said Russian units appeared to be withdrawing from Chernihiv on Friday."
    )
    assert ("Chernihiv", "withdrawn") in got


def test_operations_in_a_place(gaz) -> None:
    got = _claims(
        gaz,
        "Search and assault operations against small enemy groups in the ruined blocks "
        "continue in Myrnohrad, the command said.",
    )
    assert ("Myrnohrad", "fighting") in got


def test_capital_described_by_its_capture_is_background(gaz) -> None:
    # the writer's aside on a regional capital: a second claim beside the main clause's
    body = (
        "Moscow said on Friday its garrison had left Kherson, the only regional capital "
        "that its army had managed to seize since the invasion began."
    )
    got = _claims(gaz, body)
    assert ("Kherson", "withdrawn") in got
    assert ("Kherson", "captured") in got
