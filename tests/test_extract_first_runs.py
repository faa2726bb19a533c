"""The first-run log (tests/data/first_runs.csv) parses and the learning-curve script reads it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _curve():
    spec = importlib.util.spec_from_file_location(
        "learning_curve", ROOT / "bench" / "learning_curve.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("learning_curve", mod)
    spec.loader.exec_module(mod)
    return mod


def test_first_runs_csv_parses_and_covers_the_heldout_texts():
    runs = _curve().load(ROOT / "tests" / "data" / "first_runs.csv")
    assert len(runs) >= 40
    named = " ".join(r.text for r in runs)
    for gold in (ROOT / "tests" / "data" / "extract_heldout").glob("*.gold.jsonl"):
        assert gold.name.removesuffix(".gold.jsonl") in named, gold.name
    assert any(r.text.startswith("real/dev") for r in runs)
    assert any(r.text.startswith("real/frozen") for r in runs)


def test_a_malformed_row_names_its_line(tmp_path):
    bad = tmp_path / "runs.csv"
    bad.write_text("text,date,extractor_version,P,R,core\na.txt,2026-01-01,0.1.0,0.5,0.5,3/2\n")
    with pytest.raises(ValueError, match=r"runs\.csv:2"):
        _curve().load(bad)


def test_learning_curve_prints_running_means(capsys, tmp_path):
    f = tmp_path / "runs.csv"
    f.write_text(
        "text,date,extractor_version,P,R,core\na.txt,,0.1.0,1.0,0.5,1/2\nb.txt,,0.2.0,0.5,0.5,1/2\n"
    )
    assert _curve().main([str(f)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert "0.75" in last and "0.50" in last and "b.txt" in last


def _first_run():
    spec = importlib.util.spec_from_file_location("first_run", ROOT / "bench" / "first_run.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gold_folder(tmp_path: Path) -> Path:
    d = tmp_path / "unseen"
    d.mkdir()
    (d / "a.txt").write_text(
        "# Village taken\n\nMarch 3, 2025\n\n"
        "Russia's defence ministry said on Monday its forces had captured Kupiansk.\n",
        encoding="utf-8",
    )
    gold = (
        '{"place": "Kupiansk", "geonameid": 703656, "country": "UA", "precision": "settlement", '
        '"side": "russia", "claimant": "Russia\'s defence ministry", "type": "captured", '
        '"claim_date": "2025-03-03", "quote": "its forces had captured Kupiansk", "core": true}\n'
        '{"place": "Kharkiv", "geonameid": 706483, "country": "UA", "precision": "settlement", '
        '"side": "ukraine", "claimant": "nobody", "type": "strike", '
        '"claim_date": "2025-03-03", "quote": "Village taken", "core": false}\n'
    )
    (d / "a.gold.jsonl").write_text(gold, encoding="utf-8")
    return d


def test_first_run_logs_figures_and_never_the_text(tmp_path, capsys):
    log = tmp_path / "runs.csv"
    log.write_text("text,date,extractor_version,P,R,core\n", encoding="utf-8")
    mod = _first_run()
    assert mod.main([str(_gold_folder(tmp_path)), "--label", "unseen/x", "--log", str(log)]) == 0
    out = capsys.readouterr().out
    assert "Kupiansk" not in out and "captured" not in out
    runs = _curve().load(log)
    assert [(r.text, r.recall, r.core_found, r.core_total) for r in runs] == [
        ("unseen/x", 0.5, 1, 1)
    ]
    assert runs[0].version == mod.VERSION


def test_first_run_per_article_and_dry_run(tmp_path, capsys):
    log = tmp_path / "runs.csv"
    log.write_text("text,date,extractor_version,P,R,core\n", encoding="utf-8")
    folder = _gold_folder(tmp_path)
    mod = _first_run()
    mod.main([str(folder), "--label", "u", "--per-article", "--dry-run", "--log", str(log)])
    assert "u/a.txt" in capsys.readouterr().out
    assert _curve().load(log) == []
    mod.main([str(folder), "--label", "u", "--per-article", "--log", str(log)])
    assert [r.text for r in _curve().load(log)] == ["u/a.txt"]
