"""When a reported statement's voice carries to the next sentence (voices.toml), on examples
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.rules import default_voice_rules, load_voice_rules
from geomap.extract.voices import report_goes_on

RULES = list(default_voice_rules().values())
PUB = date(2025, 2, 7)


def _check(rule, request) -> None:
    request.node.user_properties.append(("rule", rule.id))
    for ex in rule.examples:
        got = report_goes_on(ex)
        if rule.produces == "goes-on":
            assert got is not None, (rule.id, ex)
        else:
            assert got is None, (rule.id, ex)
    for ex in rule.not_examples:
        assert rule.regex.search(ex) is None, (rule.id, ex)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_voice_rule_decides_its_examples(rule, request):
    assert len(rule.examples) >= 2 and rule.not_examples
    _check(rule, request)


def test_both_kinds_are_present():
    kinds = {r.produces for r in RULES}
    assert kinds == {"goes-on", "background"}


def test_a_bad_entry_is_named(tmp_path):
    from geomap.errors import GeomapError

    p = tmp_path / "voices.toml"
    p.write_text('[[words]]\nid = "x"\nproduces = "sometimes"\nterms = ["a"]\n')
    with pytest.raises(GeomapError, match="voices.toml.*x"):
        load_voice_rules(p)


def _sides(gaz, body: str) -> dict[str, tuple[str, str | None]]:
    ex = extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz)
    return {c.quote: (c.side, c.claimant) for c in ex.claims}


def test_a_report_goes_on_in_its_paragraph(gaz):
    got = _sides(
        gaz,
        "The head of the regional military administration said on Friday that the defence "
        "line along the river had been secured in Vovchansk. Street fighting continues "
        "around the clock in the town.",
    )
    side, who = next(v for q, v in got.items() if q.startswith("Street fighting"))
    assert side == "ukraine" and "military administration" in who


def test_the_voice_does_not_cross_a_paragraph_or_background_or_a_trailing_source(gaz):
    # a new paragraph is the outlet's again
    got = _sides(
        gaz,
        "The head of the regional military administration said on Friday that the defence "
        "line along the river had been secured in Vovchansk.\n\nStreet fighting continues "
        "around the clock in the town.",
    )
    assert next(v for q, v in got.items() if q.startswith("Street fighting"))[0] != "ukraine"
    # a source named at the end of its sentence does not frame the next one
    got = _sides(
        gaz,
        "Ukrainian troops hold most of Vovchansk, a military spokesman said. Street fighting "
        "continues around the clock in the town.",
    )
    assert next(v for q, v in got.items() if q.startswith("Street fighting"))[0] != "ukraine"
