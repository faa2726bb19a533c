"""Inflected Russian/Ukrainian place names back to the nominative the gazetteer knows.

pymorphy3 proposes the readings of each word; a phrase's variants are the combinations of
its words' nominatives (keeping gender and number, so "Червоного Лиману" -> "Червоний
Лиман"), as written first. Hromada and axis adjectives ("Юнаківська", "Покровському") become
their town through the suffix table in the language's rule data.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import Any

from geomap.errors import GeomapError

_MAX_VARIANTS = 24


@lru_cache(maxsize=2)
def analyzer(lang: str) -> Any:
    """The pymorphy3 analyser for 'ru' or 'uk' (loaded once: ~0.4 s and 15 MB each)."""
    try:
        import pymorphy3
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise GeomapError(
            "the Russian/Ukrainian extractors need pymorphy3 with pymorphy3-dicts-ru and "
            "pymorphy3-dicts-uk: pip install pymorphy3 pymorphy3-dicts-ru pymorphy3-dicts-uk"
        ) from exc
    return pymorphy3.MorphAnalyzer(lang=lang)


def _match_case(form: str, written: str) -> str:
    """'червоний' written 'Червоного' -> 'Червоний'; hyphenated parts keep their capitals."""
    if written.isupper() and len(written) > 1:
        return form.upper()
    parts, wparts = form.split("-"), written.split("-")
    if len(parts) == len(wparts):
        return "-".join(
            p[:1].upper() + p[1:] if w[:1].isupper() else p
            for p, w in zip(parts, wparts, strict=True)
        )
    return form[:1].upper() + form[1:] if written[:1].isupper() else form


@lru_cache(maxsize=50_000)
def word_nominatives(word: str, lang: str) -> tuple[str, ...]:
    """The word as written, then its nominative readings, most likely first."""
    out = [word]
    if not any(ch.isalpha() for ch in word):
        return tuple(out)
    # the dictionaries spell the apostrophe ' ("Куп'янськ"); texts often write ’ or ʼ
    for p in analyzer(lang).parse(word.replace("’", "'").replace("ʼ", "'"))[:6]:
        forms = []
        nom = p.inflect({"nomn"})
        if nom is not None:
            forms.append(nom.word)
        forms.append(p.normal_form)
        for f in forms:
            f = _match_case(f, word)
            if f not in out:
                out.append(f)
    return tuple(out)


def phrase_nominatives(phrase: str, lang: str) -> list[str]:
    """Variants of a 1-4 word name phrase for gazetteer lookup, the written form first."""
    words = phrase.split()
    options = [word_nominatives(w, lang) for w in words]
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*options), _MAX_VARIANTS):
        v = " ".join(combo)
        if v not in out:
            out.append(v)
    return out


def adjective_towns(adj: str, lang: str, endings: dict[str, list[str]]) -> list[str]:
    """Town names an adjective may come from: 'Покровському' -> 'Покровськ', 'Юнаківська' ->
    'Юнаківка', 'Новослобідська' -> 'Нова Слобода'. `endings` maps an adjective suffix of the
    masculine nominative to the town endings to try (rule data); compounds with a prefix
    such as Ново-/Велико- are split into an adjective and a noun."""
    out: list[str] = []
    for lemma in _adjective_lemmas(adj, lang):
        for suffix, repl in sorted(endings.items(), key=lambda kv: -len(kv[0])):
            if not lemma.endswith(suffix) or suffix == "_prefixes":
                continue
            stem = lemma[: -len(suffix)]
            for e in repl:
                out.extend(_with_prefix(stem, e, endings.get("_prefixes", [])))
            break
    seen: list[str] = []
    for v in out:
        v = "-".join(p[:1].upper() + p[1:] for p in v.split("-"))
        v = " ".join(p[:1].upper() + p[1:] for p in v.split(" "))
        if v not in seen:
            seen.append(v)
    return seen


def _adjective_lemmas(adj: str, lang: str) -> list[str]:
    out = []
    for p in analyzer(lang).parse(adj.replace("’", "'").replace("ʼ", "'"))[:6]:
        if "ADJF" in p.tag or p.normal_form.endswith(("ський", "цький", "ский", "цкий")):
            masc = p.inflect({"masc", "sing", "nomn"})
            lemma = (masc.word if masc else p.normal_form).lower()
            if lemma not in out:
                out.append(lemma)
    low = adj.lower()
    if not out and low.endswith(("ська", "цька", "ская", "цкая")):
        out.append(low[:-2] + ("ий" if lang == "uk" else "ий"))
    return out


def _with_prefix(stem: str, ending: str, prefixes: list[str]) -> list[str]:
    """stem+ending, and for 'новослобід' + 'а' also 'нова слобода' (prefix adjective agreeing
    with the noun's gender by its ending; і -> о in the noun's last syllable)."""
    base = stem + ending
    out = [base]
    for pre in prefixes:  # "ново:нова,нове,новий"
        head, _, forms = pre.partition(":")
        if not stem.startswith(head) or len(stem) <= len(head) + 2:
            continue
        rest = stem[len(head) :].lstrip("-")
        nouns = [rest + ending]
        if "і" in rest:
            k = rest.rfind("і")
            nouns.append(rest[:k] + "о" + rest[k + 1 :] + ending)
        for form in forms.split(","):
            out.extend(f"{form} {n}" for n in nouns)
            out.extend(f"{form}-{n}" for n in nouns)
    return out
