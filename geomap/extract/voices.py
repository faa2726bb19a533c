"""The attribution pass: who speaks in each sentence, and for which side.

A voice is carried across sentences (a quote running on, a source introduced once and named
again by surname, "This was stated by X" after the words) and kept in DocState.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from geomap.extract import claimants as cl
from geomap.extract import prescreen, reporting
from geomap.extract.mentions import THEATRE_COUNTRIES
from geomap.extract.resolution import _Resolver
from geomap.extract.rules import default_sides, default_voice_rules, joined
from geomap.extract.transcripts import Speaker, resolve_speaker, speaker_label
from geomap.records import SIDE_BY_COUNTRY, ClaimRecord

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
COMBATANT_RE = re.compile(
    r"\b(?:brigade|battalion|regiment|company|platoon|unit|soldiers?|servicem[ae]n|fighters?|"
    r"drone\s+operators?|gunners?|commanders?|officers?|general\s+staff|military|army|"
    r"troops|marines|paratroopers|border\s+guards?|group(?:ing)?s?\s+of\s+(?:forces|troops)|"
    # "a spokesman for the OTG Kharkiv", "the operational-tactical group": a unit's own name
    r"OTG|OSG|OSGT|operational(?:[\s-]+(?:and\s+)?(?:tactical|strategic))*[\s-]+group(?:ing)?)\b",
    re.I,
)

# ", hours after" / ", days before" ending the text right before a clause: a second voice
# told as the background of the first
_EARLIER_VOICE_RE = re.compile(
    r"(?i),\s+(?:just\s+|only\s+|some\s+)?(?:hours|shortly|soon|moments|minutes|days|a\s+day|"
    r"weeks)\s+(?:after|before)\s+$"
)
# a sentence (or content) opening with a quotation mark
QUOTE_OPEN_RE = re.compile(r"\s*[\"“‘']")
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
# (a quotation closing without its full stop, '“It was decided to regroup ...”', ends too)
_SENTENCE_END_RE = re.compile(r"(?:[.!?…][\"”’')\]]*|(?<=\w)[\"”»])\s*$")


@dataclass(frozen=True)
class ReportFrame:
    """A sentence the next one of its paragraph may go on in, naming no speaker of its own:
    it led with its source ("According to X, ..."; any sentence may follow) or opened a
    source's report ("X said that ..."; a sentence in the tense of reported speech follows)."""

    end: int  # where it ended (a paragraph break after it ends the frame)
    according: bool  # it led with "According to X,"
    report: bool  # it opened a report (its source speaks first; not retracted)


@dataclass
class DocState:
    """What the sentences so far leave to the next one: the voice in effect."""

    prev_claimant: tuple[str | None, str | None] = (None, None)
    carried_day: date | None = None  # the day of a sentence that introduced the next source
    prev_quoted: bool = False  # the sentence before was an attributed direct quote
    in_quote: bool = False  # a quotation opened in an earlier sentence is still open
    prev_attributed: bool = False  # the sentence before had a claimant
    last_state: str | None = None  # the state the article last quoted
    speaker: Speaker | None = None  # the transcript speaker of the current paragraph
    block: tuple[str, str | None] | None = None  # the voice of a block quote ("He said:")
    block_quoted: bool | None = None  # whether the block's first paragraph opened a quotation
    people: dict[str, str] = field(default_factory=dict)  # surname -> its introduction
    first_source: str | None = None  # the "Source:" line's first source ("Quote: ...")
    in_details: bool = False  # the paragraphs since a "Details:" one, before another label
    details_para: int = -1  # the start of the paragraph in_details was last decided for
    report: ReportFrame | None = None  # the sentence before, as a report that may go on
    last_end: int = 0  # the end of the sentence before (a paragraph break after it ends a quote)
    sources: list[tuple[str, str | None]] = field(default_factory=list)  # named sources, in order


@dataclass
class Voice:
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


def attribution_pass(
    text: str,
    s0: int,
    s1: int,
    doc: DocState,
    resolver: _Resolver,
    outlet_names: set[str],
    doc_source: tuple[str, int, int] | None,
    dates_at: Any,
) -> Voice | None:
    """Attribution: the sentence's claimant and side (a speaker label, a translated source's
    voice, a quotation going on, a pronoun, a bare ministry), and the content spans; updates
    the carried voice in `doc`. None: the sentence is the note naming the source."""
    _close_quote_at_paragraph(text, s0, s1, doc)
    s0, bare_quote = _labels(text, s0, s1, doc, resolver, outlet_names)
    sent = text[s0:s1]
    att = cl.attribute(sent)
    if bare_quote and doc.first_source:
        # "Source: X, Head of ...; Y" then "Quote: ...": the first source's words
        who = doc.first_source
        att = cl.Attribution(who, cl.side_of(who), (0, len(sent)), (0, 0), "quote")
    if not att.denial and _FALSE_REPORT.search(sent, att.content[0], att.content[1]):
        att = replace(att, denial=True)  # "Also untrue are statements that X has been captured"
    if att.attribution and _JUDGED_SPEECH_RE.search(sent, *att.attribution):
        # "The Kremlin likely prematurely claimed X": the writer judges the claim-making
        att = cl.Attribution(None, None, (0, len(sent)), None, None)
    block = _block_quoted(text, s0, sent, att, doc)
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
    att, quote_rule = _carried_voice(text, (s0, s1), att, doc)
    doc.in_quote = _quote_open_after(sent + _closing_quotes(text, s1), doc.in_quote)
    # (footage shows what it shows: no report of the source's goes on after it)
    doc.prev_attributed = att.claimant is not None and att.verb != cl.FOOTAGE
    doc.prev_quoted = bool(
        att.claimant and att.attribution and QUOTE_OPEN_RE.match(sent, att.content[0])
    )
    verdict = att.claimant is None and bool(_VERDICT_RE.match(sent))
    if verdict:
        # "The claim is false.": the outlet's own verdict denies the claim just reported
        att = cl.Attribution(None, None, (0, len(sent)), None, None, denial=True)
    said = _said(att, sent, doc, spoken, quote_rule, block is not None)
    said = _introduced(text, s0 + (att.attribution or (0, 0))[0], said)
    if said.claimant is None:
        _note_account(sent, s0, doc, dates_at)
    retracted = _retracted(text, s0, s1, said.claimant, sent)
    if block is None:
        _open_block(text, s1, sent, said, doc)
    _remember_voice(doc, said, att, (s0, s1), sent, dates_at, retracted, text)
    return Voice(
        s0, sent, att, said.claimant, said.side, spans, spoken, verdict, said.carried,
        retracted, said.claimant is None, said.rule,
    )  # fmt: skip


def _labels(
    text: str, s0: int, s1: int, doc: DocState, resolver: _Resolver, outlet_names: set[str]
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


def _close_quote_at_paragraph(text: str, s0: int, s1: int, doc: DocState) -> None:
    """A quotation still open when a paragraph ends goes on into the next paragraph when that
    opens with a quotation mark (a quote of several paragraphs) or the next mark closes it
    (a "Quote:" block); otherwise the closing mark went missing and the writer speaks again."""
    if (
        doc.in_quote
        and "\n" in text[doc.last_end : s0]
        and not QUOTE_OPEN_RE.match(text, s0)
        and not _next_mark_closes(text, s0)
    ):
        doc.in_quote = False
    doc.last_end = s1


def _next_mark_closes(text: str, pos: int) -> bool:
    """Whether the next quotation mark after pos (within a few paragraphs) closes a quotation:
    a curly closing mark, or a straight one after punctuation or before a space or the end."""
    m = re.compile(r"[\"“”]").search(text, pos, pos + 2000)
    if m is None or m.group(0) == "“":
        return False
    if m.group(0) == "”":
        return True
    before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
    return before in ".,!?…" or after in ("", " ", "\n", ",", ".", ";", ")")


_CLOSING_QUOTES_RE = re.compile(r"[\"”]+")


def _closing_quotes(text: str, s1: int) -> str:
    """The closing quotation marks right after a sentence's span (the splitter may leave a
    closing mark after the full stop outside it)."""
    m = _CLOSING_QUOTES_RE.match(text[s1 : s1 + 3])
    return m.group(0) if m else ""


def _spoken_voice(sent: str, att: cl.Attribution, doc: DocState) -> tuple[cl.Attribution, bool]:
    """A transcript speaker's voice for a sentence naming no claimant of its own."""
    if att.claimant is None and doc.speaker is not None and doc.speaker.claimant:
        n = len(sent)
        claimant = doc.speaker.claimant
        return cl.Attribution(claimant, cl.side_of(claimant), (0, n), (n, n), "said"), True
    return att, False


def _translated_voice(
    sent: str, att: cl.Attribution, doc: DocState, doc_source: tuple[str, int, int]
) -> cl.Attribution:
    """A text that is one source's statement in translation: its sentences are that
    source's words, not the outlet's."""
    if att.claimant is None and doc.speaker is None:
        n = len(sent)
        return cl.Attribution(doc_source[0], cl.side_of(doc_source[0]), (0, n), (n, n), "said")
    return att


def _quote_attributed_later(
    text: str, s0: int, s1: int, att: cl.Attribution, doc: DocState
) -> tuple[cl.Attribution, str | None]:
    """'"A. B. C," the mayor said.': a quotation of several sentences names its speaker after
    it closes; its first sentence takes that voice (the next ones follow as a quote going on)."""
    sent = text[s0:s1]
    if att.claimant is not None or doc.in_quote or not QUOTE_OPEN_RE.match(sent):
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


def _carried_voice(
    text: str, span: tuple[int, int], att: cl.Attribution, doc: DocState
) -> tuple[cl.Attribution, str | None]:
    """A voice from outside the sentence, with the id of the rule that carried it: a quote
    attributed after it closes, a quotation or report going on, a "Details:" paragraph."""
    s0, s1 = span
    sent = text[s0:s1]
    att, later_rule = _quote_attributed_later(text, s0, s1, att, doc)
    att, quote_rule = _continued_quote(sent, att, doc, _open_frame(text, s0, doc))
    details_para = doc.first_source is not None and _in_details(text, s0, doc)
    if not quote_rule and details_para and (details := _details_voice(sent, att, doc)):
        att, quote_rule = details, "attr.details-block"
    if not quote_rule and (lede := _lede_voice(text, span, att, doc)) is not None:
        att, quote_rule = lede, "attr.source-lede"
    if not quote_rule and (section := _section_voice(text, span, att, doc)) is not None:
        att, quote_rule = section, "attr.bulletin-section"
    return att, quote_rule or later_rule


# "In the Kupiansk direction, ...", "On the Lyman axis, ...": a paragraph of a bulletin that
# goes through the front direction by direction
_SECTION_OPENING_RE = re.compile(
    r"\s*(?:In|On|Along)\s+the\s+(?:[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+){0,2}|[a-z]+ern)\s+"
    r"(?:directions?|sectors?|ax[ie]s|fronts?|operational\s+zones?)\b"
)


def _section_voice(
    text: str, span: tuple[int, int], att: cl.Attribution, doc: DocState
) -> cl.Attribution | None:
    """The bulletin's source for the unattributed sentences of a paragraph that opens with a
    front direction ("In the Huliaipole direction, the enemy tried to advance near X."), when
    an army's or a ministry's report was named before: an agency relaying the General Staff's
    daily report goes through the directions in the report's words."""
    if att.claimant is not None or not doc.sources:
        return None
    who, side = doc.sources[-1]
    if side not in ("russia", "ukraine"):
        return None
    s0, s1 = span
    para = text.rfind("\n", 0, s0) + 1
    if not _SECTION_OPENING_RE.match(text, para):
        return None
    n = s1 - s0
    return cl.Attribution(who, side, (0, n), (n, n), "said")


def _continued_quote(
    sent: str, att: cl.Attribution, doc: DocState, frame: ReportFrame | None = None
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
    if doc.in_quote or (doc.prev_attributed and QUOTE_OPEN_RE.match(sent)):
        # 'the ministry said. "Units liberated X. During the fight, ..."': a quotation
        # opening right after an attributed sentence, and every sentence inside it, is
        # the doc.speaker's statement
        return voice, "attr.quote-continues"
    if frame is not None and frame.according and not QUOTE_OPEN_RE.match(sent):
        # "According to him, the attackers came with dozens of tanks. The fighting continues
        # for a second day.": the account the paragraph opened with goes on
        return voice, "attr.according-continues"
    if (
        doc.prev_attributed
        and (am := _ALSO_GOES_ON_RE.match(sent))
        and not _BE_ALSO_RE.search(am.group(0))
    ):
        # "..., the general said. Russia also moved reserves to X": "also" adds to the
        # report just attributed (reported speech going on without a new "said")
        return voice, "attr.also-continues"
    if (
        frame is not None
        and frame.report
        and not QUOTE_OPEN_RE.match(sent)
        and (rule := report_goes_on(sent))
    ):
        # "The mayor said troops had entered the town. Street fighting continues in the
        # centre.": the paragraph goes on in the tense of the report, naming no new speaker
        return voice, rule
    return att, None


# "Details: ..." opening a paragraph under a "Source:" line (a house style of Ukrainian outlets)
_DETAILS_LABEL_RE = re.compile(r"[ \t]*[*_]{0,2}Details[*_]{0,2}\s*:")


# a paragraph opening with a label ("Background:", "Quote:", "Updated:") or a heading ends the
# "Details:" paragraphs
_PARA_LABEL_RE = re.compile(r"[ \t]*(?:#|[*_]{0,2}[A-Z][\w ]{1,20}[*_]{0,2}\s*:)")


def _in_details(text: str, s0: int, doc: DocState) -> bool:
    """Whether the sentence lies in a "Details:" paragraph or an unlabelled one after it (the
    source's account runs on over several paragraphs until "Background:" or another label)."""
    para = text.rfind("\n", 0, s0) + 1
    if para == doc.details_para:
        return doc.in_details  # decided at the paragraph's first sentence
    doc.details_para = para
    doc.in_details = bool(_DETAILS_LABEL_RE.match(text, para)) or (
        doc.in_details and not _PARA_LABEL_RE.match(text, para)
    )
    return doc.in_details


def _details_voice(sent: str, att: cl.Attribution, doc: DocState) -> cl.Attribution | None:
    """The voice of a "Details:" paragraph's unattributed sentences (and of the unlabelled
    paragraphs after it), in an article that named its sources on a "Source:" line: the
    source last speaking (else the first one listed). The writer's own "Background:"
    paragraphs keep the outlet's voice."""
    if not doc.first_source or att.claimant is not None:
        return None
    who, side = doc.prev_claimant
    if not who:
        who, side = doc.first_source, cl.side_of(doc.first_source)
    n = len(sent)
    return cl.Attribution(who, side, (0, n), (n, n), "said")


_SOURCE_LINE_AT_RE = re.compile(r"(?m)^[ \t]*[*_]{0,2}Sources?[*_]{0,2}\s*:")


def _lede_voice(
    text: str, span: tuple[int, int], att: cl.Attribution, doc: DocState
) -> cl.Attribution | None:
    """The listed source's voice for the unattributed sentences of the paragraph right above
    a "Source:" line naming one source: in that house style the lede sums up what the source
    said ("The Russians shelled X this morning." then "Source: the head of the city
    administration"). A wire credit ("Source: Reuters") is no such source."""
    s0, s1 = span
    if att.claimant is not None or not doc.first_source:
        return None
    m = _SOURCE_LINE_AT_RE.search(text, s1, s1 + 600)
    if m is None or "\n" in text[s1 : m.start()].strip():
        return None  # not in the paragraph that ends at the Source line
    if ";" in text[m.end() : text.find("\n", m.end()) % (len(text) + 1)]:
        return None  # a lede drawn from several sources is the outlet's own summary
    who = doc.first_source
    side = cl.side_of(who)
    if side not in ("russia", "ukraine") and not (
        side is None and (cl.is_local_official(who) or COMBATANT_RE.search(who))
    ):
        return None
    n = s1 - s0
    return cl.Attribution(who, side, (0, n), (n, n), "said")


def _open_frame(text: str, s0: int, doc: DocState) -> ReportFrame | None:
    """The frame the sentence before left, if it is in this sentence's paragraph."""
    frame = doc.report
    return frame if frame is not None and "\n" not in text[frame.end : s0] else None


def _frames_report(said: _Said, att: cl.Attribution) -> bool:
    """Whether a sentence opens a source's report that the next sentences may go on with:
    its source speaks first ("The mayor said that ...", not "..., the mayor said"), or it
    went on with such a report itself."""
    if not said.claimant:
        return False
    if said.rule.startswith("attr.report-continues"):
        return True
    return bool(att.attribution and att.attribution[0] < att.content[0])


@lru_cache(maxsize=1)
def _goes_on_res() -> tuple[list[tuple[str, re.Pattern[str]]], re.Pattern[str]]:
    rules = default_voice_rules()
    goes = [(r.id, r.regex) for r in rules.values() if r.produces == "goes-on"]
    return goes, re.compile(rf"\b{joined(rules, 'background')}\b", re.I)


def report_goes_on(sent: str) -> str | None:
    """The id of the voices.toml entry by which a sentence naming no speaker goes on with
    the report of the sentence before it (reported speech: an ongoing present, a backshifted
    past perfect), or None: no such tense, or the writer's background (a year, a town's size)."""
    goes, background = _goes_on_res()
    if background.search(sent):
        return None
    return next((rid for rid, rx in goes if rx.search(sent)), None)


def _leads_according(sent: str, att: cl.Attribution) -> bool:
    """Whether the sentence opens with its source: "According to the governor, ..."."""
    return bool(
        att.claimant
        and att.verb == "according to"
        and att.attribution
        and not sent[: att.attribution[0]].strip()
    )


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
    doc: DocState,
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
    if side is None and (earlier := _named_earlier(claimant, sent, doc)) is not None:
        # "The ministry added ...", after Russia's ministry and then Ukraine's staff spoke
        claimant, side = earlier
        attr_rule = "attr.named-earlier"
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
        claimant, side = _agreeing(claimant, doc)
        attr_rule = "attr.pronoun-carried"
    return _Said(claimant, side, carried, attr_rule)


_DEFINITE_RE = re.compile(r"(?i)^the\s+((?:[\w-]+\s+){0,2}[\w-]+)$")
_IN_STATE_RE = re.compile(r"^\W*In\s+(?:Russia|Ukraine)\s*,")


# offices held over one place: an unnamed one belongs to the sentence's own place (a roundup
# quotes one regional governor after another)
_LOCAL_OFFICE_RE = re.compile(r"\b(?:governor|mayor|regional|local|city|oblast|municipal)\b")


def _named_earlier(claimant: str | None, sent: str, doc: DocState) -> tuple[str, str] | None:
    """The source a definite description names back to when it is not the one just quoted
    ("the ministry" after Russia's defence ministry and then Ukraine's General Staff spoke):
    the latest source with a side whose name holds the description's words."""
    m = _DEFINITE_RE.match((claimant or "").strip())
    if m is None or _IN_STATE_RE.match(sent):
        return None
    words = m.group(1).lower()
    if _LOCAL_OFFICE_RE.search(words):
        return None  # a governor or mayor is the one of the place in hand, not an earlier one
    prev = doc.prev_claimant[0]
    if prev and words in prev.lower():
        return None  # the source just quoted (a pronoun-like reference, carried as one)
    key = re.compile(rf"\b{re.escape(words)}\b")
    found = ((w, s) for w, s in reversed(doc.sources) if s and key.search(w.lower()))
    return next(found, None)


# a person speaks as "he"/"she", a body as "it": the nouns that make a claimant one or the other
_PERSON_NOUN_RE = re.compile(
    r"(?i)\b(?:spokes(?:man|woman|person)|governor|mayor|commander|minister|president|official|"
    r"officer|head|chief|general(?!\s+staff)|analyst|blogger|soldier|adviser|advisor|envoy|"
    r"secretary|deputy|representative|expert|correspondent|observer|journalist|reporter)\b"
)
_BODY_NOUN_RE = re.compile(
    r"(?i)\b(?:ministry|staff|army|military|forces|command|service|agency|group(?:ing)?|brigade|"
    r"council|administration|government|kremlin|office|institute|media|channel|corps|legion|"
    r"headquarters|russia|ukraine|moscow|kyiv|kiev|statement|report|update|bulletin|isw|"
    r"deepstate|institute|tank|project|blog|tracker|monitor|nato|pentagon|un|osce|iaea)\b"
)


_NAME_FIRST_RE = re.compile(r"^(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’-]+\s*,")  # "Petrenko, ..."
_NAME_LAST_RE = re.compile(r"\b[A-Z][a-z][\w'’-]*\s+([A-Z][a-z][\w'’-]+)$")  # "... Ivan Petrenko"


def _is_person(claimant: str) -> bool:
    """Whether a claimant is a person (a name, a title) rather than a body."""
    if _PERSON_NOUN_RE.search(claimant) or _NAME_FIRST_RE.match(claimant):
        return True
    if (m := _NAME_LAST_RE.search(claimant)) and not _BODY_NOUN_RE.fullmatch(m.group(1)):
        return True
    return not _BODY_NOUN_RE.search(claimant)


def _agreeing(pronoun: str, doc: DocState) -> tuple[str, str | None]:
    """The source a pronoun carries: the one just quoted, unless "he"/"she" follows a body
    (or "it" a person) and an earlier source agrees ("Zelensky said A. Russia's ministry said
    B. He added C": Zelensky)."""
    prev = (doc.prev_claimant[0] or "", doc.prev_claimant[1])
    want = {"he": True, "she": True, "him": True, "her": True, "it": False}.get(pronoun.lower())
    if cl.is_definite_person(pronoun):
        want = True
    if want is None or _is_person(prev[0]) == want:
        return prev
    return next(((w, s) for w, s in reversed(doc.sources) if _is_person(w) == want), prev)


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
    if cl.is_local_official(intro) or (
        COMBATANT_RE.search(intro) and not COMBATANT_RE.search(said.claimant)
    ):
        # (a unit's spokesman speaks, like a local official, for the side holding the place)
        return replace(said, claimant=f"{said.claimant} ({intro})", rule="attr.introduced")
    return said


_ORG_PART_RE = re.compile(r"(?i)^the\s+([a-z]{4,})['’]s\s+")


def _part_of(claimant: str, prev: str | None) -> bool:
    """ "the center's head Andrii Kovalenko" after "Ukraine's Center for ...": the same body."""
    m = _ORG_PART_RE.match(claimant)
    return bool(m and prev and re.search(rf"(?i)\b{m.group(1)}\b", prev))


def _note_account(sent: str, s0: int, doc: DocState, dates_at: Any) -> None:
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


def _retracted(text: str, s0: int, s1: int, claimant: str | None, sent: str = "") -> bool:
    """ "Correction: on Tuesday we reported that X had been captured. That was wrong": a
    retracted report is no claim (its places still feed references). "We reported" is found
    as a claimant, or, when the attribution missed it, as the sentence's opening."""
    own = _OWN_PAST_REPORT_RE.match(claimant) if claimant else _OWN_REPORT_OPENING_RE.match(sent)
    return bool(
        own and _CORRECTION_RE.search(text, max(0, text.rfind("\n", 0, s0)), _para_end(text, s1))
    )


def _remember_voice(
    doc: DocState,
    said: _Said,
    att: cl.Attribution,
    span: tuple[int, int],
    sent: str,
    dates_at: Any,
    retracted: bool = False,
    text: str = "",
) -> None:
    """Carry the voice to the next sentences: the last state quoted, the claimant, the day of
    the attribution, and the frame a report may go on in (a retracted report opens none)."""
    s0, s1 = span
    according = _leads_according(sent, att)
    report = not retracted and att.verb != cl.FOOTAGE and _frames_report(said, att)
    doc.report = ReportFrame(s1, according, report) if according or report else None
    # ("Kyiv said it took X, hours after Moscow-backed forces reported Y": the voice of the
    # background clause is not the state the story goes on with, "the ministry" next)
    background = bool(_EARLIER_VOICE_RE.search(text, max(0, s0 - 60), s0))
    if said.side in ("russia", "ukraine") and not background:
        doc.last_state = said.side
    if not said.claimant:
        return
    if said.side in ("russia", "ukraine") or cl.is_local_official(said.claimant):
        reporting.introduce(said.claimant, doc.people)
    if not said.carried and (said.side is not None or cl.is_local_official(said.claimant)):
        doc.sources = [*doc.sources[-9:], (said.claimant, said.side)]
    doc.prev_claimant = (said.claimant, said.side)
    if not said.carried:
        # "Zelensky said on Nov. 2 that ... . Ukrainian forces, he said, ...": the day
        # of the attribution carries to the pronoun's sentence
        a0, a1 = att.attribution or (0, 0)
        days = [d for d in dates_at(s0, sent) if d.precision == "day" and a0 <= d.start < a1 + 20]
        doc.carried_day = days[-1].value if days else None


# "X stated this in a comment to ...", "This was stated by X", "X informed about this on the
# air": an attribution whose content is only "this" names the source of what came before
_RETRO_CONTENT_RE = re.compile(
    r"(?i)^\W*(?:about\s+)?(?:this|that)\b(?:\s*$|\s*[,.;]|\s+(?:on|in|at|during|to|via|"
    r"through|while|when|after|with|live|on-air)\b)"
)


def retro_attribute(claims: list[ClaimRecord], text: str, s0: int, v: Voice) -> None:
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
            side = SIDE_BY_COUNTRY.get(c.place.country or "", None)
        if side is None:
            continue
        rules = tuple(r for r in c.rules if r != "attr.narration")
        claims[k] = replace(c, side=side, claimant=v.claimant, rules=("attr.retro", *rules))


def _quote_open_after(sent: str, was_open: bool) -> bool:
    """Whether a quotation is still open after this sentence (straight quotes toggle, curly
    ones count), so the next sentences stay inside it."""
    curly = sent.count("“") - sent.count("”")
    if curly:
        return curly > 0
    if sent.count('"') % 2:
        return not was_open
    return was_open


def _block_quoted(
    text: str, s0: int, sent: str, att: cl.Attribution, doc: DocState
) -> cl.Attribution | None:
    """The block quote's voice for an unattributed sentence inside one; a heading (no closing
    punctuation), a sentence naming its own source, or an unquoted paragraph after quoted
    ones ends the block."""
    if doc.block is None:
        return None
    if text[text.rfind("\n", 0, s0) + 1 : s0].strip() == "":  # opening a paragraph
        quoted = sent.lstrip()[:1] in ('"', "“", "«")
        if doc.block_quoted is None:
            doc.block_quoted = quoted
        elif doc.block_quoted and not quoted:
            doc.block = None
    if doc.block is None or att.claimant is not None or not _SENTENCE_END_RE.search(sent):
        doc.block = doc.block_quoted = None
        return None
    n = len(sent)
    return cl.Attribution(doc.block[0], doc.block[1], (0, n), (n, n), "said")


# the documents a source speaks through ("according to the statement", "the ministry's
# update reads:", "General Staff, morning update"), and the media that carry them
_DOCUMENT_NOUNS = frozenset(
    {"statement", "report", "update", "bulletin", "briefing", "message", "post", "summary",
     "address", "communiqué"}
)  # fmt: skip
_DOCUMENT = "(?:" + "|".join(sorted(_DOCUMENT_NOUNS - {"communiqué"})) + r"|communiqu[eé])"
_DOC_MEDIUM = (
    rf"(?:official\s+)?(?:Telegram\s+channel|Telegram|website|Facebook\s+page|page|channel|"
    rf"{_DOCUMENT})"
)
# "The full report ... of the Russian MoD's statement goes as follows:", "The General Staff's
# update reads:": a document quoted in the paragraphs after the colon, and whose it is
_DOCUMENT_INTRO_RE = re.compile(
    r"[^\n]{0,200}?\b(?:reads|read|goes|went|runs|ran|says|said)(?:\s+as\s+follows|\s+in\s+full)?"
    r"\s*:\s*"
)
_DOCUMENT_OWNER_RE = re.compile(
    rf"(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[\w.-]+){{0,4}}?)['’]s?\s+(?:[\w-]+\s+)?{_DOCUMENT}\b"
)


def _document_block(text: str, s1: int, sent: str) -> tuple[str, str | None] | None:
    """The voice of a document introduced at the end of a paragraph ("The ministry's
    statement reads as follows:"): its owner, when a side or an official's."""
    if not sent.rstrip().endswith(":") or not _DOCUMENT_INTRO_RE.fullmatch(sent):
        return None
    if text[s1 : s1 + 3].lstrip(" \t")[:1] not in ("\n", ""):
        return None
    owners = _DOCUMENT_OWNER_RE.findall(sent)
    if not owners:
        return None
    who = owners[-1]
    side = cl.side_of(who)
    if side not in ("russia", "ukraine") and not cl.is_local_official(who):
        return None
    return who, side


def _open_block(text: str, s1: int, sent: str, said: _Said, doc: DocState) -> None:
    """A sentence closing its paragraph with a colon opens a block quote: "X said:" in X's
    voice, "The ministry's statement reads as follows:" in the ministry's."""
    if said.claimant and _opens_block(text, s1, sent):
        doc.block, doc.block_quoted = (said.claimant, said.side), None
    elif (owner := _document_block(text, s1, sent)) is not None:
        doc.block, doc.block_quoted = owner, None


def _opens_block(text: str, s1: int, sent: str) -> bool:
    """Whether the sentence is an attribution alone ending its paragraph with a colon."""
    # (every match ends with a colon: the sentences that do not are not searched)
    return (
        sent.rstrip().endswith(":")
        and bool(_BLOCK_INTRO_RE.fullmatch(sent))
        and text[s1 : s1 + 3].lstrip(" \t")[:1] in ("\n", "")
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


# the outlet's own earlier report, as a correction notice cites it
_OWN_PAST_REPORT_RE = re.compile(
    r"(?i)^(?:(?:on|in|last|earlier)\s+(?:\w+\s+)?)?(?:we|this\s+(?:article|report|story|"
    r"programme|program|broadcast|bulletin)|an?\s+(?:earlier|previous)\s+(?:version\s+of\s+"
    r"this\s+)?(?:article|report|story|version|broadcast|bulletin))"
    r"(?:\s+(?:incorrectly|wrongly|erroneously|mistakenly))?$"
)
# the same report opening a narrated sentence, after a notice's label: "Correction: on Tuesday
# we reported that ...", "An earlier version of this story wrongly said ..."
_OWN_REPORT_OPENING_RE = re.compile(
    r"(?i)\s*(?:(?:correction|clarification|update|editor['’]s\s+note)\s*[:.-]\s*)?"
    r"(?:(?:on|in|last|earlier)\s+(?:\w+\s+)?)?(?:we|this\s+(?:article|report|story)|an?\s+"
    r"(?:earlier|previous)\s+(?:version\s+of\s+this\s+)?(?:article|report|story|version))\s+"
    r"(?:(?:had|has|have|was|were)\s+)?(?:(?:incorrectly|wrongly|erroneously|mistakenly)\s+)?"
    r"(?:reported|said|stated|wrote|claimed|misreported|misstated)\b"
)
_CORRECTION_RE = re.compile(
    r"(?i)\b(?:corrections?|corrected|wrong(?:ly)?|incorrect(?:ly)?|erroneous(?:ly)?|mistaken(?:ly)?|"
    r"misstated|misreported|misidentified|in\s+error|retract(?:ed|s)?)\b"
)


def _para_end(text: str, pos: int) -> int:
    """End of the paragraph holding pos."""
    end = text.find("\n\n", pos)
    return len(text) if end < 0 else end


# nouns that only ever point back to whoever spoke last ("According to the speaker, ...")
_ANY_SPEAKER_NOUNS = frozenset({"speaker", "source", "interlocutor"})


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
    if words[0] != "the" or words[-1] in _DOCUMENT_NOUNS | _ANY_SPEAKER_NOUNS:
        return True  # "according to the statement", "according to the speaker"
    if cl.is_definite_person(ref) and _is_person(prev):
        return True  # "Vladimir Rogov said ... . ..., the politician said"
    return " ".join(words[1:]) in prev.lower()


# "Translated from the X's Telegram channel", "Translated from the Telegram channel of X"
_DOC_SOURCE_RE = re.compile(
    r"^[ \t]*[*_]{0,2}(?:Translated|Adapted|Reposted|Republished|Condensed|Taken|Abridged)"
    r"(?:\s+and\s+\w+)?\s+from\s+(?:the\s+)?(?:((?:[\w'’-]+\s+){0,6}?[\w-]+)['’]s?\s+"
    + _DOC_MEDIUM
    + r"\b[^\n]*|(?:an?\s+)?"
    + _DOC_MEDIUM
    + r"\s+(?:by|of)\s+(?:the\s+)?((?:[\w'’-]+\s+){0,8}[\w'’-]+)[\s.*_]*)$",
    re.M | re.I,
)
_DOC_SOURCE_NEEDS = prescreen.Needs(_DOC_SOURCE_RE)


_STATE_OUTLETS = tuple(
    (v.side, v.regex) for rid, v in default_sides().items() if rid.startswith("side.state-outlet-")
)


def state_outlet(outlet: str) -> str | None:
    """The state whose own outlet narrates the article (None for any other outlet)."""
    name = outlet.strip()
    for side, rx in _STATE_OUTLETS:
        m = rx.match(name)
        if m and m.end() == len(name):
            return side
    return None


def channel_source(outlet: str | None) -> tuple[str, int, int] | None:
    """A text published by a combatant body or an official (a Telegram export of the General
    Staff's or a governor's channel) is their statement, not an outlet's narration. News
    outlets, monitors and web sites ("en.interfax.com.ua") keep the outlet's voice."""
    name = (outlet or "").strip()
    if not name or "." in name or state_outlet(name) or _HEADING_WORD_RE.search(name):
        return None  # ("Ukraine War Map", "Russia news live": a channel about the war)
    if cl.side_of(name) in ("russia", "ukraine") or cl.is_local_official(name):
        return name, 0, 0
    return None


def document_source(text: str) -> tuple[str, int, int] | None:
    """ "*Translated from the Zaporizhzhia regional military administration's Telegram
    channel.*" near the top: the source whose words the whole text gives, with the note's
    span."""
    # (the search only when the opening's fold holds the words every match holds)
    m = (
        _DOC_SOURCE_RE.search(text, 0, 2000)
        if _DOC_SOURCE_NEEDS.may_match(prescreen.folded(text[:2000]))
        else None
    )
    if m is None:
        return _opening_source(text)
    who = (m.group(1) or m.group(2)).strip().rstrip("*_ .")
    if not cl.is_local_official(who) and not cl.side_of(who) and not COMBATANT_RE.search(who):
        return None
    return f"the {who}", m.start(), m.end()


# "This was stated on air by X, a spokesperson for ...", "The Southern Defence Forces stated
# this on Telegram, Ukrinform reports." opening the body (a house style of Ukrinform): the
# headline and the whole text give X's statement
_OPENING_SOURCE_RE = re.compile(
    r"(?m)^(?:[^\n)]{0,40}\)\s*)?(?:(?:This|That|It)\s+was\s+(?:stated|reported|announced|said)"
    r"\b[^.\n]{0,40}?\bby\s+(?P<by>[^.;\n]{3,160}?)|(?P<who>(?:The\s+)?[A-Z][^.;\n]{2,120}?)\s+"
    r"(?:stated|reported|announced|said)\s+this\b[^.\n]{0,80}?)"
    r"(?:,\s+(?:according\s+to|citing|as\s+reported\s+by|\w+\s+reports)\b[^.\n]*)?\.\s*$"
)


def _opening_source(text: str) -> tuple[str, int, int] | None:
    """The source an article's first body paragraphs name as the author of what follows
    ("This was stated by X.", a "General Staff, morning update" line under the title, an
    "X, head of ...:" line introducing the text), with those paragraphs' span; None for any
    other opening."""
    body = re.search(r"\n\s*\n", text)  # after the title line
    if body is None:
        return None
    paras = [p for p in re.finditer(r"[^\n]+", text[: body.end() + 800]) if p.start() >= body.end()]
    openings = [p for p in paras if not _HEADER_LINE_RE.fullmatch(p.group(0))][:2]
    found: tuple[str, int, int] | None = None
    for i, opening in enumerate(openings):
        got = _opening_voice(opening.group(0).strip(), first=i == 0)
        if got is None:
            break
        who, voice_line = got
        found = (who, found[1] if found else opening.start(), opening.end())
        if not voice_line:
            break  # (a voice line may be followed by the statement's own speaker line)
    return found


def _opening_voice(para: str, first: bool) -> tuple[str, bool] | None:
    """The source an opening paragraph names, and whether it is a voice line under the
    title (a speaker line or a "This was stated by X" may follow it); None: no source."""
    m = _OPENING_SOURCE_RE.fullmatch(para) if first else None
    m = m or _SPEAKER_LINE_RE.fullmatch(para) or (_VOICE_LINE_RE.fullmatch(para) if first else None)
    if m is None or (m.re is _SPEAKER_LINE_RE and not _speaker_label(para)):
        return None  # ("The ministry said in a statement:" opens a quotation, not the text)
    if m.re is _VOICE_LINE_RE and _HEADING_WORD_RE.search(m.group("who")):
        return None  # ("Ukraine war, daily update": a live page's heading)
    who = cl.strip_claimant(m.groupdict().get("by") or m.group("who"))
    if cl.side_of(who) not in ("russia", "ukraine") and not cl.is_local_official(who):
        return None
    return who, m.re is _VOICE_LINE_RE


# "General Staff of the Armed Forces of Ukraine, morning update (translated)", "Regional
# governor, Telegram": a line under the title naming the text as a body's or official's post
_VOICE_LINE_RE = re.compile(
    rf"(?P<who>[A-Z][^.:;\n\"“”]{{2,100}}?),\s+(?:[\w'’-]+\s+){{0,3}}?{_DOC_MEDIUM}\b"
    r"[^.:;\n]{0,40}"
)
# "Oleh Syniehubov, head of the Kharkiv Regional Military Administration:" on a line of its
# own opening the body: the speaker of all that follows
_SPEAKER_LINE_RE = re.compile(r"(?P<who>[A-Z][^.:;\n\"“”]{2,150}?)\s*:")
_DOCUMENT_VERB_RE = re.compile(r"\b(?:goes|went|reads|runs|follows|following)\b")
# a live page's heading ("Ukraine war latest:", "Key updates:"), not a speaker
_HEADING_WORD_RE = re.compile(
    r"(?i)\b(?:war|latest|live|updates?|news|events|developments|key|day|timeline|recap|what|"
    r"here|today|highlights)\b"
)


def _speaker_label(line: str) -> bool:
    """Whether a line ending in a colon is a name with its title, not a clause ("The
    ministry said in a statement:", "The report goes as follows:")."""
    return (
        len(line.split()) <= 14
        and not cl.attribute(line).verb
        and cl.FINITE_RE.search(line) is None
        and _DOCUMENT_VERB_RE.search(line) is None
        and _HEADING_WORD_RE.search(line) is None
    )


# the outlet and date lines under the title
_HEADER_LINE_RE = re.compile(
    r"[^.\n]{0,80}\((?:via|[\w ]{0,30}wire)[^)]*\)|[A-Z][\w&'’/ -]{0,60}(?:\.[a-z]{2,6})?"
    r"(?:\s*\([^)]{0,60}\))?|\w+ \d{1,2}, \d{4}"
)


# "This was stated on air by X, a spokesperson for ...", "- X emphasized." closing a paragraph:
# the source named after the words speaks for the sentences before it (a house style of
# Ukrainian outlets); the narration's claims there are X's
_THIS_WAS_SAID_BY_RE = re.compile(
    r"(?:^|[.)!?]\s*)\W*(?:This|That|It|These|All\s+this)\s+(?:was|were|has\s+been|had\s+been|is)\s+"
    r"(?:\w+\s+)?(?:stated|reported|said|announced|declared|noted|claimed|written|posted|"
    r"confirmed)\b[^.]{0,60}?\bby\s+(?P<who>[^.;]{3,160}?)\s*(?:,\s+(?:on|in|at|during|"
    r"according|writes|reports)\b(?:[^.]|\.\w)*)?[.!]?\s*$"  # ("Censor.NET reports")
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

# the same searches, run only on sentences holding their words (prescreen.Screened)
_THIS_WAS_SAID_BY = prescreen.Screened(_THIS_WAS_SAID_BY_RE)
_SAID_THIS = prescreen.Screened(_SAID_THIS_RE)
# what every _THIS_WAS_SAID_BY_RE match holds ("This was", "It has been"), found in one
# scan (the pattern, trying "^" or a stop before a pronoun at every position, costs several
# times more on the many sentences holding one of its verbs)
_THIS_WAS_SAID_BY_CORE_RE = re.compile(
    r"(?:This|That|It|These|All\s+this)\s+(?:was|were|has\s+been|had\s+been|is)\s+"
)
# the words that core opens with (case as written): a few substring scans skip its search in
# the many sentences with none of them
_CORE_OPENERS = ("This", "That", "It", "These", "All")
# a dash where _DASH_SAID_RE's can stand: opening the sentence, or after a stop and space
_DASHES = ("-", "—", "–")
_DASH_AFTER_STOP_RE = re.compile(r"[.!?\"”]\s+[-—–]")
_DASH_SAID = prescreen.Screened(_DASH_SAID_RE)
_FALSE_REPORT = prescreen.Screened(reporting.FALSE_REPORT_RE)


def retro_attribution(
    text: str, s0: int, s1: int, claims: list[ClaimRecord], doc: DocState
) -> None:
    """Re-attribute the narration's claims before a sentence that names their source after
    them ("This was reported by X", "- X said."), and make X the voice that goes on."""
    sent = text[s0:s1]
    m = (
        any(map(sent.__contains__, _CORE_OPENERS))
        and _THIS_WAS_SAID_BY_CORE_RE.search(sent)
        and _THIS_WAS_SAID_BY.search(sent)
    ) or _SAID_THIS.match(sent)
    end = s0
    dash = sent[:1] in _DASHES or (
        any(map(sent.__contains__, _DASHES)) and _DASH_AFTER_STOP_RE.search(sent) is not None
    )
    if m is None and dash and (m := _DASH_SAID.search(sent)) is not None:
        end = s0 + m.start("who")  # '"..." - X said' ends the sentence holding the words
    if m is None:
        return
    who = cl.strip_claimant(cl.unquoted_names(m.group("who")))  # ('the OTG "Kharkiv"')
    who = reporting.introduction(who, doc.people) or who
    side = cl.side_of(who)
    local = side is None and (cl.is_local_official(who) or bool(COMBATANT_RE.search(who)))
    if side is None and not local:
        return
    para = text.rfind("\n", 0, s0) + 1
    if not text[para:s0].strip():  # opening its paragraph: the paragraph before
        para = text.rfind("\n\n", 0, max(0, para - 2)) + 1
    for i, c in enumerate(claims):
        if c.start is not None and para <= c.start < end and "attr.narration" in c.rules:
            rules = tuple(r for r in c.rules if r != "attr.narration")
            c_side = side or SIDE_BY_COUNTRY.get(c.place.country or "", "third-party")
            claims[i] = replace(
                c, claimant=who, side=c_side, rules=("attr.retro-attribution", *rules)
            )
    doc.prev_claimant = (who, side)
    doc.prev_attributed = True
    doc.last_state = side if side in ("russia", "ukraine") else doc.last_state
    reporting.introduce(who, doc.people)


# "While Moscow says it took X, Kyiv insists its troops hold it": two voices in one sentence
_CONTRAST_OPEN_RE = re.compile(r"\W*(?:While|Whereas|Although|Though|Even\s+as)\s+")


def contrast_cut(text: str, s0: int, s1: int) -> tuple[int, int] | None:
    """Where a sentence opening "While X says A, Y says B" turns to its second voice: the
    end of the first clause and the start of the second (None: no such turn). Each voice's
    claim then gets its own claimant, as the clause splitter does for ", but Y said B"."""
    if not _CONTRAST_OPEN_RE.match(text, s0):
        return None
    for m in re.finditer(r",\s+", text[s0:s1]):
        left, right = text[s0 : s0 + m.start()], text[s0 + m.end() : s1]
        first = cl.attribute(left)
        if first.claimant is None or first.attribution is None:
            continue
        second = cl.attribute(right)
        if second.claimant and second.attribution and second.attribution[0] <= 2:
            return s0 + m.start(), s0 + m.end()
    return None
