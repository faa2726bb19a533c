"""Shared harness for tables of rule cases (rule id, text, claims expected, claims forbidden):
each rule's examples are whole sentences in the project's own words, run through `extract`."""

from __future__ import annotations

from datetime import date

from geomap.extract import extract

FRI = date(2025, 3, 14)  # a Friday


def claims_of(gaz, body: str) -> list:
    """Every claim extracted from `body`, published on FRI."""
    return extract(f"# Test\n\n{body}\n", published=FRI, gazetteer=gaz).claims


def got(gaz, body: str) -> set[tuple[str, str | None, str]]:
    """(place, side, type) of every claim extracted from `body`, published on FRI."""
    return {(c.place.name, c.side, c.type) for c in claims_of(gaz, body)}


def place_types(gaz, body: str, published: date = FRI) -> list[tuple[str, str]]:
    """(place, type) of each claim extracted from `body`, in the order made."""
    claims = extract(f"# Test\n\n{body}\n", published=published, gazetteer=gaz).claims
    return [(c.place.name, c.type) for c in claims]


def names_found(gaz, sentence: str) -> list[str]:
    """The place names the mention finder reads in one sentence."""
    from geomap.extract.mentions import find_names

    return [m.text for m in find_names(sentence, 0, len(sentence), gaz)]


def match(want: tuple, found: set) -> bool:
    """A (place, side or None, type) among the claims found."""
    name, side, ctype = want
    return any(g[0] == name and g[2] == ctype and (side is None or g[1] == side) for g in found)


def check_case(gaz, rule: str, body: str, expected, forbidden) -> None:
    found = got(gaz, body)
    for want in expected:
        assert match(want, found), (rule, want, found)
    for bad in forbidden:
        assert not match(bad, found), (rule, bad, found)


def rules_with_one_text(cases) -> dict[str, int]:
    """Rules of a case table with fewer than two texts (a rule needs two)."""
    per_rule: dict[str, int] = {}
    for rule, *_ in cases:
        per_rule[rule] = per_rule.get(rule, 0) + 1
    return {r: n for r, n in per_rule.items() if n < 2}
