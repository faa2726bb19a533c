"""An adverb a reporter puts between a source and its verb ("It has since claimed", "Moscow
first said", "the governor initially wrote") is no part of the source: a pronoun stays a
pronoun (and takes the source before it), a name keeps its side. Sentences written for these
tests."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.claimants import attribute

PUB = date(2025, 8, 12)


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("It has since claimed that its units entered Bilozerske.", "It"),
        ("Kyiv first said on Monday that the bridge near Kherson was hit.", "Kyiv"),
        (
            "The regional governor initially wrote that two drones fell near Engels.",
            "The regional governor",
        ),
        ("Moscow has officially announced the capture of Toretsk.", "Moscow"),
        ("The brigade subsequently reported that fighting went on in Chasiv Yar.", "The brigade"),
    ],
)
def test_an_adverb_before_the_verb_is_no_part_of_the_source(sentence: str, claimant: str) -> None:
    assert attribute(sentence).claimant == claimant


def test_a_pronoun_with_an_adverb_takes_the_source_before_it(gaz) -> None:
    body = (
        "Russia's defence ministry said in July that its troops had crossed into the "
        "Dnipropetrovsk region. It has since said that it captured two villages in the region."
    )
    got = extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims
    second = [c for c in got if c.start is not None and c.start > body.index("It has")]
    assert second and {c.side for c in second} == {"russia"}


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "The spokesman, in a comment to the agency, said Russian units had entered Toretsk.",
            "The spokesman",
        ),
        (
            "Voloshyn, on air with a regional radio station, said the enemy was shelling Kherson.",
            "Voloshyn",
        ),
        (
            "The commander, during a briefing, said the Russians had reached Kupiansk.",
            "The commander",
        ),
        (
            "The mayor of Sumy, on Telegram, wrote that two drones hit the city.",
            "The mayor of Sumy",
        ),
    ],
)
def test_where_the_source_spoke_is_an_aside_not_the_source(sentence: str, claimant: str) -> None:
    # the aside between the source and its verb says where or to whom it spoke; without it
    # the parser took the reported clause itself for the source (and its side)
    att = attribute(sentence)
    assert att.claimant == claimant
    assert att.content[0] > sentence.index(claimant) + len(claimant)
