"""The cue lexicon's pre-screens skip only regexes that could not have matched.

`verbs.candidate_rows` runs a row's regex only when one of its trigger words occurs (found
with one trie regex instead of one substring test per trigger) and the literal words the
pattern cannot match without occur (`prescreen.Needs`, read from the pattern). Each test
compares a shortcut with the plain definition it replaces, on the lexicon's own example
sentences and on variants built to hit the edge cases (case, letters `re.I` folds).
"""

from __future__ import annotations

import re
import sys

import pytest

from geomap.extract import prescreen, verbs
from geomap.extract.rules import default_cues

SENTENCES = [s for r in default_cues() for s in (*r.examples, *r.not_examples)] + [
    "Troops are still under heavy attack near the river crossing, officials said.",
    "THE GARRISON WITHDREW FROM THE HILL AFTER DAYS OF SHELLING.",
    "Defenders said the situation was under control in the northern district.",
    "Drones hit a depot overnight; the hand-over of the bridge was delayed.",
]


def _variants(s: str) -> list[str]:
    """The sentence, upper-cased, and with letters `re.I` equates with i, s and k."""
    return [
        s,
        s.upper(),
        s.title(),
        s.replace("i", "\u0131").replace("s", "\u017f").replace("k", "\u212a"),
        s.replace("I", "\u0130").replace("i", "\u0130"),
        f"\u201c{s}\u201d",
    ]


def test_the_fold_table_lists_every_character_re_i_equates_with_an_ascii_letter():
    chars = "".join(chr(i) for i in range(0x80, sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    found = {c: letter for letter in "abcdefghijklmnopqrstuvwxyz"
             for c in re.findall(letter, chars, re.I)}  # fmt: skip
    assert found == prescreen.FOLD_TO_ASCII


def test_fold_lower_cases_and_folds():
    assert prescreen.fold("Kyiv UNDER fire") == "kyiv under fire"
    assert prescreen.fold("\u0130stanbul \u212ayiv") == "istanbul kyiv"


@pytest.mark.parametrize(
    "pattern,needs",
    [
        (r"\bis\s+under\s+attack", [{"is"}, {"under"}, {"attack"}]),
        (r"\b(?:seized|took)\s+(?:full\s+)?control", [{"seized", "took"}, {"control"}]),
        (r"(?:held|holding)+\s+on", [{"held", "holding"}, {"on"}]),
        # optional parts, classes and lookarounds say nothing
        (r"(?:full\s+)?[a-z]+(?=town)", []),
        # an alternative that needs nothing makes the whole alternation need nothing
        (r"(?:near|)\s*Kyiv", [{"kyiv"}]),
        # only ASCII literals are used: "’s" stops at the apostrophe
        (r"Moscow’s\s+forces", [{"moscow"}, {"s"}, {"forces"}]),
    ],
)
def test_required_reads_the_words_every_match_contains(pattern, needs):
    assert prescreen.required(re.compile(pattern, re.I)) == [frozenset(n) for n in needs]


def test_needs_keep_the_rarest_words_and_their_shortest_forms():
    n = prescreen.Needs(re.compile(r"\b(?:check|checked|halted)\s+by\s+(?:the\s+)?defenders", re.I))
    assert n.words == [frozenset({"defenders"}), frozenset({"check", "halted"})]
    assert n.may_match("they were checked by defenders")
    assert not n.may_match("they were checked by the enemy")


def test_needs_never_refuse_a_sentence_a_lexicon_row_matches():
    for s in SENTENCES:
        for v in _variants(s):
            text = v.translate(verbs._QUOTES)
            folded = prescreen.fold(text)
            for i, (_t, _a, pat, *_x) in enumerate(verbs.LEXICON):
                needs = verbs.row_tools(i)[0]
                if pat.search(text):
                    assert needs.may_match(folded), (pat.pattern[:60], v)


def _plain_trigger_rows(text: str) -> list[int]:
    """The definition the trie replaces: a row runs when one of its triggers is in the text."""
    low = text.lower()
    return [i for i, (*_x, trig, _rid) in enumerate(verbs.LEXICON) if any(t in low for t in trig)]


def test_candidate_rows_are_the_trigger_rows_minus_only_rows_that_cannot_match():
    for s in SENTENCES:
        for v in _variants(s):
            text = v.translate(verbs._QUOTES)
            plain = _plain_trigger_rows(text)
            got = verbs.candidate_rows(text)
            assert set(got) <= set(plain) and got == sorted(got)
            matching = [i for i in plain if verbs.LEXICON[i][2].search(text)]
            assert set(matching) <= set(got), v


def test_trigger_trie_finds_every_trigger_even_inside_or_overlapping_others():
    words = ["hold", "holding", "old", "ding", "captur"]
    rx = re.compile(f"(?=({prescreen.trie_pattern(words)}))")
    # the longest trigger at each position; the ones it contains are implied by _ROWS_OF
    assert set(rx.findall("the holding was captured")) == {"holding", "old", "ding", "captur"}
    for t, rows in verbs._ROWS_OF.items():
        assert rows == tuple(
            i for i, (*_x, trig, _r) in enumerate(verbs.LEXICON) if any(u in t for u in trig)
        )


@pytest.mark.parametrize(
    "pattern,words",
    [
        (r"\b(?:said|have\s+said)\b", {"said", "have"}),
        (r"(?=[Hh])(?:held|holding)", {"held", "holding"}),  # lookaheads are skipped
        (r"[\[(]Getty", {"[", "("}),
        (r"(?:\*\*|__)x|photo:", {"**", "__", "photo:"}),
        (r"(?:semi-)?(?:siege|blockade)", {"semi-", "siege", "blockade"}),  # optional head
        (r"(?:full\s+)?", None),  # nothing after an optional head: may match empty
        (r"\s+said", None),  # a class first: nothing known
        (r"(?:a|)said", None),  # an alternative may begin with anything after it
    ],
)
def test_leading_words(pattern, words):
    got = prescreen.leading_words(re.compile(pattern, re.I))
    assert got == (frozenset(words) if words is not None else None)


def _module_patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern of the extractor's modules whose matches have known leading
    words (the ones a Finder could stand in for)."""
    import importlib
    import pkgutil

    import geomap.extract as pkg

    out = {}
    for info in pkgutil.iter_modules(pkg.__path__):
        mod = importlib.import_module(f"geomap.extract.{info.name}")
        for v in vars(mod).values():
            if isinstance(v, re.Pattern) and prescreen.leading_words(v):
                out[(v.pattern, v.flags)] = v
    return list(out.values())


def _spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def test_finder_finds_what_the_pattern_finds():
    texts = [v for s in SENTENCES[::10] for v in _variants(s)] + [
        "said said", "Photo: AFP", "(Jane Roe/AFP)", "**Smoke over the city. Photo/AFP**", "",
    ]  # fmt: skip
    patterns = _module_patterns()
    assert len(patterns) > 50
    for pat in patterns:
        finder = prescreen.Finder(pat)
        for t in texts:
            assert _spans(finder.finditer(t)) == _spans(pat.finditer(t)), (pat.pattern[:60], t)
            n = len(t)
            for pos, endpos in ((3, n), (0, n // 2), (n // 3, n - 2), (n + 1, n + 5)):
                want = _spans(pat.finditer(t, pos, endpos))
                assert _spans(finder.finditer(t, pos, endpos)) == want, (pat.pattern[:60], t)
                got = finder.search(t, pos, endpos)
                assert _spans([got] if got else []) == want[:1]


def test_words_finds_what_a_case_insensitive_alternation_finds():
    from geomap.extract import dates

    words = sorted(dates._TRIGGERS)
    plain = re.compile(r"\d|" + "|".join(map(re.escape, words)), re.I)
    fast = prescreen.Words(words, also=r"\d")
    for s in SENTENCES[::5]:
        for v in _variants(s):
            assert fast.found_in(v) == (plain.search(v) is not None), v
    assert prescreen.Words(["Київ"]).found_in("КИЇВ") and not prescreen.Words(["x"]).found_in("")


def test_lexicon_row_finders_find_what_the_rows_find():
    texts = [v for s in SENTENCES[::4] for v in _variants(s)]
    for i, (_t, _a, pat, *_x) in enumerate(verbs.LEXICON):
        finder = verbs.row_tools(i)[1]
        assert finder.pattern is pat
        for t in texts:
            assert _spans(finder.finditer(t)) == _spans(pat.finditer(t)), (pat.pattern[:60], t)
