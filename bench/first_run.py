"""Score texts the extractor has never seen and log the figures in tests/data/first_runs.csv.

A first run is only honest if nobody looks at the texts before it, so this prints figures and
nothing of the texts: no quotes, no missed or extra claims. `--per-article` logs one row per
article (for texts that will be read and tuned on afterwards); without it one row covers the
folder (for a frozen split, whose articles must not be told apart).

    python bench/first_run.py DIR --label "unseen/dev2" [--per-article] [--dry-run]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

from geomap.extract.evaluate import EvalReport, evaluate_dir
from geomap.extract.pipeline import VERSION

sys.path.insert(0, str(Path(__file__).resolve().parent))
import learning_curve  # noqa: E402  (the log and its columns)

LOG = learning_curve.DEFAULT


def rows(report: EvalReport, label: str, per_article: bool, today: str) -> list[dict[str, str]]:
    """The log rows for one scored folder: one per article, or one for all of them."""
    parts = [EvalReport([a]) for a in report.articles] if per_article else [report]
    out = []
    for part in parts:
        name = f"{label}/{part.articles[0].article}" if per_article else label
        core_found = sum(a.core_found for a in part.articles)
        core = sum(a.core for a in part.articles)
        out.append(
            {
                "text": name,
                "date": today,
                "extractor_version": VERSION,
                "P": f"{part.precision:.2f}",
                "R": f"{part.recall:.2f}",
                "core": f"{core_found}/{core}",
            }
        )
    return out


def append(path: Path, new: list[dict[str, str]]) -> None:
    """Append rows under the log's own header, refusing a log whose columns differ."""
    with path.open(newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh), [])
    if tuple(header) != learning_curve.COLUMNS:
        raise SystemExit(f"{path}: unexpected columns {header}; fix the header first")
    with path.open("a", newline="", encoding="utf-8") as fh:
        csv.DictWriter(fh, fieldnames=header, lineterminator="\n").writerows(new)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--label", required=True, help="how the log names these texts")
    ap.add_argument("--per-article", action="store_true")
    ap.add_argument("--dry-run", action="store_true", help="print, do not append to the log")
    ap.add_argument("--log", type=Path, default=LOG)
    ns = ap.parse_args(argv)
    report = evaluate_dir(ns.folder)
    new = rows(report, ns.label, ns.per_article, dt.date.today().isoformat())
    for r in new:
        print(f"{r['extractor_version']}  P {r['P']}  R {r['R']}  core {r['core']}  {r['text']}")
    print(f"TOTAL  P {report.precision:.3f}  R {report.recall:.3f}  F1 {report.f1:.3f}")
    if not ns.dry_run:
        append(ns.log, new)
        print(f"logged {len(new)} row(s) in {ns.log}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
