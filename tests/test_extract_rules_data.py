"""The extraction rules kept as data (geomap/extract/rules/*.toml): every entry's examples
run, and the loader rejects a bad file with a message naming the file and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from geomap.errors import GeomapError
from geomap.extract.rules import default_cues, expand, inflections, load_cues
from geomap.extract.verbs import find_cues

CUES = default_cues()
WITH_EXAMPLES = [r for r in CUES if r.examples or r.not_examples]


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=[r.id for r in WITH_EXAMPLES])
def test_every_cue_rule_finds_its_examples_and_not_its_counterexamples(rule):
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


def test_every_side_vocabulary_gives_its_examples_their_side():
    from geomap.extract.claimants import side_of
    from geomap.extract.rules import default_sides

    vocab = default_sides()
    assert set(vocab) >= {"side.russia", "side.ukraine", "side.third-party", "side.monitors"}
    for v in vocab.values():
        assert len(v.examples) >= 2, v.id
        for claimant in v.examples:
            assert side_of(claimant) == v.side, (v.id, claimant)


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


def test_every_stop_name_group_keeps_its_words_from_being_places(gaz):
    from geomap.extract.mentions import STOP, find_names
    from geomap.extract.rules import default_stop_names

    groups = default_stop_names()
    assert STOP == frozenset(w for g in groups for w in g.words)
    for g in groups:
        assert len(g.examples) >= 2, g.id
        for sentence in g.examples:
            found = {m.text.lower() for m in find_names(sentence, 0, len(sentence), gaz)}
            assert not found & g.words, (g.id, sentence, found)


def test_stop_loader_names_the_file_and_the_entry(tmp_path: Path):
    from geomap.extract.rules import load_stop_names

    p = tmp_path / "stop_names.toml"
    p.write_text('[[stop]]\nid = "stop.x"\nwords = ""\n', encoding="utf-8")
    with pytest.raises(GeomapError) as ei:
        load_stop_names(p)
    assert str(ei.value).startswith(f"{p}: stop #1 (stop.x): 'words' must be"), str(ei.value)
