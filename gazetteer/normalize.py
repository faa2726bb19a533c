"""Name keys: every common spelling of a place (Latin, Ukrainian, Russian) maps to one lookup key.

`normalize` is the exact key (case, diacritics, apostrophes, hyphens, Cyrillic transliteration);
`loose_key` is a coarser phonetic key so romanisation variants (Torezk/Toretsk,
Artemivsk/Artemovsk, Lugansk/Luhansk) still meet when no exact key matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters only Ukrainian uses; their presence switches the transliteration of и/г to Ukrainian.
_UK_MARKERS = frozenset("іїєґ")

_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ъ": "",
    "ю": "yu",
    "я": "ya",
    "ё": "e",
    "ы": "y",
    "э": "e",
    "ў": "u",
}
_RU = {**_COMMON, "и": "i", "й": "y", "г": "g"}
_UK = {**_COMMON, "и": "y", "й": "i", "г": "h", "ґ": "g", "і": "i", "ї": "i", "є": "ie"}
# Latin letters NFKD does not decompose.
_LATIN_EXTRA = {
    "ß": "ss",
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ı": "i",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ð": "d",
    "ħ": "h",
}
# Apostrophes, primes and modifier letters used for the Ukrainian/Russian soft sign: dropped.
_DROP = frozenset("'’‘`´ʼʹʻʽ′″\"ˈ«»“”„")
_NONWORD_RE = re.compile(r"[\W_]+")
# Combining marks (diacritics after NFKD) of the Latin/Cyrillic/Greek ranges.
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _table(cyr: dict[str, str]) -> dict[int, str | None]:
    """str.translate table: Cyrillic -> Latin, extra Latin letters, dropped apostrophes."""
    t: dict[int, str | None] = {ord(k): v for k, v in cyr.items()}
    t.update({ord(k): v for k, v in _LATIN_EXTRA.items()})
    t.update({ord(c): None for c in _DROP})
    return t


# precomposed letters that NFKD would split are translated whole (й, ї)
_RU_T = _table({**_RU, "й": "y"})
_UK_T = _table({**_UK, "й": "i", "ї": "i"})
_DROP_T: dict[int, str | None] = {ord(c): None for c in _DROP}


@lru_cache(maxsize=200_000)
def normalize(s: str) -> str:
    """The lookup key of a name: lowercase ASCII-ish words separated by single spaces.

    Ukrainian-specific letters switch и->y, г->h (Ukrainian national romanisation);
    otherwise Russian (и->i, г->g). Scripts other than Latin/Cyrillic pass through.
    """
    s = s.casefold()
    if s.isalpha() and s.isascii():  # one plain word ("kramatorsk"): nothing else to do
        return s
    if s.isascii():
        s = s.translate(_DROP_T)
    else:
        table = _UK_T if any(c in _UK_MARKERS for c in s) else _RU_T
        s = s.translate(table)
        if not s.isascii():
            s = _COMBINING_RE.sub("", unicodedata.normalize("NFKD", s)).translate(table)
    return _NONWORD_RE.sub(" ", s).strip()


_LOOSE_SUBS = (
    ("shch", "s"),
    ("sch", "s"),
    ("sh", "s"),
    ("zh", "z"),
    ("kh", "h"),
    ("ch", "C"),
    ("ts", "z"),
    ("tz", "z"),
    ("dz", "z"),
    ("c", "z"),
    ("C", "c"),
    ("ph", "f"),
    ("w", "v"),
    ("g", "h"),
    ("x", "ks"),
    ("q", "k"),
)
_VOWELS_RE = re.compile(r"[aeiouyj]+")
_REPEAT_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def loose_key(s: str) -> str:
    """A phonetic key over `normalize`: folded sibilants/velars, one vowel, no spaces."""
    return loose_of_key(normalize(s))


def loose_of_key(key: str) -> str:
    """`loose_key` of an already normalised key (the index builder's fast path)."""
    k = key.replace(" ", "")
    for a, b in _LOOSE_SUBS:
        k = k.replace(a, b)
    k = _VOWELS_RE.sub("a", k)
    return _REPEAT_RE.sub(r"\1", k)


def is_latin_key(key: str) -> bool:
    """True when a key is plain ASCII letters/digits/spaces (the scripts the index keeps)."""
    return key.isascii() and bool(key) and any(c.isalpha() for c in key)
