"""Attribution and place constructions of news reporting that the main pass consults.

Each rule here is general knowledge of how reporters write, with examples in the tests
(tests/test_extract_reporting.py):
- a bare ministry ("the defence ministry announced") speaks for the state the article last
  quoted, or the country an opening "In Russia," names (a bare "General Staff" or "military"
  keeps the combatant rule: the side defending the place);
- a trailing counter-claim (", though Kyiv denied it", ", a claim dismissed by Ukraine's
  military") is a denial of the same places by that party;
- a region that only locates named settlements ("the village of X in the Y region",
  "villages in the Y region - A, B and C") is no claim place of its own;
- (0.35) calling a report false ("Also untrue are statements that X has been captured")
  denies what it says; ", as well as X" shares the claim before it.

The cross-sentence rules of 0.35 live in the passes (placing.py, voices.py, dating.py,
pipeline.py): a placeless ground claim
carries the settlement of the sentence before (place.ref-carried, also for "captured it"),
"X also did Y" goes on with the report just attributed (attr.also-continues), an undated
claim takes the day the next sentence gives its kind of event (date.next-sentence), "They
were A, B and C" lists what "three villages" stood for (place.listed-next-sentence), a lede's
unnamed town is the one the body names (place.named-later), and the writer's description of
the event just reported is no second claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.extract import claimants as cl

# a state institution named without its country
_BARE_INSTITUTION_RE = re.compile(
    r"(?i)^(?:the\s+|its\s+|their\s+)?(?:(?:defen[cs]e|foreign)\s+ministry|ministry(?:\s+of\s+defen[cs]e)?|"
    r"government|presidential\s+office|"
    r"ministry['’]s\s+(?:spokesman|spokeswoman|statement)|(?:defen[cs]e\s+)?ministry\s+statement)$"
)
_IN_COUNTRY_RE = re.compile(r"^\W*In\s+(Russia|Ukraine)\s*,")
# "Russia has repelled ..., its defence ministry said": the possessive's country is the subject
_ITS_INSTITUTION_RE = re.compile(
    r"(?i)^(?:its|their)\s+(?:defen[cs]e\s+ministry|ministry(?:\s+of\s+defen[cs]e)?|military|army|"
    r"general\s+staff|foreign\s+ministry|government|presidential\s+office)$"
)
_SUBJECT_STATE_RE = re.compile(r"^\W*(?:The\s+)?(Russia|Ukraine|Moscow|Kyiv|Kiev|Kremlin)\b")


def institution_side(claimant: str | None, sentence: str, last_state: str | None) -> str | None:
    """The side of a bare institution claimant, or None when the claimant is not one."""
    if claimant and _ITS_INSTITUTION_RE.match(claimant.strip()):
        if m := _SUBJECT_STATE_RE.match(sentence):
            return "ukraine" if m.group(1) in ("Ukraine", "Kyiv", "Kiev") else "russia"
        return last_state
    if not claimant or not _BARE_INSTITUTION_RE.match(claimant.strip()):
        return None
    if m := _IN_COUNTRY_RE.match(sentence):
        return "russia" if m.group(1) == "Russia" else "ukraine"
    return last_state


_DENY_WORDS = ("denied", "rejected", "disputed", "dismissed", "refuted", "contested")
# ", a claim Ukraine said was false", ", which Kyiv called a lie": calling the claim false
_FALSE_WORDS = ("false", "untrue", "not true", "lie", "fake", "baseless", "groundless")
_DENY = (
    rf"(?:(?:{'|'.join(_DENY_WORDS)})(?:\s+(?:it|this|that|the\s+claim))?"
    rf"(?:\s+as\s+[^,.;]{{1,60}}?)?"  # "rejected as untrue", 'dismissed as "a fake for ..."'
    rf"|(?:(?:said|says)\s+(?:was|is|were|are)|called(?:\s+it)?)\s+(?:an?\s+)?(?:\w+\s+)?"
    rf"(?:{'|'.join(_FALSE_WORDS)}))"
)
# ", though Ukraine denied it", ", which Kyiv has rejected", ", a claim dismissed by X"
_COUNTER_RE = re.compile(
    r"(?:,|\s[—–])\s+(?:(?:though|although|but|which|a\s+claim(?:\s+that)?|something)\s+"
    r"(?P<who>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?)\s+(?:has\s+|have\s+|had\s+|later\s+|"
    r"\w+ly\s+)*" + _DENY + r"\b"
    r"|a\s+claim\s+(?:that\s+was\s+|since\s+)?" + _DENY + r"\s+by\s+(?P<by>[^,.;]{2,60}?))"
    r"[\"”’]?\s*(?:[,.;]|$)"
)


@dataclass(frozen=True)
class Counter:
    """A party answering the sentence's own claim."""

    claimant: str
    side: str
    start: int  # offset of the counter-claim in the sentence


def counter_denial(sentence: str, main_side: str | None) -> Counter | None:
    """A trailing denial by another side of the claim the sentence reports."""
    if not any(map(sentence.__contains__, _DENY_WORDS + _FALSE_WORDS)):
        return None  # (every match holds one: substring tests, not a search)
    m = _COUNTER_RE.search(sentence)
    if m is None:
        return None
    who = (m.group("who") or m.group("by") or "").strip()
    side = cl.side_of(who)
    if side is None or side == main_side:
        return None
    return Counter(who, side, m.start())


# "the village of Maiorsk in the Donetsk region": the region locates the village, even one
# the gazetteer lacks; "four settlements in the Donetsk region, ..., including X" /
# "villages in the Donetsk region - A, B and C": the region locates the listed villages
_NAMED_SETTLEMENT_BEFORE_RE = re.compile(
    r"\b(?:village|town|township|city|settlement|hamlet|community|locality)\s+of\s+[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?"
    r"\s*(?:,\s*)?(?:in|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$|"
    # "the villages of A in the same region and B in the Luhansk People's Republic"
    r"\b(?:villages|towns|settlements|hamlets)\s+of\s+[A-Z][\w'’-]+(?:[^.;]{0,80}?[A-Z][\w'’-]+)?\s*"
    r"(?:,\s*)?in\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$|"
    # "the Pokrovske area of the Dnipropetrovsk region", "the Glushkovo district of Kursk
    # Oblast": the region locates a town's surroundings (a district goes to its centre)
    r"\b[A-Z][\w'’-]+\s+(?:area|outskirts|vicinity|district|raion)\s+(?:of|in)\s+(?:the\s+)?$|"
    # "captured A, B and C in the Sumy region": the region after a list of names locates it
    r"(?<![\w'’-])[A-Z][\w'’-]+(?:,\s+[A-Z][\w'’-]+)*,?\s+(?:and|or)\s+[A-Z][\w'’-]+\s*,?\s+in\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}$"
)
# "in the Kharkiv region near Vovchansk, Starytsia and Hlyboke": the region locates the
# settlements named right after it
_NEAR_SETTLEMENT_GAP_RE = re.compile(
    r"\s*,?\s+(?:near|around|outside|close\s+to|not\s+far\s+from|at)\s+(?:the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:towns?|cit(?:y|ies)|villages?|settlements?)\s+of\s+)?"
)


def region_before_settlement(text: str, region_end: int, settlement_start: int) -> bool:
    """True when a region mention is followed by "near X" naming a settlement."""
    return _NEAR_SETTLEMENT_GAP_RE.fullmatch(text, region_end, settlement_start) is not None


_PLURAL_SETTLEMENTS_BEFORE_RE = re.compile(
    r"\b(?:villages|settlements|towns|cities|hamlets|localities)\s+(?:\w+\s+)?in\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$"
)
_LIST_AFTER_RE = re.compile(
    r"(?:[^.;]{0,120}?(?:\s[—–]\s|,\s+including\s+|:\s+)|,\s+(?!the\b|a\b|an\b)[A-Z])"
)


def _in_or_of_ends(before: str) -> bool:
    """Whether `before` ends with white space, "in" or "of" ending one of its last four
    tokens: every _NAMED_SETTLEMENT_BEFORE_RE match ends so ("in|of", white space, then at
    most "the" and two words before the end), and the search, tried at every word and
    capital of the text, is then skipped for the many texts that do not."""
    return before[-1:].isspace() and any(
        t.endswith(("in", "of")) for t in before.rsplit(None, 4)[-4:]
    )


def region_locates(text: str, start: int, end: int, settlement_after: bool) -> bool:
    """True when the region mention at text[start:end] only locates settlements."""
    before = text[max(0, start - 90) : start]
    if _in_or_of_ends(before) and _NAMED_SETTLEMENT_BEFORE_RE.search(before):
        return True
    return (
        settlement_after
        and _PLURAL_SETTLEMENTS_BEFORE_RE.search(before) is not None
        and _LIST_AFTER_RE.match(text, end) is not None
    )


# ", including Yampil", "including the village of X": the claim before covers the list;
# "..., as well as a village in neighbouring X region": and the place after "as well as"
INCLUDING_BEFORE_RE = re.compile(
    r",?\s+(?:including|among\s+them|such\s+as|in\s+particular|notably|namely)\s+(?:the\s+(?:[\w-]+\s+){0,2}?"
    r"(?:town|city|village|settlement)s?\s+of\s+)?$|"
    r",\s+as\s+well\s+as\s+(?:(?:a|an|one|two|three|four|several)\s+(?:[\w-]+\s+)?"
    r"(?:villages?|towns?|settlements?|hamlets?)\s+in\s+(?:the\s+)?(?:neighbou?ring\s+)?)?$"
)
# "Pokrovsk, a key hub that, if lost, would ...": an aside right after a place describes it
ASIDE_AFTER_RE = re.compile(r",\s+(?:a|an|the|which|that|whose|where)\s")
# the outlet's own modifier inside anyone's sentence: "the Ukrainian-held city of X"
HELD_MODIFIER_RE = re.compile(r"(?:Ukrainian|Russian|Kyiv|Moscow)-(?:held|controlled)\b")


# "a village just east of Pokrovsk", "two villages near Kupiansk": an unnamed settlement that
# the named place only locates; the claim is about the unnamed one, not the named
_UNNAMED_NEAR_BEFORE_RE = re.compile(
    r"\b(?:a|an|one|two|three|four|five|several|some|other)\s+(?:(?:small|tiny|nearby|"
    r"frontline|other|more)\s+)?(?:village|town|settlement|hamlet|locality)s?\s+"
    r"(?:(?:just|about|some|roughly|around|only)\s+)?(?:[\d.,]+\s*(?:km|kilometres?|"
    r"kilometers?|miles?)\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ward)?\s+"
    r"of|near|outside|close\s+to|not\s+far\s+from)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|"
    r"city|village|hub|stronghold|settlement|port|outpost)\s+of\s+)?$"
)


def only_locates_unnamed(text: str, start: int) -> bool:
    """True when the settlement mention at `start` only locates an unnamed one before it."""
    window = text[max(0, start - 110) : start]
    if not any(map(window.__contains__, _UNNAMED_NOUNS)):  # (every match holds one: a fast test)
        return False
    return _UNNAMED_NEAR_BEFORE_RE.search(text, max(0, start - 110), start) is not None


_UNNAMED_NOUNS = ("village", "town", "settlement", "hamlet", "locality")


_FALSE = r"(?:untrue|false|fake|baseless|groundless|unfounded|not\s+true|incorrect|lies|a\s+lie)"
_REPORTS = r"(?:statements?|claims?|reports?|allegations?|assertions?|information|rumou?rs?)"
# "Also untrue are statements that X has been captured", "Reports that X has fallen are false",
# "claims of X's capture are untrue", "claims that X fell do not reflect reality": the content
# reported is denied by whoever calls it false
FALSE_REPORT_RE = re.compile(
    rf"(?i)\b{_FALSE}\s+(?:are|is|were|was)\s+(?:also\s+)?(?:the\s+|all\s+|any\s+)?(?:\w+\s+)?"
    rf"{_REPORTS}\s+(?:that|about|of)\b|\b(?:false|fake|baseless|groundless|unfounded)\s+"
    rf"{_REPORTS}\s+(?:that|about|of)\b|\b{_REPORTS}\s+(?:that|about|of)\b[^.;]{{3,160}}?\b(?:are|is|"
    rf"were|was)\s+(?:also\s+|simply\s+|completely\s+)?{_FALSE}\b|"
    # "there is no truth to reports that X has fallen", "it is not true that X was taken"
    rf"\bno\s+truth\s+(?:to|in)\s+(?:the\s+|any\s+)?(?:\w+\s+)?{_REPORTS}\s+(?:that|about|of)\b|"
    r"\b(?:it\s+is|it['’]s|it\s+was)\s+(?:simply\s+|absolutely\s+)?(?:not\s+true|untrue|false)\s+that\b|"
    # "statements that the enemy holds X do not correspond to reality"
    rf"\b{_REPORTS}\s+(?:that|about|of)\b[^.;]{{3,160}}?\b(?:do|does|did)\s+not\s+"
    r"(?:correspond\s+to|reflect|match)\s+(?:the\s+)?(?:reality|facts)\b"
)


# A person is introduced once with an affiliation ("Serhiy Cherevaty, a spokesman for
# Ukraine's eastern group", or a "Source: Oleh Syniehubov, Head of Kharkiv Oblast Military
# Administration" line) and named by surname after ("Cherevaty said", "according to
# Syniehubov"): the surname stands for the whole introduction
# (?<![\w'’-])[A-Z]... with its first capital before the look-back: a pattern opening with
# a class lets the engine skip to the capitals; the same matches
_CAP_RUN_RE = re.compile(r"[A-Z](?<![\w'’-][A-Z])[\w'’-]*(?:\s+[A-Z][\w'’-]*)+")
_NOT_SURNAME = frozenset(
    "Ukraine Ukrainian Russia Russian Kyiv Moscow Kremlin Ministry Defence Defense Staff General "
    "Forces Army Military Group Command Service Council Guard Brigade Institute State Oblast "
    "Region District Administration Office City Republic Committee Department Agency Centre "
    "Center Corps Directorate Headquarters Intelligence Police Operation Front Affairs "
    "Security".split()
)
_BARE_NAME_RE = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’-]+$"
)  # "Cherevaty", "Oleh Kiper"
_SOURCE_LINE_RE = re.compile(r"(?m)^\W{0,3}Sources?\s*:\s*(?P<list>[^\n]{3,600})$")


def _surnames(phrase: str) -> list[str]:
    """The surnames of the people a phrase names: the last word of each run of two or more
    capitalised words that is not an institution's name."""
    out = []
    for m in _CAP_RUN_RE.finditer(phrase):
        last = m.group(0).split()[-1].rstrip("'’s")
        if last not in _NOT_SURNAME and last[:1].isupper():
            out.append(last)
    return out


def introduce(claimant: str | None, people: dict[str, str]) -> None:
    """Remember a named claimant's introduction (the name with its affiliation) by surname."""
    for surname in _surnames(claimant or ""):
        if claimant and claimant.strip() != surname:
            people.setdefault(surname, claimant.strip())


def introduce_sources(text: str, people: dict[str, str]) -> str | None:
    """Read a "Source: A, Head of X; B" line (a house style of Ukrainian outlets) into the
    introductions; returns the first source (whose words a bare "Quote:" gives)."""
    first = None
    if "Source" not in text:  # (every match holds it: the multi-line "^" is tried everywhere)
        return None
    for m in _SOURCE_LINE_RE.finditer(text):
        for entry in m.group("list").split(";"):
            entry = entry.strip().rstrip(".")
            if entry:
                introduce(entry, people)
                first = first or entry
    return first


def introduction(claimant: str | None, people: dict[str, str]) -> str | None:
    """The introduction of a person a claimant names by surname only ("Cherevaty")."""
    if not claimant or not people or not _BARE_NAME_RE.match(claimant):
        return None
    words = {w.rstrip("'’s") for w in re.findall(r"[A-Z][\w'’-]*", claimant)}
    found = {people[w] for w in words if w in people and people[w] != claimant}
    return found.pop() if len(found) == 1 else None


# "Russia said it had taken X, hours after Kyiv said it had pulled out": a second source
# named inside the content speaks for what follows its own verb
_NESTED_SAID_RE = re.compile(
    r"\b(?:after|as|while|but|and|when|since|though|although|that|where|because|whereas)\s+"
    r"(?P<who>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}?)\s+(?:had\s+|has\s+|have\s+)?(?:said|says|"
    r"claimed|claims|announced|reported|confirmed|admitted|insisted)\b"
)


_NESTED_VERBS = (
    "said",
    "says",
    "claim",
    "announced",
    "reported",
    "confirmed",
    "admitted",
    "insisted",
)


@dataclass(frozen=True)
class Nested:
    """A source named inside a sentence's content, and where its words begin."""

    claimant: str
    side: str
    start: int  # offset in the sentence after its verb


def nested_voice(sentence: str, c0: int, c1: int, pos: int) -> Nested | None:
    """The state source whose verb stands last before `pos` inside the content span."""
    last = None
    window = sentence[c0:c1]
    if not any(map(window.__contains__, _NESTED_VERBS)):  # (every match holds one: a fast test)
        return None
    for m in _NESTED_SAID_RE.finditer(sentence, c0, c1):
        if m.end() > pos:
            break
        side = cl.side_of(m.group("who"))
        if side in ("russia", "ukraine"):
            last = Nested(m.group("who"), side, m.end())
    return last
