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
