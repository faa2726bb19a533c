"""Speaker labels of broadcast transcripts and Q&A interviews: who says the paragraph.

A transcript gives each paragraph to a speaker in capitals ("WHITLOCK: The Russians will
likely ...", "UNIDENTIFIED SOLDIER (through translator): We are holding ..."). The label is
the attribution of every sentence of the paragraph that has none of its own. The anchor,
host, the outlet's correspondents and voice-overs speak in the outlet's own voice; anyone
else is a claimant, named as the text introduced them ("Ben Whitlock, a military analyst at
a defence think tank") so their side can be read from the introduction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "BONDAR:", "ANCHOR (MARTA LYSENKO):", "UNIDENTIFIED SOLDIER (through translator):", "Q:"
_LABEL_RE = re.compile(
    r"([A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,3})(?:[ \t]*\(([^)\n]{1,60})\))?:[ \t]+"
    r"(?=\S)"
)
_OUTLET_ROLES = frozenset(
    {
        "ANCHOR",
        "HOST",
        "PRESENTER",
        "REPORTER",
        "CORRESPONDENT",
        "NARRATOR",
        "INTERVIEWER",
        "Q",
        "QUESTION",
        "MODERATOR",
        "EDITOR",
    }
)
# editorial labels in the outlet's own voice ("UPDATE:", "**Key points:**", "Editor's note:")
_EDITORIAL_RE = re.compile(
    r"(?i)^(?:update[sd]?|latest|breaking|developing|note|editor['’]?s?\s+note|correction|"
    r"clarification|analysis|context|background|summary|key\s+(?:points|events|facts)|"
    r"what\s+we\s+know|why\s+it\s+matters|the\s+bottom\s+line|in\s+brief|timeline|"
    r"claim|verdict|fact\s+check|read\s+more|see\s+also|related|photo|video|map|source|"
    r"sources|morning|evening|afternoon|overnight|today|yesterday|elsewhere|meanwhile)$"
)
_OUTLET_PAREN_RE = re.compile(
    r"(?i)\b(?:voice[- ]?over|anchor|host|presenter|reporter|"
    r"correspondent|narrat\w*|off[- ]camera|interviewer)\b"
)
_OUTLET_INTRO = (
    r"(?:our|the\s+station['’]s|the\s+channel['’]s|the\s+programme['’]s|"
    r"the\s+program['’]s)\s+(?:[\w-]+\s+){0,2}?(?:correspondent|reporter|anchor|"
    r"host|presenter)"
)
_ROLE_WORDS_RE = re.compile(
    r"(?i)\b(?:through\s+(?:a\s+)?translator|translated|"
    r"interpreted|via\s+(?:video|phone|satellite))\b"
)


_INTERVIEWEE_RE = re.compile(
    r"\b(?:interview(?:ed)?|spoke|talked|conversation)\s+(?:with|to)\s+((?:[A-Z][\w'’.-]*\s+){1,4}"
    r"[A-Z][\w'’-]+(?:,\s+(?:a|an|the)\s+[^.;:?!,]{3,100})?)(?=,|\.|\s+(?:was|has|who|on|by|in)\b)"
)
_VIA_RE = re.compile(r"(?i)\s*(?:via|through|from|on)\b")


@dataclass(frozen=True)
class Speaker:
    """A transcript speaker: the claimant as introduced, or None for the outlet's voice."""

    label: str
    claimant: str | None


# a digest item's source in bold: "**Rybar** (pro-Russian): ...", "**Russian MoD:** ..."
# (the sentence splitter has already trimmed the opening asterisks)
_BOLD_LABEL_RE = re.compile(
    r"(?:\*\*|__)?([A-Z][^*_\n:]{1,60}?)(?::(?:\*\*|__)|(?:\*\*|__)(?:[ \t]*\(([^)\n]{1,60})\))?"
    r"[ \t]*:)[ \t]+(?=\S)"
)


def _bold_label(text: str, s0: int, s1: int) -> re.Match[str] | None:
    """_BOLD_LABEL_RE.match(text, s0, s1), skipped when text[s0:s1] has neither "**" nor "__"
    (every match holds one)."""
    lo, hi = max(0, s0), max(0, s1)  # (as `re` reads a negative pos or endpos)
    if text.find("**", lo, hi) < 0 and text.find("__", lo, hi) < 0:
        return None
    return _BOLD_LABEL_RE.match(text, s0, s1)


def speaker_label(text: str, s0: int, s1: int) -> tuple[int, str, str | None] | None:
    """A speaker label opening the sentence at s0: (label length, label, parenthetical).
    Bold labels (a digest's sources) keep their case; a bare label must be in capitals."""
    b = _bold_label(text, s0, s1)
    if b is not None and (
        s0 < 2
        or text[s0 - 2 : s0] in ("**", "__")
        or text[s0 - 1] == "\n"
        or text[s0 - 2 : s0].strip() in ("-", "*")
    ):
        return b.end() - s0, b.group(1).strip(), b.group(2)
    m = _LABEL_RE.match(text, s0, s1)
    if m is None:
        return None
    label = m.group(1).strip()
    # one capital letter is "A:"/"Q:" only; words must be capitals, not a headline's "U.S."
    if len(label) == 1 and label not in ("Q", "A"):
        return None
    if len(label) > 1 and not any(c.isalpha() and c.isupper() for c in label[1:]):
        return None
    return m.end() - s0, label, m.group(2)


def resolve_speaker(text: str, label: str, paren: str | None, outlet_names: set[str]) -> Speaker:
    """Who a label stands for. `outlet_names` collects the surnames of the outlet's own
    people seen so far (an anchor's name in "ANCHOR (MARTA LYSENKO):")."""
    words = label.split()
    if _EDITORIAL_RE.match(label.strip(" .")):
        return Speaker(label, None)  # "UPDATE:", "**Key points:**": the outlet's own voice
    if not label.isupper() and len(words) > 0:  # a bold, mixed-case source: as written
        if paren and not _ROLE_WORDS_RE.search(paren) and not _VIA_RE.match(paren):
            return Speaker(label, f"{label} ({paren.strip()})")
        return Speaker(label, label)
    if paren and label.upper() in _OUTLET_ROLES:
        outlet_names.update(w.upper() for w in paren.split())
    if (
        label.upper() in _OUTLET_ROLES
        or label.upper() in outlet_names
        or (paren and _OUTLET_PAREN_RE.search(paren))
    ):
        return Speaker(label, None)
    surname = words[-1].title()
    if re.search(
        rf"(?i)\b{_OUTLET_INTRO}\s+(?:[A-Z][\w'’-]+\s+)?{re.escape(surname)}\b", text
    ) or re.search(rf"\b{re.escape(surname)},\s+{_OUTLET_INTRO}\b", text, re.I):
        outlet_names.add(label.upper())
        return Speaker(label, None)
    # "Ben Whitlock, a military analyst at a defence think tank" / "Colonel Petro Chernyk"
    intro = re.search(
        rf"\b((?:[A-Z][\w'’.-]+\s+){{1,3}}){re.escape(surname)}\b(,\s+(?:a|an|the)\s+[^.,;:?!]{{3,80}})?",
        text,
    )
    if intro and len(words) == 1:
        who = f"{intro.group(1)}{surname}"
        if intro.group(2):
            who += intro.group(2)
        return Speaker(label, who.strip())
    if label in ("A", "ANSWER"):
        # "This interview with Major NAME, a battalion commander in ..., was ..."
        who = _INTERVIEWEE_RE.search(text)
        return Speaker(label, who.group(1).strip() if who else "the interviewee")
    claimant = " ".join(words).capitalize() if len(words) > 1 else surname
    if paren and not _ROLE_WORDS_RE.search(paren):
        claimant = f"{claimant} ({paren.strip()})"
    return Speaker(label, claimant)
