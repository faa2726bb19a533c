"""A learned candidate generator: claims the rules did not make, at places they resolved.

On real reporting most of what the rules miss is a resolved place in a sentence about the
fighting that no cue governs ("heavy fighting continues near X", "X remains under pressure").
Hand-written rules for these had precision .06-.18: the gold's type there varies (advancing,
holding, assessment, ...). This module tries a learned answer: every resolved place mention
(settlement or region) in a clause where the rules made no claim about it is a candidate; three
small logistic regressions over the clause's words, the words near the mention, the cues the
rules found in the clause (even ones that do not govern the place), the speaker the
attribution found and its side, the rules' own claims in the clause and the article, and the
place's standing in the article (mentions, title, first position) predict whether an analyst
records a claim there, and its type and side. The heads are fitted with scikit-learn
(candidates_fit.py) and applied in pure Python (learned.Head).

It is NOT shipped as an extractor: in nested leave-one-article-out over the 73 real articles
of the tuning sets every fold chose to propose nothing (F1 0.606, the rules'), and at any
fixed threshold the added claims were under 10% right (figures and reasons in
bench/bench_candidates.py). The module stays as the measured baseline a better design has to
beat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from geomap.extract import claimants as cl
from geomap.extract.learned import Head, _clause_features, _stem, _words
from geomap.records import ClaimRecord, PlaceRef

FORMAT = 1  # bump when `candidate_features` changes meaning (cached bench data is then rebuilt)
C = 0.3  # inverse L2 strength, as the learned second opinion's
MIN_COUNT = 3  # a feature seen in fewer training candidates is left out
THRESHOLD = 0.5  # propose a claim when P(claim) reaches this (the bench chooses its own)
CONFIDENCE = 0.3  # raw confidence of a proposed claim (calibration reads rule ids too)
RULE_ID = "learned.candidate"
GUESS_SCALE = 3.0  # as learned.RULE_SCALE: a cheaper weight for the first guess
CUE_NEAR = 60  # characters between a cue and the mention that count as "near"


@dataclass(frozen=True)
class Candidate:
    """A resolved place mention in a clause where the rules claimed nothing about that place."""

    start: int  # the mention
    end: int
    as_written: str
    place: PlaceRef
    clause: tuple[int, int]
    kind: str = "name"  # the mention's kind (name, ref-settlement, ref-region)
    area: bool = False  # "the X direction"


@dataclass
class ArticleView:
    """What the features read of one article: its text, clauses, the rules' claims and the
    resolved mentions (Extraction.places)."""

    text: str
    title: str
    clauses: list[tuple[int, int]]
    claims: list[ClaimRecord]
    mentions: list[Candidate] = field(default_factory=list)  # every resolved mention
    counts: dict[str, int] = field(default_factory=dict)  # place id -> mentions in the article
    first_at: dict[str, int] = field(default_factory=dict)  # place id -> first mention offset


def view(
    text: str,
    title: str,
    clauses: list[tuple[int, int]],
    claims: Sequence[ClaimRecord],
    hits: Sequence[Any],
) -> ArticleView:
    """The article as the generator sees it; `hits` are the extraction's PlaceHits."""
    v = ArticleView(text, title or "", clauses, list(claims))
    for h in sorted(hits, key=lambda h: h.mention.start):
        ref, m = h.place, h.mention
        if ref is None or ref.precision not in ("settlement", "region"):
            continue
        clause = _clause_of(clauses, m.start)
        if clause is None:
            continue
        v.mentions.append(
            Candidate(m.start, m.end, text[m.start : m.end], ref, clause, m.kind, m.area)
        )
        v.counts[ref.id] = v.counts.get(ref.id, 0) + 1
        v.first_at.setdefault(ref.id, m.start)
    return v


def _clause_of(clauses: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    for c in clauses:
        if c[0] <= at < c[1]:
            return c
    return None


def candidates(v: ArticleView) -> list[Candidate]:
    """One candidate per (clause, place) the rules left unclaimed: the first mention."""
    out: list[Candidate] = []
    seen: set[tuple[tuple[int, int], str]] = set()
    for m in v.mentions:
        key = (m.clause, m.place.id)
        if key in seen or _claimed(v.claims, m):
            continue
        seen.add(key)
        out.append(m)
    return out


def _claimed(claims: Sequence[ClaimRecord], m: Candidate) -> bool:
    """A rules claim about the place whose quote overlaps the clause."""
    c0, c1 = m.clause
    return any(
        c.place.id == m.place.id and min(c.end or 0, c1) > max(c.start or 0, c0) for c in claims
    )


def candidate_features(m: Candidate, v: ArticleView) -> dict[str, float]:
    """Indicators of the clause, the mention, the speaker, the rules' cues and claims nearby,
    and the place's standing in the article."""
    from geomap.extract.verbs import find_cues

    c0, c1 = m.clause
    clause = v.text[c0:c1]
    out = _clause_features(clause, m.as_written)
    out |= {f"place={m.place.precision}": 1.0, f"kind={m.kind}": 1.0}
    if m.area:
        out["area"] = 1.0
    out |= _speaker_features(clause)
    for cue in find_cues(clause):
        out[f"cue={cue.type}"] = 1.0
        gap = (m.start - c0) - cue.end if cue.end <= m.start - c0 else cue.start - (m.end - c0)
        if 0 <= gap <= CUE_NEAR:
            out[f"cue_near={cue.type}"] = 1.0
            out["cue_before" if cue.end <= m.start - c0 else "cue_after"] = 1.0
    out |= _sibling_features(m, v)
    out |= _standing_features(m, v)
    out |= _guess_features(m, v, clause, out)
    return out


def _guess_features(
    m: Candidate, v: ArticleView, clause: str, feats: dict[str, float]
) -> dict[str, float]:
    """A first guess at side and type, entered at GUESS_SCALE so the heads defer to it unless
    the words say otherwise: the speaker's side (narration: the state outlet's, else a third
    party), and the type of the nearest cue in the clause (else "fighting")."""
    side = next((k.split("=")[1] for k in feats if k.startswith("speaker_side=")), "unknown")
    if side in ("unknown", "none") and "speaker=none" in feats:
        side = next((c.side for c in v.claims if "side.state-outlet" in c.rules), "third-party")
    out = {f"side_guess={side}": GUESS_SCALE}
    from geomap.extract.verbs import find_cues

    at = m.start - m.clause[0]
    cues = sorted(find_cues(clause), key=lambda q: min(abs(q.start - at), abs(q.end - at)))
    out[f"type_guess={cues[0].type if cues else 'fighting'}"] = GUESS_SCALE
    return out


def _speaker_features(clause: str) -> dict[str, float]:
    att = cl.attribute(clause)
    if not att.claimant:
        return {"speaker=none": 1.0}
    side = cl.side_of(att.claimant) or "unknown"
    out = {f"speaker_side={side}": 1.0}
    out |= {f"speaker:{_stem(w)}": 1.0 for w in _words(att.claimant)[:6]}
    if att.denial:
        out["speaker_denial"] = 1.0
    return out


def _sibling_features(m: Candidate, v: ArticleView) -> dict[str, float]:
    """The rules' claims in the same clause (their types and sides) and about the same place
    elsewhere in the article."""
    c0, c1 = m.clause
    out: dict[str, float] = {}
    same = [c for c in v.claims if min(c.end or 0, c1) > max(c.start or 0, c0)]
    out[f"clause_claims={min(len(same), 3)}"] = 1.0
    for c in same:
        out[f"sib_type={c.type}"] = 1.0
        out[f"sib_side={c.side}"] = 1.0
        out[f"sib_place={c.place.precision}"] = 1.0
    elsewhere = [c for c in v.claims if c.place.id == m.place.id]
    out[f"place_claims={min(len(elsewhere), 2)}"] = 1.0
    for c in elsewhere:
        out[f"place_claim_type={c.type}"] = 1.0
    return out


def _standing_features(m: Candidate, v: ArticleView) -> dict[str, float]:
    n = v.counts.get(m.place.id, 1)
    top = max(v.counts.values(), default=1)
    out = {
        f"mentions={min(n, 4)}": 1.0,
        f"position={min(int(4 * m.start / max(len(v.text), 1)), 3)}": 1.0,
    }
    if n == top:
        out["most_mentioned"] = 1.0
    if v.first_at.get(m.place.id) == m.start:
        out["first_mention"] = 1.0
    if m.place.name and m.place.name.lower() in v.title.lower():
        out["in_title"] = 1.0
    if m.start - m.clause[0] < 3:
        out["clause_initial"] = 1.0
    return out


@dataclass
class Generator:
    """Three heads over candidate features: claim/none, type, side; and the threshold."""

    claim: Head
    type: Head
    side: Head
    threshold: float = THRESHOLD
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, m: Candidate, v: ArticleView) -> tuple[float, str, str]:
        """(P(an analyst records a claim here), its most likely type, side)."""
        return self.judge(candidate_features(m, v))

    def judge(self, f: dict[str, float]) -> tuple[float, str, str]:
        """`score` from already computed features."""
        typ = self.type.probabilities(f)
        side = self.side.probabilities(f)
        return (
            self.claim.probabilities(f).get("claim", 0.0),
            max(typ, key=lambda k: typ[k]),
            max(side, key=lambda k: side[k]),
        )

    def propose(self, v: ArticleView, published: date | None = None) -> list[ClaimRecord]:
        """A claim for each candidate at or above the threshold, quoting its clause."""
        out = []
        for m in candidates(v):
            p, typ, side = self.score(m, v)
            if p >= self.threshold:
                out.append(proposed_claim(m, v, typ, side, published))
        return out

    def to_dict(self) -> dict[str, Any]:
        """The heads as numbers (what a shipped weights file would hold; the fit hashes it)."""
        return {
            "format": FORMAT,
            "meta": self.meta,
            "threshold": self.threshold,
            "heads": {n: getattr(self, n).to_dict() for n in ("claim", "type", "side")},
        }


def proposed_claim(
    m: Candidate, v: ArticleView, typ: str, side: str, published: date | None
) -> ClaimRecord:
    """The claim record: the clause as quote, the date of the nearest rules claim before it
    (the story's day when none), the speaker the attribution found."""
    c0, c1 = m.clause
    before = [c for c in v.claims if (c.start or 0) <= c0 and c.claim_date is not None]
    near = max(before, key=lambda c: c.start or 0, default=None)
    day = near.claim_date if near else published
    return ClaimRecord(
        place=m.place,
        side=side,
        type=typ,
        claim_date=day,
        date_precision=near.date_precision if near else "day",
        claimant=cl.attribute(v.text[c0:c1]).claimant,
        place_as_written=m.as_written,
        quote=v.text[c0:c1].strip(),
        start=c0,
        end=c1,
        confidence=CONFIDENCE,
        rules=(RULE_ID,),
    )


def article_view(art: Any, ex: Any) -> ArticleView:
    """The generator's view of an article the rules have extracted (`ex`: an Extraction)."""
    from geomap.extract.pipeline import _clauses
    from geomap.extract.sentences import sentences

    spans = sentences(ex.text, has_header=art.format != "html", title=art.title)
    return view(ex.text, art.title or "", _clauses(ex.text, spans), ex.claims, ex.places)
