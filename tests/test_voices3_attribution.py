"""Attribution constructions that misread the voice (round 7), in our own sentences: who speaks
and for which side, without a gazetteer."""

from __future__ import annotations

import pytest

from geomap.extract.claimants import attribute


def _parts(sentence: str) -> tuple[str | None, str | None, str, str]:
    a = attribute(sentence)
    extra = sentence[a.extra[0] : a.extra[1]] if a.extra else ""
    return a.claimant, a.side, sentence[a.content[0] : a.content[1]], extra


@pytest.mark.parametrize(
    "sentence,claimant,side,content_has",
    [
        # "and" inside an institution's name, or between two named sources
        (
            "Kyiv's National Security and Defence Council said the depot near the river burned.",
            "Kyiv's National Security and Defence Council",
            "ukraine",
            "the depot",
        ),
        (
            "Ivan Kravets, an official of Ukraine's Security and Defence Council, said the "
            "bridge still stood.",
            "Ivan Kravets, an official of Ukraine's Security and Defence Council",
            "ukraine",
            "bridge still stood",
        ),
        (
            "The line moved after Russian war bloggers and Z-channels reported a retreat.",
            "Russian war bloggers and Z-channels",
            "russia",
            "a retreat",
        ),
        (
            "Russian and Ukrainian sources said the ferry crossing was under fire.",
            "Russian and Ukrainian sources",
            "third-party",
            "ferry crossing",
        ),
        # a relative clause with its own verb is part of the claimant, not its start
        (
            "Petro Lysenko, the Moscow-appointed head of the district which Russia holds, "
            "admitted that the enemy had crossed the canal.",
            "Petro Lysenko, the Moscow-appointed head of the district which Russia holds",
            "russia",
            "crossed the canal",
        ),
        # "claims"/"reports" after an opener are nouns; the speaker comes later
        (
            "Despite earlier claims, the Kremlin-installed governor Ivan Orlov conceded that "
            "the landing party held the island.",
            "the Kremlin-installed governor Ivan Orlov",
            "russia",
            "held the island",
        ),
        # an opening quotation before a speech verb is no closing one
        (
            'The president "thanked our soldiers for a hard victory", his spokesman told '
            "state television.",
            "his spokesman",
            None,
            "thanked our soldiers",
        ),
        # "per cent" cites no one
        (
            '"Some 70 per cent of the village is still ours," the brigade commander added.',
            "the brigade commander",
            None,
            "70 per cent",
        ),
        # a title abbreviated with a full stop stays in the claimant
        (
            "Two fishermen were hurt, according to regional Gov. Ivan Petrenko, who spoke "
            "on television.",
            "regional Gov. Ivan Petrenko",
            None,
            "Two fishermen were hurt",
        ),
        # inverted: a bare title after the name; a participle ends the claimant
        (
            '"Nothing has changed on the hill," said Oleh Marchuk, spokesperson of the '
            "Ukrainian southern group, in a television interview.",
            "Oleh Marchuk, spokesperson of the Ukrainian southern group",
            "ukraine",
            "Nothing has changed",
        ),
        (
            '"We will reach the river by night," says one of the fighters seen in the clip '
            "shared on the morning of the raid by a pro-Kremlin channel.",
            "one of the fighters",
            None,
            "reach the river",
        ),
        # a source named by its own name, then described
        (
            "On Sunday, FrontMap, a Ukrainian volunteer mapping project, reported that the "
            "enemy had entered the village.",
            "FrontMap, a Ukrainian volunteer mapping project",
            "ukraine",
            "entered the village",
        ),
        # the document noun's participle; the speaker is the document's owner
        (
            "A summary posted on the Russian defence ministry's channel says that the "
            "battle for the hill goes on.",
            "A summary posted on the Russian defence ministry's channel",
            "russia",
            "battle for the hill",
        ),
        # "X, citing sources, said": X speaks
        (
            "The Ukrainian broadcaster Hromada TV, citing sources, said that the drones hit "
            "an ammunition dump.",
            "The Ukrainian broadcaster Hromada TV",
            "ukraine",
            "ammunition dump",
        ),
        # verbs of saying by description
        (
            "The southern command's spokeswoman described the front near the dam as tense "
            "but holding.",
            "The southern command's spokeswoman",
            None,
            "as tense",
        ),
        (
            "An officer of Ukraine's 30th brigade put it plainly: the enemy has lost the "
            "initiative near the farm.",
            "An officer of Ukraine's 30th brigade",
            "ukraine",
            "lost the initiative",
        ),
        (
            "The tracking site offered a new estimate, claiming that most of the town was lost.",
            "The tracking site",
            None,
            "most of the town",
        ),
        # a reduced relative after an event noun, with an adverb and a day in it
        (
            "Officials keep citing the bridge's capture, first claimed by the Kremlin on "
            "3 March, as proof of progress.",
            "the Kremlin",
            "russia",
            "the bridge's capture",
        ),
        # evidence and worry as speech
        (
            "Figures released by Ukraine's southern command indicate that the enemy lost "
            "two boats.",
            "Figures released by Ukraine's southern command",
            "ukraine",
            "lost two boats",
        ),
        (
            "The Moscow-installed governor expressed concern over losses near the bridge.",
            "The Moscow-installed governor",
            "russia",
            "losses near the bridge",
        ),
        # "according to" a name with its title between commas
        (
            "According to Ivan Petrenko, spokesman for the Ukrainian eastern group, the "
            "enemy shelled the ferry at dawn.",
            "Ivan Petrenko, spokesman for the Ukrainian eastern group",
            "ukraine",
            "shelled the ferry",
        ),
        (
            "The enemy shelled the ferry at dawn, according to Ivan Petrenko, head of the "
            "district military administration.",
            "Ivan Petrenko, head of the district military administration",
            None,
            "shelled the ferry",
        ),
        # a dateline glued to the claimant is no part of it
        (
            "KYIV (Wire) - Ukraine's navy said it sank a landing craft near the spit.",
            "Ukraine's navy",
            "ukraine",
            "sank a landing craft",
        ),
        # Russians fighting for Ukraine speak for Ukraine
        (
            "The Russian Volunteer Corps said its fighters entered a border village.",
            "The Russian Volunteer Corps",
            "ukraine",
            "entered a border village",
        ),
        # "X's claims" is a noun; the negated auxiliary is no part of the claimant
        (
            "Moscow's claims could not be checked, and Kyiv hasn’t commented on the ferry.",
            "Kyiv",
            "ukraine",
            "the ferry",
        ),
        # "told" + whom: the addressee is no content
        (
            "The ferry still runs, a port official told the agency on condition of anonymity.",
            "a port official",
            None,
            "The ferry still runs",
        ),
        # "Content, said Title Name": inverted after a plain comma, with an abbreviated rank
        (
            "The crossing is still in our hands, said Lt. Col. Petro Hnatiuk of the 24th brigade.",
            "Lt. Col. Petro Hnatiuk of the 24th brigade",
            None,
            "still in our hands",
        ),
        # a participial opener is no content
        (
            "Writing on Telegram, the mayor said two houses burned.",
            "the mayor",
            None,
            "two houses burned",
        ),
        # a relative clause's pronoun is no part of the claimant
        (
            "Ukrainian medics who spoke to reporters said the field hospital had moved.",
            "Ukrainian medics",
            "ukraine",
            "field hospital had moved",
        ),
        # "While X says A, ...": the connective is no part of the claimant
        (
            "While Moscow says its troops took the bridge, the defenders say they hold it.",
            "Moscow",
            "russia",
            "took the bridge",
        ),
    ],
)
def test_the_claimant_of_each_construction(sentence, claimant, side, content_has):
    got_claimant, got_side, content, extra = _parts(sentence)
    assert (got_claimant, got_side) == (claimant, side)
    assert content_has in content + extra


def test_a_quotation_opening_after_a_mid_sentence_attribution_is_the_speakers():
    sentence = 'Addressing the rumours, the spokesman added, "Our flag still flies over the school.'
    claimant, _side, _content, extra = _parts(sentence)
    assert claimant == "the spokesman"
    assert "flag still flies" in extra


@pytest.mark.parametrize(
    "sentence",
    [
        "Contrary to initial claims, the bridge was only damaged.",
        "Addressing reports of a breakthrough near the farm, troops dug in.",
    ],
)
def test_claims_and_reports_after_an_opener_are_nouns(sentence):
    assert attribute(sentence).claimant is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Set on a ridge, the old mining town boasts the highest point in the district.",
        "Despite confirmed damage to the depot, no one has checked the figures.",
    ],
)
def test_a_place_or_an_opener_is_no_speaker(sentence):
    assert attribute(sentence).claimant is None


def test_a_what_clause_names_no_claimant():
    a = attribute("The crew filmed what he said was the enemy's last tank near the road.")
    assert a.claimant is None or not a.claimant.lower().startswith("what")


@pytest.mark.parametrize(
    "sentence,first,second",
    [
        (
            "While Moscow says its troops took the bridge, Kyiv insists its forces hold it.",
            "While Moscow says its troops took the bridge",
            "Kyiv insists its forces hold it.",
        ),
        (
            "Although the governor said the road was open, officials in the capital said it "
            "was shut.",
            "Although the governor said the road was open",
            "officials in the capital said it was shut.",
        ),
    ],
)
def test_a_contrast_of_two_voices_turns_at_the_second_speaker(sentence, first, second):
    from geomap.extract.voices import contrast_cut

    cut = contrast_cut(sentence, 0, len(sentence))
    assert cut is not None
    assert (sentence[: cut[0]], sentence[cut[1] :]) == (first, second)
    # the same sentence further into a text
    text = "Intro line.\n\n" + sentence
    assert contrast_cut(text, 13, len(text)) == (cut[0] + 13, cut[1] + 13)


@pytest.mark.parametrize(
    "sentence",
    [
        "While the army regrouped, the town was shelled.",
        "While Russian troops advanced, Kyiv said its forces held.",
        "Moscow says its troops took the bridge, Kyiv insists they hold it.",
    ],
)
def test_no_contrast_turn_without_two_voices_after_an_opening_while(sentence):
    from geomap.extract.voices import contrast_cut

    assert contrast_cut(sentence, 0, len(sentence)) is None
