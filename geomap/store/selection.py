"""Selection: claims matching a ClaimFilter (place, dates, side, area), in memory or streamed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    and_,
    func,
    or_,
    select,
)

from geomap.errors import GeomapError, shown
from geomap.model import claims as T_claims
from geomap.model import places as T_places
from geomap.model import sources as T_sources
from geomap.places import haversine_km, looks_like_place_id
from geomap.query import ClaimFilter, contested_place_ids
from geomap.records import ClaimRecord, PlaceRef
from geomap.store.engine import StoreBase
from geomap.store.rows import _FROM, _SELECT_COLS, _rows_to_records

STREAM_BATCH = 2_000  # rows per fetch when streaming claims (iter_claims)


class SelectionMixin(StoreBase):
    """Store methods that read claims and places."""

    def claims(self, f: ClaimFilter | None = None) -> list[ClaimRecord]:
        """Claims matching the filter, oldest first (undated last), each with .source and .id.

        All in memory; iter_claims() streams the same claims for exports of a large store.
        """
        f = f or ClaimFilter()
        with self.read() as conn:
            stmt, near_point = self._select(conn, f)
            rows = conn.execute(stmt).all()
        out = _rows_to_records(rows)
        if near_point is not None:
            out = [c for c in out if _within(c, near_point, f.within_km)]
        if f.contested:
            ids = contested_place_ids(out)
            out = [c for c in out if c.place.id in ids]
        return out

    def iter_claims(
        self, f: ClaimFilter | None = None, *, batch: int = STREAM_BATCH
    ) -> Iterator[ClaimRecord]:
        """The claims of claims(f), same order, read `batch` rows at a time.

        Memory stays at one batch however big the selection (a server-side cursor on
        PostgreSQL). `contested` takes two passes; the first keeps only each place's latest
        claim per side. The filter is resolved before this returns, so a bad place name raises
        here and not halfway through an export. Exhaust or close() the iterator: it holds a
        read transaction.
        """
        f = f or ClaimFilter()
        if not f.contested:
            return self._stream(f, batch)
        ids = contested_place_ids(self._stream(f, batch))
        return (c for c in self._stream(f, batch) if c.place.id in ids)

    def _stream(self, f: ClaimFilter, batch: int) -> Iterator[ClaimRecord]:
        conn = self.engine.connect()
        try:
            conn.begin()
            stmt, near_point = self._select(conn, f)
            result = conn.execution_options(yield_per=batch).execute(stmt)
        except BaseException:
            conn.close()
            raise
        return _stream_records(conn, result, near_point, f.within_km)

    def _select(self, conn: Connection, f: ClaimFilter) -> tuple[Any, tuple[float, float] | None]:
        """The SELECT for a filter (all but the distance and contested checks, done in Python)
        and the --near point."""
        conds = []
        near_point = None
        if f.place:
            conds.append(self._place_condition(conn, f.place, f.region_only))
        if f.since:
            conds.append(T_claims.c.claim_date >= f.since)
        if f.upper_date:
            conds.append(T_claims.c.claim_date <= f.upper_date)
        if f.side:
            conds.append(T_claims.c.side == f.side)
        if f.type:
            conds.append(T_claims.c.type == f.type)
        if f.review_status:
            conds.append(T_claims.c.review_status == f.review_status)
        if f.bbox:
            x0, y0, x1, y1 = f.bbox
            conds += [T_places.c.lon.between(x0, x1), T_places.c.lat.between(y0, y1)]
        if f.near:
            near_point = self._point(conn, f.near)
            conds += _bbox_around(near_point, f.within_km)
        stmt = select(*_SELECT_COLS).select_from(_FROM)
        if conds:
            stmt = stmt.where(and_(*conds))
        stmt = stmt.order_by(T_claims.c.claim_date.asc().nulls_last(), T_claims.c.id)
        return stmt, near_point

    def get_place(self, place_id: str) -> PlaceRef | None:
        with self.read() as conn:
            r = conn.execute(select(T_places).where(T_places.c.id == place_id)).first()
        if r is None:
            return None
        return PlaceRef(
            r.id,
            r.name,
            r.precision,
            r.lat,
            r.lon,
            r.country,
            r.admin1,
            r.population,
            r.polygon_wkt,
        )

    def count(self) -> dict[str, int]:
        """Row counts per table (for status lines and tests)."""
        with self.read() as conn:
            return {
                t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (T_sources, T_places, T_claims)
            }

    def _place_condition(self, conn: Connection, name: str, region_only: bool):
        """SQL condition on claims for a place filter; a region also covers its settlements.

        Indexed both ways: the place ids come from places' primary key and ix_places_admin1,
        then each id probes ix_claims_place_id_claim_date.
        """
        ids = self._place_ids(conn, name)
        admin1s = self._region_admin1s(conn, ids)
        if not admin1s:
            return T_claims.c.place_id.in_(ids)
        if region_only:  # an admin-1 region's id is its admin-1 code ("UA.05")
            return T_claims.c.place_id.in_(sorted({*ids, *admin1s}))
        inside = select(T_places.c.id).where(
            or_(T_places.c.id.in_(ids), T_places.c.admin1.in_(admin1s))
        )
        return T_claims.c.place_id.in_(inside)

    def _region_admin1s(self, conn: Connection, ids: Sequence[str]) -> list[str]:
        """The admin-1 codes the region places among `ids` cover ([] when none is a region).

        GeoNames ids (digits) are settlements and cost nothing. A stored admin-1 region answers
        from its row; a group ("UA.DONBAS", admin1 NULL) or a region not stored yet asks the
        place lookup (the gazetteer) for its member regions.
        """
        out: list[str] = []
        for pid in ids:
            if pid.isdigit():
                continue
            row = conn.execute(
                select(T_places.c.precision, T_places.c.admin1).where(T_places.c.id == pid)
            ).first()
            if row is not None and row.precision != "region":
                continue
            if row is not None and row.admin1:
                out.append(row.admin1)
                continue
            out += self.places.admin1_ids(pid)
        return sorted(set(out))

    def _place_ids(self, conn: Connection, name: str) -> list[str]:
        """Resolve a place filter to place ids.

        An id is taken as is. A name goes to the place lookup, normally the gazetteer (any
        alias: "Dzerzhinsk" -> Toretsk's id). Of its candidates, the best-ranked one the store
        has claims about wins, so a query finds the place the user has been recording, not a
        bigger namesake (the Russian Dzerzhinsk); if none has claims, stored places with
        exactly that name; else the lookup's top candidate.
        """
        name = name.strip()
        if looks_like_place_id(name):
            return [name]
        cands = self.places.candidates(name)
        if cands:
            ids = [c.id for c in cands]
            stored = set(
                conn.execute(
                    select(T_claims.c.place_id).where(T_claims.c.place_id.in_(ids)).distinct()
                ).scalars()
            )
            for pid in ids:
                if pid in stored:
                    return [pid]
        by_name = list(
            conn.execute(
                select(T_places.c.id).where(func.lower(T_places.c.name) == name.lower())
            ).scalars()
        )
        if by_name:
            return by_name
        if cands:
            return [cands[0].id]
        raise GeomapError(f"unknown place {shown(name)}: not in the gazetteer nor in the store")

    def _point(self, conn: Connection, name: str) -> tuple[float, float]:
        """Coordinates of a --near place: a stored place id, else as in _place_ids."""
        name = name.strip()
        if looks_like_place_id(name):
            r = conn.execute(
                select(T_places.c.lat, T_places.c.lon).where(T_places.c.id == name)
            ).first()
            if r is not None:
                return (r.lat, r.lon)
            ref = self.places.get(name)
            if ref is None:
                raise GeomapError(f"unknown place id {shown(name)} for --near")
            return (ref.lat, ref.lon)
        pid = self._place_ids(conn, name)[0]
        r = conn.execute(select(T_places.c.lat, T_places.c.lon).where(T_places.c.id == pid)).first()
        if r is not None:
            return (r.lat, r.lon)
        ref = next((c for c in self.places.candidates(name) if c.id == pid), None)
        if ref is None:
            raise GeomapError(f"unknown place {shown(name)} for --near")
        return (ref.lat, ref.lon)


def _bbox_around(point: tuple[float, float], km: float) -> list:
    """SQL prefilter: a lat/lon box that surely contains the circle (haversine decides after)."""
    import math

    lat, lon = point
    dlat = km / 110.574 + 1e-6
    coslat = max(math.cos(math.radians(min(89.9, abs(lat) + dlat))), 1e-6)
    dlon = min(180.0, km / (111.320 * coslat) + 1e-6)
    return [
        T_places.c.lat.between(lat - dlat, lat + dlat),
        T_places.c.lon.between(lon - dlon, lon + dlon),
    ]


def _within(c: ClaimRecord, point: tuple[float, float], km: float) -> bool:
    return haversine_km(point[0], point[1], c.place.lat, c.place.lon) <= km


def _stream_records(
    conn: Connection, result: Any, near_point: tuple[float, float] | None, km: float
) -> Iterator[ClaimRecord]:
    """Records from a yield_per result, one partition at a time; closes the connection."""
    try:
        for rows in result.partitions():
            for c in _rows_to_records(rows):
                if near_point is None or _within(c, near_point, km):
                    yield c
    finally:
        result.close()
        conn.close()  # ends the read transaction (rolled back: nothing was written)
