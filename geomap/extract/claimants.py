"""Who says so, and for which side: attribution patterns of news writing.

A sentence is split into the attribution (claimant + speech verb) and the content (what is
claimed). Patterns, as reporters write them:
  "Russia said Friday its forces had seized X"            claimant first
  "... X was liberated," Moscow's Defense Ministry said    claimant last
  "... further into the region, according to Russian military bloggers"
  "a press officer for Ukraine's 28th brigade, which ..., said ..."   (relative clause skipped)
  "said Ukraine's General Staff"                            inverted
Places inside the attribution are not claim places (they describe the claimant) but still
feed back-references. Sides come from the claimant's words: nationality and capital metonyms
("Moscow's", "Kyiv", "the Kremlin"), institutions (ISW, the UN, the outlet's own reporters ->
third-party); claimants with no nationality (prosecutors, the governor) take the side of the
country the claimed place is in. The words (speech verbs, claimant nouns, titles, markers)
are data in rules/claimants.toml, each entry with examples a test attributes; this module
keeps the structure (commas, quotes, clause order, function words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geomap.extract import prescreen
from geomap.extract.rules import (
    WordRule,
    default_claimant_rules,
    default_date_words,
    default_sides,
    group,
    joined,
    need,
)

# The words live in rules/claimants.toml (speech verbs, claimant word lists, each with its
# examples) and rules/dates.toml (weekdays, parts of the day); this module keeps the sentence
# structure: commas, quotes, clause order.
_RULES = default_claimant_rules()
_DATES = default_date_words()
_WD = need(_DATES, "date.weekday").alternation  # case as the pattern using it says
_DAY_PART = need(_DATES, "date.day-part").alternation


def _w(rid: str, ci: bool = True) -> str:
    """The words of claimants.toml entry `rid` as one group (rules.group)."""
    return group(need(_RULES, rid), ci)


# speech verbs: every [[speech]] entry in one alternation; a match is looked up in its entry
# (what it produces) by _speech_rule
_SPEECH: list[WordRule] = [
    r for r in _RULES.values() if r.produces in ("speech", "denial", "naming")
]
_VERB_ALTS = [_w(r.id) for r in _SPEECH]
_VERB_RE = re.compile(rf"\b(?:{'|'.join(_VERB_ALTS)})\b", re.I)
# the same matches, tried only where a verb begins, with the entries that verb can begin
_VERBS = prescreen.BranchFinder(_VERB_RE, r"\b", _VERB_ALTS, r"\b")


def _speech_rule(vm: re.Match[str]) -> WordRule:
    """The [[speech]] entry a matched verb belongs to (the first, in file order; an entry's
    tail may look ahead past the verb, so it is matched in the sentence); only the entries
    that can begin where it begins are asked."""
    for i in _VERBS.alternatives(vm):
        r = _SPEECH[i]
        m = r.regex.match(vm.string, vm.start())
        if m is not None and m.end() == vm.end():
            return r
    raise LookupError(vm.group(0))  # pragma: no cover - every verb comes from an entry


_ACCORDING_RE = re.compile(
    rf"(?:^|,\s*|\(\s*|\s)(?:(?P<strong>{_w('claimant.according-to')})|{_w('claimant.citing')})\s+",
    re.I,
)
_ACCORDING = prescreen.Screened(_ACCORDING_RE)  # run only where "according", "citing", ... occur
_NOT_A_SOURCE_RE = re.compile(rf"the\s+{_w('claimant.not-a-source')}\b", re.I)

# the side vocabularies live in rules/sides.toml (one entry per vocabulary, with examples)
_SIDES = default_sides()
_RUSSIA_RE = _SIDES["side.russia"].regex
_UKRAINE_RE = _SIDES["side.ukraine"].regex
_THIRD_RE = _SIDES["side.third-party"].regex
# Officials who speak for whoever governs the place: side = the place's country.
_LOCAL_RE = re.compile(rf"\b{_w('claimant.local-official')}\b", re.I)
# Pronoun claimants take the previous claimant.
_DEFINITE_PERSON = rf"the\s+{_w('claimant.definite-person')}"  # "the general": a person
_DEFINITE_PERSON_RE = re.compile(rf"^{_DEFINITE_PERSON}$", re.I)
_PRONOUN_RE = re.compile(
    rf"^(?:{_w('claimant.pronoun')}|the\s+{_w('claimant.definite-speaker')}|{_DEFINITE_PERSON})$",
    re.I,
)
_LEADING_RE = re.compile(rf"^{_w('claimant.leading-connective')}\s*,?\s+", re.I)
_CLAIMANT_HEAD_RE = re.compile(rf"\b{_w('claimant.head')}\b", re.I)


@lru_cache(maxsize=4096)
def _has_head(s: str) -> bool:
    """Whether `s` holds a claimant head noun (asked of the same claimant many times over)."""
    return _CLAIMANT_HEAD_RE.search(s) is not None


_SUBORD_RE = re.compile(rf"\b{_w('claimant.subordinator', ci=False)}\s+")
# "Moscow, for its part, says ...": a discourse aside between the claimant and its verb
_DISCOURSE_ASIDE_RE = re.compile(rf"^\s*{_w('claimant.discourse-aside')}\s*$", re.I)
_FOR_OF_END_RE = re.compile(r"\b(?:for|of)\s*$")

# "Ukrainian military observers", "the Moscow-appointed governor": the lead marker's side
_LEAD_NATIONAL_RE = re.compile(
    rf"^(?:the\s+|a\s+|an\s+)?(?:(?P<ua>{_w('claimant.lead-ukraine')})|{_w('claimant.lead-russia')})\b",
    re.I,
)
_ANALYST_RE = re.compile(rf"\b{_w('claimant.analyst')}\b", re.I)
_AUX_END_RE = re.compile(rf"(?:\s+{_w('claimant.trailing-auxiliary')})+$", re.I)
# one such word as a whole token: the last token of a text _AUX_END_RE can match in
_AUX_WORD_RE = re.compile(_w("claimant.trailing-auxiliary"), re.I)


def _without_aux_end(s: str) -> str:
    """`_AUX_END_RE.sub("", s)`, asked of the regex only when the text's last token is one of
    its words (every match ends with one, at the end or before a final line break): the
    search, which tries every white space of the text, is otherwise skipped."""
    t = s[:-1] if s.endswith("\n") else s
    if not t or t[-1].isspace() or not _AUX_WORD_RE.fullmatch(t.rsplit(None, 1)[-1]):
        return s
    return _AUX_END_RE.sub("", s)


_VERB_CUT_RE = re.compile(r"\s+(?:did|does|do|has|have|had|was|were|is|are)\s+not\b|\s+and$")
# after "X, the governor added," the sentence goes on with its verb (not "using ...")
_PARENTHETICAL_RE = re.compile(
    r"^\s*,\s+(?=(?:were|was|are|is|had|has|have|would|will|could|did|\w+ed)\b)", re.I
)
_ADDING_RE = re.compile(rf",\s+{_w('claimant.continuation')}(?:\s+that)?\s+", re.I)
# "Ukraine denied the claim and said fighting was going on": the denier's own account
_AND_SAID_RE = re.compile(rf"\s+and\s+{joined(_RULES, 'own-account')}(?:\s+that)?\s+", re.I)
_TITLE_RE = re.compile(rf"\b{_w('claimant.title')}\b", re.I)
# a participle after a determiner or "make" is an adjective, not a speech verb
_ADJECTIVAL_BEFORE_RE = re.compile(rf"\b{_w('claimant.adjectival-before')}\s+$", re.I)
# "A day earlier,", "On Tuesday,", "Meanwhile,": an introductory adverbial before a claimant
_INTRO_RE = re.compile(rf"^{_w('claimant.intro-adverbial')}\b[^,]*,$", re.I)
_DATELINE_RE = re.compile(r"^\s*(?:[A-Z][A-Za-z .'’]*\s+)?[-—–]\s+")  # " Ukraine - " after "LYMAN,"
_FALSE_WORD_RE = re.compile(rf"\b{_w('claimant.false-word')}\b", re.I)
# "Ukraine said the claim was false": what follows the speech verb only calls a claim false
_SAID_FALSE_RE = re.compile(rf"\s+(?:{_w('claimant.said-false')})\b", re.I)
_POSSESSIVE_ACCOUNT_RE = re.compile(
    rf"^\s*(His|Her|Their|Its)\s+(?:\w+\s+){{0,2}}?{_w('claimant.account', ci=False)}"
    r"\b[^:.]{0,40}:\s*"
)
_TITLE_NP_RE = re.compile(
    rf"\s*(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){{0,4}}?{_w('claimant.title')}"
    # ("the commander of the 12th Separate Regiment of Unmanned Systems Falcon": up to 8 words)
    r"(?:\s+(?:for|of|in|at|on)\s+(?:the\s+)?(?:[\w'’-]+\s*){1,8})?\s*",
    re.I,
)
# "spokesman for the Eastern Group of the Armed Forces", "head of the city administration":
# a title phrase after a name may go without its article
_BARE_TITLE_NP_RE = re.compile(
    rf"\s*(?:[\w'’-]+\s+){{0,3}}?{_w('claimant.title')}(?:\s+(?:for|of|in|at|on)\s+[^,;:]{{1,90}})?\s*",
    re.I,
)
_PERSON_RE = re.compile(r"^(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+$")
# "..., regional officials said Tuesday as authorities in Kyiv claimed ...": a clause after
# the verb that opens with a subordinator is no reported content
_TAIL_SUBCLAUSE_RE = re.compile(
    rf"^\s*(?:(?:on\s+)?(?:{_WD}|today|yesterday|overnight|late|early|earlier|later)\s+)?"
    r"(?:as|while|whereas|after|before|when|since|though|although|because|amid)\s"
)
_TRAILING_TAIL_RE = re.compile(r"^\s*(?:[^,.;:]{0,40}?)(?:[,.;:]|$)")
# "told the agency", "told Ukrainian television": whom a speaker told, before what
_ADDRESSEE_RE = re.compile(
    r"^\s*(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,2}?(?:agency|reporters|journalists|"
    r"television|TV|broadcaster|radio|newspaper|outlet|website|channel|publication|media|"
    r"press|correspondents?|[A-Z][\w.'’-]+)\b"
)
# 'Addressing the reports, the spokesman added, "..."': a quotation opens right after the verb
_QUOTE_AFTER_RE = re.compile(r"^\s*[,:]?\s*[\"“]")
# "said that ...", "said Russian troops ...": the reported clause follows the verb
_CONTENT_OPENER_RE = re.compile(rf"^\s*{_w('claimant.content-opener', ci=False)}\b")


@dataclass
class Attribution:
    """Claimant text (as written, may be None for the outlet's own voice) and the spans."""

    claimant: str | None
    side: str | None  # russia | ukraine | third-party | None (decide from the place)
    content: tuple[int, int]  # span (relative to the sentence) holding the claim
    attribution: tuple[int, int] | None  # span of claimant + verb
    verb: str | None
    denial: bool = False
    extra: tuple[int, int] | None = None  # ", adding that ..." after a trailing attribution


# Open-source monitors speak for neither side, whatever their nationality ("the Ukrainian
# monitoring group DeepState", "the Russian-leaning mapper Rybar" is a Russian channel, though)
_MONITOR_RE = _SIDES["side.monitors"].regex
_VOLUNTEERS_RE = _SIDES["side.volunteer-units"].regex
_OUTLET_SOURCES_UA_RE = _SIDES["side.outlet-sources-ukraine"].regex
_MEDIA_RE = _SIDES["side.media"].regex  # outlets speak as outlets; state media do not match
_BOTH_RE = _SIDES["side.both-sides"].regex  # "Russian and Ukrainian sources": neither side


_NAMED_ANALYST_RE = re.compile(
    r"\b(?:analyst|observer|expert|blogger)\s+(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+\s*$"
)


def side_of(claimant: str | None) -> str | None:
    """Side from the claimant's words; None for nationality-free officials (decide by place)."""
    if not claimant:
        return None
    return _side_of(claimant)


@lru_cache(maxsize=4096)
def _side_of(claimant: str) -> str | None:
    """side_of a non-empty claimant (asked of the same claimant many times over)."""
    if _VOLUNTEERS_RE.search(claimant) or _OUTLET_SOURCES_UA_RE.search(claimant):
        return "ukraine"  # "the Russian Volunteer Corps", "Ukrainska Pravda sources"
    if _MONITOR_RE.search(claimant) or _MEDIA_RE.search(claimant) or _BOTH_RE.search(claimant):
        return "third-party"
    if _ANALYST_RE.search(claimant.split(" of ")[0].split(" for ")[0]):
        # "a Ukrainian military observer", "Analysts": an analyst speaks as an analyst,
        # whatever the nationality before the noun (the README's third party)
        return "third-party"
    cands = []
    for side, pat in (("russia", _RUSSIA_RE), ("ukraine", _UKRAINE_RE), ("third-party", _THIRD_RE)):
        m = pat.search(claimant)
        if m:
            cands.append((m.start(), side))
    if not cands:
        return None
    if _NAMED_ANALYST_RE.search(claimant):
        # "Ukrainian military observer Kostiantyn Mashovets": a named analyst speaks for himself
        return "third-party"
    lead = _LEAD_NATIONAL_RE.match(claimant)
    if lead:  # "Ukrainian war correspondents", "the Moscow-appointed governor"
        return "ukraine" if lead.group("ua") else "russia"
    # "a press officer for Ukraine's 28th brigade": the first national marker governs; an
    # institution named as the claimant ("analysts", "ISW") beats a nationality inside it
    # ("Western analysts of the Russian army").
    cands.sort()
    third = [c for c in cands if c[1] == "third-party"]
    if third and _THIRD_RE.search(claimant.split(" of ")[0].split(" for ")[0]):
        natl = [c for c in cands if c[1] != "third-party"]
        if not natl or third[0][0] < natl[0][0] or _ANALYST_RE.search(claimant):
            return "third-party"
    return cands[0][1]


def is_local_official(claimant: str | None) -> bool:
    return bool(claimant) and _is_local(claimant)


@lru_cache(maxsize=4096)
def _is_local(claimant: str) -> bool:
    return _LOCAL_RE.search(claimant) is not None


# "On Wednesday it said": the day before the pronoun is no part of the claimant
_LEAD_TIME_RE = re.compile(
    rf"^(?:on\s+|last\s+|early\s+|late\s+)?(?:{_WD}|{_w('claimant.lead-time')})"
    rf"(?:\s+(?:{_DAY_PART}))?\s*,?\s+(?=(?:{_w('claimant.pronoun')}|the|a|an)\b)",
    re.I,
)


_RELATIVE_END_RE = re.compile(r"(?<=\w)\s+(?:who|that|which)$")


def strip_claimant(s: str) -> str:
    """A claimant phrase without connectives, time words, auxiliaries and edge punctuation."""
    return _strip_claimant(s)


# "MOSCOW (Reuters) -", "Kyiv, (APP - 18th Feb, 2024)": a dateline glued to the claimant
_DATELINE_PREFIX_RE = re.compile(
    r"^(?:[A-Z]{2,}[A-Z .'’-]*\s*\([^()]{1,80}\)|[^()]{0,40}\d[^()]{0,10}\))\s*(?:[-—–:]+\s*)?"
    r"(?=[A-Z])"
)


def _ends_with(s: str, tails: tuple[str, ...]) -> bool:
    """Whether `s` ends with one of `tails`, or does before a final line break (where "$"
    matches too): _RELATIVE_END_RE leaves a phrase that does not end so alone."""
    return (s[:-1] if s.endswith("\n") else s).endswith(tails)


def _strip_claimant(s: str) -> str:
    s = s.strip().strip(",;:—–-\"“”'> ")
    if ")" in s[:130] and (dl := _DATELINE_PREFIX_RE.match(s)):
        s = s[dl.end() :]
    s = _LEADING_RE.sub("", s)
    s = _LEAD_TIME_RE.sub("", s)
    if "not" in s or "and" in s[-4:]:  # (every _VERB_CUT_RE match holds one; a fast test)
        s = _VERB_CUT_RE.split(s)[0]  # "the General Staff did not confirm the loss and"
    s = _without_aux_end(s)
    if _ends_with(s, ("who", "that", "which")):
        s = _RELATIVE_END_RE.sub("", s)  # "Officials who spoke to reporters said": "Officials"
    return _SPACES_RE.sub(" ", s.strip())  # blanked name quotes leave double spaces


@lru_cache(maxsize=4096)
def _looks_like_claimant(s: str) -> bool:
    """Whether a phrase can name a speaker (asked of the same phrase by several rules of a
    sentence: cached per string)."""
    words = s.split()
    if not words or len(words) > 14 or _GERUND_START_RE.match(s):
        return False  # "..., completing the offensive that stunned the Kremlin, writes X"
    if _PREPOSITION_START_RE.match(s) or _WH_CLAUSE_RE.match(s) or _OPENER_START_RE.match(s):
        return False  # "On 7 March, reports emerged", "what he said was", "Despite": no one
    if words[-1].lower() in _PLACE_HEADS and not _has_head(s):
        return False  # "the town boasts a hilltop": a place, not a speaker
    if _PRONOUN_RE.match(s):
        return True
    if words[0][0].isupper() or _has_head(s):
        return bool(_has_head(s) or any(w[0].isupper() for w in words))
    return False


# "Contrary to initial claims, X said", "Addressing reports of Y, X said": a noun after an opener
_NOUN_USE_BEFORE_RE = re.compile(
    rf"(?:^|[,;:(]\s*)\W*(?:{_w('claimant.noun-opener')}|[A-Z][a-z]+ing)\s+(?:[\w'’-]+\s+){{0,3}}$"
    r"|\w['’]s?\s+(?:[a-z-]+\s+)?$"  # "Russia's claims", "the ministry's latest reports"
    # "Russian claims that ...", "the Ukrainian reports": a nationality adjective makes a noun
    r"|(?:^|\s)(?:the\s+|these\s+|those\s+|such\s+|earlier\s+|recent\s+)?(?:Russian|Ukrainian|"
    r"Kremlin|separatist|pro-Russian|pro-Kremlin|official|media)\s+$"
    # "no truth to reports that ...", "despite claims": after a preposition, a noun
    r"|(?:^|\s)(?:to|of|about|on|despite|amid|after|following|over|against|with)\s+"
    r"(?:the\s+|these\s+|those\s+|such\s+|any\s+|all\s+)?(?:[a-z-]+\s+)?$",
    re.I,
)
_NOUN_USE_AFTER_RE = re.compile(
    r"\s+(?:emerged|surfaced|appeared|circulated|spread|suggested|suggest|indicated|indicate|"
    r"showed|show|are|were|have|had)\b"
)
# "On 7 March", "In March 2025", "Since Monday": a time phrase alone names no one
_PREPOSITION_START_RE = re.compile(
    r"(?i)^(?:on|in|at|since|during|after|before|until|by|as\s+of)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+"
    r"[a-z]+|[a-z]+\s+\d{1,2}(?:st|nd|rd|th)?|[a-z]+)(?:,?\s+\d{4})?$"
)
_WH_CLAUSE_RE = re.compile(r"(?i)^(?:what|how|why|whether|whatever)\b")
_OPENER_START_RE = re.compile(rf"^{_w('claimant.noun-opener')}\b", re.I)
_PLACE_HEADS = frozenset(
    "town city village settlement region oblast district area river hill bridge outskirts "
    "front frontline".split()
)
# a clause, not a noun phrase: "completing the offensive", "stunned the Kremlin"
_GERUND_START_RE = re.compile(
    r"^(?:[a-z]+ing\b(?<!\bthing)|[a-z]+ed\s+(?:the|a|an|its|their|his|her|our)\b)"
)
# "X on Friday said", "X also said": the time or discourse word is no part of the claimant
_TRAILING_TIME_RE = re.compile(
    rf"\s+(?:on\s+)?(?:{_WD}|{_w('claimant.trailing-time', ci=False)})\s*$"
)


_NAME_WORD_RE = re.compile(
    rf"(?:[A-Z][\w'’.-]*|[\w-]+-[\w-]+|{_w('claimant.name-modifier')}|{_w('claimant.head')})",
    re.I,
)
_CLAUSE_VERB_END_RE = re.compile(r"\s[a-z]{3,}(?:s|ed)$")


def _no_cut(seg: str, left0: int, sub: re.Match[str]) -> bool:
    """Whether a subordinator is no clause start for the claimant: "and" between the parts of
    one name or two names ("the Security and Defense Council", "bloggers and Z-channels"), or a
    relative clause with its own verb ("the governor of the area which Moscow controls")."""
    word = sub.group(0).strip()
    if word == "and":
        left = seg[left0 : sub.start()].split()
        # a capitalised word on both sides joins one long name ("the Center for Countering
        # Disinformation of the National Security and Defense Council")
        right_cap = seg[sub.end() : sub.end() + 1].isupper()
        return (
            0 < len(left) <= (12 if right_cap else 6)
            and all(_NAME_WORD_RE.fullmatch(w) for w in left)
            and (left[-1][0].isupper() or bool(_CLAIMANT_HEAD_RE.fullmatch(left[-1])))
        )
    if word in ("which", "that", "where"):
        tail = seg[sub.end() :].strip()
        last = tail.split()[-1] if tail.split() else ""
        return bool(_CLAUSE_VERB_END_RE.search(tail)) and not _CLAIMANT_HEAD_RE.fullmatch(last)
    return False


def _after_subordinator(seg: str, seg_start: int) -> tuple[int, str]:
    """Inside a clause ("that Moscow claims", "since X"): the segment after the last
    subordinator, when what follows it looks like a claimant."""
    subs = list(_SUBORD_RE.finditer(seg))
    while subs and _no_cut(seg, subs[-2].end() if len(subs) > 1 else 0, subs[-1]):
        subs.pop()
    m = subs[-1] if subs else None
    if m and m.end() < len(seg.rstrip()) and not _FOR_OF_END_RE.search(seg[: m.start()]):
        tail = seg[m.end() :]
        if tail.strip() and _looks_like_claimant(_strip_claimant(tail)):
            return seg_start + m.end(), tail
    return seg_start, seg


# 'the Group "Kharkiv," Ivan Petrenko, said', 'the "Vostok" group's spokesman said': quotation
# marks around a short capitalised name after a word are part of the claimant noun phrase (a
# unit's or an operation's name), not a quotation
_QUOTED_NAME_RE = re.compile(
    r"(?<=[\w'’]\s)[\"“](?:[A-Z][\w'’.-]*(?:[\s-][A-Z][\w'’.-]*){0,3}),?[\"”]"
)
# a quotation closing right before the verb ('"...," said X'): no claimant before the verb
_QUOTE_CLOSED_RE = re.compile(r"[\"”]\s*,?\s*$")


def unquoted_names(s: str) -> str:
    """`s` with the quotation marks around quoted names blanked (same length, so offsets
    hold): the claimant parser splits on real quotations only."""
    if '"' not in s and "“" not in s:
        return s  # (every match opens with one of them)
    out = list(s)
    for m in _QUOTED_NAME_RE.finditer(s):
        out[m.start()] = out[m.end() - 1] = " "
    return "".join(out)


# a comma, a colon, a quotation mark or a dash between spaces: written as one first
# character (the engine then skips the positions none can begin at), the same matches as
# r"[,;:\"“”]|\s[-—–]\s"
_BOUND_RE = re.compile(r"[,;:\"“”\s](?:(?<=[,;:\"“”])|(?<=\s)[-—–]\s)")
# its matches in a text with no dash: the marks alone (the engine then skips over spaces too)
_MARK_BOUND_RE = re.compile(r"[,;:\"“”]")
_DASHES = ("-", "—", "–")
_SPACES_RE = re.compile(r"\s\s+")  # r"\s{2,}", opening with a class the engine can skip to


_WHERE_RE = re.compile(r"^\s*where\s+")
_RELATIVE_OPENER_RE = re.compile(r"^\s*(?:which|who|whose|where)\b")


def _claimant_before(sentence: str, vpos: int) -> tuple[str, int] | None:
    """The noun phrase ending right before the speech verb at vpos, skipping a relative clause
    ("X, which has been fighting for Y, said") and a trailing date word ("X on Friday said");
    None after a closing quotation ('"...," said X': the claimant follows the verb)."""
    left = unquoted_names(sentence[:vpos])
    if _QUOTE_CLOSED_RE.search(left):
        return None
    # segments split on commas / quotes; walk back over a relative clause
    bound_re = _BOUND_RE if any(map(left.__contains__, _DASHES)) else _MARK_BOUND_RE
    bounds = [m.end() for m in bound_re.finditer(left)]
    bounds = [0, *bounds]
    i = len(bounds) - 1
    end = len(left)
    seg_start = bounds[i]
    seg = left[seg_start:end]
    # ", where Russia's Defence Ministry says ...": a "where" clause running up to the verb
    # holds the verb's own subject
    wm = _WHERE_RE.match(seg)
    own_where = bool(wm and _looks_like_claimant(_strip_claimant(seg[wm.end() :])))
    while (
        i > 0
        and not own_where
        and (not seg.strip() or _RELATIVE_OPENER_RE.match(seg) or _DISCOURSE_ASIDE_RE.match(seg))
    ):
        end = bounds[i] - 1
        i -= 1
        seg_start = bounds[i]
        seg = left[seg_start:end]
    # inside a clause: "that Moscow claims", "since X" -> cut at the last subordinator
    seg_start, seg = _after_subordinator(seg, seg_start)
    seg = _TRAILING_TIME_RE.sub("", seg)
    claimant = _strip_claimant(seg)
    if i > 0 and not _looks_like_claimant(claimant):
        if _closing_role(claimant, sentence, vpos):
            return claimant, seg_start  # "..., the general said."
        if re.match(r"^\s*(?:the|a|an)\s", seg):
            # "authorities in Enerhodar, the town beside the plant, blamed ...": skip the aside
            end = bounds[i] - 1
            i -= 1
            seg_start = bounds[i]
            seg = left[seg_start:end]
            claimant = _strip_claimant(seg)
            if not (_has_head(claimant) or _PERSON_RE.match(claimant)):
                return None  # "Nine drones were shot down, the X said": content, not a claimant
    if not _looks_like_claimant(claimant):
        return None
    single_after_who = (
        i > 1
        and re.fullmatch(r"[A-Z][\w'’-]+", claimant) is not None
        and re.match(r"^\s*(?:who|which)\b", left[bounds[i - 1] : bounds[i] - 1])
    )
    if (_PERSON_RE.match(claimant) or single_after_who) and not _has_head(claimant) and i > 0:
        titled = _titled_name(left, bounds, i, claimant)
        if titled is not None:
            return titled
    return _named_before_title(left, bounds, i, seg) or (claimant, seg_start)


# "..., the general said.", "..., a lawmaker told Reuters on Friday.": a short common noun
# phrase and a speech verb closing the sentence name its speaker, whatever the role
_ROLE_NP_RE = re.compile(r"(?:the|a|an|one)\s+(?:[\w'’-]+\s+){0,3}[a-z][\w'’-]*")
_CLOSING_VERB_RE = re.compile(
    r"\w+(?:\s+(?:on|in|at|to|during|via|later|earlier|late|today|yesterday|overnight|reporters|"
    r"journalists|[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,3}?)?\s*[.!?]?[\"”’]?\s*$"
)


def _closing_role(claimant: str, sentence: str, vpos: int) -> bool:
    """Whether `claimant` is a role noun phrase the head list does not know ("the general",
    "a Ukrainian lawmaker") whose speech verb ends the sentence: without this the clause
    before the comma was read as the speaker."""
    return (
        _ROLE_NP_RE.fullmatch(claimant) is not None
        and claimant.split()[-1].lower() not in _PLACE_HEADS
        and _CLOSING_VERB_RE.match(sentence, vpos) is not None
    )


def _named_before_title(left: str, bounds: list[int], i: int, seg: str) -> tuple[str, int] | None:
    """'"...," Ivan Petrenko, a spokesman for the army, said', '..., Ivan Petrenko, head of the
    city administration, wrote': the name before a title phrase is the claimant's too."""
    if i < 1:
        return None
    raw = left[bounds[i - 1] : bounds[i] - 1].strip()
    name = _strip_claimant(raw)
    if _INTRO_RE.match(f"{name},"):
        return None
    titled = bool(_TITLE_NP_RE.fullmatch(seg) or _BARE_TITLE_NP_RE.fullmatch(seg))
    if titled and _PERSON_RE.match(name):
        return f"{name}, {_strip_claimant(seg)}", bounds[i - 1]
    if (
        left[bounds[i] - 1] == ","
        and _SHORT_NAME_RE.match(name)
        and name == raw  # ("Kupiansk has not been captured, the military said": a clause)
        and _APPOSITIVE_RE.match(seg)
        and len(seg.split()) <= 12
        and _has_head(seg)
        and not _has_head(name)
    ):
        # "DeepState, a Ukrainian mapping project, reported": a source named by its own name
        return f"{name}, {_strip_claimant(seg)}", bounds[i - 1]
    return None


_SHORT_NAME_RE = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*$")
_APPOSITIVE_RE = re.compile(r"^\s*(?:a|an|the)\s", re.I)


def _titled_name(left: str, bounds: list[int], i: int, claimant: str) -> tuple[str, int] | None:
    """A person's name with the title phrase before it: "the governor of Russia's Belgorod
    region, Vyacheslav Gladkov, said"; None when no title precedes the name."""
    j = i - 1
    # "The commander of a drone unit, who asked to be named only by his call sign, Tykhyi,"
    while j > 0 and re.match(r"^\s*(?:who|which)\b", left[bounds[j] : bounds[j + 1] - 1]):
        j -= 1
    prev = left[bounds[j] : bounds[j + 1] - 1]
    first = left[: bounds[j]].strip()
    # "(Separately,) the governor ..., said"; a dateline ("LYMAN, Ukraine -") may open the
    # sentence
    lead_ok = j == 0 or (len(first.split()) <= 4 and bool(_INTRO_RE.match(first)))
    dl = _DATELINE_RE.match(prev) if j == 0 or (j == 1 and first.isupper()) else None
    if dl:
        prev = prev[dl.end() :]
        lead_ok = True
    if not lead_ok and _TITLE_NP_RE.fullmatch(prev):
        # "..., the regional governor, Oleksandr Prokudin, said": a title phrase alone
        # between commas before the name
        lead_ok = True
    # up to 12 words: "The spokesman of the Operational and Tactical Group of Forces X, Name,"
    if lead_ok and len(prev.split()) <= 12 and _TITLE_RE.search(prev):
        return f"{_strip_claimant(prev)}, {claimant}", bounds[j] + (dl.end() if dl else 0)
    return None


# "Quote from Konashenkov: ...", "Statement by the General Staff: ...": a label naming the
# speaker before a colon (a house style of Ukrainian outlets)
_QUOTE_LABEL_RE = re.compile(
    rf"^\s*{_w('claimant.quote-label', ci=False)}\s+(?:from|by|of)\s+([^:\n]{{2,80}}?)\s*:\s*"
)


def attribute(sentence: str) -> Attribution:
    """Split one sentence into attribution and content."""
    n = len(sentence)
    if ql := _QUOTE_LABEL_RE.match(sentence):
        who = _strip_claimant(ql.group(1))
        return Attribution(who, side_of(who), (ql.end(), n), (0, ql.end()), "quote")
    pm = _POSSESSIVE_ACCOUNT_RE.match(sentence)
    if pm:  # "His account was stark: Russian infantry had ...": the source named before
        pron = {"his": "he", "her": "she", "their": "they"}.get(pm.group(1).lower(), "it")
        return Attribution(pron, None, (pm.end(), n), (0, pm.end()), "account")
    if (asr := _AS_REPORTED_RE.match(sentence)) and _looks_like_claimant(
        who := _strip_claimant(asr.group("who"))
    ):  # "As reported by the agency, ...": the agent before the comma, the content after it
        return Attribution(who, side_of(who), (asr.end(), n), (0, asr.end()), asr.group("v"))
    if (ast := _AS_REPORTED_TAIL.search(sentence)) and _looks_like_claimant(
        who := _strip_claimant(ast.group("who"))
    ):  # "X was hit on Monday, as reported by the governor.": the content before the comma
        return Attribution(who, side_of(who), (0, ast.start()), (ast.start(), n), ast.group("v"))
    if (fb := _footage_by(sentence)) is not None:
        return fb  # "Video released by X on Tuesday shows ...": X claims what it shows
    found = [vm for vm in _VERBS.finditer(sentence) if not _in_proper_name(sentence, vm)]
    if (pas := _first_passive(sentence, found)) is not None:
        return pas  # the agent of "was stated by X", before a trailing "according to"
    if (lq := labelled_quote(sentence, 0, sentence)) is not None:
        return lq  # "Source: X; Y" + "Quote: ..." read as one sentence
    if (acc := _according(sentence)) is not None:
        if acc.side is None and _CITING_ASIDE_RE.search(sentence):
            # "The broadcaster X, citing sources, said ...": X speaks, naming its sources
            spoken = _spoken(sentence, found)
            if spoken is not None and spoken.side is not None:
                return spoken
        return acc
    return _spoken(sentence, found) or Attribution(None, None, (0, n), None, None)


# a capitalised word right before a capitalised "verb": "the United States", "Reports Desk"
_CAPITAL_BEFORE_RE = re.compile(r"[A-Z][\w'’.-]*\s+$")
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _in_proper_name(sentence: str, vm: re.Match[str]) -> bool:
    """Whether a speech verb's match is a word of a proper name ("arms received from the
    United States"): capitalised after a capitalised word, in a sentence not in title case
    (a headline's "Russia Says It Took X" keeps its verb)."""
    v = vm.group(0)
    if not (v[:1].isupper() and v[1:].islower()):
        return False  # ("UKRAINE HAS SAID": a lede's capitals, not a name)
    if not _CAPITAL_BEFORE_RE.search(sentence, 0, vm.start()):
        return False
    words = _WORD_RE.findall(sentence)
    return sum(w[0].isupper() for w in words) * 2 < len(words)


# ", citing sources, said": the speaker's sources, named between commas before its verb
_CITING_ASIDE_RE = re.compile(r",\s+(?:citing|quoting)\s+[^,;.]{2,60},\s+(?:\w+\s+){0,2}?\w+\b")


def _spoken(sentence: str, found: list[re.Match[str]]) -> Attribution | None:
    """The first speech verb of the sentence (`found`: its speech verbs' matches) with its
    claimant (before it, coordinated, or inverted after it), skipping the verb forms that
    are nouns, adjectives or passives."""
    for vm in found:
        if _ADJECTIVAL_BEFORE_RE.search(sentence, max(0, vm.start() - 20), vm.start()):
            continue  # "did not make confirmed advances", "the claimed capture": adjectives
        if vm.group(0).lower() in ("reports", "claims") and (
            _NOUN_USE_AFTER_RE.match(sentence, vm.end())
            or _NOUN_USE_BEFORE_RE.search(sentence[: vm.start()])
        ):
            continue  # "reports emerged that ...", "Despite claims, ...": a noun, not the verb
        if vm.group(0).lower() in _PARTICIPLES and _DOC_PARTICIPLE_RE.search(
            sentence, max(0, vm.start() - 20), vm.start()
        ):
            continue  # "a bulletin posted on the staff's channel says ...": a participle
        produces = _speech_rule(vm).produces
        denial = produces == "denial"
        if produces == "naming":
            # "called the report about X a fake": naming a claim false denies it
            if not _FALSE_WORD_RE.search(sentence, vm.end()):
                continue
            denial = True
        elif produces == "speech" and _SAID_FALSE_RE.match(sentence, vm.end()):
            denial = True  # "Ukraine said the claim was false"
        if _PASSIVE_AUX_RE.search(sentence, max(0, vm.start() - 30), vm.start()):
            continue  # "the depot was reported destroyed": a passive names no claimant before it
        before = _claimant_before(sentence, vm.start())
        if before is not None and _PHRASE_NOUN_RE.match(before[0]):
            continue  # "In a message posted on X, Y admitted ...": a participle of the noun
        if before is not None and (co := _coordinated(sentence, vm, before, denial)):
            return co
        if before is not None and _clause_before_comma(sentence, vm, before[0]):
            # "Russian troops shelled X overnight, said Governor Y": the clause before the
            # comma is the content, the speaker follows the verb
            inv = _inverted(sentence, vm, denial)
            if inv is not None and not FINITE_RE.search(inv.claimant or ""):
                return inv
        if before is not None and _content_before_comma(sentence, vm, before[0]):
            # "X remains under our control, said Lt. Col. Y": the claimant follows the verb
            if (inv := _inverted(sentence, vm, denial)) is not None:
                return inv
        if before is not None:
            return _speech(sentence, vm, before, denial)
        if before is None and (co := _comma_coordinated(sentence, vm, denial)) is not None:
            return co
        # inverted: '"...," said Ukraine's General Staff.'
        if (inv := _inverted(sentence, vm, denial)) is not None:
            return inv
    return None


# "A bulletin posted on the staff's channel says": the verb of the document noun follows
_DOC_PARTICIPLE_RE = re.compile(
    r"\b(?:statement|bulletin|report|post|message|video|update|summary|footage|photo|notice|"
    r"clip|map)s?\s+$",
    re.I,
)
_PARTICIPLES = frozenset({"posted", "published", "released", "shared", "described"})


# "In a message posted on Telegram, ...", "In a video published overnight, ...": a participle
# after a prepositional phrase's noun describes the noun; its "claimant" is no subject
_PHRASE_NOUN_RE = re.compile(
    r"^(?:In|On|At|Via|Through|From)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w'’-]+\s+)?[\w'’-]+$"
)


# "Video released by the ministry on Tuesday reportedly shows ...", "Images being published
# since Monday by the army confirm that ...": footage put out by a source shows what the source
# claims; the agent after "by" is the claimant and what the footage shows is the content
_FOOTAGE_BY_RE = re.compile(
    r"\b(?:videos?|footage|images|photos?|photographs|pictures|clips?)\s+(?:being\s+|that\s+"
    r"(?:was|were)\s+|which\s+(?:was|were)\s+)?(?:released|published|shared|posted|tweeted|"
    r"distributed|circulated)\s+"
    r"(?:(?:on|since|late|early|this|last|in|overnight)\b[\w ]{0,25}?\s+)?"
    r"by\s+(?P<who>[^,;.:\"“”()]{2,80}?)"
    r"(?:\s+(?:on|since|late|early|this|last|in|overnight)\b[\w ,]{0,30}?)?"
    r"\s*,?\s+(?:\w+ly\s+)?(?P<v>shows?|showed|confirms?|confirmed|"
    r"appears?\s+to\s+show|appeared\s+to\s+show|purports?\s+to\s+show|depicts?|depicted)\b",
    re.I,
)
_FOOTAGE_BY = prescreen.Screened(_FOOTAGE_BY_RE)
FOOTAGE = "footage"  # the verb an attribution by footage records (no report goes on from it)
# "The ministry shared video of troops entering X", "the staff posted a video purportedly
# showing ...": a source putting out footage claims what it shows (its subject right before
# the verb: "Outlets, including some close to X, published videos" names no one clearly)
_FOOTAGE_PUT_OUT_RE = re.compile(
    r"\s(?:has\s+|have\s+|had\s+)?(?P<v>shared|shares|released|releases|published|publishes|"
    r"posted|posts|tweeted|tweets|circulated|distributed)\s+(?P<obj>(?:(?:a|an|the|new|more|"
    r"several|drone|handout|its|their|his|her)\s+){0,3}(?:videos?|footage|images|photos?|"
    r"photographs|pictures|clips?)(?:\s+(?:on|late|early|this|last|overnight)\b[\w ]{0,20}?)?\s+"
    r"(?:of|showing|purportedly|reportedly|allegedly|apparently|that|which|from|appearing)\b)"
)
_FOOTAGE_PUT_OUT = prescreen.Screened(_FOOTAGE_PUT_OUT_RE)
_LIST_LEAD_RE = re.compile(r"(?i)^\W*(?:including|such\s+as|among\s+them|like)\b")
# a contrast after the footage's content turns to another voice: the content ends there
_CONTRAST_TAIL_RE = re.compile(r",\s+(?:although|though|even\s+though|but|while|whereas)\s")


def _footage_by(sentence: str) -> Attribution | None:
    """ "Footage released by X (on Tuesday) shows A", "X shared video of A": X claims A."""
    n = len(sentence)
    if (m := _FOOTAGE_BY.search(sentence)) is not None:
        who = _AGENT_DAY_RE.sub("", _strip_claimant(m.group("who")))
        a0, a1 = m.start(), m.end()
    elif (m := _FOOTAGE_PUT_OUT.search(sentence)) is not None:
        if sentence[: m.start()].rstrip().endswith(('"', "”")):
            return None
        before = _claimant_before(sentence, m.start("v"))
        if before is None or (
            # "Outlets, including some close to X, published videos": no one clearly; a
            # name with its title between commas ("X, founder of Y, published") is someone
            sentence[: m.start()].rstrip().endswith(",")
            and (
                (", " not in before[0] and side_of(before[0]) is None)
                or _LIST_LEAD_RE.match(before[0])
            )
        ):
            return None
        who, a0, a1 = before[0], before[1], m.start("obj")
    else:
        return None
    if not _looks_like_claimant(who) or len(who.split()) > 10 or is_pronoun(who):
        return None
    tail = _CONTRAST_TAIL_RE.search(sentence, a1)
    return Attribution(who, side_of(who), (a1, tail.start() if tail else n), (a0, a1), FOOTAGE)


# "X had already been reported by British intelligence", "This was stated on air by the
# spokesman": a passive speech verb names its claimant after "by"
_PASSIVE_AUX_RE = re.compile(
    rf"\b(?:was|were|been|is|are|being)\s+(?:(?:\w+ly|{_w('claimant.passive-adverb')})\s+){{0,2}}$",
    re.I,
)
_AS_REPORTED_RE = re.compile(
    r"^\W*As\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:earlier\s+|previously\s+)?"
    r"(?P<v>reported|stated|announced|confirmed|noted)\s+by\s+(?P<who>[^,;.]{2,80}),\s+"
)
# "..., as reported by the regional governor X.": the same agent, closing the sentence
_AS_REPORTED_TAIL = prescreen.Screened(
    re.compile(
        r",\s+as\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:earlier\s+|previously\s+|first\s+)?"
        r"(?P<v>reported|stated|announced|confirmed|noted|claimed|said)\s+by\s+"
        r"(?P<who>[^,;.:\"“”]{2,80}?)\s*[.!]?\s*$"
    )
)
_REDUCED_RELATIVE_RE = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?(?:strike|attack|advance|capture|breakthrough|"
    r"assault|offensive|withdrawal|retreat|loss|seizure|shelling|explosion)s?"
    # "the seizure, first claimed by the Kremlin on Monday"
    r"(\s+|,\s+(?:first|initially|earlier|already|previously|originally)\s+)$",
    re.I,
)
_AGENT_DAY_RE = re.compile(
    r"\s+(?:on|in)\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:,?\s+\d{4})?$"
)
_PASSIVE_BY_RE = re.compile(r"(?:\s+(?:on|in|at|during)\s+[\w'’ -]{1,30}?)?\s+by\s+", re.I)


# "ISW observed Russian troops inside X on Monday and said ...": the subject of two verbs
# a short subject noun phrase opening the sentence, before its first verb (the lookahead each
# use adds); not an adverb in "-ly"
_LEADING_SUBJECT = r"^((?:[Tt]he\s+)?(?:[\w'’.-]+\s+){0,4}?(?![a-z]+ly\b)[\w'’.-]*[\w])\s+"
_COORD_SUBJECT_RE = re.compile(rf"{_LEADING_SUBJECT}(?=(?:also\s+)?[a-z]+ed\s)")
# "X did not confirm A, but said B": the second verb's subject is the sentence's
_COMMA_COORD_RE = re.compile(
    r",\s+(?:but|and)\s+(?:(?:has|have|had)\s+)?(?:also\s+|later\s+|since\s+|then\s+)?$"
)
_AUX_SUBJECT_RE = re.compile(
    rf"{_LEADING_SUBJECT}(?=(?:also\s+)?(?:[a-z]+ed|did|does|do|has|have|had)\s)"
)


def _comma_coordinated(sentence: str, vm: re.Match[str], denial: bool) -> Attribution | None:
    """ "The army did not confirm the claims, but said that ...": a speech verb after ", but"
    or ", and" shares the subject of the sentence's first verb."""
    m = _COMMA_COORD_RE.search(sentence, 0, vm.start())
    if m is None or "," in sentence[: m.start()]:
        return None
    sm = _AUX_SUBJECT_RE.match(sentence, 0, m.start())
    if sm is None or not _looks_like_claimant(sm.group(1)):
        return None
    who = sm.group(1)
    return Attribution(
        who, side_of(who), (vm.end(), len(sentence)), (0, len(who)), vm.group(0), denial
    )


def _coordinated(
    sentence: str, vm: re.Match[str], before: tuple[str, int], denial: bool
) -> Attribution | None:
    """A speech verb coordinated with an earlier verb of the same subject ("X observed A and
    said B"): the subject alone is the claimant, and both verbs' clauses are its content."""
    claimant, cstart = before
    if not sentence[: vm.start()].rstrip().endswith(" and"):
        return None
    sm = _COORD_SUBJECT_RE.match(claimant)
    if sm is None or len(claimant.split()) <= len(sm.group(1).split()) + 1:
        return None
    who = sm.group(1)
    a1 = cstart + sentence[cstart:].find(who) + len(who)
    return Attribution(who, side_of(who), (a1, len(sentence)), (cstart, a1), vm.group(0), denial)


# a finite verb in a phrase: an auxiliary, or a past form with its object ("forced Russian
# troops", "shelled the district"): a clause, not a speaker's name
FINITE_RE = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|could|did|does)\b|"
    r"\b[a-z]{3,}ed\s+(?:(?:the|a|an|its|their|his|her|our|two|three|several|near|in|into|"
    r"from|towards?|on|at|around|outside|across|through|to|back|up|off)\b|\d|[A-Z])|"
    rf"\s{_w('claimant.irregular-past', ci=False)}\b"
)


def _clause_before_comma(sentence: str, vm: re.Match[str], claimant: str) -> bool:
    """Whether the phrase before ", said" is a clause of its own (a subject and its finite
    verb), so the content, however much it looks like a source ("Russian troops took X")."""
    return (
        sentence[: vm.start()].rstrip().endswith(",")
        and len(claimant.split()) >= 4
        and bool(FINITE_RE.search(claimant))
    )


def _content_before_comma(sentence: str, vm: re.Match[str], claimant: str) -> bool:
    """Whether the phrase before ", said" is the content rather than a source: it names no
    speaker noun and no person."""
    return (
        sentence[: vm.start()].rstrip().endswith(",")
        and not _has_head(claimant)
        and not _PERSON_RE.match(claimant)
        and not _SHORT_NAME_RE.match(claimant)
    )


def _first_passive(sentence: str, found: list[re.Match[str]]) -> Attribution | None:
    """The first passive speech verb of the sentence (`found`: its speech verbs' matches)
    with its agent (see _passive)."""
    for vm in found:
        if (pas := _passive(sentence, vm)) is not None:
            return pas
    return None


def _passive(sentence: str, vm: re.Match[str]) -> Attribution | None:
    """A passive speech verb with its agent: the claimant follows "by", the content is the
    subject before the auxiliary (up to the end of the agent's phrase)."""
    by = _PASSIVE_BY_RE.match(sentence, vm.end())
    if by is None:
        return None  # (the cheap test first: most verbs have no "by" after them)
    aux = _PASSIVE_AUX_RE.search(sentence, max(0, vm.start() - 30), vm.start())
    a0 = aux.start() if aux is not None else None
    if a0 is None and (rr := _REDUCED_RELATIVE_RE.search(sentence, 0, vm.start())):
        # "a Russian strike reported by Ukrainian sources": the participle of a reduced
        # relative clause after its noun is a passive too
        a0 = rr.start(1)
    if a0 is None:
        return None
    rest = sentence[by.end() :]
    if aux is None:  # a reduced relative's agent ends at the comma closing the aside
        rest = rest.split(",")[0]
    stop = re.search(
        r"[;.]\s|[;.]?$|,\s+(?:according|citing|adding|saying|who|which|during|in\s+a)\b|"
        r",\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:reports|reported|says|said|writes|wrote)\b",
        rest,
    )
    claimant = _strip_claimant(rest[: stop.start()] if stop else rest)
    claimant = _AGENT_DAY_RE.sub("", claimant)  # "by the Kremlin on 11 December"
    if not _looks_like_claimant(claimant) or (aux is None and len(claimant.split()) > 4):
        return None  # a reduced relative's agent is a short noun phrase, not a clause
    a1 = by.end() + len(rest[: stop.start()] if stop else rest)
    denial = _speech_rule(vm).produces == "denial"
    return Attribution(claimant, side_of(claimant), (0, a0), (a0, a1), vm.group(0), denial)


_ACCORDING_STOP_RE = re.compile(r"[,;.\"”)]|\s[—–]\s|$")


def _according(sentence: str) -> Attribution | None:
    """ "..., according to X" / "according to X, ..." (and weaker markers such as "citing X"
    when X looks like a source)."""
    n = len(sentence)
    m = _ACCORDING.search(sentence)
    if not m:
        return None
    rest = unquoted_names(sentence[m.end() - 2 :])[2:]  # 'according to the "Vostok" group'
    stop_at = _phrase_end(rest, _ACCORDING_STOP_RE)
    claimant = _strip_claimant(rest[:stop_at])
    weak_marker = m.group("strong") is None  # "citing the threat of"
    if re.match(r"(?i)(?:our|my)\s", claimant):
        return None  # '"According to our data, ...," the mayor said': the speaker's own words
    if not (
        claimant
        and len(claimant.split()) <= 12
        and (
            not weak_marker
            or _looks_like_claimant(claimant)
            and not _NOT_A_SOURCE_RE.match(claimant)
        )
    ):
        return None
    a_end = m.end() + len(claimant)
    if (titled := _titled_source(rest, stop_at, claimant)) is not None:
        claimant, stop_at = titled  # "According to Ivan Petrenko, head of the district, ..."
        a_end = m.end() + stop_at
    if m.start() <= 2:  # sentence-initial "According to X, ..."
        stop = _ACCORDING_STOP_RE.match(rest, stop_at)
        content = (m.end() + (stop.end() if stop else stop_at), n)
    else:
        content = (0, m.start())
        if not weak_marker and sentence[m.start()] == "," and rest[stop_at : stop_at + 1] == ",":
            # "Russian troops, according to the ministry, took X": the aside splits the content
            k = m.end() + stop_at + 1
            extra = (k + len(sentence[k:]) - len(sentence[k:].lstrip()), n)
            return Attribution(
                claimant, side_of(claimant), content, (m.start(), a_end), "according to",
                extra=extra,
            )  # fmt: skip
    return Attribution(claimant, side_of(claimant), content, (m.start(), a_end), "according to")


def _titled_source(rest: str, stop_at: int, claimant: str) -> tuple[str, int] | None:
    """A person's name after "according to" with its title phrase between commas ("Ivan
    Petrenko, spokesman for the eastern group,"): the claimant with the title, and its end."""
    if not _PERSON_RE.match(claimant) or rest[stop_at : stop_at + 1] != ",":
        return None
    tm = _TITLE_NP_RE.match(rest, stop_at + 1) or _BARE_TITLE_NP_RE.match(rest, stop_at + 1)
    if tm is None or not re.match(r"\s*(?:[,.;]|$)", rest[tm.end() :]):
        return None
    return f"{claimant}, {rest[stop_at + 1 : tm.end()].strip().rstrip('.')}", tm.end()


# titles abbreviated with a full stop ("Gov.", "Lt. Gen.") and initialisms ("the U.K. defence
# ministry", "the U.S. military"): no end of the claimant phrase
_ABBREV_END_RE = re.compile(
    r"\b(?:Gov|Lt|Gen|Col|Maj|Capt|Sgt|Cpl|Brig|Adm|Cmdr|Sen|Rep|Dr|Mr|Mrs|Ms|Prof|Amb|St)$"
    r"|(?<!\w)[A-Z]$"
)
# '"...," says one of the men seen in the video': a participle or relative after the head
_INVERTED_STOP_RE = re.compile(
    r"[,;.]|\s+(?:who|which|captured|seen|shown|filmed|quoted|cited|interviewed|appearing|"
    r"featured|pictured)\b|$"
)


def _phrase_end(rest: str, stop_re: re.Pattern[str]) -> int:
    """Where a claimant phrase after a marker or an inverted verb ends (a title's
    abbreviation dot does not end it)."""
    pos = 0
    while (m := stop_re.search(rest, pos)) is not None:
        if m.group(0) == "." and _ABBREV_END_RE.search(rest, 0, m.start()):
            pos = m.end()
            continue
        return m.start()
    return len(rest)


def _inverted(sentence: str, vm: re.Match[str], denial: bool) -> Attribution | None:
    """'"...," said Ukraine's General Staff.': the claimant after the verb."""
    prefix = sentence[: vm.start()].rstrip()
    if not prefix or prefix[-1] not in ',"”' or re.search(r'(?:^|\s)"$', prefix):
        return None  # ('Putin "congratulated ...": an opening quotation, no closing one)
    tail = sentence[vm.end() :]
    end = _phrase_end(tail, _INVERTED_STOP_RE)
    claimant = _strip_claimant(tail[:end])
    if _PERSON_RE.match(claimant) and tail[end : end + 1] == ",":
        # '"...," said Ivan Petrenko, a spokesman for the eastern group.': the title after
        # the name is the claimant's too ("spokesperson of X" may go without its article)
        tm = _TITLE_NP_RE.match(tail, end + 1) or _BARE_TITLE_NP_RE.match(tail, end + 1)
        if tm and re.match(r"[,;.]|$", tail[tm.end() :]):
            claimant, end = f"{claimant}, {tail[end + 1 : tm.end()].strip()}", tm.end()
    if claimant and _looks_like_claimant(claimant):
        return Attribution(
            claimant,
            side_of(claimant),
            (0, len(prefix)),
            (vm.start(), vm.end() + end),
            vm.group(0),
            denial,
        )
    return None


def _name_with_title(prefix: str, claimant: str) -> str | None:
    """ "Ivan Sidorov, a spokesman for the ministry, stated ...": the name and its title are
    one claimant, and what follows the verb is the content (None when the prefix is no name)."""
    named = prefix.rstrip(",").strip()
    if (
        prefix.endswith(",")
        and _PERSON_RE.match(named)
        and not _has_head(named)
        and not _INTRO_RE.match(prefix.strip())  # "On Sunday, X said": a day, not a name
    ):
        return f"{named}, {claimant}"
    return None


def _trailing_extra(tail: str, v_end: int, n: int) -> tuple[int, int] | None:
    """More of the speaker's words after a trailing attribution: ", adding that ...", a verb
    going on after a parenthetical one ("troops, the governor added, were ..."), a quote."""
    if am := _ADDING_RE.search(tail):
        return v_end + am.end(), n
    if pm := _PARENTHETICAL_RE.match(tail):  # "Russian troops, the governor added, were ..."
        return v_end + pm.end(), n
    if qm := _QUOTE_AFTER_RE.match(tail):  # 'On the claims, X added, "..."'
        return v_end + qm.end() - 1, n
    return None


# ", that statement said.": a demonstrative "that" right after a comma, before the claimant
_DEMONSTRATIVE_THAT_RE = re.compile(r"[,;]\s*(that)$")


def _speech(sentence: str, vm: re.Match[str], before: tuple[str, int], denial: bool) -> Attribution:
    """A claimant before its speech verb: a trailing attribution (content before it), a
    denial going on with "saying ...", or a leading one (content after the verb)."""
    n = len(sentence)
    verb = vm.group(0)
    claimant, cstart = before
    # trailing attribution: the verb is followed by a short tail only
    # ("prosecutors said Friday.", "said in a report last month.", "Kots said, referring
    # to ..."); "In the Kharkiv region, officials said Russian artillery struck X" is
    # a leading one after an introductory phrase.
    prefix = sentence[:cstart].rstrip()
    tail = sentence[vm.end() :]
    if (dm := _DEMONSTRATIVE_THAT_RE.search(prefix)) and _TRAILING_TAIL_RE.match(tail):
        # "..., which failed, that statement said.": "that" points at a source named before,
        # it opens no clause; the attribution trails its content
        claimant, cstart = f"that {claimant}", dm.start(1)
        prefix = sentence[:cstart].rstrip()
    if (titled := _name_with_title(prefix, claimant)) is not None:
        return Attribution(titled, side_of(titled), (vm.end(), n), (0, vm.end()), verb, denial)
    told = tail
    if verb.lower() in ("told", "tells") and (ad := _ADDRESSEE_RE.match(tail)):
        told = tail[ad.end() :]  # "told the agency on condition of anonymity": an addressee
    short_tail = (
        bool(_TRAILING_TAIL_RE.match(told)) or bool(_TAIL_SUBCLAUSE_RE.match(told))
    ) and not _CONTENT_OPENER_RE.match(told)
    intro = len(prefix.split()) <= 10 and bool(_INTRO_RE.match(prefix)) and len(tail.split()) >= 3
    # "A day earlier, the governor said X was hit": an introductory phrase, not content
    if (
        prefix
        and prefix[-1] in ",\"”'’-—–"
        and not intro
        and (short_tail or len(prefix) > 2 * len(tail) or prefix[-1] in '"”')
    ):
        extra = _trailing_extra(tail, vm.end(), n)
        a = (cstart, vm.end())
        return Attribution(claimant, side_of(claimant), (0, len(prefix)), a, verb, denial, extra)
    am = (
        (_ADDING_RE.search(sentence, vm.end()) or _AND_SAID_RE.search(sentence, vm.end()))
        if denial
        else None
    )
    if am:  # "Kyiv denied that, saying the village was still contested"
        return Attribution(
            claimant,
            side_of(claimant),
            (vm.end(), am.start()),
            (cstart, vm.end()),
            verb,
            denial,
            (am.end(), n),
        )
    return Attribution(claimant, side_of(claimant), (vm.end(), n), (cstart, vm.end()), verb, denial)


def is_speech_verb(word: str) -> bool:
    """Whether one word is a speech verb of claimants.toml ("said", "noted", "told")."""
    return _VERBS.fullmatch(word) is not None


def is_pronoun(claimant: str | None) -> bool:
    return bool(claimant and _PRONOUN_RE.match(claimant))


def is_definite_person(claimant: str | None) -> bool:
    """ "the general", "the politician": a person named before, referred to by role."""
    return bool(claimant and _DEFINITE_PERSON_RE.match(claimant))


# "Serhiy Kovalenko, spokesman for the Eastern group, said ..." first, then "Kovalenko
# said ...": a reporter identifies a source once, by title and affiliation, and later names
# them by surname or by the bare title ("the spokesperson")
_INTRO_LEFT_CUT_RE = re.compile(
    r"(?:[.;:!?\n\"“”(,]|\s[—–]\s|\b(?:said|says|told|by|that|and|to|from|with|as|on|in)\s)"
)
_INTRO_RIGHT_RE = re.compile(r",\s+([^,;)\n]{3,120}?)(?=[,;)\n]|\s+(?:said|says|told)\b|$)")
_INTRO_OF_RE = re.compile(r"\s+((?:for|of|at|with)\s+[^,;)\n]{3,100}?)(?=[,;)\n.]|$)")
_SURNAME_RE = re.compile(r"\b([A-Z][a-z][\w'’-]+)\b(?!.*\b[A-Z][a-z][\w'’-]+\b)")
_BARE_TITLE_RE = re.compile(r"^the\s+([a-z]+)$", re.I)
# "the centre's head Ivan Petrenko", "the brigade's spokesman": a definite possessor
_OWNER_RE = re.compile(r"^the\s+([a-z]{3,})['’]s\s", re.I)
_OWNER_LEFT_CUT_RE = re.compile(r"[.;:!?\n\"“”(,]|\s[—–]\s")


def _owner_introduction(text: str, upto: int, noun: str) -> str | None:
    """The institution a definite possessor ("the centre's") points back to: its latest
    mention before `upto` with the capitalised name around it ("Ukraine's Centre for
    Countering Disinformation")."""
    hits = list(re.finditer(rf"\b{re.escape(noun)}\b", text[:upto], re.I))
    named = [h for h in hits if h.group(0)[0].isupper()]
    if not named:
        return None
    h = named[-1]
    left = text[max(0, h.start() - 80) : h.start()]
    cuts = list(_OWNER_LEFT_CUT_RE.finditer(left))
    left = left[cuts[-1].end() :] if cuts else left
    right = re.match(r"(?:\s+(?:for|of|and|on|the|[A-Z][\w'’-]*)){0,10}", text[h.end() :])
    intro = " ".join(f"{left}{h.group(0)}{right.group(0) if right else ''}".split())
    return intro if intro.lower() != noun.lower() else None


# "Haidai on Facebook", "Petrenko, in an interview with the agency", "X on Telegram channel":
# where a source said it (a "Source:" line names the medium after the person)
_MEDIUM_TAIL_RE = re.compile(
    r"(?i)\s*,?\s+(?:(?:on|via|in)\s+(?:(?:his|her|its|their|the|an?|official)\s+)*"
    r"(?:Telegram|Facebook|Twitter|X|Instagram|YouTube|Viber|WhatsApp|social\s+media|"
    r"interview|statement|video\s+address|comment)\b|at\s+an?\s+(?:meeting|briefing|press\s+"
    r"conference)\b|as\s+(?:reported|quoted)\s+by\b).*$"
)


def without_medium(claimant: str) -> str:
    """A source named with the medium it spoke in ("Haidai on Facebook"), without the medium."""
    return _MEDIUM_TAIL_RE.sub("", claimant).strip() or claimant


def introduction(text: str, upto: int, claimant: str) -> str | None:
    """How the article first introduced a claimant named by surname or bare title: the title
    before the name and the apposition after it ("DPR head Denis Pushilin", "Ihor Petrenko,
    spokesman for the Southern group"); None when the text before `upto` has no such phrase."""
    claimant = without_medium(claimant)  # "Haidai on Facebook": the person is "Haidai"
    if owner := _OWNER_RE.search(claimant):
        return _owner_introduction(text, upto, owner.group(1))
    bare = _BARE_TITLE_RE.match(claimant.strip())
    key = bare.group(1) if bare else None
    if key is None and (sm := _SURNAME_RE.search(claimant)) and len(claimant.split()) <= 3:
        key = re.sub(r"['’]s?$", "", sm.group(1))  # "Petrenko's statement": Petrenko
    if key is None:
        return None
    first = re.search(rf"\b{re.escape(key)}\b", text[:upto])
    if first is None:
        return None
    left = text[max(0, first.start() - 60) : first.start()]
    cuts = list(_INTRO_LEFT_CUT_RE.finditer(left))
    left = left[cuts[-1].end() :] if cuts else left
    right_re = _INTRO_OF_RE if bare else _INTRO_RIGHT_RE
    rm = right_re.match(text, first.end(), min(len(text), first.end() + 160))
    intro = (
        f"{left}{key}{', ' + rm.group(1) if rm and not bare else ' ' + rm.group(1) if rm else ''}"
    )
    intro = " ".join(intro.split())
    return intro if intro != key and intro.lower() != claimant.strip().lower() else None


# "Source: Ivan Petrenko, head of the regional administration; the police" ... "Quote: ...":
# a bare quote label speaks in the first source's words
_SOURCE_LINE_RE = re.compile(
    rf"^[ \t]*{_w('claimant.source-label', ci=False)}\s*:\s*([^;\n]{{3,160}})", re.M
)
_BARE_QUOTE_LABEL_RE = re.compile(rf"(?m)^[ \t]*{_w('claimant.quote-label', ci=False)}\s*:\s*")


def labelled_quote(text: str, s0: int, sentence: str) -> Attribution | None:
    """A sentence opening with a bare "Quote:" label under a "Source:" line (within the few
    lines before): the first source named is the speaker."""
    # (a "Source:" line may open the sentence; every label ends with a colon)
    ql = _BARE_QUOTE_LABEL_RE.search(sentence) if ":" in sentence else None
    if ql is None or (ql.start() > 0 and not _SOURCE_LINE_RE.match(sentence)):
        return None
    sources = list(_SOURCE_LINE_RE.finditer(text, max(0, s0 - 800), s0 + ql.start()))
    if not sources:
        return None
    who = _strip_claimant(sources[-1].group(1))
    n = len(sentence)
    return Attribution(who, side_of(who), (ql.end(), n), (0, ql.end()), "quote")
