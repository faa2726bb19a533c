"""Every file geomap writes is replaced atomically: a failed write (full disk, missing folder,
an error while producing it) leaves the old file intact and names the path and the reason.

The failures are real: a child process runs with a file-size limit (RLIMIT_FSIZE, the kernel
then refuses the write with EFBIG exactly like a full disk refuses it with ENOSPC), stdout is
/dev/full, or the folder does not exist.
"""

from __future__ import annotations

import os
import resource
import secrets
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures_pg import make_claim, make_source

from geomap.atomic import atomic_write, write_text
from geomap.errors import GeomapError

GEOMAP = str(Path(sys.executable).with_name("geomap"))
OLD = "old content that must survive\n"


@pytest.fixture
def big_db(tmp_path) -> str:
    """A store whose export and map are far over the 256 kB limit the failing runs get."""
    from geomap.store import open_store

    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with open_store(url) as s:
        s.import_claims(
            make_claim(["toretsk", "kyiv"][i % 2], quote=f"quote {i} " + "x" * 400,
                       source=make_source(i))
            for i in range(1200)
        )  # fmt: skip
    return url


def _geomap(*args: str, cwd: Path, fsize: int | None = None, stdout=subprocess.PIPE):
    def limit() -> None:
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [GEOMAP, *args], cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, text=True,
        preexec_fn=limit, timeout=300,
    )  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ("export", "-o", "{out}.csv"),
        ("export", "-o", "{out}.geojson"),
        ("map", "-o", "{out}.html"),
        ("report", "-o", "{out}.html"),
    ],
)
def test_a_write_that_fails_halfway_leaves_the_old_file(big_db, tmp_path, args):
    out = tmp_path / "result"
    args = tuple(a.format(out=out) for a in args)
    target = Path(args[-1])
    target.write_text(OLD)
    res = _geomap(*args, "--db", big_db, cwd=tmp_path, fsize=256_000)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert res.stderr.startswith(f"geomap: error: cannot write {target}: File too large")
    assert target.read_text() == OLD
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    # and without the limit the same command replaces the file
    assert _geomap(*args, "--db", big_db, cwd=tmp_path).returncode == 0
    assert target.read_text() != OLD


def test_stdout_on_a_full_disk_is_one_line_not_a_traceback(big_db, tmp_path):
    for args in (("export", "--format", "jsonl"), ("claims",), ("claims", "--csv")):
        with open("/dev/full", "w") as full:
            res = _geomap(*args, "--db", big_db, cwd=tmp_path, stdout=full)
        assert res.returncode == 1, args
        assert res.stderr == "geomap: error: cannot write the output: No space left on device\n"


def test_an_absolute_path_in_a_missing_folder_creates_nothing(big_db, tmp_path):
    root = Path(f"/geomap-test-{secrets.token_hex(4)}")
    try:
        for cmd in ("map", "report", "export"):
            out = root / "dir" / ("x.csv" if cmd == "export" else "x.html")
            res = _geomap(cmd, "--db", big_db, "-o", str(out), cwd=tmp_path)
            assert res.returncode == 1
            assert f"cannot write {out}: folder {out.parent} does not exist" in res.stderr
            assert not root.exists()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_missing_folders_are_created_under_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_text(Path("maps") / "out" / "x.html", "page")
    assert (tmp_path / "maps" / "out" / "x.html").read_text() == "page"
    outside = tmp_path.parent / f"geomap-outside-{secrets.token_hex(4)}"
    with pytest.raises(GeomapError, match="does not exist"):
        write_text(Path("..") / outside.name / "x.html", "page")
    assert not outside.exists()


def test_atomic_write_keeps_the_old_file_on_an_error_inside(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text(OLD)
    os.chmod(target, 0o640)
    with pytest.raises(ZeroDivisionError), atomic_write(target) as fp:
        fp.write("half")
        1 / 0  # noqa: B018
    assert target.read_text() == OLD and sorted(tmp_path.iterdir()) == [target]
    write_text(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file keeps its mode


def test_atomic_write_to_a_device_writes_through(tmp_path):
    with pytest.raises(GeomapError, match="cannot write /dev/full: No space left on device"):
        write_text("/dev/full", "x" * 100_000)
    assert Path("/dev/full").is_char_device()
    with pytest.raises(GeomapError, match="is a folder"):
        write_text(tmp_path, "x")


def test_demo_writes_an_untracked_page_not_the_committed_one(tmp_path, monkeypatch, gaz):
    from click.testing import CliRunner

    from geomap.cli import main
    from geomap.demo import DEFAULT_OUT

    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["demo"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / DEFAULT_OUT).read_text().startswith("<!DOCTYPE html>")
    assert not (tmp_path / "maps" / "demo.html").exists()
    root = Path(__file__).resolve().parent.parent
    if shutil.which("git") is None or not (root / ".git").exists():
        return  # an unpacked release: nothing to keep clean
    ignored = subprocess.run(["git", "-C", str(root), "check-ignore", "-q", str(DEFAULT_OUT)])
    assert ignored.returncode == 0, f"{DEFAULT_OUT} is not ignored by git"
    tracked = subprocess.run(["git", "-C", str(root), "ls-files", "--error-unmatch",
                              str(DEFAULT_OUT)], capture_output=True)  # fmt: skip
    assert tracked.returncode != 0


def test_atomic_write_through_a_symlink_keeps_the_link(tmp_path):
    real = tmp_path / "real.html"
    real.write_text(OLD)
    link = tmp_path / "link.html"
    link.symlink_to(real)
    write_text(link, "new page")
    assert link.is_symlink() and real.read_text() == "new page"
    long_name = tmp_path / ("n" * 250 + ".csv")  # the temporary name must still fit
    write_text(long_name, "x")
    assert long_name.read_text() == "x"
