"""Browser fixtures: one headless Debian Chromium per session, network cut off.

Every request a page makes is routed: file:// pages load, the CDN URLs folium emits are served
from the local npm copies (`geomap assets install`), tile requests get a blank PNG, and anything
else is aborted and recorded, so a test can assert that nothing escaped.
"""

from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII="
)
TILE_URL = re.compile(r"^https://([a-c]\.)?tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")


@dataclass
class PageLog:
    """What a page did: console errors, page errors, dialogs, requests that were not ours."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    escaped: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)
    tiles: int = 0

    def assert_clean(self) -> None:
        assert not self.escaped, f"requests escaped the sandbox: {self.escaped[:5]}"
        assert not self.page_errors, f"page errors: {self.page_errors}"
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"


@pytest.fixture(scope="session")
def map_assets_dir() -> Path:
    """The local Leaflet/plugin copies; skips with the command to run when absent."""
    from geomap.render.assets import assets_dir, missing_assets

    root = assets_dir()
    if missing_assets(root):
        pytest.skip(f"map assets not installed in {root}: run `geomap assets install`")
    return root


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Chromium for the whole session (skips if Debian's chromium is absent)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: browser tests need Debian's chromium (apt chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright (python) is not installed")
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    except Exception as exc:  # noqa: BLE001 - a broken browser install is a skip, not a failure
        pw.stop()
        pytest.skip(f"cannot launch {CHROMIUM}: {exc}")
    yield browser
    browser.close()
    pw.stop()


@pytest.fixture
def open_page(chromium_browser, map_assets_dir):
    """open_page(path_or_html_file) -> (page, PageLog), network routed as the module says."""
    from geomap.render.assets import asset_bytes

    contexts = []

    def _open(path: Path, *, width: int = 1200, height: int = 800, wait_ms: int = 150):
        ctx = chromium_browser.new_context(viewport={"width": width, "height": height})
        contexts.append(ctx)
        log = PageLog()
        page = ctx.new_page()

        def route(r):
            url = r.request.url
            if url.startswith("file://") or url.startswith("data:"):
                r.continue_()
                return
            local = asset_bytes(url, map_assets_dir)
            if local is not None:
                body, mime = local
                log.served.append(url)
                r.fulfill(
                    status=200,
                    body=body,
                    headers={"content-type": mime, "access-control-allow-origin": "*"},
                )
                return
            if TILE_URL.match(url):
                log.tiles += 1
                r.fulfill(status=200, body=BLANK_PNG, headers={"content-type": "image/png"})
                return
            log.escaped.append(url)
            r.abort()

        ctx.route("**/*", route)
        page.on(
            "console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: log.page_errors.append(str(e)))

        def on_dialog(d):
            log.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(wait_ms)
        return page, log

    yield _open
    for ctx in contexts:
        ctx.close()
