"""Score the extractor against gold claims written by an analyst (`X.gold.jsonl` beside `X.txt`).

Matching rule (one-to-one, honest):
- A predicted claim matches a gold claim when the PLACE is the same (gold `geonameid` equals
  the predicted place id; or gold `admin1` equals the predicted region id / a region
  prediction's admin1), the SIDE and TYPE are equal, and the predicted quote's span OVERLAPS
  the gold quote's span in the article (the gold quote is located by exact substring search).
  Overlap keeps two claims of the same (place, side, type) made in different sentences apart.
- Each gold claim is matched at most once and each prediction at most once (gold in file
  order, taking the overlapping prediction with the largest overlap).
- precision = matched predictions / all predictions; recall = matched gold / all gold.
- place accuracy: of the gold claims for which some prediction overlaps the quote with the
  same side and type, the share where one of those has the right place.
- date accuracy: of the matched pairs, the share with the right date (same day for a
  `YYYY-MM-DD` gold at day precision; same year and month for a `YYYY-MM` gold).
- core recall: gold claims marked `core` that are matched AND have the right date.
- resolvable recall / precision: the same over the gold claims whose place the gazetteer can
  hold (a `geonameid` or `admin1`; villages it lacks have neither); a prediction left
  unmatched that names such an unresolvable gold place as written, in its quote, with its
  side and type, is then not counted against precision (the gazetteer, not the extractor,
  is missing the place).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geomap.errors import GeomapError
from geomap.extract.reader import Article, ReadError, read_article
from geomap.records import ClaimRecord

ARTICLE_EXTS = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class Gold:
    place: str
    side: str
    type: str
    claim_date: str | None
    quote: str
    core: bool
    geonameid: int | None = None
    admin1: str | None = None
    line: int = 0
    span: tuple[int, int] | None = None


@dataclass
class ArticleScore:
    article: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    place_aligned: int = 0
    place_right: int = 0
    date_right: int = 0
    core: int = 0
    core_found: int = 0
    resolvable: int = 0  # gold claims with a geonameid or admin1
    resolvable_matched: int = 0
    unresolvable_predicted: int = 0  # unmatched predictions about a gold place with no id
    missed: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # rule id -> [true positives, false positives] among this article's predictions
    by_rule: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class EvalReport:
    articles: list[ArticleScore]

    def _sum(self, name: str) -> int:
        return sum(getattr(a, name) for a in self.articles)

    @property
    def precision(self) -> float:
        p = self._sum("predicted")
        return self._sum("matched") / p if p else 0.0

    @property
    def recall(self) -> float:
        g = self._sum("gold")
        return self._sum("matched") / g if g else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def place_accuracy(self) -> float:
        a = self._sum("place_aligned")
        return self._sum("place_right") / a if a else 0.0

    @property
    def date_accuracy(self) -> float:
        m = self._sum("matched")
        return self._sum("date_right") / m if m else 0.0

    @property
    def core_recall(self) -> float:
        c = self._sum("core")
        return self._sum("core_found") / c if c else 1.0

    @property
    def resolvable_recall(self) -> float:
        g = self._sum("resolvable")
        return self._sum("resolvable_matched") / g if g else 0.0

    @property
    def resolvable_precision(self) -> float:
        p = self._sum("predicted") - self._sum("unresolvable_predicted")
        return self._sum("matched") / p if p > 0 else 0.0

    def rule_counts(self) -> dict[str, tuple[int, int]]:
        """Each rule's true and false positives over all articles (a prediction counts for
        every rule that made it)."""
        out: dict[str, list[int]] = {}
        for a in self.articles:
            for rule, (tp, fp) in a.by_rule.items():
                acc = out.setdefault(rule, [0, 0])
                acc[0] += tp
                acc[1] += fp
        return {r: (tp, fp) for r, (tp, fp) in out.items()}

    def format_by_rule(self) -> str:
        """One line per rule, most false positives first: where a rule only hurts, it shows."""
        rows = sorted(self.rule_counts().items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
        lines = [f"{'rule':<40} {'TP':>5} {'FP':>5} {'precision':>9}"]
        for rule, (tp, fp) in rows:
            lines.append(f"{rule:<40} {tp:>5} {fp:>5} {tp / (tp + fp):>9.2f}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "resolvable_recall": round(self.resolvable_recall, 4),
            "resolvable_precision": round(self.resolvable_precision, 4),
            "resolvable": self._sum("resolvable"),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "place_accuracy": round(self.place_accuracy, 4),
            "date_accuracy": round(self.date_accuracy, 4),
            "core_recall": round(self.core_recall, 4),
            "gold": self._sum("gold"),
            "predicted": self._sum("predicted"),
            "matched": self._sum("matched"),
            "core": self._sum("core"),
            "core_found": self._sum("core_found"),
            "articles": [a.__dict__ for a in self.articles],
        }

    def format(self) -> str:
        lines = []
        for a in self.articles:
            p = a.matched / a.predicted if a.predicted else 0.0
            r = a.matched / a.gold if a.gold else 0.0
            lines.append(
                f"{a.article}: gold {a.gold}, predicted {a.predicted}, matched "
                f"{a.matched} (P {p:.2f} R {r:.2f}), core {a.core_found}/{a.core}"
            )
            for m in a.missed:
                lines.append(
                    f"  missed: {m['place']} {m['side']} {m['type']} {m['claim_date']}"
                    f"{' [core]' if m['core'] else ''}: {m['quote'][:70]!r}"
                )
            for fp in a.false_positives:
                lines.append(
                    f"  extra:  {fp['place']} {fp['side']} {fp['type']} "
                    f"{fp['claim_date']}: {fp['quote'][:70]!r}"
                )
            for pr in a.problems:
                lines.append(f"  problem: {pr}")
        lines.append(
            f"TOTAL: precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"place accuracy {self.place_accuracy:.3f}  date accuracy {self.date_accuracy:.3f}  "
            f"core recall {self.core_recall:.3f} ({self._sum('core_found')}/{self._sum('core')})"
        )
        if self._sum("resolvable") < self._sum("gold"):
            lines.append(
                f"RESOLVABLE (gold places the gazetteer can hold: {self._sum('resolvable')} of "
                f"{self._sum('gold')}): precision {self.resolvable_precision:.3f}  recall "
                f"{self.resolvable_recall:.3f}"
            )
        return "\n".join(lines)


def load_gold(path: Path) -> list[Gold]:
    """Read a gold file; a bad line is a GeomapError naming the file and line."""
    out: list[Gold] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            d = json.loads(raw)
            out.append(
                Gold(
                    place=d["place"],
                    side=d["side"],
                    type=d["type"],
                    claim_date=d.get("claim_date"),
                    quote=d["quote"],
                    core=bool(d.get("core", False)),
                    geonameid=int(d["geonameid"]) if d.get("geonameid") else None,
                    admin1=d.get("admin1"),
                    line=n,
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise GeomapError(
                f"{path}:{n}: bad gold line ({exc.__class__.__name__}: {exc}); "
                "each line is a JSON object with place, side, type, quote"
            ) from None
    return out


def article_for(gold_path: Path) -> Path | None:
    stem = gold_path.name[: -len(".gold.jsonl")]
    for ext in ARTICLE_EXTS:
        p = gold_path.with_name(stem + ext)
        if p.exists():
            return p
    return None


def read_gold_article(gold_path: Path) -> Article:
    """The article beside a gold file, read (its `path` names it); none or an unreadable one
    is a GeomapError naming the file."""
    ap = article_for(gold_path)
    if ap is None:
        raise GeomapError(
            f"{gold_path}: no article beside it (expected "
            f"{gold_path.name[: -len('.gold.jsonl')]}.txt/.md/.html)"
        )
    try:
        return read_article(ap)
    except ReadError as exc:
        raise GeomapError(str(exc)) from None


def place_matches(g: Gold, c: ClaimRecord) -> bool:
    if g.geonameid is not None:
        return c.place.id == str(g.geonameid)
    if g.admin1:
        return c.place.id == g.admin1 or (
            c.place.precision == "region" and c.place.admin1 == g.admin1
        )
    return False


def date_matches(g: Gold, c: ClaimRecord) -> bool:
    if not g.claim_date or c.claim_date is None:
        return not g.claim_date and c.claim_date is None
    gd = g.claim_date
    if len(gd) == 7:
        return c.claim_date.strftime("%Y-%m") == gd and c.date_precision in ("month", "day")
    if len(gd) == 4:
        return c.claim_date.year == int(gd)
    return c.claim_date.isoformat() == gd and c.date_precision == "day"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_article(
    name: str, text: str, gold: list[Gold], claims: list[ClaimRecord]
) -> ArticleScore:
    """Score one article's predictions against its gold (see the module docstring)."""
    sc = ArticleScore(article=name, gold=len(gold), predicted=len(claims))
    for g in gold:
        i = text.find(g.quote)
        if i < 0:
            sc.problems.append(f"gold line {g.line}: quote not found in the article text")
        else:
            g.span = (i, i + len(g.quote))
    used: set[int] = set()
    for g in gold:
        sc.core += g.core
        sc.resolvable += g.geonameid is not None or bool(g.admin1)
        if g.span is None:
            sc.missed.append(_gold_dict(g))
            continue
        aligned = _aligned(g, g.span, claims)
        if aligned:
            sc.place_aligned += 1
            sc.place_right += any(place_matches(g, c) for _k, c in aligned)
        best = _best_match(g, g.span, aligned, used, claims)
        if best is None:
            sc.missed.append(_gold_dict(g))
            continue
        used.add(best)
        sc.matched += 1
        sc.resolvable_matched += g.geonameid is not None or bool(g.admin1)
        ok_date = date_matches(g, claims[best])
        sc.date_right += ok_date
        if g.core and ok_date:
            sc.core_found += 1
        elif g.core:
            sc.missed.append(_gold_dict(g) | {"why": f"wrong date {claims[best].claim_date}"})
    for k, c in enumerate(claims):
        if k not in used and _about_unresolvable(c, gold):
            sc.unresolvable_predicted += 1
        for rule in c.rules or ("(none)",):
            sc.by_rule.setdefault(rule, [0, 0])[0 if k in used else 1] += 1
        if k not in used:
            sc.false_positives.append(_extra_dict(c))
    return sc


def claim_verdicts(text: str, gold: list[Gold], claims: list[ClaimRecord]) -> list[bool]:
    """Whether the scorer counts each claim a true positive: it counts true and false positives
    per rule id, so giving each claim a rule id of its own reads them off one by one (the gold
    is copied: scoring sets its spans)."""
    tagged = [replace(c, rules=(f"k{i}",)) for i, c in enumerate(claims)]
    by = score_article("", text, [replace(g, span=None) for g in gold], tagged).by_rule
    return [by[f"k{i}"][0] > 0 for i in range(len(claims))]


def _aligned(
    g: Gold, span: tuple[int, int], claims: list[ClaimRecord]
) -> list[tuple[int, ClaimRecord]]:
    """Predictions whose quote overlaps the gold quote with the same side and type."""
    return [
        (k, c)
        for k, c in enumerate(claims)
        if c.start is not None
        and c.end is not None
        and _overlap((c.start, c.end), span) > 0
        and c.side == g.side
        and c.type == g.type
    ]


def _best_match(
    g: Gold,
    span: tuple[int, int],
    aligned: list[tuple[int, ClaimRecord]],
    used: set[int],
    claims: list[ClaimRecord],
) -> int | None:
    """The unused aligned prediction at the gold place overlapping most (a right date
    breaks a tie), by index."""
    best: tuple[int, int] | None = None
    for k, c in aligned:
        if k in used or not place_matches(g, c):
            continue
        ov = _overlap((c.start or 0, c.end or 0), span)
        if (
            best is None
            or ov > best[0]
            or (ov == best[0] and date_matches(g, c) and not date_matches(g, claims[best[1]]))
        ):
            best = (ov, k)
    return None if best is None else best[1]


def _extra_dict(c: ClaimRecord) -> dict:
    """A prediction no gold claim matched, as the report prints it."""
    return {
        "place": c.place.name,
        "place_id": c.place.id,
        "side": c.side,
        "type": c.type,
        "claim_date": c.claim_date.isoformat() if c.claim_date else None,
        "quote": c.quote or "",
    }


def _about_unresolvable(c: ClaimRecord, gold: list[Gold]) -> bool:
    """Does a prediction name, as written, a gold place that has no id, in its quote?"""
    return any(
        g.geonameid is None
        and not g.admin1
        and g.span is not None
        and c.start is not None
        and c.end is not None
        and _overlap((c.start, c.end), g.span) > 0
        and (c.side, c.type) == (g.side, g.type)
        and c.place_as_written == g.place
        for g in gold
    )


def _gold_dict(g: Gold) -> dict[str, Any]:
    return {
        "place": g.place,
        "side": g.side,
        "type": g.type,
        "claim_date": g.claim_date,
        "quote": g.quote,
        "core": g.core,
        "line": g.line,
    }


def evaluate_dir(
    directory: str | Path, *, gazetteer: Any = None, extractor: str | None = None
) -> EvalReport:
    """Run extraction on every article that has a `*.gold.jsonl` beside it and score it."""
    from geomap.extract.registry import get_extractor

    ext = get_extractor(extractor)

    d = Path(directory)
    if not d.is_dir():
        raise GeomapError(f"{d}: not a folder; give the folder holding *.gold.jsonl files")
    golds = sorted(d.glob("*.gold.jsonl"))
    if not golds:
        raise GeomapError(f"{d}: no *.gold.jsonl files (each sits beside its article X.txt)")
    scores: list[ArticleScore] = []
    for gp in golds:
        art = read_gold_article(gp)
        ex = ext.extract_article(art, gazetteer=gazetteer)
        scores.append(score_article(Path(art.path or gp).name, art.text, load_gold(gp), ex.claims))
    return EvalReport(scores)


def gold_as_claims(gold: list[Gold], text: str) -> list[ClaimRecord]:
    """A second analyst's gold read as predictions, so the scorer measures how far two
    analysts agree: the ceiling the extractor's figures are read against."""
    from geomap.records import PlaceRef, read_claim_date

    out = []
    for g in gold:
        start = text.find(g.quote)
        if g.admin1:
            ref = PlaceRef(g.admin1, g.place, "region", 0.0, 0.0, admin1=g.admin1)
        else:
            ref = PlaceRef(str(g.geonameid or ""), g.place, "settlement", 0.0, 0.0)
        day, precision = read_claim_date(g.claim_date) if g.claim_date else (None, "day")
        out.append(
            ClaimRecord(
                place=ref,
                side=g.side,
                type=g.type,
                claim_date=day,
                date_precision=precision,
                place_as_written=g.place,
                quote=g.quote,
                start=start if start >= 0 else None,
                end=start + len(g.quote) if start >= 0 else None,
                origin="human",
            )
        )
    return out


def agreement_dir(reference: str | Path, second: str | Path) -> EvalReport:
    """Score a second analyst's gold files (`second`) against the reference gold beside the
    articles (`reference`), article by article, as `evaluate_dir` scores the extractor."""
    ref_dir, sec_dir = Path(reference), Path(second)
    seconds = sorted(sec_dir.glob("*.gold.jsonl"))
    if not seconds:
        raise GeomapError(f"{sec_dir}: no *.gold.jsonl files to compare")
    scores = []
    for sp in seconds:
        rp = ref_dir / sp.name
        if not rp.exists():
            raise GeomapError(f"{sp}: no reference gold {rp} to compare it with")
        text = read_gold_article(rp).text
        claims = gold_as_claims(load_gold(sp), text)
        scores.append(score_article(sp.name, text, load_gold(rp), claims))
    return EvalReport(scores)
