"""Page structure (struct9): a headline a copied page pasted into the body is no sentence of
its own, and a "Quote from X:" line under a "Source:" line is read as body text."""

from __future__ import annotations

import pytest

from geomap.extract.sentences import blocks, sentences

TITLE = "Drone strike on Uman leaves nine hurt, cuts power"


def _sents(text: str, title: str | None = TITLE) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in sentences(text, title=title)]


def test_a_headline_ending_a_paragraph_is_no_sentence() -> None:
    text = (
        f"# {TITLE}\n\nUkraine's air force said on Monday that a drone had hit a depot in "
        f"Uman overnight. {TITLE}\n\nRepairs began in the morning.\n"
    )
    got = _sents(text)
    assert TITLE not in got, got
    assert "Repairs began in the morning." in got


def test_a_standfirst_glued_to_the_headline_keeps_only_its_own_words() -> None:
    text = (
        f"# {TITLE}\n\n{TITLE} Three of the injured, among them two firefighters, are in a "
        "serious condition\n"
        "A drone hit a fuel depot in the centre of Uman in the early hours of Monday, the mayor "
        "of the city said.\n"
    )
    got = _sents(text)
    assert "Three of the injured, among them two firefighters, are in a serious condition" in got, (
        got
    )
    assert not any(s.startswith("Drone strike on Uman") for s in got), got
    assert got[-1].startswith("A drone hit a fuel depot"), got


@pytest.mark.parametrize(
    "lede",
    [
        # the lede opens with the headline's words and goes on: one sentence, all of it
        f"{TITLE}, the regional governor said on Monday.",
        f"{TITLE}.",
    ],
)
def test_a_sentence_that_goes_on_after_the_headline_words_is_kept_whole(lede: str) -> None:
    text = f"# {TITLE}\n\n{lede}\n\nRepairs began in the morning.\n"
    assert lede in _sents(text)


def test_a_short_title_is_not_looked_for() -> None:
    """A title of three words is too common a phrase to cut from a sentence."""
    text = "# Kyiv under fire\n\nKyiv under fire Sirens sounded all night in the city.\n"
    assert _sents(text, title="Kyiv under fire") == [
        "Kyiv under fire Sirens sounded all night in the city."
    ]


def test_a_quote_from_line_under_a_source_line_is_body_text() -> None:
    text = (
        "# Strike on Lozova\n\nMissiles hit the east overnight.\n\n"
        "Source: Ivan Petrenko, head of the district military administration, on Telegram\n"
        'Quote from the police: "Two people were hurt when a missile hit a warehouse in Lozova."\n'
    )
    kinds = {text[b.start : b.end].split(":")[0]: b.kind for b in blocks(text)}
    assert kinds["Source"] == "boilerplate"
    assert kinds["Quote from the police"] == "body"
    assert any("missile hit a warehouse in Lozova" in s for s in _sents(text, None))


@pytest.mark.parametrize(
    "caption",
    [
        "Rescuers dig through a wrecked school building in the village of Kozacha Lopan on "
        "March 3, 2024, amid the war. Ivan PETRENKO / AFP",
        "By AFP\nFirefighters put out a blaze at a grain store in Izmail on Monday morning, "
        "after a night of drone attacks on the port. Olena Marko / Reuters",
        "A soldier fires a howitzer near the front line in the east on Tuesday.O. KOVAL/The "
        "Associated Press",
    ],
)
def test_a_caption_closed_by_a_slash_credit_is_no_body_text(caption: str) -> None:
    text = f"# Strikes go on\n\n{caption}\n\nOfficials met in Geneva on Friday.\n"
    got = _sents(text, None)
    assert got == ["Officials met in Geneva on Friday."], got


def test_a_lede_before_a_slash_credited_caption_stays_body_text() -> None:
    """A paragraph's worth of body text before the caption in the same block is kept."""
    lede = (
        "Russian drones hit a grain store in Izmail overnight, the regional governor said on "
        "Monday, adding that two workers were hurt and a fire broke out."
    )
    caption = "Firefighters work at the site on Monday. Olena Marko / Reuters"
    got = _sents(f"# Strikes go on\n\n{lede} {caption}\n", None)
    assert lede in got and not any("Firefighters" in s for s in got), got


def test_a_sentence_with_a_slash_that_is_no_credit_stays_body_text() -> None:
    body = "Troops moved between the Kupiansk/Lyman axis and the river, the General Staff said."
    assert _sents(f"# Front\n\n{body}\n", None) == [body]
