"""The voice across sentences (round 7), on examples written for these tests: a quotation left
open at a paragraph's end, a unit's spokesman introduced once, a source named after the words,
a speaker referred to as "the speaker"."""

from __future__ import annotations

from datetime import date

from geomap.extract import extract

PUB = date(2025, 2, 7)


def _claims(gaz, body: str) -> list:
    return extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims


def _by_quote(gaz, body: str, start: str) -> list:
    return [c for c in _claims(gaz, body) if (c.quote or "").startswith(start)]


def test_an_unclosed_quotation_ends_with_its_paragraph(gaz):
    body = (
        'The defence minister told reporters: "Our men will not give up a metre.\n\n'
        "Ukrainian troops shelled Vovchansk overnight."
    )
    got = _by_quote(gaz, body, "Ukrainian troops shelled")
    assert got and all(c.claimant != "The defence minister" for c in got)
    assert all(c.side == "third-party" for c in got)


def test_a_quote_block_whose_closing_mark_comes_later_goes_on(gaz):
    body = (
        "Source: Ivan Petrenko, spokesman for the Ukrainian eastern group\n\n"
        'Quote: "The enemy keeps pressing from the north.\n\n'
        'Russian troops shelled Vovchansk overnight."\n'
    )
    got = _by_quote(gaz, body, "Russian troops shelled")
    assert got and all(c.side == "ukraine" for c in got)


def test_a_units_spokesman_speaks_for_the_side_holding_the_place(gaz):
    body = (
        'Petro Danyliuk, a spokesman for the OTG "Kharkiv", spoke on television on Friday.\n\n'
        "According to Danyliuk, the enemy is storming positions near Vovchansk."
    )
    got = _by_quote(gaz, body, "According to Danyliuk")
    assert got and {c.side for c in got} == {"ukraine"}
    assert all("OTG" in (c.claimant or "") for c in got)


def test_a_source_named_after_the_words_by_a_passive_with_an_outlet_tail(gaz):
    body = (
        "Russian troops continue to assault near Vovchansk and try to cross the river.\n\n"
        'This was reported by Petro Danyliuk, a spokesman for the OTG "Kharkiv", on '
        "television, Front.UA reports."
    )
    got = _by_quote(gaz, body, "Russian troops continue")
    assert got and {c.side for c in got} == {"ukraine"}
    assert all(c.claimant == "Petro Danyliuk, a spokesman for the OTG Kharkiv" for c in got)


def test_the_speaker_is_whoever_spoke_last(gaz):
    body = (
        "Ivan Petrenko, spokesman for the Ukrainian eastern group, said the front was "
        "stable. According to the speaker, the enemy is shelling Vovchansk day and night."
    )
    got = _by_quote(gaz, body, "According to the speaker")
    assert got and {c.side for c in got} == {"ukraine"}
    assert all("Petrenko" in (c.claimant or "") for c in got)


def test_a_details_paragraph_under_a_source_line_is_the_sources(gaz):
    body = (
        "Fighting goes on in the north of the region.\n\n"
        "Source: Ivan Petrenko, spokesman for the Ukrainian eastern group, on television\n\n"
        'Quote: "The line holds."\n\n'
        "Details: Russian troops are storming positions near Vovchansk. They also shelled "
        "Vovchansk overnight.\n\n"
        "Background: Russian troops shelled Vovchansk in May as well."
    )
    details = _by_quote(gaz, body, "Details: Russian troops")
    assert details and {c.side for c in details} == {"ukraine"}
    assert all("Petrenko" in (c.claimant or "") for c in details)
    background = [c for c in _claims(gaz, body) if "in May" in (c.quote or "")]
    assert background and all(c.side == "third-party" for c in background)


def test_one_frame_carries_an_according_lead_and_a_report_within_the_paragraph(gaz):
    # "According to X, ...": the next sentence of the paragraph goes on, whatever its tense
    body = (
        "According to Ivan Petrenko, spokesman for the Ukrainian eastern group, the enemy "
        "shelled Vovchansk at dawn. Russian troops then stormed Vovchansk from the north."
    )
    got = _by_quote(gaz, body, "Russian troops then stormed")
    assert got and {c.side for c in got} == {"ukraine"}
    assert {r for c in got for r in c.rules} >= {"attr.according-continues"}
    # a paragraph break ends the frame
    got = _by_quote(gaz, body.replace(" Russian troops then", "\n\nRussian troops then"), "Russ")
    assert got and all(c.side == "third-party" for c in got)


def test_a_definite_source_names_back_past_the_other_sides_source(gaz):
    body = (
        "Russia's defence ministry said its troops had taken Lyptsi.\n\n"
        "Ukraine's General Staff said its forces repelled an attack near Lyptsi.\n\n"
        "The ministry also said Russian aircraft struck Vovchansk."
    )
    got = _by_quote(gaz, body, "The ministry also said")
    assert got and {c.side for c in got} == {"russia"}
    assert {c.claimant for c in got} == {"Russia's defence ministry"}
    # the source just quoted is still the one a definite description means
    body = (
        "Ukraine's General Staff said its forces repelled an attack near Lyptsi. "
        "The General Staff said Russian aircraft struck Vovchansk."
    )
    got = _by_quote(gaz, body, "The General Staff said")
    assert got and {c.side for c in got} == {"ukraine"}


def test_he_carries_the_last_person_and_it_the_last_body(gaz):
    body = (
        "President Volodymyr Zelensky said his troops still held Lyptsi. Russia's defence "
        "ministry said its forces had taken Lyptsi. He added that Russian troops were "
        "shelling Vovchansk."
    )
    got = _by_quote(gaz, body, "He added")
    assert got and {c.side for c in got} == {"ukraine"}
    body = (
        "Russia's defence ministry said its forces had taken Lyptsi. Ihor Petrenko, a "
        "Ukrainian brigade spokesman, denied it. It added that Russian aircraft struck "
        "Vovchansk."
    )
    got = _by_quote(gaz, body, "It added")
    assert got and {c.side for c in got} == {"russia"}
    # agreeing with the source just quoted, the pronoun stays with it
    body = (
        "Russia's defence ministry said its forces had taken Lyptsi. Ihor Petrenko, a "
        "Ukrainian brigade spokesman, denied it. He added that Russian aircraft struck "
        "Vovchansk."
    )
    got = _by_quote(gaz, body, "He added")
    assert got and {c.side for c in got} == {"ukraine"}
