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


# the glide й after a vowel, romanised "y" or "i" ("Krasnoarmeysk"/"Krasnoarmeisk",
# "Huliaipole"/"Hulyaypole" has it after "l" too, but a vowel must precede here), at a word's
# end or before a consonant
_GLIDE_Y_RE = re.compile(r"(?<=[aeo])y(?![aeiouy])")  # (not "iy": "Serhiy" is a person)
_GLIDE_I_RE = re.compile(r"(?<=[aeo])i(?![aeiouy])")


@lru_cache(maxsize=100_000)
def glide_variants(key: str) -> tuple[str, ...]:
    """The other romanisations of a normalised key's glides (й as "y" or "i" after a vowel):
    "krasnoarmeisk" -> ("krasnoarmeysk",), "pervomayske" -> ("pervomaiske",)."""
    out = []
    if "y" in key:
        out.append(_GLIDE_Y_RE.sub("i", key))
    if "i" in key:
        out.append(_GLIDE_I_RE.sub("y", key))
    return tuple(dict.fromkeys(v for v in out if v != key))


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


# Ukrainian national romanisation (Cabinet of Ministers resolution 55 of 2010), for display
# names: є ї й ю я are ye yi y yu ya at the start of a word and ie i i iu ia inside it; the
# soft sign and apostrophes are dropped; зг is zgh. (Lookup keys use `normalize`, whose
# coarser table only has to make spellings meet.)
_UK_2010 = {
    **{k: v for k, v in _COMMON.items() if k not in "ёыэўъ"},
    "г": "h",
    "ґ": "g",
    "и": "y",
    "і": "i",
    "є": "ie",
    "ї": "i",
    "й": "i",
    "ю": "iu",
    "я": "ia",
}
_UK_2010_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RUSSIAN_ONLY = frozenset("ёыэъ")


def romanize_uk(name: str) -> str:
    """A Ukrainian name in the 2010 national romanisation, keeping case, spaces and hyphens:
    Авдіївка -> Avdiivka, Куп'янськ -> Kupiansk, Гуляйполе -> Huliaipole."""
    out: list[str] = []
    start = True
    for i, ch in enumerate(name):
        low = ch.lower()
        if ch in _DROP:
            continue  # apostrophe: not a word start, nothing written
        if low == "г" and i > 0 and name[i - 1].lower() == "з":
            latin = "gh"
        elif start and low in _UK_2010_INITIAL:
            latin = _UK_2010_INITIAL[low]
        else:
            latin = _UK_2010.get(low, ch)
        if ch != low and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        start = not ch.isalpha()
    return "".join(out)


def is_ukrainian_form(name: str) -> bool:
    """A Cyrillic name that can be Ukrainian: no Russian-only letters (ё ы э ъ)."""
    letters = [c for c in name.lower() if c.isalpha()]
    return (
        bool(letters)
        and all("\u0400" <= c <= "\u04ff" for c in letters)
        and not any(c in _RUSSIAN_ONLY for c in letters)
    )


def ukrainian_score(name: str) -> int:
    """How surely a Cyrillic name is Ukrainian rather than Russian: letters only Ukrainian
    has, an apostrophe, or the soft sign before к in -ськ/-цьк count."""
    low = name.lower()
    return (
        2 * any(c in _UK_MARKERS for c in low)
        + any(c in "'’ʼ" for c in low)
        + ("ськ" in low or "цьк" in low)
    )


def ukrainian_display_name(name: str, alternates: list[str] | tuple[str, ...]) -> str:
    """The display name of a place in Ukraine: its Ukrainian name in the national
    romanisation when one of its Cyrillic names is a spelling of `name` (same loose key: never
    an old or other name such as Dzerzhynsk for Toretsk), else `name` unchanged."""
    target = _spelling_fold(name)
    shape = sum(c in " -" for c in name)
    best: tuple[tuple[int, bool], str] | None = None
    for alt in alternates:
        if not is_ukrainian_form(alt):
            continue
        latin = romanize_uk(alt)
        if _spelling_fold(latin) != target:
            continue  # another name, or another language's form (Belarusian Палтава)
        if latin.lower() == name.lower():
            return name  # `name` already is a Ukrainian form (Brovary, not Broväri's Броварі)
        # surely Ukrainian first, then words split as in `name` (Huliaipole, not Huliai-Pole)
        rank = (ukrainian_score(alt), sum(c in " -" for c in latin) == shape)
        if best is None or rank > best[0]:
            best = (rank, latin)
    return _cased_like(best[1], name) if best else name


def _spelling_fold(s: str) -> str:
    """Folds only what romanisations of one Ukrainian spelling differ in (y/i/j, doubled i,
    shch/sch, spaces and hyphens), not vowels: Kupyansk = Kupiansk, Poltava != Paltava."""
    k = normalize(s).replace(" ", "").replace("shch", "sch").replace("j", "i").replace("y", "i")
    return _I_RUN_RE.sub("i", k)


_I_RUN_RE = re.compile(r"i+")


def _cased_like(latin: str, name: str) -> str:
    """Word capitals as in `name` when both have the same words (Darnytskyi Masyv)."""
    a, b = re.split(r"([ -])", latin), re.split(r"([ -])", name)
    if len(a) != len(b):
        return latin
    return "".join(
        x[:1].upper() + x[1:] if y[:1].isupper() else x for x, y in zip(a, b, strict=True)
    )
