"""`geomap serve`'s JSON API over a real store (SQLite and the PostgreSQL server the tests start):
the queue, a claim with its article, audited and versioned changes, and the guards."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner
from serve_helpers import ARTICLE, MISSED, POKROVSK, QUOTES, fill_store, review_claims
from sqlalchemy import select

from geomap.cli import main
from geomap.errors import GeomapError
from geomap.model import claim_audit
from geomap.serve import ServeConfig, check_bind, create_app
from geomap.serve.security import CSP
from geomap.store import open_store

BASE = "http://127.0.0.1:8765"
CSRF = "test-csrf-token"


@pytest.fixture
def served(db_url):
    """(store, client, claim ids) for the test article on db_url."""
    from starlette.testclient import TestClient

    store = open_store(db_url)
    ids = fill_store(store)
    client = TestClient(create_app(store, ServeConfig(reviewer="alice"), csrf=CSRF), base_url=BASE)
    yield store, client, ids
    client.close()
    store.close()


def post(client, path: str, body: dict, method: str = "POST", **headers):
    return client.request(method, path, json=body, headers={"X-CSRF-Token": CSRF, **headers})


def audit_rows(store, claim_id: int) -> list:
    with store.read() as conn:
        return list(
            conn.execute(
                select(claim_audit).where(claim_audit.c.claim_id == claim_id).order_by("id")
            )
        )


def test_queue_puts_unreviewed_first_and_pages_with_a_cursor(served):
    store, client, ids = served
    first = client.get("/api/claims?limit=1").json()
    assert [c["id"] for c in first["claims"]] == [ids[0]] and first["next"]
    assert post(client, f"/api/claims/{ids[0]}/confirm", {"version": 1}).status_code == 200
    page1 = client.get("/api/claims?limit=1").json()
    assert [c["id"] for c in page1["claims"]] == [ids[1]]  # the confirmed one went behind
    page2 = client.get(f"/api/claims?limit=1&cursor={page1['next']}").json()
    assert [(c["id"], c["review_status"]) for c in page2["claims"]] == [(ids[0], "confirmed")]
    assert page2["next"] is None
    by_conf = client.get("/api/claims?sort=confidence").json()["claims"]
    assert [c["confidence"] for c in by_conf] == [0.6, 0.85]


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ("place=Dzerzhynsk", 2),  # Toretsk's old name: any alias the gazetteer knows
        ("place=Pokrovsk", 0),
        ("region=Donetsk Oblast", 2),
        ("side=ukraine", 1),
        ("type=captured", 1),
        ("since=2025-02-08", 0),
        ("until=2025-02-07", 2),
        ("source=example wire", 2),
        ("source=nowhere", 0),
        ("min_confidence=0.7", 1),
        ("max_confidence=0.7", 1),
        ("status=confirmed", 0),
    ],
)
def test_queue_filters(served, query, expect):
    _, client, _ = served
    r = client.get(f"/api/claims?{query}")
    assert r.status_code == 200, r.text
    assert len(r.json()["claims"]) == expect


def test_bad_filter_is_a_400_with_one_line(served):
    _, client, _ = served
    r = client.get("/api/claims?side=martians")
    assert r.status_code == 400 and "side 'martians' is not one of" in r.json()["error"]
    assert client.get("/api/claims?cursor=garbage").status_code == 400
    assert client.get("/api/claims/999999").status_code == 404


def test_claim_detail_has_article_offsets_other_claims_and_alternatives(served):
    _, client, ids = served
    d = client.get(f"/api/claims/{ids[0]}").json()
    assert d["text"] == ARTICLE
    assert d["text"][d["start"] : d["end"]] == d["quote"] == QUOTES[0]
    assert [o["id"] for o in d["article_claims"]] == [ids[1]]
    other = d["article_claims"][0]
    assert ARTICLE[other["start"] : other["end"]] == QUOTES[1]
    assert (d["claimant"], d["date"], d["date_precision"]) == (
        "russia officials",
        "2025-02-07",
        "day",
    )
    assert d["alternatives"] and d["alternatives"][0]["id"] == "709354"
    assert d["alternatives"][0]["km"] < 1


def test_confirm_reject_edit_are_versioned_and_audited(served):
    store, client, ids = served
    a, b = ids
    r = post(client, f"/api/claims/{a}/confirm", {"version": 1})
    assert r.json() == {"id": a, "version": 2, "changed": ["review_status"]}
    r = post(client, f"/api/claims/{b}/reject", {"version": 1})
    assert r.status_code == 400 and "needs a note" in r.json()["error"]
    r = post(
        client, f"/api/claims/{b}/reject", {"version": 1, "note": "misread", "reviewer": "bob"}
    )
    assert r.status_code == 200
    pokrovsk = client.get("/api/places?q=Pokrovsk").json()["places"][0]["id"]
    r = post(
        client,
        f"/api/claims/{a}",
        {"version": 2, "place_id": pokrovsk, "claim_date": "2025-02-06", "date_precision": "day"},
        method="PATCH",
    )
    assert r.status_code == 200, r.text
    assert r.json()["changed"] == ["claim_date", "place_id"]
    [ca, cb] = sorted(store.claims(), key=lambda c: c.id)
    assert (ca.place.id, str(ca.claim_date), ca.review_status) == (
        pokrovsk,
        "2025-02-06",
        "confirmed",
    )
    assert cb.review_status == "rejected" and "review: misread" in cb.notes
    rows = audit_rows(store, a)
    assert [(r.action, r.field, r.old, r.new, r.who, r.version) for r in rows] == [
        ("confirm", "review_status", "unreviewed", "confirmed", "alice", 2),
        ("edit", "place_id", "709354", pokrovsk, "alice", 3),
        ("edit", "claim_date", "2025-02-07", "2025-02-06", "alice", 3),
    ]
    [rej] = audit_rows(store, b)
    assert (rej.action, rej.who, rej.note) == ("reject", "bob", "misread")
    hist = client.get(f"/api/audit?claim_id={a}").json()["audit"]
    assert [h["field"] for h in hist] == ["claim_date", "place_id", "review_status"]


def test_stale_edit_from_a_second_client_is_refused_with_409(served, db_url):
    """Two reviewers (two apps, two clients, one store) load the same claim; the later edit
    based on the old version is refused and nothing of it is written."""
    from starlette.testclient import TestClient

    store, alice, ids = served
    other_store = open_store(db_url)
    bob = TestClient(create_app(other_store, ServeConfig(reviewer="bob"), csrf=CSRF), base_url=BASE)
    try:
        va = alice.get(f"/api/claims/{ids[0]}").json()["version"]
        vb = bob.get(f"/api/claims/{ids[0]}").json()["version"]
        assert va == vb == 1
        assert post(bob, f"/api/claims/{ids[0]}", {"version": vb, "side": "ukraine"},
                    method="PATCH").status_code == 200  # fmt: skip
        r = post(alice, f"/api/claims/{ids[0]}/reject", {"version": va, "note": "no"})
        assert r.status_code == 409
        msg = r.json()["error"]
        assert "changed by bob since you loaded it" in msg and "version 1, now 2" in msg
        [c] = [c for c in store.claims() if c.id == ids[0]]
        assert (c.side, c.review_status, c.notes) == ("ukraine", "confirmed", None)
        rows = audit_rows(store, ids[0])
        assert [(r.who, r.field) for r in rows] == [("bob", "side"), ("bob", "review_status")]
    finally:
        bob.close()
        other_store.close()


def test_add_missed_claim_from_article_offsets(served):
    store, client, _ = served
    start = ARTICLE.index(MISSED)
    body = {"source_id": 1, "start": start, "end": start + len(MISSED), "place_id": "704422",
            "side": "ukraine", "type": "strike", "claim_date": "2025-02-07",
            "claimant": "local officials", "place_as_written": "Pokrovsk"}  # fmt: skip
    sid = store.claims()[0].id and client.get("/api/claims").json()["claims"][0]["source"]["id"]
    body["source_id"] = sid
    r = post(client, "/api/claims", body)
    assert r.status_code == 201, r.text
    new = r.json()["id"]
    c = next(c for c in store.claims() if c.id == new)
    assert (c.quote, c.origin, c.review_status, c.place.name) == (
        MISSED,
        "human",
        "confirmed",
        "Pokrovsk",
    )
    assert (c.start, c.end) == (start, start + len(MISSED))
    assert {r.field for r in audit_rows(store, new)} == {"place_id", "side", "type", "claim_date"}
    bad = post(client, "/api/claims", body | {"end": len(ARTICLE) + 5})
    assert bad.status_code == 400 and "bad selection" in bad.json()["error"]


def test_review_state_survives_reingest_and_cli_shows_it(served, db_url):
    store, client, ids = served
    post(client, f"/api/claims/{ids[0]}/confirm", {"version": 1})
    post(client, f"/api/claims/{ids[1]}", {"version": 1, "type": "fighting"}, method="PATCH")
    src, claims = review_claims()
    for c in claims:
        c.extractor_version = "2.0"  # a newer extractor re-reads the article
    new = replace(claims[0], place=POKROVSK, type="fighting", quote=MISSED)
    store.ingest(src, [*claims, new], text=ARTICLE)
    kept = {c.id: c for c in store.claims()}
    assert kept[ids[0]].review_status == "confirmed" and kept[ids[1]].type == "fighting"
    assert len(audit_rows(store, ids[1])) == 2  # type and status, still there
    # The edited claim is not added back in its uncorrected form; the new claim is.
    [added] = [c for cid, c in kept.items() if cid not in ids]
    assert (added.place.name, added.review_status) == ("Pokrovsk", "unreviewed")
    out = CliRunner().invoke(main, ["review", "--list", "--db", db_url]).output
    assert "Pokrovsk" in out and "Toretsk" not in out.split("\n\n")[0]
    hist = CliRunner().invoke(main, ["review", str(ids[1]), "--history", "--db", db_url]).output
    assert "type: holding -> fighting" in hist and "alice" in hist


def test_cli_review_is_audited_and_bumps_the_version(served, db_url):
    store, client, ids = served
    res = CliRunner().invoke(
        main, ["review", str(ids[0]), "--status", "rejected", "--note", "dup", "--reviewer",
               "carol", "--db", db_url])  # fmt: skip
    assert res.exit_code == 0, res.output
    [row] = audit_rows(store, ids[0])
    assert (row.who, row.action, row.new, row.note) == ("carol", "reject", "rejected", "dup")
    r = post(client, f"/api/claims/{ids[0]}/confirm", {"version": 1})
    assert r.status_code == 409 and "changed by carol" in r.json()["error"]


def test_demo_store_keeps_article_texts_whose_offsets_hold(tmp_path):
    """Every demo claim's quote is its article's text at the stored offsets (text, Markdown and
    HTML articles alike), so the page highlights the right words."""
    from geomap import review
    from geomap.serve.app import build_demo_db

    with open_store(build_demo_db(tmp_path / "demo.db")) as store:
        claims = store.claims()
        assert len(claims) > 20
        for c in claims:
            d = review.claim_detail(store, c.id, candidates=1)
            assert d["text"][d["start"] : d["end"]] == d["quote"], c.id


# -- guards -------------------------------------------------------------------------------------
def test_security_headers_and_page_without_inline_script(served):
    _, client, _ = served
    r = client.get("/")
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert (
        r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    )
    assert "<script>" not in r.text and " on" not in r.text.split("<body>")[1].split("<script")[0]
    assert f'content="{CSRF}"' in r.text
    assert client.get("/static/review.js").headers["content-security-policy"] == CSP


def test_foreign_host_and_origin_are_refused(served):
    _, client, ids = served
    assert client.get("/api/claims", headers={"Host": "evil.example:8765"}).status_code == 421
    assert client.get("/", headers={"Host": "attacker.test"}).status_code == 421
    r = post(client, f"/api/claims/{ids[0]}/confirm", {"version": 1}, Origin="http://evil.example")
    assert r.status_code == 403 and "cross-origin" in r.json()["error"]
    r = client.get("/api/claims", headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    ok = post(client, f"/api/claims/{ids[0]}/confirm", {"version": 1}, Origin=BASE)
    assert ok.status_code == 200
    assert client.get("/api/claims", headers={"Host": "localhost:8765"}).status_code == 200


def test_state_changes_need_csrf_token_and_json(served):
    store, client, ids = served
    r = client.post(f"/api/claims/{ids[0]}/confirm", json={"version": 1})
    assert r.status_code == 403 and "CSRF" in r.json()["error"]
    r = client.post(
        f"/api/claims/{ids[0]}/confirm",
        content="version=1",
        headers={"X-CSRF-Token": CSRF, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 415
    assert all(c.review_status == "unreviewed" for c in store.claims())


def test_request_body_is_capped(db_url):
    from starlette.testclient import TestClient

    with open_store(db_url) as store:
        ids = fill_store(store)
        app = create_app(store, ServeConfig(max_body=1000), csrf=CSRF)
        with TestClient(app, base_url=BASE) as client:
            big = {"version": 1, "note": "x" * 5000}
            r = post(client, f"/api/claims/{ids[0]}/reject", big)
            assert r.status_code == 413
            # A chunked body (no Content-Length) is counted as it arrives.
            r = client.post(
                f"/api/claims/{ids[0]}/reject",
                content=iter([b'{"version": 1, "note": "', b"y" * 3000, b'"}']),
                headers={"X-CSRF-Token": CSRF, "Content-Type": "application/json"},
            )
            assert r.status_code == 413
        assert all(c.review_status == "unreviewed" for c in store.claims())


def test_token_is_required_on_every_request(db_url):
    from starlette.testclient import TestClient

    with open_store(db_url) as store:
        ids = fill_store(store)
        cfg = ServeConfig(host="127.0.0.1", token="s3cret-token")
        with TestClient(create_app(store, cfg, csrf=CSRF), base_url=BASE) as client:
            for path in ("/", "/api/claims", f"/api/claims/{ids[0]}", "/static/review.js"):
                r = client.get(path)
                assert r.status_code == 401, path
            assert (
                client.get("/api/claims", headers={"Authorization": "Bearer wrong"}).status_code
                == 401
            )
            ok = client.get("/api/claims", headers={"Authorization": "Bearer s3cret-token"})
            assert ok.status_code == 200
            # /?token= trades the token for an HttpOnly cookie and drops it from the URL.
            r = client.get("/?token=s3cret-token", follow_redirects=False)
            assert r.status_code == 303 and r.headers["location"] == "/"
            assert (
                "HttpOnly" in r.headers["set-cookie"]
                and "SameSite=Strict" in r.headers["set-cookie"]
            )
            assert client.get("/api/claims").status_code == 200  # the cookie now


def test_refuses_to_listen_beyond_loopback_without_a_token(tmp_path, monkeypatch):
    monkeypatch.delenv("GEOMAP_TOKEN", raising=False)
    with pytest.raises(GeomapError, match="refusing to listen on 0.0.0.0 without a token"):
        check_bind(ServeConfig(host="0.0.0.0"))
    check_bind(ServeConfig(host="0.0.0.0", token="t"))
    check_bind(ServeConfig(host="127.0.0.1"))
    res = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 1 and "refusing to listen on 0.0.0.0" in res.output
    assert not (tmp_path / "x.db").exists()


def test_map_follows_filters_and_reviews(served):
    _, client, ids = served
    D = client.get("/api/map").json()
    [toretsk] = D["places"]["features"]
    assert toretsk["properties"]["id"] == "709354" and len(toretsk["properties"]["c"]) == 2
    assert client.get("/api/map?side=russia").json()["count"] == 1
    assert client.get("/api/map?place=Pokrovsk").json()["places"]["features"] == []
    post(client, f"/api/claims/{ids[1]}/reject", {"version": 1, "note": "wrong"})
    D = client.get("/api/map").json()
    rows = D["places"]["features"][0]["properties"]["c"]
    assert [D["reviews"][r[7]] if len(r) > 7 else "unreviewed" for r in rows] == [
        "unreviewed", "rejected"
    ]  # fmt: skip
    t = client.get("/api/places/709354/timeline").json()
    assert [c["id"] for c in t["claims"]] == ids and t["claims"][1]["review_status"] == "rejected"


def test_concurrent_edits_from_one_version_exactly_one_wins(served, db_url):
    """Two reviewers press save at the same moment, both from version 1: one edit is stored,
    the other gets 409; the claim is never a mix of the two."""
    import threading

    from starlette.testclient import TestClient

    store, _, ids = served
    stores = [open_store(db_url) for _ in range(2)]
    clients = [
        TestClient(create_app(s, ServeConfig(reviewer=f"r{i}"), csrf=CSRF), base_url=BASE)
        for i, s in enumerate(stores)
    ]
    bodies = [{"version": 1, "side": "ukraine", "type": "fighting"},
              {"version": 1, "side": "third-party", "type": "assessment"}]  # fmt: skip
    barrier = threading.Barrier(2)
    codes: dict[int, int] = {}

    def edit(i: int) -> None:
        barrier.wait()
        codes[i] = post(clients[i], f"/api/claims/{ids[0]}", bodies[i], method="PATCH").status_code

    threads = [threading.Thread(target=edit, args=(i,)) for i in range(2)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    finally:
        for c, s in zip(clients, stores, strict=True):
            c.close()
            s.close()
    assert sorted(codes.values()) == [200, 409], codes
    winner = next(i for i, code in codes.items() if code == 200)
    c = next(c for c in store.claims() if c.id == ids[0])
    assert (c.side, c.type) == (bodies[winner]["side"], bodies[winner]["type"])
    assert {r.who for r in audit_rows(store, ids[0])} == {f"r{winner}"}


def test_library_review_is_audited_too(served):
    store, _, ids = served
    assert store.review(ids, "confirmed", who="notebook") == 2
    assert [(r.who, r.version) for r in audit_rows(store, ids[1])] == [("notebook", 2)]


def test_host_names_for_each_bind():
    from geomap.serve.security import Guard

    assert Guard.for_bind("127.0.0.1", 80, "c").hosts == {
        "127.0.0.1:80", "localhost:80", "[::1]:80"
    }  # fmt: skip
    lan = Guard.for_bind("192.168.1.5", 8765, "c", "t", extra_hosts=("review.lan",))
    assert lan.hosts == {"192.168.1.5:8765", "review.lan:8765"}
    assert "http://review.lan:8765" in lan.origins
    assert "localhost:8765" in Guard.for_bind("0.0.0.0", 8765, "c", "t").hosts


def test_map_leaves_fronts_out_past_the_place_budget(served, monkeypatch):
    import geomap.serve.mapdata as mapdata

    _, client, _ = served
    assert client.get("/api/map").json()["frontsSkipped"] == 0
    monkeypatch.setattr(mapdata, "FRONT_PLACES", 0)
    D = client.get("/api/map").json()
    assert (D["frontsSkipped"], D["frontSteps"], D["fronts"]) == (1, [], {})
    assert D["outline"] and D["count"] == 2
