"""Ingest benchmark: articles per second extracted on 1 and 2 processes, and end to end
(read + extract + store) into SQLite and PostgreSQL.

    python bench/bench_ingest.py                  # 300 articles
    python bench/bench_ingest.py --articles 60 --no-pg

The articles are the project's own examples (English, Russian, Ukrainian), each copied with a
numbered line so every copy is a new source (the copies repeat names, so lookup caches help
more than on real news). Peers in the same run, printed as ratios: 2 processes vs 1, each run
cold in a fresh process (start-up included: it is part of what a user waits for), and SQLite
vs PostgreSQL end to end (warm, same extraction, only the store differs). PostgreSQL runs on
a throw-away server (tests/fixtures_pg.TempPostgres).
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


def _child(args: argparse.Namespace) -> None:
    """One cold run in a fresh process (imports, gazetteer and lemmatiser loads included)."""
    paths = sorted(str(p) for p in Path(args.child).glob("*.txt")) + sorted(
        str(p) for p in Path(args.child).glob("*.md")
    )
    timed(
        f"extract, {args.jobs} process{'es' if args.jobs > 1 else ''}, cold", paths, jobs=args.jobs
    )


def _cold(dest: Path, jobs: int) -> float:
    import subprocess

    out = subprocess.run(
        [sys.executable, __file__, "--child", str(dest), "--jobs", str(jobs)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    print(out.strip())
    return float(out.rsplit(":", 1)[1].split()[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args)
        return
    print(
        f"load average before start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
        f"on {os.cpu_count()} CPUs (a shared machine slows wall-clock rates)"
    )
    with tempfile.TemporaryDirectory(prefix="geomap-bench-ingest-") as d:
        tmp = Path(d)
        arts = tmp / "articles"
        arts.mkdir()
        paths = make_articles(args.articles, arts)
        # each in a fresh process: start-up, index opening and cold caches count for both
        one, two = _cold(arts, 1), _cold(arts, 2)
        print(f"[peer] 2 processes / 1: {two / one:.2f}x")
        from gazetteer import default_gazetteer

        gaz = default_gazetteer()
        process_paths(paths[:6], gazetteer=gaz)  # warm: the store is what differs below
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
