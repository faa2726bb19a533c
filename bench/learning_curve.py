"""Print the extractor's learning curve from tests/data/first_runs.csv.

Each row is a text scored the first time the extractor saw it (before any rule was written
for it), so the curve shows how well the rules generalise as they grow: a running mean of
first-sight precision, recall and core recall, in the order the texts were met.

    python bench/learning_curve.py [path/to/first_runs.csv]
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "first_runs.csv"
COLUMNS = ("text", "date", "extractor_version", "P", "R", "core")


@dataclass(frozen=True)
class FirstRun:
    text: str
    date: str
    version: str
    precision: float
    recall: float
    core_found: int
    core_total: int


def load(path: Path = DEFAULT) -> list[FirstRun]:
    """Rows of the first-run log; a malformed row raises ValueError naming its line."""
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: columns must be {','.join(COLUMNS)}")
        out = []
        for line, row in enumerate(reader, start=2):
            try:
                found, total = (int(x) for x in row["core"].split("/"))
                p, r = float(row["P"]), float(row["R"])
                if not (0 <= p <= 1 and 0 <= r <= 1 and 0 <= found <= total):
                    raise ValueError("out of range")
            except (ValueError, AttributeError) as exc:
                raise ValueError(f"{path}:{line}: bad figures {row!r} ({exc})") from None
            out.append(
                FirstRun(row["text"], row["date"], row["extractor_version"], p, r, found, total)
            )
    return out


def main(argv: list[str]) -> int:
    runs = load(Path(argv[0]) if argv else DEFAULT)
    print(
        f"{'#':>3} {'version':>8}  {'P':>5} {'R':>5} {'core':>6}   "
        f"{'mean P':>6} {'mean R':>6} {'core%':>6}  text"
    )
    sp = sr = 0.0
    cf = ct = 0
    for i, r in enumerate(runs, start=1):
        sp += r.precision
        sr += r.recall
        cf += r.core_found
        ct += r.core_total
        core = f"{r.core_found}/{r.core_total}"
        print(
            f"{i:>3} {r.version:>8}  {r.precision:5.2f} {r.recall:5.2f} {core:>6}   "
            f"{sp / i:6.2f} {sr / i:6.2f} {cf / max(ct, 1):6.2f}  {r.text}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
