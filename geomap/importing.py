"""`geomap import` as a library call: a file's claims into the store, checked row by row.

Beyond what every row must pass (records.validate_claim, the same checks `add` makes), an
import may not rename or move a known place: a row whose place_id is stored, or is in the
gazetteer, under another name or other coordinates is refused, naming the line. Without
this a crafted row (place_id of Toretsk, location "Fakeville", 0,0) would fix that place's
name and position for every later claim about it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from geomap.errors import shown
from geomap.formats import RowError, stream_claims
from geomap.places import PlaceLookup, haversine_km
from geomap.records import ClaimRecord, PlaceRef
from geomap.store import ImportResult, Store

# Coordinates of one place written by two sources (an older gazetteer, rounding) differ by
# metres; a different place, by kilometres.
SAME_PLACE_KM = 2.0


@dataclass
class PlaceGuard:
    """Refuses an imported place that contradicts the stored row, the gazetteer, or an earlier
    row of the same file. Called once per row; each place id is looked up once."""

    store: Store
    lookup: PlaceLookup
    known: dict[str, PlaceRef | None] = field(default_factory=dict)

    def __call__(self, claim: ClaimRecord) -> ClaimRecord:
        """The claim, about the known place row when there is one; RowError on a conflict."""
        p = claim.place
        if p.id not in self.known:
            self.known[p.id] = self.store.get_place(p.id) or self.lookup.get(p.id)
            if self.known[p.id] is None:
                self.known[p.id] = p  # a new place: later rows must agree with this one
                return claim
        ref = self.known[p.id]
        if ref is None or ref == p:
            return claim
        if not self._same(p, ref):
            raise RowError(
                "place_id",
                f"place {shown(p.id)} is {shown(ref.name)} at {ref.lat:.4f},{ref.lon:.4f}, not "
                f"{shown(p.name)} at {p.lat:.4f},{p.lon:.4f}; an import cannot rename or move "
                "a known place (fix the row, or drop place_id to resolve the name)",
            )
        return replace(claim, place=ref)  # an alias or rounding: store the known row

    def _same(self, p: PlaceRef, ref: PlaceRef) -> bool:
        if haversine_km(p.lat, p.lon, ref.lat, ref.lon) > SAME_PLACE_KM:
            return False
        if p.name.casefold() == ref.name.casefold():
            return True
        # Another spelling of the same place ("Dzerzhynsk" for Toretsk) is not a rename.
        return any(c.id == ref.id for c in self.lookup.candidates(p.name))


def import_file(
    store: Store,
    path: str | Path,
    fmt: str | None = None,
    *,
    resolve: Callable[[str], PlaceRef] | None = None,
) -> ImportResult:
    """Import a claims file (CSV, JSON Lines, GeoJSON, KML) in one transaction, all or nothing.

    `resolve` fills in rows that give only a place name or id (normally the gazetteer).
    """
    claims = stream_claims(path, fmt, resolve, check=PlaceGuard(store, store.places))
    return store.import_claims(claims)
