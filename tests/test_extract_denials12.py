"""Denials answering a claim (own sentences): calling it false in a trailing clause of the
claim's sentence, or in the next sentence with a plain speech verb."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract

PUB = date(2025, 2, 7)


def _claims(gaz, text: str) -> set[tuple[str, str, str]]:
    got = extract(f"# Front update\n\n{text}\n", published=PUB, gazetteer=gaz).claims
    return {(c.place.name, c.side, c.type) for c in got}


@pytest.mark.parametrize(
    "text",
    [
        "Moscow said its troops took Chasiv Yar, a claim Ukraine said was false.",
        "Moscow said its troops took Chasiv Yar, which Kyiv called a lie.",
        "Moscow said its troops took Chasiv Yar, a claim that Kyiv rejected as untrue.",
        "Moscow said its troops took Chasiv Yar. Ukraine said the claim was false.",
        "Moscow said its troops took Chasiv Yar. A Ukrainian spokesman said that was not true.",
        "Moscow said its troops took Chasiv Yar. Kyiv said Moscow's reports about it were untrue.",
    ],
)
def test_calling_a_claim_false_denies_it(gaz, text):
    got = _claims(gaz, text)
    assert ("Chasiv Yar", "russia", "captured") in got
    assert ("Chasiv Yar", "ukraine", "denied") in got


@pytest.mark.parametrize(
    "text",
    [
        "Moscow said its troops took Chasiv Yar, which Kyiv called significant.",
        "Moscow said its troops took Chasiv Yar. Ukraine said the bridge was destroyed.",
    ],
)
def test_other_answers_deny_nothing(gaz, text):
    assert not any(t == "denied" for _p, _s, t in _claims(gaz, text))
