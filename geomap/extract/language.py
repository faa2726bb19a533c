"""Which language a document is in (en, ru, uk), from its letters: no model needed.

Ukrainian has і ї є ґ, Russian ы э ё ъ; Latin text with little Cyrillic is English.
"""

from __future__ import annotations

import re

_CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_UK_RE = re.compile(r"[іїєґІЇЄҐ]")
_RU_RE = re.compile(r"[ыэёъЫЭЁЪ]")


def detect_language(text: str) -> str:
    """'en', 'ru' or 'uk': the letters of the first 20,000 characters decide."""
    sample = text[:20000]
    cyr = len(_CYRILLIC_RE.findall(sample))
    lat = len(_LATIN_RE.findall(sample))
    if cyr <= lat:
        return "en"
    uk, ru = len(_UK_RE.findall(sample)), len(_RU_RE.findall(sample))
    return "uk" if uk > ru else "ru"
