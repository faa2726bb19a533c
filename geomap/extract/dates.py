# ruff: noqa: E501  (lexicon tables: one phrase family per line reads better unwrapped)
"""Date expressions in reporting, resolved against the publication date.

Reporters date events relative to the day they file: "Friday" is the most recent Friday on or
before publication, "overnight" is the publication day, "last month" / "last July" are
month-precise, "late February 2024" is February 2024. Each hit carries its span so the claim
builder can take the expression nearest to the place it dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
_MONTH.update({m[:3]: i for m, i in list(_MONTH.items())})
_MONTH["sept"] = 9
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:(?:early|mid|late|the end of|the start of|the beginning of|the middle of)[\s-]+)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "mdy",
        re.compile(
            rf"\b(?P<mon>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"
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
            rf"\b(?P<mon>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)"
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
        re.compile(rf"\b(?:in\s+|by\s+)?(?P<mon>{_MON})\s+(?P<rel>last|this)\s+year\b", re.I),
    ),
    (
        "last_mon",
        re.compile(
            rf"\b(?P<rel>last|this|(?:early|mid|late)[\s-]+last|past)\s+(?P<mon>{_MON})(?!\s+\d)",
            re.I,
        ),
    ),
    (
        "bare_mon",
        re.compile(
            rf"\b(?i:in|since|by|until|from|during|through|of|throughout)\s+(?:the\s+)?{_PART}?(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December))\b(?!\s*,?\s*(?:19|20)\d\d|\s+\d)"
        ),
    ),
    (
        "part_mon",
        re.compile(
            r"\b(?:early|mid|late)[\s-]+(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December))\b(?!\s*,?\s*\d)"
        ),
    ),
    # "since the spring", "in the summer of 2024", "last autumn": from the season's first month
    (
        "season",
        re.compile(
            r"\b(?:(?:since|in|during)\s+(?:the\s+)?(?:(?P<part>early|late|mid)[\s-]+)?|(?P<rel>last|this|past)\s+)(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+of\s+(?P<y>(?:19|20)\d\d)\b)?(?!\s+of\s+[A-Z])",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:on\s+|last\s+|this\s+)?(?P<wd>{_WD})(?:\s+(?:night|morning|evening|afternoon))?\b"
        ),
    ),
    (
        "rel_day",
        re.compile(
            r"\b(?P<w>overnight|today|tonight|yesterday|this morning|this evening|"
            r"last night|earlier today|the day before|a day earlier|a day before|the previous day|"
            r"the day prior)\b",
            re.I,
        ),
    ),
    # "earlier this week", "at the weekend": before the publication day, inside its week
    (
        "this_week",
        re.compile(
            r"\b(?P<w>earlier\s+(?:this|in\s+the)\s+week|(?:at|over|during|on)\s+the\s+weekend|(?:last|this|past)\s+weekend)\b",
            re.I,
        ),
    ),
    (
        "rel_period",
        re.compile(r"\b(?P<w>last|this|past|previous)\s+(?P<u>week|month|year)\b", re.I),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|ten)\s+(?P<u>days?|weeks?|months?|years?)\s+ago\b",
            re.I,
        ),
    ),
    ("year", re.compile(r"\b(?:in|since|by|during|of|early|late|mid-?)\s+(?P<y>(?:19|20)\d\d)\b")),
]
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_NUM = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
}


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
    part = (g.get("part") or "").lower()
    m = _SEASON_START[g["s"].lower()] + (2 if part == "late" else 1 if part == "mid" else 0)
    m = (m - 1) % 12 + 1
    if g.get("y"):
        y = int(g["y"]) + (1 if m < _SEASON_START[g["s"].lower()] else 0)
        return date(y, m, 1), "month"
    start = _SEASON_START[g["s"].lower()]
    back = (pub.month - start) % 12  # months since the season last began
    rel = (g.get("rel") or "").lower()
    if rel == "last" and back < 3:
        back += 12  # "last winter", said in winter: the one before
    elif rel == "this" and back > 8:
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


_RELATIVE_KINDS = frozenset({"weekday", "rel_day", "season", "this_week", "rel_period", "ago"})


def _resolve_calendar(kind: str, g: dict[str, str | None], pub: date) -> tuple[date, str] | None:
    """Dates written with a month or a year ("12 January 2023", "last July", "2022")."""
    if kind == "iso":
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, "day") if d else None
    if kind in ("mdy", "dmy"):
        d = _safe(int(g["y"]), _month_of(g["mon"]), int(g["d"]))
        return (d, "day") if d else None
    if kind == "my":
        return date(int(g["y"]), _month_of(g["mon"]), 1), "month"
    if kind in ("md", "dm"):
        m, dd = _month_of(g["mon"]), int(g["d"])
        d = _safe(pub.year, m, dd)
        if d and d > pub:
            d = _safe(pub.year - 1, m, dd)
        return (d, "day") if d else None
    if kind == "mon_last_year":
        y = pub.year - 1 if g["rel"].lower() == "last" else pub.year
        return date(y, _month_of(g["mon"]), 1), "month"
    if kind == "last_mon":
        m = _month_of(g["mon"])
        rel = g["rel"].lower()
        if rel == "this":
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
        wd = _WEEKDAYS.index(g["wd"].lower())
        back = (pub.weekday() - wd) % 7
        return pub - timedelta(days=back), "day"
    if kind == "rel_day":
        w = g["w"].lower()
        if w in (
            "yesterday",
            "the day before",
            "a day earlier",
            "a day before",
            "the previous day",
            "the day prior",
        ):
            return pub - timedelta(days=1), "day"
        return pub, "day"
    if kind == "season":
        return _season(g, pub)
    if kind == "this_week":
        w = g["w"].lower()
        if "weekend" in w:  # the latest Saturday before publication (that weekend if now)
            back = (pub.weekday() - 5) % 7
            if w.startswith("last") and back < 2:
                back += 7
            return pub - timedelta(days=back), "day"
        # "earlier this week": the day before publication, not before the week's Monday
        return pub - timedelta(days=min(1, pub.weekday())), "day"
    if kind == "rel_period":
        w, u = g["w"].lower(), g["u"].lower()
        back = 0 if w == "this" else 1
        if u == "week":
            return pub - timedelta(days=7 * back), "day"
        if u == "month":
            return _back_months(pub, back), "month"
        return date(pub.year - back, 1, 1), "year"
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _NUM.get(g["n"].lower(), 1)
        u = g["u"].lower().rstrip("s")
        if u == "day":
            return pub - timedelta(days=n), "day"
        if u == "week":
            return pub - timedelta(days=7 * n), "day"
        if u == "month":
            return _back_months(pub, n), "month"
        return date(pub.year - n, 1, 1), "year"
    return None


_TRIGGER_RE = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day|night|overnight|tonight|"
    r"morning|evening|week|month|year|ago|spring|summer|autumn|fall|winter",
    re.I,
)


_MONTH_ANY_RE = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_DIGIT_RE = re.compile(r"\d")


def _needs(text: str) -> dict[str, bool]:
    """Cheap per-text preconditions so only patterns that can match are run (hot path)."""
    low = text.lower()
    month = bool(_MONTH_ANY_RE.search(low))
    digit = bool(_DIGIT_RE.search(text))
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
        "weekday": "day" in low,
        "season": any(w in low for w in ("spring", "summer", "autumn", "fall", "winter")),
        "rel_day": any(
            w in low
            for w in (
                "overnight",
                "today",
                "tonight",
                "yesterday",
                "this ",
                "last night",
                "the day",
                "a day",
                "previous day",
            )
        ),
        "this_week": "week" in low,
        "rel_period": any(w in low for w in ("week", "month", "year")),
        "ago": "ago" in low,
        "year": digit,
    }


def find_dates(text: str, published: date) -> list[DateHit]:
    """Every date expression in `text`, resolved against `published`; overlapping hits: first
    (most specific) pattern wins."""
    if not _TRIGGER_RE.search(text):
        return []
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    needs = _needs(text)
    for kind, pat in _PATTERNS:
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
