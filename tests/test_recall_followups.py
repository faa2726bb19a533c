"""Claims a sentence makes without naming its place (geomap/extract/followups.py): a named
source's casualty count in a strike story is a strike claim about the story's settlement.
Texts are written for these tests, in two kinds of reporting (a wire story, a live page)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geomap.errors import GeomapError
from geomap.extract import extract
from geomap.extract.followups import TOLL_RULE, counts_victims, default_counts, load_counts

PUB = date(2025, 3, 14)
COUNTS = default_counts()


# --- rules/followups.toml ------------------------------------------------------------------
@pytest.mark.parametrize("rule", COUNTS, ids=lambda r: r.id)
def test_every_entry_matches_its_examples_and_not_its_nots(rule):
    assert len(rule.examples) >= 2 and rule.not_examples, rule.id
    for ex in rule.examples:
        assert rule.regex.search(ex), (rule.id, ex)  # the entry itself, not a neighbour
        assert counts_victims(ex) is (rule.kind == "count"), (rule.id, ex)
    for ex in rule.not_examples:
        assert not rule.regex.search(ex), (rule.id, ex)


def test_a_count_of_nobody_is_no_toll():
    assert counts_victims("Four people were injured, the mayor said.")
    assert not counts_victims("Nobody was hurt and no one was killed, the mayor said.")


@pytest.mark.parametrize(
    "table, message",
    [
        ('[[count]]\nid = "count.x"\npattern = "a"\n', r"no \[\[nil\]\] entries"),
        (
            '[[count]]\nid = "count.x"\npattern = "(a"\n[[nil]]\nid = "nil.x"\npattern = "b"\n',
            r"\[\[count\]\] entry 1 \(count\.x\): bad or missing pattern",
        ),
        ('[[count]]\npattern = "a"\n[[nil]]\nid = "nil.x"\npattern = "b"\n', "needs an id"),
    ],
)
def test_the_loader_names_the_file_and_the_entry(tmp_path: Path, table, message):
    p = tmp_path / "followups.toml"
    p.write_text(table, "utf-8")
    with pytest.raises(GeomapError, match=rf"followups\.toml: .*{message}"):
        load_counts(p)


# --- end to end (real gazetteer) -------------------------------------------------------------
WIRE = """# Missile hits apartment block in Sumy

A Russian missile struck an apartment block in Sumy on Tuesday morning, the regional \
governor said.

Rescue teams worked through the day to reach people under the rubble.

{last}
"""

LIVE = """# Live: overnight drone attack on Kherson

Russian drones attacked Kherson overnight, the city military administration reported.

Update, 09:40: Emergency crews are still at work in central Kherson.

{last}
"""


def _tolls(gaz, story: str, last: str) -> list[tuple[str, str, str]]:
    claims = extract(story.format(last=last), published=PUB, gazetteer=gaz).claims
    return [(c.place.name, c.type, c.quote) for c in claims if TOLL_RULE in c.rules]


@pytest.mark.parametrize(
    "story, last, place",
    [
        (WIRE, "By the evening, the death toll had risen to nine, the governor said.", "Sumy"),
        (WIRE, "Eleven residents were wounded, the emergency service said.", "Sumy"),
        (LIVE, "Three passengers were wounded, the regional governor said.", "Kherson"),
        (LIVE, "According to the mayor, a drone fell near a bus stop, killing a man.", "Kherson"),
    ],
)
def test_a_sourced_toll_naming_no_place_is_the_struck_towns(gaz, story, last, place):
    got = _tolls(gaz, story, last)
    assert [(p, t) for p, t, _q in got] == [(place, "strike")], got
    assert got[0][2].startswith(last[:20])


@pytest.mark.parametrize(
    "story, last",
    [
        (WIRE, "No one was injured, the governor said."),  # nobody hurt
        (WIRE, "Nine people were killed."),  # the outlet's own narration
        (WIRE, "Shelling also hit Okhtyrka. Two people were injured there, the governor said."),
        (LIVE, "Officials fear the death toll could still rise, the governor said."),  # no count
    ],
)
def test_no_toll_claim_past_a_guard(gaz, story, last):
    assert _tolls(gaz, story, last) == []


def test_a_toll_right_after_the_strike_retells_it(gaz):
    text = (
        "# Test\n\nA Russian missile struck an apartment block in Sumy, the governor said. "
        "Two people were killed, the governor said.\n"
    )
    assert not [
        c for c in extract(text, published=PUB, gazetteer=gaz).claims if TOLL_RULE in c.rules
    ]


def test_a_toll_in_a_story_of_ground_fighting_is_no_strike_claim(gaz):
    text = (
        "# Battle for Toretsk\n\nRussian units stormed Toretsk from three sides on Monday, the "
        "Ukrainian army said.\n\nThe attackers came in small groups.\n\n"
        "Four civilians were killed, the police said.\n"
    )
    assert not [
        c for c in extract(text, published=PUB, gazetteer=gaz).claims if TOLL_RULE in c.rules
    ]
