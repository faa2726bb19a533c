"""Round 8 place reading (places8): how reporters write places, in our own words, on the real
gazetteer."""

from __future__ import annotations

from datetime import date

import pytest
from rule_cases import place_types

from geomap.extract import extract

PUB = date(2024, 9, 2)


def _claims(gaz, body: str) -> list[tuple[str, str]]:
    return place_types(gaz, body, PUB)


@pytest.mark.parametrize(
    "body",
    [
        "The ministry said its units were storming Krasnoarmeisk (Ukrainian name Pokrovsk) in "
        "Donetsk Oblast.",
        "Russian troops were storming Krasnoarmeisk (Ukrainian name - Pokrovsk), a Ukrainian "
        "logistics hub, the ministry said.",
        "Russian troops were storming Krasnoarmeisk (known in Ukraine as Pokrovsk), a Ukrainian "
        "logistics hub, the ministry said.",
    ],
)
def test_a_russian_name_glossed_with_the_ukrainian_one_is_the_place_glossed(gaz, body):
    # unglossed, the gazetteer reads "Krasnoarmeisk" as another place (Krasnoarmeysk)
    places = {p for p, _t in _claims(gaz, body)}
    assert places == {"Pokrovsk"}


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("Kyiv said its troops had stalled Moscow's offensive in Donetsk.", {"Donetsk Oblast"}),
        (
            "The Kremlin announced the seizure of the area's second province, Luhansk.",
            {"Luhansk Oblast"},
        ),
        (
            "Heavy battles go on in Donetsk and Kharkiv, the general staff said.",
            {"Donetsk Oblast", "Kharkiv Oblast"},
        ),
        ("Street fighting in Kherson went on all night, the army said.", {"Kherson"}),
        (
            "The line moved after Ukrainian forces withdrew from the Kursk bridgehead, the "
            "officer said.",
            {"Kursk Oblast"},
        ),
        ("Drones struck Kharkiv and Sumy overnight, officials said.", {"Kharkiv", "Sumy"}),
    ],
)
def test_a_campaign_in_an_oblast_centre_is_waged_in_its_region(gaz, body, want):
    assert {p for p, _t in _claims(gaz, body)} == want


def test_the_city_a_sentence_names_first_is_the_city_it_means(gaz):
    body = (
        "A strike hit the city of Nikopol on Monday, officials said.\n\n"
        "In Enerhodar, across the reservoir, the mayor reported the city coming under "
        "Russian fire on Tuesday."
    )
    got = _claims(gaz, body)
    assert ("Enerhodar", "strike") in got
    assert got.count(("Nikopol", "strike")) == 1


def test_a_place_measured_from_without_a_comma_only_locates(gaz):
    body = (
        "A Russian missile struck Mala Tokmachka about 90 km north-east of Enerhodar, the "
        "governor said."
    )
    assert {p for p, _t in _claims(gaz, body)} == {"Mala Tokmachka"}


def test_a_measured_from_place_a_relative_clause_speaks_of_stays(gaz):
    body = (
        "The village of Krynky lies by the river about 25 km (16 miles) east of the city of "
        "Kherson, which Kyiv took back in 2022."
    )
    assert "Kherson" in {p for p, _t in _claims(gaz, body)}


@pytest.mark.parametrize(
    "body",
    [
        "Moscow said its forces captured two more villages, one of them lying just a few "
        "kilometres away from the logistics hub of Pokrovsk.",
        "Russian troops are trying to reach woods located some 15-20 km from Sumy, the officer "
        "said.",
        "The army said both hamlets lie roughly 10 kilometers from Pokrovsk.",
    ],
)
def test_a_place_something_is_said_to_lie_at_a_distance_from_only_measures(gaz, body):
    assert not {"Pokrovsk", "Sumy"} & {p for p, _t in _claims(gaz, body)}


def test_a_distance_travelled_from_a_place_is_no_measure(gaz):
    body = "Moscow said its troops had advanced 3 km from Pokrovsk and seized Pokrovsk's outskirts."
    assert "Pokrovsk" in {p for p, _t in _claims(gaz, body)}


def test_a_shared_village_name_is_read_in_the_region_the_sentence_names(gaz):
    # the article names the Kharkiv region too: without the rule, its Andriivka is read
    body = (
        "Kharkiv, Ukraine (Wire).- Ukrainian troops have stopped Russia's attempts to widen its "
        "grip in the Sumy region and struck back near Andriivka, retaking ground, "
        "the army said.\n\nFighting also went on near Kupiansk in the Kharkiv region, where "
        "Russian troops pressed on."
    )
    claims = extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims
    villages = [c.place for c in claims if c.place.name == "Andriivka"]
    assert all(p.admin1 == "UA.21" for p in villages)  # Sumy Oblast, or none at all


def test_a_town_outside_the_named_region_stands(gaz):
    body = "Russian troops attacked in the Kharkiv region and near Pokrovsk, the army said."
    assert "Pokrovsk" in {p for p, _t in _claims(gaz, body)}


def test_a_region_in_brackets_after_an_unknown_village_only_locates_it(gaz):
    body = "Moscow announced the capture of Zzyzxivka (Donetsk region) on Saturday."
    assert "Donetsk Oblast" not in {p for p, _t in _claims(gaz, body)}


def test_a_region_in_brackets_after_a_word_that_is_no_name_stays(gaz):
    body = "Russian forces captured two villages (in the Donetsk region) on Saturday."
    assert "Donetsk Oblast" in {p for p, _t in _claims(gaz, body)}


def test_a_headline_naming_a_region_credits_no_city_of_its_name(gaz):
    text = (
        "# Russian drones pound Ukraine's Kherson region, three dead\n\n"
        "A Russian drone struck a bus stop in a village of the southern Kherson region "
        "overnight, killing three people, the regional governor said on Friday.\n\n"
        "It was the third Russian attack on the river port of Kherson and the surrounding area "
        "this week.\n\n"
        "Officials said a shop and two houses were hit by drones in the night.\n"
    )
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    placeless = [c for c in claims if c.quote.startswith("Officials said")]
    assert not [c for c in placeless if c.place.name == "Kherson"]


def test_the_region_is_the_one_region_its_sentence_names(gaz):
    body = (
        "Russian troops pressed on in the Donetsk region on Monday.\n\n"
        "The governor said Kyiv still held villages in the region and Moscow had not taken "
        "all of Luhansk."
    )
    claims = extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims
    second = [c for c in claims if c.quote.startswith("The governor")]
    assert second and all(c.place.name == "Luhansk Oblast" for c in second)


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("Moscow said its troops advanced near Zzyzxivka in the Donetsk region.", set()),
        (
            "Russian troops reached the edge of Huliaypol in Zaporizhzhia region, the army said.",
            set(),
        ),
        (
            "Russian troops advanced in the Zaporizhzhia region, the army said.",
            {"Zaporizhzhia Oblast"},
        ),
        (
            "Kyiv said the Russians in the Donetsk region were pressing on their assault.",
            {"Donetsk Oblast"},
        ),
    ],
)
def test_a_region_after_an_unknown_name_only_locates_it(gaz, body, want):
    assert {p for p, _t in _claims(gaz, body)} == want


def test_the_first_of_two_towns_named_for_their_areas_is_no_river(gaz):
    body = "Russian troops withdrew from the Balakliia and Izium areas, the ministry said."
    assert {"Balakliia", "Izium"} <= {p for p, _t in _claims(gaz, body)}
