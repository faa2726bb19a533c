"""A cue's claim reaches every place of a coordinated list (round 8b): the list's members share
the cue that governs it, through the glue reporters put between them (a locator closing one part,
"the capital", "on the outskirts of", "not only ... but also in", "almost all of"); a list ends at
a new verb or a clause. Sentences in the project's own words, run through `extract`."""

from __future__ import annotations

import pytest
from rule_cases import got, match

# (text, claims expected, claims forbidden); a claim is (place, side or None, type)
CASES = [
    (  # a bare compass point closes a part (lead, round 9)
        "Missiles hit Lutsk in the west, Sumy in the northeast and Mykolaiv in the south "
        "before dawn, the regional governors said.",
        [("Lutsk", None, "strike"), ("Sumy", None, "strike"), ("Mykolaiv", None, "strike")],
        [],
    ),
    (
        "Blasts were reported in Chernihiv in the north and Kherson in the south, the "
        "officials said.",
        [("Chernihiv", None, "strike"), ("Kherson", None, "strike")],
        [],
    ),
    (  # a locator closes the first part; the list goes on after it
        "The governors said blasts were heard in Rivne and Lutsk in western Ukraine, Poltava "
        "and Kremenchuk in central Ukraine.",
        [("Rivne", None, "strike"), ("Lutsk", None, "strike"), ("Poltava", None, "strike")]
        + [("Kremenchuk", None, "strike")],
        [],
    ),
    (
        "Officials said blasts were heard in Sumy and Okhtyrka in northern Ukraine, "
        "Odesa and Izmail in southern Ukraine.",
        [("Sumy", None, "strike"), ("Okhtyrka", None, "strike"), ("Odesa", None, "strike")]
        + [("Izmail", None, "strike")],
        [],
    ),
    (  # a bracketed region closes a part too
        "The ministry said its units advanced near Rodynske and Shakhove (Donetsk region), "
        "and near Kamianske (Zaporizhzhia region) too.",
        [("Shakhove", None, "advancing"), ("Kamianske", None, "advancing")],
        [],
    ),
    (  # "the capital" before the last item
        "Missiles hit the cities of Odesa, Poltava and the capital Kyiv overnight, officials said.",
        [("Odesa", None, "strike"), ("Poltava", None, "strike"), ("Kyiv", None, "strike")],
        [],
    ),
    (
        "Drones struck Sumy, Konotop and the regional capital, Chernihiv, on Sunday, the "
        "air force said.",
        [("Sumy", None, "strike"), ("Konotop", None, "strike"), ("Chernihiv", None, "strike")],
        [],
    ),
    (  # "and on the outskirts of" the last item
        "Battles are raging in Bilohorivka and on the outskirts of Lysychansk, the governor said.",
        [("Bilohorivka", None, "fighting"), ("Lysychansk", None, "fighting")],
        [],
    ),
    (
        "The brigade said fighting went on in Kurakhove and on the outskirts of Pokrovsk.",
        [("Kurakhove", None, "fighting"), ("Pokrovsk", None, "fighting")],
        [],
    ),
    (  # "not only near A but also around B, C"
        "Clashes go on not only near Toretsk but also around the areas of Chasiv Yar and Siversk, "
        "the General Staff said.",
        [("Toretsk", None, "fighting"), ("Chasiv Yar", None, "fighting")]
        + [("Siversk", None, "fighting")],
        [],
    ),
    (
        "The army said there was fighting not only in Vovchansk but also near Lyptsi.",
        [("Vovchansk", None, "fighting"), ("Lyptsi", None, "fighting")],
        [],
    ),
    (  # a short aside in brackets, and "part of", stay inside the list
        "Siversk (for now), Lysychansk and Zolote (several villages), part of Rubizhne, "
        "remain under Ukrainian control, the governor said.",
        [("Siversk", None, "holding"), ("Lysychansk", None, "holding")]
        + [("Zolote", None, "holding"), ("Rubizhne", None, "holding")],
        [],
    ),
    (
        "The governor said Bilohorivka (partly) and Kreminna remain under Russian control.",
        [("Bilohorivka", None, "holding"), ("Kreminna", None, "holding")],
        [],
    ),
    (  # a staff's tally of assault actions across a list of settlements
        "The staff said it counted 25 assault actions on May 3, across settlements "
        "including Shakhove, Rodynske, Myrnohrad and Udachne.",
        [("Rodynske", None, "fighting"), ("Myrnohrad", None, "fighting")]
        + [("Udachne", None, "fighting")],
        [],
    ),
    (  # a stretch named by its two ends: the ends only locate it
        "The brigade said Russian drones keep the road linking Kramatorsk and Sloviansk "
        "under fire.",
        [],
        [("Kramatorsk", None, "strike"), ("Sloviansk", None, "strike")],
    ),
    (
        "Russian artillery shelled the highway between Kupiansk and Svatove, the army said.",
        [],
        [("Kupiansk", None, "strike"), ("Svatove", None, "strike")],
    ),
    (  # the same two places as targets are a list
        "Russian artillery shelled Kupiansk and Svatove, the army said.",
        [("Kupiansk", None, "strike"), ("Svatove", None, "strike")],
        [],
    ),
    (  # a passive retaking reaches the whole subject list
        "Kupiansk and Balakliia were retaken within a week, the army said.",
        [("Kupiansk", None, "captured"), ("Balakliia", None, "captured")],
        [],
    ),
    (  # a plural aside locating the list is not its last member
        "Irpin and Bucha, commuter towns outside Kyiv, have been retaken, a spokesman said.",
        [("Irpin", None, "captured"), ("Bucha", None, "captured")],
        [("Kyiv", None, "captured")],
    ),
    (
        "Izium and Balakliia, two towns southeast of Kharkiv, were retaken last week, "
        "the army said.",
        [("Izium", None, "captured"), ("Balakliia", None, "captured")],
        [("Kharkiv", None, "captured")],
    ),
    (  # a locating aside between the subject and its verb
        "The brigade said the village of Soledar, also located north of the eastern city of "
        "Bakhmut, had been captured.",
        [("Soledar", None, "captured")],
        [("Bakhmut", None, "captured")],
    ),
    (
        "The ministry said Kreminna, which lies just west of the town of Rubizhne, had been "
        "taken back.",
        [],
        [("Rubizhne", None, "captured")],
    ),
    (  # a passive repelled attack whose places follow the verb
        "The staff said attacks were repelled near Kurakhove, Uspenivka and Vovchansk.",
        [("Kurakhove", None, "fighting"), ("Uspenivka", None, "fighting")]
        + [("Vovchansk", None, "fighting")],
        [],
    ),
    (  # ", in B" joins the list when it goes on after B
        "The army said fighting went on near Toretsk, in Chasiv Yar and around Siversk.",
        [("Toretsk", None, "fighting"), ("Chasiv Yar", None, "fighting")]
        + [("Siversk", None, "fighting")],
        [],
    ),
    (  # "the direction of" the last item
        "Enemy troops attacked near Lyman, Siversk and in the direction of Kramatorsk, "
        "the staff said.",
        [("Lyman", None, "fighting"), ("Kramatorsk", None, "fighting")],
        [],
    ),
    (  # a new verb ends the list: B is the second verb's place, not the first's
        "The army said its units improved positions near Robotyne and repelled attacks "
        "near Verbove.",
        [("Verbove", None, "fighting")],
        [("Verbove", None, "advancing")],
    ),
    (  # a locator after a list item is not a list of targets
        "Russian drones hit Kupiansk in the Kharkiv region overnight, the governor said.",
        [("Kupiansk", None, "strike")],
        [("Kharkiv Oblast", None, "strike")],
    ),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), CASES)
def test_every_place_of_a_list_shares_its_cue(gaz, text, expected, forbidden):
    found = got(gaz, text)
    for want in expected:
        assert match(want, found), (want, found)
    for bad in forbidden:
        assert not match(bad, found), (bad, found)


@pytest.mark.parametrize(
    ("gap", "listed"),
    [
        (" and ", True),
        (" in western Ukraine, ", True),
        (" (Kharkiv region), and near ", True),
        (", Poltava and the capital ", True),  # an item the gazetteer lacks stays listed
        (" and the capital ", True),
        (" and on the outskirts of ", True),
        (" but also around the areas of ", True),
        (" and almost all of ", True),
        (" (for now), ", True),
        (" and Zolote (several villages), part of ", True),
        (" (2 km east), ", False),
        (" in western Ukraine, the governor said, and ", False),
        (" and Sumy in northern Ukraine, but ", False),
        (" between ", False),
    ],
)
def test_the_list_glue(gap, listed):
    """cues._COORD_GAP_RE: the text between two list members is list glue, nothing more."""
    from geomap.extract.cues import _COORD_GAP_RE

    assert (_COORD_GAP_RE.fullmatch(gap) is not None) is listed
