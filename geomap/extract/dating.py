"""Dating: the date expression nearest a claim's place or verb, ignoring asides, compared
periods and the dates other verbs own. A sentence with none borrows a day only where the
text says whose it is: the event it names again ("The strikes also hit X"), "the day", "At
the time", the clock, the speaker just quoted or named later with a day, a quotation's closing
attribution, the same event dated before or in the next sentence; else the publication day."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from weakref import WeakKeyDictionary

from geomap.extract import claimants as cl
from geomap.extract import prescreen, verbs
from geomap.extract.cues import _ANAPHORIC_ATTACK_RE, _BUT_REPELLED_RE
from geomap.extract.dates import WEEKDAY_RE, WINDOW_RE, DateHit, find_dates
from geomap.extract.mentions import Mention
from geomap.extract.placing import Doc
from geomap.extract.resolution import _NIGHT_RE, _Memory
from geomap.extract.voices import Voice
from geomap.records import ClaimRecord, PlaceRef

_ASIDE_RE = re.compile(
    r",\s+(?:a|an|which|where|whose|who|once|now|located|situated|lying|captured|seized|taken|"
    r"retaken|recaptured|liberated|occupied|the(?!\s+(?:same|next|following|previous|day|night|"
    r"morning|evening)\b)(?![^,]{0,60}\b(?:said|says|reported|reports|told|wrote|added|"
    r"announced|stated|claimed)\b))\s"  # (", the governor said": no aside)
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
) -> tuple[date, str] | None:
    """The claim's date (None: the sentence dates it nowhere): a denial is dated when made
    (the attribution's date); otherwise the date expression nearest the place or its verb,
    ignoring a date inside an aside after the place ("Sudzha, a town its troops recaptured
    last week")."""
    if ctype == "denied" and att.denial:
        a0, a1 = att.attribution or (0, 0)
        # the attribution's own date, or one introducing it ("On October 30, X dismissed")
        made = [
            d
            for d in dates
            if a0 <= d.start < a1 + 20 or (d.end <= a0 and sent[d.end : a0].strip() in ("", ","))
        ]
        return _pick_date(made, a0, pub)
    anchor = cue_pos if cue_pos >= 0 else m.start - s0
    dates = [
        d for d in dates if not _AFTER_RE.search(d.text) or _dates_what_follows(sent, d, anchor)
    ]
    dates = _not_of_other_events(sent, dates, ctype, cue_pos)
    said = _said_days(sent, att, dates)  # the statement's day ("..., Kyiv said on Sunday")
    dates = _from_statement_day(dates, said, pub)
    usable = [d for d in dates if not _in_other_relative(sent, d, m.start - s0, cue_pos)]
    if cue_pos >= 0 and rivals:
        # "shelled every day since troops liberated the city in September 2022": the date
        # belongs to the verb of another claim that stands nearer to it; not the statement's
        # day, which dates all it reports
        usable = [
            d
            for d in usable
            if d in said or not any(abs(r - d.start) < abs(cue_pos - d.start) for r in rivals)
        ]
    if 0 <= cue_pos < m.start - s0:
        # (as measured: the rivals' filter above does not apply to a verb before its place)
        usable = [
            d
            for d in dates
            if d in said
            or not (d.start > m.end - s0 and _ASIDE_RE.search(sent, m.end - s0, d.start))
            and not _in_other_relative(sent, d, m.start - s0, cue_pos)
        ]
    elif cue_pos > m.end - s0 and _ASIDE_RE.match(sent, m.end - s0):
        # "In X, a village that has stood empty since 2024, a drone struck ...": a date inside
        # the aside between the place and its verb describes the place, not the claim
        usable = [
            d for d in usable if not (m.end - s0 < d.start and 0 <= sent.find(",", d.end) < cue_pos)
        ]
    # "the fall of Bakhmut in May 2023 and the fall of Avdiivka in February 2024": the date
    # written right after the place is its own, whatever stands nearer the verb
    own = _written_after(sent, usable, m.end - s0)
    return _pick_date([own] if own else usable, m.start - s0, pub, cue_pos)


# "a week after troops took X": a count back that dates the event told after it
_AFTER_RE = re.compile(r"(?i)\safter$")
_AFTER_REACH = 100  # characters from "... after" to the verb (or place) it dates


def _dates_what_follows(sent: str, d: DateHit, anchor: int) -> bool:
    """Whether the claim's verb (or place) at `anchor` follows "N days after" in its clause
    ("came a day after the president ordered troops to hold X"), not the main clause ("A week
    after X fell, troops still hold Y")."""
    return 0 <= anchor - d.end <= _AFTER_REACH and not _CLAUSE_STOP_RE.search(sent, d.end, anchor)


_PAST_PERFECT_RE = re.compile(
    r"\b(?:they|it|we|which|that|who)\s+had\s+(?:been\s+)?(?:[a-z]+(?:ed|en)|lost|held|left|"
    r"fought|won)\b"
)


def _after_earlier_event(sent: str, cue_pos: int, d: DateHit) -> bool:
    """Whether a past-perfect verb other than the claim's own stands between the claim's verb
    and date `d` in one clause ("regained positions they had lost in mid-March")."""
    if d.start <= cue_pos:
        return False
    return any(
        m.start() > cue_pos + 2 and not _CLAUSE_STOP_RE.search(sent, m.end(), d.start)
        for m in _PAST_PERFECT_RE.finditer(sent, cue_pos, d.start)
    )


_CLAUSE_STOP_RE = re.compile(r"[,;:.]")


# words counting days from the speaker's "now": the statement's day when the sentence names it
_SPEAKERS_NOW_RE = re.compile(
    r"(?i)^(?:yesterday|the\s+day\s+before\s+yesterday|(?:earlier\s+)?today)$"
)


def _from_statement_day(dates: list[DateHit], said: list[DateHit], pub: date) -> list[DateHit]:
    """ "The governor said on Saturday that troops had entered X yesterday": "yesterday" is the
    day before the statement, not before publication."""
    base = next((d.value for d in said if not _SPEAKERS_NOW_RE.match(d.text)), None)
    if base is None or base == pub:
        return dates
    return [
        replace(d, value=base + (d.value - pub)) if _SPEAKERS_NOW_RE.match(d.text) else d
        for d in dates
    ]


def _not_of_other_events(
    sent: str, dates: list[DateHit], ctype: str, cue_pos: int
) -> list[DateHit]:
    """The dates that may date a claim of `ctype` with its verb at `cue_pos`, without the
    periods and earlier events the sentence also dates."""
    if ctype in ("captured", "withdrawn") and cue_pos >= 0:
        # "the capture of X represents the biggest victory since May": a period starting
        # after the event's verb does not date the event ("since October, when troops
        # overran X" still does)
        dates = [d for d in dates if not (_SINCE_RE.match(d.text) and d.start > cue_pos)]
    if ctype == "assessment":
        # "troops have attacked the town since June, and its fall would open the road to X":
        # a period's start dates what has gone on since, not a judgement made now
        dates = [d for d in dates if not _SINCE_RE.match(d.text)]
    if cue_pos >= 0:
        # "regained positions they had lost in mid-March": a date after an earlier event's
        # verb (past perfect) between the claim's verb and it is that event's
        dates = [d for d in dates if not _after_earlier_event(sent, cue_pos, d)]
    return dates


def _written_after(sent: str, dates: list[DateHit], end: int) -> DateHit | None:
    """A calendar date written right after the place ("X in February 2024", "X on Monday"),
    not a period's start, a night or a window (those date the report, not the place)."""
    for d in dates:
        if (
            _AT_PLACE_RE.fullmatch(sent, end, d.start)
            and d.precision != "year"
            and not (_SINCE_RE.match(d.text) or _NIGHT_RE.match(d.text) or WINDOW_RE.match(d.text))
        ):
            return d
    return None


_AT_PLACE_RE = re.compile(r"\s*(?:in|on|at|during)?\s*")


_SINCE_RE = re.compile(r"(?i)^since\b")


def _said_days(sent: str, att: cl.Attribution, dates: list[DateHit]) -> list[DateHit]:
    """The day-precise dates of the attribution: "Russia said Saturday it had taken X", or a
    trailing "..., the spokesman said on the air on Sunday" (after the verb, in its clause:
    not "..., the ministry said, adding that on Tuesday ...")."""
    if att.attribution is None:
        return []
    a0, a1 = att.attribution
    trailing = att.content[1] <= a0
    return [
        d
        for d in dates
        if d.precision == "day"
        and not _SINCE_RE.match(d.text)
        and a0 <= d.start
        and (d.start < a1 or (d.start < a1 + 20 or trailing))
        and not (d.start >= a1 and _CLAUSE_BREAK_RE.search(sent, a1, d.start))
    ]


# "[,;:]|\b(?:that|and|adding|while|after|before)\b", written as one first character, then
# the rest (its own character looked back at): the engine's fast scan skips the positions no
# break can begin at instead of trying both branches at each (a "\b" before a word is
# "(?<!\w)" before its first letter; tests/test_speed12_equivalence.py compares the two)
_CLAUSE_BREAK_RE = re.compile(
    r"[,;:tawb](?:(?<=[,;:])|(?<=t)(?<!\wt)hat\b|(?<=a)(?<!\wa)(?:nd|dding|fter)\b|"
    r"(?<=w)(?<!\ww)hile\b|(?<=b)(?<!\wb)efore\b)"
)


# "The brigade, which defended X in 2023, is now fighting near Y": a relative clause between
# commas dates what it says, not the main clause around it
_RELATIVE_SPAN_RE = re.compile(
    r",\s+(?:who|which|whose)\b[^,;:.]*(?:,|\.?\s*$)|"
    # "..., completing the offensive that stunned Moscow last summer": a clause on a noun
    # after the claim ("the/an/its NOUN that VERB ..."), up to the next comma
    r"\b(?:the|an?|its|their|this)\s+[a-z]+\s+(?:that|which)\s+(?!was\b|is\b|were\b|are\b)"
    r"[a-z]+(?:ed|led)\b[^,;:.]*"
)

_RELATIVE_SPAN = prescreen.Screened(_RELATIVE_SPAN_RE)  # run only where "who", "that", ... occur


def _in_other_relative(sent: str, d: DateHit, pos: int, cue_pos: int) -> bool:
    """Whether date `d` lies in a relative clause that holds neither the place nor its verb."""
    return any(
        r.start() <= d.start < r.end()
        and not r.start() <= pos < r.end()
        and not r.start() <= cue_pos < r.end()
        for r in _RELATIVE_SPAN.finditer(sent)
    )


_WEEKDAY_RE = WEEKDAY_RE  # the weekday words live in rules/dates.toml


def _pick_date(
    dates: list[DateHit], pos: int, pub: date, cue_pos: int = -1
) -> tuple[date, str] | None:
    """The date expression nearest the place or the verb that makes the claim (bare years
    only when close); None when there is none."""
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
        return None
    h = best[1]
    if _NIGHT_RE.match(h.text) or WINDOW_RE.match(h.text):
        # "struck X overnight, the minister said on Monday": the night before that statement;
        # "fighting was intense over the past week, she said Monday": as of that statement
        said = [d for d in dates if _WEEKDAY_RE.search(d.text)]
        if said:
            h = said[0]
    if h.value > pub:
        return pub, "day"
    return h.value, h.precision


# a wire dateline's date: "KYIV, Feb 18 (Reuters) -", "DONETSK, May 6. /TASS/.", "(APP -
# Outlet - 18th Feb, 2024)": the day the copy was filed, not what the claim speaks of
_DATELINE_AFTER_RE = re.compile(r"\.?\s*/[A-Z]{2,}/|\s*\([A-Z][\w .]{1,20}\)\s*[-–—]")
_IN_CREDIT_RE = re.compile(r"\([A-Z][^()]{0,80}\s[-–—]\s*$")  # "(APP - Outlet - " before it


def _is_dateline(sent: str, h: DateHit) -> bool:
    """Whether date `h` is the copy's dateline, not a date the sentence reports."""
    if _DATELINE_AFTER_RE.match(sent, h.end):
        return True
    return sent.startswith(")", h.end) and bool(_IN_CREDIT_RE.search(sent, 0, h.start))


# "secured the same way as the previous week", "fewer attacks than on Monday": the period a
# claim is compared with is not the one it speaks of ("as early as Monday", "no later than
# May 3" still date it)
_BASELINE_RE = re.compile(
    r"(?i)(?:(?<!later )(?<!earlier )(?<!sooner )\bthan|(?<!early )(?<!late )(?<!recently )"
    r"(?<!soon )\bas|\bcompared\s+(?:with|to)|\bversus)\s+(?:(?:in|on|during|over|at)\s+)?"
    r"(?:the\s+)?$"
)
_BASELINE = prescreen.Finder(_BASELINE_RE)  # tried only where "than", "as", ... begin


def _is_baseline(sent: str, h: DateHit) -> bool:
    """Whether date `h` is what the sentence compares with, not the date of what it says."""
    return bool(_BASELINE.search(sent, max(0, h.start - 40), h.start))


_DAY_BEFORE_RE = re.compile(
    r"(?i)\b(?:(?:a|one)\s+day\s+(?:earlier|before)|the\s+(?:previous|prior)\s+"
    r"day|the\s+day\s+(?:before|prior))\b(?!\s+yesterday)"
)
_DAY_BEFORE = prescreen.Screened(_DAY_BEFORE_RE)  # run only where "before", "earlier", ... occur
_SAME_DAY_RE = re.compile(r"(?i)\b(?:the\s+same\s+(?:day|night|morning|evening)|that\s+day)\b")


def dating_pass(
    memory: _Memory, sent: str, found: list[DateHit], carried: bool, carried_day: date | None
) -> tuple[list[DateHit], tuple | None]:
    """Dating: the sentence's date expressions, plus the days a sentence borrows ("a day
    earlier", "the same day", a carried source's day); and the claim day of the sentence
    before when this one has no date of its own."""
    dates = [h for h in found if not (_is_dateline(sent, h) or _is_baseline(sent, h))]
    prev_claim_day = (
        memory.last_claim_day
        if not dates and memory.last_claim_day and memory.sentence - memory.last_claim_day[3] == 1
        else None
    )
    if memory.last_day and (db := _DAY_BEFORE.search(sent)):
        # "On Wednesday ... A day earlier, ...": the day before the day last named
        dates = [d for d in dates if d.start != db.start()]
        dates.append(
            DateHit(db.start(), db.end(), memory.last_day - timedelta(days=1), "day", db.group(0))
        )
    if not dates and carried and carried_day:
        # "Moscow gave its account on Wednesday. X, it said, ...": that Wednesday
        dates = [DateHit(0, 0, carried_day, "day", "")]
    if not dates and memory.last_day and (sd := _SAME_DAY_RE.search(sent)):
        # "told Putin the same day": the day named in the sentence before
        dates = [DateHit(sd.start(), sd.end(), memory.last_day, "day", sd.group(0))]
    return dates, prev_claim_day


def claim_date(
    d: Doc,
    v: Voice,
    all_cues: list[verbs.Cue],
    dates: list[DateHit],
    prev_claim_day: tuple | None,
    pub: date,
    job: tuple[Mention, PlaceRef, str, int],
    s0: int,
) -> tuple[date, str]:
    """A claim's date: the sentence's nearest date (not one another verb owns), the date of
    the same event in the sentence before or earlier in the article, else publication;
    remembered for the next."""
    text, memory, sent, att, claimant = d.text, d.memory, v.sent, v.att, v.claimant
    m, ref, ctype, cue_pos = job
    if _described_as_held(all_cues, s0 + cue_pos):
        return pub, "day"  # "east of the Ukrainian-held city of X": the writer's present
    if not dates and (
        day := split_clause_day(text, s0, memory)
        or clock_day(text, s0, sent, pub)
        or event_anaphor_day(text, s0, sent, pub)
        or then_day(text, s0, sent, pub)
        or (v.attr_rule in _QUOTE_LATER and quote_attribution_day(text, s0, s0 + len(sent), pub))
    ):
        # "Russia said Saturday it took X, hours after Kyiv said it had pulled out": the
        # clause cut from a dated sentence keeps the sentence's day; so does a sentence going
        # on by the clock ("On May 3 troops attacked X. From about 15:00 they shelled Y") or
        # naming the event just told ("... a barrage on Saturday. The strikes also hit Y"),
        # and a quotation's first sentence its speaker is named after ('"A. B," X said Sunday')
        dates = [DateHit(0, 0, day, "day", "")]
    rivals = _rivals(text, all_cues, m, ctype, cue_pos, s0) if dates and cue_pos >= 0 else []
    got = None
    if (
        prev_claim_day
        and m.kind != "name"
        and ref.id == prev_claim_day[0]
        and ctype == prev_claim_day[4]
        and claimant == prev_claim_day[5]
        and prev_claim_day[2] == "day"
        and not att.denial
    ):
        # "X was shelled on Monday night. In the village, three houses were damaged":
        # the event the sentence before dated goes on
        cdate, prec = prev_claim_day[1], prev_claim_day[2]
    else:
        got = _date_for(sent, dates, m, s0, ctype, att, cue_pos, pub, rivals)
        cdate, prec = got or (_undated_day(d, v, m.text, (ref.id, ctype), pub, cue_pos), "day")
    if dates:
        memory.last_claim_day = (ref.id, cdate, prec, memory.sentence, ctype, claimant)
    _note_statement(_events(memory), memory.sentence, v, _statement_days(sent, att, dates), cdate)
    if got and prec == "day" and pub - timedelta(days=_EVENT_REACH) <= cdate <= pub:
        _events(memory).note((ref.id, ctype), cdate, v.side)
    return cdate, prec


def _undated_day(
    d: Doc, v: Voice, place: str, key: tuple[str, str], pub: date, cue_pos: int = -1
) -> date:
    """The day of a claim its sentence dates nowhere: the day the same speaker was just quoted
    on ("X, writing on Saturday, said ... . 'Quote,' X said."; "Russia also said ..."), or a
    report going on gave ("It also cited ..."), else the day the article gave the same event
    (place and type) unless the claim's clause tells it going on ("they continue to storm
    X"), else the day the next sentence gives the same event ("... a strike on X. The strike
    on X on Saturday killed ..."), else the day the speaker is said to have spoken further on
    ("X has said ... . [...] X said on Sunday"), else the news day of a story filed the day
    after it (`lede_day`), else publication."""
    memory = d.memory
    ev = _events(memory)
    last = ev.spoke
    if (
        last is not None
        and 0 <= memory.sentence - last.sentence <= _SPEAKER_REACH
        and pub - timedelta(days=_EVENT_REACH) <= last.day <= pub
        and v.side == last.side
        and (same_speaker(v.claimant, last.claimant) or _says_also(v))
    ):
        return last.day
    if day := _report_goes_on(memory, v, pub):
        return day
    ongoing = _ONGOING.search(_clause_of(v.sent, cue_pos))
    if (day := ev.days.get(key)) and not ongoing:
        return day
    news = _news_day(d.text, ev, v, pub)
    if ongoing or _HABIT.search(v.sent):
        return news  # "X remains under fire", "shelled every day": as of the statement
    end = v.s0 + len(v.sent)
    if _one_event(v.sent, place) and (day := event_day_ahead(d.text, end, place, key[1], pub)):
        ev.note(key, day, v.side)  # the event's day, for what the article says of it next
        return day
    return speaker_day_ahead(d.text, end, v.claimant, pub) or news


_NEWS_REACH = 1  # days back: a story filed the day after its news (not a recalled statement)


def _news_day(text: str, ev: _Events, v: Voice, pub: date) -> date:
    """The day of an undated statement: the lede's day when the story was filed the day after
    it ("Russia said on Friday it took X" in a Saturday paper, then "Ukraine's evening
    report said X was under attack": Friday's), not for the outlet's own narration (as of
    writing); else publication."""
    if not ev.news_read:
        ev.news, ev.news_read = lede_day(text, pub), True
        lede = _LEDE_RE.search(text)
        ev.news_end = next_story_at(text, lede.end()) if lede else len(text)
    if ev.news is None or v.narration or v.s0 >= ev.news_end:
        return pub
    return ev.news


# a story headline inside a digest: a line of half a dozen words or more that ends no sentence
# ("Russia likely took 15 villages since May, analysts say"; not a section label such as
# "## Strikes across the border", nor "Original url: ...")
_SUBHEAD_RE = re.compile(r"(?m)^(?:#+[ \t]*)?(?=(?:[^\s:]+[ \t]+){5}\S).*[^\s.!?\"”:;,]$")


_NOT_HEAD_END = '.!?"”:;,'  # a headline's last character is none of these (nor a space)


def next_story_at(text: str, start: int) -> int:
    """Where the next story of a digest opens after `start` (its headline), else the text's
    end: a story headline starts another news day, so the lede's day stops there.
    (_SUBHEAD_RE.search(text, start): its matches are whole lines, so it is tried at each
    line start from `start` on whose line ends with a character the pattern's last class
    takes; the search, trying every position and backtracking along each line, costs more.)"""
    n = len(text)
    if start > n:
        return n
    if start > 0 and text[start - 1] != "\n":  # (the first line start after `start`)
        nl = text.find("\n", start)
        if nl < 0:
            return n
        start = nl + 1
    ls = max(start, 0)
    while True:
        le = text.find("\n", ls)
        if le < 0:
            le = n
        if le > ls:
            last = text[le - 1]
            if not last.isspace() and last not in _NOT_HEAD_END and _SUBHEAD_RE.match(text, ls):
                return ls
        if le >= n:
            return n
        ls = le + 1


# a lede: a paragraph of a dozen words or more ending a sentence (not a title, byline, date
# line or photo caption)
_LEDE_RE = re.compile(r"(?m)^(?!#)(?=(?:\S+[ \t]+){11}).*[.!?\"”][ \t]*$")


def lede_day(text: str, pub: date) -> date | None:
    """The first statement day the lede paragraph names ("Russia said on Friday ..."), when it
    is the day before publication: the story's news day, which the real gold gives an undated
    statement further on (None: the lede names no such day)."""
    lede = _LEDE_RE.search(text)
    if lede is None:
        return None
    para = lede.group(0)
    days = [
        h
        for h in find_dates(para, pub)
        if h.precision == "day"
        and not (_SINCE_RE.match(h.text) or _NIGHT_RE.match(h.text) or WINDOW_RE.match(h.text))
        and not _is_dateline(para, h)
    ]
    said = [h for h in days if _is_statement_day(para, h)]
    if not said or not pub - timedelta(days=_NEWS_REACH) <= said[0].value < pub:
        return None
    return said[0].value


# a verb of saying, and the few words between it and its day ("said on Friday", "announced
# this Thursday", "claimed late on 26 January"; "on Monday said")
# (one list with speaker_day_ahead's: a verb that dates a statement also makes its subject
# a speaker)
SPEECH_VERBS = (
    "said", "says", "told", "wrote", "stated", "added", "announced", "reported", "claimed",
    "declared", "confirmed", "denied", "acknowledged", "posted",
)  # fmt: skip
_STATEMENT_VERB = rf"\b(?:{'|'.join(SPEECH_VERBS)})"
_VERB_THEN_DAY_RE = re.compile(rf"{_STATEMENT_VERB}\s+(?:\w+\s+){{0,2}}$")
_DAY_THEN_VERB_RE = re.compile(rf"\s*{_STATEMENT_VERB}\b")


def _is_statement_day(para: str, h: DateHit) -> bool:
    """Whether the day `h` dates a statement ("X said on Friday"), not an event ("On
    October 10, troops launched ...")."""
    return bool(
        _VERB_THEN_DAY_RE.search(para, max(0, h.start - 40), h.start)
        or _DAY_THEN_VERB_RE.match(para, h.end)
    )


# "a deadly strike on X", "the capture of X": one event at the place, named by a noun
_ONE_EVENT_RE = re.compile(
    r"(?i)\b(?:a|an|the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|assault|raid|"
    r"bombardment|barrage|shelling|capture|fall|seizure|liberation|withdrawal|retreat|"
    r"incursion|breakthrough)\s+(?:on|of|in|against|at|from|into)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?$"
)


def _one_event(sent: str, place: str) -> bool:
    """Whether the place is written as the scene of one event ("a deadly strike on X")."""
    at = sent.find(place)
    return at > 0 and bool(_ONE_EVENT_RE.search(sent, max(0, at - 80), at))


def event_day_ahead(text: str, end: int, place: str, ctype: str, pub: date) -> date | None:
    """The one day (in the week up to publication) the sentence after `end` gives an event of
    the same kind at the same place, as written ("Russia vowed revenge for a strike on X.
    Rescuers searched the ruins after the strike on X on Saturday."): the same event."""
    rest = text[end : end + _NEXT_REACH]
    lead = len(rest) - len(rest.lstrip())
    if rest.count("\n", 0, lead) > 2:
        return None  # a new section
    stop = _STOP_RE.search(rest, lead)
    nxt = rest[lead : stop.end() if stop else len(rest)]
    if place not in nxt:
        return None
    days = {
        h.value
        for h in find_dates(nxt, pub)
        if h.precision == "day" and pub - timedelta(days=_EVENT_REACH) <= h.value <= pub
    }
    kinds = {_EVENT_GROUP.get(c.type, c.type) for c in verbs.find_cues(nxt) if not c.weak}
    return days.pop() if len(days) == 1 and _EVENT_GROUP.get(ctype, ctype) in kinds else None


_NEXT_REACH = 600  # characters: the next sentence


_SPEECH_VERB_RE = re.compile(rf"{_STATEMENT_VERB}\b")
_AHEAD_REACH = 1500  # characters: the lede's speaker dated in the paragraphs after it
_VERB_TO_DATE = 60  # characters from the speech verb to its day ("said on the air on Sunday")
_NAME_TO_VERB = 40  # characters from the speaker's name to the verb ("Cherevaty, 52, said")


def speaker_day_ahead(text: str, end: int, claimant: str | None, pub: date) -> date | None:
    """The day the claimant is said to have spoken further on in the text ("X has said ..."
    in a lede, then "..., X said on the radio on Sunday."): the day of the first sentence
    after `end` where the speaker's surname (or office) says something on a day in the week up
    to publication."""
    name = _surname(claimant)
    if name is None:
        return None
    for hit in re.finditer(rf"\b{re.escape(name)}\b", text[end : end + _AHEAD_REACH]):
        a = end + hit.start()
        stop = _STOP_RE.search(text, a)
        clause = text[a : stop.end() if stop else len(text)]
        verb = _SPEECH_VERB_RE.search(clause, 0, len(name) + _NAME_TO_VERB)
        if verb is None:
            continue  # the name is no subject of a statement here
        for h in find_dates(clause, pub):
            if (
                h.precision == "day"
                and 0 <= h.start - verb.end() < _VERB_TO_DATE
                and pub - timedelta(days=_EVENT_REACH) <= h.value <= pub
            ):
                return h.value
    return None


def _surname(claimant: str | None) -> str | None:
    """The last name-like word of a claimant's head ("Serhiy Cherevaty, spokesman for ..."
    -> "Cherevaty"), not a country's."""
    if not claimant:
        return None
    names = [
        w
        for w in (
            n.removesuffix("'s").removesuffix("’s")
            for n in _NAME_RE.findall(claimant.split(",")[0])
        )
        if w.lower() not in _NOT_A_NAME
    ]
    return names[-1] if names else None


# "[,;:]|\b(?:while|but|whereas)\b" in the same first-character form (see _CLAUSE_BREAK_RE)
_CLAUSE_EDGE_RE = re.compile(
    r"[,;:wb](?:(?<=[,;:])|(?<=w)(?<!\ww)(?:hile|hereas)\b|(?<=b)(?<!\wb)ut\b)"
)


def _clause_of(sent: str, pos: int) -> str:
    """The clause of the sentence holding offset `pos` (the whole sentence when -1): "43 were
    injured, while 10 dead had still not been identified" -> "43 were injured"."""
    if pos < 0:
        return sent
    starts = [m.end() for m in _CLAUSE_EDGE_RE.finditer(sent, 0, pos)]
    end = _CLAUSE_EDGE_RE.search(sent, pos)
    return sent[starts[-1] if starts else 0 : end.start() if end else len(sent)]


# a state going on as the speaker talks: as of the statement, not the day it began
_ONGOING_RE = re.compile(r"(?i)\b(?:continu(?:e|es|ing)|still|ongoing|keeps?\s+on)\b")
_HABIT_RE = re.compile(r"(?i)\b(?:remains?|every\s+day|daily)\b")
_ALSO_RE = re.compile(r"(?i)\balso\b")
# the same searches, tried only where one of their words begins
_ONGOING = prescreen.Finder(_ONGOING_RE)
_HABIT = prescreen.Finder(_HABIT_RE)


# "It also cited clashes near X", "commanders also reported taking Y": a report goes on
_REPORTS_ALSO_RE = re.compile(
    r"\balso\s+(?:said|reported|cited|noted|added|claimed|announced|stated|mentioned)\b"
)
_REPORTS_ALSO = prescreen.Finder(_REPORTS_ALSO_RE)


def _report_goes_on(memory: _Memory, v: Voice, pub: date) -> date | None:
    """ "The staff said 49 attacks were repelled on Friday. ... It also cited clashes near X":
    the day of the dated claim a sentence or two before, for a report that goes on ("also
    said", "also cited")."""
    last = memory.last_claim_day
    if (
        (_says_also(v) or _REPORTS_ALSO.search(v.sent))
        and last is not None
        and last[2] == "day"
        and 0 < memory.sentence - last[3] <= _SPEAKER_REACH
        and pub - timedelta(days=_EVENT_REACH) <= last[1] <= pub
        and not _another_named_speaker(v.claimant, last[5])
    ):
        return last[1]
    return None


def _another_named_speaker(now: str | None, before: str | None) -> bool:
    """ "Regional authorities said X was hit on Wednesday. The ministry also claimed Y": a
    speaker named by name or office is not the report going on unless it is the same one
    ("It also cited", "The staff also said" go on)."""
    return bool(now and _speaker_names(now) and not same_speaker(now, before))


def _says_also(v: Voice) -> bool:
    """ "Russia also said ...", "the ministry also reported": the source goes on speaking."""
    if v.att.attribution is None:
        return False
    a0, a1 = v.att.attribution
    return bool(_ALSO_RE.search(v.sent, a0, a1))


_SPEAKER_REACH = 3  # sentences: a speaker quoted again straight after the dated statement


def _statement_days(sent: str, att: cl.Attribution, dates: list[DateHit]) -> list[DateHit]:
    """The day-precise dates in the attribution's frame: between the speaker and what is said
    ("X, writing on Saturday, said", "X said in a statement late Monday that ...") or after a
    trailing speaker ("..., X said on Monday"), not in an ", adding that ..." tail."""
    if att.attribution is None:
        return []
    a0, a1 = att.attribution
    c0, c1 = att.content
    if c0 >= a1:
        that = _THAT_RE.search(sent, a1, a1 + _FRAME_REACH)
        hi = that.start() if that else c0
    elif c1 <= a0:
        hi = att.extra[0] if att.extra else 1 << 30
    else:
        return []
    return [d for d in dates if d.precision == "day" and a0 <= d.start < hi and d.end > 0]


_THAT_RE = re.compile(r"\bthat\b")
_FRAME_REACH = 60  # characters from the verb to "that": "said in a statement on X late Monday"


def _note_statement(ev: _Events, n: int, v: Voice, said: list[DateHit], day: date) -> None:
    """Remember the statement sentence `n` dates ("X, writing on Telegram on Saturday, said"),
    or that the last one goes on (the same speaker, on its day: "He also said ...")."""
    if said:
        ev.spoke = _Statement(n, said[-1].value, v.claimant, v.side)
    elif (
        (last := ev.spoke) is not None
        and day == last.day
        and v.side == last.side
        and (v.carried or same_speaker(v.claimant, last.claimant))
    ):
        ev.spoke = replace(last, sentence=n)


@dataclass(frozen=True)
class _Statement:
    """The last statement a sentence dated ("X said on Monday"): the sentence's number, the
    day, the claimant and side."""

    sentence: int
    day: date
    claimant: str | None
    side: str | None


# words naming a state or its people, not one speaker ("Ukrainian commander X", "Russia's X")
_NOT_A_NAME = frozenset({"ukraine", "ukrainian", "russia", "russian", "kyiv", "moscow", "the"})
_NAME_RE = re.compile(r"\b[A-Z][\w'’-]{3,}")


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two claimants as written name one speaker: a capitalised word (a surname, an
    office) in common beyond the country ("Top commander Oleksandr Syrskyi" and "Syrskyi")."""
    if not a or not b:
        return False
    return bool(_speaker_names(a) & _speaker_names(b))


def _speaker_names(s: str) -> set[str]:
    """The capitalised words of a claimant beyond the country (surnames, offices)."""
    return {
        w.lower()
        for w in (n.removesuffix("'s").removesuffix("’s") for n in _NAME_RE.findall(s))
        if w.lower() not in _NOT_A_NAME
    }


# cue ids (rules/cues.toml) of a modifier naming who holds a place ("the Russian-held town of X")
_HELD_MODIFIER_CUES = frozenset({"cue.holding.held-modifier"})


def _described_as_held(all_cues: list[verbs.Cue], at: int) -> bool:
    """Whether the claim's cue at `at` (in the text) is a modifier naming who holds the place:
    the writer's description as of writing, whatever day the sentence reports."""
    return any(c.start == at and c.rule in _HELD_MODIFIER_CUES for c in all_cues)


def _rivals(
    text: str, all_cues: list[verbs.Cue], m: Mention, ctype: str, cue_pos: int, s0: int
) -> list[int]:
    """The other claims' verbs near this one (offsets in the sentence; a bounded window)."""
    cues_by_start = sorted(all_cues, key=lambda c: c.start)
    cue_starts = [c.start for c in cues_by_start]
    lo = bisect_left(cue_starts, s0 + cue_pos - _RIVAL_REACH)
    hi = bisect_right(cue_starts, s0 + cue_pos + _RIVAL_REACH)
    rival_cues = [
        c for c in cues_by_start[lo:hi] if c.type != ctype and not _no_place_object(text, c)
    ]
    if (
        ctype in ("holding", "fighting")
        and m.end <= s0 + cue_pos
        and (
            _ANAPHORIC_ATTACK_RE.search(text[m.end : s0 + cue_pos])
            or _BUT_REPELLED_RE.search(text[m.end : s0 + cue_pos])
        )
    ):
        # "attacked near X yesterday; the attack was repulsed": one event, one date
        rival_cues = [c for c in rival_cues if c.type not in ("advancing", "fighting")]
    return [c.start - s0 for c in rival_cues]


# what may stand between a verb that needs its object at once and a place name ("took the
# town of X", "lost Bakhmut")
_PLACE_OBJECT_RE = re.compile(
    r"\s*(?:the\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement|hub|stronghold)\s+of\s+|"
    r"the\s+)?[A-Z]"
)


def _no_place_object(text: str, c: verbs.Cue) -> bool:
    """Whether a verb that takes its object at once has no place there ("the substation lost
    power on Monday", "talks took place"): no claim of its own, so no date of its own."""
    return c.attach == "obj0" and not _PLACE_OBJECT_RE.match(text, c.end)


@dataclass
class _Events:
    """The day-precise dates (in the week up to publication) an article gave its claims, by
    place and type: "Russia said Saturday it had taken X" in a Sunday paper, then "The
    capture of X is its biggest gain since May": the same event, named again without a
    date, keeps its day. The side that first dated it may date it again, later ("On Monday
    troops shelled X. ... This morning missiles hit the city again. ... There were hits on X"
    is this morning's); another side's later account does not move it."""

    days: dict[tuple[str, str], date] = field(default_factory=dict)
    sides: dict[tuple[str, str], str | None] = field(default_factory=dict)
    spoke: _Statement | None = None  # the last statement dated by its attribution
    news: date | None = None  # the lede's day when the story was filed after it (see lede_day)
    news_read: bool = False
    news_end: int = 0  # where the lede's story ends (a digest's next headline; see next_story_at)

    def note(self, key: tuple[str, str], day: date, side: str | None) -> None:
        """Remember the day `side` gave the event `key` (the latest of that side's)."""
        if self.sides.get(key, side) == side:
            self.days[key] = day
            self.sides[key] = side


_EVENT_REACH = 7  # days back: a recent event's day carries (not one recalled from long ago)
_EVENTS: WeakKeyDictionary[_Memory, _Events] = WeakKeyDictionary()


def _events(memory: _Memory) -> _Events:
    """The article's dated events (kept beside its memory, one per article)."""
    got = _EVENTS.get(memory)
    if got is None:
        got = _EVENTS[memory] = _Events()
    return got


# "A, hours after B": the clause splitter (pipeline._TURN_RE) cuts a sentence here, and both
# halves are of the same day ("days after" is cut too, but is another day; nor is "A, but B
# said": a second voice, its day unknown)
SAME_DAY_AFTER = r"(?:just\s+|only\s+)?(?:hours|shortly|soon|moments)\s+(?:after|before)"
_SAME_DAY_TURN_RE = re.compile(rf"(?i),\s+{SAME_DAY_AFTER}\s+$")


def split_clause_day(text: str, s0: int, memory: _Memory) -> date | None:
    """The day the first half of a cut sentence gave its claims, for the half starting at
    `s0` (None: `s0` starts a sentence, or the first half had no day-precise date)."""
    last = memory.last_claim_day
    if last is None or last[3] != memory.sentence - 1 or last[2] != "day":
        return None
    if not _SAME_DAY_TURN_RE.search(text, max(0, s0 - 40), s0):
        return None
    return last[1]


# a time of day: the narration goes on within the day last named
_CLOCK_RE = re.compile(
    r"(?i)\b(?:at|from|until|till|by|around|about|after|before|approximately)\s+"
    r"(?:(?:about|around|approximately|roughly)\s+)?\d{1,2}[:.]\d{2}\b(?!\s*GMT)|"
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.)|"
    r"\b(?:closer\s+to|towards?|by|in|later\s+in)\s+the\s+(?:evening|afternoon|morning)\b"
)


# every _CLOCK_RE match holds a digit or one of these words (a fast test before a pattern
# opening with \b under re.I)
_CLOCK_WORDS = prescreen.Words(("evening", "afternoon", "morning"), also=r"\d")


def _may_tell_the_clock(sent: str) -> bool:
    """False only where _CLOCK_RE cannot match."""
    return _CLOCK_WORDS.found_in(sent)


def clock_day(text: str, s0: int, sent: str, pub: date) -> date | None:
    """The day the sentence before names (in the same paragraph), for an undated sentence
    that goes on by the clock ("From about 15:00 they shelled X", "in the evening ...")."""
    if not _may_tell_the_clock(sent) or not _CLOCK_RE.search(sent):
        return None
    days = [
        h
        for h in find_dates(_sentence_before(text, s0), pub)
        if h.precision == "day" and not _SINCE_RE.match(h.text) and not _NIGHT_RE.match(h.text)
    ]
    return days[-1].value if days else None


_CLOCK_REACH = 400  # characters back to the sentence before


def _sentence_before(text: str, s0: int) -> str:
    """The sentence before offset `s0`, in its paragraph (at most _CLOCK_REACH characters)."""
    before = text[max(0, s0 - _CLOCK_REACH) : s0].rstrip()
    cut = max(
        before.rfind("\n"), *(before.rfind(p, 0, len(before) - 1) for p in (". ", "! ", "? "))
    )
    return before[cut + 1 :]


# voices' rule ids for a quotation's sentences whose speaker may be named after it closes
_QUOTE_LATER = ("attr.quote-attributed-later", "attr.quote-continues")
_QUOTE_CLOSE_RE = re.compile(r"[\"”]")
_STOP_RE = re.compile(r"[.!?](?:\s|$)")
_LOWER_NEXT_RE = re.compile(r"\s*[a-z]")


def quote_attribution_day(text: str, s0: int, s1: int, pub: date) -> date | None:
    """The statement's day a quotation names after it closes ('"A. B. C," the mayor said on
    Sunday.'), for its sentence at `s0`-`s1` (the quote closes there or later, in the same
    paragraph)."""
    pe = text.find("\n", s1)
    pe = len(text) if pe < 0 else pe
    close = _QUOTE_CLOSE_RE.search(text, max(s0 + 1, s1 - 2), pe)
    if close is None or (
        text[close.start() - 1] == "." and not _LOWER_NEXT_RE.match(text, close.end())
    ):
        return None  # '"... the line." On Monday ...': a new sentence, no attribution
    stop = _STOP_RE.search(text, close.end(), pe)
    tail = text[close.end() : stop.end() if stop else pe]
    days = [h for h in find_dates(tail, pub) if h.precision == "day" and h.value <= pub]
    return days[-1].value if days else None


# "... a barrage on Saturday. The strikes also hit Y": a sentence opening on the event just
# told (its noun after "the/this/that/these"), or on "the day", goes on with that day
_EVENT_ANAPHOR_RE = re.compile(
    r"^\W*(?:The|This|That|These|Those)\s+(?:(?:latest|overnight|same|drone|missile|air|"
    r"artillery|ground|Russian|Ukrainian)\s+)?(?:attacks?|strikes?|assaults?|raids?|"
    r"bombardments?|shelling|barrage|offensive|advance|incursion|capture|withdrawal)\b|"
    # "... 17 strikes on 30 May. The day also saw the commander declare ...": that day
    r"^\W*(?:The|That)\s+(?:same\s+)?day\s+(?:also\s+)?(?:saw|brought|was)\b"
)
_SENTENCE_BEFORE_END_RE = re.compile(r"[.!?][\"”’)\]]*\s*$")


def event_anaphor_day(text: str, s0: int, sent: str, pub: date) -> date | None:
    """The last day-precise date of the sentence before (not a period's start, a night or a
    dateline), for an undated sentence that opens on the event it told."""
    if not _EVENT_ANAPHOR_RE.match(sent):
        return None
    if not _SENTENCE_BEFORE_END_RE.search(text[max(0, s0 - _CLOCK_REACH) : s0].rstrip()):
        return None  # a clause cut from its sentence: not the sentence before
    prev = _sentence_before(text, s0)
    days = [
        h
        for h in find_dates(prev, pub)
        if h.precision == "day"
        and h.value <= pub
        and not (_SINCE_RE.match(h.text) or _NIGHT_RE.match(h.text) or _is_dateline(prev, h))
    ]
    return days[-1].value if days else None


# "... reported Russian gains since April 22. At the time, analysts said ...": the day just named
_THEN_RE = re.compile(r"^\W*At\s+(?:the|that)\s+time\b")


def then_day(text: str, s0: int, sent: str, pub: date) -> date | None:
    """The last day the sentence before names (a period's start included: the time it
    began), for an undated sentence opening on "At the time"."""
    if not _THEN_RE.match(sent):
        return None
    prev = _sentence_before(text, s0)
    days = [
        h
        for h in find_dates(prev, pub)
        if h.precision == "day" and h.value <= pub and not _is_dateline(prev, h)
    ]
    return days[-1].value if days else None


_EVENT_GROUP = {"fighting": "ground", "advancing": "ground", "holding": "ground"}
_SINCE_BEFORE_RE = re.compile(r"(?i)\bsince\s+(?:the\s+)?$")


def date_from_next(
    claims: list[ClaimRecord], pending: tuple[int, int], found: list[DateHit], sent: str, pub: date
) -> None:
    """ "X said its forces came under attack near Y. The military said there were 46 attacks
    on Wednesday.": a sentence making no claim of its own that dates the same kind of event
    (one day, an event cue of the same kind) dates the undated claims just before it."""
    days = [
        h for h in found if h.precision == "day" and not _SINCE_BEFORE_RE.search(sent, 0, h.start)
    ]
    if len(days) != 1 or days[0].value > pub:
        return
    kinds = {_EVENT_GROUP.get(c.type, c.type) for c in verbs.find_cues(sent) if not c.weak}
    for i in range(*pending):
        c = claims[i]
        if c.type != "denied" and _EVENT_GROUP.get(c.type, c.type) in kinds:
            claims[i] = replace(
                c,
                claim_date=days[0].value,
                date_precision="day",
                rules=(*c.rules, "date.next-sentence"),
            )


class SentenceDates:
    """find_dates once per sentence (several rules ask), keyed by the sentence's offset."""

    def __init__(self, published: date) -> None:
        self.published = published
        self.cache: dict[int, list[DateHit]] = {}

    def __call__(self, s0: int, sent: str) -> list[DateHit]:
        got = self.cache.get(s0)
        if got is None:
            got = self.cache[s0] = find_dates(sent, self.published)
        return got


_RIVAL_REACH = 300  # how far another claim's verb can compete for a date
