"""The claims store: SQLAlchemy 2 on SQLite (default) or PostgreSQL, migrated on open.

Writes are short transactions; on SQLite they start with BEGIN IMMEDIATE so several processes
writing one file queue on the lock (busy_timeout) instead of deadlocking on a lock upgrade.
Bulk paths use Core executemany; the ORM model only defines the schema.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Index,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from geomap.errors import GeomapError
from geomap.model import claims as T_claims
from geomap.model import places as T_places
from geomap.model import source_texts as T_source_texts
from geomap.model import sources as T_sources
from geomap.places import haversine_km, looks_like_place_id
from geomap.query import ClaimFilter, contested_place_ids
from geomap.records import REVIEW_STATUSES, ClaimRecord, PlaceRef, SourceRecord, validate_choice

# Bulk inserts hand dates straight to sqlite3: store them as SQLAlchemy's Date type does (ISO
# text). Same result as Python's default adapter, which is deprecated since 3.12.
sqlite3.register_adapter(date, date.isoformat)

DEFAULT_URL = "sqlite:///geomap.db"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BATCH = 20_000
STREAM_BATCH = 2_000  # rows per fetch when streaming claims (iter_claims)
IMPORT_CACHE_KB = 524_288
CACHE_KB = 65_536
_PG_MIGRATION_LOCK = 7_420_531  # advisory lock key: one migrator at a time


@dataclass
class IngestResult:
    source_id: int
    added: int
    replaced: int
    duplicate: bool


@dataclass
class ImportResult:
    added: int
    skipped: int  # exact duplicates of claims already stored
    sources_added: int


def normalize_url(url: str | None) -> str:
    """None -> $GEOMAP_DB or sqlite:///geomap.db; a bare path -> a SQLite URL."""
    url = url or os.environ.get("GEOMAP_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def version_key(v: str | None) -> tuple:
    """Sort key for extractor versions: numeric parts compare as numbers ("1.10" > "1.9")."""
    if not v:
        return ()
    return tuple(
        (1, int(p), "") if p.isdigit() else (0, 0, p) for p in re.findall(r"\d+|[A-Za-z]+", v)
    )


def is_newer_version(new: str | None, old: str | None) -> bool:
    return bool(new) and version_key(new) > version_key(old)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _naive_utc(dt: datetime | None) -> datetime | None:
    if dt is not None and dt.tzinfo is not None:
        return dt.astimezone(UTC).replace(tzinfo=None)
    return dt


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _rec) -> None:  # noqa: ANN001
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA busy_timeout=60000")
            if ":memory:" not in url and "mode=memory" not in url:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA cache_size=-{CACHE_KB}")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            write = conn.get_execution_options().get("geomap_write")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=1)
def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    return frozenset(r.revision for r in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions())


def _alembic_config(conn: Connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` under the write lock (idempotent; safe from many processes).

    A database made before migrations existed (tables but no alembic_version) is taken to be
    revision 0001 and upgraded from there.
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    target = _alembic_head() if revision == "head" else revision
    with engine.connect() as conn:  # fast path without the write lock: already there
        if MigrationContext.configure(conn).get_current_revision() == target:
            conn.rollback()
            return
        conn.rollback()
    with engine.connect() as conn:
        conn.execution_options(geomap_write=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
            current = MigrationContext.configure(conn).get_current_revision()
            if current == target:
                return
            if current is not None and current not in _known_revisions():
                raise GeomapError(
                    f"the database schema is at revision {current!r}, which this geomap does not "
                    "know (made by a newer version?): upgrade geomap"
                )
            cfg = _alembic_config(conn)
            if current is None and inspect(conn).has_table("claims"):
                command.stamp(cfg, "0001")
            command.upgrade(cfg, revision)


def open_store(url: str | None = None, *, migrate_schema: bool = True) -> Store:
    """Open (and create/upgrade) the store at `url` (see normalize_url)."""
    url = normalize_url(url)
    try:
        engine = _make_engine(url)
        if migrate_schema:
            migrate(engine)
    except SQLAlchemyError as exc:
        shown = make_url(url).render_as_string(hide_password=True)
        why = " ".join(str(getattr(exc, "orig", None) or exc).split())
        raise GeomapError(f"cannot open database {shown}: {why} (check --db / $GEOMAP_DB)") from exc
    except ModuleNotFoundError as exc:
        raise GeomapError(
            f"cannot open database {url}: missing driver {exc.name} "
            "(pip install 'geomap[postgres]' for PostgreSQL)"
        ) from exc
    return Store(engine)


def _place_row(p: PlaceRef) -> dict[str, Any]:
    return asdict(p)


def _claim_tuple(c: ClaimRecord, source_id: int | None) -> tuple:
    """A claims row in _CLAIM_COLS order."""
    return (c.place.id, source_id, c.claimant, c.place_as_written, c.side, c.type, c.claim_date,
            c.date_precision, c.quote, c.start, c.end, c.confidence, c.extractor,
            c.extractor_version, c.origin, c.review_status, c.notes)  # fmt: skip


def _key_of(t: tuple) -> tuple:
    """Identity of a claim row for dedupe: every column but source_id (= _KEY_FIELDS order)."""
    return t[:1] + t[2:]


_CLAIM_COLS = ("place_id", "source_id", "claimant", "place_as_written", "side", "type",
    "claim_date", "date_precision", "quote", "start_offset", "end_offset", "confidence",
    "extractor", "extractor_version", "origin", "review_status", "notes")  # fmt: skip

_KEY_FIELDS = tuple(c for c in _CLAIM_COLS if c != "source_id")


def _source_values(s: SourceRecord) -> dict[str, Any]:
    return {
        "url": s.url,
        "title": s.title,
        "outlet": s.outlet,
        "author": s.author,
        "published": s.published,
        "content_hash": s.content_hash,
        "ingested_at": _naive_utc(s.ingested_at) or _now(),
    }


_SELECT_COLS = [
    T_claims.c.id,
    T_claims.c.source_id,
    *[T_claims.c[k] for k in _KEY_FIELDS],
    T_places.c.name.label("p_name"),
    T_places.c.precision.label("p_precision"),
    T_places.c.lat.label("p_lat"),
    T_places.c.lon.label("p_lon"),
    T_places.c.country.label("p_country"),
    T_places.c.admin1.label("p_admin1"),
    T_places.c.population.label("p_population"),
    T_places.c.polygon_wkt.label("p_polygon"),
    T_sources.c.url.label("s_url"),
    T_sources.c.title.label("s_title"),
    T_sources.c.outlet.label("s_outlet"),
    T_sources.c.author.label("s_author"),
    T_sources.c.published.label("s_published"),
    T_sources.c.content_hash.label("s_hash"),
    T_sources.c.ingested_at.label("s_ingested_at"),
]
_FROM = T_claims.join(T_places, T_claims.c.place_id == T_places.c.id).outerjoin(
    T_sources, T_claims.c.source_id == T_sources.c.id
)


class Store:
    """A claims database. Create with open_store(); close() when done (or use `with`)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)

    # -- plumbing ---------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite); rolled back on any error."""
        with self.engine.connect() as conn:
            conn.execution_options(geomap_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

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
            raise GeomapError(f"cannot store claim about {claim.place.name!r}: {exc.orig}") from exc

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

    def review(
        self,
        claim_ids: int | Iterable[int],
        status: str,
        note: str | None = None,
        *,
        who: str = "geomap",
    ) -> int:
        """Set the review status of one or more claims, all or none; returns how many.

        A confirmed or rejected claim survives re-extraction of its source by a newer extractor
        (and an identical new machine claim is not added beside it), so a rejection sticks;
        "unreviewed" hands the claim back to the extractor. `note` is appended to the claim's
        notes as "review: NOTE". An unknown id raises GeomapError and changes nothing. Each
        claim's version is bumped and the change audited as by `who` (see geomap.review).
        """
        from geomap.review import review_claims

        validate_choice("review status", status, REVIEW_STATUSES)
        ids = [claim_ids] if isinstance(claim_ids, int) else list(dict.fromkeys(claim_ids))
        return review_claims(self, ids, status, note, who)

    def import_claims(self, claims: Iterable[ClaimRecord], *, dedupe: bool = True) -> ImportResult:
        """Bulk-store claims (each with its own source or none) in ONE transaction.

        Sources are matched to stored ones by URL/content hash; with `dedupe`, a claim identical
        to one already stored for the same stored source (or sourceless, same place) is skipped,
        so importing a file twice adds nothing. Streams: claims are consumed in batches.
        """
        try:
            return self._import_claims(claims, dedupe)
        except IntegrityError as exc:
            raise GeomapError(f"import failed, nothing stored: {exc.orig}") from exc

    def _import_claims(self, claims: Iterable[ClaimRecord], dedupe: bool) -> ImportResult:
        added = skipped = sources_added = 0
        source_ids: dict[tuple, int] = {}
        preexisting: set[int] = set()
        existing_keys: dict[int, set[tuple]] = {}
        sourceless_keys: set[tuple] = set()
        sourceless_places: set[str] = set()
        known_places: set[str] = set()
        with self.write() as conn:
            if self.dialect == "sqlite":
                # Random inserts into the claims indexes thrash a small page cache: give a bulk
                # import up to 512 MB (pages are only allocated as touched; reset on close).
                conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KB}")
            batch: list[ClaimRecord] = []

            def flush() -> None:
                nonlocal added, skipped, sources_added
                self._upsert_places(
                    conn, (c.place for c in batch if c.place.id not in known_places)
                )
                known_places.update(c.place.id for c in batch)
                wanted = {}
                skeys = [None if c.source is None else _source_key(c.source) for c in batch]
                for c, key in zip(batch, skeys, strict=True):
                    if key is not None:
                        if key not in source_ids and key not in wanted:
                            wanted[key] = (c.source, _source_version(c))
                sources_added += self._resolve_sources(conn, wanted, source_ids, preexisting)
                rows = []
                for c, skey in zip(batch, skeys, strict=True):
                    sid = None if skey is None else source_ids[skey]
                    row = _claim_tuple(c, sid)
                    if dedupe and (sid is None or sid in preexisting):
                        if sid is None:
                            if c.place.id not in sourceless_places:
                                sourceless_places.add(c.place.id)
                                sourceless_keys.update(self._claim_keys(conn, None, c.place.id))
                            keys = sourceless_keys
                        else:
                            keys = existing_keys.get(sid)
                            if keys is None:
                                keys = existing_keys[sid] = self._claim_keys(conn, sid, None)
                        k = _key_of(row)
                        if k in keys:
                            skipped += 1
                            continue
                        keys.add(k)
                    rows.append(row)
                self._insert_claims(conn, rows)
                added += len(rows)
                batch.clear()

            dropped: list[Index] = []
            try:
                for c in claims:
                    batch.append(c)
                    if len(batch) >= BATCH:
                        if not added and not dropped and self._table_is_small(conn):
                            dropped = self._drop_claim_indexes(conn)
                        flush()
                flush()
                for idx in dropped:  # rebuilt by sorting: far cheaper than 1 B-tree insert a row
                    idx.create(conn)
                if self.dialect == "postgresql" and added >= 10_000:
                    conn.exec_driver_sql("ANALYZE claims")  # fresh planner stats after a big load
            finally:
                if self.dialect == "sqlite":
                    with suppress(SQLAlchemyError):
                        conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KB}")
        return ImportResult(added, skipped, sources_added)

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

    def _claim_keys(self, conn: Connection, sid: int | None, place_id: str | None) -> set[tuple]:
        """Keys of stored claims of source `sid`, or of sourceless claims about `place_id`."""
        cols = [T_claims.c[k] for k in _KEY_FIELDS]
        if sid is not None:
            stmt = select(*cols).where(T_claims.c.source_id == sid)
        else:
            stmt = select(*cols).where(
                T_claims.c.source_id.is_(None), T_claims.c.place_id == place_id
            )
        return {tuple(r) for r in conn.execute(stmt)}

    # -- reading ----------------------------------------------------------------------------
    def claims(self, f: ClaimFilter | None = None) -> list[ClaimRecord]:
        """Claims matching the filter, oldest first (undated last), each with .source and .id.

        All in memory; iter_claims() streams the same claims for exports of a large store.
        """
        f = f or ClaimFilter()
        with self.read() as conn:
            stmt, near_point = self._select(conn, f)
            rows = conn.execute(stmt).all()
        out = _rows_to_records(rows)
        if near_point is not None:
            out = [c for c in out if _within(c, near_point, f.within_km)]
        if f.contested:
            ids = contested_place_ids(out)
            out = [c for c in out if c.place.id in ids]
        return out

    def iter_claims(
        self, f: ClaimFilter | None = None, *, batch: int = STREAM_BATCH
    ) -> Iterator[ClaimRecord]:
        """The claims of claims(f), same order, read `batch` rows at a time.

        Memory stays at one batch however big the selection (a server-side cursor on
        PostgreSQL). `contested` takes two passes; the first keeps only each place's latest
        claim per side. The filter is resolved before this returns, so a bad place name raises
        here and not halfway through an export. Exhaust or close() the iterator: it holds a
        read transaction.
        """
        f = f or ClaimFilter()
        if not f.contested:
            return self._stream(f, batch)
        ids = contested_place_ids(self._stream(f, batch))
        return (c for c in self._stream(f, batch) if c.place.id in ids)

    def _stream(self, f: ClaimFilter, batch: int) -> Iterator[ClaimRecord]:
        conn = self.engine.connect()
        try:
            conn.begin()
            stmt, near_point = self._select(conn, f)
            result = conn.execution_options(yield_per=batch).execute(stmt)
        except BaseException:
            conn.close()
            raise
        return _stream_records(conn, result, near_point, f.within_km)

    def _select(self, conn: Connection, f: ClaimFilter) -> tuple[Any, tuple[float, float] | None]:
        """The SELECT for a filter (all but the distance and contested checks, done in Python)
        and the --near point."""
        conds = []
        near_point = None
        if f.place:
            conds.append(self._place_condition(conn, f.place, f.region_only))
        if f.since:
            conds.append(T_claims.c.claim_date >= f.since)
        if f.upper_date:
            conds.append(T_claims.c.claim_date <= f.upper_date)
        if f.side:
            conds.append(T_claims.c.side == f.side)
        if f.type:
            conds.append(T_claims.c.type == f.type)
        if f.review_status:
            conds.append(T_claims.c.review_status == f.review_status)
        if f.bbox:
            x0, y0, x1, y1 = f.bbox
            conds += [T_places.c.lon.between(x0, x1), T_places.c.lat.between(y0, y1)]
        if f.near:
            near_point = self._point(conn, f.near)
            conds += _bbox_around(near_point, f.within_km)
        stmt = select(*_SELECT_COLS).select_from(_FROM)
        if conds:
            stmt = stmt.where(and_(*conds))
        stmt = stmt.order_by(T_claims.c.claim_date.asc().nulls_last(), T_claims.c.id)
        return stmt, near_point

    def get_place(self, place_id: str) -> PlaceRef | None:
        with self.read() as conn:
            r = conn.execute(select(T_places).where(T_places.c.id == place_id)).first()
        if r is None:
            return None
        return PlaceRef(
            r.id,
            r.name,
            r.precision,
            r.lat,
            r.lon,
            r.country,
            r.admin1,
            r.population,
            r.polygon_wkt,
        )

    def count(self) -> dict[str, int]:
        """Row counts per table (for status lines and tests)."""
        with self.read() as conn:
            return {
                t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (T_sources, T_places, T_claims)
            }

    def _place_condition(self, conn: Connection, name: str, region_only: bool):
        """SQL condition on claims for a place filter; a region also covers its settlements.

        Indexed both ways: the place ids come from places' primary key and ix_places_admin1,
        then each id probes ix_claims_place_id_claim_date.
        """
        ids = self._place_ids(conn, name)
        admin1s = self._region_admin1s(conn, ids)
        if not admin1s:
            return T_claims.c.place_id.in_(ids)
        if region_only:  # an admin-1 region's id is its admin-1 code ("UA.05")
            return T_claims.c.place_id.in_(sorted({*ids, *admin1s}))
        inside = select(T_places.c.id).where(
            or_(T_places.c.id.in_(ids), T_places.c.admin1.in_(admin1s))
        )
        return T_claims.c.place_id.in_(inside)

    def _region_admin1s(self, conn: Connection, ids: Sequence[str]) -> list[str]:
        """The admin-1 codes the region places among `ids` cover ([] when none is a region).

        GeoNames ids (digits) are settlements and cost nothing. A stored admin-1 region answers
        from its row; a group ("UA.DONBAS", admin1 NULL) or a region not stored yet asks the
        gazetteer for its member regions.
        """
        out: list[str] = []
        for pid in ids:
            if pid.isdigit():
                continue
            row = conn.execute(
                select(T_places.c.precision, T_places.c.admin1).where(T_places.c.id == pid)
            ).first()
            if row is not None and row.precision != "region":
                continue
            if row is not None and row.admin1:
                out.append(row.admin1)
                continue
            out += _gazetteer_admin1_ids(pid)
        return sorted(set(out))

    def _place_ids(self, conn: Connection, name: str) -> list[str]:
        """Resolve a place filter to place ids.

        An id is taken as is. A name goes to the gazetteer (any alias: "Dzerzhinsk" ->
        Toretsk's id). Of its candidates, the best-ranked one the store has claims about wins,
        so a query finds the place the user has been recording, not a bigger namesake (the
        Russian Dzerzhinsk); if none has claims, stored places with exactly that name; else the
        gazetteer's top candidate.
        """
        name = name.strip()
        if looks_like_place_id(name):
            return [name]
        cands = _gazetteer_candidates(name)
        if cands:
            ids = [c.id for c in cands]
            stored = set(
                conn.execute(
                    select(T_claims.c.place_id).where(T_claims.c.place_id.in_(ids)).distinct()
                ).scalars()
            )
            for pid in ids:
                if pid in stored:
                    return [pid]
        by_name = list(
            conn.execute(
                select(T_places.c.id).where(func.lower(T_places.c.name) == name.lower())
            ).scalars()
        )
        if by_name:
            return by_name
        if cands:
            return [cands[0].id]
        raise GeomapError(f"unknown place {name!r}: not in the gazetteer nor in the store")

    def _point(self, conn: Connection, name: str) -> tuple[float, float]:
        """Coordinates of a --near place: a stored place id, else as in _place_ids."""
        name = name.strip()
        if looks_like_place_id(name):
            r = conn.execute(
                select(T_places.c.lat, T_places.c.lon).where(T_places.c.id == name)
            ).first()
            if r is not None:
                return (r.lat, r.lon)
            ref = _gazetteer_get(name)
            if ref is None:
                raise GeomapError(f"unknown place id {name!r} for --near")
            return (ref.lat, ref.lon)
        pid = self._place_ids(conn, name)[0]
        r = conn.execute(select(T_places.c.lat, T_places.c.lon).where(T_places.c.id == pid)).first()
        if r is not None:
            return (r.lat, r.lon)
        ref = next((c for c in _gazetteer_candidates(name) if c.id == pid), None)
        if ref is None:
            raise GeomapError(f"unknown place {name!r} for --near")
        return (ref.lat, ref.lon)


def _edited_originals(conn: Connection, source_id: int) -> set[tuple]:
    """Keys the source's reviewer-edited claims had before their edits (from the audit trail),
    so a re-ingest does not add the uncorrected machine claim back beside the corrected one."""
    from geomap.review import original_keys

    return original_keys(conn, source_id, _KEY_FIELDS[:10])


def _save_text(conn: Connection, source_id: int, text: str | None) -> None:
    """Keep (or replace) the article text of a source; None leaves what is stored."""
    if text is None:
        return
    conn.execute(delete(T_source_texts).where(T_source_texts.c.source_id == source_id))
    conn.execute(insert(T_source_texts).values(source_id=source_id, text=text))


def _source_key(s: SourceRecord) -> tuple:
    if s.url:
        return ("url", s.url)
    if s.content_hash:
        return ("hash", s.content_hash)
    return ("anon", s.title, s.outlet, s.author, s.published, s.ingested_at)


def _source_version(c: ClaimRecord) -> str | None:
    return c.extractor_version if c.origin == "machine" else None


def _bbox_around(point: tuple[float, float], km: float) -> list:
    """SQL prefilter: a lat/lon box that surely contains the circle (haversine decides after)."""
    import math

    lat, lon = point
    dlat = km / 110.574 + 1e-6
    coslat = max(math.cos(math.radians(min(89.9, abs(lat) + dlat))), 1e-6)
    dlon = min(180.0, km / (111.320 * coslat) + 1e-6)
    return [
        T_places.c.lat.between(lat - dlat, lat + dlat),
        T_places.c.lon.between(lon - dlon, lon + dlon),
    ]


def _gazetteer():
    try:
        from gazetteer import default_gazetteer
    except ImportError:
        return None
    return default_gazetteer()


def _gazetteer_candidates(name: str, limit: int = 10) -> list[PlaceRef]:
    """The gazetteer's candidates for a name, best first ([] without a gazetteer)."""
    gaz = _gazetteer()
    if gaz is None:
        return []
    from gazetteer.errors import GazetteerError
    from geomap.places import place_ref

    try:
        return [place_ref(c.place) for c in gaz.candidates(name, limit=limit)]
    except GazetteerError:
        return []


def _gazetteer_get(place_id: str) -> PlaceRef | None:
    gaz = _gazetteer()
    if gaz is None:
        return None
    from gazetteer.errors import GazetteerError
    from geomap.places import place_ref

    try:
        return place_ref(gaz.get(place_id))
    except GazetteerError:
        return None


def _gazetteer_admin1_ids(place_id: str) -> tuple[str, ...]:
    """Admin-1 codes a gazetteer region or group consists of (() if unknown or a settlement)."""
    gaz = _gazetteer()
    if gaz is None:
        return ()
    from gazetteer.errors import GazetteerError

    try:
        place = gaz.get(place_id)
    except GazetteerError:
        return ()
    if getattr(place, "precision", None) != "region":
        return ()
    return tuple(getattr(place, "admin1_ids", ()) or ())


def _within(c: ClaimRecord, point: tuple[float, float], km: float) -> bool:
    return haversine_km(point[0], point[1], c.place.lat, c.place.lon) <= km


def _stream_records(
    conn: Connection, result: Any, near_point: tuple[float, float] | None, km: float
) -> Iterator[ClaimRecord]:
    """Records from a yield_per result, one partition at a time; closes the connection."""
    try:
        for rows in result.partitions():
            for c in _rows_to_records(rows):
                if near_point is None or _within(c, near_point, km):
                    yield c
    finally:
        result.close()
        conn.close()  # ends the read transaction (rolled back: nothing was written)


def _rows_to_records(rows: Sequence[Any]) -> list[ClaimRecord]:
    places: dict[str, PlaceRef] = {}
    sources: dict[int, SourceRecord] = {}
    out = []
    for r in rows:
        p = places.get(r.place_id)
        if p is None:
            p = places[r.place_id] = PlaceRef(
                r.place_id, r.p_name, r.p_precision, r.p_lat, r.p_lon, r.p_country, r.p_admin1,
                r.p_population, r.p_polygon,
            )  # fmt: skip
        s = None
        if r.source_id is not None:
            s = sources.get(r.source_id)
            if s is None:
                s = sources[r.source_id] = SourceRecord(
                    r.s_url,
                    r.s_title,
                    r.s_outlet,
                    r.s_author,
                    r.s_published,
                    r.s_hash,
                    r.s_ingested_at,
                )
        out.append(
            ClaimRecord(
                place=p,
                side=r.side,
                type=r.type,
                claim_date=r.claim_date,
                date_precision=r.date_precision,
                claimant=r.claimant,
                place_as_written=r.place_as_written,
                quote=r.quote,
                start=r.start_offset,
                end=r.end_offset,
                confidence=r.confidence,
                extractor=r.extractor,
                extractor_version=r.extractor_version,
                origin=r.origin,
                review_status=r.review_status,
                notes=r.notes,
                source=s,
                id=r.id,
            )  # fmt: skip
        )
    return out


__all__ = ["ImportResult", "IngestResult", "Store", "migrate", "normalize_url", "open_store"]
