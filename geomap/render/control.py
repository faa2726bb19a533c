"""Assessed control on the map (issue 14): the page's `control` data and its layer groups.

Render stays pure: it receives the control data as plain values (geomap.control.mapdata
makes them from the store) and never reads the store itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import folium

from geomap.records import ClaimRecord
from geomap.render.features import sort_claims
from geomap.render.safety import esc


def control_payload(shown: Sequence[ClaimRecord], control: dict[str, Any]) -> dict[str, Any]:
    """The page's D.control: layers, shapes, staleness, and one mark per checked claim.

    A mark is [place id, index of the claim in its place's `c` list, assessed holder, line
    km, agrees, layer source, layer date]; the index follows `features.claims_payload`'s
    order (sort_claims over the same claims).
    """
    verdicts = control.get("verdicts") or {}
    marks = []
    seen: dict[str, int] = {}
    for c in sort_claims(shown):
        i = seen.get(c.place.id, 0)
        seen[c.place.id] = i + 1
        v = verdicts.get(c.id, verdicts.get(str(c.id))) if c.id is not None else None
        if v:
            marks.append([c.place.id, i, *v])
    return {
        "layers": control.get("layers", []),
        "shapes": control.get("shapes", []),
        "staleDays": control.get("staleDays", 7),
        "tolerance": control.get("tolerance", 2.0),
        "sources": sorted({row[0] for row in control.get("layers", [])}),
        "marks": marks,
    }


def control_groups(m: folium.Map, sources: Sequence[str]) -> dict[str, folium.FeatureGroup]:
    """One toggleable layer per source of assessed control (the page fills them)."""
    # Leaflet's layer control writes names as HTML: the source name is escaped.
    return {
        s: folium.FeatureGroup(name=f"Assessed control ({esc(s)})", show=True).add_to(m)
        for s in sources
    }


CONTROL_CSS = """
.geomap-claim-control{font-size:12px;color:#37474f}
.geomap-claim-disagrees{color:#b71c1c;font-weight:600}
"""
