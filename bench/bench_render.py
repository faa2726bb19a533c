"""Map scale benchmark: 10,000 claims over 2,000 places, geomap vs one folium.Marker per claim.

Prints HTML size (against the claims' plain GeoJSON, target <= 2x) and build+render time
(target <= 1 s) for both, side by side, with ratios. `--browser` also times opening each page
in headless Chromium (Debian's /usr/bin/chromium, network cut off, assets from local copies).

    python bench/bench_render.py [--claims 10000] [--places 2000] [--browser]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import folium

from geomap.query import CONTROL_TYPES
from geomap.render import build_map, map_html
from geomap.render.features import claims_geojson, date_label
from geomap.render.mapbuild import front_steps, holder_changes
from geomap.render.safety import esc
from geomap.render.samples import synthetic_claims


def naive_map(claims) -> folium.Map:
    """What one would write first: a folium.Marker with an HTML popup per claim."""
    m = folium.Map(location=(48.5, 36.5), zoom_start=7)
    for c in claims:
        s = c.source
        popup = (
            f"<b>{esc(c.place.name)}</b><br>{esc(c.claim_date)} {esc(c.side)} {esc(c.type)}"
            f"<br>{esc(c.claimant)}<br><i>{esc(c.quote)}</i><br>"
            f"<a href='{esc(s.url)}'>{esc(s.title)}</a>"
        )
        folium.Marker(
            (c.place.lat, c.place.lon),
            popup=folium.Popup(popup, max_width=300),
            tooltip=c.place.name,
        ).add_to(m)
    return m


def timed(fn, repeat: int = 3):
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def browser_times(paths: dict[str, Path]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from geomap.render.assets import asset_bytes

    out = {}
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        for name, path in paths.items():
            page = b.new_page(viewport={"width": 1200, "height": 800})

            def route(r):
                local = asset_bytes(r.request.url)
                if r.request.url.startswith("file:"):
                    r.continue_()
                elif local is not None:
                    r.fulfill(status=200, body=local[0], headers={"content-type": local[1]})
                else:
                    r.abort()

            page.route("**/*", route)
            t = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
            out[name] = time.perf_counter() - t
            page.close()
        b.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=10_000)
    ap.add_argument("--places", type=int, default=2_000)
    ap.add_argument("--browser", action="store_true", help="also time page load in Chromium")
    a = ap.parse_args(argv)

    claims = synthetic_claims(a.claims, a.places)
    gj_bytes = len(
        json.dumps(claims_geojson(claims), ensure_ascii=False, separators=(",", ":")).encode()
    )
    t_ours, html_ours = timed(lambda: map_html(build_map(claims)))
    steps = front_steps(claims)
    n_dates = len({date_label(c) for c in claims})
    n_changes = len(
        holder_changes(
            sorted(
                (
                    (date_label(c), c)
                    for c in claims
                    if c.type in CONTROL_TYPES and c.side in ("russia", "ukraine")
                ),
                key=lambda lc: lc[0],
            )
        )
    )
    t_nofront, _ = timed(lambda: map_html(build_map(claims, fronts=False)))
    t_naive, html_naive = timed(lambda: naive_map(claims).get_root().render(), repeat=1)
    size_ours, size_naive = len(html_ours.encode()), len(html_naive.encode())

    print(
        f"{a.claims} claims over {a.places} places; claims as plain GeoJSON: "
        f"{gj_bytes / 1e6:.2f} MB; {n_dates} dates, fronts change on {n_changes}, "
        f"computed at {len(steps)} of them"
    )
    print(f"{'':28}{'geomap':>12}{'naive':>12}{'naive/geomap':>14}")
    print(
        f"{'HTML size (MB)':28}{size_ours / 1e6:12.2f}{size_naive / 1e6:12.2f}"
        f"{size_naive / size_ours:14.1f}"
    )
    print(
        f"{'HTML / claims GeoJSON':28}{size_ours / gj_bytes:12.2f}{size_naive / gj_bytes:12.2f}"
        f"{'':14}  (target <= 2.0)"
    )
    print(
        f"{'build+render (s)':28}{t_ours:12.2f}{t_naive:12.2f}{t_naive / t_ours:14.1f}"
        f"  (target <= 1.0; geomap without fronts {t_nofront:.2f})"
    )
    if a.browser:
        with tempfile.TemporaryDirectory() as d:
            paths = {"geomap": Path(d) / "ours.html", "naive": Path(d) / "naive.html"}
            paths["geomap"].write_text(html_ours, "utf-8")
            paths["naive"].write_text(html_naive, "utf-8")
            bt = browser_times(paths)
        print(
            f"{'Chromium load (s)':28}{bt['geomap']:12.2f}{bt['naive']:12.2f}"
            f"{bt['naive'] / bt['geomap']:14.1f}"
        )
    ok = size_ours <= 2 * gj_bytes and t_ours <= 1.0
    print("targets met" if ok else "TARGETS MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
