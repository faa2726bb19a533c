"""Extraction rules kept as data: TOML files beside this module, one entry per rule.

`cues.toml` holds the claim-type lexicon (see its header for the fields), `sides.toml` the
side vocabularies, `stop_names.toml` the capitalised words that are never places,
`claimants.toml` the speech verbs and claimant word lists of attribution, `dates.toml` the
date words (months, weekdays, seasons, relative days, ...) with the values they stand for,
`modality.toml` what makes a cue a goal, a question, a hedge or background, `anaphora.toml`
what keeps a sentence naming no place from being about the story's place.
`voices.toml` when a reported statement's voice carries to the next sentence of its paragraph.
A verb is named once by its lemma: `verb_forms()` gives its forms by slot and `inflections()`
the ones wanted, so a rule names "switch" instead of hand-writing
"switch|switches|switched|switching" (a cue pattern writes `{{switch|move}}`; a claimant
entry lists `lemmas` and `forms`). Every file is validated when loaded: a bad entry is a
GeomapError naming the file and the entry.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from geomap.errors import GeomapError
from geomap.records import CLAIM_TYPES

HERE = Path(__file__).resolve().parent
ATTACH = ("obj", "subj", "any", "obj0")

# forms English spelling rules do not give: third person, past, participle, gerund
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
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "cast": ("casts", "cast", "cast", "casting"),
    "make": ("makes", "made", "made", "making"),
    "seek": ("seeks", "sought", "sought", "seeking"),
    "begin": ("begins", "began", "begun", "beginning"),
    "fight": ("fights", "fought", "fought", "fighting"),
    "flee": ("flees", "fled", "fled", "fleeing"),
    "run": ("runs", "ran", "run", "running"),
    "send": ("sends", "sent", "sent", "sending"),
    "keep": ("keeps", "kept", "kept", "keeping"),
}
_CVC_RE = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")  # "stop", "plan": double the consonant
# stressed last syllables that double too: "controlled", "repelled", "admitted"
_DOUBLING = frozenset(
    "control patrol compel repel expel propel rebel occur refer prefer admit commit omit "
    "permit regret begin".split()
)
# an unstressed final -el/-al doubles its l in British spelling only: "labelled" / "labeled"
_BRITISH_L_RE = re.compile(r"[aeiou][^aeiou]+[aeiou]l$")
FORMS = ("base", "third", "past", "participle", "gerund")


def verb_forms(lemma: str) -> dict[str, tuple[str, ...]]:
    """The forms of an English verb by slot (FORMS); a slot may hold two spellings."""
    lemma = lemma.lower().strip()
    if lemma in _IRREGULAR:
        third, past, part, ing = _IRREGULAR[lemma]
        return dict(zip(FORMS, ((lemma,), (third,), (past,), (part,), (ing,)), strict=True))
    if re.search(r"(?:s|x|z|ch|sh|o)$", lemma):
        third = lemma + "es"
    elif re.search(r"[^aeiou]y$", lemma):
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = (lemma + "d",), ((lemma[:-1] if not lemma.endswith("ee") else lemma) + "ing",)
    elif re.search(r"[^aeiou]y$", lemma):
        past, ing = (lemma[:-1] + "ied",), (lemma + "ing",)
    elif _CVC_RE.match(lemma) or lemma in _DOUBLING:
        past, ing = (lemma + lemma[-1] + "ed",), (lemma + lemma[-1] + "ing",)
    elif _BRITISH_L_RE.search(lemma):
        past, ing = (lemma + "ed", lemma + "led"), (lemma + "ing", lemma + "ling")
    else:
        past, ing = (lemma + "ed",), (lemma + "ing",)
    return dict(zip(FORMS, ((lemma,), (third,), past, past, ing), strict=True))


def inflections(lemma: str, forms: tuple[str, ...] = FORMS) -> tuple[str, ...]:
    """The forms of an English verb (by default all: lemma, 3rd person, past, participle,
    gerund); `forms` names the slots wanted."""
    by_slot = verb_forms(lemma)
    return tuple(dict.fromkeys(f for slot in forms for f in by_slot[slot]))


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


def _flag(path: Path, where: str, entry: dict, key: str) -> bool:
    """A true/false field of an entry, false when absent."""
    v = entry.get(key, False)
    if not isinstance(v, bool):
        raise _bad(path, where, f"{key!r} must be true or false")
    return v


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
    weak = _flag(path, where, entry, "weak")
    return CueRule(
        rid,
        entry["type"],
        entry["attach"],
        pattern,
        entry["triggers"],
        weak,
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


@dataclass(frozen=True)
class DatedExample:
    """A dates.toml example: the sentence, and the date and precision it must be given."""

    text: str
    date: date
    precision: str
    published: date | None = None  # else the file's `published`


@dataclass(frozen=True)
class WordRule:
    """One vocabulary entry of claimants.toml or dates.toml: the words it matches (verb
    lemmas expanded by inflections(), literal words, regular-expression terms) and what it
    produces for the code that uses it."""

    id: str
    produces: str
    alternation: str  # the entry's words as one regex alternation (no \b, no group)
    case_sensitive: bool = False
    doc: str = ""
    examples: tuple[str | DatedExample, ...] = ()
    not_examples: tuple[str, ...] = ()
    values: tuple[int, ...] = ()  # dates: what each literal word stands for, in order
    words: tuple[str, ...] = ()  # the literal words, in order (values follow them)
    verbs: tuple[str, ...] = ()  # the verb forms its lemmas gave (regex, tail included)
    file: str = ""  # the rule file it came from (named when the code misses an entry)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The entry alone, word-bounded (what its examples are matched with)."""
        return re.compile(rf"\b(?:{self.alternation})\b", 0 if self.case_sensitive else re.I)

    @cached_property
    def lower_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.words)

    @cached_property
    def _by_word(self) -> dict[str, int]:
        return dict(zip((w.lower() for w in self.words), self.values, strict=True))

    def value_of(self, word: str) -> int:
        """The value a matched literal word stands for (compared in lower case)."""
        return self._by_word[word.lower()]


_WORD_KEYS = {"id", "doc", "produces", "terms", "words", "values", "lemmas", "forms", "perfect",
              "tail", "case_sensitive", "examples", "not"}  # fmt: skip
PRECISIONS = ("day", "month", "year")


def _str_list(path: Path, where: str, entry: dict, key: str) -> list[str]:
    v = entry.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise _bad(path, where, f"{key!r} must be a list of non-empty strings")
    return v


def _verb_alternatives(path: Path, where: str, entry: dict) -> list[str]:
    """The verb forms an entry names: `lemmas` in the `forms` slots, after each auxiliary
    of `perfect` too ("has said", with an adverb: "has repeatedly said"), each followed by
    `tail` ("cast doubt on")."""
    lemmas = _str_list(path, where, entry, "lemmas")
    forms = tuple(_str_list(path, where, entry, "forms")) or FORMS
    if bad := [f for f in forms if f not in FORMS]:
        raise _bad(path, where, f"form(s) {', '.join(bad)} not among {', '.join(FORMS)}")
    perfect = _str_list(path, where, entry, "perfect")
    found = [f for lemma in lemmas for f in inflections(lemma, forms)]
    participles = [f for lemma in lemmas for f in verb_forms(lemma)["participle"]]
    # ("has said", "have repeatedly said")
    found += [rf"{aux}\s+(?:[a-z]+ly\s+)?{f}" for aux in perfect for f in participles]
    found = sorted(dict.fromkeys(found), key=len, reverse=True)
    tail = entry.get("tail", "")
    if not isinstance(tail, str):
        raise _bad(path, where, "'tail' must be a regular expression")
    if (perfect or tail) and not lemmas:
        raise _bad(path, where, "'perfect' and 'tail' need 'lemmas'")
    return [f"{f}{tail}" for f in found]


def _dated(path: Path, where: str, entry: dict) -> tuple[DatedExample, ...]:
    """dates.toml examples: {text, date, precision} tables."""
    out = []
    for ex in entry.get("examples", []):
        if not (
            isinstance(ex, dict)
            and {"text", "date", "precision"}
            <= set(ex)
            <= {"text", "date", "precision", "published"}
            and isinstance(ex["text"], str)
            and isinstance(ex["date"], date)
            and isinstance(ex.get("published", ex["date"]), date)
            and ex["precision"] in PRECISIONS
        ):
            raise _bad(
                path, where, f"example {ex!r} must be {{text, date, precision[, published]}}"
            )
        out.append(DatedExample(ex["text"], ex["date"], ex["precision"], ex.get("published")))
    return tuple(out)


def _word_rule(
    path: Path,
    kind: str,
    n: int,
    entry: object,
    seen: set[str],
    produces: tuple[str, ...],
    dated: bool = False,
) -> WordRule:
    entry, where = _entry_id(path, kind, n, entry, seen, _WORD_KEYS)
    if entry.get("produces") not in produces:
        raise _bad(
            path, where, f"produces {entry.get('produces')!r} is not one of {', '.join(produces)}"
        )
    words = _str_list(path, where, entry, "words")
    values = entry.get("values", [])
    if not isinstance(values, list) or not all(isinstance(v, int) for v in values):
        raise _bad(path, where, "'values' must be a list of whole numbers")
    if values and len(values) != len(words):
        raise _bad(path, where, f"{len(values)} values for {len(words)} words")
    alts = [*_str_list(path, where, entry, "terms"), *(re.escape(w) for w in words)]
    verbs = _verb_alternatives(path, where, entry)
    alts += verbs
    if not alts:
        raise _bad(path, where, "no 'terms', 'words' or 'lemmas'")
    case_sensitive = _flag(path, where, entry, "case_sensitive")
    rule = WordRule(
        entry["id"], entry["produces"], "|".join(alts), case_sensitive,
        str(entry.get("doc", "")), _dated(path, where, entry) if dated else
        _strings(path, where, entry, "examples"), _strings(path, where, entry, "not"),
        tuple(values), tuple(words), tuple(verbs), str(path),
    )  # fmt: skip
    try:
        rule.regex  # noqa: B018  (compiles it: a bad term is named here, not at first use)
    except re.error as exc:
        raise _bad(path, where, f"terms do not compile: {exc}") from None
    return rule


def load_words(path: Path, kinds: dict[str, tuple[str, ...]], dated: bool = False
               ) -> dict[str, WordRule]:  # fmt: skip
    """The vocabulary entries of a rule file by id, validated; `kinds` maps each [[kind]]
    the file must hold to the `produces` values allowed in it."""
    seen: set[str] = set()
    out: dict[str, WordRule] = {}
    for kind, produces in kinds.items():
        for n, e in enumerate(_entries(path, kind), start=1):
            rule = _word_rule(path, kind, n, e, seen, produces, dated)
            out[rule.id] = rule
    return out


CLAIMANT_KINDS = {
    "speech": ("speech", "denial", "naming"),
    "words": (
        "source", "weak-source", "not-a-source", "side-from-place", "previous-claimant",
        "claimant", "title", "russia", "ukraine", "third-party", "false-claim", "account",
        "quote-label", "continuation", "own-account", "not-claimant", "clause-start",
        "adjective", "leading-attribution", "finite-verb",
    ),
}  # fmt: skip
DATE_KINDS = {
    "words": ("month", "weekday", "season", "count", "part", "day-part", "day-offset",
              "this", "last", "past", "previous", "earlier-this-week", "weekend", "last-weekend"),
}  # fmt: skip


def load_claimant_rules(path: Path | None = None) -> dict[str, WordRule]:
    """Speech verbs and claimant word lists (claimants.toml) by id, validated; a verb form
    belongs to one [[speech]] family only (a match must know what it produces)."""
    path = path or HERE / "claimants.toml"
    rules = load_words(path, CLAIMANT_KINDS)
    owner: dict[str, str] = {}
    for r in rules.values():
        for form in r.verbs if r.produces in CLAIMANT_KINDS["speech"] else ():
            if form in owner:
                raise _bad(path, f"speech ({r.id})", f"form {form!r} is also in {owner[form]}")
            owner[form] = r.id
    return rules


MODALITY_KINDS = {
    "words": ("irrealis", "question", "realis", "assessment", "negator", "absence",
              "background", "own-side", "troops", "casualty", "civilian", "past-event",
              "commitment"),
}  # fmt: skip


def load_modality(path: Path | None = None) -> dict[str, WordRule]:
    """Goal, question, hedge, absence and background words (modality.toml) by id, validated."""
    return load_words(path or HERE / "modality.toml", MODALITY_KINDS)


@lru_cache(maxsize=1)
def default_modality() -> dict[str, WordRule]:
    return load_modality()


def group(rule: WordRule, ci: bool = True) -> str:
    """An entry's words as one group for a pattern compiled with (ci) or without re.I; the
    entry's own case rule is scoped to it only where the two differ (a scoped flag slows the
    hot patterns). The group opens with a lookahead for the letters its words begin with
    (first_letters), so the engine skips a word start at once instead of trying every word."""
    words = (
        f"(?:{rule.alternation})"
        if rule.case_sensitive != ci
        else f"(?{'-i' if rule.case_sensitive else 'i'}:{rule.alternation})"
    )
    letters = first_letters(rule.alternation)
    return f"(?:(?=[{letters}]){words})" if letters else words


def first_letters(alternation: str) -> str | None:
    """The letters (both cases) the alternatives of a regex alternation begin with, as the body
    of a character class; None when one begins with anything else (a group, a class, an
    escape), where no such filter is known to be safe."""
    out: set[str] = set()
    for term in top_level_terms(alternation):
        if not term or not term[0].isalpha():
            return None
        out |= {term[0].lower(), term[0].upper()}
    return "".join(sorted(out)) or None


def top_level_terms(alternation: str) -> list[str]:
    """The alternatives of a regex alternation at its top level: a "|" inside a group or a
    character class, or escaped, does not split."""
    terms, start, depth, i, n = [], 0, 0, 0, len(alternation)
    while i < n:
        ch = alternation[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(alternation, i)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            terms.append(alternation[start:i])
            start = i + 1
        i += 1
    terms.append(alternation[start:])
    return terms


def _class_end(pattern: str, i: int) -> int:
    """The index of the "]" closing the character class opened at pattern[i]."""
    j = i + 1
    if pattern[j : j + 1] == "^":
        j += 1
    if pattern[j : j + 1] == "]":
        j += 1  # a "]" first in a class is a literal
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j


def joined(rules: dict[str, WordRule], produces: str, ci: bool = True) -> str:
    """The words of every entry producing `produces`, in file order, as one group (see
    group()); none is a GeomapError."""
    parts = [group(r, ci) for r in rules.values() if r.produces == produces]
    if not parts:
        raise GeomapError(
            f"{_file_of(rules)}: no entry produces {produces!r} (the extractor needs one)"
        )
    return "(?:" + "|".join(parts) + ")"


def load_date_words(path: Path | None = None) -> dict[str, WordRule]:
    """Date words (dates.toml) by id, validated; examples carry the date they must get."""
    return load_words(path or HERE / "dates.toml", DATE_KINDS, dated=True)


@lru_cache(maxsize=1)
def default_claimant_rules() -> dict[str, WordRule]:
    return load_claimant_rules()


@lru_cache(maxsize=1)
def default_date_words() -> dict[str, WordRule]:
    return load_date_words()


def need(rules: dict[str, WordRule], rid: str) -> WordRule:
    """The entry the code relies on; a file without it is a GeomapError naming it."""
    if rid not in rules:
        raise GeomapError(f"{_file_of(rules)}: no entry {rid!r} (the extractor needs it)")
    return rules[rid]


def _file_of(rules: dict[str, WordRule]) -> str:
    return next((r.file for r in rules.values()), str(HERE))


def published_of(path: Path | None = None) -> date:
    """The publication date dates.toml's examples are dated from."""
    path = path or HERE / "dates.toml"
    pub = tomllib.loads(path.read_text(encoding="utf-8")).get("published")
    if not isinstance(pub, date):
        raise GeomapError(f"{path}: 'published' (the examples' publication date) is missing")
    return pub


ANAPHORA_KINDS = {"words": ("elsewhere", "background", "speculation")}


def load_anaphora(path: Path | None = None) -> dict[str, WordRule]:
    """What keeps a placeless sentence from being about the story's place (anaphora.toml):
    it looks elsewhere, back in time, or ahead; by id, validated."""
    return load_words(path or HERE / "anaphora.toml", ANAPHORA_KINDS)


@lru_cache(maxsize=1)
def default_anaphora() -> dict[str, WordRule]:
    return load_anaphora()


VOICE_KINDS = {"words": ("goes-on", "background")}


def load_voice_rules(path: Path | None = None) -> dict[str, WordRule]:
    """When a reported statement's voice carries to the next sentence (voices.toml): the
    words of reported speech going on, and the background that stays narration; by id."""
    return load_words(path or HERE / "voices.toml", VOICE_KINDS)


@lru_cache(maxsize=1)
def default_voice_rules() -> dict[str, WordRule]:
    return load_voice_rules()


@dataclass(frozen=True)
class TopicWeights:
    """anaphora.toml [topic]: the evidence that singles out the settlement a story is about."""

    headline: int  # the headline names it
    lede: int  # the first real sentence naming a settlement names it
    mention: int  # each mention or back-reference in the body
    least: int  # the evidence a topic needs at least
    lead: int  # ... and how many times any other settlement's
    lede_words: int  # a shorter line before the lede is an outlet's name or a date line


def load_topic_weights(path: Path | None = None) -> TopicWeights:
    """The [topic] table of anaphora.toml, validated (whole numbers, at least 1)."""
    path = path or HERE / "anaphora.toml"
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("topic")
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GeomapError(f"{path}: cannot read the rules: {exc}") from None
    names = [f.name for f in fields(TopicWeights)]
    if not isinstance(table, dict) or set(table) - {"doc"} != set(names):
        raise _bad(path, "[topic]", f"needs exactly {', '.join(names)} (and an optional doc)")
    if bad := [k for k in names if not isinstance(table[k], int) or table[k] < 1]:
        raise _bad(path, "[topic]", f"{', '.join(bad)} must be whole numbers of at least 1")
    return TopicWeights(**{k: table[k] for k in names})


@lru_cache(maxsize=1)
def default_topic_weights() -> TopicWeights:
    return load_topic_weights()
