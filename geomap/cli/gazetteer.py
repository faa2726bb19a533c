"""`geomap gazetteer download UA RU BY [--all] [--from DIR]`: full GeoNames coverage."""

from __future__ import annotations

import click

from geomap.cli import main


@main.group()
def gazetteer() -> None:
    """Manage the offline gazetteer's data."""


@gazetteer.command()
@click.argument("countries", nargs=-1)
@click.option("--all", "all_countries", is_flag=True, help="Every country (allCountries.zip).")
@click.option(
    "--from",
    "from_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Import dumps already downloaded to this folder (no network).",
)
@click.option("--timeout", default=30.0, show_default=True, help="Seconds without data = stall.")
def download(
    countries: tuple[str, ...], all_countries: bool, from_dir: str | None, timeout: float
) -> None:
    """Fetch GeoNames dumps for COUNTRIES (e.g. UA RU BY) and import every village."""
    from gazetteer.download import download as run

    def progress(name: str, done: int, total: int | None) -> None:
        if total:
            filled = 30 * done // total
            bar = f"[{'#' * filled:<30}] {100 * done // total:3d}%"
        else:
            bar = f"{done / 1e6:8.1f} MB"
        end = "\n" if total and done >= total else ""
        click.echo(f"\r{name:<22} {bar}{end}", nl=False, err=True)

    r = run(
        countries,
        all_countries=all_countries,
        from_dir=from_dir,
        timeout=timeout,
        progress=progress,
    )
    click.echo(
        f"imported {r.places} places and {r.districts} districts ({r.already_indexed} already "
        f"indexed, {r.alternate_names} alternate names) from {len(r.files)} files into {r.overlay} "
        f"in {r.seconds:.1f} s; GeoNames data, CC BY 4.0"
    )
