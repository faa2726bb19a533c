"""The gazetteer's value types: places, scored candidates and a document's context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PRECISIONS = ("settlement", "region")


@dataclass(frozen=True)
class Place:
    """A settlement (GeoNames id) or a region (admin-1 "UA.21" or a group such as "UA.DONBAS")."""

    id: str
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    precision: str
    population: int = 0
    geonameid: int | None = None
    polygon: Any = field(default=None, compare=False, repr=False)  # shapely geometry (regions)
    alternate_names: tuple[str, ...] = field(default=(), compare=False, repr=False)
    members: tuple[str, ...] = ()  # admin-1 ids of a group region ("UA.05", "UA.14")

    @property
    def is_region(self) -> bool:
        return self.precision == "region"

    @property
    def admin1_ids(self) -> tuple[str, ...]:
        """The admin-1 units this place lies in or consists of."""
        if self.members:
            return self.members
        return (self.admin1,) if self.admin1 else ()


@dataclass
class Candidate:
    """One possible reading of a name, with the score and the features that produced it."""

    place: Place
    score: float
    reasons: list[str] = field(default_factory=list)
    match: str = "name"  # name | alternate | region | loose

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form: settlements carry `geonameid`, regions `admin1` (their id)."""
        p = self.place
        d: dict[str, Any] = {
            "id": p.id,
            "name": p.name,
            "lat": round(p.lat, 6),
            "lon": round(p.lon, 6),
            "country": p.country,
            "precision": p.precision,
        }
        if p.precision == "region":
            d["admin1"] = p.id
        else:
            d["geonameid"] = p.geonameid
            d["in_admin1"] = p.admin1  # the region it lies in ("admin1" marks regions)
        d["population"] = p.population
        d["score"] = round(self.score, 3)
        d["match"] = self.match
        d["reasons"] = list(self.reasons)
        return d


@dataclass
class Context:
    """What a document mentions: countries ("UA"), admin-1 regions ("UA.05"), known points."""

    countries: set[str] = field(default_factory=set)
    admin1s: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    place_ids: list[str] = field(default_factory=list)  # ids behind `points`, for explanations

    def __bool__(self) -> bool:
        return bool(self.countries or self.admin1s or self.points)

    def merge(self, other: Context) -> Context:
        """A new context holding both."""
        return Context(
            self.countries | other.countries,
            self.admin1s | other.admin1s,
            self.points + other.points,
            self.place_ids + other.place_ids,
        )
