"""Toponym resolution on public news-geoparsing benchmarks: Acc@161 km with the gold toponyms
given (resolution only; recognition is not measured), beside a population baseline (the most
populous reading of the name, no context) computed in the same run.

The benchmark files are NOT part of this repository. Get them from the data folder of the
public repository "Pragmatic-Guide-to-Geoparsing-Evaluation" by Milan Gritta (on GitHub:
milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation), e.g. a git clone, and pass its `data`
folder:

    python bench/bench_geoparsing.py /path/to/Pragmatic-Guide-to-Geoparsing-Evaluation/data

- GeoWebNews: `Geocoding/gwn_full.txt` (one line per article: gold name,,phrase,,lat,,lon,,
  start,,end entries joined by "||") and the article texts `Geocoding/files/<line number>`.
- LGL (local news, Lieberman et al. 2010): `Corpora/lgl.xml`.

Each toponym is resolved with the document's context (`Gazetteer.context(text)`); a toponym
with no reading counts as a miss. Beside it, the figure when names with no reading of their own
are read by a place name inside them (`candidates(..., within=True)`: "Dubai World Cup" at
Dubai), an option of the library that is off by default. `--misses` prints every wrong
reading as RANK (a right reading was among the candidates), COVER (none was) or NONE (no
reading). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from gazetteer import Gazetteer, GazetteerError, default_gazetteer
from gazetteer.core import haversine_km

ACC_KM = 161.0


@dataclass
class Toponym:
    phrase: str
    lat: float
    lon: float


@dataclass
class Document:
    text: str
    toponyms: list[Toponym]


def read_gwn(data: Path) -> list[Document]:
    """GeoWebNews from gwn_full.txt + files/N."""
    lines = (data / "Geocoding" / "gwn_full.txt").read_text(encoding="utf-8").splitlines()
    docs = []
    for i, line in enumerate(lines):
        text = (data / "Geocoding" / "files" / str(i)).read_text(encoding="utf-8")
        tops = []
        for entry in line.split("||"):
            parts = entry.split(",,")
            if len(parts) != 6:
                continue
            _gold, phrase, lat, lon, _s, _e = parts
            tops.append(Toponym(phrase, float(lat), float(lon)))
        docs.append(Document(text, tops))
    return docs


def read_lgl(data: Path) -> list[Document]:
    """LGL from Corpora/lgl.xml (toponyms without a gazetteer tag are left out)."""
    root = ET.parse(data / "Corpora" / "lgl.xml").getroot()
    docs = []
    for art in root.iter("article"):
        tops = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None or tag.find("lat") is None:
                continue
            tops.append(
                Toponym(
                    t.findtext("phrase", ""), float(tag.findtext("lat")), float(tag.findtext("lon"))
                )
            )
        docs.append(Document(art.findtext("text", ""), tops))
    return docs


def _hit(cand, t: Toponym) -> bool:
    return haversine_km(cand.place.lat, cand.place.lon, t.lat, t.lon) <= ACC_KM


def _miss_line(doc_no: int, t: Toponym, best: list, cands: list) -> str:
    """One wrong reading: the phrase, the gold point, what was chosen (and how far off), and
    whether any reading of the name would have been right (a ranking fault) or none (coverage)."""
    if not best:
        return f"  doc {doc_no:>3} {t.phrase!r:<28} NONE  (gold {t.lat:.2f},{t.lon:.2f})"
    p = best[0].place
    km = haversine_km(p.lat, p.lon, t.lat, t.lon)
    good = [c for c in cands if _hit(c, t)]
    kind = "RANK" if good else "COVER"
    line = (
        f"  doc {doc_no:>3} {t.phrase!r:<28} {kind:<5} got {p.name} ({p.feature}, {p.country}, "
        f"{best[0].match}) {km:.0f} km off"
    )
    if good:
        g = good[0].place
        line += f"; right: {g.name} ({g.feature}, {g.country}, {good[0].match})"
    return line


def measure(gaz: Gazetteer, docs: list[Document], misses: bool = False) -> dict[str, float]:
    """Acc@161 of the gazetteer with document context, and of the population baseline;
    `misses` prints every wrong reading."""
    n = ours = pop = missing = within = 0
    t0 = time.perf_counter()
    for doc_no, doc in enumerate(docs):
        ctx = gaz.context(doc.text)
        for t in doc.toponyms:
            n += 1
            try:
                cands = gaz.candidates(t.phrase, limit=0)
                best = gaz.candidates(t.phrase, context=ctx, limit=1)
            except GazetteerError:
                cands, best = [], []
            if misses and not (best and _hit(best[0], t)):
                print(_miss_line(doc_no, t, best, cands))
            if not best:
                missing += 1
                inner = gaz.candidates(t.phrase, context=ctx, limit=1, within=True)
                within += bool(inner) and _hit(inner[0], t)
                continue
            ours += _hit(best[0], t)
            if cands:  # none without context ("NJ" is New Jersey only in a US story)
                pop += _hit(max(cands, key=lambda c: c.place.population), t)
    secs = time.perf_counter() - t0
    return {
        "toponyms": n,
        "acc161": ours / max(n, 1),
        "acc161_within": (ours + within) / max(n, 1),
        "population_baseline": pop / max(n, 1),
        "no_reading": missing / max(n, 1),
        "seconds": secs,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the benchmark repository's data folder")
    ap.add_argument("--only", choices=("gwn", "lgl"), default=None)
    ap.add_argument("--misses", action="store_true", help="print every wrong reading")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    gaz = default_gazetteer()
    print(f"gazetteer open: {time.perf_counter() - t0:.2f} s ({gaz.path})")
    sets = {"gwn": ("GeoWebNews", read_gwn), "lgl": ("LGL", read_lgl)}
    for key, (label, reader) in sets.items():
        if args.only and key != args.only:
            continue
        try:
            docs = reader(args.data)
        except OSError as exc:
            print(f"{label}: cannot read ({exc})", file=sys.stderr)
            continue
        r = measure(gaz, docs, args.misses)
        print(
            f"{label:<10} toponyms {r['toponyms']:>5}  Acc@161 {r['acc161']:.3f}  "
            f"(within=True {r['acc161_within']:.3f})  "
            f"population baseline {r['population_baseline']:.3f}  "
            f"(ratio {r['acc161'] / max(r['population_baseline'], 1e-9):.2f}x)  "
            f"no reading {r['no_reading']:.3f}  {r['seconds']:.1f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
