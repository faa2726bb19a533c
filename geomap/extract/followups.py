"""Claims a sentence makes about a place it does not name: a named source's casualty count in
a story about one settlement ("The death toll has risen to five, the governor said.").

The places pass finds no place in such a sentence, so no other pass sees it. Measured as a
group on the tuned real sets (0.37.0): 5 of 9 added claims true on dev2+dev3, none made on the
dev split; a count right after a claim at one place retells that claim (0 of 4 true), and the
outlet's own narration of a toll is left to the rules that already read it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from geomap.errors import GeomapError
from geomap.extract import verbs
from geomap.extract.claim_types import Typing
from geomap.extract.claiming import claims_pass
from geomap.extract.cues import _TYPE_PRIORITY
from geomap.extract.dating import dating_pass
from geomap.extract.mentions import Mention
from geomap.extract.placing import Doc, Places, topic_carry
from geomap.extract.voices import DocState, Voice
from geomap.records import ClaimRecord, SourceRecord

RULES_FILE = Path(__file__).resolve().parent / "rules" / "followups.toml"
TOLL_RULE = "claim.toll-topic"
_TOLL_CUE = "cue.strike.killed"


@dataclass(frozen=True)
class CountRule:
    """One way of counting victims ("count") or of saying nobody was hurt ("nil")."""

    id: str
    kind: str
    regex: re.Pattern[str]
    examples: tuple[str, ...]
    not_examples: tuple[str, ...]


def load_counts(path: Path | None = None) -> tuple[CountRule, ...]:
    """The [[count]] and [[nil]] entries of a follow-ups rule file, validated."""
    path = path or RULES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GeomapError(f"{path}: cannot read the rules: {exc}") from None
    out: list[CountRule] = []
    for kind in ("count", "nil"):
        entries = data.get(kind)
        if not isinstance(entries, list) or not entries:
            raise GeomapError(f"{path}: no [[{kind}]] entries")
        out += [_count_rule(path, kind, n, e) for n, e in enumerate(entries, start=1)]
    return tuple(out)


def _count_rule(path: Path, kind: str, n: int, entry: Any) -> CountRule:
    where = f"[[{kind}]] entry {n}"
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise GeomapError(f"{path}: {where}: needs an id")
    where = f"{where} ({entry['id']})"
    try:
        regex = re.compile(str(entry["pattern"]), re.I)
    except (KeyError, re.error) as exc:
        raise GeomapError(f"{path}: {where}: bad or missing pattern: {exc}") from None
    examples = entry.get("examples", [])
    not_examples = entry.get("not", [])
    if not all(isinstance(s, str) for s in [*examples, *not_examples]):
        raise GeomapError(f"{path}: {where}: examples and not must be lists of sentences")
    return CountRule(entry["id"], kind, regex, tuple(examples), tuple(not_examples))


@lru_cache(maxsize=1)
def default_counts() -> tuple[CountRule, ...]:
    return load_counts()


def counts_victims(sent: str) -> bool:
    """Whether a sentence counts a strike's victims (and does not say nobody was hurt)."""
    rules = default_counts()
    if any(r.kind == "nil" and r.regex.search(sent) for r in rules):
        return False
    return any(r.kind == "count" and r.regex.search(sent) for r in rules)


class SentenceRun(Protocol):
    """What the sentence loop (pipeline._Run) threads through an article, as used here."""

    docx: Doc
    doc: DocState
    dates_at: Any
    pub: date
    src: SourceRecord
    outlet_voice: str


def toll_claims(
    run: SentenceRun,
    s0: int,
    v: Voice,
    prev_made: list[ClaimRecord],
    earlier: list[ClaimRecord],
) -> list[ClaimRecord]:
    """ "Kharkiv was hit overnight. ... At least 14 people were injured, the mayor said.": a
    named source's casualty count that names no place is a strike claim about the story's
    settlement (placing.topic_carry: one settlement singled out, none other named since the
    paragraph began) once an `earlier` claim told of a strike there; not when the sentence
    before made its claims at one place (`prev_made`: the count retells that claim), nor in
    the outlet's own narration. Call it for a sentence whose places pass found no place."""
    d = run.docx
    if v.narration or v.retracted or len({c.place.id for c in prev_made}) == 1:
        return []
    if not counts_victims(v.sent):
        return []
    c0, c1 = v.spans[0]
    cues = verbs.find_cues_in(d.text, c0, c1)
    cue = next((c for c in cues if c.rule == _TOLL_CUE), None)
    ref = topic_carry(d.text, d.topic, s0, s0 + len(v.sent)) if cue is not None else None
    if cue is None or ref is None:
        return []
    if not any(c.type == "strike" and c.place.id == ref.id for c in earlier):
        return []  # a toll in a story of ground fighting: whose victims, and how, is untold
    m = Mention(c0, c0, ref.name, ref.name, "settlement", "ref-topic", noun="topic")
    places = Places([(m, ref)], v.spans, -1, False, carried=True)
    typed = Typing(
        {0: (_TYPE_PRIORITY["strike"], 999, "strike", cue.start - s0)}, cues, [], [], False
    )
    dates, prev_day = dating_pass(
        d.memory, v.sent, run.dates_at(s0, v.sent), v.carried, run.doc.carried_day
    )
    made = claims_pass(d, s0, v, places, typed, dates, prev_day, run.pub, run.src, run.outlet_voice)
    return [replace(c, rules=(*c.rules, TOLL_RULE)) for c in made]
