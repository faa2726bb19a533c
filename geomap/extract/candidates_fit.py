"""Training data and fitting for geomap.extract.candidates (needs scikit-learn: the `bench` extra).

Every candidate (a resolved place mention the rules left unclaimed in its clause) on an article
with gold becomes one example. It is a positive when a gold claim the rules did not find is
about the same place (the scorer's place rule) and its quote overlaps the clause; its type and
side are that gold claim's. Only the numbers the fit produces leave this module.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geomap.errors import GeomapError
from geomap.extract.candidates import (
    FORMAT,
    MIN_COUNT,
    ArticleView,
    C,
    Candidate,
    Generator,
    article_view,
    candidate_features,
    candidates,
)
from geomap.extract.evaluate import Gold, _overlap, load_gold, place_matches
from geomap.extract.learned_fit import _head, _with_classes, english_extractions
from geomap.records import ClaimRecord


@dataclass
class Example:
    """One candidate, its features and what the gold says about it."""

    candidate: Candidate
    features: dict[str, float]
    positive: bool
    type: str = ""  # the gold's type and side when positive
    side: str = ""
    weight: float = 1.0


@dataclass
class LabelledArticle:
    """One article with gold: the rules' claims, the generator's view and its examples."""

    name: str
    text: str
    gold: list[Gold]
    view: ArticleView
    published: Any
    examples: list[Example]
    typed: list[Example] = field(default_factory=list)  # every mention a gold claim is about


def _as_claim(m: Candidate) -> ClaimRecord:
    return ClaimRecord(m.place, "russia", "other", None, start=m.clause[0], end=m.clause[1])


def _span(text: str, g: Gold) -> tuple[int, int] | None:
    i = text.find(g.quote)
    return None if i < 0 else (i, i + len(g.quote))


def _found_by_rules(text: str, g: Gold, claims: Sequence[ClaimRecord]) -> bool:
    span = _span(text, g)
    return span is not None and any(
        (c.side, c.type) == (g.side, g.type)
        and place_matches(g, c)
        and _overlap((c.start or 0, c.end or 0), span) > 0
        for c in claims
    )


def label(text: str, gold: list[Gold], v: ArticleView) -> list[Example]:
    """The article's candidates with their gold labels (see the module docstring)."""
    missed = [g for g in gold if not _found_by_rules(text, g, v.claims)]
    out = []
    for m in candidates(v):
        hit = next(
            (
                g
                for g in sorted(missed, key=lambda g: not g.core)
                if (span := _span(text, g)) is not None
                and place_matches(g, _as_claim(m))
                and _overlap(m.clause, span) > 0
            ),
            None,
        )
        feats = candidate_features(m, v)
        out.append(
            Example(m, feats, hit is not None, hit.type if hit else "", hit.side if hit else "")
        )
    return out


def typed_examples(text: str, gold: list[Gold], v: ArticleView) -> list[Example]:
    """Every (clause, place) a gold claim is about, claimed by the rules or not, with the
    gold's type and side: the type and side heads learn from all of them (the candidates
    alone are too few). A claimed mention's features leave out its own claims."""
    out = []
    seen: set[tuple[tuple[int, int], str]] = set()
    for m in v.mentions:
        if (m.clause, m.place.id) in seen:
            continue
        seen.add((m.clause, m.place.id))
        hit = next(
            (
                g
                for g in gold
                if (span := _span(text, g)) is not None
                and place_matches(g, _as_claim(m))
                and _overlap(m.clause, span) > 0
            ),
            None,
        )
        if hit is None:
            continue
        rest = [c for c in v.claims if not _about(c, m)]
        feats = candidate_features(m, replace(v, claims=rest))
        out.append(Example(m, feats, True, hit.type, hit.side))
    return out


def _about(c: ClaimRecord, m: Candidate) -> bool:
    return c.place.id == m.place.id and _overlap((c.start or 0, c.end or 0), m.clause) > 0


def articles_from(folders: Sequence[str | Path], *, gazetteer: Any = None) -> list[LabelledArticle]:
    """Extract (rules, raw confidence) and label every English gold-annotated article."""
    out: list[LabelledArticle] = []
    for gp, art, ex in english_extractions(folders, gazetteer=gazetteer):
        gold = load_gold(gp)
        v = article_view(art, ex)
        name = Path(art.path or gp).name
        xs = label(ex.text, gold, v)
        typed = typed_examples(ex.text, gold, v)
        out.append(LabelledArticle(name, ex.text, gold, v, ex.source.published, xs, typed))
    return out


def fit(
    examples: Sequence[Example],
    typed: Sequence[Example] | None = None,
    *,
    c: float = C,
    min_count: int = MIN_COUNT,
    threshold: float = 0.5,
    meta: dict[str, Any] | None = None,
) -> Generator:
    """Fit the claim/type/side heads (L2 logistic regression, lbfgs: deterministic)."""
    if not examples:
        raise GeomapError("nothing to train on: no candidates on articles with gold")
    counts: dict[str, int] = {}
    for x in examples:
        for k in x.features:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, n in counts.items() if n >= min_count)
    feats = [x.features for x in examples]
    y = ["claim" if x.positive else "none" for x in examples]
    claim = _with_classes(_head(feats, names, y, examples, c), ["none", "claim"])
    pos = list(typed) if typed else [x for x in examples if x.positive]
    if not pos:
        raise GeomapError("nothing to learn types from: no candidate matches a gold claim")
    pf = [x.features for x in pos]
    typ = _head(pf, names, [x.type for x in pos], pos, c)
    side = _head(pf, names, [x.side for x in pos], pos, c)
    info = dict(meta or {}, examples=len(examples), positives=len(pos), features=len(names), C=c)
    gen = Generator(claim, typ, side, threshold, info)
    heads = json.dumps(gen.to_dict()["heads"], sort_keys=True).encode()
    info["version"] = f"candidates-{FORMAT}-{hashlib.sha256(heads).hexdigest()[:10]}"
    return gen


def probabilities(gen: Generator, examples: Sequence[Example]) -> list[tuple[float, str, str]]:
    """(P(claim), type, side) the generator gives each example, from its stored features."""
    return [gen.judge(x.features) for x in examples]
