"""Claim filters (geomap/extract/rules/filters.toml): every example loses its claim to the
filter and only to it; every `not` sentence keeps its claim; a bad entry is named."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from geomap.errors import GeomapError
from geomap.extract import claiming
from geomap.extract.filters import (
    default_clauses,
    default_filters,
    default_tallies,
    dropped,
    dropped_clause,
    dropped_tally,
    load_clauses,
    load_filters,
    load_tallies,
)
from geomap.extract.pipeline import extract

PUB = date(2024, 3, 8)
CASES = [
    (f, s, keep)
    for f in default_filters()
    for keep, group in ((False, f.examples), (True, f.not_examples))
    for s in group
]


def _filtered(gaz, f, sentence: str) -> list:
    """The claims of the filter's types that the example sentence makes."""
    text = f"{f.lead}\n\n{sentence}\n"
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    return [c for c in claims if c.quote.strip() == sentence.strip() and c.type in f.types]


def test_every_filter_carries_two_examples_each_way():
    for f in default_filters():
        assert len(f.examples) >= 2 and len(f.not_examples) >= 2, f.id
        assert f.lead and f.doc, f.id


@pytest.mark.parametrize(("f", "sentence", "keep"), CASES, ids=lambda x: str(x)[:40])
def test_every_filter_example(gaz, monkeypatch, f, sentence, keep):
    got = _filtered(gaz, f, sentence)
    if keep:
        assert got, f"{f.id}: {sentence!r} should keep its claim"
        return
    assert got == [], f"{f.id}: {sentence!r} should make no claim"
    monkeypatch.setattr(claiming, "dropped", lambda *_a, **_k: None)
    assert _filtered(gaz, f, sentence), f"{f.id}: {sentence!r} does not exercise the filter"


def test_dropped_names_the_filter():
    assert dropped("holding", "ref-topic") == "claim.drop.topic-holding"
    assert dropped("holding", "name") is None
    assert dropped("captured", "ref-topic") is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[filter]]\nid = "x"\ntypes = ["held"]\nplace_kinds = ["name"]\n', "types 'held'"),
        ('[[filter]]\nid = "x"\ntypes = ["holding"]\nplace_kinds = ["topic"]\n', "place_kinds"),
        ('[[filter]]\nid = "x"\ntypes = ["holding"]\n', "'place_kinds' is missing"),
        ('[[filter]]\nid = "x"\ntypes = ["holding"]\nplace_kinds = ["name"]\nwhy = 1\n', "unknown"),
        ("not toml = [", "cannot read the rules"),
    ],
)
def test_loader_names_the_file_and_the_entry(tmp_path: Path, body, message):
    p = tmp_path / "filters.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(GeomapError, match=message) as err:
        load_filters(p)
    assert "filters.toml" in str(err.value)


# --- [[clause]] entries: no claim on a place inside the clause --------------------------------
CLAUSES = [
    (f, s, keep)
    for f in default_clauses()
    for keep, group in ((False, f.examples), (True, f.not_examples))
    for s in group
]


def _in_clause(gaz, f, sentence: str) -> list:
    """The claims whose place is written inside the filter's clause of the sentence."""
    claims = extract(f"# Test\n\n{sentence}\n", published=PUB, gazetteer=gaz).claims
    a, b = f.span(sentence) or (0, len(sentence))
    return [c for c in claims if c.place_as_written and c.place_as_written in sentence[a:b]]


def test_every_clause_filter_carries_two_examples_each_way():
    for f in default_clauses():
        assert len(f.examples) >= 2 and len(f.not_examples) >= 2 and f.doc, f.id
        assert all(f.span(s) for s in f.examples), f.id


@pytest.mark.parametrize(("f", "sentence", "keep"), CLAUSES, ids=lambda x: str(x)[:40])
def test_every_clause_example(gaz, monkeypatch, f, sentence, keep):
    got = _in_clause(gaz, f, sentence)
    if keep:
        assert got, f"{f.id}: {sentence!r} should keep its claim"
        return
    assert got == [], f"{f.id}: {sentence!r} should make no claim in the clause"
    monkeypatch.setattr(claiming, "dropped_clause", lambda *_a, **_k: None)
    assert _in_clause(gaz, f, sentence), f"{f.id}: {sentence!r} does not exercise the filter"


def test_dropped_clause_needs_the_clause_and_what_follows():
    s = "Having retaken the hill, the army will move on."
    assert dropped_clause(s, s.index("hill"), "captured") == "claim.drop.having-done-then-future"
    assert dropped_clause(s, s.index("move"), "captured") is None
    past = "Having retaken the hill, the army moved on."
    assert dropped_clause(past, past.index("hill"), "captured") is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[clause]]\nid = "x"\npattern = "("\n', "pattern does not compile"),
        ('[[clause]]\nid = "x"\n', "'pattern' is missing"),
        ('[[clause]]\nid = "x"\npattern = "a"\nthen = ""\n', "'then' is missing"),
    ],
)
def test_clause_loader_names_the_file_and_the_entry(tmp_path: Path, body, message):
    p = tmp_path / "filters.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(GeomapError, match=message) as err:
        load_clauses(p)
    assert "filters.toml" in str(err.value) and "clause #1 (x)" in str(err.value)


# --- claiming._default_side: who speaks for an unmarked claimant's forces ---------------------
def _sides(gaz, sentence: str) -> list[tuple[str, str, str]]:
    claims = extract(f"# Test\n\n{sentence}\n", published=PUB, gazetteer=gaz).claims
    return [(c.place.name, c.side, c.type) for c in claims]


def test_a_report_tells_of_forces_without_taking_their_side(gaz, monkeypatch):
    # (bare "Reports say ..." and an open-source group are third parties in sides.toml; bare
    # "an intelligence report" names no side, and _REPORTER_RE keeps it from "own forces")
    osint = "An open-source intelligence group says Ukrainian troops may be pulling out of Sudzha."
    sentence = "An intelligence report says Ukrainian troops may be pulling out of Sudzha."
    assert _sides(gaz, osint) == [("Sudzha", "third-party", "assessment")]
    assert _sides(gaz, sentence) == [("Sudzha", "third-party", "assessment")]
    monkeypatch.setattr(claiming, "_REPORTER_RE", re.compile(r"(?!)"))
    assert _sides(gaz, osint) == [("Sudzha", "third-party", "assessment")]  # sides.toml
    assert _sides(gaz, sentence) == [("Sudzha", "ukraine", "assessment")]  # own forces


def test_an_official_still_reports_its_own_forces(gaz):
    sentence = "A military spokesman said Ukrainian troops still hold Vovchansk."
    assert _sides(gaz, sentence) == [("Vovchansk", "ukraine", "holding")]


def test_an_operational_command_speaks_for_the_country_it_defends(gaz):
    sentence = (
        "Russian troops pushed into the eastern part of Kupiansk, Operational Command North said."
    )
    assert _sides(gaz, sentence) == [("Kupiansk", "ukraine", "advancing")]


# --- [[tally]] entries: the war's running tally makes no claim --------------------------------
TALLIES = [
    (f, s, keep)
    for f in default_tallies()
    for keep, group in ((False, f.examples), (True, f.not_examples))
    for s in group
]


def _tallied(gaz, f, sentence: str) -> list:
    day = f.published or PUB
    return extract(f"# Test\n\n{sentence}\n", published=day, gazetteer=gaz).claims


@pytest.mark.parametrize(("f", "sentence", "keep"), TALLIES, ids=lambda x: str(x)[:40])
def test_every_tally_example(gaz, monkeypatch, f, sentence, keep):
    got = _tallied(gaz, f, sentence)
    if keep:
        assert got, f"{f.id}: {sentence!r} should keep its claim"
        return
    assert got == [], f"{f.id}: {sentence!r} should make no claim"
    monkeypatch.setattr(claiming, "dropped_tally", lambda *_a, **_k: None)
    days = {c.claim_date.replace(day=1) for c in _tallied(gaz, f, sentence)}
    assert days == {f.day.replace(day=1)}, f.id  # the day, or its month


def test_a_tally_needs_its_day_and_a_later_article():
    quote = "Hundreds were killed there since Russia invaded on 24 February."
    tally = "claim.drop.since-the-invasion"
    assert dropped_tally(quote, date(2022, 2, 24), date(2022, 6, 1)) == tally
    assert dropped_tally(quote, date(2022, 5, 30), date(2022, 6, 1)) is None  # its own day
    assert dropped_tally(quote, date(2022, 2, 24), date(2022, 2, 26)) is None  # days after


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[tally]]\nid = "x"\nwords = "a"\nday = "24 Feb"\nmin_days = 1\n', "not a YYYY-MM-DD"),
        ('[[tally]]\nid = "x"\nwords = "a"\nday = "2022-02-24"\n', "'min_days' must be"),
        ('[[tally]]\nid = "x"\nday = "2022-02-24"\nmin_days = 1\n', "'words' is missing"),
    ],
)
def test_tally_loader_names_the_file_and_the_entry(tmp_path: Path, body, message):
    p = tmp_path / "filters.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(GeomapError, match=message) as err:
        load_tallies(p)
    assert "tally #1 (x)" in str(err.value)
