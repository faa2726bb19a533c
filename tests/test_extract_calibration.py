"""Calibrated claim confidence: the fit, the file, and the post-pass the extractors run."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from geomap.errors import GeomapError
from geomap.extract import calibration as cal
from geomap.extract.evaluate import evaluate_dir
from geomap.extract.reader import read_article
from geomap.extract.registry import Extractor, get_extractor
from geomap.records import ClaimRecord, PlaceRef, validate_claim

EXAMPLES = Path(cal.__file__).resolve().parent.parent / "examples"
ARTICLE = EXAMPLES / "2024-05-17-vovchansk.txt"
PLACE = PlaceRef("1", "Somewhere", "settlement", 48.0, 37.0, "UA", "UA.05")


def claim(conf: float = 0.7, **kw) -> ClaimRecord:
    base = dict(place=PLACE, side="russia", type="captured", claim_date=date(2024, 5, 1))
    return ClaimRecord(**(base | {"confidence": conf, "extractor": "rules"} | kw))


def test_fit_recovers_known_weights() -> None:
    rng = np.random.default_rng(7)
    n = 20000
    x = np.column_stack([rng.integers(0, 2, n), rng.integers(0, 2, n), rng.normal(0, 1, n)])
    true_w, true_b = np.array([1.5, -2.0, 0.8]), -0.3
    y = (rng.random(n) < 1 / (1 + np.exp(-(x @ true_w + true_b)))).astype(float)
    b, w = cal.fit_logistic(x, y, l2=0.01)
    assert np.allclose(w, true_w, atol=0.12)
    assert abs(b - true_b) < 0.12


def test_fit_holds_a_nonneg_column_at_zero_and_refits_the_rest() -> None:
    rng = np.random.default_rng(3)
    n = 5000
    x = np.column_stack([rng.integers(0, 2, n), rng.normal(0, 1, n)])
    y = (rng.random(n) < 1 / (1 + np.exp(-(1.0 * x[:, 0] - 1.0 * x[:, 1])))).astype(float)
    _b, free = cal.fit_logistic(x, y, l2=0.01)
    assert free[1] < -0.5
    _b, held = cal.fit_logistic(x, y, l2=0.01, nonneg=[1])
    assert held[1] == 0.0 and held[0] > 0.5


def test_fit_on_claims_learns_which_features_hold() -> None:
    # region claims are wrong, settlement claims right, whatever the raw confidence says
    region = replace(PLACE, precision="region")
    claims = [claim(0.9, place=region) for _ in range(30)] + [claim(0.5) for _ in range(30)]
    labels = [False] * 30 + [True] * 30
    fitted = cal.fit(claims, labels, l2=0.1)
    assert fitted.probability(claim(0.5)) > 0.8
    assert fitted.probability(claim(0.9, place=region)) < 0.2
    assert fitted.weights.get(cal.RAW, 0.0) >= 0  # held at the bound, never negative
    assert fitted.extractors == {"rules"}


@pytest.mark.parametrize("source", ["shipped", "fitted"])
def test_monotone_in_raw_confidence_and_inside_0_1(source: str) -> None:
    if source == "shipped":
        c = cal.load()
        assert c is not None, "geomap/extract/calibration.json is missing"
    else:
        rng = np.random.default_rng(1)
        claims = [claim(float(p)) for p in rng.uniform(0.05, 0.95, 200)]
        c = cal.fit(claims, [bool(v) for v in rng.integers(0, 2, 200)])
    for kw in ({}, {"type": "assessment", "rules": ("type.hedge",)}, {"side": "third-party"}):
        probs = [c.probability(claim(r / 20, **kw)) for r in range(0, 21)]
        assert all(0.0 <= p <= 1.0 for p in probs)
        assert probs == sorted(probs)


def test_extreme_weights_stay_probabilities_and_valid_claims() -> None:
    for w in (1e6, -1e6):
        c = cal.Calibrator(bias=w, weights={"type=captured": w}, extractors=frozenset({"rules"}))
        (out,) = c.apply([claim()])
        assert 0.0 <= out.confidence <= 1.0
        validate_claim(out)


def test_unknown_extractor_keeps_raw_confidence() -> None:
    c = cal.Calibrator(bias=3.0, weights={}, extractors=frozenset({"rules"}))
    assert c.probability(claim(0.42, extractor="someone-elses")) == 0.42
    assert c.probability(claim(0.42)) == pytest.approx(1 / (1 + math.exp(-3.0)))


def test_file_round_trip(tmp_path: Path) -> None:
    c = cal.fit([claim(0.3), claim(0.8), claim(0.6), claim(0.7)], [False, True, True, False])
    cal.save(c, tmp_path / "c.json")
    back = cal.load(tmp_path / "c.json")
    assert back is not None and back.extractors == c.extractors
    assert back.probability(claim(0.8)) == pytest.approx(c.probability(claim(0.8)), abs=1e-5)
    assert "fitted_at" in back.meta and back.meta["claims"] == 4


def test_missing_file_means_raw_confidence(tmp_path: Path) -> None:
    assert cal.load(tmp_path / "absent.json") is None


def _shipped() -> dict:
    return json.loads(cal.DEFAULT_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: "{not json", "not JSON"),
        (lambda d: d | {"format": 99}, "format must be 1"),
        (lambda d: {k: v for k, v in d.items() if k != "bias"}, "missing 'bias'"),
        (lambda d: d | {"weights": [1, 2]}, "weights must be an object"),
        (lambda d: d | {"weights": {"type=captured": "high"}}, "weight type=captured"),
        (lambda d: d | {"weights": {"type=captured": True}}, "not a finite number"),
        (lambda d: d | {"bias": float("nan")}, "bias is nan"),
        (lambda d: d | {"weights": {cal.RAW: -1.0}}, "must be >= 0"),
        (lambda d: d | {"extractors": "rules"}, "extractors must be a list"),
        (lambda d: [], "format must be 1"),
    ],
)
def test_broken_file_is_a_clear_error_naming_it(tmp_path: Path, edit, message: str) -> None:
    bad = edit(_shipped())
    path = tmp_path / "calibration.json"
    path.write_text(bad if isinstance(bad, str) else json.dumps(bad), encoding="utf-8")
    with pytest.raises(GeomapError, match=message) as err:
        cal.load(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_hook_calibrates_a_real_extraction_once(gaz) -> None:
    shipped = cal.load()
    assert shipped is not None
    art = read_article(ARTICLE)
    ext = get_extractor("rules")
    assert isinstance(ext, Extractor)
    with cal.using(None):
        raw = ext.extract_article(art, gazetteer=gaz).claims
    got = ext.extract_article(art, gazetteer=gaz).claims
    auto = get_extractor("auto").extract_article(art, gazetteer=gaz).claims
    assert raw and len(got) == len(raw) == len(auto)
    want = [round(shipped.probability(c), 3) for c in raw]
    assert [c.confidence for c in got] == want
    assert [c.confidence for c in auto] == want  # auto delegates; no second pass
    assert [c.confidence for c in got] != [c.confidence for c in raw]
    assert [replace(c, confidence=0) for c in got] == [replace(c, confidence=0) for c in raw]


def test_labels_agree_with_the_evaluator(gaz) -> None:
    labelled = cal.labelled_claims(EXAMPLES, gazetteer=gaz)
    report = evaluate_dir(EXAMPLES, gazetteer=gaz)
    by_article: dict[str, list[bool]] = {}
    for x in labelled:
        by_article.setdefault(x.article, []).append(x.correct)
    for a in report.articles:
        assert sum(by_article.get(a.article, [])) == a.matched, a.article
        assert len(by_article.get(a.article, [])) == a.predicted, a.article
    # the labelled claims carry the extractor's own confidence, not a calibrated one
    with cal.using(None):
        raw = get_extractor().extract_article(read_article(ARTICLE), gazetteer=gaz).claims
    assert [x.claim.confidence for x in labelled if x.article == ARTICLE.name] == [
        c.confidence for c in raw
    ]


def test_raw_only_fit_keeps_the_raw_order() -> None:
    rng = np.random.default_rng(3)
    confs = rng.uniform(0.5, 0.95, 120)
    claims = [claim(float(c), type="strike" if i % 2 else "captured") for i, c in enumerate(confs)]
    labels = [bool(rng.random() < c) for c in confs]
    fitted = cal.fit(claims, labels, features_used="raw")
    assert set(fitted.weights) <= {cal.RAW}
    probs = [fitted.probability(c) for c in claims]
    assert np.all(np.diff(np.array(probs)[np.argsort(confs)]) >= -1e-12)


def test_shift_bias_moves_the_base_rate_and_keeps_the_order() -> None:
    claims = [claim(c) for c in (0.5, 0.7, 0.8, 0.95)]
    fitted = cal.fit(claims * 5, [False, True, True, True] * 5, l2=0.1, features_used="raw")
    moved = cal.shift_bias(fitted, claims, 0.4)
    probs = [moved.probability(c) for c in claims]
    assert sum(probs) / len(probs) == pytest.approx(0.4, abs=1e-6)
    assert probs == sorted(probs) and moved.meta["unseen_precision"] == 0.4
    with pytest.raises(GeomapError, match="0 < p < 1"):
        cal.shift_bias(fitted, claims, 1.0)


def test_first_run_precision_leaves_out_the_frozen_rows(tmp_path: Path) -> None:
    log = tmp_path / "first_runs.csv"
    log.write_text(
        "text,date,extractor_version,P,R,core\n"
        "own/a.txt,2026-01-01,0.1.0,0.80,0.5,1/2\n"
        "own/b.txt,2026-01-02,0.2.0,0.60,0.5,1/2\n"
        "real/frozen split,2026-01-03,0.3.0,0.10,0.1,0/2\n",
        encoding="utf-8",
    )
    assert cal.first_run_precision(log) == pytest.approx(0.70)
    bad = tmp_path / "bad.csv"
    bad.write_text("text,P\nx,not-a-number\n", encoding="utf-8")
    with pytest.raises(GeomapError, match="bad.csv.*not a first-run log"):
        cal.first_run_precision(bad)
