"""The review page's map data: the same payload `geomap map` writes into its page, as JSON.

The page draws it with the same script (geomap/static/claims_map.js), so the map beside the
queue styles places, fronts and the timeline slider exactly as the published maps do. Rejected
claims stay on it (struck through), since the reviewer is deciding about them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_

from geomap.model import claims as T_claims
from geomap.query import ClaimFilter
from geomap.records import ClaimRecord
from geomap.render import features
from geomap.render.mapbuild import GEONAMES_ATTR, front_steps, pack_front_steps
from geomap.render.outline import outline_layers
from geomap.render.styles import style_table
from geomap.review import QueueFilter, _filter_conds
from geomap.store import Store
from geomap.store.rows import _rows_to_records

MAP_LIMIT = 5_000  # newest claims drawn; the map is a view of the filter, not an export


def filtered_claims(store: Store, f: QueueFilter, limit: int = MAP_LIMIT) -> list[ClaimRecord]:
    """The newest `limit` claims the queue filter selects, as records (oldest first)."""
    with store.read() as conn:
        stmt, _ = store._select(conn, ClaimFilter(review_status=f.status))
        conds = _filter_conds(store, conn, f)
        if conds:
            stmt = stmt.where(and_(*conds))
        stmt = stmt.order_by(None).order_by(T_claims.c.id.desc()).limit(limit)
        rows = conn.execute(stmt).all()
    return list(reversed(_rows_to_records(rows)))


def map_payload(claims: Sequence[ClaimRecord], *, max_front_steps: int = 20) -> dict[str, Any]:
    """The data blob claims_map.js draws (see geomap.render.mapbuild.build_map)."""
    shown = features.window(claims)
    payload = features.claims_payload(shown)
    payload["hasRejected"] = any(c.review_status == "rejected" for c in shown)
    payload["style"] = style_table()
    payload["attribution"] = GEONAMES_ATTR
    payload["timeline"] = True
    payload["playMs"] = 800
    steps, shapes = pack_front_steps(front_steps(shown, max_steps=max_front_steps))
    payload["frontSteps"] = steps
    payload["frontShapes"] = shapes
    holders = {h for gj in shapes for h in gj}
    payload["fronts"] = {h: True for h in ("russia", "ukraine", "contested") if h in holders}
    payload["outline"] = outline_layers(shown) if shown else None
    payload["count"] = len(shown)
    payload["limit"] = MAP_LIMIT
    return payload
