"""The story's topic place: its evidence (headline, lede, repeated mentions), when a sentence
naming no place takes it, and the data (rules/anaphora.toml) that keeps it off a sentence.
Texts are written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geomap.errors import GeomapError
from geomap.extract import extract
from geomap.extract.placing import Topic, anaphora_blocked, topic_carry
from geomap.extract.rules import (
    ANAPHORA_KINDS,
    default_anaphora,
    load_anaphora,
    load_topic_weights,
)
from geomap.records import PlaceRef

PUB = date(2025, 2, 7)
TORETSK = "709354"
ANAPHORA = list(default_anaphora().values())


def _ref(pid: str, name: str) -> PlaceRef:
    return PlaceRef(pid, name, "settlement", 48.0, 37.0)


A, B = _ref("1", "Alpha"), _ref("2", "Beta")
LONG = "Troops of both sides fought for the town through the whole of the week."


# --- rules/anaphora.toml -----------------------------------------------------------------
@pytest.mark.parametrize("rule", ANAPHORA, ids=lambda r: r.id)
def test_every_anaphora_entry_blocks_its_examples_and_passes_its_nots(rule):
    assert len(rule.examples) >= 2 and rule.not_examples, rule.id
    assert rule.produces in ANAPHORA_KINDS["words"]
    for ex in rule.examples:
        assert rule.regex.search(ex), (rule.id, ex)  # the entry itself, not a neighbour
        assert anaphora_blocked(ex), (rule.id, ex)
    for ex in rule.not_examples:
        assert not anaphora_blocked(ex), (rule.id, ex)


def test_anaphora_loader_names_the_file_and_the_entry(tmp_path: Path):
    p = tmp_path / "anaphora.toml"
    p.write_text('[[words]]\nid = "anaphora.x"\nproduces = "rumour"\nterms = ["x"]\n', "utf-8")
    with pytest.raises(GeomapError, match=r"anaphora\.toml: words #1 \(anaphora\.x\): produces"):
        load_anaphora(p)


@pytest.mark.parametrize(
    "table, message",
    [
        ("headline = 3\n", "needs exactly headline, lede, mention, least, lead, lede_words"),
        (
            "headline = 3\nlede = 0\nmention = 1\nleast = 4\nlead = 2\nlede_words = 8\n",
            "lede must be whole numbers of at least 1",
        ),
    ],
)
def test_topic_weights_are_validated(tmp_path: Path, table, message):
    p = tmp_path / "anaphora.toml"
    p.write_text(f"[topic]\n{table}", "utf-8")
    with pytest.raises(GeomapError, match=rf"anaphora\.toml: \[topic\]: {message}"):
        load_topic_weights(p)


def test_the_shipped_topic_weights_load():
    w = load_topic_weights()
    assert w.headline > w.mention and w.least > w.headline  # a headline alone is no topic


def test_the_month_may_is_no_modal():
    assert anaphora_blocked("The brigade may have to withdraw.")
    assert not anaphora_blocked("Fighting has gone on in the streets since May.")


# --- the topic's evidence -------------------------------------------------------------------
def test_headline_lede_and_mentions_single_out_the_topic():
    t = Topic()
    t.headline(A)
    assert t.place() is None  # a headline alone is not enough
    t.note([(100, A)], LONG)  # the lede names it
    assert t.place() == A
    for pos in (200, 300, 400):
        t.note([(pos, B)], LONG)
    assert t.place() == A  # 6 against 3: still twice the evidence
    t.note([(500, B)], LONG)
    assert t.place() is None  # 6 against 4: two stories in one article, no topic


def test_a_title_case_headline_credits_the_first_body_name_it_spells_out():
    t = Topic(title="Alpha Market Hit By Two Guided Bombs")
    t.note([(100, A)], LONG)
    assert t.score[A.id] == 3 + 2 + 1 and t.place() == A  # headline, lede, mention
    t.note([(200, A)], LONG)
    assert t.score[A.id] == 7  # the headline counts once
    other = Topic(title="Beta Market Hit By Two Guided Bombs")
    other.note([(100, A)], LONG)
    assert other.score[A.id] == 3 and other.place() is None


def test_a_short_line_before_the_lede_is_no_lede():
    t = Topic()
    t.note([(10, B)], "Outlet name")  # the outlet's line resolving to a village
    t.note([(100, A)], LONG)
    assert t.score[A.id] == 3 and t.score[B.id] == 1


# --- when a placeless sentence takes it ----------------------------------------------------
def _story(*named: tuple[int, PlaceRef]) -> Topic:
    t = Topic()
    t.headline(A)
    t.note([named[0]], LONG)
    for n in named[1:]:
        t.note([n], LONG)
    return t


def test_topic_carry_guards():
    text = "Alpha was attacked.\nBeta was hit too. Battles go on.\nBattles go on."
    s_same_para = text.index("Battles go on.")
    s_next_para = text.rindex("Battles go on.")
    alone = _story((0, A))
    assert topic_carry(text, alone, s_next_para, len(text)) == A
    beta_named = _story((0, A), (text.index("Beta"), B))
    assert topic_carry(text, beta_named, s_same_para, s_same_para + 14) is None  # Beta last
    meanwhile = "Alpha was attacked.\nMeanwhile, battles go on."
    s = meanwhile.index("Meanwhile")
    assert topic_carry(meanwhile, alone, s, len(meanwhile)) is None


# --- end to end (real gazetteer) -------------------------------------------------------------
STORY = """# Russian troops storm Toretsk from three sides

Russian units launched a large assault on Toretsk on Wednesday, the Ukrainian army said. \
Armoured columns moved toward Toretsk from the south.

The head of the local military administration spoke on national television on Thursday.

According to him, the attackers came in groups of ten to fifteen soldiers. {last}
"""


def _claims(gaz, last: str):
    return extract(STORY.format(last=last), published=PUB, gazetteer=gaz).claims


def test_a_placeless_ground_claim_takes_the_storys_town(gaz):
    claims = _claims(gaz, "Street battles went on through the night.")
    got = [c for c in claims if c.quote.startswith("Street battles")]
    assert [(c.place.id, c.type) for c in got] == [(TORETSK, "fighting")]
    assert "place.ref-topic" in got[0].rules


def test_a_strike_told_by_its_verb_takes_the_storys_town(gaz):
    claims = _claims(gaz, "A warehouse was hit by a guided bomb in the afternoon.")
    got = [c for c in claims if c.quote.startswith("A warehouse")]
    assert [(c.place.id, c.type) for c in got] == [(TORETSK, "strike")]


@pytest.mark.parametrize(
    "last",
    [
        "The type of missile used is still being established.",  # a weapon named, no event
        "Two civilians were killed, the police said.",  # a casualty count retells the strike
        "Shelling also hit Kostiantynivka. Street battles went on through the night.",
        "Street battles could break out in the coming days.",
        "Meanwhile, street battles went on through the night.",
        "Street battles went on across the whole front line.",
        "Street battles went on through the night\n\nPhoto: a burnt-out tank.",  # a caption
        "Rescue teams searched the rubble after the strike hit a school.",  # the aftermath
        "Kyiv's counteroffensive has struck at Russian lines since June.",  # the campaign
    ],
)
def test_the_storys_town_is_not_taken_past_a_guard(gaz, last):
    claims = _claims(gaz, last)
    last_sentence = last.rsplit(". ", 1)[-1][:12]
    assert not [c for c in claims if last_sentence in c.quote and c.place.id == TORETSK]


def test_a_capitalised_word_the_resolver_rejects_does_not_stop_the_carry(gaz):
    claims = _claims(gaz, "One officer said street battles went on through the night.")
    got = [c for c in claims if c.quote.startswith("One officer")]
    assert [(c.place.id, c.type) for c in got] == [(TORETSK, "fighting")]


def test_a_speaker_or_a_speakers_post_is_no_evidence_of_the_topic():
    from geomap.extract.mentions import Mention
    from geomap.extract.placing import _settlements_named

    text = "Shelling went on, said Beta. The Beta group spokesman said Alpha had been hit."
    beta1, beta2, alpha = text.index("Beta"), text.rindex("Beta"), text.index("Alpha")

    def m(at: int, name: str) -> Mention:
        return Mention(at, at + len(name), name, name, "settlement")

    resolved = [(m(beta1, "Beta"), B), (m(beta2, "Beta"), B), (m(alpha, "Alpha"), A)]
    attribution = (text.index("The Beta"), text.index(" Alpha"))
    assert _settlements_named(text, resolved, attribution) == [(alpha, A)]


# --- an account that goes on ---------------------------------------------------------------
ACCOUNT = (
    "According to the Ukrainian army, Russian units attacked Toretsk from three sides."
    "{gap}Street battles went on through the night."
)


def test_the_sentence_after_an_according_to_lead_goes_on_in_its_voice(gaz):
    text = f"# Test\n\n{ACCOUNT.format(gap=' ')}\n"
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    got = [c for c in claims if c.quote.startswith("Street battles")]
    assert [(c.place.id, c.side, c.claimant) for c in got] == [
        (TORETSK, "ukraine", "the Ukrainian army")
    ]
    assert got[0].rules[0] == "attr.according-continues"


def test_a_new_paragraph_ends_the_account(gaz):
    text = f"# Test\n\n{ACCOUNT.format(gap=chr(10) * 2)}\n"
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    got = [c for c in claims if c.quote.startswith("Street battles")]
    assert got and all(c.side == "third-party" for c in got)  # the outlet's own narration
