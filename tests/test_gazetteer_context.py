"""Document context, explanations and bad input on the real default index."""

from __future__ import annotations

import json

import pytest

from gazetteer import Candidate, Context, GazetteerError, normalize


def test_context_from_text(gaz):
    text = (
        "Russian troops pressed towards Dzerzhinsk, north of Donetsk, while Ukraine's "
        "forces held parts of the Kursk region and shelling hit the Sumy region."
    )
    ctx = gaz.context(text)
    assert {"UA", "RU"} <= ctx.countries
    assert {"RU.41", "UA.21"} <= ctx.admin1s
    assert "709717" in ctx.place_ids  # Donetsk city: big and unambiguous
    assert "563708" not in ctx.place_ids  # Dzerzhinsk is ambiguous: not evidence
    assert gaz.resolve("Dzerzhinsk", context=ctx).place.id == "709354"


def test_group_region_in_context_expands_to_members(gaz):
    assert gaz.resolve("Dzerzhinsk", context="fighting across the Donbas").place.id == "709354"
    assert gaz.resolve("Pokrovsk", context=Context(admin1s={"UA.DONBAS"})).place.id == "704422"


def test_candidates_explain_themselves(gaz):
    cands = gaz.candidates("Dzerzhinsk", context="Donetsk Oblast")
    best = cands[0]
    assert isinstance(best, Candidate) and best.score > cands[1].score
    text = " | ".join(best.reasons)
    assert "alternate name" in text and "UA.05" in text and "population" in text
    d = best.to_dict()
    json.dumps(d)
    assert d["geonameid"] == 709354 and d["precision"] == "settlement" and d["reasons"]
    region = gaz.resolve("Sumy region").to_dict()
    assert region["admin1"] == "UA.21" and "geonameid" not in region


def test_country_filter(gaz):
    assert gaz.resolve("Pokrovsk", country="RU").place.country == "RU"
    assert gaz.candidates("Toretsk", country="RU") == []


def test_loose_spelling_falls_back(gaz):
    c = gaz.resolve("Torecck")
    assert c.place.id == "709354" and c.match == "loose"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("x" * 10_240, "10240 characters"),
        ("Tore\x00tsk", "control characters"),
        ("Sumy\x1b[31m", "control characters"),
    ],
)
def test_bad_names_raise_clear_errors(gaz, bad, message):
    with pytest.raises(GazetteerError, match=message):
        gaz.candidates(bad)
    with pytest.raises(GazetteerError, match=message):
        gaz.resolve(bad)
    assert gaz.is_name(bad) is False  # a predicate: never raises


def test_non_text_inputs(gaz):
    with pytest.raises(GazetteerError):
        gaz.candidates(None)  # type: ignore[arg-type]
    with pytest.raises(GazetteerError):
        gaz.candidates("Sumy", context=42)  # type: ignore[arg-type]
    assert gaz.is_name(None) is False  # type: ignore[arg-type]


def test_normalize_is_the_lookup_key(gaz):
    assert gaz.is_name(normalize("Часів Яр"))
    assert gaz.suggest("Bakhmutt")[0] == "Bakhmut"


@pytest.mark.parametrize("word", ["Thursday", "March", "border", "the"])
def test_common_words_are_not_places(gaz, word):
    assert gaz.is_name(word) is False
    assert gaz.candidates(word) == []


@pytest.mark.parametrize("word", ["Ukraine", "Russia", "Ukrainian"])
def test_country_names_resolve_to_the_country_but_are_not_scanned_as_names(gaz, word):
    # text scans (is_name) treat them as context; asked for, they are the country, never a
    # namesake village
    assert gaz.is_name(word) is False
    assert {c.place.feature for c in gaz.candidates(word)} == {"country"}


def test_country_names_are_context(gaz):
    ctx = gaz.context("Ukraine and Russia traded strikes; Belarus watched.")
    assert ctx.countries == {"UA", "RU", "BY"} and not ctx.points


def test_plural_region_phrase_and_data_corrections(gaz):
    assert {"UA.05", "UA.14"} <= gaz.context("shelling in the Donetsk and Luhansk regions").admin1s
    listed = gaz.context("the Donetsk, Kharkiv, Zaporizhzhia and Luhansk regions").admin1s
    assert listed == {"UA.05", "UA.07", "UA.26", "UA.14"}
    # GeoNames lists "Slov'iansk" among Nikopol's names; the data file drops it
    assert gaz.resolve("Sloviansk", context="Zaporizhzhia").place.id == "693468"
