"""The public extractor: article text (+ metadata) -> dated, sourced claims, no database needed.

Per body sentence: split attribution from content (claimants.py), find places (mentions.py),
attach claim-type cues to the places they govern (verbs.py), resolve dates against the
publication date (dates.py), and emit one ClaimRecord per (place, type) with the sentence as
the quote and its offsets into the text the extractor read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from geomap.errors import GeomapError
from geomap.extract import claimants as cl
from geomap.extract import verbs
from geomap.extract.dates import DateHit, find_dates
from geomap.extract.mentions import Mention, find_names, find_refs, lowercase_vocabulary
from geomap.extract.reader import Article, read_text
from geomap.extract.sentences import sentences
from geomap.places import place_ref
from geomap.records import ClaimRecord, PlaceRef, SourceRecord, content_hash

EXTRACTOR = "rules"
VERSION = "0.3.0"

_TYPE_PRIORITY = {"captured": 0, "withdrawn": 1, "denied": 2, "holding": 3, "advancing": 4,
                  "fighting": 5, "strike": 6, "assessment": 7, "other": 8}
_NEGATION_RE = re.compile(r"\b(?:not|never|no\s+longer|n['’]t)\b(?:\s+\w+){0,3}\s*$", re.I)
_CLAUSE_BREAK_RE = re.compile(r";|\s[—–]\s|\bbut\b|\bwhile\b|\bwhereas\b")
_SIDE_BY_COUNTRY = {"UA": "ukraine", "RU": "russia"}


@dataclass
class PlaceHit:
    """A resolved mention (what the bench and `geomap ingest --json` show as places)."""

    mention: Mention
    place: PlaceRef | None


@dataclass
class Extraction:
    """The result of extracting one article: the source, its claims, and the text they quote."""

    source: SourceRecord
    claims: list[ClaimRecord]
    text: str = ""
    places: list[PlaceHit] = field(default_factory=list)


class _Resolver:
    """Gazetteer lookups for one document, cached, with the document as context."""

    def __init__(self, gaz: Any, doc_text: str):
        self.gaz = gaz
        try:
            self.context = gaz.context(doc_text)
        except Exception:  # a context is an optimisation; resolution still works without
            self.context = None
        self.cache: dict[tuple[str, str | None], PlaceRef | None] = {}

    def resolve(self, query: str, hint: str | None) -> PlaceRef | None:
        k = (query, hint)
        if k in self.cache:
            return self.cache[k]
        ref = None
        try:
            cands = self.gaz.candidates(query, context=self.context, limit=8)
        except Exception:
            cands = []
        if cands:
            pick = cands[0]
            if hint in ("settlement", "region"):
                for c in cands:
                    if getattr(c.place, "precision", None) == hint:
                        pick = c
                        break
            try:
                ref = place_ref(pick.place)
            except GeomapError:
                ref = None
        self.cache[k] = ref
        return ref


def _default_gazetteer():
    from gazetteer import default_gazetteer

    return default_gazetteer()


def extract(text: str, source: SourceRecord | None = None, *, published: date | None = None,
            gazetteer: Any = None) -> Extraction:
    """Extract claims from article text (plain text/Markdown as saved; metadata read from it
    unless `source` is given). Dates resolve against `published` (or the source's date, or
    the date line in the text; failing all, today)."""
    art = read_text(text)
    return extract_article(art, source=source, published=published, gazetteer=gazetteer)


def source_of(art: Article) -> SourceRecord:
    return SourceRecord(url=art.url, title=art.title, outlet=art.outlet, author=art.author,
                        published=art.published, content_hash=content_hash(art.text))


def extract_article(art: Article, source: SourceRecord | None = None, *,
                    published: date | None = None, gazetteer: Any = None) -> Extraction:
    """Extract claims from an already-read Article (text, Markdown or HTML)."""
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    src = source or source_of(art)
    if src.content_hash is None:
        src.content_hash = content_hash(art.text)
    pub = published or src.published or art.published or date.today()
    if src.published is None:
        src.published = pub
    text = art.text
    outlet_voice = src.outlet or "the outlet"
    resolver = _Resolver(gaz, text)
    vocab = lowercase_vocabulary(text)
    claims: list[ClaimRecord] = []
    hits: list[PlaceHit] = []
    last_settlement: tuple[PlaceRef, str] | None = None
    last_region: tuple[PlaceRef, str] | None = None
    prev_claimant: tuple[str | None, str | None] = (None, None)

    for s0, s1 in sentences(text, has_header=art.format != "html", title=art.title):
        sent = text[s0:s1]
        att = cl.attribute(sent)
        c0, c1 = s0 + att.content[0], s0 + att.content[1]
        claimant, side = att.claimant, att.side
        if claimant and cl.is_pronoun(claimant):
            claimant, side = prev_claimant if prev_claimant[0] else (claimant, side)
        narration = claimant is None
        if claimant:
            prev_claimant = (claimant, side)

        names = find_names(text, s0, s1, gaz, vocab if True else frozenset())
        refs = find_refs(text, s0, s1)
        items = sorted(names + refs, key=lambda m: m.start)
        resolved: list[tuple[Mention, PlaceRef]] = []
        for m in items:
            if m.kind == "name":
                ref = resolver.resolve(m.query, m.hint)
                hits.append(PlaceHit(m, ref))
                if ref is None or m.actor:
                    continue
                if ref.precision == "settlement":
                    last_settlement = (ref, m.text)
                else:
                    last_region = (ref, m.text)
                resolved.append((m, ref))
            elif m.kind == "ref-settlement" and last_settlement:
                resolved.append((m, last_settlement[0]))
            elif m.kind == "ref-region" and last_region:
                resolved.append((m, last_region[0]))

        # claimable: in the content span, not a region that only locates the settlement
        # before it ("Dzerzhinsk in the Donetsk People's Republic", "Toretsk, Donetsk region")
        claimable: list[tuple[Mention, PlaceRef]] = []
        prev: tuple[Mention, PlaceRef] | None = None
        for m, ref in resolved:
            inside = c0 <= m.start and m.end <= c1
            if inside and prev is not None and ref.precision == "region" and \
                    prev[1].precision == "settlement" and m.kind == "name" and \
                    re.fullmatch(r"\s*(?:,|in|in\s+the|of\s+the)?\s*", text[prev[0].end : m.start]):
                prev = (m, ref)
                continue
            prev = (m, ref)
            if inside:
                claimable.append((m, ref))
        named = [x for x in claimable if x[0].kind == "name"]
        if named:
            claimable = named + [x for x in claimable if x[0].kind != "name"
                                 and not any(n[1].id == x[1].id for n in named)
                                 and x[0].kind == "ref-settlement"
                                 and not any(n[1].precision == "settlement" for n in named)]
        if not claimable:
            continue

        content = text[c0:c1]
        cues = verbs.find_cues(content)
        types: dict[int, tuple[str, int]] = {}  # claimable index -> (type, distance)
        for cue in cues:
            if narration and cue.attach == "any":
                continue  # the outlet's own narration: only a verb governing the place counts
            cs, ce = c0 + cue.start, c0 + cue.end
            best: tuple[int, int] | None = None
            for idx, (m, _ref) in enumerate(claimable):
                if cue.attach in ("obj", "any") and m.start >= ce:
                    gap = text[ce : m.start]
                    dist = m.start - ce
                elif cue.attach in ("subj", "any") and m.end <= cs:
                    gap = text[m.end : cs]
                    dist = cs - m.end
                else:
                    continue
                if dist > (45 if narration else 90) or _CLAUSE_BREAK_RE.search(gap):
                    continue
                if best is None or dist < best[1]:
                    best = (idx, dist)
            if best is None:
                continue
            idx, dist = best
            if idx not in types or dist < types[idx][1]:
                ctype = cue.type
                if ctype in ("captured",) and _NEGATION_RE.search(text[max(c0, cs - 40) : cs]):
                    ctype = "denied"
                types[idx] = (ctype, dist)
        fallback = False
        if not types and not narration:
            distinct = {ref.id for _m, ref in claimable}
            if len(distinct) == 1:
                fallback = True
                types[0] = (cues[0].type if cues else "other", 999)
        if not types:
            continue

        dates = find_dates(sent, pub)
        assess = verbs.is_assessment(content)
        seen: set[tuple[str, str]] = set()
        for idx, (ctype, _dist) in sorted(types.items()):
            m, ref = claimable[idx]
            if att.denial:
                ctype = "denied"
            elif assess and ctype not in ("strike", "denied"):
                ctype = "assessment"
            key = (ref.id, ctype)
            if key in seen:
                continue
            seen.add(key)
            c_side = side
            if c_side is None:
                if narration:
                    c_side = "third-party"
                else:
                    c_side = _SIDE_BY_COUNTRY.get(ref.country or "", "third-party") \
                        if cl.is_local_official(claimant) else "third-party"
            cdate, prec = _pick_date(dates, m.start - s0, att, pub)
            conf = 0.55
            conf += 0.15 if not fallback else 0.0
            conf += 0.15 if not narration else 0.0
            conf -= 0.15 if m.kind != "name" else 0.0
            quote_s, quote_e = s0, s1
            claims.append(ClaimRecord(
                place=ref, side=c_side, type=ctype, claim_date=cdate, date_precision=prec,
                claimant=claimant or outlet_voice, place_as_written=m.text,
                quote=text[quote_s:quote_e], start=quote_s, end=quote_e,
                confidence=round(max(0.1, min(conf, 0.95)), 2), extractor=EXTRACTOR,
                extractor_version=VERSION, source=src,
                notes=None if m.kind == "name" else f"place by reference: {m.text!r}"))
    return Extraction(source=src, claims=claims, text=text, places=hits)


def _pick_date(dates: list[DateHit], pos: int, att: cl.Attribution, pub: date
               ) -> tuple[date, str]:
    """The date expression nearest the place (day/month beat bare years far away)."""
    best: tuple[int, DateHit] | None = None
    for h in dates:
        dist = h.start - pos if h.start >= pos else pos - h.end
        if h.precision == "year" and dist > 40:
            continue
        if best is None or dist < best[0]:
            best = (dist, h)
    if best is None:
        return pub, "day"
    h = best[1]
    if h.value > pub:
        return pub, "day"
    return h.value, h.precision
