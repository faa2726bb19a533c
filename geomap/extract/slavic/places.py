"""Place names in Russian/Ukrainian lists -> gazetteer places.

A list item is a name plus optional qualifiers: "(Торецк)", "в ДНР", "Донецкой Народной
Республики", "Беловского района". The oblast qualifier is read per item and constrains the
lookup (Макеевка в ЛНР is not the Makiivka of Donetsk). Names are lemmatised (morph.py) and
only exact or alternate-name matches in Ukraine or Russia count: loose phonetic matches send
unknown villages abroad. In a list, an axis town or the list's median point rejects
namesakes far away and settles near-equal ones ("Володимирівка" next to Rodynske).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Any

from geomap.extract.slavic import morph
from geomap.extract.slavic.rules import LangRules
from geomap.places import haversine_km, place_ref
from geomap.records import PlaceRef

THEATRE = frozenset({"UA", "RU"})
SEP_RE = re.compile(r"\s*,\s*|\s+(?:и|та|і|й)\s+")
_WORD_RE = re.compile(r"\(?[^\s()]+\)?")
_PREP = frozenset({"в", "у", "на"})
_DISTRICT_RE = re.compile(r"(?i)^район\w*$|^округ\w*$")
_ADMIN_RE = re.compile(r"(?i)^(?:област\w*|район\w*|округ\w*|громад\w*)$")
NEAR_KM = 50.0  # a list member farther than this from the list's anchor is a namesake
TIE_MARGIN = 1.0  # candidates this close in score are settled by distance to the anchor
OBLAST_NEAR_KM = 250.0  # outside the oblasts a text names, a place must lie this near one


@dataclass
class Item:
    """One list item: the name as written (offsets into the text) and its qualifiers."""

    name: str
    start: int
    end: int
    admin1: str | None = None  # the oblast its qualifier names
    aliases: list[str] = field(default_factory=list)  # "(Торецк)"
    region_only: bool = False  # the item is an oblast ("Сумщини", "Курской области")


class PlaceFinder:
    """Lemmatising lookups for one language, cached; `admin1s` is the document's oblasts."""

    def __init__(self, gaz: Any, rules: LangRules):
        self.gaz, self.rules, self.lang = gaz, rules, rules.lang
        self._region_cache: dict[str, str | None] = {}
        self._cands: dict[tuple, list[Any]] = {}

    # -- regions ---------------------------------------------------------------------------
    def region_of(self, phrase: str) -> str | None:
        """The admin1 an oblast phrase names ("Харьковской области" -> UA.07), else None."""
        if phrase in self._region_cache:
            return self._region_cache[phrase]
        out = None
        words = phrase.split()
        if words and len(words) <= 4 and all(w[:1].isupper() or _ADMIN_RE.match(w) for w in words):
            for v in morph.phrase_nominatives(phrase, self.lang):
                if v in self.rules.regions:
                    out = self.rules.regions[v]
                    break
                if not self.gaz.is_name(v):
                    continue
                c = self.gaz.candidates(v, limit=1)
                if c and c[0].match == "region" and c[0].place.country in THEATRE:
                    out = c[0].place.id
                    break
        self._region_cache[phrase] = out
        return out

    def region_ref(self, admin1: str) -> PlaceRef | None:
        try:
            return place_ref(self.gaz.region(admin1))
        except Exception:  # noqa: BLE001 - an unknown region id is no claim, not a crash
            return None

    # -- items -----------------------------------------------------------------------------
    def split_list(self, text: str, offset: int) -> list[Item]:
        """Items of a matched list (`offset`: where `text` starts in the document). Adjectives
        sharing the last item's head noun ("Сумской и Харьковской областях") get it too."""
        parts, pos = [], 0
        for part in SEP_RE.split(text):
            i = text.index(part, pos)
            pos = i + len(part)
            if part.strip():
                parts.append((part, i))
        head = parts[-1][0].split()[-1] if parts else ""
        items = []
        for part, i in parts:
            item = self.parse_item(part, offset + i)
            if (
                len(part.split()) == 1
                and _ADMIN_RE.match(head)
                and not item.region_only
                and (adm := self.region_of(f"{part} {head}"))
            ):
                item = Item(part, offset + i, offset + i + len(part), adm, [], True)
            items.append(item)
        return items

    def parse_item(self, text: str, start: int) -> Item:
        """Split an item into its name and qualifiers."""
        words = [(m.group(0), m.start()) for m in _WORD_RE.finditer(text)]
        aliases = [w.strip("()") for w, _ in words if w.startswith("(")]
        words = [(w, p) for w, p in words if not w.startswith("(")]
        whole = " ".join(w for w, _ in words)
        if (adm := self.region_of(whole)) is not None:
            return Item(whole, start + words[0][1], start + len(text), adm, aliases, True)
        admin1, cut, tail_at = None, len(words), len(words)
        for i in range(len(words)):
            if i + 1 < len(words) and _DISTRICT_RE.match(words[i + 1][0]):
                cut, tail_at = i, i + 2  # "Беловского района [Курской области]"
                admin1 = self._tail_region([w for w, _ in words[i + 2 :]])
                break
            if i and (adm := self._tail_region([w for w, _ in words[i:]])) is not None:
                cut, admin1 = i, adm
                break
        name_words = words[:cut]
        if not name_words:  # only a district and an oblast: the claim is the oblast's
            tail = [(w, p) for w, p in words[tail_at:] if w not in _PREP] or words
            s = tail[0][1]
            return Item(text[s:], start + s, start + len(text), admin1, aliases, admin1 is not None)
        s = name_words[0][1]
        e = name_words[-1][1] + len(name_words[-1][0])
        return Item(text[s:e], start + s, start + e, admin1, aliases)

    def _tail_region(self, words: list[str]) -> str | None:
        if words and words[0] in _PREP:
            words = words[1:]
        return self.region_of(" ".join(words)) if words else None

    # -- settlements -----------------------------------------------------------------------
    def candidates(
        self,
        name: str,
        admin1: str | None,
        admin1s: frozenset[str],
        hromada: bool = False,
        front: bool = False,
    ) -> list[Any]:
        """Settlement readings of an (inflected) name in the theatre, best first; with
        `front`, only where ground fighting can be (Ukraine, Russia's border oblasts)."""
        key = (name, admin1, admin1s, hromada, front)
        if key in self._cands:
            return self._cands[key]
        from gazetteer import Context

        ctx = Context(countries=set(THEATRE), admin1s=set(admin1s))
        if hromada:
            variants = morph.adjective_towns(name, self.lang, self.rules.adjective_towns)
        else:
            variants = morph.phrase_nominatives(name, self.lang)
        best: dict[str, Any] = {}
        for v in variants:
            if not self.gaz.is_name(v):
                continue
            for c in self.gaz.candidates(v, context=ctx, limit=8):
                p = c.place
                if p.precision != "settlement" or c.match == "loose" or p.country not in THEATRE:
                    continue
                if admin1 and p.admin1 != admin1:
                    continue
                if front and not self.at_front(p):
                    continue
                if (
                    not admin1
                    and admin1s
                    and p.admin1 not in admin1s
                    and not self._near(p, admin1s)
                ):
                    continue
                if p.id not in best or c.score > best[p.id].score:
                    best[p.id] = c
        # on a tie, a place's own name beats another's former name (Гродівка: the village,
        # not Myrnohrad, once called so)
        out = sorted(best.values(), key=lambda c: (-round(c.score, 2), c.match != "name"))
        self._cands[key] = out
        return out

    def at_front(self, p: Any) -> bool:
        r = self.rules
        return p.country in r.front_countries or p.admin1 in r.front_admin1s

    def _near(self, p: Any, admin1s: frozenset[str]) -> bool:
        """Is a place outside the document's oblasts still near one of them?"""
        for a in admin1s:
            try:
                r = self.gaz.region(a)
            except Exception:  # noqa: BLE001 - an unknown id is no evidence
                continue
            if haversine_km(p.lat, p.lon, r.lat, r.lon) <= OBLAST_NEAR_KM:
                return True
        return False

    def pick(
        self, cands: list[Any], anchor: tuple[float, float] | None, max_km: float = NEAR_KM
    ) -> Any | None:
        """The best candidate; near-ties and far namesakes settled by the anchor."""
        if not cands:
            return None
        if anchor is None:
            return cands[0]
        close = [c for c in cands if c.score >= cands[0].score - TIE_MARGIN]
        best = min(close, key=lambda c: haversine_km(c.place.lat, c.place.lon, *anchor))
        if haversine_km(best.place.lat, best.place.lon, *anchor) > max_km:
            return None
        return best


def median_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if len(points) < 2:
        return None
    return (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))
