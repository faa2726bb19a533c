"""`geomap place` and `geomap place-import`: thin commands, clear errors, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures_gazetteer import GEONAMES_ROWS, write_small_source, write_tsv

from geomap.cli import main


def _run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def test_place_table(gaz):
    r = _run("place", "Dzerzhinsk", "--context", "Donetsk Oblast", "--limit", "3")
    assert r.exit_code == 0, r.output
    first = r.output.splitlines()[1]
    assert "709354" in first and "Toretsk" in first
    assert "region UA.05 in context" in r.output


def test_place_json(gaz):
    r = _run("place", "Sumy region", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data[0]["admin1"] == "UA.21" and data[0]["precision"] == "region"
    r = _run("place", "Pokrovsk", "--country", "UA", "--json")
    data = json.loads(r.output)
    assert data[0]["geonameid"] == 704422
    assert {"name", "lat", "lon", "country", "precision", "population", "score", "reasons"} <= set(
        data[0]
    )
    assert all(d["country"] == "UA" for d in data)


def test_unknown_place_suggests(gaz):
    r = _run("place", "Bakhmutx")
    assert r.exit_code == 1
    assert "did you mean" in r.output and "Bakhmut" in r.output


@pytest.mark.parametrize("bad", ["", "x" * 10_240, "Sumy\x1b[2J", "To\x00retsk"])
def test_bad_names_cli_runner(gaz, bad):
    r = _run("place", bad)
    assert r.exit_code == 1
    assert "geomap: error:" in r.output and "Traceback" not in r.output


def _geomap_cmd() -> list[str]:
    exe = shutil.which("geomap", path=os.path.dirname(sys.executable)) or shutil.which("geomap")
    return [exe] if exe else [sys.executable, "-m", "geomap.cli"]


@pytest.mark.parametrize("bad", ["", "y" * 10_240, "Sumy\x07bell"])
def test_bad_names_console_script(gaz, bad):
    p = subprocess.run([*_geomap_cmd(), "place", bad], capture_output=True, text=True, timeout=120)
    assert p.returncode == 1
    assert p.stderr.startswith("geomap: error:") and "Traceback" not in p.stderr


def test_console_script_json(gaz):
    p = subprocess.run(
        [*_geomap_cmd(), "place", "Часів Яр", "--json"], capture_output=True, text=True, timeout=120
    )
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)[0]["geonameid"] == 710915


def test_place_import_command(tmp_path: Path):
    src = write_small_source(tmp_path)
    cache = tmp_path / "c" / "gaz.sqlite"
    from gazetteer import Gazetteer

    Gazetteer.build(source=src, cache=cache).close()
    env = {"GEOMAP_GAZETTEER_CACHE": str(cache)}
    dump = write_tsv(tmp_path / "UA.txt", GEONAMES_ROWS)
    r = _run("place-import", str(dump), env=env)
    assert r.exit_code == 0, r.output
    assert "imported 2 places" in r.output
    bad = write_tsv(tmp_path / "bad.txt", [GEONAMES_ROWS[0][:5]])
    r = _run("place-import", str(bad), env=env)
    assert r.exit_code == 1 and f"{bad}:1:" in r.output and "Traceback" not in r.output
