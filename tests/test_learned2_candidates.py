"""The learned candidate generator (geomap.extract.candidates): which mentions are candidates,
what features they get, how the gold labels them, and that the fit learns from them.

Sentences here are written for the tests.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from geomap.extract import candidates as cd
from geomap.extract import candidates_fit as cf
from geomap.extract.evaluate import Gold
from geomap.extract.mentions import Mention
from geomap.extract.resolution import PlaceHit
from geomap.records import ClaimRecord, PlaceRef

TOWN = PlaceRef("101", "Brodovo", "settlement", 48.1, 37.2, "UA", "UA.05")
VILLAGE = PlaceRef("102", "Lisne", "settlement", 48.2, 37.3, "UA", "UA.05")
OBLAST = PlaceRef("UA.05", "Donetsk Oblast", "region", 48.0, 37.8, "UA", "UA.05")
PLACES = {p.name: p for p in (TOWN, VILLAGE, OBLAST)}
EXAMPLE = Path(cd.__file__).resolve().parent.parent / "examples" / "2024-05-17-vovchansk.txt"


def article(sentences: list[str], claimed: dict[int, list[tuple[str, str, str]]]) -> cd.ArticleView:
    """A view of sentences (one clause each), every known place name resolved, and the rules'
    claims given per sentence as (place name, type, side)."""
    text, clauses = "", []
    for s in sentences:
        clauses.append((len(text), len(text) + len(s)))
        text += s + " "
    hits = [
        PlaceHit(Mention(m.start(), m.end(), m.group(0), m.group(0), None), PLACES[m.group(0)])
        for m in re.finditer("|".join(PLACES), text)
    ]
    claims = [
        ClaimRecord(
            PLACES[name],
            side,
            typ,
            date(2025, 3, 1),
            place_as_written=name,
            quote=text[clauses[i][0] : clauses[i][1]],
            start=clauses[i][0],
            end=clauses[i][1],
        )
        for i, rows in claimed.items()
        for name, typ, side in rows
    ]
    return cd.view(text, "Brodovo under attack", clauses, claims, hits)


def test_candidates_are_unclaimed_places_once_per_clause() -> None:
    v = article(
        [
            "Russian forces captured Brodovo and pushed towards Lisne, where Lisne burned.",
            "Heavy fighting continued around Brodovo in Donetsk Oblast.",
        ],
        {0: [("Brodovo", "captured", "russia")]},
    )
    got = [(m.place.name, m.clause == v.clauses[0]) for m in cd.candidates(v)]
    assert got == [("Lisne", True), ("Brodovo", False), ("Donetsk Oblast", False)]
    assert v.counts == {"101": 2, "102": 2, "UA.05": 1}


def test_features_read_cues_speaker_siblings_and_standing() -> None:
    v = article(
        [
            "Russian forces captured Brodovo and pushed towards Lisne, the Ukrainian army said.",
            "Rain fell on Lisne.",
        ],
        {0: [("Brodovo", "captured", "russia")]},
    )
    lisne, quiet = cd.candidates(v)
    f = cd.candidate_features(lisne, v)
    assert {"cue=advancing", "cue_near=advancing", "near:toward", "speaker_side=ukraine"} <= set(f)
    assert {"sib_type=captured", "sib_side=russia", "first_mention", "place_claims=0"} <= set(f)
    assert f["side_guess=ukraine"] == cd.GUESS_SCALE and f["type_guess=advancing"] > 0
    g = cd.candidate_features(quiet, v)
    assert {"speaker=none", "side_guess=third-party", "type_guess=fighting"} <= set(g)
    assert "first_mention" not in g and not any(k.startswith("cue=") for k in g)


def test_labels_come_from_gold_the_rules_missed() -> None:
    sents = [
        "Russian forces captured Brodovo and pushed towards Lisne.",
        "Fighting went on near Lisne.",
    ]
    v = article(sents, {0: [("Brodovo", "captured", "russia")]})
    gold = [
        Gold("Brodovo", "russia", "captured", None, sents[0][:-1], True, 101),  # found
        Gold("Lisne", "russia", "advancing", None, "pushed towards Lisne", True, 102),
    ]
    xs = cf.label(v.text, gold, v)
    assert [(x.candidate.place.name, x.positive, x.type, x.side) for x in xs] == [
        ("Lisne", True, "advancing", "russia"),
        ("Lisne", False, "", ""),
    ]
    typed = cf.typed_examples(v.text, gold, v)
    # the claimed Brodovo mention teaches the type heads too, without its own claim as a feature
    assert [(x.candidate.place.name, x.type) for x in typed] == [
        ("Brodovo", "captured"),
        ("Lisne", "advancing"),
    ]
    assert "sib_type=captured" not in typed[0].features
    assert "sib_type=captured" in typed[1].features


def tiny_dataset() -> list[cf.Example]:
    """Clauses where 'fighting near X' is an analyst's claim and 'rain on X' is not."""
    out = []
    for sent, pos in [
        ("Fierce fighting raged near Lisne, the army said.", True),
        ("Heavy fighting was reported near Brodovo.", True),
        ("Troops fought near Lisne overnight.", True),
        ("Rain fell on Lisne.", False),
        ("Schools in Brodovo reopened.", False),
        ("Rain fell on Brodovo again.", False),
    ]:
        v = article([sent], {})
        (m,) = cd.candidates(v)
        out.append(
            cf.Example(m, cd.candidate_features(m, v), pos, "fighting" if pos else "", "ukraine")
        )
    return out


def test_fit_is_reproducible_and_proposes_the_learned_claims() -> None:
    data = tiny_dataset()
    typed = [x for x in data if x.positive] + [
        cf.Example(data[3].candidate, data[3].features, True, "other", "third-party")
    ]
    gen = cf.fit(data, typed, c=10.0, min_count=1)
    again = cf.fit(list(data), list(typed), c=10.0, min_count=1)
    assert json.dumps(gen.to_dict()) == json.dumps(again.to_dict())
    assert gen.meta["positives"] == 4 and gen.meta["version"].startswith("candidates-1-")
    v = article(["Intense fighting was under way near Brodovo.", "Rain fell on Lisne."], {})
    out = gen.propose(v, date(2025, 3, 2))
    assert [(c.place.name, c.type, c.side, c.rules) for c in out] == [
        ("Brodovo", "fighting", "ukraine", (cd.RULE_ID,))
    ]
    assert out[0].quote == "Intense fighting was under way near Brodovo."
    assert out[0].claim_date == date(2025, 3, 2) and out[0].confidence == cd.CONFIDENCE
    probs = cf.probabilities(gen, cf.label(v.text, [], v))
    assert probs[0][0] > 0.5 > probs[1][0]


def test_a_real_extraction_gives_candidates_the_rules_left(gaz) -> None:
    from geomap.extract.calibration import using
    from geomap.extract.reader import read_article
    from geomap.extract.registry import RulesExtractor

    art = read_article(EXAMPLE)
    with using(None):
        ex = RulesExtractor().extract_article(art, gazetteer=gaz)
    v = cd.article_view(art, ex)
    cands = cd.candidates(v)
    assert v.mentions and ex.claims
    assert len(cands) < len(v.mentions)  # claimed places are not candidates
    for m in cands:
        assert v.text[m.start : m.end] == m.as_written
        assert not any(
            c.place.id == m.place.id
            and min(c.end or 0, m.clause[1]) > max(c.start or 0, m.clause[0])
            for c in ex.claims
        )
