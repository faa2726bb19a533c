"""Real first-level region boundaries (Natural Earth admin-1, public domain) from the shipped
data file, keyed like the gazetteer's regions (GeoNames admin-1 codes such as "UA.07"; ISO
3166-2 codes such as "UA-63" as aliases), so a region is drawn as its boundary rather than a hull
around its settlements.

The file is written by bench/build_outlines.py: rings as Google encoded-polyline strings of
(lon, lat) at `scale` units per degree. A ring is decoded when its region is first asked for.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazetteer.errors import GazetteerError

OUTLINES_FILE = Path(__file__).resolve().parent / "data" / "admin1_outlines.json"
OUTLINES_FORMAT = 1
# What a page that draws these outlines says about them (HTML; the data is public domain,
# Natural Earth asks for credit).
OUTLINES_CREDIT = 'Region boundaries: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'


def encode_ring(coords: list[tuple[int, int]]) -> str:
    """Google encoded-polyline of integer (x, y) pairs, each a delta from the previous pair."""
    out: list[str] = []
    px = py = 0
    for x, y in coords:
        for d in (x - px, y - py):
            v = ~(d << 1) if d < 0 else d << 1
            while v >= 0x20:
                out.append(chr((0x20 | (v & 0x1F)) + 63))
                v >>= 5
            out.append(chr(v + 63))
        px, py = x, y
    return "".join(out)


def decode_ring(text: str) -> list[tuple[int, int]]:
    """The integer pairs of encode_ring's string (ValueError on a truncated string)."""
    vals: list[int] = []
    shift = acc = 0
    for ch in text:
        b = ord(ch) - 63
        if b < 0 or b > 63:
            raise ValueError(f"bad polyline character {ch!r}")
        acc |= (b & 0x1F) << shift
        shift += 5
        if b < 0x20:
            vals.append(~(acc >> 1) if acc & 1 else acc >> 1)
            shift = acc = 0
    if shift or len(vals) % 2:
        raise ValueError("truncated polyline")
    out: list[tuple[int, int]] = []
    x = y = 0
    for i in range(0, len(vals), 2):
        x += vals[i]
        y += vals[i + 1]
        out.append((x, y))
    return out


@dataclass(frozen=True)
class OutlineEntry:
    """One region's boundary as stored: its Natural Earth name, ISO code and encoded rings."""

    key: str
    name: str
    iso: str
    polygons: tuple[tuple[str, ...], ...]  # polygons -> rings (exterior first), encoded
    bbox: tuple[float, float, float, float] | None = None  # lon/lat box, to skip far regions


@dataclass(eq=False)
class OutlineData:
    """The outlines file, read once; geometries decoded on first use and kept."""

    path: Path
    entries: dict[str, OutlineEntry]
    aliases: dict[str, str]
    scale: int
    source: str
    digest: str
    _shapes: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def keys_near(self, bbox: tuple[float, float, float, float], countries: set[str]) -> list[str]:
        """Keys of `countries`' regions whose box meets `bbox` (minx, miny, maxx, maxy), found
        without decoding a ring."""
        x0, y0, x1, y1 = bbox
        out = []
        for key, e in self.entries.items():
            if key[:2] not in countries:
                continue
            if e.bbox is None or (
                e.bbox[0] <= x1 and x0 <= e.bbox[2] and e.bbox[1] <= y1 and y0 <= e.bbox[3]
            ):
                out.append(key)
        return out

    def key_of(self, code: str) -> str | None:
        """The stored key for a GeoNames admin-1 code or an ISO 3166-2 alias (None if absent)."""
        if code in self.entries:
            return code
        return self.aliases.get(code)

    def geometry(self, code: str) -> Any:
        """The region's boundary as a shapely (Multi)Polygon in lon/lat, or None."""
        key = self.key_of(code)
        if key is None:
            return None
        with self._lock:
            geom = self._shapes.get(key)
            if geom is None:
                geom = self._decode(self.entries[key])
                self._shapes[key] = geom
        return geom

    def _decode(self, entry: OutlineEntry) -> Any:
        from shapely.geometry import MultiPolygon, Polygon

        polys = []
        try:
            for rings in entry.polygons:
                pts = [[(x / self.scale, y / self.scale) for x, y in decode_ring(r)] for r in rings]
                polys.append(Polygon(pts[0], pts[1:]))
        except (ValueError, IndexError) as exc:
            raise GazetteerError(f"outline {entry.key} in {self.path} is corrupt: {exc}") from exc
        return polys[0] if len(polys) == 1 else MultiPolygon(polys)


@lru_cache(maxsize=4)
def outlines_digest(path: Path = OUTLINES_FILE) -> str:
    """The file's content hash, without parsing it (~2 ms: the index fingerprint asks at every
    open); "-" when the file is missing (load_outlines then says why)."""
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "-"


@lru_cache(maxsize=4)
def load_outlines(path: Path = OUTLINES_FILE) -> OutlineData:
    """Parse the outlines file; a broken or unknown-format file is a GazetteerError naming it."""
    try:
        raw = path.read_bytes()
        doc = json.loads(raw)
        if doc.get("format") != OUTLINES_FORMAT:
            raise ValueError(f"format {doc.get('format')!r}, want {OUTLINES_FORMAT}")
        scale = int(doc["scale"])
        entries = {
            k: OutlineEntry(
                k,
                v["n"],
                v.get("iso", ""),
                tuple(tuple(p) for p in v["g"]),
                tuple(float(b) for b in v["b"]) if "b" in v else None,
            )
            for k, v in doc["outlines"].items()
        }
        aliases = {a: k for a, k in doc.get("aliases", {}).items() if k in entries}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GazetteerError(
            f"region outlines file {path} is unreadable: {exc}; "
            "rebuild it with bench/build_outlines.py"
        ) from exc
    digest = hashlib.sha1(raw).hexdigest()[:16]
    return OutlineData(path, entries, aliases, scale, str(doc.get("source", "")), digest)


def region_outline(code: str, members: tuple[str, ...] = ()) -> Any:
    """The real boundary of a region (GeoNames admin-1 or ISO 3166-2 code), or of a group of
    regions (the union of its `members`, None unless every member has one); None if unknown."""
    data = load_outlines()
    if not members:
        return data.geometry(code)
    parts = [data.geometry(m) for m in members]
    if any(p is None for p in parts):
        return None
    import shapely

    return shapely.union_all(parts)


def outline_near(codes: tuple[str, ...], lat: float, lon: float, slack_deg: float = 0.25) -> Any:
    """The first of `codes` whose boundary lies within `slack_deg` of (lat, lon), or None.

    Guards joins made by code alone (a region whose GeoNames code was voted from its
    settlements): a boundary far from the region's own point is another unit's.
    """
    from shapely.geometry import Point

    data = load_outlines()
    for code in codes:
        geom = data.geometry(code) if code else None
        if geom is not None and geom.distance(Point(lon, lat)) <= slack_deg:
            return geom
    return None
