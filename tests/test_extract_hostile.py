"""Hostile input: extraction never crashes on generated text, and its work grows linearly
with the place mentions in one sentence (issue 11: a crafted line once took quadratic time).

Timing is measured in bench/bench_hostile.py; here the work is counted (distance
computations and characters rescanned), which is deterministic.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.extract import cues, resolution, verbs
from geomap.extract.pipeline import extract

TOWNS = (
    "Pokrovsk Toretsk Kupiansk Lyman Siversk Bakhmut Avdiivka Vuhledar Kurakhove Selydove "
    "Myrnohrad Kostiantynivka Kramatorsk Sloviansk Huliaipole Orikhiv Vovchansk Sumy Kharkiv "
    "Izium Borova Soledar Marinka Novoselivka Andriivka Stavky Torske Druzhkivka Zaporizhzhia"
).split()
PUB = date(2025, 3, 14)

WORDS = TOWNS + (
    "Russia Ukraine Kyiv Moscow said denied captured took liberated advanced near fighting in "
    "the village of town region Donetsk Oblast on Friday Thursday last week, and but ; — – "
    '" “ ” ( ) : . ! ? not likely would 70% of under control regions of border '
    "withdrew from struck drones | * # - \n"
).split(" ")


@st.composite
def articles(draw) -> str:
    tokens = draw(
        st.lists(
            st.one_of(st.sampled_from(WORDS), st.text(max_size=12)),
            min_size=0,
            max_size=120,
        )
    )
    return "# Generated\n\n" + " ".join(tokens) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_text_never_crashes_and_claims_are_well_formed(gaz, text):
    ex = extract(text, published=PUB, gazetteer=gaz)
    for c in ex.claims:
        assert c.type in cues._TYPE_PRIORITY
        assert c.side in ("russia", "ukraine", "third-party")
        assert c.quote == ex.text[c.start : c.end]
        assert c.claim_date is None or c.claim_date <= PUB


def _one_sentence(n: int) -> str:
    names = ", ".join(TOWNS[i % len(TOWNS)] for i in range(n))
    return f"# Hostile\n\nRussia said on Friday its forces had captured {names}.\n"


def _work(gaz, monkeypatch, text: str) -> int:
    """Distance computations in the extractor plus characters handed to the hedge test."""
    count = [0]
    real_km, real_hedge = resolution.haversine_km, verbs.is_assessment

    def km(*a):
        count[0] += 1
        return real_km(*a)

    def hedge(s):
        count[0] += len(s) // 20
        return real_hedge(s)

    monkeypatch.setattr(resolution, "haversine_km", km)
    monkeypatch.setattr(verbs, "is_assessment", hedge)
    extract(text, published=PUB, gazetteer=gaz)
    monkeypatch.undo()
    return count[0]


@pytest.mark.parametrize("small,big", [(150, 600)])
def test_work_grows_linearly_with_mentions_in_one_sentence(gaz, monkeypatch, small, big):
    w_small = _work(gaz, monkeypatch, _one_sentence(small))
    w_big = _work(gaz, monkeypatch, _one_sentence(big))
    # linear: ~4x the work for 4x the names (quadratic would be ~16x)
    assert w_big <= 6 * max(w_small, 1), (w_small, w_big)


def test_a_long_list_still_gives_the_claims(gaz):
    claims = extract(_one_sentence(300), published=PUB, gazetteer=gaz).claims
    assert {c.place.name for c in claims} >= {"Pokrovsk", "Toretsk", "Lyman"}
    assert all(c.side == "russia" and c.type == "captured" for c in claims)


def test_narration_is_never_claimed_by_the_tool(gaz):
    """Issue 11: narrative claims of the examples (byline "for geomap") showed "geomap"."""
    text = (
        "# Test\n\n*By Example Desk for geomap*\n\nJanuary 10, 2025\n\n"
        "Russian troops captured Kurakhove on Thursday.\n"
    )
    claims = extract(text, gazetteer=gaz).claims
    assert claims and {c.claimant for c in claims} == {"Example Desk"}
    wire = (
        "# Test\n\nBy Jane Roe, Reuters\n\nJanuary 10, 2025\n\nRussian troops captured Kurakhove.\n"
    )
    assert {c.claimant for c in extract(wire, gazetteer=gaz).claims} <= {
        "Reuters",
        "Jane Roe, Reuters",
    }
