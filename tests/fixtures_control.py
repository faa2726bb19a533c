"""Control-layer fixtures (issue 14): hand-drawn layers in tests/data/control and places.

The layers: russia holds everything east of 38.00 E on 2025-02-01 and east of 37.80 E on
2025-02-05, except a pocket (hole) at 38.38-38.48 E, 48.88-48.95 N.
"""

from __future__ import annotations

import zlib
from datetime import date
from pathlib import Path

from geomap.control import read_layers
from geomap.records import ClaimRecord, PlaceRef

DATA = Path(__file__).parent / "data" / "control"
DEEPSTATE = [DATA / "deepstate_2025-02-01.geojson", DATA / "deepstate_2025-02-05.geojson"]


def place(name: str, lon: float, lat: float = 48.40, country: str | None = "UA") -> PlaceRef:
    """A made-up settlement with a stable GeoNames-like id."""
    return PlaceRef(
        f"9{zlib.crc32(name.encode()) % 10**6:06d}", name, "settlement", lat, lon, country
    )


def claim(pl: PlaceRef, side: str, type_: str, day: str | None, **kw) -> ClaimRecord:
    d = date.fromisoformat(day) if day else None
    return ClaimRecord(place=pl, side=side, type=type_, claim_date=d, **kw)


DEEP = place("Deepville", 37.88)  # 0.08 deg = ~5.9 km inside the 2025-02-05 area
WEST = place("Westhorod", 37.30)  # ~37 km west of the 2025-02-05 line
ONLINE = place("Linivka", 37.79)  # ~0.7 km west of the 2025-02-05 line
POCKET = place("Pocketsk", 38.43, 48.915)  # in the hole: ~3.7 km from its edges


def _layers(paths=DEEPSTATE, source="deepstate"):
    return [lay for p in paths for lay in read_layers(p, source=source, holder="russia")]


__all__ = ["DATA", "DEEP", "DEEPSTATE", "ONLINE", "POCKET", "WEST", "_layers", "claim", "place"]
