"""Options and parsers shared by the commands that read the store (claims, export, map, report)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import click

from geomap.errors import GeomapError, shown
from geomap.query import ClaimFilter
from geomap.records import CLAIM_TYPES, REVIEW_STATUSES, SIDES, read_claim_date

db_option = click.option(
    "--db",
    "db",
    envvar="GEOMAP_DB",
    default=None,
    metavar="URL",
    help="Database URL or SQLite path (default: $GEOMAP_DB or sqlite:///geomap.db).",
)
_DATE = click.DateTime(formats=["%Y-%m-%d"])


def parse_claim_date(s: str | None) -> tuple[date | None, str | None]:
    """'2025-02-07' -> day, '2025-02' -> (2025-02-01, month), '2025' -> (2025-01-01, year)."""
    if not s:
        return None, None
    try:
        return read_claim_date(s)
    except ValueError:
        raise GeomapError(f"bad --date {shown(s)}: use YYYY-MM-DD, YYYY-MM or YYYY") from None


def _day(v: datetime | None) -> date | None:
    return v.date() if v else None


def parse_distance_km(s: str) -> float:
    """'25km', '25 km', '800m', '25' (km) -> km."""
    m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*(km|m)?\s*", s or "", re.I)
    if not m:
        raise GeomapError(f"bad distance {shown(s)}: use e.g. 25km or 800m")
    v = float(m.group(1))
    return v / 1000 if (m.group(2) or "km").lower() == "m" else v


def parse_bbox(s: str) -> tuple[float, float, float, float]:
    try:
        parts = tuple(float(x) for x in s.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4:
        raise GeomapError(f"bad --bbox {shown(s)}: want min_lon,min_lat,max_lon,max_lat")
    return parts  # type: ignore[return-value]


def filter_options(f):
    opts = [
        click.option(
            "--since", type=_DATE, metavar="YYYY-MM-DD", help="Claims dated on/after YYYY-MM-DD."
        ),
        click.option(
            "--until", type=_DATE, metavar="YYYY-MM-DD", help="Claims dated on/before YYYY-MM-DD."
        ),
        click.option(
            "--as-of",
            "as_of",
            type=_DATE,
            metavar="YYYY-MM-DD",
            help="State of claims on that day.",
        ),
        click.option("--side", type=click.Choice(SIDES)),
        click.option("--type", "type_", type=click.Choice(CLAIM_TYPES)),
        click.option("--near", metavar="PLACE", help="Only places near this one (see --within)."),
        click.option("--within", default="25km", show_default=True, help="Radius for --near."),
        click.option("--bbox", metavar="MINLON,MINLAT,MAXLON,MAXLAT"),
        click.option("--contested", is_flag=True, help="Only places whose sides disagree."),
        click.option(
            "--region-only",
            is_flag=True,
            help="PLACE is a region: only its region-wide claims, not its settlements'.",
        ),
        click.option(
            "--review-status",
            type=click.Choice(REVIEW_STATUSES),
            help="Only claims with this review status (unreviewed: still to review).",
        ),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def make_filter(place: str | None, kw: dict[str, Any]) -> ClaimFilter:
    return ClaimFilter(
        place=place,
        since=_day(kw["since"]),
        until=_day(kw["until"]),
        as_of=_day(kw["as_of"]),
        side=kw["side"],
        type=kw["type_"],
        near=kw["near"],
        within_km=parse_distance_km(kw["within"]),
        bbox=parse_bbox(kw["bbox"]) if kw["bbox"] else None,
        contested=kw["contested"],
        region_only=kw.get("region_only", False),
        review_status=kw.get("review_status"),
    )
