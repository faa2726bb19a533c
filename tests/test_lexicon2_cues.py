"""Round 7b (lexicon2) cue rows, as whole sentences in the project's own words run through
`extract`: each row has a wire-style narration and a spokesman's or staff report's wording, so
the cue, its attachment to the place and the claim type are tested together."""

from __future__ import annotations

import pytest
from rule_cases import check_case, rules_with_one_text

# (rule id, text, claims expected, claims forbidden); a claim is (place, side or None, type)
CASES = [
    (
        "cue.fighting.repelled-attacks",
        "The General Staff said on Monday that its units repelled 24 enemy attacks near Pokrovsk.",
        [("Pokrovsk", None, "fighting")],
        [("Pokrovsk", None, "holding")],
    ),
    (
        "cue.fighting.repelled-attacks",
        "Moscow said its troops had beaten off three Ukrainian counterattacks near Kupiansk.",
        [("Kupiansk", "russia", "fighting")],
        [("Kupiansk", None, "holding")],
    ),
    (
        "cue.advancing.attempt-to-advance",
        "Russian assault groups are attempting to advance into Myrnohrad from the north, "
        "a Ukrainian army spokesman said.",
        [("Myrnohrad", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.attempt-to-advance",
        "The enemy keeps trying to push towards Kostiantynivka, the brigade wrote on Telegram.",
        [("Kostiantynivka", None, "advancing")],
        [("Kostiantynivka", None, "fighting")],
    ),
    (
        "cue.fighting.tried",
        "Assault groups tried to breach the defensive lines around Lyman overnight, "
        "the brigade said.",
        [("Lyman", None, "fighting")],
        [("Lyman", None, "advancing")],
    ),
    (
        "cue.fighting.tried",
        "Ukraine's army said Russian units were attempting to storm the forward positions of its "
        "units near Siversk.",
        [("Siversk", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.denied.not-able-to-enter",
        "The Russian units were not able to enter Lyman, a Ukrainian military spokesman said.",
        [("Lyman", "ukraine", "denied")],
        [("Lyman", None, "captured")],
    ),
    (
        "cue.denied.not-able-to-enter",
        "Kyiv says Russian troops have not managed to take the village of Kurakhove.",
        [("Kurakhove", "ukraine", "denied")],
        [("Kurakhove", None, "captured")],
    ),
    (
        "cue.holding.control-4",
        "Kyiv says the border town of Vovchansk still in its hands despite constant shelling.",
        [("Vovchansk", None, "holding")],
        [],
    ),
    (
        "cue.holding.control-4",
        '"Siversk is completely under our control," the Ukrainian brigade commander said.',
        [("Siversk", "ukraine", "holding")],
        [],
    ),
    (
        "cue.fighting.operations",
        "The Ukrainian General Staff said the enemy was carrying out offensive actions "
        "in the areas of Toretsk and Pokrovsk.",
        [("Toretsk", "ukraine", "fighting"), ("Pokrovsk", "ukraine", "fighting")],
        [],
    ),
    (
        "cue.fighting.operations",
        "Assault operations against enemy groups continue in Huliaipole, the brigade wrote.",
        [("Huliaipole", None, "fighting")],
        [],
    ),
    (
        "cue.withdrawn.forced-to-retreat",
        "Ukrainian brigades forced the Russian troops to retreat from Chernihiv, the mayor said.",
        [("Chernihiv", "ukraine", "withdrawn")],
        [],
    ),
    (
        "cue.withdrawn.forced-to-retreat",
        "The Russian ministry said its troops had forced the Ukrainian units to pull back "
        "from Vuhledar.",
        [("Vuhledar", "russia", "withdrawn")],
        [],
    ),
    (
        "cue.advancing.effort-to-capture",
        "Analysts say Russia has spent the winter trying to encircle Chasiv Yar.",
        [("Chasiv Yar", "third-party", "advancing")],
        [],
    ),
    (
        "cue.advancing.effort-to-capture",
        "Moscow's troops are determined to seize Kurakhove, a Ukrainian commander told reporters.",
        [("Kurakhove", "ukraine", "advancing")],
        [("Kurakhove", None, "captured")],
    ),
    (
        "cue.captured.raised-flag-over",
        "Russia's defence ministry posted a clip showing soldiers raising their country's flag "
        "over a central square in Kurakhove.",
        [("Kurakhove", "russia", "captured")],
        [],
    ),
    (
        "cue.captured.raised-flag-over",
        "Ukraine's army published footage of marines hoisting the Ukrainian flag in Kherson.",
        [("Kherson", None, "captured")],
        [],
    ),
    (
        "cue.advancing.controls-around",
        "Russian units now control ground to the east, south and west of Pokrovsk, analysts say.",
        [("Pokrovsk", "third-party", "advancing")],
        [("Pokrovsk", None, "captured")],
    ),
    (
        "cue.advancing.controls-around",
        "The Ukrainian brigade said it held positions on the western and southern outskirts "
        "of Vuhledar.",
        [("Vuhledar", "ukraine", "advancing")],
        [],
    ),
    (
        "side.media",
        "Russian troops have been pushing towards Kurakhove for weeks, according to frontline "
        "reports.",
        [("Kurakhove", "third-party", "advancing")],
        [("Kurakhove", "russia", "advancing")],
    ),
    (
        "side.media",
        "Multiple sources suggest a swift Russian advance towards Myrnohrad.",
        [("Myrnohrad", "third-party", "advancing")],
        [("Myrnohrad", "russia", "advancing")],
    ),
    (
        "cue.advancing.improv",
        "Ukrainian troops keep trying to improve their positions near Vovchansk, "
        "the spokesman said.",
        [("Vovchansk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.improv",
        "Russia's defence ministry said its units were improving their tactical positions "
        "in the area of Kupiansk.",
        [("Kupiansk", "russia", "advancing")],
        [],
    ),
    (
        "cue.advancing.massing-near",
        "A Ukrainian spokesman said there is information about an accumulation of enemy forces "
        "near Kupiansk.",
        [("Kupiansk", "ukraine", "advancing")],
        [],
    ),
    (
        "cue.advancing.massing-near",
        "Analysts say Russia is massing fresh troops near the town of Vovchansk.",
        [("Vovchansk", "third-party", "advancing")],
        [],
    ),
]


@pytest.mark.parametrize("rule,body,expected,forbidden", CASES)
def test_construction(gaz, rule, body, expected, forbidden):
    check_case(gaz, rule, body, expected, forbidden)


def test_every_construction_has_two_texts():
    assert rules_with_one_text(CASES) == {}
