"""Telegram exports, RSS/Atom feeds and URLs in: end to end into the store, twice (nothing
stored twice), and every kind of bad input reported per source while the others go in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures_http import DATA, http_fixtures  # noqa: F401

from geomap.cli import main
from geomap.extract.batch import process_paths
from geomap.extract.fetch import USER_AGENT, FetchError, check_url, fetch
from geomap.extract.inputs import flatten_text, read_feed, read_telegram_export, read_url


def _export(tmp_path: Path, extra: list[dict] | None = None) -> Path:
    """A channel export in Telegram Desktop's format, with messages written for the tests."""
    msgs = [
        {"id": 1, "type": "service", "date": "2025-03-02T07:00:00", "action": "pin_message"},
        {
            "id": 2,
            "type": "message",
            "date": "2025-03-02T08:10:00",
            "text": [
                {"type": "bold", "text": "Станом на 08:00"},
                " на Покровському напрямку окупанти здійснили 11 атак у районах населених "
                "пунктів Удачне та Звірове, повідомив Генштаб ЗСУ.",
            ],
            "text_entities": [
                {"type": "bold", "text": "Станом на 08:00"},
                {
                    "type": "plain",
                    "text": " на Покровському напрямку окупанти здійснили 11 атак у районах "
                    "населених пунктів Удачне та Звірове, повідомив Генштаб ЗСУ.",
                },
            ],
        },
        {"id": 3, "type": "message", "date": "2025-03-02T09:00:00", "photo": "p.jpg", "text": ""},
        {
            "id": 4,
            "type": "message",
            "date": "2025-03-02T10:00:00",
            "text": "Напередодні наші підрозділи вийшли з Гродівки, повідомив речник.",
        },
        *(extra or []),
    ]
    p = tmp_path / "result.json"
    data = {"name": "Тестовий канал", "type": "public_channel", "id": 777, "messages": msgs}
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def test_formatted_text_is_flattened():
    assert flatten_text(["a ", {"type": "bold", "text": "b"}, " c"]) == "a b c"
    assert flatten_text("plain") == "plain" and flatten_text(None) == ""


def test_telegram_export_gives_one_source_per_message(tmp_path):
    got = list(read_telegram_export(_export(tmp_path), channel="testchan"))
    assert [g.name.rsplit("#", 1)[1] for g in got] == ["2", "4"]  # no service/photo-only
    art = got[0].article
    assert art.url == "https://t.me/testchan/2"
    assert art.outlet == "Тестовий канал" and str(art.published) == "2025-03-02"
    assert art.text.startswith("Станом на 08:00 на Покровському")
    # without the public name, the channel id link
    assert next(read_telegram_export(_export(tmp_path))).article.url == "https://t.me/c/777/2"


def test_export_and_feed_ingest_once(tmp_path, store, gaz):
    exp = _export(tmp_path)
    feed = DATA / "feed.rss"
    first = process_paths([str(exp), str(feed)], store=store, gazetteer=gaz, channel="tc")
    assert [r.error for r in first] == [None] * 4
    assert [r.final for r in first] == [False, True, False, True]
    types = {(c.place.id, c.type, c.side) for c in store.claims()}
    assert ("690841", "fighting", "ukraine") in types  # Удачне, from the message
    assert ("708047", "withdrawn", "ukraine") in types  # Гродівки, from the message
    assert ("708047", "captured", "russia") in types  # Гродовка, from the Russian entry
    n = store.count()
    again = process_paths([str(exp), str(feed)], store=store, gazetteer=gaz, channel="tc")
    assert all(r.stored.duplicate and not r.stored.added for r in again)
    assert store.count() == n  # nothing stored twice
    urls = {c.source.url for c in store.claims()}
    assert {"https://t.me/tc/2", "https://t.me/tc/4", "https://wire.example/ru/2"} <= urls


def test_bad_inputs_fail_alone(tmp_path, store, gaz):
    ok = _export(tmp_path)
    cut = tmp_path / "cut" / "result.json"
    cut.parent.mkdir()
    cut.write_text(ok.read_text(encoding="utf-8")[:300], encoding="utf-8")
    huge = tmp_path / "huge" / "result.json"
    huge.parent.mkdir()
    big = {"id": 9, "type": "message", "date": "2025-03-02T11:00:00", "text": "x" * (50 << 20)}
    _export(huge.parent, [big])
    html_feed = tmp_path / "news.rss"
    html_feed.write_bytes((DATA / "not-a-feed.html").read_bytes())
    res = process_paths(
        [str(cut), str(huge), str(html_feed), "ftp://files.example/a.txt", str(ok)],
        store=store,
        gazetteer=gaz,
    )
    errors = [r.error for r in res if r.error]
    assert len(errors) == 4, errors
    assert "not a complete Telegram export (bad JSON at line 1" in errors[0]
    assert "#9: message text is 52.4 M characters, over the 5 MB limit" in errors[1]
    assert "not an RSS or Atom feed (an HTML page)" in errors[2]
    assert "only http(s) URLs are fetched, not ftp:" in errors[3]
    # the good messages of the huge export and of the good export still went in (the
    # second export holds the same two messages: stored once)
    stored = [r for r in res if r.stored is not None]
    assert len(stored) == 4 and [bool(r.stored.added) for r in stored] == [1, 1, 0, 0]


def test_urls_pages_and_feeds_over_http(http_fixtures, store, gaz):  # noqa: F811
    srv, base = http_fixtures
    urls = [f"{base}/article-uk.html", f"{base}/feed.atom", f"{base}/to-article"]
    res = process_paths(urls, store=store, gazetteer=gaz, allow_private=True)
    assert [r.error for r in res] == [None, None, None]
    page = res[0].extraction
    assert page.source.url == f"{base}/article-uk.html" and page.source.language == "uk"
    assert {(c.place.id, c.type) for c in page.claims} >= {("690841", "fighting")}
    assert res[1].extraction.source.url == "https://atom.example/en/1"
    assert res[2].stored.duplicate  # the redirect lands on the page already stored
    assert USER_AGENT in srv.seen_agents
    again = process_paths(urls, store=store, gazetteer=gaz, allow_private=True)
    assert all(r.stored.duplicate and not r.stored.added for r in again)


def test_refused_and_failing_urls(http_fixtures):  # noqa: F811
    _srv, base = http_fixtures
    with pytest.raises(FetchError, match="private-network address .*--allow-private"):
        check_url(f"{base}/article-uk.html")
    with pytest.raises(FetchError, match="only http"):
        check_url("file:///etc/passwd")
    cases = {
        "/to-ftp": "redirected to ftp://files.example/a.txt: only http(s) URLs",
        "/to-file": "redirected to file:///etc/passwd: only http(s) URLs",
        "/stall": "the server stalled",
        "/huge": "more than 5 MB",
        "/html-as-feed.rss": "not an RSS or Atom feed (an HTML page)",
        "/missing": "HTTP 404",
    }
    for path, why in cases.items():
        [got] = list(read_url(base + path, allow_private=True, timeout=1.0))
        assert got.article is None and why in got.error, (path, got.error)
    assert fetch(f"{base}/article-uk.html", allow_private=True).data.startswith(b"<!doctype")


def test_cli_ingests_urls_and_exports(http_fixtures, tmp_path):  # noqa: F811
    _srv, base = http_fixtures
    db = f"sqlite:///{tmp_path / 'g.db'}"
    exp = _export(tmp_path)
    args = ["ingest", "--db", db, "--channel", "tc", str(exp), f"{base}/feed.rss"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1  # a private address without --allow-private
    assert "private-network address" in res.output
    res = CliRunner().invoke(main, [*args, "--allow-private"])
    assert res.exit_code == 0, res.output
    assert "result.json#2" in res.output and "already stored" in res.output
    res = CliRunner().invoke(main, ["claims", "--db", db])
    assert "[uk] " in res.output and "[ru] " in res.output


def test_feed_entries_carry_dates_links_and_outlet():
    got = list(read_feed((DATA / "feed.rss").read_bytes(), "feed.rss"))
    assert [g.article.url for g in got] == [
        "https://wire.example/uk/1",
        "https://wire.example/ru/2",
    ]
    assert [str(g.article.published) for g in got] == ["2025-03-03", "2025-03-03"]
    assert got[0].article.outlet == "Test Wire"
    assert "<p>" not in got[0].article.text


def test_parallel_extraction_matches_serial_in_order(tmp_path, gaz):
    examples = Path(__file__).resolve().parent.parent / "geomap" / "examples"
    paths = [str(_export(tmp_path)), *sorted(str(p) for p in examples.glob("2025-*.txt"))]
    serial = process_paths(paths, gazetteer=gaz)
    par = process_paths(paths, jobs=2)
    assert [r.path for r in par] == [r.path for r in serial]
    assert [r.final for r in par] == [r.final for r in serial]

    def key(res):
        return [(c.place.id, c.type, c.side, c.claim_date) for c in res.extraction.claims]

    assert [key(r) for r in par] == [key(r) for r in serial]
    assert sum(len(r.extraction.claims) for r in par) > 10


def test_cli_jobs_stores_everything_once(tmp_path):
    examples = Path(__file__).resolve().parent.parent / "geomap" / "examples"
    db = f"sqlite:///{tmp_path / 'j.db'}"
    files = sorted(str(p) for p in examples.glob("2025-03-02-*.txt"))
    res = CliRunner().invoke(
        main, ["ingest", "--db", db, "--jobs", "2", str(_export(tmp_path)), *files]
    )
    assert res.exit_code == 0, res.output
    assert res.output.count("added") == 4
    res = CliRunner().invoke(main, ["ingest", "--db", db, "-j", "2", *files])
    assert res.exit_code == 0 and res.output.count("already stored") == 2


@pytest.mark.parametrize(
    ("channel", "side"),
    [
        ("General Staff of the Armed Forces of Ukraine", "ukraine"),
        ("Frontline News Digest", None),
        ("Ukraine War Map", None),  # a channel about the war, not a side's
    ],
)
def test_an_official_channels_posts_are_its_statements(tmp_path, gaz, channel, side):
    """A General Staff channel's post speaks for Ukraine; a news channel's narration for no side."""
    from geomap.extract import extract_article

    post = {
        "id": 5,
        "type": "message",
        "date": "2025-03-02T08:00:00",
        "text": "Over the past day our defenders repelled 7 assaults near Toretsk.",
    }
    p = tmp_path / "result.json"
    data = {"name": channel, "type": "public_channel", "id": 9, "messages": [post]}
    p.write_text(json.dumps(data), encoding="utf-8")
    art = next(read_telegram_export(p)).article
    claims = [c for c in extract_article(art, gazetteer=gaz).claims if c.place.name == "Toretsk"]
    assert claims and {c.side for c in claims} == {side or "third-party"}
    assert {c.claimant for c in claims} == {channel}


def test_a_posts_label_is_its_heading_or_its_first_sentence():
    from geomap.extract.inputs import post_title

    assert post_title("Morning update\n\nTroops held the line.") == "Morning update"
    assert post_title("Troops held the line near the river.\nMore later.") == (
        "Troops held the line near the river"
    )
    long = "Troops " + "held the line " * 20 + "near the river."
    got = post_title(long)
    assert got.endswith("…") and len(got) <= 121 and long.startswith(got[:-1])
