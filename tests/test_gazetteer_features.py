"""Second-level regions (ISO 3166-2 counties, departments, provinces) and airports (OurAirports)
in the embedded index, and the feature-type prior that keeps a bare town name on the town.
Stories are our own."""

from __future__ import annotations

import json

import pytest

from gazetteer import GazetteerError, UnknownPlaceError
from gazetteer.features import (
    AIRPORTS_FILE,
    AIRPORTS_FORMAT,
    RULES_FILE,
    airport_names,
    airport_rows,
)


def test_a_county_in_a_british_story(gaz):
    ctx = gaz.context("Floods hit Kent. Police in London and Maidstone said roads were shut.")
    best = gaz.resolve("Kent", context=ctx)
    assert (best.place.id, best.place.feature) == ("GB-KEN", "admin2")
    assert best.place.admin1 == "GB.ENG"  # inside the first-level region of its parent code


def test_a_county_name_is_no_evidence_when_towns_bear_it(gaz):
    text = (
        "Voters in Kent, Cornwall and Salisbury, small towns of Litchfield County, "
        "Connecticut, met on Tuesday in Canaan."
    )
    ctx = gaz.context(text)
    assert "GB" not in ctx.countries
    assert gaz.resolve("Kent", context=ctx).place.country == "US"


def test_a_town_keeps_its_name_over_the_unitary_authority(gaz):
    # Reading, Derby and York are towns big enough to keep the bare name
    for name in ("Reading", "Derby", "York"):
        assert gaz.resolve(name, context="Trains to London were late.").place.feature == (
            "settlement"
        )


@pytest.mark.parametrize("name", ["Strait of Calais", "Granite City", "Bristol, City of"])
def test_translations_nicknames_and_inverted_forms_are_not_names(gaz, name):
    cands = gaz.candidates(name, limit=0)
    assert not any(c.place.feature == "admin2" and c.place.country in ("FR", "GB") for c in cands)


def test_irish_county_forms(gaz):
    for name in ("County Tipperary", "Co. Tipperary", "Tipperary"):
        assert gaz.resolve(name).place.id == "IE-TA"
    with pytest.raises(UnknownPlaceError):
        gaz.resolve("Tipperary County Council House")


RULES = json.loads(RULES_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("ex", RULES["examples"], ids=lambda ex: ex["name"])
def test_airport_naming_examples(ex):
    got = airport_names(ex["name"], ex["municipality"], set(ex["towns"]))
    assert set(ex["names"]) <= set(got)
    assert not set(ex["not"]) & set(got)


def test_shipped_airports_load_with_their_source():
    doc = json.loads(AIRPORTS_FILE.read_text(encoding="utf-8"))
    assert doc["format"] == AIRPORTS_FORMAT and len(doc["source"]["sha256"]) == 64
    rows = airport_rows()
    assert len(rows) > 4000
    for name, _town, lat, lon, cc, _iata, size, others in rows:
        assert name and len(cc) == 2 and size in ("L", "M") and isinstance(others, list)
        assert -90 <= lat <= 90 and -180 <= lon <= 180


def test_a_malformed_airports_file_is_a_clear_error(tmp_path, monkeypatch):
    from gazetteer import features

    bad = tmp_path / "airports.json"
    bad.write_text('{"format": 99, "airports": []}', encoding="utf-8")
    monkeypatch.setattr(features, "AIRPORTS_FILE", bad)
    features.airport_rows.cache_clear()
    try:
        with pytest.raises(GazetteerError, match="rebuild it with bench/build_airports.py"):
            features.airport_rows()
        bad.write_text("{not json", encoding="utf-8")
        with pytest.raises(GazetteerError, match="unreadable"):
            features.airport_rows()
    finally:
        features.airport_rows.cache_clear()


@pytest.mark.parametrize(
    ("name", "iata"),
    [("Schiphol", "AMS"), ("Heathrow Airport", "LHR"), ("Dulles International Airport", "IAD"),
     ("Kennedy Airport", "JFK"), ("Boryspil Airport", "KBP")],
)  # fmt: skip
def test_airports_resolve_by_the_names_the_press_uses(gaz, name, iata):
    best = gaz.resolve(name)
    assert (best.place.id, best.place.feature) == (f"airport.{iata}", "airport")


def test_an_airport_yields_to_a_town_of_its_name_without_context(gaz):
    assert gaz.resolve("Heathrow").place.feature == "settlement"  # a town in Florida
    ctx = gaz.context("Flights from London and Manchester were cancelled on Monday.")
    assert gaz.resolve("Heathrow", context=ctx).place.id == "airport.LHR"


def test_front_line_towns_stay_towns(gaz):
    ctx = gaz.context("Russian forces shelled Kupiansk and Izium in Kharkiv Oblast.")
    for name in ("Oskil", "Dnipro", "Boryspil", "Kramatorsk"):
        best = gaz.resolve(name, context=ctx)
        assert best.place.feature == "settlement", name


@pytest.mark.parametrize("word", ["West", "Republic", "Peninsula", "County", "Executive"])
def test_generic_words_of_airport_names_are_not_airports(gaz, word):
    assert not any(c.place.feature == "airport" for c in gaz.candidates(word, limit=0))


def test_an_airport_is_no_document_context(gaz):
    # "Dulles" is also a person's name: no evidence of the United States
    assert gaz.context("Dulles spoke to reporters in Bonn.").countries == {"DE"}


def test_a_map_showing_an_airport_credits_ourairports():
    from geomap.render.mapbuild import GEONAMES_ATTR, page_attribution

    def payload(pid: str) -> dict:
        return {"places": {"features": [{"properties": {"id": pid, "n": "x"}}]}}

    assert "OurAirports" in page_attribution(payload("airport.LHR"))
    assert page_attribution(payload("709354")) == GEONAMES_ATTR


def test_build_script_keeps_large_and_medium_airports_and_records_its_source(tmp_path):
    import hashlib
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "bench" / "build_airports.py"

    def row(name, kind, keywords=""):
        return {
            "type": kind, "name": name, "latitude_deg": "50.1", "longitude_deg": "30.2",
            "iso_country": "XA", "municipality": "Testville", "iata_code": "TST",
            "keywords": keywords,
        }  # fmt: skip

    rows = [
        row(
            "Testville International Airport", "large_airport", "TVL, Testville, Old Field Airport"
        ),
        row("Testville Heliport", "heliport"),
        row("Testville Strip", "small_airport"),
    ]
    src = tmp_path / "airports.json"
    src.write_text(json.dumps(rows), encoding="utf-8")
    out = tmp_path / "out.json"
    run = [sys.executable, str(script), str(src), "--out", str(out)]
    subprocess.run(run, capture_output=True, text=True, check=True)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["source"]["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
    assert doc["airports"] == [
        ["Testville International Airport", "Testville", 50.1, 30.2, "XA", "TST", "L",
         ["Old Field Airport"]],
    ]  # fmt: skip
    before = out.read_bytes()
    for bad in ("[]", "{not json"):
        src.write_text(bad, encoding="utf-8")
        fail = subprocess.run(run, capture_output=True, text=True)
        assert fail.returncode == 1 and "airports.json" in fail.stderr
        assert "Traceback" not in fail.stderr
        assert out.read_bytes() == before  # nothing half-written


def test_a_report_showing_an_airport_credits_ourairports():
    from datetime import date

    from geomap.records import ClaimRecord, PlaceRef
    from geomap.render.report import build_report

    def report(pid: str) -> str:
        place = PlaceRef(id=pid, name="Test Field", precision="region", lat=50.3, lon=30.9)
        claim = ClaimRecord(place=place, side="russia", type="strike", claim_date=date(2024, 3, 1))
        return build_report([claim], fronts=False, offline=True)

    assert "airports: OurAirports" in report("airport.TST")
    assert "OurAirports" not in report("709354")
