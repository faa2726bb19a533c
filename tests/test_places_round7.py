"""Places read from how reporters write them (real gazetteer; sentences in our own words)."""

from __future__ import annotations

from datetime import date

import pytest
from rule_cases import names_found, place_types

from geomap.extract import extract
from geomap.extract.mentions import find_refs
from geomap.extract.resolution import NEAR_KM, _reach_km

PUB = date(2024, 3, 7)


def _claims(gaz, body: str) -> list[tuple[str, str]]:
    return place_types(gaz, body, PUB)


def _names(gaz, sent: str) -> list[str]:
    return names_found(gaz, sent)


def test_a_stated_distance_widens_how_far_a_located_place_may_lie():
    assert _reach_km(", near ") == NEAR_KM
    assert 20 < _reach_km(", some 20 km north of ") < NEAR_KM
    assert _reach_km(", about 95 kilometers (59 miles) west of ") >= 95
    assert _reach_km(", roughly 60 miles south of ") >= 60 * 1.6


def test_a_town_located_far_from_the_city_it_is_measured_from_keeps_its_place(gaz):
    body = (
        "Kyiv's troops pulled back from the southern edge of Velyka Novosilka, some 80 km "
        "(50 miles) west of Donetsk, the army said."
    )
    assert ("Velyka Novosilka", "withdrawn") in _claims(gaz, body)


def test_the_village_of_a_name_that_only_a_city_once_bore_is_no_place(gaz):
    # the gazetteer knows "Petrovskoye" only as an old name of a district of 85,000 people
    body = "Moscow said its units liberated the village of Petrovskoye in the Avdiivka direction."
    assert "Voznesenskyi" not in {p for p, _t in _claims(gaz, body)}


@pytest.mark.parametrize(
    "sent",
    [
        'A spokesman for the Group of Forces "Kharkiv" said the line was stable.',
        "The “Kharkiv” operational group said its men held firm.",
        'Officers of the brigade "Kherson" said little.',
    ],
)
def test_a_unit_named_after_a_place_is_no_place(gaz, sent):
    assert not {"Kharkiv", "Kherson"} & set(_names(gaz, sent))


def test_a_unit_name_does_not_become_the_city_a_later_reference_means(gaz):
    body = (
        "Russian troops pushed into Vovchansk on Friday. A spokesman for the Group of "
        'Forces "Kharkiv" said the enemy shelled the town overnight.'
    )
    places = {p for p, _t in _claims(gaz, body)}
    assert "Vovchansk" in places
    assert "Kharkiv" not in places


@pytest.mark.parametrize(
    ("sent", "name"),
    [
        ("Declaring Kurakhove liberated, the general praised his men.", "Kurakhove"),
        ("Leaving Vuhledar behind, the brigade moved west.", "Vuhledar"),
    ],
)
def test_a_participle_opening_the_sentence_is_no_given_name(gaz, sent, name):
    assert name in _names(gaz, sent)


def test_a_given_name_before_a_surname_still_makes_a_person(gaz):
    assert _names(gaz, "Vitaliy Barabash said the town was calm.") == []


@pytest.mark.parametrize(
    "sent",
    [
        "A drone hit the provincial capital, also named Sumy, before dawn.",
        "Troops tried to take a village named Lyptsi north of Kharkiv.",
        "The port city, called Odesa, was hit again.",
    ],
)
def test_a_place_noun_before_named_makes_the_name_a_place(gaz, sent):
    assert {"Sumy", "Lyptsi", "Odesa"} & set(_names(gaz, sent))


def test_a_call_sign_is_still_no_place(gaz):
    assert _names(gaz, "A fighter with the call sign Kupiansk said they held on.") == []


def test_a_strike_named_after_a_city_is_on_the_city(gaz):
    body = "Investigators said the depot hit in the Saratov attack stored fuel."
    assert ("Saratov", "strike") in _claims(gaz, body)


def test_the_entire_town_is_the_town_just_named(gaz):
    body = (
        "Fighting has raged around Toretsk for weeks. Russian bloggers claimed on Monday "
        "that their troops had seized the entire town."
    )
    assert ("Toretsk", "captured") in _claims(gaz, body)


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Drones targeted the Izmail district overnight, the governor said.", "Izmail"),
        ("Shelling hit the Glushkovo district on Sunday, the regional governor said.", "Glushkovo"),
    ],
)
def test_a_towns_district_named_alone_is_the_town(gaz, body, place):
    assert place in {p for p, _t in _claims(gaz, body)}


def test_a_citys_own_district_named_by_an_adjective_is_no_place_of_its_own(gaz):
    sent = "A glide bomb hit a block of flats in the Kyivskyi district, the mayor said."
    assert _names(gaz, sent) == []


@pytest.mark.parametrize(
    "body",
    [
        "Ukrainian officers say their units still control the centre of Vovchansk, a border "
        "town in the Kharkiv region, and are clearing it street by street.",
        "Pokrovsk is a key road hub in the Donetsk region that has seen months of heavy fighting.",
    ],
)
def test_a_region_locating_the_settlement_just_named_is_no_claim_place(gaz, body):
    assert not [p for p, _t in _claims(gaz, body) if p.endswith("Oblast")]


def test_an_unnamed_village_in_a_region_keeps_the_region(gaz):
    body = (
        "Moscow said its troops had captured Stavky, as well as a village in the neighbouring "
        "Dnipropetrovsk region."
    )
    assert "Dnipropetrovsk Oblast" in {p for p, _t in _claims(gaz, body)}


def test_the_city_after_a_list_of_cities_is_the_storys_city(gaz):
    body = (
        "Drones struck Belgorod overnight, the governor said. Belgorod was hit again at dawn, "
        "officials said.\n\nBlasts were also heard in Kharkiv, Sumy and Kherson, Ukrainian "
        "media reported.\n\nDebris from downed missiles hit the city, the ministry said."
    )
    claims = _claims(gaz, body)
    last = [p for p, _t in claims][-1]
    assert last == "Belgorod"


def test_the_city_after_two_places_is_still_the_last_named(gaz):
    body = (
        "Moscow said its troops had captured the village of Novohrodivka, near the hub of "
        "Pokrovsk. Kyiv said its units were still defending positions near the town."
    )
    assert ("Novohrodivka", "holding") in _claims(gaz, body)


@pytest.mark.parametrize(
    "sent",
    [
        "Drones again struck Kharkiv, the region's administrative centre, officials said.",
        "The president visited the border region’s capital on Friday.",
    ],
)
def test_the_regions_capital_is_a_city_not_the_region(sent):
    refs = find_refs(sent, 0, len(sent))
    assert [(r.kind, r.noun) for r in refs] == [("ref-settlement", "city")]


def test_the_region_itself_is_still_a_region_reference():
    sent = "Shelling hit the region's border villages overnight."
    assert [r.kind for r in find_refs(sent, 0, len(sent))] == ["ref-region"]


def test_the_final_settlement_named_after_it_is_no_earlier_place(gaz):
    body = (
        "Kyiv's troops held on near Sudzha for weeks. Moscow later said the final settlement "
        "in the area, Oleshnya, had been liberated."
    )
    assert ("Sudzha", "captured") not in _claims(gaz, body)


def test_a_headline_style_city_without_article_is_the_place_named_before(gaz):
    text = (
        "# Zelensky says Kupiansk holds out\n\nZelensky says that Ukrainian troops are still "
        "in eastern city at the centre of the battle.\n"
    )
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    assert ("Kupiansk", "holding") in {(c.place.name, c.type) for c in claims}


def test_a_city_without_article_after_of_a_name_is_no_reference():
    sent = "Officials in eastern city of Kramatorsk said two people were hurt."
    assert find_refs(sent, 0, len(sent)) == []


def test_a_settlement_the_text_puts_in_russia_is_no_ukrainian_namesake(gaz):
    # the gazetteer knows "Oleshnya" only as another name of a Ukrainian village
    body = (
        "Moscow said its troops had routed Ukrainian units in the Russian villages of Guevo "
        "and Oleshnya."
    )
    assert "Vilshana" not in {p for p, _t in _claims(gaz, body)}


def test_a_russian_occupied_city_is_not_put_in_russia(gaz):
    body = "Drones struck the Russian-occupied city of Melitopol overnight, officials said."
    assert "Melitopol" in {p for p, _t in _claims(gaz, body)}


def test_a_countrys_territory_does_not_take_the_place_named_before(gaz):
    body = (
        "Russian troops attacked near Guevo on Monday, the ministry said. Ukrainian forces "
        "still hold about 60 square kilometres of Russian territory, the map shows."
    )
    assert ("Guyevo", "holding") not in _claims(gaz, body)


def _admin1s(gaz, body: str) -> set[str]:
    out = extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims
    return {c.place.admin1 or "" for c in out if c.place.precision == "settlement"}


def test_a_town_in_a_list_located_north_of_a_city_is_no_far_namesake(gaz):
    body = (
        "The situation remains tense near Dvorichna and Kamyanka, north of Kupiansk, the "
        "spokesman said."
    )
    assert _admin1s(gaz, body) <= {"UA.07"}  # Kharkiv Oblast, or no place at all


def test_a_city_in_a_list_of_settlements_is_no_far_namesake(gaz):
    body = (
        "Russian troops are storming Huliaipole. Fighting is going on in settlements such as "
        "Dobropillia, Pryluky and Varvarivka, the spokesman said."
    )
    assert "UA.02" not in _admin1s(gaz, body)  # Pryluky of the Chernihiv region


def test_villages_counted_in_a_region_then_listed_lie_in_that_region(gaz):
    body = (
        "Moscow's troops took three frontier villages in the Kharkiv region on Friday, the "
        "media reported. The army seized Krasne, Borysivka and Pylna, the report said."
    )
    assert _admin1s(gaz, body) <= {"UA.07"}


def test_villages_listed_without_a_region_keep_their_reading(gaz):
    body = "Moscow said its forces had captured Krasne and Borysivka near the border."
    assert _admin1s(gaz, body)


def test_a_village_read_farther_than_the_stated_distance_is_no_place(gaz):
    # the gazetteer's nearest Andriivka lies some 50 km west of Bakhmut, not 13 km south
    body = (
        "Russian commanders said they had captured Andriivka, located 13 km (8 miles) south "
        "of Bakhmut."
    )
    assert "Andriivka" not in {p for p, _t in _claims(gaz, body)}


def test_a_region_locating_a_settlement_named_after_it_is_no_claim_place(gaz):
    # "Zarichne-Mala" stands for a village the gazetteer lacks: no fallback to the oblast
    body = (
        "Moscow said the last settlement in Kursk Oblast, Zarichne-Mala, had been "
        "liberated from Ukrainian troops."
    )
    assert "Kursk Oblast" not in {p for p, _t in _claims(gaz, body)}


def test_a_region_after_an_unnamed_settlement_stays_the_claim_place(gaz):
    body = "Moscow said its troops had captured a settlement in the Kharkiv region on Monday."
    assert "Kharkiv Oblast" in {p for p, _t in _claims(gaz, body)}


def test_the_first_town_of_a_twin_town_area_is_a_place(gaz):
    text = "# Test\n\nNo units are encircled in the Pokrovsk–Myrnohrad agglomeration, Kyiv said.\n"
    hits = extract(text, published=PUB, gazetteer=gaz).places
    assert {"Pokrovsk", "Myrnohrad"} <= {h.place.name for h in hits if h.place is not None}


def test_the_river_is_still_no_city(gaz):
    text = "# Test\n\nUkrainian troops crossed the Dnipro near Krynky, the army said.\n"
    hits = extract(text, published=PUB, gazetteer=gaz).places
    assert "Dnipro" not in {h.place.name for h in hits if h.place is not None}


@pytest.mark.parametrize(
    "second",
    [
        "Street fighting is going on elsewhere, he added.",
        "Street fighting is going on in eastern Ukraine, he added.",
        "Meanwhile, street fighting is going on, he added.",
    ],
)
def test_a_sentence_looking_elsewhere_does_not_take_the_place_named_before(gaz, second):
    body = "Russian troops stormed Vovchansk on Monday, the governor said. " + second
    assert ("Vovchansk", "fighting") not in _claims(gaz, body)


def test_a_placeless_sentence_still_goes_on_about_the_place_named_before(gaz):
    body = (
        "Russian troops stormed Vovchansk on Monday, the governor said. Street fighting is "
        "going on, he added."
    )
    assert ("Vovchansk", "fighting") in _claims(gaz, body)


def test_every_elsewhere_example_looks_elsewhere_and_its_nots_do_not():
    from geomap.extract.placing import looks_elsewhere
    from geomap.extract.rules import default_anaphora

    rules = [r for r in default_anaphora().values() if r.produces == "elsewhere"]
    assert rules
    for rule in rules:
        for ex in rule.examples:
            assert looks_elsewhere(ex), (rule.id, ex)
        for ex in rule.not_examples:
            assert not looks_elsewhere(ex), (rule.id, ex)


def test_settlements_such_as_lie_on_one_front(gaz):
    # the gazetteer's Dobropillia is a town some 100 km from Huliaipole: not the village meant
    body = (
        "Russian troops are storming Huliaipole. Fighting is going on in settlements such as "
        "Dobropillia and Varvarivka, the spokesman said."
    )
    assert "Dobropillia" not in {p for p, _t in _claims(gaz, body)}


def test_a_site_named_after_a_town_with_a_modifier_is_at_the_town(gaz):
    text = "# Test\n\nGunmen attacked the Shebekino vehicle checkpoint at dawn, a channel said.\n"
    hits = extract(text, published=PUB, gazetteer=gaz).places
    assert "Shebekino" in {h.place.name for h in hits if h.place is not None}
