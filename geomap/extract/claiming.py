"""The claims pass: one ClaimRecord per (place, type) of a sentence, with its side, date,
confidence and the ids of the rules that made it; and claims from Markdown tables.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from geomap.extract import claimants as cl
from geomap.extract import reporting, verbs, version
from geomap.extract.claim_types import Typing, final_type
from geomap.extract.cues import _NEGATION_RE, _NOT_RE, _TYPE_PRIORITY, _Marks
from geomap.extract.dates import DateHit, find_dates
from geomap.extract.dating import claim_date
from geomap.extract.filters import dropped, dropped_clause, dropped_era, dropped_tally
from geomap.extract.mentions import THEATRE_COUNTRIES, Mention
from geomap.extract.placing import Doc, Places
from geomap.extract.resolution import PlaceHit, _Memory, _Resolver
from geomap.extract.tables import controller as table_controller
from geomap.extract.tables import table_rows
from geomap.extract.voices import COMBATANT_RE, Voice, state_outlet
from geomap.records import SIDE_BY_COUNTRY, ClaimRecord, PlaceRef, SourceRecord

_OWN_FORCES_RE = re.compile(
    r"\b(Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+(?:armed\s+)?(?:forces|troops|units|"
    r"defenders|soldiers|brigades?|military|army)\b",
    re.I,
)
# "Russian forces attempted 24 ground attacks near X, the group of forces said": attacks
# counted by the defender, not the attacker's own report
_COUNTED_ATTACKS_RE = re.compile(
    r"\s+(?:have\s+|had\s+)?(?:attempted|tried|launched|carried\s+out|conducted|mounted|made)\s+"
    r"(?:\d+|[a-z]+-?[a-z]*)\s+(?:[\w-]+\s+){0,2}?(?:attacks|assaults|attempts|offensive\s+actions)\b"
)
_UNIT_RE = re.compile(
    r"\b(?:group\s+of\s+forces|grouping|operational(?:[\s-]+(?:and|strategic|tactical))*[\s-]+"
    r"(?:group|command)|brigade|battalion|regiment|corps)\b",
    re.I,
)
# "Reports suggest Ukrainian troops may be pulling out", "intelligence says Russian troops
# massed near X": an institution's report, intelligence, bloggers or "state media" with no
# state named tell of either side's forces, not of their own (no own-forces side for them).
# Analysts, monitors, outlets, open-source groups and the press's reports get their side from
# rules/sides.toml (claimants.side_of) before this is reached.
_REPORTER_RE = re.compile(r"\b(?:reports?|intelligence|bloggers?|media)\b", re.I)


def _default_side(
    text: str, v: Voice, pl: Places, ref: PlaceRef, ctype: str
) -> tuple[str, str | None]:
    """The side of a claim whose claimant names none, and the id of the rule that chose it:
    narration is a third party's; a local official or a quoted "we" speaks for the place's
    country; officials report their own forces' moves; a combatant defends the place."""
    claimant, spans = v.claimant, pl.spans
    if v.narration:
        return "third-party", None
    if cl.is_local_official(claimant) or pl.quoted_we:
        return SIDE_BY_COUNTRY.get(ref.country or "", "third-party"), "side.place-country"
    if _UNIT_RE.search(claimant or ""):
        # "the Khortytsia group of forces said Russian forces attempted 24 attacks near X": a
        # unit with no nationality in its name fights for the country the place is in
        return SIDE_BY_COUNTRY.get(ref.country or "", "third-party"), "side.unit-place"
    if (
        ctype != "strike"
        and not _REPORTER_RE.search(claimant or "")
        and (fm := _OWN_FORCES_RE.search(text, spans[0][0], spans[0][1]))
        and not _COUNTED_ATTACKS_RE.match(text, fm.end())
    ):
        # "a brigade spokesman said Ukrainian forces are holding out", "Deputy Defence
        # Minister X said Ukrainian troops recaptured Y": officials report their own moves
        return _forces_side(fm), "side.own-forces"
    if COMBATANT_RE.search(claimant or ""):
        # "a drone operator from the 24th Brigade told me Russian infantry had reached the
        # town": a combatant with no nationality fights for the country the place is in
        return SIDE_BY_COUNTRY.get(ref.country or "", "third-party"), "side.combatant-place"
    return "third-party", None


def _jobs(text: str, s0: int, att: cl.Attribution, pl: Places, ty: Typing) -> list:
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


def claims_pass(
    d: Doc,
    s0: int,
    v: Voice,
    pl: Places,
    ty: Typing,
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
        ctype, why = final_type(marks, att, m, ctype, s0, cue_pos)
        rules += [r for r in (why, f"place.{m.kind}" if m.kind != "name" else None) if r]
        if not _new_claim(memory, seen, (m, ref, ctype, cue_pos), sent, s0, narration):
            continue
        c_side, c_claimant = _claim_voice(text, s0, v, pl, (m, ref, ctype, cue_pos), rules)
        c_side = _outlet_side(c_side, c_claimant, narration, outlet_voice, rules)
        ctype = _control_won(ctype, c_side, ref, rules, sent, m.start - s0)
        cdate, prec = claim_date(
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
                extractor=version.EXTRACTOR,
                extractor_version=version.VERSION,
                source=src,
                notes=None if m.kind == "name" else f"place by reference: {m.text!r}",
                rules=tuple(dict.fromkeys(rules)),
            )
        )
    return _finish_sentence(memory, out, sent, v.side, s0)


def _forces_side(fm: re.Match[str]) -> str:
    """The side of an _OWN_FORCES_RE match ("Ukrainian troops", "Russia's army")."""
    return "ukraine" if fm.group(1).lower().startswith("ukrain") else "russia"


# the cues of a side's control over a place: "X is under the control of our forces", "our
# troops control X", "X is fully under our control"
_CONTROL_RULES = frozenset(
    {"cue.holding.under-the-control-of", "cue.holding.control-3", "cue.holding.control-4"}
)
# control that goes on ("still", "remains", "continue to", "retain") is held, not won
_CONTROL_GOES_ON_RE = re.compile(
    r"\b(?:still|remains?|remained|continues?|continued|continuing|keeps?|kept|retains?|"
    r"retained|maintains?|maintained)\b",
    re.I,
)


# "control the approaches to X", "hold the northern part of X": a part of the place
_PART_OF_BEFORE_RE = re.compile(
    r"\b(?:approaches|outskirts|edge|parts?|half|most|much|bulk|north|south|east|west|"
    r"\w+ern|cent(?:re|er)|districts?|areas?|sections?|blocks?|streets?|neighbou?rhoods?|"
    r"percent|per\s+cent|%)\s+(?:of|to)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|"
    r"settlement)\s+of\s+)?$",
    re.I,
)


def _control_won(ctype: str, side: str, ref: PlaceRef, rules: list[str], sent: str, at: int) -> str:
    """A side stating its control over a place of the other country ("Kupyansk is fully
    under the control of our forces", said by Moscow; "our troops control Sudzha", by Kyiv)
    claims to have taken it: analysts record a capture, not a defence. Control of a part
    ("the approaches to X") stays what it was."""
    home = SIDE_BY_COUNTRY.get(ref.country or "")
    if (
        ctype != "holding"
        or rules[1] not in _CONTROL_RULES
        or side not in ("russia", "ukraine")
        or home in (None, side)
        or _PART_OF_BEFORE_RE.search(sent, max(0, at - 60), at)
        or _CONTROL_GOES_ON_RE.search(sent)
        or any(_forces_side(fm) == home for fm in _OWN_FORCES_RE.finditer(sent))
    ):
        return ctype  # (", the Ukrainian military holds only the north": the home side's)
    rules.append("type.control-won")
    return "captured"


def _new_claim(
    memory: _Memory, seen: set[tuple[str, str]], job: tuple, sent: str, s0: int, narration: bool
) -> bool:
    """Whether a (place, type) the sentence has not claimed yet is made: the place is
    remembered either way, then rules/filters.toml drops what reads like a claim but is
    not one (a holding only the story's topic places, a "having taken X," before a forecast,
    an advance "to prevent", the country as a whole)."""
    m, ref, ctype, cue_pos = job
    if (ref.id, ctype) in seen:
        return False
    seen.add((ref.id, ctype))
    _remember_claim(memory, ref)
    return not (
        dropped(ctype, m.kind, sent, narration)
        or dropped_clause(sent, m.start - s0, ctype, cue_pos)
    )


def _outlet_side(
    side: str, claimant: str | None, narration: bool, outlet: str, rules: list[str]
) -> str:
    """RT's or Ukrinform's own narration speaks for its state; other outlets' for no side."""
    if claimant is None and narration and (state := state_outlet(outlet)):
        rules.append("side.state-outlet")
        return state
    return side


def _finish_sentence(
    memory: _Memory, out: list[ClaimRecord], sent: str, side: str | None, s0: int
) -> list[ClaimRecord]:
    """The sentence's claims, with the other side's trailing denial; hedged predictions
    made beside factual claims are no longer answerable; a tally of the whole war ("since
    Russia invaded", rules/filters.toml [[tally]]) and history before it ([[era]]) make none."""
    published = out[0].source.published if out and out[0].source else None
    out = [
        c
        for c in out
        if not (
            dropped_tally(sent, c.claim_date, published, c.date_precision)
            or dropped_era(sent, c.claim_date, published)
        )
    ]
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
    text: str, s0: int, v: Voice, pl: Places, job: tuple, rules: list[str]
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


def _first_sentence(said: str) -> str:
    """`said` (white space already single spaces) up to its first ". ", "! " or "? ": what
    re.split(r"(?<=[.!?])\\s", said, maxsplit=1)[0] gives, without a look-behind tried at
    every position."""
    cuts = [i for i in (said.find(". "), said.find("! "), said.find("? ")) if i >= 0]
    return said[: min(cuts) + 1] if cuts else said


def without_repeats(claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """A page that repeats a sentence word for word (key points above the story, a teaser
    repeated) repeats no claim: the first telling stays."""
    seen: set[tuple] = set()
    out: list[ClaimRecord] = []
    for c in claims:
        said = " ".join((c.quote or "").split())
        first = _first_sentence(said)[:160]
        key = (c.place.id, c.side, c.type, c.claim_date, first)
        if c.quote and key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


# "Correction: An earlier version of this article misstated ...": an editor's note reports nothing
_EDITOR_NOTE_RE = re.compile(r"^\W*(?:Corrections?|Clarification|Editor['’]s\s+note)\s*:", re.I)


def no_second_toll(
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


def table_claims(
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
                extractor=version.EXTRACTOR,
                extractor_version=version.VERSION,
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
        home = SIDE_BY_COUNTRY.get(ref.country or "")
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
    if claimant and (cl.is_local_official(claimant) or COMBATANT_RE.search(claimant)):
        return SIDE_BY_COUNTRY.get(ref.country or "", "third-party")
    return "third-party"


_TABLE_DENIED_RE = re.compile(r"(?i)(?:denied|false|fake|refuted|not\s+confirmed)")
_ANSWERABLE = 64  # places a later "Kyiv denied the claim" can answer
