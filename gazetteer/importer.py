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
from typing import IO

from gazetteer.errors import GazetteerError
from gazetteer.index import (
    _SCHEMA,
    ALT_SEP,
    KIND_ALT,
    KIND_NAME,
    OVERLAY_FORMAT,
    cache_path,
    key_similarity,
    name_keys,
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


def parse_geonames(path: str | os.PathLike[str]) -> list[_Row]:
    """Rows of a GeoNames 19-column tab-separated file, validated."""
    return [_parse_row(p, lineno, line) for p, lineno, line in _data_lines(path, "GeoNames file")]


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


def parse_alternate_names(
    path: str | os.PathLike[str], only: set[int] | None = None
) -> dict[int, list[str]]:
    """geonameid -> extra names from alternateNames(V2).txt (8 or 10 columns), validated;
    `only`: keep just these places (the world file has 15 million rows)."""
    out: dict[int, list[str]] = {}
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
        if only is not None and gid not in only:
            continue
        out.setdefault(gid, []).append(cols[3].strip())
    return out


def import_geonames(
    path: str | os.PathLike[str],
    alternate_names: str | os.PathLike[str] | None = None,
    *,
    cache: str | os.PathLike[str] | None = None,
    feature_classes: tuple[str, ...] = ("P",),
    overlay_file: str | os.PathLike[str] | None = None,
    extra_names: dict[int, list[str]] | None = None,
) -> ImportStats:
    """Add a GeoNames country file's places (feature class P by default) to the overlay
    (`overlay_file`: another overlay file, e.g. a temporary one swapped in afterwards)."""
    from gazetteer.core import Gazetteer

    rows = parse_geonames(path)
    extra = dict(extra_names or {})  # names already read (gazetteer.download)
    if alternate_names:
        extra.update(parse_alternate_names(alternate_names))
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
        have = {
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
        }
        if "places" not in have:
            conn.executescript(_SCHEMA)
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("kind", "overlay"), ("format", str(OVERLAY_FORMAT))],
            )
        else:
            fmt = dict(conn.execute("SELECT k, v FROM meta").fetchall()).get("format")
            if fmt != str(OVERLAY_FORMAT):
                raise GazetteerError(
                    f"overlay {ov} was written by another gazetteer version "
                    f"(format {fmt}); delete it and import again"
                )
        with conn:  # one transaction: all rows or none
            imported: set[int] = set()
            for r in rows:
                if feature_classes and r.fclass not in feature_classes:
                    stats.skipped_feature_class += 1
                    continue
                more = extra.pop(r.gid, [])
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
                    conn.execute(
                        "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        (
                            r.gid,
                            pid,
                            r.name,
                            r.lat,
                            r.lon,
                            r.country,
                            admin1,
                            "settlement",
                            r.population,
                            r.gid,
                            ALT_SEP.join(kept),
                            "",
                        ),
                    )
                    stats.places += 1
                imported.add(r.gid)
                _add_names(
                    conn, r.gid, primary, alts if in_main else [r.name, *alts], main_name=in_main
                )
            for gid, names in extra.items():  # names for places already in the main index
                pid = str(gid)
                if main.in_main_index(pid):
                    _add_names(conn, gid, main.get(pid).name, names, main_name=True)
                    stats.alternate_names += len(names)
                else:
                    stats.alternate_names_skipped += len(names)
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


def _add_names(
    conn: sqlite3.Connection, rid: int, primary: str, names: list[str], main_name: bool
) -> None:
    """Index `names` for place `rid` (primary name `primary`); names of places in the main
    index count as alternates, never as a new primary name."""
    keys = name_keys(primary if not main_name else "", names)
    pk = normalize(primary)
    for k, kind in keys.items():
        if main_name:
            kind = KIND_ALT
        elif k == pk:
            kind = KIND_NAME
        conn.execute(
            "INSERT OR REPLACE INTO names VALUES (?,?,?,?)", (k, rid, kind, key_similarity(k, pk))
        )
        conn.execute("INSERT OR IGNORE INTO loose VALUES (?,?)", (loose_key(k), rid))
