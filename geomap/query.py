"""Claim filters and pure functions over ClaimRecord lists (latest per side, contested places).

Kept free of database code so maps, reports and tests can use them on any list of claims.

Control rule (used by `contested_place_ids` and `control_status`):
  * Only *control claims* count: types captured, holding, withdrawn, denied.
  * Each control claim by russia or ukraine implies who holds the place:
      captured / holding / denied  -> the claiming side holds it
        (denied = the side denies having lost it);
      withdrawn                    -> the other side holds it.
    Third-party control claims do not name a holder and are ignored here.
  * For each place take russia's latest control claim and ukraine's latest control claim
    (latest = greatest claim_date; undated claims are older than dated ones; ties -> later
    stored/listed claim). If both exist and imply different holders, the place is *contested*.
    With `window_days`, the two claims must also be at most that many days apart.
  * Claims a person has rejected (review_status "rejected") count for nothing here: they are
    still listed, but never decide a side's latest claim, a holder or a contest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from geomap.errors import GeomapError, shown
from geomap.records import CLAIM_TYPES, REVIEW_STATUSES, SIDES, ClaimRecord

CONTROL_TYPES = ("captured", "holding", "withdrawn", "denied")
_OTHER = {"russia": "ukraine", "ukraine": "russia"}


@dataclass(frozen=True)
class ClaimFilter:
    """What to select. Every set field narrows the selection (AND).

    since/until/as_of drop undated claims. `contested` is decided over the claims the other
    fields select (so with as_of: contested as of that day).

    A region as `place` ("Donetsk Oblast", "UA.05", the group "Donbas") selects the claims about
    the region itself AND about every stored place whose admin-1 lies in it (its settlements),
    since that is what "what was said about the Donetsk region" means; `region_only` keeps just
    the region-wide claims (the region, or a group and its member regions).
    """

    place: str | None = None  # name (any alias the gazetteer knows) or place id
    region_only: bool = False  # a region place: only claims about the region as a whole
    since: date | None = None
    until: date | None = None
    side: str | None = None
    type: str | None = None
    near: str | None = None  # place name or id; with within_km
    within_km: float = 25.0
    bbox: tuple[float, float, float, float] | None = None  # (min_lon, min_lat, max_lon, max_lat)
    contested: bool = False  # only places whose sides' latest control claims disagree
    as_of: date | None = None  # the state of claims on that day: claim_date <= as_of
    review_status: str | None = None  # only claims with this review status (e.g. "unreviewed")

    def __post_init__(self) -> None:
        if self.review_status is not None and self.review_status not in REVIEW_STATUSES:
            raise GeomapError(
                f"review status {shown(self.review_status)} is not one of: "
                + ", ".join(REVIEW_STATUSES)
            )
        if self.side is not None and self.side not in SIDES:
            raise GeomapError(f"side {shown(self.side)} is not one of: {', '.join(SIDES)}")
        if self.type is not None and self.type not in CLAIM_TYPES:
            raise GeomapError(f"type {shown(self.type)} is not one of: {', '.join(CLAIM_TYPES)}")
        if not self.within_km > 0:
            raise GeomapError(f"within must be a positive distance, got {self.within_km} km")
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise GeomapError("bbox needs 4 numbers: min_lon,min_lat,max_lon,max_lat")
            x0, y0, x1, y1 = self.bbox
            if not (x0 <= x1 and y0 <= y1 and -180 <= x0 and x1 <= 180 and -90 <= y0 and y1 <= 90):
                raise GeomapError(
                    f"bad bbox {self.bbox}: want min_lon,min_lat,max_lon,max_lat with min <= max"
                )
        if self.since and self.until and self.since > self.until:
            raise GeomapError(f"since {self.since} is after until {self.until}")

    @property
    def upper_date(self) -> date | None:
        """The effective last day: the earlier of until and as_of."""
        ds = [d for d in (self.until, self.as_of) if d is not None]
        return min(ds) if ds else None


def _newer_or_equal(a: ClaimRecord, b: ClaimRecord) -> bool:
    """a is at least as late as b (undated oldest; then id)."""
    ka = (a.claim_date or date.min, a.id if a.id is not None else -1)
    kb = (b.claim_date or date.min, b.id if b.id is not None else -1)
    return ka >= kb


def latest_by_side(
    claims: Iterable[ClaimRecord], types: Sequence[str] | None = None
) -> dict[str, dict[str, ClaimRecord]]:
    """place id -> side -> that side's latest claim (optionally only claims of `types`).

    Rejected claims are skipped (see the module docstring).
    """
    out: dict[str, dict[str, ClaimRecord]] = {}
    for c in claims:
        if (types is not None and c.type not in types) or c.review_status == "rejected":
            continue
        per = out.setdefault(c.place.id, {})
        cur = per.get(c.side)
        if cur is None or _newer_or_equal(c, cur):
            per[c.side] = c
    return out


def holder(claim: ClaimRecord) -> str | None:
    """Who holds the place according to one control claim, or None if it does not say."""
    if claim.side not in _OTHER or claim.type not in CONTROL_TYPES:
        return None
    return _OTHER[claim.side] if claim.type == "withdrawn" else claim.side


def control_status(claims: Iterable[ClaimRecord], window_days: int | None = None) -> dict[str, str]:
    """place id -> "russia" | "ukraine" (sides agree or only one spoke) | "contested".

    Places without any russia/ukraine control claim are absent. See the module docstring.
    """
    out: dict[str, str] = {}
    for pid, per in latest_by_side(claims, CONTROL_TYPES).items():
        ru, ua = per.get("russia"), per.get("ukraine")
        holders = {h for h in (holder(ru) if ru else None, holder(ua) if ua else None) if h}
        if not holders:
            continue
        if len(holders) == 2:
            if window_days is not None and ru.claim_date and ua.claim_date:  # type: ignore[union-attr]
                if abs((ru.claim_date - ua.claim_date).days) > window_days:  # type: ignore[union-attr]
                    # Too far apart to disagree: the later claim stands.
                    later = ru if _newer_or_equal(ru, ua) else ua  # type: ignore[arg-type]
                    out[pid] = holder(later) or "contested"
                    continue
            out[pid] = "contested"
        else:
            out[pid] = holders.pop()
    return out


def contested_place_ids(claims: Iterable[ClaimRecord], window_days: int | None = None) -> set[str]:
    """Places where russia's and ukraine's latest control claims imply different holders."""
    return {pid for pid, s in control_status(claims, window_days).items() if s == "contested"}


def side_summary(claims: Iterable[ClaimRecord]) -> dict[str, str]:
    """place id -> "russia: captured 2025-02-07; ukraine: holding 2025-02-07 -> contested".

    Per side it shows the latest control claim, or the latest claim of any type when that side
    made no control claim; the verdict comes from `control_status`.
    """
    claims = list(claims)
    latest_any = latest_by_side(claims)
    latest_ctl = latest_by_side(claims, CONTROL_TYPES)
    status = control_status(claims)
    out: dict[str, str] = {}
    for pid, per in latest_any.items():
        parts = []
        for side in SIDES:
            c = latest_ctl.get(pid, {}).get(side) or per.get(side)
            if c is None:
                continue
            when = c.claim_date.isoformat() if c.claim_date else "undated"
            parts.append(f"{side}: {c.type} {when}")
        line = "; ".join(parts)
        st = status.get(pid)
        if st == "contested":
            line += " -> contested"
        elif st:
            line += f" -> {st} holds"
        out[pid] = line
    return out
