"""Russian and Ukrainian extractors: rule data in ru.toml / uk.toml, names lemmatised with
pymorphy3 and matched to the gazetteer's Cyrillic names."""

from geomap.extract.slavic.extractor import RussianExtractor, SlavicExtractor, UkrainianExtractor

__all__ = ["RussianExtractor", "SlavicExtractor", "UkrainianExtractor"]
