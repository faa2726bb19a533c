"""Retrain geomap/extract/learned.json: the keep/type/side model of the `rules+learned` extractor.

    python bench/train_learned.py /work/corpus-split/dev /work/unseen/dev2 /work/unseen/dev3 \\
        /work/unseen/dev4 /work/unseen/dev5

Each positional folder is one SET of real reporting with gold (`X.gold.jsonl` beside `X.txt`):
every tunable set, never one kept back for testing. The command extracts every article with the
rules, labels each claim from the gold, chooses the drop threshold and switch margin by
leave-one-set-out over the folders (with one folder: leave-one-article-out), then fits the three
heads on everything. `--split DIR` keeps only the gold files also named in DIR. `--own` folders
(default: geomap/examples and tests/data/extract_heldout) are the project's own texts, weighed
down. The file records which gold files were used (set, name, SHA-256), the own folders and the
choice: that is its training data. Needs scikit-learn (`pip install -e '.[bench]'`). The same
inputs give the same weights. About 1 minute of CPU for the 130 tunable articles.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from geomap.errors import GeomapError
from geomap.extract import learned
from geomap.extract import learned_fit as lf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from calibrate import OWN, project_path  # noqa: E402  (the same own texts and folder names)


def selected(folders: list[Path], split: Path | None) -> dict[str, list[Path]]:
    """The gold files to train on per set (folder name): all, or those also named in `split`."""
    names = {p.name for p in lf.gold_files([split])} if split else None
    out: dict[str, list[Path]] = {}
    for f in folders:
        golds = [g for g in lf.gold_files([f]) if names is None or g.name in names]
        if golds:
            out.setdefault(f.name, []).extend(golds)
    return out


def manifest(sets: dict[str, list[Path]]) -> list[dict[str, str]]:
    return [
        {"set": s, "gold": g.name, "sha256": hashlib.sha256(g.read_bytes()).hexdigest()}
        for s, golds in sets.items()
        for g in golds
    ]


def train(args: argparse.Namespace, own_dirs: list[Path], argv: list[str]) -> learned.Model:
    """Label, choose the settings out of set, fit on everything."""
    golds = selected(args.real, args.split)
    if not golds:
        raise GeomapError("no gold files selected: check the folders and --split")
    arts = {s: lf.articles_from(g) for s, g in golds.items()}
    if len(arts) == 1:  # one set: choose by leaving out one article at a time
        arts = {a.name: [a] for g in arts.values() for a in g}
    real = [x for g in arts.values() for a in g for x in a.examples]
    own = lf.examples_from(own_dirs)
    choice = lf.choose_settings(arts, own, c=args.c, own_weight=args.own_weight)
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
            "chosen_out_of_set": {
                "drop_below": choice.drop_below,
                "margin": choice.margin,
                "f1": round(choice.f1, 4),
                "rules_f1": round(choice.rules_f1, 4),
            },
            "command": "python bench/train_learned.py " + " ".join(argv),
        },
    )
    model.drop_below, model.margin = choice.drop_below, choice.margin
    return model


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("real", nargs="+", type=Path, help="one folder per set of real articles")
    ap.add_argument("--split", type=Path, help="train only on the gold files named in this folder")
    ap.add_argument("--own", action="append", type=Path, help="the project's own gold folders")
    ap.add_argument("--c", type=float, default=learned.C)
    ap.add_argument("--own-weight", type=float, default=learned.OWN_WEIGHT)
    ap.add_argument("--out", type=Path, default=learned.DEFAULT_PATH)
    args = ap.parse_args(argv)
    argv = sys.argv[1:] if argv is None else argv
    t = time.process_time()
    try:
        model = train(args, args.own if args.own is not None else OWN, argv)
        learned.save(model, args.out)
    except GeomapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    m = model.meta
    print(
        f"wrote {args.out}: {m['features']} features, {m['real_claims']} real claims; "
        f"drop<{model.drop_below} margin {model.margin} chosen out of set "
        f"(F1 {m['chosen_out_of_set']['f1']} vs rules {m['chosen_out_of_set']['rules_f1']}); "
        f"{time.process_time() - t:.0f}s CPU"
    )
    for head in ("keep", "type", "side"):
        h = getattr(model, head)
        print(f"  {head}: classes {', '.join(h.classes)}; {len(h.weights)} weighted features")
    return 0


if __name__ == "__main__":
    sys.exit(main())
