"""Round 8 attribution constructions (own sentences): footage put out by a source, and a
background voice ("hours after X said") that does not become the state the story follows."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.claimants import attribute, without_medium
from geomap.extract.voices import document_source


def _content(sentence: str) -> str:
    a = attribute(sentence)
    return sentence[a.content[0] : a.content[1]]


@pytest.mark.parametrize(
    ("sentence", "claimant", "side", "content_has"),
    [
        (
            "Footage released by Moscow's army command on Monday reportedly shows "
            "soldiers raising a flag over the school in the village.",
            "Moscow's army command",
            "russia",
            "soldiers raising a flag",
        ),
        (
            "Photos being published since Sunday by the Ukrainian army appear to show its "
            "troops in the square.",
            "the Ukrainian army",
            "ukraine",
            "its troops in the square",
        ),
        (
            "Kyiv's defence ministry shared video of its tanks rolling into the town centre.",
            "Kyiv's defence ministry",
            "ukraine",
            "tanks rolling into the town centre",
        ),
        (
            "The Russian general staff a day before posted a clip apparently showing "
            "paratroopers at the railway station.",
            "The Russian general staff",
            "russia",
            "paratroopers at the railway station",
        ),
    ],
)
def test_footage_names_its_source(sentence, claimant, side, content_has):
    a = attribute(sentence)
    assert (a.claimant, a.side) == (claimant, side)
    assert content_has in _content(sentence)


def test_footage_content_ends_at_a_contrasting_voice():
    s = (
        "Images released by the Russian army confirm that its units hold the bridge, "
        "although Ukrainian officers insist fighting goes on."
    )
    assert "fighting goes on" not in _content(s)
    assert "hold the bridge" in _content(s)


@pytest.mark.parametrize(
    "sentence",
    [
        "The video was posted by a soldier on Sunday.",
        "Outlets, including some close to the army, published videos of the blasts.",
        "He shared photos of his house with reporters.",
    ],
)
def test_no_footage_source(sentence):
    a = attribute(sentence)
    assert a.claimant is None or a.claimant not in ("a soldier", "the army", "He")


PUB = date(2025, 2, 7)


def _claims(gaz, body: str) -> list:
    return extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims


def test_a_background_voice_is_not_the_state_a_bare_ministry_speaks_for(gaz):
    body = (
        "Kyiv said on Friday its soldiers had retaken a village near Lyman, hours after "
        "Moscow-backed officials reported heavy fighting there.\n\n"
        "The defence ministry said its units retook Yampil on Friday."
    )
    got = [c for c in _claims(gaz, body) if c.quote.startswith("The defence ministry")]
    assert got and all(c.side == "ukraine" for c in got)


def test_without_the_background_turn_the_last_state_quoted_still_decides(gaz):
    body = (
        "Kyiv said on Friday its soldiers had retaken a village near Lyman. "
        "Moscow-backed officials reported heavy fighting there.\n\n"
        "The defence ministry said its units retook Yampil on Friday."
    )
    got = [c for c in _claims(gaz, body) if c.quote.startswith("The defence ministry")]
    assert got and all(c.side == "russia" for c in got)


@pytest.mark.parametrize(
    ("named", "person"),
    [
        ("Petrenko on Facebook", "Petrenko"),
        (
            "Ivan Petrenko, head of the district council, on Telegram",
            "Ivan Petrenko, head of the district council",
        ),
        ("Kovalenko, in an interview with a radio station", "Kovalenko"),
        ("the brigade's spokesman at a briefing for reporters", "the brigade's spokesman"),
        ("the X group", "the X group"),
    ],
)
def test_without_medium(named, person):
    assert without_medium(named) == person


def test_a_source_line_naming_its_medium_finds_the_persons_introduction(gaz):
    body = (
        "Ivan Petrenko, who heads the military administration of the oblast, has reported "
        "that the enemy keeps shelling the district.\n\n"
        "Source: Petrenko on Facebook\n\n"
        'Quote: "The shelling goes on every night.\n\n'
        'Vovchansk is completely under our control."\n'
    )
    got = [c for c in _claims(gaz, body) if c.quote.startswith("Vovchansk is")]
    assert got and all(c.side == "ukraine" for c in got)


def test_footage_opens_no_report_that_goes_on(gaz):
    body = (
        "Footage released by Moscow's army command on Monday shows soldiers raising a "
        "flag in Vovchansk. Russia also kept up its drone raids on Kharkiv overnight."
    )
    got = [c for c in _claims(gaz, body) if c.quote.startswith("Russia also")]
    assert got and all(c.side == "third-party" for c in got)
    flag = [c for c in _claims(gaz, body) if c.quote.startswith("Footage")]
    assert flag and all(c.side == "russia" for c in flag)


@pytest.mark.parametrize(
    ("sentence", "claimant", "content_has"),
    [
        (
            "Russian troops shelled the district overnight, said Governor Ivan Petrenko.",
            "Governor Ivan Petrenko",
            "shelled the district",
        ),
        (
            "Ukrainian forces pushed the enemy back from two villages near the city, said "
            "Mayor Petro Orlov, who promised to hold every street.",
            "Mayor Petro Orlov",
            "two villages near the city",
        ),
        (
            "Russian forces have taken the village of Lisne, said the regional governor.",
            "the regional governor",
            "the village of Lisne",
        ),
    ],
)
def test_a_clause_before_said_is_the_content(sentence, claimant, content_has):
    a = attribute(sentence)
    assert a.claimant == claimant
    assert content_has in _content(sentence)


def test_a_name_with_its_title_before_said_still_speaks():
    s = "The mayor, Ivan Petrenko, said Russian troops entered the town."
    assert attribute(s).claimant == "The mayor, Ivan Petrenko"
    assert "Russian troops entered the town" in _content(s)


def _sides(gaz, body: str, start: str) -> set[str]:
    return {c.side for c in _claims(gaz, body) if c.quote.startswith(start)}


def test_the_lede_above_a_source_line_is_the_first_sources(gaz):
    body = (
        "Russian troops shelled Vovchansk on Monday morning, damaging two houses.\n"
        "Source: Ivan Petrenko, Head of Vovchansk City Military Administration, on Telegram\n\n"
        "Details: Petrenko said a drone also hit a shop."
    )
    assert _sides(gaz, body, "Russian troops shelled") == {"ukraine"}


def test_a_wire_credit_line_lends_no_voice_to_the_paragraph_above(gaz):
    body = "Russian troops shelled Vovchansk on Monday morning.\n\nSource: Reuters/xy\n"
    assert _sides(gaz, body, "Russian troops shelled") == {"third-party"}


def test_details_run_on_until_the_background_label(gaz):
    body = (
        "Source: Ivan Petrenko, who heads the oblast's military administration\n\n"
        "Details: The Russians shelled the district overnight.\n\n"
        "A rocket destroyed a school in Vovchansk.\n\n"
        "Background: Russian forces shelled Kupiansk in January."
    )
    assert _sides(gaz, body, "A rocket destroyed") == {"ukraine"}
    assert _sides(gaz, body, "Background: Russian forces") == {"third-party"}


def test_as_reported_by_closing_the_sentence_names_the_source():
    s = (
        "Two people died in drone strikes on the district overnight, as reported by "
        "governor Ivan Petrenko."
    )
    a = attribute(s)
    assert a.claimant == "governor Ivan Petrenko"
    assert "drone strikes on the district" in _content(s)
    assert attribute("The bridge fell, as reported earlier.").claimant is None


def test_an_outlets_own_sources_speak_for_its_state():
    assert (
        attribute(
            "Our soldiers still hold the mine, as reported by sources of Ukrainska Pravda."
        ).side
        == "ukraine"
    )
    assert attribute("Ukrainska Pravda reported that the mine was hit.").side == "third-party"


def test_a_possessive_source_finds_its_introduction(gaz):
    body = (
        "Russian drones struck the Kherson region before dawn, as reported by the regional "
        "governor Ivan Petrenko.\n\nAccording to Petrenko's posts on Telegram, a drone hit a "
        "bus in Kherson."
    )
    got = [c for c in _claims(gaz, body) if c.quote.startswith("According to Petrenko")]
    assert got and all(c.side == "ukraine" for c in got)


def test_and_inside_a_long_institution_name_does_not_cut_the_claimant():
    s = (
        "Ivan Petrenko, head of the Centre for Countering Rumours of Ukraine's National "
        "Security and Defence Council, said the town is held."
    )
    a = attribute(s)
    assert a.claimant is not None and a.claimant.startswith("Ivan Petrenko, head of")
    assert a.side == "ukraine"


@pytest.mark.parametrize(
    ("opening", "who"),
    [
        (
            "WIRE - Agency) This was stated in a broadcast by Ivan Petrenko, a press officer of "
            "Ukraine's eastern Defense Forces, according to the agency's correspondent.",
            "Ivan Petrenko, a press officer of Ukraine's eastern Defense Forces",
        ),
        (
            "The Eastern Defence Forces said this in a post, the agency reports.",
            "The Eastern Defence Forces",
        ),
    ],
)
def test_an_opening_this_was_stated_by_names_the_whole_texts_source(opening, who):
    head = "# Fighting goes on in Vovchansk\n\nAgency (via Wire)\n\nMay 2, 2025\n\n"
    text = f"{head}{opening}\n\nBody.\n"
    got = document_source(text)
    assert got is not None and got[0] == who
    assert text[got[1] : got[2]] == opening


def test_an_ordinary_opening_names_no_source():
    text = "# Shelling\n\nAgency\n\nMay 2, 2025\n\nThe town was shelled again, the mayor said.\n"
    assert document_source(text) is None


def test_the_opening_sources_voice_carries_the_narration(gaz):
    text = (
        "# Vovchansk holds\n\nAgency (via Wire)\n\nMay 2, 2025\n\n"
        "The Eastern Defence Forces said this in a post, the agency reports.\n\n"
        "Ukrainian defenders still control part of Vovchansk.\n"
    )
    got = [
        c for c in extract(text, published=PUB, gazetteer=gaz).claims if "still control" in c.quote
    ]
    assert got and {c.side for c in got} == {"ukraine"}


def test_an_abbreviated_title_heads_a_trailing_claimant():
    s = (
        "Russian forces fired rockets on the riverside town overnight, regional Gov. Ivan "
        "Petrenko said."
    )
    assert attribute(s).claimant == "regional Gov. Ivan Petrenko"
    assert "fired rockets" in _content(s)


def test_footage_put_out_by_a_titled_source_between_commas():
    s = (
        "Ivan Orlov, commander of the Russian Vostok battalion, published a video on Monday "
        "that showed his men beside the church in the village centre."
    )
    a = attribute(s)
    assert a.side == "russia" and "his men beside the church" in _content(s)
    listed = "Channels, including some close to the army, published videos of the blasts."
    assert attribute(listed).claimant is None or "including" not in attribute(listed).claimant


# A text that is one body's or official's statement: a line under the title naming the post,
# or a "Name, title:" line opening the body. Own words, modelled on no article.
_STATEMENT_HEADS = [
    ("Land Forces of Ukraine, evening summary (translated)\n\nMay 2, 2025\n\n", "ukraine"),
    ("Regional governor, Telegram (translated)\n\nMay 2, 2025\n\n", None),
    ("Daily bulletin\n\nMay 2, 2025\n\nPetro Ivanenko, head of the Sumy Regional Military "
     "Administration:\n\n", "ukraine"),
    ("Russian-installed governor, Telegram\n\nMay 2, 2025\n\nIvan Sidorov, acting head of "
     "the occupied part of the region:\n\n", "russia"),
]  # fmt: skip


@pytest.mark.parametrize(("head", "side"), _STATEMENT_HEADS)
def test_a_statements_head_makes_its_narration_the_statements(gaz, head, side):
    text = (
        f"# Overnight in the region\n\n{head}"
        "Over the past day the enemy shelled Bilopillia with artillery. Drones hit a "
        "warehouse in Krasnopillia.\n"
    )
    claims = extract(text, published=date(2025, 5, 2), gazetteer=gaz).claims
    got = {c.place.name: c for c in claims}
    assert {"Bilopillia", "Krasnopillia"} <= set(got)
    assert {got[n].side for n in ("Bilopillia", "Krasnopillia")} == {side or "ukraine"}
    assert all("attr.narration" not in c.rules for c in claims)
    assert got["Bilopillia"].claim_date == date(2025, 5, 1)  # a bulletin's "past day"


@pytest.mark.parametrize(
    "head",
    [
        "Open-source analyst, social media thread\n\nMay 2, 2025\n\n",  # a monitor's voice
        "Agency\n\nMay 2, 2025\n\nWhat we know on day 800 of the war:\n\n",
        "Agency\n\nMay 2, 2025\n\nKey points:\n\n",  # a heading, no speaker
    ],
)
def test_other_heads_keep_the_outlets_narration(gaz, head):
    text = f"# Shelling\n\n{head}Drones hit a warehouse in Krasnopillia.\n"
    claims = extract(text, published=date(2025, 5, 2), gazetteer=gaz).claims
    assert [c.side for c in claims if c.place.name == "Krasnopillia"] == ["third-party"]


@pytest.mark.parametrize(
    ("note", "who"),
    [
        ("Translated from the Telegram channel of the Sumy regional military administration",
         "the Sumy regional military administration"),
        ("*Translated from a statement by the Russian Defence Ministry.*",
         "the Russian Defence Ministry"),
    ],
)  # fmt: skip
def test_a_translation_note_naming_the_channel_of_a_body_names_the_texts_source(note, who):
    text = f"# Overnight\n\n{note}\n\nMay 2, 2025\n\nBody.\n"
    got = document_source(text)
    assert got is not None and got[0] == who


def test_a_bulletins_direction_paragraphs_keep_the_reports_voice(gaz):
    text = (
        "# Front update\n\nAgency\n\nMay 2, 2025\n\n"
        "There were 120 clashes on Thursday, the General Staff of Ukraine's armed forces said.\n\n"
        "In the Huliaipole direction, the enemy tried to advance near Malynivka twice.\n\n"
        "Russian drones struck a school in Kherson on Thursday.\n"
    )
    got = {c.place.name: c for c in extract(text, published=date(2025, 5, 2), gazetteer=gaz).claims}
    assert got["Malynivka"].side == "ukraine" and "attr.bulletin-section" in got["Malynivka"].rules
    assert got["Kherson"].side == "third-party"  # a paragraph of the agency's own


@pytest.mark.parametrize(
    ("sentence", "claimant", "content_has"),
    [
        ("Russian troops, according to the ministry, took the village.", "the ministry",
         "took the village"),
        ("The army did not confirm the Russian claims, but said that two villages were shelled.",
         "The army", "two villages were shelled"),
        ("Russian claims that the town has fallen are false, the spokesman said.", "the spokesman",
         "the town has fallen"),
    ],
)  # fmt: skip
def test_asides_and_coordination_keep_the_speaker_and_the_content(sentence, claimant, content_has):
    a = attribute(sentence)
    spans = [a.content, *([a.extra] if a.extra else [])]
    assert a.claimant == claimant
    assert any(content_has in sentence[s:e] for s, e in spans)


def test_no_truth_to_reports_denies_them(gaz):
    text = "# Update\n\nThere is no truth to reports that Kupiansk has fallen, the governor said.\n"
    got = extract(text, published=PUB, gazetteer=gaz).claims
    assert [c.type for c in got if c.place.name == "Kupiansk"] == ["denied"]


def test_a_document_quoted_after_a_colon_speaks_for_its_owner(gaz):
    text = (
        "# Front update\n\nAgency\n\nMay 2, 2025\n\n"
        "The key points of the Russian defence ministry's statement read as follows:\n\n"
        "\u201cIt was decided to regroup the troops stationed in the Lyman area\u201d\n\n"
        "\u201cUnits repelled attacks near Kupiansk.\u201d\n\n"
        "Ukrainian troops entered Lyman on Saturday.\n"
    )
    got = {
        (c.place.name, c.side, c.type) for c in extract(text, published=PUB, gazetteer=gaz).claims
    }
    assert ("Lyman", "russia", "withdrawn") in got
    assert ("Kupiansk", "russia", "fighting") in got
    assert ("Lyman", "russia", "advancing") not in got  # an unquoted paragraph ends the quotation


def test_a_clause_ending_in_a_colon_is_no_speaker_label():
    text = (
        "# T\n\nAgency\n\nMay 2, 2025\n\nThe full report of the Russian ministry's statement "
        "goes as follows:\n\nBody.\n"
    )
    assert document_source(text) is None


@pytest.mark.parametrize(
    "line",
    ["Ukraine war latest:", "Ukraine updates:", "Russia-Ukraine war, daily update (translated)"],
)
def test_a_live_pages_heading_is_no_speaker(line):
    text = f"# T\n\nAgency\n\nMay 2, 2025\n\n{line}\n\nDrones hit Kupiansk.\n"
    assert document_source(text) is None
