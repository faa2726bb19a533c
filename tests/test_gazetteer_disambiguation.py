"""Context scoring: a named place is not penalised for its distance to itself, and a region in
context breaks ties between namesakes without turning one name into another."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazetteer import Context, Gazetteer
from gazetteer.index import VARIANT_SIM, key_similarity

DONETSK_TEXT = "Fighting continued in the Donetsk region on Tuesday, officials said."


def _reasons(cands, place_id):
    return " | ".join(next(c for c in cands if c.place.id == place_id).reasons)


@pytest.mark.parametrize(
    ("text", "name", "city", "village"),
    [
        # a 1,073-person village lies ~90 km from Nikopol; the city itself is named
        (
            "Zaporizhzhia was shelled overnight. Kharkiv reported drone attacks too.",
            "Zaporizhzhia",
            "687700",
            "707652",
        ),
        (
            "Nikopol was shelled overnight. Kharkiv reported drone attacks too.",
            "Nikopol",
            "700051",
            "9103943",
        ),
    ],
)
def test_a_name_is_not_its_own_context(gaz, text, name, city, village):
    """The text's own mention of the name is no evidence for one of its readings (it used to
    give the big city a +3 "named in context"); the city still wins on its size."""
    ctx = gaz.context(text)
    assert city in ctx.place_ids
    cands = gaz.candidates(name, context=ctx, limit=20)
    assert cands[0].place.id == city
    assert "named in context" not in _reasons(cands, city)
    others = [c for c in cands if c.place.id == village]
    assert others and cands[0].score > others[0].score


def test_a_place_named_by_another_name_in_the_context_gets_a_bonus_not_a_distance(gaz):
    ctx = gaz.context("Zaporizhzhia was shelled overnight. Kharkiv reported drone attacks too.")
    cands = gaz.candidates("Zaporozhye", context=ctx, limit=20)
    assert cands[0].place.id == "687700"
    why = _reasons(cands, "687700")
    assert "named in context" in why and "km from" not in why


def test_a_named_place_keeps_its_region_bonus(gaz):
    """In a context region: a namesake in the same region near it must not win."""
    ctx = gaz.context("Shelling hit Nikopol in the Dnipropetrovsk region.")
    cands = gaz.candidates("Nikopol", context=ctx)
    assert cands[0].place.id == "700051"
    why = " | ".join(cands[0].reasons)
    assert "region UA.04 in context" in why and "named in context" not in why


def test_points_without_ids_still_exclude_the_place_itself(gaz):
    """A Context built by hand with points only: the place's own point is no evidence."""
    city = gaz.get("687700")
    ctx = Context(points=[(city.lat, city.lon)])
    cands = gaz.candidates("Zaporizhzhia", context=ctx)
    assert "km from" not in " | ".join(_reasons(cands, "687700"))


# verified with `geomap place NAME --context "<a text naming the Donetsk region>" --json`
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mykolaiv", "700569"),  # the city (~470k), not Mykolaivka (UA.05, 700119)
        ("Kharkiv", "706483"),
        ("Zaporizhzhia", "687700"),
        ("Zaporizhzhya", "687700"),
        ("Dnipro", "709930"),
        ("Kramatorsk", "704508"),
        ("Sloviansk", "693468"),
        ("Kostiantynivka", "705104"),
        ("Myrnohrad", "710035"),
        ("Selydove", "694677"),
        ("Kurakhove", "695357"),
        ("Vuhledar", "690823"),
        ("Lyman", "704204"),  # the Donetsk Oblast town, not Lyman in Kharkiv Oblast
        ("Liman", "704204"),
        ("Kupiansk", "703656"),  # Kupyansk
        ("Vovchansk", "689304"),
        ("Sudzha", "486816"),
        ("Belgorod", "578072"),  # the city ...
        ("Belgorod region", "RU.09"),  # ... and the Russian region
        ("Dzerzhinsk", "709354"),  # another name, but no bigger Ukrainian "Dzerzhinsk": Toretsk
        ("Artemovsk", "713174"),  # Bakhmut
        ("Komsomolske", "705186"),  # renamed Kalmiuske (UA.05), not a smaller Crimean village
    ],
)
def test_cities_with_a_donetsk_region_context(gaz, name, expected):
    ctx = gaz.context(DONETSK_TEXT)
    assert "UA.05" in ctx.admin1s
    assert gaz.resolve(name, context=ctx).place.id == expected


def test_region_context_does_not_turn_mykolaiv_into_mykolaivka(gaz):
    ctx = gaz.context(DONETSK_TEXT)
    cands = gaz.candidates("Mykolaiv", context=ctx)
    assert cands[0].place.id == "700569"
    why = _reasons(cands, "700119")
    assert "not counted" in why and "(+3.00)" not in why
    # without context the ranking is the same
    assert gaz.resolve("Mykolaiv").place.id == "700569"


def test_another_name_near_a_context_place_does_not_beat_the_own_name_near_it(gaz):
    """A Kharkiv city district GeoNames also lists as "Shevchenko" lies next to Kharkiv, but
    the villages called Shevchenko lie near Myrnohrad, which the text names too."""
    ctx = gaz.context(
        "Russian units attacked near Myrnohrad and Shevchenko, and Kharkiv was shelled again."
    )
    assert {"710035", "706483"} <= set(ctx.place_ids)
    best = gaz.resolve("Shevchenko", context=ctx)
    assert best.place.id == "694167" and best.match == "name"


def test_an_explicit_qualifier_still_decides(gaz):
    """ "X, Y": the region is part of the name asked for, so it may pick another name."""
    assert gaz.resolve("Mykolaiv, Donetsk Oblast").place.id == "700119"
    assert gaz.resolve("Dzerzhinsk, Donetsk Oblast").place.id == "709354"


def test_spellings_of_the_primary_name_count_as_the_name():
    assert key_similarity("kupiansk", "kupyansk") == VARIANT_SIM
    assert key_similarity("mykolaiv", "mykolayiv") == VARIANT_SIM
    assert key_similarity("kharkov", "kharkiv") == VARIANT_SIM
    assert key_similarity("mykolaiv", "mykolaivka") < VARIANT_SIM
    assert key_similarity("dzerzhinsk", "toretsk") < 0.7
    assert key_similarity("toretsk", "toretsk") == 1.0


def _p(gid, name, lat, lon, a1, pop, alts=()):
    return {
        "geonameid": gid,
        "name": name,
        "latitude": lat,
        "longitude": lon,
        "countrycode": "UA",
        "population": pop,
        "timezone": "",
        "admin1code": a1,
        "alternatenames": list(alts),
    }


@pytest.fixture
def invented(tmp_path: Path) -> Gazetteer:
    """Invented places, so the rule is shown on names no special case could know."""
    places = [
        # a big city (own name Velykopil) and a small town in Donetsk Oblast also listed as
        # "Velykopil" (another name: its own is Velykopilka)
        _p(99100001, "Velykopil", 46.9, 32.0, "16", 300_000),
        _p(99100002, "Velykopilka", 48.3, 37.5, "05", 9_000, ["Velykopil"]),
        # a renamed town: its old name Starohrad is the own name of a smaller village elsewhere
        _p(99100003, "Novomistsk", 48.4, 37.9, "05", 40_000, ["Starohrad"]),
        _p(99100004, "Starohrad", 50.5, 30.5, "13", 800),
        # a big place listed also as "Kalynivka" next to a context place, and a village whose
        # own name is Kalynivka, also near it
        _p(99100007, "Zarichnyi", 48.02, 37.82, "05", 200_000, ["Kalynivka"]),
        _p(99100008, "Kalynivka", 48.1, 37.9, "05", 1_500),
        # filler so the oblasts get polygons
        _p(99100005, "Pole", 48.0, 37.8, "05", 900_000),
        _p(99100006, "Lan", 46.8, 32.1, "16", 1_000),
    ]
    src = tmp_path / "invented.json"
    src.write_text(json.dumps({str(p["geonameid"]): p for p in places}), encoding="utf-8")
    g = Gazetteer.build(source=src, cache=tmp_path / "cache" / "gaz.sqlite")
    yield g
    g.close()


def test_the_rule_on_invented_places(invented):
    donetsk = Context(countries={"UA"}, admin1s={"UA.05"})
    # a bigger same-country place bears the name as its own: the region cannot override it
    assert invented.resolve("Velykopil", context=donetsk).place.id == "99100001"
    # the place bearing the name is smaller: the region still picks the renamed town
    assert invented.resolve("Starohrad", context=donetsk).place.id == "99100003"
    # and a named point works the same way as a region
    near = Context(points=[(48.0, 37.8)], place_ids=["99100005"])
    assert invented.resolve("Velykopil", context=near).place.id == "99100001"
    assert invented.resolve("Starohrad", context=near).place.id == "99100003"
    # the own name near a context place beats another name nearer to it, however big
    assert invented.resolve("Kalynivka", context=near).place.id == "99100008"
    assert invented.resolve("Kalynivka").place.id == "99100007"  # no context: population
