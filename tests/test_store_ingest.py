"""Ingest, dedupe, replacement by newer extractors, atomicity and concurrent writers."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap

import pytest
from fixtures_pg import make_claim, make_source
from sqlalchemy import inspect

from geomap.errors import GeomapError
from geomap.query import ClaimFilter
from geomap.records import PlaceRef
from geomap.store import is_newer_version, open_store


def test_ingest_stores_source_places_claims(store):
    src = make_source(1)
    res = store.ingest(src, [make_claim(), make_claim("pokrovsk", "ukraine", "holding")])
    assert (res.added, res.replaced, res.duplicate) == (2, 0, False)
    got = store.claims()
    assert [c.place.name for c in got] == ["Toretsk", "Pokrovsk"]
    assert all(c.source == src and c.id for c in got)
    assert got[0].source is got[1].source  # one SourceRecord per stored source
    assert store.count() == {"sources": 1, "places": 2, "claims": 2}


def test_same_url_or_same_content_is_duplicate(store):
    first = store.ingest(make_source(1), [make_claim()])
    same_url = store.ingest(make_source(1, content_hash="ff" * 32), [make_claim()])
    same_hash = store.ingest(make_source(1, url="https://mirror.example/x"), [make_claim()])
    assert same_url.duplicate and same_hash.duplicate
    assert same_url.source_id == same_hash.source_id == first.source_id
    assert (same_url.added, same_hash.added) == (0, 0)
    assert store.count()["claims"] == 1 and store.count()["sources"] == 1


def test_newer_extractor_replaces_machine_claims_keeps_human_and_reviewed(store):
    src = make_source(1)
    old = [
        make_claim(quote="old machine"),
        make_claim("pokrovsk", quote="reviewed", review_status="confirmed"),
    ]
    sid = store.ingest(src, old).source_id
    store.add_claim(make_claim("chasiv_yar", "ukraine", "holding", source=src, origin="human",
                               extractor=None, extractor_version=None))  # fmt: skip
    assert store.count()["claims"] == 3
    # Same version again: duplicate, nothing changes. Older version: also duplicate.
    assert store.ingest(src, [make_claim(quote="same version")]).duplicate
    older = [make_claim(quote="older", extractor_version="0.9")]
    assert store.ingest(src, older).duplicate
    new = [
        make_claim(quote="new machine", extractor_version="1.10"),
        make_claim(
            "pokrovsk", quote="reviewed", extractor_version="1.10", review_status="confirmed"
        ),
    ]
    res = store.ingest(src, new)
    assert (res.source_id, res.added, res.replaced, res.duplicate) == (sid, 1, 1, False)
    quotes = sorted(c.quote or "" for c in store.claims())
    assert quotes == ["", "new machine", "reviewed"]  # human + reviewed kept, reviewed not doubled
    assert store.ingest(src, new).duplicate  # 1.10 is now the stored version


def test_version_order_is_numeric():
    assert is_newer_version("1.10", "1.9")
    assert is_newer_version("2", None)
    assert not is_newer_version(None, "1.0")
    assert not is_newer_version("1.0", "1.0")


def test_failed_ingest_leaves_database_unchanged(store):
    store.ingest(make_source(1), [make_claim()])
    before = store.count()
    broken = PlaceRef("2001", "Nowhere", "settlement", None, 1.0)  # type: ignore[arg-type]
    claims = [make_claim("kyiv"), dataclasses.replace(make_claim(), place=broken)]
    with pytest.raises(GeomapError):
        store.ingest(make_source(2), claims)
    # Bulk path (> 50 rows: driver executemany / COPY): a bad claim value mid-way.
    bulk = [make_claim("kyiv", quote=str(i)) for i in range(80)]
    bulk[60].side = None  # type: ignore[assignment]  # bypasses validation, as a bug would
    with pytest.raises(GeomapError):
        store.ingest(make_source(3), bulk)
    with pytest.raises(GeomapError):
        store.import_claims(bulk)
    with pytest.raises(GeomapError):
        store.ingest(make_source(2), claims)
    with pytest.raises(GeomapError):
        store.import_claims(claims)
    assert store.count() == before


def test_add_claim_without_source(store):
    cid = store.add_claim(make_claim(origin="human", extractor=None, extractor_version=None))
    [c] = store.claims()
    assert c.id == cid and c.source is None and c.origin == "human"


_KILLED = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    from fixtures_pg import make_claim, make_source
    from geomap.store import open_store
    store = open_store({url!r})
    def claims():
        for i in range(30000):
            yield make_claim(source=make_source(i % 50), quote=str(i))
        os.kill(os.getpid(), signal.SIGKILL)  # killed mid-transaction, after a batch was sent
    store.import_claims(claims())
    """
)


def test_killed_import_leaves_database_as_it_was(db_url, project_root):
    with open_store(db_url) as s:
        s.ingest(make_source(999), [make_claim()])
        before = s.count()
    code = _KILLED.format(tests=str(project_root / "tests"), url=db_url)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == -9, res.stderr
    with open_store(db_url) as s:
        assert s.count() == before
        names = {i["name"] for i in inspect(s.engine).get_indexes("claims")}
    assert {"ix_claims_place_id_claim_date", "ix_claims_side"} <= names  # bulk mode rolled back


_WORKER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from fixtures_pg import make_claim, make_source
    from geomap.store import open_store
    w = int(sys.argv[1])
    store = open_store({url!r})
    for i in range(15):
        n = w * 1000 + i
        src = make_source(n)
        claims = [make_claim(["toretsk", "pokrovsk", "kyiv"][j % 3], quote=f"{{n}}-{{j}}")
                  for j in range(20)]
        r = store.ingest(src, claims)
        assert r.added == 20 and not r.duplicate, r
    store.close()
    """
)


def test_four_processes_ingesting_at_once_lose_nothing(db_url, project_root):
    """Fresh database: the four also race on creating the schema (migration under the lock)."""
    code = _WORKER.format(tests=str(project_root / "tests"), url=db_url)
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(w)], stderr=subprocess.PIPE, text=True)
        for w in range(4)
    ]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errs
    with open_store(db_url) as s:
        assert s.count() == {"sources": 60, "places": 3, "claims": 1200}
        quotes = {c.quote for c in s.claims()}
    assert len(quotes) == 1200


def test_bulk_import_fast_path_is_lossless(store):
    """> 50 rows take the driver executemany (SQLite) / COPY (PostgreSQL) path."""
    places = ["toretsk", "pokrovsk", "kyiv", "chasiv_yar", "donetsk_oblast"]
    claims = [
        make_claim(
            places[i % 5],
            ["russia", "ukraine", "third-party"][i % 3],
            ["captured", "holding", "strike", "assessment"][i % 4],
            None if i % 7 == 0 else f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
            source=None if i % 10 == 0 else make_source(i % 13),
            quote=f"quote {i} with 'quotes', \"double\" and\nnewline",
            start=i,
            end=None if i % 3 else i + 5,
            confidence=i / 300,
            notes=None if i % 2 else "n",
        )
        for i in range(300)
    ]
    res = store.import_claims(claims)
    assert (res.added, res.skipped, res.sources_added) == (300, 0, 13)
    got = store.claims()
    key = lambda c: c.quote  # noqa: E731
    assert sorted(got, key=key) == sorted(claims, key=key)
    assert {c.quote: c.source for c in got} == {c.quote: c.source for c in claims}
    again = store.import_claims(claims)
    assert (again.added, again.skipped, again.sources_added) == (0, 300, 0)


def test_import_maps_same_article_under_two_urls_to_one_source(store):
    a = make_source(1)
    b = make_source(1, url="https://mirror.example/1")  # same content hash, other URL
    res = store.import_claims([make_claim(source=a, quote="a"), make_claim(source=b, quote="b")])
    assert (res.added, res.sources_added) == (2, 1)
    assert store.count()["sources"] == 1


def test_bulk_load_mode_rebuilds_indexes(store, monkeypatch):
    """A big import into a small table drops and rebuilds the claims indexes (SQLite)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import geomap.store.ingest
    from geomap.model import Base

    monkeypatch.setattr(geomap.store.ingest, "BATCH", 100)
    claims = [make_claim(["toretsk", "kyiv"][i % 2], quote=str(i)) for i in range(350)]
    assert store.import_claims(claims).added == 350
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    assert len(store.claims(ClaimFilter(place="1004"))) == 175


def test_review_protects_a_claim_from_replacement(store):
    src = make_source(1)
    store.ingest(src, [make_claim(quote="keep me"), make_claim("kyiv", quote="replace me")])
    keep = next(c for c in store.claims() if c.quote == "keep me")
    store.review(keep.id, "confirmed")
    with pytest.raises(GeomapError, match="no claim with id"):
        store.review(999_999, "confirmed")
    with pytest.raises(GeomapError, match="review status"):
        store.review(keep.id, "approved")
    res = store.ingest(src, [make_claim("kyiv", quote="new", extractor_version="2.0")])
    assert (res.added, res.replaced) == (1, 1)
    assert sorted(c.quote for c in store.claims()) == ["keep me", "new"]


def test_default_database_is_geomap_db_in_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GEOMAP_DB", raising=False)
    with open_store() as s:
        s.add_claim(make_claim())
    assert (tmp_path / "geomap.db").exists()


_BULK_WORKER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from fixtures_pg import make_claim, make_source
    from geomap.store import open_store
    w = int(sys.argv[1])
    store = open_store({url!r})
    if w < 2:  # two big imports (bulk-load mode on SQLite) ...
        claims = (make_claim(["toretsk", "pokrovsk", "kyiv"][i % 3],
                             source=make_source(w * 100000 + i // 50), quote=f"{{w}}-{{i}}")
                  for i in range(25000))
        assert store.import_claims(claims).added == 25000
    else:  # ... racing two ingesters
        for i in range(10):
            src = make_source(w * 1000 + i)
            claims = [make_claim(quote=f"{{w}}-{{i}}-{{j}}") for j in range(5)]
            assert store.ingest(src, claims).added == 5
    store.close()
    """
)


def test_concurrent_bulk_imports_and_ingests_lose_nothing(db_url, project_root):
    code = _BULK_WORKER.format(tests=str(project_root / "tests"), url=db_url)
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(w)], stderr=subprocess.PIPE, text=True)
        for w in range(4)
    ]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errs
    with open_store(db_url) as s:
        assert s.count()["claims"] == 2 * 25000 + 2 * 50
        assert len(s.claims(ClaimFilter(place="1001"))) == 2 * 8334 + 100
        with s.engine.connect() as conn:
            from alembic.autogenerate import compare_metadata
            from alembic.runtime.migration import MigrationContext

            from geomap.model import Base

            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_review_many_is_all_or_nothing_and_appends_notes(store):
    store.ingest(make_source(1), [make_claim(quote="a", notes="from the extractor"),
                                  make_claim("kyiv", quote="b")])  # fmt: skip
    a, b = store.claims()
    with pytest.raises(GeomapError, match="no claim with id 999999; nothing changed"):
        store.review([a.id, 999_999], "rejected")
    assert {c.review_status for c in store.claims()} == {"unreviewed"}
    assert store.review([a.id, b.id, a.id], "confirmed", note="  checked  ") == 2
    got = {c.quote: c for c in store.claims()}
    assert got["a"].notes == "from the extractor\nreview: checked"
    assert got["b"].notes == "review: checked"
    assert store.review(a.id, "unreviewed") == 1  # undo: the next newer extractor replaces it
    res = store.ingest(make_source(1), [make_claim(quote="c", extractor_version="2.0")])
    assert (res.added, res.replaced) == (1, 1)
    assert sorted(c.quote for c in store.claims()) == ["b", "c"]
    with pytest.raises(GeomapError, match="no claim id given"):
        store.review([], "confirmed")
