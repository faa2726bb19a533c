"""Retake maps/review.png: the review page on the demo store, in headless Chromium.

.venv/bin/python maps/review_screenshot.py      # needs Debian chromium and the map assets
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fixtures_browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from serve_helpers import free_port, start_server  # noqa: E402

from geomap.serve import ServeConfig, create_app  # noqa: E402
from geomap.serve.app import build_demo_db  # noqa: E402
from geomap.store import open_store  # noqa: E402


def main(out: Path = ROOT / "maps" / "review.png") -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as d:
        store = open_store(build_demo_db(Path(d) / "demo.db"))
        port = free_port()
        srv = start_server(create_app(store, ServeConfig(port=port, reviewer="analyst")), port)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1500, "height": 1000})
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
                    srv.url) or r.request.url.startswith("data:") else r.abort())  # fmt: skip
                page.goto(srv.url + "/")
                page.wait_for_selector("body[data-ready='1']")
                page.fill("#f-place", "Pokrovsk")
                page.press("#f-place", "Enter")
                page.wait_for_timeout(1500)
                page.keyboard.press("c")
                page.wait_for_timeout(800)
                page.screenshot(path=str(out))
                browser.close()
        finally:
            srv.stop()
            store.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
