"""`geomap ingest` and `geomap eval` through click, with a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "geomap" / "examples"
ARTICLE = (
    "# Strike on Kharkiv\n\nBy Staff\n\nMarch 07, 2025\n\n"
    "Russian missiles struck Kharkiv overnight, the mayor said.\n"
)


@pytest.fixture()
def runner(gaz):  # gaz: the gazetteer is built once per session before the CLI opens it
    return CliRunner()


def test_ingest_stores_and_reports_bad_files(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01binary")
    empty = tmp_path / "empty.md"
    empty.write_text("")
    db = tmp_path / "g.db"
    res = runner.invoke(main, ["ingest", str(good), str(bad), str(empty), "--db", str(db)])
    assert res.exit_code == 1
    assert "bad.txt" in res.stderr and "empty.md" in res.stderr and "2 of 3" in res.stderr
    assert "good.txt: 1 claims; added 1" in res.stdout
    again = runner.invoke(main, ["ingest", str(good), "--db", str(db), "--json"])
    assert again.exit_code == 0
    row = json.loads(again.stdout.strip().splitlines()[-1])
    assert row["duplicate"] is True and row["added"] == 0

    from geomap.store import open_store

    store = open_store(f"sqlite:///{db}")
    claims = store.claims()
    assert [(c.place.name, c.side, c.type) for c in claims] == [("Kharkiv", "ukraine", "strike")]


def test_ingest_dry_run_json_from_stdin(runner, tmp_path):
    res = runner.invoke(main, ["ingest", "-", "--dry-run", "--json"], input=ARTICLE)
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(rows) == 1 and rows[0]["location"] == "Kharkiv"
    assert rows[0]["quote"].startswith("Russian missiles struck Kharkiv")
    assert not (tmp_path / "geomap.db").exists()


def test_ingest_dry_run_text_of_examples_folder(runner):
    res = runner.invoke(main, ["ingest", str(EXAMPLES), "--dry-run"])
    assert res.exit_code == 0, res.output
    assert "would be stored" in res.stdout and "Pokrovsk" in res.stdout


def test_eval_text_and_json(runner):
    res = runner.invoke(main, ["eval", str(EXAMPLES)])
    assert res.exit_code == 0 and "TOTAL: precision" in res.stdout
    res = runner.invoke(main, ["eval", str(EXAMPLES), "--json"])
    d = json.loads(res.stdout)
    assert d["precision"] >= 0.8 and d["core_recall"] >= 0.95 and len(d["articles"]) >= 6


def test_eval_errors_are_one_line(runner, tmp_path):
    res = runner.invoke(main, ["eval", str(tmp_path)])
    assert res.exit_code == 1 and "no *.gold.jsonl" in res.stderr and "Traceback" not in res.output
    (tmp_path / "x.gold.jsonl").write_text("{not json}\n")
    (tmp_path / "x.txt").write_text(ARTICLE)
    res = runner.invoke(main, ["eval", str(tmp_path)])
    assert res.exit_code == 1 and "x.gold.jsonl:1" in res.stderr


def test_eval_by_rule_counts_each_rules_true_and_false_positives(runner):
    """`geomap eval --by-rule`: every prediction counts for each rule that made it, so the
    attribution rules (one per claim) add up to all predictions and their TPs to the matches."""
    import json as _json

    from geomap.extract.evaluate import evaluate_dir

    examples = Path(__file__).resolve().parent.parent / "geomap" / "examples"
    r = runner.invoke(main, ["eval", str(examples), "--by-rule", "--json"])
    assert r.exit_code == 0, r.output
    d = _json.loads(r.output)
    attr = {k: v for k, v in d["by_rule"].items() if k.startswith("attr.")}
    assert sum(v["tp"] for v in attr.values()) == d["matched"]
    assert sum(v["tp"] + v["fp"] for v in attr.values()) == d["predicted"]
    assert any(k.startswith("cue.captured.") and v["tp"] > 0 for k, v in d["by_rule"].items())
    text = runner.invoke(main, ["eval", str(examples), "--by-rule"]).output
    assert "rule" in text and "precision" in text and "attr.speech" in text
    report = evaluate_dir(examples)
    assert report.rule_counts()["attr.speech"][0] > 0
