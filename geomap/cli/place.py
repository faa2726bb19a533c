"""`geomap place NAME`: ranked gazetteer candidates (table or JSON); `geomap place-import`."""

from __future__ import annotations

import json

import click

from geomap.cli import main


@main.command()
@click.argument("name")
@click.option("--context", "context", default=None, help="Text whose places/regions disambiguate.")
@click.option("--country", default=None, help="Only candidates in this ISO country code (UA).")
@click.option(
    "--limit",
    default=10,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="How many candidates to show.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, best first.")
def place(name: str, context: str | None, country: str | None, limit: int, as_json: bool) -> None:
    """Resolve a place NAME offline and explain the ranking."""
    from gazetteer import UnknownPlaceError
    from geomap.places import load_gazetteer

    gaz = load_gazetteer()
    cands = gaz.candidates(
        name, context=context, country=country, limit=limit, fallback=context is not None
    )
    if not cands:
        raise UnknownPlaceError(name, gaz.suggest(name))
    if as_json:
        click.echo(json.dumps([c.to_dict() for c in cands], ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{'#':>2}  {'score':>6}  {'id':<11} {'name':<28} {'cc':<3} {'precision':<10} "
        f"{'population':>10}  lat,lon"
    )
    for i, c in enumerate(cands, 1):
        p = c.place
        click.echo(
            f"{i:>2}  {c.score:6.2f}  {p.id:<11} {p.name[:28]:<28} {p.country or '':<3} "
            f"{p.precision:<10} {p.population:>10}  {p.lat:.4f},{p.lon:.4f}"
        )
        for r in c.reasons:
            click.echo(f"{'':>22}- {r}")


@main.command("place-import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--alternate-names",
    type=click.Path(dir_okay=False),
    default=None,
    help="GeoNames alternateNamesV2.txt (or an extract of it) with extra names.",
)
@click.option("--all-features", is_flag=True, help="Import every feature class, not only P.")
def place_import(file: str, alternate_names: str | None, all_features: bool) -> None:
    """Add places from a GeoNames dump FILE (e.g. UA.txt) to the local gazetteer overlay."""
    from gazetteer.importer import import_geonames

    stats = import_geonames(file, alternate_names, feature_classes=() if all_features else ("P",))
    click.echo(
        f"imported {stats.places} places ({stats.already_indexed} already indexed, "
        f"{stats.skipped_feature_class} not populated places skipped, "
        f"{stats.alternate_names} alternate names) into {stats.overlay}"
    )
