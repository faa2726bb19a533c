"""Dates in Russian/Ukrainian reports, relative to the publication day.

"5 октября", "станом на 08:00 7 лютого", "7 окт" (a year-less day is in the publication's year,
or the year before when that would be in the future); "2 числа" takes the month of the date
before it; "в березні 2022 року" is month-precise; "вчера", "напередодні", "за минувшие
сутки", "з початку доби" count from the publication day. Explicit days carry over to the
following sentences (a recap's date governs its paragraph); relative words do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from geomap.extract.slavic.rules import DateRules


@dataclass
class DateHit:
    pos: int  # offset in the sentence
    day: date
    precision: str = "day"  # day | month
    carries: bool = True  # governs the following sentences too


@lru_cache(maxsize=4)
def _day_month_re(forms: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    return re.compile(
        rf"(?<![\d:])(?P<d>\d{{1,2}})(?:-?(?:го|е|ое))?\s+(?P<mon>{alt})(?![\w])\.?"
        rf"(?:\s+(?P<y>\d{{4}}))?",
        re.I,
    )


def _make(year: int, month: int, day: int, pub: date, explicit_year: bool) -> date | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    if not explicit_year and d > pub + timedelta(days=1):
        try:
            d = date(year - 1, month, day)
        except ValueError:
            return None
    return d


def find_dates(sent: str, pub: date, rules: DateRules, month_before: int | None) -> list[DateHit]:
    """Every date expression in a sentence, in order of position."""
    hits: list[DateHit] = []
    for m in _day_month_re(tuple(rules.months)).finditer(sent):
        y = int(m.group("y")) if m.group("y") else pub.year
        d = _make(
            y, rules.months[m.group("mon").lower()], int(m.group("d")), pub, bool(m.group("y"))
        )
        if d:
            hits.append(DateHit(m.start(), d))
    for m in rules.in_month.finditer(sent):
        mon = rules.months.get(m.group("mon").lower())
        if mon:
            hits.append(DateHit(m.start(), date(int(m.group("y")), mon, 1), "month", False))
    for m in rules.day_of_month.finditer(sent):
        before = [h for h in hits if h.pos < m.start() and h.precision == "day"]
        month = before[-1].day.month if before else month_before or pub.month
        d = _make(pub.year, month, int(m.group("d")), pub, False)
        if d:
            hits.append(DateHit(m.start(), d))
    for pat, days in rules.relative:
        for m in pat.finditer(sent):
            hits.append(DateHit(m.start(), pub + timedelta(days=days), "day", False))
    return sorted(hits, key=lambda h: h.pos)


def date_at(hits: list[DateHit], pos: int, carried: DateHit | None, pub: date) -> DateHit:
    """The date governing a place at `pos`: the last expression before it in the sentence,
    else the first after it, else the carried one, else the publication day."""
    before = [h for h in hits if h.pos <= pos]
    if before:
        return before[-1]
    if hits:
        return hits[0]
    return carried or DateHit(0, pub, "day", False)
