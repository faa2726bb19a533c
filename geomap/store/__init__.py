"""The claims store: SQLAlchemy 2 on SQLite (default) or PostgreSQL, migrated on open.

Writes are short transactions; on SQLite they start with BEGIN IMMEDIATE so several processes
writing one file queue on the lock (busy_timeout) instead of deadlocking on a lock upgrade.
Bulk paths use Core executemany; the ORM model only defines the schema.

The Store is assembled from one part per concern: engine (URLs, connections, migrations),
ingest (ingest, add_claim, import_claims), selection (claims, iter_claims, get_place, count)
and reviews (review). Rows are mapped to records in rows.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from geomap.errors import GeomapError
from geomap.places import GazetteerLookup, PlaceLookup
from geomap.store.engine import (
    DEFAULT_URL,
    MIGRATIONS_DIR,
    _make_engine,
    check_schema,
    migrate,
    normalize_url,
    sqlite_access,
    sqlite_path,
)
from geomap.store.ingest import ImportResult, IngestMixin, IngestResult
from geomap.store.reviews import ReviewMixin
from geomap.store.rows import is_newer_version, version_key
from geomap.store.selection import SelectionMixin


class Store(IngestMixin, SelectionMixin, ReviewMixin):
    """A claims database. Create with open_store(); close() when done (or use `with`)."""


def open_store(
    url: str | None = None,
    *,
    migrate_schema: bool = True,
    places: PlaceLookup | None = None,
    read_only: bool = False,
) -> Store:
    """Open (and create/upgrade) the store at `url` (see normalize_url).

    `places` resolves place names in filters; by default the offline gazetteer (loaded on the
    first name query only). `read_only` is for commands that only read: a SQLite file or
    folder this process may not write is then opened read-only, without migrations (an old
    schema is refused with a message); without it such a store raises GeomapError saying why
    the command cannot run.
    """
    url = normalize_url(url)
    where = str(sqlite_path(url) or url)
    url, opened_ro = sqlite_access(url, read_only)
    try:
        engine = _make_engine(url, read_only=opened_ro)
        if opened_ro:
            check_schema(engine, f"database {where}")
        elif migrate_schema:
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
    lookup = places if places is not None else GazetteerLookup()
    return Store(engine, lookup, read_only=opened_ro)


__all__ = ["DEFAULT_URL", "MIGRATIONS_DIR", "ImportResult", "IngestResult", "Store",
           "is_newer_version", "migrate", "normalize_url", "open_store", "version_key"]  # fmt: skip
