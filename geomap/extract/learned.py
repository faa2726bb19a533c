"""A learned second opinion on the rules' claims: keep or drop each one, and its type and side.

The rules decide type and side from the cue they attached and the claimant they found; on real
reporting they are wrong in a recognisable minority of cases (a region named beside a town, a
denial read as a claim, the third party where the speaker was Ukrainian). Three small logistic
regressions over features of a claim's place mention and its clause (the words near the
mention, the rules that fired, the claimant's words and kind, negation and hedge markers, how far
the cue word sits from the place, where in the article the quote is, the rule's own type and
side, the other claims in the same sentence) predict whether the claim survives the
gold, and which type and side the gold gives it. They are fitted with scikit-learn
(`bench/train_learned.py`, the `bench` extra) and shipped as numbers in `learned.json` beside
this module; extraction applies them in pure Python. The weights are over word stems and
rule ids: no corpus text is stored.

It is NOT the default, and the shipped file abstains (drop threshold 0, switch margin above
1: rules+learned returns the rules' claims unchanged) because nothing beat the rules out of set.
`bench/train_learned.py` trains on every tunable set (dev, dev2..dev5: 130 articles, 649
claims) and CHOOSES the drop threshold and switch margin by leave-one-set-out over those sets
(never on the set scored); `bench/bench_learned.py` wraps that in an outer leave-one-set-out.
Figures at rules 0.41.0 (2026-12-02), rules vs rules+learned on each held-out set:
dev .874 vs .874, dev2 .661 vs .661, dev3 .641 vs .641, dev4 .535 vs .535, dev5 .460 vs .457
(P .642 -> .640); pooled P .770 R .492 F1 .601 vs P .770 R .491 F1 .600. On the claims each
set's FIRST RUN made (the rules before anyone read the set, the closest thing to never-read
text): pooled F1 .280 vs .279, dev5 .319 vs .317. Leave-one-article-out over the 130 articles
at the Model defaults (drop below .35, margin .25): P .770 R .492 F1 .601 vs P .768 R .489 F1
.598. The keep head ranks the claims the gold drops
only weakly below those it keeps (out-of-set AUC .60 on current claims, .59 on first-run ones;
dropping a claim lifts F1 only if its chance of being right is under F1/2, .14-.23 here, and
the lowest-scored claims are right 40-90% of the time); the type and side heads make few
switches out of set and most are wrong. Training on the first-run claims as well (`--train-
first-runs`: every fold then chose to change nothing), a larger or smaller C, and the
structural features alone (no word stems) changed none of this.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from geomap.atomic import write_text
from geomap.errors import GeomapError
from geomap.extract.calibration import rule_family
from geomap.extract.modelfile import Shipped, finite_number, load_json
from geomap.records import CLAIM_TYPES, SIDES, ClaimRecord

DEFAULT_PATH = Path(__file__).with_name("learned.json")
FORMAT = 2  # bump when `claim_features` changes meaning: an old file is refused, not misread
NAME = "rules+learned"
C = 0.3  # inverse L2 strength (scikit-learn's C), fixed before the leave-one-out runs
OWN_WEIGHT = 0.2  # the project's own texts weigh this share of the real claims together
MIN_COUNT = 2  # a feature seen in fewer training claims is left out
# a Model's defaults; a trained file carries the values leave-one-set-out chose instead
DROP_BELOW = 0.35  # drop a claim whose P(keep) falls below this
SWITCH_MARGIN = 0.25  # change type/side only when the model prefers another by this much
# the rules' own type and side enter at this value, not 1: under the same L2 penalty their
# weights then cost less, so a head defers to the rules unless the words say otherwise (at 1 a
# rare type such as `withdrawn` was overruled by the common ones)
RULE_SCALE = 3.0
WINDOW = 5  # words either side of the place mention that count as "near"

_WORD_RE = re.compile(r"[a-z]+")
_NEG_RE = re.compile(r"(?i)\b(?:not|no|never|denied|deny|denies|false|untrue|refuted?)\b|n[’']t\b")
_HEDGE_RE = re.compile(
    r"(?i)\b(?:reportedly|claim(?:s|ed)?|may|might|likely|probably|allegedly|purported(?:ly)?|"
    r"assess(?:es|ed)?|appear(?:s|ed)?|suggests?|unconfirmed|could)\b"
)
_QUOTE_MARKS = '"“”«»'


def _stem(word: str) -> str:
    """A crude stem: the first six letters (captur-, liberat-, withdr-); enough for a bag of
    words over a few hundred claims, and it needs no lexicon."""
    return word[:6]


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


@dataclass(frozen=True)
class Siblings:
    """What the other claims from the same sentence say about this one."""

    same_place: int = 0  # other claims on the same place in an overlapping quote
    settlement_beside_region: bool = False  # a region claim whose clause names a settlement too
    count: int = 0  # other claims in overlapping quotes


def siblings(claims: Sequence[ClaimRecord]) -> list[Siblings]:
    """For each claim, its neighbours: the other claims whose quotes overlap its own."""
    out = []
    for i, c in enumerate(claims):
        others = [o for j, o in enumerate(claims) if j != i and _overlaps(o, c)]
        out.append(
            Siblings(
                same_place=sum(o.place.id == c.place.id for o in others),
                settlement_beside_region=c.place.precision == "region"
                and any(o.place.precision == "settlement" for o in others),
                count=len(others),
            )
        )
    return out


def _overlaps(a: ClaimRecord, b: ClaimRecord) -> bool:
    if None in (a.start, a.end, b.start, b.end):
        return False
    return min(a.end or 0, b.end or 0) > max(a.start or 0, b.start or 0)


def claim_features(c: ClaimRecord, sib: Siblings = Siblings()) -> dict[str, float]:
    """A claim's features: indicators (value 1; the rules' type and side RULE_SCALE) plus the
    raw confidence."""
    out: dict[str, float] = {
        f"type={c.type}": RULE_SCALE,
        f"side={c.side}": RULE_SCALE,
        f"side+type={c.side}|{c.type}": RULE_SCALE,
        f"place={c.place.precision}": 1.0,
        f"date={c.date_precision if c.claim_date else 'none'}": 1.0,
        "confidence": float(c.confidence),
        f"siblings={min(sib.count, 3)}": 1.0,
        f"at={_bucket(c.start or 0, (300, 1500, 4000))}": 1.0,
        f"claimant_kind={claimant_kind(c.claimant)}": 1.0,
    }
    if sib.same_place:
        out["same_place_sibling"] = 1.0
    if sib.settlement_beside_region:
        out["region_beside_settlement"] = 1.0
    for r in c.rules:
        out[f"rule={r}"] = 1.0
        out[f"family={rule_family(r)}"] = 1.0
    claimant = _words(c.claimant or "")
    out.update({f"claimant:{_stem(w)}": 1.0 for w in claimant} or {"claimant=none": 1.0})
    out.update(_clause_features(c.quote or "", c.place_as_written or ""))
    out.update(_cue_features(c))
    return out


def _bucket(value: int, edges: Sequence[int]) -> str:
    """`value` as the first edge it falls under ("<300"), or ">=last"."""
    return next((f"<{e}" for e in edges if value < e), f">={edges[-1]}")


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "this", "that"})
_CLAIMANT_KINDS = (  # first match wins; stems of the claimant's words
    ("ukraine", ("ukrain", "kyiv", "zelens", "syrsky", "genera")),
    ("russia", ("russia", "moscow", "kremli", "shoigu", "konash", "tass", "ria", "pushil")),
    ("analyst", ("isw", "instit", "analys", "study", "blogge", "monito", "deepst")),
)


def claimant_kind(claimant: str | None) -> str:
    """none, pronoun, ukraine, russia, analyst or other: who the rules think is speaking, in a
    handful of kinds that recur across outlets (the claimant's own words are too sparse)."""
    words = _words(claimant or "")
    if not words:
        return "none"
    if len(words) == 1 and words[0] in _PRONOUNS:
        return "pronoun"
    stems = {_stem(w) for w in words}
    return next((k for k, keys in _CLAIMANT_KINDS if stems & set(keys)), "other")


def _cue_features(c: ClaimRecord) -> dict[str, float]:
    """Where the cue word sits against the place mention: the rules' cue ids end in the
    lexicon stem (`cue.captured.captur`), found again in the quote; far cues reach wrongly
    more often. Also whether the place was written as a name or a phrase ("the city")."""
    quote, place = (c.quote or "").lower(), (c.place_as_written or "").lower()
    out: dict[str, float] = {}
    if c.place_as_written and not c.place_as_written[:1].isupper():
        out["place_written_lower"] = 1.0
    at = quote.find(place) if place else -1
    stems = [
        r.split(".")[2].split("-")[0] for r in c.rules if r.startswith("cue.") and r.count(".") >= 2
    ]
    if at < 0 or not stems:
        out["cue_distance=unknown"] = 1.0
        return out
    words = [(m.start(), m.group()) for m in _WORD_RE.finditer(quote)]
    place_i = sum(1 for s, _ in words if s < at)
    hits = [i for i, (_s, w) in enumerate(words) if any(w.startswith(st) for st in stems if st)]
    if not hits:
        out["cue_distance=unknown"] = 1.0
        return out
    i = min(hits, key=lambda h: abs(h - place_i))
    out[f"cue_distance={_bucket(abs(i - place_i), (3, 6, 11, 20))}"] = 1.0
    out["cue_after_place" if i > place_i else "cue_before_place"] = 1.0
    out[f"quote_words={_bucket(len(words), (15, 30, 50))}"] = 1.0
    return out


def _clause_features(quote: str, place: str) -> dict[str, float]:
    """Word stems of the clause, those near the place mention, and negation/hedge markers."""
    out: dict[str, float] = {f"w:{_stem(w)}": 1.0 for w in _words(quote)}
    at = quote.find(place) if place else -1
    if at >= 0:
        before, after = _words(quote[:at]), _words(quote[at + len(place) :])
        for w in before[-WINDOW:] + after[:WINDOW]:
            out[f"near:{_stem(w)}"] = 1.0
        for w in before[-2:]:
            out[f"before:{_stem(w)}"] = 1.0
        if quote[:at].count('"') % 2 or any(m in quote[:at] for m in "“«"):
            out["place_in_quotes"] = 1.0
    else:
        out["place_not_in_quote"] = 1.0
    if _NEG_RE.search(quote):
        out["negation"] = 1.0
    if _HEDGE_RE.search(quote):
        out["hedge"] = 1.0
    if any(m in quote for m in _QUOTE_MARKS):
        out["quoted_speech"] = 1.0
    return out


@dataclass
class Head:
    """One softmax regression: a bias and a weight per class for every feature it kept."""

    classes: list[str]
    bias: list[float]
    weights: dict[str, list[float]]

    def probabilities(self, feats: dict[str, float]) -> dict[str, float]:
        z = list(self.bias)
        for name, value in feats.items():
            w = self.weights.get(name)
            if w is not None:
                z = [a + b * value for a, b in zip(z, w, strict=True)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {k: v / total for k, v in zip(self.classes, e, strict=True)}

    def to_dict(self) -> dict[str, Any]:
        return {
            "classes": self.classes,
            "bias": [round(b, 6) for b in self.bias],
            "weights": {k: [round(x, 5) for x in v] for k, v in sorted(self.weights.items())},
        }


@dataclass(frozen=True)
class Decision:
    """What the model makes of one claim (kept for the bench and tests to inspect)."""

    keep: float  # P(the gold has this claim's place in this quote)
    type: str
    side: str


@dataclass
class Model:
    """The three heads: keep/drop, type, side."""

    keep: Head
    type: Head
    side: Head
    meta: dict[str, Any] = field(default_factory=dict)
    drop_below: float = DROP_BELOW
    margin: float = SWITCH_MARGIN

    def decide(self, c: ClaimRecord, sib: Siblings = Siblings()) -> Decision:
        feats = claim_features(c, sib)
        return Decision(
            keep=self.keep.probabilities(feats).get("keep", 1.0),
            type=self._pick(self.type.probabilities(feats), c.type),
            side=self._pick(self.side.probabilities(feats), c.side),
        )

    def _pick(self, probs: dict[str, float], current: str) -> str:
        if current not in probs:  # a label the head never saw: it cannot judge it
            return current
        best = max(probs, key=lambda k: probs[k])
        return best if probs[best] - probs.get(current, 0.0) >= self.margin else current

    def apply(self, claims: Sequence[ClaimRecord]) -> list[ClaimRecord]:
        """The claims the model keeps, retyped and re-sided where it is confident; each changed
        claim carries the rule id saying what the model did. Duplicates it makes are merged."""
        out: list[ClaimRecord] = []
        seen: set[tuple[Any, ...]] = set()
        for c, sib in zip(claims, siblings(claims), strict=True):
            d = self.decide(c, sib)
            if d.keep < self.drop_below:
                continue
            extra = (("learned.type",) if d.type != c.type else ()) + (
                ("learned.side",) if d.side != c.side else ()
            )
            new = replace(c, type=d.type, side=d.side, rules=c.rules + extra) if extra else c
            key = (new.place.id, new.side, new.type, new.start, new.end)
            if key not in seen:
                seen.add(key)
                out.append(new)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "meta": self.meta,
            "drop_below": self.drop_below,
            "margin": self.margin,
            "heads": {n: getattr(self, n).to_dict() for n in ("keep", "type", "side")},
        }


def from_dict(d: Any, where: str) -> Model:
    """Validate a parsed weights file; anything off is a GeomapError naming `where`."""
    try:
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise ValueError(f"format must be {FORMAT} (retrain with bench/train_learned.py)")
        heads = {n: _head(d["heads"][n], n) for n in ("keep", "type", "side")}
        if not set(heads["type"].classes) <= set(CLAIM_TYPES):
            raise ValueError(f"type classes must be among {', '.join(CLAIM_TYPES)}")
        if not set(heads["side"].classes) <= set(SIDES):
            raise ValueError(f"side classes must be among {', '.join(SIDES)}")
        if heads["keep"].classes != ["drop", "keep"]:
            raise ValueError("keep classes must be ['drop', 'keep']")
        meta = d.get("meta", {})
        if not isinstance(meta, dict):
            raise ValueError("meta must be an object")
        return Model(
            **heads,
            meta=meta,
            drop_below=finite_number(d["drop_below"], "drop_below"),
            margin=finite_number(d["margin"], "margin"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        what = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise GeomapError(f"{where}: bad learned-model file: {what}") from None


def _head(d: Any, name: str) -> Head:
    classes = d["classes"]
    if not isinstance(classes, list) or not classes or not all(isinstance(c, str) for c in classes):
        raise ValueError(f"{name}: classes must be a non-empty list of names")
    n = len(classes)
    bias = _vector(d["bias"], n, f"{name} bias")
    if not isinstance(d["weights"], dict):
        raise ValueError(f"{name}: weights must be an object of feature -> list")
    weights = {str(k): _vector(v, n, f"{name} weight {k}") for k, v in d["weights"].items()}
    return Head(classes, bias, weights)


def _vector(v: Any, n: int, what: str) -> list[float]:
    if not isinstance(v, list) or len(v) != n:
        raise ValueError(f"{what} must be a list of {n} numbers")
    return [finite_number(x, what) for x in v]


def load(path: str | Path = DEFAULT_PATH) -> Model | None:
    """The model in `path`; None when there is no file (the extractor then is the rules)."""
    return load_json(path, "learned-model file", from_dict)


def save(model: Model, path: str | Path = DEFAULT_PATH) -> None:
    """Write atomically, stamped with the time of training."""
    model.meta.setdefault("trained_at", datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    text = json.dumps(model.to_dict(), indent=1, ensure_ascii=False)
    write_text(path, _NUMBER_LIST_RE.sub(_one_line, text) + "\n")


_NUMBER_LIST_RE = re.compile(r"\[\s+([-0-9.e,\s]+?)\s+\]")


def _one_line(m: re.Match[str]) -> str:
    """A list of numbers on one line: one feature per line keeps the file readable."""
    return "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]"


_SHIPPED: Shipped[Model] = Shipped(load)


def current() -> Model | None:
    """The model the extractor applies: the shipped file, loaded once (or what `using` set)."""
    return _SHIPPED.current()


def using(model: Model | None) -> AbstractContextManager[None]:
    """Extract with another model, or with none (the rules alone), inside the block."""
    return _SHIPPED.using(model)


class LearnedExtractor:
    """The English rules, then the learned keep/type/side pass, then calibrated confidence
    (the calibration was fitted on rules claims; it reads only type, side and rule ids)."""

    name = NAME
    languages = frozenset({"en"})

    @property
    def version(self) -> str:
        from geomap.extract.version import VERSION

        model = current()
        return f"{VERSION}+{model.meta.get('version', 'untrained') if model else 'none'}"

    def extract_article(
        self,
        art: Any,
        source: Any = None,
        *,
        published: date | None = None,
        gazetteer: Any = None,
    ) -> Any:
        from geomap.extract.calibration import calibrate
        from geomap.extract.registry import RulesExtractor

        ex = RulesExtractor().extract_article(art, source, published=published, gazetteer=gazetteer)
        model = current()
        if model is not None:
            ex.claims = model.apply(ex.claims)
        ex = calibrate(ex)
        version = self.version
        ex.claims = [replace(c, extractor=NAME, extractor_version=version) for c in ex.claims]
        return ex
