"""Constructions of ordinary reporting (own sentences): denials that call a claim false, in
a trailing clause or the next sentence; a bearing from a place ("south of X") locating an
event as "near" does."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract

PUB = date(2025, 2, 7)


def _claims(gaz, text: str) -> set[tuple[str, str, str]]:
    got = extract(f"# Front update\n\n{text}\n", published=PUB, gazetteer=gaz).claims
    return {(c.place.name, c.side, c.type) for c in got}


@pytest.mark.parametrize(
    "text",
    [
        "Moscow said its troops took Chasiv Yar, a claim Ukraine said was false.",
        "Moscow said its troops took Chasiv Yar, which Kyiv called a lie.",
        "Moscow said its troops took Chasiv Yar, a claim that Kyiv rejected as untrue.",
        "Moscow said its troops took Chasiv Yar. Ukraine said the claim was false.",
        "Moscow said its troops took Chasiv Yar. A Ukrainian spokesman said that was not true.",
        "Moscow said its troops took Chasiv Yar. Kyiv said Moscow's reports about it were untrue.",
    ],
)
def test_calling_a_claim_false_denies_it(gaz, text):
    got = _claims(gaz, text)
    assert ("Chasiv Yar", "russia", "captured") in got
    assert ("Chasiv Yar", "ukraine", "denied") in got


@pytest.mark.parametrize(
    "text",
    [
        "Moscow said its troops took Chasiv Yar, which Kyiv called significant.",
        "Moscow said its troops took Chasiv Yar. Ukraine said the bridge was destroyed.",
    ],
)
def test_other_answers_deny_nothing(gaz, text):
    assert not any(t == "denied" for _p, _s, t in _claims(gaz, text))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ukrainian forces are conducting offensive operations south of Orikhiv.", "fighting"),
        ("Ukrainian forces launched a counteroffensive south-west of Orikhiv.", "advancing"),
        ("Russian forces advanced northwest of Avdiivka.", "advancing"),
    ],
)
def test_a_bearing_from_a_place_locates_the_event_there(gaz, text, want):
    got = _claims(gaz, text)
    assert {(p, t) for p, _s, t in got} == {(text.split()[-1].rstrip("."), want)}


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops crossed the border north of Kharkiv and pushed towards Vovchansk.",
        "Russian forces continued to attack towns west of Lysychansk.",
        "Russian troops now control territory to the north, east and south of Kurakhove.",
    ],
)
def test_a_bearing_locating_something_else_is_no_event_at_the_place(gaz, text):
    far = {"Kharkiv", "Lysychansk"}
    got = _claims(gaz, text)
    assert not any(p in far for p, _s, _t in got)
    assert ("Kurakhove", "third-party", "holding") not in got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('"Kupiansk is fully under the control of our forces," the Russian defence ministry said.',
         ("Kupiansk", "russia", "captured")),
        ("Sudzha is under the control of Ukrainian troops, a Ukrainian soldier said.",
         ("Sudzha", "ukraine", "captured")),
        ("Kupiansk remains under the control of Russian forces, the Russian ministry said.",
         ("Kupiansk", "russia", "holding")),
        ("Kupiansk is under the control of Ukrainian troops, the Ukrainian army said.",
         ("Kupiansk", "ukraine", "holding")),
    ],
)  # fmt: skip
def test_control_over_the_other_countrys_place_is_a_capture(gaz, text, want):
    assert want in _claims(gaz, text)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow said its troops took Chasiv Yar. Ukrainian officials called that claim premature.",
        'Moscow said its troops took Chasiv Yar, a claim Kyiv quickly dismissed as "a fake".',
    ],
)
def test_more_ways_of_calling_a_claim_false(gaz, text):
    assert ("Chasiv Yar", "ukraine", "denied") in _claims(gaz, text)


def test_a_toll_counted_out_place_by_place_is_a_strike_on_each(gaz):
    text = (
        "Russian attacks killed four civilians in the Donetsk region: two in Kostiantynivka, "
        "one in Sloviansk and one in Lyman, the governor said."
    )
    got = {p for p, _s, t in _claims(gaz, text) if t == "strike"}
    assert {"Kostiantynivka", "Sloviansk", "Lyman"} <= got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Fighting goes on near Pokrovsk. Ukrainian forces are holding it, the general said.",
         ("Pokrovsk", "ukraine", "holding")),
        ("Russian forces attacked Kupiansk for weeks. Russia said on Friday it had captured it.",
         ("Kupiansk", "russia", "captured")),
    ],
)  # fmt: skip
def test_the_object_it_of_taking_or_holding_is_the_place_just_named(gaz, text, want):
    assert want in _claims(gaz, text)


def test_it_taken_otherwise_is_no_place(gaz):
    got = _claims(gaz, "Russian drones hit Kupiansk. Kyiv took it seriously and said so.")
    assert not any(t == "captured" for _p, _s, t in got)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Near Yunakivka, the enemy continues assault actions, the governor said.",
         ("Yunakivka", "fighting")),
        ("In the Pokrovsk direction, the enemy attacked 40 times, the staff said.",
         ("Pokrovsk", "fighting")),
    ],
)  # fmt: skip
def test_a_fronted_place_locates_a_verb_that_names_none(gaz, text, want):
    assert want in {(p, t) for p, _s, t in _claims(gaz, text)}


def test_a_fronted_place_does_not_take_a_verb_with_its_own_object(gaz):
    got = _claims(gaz, "In Kupiansk, Russian troops captured two streets.")
    assert ("Kupiansk", "captured") not in {(p, t) for p, _s, t in got}


def test_a_date_in_an_apposition_after_the_place_is_the_appositions(gaz):
    text = "# Update\n\nUkraine still holds Sudzha, the largest town it seized in August.\n"
    got = [c for c in extract(text, published=PUB, gazetteer=gaz).claims if c.type == "holding"]
    assert got and got[0].claim_date == PUB


def test_control_of_a_part_of_the_other_countrys_place_is_no_capture(gaz):
    got = _claims(gaz, "Russian forces now control the approaches to Kupiansk, the army said.")
    assert ("Kupiansk", "russia", "captured") not in got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russian forces attacked near Pokrovsk itself and toward Myrnohrad.",
         {("Pokrovsk", "fighting"), ("Myrnohrad", "fighting")}),
        ("Russian forces are trying to storm Pokrovsk, the brigade said.",
         {("Pokrovsk", "fighting")}),
        ("Kupiansk saw the fiercest fighting of the week, the army said.",
         {("Kupiansk", "fighting")}),
    ],
)  # fmt: skip
def test_more_fighting_wordings(gaz, text, want):
    assert want <= {(p, t) for p, _s, t in _claims(gaz, text)}
