"""Find place mentions in a sentence: names (any alias the gazetteer knows), region phrases
and back-references ("the town", "the industrial hub", "the border area").

Only capitalised words start a candidate name, so the scan costs one gazetteer lookup per
capitalised n-gram. A name glued to other capitalised words is part of a bigger proper name
("Vladimir Putin", "Moscow's Defense Ministry") and is not a place; capitals used as actors
("Kyiv denied", "if Moscow requested") are governments, not places, unless a locative
preposition or a strike puts them on the map ("strikes on Kyiv").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count
from typing import Any

from gazetteer import normalize
from geomap.extract import prescreen
from geomap.extract.rules import default_stop_names

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’\-]*")
_POSSESSIVE_RE = re.compile(r"['’]s$|['’]$")
_POSSESSIVE_ENDS = ("'s", "’s", "'", "’")


def _strip_possessive(w: str) -> str:
    """`_POSSESSIVE_RE.sub("", w)` for a word or name (no line break in it), without a regex."""
    if w.endswith(("'s", "’s")):
        return w[:-2]
    return w[:-1] if w.endswith(("'", "’")) else w


_REGION_WORDS = {"region", "oblast", "province", "krai", "district", "raion", "governorate", "area"}
_REGION_AFTER_RE = re.compile(
    r"^(?:\s+(?:regions?|oblasts?|provinces?|krai|governorate)\b|\s+People['’]s\s+Republic\b|"
    # "the Kursk border region", "the Kharkiv frontline region": a modifier before the noun;
    # "the Kursk border area", "the Belgorod border zone": the region's strip along the border
    r"\s+(?:border|frontier|frontline|front-line|neighbou?ring)\s+(?:regions?|oblasts?|provinces?)\b|"
    r"\s+(?:border|frontier)\s+(?:areas?|zones?|districts?)\b|"
    r"(?:\s*,\s*[A-Z][\w'’-]+)*,?\s+and\s+[A-Z][\w'’-]+\s+(?:regions|oblasts|provinces)\b)",
    re.I,
)
_INSTITUTION_AFTER_RE = re.compile(
    r"(?:\s+[A-Z][\w'’-]+){0,2}?\s+(?:Theatre|Theater|University|Cathedral|Museum|Hospital|"
    r"Stadium|Arena|Zoo|Philharmonic|Opera|Library|Polytechnic|Lyceum|Circus|Conservatory|"
    # "the Avdiivka Coke plant": an industrial site named after its town
    r"[Pp]lant|[Ff]actory|[Rr]efinery|[Ww]orks|[Cc]ombine)\b"
)
_NAMED_BEFORE_RE = re.compile(
    r"\b(?:call[\s-]?sign|nom\s+de\s+guerre|nickname|named|nicknamed|code-?named|alias|"
    r"pseudonym|surnamed?|first\s+name)\s*,?\s*[\"“'‘]?$",
    re.I,
)
# "the Saltivskyi district", "the city's Tsentralnyi district": a city's district (an
# adjective) is no place of its own; "the Izmail district", "the Glushkovo district": the
# district (raion) of a town, which resolution puts at the town
_DISTRICT_AFTER_RE = re.compile(r"^\s+district\b(?!\s+of\b)", re.I)
_ADJECTIVAL_RE = re.compile(r"(?:yi|iy|yy|ky|ny|ij)$", re.I)


def _city_district(name: str, after: str) -> bool:
    return (
        _opens_after(after)
        and _DISTRICT_AFTER_RE.match(after) is not None
        and bool(_ADJECTIVAL_RE.search(name))
    )


# "a village named Lyptsi", "the regional capital, also named Sumy": a place's name after all
_PLACE_NAMED_RE = re.compile(
    r"\b(?:village|town|city|capital|settlement|hamlet|port|hub|community)s?,?\s+"
    r"(?:(?:also|likewise|itself|similarly)\s+)?(?:named|called)\s*,?\s*[\"“'‘]?$",
    re.I,
)
# "the Oskil river", "the Kanal district": a feature named after a place, not the place; a
# gloss in brackets may come between ("Soborna (Cathedral) Street", "Oskil (Oskol) river")
_FEATURE_AFTER_RE = re.compile(
    r"^(?:\s*\([^()\n]{1,30}\))?\s+(?:nuclear|river|river's|reservoir|microdistrict|neighbou?rhood|canal|dam|bridge|"
    r"street|avenue|square|plant|mine|airport|airfield|station|railway|highway|road|forest|"
    r"lake|sea|bay|strait|spit|island|mountains?|hills?|heights|group|brigade|battalion|"
    r"regiment|division|corps|army|fleet|operation)\b(?!\s+of\b)",
    re.I,
)
_REGION_BEFORE_RE = re.compile(
    r"\b(?:the\s+)?(?:(?:Ukrainian|Russian|Ukraine['’]s|Russia['’]s|eastern|western|southern|"
    r"northern|northeastern|southeastern|north-eastern|south-eastern|northwestern|southwestern|"
    r"border|frontline|front-line|neighbou?ring|occupied|partly\s+occupied|Russian-occupied|"
    r"annexed|industrial|key)\s+){0,3}(?:region|oblast|province)s?\s+of\s+$|"
    # "took control of all of Luhansk": a whole region, not its capital
    r"\b(?:all|the\s+whole|the\s+entirety)\s+of\s+$",
    re.I,
)
# "the region around the capital Kyiv", "the province surrounding Kharkiv": the oblast (an
# "area around X" is the place's vicinity and stays the place)
_REGION_AROUND_RE = re.compile(
    r"\b(?:the\s+)?(?:region|oblast|province)\s+(?:around|surrounding)\s+(?:the\s+(?:Ukrainian\s+|"
    r"Russian\s+)?(?:capital|city|town)(?:\s+of)?,?\s+)?$",
    re.I,
)
# "the regions of Sumy and Donetsk", "the oblasts of Kharkiv, Sumy and Chernihiv": the names
# after the first in a plural region phrase are regions too
_REGION_LIST_BEFORE_RE = re.compile(
    r"\b(?:regions|oblasts|provinces)\s+of\s+(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+){0,6}"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:,?\s+(?:and|or)|,)\s+$"
)
# "four more towns in Kharkiv", "the villages of A, B and C in Kharkiv", "six villages, five
# of them situated in Kharkiv": several settlements lie in a region, not in a city of its name
_SETTLEMENTS_IN_RE = re.compile(
    r"\b(?:villages|towns|settlements|hamlets|localities|communities)\b[^.;:!?\n]{0,80}?"
    r"\b(?:in|situated\s+in|located\s+in|lying\s+in)\s+(?:the\s+)?$"
)
# "the eastern bank of the Dnipro River in Kherson": a river, bank or coast lies in a region
_FEATURE_IN_RE = re.compile(
    r"\b(?:[Rr]iver|bank|banks|shore|coast|coastline|steppe)\s+in\s+(?:the\s+)?$"
)
# "a missile launched from Russia's Kursk region": where an attack came from, not what it hit
_ORIGIN_BEFORE_RE = re.compile(
    r"\b(?:launched|fired|shot|flown|took\s+off)\s+from\s+(?:the\s+)?(?:(?:Russia|Ukraine|"
    r"Belarus)['’]s\s+|(?:occupied|annexed|Russian|Ukrainian|Belarusian)\s+)?$"
)
_COMPASS_BEFORE_RE = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+$",
    re.I,
)
_DIRECTION_AFTER_RE = re.compile(r"\s+(?:direction|sector|front|axis)\b", re.I)
# regional centres whose region bears their name (a front "in the X direction" is the region's)
OBLAST_CENTRES = frozenset(
    "kharkiv kherson zaporizhzhia donetsk luhansk sumy chernihiv mykolaiv odesa kursk belgorod "
    "bryansk".split()
)
_COMPASS_AREA_AFTER_RE = re.compile(r"\s+area\b")
_REGION_PREFIX_RE = re.compile(
    r"\b(?:the\s+)?(?:(?:Ukraine['’]s|Russia['’]s|Ukrainian|Russian|eastern|western|southern|"
    r"northern|border|frontline|neighbou?ring|Russian-occupied)\s+){1,3}$",
    re.I,
)
_SETTLEMENT_HINT_RE = re.compile(
    r"\b(?P<noun>town|city|village|settlement|hamlet|port|capital|hub)\s+of\s+$|"
    r"\b(?:in|near|outside|around)\s+(?:the\s+)?(?:town|city|village)\s+of\s+$",
    re.I,
)
_LOCATIVE_RE = re.compile(
    r"\b(?:in|near|on|over|around|outside|into|at|across|toward|towards|to|from|of|against|"
    r"targeting|targeted|hit|struck|shelled|attacked|bombed)\s+(?:central\s+|the\s+capital\s+|"
    # "from north-west Kyiv", "the capital, Kyiv,": a part of the city, or the city named twice
    r"(?:(?:north|south)(?:[-\s]?(?:east|west))?|east|west)(?:ern)?\s+|"
    r"the\s+(?:(?:Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+)?capital,\s+)?$",
    re.I,
)
# "Kharkiv, Odesa and the capital Kyiv": a capital named after the noun is the city, wherever
# it stands (reporters write a bare "Kyiv" for the government, never "the capital Kyiv")
_CAPITAL_NOUN_BEFORE_RE = re.compile(
    r"\bthe\s+(?:(?:Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+)?capital,?\s+$", re.I
)
# "attacked the cities of Kharkiv, Odesa and Kyiv", "in Lviv and Kyiv": a capital listed with
# places after a locative is the city too
_LISTED_AFTER_LOCATIVE_RE = re.compile(
    r"\b(?:in|near|on|over|around|into|at|across|targeting|targeted|hit|struck|shelled|attacked|"
    r"bombed|cities\s+of|towns\s+of)\s+(?:the\s+(?:cities|towns|regions)\s+of\s+)?"
    r"(?:[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)){1,8}"
    r"(?:the\s+(?:(?:Ukrainian|Russian)\s+)?capital,?\s+)?$"
)
# "he said in St Petersburg", "speaking in Brussels", "told reporters in Minsk": where the
# speaker spoke, not where anything happened
_SPOKE_IN_BEFORE_RE = re.compile(
    r"\b(?:said|says|told\s+(?:reporters|journalists|a\s+news\s+conference)|speaking|spoke|"
    r"remarked)\s+(?:(?:on|late\s+on|early\s+on)\s+[A-Z][a-z]+\s+)?in\s+$"
)
_TAKEN_FROM_RE = re.compile(
    r"\b(?:seized|took|taken|captured|annexed|won|wrested|grabbed|stolen|stole)\b[^.;]{0,60}"
    r"\bfrom\s+$",
    re.I,
)
_CITY_PART_AFTER_RE = re.compile(
    r"\s+(?:[A-Z][\w'’-]+\s+)?(?:districts?|outskirts|suburbs?|(?:city\s+)?cent(?:re|er)|"
    r"neighbou?rhoods?|streets|residential\s+areas?|outlying\s+areas?)\b|"
    # "Kyiv Mayor Vitali Klitschko", "the Kyiv City Military Administration": the city's own
    r"\s+(?:[Mm]ayor|[Cc]ity\s+(?:[Cc]ouncil|[Mm]ilitary\s+[Aa]dministration|[Aa]dministration|"
    r"[Hh]all|authorities))\b"
)
# "Kyiv came under missile attack", "Moscow was hit by drones": the capital struck is the city
_STRUCK_AFTER_RE = re.compile(
    r"\s+(?:(?:again|also|once\s+again)\s+)?(?:came|comes|was|were|is|has\s+been|had\s+been)\s+"
    r"(?:(?:again|also|once\s+again|repeatedly)\s+)?(?:under\s+(?:\w+\s+)?(?:attack|fire|shelling)|"
    r"hit|struck|shelled|attacked|targeted|bombed|rocked)\b"
)
_NATIONAL_CAPITALS = {
    "moscow",
    "kyiv",
    "kiev",
    "minsk",
    "washington",
    "london",
    "paris",
    "berlin",
    "beijing",
    "warsaw",
    "tehran",
    "ankara",
    "brussels",
    "budapest",
    "pyongyang",
    "tbilisi",
    "vilnius",
    "riga",
    "tallinn",
    "bucharest",
    "chisinau",
    "rome",
    "tokyo",
    "kremlin",
}
_PLACE_SUFFIX = {
    "oblast",
    "region",
    "province",
    "krai",
    "people's",
    "people’s",
    "republic",
    "raion",
    "district",
}
# Capitalised words that are never places in this domain, even when some hamlet carries the
# name (calendar words, titles, institutions, sentence openers): rules/stop_names.toml.
STOP = frozenset(w for g in default_stop_names() for w in g.words)
_PEOPLE = frozenset(w for g in default_stop_names() if g.id == "stop.people" for w in g.words)
_COUNTRIES = frozenset(
    normalize(w)
    for w in """
Ukraine Russia Belarus Moldova Poland Georgia Kazakhstan Romania Hungary Slovakia Lithuania
Latvia Estonia Finland Turkey Germany France Britain England America China Iran Syria
Crimea-Peninsula
""".split()
) | {
    normalize(w)
    for w in (
        "United States",
        "United Kingdom",
        "Russian Federation",
        "U.S.",
        "US",
        "UK",
        "North Korea",
    )
}
RUSSIAN_SOIL = "russian-soil"  # the noun of a "Russian territory" reference
_CONNECTORS = {"na", "nad", "pid", "on", "de", "am", "an", "upon", "del", "la", "le"}

# Back-references to a place named earlier. (A "\b" before a first letter is written as a
# look-back after it, "[Tt](?<!\w[Tt])he": a pattern opening with a letter lets the engine
# skip to that letter instead of trying every position; the same matches.)
_SETTLEMENT_REF_RE = re.compile(
    r"[Tt](?<!\w[Tt])h(?:e|is)\s+((?:(?!(?:the|a|an|of|in|on|at|around|near|and|or|to|from)\s)"
    r"[a-z][a-z-]*\s+){0,3}?)(town|city|village|settlement|"
    r"hub|stronghold|outpost|municipality|district|neighbou?rhood|suburbs|outskirts|vicinity|"
    r"(?:urban|built-up)\s+area)(['’]s)?\b(?!\s+(?:of|called|named)\s)(?!['’]s?\s+(?:name|population|residents))"
)
_REGION_REF_RE = re.compile(
    r"[Tt](?<!\w[Tt])h(?:e|is|at)\s+(?:(?:border|surrounding|wider|same|frontier|annexed|"
    r"occupied)\s+)?(region|area|oblast|province|peninsula)"
    # "the region's capital", "the border region's administrative centre": a city
    r"(?!['’]s\s+(?:(?:administrative|regional|main|biggest|largest)\s+)?(?:capital|cent(?:re|er)|"
    r"city|hub)\b)"
    r"(['’]s)?\b(?!\s+(?:of|around|near|between)\s)"
)
_REGION_CAPITAL_RE = re.compile(
    r"[Tt](?<!\w[Tt])he\s+(?:(?:border|frontline|front-line|southern|northern|eastern|western)\s+)?"
    r"(?:region|oblast|province)['’]s\s+(?:(?:administrative|regional|main)\s+)?"
    r"(?:capital|cent(?:re|er))\b"
)
# headline style, no article: "troops are still in eastern city", "strike on besieged town"
_BARE_REF_RE = re.compile(
    r"\b(?:in|on|of|near|into|for|at|from|outside)\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?"
    r"(?:ern)?|besieged|embattled|frontline|front-line|ruined|devastated|encircled)\s+"
    r"(city|town|village)\b(?!\s+(?:of|called|named)\b)(?!['’]s\s+(?:name|residents))"
)
# "Kyiv's troops entered Russia's Kursk region. Moscow said it had halted the advance into its
# territory": Russian soil, which resolution reads as the Russian region just named (if any)
_RUSSIAN_SOIL_RE = re.compile(r"\b(?:Russian|Russia['’]s|its)\s+(?:own\s+)?(?:territory|soil)\b")
# "continued the offensive on this front": the direction named after a town just before
_THIS_FRONT_RE = re.compile(
    r"[Tt](?<!\w[Tt])(?:his|hat)\s+(front|direction|sector|axis)\b(?!\s+(?:of|line)\b)"
)
# "a training centre there": the place just named (only clause-final, never "there were")
_THERE_RE = re.compile(r"t(?<!\wt)here(?=\s*[.,;])")
# "the residents of these villages left long ago, nobody lives there": "there" points at the
# several places just named, no one of them
_PLURAL_PLACES_RE = re.compile(
    r"\b(?:[Tt]hese|[Tt]hose|[Bb]oth|[Aa]ll|[Tt]he)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:villages|towns|cities|settlements|hamlets|communities|localities)\b"
)
_BAD_REF_ADJ = re.compile(
    r"^(?:\w+est|other|next|first|last|final|only|same|nearby|neighbou?ring|another|big|"
    r"main|the|a|an|of|to|in|on|and|or|that|this|its|their|his|her|our|new|border|surrounding|"
    r"regional)$"
)


_APPOSITIVE_NOUN_RE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(village|town|city|settlement|hamlet|hub)\b", re.I
)
_AREA_AFTER_RE = re.compile(r"^\s+(?:sector|direction|front|axis|area|salient)\b", re.I)
_THE_BEFORE_RE = re.compile(r"\bthe\s+$")
# Claims are about the theatre of war; a hamlet abroad named like an English word is noise.
THEATRE_COUNTRIES = frozenset({"UA", "RU", "BY", "MD"})


@dataclass
class Mention:
    """A place mentioned in the text: span, as written, the lookup query and precision hint."""

    start: int
    end: int
    text: str  # as written (the whole region phrase for regions)
    query: str  # what to ask the gazetteer
    hint: str | None  # "region" | "settlement" | None
    kind: str = "name"  # name | ref-settlement | ref-region
    actor: bool = False  # a capital used for its government ("Kyiv denied")
    possessive: bool = False
    noun: str | None = None  # "village" in "the village of X"; the ref's noun for references
    area: bool = False  # "the Lyman sector", "the Pokrovsk direction": around X, not X itself
    article: bool = False  # written "the X": rivers ("the Dnipro"), not towns


@lru_cache(maxsize=100_000)
def _key(s: str) -> str:
    return normalize(s)


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


@lru_cache(maxsize=100_000)
def _can_start(w: str) -> bool:
    """A capitalised word, not a stop word (with or without a possessive ending)."""
    return (
        w[:1].isupper() and w.lower() not in STOP and _POSSESSIVE_RE.sub("", w).lower() not in STOP
    )


_COMPOUND_ADJ_RE = re.compile(r"-[a-z]+(?:ed|held|run|led)$")
_GLUE_STOP = STOP | {"east", "west", "north", "south", "central", "eastern", "western"}


# Cheap necessary conditions for the "...$"-anchored searches below: a regex search tries every
# position of its window, a suffix test does not (most names fail these tests).
def _ends_with_word(before: str, words: tuple[str, ...]) -> bool:
    """`before` ends with one of `words` and white space (the patterns below need that)."""
    stripped = before.rstrip()
    return len(stripped) < len(before) and stripped.endswith(words)


def _opens_after(after: str, marks: str = "") -> bool:
    """`after` begins with white space or one of `marks` (the patterns below need that)."""
    return after[:1].isspace() or (after[:1] != "" and after[:1] in marks)


def _ends_with_of(before: str) -> bool:
    """`before` ends with "of" and white space (region/settlement phrases end so)."""
    stripped = before.rstrip()
    return len(stripped) < len(before) and stripped[-2:].lower() == "of"


_NAMED_ENDS = ("sign", "guerre", "name", "named", "alias", "pseudonym")


def _named_ends(before: str) -> bool:
    """`before` may end with "call sign", "nicknamed", ... plus an optional comma and quote."""
    tail = before.rstrip()
    if tail[-1:] in "\"“'‘" and tail:
        tail = tail[:-1].rstrip()
    if tail.endswith(","):
        tail = tail[:-1].rstrip()
    return tail.lower().endswith(_NAMED_ENDS)


# 'the Group of Forces "Kharkiv"', 'the "Khortytsia" operational group': a unit named after a
# place (or a region) is the unit, not where anything happened
_UNIT_BEFORE_RE = re.compile(
    r"\b(?:[Gg]roup(?:ing)?\s+of\s+(?:[Ff]orces|[Tt]roops)|[Gg]roup|[Gg]rouping|[Bb]rigade|"
    r"[Bb]attalion|[Rr]egiment|[Cc]orps|[Dd]ivision|OTG|OSGT|OSG)\s*[“\"«]$"
)
_UNIT_AFTER_RE = re.compile(
    r"^[,.]?[”\"»]\s+(?:(?:operational(?:[\s-]+(?:and[\s-]+)?tactical|[\s-]+strategic)?|"
    r"tactical|strategic)\s+)?(?:group|grouping)\b",
    re.I,
)


def _unit_name(before: str, after: str) -> bool:
    """A place name in quotes that names a military unit ('Group of Forces "Kharkiv"')."""
    return (before[-1:] in '“"«' and _UNIT_BEFORE_RE.search(before) is not None) or (
        after[:2].lstrip(",.")[:1] in '”"»' and _UNIT_AFTER_RE.match(after) is not None
    )


# "sank the cruiser Moskva", "the landing ship Yamal": a vessel's name is no place
_VESSEL_NOUNS = frozenset(
    "cruiser frigate warship ship vessel submarine tanker corvette flagship boat destroyer "
    "icebreaker ferry trawler freighter".split()
)


def _vessel_ends(before: str) -> bool:
    """`before` ends with a vessel noun (and maybe an opening quote): a ship's name follows."""
    tail = before.rstrip()
    if len(tail) == len(before):
        return False
    words = tail.rstrip("\"“'‘").split()
    return bool(words) and words[-1].lower() in _VESSEL_NOUNS


# A title right before a name makes it a person's: "Governor Syniehubov", "Mr. Kupiansk"
_TITLE_WORDS = (
    "President",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "General",
    "Gen",
    "Minister",
    "correspondent",
    "spokesman",
    "spokeswoman",
    "commander",
    "blogger",
    "journalist",
    "reporter",
    "analyst",
    "Governor",
    "Mayor",
    "Colonel",
    "Sergeant",
    "Captain",
)
_TITLE_BEFORE_RE = re.compile(r"\b(?:" + "|".join(_TITLE_WORDS) + r")\.?\s+$")


def _title_ends(before: str) -> bool:
    """`before` ends with a title word and white space (the test _TITLE_BEFORE_RE refines)."""
    tail = before.rstrip()
    if len(tail) == len(before):
        return False
    return tail.removesuffix(".").endswith(_TITLE_WORDS)


# the same searches, tried only where one of the words their matches begin with does (these
# open with \b under re.I, which the engine would otherwise try at every position)
_REGION_BEFORE = prescreen.Finder(_REGION_BEFORE_RE)
_REGION_PREFIX = prescreen.Finder(_REGION_PREFIX_RE)
_SETTLEMENT_HINT = prescreen.Finder(_SETTLEMENT_HINT_RE)
_LOCATIVE = prescreen.Finder(_LOCATIVE_RE)


@dataclass
class _Hint:
    """What the words around a name say it is: a region ("the X region", "regions of A and
    B", "the south X area") or a settlement ("the village of X"), and the phrase's span."""

    hint: str | None
    noun: str | None
    start: int
    end: int
    query: str
    region_after: bool


def _hint(
    text: str, name: str, s0: int, m_end: int, name_end: int, before: str, after: str
) -> _Hint:
    hint = noun = None
    m_start, query = s0, name
    ra = _REGION_AFTER_RE.match(after) if _opens_after(after, ",") else None
    of_before = _ends_with_of(before)
    rb = of_before and _REGION_BEFORE.search(before)
    if ra:
        hint = "region"
        m_end = m_end + ra.end()
        suffix = ra.group(0).strip()
        query = f"{name} {suffix}" if "republic" in suffix.lower() else f"{name} region"
        if suffix.lower().startswith(("and ", ",")):
            # "Donetsk and Zaporizhzhia regions", "the Bryansk, Kursk and Oryol regions":
            # each name alone is one region
            m_end = name_end
        rp = _REGION_PREFIX.search(before)
        if rp:
            m_start = s0 - (len(before) - rp.start())
    elif (
        rb
        or (before.rstrip().endswith(("and", "or", ",")) and _REGION_LIST_BEFORE_RE.search(before))
        or ("round" in before.lower() and (rb := _REGION_AROUND_RE.search(before)))
        or (
            _ends_with_word(before, ("in", "the"))
            and (_SETTLEMENTS_IN_RE.search(before) or _FEATURE_IN_RE.search(before))
        )
    ):
        hint = "region"
        if rb:
            m_start = s0 - (len(before) - rb.start())
        query = f"{name} region"
    elif _key(name) in OBLAST_CENTRES and _DIRECTION_AFTER_RE.match(after):
        # "the Kharkiv direction", "on the Kherson front": the front across the region named
        # after its centre, not the city (a town's "Kupiansk front" stays the town)
        hint = "region"
        query = f"{name} region"
    elif _COMPASS_AREA_AFTER_RE.match(after) and _COMPASS_BEFORE_RE.search(before[-24:]):
        # "the south Donetsk area", "northern Kharkiv area": part of the region
        hint = "region"
        query = f"{name} region"
    elif of_before and (sh := _SETTLEMENT_HINT.search(before)):
        hint = "settlement"
        noun = sh.group("noun")
    return _Hint(hint, noun, m_start, m_end, query, bool(ra))


# the tokens as the odd items of a split (no match object per token); an ASCII text's
# tokens by the same pattern over ASCII classes (for ASCII, [^\W\d_] is [A-Za-z] and \w is
# [A-Za-z0-9_]), which the engine tests without a Unicode table lookup per character
_TOKEN_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")
_ASCII_TOKEN_SPLIT_RE = re.compile(r"([A-Za-z][A-Za-z0-9_'\-]*)")


def _token_table(text: str, start: int, end: int) -> tuple[list[_Tok], list[int]]:
    """The tokens of text[start:end] as (start, end, word), and the indices of those that can
    start a name (a capitalised word that is not a stop word): built by C-level maps, with no
    bytecode run per token (the pattern has no look-around: the slice's tokens are the text's)."""
    seg = text[start:end]
    parts = (_ASCII_TOKEN_SPLIT_RE if seg.isascii() else _TOKEN_SPLIT_RE).split(seg)
    # parts: gap, word, gap, word, ..., gap; offs[i]: where parts[i] begins in `text`
    offs = list(accumulate(map(len, parts), initial=start))
    words = parts[1::2]
    toks = list(zip(offs[1:-1:2], offs[2::2], words, strict=True))
    return toks, list(compress(count(), map(_can_start, words)))


def find_names(
    text: str, start: int, end: int, gaz, lowercase_vocab: frozenset[str] = frozenset()
) -> list[Mention]:
    """Place names in text[start:end] (offsets are absolute)."""
    toks, starts = _token_table(text, start, end)
    out: list[Mention] = []
    maxn = max(1, int(getattr(gaz, "max_name_words", 4)))
    si = 0
    i = 0
    while si < len(starts):
        if starts[si] < i:
            si += 1
            continue
        i = starts[si]
        si += 1
        s0 = toks[i][0]
        run = _grow_run(text, toks, i, maxn)
        match = _longest_name(text, toks, run, s0, gaz)
        if match is None:
            continue
        first_tok, last_tok = run[0], run[match.k - 1]
        if match.k == 1 and _surname_after(text, toks, first_tok):
            i = last_tok + 1  # "Vitaliy Barabash": a given name, then a surname
            continue
        m_end = toks[last_tok][1]
        possessive = match.raw != match.name
        if _glued(text, toks, first_tok, last_tok, possessive):
            i = last_tok + 1
            continue
        # a sentence-initial single word that the article also uses in lower case is a word
        if match.k == 1 and match.name.lower() in lowercase_vocab:
            continue
        before = text[max(0, s0 - 80) : s0]
        after = text[m_end : m_end + 40]
        if (
            (_opens_after(after, "(") and _FEATURE_AFTER_RE.match(after))
            or _city_district(match.name, after)
            or (
                _named_ends(before)
                and _NAMED_BEFORE_RE.search(before)
                and not _PLACE_NAMED_RE.search(before)
            )
            or _vessel_ends(before)
            or _unit_name(before, after)
        ):
            # "the Oskil river"; "his call sign, Tykhyi": a person's name, not a place;
            # "the cruiser Moskva", "the tanker Kerch": a ship's name; a unit's name
            i = last_tok + 1
            continue
        if out and _GLOSS_OPEN_RE.fullmatch(text, out[-1].end, s0) and after.startswith(")"):
            i = last_tok + 1  # "the Donetsk People's Republic (DPR)": the same place again
            if out[-1].hint is None and not match.name.isupper():
                out[-1].query = match.name  # "Krasnoarmeisk (Pokrovsk)": the name it has now
            continue
        out.append(_name_mention(text, match, s0, m_end, before, after, possessive))
        i = last_tok + 1
    return out


_GLOSS_OPEN_RE = re.compile(r"\s*\(\s*")


_Tok = tuple[int, int, str]


def _surname_after(text: str, toks: list[_Tok], tok: int) -> bool:
    """A lone name right after a capitalised word that starts no place name ("Vitaliy
    Barabash", "Oleh Syniehubov") is a person's surname, not a village of that name."""
    if tok < 1:
        return False
    prev = toks[tok - 1]
    return (
        _is_cap(prev[2])
        and prev[2].isalpha()
        and len(prev[2]) >= 3
        and text[prev[1] : toks[tok][0]] == " "
        and (prev[2].lower() not in STOP or prev[2].lower() in _PEOPLE)
        and not _opening_verb(text, prev)
    )


def _grow_run(text: str, toks: list[_Tok], i: int, maxn: int) -> list[int]:
    """A run of capitalised tokens from i joined by single spaces / hyphens (connectors such
    as "of" between capitals), at most maxn long; a possessive ends it."""
    n_tok = len(toks)
    run = [i]
    j = i + 1
    while j < n_tok and len(run) < maxn:
        gap = text[toks[j - 1][1] : toks[j][0]]
        if gap not in (" ", "-"):
            break
        prev_w = toks[j - 1][2]
        if prev_w.endswith(_POSSESSIVE_ENDS) and prev_w.lower() not in ("people's", "people’s"):
            break
        w = toks[j][2]
        connector = w.lower() in _CONNECTORS and j + 1 < n_tok and _is_cap(toks[j + 1][2])
        if not (_is_cap(w) or connector):
            break
        run.append(j)
        j += 1
    return run


@dataclass
class _NameRun:
    """The longest gazetteer name at the start of a run: its token count and text."""

    k: int
    name: str  # without a possessive ending
    raw: str  # as written
    key: str  # normalised lookup key
    spelled: str | None = None  # the gazetteer's spelling when the text's differs ("-sky")


def _longest_name(
    text: str, toks: list[_Tok], run: list[int], s0: int, gaz: Any
) -> _NameRun | None:
    """The longest prefix of the run the gazetteer knows; None for none, or for a country."""
    for k in range(len(run), 0, -1):
        last = toks[run[k - 1]]
        if k > 1 and last[2].lower() in _CONNECTORS:
            continue
        raw = text[s0 : last[1]]
        name = _strip_possessive(raw)
        if len(name) < 3:
            continue
        key = _key(name)
        if key in _COUNTRIES:
            return None
        if gaz.is_name(key):
            return _NameRun(k, name, raw, key)
        if not name.endswith(_VARIANT_ENDS):
            continue  # (the tests below need one of these endings)
        for rx, repl in _VARIANT_END_RES:
            alt = rx.sub(repl, name)
            if alt != name and gaz.is_name(_key(alt)):
                return _NameRun(k, name, raw, _key(alt), spelled=alt)
    return None


# "Khmelnytsky", "Kropyvnytskiy", "Podilskyy": the adjectival ending of a town's name, spelled
# as outlets transliterate it, is the gazetteer's "-skyi"; "Kindrashovka", "Pokrovskoye": the
# Russian spelling of a Ukrainian village's ending (TASS, RIA) is the gazetteer's "-ivka", "-ske"
_VARIANT_END_RES = (
    (re.compile(r"(?<=[a-z])s(?:ky|kiy|kyy|kij)$"), "skyi"),
    (re.compile(r"(?<=[a-z]{3})ovka$"), "ivka"),
    (re.compile(r"(?<=[a-z]{2})skoye$"), "ske"),
)
_VARIANT_ENDS = ("sky", "skiy", "skyy", "skij", "ovka", "skoye")


def _glued(text: str, toks: list[_Tok], first_tok: int, last_tok: int, possessive: bool) -> bool:
    """Glued to other capitalised words (part of a person's / institution's name), or after a
    title ("President X")."""
    s0, m_end = toks[first_tok][0], toks[last_tok][1]
    prev_glued = (
        first_tok > 0
        and text[toks[first_tok - 1][1] : s0] == " "
        and _is_cap(toks[first_tok - 1][2])
        # "Kremlin-occupied Crimea", "Moscow-annexed X": a compound adjective, no name part
        and not _COMPOUND_ADJ_RE.search(toks[first_tok - 1][2])
        and not toks[first_tok - 1][2].endswith(_POSSESSIVE_ENDS)
        and toks[first_tok - 1][2].lower() not in _GLUE_STOP
        and not _opening_verb(text, toks[first_tok - 1])
    )
    nxt = toks[last_tok + 1] if last_tok + 1 < len(toks) else None
    next_glued = (
        not possessive
        and nxt is not None
        and text[m_end : nxt[0]] == " "
        and _is_cap(nxt[2])
        and nxt[2].lower() not in _PLACE_SUFFIX
        and nxt[2].lower() not in STOP
        # "the Mariupol Drama Theatre": a city's institution stands in the city
        and not _INSTITUTION_AFTER_RE.match(text, m_end, m_end + 60)
    )
    b30 = text[max(0, s0 - 30) : s0]
    title_before = _title_ends(b30) and _TITLE_BEFORE_RE.search(b30)
    return bool(prev_glued or next_glued or title_before)


_OPENING_VERB_RE = re.compile(r"[A-Z][a-z]{2,}(?:ing|ed)$")
_OPENS_SENTENCE_RE = re.compile(r"(?:^|[.!?:;\n]|[.!?][\"”’')\]])\s*[\"“‘(]?$")


def _opening_verb(text: str, tok: _Tok) -> bool:
    """ "Declaring Staromaiorske liberated, ...", "Retreating from X, ...": a participle that
    opens the sentence is capitalised for its place, not part of the name after it."""
    return bool(_OPENING_VERB_RE.fullmatch(tok[2])) and bool(
        _OPENS_SENTENCE_RE.search(text, max(0, tok[0] - 4), tok[0])
    )


def _name_mention(
    text: str, match: _NameRun, s0: int, m_end: int, before: str, after: str, possessive: bool
) -> Mention:
    """The mention of a name found at s0..m_end: its region/settlement hint and noun, whether
    a capital stands for its government, a sector, or a river ("the Dnipro")."""
    h = _hint(text, match.spelled or match.name, s0, m_end, m_end, before, after)
    hint, noun, m_start, m_end = h.hint, h.noun, h.start, h.end
    as_written = text[m_start:m_end]
    if as_written.startswith(("the", "The")):
        as_written = _THE_OPENING_RE.sub("", as_written)
    actor = False
    if match.key in _NATIONAL_CAPITALS and hint is None:
        # "seized from Kyiv in 2014": the government that lost it, not the city; "Kyiv's
        # Darnytskyi district", "Moscow's outskirts": a part of the city is the city
        actor = (
            (possessive and not _CITY_PART_AFTER_RE.match(after))
            or not (
                _LOCATIVE.search(before)
                or _CAPITAL_NOUN_BEFORE_RE.search(before)
                or _LISTED_AFTER_LOCATIVE_RE.search(before)
                or _STRUCK_AFTER_RE.match(after)
                or (not possessive and _CITY_PART_AFTER_RE.match(after))
            )
            or bool(_TAKEN_FROM_RE.search(before))
        )
    mention = Mention(m_start, m_end, as_written, h.query, hint, "name", actor, possessive, noun)
    tail = text[m_end : m_end + 60]  # (m_end: the phrase's end, after a region noun)
    mention.area = _opens_after(tail) and bool(_AREA_AFTER_RE.match(tail[:20]))
    if (
        _ends_with_word(before, ("from", "the", "s", "d", "n")) and _ORIGIN_BEFORE_RE.search(before)
    ) or (_ends_with_word(before, ("in",)) and _SPOKE_IN_BEFORE_RE.search(before)):
        mention.actor = True  # the attack's origin, the speaker's venue: no claim place
    if noun is None and tail.startswith(",") and (ap := _APPOSITIVE_NOUN_RE.match(tail)):
        mention.noun = ap.group(1).lower()  # "Novoselivka, a village east of Lyman"
    mention.article = (
        hint is None
        and not mention.area
        and not h.region_after
        and before.rstrip().endswith("the")
        and bool(_THE_BEFORE_RE.search(before))
        and not _INSTITUTION_AFTER_RE.match(text, m_end, m_end + 60)
    )
    return mention


_THE_OPENING_RE = re.compile(r"^(?:the|The)\s+")
_CAPITAL_REF_RE = re.compile(
    r"t(?<!\wt)he\s+(Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+capital\b"
)
# Nuclear plants named after a city stand at another town: their reports are about that town
_FACILITY_RE = re.compile(
    r"\b(?:(?P<zap>Zaporizhzhia|Zaporizhzhya|Zaporozhye)\s+(?:nuclear\s+(?:power\s+)?"
    r"(?:plant|station)|NPP)|(?P<znpp>ZNPP)|(?P<kursk>Kursk)\s+(?:nuclear\s+(?:power\s+)?"
    r"(?:plant|station)|NPP))\b"
)
_FACILITY_TOWN = {"zap": "Enerhodar", "znpp": "Enerhodar", "kursk": "Kurchatov"}


# Words (case as the patterns have them) one of which every match of a reference pattern
# holds: a clause without them is not searched (a substring test costs far less than a
# search, and most clauses hold no reference).
_REF_WORDS = {
    "settlement": ("town", "city", "village", "settlement", "hub", "stronghold", "outpost",
                   "municipality", "district", "neighbo", "suburbs", "outskirts", "vicinity",
                   "area"),
    "region": ("region", "area", "oblast", "province", "peninsula"),
    "front": ("front", "direction", "sector", "axis"),
    "there": ("there",),
    "soil": ("territory", "soil"),
    "capital": ("capital",),
    "centre": ("capital", "cent"),
    "bare": ("city", "town", "village"),
}  # fmt: skip


# the same searches, tried only where one of the words their matches begin with does (both
# open with \b before prepositions or a country's adjective, where the engine would try
# nearly every position)
_BARE_REF = prescreen.Finder(_BARE_REF_RE)
_RUSSIAN_SOIL = prescreen.Finder(_RUSSIAN_SOIL_RE)


def _finditer(
    rx: re.Pattern[str] | prescreen.Finder, seg: str, words: str
) -> Iterable[re.Match[str]]:
    """rx.finditer(seg), skipped when seg lacks every one of the pattern's `_REF_WORDS`."""
    if any(map(seg.__contains__, _REF_WORDS[words])):  # (a C-level loop)
        return rx.finditer(seg)
    return ()


def _pointer_refs(seg: str, start: int) -> list[Mention]:
    """ "this front" (the direction just named) and a clause-final "there"."""
    out = [
        Mention(start + m.start(), start + m.end(), m.group(0), "", "settlement",
                "ref-settlement", noun=m.group(1), area=True)
        for m in _finditer(_THIS_FRONT_RE, seg, "front")
    ]  # fmt: skip
    out += [
        Mention(start + m.start(), start + m.end(), m.group(0), "", "settlement",
                "ref-settlement", noun="there")
        for m in _finditer(_THERE_RE, seg, "there")
        if not _PLURAL_PLACES_RE.search(seg, 0, m.start())
    ]  # fmt: skip
    return out


def _soil_refs(seg: str, start: int) -> list[Mention]:
    """ "its territory", "Russian soil": the Russian region just named (resolution.py)."""
    return [
        Mention(start + m.start(), start + m.end(), m.group(0), "", "region", "ref-region",
                noun=RUSSIAN_SOIL)
        for m in _finditer(_RUSSIAN_SOIL, seg, "soil")
    ]  # fmt: skip


def find_refs(text: str, start: int, end: int) -> list[Mention]:
    """Back-references ("the town", "the industrial hub's outskirts", "the border area")."""
    seg = text[start:end]
    out: list[Mention] = []
    for m in _finditer(_SETTLEMENT_REF_RE, seg, "settlement"):
        adjs = m.group(1).split()
        if any(_BAD_REF_ADJ.search(a) for a in adjs):
            continue
        out.append(
            Mention(
                start + m.start(),
                start + m.end(),
                m.group(0),
                "",
                "settlement",
                "ref-settlement",
                noun=m.group(2),
            )
        )
    out += _pointer_refs(seg, start)
    out += _soil_refs(seg, start)
    out += [
        Mention(start + m.start(), start + m.end(), m.group(0), "", "settlement",
                "ref-settlement", noun="city")
        for m in _finditer(_REGION_CAPITAL_RE, seg, "centre")
    ]  # fmt: skip
    out += [
        Mention(start + m.start(), start + m.end(), m.group(0), "", "settlement",
                "ref-settlement", noun=m.group(1))
        for m in _finditer(_BARE_REF, seg, "bare")
    ]  # fmt: skip
    if "NPP" in seg or "uclear" in seg:
        for m in _FACILITY_RE.finditer(seg):
            town = _FACILITY_TOWN[m.lastgroup or "zap"]
            out.append(
                Mention(start + m.start(), start + m.end(), m.group(0), town, "settlement", "name")
            )
    for m in _finditer(_CAPITAL_REF_RE, seg, "capital"):
        # "the Ukrainian capital", "the Russian capital": Kyiv, Moscow, whatever came before
        city = "Kyiv" if m.group(1).lower().startswith("ukrain") else "Moscow"
        out = [r for r in out if not (r.start < start + m.end() and start + m.start() < r.end)]
        out.append(Mention(start + m.start(), start + m.end(), m.group(0), city, "settlement"))
    for m in _finditer(_REGION_REF_RE, seg, "region"):
        # a bare "the area" is the vicinity of the place just named (resolution.py)
        bare = m.group(1).lower() == "area" and len(m.group(0).split()) == 2
        out.append(
            Mention(
                start + m.start(),
                start + m.end(),
                m.group(0),
                "",
                "region",
                "ref-region",
                noun="area" if bare else None,
            )
        )
    out.sort(key=lambda x: x.start)
    return out


# (?<![\w'’-])[a-z][a-z'-]+ with its first letter before the look-back: a pattern opening
# with a letter class lets the engine skip to the letters instead of trying every position
_LOWER_WORD_RE = re.compile(r"[a-z](?<![\w'’-][a-z])[a-z'-]+")


def lowercase_vocabulary(text: str) -> frozenset[str]:
    """Words the article writes in lower case (URLs excluded): a capitalised one of these is a
    sentence opener, not a name."""
    kept = " ".join(
        tok
        for tok in text.split()  # linear: no regex over long runs
        if "/" not in tok and "www." not in tok
    )
    return frozenset(_LOWER_WORD_RE.findall(kept))
