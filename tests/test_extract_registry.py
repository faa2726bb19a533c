"""The Extractor protocol, the registry and language detection."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.errors import GeomapError
from geomap.extract.language import detect_language
from geomap.extract.reader import read_text
from geomap.extract.registry import Extractor, available, get_extractor, register


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russian forces said they had taken the village.", "en"),
        ("Войска заняли выгодные рубежи и отразили атаки.", "ru"),
        ("Сили оборони відбили атаки ворога біля села.", "uk"),
        ("", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_builtins_implement_the_protocol() -> None:
    assert {"auto", "rules"} <= set(available())
    for name in ("auto", "rules"):
        assert isinstance(get_extractor(name), Extractor)


def test_unknown_extractor_is_a_clear_error() -> None:
    with pytest.raises(GeomapError, match="unknown extractor 'nope'"):
        get_extractor("nope")


def test_auto_dispatches_by_language(gaz) -> None:
    seen: list[str] = []

    class Fake:
        name, version, languages = "fake-ru", "1", frozenset({"ru"})

        def extract_article(self, art, source=None, *, published=None, gazetteer=None):
            seen.append(art.text)
            return get_extractor("rules").extract_article(
                art, source, published=published, gazetteer=gazetteer
            )

    register("fake-ru", Fake)
    try:
        auto = get_extractor("auto")
        auto.extract_article(read_text("Войска заняли рубежи."), gazetteer=gaz)
        auto.extract_article(read_text("Troops held the line."), gazetteer=gaz)
        assert seen == ["Войска заняли рубежи."]
    finally:
        from geomap.extract import registry

        registry._BUILTIN.pop("fake-ru", None)
        registry._INSTANCES.pop("fake-ru", None)
        registry._REGISTERED.remove("fake-ru")


def test_cli_rejects_an_unknown_extractor(tmp_path) -> None:
    (tmp_path / "a.gold.jsonl").write_text("")
    (tmp_path / "a.txt").write_text("Nothing here.")
    res = CliRunner().invoke(main, ["eval", str(tmp_path), "--extractor", "nope"])
    assert res.exit_code == 1
    assert "unknown extractor 'nope'" in res.output
