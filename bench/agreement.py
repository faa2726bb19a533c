"""How far two analysts agree: a second analyst's gold scored against the reference gold.

    python bench/agreement.py REFERENCE_DIR SECOND_DIR

REFERENCE_DIR holds the articles with their gold; SECOND_DIR holds the second analyst's
`X.gold.jsonl` for some of them. The figures use the extractor's scorer (place, side and type
equal, quotes overlapping), so they are the ceiling to read `geomap eval` against.
"""

from __future__ import annotations

import sys
from pathlib import Path

from geomap.extract.evaluate import agreement_dir


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    report = agreement_dir(Path(argv[0]), Path(argv[1]))
    print(report.format())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
