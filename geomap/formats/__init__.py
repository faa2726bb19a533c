"""Import/export of claims: CSV (ACLED-like), JSON Lines, GeoJSON (RFC 7946) and KML.

Every format carries the same flat columns (geomap.formats.rows), so export -> import is lossless.
Readers validate the whole file first and raise GeomapError naming file, line (or feature) and
field; the store then writes everything in one transaction.

Lossless means: every ClaimRecord field, its PlaceRef (polygon as WKT) and its SourceRecord
come back equal (floats are written with repr). Not kept: store row ids (new ids on import),
empty strings (read back as None), carriage returns inside KML text (XML normalises them) and
characters XML 1.0 forbids (KML writes U+FFFD). Datetimes are naive UTC. CSV text cells are
protected against spreadsheet formula injection by a reversible leading quote (formats/csv.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from geomap.errors import GeomapError, shown
from geomap.formats.rows import RowError, row_to_claim
from geomap.records import ClaimRecord, PlaceRef

FORMATS = ("csv", "jsonl", "geojson", "kml")
_EXT = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".geojson": "geojson",
        ".json": "geojson", ".kml": "kml"}  # fmt: skip


def detect_format(path: str | Path, fmt: str | None = None) -> str:
    """The format named, else the one the file extension implies."""
    if fmt:
        if fmt not in FORMATS:
            raise GeomapError(f"unknown format {shown(fmt)}; choose one of: {', '.join(FORMATS)}")
        return fmt
    ext = Path(str(path)).suffix.lower()
    if ext not in _EXT:
        raise GeomapError(
            f"cannot tell the format of {path} from its extension; give --format "
            f"({', '.join(FORMATS)})"
        )
    return _EXT[ext]


def _module(fmt: str):
    from geomap.formats import csv, geojson, jsonl, kml

    return {"csv": csv, "jsonl": jsonl, "geojson": geojson, "kml": kml}[fmt]


def write_claims(
    claims: Iterable[ClaimRecord],
    fp: IO[str],
    fmt: str,
    extra: Callable[[ClaimRecord], dict[str, Any]] | None = None,
) -> int:
    """Write claims to an open text stream (CSV streams need newline=""); returns the count.

    `extra(claim)` adds columns after the standard ones (CSV and JSON Lines only; e.g. the
    control check's assessed_holder, line_distance_km, agrees); import ignores them.
    """
    fmt = detect_format("", fmt)
    if extra is None:
        return _module(fmt).dump(claims, fp)
    if fmt not in ("csv", "jsonl"):
        raise GeomapError(f"extra columns are written to CSV and JSON Lines only, not {fmt}")
    return _module(fmt).dump(claims, fp, extra=extra)


def export_claims(claims: Iterable[ClaimRecord], path: str | Path, fmt: str | None = None) -> int:
    """Write claims to `path` atomically: on any error the old file is left as it was."""
    from geomap.atomic import atomic_write

    fmt = detect_format(path, fmt)
    with atomic_write(path, newline="") as fp:
        return write_claims(claims, fp, fmt)


def iter_rows(path: str | Path, fmt: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, row) pairs; `where` is "line 12" or "feature 3"."""
    fmt = detect_format(path, fmt)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fp:
            yield from _module(fmt).load_rows(fp, str(path))
    except FileNotFoundError:
        raise GeomapError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise GeomapError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def stream_claims(
    path: str | Path,
    fmt: str | None = None,
    resolve: Callable[[str], PlaceRef] | None = None,
    check: Callable[[ClaimRecord], ClaimRecord] | None = None,
) -> Iterator[ClaimRecord]:
    """read_claims one claim at a time, for an import that must not hold the file in memory.

    CSV and JSON Lines are read row by row; GeoJSON and KML parse their document first. A bad
    row raises GeomapError when it is reached: the store's import (one transaction) then
    rolls back everything before it. `check` may refuse a valid row with a RowError or
    return it amended (the import's place check); an error then names the line too.
    """
    for where, row in iter_rows(path, fmt):
        try:
            claim = row_to_claim(row, resolve)
            if check is not None:
                claim = check(claim)
        except RowError as exc:
            raise GeomapError(f"{path}: {where}: {exc}") from None
        yield claim


def read_claims(
    path: str | Path,
    fmt: str | None = None,
    resolve: Callable[[str], PlaceRef] | None = None,
) -> list[ClaimRecord]:
    """Parse and validate a whole file; GeomapError "FILE:line N: field 'x': ..." on a bad row."""
    return list(stream_claims(path, fmt, resolve))


__all__ = ["FORMATS", "RowError", "detect_format", "export_claims", "read_claims",
           "stream_claims", "write_claims", "iter_rows"]  # fmt: skip
