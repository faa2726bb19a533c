"""Training data and fitting for geomap.extract.learned (needs scikit-learn: the `bench` extra).

Each rules claim on an article with gold becomes one training example. Its label comes from
the scorer's own one-to-one matching (geomap.extract.evaluate): a claim the scorer matches is
kept as it is; an unmatched claim at a gold place whose quote overlaps an unmatched gold claim
is kept with that gold claim's type and side (what the model should have said); any other
claim should be dropped. Only the numbers the fit produces leave this module.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from geomap.errors import GeomapError
from geomap.extract.evaluate import (
    Gold,
    _overlap,
    claim_verdicts,
    load_gold,
    place_matches,
    read_gold_article,
)
from geomap.extract.language import detect_language
from geomap.extract.learned import (
    FORMAT,
    MIN_COUNT,
    OWN_WEIGHT,
    C,
    Head,
    Model,
    Siblings,
    claim_features,
    siblings,
)
from geomap.records import ClaimRecord, PlaceRef


@dataclass(frozen=True)
class Example:
    """One rules claim and what the gold says it should have been."""

    article: str  # the article's file name (the unit of cross-validation)
    claim: ClaimRecord
    sib: Siblings
    keep: bool
    type: str  # the gold type when kept (the claim's own when dropped)
    side: str
    weight: float = 1.0


def label(text: str, gold: list[Gold], claims: list[ClaimRecord]) -> list[tuple[bool, str, str]]:
    """(keep, type, side) for each claim, from the scorer's matching plus a second pass that
    pairs each still-unmatched gold claim with the unused claim at its place overlapping most."""
    verdicts = claim_verdicts(text, gold, claims)
    out = [(ok, c.type, c.side) for ok, c in zip(verdicts, claims, strict=True)]
    spans = {id(g): _span(text, g) for g in gold}
    matched_gold = _matched_gold(text, gold, claims, out)
    for g in gold:
        span = spans[id(g)]
        if span is None or id(g) in matched_gold:
            continue
        free = [
            (_overlap((c.start or 0, c.end or 0), span), i)
            for i, c in enumerate(claims)
            if not out[i][0] and place_matches(g, c)
        ]
        free = [f for f in free if f[0] > 0]
        if free:
            i = max(free)[1]
            out[i] = (True, g.type, g.side)
    return out


def _matched_gold(
    text: str, gold: list[Gold], claims: list[ClaimRecord], verdicts: list[tuple[bool, str, str]]
) -> set[int]:
    """The gold claims the scorer matched: rescoring with one gold claim at a time would be
    slow, so pair each kept claim with an overlapping gold claim of the same place, side, type."""
    used: set[int] = set()
    for c, (ok, _t, _s) in zip(claims, verdicts, strict=True):
        if not ok:
            continue
        for g in gold:
            span = _span(text, g)
            if (
                id(g) not in used
                and span is not None
                and (g.side, g.type) == (c.side, c.type)
                and place_matches(g, c)
                and _overlap((c.start or 0, c.end or 0), span) > 0
            ):
                used.add(id(g))
                break
    return used


def _span(text: str, g: Gold) -> tuple[int, int] | None:
    i = text.find(g.quote)
    return None if i < 0 else (i, i + len(g.quote))


@dataclass
class LabelledArticle:
    """One article with gold: its text, gold, the rules' claims and their training examples."""

    name: str
    text: str
    gold: list[Gold]
    claims: list[ClaimRecord]
    examples: list[Example]


def articles_from(
    folders: Sequence[str | Path], *, weight: float = 1.0, gazetteer: Any = None
) -> list[LabelledArticle]:
    """Extract (rules, raw confidence) every English gold-annotated article in `folders` and
    label its claims. Non-English articles are skipped: the model reads English words."""
    out: list[LabelledArticle] = []
    for gp, art, ex in english_extractions(folders, gazetteer=gazetteer):
        la = LabelledArticle(Path(art.path or gp).name, art.text, load_gold(gp), ex.claims, [])
        out.append(relabelled(la, weight))
    return out


def english_extractions(folders: Sequence[str | Path], *, gazetteer: Any = None) -> Iterator:
    """(gold path, article, rules extraction at raw confidence) for every English
    gold-annotated article in `folders`: what a learned model trains on (it reads English
    words, and must see the confidence the rules set, not a calibrated one)."""
    from geomap.extract.calibration import using
    from geomap.extract.registry import RulesExtractor

    for gp in gold_files(folders):
        art = read_gold_article(gp)
        if detect_language(art.text) != "en":
            continue
        with using(None):
            yield gp, art, RulesExtractor().extract_article(art, gazetteer=gazetteer)


def articles_from_claims(folder: str | Path, dump: str | Path) -> list[LabelledArticle]:
    """The articles of `folder` labelled with claims some other extractor made, read from a
    JSON-lines `dump` ({"gold": file name, "claim": ClaimRecord fields} per line): an older
    release's first run on a set before anyone read it. Articles without a line have none."""
    by_gold: dict[str, list[ClaimRecord]] = {}
    with open(dump, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                row = json.loads(line)
                by_gold.setdefault(row["gold"], []).append(claim_from_dict(row["claim"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise GeomapError(f"{dump}:{n}: bad claim line: {exc}") from None
    out = []
    for gp in gold_files([folder]):
        art = read_gold_article(gp)
        if detect_language(art.text) != "en":
            continue
        la = LabelledArticle(Path(art.path or gp).name, art.text, load_gold(gp), [], [])
        la.claims = by_gold.get(gp.name, [])
        out.append(relabelled(la))
    return out


def claim_from_dict(d: dict[str, Any]) -> ClaimRecord:
    """A ClaimRecord from its dataclass fields as JSON (dates as ISO text)."""
    d = dict(d)
    d.pop("source", None)
    d["place"] = PlaceRef(**d["place"])
    d["claim_date"] = date.fromisoformat(d["claim_date"]) if d.get("claim_date") else None
    d["rules"] = tuple(d.get("rules") or ())
    return ClaimRecord(**d)


def relabelled(a: LabelledArticle, weight: float = 1.0) -> LabelledArticle:
    """The article's examples rebuilt from its claims and gold (after a change to the
    labelling or the neighbour features), without extracting again."""
    labels = label(a.text, a.gold, a.claims)
    a.examples = [
        Example(a.name, c, s, k, t, sd, weight)
        for c, s, (k, t, sd) in zip(a.claims, siblings(a.claims), labels, strict=True)
    ]
    return a


def examples_from(
    folders: Sequence[str | Path], *, weight: float = 1.0, gazetteer: Any = None
) -> list[Example]:
    """The training examples of every English gold-annotated article in `folders`."""
    arts = articles_from(folders, weight=weight, gazetteer=gazetteer)
    return [x for a in arts for x in a.examples]


def gold_files(folders: Sequence[str | Path]) -> list[Path]:
    """Every `*.gold.jsonl` in the folders (a gold file may also be named directly)."""
    out: list[Path] = []
    for f in map(Path, folders):
        if f.is_file() and f.name.endswith(".gold.jsonl"):
            out.append(f)
        elif f.is_dir():
            out += sorted(f.glob("*.gold.jsonl"))
        else:
            raise GeomapError(f"{f}: not a folder or a .gold.jsonl file")
    return out


def weigh(
    real: Sequence[Example], own: Sequence[Example], own_weight: float = OWN_WEIGHT
) -> list[Example]:
    """Real and own examples together, the own ones weighing `own_weight` of the real ones."""
    if not own or own_weight <= 0:
        return list(real)
    w = own_weight * len(real) / len(own) if real else 1.0
    return [*real, *(replace(x, weight=w) for x in own)]


def fit(
    examples: Sequence[Example],
    *,
    c: float = C,
    min_count: int = MIN_COUNT,
    meta: dict[str, Any] | None = None,
) -> Model:
    """Fit the three heads (L2 multinomial logistic regression, scikit-learn's lbfgs: the
    same data give the same weights)."""
    if not examples:
        raise GeomapError("nothing to train on: no rules claims on articles with gold")
    feats = [claim_features(x.claim, x.sib) for x in examples]
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, n in counts.items() if n >= min_count)
    kept = [i for i, x in enumerate(examples) if x.keep]
    keep = _head(feats, names, ["keep" if x.keep else "drop" for x in examples], examples, c)
    keep = _with_classes(keep, ["drop", "keep"])
    sub = [examples[i] for i in kept]
    sub_feats = [feats[i] for i in kept]
    typ = _head(sub_feats, names, [x.type for x in sub], sub, c)
    side = _head(sub_feats, names, [x.side for x in sub], sub, c)
    info = dict(meta or {}, examples=len(examples), kept=len(kept), features=len(names), C=c)
    model = Model(keep=keep, type=typ, side=side, meta=info)
    heads = json.dumps(model.to_dict()["heads"], sort_keys=True).encode()
    info["version"] = f"learned-{FORMAT}-{hashlib.sha256(heads).hexdigest()[:10]}"
    return model


def _head(
    feats: list[dict[str, float]],
    names: list[str],
    y: list[str],
    examples: Sequence[Example],
    c: float,
) -> Head:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    classes = sorted(set(y))
    if len(classes) == 1:  # nothing to learn: that class, whatever the features
        return Head(classes, [0.0], {})
    col = {n: j for j, n in enumerate(names)}
    rows, cols, vals = [], [], []
    for i, f in enumerate(feats):
        for k, v in f.items():
            if k in col:
                rows.append(i)
                cols.append(col[k])
                vals.append(v)
    x = csr_matrix((vals, (rows, cols)), shape=(len(feats), len(names)))
    lr = LogisticRegression(C=c, max_iter=2000, tol=1e-6)
    with threadpool_limits(1):  # threads fighting over a busy machine made a fit 50x slower
        lr.fit(x, np.array(y), sample_weight=np.array([e.weight for e in examples]))
    coef, bias = lr.coef_, lr.intercept_
    if len(classes) == 2:  # scikit-learn keeps one row: P(second) = softmax([0, z])
        coef, bias = np.vstack([np.zeros_like(coef[0]), coef[0]]), np.array([0.0, bias[0]])
    weights = {n: [float(v) for v in coef[:, j]] for j, n in enumerate(names)}
    weights = {n: w for n, w in weights.items() if any(abs(v) > 1e-9 for v in w)}
    return Head([str(k) for k in lr.classes_], [float(b) for b in bias], weights)


def _with_classes(head: Head, classes: list[str]) -> Head:
    """The head over exactly `classes` (a class never seen gets a very low bias)."""
    idx = {k: i for i, k in enumerate(head.classes)}
    bias = [head.bias[idx[k]] if k in idx else -30.0 for k in classes]
    weights = {
        n: [w[idx[k]] if k in idx else 0.0 for k in classes] for n, w in head.weights.items()
    }
    return Head(classes, bias, weights)


# (drop_below, margin) from doing nothing to doing most: a tie keeps the lesser intervention
SETTINGS = [(d, m) for d in (0.0, 0.3, 0.4, 0.5, 0.6) for m in (1.01, 0.4, 0.25)]


@dataclass(frozen=True)
class Choice:
    """The drop threshold and switch margin a leave-one-set-out chose, and its pooled F1
    against the rules alone on the same held-out sets."""

    drop_below: float
    margin: float
    f1: float
    rules_f1: float


def choose_settings(
    sets: dict[str, list[LabelledArticle]],
    own: Sequence[Example],
    *,
    c: float = C,
    own_weight: float = OWN_WEIGHT,
) -> Choice:
    """Choose the drop threshold and switch margin by leave-one-set-out over `sets` alone:
    each set is scored by a model fitted on the others, and the setting with the best pooled
    F1 wins (doing nothing, drop 0 and margin above 1, when nothing beats it). The sets the
    chosen model is later scored on must not be among `sets`."""
    from geomap.extract.evaluate import EvalReport, score_article

    def scored(a: LabelledArticle, claims: list[ClaimRecord]) -> Any:
        return score_article(a.name, a.text, [replace(g, span=None) for g in a.gold], claims)

    train = {n: [x for m, g in sets.items() if m != n for a in g for x in a.examples] for n in sets}
    inner = {n: fit(weigh(xs, own, own_weight), c=c) for n, xs in train.items() if xs}
    rules = EvalReport([scored(a, a.claims) for g in sets.values() for a in g]).f1
    best = Choice(*SETTINGS[0], -1.0, rules)
    for drop, margin in SETTINGS:
        scores = []
        for n, model in inner.items():
            model.drop_below, model.margin = drop, margin
            scores += [scored(a, model.apply(a.claims)) for a in sets[n]]
        if (f1 := EvalReport(scores).f1) > best.f1 + 1e-9:
            best = Choice(drop, margin, f1, rules)
    return best
