"""An adjective cue inside a verb's object ("captured the embattled town of X") describes the
place; the verb types the claim (own sentences)."""

from __future__ import annotations

import pytest
from rule_cases import got


def _types(gaz, sentence: str, place: str) -> set[tuple[str, str]]:
    return {(side, ctype) for name, side, ctype in got(gaz, sentence) if name == place}


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        (
            "Russian forces captured the embattled town of Lyman, the defence ministry said.",
            "Lyman",
            {("russia", "captured")},
        ),
        (
            "Russian missiles struck the besieged city of Kupiansk overnight, the governor said.",
            "Kupiansk",
            {("ukraine", "strike")},
        ),
        (
            "Ukrainian troops are holding the embattled town of Siversk, the General Staff said.",
            "Siversk",
            {("ukraine", "holding")},
        ),
    ],
)
def test_the_verb_types_the_place_its_adjective_describes(gaz, sentence, place, expected) -> None:
    assert _types(gaz, sentence, place) == expected


def test_an_adjective_alone_still_types_the_place(gaz) -> None:
    sentence = "The governor said the embattled town of Vovchansk had no power for a week."
    assert ("ukraine", "fighting") in _types(gaz, sentence, "Vovchansk")


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("We are holding Pokrovsk, the commander told reporters.", "Pokrovsk"),
        ("The marines are still holding the village of Krynky, the navy said.", "Krynky"),
    ],
)
def test_holding_a_place_named_after_the_verb(gaz, sentence: str, place: str) -> None:
    assert {t for _s, t in _types(gaz, sentence, place)} == {"holding"}


@pytest.mark.parametrize(
    ("sentence", "place", "ctype"),
    [
        (
            "Ukrainian troops clashed with Russian units near Kupiansk, the army said.",
            "Kupiansk",
            "fighting",
        ),
        (
            "Ukrainian troops took back Kupiansk, the general said on Friday.",
            "Kupiansk",
            "captured",
        ),
        (
            "Ukraine maintains control of Kupiansk, the military said on Friday.",
            "Kupiansk",
            "holding",
        ),
    ],
)
def test_round_11_wordings(gaz, sentence: str, place: str, ctype: str) -> None:
    """ "clashed with ... near X", "took back X", "maintains control of X" (not a speech verb)."""
    assert ctype in {t for _s, t in _types(gaz, sentence, place)}


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Stepnohirsk and Prymorske were shelled with artillery.", {"Stepnohirsk", "Prymorske"}),
        ("Kupiansk was hit by guided bombs overnight, the governor said.", {"Kupiansk"}),
        (
            "Russian guns shelled villages on the left bank, in particular Oleshky and "
            "Hola Prystan, the governor said.",
            {"Oleshky", "Hola Prystan"},
        ),
    ],
)
def test_strikes_in_the_passive_and_in_a_particular_list(gaz, sentence: str, places: set) -> None:
    """ "X was shelled": the passive's subject; "in particular X and Y" lists the places; "the
    left bank" is no withdrawal."""
    for place in places:
        assert {t for _s, t in _types(gaz, sentence, place)} == {"strike"}, place


def test_drones_approaching_a_place_are_a_strike_not_an_advance(gaz) -> None:
    sentence = "The ministry said its air defences destroyed Ukrainian drones approaching Kursk."
    assert {t for _s, t in _types(gaz, sentence, "Kursk")} == {"strike"}
    troops = "The ministry said Russian troops were approaching Kupiansk."
    assert {t for _s, t in _types(gaz, troops, "Kupiansk")} == {"advancing"}
