"""A role noun phrase closing a sentence names its speaker ("..., the general said."), and a
definite one ("the politician") refers back to the person last quoted (own sentences)."""

from __future__ import annotations

import pytest
from rule_cases import claims_of

from geomap.extract.claimants import attribute, is_definite_person


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Ukrainian units are holding the line near the bridge, the general said.", "the general"),
        (
            "Assault groups tried to cross the river twice, the colonel told reporters.",
            "the colonel",
        ),
        (
            "The road into the town is cut, a Ukrainian lawmaker said on Friday.",
            "a Ukrainian lawmaker",
        ),
        ("Enemy troops entered the suburbs overnight, an aide said.", "an aide"),
    ],
)
def test_a_closing_role_is_the_speaker_not_the_clause_before(sentence: str, claimant: str) -> None:
    a = attribute(sentence)
    assert a.claimant == claimant
    said = sentence[a.content[0] : a.content[1]]
    assert said.startswith(sentence.split(",")[0]), a


def test_a_role_in_the_middle_of_a_clause_is_not_taken_for_a_closing_speaker() -> None:
    # the verb does not end the sentence: the aside is skipped, as before
    a = attribute(
        "Officials in the district, the area beside the plant, said that shelling went on."
    )
    assert a.claimant != "the area beside the plant"


@pytest.mark.parametrize(
    ("claimant", "expected"),
    [
        ("the general", True),
        ("the prime minister", True),
        ("the ministry", False),
        ("a general", False),
    ],
)
def test_definite_person(claimant: str, expected: bool) -> None:
    assert is_definite_person(claimant) is expected


def test_the_role_carries_the_person_quoted_before_and_their_side(gaz) -> None:
    text = (
        "General Ivan Moroz, who commands Ukraine's eastern forces, said on Friday that "
        "fighting went on all day.\n\n"
        "Ukrainian troops are still holding positions in Kupiansk, the general said.\n"
    )
    held = [c for c in claims_of(gaz, text) if c.place.name == "Kupiansk"]
    assert [(c.side, c.type) for c in held] == [("ukraine", "holding")]
    assert "Moroz" in (held[0].claimant or "")


def test_without_the_fix_the_whole_clause_was_the_speaker(gaz) -> None:
    text = "Ukrainian troops are holding positions in Kupiansk, the general said.\n"
    held = [c for c in claims_of(gaz, text) if c.place.name == "Kupiansk"]
    assert [(c.side, c.type) for c in held] == [("ukraine", "holding")]
    assert held[0].claimant != "Ukrainian troops are holding positions in Kupiansk"


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian troops advanced near the river crossing, said the Russian defence ministry.",
        "Ukrainian units withdrew from two villages, said a spokesman for the eastern group.",
        "Enemy forces took the hill overnight, said Ukraine's General Staff.",
    ],
)
def test_a_clause_before_comma_said_is_the_content(sentence: str) -> None:
    """ "X withdrew from Y, said Z": a past verb without -ed, or one before a preposition,
    makes the phrase before the comma a clause; the speaker follows the verb."""
    a = attribute(sentence)
    assert a.claimant is not None and sentence.split(",")[0] not in a.claimant, a
    assert a.content[0] == 0 and a.content[1] - sentence.index(",") in (0, 1)
