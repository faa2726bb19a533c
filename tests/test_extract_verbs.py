"""The claim-type lexicon: cues, attachment directions, goals and hedges."""

from __future__ import annotations

import pytest

from geomap.extract.verbs import _LEXICON, find_cues, is_assessment


def test_every_lexicon_row_has_triggers_from_its_own_pattern():
    for ctype, _attach, pattern, triggers, _weak in _LEXICON:
        words = triggers.split()
        assert words, pattern
        assert all(w in pattern.lower() for w in words), (ctype, pattern[:40], triggers)


@pytest.mark.parametrize(
    "clause,expected",
    [
        ("troops seized the village of Lyman", "captured"),
        ("the town was liberated", "captured"),
        ("units were still holding their positions on Lyman", "holding"),
        ("forces withdrew from Lyman", "withdrawn"),
        ("troops pulled units out of Lyman", "withdrawn"),
        ("troops pushed into the northern districts of Lyman", "advancing"),
        ("forces advanced up to 10 kilometres into Lyman", "advancing"),
        ("heavy fighting continues around Lyman", "fighting"),
        ("the embattled town of Lyman", "fighting"),
        ("missiles struck", "strike"),
        ("the city has been shelled", "strike"),
    ],
)
def test_cue_types(clause, expected):
    cues = find_cues(clause)
    assert cues and cues[0].type == expected, [(c.type, c.text) for c in cues]


@pytest.mark.parametrize(
    "clause",
    [
        "Moscow aims to capture",
        "an attempt to seize",
        "blocking Russia from advancing into",
        "it is unclear whether the town has fallen",
    ],
)
def test_goals_and_questions_cancel_cues(clause):
    assert find_cues(clause) == []


def test_hedged_goal_is_an_assessment():
    cues = find_cues("Moscow was unlikely to encircle")
    assert [c.type for c in cues] == ["assessment"]


def test_verification_caveat_is_not_an_assessment():
    assert not is_assessment("a claim that could not be independently verified")
    assert is_assessment("Russian troops could soon reach the town")


@pytest.mark.parametrize(
    "clause",
    [
        "Analysts said troops would likely capture Kupiansk, while another unit captured Lyman.",
        "The brigade is likely to retake Robotyne soon; last week it retook Verbove.",
    ],
)
def test_a_hedged_match_does_not_retype_later_matches_of_the_same_row(clause):
    """find_cues once reassigned its loop variable: after one hedged match, every later match
    of that lexicon row came out as an assessment."""
    types = [c.type for c in find_cues(clause)]
    assert types[0] == "assessment"
    assert types[-1] == "captured"


def test_each_row_keeps_its_own_trigger_words():
    """A row runs only when one of its own triggers is in the clause ("captured" is not
    loosened to "captur"): fewer candidate rows, each of which costs a pre-screen."""
    from geomap.extract.verbs import LEXICON

    for (*_x, row_triggers, _w), (*_y, trig, _rid) in zip(_LEXICON, LEXICON, strict=True):
        assert trig == frozenset(row_triggers.split())
