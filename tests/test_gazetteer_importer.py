"""GeoNames dump import into the overlay: small villages become resolvable; bad rows are named."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_gazetteer import ALTERNATE_ROWS, GEONAMES_ROWS, write_small_source, write_tsv

from gazetteer import Gazetteer, GazetteerError
from gazetteer.importer import import_geonames, overlay_path


@pytest.fixture
def small_cache(tmp_path: Path) -> tuple[Path, Path]:
    src = write_small_source(tmp_path)
    cache = tmp_path / "cache" / "gaz.sqlite"
    Gazetteer.build(source=src, cache=cache).close()
    return src, cache


def test_import_country_file_and_alternate_names(small_cache, tmp_path):
    src, cache = small_cache
    dump = write_tsv(tmp_path / "UA.txt", GEONAMES_ROWS)
    alts = write_tsv(tmp_path / "alternateNamesV2.txt", ALTERNATE_ROWS)
    g = Gazetteer.open(source=src, cache=cache)
    assert g.candidates("Vyshneve Pole") == []
    g.close()
    stats = import_geonames(dump, alts, cache=cache)
    assert (stats.places, stats.already_indexed, stats.skipped_feature_class) == (2, 1, 1)
    assert overlay_path(cache).exists()

    g = Gazetteer.open(source=src, cache=cache)
    village = g.resolve("Vyshneve Pole").place
    assert (village.id, village.population, village.admin1) == ("99000001", 140, "UA.05")
    assert g.resolve("Вишневе Поле").place.id == "99000001"
    assert g.resolve("Vishnyovoye Polye").place.id == "99000001"  # from alternateNames
    assert g.resolve("Kalynova Balka").place.precision == "settlement"
    assert g.candidates("Suha Richka") == []  # a stream (feature class H) is not imported
    assert g.resolve("Torets Town").place.id == "709354"  # extra name for an indexed place
    # an indexed place appears once even though the dump lists it again
    assert [c.place.id for c in g.candidates("Toretsk")] == ["709354"]
    assert g.is_name("Kalynova Balka")


@pytest.mark.parametrize(
    ("row_change", "message"),
    [
        (lambda r: r[:10], "expected 19 tab-separated columns, got 10"),
        (lambda r: ["abc", *r[1:]], "geonameid 'abc'"),
        (lambda r: [*r[:4], "95.0", *r[5:]], "out of range"),
        (lambda r: [*r[:4], "north", *r[5:]], "not numbers"),
        (lambda r: [*r[:14], "-3", *r[15:]], "population '-3'"),
        (lambda r: [r[0], "", *r[2:]], "empty name"),
    ],
)
def test_malformed_row_names_file_and_line(small_cache, tmp_path, row_change, message):
    src, cache = small_cache
    rows = [GEONAMES_ROWS[0], row_change(list(GEONAMES_ROWS[1]))]
    dump = write_tsv(tmp_path / "UA.txt", rows)
    with pytest.raises(GazetteerError) as exc:
        import_geonames(dump, cache=cache)
    assert f"{dump}:2:" in str(exc.value) and message in str(exc.value)
    # nothing written: the valid first row did not land either
    g = Gazetteer.open(source=src, cache=cache)
    assert g.candidates("Vyshneve Pole") == []


def test_malformed_alternate_names_and_missing_file(small_cache, tmp_path):
    _, cache = small_cache
    dump = write_tsv(tmp_path / "UA.txt", GEONAMES_ROWS)
    bad = write_tsv(tmp_path / "alt.txt", [["1", "2", "en"]])
    with pytest.raises(GazetteerError, match=r"alt.txt:1: expected 10"):
        import_geonames(dump, bad, cache=cache)
    with pytest.raises(GazetteerError, match="cannot read GeoNames file"):
        import_geonames(tmp_path / "missing.txt", cache=cache)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(GazetteerError, match="not UTF-8"):
        import_geonames(binary, cache=cache)


def test_damaged_overlay_is_ignored_with_a_warning(small_cache, tmp_path):
    src, cache = small_cache
    overlay_path(cache).write_bytes(b"not sqlite at all" * 64)
    with pytest.warns(UserWarning, match="overlay"):
        g = Gazetteer.open(source=src, cache=cache)
    assert g.resolve("Toretsk").place.id == "709354" and g.overlay_path is None
    dump = write_tsv(tmp_path / "UA.txt", GEONAMES_ROWS)
    with pytest.raises(GazetteerError, match="delete it and import again"):
        import_geonames(dump, cache=cache)
    overlay_path(cache).unlink()
    import_geonames(dump, cache=cache)
    assert Gazetteer.open(source=src, cache=cache).resolve("Kalynova Balka").place.population == 85


def test_import_from_geonames_zip(small_cache, tmp_path):
    import zipfile

    src, cache = small_cache
    txt = write_tsv(tmp_path / "UA.txt", GEONAMES_ROWS)
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(txt, "UA.txt")
        zf.writestr("readme.txt", "about the data")
    stats = import_geonames(archive, cache=cache)
    assert stats.places == 2
    assert Gazetteer.open(source=src, cache=cache).resolve("Vyshneve Pole").place.id == "99000001"
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(GazetteerError, match="broken.zip"):
        import_geonames(broken, cache=cache)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("UA.txt", "1\tonly two columns\n")
    with pytest.raises(GazetteerError, match=r"bad.zip/UA.txt:1: expected 19"):
        import_geonames(bad, cache=cache)
