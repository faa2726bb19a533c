"""Cue attachment and typing: which place each claim-type cue governs, lists sharing a verb,
the places a sentence can claim about, and the clause marks (denials, hedges) found once per
sentence so that a long sentence stays linear."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geomap.extract import prescreen, reporting, verbs
from geomap.extract.mentions import (
    Mention,
)
from geomap.extract.resolution import _LOCATOR_GAP_RE
from geomap.records import PlaceRef

_TYPE_PRIORITY = {
    "captured": 0,
    "withdrawn": 1,
    "denied": 2,
    "holding": 3,
    "advancing": 4,
    "fighting": 5,
    "strike": 6,
    "assessment": 7,
    "other": 8,
}


_NEGATION_RE = re.compile(r"\b(?:not|never|no\s+longer|n['’]t)\b(?:\s+\w+){0,3}\s*$", re.I)


_NOT_RE = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.I)
# "none of our units are encircled in X": the quantified subject negates the clause
_NONE_OF_RE = re.compile(r"\bnone\s+of\s+(?:[\w'’-]+\s+){1,5}$", re.I)
# "There is no evidence that Russian troops entered X": the writer says it did not happen
_NO_EVIDENCE_RE = re.compile(
    r"\bno\s+(?:\w+\s+)?(?:evidence|signs?|indications?|confirmation|proof)\s+(?:that|of)\b"
    r"[^.;:,—–]{0,80}$",
    re.I,
)
# the types a negation turns into a denial ("did not capture", "have not withdrawn from",
# "did not advance", "did not hit"); "no longer holds X" is no denial of anything
_NEGATABLE = frozenset({"captured", "withdrawn", "advancing", "strike"})


def _negative_row(cue: verbs.Cue) -> bool:
    """A row whose words are a negation meant as such (cues.toml ids with a last part
    starting "negative-": "we do not control X" admits a loss, it denies nothing)."""
    return cue.rule.rpartition(".")[2].startswith("negative-")


def _negated(text: str, s0: int, cue: verbs.Cue) -> bool:
    """Whether a cue is negated: "not"/"never" just before it, "none of <subject>" before
    its verb, or "no evidence that" in its clause."""
    return bool(
        _NEGATION_RE.search(text[max(s0, cue.start - 40) : cue.start])
        or _NOT_RE.search(cue.text)
        or _NO_EVIDENCE_RE.search(text[max(s0, cue.start - 120) : cue.start])
        or _NONE_OF_RE.search(text[max(s0, cue.start - 60) : cue.start])
    )


# (a second statement of the same speaker, "X and said it likely took weeks", is a clause of
# its own: its hedge is not the first one's)
# ";", " — ", "but", "while", "whereas", "and said": written as one first character, then
# the rest (its own character looked back at), so that the regex engine skips the positions
# no break can begin at in its fast scan; a "\b" before a word is "(?<!\w)" before its
# first letter. The same matches as ";|\s[—–]\s|\bbut\b|\bwhile\b|\bwhereas\b|\band\s+(...)\b"
# (tests/test_speed2_breaks.py compares the two), about 2.5x faster.
_AND_VERBS = (
    "said", "says", "added", "adds", "noted", "notes", "wrote", "writes", "estimated",
    "assessed", "assesses",
)  # fmt: skip
_CLAUSE_BREAK_RE = re.compile(
    r"[;\sbwa](?:(?<=;)|(?<=\s)[—–]\s|(?<=b)(?<!\wb)ut\b|(?<=w)(?<!\ww)(?:hile|hereas)\b|"
    rf"(?<=a)(?<!\wa)nd\s+(?:{'|'.join(_AND_VERBS)})\b)"
)
# what every break holds: one of these, or "and" with one of _AND_VERBS
_BREAK_MARKS = (";", "—", "–", "but", "while", "whereas")


def _may_break(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] holds what a _CLAUSE_BREAK_RE match there holds (a few substring
    scans: the regex, entering its branches at every space and at every "a", "b" and "w",
    costs several times more, and most spans hold no break)."""
    seg = text[lo:hi]
    return any(map(seg.__contains__, _BREAK_MARKS)) or (
        "and" in seg and any(map(seg.__contains__, _AND_VERBS))
    )


def _cue_types(
    text: str,
    spans: list[tuple[int, int]],
    claimable: list[tuple[Mention, PlaceRef]],
    narration: bool,
    s0: int,
    extra: list[tuple[int, str, int]],
) -> tuple[dict[int, tuple[int, int, str, int]], list[verbs.Cue]]:
    """Claim type per claimable place: each cue in the content attaches to the place it
    governs (and the places listed with it); the strongest type wins, then the nearest cue.
    Returns {index: (priority, distance, type, cue offset in sentence)} and all cues."""
    types: dict[int, tuple[int, int, str, int]] = {}
    all_cues: list[verbs.Cue] = []
    repelled: list[tuple[int, str, int]] = []
    starts: list[int] | None = [m.start for m, _r in claimable]
    if any(a > b for a, b in zip(starts, starts[1:], strict=False)):
        starts = None
    for c0, c1 in spans:
        found = verbs.find_cues_in(text, c0, c1)
        if len(found) > 1:
            found = _without_object_adjectives(text, found)
        for cue in found:
            if narration and (cue.weak or (cue.attach == "any" and cue.type != "strike")):
                # the outlet's own narration: only a verb governing the place, or the
                # casualties, blasts and fires of a strike ("In Lutsk, five people were
                # injured", "Two people were killed in Sumy"), or a cue with the place
                # right after it ("repelled an attack near X")
                if cue.weak or not _NARRATED_LOCATIVE_RE.match(text, cue.end):
                    continue
                cue = replace(cue, attach="obj")
            all_cues.append(cue)
            idx_dist = _attach(text, cue, claimable, narration, starts, found)
            if idx_dist is None:
                continue
            idx, dist = idx_dist
            ctype = cue.type
            m_idx = claimable[idx][0]
            if (
                _defence(cue)
                and m_idx.end <= cue.start
                and _BUT_REPELLED_RE.search(text[m_idx.end : cue.start])
            ):
                # "reached the outskirts of X but were pushed out": both the attack and the
                # defence of X
                repelled.append((idx, ctype, cue.start - s0))
                continue
            if ctype in _NEGATABLE and not _negative_row(cue) and _negated(text, s0, cue):
                ctype = "denied"  # "had not fallen", "did not withdraw", "no sign that ..."
            cand = (_priority(cue, ctype), dist, ctype, cue.start - s0)
            for j in _listed(text, claimable, idx, cue, found):  # "near Orikhiv and Huliaipole"
                if j not in types or cand < types[j]:
                    types[j] = cand
    _type_included(text, claimable, s0, types, all_cues)
    for idx, ctype, pos in repelled:
        if idx not in types:
            types[idx] = (_TYPE_PRIORITY["holding"], 999, ctype, pos)
        elif types[idx][2] != ctype:
            extra.append((idx, ctype, pos))
    return types, all_cues


def _listed(
    text: str,
    claimable: list[tuple[Mention, PlaceRef]],
    idx: int,
    cue: verbs.Cue,
    found: list[verbs.Cue],
) -> list[int]:
    """The places a cue types: the one it governs and those listed with it ("Orikhiv,
    Prymorske and Bilenke came under fire"), up to another verb ("improved positions near A
    and repelled three attacks near B": B is the second verb's)."""
    listed = _coordinated(text, claimable, idx)
    if cue.attach in ("subj", "any") and claimable[idx][0].end <= cue.start:
        listed = _coordinated_before(text, claimable, idx) + listed
    if len(listed) == 1:
        return listed
    lo, hi = claimable[listed[0]][0].end, claimable[listed[-1]][0].start
    between = [c for c in found if c is not cue and lo <= c.start and c.end <= hi]
    if not between:
        return listed
    own = claimable[idx][0]
    return [
        j
        for j in listed
        if not any(
            min(own.start, claimable[j][0].start) <= c.start < max(own.end, claimable[j][0].end)
            for c in between
        )
    ]


def _type_included(
    text: str,
    claimable: list[tuple[Mention, PlaceRef]],
    s0: int,
    types: dict[int, tuple[int, int, str, int]],
    all_cues: list[verbs.Cue],
) -> None:
    """ "four settlements ... were now under its control, including X": the claim covers X
    (the last strong cue before it types the places the list includes)."""
    for idx, (m, _r) in enumerate(claimable):
        if idx in types or not reporting.INCLUDING_BEFORE_RE.search(
            text, max(0, m.start - 60), m.start
        ):
            continue
        before = [c for c in all_cues if c.start < m.start and not c.weak and c.start >= s0]
        if before:
            c = before[-1]
            for j in _coordinated(text, claimable, idx):
                types.setdefault(j, (_TYPE_PRIORITY[c.type], 999, c.type, c.start - s0))


def _claimable(
    text: str, resolved: list[tuple[Mention, PlaceRef]], spans: list[tuple[int, int]]
) -> list[tuple[Mention, PlaceRef]]:
    """Mentions inside the content spans, minus regions that only locate the settlement before
    them ("Dzerzhinsk in the Donetsk People's Republic", "Toretsk, Donetsk region") and
    references to a place already named in the sentence."""
    out: list[tuple[Mention, PlaceRef]] = []
    prev: tuple[Mention, PlaceRef] | None = None
    stretch = _stretch_ends(text, resolved)
    for i, (m, ref) in enumerate(resolved):
        inside = any(c0 <= m.start and m.end <= c1 for c0, c1 in spans)
        if i in stretch:
            prev = (m, ref)  # "the road connecting A and B": the ends only locate the road
            continue
        if inside and m.kind == "name" and reporting.only_locates_unnamed(text, m.start):
            prev = (m, ref)  # "moving into a village just east of Pokrovsk": not Pokrovsk
            continue
        if inside and ref.precision == "region" and m.kind in ("name", "ref-region"):
            # ("the villages of X in the same region": a reference locates as a name does)
            later = any(r.precision == "settlement" for _n, r in resolved[i + 1 :])
            nxt = resolved[i + 1] if i + 1 < len(resolved) else None
            if reporting.region_locates(text, m.start, m.end, later) or (
                nxt is not None
                and nxt[1].precision == "settlement"
                and nxt[0].kind == "name"
                and reporting.region_before_settlement(text, m.end, nxt[0].start)
            ):
                prev = (m, ref)
                continue
        locator = (
            prev is not None
            and ref.precision == "region"
            and m.kind == "name"
            and prev[1].precision == "settlement"
            and _LOCATOR_GAP_RE.fullmatch(text[prev[0].end : m.start]) is not None
        )
        # "Novaya Tavolzhanka, a village near Shebekino, ...": the aside's place only locates
        locator = locator or (
            prev is not None
            and m.kind == "name"
            and prev[1].precision == "settlement"
            and prev[0].kind == "name"
            and _APPOSITIVE_LOCATOR_RE.fullmatch(text[prev[0].end : m.start]) is not None
        )
        prev = (m, ref)
        if inside and not locator:
            out.append((m, ref))
    return out


# "the road connecting A and B", "the highway between A and B", "the supply line from A to B":
# a stretch named by its two ends, which locate it; neither end is a target of the claim
_STRETCH_BEFORE_RE = re.compile(
    r"\b(?:road|highway|motorway|route|railway|rail\s+line|supply\s+line|line|stretch|section|"
    r"corridor)s?\s+(?:(?:that|which)\s+(?:connects|connected|links|linked|runs|ran)\s+"
    r"(?:between\s+|from\s+)?|(?:running\s+)?(?:between|from)\s+|connecting\s+|linking\s+)"
    r"(?:the\s+(?:[\w-]+\s+){0,2}?(?:cities|towns|villages|settlements)\s+of\s+)?$",
    re.I,
)
_STRETCH_JOIN_RE = re.compile(
    r"\s+(?:and|to|with)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:city|town|village)\s+of\s+)?"
)


def _stretch_ends(text: str, resolved: list[tuple[Mention, PlaceRef]]) -> set[int]:
    """Indexes of the mentions naming the two ends of a stretch ("the road connecting A and
    B", "the highway from A to B")."""
    out: set[int] = set()
    for i in range(len(resolved) - 1):
        m, nxt = resolved[i][0], resolved[i + 1][0]
        if (
            m.kind == "name"
            and nxt.kind == "name"
            and _STRETCH_JOIN_RE.fullmatch(text, m.end, nxt.start)
            and _STRETCH_BEFORE_RE.search(text, max(0, m.start - 80), m.start)
            and not _road_cut_before(text, m.start)
        ):
            out.update((i, i + 1))
    return out


_ROAD_CUT_RULE = "cue.advancing.cut-road-to"


def _road_cut_before(text: str, start: int) -> bool:
    """A stretch that is the object of cutting the road ("took fire control of the highway
    between A and B"): the advance is on both ends (cues.toml cue.advancing.cut-road-to)."""
    lo = max(0, start - 120)
    return any(
        c.rule == _ROAD_CUT_RULE and lo + c.end == start for c in verbs.find_cues(text[lo:start])
    )


# a place name used as a modifier of a plural noun: "Kherson watermelons", "Sumy residents"
_ATTRIBUTIVE_AFTER_RE = re.compile(r"\s+[a-z]{3,}s\b(?!\s+(?:of|in|at|on|near)\b)")


_BUT_REPELLED_RE = re.compile(r"^[^;—–]*\bbut\s*$")


# the passive of a repelled attack ("attacks near X were repelled"): typed fighting, as the
# active "repelled N attacks near X" is (the analysts' convention)
REPELLED_PASSIVE = "cue.fighting.repelled-passive"


def _priority(cue: verbs.Cue, ctype: str) -> int:
    """A type's rank; a repelled attack ranks as the defence it is ("attempted an attack near
    X; the attack was repulsed": the defender's verdict wins over the attempt)."""
    return _TYPE_PRIORITY["holding" if cue.rule == REPELLED_PASSIVE else ctype]


def _defence(cue: verbs.Cue) -> bool:
    """A subject cue of the defence: the place held ("were halted by our defences") or the
    attack on it repelled ("reached X but were pushed out", "the attack was repulsed")."""
    return cue.attach == "subj" and (cue.type == "holding" or cue.rule == REPELLED_PASSIVE)


_ANAPHORIC_ATTACK_RE = re.compile(
    r"^[^.!?]*[;,]\s+(?:and\s+)?(?:the|this|that|each|every|both|all|these|those)\s+(?:\w+\s+)?"
    r"(?:counter-?)?(?:attacks?|assaults?|attempts?|offensives?|push|raids?|incursions?)\s*$",
    re.I,
)


# a compass bearing ("north", "south-east", "west")
_BEARING = verbs.BEARING


_APPOSITIVE_LOCATOR_RE = re.compile(
    # ("A and B, commuter towns outside C, were retaken": the plural aside of a list)
    r",\s+(?:(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:village|town|city|settlement|hamlet|suburb|port)|"
    r"(?:(?:two|three|four|both|the)\s+)?(?:[\w-]+\s+){0,2}?(?:villages|towns|cities|settlements|"
    r"hamlets|suburbs|ports))\s+"
    r"(?:(?:of\s+)?(?:about\s+)?[\d,]+\s+(?:people|residents|inhabitants)\s+)?"
    r"(?:(?:just|about|some|roughly|only|barely)\s+)?(?:[\d.,]+\s*-?\s*(?:kilometres?|kilometers?|"
    rf"km|miles?)\s+)?(?:{_BEARING}\s+of|near|outside|"
    r"close\s+to|not\s+far\s+from|in|on\s+the\s+(?:road|highway)\s+(?:to|from|between))\s+"
    r"(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|region)\s+of\s+)?"
)


# "repelled an enemy attack near X": a place the cue locates right after it
_NARRATED_LOCATIVE_RE = re.compile(
    r"\s+(?:near|in|at|around|outside|close\s+to|in\s+the\s+(?:area|vicinity)\s+of|on\s+the\s+"
    r"outskirts\s+of)\s+(?:the\s+(?:town|city|village|settlement)s?\s+of\s+)?(?-i:[A-Z])"
)


# "took Avdiivka", "left the hilltop mining town of Vuhledar"
_TIGHT_GAP_RE = re.compile(
    r"\s*(?:the\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement|"
    r"hub|stronghold)\s+of\s+|the\s+)?"
)
# "had taken three more villages: A, B and C", "captured two settlements in the Donetsk
# region - A and B": a counted plural object whose list follows is the verb's object
_COUNTED_LIST_GAP_RE = re.compile(
    r"\s*(?:another\s+|a\s+further\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|several|"
    r"\d+)\s+(?:more\s+|other\s+|further\s+|new\s+|frontline\s+|small\s+)?(?:villages|"
    r"settlements|towns|localities|hamlets)(?:\s+in\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?"
    r"(?:region|oblast|Oblast|province)|\s+in\s+(?:the\s+)?[A-Z][\w'’-]+)?\s*(?::|[—–]|,\s+"
    r"(?:namely|including))\s*"
)


_RELATIVE_GAP_RE = re.compile(r"^,?\s*(?:which|that|whom)\b")


def _attach(
    text: str,
    cue: verbs.Cue,
    claimable: list[tuple[Mention, PlaceRef]],
    narration: bool,
    starts: Sequence[int] | None = None,
    found: Sequence[verbs.Cue] = (),
) -> tuple[int, int] | None:
    """Index and distance of the place a cue governs, or None. Only the mentions within reach
    of the cue are looked at (`starts`: the mentions' start offsets, ascending), so a sentence
    listing thousands of places costs no more per cue than a short one."""
    limit = 45 if narration else 90
    best: tuple[int, int] | None = None
    if starts is None:  # not in text order (a denial's answered places come first): all
        lo, hi = 0, len(claimable)
    else:
        lo = bisect_left(starts, cue.start - 90 - _MAX_MENTION)
        hi = bisect_right(starts, cue.end + 90)
    if cue.attach in ("obj", "obj0") and (host := _reduced_relative_host(text, cue, claimable)):
        return host  # "Avdiivka, captured in February, and ...": the place before it
    # "improved positions near A and repelled counterattacks near B": the attack noun's own
    # prepositional phrase names its place (known to the gazetteer or not), never A
    phrase = (
        _OWN_PHRASE_RE.match(text, cue.end)
        if cue.attach == "any" and _ATTACK_NOUN_END_RE.search(cue.text)
        else None
    )
    for idx in range(lo, hi):
        m = claimable[idx][0]
        if phrase is not None and m.start != phrase.end():
            continue
        gap = _gap(text, cue, m)
        if gap is None or _blocked(cue, gap, limit) or _verb_between(cue, m, found):
            continue
        if _locates_subject(text, cue, m) or _locates_named_subject(text, cue, m, claimable):
            continue  # "X, also located south of the city of B, had been retaken": not B
        if _area_with_villages(cue, claimable, idx):
            continue  # "attacks in the Lyman sector near Terny": the villages are the places
        if best is None or len(gap) < best[1]:
            best = (idx, len(gap))
    if best is None and cue.attach in ("obj", "obj0") and _IT_OBJECT_RE.match(text, cue.end):
        # "until Ukrainian forces liberated it": the place the sentence named before
        before = [
            (idx, cue.start - m.end)
            for idx, (m, _r) in enumerate(claimable[lo:hi], start=lo)
            if m.end <= cue.start
            and cue.start - m.end <= 90
            and not _CLAUSE_BREAK_RE.search(text, m.end, cue.start)
        ]
        if before:
            best = before[-1]
    if best is None and cue.attach in ("obj", "obj0"):
        best = _fronted_place(text, cue, claimable, lo, hi)
    return best


# "Near X, the enemy continues assault actions", "In the X direction, the enemy attacked 40
# times": a place fronted before its clause's comma locates a verb that names none after it
_FRONTED_BEFORE_RE = re.compile(
    r"(?:^|[.!?:]\s+|\n)\W*(?:In|Near|Around|Outside|At|On\s+the\s+outskirts\s+of|In\s+the\s+"
    r"(?:area|vicinity)\s+of|Close\s+to)\s+(?:the\s+(?:(?:town|city|village|settlement)\s+of\s+)?)?$"
)
_FRONTED_AFTER_RE = re.compile(r"(?:\s+(?:direction|sector|axis|area))?\s*,\s")
# the cue names no object of its own ("attacked 40 times.", "continues assault actions,")
_NO_OBJECT_AFTER_RE = re.compile(
    r"\s*(?:[,.;:!]|$)|\s+(?:\w+\s+times|twice|again|overnight|today|yesterday|on\s+\w+day|"
    r"throughout|during|this|last|for)\b"
)


def _fronted_place(
    text: str, cue: verbs.Cue, claimable: list[tuple[Mention, PlaceRef]], lo: int, hi: int
) -> tuple[int, int] | None:
    """The place of a fronted locative phrase before the cue's clause, when nothing after the
    cue and no other place between is one."""
    if not _NO_OBJECT_AFTER_RE.match(text, cue.end):
        return None  # ("In X, troops captured two streets": the verb's own object)
    before = [idx for idx in range(lo, hi) if claimable[idx][0].end <= cue.start]
    if len(before) != 1 or any(claimable[i][0].start >= cue.end for i in range(lo, hi)):
        return None
    m = claimable[before[0]][0]
    after = _FRONTED_AFTER_RE.match(text, m.end)
    if after is None or _CLAUSE_BREAK_RE.search(text, after.end(), cue.start):
        return None
    if _FRONTED_BEFORE_RE.search(text, max(0, m.start - 60), m.start) is None:
        return None
    return before[0], cue.start - m.end


# "X, (also) located just south of the eastern city of B, had been retaken": an aside that only
# locates the subject before it
_LOCATOR_ASIDE_BEFORE_RE = re.compile(
    r",\s+(?:(?:also|both|just|all)\s+)?(?:located|situated|lying|which\s+(?:is|lies))\s+"
    r"(?:(?:just|about|some|roughly)\s+)?(?:[\d.,]+\s*-?\s*(?:kilometres?|kilometers?|km|miles?)\s+)?"
    rf"(?:{_BEARING}\s+of|near|outside|in)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?:city|town|village|region)\s+of\s+)?$"
)


def _locates_subject(text: str, cue: verbs.Cue, m: Mention) -> bool:
    """A place inside a locating aside set off by commas before a subject cue."""
    return (
        cue.attach in ("subj", "any")
        and m.end <= cue.start
        and text.startswith(",", m.end)
        and _LOCATOR_ASIDE_BEFORE_RE.search(text, max(0, m.start - 100), m.start) is not None
    )


# "captured the embattled town of X": a determiner between a cue and an adjective cue, a place
# noun (or the name itself) after the adjective
_DETERMINER_GAP_RE = re.compile(r"\s*(?:the|a|an|its|their)\s+", re.I)
_PLACE_NOUN_AFTER_RE = re.compile(
    r"\s+(?:(?:[\w-]+\s+){0,2}?(?:town|city|village|settlement|hub|stronghold)\s+of\s+)?"
    r"(?-i:[A-Z])",
    re.I,
)


def _without_object_adjectives(text: str, found: list[verbs.Cue]) -> list[verbs.Cue]:
    """The cues minus an adjective cue inside another cue's object noun phrase: the verb types
    the place, the adjective only describes it ("struck the embattled town of X": a strike);
    and minus a participle of motion right after a weapon ("drones approaching X": the drones
    moved, no troops advanced)."""
    return [
        c
        for c in found
        if not _weapon_participle(text, c, found)
        and (
            " " in c.text.strip()
            or not _PLACE_NOUN_AFTER_RE.match(text, c.end)
            or not any(
                k is not c
                and k.end <= c.start
                and _DETERMINER_GAP_RE.fullmatch(text, k.end, c.start)
                for k in found
            )
        )
    ]


_MOTION_PARTICIPLE_RE = re.compile(r"(?:approaching|heading|flying|moving|advancing)\b", re.I)


def _weapon_participle(text: str, c: verbs.Cue, found: list[verbs.Cue]) -> bool:
    return (
        c.type == "advancing"
        and _MOTION_PARTICIPLE_RE.match(c.text) is not None
        and any(k.rule == "cue.strike.drone" and text[k.end : c.start].isspace() for k in found)
    )


# "the village of X near B had been retaken", "Chasiv Yar west of B fell": B only locates the
# subject named right before it (known to the gazetteer or not)
_LOCATOR_WORDS_BEFORE_RE = re.compile(
    r"(?-i:[A-Z])[\w'’-]*\s+(?:near|outside|close\s+to|not\s+far\s+from|next\s+to|"
    r"(?:(?:just|some|about|roughly)\s+)?(?:[\d.,]+\s*-?\s*(?:kilometres?|kilometers?|km|miles?)\s+)?"
    rf"{_BEARING}(?:ern)?\s+of)\s+(?:the\s+(?:[\w'’-]+\s+){{0,3}}?(?:city|town|village)\s+of\s+)?$"
)
_INTRODUCED_SETTLEMENT_BEFORE_RE = re.compile(
    r"\b(?:village|town|city|settlement|hamlet)\s+of\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?"
    r"\s+\S[^,;]*$",
    re.I,
)


def _locates_named_subject(
    text: str, cue: verbs.Cue, m: Mention, claimable: list[tuple[Mention, PlaceRef]]
) -> bool:
    """A place before a subject cue that only locates the name before it ("the town of X near
    B had been captured": X is the subject; when the gazetteer lacks X, nothing is)."""
    return (
        cue.attach in ("subj", "any") and m.end <= cue.start and locates_named(text, m, claimable)
    )


def locates_named(text: str, m: Mention, claimable: list[tuple[Mention, PlaceRef]]) -> bool:
    """Whether mention m follows "near" / "west of" right after a settlement's name (a place
    the sentence names, or "the village of X" the gazetteer lacks): m only locates it."""
    lm = _LOCATOR_WORDS_BEFORE_RE.search(text, max(0, m.start - 80), m.start)
    if lm is None:
        return False
    if any(o.start <= lm.start() < o.end for o, _r in claimable):
        return True  # the word before the locator ends a place the sentence names
    return (
        _INTRODUCED_SETTLEMENT_BEFORE_RE.search(text, max(0, lm.start() - 60), m.start) is not None
    )


def _verb_between(cue: verbs.Cue, m: Mention, found: Sequence[verbs.Cue]) -> bool:
    """Another cue stands between an object cue and a later place: the nearer verb governs it
    ("captured another village, closing in on X": X is what they closed in on)."""
    return (
        cue.attach in ("obj", "obj0")
        and m.start >= cue.end
        and any(
            c is not cue and not c.weak and cue.end <= c.start and c.end <= m.start for c in found
        )
    )


# an object cue ending in its attack noun ("repelled four counterattacks"), and the gap to the
# place of that noun's own prepositional phrase ("near B", "by assault groups on the town of B")
_ATTACK_NOUN_END_RE = re.compile(
    r"(?:attacks?|assaults?|offensives?|storming\s+attempts?|raids?|incursions?)$", re.I
)
_OWN_PHRASE_RE = re.compile(
    r"\s+(?:(?:by|from)\s+(?:[\w'’-]+\s+){1,4}?)?(?:(?:over\s+the\s+past\s+\w+|overnight|"
    r"again|on\s+\w+day)\s+)?(?:near|in|on|at|around|outside|towards?|against|(?:(?:north|"
    r"south)(?:-?(?:east|west))?|east|west)\s+of)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|"
    r"village|settlement)\s+of\s+)?(?=[A-Z])"
)


# "between Avdiivka, captured in February, and Pokrovsk": a past participle set off by a comma
# after a place, followed by a time or agent phrase, is a reduced relative on that place
_PARTICIPLE_RE = re.compile(
    r"(?:captured|seized|taken|retaken|recaptured|liberated|occupied|abandoned|lost|"
    r"surrounded|encircled)(?=\s+(?:in|on|by|last|earlier|late|early|at|after|before|during|"
    r"this|since|two|three|\d)\b|\s*,)"
)


def _reduced_relative_host(
    text: str, cue: verbs.Cue, claimable: list[tuple[Mention, PlaceRef]]
) -> tuple[int, int] | None:
    """The place a comma-set participle describes ("X, captured in February,"), if any."""
    if not _PARTICIPLE_RE.match(text, cue.start):
        return None
    for idx in range(len(claimable) - 1, -1, -1):
        m = claimable[idx][0]
        if m.end <= cue.start:
            return (idx, 0) if re.fullmatch(r",\s*", text[m.end : cue.start]) else None
    return None


def _gap(text: str, cue: verbs.Cue, m: Mention) -> str | None:
    """The text between a cue and a mention it could govern; None when the mention is on
    the wrong side of the cue, or an object cue has an object of its own before it."""
    if cue.attach in ("obj", "any", "obj0") and m.start >= cue.end:
        gap = text[cue.end : m.start]
        if cue.attach == "obj0" and not (
            _TIGHT_GAP_RE.fullmatch(gap) or _COUNTED_LIST_GAP_RE.fullmatch(gap)
        ):
            return None
        if _UNKNOWN_OBJECT_RE.search(gap) or (
            _OF_END_RE.search(cue.text) and gap[:1].isupper() and not _unknown_list_items(cue, gap)
        ):
            return None  # "took the village of Zhelanne, 20 km from Pokrovsk": not Pokrovsk
        return gap
    if cue.attach in ("subj", "any") and m.end <= cue.start:
        return text[m.end : cue.start]
    if cue.attach == "obj" and m.end <= cue.start:
        # "Bakhmut, which Russian forces captured": the relative pronoun's antecedent
        gap = text[m.end : cue.start]
        return gap if _RELATIVE_GAP_RE.match(gap) else None
    return None


# "Bakhmut, a city that was once home to 70,000 people, was captured", "Kupiansk is a rail
# hub in the east that was occupied in 2022": an apposition or a predicate noun with its
# relative stands between the subject and its verb; the distance is counted without it
_TOKEN = r"(?:\d[\d,.]*\d|[\w'’-]+)"
_APPOSITION_GAP_RE = re.compile(
    rf",\s+(?:a|an|the|one|once)\s+(?:{_TOKEN}\s+){{0,14}}?{_TOKEN},\s*"
    rf"|\s+(?:is|was|remains|remained)\s+(?:a|an|the|one)\s+(?:{_TOKEN}\s+){{0,10}}?"
    r"(?:that|which)\s+(?:had\s+been\s+|has\s+been\s+)?"
)


def _blocked(cue: verbs.Cue, gap: str, limit: int) -> bool:
    """Too far, or across a clause break or a paragraph."""
    reach = len(gap)
    if cue.attach in ("subj", "any") and _APPOSITION_GAP_RE.fullmatch(gap):
        reach = 0  # the subject's own apposition or predicate noun
    # "reached the outskirts of X but were pushed out": the repelled attack was on X
    # "attempted a counterattack near X yesterday; the attack was repulsed": the
    # attack named again is the one on X
    repelled = _defence(cue) and (
        _BUT_REPELLED_RE.search(gap) is not None or _ANAPHORIC_ATTACK_RE.search(gap) is not None
    )
    # "villages - A, B and C - were now under its control": the dash closing a list
    closing_dash = cue.attach in ("subj", "any") and _DASH_GAP_RE.fullmatch(gap) is not None
    # "took three villages: A, B and C": the list is the object
    counted = cue.attach in ("obj", "obj0") and _COUNTED_LIST_GAP_RE.fullmatch(gap) is not None
    return bool(
        reach > limit
        or (_CLAUSE_BREAK_RE.search(gap) and not repelled and not closing_dash and not counted)
        or "\n\n" in gap.strip()
    )


def _area_with_villages(
    cue: verbs.Cue, claimable: list[tuple[Mention, PlaceRef]], idx: int
) -> bool:
    """A sector or direction named just before the villages in it: the villages are the
    cue's places, not the sector."""
    m = claimable[idx][0]
    return bool(
        m.area
        and cue.attach in ("obj", "obj0", "any")
        and m.start >= cue.end
        and any(
            n.start > m.end and not n.area
            for n, _r in claimable[idx + 1 : idx + 1 + _AREA_NEIGHBOURS]
            if n.start - m.end < 40
        )
    )


_AREA_NEIGHBOURS = 8  # mentions after a sector name checked for the villages it holds


_OF_END_RE = re.compile(r"\bof\s*$")


# "the settlements of Gornal, Guevo and Oleshnya": a plural noun's list whose first items the
# gazetteer lacks still names the later ones (a singular "the village of X, Y" does not)
_PLURAL_OF_END_RE = re.compile(
    r"\b(?:villages|settlements|towns|localities|hamlets|cities)\s+of\s*$", re.I
)
_LIST_ITEMS_GAP_RE = re.compile(
    r"(?:[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?,\s+){1,4}(?:and\s+)?"
    r"|[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?,?\s+and\s+"
)


def _unknown_list_items(cue: verbs.Cue, gap: str) -> bool:
    """The gap before a known place is only list items after "the villages of"."""
    return bool(_PLURAL_OF_END_RE.search(cue.text) and _LIST_ITEMS_GAP_RE.fullmatch(gap))


def _unknown_object_after(text: str, cue: verbs.Cue, claimable: list) -> bool:
    """The cue's object is a named settlement the gazetteer lacks ("took the village of
    Zolotokrai", "the liberation of the settlement of Nowhereivka")."""
    if _UNKNOWN_OBJECT_AFTER_RE.match(text, cue.end):
        return True
    if (lm := _LANDMARK_OBJECT_RE.match(text, cue.end)) and not any(
        cue.end <= m.start < lm.end() - 2 for m, _r in claimable
    ):
        return True  # the unknown object sits before its landmark (the landmark is claimable)
    return (
        _OF_END_RE.search(cue.text) is not None
        and text[cue.end : cue.end + 1].isupper()
        and not any(m.start == cue.end for m, _r in claimable)
    )


_MAX_MENTION = 200  # longest mention text considered ("the northeastern ... regions of X")


_UNKNOWN_OBJECT_AFTER_RE = re.compile(
    r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:village|town|city|settlement|hamlet)\s+of\s+[A-Z]"
)


_DASH_GAP_RE = re.compile(
    # "A, B and C - were": the closing dash, after a last item the gazetteer may lack
    r"(?:,?\s+(?:and|or)\s+[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?)?\s*[—–]\s*"
)


# a named settlement the gazetteer lacks stands between a verb and a later place
# "seized Hnylytsia, four kilometres east of Siversk": an object the gazetteer does not know,
# located from a landmark; the landmark is not what was seized. So too when a place noun
# introduces the object, before or after it ("retook Zolotokrai, a small village south of
# Lyman", "captured a hamlet called Zolotokrai near the town of Lyman")
_NEAR_LANDMARK = (
    r"(?:(?:just|about|some|roughly|only|barely)\s+)?(?:[\w.,]+\s*-?\s*(?:kilometres?|"
    r"kilometers?|km|miles?)\s+)?"
)
_OBJECT_NAME = r"[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?"
_SMALL_PLACE = r"(?:village|town|city|settlement|hamlet|locality)"
_LANDMARK_OBJECT = (
    rf"\s*(?:{_OBJECT_NAME},\s+{_NEAR_LANDMARK}{_BEARING}\s+of\s+"
    rf"|{_OBJECT_NAME},\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?{_SMALL_PLACE}\s+{_NEAR_LANDMARK}"
    rf"(?:{_BEARING}\s+of|near|outside|close\s+to|not\s+far\s+from)\s+"
    rf"|(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?{_SMALL_PLACE}\s+(?:called\s+|named\s+)?{_OBJECT_NAME},?\s+"
    rf"{_NEAR_LANDMARK}(?:{_BEARING}\s+of|near|outside|close\s+to|not\s+far\s+from)\s+)"
)
_LANDMARK_OBJECT_RE = re.compile(_LANDMARK_OBJECT)
_UNKNOWN_OBJECT_RE = re.compile(
    rf"\b(?:village|town|city|settlement|hamlet)\s+of\s+[A-Z]|^(?:{_LANDMARK_OBJECT})"
)


_IT_OBJECT_RE = re.compile(r"\s*it\b(?!\s+(?:was|is|had|has|would|will|said)\b)")


_COORD_GAP_RE = re.compile(
    # "near A itself and toward B": the emphatic pronoun stays with A
    r"(?:\s+itself)?"
    # "A, X, Y and B": list items the gazetteer lacks (capitalised, not possessive) between two
    # places it knows keep the list whole
    r"(?:\s*(?:,|,?\s+(?:and|or))\s+[A-Z][\w'’-]*(?<!['’]s)(?:[\s-][A-Z][\w'’-]*(?<!['’]s)){0,2}"
    r"(?=\s*(?:,|\s+and\s|\s+or\s|\()))*"
    # "A and B in the Donetsk region, and C in ...", "A and B in western Ukraine, C and D in
    # central Ukraine", "A and B (Donetsk region), as well as C": a locator may close a part
    r"(?:\s+in\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,2}(?:region|oblast|province|Oblast)"
    r"(?=,?\s+and\s)|\s+in\s+(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|"
    r"eastern|western|central)\s+(?:Ukraine|Russia)(?=,\s)"
    # "Lviv in the west, Kharkiv in the east and Odesa in the south": a bare compass point
    r"|\s+in\s+the\s+(?:(?:north|south)(?:-?(?:east|west))?|east|west|cent(?:re|er))"
    r"(?=,\s|,?\s+and\s)"
    r"|\s*\((?:[A-Z][\w'’-]+\s+){1,2}(?:region|oblast|province|Oblast)\)(?=,\s))?"
    # "A, Nelipivka, B": a name the gazetteer lacks stays in the list
    r"(?:\s*,\s+[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?(?=\s*,|\s+and\s|\s+or\s)){0,4}"
    # "A (with its suburbs), B and C": a short aside in brackets (no figure) stays in the list
    r"(?:\s*\((?![^()]*\d)[^()\n]{1,40}\)(?=,|\s+and\s|\s+or\s))?"
    # "A and B, as well as near the villages of C and D": the list goes on after "as well as"
    # ("near A, towards B": each item may bring its own preposition of place)
    r"\s*(?:(?:(?:,|,?\s+and|,?\s+or|/|,?\s+as\s+well\s+as)\s+(?:nearby\s+|neighbou?ring\s+|"
    r"(?:near|around|towards?)\s+)?"
    # "over A and over B", "in A and also in B": the preposition repeated after "and"; "not
    # only near A but also in B": the second part of a paired list; "east of A and south of
    # B": a bearing after "and" lists (after a bare comma it locates: "A, south of B")
    r"|,?\s+and\s+(?:also\s+)?(?:over|above|in|at|across|on|"
    rf"{_BEARING}\s+of)\s+"
    r"|,?\s+but\s+also\s+(?:over|in|at|near|around|across|on)\s+)"
    # "the town of B", "the areas of B", "(on) the outskirts of B", "the capital B"
    r"(?:the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:city|town|villages?|settlements?|region|port|areas?|outskirts|direction|vicinity)\s+of\s+|"
    r"the\s+"
    r"(?:entire\s+|whole\s+)?(?:(?:[\w-]+\s+)?capital,?\s+)?"
    # "A and almost all of B", "A and part of B": a share of the next place is listed too
    r"|(?:(?:almost|nearly|virtually)\s+)?(?:all|most|much|part|parts)\s+of\s+(?:the\s+)?)?"
    # "two in X and one in (nearby) Y"
    r"|,?\s+and\s+(?:[\w-]+\s+){1,3}?(?:in|near|at|over)\s+(?:the\s+)?(?:nearby\s+|"
    r"neighbou?ring\s+)?"
    # "killed four in the region: two in X, one in Y": a toll counted out place by place
    r"|\s*(?:,|:|\s[—–-])\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"(?:\s+(?:more|people|civilians|persons|residents|others|killed|wounded|injured|dead))?"
    r"\s+(?:in|near|at)\s+(?:the\s+)?(?:nearby\s+|neighbou?ring\s+)?)"
)


def _coordinated_before(
    text: str, claimable: list[tuple[Mention, PlaceRef]], idx: int
) -> list[int]:
    """The places listed before the one a subject cue governs: "A, B and C came under fire"."""
    out: list[int] = []
    j = idx
    while j > 0:
        a, b = claimable[j - 1][0], claimable[j][0]
        if a.kind != "name" or not _COORD_GAP_RE.fullmatch(text[a.end : b.start]):
            break
        j -= 1
        out.insert(0, j)
    return out


def _coordinated(text: str, claimable: list[tuple[Mention, PlaceRef]], idx: int) -> list[int]:
    """The place a cue governs plus those listed with it: "X, Y and Z", "the Kursk and
    Belgorod regions"."""
    out = [idx]
    j = idx
    while j + 1 < len(claimable):
        a, b = claimable[j][0], claimable[j + 1][0]
        if b.kind != "name" or not (
            _COORD_GAP_RE.fullmatch(text[a.end : b.start])
            or (
                _COMMA_PREP_GAP_RE.fullmatch(text[a.end : b.start])
                and _goes_on(text, claimable, j + 1)
            )
        ):
            break
        j += 1
        out.append(j)
    return out


# "near A, in B and around C": a comma and a preposition join B when the list goes on after it
# (alone, ", in B" locates A: "Sloviansk, in Donetsk")
_COMMA_PREP_GAP_RE = re.compile(
    # ("near A, in the area of B and towards C", "A, on the outskirts of B and C")
    r",\s+(?:(?:in|at|on)\s+the\s+(?:areas?|vicinity|direction|outskirts)\s+of\s+"
    r"(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|villages?|settlements?)\s+of\s+)?|in\s+|at\s+)"
)


def _goes_on(text: str, claimable: list[tuple[Mention, PlaceRef]], j: int) -> bool:
    """Whether the list goes on after the j-th place (list glue up to a next place)."""
    if j + 1 >= len(claimable):
        return False
    a, b = claimable[j][0], claimable[j + 1][0]
    return b.kind == "name" and _COORD_GAP_RE.fullmatch(text[a.end : b.start]) is not None


_DENIAL_IN_CONTENT_RE = re.compile(
    r"\b(?:denied|denies|denying|rejected|rejects|dismissed|dismisses)\s+(?:that|claims?|"
    r"reports?)\b",
    re.I,
)
_DENIAL_IN_CONTENT = prescreen.Finder(_DENIAL_IN_CONTENT_RE)


@dataclass
class _SpanMarks:
    """Clause breaks, denial verbs, hedges and ", " of one content span, found once per
    sentence: the per-place questions below then cost a binary search, not a rescan from the
    span's start (which made a sentence listing N places take time quadratic in N)."""

    c0: int
    c1: int
    breaks: list[tuple[int, int]]
    denials: list[tuple[int, int]]
    hedges: list[tuple[int, int]]
    commas: list[int]

    @classmethod
    def of(cls, text: str, c0: int, c1: int) -> _SpanMarks:
        def spans(rx: re.Pattern[str] | prescreen.Finder) -> list[tuple[int, int]]:
            return [m.span() for m in rx.finditer(text, c0, c1)]

        return cls(
            c0,
            c1,
            spans(_CLAUSE_BREAK_RE) if _may_break(text, c0, c1) else [],
            spans(_DENIAL_IN_CONTENT),
            spans(verbs.ASSESSMENT),
            [m.start() for m in _COMMA_RE.finditer(text, c0, c1)],
        )

    def last_break_end(self, pos: int) -> int:
        """End of the last clause break wholly before pos (the span start if none)."""
        i = bisect_right(self.breaks, (pos, pos)) - 1
        while i >= 0 and self.breaks[i][1] > pos:
            i -= 1
        return self.breaks[i][1] if i >= 0 else self.c0

    def next_break_start(self, pos: int) -> int:
        """Start of the first clause break at or after pos (the span end if none)."""
        i = bisect_left(self.breaks, (pos, 0))
        return self.breaks[i][0] if i < len(self.breaks) else self.c1

    def hedged(self, lo: int, hi: int) -> bool:
        i = bisect_left(self.hedges, (lo, 0))
        return i < len(self.hedges) and self.hedges[i][1] <= hi


_COMMA_RE = re.compile(r", ")


_RELATIVE_END_RE = re.compile(r"\b(?:that|which|who|whose|where)\s*$")


class _Marks:
    """Lazy per-sentence `_SpanMarks`, one per content span."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = spans
        self.cache: dict[tuple[int, int], _SpanMarks] = {}

    def at(self, pos: int) -> _SpanMarks | None:
        for c0, c1 in self.spans:
            if c0 <= pos < c1:
                got = self.cache.get((c0, c1))
                if got is None:
                    got = self.cache[(c0, c1)] = _SpanMarks.of(self.text, c0, c1)
                return got
        return None


def _denied_in_content(marks: _Marks, m: Mention) -> bool:
    """ "said X and denied that Y was encircled": the place after a denial verb is denied."""
    sm = marks.at(m.start)
    if sm is None:
        return False
    i = bisect_right(sm.denials, (m.start, m.start)) - 1
    while i >= 0 and sm.denials[i][1] > m.start:
        i -= 1
    if i < 0:
        return False
    return sm.next_break_start(sm.denials[i][1]) >= m.start


def _assessed(marks: _Marks, m: Mention) -> bool:
    """An analyst's hedge ("likely", "would allow") in the clause holding the place."""
    sm = marks.at(m.start)
    if sm is None:
        return False
    lo = sm.last_break_end(m.start)
    hi = sm.next_break_start(m.end)
    aside = reporting.ASIDE_AFTER_RE.match(marks.text, m.end, hi) if m.end < hi else None
    if aside:
        # "Pokrovsk, a hub that, if lost, would ...": the aside's hedge is not the claim's
        k = bisect_left(sm.commas, aside.end())
        close = sm.commas[k] if k < len(sm.commas) and sm.commas[k] < hi else -1
        if close >= 0 and _RELATIVE_END_RE.search(marks.text, aside.end(), close):
            close = -1  # "a hub that, if lost, would ...": the aside's relative clause runs on
        return sm.hedged(lo, m.end) or (close >= 0 and sm.hedged(close, hi))
    return sm.hedged(lo, hi)


# "Lyman, which Ukrainian forces had recently liberated": an object relative clause after a
# place; the relative pronoun is the verb's object, so the place is what was taken
_OBJECT_RELATIVE_RE = re.compile(
    # (a locating region may stand between: "Lyman in Donetsk Oblast, which ...")
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:\s+(?:Oblast|region|province))?)?"
    r",\s+(?:which|that)\s+(?:[\w'’-]+\s+){1,3}?(?:had\s+|have\s+|has\s+)?(?:recently\s+|"
    r"just\s+|only\s+|already\s+|briefly\s+)?(?P<verb>liberated|captured|recaptured|retook|"
    r"retaken|seized|took|occupied|regained)\b"
)


@dataclass(frozen=True)
class Aside:
    """An object relative clause of taking after a claimable place: its index, the clause's
    verb as a capture cue, and the clause's span (kept out of the sentence's own typing)."""

    idx: int
    cue: verbs.Cue
    start: int
    end: int


def relative_asides(
    text: str, claimable: list[tuple[Mention, PlaceRef]], spans: list[tuple[int, int]]
) -> list[Aside]:
    """Places followed by an object relative clause of taking ("X, which Ukrainian forces
    had recently liberated"): the writer's background about X, whoever the sentence quotes."""
    out: list[Aside] = []
    for idx, (m, _ref) in enumerate(claimable):
        span = next(((a, b) for a, b in spans if a <= m.start < b), None)
        if m.kind != "name" or span is None:
            continue
        r = _OBJECT_RELATIVE_RE.match(text, m.end, span[1])
        if r is not None:
            v0, v1 = r.span("verb")
            cue = verbs.Cue(v0, v1, "captured", "subj", r.group("verb"), False, _ASIDE_RULE)
            close = text.find(",", v1, span[1])
            out.append(Aside(idx, cue, r.start(), close if close >= 0 else span[1]))
        elif (aside := _appositive_aside(text, m.end, span[1])) is not None:
            out.append(replace(aside, idx=idx))
    return out


# the rule id claiming reads to give an aside the outlet's own voice
_ASIDE_RULE = "aside.object-relative"


_APPOSITIVE_RELATIVE_RE = re.compile(
    # "X, an industrial city in eastern Ukraine that has seen ...": a place noun described by
    # a relative clause (never "the people who", "a deal that")
    r",\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:city|town|village|hub|settlement|port|capital|stronghold)\s+"
    r"(?:(?:in|of|on|near)\s+(?:[\w'’-]+\s+){1,3}?)?(?:that|which|where)\s+"
)


def _appositive_aside(text: str, start: int, end: int) -> Aside | None:
    """ "X, a town that has seen the fiercest fighting, ...": the writer's background on X,
    typed by the first firm cue of the relative clause (whatever the sentence quotes)."""
    r = _APPOSITIVE_RELATIVE_RE.match(text, start, end)
    if r is None:
        return None
    close = text.find(",", r.end(), end)
    close = close if close >= 0 else end
    cue = next((c for c in verbs.find_cues(text[r.end() : close]) if not c.weak), None)
    if cue is None or cue.type in ("other", "assessment"):
        return None
    shifted = replace(cue, start=cue.start + r.end(), end=cue.end + r.end(), rule=_ASIDE_RULE)
    return Aside(-1, shifted, r.start(), close)


def without(spans: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with the cut ranges taken out."""
    out = list(spans)
    for c0, c1 in cuts:
        out = [p for a, b in out for p in ((a, min(b, c0)), (max(a, c1), b)) if p[0] < p[1]]
    return out


# A place noun in a sentence that names no place ("fighting in the city", "the area") keeps
# the sentence from carrying the place before; "from different directions" (where attackers
# came from) names none
_PLACE_NOUN_RE = re.compile(
    r"(?i)\b(?:villages?|towns?|cit(?:y|ies)|settlements?|hamlets?|regions?|oblasts?|"
    r"provinces?|districts?|areas?|"
    r"(?<!different\s)(?<!several\s)(?<!all\s)(?<!multiple\s)(?<!various\s)(?<!many\s)"
    r"(?<!two\s)(?<!three\s)(?<!four\s)directions?|"
    r"sectors?|front|front-?lines?|front\s+lines?)\b"
)


def names_a_place_noun(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has a place noun that could stand for a place of its own (the
    carry pass then leaves the sentence alone): "the Russians storm our positions from
    different directions" has none, so it goes on about the place the sentence before named."""
    return _PLACE_NOUN_RE.search(text, start, end) is not None
