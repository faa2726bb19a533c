"""Full GeoNames coverage in one call: fetch the dumps of some countries (or all of them) and
import their places into the overlay beside the index, so every village resolves.

`download(["UA", "RU", "BY"])` fetches UA.zip, RU.zip, BY.zip, alternateNamesV2.zip,
countryInfo.txt, admin1CodesASCII.txt and admin2Codes.txt from GeoNames into a folder beside
the index (kept, so a second run resumes or skips them), checks each one (the size the server
announced, a readable zip, the expected columns), then imports everything into a temporary
copy of the overlay and renames it over the overlay: an interrupted download or a bad file
leaves the overlay as it was. `download(..., from_dir=DIR)` imports files already downloaded
(machines without network). GeoNames data: CC BY 4.0, https://www.geonames.org.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import sqlite3
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazetteer.errors import GazetteerError
from gazetteer.importer import (
    ImportStats,
    import_geonames,
    iter_alternate_names,
    iter_geonames,
    overlay_path,
)
from gazetteer.index import ALT_SEP, KIND_REGION, cache_path, name_keys, similarities
from gazetteer.normalize import loose_key, normalize

GEONAMES_URL = "https://download.geonames.org/export/dump/"
ENV_URL = "GEOMAP_GEONAMES_URL"  # another mirror (tests use a local server)
SHARED = ("countryInfo.txt", "admin1CodesASCII.txt", "admin2Codes.txt")
ALTERNATES = "alternateNamesV2.zip"
ALL = "allCountries.zip"
CHUNK = 1 << 16
# a progress callback: (file name, bytes so far, total bytes or None)
Progress = Callable[[str, int, int | None], None]


@dataclass
class DownloadResult:
    files: list[Path] = field(default_factory=list)
    downloaded_bytes: int = 0
    places: int = 0
    districts: int = 0  # second-level divisions (raions, districts) from admin2Codes.txt
    already_indexed: int = 0
    alternate_names: int = 0
    overlay: str = ""
    seconds: float = 0.0


def download_dir(cache: str | os.PathLike[str] | None = None) -> Path:
    """Where dumps are kept: a `geonames` folder beside the index."""
    return cache_path(cache).parent / "geonames"


def _country_files(countries: list[str], all_countries: bool) -> list[str]:
    if all_countries:
        return [ALL]
    if not countries:
        raise GazetteerError("name at least one country code (UA RU BY) or use --all")
    out = []
    for cc in countries:
        code = cc.strip().upper()
        if len(code) != 2 or not code.isalpha():
            raise GazetteerError(f"{cc!r} is not a two-letter country code (UA, RU, BY)")
        out.append(f"{code}.zip")
    return list(dict.fromkeys(out))


def fetch(url: str, dest: Path, *, timeout: float = 30.0, progress: Progress | None = None) -> int:
    """Download `url` to `dest`, resuming a `.part` file left by an interrupted run (HTTP
    Range); the file appears under its name only once complete. Returns bytes received.
    A stalled server (no data for `timeout` s) or a short body is a GazetteerError that says
    to run again (the part is kept for the resume)."""
    part = dest.with_name(dest.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    req = urllib.request.Request(url, headers={"User-Agent": "geomap-gazetteer"})
    if have:
        req.add_header("Range", f"bytes={have}-")
    try:
        resp = urllib.request.urlopen(req, timeout=timeout)  # noqa: S310 - http(s) URL
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # nothing left to fetch: the part is whole
            os.replace(part, dest)
            return 0
        raise GazetteerError(f"download of {url} failed: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise GazetteerError(f"download of {url} failed: {getattr(exc, 'reason', exc)}") from exc
    with resp:
        resumed = have and resp.status == 206
        if not resumed:
            have = 0
        length = resp.headers.get("Content-Length")
        total = have + int(length) if length and length.isdigit() else None
        got = 0
        try:
            with part.open("ab" if resumed else "wb") as fh:
                while chunk := resp.read(CHUNK):
                    fh.write(chunk)
                    got += len(chunk)
                    if progress:
                        progress(dest.name, have + got, total)
        except TimeoutError as exc:
            raise GazetteerError(
                f"download of {url} stalled (no data for {timeout:.0f} s) after "
                f"{have + got} bytes; run the command again to resume"
            ) from exc
        except OSError as exc:
            raise GazetteerError(f"download of {url} broke off: {exc}; run again") from exc
    size = part.stat().st_size
    if total is not None and size != total:
        raise GazetteerError(
            f"download of {url} is short: {size} of {total} bytes; run again to resume"
        )
    os.replace(part, dest)
    return got


def check_file(path: Path) -> None:
    """A downloaded dump is whole: zips open and pass their CRC check; text is tab-separated."""
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as zf:
                bad = zf.testzip()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise GazetteerError(
                f"{path} is not a complete zip ({exc}); delete it and download again"
            ) from exc
        if bad is not None:
            raise GazetteerError(f"{path}: member {bad} fails its checksum; delete it, retry")
        return
    try:
        with path.open(encoding="utf-8") as fh:
            data = [ln for ln in (fh.readline() for _ in range(200)) if ln and ln[0] != "#"]
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path} is unreadable ({exc})") from exc
    if not data or not all("\t" in ln for ln in data if ln.strip()):
        raise GazetteerError(f"{path} is not a GeoNames tab-separated file; delete it, retry")


def _known_countries(path: Path) -> set[str]:
    """ISO codes listed in countryInfo.txt."""
    with path.open(encoding="utf-8") as fh:
        return {ln.split("\t", 1)[0] for ln in fh if ln.strip() and not ln.startswith("#")}


def download(
    countries: list[str] | tuple[str, ...] = (),
    *,
    all_countries: bool = False,
    from_dir: str | os.PathLike[str] | None = None,
    cache: str | os.PathLike[str] | None = None,
    base_url: str | None = None,
    timeout: float = 30.0,
    progress: Progress | None = None,
) -> DownloadResult:
    """Fetch (or, with `from_dir`, take) GeoNames dumps and import them into the overlay,
    swapped in atomically. Files already complete in the download folder are not fetched
    again; a `.part` left by an interrupted run is resumed."""
    t0 = time.perf_counter()
    names = _country_files(list(countries), all_countries)
    result = DownloadResult()
    if from_dir is not None:
        folder = Path(from_dir)
        if not folder.is_dir():
            raise GazetteerError(f"--from {folder}: not a folder")
    else:
        folder = download_dir(cache)
        folder.mkdir(parents=True, exist_ok=True)
        base = (base_url or os.environ.get(ENV_URL) or GEONAMES_URL).rstrip("/") + "/"
        if not base.startswith(("http://", "https://")):
            raise GazetteerError(f"download URL must be http(s): {base}")
        for name in (*SHARED, *names, ALTERNATES):
            dest = folder / name
            if not dest.exists():
                result.downloaded_bytes += fetch(
                    base + name, dest, timeout=timeout, progress=progress
                )
    files = [_find(folder, n) for n in names]
    for f in files:
        check_file(f)
    info = _optional(folder, "countryInfo.txt")
    if info is not None and not all_countries:
        check_file(info)
        unknown = [n[:2] for n in names if n[:2] not in _known_countries(info)]
        if unknown:
            raise GazetteerError(f"not GeoNames country codes: {', '.join(unknown)}")
    alts = _optional(folder, "alternateNamesV2.zip") or _optional(folder, "alternateNamesV2.txt")
    if alts is not None:
        check_file(alts)
    result.files = [*files, *([alts] if alts else [])]
    admin2 = _optional(folder, "admin2Codes.txt")
    if admin2 is not None:
        check_file(admin2)
    _import_all(files, alts, cache, result, admin2)
    result.seconds = round(time.perf_counter() - t0, 2)
    return result


def _find(folder: Path, name: str) -> Path:
    """`name` (UA.zip) or its unzipped form (UA.txt) in `folder`."""
    for cand in (folder / name, folder / (Path(name).stem + ".txt")):
        if cand.exists():
            return cand
    raise GazetteerError(f"{folder} has no {name} (nor {Path(name).stem}.txt)")


def _optional(folder: Path, name: str) -> Path | None:
    p = folder / name
    return p if p.exists() else None


def _import_all(
    files: list[Path],
    alts: Path | None,
    cache,
    result: DownloadResult,
    admin2: Path | None = None,
) -> None:
    """Import every file into a copy of the overlay, then rename it over the overlay.

    Streams: each file is read once to check every row and note its ids (a bitmap, one bit
    per geonameid), the alternate names of those places are copied to a scratch SQLite file
    beside the overlay, then each file is read again and imported in batches, fetching its
    places' names from the scratch file. Memory stays flat whatever the files' sizes."""
    ov = overlay_path(cache)
    tmp = ov.with_name(f"{ov.name}.tmp-{os.getpid()}")
    scratch = ov.with_name(f"{ov.name}.names-{os.getpid()}")
    ov.parent.mkdir(parents=True, exist_ok=True)
    try:
        if ov.exists():
            shutil.copyfile(ov, tmp)
        wanted = IdSet()
        codes = read_admin2_codes(admin2) if admin2 is not None else {}
        districts: dict[int, District] = {}
        for f in files:
            for row in iter_geonames(f):  # every row checked before anything is written
                wanted.add(row.gid)
                if row.gid in codes:  # a division's point is its row in the country file
                    districts[row.gid] = District(codes[row.gid], row)
        with AlternateNames(scratch) as names:
            if alts is not None:
                names.load(iter_alternate_names(alts), wanted)
            for f in files:
                stats: ImportStats = import_geonames(
                    f, cache=cache, overlay_file=tmp, extra_names=names
                )
                result.places += stats.places
                result.already_indexed += stats.already_indexed
                result.alternate_names += stats.alternate_names
            result.districts = import_districts(tmp, districts.values(), names)
        os.replace(tmp, ov)
    finally:
        for leftover in (tmp, scratch):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    result.overlay = str(ov)
    from gazetteer.core import reset_default_gazetteer

    reset_default_gazetteer()


class IdSet:
    """A set of GeoNames ids as a bitmap: 12 million places in ~1.6 MB, not ~700 MB of ints."""

    def __init__(self) -> None:
        self._bits = bytearray()

    def add(self, gid: int) -> None:
        byte = gid >> 3
        if byte >= len(self._bits):
            self._bits.extend(bytes(max(byte + 1 - len(self._bits), len(self._bits))))
        self._bits[byte] |= 1 << (gid & 7)

    def __contains__(self, gid: int) -> bool:
        byte = gid >> 3
        return 0 <= byte < len(self._bits) and bool(self._bits[byte] & (1 << (gid & 7)))


class AlternateNames:
    """Alternate names kept in a scratch SQLite file (alternateNamesV2 is ~700 MB of text),
    handed to the importer place by place (`pop`, see importer.NameSource)."""

    def __init__(self, path: Path):
        self.path = path
        self._conn = sqlite3.connect(path)
        self._conn.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
            "CREATE TABLE IF NOT EXISTS alt (gid INTEGER NOT NULL, name TEXT NOT NULL);"
        )

    def load(self, rows: Iterable[tuple[int, str]], only: IdSet, batch: int = 20_000) -> int:
        """Copy the names of the places in `only`; returns how many."""
        n = 0
        buf: list[tuple[int, str]] = []
        for gid, name in rows:
            if gid in only:
                buf.append((gid, name))
                if len(buf) >= batch:
                    n += self._write(buf)
        n += self._write(buf)
        self._conn.execute("CREATE INDEX IF NOT EXISTS alt_gid ON alt (gid)")
        self._conn.commit()
        return n

    def _write(self, buf: list[tuple[int, str]]) -> int:
        self._conn.executemany("INSERT INTO alt VALUES (?, ?)", buf)
        n = len(buf)
        buf.clear()
        return n

    def pop(self, gid: int, default: list[str], /) -> list[str]:
        """The names of place `gid` (the importer asks once per place)."""
        rows = self._conn.execute("SELECT name FROM alt WHERE gid = ?", (gid,)).fetchall()
        return [r[0] for r in rows] if rows else default

    def __enter__(self) -> AlternateNames:
        return self

    def __exit__(self, *exc: object) -> None:
        self._conn.close()


@dataclass
class District:
    """A second-level division: its admin2Codes.txt entry and its row in a country file."""

    code: str  # "UA.05.1234"
    row: Any  # importer._Row: point, names, population


def read_admin2_codes(path: Path) -> dict[int, str]:
    """geonameid -> admin-2 code ("UA.05.1234") from admin2Codes.txt (code, name, ascii name,
    geonameid); a malformed line is an error naming the file and line."""
    out: dict[int, str] = {}
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) != 4 or cols[0].count(".") != 2 or not cols[3].strip().isdigit():
                raise GazetteerError(
                    f"{path}:{lineno}: expected code, name, ascii name, geonameid "
                    "(admin2Codes.txt format); delete the file and download again"
                )
            out[int(cols[3])] = cols[0].strip()
    return out


@functools.lru_cache(maxsize=1)
def _district_rules() -> dict[str, Any]:
    path = Path(__file__).resolve().parent / "data" / "districts.json"
    return json.loads(path.read_text(encoding="utf-8"))


def district_phrases(name: str) -> list[str]:
    """How the press also writes a division's name (data/districts.json): "Pokrovskyi Raion"
    -> "Pokrovsk district", "Pokrovsk raion", ... (normalised keys)."""
    rules = _district_rules()
    key = normalize(name)
    stem = next((key[: -len(t) - 1] for t in rules["type_words"] if key.endswith(" " + t)), None)
    if not stem:
        return []
    stems = [stem]
    for end in rules["adjective_endings"]:
        if stem.endswith(end) and len(stem) > len(end) + 2:
            base = stem[: -len(end)]
            stems += [base + "sk", base] + ([base[:-1]] if base.endswith("n") else [])
            break
    return [f"{s} {w}" for s in dict.fromkeys(stems) for w in rules["phrase_words"]]


def import_districts(overlay: Path, districts: Iterable[District], names: AlternateNames) -> int:
    """Add second-level divisions to the overlay as regions (feature admin2, in their admin-1
    region), indexed by their names and the phrases the press writes; returns how many."""
    conn = sqlite3.connect(overlay)
    n = 0
    try:
        with conn:
            for d in districts:
                r = d.row
                cc, a1 = d.code.split(".")[:2]
                alts = [a for a in dict.fromkeys([*r.alts, *names.pop(r.gid, [])]) if a != r.name]
                conn.execute(
                    "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (r.gid, d.code, r.name, r.lat, r.lon, cc, f"{cc}.{a1}", "region",
                     r.population, r.gid, ALT_SEP.join(alts), ""),
                )  # fmt: skip
                pk = normalize(r.name)
                keys = set(name_keys(r.name, alts))
                for a in [r.name, *alts]:
                    keys.update(district_phrases(a))
                sims = similarities(keys, pk)
                conn.executemany(
                    "INSERT OR REPLACE INTO names VALUES (?,?,?,?)",
                    [(k, r.gid, KIND_REGION, sims[k]) for k in keys],
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO loose VALUES (?,?)",
                    [(loose_key(k), r.gid) for k in keys],
                )
                n += 1
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot write the gazetteer overlay {overlay} ({exc})") from exc
    finally:
        conn.close()
    return n
