"""`geomap serve`: the review web app (a thin command over geomap.serve)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from geomap.cli import main
from geomap.cli.options import db_option


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="GEOMAP_TOKEN",
    default=None,
    help="Require this token on every request (needed to listen beyond 127.0.0.1; "
    "default $GEOMAP_TOKEN). Open http://HOST:PORT/?token=TOKEN once in the browser.",
)
@click.option("--reviewer", default=None, help="Name recorded in the audit trail (default: $USER).")
@click.option(
    "--allow-host", "allow_hosts", multiple=True, metavar="NAME",
    help="Another host name the server answers to (behind a proxy); repeatable.",
)  # fmt: skip
@click.option("--demo", is_flag=True, help="Serve a fresh store of the bundled example articles.")
def serve_cmd(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    reviewer: str | None,
    allow_hosts: tuple[str, ...],
    demo: bool,
) -> None:
    """Review claims in the browser: a queue, the article, the map; every change audited.

    \b
      geomap serve --demo                 # the example articles, at http://127.0.0.1:8765/
      geomap serve --db claims.db
      GEOMAP_TOKEN=... geomap serve --host 0.0.0.0 --allow-host review.lan
    """
    from geomap.serve import ServeConfig, check_bind, serve
    from geomap.serve.app import build_demo_db

    cfg = ServeConfig(db=db, host=host, port=port, token=token, extra_hosts=allow_hosts)
    if reviewer:
        cfg.reviewer = reviewer
    check_bind(cfg)  # before the (slow) demo ingest
    with tempfile.TemporaryDirectory(prefix="geomap-serve-") as tmp:
        if demo:
            cfg.db = build_demo_db(Path(tmp) / "demo.db")
        where = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
        click.echo(f"reviewing {cfg.db or 'the default store'} at {where}" +
                   (" (open it with ?token=TOKEN once)" if token else ""), err=True)  # fmt: skip
        serve(cfg)
