"""Headlines, subheads, captions and bylines with no full stop end their own sentence; a
paragraph wrapped at a fixed width or broken mid-sentence stays one sentence."""

from __future__ import annotations

import textwrap

import pytest

from geomap.extract.reader import credited_outlet, read_text
from geomap.extract.sentences import sentences


def _sents(text: str) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in sentences(text)]


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # a subhead ending on a lower-case word
        ("Troops dig in along the river road", "The brigade said it held the bridge."),
        # a photo caption with no stop
        (
            "Rescuers search a wrecked school gym in the city centre on Tuesday morning",
            "Two people were hurt, the mayor said.",
        ),
        # a headline's attribution: "..., officials say"
        ("Army pushes back near the lake, officials say", "Fighting went on all night."),
        # a one-line section head before a quotation
        ("No retreat", '"We are still in the village," the officer said.'),
    ],
)
def test_a_line_without_a_stop_ends_at_a_blank_line(head: str, body: str) -> None:
    text = f"# T\n\nA first paragraph ends here.\n\n{head}\n\n{body}\n"
    got = _sents(text)
    assert body in got and not any(head in s for s in got if s != head), got


def test_a_short_subhead_is_no_sentence_a_long_standfirst_is() -> None:
    sub = "Fighting in the east"
    stand = (
        "Officials say the brigade held its ground for a third week while the enemy "
        "brought up fresh units from the north"
    )
    text = f"# T\n\n{stand}\n\n{sub}\n\nThe brigade held the bridge.\n"
    assert _sents(text) == [stand, "The brigade held the bridge."]


@pytest.mark.parametrize(
    "text",
    [
        # a page copied from a browser breaks a sentence with a blank line
        "# T\n\nThe troops have held the line since the town fell in late\n\nMarch 2023, "
        "the officer said.\n",
        "# T\n\nThe brigade moved its guns closer to the\n\nRiver Donets overnight.\n",
        "# T\n\nShelling went on all night\n\nand into the morning, the mayor said.\n",
    ],
)
def test_a_sentence_broken_by_a_blank_line_stays_whole(text: str) -> None:
    assert len(_sents(text)) == 1, _sents(text)


def test_a_long_standfirst_line_ends_before_the_body_line() -> None:
    stand = (
        "The army says it has pushed the enemy out of two hamlets on the southern bank and "
        "expects to clear the whole river bend within the coming weeks"
    )
    text = f"# T\n\n{stand}\nThe general staff announced the news on Monday evening.\n"
    assert _sents(text) == [stand, "The general staff announced the news on Monday evening."]


def test_header_lines_one_under_another_each_end() -> None:
    text = (
        "# T\n\nA strike hit the depot\nBy Ann Example and Bo Sample, Wire Desk\n"
        "Posted: 4 Mar 2024 10:15 AM Updated: 4 Mar 2024 11:00 AM\n"
        "Two people were hurt when a drone hit the depot, the governor said.\n"
    )
    got = _sents(text)
    assert got[-1] == "Two people were hurt when a drone hit the depot, the governor said."
    assert len(got) == 4, got


_STORY = (
    "Ukrainian officials said on Monday that forces had pushed Russian units out of a "
    "village near the river after three days of fighting. Russian commanders denied losing "
    "the village and said their troops still held the high ground west of the railway "
    "station. Independent analysts said the claims could not be verified but that satellite "
    "images showed fresh craters along the road to Kupiansk. Local residents reported heavy "
    "shelling overnight."
)


@pytest.mark.parametrize("width", [60, 66, 72, 80])
def test_a_paragraph_wrapped_at_a_fixed_width_keeps_its_sentences(width: int) -> None:
    plain = f"# T\n\n{_STORY}\n"
    wrapped = "# T\n\n" + textwrap.fill(_STORY, width, break_on_hyphens=False) + "\n"
    assert len(_sents(plain)) == 4
    assert _sents(wrapped) == _sents(plain)


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["# Headline", "", "Ukrinform (via MENAFN)", "", "May 2, 2025"], "Ukrinform"),
        (["# Headline", "", "Daily Courier (TASS wire copy)"], "TASS"),
        (["# Headline", "", "City News / Sputnik"], "Sputnik"),
        (["# Headline", "", "Local Times (Town; APP/AFP)"], "AFP"),
        (["# Headline", "", "Site", "", "(MENAFN - UkrinForm) The army said..."], "Ukrinform"),
        (["# Headline", "", "Site", "", "Source: Reuters"], "Reuters"),
        (["# Headline", "", "Site", "", "KYIV, Ukraine (AP) — Drones hit the port."], "AP"),
        (["# Headline", "", "Site (Evening edition)", "", "MOSCOW (TASS) - The army..."], "TASS"),
        # a photo credit is no syndication line; an unknown name in brackets says nothing
        (["# Headline", "", "Daily Courier", "", "Jane Roe / TASS"], None),
        (["# Headline", "", "Daily Courier (Evening edition)"], None),
    ],
)
def test_the_credited_outlet_is_read_from_the_head(lines: list[str], outlet: str | None) -> None:
    assert credited_outlet(lines) == outlet


def test_the_credited_outlet_beats_the_web_address() -> None:
    art = read_text(
        "# Shelling near the river\n\nUkrinform (via MENAFN)\n\nMay 2, 2025\n\n"
        "(MENAFN - Ukrinform) Troops held the line, the army said.\n\n"
        "Original url: https://menafn.com/123/shelling\n"
    )
    assert art.outlet == "Ukrinform" and art.url == "https://menafn.com/123/shelling"
    plain = read_text("# T\n\nBody.\n\nOriginal url: https://menafn.com/1/x\n")
    assert plain.outlet == "menafn.com"


def test_an_html_page_credits_its_wire_in_the_first_paragraph() -> None:
    from geomap.extract.reader import read_html

    page = (
        "<html><head><title>Port hit</title>"
        '<meta property="og:site_name" content="Daily Courier"></head><body><article>'
        "<h1>Port hit</h1><p>MOSCOW (TASS) - The defence ministry said its forces had taken "
        "a village near the river after a week of fighting in the area.</p>"
        "<p>The ministry gave no further details about the fighting or losses.</p>"
        "</article></body></html>"
    )
    assert read_html(page).outlet == "TASS"
    plain = page.replace("MOSCOW (TASS) - ", "")
    assert read_html(plain).outlet == "Daily Courier"


@pytest.mark.parametrize(
    "stamp", ["11:05 GMT 14.06.2024 (Updated: 11:40 GMT 14.06.2024)", "08:12 03.09.2025"]
)
def test_a_time_stamp_line_is_a_sentence_of_its_own(stamp: str) -> None:
    text = f"# T\n\nCity Wire\n{stamp}\nEarlier, the governor said two shells hit a school.\n"
    got = _sents(text)
    assert got[-2:] == [stamp, "Earlier, the governor said two shells hit a school."], got
    # a time inside a sentence's line is no stamp line
    inline = "# T\n\nThe sirens sounded at 04:10 and the\nshelling lasted an hour.\n"
    assert len(_sents(inline)) == 1
