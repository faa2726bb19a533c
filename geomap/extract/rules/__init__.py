"""Extraction rules kept as data: TOML files beside this module, one entry per rule.

`cues.toml` holds the claim-type lexicon (see its header for the fields). A pattern may write
`{{lemma|lemma}}` for verbs: `inflections()` expands each lemma to its forms, so a rule names
"switch" once instead of hand-writing "switch|switches|switched|switching". Every file is
validated when loaded: a bad entry is a GeomapError naming the file and the entry.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geomap.errors import GeomapError
from geomap.records import CLAIM_TYPES

HERE = Path(__file__).resolve().parent
ATTACH = ("obj", "subj", "any", "obj0")

# forms English spelling rules do not give
_IRREGULAR = {
    "go": ("goes", "went", "gone", "going"),
    "take": ("takes", "took", "taken", "taking"),
    "retake": ("retakes", "retook", "retaken", "retaking"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "hold": ("holds", "held", "held", "holding"),
    "win": ("wins", "won", "won", "winning"),
    "lose": ("loses", "lost", "lost", "losing"),
    "withdraw": ("withdraws", "withdrew", "withdrawn", "withdrawing"),
    "drive": ("drives", "drove", "driven", "driving"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "creep": ("creeps", "crept", "crept", "creeping"),
    "leave": ("leaves", "left", "left", "leaving"),
    "overrun": ("overruns", "overran", "overrun", "overrunning"),
    "put": ("puts", "put", "put", "putting"),
    "come": ("comes", "came", "come", "coming"),
    "shoot": ("shoots", "shot", "shot", "shooting"),
    "hit": ("hits", "hit", "hit", "hitting"),
    "strike": ("strikes", "struck", "struck", "striking"),
}
_CVC_RE = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")  # "stop", "plan": double the consonant
# stressed last syllables that double too: "controlled", "repelled", "admitted"
_DOUBLING = frozenset(
    "control patrol compel repel expel propel rebel occur refer prefer admit commit omit "
    "permit regret begin".split()
)


def inflections(lemma: str) -> tuple[str, ...]:
    """The forms of an English verb: lemma, 3rd person, past, participle, gerund."""
    lemma = lemma.lower().strip()
    if lemma in _IRREGULAR:
        return (lemma, *dict.fromkeys(_IRREGULAR[lemma]))
    if re.search(r"(?:s|x|z|ch|sh|o)$", lemma):
        third = lemma + "es"
    elif re.search(r"[^aeiou]y$", lemma):
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = lemma + "d", (lemma[:-1] if not lemma.endswith("ee") else lemma) + "ing"
    elif re.search(r"[^aeiou]y$", lemma):
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif _CVC_RE.match(lemma) or lemma in _DOUBLING:
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    return tuple(dict.fromkeys((lemma, third, past, ing)))


_LEMMAS_RE = re.compile(r"\{\{([a-z|-]+)\}\}")


def expand(pattern: str) -> str:
    """Replace each {{lemma|lemma}} by an alternation of all their forms."""

    def alt(m: re.Match[str]) -> str:
        forms = [f for lemma in m.group(1).split("|") for f in inflections(lemma)]
        return "(?:" + "|".join(sorted(dict.fromkeys(forms), key=len, reverse=True)) + ")"

    return _LEMMAS_RE.sub(alt, pattern)


@dataclass(frozen=True)
class CueRule:
    """One row of the claim-type lexicon."""

    id: str
    type: str
    attach: str
    pattern: str  # expanded (no {{lemmas}} left)
    triggers: str
    weak: bool = False
    doc: str = ""
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()


_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_CUE_KEYS = {"id", "type", "attach", "pattern", "triggers", "weak", "doc", "examples", "not"}


def _bad(path: Path, where: str, msg: str) -> GeomapError:
    return GeomapError(f"{path}: {where}: {msg}")


def _strings(path: Path, where: str, entry: dict, key: str) -> tuple[str, ...]:
    v = entry.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise _bad(path, where, f"{key!r} must be a list of sentences")
    return tuple(v)


def _entry_id(path: Path, kind: str, n: int, entry: object, seen: set[str], keys: set[str]
              ) -> tuple[dict, str]:  # fmt: skip
    """Check what every [[kind]] entry shares (a table, a fresh well-formed id, known fields);
    its table and the `where` that later messages name."""
    where = f"{kind} #{n}"
    if not isinstance(entry, dict):
        raise _bad(path, where, f"each [[{kind}]] must be a table")
    rid = entry.get("id")
    if not isinstance(rid, str) or not _ID_RE.match(rid):
        raise _bad(path, where, f"id {rid!r} must be lower-case letters, digits, . _ -")
    where = f"{kind} #{n} ({rid})"
    if rid in seen:
        raise _bad(path, where, "duplicate id")
    seen.add(rid)
    if unknown := set(entry) - keys:
        raise _bad(path, where, f"unknown field(s) {', '.join(sorted(unknown))}")
    return entry, where


def _cue(path: Path, n: int, entry: object, seen: set[str]) -> CueRule:
    entry, where = _entry_id(path, "cue", n, entry, seen, _CUE_KEYS)
    rid = entry["id"]
    for key in ("type", "attach", "pattern", "triggers"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise _bad(path, where, f"{key!r} is missing or empty")
    if entry["type"] not in CLAIM_TYPES:
        raise _bad(path, where, f"type {entry['type']!r} is not one of {', '.join(CLAIM_TYPES)}")
    if entry["attach"] not in ATTACH:
        raise _bad(path, where, f"attach {entry['attach']!r} is not one of {', '.join(ATTACH)}")
    pattern = expand(entry["pattern"])
    try:
        re.compile(pattern, re.I)
    except re.error as exc:
        raise _bad(path, where, f"pattern does not compile: {exc}") from None
    missing = [t for t in entry["triggers"].split() if t not in pattern.lower()]
    if missing:
        raise _bad(path, where, f"trigger(s) {', '.join(missing)} do not occur in the pattern")
    if not isinstance(entry.get("weak", False), bool):
        raise _bad(path, where, "'weak' must be true or false")
    return CueRule(
        rid,
        entry["type"],
        entry["attach"],
        pattern,
        entry["triggers"],
        entry.get("weak", False),
        str(entry.get("doc", "")),
        _strings(path, where, entry, "examples"),
        _strings(path, where, entry, "not"),
    )


def _entries(path: Path, kind: str) -> list:
    """The [[kind]] entries of a rule file; an unreadable file or none is a GeomapError."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GeomapError(f"{path}: cannot read the rules: {exc}") from None
    entries = data.get(kind)
    if not isinstance(entries, list) or not entries:
        raise GeomapError(f"{path}: no [[{kind}]] entries")
    return entries


def load_cues(path: Path | None = None) -> list[CueRule]:
    """The cue rules of a lexicon file, validated, in file order."""
    path = path or HERE / "cues.toml"
    entries = _entries(path, "cue")
    seen: set[str] = set()
    return [_cue(path, n, e, seen) for n, e in enumerate(entries, start=1)]


@lru_cache(maxsize=1)
def default_cues() -> tuple[CueRule, ...]:
    return tuple(load_cues())


@dataclass(frozen=True)
class SideVocabulary:
    """Words in a claimant that give its side."""

    id: str
    side: str
    regex: re.Pattern[str]
    examples: tuple[str, ...] = ()


_SIDE_KEYS = {"id", "side", "doc", "terms", "case_sensitive", "examples"}
SIDE_NAMES = ("russia", "ukraine", "third-party")


def _side(path: Path, n: int, entry: object, seen: set[str]) -> SideVocabulary:
    entry, where = _entry_id(path, "side", n, entry, seen, _SIDE_KEYS)
    rid = entry["id"]
    if entry.get("side") not in SIDE_NAMES:
        raise _bad(path, where, f"side {entry.get('side')!r} is not one of {', '.join(SIDE_NAMES)}")
    terms = entry.get("terms")
    if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t for t in terms):
        raise _bad(path, where, "'terms' must be a non-empty list of strings")
    flags = 0 if entry.get("case_sensitive", False) else re.I
    try:
        rx = re.compile(r"\b(?:" + "|".join(terms) + r")\b", flags)
    except re.error as exc:
        raise _bad(path, where, f"terms do not compile: {exc}") from None
    return SideVocabulary(rid, entry["side"], rx, _strings(path, where, entry, "examples"))


def load_sides(path: Path | None = None) -> dict[str, SideVocabulary]:
    """The side vocabularies by id, validated."""
    path = path or HERE / "sides.toml"
    entries = _entries(path, "side")
    seen: set[str] = set()
    out = [_side(path, n, e, seen) for n, e in enumerate(entries, start=1)]
    return {v.id: v for v in out}


@lru_cache(maxsize=1)
def default_sides() -> dict[str, SideVocabulary]:
    return load_sides()


@dataclass(frozen=True)
class StopGroup:
    """Capitalised words that never name a place here (lower-cased)."""

    id: str
    words: frozenset[str]
    examples: tuple[str, ...] = ()


def load_stop_names(path: Path | None = None) -> list[StopGroup]:
    """The stop-name groups, validated."""
    path = path or HERE / "stop_names.toml"
    entries = _entries(path, "stop")
    out: list[StopGroup] = []
    seen: set[str] = set()
    for n, e in enumerate(entries, start=1):
        rid = e.get("id") if isinstance(e, dict) else None
        where = f"stop #{n}" + (f" ({rid})" if isinstance(rid, str) else "")
        if not isinstance(rid, str) or not _ID_RE.match(rid) or rid in seen:
            raise _bad(path, where, f"id {rid!r} is missing, malformed or a duplicate")
        seen.add(rid)
        if unknown := set(e) - {"id", "doc", "words", "examples"}:
            raise _bad(path, where, f"unknown field(s) {', '.join(sorted(unknown))}")
        if not isinstance(e.get("words"), str) or not e["words"].split():
            raise _bad(path, where, "'words' must be a non-empty string of words")
        words = frozenset(w.lower() for w in e["words"].split())
        out.append(StopGroup(rid, words, _strings(path, where, e, "examples")))
    return out


@lru_cache(maxsize=1)
def default_stop_names() -> tuple[StopGroup, ...]:
    return tuple(load_stop_names())
