"""The extraction rules kept as data (geomap/extract/rules/*.toml: cues, sides, stop names,
claimants, dates, modality): every entry's examples run, and the loader rejects a bad file with a
message naming the file and the entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geomap.errors import GeomapError
from geomap.extract.claimants import attribute, is_local_official, is_pronoun, side_of
from geomap.extract.dates import find_dates
from geomap.extract.rules import (
    default_claimant_rules,
    default_cues,
    default_date_words,
    default_modality,
    default_sides,
    default_stop_names,
    expand,
    first_letters,
    group,
    inflections,
    joined,
    load_claimant_rules,
    load_cues,
    load_date_words,
    load_modality,
    need,
    published_of,
    top_level_terms,
)
from geomap.extract.verbs import find_cues, is_assessment

CUES = default_cues()
WITH_EXAMPLES = [r for r in CUES if r.examples or r.not_examples]


def _check_cue(rule, request) -> None:
    """find_cues() finds the row in its examples (with its type, or hedged) and not in `not`."""
    for sentence in rule.examples:
        got = [c for c in find_cues(sentence) if c.rule == rule.id]
        assert got, (rule.id, sentence, find_cues(sentence))
        assert got[0].type in (rule.type, "assessment"), (rule.id, sentence, got)
    for sentence in rule.not_examples:
        assert not [c for c in find_cues(sentence) if c.rule == rule.id], (rule.id, sentence)


def test_every_cue_rule_carries_two_examples():
    """Every row of the lexicon carries at least two examples (own words), run above."""
    assert WITH_EXAMPLES == list(CUES)
    assert [r.id for r in CUES if len(r.examples) < 2] == []


def test_ids_are_unique_and_recorded_on_cues():
    ids = [r.id for r in CUES]
    assert len(ids) == len(set(ids))
    [cue] = [c for c in find_cues("its forces captured Avdiivka") if c.type == "captured"]
    assert cue.rule in ids and cue.rule.startswith("cue.captured.")


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("switch", {"switch", "switches", "switched", "switching"}),
        ("circle", {"circle", "circles", "circled", "circling"}),
        ("occupy", {"occupy", "occupies", "occupied", "occupying"}),
        ("stop", {"stop", "stops", "stopped", "stopping"}),
        ("control", {"control", "controls", "controlled", "controlling"}),
        ("take", {"take", "takes", "took", "taken", "taking"}),
        ("fight", {"fight", "fights", "fought", "fighting"}),
        ("flee", {"flee", "flees", "fled", "fleeing"}),
    ],
)
def test_one_function_expands_a_lemma_to_its_inflections(lemma, forms):
    assert set(inflections(lemma)) == forms
    pat = expand("{{" + lemma + "}} X")
    assert all(f in pat for f in forms)


GOOD = """
[[cue]]
id = "cue.test.ok"
type = "captured"
attach = "obj"
pattern = '\\b{{seize}}\\s+'
triggers = "seiz"
examples = ["They seized X.", "It seizes X."]
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD + GOOD, "cue #2 (cue.test.ok): duplicate id"),
        (GOOD.replace('"captured"', '"won"'), "cue #1 (cue.test.ok): type 'won' is not one of"),
        (GOOD.replace('"obj"', '"left"'), "attach 'left' is not one of"),
        (GOOD.replace("'\\b{{seize}}\\s+'", "'(unclosed'"), "pattern does not compile"),
        (GOOD.replace('"seiz"', '"grab"'), "trigger(s) grab do not occur in the pattern"),
        (GOOD.replace("examples", "exampels"), "unknown field(s) exampels"),
        (GOOD.replace('id = "cue.test.ok"', 'id = "Bad Id"'), "cue #1: id 'Bad Id'"),
        ("[[cue]]\nid = 3\n", "cue #1: id 3"),
        ("not toml = [", "cannot read the rules"),
        ("", "no [[cue]] entries"),
    ],
)
def test_loader_names_the_file_and_the_entry(tmp_path: Path, text, message):
    p = tmp_path / "cues.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(GeomapError) as ei:
        load_cues(p)
    assert str(ei.value).startswith(str(p)), str(ei.value)
    assert message in str(ei.value), str(ei.value)


def test_a_good_file_loads_with_expanded_lemmas(tmp_path: Path):
    p = tmp_path / "cues.toml"
    p.write_text(GOOD, encoding="utf-8")
    [rule] = load_cues(p)
    assert "seized" in rule.pattern and "{{" not in rule.pattern
    assert rule.examples == ("They seized X.", "It seizes X.")


def _check_side(v, request) -> None:
    """side_of() gives each example claimant the vocabulary's side."""
    for claimant in v.examples:
        assert side_of(claimant) == v.side, (v.id, claimant)


def test_every_side_vocabulary_carries_two_examples():
    vocab = default_sides()
    assert set(vocab) >= {"side.russia", "side.ukraine", "side.third-party", "side.monitors"}
    assert [v.id for v in vocab.values() if len(v.examples) < 2] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[side]]\nid = "side.x"\nside = "nato"\nterms = ["X"]\n',
            "side #1 (side.x): side 'nato'",
        ),
        ('[[side]]\nid = "side.x"\nside = "russia"\nterms = []\n', "'terms' must be a non-empty"),
        ('[[side]]\nid = "side.x"\nside = "russia"\nterms = ["(bad"]\n', "terms do not compile"),
        ('[[side]]\nid = "side.x"\nside = "russia"\nterms = ["X"]\nwords = 1\n', "unknown field"),
    ],
)
def test_side_loader_names_the_file_and_the_entry(tmp_path: Path, text, message):
    from geomap.extract.rules import load_sides

    p = tmp_path / "sides.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(GeomapError) as ei:
        load_sides(p)
    assert str(ei.value).startswith(str(p)) and message in str(ei.value), str(ei.value)


def _check_stop(g, request) -> None:
    """No word of the group becomes a place mention in its example sentences."""
    from geomap.extract.mentions import find_names

    gaz = request.getfixturevalue("gaz")
    for sentence in g.examples:
        found = {m.text.lower() for m in find_names(sentence, 0, len(sentence), gaz)}
        assert not found & g.words, (g.id, sentence, found)


def test_stop_name_groups_are_the_stop_list_and_carry_two_examples():
    from geomap.extract.mentions import STOP

    groups = default_stop_names()
    assert STOP == frozenset(w for g in groups for w in g.words)
    assert [g.id for g in groups if len(g.examples) < 2] == []


def test_stop_loader_names_the_file_and_the_entry(tmp_path: Path):
    from geomap.extract.rules import load_stop_names

    p = tmp_path / "stop_names.toml"
    p.write_text('[[stop]]\nid = "stop.x"\nwords = ""\n', encoding="utf-8")
    with pytest.raises(GeomapError) as ei:
        load_stop_names(p)
    assert str(ei.value).startswith(f"{p}: stop #1 (stop.x): 'words' must be"), str(ei.value)


# --- claimants.toml: speech verbs and claimant word lists --------------------------------
CLAIMANT_RULES = list(default_claimant_rules().values())


def _speech_check(rule, sentence: str) -> bool:
    """attribute() gives the sentence a speech verb of this entry, with its denial flag."""
    a = attribute(sentence)
    # matched in the sentence: an entry's tail may look ahead past the verb
    pos = sentence.find(a.verb) if a.verb else -1
    m = rule.regex.match(sentence, pos) if pos >= 0 else None
    return bool(
        m is not None
        and m.end() == pos + len(a.verb or "")
        and a.denial == (rule.produces in ("denial", "naming"))
    )


# how an entry's example shows end to end, by what the entry produces (others: its words match)
_END_TO_END = {
    "source": lambda r, s: attribute(s).verb == "according to",
    "weak-source": lambda r, s: attribute(s).verb == "according to",
    "side-from-place": lambda r, s: is_local_official(s),
    "previous-claimant": lambda r, s: is_pronoun(s),
    "russia": lambda r, s: side_of(s) == "russia",
    "ukraine": lambda r, s: side_of(s) == "ukraine",
    "third-party": lambda r, s: side_of(s) == "third-party",
    "false-claim": lambda r, s: attribute(s).denial,
    "quote-label": lambda r, s: attribute(s).verb == "quote",
    "account": lambda r, s: attribute(s).verb == "account",
    "continuation": lambda r, s: attribute(s).extra is not None,
    "own-account": lambda r, s: attribute(s).extra is not None,
    "leading-attribution": lambda r, s: attribute(s).content[0] > 0,
    "adjective": lambda r, s: attribute(s).verb is None,
}


def _check_claimant(rule, request) -> None:
    """attribute() / side_of() / ... treat examples as the entry says and `not` otherwise."""
    if rule.produces in ("speech", "denial", "naming"):
        check = _speech_check
    elif rule.produces in _END_TO_END:
        check = _END_TO_END[rule.produces]
        assert all(rule.regex.search(s) for s in rule.examples), rule.id
    else:
        check = lambda r, s: bool(r.regex.search(s))  # noqa: E731
    for sentence in rule.examples:
        assert check(rule, sentence), (rule.id, sentence, attribute(sentence))
    for sentence in rule.not_examples:
        assert not check(rule, sentence), (rule.id, sentence, attribute(sentence))


def test_every_claimant_rule_carries_two_examples():
    assert [r.id for r in CLAIMANT_RULES if len(r.examples) < 2] == []
    assert {r.produces for r in CLAIMANT_RULES} >= {"speech", "denial", "naming", "source"}


@pytest.mark.parametrize(
    ("lemma", "forms", "want"),
    [
        ("say", ("past", "third"), {"said", "says"}),
        ("label", ("past",), {"labelled", "labeled"}),
        ("speak", ("past", "gerund"), {"spoke", "speaking"}),
        ("cast", ("base", "past"), {"cast"}),
    ],
)
def test_inflections_gives_the_slots_asked_for(lemma, forms, want):
    assert set(inflections(lemma, forms)) == want


SPEECH = """
[[speech]]
id = "speech.x"
produces = "speech"
lemmas = ["say"]
forms = ["past"]
examples = ["She said so.", "He said so."]

[[words]]
id = "claimant.x"
produces = "title"
terms = ["envoy"]
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (SPEECH.replace('"claimant.x"', '"speech.x"'), "words #1 (speech.x): duplicate id"),
        (SPEECH.replace('"past"]', '"pasted"]'), "speech #1 (speech.x): form(s) pasted not among"),
        (SPEECH.replace('produces = "speech"', 'produces = "shout"'), "produces 'shout' is not"),
        (SPEECH.replace('["envoy"]', '["(envoy"]'), "words #1 (claimant.x): terms do not compile"),
        (SPEECH.replace('forms = ["past"]', "forms = 3"), "'forms' must be a list"),
        (
            SPEECH.replace('lemmas = ["say"]', 'lemmas = ["say"]\nvoice = "x"'),
            "unknown field(s) voice",
        ),
        (SPEECH.replace('terms = ["envoy"]', ""), "no 'terms', 'words' or 'lemmas'"),
        (SPEECH.replace('lemmas = ["say"]', 'tail = "x"'), "'perfect' and 'tail' need 'lemmas'"),
        (SPEECH.split("[[words]]")[0], "no [[words]] entries"),
        (
            SPEECH.replace(
                "[[words]]",
                '[[speech]]\nid = "speech.y"\nproduces = "denial"\nlemmas = ["say"]\n\n[[words]]',
            ),
            "speech (speech.y): form 'said' is also in speech.x",
        ),
    ],
)
def test_claimant_loader_names_the_file_and_the_entry(tmp_path: Path, text, message):
    p = tmp_path / "claimants.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(GeomapError) as ei:
        load_claimant_rules(p)
    assert str(ei.value).startswith(str(p)) and message in str(ei.value), str(ei.value)


def test_a_good_claimant_file_loads_with_expanded_lemmas(tmp_path: Path):
    p = tmp_path / "claimants.toml"
    p.write_text(SPEECH.replace('forms = ["past"]', 'perfect = ["has"]'), encoding="utf-8")
    rules = load_claimant_rules(p)
    assert rules["speech.x"].regex.fullmatch("has  said") and rules["speech.x"].regex.match(
        "saying"
    )
    with pytest.raises(GeomapError) as ei:
        need(rules, "claimant.y")
    assert str(ei.value) == f"{p}: no entry 'claimant.y' (the extractor needs it)"


# --- dates.toml: date words, each example with the date it must get -----------------------
DATE_WORDS = list(default_date_words().values())
PUBLISHED = published_of()


def _check_date(rule, request) -> None:
    """An example gets a date expression holding the entry's words, with the date and
    precision it names; a counterexample gets none from the entry's words."""
    for ex in rule.examples:
        hits = find_dates(ex.text, ex.published or PUBLISHED)
        got = [(h.value, h.precision) for h in hits if rule.regex.search(h.text)]
        assert (ex.date, ex.precision) in got, (rule.id, ex, hits)
    for sentence in rule.not_examples:
        hits = find_dates(sentence, PUBLISHED)
        assert not [h for h in hits if rule.regex.search(h.text)], (rule.id, sentence, hits)


def test_every_date_word_entry_carries_two_examples_and_its_values():
    assert [r.id for r in DATE_WORDS if len(r.examples) < 2] == []
    months = {r.id: r for r in DATE_WORDS}["date.month-name"]
    assert months.value_of("march") == 3 and months.value_of("December") == 12


DATES = """
published = 2025-02-07
[[words]]
id = "date.x"
produces = "weekday"
words = ["Monday", "Tuesday"]
values = [0, 1]
examples = [{text = "on Monday", date = 2025-02-03, precision = "day"}]
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (DATES.replace("[0, 1]", "[0]"), "words #1 (date.x): 1 values for 2 words"),
        (DATES.replace("[0, 1]", '["a", "b"]'), "'values' must be a list of whole numbers"),
        (DATES.replace('"day"}', '"week"}'), "must be {text, date, precision[, published]}"),
        (DATES.replace("date = 2025-02-03", 'date = "Monday"'), "must be {text, date,"),
        (DATES.replace('"weekday"', '"fortnight"'), "produces 'fortnight' is not one of"),
    ],
)
def test_date_loader_names_the_file_and_the_entry(tmp_path: Path, text, message):
    p = tmp_path / "dates.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(GeomapError) as ei:
        load_date_words(p)
    assert str(ei.value).startswith(str(p)) and message in str(ei.value), str(ei.value)


def test_a_date_file_needs_its_publication_date(tmp_path: Path):
    p = tmp_path / "dates.toml"
    p.write_text(DATES.replace("published = 2025-02-07", ""), encoding="utf-8")
    assert load_date_words(p)["date.x"].examples[0].date.isoformat() == "2025-02-03"
    with pytest.raises(GeomapError, match="'published'"):
        published_of(p)


# --- modality.toml: what keeps a cue from being a factual claim ----------------------------
MODALITY = list(default_modality().values())


def _factual(s: str) -> bool:
    return any(c.type != "assessment" for c in find_cues(s))


def _typed(ctype: str):
    return lambda s: any(c.type == ctype for c in find_cues(s))


# what an example must show through find_cues / is_assessment, by what its entry produces:
# (the check, whether the example must pass it); a `not` sentence must give the opposite
_MODALITY_CHECKS = {
    "irrealis": (_factual, False),
    "question": (_factual, False),
    "negator": (_factual, False),
    "absence": (_factual, False),
    "realis": (_factual, True),
    "assessment": (is_assessment, True),
    "background": (_typed("advancing"), False),
    "own-side": (_typed("advancing"), False),
    "troops": (_typed("strike"), False),
    "casualty": (_typed("strike"), False),
    "civilian": (_typed("withdrawn"), False),
    "past-event": (_typed("captured"), False),
    "commitment": (_typed("holding"), True),
}


def _check_modality(rule, request) -> None:
    """find_cues() / is_assessment() act on examples as the entry's part says."""
    check, want = _MODALITY_CHECKS[rule.produces]
    assert len(rule.examples) >= 2, rule.id
    for sentence in rule.examples:
        assert rule.regex.search(sentence), (rule.id, sentence)
        assert check(sentence) == want, (rule.id, sentence, find_cues(sentence))
    for sentence in rule.not_examples:
        assert check(sentence) != want, (rule.id, sentence, find_cues(sentence))


def test_a_missing_modality_part_is_named(tmp_path: Path):
    p = tmp_path / "modality.toml"
    p.write_text('[[words]]\nid = "modality.x"\nproduces = "troops"\nterms = ["x"]\n', "utf-8")
    rules = load_modality(p)
    assert re.fullmatch(joined(rules, "troops"), "X", re.I)
    # the entry's own case rule holds inside a case-sensitive pattern too
    assert re.fullmatch(joined(rules, "troops", ci=False), "X")
    with pytest.raises(GeomapError) as ei:
        joined(rules, "realis")
    assert str(ei.value) == f"{p}: no entry produces 'realis' (the extractor needs one)"


# --- one test runs every entry of every rule file ------------------------------------------
EVERY_ENTRY = [
    *((_check_cue, r) for r in CUES),
    *((_check_side, v) for v in default_sides().values()),
    *((_check_stop, g) for g in default_stop_names()),
    *((_check_claimant, r) for r in CLAIMANT_RULES),
    *((_check_date, r) for r in DATE_WORDS),
    *((_check_modality, r) for r in MODALITY),
]


@pytest.mark.parametrize(("check", "rule"), EVERY_ENTRY, ids=[r.id for _c, r in EVERY_ENTRY])
def test_every_rule_entry_keeps_its_examples(check, rule, request):
    """Each entry of cues, sides, stop_names, claimants, dates and modality.toml: its examples
    are found / attributed / dated as it says, its `not` sentences are not."""
    check(rule, request)


def test_every_entry_id_is_unique_across_the_rule_files():
    ids = [r.id for _c, r in EVERY_ENTRY]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "alternation,terms",
    [
        (r"said|have\s+said", ["said", r"have\s+said"]),
        (r"b(?:c|d)|[|x]|e\|f", ["b(?:c|d)", "[|x]", r"e\|f"]),
        (r"named(?=\s[^|)]{0,9}\bas\s)|told", [r"named(?=\s[^|)]{0,9}\bas\s)", "told"]),
        (r"[]|]x|y", ["[]|]x", "y"]),
    ],
)
def test_an_alternation_splits_only_at_its_top_level(alternation, terms):
    assert top_level_terms(alternation) == terms


def test_the_first_letter_filter_is_kept_only_where_it_is_safe():
    assert first_letters(r"said|claimed|have\s+said") == "CHSchs"
    assert first_letters(r"(?:x)|y") is None  # a group first: no filter
    assert first_letters(r"said|\w+ed") is None  # an escape first: no filter


@pytest.mark.parametrize("ci", [True, False])
def test_every_word_group_matches_exactly_what_it_matched_without_the_filter(ci):
    """The lookahead group() puts before an entry's words is only a shortcut: every example of
    every word entry is matched at the same spans with and without it."""
    flags = re.I if ci else 0
    for rule in (*default_claimant_rules().values(), *default_date_words().values()):
        plain = rule.alternation
        if rule.case_sensitive != ci:
            plain = f"(?:{plain})"
        else:
            plain = f"(?{'-i' if rule.case_sensitive else 'i'}:{plain})"
        with_filter = re.compile(rf"\b{group(rule, ci)}\b", flags)
        without = re.compile(rf"\b{plain}\b", flags)
        for ex in rule.examples:
            text = ex if isinstance(ex, str) else ex.text
            spans = [m.span() for m in without.finditer(text)]
            assert [m.span() for m in with_filter.finditer(text)] == spans, (rule.id, text)
