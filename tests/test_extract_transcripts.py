"""Broadcast transcripts: speaker labels attribute their paragraphs (real gazetteer)."""

from __future__ import annotations

from datetime import date

from geomap.extract import extract
from geomap.extract.transcripts import resolve_speaker, speaker_label

PUB = date(2026, 5, 21)  # a Thursday

TRANSCRIPT = """# Evening news

By Example Desk

May 21, 2026

ANCHOR (IRYNA KOVAL): Good evening. Our reporter Taras Melnyk is in Kramatorsk.

MELNYK: Missiles hit the railway station in Kramatorsk this morning.

KOVAL: With me is Anna Berg, a defence analyst at a European think tank.

BERG: Russian forces will probably keep pressing towards Kostiantynivka. They have the men.

MELNYK (voice-over): In a trench outside Chasiv Yar, the soldiers barely sleep.

UNIDENTIFIED SOLDIER (through translator): We are holding our positions here.
"""


def _claims(gaz):
    return extract(TRANSCRIPT, published=PUB, gazetteer=gaz).claims


def test_label_is_found_only_in_capitals():
    text = "BERG: Russian forces will advance. Note: this is not a label."
    assert speaker_label(text, 0, 33)[:2] == (6, "BERG")
    assert speaker_label(text, 35, len(text)) is None
    got = speaker_label("ANCHOR (IRYNA KOVAL): Hello.", 0, 28)
    assert got == (22, "ANCHOR", "IRYNA KOVAL")


def test_outlet_people_and_introduced_guests():
    names: set[str] = set()
    assert resolve_speaker(TRANSCRIPT, "ANCHOR", "IRYNA KOVAL", names).claimant is None
    assert resolve_speaker(TRANSCRIPT, "KOVAL", None, names).claimant is None  # the anchor
    assert resolve_speaker(TRANSCRIPT, "MELNYK", None, names).claimant is None  # our reporter
    guest = resolve_speaker(TRANSCRIPT, "BERG", None, names).claimant
    assert guest == "Anna Berg, a defence analyst at a European think tank"
    assert (
        resolve_speaker(TRANSCRIPT, "UNIDENTIFIED SOLDIER", "through translator", names).claimant
        == "Unidentified soldier"
    )


def test_transcript_claims(gaz):
    got = {(c.place.id, c.side, c.type, c.claimant) for c in _claims(gaz)}
    assert got == {
        ("704508", "third-party", "strike", "the outlet"),  # the reporter: the outlet's voice
        (
            "705104",
            "third-party",
            "assessment",
            "Anna Berg, a defence analyst at a European think tank",
        ),
        ("710915", "ukraine", "holding", "Unidentified soldier"),  # "here": Chasiv Yar
    }, got


def test_labels_do_not_leak_into_quotes(gaz):
    for c in _claims(gaz):
        assert not c.quote.startswith(("MELNYK", "BERG", "UNIDENTIFIED")), c.quote


DIGEST = """# Telegram digest

By Example Desk

October 8, 2026

## Kupiansk direction

- **Rybar** (pro-Russian): Assault units have entered Kindrashivka.
- **DeepState** (Ukrainian): The enemy has advanced near Kurylivka. The map was updated.
- **Kharkiv regional administration**: Overnight, KABs hit Borova.
- **Mash** (Russian): Prices for Kherson watermelons rose by a third.
- Unlabelled line: nothing here.
"""


def test_bold_digest_labels_keep_their_case_and_qualifier():
    i = DIGEST.index("Rybar")
    assert speaker_label(DIGEST, i, i + 60)[1:] == ("Rybar", "pro-Russian")
    assert resolve_speaker(DIGEST, "Rybar", "pro-Russian", set()).claimant == "Rybar (pro-Russian)"
    assert resolve_speaker(DIGEST, "Russian MoD", "via TASS", set()).claimant == "Russian MoD"


def test_digest_items_are_claims_of_their_sources(gaz):
    claims = extract(DIGEST, published=date(2026, 10, 8), gazetteer=gaz).claims
    got = {(c.place.id, c.side, c.type) for c in claims}
    assert got == {
        ("705175", "russia", "advancing"),
        ("703610", "third-party", "advancing"),  # a monitor is a third party
        ("711623", "ukraine", "strike"),
    }, got  # no claim from the watermelons
    assert all(not c.quote.startswith(("Rybar", "DeepState", "Kharkiv")) for c in claims)


INTERVIEW = """# A commander on the front

By Example Desk

November 13, 2026

This interview with Major Taras Hrytsenko, a battalion commander in Ukraine's 54th \
Mechanised Brigade, was conducted on Friday.

Q: Russian bloggers say their troops have taken Siversk. Is that true?

A: We still hold Siversk. I think they will probably try to reach Raihorodok first.
"""


def test_an_interviews_answers_are_the_interviewees(gaz):
    claims = extract(INTERVIEW, published=date(2026, 11, 13), gazetteer=gaz).claims
    got = {(c.place.id, c.side, c.type) for c in claims}
    assert got == {
        ("694403", "russia", "captured"),  # the bloggers, inside the question
        ("694403", "ukraine", "holding"),
        ("695762", "ukraine", "assessment"),
    }, got
    assert {c.claimant for c in claims if c.side == "ukraine"} == {
        "Major Taras Hrytsenko, a battalion commander in Ukraine's 54th Mechanised Brigade"
    }


ROUNDUP = """# Round-up

By Example Desk

June 12, 2025

- **Kupiansk:** Russian troops shelled the town overnight, the governor said.
- **Update:** Drones hit Sumy.

UPDATE: Missiles struck Kharkiv on Thursday.
"""


def test_place_and_editorial_labels_are_no_speakers(gaz):
    claims = extract(ROUNDUP, published=date(2025, 6, 12), gazetteer=gaz).claims
    got = {(c.place.id, c.side, c.claimant) for c in claims}
    assert got == {
        ("703656", "ukraine", "the governor"),  # the label is the place
        ("692194", "third-party", "the outlet"),
        ("706483", "third-party", "the outlet"),
    }, got
