"""Reviewing stored claims: the queue, a claim with its article, and audited, versioned changes.

What `geomap serve` and `geomap review` share. Every change goes through `change_claim` (or
`add_claim_from_text`): one write transaction that checks the claim's version, updates it, bumps
the version and writes one audit row per changed field (who, when, old -> new). An edit made
against an older version than the stored one raises StaleVersionError and changes nothing, so
two reviewers never silently overwrite each other.

An edit (place, side, type, date) confirms the claim as edited: a reviewed claim survives the
re-extraction of its source, so the correction is not undone by the next ingest.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, insert, or_, select, update

from geomap.errors import GeomapError
from geomap.model import claim_audit as T_audit
from geomap.model import claims as T_claims
from geomap.model import places as T_places
from geomap.model import source_texts as T_texts
from geomap.model import sources as T_sources
from geomap.places import haversine_km, place_ref
from geomap.records import (
    CLAIM_TYPES,
    DATE_PRECISIONS,
    REVIEW_STATUSES,
    SIDES,
    ClaimRecord,
    PlaceRef,
    validate_choice,
)
from geomap.store import Store

QUEUE_SORTS = ("id", "confidence", "-confidence")
# Queue order: the claims still to review first, then the confirmed, then the rejected.
STATUS_ORDER = ("unreviewed", "confirmed", "rejected")
EDITABLE = ("place_id", "side", "type", "claim_date", "date_precision")
MAX_PAGE = 200


class StaleVersionError(GeomapError):
    """The claim changed since the reviewer loaded it (HTTP 409 in the web app)."""

    def __init__(self, claim_id: int, expected: int, current: int, by: str | None) -> None:
        self.claim_id, self.expected, self.current = claim_id, expected, current
        who = f" by {by}" if by else ""
        super().__init__(
            f"claim #{claim_id} was changed{who} since you loaded it (your version {expected}, "
            f"now {current}): reload it to see the change, then apply yours again"
        )


class NotFoundError(GeomapError):
    """No such claim or source (HTTP 404 in the web app)."""


@dataclass(frozen=True)
class QueueFilter:
    """The queue's filters (AND); place and region take any alias the gazetteer knows."""

    place: str | None = None
    region: str | None = None
    side: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    source: str | None = None  # a source id, or words of its outlet, title or URL
    min_confidence: float | None = None
    max_confidence: float | None = None
    status: str | None = None  # only this review status

    def __post_init__(self) -> None:
        for what, value, allowed in (
            ("side", self.side, SIDES),
            ("type", self.type, CLAIM_TYPES),
            ("review status", self.status, REVIEW_STATUSES),
        ):
            if value is not None:
                validate_choice(what, value, allowed)
        if self.since and self.until and self.since > self.until:
            raise GeomapError(f"since {self.since} is after until {self.until}")


@dataclass
class QueuePage:
    claims: list[dict[str, Any]]
    next_cursor: str | None  # pass back as `cursor` for the next page; None at the end


@dataclass
class AuditEntry:
    id: int
    claim_id: int
    at: str
    who: str
    action: str
    field: str | None
    old: str | None
    new: str | None
    note: str | None
    version: int


@dataclass
class Change:
    """What a reviewer asks for: a status and/or new field values, against `version`."""

    version: int
    status: str | None = None
    note: str | None = None
    values: dict[str, Any] = field(default_factory=dict)  # EDITABLE fields -> new values


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# -- the queue ---------------------------------------------------------------------------------
_QUEUE_COLS = [
    T_claims.c.id,
    T_claims.c.place_id,
    T_claims.c.side,
    T_claims.c.type,
    T_claims.c.claim_date,
    T_claims.c.date_precision,
    T_claims.c.claimant,
    T_claims.c.quote,
    T_claims.c.confidence,
    T_claims.c.review_status,
    T_claims.c.version,
    T_claims.c.source_id,
    T_places.c.name.label("p_name"),
    T_sources.c.outlet.label("s_outlet"),
    T_sources.c.title.label("s_title"),
]


def _encode_cursor(group: int, key: float | None, cid: int) -> str:
    raw = json.dumps([group, key, cid]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[int, float | None, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        group, key, cid = json.loads(raw)
        if not (isinstance(group, int) and 0 <= group < len(STATUS_ORDER) and isinstance(cid, int)):
            raise ValueError
        return group, (None if key is None else float(key)), cid
    except (ValueError, TypeError) as exc:
        raise GeomapError(f"bad cursor {cursor[:40]!r}: use the `next` value of a page") from exc


def _filter_conds(store: Store, conn: Connection, f: QueueFilter) -> list:
    conds = []
    for name in (f.place, f.region):
        if name and name.strip():
            conds.append(store._place_condition(conn, name, False))
    for col, val in ((T_claims.c.side, f.side), (T_claims.c.type, f.type)):
        if val:
            conds.append(col == val)
    if f.since:
        conds.append(T_claims.c.claim_date >= f.since)
    if f.until:
        conds.append(T_claims.c.claim_date <= f.until)
    if f.min_confidence is not None:
        conds.append(T_claims.c.confidence >= f.min_confidence)
    if f.max_confidence is not None:
        conds.append(T_claims.c.confidence <= f.max_confidence)
    if f.source and f.source.strip():
        s = f.source.strip()
        if s.isdigit():
            conds.append(T_claims.c.source_id == int(s))
        else:
            like = f"%{s.lower()}%"
            inner = select(T_sources.c.id).where(
                or_(
                    func.lower(T_sources.c.outlet).like(like),
                    func.lower(T_sources.c.title).like(like),
                    func.lower(T_sources.c.url).like(like),
                )
            )
            conds.append(T_claims.c.source_id.in_(inner))
    return conds


def queue(
    store: Store,
    f: QueueFilter | None = None,
    *,
    sort: str = "id",
    limit: int = 50,
    cursor: str | None = None,
) -> QueuePage:
    """One page of the review queue: unreviewed claims first, then confirmed, then rejected.

    Keyset pagination (the cursor holds the last row's status group, sort key and id), so every
    page is an index range scan however deep it lies; `sort` is id (stored order), confidence
    (least sure first) or -confidence.
    """
    f = f or QueueFilter()
    validate_choice("sort", sort, QUEUE_SORTS)
    limit = max(1, min(int(limit), MAX_PAGE))
    group, key, last_id = _decode_cursor(cursor) if cursor else (0, None, 0)
    rows: list[Any] = []
    with store.read() as conn:
        conds = _filter_conds(store, conn, f)
        for g in range(group, len(STATUS_ORDER)):
            status = STATUS_ORDER[g]
            if f.status and f.status != status:
                continue
            after = (key, last_id) if g == group and cursor else None
            rows += _group_rows(conn, conds, status, sort, after, limit + 1 - len(rows))
            if len(rows) > limit:
                break
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = None
    if more:
        last = rows[-1]
        g = STATUS_ORDER.index(last.review_status)
        nxt = _encode_cursor(g, None if sort == "id" else last.confidence, last.id)
    return QueuePage([_queue_row(r) for r in rows], nxt)


def _group_rows(
    conn: Connection,
    conds: list,
    status: str,
    sort: str,
    after: tuple[float | None, int] | None,
    n: int,
) -> list[Any]:
    where = [*conds, T_claims.c.review_status == status]
    c_id, c_conf = T_claims.c.id, T_claims.c.confidence
    if sort == "id":
        order = [c_id]
        if after:
            where.append(c_id > after[1])
    else:
        desc = sort.startswith("-")
        order = [c_conf.desc(), c_id.desc()] if desc else [c_conf, c_id]
        if after and after[0] is not None:
            k, i = after
            if desc:
                where.append(or_(c_conf < k, and_(c_conf == k, c_id < i)))
            else:
                where.append(or_(c_conf > k, and_(c_conf == k, c_id > i)))
    frm = T_claims.join(T_places, T_claims.c.place_id == T_places.c.id).outerjoin(
        T_sources, T_claims.c.source_id == T_sources.c.id
    )
    stmt = select(*_QUEUE_COLS).select_from(frm).where(and_(*where)).order_by(*order).limit(n)
    return list(conn.execute(stmt).all())


def _queue_row(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "place": {"id": r.place_id, "name": r.p_name},
        "side": r.side,
        "type": r.type,
        "date": r.claim_date.isoformat() if r.claim_date else None,
        "date_precision": r.date_precision,
        "claimant": r.claimant,
        "quote": r.quote,
        "confidence": r.confidence,
        "review_status": r.review_status,
        "version": r.version,
        "source": None
        if r.source_id is None
        else {"id": r.source_id, "outlet": r.s_outlet, "title": r.s_title},
    }


# -- one claim ---------------------------------------------------------------------------------
def claim_detail(store: Store, claim_id: int, *, candidates: int = 8) -> dict[str, Any]:
    """A claim with its article text, the other claims of that article (their offsets, to mark
    them), its place with the gazetteer's alternatives and their distances, and its history."""
    with store.read() as conn:
        r = conn.execute(
            select(T_claims, T_places.c.name.label("p_name"), T_places.c.lat, T_places.c.lon,
                   T_places.c.precision.label("p_precision"), T_places.c.admin1)
            .select_from(T_claims.join(T_places, T_claims.c.place_id == T_places.c.id))
            .where(T_claims.c.id == claim_id)
        ).first()  # fmt: skip
        if r is None:
            raise NotFoundError(f"no claim with id {claim_id}")
        article = _article(conn, r.source_id, claim_id)
        history = _audit_rows(conn, claim_id, 200)
    place = {"id": r.place_id, "name": r.p_name, "precision": r.p_precision, "lat": r.lat,
             "lon": r.lon, "admin1": r.admin1}  # fmt: skip
    return {
        "id": r.id, "side": r.side, "type": r.type,
        "date": r.claim_date.isoformat() if r.claim_date else None,
        "date_precision": r.date_precision, "claimant": r.claimant,
        "place_as_written": r.place_as_written, "quote": r.quote, "start": r.start_offset,
        "end": r.end_offset, "confidence": r.confidence, "extractor": r.extractor,
        "extractor_version": r.extractor_version, "origin": r.origin,
        "review_status": r.review_status, "notes": r.notes, "version": r.version,
        "place": place,
        "alternatives": place_alternatives([r.place_as_written or "", r.p_name], place, candidates),
        **article,
        "history": [asdict(h) for h in history],
    }  # fmt: skip


def _article(conn: Connection, source_id: int | None, claim_id: int) -> dict[str, Any]:
    """The claim's source, its stored text and the article's other claims (none if sourceless)."""
    if source_id is None:
        return {"source": None, "text": None, "article_claims": []}
    s = conn.execute(select(T_sources).where(T_sources.c.id == source_id)).one()
    text = conn.execute(select(T_texts.c.text).where(T_texts.c.source_id == source_id)).scalar()
    source = {"id": s.id, "url": s.url, "title": s.title, "outlet": s.outlet, "author": s.author,
              "published": s.published.isoformat() if s.published else None}  # fmt: skip
    return {
        "source": source,
        "text": text,
        "article_claims": _article_claims(conn, source_id, claim_id),
    }


def _article_claims(conn: Connection, source_id: int, skip: int) -> list[dict[str, Any]]:
    stmt = (
        select(T_claims.c.id, T_claims.c.start_offset, T_claims.c.end_offset, T_claims.c.side,
               T_claims.c.type, T_claims.c.review_status, T_places.c.name)
        .select_from(T_claims.join(T_places, T_claims.c.place_id == T_places.c.id))
        .where(T_claims.c.source_id == source_id, T_claims.c.id != skip)
        .order_by(T_claims.c.start_offset, T_claims.c.id)
    )  # fmt: skip
    return [
        {"id": o.id, "start": o.start_offset, "end": o.end_offset, "side": o.side,
         "type": o.type, "review_status": o.review_status, "place": o.name}
        for o in conn.execute(stmt)
    ]  # fmt: skip


def _gazetteer():
    try:
        from gazetteer import default_gazetteer
    except ImportError:
        return None
    return default_gazetteer()


def place_alternatives(
    names: list[str], current: dict[str, Any], limit: int = 8
) -> list[dict[str, Any]]:
    """The gazetteer's readings of the place as written, then of the resolved name (a reference
    such as "the town" reads as nothing), each with its distance from `current`."""
    out: dict[str, dict[str, Any]] = {}
    for name in dict.fromkeys(n for n in names if n and n.strip()):
        for ref, score in search_places(name, limit):
            if ref.id not in out:
                d = haversine_km(current["lat"], current["lon"], ref.lat, ref.lon)
                out[ref.id] = place_json(ref) | {"score": score, "km": round(d, 1)}
    return list(out.values())[:limit]


def search_places(query: str, limit: int = 10) -> list[tuple[PlaceRef, float]]:
    """Gazetteer search (any alias, "Name, Region" narrows), best first; [] when none."""
    from gazetteer.errors import GazetteerError

    gaz = _gazetteer()
    q = (query or "").strip()
    if gaz is None or not q:
        return []
    try:
        return [(place_ref(c.place), round(c.score, 2)) for c in gaz.candidates(q, limit=limit)]
    except GazetteerError:
        return []


def place_json(ref: PlaceRef) -> dict[str, Any]:
    return {
        "id": ref.id,
        "name": ref.name,
        "precision": ref.precision,
        "lat": ref.lat,
        "lon": ref.lon,
        "country": ref.country,
        "admin1": ref.admin1,
        "population": ref.population,
    }


def lookup_place(place_id: str) -> PlaceRef:
    """A gazetteer place by id, for an edit or a new claim (GeomapError when unknown)."""
    from gazetteer.errors import GazetteerError

    gaz = _gazetteer()
    if gaz is None:
        raise GeomapError("the gazetteer is not available: cannot look up places")
    try:
        return place_ref(gaz.get(str(place_id).strip()))
    except GazetteerError as exc:
        raise GeomapError(f"unknown place id {place_id!r}: search the gazetteer for it") from exc


def place_timeline(store: Store, place_id: str, limit: int = 500) -> dict[str, Any]:
    """A place's claims oldest first (undated last): what the timeline beside the map draws."""
    with store.read() as conn:
        name = conn.execute(select(T_places.c.name).where(T_places.c.id == place_id)).scalar()
        if name is None:
            raise NotFoundError(f"no place with id {place_id!r} in the store")
        rows = conn.execute(
            select(T_claims.c.id, T_claims.c.claim_date, T_claims.c.date_precision,
                   T_claims.c.side, T_claims.c.type, T_claims.c.review_status,
                   T_claims.c.claimant)
            .where(T_claims.c.place_id == place_id)
            .order_by(T_claims.c.claim_date.asc().nulls_last(), T_claims.c.id)
            .limit(limit)
        ).all()  # fmt: skip
    return {
        "place": {"id": place_id, "name": name},
        "claims": [
            {"id": r.id, "date": r.claim_date.isoformat() if r.claim_date else None,
             "date_precision": r.date_precision, "side": r.side, "type": r.type,
             "review_status": r.review_status, "claimant": r.claimant}
            for r in rows
        ],
    }  # fmt: skip


# -- changes -----------------------------------------------------------------------------------
def _as_text(v: Any) -> str | None:
    if v is None:
        return None
    return v.isoformat() if isinstance(v, date) else str(v)


def _clean_values(values: dict[str, Any]) -> dict[str, Any]:
    """Validate edited fields; a date comes as YYYY-MM-DD text (or None for undated)."""
    out: dict[str, Any] = {}
    for k, v in values.items():
        if k not in EDITABLE:
            raise GeomapError(f"cannot edit {k!r}: editable are {', '.join(EDITABLE)}")
        if k == "side":
            validate_choice("side", v, SIDES)
        elif k == "type":
            validate_choice("type", v, CLAIM_TYPES)
        elif k == "date_precision":
            validate_choice("date precision", v, DATE_PRECISIONS)
        elif k == "claim_date" and v is not None and not isinstance(v, date):
            try:
                v = date.fromisoformat(str(v))
            except ValueError as exc:
                raise GeomapError(f"bad date {v!r}: want YYYY-MM-DD") from exc
        elif k == "place_id":
            v = str(v).strip()
        out[k] = v
    return out


def change_claim(store: Store, claim_id: int, change: Change, who: str) -> dict[str, Any]:
    """Apply one reviewer's change in one transaction; returns the claim's new version.

    The UPDATE only matches the version the reviewer saw (compare-and-set), so of two
    concurrent edits from the same version exactly one wins on either backend.
    """
    if change.status is not None:
        validate_choice("review status", change.status, REVIEW_STATUSES)
    values = _clean_values(change.values)
    note = (change.note or "").strip() or None
    if change.status == "rejected" and not note:
        raise GeomapError("a rejection needs a note saying why")
    place = lookup_place(values["place_id"]) if "place_id" in values else None
    if values and change.status is None:
        change.status = "confirmed"  # an edit confirms the claim as edited (see module doc)
    if not values and change.status is None and note is None:
        raise GeomapError("nothing to change: give a status, a note or new values")
    with store.write() as conn:
        cur = _current(conn, claim_id, change.version)
        if place is not None:
            store._upsert_places(conn, [place])
        diffs = {k: (cur[k], v) for k, v in values.items() if cur[k] != v}
        if change.status and change.status != cur["review_status"]:
            diffs["review_status"] = (cur["review_status"], change.status)
        upd: dict[str, Any] = {k: new for k, (_, new) in diffs.items()}
        if note:
            line = f"review: {note}"
            upd["notes"] = func.coalesce(T_claims.c.notes + "\n" + line, line)
        new_version = change.version + 1
        done = conn.execute(
            update(T_claims)
            .where(T_claims.c.id == claim_id, T_claims.c.version == change.version)
            .values(version=new_version, **upd)
        ).rowcount
        if done != 1:  # lost a race after _current read it
            raise _stale(conn, claim_id, change.version)
        _audit(conn, claim_id, who, _action(change.status, diffs), diffs, note, new_version)
    return {"id": claim_id, "version": new_version, "changed": sorted(diffs)}


def _action(status: str | None, diffs: dict[str, tuple]) -> str:
    if any(k != "review_status" for k in diffs):
        return "edit"
    return {"confirmed": "confirm", "rejected": "reject", "unreviewed": "reset"}.get(
        status or "", "note"
    )


def _current(conn: Connection, claim_id: int, version: int) -> dict[str, Any]:
    row = conn.execute(select(T_claims).where(T_claims.c.id == claim_id)).first()
    if row is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    if row.version != version:
        raise _stale(conn, claim_id, version)
    return dict(row._mapping)


def _stale(conn: Connection, claim_id: int, version: int) -> StaleVersionError:
    cur = conn.execute(select(T_claims.c.version).where(T_claims.c.id == claim_id)).scalar()
    by = conn.execute(
        select(T_audit.c.who).where(T_audit.c.claim_id == claim_id).order_by(T_audit.c.id.desc())
    ).scalar()
    return StaleVersionError(claim_id, version, cur if cur is not None else -1, by)


def _audit(
    conn: Connection,
    claim_id: int,
    who: str,
    action: str,
    diffs: dict[str, tuple[Any, Any]],
    note: str | None,
    version: int,
) -> None:
    at = _now()
    base = {"claim_id": claim_id, "at": at, "who": who[:100] or "?", "version": version}
    rows = [
        base | {"action": action, "field": k, "old": _as_text(o), "new": _as_text(n), "note": note}
        for k, (o, n) in diffs.items()
    ]
    if not rows:  # a note alone (or a status already set) is still a recorded act
        rows = [base | {"action": action, "field": None, "old": None, "new": None, "note": note}]
    conn.execute(insert(T_audit), rows)


def review_claims(
    store: Store, claim_ids: list[int], status: str, note: str | None, who: str
) -> int:
    """Set the review status of claims by id (the CLI's `geomap review`), audited, all or none.

    Takes each claim at its current version: the command line reviews what is stored now.
    """
    validate_choice("review status", status, REVIEW_STATUSES)
    if not claim_ids:
        raise GeomapError("no claim id given")
    note = (note or "").strip() or None
    with store.write() as conn:
        found: dict[int, Any] = {}
        for i in range(0, len(claim_ids), 900):  # SQLite caps bound parameters
            found.update(
                (r.id, r)
                for r in conn.execute(
                    select(T_claims.c.id, T_claims.c.version, T_claims.c.review_status).where(
                        T_claims.c.id.in_(claim_ids[i : i + 900])
                    )
                )
            )
        missing = [i for i in claim_ids if i not in found]
        if missing:
            shown = ", ".join(map(str, missing[:10])) + (", ..." if len(missing) > 10 else "")
            raise GeomapError(
                f"no claim with id {shown}; nothing changed (`geomap review --list` shows the ids)"
            )
        for cid in claim_ids:
            r = found[cid]
            upd: dict[str, Any] = {"review_status": status, "version": r.version + 1}
            if note:
                line = f"review: {note}"
                upd["notes"] = func.coalesce(T_claims.c.notes + "\n" + line, line)
            conn.execute(update(T_claims).where(T_claims.c.id == cid).values(**upd))
            diffs = (
                {"review_status": (r.review_status, status)} if r.review_status != status else {}
            )
            _audit(conn, cid, who, _action(status, diffs), diffs, note, r.version + 1)
    return len(claim_ids)


def add_claim_from_text(
    store: Store, source_id: int, start: int, end: int, claim: ClaimRecord, who: str
) -> dict[str, Any]:
    """Store a claim the extractor missed, quoting text[start:end] of its source's article.

    The claim is a person's (origin human, confirmed): it survives re-ingests.
    """
    with store.write() as conn:
        text = conn.execute(select(T_texts.c.text).where(T_texts.c.source_id == source_id)).scalar()
        if text is None:
            raise NotFoundError(f"source #{source_id} has no stored article text")
        if not (0 <= start < end <= len(text)):
            raise GeomapError(
                f"bad selection {start}..{end}: the article has {len(text)} characters"
            )
        store._upsert_places(conn, [claim.place])
        values = {
            "place_id": claim.place.id, "source_id": source_id, "claimant": claim.claimant,
            "place_as_written": claim.place_as_written, "side": claim.side, "type": claim.type,
            "claim_date": claim.claim_date, "date_precision": claim.date_precision,
            "quote": text[start:end], "start_offset": start, "end_offset": end,
            "confidence": 1.0, "extractor": None, "extractor_version": None, "origin": "human",
            "review_status": "confirmed", "notes": claim.notes, "version": 1,
        }  # fmt: skip
        cid = conn.execute(insert(T_claims).values(**values)).inserted_primary_key[0]
        diffs = {k: (None, values[k]) for k in ("place_id", "side", "type", "claim_date")}
        _audit(conn, cid, who, "add", diffs, claim.notes, 1)
    return {"id": cid, "version": 1, "quote": values["quote"]}


def original_keys(conn: Connection, source_id: int, fields: tuple[str, ...]) -> set[tuple]:
    """The `fields` values the source's edited claims had before any edit: each field's
    earliest audited "old" value replaces its current one (dates come back from ISO text)."""
    edits = conn.execute(
        select(T_audit.c.claim_id, T_audit.c.field, T_audit.c.old)
        .where(
            T_audit.c.action == "edit",
            T_audit.c.claim_id.in_(select(T_claims.c.id).where(T_claims.c.source_id == source_id)),
        )
        .order_by(T_audit.c.id)
    ).all()
    first: dict[int, dict[str, str | None]] = {}
    for e in edits:
        if e.field in fields:
            first.setdefault(e.claim_id, {}).setdefault(e.field, e.old)
    if not first:
        return set()
    out = set()
    rows = conn.execute(
        select(T_claims.c.id, *[T_claims.c[f] for f in fields]).where(T_claims.c.id.in_(first))
    )
    for r in rows:
        values = dict(zip(fields, r[1:], strict=True))
        for f, old in first[r.id].items():
            values[f] = date.fromisoformat(old) if f == "claim_date" and old else old
        out.add(tuple(values[f] for f in fields))
    return out


def audit_log(store: Store, claim_id: int | None = None, limit: int = 100) -> list[AuditEntry]:
    """The newest audit entries first (of one claim, or of all)."""
    with store.read() as conn:
        return _audit_rows(conn, claim_id, limit)


def _audit_rows(conn: Connection, claim_id: int | None, limit: int) -> list[AuditEntry]:
    stmt = select(T_audit).order_by(T_audit.c.id.desc()).limit(max(1, min(limit, 1000)))
    if claim_id is not None:
        stmt = stmt.where(T_audit.c.claim_id == claim_id)
    return [
        AuditEntry(r.id, r.claim_id, r.at.isoformat(timespec="seconds") + "Z", r.who, r.action,
                   r.field, r.old, r.new, r.note, r.version)
        for r in conn.execute(stmt)
    ]  # fmt: skip


def status_counts(store: Store) -> dict[str, int]:
    """Claims per review status (the page's progress line)."""
    with store.read() as conn:
        rows = conn.execute(
            select(T_claims.c.review_status, func.count()).group_by(T_claims.c.review_status)
        ).all()
    out = dict.fromkeys(REVIEW_STATUSES, 0)
    out.update({s: n for s, n in rows})
    return out


__all__ = [
    "AuditEntry",
    "Change",
    "NotFoundError",
    "QueueFilter",
    "QueuePage",
    "StaleVersionError",
    "add_claim_from_text",
    "audit_log",
    "change_claim",
    "claim_detail",
    "lookup_place",
    "original_keys",
    "place_json",
    "place_alternatives",
    "place_timeline",
    "queue",
    "review_claims",
    "search_places",
    "status_counts",
]
