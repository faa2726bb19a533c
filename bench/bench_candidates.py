"""Does the learned candidate generator beat the rules? Nested leave-one-article-out.

    python bench/bench_candidates.py /work/corpus-split/dev /work/unseen/dev2 /work/unseen/dev3 \
        [--cache /tmp/cands.pickle] [--c 0.3]

For each real article: fit the generator on every OTHER article; choose its threshold on those
training articles only (an inner 5-fold split by article gives each training candidate an
out-of-fold probability; the threshold maximising the training articles' pooled F1 of rules +
proposed claims wins, "propose nothing" included); score the held-out article's rules claims
alone and with the proposed claims using `geomap eval`'s scorer. Prints pooled figures, the
precision of the added claims, and the thresholds the folds chose. `--sweep` prints instead
pooled figures at fixed thresholds (plain leave-one-out: optimistic, a bound not a result).

Result, 2026-12-01, rules 0.37.0, dev + dev2 + dev3 (73 articles, 558 gold claims; the rules
find 283): 362 candidates, 75 of them positive (of the 275 gold claims the rules miss, 77 have
a resolved unclaimed mention of the gold place in the clause; 83 have no resolvable place, 67
name the place only elsewhere in the article, 37 have a rules claim there with the wrong type
or side, 10 a place never resolved).
  rules alone                   P 0.753 R 0.507 F1 0.606 (pred 376, TP 283)
  rules + generator, nested     P 0.753 R 0.507 F1 0.606: every one of the 73 folds chose to
                                propose nothing (threshold 1.01), so nothing was added
  fixed thresholds (optimistic) every one lowers F1: 0.8 -> 0.605 (+2 claims, 0 TP), 0.5 ->
                                0.589 (+27, 0 TP), 0.2 -> 0.554 (+128 claims, +11 TP: .09)
  ceiling (perfect generator)   P 0.794 R 0.642 F1 0.710 (+75 claims, +75 TP)
Again, 2026-12-02, rules 0.44.0, dev..dev6 (159 articles, 1,200 gold claims; the rules find
617 of 794): 774 candidates, 169 positive; ceiling (perfect generator) F1 0.727. The sweep
(plain leave-one-article-out, optimistic) still lowers F1 at every threshold: 0.8 -> 0.618
(+19 claims, +5 TP: .26), 0.7 -> 0.613 (+43, +7), 0.5 -> 0.604 (+93, +13), 0.2 -> 0.571 (+274,
+30: .11); rules alone 0.619. On text the rules were not tuned on (F1 ~0.37) an added claim pays
when it is right more often than ~0.19, so only the top slice (0.8) would break even: more data
did not make the generator worth shipping. (Copying an article's claim about a place to the
other sentences that name it does worse: 24 of 277 copies right, .09.)
Out of fold the claim head ranks positives above negatives only weakly (AUC 0.68); its most
confident proposals are reference points ("near X", "from X", "the X region where ...") and
places in lists; the type and side heads (fitted on all 330 gold-linked mentions, the 75
positives alone gave 0.13) get both right for 28% of positives (type 37%, side 75%). So even
the right mentions would mostly be scored as false positives. Adding claims pays only when
their precision exceeds F1/2 (~0.30); the best top-k slice out of fold is ~0.10.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import replace
from pathlib import Path

from geomap.extract import candidates as cd
from geomap.extract import candidates_fit as cf
from geomap.extract.evaluate import ArticleScore, EvalReport, score_article

GRID = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 1.01]  # 1.01: nothing
INNER = 5


def score(a: cf.LabelledArticle, claims: list) -> ArticleScore:
    return score_article(a.name, a.text, [replace(g, span=None) for g in a.gold], claims)


def proposed(a: cf.LabelledArticle, gen: cd.Generator, threshold: float) -> list:
    out = []
    for x, (p, typ, side) in zip(a.examples, cf.probabilities(gen, a.examples), strict=True):
        if p >= threshold:
            out.append(cd.proposed_claim(x.candidate, a.view, typ, side, a.published))
    return out


def choose_threshold(train: list[cf.LabelledArticle], c: float) -> float:
    """The threshold maximising pooled F1 on the training articles, from out-of-fold
    probabilities (inner split by article: article i goes to fold i % INNER)."""
    scored: list[tuple[int, list[tuple[float, bool]]]] = []  # per article: rules TP, candidates
    base_tp = base_pred = gold = 0
    for k in range(INNER):
        inner_test = [a for i, a in enumerate(train) if i % INNER == k]
        rest = [a for i, a in enumerate(train) if i % INNER != k]
        gen = cf.fit([x for a in rest for x in a.examples], [x for a in rest for x in a.typed], c=c)
        for a in inner_test:
            probs = cf.probabilities(gen, a.examples)
            right = [
                (p, x.positive and (typ, side) == (x.type, x.side))
                for x, (p, typ, side) in zip(a.examples, probs, strict=True)
            ]
            scored.append((0, right))
    for a in train:
        s = score(a, a.view.claims)
        base_tp, base_pred, gold = base_tp + s.matched, base_pred + s.predicted, gold + s.gold
    best, best_f1 = 1.01, -1.0
    for t in sorted(GRID, reverse=True):  # a tie keeps the higher threshold (fewer claims)
        tp = base_tp + sum(ok for _b, r in scored for p, ok in r if p >= t)
        pred = base_pred + sum(p >= t for _b, r in scored for p, _ok in r)
        f1 = 2 * tp / (pred + gold) if pred + gold else 0.0
        if f1 > best_f1 + 1e-12:
            best, best_f1 = t, f1
    return best


def nested(real: list[cf.LabelledArticle], c: float):
    rules, ours, added, chosen = [], [], [], []
    for held in real:
        train = [a for a in real if a is not held]
        t = choose_threshold(train, c)
        gen = cf.fit(
            [x for a in train for x in a.examples], [x for a in train for x in a.typed], c=c
        )
        extra = proposed(held, gen, t)
        rules.append(score(held, held.view.claims))
        both = score(held, held.view.claims + extra)
        ours.append(both)
        added.append((len(extra), both.matched - rules[-1].matched))
        chosen.append(t)
        print(f"  {held.name[:50]:<50} t={t} +{len(extra)} claims, +{added[-1][1]} TP", flush=True)
    return rules, ours, added, chosen


def sweep(real: list[cf.LabelledArticle], c: float) -> dict[float, EvalReport]:
    """Pooled rules + proposals at each fixed threshold, plain leave-one-article-out: choosing
    the best of these would use the held-out articles, so they only bound what a threshold
    can do (an optimistic ceiling, not a result)."""
    out: dict[float, list[ArticleScore]] = {t: [] for t in GRID}
    for held in real:
        train = [a for a in real if a is not held]
        gen = cf.fit(
            [x for a in train for x in a.examples], [x for a in train for x in a.typed], c=c
        )
        for t in GRID:
            out[t].append(score(held, held.view.claims + proposed(held, gen, t)))
    return {t: EvalReport(s) for t, s in out.items()}


def ceiling(real: list[cf.LabelledArticle]) -> EvalReport:
    """Rules + a perfect generator: every positive candidate proposed with the gold's labels."""
    out = []
    for a in real:
        extra = [
            cd.proposed_claim(x.candidate, a.view, x.type, x.side, a.published)
            for x in a.examples
            if x.positive
        ]
        out.append(score(a, a.view.claims + extra))
    return EvalReport(out)


def line(name: str, r: EvalReport) -> str:
    return (
        f"{name:<34} P {r.precision:.3f} R {r.recall:.3f} F1 {r.f1:.3f} "
        f"core {r._sum('core_found')}/{r._sum('core')} pred {r._sum('predicted')} "
        f"TP {r._sum('matched')} gold {r._sum('gold')}"
    )


def load(folders: list[Path], cache: Path | None) -> list[cf.LabelledArticle]:
    """The labelled articles; with `cache`, read from / written to a pickle outside the project
    (it holds article text), stamped with the rules' version and the feature format."""
    from geomap.extract.pipeline import VERSION

    key = (VERSION, cd.FORMAT, 2, [str(p) for p in folders])
    if cache and cache.exists():
        stamp, data = pickle.loads(cache.read_bytes())
        if stamp == key:
            return data
    data = cf.articles_from(folders)
    if cache:
        cache.write_bytes(pickle.dumps((key, data)))
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("real", nargs="+", type=Path, help="folders of real articles with gold")
    ap.add_argument("--c", type=float, default=cd.C)
    ap.add_argument("--cache", type=Path, help="pickle of the labelled extractions")
    ap.add_argument(
        "--sweep", action="store_true", help="only the fixed-threshold sweep (optimistic)"
    )
    args = ap.parse_args(argv)
    real = load(args.real, args.cache)
    xs = [x for a in real for x in a.examples]
    gold = sum(len(a.gold) for a in real)
    print(
        f"{len(real)} articles, {gold} gold claims, {len(xs)} candidates, "
        f"{sum(x.positive for x in xs)} positive"
    )
    print(line("CEILING (perfect generator)", ceiling(real)))
    if args.sweep:
        for t, r in sweep(real, args.c).items():
            print(line(f"threshold {t} (not nested)", r))
        return 0
    rules, ours, added, chosen = nested(real, args.c)
    pr, po = EvalReport(rules), EvalReport(ours)
    print(line("POOLED rules", pr))
    print(line("POOLED rules+candidates (nested)", po))
    n, tp = sum(a for a, _ in added), sum(b for _, b in added)
    print(f"added claims {n}, of which TP {tp} (precision {tp / n if n else float('nan'):.3f})")
    print(f"F1 difference {po.f1 - pr.f1:+.4f}; thresholds chosen: {sorted(set(chosen))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
