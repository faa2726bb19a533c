"""Render commands: `geomap map`, `geomap report`, `geomap demo`, `geomap assets install`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from geomap.atomic import write_text
from geomap.cli import main
from geomap.cli.control import check_options, control_options
from geomap.cli.options import db_option, filter_options, make_filter
from geomap.cli.store import format_table
from geomap.demo import DEFAULT_OUT as DEMO_OUT


def _counts(claims: list, show_rejected: bool) -> str:
    """What a page shows: "8 claims, 6 places" (rejected ones left out unless shown)."""
    rejected = 0 if show_rejected else sum(c.review_status == "rejected" for c in claims)
    places = len({c.place.id for c in claims if show_rejected or c.review_status != "rejected"})
    text = f"{len(claims) - rejected} claims, {places} places"
    if rejected:
        text += f"; {rejected} rejected claim(s) left out, --show-rejected shows them"
    return text


def _claims(db: str | None, place: str | None, kw: dict[str, Any]):
    from geomap.store import open_store

    flt = make_filter(place, kw)
    with open_store(db, read_only=True) as store:
        return flt, store.claims(flt)


def _control(db: str | None, claims, kw: dict[str, Any]) -> dict | None:
    """The assessed control for the map/report (None: no layers, or --no-control)."""
    from geomap.control.mapdata import map_data
    from geomap.store import open_store

    opts = check_options(kw)
    if kw.pop("no_control"):
        return None
    with open_store(db, read_only=True) as store:
        return map_data(store, claims, opts)


_no_control = click.option(
    "--no-control", is_flag=True, help="Leave out the assessed control maps (geomap control)."
)


@main.command("map")
@click.argument("place", required=False)
@filter_options
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("maps") / "claims.html",
    show_default=True,
    help="HTML file to write.",
)
@click.option("--fragment", is_flag=True, help="Write an HTML fragment to paste into a page.")
@click.option(
    "--offline",
    is_flag=True,
    help="Self-contained page: assets inlined, no tiles (needs `geomap assets install`).",
)
@click.option("--no-fronts", is_flag=True, help="Leave out the claimed front lines.")
@click.option(
    "--show-rejected",
    is_flag=True,
    help="Also show claims reviewed as rejected (struck through; they never count "
    "for styles or fronts). Implied by --review-status rejected.",
)
@click.option(
    "--tiles",
    default="OpenStreetMap",
    show_default=True,
    help="Tile URL template or 'OpenStreetMap'; 'none' for no tiles.",
)
@_no_control
@control_options
@db_option
def map_cmd(place: str | None, out: Path, fragment: bool, offline: bool, no_fronts: bool,
            show_rejected: bool, tiles: str, db: str | None, **kw: Any) -> None:  # fmt: skip
    """Map the claims matching the filters (same filters as `geomap claims`).

    Assessed control layers (`geomap control import`) are drawn for the slider's date, and
    popups say whether each claim agrees with them.
    """
    from geomap.render import build_map, map_html

    ctl_kw = {k: kw.pop(k) for k in list(kw) if k.startswith("control_") or k == "no_control"}
    flt, claims = _claims(db, place, kw)
    control = _control(db, claims, ctl_kw)
    m = build_map(
        claims,
        as_of=flt.as_of,
        since=flt.since,
        until=flt.until,
        fronts=not no_fronts,
        offline=offline,
        tiles=None if tiles.lower() == "none" else tiles,
        height="600px" if fragment else None,
        show_rejected=show_rejected or flt.review_status == "rejected",
        control=control,
    )
    write_text(out, map_html(m, fragment=fragment, offline=offline))
    click.echo(f"wrote {out} ({_counts(claims, show_rejected or flt.review_status == 'rejected')})")


@main.command("report")
@click.argument("place", required=False)
@filter_options
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("maps") / "report.html",
    show_default=True,
    help="HTML file to write.",
)
@click.option("--title", default="Front-line claims report", show_default=True)
@click.option("--offline", is_flag=True, help="Inline the map's assets (no network needed).")
@click.option(
    "--fragment",
    is_flag=True,
    help="Write an HTML fragment (no <html>/<head>) to paste into another page.",
)
@click.option(
    "--show-rejected",
    is_flag=True,
    help="List claims reviewed as rejected, struck through (they never count).",
)
@_no_control
@control_options
@db_option
def report_cmd(place: str | None, out: Path, title: str, offline: bool, fragment: bool,
               show_rejected: bool, db: str | None, **kw: Any) -> None:  # fmt: skip
    """One printable HTML report: summary, map, and per-place claim tables with sources;
    with control layers stored, the claims that disagree with the assessed map."""
    from geomap.render.report import build_report

    ctl_kw = {k: kw.pop(k) for k in list(kw) if k.startswith("control_") or k == "no_control"}
    flt, claims = _claims(db, place, kw)
    control = _control(db, claims, ctl_kw)
    write_text(
        out,
        build_report(
            claims,
            title=title,
            as_of=flt.as_of,
            since=flt.since,
            until=flt.until,
            offline=offline,
            fragment=fragment,
            show_rejected=show_rejected or flt.review_status == "rejected",
            control=control,
        ),
    )
    click.echo(f"wrote {out} ({_counts(claims, show_rejected or flt.review_status == 'rejected')})")


@main.command("demo")
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEMO_OUT,
    show_default=True,
    help="Page to write (default under maps/out/, which git ignores).",
)
@click.option(
    "--keep-db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Keep the demo's SQLite database at this path (replaced if present).",
)
def demo_cmd(out: Path, keep_db: Path | None) -> None:
    """Extract the bundled example articles into a fresh store, print the claims, map them."""
    from geomap.demo import run_demo

    res = run_demo(out, db_path=keep_db)
    click.echo(f"ingested {len(res.articles)} example article(s): {', '.join(res.articles)}")
    click.echo(format_table(res.claims) if res.claims else "no claims extracted")
    how = (
        "self-contained (offline assets inlined)"
        if res.offline
        else "loads Leaflet from CDNs; `geomap assets install` makes it self-contained"
    )
    click.echo(f"\nwrote {res.html_path}: {how}")
    if keep_db:
        click.echo(f"database kept at {keep_db}: try `geomap claims --db {keep_db}`")


@main.group("assets")
def assets_group() -> None:
    """Local copies of Leaflet and plugins for offline maps (from the npm registry)."""


@assets_group.command("install")
@click.option("--force", is_flag=True, help="Fetch again even if present.")
def assets_install_cmd(force: bool) -> None:
    """Fetch the map assets with `npm pack` into $GEOMAP_ASSETS_DIR or the user data dir."""
    from geomap.render.assets import install_assets

    root = install_assets(force=force)
    click.echo(f"map assets installed in {root}")


@assets_group.command("path")
def assets_path_cmd() -> None:
    """Print where the assets live and whether they are installed."""
    from geomap.render.assets import assets_dir, missing_assets

    missing = missing_assets()
    state = "installed" if not missing else f"missing {len(missing)} file(s)"
    click.echo(f"{assets_dir()} ({state})")
