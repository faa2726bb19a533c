"""One flat row per claim: the shared column schema of every export format.

ACLED-like names first (event_date, actor, side, location, latitude, longitude, geo_precision,
time_precision, notes, source), then the columns that make export -> import lossless.
Values are typed (float/int/str/None) for JSON formats and strings ("" = None) for CSV/KML.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from geomap.errors import GeomapError, shown
from geomap.records import (
    ClaimError,
    ClaimRecord,
    PlaceRef,
    SourceRecord,
    parse_rules,
    rules_text,
    validate_claim,
)

# column -> kind
COLUMNS: dict[str, str] = {
    "event_date": "date",
    "actor": "str",
    "side": "str",
    "event_type": "str",
    "location": "str",
    "latitude": "float",
    "longitude": "float",
    "geo_precision": "str",
    "time_precision": "str",
    "notes": "str",
    "source": "str",
    "place_id": "str",
    "country": "str",
    "admin1": "str",
    "population": "int",
    "polygon_wkt": "str",
    "place_as_written": "str",
    "quote": "str",
    "quote_start": "int",
    "quote_end": "int",
    "confidence": "float",
    "extractor": "str",
    "extractor_version": "str",
    "origin": "str",
    "review_status": "str",
    "source_title": "str",
    "source_outlet": "str",
    "source_author": "str",
    "source_published": "date",
    "source_hash": "str",
    "source_ingested_at": "datetime",
    "rules": "str",  # ids of the extraction rules that made the claim, space-separated
}


class RowError(GeomapError):
    """A bad value; the reader adds file and line."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(f"field {field!r}: {message}")


def claim_to_row(c: ClaimRecord) -> dict[str, Any]:
    """Typed flat row (None for missing values)."""
    p, s = c.place, c.source
    return {
        "event_date": c.claim_date,
        "actor": c.claimant,
        "side": c.side,
        "event_type": c.type,
        "location": p.name,
        "latitude": p.lat,
        "longitude": p.lon,
        "geo_precision": p.precision,
        "time_precision": c.date_precision,
        "notes": c.notes,
        "source": s.url if s else None,
        "place_id": p.id,
        "country": p.country,
        "admin1": p.admin1,
        "population": p.population,
        "polygon_wkt": p.polygon_wkt,
        "place_as_written": c.place_as_written,
        "quote": c.quote,
        "quote_start": c.start,
        "quote_end": c.end,
        "confidence": c.confidence,
        "extractor": c.extractor,
        "extractor_version": c.extractor_version,
        "origin": c.origin,
        "review_status": c.review_status,
        "source_title": s.title if s else None,
        "source_outlet": s.outlet if s else None,
        "source_author": s.author if s else None,
        "source_published": s.published if s else None,
        "source_hash": s.content_hash if s else None,
        "source_ingested_at": s.ingested_at if s else None,
        "rules": rules_text(c.rules),
    }


def to_text(v: Any) -> str:
    """Lossless text form: ISO dates, repr floats, "" for None."""
    if v is None:
        return ""
    if isinstance(v, date | datetime):
        return v.isoformat()
    if isinstance(v, float):
        return repr(v)
    return str(v)


def to_json_value(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date | datetime) else v


def _parse(field: str, kind: str, v: Any) -> Any:
    if v is None or (isinstance(v, str) and v.strip() == "" and kind != "str"):
        return None
    if kind == "str":
        if isinstance(v, int) and not isinstance(v, bool):
            return str(v)
        if not isinstance(v, str):
            raise RowError(field, f"expected text, got {shown(v)}")
        return v if v != "" else None
    if kind == "float":
        if isinstance(v, bool):
            raise RowError(field, f"expected a number, got {shown(v)}")
        try:
            return float(v)
        except (TypeError, ValueError):
            raise RowError(field, f"expected a number, got {shown(v)}") from None
    if kind == "int":
        if isinstance(v, bool) or (isinstance(v, float) and not v.is_integer()):
            raise RowError(field, f"expected a whole number, got {shown(v)}")
        try:
            return int(v)
        except (TypeError, ValueError):
            raise RowError(field, f"expected a whole number, got {shown(v)}") from None
    if kind == "date":
        try:
            return date.fromisoformat(str(v).strip())
        except ValueError:
            raise RowError(field, f"expected a date YYYY-MM-DD, got {shown(v)}") from None
    if kind == "datetime":
        try:
            return datetime.fromisoformat(str(v).strip())
        except ValueError:
            raise RowError(field, f"expected an ISO date-time, got {shown(v)}") from None
    raise AssertionError(kind)


def row_to_claim(
    row: Mapping[str, Any], resolve: Callable[[str], PlaceRef] | None = None
) -> ClaimRecord:
    """Build a ClaimRecord from a flat row (strings or typed values); raises RowError.

    Without place_id the `location` is resolved by `resolve` (the gazetteer) when given.
    """
    v = {k: _parse(k, kind, row.get(k)) for k, kind in COLUMNS.items()}
    for k in ("side", "event_type"):
        if v[k] is None:
            raise RowError(k, "missing")
    incomplete = any(v[k] is None for k in ("place_id", "location", "latitude", "longitude"))
    if incomplete and resolve is not None and (v["place_id"] or v["location"]):
        # Hand-made files: a gazetteer id or a name is enough; the gazetteer fills in the rest.
        field = "place_id" if v["place_id"] else "location"
        try:
            place = resolve(v[field])
        except GeomapError as exc:
            raise RowError(field, str(exc)) from None
    else:
        for k in ("place_id", "location", "latitude", "longitude"):
            if v[k] is None:
                raise RowError(k, "missing")
        try:
            place = PlaceRef(
                id=v["place_id"],
                name=v["location"],
                precision=v["geo_precision"] or "settlement",
                lat=v["latitude"],
                lon=v["longitude"],
                country=v["country"],
                admin1=v["admin1"],
                population=v["population"],
                polygon_wkt=v["polygon_wkt"],
            )
        except GeomapError as exc:
            raise RowError("geo_precision", str(exc)) from None
    src_fields = ("source", "source_title", "source_outlet", "source_author", "source_published",
                  "source_hash", "source_ingested_at")  # fmt: skip
    source = None
    if any(v[k] is not None for k in src_fields):
        source = SourceRecord(
            url=v["source"],
            title=v["source_title"],
            outlet=v["source_outlet"],
            author=v["source_author"],
            published=v["source_published"],
            content_hash=v["source_hash"],
            ingested_at=v["source_ingested_at"],
        )
    try:
        rules = parse_rules(v["rules"])
    except GeomapError as exc:
        raise RowError("rules", str(exc)) from None
    checks = (("side", "side"), ("event_type", "type"), ("time_precision", "date precision"),
              ("origin", "origin"), ("review_status", "review status"))  # fmt: skip
    try:
        claim = ClaimRecord(
            place=place,
            side=v["side"],
            type=v["event_type"],
            claim_date=v["event_date"],
            date_precision=v["time_precision"] or "day",
            claimant=v["actor"],
            place_as_written=v["place_as_written"],
            quote=v["quote"],
            start=v["quote_start"],
            end=v["quote_end"],
            confidence=1.0 if v["confidence"] is None else v["confidence"],
            extractor=v["extractor"],
            extractor_version=v["extractor_version"],
            origin=v["origin"] or "machine",
            review_status=v["review_status"] or "unreviewed",
            notes=v["notes"],
            source=source,
            rules=rules,
        )
    except GeomapError as exc:
        msg = str(exc)
        field = next((col for col, what in checks if msg.startswith(what + " ")), "row")
        raise RowError(field, msg) from None
    try:
        validate_claim(claim)  # exactly the checks `geomap add` makes
    except ClaimError as exc:
        raise RowError(exc.field, str(exc)) from None
    return claim
