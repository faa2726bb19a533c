"""Paths `ingest` cannot read are errors with a message, never a silent exit 0; and ingest
prints no progress line when stderr is not a terminal."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.extract.reader import expand_paths


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_symlink_loop_is_an_error(tmp_path, gaz):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    res = run("ingest", "--dry-run", str(loop))
    assert res.exit_code == 1
    assert f"geomap: error: {loop}: cannot read (Too many levels of symbolic links)" in res.output


def test_a_folder_without_articles_is_an_error(tmp_path, gaz):
    (tmp_path / "notes.csv").write_text("not an article\n")
    (tmp_path / "README.md").write_text("# readme\n")
    res = run("ingest", "--dry-run", str(tmp_path))
    assert res.exit_code == 1
    assert f"geomap: error: {tmp_path}: a folder with no article files (" in res.output
    assert "1 of 1 source(s) failed" in res.output


@pytest.mark.parametrize("name", ["missing.txt", "nothing-*.txt"])
def test_missing_files_and_empty_globs_are_errors(tmp_path, name):
    assert expand_paths([str(tmp_path / name)]) == [str(tmp_path / name)]


def test_ingest_prints_no_lone_progress_line(tmp_path, gaz):
    art = tmp_path / "a.txt"
    art.write_text("Russia's defence ministry said on 7 February 2025 that its forces had "
                   "captured Toretsk.\n")  # fmt: skip
    res = run("ingest", "--dry-run", str(art), str(art))
    assert res.exit_code == 0, res.output
    assert "extracting" not in res.output
    assert res.output.startswith(f"{art}: ")


def test_report_and_map_count_the_claims_they_show(tmp_path):
    """A rejected claim left off the page is not counted in the report's line either."""
    from fixtures_pg import make_claim, make_source

    from geomap.store import open_store

    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with open_store(url) as s:
        s.ingest(make_source(1), [make_claim("toretsk"), make_claim("kyiv", type="strike"),
                                  make_claim("pokrovsk", quote="wrong town")])  # fmt: skip
        s.review([c.id for c in s.claims() if c.quote == "wrong town"], "rejected")
    for cmd in ("report", "map"):
        out = tmp_path / f"{cmd}.html"
        res = run(cmd, "--db", url, "-o", str(out))
        assert res.exit_code == 0, res.output
        assert f"wrote {out} (2 claims, 2 places; 1 rejected claim(s) left out" in res.output
        res = run(cmd, "--db", url, "-o", str(out), "--show-rejected")
        assert f"wrote {out} (3 claims, 3 places)" in res.output


def test_a_pending_gazetteer_build_is_detected_and_announced_only_when_asked(
    tmp_path, monkeypatch, gaz
):
    """The CLI sets the notice on a terminal only (CliRunner is none: the tests stay quiet);
    the check that decides whether to announce is cheap and exact."""
    import geomap.places as places

    assert not places.gazetteer_build_pending()  # the session's index is built and fresh
    with monkeypatch.context() as env:  # restores the run's own cache setting afterwards
        env.setenv("GEOMAP_GAZETTEER_CACHE", str(tmp_path / "cache") + "/")
        assert places.gazetteer_build_pending()  # an empty cache: the next open builds
    heard: list[str] = []
    places.on_gazetteer_build(heard.append)
    try:
        assert places.load_gazetteer().get("709354").name == "Toretsk"
        assert heard == []  # the index is fresh: nothing to say
    finally:
        places.on_gazetteer_build(None)
    res = run("place", "Toretsk", "--limit", "1")
    assert res.exit_code == 0 and "gazetteer index" not in res.output
