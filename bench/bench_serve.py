"""Review queue benchmark: the first page of `geomap serve`'s queue on a big SQLite store.

    python bench/bench_serve.py                  # 1,000,000 claims over 20,000 places
    python bench/bench_serve.py --claims 100000

Target (issue 12): the queue's first page for 1M claims answers in <= 100 ms p50 on SQLite.
Peers in the same run: the same page through the HTTP API (Starlette TestClient: routing,
middleware, JSON), and the plain `claims` queries the CLI runs today: the first 50 of
`geomap claims --review-status unreviewed` (what `review --list` reads; ordered by date, so the
whole selection is sorted before the first row) and `geomap claims PLACE`.
The store is filled through the project's bulk import path (Store.import_claims), streamed.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_store import make_places  # noqa: E402

from geomap.query import ClaimFilter  # noqa: E402
from geomap.records import CLAIM_TYPES, REVIEW_STATUSES, SIDES, ClaimRecord, SourceRecord  # noqa: E402  # noqa: E402
from geomap.review import QueueFilter, queue  # noqa: E402
from geomap.store import open_store  # noqa: E402


def stream_claims(n: int, places: list, seed: int = 1) -> Iterator[ClaimRecord]:
    """n claims, 20 per source, random confidence, one in ten already reviewed."""
    rng = random.Random(seed)
    d0 = date(2024, 3, 1)
    src = None
    for i in range(n):
        if i % 20 == 0:
            k = i // 20
            src = SourceRecord(f"https://bench.example/{k}", f"Report {k}", "Bench News", None,
                               d0 + timedelta(days=k % 365), f"{seed:08x}{k:056x}",
                               datetime(2025, 1, 1, 12))  # fmt: skip
        side = SIDES[i % 3]
        yield ClaimRecord(
            place=places[rng.randrange(len(places))], side=side,
            type=CLAIM_TYPES[rng.randrange(len(CLAIM_TYPES))],
            claim_date=d0 + timedelta(days=rng.randrange(365)), claimant=f"{side} source",
            quote=f"Synthetic quote number {i} about a place.", start=0, end=40,
            confidence=round(rng.uniform(0.3, 1.0), 2), extractor="bench",
            extractor_version="1.0", source=src,
            review_status=REVIEW_STATUSES[1 + i % 2] if i % 10 == 0 else "unreviewed",
        )  # fmt: skip


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(p50, p99) in ms over `runs` calls after 3 warm-up calls."""
    for _ in range(3):
        fn()
    lat = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    return statistics.median(lat), lat[min(len(lat) - 1, int(len(lat) * 0.99))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--places", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--db", help="reuse this SQLite file if it exists (else build it there)")
    args = ap.parse_args()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="geomap-bench-serve-") as d:
        path = Path(args.db) if args.db else Path(d) / "serve.db"
        store = open_store(f"sqlite:///{path}")
        n = store.count()["claims"]
        if n == 0:
            places = make_places(args.places, random.Random(42))
            t = time.perf_counter()
            res = store.import_claims(stream_claims(args.claims, places))
            dt = time.perf_counter() - t
            print(f"built {res.added:,} claims with Store.import_claims in {dt:.1f} s")
            n = res.added
        else:
            print(f"reusing {path} ({n:,} claims)")
        run(store, n, args.runs)
        store.close()


def run(store, n: int, runs: int) -> None:
    from starlette.testclient import TestClient

    from geomap.serve import ServeConfig, create_app

    rows: list[tuple[str, float, float]] = []

    def bench(label: str, fn: Callable[[], object], k: int = runs) -> float:
        p50, p99 = timed(fn, k)
        rows.append((label, p50, p99))
        print(f"  {label:<58} p50 {p50:8.2f} ms  p99 {p99:8.2f} ms", flush=True)
        return p50

    print(f"queue, first page of 50, SQLite, {n:,} claims:")
    first = bench("review.queue() (unreviewed first, id order)", lambda: queue(store, limit=50))
    bench("review.queue(sort=confidence)", lambda: queue(store, sort="confidence", limit=50))
    side = QueueFilter(side="ukraine")
    bench("review.queue(side=ukraine, sort=-confidence)",
          lambda: queue(store, side, sort="-confidence", limit=50))  # fmt: skip
    page = queue(store, limit=50)
    for _ in range(20):
        page = queue(store, limit=50, cursor=page.next_cursor)
    bench(
        "review.queue() page 21 (cursor)", lambda: queue(store, limit=50, cursor=page.next_cursor)
    )
    app = create_app(store, ServeConfig())
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        http = bench("GET /api/claims?limit=50 (HTTP API, JSON)",
                     lambda: client.get("/api/claims?limit=50").raise_for_status())  # fmt: skip
        bench("GET /api/map (newest 2,000 claims)",
              lambda: client.get("/api/map").raise_for_status(), max(3, runs // 10))  # fmt: skip
    print("peers, the plain `claims` queries:")

    def first_50_unreviewed() -> list:
        it = store.iter_claims(ClaimFilter(review_status="unreviewed"))
        try:
            return list(itertools.islice(it, 50))
        finally:
            it.close()

    plain = bench("claims --review-status unreviewed, first 50", first_50_unreviewed, 5)
    pid = queue(store, limit=1).claims[0]["place"]["id"]
    bench("claims PLACE (one place's claims)", lambda: store.claims(ClaimFilter(place=pid)))
    print(f"queue first page vs the plain unreviewed claims query: {plain / first:.0f}x faster; "
          f"HTTP overhead {http - first:.2f} ms")  # fmt: skip
    print(f"target (1M claims, first page p50 <= 100 ms on SQLite): "
          f"{'met' if first <= 100 and http <= 100 else 'NOT met'}"
          + ("" if n >= 1_000_000 else f" (measured at {n:,} claims, not 1M)"))  # fmt: skip


if __name__ == "__main__":
    main()
