"""The learned keep/type/side pass: the model file, its decisions, training and the extractor.

Sentences here are written for the tests; the corpus test only checks that the shipped model's
training data (named by file and hash) is still the corpus beside the project.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from geomap.errors import GeomapError
from geomap.extract import learned
from geomap.extract import learned_fit as lf
from geomap.extract.calibration import using as calibration_using
from geomap.extract.reader import read_article
from geomap.extract.registry import Extractor, available, get_extractor
from geomap.records import ClaimRecord, PlaceRef

TOWN = PlaceRef("101", "Brodovo", "settlement", 48.1, 37.2, "UA", "UA.05")
OBLAST = PlaceRef("UA.05", "Donetsk Oblast", "region", 48.0, 37.8, "UA", "UA.05")
EXAMPLE = Path(learned.__file__).resolve().parent.parent / "examples" / "2024-05-17-vovchansk.txt"


def claim(quote: str, place: PlaceRef = TOWN, **kw) -> ClaimRecord:
    at = kw.pop("at", 0)
    base = dict(
        place=place,
        side="russia",
        type="captured",
        claim_date=date(2025, 3, 1),
        claimant="Russian defence ministry",
        place_as_written=place.name,
        quote=quote,
        start=at,
        end=at + len(quote),
        confidence=0.7,
        extractor="rules",
        rules=("cue.captured.captur",),
    )
    return ClaimRecord(**(base | kw))


def head(classes: list[str], bias: list[float], **weights: list[float]) -> learned.Head:
    return learned.Head(classes, bias, {k.replace("__", ":"): v for k, v in weights.items()})


def hand_model() -> learned.Model:
    """Negation drops a claim; 'repelled' near the place makes it `holding`; a Ukrainian
    claimant makes it Ukraine's."""
    return learned.Model(
        keep=head(["drop", "keep"], [0.0, 2.0], negation=[0.0, -5.0]),
        type=head(["captured", "holding"], [0.0, 0.0], near__repell=[0.0, 4.0]),
        side=head(["russia", "ukraine"], [0.0, 0.0], claimant__ukrain=[0.0, 4.0]),
    )


def test_head_is_a_softmax_that_ignores_unknown_features() -> None:
    h = head(["a", "b", "c"], [0.0, 1.0, -1.0], x=[1.0, 0.0, 0.0])
    p = h.probabilities({"x": 2.0, "never-seen": 1.0})
    assert abs(sum(p.values()) - 1.0) < 1e-12
    assert max(p, key=lambda k: p[k]) == "a"
    assert h.probabilities({"never-seen": 1.0}) == h.probabilities({})


def test_features_read_the_clause_around_the_place() -> None:
    f = learned.claim_features(claim("Troops did not capture Brodovo after heavy shelling."))
    assert {"negation", "near:captur", "before:captur", "w:shelli", "claimant:russia"} <= set(f)
    assert f["side+type=russia|captured"] == learned.RULE_SCALE and f["w:troops"] == 1.0
    assert "place_not_in_quote" in learned.claim_features(claim("They took it.", rules=()))


def test_siblings_see_a_settlement_in_the_same_clause() -> None:
    town = claim("Forces entered Brodovo in Donetsk Oblast.")
    region = claim("Forces entered Brodovo in Donetsk Oblast.", place=OBLAST)
    elsewhere = claim("Shelling hit Donetsk Oblast.", place=OBLAST, at=500)
    sibs = learned.siblings([town, region, elsewhere])
    assert sibs[1].settlement_beside_region and not sibs[0].settlement_beside_region
    assert sibs[2] == learned.Siblings()
    feats = learned.claim_features(region, sibs[1])
    assert feats["region_beside_settlement"] == 1.0


def test_apply_drops_retypes_resides_and_merges() -> None:
    model = hand_model()
    kept = claim("Russian forces captured Brodovo, the ministry said.")
    denied = claim("Russian forces have not captured Brodovo.", at=100)
    held = claim("Ukrainian troops repelled an assault on Brodovo.", at=200)
    ua = claim("Brodovo was taken, Kyiv says.", at=300, claimant="Ukrainian General Staff")
    out = model.apply([kept, denied, held, held, ua])
    assert [c.start for c in out] == [0, 200, 300]  # the negated one dropped, the twin merged
    assert out[0] == kept and out[0].rules == kept.rules
    assert (out[1].type, out[1].side, out[1].rules[-1]) == ("holding", "russia", "learned.type")
    assert (out[2].type, out[2].side, out[2].rules[-1]) == ("captured", "ukraine", "learned.side")


def test_a_small_preference_does_not_switch_the_rules_label() -> None:
    model = hand_model()
    model.type = head(["captured", "holding"], [0.0, 0.3])  # prefers holding, but only a little
    c = claim("Russian forces captured Brodovo.")
    assert model.decide(c).type == "captured"
    model.margin = 0.0
    assert model.decide(c).type == "holding"


def test_a_label_the_head_never_saw_stays() -> None:
    model = hand_model()  # its side head knows only russia and ukraine
    c = claim("Observers said Brodovo changed hands.", side="third-party")
    assert model.decide(c).side == "third-party"


def test_model_file_round_trips(tmp_path: Path) -> None:
    model = hand_model()
    path = tmp_path / "m.json"
    learned.save(model, path)
    back = learned.load(path)
    assert back is not None and back.to_dict() == model.to_dict()
    assert learned.load(tmp_path / "absent.json") is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format=99), f"format must be {learned.FORMAT}"),
        (lambda d: d["heads"]["side"]["bias"].append(0.0), "side bias must be a list of 2"),
        (lambda d: d["heads"]["type"].update(classes=["captured", "x"]), "type classes must be"),
        (lambda d: d["heads"]["keep"]["weights"].update(negation=[0, "x"]), "not a finite"),
        (lambda d: d.pop("margin"), "missing 'margin'"),
    ],
)
def test_a_bad_model_file_is_a_clear_error(tmp_path: Path, change, message: str) -> None:
    d = json.loads(json.dumps(hand_model().to_dict()))
    change(d)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(GeomapError, match=f"bad.json: bad learned-model file: .*{message}"):
        learned.load(path)
    path.write_text("{nope", encoding="utf-8")
    with pytest.raises(GeomapError, match="not JSON"):
        learned.load(path)


def tiny_dataset() -> list[lf.Example]:
    """Rules that call every 'pushed back' sentence a capture, and a gold that disagrees."""
    out = []
    for i, town in enumerate(["Brodovo", "Kamianka", "Lisne", "Orikhove", "Pishchane", "Zoria"]):
        place = PlaceRef(str(200 + i), town, "settlement", 48.0, 37.0, "UA", "UA.05")
        right = claim(f"Russian units captured {town} on Monday.", place)
        wrong = claim(f"Ukrainian defenders pushed back an attack near {town}.", place)
        far = claim(f"Officials counted damaged houses in {town}.", place)
        out += [
            lf.Example("a", right, learned.Siblings(), True, "captured", "russia"),
            lf.Example("a", wrong, learned.Siblings(), True, "holding", "ukraine"),
            lf.Example("a", far, learned.Siblings(), False, "captured", "russia"),
        ]
    return out


def test_training_is_reproducible_and_learns_the_gold() -> None:
    data = tiny_dataset()
    first = lf.fit(data, c=10.0, min_count=2)
    again = lf.fit(list(data), c=10.0, min_count=2)
    assert json.dumps(first.to_dict()) == json.dumps(again.to_dict())
    unseen = PlaceRef("300", "Verbove", "settlement", 48.0, 37.0, "UA", "UA.05")
    out = first.apply(
        [
            claim("Russian units captured Verbove at dawn.", unseen),
            claim("Ukrainian defenders pushed back a raid near Verbove.", unseen, at=100),
            claim("Officials counted damaged houses in Verbove.", unseen, at=200),
        ]
    )
    assert [(c.type, c.side) for c in out] == [("captured", "russia"), ("holding", "ukraine")]


def test_labels_follow_the_scorer() -> None:
    from geomap.extract.evaluate import Gold

    text = "Russian units captured Brodovo. Ukrainian defenders held Brodovo. Rain fell."
    gold = [
        Gold("Brodovo", "russia", "captured", None, "Russian units captured Brodovo", True, 101),
        Gold("Brodovo", "ukraine", "holding", None, "Ukrainian defenders held Brodovo", False, 101),
    ]
    claims = [
        claim("Russian units captured Brodovo.", at=0),
        claim("Ukrainian defenders held Brodovo.", at=32),  # rules said russia/captured
        claim("Rain fell.", at=66),
    ]
    labels = lf.label(text, gold, claims)
    assert labels == [
        (True, "captured", "russia"),
        (True, "holding", "ukraine"),
        (False, "captured", "russia"),
    ]


def test_weigh_gives_own_texts_a_share() -> None:
    real, own = tiny_dataset()[:6], tiny_dataset()[:3]
    both = lf.weigh(real, own, 0.5)
    assert len(both) == 9 and sum(x.weight for x in both[6:]) == pytest.approx(3.0)
    assert lf.weigh(real, own, 0.0) == real


def test_shipped_weights_load_and_move_predictions_the_learned_way() -> None:
    model = learned.load()
    assert model is not None, "geomap/extract/learned.json is shipped"
    assert model.meta["real"] and all("sha256" in r for r in model.meta["real"])
    quote = "Moscow said its troops took Brodovo in Donetsk Oblast on Friday."
    region = claim(quote, OBLAST, place_as_written="Donetsk Oblast")
    alone = model.decide(region, learned.Siblings())
    # an ordinary capture report keeps the rules' reading (the rules' own labels weigh in)
    assert (alone.type, alone.side) == ("captured", "russia") and alone.keep > 0.5
    ua = claim("Brodovo is under our control, the General Staff said.", side="third-party")
    ua_probs = model.side.probabilities(
        learned.claim_features(ClaimRecord(**(ua.__dict__ | {"claimant": "Ukrainian army"})))
    )
    ru_probs = model.side.probabilities(
        learned.claim_features(ClaimRecord(**(ua.__dict__ | {"claimant": "Russian army"})))
    )
    assert ua_probs["ukraine"] > ru_probs["ukraine"]


def test_registered_extractor_is_the_rules_then_the_model(gaz) -> None:
    assert learned.NAME in available()
    ext = get_extractor(learned.NAME)
    assert isinstance(ext, Extractor) and ext.languages == frozenset({"en"})
    art = read_article(EXAMPLE)
    with calibration_using(None):
        rules = get_extractor("rules").extract_article(art, gazetteer=gaz).claims
        with learned.using(None):
            plain = ext.extract_article(art, gazetteer=gaz).claims
        with learned.using(hand_model()):
            ours = ext.extract_article(art, gazetteer=gaz).claims
    assert [(c.place.id, c.side, c.type, c.start) for c in plain] == [
        (c.place.id, c.side, c.type, c.start) for c in rules
    ]
    assert {c.extractor for c in plain + ours} == {learned.NAME}
    # the hand model drops the claims of negated clauses and keeps the others' places
    negated = [c for c in rules if learned._NEG_RE.search(c.quote or "")]
    assert negated and len(negated) < len(rules)
    assert {(c.place.id, c.start) for c in ours} == {
        (c.place.id, c.start) for c in rules if c not in negated
    }


def test_shipped_training_data_is_the_corpus_beside_the_project(corpus_dir: Path) -> None:
    """Every gold file the shipped model names is where its set lives, unchanged: the dev
    split's in ../shared/corpus/real, the other tunable sets' in GEOMAP_UNSEEN_DIR (default
    ../../unseen). Only the dev split is required: the others live outside the project."""
    import os

    model = learned.load()
    assert model is not None
    unseen = Path(os.environ.get("GEOMAP_UNSEEN_DIR", corpus_dir.parents[2] / "unseen"))
    sets = {e.get("set", "dev") for e in model.meta["real"]}
    assert {"dev", "dev2", "dev3", "dev4", "dev5"} <= sets, "trained on every tunable set"
    for entry in model.meta["real"]:
        where = corpus_dir / "real" if entry["set"] == "dev" else unseen / entry["set"]
        path = where / entry["gold"]
        if entry["set"] != "dev" and not where.is_dir():
            continue
        assert path.exists(), f"{entry['gold']} is no longer in {where}"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], (
            f"{entry['gold']} changed since training: rerun bench/train_learned.py"
        )


def test_training_command_is_reproducible_and_records_its_data(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from train_learned import main

    data = tmp_path / "gold"
    data.mkdir()
    for stem in ("2024-05-17-vovchansk", "2024-11-30-kupiansk"):  # the project's own texts
        for ext in (".txt", ".gold.jsonl"):
            (data / (stem + ext)).write_bytes((EXAMPLE.parent / (stem + ext)).read_bytes())
    empty = tmp_path / "none"
    empty.mkdir()
    outs = [tmp_path / "a.json", tmp_path / "b.json"]
    for out in outs:
        assert main([str(data), "--own", str(empty), "--out", str(out), "--c", "1"]) == 0
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in outs)
    assert a["heads"] == b["heads"] and a["meta"]["version"] == b["meta"]["version"]
    assert [(r["set"], r["gold"]) for r in a["meta"]["real"]] == [
        ("gold", "2024-05-17-vovchansk.gold.jsonl"),
        ("gold", "2024-11-30-kupiansk.gold.jsonl"),
    ]
    chosen = a["meta"]["chosen_out_of_set"]  # one set: chosen leaving out one article at a time
    assert (a["drop_below"], a["margin"]) == (chosen["drop_below"], chosen["margin"])
    assert learned.load(outs[0]) is not None
    assert main([str(tmp_path / "missing")]) == 1


def test_eval_takes_the_learned_extractor_by_name(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from geomap.cli import main

    for ext in (".txt", ".gold.jsonl"):
        name = "2024-05-17-vovchansk" + ext
        (tmp_path / name).write_bytes((EXAMPLE.parent / name).read_bytes())
    res = CliRunner().invoke(main, ["eval", str(tmp_path), "--extractor", learned.NAME, "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["gold"] > 0 and report["predicted"] > 0 and report["matched"] > 0


@pytest.mark.parametrize(
    ("claimant", "kind"),
    [
        (None, "none"),
        ("He", "pronoun"),
        ("Ukraine's General Staff", "ukraine"),
        ("the Russian Defence Ministry", "russia"),
        ("the Institute for the Study of War", "analyst"),
        ("a local resident", "other"),
    ],
)
def test_claimant_kinds(claimant: str | None, kind: str) -> None:
    assert learned.claimant_kind(claimant) == kind


def test_cue_distance_is_measured_from_the_rules_cue_word() -> None:
    near = learned.claim_features(claim("Russian units captured Brodovo on Monday."))
    assert {"cue_distance=<3", "cue_before_place", "quote_words=<15"} <= set(near)
    far = learned.claim_features(
        claim("Brodovo, a small village on the river with a school and a church, was captured.")
    )
    assert {"cue_distance=<20", "cue_after_place"} <= set(far)
    none = learned.claim_features(claim("Brodovo was quiet.", rules=("attr.speech",)))
    assert "cue_distance=unknown" in none and not any(k.startswith("cue_after") for k in none)
    lower = learned.claim_features(claim("They took the village.", place_as_written="the village"))
    assert "place_written_lower" in lower


def synthetic_set(k: int) -> list[lf.LabelledArticle]:
    """Articles whose rules call every repelled attack a Russian capture, which the gold makes
    Ukraine's `holding`; and a third sentence the gold has no claim in."""
    from geomap.extract.evaluate import Gold

    out = []
    towns = ["Brodovo", "Kamianka", "Lisne", "Orikhove", "Pishchane", "Zoria", "Verbove"]
    for i, town in enumerate(towns):
        pid = 1000 + 10 * k + i
        place = PlaceRef(str(pid), town, "settlement", 48.0, 37.0, "UA", "UA.05")
        s1 = f"Russian units captured {town} on Monday."
        s2 = f"Ukrainian defenders pushed back an attack near {town}."
        s3 = f"Officials counted damaged houses in {town}."
        text = f"{s1} {s2} {s3}"
        gold = [
            Gold(town, "russia", "captured", None, s1, True, pid),
            Gold(town, "ukraine", "holding", None, s2, True, pid),
        ]
        at2, at3 = len(s1) + 1, len(s1) + len(s2) + 2
        claims = [claim(s1, place), claim(s2, place, at=at2), claim(s3, place, at=at3)]
        out.append(lf.relabelled(lf.LabelledArticle(f"s{k}a{i}", text, gold, claims, [])))
    return out


def test_settings_are_chosen_out_of_set_and_abstain_when_nothing_helps() -> None:
    sets = {f"set{k}": synthetic_set(k) for k in range(3)}
    choice = lf.choose_settings(sets, [], c=10.0)
    assert choice.f1 > choice.rules_f1 and choice.margin < 1.0  # it learns the relabelling
    # gold that agrees with the rules everywhere: no setting beats doing nothing
    for group in sets.values():
        for a in group:
            a.claims = a.claims[:1]
            lf.relabelled(a)
    nothing = lf.choose_settings(sets, [], c=10.0)
    assert (nothing.drop_below, nothing.margin) == lf.SETTINGS[0]
    assert nothing.f1 == pytest.approx(nothing.rules_f1)


def test_claims_of_an_older_release_are_read_back_and_labelled(tmp_path: Path) -> None:
    from dataclasses import asdict

    folder = tmp_path / "set"
    folder.mkdir()
    for ext in (".txt", ".gold.jsonl"):
        name = "2024-05-17-vovchansk" + ext
        (folder / name).write_bytes((EXAMPLE.parent / name).read_bytes())
    (art,) = lf.articles_from([folder])
    dump = tmp_path / "set.jsonl"
    lines = [
        json.dumps({"gold": "2024-05-17-vovchansk.gold.jsonl", "claim": asdict(c)}, default=str)
        for c in art.claims
    ]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (back,) = lf.articles_from_claims(folder, dump)
    assert back.claims == art.claims and [c.rules for c in back.claims] == [
        c.rules for c in art.claims
    ]
    assert [(x.keep, x.type, x.side) for x in back.examples] == [
        (x.keep, x.type, x.side) for x in art.examples
    ]
    dump.write_text('{"gold": "x"}\n', encoding="utf-8")
    with pytest.raises(GeomapError, match="set.jsonl:1: bad claim line"):
        lf.articles_from_claims(folder, dump)
