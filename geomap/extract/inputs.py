"""Inputs beyond article files: Telegram Desktop channel exports, RSS/Atom feeds, and URLs.

Each yields one Input per source (a message, a feed entry, a page) with its Article or a
one-line error, so one bad message or entry never stops the others. Sources carry a URL
(t.me link, entry link, page URL): the store dedups on it, so re-reading a feed or export
adds only what is new.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from geomap.errors import GeomapError
from geomap.extract.reader import MAX_BYTES, Article, ReadError, decode, read_html, read_text

URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
MAX_EXPORT_BYTES = 1024 * 1024 * 1024  # a channel export: 1 GB of JSON at most


@dataclass
class Input:
    """One source read from an input: its name for messages, and its article or error."""

    name: str
    article: Article | None = None
    error: str | None = None


# -- Telegram --------------------------------------------------------------------------------
def flatten_text(text: Any) -> str:
    """A message's text: Telegram writes formatted text as a list of strings and entity
    objects ({"type": "bold", "text": ...}); the words are kept, the formatting dropped."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in text)
    return ""


def is_telegram_export(path: str | Path) -> bool:
    p = Path(path)
    return p.suffix.lower() == ".json" and p.is_file()


def read_telegram_export(path: str | Path, channel: str | None = None) -> Iterator[Input]:
    """Messages of a Telegram Desktop channel export (result.json), one Input each.

    The link is https://t.me/<channel>/<id> when the channel's public name is known (the
    export's "username", or `channel`), else https://t.me/c/<channel id>/<id>.
    """
    p = Path(path)
    try:
        if p.stat().st_size > MAX_EXPORT_BYTES:
            raise ReadError(f"{p}: over {MAX_EXPORT_BYTES >> 30} GB; export a shorter period")
        data = json.loads(p.read_bytes())
    except json.JSONDecodeError as exc:
        yield Input(
            str(p),
            error=f"{p}: not a complete Telegram export (bad JSON at line {exc.lineno} column "
            f"{exc.colno}: {exc.msg}); export the channel again",
        )
        return
    except OSError as exc:
        yield Input(str(p), error=f"{p}: cannot read ({exc.strerror or exc})")
        return
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        yield Input(str(p), error=f"{p}: not a Telegram channel export (no 'messages' list)")
        return
    name = str(data.get("name") or "Telegram")[:200]
    user = channel or data.get("username")
    base = f"https://t.me/{user}" if user else f"https://t.me/c/{data.get('id', 0)}"
    for msg in data["messages"]:
        if isinstance(msg, dict) and msg.get("type", "message") == "message":
            if got := _message(p, msg, name, base):
                yield got


def _message(p: Path, msg: dict, channel: str, base: str) -> Input | None:
    mid = msg.get("id")
    where = f"{p}#{mid}"
    ents = msg.get("text_entities")
    text = flatten_text(ents) if isinstance(ents, list) and ents else flatten_text(msg.get("text"))
    if not text.strip():
        return None  # a photo or a poll without words: nothing to read
    if len(text.encode("utf-8", "ignore")) > MAX_BYTES:
        return Input(
            where,
            error=f"{where}: message text is {len(text) / 1e6:.1f} M characters, over the "
            f"{MAX_BYTES >> 20} MB limit for one source; skipped",
        )
    published = _iso_date(msg.get("date"))
    art = read_text(text.replace("\r\n", "\n"), "text", path=where)
    art.title = post_title(text)
    art.published = published
    art.outlet = channel
    art.author = channel
    art.url = f"{base}/{mid}" if isinstance(mid, int) else None
    return Input(where, art)


def post_title(text: str) -> str:
    """A post's label: its first line. A first line that is a sentence ("Our defenders
    repelled 7 assaults near X.") is the post's news, not a headline above it: its label
    drops the full stop (and a long one is cut), so the extractor reads the line as body."""
    first = text.strip().split("\n", 1)[0].strip()
    if not first.endswith("."):
        return first[:200]
    first = first.rstrip(". ")
    if len(first) > 120:
        first = first[:120].rsplit(" ", 1)[0] + "…"
    return first


def _iso_date(s: Any) -> date | None:
    try:
        return datetime.fromisoformat(str(s)).date()
    except ValueError:
        return None


# -- feeds -----------------------------------------------------------------------------------
def looks_like_feed(name: str, data: bytes, content_type: str = "") -> bool:
    head = data[:512].lstrip().lower()
    return (
        any(t in content_type.lower() for t in ("rss", "atom", "/xml", "+xml"))
        or name.lower().endswith(FEED_SUFFIXES)
        or head.startswith((b"<rss", b"<feed"))
        or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head))
    )


def read_feed(data: bytes, name: str) -> Iterator[Input]:
    """Entries of an RSS or Atom feed, one Input each (title and text of the entry)."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        head = data[:2048].lower()
        what = "an HTML page" if b"<html" in head or b"<!doctype html" in head else "not a feed"
        yield Input(name, error=f"{name}: not an RSS or Atom feed ({what}); give a feed URL")
        return
    outlet = (parsed.feed.get("title") or "").strip()[:200] or None
    for k, e in enumerate(parsed.entries):
        where = f"{name}#{e.get('id') or e.get('link') or k}"
        body = ""
        if e.get("content"):
            body = e["content"][0].get("value", "")
        body = body or e.get("summary", "")
        text = _strip_html(body)
        title = (e.get("title") or "").strip()
        if not (title or text.strip()):
            continue
        if len(text) > MAX_BYTES:
            yield Input(where, error=f"{where}: entry over {MAX_BYTES >> 20} MB; skipped")
            continue
        art = read_text(f"# {title}\n\n{text}\n" if title else text, "text", path=where)
        art.title = title or art.title
        link = e.get("link")
        art.url = (
            link if isinstance(link, str) and link.startswith(("http://", "https://")) else None
        )
        art.outlet = outlet or art.outlet
        when = e.get("published_parsed") or e.get("updated_parsed")
        art.published = date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        yield Input(where, art)


def _strip_html(s: str) -> str:
    if "<" not in s:
        return s
    import lxml.html

    try:
        root = lxml.html.fromstring(s)
    except Exception:  # noqa: BLE001 - malformed markup: keep the text with the tags cut
        return re.sub(r"<[^>]+>", " ", s)
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return root.text_content().strip()


def read_feed_file(path: str | Path) -> Iterator[Input]:
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES * 4:
            yield Input(str(p), error=f"{p}: feed over {MAX_BYTES * 4 >> 20} MB")
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Input(str(p), error=f"{p}: cannot read ({exc.strerror or exc})")
        return
    yield from read_feed(data, str(p))


# -- URLs ------------------------------------------------------------------------------------
def read_url(
    url: str, *, allow_private: bool = False, timeout: float | None = None
) -> Iterator[Input]:
    """A page read like a saved one, or a feed's entries."""
    from geomap.extract.fetch import TIMEOUT_S, fetch

    try:
        got = fetch(url, allow_private=allow_private, timeout=timeout or TIMEOUT_S)
    except GeomapError as exc:
        yield Input(url, error=str(exc))
        return
    if looks_like_feed(url, got.data, got.content_type):
        yield from read_feed(got.data, got.url)
        return
    try:
        text = decode(got.data, got.url)
        if "html" in got.content_type.lower() or re.match(r"\s*<(?:!doctype|html)", text, re.I):
            art = read_html(text, path=got.url)
        else:
            art = read_text(text, "text", path=got.url)
    except GeomapError as exc:
        yield Input(url, error=str(exc))
        return
    art.url = art.url or got.url
    yield Input(url, art)


def read_input(
    path: str, *, allow_private: bool = False, channel: str | None = None
) -> Iterator[Input] | None:
    """The sources behind one argument when it is a URL, a Telegram export or a feed file;
    None for an ordinary article file (read the usual way)."""
    if URL_RE.match(path):
        return read_url(path, allow_private=allow_private)
    if is_telegram_export(path):
        return read_telegram_export(path, channel)
    if path.lower().endswith(FEED_SUFFIXES) and Path(path).is_file():
        return read_feed_file(path)
    return None
