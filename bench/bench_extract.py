"""Extraction benchmark: throughput (articles/s) and place-finding accuracy vs geotext.

    python bench/bench_extract.py [--repeat 20] [--against PATH [--against-cache DIR]]

Texts: the reference corpus article (../shared/corpus, when present) and geomap/examples,
repeated. Steady state: the gazetteer is opened and warmed before timing, geotext's data is
loaded at import; each timed pass runs over all texts. Three rows are timed:
  geomap extract   the whole extractor (places, claimants, types, dates, claims)
  geomap places    place finding only (mentions + gazetteer resolution), the like-for-like peer
  geotext          GeoText(text).cities
Accuracy (place finding), per text, judged on surface names:
  recall     share of the gold claim places (their names as written + aliases) found
  precision  share of found names that are real places in these texts (gold names, aliases
             and a hand list of the other places the texts mention); people's names and
             common words found as "places" count against it.
geotext is judged leniently: a name match counts even where it means the wrong place
(the city of Sumy for "the border region of Sumy").

--against PATH times another checkout of geomap (an earlier version, say) on the same texts in
the same run: a peer process with PATH first on its PYTHONPATH and its own gazetteer cache
(--against-cache; default: a directory named after PATH beside this machine's cache) times
its whole extractor in rounds taken in turn with this one's (the best round of each counts,
as the machine is shared), and the ratio of the two is printed.

Two more timings put the figures in proportion:
  first sight   each distinct text (corpus, examples and the held-out set) once, with a fresh
                gazetteer and empty extraction caches: what a new batch of unseen articles costs
  floors        the cheapest conceivable passes over the same texts: str.split() and geotext's
                own regex alone. A ">= 10x geotext" target is below both: no Python extractor
                that reads the text at all can reach it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import default_gazetteer, normalize  # noqa: E402
from geomap.extract.evaluate import article_for  # noqa: E402
from geomap.extract.language import detect_language  # noqa: E402
from geomap.extract.mentions import (  # noqa: E402
    THEATRE_COUNTRIES,
    find_names,
    lowercase_vocabulary,
)
from geomap.extract.pipeline import extract_article  # noqa: E402
from geomap.extract.reader import read_article  # noqa: E402
from geomap.extract.resolution import _Resolver  # noqa: E402
from geomap.extract.sentences import sentences  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "geomap" / "examples"
HELDOUT = ROOT / "tests" / "data" / "extract_heldout"
# Places the texts mention besides the gold claim places (not claims, but real places).
OTHER_TRUE = {
    "moscow",
    "kyiv",
    "donbas",
    "donetsk",
    "donetsk people s republic",
    "kursk",
    "ukraine",
    "russia",
    "pokrovsk",
    "kupiansk",
    "oskil",
    "kharkiv",
    "belgorod",
    "sumy",
    "zaporizhzhia",
    "kostiantynivka",
    "kramatorsk",
    "sloviansk",
    "washington",
    "chasiv yar",
    "toretsk",
}


def load_texts() -> list[tuple[object, set[str], Path]]:
    out = []
    for d in (CORPUS, EXAMPLES):
        if not d.is_dir():
            continue
        for gp in sorted(d.glob("*.gold.jsonl")):
            ap = article_for(gp)
            if ap is None:
                continue
            golds = [json.loads(x) for x in gp.read_text().splitlines() if x.strip()]
            names = set()
            for g in golds:
                names.add(normalize(g["place"]))
                names.update(normalize(a) for a in g.get("aliases_in_text", []))
                if g.get("canonical"):
                    names.add(normalize(g["canonical"]))
            art = read_article(ap)
            if detect_language(art.text) == "en":  # geotext and this pipeline read English
                out.append((art, names, ap))
    return out


def geomap_places(art, gaz) -> set[str]:
    """Place finding only: names found and resolved to a place in the theatre of war."""
    text = art.text
    vocab = lowercase_vocabulary(text)
    res = _Resolver(gaz, text)
    found = set()
    for s0, s1 in sentences(text, has_header=art.format != "html", title=art.title):
        for m in find_names(text, s0, s1, gaz, vocab):
            ref, _ties = res.resolve(m.query, m.hint)
            if ref is not None and ref.country in THEATRE_COUNTRIES:
                found.add(normalize(m.query.removesuffix(" region")))
    return found


def geotext_places(text: str) -> set[str]:
    from geotext import GeoText

    return {normalize(c) for c in GeoText(text).cities}


def score(found_per_text, texts) -> tuple[float, float]:
    hit = tot = good = n_found = 0
    for found, (_art, gold, _path) in zip(found_per_text, texts, strict=True):
        hit += len(gold & found)
        tot += len(gold)
        good += len({f for f in found if f in gold or f in OTHER_TRUE})
        n_found += len(found)
    return (good / n_found if n_found else 0.0), (hit / tot if tot else 0.0)


def timed(fn, texts, repeat: int) -> float:
    fn(texts[0])  # warm
    t0 = time.process_time()  # CPU time: the machine is shared, wall time is noisy
    for _ in range(repeat):
        for t in texts:
            fn(t)
    return (time.process_time() - t0) / (repeat * len(texts))


def distinct_articles() -> list[object]:
    """Every article with a gold file: corpus, examples and held-out texts, each once."""
    arts = []
    for d in (CORPUS, EXAMPLES, HELDOUT):
        if d.is_dir():
            arts += [
                read_article(ap)
                for gp in sorted(d.glob("*.gold.jsonl"))
                if (ap := article_for(gp)) is not None
            ]
    return arts


def first_sight(arts: list[object]) -> tuple[float, float]:
    """CPU seconds per article for place finding and for the whole extractor on texts seen
    once, each with a fresh gazetteer (empty name, context and resolution caches)."""
    from gazetteer import Gazetteer
    from geomap.extract import mentions, resolution

    totals = []
    for fn in (geomap_places, lambda a, g: extract_article(a, gazetteer=g)):
        gaz = Gazetteer.open()
        resolution._RESOLVE_CACHES.clear()
        for cached in (normalize, mentions._key, mentions._can_start):
            cached.cache_clear()
        t0 = time.process_time()
        for a in arts:
            fn(a, gaz)
        totals.append((time.process_time() - t0) / len(arts))
        gaz.close()
    return totals[0], totals[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--against", type=Path, help="another geomap checkout to time as a peer")
    ap.add_argument("--against-cache", type=Path, help="the peer's gazetteer cache directory")
    ap.add_argument("--rounds", type=int, default=3, help="peer comparison: rounds each side")
    args = ap.parse_args()
    gaz = default_gazetteer()
    import geotext  # noqa: F401  (loads its data now, outside the timing)

    texts = load_texts()
    arts = [a for a, _g, _p in texts]
    print(
        f"{len(arts)} articles ({sum(len(a.text) for a in arts) / 1000:.1f} kB), "
        f"repeat {args.repeat}"
    )
    for a in arts:  # warm the gazetteer caches as a long-running ingest would have them
        extract_article(a, gazetteer=gaz)

    t_ex = timed(lambda a: extract_article(a, gazetteer=gaz), arts, args.repeat)
    t_pl = timed(lambda a: geomap_places(a, gaz), arts, args.repeat)
    t_gt = timed(lambda a: geotext_places(a.text), arts, args.repeat)

    if args.against is not None:
        peer_comparison(args, [str(p) for _a, _g, p in texts], gaz)

    p_me, r_me = score([geomap_places(a, gaz) for a in arts], texts)
    p_gt, r_gt = score([geotext_places(a.text) for a in arts], texts)
    print(f"{'':16} {'articles/s':>11} {'ms/article':>11} {'precision':>10} {'recall':>7}")
    print(f"{'geomap extract':16} {1 / t_ex:11.0f} {t_ex * 1000:11.2f} {'':>10} {'':>7}")
    print(f"{'geomap places':16} {1 / t_pl:11.0f} {t_pl * 1000:11.2f} {p_me:10.3f} {r_me:7.3f}")
    print(f"{'geotext':16} {1 / t_gt:11.0f} {t_gt * 1000:11.2f} {p_gt:10.3f} {r_gt:7.3f}")
    print(
        f"speed ratio vs geotext (geotext time / ours; target >= 10): extract "
        f"{t_gt / t_ex:.3f}, places {t_gt / t_pl:.3f}  -- geotext is {t_ex / t_gt:.0f}x / "
        f"{t_pl / t_gt:.0f}x faster"
    )
    print(
        f"accuracy ratio (place-finding F1 ours / geotext): "
        f"{_f1(p_me, r_me) / max(_f1(p_gt, r_gt), 1e-9):.2f}"
    )

    distinct = distinct_articles()
    fs_pl, fs_ex = first_sight(distinct)
    fs_gt = timed(lambda a: geotext_places(a.text), distinct, 1)
    print(
        f"first sight, {len(distinct)} distinct articles "
        f"({sum(len(a.text) for a in distinct) / 1000:.1f} kB), fresh gazetteer: "
        f"places {fs_pl * 1000:.2f} ms/article, extract {fs_ex * 1000:.2f} ms/article, "
        f"geotext {fs_gt * 1000:.3f} ms/article (geotext {fs_pl / fs_gt:.0f}x / "
        f"{fs_ex / fs_gt:.0f}x faster)"
    )
    split_rx = re.compile(r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*")
    t_split = timed(lambda a: a.text.split(), arts, args.repeat * 5)
    t_rx = timed(lambda a: split_rx.findall(a.text), arts, args.repeat * 5)
    print(
        f"floors: str.split() {t_split * 1e6:.1f} us/article, geotext's regex alone "
        f"{t_rx * 1e6:.1f} us/article; 10x geotext's speed would be "
        f"{t_gt / 10 * 1e6:.1f} us/article, {t_split / (t_gt / 10):.1f}x less than "
        f"splitting the text into words once"
    )


# The peer's side of --against: reads its article paths, warms up, then times one round
# (CPU seconds for `repeat` passes over the articles) each time it reads a line.
_PEER = """
import sys, time
from gazetteer import default_gazetteer
from geomap.extract.pipeline import extract_article
from geomap.extract.reader import read_article
import pathlib, geomap, geomap.extract.pipeline as pl
paths, repeat = sys.stdin.readline().rstrip("\\n").split("\\t"), int(sys.stdin.readline())
arts = [read_article(p) for p in paths]
gaz = default_gazetteer()
for a in arts:
    extract_article(a, gazetteer=gaz)
where = pathlib.Path(geomap.__file__).parent.parent
print("extractor", getattr(pl, "VERSION", "?"), "at", where, flush=True)
for _line in sys.stdin:
    t0 = time.process_time()
    for _ in range(repeat):
        for a in arts:
            extract_article(a, gazetteer=gaz)
    print((time.process_time() - t0) / (repeat * len(arts)), flush=True)
"""


def _peer_cache(path: Path, given: Path | None) -> Path:
    """The peer's own gazetteer cache (an older index format must not overwrite ours)."""
    if given is not None:
        return given
    base = Path(os.environ.get("GEOMAP_GAZETTEER_CACHE", Path.home() / ".cache" / "geomap"))
    base = base if base.suffix == "" else base.parent
    tag = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
    return base.parent / f"{base.name}-peer-{tag}"


def peer_comparison(args: argparse.Namespace, paths: list[str], gaz) -> None:
    """Whole-extractor CPU time per article, this checkout against args.against, in rounds
    taken in turn; prints both and the ratio."""
    from geomap.extract.version import VERSION

    peer_path = args.against.resolve()
    cache = _peer_cache(peer_path, args.against_cache)
    cache.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(peer_path), "GEOMAP_GAZETTEER_CACHE": str(cache)}
    repeat = max(1, args.repeat // args.rounds)
    peer = subprocess.Popen(
        [sys.executable, "-c", _PEER], cwd=peer_path, env=env, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    assert peer.stdin is not None and peer.stdout is not None
    peer.stdin.write("\t".join(paths) + f"\n{repeat}\n")
    peer.stdin.flush()
    peer_version = peer.stdout.readline().strip()
    if not peer_version:
        raise SystemExit(f"--against {peer_path}: the peer did not start (see its error above)")
    ours = theirs = float("inf")
    arts = [read_article(p) for p in paths]
    for _ in range(args.rounds):
        ours = min(ours, timed(lambda a: extract_article(a, gazetteer=gaz), arts, repeat))
        peer.stdin.write("go\n")
        peer.stdin.flush()
        theirs = min(theirs, float(peer.stdout.readline()))
    peer.stdin.close()
    peer.wait()
    print(
        f"peer comparison, best of {args.rounds} rounds x {repeat} passes, CPU ms/article: "
        f"this checkout ({VERSION}) {ours * 1000:.2f}, {peer_version}: {theirs * 1000:.2f}; "
        f"ratio {ours / theirs:.2f}x the peer's time"
    )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    main()
