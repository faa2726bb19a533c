"""Alembic environment: run by geomap.store.open_store with the store's own connection.

Run online only; the caller holds the write lock (SQLite BEGIN IMMEDIATE / PostgreSQL advisory
lock), so several processes opening one database at once migrate it exactly once.
"""

from __future__ import annotations

from alembic import context

from geomap.model import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via open_store
    raise RuntimeError("geomap migrations run through geomap.store.open_store(url)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
