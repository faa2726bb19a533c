"""Imports that cannot corrupt the store (both backends): reviewed claims come back as reviews,
not duplicates, and no row may rename or move a known place."""

from __future__ import annotations

import csv
from dataclasses import replace

from click.testing import CliRunner
from fixtures_pg import make_claim, make_source

from geomap.cli import main
from geomap.formats import export_claims, read_claims
from geomap.query import ClaimFilter
from geomap.store import open_store


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _second_url(db_url, tmp_path, request) -> str:
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'reviewer.db'}"
    return request.getfixturevalue("pg_server").new_database()


def test_reviewed_export_round_trips_without_duplicates(db_url, tmp_path, request):
    """A reviewer imports our export, rejects one claim, confirms another and sends the file
    back: importing it here reviews the stored claims instead of adding copies beside them."""
    src = make_source(1)
    claims = [make_claim("toretsk", quote="a"), make_claim("pokrovsk", quote="b"),
              make_claim("kyiv", type="strike", quote="c")]  # fmt: skip
    with open_store(db_url) as ours:
        ours.ingest(src, claims)
        export_claims(ours.claims(), tmp_path / "ours.jsonl")
    with open_store(_second_url(db_url, tmp_path, request)) as theirs:
        theirs.import_claims(read_claims(tmp_path / "ours.jsonl"))
        ids = {c.quote: c.id for c in theirs.claims()}
        theirs.review(ids["a"], "rejected", "another Toretsk")
        theirs.review(ids["b"], "confirmed")
        export_claims(theirs.claims(), tmp_path / "reviewed.csv")
    res = run("import", str(tmp_path / "reviewed.csv"), "--db", db_url)
    assert res.exit_code == 0, res.output
    assert (
        "imported 0 claims" in res.output and "2 stored claims took the file's review" in res.output
    )
    with open_store(db_url) as ours:
        got = {c.quote: (c.review_status, c.notes) for c in ours.claims()}
        assert ours.count()["claims"] == 3
        assert got == {"a": ("rejected", "review: another Toretsk"), "b": ("confirmed", None),
                       "c": ("unreviewed", None)}  # fmt: skip
        # the original unreviewed file again: it does not undo the reviews
        res = ours.import_claims(read_claims(tmp_path / "ours.jsonl"))
        assert (res.added, res.skipped, res.reviewed) == (0, 3, 0)
        assert {c.quote: c.review_status for c in ours.claims()}["a"] == "rejected"
        # and the rejected claim is not on the map twice
        assert len(ours.claims(ClaimFilter(place="1001"))) == 1


def _rows(path):
    with open(path, encoding="utf-8", newline="") as fp:
        return list(csv.DictReader(fp))


def _write_rows(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fp:
        w = csv.DictWriter(fp, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def test_an_import_cannot_rename_a_stored_place(db_url, tmp_path):
    with open_store(db_url) as s:
        s.ingest(make_source(1), [make_claim("toretsk")])
    path = tmp_path / "evil.csv"
    export_claims([make_claim("kyiv", source=make_source(5)),
                   make_claim("toretsk", source=make_source(6))], path)  # fmt: skip
    rows = _rows(path)
    rows[1].update(location="Fakeville", latitude="0.0", longitude="0.0")
    _write_rows(path, rows)
    res = run("import", str(path), "--db", db_url)
    assert res.exit_code == 1
    assert f"{path}: line 3: field 'place_id': place '1001' is 'Toretsk'" in res.output
    assert "not 'Fakeville' at 0.0000,0.0000" in res.output
    with open_store(db_url) as s:
        assert s.get_place("1001").name == "Toretsk"
        assert s.count()["claims"] == 1 and s.get_place("1004") is None  # nothing stored


def test_an_import_cannot_rename_a_gazetteer_place_or_contradict_itself(db_url, tmp_path):
    """709354 is Toretsk in GeoNames: not stored yet, still not renamable. An alias and a
    fresh id (not in the gazetteer) are fine, but two rows may not disagree about it."""
    toretsk = make_claim("toretsk", source=make_source(1))
    real = replace(toretsk.place, id="709354", name="Dzerzhinsk", lat=48.39, lon=37.85)
    ok = tmp_path / "ok.csv"
    export_claims([replace(toretsk, place=real)], ok)
    assert run("import", str(ok), "--db", db_url).exit_code == 0  # an alias of Toretsk
    with open_store(db_url) as s:  # stored under the gazetteer's name, not the file's
        assert s.get_place("709354").name == "Toretsk"
    evil = tmp_path / "evil.csv"
    fake = replace(real, id="709354", name="Fakeville", lat=0.0, lon=0.0)
    export_claims([replace(toretsk, place=fake, source=make_source(2))], evil)
    res = run("import", str(evil), "--db", db_url)
    assert (
        res.exit_code == 1 and "line 2: field 'place_id': place '709354' is 'Toretsk'" in res.output
    )
    new = replace(real, id="X-1", name="Newplace", lat=10.0, lon=10.0)
    twice = tmp_path / "twice.csv"
    export_claims([replace(toretsk, place=new), replace(toretsk, place=replace(new, lat=20.0),
                                                        source=make_source(3))], twice)  # fmt: skip
    res = run("import", str(twice), "--db", db_url)
    assert (
        res.exit_code == 1 and "line 3: field 'place_id': place 'X-1' is 'Newplace'" in res.output
    )
    with open_store(db_url) as s:
        assert s.get_place("X-1") is None
