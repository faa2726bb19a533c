"""The world at country and region level in the embedded index, the ranking fixes that go with
it, Ukrainian display names and region phrases (default index)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from gazetteer import Context
from gazetteer.normalize import romanize_uk, ukrainian_display_name
from gazetteer.regions import region_phrase
from gazetteer.world import WORLD_FILE

EXAMPLES = json.loads(WORLD_FILE.read_text(encoding="utf-8"))["examples"]


@pytest.mark.parametrize(("name", "feature", "country"), EXAMPLES)
def test_world_data_examples(gaz, name, feature, country):
    best = gaz.resolve(name)
    assert (best.place.feature, best.place.country) == (feature, country)
    assert best.place.precision == "region"


@pytest.mark.parametrize(
    ("name", "expect"),
    [("Turkey", "Turkey"), ("U.S.", "United States"), ("Texas", "Texas"), ("Syria", "Syria"),
     ("Russian", "Russia")],
)  # fmt: skip
def test_geomap_place_answers_countries_states_and_demonyms(name, expect):
    from geomap.cli import main

    res = CliRunner().invoke(main, ["place", name, "--json", "--limit", "1"])
    assert res.exit_code == 0, res.output
    top = json.loads(res.output)[0]
    assert top["name"] == expect and top["precision"] == "region"
    assert top["feature"] in ("country", "admin1")


@pytest.mark.parametrize(
    ("name", "not_country"),
    [("Turkey", "US"), ("Syria", "GR"), ("Egypt", "US"), ("Mexico", "US"), ("Texas", "MX")],
)
def test_a_countrys_name_is_the_country_even_in_a_text_about_elsewhere(gaz, name, not_country):
    ctx = gaz.context("Officials in New Jersey and Arizona said on Monday that prices rose.")
    best = gaz.resolve(name, context=ctx)
    assert best.place.precision == "region" and best.place.country != not_country


def test_paris_in_a_story_about_paris_texas(gaz):
    text = (
        "Paris, a town in Lamar County, Texas, opened a new school. Officials in Paris said "
        "Dallas and Texarkana sent buses."
    )
    best = gaz.resolve("Paris", context=gaz.context(text))
    assert (best.place.country, best.place.admin1) == ("US", "US.TX")
    # and in a story about France it is the capital: its own mention is no evidence either way
    assert gaz.resolve("Paris", context=gaz.context("Paris and Lyon voted.")).place.country == "FR"


def test_one_mention_of_toronto_does_not_send_athens_to_ontario(gaz):
    ctx = gaz.context("The ministers met in Athens. A delegation had flown in from Toronto.")
    assert gaz.resolve("Athens", context=ctx).place.country == "GR"


@pytest.mark.parametrize("text", ["David Cameron spoke.", "Leslie Knope said so on Monday."])
def test_peoples_names_are_not_context_points(gaz, text):
    assert gaz.context(text).points == []


def test_country_bonus_scales_with_evidence():
    once = Context({"CA"}, country_evidence={"CA": {"toronto": 1}})
    often = Context({"CA"}, country_evidence={"CA": {"toronto": 2, "canada": 2}})
    by_hand = Context({"CA"})
    assert once.country_weight("CA") < often.country_weight("CA") == by_hand.country_weight("CA")
    assert once.without("toronto").country_weight("CA") == 0.0


def test_a_miss_needs_no_suggestion_search(gaz):
    assert gaz.candidates("Xqzvlorpth") == []


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("Авдіївка", "Avdiivka"), ("Куп'янськ", "Kupiansk"), ("Гуляйполе", "Huliaipole"),
     ("Кам'янське", "Kamianske"), ("Єнакієве", "Yenakiieve"), ("Згурівка", "Zghurivka"),
     ("Куп’янськ-Вузловий", "Kupiansk-Vuzlovyi")],
)  # fmt: skip
def test_romanize_uk_follows_the_2010_national_system(cyrillic, latin):
    assert romanize_uk(cyrillic) == latin


def test_display_names_of_ukrainian_places(gaz):
    assert ukrainian_display_name("Kupyansk", ["Купянск", "Куп'янськ"]) == "Kupiansk"
    assert ukrainian_display_name("Poltava", ["Палтава"]) == "Poltava"  # not Belarusian
    assert ukrainian_display_name("Toretsk", ["Дзержинськ"]) == "Toretsk"  # not an old name
    for old, new in [("Avdiyivka", "Avdiivka"), ("Kupyansk", "Kupiansk"),
                     ("Hulyaypole", "Huliaipole"), ("Kamyanske", "Kamianske")]:  # fmt: skip
        best = gaz.resolve(old, country="UA")
        assert best.place.name == new
        assert gaz.resolve(new, country="UA").place.id == best.place.id
    assert gaz.resolve("Belgorod").place.name == "Belgorod"  # Russian places keep theirs


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Strikes hit the regions of Sumy and Donetsk overnight.", ["UA.21", "UA.05"]),
        ("Sumy and Kharkiv oblasts were shelled.", ["UA.21", "UA.07"]),
        ("Fighting in the Donetsk and Luhansk regions went on.", ["UA.05", "UA.14"]),
        ("Drones hit the Kursk border region.", ["RU.41"]),
        ("the Donetsk, Kharkiv and Luhansk regions", ["UA.05", "UA.07", "UA.14"]),
        ("the border regions of Kursk, Bryansk and Belgorod", ["RU.41", "RU.10", "RU.09"]),
        ("Shelling hit Sumy.", []),
        ("the Black Sea region", []),
    ],
)
def test_region_phrases(gaz, text, ids):
    assert [r.id for r in region_phrase(text)] == ids
    assert set(ids) <= gaz.context(text).admin1s


def test_region_list_phrases_resolve_to_the_oblasts(gaz):
    cands = gaz.candidates("the regions of Sumy and Donetsk")
    assert [c.place.id for c in cands] == ["UA.21", "UA.05"]
    assert gaz.resolve("the Kursk border region").place.id == "RU.41"


@pytest.mark.parametrize(
    ("name", "wrong_admin1"),
    [("Melovoy", "UA.14"), ("Podol", "UA.12"), ("Plekhovo", "UA.18"), ("Robotyne", None)],
)
def test_a_kursk_story_never_sends_its_villages_to_namesakes_in_ukraine(gaz, name, wrong_admin1):
    """Without the downloaded dumps, villages of a Kursk Oblast story that the index lacks (or
    reads only loosely, or by another name, far away) resolve to the Kursk region, saying so."""
    text = "Russia said its troops retook Melovoy, Podol and Sudzha in the Kursk region."
    best = gaz.resolve(name, context=text)
    assert (best.place.id, best.match) == ("RU.41", "context-region")
    assert best.place.admin1 != wrong_admin1 and "stands for it" in best.reasons[0]
    assert gaz.resolve("Sudzha", context=text).place.admin1 == "RU.41"  # a real reading stays


def test_a_small_namesake_far_from_the_storys_region_gives_way_to_the_region(gaz):
    """A Sumy story naming villages the index lacks: a small own-name namesake hundreds of km
    away (a Volodymyrivka in Donetsk Oblast) is no reading of it; the Sumy region stands in.
    A town (Kostiantynivka) and a namesake just across the region's boundary still hold."""
    text = "Russian troops captured Volodymyrivka and Zhuravka in the border region of Sumy."
    best = gaz.resolve("Volodymyrivka", context=text)
    assert (best.place.id, best.match) == ("UA.21", "context-region")
    assert "stands for it" in best.reasons[0]
    assert gaz.resolve("Kostiantynivka", context=text).place.population > 50_000
    near = gaz.resolve("Zhuravka", context=text)
    assert near.match == "name" and near.place.admin1 != "UA.21"


def test_a_region_of_another_country_named_in_passing_keeps_own_name_readings(gaz):
    text = (
        "Russia said it captured Novoselivka, a village east of Lyman. Separately, blasts were "
        "reported near an airfield in Russia's Voronezh region."
    )
    best = gaz.resolve("Novoselivka", context=text)
    assert best.match == "name" and best.place.country == "UA"


def test_context_cache_key_tells_apart_what_ranking_reads(gaz):
    a = gaz.context("Ukrainian officials spoke. Shelling hit Pokrovsk.")
    b = gaz.context("Ukrainian officials said Ukraine and Ukrainian troops held. Pokrovsk.")
    assert (a.countries, a.admin1s, a.points) == (b.countries, b.admin1s, b.points)
    assert a.cache_key() != b.cache_key() and a.cache_key() == a.cache_key()
    hash(a.cache_key())
