"""Markdown tables of claims, as OSINT summaries and status trackers lay them out.

    | Settlement | Status    | Claimed by  | Date   |
    |------------|-----------|-------------|--------|
    | Udachne    | Captured  | Russian MoD | 24 Aug |

A row is one claim: the place column names where, the status column what (read with the
same claim-type lexicon as sentences), the source column who, and the date column when.
Columns are recognised by their header words; a table without a place column, or without a
status column, holds no claims (prices, casualty counts, timetables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROW_RE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_SEP_CELL_RE = re.compile(r"^\s*:?-{2,}:?\s*$")
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "source",
        re.compile(
            r"(?i)\b(?:source|sources|claimed\s+by|claimant|according\s+to|"
            r"reported\s+by|who\s+says|by)\b"
        ),
    ),
    ("date", re.compile(r"(?i)\b(?:date|when|as\s+of|day|time|updated)\b")),
    (
        "place",
        re.compile(
            r"(?i)\b(?:settlements?|places?|towns?|villages?|city|cities|"
            r"locations?|locality|localities|area|oblast|region)\b"
        ),
    ),
    (
        "status",
        re.compile(
            r"(?i)\b(?:status|claims?|events?|what|situation|type|change|"
            r"control|details?|developments?|assessment)\b"
        ),
    ),
)


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Row:
    """A data row: its span (the whole line) and its cells by role."""

    start: int
    end: int
    place: Cell
    status: Cell
    source: Cell | None
    date: Cell | None


def _cells(text: str, s: int, e: int) -> list[Cell]:
    line = text[s:e]
    first = line.index("|")
    last = line.rindex("|")
    out: list[Cell] = []
    pos = first + 1
    for part in line[first + 1 : last].split("|"):
        raw_s = s + pos
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        cs = raw_s + lead
        # "**Udachne**": emphasis marks are no part of the value
        inner = stripped.strip("*_`")
        cs += stripped.find(inner) if inner else 0
        out.append(Cell(cs, cs + len(inner), inner))
        pos += len(part) + 1
    return out


def table_spans(text: str) -> list[tuple[int, int]]:
    """Spans of Markdown tables (a header row, a separator row, data rows)."""
    spans: list[tuple[int, int]] = []
    rows = list(_ROW_RE.finditer(text))
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and text[rows[j].end() : rows[j + 1].start()].strip() == "":
            if text.count("\n", rows[j].end(), rows[j + 1].start()) != 1:
                break
            j += 1
        if (
            j > i
            and all(
                _SEP_CELL_RE.match(c.text or "--") or c.text == ""
                for c in _cells(text, *rows[i + 1].span())
            )
            and any(_SEP_CELL_RE.match(c.text) for c in _cells(text, *rows[i + 1].span()))
        ):
            spans.append((rows[i].start(), rows[j].end()))
        i = j + 1
    return spans


def table_rows(text: str) -> list[Row]:
    """Data rows of the claim tables in a text (tables lacking a place or a status column
    are skipped)."""
    out: list[Row] = []
    for t0, t1 in table_spans(text):
        lines = [m for m in _ROW_RE.finditer(text, t0, t1)]
        header = [c.text for c in _cells(text, *lines[0].span())]
        roles: dict[str, int] = {}
        for idx, h in enumerate(header):
            for role, pat in _ROLES:
                if role not in roles and pat.search(h):
                    roles[role] = idx
                    break
        if "place" not in roles or "status" not in roles:
            continue
        for m in lines[2:]:
            cells = _cells(text, *m.span())
            if len(cells) <= max(roles.values()):
                continue
            got = {role: cells[i] for role, i in roles.items()}
            place, status = got["place"], got["status"]
            if not place.text or not status.text:
                continue
            out.append(
                Row(
                    m.start() + len(m.group(0)) - len(m.group(0).lstrip()),
                    m.end() - (len(m.group(0)) - len(m.group(0).rstrip())),
                    place,
                    status,
                    got.get("source"),
                    got.get("date"),
                )
            )
    return out


_CONTROL_RE = re.compile(
    r"(?i)\bunder\s+(Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+control\b"
    r"|\b(Ukrainian|Russian)[- ](?:held|controlled)\b"
)


def controller(status: str) -> str | None:
    """ "Under Ukrainian control", "Russian-held": which side holds the place (ukraine|russia)."""
    m = _CONTROL_RE.search(status)
    if m is None:
        return None
    word = (m.group(1) or m.group(2)).lower()
    return "ukraine" if word.startswith("ukrain") else "russia"
