"""Claim filters on both backends, and the pure latest-per-side / contested rules."""

from __future__ import annotations

from datetime import date

import pytest
from fixtures_pg import make_claim, make_source

from geomap.errors import GeomapError
from geomap.query import (
    ClaimFilter,
    contested_place_ids,
    control_status,
    latest_by_side,
    side_summary,
)


@pytest.fixture
def filled(store):
    """Toretsk contested on 2025-02-07, Pokrovsk Ukrainian, Kyiv a strike, one undated claim."""
    store.ingest(make_source(1), [
        make_claim("toretsk", "ukraine", "holding", "2025-01-20"),
        make_claim("toretsk", "russia", "captured", "2025-02-07"),
        make_claim("pokrovsk", "russia", "advancing", "2025-02-01"),
    ])  # fmt: skip
    store.ingest(make_source(2), [
        make_claim("toretsk", "ukraine", "holding", "2025-02-07"),
        make_claim("pokrovsk", "ukraine", "holding", "2025-02-03"),
        make_claim("kyiv", "russia", "strike", "2025-02-05"),
        make_claim("chasiv_yar", "third-party", "assessment", None),
        make_claim("donetsk_oblast", "third-party", "fighting", "2025-02-02"),
    ])  # fmt: skip
    return store


def _brief(claims):
    return [(c.place.name, c.side, c.type, str(c.claim_date)) for c in claims]


def test_place_by_id_oldest_first(filled):
    got = filled.claims(ClaimFilter(place="1001"))
    assert _brief(got) == [
        ("Toretsk", "ukraine", "holding", "2025-01-20"),
        ("Toretsk", "russia", "captured", "2025-02-07"),
        ("Toretsk", "ukraine", "holding", "2025-02-07"),
    ]
    assert got[0].source.url == "https://news.example/1"


def test_all_claims_undated_last(filled):
    got = filled.claims()
    assert len(got) == 8 and got[-1].claim_date is None
    dated = [c.claim_date for c in got[:-1]]
    assert dated == sorted(dated)


def test_date_side_type_filters(filled):
    f = ClaimFilter(since=date(2025, 2, 3), until=date(2025, 2, 6))
    assert _brief(filled.claims(f)) == [
        ("Pokrovsk", "ukraine", "holding", "2025-02-03"),
        ("Kyiv", "russia", "strike", "2025-02-05"),
    ]
    assert {c.side for c in filled.claims(ClaimFilter(side="ukraine"))} == {"ukraine"}
    assert [c.place.name for c in filled.claims(ClaimFilter(type="strike"))] == ["Kyiv"]
    assert filled.claims(ClaimFilter(side="russia", type="holding")) == []


def test_as_of_is_state_on_that_day(filled):
    got = filled.claims(ClaimFilter(place="1001", as_of=date(2025, 2, 1)))
    assert _brief(got) == [("Toretsk", "ukraine", "holding", "2025-01-20")]
    assert filled.claims(ClaimFilter(place="1001", contested=True, as_of=date(2025, 2, 1))) == []


def test_near_uses_true_distance(filled):
    # Toretsk -> Chasiv Yar ~21 km; Toretsk -> Pokrovsk ~53 km; Kyiv far away.
    names = {c.place.name for c in filled.claims(ClaimFilter(near="1001", within_km=25))}
    assert names == {"Toretsk", "Chasiv Yar"}
    names = {c.place.name for c in filled.claims(ClaimFilter(near="1001", within_km=60))}
    assert names == {"Toretsk", "Chasiv Yar", "Pokrovsk", "Donetsk Oblast"}
    names = {c.place.name for c in filled.claims(ClaimFilter(near="1001", within_km=20))}
    assert names == {"Toretsk"}


def test_bbox(filled):
    got = filled.claims(ClaimFilter(bbox=(37.0, 48.2, 37.5, 48.4)))
    assert {c.place.name for c in got} == {"Pokrovsk"}
    assert {c.place.name for c in filled.claims(ClaimFilter(bbox=(30, 50, 31, 51)))} == {"Kyiv"}


def test_contested_filter(filled):
    got = filled.claims(ClaimFilter(contested=True))
    assert {c.place.name for c in got} == {"Toretsk"}
    assert side_summary(got)["1001"] == (
        "russia: captured 2025-02-07; ukraine: holding 2025-02-07 -> contested"
    )


def test_unknown_place_and_bad_filters(filled):
    with pytest.raises(GeomapError):
        ClaimFilter(side="nato")
    with pytest.raises(GeomapError):
        ClaimFilter(bbox=(40, 48, 37, 49))
    with pytest.raises(GeomapError):
        ClaimFilter(within_km=0)
    with pytest.raises(GeomapError):
        filled.claims(ClaimFilter(near="9999999"))


def test_place_by_alias_via_gazetteer(store, gaz):
    """Dzerzhinsk (Toretsk's old name) finds claims stored under Toretsk's gazetteer id."""
    from geomap.places import place_ref

    toretsk = place_ref(gaz.resolve("Toretsk").place)
    c = make_claim()
    store.add_claim(type(c)(**{**c.__dict__, "place": toretsk}))
    for name in ("Toretsk", "Dzerzhinsk", "Торецьк"):
        got = store.claims(ClaimFilter(place=name))
        assert [x.place.id for x in got] == [toretsk.id], name


# -- pure functions ---------------------------------------------------------------------------
def _c(side, type_, day, place="toretsk", i=None):
    c = make_claim(place, side, type_, day)
    c.id = i
    return c


def test_latest_by_side_picks_latest_date_then_id():
    a = _c("russia", "advancing", "2025-02-01", i=1)
    b = _c("russia", "captured", "2025-02-07", i=2)
    u1 = _c("ukraine", "holding", "2025-02-07", i=3)
    u2 = _c("ukraine", "denied", "2025-02-07", i=4)
    undated = _c("ukraine", "fighting", None, i=5)
    got = latest_by_side([b, a, u2, u1, undated])
    assert got["1001"]["russia"] is b
    assert got["1001"]["ukraine"] is u2  # same day: the later stored claim
    assert latest_by_side([a, b], types=("advancing",))["1001"]["russia"] is a


@pytest.mark.parametrize(
    ("ru", "ua", "expected"),
    [
        (("captured", "2025-02-07"), ("holding", "2025-02-07"), "contested"),
        (("captured", "2025-02-07"), ("denied", "2025-02-08"), "contested"),
        (("captured", "2025-02-07"), ("withdrawn", "2025-02-08"), "russia"),  # both say Russian
        (("withdrawn", "2025-02-07"), ("holding", "2025-02-07"), "ukraine"),
        (("holding", "2025-02-07"), None, "russia"),
        (None, ("captured", "2025-02-07"), "ukraine"),
        (("strike", "2025-02-07"), ("fighting", "2025-02-07"), None),  # no control claims
    ],
)
def test_control_rule(ru, ua, expected):
    claims = []
    if ru:
        claims.append(_c("russia", *ru))
    if ua:
        claims.append(_c("ukraine", *ua))
    assert control_status(claims).get("1001") == expected
    assert contested_place_ids(claims) == ({"1001"} if expected == "contested" else set())


def test_latest_control_claim_decides_and_third_party_is_ignored():
    claims = [
        _c("ukraine", "holding", "2025-01-01", i=1),
        _c("russia", "captured", "2025-02-07", i=2),
        _c("ukraine", "withdrawn", "2025-02-09", i=3),  # Ukraine now agrees: not contested
        _c("third-party", "captured", "2025-02-10", i=4),
        _c("ukraine", "strike", "2025-02-11", i=5),  # not a control claim
    ]
    assert control_status(claims) == {"1001": "russia"}
    assert side_summary(claims)["1001"] == (
        "russia: captured 2025-02-07; ukraine: withdrawn 2025-02-09; "
        "third-party: captured 2025-02-10 -> russia holds"
    )


def test_window_days_ignores_stale_disagreement():
    claims = [
        _c("ukraine", "holding", "2024-06-01", i=1),
        _c("russia", "captured", "2025-02-07", i=2),
    ]
    assert contested_place_ids(claims) == {"1001"}
    assert contested_place_ids(claims, window_days=30) == set()
    assert control_status(claims, window_days=30) == {"1001": "russia"}


# -- regions cover their settlements ------------------------------------------------------------
def _places(claims):
    return sorted({c.place.name for c in claims})


def test_region_query_includes_its_settlements(filled):
    """Donetsk Oblast (UA.05) = its own claim + Toretsk, Pokrovsk, Chasiv Yar; never Kyiv."""
    got = filled.claims(ClaimFilter(place="UA.05"))
    assert _places(got) == ["Chasiv Yar", "Donetsk Oblast", "Pokrovsk", "Toretsk"]
    assert len(got) == 7 and got[-1].claim_date is None  # still oldest first, undated last
    dated = [c.claim_date for c in got[:-1]]
    assert dated == sorted(dated)
    only = filled.claims(ClaimFilter(place="UA.05", region_only=True))
    assert _brief(only) == [("Donetsk Oblast", "third-party", "fighting", "2025-02-02")]
    # A settlement query is unchanged by region_only.
    assert len(filled.claims(ClaimFilter(place="1001", region_only=True))) == 3


def test_region_query_combines_with_other_filters(filled):
    f = ClaimFilter(place="UA.05", side="ukraine", since=date(2025, 2, 1))
    assert _brief(filled.claims(f)) == [
        ("Pokrovsk", "ukraine", "holding", "2025-02-03"),
        ("Toretsk", "ukraine", "holding", "2025-02-07"),
    ]
    assert _places(filled.claims(ClaimFilter(place="UA.05", contested=True))) == ["Toretsk"]
    near = ClaimFilter(place="UA.05", near="1001", within_km=25)
    assert _places(filled.claims(near)) == ["Chasiv Yar", "Toretsk"]
    assert filled.claims(ClaimFilter(place="UA.05", type="strike")) == []  # Kyiv's is outside
    box = ClaimFilter(place="UA.05", bbox=(37.0, 48.2, 37.5, 48.4))
    assert _places(filled.claims(box)) == ["Pokrovsk"]
    assert filled.claims(ClaimFilter(place="UA.05", region_only=True, side="russia")) == []


def test_region_by_name_via_gazetteer(filled, gaz):
    want = _brief(filled.claims(ClaimFilter(place="UA.05")))
    for name in ("Donetsk Oblast", "Donetsk region", "the Donetsk region"):
        assert _brief(filled.claims(ClaimFilter(place=name))) == want, name
    # A region without a claim of its own still covers its settlements' claims.
    filled.ingest(make_source(3), [make_claim("lysychansk", "russia", "advancing", "2025-02-04")])
    got = filled.claims(ClaimFilter(place="Luhansk region"))
    assert _brief(got) == [("Lysychansk", "russia", "advancing", "2025-02-04")]
    assert filled.claims(ClaimFilter(place="Luhansk region", region_only=True)) == []


def test_region_group_covers_member_regions(filled, gaz):
    """Donbas = Donetsk + Luhansk oblasts: the group's own claims, both oblasts, their towns."""
    filled.ingest(make_source(3), [
        make_claim("lysychansk", "russia", "advancing", "2025-02-04"),
        make_claim("donbas", "russia", "assessment", "2025-02-06"),
    ])  # fmt: skip
    for name in ("Donbas", "UA.DONBAS"):
        got = filled.claims(ClaimFilter(place=name))
        assert _places(got) == [
            "Chasiv Yar", "Donbas", "Donetsk Oblast", "Lysychansk", "Pokrovsk", "Toretsk"
        ], name  # fmt: skip
        assert "Kyiv" not in _places(got)
    only = filled.claims(ClaimFilter(place="Donbas", region_only=True))
    assert _places(only) == ["Donbas", "Donetsk Oblast"]


def test_region_query_uses_indexes(filled):
    """Settlements of a region come from ix_places_admin1, their claims from the place index."""
    from sqlalchemy import select

    from geomap.store.rows import _FROM, _SELECT_COLS

    with filled.read() as conn:
        stmt = select(*_SELECT_COLS).select_from(_FROM)
        stmt = stmt.where(filled._place_condition(conn, "UA.05", False))
        sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
        if filled.dialect == "sqlite":
            plan = " | ".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
            assert "SCAN claims" not in plan, plan
        else:  # tiny tables: make the planner show the indexed plan it would pick at scale
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            plan = " | ".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql))
    assert "ix_places_admin1" in plan, plan
    assert "ix_claims_place_id_claim_date" in plan, plan


def test_rejected_claims_decide_nothing():
    ru = _c("russia", "captured", "2025-02-07", i=1)
    ua = _c("ukraine", "holding", "2025-02-08", i=2)
    assert contested_place_ids([ru, ua]) == {"1001"}
    ua.review_status = "rejected"
    assert contested_place_ids([ru, ua]) == set()
    assert control_status([ru, ua]) == {"1001": "russia"}
    assert side_summary([ru, ua])["1001"] == "russia: captured 2025-02-07 -> russia holds"
    ru.review_status = "rejected"
    assert side_summary([ru, ua]) == {} and latest_by_side([ru, ua]) == {}


def test_review_status_filter(filled):
    ids = [c.id for c in filled.claims(ClaimFilter(place="1001"))]
    assert filled.review(ids[:2], "rejected", note="misread") == 2
    rejected = filled.claims(ClaimFilter(review_status="rejected"))
    assert [c.id for c in rejected] == ids[:2]
    assert all(c.notes == "review: misread" for c in rejected)
    assert len(filled.claims(ClaimFilter(review_status="unreviewed"))) == 6
    assert filled.claims(ClaimFilter(place="1001", contested=True)) == []  # rejected: no contest
    with pytest.raises(GeomapError, match="review status"):
        ClaimFilter(review_status="approved")


# -- streaming --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "flt",
    [
        ClaimFilter(),
        ClaimFilter(place="UA.05"),
        ClaimFilter(contested=True),
        ClaimFilter(near="1001", within_km=25, side="ukraine"),
        ClaimFilter(place="UA.05", region_only=True),
        ClaimFilter(type="withdrawn"),
    ],
    ids=["all", "region", "contested", "near", "region-only", "none"],
)
def test_iter_claims_streams_the_same_claims(filled, flt):
    want = filled.claims(flt)
    got = list(filled.iter_claims(flt, batch=2))
    assert [(c.id, c) for c in got] == [(c.id, c) for c in want]
    assert [c.source for c in got] == [c.source for c in want]


def test_iter_claims_raises_before_streaming_and_releases_its_connection(filled):
    with pytest.raises(GeomapError, match="unknown place"):
        filled.iter_claims(ClaimFilter(place="Xqzzyville"))
    it = filled.iter_claims(batch=1)
    first = next(it)
    assert first.claim_date == date(2025, 1, 20)
    it.close()  # a half-read stream ends its read transaction: writers are not blocked
    assert filled.review(first.id, "confirmed") == 1


def test_iter_claims_memory_does_not_grow_with_the_store(store):
    """Exporting 4x more claims through iter_claims peaks at about the same memory; the list
    that claims() builds grows with the store."""
    import io
    import tracemalloc

    from geomap.formats import write_claims

    class Sink(io.TextIOBase):
        def write(self, s: str) -> int:
            return len(s)

    def peak(fn) -> int:
        tracemalloc.start()
        try:
            write_claims(fn(), Sink(), "jsonl")
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peaks = {}
    done = 0
    for n in (500, 2000):
        store.import_claims(
            make_claim(["toretsk", "kyiv"][i % 2], quote=f"claim {i} " * 20,
                       source=make_source(i // 20))
            for i in range(done, n)
        )  # fmt: skip
        done = n
        write_claims(store.iter_claims(batch=100), Sink(), "jsonl")  # warm caches
        peaks[n] = (peak(lambda: store.iter_claims(batch=100)), peak(store.claims))
    (s1, l1), (s4, l4) = peaks[500], peaks[2000]
    assert l4 > 3 * l1  # the list grows with the store...
    assert s4 < 1.5 * s1 + 200_000 and s4 < l4 / 5, peaks  # ... the stream does not


class _Lookup:
    """A place lookup that knows one alias, to show the store asks the lookup it was given."""

    def __init__(self, refs):
        self.refs = refs
        self.asked: list[str] = []

    def candidates(self, name):
        self.asked.append(name)
        return [self.refs["toretsk"]] if name.lower() == "dzerzhynsk" else []

    def get(self, place_id):
        return None

    def admin1_ids(self, place_id):
        return ()


def test_store_resolves_names_through_the_lookup_it_is_given(db_url):
    """No global gazetteer inside the store: names go to the lookup passed to open_store, and
    without one (NoPlaceLookup) only ids and stored place names work."""
    from fixtures_pg import _records

    from geomap.places import NoPlaceLookup
    from geomap.store import open_store

    lookup = _Lookup(_records())
    with open_store(db_url, places=lookup) as s:
        s.ingest(make_source(1), [make_claim("toretsk"), make_claim("kyiv", type="strike")])
        assert [c.place.name for c in s.claims(ClaimFilter(place="Dzerzhynsk"))] == ["Toretsk"]
        assert lookup.asked == ["Dzerzhynsk"]
    with open_store(db_url, places=NoPlaceLookup()) as s:
        assert [c.place.name for c in s.claims(ClaimFilter(place="kyiv"))] == ["Kyiv"]
        with pytest.raises(GeomapError, match="unknown place 'Dzerzhynsk'"):
            s.claims(ClaimFilter(place="Dzerzhynsk"))
