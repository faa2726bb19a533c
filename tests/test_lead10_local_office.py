"""An unnamed governor or mayor is the one of the place in hand: a roundup that quoted one
regional governor by name does not lend that name (and side) to the next one (own sentences)."""

from __future__ import annotations

from datetime import date

from geomap.extract import extract_article
from geomap.extract.reader import Article

TEXT = (
    "Kharkiv, Oct. 3 - Drones hit a fuel depot in the Russian city of Kursk overnight, the "
    "regional governor, Alexander Khinshtein, said.\n\n"
    "Ukraine's General Staff said its forces repelled several attacks near Kupiansk.\n\n"
    "Russian missiles struck a grain terminal in Izmail on Thursday, according to the "
    "regional governor.\n"
)


def _claim_at(place: str):
    art = Article(text=TEXT, title="Roundup", published=date(2025, 10, 3))
    claims = extract_article(art).claims
    return next(c for c in claims if c.place.name == place)


def test_an_unnamed_regional_governor_is_not_the_one_named_earlier() -> None:
    c = _claim_at("Izmail")
    assert c.type == "strike"
    assert c.side == "ukraine", (c.claimant, c.side, c.rules)
    assert "Khinshtein" not in (c.claimant or "")


def test_the_named_governor_still_speaks_for_his_own_report() -> None:
    c = _claim_at("Kursk")
    assert c.side == "russia", (c.claimant, c.rules)
