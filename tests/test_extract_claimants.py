"""Attribution patterns and sides, in reporters' phrasings (no gazetteer needed)."""

from __future__ import annotations

import pytest

from geomap.extract.claimants import attribute, side_of


def _content(s: str) -> str:
    a = attribute(s)
    return s[a.content[0] : a.content[1]]


@pytest.mark.parametrize(
    "sentence,claimant,side,content_has",
    [
        (
            "Moscow said on Tuesday its troops had entered the village.",
            "Moscow",
            "russia",
            "entered the village",
        ),
        (
            "Troops entered the village, Russia's Defence Ministry said in a statement.",
            "Russia's Defence Ministry",
            "russia",
            "Troops entered",
        ),
        (
            "The town is still ours, according to a Ukrainian brigade commander.",
            "a Ukrainian brigade commander",
            "ukraine",
            "still ours",
        ),
        (
            "A spokesman for Ukraine's 47th brigade, which defends the area, "
            "said the attack failed.",
            "A spokesman for Ukraine's 47th brigade",
            "ukraine",
            "the attack failed",
        ),
        (
            "In the Donetsk region, officials said a bomb hit a school.",
            "officials",
            None,
            "a bomb hit a school",
        ),
        ("Kyiv rejected the claim.", "Kyiv", "ukraine", "the claim"),
        (
            "Analysts at the Institute for the Study of War said the push was slowing.",
            "Analysts at the Institute for the Study of War",
            "third-party",
            "the push was slowing",
        ),
        (
            "Russian war bloggers claimed the bridge was destroyed.",
            "Russian war bloggers",
            "russia",
            "the bridge was destroyed",
        ),
    ],
)
def test_attribution(sentence, claimant, side, content_has):
    a = attribute(sentence)
    assert a.claimant == claimant
    assert a.side == side
    assert content_has in _content(sentence)


def test_denial_verb_flags_denial():
    assert attribute("Kyiv denied that the town had fallen.").denial
    assert not attribute("Kyiv said that the town had not fallen.").denial


def test_narration_has_no_claimant():
    a = attribute("The town lies on a hill above the river.")
    assert a.claimant is None and a.content == (0, len("The town lies on a hill above the river."))


def test_trailing_clause_after_attribution_is_extra_content():
    s = "Two houses burned, the governor said, adding that a school was hit in the town."
    a = attribute(s)
    assert a.claimant == "the governor"
    assert a.extra and "a school was hit" in s[a.extra[0] : a.extra[1]]


@pytest.mark.parametrize(
    "claimant,side",
    [
        ("Ukrainian military observers", "ukraine"),
        ("Moscow-installed officials", "russia"),
        ("the Kremlin", "russia"),
        ("Western military analysts", "third-party"),
        ("AFP reporters", "third-party"),
        ("prosecutors", None),
    ],
)
def test_side_of(claimant, side):
    assert side_of(claimant) == side


@pytest.mark.parametrize(
    ("sentence", "claimant", "side", "content"),
    [
        # wire copy's inverted attribution: the quotation is the content, never the claimant
        (
            '"Our units hold the town," said Ivan Petrenko, a spokesman for the eastern group.',
            "Ivan Petrenko, a spokesman for the eastern group",
            None,
            '"Our units hold the town,"',
        ),
        (
            '"The village is ours," said a Russian defence ministry spokesman.',
            "a Russian defence ministry spokesman",
            "russia",
            '"The village is ours,"',
        ),
        (
            '"We hold the town," Ivan Petrenko, a spokesman for the Ukrainian army, said.',
            "Ivan Petrenko, a spokesman for the Ukrainian army",
            "ukraine",
            '"We hold the town,"',
        ),
        ('"We hold the town," he said.', "he", None, '"We hold the town,"'),
        # a quoted unit name inside the claimant phrase is part of it, not a quotation
        (
            'The spokesman of the Operational Group "Donbas," Petro Ivanenko, stated that '
            "Ukrainian units still hold most of the town.",
            "The spokesman of the Operational Group Donbas, Petro Ivanenko",
            None,
            " that Ukrainian units still hold most of the town.",
        ),
        (
            "The “Zapad” group’s spokesman Ivan Sidorov said Russian troops took the village.",
            "The Zapad group’s spokesman Ivan Sidorov",
            None,
            " Russian troops took the village.",
        ),
        (
            "Ukraine’s “Khortytsia” grouping said its troops were repelling attacks.",
            "Ukraine’s Khortytsia grouping",
            "ukraine",
            " its troops were repelling attacks.",
        ),
        (
            'Troops pulled back from the bridge, the "Luhansk" group\'s spokesman said.',
            "the Luhansk group's spokesman",
            None,
            "Troops pulled back from the bridge,",
        ),
        (
            'According to the "Vostok" group, the enemy lost two tanks near the farm.',
            "the Vostok group",
            None,
            " the enemy lost two tanks near the farm.",
        ),
    ],
)
def test_quotations_and_quoted_names_around_the_speaker(sentence, claimant, side, content):
    """A quotation before the verb is what is claimed, the speaker follows; a quoted unit name
    ('the Group "Kharkiv," Name, stated') belongs to the claimant phrase."""
    a = attribute(sentence)
    assert (a.claimant, a.side) == (claimant, side)
    assert sentence[a.content[0] : a.content[1]] == content
