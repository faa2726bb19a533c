"""Retrain geomap/extract/learned.json: the keep/type/side model of the `rules+learned` extractor.

    python bench/train_learned.py ../shared/corpus/real --split /work/corpus-split/dev

The positional folders hold REAL reporting with gold (`X.gold.jsonl` beside `X.txt`); with
`--split DIR` only the articles whose gold file is also named in DIR are used (the dev split:
never train on the articles kept back for testing). `--own` folders (default: geomap/examples
and tests/data/extract_heldout) are the project's own texts, weighed down. The file records
which gold files were used (name and SHA-256) and the own folders: that is its training data.
Needs scikit-learn (`pip install -e '.[bench]'`). The same inputs give the same weights.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from geomap.errors import GeomapError
from geomap.extract import learned
from geomap.extract import learned_fit as lf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from calibrate import OWN, project_path  # noqa: E402  (the same own texts and folder names)


def selected(folders: list[Path], split: Path | None) -> list[Path]:
    """The gold files to train on: all in `folders`, or those whose name is also in `split`."""
    golds = lf.gold_files(folders)
    if split is None:
        return golds
    names = {p.name for p in lf.gold_files([split])}
    return [g for g in golds if g.name in names]


def manifest(golds: list[Path]) -> list[dict[str, str]]:
    return [{"gold": g.name, "sha256": hashlib.sha256(g.read_bytes()).hexdigest()} for g in golds]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("real", nargs="+", type=Path, help="folders of real articles with gold")
    ap.add_argument("--split", type=Path, help="train only on the gold files named in this folder")
    ap.add_argument("--own", action="append", type=Path, help="the project's own gold folders")
    ap.add_argument("--c", type=float, default=learned.C)
    ap.add_argument("--own-weight", type=float, default=learned.OWN_WEIGHT)
    ap.add_argument("--out", type=Path, default=learned.DEFAULT_PATH)
    args = ap.parse_args(argv)
    own_dirs = args.own if args.own is not None else OWN
    try:
        golds = selected(args.real, args.split)
        if not golds:
            raise GeomapError("no gold files selected: check the folders and --split")
        real = lf.examples_from(golds)
        own = lf.examples_from(own_dirs)
        model = lf.fit(
            lf.weigh(real, own, args.own_weight),
            c=args.c,
            meta={
                "real": manifest(golds),
                "real_claims": len(real),
                "real_kept": sum(x.keep for x in real),
                "own": [project_path(p) for p in own_dirs],
                "own_claims": len(own),
                "own_weight": args.own_weight,
                "command": "python bench/train_learned.py " + " ".join(argv or sys.argv[1:]),
            },
        )
        learned.save(model, args.out)
    except GeomapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {model.meta['features']} features, {len(real)} real claims")
    for head in ("keep", "type", "side"):
        h = getattr(model, head)
        print(f"  {head}: classes {', '.join(h.classes)}; {len(h.weights)} weighted features")
    return 0


if __name__ == "__main__":
    sys.exit(main())
