"""Cheap tests that let an expensive regex be skipped: the literal words every match of a
pattern must contain, read from the pattern itself.

A lexicon row like `\\b(?:is|are|was)\\s+under\\s+(?:attack|assault)` cannot match a clause
without "under" in it; looking for "under" in the lower-cased clause is a fast substring
search, while running the row's regex tries every position of the clause. `Needs` keeps a
few such facts per pattern; `fold` gives the text they are tested on. A need only ever lets
a regex be skipped when it could not have matched: results are the same with or without.
"""

from __future__ import annotations

import itertools
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

try:  # the regex parser the `re` module itself uses (public as sre_parse before 3.11)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# Characters other than A-Z that a case-insensitive `re` literal a-z matches, and the ASCII
# letter they match ("ı" matches "i" but lower-cases to itself): folded first, so that
# lower-casing gives every case-insensitive match of an ASCII word as that word.
# tests/test_speed_prescreen.py checks this table against every Unicode character.
FOLD_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD = str.maketrans(FOLD_TO_ASCII)

_REPEATS = tuple(
    getattr(_c, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, n)
)
_MIN_NEED = 3  # a shorter word ("in", "to") is in nearly every clause: not worth a test
_MAX_NEEDS = 3  # tests per pattern (the longest words first: the rarest)
_MAX_CHOICES = 27  # needs an alternation may give (one of each alternative's, combined)


@lru_cache(maxsize=8)
def _parse(pattern: re.Pattern[str]):
    """The pattern as `re` parses it (Needs and Finder of one pattern read it once)."""
    return _p.parse(pattern.pattern, pattern.flags)


_last_fold: tuple[str, str] = ("", "")  # the last text folded, and its fold


def fold(text: str) -> str:
    """`text` lower-cased, with the few non-ASCII letters that `re.I` equates with an ASCII
    letter turned into it: the string `Needs.may_match` is asked about. The last text's fold
    is kept: a clause is folded for its pre-screen, then for each lexicon row's Finder."""
    global _last_fold
    last = _last_fold
    if text is last[0]:
        return last[1]
    if text.isascii() or not any(map(text.__contains__, FOLD_TO_ASCII)):
        folded = text.lower()  # (four substring scans cost less than a translate)
    else:
        folded = text.translate(_FOLD).lower()
    _last_fold = (text, folded)
    return folded


def folded(text: str) -> str:
    """`fold(text)` without keeping it: for short windows, so the clause's fold stays kept."""
    if text.isascii() or not any(map(text.__contains__, FOLD_TO_ASCII)):
        return text.lower()
    return text.translate(_FOLD).lower()


def lowered(text: str) -> str:
    """`text.lower()`, taken from the fold when it is the same string (no letter to fold)."""
    folded = fold(text)
    if text.isascii() or not any(map(text.__contains__, FOLD_TO_ASCII)):
        return folded
    return text.lower()


Need = frozenset[str]  # at least one of these strings occurs in every match


def required(pattern: re.Pattern[str]) -> list[Need]:
    """What every match of `pattern` contains: a list of sets of lower-case ASCII strings,
    each set holding at least one string of any match (an empty list: nothing known)."""
    try:
        parsed = _parse(pattern)
    except Exception:  # pragma: no cover  (a parser this module does not know)
        return []
    return _sequence(list(parsed))


def _sequence(items: list, prefix: str = "") -> list[Need]:
    """The needs of items matched one after another: all of each item's needs, and each run
    of consecutive ASCII literals as one string (`prefix`: literals just before them)."""
    needs: list[Need] = []
    run: list[str] = [prefix] if prefix else []
    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if op is _c.BRANCH and run:
            # the literals before an alternation begin each alternative ("(?:held|holding)"
            # is parsed as "h(?:eld|olding)")
            needs += _branch(av[1], "".join(run))
            run = []
            continue
        if run:
            needs.append(frozenset({"".join(run)}))
            run = []
        needs += _item(op, av)
    if run:
        needs.append(frozenset({"".join(run)}))
    return needs


def _branch(alternatives: list, prefix: str) -> list[Need]:
    """Needs of an alternation: a match holds one alternative's needs, so any choice of one
    need from each alternative, joined, is a need ("A and B, or C and D": A or C, A or D,
    B or C, B or D). Each alternative's few rarest needs are combined while the choices are
    few; else each alternative's rarest alone."""
    branches = [_sequence(list(b), prefix) for b in alternatives]
    if not all(branches):
        return [frozenset({prefix})] if prefix else []
    tops = [sorted(set(b), key=_rank, reverse=True)[:_MAX_NEEDS] for b in branches]
    if math.prod(map(len, tops)) > _MAX_CHOICES:
        return [frozenset().union(*(_rarest(b) for b in branches))]
    return [frozenset().union(*choice) for choice in itertools.product(*tops)]


def _item(op, av) -> list[Need]:
    """The needs of one non-literal item (groups, alternations, repeats); none for the
    rest (classes, anchors, lookarounds, backreferences)."""
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op in _REPEATS and av[0] >= 1:
        return _sequence(list(av[2]))
    if op is _c.BRANCH:
        return _branch(av[1], "")
    return []


def _rarest(needs: list[Need]) -> Need:
    return max(needs, key=_rank)


def _rank(need: Need) -> tuple[int, int]:
    """Longer shortest string first, then fewer strings: the need fewest clauses meet."""
    return (min(map(len, need)), -len(need))


def _minimal(need: Need) -> Need:
    """A need without the strings that contain another of its strings ("check" covers
    "checked"): same meaning, fewer to look for."""
    return frozenset(s for s in need if not any(o != s and o in s for o in need))


def trie_pattern(words: list[str] | tuple[str, ...]) -> str:
    """An alternation of literal words written as a trie ("ab(?:c|d)"): the regex engine
    then tests each letter of a position once instead of every word in turn (Python's `re`
    does not share prefixes between alternatives itself)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


class Needs:
    """A pattern's few most telling needs, each compiled to one substring search."""

    def __init__(self, pattern: re.Pattern[str], given: Iterable[str] = ()) -> None:
        # `given`: words one of which every text asked about holds (a lexicon row's triggers);
        # a need each of them meets says nothing, and a more telling one takes its place
        given = tuple(given)
        kept = sorted(
            {
                _minimal(n)
                for n in required(pattern)
                if min(map(len, n)) >= _MIN_NEED and not _met_by_each(n, given)
            },
            key=_rank,
            reverse=True,
        )[:_MAX_NEEDS]
        self.words = kept
        # a need of one string is a substring test; one of several, a substring test each
        # until one holds (a few `in` tests on a clause cost less than a trie regex search,
        # which tries every position where a string's first letter stands)
        self._strings = [next(iter(n)) for n in kept if len(n) == 1]
        self._choices = [tuple(sorted(n)) for n in kept if len(n) > 1]
        # the tests as one boolean expression, compiled once ("'under' in f and ('attack'
        # in f or 'assault' in f)"): one call per clause, no loop run in bytecode
        terms = [f"{s!r} in f" for s in self._strings] + [
            "(" + " or ".join(f"{s!r} in f" for s in c) + ")" for c in self._choices
        ]
        # may_match(folded): False only when the pattern cannot match the text folded from
        self.may_match: Callable[[str], bool] = eval(  # noqa: S307  (repr'd strings only)
            f"lambda f: {' and '.join(terms) or 'True'}", {}
        )


def _met_by_each(need: Need, given: tuple[str, ...]) -> bool:
    """Whether each of the `given` words holds one of the need's strings (then any text
    holding a given word meets the need)."""
    return bool(given) and all(any(s in g for s in need) for g in given)


def leading_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of `pattern` begins with ("said",
    "have" for "(?:said|have\\s+said)"), or None when that is not known (a match may begin
    with a class, an escape, a non-ASCII letter, or nothing)."""
    try:
        parsed = _parse(pattern)
    except Exception:  # pragma: no cover
        return None
    return _firsts(list(parsed))


_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def _firsts(items: list) -> frozenset[str] | None:
    run: list[str] = []
    for i, (op, av) in enumerate(items):
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        prefix = "".join(run)
        if op is _c.BRANCH:
            alts = [_firsts(list(b)) for b in av[1]]
            if all(a is not None for a in alts):
                return frozenset(prefix + s for a in alts for s in a)  # type: ignore[union-attr]
            return frozenset({prefix}) if prefix else None
        if prefix:
            return frozenset({prefix})
        if op in _ZERO_WIDTH:
            continue  # "\b", lookarounds: the match begins with what follows
        if op is _c.SUBPATTERN:
            return _firsts(list(av[-1]))
        if op in _REPEATS and av[0] >= 1:
            return _firsts(list(av[2]))
        if op in _REPEATS:  # "(?:semi-)?encirclement": what it begins with, or what follows
            body, rest = _firsts(list(av[2])), _firsts(items[i + 1 :])
            return body | rest if body is not None and rest is not None else None
        if op is _c.IN and all(o is _c.LITERAL and a < 128 for o, a in av):
            return frozenset(chr(a).lower() for _o, a in av)  # "[\[(]": one of a few
        return None
    return frozenset({"".join(run)}) if run else None


def _opens_with_boundary(pattern: re.Pattern[str]) -> bool:
    """Whether every match of `pattern` begins at a "\\b" (its first item)."""
    try:
        items = list(_parse(pattern))
    except Exception:  # pragma: no cover
        return False
    return bool(items) and items[0] == (_c.AT, _c.AT_BOUNDARY)


def _fold_of(text: str, pos: int, endpos: int) -> str:
    """The fold of text[pos:endpos] (a match found with these bounds lies inside them), the
    whole text's kept fold when they cover it."""
    if pos <= 0 and endpos >= len(text):
        return fold(text)
    return folded(text[max(0, pos) : endpos])


def _span_fold(text: str, pos: int, endpos: int) -> tuple[int, int, str] | None:
    """The bounds clamped to the text and the fold of text[pos:endpos] (the whole text's
    kept fold when they cover it: most calls); None when folding changed the length, so
    offsets in the fold are not offsets in the text."""
    n = len(text)
    if pos <= 0 and endpos >= n:
        pos, endpos, found = 0, n, fold(text)
    else:
        pos = max(0, pos)
        endpos = max(pos, min(endpos, n))
        found = fold(text[pos:endpos])
    return (pos, endpos, found) if len(found) == endpos - pos else None


class Finder:
    """`pattern.finditer` for a pattern every match of which begins with one of a few literal
    words: where such a word begins is found first (one trie regex over the folded text, no
    re.I; substring searches for up to three words), and the pattern is tried at those places
    only. The matches are the same ones, found in the same order; a pattern without known
    leading words is run as it is, when the words every match holds are in the text."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        words = leading_words(pattern)
        if not (words and all(words)):
            self._starts = None
            # no known first word: the words every match holds decide whether to search
            self._may_match = Needs(pattern).may_match
            return
        trie = trie_pattern(sorted(words))
        # a pattern opening with "\b" before words that begin with a letter, digit or "_"
        # cannot match right after an ASCII letter (in the fold: a word character in the
        # text): only places after a non-letter are tried, found by a search that skips
        # letters (a class opens it) instead of entering the trie at nearly every letter
        self._word_start = (
            not pattern.flags & re.ASCII
            and _opens_with_boundary(pattern)
            and all(w[0].isascii() and (w[0].isalnum() or w[0] == "_") for w in words)
        )
        self._starts = re.compile(f"[^a-z](?:{trie})" if self._word_start else trie)
        # up to three words are found by substring searches (C scans that skip ahead, where
        # a regex tries the trie's first letters at every place); a place inside a longer
        # word is tried too, and fails the pattern's own "\b"
        self._few = tuple(sorted(words)) if len(words) <= _FEW_WORDS else None

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterable[re.Match[str]]:
        """The pattern's matches in `text`, as pattern.finditer(text, pos, endpos) gives
        them (a list: most texts have none or one, and a list costs less than a generator)."""
        if self._starts is None:
            if not self._may_match(_fold_of(text, pos, endpos)):
                return []
            return self.pattern.finditer(text, pos, endpos)
        if (span := _span_fold(text, pos, endpos)) is None:
            return self.pattern.finditer(text, pos, endpos)
        pos, endpos, folded = span
        if self._few is not None:
            return self._few_matches(text, pos, endpos, folded, True)
        search, match = self._starts.search, self.pattern.match
        if self._word_start:  # a match at folded[i] is found at padded[i], on its non-letter
            folded = " " + folded
        out: list[re.Match[str]] = []
        c = search(folded)
        while c is not None:  # each place a leading word begins, left to right
            p = pos + c.start()
            if (m := match(text, p, endpos)) is not None:
                out.append(m)
                c = search(folded, m.end() - pos)
            else:
                c = search(folded, p + 1 - pos)
        return out

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """pattern.search(text, pos, endpos): the first of the matches finditer gives."""
        if self._starts is None:
            if not self._may_match(_fold_of(text, pos, endpos)):
                return None
            return self.pattern.search(text, pos, endpos)
        if (span := _span_fold(text, pos, endpos)) is None:
            return self.pattern.search(text, pos, endpos)
        pos, endpos, folded = span
        if self._few is not None:
            found = self._few_matches(text, pos, endpos, folded, False)
            return found[0] if found else None
        search, match = self._starts.search, self.pattern.match
        if self._word_start:
            folded = " " + folded
        c = search(folded)
        while c is not None:
            p = pos + c.start()
            if (m := match(text, p, endpos)) is not None:
                return m
            c = search(folded, p + 1 - pos)
        return None

    def _few_matches(
        self, text: str, pos: int, endpos: int, folded: str, every: bool
    ) -> list[re.Match[str]]:
        """The matches (`every`: all of them, else the first) tried where one of the few
        leading words begins in `folded` (text[pos:endpos] folded)."""
        words, match = self._few or (), self.pattern.match
        out: list[re.Match[str]] = []
        i = _next_word(folded, 0, words)
        while i >= 0:  # each place a leading word begins, left to right
            if (m := match(text, pos + i, endpos)) is not None:
                out.append(m)
                if not every:
                    break
                i = _next_word(folded, m.end() - pos, words)
            else:
                i = _next_word(folded, i + 1, words)
        return out


_FEW_WORDS = 3  # leading words found by substring searches rather than a trie regex


def _next_word(folded: str, i: int, words: tuple[str, ...]) -> int:
    """Where the first of `words` begins in `folded` at or after `i` (-1: nowhere)."""
    best = -1
    for w in words:
        j = folded.find(w, i)
        if j >= 0 and (best < 0 or j < best):
            best = j
    return best


class BranchFinder(Finder):
    """A Finder for `head(?:A1|A2|...)tail`, an alternation of many alternatives (a lexicon's
    entries): where a leading word begins, only the alternatives that can begin with it are
    tried, as one pattern of those alternatives in their order (compiled once per word). The
    others cannot match there, so the match is the one the whole pattern gives, found without
    walking a long pattern (whose compiled code no longer fits the processor's caches)."""

    def __init__(self, pattern: re.Pattern[str], head: str, alts: list[str], tail: str) -> None:
        super().__init__(pattern)
        if pattern.pattern != f"{head}(?:{'|'.join(alts)}){tail}":
            raise ValueError("BranchFinder: the parts do not make the pattern")
        self._parts = (head, tuple(alts), tail)
        self._firsts = [
            leading_words(re.compile(f"{head}(?:{a}){tail}", pattern.flags)) for a in alts
        ]
        whole = leading_words(pattern)
        # (without each alternative's first words, or with few words: the plain Finder's way)
        self._branching = (
            all(self._firsts)
            and whole == frozenset().union(*self._firsts)  # type: ignore[arg-type]
            and self._starts is not None
            and self._few is None
        )
        self._subs: dict[str, re.Pattern[str]] = {}  # start found -> its alternatives' pattern
        self._kept: dict[re.Pattern[str], tuple[int, ...]] = {}  # that pattern -> alternatives

    def _sub(self, found: str) -> re.Pattern[str]:
        """The pattern of the alternatives that can begin where `found` (the start search's
        match: the longest leading word there, after a non-letter for a word start) begins;
        every leading word beginning there is a prefix of the longest one."""
        word = found[1:] if self._word_start else found
        head, alts, tail = self._parts
        kept = tuple(i for i, ws in enumerate(self._firsts) if any(map(word.startswith, ws or ())))
        rx = self._subs[found] = re.compile(
            f"{head}(?:{'|'.join(alts[i] for i in kept)}){tail}", self.pattern.flags
        )
        self._kept[rx] = kept
        return rx

    def alternatives(self, m: re.Match[str]) -> Iterable[int]:
        """The indices of the alternatives that can have made match `m` (one of this finder's
        matches), in order: those that can begin where it begins."""
        return self._kept.get(m.re, range(len(self._parts[1])))

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterable[re.Match[str]]:
        """The pattern's matches in `text`, as pattern.finditer(text, pos, endpos) gives them."""
        if not self._branching:
            return super().finditer(text, pos, endpos)
        if (span := _span_fold(text, pos, endpos)) is None:
            return self.pattern.finditer(text, pos, endpos)
        pos, endpos, folded = span
        search, subs = self._starts.search, self._subs  # type: ignore[union-attr]
        if self._word_start:
            folded = " " + folded
        out: list[re.Match[str]] = []
        c = search(folded)
        while c is not None:
            p = pos + c.start()
            found = c.group()
            if (m := (subs.get(found) or self._sub(found)).match(text, p, endpos)) is not None:
                out.append(m)
                c = search(folded, m.end() - pos)
            else:
                c = search(folded, p + 1 - pos)
        return out

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """pattern.search(text, pos, endpos): the first of the matches finditer gives."""
        return next(iter(self.finditer(text, pos, endpos)), None)

    def fullmatch(self, word: str) -> re.Match[str] | None:
        """pattern.fullmatch(word), tried with the alternatives that can begin the word."""
        if not self._branching or len(f := folded(word)) != len(word):
            return self.pattern.fullmatch(word)
        c = self._starts.match(" " + f if self._word_start else f)  # type: ignore[union-attr]
        if c is None:
            return None
        return (self._subs.get(c.group()) or self._sub(c.group())).fullmatch(word)


class Screened:
    """A regex asked first whether the text holds the words every match of it holds
    (`Needs`, on the whole text's fold): `search` and `match` give what the pattern's own
    give, at the cost of a substring test for the many texts that lack them."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.needs = Needs(pattern)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """pattern.search(text, pos, endpos)."""
        if not self.needs.may_match(fold(text)):
            return None
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """pattern.match(text, pos, endpos)."""
        if not self.needs.may_match(fold(text)):
            return None
        return self.pattern.match(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """pattern.finditer(text, pos, endpos)."""
        if not self.needs.may_match(fold(text)):
            return iter(())
        return self.pattern.finditer(text, pos, endpos)


class Words:
    """Whether a text holds any of some words, letter case aside (as a re.I alternation of
    them would say), in one trie search over the folded text: the cheap test before a family
    of expensive patterns. `also`: a regex alternative tried as well (r"\\d": any digit)."""

    def __init__(self, words: Iterable[str], also: str = "") -> None:
        ws = sorted({w.lower() for w in words})
        self._fold = all(w.isascii() for w in ws)  # folding is exact for ASCII words only
        # the words as substring tests on the fold (those holding another word add nothing):
        # a few dozen C-level scans cost less than a trie search, which enters the trie at
        # nearly every letter
        self._strings = tuple(_minimal(frozenset(ws))) if self._fold else ()
        body = trie_pattern(ws) if self._fold else "|".join(map(re.escape, ws))
        flags = 0 if self._fold else re.I
        # two searches, not one alternation: a pattern opening with a class ("\\d") would
        # make the engine try every position; the words' first letters let it skip most
        self._rxs = [re.compile(p, flags) for p in (body, also) if p] or [re.compile("")]
        # "\\d" in an ASCII text is one of ten digits: ten substring tests cost less than the
        # regex, which looks every character up in the Unicode tables
        self._digits = also == r"\d"

    def found_in(self, text: str) -> bool:
        """Whether one of the words (or `also`) occurs in `text`."""
        t = fold(text) if self._fold else text
        if self._strings and any(map(t.__contains__, self._strings)):
            return True
        if self._digits and t.isascii():  # ("\\d" is one of ten digits there)
            return any(map(t.__contains__, "0123456789")) or (
                not self._strings and self._rxs[0].search(t) is not None
            )
        for rx in self._rxs[1:] if self._strings else self._rxs:  # (the words' trie: tested)
            if rx.search(t) is not None:
                return True
        return False
