"""The cheap gates in front of regexes (issue 9, throughput) give what the regexes alone gave.

Each gate may only skip a search that could not have matched; these tests run the gated and
the ungated forms side by side on sentences written for them (our own words)."""

from __future__ import annotations

import re

import pytest

from geomap.extract import mentions, prescreen, verbs

SENTENCES = [
    "The town came under fire again on Tuesday, the governor said in Kharkiv.",
    "Russian troops pushed towards the village from the north, the ministry's statement said.",
    "This front has been quiet since the capture of the settlement's outskirts in May.",
    "Drones launched from Russia's Belgorod region hit the regional capital overnight.",
    "The region's administrative centre lost power; the Ukrainian capital was spared.",
    "Fighting raged on the border area and in the vicinity of the city, officials said there.",
    "Moscow said its territory was attacked, while Kyiv's forces held the northern sector.",
    "Shelling went on in besieged town; nobody remains in these villages there.",
    "A 12-storey block was hit at 3 a.m. on 4 March, a day before talks in the neighbourhood.",
    "no capital letters and no place words in this clause at all",
    "",
]


@pytest.mark.parametrize("word", ["Kyiv's", "Kyiv’s", "Donbas'", "Sumy", "s", "'s", "People's"])
def test_strip_possessive_is_the_regex(word: str) -> None:
    assert mentions._strip_possessive(word) == mentions._POSSESSIVE_RE.sub("", word)
    assert word.endswith(mentions._POSSESSIVE_ENDS) == bool(mentions._POSSESSIVE_RE.search(word))


_REF_PATTERNS = {
    "settlement": mentions._SETTLEMENT_REF_RE,
    "region": mentions._REGION_REF_RE,
    "front": mentions._THIS_FRONT_RE,
    "there": mentions._THERE_RE,
    "soil": mentions._RUSSIAN_SOIL_RE,
    "capital": mentions._CAPITAL_REF_RE,
    "centre": mentions._REGION_CAPITAL_RE,
    "bare": mentions._BARE_REF_RE,
}


@pytest.mark.parametrize("key", sorted(_REF_PATTERNS))
def test_reference_gates_skip_only_clauses_without_a_match(key: str) -> None:
    rx = _REF_PATTERNS[key]
    hits = 0
    for s in SENTENCES:
        gated = [m.span() for m in mentions._finditer(rx, s, key)]
        assert gated == [m.span() for m in rx.finditer(s)], (key, s)
        hits += bool(gated)
    assert hits, f"no sentence exercises the {key} pattern"


def test_find_refs_still_finds_references() -> None:
    refs = mentions.find_refs(SENTENCES[0], 0, len(SENTENCES[0]))
    assert [r.noun for r in refs] == ["town"]
    text = SENTENCES[4]
    assert any(r.query == "Kyiv" for r in mentions.find_refs(text, 0, len(text)))


def test_end_and_start_gates() -> None:
    assert mentions._ends_with_word("drones fired from ", ("from",))
    assert not mentions._ends_with_word("drones fired from", ("from",))
    assert mentions._opens_after(" region", ",") and mentions._opens_after(", and", ",")
    assert not mentions._opens_after("'s troops", ",") and not mentions._opens_after("", ",")


def _lookahead_triggers(text: str) -> set[str]:
    """The trigger words as the former one-pass lookahead scan found them."""
    rx = re.compile(f"(?=({prescreen.trie_pattern(verbs._ALL_TRIGGERS)}))")
    return set(rx.findall(text.lower()))


@pytest.mark.parametrize("text", SENTENCES)
def test_cue_candidate_rows_as_the_lookahead_scan_found_them(text: str) -> None:
    rows: set[int] = set()
    for t in _lookahead_triggers(text):
        rows.update(verbs._ROWS_OF[t])
    folded = prescreen.fold(text)
    expected = [i for i in sorted(rows) if verbs.row_tools(i)[0].may_match(folded)]
    assert verbs.candidate_rows(text) == expected


def test_candidate_rows_finds_overlapping_triggers() -> None:
    # "recaptured" holds "captur" inside another trigger's span: both rows are candidates
    rows = verbs.candidate_rows("Ukrainian forces recaptured the village.")
    assert any(c.type == "captured" for c in verbs.find_cues("Ukrainian forces recaptured X."))
    assert rows


@pytest.mark.parametrize("text", [*SENTENCES, "It happened 3 days ago.", "In 2024.", "Monday"])
def test_words_with_also_is_the_single_alternation(text: str) -> None:
    words = prescreen.Words(["monday", "ago", "a day before"], also=r"\d")
    one = re.compile(r"\d|" + prescreen.trie_pattern(["a day before", "ago", "monday"]))
    assert words.found_in(text) == (one.search(prescreen.fold(text)) is not None)
    assert prescreen.Words([], also=r"\d").found_in("no digit") is False
    assert prescreen.Words([]).found_in("anything") is True


@pytest.mark.parametrize(
    "text",
    [
        "Shells hit the depot. Two crews left.The mayor said so! “Who knows?” he asked.",
        'He said: "We hold." (Then) nothing. 3 units moved. Mr. Smith stayed; St. Petersburg',
        "no stop here at all",
        "the attack.The governor spoke: Kharkiv was calm... Later, more.",
        "",
    ],
)
def test_sentence_cuts_are_the_split_pattern_matches(text: str) -> None:
    from geomap.extract import sentences

    assert sentences._cuts(text) == [m.span() for m in sentences._SPLIT_RE.finditer(text)]
    nl = text.find("\n") + 1
    assert sentences._cuts(text, nl, len(text)) == [
        m.span() for m in sentences._SPLIT_RE.finditer(text, nl, len(text))
    ]


def test_opens_after_and_headline_breaks_without_a_line_break() -> None:
    from geomap.extract import sentences

    assert sentences._headline_breaks("One line with no break at all") == []
    assert sentences._headline_breaks("Troops take the town\nOfficials say more") != []


@pytest.mark.parametrize(
    "text",
    ["He met Mr.", "the U.S.", "at 9 a.m.\n", "roughly approx.", "xMr.", "Plain end.", "A.", ""],
)
def test_abbreviation_at_end_is_the_search(text: str) -> None:
    from geomap.extract import sentences

    a, b = sentences._ABBREV_RE.search(text), sentences._abbreviation_at_end(text)
    assert (a and a.span()) == (b and b.span())


def test_lowercase_vocabulary_pattern_is_the_look_back_first_one() -> None:
    text = "the town's well-known o'clock x-ray Kyiv's re-entry don't -dash 'quoted' a b ab"
    former = re.compile(r"(?<![\w'’-])[a-z][a-z'-]+")
    assert mentions._LOWER_WORD_RE.findall(text) == former.findall(text)


_FORMER_REF_PATTERNS = {
    "_THERE_RE": r"\bthere(?=\s*[.,;])",
    "_CAPITAL_REF_RE": r"\bthe\s+(Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+capital\b",
    "_THIS_FRONT_RE": r"\b[Tt](?:his|hat)\s+(front|direction|sector|axis)\b(?!\s+(?:of|line)\b)",
}


@pytest.mark.parametrize("name", sorted(_FORMER_REF_PATTERNS))
def test_letter_first_reference_patterns_match_as_before(name: str) -> None:
    former = re.compile(_FORMER_REF_PATTERNS[name])
    now = getattr(mentions, name)
    for s in [
        *SENTENCES,
        "xthe Russian capital, athere. bThis front; the Ukrainian capital there.",
    ]:
        assert [(m.span(), m.groups()) for m in now.finditer(s)] == [
            (m.span(), m.groups()) for m in former.finditer(s)
        ]
