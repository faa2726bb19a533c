"""Reading saved articles: metadata, formats, and per-file errors."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract.reader import (
    MAX_BYTES,
    ReadError,
    detect_format,
    expand_paths,
    read_article,
    read_bytes,
    read_text,
)

PLAIN = """

# Shelling Hits Nikopol Again

By [Jane Roe for Reuters](#)

March 03, 2025

Russian artillery shelled Nikopol on Sunday, the regional governor said.

Original url:

<https://www.reuters.com/world/europe/nikopol-shelling-2025-03-03>
"""


def test_plain_text_metadata():
    art = read_text(PLAIN)
    assert art.title == "Shelling Hits Nikopol Again"
    assert art.author == "Jane Roe for Reuters"
    assert art.outlet == "Reuters"
    assert art.published == date(2025, 3, 3)
    assert art.url == "https://www.reuters.com/world/europe/nikopol-shelling-2025-03-03"
    assert art.text == PLAIN  # offsets refer to exactly this text


def test_crlf_folded_and_outlet_from_domain():
    art = read_text(PLAIN.replace("\n", "\r\n").replace("Jane Roe for Reuters", "Jane Roe"))
    assert "\r" not in art.text
    assert art.outlet == "Reuters"  # from the URL's domain


@pytest.mark.parametrize(
    "line,expected",
    [
        ("7 February 2025", date(2025, 2, 7)),
        ("Feb. 7, 2025", date(2025, 2, 7)),
        ("2025-02-07", date(2025, 2, 7)),
        ("Friday, February 7, 2025", date(2025, 2, 7)),
    ],
)
def test_date_line_formats(line, expected):
    assert read_text(f"# T\n\n{line}\n\nBody text here.\n").published == expected


HTML = """<!doctype html><html><head><title>Page title | Site</title>
<meta property="og:title" content="Drones Hit Odesa Port">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2024-09-10T08:00:00Z">
<link rel="canonical" href="https://example.com/odesa-port">
</head><body><nav>Home | World</nav><article><h1>Drones Hit Odesa Port</h1>
<p>Russian drones struck grain silos in the port of Odesa overnight,
the regional governor said on Tuesday.</p>
<p>Two workers were injured, he added, and a fire was put out by morning.</p>
</article><footer>Copyright</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "odesa.html"
    p.write_text(HTML, encoding="utf-8")
    art = read_article(p)
    assert art.format == "html"
    assert art.url == "https://example.com/odesa-port"
    assert art.published == date(2024, 9, 10)
    assert "grain silos in the port of Odesa" in art.text
    assert "Copyright" not in art.text and "Home | World" not in art.text


def test_html_detected_by_content_on_stdin():
    art = read_bytes(HTML.encode(), "<stdin>")
    assert art.format == "html"


@pytest.mark.parametrize(
    "text,fmt",
    [
        ("# Notes\n\n<BODY\nthe letters of a tag, never closed\n", "text"),
        ("<div>menu</div>\n<body class='article'>\n<p>Text</p>", "html"),
        ("# A title\n\nBody text about Sumy.\n", "text"),
    ],
)
def test_html_is_detected_by_a_body_tag_not_its_letters(text, fmt):
    assert detect_format("<stdin>", text) == fmt


@pytest.mark.parametrize(
    "data,needle",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("Сводка: Торецк".encode("cp1251"), "not UTF-8"),
    ],
)
def test_bad_files_raise_clear_errors(tmp_path, data, needle):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(ReadError) as ei:
        read_article(p)
    assert needle in str(ei.value) and str(p) in str(ei.value)


def test_huge_file_refused(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_bytes(b"word " * (MAX_BYTES // 5 + 10))
    with pytest.raises(ReadError, match="MB limit"):
        read_article(p)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="cannot read"):
        read_article(tmp_path / "nope.txt")


def test_expand_paths_folders_globs_stdin(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.md").write_text("x")
    (tmp_path / "c.gold.jsonl").write_text("{}")
    (tmp_path / "README.md").write_text("x")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "d.html").write_text("x")
    got = expand_paths([str(tmp_path), "-"])
    names = sorted(p.rsplit("/", 1)[-1] for p in got if p != "-")
    assert names == ["a.txt", "b.md", "d.html"] and got[-1] == "-"
    assert [p.rsplit("/", 1)[-1] for p in expand_paths([str(tmp_path / "*.txt")])] == ["a.txt"]


def test_markdown_byline_in_emphasis():
    art = read_text("# T\n\n*By Ann Example for AP*\n\nJune 2, 2024\n\nBody.\n", "markdown")
    assert (art.author, art.outlet, art.format) == ("Ann Example for AP", "AP", "markdown")


def _sents(text: str) -> list[str]:
    from geomap.extract.sentences import sentences

    return [text[s:e] for s, e in sentences(text)]


def test_caption_glued_to_a_lede_is_cut_not_the_lede():
    text = (
        "# Strike on a border town\n\nThe governor accused the other side of shelling the "
        "market in Valuyki, saying rockets fell on the square at noon and hit several "
        "homes. A woman walks past a burned kiosk in Valuyki, Russia, May 2, 2024 (via REUTERS)"
        "\n\nRepairs began the next day.\n"
    )
    got = _sents(text)
    assert got[0].startswith("The governor accused") and got[0].endswith("several homes.")
    assert not any("burned kiosk" in s for s in got)
    # a short caption of two sentences is still all caption
    two = "# T\n\nSmoke over a field. Crews were busy on the road. (Jane Roe/AFP)\n\nBody text.\n"
    assert _sents(two) == ["Body text."]


def test_standfirst_line_above_a_caption_line_is_body():
    text = (
        "# Drones hit a port\n\nOfficials say three people were hurt when drones struck "
        "warehouses in the port of Izmail overnight and set two of them on fire\n"
        "Firefighters work at a warehouse in Izmail, Ukraine, Monday. (AP Photo/John Doe)\n"
    )
    got = _sents(text)
    assert len(got) == 1 and got[0].startswith("Officials say") and "Firefighters" not in got[0]


def test_a_headline_line_without_a_stop_ends_its_sentence():
    text = (
        "# T\n\nThe front moved little this week.\nTroops cross the river and dig trenches\n"
        "The analysts say the units reached the far bank near Krynky.\n"
    )
    got = _sents(text)
    assert "Troops cross the river and dig trenches" in got
    assert got[-1].startswith("The analysts say")
    # a caption's credit closing a line ends it too ("... Picture: AGENCY/WIRE")
    cap = (
        "# T\n\nA crew clears rubble. Picture: CITY COUNCIL/REUTERS\nKyiv — Drones hit the port.\n"
    )
    assert _sents(cap)[-1] == "Kyiv — Drones hit the port."


def test_a_wrapped_line_runs_on_into_the_next():
    for text in (
        "# T\n\nThe shelling hit the market square of\nKupiansk on Monday morning.\n",
        "# T\n\nThe regional governor, quoted by local media in a long post about the "
        "night, said the town of\nVovchansk was shelled.\n",
        "# T\n\nIt cited the report (published by the\nMinistry on Monday) as its source.\n",
        "# T\n\nThe town was hit again\nafter midnight.\n",
    ):
        assert len(_sents(text)) == 1, text


def test_a_caption_on_the_first_line_of_a_paragraph_is_split_off():
    text = (
        "# T\n\nRescuers search a damaged shop in Sumy on Monday. Picture: CITY COUNCIL/AFP\n"
        "Kyiv — Drones hit a shopping street in Sumy overnight, the governor said.\n"
        "Two people were hurt.\n"
    )
    got = _sents(text)
    assert got[0].startswith("Kyiv — Drones") and not any("Rescuers" in s for s in got)
    # a paragraph whose first line is body text is not cut
    plain = "# T\n\nDrones hit Sumy overnight.\nTwo people were hurt.\n"
    assert _sents(plain) == ["Drones hit Sumy overnight.", "Two people were hurt."]


def test_a_capital_letter_ending_its_line_ends_the_sentence():
    text = "# T\n\nThe minister wrote about the attack on X.\nThe governor said two were hurt.\n"
    assert len(_sents(text)) == 2
    # an initial inside a line stays an abbreviation
    assert len(_sents("# T\n\nGen. J. Smith said the town was hit.\n")) == 1
