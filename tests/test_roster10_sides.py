"""Who's who, round 10 (rules/sides.toml): the formations, spokesmen, officials, outlets and
foreign voices that war reporting names without a country still speak for their side; names
that are common words, places or common surnames do not. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.claimants import side_of

PUB = date(2025, 3, 4)


def _claims(gaz, body: str) -> list:
    return extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims


@pytest.mark.parametrize(
    "claimant",
    [
        "a spokesman for the Group of Forces West",
        "the Dnepr group of forces",
        "the commander of a motorised rifle regiment",
        "the 58th Combined Arms Army",
        "officers of the 76th Guards division",
        "the VDV command",
        "a Vostok battalion fighter",
        "the Sparta battalion",
        "Rubikon drone crews",
        "Astafiev, the southern grouping's spokesman",
        "Governor Andrei Bocharov",
        "a presenter on Channel One",
        "the Military Informant channel",
        "Simonyan",
    ],
)
def test_a_russian_formation_or_voice_named_without_its_country(claimant: str) -> None:
    assert side_of(claimant) == "russia"


@pytest.mark.parametrize(
    "claimant",
    [
        "the 93rd Separate Mechanised Brigade",
        "a platoon commander in the 24th Separate Brigade",
        "the Separate Presidential Brigade",
        "a spokesman for the Tavria operational-strategic grouping",
        "the Kramatorsk operational and tactical group",
        "the Pivden command",
        "an Azov battalion officer",
        "Khartia's commander",
        "a Da Vinci Wolves drone pilot",
        "the Kraken unit",
        "Birds of Madyar",
        "the Third Assault",
        "the State Border Service",
        "Yevlash",
        "Andrii Demchenko of the border guard",
    ],
)
def test_a_ukrainian_formation_or_voice_named_without_its_country(claimant: str) -> None:
    assert side_of(claimant) == "ukraine"


@pytest.mark.parametrize(
    "claimant",
    [
        "The Washington Post, citing Ukrainian officers",
        "Al Jazeera",
        "the Unian news agency",
        "RBC-Ukraine",
        "IAEA head Rafael Grossi",
        "the Black Bird Group",
        "Rochan Consulting",
        "Kirby",
        "envoy Steve Witkoff",
    ],
)
def test_an_outlet_monitor_or_foreign_official_is_a_third_party(claimant: str) -> None:
    assert side_of(claimant) == "third-party"


def test_a_russian_separate_unit_with_a_guards_title_stays_russian() -> None:
    # Ukraine's units are "separate" brigades in English, but so may a Russian one be: its
    # Guards or motor-rifle title decides
    assert side_of("the 200th Separate Motor Rifle Brigade") == "russia"
    assert side_of("the 155th Separate Guards Naval Infantry Brigade") == "russia"


@pytest.mark.parametrize(
    "claimant",
    [
        "fishermen on the Sea of Azov",
        "the eastern group of forces",
        "the Kovalenko family",
        "a man named Demchenko",
        "Gusev",
        "crossing the Rubicon",
        "a mash of rumours",
    ],
)
def test_a_common_word_place_or_bare_common_surname_decides_nothing(claimant: str) -> None:
    assert side_of(claimant) is None


def test_a_russian_grouping_on_a_town_in_ukraine_speaks_for_russia(gaz) -> None:
    got = _claims(
        gaz, "Units of the Group of Forces South took full control of Kreminna, Astafyev said."
    )
    assert got and {c.side for c in got} == {"russia"}


def test_a_ukrainian_brigade_on_a_town_in_russia_speaks_for_ukraine(gaz) -> None:
    got = _claims(
        gaz,
        "Russian troops have been pushed out of Sudzha, the 80th Separate Air Assault "
        "Brigade said on Tuesday.",
    )
    assert got and {c.side for c in got} == {"ukraine"}


def test_a_named_paper_reporting_a_capture_is_a_third_party(gaz) -> None:
    got = _claims(gaz, "Kreminna has fallen to Russian forces, The Guardian reported on Monday.")
    assert got and {c.side for c in got} == {"third-party"}


def test_a_separate_naval_infantry_brigade_follows_its_first_marker() -> None:
    # a Ukrainian "separate" brigade may be written "naval infantry" too: the number and
    # "Separate" come first and decide
    assert side_of("the 36th Separate Naval Infantry Brigade") == "ukraine"
    assert side_of("a naval infantry brigade of the Pacific Fleet") == "russia"


@pytest.mark.parametrize(
    ("claimant", "side"),
    [
        ("a Duma deputy", "russia"),
        ("the Northern Fleet", "russia"),
        ("the Leningrad Military District's commander", "russia"),
        ("the military-civilian administration in Kamianka-Dniprovska", "russia"),
        ("a Rada member", "ukraine"),
        ("DTEK", "ukraine"),
        ("Michael Kofman", "third-party"),
        ("the Kiel Institute", "third-party"),
    ],
)
def test_bodies_only_one_state_has_and_named_researchers(claimant: str, side: str) -> None:
    assert side_of(claimant) == side


def test_a_ukrainian_agency_is_an_outlet_but_a_source_speaking_to_it_keeps_his_side() -> None:
    # "Interfax-Ukraine" is a private Ukrainian agency, not Russia's Interfax and not the state
    assert side_of("Interfax-Ukraine") == "third-party"
    assert side_of("the Interfax news agency") == "russia"
    assert side_of("Yevlash, in a comment to Interfax-Ukraine") == "ukraine"
    assert side_of("Censor.NET") == "third-party"


@pytest.mark.parametrize(
    ("claimant", "side"),
    [
        ("the occupation authorities in Enerhodar", "russia"),
        ("an official of the self-proclaimed republic", "russia"),
        ("several milbloggers", "russia"),
        ("the AFU", "ukraine"),
        ("a senior Western official", "third-party"),
        ("the Western Military District", "russia"),
        ("the Western-backed government in Kyiv", "ukraine"),
    ],
)
def test_occupation_bodies_bloggers_and_western_officials(claimant: str, side: str) -> None:
    assert side_of(claimant) == side


@pytest.mark.parametrize(
    ("claimant", "side"),
    [
        ("the Fontanka website", "third-party"),
        ("a dpa reporter", "third-party"),
        ("Yahoo News", "third-party"),
        ("the Russian-installed mayor Shevchik", "russia"),
        ("Rudskoi at a briefing", "russia"),
        ("MP Mariana Bezuhla", "ukraine"),
    ],
)
def test_more_outlets_and_officials_by_name(claimant: str, side: str) -> None:
    assert side_of(claimant) == side


@pytest.mark.parametrize(
    "claimant",
    ["the Sydney Morning Herald", "the Chicago Tribune", "the Jerusalem Post", "WION"],
)
def test_a_paper_named_by_its_kind_of_name_is_a_third_party(claimant: str) -> None:
    assert side_of(claimant) == "third-party"


def test_a_state_paper_and_a_post_that_is_no_paper() -> None:
    # Russia's own papers stay Russia's; a command post is no newspaper
    assert side_of("the Rossiyskaya Gazeta") == "russia"
    assert side_of("a forward command post") is None


def test_self_proclaimed_speaks_for_russia_only_of_the_proxy_republics() -> None:
    assert side_of("the self-proclaimed Luhansk authorities") == "russia"
    assert side_of("a self-proclaimed war expert") == "third-party"
