"""Ranking faults found on news-geoparsing benchmarks (bench/bench_geoparsing.py), each
written here as a small story of our own: the general rule, not the benchmark's text."""

import pytest

from gazetteer import normalize


def test_big_city_is_not_moved_abroad_by_country_evidence_alone(gaz):
    text = (
        "The United States said on Monday that talks in the United States would go on. "
        "Officials in New York and the United States Congress were told; London was silent."
    )
    best = gaz.resolve("London", context=text)
    assert best.place.country == "GB"
    assert any("population" in r for r in best.reasons)


def test_capital_beats_small_namesake_near_a_context_city(gaz):
    text = "Diplomats flew from New York to Washington after the vote in New York."
    best = gaz.resolve("Washington", context=text)
    assert best.place.admin1 == "US.DC"


def test_region_named_once_weighs_half_of_one_named_twice(gaz):
    once = gaz.context("A fair was held in Ohio.")
    twice = gaz.context("A fair was held in Ohio. Ohio farmers came.")

    def bonus(ctx):
        cands = gaz.candidates("Louisville", context=ctx, limit=0)
        ohio = next(c for c in cands if c.place.admin1 == "US.OH")
        return [r for r in ohio.reasons if r.startswith("region US.OH in context")]

    assert bonus(once) == ["region US.OH in context (+1.50)"]
    assert bonus(twice) == ["region US.OH in context (+3.00)"]


def test_phrase_built_on_the_name_is_not_its_context(gaz):
    text = (
        "Azerbaijan and Armenia traded blame; the border territory of Georgia stayed calm, "
        "and Georgia urged talks with Azerbaijan."
    )
    ctx = gaz.context(text)
    assert gaz.resolve("Georgia", context=ctx).place.feature == "country"


def test_sentence_initial_common_word_is_no_context_point(gaz):
    ctx = gaz.context("But the talks went on. Nobody left.")
    assert normalize("But") not in ctx.point_keys
    assert "CD" not in ctx.countries


def _within_examples():
    import json
    from pathlib import Path

    import gazetteer

    path = Path(gazetteer.__file__).parent / "data" / "within.json"
    return json.loads(path.read_text(encoding="utf-8"))["examples"]


@pytest.mark.parametrize(("name", "place"), _within_examples())
def test_within_examples(gaz, name, place):
    """Every example of within.json: a venue or institution read by the place inside it,
    or no reading at all when the name is a feature or place of its own."""
    assert gaz.candidates(name) == []  # no reading of its own: off by default
    cands = gaz.candidates(name, within=True)
    if place is None:
        assert cands == []
    else:
        best = cands[0]
        assert best.match == "within" and best.place.name == place
        assert f"a place named inside {name!r}" in best.reasons[0]
        assert best.score < gaz.resolve(place).score  # less sure than the name itself


def test_within_through_resolve_and_geocoder(gaz):
    from gazetteer import UnknownPlaceError
    from gazetteer.geocoder import OfflineGeocoder

    with pytest.raises(UnknownPlaceError):
        gaz.resolve("Colchester General Hospital")
    assert gaz.resolve("Colchester General Hospital", within=True).place.country == "GB"
    geo = OfflineGeocoder(gaz)
    assert geo.geocode("Dubai World Cup") is None
    assert geo.geocode("Dubai World Cup", within=True).address.startswith("Dubai")


def test_region_code_of_a_country_in_context(gaz):
    """A capitalised code is the region of that code in a country the text names; without
    such a country it keeps its other readings (Seychelles' ISO code, the town of Wa)."""
    text = "The governors of New Jersey and Washington spoke for the United States."
    assert gaz.resolve("NJ", context=text).place.id == "US.NJ"
    assert gaz.resolve("SC", context=text).place.id == "US.SC"
    assert gaz.resolve("WA", context=text).place.id == "US.WA"
    assert gaz.resolve("SC").place.feature == "country"
    assert gaz.resolve("WA").place.country == "GH"
    assert gaz.candidates("nj", context=text) == []  # only as written in capitals
