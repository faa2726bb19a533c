"""Store benchmark: bulk import rate and "claims about a place" latency, SQLite and PostgreSQL.

    python bench/bench_store.py                 # 1,000,000 claims over 20,000 places
    python bench/bench_store.py --claims 100000 --no-pg

Targets (issue 3): import >= 50k claims/s on SQLite; place query p50 <= 5 ms, p99 <= 20 ms.
Peers in the same run, printed as ratios: ORM add_all vs Core bulk (same claims), and SQLite vs
PostgreSQL. PostgreSQL runs on a throw-away server (tests/fixtures_pg.TempPostgres).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from geomap.query import ClaimFilter  # noqa: E402
from geomap.records import CLAIM_TYPES, SIDES, ClaimRecord, PlaceRef, SourceRecord  # noqa: E402
from geomap.store import open_store  # noqa: E402


def make_places(n: int, rng: random.Random) -> list[PlaceRef]:
    return [
        PlaceRef(
            str(9_000_000 + i),
            f"Place {i}",
            "settlement",
            rng.uniform(44.5, 52.3),
            rng.uniform(22.2, 40.2),
            "UA",
            f"UA.{rng.randint(1, 27):02d}",
            rng.randint(0, 10**5),
        )
        for i in range(n)
    ]


def make_claims(n: int, places: list[PlaceRef], seed: int = 1) -> list[ClaimRecord]:
    """n claims, 20 per source, spread over all places and a year of dates."""
    rng = random.Random(seed)
    d0 = date(2024, 3, 1)
    out = []
    src = None
    for i in range(n):
        if i % 20 == 0:
            k = i // 20
            src = SourceRecord(
                f"https://bench.example/{seed}/{k}",
                f"Report {k}",
                "Bench News",
                None,
                d0 + timedelta(days=k % 365),
                f"{seed:08x}{k:056x}",
                datetime(2025, 1, 1, 12, 0),
            )
        side = SIDES[i % 3]
        out.append(
            ClaimRecord(
                place=places[rng.randrange(len(places))],
                side=side,
                type=CLAIM_TYPES[rng.randrange(len(CLAIM_TYPES))],
                claim_date=d0 + timedelta(days=rng.randrange(365)),
                claimant=f"{side} source",
                quote=f"Synthetic quote number {i} about a place.",
                start=i % 5000,
                end=i % 5000 + 40,
                confidence=0.9,
                extractor="bench",
                extractor_version="1.0",
                source=src,
            )
        )
    return out


def bench_backend(label: str, url: str, claims: list[ClaimRecord], places, queries: int) -> dict:
    store = open_store(url)
    t, cpu = time.perf_counter(), time.process_time()
    res = store.import_claims(claims, dedupe=True)
    dt, cpu = time.perf_counter() - t, time.process_time() - cpu
    assert res.added == len(claims), res
    rate = len(claims) / dt
    print(
        f"[{label}] import {len(claims):,} claims in {dt:.1f} s = {rate:,.0f} claims/s "
        f"(this process used {cpu:.1f} CPU-s = {len(claims) / cpu:,.0f} claims per CPU-s"
        + (", server CPU not counted)" if label != "sqlite" else ")")
    )
    extra = make_claims(max(1, len(claims) // 10), places, seed=2)
    t = time.perf_counter()
    store.import_claims(extra, dedupe=True)
    dt_more = time.perf_counter() - t
    print(f"[{label}] then {len(extra):,} more claims into the filled store (indexes kept): "
          f"{len(extra) / dt_more:,.0f} claims/s")  # fmt: skip
    rng = random.Random(7)
    ids = [places[rng.randrange(len(places))].id for _ in range(queries)]
    for pid in ids[:50]:  # warm-up (connection pool, statement cache)
        store.claims(ClaimFilter(place=pid))
    lat = []
    rows = 0
    for pid in ids:
        t0 = time.perf_counter()
        got = store.claims(ClaimFilter(place=pid))
        lat.append((time.perf_counter() - t0) * 1000)
        rows += len(got)
    lat.sort()
    p50 = statistics.median(lat)
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    print(
        f"[{label}] claims about a place ({queries} queries, {rows / queries:.0f} claims each): "
        f"p50 {p50:.2f} ms, p99 {p99:.2f} ms"
    )
    region = bench_region(label, store, rows / queries / p50 if p50 else 0.0)
    store.close()
    return {"rate": rate, "p50": p50, "p99": p99, **region}


def bench_region(label: str, store, place_rows_per_ms: float, n: int = 9) -> dict:
    """A region query (its settlements' claims, via ix_places_admin1) against the place query.

    Peer: the place query's claims per millisecond; an indexed region query should deliver
    claims at a similar rate however large the table (a scan would not).
    """
    codes = [f"UA.{i:02d}" for i in range(1, n + 1)]
    store.claims(ClaimFilter(place=codes[0], side="russia"))  # warm-up (gazetteer open)
    lat, rows = [], 0
    for code in codes:
        t0 = time.perf_counter()
        got = store.claims(ClaimFilter(place=code))
        lat.append((time.perf_counter() - t0) * 1000)
        rows += len(got)
    p50 = statistics.median(lat)
    per_ms = rows / sum(lat)
    t0 = time.perf_counter()
    narrow = store.claims(ClaimFilter(place=codes[1], side="ukraine", type="captured"))
    narrow_ms = (time.perf_counter() - t0) * 1000
    print(
        f"[{label}] claims in a region ({n} regions, {rows / n:,.0f} claims each): p50 "
        f"{p50:.1f} ms = {per_ms:,.0f} claims/ms (place query: {place_rows_per_ms:,.0f} "
        f"claims/ms at p50); region + side + type ({len(narrow)} claims): {narrow_ms:.1f} ms"
    )
    return {"region_p50": p50, "region_per_ms": per_ms}


def bench_orm_vs_core(claims: list[ClaimRecord], tmp: Path) -> tuple[float, float]:
    """The same claims through ORM objects (Session.add_all) and through the store's Core path."""
    from sqlalchemy.orm import Session

    from geomap.model import Claim, Place, Source

    s_orm = open_store(f"sqlite:///{tmp / 'orm.db'}")
    t = time.perf_counter()
    with Session(s_orm.engine) as session:
        places: dict[str, Place] = {}
        sources: dict[str, Source] = {}
        objs = []
        for c in claims:
            p = places.get(c.place.id)
            if p is None:
                p = places[c.place.id] = Place(
                    id=c.place.id,
                    name=c.place.name,
                    precision=c.place.precision,
                    lat=c.place.lat,
                    lon=c.place.lon,
                    country=c.place.country,
                    admin1=c.place.admin1,
                    population=c.place.population,
                )
            s = sources.get(c.source.url)
            if s is None:
                s = sources[c.source.url] = Source(
                    url=c.source.url,
                    title=c.source.title,
                    outlet=c.source.outlet,
                    published=c.source.published,
                    content_hash=c.source.content_hash,
                    ingested_at=c.source.ingested_at,
                )
            objs.append(
                Claim(
                    place=p,
                    source=s,
                    claimant=c.claimant,
                    side=c.side,
                    type=c.type,
                    claim_date=c.claim_date,
                    date_precision=c.date_precision,
                    quote=c.quote,
                    start_offset=c.start,
                    end_offset=c.end,
                    confidence=c.confidence,
                    extractor=c.extractor,
                    extractor_version=c.extractor_version,
                    origin=c.origin,
                    review_status=c.review_status,
                )
            )
        session.add_all(objs)
        session.commit()
    orm = len(claims) / (time.perf_counter() - t)
    s_orm.close()
    s_core = open_store(f"sqlite:///{tmp / 'core.db'}")
    t = time.perf_counter()
    s_core.import_claims(claims)
    core = len(claims) / (time.perf_counter() - t)
    s_core.close()
    return orm, core


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--places", type=int, default=20_000)
    ap.add_argument("--queries", type=int, default=2_000)
    ap.add_argument("--peer-claims", type=int, default=50_000, help="size of the ORM-vs-Core run")
    ap.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    args = ap.parse_args()

    print(
        f"load average before start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
        f"on {os.cpu_count()} CPUs (a shared machine slows wall-clock rates)"
    )
    rng = random.Random(42)
    places = make_places(args.places, rng)
    t = time.perf_counter()
    claims = make_claims(args.claims, places)
    print(
        f"generated {len(claims):,} claims over {len(places):,} places "
        f"in {time.perf_counter() - t:.1f} s (not counted)"
    )
    results = {}
    with tempfile.TemporaryDirectory(prefix="geomap-bench-") as d:
        tmp = Path(d)
        results["sqlite"] = bench_backend(
            "sqlite", f"sqlite:///{tmp / 'bench.db'}", claims, places, args.queries
        )
        size = sum(f.stat().st_size for f in tmp.glob("bench.db*"))
        print(f"[sqlite] database size {size / 1e6:.0f} MB")
        if not args.no_pg:
            from fixtures_pg import TempPostgres

            reason = TempPostgres.unavailable_reason()
            if reason:
                print(f"[postgresql] skipped: {reason}")
            else:
                srv = TempPostgres.create().start()
                try:
                    results["postgresql"] = bench_backend(
                        "postgresql", srv.new_database("bench"), claims, places, args.queries
                    )
                finally:
                    srv.stop()
        peer = claims[: args.peer_claims]
        orm, core = bench_orm_vs_core(peer, tmp)
    print(
        f"[peer] {len(peer):,} claims into SQLite: ORM add_all {orm:,.0f}/s, "
        f"Core bulk (store.import_claims) {core:,.0f}/s -> Core is {core / orm:.1f}x ORM"
    )
    if "postgresql" in results:
        s, p = results["sqlite"], results["postgresql"]
        print(
            f"[peer] SQLite/PostgreSQL: import rate {s['rate'] / p['rate']:.2f}x, "
            f"query p50 {p['p50'] / s['p50']:.2f}x faster on SQLite, "
            f"p99 {p['p99'] / s['p99']:.2f}x"
        )
    s = results["sqlite"]
    ok = s["rate"] >= 50_000 and s["p50"] <= 5 and s["p99"] <= 20
    print(
        "targets (SQLite: >= 50k claims/s, p50 <= 5 ms, p99 <= 20 ms): "
        + ("met" if ok else "NOT met")
    )


if __name__ == "__main__":
    main()
