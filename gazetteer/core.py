"""The Gazetteer: name -> ranked candidate places, explained, from the offline index."""

from __future__ import annotations

import contextlib
import difflib
import functools
import json
import math
import os
import re
import sqlite3
import threading
import unicodedata
import warnings
from functools import partial
from pathlib import Path
from typing import Any

from gazetteer.bloom import Bloom
from gazetteer.errors import GazetteerError, UnknownPlaceError
from gazetteer.index import (
    ALT_SEP,
    KIND_ALT,
    KIND_NAME,
    KIND_REGION,
    OVERLAY_FORMAT,
    STOPWORDS,
    VARIANT_SIM,
    _not_names,
    build_index,
    build_lock,
    cache_path,
    check_sqlite_file,
    default_source,
    fingerprint,
    read_meta,
)
from gazetteer.model import Candidate, Context, Place
from gazetteer.normalize import glide_variants, loose_key, normalize
from gazetteer.outlines import load_outlines, outline_near
from gazetteer.regions import load_region_data, phrase_keys, region_phrase
from gazetteer.world import world_data

MAX_NAME_CHARS = 200

# Feature weights of the disambiguation score (see Gazetteer._score).
W_MATCH = {KIND_NAME: 1.0, KIND_ALT: 0.6, KIND_REGION: 3.0}
W_LOOSE = -1.0
W_POP = 0.35  # per decade of population
# A big city is named without qualification ("London", "Rome"); a namesake is qualified or
# made clear by its region. So each decade above BIG_POP weighs W_BIG more: evidence that
# the document is about another country alone does not move such a name abroad.
W_BIG = 1.0
BIG_POP = 100_000
BIG_MIN_SIM = 0.85  # ... for its own name or a spelling of it (St. Petersburg), not another
# Feature-type prior among region readings: a bare "Georgia" is the country unless the
# document's context says otherwise (the US state then gets the country/region bonuses). A
# county or an airport yields to a town of the same name unless the context says otherwise
# ("Kent" in Ohio; "Heathrow" in Florida): region readings start at W_MATCH[KIND_REGION].
W_FEATURE = {"country": 0.5, "admin2": -0.5, "airport": -1.0}
W_SUPPORT = 1.5  # a region where other names of the document have readings (up to SUPPORT_FULL)
SUPPORT_FULL = 3
SUPPORT_MAX_REGIONS = 10  # names read in more regions than this are no evidence of any
W_SHADOW = -1.5  # a settlement reading of a country's or continent's name (_shadowed)
W_COUNTRY = 2.0
W_ADMIN1 = 3.0
ADMIN1_FULL = 2  # mentions of a region for its full bonus (see _admin1_weight)
W_NEAR = 3.0
NEAR_KM = 100.0
FAR_OTHER_NAME_SCORE = 4.0  # a reading by another name or spelling below this never holds
FAR_TOWN_POP = 10_000  # a settlement this big is read by its own name outside the story's region
FAR_NEAR_KM = 50.0  # ... and so is one this close to a place the story names
FAR_NEAR_DEG = 0.5  # ... or this close to the named regions' boundary (~35-55 km at 45-55 N)
NEAR_GUARD_KM = 100.0  # an own-name reading this close to a context place is context-supported
W_COUNTRY_HINT = 2.5  # country named inside the phrase itself ("Russia's Kursk region")
W_SIMILAR = 3.0  # loose matches: times the best string similarity to one of the names
LOOSE_MIN_SIMILARITY = 0.8  # loose matches less similar than this are not candidates
W_ALT_BASE = 0.3  # alternate-name matches: this plus W_ALT_PRIMARY x similarity of the
W_ALT_PRIMARY = 0.7  # matched name to the place's primary name (Sloviansk~Slovyansk, not Nikopol)
W_NAMED = W_NEAR  # the place itself is one the document names: as good as being next to one
# Name strength of a reading, for context gating (Gazetteer._own_name_guard): the place's own
# name (primary, a spelling of it, or a region name) > another of its names > a loose match.
RANK_OWN, RANK_OTHER, RANK_LOOSE = 2, 1, 0

# alternate names and polygons are not here: places fetch them on first access (_load_field)
_PLACE_COLS = (
    "p.rid, p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.precision, "
    "p.population, p.geonameid, p.members"
)
# The hot query reads one clustered range of `names`, which carries what settlements are
# ranked on (their id, precision and geonameid derive from the rid); regions (negative rids)
# are read once at open.
_LOOKUP_SQL = (
    "SELECT rid, kind, sim, name, lat, lon, country, admin1, population FROM names WHERE key = ?"
)
_KIND_OF = {"name": KIND_NAME, "alternate": KIND_ALT, "region": KIND_REGION}
_KIND_NAMES = {v: k for k, v in _KIND_OF.items()}
_LABELS = {"name": "name", "alternate": "alternate name", "region": "region name"}
_NO_CONTEXT = Context()  # shared, never modified (candidates only reads contexts)
_NAME_LINKS = frozenset({"of", "on", "upon", "na", "nad", "pid", "pod", "de", "la", "le", "am"})
_ID_RE = re.compile(r"^(?:\d{1,12}|[A-Z]{2}\.[A-Z0-9]{1,12})$")
_PLURAL_HINT = re.compile(r"(?i)region|oblast|province")  # region_phrase's words, a fast gate
_SEGMENT_RE = re.compile(r"[.,;:!?()\[\]{}\"“”«»\n\r\t|/]+")
_WORD_RE = re.compile(r"[\w'’ʼ-]+")


def check_name(name: Any) -> str:
    """Validate a user-supplied name; GazetteerError says what is wrong with it."""
    if not isinstance(name, str):
        raise GazetteerError(f"place name must be text, got {type(name).__name__}")
    if len(name) > MAX_NAME_CHARS:
        raise GazetteerError(
            f"place name is {len(name)} characters long (max {MAX_NAME_CHARS}): {name[:40]!r}..."
        )
    bad = (
        []
        if name.isprintable()
        else [  # printable: no control characters at all
            c for c in name if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") and c != "\t"
        ]
    )
    if bad:
        raise GazetteerError(
            f"place name {name[:60]!r} contains control characters "
            f"({', '.join(f'U+{ord(c):04X}' for c in bad[:3])})"
        )
    if not name.strip():
        raise GazetteerError("place name is empty")
    return name


W_WITHIN = -1.0  # a place read from inside a longer name (Gazetteer._within)
_WITHIN_WORD_RE = re.compile(r"[\w'’.&-]+")


@functools.lru_cache(maxsize=1)
def _within_rules() -> dict[str, Any]:
    path = Path(__file__).resolve().parent / "data" / "within.json"
    return json.loads(path.read_text(encoding="utf-8"))


def within_names(name: str) -> list[str]:
    """Place names a longer name may be read by, in order: its leading words, longest first
    and never the head word ("Dubai World Cup": Dubai World, Dubai), then the words after its
    last link word ("Bank of England": England); none when it starts or ends with a word for
    a natural feature or a place of its own ("Indian Ocean", "Madison Township")."""
    rules = _within_rules()
    words = _WITHIN_WORD_RE.findall(name)
    heads = rules["feature_heads"]
    if len(words) < 2 or words[-1].lower() in heads or words[0].lower() in heads:
        return []
    links = set(rules["link_words"])
    out = []
    cut = max((i for i, w in enumerate(words) if w.lower() in links), default=-1)
    lead = words[: cut if cut > 0 else len(words)]
    for n in range(len(lead) - 1, 0, -1):  # never the head word ("Bank" of England)
        if all(w[:1].isupper() for w in lead[:n]):
            out.append(" ".join(lead[:n]))
    if 0 < cut < len(words) - 1:
        out.append(" ".join(words[cut + 1 :]))
    return [s for s in dict.fromkeys(out) if s[:1].isupper()]


_SHADOWING = frozenset({"country", "continent"})
# Features whose names are no evidence of a document's country or region: an airport's bare
# name may be a person's ("Dulles", "Logan"); the airport is read when asked for, never as
# context.
_NO_CONTEXT_FEATURES = frozenset({"airport"})


def _shadowed(score: float, parts: list[Any], place: Place, match: str) -> tuple:
    """A settlement reading of a country's or continent's name ("China", Texas; "London"
    is not one): it needs strong context to win over the country."""
    parts.append(("a country's or continent's name ({:+.2f})", W_SHADOW))
    return score + W_SHADOW, parts, place, match


def _write_reasons(parts: list[tuple[Any, ...]], _field: str = "reasons") -> list[str]:
    """A candidate's reasons from the features its score recorded (Gazetteer._score)."""
    return [fmt.format(*values) for fmt, *values in parts]


def _order(scored: tuple[float, list[Any], Place, str]) -> tuple[float, int, str]:
    """Ranking of (score, features, place, match): best score, then bigger population, then
    id (stable across runs)."""
    return (-scored[0], -scored[2].population, scored[2].id)


def _name_rank(match: str, sim: float) -> int:
    """How strongly a reading's matched name is the place's own (RANK_*)."""
    if match == "alternate":
        return RANK_OWN if sim >= VARIANT_SIM else RANK_OTHER
    return RANK_LOOSE if match == "loose" else RANK_OWN


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    dlat, dlon = r(lat2 - lat1), r(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(dlon / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _similarity(key: str, place: Place) -> float:
    """Best difflib ratio between a key and the place's (normalised) names."""
    best = 0.0
    for n in (place.name, *place.alternate_names):
        best = max(best, difflib.SequenceMatcher(None, key, normalize(n)).ratio())
    return best


class Gazetteer:
    """Read-only view of one index file (plus an optional overlay of imported places)."""

    def __init__(
        self, path: str | os.PathLike[str], overlay: str | os.PathLike[str] | bool | None = None
    ):
        """Open an existing index file; `overlay` None = the default overlay beside it if it
        exists, False = none, else a path."""
        self.path = Path(path)
        why = check_sqlite_file(self.path)
        if why:
            raise GazetteerError(f"gazetteer index {self.path} is {why}; delete it to rebuild")
        try:
            # immutable: the file is never written in place (builds replace it atomically and
            # an open connection keeps reading the old inode), so SQLite may skip the file
            # locking and change checks it otherwise does on every query (~2.5 us each)
            self._conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro&immutable=1",
                uri=True,
                check_same_thread=False,
            )
            # no mmap: with an immutable file, SQLite's own page cache reads pages with
            # lock-free pread; first-touch page faults of a memory map were slower here
            # (first lookups of well-known names: ~19 us vs ~23 us median)
            self.meta = read_meta(self._conn)
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"gazetteer index {self.path} is corrupt ({exc}); delete it to rebuild"
            ) from exc
        self.max_name_words: int = int(self.meta.get("max_name_words", "6"))
        self._lock = threading.Lock()
        self._by_rid: dict[tuple[str, int], Place] = {}
        self._lookup_cache: dict[str, list[tuple[Place, int, float]]] = {}
        self._is_name_cache: dict[str, bool] = {}
        self._context_cache: dict[str, tuple] = {}
        self._segment_cache: dict[tuple, list[tuple]] = {}
        self._words_cache: dict[str, tuple[tuple[str, bool], ...]] = {}
        self._bloom_cache: Bloom | None | bool = False
        self._bloom_loose_cache: Bloom | None | bool = False
        self._country_codes: dict[str, str] = json.loads(self.meta.get("country_codes", "{}"))
        self._written_forms: dict[str, str] = world_data().get("written_forms", {}).get("forms", {})
        self._regions = load_region_data()
        core = -int(self.meta.get("core_regions", "1000000"))
        # the core regions' features now; the world's (~13k rows) one by one when first read
        self._features: dict[int, str] = dict(
            self._query("SELECT rid, feature FROM features WHERE rid >= ?", (core,))
        )
        for row in self._query(
            f"SELECT {_PLACE_COLS} FROM places p WHERE p.rid < 0 AND p.rid >= ?", (core,)
        ):
            self._place(row)  # Ukraine's and Russia's regions; the world's when first asked
        self._country_keys: dict[str, str] = (
            json.loads(self.meta["country_keys"])
            if "country_keys" in self.meta
            else self._regions.country_keys
        )
        self.overlay_path: Path | None = None
        if overlay is not False:
            ov = (
                Path(overlay)
                if overlay not in (None, True)  # type: ignore[arg-type]
                else self.path.with_name(self.path.stem + "-overlay.sqlite")
            )
            if ov.exists():
                self._attach_overlay(ov)
        self._bloom  # noqa: B018 - load it now (~1 ms) rather than inside some lookup

    # -- opening --------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        source: str | os.PathLike[str] | None = None,
        cache: str | os.PathLike[str] | None = None,
        rebuild: bool = False,
    ) -> Gazetteer:
        """Open the index for `source`, building it first if missing, stale, or damaged."""
        src = Path(source) if source else default_source()
        dest = cache_path(cache)
        if not rebuild and cls._is_fresh(dest, src):
            return cls(dest)
        try:
            with build_lock(dest):
                if rebuild or not cls._is_fresh(dest, src):
                    build_index(src, dest)
        except OSError as exc:
            raise GazetteerError(
                f"cannot write the gazetteer index at {dest} ({exc.strerror or exc}); set "
                "GEOMAP_GAZETTEER_CACHE to a writable file or directory"
            ) from exc
        return cls(dest)

    @classmethod
    def build(
        cls,
        source: str | os.PathLike[str] | None = None,
        cache: str | os.PathLike[str] | None = None,
    ) -> Gazetteer:
        """Rebuild the index unconditionally (e.g. from a small source file in tests)."""
        return cls.open(source, cache, rebuild=True)

    @staticmethod
    def _is_fresh(dest: Path, src: Path) -> bool:
        if not dest.exists() or check_sqlite_file(dest):
            return False
        try:
            conn = sqlite3.connect(f"{dest.resolve().as_uri()}?mode=ro", uri=True)
            try:
                meta = read_meta(conn)
                conn.execute("SELECT 1 FROM names LIMIT 1").fetchall()
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            return False
        return meta.get("complete") == "1" and meta.get("fingerprint") == fingerprint(src)

    def _attach_overlay(self, path: Path) -> None:
        """Attach the imported-places overlay; a damaged one is skipped with a warning (the
        main index still works), never an exception."""
        why = check_sqlite_file(path)
        if not why:
            try:
                self._conn.execute(
                    "ATTACH DATABASE ? AS ov", (f"{path.resolve().as_uri()}?mode=ro",)
                )
                fmt = dict(self._conn.execute("SELECT k, v FROM ov.meta").fetchall())
                if fmt.get("format") == str(OVERLAY_FORMAT):
                    self.overlay_path = path
                    return
                why = f"of another format ({fmt.get('format')})"
            except sqlite3.DatabaseError as exc:
                why = f"unreadable ({exc})"
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("DETACH DATABASE ov")
        warnings.warn(
            f"gazetteer overlay {path} is {why}: ignored; delete it and import again", stacklevel=3
        )

    def close(self) -> None:
        self._conn.close()

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._lock:
                return self._conn.execute(sql, args).fetchall()
        except sqlite3.ProgrammingError as exc:
            raise GazetteerError(f"gazetteer {self.path} is closed ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(
                f"gazetteer index {self.path} is unreadable ({exc}); delete it to rebuild"
            ) from exc

    # -- places ---------------------------------------------------------------------------
    def _feature_of(self, rid: int) -> str:
        """A region's feature type (admin1, country, airport, ...), read once per region."""
        feature = self._features.get(rid)
        if feature is None:
            rows = self._query("SELECT feature FROM features WHERE rid = ?", (rid,))
            feature = self._features[rid] = rows[0][0] if rows else "admin1"
        return feature

    def _place(self, row: tuple[Any, ...], schema: str = "main") -> Place:
        key = (schema, row[0])
        p = self._by_rid.get(key)
        if p is not None:
            return p
        p = Place.from_index(
            partial(self._load_field, schema, row[0]),
            {
                "id": row[1],
                "name": row[2],
                "lat": row[3],
                "lon": row[4],
                "country": row[5],
                "admin1": row[6],
                "precision": row[7],
                "population": row[8] or 0,
                "geonameid": row[9],
                "members": tuple(row[10].split(",")) if row[10] else (),
                "feature": self._feature_of(row[0])
                if schema == "main" and row[0] < 0
                else (
                    "settlement"
                    if row[7] == "settlement"
                    else ("admin2" if str(row[1]).count(".") == 2 else "admin1")
                ),
            },
        )
        if len(self._by_rid) < 100_000:
            self._by_rid[key] = p
        return p

    def _load_field(self, schema: str, rid: int, field: str) -> Any:
        """A place's alternate names or polygon, read when first asked for (Place.from_index)."""
        if field == "alternate_names":
            rows = self._query(f"SELECT alt FROM {schema}.places WHERE rid = ?", (rid,))
            return tuple(rows[0][0].split(ALT_SEP)) if rows and rows[0][0] else ()
        rows = self._query(f"SELECT wkb FROM {schema}.shapes WHERE rid = ?", (rid,))
        if not rows:
            return None
        import shapely

        return shapely.from_wkb(rows[0][0])

    def _get_rid(self, rid: int) -> Place | None:
        """A place by rid: main index first, then the overlay."""
        hit = self._by_rid.get(("main", rid))
        if hit is not None:
            return hit
        rows = self._query(f"SELECT {_PLACE_COLS} FROM places p WHERE p.rid = ?", (rid,))
        if rows:
            return self._place(rows[0])
        if self.overlay_path:
            rows = self._query(f"SELECT {_PLACE_COLS} FROM ov.places p WHERE p.rid = ?", (rid,))
            if rows:
                return self._place(rows[0], "ov")
        return None

    def get(self, place_id: str | int) -> Place:
        """A place by id: GeoNames id ("709354"), admin-1 ("UA.21") or group ("UA.DONBAS")."""
        pid = str(place_id).strip()
        rows = self._query(f"SELECT {_PLACE_COLS} FROM places p WHERE p.id = ?", (pid,))
        if rows:
            return self._place(rows[0])
        if self.overlay_path:
            rows = self._query(f"SELECT {_PLACE_COLS} FROM ov.places p WHERE p.id = ?", (pid,))
            if rows:
                return self._place(rows[0], "ov")
        raise UnknownPlaceError(pid, [])

    def in_main_index(self, place_id: str) -> bool:
        """Is this id in the main index (not only the overlay)?"""
        return bool(self._query("SELECT 1 FROM places WHERE id = ?", (str(place_id),)))

    def region(self, admin1: str) -> Place:
        """An admin-1 region ("UA.21") or group; UnknownPlaceError if there is none."""
        p = self.get(admin1.strip().upper() if "." in admin1 else admin1)
        if p.precision != "region":
            raise UnknownPlaceError(admin1, [])
        return p

    # -- lookups --------------------------------------------------------------------------
    def _lookup(self, key: str) -> list[tuple[Place, int, float]]:
        """(place, kind, similarity to its primary name) for one exact key, index + overlay.
        The Bloom filter answers misses (names asked for too: a miss must cost microseconds)."""
        hit = self._lookup_cache.get(key)
        if hit is not None:
            return hit
        bloom = self._bloom
        if bloom is not None and key not in bloom:
            return []
        out = []
        by_rid = self._by_rid
        for rid, kind, sim, name, lat, lon, country, admin1, pop in self._query(
            _LOOKUP_SQL, (key,)
        ):
            place = by_rid.get(("main", rid))
            if place is None:
                place = (
                    self._get_rid(rid)
                    if rid < 0
                    else Place.from_index(
                        partial(self._load_field, "main", rid),
                        {
                            "id": str(rid),
                            "name": name,
                            "lat": lat,
                            "lon": lon,
                            "country": country,
                            "admin1": admin1,
                            "precision": "settlement",
                            "population": pop or 0,
                            "geonameid": rid,
                            "members": (),
                            "feature": "settlement",
                        },
                    )
                )
                if len(by_rid) < 100_000:
                    by_rid[("main", rid)] = place
            out.append((place, kind, sim))
        if self.overlay_path:
            have = {p.id: i for i, (p, _, _) in enumerate(out)}
            for rid, kind, sim in self._query(
                "SELECT rid, kind, sim FROM ov.names WHERE key = ?", (key,)
            ):
                place = self._get_rid(rid)
                if place is None:
                    continue
                if place.id in have:
                    i = have[place.id]
                    if kind < out[i][1]:
                        out[i] = (place, kind, sim)
                    continue
                have[place.id] = len(out)
                out.append((place, kind, sim))
        _cache_put(self._lookup_cache, key, out, 50_000)
        return out

    def _lookup_loose(self, lkey: str, limit: int = 100) -> list[Place]:
        if not self.overlay_path:
            bl = self._bloom_loose
            if bl is not None and lkey not in bl:
                return []
        rows = self._query(
            f"SELECT {_PLACE_COLS} FROM loose l JOIN places p ON p.rid = l.rid "
            "WHERE l.lkey = ? ORDER BY p.population DESC LIMIT ?",
            (lkey, limit),
        )
        out = [self._place(r) for r in rows]
        if self.overlay_path:
            ids = {p.id for p in out}
            for (rid,) in self._query(
                "SELECT rid FROM ov.loose WHERE lkey = ? LIMIT ?", (lkey, limit)
            ):
                place = self._get_rid(rid)
                if place is not None and place.id not in ids:
                    ids.add(place.id)
                    out.append(place)
        return out

    @property
    def _bloom(self) -> Bloom | None:
        """The index's Bloom filter of keys, loaded at open (None with an overlay, whose
        keys it does not cover, or when absent)."""
        if self._bloom_cache is False:
            bloom = None
            if not self.overlay_path and "bloom_m" in self.meta:
                rows = self._query("SELECT data FROM blobs WHERE name = 'bloom'")
                if rows:
                    bloom = Bloom(rows[0][0], int(self.meta["bloom_m"]), int(self.meta["bloom_k"]))
            self._bloom_cache = bloom
        return self._bloom_cache  # type: ignore[return-value]

    @property
    def _bloom_loose(self) -> Bloom | None:
        """The Bloom filter of phonetic keys (None when the index has none)."""
        if self._bloom_loose_cache is False:
            bloom = None
            if "bloom_loose_m" in self.meta:
                rows = self._query("SELECT data FROM blobs WHERE name = 'bloom_loose'")
                if rows:
                    m, k = int(self.meta["bloom_loose_m"]), int(self.meta["bloom_loose_k"])
                    bloom = Bloom(rows[0][0], m, k)
            self._bloom_loose_cache = bloom
        return self._bloom_loose_cache  # type: ignore[return-value]

    def _key_exists(self, key: str) -> bool:
        bloom = self._bloom
        if bloom is not None and key not in bloom:
            return False
        if self._query("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)):
            return True
        return bool(
            self.overlay_path
            and self._query("SELECT 1 FROM ov.names WHERE key = ? LIMIT 1", (key,))
        )

    def is_name(self, s: str) -> bool:
        """Is `s` (any spelling) a known place or region name or region phrase? Fast, cached;
        never raises (bad input is simply not a name)."""
        try:
            key = normalize(s) if isinstance(s, str) and len(s) <= MAX_NAME_CHARS else ""
        except Exception:  # noqa: BLE001 - defensive: is_name is a predicate
            return False
        hit = self._is_name_cache.get(key)
        if hit is not None:
            return hit
        if not key or key in STOPWORDS or key in self._country_keys:
            ok = False  # country names and demonyms: context for text scans (resolve knows them)
        elif self._key_exists(key) or any(self._key_exists(v) for v in glide_variants(key)):
            ok = True
        else:
            keys, _ = phrase_keys(key, self._country_keys)
            ok = any(
                kind == KIND_REGION or not region_only
                for k, region_only in keys
                for _, kind, _ in self._lookup(k)
            )
        _cache_put(self._is_name_cache, key, ok, 500_000)
        return ok

    def _matches(self, name: str) -> tuple[list[tuple[Place, int, str, float]], str | None, str]:
        """Raw matches (place, kind, matched key, similarity), a country named inside the
        phrase, and the normalised key. Region-phrase keys keep only region matches."""
        key = normalize(name)
        found: dict[str, tuple[Place, int, str, float]] = {}
        for place, kind, sim in self._lookup(key):
            found[place.id] = (place, kind, key, sim)
        for vkey in glide_variants(key):
            # "Krasnoarmeisk" is "Krasnoarmeysk": the other spelling of the glide й reads
            # the places filed under it (as another name: never above an exact one)
            for place, kind, sim in self._lookup(vkey):
                if place.id not in found and kind != KIND_REGION:
                    found[place.id] = (place, KIND_ALT, vkey, sim)
        keys, country = phrase_keys(key, self._country_keys)
        if found and any(kind == KIND_REGION for _, kind, _, _ in found.values()):
            keys = []  # "West Virginia" is a region's own name: not "Virginia" qualified
        for k, region_only in keys:
            for place, kind, sim in self._lookup(k):
                if region_only and kind != KIND_REGION:
                    continue
                if place.id not in found or found[place.id][1] > kind:
                    found[place.id] = (place, kind, k, sim)
        return list(found.values()), country, key

    # -- scoring --------------------------------------------------------------------------
    def _as_context(self, context: Context | str | None) -> Context:
        if context is None:
            return _NO_CONTEXT
        if isinstance(context, Context):
            return context
        if isinstance(context, str):
            return self.context(context)
        raise GazetteerError(f"context must be a Context or text, got {type(context).__name__}")

    def _expand_admin1s(self, admin1s: set[str]) -> set[str]:
        out = set(admin1s)
        for a in admin1s:
            for g in self._regions.groups:
                if g.id == a:
                    out.update(g.members)
        return out

    @staticmethod
    def _own_name_guard(
        readings: list[tuple[Place, str, str, float]], ctx: Context, admin1s: set[str]
    ) -> dict[Any, float]:
        """Per country, the population a reading by another name must exceed to get region
        and nearness bonuses ({} when no reading is by another name: nothing to guard).

        Context breaks ties between places of the same name; it must not turn a name into
        another. A reading by another name (Mykolaivka, which GeoNames also calls Mykolaiv)
        gets no region or nearness bonus when a place in the same country bears the name as
        its own and is bigger (the city of Mykolaiv, with the Donetsk region in context) or
        is itself supported by the context (in a context region, named, or within
        NEAR_GUARD_KM of a context place: the village Shevchenko near Myrnohrad, not a
        Kharkiv district also listed as "Shevchenko"). Otherwise the context still decides,
        across countries ("Dzerzhinsk" near Donetsk: Toretsk, once so named, not the
        Russian city) and over a smaller, unsupported namesake (Komsomolske with the
        Donetsk region: the renamed Kalmiuske there, not a Crimean village)."""
        if all(_name_rank(m, sim) != RANK_OTHER for _, m, _, sim in readings):
            return {}
        guard: dict[Any, float] = {}
        for p, m, _, sim in readings:
            if _name_rank(m, sim) != RANK_OWN:
                continue
            bar = float(p.population)
            if (
                any(a in admin1s for a in p.admin1_ids)
                or p.id in admin1s
                or p.id in ctx.place_ids
                or any(haversine_km(p.lat, p.lon, la, lo) <= NEAR_GUARD_KM for la, lo in ctx.points)
            ):
                bar = math.inf
            if bar > guard.get(p.country, -1.0):
                guard[p.country] = bar
        return guard

    def _score(
        self,
        place: Place,
        match: str,
        matched: str,
        ctx: Context,
        admin1s: set[str],
        country_hint: str | None,
        sim: float = 1.0,
        guard: dict[Any, float] | None = None,
        own_countries: set[str | None] | None = None,
    ) -> tuple[float, list[Any]]:
        """Score one reading. The features are recorded as (format, values) and written out
        as `reasons` only when someone reads them (ranking needs the scores alone).
        `guard`: see _own_name_guard (region/nearness bonuses are withheld from a reading
        by another name when a bigger or context-supported place in its country bears it)."""
        parts: list[tuple[Any, ...]] = []
        if match == "loose":
            sim = _similarity(matched, place)
            score = W_LOOSE + W_SIMILAR * sim
            parts.append(("loose spelling match, similarity {:.2f} ({:+.2f})", sim, score))
        else:
            kind = _KIND_OF[match]
            score = W_MATCH[kind]
            if kind == KIND_ALT:
                score = W_ALT_BASE + W_ALT_PRIMARY * sim
            parts.append(("{} match {!r} ({:+.2f})", _LABELS[match], matched, score))
            prior = W_FEATURE.get(place.feature, 0.0)
            if prior and kind == KIND_REGION:
                score += prior
                parts.append(("feature type {} ({:+.2f})", place.feature, prior))
        if place.population > 0:
            w = W_POP * math.log10(place.population + 1)
            if (
                place.population > BIG_POP
                and place.precision == "settlement"
                and (match == "name" or (match == "alternate" and sim >= BIG_MIN_SIM))
            ):
                w += W_BIG * math.log10(place.population / BIG_POP)
            score += w
            parts.append(("population {:,} ({:+.2f})", place.population, w))
        if country_hint and place.country == country_hint:
            score += W_COUNTRY_HINT
            parts.append(("country {} named in the phrase ({:+.2f})", country_hint, W_COUNTRY_HINT))
        if ctx is _NO_CONTEXT:  # no document context (most lookups): nothing more to add
            return score, parts
        if place.country and place.country in ctx.countries:
            score += self._country_bonus(place, match, sim, ctx, parts, own_countries)
        named = bool(ctx.place_ids) and place.id in ctx.place_ids
        if named:  # the top nearness bonus, in its place: a place is not "N km from" itself
            score += W_NAMED
            parts.append(("named in context ({:+.2f})", W_NAMED))
        weak = (
            not named
            and bool(guard)
            and _name_rank(match, sim) == RANK_OTHER
            and guard.get(place.country, -1.0) > place.population
        )
        if admin1s:
            inside = [a for a in place.admin1_ids if a in admin1s]
            if place.id in admin1s or inside:
                which = place.id if place.id in admin1s else inside[0]
                if weak:
                    parts.append(
                        (
                            "region {} in context, not counted: a bigger or nearer "
                            "place in {} has this name as its own (+0.00)",
                            which,
                            place.country,
                        )
                    )
                else:
                    w = W_ADMIN1 * _admin1_weight(ctx, which)
                    score += w
                    parts.append(("region {} in context ({:+.2f})", which, w))
        if place.precision == "region" and place.id in ctx.point_admin1s and not weak:
            score += W_ADMIN1
            parts.append(("holds a place named in context ({:+.2f})", W_ADMIN1))
        support = ctx.support.get(place.admin1) if place.admin1 and ctx.support else None
        if support and place.admin1 not in admin1s and not weak:
            w = W_SUPPORT * min(len(support), SUPPORT_FULL) / SUPPORT_FULL
            score += w
            parts.append(
                (
                    "{} other names of the text may lie in {} ({:+.2f})",
                    len(support),
                    place.admin1,
                    w,
                )
            )
        if ctx.points and place.precision == "settlement" and not (weak or named):
            dists = [haversine_km(place.lat, place.lon, la, lo) for la, lo in ctx.points]
            dists = [d for d in dists if d > 1.0]  # a place is no evidence for itself
            if dists:
                d = min(dists)
                w = W_NEAR * math.exp(-d / NEAR_KM)
                if w >= 0.01:
                    score += w
                    parts.append(("{:.0f} km from a place in context ({:+.2f})", d, w))
        return score, parts

    @staticmethod
    def _country_bonus(
        place: Place,
        match: str,
        sim: float,
        ctx: Context,
        parts: list[Any],
        own_countries: set[str | None] | None,
    ) -> float:
        """The country-in-context bonus, scaled by how much the document names the country;
        none for a reading by another of a place's names when the name is another country's
        own name ("Turkey": a New Jersey town's alternate name)."""
        if (
            own_countries
            and _name_rank(match, sim) == RANK_OTHER
            and place.country not in own_countries
        ):
            parts.append(
                (
                    "country {} in context, not counted: another name of this place (+0.00)",
                    place.country,
                )
            )
            return 0.0
        w = W_COUNTRY * ctx.country_weight(place.country)
        if w:
            parts.append(("country {} in context ({:+.2f})", place.country, w))
        return w

    def candidates(
        self,
        name: str,
        context: Context | str | None = None,
        country: str | None = None,
        limit: int = 10,
        fallback: bool = False,
        within: bool = False,
    ) -> list[Candidate]:
        """Ranked readings of `name`, best first; [] when nothing matches.

        "X, Y" is read as name X with context Y ("Dzerzhinsk, Donetsk Oblast").
        `fallback`: when the document names a region and the name has no reading there but
        only none or a weak one far away (a loose match, another name: "Melovoy" in a Kursk
        story is not Milove in Luhansk), the region comes first, with a lower score and a
        reason (`resolve` does this).
        `within`: a name with no reading of its own (a venue, an institution) is read by a
        place name inside it ("Dubai World Cup": Dubai), with a lower score and a reason;
        off by default, since a text's phrase is not always about the place it contains.
        """
        cands = self._candidates(name, context, country, 0 if fallback else limit)
        if not cands and within:
            cands = self._within(name, context, country, limit)
        if fallback and context is not None:
            region = self._fallback_region(name, cands, self._as_context(context))
            if region is not None:
                cands.insert(0, region)
        return cands[:limit] if limit else cands

    def _fallback_region(self, name: str, cands: list[Candidate], ctx: Context) -> Candidate | None:
        """The document's region standing for a name the index lacks (see `candidates`)."""
        regions = self._expand_admin1s(ctx.without(normalize(name)).admin1s)
        if not regions or any(set(c.place.admin1_ids) & regions for c in cands):
            return None
        if cands and self._far_reading_holds(cands, regions, ctx):
            return None
        named = [
            self._by_rid_region(a)
            for a in sorted(regions, key=lambda a: (-len(ctx.admin1_keys.get(a, ())), a))
        ]
        place = next((p for p in named if p is not None and p.feature == "admin1"), None)
        if place is None:
            return None
        why = "only far readings by another name or spelling" if cands else "no reading"
        return Candidate(
            place,
            0.5,
            [
                f"{name!r}: {why} in the gazetteer; the document's region {place.id} "
                f"({place.name}) stands for it at region precision (+0.50); "
                f"`geomap gazetteer download {place.country}` adds every village"
            ],
            "context-region",
        )

    @staticmethod
    def _far_reading_holds(cands: list[Candidate], regions: set[str], ctx: Context) -> bool:
        """Whether the best reading, outside the document's regions, stands against the region
        fallback.

        Ukrainian and Russian village names repeat across oblasts (dozens of Volodymyrivkas),
        so one of several small namesakes far from every region the story names is more likely
        a village the index lacks than the place meant. A region or country reading holds; so
        does the only place bearing the name as its own (Sudzha in a Donetsk story), an own
        name in a country none of the named regions lies in (a Russian region named in passing
        in a Donetsk story is no evidence against a Ukrainian Novoselivka), a town of
        FAR_TOWN_POP or more (Kostiantynivka, Bakhmut), and a settlement near the named
        regions' boundary or near a place the text names."""
        best = cands[0]
        place = best.place
        if best.match in ("region", "id") or place.precision != "settlement":
            return True
        if best.match == "name" and sum(c.match == "name" for c in cands) == 1:
            return True
        if best.match == "name" and not any(r.startswith(f"{place.country}.") for r in regions):
            return True  # the story names a region of another country only (in passing)
        if best.match != "name" and best.score < FAR_OTHER_NAME_SCORE:
            return False  # read by another name or spelling, weakly: the region stands in
        if place.population >= FAR_TOWN_POP:
            return True
        if any(haversine_km(place.lat, place.lon, la, lo) <= FAR_NEAR_KM for la, lo in ctx.points):
            return True
        codes = tuple(sorted(regions))
        if not any(load_outlines().geometry(c) is not None for c in codes):
            return True  # no boundary to measure by: keep the reading, as before
        return outline_near(codes, place.lat, place.lon, slack_deg=FAR_NEAR_DEG) is not None

    def _within(
        self, name: str, context: Context | str | None, country: str | None, limit: int
    ) -> list[Candidate]:
        """Readings of the first place name inside `name` (see `candidates`, within.json)."""
        for sub in within_names(name):
            cands = self._candidates(sub, context, country, limit)
            best = cands[0] if cands else None
            if best is None or best.match not in ("name", "region"):
                continue  # only a place's own name: "Lake" is no alternate name of a town
            why = f"{sub!r}, a place named inside {name!r} ({W_WITHIN:+.2f})"
            return [
                Candidate.lazy(
                    c.place,
                    c.score + W_WITHIN,
                    "within",
                    partial(lambda rs, w, _f: [w, *rs], c.reasons, why),
                )
                for c in cands
                if c.match in ("name", "region")
            ]
        return []

    def _region_codes(
        self, name: str, ctx: Context, cc: str | None, readings: list[tuple]
    ) -> list[tuple[Place, str, str, float]]:
        """A capitalised code that is a region's code in a country of the document ("NJ",
        "WA", "SC" in a story about the United States) reads as that region too, ranked
        with the rest (the country bonus then favours it over Wa, Ghana or Seychelles)."""
        code = name.strip()
        if not (2 <= len(code) <= 3 and code.isalpha() and code.isupper() and ctx.countries):
            return []
        have = {p.id for p, *_ in readings}
        out = []
        for country in sorted(ctx.countries):
            place = self._by_rid_region(f"{country}.{code}")
            if place is not None and place.id not in have and (not cc or country == cc):
                out.append((place, "region", normalize(code), 1.0))
        return out

    def _region_list(self, name: str) -> list[Candidate]:
        """The oblasts a whole-name region phrase lists ("Sumy and Kharkiv oblasts",
        "the Kursk border region"), in order."""
        found = [r for r in region_phrase(name) if r.start == 0 and r.end == len(name.rstrip())]
        out = []
        for r in found:
            place = self._by_rid_region(r.id)
            if place is not None:
                why = f"region phrase {r.phrase!r} names {r.id} (+3.00)"
                out.append(Candidate(place, 3.0, [why], "region"))
        return out

    def _by_rid_region(self, region_id: str) -> Place | None:
        try:
            return self.get(region_id)
        except UnknownPlaceError:
            return None

    def _candidates(
        self,
        name: str,
        context: Context | str | None,
        country: str | None,
        limit: int,
    ) -> list[Candidate]:
        """Ranked readings of `name` (see `candidates`)."""
        check_name(name)
        name = self._written_forms.get(name.strip(), name)  # "Calif.", "US", "D.C."
        ctx = _NO_CONTEXT if context is None else self._as_context(context)
        matches, hint, qkey = self._matches(name)
        if ctx is not _NO_CONTEXT:
            ctx = _without_name(ctx, qkey)  # a name is not its own context
        qualified = False  # "X, Y": the name's own qualifier is evidence, not background
        if not matches and "," in name:
            head, _, tail = name.partition(",")
            if head.strip() and tail.strip():
                matches, hint, _ = self._matches(head)
                ctx = ctx.merge(self.context(tail))
                qualified = True
        cc = country.strip().upper() if country else None
        admin1s = self._expand_admin1s(ctx.admin1s) if ctx.admin1s else ctx.admin1s
        readings = [
            (p, _KIND_NAMES[kind], k, sim)
            for p, kind, k, sim in matches
            if not cc or p.country == cc
        ]
        if not matches:  # no spelling matched exactly: try the phonetic key
            q = normalize(name.partition(",")[0] if "," in name else name)
            if len(q) >= 5 and q not in _not_names():  # short/common words: too risky
                readings = [
                    (p, "loose", q, 1.0)
                    for p in self._lookup_loose(loose_key(q))
                    if (not cc or p.country == cc) and _similarity(q, p) >= LOOSE_MIN_SIMILARITY
                ]
        if not matches and _PLURAL_HINT.search(name) and (listed := self._region_list(name)):
            return listed
        code = name.strip()
        coded = self._region_codes(name, ctx, cc, readings)  # "NJ", "SC" with the US in context
        if not matches and not coded and code in self._country_codes and code.isupper():
            place = self.get(self._country_codes[code])
            return [Candidate(place, 3.0, [f"ISO country code {code} (+3.00)"], "region")]
        if not readings and not matches and _ID_RE.match(name.strip()):
            try:  # a place id ("709354", "UA.21", "UA.DONBAS") stands for itself
                place = self.get(name.strip())
                return [Candidate(place, 10.0, [f"place id {place.id} (+10.00)"], "id")]
            except UnknownPlaceError:
                return []
        readings += coded
        guard = None
        if (admin1s or ctx.points) and not qualified and len(readings) > 1:
            guard = self._own_name_guard(readings, ctx, admin1s)
        # countries whose own name this is ("Turkey"): a settlement elsewhere that also bears
        # it as another name gets no country bonus from its own country being in context
        own = {p.country for p, m, _, _ in readings if m == "region" and p.feature == "country"}
        scored = [
            (*self._score(p, m, k, ctx, admin1s, hint, sim, guard, own), p, m)
            for p, m, k, sim in readings
        ]
        if any(m == "region" and p.feature in _SHADOWING for p, m, _, _ in readings):
            scored = [_shadowed(*t) if t[2].precision == "settlement" else t for t in scored]
        if limit == 1 and scored:
            scored = [min(scored, key=_order)]
        else:
            scored.sort(key=_order)
        return [
            Candidate.lazy(p, score, m, partial(_write_reasons, parts))
            for score, parts, p, m in (scored[:limit] if limit else scored)
        ]

    def resolve(
        self,
        name: str,
        context: Context | str | None = None,
        country: str | None = None,
        suggest: bool = False,
        within: bool = False,
    ) -> Candidate:
        """The best candidate; UnknownPlaceError when there is none, carrying "did you mean"
        suggestions only with `suggest=True` (they cost milliseconds; a miss costs
        microseconds without them). `within`: see `candidates`."""
        cands = self.candidates(
            name, context, country, limit=1, fallback=context is not None, within=within
        )
        if not cands:
            raise UnknownPlaceError(name, self.suggest(name) if suggest else [])
        return cands[0]

    def nearest(
        self, lat: float, lon: float, limit: int = 1, max_km: float = 50.0, min_population: int = 0
    ) -> list[tuple[Place, float]]:
        """Settlements closest to a point, with their distance in km (reverse geocoding)."""
        try:
            lat, lon = float(lat), float(lon)
        except (TypeError, ValueError) as exc:
            raise GazetteerError(f"coordinates must be numbers: {lat!r}, {lon!r}") from exc
        if not (
            math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180
        ):
            raise GazetteerError(f"coordinates {lat}, {lon} are out of range")
        dlat = max_km / 111.0
        dlon = min(180.0, dlat / max(0.01, math.cos(math.radians(lat))))
        rows = self._query(
            f"SELECT {_PLACE_COLS} FROM places p WHERE p.lat BETWEEN ? AND ? "
            "AND p.lon BETWEEN ? AND ? AND p.precision = 'settlement' AND p.population >= ?",
            (lat - dlat, lat + dlat, lon - dlon, lon + dlon, min_population),
        )
        if self.overlay_path:
            rows += [
                ("ov", *r)
                for r in self._query(
                    f"SELECT {_PLACE_COLS} FROM ov.places p WHERE p.lat BETWEEN ? AND ? "
                    "AND p.lon BETWEEN ? AND ? AND p.population >= ?",
                    (lat - dlat, lat + dlat, lon - dlon, lon + dlon, min_population),
                )
            ]
        found: dict[str, tuple[Place, float]] = {}
        for r in rows:
            place = self._place(r[1:], "ov") if r[0] == "ov" else self._place(r)
            d = haversine_km(lat, lon, place.lat, place.lon)
            if d <= max_km and place.id not in found:
                found[place.id] = (place, d)
        return sorted(found.values(), key=lambda t: t[1])[:limit]

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Known names close to `name` (prefix neighbours ranked by similarity, population)."""
        try:
            key = normalize(check_name(name))
        except GazetteerError:
            return []
        if len(key) < 2:
            return []
        lk = loose_key(key)
        pool: dict[str, Place] = {p.id: p for p in self._lookup_loose(lk, limit=20)}
        prelim: dict[int, float] = {}
        for sql, k in (
            ("SELECT key, rid FROM names WHERE key >= ? AND key < ? LIMIT 3000", key),
            ("SELECT lkey, rid FROM loose WHERE lkey >= ? AND lkey < ? LIMIT 3000", lk),
        ):
            prefix = k[:4] if len(k) >= 6 else k[:3]
            for rk, rid in self._query(sql, (prefix, prefix + "\uffff")):
                r = difflib.SequenceMatcher(None, k, rk).ratio()
                if r >= 0.6 and r > prelim.get(rid, 0.0):
                    prelim[rid] = r
        for rid in sorted(prelim, key=lambda r: -prelim[r])[:40]:
            p = self._get_rid(rid)
            if p is not None:
                pool.setdefault(p.id, p)
        ranked: dict[str, tuple[float, int]] = {}
        for p in pool.values():
            sim = _similarity(key, p)
            if sim >= 0.6 and (sim, p.population) > ranked.get(p.name, (0.0, 0)):
                ranked[p.name] = (sim, p.population)
        order = sorted(ranked, key=lambda nm: (-round(ranked[nm][0], 2), -ranked[nm][1]))
        return order[:n]

    # -- document context -----------------------------------------------------------------
    def context(self, text: str) -> Context:
        """Countries, regions and unambiguous big places that a text names.

        Settlements count only when written capitalised, not a common word the text also
        uses in lower case ("But", "Key"), and big and unambiguous (>= 20k inhabitants and
        10x the next reading): a document's context must be evidence, not noise.
        """
        if not isinstance(text, str):
            raise GazetteerError(f"context must be text, got {type(text).__name__}")
        ctx = Context()
        seen: set[str] = set()
        segments = [self._segment_words(seg) for seg in _SEGMENT_RE.split(text)]
        lower = {w for words in segments for w, cap in words if not cap}
        for words in segments:
            if not words:
                continue
            # what a segment adds depends only on its words and which of them the text also
            # writes in lower case: cached, since documents repeat their phrases
            memo_key = (words, frozenset(w for w, _ in words if w in lower))
            effects = self._segment_cache.get(memo_key)
            if effects is None:
                effects = []
                local_seen: set[str] = set()
                i = 0
                while i < len(words):
                    i += self._context_at(words, i, effects, local_seen, lower)
                _cache_put(self._segment_cache, memo_key, effects, 100_000)
            _apply_effects(ctx, effects, seen)
        for r in region_phrase(text):  # "the regions of Sumy and Donetsk", "Kursk border region"
            key = normalize(r.phrase)
            _apply_effects(ctx, [("admin1", r.id, key, r.id.split(".")[0])], seen)
        return ctx

    def _segment_words(self, segment: str) -> tuple[tuple[str, bool], ...]:
        """(normalised word, written capitalised) for each word of a segment, cached."""
        words = self._words_cache.get(segment)
        if words is None:
            out: list[tuple[str, bool]] = []
            for token in _WORD_RE.findall(segment):
                for w in token.split("-"):  # "Soviet-era": each part has its own case
                    cap = w[:1].isupper()
                    out.extend((part, cap) for part in normalize(w).split())
            words = tuple(out)
            _cache_put(self._words_cache, segment, words, 100_000)
        return words

    def _context_at(
        self,
        words: tuple[tuple[str, bool], ...],
        i: int,
        effects: list[tuple],
        seen: set[str],
        lower: set[str],
    ) -> int:
        """Consume the longest name starting at words[i], noting what it adds to a context
        in `effects`; returns words consumed."""
        top_n = min(self.max_name_words, len(words) - i)
        keys = []  # keys[n - 1]: the n-gram's key; built once, longest tried first
        key = ""
        for w, _ in words[i : i + top_n]:
            key = f"{key} {w}" if key else w
            keys.append(key)
        for n in range(top_n, 0, -1):
            gram = words[i : i + n]
            key = keys[n - 1]
            if key in self._country_keys:
                effects.append(("country", self._country_keys[key], key))
                return n
            if not any(cap and w not in STOPWORDS for w, cap in gram) or not self.is_name(key):
                continue  # "The" at a sentence start does not make "the middle" a name
            info = self._context_info(key)
            if info[0] == "region":
                _kind, hint, regions = info
                if hint:
                    effects.append(("country", hint, key))
                for rid, country, feature in regions:
                    if feature in ("admin1", "group"):
                        effects.append(("admin1", rid, key, country))
                    elif feature == "admin2" and len(regions) == 1:  # "Laurel County"
                        effects.append(("admin1", self.get(rid).admin1, key, country))
                    elif country and feature != "continent":
                        effects.append(("country", country, key))
                return n
            proper = all(cap or w in _NAME_LINKS for w, cap in gram) and gram[0][1]
            if not proper or (n == 1 and (key in lower or key in STOPWORDS)):
                continue
            _kind, has_towns, top, support = info
            glued = (i + n < len(words) and words[i + n][1]) or (
                i > 1 and words[i - 1][1] and words[i - 1][0] not in self._country_keys
            )
            if top is not None and key not in seen and not glued:
                # not part of a longer capitalised name: "David Cameron", "Toronto Maple Leafs"
                seen.add(key)
                effects.append(("point", key, *top))
            if support and not glued and top is None:  # a point is evidence enough
                effects.append(("support", key, support))
            if has_towns:
                return n
        return 1

    def _context_info(self, key: str) -> tuple:
        """What a known name tells a document context: ("region", country hint, [(id,
        country)]) or ("towns", any settlement?, (lat, lon, id, country) of a big unambiguous
        one or None). Cached per key: documents repeat their names."""
        info = self._context_cache.get(key)
        if info is not None:
            return info
        matches, hint, _ = self._matches(key)
        towns_too = any(p.precision == "settlement" for p, _, _, _ in matches)
        regions = [
            (p.id, p.country, p.feature)
            for p, kind, _, _ in matches
            # a county that towns elsewhere are named after ("Kent", "Cornwall") is no
            # evidence of its country: Kent and Cornwall are also towns in Connecticut
            if kind == KIND_REGION
            and not (towns_too and p.feature == "admin2")
            and p.feature not in _NO_CONTEXT_FEATURES
        ]
        if regions:
            info = ("region", hint, regions)
        else:
            towns = sorted(
                (p for p, _, _, _ in matches if p.precision == "settlement"),
                key=lambda p: -p.population,
            )
            top = None
            if towns:
                second = towns[1].population if len(towns) > 1 else 0
                t = towns[0]
                own = {
                    p.id
                    for p, kind, _, sim in matches
                    if _name_rank(_KIND_NAMES[kind], sim) == RANK_OWN
                }
                if (
                    t.population >= 20_000
                    and t.population >= 10 * max(second, 1)
                    # a point only by its own name: "Hrodivka" is the village, not
                    # Myrnohrad's old name; "But" is no alternate name of Buta (Congo)
                    and t.id in own
                ):
                    top = (t.lat, t.lon, t.id, t.country, t.admin1)
            spread = frozenset(t.admin1 for t in towns if t.admin1)
            support = spread if len(spread) <= SUPPORT_MAX_REGIONS else frozenset()
            info = ("towns", bool(towns), top, support)
        _cache_put(self._context_cache, key, info, 100_000)
        return info


def _admin1_weight(ctx: Context, admin1: str) -> float:
    """How strongly the document is about region `admin1`, 0..1: full with ADMIN1_FULL
    mentions (a state named once in a story about another is weak evidence); a region
    without recorded mentions (a hand-built context, a group's member) counts in full."""
    keys = ctx.admin1_keys.get(admin1)
    if not keys or not ctx.country_evidence:
        return 1.0
    per_key = ctx.country_evidence.get(admin1.split(".")[0], {})
    n = sum(per_key.get(k, 0) for k in keys)
    return min(1.0, n / ADMIN1_FULL) if n else 1.0


def _without_name(ctx: Context, key: str) -> Context:
    """The context less the evidence the name gave, also inside longer phrases built on it
    ("the border territory of Georgia" is no evidence for a reading of "Georgia"). Cached
    on the context beside `Context.without`'s own entries."""
    memo = ctx._cache.get("\x00" + key)
    if memo is not None:
        return memo
    full, ctx = ctx, ctx.without(key)
    pad = f" {key} "
    longer = {
        k
        for keys in (*ctx.admin1_keys.values(), *ctx.country_evidence.values())
        for k in keys
        if k != key and pad in f" {k} "
    }
    for k in sorted(longer):
        ctx = ctx.without(k)
    if len(full._cache) < 10_000:
        full._cache["\x00" + key] = ctx
    return ctx


def _apply_effects(ctx: Context, effects: list[tuple], seen: set[str]) -> None:
    """Add what a segment names to a document context, noting which name gave what:
    ("country", cc, key), ("admin1", id, key, cc), ("point", key, lat, lon, id, cc, admin1)."""
    for effect in effects:
        if effect[0] == "support":  # the regions where a named place may lie
            for a in effect[2]:
                ctx.support.setdefault(a, set()).add(effect[1])
            continue
        if effect[0] == "country":
            _, cc, key = effect
        elif effect[0] == "admin1":
            _, rid, key, cc = effect
            ctx.admin1s.add(rid)
            ctx.admin1_keys.setdefault(rid, set()).add(key)
        else:
            _, key, lat, lon, pid, cc, admin1 = effect
            if key not in seen:
                seen.add(key)
                ctx.points.append((lat, lon))
                ctx.place_ids.append(pid)
                ctx.point_keys.append(key)
                ctx.point_admin1s.append(admin1)
        if cc:
            ctx.countries.add(cc)
            per_key = ctx.country_evidence.setdefault(cc, {})
            per_key[key] = per_key.get(key, 0) + 1


def _cache_put(cache: dict, key: Any, value: Any, limit: int) -> None:
    """Remember a lookup; a cache that outgrows `limit` starts over (names repeat within a
    working set, so a rare full reset is cheaper than tracking recency)."""
    if len(cache) > limit:
        cache.clear()
    cache[key] = value


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer over the default data (builds the index on first use)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Gazetteer.open()
        return _default


def reset_default_gazetteer() -> None:
    """Forget the process-wide gazetteer (after an import, or a change of cache location).
    The old instance stays usable for whoever still holds it."""
    global _default
    with _default_lock:
        _default = None
