"""Read saved articles (plain text, Markdown, browser-saved HTML) into text + metadata.

The text returned is exactly what the extractor reads: every quote offset refers to it. For
plain text and Markdown that is the decoded file itself (only CRLF folded to LF); for HTML it is
the main text trafilatura finds. Bad files raise ReadError with the file name and the reason,
so a batch can report them one by one and carry on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlparse

from geomap.errors import GeomapError
from geomap.extract.dates import MONTH_NAMES

MAX_BYTES = 5 * 1024 * 1024
_MB = MAX_BYTES // (1024 * 1024)
TEXT_SUFFIXES = {".txt", ".text", ""}
MD_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MD_SUFFIXES | HTML_SUFFIXES

# Outlets by web domain, for the "outlet" field when the article does not name one.
_OUTLETS = {
    "themoscowtimes.com": "The Moscow Times",
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "kyivindependent.com": "The Kyiv Independent",
    "theguardian.com": "The Guardian",
    "france24.com": "France 24",
    "aljazeera.com": "Al Jazeera",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "pravda.com.ua": "Ukrainska Pravda",
    "ukrinform.net": "Ukrinform",
    "tass.com": "TASS",
}
_AGENCIES = (
    "AFP",
    "Reuters",
    "AP",
    "Associated Press",
    "dpa",
    "Bloomberg",
    "TASS",
    "Ukrinform",
    "Interfax",
    "RIA Novosti",
    "Sputnik",
    "EFE",
    "Anadolu",
    "UPI",
)
# An outlet reprinting another's text says whose it is: "Ukrinform (via MENAFN)", "Hindustan
# Times (Reuters wire copy)", "UrduPoint News / Sputnik", "(MENAFN - Ukrinform)", "Source:
# Reuters". The credited outlet is the narrator (a state agency's copy speaks for its state).
_VIA_RE = re.compile(r"^(?P<name>[^()\n]{2,60}?)\s*\(via\s+[^()\n]{2,60}\)$", re.I)
_WIRE_RE = re.compile(
    r"^[^()\n]{2,60}?\s*(?:\((?P<paren>[^()\n]{2,60})\)|/\s*(?P<slash>[^()/\n]{2,40}))$"
)
_SYNDICATOR_RE = re.compile(r"^\(?\s*MENAFN\s*[-–—]\s*(?P<name>[^()\n]{2,40}?)\s*\)")
_CREDIT_LINE_RE = re.compile(r"^(?:Source|Credit)\s*:\s*(?P<name>[^\n]{2,40}?)\.?$", re.I)
# a wire dateline: "KYIV, Ukraine (AP) —", "MOSCOW (TASS) -"
_DATELINE_RE = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,40}\((?P<name>[^()\n]{2,30})\)\s*[-–—:]")
_CREDIT_WORDS_RE = re.compile(r"\b(?:wire(?:\s+copy)?|copy|wire\s+service)\b", re.I)

_MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BYLINE_RE = re.compile(r"^\s*(?:[*_]{1,2})?\s*By\s+(.+?)\s*(?:[*_]{1,2})?\s*$", re.I)
_URL_LINE_RE = re.compile(r"^\s*(?:Original url|Source|URL)\s*:\s*<?(\S*?)>?\s*$", re.I)
_URL_RE = re.compile(r"<?(https?://[^\s>]+)>?")
_DATE_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(
        r"^(?:[A-Za-z]+,?\s+)?(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
    ),
    re.compile(
        r"^(?:[A-Za-z]+,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})"
    ),
)


class ReadError(GeomapError):
    """A file that cannot be read as an article (missing, empty, binary, not UTF-8, too big)."""


@dataclass
class Article:
    """An article's text as the extractor reads it, plus what it says about itself."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    format: str = "text"  # text | markdown | html
    path: str | None = None


def parse_date(s: str) -> date | None:
    """A publication date line: "February 07, 2025", "7 Feb 2025", "2025-02-07", ISO datetimes."""
    s = s.strip().strip("*_ ")
    for pat in _DATE_PATTERNS:
        m = pat.match(s)
        if not m:
            continue
        gd = m.groupdict()
        month = int(gd["m"]) if gd.get("m") else _MONTHS.get(gd["mon"].lower())
        if not month:
            continue
        try:
            return date(int(gd["y"]), month, int(gd["d"]))
        except ValueError:
            return None
    return None


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    host = host.removeprefix("www.")
    for dom, name in _OUTLETS.items():
        if host == dom or host.endswith("." + dom):
            return name
    return host or None


def _clean_inline(s: str) -> str:
    s = _MD_LINK_RE.sub(r"\1", s)
    return s.replace("**", "").replace("__", "").strip(" *_#")


def _agency(author: str | None) -> str | None:
    if not author:
        return None
    m = re.search(r"\bfor\s+(.+)$", author)
    if m:
        return m.group(1).strip()
    for a in _AGENCIES:
        if re.search(rf"\b{re.escape(a)}\b", author):
            return a
    return None


def _known_outlet(name: str) -> str | None:
    """The canonical spelling of an agency or outlet we know ("UkrinForm" -> "Ukrinform")."""
    key = " ".join(_CREDIT_WORDS_RE.sub(" ", name).split()).strip(" ,;-").casefold()
    for known in (*_AGENCIES, *_OUTLETS.values()):
        if key == known.casefold():
            return known
    return None


def credited_outlet(lines: list[str], *, headed: bool = True) -> str | None:
    """The outlet a syndication or credit line in the article's head names as the text's
    own: the outlet line under the headline ("Ukrinform (via MENAFN)", "Times (AFP wire
    copy)", "News / Sputnik"), or a credit anywhere in the head ("(MENAFN - Ukrinform)",
    "Source: Reuters", "KYIV (AP) —"); a photo credit lower down ("Jane Roe / TASS") is not
    one. `headed`: the lines start with the headline (saved text), not the body (HTML)."""
    texts = [t for t in (_clean_inline(ln.strip()) for ln in lines) if t]
    if not headed:
        texts = ["", *texts]  # (no outlet line: only credits count)
    elif texts and lines and lines[0].lstrip().startswith("#"):
        texts = texts[1:]
    for i, s in enumerate(texts):
        if m := _SYNDICATOR_RE.match(s) or _CREDIT_LINE_RE.match(s) or _DATELINE_RE.match(s):
            if found := _known_outlet(m.group("name")):
                return found
        if i or len(s) > 80:
            continue
        if m := _VIA_RE.match(s):
            return _known_outlet(m.group("name")) or m.group("name").strip()
        if (m := _WIRE_RE.match(s)) and (found := _wire_credit(m["paren"] or m["slash"])):
            return found
    return None


def _wire_credit(credit: str) -> str | None:
    """The agency a wire credit names: the last one of "APP/AFP" or "APP, AFP wire copy"."""
    for part in reversed(re.split(r"[/,;]", credit)):
        if found := _known_outlet(part):
            return found
    return None


def read_text(text: str, fmt: str = "text", *, path: str | None = None) -> Article:
    """Parse plain text / Markdown: `# title`, "By ..." byline, date line, body, `Original url:`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    art = Article(text=text, format=fmt, path=path)
    lines = text.split("\n")
    head = [ln for ln in lines[:40]]
    for i, ln in enumerate(head):
        s = ln.strip()
        if not s:
            continue
        if art.title is None and s.startswith("# "):
            art.title = _clean_inline(s[2:])
            continue
        if art.author is None and (m := _BYLINE_RE.match(_MD_LINK_RE.sub(r"\1", s))):
            art.author = _clean_inline(m.group(1))
            continue
        if art.published is None and len(s) < 60 and (d := parse_date(s)):
            art.published = d
            continue
        if i > 25:
            break
    for i, ln in enumerate(lines):
        m = _URL_LINE_RE.match(ln)
        if m:
            url = m.group(1)
            if not url:
                for nxt in lines[i + 1 : i + 4]:
                    if mu := _URL_RE.search(nxt):
                        url = mu.group(1)
                        break
            if url and url.startswith(("http://", "https://")):
                art.url = url
    if art.title is None:
        first = next((ln.strip() for ln in lines if ln.strip()), "")
        art.title = _clean_inline(first)[:200] or None
    art.outlet = _agency(art.author) or credited_outlet(head) or outlet_from_url(art.url)
    return art


def read_html(html: str, *, path: str | None = None) -> Article:
    """Main text and metadata of a saved web page (trafilatura + og:/canonical tags)."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    body = (
        trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
        or ""
    )
    meta = extract_metadata(html)
    art = Article(text=body.replace("\r\n", "\n"), format="html", path=path)
    if meta is not None:
        art.title = meta.title or None
        art.author = meta.author or None
        art.url = meta.url or None
        if meta.date:
            art.published = parse_date(meta.date[:10])
        art.outlet = meta.sitename or None
    tags = _meta_tags(html)
    art.title = art.title or tags.get("og:title") or tags.get("title")
    art.url = tags.get("canonical") or art.url or tags.get("og:url")
    if art.url and not art.url.startswith(("http://", "https://")):
        art.url = None
    art.outlet = (
        _agency(art.author)
        or credited_outlet(art.text.split("\n")[:10], headed=False)
        or art.outlet
        or tags.get("og:site_name")
        or outlet_from_url(art.url)
    )
    if art.published is None:
        for key in ("article:published_time", "date", "pubdate", "og:published_time"):
            if tags.get(key) and (d := parse_date(tags[key][:10])):
                art.published = d
                break
    if not art.text.strip():
        raise ReadError(f"{path or 'HTML input'}: no article text found in the page")
    return art


_TAG_RE = re.compile(r"<(meta|link|title)\b([^>]*)>(?:([^<]*)</title>)?", re.I)
_ATTR_RE = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")


def _meta_tags(html: str) -> dict[str, str]:
    import html as htmllib

    out: dict[str, str] = {}
    for m in _TAG_RE.finditer(html[:200_000]):
        tag = m.group(1).lower()
        if tag == "title":
            if m.group(3) and "title" not in out:
                out["title"] = htmllib.unescape(m.group(3)).strip()
            continue
        attrs = {
            k.lower(): htmllib.unescape(v.strip("\"'")) for k, v in _ATTR_RE.findall(m.group(2))
        }
        if tag == "link" and attrs.get("rel", "").lower() == "canonical" and attrs.get("href"):
            out.setdefault("canonical", attrs["href"])
        elif tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            if key and attrs.get("content"):
                out.setdefault(key, attrs["content"])
    return out


_BODY_TAG_RE = re.compile(r"<body\b[^<>]*>")


def detect_format(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MD_SUFFIXES:
        return "markdown"
    head = text.lstrip()[:500].lower()
    # a <body> tag, not the bare letters ("# Notes\n\n<BODY" typed in a text file is text)
    if head.startswith(("<!doctype html", "<html")) or _BODY_TAG_RE.search(head):
        return "html"
    return "text"


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of a file, or a ReadError saying why not."""
    if not data.strip():
        raise ReadError(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise ReadError(
            f"{name}: the file is {len(data) / 1e6:.1f} MB, over the "
            f"{_MB} MB limit for an article; split or trim it"
        )
    if b"\x00" in data[:8192]:
        raise ReadError(
            f"{name}: looks like a binary file, not an article (text, Markdown or HTML)"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"{name}: not UTF-8 (bad byte at offset {exc.start}); "
            "re-save it as UTF-8 (e.g. iconv -t UTF-8)"
        ) from None


def read_bytes(data: bytes, name: str = "<stdin>") -> Article:
    text = decode(data, name)
    fmt = detect_format(name, text)
    if fmt == "html":
        return read_html(text, path=name)
    return read_text(text, fmt, path=name)


def read_article(path: str | Path) -> Article:
    """Read one article file (any supported format)."""
    p = Path(path)
    try:
        if p.is_dir():
            kinds = ", ".join(sorted(s for s in ARTICLE_SUFFIXES if s))
            raise ReadError(f"{p}: a folder with no article files ({kinds}) in it")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(
                f"{p}: the file is {size / 1e6:.1f} MB, over the "
                f"{_MB} MB limit for an article; split or trim it"
            )
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"{p}: cannot read ({exc.strerror or exc})") from None
    return read_bytes(data, str(p))


def expand_paths(paths: list[str]) -> list[str]:
    """Files behind the user's arguments: files, folders (their article files), globs, '-'."""
    import glob

    out: list[str] = []
    for arg in paths:
        if arg == "-":
            out.append("-")
            continue
        p = Path(arg)
        if p.is_dir():
            found = [
                str(f)
                for f in sorted(p.rglob("*"))
                if f.is_file()
                and f.suffix.lower() in ARTICLE_SUFFIXES - {""}
                and not f.name.startswith(".")
                and f.name.lower() != "readme.md"
            ]
            out.extend(found or [arg])  # a folder without articles is reported when read
        elif p.exists():
            out.append(str(p))
        else:
            files = [m for m in sorted(glob.glob(arg, recursive=True)) if Path(m).is_file()]
            # Nothing readable (missing, a symlink loop, only folders): a per-file error.
            out.extend(files or [arg])
    return out


def today() -> date:
    return datetime.now().date()
