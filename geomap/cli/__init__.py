"""The `geomap` command: thin click commands over the library; errors become one line + exit 1."""

from __future__ import annotations

import sys

import click

from gazetteer.errors import GazetteerError
from geomap.errors import GeomapError


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (GeomapError, GazetteerError) as exc:
            click.echo(f"geomap: error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group)
@click.version_option(package_name="geomap")
def main() -> None:
    """Map contested front-line claims from war reporting, offline."""


# Each area keeps its commands in its own module; importing registers them on `main`.
from geomap.cli import extract, gazetteer, place, render, store  # noqa: E402,F401
