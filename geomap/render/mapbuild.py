"""build_map: a folium.Map from claim records, with data-driven client-side layers.

The map holds one data blob (see `features.claims_payload`) and one script that draws it; side
layers in the layer control filter the claims, a slider plays them over time, and the claimed
front lines (`fronts.compute_fronts`) are toggleable layers that follow both the slider and the
side layers (`front_steps`: one fronts view per set of sides shown).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from importlib import resources

import folium
from branca.element import Figure, MacroElement
from folium.template import Template

from gazetteer.features import AIRPORT_ID_PREFIX, OURAIRPORTS_CREDIT
from geomap.query import CONTROL_TYPES, holder
from geomap.records import SIDES, ClaimRecord
from geomap.render import features
from geomap.render.control import CONTROL_CSS, control_groups, control_payload
from geomap.render.fronts import fronts_from_holders, fronts_geojson, place_holders
from geomap.render.outline import outline_layers
from geomap.render.safety import esc, json_for_script
from geomap.render.styles import FRONT_STYLES, SIDE_LABELS, style_table

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTR = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
GEONAMES_ATTR = (
    'Places: <a href="https://www.geonames.org/">GeoNames</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)'
)
NATURAL_EARTH_ATTR = 'Boundaries: <a href="https://www.naturalearthdata.com/">Natural Earth</a>'
DEFAULT_CENTER = (48.5, 34.0)  # Ukraine
PAGE_TITLE = "geomap: claims map"
# Fronts work budget, in steps x (places with control claims + STEP_OVERHEAD): a step (3 Voronoi
# views) costs ~0.1 ms per place plus ~5 ms, so 5,000 is ~0.5 s: 2 steps for 2,000 places
# (10,000 claims build in < 1 s), 20 for 200, the max_steps cap for 50 or fewer.
MAX_FRONT_WORK = 5_000
STEP_OVERHEAD = 50
# Page bytes: a step holds ~0.7 kB per place; a claim is ~0.4 kB as plain GeoJSON and ~0.25 kB
# on the page, so steps x places <= 3/4 of the claims keeps the page <= 2x the claims' GeoJSON
# (small maps may always use MIN_FRONT_PLACE_STEPS, ~0.2 MB).
MIN_FRONT_PLACE_STEPS = 300


@lru_cache(maxsize=1)
def _script() -> str:
    return resources.files("geomap").joinpath("static/claims_map.js").read_text(encoding="utf-8")


CSS = """
.geomap-popup{font:13px/1.35 system-ui,sans-serif;max-width:360px}
.geomap-popup-title{font-weight:700;font-size:14px}
.geomap-popup-status{color:#555;margin-bottom:4px}
.geomap-popup-count{display:flex;justify-content:space-between;align-items:center;gap:8px;
  color:#555;font-size:12px;margin-bottom:4px}
.geomap-popup-order,.geomap-popup-more{border:1px solid #ccc;background:#f6f6f6;border-radius:3px;
  font:12px system-ui,sans-serif;cursor:pointer;padding:1px 6px;flex:none}
.geomap-popup-more{margin-top:4px;width:100%}
.geomap-claims{margin:0;padding-left:18px;max-height:260px;overflow-y:auto;
  overscroll-behavior:contain}
.geomap-claim{margin:4px 0}
.geomap-claim-date{font-weight:600}
.geomap-claim-quote{margin:2px 0 2px 0;padding-left:6px;border-left:3px solid #ccc;color:#333;
  font-style:italic;white-space:pre-wrap}
.geomap-claim-written{color:#666;font-size:12px}
.geomap-claim-source{font-size:12px;word-break:break-all}
.geomap-claim-confirmed{color:#2e7d32;font-weight:600;font-size:12px}
.geomap-claim-rejected-mark{color:#b71c1c;font-weight:600;font-size:12px;text-decoration:none}
.geomap-claim-rejected{opacity:.6}
.geomap-claim-rejected .geomap-claim-head>span:not(.geomap-claim-rejected-mark),
.geomap-claim-rejected .geomap-claim-quote{text-decoration:line-through}
.geomap-fronts-asof{color:#6a1b9a;font-style:italic}
.geomap-legend{background:rgba(255,255,255,.92);padding:6px 8px;border-radius:4px;
  box-shadow:0 1px 4px rgba(0,0,0,.3);font:12px/1.4 system-ui,sans-serif;max-width:260px}
.geomap-legend-title{font-weight:700;margin-bottom:2px;cursor:pointer}
.geomap-legend-title:after{content:" \\25BE"}
.geomap-legend-folded .geomap-legend-row{display:none}
.geomap-legend-folded .geomap-legend-title:after{content:" \\25B8"}
.geomap-legend-row{display:flex;align-items:center;gap:6px}
.geomap-swatch{display:inline-block;flex:none;width:12px;height:12px;box-sizing:border-box}
.geomap-swatch-point{border-radius:50%;border:2px solid}
.geomap-swatch-region{border:2px solid #555;background:rgba(85,85,85,.2)}
.geomap-swatch-line{height:0;width:16px;border-top:4px solid}
.geomap-swatch-zone{border:1px dashed;opacity:.6}
.geomap-timeline{background:#fff;padding:4px 6px;display:flex;align-items:center;gap:6px;
  font:12px system-ui,sans-serif}
.geomap-timeline button{border:0;background:#eee;border-radius:3px;cursor:pointer;width:28px}
.geomap-slider{width:220px}
.leaflet-control-layers-expanded{font:12px/1.3 system-ui,sans-serif;padding:4px 8px}
.leaflet-control-layers-expanded label{margin:0}
@media print{.geomap-timeline,.leaflet-control-layers{display:none}}
"""


class ClaimsLayer(MacroElement):
    """Emits the data blob and the drawing script for one map."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this.js }}
        geomapClaimsMap({{ this._parent.get_name() }}, {{ this.data_json }}, {{ this.groups_js }});
        {% endmacro %}
        """
    )

    def __init__(
        self, data: dict, places, sides: dict, fronts: dict, outline, rejected=None, control=None
    ) -> None:
        super().__init__()
        self._name = "GeomapClaims"
        self.data_json = json_for_script(data)
        self.js = _script()
        self.css = CSS + (CONTROL_CSS if control else "")
        self.groups_js = _groups_js(places, sides, fronts, outline, rejected, control)


def _groups_js(places, sides: dict, fronts: dict, outline, rejected=None, control=None) -> str:
    """JS object literal naming the folium FeatureGroups the script fills and watches."""

    def obj(d: dict) -> str:
        # Keys can be data (control layer sources): escaped for a <script>.
        return "{" + ",".join(f"{json_for_script(k)}:{g.get_name()}" for k, g in d.items()) + "}"

    out = outline.get_name() if outline is not None else "null"
    rej = rejected.get_name() if rejected is not None else "null"
    return (
        f"{{places:{places.get_name()},sides:{obj(sides)},fronts:{obj(fronts)},outline:{out},"
        f"rejected:{rej},control:{obj(control or {})}}}"
    )


def _bounds(payload: dict) -> list[list[float]] | None:
    lats: list[float] = []
    lons: list[float] = []

    def walk(c):
        if c and isinstance(c[0], (int, float)):
            lons.append(c[0])
            lats.append(c[1])
        else:
            for x in c:
                walk(x)

    for f in payload["places"]["features"]:
        walk(f["geometry"]["coordinates"])
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


# Which sides' claims each front view is computed from; the page shows the view matching the
# side layers switched on (third-party claims never draw fronts, so their toggle changes nothing).
FRONT_VIEWS: dict[str, tuple[str, ...]] = {
    "both": ("russia", "ukraine"),
    "russia": ("russia",),
    "ukraine": ("ukraine",),
}


def _claim_key(c: ClaimRecord) -> tuple:
    """Order of claims for "latest" (as geomap.query: undated oldest, then store id)."""
    return (c.claim_date or date.min, c.id if c.id is not None else -1)


def holder_changes(dated: Sequence[tuple[str, ClaimRecord]]) -> dict[str, int]:
    """date label -> how many (place, front view) holders change on that date.

    `dated` are (date label, control claim) pairs oldest first. One pass over the claims, no
    geometry: the dates where the fronts can change are exactly these.
    """
    latest: dict[tuple[str, str], ClaimRecord] = {}
    held: dict[tuple[str, str], str | None] = {}
    out: dict[str, int] = {}
    i = 0
    while i < len(dated):
        lab, touched = dated[i][0], set()
        while i < len(dated) and dated[i][0] == lab:
            c = dated[i][1]
            cur = latest.get((c.place.id, c.side))
            if cur is None or _claim_key(c) >= _claim_key(cur):
                latest[(c.place.id, c.side)] = c
                touched.add(c.place.id)
            i += 1
        n = 0
        for pid in touched:
            ru, ua = latest.get((pid, "russia")), latest.get((pid, "ukraine"))
            hr = holder(ru) if ru else None
            hu = holder(ua) if ua else None
            both = "contested" if hr and hu and hr != hu else (hr or hu)
            for view, h in (("both", both), ("russia", hr), ("ukraine", hu)):
                if held.get((view, pid)) != h:
                    held[(view, pid)] = h
                    n += 1
        if n:
            out[lab] = n
    return out


def sample_dates(changes: Sequence[str], budget: int) -> list[str]:
    """At most `budget` of the (sorted) change dates: the first, and the last of each of
    budget-1 equal runs of the rest, so the last change is always a sample and each sample
    holds every change since the one before."""
    if len(changes) <= budget:
        return list(changes)
    if budget <= 1:
        return [changes[-1]]
    rest = changes[1:]
    k = budget - 1
    picks = {changes[0]}
    for j in range(1, k + 1):
        picks.add(rest[(j * len(rest)) // k - 1])
    return sorted(picks)


def front_steps(
    claims: Sequence[ClaimRecord], *, max_steps: int = 60, max_work: int | None = None
) -> list[list]:
    """[[date label, {view: fronts GeoJSON}, as of, stale from], ...]: the claimed fronts at
    sample dates.

    Each step holds one fronts GeoJSON per `FRONT_VIEWS` entry: the fronts computed from the
    claims of those sides only, so hiding a side's claims on the page also takes its claims
    out of the fronts (and a disputed zone needs both sides shown).
    The page shows the last step whose date is <= the slider's date (label "" = always).
    "as of" is the date the step's fronts were computed for; "stale from" the first date after
    it where some holder changes but no step was computed (None: exact up to the next step);
    the page says "fronts as of <date>" when the slider is before "as of" or at/after "stale
    from".

    Every date where a holder changes (`holder_changes`) gets a step when the work allows it:
    at most `max_steps` steps, steps x (places + STEP_OVERHEAD) <= `max_work` (default
    MAX_FRONT_WORK), since each step is a Voronoi over the places, and steps x places <= 3/4
    of the number of claims, for page size (see MIN_FRONT_PLACE_STEPS). Beyond that the change
    dates are thinned evenly (`sample_dates`), always keeping the last; with room for one step
    only, it is labelled "" (shown at every slider position, as of the last change).
    Rejected claims and region-wide claims never move the fronts.
    """
    ctl = [
        c
        for c in claims
        if c.type in CONTROL_TYPES
        and c.side in ("russia", "ukraine")
        and c.review_status != "rejected"
        and c.place.precision == "settlement"
    ]
    if not ctl:
        return []
    dated = sorted(((features.date_label(c), c) for c in ctl), key=lambda lc: lc[0])
    n_places = len({c.place.id for c in ctl})
    work = MAX_FRONT_WORK if max_work is None else max_work
    by_size = max(MIN_FRONT_PLACE_STEPS, 3 * len(claims) // 4) // n_places
    budget = max(1, min(max_steps, work // (n_places + STEP_OVERHEAD), by_size))
    changes = sorted(holder_changes(dated))
    samples = sample_dates(changes, budget)
    memo: dict[tuple, dict] = {}  # same holders -> same geometry (across views and steps)

    def views(upto: Sequence[ClaimRecord]) -> dict[str, dict]:
        out = {}
        for view, sides in FRONT_VIEWS.items():
            holders = place_holders([c for c in upto if c.side in sides])
            key = tuple(sorted(holders.items()))
            if key not in memo:
                memo[key] = fronts_geojson(fronts_from_holders(holders))
            out[view] = memo[key]
        return out

    if len(samples) == 1 and len(changes) > 1:
        last = views(ctl)
        return [["", last, changes[-1], None]] if any(last.values()) else []
    steps: list[list] = []
    prev: dict | None = None
    sampled = set(samples)
    for k, d in enumerate(samples):
        gj = views([c for lab, c in dated if lab == "" or lab <= d])
        nxt = samples[k + 1] if k + 1 < len(samples) else None
        stale = next(
            (x for x in changes if x > d and (nxt is None or x < nxt) and x not in sampled), None
        )
        if gj != prev or stale is not None or (steps and steps[-1][3] is not None):
            steps.append([d, gj, d, stale])
            prev = gj
    return steps


def pack_front_steps(steps: list[list]) -> tuple[list[list], list[dict]]:
    """Steps with each view's GeoJSON replaced by an index into a list of distinct shapes,
    so views and steps that agree are written to the page once."""
    shapes: list[dict] = []
    index: dict[int, int] = {}  # front_steps hands out one object per distinct geometry
    packed = []
    for label, views, *rest in steps:
        row = {}
        for view, gj in views.items():
            key = id(gj)
            if key not in index:
                index[key] = len(shapes)
                shapes.append(gj)
            row[view] = index[key]
        packed.append([label, row, *rest])
    return packed, shapes


def page_attribution(payload: dict) -> str:
    """GeoNames always; OurAirports when a place shown is one of the shipped airports;
    Natural Earth (public domain, credit asked) when the page draws its region boundaries or
    an outline basemap made from them."""
    parts = [GEONAMES_ATTR]
    if any(
        str(f["properties"].get("id", "")).startswith(AIRPORT_ID_PREFIX)
        for f in payload.get("places", {}).get("features", ())
    ):
        parts.append(OURAIRPORTS_CREDIT)  # a place read from the shipped airports
    if payload.get("boundaries") or payload.get("outline"):
        parts.append(NATURAL_EARTH_ATTR)
    return "; ".join(parts)


def build_map(
    claims: Sequence[ClaimRecord],
    *,
    as_of: date | None = None,
    since: date | None = None,
    until: date | None = None,
    fronts: bool = True,
    offline: bool = False,
    tiles: str | None = "OpenStreetMap",
    outline: bool | None = None,
    timeline: bool = True,
    height: str | None = None,
    title: str = PAGE_TITLE,
    play_ms: int = 800,
    max_front_steps: int = 60,
    show_rejected: bool = False,
    max_front_work: int | None = None,
    control: dict | None = None,
) -> folium.Map:
    """A folium.Map of `claims` (pure: no store, no network at build time).

    as_of/since/until fix the window (claims outside are left out; the slider plays the rest).
    offline=True drops the tile layer (unless `tiles` is an explicit URL) and draws an outline
    basemap instead; inlining the JS/CSS happens when writing (`map_html(..., offline=True)`).
    Claims a person rejected (review_status "rejected") are left out; show_rejected=True
    keeps them, struck through in popups, behind a "Rejected claims" layer, never counting
    for a place's style or the fronts (a place with only rejected claims is a hollow marker).
    Confirmed claims are marked "confirmed" in popups.
    The claimed fronts follow the slider: they are computed at every date where a place's
    holder changes, or, past the work budget (`front_steps`: at most `max_front_steps` steps),
    at evenly thinned change dates, the page then saying which date the fronts shown are as of
    (`max_front_work`: steps x places, default MAX_FRONT_WORK; raise it for more steps).
    They also follow the side layers: with one side's claims hidden, the page draws the
    fronts of the other side's claims alone (and so no disputed zone).
    `control` (geomap.control.mapdata.map_data, plain data) adds the assessed control areas
    and line, a layer per source following the slider, and marks in popups whether each
    claim agrees with the assessment in force.
    """
    shown = features.window(claims, as_of=as_of, since=since, until=until)
    if not show_rejected:
        shown = [c for c in shown if c.review_status != "rejected"]
    payload = features.claims_payload(shown)
    has_rejected = any(c.review_status == "rejected" for c in shown)
    payload["hasRejected"] = has_rejected
    payload["style"] = style_table()
    payload["attribution"] = page_attribution(payload)
    payload["timeline"] = timeline
    payload["playMs"] = play_ms
    if offline and tiles == "OpenStreetMap":
        tiles = None
    draw_outline = outline if outline is not None else tiles is None
    steps, shapes = pack_front_steps(
        front_steps(shown, max_steps=max_front_steps, max_work=max_front_work) if fronts else []
    )
    payload["frontSteps"] = steps
    payload["frontShapes"] = shapes
    holders = {h for gj in shapes for h in gj}
    payload["fronts"] = {h: True for h in ("russia", "ukraine", "contested") if h in holders}
    if draw_outline:
        payload["outline"] = outline_layers(shown)
        payload["attribution"] = page_attribution(payload)

    bounds = _bounds(payload)
    m = folium.Map(
        location=DEFAULT_CENTER if bounds is None else None,
        zoom_start=6,
        tiles=None,
        control_scale=True,
        height=height or "100%",
    )
    fig = Figure(title=esc(title))  # branca puts the title in <title> as is
    fig.add_child(m)
    if tiles is not None:
        if tiles == "OpenStreetMap":
            folium.TileLayer(OSM_TILES, attr=OSM_ATTR, name="OpenStreetMap", max_zoom=19).add_to(m)
        else:
            folium.TileLayer(
                tiles, attr=OSM_ATTR if "openstreetmap" in tiles.lower() else tiles, name="Base map"
            ).add_to(m)
    outline_group = None
    if draw_outline and payload.get("outline"):
        outline_group = folium.FeatureGroup(name="Outline basemap", overlay=True, show=True)
        outline_group.add_to(m)
    front_groups = {}
    for h in payload["fronts"]:
        front_groups[h] = folium.FeatureGroup(name=FRONT_STYLES[h]["label"], show=True).add_to(m)
    ctl_groups = {}
    if control:
        payload["control"] = control_payload(shown, control)
        ctl_groups = control_groups(m, payload["control"]["sources"])
    places = folium.FeatureGroup(name="Claimed places", show=True).add_to(m)
    sides = {
        s: folium.FeatureGroup(name=f"Claims by {SIDE_LABELS[s]}", show=True).add_to(m)
        for s in SIDES
    }
    rejected = None
    if has_rejected:
        rejected = folium.FeatureGroup(name="Rejected claims (struck through)", show=True)
        rejected.add_to(m)
    ClaimsLayer(payload, places, sides, front_groups, outline_group, rejected, ctl_groups).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    if bounds is not None:
        pad = 0.15 if bounds[0] == bounds[1] else 0.0  # one place: show its surroundings
        (s, w), (n, e) = bounds
        m.fit_bounds([[s - pad, w - pad], [n + pad, e + pad]], padding=(30, 30))
    return m


def _leaflet_only(header: str) -> str:
    """A fragment's asset tags without the ones the map never uses but that act on the whole
    host page: jQuery (replaces the host's window.jQuery), Bootstrap (its CSS restyles every
    heading and table, its JS binds document-wide handlers), Font Awesome and the
    awesome-markers plugin (geomap draws circle markers). Leaflet's JS and CSS stay."""
    from geomap.render.assets import ASSETS, DROPPED_URLS

    urls = [a.url for a in ASSETS if "/leaflet@" not in a.url] + list(DROPPED_URLS)
    for url in urls:
        u = re.escape(url)
        header = re.sub(rf'\s*<script src="{u}"></script>', "", header)
        header = re.sub(rf'\s*<link rel="stylesheet" href="{u}"\s*/>', "", header)
    return header


def map_html(
    m: folium.Map,
    *,
    fragment: bool = False,
    offline: bool = False,
    drop_urls: Sequence[str] = (),
) -> str:
    """HTML for a map: a full page, or a fragment (styles, div, scripts) to paste into a page.

    A fragment loads Leaflet only (see `_leaflet_only`), so it leaves its host page's styles and
    scripts alone.

    offline=True inlines every Leaflet/plugin asset from the local copies
    (`geomap assets install`), raising GeomapError when they are missing. `drop_urls` removes
    asset links the host page does not want (e.g. Bootstrap's page-wide CSS in a report).
    """
    root = m.get_root()
    if fragment:
        root.render()
        header = root.header.render()
        # Drop the page-level rules folium adds for full pages (html/body sizing, viewport).
        header = header.replace(
            '<meta http-equiv="content-type" content="text/html; charset=UTF-8" />', ""
        )
        header = re.sub(r"<meta name=\"viewport\"[^>]*/>", "", header)
        header = re.sub(r"<style>html, body \{.*?</style>", "", header, flags=re.S)
        header = re.sub(r"<style>#map \{.*?</style>", "", header, flags=re.S)
        header = _leaflet_only(header)
        html = (
            '<div class="geomap-fragment">\n'
            + header
            + root.html.render()
            + "\n<script>\n"
            + root.script.render()
            + "\n</script>\n</div>\n"
        )
    else:
        html = root.render()
    for url in drop_urls:
        html = html.replace(f'<link rel="stylesheet" href="{url}"/>', "")
    if offline:
        from geomap.render.assets import inline_assets

        html = inline_assets(html)
    return html
