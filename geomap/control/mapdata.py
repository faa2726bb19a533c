"""The assessed control as plain data for the map and report (geomap.render takes it as is).

{"layers": [[source, holder, "YYYY-MM-DD", shape index], ...] (by date),
 "shapes": [GeoJSON geometry, ...] (simplified, rounded; identical areas written once),
 "staleDays": N, "tolerance": km,
 "verdicts": {claim id: [assessed holder, line km, agrees, layer source, layer date]}}

Only the layers the claims' dates can use are sent: from the one in force at the first claim
to the last at or before the last claim (all layers when no claim is dated).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shapely
from shapely.geometry import mapping

from geomap.control.check import CheckOptions, ControlChecker, claim_day
from geomap.control.layerstore import list_layers, load_geometries
from geomap.records import ClaimRecord
from geomap.store import Store

SIMPLIFY_DEG = 0.002  # ~150-200 m: finer than a line drawn at the map's zoom levels


def _rounded(geom: dict, nd: int = 4) -> dict:
    def r(x: Any) -> Any:
        if x and isinstance(x[0], int | float):
            return [round(v, nd) for v in x[:2]]
        return [r(v) for v in x]

    return {"type": geom["type"], "coordinates": r(geom["coordinates"])}


def map_data(
    store: Store, claims: Sequence[ClaimRecord], opts: CheckOptions | None = None
) -> dict[str, Any] | None:
    """The layers and per-claim verdicts for `claims`, or None when no layer is stored."""
    opts = opts or CheckOptions()
    layers = [r for r in list_layers(store) if opts.source in (None, r.source)]
    if not layers:
        return None
    days = sorted(d for d in (claim_day(c) for c in claims) if d is not None)
    if days:
        first = max((r.layer_date for r in layers if r.layer_date <= days[0]), default=days[0])
        layers = [r for r in layers if first <= r.layer_date <= days[-1]]
    geoms = load_geometries(store, (r.id for r in layers))
    shapes: list[dict] = []
    seen: dict[bytes, int] = {}
    rows = []
    for r in layers:
        g = shapely.simplify(geoms[r.id], SIMPLIFY_DEG, preserve_topology=True)
        key = shapely.to_wkb(g)
        if key not in seen:
            seen[key] = len(shapes)
            shapes.append(_rounded(mapping(g)))
        rows.append([r.source, r.holder, r.layer_date.isoformat(), seen[key]])
    checker = ControlChecker.from_store(store, opts)
    verdicts = {
        c.id: [
            v.assessed_holder,
            None if v.line_distance_km is None else round(v.line_distance_km, 2),
            v.agrees,
            v.layer_source,
            v.layer_date.isoformat() if v.layer_date else None,
        ]  # fmt: skip
        for c, v in zip(claims, checker.check(claims), strict=True)
        if c.id is not None and v.assessed_holder is not None
    }
    return {
        "layers": rows,
        "shapes": shapes,
        "staleDays": opts.staleness_days,
        "tolerance": opts.tolerance_km,
        "verdicts": verdicts,
    }


__all__ = ["map_data"]
