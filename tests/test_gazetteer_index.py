"""The on-disk index: built once, reopened fast, rebuilt when stale or damaged, never broken."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures_gazetteer import SMALL_PLACES, write_small_source

from gazetteer import Gazetteer, GazetteerError
from gazetteer.index import ENV_CACHE, INDEX_NAME, cache_path, check_sqlite_file


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, Path]:
    src = write_small_source(tmp_path)
    return src, tmp_path / "cache" / "gaz.sqlite"


def _built_at(path: Path) -> str:
    g = Gazetteer(path)
    try:
        return g.meta["built_at"]
    finally:
        g.close()


def test_build_then_reopen_without_rebuild(small):
    src, cache = small
    g = Gazetteer.build(source=src, cache=cache)
    assert g.resolve("Toretsk").place.id == "709354"
    assert g.resolve("Sumy region").place.id == "UA.21"
    stamp = g.meta["built_at"]
    g.close()
    g2 = Gazetteer.open(source=src, cache=cache)
    assert g2.meta["built_at"] == stamp  # fresh: reused, not rebuilt
    assert g2.get("UA.DONBAS").members == ("UA.05", "UA.14")
    assert not list(cache.parent.glob("*.tmp-*"))


def test_source_change_triggers_rebuild(small):
    src, cache = small
    Gazetteer.build(source=src, cache=cache).close()
    stamp = _built_at(cache)
    st = src.stat()
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # touched, same content
    assert Gazetteer.open(source=src, cache=cache).meta["built_at"] == stamp
    data = json.loads(src.read_text(encoding="utf-8"))
    data["709354"]["population"] = 12345
    src.write_text(json.dumps(data), encoding="utf-8")  # changed content
    g = Gazetteer.open(source=src, cache=cache)
    assert g.meta["built_at"] != stamp
    assert g.get("709354").population == 12345


@pytest.mark.parametrize("damage", ["garbage", "truncate", "empty"])
def test_damaged_cache_is_rebuilt(small, damage):
    src, cache = small
    Gazetteer.build(source=src, cache=cache).close()
    data = cache.read_bytes()
    if damage == "garbage":
        cache.write_bytes(b"this is not a database" * 100)
    elif damage == "truncate":
        cache.write_bytes(data[: len(data) // 2])
    else:
        cache.write_bytes(b"")
    assert check_sqlite_file(cache) is not None
    with pytest.raises(GazetteerError, match="rebuild"):
        Gazetteer(cache)  # opening the file directly: clear error, not a traceback
    g = Gazetteer.open(source=src, cache=cache)  # the normal way: rebuilt
    assert g.resolve("Kursk region").place.id == "RU.41"


def test_failed_build_keeps_previous_index(small, tmp_path):
    src, cache = small
    Gazetteer.build(source=src, cache=cache).close()
    before = cache.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text('{"1": {"geonameid": "x", "name": "Nowhere"}}', encoding="utf-8")
    with pytest.raises(GazetteerError, match="bad.json"):
        Gazetteer.build(source=bad, cache=cache)
    assert cache.read_bytes() == before
    assert not list(cache.parent.glob("*.tmp-*"))
    not_json = tmp_path / "broken.json"
    not_json.write_text("{", encoding="utf-8")
    with pytest.raises(GazetteerError, match="broken.json"):
        Gazetteer.build(source=not_json, cache=cache)


def test_cache_location_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_CACHE, str(tmp_path))
    assert cache_path() == tmp_path / INDEX_NAME
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "custom.sqlite"))
    assert cache_path() == tmp_path / "custom.sqlite"
    monkeypatch.delenv(ENV_CACHE)
    assert cache_path().name == INDEX_NAME and "geomap" in str(cache_path())


def test_env_var_drives_open(monkeypatch, small):
    src, cache = small
    monkeypatch.setenv(ENV_CACHE, str(cache))
    g = Gazetteer.open(source=src)
    assert g.path == cache and cache.exists()
    assert len(SMALL_PLACES) < g.resolve("Donbas").place.population  # a sum of populations


def test_region_polygons_cover_their_settlements(small):
    from shapely.geometry import Point

    src, cache = small
    g = Gazetteer.build(source=src, cache=cache)
    donetsk = g.region("UA.05")
    assert donetsk.polygon.contains(Point(37.8478, 48.3948))  # Toretsk
    assert not donetsk.polygon.contains(Point(34.7991, 50.9174))  # Sumy
    assert donetsk.polygon.contains(Point(donetsk.lon, donetsk.lat))  # centroid inside


def _open_in_subprocess(src: Path, cache: Path) -> subprocess.Popen:
    code = (
        "import sys; from gazetteer import Gazetteer; "
        "g = Gazetteer.open(source=sys.argv[1], cache=sys.argv[2]); print(g.meta['built_at'])"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, str(src), str(cache)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_concurrent_opens_build_once(small):
    src, cache = small
    procs = [_open_in_subprocess(src, cache) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert len({o.strip() for o, _ in outs}) == 1  # one build, the others reused it
    assert check_sqlite_file(cache) is None


def test_killed_build_leaves_no_index_and_next_build_cleans_up(small):
    src, cache = small
    from gazetteer.index import default_source

    proc = _open_in_subprocess(default_source(), cache)  # the full source: takes seconds
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(cache.parent.glob("*.tmp-*")):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert list(cache.parent.glob("*.tmp-*")), "the build had started writing"
    assert not cache.exists()  # never a half-written index under the real name
    g = Gazetteer.open(source=src, cache=cache)
    assert g.resolve("Toretsk").place.id == "709354"
    assert not list(cache.parent.glob("*.tmp-*"))


def test_unwritable_cache_location_is_a_clear_error(small, tmp_path):
    src, _ = small
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("a file where a directory should be")
    with pytest.raises(GazetteerError, match="GEOMAP_GAZETTEER_CACHE"):
        Gazetteer.open(source=src, cache=blocker / "sub" / "gaz.sqlite")
    with pytest.raises(GazetteerError, match="not readable|cannot read"):
        Gazetteer.open(source=tmp_path / "missing.json", cache=tmp_path / "x.sqlite")


def test_bloom_filter_has_no_false_negatives_and_few_false_positives():
    from gazetteer.bloom import Bloom

    keys = [f"place {i} {i * 7919 % 1000}" for i in range(5000)]
    bloom = Bloom.build(keys, len(keys))
    assert all(k in bloom for k in keys)
    others = [f"other {i}" for i in range(5000)]
    assert sum(k in bloom for k in others) < 150  # ~1% expected


def test_is_name_uses_the_index_bloom(small):
    src, cache = small
    g = Gazetteer.build(source=src, cache=cache)
    assert g._bloom is not None
    assert g.is_name("Torezk") and g.is_name("Chasov Yar") and not g.is_name("Zzyzx Qwerty")


def test_corrupt_pages_inside_a_whole_file_give_gazetteer_errors(small):
    src, cache = small
    Gazetteer.build(source=src, cache=cache).close()
    data = bytearray(cache.read_bytes())
    page = 4096
    for start in range(page, len(data), page * 2):  # scribble over every other page
        data[start : start + 200] = b"\xa5" * 200
    cache.write_bytes(bytes(data))
    names = ["Toretsk", "Sumy region", "Kursk", "Xyzzy"]
    try:
        g = Gazetteer(cache)
    except GazetteerError:
        return  # detected at open: fine
    for n in names:
        try:
            g.candidates(n)
            g.is_name(n)
        except GazetteerError as exc:
            assert "rebuild" in str(exc) or "corrupt" in str(exc)
    # the normal way in detects it or still answers; it never raises anything else
    try:
        Gazetteer.open(source=src, cache=cache).candidates("Toretsk")
    except GazetteerError:
        pass
