"""Ingest benchmark: articles per second extracted on 1 and 2 processes, and end to end
(read + extract + store) into SQLite and PostgreSQL.

    python bench/bench_ingest.py                  # 300 articles
    python bench/bench_ingest.py --articles 60 --no-pg

The articles are the project's own examples (English, Russian, Ukrainian), each copied with a
numbered line so every copy is a new source. Peers in the same run, printed as ratios: 2
processes vs 1 (process start-up included: it is part of what a user waits for), and SQLite
vs PostgreSQL. PostgreSQL runs on a throw-away server (tests/fixtures_pg.TempPostgres).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from geomap.extract.batch import process_paths  # noqa: E402
from geomap.store import open_store  # noqa: E402

EXAMPLES = ROOT / "geomap" / "examples"


def make_articles(n: int, dest: Path) -> list[str]:
    """n article files cycling through the examples, each made unique by a numbered line."""
    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8").rstrip("\n")
        p = dest / f"{i:05d}-{src.name}"
        p.write_text(f"{text}\n\n(copy {i})\n", encoding="utf-8")
        out.append(str(p))
    return out


def timed(label: str, paths: list[str], **kw) -> float:
    t = time.perf_counter()
    res = process_paths(paths, **kw)
    dt = time.perf_counter() - t
    bad = [r.error for r in res if r.error]
    if bad:
        raise SystemExit(f"{label}: {len(bad)} failed, first: {bad[0]}")
    claims = sum(len(r.extraction.claims) for r in res)
    rate = len(paths) / dt
    print(f"[{label}] {len(paths)} articles, {claims} claims in {dt:.1f} s: {rate:.1f} articles/s")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    args = ap.parse_args()
    print(
        f"load average before start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
        f"on {os.cpu_count()} CPUs (a shared machine slows wall-clock rates)"
    )
    from gazetteer import default_gazetteer

    gaz = default_gazetteer()
    with tempfile.TemporaryDirectory(prefix="geomap-bench-ingest-") as d:
        tmp = Path(d)
        paths = make_articles(args.articles, tmp)
        process_paths(paths[:6], gazetteer=gaz)  # warm the caches and the lemmatiser
        one = timed("extract, 1 process", paths, gazetteer=gaz)
        two = timed("extract, 2 processes", paths, jobs=2)
        print(f"[peer] 2 processes / 1: {two / one:.2f}x")
        with open_store(f"sqlite:///{tmp / 'bench.db'}") as st:
            sq = timed("end to end into SQLite, 1 process", paths, gazetteer=gaz, store=st)
        pg = None
        if not args.no_pg:
            from fixtures_pg import TempPostgres

            reason = TempPostgres.unavailable_reason()
            if reason:
                print(f"[postgresql] skipped: {reason}")
            else:
                srv = TempPostgres.create().start()
                try:
                    with open_store(srv.new_database("bench")) as st:
                        pg = timed(
                            "end to end into PostgreSQL, 1 process", paths, gazetteer=gaz, store=st
                        )
                finally:
                    srv.stop()
        if pg:
            print(f"[peer] SQLite / PostgreSQL end to end: {sq / pg:.2f}x")


if __name__ == "__main__":
    main()
