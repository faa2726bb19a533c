"""Quality gates: the reference corpus and the project's own examples, plus the scoring rule."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from geomap.extract.evaluate import Gold, evaluate_dir, score_article
from geomap.records import ClaimRecord, PlaceRef

EXAMPLES = Path(__file__).resolve().parent.parent / "geomap" / "examples"


@pytest.mark.corpus
def test_corpus_core_claims_and_precision(corpus_dir, gaz):
    report = evaluate_dir(corpus_dir, gazetteer=gaz)
    assert report.core_recall == 1.0, report.format()  # right place, side, type AND date
    assert report.precision >= 0.8, report.format()
    assert report.place_accuracy == 1.0


def test_examples_pass_thresholds(gaz):
    report = evaluate_dir(EXAMPLES, gazetteer=gaz)
    assert len(report.articles) >= 6
    assert report.precision >= 0.8, report.format()
    assert report.recall >= 0.8, report.format()
    assert report.core_recall >= 0.95, report.format()
    assert report.date_accuracy >= 0.9, report.format()


def test_examples_cover_formats_and_are_well_formed():
    kinds = {p.suffix for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html")}
    assert kinds == {".txt", ".md", ".html"}
    assert any(p.name.startswith("demo-") for p in EXAMPLES.glob("*.txt"))
    sides, types, regions = set(), set(), 0
    for gp in EXAMPLES.glob("*.gold.jsonl"):
        for line in gp.read_text().splitlines():
            d = json.loads(line)
            sides.add(d["side"])
            types.add(d["type"])
            regions += "admin1" in d
    assert sides == {"russia", "ukraine", "third-party"}
    assert {"captured", "denied", "strike", "holding", "withdrawn", "assessment"} <= types
    assert regions >= 5


def _pl(pid: str, precision: str = "settlement") -> PlaceRef:
    return PlaceRef(id=pid, name=pid, precision=precision, lat=0.0, lon=0.0)


def _claim(pid, side, type_, start, end, day=date(2025, 2, 7), precision="day"):
    return ClaimRecord(
        place=_pl(pid),
        side=side,
        type=type_,
        claim_date=day,
        date_precision=precision,
        quote="x",
        start=start,
        end=end,
    )


TEXT = "Alpha fell. Beta was shelled. Alpha fell again."


def test_scoring_requires_overlap_and_matches_each_gold_once():
    gold = [
        Gold("Alpha", "russia", "captured", "2025-02-07", "Alpha fell.", True, geonameid=1),
        Gold("Alpha", "russia", "captured", "2025-02-07", "Alpha fell again.", False, geonameid=1),
    ]
    # two predictions on the first sentence, none on the last: only one can match
    preds = [
        _claim("1", "russia", "captured", 0, 11),
        _claim("1", "russia", "captured", 0, 11),
        _claim("1", "russia", "captured", 12, 29),
    ]  # right triple, wrong sentence
    sc = score_article("t", TEXT, gold, preds)
    assert (sc.matched, sc.gold, sc.predicted) == (1, 2, 3)
    assert sc.core_found == 1 and len(sc.false_positives) == 2


def test_scoring_place_side_type_and_dates():
    gold = [Gold("Beta", "ukraine", "strike", "2025-01", "Beta was shelled.", True, admin1="UA.21")]
    wrong_side = [_claim("UA.21", "russia", "strike", 12, 29)]
    assert score_article("t", TEXT, gold, wrong_side).matched == 0
    region = ClaimRecord(
        place=_pl("UA.21", "region"),
        side="ukraine",
        type="strike",
        claim_date=date(2025, 1, 1),
        date_precision="month",
        start=12,
        end=29,
    )
    sc = score_article("t", TEXT, gold, [region])
    assert (sc.matched, sc.date_right, sc.core_found) == (1, 1, 1)
    day_wrong = [_claim("UA.21", "ukraine", "strike", 12, 29, date(2025, 2, 7))]
    sc = score_article("t", TEXT, gold, day_wrong)
    assert (sc.matched, sc.date_right, sc.core_found) == (1, 0, 0)


def test_gold_quote_missing_is_reported():
    gold = [Gold("Gamma", "russia", "captured", None, "not in the text", True, geonameid=3)]
    sc = score_article("t", TEXT, gold, [])
    assert sc.problems and sc.matched == 0


HELDOUT = Path(__file__).resolve().parent / "data" / "extract_heldout"


def test_heldout_texts(gaz):
    """Texts written after tuning (see their README for the first-run figures)."""
    report = evaluate_dir(HELDOUT, gazetteer=gaz)
    assert len(report.articles) >= 10
    assert report.precision >= 0.85, report.format()
    assert report.recall >= 0.8, report.format()
    assert report.core_recall >= 0.9, report.format()


def _gold_line(place, gid, side, type_, quote, day="2025-02-07", core=True, admin1=None):
    d = {"place": place, "side": side, "type": type_, "claim_date": day, "quote": quote}
    d |= {"admin1": admin1} if admin1 else {"geonameid": gid}
    return json.dumps(d | {"core": core})


def test_agreement_scores_a_second_analysts_gold_with_the_extractors_scorer(tmp_path):
    from geomap.extract.evaluate import agreement_dir

    ref, second = tmp_path / "ref", tmp_path / "second"
    ref.mkdir()
    second.mkdir()
    text = "Russia said it took Toretsk. Kyiv denied it. Drones hit the Sumy region in May."
    (ref / "a.txt").write_text(f"# A\n\nFebruary 7, 2025\n\n{text}\n", encoding="utf-8")
    a = [
        _gold_line("Toretsk", 709354, "russia", "captured", "it took Toretsk"),
        _gold_line("Toretsk", 709354, "ukraine", "denied", "Kyiv denied it"),
        _gold_line(
            "Sumy", None, "third-party", "strike", "hit the Sumy region", "2025-05", admin1="UA.21"
        ),
    ]
    (ref / "a.gold.jsonl").write_text("\n".join(a) + "\n", encoding="utf-8")
    b = [
        a[0],
        _gold_line("Toretsk", 709354, "russia", "denied", "Kyiv denied it"),  # side differs
        _gold_line(
            "Sumy",
            None,
            "third-party",
            "strike",
            "Drones hit the Sumy region",
            "2025-05",
            admin1="UA.21",
        ),
    ]
    (second / "a.gold.jsonl").write_text("\n".join(b) + "\n", encoding="utf-8")
    report = agreement_dir(ref, second)
    assert (report.precision, report.recall) == (2 / 3, 2 / 3)
    assert report.date_accuracy == 1.0  # the month-precise date agrees
    with pytest.raises(Exception, match="no reference gold"):
        (second / "b.gold.jsonl").write_text(a[0] + "\n", encoding="utf-8")
        agreement_dir(ref, second)
