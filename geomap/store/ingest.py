"""Writing: ingest of one extracted source, hand-entered claims, and bulk import of files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Connection,
    Index,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from geomap.errors import GeomapError, shown
from geomap.model import claims as T_claims
from geomap.model import places as T_places
from geomap.model import source_texts as T_source_texts
from geomap.model import sources as T_sources
from geomap.records import ClaimRecord, PlaceRef, SourceRecord
from geomap.store.engine import CACHE_KB, StoreBase
from geomap.store.rows import (
    _CLAIM_COLS,
    _IDENTITY_FIELDS,
    _KEY_FIELDS,
    _claim_tuple,
    _identity_of,
    _key_of,
    _now,
    _place_row,
    _source_values,
    is_newer_version,
    version_key,
)

BATCH = 20_000
IMPORT_CACHE_KB = 524_288


@dataclass
class IngestResult:
    source_id: int
    added: int
    replaced: int
    duplicate: bool


@dataclass
class ImportResult:
    added: int
    skipped: int  # claims already stored (same claim, same source), left as they are
    sources_added: int
    reviewed: int = 0  # stored claims that took the review (confirmed/rejected) from the file


@dataclass
class _Stored:
    """A claim already in the store (id None: added earlier in this import) and its review."""

    id: int | None
    review_status: str
    notes: str | None


@dataclass
class _ImportState:
    """What one import has learnt so far (sources resolved, stored claims read, counts)."""

    dedupe: bool
    added: int = 0
    skipped: int = 0
    sources_added: int = 0
    reviewed: int = 0
    source_ids: dict[tuple, int] = field(default_factory=dict)
    preexisting: set[int] = field(default_factory=set)
    by_source: dict[int, dict[tuple, _Stored]] = field(default_factory=dict)
    sourceless: dict[tuple, _Stored] = field(default_factory=dict)
    sourceless_places: set[str] = field(default_factory=set)
    known_places: set[str] = field(default_factory=set)


def _review_to_apply(stored: _Stored, c: ClaimRecord) -> bool:
    """An imported claim that is a stored one plus a review brings that review in (an export
    from a reviewer's store); an unreviewed copy never undoes a review made here."""
    return (
        stored.id is not None
        and c.review_status != "unreviewed"
        and (stored.review_status, stored.notes) != (c.review_status, c.notes)
    )


class IngestMixin(StoreBase):
    """Store methods that add sources, places and claims."""

    def _insert_ignore(self, conn: Connection, table, rows: list[dict[str, Any]], key: str) -> None:
        if not rows:
            return
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        for i in range(0, len(rows), BATCH):
            conn.execute(
                dialect_insert(table).on_conflict_do_nothing(index_elements=[key]),
                rows[i : i + BATCH],
            )

    def _upsert_places(self, conn: Connection, places: Iterable[PlaceRef]) -> None:
        """Insert places not stored yet (an existing place row is kept as it is)."""
        seen: dict[str, dict[str, Any]] = {}
        for p in places:
            if p.id not in seen:
                seen[p.id] = _place_row(p)
        # Sorted: concurrent PostgreSQL writers then lock new place rows in the same order.
        self._insert_ignore(conn, T_places, [seen[k] for k in sorted(seen)], "id")

    def _insert_claims(self, conn: Connection, rows: list[tuple]) -> None:
        """Bulk insert of _claim_tuple rows: driver executemany on SQLite, COPY on PostgreSQL.

        SQLAlchemy's per-row parameter processing costs more than SQLite's insert itself, so the
        two known backends get plain tuples (dates adapt to ISO text, as SQLAlchemy's SQLite
        Date type stores them); other backends go through Core insert().
        """
        if not rows:
            return
        cols = ", ".join(_CLAIM_COLS)
        if self.dialect == "sqlite" and len(rows) > 50:
            sql = f"INSERT INTO claims ({cols}) VALUES ({', '.join('?' * len(_CLAIM_COLS))})"
            # Stable sort by place: inserts into the (place_id, claim_date) index then sweep the
            # B-tree instead of hitting random pages; the order per place (ids) is unchanged.
            rows = sorted(rows, key=itemgetter(0))
            for i in range(0, len(rows), BATCH):
                conn.exec_driver_sql(sql, rows[i : i + BATCH])
            return
        if self.dialect == "postgresql" and len(rows) > 50:
            import psycopg

            raw = conn.connection.driver_connection
            try:
                with raw.cursor() as cur, cur.copy(f"COPY claims ({cols}) FROM STDIN") as cp:
                    for r in rows:
                        cp.write_row(r)
            except psycopg.Error as exc:  # raw driver errors are not wrapped by SQLAlchemy
                raise GeomapError(f"cannot store claims, nothing stored: {exc}") from exc
            return
        dicts = [dict(zip(_CLAIM_COLS, r, strict=True)) for r in rows]
        for i in range(0, len(dicts), BATCH):
            conn.execute(insert(T_claims), dicts[i : i + BATCH])

    def _find_source(self, conn: Connection, s: SourceRecord):
        """The stored source with the same URL, else the same content hash, else None."""
        for col, val in ((T_sources.c.url, s.url), (T_sources.c.content_hash, s.content_hash)):
            if val:
                row = conn.execute(select(T_sources).where(col == val)).first()
                if row is not None:
                    return row
        return None

    def _insert_source(
        self, conn: Connection, s: SourceRecord, extractor_version: str | None
    ) -> int:
        vals = _source_values(s) | {"extractor_version": extractor_version}
        return conn.execute(insert(T_sources).values(**vals)).inserted_primary_key[0]

    # -- writing ----------------------------------------------------------------------------
    def ingest(
        self,
        source: SourceRecord,
        claims: Sequence[ClaimRecord],
        extractor_version: str | None = None,
        *,
        text: str | None = None,
    ) -> IngestResult:
        """Store one source and its claims in one transaction.

        Same URL or same content hash as a stored source -> duplicate, nothing stored, unless
        this extractor version is newer than the one that made the stored claims: then that
        source's machine-made unreviewed claims are replaced; claims entered by a person or
        reviewed are kept (and new claims identical to a kept one are not added twice).
        `extractor_version` defaults to the highest version among the machine claims.
        `text` is the article text the claims' offsets index into (kept for review).
        """
        if extractor_version is None:
            versions = [
                c.extractor_version for c in claims if c.origin == "machine" and c.extractor_version
            ]
            extractor_version = max(versions, key=version_key) if versions else None
        for attempt in range(3):
            try:
                return self._ingest_once(source, claims, extractor_version, text)
            except IntegrityError as exc:
                # A concurrent writer (PostgreSQL) stored the same source first: retry, which
                # then sees it as a duplicate. Any other integrity problem is the caller's.
                if attempt == 2 or "sources" not in str(exc.orig):
                    raise GeomapError(
                        f"cannot store source {source.url or source.content_hash}: {exc.orig}"
                    ) from exc
        raise AssertionError("unreachable")

    def _ingest_once(
        self,
        source: SourceRecord,
        claims: Sequence[ClaimRecord],
        version: str | None,
        text: str | None = None,
    ) -> IngestResult:
        with self.write() as conn:
            existing = self._find_source(conn, source)
            if existing is None:
                sid = self._insert_source(conn, source, version)
                _save_text(conn, sid, text)
                self._upsert_places(conn, (c.place for c in claims))
                self._insert_claims(conn, [_claim_tuple(c, sid) for c in claims])
                return IngestResult(sid, len(claims), 0, False)
            sid = existing.id
            if not is_newer_version(version, existing.extractor_version):
                return IngestResult(sid, 0, 0, True)
            replaced = conn.execute(
                delete(T_claims).where(
                    T_claims.c.source_id == sid,
                    T_claims.c.origin == "machine",
                    T_claims.c.review_status == "unreviewed",
                )
            ).rowcount
            kept = {
                tuple(r)[:10]
                for r in conn.execute(
                    select(*[T_claims.c[k] for k in _KEY_FIELDS]).where(T_claims.c.source_id == sid)
                )
            }
            kept |= _edited_originals(conn, sid)
            meta = {
                k: v
                for k, v in _source_values(source).items()
                if k not in ("url", "content_hash") and v is not None
            }
            meta["ingested_at"] = _now()
            conn.execute(
                update(T_sources)
                .where(T_sources.c.id == sid)
                .values(extractor_version=version, **meta)
            )
            _save_text(conn, sid, text)
            rows = [_claim_tuple(c, sid) for c in claims]
            rows = [r for r in rows if _key_of(r)[:10] not in kept]
            self._upsert_places(conn, (c.place for c in claims))
            self._insert_claims(conn, rows)
            return IngestResult(sid, len(rows), replaced, False)

    def add_claim(self, claim: ClaimRecord) -> int:
        """Store one claim (e.g. entered by hand); its source is reused if already stored."""
        try:
            return self._add_claim(claim)
        except IntegrityError as exc:
            raise GeomapError(
                f"cannot store claim about {shown(claim.place.name)}: {exc.orig}"
            ) from exc

    def _add_claim(self, claim: ClaimRecord) -> int:
        with self.write() as conn:
            sid = None
            if claim.source is not None:
                row = self._find_source(conn, claim.source)
                sid = row.id if row is not None else self._insert_source(conn, claim.source, None)
            self._upsert_places(conn, [claim.place])
            return conn.execute(
                insert(T_claims).values(
                    dict(zip(_CLAIM_COLS, _claim_tuple(claim, sid), strict=True))
                )
            ).inserted_primary_key[0]

    def import_claims(self, claims: Iterable[ClaimRecord], *, dedupe: bool = True) -> ImportResult:
        """Bulk-store claims (each with its own source or none) in ONE transaction.

        Sources are matched to stored ones by URL/content hash; with `dedupe`, a claim identical
        to one already stored for the same stored source (or sourceless, same place) is skipped,
        so importing a file twice adds nothing. Identity leaves out the review (status and
        notes): a reviewed copy of a stored claim passes its review on to it instead of being
        added beside it. Streams: claims are consumed in batches.
        """
        try:
            return self._import_claims(claims, dedupe)
        except IntegrityError as exc:
            raise GeomapError(f"import failed, nothing stored: {exc.orig}") from exc

    def _import_claims(self, claims: Iterable[ClaimRecord], dedupe: bool) -> ImportResult:
        st = _ImportState(dedupe)
        with self.write() as conn:
            if self.dialect == "sqlite":
                # Random inserts into the claims indexes thrash a small page cache: give a bulk
                # import up to 512 MB (pages are only allocated as touched; reset on close).
                conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KB}")
            batch: list[ClaimRecord] = []
            dropped: list[Index] = []
            try:
                for c in claims:
                    batch.append(c)
                    if len(batch) >= BATCH:
                        if not st.added and not dropped and self._table_is_small(conn):
                            dropped = self._drop_claim_indexes(conn)
                        self._import_batch(conn, batch, st)
                        batch.clear()
                self._import_batch(conn, batch, st)
                for idx in dropped:  # rebuilt by sorting: far cheaper than 1 B-tree insert a row
                    idx.create(conn)
                if self.dialect == "postgresql" and st.added >= 10_000:
                    conn.exec_driver_sql("ANALYZE claims")  # fresh planner stats after a big load
            finally:
                if self.dialect == "sqlite":
                    with suppress(SQLAlchemyError):
                        conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KB}")
        return ImportResult(st.added, st.skipped, st.sources_added, st.reviewed)

    def _import_batch(self, conn: Connection, batch: list[ClaimRecord], st: _ImportState) -> None:
        """Store one batch: its new places and sources, then the claims not stored yet."""
        self._upsert_places(conn, (c.place for c in batch if c.place.id not in st.known_places))
        st.known_places.update(c.place.id for c in batch)
        skeys = [None if c.source is None else _source_key(c.source) for c in batch]
        wanted = {}
        for c, key in zip(batch, skeys, strict=True):
            if key is not None and key not in st.source_ids and key not in wanted:
                wanted[key] = (c.source, _source_version(c))
        st.sources_added += self._resolve_sources(conn, wanted, st.source_ids, st.preexisting)
        rows, reviews = [], []
        for c, skey in zip(batch, skeys, strict=True):
            sid = None if skey is None else st.source_ids[skey]
            row = _claim_tuple(c, sid)
            if st.dedupe and (sid is None or sid in st.preexisting):
                stored = self._stored_like(conn, st, sid, c.place.id)
                seen = stored.get(_identity_of(row))
                if seen is not None:
                    if _review_to_apply(seen, c):
                        reviews.append({"cid": seen.id, "rs": c.review_status, "nt": c.notes})
                        stored[_identity_of(row)] = _Stored(seen.id, c.review_status, c.notes)
                    else:
                        st.skipped += 1
                    continue
                stored[_identity_of(row)] = _Stored(None, c.review_status, c.notes)
            rows.append(row)
        self._insert_claims(conn, rows)
        if reviews:
            conn.execute(
                update(T_claims)
                .where(T_claims.c.id == bindparam("cid"))
                .values(review_status=bindparam("rs"), notes=bindparam("nt")),
                reviews,
            )
        st.added += len(rows)
        st.reviewed += len(reviews)

    def _stored_like(
        self, conn: Connection, st: _ImportState, sid: int | None, place_id: str
    ) -> dict[tuple, _Stored]:
        """The claims already stored (or imported) for source `sid`, or sourceless about the
        place, by identity; read from the database once per source or place."""
        if sid is None:
            if place_id not in st.sourceless_places:
                st.sourceless_places.add(place_id)
                st.sourceless.update(self._claim_keys(conn, None, place_id))
            return st.sourceless
        keys = st.by_source.get(sid)
        if keys is None:
            keys = st.by_source[sid] = self._claim_keys(conn, sid, None)
        return keys

    def _table_is_small(self, conn: Connection) -> bool:
        """Bulk-load mode pays off when the claims table is small next to the import."""
        if self.dialect != "sqlite":
            return False  # PostgreSQL loads with COPY; dropping indexes would lock out readers
        n = conn.execute(
            select(func.count()).select_from(select(T_claims.c.id).limit(BATCH).subquery())
        )
        return n.scalar_one() < BATCH

    def _drop_claim_indexes(self, conn: Connection) -> list[Index]:
        """Drop the claims indexes inside the import transaction (a rollback restores them)."""
        idxs = sorted(T_claims.indexes, key=lambda i: i.name or "")
        for idx in idxs:
            idx.drop(conn)
        return idxs

    def _resolve_sources(
        self,
        conn: Connection,
        wanted: dict[tuple, tuple[SourceRecord, str | None]],
        source_ids: dict[tuple, int],
        preexisting: set[int],
    ) -> int:
        """Map source keys to ids: stored ones by URL then hash; insert the rest in bulk."""
        if not wanted:
            return 0
        by_url: dict[str, int] = {}
        by_hash: dict[str, int] = {}
        recs = [s for s, _ in wanted.values()]
        for col, vals in (
            (T_sources.c.url, sorted({s.url for s in recs if s.url})),
            (T_sources.c.content_hash, sorted({s.content_hash for s in recs if s.content_hash})),
        ):
            for i in range(0, len(vals), 900):
                stmt = select(T_sources.c.id, T_sources.c.url, T_sources.c.content_hash).where(
                    col.in_(vals[i : i + 900])
                )
                for r in conn.execute(stmt):
                    if r.url:
                        by_url[r.url] = r.id
                    if r.content_hash:
                        by_hash[r.content_hash] = r.id
        new: list[tuple[tuple, SourceRecord, str | None]] = []
        aliases: dict[tuple, tuple] = {}
        new_by_hash: dict[str, tuple] = {}
        for key, (s, version) in wanted.items():
            sid = by_url.get(s.url) if s.url else None
            if sid is None and s.content_hash:
                sid = by_hash.get(s.content_hash)
            if sid is not None:
                source_ids[key] = sid
                preexisting.add(sid)
            elif s.content_hash and s.content_hash in new_by_hash:
                aliases[key] = new_by_hash[s.content_hash]  # same article under two URLs
            else:
                if s.content_hash:
                    new_by_hash[s.content_hash] = key
                new.append((key, s, version))
        keyed = [(k, s, v) for k, s, v in new if s.url or s.content_hash]
        for k, s, v in new:
            if not (s.url or s.content_hash):
                source_ids[k] = self._insert_source(conn, s, v)
        if keyed:
            rows = [_source_values(s) | {"extractor_version": v} for _, s, v in keyed]
            for i in range(0, len(rows), BATCH):
                conn.execute(insert(T_sources), rows[i : i + BATCH])
            urls = [s.url for _, s, _ in keyed if s.url]
            hashes = [s.content_hash for _, s, _ in keyed if not s.url]
            got_url: dict[str, int] = {}
            got_hash: dict[str, int] = {}
            for col, vals, dst in (
                (T_sources.c.url, urls, got_url),
                (T_sources.c.content_hash, hashes, got_hash),
            ):
                for i in range(0, len(vals), 900):
                    for r in conn.execute(
                        select(T_sources.c.id, col).where(col.in_(vals[i : i + 900]))
                    ):
                        dst[r[1]] = r.id
            for k, s, _ in keyed:
                source_ids[k] = got_url[s.url] if s.url else got_hash[s.content_hash]  # type: ignore[index]
        for k, owner in aliases.items():
            source_ids[k] = source_ids[owner]
        return len(new)

    def _claim_keys(
        self, conn: Connection, sid: int | None, place_id: str | None
    ) -> dict[tuple, _Stored]:
        """Stored claims of source `sid`, or sourceless claims about `place_id`, by identity."""
        cols = [T_claims.c.id, T_claims.c.review_status, T_claims.c.notes]
        cols += [T_claims.c[k] for k in _IDENTITY_FIELDS]
        if sid is not None:
            stmt = select(*cols).where(T_claims.c.source_id == sid)
        else:
            stmt = select(*cols).where(
                T_claims.c.source_id.is_(None), T_claims.c.place_id == place_id
            )
        return {tuple(r[3:]): _Stored(r[0], r[1], r[2]) for r in conn.execute(stmt)}

    # -- reading ----------------------------------------------------------------------------


def _source_key(s: SourceRecord) -> tuple:
    if s.url:
        return ("url", s.url)
    if s.content_hash:
        return ("hash", s.content_hash)
    return ("anon", s.title, s.outlet, s.author, s.published, s.ingested_at)


def _source_version(c: ClaimRecord) -> str | None:
    return c.extractor_version if c.origin == "machine" else None


def _edited_originals(conn: Connection, source_id: int) -> set[tuple]:
    """Keys the source's reviewer-edited claims had before their edits (from the audit trail),
    so a re-ingest does not add the uncorrected machine claim back beside the corrected one."""
    from geomap.review import original_keys  # geomap.review builds on the Store

    return original_keys(conn, source_id, _KEY_FIELDS[:10])


def _save_text(conn: Connection, source_id: int, text: str | None) -> None:
    """Keep (or replace) the article text of a source; None leaves what is stored."""
    if text is None:
        return
    conn.execute(delete(T_source_texts).where(T_source_texts.c.source_id == source_id))
    conn.execute(insert(T_source_texts).values(source_id=source_id, text=text))
