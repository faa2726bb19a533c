"""Places a sentence refers back to without naming them: a denial of "this information", a
settlement's namesakes told apart by the places named with it. Texts are written for these
tests."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract, placing

PUB = date(2025, 3, 4)
SIVERSK, KUPIANSK = "694403", "703656"


@pytest.mark.parametrize(
    "answer",
    [
        "The Ukrainian General Staff denies this information.",
        "Kyiv rejected the information as false.",
        "The Ukrainian army refuted these rumours on Tuesday.",
    ],
)
def test_a_denial_of_the_information_answers_the_claim_before(gaz, answer):
    text = (
        "# Moscow says it took two towns\n\nOn Monday the Russian defence ministry said its "
        f"troops had captured Siversk and Kupiansk. {answer}\n"
    )
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    denied = {c.place.id for c in claims if c.type == "denied" and c.side == "ukraine"}
    assert denied == {SIVERSK, KUPIANSK}


def test_a_village_far_from_the_sentences_other_places_is_the_namesake_near_them(gaz):
    # Pervomaiske: a village of that name in Crimea is the gazetteer's best reading; the one
    # west of Donetsk (now filed as Avdiivske) lies beside Avdiivka
    text = (
        "# Defenders hold the line\n\nThe army said its units repelled twelve assaults near "
        "Avdiivka on Tuesday and another four near Pervomaiske.\n"
    )
    hits = extract(text, published=PUB, gazetteer=gaz).places
    read = [h.place.id for h in hits if h.mention.text == "Pervomaiske" and h.place]
    assert read == ["697562"]


def test_a_village_with_no_namesake_near_the_others_keeps_its_reading(gaz):
    text = (
        "# Strikes overnight\n\nThe army said drones hit Kharkiv and Kherson overnight, and "
        "shells fell on Pervomaiske in Crimea.\n"
    )
    hits = extract(text, published=PUB, gazetteer=gaz).places
    read = [h.place.id for h in hits if h.mention.text == "Pervomaiske" and h.place]
    assert read and "697562" not in read


def _there(gaz, text: str) -> list[str]:
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    return [c.place.name for c in claims if c.place_as_written == "there"]


def test_there_after_sentences_naming_only_regions_is_the_last_region(gaz):
    text = (
        "# Border raids\n\nThe Sumy region borders Russia's Belgorod region. Moscow says it "
        "pushed the raiders out of the area. Kyiv says heavy battles are still raging there.\n"
    )
    assert _there(gaz, text) == ["Belgorod Oblast"]


def test_there_after_a_settlement_located_in_its_region_is_the_settlement(gaz):
    text = (
        "# Town under fire\n\nRussian troops stormed Siversk in the Donetsk region on Monday. "
        "Kyiv says heavy battles are still raging there.\n"
    )
    assert _there(gaz, text) == ["Siversk"]


@pytest.mark.parametrize(
    "sentence, place, ctype",
    [
        (
            "Moscow's army has massed troops around the hub of Siversk, where Kyiv says its "
            "units repelled five assaults on Monday.",
            "Siversk",
            "fighting",
        ),
        (
            "The Russian army keeps pushing in the Kursk region, where Kyiv claimed last week "
            "to have taken control of 30 villages.",
            "Kursk Oblast",
            "captured",
        ),
    ],
)
def test_a_statement_in_a_where_clause_is_about_the_place_it_hangs_on(gaz, sentence, place, ctype):
    claims = extract(f"# Front update\n\n{sentence}\n", published=PUB, gazetteer=gaz).claims
    assert [(c.place.name, c.side, c.type) for c in claims] == [(place, "ukraine", ctype)]


def test_a_where_clause_on_no_place_adds_none(gaz):
    text = "# Front update\n\nThe talks moved to a new round, where Kyiv says its units held.\n"
    assert not extract(text, published=PUB, gazetteer=gaz).claims


def test_a_region_the_clause_narrows_to_one_of_its_villages_only_locates_it(gaz):
    text = (
        "# Border strikes\n\nKyiv said on Monday its drones had hit an ammunition depot in the "
        "Kursk region overnight near the village of Tyotkino.\n"
    )
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    assert [(c.place.name, c.type) for c in claims] == [("Tëtkino", "strike")]


def _village(gaz, between: str) -> list[str]:
    text = (
        "# Border raid\n\nRussian bloggers said Ukrainian units had shelled the village of "
        f"Tyotkino on Sunday. {between} Bloggers also said Ukrainian troops were storming "
        "the village.\n"
    )
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    return [c.place.name for c in claims if c.place_as_written == "the village"]


def test_the_village_is_the_place_introduced_as_one_past_towns_named_since(gaz):
    between = "Drones were also reported over Kursk and Rylsk overnight."
    assert _village(gaz, between) == ["Tëtkino"]


def test_the_village_is_not_an_older_one_past_a_village_sized_place():
    from geomap.extract.resolution import _Memory
    from geomap.records import PlaceRef

    def ref(pid: str, pop: int) -> PlaceRef:
        return PlaceRef(pid, pid, "settlement", 51.0, 35.0, population=pop)

    mem = _Memory()
    mem.add(ref("Hamlet", 900), "village")
    for town in (ref("Bigtown", 400_000), ref("Midtown", 17_000)):
        mem.add(town, None)
    assert mem._village_named_before("village", here=False).id == "Hamlet"
    assert mem._village_named_before("village", here=True) is None  # the sentence names one
    assert mem._village_named_before("city", here=False) is None
    mem.add(ref("Smallplace", 5_000), None)  # village-sized: "the village" may be this one
    assert mem._village_named_before("village", here=False) is None


# --- rules/anaphora.toml [[refs]] ------------------------------------------------------------
def _narrowing_gap(sentence: str) -> str:
    """The text between "region" and the next capitalised name after it."""
    import re

    at = sentence.index("region") + len("region")
    name = re.compile(r"[A-Z][a-z]+").search(sentence, at)
    assert name is not None
    return sentence[at : name.start()]


REFS = list(placing.ref_words().values())


@pytest.mark.parametrize("rule", REFS, ids=lambda r: r.id)
def test_every_refs_entry_matches_its_examples_and_not_its_nots(rule):
    assert len(rule.examples) >= 2 and rule.not_examples, rule.id
    for ex in rule.examples:
        assert rule.regex.search(ex), (rule.id, ex)
        if rule.produces == "answered":
            assert placing.answered_re().search(ex), ex
        else:
            assert placing.narrowed_gap_re().fullmatch(_narrowing_gap(ex)), ex
    for ex in rule.not_examples:
        if rule.produces == "answered":
            assert not placing.answered_re().search(ex), ex
        else:
            assert not placing.narrowed_gap_re().fullmatch(_narrowing_gap(ex)), ex


def _read(gaz, text: str, name: str) -> list[str | None]:
    hits = extract(text, published=PUB, gazetteer=gaz).places
    return [h.place.name if h.place else None for h in hits if h.mention.text == name]


def test_a_list_of_areas_is_one_front_a_far_namesake_is_no_reading(gaz):
    # the big Kostiantynivka lies in Donetsk oblast, 250 km from the two Sumy villages
    text = (
        "# Northern front\n\nRussian troops pushed towards Sumy from the border on Monday. The "
        "council said they keep attacking in areas such as Kostiantynivka, Basivka and "
        "Yunakivka.\n"
    )
    assert _read(gaz, text, "Kostiantynivka") == [None]


def test_the_areas_of_one_city_stay_that_city(gaz):
    text = "# Southern front\n\nThe army said shelling went on in the areas of Kherson.\n"
    assert _read(gaz, text, "Kherson") == ["Kherson"]
