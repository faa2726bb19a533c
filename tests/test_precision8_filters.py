"""Claim filters (geomap/extract/rules/filters.toml): every example loses its claim to the
filter and only to it; every `not` sentence keeps its claim; a bad entry is named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geomap.errors import GeomapError
from geomap.extract import claiming
from geomap.extract.filters import default_filters, dropped, load_filters
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
    monkeypatch.setattr(claiming, "dropped", lambda ctype, kind: None)
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
