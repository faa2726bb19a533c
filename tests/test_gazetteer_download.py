"""`geomap gazetteer download`: GeoNames dumps fetched from a local server (fixtures in GeoNames'
formats), checked, resumed, imported atomically; front-line villages resolve afterwards and,
before it, fall back to the region the document names, never to a namesake elsewhere."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures_gazetteer import write_small_source
from fixtures_geonames_server import GeonamesServer, geonames_files

from gazetteer import Gazetteer, GazetteerError
from gazetteer.download import download, download_dir, fetch
from gazetteer.importer import overlay_path

VILLAGES = [  # name, document context, GeoNames id, region
    ("Robotyne", "Fighting went on in the Zaporizhzhia region.", "99100001", "UA.26"),
    ("Klishchiivka", "Shelling across the Donetsk region.", "99100002", "UA.05"),
    ("Tonenke", "Shelling across the Donetsk region.", "99100003", "UA.05"),
    ("Malaya Loknya", "Ukrainian units held parts of the Kursk region.", "99200001", "RU.41"),
    ("Sverdlikovo", "Ukrainian units held parts of the Kursk region.", "99200002", "RU.41"),
]


@pytest.fixture
def geonames_server() -> Iterator[GeonamesServer]:
    with GeonamesServer() as server:
        yield server


@pytest.fixture(scope="module")
def small_built(tmp_path_factory) -> tuple[Path, Path]:
    """A small index (a handful of towns, the world at region level), built once."""
    tmp = tmp_path_factory.mktemp("small")
    src = write_small_source(tmp)
    places = json.loads(src.read_text(encoding="utf-8"))
    places["687700"] = {  # so the Zaporizhzhia region exists in this small index
        "geonameid": 687700, "name": "Zaporizhzhia", "latitude": 47.8517,
        "longitude": 35.1171, "countrycode": "UA", "population": 710052, "timezone": "",
        "admin1code": "26", "alternatenames": [],
    }  # fmt: skip
    src.write_text(json.dumps(places), encoding="utf-8")
    index = tmp / "gazetteer.sqlite"
    Gazetteer.build(source=src, cache=index).close()
    return src, index


@pytest.fixture
def small(small_built, tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the small index (each test gets its own overlay and downloads)."""
    src, index = small_built
    cache = tmp_path / "cache" / "gazetteer.sqlite"
    cache.parent.mkdir()
    shutil.copyfile(index, cache)
    return src, cache


@pytest.mark.parametrize(("name", "text", "gid", "region"), VILLAGES)
def test_before_download_a_village_falls_back_to_the_documents_region(
    small, name, text, gid, region
):
    src, cache = small
    g = Gazetteer.open(source=src, cache=cache)
    assert g.candidates(name) == []
    best = g.resolve(name, context=text)
    assert (best.place.id, best.place.precision, best.match) == (region, "region", "context-region")
    assert best.score < 1.0 and "gazetteer download" in best.reasons[0]


def test_download_fetches_checks_and_imports_villages(small, geonames_server, tmp_path):
    src, cache = small
    seen: list[tuple[str, int, int | None]] = []
    r = download(
        ["UA", "ru"],
        cache=cache,
        base_url=geonames_server.url,
        progress=lambda *a: seen.append(a),
    )
    assert r.places == 7  # 5 + 2 populated places; the stream (class H) is left out
    assert {p.name for p in r.files} == {"UA.zip", "RU.zip", "alternateNamesV2.zip"}
    assert {n for n, _, _ in seen} >= {"UA.zip", "RU.zip", "countryInfo.txt"}
    assert all(done <= total for _, done, total in seen if total)
    assert sorted(p.name for p in download_dir(cache).iterdir()) == sorted(
        ["UA.zip", "RU.zip", "alternateNamesV2.zip", "countryInfo.txt", "admin1CodesASCII.txt",
         "admin2Codes.txt"]
    )  # fmt: skip
    g = Gazetteer.open(source=src, cache=cache)
    for name, text, gid, region in VILLAGES:
        best = g.resolve(name, context=text)
        assert (best.place.id, best.place.admin1) == (gid, region)
        assert g.resolve(name).place.id == gid  # without context too
    assert g.resolve("Роботине").place.id == "99100001"
    assert g.resolve("Malaja Loknja").place.id == "99200001"  # from alternateNamesV2
    assert g.candidates("Suha Balka") == []
    # files already there are not fetched again
    before = len(geonames_server.requests)
    download(["UA"], cache=cache, base_url=geonames_server.url)
    assert len(geonames_server.requests) == before


def test_truncated_download_fails_then_resumes(small, geonames_server):
    _, cache = small
    geonames_server.truncate.add("UA.zip")
    with pytest.raises(GazetteerError, match=r"short: \d+ of \d+ bytes; run again to resume"):
        download(["UA"], cache=cache, base_url=geonames_server.url)
    assert not overlay_path(cache).exists()  # nothing imported
    part = download_dir(cache) / "UA.zip.part"
    assert part.exists() and not (download_dir(cache) / "UA.zip").exists()
    geonames_server.truncate.clear()
    r = download(["UA"], cache=cache, base_url=geonames_server.url)
    assert r.places == 5
    ranged = [rng for name, rng in geonames_server.requests if name == "UA.zip" and rng]
    assert ranged == [
        f"bytes={part_size}-" for part_size in [len(geonames_server.files["UA.zip"]) // 2]
    ]


def test_a_corrupt_zip_is_refused_and_the_overlay_kept(small, tmp_path):
    _, cache = small
    folder = tmp_path / "dumps"
    folder.mkdir()
    files = geonames_files()
    (folder / "UA.zip").write_bytes(files["UA.zip"][:-40])  # cut: central directory gone
    with pytest.raises(GazetteerError, match="not a complete zip"):
        download(["UA"], from_dir=folder, cache=cache)
    assert not overlay_path(cache).exists()


def test_a_stalled_server_times_out_with_a_clear_message(small, geonames_server, tmp_path):
    geonames_server.stall.add("UA.zip")
    with pytest.raises(GazetteerError, match="stalled .* run the command again to resume"):
        fetch(geonames_server.url + "UA.zip", tmp_path / "UA.zip", timeout=0.5)
    assert not (tmp_path / "UA.zip").exists()


def test_from_dir_imports_without_network(small, tmp_path):
    src, cache = small
    folder = tmp_path / "offline"
    folder.mkdir()
    for name, data in geonames_files().items():
        (folder / name).write_bytes(data)
    r = download(["BY", "UA"], from_dir=folder, cache=cache, base_url="http://127.0.0.1:9/")
    assert r.places == 6 and r.downloaded_bytes == 0
    g = Gazetteer.open(source=src, cache=cache)
    assert g.resolve("Zalessie").place.country == "BY"


def test_bad_country_codes_are_refused(small, tmp_path):
    _, cache = small
    with pytest.raises(GazetteerError, match="two-letter country code"):
        download(["Ukraine"], cache=cache)
    with pytest.raises(GazetteerError, match="at least one country"):
        download([], cache=cache)


def test_cli_download_from_dir(small, tmp_path, monkeypatch):
    src, cache = small
    from geomap.cli import main

    folder = tmp_path / "offline"
    folder.mkdir()
    for name, data in geonames_files().items():
        (folder / name).write_bytes(data)
    monkeypatch.setenv("GEOMAP_GAZETTEER_CACHE", str(cache))
    res = CliRunner().invoke(main, ["gazetteer", "download", "UA", "--from", str(folder)])
    assert res.exit_code == 0, res.output
    assert "imported 5 places and 2 districts" in res.output and "CC BY 4.0" in res.output
    res = CliRunner().invoke(main, ["gazetteer", "download", "XX1"])
    assert res.exit_code == 1 and "two-letter country code" in res.output


def test_all_countries_from_dir_streams_and_leaves_no_scratch(small, tmp_path):
    """--all --from DIR: allCountries.zip read through, alternate names joined from disk,
    and neither the temporary overlay nor the scratch names file is left behind."""
    import zipfile

    from fixtures_geonames_server import ALT_ROWS, BY_ROWS, RU_ROWS, UA_ROWS

    src, cache = small
    folder = tmp_path / "offline"
    folder.mkdir()
    with zipfile.ZipFile(folder / "allCountries.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("allCountries.txt", "\n".join(UA_ROWS + RU_ROWS + BY_ROWS) + "\n")
    (folder / "alternateNamesV2.txt").write_text("\n".join(ALT_ROWS) + "\n", encoding="utf-8")
    r = download(all_countries=True, from_dir=folder, cache=cache)
    assert r.places == 8 and r.alternate_names >= 2
    g = Gazetteer.open(source=src, cache=cache)
    assert g.resolve("Malaja Loknja").place.id == "99200001"  # joined from the scratch file
    assert g.resolve("Zalessie").place.country == "BY"
    assert sorted(p.name for p in cache.parent.iterdir()) == sorted(
        [cache.name, overlay_path(cache).name]
    )


def test_a_bad_row_deep_in_a_file_keeps_the_overlay(small, tmp_path):
    from fixtures_geonames_server import UA_ROWS

    src, cache = small
    folder = tmp_path / "offline"
    folder.mkdir()
    for name, data in geonames_files().items():
        (folder / name).write_bytes(data)
    download(["BY"], from_dir=folder, cache=cache)
    before = overlay_path(cache).read_bytes()
    bad = UA_ROWS[:3] + ["99100999\tBroken\tBroken\t\tnorth\t37.0" + "\tx" * 13]
    (folder / "UA.zip").unlink()
    (folder / "UA.txt").write_text("\n".join(bad) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"UA.txt:4: latitude/longitude 'north'"):
        download(["UA"], from_dir=folder, cache=cache)
    assert overlay_path(cache).read_bytes() == before  # the rows before it did not land
    assert Gazetteer.open(source=src, cache=cache).candidates("Robotyne") == []
    assert sorted(p.name for p in cache.parent.iterdir()) == sorted(
        [cache.name, overlay_path(cache).name]
    )


def test_id_set_is_a_bitmap():
    from gazetteer.download import IdSet

    ids = IdSet()
    for gid in (1, 8, 709354, 12_999_999):
        ids.add(gid)
    assert all(g in ids for g in (1, 8, 709354, 12_999_999))
    assert not any(g in ids for g in (0, 2, 709353, 13_000_000, 99_000_000, -5))


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Pokrovsk district", "UA.05.1"),
        ("Pokrovskyi Raion", "UA.05.1"),
        ("Покровський район", "UA.05.1"),
        ("Bakhmut raion", "UA.05.2"),
        ("Sudzha district", "RU.41.3"),
    ],
)
def test_districts_resolve_at_district_precision_after_download(small, tmp_path, phrase, code):
    src, cache = small
    folder = tmp_path / "offline"
    folder.mkdir()
    for name, data in geonames_files().items():
        (folder / name).write_bytes(data)
    r = download(["UA", "RU"], from_dir=folder, cache=cache)
    assert r.districts == 3 and r.places == 7  # the divisions are not villages
    g = Gazetteer.open(source=src, cache=cache)
    best = g.resolve(phrase)
    assert (best.place.id, best.place.feature, best.place.precision) == (code, "admin2", "region")
    assert best.place.admin1 == code.rsplit(".", 1)[0]
    assert g.resolve(phrase, context="Shelling across the Donetsk region.").place.id == code
    assert g.get(code).name in ("Pokrovskyi Raion", "Bakhmutskyi Raion", "Sudzhanskiy Rayon")


def test_district_phrases_examples():
    """Every example of data/districts.json."""
    from gazetteer.download import _district_rules, district_phrases

    for name, phrases in _district_rules()["examples"]:
        assert set(phrases) <= set(district_phrases(name)), name
    assert district_phrases("Kyiv") == []
