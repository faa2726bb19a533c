"""Round 9 attribution constructions (own sentences): a passive report verb names no speaker
("Blasts were also reported in X"), and speakers named in the plural ("the governors said")."""

from __future__ import annotations

import pytest

from geomap.extract.claimants import attribute, is_local_official


@pytest.mark.parametrize(
    "sentence",
    [
        "Explosions were also reported in Rivne and Lutsk on Tuesday morning.",
        "Blasts were still being reported near the port after midnight.",
        "Heavy fighting was again reported around the rail junction.",
        "Strikes have now been reported in three districts of the city.",
    ],
)
def test_a_passive_report_with_an_adverb_names_no_speaker(sentence: str) -> None:
    a = attribute(sentence)
    assert a.claimant is None, a
    assert a.content == (0, len(sentence))


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("The strikes were also confirmed by the regional governor.", "the regional governor"),
        ("Fighting was also reported near the dam, the ministry said.", "the ministry"),
        ("The army also reported shelling near the bridge.", "The army"),
    ],
)
def test_an_agent_or_a_later_speaker_still_speaks(sentence: str, claimant: str) -> None:
    assert attribute(sentence).claimant == claimant


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Blasts shook Lutsk and Rivne overnight, regional governors said.", "regional governors"),
        ("Two schools were damaged in the shelling, the mayors said.", "the mayors"),
        ("The crossing was retaken on Friday, brigade spokesmen said.", "brigade spokesmen"),
        (
            "Drones hit two substations, the local commanders told reporters.",
            "the local commanders",
        ),
    ],
)
def test_speakers_in_the_plural_speak(sentence: str, claimant: str) -> None:
    a = attribute(sentence)
    assert a.claimant == claimant, a
    assert a.content[1] <= a.attribution[0]


def test_plural_governors_and_mayors_speak_for_the_place() -> None:
    assert is_local_official("the regional governors")
    assert is_local_official("mayors of two frontline towns")


@pytest.mark.parametrize(
    ("sentence", "claimant", "side"),
    [
        (
            "According to a new briefing by the U.K. defence ministry, Ukrainian units gained "
            "ground near the lake.",
            "a new briefing by the U.K. defence ministry",
            "third-party",
        ),
        (
            "Two bridges were hit, according to the U.S. military.",
            "the U.S. military",
            "third-party",
        ),
        (
            "According to the U.N. mission, the clinic was shelled.",
            "the U.N. mission",
            "third-party",
        ),
    ],
)
def test_an_initialism_does_not_end_the_source(sentence: str, claimant: str, side: str) -> None:
    a = attribute(sentence)
    assert (a.claimant, a.side) == (claimant, side), a


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "Enemy boats were sunk near the island, the commander of the 31st Separate "
            "Battalion of Coastal Drones Heron, Petro Ivanenko, reported in a comment to radio.",
            "the commander of the 31st Separate Battalion of Coastal Drones Heron, Petro Ivanenko",
        ),
        (
            "A column was hit near the dam, a spokesman for the 9th Brigade of the Territorial "
            "Defence Forces, Ivan Marchuk, said.",
            "a spokesman for the 9th Brigade of the Territorial Defence Forces, Ivan Marchuk",
        ),
    ],
)
def test_a_long_unit_name_stays_in_the_title(sentence: str, claimant: str) -> None:
    """A title naming a unit of many words before the person's name stays the claimant's:
    the unit (a combatant) decides the side, not the content's "Russian troops"."""
    assert attribute(sentence).claimant == claimant


@pytest.mark.parametrize(
    "sentence",
    [
        "In Lutsk, the army hit a depot holding shells received from the United States and Canada.",
        "The fuel came from a plant the United States built near the port in the 1990s.",
    ],
)
def test_a_verb_inside_a_proper_name_is_no_verb(sentence: str) -> None:
    """ "States" in "the United States" is part of a name, not the verb "states"."""
    assert attribute(sentence).claimant is None


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Kyiv Says Its Troops Retook The Village", "Kyiv"),
        ("KYIV HAS SAID its troops retook the village near the river.", "KYIV"),
    ],
)
def test_a_headline_or_a_capitalised_lede_keeps_its_verb(sentence: str, claimant: str) -> None:
    assert attribute(sentence).claimant == claimant


@pytest.mark.parametrize(
    ("sentence", "claimant", "content"),
    [
        (
            "Enemy troops tried once to storm the hill on Monday, which failed, that "
            "morning bulletin said.",
            "that morning bulletin",
            "Enemy troops tried once to storm the hill on Monday, which failed,",
        ),
        (
            "Two boats were sunk near the island, that report said on Friday.",
            "that report",
            "Two boats were sunk near the island,",
        ),
    ],
)
def test_a_demonstrative_that_trails_its_content(sentence: str, claimant: str, content: str):
    """ ", that statement said." points back at a source: "that" opens no clause here."""
    a = attribute(sentence)
    assert (a.claimant, sentence[a.content[0] : a.content[1]]) == (claimant, content)


def test_a_subordinating_that_still_opens_the_content() -> None:
    a = attribute("Officials said that the army reported heavy losses near the dam.")
    assert a.claimant == "Officials"


def test_a_negated_passive_makes_no_claim_of_its_agent() -> None:
    """ "was not confirmed by Kyiv" is no claim of Kyiv's (negations stay out of the adverbs)."""
    a = attribute("The fall of the village was not confirmed by the brigade.")
    assert a.claimant != "the brigade"
