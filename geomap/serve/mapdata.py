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
from geomap.query import CONTROL_TYPES, ClaimFilter
from geomap.records import ClaimRecord
from geomap.render import features
from geomap.render.mapbuild import front_steps, pack_front_steps, page_attribution
from geomap.render.outline import outline_layers
from geomap.render.styles import style_table
from geomap.review import QueueFilter, _filter_conds
from geomap.store import Store
from geomap.store.rows import _rows_to_records

MAP_LIMIT = 2_000  # newest claims drawn; the map is a view of the filter, not an export
# Claimed fronts are a Voronoi over the places with control claims (~1 s per 3,000 places on a
# shared CPU); the review map redraws after every review, so past this many it leaves them out.
FRONT_PLACES = 1_000
_OUTLINES: dict[frozenset[str], Any] = {}  # place ids -> outline basemap (reviews keep places)


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
    payload["timeline"] = True
    payload["playMs"] = 800
    control_places = {c.place.id for c in shown if c.type in CONTROL_TYPES}
    fronts = len(control_places) <= FRONT_PLACES
    payload["frontsSkipped"] = 0 if fronts else len(control_places)
    steps, shapes = pack_front_steps(
        front_steps(shown, max_steps=max_front_steps) if fronts else []
    )
    payload["frontSteps"] = steps
    payload["frontShapes"] = shapes
    holders = {h for gj in shapes for h in gj}
    payload["fronts"] = {h: True for h in ("russia", "ukraine", "contested") if h in holders}
    payload["outline"] = _outline(shown)
    payload["attribution"] = page_attribution(payload)
    payload["count"] = len(shown)
    payload["limit"] = MAP_LIMIT
    return payload


def _outline(claims: Sequence[ClaimRecord]) -> Any:
    """The outline basemap, computed once per set of places (a review changes no place)."""
    if not claims:
        return None
    key = frozenset(c.place.id for c in claims)
    if key not in _OUTLINES:
        if len(_OUTLINES) >= 8:
            _OUTLINES.pop(next(iter(_OUTLINES)))
        _OUTLINES[key] = outline_layers(claims)
    return _OUTLINES[key]
