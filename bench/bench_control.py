"""Control-check benchmark: 1M claims against 365 daily assessed layers, on SQLite.

The layers (a synthetic occupied area behind a wiggly front line of --vertices points, with
pockets, moving a little west every day) are imported into a SQLite store; the claims (about
--places settlements on random days of the year) are checked in chunks with
geomap.control.ControlChecker: layers read back as WKB, one prepared MultiPolygon and one
STRtree of line segments per date, points tested and measured in vectorised batches. Target:
<= 30 s for 1M claims.

Beside it, the naive loop one would write first: per claim, find the layer of its date and
call geom.contains(Point) and geom.boundary.distance(Point) on unprepared geometries, without
an index. It is timed on a sample (--naive-sample) and extrapolated to all claims (said so).

    python bench/bench_control.py [--claims 1000000] [--days 365] [--vertices 2000]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from geomap.control import CheckOptions, ControlChecker, ControlLayer, import_layers
from geomap.records import ClaimRecord, PlaceRef
from geomap.store import open_store

START = date(2025, 1, 1)
TYPES = ("captured", "holding", "withdrawn", "denied", "advancing", "fighting")


def front_area(day: int, vertices: int) -> MultiPolygon:
    """The occupied area on day `day`: east of a wiggly line, with three held pockets."""
    shift = -0.002 * day
    line = []
    for i in range(vertices):
        lat = 46.5 + 5.0 * i / (vertices - 1)
        lon = 37.6 + shift + 0.25 * math.sin(lat * 7.0) + 0.05 * math.sin(lat * 53.0 + day)
        line.append((lon, lat))
    shell = [*line, (40.5, 51.5), (40.5, 46.5), line[0]]
    holes = []
    for k in range(3):
        x, y = 38.6 + 0.4 * k, 47.5 + 1.2 * k
        holes.append([(x, y), (x, y + 0.06), (x + 0.08, y + 0.06), (x + 0.08, y), (x, y)])
    return MultiPolygon([Polygon(shell, holes)])


def make_layers(days: int, vertices: int) -> list[ControlLayer]:
    return [
        ControlLayer("bench", "russia", START + timedelta(days=d), front_area(d, vertices))
        for d in range(days)
    ]


def make_places(n: int, rng: random.Random) -> list[PlaceRef]:
    return [
        PlaceRef(str(10_000_000 + i), f"P{i}", "settlement", rng.uniform(46.6, 51.4),
                 rng.uniform(35.5, 40.4), "UA")
        for i in range(n)
    ]  # fmt: skip


def claims_chunk(n: int, places, days: int, rng: random.Random) -> list[ClaimRecord]:
    return [
        ClaimRecord(
            place=rng.choice(places),
            side=rng.choice(("russia", "ukraine")),
            type=rng.choice(TYPES),
            claim_date=START + timedelta(days=rng.randrange(days + 10)),  # some after: stale
        )
        for _ in range(n)
    ]


def naive_check(claims, geoms: dict[date, MultiPolygon], stale: int) -> int:
    """Per claim: the layer of its date by a walk back, unprepared contains and distance."""
    n = 0
    for c in claims:
        d = c.claim_date
        geom = None
        for back in range(stale + 1):
            geom = geoms.get(d - timedelta(days=back))
            if geom is not None:
                break
        if geom is None:
            continue
        p = Point(c.place.lon, c.place.lat)
        inside = geom.contains(p)
        km = geom.boundary.distance(p) * 111.0  # degrees -> km, roughly
        n += inside or km > 2
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--vertices", type=int, default=2_000, help="points on each day's line")
    ap.add_argument("--places", type=int, default=20_000)
    ap.add_argument("--chunk", type=int, default=100_000)
    ap.add_argument("--naive-sample", type=int, default=3_000)
    args = ap.parse_args()
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'bench.db'}"
        t0 = time.perf_counter()
        layers = make_layers(args.days, args.vertices)
        with open_store(db) as store:
            import_layers(store, layers)
            t_import = time.perf_counter() - t0
            places = make_places(args.places, rng)
            chunks = []
            left = args.claims
            while left > 0:
                chunks.append(claims_chunk(min(left, args.chunk), places, args.days, rng))
                left -= len(chunks[-1])
            t1, c1 = time.perf_counter(), time.process_time()
            checker = ControlChecker.from_store(store, CheckOptions())
            t_load = time.perf_counter() - t1
            disagree = unknown = 0
            t2 = time.perf_counter()
            for chunk in chunks:
                for v in checker.check(chunk):
                    disagree += v.agrees is False
                    unknown += v.assessed_holder is None
            t_check = time.perf_counter() - t2
            cpu = time.process_time() - c1
    total = t_load + t_check
    sample = chunks[0][: args.naive_sample]
    geoms = {lay.layer_date: lay.geometry for lay in layers}
    t3, c3 = time.perf_counter(), time.process_time()
    naive_check(sample, geoms, 7)
    t_naive = (time.perf_counter() - t3) / len(sample) * args.claims
    cpu_naive = (time.process_time() - c3) / len(sample) * args.claims
    print(f"layers: {args.days} daily layers x {args.vertices} line points "
          f"(GEOS {shapely.geos_version_string}); import {t_import:.1f} s")  # fmt: skip
    print(f"claims: {args.claims:,} about {args.places:,} places "
          f"({disagree:,} disagree, {unknown:,} unknown: stale)")  # fmt: skip
    print(f"geomap check (SQLite, prepared + STRtree per date): load {t_load:.1f} s, "
          f"index+check {t_check:.1f} s, total {total:.1f} s wall, {cpu:.1f} s CPU "
          f"({args.claims / total:,.0f} claims/s; target <= 30 s: "
          f"{'OK' if total <= 30 else 'MISSED'})")  # fmt: skip
    print(f"naive shapely loop: {t_naive:.1f} s wall, {cpu_naive:.1f} s CPU for "
          f"{args.claims:,} claims (extrapolated from a sample of {len(sample):,}); geomap is "
          f"{t_naive / total:,.1f}x faster (CPU {cpu_naive / cpu:,.1f}x)")  # fmt: skip
    print(f"machine load average (1 min) at the end: {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs (wall times stretch when it exceeds them)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
