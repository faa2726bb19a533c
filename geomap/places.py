"""Bridge from gazetteer places to the store's PlaceRef, and strict name resolution for hand entry.

The store never imports gazetteer objects into its tables: it keeps a PlaceRef (id, name,
coordinates, polygon as WKT), so a database stays readable when the gazetteer changes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, Protocol

from geomap.errors import GeomapError, shown
from geomap.records import PlaceRef

# Two candidates are "close" when the runner-up scores within this margin of the winner (the
# gazetteer's scores are additive: name match +1, log-population ~+0.2 per 3.5x, context +2/+3) ...
AMBIGUOUS_SCORE_MARGIN = 0.5
# ... and they are really different places (not one town listed twice a few km apart).
AMBIGUOUS_DISTANCE_KM = 25.0

_ID_RE = re.compile(r"^(\d+|[A-Z]{2}\.[A-Z0-9]+)$")


def place_ref(place: Any) -> PlaceRef:
    """Convert a gazetteer Place (duck-typed) to a PlaceRef; polygons become WKT text."""
    polygon = getattr(place, "polygon", None)
    wkt = None
    if polygon is not None:
        wkt = polygon if isinstance(polygon, str) else polygon.wkt
    precision = getattr(place, "precision", "settlement") or "settlement"
    return PlaceRef(
        id=str(place.id),
        name=place.name,
        precision=precision,
        lat=float(place.lat),
        lon=float(place.lon),
        country=getattr(place, "country", None),
        admin1=getattr(place, "admin1", None),
        population=getattr(place, "population", None),
        polygon_wkt=wkt,
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius 6371.0088 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# Told before the gazetteer builds its index (first run, or new place data: ~20 s of silence
# otherwise). The CLI sets it when stderr is a terminal; library users may set their own.
_build_notice: Callable[[str], None] | None = None
_build_checked = False


def on_gazetteer_build(notice: Callable[[str], None] | None) -> None:
    """Have `notice(message)` called once before a gazetteer index build (None: quiet)."""
    global _build_notice, _build_checked
    _build_notice, _build_checked = notice, False


def gazetteer_build_pending() -> bool:
    """True when opening the default gazetteer will first build its index (cheap to ask)."""
    try:
        from gazetteer.core import Gazetteer
        from gazetteer.index import cache_path, default_source

        return not Gazetteer._is_fresh(cache_path(), default_source())
    except Exception:  # noqa: BLE001 - only decides whether to print a note
        return False


def load_gazetteer() -> Any:
    """The process-wide offline gazetteer, announcing an index build through the notice."""
    global _build_checked
    try:
        from gazetteer import default_gazetteer
    except ImportError as exc:  # the gazetteer package is part of this project; be explicit
        raise GeomapError(f"the gazetteer is not available ({exc}); use a place id") from exc
    if _build_notice is not None and not _build_checked:
        _build_checked = True
        if gazetteer_build_pending():
            from gazetteer.index import cache_path

            _build_notice(
                f"building the offline gazetteer index in {cache_path()} "
                "(first run or new place data; about 20 s, once)..."
            )
    return default_gazetteer()


def _gazetteer():
    return load_gazetteer()


def looks_like_place_id(s: str) -> bool:
    """GeoNames ids ("709354") and region ids ("UA.21", "UA.DONBAS") are looked up, not searched."""
    return bool(_ID_RE.match(s.strip()))


def _describe(c: Any, gaz: Any = None) -> str:
    p = c.place
    region = p.admin1
    if gaz is not None and p.admin1:
        try:
            region = gaz.region(p.admin1).name
        except Exception:  # noqa: BLE001 - a label only; fall back to the code
            region = p.admin1
    where = ", ".join(x for x in (region, p.country) if x)
    return f"{p.name} (id {p.id}; {where}; {p.lat:.4f},{p.lon:.4f}; score {c.score:.2f})"


def ambiguous_candidates(candidates: list[Any]) -> list[Any]:
    """The candidates that tie with the best one, or [] when the best one is a clear winner.

    Ambiguous means: a runner-up scores within AMBIGUOUS_SCORE_MARGIN of the best AND lies more than
    AMBIGUOUS_DISTANCE_KM away (two villages called Pokrovske in different oblasts). Close scores
    for entries a few km apart are the same place for a map, so they are not ambiguous.
    """
    if len(candidates) < 2:
        return []
    best = candidates[0]
    top = best.score
    ties = [best]
    for c in candidates[1:]:
        close = top - c.score < AMBIGUOUS_SCORE_MARGIN
        far = (
            haversine_km(best.place.lat, best.place.lon, c.place.lat, c.place.lon)
            > AMBIGUOUS_DISTANCE_KM
        )
        if close and far:
            ties.append(c)
    return ties if len(ties) > 1 else []


def resolve_place(name: str, context: Any = None, *, strict: bool = True) -> PlaceRef:
    """Resolve a name (or a gazetteer id) to a PlaceRef.

    strict=True (hand entry): an ambiguous name raises GeomapError listing the candidates, so a
    person never files a claim against the wrong village. strict=False (queries): top candidate.
    """
    name = (name or "").strip()
    if not name:
        raise GeomapError("empty place name")
    gaz = _gazetteer()
    from gazetteer.errors import GazetteerError

    if looks_like_place_id(name):
        try:
            return place_ref(gaz.get(name))
        except GazetteerError:
            pass  # fall through: maybe a name after all
    cands = gaz.candidates(name, context=context, limit=10)
    if not cands:
        hints = gaz.suggest(name)
        raise GeomapError(
            f"unknown place {shown(name)}"
            + (f"; did you mean: {', '.join(hints)}?" if hints else "")
        )
    if strict:
        ties = ambiguous_candidates(cands)
        if ties:
            listing = "; ".join(_describe(c, gaz) for c in ties)
            raise GeomapError(
                f"ambiguous place {shown(name)}: {listing}; give the id or a --context "
                "(e.g. the oblast) to choose"
            )
    return place_ref(cands[0].place)


class PlaceLookup(Protocol):
    """What the store asks about places it may not hold: given to the Store, so the store never
    reaches for the global gazetteer itself (tests and other gazetteers plug in here)."""

    def candidates(self, name: str) -> list[PlaceRef]:
        """Places a name may mean, best first ([] if none)."""
        ...

    def get(self, place_id: str) -> PlaceRef | None:
        """The place with this id, or None."""
        ...

    def admin1_ids(self, place_id: str) -> tuple[str, ...]:
        """Admin-1 codes a region or group of regions covers (() for a settlement or unknown)."""
        ...


class NoPlaceLookup:
    """A lookup that knows no places: filters then take ids and stored place names only."""

    def candidates(self, name: str) -> list[PlaceRef]:
        return []

    def get(self, place_id: str) -> PlaceRef | None:
        return None

    def admin1_ids(self, place_id: str) -> tuple[str, ...]:
        return ()


class GazetteerLookup:
    """PlaceLookup over the offline gazetteer, loaded on first use (opening a store stays cheap).

    Gazetteer errors read as "not found": a query then falls back to the store's own places.
    """

    def __init__(self, gaz: Any = None, limit: int = 10):
        self._gaz = gaz
        self.limit = limit

    def _get_gaz(self) -> Any:
        if self._gaz is None:
            try:
                self._gaz = load_gazetteer()
            except GeomapError:
                return None
        return self._gaz

    def candidates(self, name: str) -> list[PlaceRef]:
        from gazetteer.errors import GazetteerError

        gaz = self._get_gaz()
        try:
            return (
                []
                if gaz is None
                else [place_ref(c.place) for c in gaz.candidates(name, limit=self.limit)]
            )
        except GazetteerError:
            return []

    def get(self, place_id: str) -> PlaceRef | None:
        from gazetteer.errors import GazetteerError

        gaz = self._get_gaz()
        try:
            return None if gaz is None else place_ref(gaz.get(place_id))
        except GazetteerError:
            return None

    def admin1_ids(self, place_id: str) -> tuple[str, ...]:
        from gazetteer.errors import GazetteerError

        gaz = self._get_gaz()
        try:
            place = None if gaz is None else gaz.get(place_id)
        except GazetteerError:
            return ()
        if getattr(place, "precision", None) != "region":
            return ()
        return tuple(getattr(place, "admin1_ids", ()) or ())
