"""Import GeoNames dump files (country files such as UA.txt, optionally alternateNamesV2.txt)
into a user overlay beside the index, so villages below cities500's 500-inhabitant cut resolve.

The overlay is an SQLite file with the index's schema (`<index stem>-overlay.sqlite`); the
Gazetteer attaches it when present. A whole file is validated before anything is written: a
malformed row raises GazetteerError naming the file and line, and the overlay stays unchanged.
"""

from __future__ import annotations

import io
import math
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from gazetteer.errors import GazetteerError
from gazetteer.index import (
    _SCHEMA,
    ALT_SEP,
    KIND_ALT,
    KIND_NAME,
    OVERLAY_FORMAT,
    cache_path,
    name_keys,
    similarities,
)
from gazetteer.normalize import is_latin_key, loose_key, normalize, ukrainian_display_name

GEONAMES_COLUMNS = 19
# alternateNames "languages" that are really codes or links, not names
_NOT_NAMES = frozenset(
    {"link", "post", "iata", "icao", "faac", "tcid", "unlc", "wkdt", "abbr", "fr_1793"}
)


@dataclass
class ImportStats:
    places: int = 0
    skipped_feature_class: int = 0
    already_indexed: int = 0
    alternate_names: int = 0
    alternate_names_skipped: int = 0
    overlay: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Row:
    gid: int
    name: str
    alts: list[str]
    lat: float
    lon: float
    fclass: str
    country: str | None
    admin1: str | None
    population: int


def overlay_path(cache: str | os.PathLike[str] | None = None) -> Path:
    """The overlay file that belongs to the index at `cache` (default index location)."""
    idx = cache_path(cache)
    return idx.with_name(idx.stem + "-overlay.sqlite")


def _fail(path: Path, lineno: int, msg: str) -> GazetteerError:
    return GazetteerError(f"{path}:{lineno}: {msg}")


def _open_text(p: Path, what: str) -> tuple[IO[str], Path]:
    """Open a dump file as UTF-8 text; a GeoNames .zip (UA.zip, alternateNamesV2.zip) is read
    through: its data member is the .txt that is not the readme. Returns (file, display path)."""
    try:
        if p.suffix.lower() != ".zip":
            return p.open(encoding="utf-8", newline="\n"), p
        zf = zipfile.ZipFile(p)
        members = [
            n for n in zf.namelist() if n.lower().endswith(".txt") and "readme" not in n.lower()
        ]
        if len(members) > 1:  # alternateNamesV2.zip also holds iso-languagecodes.txt
            members = [n for n in members if Path(n).stem == p.stem] or members
        if len(members) != 1:
            raise GazetteerError(f"{p}: expected one data .txt inside the zip, found {members}")
        raw = zf.open(members[0])
        return io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), p / members[0]
    except (OSError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"cannot read {what} {p}: {exc}") from exc


def _data_lines(path: str | os.PathLike[str], what: str) -> Iterator[tuple[Path, int, str]]:
    """(display path, line number, line) of a dump file's data lines: blanks and comments skipped,
    undecodable text reported with the file's name."""
    fh, p = _open_text(Path(path), what)
    with fh:
        try:
            for lineno, line in enumerate(fh, 1):
                line = line.rstrip("\r\n")
                if line.strip() and not line.startswith("#"):
                    yield p, lineno, line
        except UnicodeDecodeError as exc:
            raise GazetteerError(f"{p}: not UTF-8 text ({exc})") from exc


def iter_geonames(path: str | os.PathLike[str]) -> Iterator[_Row]:
    """The rows of a GeoNames file one at a time, validated as they are read (allCountries
    holds 12 million: never all in memory)."""
    for p, lineno, line in _data_lines(path, "GeoNames file"):
        yield _parse_row(p, lineno, line)


def _parse_row(p: Path, lineno: int, line: str) -> _Row:
    cols = line.split("\t")
    if len(cols) != GEONAMES_COLUMNS:
        raise _fail(
            p,
            lineno,
            f"expected {GEONAMES_COLUMNS} tab-separated columns, got "
            f"{len(cols)} (is this a GeoNames country file like UA.txt?)",
        )
    try:
        gid = int(cols[0])
        if gid <= 0:
            raise ValueError
    except ValueError:
        raise _fail(p, lineno, f"geonameid {cols[0]!r} is not a positive integer") from None
    name = cols[1].strip()
    if not name:
        raise _fail(p, lineno, "empty name")
    try:
        lat, lon = float(cols[4]), float(cols[5])
    except ValueError:
        raise _fail(
            p, lineno, f"latitude/longitude {cols[4]!r},{cols[5]!r} are not numbers"
        ) from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise _fail(p, lineno, f"coordinates {lat},{lon} are out of range")
    cc = cols[8].strip().upper()
    if cc and (len(cc) != 2 or not cc.isalpha()):
        raise _fail(p, lineno, f"country code {cols[8]!r} is not two letters")
    pop_raw = cols[14].strip()
    try:
        pop = int(pop_raw) if pop_raw else 0
        if pop < 0:
            raise ValueError
    except ValueError:
        raise _fail(p, lineno, f"population {pop_raw!r} is not a non-negative integer") from None
    alts = [a.strip() for a in cols[3].split(",") if a.strip()]
    if cols[2].strip() and cols[2].strip() != name:
        alts.append(cols[2].strip())
    return _Row(
        gid, name, alts, lat, lon, cols[6].strip(), cc or None, cols[10].strip() or None, pop
    )


def iter_alternate_names(path: str | os.PathLike[str]) -> Iterator[tuple[int, str]]:
    """(geonameid, name) of each usable row of alternateNames(V2).txt (8 or 10 columns),
    validated as read (codes and links left out)."""
    for p, lineno, line in _data_lines(path, "alternate names file"):
        cols = line.split("\t")
        if len(cols) not in (8, 10):
            raise _fail(
                p,
                lineno,
                f"expected 10 (or 8) tab-separated columns, got "
                f"{len(cols)} (alternateNamesV2.txt format)",
            )
        try:
            gid = int(cols[1])
        except ValueError:
            raise _fail(p, lineno, f"geonameid {cols[1]!r} is not an integer") from None
        if cols[2].strip() in _NOT_NAMES or not cols[3].strip():
            continue
        yield gid, cols[3].strip()


def import_geonames(
    path: str | os.PathLike[str],
    alternate_names: str | os.PathLike[str] | None = None,
    *,
    cache: str | os.PathLike[str] | None = None,
    feature_classes: tuple[str, ...] = ("P",),
    overlay_file: str | os.PathLike[str] | None = None,
    extra_names: NameSource | None = None,
) -> ImportStats:
    """Add a GeoNames country file's places (feature class P by default) to the overlay
    (`overlay_file`: another overlay file, e.g. a temporary one swapped in afterwards).

    The file is read row by row and written in batches inside one transaction: memory stays
    flat whatever its size, and a malformed row rolls everything back. `extra_names`: more
    names per geonameid, a dict or anything with `pop(gid, default)` (gazetteer.download
    keeps alternateNamesV2 on disk)."""
    from gazetteer.core import Gazetteer

    extra: NameSource = extra_names if extra_names is not None else {}
    if alternate_names:
        if not isinstance(extra, dict):
            raise GazetteerError("pass alternate names as a file or as extra_names, not both")
        merged = {gid: list(names) for gid, names in extra.items()}
        for gid, name in iter_alternate_names(alternate_names):
            merged.setdefault(gid, []).append(name)
        extra = merged
    idx = cache_path(cache)
    try:  # an existing index is used as it is (it may have been built from another source)
        main = Gazetteer(idx, overlay=False)
    except GazetteerError:
        main = Gazetteer.open(cache=cache)
    ov = Path(overlay_file) if overlay_file else overlay_path(cache)
    stats = ImportStats(overlay=str(ov))
    ov.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(ov)
    try:
        _prepare_overlay(conn, ov)
        with conn:  # one transaction: all rows or none
            out = _Batches(conn)
            for r in iter_geonames(path):
                if feature_classes and r.fclass not in feature_classes:
                    stats.skipped_feature_class += 1
                    continue
                _import_row(out, r, main, extra.pop(r.gid, []), stats)
            if isinstance(extra, dict):  # names for places already in the main index
                for gid, names in extra.items():
                    pid = str(gid)
                    if main.in_main_index(pid):
                        _add_names(out, gid, main.get(pid).name, names, main_name=True)
                        stats.alternate_names += len(names)
                    else:
                        stats.alternate_names_skipped += len(names)
            out.flush()
    except sqlite3.Error as exc:
        raise GazetteerError(
            f"cannot write the gazetteer overlay {ov} ({exc}); delete it and import again"
        ) from exc
    finally:
        conn.close()
        main.close()
    from gazetteer.core import reset_default_gazetteer

    reset_default_gazetteer()  # so this process sees the new overlay
    return stats


class NameSource(Protocol):
    """More names per geonameid: `pop(gid, default)` hands a place's names over once."""

    def pop(self, gid: int, default: list[str], /) -> list[str]: ...


BATCH_ROWS = 5000


@dataclass
class _Batches:
    """Rows waiting to be written with executemany (one statement per batch, not per row)."""

    conn: sqlite3.Connection
    places: list[tuple] = field(default_factory=list)
    names: list[tuple] = field(default_factory=list)
    loose: list[tuple] = field(default_factory=list)

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.places
        )
        self.conn.executemany("INSERT OR REPLACE INTO names VALUES (?,?,?,?)", self.names)
        self.conn.executemany("INSERT OR IGNORE INTO loose VALUES (?,?)", self.loose)
        self.places.clear()
        self.names.clear()
        self.loose.clear()


def _prepare_overlay(conn: sqlite3.Connection, ov: Path) -> None:
    """Create the overlay's tables, or check an existing overlay is of this format."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "places" not in have:
        conn.executescript(_SCHEMA)
        conn.executemany(
            "INSERT INTO meta VALUES (?, ?)", [("kind", "overlay"), ("format", str(OVERLAY_FORMAT))]
        )
        conn.commit()
        return
    fmt = dict(conn.execute("SELECT k, v FROM meta").fetchall()).get("format")
    if fmt != str(OVERLAY_FORMAT):
        raise GazetteerError(
            f"overlay {ov} was written by another gazetteer version "
            f"(format {fmt}); delete it and import again"
        )


def _import_row(out: _Batches, r: _Row, main: Any, more: list[str], stats: ImportStats) -> None:
    """One place of a GeoNames file into the batches: a new place, or more names for one the
    main index holds."""
    stats.alternate_names += len(more)
    alts = r.alts + more
    if r.country == "UA":  # display: the national romanisation
        display = ukrainian_display_name(r.name, alts)
        if display != r.name:
            alts, r.name = [r.name, *alts], display
    pid = str(r.gid)
    in_main = main.in_main_index(pid)
    primary = main.get(pid).name if in_main else r.name
    if in_main:
        stats.already_indexed += 1
    else:
        kept = [
            a
            for a in dict.fromkeys(alts)
            if is_latin_key(normalize(a)) or any("\u0400" <= c <= "\u04ff" for c in a)
        ]
        admin1 = f"{r.country}.{r.admin1}" if r.country and r.admin1 else None
        out.places.append(
            (r.gid, pid, r.name, r.lat, r.lon, r.country, admin1, "settlement", r.population,
             r.gid, ALT_SEP.join(kept), "")
        )  # fmt: skip
        stats.places += 1
    _add_names(out, r.gid, primary, alts if in_main else [r.name, *alts], main_name=in_main)
    if len(out.places) >= BATCH_ROWS or len(out.names) >= 8 * BATCH_ROWS:
        out.flush()


def _add_names(out: _Batches, rid: int, primary: str, names: list[str], main_name: bool) -> None:
    """Index `names` for place `rid` (primary name `primary`); names of places in the main
    index count as alternates, never as a new primary name."""
    keys = name_keys(primary if not main_name else "", names)
    pk = normalize(primary)
    sims = similarities(keys, pk)  # one matcher for all of a place's names
    for k, kind in keys.items():
        if main_name:
            kind = KIND_ALT
        elif k == pk:
            kind = KIND_NAME
        out.names.append((k, rid, kind, sims[k]))
        out.loose.append((loose_key(k), rid))
