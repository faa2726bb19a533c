"""The store's tables as a typed SQLAlchemy 2 ORM model.

The same model serves SQLite and PostgreSQL. Alembic migrations in geomap/migrations create and
evolve it; keep both in step (tests compare the migrated schema with this model).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Source(Base):
    """An article or statement; deduplicated by URL and by content hash."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str | None] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date)
    content_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    ingested_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Extractor version that made this source's machine claims (decides re-ingest replacement).
    extractor_version: Mapped[str | None] = mapped_column(String(50))
    # ISO 639-1 language of the text ("uk", "ru"); quotes are kept in it (migration 0007)
    language: Mapped[str | None] = mapped_column(String(8))

    claims: Mapped[list[Claim]] = relationship(back_populates="source")


class Place(Base):
    """A gazetteer entry as the store keeps it (id = GeoNames id or "CC.admin1")."""

    __tablename__ = "places"
    __table_args__ = (
        Index("ix_places_lat_lon", "lat", "lon"),
        Index("ix_places_admin1", "admin1"),  # a region query covers its settlements
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    precision: Mapped[str] = mapped_column(String(20))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(2))
    admin1: Mapped[str | None] = mapped_column(String(20))
    population: Mapped[int | None] = mapped_column(Integer)
    polygon_wkt: Mapped[str | None] = mapped_column(Text)

    claims: Mapped[list[Claim]] = relationship(back_populates="place")


class Claim(Base):
    """Who said what about which place, when, with the quote and who/what recorded it."""

    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_place_id_claim_date", "place_id", "claim_date"),
        Index("ix_claims_side", "side"),
        Index("ix_claims_type", "type"),
        Index("ix_claims_claim_date", "claim_date"),
        Index("ix_claims_source_id", "source_id"),
        # The review queue: unreviewed first, in id or confidence order, read off an index.
        Index("ix_claims_review_status_id", "review_status", "id"),
        Index("ix_claims_review_status_confidence", "review_status", "confidence", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    place_id: Mapped[str] = mapped_column(ForeignKey("places.id"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    claimant: Mapped[str | None] = mapped_column(Text)
    place_as_written: Mapped[str | None] = mapped_column(Text)
    side: Mapped[str] = mapped_column(String(20))
    type: Mapped[str] = mapped_column(String(20))
    claim_date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(10), default="day")
    quote: Mapped[str | None] = mapped_column(Text)
    start_offset: Mapped[int | None] = mapped_column(Integer)
    end_offset: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    extractor: Mapped[str | None] = mapped_column(String(50))
    extractor_version: Mapped[str | None] = mapped_column(String(50))
    origin: Mapped[str] = mapped_column(String(10), default="machine")
    review_status: Mapped[str] = mapped_column(String(20), default="unreviewed")
    notes: Mapped[str | None] = mapped_column(Text)
    # Bumped by every review change: an edit made against an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # ids of the extraction rules that made the claim, space-separated (migration 0004)
    rules: Mapped[str | None] = mapped_column(Text)

    place: Mapped[Place] = relationship(back_populates="claims")
    source: Mapped[Source | None] = relationship(back_populates="claims")


class SourceText(Base):
    """The article text a source's claims were extracted from; their offsets index into it."""

    __tablename__ = "source_texts"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)


class ClaimAudit(Base):
    """One review change: who changed which field of which claim, when, from what to what.

    No foreign key to claims: the trail outlives a claim a re-ingest replaces.
    """

    __tablename__ = "claim_audit"
    __table_args__ = (Index("ix_claim_audit_claim_id", "claim_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))  # confirm | reject | reset | edit | add
    field: Mapped[str | None] = mapped_column(String(30))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)  # the claim's version after the change


class ControlLayer(Base):
    """An assessed control area (issue 14): one source's map of one side's area on one day.

    `geom` is the area as a MultiPolygon in EPSG:4326: WKB on SQLite; on PostgreSQL a PostGIS
    geometry(MultiPolygon, 4326) when migration 0006 could enable PostGIS (else WKB in bytea),
    so spatial queries run in the database (geomap.control.layerstore). The model declares the
    portable WKB form; reflection does not know PostGIS's type and comparisons skip it.
    """

    __tablename__ = "control_layers"
    __table_args__ = (
        UniqueConstraint("source", "holder", "layer_date", name="uq_control_layers_key"),
        Index("ix_control_layers_layer_date", "layer_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(100))
    holder: Mapped[str] = mapped_column(String(20))
    layer_date: Mapped[date] = mapped_column(Date)
    geom: Mapped[bytes] = mapped_column(LargeBinary)
    parts: Mapped[int] = mapped_column(Integer)
    area_km2: Mapped[float] = mapped_column(Float)
    file: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class _ReflectedGeometry(LargeBinary):
    """PostGIS geometry(type, srid) as reflection sees it: WKB (the arguments are dropped)."""

    def __init__(self, *_args: object, **_kw: object) -> None:
        super().__init__()


def _reflect_postgis_geometry_as_wkb() -> None:
    """Let reflection (Alembic's model comparison) read a PostGIS geometry column as the
    model's WKB type, instead of warning that it does not know the type: geomap reads the
    column as WKB (ST_AsBinary) either way. Only names SQLAlchemy does not know are added."""
    from sqlalchemy.dialects.postgresql.base import ischema_names

    for name in ("geometry", "postgis.geometry"):
        ischema_names.setdefault(name, _ReflectedGeometry)


_reflect_postgis_geometry_as_wkb()

sources = Source.__table__
places = Place.__table__
claims = Claim.__table__
source_texts = SourceText.__table__
claim_audit = ClaimAudit.__table__
control_layers = ControlLayer.__table__
