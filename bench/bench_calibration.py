"""Is claim confidence a probability? Reliability of raw (hand-set) vs calibrated confidence.

    python bench/bench_calibration.py /work/corpus-split/dev [--frozen DIR]

On the dev split every article's claims are scored by a calibrator fitted WITHOUT that article
(leave-one-article-out, same settings as bench/calibrate.py), so the figures are out of sample.
`--frozen` scores the shipped calibration.json (or `--calibration FILE`, a candidate fit) on a
held-back split. For each: a reliability
table (confidence bins: claims, mean confidence, observed precision), the Brier score, the
expected calibration error (ECE, 10 bins) and the ranking quality (AUC: the chance a true claim
is ranked above a false one) for the raw confidences (the peer) and the calibrated ones.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate import FIRST_RUNS, OWN, collect  # noqa: E402

from geomap.extract import calibration as cal  # noqa: E402

UNSEEN = cal.first_run_precision(FIRST_RUNS)  # the shipped recipe's base rate

BINS = 10


@dataclass(frozen=True)
class Bin:
    lo: float
    hi: float
    count: int
    confidence: float
    precision: float


def reliability(p: np.ndarray, y: np.ndarray, bins: int = BINS) -> list[Bin]:
    """Non-empty equal-width confidence bins."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    return [
        Bin(b / bins, (b + 1) / bins, int(m.sum()), float(p[m].mean()), float(y[m].mean()))
        for b in range(bins)
        if (m := idx == b).any()
    ]


def ece(p: np.ndarray, y: np.ndarray) -> float:
    return sum(b.count * abs(b.confidence - b.precision) for b in reliability(p, y)) / len(p)


def brier(p: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((p - y) ** 2))


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """P(a true claim outranks a false one), ties counting half."""
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    diff = pos[:, None] - neg[None, :]
    return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)


def report(title: str, raw: np.ndarray, calibrated: np.ndarray, y: np.ndarray) -> None:
    print(f"\n== {title}: {len(y)} claims, observed precision {y.mean():.3f}")
    for name, p in (("raw", raw), ("calibrated", calibrated)):
        print(f"  {name} confidence\n    {'bin':<9}{'claims':>7}{'mean conf':>11}{'precision':>11}")
        for b in reliability(p, y):
            print(
                f"    {b.lo:.1f}-{b.hi:.1f}  {b.count:>7}{b.confidence:>11.3f}{b.precision:>11.3f}"
            )
    base = np.full_like(y, y.mean())
    print(f"  {'':<12}{'raw':>8}{'calibrated':>12}{'ratio':>8}")
    for name, f in (("Brier", brier), ("ECE", ece)):
        r, c = f(raw, y), f(calibrated, y)
        print(f"  {name:<12}{r:>8.3f}{c:>12.3f}{c / r if r else float('nan'):>8.2f}")
    print(f"  {'AUC':<12}{auc(raw, y):>8.3f}{auc(calibrated, y):>12.3f}")
    print(f"  (Brier of always saying the observed precision, in hindsight: {brier(base, y):.3f})")


def leave_one_article_out(dev: list[cal.Labelled], own: list[cal.Labelled]) -> np.ndarray:
    """Each dev claim's calibrated confidence from a fit that never saw its article."""
    out = np.zeros(len(dev))
    for art in sorted({x.article for x in dev}):
        fitted = cal.fit_corpus([x for x in dev if x.article != art], own, unseen_precision=UNSEEN)
        for i, x in enumerate(dev):
            if x.article == art:
                out[i] = fitted.probability(x.claim)
    return out


def _versions(items: list[cal.Labelled]) -> set[str]:
    return {f"{x.claim.extractor}-{x.claim.extractor_version}" for x in items}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dev", nargs="+", type=Path, help="folders of real articles with gold")
    ap.add_argument("--frozen", type=Path, help="a held-back split, scored with the shipped file")
    ap.add_argument(
        "--calibration",
        type=Path,
        default=cal.DEFAULT_PATH,
        help="score this fit on --frozen instead of the shipped file (a candidate fit)",
    )
    args = ap.parse_args(argv)
    dev, own = collect(args.dev), collect(OWN)
    y = np.array([x.correct for x in dev], float)
    raw = np.array([x.claim.confidence for x in dev])
    arts = len({x.article for x in dev})
    report(
        f"dev, leave-one-article-out ({arts} articles with claims)",
        raw,
        leave_one_article_out(dev, own),
        y,
    )
    if args.frozen:
        shipped = cal.load(args.calibration) if args.calibration.is_file() else None
        if shipped is None:
            print(f"no {args.calibration}: run bench/calibrate.py first", file=sys.stderr)
            return 1
        held = collect([args.frozen])
        stale = _versions(held) - set(shipped.meta.get("extractor_versions", []))
        if stale:
            print(f"note: the shipped file predates {', '.join(sorted(stale))}: refit it first")
        yf = np.array([x.correct for x in held], float)
        rawf = np.array([x.claim.confidence for x in held])
        calf = np.array([shipped.probability(x.claim) for x in held])
        fitted_on = ", ".join(shipped.meta.get("real", []))
        report(
            f"{args.frozen.name}, {args.calibration.name} (fitted on {fitted_on})", rawf, calf, yf
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
