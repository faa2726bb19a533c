"""The `geomap` command: thin click commands over the library; errors become one line + exit 1."""

from __future__ import annotations

import errno
import os
import sys

import click

from gazetteer.errors import GazetteerError
from geomap.errors import GeomapError

# The longest error line the CLI prints (a safety net; quoted input is capped at 200 first).
MAX_ERROR = 2000
MAX_USAGE_ERROR = 400  # click's own messages quote the bad value whole


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (GeomapError, GazetteerError) as exc:
            _fail(str(exc))
        except click.ClickException as exc:  # a bad option value: click quotes it in full
            if len(exc.message) > MAX_USAGE_ERROR:
                exc.message = exc.message[: MAX_USAGE_ERROR - 1] + "…"
            raise
        except OSError as exc:
            # Not one of ours: the terminal or a pipe failed (`> /dev/full`, a closed pipe).
            # Files are written through geomap.atomic, which names the file.
            _silence_stdout()
            if exc.errno == errno.EPIPE:
                sys.exit(0)  # `geomap claims | head`: the reader has had enough
            why = exc.strerror or str(exc)
            _fail(f"{exc.filename}: {why}" if exc.filename else f"cannot write the output: {why}")


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _fail(message: str) -> None:
    """One line on stderr (input echoed in messages is capped where it is quoted), exit 1."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _silence_stdout()
    if len(message) > MAX_ERROR:
        message = message[: MAX_ERROR - 1] + "…"
    click.echo(f"geomap: error: {message}", err=True)
    sys.exit(1)


@click.group(cls=_Group)
@click.version_option(package_name="geomap")
def main() -> None:
    """Map contested front-line claims from war reporting, offline."""
    if sys.stderr.isatty():  # long first-time work says so; pipes and tests stay quiet
        from geomap.places import on_gazetteer_build

        on_gazetteer_build(lambda message: click.echo(f"geomap: {message}", err=True))


# Each area keeps its commands in its own module; importing registers them on `main`.
from geomap.cli import control, extract, gazetteer, place, render, serve, store  # noqa: E402,F401
