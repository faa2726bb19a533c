"""The public rule extractor: article text (+ metadata) -> dated, sourced claims, no database
needed.

Each body sentence (clause) goes through named passes over typed state, one module each:
attribution (voices.py: who speaks, for which side), places (placing.py: the places the
content claims about), typing (claim_types.py: cue attachment and claim types), dating
(dating.py) and claims (claiming.py: one ClaimRecord per place and type, with the sentence
as the quote and the ids of the rules that made it). This module reads the article and runs
the passes in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from geomap.extract import claimants as cl
from geomap.extract import prescreen, reporting
from geomap.extract.claim_types import typing_pass
from geomap.extract.claiming import claims_pass, no_second_toll, table_claims, without_repeats
from geomap.extract.dating import SAME_DAY_AFTER, SentenceDates, date_from_next, dating_pass
from geomap.extract.followups import toll_claims
from geomap.extract.mentions import find_names, lowercase_vocabulary
from geomap.extract.placing import Doc, dateline_place, listed_next, name_the_unnamed, places_pass
from geomap.extract.reader import Article, detect_format, read_html, read_text
from geomap.extract.resolution import PlaceHit, _Memory, _Resolver
from geomap.extract.sentences import sentences
from geomap.extract.version import EXTRACTOR, VERSION
from geomap.extract.voices import (
    DocState,
    attribution_pass,
    channel_source,
    contrast_cut,
    document_source,
    retro_attribute,
    retro_attribution,
)
from geomap.records import ClaimRecord, PlaceRef, SourceRecord, content_hash

__all__ = [
    "EXTRACTOR",
    "VERSION",
    "Extraction",
    "extract",
    "extract_article",
    "narrator",
    "prepared_source",
    "source_of",
]


@dataclass
class Extraction:
    """The result of extracting one article: the source, its claims, and the text they quote."""

    source: SourceRecord
    claims: list[ClaimRecord]
    text: str = ""
    places: list[PlaceHit] = field(default_factory=list)


def _default_gazetteer():
    from gazetteer import default_gazetteer

    return default_gazetteer()


def extract(
    text: str,
    source: SourceRecord | None = None,
    *,
    published: date | None = None,
    gazetteer: Any = None,
) -> Extraction:
    """Extract claims from article text (plain text/Markdown as saved; metadata read from it
    unless `source` is given). Dates resolve against `published` (or the source's date, or
    the date line in the text; failing all, today)."""
    art = read_html(text) if detect_format("", text) == "html" else read_text(text)
    return extract_article(art, source=source, published=published, gazetteer=gazetteer)


def narrator(src: SourceRecord) -> str:
    """Who speaks in the article's own narration: its outlet. The tool itself never claims
    anything: a byline "for geomap" (the project's example desk) names the desk instead."""
    outlet = (src.outlet or "").strip()
    if outlet.lower() != EXTRACTOR_TOOL:
        return outlet or "the outlet"
    author = _BYLINE_RE.sub("", (src.author or "").strip()).strip()
    return author or "the outlet"


EXTRACTOR_TOOL = "geomap"
_BYLINE_RE = re.compile(r"(?i)^by\s+|\s+for\s+geomap$")


def source_of(art: Article) -> SourceRecord:
    return SourceRecord(
        url=art.url,
        title=art.title,
        outlet=art.outlet,
        author=art.author,
        published=art.published,
        content_hash=content_hash(art.text),
    )


def prepared_source(
    art: Article, source: SourceRecord | None, published: date | None
) -> SourceRecord:
    """The source an extraction records (the given one or the article's own), with its content
    hash and a publication date filled in: the day relative dates count from."""
    src = source or source_of(art)
    if src.content_hash is None:
        src.content_hash = content_hash(art.text)
    if src.published is None:
        src.published = published or art.published or date.today()
    return src


def extract_article(
    art: Article,
    source: SourceRecord | None = None,
    *,
    published: date | None = None,
    gazetteer: Any = None,
) -> Extraction:
    """Extract claims from an already-read Article (text, Markdown or HTML)."""
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    src = prepared_source(art, source, published)
    pub = published or src.published
    text = art.text
    outlet_voice = narrator(src)
    resolver = _Resolver(gaz, text)
    vocab = lowercase_vocabulary(text)
    claims: list[ClaimRecord] = []
    hits: list[PlaceHit] = []
    memory = _Memory()
    doc = DocState()
    doc.first_source = reporting.introduce_sources(text, doc.people)
    headline = _seed_from_title(text, art.title, gaz, vocab, resolver, memory)
    dateline = dateline_place(text, resolver)
    docx = Doc(text, gaz, vocab, resolver, memory, hits, dateline)
    if headline is not None:
        docx.topic.headline(headline)  # evidence of what the story is about
    else:
        docx.topic.title = art.title or ""  # its place is the first body name it spells out
    # "Translated from X's Telegram channel.", a post exported from X's channel
    doc_source = document_source(text) or channel_source(src.outlet)
    dates_at = SentenceDates(pub)
    run = _Run(docx, doc, dates_at, doc_source, set(), pub, src, outlet_voice)
    last_end = 0
    for s0, s1 in _clauses(text, sentences(text, has_header=art.format != "html", title=art.title)):
        if "\n" in text[last_end:s0]:
            doc.speaker = None  # a new paragraph
            run.pending = None
        last_end = s1
        memory.next_sentence()
        _sentence(run, claims, s0, s1)
        retro_attribution(text, s0, s1, claims, doc)
    if "|" in text:
        claims += table_claims(text, resolver, pub, src, outlet_voice, hits)
    return Extraction(source=src, claims=without_repeats(claims), text=text, places=hits)


@dataclass
class _Run:
    """What the sentence loop threads through one article."""

    docx: Doc
    doc: DocState
    dates_at: Any
    doc_source: tuple[str, int, int] | None
    outlet_names: set[str]
    pub: date
    src: SourceRecord
    outlet_voice: str
    pending: tuple[int, int] | None = None  # claims[a:b] of the sentence before, undated
    prev_made: list[ClaimRecord] = field(default_factory=list)  # the sentence before's claims


def _sentence(run: _Run, claims: list[ClaimRecord], s0: int, s1: int) -> None:
    """The passes over one sentence (clause), appending its claims."""
    d, doc, dates_at = run.docx, run.doc, run.dates_at
    text, memory = d.text, d.memory
    pending, run.pending = run.pending, None
    prev_made, run.prev_made = run.prev_made, []
    voice = attribution_pass(
        text, s0, s1, doc, d.resolver, run.outlet_names, run.doc_source, dates_at
    )
    if voice is None:
        return
    s0, sent = voice.s0, voice.sent
    retro_attribute(claims, text, s0, voice)
    places = places_pass(d, s0, s1, voice)  # mentions, resolution, claimable places
    if pending is not None and places is None and not voice.narration:
        date_from_next(claims, pending, dates_at(s0, sent), sent, run.pub)
    if places is None:
        # "At least 14 people were injured, the mayor said.": a placeless toll is a strike at the
        # story's place
        run.prev_made = toll_claims(run, s0, voice, prev_made, claims)
        claims += run.prev_made
        return
    if listed := listed_next(claims, prev_made, s0, sent, places):
        claims += listed  # "Moscow took three villages. They were A, B and C."
        return
    typed = typing_pass(text, s0, voice, places)  # cue attachment and claim types
    if typed.all_cues or _WAR_WORDS.search(sent):
        memory.cued = memory.sentence  # a sentence about the fighting (its place may carry)
    if not typed.types:
        memory.note_days(dates_at(s0, sent))
        return
    dates, prev_claim_day = dating_pass(  # the sentence's own and borrowed days
        memory, sent, dates_at(s0, sent), voice.carried, doc.carried_day
    )
    made = claims_pass(
        d, s0, voice, places, typed, dates, prev_claim_day, run.pub, run.src, run.outlet_voice
    )
    if voice.narration:
        made = no_second_toll(text, s0, made, prev_made)
    if voice.narration and _EVENT_ANAPHOR_RE.match(sent):
        # "Drones hit X, the ministry said. The attack was the biggest on X since ...": the
        # writer describes the event just reported; no new claim about it
        made = [
            c for c in made if (c.place.id, c.type) not in {(p.place.id, p.type) for p in prev_made}
        ]
    name_the_unnamed(claims, made)
    if made and not dates:
        run.pending = (len(claims), len(claims) + len(made))
    run.prev_made = made
    claims += made
    memory.note_days(dates)


_EVENT_ANAPHOR_RE = re.compile(
    r"^\W*(?:The|This|That|Such\s+an?)\s+(?:(?:latest|overnight|drone|missile|air|ground)\s+)?"
    r"(?:attacks?|strikes?|assaults?|raids?|bombardments?|shelling|barrage|offensive|advance|"
    r"incursion|capture|withdrawal)\b"
)
_WAR_WORDS_RE = re.compile(
    r"(?i)\b(?:offensive|troops|forces|fighting|battles?|attacks?|assaults?|army|military|"
    r"front|shelling|units|brigades?|soldiers|defenders|frontline)\b"
)
_WAR_WORDS = prescreen.Finder(_WAR_WORDS_RE)  # tried only where one of its words begins


def _seed_from_title(
    text: str,
    title: str | None,
    gaz: Any,
    vocab: frozenset[str],
    resolver: _Resolver,
    memory: _Memory,
) -> PlaceRef | None:
    """The settlement a headline names is what "the city" means before the body names one
    ("Kharkiv: how a city lives ..." then "The city has been bombarded ..."); returned."""
    if not title:
        return None
    t0 = text.find(title)
    if t0 < 0:
        return None
    for m in find_names(text, t0, t0 + len(title), gaz, vocab):
        ref, _ties = resolver.resolve(m.query, m.hint)
        if ref is not None and ref.precision == "settlement":
            memory.add(ref, None)
            return ref
    return None


_TURN_RE = re.compile(
    r",\s+but\s+|;\s+(?:but\s+)?|,\s+while\s+|,\s+whereas\s+|"
    # "X said it took the town, hours after Kyiv said it had pulled out": a second voice
    rf",\s+(?:{SAME_DAY_AFTER}|(?:just\s+|only\s+)?(?:days|a\s+day|weeks)\s+(?:after|before))\s+"
)


# ", although open-source footage suggests that ...": the writer weighs the claim against
# evidence; what follows is the writer's own account, not the claimant's
_EVIDENCE_TURN_RE = re.compile(
    r"(?i),\s+(?:although|though|but|while|whereas|even\s+though)\s+(?:[\w'’()-]+\s+){0,10}?"
    r"(?:evidence|footage|imagery|images|videos?|photos?|photographs|reporting|reports|data)\s+"
    r"(?:\w+\s+){0,2}?(?:suggests?|suggested|shows?|showed|indicates?|indicated|confirms?|"
    r"confirmed)\s+(?:that\s+)?"
)


_TURN_WORDS = (";", "but", "while", "whereas", "after", "before")  # every _TURN_RE match holds one


def _may_turn(seg: str) -> bool:
    """Whether `seg` holds a word every turn holds (substring scans; the regex enters its
    branches at every comma)."""
    return any(map(seg.__contains__, _TURN_WORDS))


def _clauses(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, with "X said A, but Y said B" cut in two: each side's claim gets its own
    claimant (the cut is made only where the second part has an attribution of its own, or
    is the writer's evidence against the first)."""
    out: list[tuple[int, int]] = []
    for s0, s1 in spans:
        start = s0
        if (cut := contrast_cut(text, s0, s1)) is not None:
            out.append((s0, cut[0]))  # "While Moscow says A, Kyiv maintains B"
            start = cut[1]
        turns = _TURN_RE.finditer(text, start, s1) if _may_turn(text[start:s1]) else ()
        for m in turns:
            right = text[m.end() : s1]
            att = cl.attribute(right)
            if att.claimant and att.attribution and att.attribution[0] <= 2:
                out.append((start, m.start()))
                start = m.end()
        if (ev := _EVIDENCE_TURN_RE.search(text, start, s1)) is not None:
            out.append((start, ev.start()))
            start = ev.end()
        out.append((start, s1))
    return out
