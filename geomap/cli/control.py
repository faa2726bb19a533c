"""Control-map commands: `geomap control import` and `geomap control list`, and the options
that check claims against the assessed control (used by `geomap claims`, `map`, `report`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from geomap.cli import main
from geomap.cli.options import db_option
from geomap.records import ClaimRecord

if TYPE_CHECKING:
    from geomap.control import CheckOptions, Verdict


@main.group("control")
def control_group() -> None:
    """Assessed control maps (DeepStateMap, ISW, ...): import them, list them.

    \b
      geomap control import deepstate_2025-02-05.geojson --holder russia --source deepstate
      geomap control import isw.geojson --holder russia --source isw   # a Date per feature
      geomap control list
      geomap claims --disagrees        # claims the assessed map contradicts
    """


@control_group.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Day the layer shows (default: a date property per feature, or the file name's date).",
)
@click.option("--holder", required=True, type=click.Choice(["russia", "ukraine"]))
@click.option("--source", required=True, help="Who made the assessment, e.g. deepstate or isw.")
@db_option
def import_cmd(
    paths: tuple[Path, ...], day: datetime | None, holder: str, source: str, db: str | None
) -> None:
    """Store the polygons of PATHS (GeoJSON or KML, EPSG:4326) as assessed control layers.

    All files go in one transaction; a layer of the same source, holder and date replaces the
    stored one. Repaired polygons and skipped features are reported.
    """
    from geomap.control import import_layers, read_layers
    from geomap.store import open_store

    layers = [
        lay
        for p in paths
        for lay in read_layers(p, source=source, holder=holder, layer_date=day and day.date())
    ]
    with open_store(db) as store:
        res = import_layers(store, layers)
    for note in res.notes:
        click.echo(f"note: {note}", err=True)
    days = sorted({lay.layer_date.isoformat() for lay in layers})
    span = days[0] if len(days) == 1 else f"{days[0]} .. {days[-1]}"
    click.echo(
        f"imported {res.added} {source} layer(s) held by {holder} ({span}; {res.replaced} replaced)"
    )


@control_group.command("list")
@click.option("--source", help="Only this source's layers.")
@db_option
def list_cmd(source: str | None, db: str | None) -> None:
    """The stored control layers, by date."""
    from geomap.control import list_layers
    from geomap.store import open_store

    with open_store(db) as store:
        layers = list_layers(store, source)
    if not layers:
        click.echo("no control layers (geomap control import PATH --holder ... --source ...)")
        return
    head = ("date", "source", "holder", "parts", "area_km2", "file", "notes")
    rows = [
        (lay.layer_date.isoformat(), lay.source, lay.holder, str(lay.parts),
         f"{lay.area_km2:,.0f}", Path(lay.file).name if lay.file else "", lay.notes or "")
        for lay in layers
    ]  # fmt: skip
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())


def control_options(f: Callable) -> Callable:
    """--tolerance / --stale-days / --control-source: how claims are checked."""
    opts = [
        click.option(
            "--tolerance",
            "control_tolerance",
            type=click.FloatRange(min=0),
            default=2.0,
            show_default=True,
            help="Km inside the other side's assessed area before a claim disagrees.",
        ),
        click.option(
            "--stale-days",
            "control_stale_days",
            type=click.IntRange(min=0),
            default=7,
            show_default=True,
            help="An assessed layer older than this many days says nothing.",
        ),
        click.option(
            "--control-source", help="Check against this source's layers only (default: newest)."
        ),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def check_options(kw: dict[str, Any]) -> CheckOptions:
    """CheckOptions from control_options' values (popped from kw)."""
    from geomap.control import CheckOptions

    return CheckOptions(
        staleness_days=kw.pop("control_stale_days"),
        tolerance_km=kw.pop("control_tolerance"),
        source=kw.pop("control_source"),
    )


def checked(store, claims: Iterator[ClaimRecord], opts: CheckOptions, disagrees: bool):
    """(claims, extra-columns function) for an export: every claim, or the disagreeing ones,
    with assessed_holder, line_distance_km and agrees."""
    from geomap.control import CONTROL_COLUMNS, ControlChecker

    checker = ControlChecker.from_store(store, opts)
    verdicts: dict[int, Verdict] = {}

    def gen() -> Iterator[ClaimRecord]:
        for c, v in checker.iter_checked(claims):
            if disagrees and v.agrees is not False:
                continue
            verdicts[id(c)] = v
            yield c

    def extra(c: ClaimRecord) -> dict[str, Any]:
        return verdicts.pop(id(c)).columns()

    extra.columns = CONTROL_COLUMNS  # type: ignore[attr-defined]
    return gen(), extra


def has_layers(store) -> bool:
    """Whether the store holds any control layer (exports then carry the check's columns)."""
    from geomap.control import list_layers

    return bool(list_layers(store))


def format_disagreements(pairs: list[tuple[ClaimRecord, Verdict]]) -> str:
    """One line per disagreeing claim: the claim, then what the assessment says."""
    from geomap.cli.store import _short

    lines = []
    for c, v in pairs:
        km = v.line_distance_km or 0.0
        where = f"{-km:.1f} km inside the area" if km < 0 else f"{km:.1f} km from the line"
        lines.append(
            f"#{c.id if c.id is not None else '-'} {c.claim_date or 'undated'} "
            f"{c.side} {c.type} {_short(c.place.name, 40)}: assessed {v.assessed_holder}-held, "
            f"{where} ({v.layer_source} {v.layer_date})"
        )
    return "\n".join(lines)
