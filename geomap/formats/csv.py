"""CSV with ACLED-like column names (plus lossless extras); one claim per record.

Spreadsheet formula injection: Excel, LibreOffice and Google Sheets run a cell that starts with
= + - @ (or a tab / CR / LF before one) as a formula, and claims carry untrusted article text.
So a text cell that starts with one of those, or with the escape quote itself, is written with
one leading `'` (which spreadsheets show as text and hide); import removes exactly that one
quote, only where it stands before one of those characters, so export -> import stays
lossless and a hand-made file's "'Tis" keeps its quote. Numbers and dates are never escaped
(a negative longitude stays a number).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from geomap.errors import GeomapError
from geomap.formats.rows import COLUMNS, claim_to_row, to_text
from geomap.records import ClaimRecord

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # region polygons can be long

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
ESCAPE = "'"
_ESCAPED = (*FORMULA_START, ESCAPE)
TEXT_COLUMNS = frozenset(k for k, kind in COLUMNS.items() if kind == "str")


def escape_cell(s: str) -> str:
    """A text cell a spreadsheet will not run as a formula ("=1+1" -> "'=1+1")."""
    return ESCAPE + s if s.startswith(_ESCAPED) else s


def unescape_cell(s: str) -> str:
    """Undo escape_cell: drop one leading quote that stands before = + - @ tab CR LF or '."""
    return s[1:] if s.startswith(ESCAPE) and s[1:].startswith(_ESCAPED) else s


def dump(
    claims: Iterable[ClaimRecord],
    fp: IO[str],
    extra: Callable[[ClaimRecord], dict[str, Any]] | None = None,
) -> int:
    """`extra` (see formats.write_claims) names its columns in an `extra.columns` attribute."""
    # RFC 4180 CRLF records: the csv module quotes a field only for characters of the line
    # terminator, so with "\n" alone a bare CR inside a quote split the record on reading.
    extra_cols = list(getattr(extra, "columns", ())) if extra is not None else []
    w = csv.DictWriter(fp, fieldnames=list(COLUMNS) + extra_cols, lineterminator="\r\n")
    w.writeheader()
    n = 0
    for c in claims:
        row = {
            k: escape_cell(to_text(v)) if k in TEXT_COLUMNS else to_text(v)
            for k, v in claim_to_row(c).items()
        }
        if extra is not None:
            for k, v in extra(c).items():
                if isinstance(v, bool):
                    row[k] = str(v).lower()
                else:
                    row[k] = escape_cell(v) if isinstance(v, str) else to_text(v)
        w.writerow(row)
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
            row = {
                k: unescape_cell(v) if k in TEXT_COLUMNS or k == "type" else v
                for k, v in zip(header, values, strict=True)
            }
            if "event_type" not in row and "type" in row:
                row["event_type"] = row["type"]
            yield f"line {start}", row
        start = reader.line_num + 1
