"""The gazetteer's value types: places, scored candidates and a document's context."""

from __future__ import annotations

from collections.abc import Callable
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
    # what kind of place: settlement | admin1 | group | country | continent (a region's
    # precision is "region" whatever its feature, so callers that know two precisions work)
    feature: str = "settlement"

    @property
    def is_region(self) -> bool:
        return self.precision == "region"

    @property
    def admin1_ids(self) -> tuple[str, ...]:
        """The admin-1 units this place lies in or consists of."""
        if self.members:
            return self.members
        return (self.admin1,) if self.admin1 else ()

    @classmethod
    def from_index(cls, load: Callable[[str], Any], fields: dict[str, Any]) -> Place:
        """A place read from the index: `polygon` and `alternate_names` are left out and
        fetched with `load(field_name)` on first access (most lookups never read them), so
        read them while the gazetteer is open. Skips `__init__` for speed on cold lookups."""
        p = object.__new__(cls)
        fields["_load"] = load
        object.__setattr__(p, "__dict__", fields)
        return p

    def __getstate__(self) -> dict[str, Any]:
        """Pickle/copy the decoded fields, never the loader (it holds the open index)."""
        state = {k: v for k, v in self.__dict__.items() if k != "_load"}
        state.update(polygon=self.polygon, alternate_names=self.alternate_names)
        return state


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
        d["feature"] = p.feature
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

    @classmethod
    def lazy(
        cls, place: Place, score: float, match: str, explain: Callable[[str], list[str]]
    ) -> Candidate:
        """A candidate whose `reasons` are written by `explain("reasons")` on first access:
        ranking needs only scores, and most callers never read the explanation."""
        c = object.__new__(cls)
        c.__dict__ = {"place": place, "score": score, "match": match, "_load": explain}
        return c

    def __getstate__(self) -> dict[str, Any]:
        """Pickle/copy the written reasons, never the loader."""
        state = {k: v for k, v in self.__dict__.items() if k != "_load"}
        state["reasons"] = self.reasons
        return state


@dataclass
class Context:
    """What a document mentions: countries ("UA"), admin-1 regions ("UA.05"), known points.

    `Gazetteer.context` also records which name gave each piece of evidence, so that a name
    is never its own context (`without`), and how often each country is named, so that its
    bonus scales with the evidence. A Context built by hand has neither: it counts in full.
    """

    countries: set[str] = field(default_factory=set)
    admin1s: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    place_ids: list[str] = field(default_factory=list)  # ids behind `points`, for explanations
    point_keys: list[str] = field(default_factory=list)  # name key behind each point
    point_admin1s: list[str | None] = field(default_factory=list)  # region of each point
    country_evidence: dict[str, dict[str, int]] = field(default_factory=dict)  # cc -> key -> n
    admin1_keys: dict[str, set[str]] = field(default_factory=dict)  # admin1 -> keys naming it
    # admin1 -> names of the text with a reading there (weak, joint evidence: "Lamar County",
    # "Reno" and "Paris" all have readings in Texas)
    support: dict[str, set[str]] = field(default_factory=dict)
    _cache: dict[str, Context] = field(default_factory=dict, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.countries or self.admin1s or self.points)

    def merge(self, other: Context) -> Context:
        """A new context holding both."""
        evidence = {cc: dict(v) for cc, v in self.country_evidence.items()}
        for cc, keys in other.country_evidence.items():
            for k, n in keys.items():
                evidence.setdefault(cc, {})[k] = evidence.get(cc, {}).get(k, 0) + n
        admin1_keys = {a: set(v) for a, v in self.admin1_keys.items()}
        for a, keys in other.admin1_keys.items():
            admin1_keys.setdefault(a, set()).update(keys)
        support = {a: set(v) for a, v in self.support.items()}
        for a, keys in other.support.items():
            support.setdefault(a, set()).update(keys)
        return Context(
            self.countries | other.countries,
            self.admin1s | other.admin1s,
            self.points + other.points,
            self.place_ids + other.place_ids,
            _pad(self.point_keys, self.points, "") + _pad(other.point_keys, other.points, ""),
            _pad(self.point_admin1s, self.points, None)
            + _pad(other.point_admin1s, other.points, None),
            evidence,
            admin1_keys,
            support,
        )

    def cache_key(self) -> tuple:
        """Everything ranking reads from this context, hashable: a cache of lookups made with
        a context must key on this (countries, regions and points alone no longer say it)."""
        return (
            frozenset(self.countries),
            frozenset(self.admin1s),
            tuple(self.points),
            tuple(self.place_ids),
            tuple(self.point_keys),
            tuple(self.point_admin1s),
            frozenset((cc, frozenset(v.items())) for cc, v in self.country_evidence.items()),
            frozenset((a, frozenset(v)) for a, v in self.admin1_keys.items()),
            frozenset((a, frozenset(v)) for a, v in self.support.items()),
        )

    def country_weight(self, cc: str) -> float:
        """How strongly the document is about country `cc`, 0..1: full with three mentions
        or more (not a share of the most-named country's: war reporting names two). A country
        without recorded mentions counts as much as the best-attested one."""
        if cc not in self.countries:
            return 0.0
        if not self.country_evidence:
            return 1.0  # built by hand: no counts, full weight
        n = sum(self.country_evidence.get(cc, {}).values())
        if n:
            return min(1.0, n / 3)
        # added by hand to a text's context (a prior such as the theatre of war): as strong
        # as the best-attested country of the text, never more
        return max(min(1.0, sum(v.values()) / 3) for v in self.country_evidence.values())

    def without(self, key: str) -> Context:
        """This context less the evidence that only the name `key` gave (a name is not its
        own context: "Paris" in a story about Paris, Texas does not vote for France)."""
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if key not in self.point_keys and not any(
            key in v
            for v in (
                *self.country_evidence.values(),
                *self.admin1_keys.values(),
                *self.support.values(),
            )
        ):
            return self
        evidence = {
            cc: {k: n for k, n in v.items() if k != key} for cc, v in self.country_evidence.items()
        }
        countries = {
            cc for cc in self.countries if cc not in evidence or evidence[cc] or not evidence
        }
        admin1_keys = {a: v - {key} for a, v in self.admin1_keys.items()}
        admin1s = {a for a in self.admin1s if a not in admin1_keys or admin1_keys[a]}
        keep = [i for i, k in enumerate(_pad(self.point_keys, self.points, "")) if k != key]
        out = Context(
            countries,
            admin1s,
            [self.points[i] for i in keep],
            [self.place_ids[i] for i in keep if i < len(self.place_ids)],
            [self.point_keys[i] for i in keep],
            [_pad(self.point_admin1s, self.points, None)[i] for i in keep],
            {cc: v for cc, v in evidence.items() if v},
            {a: v for a, v in admin1_keys.items() if v},
            {a: v - {key} for a, v in self.support.items() if v - {key}},
        )
        if len(self._cache) < 10_000:
            self._cache[key] = out
        return out


def _pad(values: list[Any], like: list[Any], fill: Any) -> list[Any]:
    """`values` made as long as `like` (contexts built by hand may leave parallel lists out)."""
    return values + [fill] * (len(like) - len(values)) if len(values) < len(like) else values


class _Loaded:
    """A field that instances made by `Place.from_index` / `Candidate.lazy` compute on first
    access with their `_load(field_name)`; instances made by __init__ hold the value in their
    __dict__, which takes precedence over this (non-data) descriptor."""

    def __init__(self, name: str, default: Callable[[], Any]):
        self.name, self.default = name, default

    def __get__(self, obj: object | None, owner: type | None = None) -> Any:
        if obj is None:
            return self.default()
        load = obj.__dict__.get("_load")
        value = self.default() if load is None else load(self.name)
        obj.__dict__[self.name] = value
        return value


# set after @dataclass has read the defaults (so __init__ and fields() are unchanged)
Place.polygon = _Loaded("polygon", lambda: None)  # type: ignore[assignment]
Place.alternate_names = _Loaded("alternate_names", tuple)  # type: ignore[assignment]
Candidate.reasons = _Loaded("reasons", list)  # type: ignore[assignment]
