# ruff: noqa: E501  (lexicon tables: one phrase family per line reads better unwrapped)
"""What a sentence says happened at a place: the claim-type lexicon of war reporting.

Cues are phrases ("seized", "took control of", "battles for", "embattled", "strikes on") with a
claim type and an attachment direction: `obj` cues take the next place in the clause as their
object ("seized the town of X"), `subj` cues the place before them ("X fell", "X was
liberated"), `any` takes whichever is nearer. Modality markers then turn a factual claim into
an assessment ("likely", "would allow"), and irrealis markers ("to push", "towards capturing",
"whether ... had fallen") cancel a cue: goals and questions are not claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from geomap.extract import prescreen
from geomap.extract.rules import default_cues, default_modality, joined, need


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    type: str
    attach: str  # obj | subj | any | obj0 (object must follow at once: "took Avdiivka")
    text: str
    weak: bool = False  # gerunds and results ("taking", "destroyed"): not enough in narration
    rule: str = ""  # the lexicon row's id (provenance: ClaimRecord.rules)


_W = r"(?:\w+\s+){0,2}?"  # up to two filler words ("took full control of")

# (type, attach, pattern, trigger words, weak): longer/more specific phrases first; spans never
# overlap. A row's regex only runs when one of its trigger words occurs in the lower-cased
# clause (the hot path); weak rows (gerunds, results) do not count in narration.
# The lexicon itself lives in rules/cues.toml (one entry per rule, with its id, doc and
# examples); rows as (type, attach, pattern, trigger words, weak), longer/more specific first.
_RULES = default_cues()
_LEXICON: list[tuple[str, str, str, str, bool]] = [
    (r.type, r.attach, r.pattern, r.triggers, r.weak) for r in _RULES
]


RULE_IDS = [r.id for r in _RULES]


# Each row's own trigger words (not loosened to a shorter trigger another row has, "captured"
# to "captur": the trie finds every trigger at once whatever their number, and a looser
# trigger only makes more rows candidates, each then costing a pre-screen)
LEXICON = [
    (ty, at, re.compile(p, re.I), weak, frozenset(t.split()), rid)
    for (ty, at, p, t, weak), rid in zip(_LEXICON, RULE_IDS, strict=True)
]
_ALL_TRIGGERS = tuple(sorted({t for *_x, trig, _rid in LEXICON for t in trig}))


# Every trigger word in a clause: a search from each position after the last one found (the
# engine skips the positions no trigger can begin at), the trie giving the longest trigger
# starting there (the shorter ones it contains are implied).
_TRIGGER_RE = re.compile(prescreen.trie_pattern(_ALL_TRIGGERS))
# a trigger found -> the lexicon rows it (or a trigger inside it) lets run, in lexicon order
_ROWS_NAMING: dict[str, list[int]] = {}
for _i, (*_x, _trig, _rid) in enumerate(LEXICON):
    for _u in _trig:
        _ROWS_NAMING.setdefault(_u, []).append(_i)
_ROWS_OF = {
    t: tuple(sorted({i for u in _ALL_TRIGGERS if u in t for i in _ROWS_NAMING[u]}))
    for t in _ALL_TRIGGERS
}
# what each row's regex cannot match without (its trigger words aside): "under" for "is
# under attack", "situation" and "control" for "the situation is under control"
# (and each row's regex tried only where one of the words its matches begin with does);
# built for a row when a clause first has its triggers: reading 149 patterns at import would
# slow every command's start
_TOOLS: list[tuple[prescreen.Needs, prescreen.Finder] | None] = [None] * len(LEXICON)
# row i's Needs.may_match once its tools are built (read directly on the hot path); True when
# the row has no need its triggers leave open (a candidate row holds one of its triggers)
_MAY_MATCH: list[Callable[[str], bool] | bool | None] = [None] * len(LEXICON)


def row_tools(i: int) -> tuple[prescreen.Needs, prescreen.Finder]:
    """Lexicon row i's pre-screen (the needs its trigger words leave open) and finder."""
    tools = _TOOLS[i]
    if tools is None:
        pat, triggers = LEXICON[i][2], LEXICON[i][4]
        tools = _TOOLS[i] = (prescreen.Needs(pat, triggers), prescreen.Finder(pat))
        _MAY_MATCH[i] = tools[0].may_match if tools[0].words else True
    return tools


def _may_match(i: int) -> Callable[[str], bool] | bool:
    """_MAY_MATCH[i], its row's tools built first."""
    row_tools(i)
    return _MAY_MATCH[i]  # type: ignore[return-value]  (set by row_tools)


# The modality words live in rules/modality.toml (goals, questions, hedges, absences, a side's
# own operation, troop losses, civilians; each entry with examples a test runs); the patterns
# here say only where before a cue they are looked for.
_MOD = default_modality()

# Words before a cue that make it a goal, a condition or a question rather than a fact.
_IRREALIS_RE = re.compile(
    rf"(?:\b{joined(_MOD, 'irrealis')}\s+(?:\w+\s+)?)$|\b{joined(_MOD, 'question')}\b(?:\s+[\w'’]+){{0,5}}\s+$",
    re.I,
)
_REALIS_RE = re.compile(
    rf"\bto\s+have\s+(?:been\s+)?$|\b{joined(_MOD, 'realis')}\s+(?:[\w'’-]+\s+){{0,3}}?to\s+$",
    re.I,
)

ASSESSMENT_RE = re.compile(rf"\b{joined(_MOD, 'assessment')}\b", re.I)
# the same searches, tried only where one of their words begins (prescreen.Finder)
ASSESSMENT = prescreen.Finder(ASSESSMENT_RE)
_IRREALIS = prescreen.Finder(_IRREALIS_RE)


_NONE_BEFORE_RE = re.compile(
    rf"\b{joined(_MOD, 'negator')}\s+(?:{joined(_MOD, 'absence')}\s+)?(?:of\s+)?$", re.I
)


# "struck a post during its counterattack in X", "hit crossings to defend its incursion into X":
# the side's own operation, named as the setting of what the clause reports, is background;
# the clause's verb makes the claim
_BACKGROUND_OP_BEFORE_RE = re.compile(
    rf"\b{joined(_MOD, 'background')}\s+{joined(_MOD, 'own-side')}\s+(?:[\w-]+\s+)?$", re.I
)


# "since the fall of X", "after Russia's capture of X": an earlier event as the time of the
# clause is background (the capture is not claimed now)
_PAST_EVENT_BEFORE_RE = re.compile(
    rf"\b{joined(_MOD, 'past-event')}\s+(?:the|its|their|[A-Z][\w-]*['’ ]s)\s+(?:[\w-]+\s+)?$",
    re.I,
)
_EVENT_NOUN_RE = re.compile(
    r"\w\s+(?:of|from)\b", re.I
)  # the noun: "capture of", "withdrawal from"


# "238 Russian soldiers were killed or wounded in the area": a tally of troop losses, not a
# strike claimed at the place
_TROOP_LOSSES_BEFORE_RE = re.compile(
    rf"\b{joined(_MOD, 'troops')}\s+(?:(?:were|was|have\s+been|had\s+been|has\s+been)\s+)?"
    rf"(?:(?:{need(_MOD, 'modality.casualty-verb').alternation})\s+(?:or|and)\s+)?$",
    re.I,
)
_CASUALTY_RE = re.compile(rf"^{joined(_MOD, 'casualty')}\b", re.I)


_CIVILIAN_BEFORE_RE = re.compile(
    rf"\b{joined(_MOD, 'civilian')}\s+(?:(?:had|has|have|was|were|finally|eventually|never|already|only|"
    r"also)\s+)?$",
    re.I,
)


_ACHIEVEMENT_RE = re.compile(
    r"(?i)(?:semi-)?(?:encirclement|blockade|breakthrough|capture|seizure|occupation|takeover|fall)\b"
)


_WILL_HOLD_RE = re.compile(rf"\b{joined(_MOD, 'commitment')}\s+$", re.I)


def _negator_before(text: str, s: int) -> bool:
    """The 30 characters before `s` hold "no" or "without" (every _NONE_BEFORE_RE match does)."""
    window = prescreen.folded(text[max(0, s - 30) : s])
    return "no" in window or "without" in window


def irrealis_before(text: str, pos: int) -> bool:
    """True when the cue at `pos` is a goal/condition: "to push", "towards capturing", "whether"."""
    window = text[max(0, pos - 40) : pos]
    if not window[-1:].isspace():
        return False  # (both patterns end in white space)
    if window.rstrip()[-4:].lower().endswith(("to", "have", "been")) and _REALIS_RE.search(window):
        return False  # (its matches end so)
    return _IRREALIS.search(window) is not None


_QUOTE_MARKS = '"“”‘’«»'
_QUOTES = str.maketrans({c: " " for c in _QUOTE_MARKS})
# "operations south of X", "advanced north-west of X": a bearing from a place locates what
# happens as "near" it does; the cue patterns, written with "near", read it so
BEARING = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)"  # a compass bearing
_BEARING_OF_RE = re.compile(rf"\b{BEARING}\s+of(?=\s)", re.I)
# not "(to) the north and south of X" (the sides around a place), "10 km north of X towards
# Y" (a distance from a landmark), "towns west of X", "the border north of X" (what the
# bearing locates is not where the event is)
_NOT_NEAR_BEFORE_RE = re.compile(
    r"(?:\bthe\s+(?:(?:north|south|east|west)\w*,?\s+(?:and\s+)?)*|\b(?:km|kilomet(?:er|re)s?|"
    r"miles?|metres|meters|towns|villages|settlements|cities|hamlets|localities|border|frontier)\s+)$",
    re.I,
)


def _bearings_as_near(text: str) -> str:
    """`text` with each bearing phrase ("south-west of") that stands for "near" written so,
    padded with spaces: offsets are unchanged."""
    if " of " not in text or not ("orth" in text or "outh" in text or "st " in text):
        return text  # (every bearing holds "orth", "outh" or "st " before its " of")

    def near(m: re.Match[str]) -> str:
        if _NOT_NEAR_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
            return m.group(0)
        return "near".ljust(len(m.group(0)))

    return _BEARING_OF_RE.sub(near, text)


def triggered_rows(low: str) -> frozenset[int]:
    """The rows naming a trigger that occurs in the lower-cased `low`: every place a trigger
    begins, searched from each position after the last (the trie gives the longest trigger
    there; the rows of the shorter ones inside it come with it in _ROWS_OF)."""
    rows: set[int] = set()
    search = _TRIGGER_RE.search
    m = search(low)
    while m is not None:
        rows.update(_ROWS_OF[m.group()])
        m = search(low, m.start() + 1)
    return frozenset(rows)


# A clause's rows are the union of its whitespace-separated tokens' (a trigger has no space
# in it), and a token's rows are looked up once: news text repeats its words, and the trie
# search, which enters the trie at nearly every letter, then runs on new tokens only.
_TOKEN_ROWS: dict[str, frozenset[int]] = {}
_TOKEN_ROWS_MAX = 200_000  # tokens kept (the table starts afresh past it)


def _token_rows(token: str) -> frozenset[int]:
    if len(_TOKEN_ROWS) >= _TOKEN_ROWS_MAX:
        _TOKEN_ROWS.clear()
    rows = _TOKEN_ROWS[token] = triggered_rows(token)
    return rows


def _token_rows_union(text: str) -> set[int]:
    """triggered_rows(text lower-cased), token by token (no trigger holds a space): the
    tokens' rows looked up by a C-level map, the few new tokens' computed."""
    tokens = set(prescreen.lowered(text).split())
    found = list(map(_TOKEN_ROWS.get, tokens))
    if None in found:  # (a set iterates in the same order twice)
        found = [_token_rows(t) if r is None else r for t, r in zip(tokens, found, strict=True)]
    return set().union(*found)


def candidate_rows(text: str) -> list[int]:
    """The lexicon rows (indices, in lexicon order) whose regex may match the clause `text`:
    one of the row's trigger words occurs in it, and the words its pattern cannot match
    without (`prescreen.Needs`) do. The others are not run."""
    rows = _token_rows_union(text)
    folded = prescreen.fold(text)
    may = _MAY_MATCH
    return [i for i in sorted(rows) if (m := may[i] or _may_match(i)) is True or m(folded)]


def find_cues(text: str) -> list[Cue]:
    """Claim-type cues in a clause, in text order, non-overlapping (lexicon order wins).
    Quote marks count as spaces ('the "liberation" of X') and a bearing as "near" ("fought
    south of X"); offsets are unchanged."""
    return _cues(text, 0)


def _cues(text: str, c0: int) -> list[Cue]:
    """find_cues(text), each cue's offsets moved by c0 (built once, where it lies)."""
    # (a translate looks each distinct character up in the table; most clauses hold no quote
    # mark, and an ASCII one can hold only '"')
    if ('"' in text) if text.isascii() else any(map(text.__contains__, _QUOTE_MARKS)):
        text = text.translate(_QUOTES)
    text = _bearings_as_near(text)
    taken: list[tuple[int, int]] = []
    cues: list[Cue] = []
    tools = _TOOLS
    for i in candidate_rows(text):
        ctype, attach, _pat, weak, _triggers, rid = LEXICON[i]
        for m in tools[i][1].finditer(text):  # type: ignore[index]  (built by candidate_rows)
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if _negator_before(text, s) and _NONE_BEFORE_RE.search(text, max(0, s - 30), s):
                if ctype in ("captured", "advancing") and _ACHIEVEMENT_RE.match(m.group(0)):
                    # "there was no encirclement of X": the speaker denies the enemy's gain
                    cues.append(Cue(c0 + s, c0 + e, "denied", attach, m.group(0), weak, rid))
                continue  # "saw no sign of fighting in the city": an absence, no claim
            if ctype == "advancing" and _BACKGROUND_OP_BEFORE_RE.search(text, max(0, s - 50), s):
                continue  # "during its counteroffensive in X": the setting, not the claim
            if (
                ctype == "strike"
                and _CASUALTY_RE.match(m.group(0))
                and _TROOP_LOSSES_BEFORE_RE.search(text, max(0, s - 40), s)
            ):
                continue  # "300 soldiers were killed near X": losses, not a strike on X
            if (
                ctype in ("captured", "withdrawn")
                and _PAST_EVENT_BEFORE_RE.search(text, max(0, s - 40), s)
                and _EVENT_NOUN_RE.search(text, s, min(len(text), e + 6))
            ):
                continue  # "since the fall of X": background, not a capture claimed now
            if ctype == "withdrawn" and _CIVILIAN_BEFORE_RE.search(text, max(0, s - 40), s):
                continue  # "a 71-year-old who left Vovchansk": people leaving, not troops
            found = ctype  # per match: a hedged match must not retype the row's later ones
            if ctype == "holding" and _WILL_HOLD_RE.search(text, max(0, s - 30), s):
                pass  # "Ukraine will defend X for as long as possible": a defender holding on
            elif irrealis_before(text, s):
                # "likely to encircle X": a goal the analyst assesses is an assessment claim
                if ASSESSMENT.search(text[max(0, s - 30) : s]) is None:
                    continue
                found = "assessment"
            cues.append(Cue(c0 + s, c0 + e, found, attach, m.group(0), weak, rid))
    cues.sort(key=lambda c: c.start)
    return cues


def find_cues_in(text: str, c0: int, c1: int) -> list[Cue]:
    """find_cues(text[c0:c1]) with offsets in `text` (each cue built once, at its place: a
    dataclasses.replace per cue cost more than finding it)."""
    return _cues(text[c0:c1], c0)


def is_assessment(text: str) -> bool:
    return ASSESSMENT.search(text) is not None
