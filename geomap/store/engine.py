"""Engine and schema: database URLs, SQLite connection settings, Alembic migrations, and the
connection plumbing (read/write transactions) every part of the Store builds on.

Writes are short transactions; on SQLite they start with BEGIN IMMEDIATE so several processes
writing one file queue on the lock (busy_timeout) instead of deadlocking on a lock upgrade.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Self
from urllib.parse import quote

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    inspect,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from geomap.errors import GeomapError
from geomap.places import NoPlaceLookup, PlaceLookup

# Bulk inserts hand dates straight to sqlite3: store them as SQLAlchemy's Date type does (ISO
# text). Same result as Python's default adapter, which is deprecated since 3.12.
sqlite3.register_adapter(date, date.isoformat)

DEFAULT_URL = "sqlite:///geomap.db"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
CACHE_KB = 65_536
_PG_MIGRATION_LOCK = 7_420_531  # advisory lock key: one migrator at a time


def normalize_url(url: str | None) -> str:
    """None -> $GEOMAP_DB or sqlite:///geomap.db; a bare path -> a SQLite URL."""
    url = url or os.environ.get("GEOMAP_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None: in memory, a URI, or not SQLite)."""
    if not url.startswith("sqlite"):
        return None
    db = make_url(url).database
    if not db or db == ":memory:" or db.startswith("file:") or "mode=memory" in url:
        return None
    return Path(db)


def sqlite_access(url: str, read_only: bool) -> tuple[str, bool]:
    """(url to open, opened read-only?) for a SQLite store, before anything touches it.

    A file or folder we cannot write is opened read-only (read commands: `mode=ro`, plus
    `immutable` when not even SQLite's journal beside it can be written); a command that
    would write gets a GeomapError saying why it cannot run.
    """
    path = sqlite_path(url)
    if path is None:
        return url, False
    folder = path.parent
    if not folder.is_dir():
        raise GeomapError(f"cannot open database {path}: folder {folder} does not exist")
    file_ok = not path.exists() or os.access(path, os.W_OK)
    folder_ok = os.access(folder, os.W_OK | os.X_OK)
    if file_ok and folder_ok:
        return url, False
    if not path.exists():
        raise GeomapError(f"cannot create database {path}: folder {folder} is not writable")
    if not read_only:
        why = (
            "no write permission on the file"
            if not file_ok
            else f"folder {folder} is not writable, and SQLite writes its journal there"
        )
        raise GeomapError(
            f"database {path} is read-only ({why}): this command changes the store and cannot "
            "run; the read commands (claims, export, map, report) still work"
        )
    # Without a writable folder SQLite cannot create the WAL index (-shm): a cleanly closed
    # store (no -shm, no -wal) is then opened immutable; with them, plain read-only.
    immutable = not folder_ok and not Path(f"{path}-shm").exists()
    uri = f"file:{quote(str(path.resolve()))}?mode=ro" + ("&immutable=1" if immutable else "")
    return f"sqlite:///{uri}&uri=true", True


def _make_engine(url: str, read_only: bool = False) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _rec) -> None:  # noqa: ANN001
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA busy_timeout=60000")
            if ":memory:" not in url and "mode=memory" not in url and not read_only:
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


def check_schema(engine: Engine, where: str) -> None:
    """For a store opened read-only (no migrations): its schema must be this geomap's."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        conn.rollback()
    head = _alembic_head()
    if current == head:
        return
    if current is None:
        raise GeomapError(f"{where} is not a geomap database (no schema version)")
    if current not in _known_revisions():
        raise GeomapError(
            f"the database schema is at revision {current!r}, which this geomap does not "
            "know (made by a newer version?): upgrade geomap"
        )
    raise GeomapError(
        f"{where} is read-only and its schema (revision {current}) is older than this "
        f"geomap's ({head}): open it once with write access (any write command) to upgrade it"
    )


# Driver messages that mean "this connection may not write" (SQLite file, PostgreSQL role or
# a read-only transaction/standby).
_READ_ONLY_SIGNS = ("readonly database", "read-only", "permission denied", "read only")


class StoreBase:
    """Connection plumbing shared by the Store's parts (ingest, selection, reviews)."""

    def __init__(
        self, engine: Engine, places: PlaceLookup | None = None, *, read_only: bool = False
    ):
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)
        self.read_only = read_only  # opened read-only (a SQLite file we may not write)
        # Names in place filters are resolved by this lookup (the store never asks the
        # gazetteer itself); without one, only ids and stored place names are understood.
        self.places: PlaceLookup = places or NoPlaceLookup()

    def __enter__(self) -> Self:
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
        """One write transaction (BEGIN IMMEDIATE on SQLite); rolled back on any error.

        A store that may not be written (opened read-only, a SQLite file without write
        permission, a PostgreSQL role without the privilege) raises GeomapError saying so.
        """
        if self.read_only:
            raise GeomapError(f"database {self.url} was opened read-only: it cannot be changed")
        try:
            with self.engine.connect() as conn:
                conn.execution_options(geomap_write=True)
                with conn.begin():
                    yield conn
        except DBAPIError as exc:
            why = " ".join(str(exc.orig or exc).split())
            if not any(sign in why.lower() for sign in _READ_ONLY_SIGNS):
                raise
            raise GeomapError(
                f"cannot write to database {self.url}: {why.split(' LINE ')[0]} (this command "
                "needs write access; the read commands claims, export, map, report still work)"
            ) from None

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn
