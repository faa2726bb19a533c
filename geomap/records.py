"""Plain claim and source records shared by extract, store, import/export and render.

They carry no database state, so extraction works without a store and notebooks can build
records by hand.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

from geomap.errors import GeomapError

SIDES = ("russia", "ukraine", "third-party")
CLAIM_TYPES = (
    "captured",
    "holding",
    "denied",
    "advancing",
    "fighting",
    "withdrawn",
    "strike",
    "assessment",
    "other",
)
DATE_PRECISIONS = ("day", "month", "year")
PLACE_PRECISIONS = ("settlement", "region")
REVIEW_STATUSES = ("unreviewed", "confirmed", "rejected")
ORIGINS = ("machine", "human")


def content_hash(text: str) -> str:
    """Hash of normalised article text: the same article saved twice hashes the same."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PlaceRef:
    """A resolved place as the store keeps it: a gazetteer id plus what maps and queries need."""

    id: str  # GeoNames id ("709354") or "CC.admin1" for regions ("UA.21"), or a group id
    name: str
    precision: str  # settlement | region
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None  # "UA.05"
    population: int | None = None
    polygon_wkt: str | None = None  # regions only

    def __post_init__(self) -> None:
        validate_choice("place precision", self.precision, PLACE_PRECISIONS)


@dataclass
class SourceRecord:
    """Where a claim was said."""

    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    content_hash: str | None = None
    ingested_at: datetime | None = None
    language: str | None = None  # ISO 639-1 of the text ("uk", "ru"); None: English/unknown


def quote_language(c: ClaimRecord) -> str | None:
    """The language a claim's quote is written in when it is not English ("uk", "ru"), for
    displays that mark it; None for English or unknown."""
    lang = c.source.language if c.source is not None else None
    return lang if lang and lang != "en" else None


@dataclass
class ClaimRecord:
    """One claim about one place, with the quote that proves it."""

    place: PlaceRef
    side: str
    type: str
    claim_date: date | None
    date_precision: str = "day"  # day | month | year
    claimant: str | None = None
    place_as_written: str | None = None
    quote: str | None = None
    start: int | None = None  # character offsets of the quote in the source text
    end: int | None = None
    confidence: float = 1.0
    extractor: str | None = None  # e.g. "rules"; None when a person entered it
    extractor_version: str | None = None
    origin: str = "machine"  # machine | human
    review_status: str = "unreviewed"
    notes: str | None = None
    source: SourceRecord | None = field(default=None, compare=False)
    id: int | None = field(default=None, compare=False)  # store row id once stored

    def __post_init__(self) -> None:
        validate_choice("side", self.side, SIDES)
        validate_choice("type", self.type, CLAIM_TYPES)
        validate_choice("date precision", self.date_precision, DATE_PRECISIONS)
        validate_choice("origin", self.origin, ORIGINS)
        validate_choice("review status", self.review_status, REVIEW_STATUSES)


def validate_choice(what: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise GeomapError(f"{what} {value!r} is not one of: {', '.join(allowed)}")
