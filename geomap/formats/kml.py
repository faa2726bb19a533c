"""KML 2.2 for Google Earth: one Placemark per claim, all fields in ExtendedData (re-importable).

Built with ElementTree, so text is always escaped; characters XML 1.0 forbids are replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from typing import IO, Any

from geomap.errors import GeomapError
from geomap.formats.rows import claim_to_row, to_text
from geomap.records import ClaimRecord

NS = "http://www.opengis.net/kml/2.2"
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(s: str) -> str:
    return _BAD_XML.sub("\ufffd", s)


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    """A child with a plain tag: the document's default namespace (KML) applies to it."""
    el = ET.SubElement(parent, tag)
    if text is not None:
        el.text = _clean(text)
    return el


def placemark(c: ClaimRecord) -> ET.Element:
    """One claim as a KML Placemark (plain tags, for a document whose default namespace is KML)."""
    row = claim_to_row(c)
    pm = ET.Element("Placemark")
    when = c.claim_date.isoformat() if c.claim_date else "undated"
    _sub(pm, "name", f"{c.place.name}: {c.side} {c.type} {when}")
    desc = f"{c.claimant or c.side}: {c.quote or c.type}"
    if c.source and c.source.url:
        desc += f" ({c.source.url})"
    _sub(pm, "description", desc)
    if c.claim_date:
        ts = _sub(pm, "TimeStamp")
        _sub(ts, "when", c.claim_date.isoformat())
    ext = _sub(pm, "ExtendedData")
    for k, v in row.items():
        if v is None or k in ("latitude", "longitude"):
            continue
        d = _sub(ext, "Data")
        d.set("name", k)
        _sub(d, "value", to_text(v))
    pt = _sub(pm, "Point")
    _sub(pt, "coordinates", f"{to_text(c.place.lon)},{to_text(c.place.lat)}")
    return pm


def dump(claims: Iterable[ClaimRecord], fp: IO[str]) -> int:
    """The document written placemark by placemark as the claims come (streams)."""
    fp.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    fp.write(f'<kml xmlns="{NS}">\n <Document>\n  <name>geomap claims</name>\n')
    n = 0
    for c in claims:
        pm = placemark(c)
        ET.indent(pm, space=" ", level=2)
        fp.write("  " + ET.tostring(pm, encoding="unicode") + "\n")
        n += 1
    fp.write(" </Document>\n</kml>\n")
    return n


def load_rows(fp: IO[str], name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    try:
        root = ET.fromstring(fp.read())
    except ET.ParseError as exc:
        raise GeomapError(f"{name}: line {exc.position[0]}: bad XML: {exc}") from None
    q = f"{{{NS}}}"
    for i, pm in enumerate(root.iter(f"{q}Placemark"), 1):
        where = f"placemark {i}"
        row: dict[str, Any] = {}
        for d in pm.iter(f"{q}Data"):
            v = d.find(f"{q}value")
            row[d.get("name", "")] = (v.text or "") if v is not None else ""
        coords = pm.find(f"{q}Point/{q}coordinates")
        parts = (coords.text or "").strip().split(",") if coords is not None else []
        if len(parts) < 2:
            raise GeomapError(f"{name}: {where}: field 'coordinates': want lon,lat")
        row["longitude"], row["latitude"] = parts[0].strip(), parts[1].strip()
        yield where, row
