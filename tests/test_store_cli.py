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
    assert lines[0].split() == [
        "id", "date", "side", "type", "place", "claimant", "quote", "source"
    ]  # fmt: skip
    assert lines[1].split()[1] == "2025-01-20" and "The town is fully ours" in lines[2]
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
    assert f"folder {tmp_path / 'no' / 'such'} does not exist" in res.output


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


def _json_rows(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines() if x.strip()]


def test_region_query_includes_settlements_and_region_only(db_url, sample_csv, gaz):
    run("import", str(sample_csv), "--db", db_url)
    run("add", "Donetsk Oblast", "--side", "third-party", "--type", "fighting", "--date",
        "2025-02-02", "--db", db_url)  # fmt: skip
    for place in ("Donetsk region", "UA.05", "Donetsk Oblast"):
        rows = _json_rows(run("claims", place, "--json", "--db", db_url).output)
        assert sorted({r["location"] for r in rows}) == ["Donetsk Oblast", "Pokrovsk", "Toretsk"]
        assert len(rows) == 5
    only = _json_rows(run("claims", "Donetsk region", "--region-only", "--json",
                          "--db", db_url).output)  # fmt: skip
    assert [r["location"] for r in only] == ["Donetsk Oblast"]
    contested = _json_rows(run("claims", "Donbas", "--contested", "--json", "--db", db_url).output)
    assert {r["location"] for r in contested} == {"Toretsk"}
    table = run("claims", "Donetsk region", "--side", "ukraine", "--db", db_url).output
    assert "Pokrovsk: ukraine: holding 2025-02-03 -> ukraine holds" in table
    assert "Kyiv" not in table


def test_review_list_confirm_reject_and_errors(db_url, sample_csv):
    run("import", str(sample_csv), "--db", db_url)
    listed = run("review", "--list", "--db", db_url).output.splitlines()
    assert listed[0].split()[:2] == ["id", "date"] and len(listed) == 1 + 5 + 1 + 3
    rows = _json_rows(run("claims", "1001", "--json", "--db", db_url).output)
    ua_old, ru, ua_new = (r["claim_id"] for r in rows)
    res = run("review", str(ua_new), f"#{ua_old}", "--status", "rejected", "--note",
              "misread", "--db", db_url)  # fmt: skip
    assert f"marked 2 claims rejected: #{ua_new}, #{ua_old}" in res.output
    res = run("review", str(ru), f"#{ru}", "--status", "confirmed", "--db", db_url)
    assert f"marked 1 claim confirmed: #{ru}\n" in res.output
    by_id = {r["claim_id"]: r for r in _json_rows(
        run("claims", "--json", "--db", db_url).output)}  # fmt: skip
    assert by_id[ua_new]["review_status"] == "rejected" and by_id[ua_new]["notes"] == (
        "review: misread"
    )
    assert by_id[ru]["review_status"] == "confirmed" and by_id[ru]["notes"] is None
    # Rejected claims no longer decide who holds the place; the table marks them.
    table = run("claims", "1001", "--db", db_url).output
    assert "Toretsk: russia: captured 2025-02-07 -> russia holds" in table
    assert table.splitlines()[0].split()[-1] == "review" and "rejected" in table
    assert run("claims", "--contested", "--db", db_url).output.startswith("no claims match")
    left = _json_rows(run("claims", "--review-status", "unreviewed", "--json",
                          "--db", db_url).output)  # fmt: skip
    assert len(left) == 2 and ru not in {r["claim_id"] for r in left}
    assert len(run("review", "--list", "--db", db_url).output.splitlines()) == 1 + 2 + 1 + 2
    # Bad input: one line, exit 1, nothing changed.
    for args, msg in [
        (("abc", "--status", "confirmed"), "bad claim id 'abc'"),
        (("-5", "--status", "confirmed"), "bad claim id '-5'"),
        ((str(ru), "999999", "--status", "rejected"), "no claim with id 999999; nothing changed"),
        ((str(ru),), "give --status"),
        ((), "give the ids"),
        ((str(ru), "--status", "approved"), "Invalid value"),
    ]:
        res = CliRunner().invoke(main, ["review", *args, "--db", db_url])
        assert res.exit_code in (1, 2) and msg in res.output, (args, res.output)
        if res.exit_code == 1:
            assert res.output.startswith("geomap: error: ") and res.output.count("\n") == 1
    assert (
        _json_rows(run("claims", "1001", "--json", "--db", db_url).output)[1]["review_status"]
        == "confirmed"
    )


def test_reingest_with_newer_extractor_keeps_reviewed_claims(db_url, project_root, monkeypatch):
    """Through the CLI: ingest, review two claims, re-ingest with a newer extractor version."""
    from geomap.extract import version as pipeline

    article = str(project_root / "geomap" / "examples" / "2025-01-10-kurakhove.md")
    run("ingest", article, "--db", db_url)
    before = _json_rows(run("claims", "--json", "--db", db_url).output)
    n = len(before)
    assert n >= 4 and {r["extractor_version"] for r in before} == {pipeline.VERSION}
    keep, drop = before[1]["claim_id"], before[2]["claim_id"]
    run("review", str(keep), "--status", "confirmed", "--db", db_url)
    run("review", str(drop), "--status", "rejected", "--note", "wrong", "--db", db_url)
    # Same version again: a duplicate, nothing replaced.
    assert "already stored" in run("ingest", article, "--db", db_url).output
    monkeypatch.setattr(pipeline, "VERSION", "999.0.0")
    out = run("ingest", article, "--db", db_url).output
    assert f"added {n - 2}, replaced {n - 2}" in out
    after = {r["claim_id"]: r for r in _json_rows(run("claims", "--json", "--db", db_url).output)}
    assert len(after) == n  # the reviewed two kept, not doubled by their re-extracted twins
    assert after[keep]["review_status"] == "confirmed"
    assert after[drop]["review_status"] == "rejected"
    assert after[drop]["notes"].endswith("review: wrong")  # appended to the extractor's notes
    assert after[drop]["notes"] == "\n".join(x for x in (before[2]["notes"], "review: wrong") if x)
    others = [r for i, r in after.items() if i not in (keep, drop)]
    assert {r["extractor_version"] for r in others} == {"999.0.0"}
    assert {r["review_status"] for r in others} == {"unreviewed"}


def test_claims_json_streams_into_a_closed_pipe_without_a_traceback(tmp_path):
    """`geomap claims --json | head -1`: streamed; a reader closing early is no error."""
    import subprocess
    import sys

    db = f"sqlite:///{tmp_path / 'big.db'}"
    with open_store(db) as s:
        s.import_claims(make_claim(quote=f"claim {i} " * 40, source=make_source(i // 50))
                        for i in range(3000))  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-c", "from geomap.cli import main; main()", "claims", "--json",
         "--db", db],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    first = json.loads(proc.stdout.readline())
    proc.stdout.close()  # ~1.5 MB still to come: the writer meets a broken pipe
    _, err = proc.communicate(timeout=60)
    assert first["quote"].startswith("claim 0 ") and "claim_id" in first
    assert proc.returncode == 0 and b"Traceback" not in err, err.decode()


def test_streamed_import_rolls_back_everything_on_a_late_bad_row(db_url, sample_csv, tmp_path,
                                                                  monkeypatch):  # fmt: skip
    """The file is read while importing (not held in memory): a bad row after several written
    batches still leaves the database as it was, indexes included."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import geomap.store.ingest
    from geomap.model import Base

    run("import", str(sample_csv), "--db", db_url)
    monkeypatch.setattr(geomap.store.ingest, "BATCH", 40)
    big = tmp_path / "big.csv"
    good = [make_claim(["toretsk", "kyiv"][i % 2], quote=f"row {i}", source=make_source(10 + i))
            for i in range(200)]  # fmt: skip
    export_claims(good, big)
    with open(big, "a", encoding="utf-8", newline="") as fp:
        fp.write(big.read_text().splitlines()[1].replace("russia", "nato") + "\r\n")
    res = run("import", str(big), "--db", db_url, ok=False)
    assert f"{big}: line 202: field 'side': side 'nato'" in res.output
    with open_store(db_url) as s:
        assert s.count() == {"sources": 2, "places": 3, "claims": 5}
        with s.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    missing = run("import", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "new.db"), ok=False)
    assert "no such file" in missing.output and not (tmp_path / "new.db").exists()
