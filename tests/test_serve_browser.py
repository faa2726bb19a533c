"""The review page in real headless Chromium against a uvicorn server the test starts on
127.0.0.1: keyboard review, place edit, a missed claim added from a selection, hostile text.

The browser may only reach that server: any other request is aborted and fails the test.
"""

from __future__ import annotations

import pytest
from serve_helpers import ARTICLE, MISSED, fill_store, free_port, review_claims, start_server
from sqlalchemy import select

from geomap.model import claim_audit
from geomap.render.samples import XSS_IMG, XSS_SCRIPT, XSS_TEMPLATE
from geomap.serve import ServeConfig, create_app
from geomap.store import open_store

pytestmark = pytest.mark.browser
TORETSK, POKROVSK = "709354", "704422"


@pytest.fixture
def live(db_url, map_assets_dir):
    """(server url, store url) of a running review server over the test article."""
    with open_store(db_url) as store:
        fill_store(store)
    store = open_store(db_url)
    port = free_port()
    srv = start_server(create_app(store, ServeConfig(port=port, reviewer="dana")), port)
    yield srv.url, db_url
    srv.stop()
    store.close()


@pytest.fixture
def browse(chromium_browser):
    """browse(url) -> (page, log): the page loaded and ready; requests elsewhere aborted."""
    from fixtures_browser import PageLog

    contexts = []

    def _open(url: str, width: int = 1400, height: int = 900, path: str = "/"):
        ctx = chromium_browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        log = PageLog()

        def route(r):
            if r.request.url.startswith(url + "/") or r.request.url.startswith("data:"):
                r.continue_()
            else:
                log.escaped.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        page = ctx.new_page()
        page.on(
            "console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: log.page_errors.append(str(e)))
        page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
        page.goto(url + path)
        page.wait_for_selector("body[data-ready='1']", timeout=20_000)
        page.wait_for_selector("#article mark.q-current")
        return page, log

    yield _open
    for ctx in contexts:
        ctx.close()


def _claims(db_url: str) -> dict:
    with open_store(db_url) as s:
        return {c.id: c for c in s.claims()}


def _audit(db_url: str) -> list:
    with open_store(db_url) as s, s.read() as conn:
        return list(conn.execute(select(claim_audit).order_by(claim_audit.c.id)))


def _map_category(page, place_id: str) -> str | None:
    return page.evaluate("(id) => window.geomapMaps.map.categoryOf(id)", place_id)


def _wait_for(page, expr: str, arg=None, timeout: float = 20.0) -> None:
    """Poll `expr` (a JS function) until truthy. page.wait_for_function would eval a string in
    the page, which the page's CSP (no unsafe-eval) rightly refuses."""
    import time

    end = time.monotonic() + timeout
    while not page.evaluate(expr, arg):
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {expr} ({arg!r})")
        page.wait_for_timeout(50)


def _wait_message(page, text: str) -> None:
    _wait_for(page, "(t) => document.getElementById('message').textContent.includes(t)", text)


def test_review_a_queue_with_the_keyboard(live, browse):
    url, db = live
    page, log = browse(url)
    first, second = sorted(_claims(db))
    assert page.evaluate("document.activeElement.id") == "queue"
    assert page.locator("#queue li[aria-selected='true']").get_attribute("id") == f"q-{first}"
    assert _map_category(page, TORETSK) == "contested"  # russia captured vs ukraine holding
    quote = page.locator("#article mark.q-current").inner_text()
    assert quote.startswith("The Russian defence ministry said")
    page.keyboard.press("j")
    _wait_for(
        page, "() => " + f"document.getElementById('facts').textContent.includes('#{second}')"
    )
    page.keyboard.press("k")
    _wait_for(page, "() => " + f"document.getElementById('facts').textContent.includes('#{first}')")
    page.keyboard.press("c")  # confirm, then the queue moves on
    _wait_message(page, f"Confirmed claim #{first}")
    assert page.locator("#queue li[aria-selected='true']").get_attribute("id") == f"q-{second}"
    page.keyboard.press("r")
    assert page.evaluate("document.activeElement.id") == "reject-note"
    page.keyboard.type("the General Staff spoke of another Toretsk district")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    _wait_message(page, f"Rejected claim #{second}")
    claims = _claims(db)
    assert claims[first].review_status == "confirmed"
    assert claims[second].review_status == "rejected"
    assert "review: the General Staff spoke of another Toretsk district" in claims[second].notes
    audit = [(a.claim_id, a.action, a.who, a.new) for a in _audit(db)]
    assert audit == [
        (first, "confirm", "dana", "confirmed"),
        (second, "reject", "dana", "rejected"),
    ]
    _wait_for(page, "() => window.geomapMaps.map.categoryOf('709354') === 'russia'")
    assert page.locator(f"#q-{second} .st").inner_text() == "rejected"
    _wait_for(
        page,
        "() => document.getElementById('stats').textContent"
        ".startsWith('0 to review, 1 confirmed, 1 rejected')",
    )
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "f-place"
    log.assert_clean()


def test_every_control_has_a_label_and_the_queue_is_a_listbox(live, browse):
    url, _ = live
    page, log = browse(url)
    unlabeled = page.evaluate(
        """() => Array.from(document.querySelectorAll('input, select, textarea, button'))
             .filter(e => !((e.labels && e.labels.length) || e.getAttribute('aria-label')
                            || (e.tagName === 'BUTTON' && e.textContent.trim())))
             .map(e => e.outerHTML.slice(0, 80))"""
    )
    assert unlabeled == []
    q = page.locator("#queue")
    assert q.get_attribute("role") == "listbox"
    active = q.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    assert page.locator("#queue li[role='option']").count() == 2
    # Tab order: the skip link first, then the filters; the skip link leads to the queue.
    first = page.evaluate(
        "() => document.querySelector('a[href], input, select, textarea, button, [tabindex]')"
        ".className"
    )
    assert first == "skip"
    page.locator("a.skip").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-place"
    log.assert_clean()


def test_edit_the_place(live, browse):
    url, db = live
    page, log = browse(url)
    first = min(_claims(db))
    page.keyboard.press("e")
    assert page.locator("#edit-form").is_visible()
    checked = page.locator("#edit-places input:checked")
    assert checked.get_attribute("value") == TORETSK
    page.fill("#edit-q", "Pokrovsk")
    page.press("#edit-q", "Enter")  # searches, does not submit
    page.wait_for_selector(f"#edit-places input[value='{POKROVSK}']")
    label = page.locator("#edit-places label").filter(
        has=page.locator(f"input[value='{POKROVSK}']")
    )
    assert "km from the current place" in label.inner_text()
    page.check(f"#edit-places input[value='{POKROVSK}']")
    page.click("#edit-form button[type=submit]")
    _wait_message(page, f"Saved claim #{first} (place_id, review_status)")
    c = _claims(db)[first]
    assert (c.place.id, c.place.name, c.review_status) == (POKROVSK, "Pokrovsk", "confirmed")
    [place_row] = [a for a in _audit(db) if a.field == "place_id"]
    assert (place_row.old, place_row.new, place_row.who) == (TORETSK, POKROVSK, "dana")
    page.wait_for_selector(f"#map [data-place-id='{POKROVSK}']", state="attached")
    assert _map_category(page, POKROVSK) == "russia"
    _wait_for(page, "() => document.getElementById('timeline-place').textContent === 'Pokrovsk'")
    assert "place_id 709354 \u2192 704422" in page.locator("#history").inner_text()
    assert page.locator(f"#q-{first} strong").inner_text() == "Pokrovsk"
    assert page.locator(f"#q-{first}").get_attribute("aria-selected") == "true"
    log.assert_clean()


def test_add_a_missed_claim_by_selecting_text(live, browse):
    url, db = live
    page, log = browse(url)
    before = set(_claims(db))
    page.evaluate(
        """(words) => {
          const box = document.getElementById('article');
          const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode())) {
            const i = node.nodeValue.indexOf(words);
            if (i >= 0) {
              const r = document.createRange();
              r.setStart(node, i); r.setEnd(node, i + words.length);
              const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
              return;
            }
          }
          throw new Error('words not found');
        }""",
        MISSED,
    )
    page.keyboard.press("a")
    assert page.locator("#add-quote").inner_text() == MISSED
    page.fill("#add-q", "Pokrovsk")
    page.click("#add-search")
    page.wait_for_selector(f"#add-places input[value='{POKROVSK}']")
    page.check(f"#add-places input[value='{POKROVSK}']")
    page.select_option("#add-side", "ukraine")
    page.select_option("#add-type", "strike")
    page.fill("#add-claimant", "local officials")
    page.click("#add-form button[type=submit]")
    _wait_message(page, "Added claim #")
    [new] = [c for cid, c in _claims(db).items() if cid not in before]
    start = ARTICLE.index(MISSED)
    assert (new.quote, new.start, new.end) == (MISSED, start, start + len(MISSED))
    assert (new.place.id, new.side, new.type, new.origin) == (
        POKROVSK,
        "ukraine",
        "strike",
        "human",
    )
    assert {a.field for a in _audit(db) if a.claim_id == new.id and a.action == "add"} == {
        "place_id", "side", "type", "claim_date"
    }  # fmt: skip
    page.wait_for_selector(f"#article mark.q-other[data-claim-id='{new.id}']")
    page.wait_for_selector(f"#map [data-place-id='{POKROVSK}']", state="attached")
    assert _map_category(page, POKROVSK) == "strike"
    log.assert_clean()


def test_hostile_article_text_stays_text(tmp_path, browse, map_assets_dir):
    hostile = (
        f"Header {XSS_SCRIPT}\n\n{XSS_IMG} Russian forces took Toretsk, the ministry said "
        f"{XSS_TEMPLATE}.\n<b onmouseover=alert(1)>bold</b>\n"
    )
    src, claims = review_claims()
    quote = f"{XSS_IMG} Russian forces took Toretsk"
    start = hostile.index(quote)
    c = claims[0]
    c.quote, c.start, c.end = quote, start, start + len(quote)
    c.claimant = XSS_SCRIPT
    c.place_as_written = XSS_IMG
    src.title = XSS_IMG
    db = f"sqlite:///{tmp_path / 'hostile.db'}"
    with open_store(db) as s:
        s.ingest(src, [c], text=hostile)
    store = open_store(db)
    port = free_port()
    srv = start_server(create_app(store, ServeConfig(port=port)), port)
    try:
        page, log = browse(srv.url)
        assert page.locator("#article").inner_text().strip() == hostile.strip()
        assert page.locator("#article mark.q-current").inner_text() == quote
        assert page.locator("#article img, #article b, #facts img, #queue img").count() == 0
        assert XSS_SCRIPT in page.locator("#facts").inner_text()
        page.locator("#map path.geomap-place").first.click()
        page.wait_for_selector(".leaflet-popup-content")
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("img[src='x']").count() == 0
        log.assert_clean()
    finally:
        srv.stop()
        store.close()


def test_token_server_opens_with_the_token_once(db_url, browse, map_assets_dir):
    with open_store(db_url) as s:
        fill_store(s)
    store = open_store(db_url)
    port = free_port()
    srv = start_server(create_app(store, ServeConfig(port=port, token="tok-123")), port)
    try:
        page, log = browse(srv.url, path="/?token=tok-123")  # -> cookie, redirected to /
        assert page.url == srv.url + "/"
        assert page.locator("#queue li").count() == 2
        log.assert_clean()
        anon = page.context.browser.new_context()
        try:
            r = anon.request.get(srv.url + "/api/claims")
            assert r.status == 401
        finally:
            anon.close()
    finally:
        srv.stop()
        store.close()


def test_a_foreign_site_cannot_change_the_store(live, chromium_browser):
    """A page on another origin posts to the review server, as a form and with fetch: the
    server refuses both and nothing changes."""
    url, db = live
    first = min(_claims(db))
    evil = (
        "<!DOCTYPE html><html><body>"
        f"<form id=f method=post action='{url}/api/claims/{first}/confirm'"
        " enctype='text/plain'><input name='{\"version\": 1, \"x\": \"' value='\"}'></form>"
        "<script>"
        f"fetch('{url}/api/claims/{first}/confirm', {{method: 'POST', mode: 'no-cors',"
        " headers: {'Content-Type': 'text/plain'}, body: '{\"version\": 1}'})"
        ".then(() => { window.__fetched = 1; document.getElementById('f').submit(); });"
        "</script></body></html>"
    )
    ctx = chromium_browser.new_context()
    statuses: list[int] = []
    try:
        ctx.route("http://evil.test/**", lambda r: r.fulfill(status=200, body=evil,
                                                            content_type="text/html"))  # fmt: skip
        page = ctx.new_page()

        def to_server(route):
            # Chromium itself blocks a public page's requests to loopback (Private Network
            # Access); pass them on with the browser's own headers to test the server's guard.
            resp = route.fetch()
            statuses.append(resp.status)
            route.fulfill(response=resp)

        ctx.route(url + "/**", to_server)
        page.goto("http://evil.test/")
        page.wait_for_load_state("load")
        page.wait_for_timeout(1500)
        # ...and a same-site-looking request that names a foreign Host (DNS rebinding).
        statuses.append(ctx.request.get(url + "/api/claims", headers={"Host": "evil.test"}).status)
    finally:
        ctx.close()
    assert statuses[:-1] == [403, 403] and statuses[-1] == 421, statuses
    assert all(c.review_status == "unreviewed" for c in _claims(db).values())
    assert _audit(db) == []
