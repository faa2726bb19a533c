"""Refit geomap/extract/calibration.json: the weights that turn claim confidence into a probability.

    python bench/calibrate.py /work/corpus-split/dev [--own geomap/examples --own ...]

The positional folders hold REAL reporting with gold (`X.gold.jsonl` beside `X.txt`); fit only on
the dev split, never on articles kept back for testing (../shared/corpus/real holds both).
`--own` folders (default: geomap/examples and tests/data/extract_heldout) are the project's own
texts, weighed down because the rules were written for them. The fit's base rate is then moved to
the mean precision of the first runs in tests/data/first_runs.csv (frozen rows left out), since
every text with gold was tuned on. Rerun after the rules change;
`bench/bench_calibration.py` shows what the fit is worth.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geomap.errors import GeomapError
from geomap.extract import calibration as cal

ROOT = Path(__file__).resolve().parent.parent
OWN = [ROOT / "geomap" / "examples", ROOT / "tests" / "data" / "extract_heldout"]
FIRST_RUNS = ROOT / "tests" / "data" / "first_runs.csv"


def collect(folders: list[Path]) -> list[cal.Labelled]:
    return [x for f in folders for x in cal.labelled_claims(f)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("real", nargs="+", type=Path, help="folders of real articles with gold")
    ap.add_argument("--own", action="append", type=Path, help="the project's own gold folders")
    ap.add_argument("--l2", type=float, default=cal.L2)
    ap.add_argument("--own-weight", type=float, default=cal.OWN_WEIGHT)
    ap.add_argument("--out", type=Path, default=cal.DEFAULT_PATH)
    ap.add_argument("--features", choices=["raw", "all"], default=cal.FEATURES)
    ap.add_argument(
        "--unseen-precision", type=float, help="base rate to move to (default: the first-run log)"
    )
    args = ap.parse_args(argv)
    own_dirs = args.own if args.own is not None else OWN
    try:
        real, own = collect(args.real), collect(own_dirs)
        unseen = args.unseen_precision or cal.first_run_precision(FIRST_RUNS)
        versions = sorted({f"{x.claim.extractor}-{x.claim.extractor_version}" for x in real + own})
        fitted = cal.fit_corpus(
            real,
            own,
            l2=args.l2,
            own_weight=args.own_weight,
            features_used=args.features,
            unseen_precision=unseen,
            meta={
                "real": [project_path(p) for p in args.real],
                "real_articles": sum(len(list(p.glob("*.gold.jsonl"))) for p in args.real),
                "real_claims": len(real),
                "real_true_positives": sum(x.correct for x in real),
                "own": [project_path(p) for p in own_dirs],
                "own_claims": len(own),
                "extractor_versions": versions,
            },
        )
        cal.save(fitted, args.out)
    except GeomapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {len(fitted.weights)} weights from {len(real)} real claims")
    for name, w in sorted(fitted.weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<32} {w:+.3f}")
    print(f"  {'(bias)':<32} {fitted.bias:+.3f}")
    return 0


def project_path(p: Path) -> str:
    """A folder as recorded in the file: relative to the project when inside it."""
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


if __name__ == "__main__":
    sys.exit(main())
