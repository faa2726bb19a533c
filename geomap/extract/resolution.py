"""Mentions and resolution: gazetteer lookups with the document as context, namesakes
settled by the places named nearby, and the memory that resolves "the town" / "the region"."""

from __future__ import annotations

import itertools
import re
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Any

from gazetteer import normalize
from gazetteer.regions import group_members
from geomap.errors import GeomapError
from geomap.extract import prescreen
from geomap.extract.dates import DateHit
from geomap.extract.mentions import (
    OBLAST_CENTRES,
    RUSSIAN_SOIL,
    THEATRE_COUNTRIES,
    Mention,
)
from geomap.places import ambiguous_candidates, haversine_km, place_ref
from geomap.records import PlaceRef


@dataclass
class PlaceHit:
    """A place mention and what it resolved to (None: unknown or outside the theatre of war);
    every mention, claim or not, for place-finding measurements."""

    mention: Mention
    place: PlaceRef | None


# Per gazetteer object: (query, hint, context) -> PlaceRef. A long ingest sees the same names
# again and again; a new or reset gazetteer gets a fresh cache.
_RESOLVE_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# A context's cache key (its points, regions, evidence: a tuple hashed anew on every lookup)
# stands in those keys as a number, one per distinct context; numbers are never reused, so a
# table started afresh only makes a context's later lookups miss.
_CONTEXT_IDS: dict[tuple, int] = {}
_NEXT_CONTEXT_ID = itertools.count()
_CONTEXT_IDS_MAX = 10_000


def _context_id(key: tuple | None) -> int | None:
    """The number standing for a context cache key (None for none)."""
    if key is None:
        return None
    got = _CONTEXT_IDS.get(key)
    if got is None:
        if len(_CONTEXT_IDS) >= _CONTEXT_IDS_MAX:
            _CONTEXT_IDS.clear()
        got = _CONTEXT_IDS[key] = next(_NEXT_CONTEXT_ID)
    return got


_THEATRE_PRIOR = frozenset({"UA", "RU"})


_CONTEXT_POINTS = 48


class _Resolver:
    """Gazetteer lookups for one document, cached, with the document as context."""

    def __init__(self, gaz: Any, doc_text: str):
        self.gaz = gaz
        try:
            self.context = gaz.context(context_digest(doc_text))
            # The theatre of war is always in context: "Russian forces took Pokrovsk" names
            # an actor, not where Pokrovsk lies. With both countries present, the country
            # bonus no longer pulls a name to Russia's Pokrovsk in Yakutia; it only ranks
            # the theatre's places above namesakes abroad, and the text's regions and
            # places decide between Ukraine's and Russia's.
            self.context.countries |= _THEATRE_PRIOR
            # scoring a candidate measures its distance to every context point: a document
            # naming thousands of places (a crafted list) would make each lookup slow; real
            # articles name far fewer than this many big places
            pts = getattr(self.context, "points", None)
            if isinstance(pts, list) and len(pts) > _CONTEXT_POINTS:
                for name in ("points", "place_ids", "point_keys", "point_admin1s"):
                    parallel = getattr(self.context, name, None)  # lists aligned with points
                    if isinstance(parallel, list):
                        del parallel[_CONTEXT_POINTS:]
        except Exception:  # a context is an optimisation; resolution still works without
            self.context = None
        self.sizes = described_sizes(doc_text)
        ctx = self.context
        # all that ranking reads from the context (counts and evidence too, not only points):
        # lookups cached under this key cannot leak between documents
        self.ctx_key = _context_id(ctx.cache_key() if hasattr(ctx, "cache_key") else None)
        try:
            self.cache = _RESOLVE_CACHES.setdefault(gaz, {})
        except TypeError:  # not weak-referenceable: cache for this document only
            self.cache = {}

    def resolve(self, query: str, hint: str | None) -> tuple[PlaceRef | None, list[PlaceRef]]:
        """Best place for a name, plus the near-equal alternatives when the name is ambiguous
        (dozens of villages are called Andriivka); the caller settles those by proximity to
        the other places in the sentence."""
        size = self.sizes.get(query.lower())
        k = (query, hint, self.ctx_key, size)
        if (got := self.cache.get(k)) is not None:  # (a pair: never None itself)
            return got
        if len(self.cache) > 50_000:
            self.cache.clear()
        ref, ties = None, []
        try:
            cands = self.gaz.candidates(query, context=self.context, limit=8, fallback=True)
        except Exception:  # noqa: BLE001 - a lookup failure is an unknown name, not a crash
            cands = []
        if cands and getattr(cands[0], "match", "") == "context-region":
            cands = []  # a village the index lacks: no namesake far away stands in for it
        if cands:
            pick = cands[0]
            own = next((c for c in cands[1:4] if getattr(c, "match", "") == "name"), None)
            if (
                own is not None
                and getattr(pick, "match", "") == "alternate"
                and any(r.startswith("named in context") for r in pick.reasons)
                and own.score + _NAMED_BONUS > pick.score
                and own.place.country == pick.place.country
                and _another_name(query, pick.place.name)
            ):
                # "Hrodivka" in a text naming Hrodivka: the village of that name, not a town
                # that once bore it and is "named in the context" only by this very word
                pick = own
            named = set(getattr(self.context, "place_ids", None) or ())
            if named and pick is cands[0]:
                # the document names this very (big, unambiguous) place elsewhere; not when
                # the top reading lies in a region the document names and that one does not
                # ("Kamianske in the Zaporizhzhia region", not the city on the Dnipro)
                alt = next((c for c in cands if c.place.id in named), pick)
                if not (_in_named_region(pick) and not _in_named_region(alt)):
                    pick = alt
            if size is not None:
                pick = _sized(pick, cands, size)
            if pick is None:  # "the village of X", and only a city once called X: none
                self.cache[k] = (None, [])
                return None, []
            if hint in ("settlement", "region") and pick.place.precision != hint:
                for c in cands:
                    if getattr(c.place, "precision", None) == hint:
                        pick = c
                        break
            try:
                ref = place_ref(pick.place)
                if pick is cands[0] and pick.place.id not in named:
                    ties = [place_ref(c.place) for c in ambiguous_candidates(cands)]
            except GeomapError:
                ref = None
        self.cache[k] = (ref, ties)
        return ref, ties

    def named_regions(self) -> set[str]:
        """The admin-1 regions the document names."""
        return set(getattr(self.context, "admin1s", None) or ())

    def namesakes(self, query: str) -> list[PlaceRef]:
        """Every settlement reading of a name, by its own or another name (the village called
        Pervomaiske until its renaming counts), for a list that needs a nearer one."""
        try:
            cands = self.gaz.candidates(query, context=self.context, limit=20)
        except Exception:  # noqa: BLE001 - a lookup failure is no namesake
            return []
        out = []
        for c in cands:
            if getattr(c, "match", "") in ("name", "alternate"):
                try:
                    ref = place_ref(c.place)
                except GeomapError:
                    continue
                if ref.precision == "settlement":
                    out.append(ref)
        return out


_NAMED_BONUS = 3.0  # the gazetteer's bonus for a place the document context names

# "the city of Huliaipole", "the village of Pryluky": how the article describes a settlement
_SIZE_NOUN_RE = re.compile(
    r"\b(?P<noun>city|village|hamlet)\s+of\s+(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)"
)
CITY_POP = 10_000  # a reading this big is a city; a village below it
_SIZE_OF_NOUN = {"city": "city", "village": "village", "hamlet": "village"}


_SIZE_NOUN = prescreen.Finder(_SIZE_NOUN_RE)  # tried only where its nouns begin


def described_sizes(text: str) -> dict[str, str]:
    """Names the article calls a city or a village (lower-cased name -> "city" | "village");
    a name it calls both is left out."""
    seen: dict[str, set[str]] = {}
    for m in _SIZE_NOUN.finditer(text):
        seen.setdefault(m.group("name").lower(), set()).add(_SIZE_OF_NOUN[m.group("noun")])
    return {name: next(iter(sizes)) for name, sizes in seen.items() if len(sizes) == 1}


def _sized(pick: Any, cands: list[Any], size: str) -> Any:
    """Namesakes told apart by what the article calls the place: "the city of Huliaipole" is
    the town of 13,000, not a village of that name in a region the text names in passing;
    "the village of X" is not a city of that name. Only readings by the place's own name;
    a city read by another (older) name is never "the village of X" (None: the village
    the article means is one the gazetteer lacks)."""
    if pick.place.precision != "settlement":
        return pick
    if getattr(pick, "match", "") != "name":
        old_name_of_city = size == "village" and (pick.place.population or 0) >= CITY_POP
        return None if old_name_of_city else pick
    big = pick.place.population >= CITY_POP
    if big == (size == "city"):
        return pick
    for c in cands:
        if (
            getattr(c, "match", "") == "name"
            and c.place.precision == "settlement"
            and (c.place.population >= CITY_POP) == (size == "city")
        ):
            return c
    return pick


def _in_named_region(c: Any) -> bool:
    return any(r.startswith("region ") and "in context" in r for r in c.reasons)


def _another_name(query: str, name: str) -> bool:
    """ "Hrodivka" is another name of Myrnohrad; "Zaporizhzhia" a spelling of Zaporizhzhya."""
    from difflib import SequenceMatcher

    def key(x: str) -> str:
        return re.sub(r"[^a-z]", "", x.lower())

    return SequenceMatcher(None, key(query), key(name)).ratio() < 0.75


def _nearest(
    ties: list[PlaceRef], anchors: list[PlaceRef], max_km: float = 60.0
) -> PlaceRef | None:
    """Of places sharing a name, the one close to places named alongside it: one in a region
    named beside it first ("officials in Zaporizhzhia Oblast ... Vasylivka"), then the
    nearest to the settlements named (several namesakes lie in one oblast)."""
    best: tuple[tuple[int, float], PlaceRef] | None = None
    for t in ties:
        in_region = any(a.precision == "region" and t.admin1 == a.id for a in anchors if t.admin1)
        d = min(
            (
                dist
                for a in anchors
                if a.precision == "settlement" and a.id != t.id
                if (dist := haversine_km(t.lat, t.lon, a.lat, a.lon)) <= max_km
            ),
            default=None,
        )
        if not in_region and d is None:
            continue
        key = (0 if in_region else 1, d if d is not None else max_km + 1)
        if best is None or key < best[0]:
            best = (key, t)
    return best[1] if best else None


_CONTEXT_RE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|People['’]s|Republic))*"
    r"(?:\s+(?:regions?|oblasts?|provinces?|krai))?"
)


_CONTEXT_PREFIX_RE = re.compile(r"\b(?:region|oblast|province)\s+of\s+$")
_REGION_OF_GAP_RE = re.compile(r"\s+of\s+")
_ENDS_REGION_RE = re.compile(r"\b(?:region|oblast|province)$")


# what both joins below need: a region word, then "of" between white space (a text without
# one has its phrases as they are)
_REGION_WORDS = ("region", "oblast", "province")
_OF_AFTER_RE = re.compile(r"\s+of\s")


def _region_word_of(text: str) -> bool:
    """Whether `text` holds a region word followed by "of" between white space: each place
    a region word stands found by a substring search (a regex search for the phrase tries
    its first letters at every position)."""
    for word in _REGION_WORDS:
        i = text.find(word)
        while i >= 0:
            if _OF_AFTER_RE.match(text, i + len(word)):
                return True
            i = text.find(word, i + 1)
    return False


def context_digest(text: str) -> str:
    """The capitalised phrases of a text (with their region words), one per line: all the
    gazetteer's document context needs, at a fraction of the cost of scanning every word."""
    if not _region_word_of(text):
        return "\n".join(_CONTEXT_RE.findall(text))
    return "\n".join(_joined_phrases(text))


def _joined_phrases(text: str) -> list[str]:
    """The capitalised phrases, those of "the region of X" and "X region of Y" joined."""
    out: list[str] = []
    prev_end = 0
    prev_start = 0
    for m in _CONTEXT_RE.finditer(text):
        start = m.start()
        if (
            out
            and _REGION_OF_GAP_RE.fullmatch(text, prev_end, start)
            and _ENDS_REGION_RE.search(out[-1])
        ):
            # "the Russian region of Kursk": the phrase before already holds the region word
            out[-1] = text[prev_start : m.end()]
            prev_end = m.end()
            continue
        # "the region of Sumy": keep the region words before the name (never words already
        # inside the previous phrase, as in "Donetsk region of Ukraine")
        j = start
        while j > prev_end and text[j - 1].isspace():
            j -= 1
        if j < start and text[j - 2 : j] == "of":
            p = _CONTEXT_PREFIX_RE.search(text, prev_end, start)
            if p is not None:
                start = p.start()
        out.append(text[start : m.end()])
        prev_start, prev_end = start, m.end()
    return out


# "the Shebekino urban district", "the Sumy community": a town's municipality stands in it
_MUNICIPALITY_AFTER_RE = re.compile(
    r"\s+(?:(?:urban|municipal|city|town|rural|territorial)\s+(?:district|okrug|community|"
    r"hromada|council)|community|hromada|municipality|municipal\s+district|"
    # "the Glushkovo district of Kursk Oblast": a raion goes to its centre (not "the
    # Saltivskyi district of Kharkiv", a part of the city named after it)
    r"(?:district|raion)(?!\s+(?:of|in)\s+[A-Z][\w'’-]+(?![\w'’-])(?!\s+(?:[Oo]blast|[Rr]egion|"
    r"[Pp]rovince|[Kk]rai|People|[A-Z])))|"
    # "the Pokrovsk and Kostiantynivka sectors": directions named after towns
    r"(?:(?:and\s+)?[A-Z][\w'’-]+,?\s+)+(?:sectors|directions|axes|fronts)|"
    # "called the Kramatorsk video a fake": a report or picture of the place
    r"(?:video|videos|footage|clip|clips|photos?|images?|pictures?|report|reports|claims?|"
    r"story|stories|posts?)|"
    # "the facility hit in the Saratov attack": a strike named after the place is on it
    r"(?:(?:drone|missile|air)\s+)?(?:attacks?|strikes?|raids?|bombings?|blasts?|explosions?)|"
    # "the Shebekino checkpoint", "the Avdiivka Coke plant": a site named after the place is there
    r"(?:[\w'’-]+\s+){0,2}?(?:(?:border\s+)?checkpoint|(?:border\s+)?crossing|plant|factory|"
    r"refinery|airfield|air\s+base|airbase|depot|substation|power\s+station|mine|works))\b"
)


# "the Izium district", "the Sumy hromada": a town's district or community after its name
_DISTRICT_AFTER_RE = re.compile(
    r"\s+(?:(?:urban|municipal|rural|territorial)\s+)?(?:district|raion|hromada|community|"
    r"municipality)\b"
)

_ANCHOR_SPAN = 12
# "Moscow's offensive in Donetsk", "the push in Luhansk", "the region's other province,
# Luhansk": a campaign is waged across a region, and a province is a region; the oblast, not
# its centre (occupied since 2014, or far behind the front). "Troops entered Kherson", "street
# fighting in Kherson", "rescue operations in Kharkiv" stay the city.
_CAMPAIGN_IN_BEFORE_RE = re.compile(
    r"(?i)(?:(?<!street\s)(?<!urban\s)(?<!city\s)\b(?:offensive|counter-?\s*offensive|campaign|"
    r"push|advances?|gains|incursion|fighting|battles?|clashes)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:in|across|throughout)"
    r"\s+|\bprovinces?,\s+)$"
)
_CAMPAIGN_IN_BEFORE = prescreen.Finder(_CAMPAIGN_IN_BEFORE_RE)  # tried where its words begin


# "the Kursk bridgehead", "the Kharkiv counteroffensive", "the Kursk operation": a campaign
# named after an oblast centre is waged across its region
_CAMPAIGN_AFTER_RE = re.compile(
    r"\s+(?:bridgehead|incursion|operation|offensive|counter-?\s*offensive|salient|pocket|"
    r"campaign)\b(?!\s+(?:of|in|on|at)\b)"
)


def _look_up(
    items: list[Mention], resolver: _Resolver, text: str
) -> dict[int, tuple[PlaceRef | None, list[PlaceRef]]]:
    """The gazetteer's reading of each name (with its near-equal namesakes); an oblast centre
    a campaign noun puts for its region is read as the region."""
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]] = {}
    campaign = _campaign_regions(items, text)
    for i, m in enumerate(items):
        if m.kind != "name":
            continue
        found[i] = resolver.resolve(m.query, m.hint)
        if found[i][0] is None and m.hint == "region" and _DISTRICT_AFTER_RE.match(text, m.end):
            # "37 villages in the Kupiansk district": no region of that name; the district
            # (raion, hromada) named after its town is put at the town
            found[i] = resolver.resolve(_REGION_WORD_RE.sub("", m.query), "settlement")
        if i in campaign:
            region = resolver.resolve(f"{m.query} region", "region")
            if region[0] is not None and region[0].precision == "region":
                found[i] = region
    return found


def _campaign_regions(items: list[Mention], text: str) -> set[int]:
    """The mentions that are bare oblast centres a campaign noun or a province noun puts for
    their regions, with the centres listed after them ("battles in Donetsk and Kharkiv")."""
    out: set[int] = set()
    for i, m in enumerate(items):
        if not (
            text
            and m.kind == "name"
            and m.hint is None
            and not m.possessive
            and normalize(m.query) in OBLAST_CENTRES
        ):
            continue
        if (
            _CAMPAIGN_IN_BEFORE.search(text, max(0, m.start - 60), m.start)
            or _CAMPAIGN_AFTER_RE.match(text, m.end)
        ) or (i - 1 in out and _LIST_GAP_RE.fullmatch(text, items[i - 1].end, m.start)):
            out.add(i)
    return out


def _resolve_mentions(
    items: list[Mention],
    resolver: _Resolver,
    memory: _Memory,
    hits: list[PlaceHit],
    s0: int,
    text: str = "",
) -> list[tuple[Mention, PlaceRef]]:
    """Places for a sentence's mentions, in order. Names sharing a gazetteer entry with other
    villages are settled by proximity to the sentence's other places, then to the places the
    article named recently; references ("the town") by the article's memory."""
    found = _look_up(items, resolver, text)
    # anchors: the unambiguous places named near the mention (at most _ANCHOR_SPAN mentions
    # either side, so a sentence listing thousands of names stays linear), then memory
    sure = [(i, r) for i, (r, ties) in found.items() if r is not None and not ties]
    sure_at = [i for i, _r in sure]
    remembered = [r for r, _n in reversed(memory.settlements[-3:])]

    def anchors_near(i: int) -> list[PlaceRef]:
        lo = bisect_left(sure_at, i - _ANCHOR_SPAN)
        hi = bisect_right(sure_at, i + _ANCHOR_SPAN)
        return [r for j, r in sure[lo:hi] if j != i] + remembered

    def list_anchors(i: int) -> list[PlaceRef]:
        """The places a list item is read against: the sentence's places (not a capital
        standing for its government: "Kyiv admitted"), those settled so far, memory."""
        near = [r for j, r in sure if j != i and abs(j - i) <= _ANCHOR_SPAN and not items[j].actor]
        return near + [r for _m, r in resolved]

    resolved: list[tuple[Mention, PlaceRef]] = []
    for i, m in enumerate(items):
        if m.kind != "name":
            ref = memory.lookup(m)
            if ref is not None:
                resolved.append((m, ref))
            continue
        ref, ties = found[i]
        ref, ties = _settled_sense(items, found, i, text, memory, anchors_near)
        if ref is not None and _ruled_out(items, found, i, text, ref):
            ref = None
        if ref is not None:
            anchors = _Anchors(list_anchors(i), remembered)
            read = _coherent_reading(items, found, i, text, ref, anchors, resolver, memory)
            if read is None and _swap_city_namesake(items, i, text, ref, resolved, hits, resolver):
                read = ref  # "near Kamianske and Mala Tokmachka": the village Kamianske
            ref = read
        hits.append(PlaceHit(m, ref))
        if ref is None or m.actor:
            continue
        memory.add(ref, m.noun)
        if _is_relative_locator(items, found, i, text) or _measured_from(text, m):
            continue  # "A, southwest of C": C says where A lies; the claim is A's
        if ref.precision == "settlement" and m.start - s0 <= 25 and not m.area:
            # the sentence's subject: what "the town" will mean ("In the Huliaipole
            # direction, ..." names a direction, not the subject)
            memory.topic(ref)
        resolved.append((m, ref))
    return resolved


def _swap_city_namesake(
    items: list[Mention],
    i: int,
    text: str,
    ref: PlaceRef,
    resolved: list[tuple[Mention, PlaceRef]],
    hits: list[PlaceHit],
    resolver: _Resolver,
) -> bool:
    """A village listed right after a big place that lies far from it ("attacked near
    Kamianske and Mala Tokmachka", read as the city of Kamianske): when a place of the big
    one's name lies near the village, that is the one meant; it replaces the city's reading
    (in `resolved` and `hits`) and the village stands."""
    if not resolved or i == 0 or (ref.population or 0) >= SMALL_TOWN_POP:
        return False
    prev_m, prev = resolved[-1]
    if prev_m is not items[i - 1] or (prev.population or 0) < SMALL_TOWN_POP:
        return False
    if not _LIST_GAP_RE.fullmatch(text[prev_m.end : items[i].start]):
        return False
    if haversine_km(ref.lat, ref.lon, prev.lat, prev.lon) <= STRAY_KM:
        return False
    near = _nearest(
        [n for n in resolver.namesakes(prev_m.query) if n.id != prev.id], [ref], NEAR_KM
    )
    if near is None:
        return False
    resolved[-1] = (prev_m, near)
    if hits and hits[-1].mention is prev_m:  # (the mention before this one was hit last)
        hits[-1] = PlaceHit(prev_m, near)
    return True


def _ruled_out(
    items: list[Mention],
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]],
    i: int,
    text: str,
    ref: PlaceRef,
) -> bool:
    """The reading of mention i the text rules out: abroad, or "the Dnipro" (the river, not
    the city); "Yablunivka in the Sumy region" read in another region; "the Russian
    settlements of A and B" read in Ukraine."""
    return (
        _not_a_place_here(items[i], ref, text)
        or _located_elsewhere(items, found, i, text, ref)
        or _country_stated(items, i, text) not in (None, ref.country)
    )


_REGION_WORD_RE = re.compile(r"\s+(?:region|oblast|province|krai)$")
# ground operations happen in a region: "its offensive in X", "holding territory in X"
_GROUND_OP_BEFORE_RE = re.compile(
    r"(?i)\b(?:offensive|counteroffensive|counter-offensive|incursion|invasion|operation|"
    r"foothold|bridgehead|territory|advance|push)\s+(?:[\w-]+\s+){0,2}?(?:in|into|inside|across)"
    r"\s+(?:the\s+)?$"
)


def _settled_sense(
    items: list[Mention],
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]],
    i: int,
    text: str,
    memory: _Memory,
    anchors_near: Any,
) -> tuple[PlaceRef | None, list[PlaceRef]]:
    """A name's place, with its context decisions (a gloss naming the place meant, a
    namesake settled by its neighbours) kept for the rest of the article: one name as
    written is one settlement in an article ("Krasnyi Lyman [the former name of Lyman]" and
    later "on the Krasnyi Lyman front" are both Lyman)."""
    m = items[i]
    ref, ties = found[i]
    key = m.query.lower()
    if ref is not None and ref.precision == "region" and m.hint == "region":
        memory.region_senses[_REGION_WORD_RE.sub("", key)] = ref  # "the region of Kursk"
    renamed = _renamed_as(items, found, i, text)
    if (
        m.hint is None
        and (region := memory.region_senses.get(key)) is not None
        and _GROUND_OP_BEFORE_RE.search(text, max(0, m.start - 60), m.start)
    ):
        # "... in the Russian region of Kursk. Kyiv renewed its offensive in Kursk": an
        # operation in a name the article introduced as a region is in that region
        return region, []
    if renamed is not None:
        ref, ties = renamed, []  # "Krasnyi Lyman [the former name of Lyman]": the place meant
    elif (kept := memory.senses.get(key)) is not None and m.hint != "region":
        return kept, []
    elif ties:
        ref = _settle_ties(items, found, i, text, ties, anchors_near(i)) or ref
    else:
        return ref, ties
    if ref is not None and ref.precision == "settlement":
        memory.senses[key] = ref
    return ref, ties


# "the villages of A, B and C", "assaults near A, B and C": a list names places of one front.
# (names the gazetteer lacks may stand between two it knows: "A, Tonenke, Keramika and B")
_LIST_SEP = r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)"
_LIST_GAP_RE = re.compile(rf"{_LIST_SEP}(?:[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?{_LIST_SEP}){{0,6}}")
STRAY_KM = 120.0  # a listed village this far from every place named with it is a namesake
NEAR_KM = 60.0
SMALL_TOWN_POP = 50_000  # bigger places are named anywhere (a strike list of cities)


def _in_list(items: list[Mention], i: int, text: str) -> bool:
    """Mention i is coordinated with a neighbouring name ("A, B and C")."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(items) and items[j].kind == "name" and not items[j].actor:
            a, b = (items[j], items[i]) if j < i else (items[i], items[j])
            if _LIST_GAP_RE.fullmatch(text, a.end, b.start):
                return True
    return False


def _introduced_as_village(m: Mention, ref: PlaceRef) -> bool:
    """ "the village of X" read as a village: a reporter names a village with where it lies."""
    return m.noun in ("village", "hamlet") and (ref.population or 0) < CITY_POP


@dataclass
class _Anchors:
    """The places a list item is read against: the sentence's (named with it, or settled
    before it) and the article's recent ones."""

    sentence: list[PlaceRef]
    remembered: list[PlaceRef]


def _settlements(refs: list[PlaceRef]) -> list[PlaceRef]:
    """The distinct settlements of the theatre among `refs`."""
    return list(
        {
            a.id: a for a in refs if a.precision == "settlement" and a.country in THEATRE_COUNTRIES
        }.values()
    )


def _coherent_reading(
    items: list[Mention],
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]],
    i: int,
    text: str,
    ref: PlaceRef,
    anchors: _Anchors,
    resolver: _Resolver,
    memory: _Memory,
) -> PlaceRef | None:
    """Issue 9's "villages near Huliaipole": a small settlement named in a list (or as "the
    village of X"), read far (over STRAY_KM) from every place named with it and from the
    article's recent places, is a namesake of the village meant. A reading of the name near
    those places replaces it, else a village has none (the gazetteer lacks it, and no
    namesake elsewhere stands in for it). A reading in a region the article names stands."""
    if ref.precision != "settlement" or not text:
        return ref
    listed = _settlement_list(items, i, text)  # "settlements such as A, B and C"
    if (ref.population or 0) >= SMALL_TOWN_POP and not listed:
        return ref
    if (rel := _relative_anchor(items, found, i, text, memory)) is not None:
        # "A, southwest of C": A lies next to C; "A, 85 km west of C": as far as it says
        if haversine_km(ref.lat, ref.lon, rel.place.lat, rel.place.lon) <= rel.reach_km:
            return ref
        reach = min(rel.reach_km, NEAR_KM)
        return _namesake_near(items[i], ref, [rel.place], resolver, memory, strict=True, km=reach)
    if (sole := _sole_region(found, i, ref)) is not None and _stray_village(
        items[i], ref, sole, resolver
    ):
        # "halted Russia's push in the Sumy region, counterattacking near Andriivka": the
        # village of that name in the region the sentence names, not a namesake elsewhere
        return _in_region(items[i], ref, resolver, sole)
    if not (listed or _in_list(items, i, text) or _introduced_as_village(items[i], ref)):
        near = _far_namesake(items[i], ref, anchors, resolver)
        if near is None and _stray_in_article(items[i], ref, resolver, anchors):
            return None
        return near or ref
    pts = _settlements(anchors.sentence + anchors.remembered)
    if not any(r is not None and r.precision == "region" for r, _t in found.values()):
        # (a region the sentence names locates its own places)
        region = _counted_region(text, items[i].start, resolver)
        if region is not None or not pts:
            return _in_region(items[i], ref, resolver, region or memory.recent_region())
    named = resolver.named_regions()
    if strong := [a for a in _settlements(anchors.sentence) if a.admin1 in named]:
        pts = strong  # the sentence's places in a region the article names outweigh strays
    if (
        not pts
        or any(a.id == ref.id for a in pts)
        or ref.admin1 in named
        or (not strong and len(pts) == 1 and (ref.population or 0) >= (pts[0].population or 0))
    ):
        # named before; or one of two far-apart places, the bigger (which of the two is
        # the stray is the smaller one: "near Huliaipole and Varvarivka"), unless the other
        # lies in a region the article names
        return ref
    stray_km = NEAR_KM if listed else STRAY_KM  # "settlements such as ...": one front
    if min(haversine_km(ref.lat, ref.lon, a.lat, a.lon) for a in pts) <= stray_km:
        return ref
    return _namesake_near(items[i], ref, pts, resolver, memory, strict=listed)


STRAY_VILLAGE_POP = 5_000  # a village this small is named for the fighting around it
STRAY_ARTICLE_KM = 250.0  # a village this far from all the article names is another one
_GOVERNMENT_SEATS = frozenset({"703448", "524901"})  # Kyiv, Moscow: named for governments


def _stray_in_article(m: Mention, ref: PlaceRef, resolver: _Resolver, anchors: _Anchors) -> bool:
    """A village reading far (over STRAY_ARTICLE_KM) from every place the article names (its
    big places, the sentence's and the recent ones), outside the regions it names: a namesake
    of a village the gazetteer lacks (a village of the Kursk fighting read in Crimea). Only a
    name several places bear: a name no other place bears is that place, however far."""
    if (ref.population or 0) >= STRAY_VILLAGE_POP or ref.admin1 in resolver.named_regions():
        return False
    if len(resolver.namesakes(m.query)) < 2:
        return False  # a name no other place bears (Krynky) is that place, however far
    ctx = resolver.context
    ids = getattr(ctx, "place_ids", None) or []
    pts = [
        p
        for p, pid in zip(getattr(ctx, "points", None) or [], ids, strict=False)
        if pid != ref.id and pid not in _GOVERNMENT_SEATS  # "Moscow said": not where it is
    ]
    pts += [
        (a.lat, a.lon)
        for a in _settlements(anchors.sentence + anchors.remembered)
        if a.id != ref.id
    ]
    return bool(pts) and all(
        haversine_km(ref.lat, ref.lon, lat, lon) > STRAY_ARTICLE_KM for lat, lon in pts
    )


def _far_namesake(
    m: Mention, ref: PlaceRef, anchors: _Anchors, resolver: _Resolver
) -> PlaceRef | None:
    """ "repelled attacks near Avdiivka and another five near Pervomaiske": a village whose
    reading lies far (over STRAY_KM) from every settlement the sentence names, when another
    place of that name (or once of that name) lies near one of them (within NEAR_KM), is that
    one: a reporter puts the places of one sentence on one front (None: no such namesake)."""
    if (ref.population or 0) >= CITY_POP:
        return None
    pts = _settlements(anchors.sentence)
    if not pts or any(
        haversine_km(ref.lat, ref.lon, a.lat, a.lon) <= STRAY_KM for a in pts if a.id != ref.id
    ):
        return None
    near = _nearest([n for n in resolver.namesakes(m.query) if n.id != ref.id], pts, NEAR_KM)
    return near if near is not None and near.admin1 == _nearest_anchor(near, pts).admin1 else None


def _nearest_anchor(ref: PlaceRef, pts: list[PlaceRef]) -> PlaceRef:
    return min(pts, key=lambda a: haversine_km(ref.lat, ref.lon, a.lat, a.lon))


def _sole_region(
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]], i: int, ref: PlaceRef
) -> PlaceRef | None:
    """The one region of ref's country the sentence names, named before mention i (None for
    none, several, or one after it: a region after it may locate something else, "A and B
    were taken, as well as a village in the Kharkiv region", or A itself)."""
    regions = {
        r.id: (j, r)
        for j, (r, _t) in found.items()
        if r is not None and r.precision == "region" and r.country == ref.country
    }
    if len(regions) != 1:
        return None
    j, region = next(iter(regions.values()))
    return region if j < i else None


def _stray_village(m: Mention, ref: PlaceRef, region: PlaceRef, resolver: _Resolver) -> bool:
    """A village-sized reading of a name many villages share, outside the sentence's region."""
    return (
        ref.admin1 != region.id
        and (ref.population or 0) < CITY_POP
        and len(resolver.namesakes(m.query)) > 1
    )


# "fighting in settlements such as A, B and C", "the villages of A and B": a list of villages
_SETTLEMENT_LIST_BEFORE_RE = re.compile(
    r"\b(?:villages|settlements|hamlets|localities)\s+(?:of|such\s+as|including|like)\s+"
    r"(?:[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?\s*,\s*(?:and\s+)?){0,6}$"
)


def _list_first(items: list[Mention], i: int, text: str) -> int:
    """The index of the first name of the list mention i ends ("A, B and C": A's for C)."""
    j = i
    while (
        j > 0
        and items[j - 1].kind == "name"
        and _LIST_GAP_RE.fullmatch(text, items[j - 1].end, items[j].start)
    ):
        j -= 1
    return j


# "fighting in areas like A, B and C", "in the vicinity of A, B": a list of places of one front
# (two names at least: "the areas of Kherson" is one city's surroundings)
_AREA_LIST_BEFORE_RE = re.compile(
    r"\b(?:areas|vicinity|vicinities)\s+(?:of|such\s+as|including|like)\s+(?:the\s+)?$"
)


def _settlement_list(items: list[Mention], i: int, text: str) -> bool:
    """Mention i is an item of a list the text introduces as villages or settlements (or as
    areas, when it lists two names or more)."""
    first = _list_first(items, i, text)
    start = items[first].start
    lo = max(0, start - 120)
    if (
        _holds(text, lo, start, _SETTLEMENT_LIST_NOUNS)
        and _SETTLEMENT_LIST_BEFORE_RE.search(text, lo, start) is not None
    ):
        return True
    lo = max(0, start - 40)
    return (
        _holds(text, lo, start, _AREA_LIST_NOUNS)
        and _AREA_LIST_BEFORE_RE.search(text, lo, start) is not None
        and _in_list(items, first, text)
    )


# the nouns one of which every match of the two patterns above holds (as written there)
_SETTLEMENT_LIST_NOUNS = ("villages", "settlements", "hamlets", "localities")
_AREA_LIST_NOUNS = ("areas", "vicinit")


def _holds(text: str, lo: int, hi: int, words: tuple[str, ...]) -> bool:
    """Whether text[lo:hi] holds one of `words` (substring searches: a regex search is tried
    at every position of the window)."""
    return any(text.find(w, lo, hi) >= 0 for w in words)


# "took four frontier villages in the Kharkiv region": the villages listed next lie there
_COUNTED_IN_REGION_RE = re.compile(
    r"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ss]everal|\d+)"
    r"\s+(?:more\s+|other\s+|border\s+|frontline\s+|new\s+)*(?:villages|settlements|"
    r"localities|hamlets)\s+in\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?P<name>[A-Z][\w'’-]+)"
)


def _counted_region(text: str, start: int, resolver: _Resolver) -> PlaceRef | None:
    """The region of the last "four villages in the X region" within 300 characters before."""
    found = list(_COUNTED_IN_REGION_RE.finditer(text, max(0, start - 300), start))
    if not found:
        return None
    last = found[-1]
    ref, _ties = resolver.resolve(f"{last.group('name')} region", "region")
    return ref if ref is not None and ref.precision == "region" else None


def _in_region(
    m: Mention, ref: PlaceRef, resolver: _Resolver, region: PlaceRef | None
) -> PlaceRef | None:
    """ "Russia captured four villages in the Kharkiv region. ... it seized A, B, C and D": a
    listed village read outside the region the text just put the villages in (or, with no
    settlement to read it against, the region the sentence before named) is a namesake of
    one in it, else no place (for a village; a town stands)."""
    if region is None or ref.admin1 == region.id or region.country != ref.country:
        return ref
    near = _nearest(resolver.namesakes(m.query), [region], NEAR_KM)
    if near is not None and near.admin1 == region.id:
        return near
    return ref if (ref.population or 0) >= CITY_POP else None


def _namesake_near(
    m: Mention,
    ref: PlaceRef,
    pts: list[PlaceRef],
    resolver: _Resolver,
    memory: _Memory,
    strict: bool = False,
    km: float = NEAR_KM,
) -> PlaceRef | None:
    """A stray reading's replacement: the namesake within `km` of the anchors; else the
    reading itself for a town (a town far from the rest may be another front: "Pokrovsk and
    Kupiansk"), and no place for a village, nor for a town the text (`strict`) says lies
    by the anchors ("A and B, north of C"; "settlements such as A and B")."""
    near = _nearest(resolver.namesakes(m.query), pts, km)
    key = m.query.lower()
    if near is None and (ref.population or 0) >= CITY_POP and not strict:
        return ref
    if near is None:
        memory.senses.pop(key, None)
        return None
    memory.senses[key] = near
    return near


def _located_elsewhere(
    items: list[Mention],
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]],
    i: int,
    text: str,
    ref: PlaceRef,
) -> bool:
    """A settlement the text locates in a region right after its name ("the village of X in
    the northeastern Sumy region", "X, Kharkiv region") that lies in another region: the
    village meant is one the gazetteer lacks, not this namesake."""
    if ref.precision != "settlement" or not ref.admin1 or i + 1 >= len(items) or not text:
        return False
    nxt = _region_after(items, found, i, text)
    return (
        nxt is not None
        and nxt.id != ref.admin1
        and nxt.country == ref.country
        and ref.admin1 not in group_members(nxt.id)  # "X in Donbas": Donetsk oblast is in it
    )


# "the Russian settlements of A, B and C", "the Ukrainian border village of X": the country
# the text puts the settlement in (not "the Russian-occupied city", "Russian-held town")
_COUNTRY_NOUN_BEFORE_RE = re.compile(
    r"\b(?P<country>Russian|Ukrainian)\s+(?:(?!occupied|held|controlled|annexed|captured|seized)"
    r"[a-z-]+\s+){0,2}?(?:settlements?|villages?|towns?|cities|city|hamlets?|localities|"
    r"locality)\s+of\s+(?:[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?\s*,\s*(?:and\s+)?){0,6}$"
)
_COUNTRY_CODE = {"Russian": "RU", "Ukrainian": "UA"}
# a part of each of the nouns the pattern names (cities, city: "cit")
_SETTLEMENT_NOUN_PARTS = ("settlement", "village", "town", "cit", "hamlet", "localit")


def _country_stated(items: list[Mention], i: int, text: str) -> str | None:
    """The country code a noun phrase before mention i (or before the list it ends) states."""
    if not text or items[i].kind != "name":
        return None
    start = items[_list_first(items, i, text)].start
    window = text[max(0, start - 80) : start]
    if "Russian" not in window and "Ukrainian" not in window:  # (every match holds one)
        return None
    if "of" not in window or not any(map(window.__contains__, _SETTLEMENT_NOUN_PARTS)):
        return None  # (nor without "of" and a settlement noun)
    m = _COUNTRY_NOUN_BEFORE_RE.search(text, max(0, start - 80), start)
    return _COUNTRY_CODE[m.group("country")] if m else None


_COMPASS_WORD_RE = re.compile(r"\b(?:north|south|east|west)[\w-]*\s+")
# "A, B and C in the Kharkiv region": after a list, the locator names where all of it lies
_LIST_TAIL_LOCATOR_RE = re.compile(
    rf"(?:{_LIST_SEP}[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?){{0,6}}\s*,?\s+in(?:\s+the)?\s+"
)


def _region_after(
    items: list[Mention],
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]],
    i: int,
    text: str,
) -> PlaceRef | None:
    """The region a locator right after mention i puts it in ("X in the Sumy region", "X,
    Kharkiv region"), or after the list it ends ("A, B and C in the Kharkiv region")."""
    j = i
    while j + 1 < len(items) and items[j + 1].kind == "name":
        nxt = found.get(j + 1, (None, []))[0]
        gap = _COMPASS_WORD_RE.sub("", text[items[j].end : items[j + 1].start])
        if nxt is not None and nxt.precision == "region":
            near = j == i and _LOCATOR_GAP_RE.fullmatch(gap)
            return nxt if near or _LIST_TAIL_LOCATOR_RE.fullmatch(gap) else None
        if not _LIST_GAP_RE.fullmatch(text, items[j].end, items[j + 1].start):
            return None  # (an unresolved name is still an item of the list)
        j += 1
    return None


# "Fedorivka and Vasiukivka, southwest of Siversk", "X, 10 km north of Y": a position relative
# to a place puts the list next to it
_RELATIVE_LOCATOR_RE = re.compile(
    rf"(?:{_LIST_SEP}[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?){{0,6}}(?:(?:\s+(?:direction|sector|front|"
    r"axis|area))?\s*[,(—–]\s*|\s+(?=(?:near|outside|close\s+to|not\s+far\s+from|(?:north|south|"
    r"east|west)[\w-]*\s+of)\s+(?!the\s+(?:[\w-]+\s+)?(?:town|city|village|settlement)\s+of\b)))"
    r"(?:(?:both|all|each)\s+)?(?:(?:located|lying|"
    r"situated|which\s+(?:is|lies)|that\s+(?:is|lies))\s+)?(?:(?:about|some|"
    r"around|roughly|nearly|just|only|less\s+than|more\s+than)\s+)?(?:[\d.,]+|a\s+few|several|"
    r"two|three|four|five|six|seven|eight|nine|ten)?\s*(?:-\s*)?(?:km|kilometers|kilometres|"
    r"miles?)?\s*(?:\([^)]{0,20}\)\s*)?(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:[\s-]?(?:east|"
    r"west))?(?:ern)?\s+of|on\s+the\s+outskirts\s+of|near|outside|close\s+to|not\s+far\s+from)\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+)?"
)


# "the village of A some 55 miles northeast of C": with a distance stated, no comma is needed
_DISTANCE_LOCATOR_RE = re.compile(
    r"\s+(?:(?:lies|is|was|sits|located|situated|lying)\s+)?(?:(?:about|some|around|roughly|"
    r"nearly|just|only|less\s+than|more\s+than)\s+)?[\d.,]+\s*(?:-\s*)?(?:km|kilometers|"
    r"kilometres|miles?)\s*(?:\([^)]{0,20}\)\s*)?(?:to\s+the\s+)?(?:north|south|east|west)"
    r"(?:[\s-]?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+(?:town|city|village)\s+of\s+)?"
)


# "with one of them lying a few kilometres away from Pokrovsk", "Both villages lie roughly
# 15 km from X", "X sits about 90 km from the regional capital Y": a place stated to lie
# at a distance from another; the other only measures
_MEASURED_FROM_BEFORE_RE = re.compile(
    r"(?i)\b(?:located|lying|lies|lie|situated|sits|sit)\s+(?:(?:just|only|some|roughly|about|"
    r"around|nearly|less\s+than|more\s+than)\s+)*(?:[\d.,]+(?:\s*[-–]\s*[\d.,]+)?|a\s+few|"
    r"several|a\s+couple\s+of)\s*(?:km|kilomet(?:er|re)s?|miles?)\s*(?:\([^)]{0,20}\)\s*)?"
    r"(?:away\s+)?from\s+(?:the\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|hub|capital|port|"
    r"settlement|centre|center)\s+(?:of\s+)?)?$"
)


def _measured_from(text: str, m: Mention) -> bool:
    return (
        bool(text)
        and "from" in text[max(0, m.start - 70) : m.start]  # cheap test before the regex
        and _MEASURED_FROM_BEFORE_RE.search(text, max(0, m.start - 120), m.start) is not None
    )


# "... north of the town of C, which Kyiv retook": a claim about the anchor
_WHICH_AFTER_RE = re.compile(r",\s+(?:which|where)\b")


# "the village — 15 km east of C — was taken": a reference by a settlement noun, located too
_LOCATED_REF_NOUNS = frozenset({"village", "town", "city", "settlement", "hamlet"})


def _is_relative_locator(
    items: list[Mention],
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]],
    i: int,
    text: str,
) -> bool:
    """Mention i is the place a relative locator measures a settlement from ("A, 5 km
    southwest of C", "the village — 15 km east of C —"; not "in the Donetsk region, near
    Pokrovsk", which narrows a region)."""
    before = found.get(i - 1, (None, []))[0] if i > 0 else None
    return (
        i > 0
        and (items[i - 1].kind == "name" or items[i - 1].noun in _LOCATED_REF_NOUNS)
        and bool(text)
        and (before is None or before.precision == "settlement")
        and (
            _RELATIVE_LOCATOR_RE.fullmatch(text, items[i - 1].end, items[i].start) is not None
            or (
                _DISTANCE_LOCATOR_RE.fullmatch(text, items[i - 1].end, items[i].start) is not None
                and not _WHICH_AFTER_RE.match(text, items[i].end)
            )
        )
    )


@dataclass
class _Relative:
    """The settlement a relative locator measures from, and how far from it the located
    place may lie (NEAR_KM, or the distance the locator states, with a margin)."""

    place: PlaceRef
    reach_km: float


# "about 70 kilometers (43 miles) east of": the first distance a locator states
_STATED_KM_RE = re.compile(r"([\d]+(?:[.,]\d+)?)\s*(?:-\s*)?(km|kilomet(?:er|re)s?|miles?)\b")


def _reach_km(gap: str) -> float:
    """How far from the anchor a place the locator `gap` measures may lie: NEAR_KM, or the
    distance it states ("some 85 km west of") plus a margin (road vs straight line)."""
    m = _STATED_KM_RE.search(gap)
    if m is None:
        return NEAR_KM
    km = float(m.group(1).replace(",", "")) * (1.609 if m.group(2).startswith("mile") else 1.0)
    return km * 1.25 + 15.0


def _relative_anchor(
    items: list[Mention],
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]],
    i: int,
    text: str,
    memory: _Memory,
) -> _Relative | None:
    """The settlement a relative locator after mention i (or after the list it is in) names:
    "A and B, southwest of C" -> C."""
    j = i
    while j + 1 < len(items) and items[j + 1].kind in ("name", "ref-settlement"):
        gap = text[items[j].end : items[j + 1].start]
        if items[j + 1].kind == "name":
            nxt = found.get(j + 1, (None, []))[0]
        else:  # "Antonivka, at the edge of the city": the city the article is about
            nxt = memory.lookup(items[j + 1]) if _RELATIVE_LOCATOR_RE.fullmatch(gap) else None
        if _RELATIVE_LOCATOR_RE.fullmatch(gap):
            if nxt is None or nxt.precision != "settlement":
                return None
            return _Relative(nxt, _reach_km(gap))
        if items[j + 1].kind != "name":
            return None
        if not _LIST_GAP_RE.fullmatch(gap):
            return None
        j += 1
    return None


def _settle_ties(
    items: list[Mention],
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]],
    i: int,
    text: str,
    ties: list[PlaceRef],
    anchors: list[PlaceRef],
) -> PlaceRef | None:
    """Of the villages sharing mention i's name, the one near the sentence's other places
    (None: no anchor decides)."""
    m = items[i]
    nxt = found.get(i + 1, (None, []))[0]
    if (
        nxt is not None
        and nxt.precision == "region"
        and text
        and _LOCATOR_GAP_RE.fullmatch(text[m.end : items[i + 1].start])
    ):
        # "Kamianske in the Zaporizhzhia region": the region right after the name
        # decides, not another region the sentence also names
        return _nearest(ties, [nxt]) or _nearest(ties, anchors)
    return _nearest(ties, anchors)


# "the Pokrovsk–Myrnohrad agglomeration", "the Kupiansk-Lyman axis", "the A and B directions":
# the areas of towns, not a river
_TWIN_AREA_AFTER_RE = re.compile(
    r"\s*[–—-]\s*[A-Z][\w'’-]+\s+(?:agglomeration|conurbation|urban\s+area|area|pocket|"
    r"salient|axis|direction|sector|front|bridgehead)\b"
    # "the Pokrovsk and Kurakhove directions", "the Balakliia and Izium areas"
    r"|(?:\s*,\s*[A-Z][\w'’-]+)*,?\s+and\s+[A-Z][\w'’-]+\s+(?:areas|directions|sectors|fronts|"
    r"axes|districts)\b"
)


def _not_a_place_here(m: Mention, ref: PlaceRef, text: str) -> bool:
    """A place abroad, or "the Dnipro" (the river, not the city)."""
    return ref.country not in THEATRE_COUNTRIES or (
        m.article
        and ref.precision == "settlement"
        and not _MUNICIPALITY_AFTER_RE.match(text, m.end)
        and not _TWIN_AREA_AFTER_RE.match(text, m.end)
    )


# "X [the old name of Y]", "X (the Soviet-era name for Y)", "X, formerly Y", "X (Ukrainian
# name Y)": a place written under another (older, Russian) name with a gloss naming the place
# meant
_RENAMED_GAP_RE = re.compile(
    r"\s*(?:[\[(]|,)\s*(?:(?:the|its|an?)\s+)?(?:(?:old|older|former|previous|Soviet(?:-era)?|"
    r"Russian|pre-war|original)\s+)+name\s+(?:of|for)\s+(?:the\s+(?:town|city|village|"
    r"settlement)\s+of\s+)?|\s*(?:[\[(]|,)\s*(?:formerly|now\s+(?:called|named)|renamed)\s+"
    r"|\s*[\[(]\s*(?:(?:the|its)\s+)?(?:Ukrainian|Ukraine['’]s)\s+(?:name|spelling)\s*(?:[-–—:]\s*|is\s+)?"
    r"|\s*[\[(]\s*(?:known|called)\s+in\s+Ukraine\s+as\s+",
    re.I,
)


def _renamed_as(
    items: list[Mention],
    found: dict[int, tuple[PlaceRef | None, list[PlaceRef]]],
    i: int,
    text: str,
) -> PlaceRef | None:
    """The place a name's gloss says it stands for: "Krasnyi Lyman [the former name of Lyman]"
    is Lyman, not the village the gazetteer files under the old name."""
    if not text or i + 1 >= len(items) or items[i + 1].kind != "name":
        return None
    if not _RENAMED_GAP_RE.fullmatch(text, items[i].end, items[i + 1].start):
        return None
    return found.get(i + 1, (None, []))[0]


# Population ranges that make "the village" / "the city" point at the right earlier place.
_NOUN_POP = {
    "village": (0, 20_000),
    "hamlet": (0, 5_000),
    "settlement": (0, 30_000),
    "city": (10_000, 10**9),
    "hub": (10_000, 10**9),
    "town": (3_000, 300_000),
}


class _Memory:
    """Places named so far, for references back ("the town", "the village", "the region")."""

    def __init__(self) -> None:
        self.settlements: list[tuple[PlaceRef, str | None]] = []
        self.regions: list[PlaceRef] = []
        self.last_topic: tuple[PlaceRef, int] | None = None  # (place, sentence number)
        self.last_claims: list[PlaceRef] = []  # places the latest claims were about
        self.in_sentence: tuple[PlaceRef, int] | None = None  # last settlement + sentence no.
        self.last_day: date | None = None
        self.last_claimed: tuple[PlaceRef, int] | None = None  # last claim's settlement
        # the last dated claim: (place id, date, precision, sentence number, type, claimant)
        self.last_claim_day: tuple[str, date, str, int, str, str | None] | None = None
        self.sentence = 0
        self.named: list[tuple[int, PlaceRef]] = []  # (sentence number, settlement named)
        self.senses: dict[str, PlaceRef] = {}  # a name's settlement, settled by context
        self.cued = -1  # the last sentence with a claim verb (cue) in it
        self.region_senses: dict[str, PlaceRef] = {}  # names introduced as regions
        self.region_at: tuple[PlaceRef, int] | None = None  # last region + sentence no.
        # the last region named or referred to ("the area" read as one) + sentence no.
        self.region_said: tuple[PlaceRef, int] | None = None

    def next_sentence(self) -> None:
        self.sentence += 1

    def note_days(self, dates: list[DateHit]) -> None:
        """Remember the last day-precise date written, for "the same day"."""
        days = [d for d in dates if d.precision == "day" and not _NIGHT_RE.match(d.text)]
        if days:
            self.last_day = days[-1].value

    def topic(self, ref: PlaceRef) -> None:
        """A place a sentence is about (its subject, or a place a claim was made about)."""
        if self.last_topic is None or self.last_topic[1] != self.sentence:
            self.last_topic = (ref, self.sentence)

    def add(self, ref: PlaceRef, noun: str | None) -> None:
        if ref.precision == "settlement":
            self.settlements.append((ref, noun))
            del self.settlements[:-8]
            self.in_sentence = (ref, self.sentence)
            self.named.append((self.sentence, ref))
            del self.named[:-8]
        else:
            self.regions.append(ref)
            del self.regions[:-4]
            self.region_at = self.region_said = (ref, self.sentence)

    def recent_region(self) -> PlaceRef | None:
        """The region this sentence or the one before named (None when older)."""
        if self.region_at is None or self.sentence - self.region_at[1] > 1:
            return None
        return self.region_at[0]

    def previous_settlement(self) -> PlaceRef | None:
        """The one settlement the sentence before named or made a claim about (None when it
        named none or several): where a placeless "Street fighting goes on" happens."""
        prev = self.sentence - 1
        # a place named in a sentence about the fighting, not "Putin met Erdogan in Sochi"
        got = {r.id: r for n, r in self.named if n == prev} if self.cued == prev else {}
        if self.last_claimed and self.last_claimed[1] == prev:
            got[self.last_claimed[0].id] = self.last_claimed[0]
        return next(iter(got.values())) if len(got) == 1 else None

    def _regions_only_named(self) -> PlaceRef | None:
        """ "Sumy region lies across from the Kursk region. Moscow says it expelled Kyiv's
        troops, but Kyiv says its forces are still active there": the region last named, when
        the latest sentence naming a place (this one or the one before) named regions and no
        settlement ("Pokrovsk in the Donetsk region ... there" is Pokrovsk)."""
        said = self.region_said or self.region_at
        if said is None or self.sentence - said[1] > 1:
            return None
        if self.in_sentence is not None and self.in_sentence[1] >= said[1]:
            return None
        return said[0]

    def _village_named_before(self, noun: str, here: bool) -> PlaceRef | None:
        """ "... near the village of X. Bloggers said troops tried to cross into the village",
        with towns named in between: the last place introduced as a village, when no
        settlement named since was introduced by a noun or is village-sized (population
        under CITY_POP), and the sentence names none itself."""
        if noun not in ("village", "hamlet") or here:
            return None
        for ref, n in reversed(self.settlements):
            if n == noun:
                return ref
            if n is not None or (ref.population or 0) < CITY_POP:
                return None
        return None

    def named_in_a_list(self, ref: PlaceRef) -> bool:
        """Whether the latest sentence naming `ref` named a list of settlements ("explosions
        were heard in Kharkiv, Sumy and Kherson"): "the city" after it points at no one of
        them for sure (two are not a list: "X, near the hub of Y" or a dateline and X)."""
        last = next((n for n, r in reversed(self.named) if r.id == ref.id), None)
        return last is not None and len({r.id for n, r in self.named if n == last}) >= 3

    def lookup(self, m: Mention) -> PlaceRef | None:
        ref = self._lookup(m)
        if ref is not None and ref.precision == "region" and m.kind == "ref-region":
            self.region_said = (ref, self.sentence)
        return ref

    def _lookup(self, m: Mention) -> PlaceRef | None:
        if m.kind == "ref-region" and m.noun == RUSSIAN_SOIL:
            # "the advance into its territory" after "Russia's Kursk region": that region
            region = self.recent_region()
            return region if region is not None and region.country == "RU" else None
        if m.kind == "ref-region":
            if m.noun == "area" and self.in_sentence and self.sentence - self.in_sentence[1] <= 1:
                # "X in the Y region ... a bridgehead in the area": around X, not all of Y
                return self.in_sentence[0]
            return self.regions[-1] if self.regions else None
        if m.noun == "there" and (region := self._regions_only_named()) is not None:
            return region
        if not self.settlements:
            return None
        noun = m.noun or ""
        recent = list(reversed(self.settlements[-3:]))
        lo, hi = _NOUN_POP.get(noun, (0, 10**9))
        here = self.in_sentence is not None and self.in_sentence[1] == self.sentence
        if (
            self.last_topic
            and self.sentence - self.last_topic[1] == 1
            and not here
            and noun in ("village", "town", "city", "settlement", "hamlet")
        ):
            # "X said its forces had broken into A, a settlement .... It said they had taken
            # the village": what the sentence before was about (its size fitting) beats an
            # older place introduced with the same noun
            pop = self.last_topic[0].population
            if pop is None or lo <= pop <= hi:
                return self.last_topic[0]
        if here and noun in ("city", "town") and lo <= (self.in_sentence[0].population or lo) <= hi:
            # "In Enerhodar, the mayor reported the city under fire": the town this sentence
            # names, not an older one introduced as "the city of X"
            return self.in_sentence[0]
        for ref, n in recent:  # introduced with the same word: "the village of X" ... "the village"
            if n == noun:
                return ref
        if (village := self._village_named_before(noun, here)) is not None:
            return village
        if here and _fits(self.in_sentence[0], noun, lo, hi):
            # "the governor of Sevastopol said ... near the city's outskirts"
            return self.in_sentence[0]
        if self.last_topic and self.sentence - self.last_topic[1] <= 2:
            pop = self.last_topic[0].population
            # "the city" is not the village the last claim was about
            if pop is None or lo <= pop <= hi:
                return self.last_topic[0]
        for ref, _n in recent:
            if ref.population is None or lo <= ref.population <= hi:
                return ref
        # "regaining control of the village" after "... in the Donetsk region": a village
        # the gazetteer lacks is no city of the same name
        return recent[0][0] if _fits(recent[0][0], noun, lo, hi) else None


def _fits(ref: PlaceRef, noun: str, lo: int, hi: int) -> bool:
    """A village or hamlet reference never stands for a city (other nouns take any size)."""
    if noun not in ("village", "hamlet") or ref.population is None:
        return True
    return lo <= ref.population <= hi


_NIGHT_RE = re.compile(r"(?i)^(?:overnight|last night|tonight|this morning)$")


_LOCATOR_GAP_RE = re.compile(r"\s*(?:,|in|in\s+the|of\s+the|\(|,\s+in(?:\s+the)?)?\s*")
