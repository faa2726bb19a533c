"""GeoNames import at scale: `gazetteer download --all --from DIR` on a synthetic dump in
GeoNames' formats (allCountries.zip with N rows, alternateNamesV2.zip with a name per place),
peak memory (RSS) and rows/s, against the previous code path in the same run (the gazetteer
package as of git revision --previous, which read whole files into lists and dicts).

    python bench/bench_download.py                 # 2,000,000 rows (about an hour: the
                                                   # importer indexes ~1,500 places/s)
    python bench/bench_download.py --rows 200000   # quicker

Each import runs in its own process (peak RSS is per process) against the default index
(built first if needed), writing its overlay into a temporary folder. The synthetic names are
made up (random syllables); nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREVIOUS = "01f823d"  # the last revision before the streaming import
SYLLABLES = "ka lo mi ny ver sk ov ka ivk dol hor bil zel pol yar gor nov ost".split()

CHILD = """
import json, resource, sys, time
import gazetteer
from gazetteer.download import download
print(gazetteer.__file__, file=sys.stderr)
t0 = time.perf_counter()
r = download(all_countries=True, from_dir=sys.argv[1], cache=sys.argv[2])
print(json.dumps({"places": r.places, "alternate_names": r.alternate_names,
                  "seconds": time.perf_counter() - t0,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def write_dump(folder: Path, rows: int, seed: int = 7) -> None:
    """allCountries.zip and alternateNamesV2.zip with `rows` made-up populated places, both
    written line by line (the generator itself holds no more than a line)."""
    rng = random.Random(seed)
    with zipfile.ZipFile(folder / "allCountries.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("allCountries.txt", "w") as fh:
            for i in range(rows):
                name = _name(rng)
                lat, lon = f"{rng.uniform(44, 52):.5f}", f"{rng.uniform(22, 40):.5f}"
                admin1, pop = f"{rng.randint(1, 26):02d}", str(rng.randint(0, 5000))
                cols = [str(50_000_000 + i), name, name, f"{name}e", lat, lon, "P", "PPL",
                        "UA", "", admin1, "", "", "", pop, "", "150", "Europe/Kyiv",
                        "2024-05-01"]  # fmt: skip
                fh.write(("\t".join(cols) + "\n").encode())
    with zipfile.ZipFile(folder / "alternateNamesV2.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("alternateNamesV2.txt", "w") as fh:
            for i in range(rows):
                gid = 50_000_000 + i
                cols = [str(i + 1), str(gid), "uk", _name(rng), "", "", "", "", "", ""]
                fh.write(("\t".join(cols) + "\n").encode())


def previous_package(dest: Path, rev: str) -> Path | None:
    """The gazetteer package as of `rev`, unpacked into `dest` (None when git cannot)."""
    dest.mkdir()
    try:
        tar = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "gazetteer"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=tar, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"previous code path unavailable ({exc}); measuring the current one only")
        return None
    return dest


def run(label: str, pythonpath: Path, dump: Path, index: Path, work: Path) -> dict:
    """One import in a fresh process, with its own copy of the cache folder."""
    cache = work / label
    cache.mkdir()
    (cache / "gazetteer.sqlite").symlink_to(index)
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    out = subprocess.run(  # cwd: not this tree, or `python -c` would import it first
        [sys.executable, "-c", CHILD, str(dump), str(cache / "gazetteer.sqlite")],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"{label} import failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=2_000_000)
    ap.add_argument("--previous", default=PREVIOUS, help="git revision of the previous path")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from gazetteer import default_gazetteer

    index = Path(default_gazetteer().path).resolve()  # built first if needed
    with tempfile.TemporaryDirectory(prefix="bench-download-") as tmp:
        work = Path(tmp)
        dump = work / "dump"
        dump.mkdir()
        t0 = time.perf_counter()
        write_dump(dump, args.rows)
        size = sum(f.stat().st_size for f in dump.iterdir()) / 1e6
        print(
            f"synthetic dump: {args.rows:,} places, {args.rows:,} alternate names, "
            f"{size:.0f} MB zipped ({time.perf_counter() - t0:.0f} s to write)"
        )
        results = {"streaming (this tree)": run("new", ROOT, dump, index, work)}
        prev = previous_package(work / "previous", args.previous) if args.previous else None
        if prev is not None:
            results[f"previous ({args.previous})"] = run("old", prev, dump, index, work)
        for label, r in results.items():
            print(
                f"{label:<24} peak RSS {r['peak_rss_mb']:>7.0f} MB  "
                f"{args.rows / r['seconds']:>8,.0f} rows/s  ({r['seconds']:.0f} s, "
                f"{r['places']:,} places, {r['alternate_names']:,} alternate names)"
            )
        if len(results) == 2:
            new, old = results.values()
            print(
                f"ratio previous/streaming: peak RSS {old['peak_rss_mb'] / new['peak_rss_mb']:.1f}x"
                f", time {old['seconds'] / new['seconds']:.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
