"""Calibrated claim confidence: the probability that a claim is right, learnt from gold.

The extractors set confidence by hand (0.5, 0.7, 0.95); a reviewer sorting by it needs a number
that means something. A logistic map of the raw confidence (Platt scaling; `features="all"` also
weighs extractor, type, side, hedging, place precision and rule families) turns it into the
share of such claims that `geomap eval` counts as true positives. The rules were tuned on every
text with gold, so a fit there is optimistic: its base rate is then moved to the precision the
rules had on texts they had not seen (their first runs), which only shifts the bias, so the
order of claims stays the fit's. The weights
live in `calibration.json` beside this module, readable by a person; `bench/calibrate.py`
refits them from gold folders. Only numbers are stored, never corpus text.

Without the file, or for an extractor it was not fitted on, confidence stays as the extractor
set it. Features come from ClaimRecord fields only, so a change to the rules needs a refit,
not a code change here.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.atomic import write_text
from geomap.errors import GeomapError, shown
from geomap.extract.modelfile import Shipped, finite_number, load_json
from geomap.records import ClaimRecord

if TYPE_CHECKING:  # numpy is imported only to fit, so extraction starts without it
    import numpy as np

DEFAULT_PATH = Path(__file__).with_name("calibration.json")
FORMAT = 1  # bump when `features` changes meaning: an old file is then refused, not misread
L2 = 3.0  # ridge strength; 3 and OWN_WEIGHT 0.1 won leave-one-article-out on the dev split
OWN_WEIGHT = 0.1  # the project's own texts weigh this share of the real articles in a fit
RAW = "raw_logit"  # the one numeric feature; its weight is kept >= 0 (monotone in raw)
_EPS = 0.01
FEATURES = "raw"  # "raw" (monotone: keeps the raw order) or "all"; raw won on the frozen split


def _logit(p: float) -> float:
    p = min(max(float(p), _EPS), 1 - _EPS)
    return math.log(p / (1 - p))


def rule_family(rule: str) -> str:
    """A rule id without its lexicon entry: `cue.captured.captur` -> `cue.captured`,
    `ru.liberated-passive` -> `ru`. Families are general; single entries are too rare to fit."""
    parts = rule.split(".")
    if len(parts) > 2:
        return ".".join(parts[:2])
    if parts[0] in ("ru", "uk"):
        return parts[0]
    return rule


def features(c: ClaimRecord) -> dict[str, float]:
    """A claim's calibration features: binary indicators plus the raw confidence's logit."""
    hedged = c.type == "assessment" or any("hedge" in r for r in c.rules)
    out = {
        RAW: _logit(c.confidence),
        f"extractor={c.extractor or 'none'}": 1.0,
        f"type={c.type}": 1.0,
        f"side={c.side}": 1.0,
        f"place={c.place.precision}": 1.0,
        f"date={c.date_precision}": 1.0,
    }
    if hedged:
        out["hedged"] = 1.0
    for fam in dict.fromkeys(rule_family(r) for r in c.rules):
        out[f"rule={fam}"] = 1.0
    return out


@dataclass
class Calibrator:
    """Logistic weights by feature name; a feature it never saw weighs 0."""

    bias: float
    weights: dict[str, float]
    extractors: frozenset[str]  # the extractors it was fitted on; others keep raw confidence
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, c: ClaimRecord) -> float:
        """P(the claim is a true positive), or its raw confidence if the extractor is unknown."""
        if c.extractor not in self.extractors:
            return c.confidence
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features(c).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def apply(self, claims: Sequence[ClaimRecord]) -> list[ClaimRecord]:
        """Copies of `claims` with calibrated confidence (3 decimals)."""
        return [replace(c, confidence=round(self.probability(c), 3)) for c in claims]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "meta": self.meta,
            "extractors": sorted(self.extractors),
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
        }


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    *,
    l2: float = 1.0,
    sample_weight: np.ndarray | None = None,
    nonneg: Sequence[int] = (),
) -> tuple[float, np.ndarray]:
    """Penalised maximum likelihood by Newton's method: (bias, weights). The bias is not
    penalised. Columns in `nonneg` are held >= 0: a column whose free optimum is negative is
    fixed at 0 (for a convex loss the bounded optimum then lies on the bound) and the rest refit."""
    import numpy as np

    n, k = x.shape
    sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, float)
    free = np.ones(k, bool)
    while True:
        b, w = _newton(x[:, free], y, sw, l2)
        full = np.zeros(k)
        full[free] = w
        bad = [j for j in nonneg if free[j] and full[j] < 0]
        if not bad:
            return b, full
        free[bad] = False


def _newton(x: np.ndarray, y: np.ndarray, sw: np.ndarray, l2: float) -> tuple[float, np.ndarray]:
    import numpy as np

    xb = np.hstack([np.ones((x.shape[0], 1)), x])
    theta = np.zeros(xb.shape[1])
    pen = np.full(xb.shape[1], l2)
    pen[0] = 1e-6  # the bias: (almost) free
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ theta, -30, 30)))
        grad = xb.T @ (sw * (p - y)) + pen * theta
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    return float(theta[0]), theta[1:]


def fit(
    claims: Sequence[ClaimRecord],
    labels: Sequence[bool],
    *,
    l2: float = 1.0,
    sample_weight: Sequence[float] | None = None,
    min_count: int = 2,
    meta: dict[str, Any] | None = None,
    features_used: str = "all",
) -> Calibrator:
    """Fit a Calibrator to claims labelled true/false positive. A feature seen in fewer than
    `min_count` claims is left out (its weight would only memorise those claims)."""
    import numpy as np

    if not claims:
        raise GeomapError("nothing to calibrate on: no extracted claims with gold")
    rows = [features(c) for c in claims]
    counts: dict[str, int] = {}
    for r in rows:
        for k in r:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, n in counts.items() if n >= min_count or k == RAW)
    if features_used == "raw":
        names = [RAW]
    x = np.array([[r.get(k, 0.0) for k in names] for r in rows])
    y = np.array([1.0 if v else 0.0 for v in labels])
    sw = None if sample_weight is None else np.asarray(sample_weight, float)
    b, w = fit_logistic(x, y, l2=l2, sample_weight=sw, nonneg=[names.index(RAW)])
    return Calibrator(
        bias=b,
        weights={k: float(v) for k, v in zip(names, w, strict=True) if abs(v) > 1e-9},
        extractors=frozenset(c.extractor for c in claims if c.extractor),
        meta=dict(meta or {}, claims=len(claims), positives=int(y.sum()), l2=l2),
    )


def shift_bias(c: Calibrator, claims: Sequence[ClaimRecord], target: float) -> Calibrator:
    """`c` with its bias moved so that its mean probability over `claims` is `target`: the
    base rate of unseen text instead of the tuned texts' (bisection; the order is unchanged)."""
    if not claims or not 0.0 < target < 1.0:
        raise GeomapError(f"cannot shift calibration to {target!r}: need claims and 0 < p < 1")
    lo, hi = -30.0, 30.0
    for _ in range(60):
        mid = (lo + hi) / 2
        moved = replace(c, bias=c.bias + mid)
        mean = sum(moved.probability(x) for x in claims) / len(claims)
        lo, hi = (mid, hi) if mean < target else (lo, mid)
    meta = dict(c.meta, unseen_precision=round(target, 4), bias_shift=round(lo, 6))
    return replace(c, bias=c.bias + lo, meta=meta)


def first_run_precision(path: str | Path, *, exclude: str = "frozen") -> float:
    """Mean precision of the first runs logged in `path` (text,...,P,... CSV), rows whose text
    names `exclude` left out: how precise the rules are on text they were not written for."""
    import csv

    try:
        with open(path, newline="", encoding="utf-8") as fh:
            ps = [float(r["P"]) for r in csv.DictReader(fh) if exclude not in r["text"]]
    except (OSError, KeyError, ValueError) as exc:
        raise GeomapError(f"{shown(str(path))}: not a first-run log ({exc})") from exc
    if not ps:
        raise GeomapError(f"{shown(str(path))}: no first runs to take a precision from")
    return sum(ps) / len(ps)


def fit_corpus(
    real: Sequence[Labelled],
    own: Sequence[Labelled] = (),
    *,
    l2: float = L2,
    own_weight: float = OWN_WEIGHT,
    meta: dict[str, Any] | None = None,
    features_used: str = FEATURES,
    unseen_precision: float | None = None,
) -> Calibrator:
    """Fit on real reporting plus the project's own texts. The rules were written for the own
    texts (precision ~0.99 there, ~0.6 on real text), so together they weigh `own_weight` of
    the real claims: they add evidence about rare features without setting the base rate."""
    w_own = own_weight * len(real) / len(own) if own else 0.0
    items = [*real, *own] if w_own > 0 else list(real)
    weights = [1.0] * len(real) + [w_own] * (len(items) - len(real))
    fitted = fit(
        [x.claim for x in items],
        [x.correct for x in items],
        l2=l2,
        sample_weight=weights,
        meta=dict(meta or {}, own_weight=own_weight, features=features_used),
        features_used=features_used,
    )
    if unseen_precision is None:
        return fitted
    return shift_bias(fitted, [x.claim for x in real], unseen_precision)


def from_dict(d: Any, where: str) -> Calibrator:
    """Validate a parsed calibration file; anything off is a GeomapError naming `where`."""
    try:
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise ValueError(f"format must be {FORMAT} (refit with bench/calibrate.py)")
        weights = d["weights"]
        if not isinstance(weights, dict):
            raise ValueError("weights must be an object of feature -> number")
        ws = {str(k): finite_number(v, f"weight {k}") for k, v in weights.items()}
        if ws.get(RAW, 0.0) < 0:
            raise ValueError(f"weight {RAW} must be >= 0 (confidence must not fall as raw rises)")
        exts = d["extractors"]
        if not isinstance(exts, list) or not all(isinstance(e, str) for e in exts):
            raise ValueError("extractors must be a list of names")
        meta = d.get("meta", {})
        if not isinstance(meta, dict):
            raise ValueError("meta must be an object")
        return Calibrator(finite_number(d["bias"], "bias"), ws, frozenset(exts), meta)
    except (KeyError, TypeError, ValueError) as exc:
        what = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise GeomapError(f"{where}: bad calibration file: {what}") from None


def load(path: str | Path = DEFAULT_PATH) -> Calibrator | None:
    """The calibrator in `path`; None when there is no file (confidence then stays raw)."""
    return load_json(path, "calibration file", from_dict)


def save(cal: Calibrator, path: str | Path = DEFAULT_PATH) -> None:
    """Write atomically, stamped with the time of fitting."""
    cal.meta.setdefault("fitted_at", datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    write_text(path, json.dumps(cal.to_dict(), indent=2, ensure_ascii=False) + "\n")


_SHIPPED: Shipped[Calibrator] = Shipped(load)


def current() -> Calibrator | None:
    """The calibrator extractors apply: the shipped file, loaded once (or what `using` set)."""
    return _SHIPPED.current()


def using(cal: Calibrator | None) -> AbstractContextManager[None]:
    """Extract with another calibrator, or with raw confidence (None), inside the block."""
    return _SHIPPED.using(cal)


def calibrate(extraction: Any) -> Any:
    """The post-pass every built-in extractor's result goes through: confidence calibrated."""
    cal = current()
    if cal is not None and getattr(extraction, "claims", None):
        extraction.claims = cal.apply(extraction.claims)
    return extraction


class Calibrated:
    """An extractor whose claims come out with calibrated confidence (the registry wraps the
    built-in ones); everything else is the wrapped extractor's."""

    def __init__(self, inner: Any):
        self.inner = inner
        self.name = inner.name
        self.languages = inner.languages

    @property
    def version(self) -> str:
        return self.inner.version

    def extract_article(self, *args: Any, **kwargs: Any) -> Any:
        return calibrate(self.inner.extract_article(*args, **kwargs))

    def __getattr__(self, name: str) -> Any:
        if name == "inner":  # not set yet (unpickling): no forwarding loop
            raise AttributeError(name)
        return getattr(self.inner, name)


@dataclass(frozen=True)
class Labelled:
    """One extracted claim and whether `geomap eval` counts it a true positive."""

    article: str  # the article's file name
    claim: ClaimRecord
    correct: bool


def labelled_claims(
    directory: str | Path, *, extractor: str | None = None, gazetteer: Any = None
) -> list[Labelled]:
    """Extract every gold-annotated article in `directory` with RAW confidence and label each
    claim by the evaluator's one-to-one matching (geomap.extract.evaluate)."""
    from geomap.extract.evaluate import claim_verdicts, load_gold, read_gold_article
    from geomap.extract.registry import get_extractor

    d = Path(directory)
    golds = sorted(d.glob("*.gold.jsonl")) if d.is_dir() else []
    if not golds:
        raise GeomapError(f"{d}: no *.gold.jsonl files to calibrate on")
    ext = get_extractor(extractor)
    out: list[Labelled] = []
    for gp in golds:
        art = read_gold_article(gp)
        with using(None):
            claims = ext.extract_article(art, gazetteer=gazetteer).claims
        verdicts = claim_verdicts(art.text, load_gold(gp), claims)
        name = Path(art.path or gp).name
        out += [Labelled(name, c, ok) for c, ok in zip(claims, verdicts, strict=True)]
    return out
