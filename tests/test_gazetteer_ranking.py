"""Ranking faults found on news-geoparsing benchmarks (bench/bench_geoparsing.py), each
written here as a small story of our own: the general rule, not the benchmark's text."""

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
