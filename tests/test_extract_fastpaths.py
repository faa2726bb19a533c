"""The fast paths of place finding give the answers of the plain definitions they replace.

Place finding skips work with cheap tests (suffix checks before end-anchored regex searches,
one regex pass instead of one per token, per-segment caches in the gazetteer's document
context). Each test here compares a fast path with the straightforward definition on inputs
built to hit its edge cases, so a shortcut that changes an answer fails.
"""

from __future__ import annotations

import random
import re

import pytest

from gazetteer import Context
from geomap.extract.mentions import find_names, lowercase_vocabulary
from geomap.extract.resolution import context_digest

# The definitions the fast paths must agree with.
_PLAIN_NAME = (
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|People['’]s|Republic))*"
    r"(?:\s+(?:regions?|oblasts?|provinces?|krai))?"
)
_PLAIN_DIGEST_RE = re.compile(
    r"(?:\b(?:region|oblast|province)\s+of\s+)?"
    + _PLAIN_NAME
    # "the Russian region of Kursk": a phrase ending in a region word runs on through "of"
    + r"(?:(?:(?<=\bregion)|(?<=\boblast)|(?<=\bprovince))\s+of\s+"
    + _PLAIN_NAME
    + r")*"
)
_PLAIN_LOWER_RE = re.compile(r"(?<![\w'’-])[a-z][a-z'-]+")


def _plain_digest(text: str) -> str:
    return "\n".join(m.group(0) for m in _PLAIN_DIGEST_RE.finditer(text))


def _plain_vocabulary(text: str) -> frozenset[str]:
    words: set[str] = set()
    for tok in text.split():
        if "/" not in tok and "www." not in tok:
            words.update(_PLAIN_LOWER_RE.findall(tok))
    return frozenset(words)


_ATOMS = [
    "region",
    "oblast",
    "province",
    "of",
    "Of",
    "Sumy",
    "Donetsk",
    "regions",
    "krai",
    "People's",
    "Republic",
    " ",
    "  ",
    "\n",
    "\t",
    ",",
    ".",
    "-",
    "'",
    "subregion",
    "proof",
    "the",
    "Kursk",
    "https://example.org/a",
    "www.example",
    "a/b",
    "x",
    "É",
    "ö",
    "Province",
    "’",
    "of\n",
]


def _fuzz_texts(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return [
        "".join(
            rnd.choice(_ATOMS) + rnd.choice(["", " ", " ", "  "]) for _ in range(rnd.randint(1, 14))
        )
        for _ in range(n)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "shelling in the border region of Sumy killed two",
        "the Donetsk region of Ukraine",  # "region" belongs to the first phrase, not to Ukraine's
        "a subregion of Kursk",  # no word boundary: not a region phrase
        "the province of\n  Kherson and Zaporizhzhia regions",
        "proof of Life",
        "a strike in the Russian region of Kursk and the Sumy oblast of Ukraine",
        "the Sub-region of Kursk",
    ],
)
def test_context_digest_matches_its_definition(text):
    assert context_digest(text) == _plain_digest(text)


def test_context_digest_and_vocabulary_match_definitions_on_fuzzed_text():
    for text in _fuzz_texts(20_000):
        assert context_digest(text) == _plain_digest(text), text
        assert lowercase_vocabulary(text) == _plain_vocabulary(text), text


def test_vocabulary_skips_links():
    text = "see https://example.org/toretsk and www.pokrovsk.example for more on toretsk"
    assert lowercase_vocabulary(text) == {"see", "and", "for", "more", "on", "toretsk"}
    assert "pokrovsk" not in lowercase_vocabulary(text)


def test_context_cache_keeps_answers_per_document(gaz):
    # the same capitalised word is a place in one text and a common word in another
    with_lower = gaz.context("Key talks went on.\nThe key point: Donetsk held.")
    capital_only = gaz.context("Key talks went on.\nDonetsk held.")
    again = gaz.context("Key talks went on.\nThe key point: Donetsk held.")
    assert (with_lower.countries, with_lower.admin1s, with_lower.points) == (
        again.countries,
        again.admin1s,
        again.points,
    )
    assert "709717" in capital_only.place_ids and "709717" in with_lower.place_ids
    # a repeated place adds one point, however many segments name it
    ctx = gaz.context("Donetsk. Donetsk, Donetsk; and Donetsk")
    assert ctx.place_ids.count("709717") == 1 and len(ctx.points) == len(ctx.place_ids)
    assert isinstance(ctx, Context)


def test_context_is_the_same_fresh_and_cached(gaz):
    from gazetteer.core import Gazetteer

    fresh = Gazetteer.open()  # its own, empty caches
    text = (
        "Russian forces shelled the border region of Sumy and pressed on Toretsk, "
        "while Kyiv said Kharkiv Oblast and Zaporizhzhia were hit overnight."
    )
    first = gaz.context(text)
    second = gaz.context(text)
    assert first.countries == second.countries and first.admin1s == second.admin1s
    assert first.points == second.points and first.place_ids == second.place_ids
    assert {"UA.21", "UA.07"} <= first.admin1s
    cold = fresh.context(text)
    assert (cold.countries, cold.admin1s, cold.points, cold.place_ids) == (
        first.countries,
        first.admin1s,
        first.points,
        first.place_ids,
    )
    fresh.close()


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("President Zelensky visited Kharkiv on Monday.", ["Kharkiv"]),
        ("a fighter with the call sign Kupiansk said the unit held on", []),
        ("Russia's troops entered the village of Chasiv Yar.", ["Chasiv Yar"]),
        ("Officials in the Russian region of Belgorod said so.", ["Russian region of Belgorod"]),
        ("The Pokrovsk and Toretsk sectors saw attacks.", ["Pokrovsk", "Toretsk"]),
    ],
)
def test_find_names_guards_keep_answers(gaz, sentence, names):
    found = [
        m.text for m in find_names(sentence, 0, len(sentence), gaz, lowercase_vocabulary(sentence))
    ]
    assert found == names
