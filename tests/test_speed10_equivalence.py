"""speed10's rewrites (C-level loops instead of bytecode ones) give what the forms they
replace give: the extractor's output stays identical."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from geomap.extract import mentions, prescreen, verbs

_SENTENCES = [
    "Moscow said its troops had seized the village of Novoselivka on Tuesday.",
    "There are no enemy soldiers in the town, the governor's office said.",
    "Kyiv’s forces pulled back from two positions near the Oskil river.",
    "“We hold the line,” a commander of the 47th brigade told reporters in Kharkiv.",
    "The district was shelled again; at least 4 people were hurt, officials said.",
    "No Russian units remain inside the city, according to the regional administration.",
    "Drones struck a fuel depot in Belgorod overnight, the ministry claimed.",
    "İstanbul talks stalled while the ſiege of the KELVIN-shaped salient went on.",
]


def _patterns() -> Iterator[re.Pattern[str]]:
    yield from (row[2] for row in verbs.LEXICON)
    yield verbs.ASSESSMENT_RE
    yield verbs._IRREALIS_RE


def _windows(text: str) -> Iterator[tuple[int, int]]:
    yield 0, len(text)
    yield 5, len(text)
    yield 0, len(text) // 2
    yield 3, 40


@pytest.mark.parametrize("text", _SENTENCES)
def test_finder_gives_the_patterns_own_matches(text):
    for pat in _patterns():
        finder = prescreen.Finder(pat)
        for pos, endpos in _windows(text):
            spans = [m.span() for m in finder.finditer(text, pos, endpos)]
            assert spans == [m.span() for m in pat.finditer(text, pos, endpos)], pat.pattern
            got, want = finder.search(text, pos, endpos), pat.search(text, pos, endpos)
            assert (got and got.span()) == (want and want.span()), pat.pattern


def test_compiled_needs_test_agrees_with_the_needs():
    pat = re.compile(r"\b(?:is|was)\s+under\s+(?:attack|assault|fire)\s+from\b", re.I)
    needs = prescreen.Needs(pat)
    assert needs._strings and needs._choices  # one string and one choice of several
    for text in ("under attack from", "under fire from", "under shelling from", "attack from"):
        by_hand = all(s in text for s in needs._strings) and all(
            any(s in text for s in c) for c in needs._choices
        )
        assert needs.may_match(text) is by_hand, text
    assert prescreen.Needs(re.compile(r"\d+")).may_match("") is True  # nothing known


def test_token_rows_union_is_the_trigger_search():
    rng = random.Random(10)
    words = [w for s in _SENTENCES for w in s.split()]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 15)))
        assert verbs._token_rows_union(text) == set(verbs.triggered_rows(text.lower())), text


class _Gazetteer:
    """Knows three names, nothing else (find_names asks only is_name and max_name_words)."""

    max_name_words = 4
    names = {"novoselivka", "kharkiv", "belgorod"}

    def is_name(self, key: str) -> bool:
        return key in self.names


def test_find_names_reads_its_token_table():
    found = [
        (m.text, m.hint, m.noun)
        for s in _SENTENCES
        for m in mentions.find_names(s, 0, len(s), _Gazetteer())
    ]
    assert found == [
        ("Novoselivka", "settlement", "village"),
        ("Kharkiv", None, None),
        ("Belgorod", None, None),
    ]
    s = _SENTENCES[0]
    inner = mentions.find_names(s, s.index("the village"), len(s), _Gazetteer())
    assert [(m.start, m.end) for m in inner] == [(s.index("Novoselivka"), s.index(" on Tue"))]


def test_fold_letter_test_matches_a_per_letter_loop():
    for text in ("plain", "İstanbul", "ſiege", "\u212aelvin", "naïve café", ""):
        assert prescreen.fold(text) == text.translate(prescreen._FOLD).lower()
        assert prescreen.folded(text) == text.translate(prescreen._FOLD).lower()
