"""Database fixtures: `db_url` runs a test on SQLite and on a real, throw-away PostgreSQL server.

The server is started once per session from the PostgreSQL server binaries (Debian package
`postgresql`: /usr/lib/postgresql/*/bin) with initdb/pg_ctl in a temporary directory on a free
port. initdb refuses to run as root, so as root the commands run as the `postgres` system user
(`runuser -u postgres --`). Without the binaries the PostgreSQL variants skip with the reason.
bench/bench_store.py reuses TempPostgres.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

__all__ = ["TempPostgres", "pg_server", "db_url", "store"]


def _find_bindir() -> Path | None:
    env = os.environ.get("GEOMAP_PG_BIN")
    cands = [env] if env else []
    cands += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True
    )
    which = shutil.which("initdb")
    if which:
        cands.append(str(Path(which).parent))
    for c in cands:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TempPostgres:
    """A private PostgreSQL cluster in a temp dir; start() / new_database() / stop()."""

    def __init__(self, bindir: Path, user: str | None):
        self.bindir = bindir
        self.user = user  # run server commands as this OS user (needed when we are root)
        self.dir: Path | None = None
        self.port = 0
        self._names = itertools.count(1)

    @classmethod
    def unavailable_reason(cls) -> str | None:
        if _find_bindir() is None:
            return (
                "PostgreSQL server binaries not found (apt-get install postgresql, "
                "or set GEOMAP_PG_BIN to the dir holding initdb/pg_ctl)"
            )
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                return "running as root and there is no 'postgres' user to run initdb as"
            if shutil.which("runuser") is None:
                return "running as root and runuser is missing"
        try:
            import psycopg  # noqa: F401
        except ImportError:
            return "psycopg is not installed (pip install 'psycopg[binary]')"
        return None

    @classmethod
    def create(cls) -> TempPostgres:
        reason = cls.unavailable_reason()
        if reason:
            raise RuntimeError(reason)
        return cls(_find_bindir(), "postgres" if os.geteuid() == 0 else None)  # type: ignore[arg-type]

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        res = subprocess.run(cmd, capture_output=True, text=True, cwd="/")
        if res.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{res.stdout}\n{res.stderr}")

    def start(self) -> TempPostgres:
        self.dir = Path(tempfile.mkdtemp(prefix="geomap-pg-"))
        if self.user:
            pw = pwd.getpwnam(self.user)
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        data = self.dir / "data"
        self._run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C", "--no-sync")  # fmt: skip
        self.port = _free_port()
        opts = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        self._run("pg_ctl", "-D", str(data), "-o", opts, "-l", str(self.dir / "log"), "-w", "start")
        atexit.register(self.stop)
        return self

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def new_database(self, prefix: str = "t") -> str:
        """Create an empty database and return its SQLAlchemy URL."""
        import psycopg

        name = f"{prefix}{os.getpid()}_{next(self._names)}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.dir is None:
            return
        d, self.dir = self.dir, None
        try:
            self._run("pg_ctl", "-D", str(d / "data"), "-m", "immediate", "-w", "stop")
        except RuntimeError:
            pass
        shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    """A running throw-away PostgreSQL server for this test session (stopped at the end)."""
    reason = TempPostgres.unavailable_reason()
    if reason:
        pytest.skip(reason)
    srv = TempPostgres.create().start()
    yield srv
    srv.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """An empty database URL: a SQLite file, then a fresh database on the session's server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'geomap.db'}"
    return request.getfixturevalue("pg_server").new_database()


@pytest.fixture
def store(db_url):
    """An opened (migrated) store on db_url."""
    from geomap.store import open_store

    s = open_store(db_url)
    yield s
    s.close()


# -- hand-built records for the store tests (no gazetteer needed) ----------------------------
def _records():
    from geomap.records import PlaceRef

    return {
        "toretsk": PlaceRef(
            "1001", "Toretsk", "settlement", 48.3978, 37.8469, "UA", "UA.05", 30000
        ),
        "pokrovsk": PlaceRef(
            "1002", "Pokrovsk", "settlement", 48.2820, 37.1758, "UA", "UA.05", 60000
        ),
        "chasiv_yar": PlaceRef("1003", "Chasiv Yar", "settlement", 48.5860, 37.8350, "UA", "UA.05"),
        "kyiv": PlaceRef("1004", "Kyiv", "settlement", 50.4501, 30.5234, "UA", "UA.30", 2900000),
        "lysychansk": PlaceRef(
            "1005", "Lysychansk", "settlement", 48.9167, 38.4333, "UA", "UA.14", 95000
        ),
        "donbas": PlaceRef("UA.DONBAS", "Donbas", "region", 48.3, 38.5, "UA", None),
        "donetsk_oblast": PlaceRef(
            "UA.05",
            "Donetsk Oblast",
            "region",
            48.0,
            37.8,
            "UA",
            "UA.05",
            None,
            "POLYGON ((36.5 47, 39 47, 39 49.3, 36.5 49.3, 36.5 47))",
        ),  # fmt: skip
    }


def make_claim(place: str = "toretsk", side: str = "russia", type: str = "captured",
               day: str | None = "2025-02-07", source=None, **kw):  # fmt: skip
    """A ClaimRecord about one of the hand-built places (see _records)."""
    from datetime import date

    from geomap.records import ClaimRecord

    kw.setdefault("claimant", f"{side} spokesperson")
    kw.setdefault("extractor", "rules")
    kw.setdefault("extractor_version", "1.0")
    return ClaimRecord(
        place=_records()[place],
        side=side,
        type=type,
        claim_date=date.fromisoformat(day) if day else None,
        source=source,
        **kw,
    )


def make_source(n: int = 1, **kw):
    from datetime import date, datetime

    from geomap.records import SourceRecord

    kw.setdefault("url", f"https://news.example/{n}")
    kw.setdefault("content_hash", f"{n:064x}")
    kw.setdefault("title", f"Report {n}")
    kw.setdefault("outlet", "Example News")
    kw.setdefault("published", date(2025, 2, 8))
    kw.setdefault("ingested_at", datetime(2025, 2, 8, 12, 0, 0, 123456))
    return SourceRecord(**kw)


__all__ += ["make_claim", "make_source"]
