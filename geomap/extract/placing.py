"""The places pass: which places a sentence's content claims about.

Named mentions resolved in context, plus the places a sentence names without naming them:
the settlement the sentence before was about, the settlement the story is about (Topic: its
headline, lede and repeated mentions; rules/anaphora.toml says when a sentence looks
elsewhere instead), an official's own town, a quote's dateline, the places of a claim being
denied.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from geomap.extract import claimants as cl
from geomap.extract import verbs
from geomap.extract.cues import _IT_OBJECT_RE, _claimable, names_a_place_noun
from geomap.extract.mentions import RUSSIAN_SOIL, STOP, Mention, find_names, find_refs
from geomap.extract.resolution import _NOUN_POP, PlaceHit, _Memory, _resolve_mentions, _Resolver
from geomap.extract.rules import (
    ANAPHORA_KINDS,
    HERE,
    WordRule,
    default_anaphora,
    default_topic_weights,
    joined,
    load_words,
)
from geomap.extract.voices import QUOTE_OPEN_RE, Voice
from geomap.records import ClaimRecord, PlaceRef


def _topic_over_list(
    d: Doc, resolved: list[tuple[Mention, PlaceRef]]
) -> list[tuple[Mention, PlaceRef]]:
    """ "the city" read as a settlement last named in a list ("explosions were heard in
    Kharkiv, Sumy and Kherson"), in a story about another city: the story's city, when its
    size fits the noun."""
    out = []
    for m, r in resolved:
        topic = d.topic.place() if m.kind == "ref-settlement" and m.noun in _LIST_NOUNS else None
        if (
            topic is not None
            and topic.id != r.id
            and d.memory.named_in_a_list(r)
            and _fits(m.noun or "", topic)
        ):
            r = topic
        out.append((m, r))
    return out


_LIST_NOUNS = frozenset({"city", "town", "village", "settlement"})


def _region_named_here(
    resolved: list[tuple[Mention, PlaceRef]],
) -> list[tuple[Mention, PlaceRef]]:
    """ "Kyiv still holds grey areas in the region, and the enemy has not taken all of
    Luhansk": "the region" is the one region the sentence names, not an older one."""
    named = {r.id: r for m, r in resolved if m.kind == "name" and r.precision == "region"}
    if len(named) != 1:
        return resolved
    region = next(iter(named.values()))
    return [
        (m, region)
        if m.kind == "ref-region"
        and m.noun not in ("area", RUSSIAN_SOIL)  # "the area" is around a place
        and r.id != region.id
        and r.country == region.country
        else (m, r)
        for m, r in resolved
    ]


# "a missile struck a building on its outskirts": the place just named
# ("\bits" written "i(?<!\wi)ts": a pattern opening with a letter lets the engine skip to
# its i's instead of trying every position; the same matches)
_ITS_PART_RE = re.compile(
    r"i(?<!\wi)ts\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?(?:outskirts|centre|center|edges?|suburbs|approaches|flanks?|districts?|"
    r"environs|periphery)\b"
)


def _its_parts(text: str, s0: int, s1: int) -> list[Mention]:
    if text.find("its", s0, s1) < 0:
        return []  # (every match opens with it: one substring search, not the regex's)
    return [
        Mention(m.start(), m.end(), m.group(0), "", "settlement", "ref-settlement", noun="its")
        for m in _ITS_PART_RE.finditer(text, s0, s1)
    ]


# "the Svatove-Kreminna front", "the Pokrovsk–Myrnohrad agglomeration": two towns joined by a
# dash name the front or urban area both stand on (mentions.find_names reads a capitalised
# word glued to another by a hyphen as part of one name, and finds neither); not "the A-B
# direction", "the A-B road": an axis or a road between them only locates what the clause names
_PAIR_RE = re.compile(
    r"\b(?P<a>[A-Z][a-z'’]{2,}(?:\s[A-Z][a-z'’]{2,})?)\s?[-–—]\s?"
    r"(?P<b>[A-Z][a-z'’]{2,}(?:\s[A-Z][a-z'’]{2,})?)"
    r"(?=\s+(?:agglomeration|urban\s+area|conurbation|front|frontline|front\s+line)s?\b)"
)


# strings one of which every _PAIR_RE match holds (its nouns, letter case as written)
_PAIR_NOUNS = ("front", "agglomeration", "urban", "conurbation")


def _paired_names(text: str, s0: int, s1: int, gaz: Any, taken: list[Mention]) -> list[Mention]:
    """Both towns of a dash-joined pair before a front or urban-area noun, as settlement
    names, when the gazetteer knows both and the sentence's names do not cover them."""
    if not any(map(text[s0:s1].__contains__, _PAIR_NOUNS)):
        return []  # (every match holds one: a substring test each, not a search)
    out = []
    for m in _PAIR_RE.finditer(text, s0, s1):
        if any(t.start < m.end() and m.start() < t.end for t in taken):
            continue
        if gaz.is_name(m.group(0)) or not all(gaz.is_name(m.group(g)) for g in "ab"):
            continue
        for g in "ab":
            name = m.group(g)
            out.append(Mention(m.start(g), m.end(g), name, name, "settlement", "name", area=True))
    return out


_LOCATIVE_INTRO_RE = re.compile(r"\s*(?:In|At|Near|Outside)\s+[^,]{2,80},\s")
# "Kyiv denied it.", "a spokesman said that was not true": a pronoun for the claim answered
_BARE_ANSWER_RE = re.compile(
    r"\s*(?:(?:it|this|that|so)\s*(?:[,.;:]|$)|(?:that\s+)?(?:it|this|that)\s+(?:was|is|had\s+been|"
    r"has\s+been)\s)",
    re.I,
)
# "KRAMATORSK, Ukraine (AP) — ...": the wire dateline that opens the body
_DATELINE_RE = re.compile(
    r"^([A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,2}),\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*)?"
    r"(?:\([^)\n]{1,30}\)\s*)?[-—–]",
    re.M,
)
# a direct quote in the first person plural: the speaker's own unit ("We hold the line")
_FIRST_PERSON_RE = re.compile(r"\b(?:we|our|us)\b", re.I)
_GROUND_TYPES = frozenset({"holding", "fighting", "advancing", "withdrawn"})


# evidence that a settlement is what the story is about (anaphora.toml [topic]): the
# headline names it, the lede names it, each mention in the body
_WEIGHTS = default_topic_weights()


def _title_names(name: str, title: str) -> bool:
    """Whether a headline spells out a settlement's name, not as its region's ("Strikes on
    Odesa region kill four" names the region, not the city)."""
    return (
        re.search(rf"(?i)\b{re.escape(name)}\b(?!['’]?s?\s+(?:region|oblast|province))", title)
        is not None
    )


@dataclass
class Topic:
    """The settlement the story is about, with its evidence (headline, lede, repeated
    mentions), and where each settlement was named (for the guards of carrying it)."""

    score: Counter[str] = field(default_factory=Counter)
    refs: dict[str, PlaceRef] = field(default_factory=dict)
    named_at: list[tuple[int, str]] = field(default_factory=list)  # (offset, place id)
    lede_done: bool = False
    title: str = ""  # a headline no settlement was read from (title case hides names)

    def headline(self, ref: PlaceRef) -> None:
        self.refs.setdefault(ref.id, ref)
        self.score[ref.id] += _WEIGHTS.headline
        self.title = ""

    def note(self, named: list[tuple[int, PlaceRef]], sent: str) -> None:
        """The settlements a body sentence names; the first real sentence naming any (not an
        outlet's or date line) is the lede; the first the headline spells out is its place
        ("Kharkiv Hypermarket Hit by Bombs", where "Kharkiv Hypermarket" is no name)."""
        lede = not self.lede_done and len(sent.split()) >= _WEIGHTS.lede_words
        for pos, ref in named:
            if self.title and _title_names(ref.name, self.title):
                self.headline(ref)
            self.refs.setdefault(ref.id, ref)
            self.score[ref.id] += _WEIGHTS.mention + (_WEIGHTS.lede if lede else 0)
            self.named_at.append((pos, ref.id))
        self.lede_done = self.lede_done or (lede and bool(named))

    def place(self) -> PlaceRef | None:
        """The topic, if the evidence singles one settlement out."""
        top = self.score.most_common(2)
        if not top or top[0][1] < _WEIGHTS.least:
            return None
        if len(top) > 1 and top[0][1] < _WEIGHTS.lead * top[1][1]:
            return None
        return self.refs[top[0][0]]

    def others_since(self, start: int, end: int, pid: str) -> bool:
        """Whether a settlement other than `pid` was named in text[start:end]."""
        return any(start <= pos < end and i != pid for pos, i in self.named_at)

    def last_named_before(self, end: int) -> str | None:
        return next((i for pos, i in reversed(self.named_at) if pos < end), None)


@dataclass
class Doc:
    """The per-article tools the passes share."""

    text: str
    gaz: Any
    vocab: frozenset[str]
    resolver: _Resolver
    memory: _Memory
    hits: list[PlaceHit]
    dateline: PlaceRef | None
    topic: Topic = field(default_factory=Topic)


@dataclass
class Places:
    """The places pass's result: the claimable places of the sentence, in text order, and the
    content spans (an introductory locative may add one)."""

    claimable: list[tuple[Mention, PlaceRef]]
    spans: list[tuple[int, int]]
    intro_end: int  # end of an introductory "In X," before the claimant, else -1
    quoted_we: bool  # a first-person quote placed by the dateline or the sentence before
    carried: bool = False  # the place was carried from the sentence before (no place named)


def places_pass(d: Doc, s0: int, s1: int, v: Voice) -> Places | None:
    """Mentions and resolution: the sentence's places, which of them the content claims
    about (answered claims, an official's own town, a quote's dateline), or None."""
    text, memory = d.text, d.memory
    att, claimant = v.att, v.claimant
    names = find_names(text, s0, s1, d.gaz, d.vocab)
    items = sorted(
        names
        + _paired_names(text, s0, s1, d.gaz, names)
        + find_refs(text, s0, s1)
        + _its_parts(text, s0, s1),
        key=lambda m: m.start,
    )
    resolved = _topic_over_list(d, _resolve_mentions(items, d.resolver, memory, d.hits, s0, text))
    resolved = _region_named_here(resolved)
    a = att.attribution
    d.topic.note(
        _settlements_named(text, resolved, (s0 + a[0], s0 + a[1]) if a else (0, 0)), v.sent
    )
    if v.retracted:
        memory.last_claims = []
        return None
    if att.attribution and cl.is_local_official(claimant):
        resolved = _officials_city(resolved, att, s0)
    pl = _with_intro(text, resolved, v, s0)
    if not pl.claimable:
        pl = _where_antecedent(text, resolved, v, s0) or pl
    pl.claimable = _without_settlement_locators(text, pl.claimable)
    spans = pl.spans
    main_empty = not any(spans[0][0] <= m.start < spans[0][1] for m, _r in pl.claimable)
    if main_empty and att.denial and memory.last_claims:
        answered = _answered(text, spans, memory)
        named = {r.id for _m, r in pl.claimable} & {r.id for _m, r in answered}
        if named:  # "rejected the report, adding Moscow's troops did not hold X": X only
            answered = [(m, r) for m, r in answered if r.id in named]
        pl.claimable = answered + pl.claimable
    if not pl.claimable and att.attribution and cl.is_local_official(claimant):
        pl.claimable = _officials_place(text, resolved, spans, att, s0)
    if not pl.claimable and claimant and att.attribution and att.content[1] <= att.attribution[0]:
        pl.quoted_we = _quoted_ground_claim(v.sent[att.content[0] : att.content[1]], v.spoken)
        home = _quote_home(d) if pl.quoted_we and not _UNNAMED_SPOT_RE.search(v.sent) else None
        if home is not None:
            # '"We hold the line," a commander said': the place of a claim in the last
            # two sentences, else the wire dateline's (where the reporter is)
            c_at = spans[0][0]
            ref_m = Mention(
                c_at, c_at, home.name, home.name, "settlement", "ref-settlement", noun="dateline"
            )
            pl.claimable = [(ref_m, home)]
    if (
        not pl.claimable
        and not att.denial
        and not (v.narration and QUOTE_OPEN_RE.match(text, spans[0][0]))  # a speakerless quote
        and not _UNNAMED_SPOT_RE.search(v.sent)  # "..., without naming his location"
        and (carried := _carried_place(d, items, resolved, (s0, s1), spans))
    ):
        pl.claimable, pl.carried = [carried], True
    if pl.claimable or not att.denial:
        memory.last_claims = []
    return pl if pl.claimable else None


# '"We hold our positions," a commander said, without naming his location': no place for it
_UNNAMED_SPOT_RE = re.compile(
    r"(?i)\b(?:without|declining\s+to|refused\s+to|did\s+not)\s+(?:nam|giv|disclos|reveal|specify|"
    r"say)\w*\s+(?:his|her|their|its|the|where)\b(?:\s+\w+){0,2}?\s*(?:location|position|"
    r"whereabouts|unit|sector|he\s+was|she\s+was|they\s+were)?"
)
_CARRY_TYPES = frozenset({"fighting", "holding", "advancing", "withdrawn"})
# the strikes the story's place may take: an event told by its verb ("a shop was hit", "came
# under fire", "strikes on a depot"); not a weapon named ("the type of missile is being
# established"), a blast heard, damage found, or a casualty count retelling the strike
_TOPIC_STRIKE_CUES = frozenset(
    f"cue.strike.{r}"
    for r in ("struck", "passive", "been", "under", "suffered-damage", "fire", "strike")
)


def carrying_cues(text: str, cues: list[verbs.Cue], topic: bool = False) -> list[verbs.Cue]:
    """The cues that can carry the place of the sentence before: a ground verb (not one that
    must take its object at once: "reached" says nothing without one), or any claim verb
    whose object is "it" ("Moscow said its troops had captured it"); the story's own place
    (`topic`) also takes a strike told by its verb ("a shop was hit")."""
    return [
        c
        for c in cues
        if not c.weak
        and (
            (c.type in _CARRY_TYPES and c.attach != "obj0")
            or (topic and c.rule in _TOPIC_STRIKE_CUES)
            or (
                c.attach in ("obj", "obj0")
                and c.type not in ("other", "assessment")
                and _IT_OBJECT_RE.match(text, c.end)
            )
        )
    ]


def _carried_place(
    d: Doc,
    items: list[Mention],
    resolved: list[tuple[Mention, PlaceRef]],
    sent: tuple[int, int],
    spans: list[tuple[int, int]],
) -> tuple[Mention, PlaceRef] | None:
    """ "Russian troops entered X on Monday. Street fighting is going on, the mayor said.": a
    ground claim naming no place at all goes on about the one settlement the sentence before
    named or claimed about; failing that, about the story's topic (topic_carry)."""
    (s0, s1), (c0, c1) = sent, spans[0]
    if any(not m.actor for m, _r in resolved):
        return None
    cues = verbs.find_cues_in(d.text, c0, c1)
    ref = d.memory.previous_settlement()
    if (
        ref is not None
        and not any(not m.actor for m in items)  # a name the resolver left open may be a place
        and carrying_cues(d.text, cues)
        and not names_a_place_noun(d.text, c0, s1)
        and not _NATIONAL_TERRITORY_RE.search(d.text, c0, s1)
        and not looks_elsewhere(d.text[s0:s1])
    ):
        return Mention(c0, c0, ref.name, ref.name, "settlement", "ref-carried", noun="carried"), ref
    if not carrying_cues(d.text, cues, topic=True):
        return None
    ref = topic_carry(d.text, d.topic, s0, s1)
    if ref is None:
        return None
    return Mention(c0, c0, ref.name, ref.name, "settlement", "ref-topic", noun="topic"), ref


# "63 square kilometres of Russian territory", "on Ukrainian soil": a country's land, not the
# settlement the sentence before named
_NATIONAL_TERRITORY_RE = re.compile(
    r"\b(?:Russian|Ukrainian|Russia['’]s|Ukraine['’]s)\s+(?:(?:own|sovereign|internationally\s+"
    r"recognised|internationally\s+recognized)\s+)?(?:territory|territories|soil|land)\b"
)
_WORD_AFTER_RE = re.compile(r"[ \t]+([a-z]+)\b")
_WORD_BEFORE_RE = re.compile(r"\b([a-z]+)[ \t]+$")


def _speaker(text: str, m: Mention) -> bool:
    """ "Petrenko said", "..., noted Barabash, adding": a name a speech verb governs (a
    place after the verb starts a clause instead: "said Avdiivka had fallen")."""
    after = _WORD_AFTER_RE.match(text, m.end)
    if after is not None and cl.is_speech_verb(after.group(1)):
        return True
    before = _WORD_BEFORE_RE.search(text, max(0, m.start - 30), m.start)
    return (
        before is not None
        and cl.is_speech_verb(before.group(1))
        and _CLAUSE_END_RE.match(text, m.end) is not None
    )


_CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:)\]\"”]|$)")


def _settlements_named(
    text: str, resolved: list[tuple[Mention, PlaceRef]], attribution: tuple[int, int]
) -> list[tuple[int, PlaceRef]]:
    """The settlements a sentence names or refers back to ("the city"), for the topic's
    evidence; a name a speech verb governs ("Petrenko said") is a person, not a place, and
    one in the attribution ("the spokesman of the Kharkiv group of forces said") is the
    speaker's post, not where anything happened."""
    out = []
    for m, r in resolved:
        if m.actor or r.precision != "settlement" or m.kind not in ("name", "ref-settlement"):
            continue
        if attribution[0] <= m.start < attribution[1]:
            continue
        if m.kind == "name" and _speaker(text, m):
            continue
        out.append((m.start, r))
    return out


def topic_carry(text: str, topic: Topic, s0: int, s1: int) -> PlaceRef | None:
    """ "Russian troops launched an assault on X. ... The fighting continues for a second
    day.": a ground claim naming no place, in a story about one settlement, is about it; not
    when another settlement was named in the paragraph or last, nor when the sentence looks
    elsewhere, back in time, or ahead (anaphora.toml)."""
    ref = topic.place()
    if ref is None or topic.last_named_before(s0) != ref.id:
        return None
    para = text.rfind("\n", 0, s0) + 1
    if topic.others_since(para, s0, ref.id):
        return None
    if anaphora_blocked(text[s0:s1]) or _caption(text, s0):
        return None  # a sentence looking elsewhere, or a caption or heading ("Attack on X")
    return ref


_SENTENCE_END_RE = re.compile(r"[.!?…:;][\"”’')\]]*$")


def _caption(text: str, s0: int) -> bool:
    """Whether the line holding s0 is a heading or caption: it ends without a full stop."""
    end = text.find("\n", s0)
    line = text[s0 : end if end >= 0 else len(text)].rstrip()
    return _SENTENCE_END_RE.search(line) is None


def _officials_city(
    resolved: list[tuple[Mention, PlaceRef]], att: cl.Attribution, s0: int
) -> list[tuple[Mention, PlaceRef]]:
    """ "a bomb struck the city's Saltivskyi district, Kharkiv Mayor Ihor Terekhov said":
    "the city" is the official's own."""
    a = att.attribution or (0, 0)  # the caller checked there is one
    a0, a1 = s0 + a[0], s0 + a[1]
    own = [
        r
        for m, r in resolved
        if a0 <= m.start < a1 and m.kind == "name" and r.precision == "settlement"
    ]
    if not own:
        return resolved
    return [
        (m, own[-1])
        if m.kind == "ref-settlement"
        and m.noun in ("city", "town", "capital")
        and not a0 <= m.start < a1
        else (m, r)
        for m, r in resolved
    ]


# "to hold the frontier town in the Kharkiv region", "a logistics hub in the Donetsk region
# that saw months of fighting": the region only says where the settlement lies
# (a definite noun, or one said of the settlement: not "as well as a village in the X region",
# an unnamed place the region is all there is of)
_NOUN_IN_REGION_RE = re.compile(
    r"(?:\bthe|(?:\b(?:is|was|remains)|,)\s+(?:a|an))\s+(?:[\w'’-]+\s+){0,4}?(?:town|city|"
    r"village|settlement|hamlet|hub|stronghold|port|outpost|community|locality|township)\s+"
    r"(?:in|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}[\w'’-]*$"
)


# "the last settlement in Kursk Oblast, Gornal, was retaken": the settlement is named right
# after the region (a name the gazetteer may lack): the region only locates it
_SETTLEMENT_IN_BEFORE_RE = re.compile(
    r"\b(?:settlement|village|town|hamlet|locality)\s+(?:in|of)\s+(?:the\s+)?$"
)
_NAMED_AFTER_RE = re.compile(
    r"\s*,\s+(?:the\s+(?:village|town|settlement)\s+of\s+)?"
    r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?\s*(?:[,.;)]|$)"
)


# "the capture of Kolodyazi (Donetsk region)": a region in brackets after a name locates that
# name (one the gazetteer may lack), as "X, Donetsk region" does
_NAME_BRACKET_BEFORE_RE = re.compile(r"[A-Z][\w'’-]+\s*\(\s*(?:the\s+)?$")
_BRACKET_CLOSE_RE = re.compile(r"\s*\)")


# "fighting at Huliaypol in Zaporizhzhia region": a region after an unknown name
# (a spelling the gazetteer lacks) locates that name
_NAME_IN_BEFORE_RE = re.compile(r"\b([A-Z][\w'’-]+)\s+in\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
_NO_NAMES = frozenset("ukraine russia ukrainians russians kyiv moscow kremlin".split())


def _unknown_name_locator(text: str, m: Mention) -> bool:
    g = _NAME_IN_BEFORE_RE.search(text, max(0, m.start - 60), m.start)
    if g is None:
        return False
    word = g.group(1).lower()
    before = text[max(0, g.start() - 2) : g.start()]
    return (
        word not in STOP
        and word not in _NO_NAMES
        and not re.search(r"(?:^|[.!?\n\"“])\s*$", before)  # not a sentence's first word
    )


def _bracketed_locator(text: str, m: Mention) -> bool:
    return (
        _NAME_BRACKET_BEFORE_RE.search(text, max(0, m.start - 40), m.start) is not None
        and _BRACKET_CLOSE_RE.match(text, m.end) is not None
    )


def _narrowed_next(
    text: str, m: Mention, r: PlaceRef, following: list[tuple[Mention, PlaceRef]]
) -> bool:
    """Whether the clause narrows region r to a settlement of it named right after it ("in
    the Kursk region on Sunday near the Russian village of X", "in Donetsk region close to
    the town of Y": anaphora.toml refs.narrowing-locator)."""
    if not following:
        return False
    n, place = following[0]
    return (
        place.precision == "settlement"
        and place.admin1 == r.id
        and n.kind == "name"
        and narrowed_gap_re().fullmatch(text, m.end, n.start) is not None
    )


def _without_settlement_locators(
    text: str, claimable: list[tuple[Mention, PlaceRef]]
) -> list[tuple[Mention, PlaceRef]]:
    """The claimable places minus a region that locates a settlement the sentence names (or
    refers to) before it, by a noun, or names right after it, or follows it in brackets: the
    claim is the settlement's (none, if the gazetteer lacks it)."""
    out: list[tuple[Mention, PlaceRef]] = []
    for i, (m, r) in enumerate(claimable):
        if r.precision == "region" and (
            _narrowed_next(text, m, r, claimable[i + 1 : i + 2])
            or (
                any(p.precision == "settlement" for _n, p in out)
                and _NOUN_IN_REGION_RE.search(text, max(0, m.start - 100), m.start)
            )
            or (
                _SETTLEMENT_IN_BEFORE_RE.search(text, max(0, m.start - 40), m.start)
                and _NAMED_AFTER_RE.match(text, m.end)
            )
            or _bracketed_locator(text, m)
            or _unknown_name_locator(text, m)
        ):
            continue
        out.append((m, r))
    return out


def _with_intro(text: str, resolved: list[tuple[Mention, PlaceRef]], v: Voice, s0: int) -> Places:
    """The claimable places; with none in the content, "In the occupied city of Horlivka,
    the mayor said drones had hit a bus station": the introductory place is where the
    content happened (its span is added)."""
    att, spans = v.att, list(v.spans)
    claimable = _claimable(text, resolved, spans)
    if (
        not claimable
        and att.attribution
        and att.attribution[0] > 0
        and att.content[0] >= att.attribution[1]
        and _LOCATIVE_INTRO_RE.match(v.sent)
    ):
        spans = [(s0, s0 + att.attribution[0]), *spans]
        return Places(_claimable(text, resolved, spans), spans, s0 + att.attribution[0], False)
    return Places(claimable, spans, -1, False)


# "the hub of Pokrovsk, where Ukraine says the fighting is intense": the attribution opens a
# relative clause on the place just named
_WHERE_GAP_RE = re.compile(r"\s*,\s*where\s+")


def _where_antecedent(
    text: str, resolved: list[tuple[Mention, PlaceRef]], v: Voice, s0: int
) -> Places | None:
    """ "Moscow's army is focusing its fire on the hub of X, where Kyiv says the fighting is
    fierce", "pushing on in the Y region, where they claim to have taken 40 villages": a
    statement whose speaker sits in a "where" clause is about the place the clause hangs on
    (its span is added)."""
    att = v.att
    if not att.attribution or att.content[0] < att.attribution[1]:
        return None
    a0 = s0 + att.attribution[0]
    before = [(m, r) for m, r in resolved if m.end <= a0 and not m.actor]
    if not before or not _WHERE_GAP_RE.fullmatch(text, before[-1][0].end, a0):
        return None
    m, r = before[-1]
    return Places([(m, r)], [*v.spans, (m.start, m.end)], -1, False)


REF_KINDS = {"refs": ("answered", "narrowing")}


@lru_cache(maxsize=1)
def ref_words() -> dict[str, WordRule]:
    """The words by which a sentence points at a claim or a place it does not name
    (anaphora.toml [[refs]]), by id."""
    return load_words(HERE / "anaphora.toml", REF_KINDS)


@lru_cache(maxsize=1)
def answered_re() -> re.Pattern[str]:
    """ "the claim", "this information", "Moscow's reports": a noun phrase for the claim a
    denial answers."""
    return re.compile(
        r"\b(?:the|this|that|these|those|such|any|Russia['’]s|Moscow['’]s|Ukraine['’]s|"
        r"Kyiv['’]s|Russian|Ukrainian)\s+(?:\w+\s+)?" + joined(ref_words(), "answered") + r"\b",
        re.I,
    )


@lru_cache(maxsize=1)
def narrowed_gap_re() -> re.Pattern[str]:
    """ "(the X region) on Sunday near the village of (Y)": the gap between a region and a
    settlement of it the clause narrows to."""
    return re.compile(
        r"(?:\s+(?:on\s+[A-Z][a-z]+|overnight|last\s+night))?\s*,?\s+"
        + joined(ref_words(), "narrowing")
        + r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:(?:village|town|city|settlement)\s+of\s+)?",
        re.I,
    )


def _answered(
    text: str, spans: list[tuple[int, int]], memory: _Memory
) -> list[tuple[Mention, PlaceRef]]:
    """ "Kyiv rejected the claim", "Kyiv denied that, saying ...": the places of the claim
    being answered."""
    rm = answered_re().search(text, spans[0][0], spans[0][1]) or _BARE_ANSWER_RE.match(
        text, spans[0][0], spans[0][1]
    )
    if not rm:
        return []
    return [
        (Mention(rm.start(), rm.end(), rm.group(0), "", None, "ref-claim"), ref)
        for ref in memory.last_claims
    ]


def _officials_place(
    text: str,
    resolved: list[tuple[Mention, PlaceRef]],
    spans: list[tuple[int, int]],
    att: cl.Attribution,
    s0: int,
) -> list[tuple[Mention, PlaceRef]]:
    """ "Russian-installed officials in Oleshky said artillery had hit a bakery", "the
    town's mayor said a bomb had destroyed a school": the officials' own place."""
    a = att.attribution or (0, 0)  # the caller checked there is one
    a0, a1 = s0 + a[0], s0 + a[1]
    own = [
        (m, r)
        for m, r in resolved
        if a0 <= m.start < a1 and not m.actor and not _person_name_part(text, m)
    ]
    if own and any(not c.weak for c in verbs.find_cues(text[spans[0][0] : spans[0][1]])):
        return [own[-1]]
    return []


def _quote_home(d: Doc) -> PlaceRef | None:
    """Where a first-person quote is set: "In a dugout outside Chasiv Yar, the men say ... .
    SOLDIER: We are holding our positions here": the place the sentence before named, else
    the last claim's within two sentences, else the dateline's."""
    memory = d.memory
    just_named = (
        memory.in_sentence[0]
        if memory.in_sentence and memory.sentence - memory.in_sentence[1] == 1
        else None
    )
    last = (
        memory.last_claimed[0]
        if memory.last_claimed and memory.sentence - memory.last_claimed[1] <= 2
        else None
    )
    return just_named or last or d.dateline


# "They were A, B and C.", "The villages are A and B, it said.": the list of places a
# counted plural in the sentence before ("three more villages") stood for
_LIST_IDENTITY_RE = re.compile(
    r"^\W*(?:They|These|Those|The\s+(?:[\w-]+\s+)?(?:villages|settlements|towns|localities|"
    r"hamlets))\s+(?:were|are|include|included)\s+(?:the\s+(?:villages|settlements)\s+of\s+)?"
)
_COUNTED_PLURAL_RE = re.compile(
    r"(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:more\s+|other\s+|"
    r"further\s+|new\s+|frontline\s+|small\s+)?(?:villages|settlements|towns|localities|hamlets)\b"
)


def listed_next(
    claims: list[ClaimRecord], prev: list[ClaimRecord], s0: int, sent: str, pl: Places
) -> list[ClaimRecord]:
    """ "Moscow said it had taken three more villages in the Donetsk region. They were A, B
    and C.": the listed settlements take the claim before (its type, voice and date); the
    region that only located the unnamed villages is dropped."""
    if (
        not prev
        or not _LIST_IDENTITY_RE.match(sent)
        or not _COUNTED_PLURAL_RE.search(prev[0].quote)
    ):
        return []
    places = [(m, r) for m, r in pl.claimable if m.kind == "name" and r.precision == "settlement"]
    if not places:
        return []
    main = next((c for c in prev if c.type != "denied"), prev[0])
    admin = {r.admin1 for _m, r in places}
    claims[:] = [
        c
        for c in claims
        if not (c in prev and c.place.precision == "region" and c.place.id in admin)
    ]
    return [
        replace(main, place=r, place_as_written=m.text, quote=sent, start=s0, end=s0 + len(sent),
                rules=(*main.rules[:2], "place.listed-next-sentence"))
        for m, r in dict((r.id, (m, r)) for m, r in places).values()
    ]  # fmt: skip


# "seized a ruined but key town in Ukraine's eastern Donetsk region": a single
# unnamed settlement the region only locates
_UNNAMED_IN_REGION_RE = re.compile(
    r"\b(?:a|an|another|one)\s+(?:[\w'’-]+\s+){0,4}?(?P<noun>town|village|city|settlement|hamlet)"
    r"\s+in\s+"
)
_NAMED_LATER_REACH = 700  # characters back from a named claim to the lede it names


def _fits(noun: str, ref: PlaceRef) -> bool:
    lo, hi = _NOUN_POP.get(noun, (0, 10**9))
    return ref.population is None or lo <= ref.population <= hi


def name_the_unnamed(claims: list[ClaimRecord], made: list[ClaimRecord]) -> None:
    """ "Russia claimed that its forces captured a strategic town in the Donetsk region. ...
    its troops had liberated Kurakhove": a claim about an unnamed settlement placed only by
    its region is about the settlement of that region a following claim of the same type
    names."""
    for c in made:
        if c.place.precision != "settlement" or not c.place.admin1:
            continue
        for i in range(len(claims) - 1, -1, -1):
            p = claims[i]
            if c.start - p.start > _NAMED_LATER_REACH:
                break
            if (
                p.place.precision == "region"
                and p.place.id == c.place.admin1
                and p.type == c.type
                and (u := _UNNAMED_IN_REGION_RE.search(p.quote))
                and _fits(u.group("noun"), c.place)  # "a village" is not a city of 100,000
            ):
                # the same event: an undated lede takes the body's date
                undated = p.source is not None and p.claim_date == p.source.published
                claims[i] = replace(
                    p,
                    place=c.place,
                    claim_date=c.claim_date if undated else p.claim_date,
                    date_precision=c.date_precision if undated else p.date_precision,
                    rules=(*p.rules, "place.named-later"),
                )


_GIVEN_NAME_BEFORE_RE = re.compile(r"\b([A-Z][a-z]{2,})[ \t]+$")  # (a line break is no name gap)
_NOT_GIVEN_NAMES = frozenset(
    "The In At On Of Near From Russian Ukrainian Russia's Ukraine's Western Eastern Northern "
    "Southern Central Greater Upper Lower Old New Mayor Governor".split()
)


def _person_name_part(text: str, m: Mention) -> bool:
    """ "the head of the Shebekino urban district, Vladimir Zhdanov": a surname after a given
    name is a person (Zhdanov was Mariupol's Soviet name), not the official's own place."""
    if m.kind != "name":
        return False
    g = _GIVEN_NAME_BEFORE_RE.search(text, max(0, m.start - 20), m.start)
    return bool(g and g.group(1) not in _NOT_GIVEN_NAMES)


def dateline_place(text: str, resolver: _Resolver) -> PlaceRef | None:
    """The settlement of a wire dateline ("KOSTIANTYNIVKA, Ukraine (Reuters) -"), if any."""
    m = _DATELINE_RE.search(text, 0, 3000)
    if m is None:
        return None
    ref, _ties = resolver.resolve(m.group(1).title(), "settlement")
    return ref if ref is not None and ref.precision == "settlement" else None


def _quoted_ground_claim(content: str, spoken: bool = False) -> bool:
    """A direct quote (or a transcript speaker's words) in the first person plural with a
    ground-fighting verb ("We hold the line", "we are fighting for every street"): a soldier
    speaking of where he stands."""
    if not (spoken or QUOTE_OPEN_RE.match(content)) or not _FIRST_PERSON_RE.search(content):
        return False
    return any(c.type in _GROUND_TYPES and not c.weak for c in verbs.find_cues(content))


@lru_cache(maxsize=1)
def _blocking_re() -> re.Pattern[str]:
    rules = default_anaphora()
    kinds = ANAPHORA_KINDS["words"]
    return re.compile(r"\b(?:" + "|".join(joined(rules, k) for k in kinds) + r")\b", re.I)


def anaphora_blocked(sent: str) -> bool:
    """Whether a placeless sentence looks elsewhere, back in time or ahead (anaphora.toml),
    so that it does not take the story's place."""
    return _blocking_re().search(sent) is not None


@lru_cache(maxsize=1)
def _elsewhere_re() -> re.Pattern[str]:
    return re.compile(r"\b" + joined(default_anaphora(), "elsewhere") + r"\b", re.I)


def looks_elsewhere(sent: str) -> bool:
    """Whether a placeless sentence looks elsewhere (anaphora.toml "elsewhere" entries: the
    whole front, other settlements, a wide area, another subject): it does not go on about
    the settlement the sentence before named either."""
    return _elsewhere_re().search(sent) is not None
