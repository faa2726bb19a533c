"""Does the learned keep/type/side pass beat the rules? Leave-one-SET-out on real reporting.

    python bench/bench_learned.py /work/corpus-split/dev /work/unseen/dev2 ... /work/unseen/dev5 \\
        [--first-runs DIR] [--loao] [--cache FILE]

Each positional folder is one set of real articles with gold. For each set in turn: fit the
model on the OTHER sets (plus the project's own texts, weighed down as in
bench/train_learned.py), choose its drop threshold and switch margin by an inner
leave-one-set-out over those training sets only, apply it to the held-out set's rules claims
and score the rules alone and rules+learned with `geomap eval`'s scorer. The held-out set never
influences the model or the setting it is scored with.

The rules were tuned on every tunable set, so their claims there are better than on never-read
text. `--first-runs DIR` adds the fairer test: DIR holds `<set>.jsonl`, the claims the rules
made on each set BEFORE anyone read it (its first run, logged in tests/data/first_runs.csv;
`--make-first-runs DIR` rebuilds them from the commits in FIRST_RUN_COMMITS, about 2 minutes a
set, each old tree with its own gazetteer cache under DIR), and each fold
also scores rules vs rules+learned on the held-out set's first-run claims; `--train-first-runs`
also trains on the other sets' first-run claims. `--loao` adds leave-one-article-out over all
articles (shipped settings; slower). Figures: see the docstring of geomap/extract/learned.py.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_learned import OWN  # noqa: E402

from geomap.extract import learned  # noqa: E402
from geomap.extract import learned_fit as lf  # noqa: E402
from geomap.extract.evaluate import ArticleScore, EvalReport, score_article  # noqa: E402

# the commit whose rules made each set's logged first run (tests/data/first_runs.csv), and the
# release it carried: those rules had never seen the set
FIRST_RUN_COMMITS = {
    "dev": ("c10b709", "0.32.0"),
    "dev2": ("6d3f41e", "0.35.0"),
    "dev3": ("cbab0ed", "0.36.0"),
    "dev4": ("09f9dba", "0.38.0"),
    "dev5": ("dbc4606", "0.39.1"),
}
_DUMP = """
import json, sys
from dataclasses import asdict
from pathlib import Path
from geomap.extract.reader import read_article
from geomap.extract.pipeline import extract_article
try:
    from geomap.extract.calibration import using
except ImportError:
    from contextlib import nullcontext as using
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for gp in sorted(Path(sys.argv[1]).glob("*.gold.jsonl")):
        art = read_article(gp.with_name(gp.name[: -len(".gold.jsonl")] + ".txt"))
        with using(None):
            claims = extract_article(art).claims
        for c in claims:
            d = asdict(c)
            d.pop("source", None)
            f.write(json.dumps({"gold": gp.name, "claim": d}, default=str) + "\\n")
"""


def make_first_runs(real: list[Path], out: Path) -> None:
    """Run each set's first-run rules (an old tree from git, its own gazetteer cache) over
    the set and write `out/<set>.jsonl`. The dumps hold quotes: keep `out` outside the project."""
    import os
    import subprocess
    import tempfile

    root = Path(__file__).resolve().parent.parent
    out.mkdir(parents=True, exist_ok=True)
    for folder in real:
        if folder.name not in FIRST_RUN_COMMITS:
            print(f"{folder.name}: no first-run commit known, skipped")
            continue
        commit, release = FIRST_RUN_COMMITS[folder.name]
        with tempfile.TemporaryDirectory() as tree:
            archive = subprocess.run(
                ["git", "-C", str(root), "archive", commit], check=True, capture_output=True
            )
            subprocess.run(["tar", "-x", "-C", tree], input=archive.stdout, check=True)
            env = dict(os.environ, PYTHONPATH=tree)
            env["GEOMAP_GAZETTEER_CACHE"] = str(out / f"gazetteer-{commit}")
            dump = out / f"{folder.name}.jsonl"
            subprocess.run(
                [sys.executable, "-c", _DUMP, str(folder.resolve()), str(dump)],
                cwd=tree,
                env=env,
                check=True,
            )
        print(f"{folder.name}: first-run claims of {release} ({commit}) in {dump}")


def score(a: lf.LabelledArticle, claims: list) -> ArticleScore:
    return score_article(a.name, a.text, [replace(g, span=None) for g in a.gold], claims)


def scored(arts: list[lf.LabelledArticle], model: learned.Model | None) -> EvalReport:
    """The articles scored with their rules claims, or with the model's pass over them."""
    return EvalReport([score(a, model.apply(a.claims) if model else a.claims) for a in arts])


@dataclass
class Sets:
    """The labelled articles of each set: current rules claims, first-run claims (if any)."""

    now: dict[str, list[lf.LabelledArticle]]
    first: dict[str, list[lf.LabelledArticle]]
    own: list[lf.Example]

    def training(self, names: list[str], first: bool) -> list[lf.Example]:
        arts = [a for n in names for a in self.now[n]]
        if first:
            arts += [a for n in names for a in self.first.get(n, [])]
        return lf.weigh([x for a in arts for x in a.examples], self.own)


def choose(sets: Sets, train: list[str], *, first: bool, c: float) -> lf.Choice:
    """The setting an inner leave-one-set-out over the training sets alone chooses (on their
    current claims, and their first-run claims when trained on)."""
    groups = {n: sets.now[n] + (sets.first.get(n, []) if first else []) for n in train}
    return lf.choose_settings(groups, sets.own, c=c)


def loso(sets: Sets, *, first: bool, c: float, nested: bool) -> None:
    """Print rules vs rules+learned per held-out set, then pooled."""
    pooled: dict[str, list[ArticleScore]] = {}
    for held in sets.now:
        t = time.process_time()
        train = [n for n in sets.now if n != held]
        setting = choose(sets, train, first=first, c=c) if nested else None
        model = lf.fit(sets.training(train, first), c=c)
        if setting:
            model.drop_below, model.margin = setting.drop_below, setting.margin
        print(
            f"held out {held}: drop<{model.drop_below} margin {model.margin} "
            f"({time.process_time() - t:.0f}s CPU)"
        )
        for kind, arts in (("now", sets.now[held]), ("first", sets.first.get(held, []))):
            if not arts:
                continue
            r, o = scored(arts, None), scored(arts, model)
            pooled.setdefault(f"{kind} rules", []).extend(r.articles)
            pooled.setdefault(f"{kind} rules+learned", []).extend(o.articles)
            print(line(f"  {held} {kind} rules", r))
            print(line(f"  {held} {kind} rules+learned", o))
    for name, scores in pooled.items():
        print(line(f"POOLED {name}", EvalReport(scores)))


def loao(sets: Sets, *, first: bool, c: float) -> None:
    """Leave-one-article-out over every article at the shipped settings."""
    arts = [a for group in sets.now.values() for a in group]
    rules, ours = [], []
    for held in arts:
        train = [x for a in arts if a is not held for x in a.examples]
        if first:
            train += [
                x
                for group in sets.first.values()
                for a in group
                for x in a.examples
                if a.name != held.name
            ]
        model = lf.fit(lf.weigh(train, sets.own), c=c)
        rules.append(score(held, held.claims))
        ours.append(score(held, model.apply(held.claims)))
    print(line("LOAO rules", EvalReport(rules)))
    print(line("LOAO rules+learned", EvalReport(ours)))


def oracle(arts: list[lf.LabelledArticle]) -> EvalReport:
    """What a perfect keep/type/side pass would score: the training labels applied."""
    return EvalReport(
        [
            score(a, [replace(x.claim, type=x.type, side=x.side) for x in a.examples if x.keep])
            for a in arts
        ]
    )


def line(name: str, r: EvalReport) -> str:
    return (
        f"{name:<36} P {r.precision:.3f} R {r.recall:.3f} F1 {r.f1:.3f} "
        f"core {r._sum('core_found')}/{r._sum('core')} pred {r._sum('predicted')}"
    )


def load_sets(real: list[Path], first_dir: Path | None, cache: Path | None) -> Sets:
    """Extract (or read from `cache`, a pickle outside the project: it holds article text,
    stamped with the rules' version) and label every set."""
    from geomap.extract.pipeline import VERSION

    key = (VERSION, [str(p) for p in real], str(first_dir))
    if cache and cache.exists():
        stamp, data = pickle.loads(cache.read_bytes())
        if stamp == key:  # the features may have changed since: recompute what they read
            for group in [*data.now.values(), *data.first.values()]:
                for a in group:
                    lf.relabelled(a)
            return data
    now = {p.name: lf.articles_from([p]) for p in real}
    first = {}
    if first_dir:
        for p in real:
            dump = first_dir / f"{p.name}.jsonl"
            if dump.exists():
                first[p.name] = lf.articles_from_claims(p, dump)
    own = [x for a in lf.articles_from(OWN) for x in a.examples]
    data = Sets(now, first, own)
    if cache:
        cache.write_bytes(pickle.dumps((key, data)))
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("real", nargs="+", type=Path, help="one folder per set of real articles")
    ap.add_argument("--first-runs", type=Path, help="folder of <set>.jsonl first-run claims")
    ap.add_argument("--train-first-runs", action="store_true")
    ap.add_argument("--make-first-runs", type=Path, help="write first-run claims to this folder")
    ap.add_argument("--c", type=float, default=learned.C)
    ap.add_argument("--fixed", action="store_true", help="shipped settings, no inner choice")
    ap.add_argument("--loao", action="store_true", help="also leave-one-article-out")
    ap.add_argument("--cache", type=Path, help="pickle of the extractions, reused if present")
    args = ap.parse_args(argv)
    if args.make_first_runs:
        make_first_runs(args.real, args.make_first_runs)
        args.first_runs = args.first_runs or args.make_first_runs
    sets = load_sets(args.real, args.first_runs, args.cache)
    for n, arts in sets.now.items():
        ex = [x for a in arts for x in a.examples]
        print(
            f"{n}: {len(arts)} articles, {len(ex)} rules claims, {sum(x.keep for x in ex)} "
            f"the gold keeps; {len(sets.first.get(n, []))} with first-run claims"
        )
        print(line(f"  {n} ceiling (gold labels)", oracle(arts)))
    loso(sets, first=args.train_first_runs, c=args.c, nested=not args.fixed)
    if args.loao:
        loao(sets, first=args.train_first_runs, c=args.c)
    return 0


if __name__ == "__main__":
    sys.exit(main())
