"""The store's CLI commands over a real database: claims, add, import, export."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from fixtures_pg import make_claim, make_source

from geomap.cli import main
from geomap.formats import export_claims
from geomap.store import open_store


def run(*args: str, ok: bool = True):
    res = CliRunner().invoke(main, list(args))
    if ok:
        assert res.exit_code == 0, (res.output, res.exception)
    else:
        assert res.exit_code == 1, res.output
        assert "Traceback" not in res.output
    return res


@pytest.fixture
def sample_csv(tmp_path):
    path = tmp_path / "claims.csv"
    export_claims([
        make_claim("toretsk", "ukraine", "holding", "2025-01-20", source=make_source(1)),
        make_claim("toretsk", "russia", "captured", "2025-02-07", source=make_source(1),
                   quote="The town is fully ours"),
        make_claim("toretsk", "ukraine", "holding", "2025-02-07", source=make_source(2)),
        make_claim("pokrovsk", "ukraine", "holding", "2025-02-03", source=make_source(2)),
        make_claim("kyiv", "russia", "strike", "2025-02-05"),
    ], path)  # fmt: skip
    return path


def test_import_then_claims_table_with_summary(db_url, sample_csv):
    res = run("import", str(sample_csv), "--db", db_url)
    assert "imported 5 claims" in res.output and "2 new sources" in res.output
    out = run("claims", "1001", "--db", db_url).output
    lines = out.splitlines()
    assert lines[0].split() == ["date", "side", "type", "place", "claimant", "quote", "source"]
    assert lines[1].startswith("2025-01-20") and "The town is fully ours" in lines[2]
    assert "Toretsk: russia: captured 2025-02-07; ukraine: holding 2025-02-07 -> contested" in lines
    again = run("import", str(sample_csv), "--db", db_url).output
    assert "imported 0 claims" in again and "5 already stored" in again


def test_claims_filters_and_machine_outputs(db_url, sample_csv):
    run("import", str(sample_csv), "--db", db_url)
    js = run("claims", "--side", "ukraine", "--json", "--db", db_url).output.splitlines()
    assert [json.loads(x)["location"] for x in js] == ["Toretsk", "Pokrovsk", "Toretsk"]
    rows = list(csv.DictReader(io.StringIO(run("claims", "--csv", "--db", db_url).output)))
    assert len(rows) == 5 and rows[0]["event_date"] == "2025-01-20"
    gj = json.loads(run("claims", "--contested", "--geojson", "--db", db_url).output)
    assert {f["properties"]["location"] for f in gj["features"]} == {"Toretsk"}
    near = run("claims", "--near", "1002", "--within", "10km", "--json", "--db", db_url).output
    assert [json.loads(x)["location"] for x in near.splitlines()] == ["Pokrovsk"]
    box = run("claims", "--bbox", "30,50,31,51", "--json", "--db", db_url).output
    assert [json.loads(x)["event_type"] for x in box.splitlines()] == ["strike"]
    dated = run("claims", "--since", "2025-02-04", "--until", "2025-02-06", "--json",
                "--db", db_url).output  # fmt: skip
    assert len(dated.splitlines()) == 1
    assert "no claims match" in run("claims", "--type", "withdrawn", "--db", db_url).output


def test_export_formats(db_url, sample_csv, tmp_path):
    run("import", str(sample_csv), "--db", db_url)
    kml = tmp_path / "out.kml"
    run("export", "-o", str(kml), "--db", db_url)
    assert len(ET.parse(kml).getroot().findall(".//{http://www.opengis.net/kml/2.2}Placemark")) == 5
    out = run("export", "1001", "--format", "jsonl", "--db", db_url).output
    assert len(out.splitlines()) == 3
    # Default: CSV on stdout, re-importable into a fresh database.
    again = tmp_path / "again.csv"
    again.write_text(run("export", "--db", db_url).output)
    with open_store(f"sqlite:///{tmp_path / 'fresh.db'}") as s:
        s.import_claims([])
    run("import", str(again), "--db", f"sqlite:///{tmp_path / 'fresh.db'}")
    with open_store(db_url) as a, open_store(f"sqlite:///{tmp_path / 'fresh.db'}") as b:
        assert a.claims() == b.claims()


def test_bad_import_names_line_and_field_and_writes_nothing(db_url, sample_csv, tmp_path):
    run("import", str(sample_csv), "--db", db_url)
    text = sample_csv.read_text().splitlines()
    text[-1] = text[-1].replace("strike", "bombing")
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(text) + "\n")
    res = run("import", str(bad), "--db", db_url, ok=False)
    assert f"geomap: error: {bad}: line 6: field 'event_type': type 'bombing'" in res.output
    with open_store(db_url) as s:
        assert s.count()["claims"] == 5


def test_bad_options_are_one_line_errors(tmp_path):
    db = str(tmp_path / "x.db")
    assert "bad --bbox" in run("claims", "--bbox", "1,2", "--db", db, ok=False).output
    assert "bad distance" in run("claims", "--near", "1001", "--within", "far", "--db", db,
                                 ok=False).output  # fmt: skip
    assert "unknown place" in run("claims", "Xqzzyville", "--db", db, ok=False).output
    res = run("add", "1001", "--side", "russia", "--type", "captured", "--source",
              "javascript:alert(1)", "--db", db, ok=False)  # fmt: skip
    assert "not an http(s) URL" in res.output


def test_add_by_hand_then_find_by_alias(db_url, gaz):
    res = run("add", "Toretsk", "--side", "russia", "--type", "captured", "--date", "2025-02-07",
              "--claimant", "Russian MoD", "--quote", "We hold it", "--source",
              "https://example.org/a", "--db", db_url)  # fmt: skip
    assert "added claim #" in res.output and "Toretsk" in res.output
    out = run("claims", "Dzerzhinsk", "--json", "--db", db_url).output.splitlines()
    [row] = [json.loads(x) for x in out]
    assert row["location"] == "Toretsk" and row["origin"] == "human"
    assert row["source"] == "https://example.org/a" and row["actor"] == "Russian MoD"


def test_add_ambiguous_place_lists_candidates(tmp_path, gaz):
    res = run("add", "Pokrovske", "--side", "russia", "--type", "captured",
              "--db", str(tmp_path / "x.db"), ok=False)  # fmt: skip
    assert "ambiguous place 'Pokrovske'" in res.output
    assert res.output.count("Pokrovske (id ") >= 2
    assert not (tmp_path / "x.db").exists()  # resolved before the database is opened


def test_table_strips_terminal_escapes(tmp_path):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    with open_store(db) as s:
        s.add_claim(make_claim(quote="evil \x1b[2J\x1b]0;title\x07 text", claimant="a\rb"))
    out = run("claims", "1001", "--db", db).output
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "evil [2J ]0;title text" in out


def test_unopenable_database_is_a_one_line_error(tmp_path):
    res = run("claims", "--db", "postgresql://someone:hunter2@127.0.0.1:1/x", ok=False)
    assert res.output.startswith("geomap: error: cannot open database")
    assert "hunter2" not in res.output and len(res.output.strip().splitlines()) == 1
    res = run("claims", "--db", str(tmp_path / "no" / "such" / "dir.db"), ok=False)
    assert "unable to open database file" in res.output


def test_add_month_date_sets_precision(tmp_path, gaz):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    run("add", "Toretsk", "--side", "ukraine", "--type", "fighting", "--date", "2025-02",
        "--db", db)  # fmt: skip
    [row] = [
        json.loads(x)
        for x in run("claims", "Toretsk", "--json", "--db", db).output.split("\n")
        if x
    ]
    assert (row["event_date"], row["time_precision"]) == ("2025-02-01", "month")
    assert "bad --date" in run("add", "Toretsk", "--side", "ukraine", "--type", "fighting",
                               "--date", "Feb 2025", "--db", db, ok=False).output  # fmt: skip
