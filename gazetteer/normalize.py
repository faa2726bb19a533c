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
    "а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ж": "zh", "з": "z", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "", "ю": "yu",
    "я": "ya", "ё": "e", "ы": "y", "э": "e", "ў": "u",
}
_RU = {**_COMMON, "и": "i", "й": "y", "г": "g"}
_UK = {**_COMMON, "и": "y", "й": "i", "г": "h", "ґ": "g", "і": "i", "ї": "i", "є": "ie"}
# Latin letters NFKD does not decompose.
_LATIN_EXTRA = {"ß": "ss", "ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th",
                "ð": "d", "ħ": "h"}
# Apostrophes, primes and modifier letters used for the Ukrainian/Russian soft sign: dropped.
_DROP = frozenset("'’‘`´ʼʹʻʽ′″\"ˈ«»“”„")
_SPACE_RE = re.compile(r"[^\w]+|_+")
_WS_RE = re.compile(r"\s+")


def _translit_char(ch: str, table: dict[str, str]) -> str:
    return table.get(ch, ch)


@lru_cache(maxsize=200_000)
def normalize(s: str) -> str:
    """The lookup key of a name: lowercase ASCII-ish words separated by single spaces.

    Ukrainian-specific letters switch и->y, г->h (Ukrainian national romanisation);
    otherwise Russian (и->i, г->g). Scripts other than Latin/Cyrillic pass through.
    """
    s = s.casefold()
    table = _UK if any(c in _UK_MARKERS for c in s) else _RU
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", s):
        if ch in _DROP:
            continue
        cat = unicodedata.category(ch)
        if cat == "Mn":
            # combining marks: diacritics; but keep й/ї distinct from и/і (NFKD splits them)
            if ch == "\u0306" and out and out[-1] in ("i", "y") and table is _RU:
                out[-1] = "y"
            elif ch == "\u0306" and out and out[-1] == "y" and table is _UK:
                out[-1] = "i"
            continue
        if "\u0400" <= ch <= "\u04ff":
            out.append(_translit_char(ch, table))
        else:
            out.append(_LATIN_EXTRA.get(ch, ch))
    text = "".join(out)
    text = _SPACE_RE.sub(" ", text)
    return _WS_RE.sub(" ", text).strip()


_LOOSE_SUBS = (
    ("shch", "s"), ("sch", "s"), ("sh", "s"), ("zh", "z"), ("kh", "h"), ("ch", "C"),
    ("ts", "z"), ("tz", "z"), ("dz", "z"), ("c", "z"), ("C", "c"), ("ph", "f"), ("w", "v"),
    ("g", "h"), ("x", "ks"), ("q", "k"),
)
_VOWELS_RE = re.compile(r"[aeiouyj]+")
_REPEAT_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def loose_key(s: str) -> str:
    """A phonetic key over `normalize`: folded sibilants/velars, one vowel, no spaces."""
    k = normalize(s).replace(" ", "")
    for a, b in _LOOSE_SUBS:
        k = k.replace(a, b)
    k = _VOWELS_RE.sub("a", k)
    return _REPEAT_RE.sub(r"\1", k)


def is_latin_key(key: str) -> bool:
    """True when a key is plain ASCII letters/digits/spaces (the scripts the index keeps)."""
    return key.isascii() and bool(key) and any(c.isalpha() for c in key)
