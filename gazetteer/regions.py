"""Admin-1 regions, region groups and country names from the shipped data file, and the
parsing of reporting phrases such as "the border region of Sumy" or "Russia's Kursk region"."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazetteer.errors import GazetteerError
from gazetteer.normalize import normalize
from gazetteer.outlines import outlines_digest, region_outline

DATA_FILE = Path(__file__).resolve().parent / "data" / "regions.json"

# Words that turn a region's core name into a region phrase ("Sumy region", "Kursk Oblast").
REGION_WORDS = (
    "region",
    "oblast",
    "province",
    "krai",
    "kray",
    "republic",
    "territory",
    "governorate",
    "area",
    "oblast region",
)
# Leading words reporting puts before a region phrase; stripped before matching.
_LEADING = (
    "the",
    "border",
    "frontline",
    "front line",
    "front",
    "southern",
    "northern",
    "eastern",
    "western",
    "central",
    "south",
    "north",
    "east",
    "west",
    "occupied",
    "partially occupied",
    "annexed",
    "russian occupied",
    "russian controlled",
    "neighbouring",
    "neighboring",
    "embattled",
    "contested",
    "ukrainian controlled",
    "so called",
    "self proclaimed",
    "self declared",
)
_PLURALS = {"regions": "region", "oblasts": "oblast", "provinces": "province"}
_OF_WORDS = ("region", "oblast", "province", "republic", "territory", "area", "governorate")


@dataclass(frozen=True)
class RegionSpec:
    id: str
    country: str
    name: str
    core: tuple[str, ...]
    aliases: tuple[str, ...]
    members: tuple[str, ...] = ()

    def alias_keys(self) -> set[str]:
        """Every normalised name under which this region resolves on its own."""
        keys = {normalize(self.name)} | {normalize(a) for a in self.aliases}
        for c in self.core:
            ck = normalize(c)
            for w in REGION_WORDS:
                keys.add(f"{ck} {w}")
            # Ukrainian/Russian case forms: Донецької/Донецькій/Донецкой области
            forms: list[str] = []
            if ck.endswith("ska"):
                forms = [ck[:-1] + "oi", ck[:-1] + "ii"]
            elif ck.endswith("skaya"):
                forms = [ck[:-3] + "oy", ck[:-3] + "oi"]
            for f in forms:
                keys.update((f"{f} oblasti", f"{f} oblast"))
        return {k for k in keys if k}


@dataclass(frozen=True, eq=False)
class RegionData:
    regions: tuple[RegionSpec, ...]
    groups: tuple[RegionSpec, ...]
    countries: dict[str, tuple[str, ...]]
    digest: str
    drop_alternates: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def country_keys(self) -> dict[str, str]:
        """normalised country name / adjective -> ISO code."""
        return _country_keys(self)


@lru_cache(maxsize=1)
def _country_keys(data: RegionData) -> dict[str, str]:
    out: dict[str, str] = {}
    for cc, names in data.countries.items():
        for n in names:
            out[normalize(n)] = cc
    return out


@lru_cache(maxsize=4)
def load_region_data(path: Path = DATA_FILE) -> RegionData:
    """Parse the region data file; a broken file is a GazetteerError naming it."""
    try:
        raw = path.read_bytes()
        doc = json.loads(raw)
        regions = tuple(
            RegionSpec(r["id"], r["country"], r["name"], tuple(r["core"]), tuple(r["aliases"]))
            for r in doc["regions"]
        )
        groups = tuple(
            RegionSpec(
                g["id"],
                g["country"],
                g["name"],
                tuple(g["aliases"]),
                tuple(g["aliases"]),
                tuple(g["members"]),
            )
            for g in doc["groups"]
        )
        countries = {cc: tuple(v) for cc, v in doc["countries"].items()}
        drop = {gid: frozenset(v) for gid, v in doc.get("drop_alternates", {}).items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GazetteerError(f"region data file {path} is unreadable: {exc}") from exc
    # The outlines digest is part of the region data's: new boundaries rebuild the index.
    digest = hashlib.sha1(raw + outlines_digest().encode()).hexdigest()[:16]
    return RegionData(regions, groups, countries, digest, drop)


# Every phrase holds at least one of these words (or a country name).
_PHRASE_WORDS = frozenset(
    w for phrase in (*REGION_WORDS, *_LEADING, *_OF_WORDS, *_PLURALS) for w in phrase.split()
)


def _strip_leading(
    words: list[str], country_keys: dict[str, str]
) -> tuple[list[str], str | None, bool]:
    """Drop "the", qualifiers and a country ("russias", "ukrainian") from the front.

    Returns the rest, the country named, and whether anything beyond "the" and a possessive
    country ("Russia's") was dropped: then only a region may match the rest.
    """
    country = None
    qualified = False
    changed = True
    while changed and words:
        changed = False
        for n in (2, 1):
            head = " ".join(words[:n])
            if len(words) > n and (head in _LEADING):
                qualified = qualified or head != "the"
                words = words[n:]
                changed = True
                break
            if len(words) > n and head in country_keys:
                country = country_keys[head]
                possessive = head.endswith("s") and head[:-1] in country_keys
                qualified = qualified or not possessive
                words = words[n:]
                changed = True
                break
    return words, country, qualified


def phrase_keys(
    key: str, country_keys: dict[str, str]
) -> tuple[list[tuple[str, bool]], str | None]:
    """Canonical keys a phrase may stand for (key, region_only), plus a country it names.

    "the ukrainian border region of sumy" -> ([("sumy region", True), ...], "UA");
    "russias kursk region" -> ([("kursk region", False)], "RU"). Empty list when not a phrase.
    """
    words = key.split()
    if len(words) < 2:
        return [], None
    if not any(w in _PHRASE_WORDS or w in country_keys for w in words):
        return [], None  # fast path: most n-grams of a text hold no phrase word at all
    words, country, qualified = _strip_leading(words, country_keys)
    if not words:
        return [], country
    out: list[tuple[str, bool]] = []
    # "<word> of X" -> "X <word>", "X region"
    if len(words) >= 3 and words[0] in _OF_WORDS and words[1] == "of":
        rest_words, c2, _ = _strip_leading(words[2:], country_keys)
        rest = " ".join(rest_words)
        country = country or c2
        out += [(f"{rest} {words[0]}", True), (f"{rest} region", True), (rest, True)]
    stripped = " ".join(words)
    if stripped != key:
        out.append((stripped, qualified))
    if len(words) >= 2 and words[-1] in _PLURALS:  # "(Donetsk and) Luhansk regions"
        out.append((" ".join([*words[:-1], _PLURALS[words[-1]]]), True))
    return out, country


# -- lists of regions ("the regions of Sumy and Donetsk", "Sumy and Kharkiv oblasts") --------
_NAME = r"[A-ZА-ЯІЇЄҐ][\w'’-]+"
_MOD_WORDS = (
    "border|frontline|front-line|front|neighbouring|neighboring|occupied|"
    "southern|northern|eastern|western"
)
_MODS = rf"(?:(?:{_MOD_WORDS})\s+)*"
_LIST = rf"{_NAME}(?:\s*,\s*{_NAME})*,?\s+(?:and|&)\s+{_NAME}"
_REGION_LIST_PATTERNS = (
    # "the Donetsk, Kharkiv and Luhansk regions", "Sumy and Kharkiv border oblasts"
    re.compile(rf"(?:\bthe\s+)?(?P<names>{_LIST})\s+{_MODS}(?:regions|oblasts|provinces)\b"),
    # "the regions of Sumy and Donetsk", "the border regions of Kursk, Bryansk and Belgorod"
    re.compile(rf"(?:\bthe\s+)?{_MODS}(?:regions|oblasts|provinces)\s+of\s+(?P<names>{_LIST})"),
)
# "the Kursk border region", "Belgorod frontline oblast": (?:\bthe\s+)?(?P<names>{_NAME})\s+...
# written to open with a class (its first letter: "t" of "the" or the name's capital), so
# that the engine skips to those letters instead of trying the whole pattern at every
# position; the same matches, the name being the span of `n1`, or the match up to `n2`'s end
_REGION_ONE_RE = re.compile(
    r"[tA-ZА-ЯІЇЄҐ](?:(?<=\bt)he\s+(?P<n1>[A-ZА-ЯІЇЄҐ][\w'’-]+)|(?<=[A-ZА-ЯІЇЄҐ])(?P<n2>[\w'’-]+))"
    rf"\s+{_MODS}(?:region|oblast|province)\b"
)
_PLURALS_WRITTEN = ("regions", "oblasts", "provinces")  # every list pattern's match holds one
_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")


@dataclass(frozen=True)
class RegionMention:
    """One region a region phrase names: its id, official name and the span of the phrase."""

    id: str
    name: str
    start: int
    end: int
    phrase: str


@lru_cache(maxsize=1)
def _core_index() -> dict[str, RegionSpec]:
    """normalised core name ("sumy") -> region, from the region data file."""
    out: dict[str, RegionSpec] = {}
    for spec in load_region_data().regions:
        for c in (*spec.core, spec.name):
            out.setdefault(normalize(c), spec)
    return out


def region_phrase(text: str) -> list[RegionMention]:
    """The regions that plural, list and modified region phrases in `text` name, in order:
    "the regions of Sumy and Donetsk", "Sumy and Kharkiv oblasts", "Donetsk and Luhansk
    regions", "the Kursk border region" -> Sumy, Donetsk, Kharkiv, ... oblasts. Names that
    are not regions of the data file are left out; a phrase with none yields nothing."""
    index = _core_index()
    found: list[RegionMention] = []
    taken: list[tuple[int, int]] = []
    lists = _REGION_LIST_PATTERNS if any(w in text for w in _PLURALS_WRITTEN) else ()
    for pattern in (*lists, _REGION_ONE_RE):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            specs = [index.get(normalize(n)) for n in _SPLIT_RE.split(_names(m).strip())]
            specs = [s for s in specs if s is not None]
            if not specs:
                continue
            taken.append((m.start(), m.end()))
            found += [
                RegionMention(s.id, s.name, m.start(), m.end(), m.group(0))
                for s in dict.fromkeys(specs)
            ]
    return sorted(found, key=lambda r: r.start)


def _names(m: re.Match[str]) -> str:
    """The names a region phrase match lists (the `names` group, or _REGION_ONE_RE's name)."""
    if m.re is not _REGION_ONE_RE:
        return m.group("names")
    if m.group("n1") is not None:
        return m.group("n1")
    return m.string[m.start() : m.end("n2")]


def group_members(region_id: str) -> frozenset[str]:
    """The admin-1 regions a region group is made of ("UA.DONBAS": Donetsk and Luhansk
    oblasts); empty for an ordinary region or an unknown id. A place in a member region
    lies in the group ("Kurakhove in Donbas" is not located elsewhere)."""
    try:
        groups = load_region_data().groups
    except GazetteerError:
        return frozenset()
    return next((frozenset(g.members) for g in groups if g.id == region_id), frozenset())


def region_boundary(region_id: str) -> Any:
    """The real boundary (Natural Earth) of an admin-1 region ("UA.07", "UA-63") or of a group
    of them ("UA.DONBAS": the union of its members), or None where none is shipped (the
    gazetteer then falls back to a hull around the region's settlements)."""
    members: tuple[str, ...] = ()
    try:
        for g in load_region_data().groups:
            if g.id == region_id:
                members = g.members
                break
    except GazetteerError:
        pass  # the outlines stand on their own
    return region_outline(region_id, members)
