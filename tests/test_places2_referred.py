"""Places referred to rather than named (real gazetteer; sentences in our own words)."""

from __future__ import annotations

from datetime import date

from rule_cases import names_found, place_types

from geomap.extract.mentions import find_names

PUB = date(2024, 3, 7)


def _claims(gaz, body: str) -> list[tuple[str, str]]:
    return place_types(gaz, body, PUB)


def _names(gaz, sent: str) -> list[str]:
    return names_found(gaz, sent)


def test_a_referred_village_located_between_dashes_keeps_the_claim(gaz):
    body = (
        "Ukrainian troops pushed into Staromaiorske on Monday. The army said the village "
        "— roughly 100 km (62 miles) to the east of Zaporizhzhia — was retaken after "
        "two days of assaults."
    )
    places = [p for p, t in _claims(gaz, body) if t == "captured"]
    assert places == ["Staromaiorske"]


def test_a_referred_town_located_between_commas_is_not_the_anchor_city(gaz):
    body = (
        "Russian units attacked Vovchansk again overnight. The town, some 5 km south of the "
        "border, and 45 km north-east of Kharkiv, was shelled through the night, the governor said."
    )
    assert "Kharkiv" not in [p for p, _t in _claims(gaz, body)]


def test_a_located_reference_with_nothing_to_point_at_invents_no_place(gaz):
    body = "The army said the village, 15 km east of Zaporizhzhia, was recaptured on Sunday."
    assert _claims(gaz, body) == []


def test_a_named_village_located_between_dashes_is_claimed_not_its_anchor(gaz):
    body = (
        "Russian troops shelled Lyptsi — some 20 km north of Kharkiv — on Monday, officials said."
    )
    assert [p for p, _t in _claims(gaz, body)] == ["Lyptsi"]
    # a dash aside that locates nothing leaves the first place claimed
    aside = "Russian forces shelled Kupiansk — a rail hub — on Monday, the governor said."
    assert [p for p, _t in _claims(gaz, aside)] == ["Kupiansk"]


def test_a_street_or_square_glossed_in_brackets_is_no_settlement(gaz):
    assert _names(gaz, "Crowds filled Svobody (Freedom) Square on Saturday.") == []
    assert _names(gaz, "A shell hit Peremohy (Victory) Avenue in Kharkiv.") == ["Kharkiv"]
    # a town glossed with its other name stays a place
    assert _names(gaz, "Troops entered Bakhmut (Artemovsk) on Saturday.")[:1] == ["Bakhmut"]


def _capital_is_actor(gaz, sent: str) -> bool:
    return next(m.actor for m in find_names(sent, 0, len(sent), gaz) if m.text == "Kyiv")


def test_a_capital_after_its_noun_or_listed_after_a_locative_is_the_city(gaz):
    assert not _capital_is_actor(gaz, "Drones hit Odesa and the Ukrainian capital Kyiv at night.")
    assert not _capital_is_actor(gaz, "Missiles struck the cities of Lviv, Dnipro and Kyiv.")
    assert not _capital_is_actor(gaz, "Blasts were heard in Lviv and Kyiv before dawn.")
    assert ("Kyiv", "strike") in _claims(
        gaz, "Blasts were heard in Lviv and Kyiv at dawn, police said."
    )
    # the government, not the city
    assert _capital_is_actor(gaz, "Talks between Warsaw and Kyiv stalled on Monday.")
    assert _capital_is_actor(gaz, "Kyiv denied that its troops had left the village.")


def test_a_town_name_spelled_with_a_short_adjectival_ending_is_found(gaz):
    assert ("Khmelnytskyi", "strike") in _claims(
        gaz, "Khmelnytsky also suffered damage to homes and cars, officials said."
    )
    assert _names(gaz, "Drones flew over Kropyvnytskiy at night.") == ["Kropyvnytskiy"]
    found = find_names("Shells fell on Kropyvnytsky.", 0, 28, gaz)
    assert [m.query for m in found] == ["Kropyvnytskyi"]
    # a person's surname with the same ending stays no place
    assert _names(gaz, "President Zelensky thanked the brigade.") == []
    assert _names(gaz, "The Order of Bohdan Khmelnytsky went to the brigade.") == []


def test_russian_soil_after_a_russian_region_is_that_region(gaz):
    body = (
        "Ukrainian units pushed deeper into Russia's Belgorod region on Tuesday, Kyiv said. "
        "Moscow said its troops had stopped the advance into its territory."
    )
    assert ("Belgorod Oblast", "holding") in _claims(gaz, body)


def test_russian_soil_with_no_russian_region_just_named_is_no_place(gaz):
    alone = "Moscow said its troops had stopped Kyiv's advance into its territory."
    assert _claims(gaz, alone) == []
    after_a_town = (
        "Ukrainian troops entered Vovchansk on Monday. "
        "Moscow said its troops had stopped Kyiv's advance into its territory."
    )
    assert [p for p, _t in _claims(gaz, after_a_town)] == ["Vovchansk"]
    after_a_ukrainian_region = (
        "Russian troops crossed into Ukraine's Sumy region on Friday. "
        "Kyiv said its troops had stopped the advance into its territory."
    )
    assert "Sumy Oblast" not in [
        p for p, t in _claims(gaz, after_a_ukrainian_region) if t == "holding"
    ]


def test_the_city_a_speaker_spoke_in_is_no_claim_place(gaz):
    body = (
        "Russian units attacked near Robotyne on Monday. The president said in St Petersburg: "
        '"Every attempt of the enemy to advance has been stopped."'
    )
    assert "Saint Petersburg" not in [p for p, _t in _claims(gaz, body)]
    minsk = "The president, speaking in Minsk, said his troops had captured Avdiivka."
    assert [p for p, _t in _claims(gaz, minsk)] == ["Avdiivka"]
    # "said in a statement" names no place, and the place of the claim stays
    assert [p for p, _t in _claims(gaz, "The mayor said in a post that a drone hit Sumy.")] == [
        "Sumy"
    ]
