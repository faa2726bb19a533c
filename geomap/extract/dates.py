# ruff: noqa: E501  (expression shapes: one pattern per line reads better unwrapped)
"""Date expressions in reporting, resolved against the publication date.

Reporters date events relative to the day they file: "Friday" is the most recent Friday on or
before publication, "overnight" is the publication day, "last month" / "last July" are
month-precise, "late February 2024" is February 2024. Each hit carries its span so the claim
builder can take the expression nearest to the place it dates. The words and what they stand
for are data in rules/dates.toml (each entry's examples carry the date they must get); the
shapes of the expressions and how each kind resolves stay here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from geomap.extract import prescreen
from geomap.extract.rules import WordRule, default_date_words, need

# the words live in rules/dates.toml (one entry per word list, with dated examples); the
# shapes of the expressions (numbers, years, prepositions) stay here
_WORDS = default_date_words()
_MONTH_NAME = need(_WORDS, "date.month-name")
_MONTH_ABBR = need(_WORDS, "date.month-abbreviation")
_WEEKDAY = need(_WORDS, "date.weekday")
_SEASON = need(_WORDS, "date.season")
_COUNT = need(_WORDS, "date.count")
_PARTS = need(_WORDS, "date.part")
_RELATIVE_DAY = need(_WORDS, "date.relative-day")
_WINDOW = need(_WORDS, "date.window")
_THIS, _LAST = need(_WORDS, "date.this"), need(_WORDS, "date.last")
_PAST, _PREVIOUS = need(_WORDS, "date.past"), need(_WORDS, "date.previous")

MONTH_NAMES = [w.lower() for w in _MONTH_NAME.words]
_MONTH = {w.lower(): v for r in (_MONTH_NAME, _MONTH_ABBR) for w, v in zip(r.words, r.values, strict=True)}  # fmt: skip

_MON = rf"(?:{_MONTH_NAME.alternation}|{_MONTH_ABBR.alternation})\.?"
_FULL_MON = rf"(?:{_MONTH_NAME.alternation})"
_WD = rf"(?:{_WEEKDAY.alternation})"
_EML = rf"(?:{_PARTS.alternation})"  # early | mid | late
_PART = rf"(?:(?:{_PARTS.alternation}|{need(_WORDS, 'date.part-phrase').alternation})[\s-]+)"
_REL_LTP = rf"{_LAST.alternation}|{_THIS.alternation}|{_PAST.alternation}"  # last|this|past
_WEEK = (
    rf"(?P<ew>{need(_WORDS, 'date.earlier-this-week').alternation})|"
    rf"(?P<we>{need(_WORDS, 'date.weekend').alternation})|"
    rf"(?P<lw>{need(_WORDS, 'date.last-weekend').alternation})"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "mdy",
        re.compile(
            rf"\b(?P<mon>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:(?:\s+and\s+|[-–])(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?,?\s+(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    ("my", re.compile(rf"\b{_PART}?(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b", re.I)),
    (
        "md",
        re.compile(
            rf"\b(?P<mon>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:(?:\s+and\s+|[-–])(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,.]?\d|\s+[a-z]))?(?!\s*,?\s*(?:19|20)\d\d)"
        ),
    ),
    (
        "dm",
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\b(?!\s*,?\s*(?:19|20)\d\d)"
        ),
    ),
    (
        "mon_last_year",
        re.compile(
            rf"\b(?:in\s+|by\s+)?(?P<mon>{_MON})\s+(?P<rel>{_LAST.alternation}|{_THIS.alternation})\s+year\b",
            re.I,
        ),
    ),
    (
        "last_mon",
        re.compile(
            rf"\b(?P<rel>{_LAST.alternation}|{_THIS.alternation}|{_EML}[\s-]+{_LAST.alternation}|{_PAST.alternation})\s+(?P<mon>{_MON})(?!\s+\d)",
            re.I,
        ),
    ),
    (
        "bare_mon",
        re.compile(
            rf"\b(?i:in|since|by|until|from|during|through|of|throughout)\s+(?:the\s+)?{_PART}?(?P<mon>{_FULL_MON})\b(?!\s*,?\s*(?:19|20)\d\d|\s+\d)"
        ),
    ),
    (
        "part_mon",
        re.compile(rf"\b{_EML}[\s-]+(?P<mon>{_FULL_MON})\b(?!\s*,?\s*\d)"),
    ),
    # "since the spring", "in the summer of 2024", "last autumn": from the season's first month
    (
        "season",
        re.compile(
            rf"\b(?:(?:since|in|during)\s+(?:the\s+)?(?:(?P<part>{_EML})[\s-]+)?|(?P<rel>{_REL_LTP})\s+)(?P<s>{_SEASON.alternation})\b(?:\s+of\s+(?P<y>(?:19|20)\d\d)\b)?(?!\s+of\s+[A-Z])",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:on\s+|(?P<last>{_LAST.alternation})\s+|{_THIS.alternation}\s+|(?P<into>into\s+(?:early\s+)?))?(?P<wd>{_WD})(?:\s+(?:{need(_WORDS, 'date.day-part').alternation}))?\b"
        ),
    ),
    ("rel_day", re.compile(rf"\b(?P<w>{_RELATIVE_DAY.alternation})\b", re.I)),
    # "over the past week": a period up to the statement (before "past week" is read alone)
    ("window", re.compile(rf"\b(?P<w>{_WINDOW.alternation})\b", re.I)),
    # "earlier this week", "at the weekend": before the publication day, inside its week
    ("this_week", re.compile(rf"\b(?P<w>{_WEEK})\b", re.I)),
    (
        "rel_period",
        re.compile(
            rf"\b(?P<w>{_REL_LTP}|{_PREVIOUS.alternation})\s+(?P<u>week|month|year)\b", re.I
        ),
    ),
    (
        "ago",
        re.compile(
            rf"\b(?P<n>\d+|{_COUNT.alternation})\s+(?P<u>days?|weeks?|months?|years?)\s+ago\b",
            re.I,
        ),
    ),
    # "a week after troops took X", "came two days after Y": the earlier event, counted back
    # from publication (dating.py lets it date only what follows it in its clause)
    (
        "after",
        re.compile(
            rf"\b(?P<n>\d+|{_COUNT.alternation})\s+(?P<u>days?|weeks?|months?)\s+after\b", re.I
        ),
    ),
    ("year", re.compile(rf"\b(?:in|since|by|during|of|{_EML}-?)\s+(?P<y>(?:19|20)\d\d)\b")),
]
# a period up to the statement ("over the past week"): the statement's day when named
WINDOW_RE = re.compile(rf"(?i)^(?:{_WINDOW.alternation})$")
# a weekday named anywhere (any case): the day a statement was made
WEEKDAY_RE = re.compile(rf"(?i)\b(?:{_WEEKDAY.alternation})\b")
_SEASON_START = {w.lower(): v for w, v in zip(_SEASON.words, _SEASON.values, strict=True)}
_BACK = {w.lower(): v for r in (_THIS, _LAST, _PAST, _PREVIOUS) for w, v in zip(r.words, r.values, strict=True)}  # fmt: skip


def _is(rule: WordRule, word: str | None) -> bool:
    """Whether `word` is one of the entry's literal words (any case)."""
    return (word or "").lower() in rule.lower_words


@dataclass(frozen=True)
class DateHit:
    """One date expression: its span in the searched text, the resolved date and precision."""

    start: int
    end: int
    value: date
    precision: str  # day | month | year
    text: str


def _month_of(s: str) -> int:
    key = s.lower().rstrip(".")
    return _MONTH.get(key) or _MONTH[key[:3]]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _back_months(pub: date, n: int) -> date:
    idx = pub.year * 12 + pub.month - 1 - n
    return date(idx // 12, idx % 12 + 1, 1)


def _season(g: dict[str, str | None], pub: date) -> tuple[date, str]:
    """ "last winter", "in early spring 2024": the first month of the season (part)."""
    part = g.get("part")
    m = _SEASON_START[g["s"].lower()] + (_PARTS.value_of(part) if part else 0)
    m = (m - 1) % 12 + 1
    if g.get("y"):
        y = int(g["y"]) + (1 if m < _SEASON_START[g["s"].lower()] else 0)
        return date(y, m, 1), "month"
    start = _SEASON_START[g["s"].lower()]
    back = (pub.month - start) % 12  # months since the season last began
    rel = g.get("rel")
    if _is(_LAST, rel) and back < 3:
        back += 12  # "last winter", said in winter: the one before
    elif _is(_THIS, rel) and back > 8:
        back -= 12  # "this winter", said in November: the coming one (a future date)
    d = _back_months(pub, back)
    if m != start:
        d = _back_months(d, -((m - start) % 12))
    return d, "month"


def _resolve(kind: str, g: dict[str, str | None], pub: date) -> tuple[date, str] | None:
    """The date (and precision) a matched expression of `kind` names, seen from `pub`."""
    if kind in _RELATIVE_KINDS:
        return _resolve_relative(kind, g, pub)
    return _resolve_calendar(kind, g, pub)


_RELATIVE_KINDS = frozenset(
    {"weekday", "rel_day", "window", "season", "this_week", "rel_period", "ago", "after"}
)


def _last_day(g: dict[str, str | None]) -> int:
    """The day of a date, or the later of two ("June 9 and 10", "June 9-10"; not "June 9-5")."""
    d, d2 = int(g["d"] or 0), int(g.get("d2") or 0)
    return d2 if d2 > d else d


def _resolve_calendar(kind: str, g: dict[str, str | None], pub: date) -> tuple[date, str] | None:
    """Dates written with a month or a year ("12 January 2023", "last July", "2022")."""
    if kind == "iso":
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, "day") if d else None
    if kind in ("mdy", "dmy"):
        dd = _last_day(g)  # "June 9 and 10, 2024": the later day
        d = _safe(int(g["y"]), _month_of(g["mon"]), dd)
        return (d, "day") if d else None
    if kind == "my":
        return date(int(g["y"]), _month_of(g["mon"]), 1), "month"
    if kind in ("md", "dm"):
        # "fighting on June 9 and 10", "the night of June 9-10": the later day (as "9-10 June")
        m, dd = _month_of(g["mon"]), _last_day(g)
        d = _safe(pub.year, m, dd)
        if d and d > pub:
            d = _safe(pub.year - 1, m, dd)
        return (d, "day") if d else None
    if kind == "mon_last_year":
        y = pub.year - _BACK[g["rel"].lower()]
        return date(y, _month_of(g["mon"]), 1), "month"
    if kind == "last_mon":
        m = _month_of(g["mon"])
        if _is(_THIS, g["rel"]):
            y = pub.year
        else:  # "last July": the most recent July strictly before the current month
            y = pub.year if m < pub.month else pub.year - 1
        return date(y, m, 1), "month"
    if kind in ("bare_mon", "part_mon"):  # the most recent such month, this one included
        m = _month_of(g["mon"])
        y = pub.year if m <= pub.month else pub.year - 1
        return date(y, m, 1), "month"
    if kind == "year":
        return date(int(g["y"]), 1, 1), "year"
    return None


def _resolve_relative(kind: str, g: dict[str, str | None], pub: date) -> tuple[date, str] | None:
    """Dates relative to publication ("Thursday", "yesterday", "last winter", "two weeks
    ago"): a weekday is the latest such day on or before the publication day."""
    if kind == "weekday":
        wd = _WEEKDAY.value_of(g["wd"])
        back = (pub.weekday() - wd) % 7
        if back == 0 and g.get("last"):
            back = 7  # "last Thursday" in a Thursday paper: a week ago
        elif back == 6 and g.get("into"):
            back = 0  # "overnight into Monday" filed on Sunday (a time zone behind): that night
        return pub - timedelta(days=back), "day"
    if kind == "rel_day":
        return pub + timedelta(days=_RELATIVE_DAY.value_of(g["w"])), "day"
    if kind == "window":
        return pub + timedelta(days=_WINDOW.value_of(g["w"])), "day"
    if kind == "season":
        return _season(g, pub)
    if kind == "this_week":
        if not g.get("ew"):  # a weekend: the latest Saturday before publication (or now)
            back = (pub.weekday() - 5) % 7
            if g.get("lw") and back < 2:
                back += 7
            return pub - timedelta(days=back), "day"
        # "earlier this week": the day before publication, not before the week's Monday
        return pub - timedelta(days=min(1, pub.weekday())), "day"
    if kind == "rel_period":
        back, u = _BACK[g["w"].lower()], g["u"].lower()
        if u == "week":
            return pub - timedelta(days=7 * back), "day"
        if u == "month":
            return _back_months(pub, back), "month"
        return date(pub.year - back, 1, 1), "year"
    if kind in ("ago", "after"):
        n = int(g["n"]) if g["n"].isdigit() else _COUNT.value_of(g["n"])
        u = g["u"].lower().rstrip("s")
        if u == "day":
            return pub - timedelta(days=n), "day"
        if u == "week":
            return pub - timedelta(days=7 * n), "day"
        if u == "month":
            return _back_months(pub, n), "month"
        # "a year ago": the same month, n years back (as precise as the writer's count)
        return _back_months(pub, 12 * n), "month"
    return None


_MONTH_PREFIXES = sorted({m[:3] for m in MONTH_NAMES})  # "jan" ... "dec"
_LOWER = {r.id: [w.lower() for w in r.words] for r in (_WEEKDAY, _SEASON, _RELATIVE_DAY)}
_TRIGGERS = {
    *_MONTH_PREFIXES,
    *(w for ws in _LOWER.values() for w in ws),
    *need(_WORDS, "date.day-part").words,
    *("day", "week", "month", "year", "ago"),
}
# a text without a digit or one of these cannot hold a date expression (the hot path); a word
# holding another ("yesterday": "day") adds nothing
_TRIGGER = prescreen.Words(_TRIGGERS, also=r"\d")
_DIGIT_RE = re.compile(r"\d")


# the relative days as three groups: those holding "day", those holding "night", the rest
# (a group is tested only when the text holds its word: the same answer, fewer scans)
_REL_DAY_DAY = tuple(w for w in _LOWER["date.relative-day"] if "day" in w)
_REL_DAY_NIGHT = tuple(w for w in _LOWER["date.relative-day"] if "night" in w and "day" not in w)
_REL_DAY_REST = tuple(
    w for w in _LOWER["date.relative-day"] if w not in _REL_DAY_DAY and w not in _REL_DAY_NIGHT
)
# a string every weekday holds ("day"; "" when the lexicon has one without it)
_WEEKDAY_PART = "day" if all("day" in w for w in _LOWER["date.weekday"]) else ""


def _needs(text: str) -> dict[str, bool]:
    """Cheap per-text preconditions so only patterns that can match are run (hot path)."""
    low = text.lower()
    month = any(map(low.__contains__, _MONTH_PREFIXES))  # (substring tests, not a regex)
    if text.isascii():  # \d is [0-9] there: ten substring tests cost less than the regex
        digit = any(map(text.__contains__, "0123456789"))
    else:
        digit = bool(_DIGIT_RE.search(text))
    day, night = "day" in low, "night" in low  # (in every weekday, in most relative days)
    return {
        "iso": digit and "-" in text,
        "mdy": month and digit,
        "dmy": month and digit,
        "my": month and digit,
        "md": month and digit,
        "dm": month and digit,
        "mon_last_year": month and "year" in low,
        "last_mon": month,
        "bare_mon": month,
        "part_mon": month,
        "weekday": _WEEKDAY_PART in low and any(map(low.__contains__, _LOWER["date.weekday"])),
        "season": any(map(low.__contains__, _LOWER["date.season"])),
        "rel_day": (day and any(map(low.__contains__, _REL_DAY_DAY)))
        or (night and any(map(low.__contains__, _REL_DAY_NIGHT)))
        or any(map(low.__contains__, _REL_DAY_REST)),
        "window": "past" in low or "last" in low or "recent" in low,
        "this_week": "week" in low,
        "rel_period": any(map(low.__contains__, ("week", "month", "year"))),
        "ago": "ago" in low,
        "after": "after" in low,
        "year": digit,
    }


# each pattern tried only where one of the words its matches begin with does (the same
# matches; most patterns open with \b or an optional word, which the engine would otherwise
# try at every position)
_FINDERS = [(kind, prescreen.Finder(pat)) for kind, pat in _PATTERNS]


def find_dates(text: str, published: date) -> list[DateHit]:
    """Every date expression in `text`, resolved against `published`; overlapping hits: first
    (most specific) pattern wins."""
    if not _TRIGGER.found_in(text):
        return []
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    needs = _needs(text)
    for kind, pat in _FINDERS:
        if not needs[kind]:
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            try:
                res = _resolve(kind, m.groupdict(), published)
            except (KeyError, ValueError):
                res = None
            if res is None:
                continue
            if kind == "weekday" and res[0] > published:
                continue
            hits.append(DateHit(s, e, res[0], res[1], m.group(0)))
            taken.append((s, e))
    hits.sort(key=lambda h: h.start)
    return hits
