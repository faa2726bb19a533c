"""cues._CLAUSE_BREAK_RE is written for speed (first character, then the rest): it must find
exactly the matches of the plain alternation it replaces, on sentences and on random text."""

from __future__ import annotations

import random
import re

from geomap.extract import cues

PLAIN = re.compile(
    r";|\s[—–]\s|\bbut\b|\bwhile\b|\bwhereas\b|"
    r"\band\s+(?:said|says|added|adds|noted|notes|wrote|writes|estimated|assessed|assesses)\b"
)

SENTENCES = [
    "The brigade held the ridge; the enemy shelled it all night.",
    "Troops left the village — the commander and said nothing more — but returned.",
    "Officials said the bridge was hit, while others and wrote that it stood.",
    "Whereas the mayor spoke of calm, the army and noted heavy fighting.",
    "A butcher's shop and a somewhile-open awhile road; nothing else.",
    "The unit advanced and  estimated losses at ten, whereas-clauses aside.",
]
ALPHABET = [*"ab wut;hilereasnd—–\n\txB1_,", "but", "while", "whereas", "and said", " — "]


def _spans(rx: re.Pattern[str], text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text, pos, endpos)]


def test_same_matches_as_the_plain_alternation_in_sentences() -> None:
    for s in SENTENCES:
        for pos in range(len(s) + 1):
            assert _spans(cues._CLAUSE_BREAK_RE, s, pos, len(s)) == _spans(PLAIN, s, pos, len(s))
        assert _spans(cues._CLAUSE_BREAK_RE, s, 0, len(s)) != []


def test_same_matches_as_the_plain_alternation_on_random_text() -> None:
    rnd = random.Random(7)
    for _ in range(5000):
        t = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 25)))
        pos = rnd.randint(0, len(t))
        end = rnd.randint(pos, len(t) + 1)
        assert _spans(cues._CLAUSE_BREAK_RE, t, pos, end) == _spans(PLAIN, t, pos, end), t
