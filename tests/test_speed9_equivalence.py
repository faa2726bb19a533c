"""speed9's rewrites give what the plain forms they replace give (output identical)."""

from __future__ import annotations

import random
import re

import pytest

from gazetteer import regions as R
from geomap.extract import prescreen

# the "<name> [modifiers] region" pattern as it was written before it opened with a class
_PLAIN_ONE = re.compile(
    rf"(?:\bthe\s+)?(?P<names>{R._NAME})\s+{R._MODS}(?:region|oblast|province)\b"
)
_PHRASES = [
    "Shelling hit the Kursk border region overnight.",
    "thethe Kursk region",
    "The Sumy frontline oblast and the Belgorod province",
    "inthe Kharkiv region, then the the Sumy region",
    "Troops left the\nKharkiv\nborder region.",
    "Kursk and Sumy regions, the regions of Sumy and Donetsk",
    "the sumy region, T Kharkiv region, Ґx region, the Kyiv-region",
]


def _plain(text: str) -> list[list[tuple[tuple[int, int], str]]]:
    return [
        [(m.span(), m.group("names")) for m in p.finditer(text)]
        for p in (*R._REGION_LIST_PATTERNS, _PLAIN_ONE)
    ]


def _fast(text: str) -> list[list[tuple[tuple[int, int], str]]]:
    listed = any(w in text for w in R._PLURALS_WRITTEN)
    lists = [
        [(m.span(), R._names(m)) for m in p.finditer(text)] if listed else []
        for p in R._REGION_LIST_PATTERNS
    ]
    return [*lists, [(m.span(), R._names(m)) for m in R._REGION_ONE_RE.finditer(text)]]


@pytest.mark.parametrize("text", _PHRASES)
def test_region_phrase_patterns_match_the_plain_ones(text):
    assert _fast(text) == _plain(text)


def test_region_phrase_patterns_on_random_word_strings():
    rng = random.Random(9)
    words = ["the", "The", "Kursk", "Sumy", "border", "region", "oblast", "regions", "and"]
    words += [",", "front", "tthe", "Ґx", "of", "Kharkiv's", "\n"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        assert _fast(text) == _plain(text), text


def test_needs_multi_string_test_agrees_with_a_search():
    pat = re.compile(r"\b(?:held|holding|took|seized)\s+(?:the\s+)?(?:village|town)\b", re.I)
    needs = prescreen.Needs(pat)
    for text in ["They held the town.", "Troops took a village", "They seized nothing.", ""]:
        assert needs.may_match(prescreen.fold(text)) or pat.search(text) is None
    assert not needs.may_match(prescreen.fold("Nothing happened here."))


def test_words_digit_fast_path_agrees_with_the_regex():
    words = prescreen.Words(["monday", "week"], also=r"\d")
    for text in ["On Monday", "in 2024", "nothing here", "", "٣ days", "x٣", "WEEK", "a 5"]:
        expected = bool(re.search(r"monday|week", prescreen.fold(text))) or bool(
            re.search(r"\d", prescreen.fold(text))
        )
        assert words.found_in(text) == expected, text


@pytest.mark.parametrize(
    "phrase",
    [
        "Officials who",
        "officials who\n",
        "the staff that",
        "the army did not confirm the loss and",
        "the army and\n",
        "Kyiv has not",
        "the brigade, which",
        "the governor",
        "Swhat",
    ],
)
def test_claimant_stripping_gates_skip_only_what_cannot_match(phrase):
    from geomap.extract import claimants as cl

    plain = cl._RELATIVE_END_RE.sub("", cl._VERB_CUT_RE.split(phrase)[0])
    gated = phrase
    if "not" in gated or "and" in gated[-4:]:
        gated = cl._VERB_CUT_RE.split(gated)[0]
    if cl._ends_with(gated, ("who", "that", "which")):
        gated = cl._RELATIVE_END_RE.sub("", gated)
    assert gated == plain


def test_first_sentence_cut_as_the_look_behind_split():
    from geomap.extract.claiming import _first_sentence

    rng = random.Random(7)
    for _ in range(3000):
        raw = "".join(rng.choice("ab .!?\n\t\u00a0x") for _ in range(rng.randint(0, 20)))
        said = " ".join(raw.split())
        assert _first_sentence(said) == re.split(r"(?<=[.!?])\s", said, maxsplit=1)[0]


@pytest.mark.parametrize(
    "sent",
    [
        "From about 15:00 they shelled the town.",
        "In the Evening the drones came back.",
        "By 9 p.m. it was over.",
        "Later in the afternoon the line held.",
        "Nothing was said about the hour.",
        "At ٣:٠٠ the shelling resumed.",
        "",
    ],
)
def test_clock_gate_lets_every_clock_match_through(sent):
    from geomap.extract import dating

    assert dating._may_tell_the_clock(sent) or dating._CLOCK_RE.search(sent) is None
    if dating._CLOCK_RE.search(sent):
        assert dating._may_tell_the_clock(sent)


def test_source_line_gate():
    from geomap.extract import reporting

    assert reporting.introduce_sources("No such line here.\nQuote: x", {}) is None
    assert reporting.introduce_sources("Source: Oleh Ivanenko, a spokesman\nText.", {})


def _gate_covers(pattern: re.Pattern, literals: tuple[str, ...]) -> bool:
    """Some need of the pattern (a set of strings one of which every match holds) has each of
    its strings holding one of the gate's literals: a text without them cannot match."""
    lows = [w.lower() for w in literals]
    return any(all(any(w in s for w in lows) for s in need) for need in prescreen.required(pattern))


def test_literal_gates_are_implied_by_their_patterns():
    """The fast tests speed9 put before these patterns hold for every match (a tripwire for a
    later edit of the pattern that the gate would not know of)."""
    from geomap.extract import claimants as cl
    from geomap.extract import reporting, resolution

    assert not (cl._VERB_CUT_RE.flags & re.I) and not (cl._RELATIVE_END_RE.flags & re.I)
    assert _gate_covers(reporting._NESTED_SAID_RE, reporting._NESTED_VERBS)
    assert _gate_covers(reporting._UNNAMED_NEAR_BEFORE_RE, reporting._UNNAMED_NOUNS)
    assert _gate_covers(reporting._SOURCE_LINE_RE, ("Source",))
    assert _gate_covers(resolution._COUNTRY_NOUN_BEFORE_RE, ("Russian", "Ukrainian"))
    for p in (
        reporting._NESTED_SAID_RE,
        reporting._UNNAMED_NEAR_BEFORE_RE,
        reporting._SOURCE_LINE_RE,
        resolution._COUNTRY_NOUN_BEFORE_RE,
    ):
        assert not (p.flags & re.I)  # the gates test the literals in their case


_CUE_CLAUSES = [
    "Troops recaptured the hamlet after a battle-scarred week of shelling.",
    "The hand-over of the bridge was delayed; fighting (heavy) continued near the dam.",
    "Officials say drones struck a depot 10km east of the river,\nlate on Friday.",
    "No sign of an ENCIRCLEMENT was seen, the brigade said of the ridge.",
    "Forces withdrew—after days of assaults—from the ruined mine.",
    "İt was a strike on the station; the unit edged forward near the road.",
    "",
    "   ",
]


@pytest.mark.parametrize("text", _CUE_CLAUSES)
def test_cue_rows_by_token_are_the_whole_clause_scan(text: str) -> None:
    from geomap.extract import verbs

    assert verbs._token_rows_union(text) == verbs.triggered_rows(prescreen.lowered(text))


def test_cue_rows_by_token_on_random_strings() -> None:
    from geomap.extract import verbs

    assert not any(c.isspace() for t in verbs._ALL_TRIGGERS for c in t)  # what it relies on
    rng = random.Random(9)
    pieces = [*verbs._ALL_TRIGGERS[::7], "re", "un", " ", "-", ",", "\n", "é", "K", "the"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert verbs._token_rows_union(text) == verbs.triggered_rows(prescreen.lowered(text))


_WORD_START_PATTERNS = [
    re.compile(r"\b(?:said|say(?:s|ing)?|told|claim(?:ed|s)?)\b", re.I),
    re.compile(r"\b(?:has|have)\s+(?:said|claimed)", re.I),
    re.compile(r"\b(?:_id|9th|km)\b"),
    re.compile(r"\b(?:said|claims)\b", re.I | re.ASCII),
]
_WORD_START_TEXTS = [
    "He said it; unsaid, resaid, SAID and Said all count once each.",
    "They have claimed, she has said, it claims (claimed) 'said' said.",
    "A 9th brigade took _id 10km away; x9th, a_id, 5km.",
    "ſaid ſaid, Kelvin \u212aM, \u0130said, \u0131said, saidé éclaimed",
    "said",
    "",
]


@pytest.mark.parametrize("pattern", _WORD_START_PATTERNS)
def test_word_start_finder_finds_the_plain_matches(pattern: re.Pattern) -> None:
    finder = prescreen.Finder(pattern)
    rng = random.Random(7)
    assert [m.span() for m in finder.finditer("said x said")] == [
        m.span() for m in pattern.finditer("said x said")
    ]
    pieces = ["said", "claim", "ed", " ", "un", "has ", "have ", "9th", "_id", "km", "ſ", "\u212a"]
    texts = [*_WORD_START_TEXTS]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(200)]
    for text in texts:
        spans = ((0, len(text)), (1, len(text)), (3, max(3, len(text) - 2)), (-2, len(text) + 5))
        for pos, end in spans:
            want = [m.span() for m in pattern.finditer(text, pos, end)]
            assert [m.span() for m in finder.finditer(text, pos, end)] == want, (text, pos)


def test_word_start_finder_is_used_where_it_holds() -> None:
    assert prescreen.Finder(_WORD_START_PATTERNS[0])._word_start
    assert not prescreen.Finder(_WORD_START_PATTERNS[3])._word_start  # (ASCII \\b: "ſ" not \\w)
    assert not prescreen.Finder(re.compile(r"(?:said|told)\b"))._word_start
    assert not prescreen.Finder(re.compile(r"\b(?:-said|told)"))._word_start


_CREDIT_CHUNKS = [
    "Smoke rises over the depot near the river. Jane ROE / AFP",
    "A destroyed bridge, 2023.KOVAL/The Associated Press",
    "John Doe / TASS  ",
    "Troops rest near a trench. Photo: Jane Roe",
    "The 1/3 share of the town was lost / regained.",
    "x" * 120 + " Ann Lee / Reuters",
    "Ann Lee / Reuters " + "y" * 120,
    "",
]


@pytest.mark.parametrize("chunk", _CREDIT_CHUNKS)
def test_slash_credit_gate_is_the_plain_search(chunk: str) -> None:
    from geomap.extract import sentences as S

    c = chunk.rstrip()
    plain = S._SLASH_CREDIT_RE.search(c, max(0, len(c) - S._SLASH_CREDIT_TAIL))
    got = S._slash_credit(chunk)
    assert (got and got.span()) == (plain and plain.span())


_LABEL_TEXTS = [
    "**Rybar** (pro-Russian): troops entered the village.",
    "**Defence Ministry:** the hamlet was taken.",
    "__Local council__: shelling hit the school.",
    "Governor: two drones were shot down.",
    "A plain line with no label at all, * and _ alone.",
    "**Half open: a label that never closes",
    "",
]


@pytest.mark.parametrize("text", _LABEL_TEXTS)
def test_bold_label_gate_is_the_plain_match(text: str) -> None:
    from geomap.extract import transcripts as T

    for s0, s1 in ((0, len(text)), (2, len(text)), (0, 12), (-3, len(text)), (1, -1)):
        plain = T._BOLD_LABEL_RE.match(text, s0, s1)
        got = T._bold_label(text, s0, s1)
        assert (got and got.span()) == (plain and plain.span()), (text, s0, s1)


@pytest.mark.parametrize(
    "text",
    [
        'the Group "Kharkiv," Ivan Petrenko, said',
        "the “Vostok” group's spokesman said",
        "a spokesman for the Eastern group said",
        'he said "we hold the line"',
        "",
    ],
)
def test_unquoted_names_gate_is_the_plain_rewrite(text: str) -> None:
    from geomap.extract import claimants as C

    out = list(text)
    for m in C._QUOTED_NAME_RE.finditer(text):
        out[m.start()] = out[m.end() - 1] = " "
    assert C.unquoted_names(text) == "".join(out)


_CLAIMANTS = [
    "the Russian Defence Ministry",
    "Ukraine's General Staff",
    "the regional governor",
    "a spokesman for the eastern group",
    "Western analysts of the Russian army",
    "the town's mayor",
    "he",
    "Russian military bloggers",
    "the Institute for the Study of War",
]


@pytest.mark.parametrize("claimant", _CLAIMANTS)
def test_cached_claimant_tests_are_the_plain_ones(claimant: str) -> None:
    from geomap.extract import claimants as C

    for _ in range(2):  # a first and a cached answer
        assert C._has_head(claimant) == (C._CLAIMANT_HEAD_RE.search(claimant) is not None)
        assert C.is_local_official(claimant) == bool(C._LOCAL_RE.search(claimant))
        assert C.side_of(claimant) == C._side_of.__wrapped__(claimant)
    assert C.side_of("") is None and C.side_of(None) is None
