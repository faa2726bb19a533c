"""Schema migrations: a new database is at head and matches the model; old ones are upgraded."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fixtures_pg import make_claim, make_source
from sqlalchemy import inspect, text

from geomap.errors import GeomapError
from geomap.model import Base
from geomap.store import _alembic_head, _make_engine, migrate, normalize_url, open_store


def _revision(engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def test_new_database_is_at_head_and_matches_model(db_url):
    with open_store(db_url) as s:
        assert _revision(s.engine) == _alembic_head() == "0007"
        with s.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def _v1_database(url: str) -> None:
    """A database at revision 0001 holding one machine claim made by extractor 2.0."""
    engine = _make_engine(normalize_url(url))
    migrate(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO sources (id, url, content_hash, title) VALUES "
            f"(1, 'https://news.example/1', '{1:064x}', 'old')"
        ))  # fmt: skip
        conn.execute(text(
            "INSERT INTO places (id, name, precision, lat, lon) "
            "VALUES ('1001', 'Toretsk', 'settlement', 48.3978, 37.8469)"
        ))  # fmt: skip
        conn.execute(text(
            "INSERT INTO claims (place_id, source_id, side, type, claim_date, date_precision, "
            "confidence, extractor, extractor_version, origin, review_status) VALUES "
            "('1001', 1, 'russia', 'captured', '2025-02-07', 'day', 1.0, 'rules', '2.0', "
            "'machine', 'unreviewed')"
        ))  # fmt: skip
    assert _revision(engine) == "0001"
    assert "extractor_version" not in {c["name"] for c in inspect(engine).get_columns("sources")}
    engine.dispose()


def test_old_revision_is_upgraded_on_open_and_data_kept(db_url):
    _v1_database(db_url)
    with open_store(db_url) as s:
        assert _revision(s.engine) == "0007"
        [c] = s.claims()
        assert (c.place.name, c.type, str(c.claim_date)) == ("Toretsk", "captured", "2025-02-07")
        # The backfilled extractor version decides re-ingest: 1.5 is older, 2.1 newer.
        assert s.ingest(make_source(1), [make_claim(extractor_version="1.5")]).duplicate
        res = s.ingest(make_source(1), [make_claim(extractor_version="2.1")])
        assert (res.added, res.replaced) == (1, 1)
        names = {i["name"] for i in inspect(s.engine).get_indexes("places")}
        assert {"ix_places_lat_lon", "ix_places_admin1"} <= names


def test_database_made_before_migrations_existed_is_adopted(db_url):
    _v1_database(db_url)
    engine = _make_engine(normalize_url(db_url))
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    engine.dispose()
    with open_store(db_url) as s:
        assert _revision(s.engine) == "0007"
        assert s.count()["claims"] == 1


def test_sqlite_pragmas(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'p.db'}") as s, s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 60000


def test_default_url_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_DB", str(tmp_path / "env.db"))
    assert normalize_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.delenv("GEOMAP_DB")
    assert normalize_url(None) == "sqlite:///geomap.db"
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_database_from_a_newer_geomap_is_refused(db_url):
    with open_store(db_url) as s, s.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(GeomapError, match="revision '9999'.*upgrade geomap"):
        open_store(db_url)
