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

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    inspect,
)

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


class StoreBase:
    """Connection plumbing shared by the Store's parts (ingest, selection, reviews)."""

    def __init__(self, engine: Engine, places: PlaceLookup | None = None):
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)
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
        """One write transaction (BEGIN IMMEDIATE on SQLite); rolled back on any error."""
        with self.engine.connect() as conn:
            conn.execution_options(geomap_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn
