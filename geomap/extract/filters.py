"""Claim filters kept as data (rules/filters.toml): constructions where a sentence reads like
a claim but reporters do not mean one. The claims pass asks `dropped` for every claim it makes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from geomap.extract import prescreen
from geomap.extract.rules import HERE, _bad, _entries, _entry_id, _flag, _strings
from geomap.records import CLAIM_TYPES

_KEYS = {"id", "doc", "types", "place_kinds", "words", "narration", "lead", "examples", "not"}
_TALLY_KEYS = {"id", "doc", "words", "unless", "day", "min_days", "published", "examples", "not"}
_CLAUSE_KEYS = {"id", "doc", "pattern", "then", "types", "cue_before", "examples", "not"}
PLACE_KINDS = ("name", "ref-settlement", "ref-region", "ref-topic")


@dataclass(frozen=True)
class ClaimFilter:
    """Drop claims of `types` whose place was found as one of `place_kinds` (and, for a
    `narration` filter, only in the outlet's own sentences: no speaker named or carried)."""

    id: str
    types: frozenset[str]
    place_kinds: frozenset[str]
    words: re.Pattern | None = None  # the sentence must also say this
    narration: bool = False
    doc: str = ""
    lead: str = ""
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()

    def drops(self, ctype: str, place_kind: str, sent: str = "", narration: bool = False) -> bool:
        return (
            ctype in self.types
            and place_kind in self.place_kinds
            and (narration or not self.narration)
            and (self.words is None or self.words.search(sent) is not None)
        )


def _choices(path: Path, where: str, entry: dict, key: str, allowed: tuple) -> frozenset[str]:
    got = _strings(path, where, entry, key)
    if not got:
        raise _bad(path, where, f"{key!r} is missing or empty")
    if bad := [v for v in got if v not in allowed]:
        raise _bad(path, where, f"{key} {bad[0]!r} is not one of {', '.join(allowed)}")
    return frozenset(got)


def _types(path: Path, where: str, entry: dict) -> frozenset[str]:
    """The claim types an entry names; every type when it names none."""
    if "types" not in entry:
        return frozenset(CLAIM_TYPES)
    return _choices(path, where, entry, "types", CLAIM_TYPES)


def load_filters(path: Path | None = None) -> list[ClaimFilter]:
    """The [[filter]] entries of a filters file; a bad entry is a GeomapError naming it."""
    path = path or HERE / "filters.toml"
    seen: set[str] = set()
    out: list[ClaimFilter] = []
    for n, raw in enumerate(_entries(path, "filter"), 1):
        entry, where = _entry_id(path, "filter", n, raw, seen, _KEYS)
        out.append(
            ClaimFilter(
                entry["id"],
                _types(path, where, entry),
                _choices(path, where, entry, "place_kinds", PLACE_KINDS),
                _regex(path, where, entry, "words") if "words" in entry else None,
                _flag(path, where, entry, "narration"),
                str(entry.get("doc", "")),
                str(entry.get("lead", "")),
                _strings(path, where, entry, "examples"),
                _strings(path, where, entry, "not"),
            )
        )
    return out


@lru_cache(maxsize=1)
def default_filters() -> tuple[ClaimFilter, ...]:
    return tuple(load_filters())


def dropped(ctype: str, place_kind: str, sent: str = "", narration: bool = False) -> str | None:
    """The id of the filter that drops a claim of this type on a place found this way in
    this sentence (`narration`: the outlet's own words, no speaker)."""
    for f in default_filters():
        if f.drops(ctype, place_kind, sent, narration):
            return f.id
    return None


@dataclass(frozen=True)
class ClauseFilter:
    """Drop claims of `types` on places named inside a clause matching `pattern` when the
    rest of the sentence matches `then` (a forecast after a participle clause, ...)."""

    id: str
    pattern: re.Pattern
    then: re.Pattern | None = None
    types: frozenset[str] = frozenset(CLAIM_TYPES)
    cue_before: bool = False  # only a claim whose cue word comes before the clause
    doc: str = ""
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()

    def span(self, sent: str) -> tuple[int, int] | None:
        """Where in the sentence the clause lies (its group "clause" when the pattern names
        one: the words before it only anchor it), if it is there and its `then` follows."""
        for m in _finder(self.pattern).finditer(sent):
            if self.then is None or self.then.search(sent, m.end()):
                return m.span("clause") if "clause" in self.pattern.groupindex else m.span()
        return None


_FINDERS: dict[re.Pattern, prescreen.Finder] = {}


def _finder(pattern: re.Pattern) -> prescreen.Finder:
    """The pattern's prescreen.Finder (the same matches, tried only where one of the words its
    matches begin with does), made when first asked for."""
    f = _FINDERS.get(pattern)
    if f is None:
        f = _FINDERS[pattern] = prescreen.Finder(pattern)
    return f


def _regex(path: Path, where: str, entry: dict, key: str) -> re.Pattern:
    v = entry.get(key)
    if not isinstance(v, str) or not v.strip():
        raise _bad(path, where, f"{key!r} is missing or empty")
    try:
        return re.compile(v, re.I)
    except re.error as exc:
        raise _bad(path, where, f"{key} does not compile: {exc}") from None


def load_clauses(path: Path | None = None) -> list[ClauseFilter]:
    """The [[clause]] entries of a filters file; a bad entry is a GeomapError naming it."""
    path = path or HERE / "filters.toml"
    seen: set[str] = set()
    out: list[ClauseFilter] = []
    for n, raw in enumerate(_entries(path, "clause"), 1):
        entry, where = _entry_id(path, "clause", n, raw, seen, _CLAUSE_KEYS)
        out.append(
            ClauseFilter(
                entry["id"],
                _regex(path, where, entry, "pattern"),
                _regex(path, where, entry, "then") if "then" in entry else None,
                _types(path, where, entry),
                _flag(path, where, entry, "cue_before"),
                str(entry.get("doc", "")),
                _strings(path, where, entry, "examples"),
                _strings(path, where, entry, "not"),
            )
        )
    return out


@lru_cache(maxsize=1)
def default_clauses() -> tuple[ClauseFilter, ...]:
    return tuple(load_clauses())


def dropped_clause(sent: str, pos: int, ctype: str, cue: int = -1) -> str | None:
    """The id of the clause filter whose clause holds offset `pos` of the sentence and
    drops claims of type `ctype` (a `cue_before` filter: only when the claim's cue word, at
    offset `cue`, comes before the clause: the clause's place only locates another)."""
    for f in default_clauses():
        span = f.span(sent) if ctype in f.types else None
        if (
            span is not None
            and span[0] <= pos < span[1]
            and (not f.cue_before or 0 <= cue < span[0])
        ):
            return f.id
    return None


@dataclass(frozen=True)
class TallyFilter:
    """Drop a claim dated `day` whose sentence says `words` ("since Russia invaded on 24
    February"), in an article written at least `min_days` later: the dating pass read the
    "since" as the claim's day; the sentence tallies the whole war, not one event."""

    id: str
    words: re.Pattern
    day: date
    min_days: int
    unless: re.Pattern | None = None  # a sentence saying this is no tally
    doc: str = ""
    published: date | None = None  # the examples' publication day
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()

    def drops(
        self, quote: str, claim_day: date | None, published: date | None, precision: str = "day"
    ) -> bool:
        return (
            self._on_day(claim_day, precision)
            and published is not None
            and (published - self.day).days >= self.min_days
            and self.words.search(quote) is not None
            and (self.unless is None or self.unless.search(quote) is None)
        )

    def _on_day(self, claim_day: date | None, precision: str) -> bool:
        """The claim is dated the tally's day, or its month or year when that is all the
        sentence gives ("since the invasion began in February 2022")."""
        if claim_day is None:
            return False
        if claim_day == self.day:
            return True
        if precision == "month":
            return (claim_day.year, claim_day.month) == (self.day.year, self.day.month)
        return precision == "year" and claim_day.year == self.day.year


def _day(path: Path, where: str, entry: dict, key: str) -> date:
    try:
        return date.fromisoformat(str(entry.get(key)))
    except ValueError:
        raise _bad(path, where, f"{key} {entry.get(key)!r} is not a YYYY-MM-DD date") from None


def load_tallies(path: Path | None = None) -> list[TallyFilter]:
    """The [[tally]] entries of a filters file; a bad entry is a GeomapError naming it."""
    path = path or HERE / "filters.toml"
    seen: set[str] = set()
    out: list[TallyFilter] = []
    for n, raw in enumerate(_entries(path, "tally"), 1):
        entry, where = _entry_id(path, "tally", n, raw, seen, _TALLY_KEYS)
        if not isinstance(entry.get("min_days"), int) or entry["min_days"] < 0:
            raise _bad(path, where, "'min_days' must be a whole number of days")
        out.append(
            TallyFilter(
                entry["id"],
                _regex(path, where, entry, "words"),
                _day(path, where, entry, "day"),
                entry["min_days"],
                _regex(path, where, entry, "unless") if "unless" in entry else None,
                str(entry.get("doc", "")),
                _day(path, where, entry, "published") if "published" in entry else None,
                _strings(path, where, entry, "examples"),
                _strings(path, where, entry, "not"),
            )
        )
    return out


@lru_cache(maxsize=1)
def default_tallies() -> tuple[TallyFilter, ...]:
    return tuple(load_tallies())


def dropped_tally(
    quote: str, claim_day: date | None, published: date | None, precision: str = "day"
) -> str | None:
    """The id of the tally filter that drops a claim with this quote and day (of this
    precision: "day", "month", "year")."""
    for f in default_tallies():
        if f.drops(quote, claim_day, published, precision):
            return f.id
    return None


_ERA_KEYS = {"id", "doc", "before", "words", "published", "examples", "not"}


@dataclass(frozen=True)
class EraFilter:
    """Drop a claim dated before `before` in an article published after it, when the
    sentence writes that year as `words` say (its group "year"): the map shows the war from
    that day on, and the analysts leave what came before ("seized in 2014", "fell in 2015")
    out as history. A count read as a year ("in 2000 attacks") is no history."""

    id: str
    before: date
    words: re.Pattern
    doc: str = ""
    published: date | None = None  # the examples' publication day
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()

    def drops(self, quote: str, claim_day: date | None, published: date | None) -> bool:
        if claim_day is None or published is None or not claim_day < self.before <= published:
            return False
        years = {m.group("year") for m in self.words.finditer(quote)}
        return str(claim_day.year) in years


def load_eras(path: Path | None = None) -> list[EraFilter]:
    """The [[era]] entries of a filters file; a bad entry is a GeomapError naming it."""
    path = path or HERE / "filters.toml"
    seen: set[str] = set()
    out: list[EraFilter] = []
    for n, raw in enumerate(_entries(path, "era"), 1):
        entry, where = _entry_id(path, "era", n, raw, seen, _ERA_KEYS)
        words = _regex(path, where, entry, "words")
        if "year" not in words.groupindex:
            raise _bad(path, where, "'words' must name the year with a group (?P<year>...)")
        out.append(
            EraFilter(
                entry["id"],
                _day(path, where, entry, "before"),
                words,
                str(entry.get("doc", "")),
                _day(path, where, entry, "published") if "published" in entry else None,
                _strings(path, where, entry, "examples"),
                _strings(path, where, entry, "not"),
            )
        )
    return out


@lru_cache(maxsize=1)
def default_eras() -> tuple[EraFilter, ...]:
    return tuple(load_eras())


def dropped_era(quote: str, claim_day: date | None, published: date | None) -> str | None:
    """The id of the era filter that drops a claim with this quote and day in an article
    published on this day."""
    for f in default_eras():
        if f.drops(quote, claim_day, published):
            return f.id
    return None
