"""Places a sentence refers back to without naming them: a denial of "this information", a
settlement's namesakes told apart by the places named with it. Texts are written for these
tests."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract

PUB = date(2025, 3, 4)
SIVERSK, KUPIANSK = "694403", "703656"


@pytest.mark.parametrize(
    "answer",
    [
        "The Ukrainian General Staff denies this information.",
        "Kyiv rejected the information as false.",
        "The Ukrainian army refuted these rumours on Tuesday.",
    ],
)
def test_a_denial_of_the_information_answers_the_claim_before(gaz, answer):
    text = (
        "# Moscow says it took two towns\n\nOn Monday the Russian defence ministry said its "
        f"troops had captured Siversk and Kupiansk. {answer}\n"
    )
    claims = extract(text, published=PUB, gazetteer=gaz).claims
    denied = {c.place.id for c in claims if c.type == "denied" and c.side == "ukraine"}
    assert denied == {SIVERSK, KUPIANSK}
