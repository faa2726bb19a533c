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
            "Analysts at the Institute for the Study of War wrote the push was slowing.",
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
        ("Ukrainian war correspondents", "ukraine"),
        ("Ukrainian military observers", "third-party"),  # an observer speaks as an analyst
        ("Moscow-installed officials", "russia"),
        ("the Kremlin", "russia"),
        ("Western military analysts", "third-party"),
        ("Analysts", "third-party"),
        ("AFP reporters", "third-party"),
        ("prosecutors", None),
        # a source naming both sides is neither's voice; one side twice stays that side
        ("Russian and Ukrainian sources", "third-party"),
        ("both sides", "third-party"),
        ("Russian and pro-Russian bloggers", "russia"),
    ],
)
def test_side_of(claimant, side):
    assert side_of(claimant) == side


@pytest.mark.parametrize(
    "sentence,claimant,side,content",
    [
        (
            "The retreat from the western outskirts had earlier been reported by British "
            "intelligence.",
            "British intelligence",
            "third-party",
            "The retreat from the western outskirts had earlier ",
        ),
        (
            "This was stated on air by Petro Hnatenko, a spokesman for the Ukrainian army's "
            "southern command, according to the agency.",
            "Petro Hnatenko, a spokesman for the Ukrainian army's southern command",
            "ukraine",
            "This ",
        ),
    ],
)
def test_a_passive_speech_verb_takes_its_agent_as_claimant(sentence, claimant, side, content):
    a = attribute(sentence)
    assert (a.claimant, a.side) == (claimant, side)
    assert sentence[a.content[0] : a.content[1]] == content


def test_a_passive_without_an_agent_is_not_attributed_to_its_subject():
    a = attribute("The depot was reported destroyed by the drones.")
    assert a.claimant != "The depot was"


@pytest.mark.parametrize(
    "claimant,intro,side",
    [
        (
            "Hnatenko",
            "Petro Hnatenko, spokesman for the Eastern group of Ukraine's army",
            "ukraine",
        ),
        ("Melnyk", "LPR head Ivan Melnyk", "russia"),
        (
            "the spokesperson",
            "a spokesperson for the Southern Defence Forces of Ukraine",
            "ukraine",
        ),
    ],
)
def test_a_surname_or_bare_title_takes_the_side_of_its_introduction(claimant, intro, side):
    from geomap.extract.claimants import introduction

    text = f"Shelling went on, {intro}, said on Monday. Later that day more was said."
    got = introduction(text, len(text) - 5, claimant)
    assert got is not None and side_of(got) == side
    assert introduction("Shelling went on. Later that day more was said.", 40, claimant) is None


@pytest.mark.parametrize(
    "sentence,side",
    [
        ("Russia has beaten back attacks near the river, its defence ministry said.", "russia"),
        ("Ukraine has pushed the enemy out of two hamlets, its defence ministry said.", "ukraine"),
    ],
)
def test_its_ministry_speaks_for_the_state_the_sentence_opens_on(sentence, side):
    from geomap.extract.reporting import institution_side

    a = attribute(sentence)
    assert (
        institution_side(a.claimant, sentence, "ukraine" if side == "russia" else "russia") == side
    )


@pytest.mark.parametrize(
    "text,claimant,side",
    [
        (
            "Ukraine's Centre for Countering Disinformation said the depot burned. The plant "
            "mattered, the centre's head Ivan Petrenko wrote.",
            "the centre's head Ivan Petrenko",
            "ukraine",
        ),
        (
            "The 47th Brigade of the Russian army said it held. The line held, the brigade's "
            "spokesman said.",
            "the brigade's spokesman",
            "russia",
        ),
    ],
)
def test_a_definite_possessor_points_back_to_the_institution_named_before(text, claimant, side):
    from geomap.extract.claimants import introduction

    got = introduction(text, len(text) - 10, claimant)
    assert got is not None and side_of(got) == side


@pytest.mark.parametrize(
    "sentence,claimant,content_start",
    [
        (
            "ISW observed Russian troops inside Toretsk on Monday and said the town would fall.",
            "ISW",
            " observed",
        ),
        (
            "The governor visited the damaged school on Monday and said the road was shelled.",
            "The governor",
            " visited",
        ),
    ],
)
def test_a_speech_verb_coordinated_with_an_earlier_verb_takes_their_subject(
    sentence, claimant, content_start
):
    a = attribute(sentence)
    assert a.claimant == claimant
    assert sentence[a.content[0] :].startswith(content_start)


@pytest.mark.parametrize("opener", ["According to our information", "According to my data"])
def test_according_to_our_information_is_the_speakers_own_words(opener):
    s = f'"{opener}, civilians remain there as the enemy keeps shelling the town," Melnyk said.'
    a = attribute(s)
    assert a.claimant == "Melnyk" and a.verb == "said"


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


@pytest.mark.parametrize(
    "sentence",
    [
        "On 12 March, reports emerged that the enemy had broken through by the bridge.",
        "Claims surfaced on Sunday that the bridge had been blown up.",
    ],
)
def test_reports_as_a_noun_name_no_claimant(sentence):
    """ "reports emerged", "claims surfaced": nouns, not a speech verb whose subject is the
    time phrase before it; the writer's narration."""
    assert attribute(sentence).claimant is None


def test_a_time_phrase_before_a_claimant_keeps_the_claimant():
    assert attribute("On Friday Moscow said its troops had taken the hill.").side == "russia"


@pytest.mark.parametrize(
    "sentence,claimant",
    [
        (
            "Nine drones were shot down over the region overnight, the air force said.",
            "the air force",
        ),
        ("Two boats sank near the port, the navy said.", "the navy"),
    ],
)
def test_a_service_after_the_content_is_the_claimant_not_the_content(sentence, claimant):
    """A trailing claimant headed by a service noun ("the air force") is the claimant; the
    capitalised content before the comma is not."""
    assert attribute(sentence).claimant == claimant


def test_content_before_an_unknown_trailing_speaker_is_never_the_claimant():
    """When the words after the last comma hold no claimant head the parser knows, the clause
    before them is still the content, not a speaker: a short noun phrase whose speech verb
    closes the sentence is the speaker (round 11), and the aside skip only takes a noun phrase
    with a claimant head ("Authorities in Enerhodar, the town beside the plant, blamed ...")."""
    a = attribute("Nine drones were shot down over the region overnight, the coastal defence said.")
    assert a.claimant == "the coastal defence"
    assert a.content[0] == 0 and a.content[1] <= a.attribution[0]
    assert (
        attribute(
            "Authorities in Enerhodar, the town beside the plant, blamed enemy shelling."
        ).claimant
        == "Authorities in Enerhodar"
    )


@pytest.mark.parametrize(
    ("sentence", "claimant", "side"),
    [
        (
            "In a video posted overnight, Denis Pushilin admitted his men had left the farm.",
            "Denis Pushilin",
            "russia",
        ),
        (
            "In a statement published on its website, Ukraine's navy said two boats were sunk.",
            "Ukraine's navy",
            "ukraine",
        ),
    ],
)
def test_a_participle_after_an_opening_phrase_is_not_the_speech_verb(sentence, claimant, side):
    """'In a message posted on X, Y admitted ...': the participle describes the message; the
    speaker is the subject after the comma."""
    a = attribute(sentence)
    assert (a.claimant, a.side) == (claimant, side)


@pytest.mark.parametrize(
    ("sentence", "claimant", "side"),
    [
        (
            "The Russian ministry has again spread information about the loss of the hill.",
            "The Russian ministry",
            "russia",
        ),
        ("Moscow conceded on Tuesday that enemy troops had crossed the river.", "Moscow", "russia"),
        (
            "Ukraine's General Staff assured that no brigade was cut off.",
            "Ukraine's General Staff",
            "ukraine",
        ),
    ],
)
def test_conceding_assuring_and_spreading_word_are_speech(sentence, claimant, side):
    a = attribute(sentence)
    assert (a.claimant, a.side) == (claimant, side)
    assert attribute("The fire spread to the warehouse.").claimant is None


def test_a_minister_without_a_nationality_speaks_for_the_place():
    from geomap.extract.claimants import is_local_official

    assert side_of("economy minister Olena Marchuk") is None
    assert is_local_official("economy minister Olena Marchuk")
    assert not is_local_official("the foreign minister's aide")


def test_a_reduced_relative_reported_by_names_its_claimant():
    """'a strike reported by X' is the passive 'a strike (that was) reported by X'."""
    a = attribute(
        "Fires broke out in the port after a drone attack reported by Ukrainian officials."
    )
    assert (a.claimant, a.side) == ("Ukrainian officials", "ukraine")
    assert (
        "drone attack"
        in "Fires broke out in the port after a drone attack"[a.content[0] : a.content[1]]
    )


@pytest.mark.parametrize(
    "sentence,name",
    [
        (
            "The press officer of the Operational and Tactical Group of Forces Donetsk, "
            "Mykola Ivanenko, said on television that the brigade still holds Siversk.",
            "Mykola Ivanenko",
        ),
        (
            "A deputy head of the Operational and Strategic Group of Forces Tavria, "
            "Petro Savchuk, told reporters the line near Orikhiv is stable.",
            "Petro Savchuk",
        ),
    ],
)
def test_a_long_unit_title_before_the_name_stays_in_the_claimant(sentence, name):
    # a title of up to 12 words between the sentence start and ", Name," is the speaker's
    # title, not content ("and" inside a unit's name included)
    att = attribute(sentence)
    assert att.claimant is not None and att.claimant.endswith(name), att
    assert att.claimant.lower().startswith(("the press officer", "a deputy head")), att
    assert (
        "Siversk" in sentence[att.content[0] : att.content[1]]
        or "Orikhiv" in sentence[att.content[0] : att.content[1]]
    )
