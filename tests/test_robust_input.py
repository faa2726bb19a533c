"""Hostile input on the command line and in imported files: `import` checks exactly what `add`
checks (one function, geomap.records.validate_claim), and no error echoes input unbounded."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fixtures_pg import make_claim, make_source

from geomap.cli import main
from geomap.errors import GeomapError
from geomap.formats import export_claims, read_claims
from geomap.records import ClaimError, validate_claim

BIG = "Q" * 45_000


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def db(tmp_path) -> str:
    from geomap.store import open_store

    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with open_store(url) as s:
        s.ingest(make_source(1), [make_claim("toretsk")])
    return url


def _csv_with(tmp_path, **row_changes):
    """A one-claim export with some columns replaced (a hand-edited or crafted file)."""
    import csv

    path = tmp_path / "in.csv"
    export_claims([make_claim("donetsk_oblast", source=make_source(7))], path)
    with open(path, encoding="utf-8", newline="") as fp:
        rows = list(csv.DictReader(fp))
    rows[0].update(row_changes)
    with open(path, "w", encoding="utf-8", newline="") as fp:
        w = csv.DictWriter(fp, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"source": "javascript:alert(1)"}, "field 'source': source 'javascript:alert(1)' is not"),
        ({"source": "data:text/html,<b>x</b>"}, "field 'source': source 'data:text/html"),
        ({"source": "http://"}, "field 'source': source 'http://' is not an http(s) URL"),
        ({"polygon_wkt": "POLYGON ((garbage"}, "field 'polygon_wkt': not WKT"),
        ({"polygon_wkt": "POINT (1 2)"}, "field 'polygon_wkt': want a POLYGON"),
        ({"polygon_wkt": "POLYGON ((0 0, 500 0, 0 1, 0 0))"}, "field 'polygon_wkt': coordinates"),
        ({"confidence": "5"}, "field 'confidence': confidence 5.0 is not between 0 and 1"),
        ({"event_date": "0001-01-01"}, "field 'event_date': date 0001-01-01 is outside"),
        ({"quote_start": "9", "quote_end": "3"}, "field 'quote_end': quote ends (3) before"),
        ({"latitude": "nan"}, "field 'latitude': nan is outside -90..90"),
    ],
)
def test_import_refuses_what_add_refuses(tmp_path, db, changes, message):
    path = _csv_with(tmp_path, **changes)
    with pytest.raises(GeomapError) as ei:
        read_claims(path)
    assert str(ei.value).startswith(f"{path}: line 2: {message}"), str(ei.value)
    res = run("import", str(path), "--db", db)
    assert res.exit_code == 1 and message in res.output
    assert "imported" not in res.output


def test_add_and_import_share_one_validation(db, tmp_path):
    """`add` refuses a non-http source with the message the import gives for the same cell."""
    res = run("add", "1001", "--side", "russia", "--type", "captured",
              "--source", "javascript:alert(1)", "--db", db)  # fmt: skip
    assert res.exit_code == 1
    assert res.output == "geomap: error: source 'javascript:alert(1)' is not an http(s) URL\n"
    bad = make_claim(source=make_source(3, url="javascript:alert(1)"))
    with pytest.raises(ClaimError, match="is not an http"):
        validate_claim(bad)
    validate_claim(make_claim(source=make_source(3)))  # a good one passes


@pytest.mark.parametrize(
    "args",
    [
        ("claims", BIG),
        ("claims", "--near", BIG),
        ("claims", "--within", BIG),
        ("claims", "--bbox", BIG),
        ("claims", "--since", BIG),
        ("review", BIG, "--status", "confirmed"),
        ("add", "1001", "--side", "russia", "--type", "captured", "--date", BIG),
        ("add", "1001", "--side", "russia", "--type", "captured", "--source", BIG),
        ("export", "--format", "csv", "-o", "/tmp/" + BIG[:300]),
        ("map", "--side", BIG),
    ],
)
def test_errors_do_not_echo_input_unbounded(db, args):
    res = run(*args, "--db", db)
    assert res.exit_code != 0
    assert len(res.output) < 800, res.output[:300]
    assert res.output.count("\n") <= 4


def test_a_huge_bad_cell_is_capped_in_the_import_error(tmp_path, db):
    path = _csv_with(tmp_path, side=BIG)
    res = run("import", str(path), "--db", db)
    assert res.exit_code == 1 and "field 'side': side 'QQQ" in res.output
    assert len(res.output) < 600
