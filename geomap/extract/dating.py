"""Dating: the date expression nearest a claim's place or verb, ignoring asides and the
dates other verbs own; none -> the publication day."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from geomap.extract import claimants as cl
from geomap.extract.dates import WEEKDAY_RE, DateHit
from geomap.extract.mentions import Mention
from geomap.extract.resolution import _NIGHT_RE

_ASIDE_RE = re.compile(
    r",\s+(?:a|an|which|where|whose|who|once|now|located|situated|lying|captured|seized|taken|"
    r"retaken|recaptured|liberated|occupied)\s"
)


def _date_for(
    sent: str,
    dates: list[DateHit],
    m: Mention,
    s0: int,
    ctype: str,
    att: cl.Attribution,
    cue_pos: int,
    pub: date,
    rivals: Sequence[int] = (),
) -> tuple[date, str]:
    """The claim's date: a denial is dated when made (the attribution's date, or
    publication); otherwise the date expression nearest the place or its verb, ignoring a
    date inside an aside after the place ("Sudzha, a town its troops recaptured last week")."""
    if ctype == "denied" and att.denial:
        a0, a1 = att.attribution or (0, 0)
        # the attribution's own date, or one introducing it ("On October 30, X dismissed")
        made = [
            d
            for d in dates
            if a0 <= d.start < a1 + 20 or (d.end <= a0 and sent[d.end : a0].strip() in ("", ","))
        ]
        return _pick_date(made, a0, pub)
    if ctype in ("captured", "withdrawn") and cue_pos >= 0:
        # "the capture of X represents the biggest victory since May": a period starting
        # after the event's verb does not date the event ("since October, when troops
        # overran X" still does)
        dates = [d for d in dates if not (_SINCE_RE.match(d.text) and d.start > cue_pos)]
    usable = [d for d in dates if not _in_other_relative(sent, d, m.start - s0, cue_pos)]
    if cue_pos >= 0 and rivals:
        # "shelled every day since troops liberated the city in September 2022": the date
        # belongs to the verb of another claim that stands nearer to it
        usable = [
            d for d in usable if not any(abs(r - d.start) < abs(cue_pos - d.start) for r in rivals)
        ]
    if 0 <= cue_pos < m.start - s0:
        # (as measured: the rivals' filter above does not apply to a verb before its place)
        usable = [
            d
            for d in dates
            if not (d.start > m.end - s0 and _ASIDE_RE.search(sent, m.end - s0, d.start))
            and not _in_other_relative(sent, d, m.start - s0, cue_pos)
        ]
    elif cue_pos > m.end - s0 and _ASIDE_RE.match(sent, m.end - s0):
        # "In X, a village that has stood empty since 2024, a drone struck ...": a date inside
        # the aside between the place and its verb describes the place, not the claim
        usable = [
            d for d in usable if not (m.end - s0 < d.start and 0 <= sent.find(",", d.end) < cue_pos)
        ]
    return _pick_date(usable, m.start - s0, pub, cue_pos)


_SINCE_RE = re.compile(r"(?i)^since\b")
# "The brigade, which defended X in 2023, is now fighting near Y": a relative clause between
# commas dates what it says, not the main clause around it
_RELATIVE_SPAN_RE = re.compile(r",\s+(?:who|which|whose)\b[^,;:.]*,")


def _in_other_relative(sent: str, d: DateHit, pos: int, cue_pos: int) -> bool:
    """Whether date `d` lies in a relative clause that holds neither the place nor its verb."""
    return any(
        r.start() <= d.start < r.end()
        and not r.start() <= pos < r.end()
        and not r.start() <= cue_pos < r.end()
        for r in _RELATIVE_SPAN_RE.finditer(sent)
    )


_WEEKDAY_RE = WEEKDAY_RE  # the weekday words live in rules/dates.toml


def _pick_date(dates: list[DateHit], pos: int, pub: date, cue_pos: int = -1) -> tuple[date, str]:
    """The date expression nearest the place or the verb that makes the claim (bare years
    only when close); none -> the publication day."""
    best: tuple[int, DateHit] | None = None
    if any(h.precision == "day" and not _SINCE_RE.match(h.text) for h in dates):
        # "have hit X every week since the spring, ... and on Thursday a strike damaged ...":
        # the day named beats the start of the period
        dates = [h for h in dates if not _SINCE_RE.match(h.text)]
    for h in dates:
        dist = min(
            abs(h.start - p) if h.start >= p else abs(p - h.end)
            for p in ((pos, cue_pos) if cue_pos >= 0 else (pos,))
        )
        if h.precision == "year" and dist > 40:
            continue
        if best is None or dist < best[0]:
            best = (dist, h)
    if best is None:
        return pub, "day"
    h = best[1]
    if _NIGHT_RE.match(h.text):
        # "struck X overnight, the minister said on Monday": the night before that statement
        said = [d for d in dates if _WEEKDAY_RE.search(d.text)]
        if said:
            h = said[0]
    if h.value > pub:
        return pub, "day"
    return h.value, h.precision
