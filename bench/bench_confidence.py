"""Reliability of the extractor's confidence: for each confidence band, how many of the
claims in it match a gold claim (precision). A calibrated score would show precision close to
the band's confidence; a reviewer sorting by confidence needs at least a rising column.

    python bench/bench_confidence.py [DIR ...]   (default: the held-out texts and examples)

Each DIR holds X.txt/.md/.html articles with X.gold.jsonl beside them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geomap.extract.evaluate import article_for, claim_verdicts, load_gold  # noqa: E402
from geomap.extract.pipeline import extract_article  # noqa: E402
from geomap.extract.reader import read_article  # noqa: E402

BANDS = [(0.0, 0.45), (0.45, 0.6), (0.6, 0.75), (0.75, 0.9), (0.9, 1.01)]


def outcomes(dirs: list[Path]) -> list[tuple[float, bool]]:
    """(confidence, matched) for every predicted claim over the corpora."""
    out: list[tuple[float, bool]] = []
    for d in dirs:
        for gp in sorted(d.glob("*.gold.jsonl")):
            ap = article_for(gp)
            if ap is None:
                continue
            art = read_article(ap)
            claims = extract_article(art).claims
            verdicts = claim_verdicts(art.text, load_gold(gp), claims)
            out += [(c.confidence, ok) for c, ok in zip(claims, verdicts, strict=True)]
    return out


def main(argv: list[str]) -> int:
    dirs = [Path(a) for a in argv] or [
        ROOT / "tests" / "data" / "extract_heldout",
        ROOT / "geomap" / "examples",
    ]
    rows = outcomes(dirs)
    print(f"corpora: {', '.join(str(d) for d in dirs)}; {len(rows)} predicted claims")
    print(f"{'confidence':>12} {'claims':>7} {'correct':>8} {'precision':>10}")
    for lo, hi in BANDS:
        band = [ok for conf, ok in rows if lo <= conf < hi]
        if band:
            p = sum(band) / len(band)
            print(f"{lo:>5.2f}-{min(hi, 1.0):<5.2f} {len(band):>7} {sum(band):>8} {p:>10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
