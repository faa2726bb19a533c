"""The public extractor: article text (+ metadata) -> dated, sourced claims, no database needed.

Per body sentence: split attribution from content (claimants.py), find places (mentions.py),
attach claim-type cues to the places they govern (verbs.py), resolve dates against the
publication date (dates.py), and emit one ClaimRecord per (place, type) with the sentence as
the quote and its offsets into the text the extractor read.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from geomap.extract import claimants as cl
from geomap.extract import reporting, verbs
from geomap.extract.cues import (  # noqa: F401 - re-exported for callers and tests
    _ANAPHORIC_ATTACK_RE,
    _APPOSITIVE_LOCATOR_RE,
    _AREA_NEIGHBOURS,
    _ATTRIBUTIVE_AFTER_RE,
    _BUT_REPELLED_RE,
    _CLAUSE_BREAK_RE,
    _COMMA_RE,
    _COORD_GAP_RE,
    _DASH_GAP_RE,
    _DENIAL_IN_CONTENT_RE,
    _IT_OBJECT_RE,
    _MAX_MENTION,
    _NEGATION_RE,
    _NOT_RE,
    _OF_END_RE,
    _RELATIVE_END_RE,
    _RELATIVE_GAP_RE,
    _TIGHT_GAP_RE,
    _TYPE_PRIORITY,
    _UNKNOWN_OBJECT_AFTER_RE,
    _UNKNOWN_OBJECT_RE,
    _assessed,
    _attach,
    _claimable,
    _coordinated,
    _coordinated_before,
    _cue_types,
    _denied_in_content,
    _Marks,
    _SpanMarks,
    _unknown_object_after,
    relative_asides,
    without,
)
from geomap.extract.dates import DateHit, find_dates
from geomap.extract.dating import _date_for, _pick_date  # noqa: F401
from geomap.extract.mentions import (
    THEATRE_COUNTRIES,
    Mention,
    find_names,
    find_refs,
    lowercase_vocabulary,
)
from geomap.extract.reader import Article, detect_format, read_html, read_text
from geomap.extract.resolution import (  # noqa: F401 - re-exported (bench, tests)
    _ANCHOR_SPAN,
    _CONTEXT_POINTS,
    _CONTEXT_PREFIX_RE,
    _CONTEXT_RE,
    _LOCATOR_GAP_RE,
    _MUNICIPALITY_AFTER_RE,
    _NAMED_BONUS,
    _NIGHT_RE,
    _NOUN_POP,
    _RESOLVE_CACHES,
    _THEATRE_PRIOR,
    PlaceHit,
    _another_name,
    _in_named_region,
    _Memory,
    _nearest,
    _resolve_mentions,
    _Resolver,
    context_digest,
)
from geomap.extract.rules import default_sides
from geomap.extract.sentences import sentences
from geomap.extract.tables import controller as table_controller
from geomap.extract.tables import table_rows
from geomap.extract.transcripts import Speaker, resolve_speaker, speaker_label
from geomap.records import ClaimRecord, PlaceRef, SourceRecord, content_hash

EXTRACTOR = "rules"
VERSION = "0.36.0"

_DAY_BEFORE_RE = re.compile(
    r"(?i)\b(?:a\s+day\s+(?:earlier|before)|the\s+(?:previous|prior)\s+"
    r"day|the\s+day\s+(?:before|prior))\b"
)
# a sentence introducing a source whose words follow: "Moscow offered a different picture."
_ACCOUNT_RE = re.compile(
    r"^\s*((?:[\w'’.-]+\s+){1,6}?)(?:gave|offered|had|painted|presented|provided|published|"
    r"issued|released|put\s+out|told)\s+(?:\w+\s+){0,3}?(?:account|version|picture|story|"
    r"view|assessment|statement|briefing|update|figures|tally)\b",
    re.I,
)
# a source named as silent on one point speaks in the next sentence ("Russia's Defence
# Ministry has made no claim about X. On Wednesday it said ...")
_VERDICT_RE = re.compile(
    r"^\s*(?:The|This|That|These|Those|Such)\s+(?:[\w-]+\s+){0,2}?(?:claims?|reports?|assertions?|"
    r"allegations?|videos?|footage|posts?|stor(?:y|ies))\s+(?:is|are|was|were)\s+(?:\w+\s+)?"
    r"(?:false|untrue|fake|baseless|fabricated|groundless|wrong|not\s+true)\b"
)
_SILENT_SOURCE_RE = re.compile(
    r"^\s*((?:[\w'’.-]+\s+){1,6}?)(?:(?:has|had|have)\s+)?(?:made|make|makes|issued)\s+no\s+"
    r"(?:\w+\s+)?(?:claim|comment|statement|mention)|^\s*((?:[\w'’.-]+\s+){1,6}?)(?:did|does|"
    r"has|had)\s+not\s+(?:yet\s+)?(?:comment(?:ed)?|mention(?:ed)?|confirm(?:ed)?)\b|"
    r"^\s*((?:[\w'’.-]+\s+){1,6}?)declined\s+to\s+comment\b",
    re.I,
)
# "a missile struck a building on its outskirts": the place just named
_ITS_PART_RE = re.compile(
    r"\bits\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?(?:outskirts|centre|center|edges?|suburbs|approaches|flanks?|districts?|"
    r"environs|periphery)\b"
)


def _its_parts(text: str, s0: int, s1: int) -> list[Mention]:
    return [
        Mention(m.start(), m.end(), m.group(0), "", "settlement", "ref-settlement", noun="its")
        for m in _ITS_PART_RE.finditer(text, s0, s1)
    ]


# "Moscow said it wants to take the whole of X": a goal, not a claim about X
_GOAL_RE = re.compile(
    r"(?i)\b(?:wants?|wanted|aims?|aimed|plans?|planned|seeks?|sought|hopes?|hoped|intends?|"
    r"intended|vows?|vowed|pledged?|promised?|threatens?|threatened|demands?|demanded)\s+"
    r"(?:\w+\s+)?to\b"
)
_SAME_DAY_RE = re.compile(r"(?i)\b(?:the\s+same\s+(?:day|night|morning|evening)|that\s+day)\b")
_ANSWERED_RE = re.compile(
    r"\b(?:the|this|that|these|those|such|any|Russia['’]s|Moscow['’]s|Ukraine['’]s|Kyiv['’]s|"
    r"Russian|Ukrainian)\s+(?:\w+\s+)?(?:claims?|reports?|accusations?|allegations?|"
    r"statements?|assertions?|involvement|responsibility|role|assessments?|versions?|"
    r"accounts?|figures)\b",
    re.I,
)
_LOCATIVE_INTRO_RE = re.compile(r"\s*(?:In|At|Near|Outside)\s+[^,]{2,80},\s")
_BARE_ANSWER_RE = re.compile(r"\s*(?:it|this|that|so)\s*(?:[,.;:]|$)", re.I)
_OWN_FORCES_RE = re.compile(
    r"\b(Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+(?:armed\s+)?(?:forces|troops|units|"
    r"defenders|soldiers|brigades?|military|army)\b",
    re.I,
)
_COMBATANT_RE = re.compile(
    r"\b(?:brigade|battalion|regiment|company|platoon|unit|soldiers?|servicem[ae]n|fighters?|"
    r"drone\s+operators?|gunners?|commanders?|officers?|general\s+staff|military|army|"
    r"troops|marines|paratroopers|border\s+guards?|group(?:ing)?s?\s+of\s+(?:forces|troops))\b",
    re.I,
)
_SIDE_BY_COUNTRY = {"UA": "ukraine", "RU": "russia"}
# "Russian forces attempted 24 ground attacks near X, the group of forces said": attacks
# counted by the defender, not the attacker's own report
_COUNTED_ATTACKS_RE = re.compile(
    r"\s+(?:have\s+|had\s+)?(?:attempted|tried|launched|carried\s+out|conducted|mounted|made)\s+"
    r"(?:\d+|[a-z]+-?[a-z]*)\s+(?:[\w-]+\s+){0,2}?(?:attacks|assaults|attempts|offensive\s+actions)\b"
)
_UNIT_RE = re.compile(
    r"\b(?:group\s+of\s+forces|grouping|operational(?:[\s-]+(?:and|strategic|tactical))*[\s-]+"
    r"group|brigade|battalion|regiment|corps)\b",
    re.I,
)
# "KRAMATORSK, Ukraine (AP) — ...": the wire dateline that opens the body
_DATELINE_RE = re.compile(
    r"^([A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,2}),\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*)?"
    r"(?:\([^)\n]{1,30}\)\s*)?[-—–]",
    re.M,
)
# a direct quote in the first person plural: the speaker's own unit ("We hold the line")
_QUOTE_OPEN_RE = re.compile(r"\s*[\"“‘']")
_WHOLE_QUOTE_RE = re.compile(r"\s*[\"“][^\"“”]{3,400}[\"”]?\s*")
# "He said:" / "The ministry wrote in a statement:" closing its paragraph: the paragraphs after
# it are the speaker's words (a live blog's block quote) until a heading or another source
_BLOCK_INTRO_RE = re.compile(
    r"[^\n]{1,120}?\b(?:said|says|wrote|writes|added|stated|posted|told\s+(?:\w+\s+){0,2}?\w+)"
    r"(?:\s+(?:in|on)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?\s*:\s*"
)
# "X likely prematurely claimed", "X probably announced": the writer's hedged judgement of
# the claim-making, in the writer's voice (an analyst's assessment, not the claimant's claim)
_JUDGED_SPEECH_RE = re.compile(
    r"\b(?:likely|probably|possibly)\s+"
    r"(?:(?:prematurely|falsely|wrongly|erroneously|misleadingly)\s+)?"
    r"(?:claimed|claims|claim|announced|announces|reported|reports|declared|declares)\b",
    re.I,
)
# "Russia also switched to defence near X": a subject of a few words, then "also" and a verb
_ALSO_GOES_ON_RE = re.compile(
    r"^\s*[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}?\s+also\s+(?!said\b|says\b|told\b)"
    # ("The villages are also some 30 km from X": the writer's geography, not the report)
    r"(?!(?:some|about|around|roughly|located|situated|home|known)\b)[a-z]{3,}\b"
)
_BARE_QUOTE_LABEL_RE = re.compile(r"^\s*Quote\s*:\s*")
# "The two villages are also some 30 km north of X": a description, not the report going on
_BE_ALSO_RE = re.compile(r"\b(?:is|are|was|were|lies|lie)\s+also\b")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’')\]]*\s*$")
_FIRST_PERSON_RE = re.compile(r"\b(?:we|our|us)\b", re.I)
_GROUND_TYPES = frozenset({"holding", "fighting", "advancing", "withdrawn"})


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
    author = re.sub(r"(?i)^by\s+|\s+for\s+geomap$", "", (src.author or "").strip()).strip()
    return author or "the outlet"


EXTRACTOR_TOOL = "geomap"


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


@dataclass
class _DocState:
    """What the sentences so far leave to the next one: the voice in effect."""

    prev_claimant: tuple[str | None, str | None] = (None, None)
    carried_day: date | None = None  # the day of a sentence that introduced the next source
    prev_quoted: bool = False  # the sentence before was an attributed direct quote
    in_quote: bool = False  # a quotation opened in an earlier sentence is still open
    prev_attributed: bool = False  # the sentence before had a claimant
    last_state: str | None = None  # the state the article last quoted
    speaker: Speaker | None = None  # the transcript speaker of the current paragraph
    block: tuple[str, str | None] | None = None  # the voice of a block quote ("He said:")
    people: dict[str, str] = field(default_factory=dict)  # surname -> its introduction
    first_source: str | None = None  # the "Source:" line's first source ("Quote: ...")


@dataclass
class _Voice:
    """The attribution pass's result for one sentence: who speaks, for which side, and where
    the claimed content lies."""

    s0: int
    sent: str
    att: cl.Attribution
    claimant: str | None
    side: str | None
    spans: list[tuple[int, int]]
    spoken: bool
    verdict: bool
    carried: bool
    retracted: bool
    narration: bool
    attr_rule: str


def _attribution_pass(
    text: str,
    s0: int,
    s1: int,
    doc: _DocState,
    resolver: _Resolver,
    outlet_names: set[str],
    doc_source: tuple[str, int, int] | None,
    dates_at: Any,
) -> _Voice | None:
    """Attribution: the sentence's claimant and side (a speaker label, a translated source's
    voice, a quotation going on, a pronoun, a bare ministry), and the content spans; updates
    the carried voice in `doc`. None: the sentence is the note naming the source."""
    s0, bare_quote = _labels(text, s0, s1, doc, resolver, outlet_names)
    sent = text[s0:s1]
    att = cl.attribute(sent)
    if bare_quote and doc.first_source:
        # "Source: X, Head of ...; Y" then "Quote: ...": the first source's words
        who = doc.first_source
        att = cl.Attribution(who, cl.side_of(who), (0, len(sent)), (0, 0), "quote")
    if not att.denial and reporting.FALSE_REPORT_RE.search(sent, att.content[0], att.content[1]):
        att = replace(att, denial=True)  # "Also untrue are statements that X has been captured"
    if att.attribution and _JUDGED_SPEECH_RE.search(sent, *att.attribution):
        # "The Kremlin likely prematurely claimed X": the writer judges the claim-making
        att = cl.Attribution(None, None, (0, len(sent)), None, None)
    block = _block_quoted(sent, att, doc)
    if block is not None:
        att = block
    att, spoken = _spoken_voice(sent, att, doc)
    if doc_source is not None:
        if doc_source[1] <= s0 and s1 <= doc_source[2]:
            return None  # the note naming the source is no claim itself
        att = _translated_voice(sent, att, doc, doc_source)
    spans = [(s0 + att.content[0], s0 + att.content[1])]
    if att.extra:
        spans.append((s0 + att.extra[0], s0 + att.extra[1]))
    att, later_rule = _quote_attributed_later(text, s0, s1, att, doc)
    att, quote_rule = _continued_quote(sent, att, doc)
    quote_rule = quote_rule or later_rule
    doc.in_quote = _quote_open_after(sent, doc.in_quote)
    doc.prev_attributed = att.claimant is not None
    doc.prev_quoted = bool(
        att.claimant and att.attribution and _QUOTE_OPEN_RE.match(sent, att.content[0])
    )
    verdict = att.claimant is None and bool(_VERDICT_RE.match(sent))
    if verdict:
        # "The claim is false.": the outlet's own verdict denies the claim just reported
        att = cl.Attribution(None, None, (0, len(sent)), None, None, denial=True)
    said = _said(att, sent, doc, spoken, quote_rule, block is not None)
    said = _introduced(text, s0 + (att.attribution or (0, 0))[0], said)
    if said.claimant is None:
        _note_account(sent, s0, doc, dates_at)
    retracted = _retracted(text, s0, s1, said.claimant)
    if said.claimant and block is None and _opens_block(text, s1, sent):
        doc.block = (said.claimant, said.side)
    _remember_voice(doc, said, att, s0, sent, dates_at)
    return _Voice(
        s0, sent, att, said.claimant, said.side, spans, spoken, verdict, said.carried,
        retracted, said.claimant is None, said.rule,
    )  # fmt: skip


def _labels(
    text: str, s0: int, s1: int, doc: _DocState, resolver: _Resolver, outlet_names: set[str]
) -> tuple[int, bool]:
    """Where the sentence's words begin after a label: a bare "Quote:" under a Source line
    (True), or a transcript speaker's "WHITLOCK:" (the label is no part of the claim; a place
    as the label, "**Kupiansk:** ...", stays: it is where it happened)."""
    bq = _BARE_QUOTE_LABEL_RE.match(text[s0:s1]) if doc.first_source else None
    if bq is not None:
        return s0 + bq.end(), True
    if (lab := speaker_label(text, s0, s1)) is not None and not _place_label(lab[1], resolver):
        doc.speaker = resolve_speaker(text, lab[1], lab[2], outlet_names)
        return s0 + lab[0], False
    return s0, False


def _spoken_voice(sent: str, att: cl.Attribution, doc: _DocState) -> tuple[cl.Attribution, bool]:
    """A transcript speaker's voice for a sentence naming no claimant of its own."""
    if att.claimant is None and doc.speaker is not None and doc.speaker.claimant:
        n = len(sent)
        claimant = doc.speaker.claimant
        return cl.Attribution(claimant, cl.side_of(claimant), (0, n), (n, n), "said"), True
    return att, False


def _translated_voice(
    sent: str, att: cl.Attribution, doc: _DocState, doc_source: tuple[str, int, int]
) -> cl.Attribution:
    """A text that is one source's statement in translation: its sentences are that
    source's words, not the outlet's."""
    if att.claimant is None and doc.speaker is None:
        n = len(sent)
        return cl.Attribution(doc_source[0], cl.side_of(doc_source[0]), (0, n), (n, n), "said")
    return att


def _quote_attributed_later(
    text: str, s0: int, s1: int, att: cl.Attribution, doc: _DocState
) -> tuple[cl.Attribution, str | None]:
    """'"A. B. C," the mayor said.': a quotation of several sentences names its speaker after
    it closes; its first sentence takes that voice (the next ones follow as a quote going on)."""
    sent = text[s0:s1]
    if att.claimant is not None or doc.in_quote or not _QUOTE_OPEN_RE.match(sent):
        return att, None
    if not _quote_open_after(sent, False):
        return att, None
    pe = _para_end(text, s1)
    close = re.search(r"[\"”]", text[s1:pe])
    if close is None:
        return att, None
    q = s1 + close.end()
    stop = re.search(r"[.!?](?:\s|$)", text[q:pe])
    whole = text[s0 : q + (stop.end() if stop else pe - q)]
    later = cl.attribute(whole)
    if not later.claimant or not later.attribution or later.attribution[0] < q - s0 - 2:
        return att, None
    n = len(sent)
    return cl.Attribution(later.claimant, later.side, (0, n), (n, n), later.verb), (
        "attr.quote-attributed-later"
    )


def _continued_quote(
    sent: str, att: cl.Attribution, doc: _DocState
) -> tuple[cl.Attribution, str | None]:
    """The previous speaker's voice for a quotation or a report going on, with the id of the
    rule that carried it (None: a lone quote after an attributed one, or no carry)."""
    if att.claimant is not None or not doc.prev_claimant[0]:
        return att, False
    n = len(sent)
    voice = cl.Attribution(doc.prev_claimant[0], doc.prev_claimant[1], (0, n), (n, n), "said")
    if doc.prev_quoted and _WHOLE_QUOTE_RE.fullmatch(sent):
        # '"They come every night," he said. "We hold the line."': a quote standing alone
        # right after an attributed quote goes on in the same voice
        return voice, None
    if doc.in_quote or (doc.prev_attributed and _QUOTE_OPEN_RE.match(sent)):
        # 'the ministry said. "Units liberated X. During the fight, ..."': a quotation
        # opening right after an attributed sentence, and every sentence inside it, is
        # the doc.speaker's statement
        return voice, "attr.quote-continues"
    if (
        doc.prev_attributed
        and (am := _ALSO_GOES_ON_RE.match(sent))
        and not _BE_ALSO_RE.search(am.group(0))
    ):
        # "..., the general said. Russia also moved reserves to X": "also" adds to the
        # report just attributed (reported speech going on without a new "said")
        return voice, "attr.also-continues"
    return att, None


@dataclass
class _Said:
    """Who a sentence's words belong to, after pronouns and bare institutions are settled."""

    claimant: str | None
    side: str | None
    carried: bool
    rule: str


def _said(
    att: cl.Attribution,
    sent: str,
    doc: _DocState,
    spoken: bool,
    quote_rule: str | None,
    block: bool,
) -> _Said:
    """The claimant and side: a bare institution takes the state the article last quoted, a
    pronoun the previous claimant; with the id of the attribution rule that decided."""
    claimant, side = att.claimant, att.side
    attr_rule = quote_rule or _attribution_rule(att, spoken)
    if block:
        attr_rule = "attr.block-quote"
    if side is None and (inst := reporting.institution_side(claimant, sent, doc.last_state)):
        side = inst  # "the defence ministry announced", after "Russia said ..."
        attr_rule = "attr.institution-side"
    if (
        side is None
        and claimant
        and doc.prev_claimant[1]
        and _part_of(claimant, doc.prev_claimant[0])
    ):
        # "Ukraine's Center for Countering Disinformation said ... . The center's head said":
        # a part of the source just quoted speaks for its side
        side = doc.prev_claimant[1]
        attr_rule = "attr.same-organisation"
    if side is None and (intro := reporting.introduction(claimant, doc.people)):
        # "Cherevaty said", after "Serhiy Cherevaty, a spokesman for Ukraine's eastern group"
        claimant, side = intro, cl.side_of(intro)
        attr_rule = "attr.person-introduced"
    carried = bool(
        claimant
        and cl.is_pronoun(claimant)
        and doc.prev_claimant[0]
        and _same_source(claimant, doc.prev_claimant[0])
    )
    if carried:
        claimant, side = doc.prev_claimant
        attr_rule = "attr.pronoun-carried"
    return _Said(claimant, side, carried, attr_rule)


def _introduced(text: str, upto: int, said: _Said) -> _Said:
    """A claimant named by surname or bare title ("Petrenko said", "the spokesperson") takes
    the side of the phrase that first introduced them ("Ivan Petrenko, spokesman for the
    Ukrainian army's Eastern group"); a local official so introduced speaks for the place."""
    if said.side is not None or not said.claimant or cl.is_local_official(said.claimant):
        return said
    intro = cl.introduction(text, upto, said.claimant)
    if intro is None:
        return said
    if side := cl.side_of(intro):
        return replace(said, side=side, rule="attr.introduced")
    if cl.is_local_official(intro):
        return replace(said, claimant=f"{said.claimant} ({intro})", rule="attr.introduced")
    return said


_ORG_PART_RE = re.compile(r"(?i)^the\s+([a-z]{4,})['’]s\s+")


def _part_of(claimant: str, prev: str | None) -> bool:
    """ "the center's head Andrii Kovalenko" after "Ukraine's Center for ...": the same body."""
    m = _ORG_PART_RE.match(claimant)
    return bool(m and prev and re.search(rf"(?i)\b{m.group(1)}\b", prev))


def _note_account(sent: str, s0: int, doc: _DocState, dates_at: Any) -> None:
    """ "Russia's defence ministry gave its own account. Its troops, it said, ...": the source
    introduced by one sentence speaks in the next."""
    tm = _ACCOUNT_RE.match(sent) or _SILENT_SOURCE_RE.match(sent)
    if tm is None:
        return
    tc = next(g for g in tm.groups() if g).strip()
    if cl.side_of(tc):
        doc.prev_claimant = (tc, cl.side_of(tc))
        doc.prev_attributed = True  # its words may follow as a quotation
        days = [d for d in dates_at(s0, sent) if d.precision == "day"]
        doc.carried_day = days[-1].value if days else None


def _retracted(text: str, s0: int, s1: int, claimant: str | None) -> bool:
    """ "Correction: on Tuesday we reported that X had been recaptured. That was wrong": a
    retracted report is no claim (its places still feed references)."""
    return bool(
        claimant
        and _OWN_PAST_REPORT_RE.match(claimant)
        and _CORRECTION_RE.search(text, max(0, text.rfind("\n", 0, s0)), _para_end(text, s1))
    )


def _remember_voice(
    doc: _DocState, said: _Said, att: cl.Attribution, s0: int, sent: str, dates_at: Any
) -> None:
    """Carry the voice to the next sentences: the last state quoted, the claimant, and the
    day of the attribution."""
    if said.side in ("russia", "ukraine"):
        doc.last_state = said.side
    if not said.claimant:
        return
    if said.side in ("russia", "ukraine") or cl.is_local_official(said.claimant):
        reporting.introduce(said.claimant, doc.people)
    doc.prev_claimant = (said.claimant, said.side)
    if not said.carried:
        # "Zelensky said on Nov. 2 that ... . Ukrainian forces, he said, ...": the day
        # of the attribution carries to the pronoun's sentence
        a0, a1 = att.attribution or (0, 0)
        days = [d for d in dates_at(s0, sent) if d.precision == "day" and a0 <= d.start < a1 + 20]
        doc.carried_day = days[-1].value if days else None


@dataclass
class _Doc:
    """The per-article tools the passes share."""

    text: str
    gaz: Any
    vocab: frozenset[str]
    resolver: _Resolver
    memory: _Memory
    hits: list[PlaceHit]
    dateline: PlaceRef | None


@dataclass
class _Places:
    """The places pass's result: the claimable places of the sentence, in text order, and the
    content spans (an introductory locative may add one)."""

    claimable: list[tuple[Mention, PlaceRef]]
    spans: list[tuple[int, int]]
    intro_end: int  # end of an introductory "In X," before the claimant, else -1
    quoted_we: bool  # a first-person quote placed by the dateline or the sentence before
    carried: bool = False  # the place was carried from the sentence before (no place named)


def _places_pass(d: _Doc, s0: int, s1: int, v: _Voice) -> _Places | None:
    """Mentions and resolution: the sentence's places, which of them the content claims
    about (answered claims, an official's own town, a quote's dateline), or None."""
    text, memory = d.text, d.memory
    att, claimant = v.att, v.claimant
    items = sorted(
        find_names(text, s0, s1, d.gaz, d.vocab)
        + find_refs(text, s0, s1)
        + _its_parts(text, s0, s1),
        key=lambda m: m.start,
    )
    resolved = _resolve_mentions(items, d.resolver, memory, d.hits, s0, text)
    if v.retracted:
        memory.last_claims = []
        return None
    if att.attribution and cl.is_local_official(claimant):
        resolved = _officials_city(resolved, att, s0)
    pl = _with_intro(text, resolved, v, s0)
    spans = pl.spans
    main_empty = not any(spans[0][0] <= m.start < spans[0][1] for m, _r in pl.claimable)
    if main_empty and att.denial and memory.last_claims:
        answered = _answered(text, spans, memory)
        named = {r.id for _m, r in pl.claimable} & {r.id for _m, r in answered}
        if named:  # "denied the report, saying Russian forces were not in control of X": X only
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
        and not (v.narration and _QUOTE_OPEN_RE.match(text, spans[0][0]))  # a speakerless quote
        and not _UNNAMED_SPOT_RE.search(v.sent)  # "..., without naming his location"
        and (carried := _carried_place(d, items, s1, spans))
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
# a sentence naming a kind of place names its own (maybe unknown) place: nothing is carried
_PLACE_NOUN_RE = re.compile(
    r"(?i)\b(?:villages?|towns?|cit(?:y|ies)|settlements?|hamlets?|regions?|oblasts?|"
    r"provinces?|districts?|areas?|directions?|sectors?|front|front-?lines?|front\s+lines?)\b"
)
_CARRY_TYPES = frozenset({"fighting", "holding", "advancing", "withdrawn"})


def _carrying_cues(text: str, cues: list[verbs.Cue]) -> list[verbs.Cue]:
    """The cues that can carry the place of the sentence before: a ground verb (not one that
    must take its object at once: "reached" says nothing without one), or any claim verb
    whose object is "it" ("Moscow said its troops had captured it")."""
    return [
        c
        for c in cues
        if not c.weak
        and (
            (c.type in _CARRY_TYPES and c.attach != "obj0")
            or (
                c.attach in ("obj", "obj0")
                and c.type not in ("other", "assessment")
                and _IT_OBJECT_RE.match(text, c.end)
            )
        )
    ]


def _carried_place(
    d: _Doc, items: list[Mention], s1: int, spans: list[tuple[int, int]]
) -> tuple[Mention, PlaceRef] | None:
    """ "Russian troops entered X on Monday. Street fighting is going on, the mayor said.": a
    ground claim naming no place at all goes on about the one settlement the sentence before
    named or claimed about."""
    c0, c1 = spans[0]
    if any(not m.actor for m in items) or _PLACE_NOUN_RE.search(d.text, c0, s1):
        return None
    cues = [replace(c, start=c0 + c.start, end=c0 + c.end) for c in verbs.find_cues(d.text[c0:c1])]
    if not _carrying_cues(d.text, cues):
        return None
    ref = d.memory.previous_settlement()
    if ref is None:
        return None
    return Mention(c0, c0, ref.name, ref.name, "settlement", "ref-carried", noun="carried"), ref


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


def _with_intro(text: str, resolved: list[tuple[Mention, PlaceRef]], v: _Voice, s0: int) -> _Places:
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
        return _Places(_claimable(text, resolved, spans), spans, s0 + att.attribution[0], False)
    return _Places(claimable, spans, -1, False)


def _answered(
    text: str, spans: list[tuple[int, int]], memory: _Memory
) -> list[tuple[Mention, PlaceRef]]:
    """ "Kyiv rejected the claim", "Kyiv denied that, saying ...": the places of the claim
    being answered."""
    rm = _ANSWERED_RE.search(text, spans[0][0], spans[0][1]) or _BARE_ANSWER_RE.match(
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


def _quote_home(d: _Doc) -> PlaceRef | None:
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


@dataclass
class _Typing:
    """The typing pass's result: a claim type per claimable place (by index: priority,
    distance, type, cue offset in the sentence), the sentence's cues, and second claims."""

    types: dict[int, tuple[int, int, str, int]]
    all_cues: list[verbs.Cue]
    cue_jobs: list[tuple[int, str, int]]  # second claims on a place (a repelled attack)
    intro_jobs: list[tuple[int, str, int]]  # an introductory place's aside and content
    fallback: bool  # the single place took the sentence's type without a governing verb


def _typing_pass(text: str, s0: int, v: _Voice, pl: _Places) -> _Typing:
    """Cue attachment and typing: each cue types the place it governs; an introductory
    place takes the content's type; a denial types the answered places; a lone place may
    take a loose cue's type (never an untyped "other" unless hedged)."""
    att, narration, verdict = v.att, v.narration, v.verdict
    claimable, spans, intro_end = pl.claimable, pl.spans, pl.intro_end
    cue_jobs: list[tuple[int, str, int]] = []  # second claims on a place (repelled)
    asides = relative_asides(text, claimable, spans)
    typing_spans = without(spans, [(a.start, a.end) for a in asides])
    types, all_cues = _cue_types(text, typing_spans, claimable, narration, s0, cue_jobs)
    content_cues = [c for c in all_cues if c.start >= intro_end and not c.weak]
    intro_jobs = _type_intro(claimable, intro_end, content_cues, s0, types)
    _type_denied(claimable, att, verdict, s0, types)
    for a in asides:
        # "X, which Ukrainian forces had recently liberated": the writer's background on X
        all_cues.append(a.cue)
        pos = a.cue.start - s0
        if a.idx not in types:
            types[a.idx] = (_TYPE_PRIORITY["captured"], 999, "captured", pos)
        else:
            cue_jobs.append((a.idx, "captured", pos))
    fallback = False
    if pl.carried:
        # the carried place takes the strongest ground cue of the sentence, or the verb of "it"
        ground = _carrying_cues(text, all_cues)
        best = min(ground, key=lambda c: _TYPE_PRIORITY[c.type]) if ground else None
        types = {0: (_TYPE_PRIORITY[best.type], 999, best.type, best.start - s0)} if best else {}
    elif not types and _may_fall_back(text, v, pl, all_cues):
        # where someone spoke ("spoke to reporters outside the city") is no claim; nor is
        # a place naming a product or people ("Kherson watermelons", "Kharkiv residents")
        fallback = True
        # a verb that must take its place at once ("took", "reached") and did not
        # ("reached a deal in X") says nothing about the place
        loose = [
            c
            for c in all_cues
            if c.attach != "obj0"
            and not _GENERIC_OBJECT_BEFORE_RE.search(text, max(0, c.start - 60), c.start)
        ]
        first = loose[0].type if loose else "other"
        if first != "other" or att.denial or _assessed(_Marks(text, spans), claimable[0][0]):
            # (deleted in 0.33 unless hedged: an untyped "other" fallback claim - on the real
            # dev split it made 5 false and 0 true claims, on the held-out texts 2 and 0)
            types[0] = (_TYPE_PRIORITY[first], 999, first, -1)
        else:
            fallback = False
    if not types and att.denial and len(claimable) > 1:
        # "dismissed Russia's statements about the blockade of forces in A and B": a denial
        # names every place of the claim it answers
        c0, c1 = spans[0]
        types.update(
            {
                i: (_TYPE_PRIORITY["denied"], 999, "denied", -1)
                for i, (m, _r) in enumerate(claimable)
                if c0 <= m.start < c1
            }
        )
    return _Typing(types, all_cues, cue_jobs, intro_jobs, fallback)


def _type_intro(
    claimable: list[tuple[Mention, PlaceRef]],
    intro_end: int,
    content_cues: list[verbs.Cue],
    s0: int,
    types: dict[int, tuple[int, int, str, int]],
) -> list[tuple[int, str, int]]:
    """An introductory place ("In Izium, officials said ...") takes the content's strongest
    type; returns second claims for an intro place the aside typed otherwise."""
    intro_jobs: list[tuple[int, str, int]] = []
    if intro_end < 0 or not content_cues:
        return intro_jobs
    best_cue = min(content_cues, key=lambda c: _TYPE_PRIORITY[c.type])
    for idx, (m, _ref) in enumerate(claimable):
        if m.start < intro_end and idx not in types:  # the scene of the content
            types[idx] = (_TYPE_PRIORITY[best_cue.type], 999, best_cue.type, best_cue.start - s0)
        elif m.start < intro_end and types[idx][2] != best_cue.type:
            # "In Izium, which troops retook in 2022, officials said a missile hit
            # the station": the aside's claim and the content's
            intro_jobs.append((idx, best_cue.type, best_cue.start - s0))
    return intro_jobs


def _type_denied(
    claimable: list[tuple[Mention, PlaceRef]],
    att: cl.Attribution,
    verdict: bool,
    s0: int,
    types: dict[int, tuple[int, int, str, int]],
) -> None:
    """A denial types the answered places; the outlet's verdict the claim it answers."""
    if att.denial and types:
        main0, main1 = s0 + att.content[0], s0 + att.content[1]
        for idx, (m, _ref) in enumerate(claimable):
            # the answered claim itself, or a place the denial names without a verb
            # ("called the report about X a fake, saying ...")
            if (m.kind == "ref-claim" or main0 <= m.start < main1) and idx not in types:
                types[idx] = (_TYPE_PRIORITY["denied"], 999, "denied", -1)
    if verdict and not types:
        types.update(
            {
                idx: (_TYPE_PRIORITY["denied"], 999, "denied", -1)
                for idx, (m, _r) in enumerate(claimable)
                if m.kind == "ref-claim"
            }
        )


# "to take back territory captured by Moscow": the participle's object is the generic noun
# before it, not the sentence's place
_GENERIC_OBJECT_BEFORE_RE = re.compile(
    r"(?i)\b(?:territor(?:y|ies)|lands?|areas?|ground|villages|settlements|towns|positions)\s+"
    r"(?:(?:it|they|Russia|Ukraine|Moscow|Kyiv)\s+(?:had\s+|has\s+)?)?$"
)


def _may_fall_back(text: str, v: _Voice, pl: _Places, all_cues: list[verbs.Cue]) -> bool:
    """Whether a sentence with no attached cue may still claim about its one place."""
    att, side, claimant = v.att, v.side, v.claimant
    claimable, spans = pl.claimable, pl.spans
    return bool(
        not v.narration
        and len({ref.id for _m, ref in claimable}) == 1
        and (all_cues or side is not None or att.denial)
        and not _GOAL_RE.search(text, spans[0][0], spans[0][1])
        and (att.verb or "").lower() not in ("spoke", "speaking")
        and not claimable[0][0].area  # "lost 190 troops in the X direction"
        # "took the village of Zolotokrai near X": the verb has its own (unknown) object
        and not any(_unknown_object_after(text, c, claimable) for c in all_cues)
        and (all_cues or att.denial or not _ATTRIBUTIVE_AFTER_RE.match(text, claimable[0][0].end))
        # a third party's cue-less remark ("the situation at the plant remained
        # fragile") is commentary, not a claim about the place
        and (
            all_cues
            or att.denial
            or side in ("russia", "ukraine")
            or cl.is_local_official(claimant)
            or verbs.is_assessment(text[spans[0][0] : spans[0][1]])
        )
    )


def _dating_pass(
    memory: _Memory, sent: str, found: list[DateHit], carried: bool, carried_day: date | None
) -> tuple[list[DateHit], tuple | None]:
    """Dating: the sentence's date expressions, plus the days a sentence borrows ("a day
    earlier", "the same day", a carried source's day); and the claim day of the sentence
    before when this one has no date of its own."""
    dates = list(found)
    prev_claim_day = (
        memory.last_claim_day
        if not dates and memory.last_claim_day and memory.sentence - memory.last_claim_day[3] == 1
        else None
    )
    if memory.last_day and (db := _DAY_BEFORE_RE.search(sent)):
        # "On Wednesday ... A day earlier, ...": the day before the day last named
        dates = [d for d in dates if d.start != db.start()]
        dates.append(
            DateHit(db.start(), db.end(), memory.last_day - timedelta(days=1), "day", db.group(0))
        )
    if not dates and carried and carried_day:
        # "Moscow gave its account on Wednesday. X, it said, ...": that Wednesday
        dates = [DateHit(0, 0, carried_day, "day", "")]
    if not dates and memory.last_day and (sd := _SAME_DAY_RE.search(sent)):
        # "told Putin the same day": the day named in the sentence before
        dates = [DateHit(sd.start(), sd.end(), memory.last_day, "day", sd.group(0))]
    return dates, prev_claim_day


def _final_type(
    marks: _Marks, att: cl.Attribution, m: Mention, ctype: str, s0: int, cue_pos: int = -1
) -> tuple[str, str | None]:
    """A cue's type as the sentence finally makes it: denied by a denial (the attribution's
    verb, or one inside the content), an assessment under an analyst's hedge; with the id of
    the rule that changed it."""
    in_extra = att.extra is not None and m.start >= s0 + att.extra[0]
    if att.denial and not (in_extra and ctype != "other"):
        # "denied that, saying the village was still contested": the ", saying ..." tail is
        # the denier's own positive account, typed by its own verb
        return "denied", "type.denial-verb"
    if _denied_in_content(marks, m):
        return "denied", "type.denial-in-content"
    if (
        ctype not in ("strike", "denied")
        and (att.verb or "").lower() not in _VOW_VERBS
        and _assessed(marks, m)
        and not _presupposed(marks.text, s0, cue_pos)
    ):
        # (a vow's "would"/"will" is a commitment, not an analyst's hedge)
        return "assessment", "type.hedge"
    return ctype, None


# "the Ukrainian withdrawal from X", "Russia's capture of X": an event named with its actor
_PRESUPPOSED_EVENT_RE = re.compile(
    r"(?:Ukrainian|Russian|Ukraine['’]s|Russia['’]s|Kyiv['’]s|Moscow['’]s)\s+(?:withdrawal|"
    r"retreat|capture|seizure|liberation|occupation|recapture)\s+(?:of|from)\b"
)


def _presupposed(text: str, s0: int, cue_pos: int) -> bool:
    """ "The NYT reported that the Ukrainian withdrawal from X may have left hundreds
    missing": an event named with its actor is taken as having happened; a hedge after it
    is about its consequences (a hedge before it, "likely claimed the Russian seizure of
    X", still makes an assessment)."""
    if cue_pos < 0:
        return False
    at = s0 + cue_pos
    event = next(
        (
            e
            for e in _PRESUPPOSED_EVENT_RE.finditer(text, max(s0, at - 25), at + 40)
            if e.start() <= at < e.end()
        ),
        None,
    )
    return event is not None and not verbs.is_assessment(text[s0 : event.start()])


def _default_side(
    text: str, v: _Voice, pl: _Places, ref: PlaceRef, ctype: str
) -> tuple[str, str | None]:
    """The side of a claim whose claimant names none, and the id of the rule that chose it:
    narration is a third party's; a local official or a quoted "we" speaks for the place's
    country; officials report their own forces' moves; a combatant defends the place."""
    claimant, spans = v.claimant, pl.spans
    if v.narration:
        return "third-party", None
    if cl.is_local_official(claimant) or pl.quoted_we:
        return _SIDE_BY_COUNTRY.get(ref.country or "", "third-party"), "side.place-country"
    if _UNIT_RE.search(claimant or ""):
        # "the Khortytsia group of forces said Russian forces attempted 24 attacks near X": a
        # unit with no nationality in its name fights for the country the place is in
        return _SIDE_BY_COUNTRY.get(ref.country or "", "third-party"), "side.unit-place"
    if (
        ctype != "strike"
        and (fm := _OWN_FORCES_RE.search(text, spans[0][0], spans[0][1]))
        and not _COUNTED_ATTACKS_RE.match(text, fm.end())
    ):
        # "a brigade spokesman said Ukrainian forces are holding out", "Deputy Defence
        # Minister X said Ukrainian troops recaptured Y": officials report their own moves
        side = "ukraine" if fm.group(1).lower().startswith("ukrain") else "russia"
        return side, "side.own-forces"
    if _COMBATANT_RE.search(claimant or ""):
        # "a drone operator from the 24th Brigade told me Russian infantry had reached the
        # town": a combatant with no nationality fights for the country the place is in
        return _SIDE_BY_COUNTRY.get(ref.country or "", "third-party"), "side.combatant-place"
    return "third-party", None


def _jobs(text: str, s0: int, att: cl.Attribution, pl: _Places, ty: _Typing) -> list:
    """The (place index, type, cue offset) claims to make: one per typed place, plus an
    introductory place's second claim, a repelled attack's defence, a denial's own account
    ("denied any breakthrough, saying ...") and a placeless fighting tail."""
    claimable, spans, types, all_cues = pl.claimable, pl.spans, ty.types, ty.all_cues
    jobs = [(idx, ctype, cue_pos) for idx, (_p, _d, ctype, cue_pos) in sorted(types.items())]
    jobs += ty.intro_jobs + ty.cue_jobs
    if (
        att.denial
        and att.extra
        and not any(m.kind == "ref-claim" for m, _r in claimable)
        and not any(spans[0][0] <= m.start < spans[0][1] for m, _r in claimable)
    ):
        # "denied any breakthrough, saying attacks near X were repelled": X is both the
        # place of the denial and of the denier's own account
        jobs += [(idx, "denied", -1) for idx, ctype, _c in list(jobs) if ctype != "other"]
    if att.extra and not att.denial:
        x0 = s0 + att.extra[0]
        main_idx = [i for i, (m, _r) in enumerate(claimable) if m.start < x0 and i in types]
        if len({claimable[i][1].id for i in main_idx}) == 1 and not any(
            m.start >= x0 for m, _r in claimable
        ):
            # "X broke into Y, the military said, adding that fighting was under way in
            # the streets": a placeless ground-fighting tail is about the claim's place
            tail = [
                c
                for c in all_cues
                if c.start >= x0 and not c.weak and c.type in ("fighting", "holding", "advancing")
            ]
            if tail:
                jobs.append((main_idx[-1], tail[0].type, tail[0].start - s0))
    return jobs


def _claim_date(
    d: _Doc,
    v: _Voice,
    all_cues: list[verbs.Cue],
    dates: list[DateHit],
    prev_claim_day: tuple | None,
    pub: date,
    job: tuple[Mention, PlaceRef, str, int],
    s0: int,
) -> tuple[date, str]:
    """A claim's date: the sentence's nearest date (not one another verb owns), the date of
    the same event in the sentence before, else publication; remembered for the next."""
    text, memory, sent, att, claimant = d.text, d.memory, v.sent, v.att, v.claimant
    m, ref, ctype, cue_pos = job
    cues_by_start = sorted(all_cues, key=lambda c: c.start)
    cue_starts = [c.start for c in cues_by_start]
    # the other claims' verbs near this one (only dates need them; bounded window)
    rival_cues = (
        [
            c
            for c in cues_by_start[
                bisect_left(cue_starts, s0 + cue_pos - _RIVAL_REACH) : bisect_right(
                    cue_starts, s0 + cue_pos + _RIVAL_REACH
                )
            ]
            if c.type != ctype
        ]
        if dates and cue_pos >= 0
        else []
    )
    if (
        ctype == "holding"
        and cue_pos >= 0
        and m.end <= s0 + cue_pos
        and (
            _ANAPHORIC_ATTACK_RE.search(text[m.end : s0 + cue_pos])
            or _BUT_REPELLED_RE.search(text[m.end : s0 + cue_pos])
        )
    ):
        # "attacked near X yesterday; the attack was repulsed": one event, one date
        rival_cues = [c for c in rival_cues if c.type not in ("advancing", "fighting")]
    rivals = [c.start - s0 for c in rival_cues]
    if (
        prev_claim_day
        and m.kind != "name"
        and ref.id == prev_claim_day[0]
        and ctype == prev_claim_day[4]
        and claimant == prev_claim_day[5]
        and prev_claim_day[2] == "day"
        and not att.denial
    ):
        # "X was shelled on Monday night. In the village, three houses were damaged":
        # the event the sentence before dated goes on
        cdate, prec = prev_claim_day[1], prev_claim_day[2]
    else:
        cdate, prec = _date_for(sent, dates, m, s0, ctype, att, cue_pos, pub, rivals)
    if dates:
        memory.last_claim_day = (ref.id, cdate, prec, memory.sentence, ctype, claimant)
    return cdate, prec


def _claims_pass(
    d: _Doc,
    s0: int,
    v: _Voice,
    pl: _Places,
    ty: _Typing,
    dates: list[DateHit],
    prev_claim_day: tuple | None,
    pub: date,
    src: SourceRecord,
    outlet_voice: str,
) -> list[ClaimRecord]:
    """Claims: one per (place, type) job, with its final type (a denial, a hedge), side
    (claimant's, or by place, own forces, an outlet's modifier), date, confidence and the
    ids of the rules that made it; then the other side's trailing denial."""
    text, memory, sent, att, narration = d.text, d.memory, v.sent, v.att, v.narration
    all_cues, fallback = ty.all_cues, ty.fallback
    out: list[ClaimRecord] = []
    seen: set[tuple[str, str]] = set()
    marks = _Marks(text, pl.spans)
    cue_rule = {c.start - s0: c.rule for c in all_cues}
    for idx, ctype, cue_pos in _jobs(text, s0, att, pl, ty):
        m, ref = pl.claimable[idx]
        rules = [
            v.attr_rule,
            cue_rule.get(cue_pos, "type.fallback" if fallback else "type.context"),
        ]
        ctype, why = _final_type(marks, att, m, ctype, s0, cue_pos)
        rules += [r for r in (why, f"place.{m.kind}" if m.kind != "name" else None) if r]
        if (ref.id, ctype) in seen:
            continue
        seen.add((ref.id, ctype))
        _remember_claim(memory, ref)
        c_side, c_claimant = _claim_voice(text, s0, v, pl, (m, ref, ctype, cue_pos), rules)
        c_side = _outlet_side(c_side, c_claimant, narration, outlet_voice, rules)
        cdate, prec = _claim_date(
            d, v, all_cues, dates, prev_claim_day, pub, (m, ref, ctype, cue_pos), s0
        )
        out.append(
            ClaimRecord(
                place=ref,
                side=c_side,
                type=ctype,
                claim_date=cdate,
                date_precision=prec,
                claimant=c_claimant or outlet_voice,
                place_as_written=m.text,
                quote=sent,
                start=s0,
                end=s0 + len(sent),
                confidence=_confidence(fallback, narration, m),
                extractor=EXTRACTOR,
                extractor_version=VERSION,
                source=src,
                notes=None if m.kind == "name" else f"place by reference: {m.text!r}",
                rules=tuple(dict.fromkeys(rules)),
            )
        )
    return _finish_sentence(memory, out, sent, v.side, s0)


_STATE_OUTLETS = tuple(
    (v.side, v.regex) for rid, v in default_sides().items() if rid.startswith("side.state-outlet-")
)


def _outlet_side(
    side: str, claimant: str | None, narration: bool, outlet: str, rules: list[str]
) -> str:
    """RT's or Ukrinform's own narration speaks for its state; other outlets' for no side."""
    if claimant is None and narration and (state := _state_outlet(outlet)):
        rules.append("side.state-outlet")
        return state
    return side


def _state_outlet(outlet: str) -> str | None:
    """The state whose own outlet narrates the article (None for any other outlet)."""
    name = outlet.strip()
    for side, rx in _STATE_OUTLETS:
        m = rx.match(name)
        if m and m.end() == len(name):
            return side
    return None


def _finish_sentence(
    memory: _Memory, out: list[ClaimRecord], sent: str, side: str | None, s0: int
) -> list[ClaimRecord]:
    """The sentence's claims, with the other side's trailing denial; hedged predictions
    made beside factual claims are no longer answerable."""
    if not out:
        return out
    _forget_predictions(memory, out)
    return out + _counter_claims(out, sent, side, s0)


def _forget_predictions(memory: _Memory, made: list[ClaimRecord]) -> None:
    """ "X took A, which would open the way to B. Kyiv denied the claim.": the denial answers
    what was claimed to have happened, not a hedged prediction made alongside it (a claim
    that is all assessment, "have likely captured X", stays answerable)."""
    facts = {c.place.id for c in made if c.type != "assessment"}
    if facts:
        hedged = {c.place.id for c in made if c.type == "assessment"} - facts
        memory.last_claims = [r for r in memory.last_claims if r.id not in hedged]


def _confidence(fallback: bool, narration: bool, m: Mention) -> float:
    """The rules' prior confidence: a cue attached, a named source and a place named (not
    referred to) each raise it (calibration.py maps it to observed precision)."""
    conf = 0.55
    conf += 0.15 if not fallback else 0.0
    conf += 0.15 if not narration else 0.0
    conf -= 0.15 if m.kind != "name" else 0.0
    return round(max(0.1, min(conf, 0.95)), 2)


def _remember_claim(memory: _Memory, ref: PlaceRef) -> None:
    """A claimed place becomes the topic ("the town" next) and an answerable claim."""
    if ref.precision == "settlement":
        memory.topic(ref)
        memory.last_claimed = (ref, memory.sentence)
    if len(memory.last_claims) < _ANSWERABLE and ref not in memory.last_claims:
        memory.last_claims.append(ref)


def _claim_voice(
    text: str, s0: int, v: _Voice, pl: _Places, job: tuple, rules: list[str]
) -> tuple[str, str | None]:
    """The side and claimant of one claim (appending the side rule that decided): the
    sentence's, the outlet's for an aside or a held-modifier, else by place."""
    m, ref, ctype, cue_pos = job
    c_side, c_claimant = v.side, v.claimant
    intro_end = pl.intro_end
    if intro_end >= 0 and m.start < intro_end and 0 <= cue_pos < intro_end - s0:
        # "In Izium, which Ukrainian troops retook in 2022, officials said ...": the
        # aside before the claimant is the outlet's own voice
        c_side, c_claimant = "third-party", None
    if "aside.object-relative" in rules:
        c_side, c_claimant = "third-party", None  # the writer's background on the place
    if ctype == "holding" and cue_pos >= 0 and reporting.HELD_MODIFIER_RE.match(v.sent, cue_pos):
        # "the Ukrainian-held city of X": the outlet's own description
        c_side, c_claimant = "third-party", None
        rules.append("side.held-modifier")
    if c_side is None:
        c_side, why = _default_side(text, v, pl, ref, ctype)
        if why:
            rules.append(why)
    pos = max(cue_pos, m.start - s0)
    nested = reporting.nested_voice(v.sent, v.att.content[0], v.att.content[1], pos)
    if nested is not None and nested.side != c_side and not v.att.denial:
        # "..., hours after Kyiv said it had pulled out": the nested source's own words
        c_side, c_claimant = nested.side, nested.claimant
        rules.append("attr.nested-speech")
    return c_side, c_claimant


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
    doc = _DocState()
    doc.first_source = reporting.introduce_sources(text, doc.people)
    _seed_from_title(text, art.title, gaz, vocab, resolver, memory)
    dateline = _dateline_place(text, resolver)
    docx = _Doc(text, gaz, vocab, resolver, memory, hits, dateline)
    doc_source = _document_source(text)  # "Translated from X's Telegram channel."
    dates_at = _SentenceDates(pub)
    run = _Run(docx, doc, dates_at, doc_source, set(), pub, src, outlet_voice)
    last_end = 0
    for s0, s1 in _clauses(text, sentences(text, has_header=art.format != "html", title=art.title)):
        if "\n" in text[last_end:s0]:
            doc.speaker = None  # a new paragraph
            run.pending = None
        last_end = s1
        memory.next_sentence()
        _sentence(run, claims, s0, s1)
        _retro_attribution(text, s0, s1, claims, doc)
    if "|" in text:
        claims += _table_claims(text, resolver, pub, src, outlet_voice, hits)
    return Extraction(source=src, claims=_without_repeats(claims), text=text, places=hits)


def _without_repeats(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """A page that repeats a sentence word for word (key points above the story, a teaser
    repeated) repeats no claim: the first telling stays."""
    seen: set[tuple] = set()
    out: list[ClaimRecord] = []
    for c in claims:
        said = " ".join((c.quote or "").split())
        first = re.split(r"(?<=[.!?])\s", said, maxsplit=1)[0][:160]
        key = (c.place.id, c.side, c.type, c.claim_date, first)
        if c.quote and key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


@dataclass
class _Run:
    """What the sentence loop threads through one article."""

    docx: _Doc
    doc: _DocState
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
    voice = _attribution_pass(
        text, s0, s1, doc, d.resolver, run.outlet_names, run.doc_source, dates_at
    )
    if voice is None:
        return
    s0, sent = voice.s0, voice.sent
    _retro_attribute(claims, text, s0, voice)
    places = _places_pass(d, s0, s1, voice)  # mentions, resolution, claimable places
    if pending is not None and places is None and not voice.narration:
        _date_from_next(claims, pending, dates_at(s0, sent), sent, run.pub)
    if places is None:
        return
    if listed := _listed_next(claims, prev_made, s0, sent, places):
        claims += listed  # "Moscow took three villages. They were A, B and C."
        return
    typed = _typing_pass(text, s0, voice, places)  # cue attachment and claim types
    if typed.all_cues or _WAR_WORDS_RE.search(sent):
        memory.cued = memory.sentence  # a sentence about the fighting (its place may carry)
    if not typed.types:
        memory.note_days(dates_at(s0, sent))
        return
    dates, prev_claim_day = _dating_pass(  # the sentence's own and borrowed days
        memory, sent, dates_at(s0, sent), voice.carried, doc.carried_day
    )
    made = _claims_pass(
        d, s0, voice, places, typed, dates, prev_claim_day, run.pub, run.src, run.outlet_voice
    )
    if voice.narration:
        made = _no_second_toll(text, s0, made, prev_made)
    if voice.narration and _EVENT_ANAPHOR_RE.match(sent):
        # "Drones hit X, the ministry said. The attack was the biggest on X since ...": the
        # writer describes the event just reported; no new claim about it
        made = [
            c for c in made if (c.place.id, c.type) not in {(p.place.id, p.type) for p in prev_made}
        ]
    _name_the_unnamed(claims, made)
    if made and not dates:
        run.pending = (len(claims), len(claims) + len(made))
    run.prev_made = made
    claims += made
    memory.note_days(dates)


# "X stated this in a comment to ...", "This was stated by X", "X informed about this on the
# air": an attribution whose content is only "this" names the source of what came before
_RETRO_CONTENT_RE = re.compile(
    r"(?i)^\W*(?:about\s+)?(?:this|that)\b(?:\s*$|\s*[,.;]|\s+(?:on|in|at|during|to|via|"
    r"through|while|when|after|with|live|on-air)\b)"
)


def _retro_attribute(claims: list[ClaimRecord], text: str, s0: int, v: _Voice) -> None:
    """Give the narrated claims of the paragraph before (and of this one, up to here) the voice
    of a sentence whose content is only "this": the reporter named the source afterwards."""
    a0, a1 = v.att.content
    if not v.claimant or v.att.attribution is None or not _RETRO_CONTENT_RE.match(v.sent[a0:a1]):
        return
    para0 = text.rfind("\n\n", 0, s0)
    prev0 = text.rfind("\n\n", 0, max(0, para0)) if text[para0:s0].strip() == "" else para0
    lo = max(0, prev0)
    for k, c in enumerate(claims):
        if c.start is None or c.start < lo or c.start >= s0 or "attr.narration" not in c.rules:
            continue
        side = v.side
        if side is None and cl.is_local_official(v.claimant):
            side = _SIDE_BY_COUNTRY.get(c.place.country or "", None)
        if side is None:
            continue
        rules = tuple(r for r in c.rules if r != "attr.narration")
        claims[k] = replace(c, side=side, claimant=v.claimant, rules=("attr.retro", *rules))


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


def _listed_next(
    claims: list[ClaimRecord], prev: list[ClaimRecord], s0: int, sent: str, pl: _Places
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


# "captured a battered but strategic town in Ukraine's eastern Donetsk region": a single
# unnamed settlement the region only locates
_UNNAMED_IN_REGION_RE = re.compile(
    r"\b(?:a|an|another|one)\s+(?:[\w'’-]+\s+){0,4}?(?P<noun>town|village|city|settlement|hamlet)"
    r"\s+in\s+"
)
_NAMED_LATER_REACH = 700  # characters back from a named claim to the lede it names


def _fits(noun: str, ref: PlaceRef) -> bool:
    lo, hi = _NOUN_POP.get(noun, (0, 10**9))
    return ref.population is None or lo <= ref.population <= hi


def _name_the_unnamed(claims: list[ClaimRecord], made: list[ClaimRecord]) -> None:
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


# "Correction: An earlier version of this article misstated ...": an editor's note reports nothing
_EDITOR_NOTE_RE = re.compile(r"^\W*(?:Corrections?|Clarification|Editor['’]s\s+note)\s*:", re.I)


def _no_second_toll(
    text: str, s0: int, made: list[ClaimRecord], prev_made: list[ClaimRecord]
) -> list[ClaimRecord]:
    """The narration's casualty claims, minus the toll of a strike the sentence before just
    reported ("... shelled Nikopol and Marhanets. A man was wounded in Marhanets.") and any
    claim of an editor's note."""
    para = text.rfind("\n", 0, s0) + 1
    if _EDITOR_NOTE_RE.match(text[para : para + 40]):
        return [c for c in made if "cue.strike.killed" not in c.rules]
    struck = {p.place.id for p in prev_made if p.type == "strike"}
    return [c for c in made if not ("cue.strike.killed" in c.rules and c.place.id in struck)]


_EVENT_ANAPHOR_RE = re.compile(
    r"^\W*(?:The|This|That|Such\s+an?)\s+(?:(?:latest|overnight|drone|missile|air|ground)\s+)?"
    r"(?:attacks?|strikes?|assaults?|raids?|bombardments?|shelling|barrage|offensive|advance|"
    r"incursion|capture|withdrawal)\b"
)
_WAR_WORDS_RE = re.compile(
    r"(?i)\b(?:offensive|troops|forces|fighting|battles?|attacks?|assaults?|army|military|"
    r"front|shelling|units|brigades?|soldiers|defenders|frontline)\b"
)
_EVENT_GROUP = {"fighting": "ground", "advancing": "ground", "holding": "ground"}
_SINCE_BEFORE_RE = re.compile(r"(?i)\bsince\s+(?:the\s+)?$")


def _date_from_next(
    claims: list[ClaimRecord], pending: tuple[int, int], found: list[DateHit], sent: str, pub: date
) -> None:
    """ "X said its forces came under attack near Y. The military said there were 46 attacks
    on Wednesday.": a sentence making no claim of its own that dates the same kind of event
    (one day, an event cue of the same kind) dates the undated claims just before it."""
    days = [
        h for h in found if h.precision == "day" and not _SINCE_BEFORE_RE.search(sent, 0, h.start)
    ]
    if len(days) != 1 or days[0].value > pub:
        return
    kinds = {_EVENT_GROUP.get(c.type, c.type) for c in verbs.find_cues(sent) if not c.weak}
    for i in range(*pending):
        c = claims[i]
        if c.type != "denied" and _EVENT_GROUP.get(c.type, c.type) in kinds:
            claims[i] = replace(
                c,
                claim_date=days[0].value,
                date_precision="day",
                rules=(*c.rules, "date.next-sentence"),
            )


class _SentenceDates:
    """find_dates once per sentence (several rules ask), keyed by the sentence's offset."""

    def __init__(self, published: date) -> None:
        self.published = published
        self.cache: dict[int, list[DateHit]] = {}

    def __call__(self, s0: int, sent: str) -> list[DateHit]:
        got = self.cache.get(s0)
        if got is None:
            got = self.cache[s0] = find_dates(sent, self.published)
        return got


def _quote_open_after(sent: str, was_open: bool) -> bool:
    """Whether a quotation is still open after this sentence (straight quotes toggle, curly
    ones count), so the next sentences stay inside it."""
    curly = sent.count("“") - sent.count("”")
    if curly:
        return curly > 0
    if sent.count('"') % 2:
        return not was_open
    return was_open


def _block_quoted(sent: str, att: cl.Attribution, doc: _DocState) -> cl.Attribution | None:
    """The block quote's voice for an unattributed sentence inside one; a heading (no closing
    punctuation) or a sentence naming its own source ends the block."""
    if doc.block is None:
        return None
    if att.claimant is not None or not _SENTENCE_END_RE.search(sent):
        doc.block = None
        return None
    n = len(sent)
    return cl.Attribution(doc.block[0], doc.block[1], (0, n), (n, n), "said")


def _opens_block(text: str, s1: int, sent: str) -> bool:
    """Whether the sentence is an attribution alone ending its paragraph with a colon."""
    return bool(_BLOCK_INTRO_RE.fullmatch(sent)) and text[s1 : s1 + 3].lstrip(" \t")[:1] in (
        "\n",
        "",
    )


def _attribution_rule(att: cl.Attribution, spoken: bool) -> str:
    """The id of the attribution pattern that gave the sentence its claimant."""
    if att.claimant is None:
        return "attr.verdict" if att.denial else "attr.narration"
    if spoken:
        return "attr.speaker-label"
    verb = (att.verb or "").lower()
    if verb in ("according to", "quote", "account", "said"):
        return {"according to": "attr.according-to", "quote": "attr.quote-label",
                "account": "attr.possessive-account", "said": "attr.speech"}[verb]  # fmt: skip
    return "attr.denial" if att.denial else "attr.speech"


def _counter_claims(
    made: list[ClaimRecord], sent: str, side: str | None, s0: int
) -> list[ClaimRecord]:
    """ "X said its forces took Y, though Kyiv denied it": the other side's denial of Y, dated
    as the claim it answers (the text gives the denial no day of its own)."""
    counter = reporting.counter_denial(sent, side)
    if counter is None:
        return []
    out: list[ClaimRecord] = []
    seen: set[str] = set()
    for c in made:
        if c.type in ("denied", "strike") or c.place.id in seen:
            continue
        seen.add(c.place.id)
        out.append(
            replace(
                c,
                type="denied",
                side=counter.side,
                claimant=counter.claimant,
                confidence=0.5,
                rules=(*c.rules[:1], "claim.counter-denial"),
            )
        )
    return out


def _table_claims(
    text: str,
    resolver: _Resolver,
    pub: date,
    src: SourceRecord,
    outlet_voice: str,
    hits: list[PlaceHit],
) -> list[ClaimRecord]:
    """One claim per row of a Markdown claims table: the place cell is where, the status
    cell (read with the sentence lexicon) what, the source cell who, the date cell when."""
    out: list[ClaimRecord] = []
    for row in table_rows(text):
        ref, _ties = resolver.resolve(row.place.text, None)
        mention = Mention(
            row.place.start, row.place.end, row.place.text, row.place.text, None, "name"
        )
        if ref is not None and ref.country not in THEATRE_COUNTRIES:
            ref = None
        hits.append(PlaceHit(mention, ref))
        if ref is None:
            continue
        status = row.status.text
        ctype = _table_type(status, ref)
        if ctype is None:
            continue  # a status the lexicon cannot read ("no change") is no claim
        claimant = row.source.text if row.source and row.source.text else None
        side = _table_side(claimant, ref)
        found = find_dates(row.date.text, pub) if row.date else []
        found = found or find_dates(status, pub)
        cdate, prec = (found[0].value, found[0].precision) if found else (pub, "day")
        if cdate > pub:
            cdate, prec = pub, "day"
        out.append(
            ClaimRecord(
                place=ref,
                side=side,
                type=ctype,
                claim_date=cdate,
                date_precision=prec,
                claimant=claimant or outlet_voice,
                place_as_written=row.place.text,
                quote=text[row.start : row.end],
                start=row.start,
                end=row.end,
                confidence=0.7 if claimant else 0.55,
                extractor=EXTRACTOR,
                extractor_version=VERSION,
                source=src,
                notes="from a table row",
                rules=("table.row",),
            )
        )
    return out


def _table_type(status: str, ref: PlaceRef) -> str | None:
    """A table status cell's claim type: a controller named ("Russian-held"), else the
    sentence lexicon; None when nothing in it reads as a claim."""
    holder = table_controller(status)
    cues = [c for c in verbs.find_cues(status) if not c.weak] or verbs.find_cues(status)
    if holder is not None:
        home = _SIDE_BY_COUNTRY.get(ref.country or "")
        ctype = "holding" if holder == home else "captured"
    elif cues:
        ctype = min(cues, key=lambda c: _TYPE_PRIORITY[c.type]).type
        if ctype == "captured" and (_NOT_RE.search(status) or _NEGATION_RE.search(status)):
            ctype = "denied"
    elif _TABLE_DENIED_RE.search(status):
        ctype = "denied"
    else:
        return None
    if ctype not in ("strike", "denied") and verbs.is_assessment(status):
        ctype = "assessment"
    return ctype


def _table_side(claimant: str | None, ref: PlaceRef) -> str:
    """A table source cell's side; local officials and combatants speak for the place's
    country, anything else unnamed is third-party."""
    side = cl.side_of(claimant)
    if side is not None:
        return side
    if claimant and (cl.is_local_official(claimant) or _COMBATANT_RE.search(claimant)):
        return _SIDE_BY_COUNTRY.get(ref.country or "", "third-party")
    return "third-party"


_TABLE_DENIED_RE = re.compile(r"(?i)(?:denied|false|fake|refuted|not\s+confirmed)")


_GIVEN_NAME_BEFORE_RE = re.compile(r"\b([A-Z][a-z]{2,})[ \t]+$")  # (a line break is no name gap)
_NOT_GIVEN_NAMES = frozenset(
    "The In At On Of Near From Russian Ukrainian Russia's Ukraine's Western Eastern Northern "
    "Southern Central Greater Upper Lower Old New Mayor Governor".split()
)


# the outlet's own earlier report, as a correction notice cites it
_OWN_PAST_REPORT_RE = re.compile(
    r"(?i)^(?:(?:on|in|last|earlier)\s+(?:\w+\s+)?)?(?:we|this\s+(?:article|report|story|"
    r"programme|program|broadcast|bulletin)|an?\s+(?:earlier|previous)\s+(?:version\s+of\s+"
    r"this\s+)?(?:article|report|story|version|broadcast|bulletin))$"
)
_CORRECTION_RE = re.compile(
    r"(?i)\b(?:corrections?|corrected|wrong|incorrect(?:ly)?|erroneous(?:ly)?|mistaken(?:ly)?|"
    r"misstated|misreported|misidentified|in\s+error|retract(?:ed|s)?)\b"
)


def _para_end(text: str, pos: int) -> int:
    """End of the paragraph holding pos."""
    end = text.find("\n\n", pos)
    return len(text) if end < 0 else end


_DOCUMENT_NOUNS = frozenset(
    {"statement", "report", "update", "bulletin", "briefing", "message", "post", "summary"}
)


def _place_label(label: str, resolver: _Resolver) -> bool:
    """ "**Kupiansk:**", "KHARKIV REGION:": a round-up's place heading, not a speaker."""
    if cl.side_of(label) or cl.is_local_official(label):
        return False
    ref, _ties = resolver.resolve(label.title() if label.isupper() else label, None)
    return ref is not None and ref.country in THEATRE_COUNTRIES


def _same_source(ref: str, prev: str) -> bool:
    """ "It said", "he added": the source before. "The General Staff said" after "we reported"
    is a new source: a definite description carries the previous claimant only when that
    claimant has the same head word ("Ukraine's General Staff" ... "the General Staff")."""
    words = ref.lower().split()
    if words[0] != "the" or words[-1] in _DOCUMENT_NOUNS:  # "according to the statement"
        return True
    return " ".join(words[1:]) in prev.lower()


def _person_name_part(text: str, m: Mention) -> bool:
    """ "the head of the Shebekino urban district, Vladimir Zhdanov": a surname after a given
    name is a person (Zhdanov was Mariupol's Soviet name), not the official's own place."""
    if m.kind != "name":
        return False
    g = _GIVEN_NAME_BEFORE_RE.search(text, max(0, m.start - 20), m.start)
    return bool(g and g.group(1) not in _NOT_GIVEN_NAMES)


_DOC_SOURCE_RE = re.compile(
    r"^[ \t]*[*_]{0,2}(?:Translated|Adapted|Reposted|Republished|Condensed|Taken|Abridged)"
    r"(?:\s+and\s+\w+)?\s+from\s+(?:the\s+)?((?:[\w'’-]+\s+){0,6}?[\w-]+)['’]s?\s+"
    r"(?:official\s+)?(?:Telegram\s+channel|Telegram|statement|website|briefing|post|report|"
    r"summary|update|bulletin|Facebook\s+page|page)\b[^\n]*$",
    re.M | re.I,
)


def _document_source(text: str) -> tuple[str, int, int] | None:
    """ "*Translated from the Zaporizhzhia regional military administration's Telegram
    channel.*" near the top: the source whose words the whole text gives, with the note's
    span."""
    m = _DOC_SOURCE_RE.search(text, 0, 2000)
    if m is None:
        return None
    who = m.group(1).strip()
    if not cl.is_local_official(who) and not cl.side_of(who) and not _COMBATANT_RE.search(who):
        return None
    return f"the {who}", m.start(), m.end()


def _dateline_place(text: str, resolver: _Resolver) -> PlaceRef | None:
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
    if not (spoken or _QUOTE_OPEN_RE.match(content)) or not _FIRST_PERSON_RE.search(content):
        return False
    return any(c.type in _GROUND_TYPES and not c.weak for c in verbs.find_cues(content))


def _seed_from_title(
    text: str,
    title: str | None,
    gaz: Any,
    vocab: frozenset[str],
    resolver: _Resolver,
    memory: _Memory,
) -> None:
    """The settlement a headline names is what "the city" means before the body names one
    ("Kharkiv: how a city lives ..." then "The city has been bombarded ...")."""
    if not title:
        return
    t0 = text.find(title)
    if t0 < 0:
        return
    for m in find_names(text, t0, t0 + len(title), gaz, vocab):
        ref, _ties = resolver.resolve(m.query, m.hint)
        if ref is not None and ref.precision == "settlement":
            memory.add(ref, None)
            return


_TURN_RE = re.compile(
    r",\s+but\s+|;\s+(?:but\s+)?|,\s+while\s+|,\s+whereas\s+|"
    # "X said it took the town, hours after Kyiv said it had pulled out": a second voice
    r",\s+(?:just\s+|only\s+)?(?:hours|days|a\s+day|weeks|shortly|soon|moments)\s+(?:after|before)\s+"
)


# ", although open-source footage suggests that ...": the writer weighs the claim against
# evidence; what follows is the writer's own account, not the claimant's
_EVIDENCE_TURN_RE = re.compile(
    r"(?i),\s+(?:although|though|but|while|whereas|even\s+though)\s+(?:[\w'’()-]+\s+){0,10}?"
    r"(?:evidence|footage|imagery|images|videos?|photos?|photographs|reporting|reports|data)\s+"
    r"(?:\w+\s+){0,2}?(?:suggests?|suggested|shows?|showed|indicates?|indicated|confirms?|"
    r"confirmed)\s+(?:that\s+)?"
)


def _clauses(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, with "X said A, but Y said B" cut in two: each side's claim gets its own
    claimant (the cut is made only where the second part has an attribution of its own, or
    is the writer's evidence against the first)."""
    out: list[tuple[int, int]] = []
    for s0, s1 in spans:
        start = s0
        for m in _TURN_RE.finditer(text, s0, s1):
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


_VOW_VERBS = frozenset(
    {"vowed", "vows", "pledged", "pledges", "promised", "promises", "swore", "insisted"}
)
_ANSWERABLE = 64  # places a later "Kyiv denied the claim" can answer
_RIVAL_REACH = 300  # how far another claim's verb can compete for a date


# "This was stated on air by X, a spokesperson for ...", "- X emphasized." closing a paragraph:
# the source named after the words speaks for the sentences before it (a house style of
# Ukrainian outlets); the narration's claims there are X's
_THIS_WAS_SAID_BY_RE = re.compile(
    r"(?:^|[.)!?]\s*)\W*(?:This|That|It|These|All\s+this)\s+(?:was|were|has\s+been|had\s+been|is)\s+"
    r"(?:\w+\s+)?(?:stated|reported|said|announced|declared|noted|claimed|written|posted|"
    r"confirmed)\b[^.]{0,60}?\bby\s+(?P<who>[^.;]{3,160}?)\s*(?:,\s+(?:on|in|at|during|"
    r"according|writes|reports)\b[^.]*)?[.!]?\s*$"
)
# "The head of the city's military administration Vitaliy Barabash informed about this on
# the air": the same, with the source as the subject
_SAID_THIS_RE = re.compile(
    r"^\W*(?P<who>[A-Z][^.;:\"“”]{2,120}?)\s+(?:informed|reported|said|stated|announced|wrote|"
    r"told)\s+(?:about\s+(?:this|it)|this|so)\b(?=\s*(?:[,.;:]|on\b|in\b|at\b|during\b|to\b|$))"
)
_DASH_SAID_RE = re.compile(
    r"(?:^|[.!?\"”]\s+)[-—–]\s*(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:said|stated|"
    r"emphasi[sz]ed|noted|added|stressed|reported|wrote|explained|summed\s+up)\b[^.]{0,60}[.!]?\s*$"
)


def _retro_attribution(
    text: str, s0: int, s1: int, claims: list[ClaimRecord], doc: _DocState
) -> None:
    """Re-attribute the narration's claims before a sentence that names their source after
    them ("This was reported by X", "- X said."), and make X the voice that goes on."""
    sent = text[s0:s1]
    m = _THIS_WAS_SAID_BY_RE.search(sent) or _SAID_THIS_RE.match(sent)
    end = s0
    if m is None and (m := _DASH_SAID_RE.search(sent)) is not None:
        end = s0 + m.start("who")  # '"..." - X said' ends the sentence holding the words
    if m is None:
        return
    who = cl.strip_claimant(m.group("who"))
    who = reporting.introduction(who, doc.people) or who
    side = cl.side_of(who)
    local = side is None and cl.is_local_official(who)
    if side is None and not local:
        return
    para = text.rfind("\n", 0, s0) + 1
    if not text[para:s0].strip():  # opening its paragraph: the paragraph before
        para = text.rfind("\n\n", 0, max(0, para - 2)) + 1
    for i, c in enumerate(claims):
        if c.start is not None and para <= c.start < end and "attr.narration" in c.rules:
            rules = tuple(r for r in c.rules if r != "attr.narration")
            c_side = side or _SIDE_BY_COUNTRY.get(c.place.country or "", "third-party")
            claims[i] = replace(
                c, claimant=who, side=c_side, rules=("attr.retro-attribution", *rules)
            )
    doc.prev_claimant = (who, side)
    doc.prev_attributed = True
    doc.last_state = side if side in ("russia", "ukraine") else doc.last_state
    reporting.introduce(who, doc.people)
