"""The Russian and Ukrainian extractors: report formulas (rules.py data) -> dated claims.

Per sentence: the speaker (the highest-priority claimant named, else the language's default
side and the outlet), every rule match, its list split into items, each item resolved
(places.py) and dated (dates.py); a rule with `ref` is about the settlement the text named
last. The quote is the sentence, as written, in its language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from geomap.extract.reader import Article
from geomap.extract.slavic import dates as sd
from geomap.extract.slavic.places import NEAR_KM, Item, PlaceFinder, median_point
from geomap.extract.slavic.rules import LangRules, Rule, finditer, load_rules
from geomap.places import place_ref
from geomap.records import ClaimRecord, PlaceRef, SourceRecord

VERSION = "0.1.0"
_ANYWHERE_TYPES = frozenset({"strike", "other"})  # not bound to the front line
AXIS_KM = 100.0  # an axis (напрямок) reaches this far from the town it is named after
# sentence ends: after . ! ? … (and a closing quote), before a capital, quote, digit or bullet
_SENT_END_RE = re.compile(r"(?<=[.!?…])[\"»”]?[ \t]+(?=[«\"„“A-ZА-ЯЁІЇЄҐ0-9•])|\n+")
_AXIS_RE = re.compile(r"(?i)\bна\s+([А-ЯЁІЇЄҐ][\w’'ʼ-]+(?:ому|ом))\s+(?:напрямку|направлении)")
_WORD_RE = re.compile(r"[\w’'ʼ-]+")
_OBLAST_WORD_RE = re.compile(r"(?i)област|республи")
_CAPS_RE = re.compile(r"[А-ЯЁІЇЄҐ][\w’'ʼ-]+(?:\s+[А-ЯЁІЇЄҐ][\w’'ʼ-]+)?")


@dataclass
class Speaker:
    label: str | None
    side: str
    rule: str = "attr.outlet"  # provenance: a named claimant, or the outlet's own voice


@dataclass
class _Doc:
    """Per-document state: the text, its oblasts, the places named so far, dates carried."""

    text: str
    pub: date
    outlet: str | None
    admin1s: frozenset[str]
    mentions: list[tuple[int, PlaceRef, str]] = field(default_factory=list)
    carried: sd.DateHit | None = None
    seen: set[tuple] = field(default_factory=set)
    last_end: int = 0
    axis: tuple[float, float] | None = None


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line, stripped of surrounding blanks."""
    out, pos = [], 0
    for m in list(_SENT_END_RE.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        if m and text[m.start()] in '"»”':
            end += 1
        seg = text[pos:end]
        lead = len(seg) - len(seg.lstrip())
        s, e = pos + lead, pos + len(seg.rstrip())
        if e > s:
            out.append((s, e))
        pos = m.end() if m else len(text)
    return out


class SlavicExtractor:
    """Rule-based extractor for one of 'ru' / 'uk' (the Extractor protocol)."""

    version = VERSION

    def __init__(self, lang: str):
        self.lang = lang
        self.name = f"rules-{lang}"
        self.languages = frozenset({lang})

    @property
    def rules(self) -> LangRules:
        return load_rules(self.lang)

    def extract_article(
        self,
        art: Article,
        source: SourceRecord | None = None,
        *,
        published: date | None = None,
        gazetteer: Any = None,
    ) -> Any:
        """Claims of one article as a geomap.extract.pipeline.Extraction."""
        from geomap.extract.pipeline import Extraction, prepared_source

        if gazetteer is None:
            from gazetteer import default_gazetteer

            gazetteer = default_gazetteer()
        src = prepared_source(art, source, published)
        pub = published or src.published
        src.language = src.language or self.lang
        finder = PlaceFinder(gazetteer, self.rules)
        doc = _Doc(art.text, pub, src.outlet, self._doc_admin1s(art.text, finder))
        claims: list[ClaimRecord] = []
        spans = sentences(art.text)
        titles = [sp for sp in spans if art.text.startswith("# ", sp[0])]
        for s0, s1 in spans:
            if (s0, s1) not in titles:
                claims.extend(self._sentence(doc, finder, s0, s1))
        claims.extend(self._bullets(doc, finder))
        said = {(c.place.id, c.type) for c in claims}
        for s0, s1 in titles:  # a headline repeats the body: only what the body lacks
            claims.extend(
                c for c in self._sentence(doc, finder, s0, s1) if (c.place.id, c.type) not in said
            )
        return Extraction(source=src, claims=claims, text=art.text)

    # -- document ----------------------------------------------------------------------------
    def _doc_admin1s(self, text: str, finder: PlaceFinder) -> frozenset[str]:
        """Oblasts the text names: the lookup context for every name in it."""
        out = set()
        words = list(_WORD_RE.finditer(text))
        for i, w in enumerate(words):
            if not w.group(0)[:1].isupper():
                continue
            for n in (3, 2, 1):
                span = words[i : i + n]
                if len(span) < n or not all(x.group(0)[:1].isupper() for x in span):
                    continue
                phrase = " ".join(x.group(0) for x in span)
                if i + n < len(words) and _OBLAST_WORD_RE.match(words[i + n].group(0)):
                    phrase = f"{phrase} {words[i + n].group(0)}"
                if adm := finder.region_of(phrase):
                    out.add(adm)
                    break
        return frozenset(out)

    def speaker(self, sent: str, outlet: str | None, last: bool = False) -> Speaker:
        """Who speaks in `sent`: the highest-priority claimant (with `last`: the one named
        last, for a list introduced by the text before it)."""
        best = None
        for c in self.rules.claimants:
            for m in c.pattern.finditer(sent):
                if best is None or (
                    m.end() > best[1].end() if last else c.priority > best[0].priority
                ):
                    best = (c, m)
                if not last:
                    break
        if best is None:
            return Speaker(outlet, self.rules.default_side, f"attr.{self.lang}.outlet")
        return Speaker(best[1].group(0), best[0].side, f"attr.{self.lang}.claimant")

    # -- sentences ---------------------------------------------------------------------------
    def _sentence(self, doc: _Doc, finder: PlaceFinder, s0: int, s1: int) -> list[ClaimRecord]:
        sent = doc.text[s0:s1]
        if "\n" in doc.text[doc.last_end : s0] and doc.carried is not None:
            # a new paragraph: a recap's date stays behind unless it is about the last day
            if (doc.pub - doc.carried.day).days > 1:
                doc.carried = None
        if "\n" in doc.text[doc.last_end : s0]:
            doc.axis = None  # a report's paragraph is one axis
        doc.last_end = s1
        hits = sd.find_dates(
            sent, doc.pub, self.rules.dates, doc.carried.day.month if doc.carried else None
        )
        if (ax := _AXIS_RE.search(sent)) is not None:
            doc.axis = self._axis_point(ax.group(1), finder, doc) or doc.axis
        self._note_mentions(doc, finder, s0, sent)
        spk = self.speaker(sent, doc.outlet)
        out: list[ClaimRecord] = []
        for rule in self.rules.rules:
            if rule.requires is not None and not rule.requires.search(sent):
                continue
            for pat in rule.patterns:
                for m in finditer(pat, sent):
                    if self.rules.negation.search(sent[max(0, m.start() - 20) : m.start()]):
                        continue
                    for pos, place, written in self._places(doc, finder, rule, m, s0):
                        d = sd.date_at(hits, pos - s0, doc.carried, doc.pub)
                        key = (place.id, rule.type, spk.side, m.group(0).lower())
                        if key in doc.seen or any(
                            c.place.id == place.id and c.type == rule.type for c in out
                        ):
                            continue
                        doc.seen.add(key)
                        out.append(self._claim(place, rule, spk, d, written, doc, s0, s1))
        carried = [h for h in hits if h.carries]
        if carried:
            doc.carried = carried[-1]
        return out

    def _places(
        self, doc: _Doc, finder: PlaceFinder, rule: Rule, m: re.Match, s0: int
    ) -> list[tuple[int, PlaceRef, str]]:
        """(offset, place, as written) for each place a rule match names."""
        if rule.ref:
            before = [x for x in doc.mentions if x[0] < s0 + m.start()]
            return [(s0 + m.start(), before[-1][1], before[-1][2])] if before else []
        if "list" not in m.re.groupindex or m.group("list") is None:
            return []
        items = finder.split_list(m.group("list"), s0 + m.start("list"))
        ground = rule.type not in _ANYWHERE_TYPES
        return self.resolve_items(doc, finder, items, hromada=rule.hromada, front=ground)

    def resolve_items(
        self,
        doc: _Doc,
        finder: PlaceFinder,
        items: list[Item],
        hromada: bool = False,
        front: bool = False,
    ) -> list[tuple[int, PlaceRef, str]]:
        out: list[tuple[int, PlaceRef, str]] = []
        cands = {}
        for it in items:
            if it.region_only:
                continue
            admin1 = it.admin1 or (self._only(doc.admin1s) if hromada else None)
            cands[id(it)] = finder.candidates(it.name, admin1, doc.admin1s, hromada, front)
            if not cands[id(it)] and it.aliases:
                cands[id(it)] = finder.candidates(it.aliases[0], admin1, doc.admin1s, False, front)
        # a list of three or more lies within NEAR_KM of its axis town or its median point; a
        # shorter one within AXIS_KM of the axis this paragraph names ("на Куп’янському …")
        anchor, near = doc.axis, AXIS_KM
        if len(items) >= 3:
            near = NEAR_KM
            anchor = doc.axis or median_point(
                [(c[0].place.lat, c[0].place.lon) for c in cands.values() if c]
            )
        for it in items:
            if it.region_only:
                ref = finder.region_ref(it.admin1) if it.admin1 else None
                if ref is not None:
                    out.append((it.start, ref, it.name))
                continue
            best = finder.pick(cands[id(it)], anchor, near)
            if best is not None:
                ref = place_ref(best.place)
                out.append((it.start, ref, it.name))
                doc.mentions.append((it.start, ref, it.name))
        return out

    @staticmethod
    def _only(admin1s: frozenset[str]) -> str | None:
        return next(iter(admin1s)) if len(admin1s) == 1 else None

    def _axis_point(self, adj: str, finder: PlaceFinder, doc: _Doc) -> tuple[float, float] | None:
        """'Покровському' (напрямку) -> Pokrovsk's coordinates, the anchor of the list."""
        cands = finder.candidates(adj, None, doc.admin1s, hromada=True)
        return (cands[0].place.lat, cands[0].place.lon) if cands else None

    def _note_mentions(self, doc: _Doc, finder: PlaceFinder, s0: int, sent: str) -> None:
        """Remember the settlements a sentence names, for later 'в місті', 'його', 'тут'."""
        for m in _CAPS_RE.finditer(sent):
            words = m.group(0).split()
            for n in (len(words), 1) if len(words) > 1 else (1,):
                name = " ".join(words[:n])
                cands = finder.candidates(name, None, doc.admin1s, front=True)
                cands = [c for c in cands if not doc.admin1s or c.place.admin1 in doc.admin1s]
                if cands and (doc.admin1s or (cands[0].place.population or 0) >= 5000):
                    doc.mentions.append((s0 + m.start(), place_ref(cands[0].place), name))
                    break

    def _bullets(self, doc: _Doc, finder: PlaceFinder) -> list[ClaimRecord]:
        """A strike list: intro line, then one bullet per hromada (each its centre)."""
        r = self.rules
        if r.bullets_intro is None or r.bullet_item is None:
            return []
        out: list[ClaimRecord] = []
        for intro in r.bullets_intro.finditer(doc.text):
            pos = doc.text.find("\n", intro.end())
            while pos >= 0:
                nl = doc.text.find("\n", pos + 1)
                line_end = nl if nl >= 0 else len(doc.text)
                line = doc.text[pos + 1 : line_end]
                m = r.bullet_item.match(line)
                if not m:
                    if line.strip():
                        break
                    pos = nl
                    continue
                s0 = pos + 1
                items = [finder.parse_item(m.group("list"), s0 + m.start("list"))]
                rule = Rule("bullets", r.bullets_type, [], hromada=True)
                spk = self.speaker(
                    doc.text[max(0, intro.start() - 300) : intro.end()], doc.outlet, last=True
                )
                when = doc.carried or sd.DateHit(0, doc.pub, "day", False)
                for _p, place, written in self.resolve_items(doc, finder, items, hromada=True):
                    e = s0 + len(line.rstrip())
                    out.append(
                        self._claim(
                            place,
                            rule,
                            spk,
                            when,
                            written,
                            doc,
                            s0 + len(line) - len(line.lstrip()),
                            e,
                        )
                    )
                pos = nl
        return out

    def _claim(
        self,
        place: PlaceRef,
        rule: Rule,
        spk: Speaker,
        when: sd.DateHit,
        written: str,
        doc: _Doc,
        s0: int,
        s1: int,
    ) -> ClaimRecord:
        return ClaimRecord(
            place=place,
            side=spk.side,
            type=rule.type,
            claim_date=when.day,
            date_precision=when.precision,
            claimant=spk.label,
            place_as_written=written,
            quote=doc.text[s0:s1],
            start=s0,
            end=s1,
            confidence=0.6 if rule.ref else 0.8,
            extractor=self.name,
            extractor_version=VERSION,
            rules=(spk.rule, f"{self.lang}.{rule.id}"),
        )


class RussianExtractor(SlavicExtractor):
    """Russian MoD bulletins, Russian media retelling them, Russian governors."""

    def __init__(self) -> None:
        super().__init__("ru")


class UkrainianExtractor(SlavicExtractor):
    """Ukrainian General Staff reports, commanders, officials, regional administrations."""

    def __init__(self) -> None:
        super().__init__("uk")
