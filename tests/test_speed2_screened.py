"""prescreen.Screened gives what its pattern's search and match give (None without the
words every match holds), for the patterns the extractor screens."""

from __future__ import annotations

import re

from geomap.extract import claimants, dating, prescreen, voices

SENTENCES = [
    "This was reported by the regional governor on Friday.",
    "The head of the district administration informed about this on the air.",
    '"We hold the line." - Petro Ivanenko said.',
    "Claims that the town has fallen are false, the brigade said.",
    "A day earlier, the ministry said its troops had left the village.",
    "The strike came, according to local officials, before dawn.",
    "Troops dug in near the river and waited.",
    "The brigade, which held the town in 2023, is now fighting near the bridge.",
    "CITING NO ONE, THE POST SAID NOTHING; ACCORDING TO NOBODY.",
]


def test_screened_search_and_match_equal_the_patterns() -> None:
    screened = [
        voices._THIS_WAS_SAID_BY,
        voices._SAID_THIS,
        voices._DASH_SAID,
        voices._FALSE_REPORT,
        dating._DAY_BEFORE,
        claimants._ACCORDING,
        dating._RELATIVE_SPAN,
    ]
    hits = 0
    for sc in screened:
        for s in SENTENCES:
            for pos in (0, 5):
                want, got = sc.pattern.search(s, pos), sc.search(s, pos)
                assert (want and want.span()) == (got and got.span()), (sc.pattern.pattern, s)
                want, got = sc.pattern.match(s, pos), sc.match(s, pos)
                assert (want and want.span()) == (got and got.span()), (sc.pattern.pattern, s)
                hits += want is not None or sc.pattern.search(s, pos) is not None
                want_all = [m.span() for m in sc.pattern.finditer(s, pos)]
                assert [m.span() for m in sc.finditer(s, pos)] == want_all
    assert hits >= 6  # the sentences do exercise the patterns


def test_screened_skips_a_text_without_the_words() -> None:
    sc = prescreen.Screened(re.compile(r"\b(?:was|is)\s+reported\s+by\b", re.I))
    assert sc.search("The bridge was REPORTED by scouts") is not None
    assert sc.search("The bridge was seen by scouts") is None
    assert sc.needs.may_match(prescreen.fold("reported")) is True
