"""CSV with ACLED-like column names (plus lossless extras); one claim per record."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from geomap.errors import GeomapError
from geomap.formats.rows import COLUMNS, claim_to_row, to_text
from geomap.records import ClaimRecord

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # region polygons can be long


def dump(claims: Iterable[ClaimRecord], fp: IO[str]) -> int:
    w = csv.DictWriter(fp, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    n = 0
    for c in claims:
        w.writerow({k: to_text(v) for k, v in claim_to_row(c).items()})
        n += 1
    return n


def load_rows(fp: IO[str], name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    reader = csv.reader(fp)
    try:
        header = next(reader)
    except StopIteration:
        raise GeomapError(f"{name}: empty file (want a CSV header line)") from None
    except csv.Error as exc:
        raise GeomapError(f"{name}: line 1: bad CSV: {exc}") from None
    header = [h.strip() for h in header]
    missing = [k for k in ("side",) if k not in header]
    if "event_type" not in header and "type" not in header:
        missing.append("event_type")
    if missing:
        raise GeomapError(f"{name}: line 1: header lacks column(s) {', '.join(missing)}")
    start = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise GeomapError(f"{name}: line {start}: bad CSV: {exc}") from None
        if values and any(v.strip() for v in values):
            if len(values) != len(header):
                raise GeomapError(
                    f"{name}: line {start}: {len(values)} fields where the header has {len(header)}"
                )
            row = dict(zip(header, values, strict=True))
            if "event_type" not in row and "type" in row:
                row["event_type"] = row["type"]
            yield f"line {start}", row
        start = reader.line_num + 1
