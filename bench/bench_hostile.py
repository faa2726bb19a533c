"""Hostile-input benchmark: extraction time against the number of place mentions in ONE
sentence and in ONE paragraph (issue 11: a crafted line once took quadratic time).

    python bench/bench_hostile.py [--sizes 1000,10000,100000]

For each size N it times `extract()` on
  sentence   "Russia said on Friday its forces had captured A, B, C, ..." (N names, one sentence)
  paragraph  N short sentences "Russia said its forces had captured A." in one paragraph
  distinct   the sentence with N DISTINCT settlement names (each its own claim)
and prints seconds, microseconds per mention, and the ratio of each time to the previous
size's (linear time: ratio ~ size ratio, i.e. ~10 for 10x more mentions; quadratic: ~100).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import default_gazetteer  # noqa: E402
from geomap.extract.pipeline import extract  # noqa: E402

TOWNS = (
    "Pokrovsk Toretsk Kupiansk Lyman Siversk Bakhmut Avdiivka Vuhledar Kurakhove Selydove "
    "Myrnohrad Kostiantynivka Kramatorsk Sloviansk Chasiv Yar Huliaipole Orikhiv Vovchansk "
    "Sumy Kharkiv Izium Balakliia Borova Soledar Marinka Krasnohorivka Novohrodivka Ukrainsk "
    "Hirnyk Dobropillia Druzhkivka Zaporizhzhia Kherson Mykolaiv Odesa Dnipro Nikopol Enerhodar"
).split()


def sentence_text(n: int) -> str:
    names = ", ".join(TOWNS[i % len(TOWNS)] for i in range(n))
    return f"# Hostile\n\nRussia said on Friday its forces had captured {names}.\n"


def paragraph_text(n: int) -> str:
    body = " ".join(
        f"Russia said its forces had captured {TOWNS[i % len(TOWNS)]}." for i in range(n)
    )
    return f"# Hostile\n\n{body}\n"


def distinct_names(gaz, n: int) -> list[str]:
    """Up to n distinct Ukrainian settlement names the gazetteer knows (a harsher list: every
    name is its own claim, so the per-claim paths run n times)."""
    conn = getattr(gaz, "_conn", None)  # bench only: the gazetteer has no public name listing
    if conn is None:
        return []
    rows = conn.execute(
        "SELECT DISTINCT name FROM places WHERE country = 'UA' AND precision = 'settlement' "
        "AND name NOT LIKE '%''%' AND name NOT LIKE '%’%' LIMIT ?",
        (n,),
    ).fetchall()
    return [r[0] for r in rows if gaz.is_name(r[0].lower())]


def distinct_text(names: list[str]) -> str:
    return f"# Hostile\n\nRussia said on Friday its forces had captured {', '.join(names)}.\n"


def timed(text: str, gaz) -> tuple[float, int]:
    t0 = time.perf_counter()
    ex = extract(text, published=date(2025, 3, 14), gazetteer=gaz)
    return time.perf_counter() - t0, len(ex.claims)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    gaz = default_gazetteer()
    extract(sentence_text(10), published=date(2025, 3, 14), gazetteer=gaz)  # warm caches
    print(
        f"{'shape':<10} {'mentions':>9} {'seconds':>9} {'us/mention':>11} "
        f"{'claims':>7} {'ratio':>7}"
    )
    pool = distinct_names(gaz, max(sizes))

    def distinct(n: int) -> str:
        return distinct_text(pool[:n])

    shapes = [("sentence", sentence_text), ("paragraph", paragraph_text)]
    if pool:
        shapes.append(("distinct", distinct))
    for shape, make in shapes:
        prev: tuple[int, float] | None = None
        for n in sizes:
            if shape == "distinct" and n > len(pool):
                print(f"{shape:<10} {n:>9}  (the gazetteer has only {len(pool)} distinct names)")
                continue
            secs, claims = timed(make(n), gaz)
            ratio = f"{secs / prev[1]:.1f}x" if prev and prev[1] > 0 else "-"
            print(
                f"{shape:<10} {n:>9} {secs:>9.2f} {secs / n * 1e6:>11.1f} {claims:>7} {ratio:>7}"
                + (f" (size {n // prev[0]}x)" if prev else "")
            )
            prev = (n, secs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
