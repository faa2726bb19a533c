"""`build_report`: one printable HTML page with a summary, the map, and per-place claim tables.

Every piece of claim text goes through `safety.esc`; links are made only for http(s) URLs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime

from gazetteer.features import AIRPORT_ID_PREFIX
from geomap.query import control_status
from geomap.records import CLAIM_TYPES, SIDES, ClaimRecord, quote_language
from geomap.render import features
from geomap.render.assets import BOOTSTRAP_CSS_URL
from geomap.render.mapbuild import build_map, map_html
from geomap.render.safety import esc, safe_url
from geomap.render.styles import CATEGORIES, HOLLOW, SIDE_LABELS, place_category

# Scoped to the report's container, so a report fragment does not restyle its host page.
REPORT_CSS = """
.geomap-report{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222}
.geomap-report h1{font-size:22px;margin-bottom:4px}
.geomap-report h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}
.geomap-report h3{font-size:15px;margin:18px 0 4px}
.geomap-report table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:13px}
.geomap-report th,.geomap-report td{border:1px solid #ccc;padding:3px 6px;text-align:left;
  vertical-align:top}
.geomap-report th{background:#f3f3f3} .geomap-report td.num{text-align:right}
.geomap-report .meta{color:#666;overflow-wrap:anywhere}
.geomap-report .quote{font-style:italic;white-space:pre-wrap}
.geomap-report tr.rejected td{text-decoration:line-through;color:#777}
.geomap-report tr.rejected td.review{text-decoration:none;color:#b71c1c;font-weight:600}
.geomap-report td.review.confirmed{color:#2e7d32;font-weight:600}
.geomap-report .status{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;
  font-size:12px}
.geomap-report-map{border:1px solid #ccc;margin:8px 0;break-inside:avoid}
.geomap-report .place{break-inside:avoid;page-break-inside:avoid}
.geomap-report section a,.geomap-report .contested a{color:#1565c0}
@media print{.geomap-report section a{color:#222;text-decoration:none}
  .geomap-report .place h3{break-after:avoid}}
"""
PAGE_CSS = """
body{margin:24px auto;max-width:1100px;padding:0 16px}
@media print{body{margin:0;max-width:none}}
"""


REVIEW_MARKS = {"unreviewed": "", "confirmed": "\u2713 confirmed", "rejected": "\u2717 rejected"}


def _anchor_id(ns: str, place_id: str) -> str:
    """The id of a place's section: the report's namespace + the place id in id-safe chars."""
    return f"{ns}-place-" + re.sub(r"[^A-Za-z0-9_-]", "_", place_id)


def _d(c: ClaimRecord) -> str:
    return features.date_label(c) or "undated"


def _quote_cell(c: ClaimRecord) -> str:
    """The quote as written; one in another language than English is marked with it."""
    lang = quote_language(c)
    if not lang:
        return f"<td class='quote'>{esc(c.quote)}</td>"
    return (
        f"<td class='quote' lang='{esc(lang)}'><span class='lang'>[{esc(lang)}]</span> "
        f"{esc(c.quote)}</td>"
    )


def _source_cell(c: ClaimRecord) -> str:
    s = c.source
    if s is None:
        return ""
    label = s.title or s.outlet or s.url or "source"
    if s.published:
        label = f"{label} ({s.published.isoformat()})"
    url = safe_url(s.url)
    if url:
        return (
            f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(label)}</a>'
            f'<br><span class="meta">{esc(url)}</span>'
        )
    if s.url:  # a non-http URL is shown as text only
        return f'{esc(label)}<br><span class="meta">{esc(s.url)}</span>'
    return esc(label)


def _is_airport(claim: ClaimRecord) -> bool:
    """The claim's place is one of the gazetteer's shipped airports (credited: OurAirports)."""
    return str(claim.place.id).startswith(AIRPORT_ID_PREFIX)


def _summary(claims: Sequence[ClaimRecord], ns: str) -> str:
    by_side_type = Counter((c.side, c.type) for c in claims)
    types = [t for t in CLAIM_TYPES if any(by_side_type[(s, t)] for s in SIDES)]
    rows = []
    for s in SIDES:
        total = sum(by_side_type[(s, t)] for t in types)
        cells = "".join(f'<td class="num">{by_side_type[(s, t)] or ""}</td>' for t in types)
        rows.append(f"<tr><th>{esc(SIDE_LABELS[s])}</th>{cells}<td class='num'>{total}</td></tr>")
    head = "".join(f"<th>{esc(t)}</th>" for t in types)
    table = (
        f"<table class='by-side'><tr><th>side</th>{head}<th>total</th></tr>"
        + "".join(rows)
        + "</table>"
    )
    places = {c.place.id: c.place for c in claims}
    status = control_status(claims)
    contested = sorted((places[p].name, p) for p, s in status.items() if s == "contested")
    cats = Counter(place_category([c for c in claims if c.place.id == pid]) for pid in places)
    cat_rows = "".join(
        f"<tr><td>{esc(label)}</td><td class='num'>{cats.get(k, 0)}</td></tr>"
        for k, (label, _color, _dash) in CATEGORIES.items()
        if k not in HOLLOW  # the summary counts kept claims only: no place is "rejected"
    )
    sources = {(c.source.url, c.source.title) for c in claims if c.source is not None}
    dated = [d for d in (features.claim_day(c) for c in claims) if d is not None]
    span = f"{min(dated).isoformat()} to {max(dated).isoformat()}" if dated else "undated"
    contested_html = (
        "<ul class='contested'>"
        + "".join(
            f"<li><a href='#{esc(_anchor_id(ns, pid))}'>{esc(n)}</a></li>" for n, pid in contested
        )
        + "</ul>"
        if contested
        else "<p>No place where the sides' latest claims disagree.</p>"
    )
    return (
        f"<p>{len(claims)} claims about {len(places)} places from {len(sources)} sources, "
        f"{esc(span)}.</p>{table}"
        f"<table class='by-category'><tr><th>places by latest claims</th><th>count</th></tr>"
        f"{cat_rows}</table>"
        f"<h3>Contested places ({len(contested)})</h3>{contested_html}"
    )


def _place_tables(claims: Sequence[ClaimRecord], ns: str) -> str:
    by_place: dict[str, list[ClaimRecord]] = {}
    for c in features.sort_claims(claims):
        by_place.setdefault(c.place.id, []).append(c)
    out = []
    for pid, cs in sorted(by_place.items(), key=lambda kv: kv[1][0].place.name.lower()):
        p = cs[0].place
        cat = place_category(cs)
        label, color, _ = CATEGORIES[cat]
        kind = "region" if p.precision == "region" else f"{p.lat:.4f}, {p.lon:.4f}"
        rows = "".join(
            f"<tr class='{esc(c.review_status)}'>"
            f"<td>{esc(_d(c))}</td><td>{esc(SIDE_LABELS.get(c.side, c.side))}</td>"
            f"<td>{esc(c.type)}</td><td>{esc(c.claimant)}</td>"
            f"{_quote_cell(c)}<td>{_source_cell(c)}</td>"
            f"<td class='review {esc(c.review_status)}'>{REVIEW_MARKS[c.review_status]}</td>"
            "</tr>"
            for c in cs
        )
        out.append(
            f"<section class='place' id='{esc(_anchor_id(ns, pid))}' data-place-id='{esc(pid)}'>"
            f"<h3>{esc(p.name)} <span class='meta'>({esc(kind)})</span> "
            f"<span class='status' style='background:{esc(color)}'>{esc(label)}</span></h3>"
            "<table><tr><th>date</th><th>side</th><th>type</th><th>claimant</th><th>quote</th>"
            f"<th>source</th><th>review</th></tr>{rows}</table></section>"
        )
    return "\n".join(out)


def _disagreements(claims: Sequence[ClaimRecord], control: dict, ns: str) -> str:
    """The "claims that disagree with the assessed map" section (issue 14)."""
    verdicts = control.get("verdicts") or {}
    rows = []
    for c in features.sort_claims(claims):
        v = verdicts.get(c.id, verdicts.get(str(c.id))) if c.id is not None else None
        if not v or v[2] is not False:
            continue
        holder, km, _, src, day = v[:5]
        where = f"{abs(km):.1f} km inside its area" if km < 0 else f"{km:.1f} km from the line"
        rows.append(
            f"<tr class='disagrees' data-place-id='{esc(c.place.id)}'><td>{esc(_d(c))}</td>"
            f"<td>{esc(SIDE_LABELS.get(c.side, c.side))}</td><td>{esc(c.type)}</td>"
            f"<td><a href='#{esc(_anchor_id(ns, c.place.id))}'>{esc(c.place.name)}</a></td>"
            f"<td>{esc(c.claimant)}</td><td>{esc(holder)}, {esc(where)}</td>"
            f"<td>{esc(src)} {esc(day)}</td><td>{_source_cell(c)}</td></tr>"
        )
    tol = control.get("tolerance", 2.0)
    head = (
        f"<h2>Claims that disagree with the assessed map ({len(rows)})</h2><p class='meta'>"
        f"A claim disagrees when the assessment in force on its date puts the place more than "
        f"{esc(tol)} km inside the other side's area (layers older than "
        f"{esc(control.get('staleDays', 7))} days say nothing).</p>"
    )
    if not rows:
        return head + "<p>None of the checked claims disagrees.</p>"
    return (
        head + "<table class='disagreements'><tr><th>date</th><th>side</th><th>type</th>"
        "<th>place</th><th>claimant</th><th>assessed holder</th><th>assessment</th>"
        f"<th>source</th></tr>{''.join(rows)}</table>"
    )


def build_report(
    claims: Sequence[ClaimRecord],
    *,
    title: str = "Front-line claims report",
    as_of: date | None = None,
    since: date | None = None,
    until: date | None = None,
    offline: bool = False,
    fronts: bool = True,
    fragment: bool = False,
    show_rejected: bool = False,
    control: dict | None = None,
) -> str:
    """The whole report page as HTML (map embedded as a fragment; offline inlines assets).

    fragment=True gives the report without <html>/<head>/<body>, to paste into another page:
    its styles are scoped to its container and every id in it carries a per-report namespace
    (the map's own unique name), so several reports can share a page.

    Claims reviewed as rejected are left out (the report says how many); show_rejected=True
    lists them struck through in the place tables (and the map, see `build_map`), but the
    summary and every place's status always come from the other claims.

    `control` (geomap.control.mapdata.map_data, plain data) draws the assessed control on
    the map and adds a "claims that disagree with the assessed map" section.
    """
    shown = features.window(claims, as_of=as_of, since=since, until=until)
    kept = [c for c in shown if c.review_status != "rejected"]
    n_rejected = len(shown) - len(kept)
    listed = shown if show_rejected else kept
    m = build_map(
        listed,
        fronts=fronts,
        offline=offline,
        height="560px",
        show_rejected=show_rejected,
        control=control,
    )
    ns = "geomap-report-" + m.get_name().removeprefix("map_")
    # Bootstrap's page-wide CSS would restyle the report; the map itself does not use it.
    map_part = map_html(m, fragment=True, offline=offline, drop_urls=(BOOTSTRAP_CSS_URL,))
    window_txt = ", ".join(
        f"{k} {v.isoformat()}"
        for k, v in (("since", since), ("until", until), ("as of", as_of))
        if v is not None
    )
    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    body = (
        f"<div class='geomap-report' id='{esc(ns)}'><style>{REPORT_CSS}</style>"
        f"<h1>{esc(title)}</h1><p class='meta'>Generated by geomap {esc(made)}"
        f"{'; ' + esc(window_txt) if window_txt else ''}. Claims are what each side said, "
        "not verified facts. "
        + (
            f"{n_rejected} claim(s) reviewed as rejected are "
            + ("listed struck through and count for nothing. " if show_rejected else "left out. ")
            if n_rejected
            else ""
        )
        + "Places: GeoNames (CC BY 4.0); "
        + ("airports: OurAirports; " if any(_is_airport(c) for c in listed) else "")
        + "region boundaries: Natural Earth; base map: OpenStreetMap contributors."
        "</p><h2>Summary</h2>"
        + _summary(kept, ns)
        + (_disagreements(kept, control, ns) if control else "")
        + "<h2>Map</h2><div class='geomap-report-map'>"
        + map_part
        + "</div>"
        + "<h2>Claims by place</h2>"
        + _place_tables(listed, ns)
        + "</div>\n"
    )
    if fragment:
        return body
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{esc(title)}</title><style>{PAGE_CSS}</style></head><body>"
        + body
        + "</body></html>\n"
    )
