"""A store this process may not write still serves every read command (claims, export, map,
report), and each write command says why it cannot run.

SQLite: the commands run in a child process without the capabilities that let root ignore
file permissions (setpriv drops CAP_DAC_OVERRIDE), against a file or a folder made read-only.
PostgreSQL: a role that may only SELECT.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures_pg import make_claim, make_source

from geomap.cli import main
from geomap.store import open_store

GEOMAP = str(Path(sys.executable).with_name("geomap"))
READS = [
    ("claims", "1001"),
    ("export", "--format", "geojson"),
    ("map", "-o", "m.html"),
    ("report", "-o", "r.html"),
    ("review", "--list"),
]
WRITES = [
    ("review", "1", "--status", "rejected"),
    ("add", "709354", "--side", "russia", "--type", "captured"),
]


def _fill(url: str) -> None:
    with open_store(url) as s:
        s.ingest(make_source(1), [make_claim("toretsk"), make_claim("kyiv", type="strike")])


def _unprivileged() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv (util-linux) is missing")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


def _run(tmp_path: Path, db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*_unprivileged(), GEOMAP, *args, "--db", str(db)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_sqlite_store(tmp_path, what):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "claims.db"
    _fill(f"sqlite:///{db}")
    (tmp_path / "out").mkdir()
    if what == "file":
        db.chmod(0o444)
    else:
        folder.chmod(0o555)
    try:
        out = {}
        for args in READS:
            res = _run(tmp_path / "out", db, *args)
            assert res.returncode == 0, (args, res.stderr)
            assert res.stderr == "", (args, res.stderr)
            out[args[0]] = res.stdout
        assert "Toretsk" in out["claims"] and '"FeatureCollection"' in out["export"]
        assert "Kyiv" in (tmp_path / "out" / "m.html").read_text()
        why = "no write permission on the file" if what == "file" else "is not writable"
        for args in WRITES:
            res = _run(tmp_path, db, *args)
            assert res.returncode == 1, args
            assert res.stderr.startswith(f"geomap: error: database {db} is read-only ("), res.stderr
            assert why in res.stderr and "Traceback" not in res.stderr
            assert len(res.stderr.splitlines()) == 1
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    with open_store(f"sqlite:///{db}") as s:
        assert s.count()["claims"] == 2 and {c.review_status for c in s.claims()} == {"unreviewed"}


def test_read_only_sqlite_store_with_an_old_schema_is_refused_clearly(tmp_path):
    from geomap.store import migrate
    from geomap.store.engine import _make_engine

    db = tmp_path / "old.db"
    engine = _make_engine(f"sqlite:///{db}")
    migrate(engine, "0002")
    engine.dispose()
    db.chmod(0o444)
    try:
        res = _run(tmp_path, db, "claims")
    finally:
        db.chmod(0o644)
    assert res.returncode == 1
    assert f"database {db} is read-only and its schema (revision 0002) is older" in res.stderr
    assert "open it once with write access" in res.stderr


@pytest.mark.postgres
def test_read_only_postgresql_role(pg_server, tmp_path, monkeypatch):
    import psycopg

    url = pg_server.new_database()
    _fill(url)
    dbname = url.rsplit("/", 1)[1]
    with psycopg.connect(
        f"host=127.0.0.1 port={pg_server.port} user=postgres dbname={dbname}", autocommit=True
    ) as c:
        c.execute("DO $$ BEGIN CREATE ROLE reader LOGIN; EXCEPTION WHEN duplicate_object "
                  "THEN NULL; END $$")  # fmt: skip
        c.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    ro_url = url.replace("postgres@", "reader@")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in READS:
        res = runner.invoke(main, [*args, "--db", ro_url])
        assert res.exit_code == 0, (args, res.output)
    for args in WRITES:
        res = runner.invoke(main, [*args, "--db", ro_url])
        assert res.exit_code == 1, (args, res.output)
        assert "cannot write to database" in res.output and "permission denied" in res.output
        assert "Traceback" not in res.output and len(res.output.splitlines()) == 1
    with open_store(url) as s:
        assert s.count()["claims"] == 2
