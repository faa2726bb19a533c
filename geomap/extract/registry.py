"""Extractors behind one protocol, found by name: the built-in ones and any package's.

A third-party package adds one with an entry point in the group ``geomap.extractors``
whose object is an Extractor (or a zero-argument callable returning one). ``auto`` picks
the extractor for the document's language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib.metadata import entry_points
from typing import Any, Protocol, runtime_checkable

from geomap.errors import GeomapError
from geomap.extract.language import detect_language
from geomap.extract.reader import Article
from geomap.records import SourceRecord

ENTRY_POINT_GROUP = "geomap.extractors"
DEFAULT = "auto"


@runtime_checkable
class Extractor(Protocol):
    """What ingest, eval and the Python API need of an extractor."""

    name: str
    version: str
    languages: frozenset[str]  # ISO 639-1 codes it reads ("en", "ru", "uk")

    def extract_article(
        self,
        art: Article,
        source: SourceRecord | None = None,
        *,
        published: date | None = None,
        gazetteer: Any = None,
    ) -> Any:
        """Return a geomap.extract.pipeline.Extraction for one read article."""
        ...


class RulesExtractor:
    """The English rule-based extractor (geomap.extract.pipeline)."""

    name = "rules"
    languages = frozenset({"en"})

    @property
    def version(self) -> str:
        from geomap.extract.version import VERSION

        return VERSION

    def extract_article(
        self,
        art: Article,
        source: SourceRecord | None = None,
        *,
        published: date | None = None,
        gazetteer: Any = None,
    ) -> Any:
        from geomap.extract.pipeline import extract_article

        return extract_article(art, source, published=published, gazetteer=gazetteer)


class AutoExtractor:
    """Detects each document's language and hands it to the registered extractor for it."""

    name = "auto"
    languages = frozenset({"en", "ru", "uk"})

    @property
    def version(self) -> str:
        return "+".join(f"{e.name}-{e.version}" for e in _by_language().values())

    def extract_article(
        self,
        art: Article,
        source: SourceRecord | None = None,
        *,
        published: date | None = None,
        gazetteer: Any = None,
    ) -> Any:
        lang = detect_language(art.text)
        ext = _by_language().get(lang) or get_extractor("rules")
        return ext.extract_article(art, source, published=published, gazetteer=gazetteer)


# name -> factory; the built-ins are created on first use (they import the rule data lazily)
# The built-in extractors' claims leave with calibrated confidence (geomap.extract.calibration).
def _rules() -> Extractor:
    from geomap.extract.calibration import Calibrated

    return Calibrated(RulesExtractor())


def _russian() -> Extractor:
    from geomap.extract.calibration import Calibrated
    from geomap.extract.slavic import RussianExtractor

    return Calibrated(RussianExtractor())


def _ukrainian() -> Extractor:
    from geomap.extract.calibration import Calibrated
    from geomap.extract.slavic import UkrainianExtractor

    return Calibrated(UkrainianExtractor())


def _learned() -> Extractor:
    from geomap.extract.learned import LearnedExtractor

    return LearnedExtractor()  # calibrates its own claims


# Order matters to `auto`: the first one reading a language wins. `rules+learned` comes after
# `rules`: trained on every tunable set it did not beat the rules in leave-one-set-out, on
# current or first-run claims (bench/bench_learned.py; figures in geomap/extract/learned.py).
_BUILTIN: dict[str, Callable[[], Extractor]] = {
    "rules": _rules,
    "auto": AutoExtractor,
    "rules-ru": _russian,
    "rules-uk": _ukrainian,
    "rules+learned": _learned,
}
_INSTANCES: dict[str, Extractor] = {}


_REGISTERED: list[str] = []  # names added by register(), newest first: they win in `auto`


def register(name: str, factory: Callable[[], Extractor]) -> None:
    """Add (or replace) an extractor under `name`; for tests and notebooks. For its languages
    it takes precedence over the built-ins in `auto`."""
    _BUILTIN[name] = factory
    _INSTANCES.pop(name, None)
    if name in _REGISTERED:
        _REGISTERED.remove(name)
    _REGISTERED.insert(0, name)


def _plugins() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available() -> list[str]:
    """Names `get_extractor` accepts: built-ins, then installed plugins."""
    return sorted(set(_BUILTIN) | set(_plugins()))


def get_extractor(name: str | None = None) -> Extractor:
    """The extractor called `name` (default: auto); an unknown name is a GeomapError."""
    name = name or DEFAULT
    if name in _INSTANCES:
        return _INSTANCES[name]
    if name in _BUILTIN:
        obj: Any = _BUILTIN[name]()
    else:
        ep = _plugins().get(name)
        if ep is None:
            raise GeomapError(
                f"unknown extractor {name[:80]!r}; available: {', '.join(available())}"
            )
        obj = ep.load()
        obj = obj() if callable(obj) and not isinstance(obj, Extractor) else obj
    if not isinstance(obj, Extractor):
        raise GeomapError(
            f"extractor {name[:80]!r} does not implement the Extractor protocol "
            f"(name, version, languages, extract_article)"
        )
    _INSTANCES[name] = obj
    return obj


def _by_language() -> dict[str, Extractor]:
    """language -> the first non-auto extractor that reads it (built-ins first)."""
    out: dict[str, Extractor] = {}
    names = _REGISTERED + [n for n in _BUILTIN if n not in _REGISTERED]
    for name in names + sorted(set(_plugins()) - set(_BUILTIN)):
        if name == "auto":
            continue
        ext = get_extractor(name)
        for lang in sorted(ext.languages):
            out.setdefault(lang, ext)
    return out
