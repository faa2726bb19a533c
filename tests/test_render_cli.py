"""`geomap map`, `geomap report`, `geomap assets` over a real SQLite store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.render.samples import XSS_IMG, sample_claims


@pytest.fixture
def db(tmp_path) -> str:
    from geomap.store import open_store

    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with open_store(url) as store:
        store.import_claims(sample_claims())
    return url


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_map_writes_a_full_page(db, tmp_path):
    out = tmp_path / "m.html"
    r = run("map", "--db", db, "-o", str(out))
    assert r.exit_code == 0, r.output
    assert "8 claims, 6 places" in r.output
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") and "geomapClaimsMap(" in html
    assert XSS_IMG not in html and "Toretsk" in html


def test_map_filters_like_claims(db, tmp_path):
    out = tmp_path / "m.html"
    r = run("map", "--db", db, "-o", str(out), "--as-of", "2024-12-31")
    assert r.exit_code == 0, r.output
    assert "2 claims, 2 places" in r.output
    assert "Toretsk" not in out.read_text()
    r = run("map", "--db", db, "-o", str(out), "--contested")
    assert r.exit_code == 0 and "3 claims, 1 places" in r.output
    r = run("map", "--db", db, "-o", str(out), "--side", "ukraine")
    assert r.exit_code == 0 and "4 claims, 3 places" in r.output


def test_map_fragment_and_offline(db, tmp_path, map_assets_dir):
    frag = tmp_path / "f.html"
    assert run("map", "--db", db, "-o", str(frag), "--fragment").exit_code == 0
    text = frag.read_text()
    assert "<html" not in text and "height: 600.0px" in text
    # Leaflet only: nothing that would act on the host page (jQuery, Bootstrap, Font Awesome).
    assert "leaflet@1.9.3/dist/leaflet.js" in text and "leaflet.css" in text
    for lib in ("jquery", "bootstrap", "fontawesome", "awesome-markers"):
        assert lib not in text.lower(), lib
    off = tmp_path / "o.html"
    assert run("map", "--db", db, "-o", str(off), "--offline").exit_code == 0
    html = off.read_text()
    assert not re.search(r'<script[^>]+src="https?:', html)
    assert "tile.openstreetmap.org" not in html


def test_offline_without_assets_is_a_one_line_error(db, tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_ASSETS_DIR", str(tmp_path / "empty"))
    r = CliRunner().invoke(main, ["map", "--db", db, "-o", str(tmp_path / "x.html"), "--offline"])
    assert r.exit_code == 1
    assert "geomap: error:" in r.output and "geomap assets install" in r.output
    assert "Traceback" not in r.output
    assert not (tmp_path / "x.html").exists()


def test_bad_date_is_a_usage_error(db, tmp_path):
    r = CliRunner().invoke(main, ["map", "--db", db, "--as-of", "yesterday"])
    assert r.exit_code == 2 and "yesterday" in r.output


def test_report(db, tmp_path):
    out = tmp_path / "r.html"
    r = run("report", "--db", db, "-o", str(out), "--title", "Weekly <b>claims</b>")
    assert r.exit_code == 0, r.output
    html = out.read_text()
    assert "<title>Weekly &lt;b&gt;claims&lt;/b&gt;</title>" in html
    assert html.count("<section class='place'") == 6
    assert "Contested places (1)" in html
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in html
    assert 'href="javascript:' not in html
    assert "bootstrap.min.css" not in html  # the report keeps its own styling


def test_assets_path_reports_state(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_ASSETS_DIR", str(tmp_path / "a"))
    r = run("assets", "path")
    assert r.exit_code == 0 and str(tmp_path / "a") in r.output and "missing" in r.output


def test_assets_install_without_npm_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_ASSETS_DIR", str(tmp_path / "a"))
    monkeypatch.setenv("PATH", str(tmp_path))  # no npm on PATH
    r = CliRunner().invoke(main, ["assets", "install"])
    assert r.exit_code == 1 and "npm" in r.output


def test_demo_writes_the_map(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("demo")
    assert r.exit_code == 0, r.output
    assert Path("maps/out/demo.html").exists() and "wrote maps/out/demo.html" in r.output
    # fresh each run: the same claims again, not twice as many
    first = r.output
    # ... and without local assets it still works: the page loads Leaflet from the CDNs.
    monkeypatch.setenv("GEOMAP_ASSETS_DIR", str(tmp_path / "no-assets"))
    r2 = run("demo")
    assert r2.exit_code == 0
    assert first.splitlines()[:-1] == r2.output.splitlines()[:-1]
    assert "loads Leaflet from CDNs" in r2.output
    assert (
        '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js">'
        in Path("maps/out/demo.html").read_text()
    )


def test_map_without_tiles_draws_the_outline(db, tmp_path):
    out = tmp_path / "n.html"
    assert run("map", "--db", db, "-o", str(out), "--tiles", "none", "--no-fronts").exit_code == 0
    html = out.read_text()
    assert "tile.openstreetmap.org" not in html and '"outline":{"land":' in html
    assert '"frontSteps":[]' in html


def test_report_fragment(db, tmp_path):
    out = tmp_path / "r.html"
    r = run("report", "--db", db, "-o", str(out), "--fragment", "--title", "<i>Week</i> 7")
    assert r.exit_code == 0, r.output
    html = out.read_text()
    for tag in ("<!DOCTYPE", "<html", "<head", "<body", "<title", "<meta"):
        assert tag.lower() not in html.lower(), tag
    assert html.startswith("<div class='geomap-report' id='geomap-report-")
    assert "<h1>&lt;i&gt;Week&lt;/i&gt; 7</h1>" in html
    assert html.count("<section class='place'") == 6
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in html
    assert XSS_IMG not in html and 'href="javascript:' not in html
    # Styles apply inside the report only; every id carries the report's namespace.
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert not re.search(r"(^|[},])\s*(body|h1|table|a)\b", css)
    ns = re.match(r"<div class='geomap-report' id='([\w-]+)'", html).group(1)
    ids = re.findall(r"""(?<![\w-])id=['"]([^'"]+)['"]""", html)
    assert ids and all(i == ns or i.startswith(ns + "-") or i.startswith("map_") for i in ids)
    assert len(ids) == len(set(ids))
    # Two runs never share a namespace.
    r2 = run("report", "--db", db, "-o", str(tmp_path / "r2.html"), "--fragment")
    ns2 = re.match(
        r"<div class='geomap-report' id='([\w-]+)'", (tmp_path / "r2.html").read_text()
    ).group(1)
    assert r2.exit_code == 0 and ns2 != ns
