"""The lede-day convention (texts written for these tests, real gazetteer): in a story filed the
day after its news, a statement the article dates nowhere takes the day the lede gives for the
main statement ("X said on Tuesday it took A. ... The ministry said B was also taken." in a
Wednesday paper: B is Tuesday's claim); the outlet's own narration stays as of writing."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.dating import lede_day, next_story_at

PUB = date(2025, 4, 16)  # a Wednesday
TUE = date(2025, 4, 15)


def _claims(gaz, body: str) -> list:
    return extract(f"# Headline\n\nSome Agency\n\n{body}\n", published=PUB, gazetteer=gaz).claims


def _day(claims: list, place: str) -> date:
    got = [c for c in claims if c.place.name == place]
    assert got, [(c.place.name, c.type) for c in claims]
    return got[0].claim_date


def _page(lede: str) -> str:
    return f"# Headline\n\nSome Agency\n\nApril 16, 2025\n\n{lede}\n\nA second paragraph here."


@pytest.mark.parametrize(
    "lede",
    [
        "The ministry in Moscow said on Tuesday that its soldiers had taken a hamlet by the canal.",
        "The Ukrainian army announced on April 15 that it had regained ground south of a big town.",
        "The regional governor on Tuesday told reporters that evacuation buses would run all week.",
    ],
)
def test_a_statement_day_the_day_before_publication_is_the_news_day(lede):
    assert lede_day(_page(lede), PUB) == TUE


@pytest.mark.parametrize(
    "lede",
    [
        # a statement two days back is a story recalled, not one filed the next day
        "The ministry in Moscow said on Monday that its soldiers had seized a hamlet by the canal.",
        # the day of an event, not of a statement
        "On Tuesday, assault groups crossed the canal in small boats under cover of heavy fog.",
        # a statement made the day of publication: no later filing
        "The regional governor said on Wednesday that evacuation buses would run for a whole week.",
        # no day at all
        "Fighting along the canal has grown heavier as both armies bring up fresh reserves.",
    ],
)
def test_no_news_day_without_a_statement_the_day_before(lede):
    assert lede_day(_page(lede), PUB) is None


def test_a_short_caption_line_is_not_the_lede():
    text = (
        "# Headline\n\nA soldier said on Tuesday.\n\nThe front was quiet overnight, officers said."
    )
    assert lede_day(text, PUB) is None


LEDE = (
    "The Russian defence ministry said on Tuesday that its forces had taken two more villages "
    "in the east of the country."
)
UPDATE = "The Ukrainian general staff said in its evening update that Kupiansk was under attack."


def test_an_undated_statement_further_on_takes_the_ledes_day(gaz):
    claims = _claims(
        gaz,
        f"{LEDE}\n\n{UPDATE}",
    )
    assert _day(claims, "Kupiansk") == TUE


def test_the_outlets_own_narration_keeps_the_publication_day(gaz):
    claims = _claims(gaz, f"{LEDE}\n\nUkrainian forces hold Kupiansk, a town on the Oskil river.")
    assert _day(claims, "Kupiansk") == PUB


def test_a_story_filed_the_same_day_keeps_the_publication_day(gaz):
    lede = LEDE.replace("on Tuesday", "on Wednesday")
    claims = _claims(
        gaz,
        f"{lede}\n\n{UPDATE}",
    )
    assert _day(claims, "Kupiansk") == PUB


def test_a_statement_dated_in_its_own_sentence_keeps_its_day(gaz):
    claims = _claims(
        gaz,
        f"{LEDE}\n\nOn Monday the Ukrainian general staff said that Kupiansk was under attack.",
    )
    assert _day(claims, "Kupiansk") == date(2025, 4, 14)


# --- a digest: another story's headline ends the lede's day -------------------------------------


def test_a_digest_headline_opens_another_story():
    text = f"{_page(LEDE)}\n\nDrone crews report heavy losses on both sides near the river\n\nMore."
    head = text.index("Drone crews")
    assert next_story_at(text, text.index(LEDE) + len(LEDE)) == head


@pytest.mark.parametrize(
    "line",
    [
        "## Strikes across the border",  # a section label, not another story
        "Original url: https://example.org/a-story-about-the-front-line",
        "The front was quiet overnight, the army said in its short morning note.",
    ],
)
def test_section_labels_links_and_sentences_are_no_headlines(line):
    text = f"{LEDE}\n\n{line}\n\nMore."
    assert next_story_at(text, len(LEDE)) == len(text)


def test_a_statement_under_another_storys_headline_keeps_the_publication_day(gaz):
    body = (
        f"{LEDE}\n\nVolunteers say the evacuation of the eastern districts is nearly done now\n\n"
        f"{UPDATE}"
    )
    assert _day(_claims(gaz, body), "Kupiansk") == PUB
