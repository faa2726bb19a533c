"""A small village read hundreds of kilometres from every place a story names, outside the
regions it names, is a namesake of a village the gazetteer lacks: no place, not a claim in
Crimea for a story about Kursk. Texts are written for these tests."""

from __future__ import annotations

from datetime import date

from geomap.extract import extract

PUB = date(2024, 9, 12)
STORY = (
    "# Moscow says its troops are pushing back in Kursk\n\n"
    "Russian forces launched a counterattack on Wednesday, the defence "
    "ministry in Moscow said, claiming gains west of Sudzha and near Korenevo.\n\n"
)


def _claimed(gaz, text: str) -> dict[str, str]:
    return {
        c.place_as_written: c.place.id for c in extract(text, published=PUB, gazetteer=gaz).claims
    }


def test_a_village_read_far_from_everything_the_story_names_is_no_place(gaz):
    # every Blahodatne the gazetteer holds lies far south of the Kursk border fighting
    text = STORY + "Pro-Russian bloggers said the troops had captured Blahodatne by nightfall.\n"
    hits = extract(text, published=PUB, gazetteer=gaz).places
    assert [h.place for h in hits if h.mention.text == "Blahodatne"] == [None]
    assert "Blahodatne" not in _claimed(gaz, text)


def test_a_name_no_other_place_bears_is_that_place_however_far(gaz):
    # two fronts 300 km apart: Krynky is the only Krynky, not a namesake of a lacking village
    text = (
        "# Two fronts\n\nAnalysts said the fall of Vuhledar was near. Ukrainian marines "
        "were still holding positions in Krynky on the left bank.\n"
    )
    hits = extract(text, published=PUB, gazetteer=gaz).places
    assert any(h.mention.text == "Krynky" and h.place is not None for h in hits)


def test_a_village_near_the_places_the_story_names_keeps_its_reading(gaz):
    text = STORY + "The ministry said its units had also recaptured Tetkino after a short fight.\n"
    hits = extract(text, published=PUB, gazetteer=gaz).places
    assert any(h.mention.text == "Tetkino" and h.place is not None for h in hits)


def test_a_town_far_from_the_story_keeps_its_reading(gaz):
    # a big town is named anywhere: a strike far from the front is still that town
    text = (
        STORY + "Separately, the ministry said a drone had struck an oil depot in Novorossiysk.\n"
    )
    hits = extract(text, published=PUB, gazetteer=gaz).places
    assert any(h.mention.text == "Novorossiysk" and h.place is not None for h in hits)


def test_a_capital_named_for_its_government_does_not_make_the_first_village_a_stray(gaz):
    # "Moscow said": the only big place is the speaker, not where the fighting is
    text = (
        "# Boats sunk\n\nMoscow said on Saturday that its troops had repelled a landing near "
        "Krynky on the left bank.\n"
    )
    hits = extract(text, published=PUB, gazetteer=gaz).places
    assert any(h.mention.text == "Krynky" and h.place is not None for h in hits)
