"""geopy interoperability: a `Geocoder` backed by the offline index.

`OfflineGeocoder().geocode("Dzerzhinsk, Donetsk Oblast")` returns a `geopy.Location` for
Toretsk; the text after the first comma is read as disambiguating context. An online fallback
(geopy's Nominatim behind its RateLimiter, answers cached in a JSON file) serves names the index
lacks; it is OFF unless `online_fallback=True` is passed.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from gazetteer.errors import GazetteerError
from gazetteer.model import Candidate, Context

DEFAULT_USER_AGENT = "geomap-offline-gazetteer"


class OfflineGeocoder(Geocoder):
    """geopy geocoder over a Gazetteer; no network unless `online_fallback=True`."""

    def __init__(
        self,
        gazetteer: Any = None,
        *,
        online_fallback: bool = False,
        fallback_cache: str | os.PathLike[str] | None = None,
        min_delay_seconds: float = 1.0,
        user_agent: str | None = None,
        timeout: Any = DEFAULT_SENTINEL,
        **kwargs: Any,
    ):
        super().__init__(user_agent=user_agent or DEFAULT_USER_AGENT, timeout=timeout, **kwargs)
        self._gaz = gazetteer
        self.online_fallback = online_fallback
        self.min_delay_seconds = min_delay_seconds
        self._user_agent = user_agent or DEFAULT_USER_AGENT
        self._online: Any = None  # RateLimiter around Nominatim.geocode, created on first need
        self._cache_path = Path(fallback_cache) if fallback_cache else None
        self._cache: dict[str, Any] | None = None
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Any:
        if self._gaz is None:
            from gazetteer.core import default_gazetteer

            self._gaz = default_gazetteer()
        return self._gaz

    def geocode(  # type: ignore[override]
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        context: Context | str | None = None,
        country: str | None = None,
        limit: int = 10,
        within: bool = False,
    ) -> Location | list[Location] | None:
        """Best Location (or all, best first, when exactly_one=False); None if unknown.
        `within=True` reads a name with no reading of its own by a place named inside it
        ("Dubai World Cup": Dubai; see Gazetteer.candidates)."""
        if not isinstance(query, str):
            raise GazetteerError(f"geocode query must be text, got {type(query).__name__}")
        cands = self.gazetteer.candidates(
            query,
            context=context,
            country=country,
            limit=1 if exactly_one else limit,
            within=within,
        )
        if cands:
            locs = [self._location(c) for c in cands]
            return locs[0] if exactly_one else locs
        if not self.online_fallback:
            return None
        loc = self._online_geocode(query, timeout)
        if loc is None:
            return None
        return loc if exactly_one else [loc]

    def reverse(  # type: ignore[override]
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        max_km: float = 50.0,
        limit: int = 5,
    ) -> Location | list[Location] | None:
        """Nearest settlement(s) to a point ("lat, lon", (lat, lon) or a geopy Point)."""
        try:
            point = self._coerce_point_to_string(query).split(",")
            lat, lon = float(point[0]), float(point[1])
        except (ValueError, TypeError, IndexError) as exc:
            raise GazetteerError(f"reverse: {query!r} is not a point") from exc
        hits = self.gazetteer.nearest(lat, lon, limit=1 if exactly_one else limit, max_km=max_km)
        if not hits:
            return None
        locs = []
        for place, km in hits:
            c = Candidate(place, 0.0, [f"{km:.1f} km from {lat:.5f}, {lon:.5f}"], "nearest")
            loc = self._location(c)
            loc.raw["distance_km"] = round(km, 3)
            locs.append(loc)
        return locs[0] if exactly_one else locs

    def _location(self, c: Candidate) -> Location:
        p = c.place
        parts = [p.name]
        if p.precision == "settlement" and p.admin1:
            try:
                parts.append(self.gazetteer.region(p.admin1).name)
            except GazetteerError:
                pass
        if p.country:
            parts.append(p.country)
        return Location(", ".join(parts), (p.lat, p.lon), c.to_dict())

    # -- optional online fallback ---------------------------------------------------------
    def _load_cache(self) -> dict[str, Any]:
        if self._cache is None:
            self._cache = {}
            if self._cache_path and self._cache_path.exists():
                try:
                    self._cache = json.loads(self._cache_path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    self._cache = {}  # a broken cache is only a cache: start again
        return self._cache

    def _online_geocode(self, query: str, timeout: Any) -> Location | None:
        with self._lock:
            cache = self._load_cache()
            if query in cache:
                hit = cache[query]
                return (
                    None
                    if hit is None
                    else Location(hit["address"], (hit["lat"], hit["lon"]), hit["raw"])
                )
            if self._online is None:
                from geopy.extra.rate_limiter import RateLimiter
                from geopy.geocoders import Nominatim

                nominatim = Nominatim(user_agent=self._user_agent)
                self._online = RateLimiter(
                    nominatim.geocode, min_delay_seconds=self.min_delay_seconds
                )
        loc = self._online(
            query, exactly_one=True, timeout=None if timeout is DEFAULT_SENTINEL else timeout
        )
        with self._lock:
            cache[query] = (
                None
                if loc is None
                else {
                    "address": loc.address,
                    "lat": loc.latitude,
                    "lon": loc.longitude,
                    "raw": loc.raw,
                }
            )
            if self._cache_path:
                self._cache_path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self._cache_path.with_name(self._cache_path.name + ".tmp")
                tmp.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
                os.replace(tmp, self._cache_path)
        return loc
