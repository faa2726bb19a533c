"""Which parts of a saved article are body text, and where its sentences are.

Offsets always refer to the text as read. Headlines, bylines, date lines, photo captions,
"Related article" links and the trailing URL are not evidence and are skipped. A paragraph
that stops mid-sentence (no closing punctuation; a line break inside a sentence, as when a
page is copied from a browser) is joined with the next one, so "in late\\n\\nFebruary 2024"
stays one sentence; an unpunctuated headline, standfirst, caption or byline line ends its own
sentence instead (a short one between paragraphs is a subhead and skipped), and a paragraph
wrapped at a fixed width keeps its sentences whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.extract import prescreen

_TERMINAL = ".!?\"”’'):…"
_CAPTION_START_RE = re.compile(
    r"^(?:\W{0,3})(?:this\s+(?:file\s+)?(?:photograph|photo|picture|image|handout|video\s+grab|grab)|"
    r"photo\s*:|image\s*:|pictured\s*:|caption\s*:|file\s+photo|a\s+handout\s+(?:photo|picture))",
    re.I,
)
_CREDIT_END_RE = re.compile(
    r"(?:\*\*|__)[^*_\n]{2,80}(?:/|©|\bvia\b|photo|credit)[^*_\n]*(?:\*\*|__)\s*$|"
    # a photo caption closed by its credit in brackets: "[Jane Roe/AFP]", "(Getty Images)"
    r"[\[(][^\][()\n]{0,40}(?:/\s*(?:AFP|AP|Reuters|EPA|Getty)|Getty\s+Images|AFP|AP\s+Photo|EPA-EFE|"
    r"Anadolu|via\s+(?:Reuters|AFP|AP|EPA|Getty|Anadolu))[^\][()\n]{0,20}[\])]\s*$|"
    # a caption closed by its credit after the text: "... on the city. Photo: City council",
    # "... near the front | File Photo | Photo Credit: AFP"
    r"(?:\bphoto(?:\s+credit)?\s*:|\|\s*file\s+photo\b)[^.!?\n]{0,60}$",
    re.I,
)
# a short block carrying a photo credit ("... on Kharkiv. Photo: SES", "| Photo Credit: AFP") or
# closed by a map's or picture's credit with a slash ("(DeepState/Open Street Map)")
_CREDIT_IN_RE = re.compile(
    r"\b(?:Photo|Picture)(?:\s+credit)?\s*:\s*\S|\|\s*File\s+Photo\b|"
    r"\([^()\n]{2,40}/[^()\n]{2,40}\)\s*$"
)
_CAPTION_WORDS = 45
# a picture credit with no brackets closing a caption: the photographer's name, a slash and
# the agency ("... in the Donetsk region. Jane ROE / AFP", "...2023.LIBKOS/The Associated
# Press", a credit line alone: "John Doe / TASS")
_SLASH_CREDIT_RE = re.compile(
    r"(?:^|(?<=[\s.]))(?:[A-Z](?:\.|[\w'’-]+)\s*){1,4}/\s*(?i:AFP|AP|Reuters|EPA(?:-EFE)?|TASS|"
    r"Sputnik|RIA\s+Novosti|Getty\s+Images|Anadolu(?:\s+Agency)?|(?:The\s+)?Associated\s+Press|"
    r"Ukrinform|UNIAN|Xinhua)[\s.]*$"
)
_SLASH_CREDIT_TAIL = 90  # characters: four names, a slash and the longest agency name


def _slash_credit(chunk: str) -> re.Match[str] | None:
    """Where a caption's unbracketed "Name / AGENCY" credit begins at the end of a block
    (searched in the last few characters only; the names must be capitalised; a credit in
    brackets is _CREDIT_END's or _CREDIT_IN's)."""
    c = chunk.rstrip()
    start = max(0, len(c) - _SLASH_CREDIT_TAIL)
    if c.find("/", start) < 0:
        return None  # (every match has its slash: a substring test skips the search)
    return _SLASH_CREDIT_RE.search(c, start)


# the same searches, tried only where a credit's first word or mark is (prescreen.Finder)
_CREDIT_END = prescreen.Finder(_CREDIT_END_RE)
_CREDIT_IN = prescreen.Finder(_CREDIT_IN_RE)


def _credited(line: str) -> bool:
    """A short block with a photo or map credit in it is a caption."""
    return len(line.split()) <= _CAPTION_WORDS and _CREDIT_IN.search(line) is not None


_BOILER_RE = re.compile(
    r"^(?:\W{0,4})(?:related(?:\s+articles?|\s+stories)?|read\s+(?:more|also|next)|also\s+read|"
    r"see\s+also|more\s+on\s+this|more\s+stories|recommended|watch\s*:|listen\s*:|"
    r"original\s+url|source|url|advertisement|subscribe|share\s+this|follow\s+us|"
    r"copyright|©)\b",
    re.I,
)
_BYLINE_RE = re.compile(r"^\W{0,3}by\s+\S", re.I)
_URL_ONLY_RE = re.compile(r"^\s*<?https?://\S+>?\s*$")
_IMAGE_RE = re.compile(r"^\s*!\[")
_DATE_LINE_RE = re.compile(
    r"^\W{0,3}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{0,2},?\s*\d{4}\W{0,3}$|"
    r"^\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:]+\S*)?\s*$",
    re.I,
)
# a sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital/quote
# ... or a full stop glued to the next sentence by a bad copy ("the attack.The governor"): a
# lower-case word, the stop, then a capitalised word of three letters or more
_SPLIT_RE = re.compile(
    r"(?<=[.!?])[\"”’)\]*]*\s+(?=[\"“‘(\[*]*[A-Z0-9А-ЯІЇЄ])|(?<=[a-z]{3}[.:])(?=[A-Z][a-z]{2,}\b)"
)
# the same cuts, each match taking the stop before it as well: a pattern opening with a
# class lets the engine skip to the stops instead of trying every position (_cuts drops it)
_STOP_SPLIT_RE = re.compile(
    r"[.!?:](?:(?<=[.!?])[\"”’)\]*]*\s+(?=[\"“‘(\[*]*[A-Z0-9А-ЯІЇЄ])|"
    r"(?<=[a-z]{3}[.:])(?=[A-Z][a-z]{2,}\b))"
)


def _cuts(s: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each _SPLIT_RE match in s[pos:endpos], as its finditer gives them
    (`pos`: 0 or just after a line break; a match right at `pos` needs a stop before it)."""
    end = len(s) if endpos is None else endpos
    return [(m.start() + 1, m.end()) for m in _STOP_SPLIT_RE.finditer(s, pos, end)]


_ATTRIB_AFTER_QUOTE_RE = re.compile(
    r"^[\"”’]\s+[^.?!\"“]{0,80}?\b(?:said|says|asked|wrote|added|told|posted)\b"
)
_ABBREV_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|No|Jr|Sr|Prof|Rep|Sen|Gov|approx|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|E\.U|a\.m|p\.m)\.|"
    r"\b[A-Z]\.)$"
)


_ABBREV_LONGEST = 10  # characters: "approx." and a line break, with room to spare


def _abbreviation_at_end(s: str) -> re.Match[str] | None:
    """_ABBREV_RE.search(s), tried on the last few characters only: every match ends the
    string (the word boundary before it still sees the character before the window)."""
    return _ABBREV_RE.search(s, max(0, len(s) - _ABBREV_LONGEST))


# a run of non-blank lines; a Markdown list item or quote line starts a new block
# a line starting with a list marker ("-", "*", "1.", and the typographic "•" of copied web
# pages) starts a new block
# ... and so does a label line of Ukrainian outlets' house style ("Source: ...", "Quote: ...",
# "Quote from the police: ...": a quotation under a "Source:" line is evidence, not the label)
_BLOCK_RE = re.compile(
    r"[^\n]+(?:\n(?![ \t]*(?:[-*+>•·▪]|\d+[.)])\s)(?![ \t]*(?:Sources?|Quote|Details|Updated?|"
    r"Background|Context)(?:\s+from\s[^:\n]{1,60})?\s*:)[ \t]*[^\s][^\n]*)*"
)
_LINE_RE = re.compile(r"[^\n]+")
_ITEM_RE = re.compile(r"[ \t]*[•·▪][ \t]+")
_LAST_WORD_RE = re.compile(r"([A-Za-z]+)\W*$")


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: str  # body | heading | title | meta | caption | boilerplate | table


def blocks(text: str, *, has_header: bool = True, title: str | None = None) -> list[Block]:
    """Paragraph blocks with what each one is. Saved text/Markdown: runs of non-blank lines;
    extracted HTML text (has_header=False): one paragraph a line."""
    out: list[Block] = []
    pat = _BLOCK_RE if has_header else _LINE_RE
    norm_title = " ".join(title.split()).casefold() if title else None
    for s, e in _caption_heads(text, _title_split(text, pat, norm_title)):
        chunk = text[s:e]
        line = chunk.strip()
        if not line:
            continue
        kind = "body"
        if norm_title and " ".join(line.split()).casefold() == norm_title:
            # a saved page repeats its headline below the masthead, or inside the first
            # paragraph ("Section name\nHeadline"): not body text
            kind = "title"
        elif line.startswith("#"):
            first_h1 = not line.startswith("##") and not any(b.kind == "title" for b in out)
            kind = "title" if first_h1 else "heading"
        elif _URL_ONLY_RE.match(line) or _BOILER_RE.match(line) or _IMAGE_RE.match(line):
            kind = "boilerplate"
        elif all(ln.strip().startswith("|") for ln in chunk.splitlines() if ln.strip()):
            kind = "table"  # a Markdown table: read row by row (tables.py), not as prose
        elif (
            has_header
            and len(out) < 6
            and not any(b.kind == "body" for b in out)
            and (_BYLINE_RE.match(line) and len(line) < 120 or _DATE_LINE_RE.match(line))
        ):
            kind = "meta"
        elif _is_caption(line):
            kind = "caption"
            cut = _caption_cut(text, s, e)
            if cut is not None:
                out.append(Block(s, cut, "body"))
                s = cut
        out.append(Block(s, e, kind))
    return out


# a lede sentence or more before a photo caption glued to its paragraph: a caption is one
# short description, so a paragraph's worth of words before its last sentence is body text
_LEDE_WORDS = 20


def _caption_cut(text: str, s: int, e: int) -> int | None:
    """Where a caption credited at the end of a block begins, when body sentences come
    before it in the same paragraph or on the lines above ("The governor said rockets hit the
    market. A woman walks past a burned kiosk ... (via AFP)"); None: all of it is caption."""
    chunk = text[s:e].rstrip()
    credit = _CREDIT_END.search(chunk)
    if credit is None and _CREDIT_IN.search(chunk) is None:
        credit = _slash_credit(chunk)  # (a "Picture: NAME/AGENCY" line is one credit)
    if credit is None or _CAPTION_START_RE.match(chunk) or _BYLINE_RE.match(chunk):
        return None
    line = chunk.rfind("\n", 0, credit.start()) + 1
    cut = line or None  # (a standfirst line above a caption line)
    for c0, c1 in _cuts(chunk, line, credit.start()):
        if not _abbreviation_at_end(chunk[:c0].rstrip('"”’)]*')):
            cut = c1
    if cut is None or len(chunk[:cut].split()) < _LEDE_WORDS:
        return None
    return s + cut


def _title_split(text: str, pat: re.Pattern[str], norm_title: str | None) -> list[tuple[int, int]]:
    """The block spans, with a block cut after a line repeating the headline (the lines up to
    it are one span, the rest another)."""
    out: list[tuple[int, int]] = []
    for m in pat.finditer(text):
        s, e = m.span()
        if norm_title and "\n" in text[s:e]:
            for lm in _LINE_RE.finditer(text, s, e):
                if " ".join(lm.group(0).split()).casefold() == norm_title:
                    if lm.start() > s:
                        out.append((s, lm.start() - 1))
                    out.append((lm.start(), lm.end()))
                    s = lm.end() + 1
        if s < e:
            out.append((s, e))
    return out


def _is_caption(line: str) -> bool:
    return bool(
        _CAPTION_START_RE.match(line)
        or _CREDIT_END.search(line)
        or _credited(line)
        or _slash_credit(line)
    )


def _caption_heads(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, with a photo caption on the first line of a paragraph split off from the
    body lines under it ("A crew clears rubble. Picture: AGENCY/WIRE" + "Kyiv - ...")."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        nl = text.find("\n", s, e)
        if nl > 0 and text[nl:e].strip() and _is_caption(text[s:nl].strip()):
            out += [(s, nl), (nl + 1, e)]
        else:
            out.append((s, e))
    return out


def _ends_sentence(chunk: str) -> bool:
    """A block ends its sentence unless it stops on a lower-case word with no punctuation
    ("... since Avdiivka in late" + "February 2024, ..."); a headline ends capitalised."""
    c = chunk.rstrip().rstrip("*_")
    if not c or c[-1] in _TERMINAL or _ITEM_RE.match(chunk):
        return True  # (a list item ends with its line, punctuated or not)
    m = _LAST_WORD_RE.search(c)
    return not (m and m.group(1)[0].islower() and c[-1].isalpha())


# a paragraph cut off by a blank line goes on in the next one only when it stops on a word
# that needs a next one ("... since Avdiivka in late" + "February 2024") or the next one opens
# in lower case or on a comma; an unpunctuated headline, subhead, byline or photo caption
# ("Troops push into the Sumy region" + "More than two years ...") ends at the blank line
_RUNS_ON_END_RE = re.compile(r"\b(?:late|early|mid|since|until|about|over|after|before)$", re.I)
_RUNS_ON_START_RE = re.compile(r"^[\s*_\"“‘(]*(?:[a-z]|[,;:)\-–—])")
_HEAD_SAYS_RE = re.compile(r",\s+(?:\S+\s+){0,4}(?:says|said)$")


def _runs_on(chunk: str, nxt: str) -> bool:
    """Whether a block that ends with no closing punctuation is continued by the next one."""
    if _RUNS_ON_START_RE.match(nxt):
        return True
    tail = chunk.rstrip().rstrip("*_").rstrip()
    if _HEAD_SAYS_RE.search(tail):
        return False  # a headline's attribution: "Troops take X, military says"
    return bool(_OPEN_END_RE.search(tail) or _RUNS_ON_END_RE.search(tail))


def _subhead(chunk: str) -> bool:
    """A short unpunctuated line standing alone between paragraphs is a subheading (what
    the section below says again in full), not evidence of its own."""
    line = chunk.strip()
    return "\n" not in line and len(line.split()) <= _HEAD_WORDS


def paragraphs(
    text: str, *, has_header: bool = True, title: str | None = None
) -> list[tuple[int, int]]:
    """Body paragraphs as spans; a paragraph broken mid-sentence is joined with the next."""
    out: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for b in blocks(text, has_header=has_header, title=title):
        if b.kind != "body":
            if pending:
                out.append(pending)
                pending = None
            continue
        start = b.start
        if pending and _runs_on(text[pending[0] : pending[1]], text[b.start : b.end]):
            start = pending[0]
        elif pending and not _subhead(text[pending[0] : pending[1]]):
            out.append(pending)  # a standfirst or caption line: its own sentence
        pending = None
        if _ends_sentence(text[b.start : b.end]):
            out.append((start, b.end))
        else:
            pending = (start, b.end)
    if pending:
        out.append(pending)
    return out


def sentences(
    text: str, *, has_header: bool = True, title: str | None = None
) -> list[tuple[int, int]]:
    """Sentence spans of the body text, in order."""
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text, has_header=has_header, title=title):
        para = text[ps:pe]
        cur = 0
        cuts = _cuts(para)
        for a, b in sorted(cuts + _headline_breaks(para)):
            if a < cur:
                continue
            if _abbreviated(para, cur, a, b):
                continue
            if para[a - 1] in "?!" and _ATTRIB_AFTER_QUOTE_RE.match(para[a:]):
                continue  # '"...?" Russian correspondent X said': one sentence
            out.append((ps + cur, ps + a))
            cur = b
        out.append((ps + cur, pe))
    head = _headline_re(title)
    spans = (_trim(text, s, e) for s, e in out)
    return [(s, e) for s, e in (_behind_headline(text, s, e, head) for s, e in spans) if e > s]


# a headline worth looking for in the body: four words or more (a two-word title is a label)
_HEADLINE_WORDS = 4


def _headline_re(title: str | None) -> re.Pattern[str] | None:
    """The article's headline as a pattern matching it word for word at a sentence start
    (any spacing or punctuation between its words), or None."""
    words = re.findall(r"\w+", title or "")
    if len(words) < _HEADLINE_WORDS:
        return None
    return re.compile(r"\W*" + r"\W+".join(map(re.escape, words)) + r"\b", re.I)


def _behind_headline(text: str, s: int, e: int, head: re.Pattern[str] | None) -> tuple[int, int]:
    """A sentence's span without the headline a copied page pasted into the body: the whole
    sentence when it is the unpunctuated headline ("... in the area. Troops push into the
    region"), the start when the standfirst follows it with no stop ("... injures dozens The
    victims include ..."). A sentence that only opens with the headline's words and goes on
    ("..., officials said.") keeps them."""
    m = head.match(text, s, e) if head else None
    if m is None:
        return s, e
    rest = text[m.end() : e]
    if not rest.strip(" \t\n*_"):
        return s, s  # (the headline alone, no stop: not evidence)
    if re.match(r"[ \t]*\n?[ \t]*[\"“‘]?[A-Z]", rest):
        return _trim(text, m.end(), e)
    return s, e


# a line with no closing punctuation that ends a headline or subheading, not a sentence
# wrapped mid-way: the next line starts a new sentence when this one is short or in title case
# and does not stop on a word that needs a next one ("of", "the", "and")
_HEAD_LINE_RE = re.compile(
    r"^[ \t]*([^\n]*[^\s.!?\"”’'):…,;:\-–—*_])[ \t*_]*\n(?=[ \t*_]*[\"“‘A-Z])", re.M
)
_OPEN_END_RE = re.compile(
    r"\b(?:of|the|a|an|and|or|but|in|on|at|to|from|by|with|for|near|into|than|that|as|its|"
    r"their|his|her|is|are|was|were|has|have|had|will|would|said|says|\w+['’]s)$",
    re.I,
)
_HEAD_WORDS = 12


def _headline_breaks(para: str) -> list[tuple[int, int]]:
    """Line breaks that end a headline-like line inside a paragraph ("Russian troops take X
    and push west" + "ISW says ..."), as (end, next start) offsets."""
    out: list[tuple[int, int]] = []
    if "\n" not in para:
        return out  # (every match ends a line inside the paragraph)
    # a fixed-width wrap is at least as wide as the paragraph's longest line (and no one
    # wraps text narrower than _NARROWEST characters)
    width = max(_NARROWEST, *(len(ln.rstrip()) for ln in para.split("\n")))
    for m in _HEAD_LINE_RE.finditer(para):
        # (only the line's last sentence: "... on 25 September. Picture: X/REUTERS")
        tail = re.split(r"[.!?][\"”’)\]]*\s+", m.group(1))[-1]
        line = m.group(1)
        before = para[: m.start(1)].rstrip()
        fresh = (
            tail != line or before[-1:] in ("", *_TERMINAL) or bool(out and out[-1][1] == m.start())
        )
        if _OPEN_END_RE.search(tail) or not fresh:
            continue  # (a line that starts mid-sentence is a wrapped one)
        if _head_line(line, tail, width, para[m.end() :]):
            out.append((m.end(1), m.end()))
    return sorted(set(out + _stamp_breaks(para)))


# a time stamp on its own line ("09:18 GMT 02.03.2023 (Updated: 09:58 GMT)", "16:47
# 18.03.2025") is page furniture: a sentence ends before and after it
_STAMP_RE = re.compile(r"\d{1,2}:\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_STAMP_WORDS = 3


def _stamp_breaks(para: str) -> list[tuple[int, int]]:
    """(end, next start) of the line breaks around a time-stamp line inside a paragraph."""
    out: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(para):
        line = m.group(0).strip()
        if len(line) > 80 or not _STAMP_RE.search(line):
            continue
        if len(re.findall(r"[^\W\d_]{2,}", line)) > _STAMP_WORDS:
            continue
        if m.start() > 0:
            out.append((m.start() - 1, m.start()))
        if m.end() < len(para.rstrip()):
            out.append((m.end(), m.end() + 1))
    return out


# a line longer than any fixed-width wrap (72-80 characters) that stops unpunctuated is a
# standfirst or subhead, not a wrapped sentence
_UNWRAPPED = 100
_NARROWEST = 60


def _head_line(line: str, tail: str, width: int, rest: str) -> bool:
    """Whether an unpunctuated line ends a headline, byline or standfirst: in title case,
    short, a byline, or too long to be a wrapped line; never a line filled up to the
    paragraph's width (its next word did not fit: a fixed-width wrap)."""
    nxt = rest.split(maxsplit=1)[0] if rest.split() else ""
    if len(line) + 1 + len(nxt) > width and len(line) <= _UNWRAPPED:
        return False
    long = [w for w in tail.split() if len(w) > 3]
    titled = len(long) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in long)
    short = len(line.split()) <= _HEAD_WORDS and line[-1].isalnum() and _balanced(line)
    byline = _BYLINE_RE.match(line) is not None and len(line) < 120
    return titled or short or byline or len(line) > _UNWRAPPED


def _abbreviated(para: str, cur: int, a: int, b: int) -> bool:
    """Whether the stop before a cut ends an abbreviation, not the sentence; a lone capital
    ending its line ("... said on X." + a new line) is a word, not a name's initial."""
    m = _abbreviation_at_end(para[cur:a].rstrip('"”’)]*'))
    if m is None:
        return False
    return not ("\n" in para[a:b] and re.fullmatch(r"[A-Z]\.", m.group(0)))


def _balanced(line: str) -> bool:
    """No bracket or quotation left open on the line (a wrapped sentence often has one)."""
    return (
        line.count("(") == line.count(")")
        and line.count('"') % 2 == 0
        and (line.count("“") == line.count("”"))
    )


_BULLET_RE = re.compile(r"[ \t]*(?:[-*+>•·▪]|\d+[.)])[ \t]+")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _BULLET_RE.match(text[s:e])
    if m:  # list bullet / block-quote marker
        s += m.end()
    while s < e and text[s] in " \t\n*_":
        s += 1
    while e > s and text[e - 1] in " \t\n*_":
        e -= 1
    return s, e
