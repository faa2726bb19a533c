"""Row mapping between records and the claims, places and sources tables (ingest and selection)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from geomap.model import claims as T_claims
from geomap.model import places as T_places
from geomap.model import sources as T_sources
from geomap.records import ClaimRecord, PlaceRef, SourceRecord, rules_text


def version_key(v: str | None) -> tuple:
    """Sort key for extractor versions: numeric parts compare as numbers ("1.10" > "1.9")."""
    if not v:
        return ()
    return tuple(
        (1, int(p), "") if p.isdigit() else (0, 0, p) for p in re.findall(r"\d+|[A-Za-z]+", v)
    )


def is_newer_version(new: str | None, old: str | None) -> bool:
    return bool(new) and version_key(new) > version_key(old)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _naive_utc(dt: datetime | None) -> datetime | None:
    if dt is not None and dt.tzinfo is not None:
        return dt.astimezone(UTC).replace(tzinfo=None)
    return dt


def _place_row(p: PlaceRef) -> dict[str, Any]:
    return asdict(p)


def _claim_tuple(c: ClaimRecord, source_id: int | None) -> tuple:
    """A claims row in _CLAIM_COLS order."""
    return (c.place.id, source_id, c.claimant, c.place_as_written, c.side, c.type, c.claim_date,
            c.date_precision, c.quote, c.start, c.end, c.confidence, c.extractor,
            c.extractor_version, c.origin, c.review_status, c.notes,
            rules_text(c.rules))  # fmt: skip


def _key_of(t: tuple) -> tuple:
    """Identity of a claim row for dedupe: every column but source_id and the provenance
    column rules, the last (= _KEY_FIELDS order)."""
    return t[:1] + t[2:-1]


_CLAIM_COLS = ("place_id", "source_id", "claimant", "place_as_written", "side", "type",
    "claim_date", "date_precision", "quote", "start_offset", "end_offset", "confidence",
    "extractor", "extractor_version", "origin", "review_status", "notes", "rules")  # fmt: skip

_KEY_FIELDS = tuple(c for c in _CLAIM_COLS if c not in ("source_id", "rules"))
# What makes two rows of one source the same claim: all but the review a person adds to it.
_IDENTITY_FIELDS = tuple(c for c in _KEY_FIELDS if c not in ("review_status", "notes"))
_IDENTITY_IDX = tuple(_CLAIM_COLS.index(c) for c in _IDENTITY_FIELDS)


def _identity_of(t: tuple) -> tuple:
    """A _claim_tuple row's _IDENTITY_FIELDS values (dedupe on import)."""
    return tuple(t[i] for i in _IDENTITY_IDX)


def _source_values(s: SourceRecord) -> dict[str, Any]:
    return {
        "url": s.url,
        "title": s.title,
        "outlet": s.outlet,
        "author": s.author,
        "published": s.published,
        "content_hash": s.content_hash,
        "ingested_at": _naive_utc(s.ingested_at) or _now(),
        "language": s.language,
    }


_SELECT_COLS = [
    T_claims.c.id,
    T_claims.c.source_id,
    *[T_claims.c[k] for k in _KEY_FIELDS],
    T_claims.c.rules,
    T_places.c.name.label("p_name"),
    T_places.c.precision.label("p_precision"),
    T_places.c.lat.label("p_lat"),
    T_places.c.lon.label("p_lon"),
    T_places.c.country.label("p_country"),
    T_places.c.admin1.label("p_admin1"),
    T_places.c.population.label("p_population"),
    T_places.c.polygon_wkt.label("p_polygon"),
    T_sources.c.url.label("s_url"),
    T_sources.c.title.label("s_title"),
    T_sources.c.outlet.label("s_outlet"),
    T_sources.c.author.label("s_author"),
    T_sources.c.published.label("s_published"),
    T_sources.c.content_hash.label("s_hash"),
    T_sources.c.ingested_at.label("s_ingested_at"),
    T_sources.c.language.label("s_language"),
]
_FROM = T_claims.join(T_places, T_claims.c.place_id == T_places.c.id).outerjoin(
    T_sources, T_claims.c.source_id == T_sources.c.id
)


def _rows_to_records(rows: Sequence[Any]) -> list[ClaimRecord]:
    places: dict[str, PlaceRef] = {}
    sources: dict[int, SourceRecord] = {}
    out = []
    for r in rows:
        p = places.get(r.place_id)
        if p is None:
            p = places[r.place_id] = PlaceRef(
                r.place_id, r.p_name, r.p_precision, r.p_lat, r.p_lon, r.p_country, r.p_admin1,
                r.p_population, r.p_polygon,
            )  # fmt: skip
        s = None
        if r.source_id is not None:
            s = sources.get(r.source_id)
            if s is None:
                s = sources[r.source_id] = SourceRecord(
                    r.s_url,
                    r.s_title,
                    r.s_outlet,
                    r.s_author,
                    r.s_published,
                    r.s_hash,
                    r.s_ingested_at,
                    r.s_language,
                )
        out.append(
            ClaimRecord(
                place=p,
                side=r.side,
                type=r.type,
                claim_date=r.claim_date,
                date_precision=r.date_precision,
                claimant=r.claimant,
                place_as_written=r.place_as_written,
                quote=r.quote,
                start=r.start_offset,
                end=r.end_offset,
                confidence=r.confidence,
                extractor=r.extractor,
                extractor_version=r.extractor_version,
                origin=r.origin,
                review_status=r.review_status,
                notes=r.notes,
                source=s,
                id=r.id,
                rules=tuple((r.rules or "").split()),
            )  # fmt: skip
        )
    return out
