"""The gates of round 11 (issue 9, throughput) give what the regexes alone gave.

Each gate may only skip a search that could not have matched; these tests run the gated and
the ungated forms side by side on texts written for them (our own words)."""

from __future__ import annotations

import re

import pytest

from geomap.extract import claimants, dates, placing, prescreen, reporting, resolution, voices

SENTENCES = [
    "This was reported by the press service of the regional administration on Monday.",
    "It has been stated by the brigade's spokesman, Oleh Kovalenko, in a televised interview.",
    '"We are holding the line," the commander said. - Ivan Petrenko said so on the air.',
    "- Serhii Bondar stated this during a briefing.",
    "Troops advanced near the Siversk-Lysychansk front, though Kyiv denied it.",
    "Shelling hit its northern outskirts, a claim rejected by the regional governor.",
    "Officials had repeatedly said the Ukrainian villages of Orlivka and Tonenke held.",
    "Having captured the hamlet, the unit moved towards the settlements of Nova and Stara.",
    "The fall of the town would be seen as a blow, analysts said yesterday evening.",
    "On Tuesday night and the day before yesterday, drones struck in the morning.",
    "Last month, fighting went on near the Pokrovsk-Myrnohrad agglomeration in spring.",
    "no capital letters, no dash and no place words in this clause at all",
    "",
]


@pytest.mark.parametrize(
    "phrase",
    [
        "Officials have",
        "the ministry has also",
        "The General Staff",
        "Kyiv did not",
        "Moscow had\n",
        "Moscow had \n",
        "  has",
        "has",
        "the governor hasn’t",
        "the spokesman previously ",
        "\x1chas",
        "",
    ],
)
def test_aux_end_cut_is_the_regex(phrase: str) -> None:
    assert claimants._without_aux_end(phrase) == claimants._AUX_END_RE.sub("", phrase)


def test_region_locator_gate_holds_for_every_match() -> None:
    befores = [
        "captured the village of Maiorsk in the ",
        "the villages of Orlivka and Tonenke in the Donetsk ",
        "the Pokrovske area of the ",
        "took Orlivka, Tonenke and Berdychi in ",
        "Berlin the ",
        "shelled the town on Monday near the ",
        "",
    ]
    hits = 0
    for before in befores:
        if reporting._NAMED_SETTLEMENT_BEFORE_RE.search(before):
            hits += 1
            assert reporting._in_or_of_ends(before), before
    assert hits >= 4
    assert not reporting._in_or_of_ends("shelled the town on Monday near the ")


@pytest.mark.parametrize("words", [("day", "night", "may"), ("evening", "afternoon")])
def test_words_substring_tests_are_the_trie(words: tuple[str, ...]) -> None:
    rx = re.compile("|".join(words) + r"|\d", re.I)
    found = prescreen.Words(words, also=r"\d")
    for s in [*SENTENCES, "KELVIN 5", "\u212aey", "ſ"]:
        assert found.found_in(s) == bool(rx.search(s)), s


_FINDER_PATTERNS = [
    re.compile(r"\bhaving\s+\w+ed\b", re.I),  # one leading word
    re.compile(r"\b(?:to|towards)\s+the\s+\w+", re.I),  # two
    re.compile(r"\b(?:on|last|this)\s+(?:Tuesday|Monday)", re.I),  # three
    re.compile(r"(?:^\W*|\bthat\s+)(?P<clause>the\s+fall\s+of\s+(?:\w+\s+){1,3}?be\s+seen)", re.I),
]


@pytest.mark.parametrize("pattern", _FINDER_PATTERNS, ids=lambda p: p.pattern[:20])
def test_finder_paths_give_the_patterns_matches(pattern: re.Pattern[str]) -> None:
    finder = prescreen.Finder(pattern)
    assert finder._starts is None or finder._few is not None  # (the paths added here)
    hits = 0
    for s in SENTENCES:
        spans = [m.span() for m in pattern.finditer(s)]
        assert [m.span() for m in finder.finditer(s)] == spans, s
        assert [m.span() for m in finder.finditer(s, 3, len(s) - 2)] == [
            m.span() for m in pattern.finditer(s, 3, len(s) - 2)
        ], s
        first = finder.search(s)
        assert (first.span() if first else None) == (spans[0] if spans else None), s
        hits += bool(spans)
    assert hits, pattern.pattern


def test_retro_attribution_cores_skip_only_sentences_without_a_match() -> None:
    hits = 0
    for s in SENTENCES:
        full = voices._THIS_WAS_SAID_BY_RE.search(s)
        assert bool(full) <= bool(voices._THIS_WAS_SAID_BY_CORE_RE.search(s)), s
        dash = voices._DASH_SAID_RE.search(s)
        gate = s[:1] in voices._DASHES or voices._DASH_AFTER_STOP_RE.search(s) is not None
        assert bool(dash) <= gate, s
        hits += bool(full) + bool(dash)
    assert hits >= 3


def test_substring_gates_skip_only_texts_without_a_match() -> None:
    for s in SENTENCES:
        if reporting._COUNTER_RE.search(s):
            assert any(w in s for w in reporting._DENY_WORDS), s
        pairs = [m.span() for m in placing._PAIR_RE.finditer(s)]
        assert not pairs or any(w in s for w in placing._PAIR_NOUNS), s
        parts = [(m.start, m.end) for m in placing._its_parts(s, 0, len(s))]
        assert parts == [m.span() for m in placing._ITS_PART_RE.finditer(s)], s
        if resolution._SETTLEMENT_LIST_BEFORE_RE.search(s + " "):
            assert resolution._holds(s, 0, len(s), resolution._SETTLEMENT_LIST_NOUNS), s
    assert reporting.counter_denial(SENTENCES[4], "russia") is not None


def test_date_needs_groups_give_the_plain_tests() -> None:
    for s in SENTENCES:
        low = s.lower()
        needs = dates._needs(s)
        assert needs["weekday"] == any(w in low for w in dates._LOWER["date.weekday"]), s
        assert needs["rel_day"] == any(w in low for w in dates._LOWER["date.relative-day"]), s
