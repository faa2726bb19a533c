"""Control layers in the store: import (one transaction), list, and read back.

SQLite keeps each layer's MultiPolygon as WKB. PostgreSQL keeps a PostGIS geometry when
migration 0006 could enable PostGIS (see `postgis_schema`), so checks run in the database
(geomap.control.check); without PostGIS it keeps WKB too and checks run in Python.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import shapely
from shapely.geometry import MultiPolygon
from sqlalchemy import Connection, bindparam, delete, func, insert, select, text

from geomap.control.layers import ControlLayer
from geomap.errors import GeomapError
from geomap.model import control_layers as T
from geomap.store import Store

_KM_PER_DEG_LAT = 110.574
_KM_PER_DEG_LON = 111.320
_schema_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine -> schema


@dataclass(frozen=True)
class LayerInfo:
    """A stored layer without its geometry (what `geomap control list` shows)."""

    id: int
    source: str
    holder: str
    layer_date: date
    parts: int
    area_km2: float
    file: str | None
    notes: str | None


@dataclass
class LayerImport:
    added: int
    replaced: int  # same source, holder and date stored before: replaced
    notes: list[str]  # repairs and skipped features, per layer


def area_km2(geom: MultiPolygon) -> float:
    """Approximate area (equirectangular at the area's mean latitude; ~1% over a front)."""
    if geom.is_empty:
        return 0.0
    lat = geom.centroid.y
    return geom.area * _KM_PER_DEG_LAT * _KM_PER_DEG_LON * math.cos(math.radians(lat))


def postgis_schema(store: Store) -> str | None:
    """The PostGIS schema when control_layers.geom is a PostGIS geometry, else None."""
    if store.dialect != "postgresql":
        return None
    key = store.engine
    if key not in _schema_cache:
        with store.read() as conn:
            _schema_cache[key] = conn.execute(
                text(
                    "SELECT udt_schema FROM information_schema.columns WHERE table_name = "
                    "'control_layers' AND column_name = 'geom' AND udt_name = 'geometry'"
                )
            ).scalar()
    return _schema_cache[key]


def import_layers(store: Store, layers: Sequence[ControlLayer]) -> LayerImport:
    """Store layers in one transaction; a layer with the same source, holder and date as a
    stored one replaces it (a corrected re-publication)."""
    if not layers:
        raise GeomapError("no control layer to import")
    keys = [(lay.source, lay.holder, lay.layer_date) for lay in layers]
    dup = next((k for k in keys if keys.count(k) > 1), None)
    if dup:
        raise GeomapError(f"two layers for {dup[0]} / {dup[1]} on {dup[2]}: import one of them")
    schema = postgis_schema(store)
    now = datetime.now(UTC).replace(tzinfo=None)
    replaced = 0
    notes: list[str] = []
    with store.write() as conn:
        for lay in layers:
            replaced += _delete_key(conn, lay)
            _insert(conn, lay, schema, now)
            notes += [f"{lay.source} {lay.holder} {lay.layer_date}: {n}" for n in lay.notes]
    return LayerImport(len(layers), replaced, notes)


def _delete_key(conn: Connection, lay: ControlLayer) -> int:
    res = conn.execute(
        delete(T).where(
            T.c.source == lay.source, T.c.holder == lay.holder, T.c.layer_date == lay.layer_date
        )
    )
    return res.rowcount or 0


def _insert(conn: Connection, lay: ControlLayer, schema: str | None, now: datetime) -> None:
    wkb = shapely.to_wkb(lay.geometry, output_dimension=2)
    geom = bindparam("geom", wkb, type_=T.c.geom.type)
    if schema is not None:
        geom = getattr(func, schema).ST_GeomFromWKB(geom, 4326)
    conn.execute(
        insert(T).values(
            source=lay.source,
            holder=lay.holder,
            layer_date=lay.layer_date,
            geom=geom,
            parts=lay.parts,
            area_km2=round(area_km2(lay.geometry), 3),
            file=lay.file,
            notes="; ".join(lay.notes) or None,
            imported_at=now,
        )
    )


def list_layers(store: Store, source: str | None = None) -> list[LayerInfo]:
    """Stored layers, by date then source and holder."""
    cols = [T.c[k] for k in ("id", "source", "holder", "layer_date", "parts", "area_km2")]
    stmt = select(*cols, T.c.file, T.c.notes).order_by(T.c.layer_date, T.c.source, T.c.holder)
    if source:
        stmt = stmt.where(T.c.source == source)
    with store.read() as conn:
        return [LayerInfo(*r) for r in conn.execute(stmt)]


def load_geometries(store: Store, ids: Iterable[int]) -> dict[int, MultiPolygon]:
    """Layer id -> its MultiPolygon (read as WKB on either backend)."""
    ids = sorted(set(ids))
    schema = postgis_schema(store)
    col = T.c.geom if schema is None else getattr(func, schema).ST_AsBinary(T.c.geom)
    out: dict[int, MultiPolygon] = {}
    with store.read() as conn:
        for i in range(0, len(ids), 500):
            rows = conn.execute(select(T.c.id, col).where(T.c.id.in_(ids[i : i + 500])))
            for lid, wkb in rows:
                out[lid] = shapely.from_wkb(bytes(wkb))
    return out


__all__ = ["LayerImport", "LayerInfo", "import_layers", "list_layers", "load_geometries"]
