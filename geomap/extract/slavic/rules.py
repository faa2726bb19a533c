"""The Russian and Ukrainian rule data (ru.toml, uk.toml, common.toml), loaded and compiled.

Knowledge lives in the TOML files with its examples; this module only builds the regexes
(substituting the shared {CAPW}/{NAME}/{LIST} building blocks) and names a bad file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from geomap.errors import GeomapError

DATA = Path(__file__).resolve().parent
LANGUAGES = ("ru", "uk")


@dataclass
class Rule:
    """A claim formula: a regex whose `list` group holds the places (or, with `ref`, none:
    the claim is about the place the text last named)."""

    id: str
    type: str
    patterns: list[re.Pattern[str]]
    ref: bool = False
    hromada: bool = False  # the list holds hromada adjectives: the claim is the hromada centre
    requires: re.Pattern[str] | None = None  # the sentence must also match this
    examples: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Claimant:
    """Who speaks in a sentence, and for which side; the highest priority named wins."""

    pattern: re.Pattern[str]
    label: str
    side: str
    priority: int = 1
    examples: list[str] = field(default_factory=list)


@dataclass
class DateRules:
    months: dict[str, int]
    relative: list[tuple[re.Pattern[str], int]]
    in_month: re.Pattern[str]
    day_of_month: re.Pattern[str]


@dataclass
class LangRules:
    """Everything the extractor needs for one language."""

    lang: str
    default_side: str
    rules: list[Rule]
    claimants: list[Claimant]
    dates: DateRules
    negation: re.Pattern[str]
    regions: dict[str, str]  # nickname -> admin1
    adjective_towns: dict[str, list[str]]
    front_admin1s: frozenset[str] = frozenset()  # where ground fighting can be (besides...)
    front_countries: frozenset[str] = frozenset()  # ...these whole countries)
    bullets_intro: re.Pattern[str] | None = None
    bullet_item: re.Pattern[str] | None = None
    bullets_type: str = "strike"
    bullet_examples: list[dict[str, Any]] = field(default_factory=list)


def _load(name: str) -> dict[str, Any]:
    path = DATA / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GeomapError(f"{path}: cannot read rule data ({exc})") from None


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for _ in range(6):  # macros use macros ({LIST} -> {NAME} -> {CAPW})
        new = pattern
        for k, v in macros.items():
            new = new.replace("{" + k + "}", v)
        if new == pattern:
            break
        pattern = new
    return pattern


def _compile(pattern: str, macros: dict[str, str], where: str, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(_expand(pattern, macros), flags)
    except re.error as exc:
        raise GeomapError(f"{where}: bad pattern ({exc})") from None


def _rule(r: dict[str, Any], macros: dict[str, str], where: str) -> Rule:
    try:
        pats = r["pattern"] if isinstance(r["pattern"], list) else [r["pattern"]]
        req = r.get("requires")
        return Rule(
            id=r["id"],
            type=r["type"],
            patterns=[_compile(p, macros, f"{where} rule {r['id']}") for p in pats],
            ref=bool(r.get("ref", False)),
            hromada=bool(r.get("hromada", False)),
            requires=_compile(req, macros, where, re.I) if req else None,
            examples=list(r.get("examples", [])),
        )
    except KeyError as exc:
        raise GeomapError(f"{where}: a rule lacks {exc} ({r.get('id', '?')})") from None


@lru_cache(maxsize=4)
def load_rules(lang: str) -> LangRules:
    """The compiled rules for 'ru' or 'uk'."""
    if lang not in LANGUAGES:
        raise GeomapError(f"no Slavic rules for language {lang!r}; known: {', '.join(LANGUAGES)}")
    common, data = _load("common.toml"), _load(f"{lang}.toml")
    macros = dict(common["macros"]) | dict(data.get("lexicon", {}))
    where = f"{DATA / (lang + '.toml')}"
    rules = [_rule(r, macros, where) for r in data.get("rule", [])]
    claimants = [
        Claimant(
            _compile(c["pattern"], macros, f"{where} claimant {c['label']}"),
            c["label"],
            c["side"],
            int(c.get("priority", 1)),
            list(c.get("examples", [])),
        )
        for c in data.get("claimant", [])
    ]
    d = data["dates"]
    months = {form: i for i, forms in enumerate(d["months"], 1) for form in forms}
    dates = DateRules(
        months=months,
        relative=[
            (_compile(x["pattern"], macros, where, re.I), int(x["days"])) for x in d["relative"]
        ],
        in_month=_compile(d["in_month"], macros, where, re.I),
        day_of_month=_compile(d["day_of_month"], macros, where, re.I),
    )
    out = LangRules(
        lang=lang,
        default_side=data["default_side"],
        rules=rules,
        claimants=claimants,
        dates=dates,
        negation=_compile(macros.get("negation", r"(?!x)x"), macros, where, re.I),
        regions=dict(common.get("regions", {})),
        adjective_towns=dict(common.get("adjective_towns", {})),
        front_admin1s=frozenset(common.get("front_admin1s", [])),
        front_countries=frozenset(common.get("front_countries", [])),
    )
    if b := data.get("bullets"):
        out.bullets_intro = _compile(b["intro"], macros, where, re.I)
        out.bullet_item = _compile(b["item"], macros, where, re.M)
        out.bullets_type = b.get("type", "strike")
        out.bullet_examples = list(b.get("examples", []))
    return out


def finditer(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches in `text`, and in `text` with its first letter lower-cased, so a cue word that
    opens a sentence ("Освобождены …") matches a pattern written in lower case; a name that
    opens it ("Торецьк не окупований") still matches as written."""
    out = {m.span(): m for m in pattern.finditer(text)}
    if text[:1].isupper():
        for m in pattern.finditer(text[:1].lower() + text[1:]):
            if not any(a < m.end() and m.start() < b for a, b in out):
                out[m.span()] = m
    return [out[k] for k in sorted(out)]
