"""Plain claim and source records shared by extract, store, import/export and render.

They carry no database state, so extraction works without a store and notebooks can build
records by hand.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from geomap.errors import GeomapError, shown

SIDES = ("russia", "ukraine", "third-party")
# the side a country's own forces and officials stand for (a claim by a local official, a
# combatant defending a place; a control layer's area by the country that holds it)
SIDE_BY_COUNTRY = {"UA": "ukraine", "RU": "russia"}
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


def read_claim_date(text: str) -> tuple[date, str]:
    """'2025-02-07' -> (that day, "day"), '2025-02' -> (2025-02-01, "month"), '2025' ->
    (2025-01-01, "year"); ValueError for anything else (callers say what the value was for)."""
    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            return datetime.strptime(text.strip(), fmt).date(), precision
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


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
    # ids of the extraction rules that made the claim ("cue.captured.captur", "attr.speech");
    # provenance, not identity: two records differing only here are the same claim
    rules: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        validate_choice("side", self.side, SIDES)
        validate_choice("type", self.type, CLAIM_TYPES)
        validate_choice("date precision", self.date_precision, DATE_PRECISIONS)
        validate_choice("origin", self.origin, ORIGINS)
        validate_choice("review status", self.review_status, REVIEW_STATUSES)


_RULE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")


def rules_text(rules: tuple[str, ...] | list[str] | None) -> str | None:
    """Rule ids as stored and exported: space-separated, None for none."""
    return " ".join(rules) if rules else None


def parse_rules(text: str | None) -> tuple[str, ...]:
    """Rule ids from their stored/exported text; a malformed id is a GeomapError."""
    if not text or not text.strip():
        return ()
    ids = tuple(text.split())
    for r in ids:
        if not _RULE_ID_RE.match(r):
            raise GeomapError(
                f"rule id {r[:80]!r} is not a rule id (lower-case letters, digits, . _ -)"
            )
    return ids


def validate_choice(what: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise GeomapError(f"{what} {shown(value)} is not one of: {', '.join(allowed)}")


class ClaimError(GeomapError):
    """A claim that `validate_claim` refuses; `field` is the flat-row column it is about."""

    def __init__(self, column: str, message: str):
        self.field = column
        super().__init__(message)


FIRST_YEAR, LAST_YEAR = 1900, 2100  # a date outside is a typo, not a claim
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.I)


def is_http_url(url: str) -> bool:
    """Links shown on maps and reports are http(s) only (no javascript:, data:, file:)."""
    return bool(_HTTP_URL.match(url))


def validate_claim(c: ClaimRecord) -> None:
    """The one check every claim entered by hand (`add`) or imported from a file passes.

    Raises ClaimError naming the field. Choices (side, type, ...) are also checked when a
    record is built; this adds what only a whole record can say.
    """
    validate_choice("side", c.side, SIDES)
    validate_choice("type", c.type, CLAIM_TYPES)
    validate_choice("date precision", c.date_precision, DATE_PRECISIONS)
    validate_choice("origin", c.origin, ORIGINS)
    validate_choice("review status", c.review_status, REVIEW_STATUSES)
    _check_place(c.place)
    if not (isinstance(c.confidence, int | float) and 0.0 <= c.confidence <= 1.0):
        raise ClaimError("confidence", f"confidence {shown(c.confidence)} is not between 0 and 1")
    for col, day in (("event_date", c.claim_date), ("source_published", _published(c))):
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ClaimError(col, f"date {day} is outside {FIRST_YEAR}-{LAST_YEAR}")
    for col, off in (("quote_start", c.start), ("quote_end", c.end)):
        if off is not None and off < 0:
            raise ClaimError(col, f"offset {off} is negative")
    if c.start is not None and c.end is not None and c.start > c.end:
        raise ClaimError("quote_end", f"quote ends ({c.end}) before it starts ({c.start})")
    check_source_url(c.source.url if c.source else None)


def check_source_url(url: str | None) -> None:
    """Part of validate_claim, also run before slower checks (`add` before the gazetteer)."""
    if url is not None and not is_http_url(url):
        raise ClaimError("source", f"source {shown(url)} is not an http(s) URL")


def _published(c: ClaimRecord) -> date | None:
    return c.source.published if c.source else None


def _check_place(p: PlaceRef) -> None:
    validate_choice("place precision", p.precision, PLACE_PRECISIONS)
    if not (isinstance(p.lat, float | int) and -90 <= p.lat <= 90):
        raise ClaimError("latitude", f"{shown(p.lat)} is outside -90..90")
    if not (isinstance(p.lon, float | int) and -180 <= p.lon <= 180):
        raise ClaimError("longitude", f"{shown(p.lon)} is outside -180..180")
    if not (p.name or "").strip():
        raise ClaimError("location", "empty place name")
    if p.polygon_wkt is not None:
        _check_polygon(p.polygon_wkt)


def _check_polygon(wkt: str) -> None:
    """A region outline: WKT (Multi)Polygon in lon/lat, finite coordinates."""
    import shapely.wkt
    from shapely.errors import ShapelyError

    try:
        geom = shapely.wkt.loads(wkt)
    except (ShapelyError, ValueError, TypeError):
        raise ClaimError("polygon_wkt", f"not WKT: {shown(wkt)}") from None
    if geom.geom_type not in ("Polygon", "MultiPolygon") or geom.is_empty:
        raise ClaimError("polygon_wkt", f"want a POLYGON or MULTIPOLYGON, got {geom.geom_type}")
    x0, y0, x1, y1 = geom.bounds
    if (
        not all(map(math.isfinite, (x0, y0, x1, y1)))
        or x0 < -180
        or x1 > 180
        or y0 < -90
        or y1 > 90
    ):
        raise ClaimError("polygon_wkt", "coordinates outside lon -180..180, lat -90..90")
