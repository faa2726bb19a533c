"""Store commands: `geomap claims`, `review`, `add`, `import` and `export`."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from geomap.cli import main
from geomap.cli.control import (
    check_options,
    checked,
    control_options,
    format_disagreements,
    has_layers,
)
from geomap.cli.options import (
    db_option,
    filter_options,
    make_filter,
    parse_claim_date,
)
from geomap.errors import GeomapError, shown
from geomap.query import side_summary
from geomap.records import (
    CLAIM_TYPES,
    DATE_PRECISIONS,
    REVIEW_STATUSES,
    SIDES,
    ClaimRecord,
    SourceRecord,
    check_source_url,
    quote_language,
    validate_claim,
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _short(s: str | None, n: int) -> str:
    """One line of at most n characters, control characters (terminal escapes) removed."""
    s = " ".join(_CONTROL.sub(" ", s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _marked(c: ClaimRecord) -> str | None:
    """A quote in another language than English, marked with it: "[uk] Торецьк не …"."""
    lang = quote_language(c)
    return f"[{lang}] {c.quote}" if lang and c.quote else c.quote


def format_table(claims: list[ClaimRecord]) -> str:
    """Readable fixed-width table plus one summary line per place.

    Stored claims get an id column (what `geomap review` takes) and, once any is reviewed, a
    review column; claims not stored yet (an extraction preview) show neither.
    """
    with_id = any(c.id is not None for c in claims)
    with_review = any(c.review_status != "unreviewed" for c in claims)
    head = ("date", "side", "type", "place", "claimant", "quote", "source")
    head = ("id",) * with_id + head + ("review",) * with_review
    rows = []
    for c in claims:
        src = c.source
        rows.append(
            ("" if c.id is None else str(c.id),) * with_id
            + (
                c.claim_date.isoformat() if c.claim_date else "undated",
                c.side,
                c.type,
                _short(c.place.name, 24),
                _short(c.claimant or ("(entered by hand)" if c.origin == "human" else ""), 24),
                _short(_marked(c), 60),
                _short((src.outlet or src.url) if src else "", 40),
            )
            + (c.review_status if c.review_status != "unreviewed" else "",) * with_review
        )
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
        for r in [head, *rows]
    ]
    names = {c.place.id: c.place.name for c in claims}
    lines.append("")
    for pid, summary in side_summary(claims).items():
        lines.append(f"{_short(names[pid], 60)}: {summary}")
    return "\n".join(lines)


@main.command("claims")
@click.argument("place", required=False)
@filter_options
@click.option("--json", "as_json", is_flag=True, help="JSON Lines output.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV output (ACLED-like columns).")
@click.option("--geojson", "as_geojson", is_flag=True, help="GeoJSON FeatureCollection.")
@click.option(
    "--disagrees",
    is_flag=True,
    help="Only claims the assessed control map contradicts (see `geomap control`).",
)
@control_options
@db_option
def claims_cmd(place: str | None, as_json: bool, as_csv: bool, as_geojson: bool,
               disagrees: bool, db: str | None, **kw: Any) -> None:  # fmt: skip
    """Everything said about PLACE (any alias), oldest first, with a per-side summary.

    A region (e.g. "Donetsk region", "Donbas") covers the claims about its settlements too;
    --region-only keeps the region-wide ones. With control layers stored, --json and --csv
    add assessed_holder, line_distance_km and agrees; --disagrees lists the contradicted.
    """
    from geomap.store import open_store

    if sum((as_json, as_csv, as_geojson)) > 1:
        raise GeomapError("choose one of --json, --csv, --geojson")
    if disagrees and as_geojson:
        raise GeomapError("--disagrees lists a table, --json or --csv; not --geojson")
    check = check_options(kw)
    flt = make_filter(place, kw)
    with open_store(db, read_only=True) as store:
        if (disagrees or as_json or as_csv) and not as_geojson and has_layers(store):
            _checked_out(
                store, flt, check, disagrees, "jsonl" if as_json else "csv", as_json or as_csv
            )
            return
        if disagrees:
            raise GeomapError("no control layers stored: `geomap control import` one first")
        if as_json or as_csv or as_geojson:
            fmt = "jsonl" if as_json else "csv" if as_csv else "geojson"
            _stream_out(store.iter_claims(flt), fmt)
            return
        found = store.claims(flt)
    if not found:
        click.echo("no claims match" + (f" for {shown(place)}" if place else ""))
        return
    click.echo(format_table(found))


def _checked_out(store, flt, check, disagrees: bool, fmt: str, export: bool) -> None:
    """`claims` with the control check (issue 14): exports carry its columns; a table of the
    disagreeing claims otherwise."""
    if export:
        claims, extra = checked(store, store.iter_claims(flt), check, disagrees)
        _stream_out(claims, fmt, extra)
        return
    from geomap.control import disagreements

    pairs = disagreements(store, store.claims(flt), check)
    click.echo(format_disagreements(pairs) if pairs else "no claim disagrees with the assessed map")


def _claim_id(text: str) -> int:
    """'12' or '#12' -> 12; anything else is a one-line error."""
    t = text.strip().removeprefix("#")
    if not t.isdigit() or int(t) == 0:
        raise GeomapError(
            f"bad claim id {shown(text)}: want a number such as 12 "
            "(`geomap review --list` shows ids)"
        )
    return int(t)


@main.command("review", context_settings={"ignore_unknown_options": True})
@click.argument("claim_ids", nargs=-1, metavar="[CLAIM_ID]...")
@click.option(
    "--status",
    type=click.Choice(REVIEW_STATUSES),
    help="confirmed or rejected (unreviewed undoes a review).",
)
@click.option("--note", help="Why; appended to the claim's notes as 'review: NOTE'.")
@click.option("--list", "list_", is_flag=True, help="List the claims still to review, with ids.")
@click.option(
    "--history", is_flag=True, help="Show the audit trail (of the given claims, or the latest)."
)
@click.option("--reviewer", default=None, help="Name for the audit trail (default: $USER).")
@db_option
def review_cmd(claim_ids: tuple[str, ...], status: str | None, note: str | None, list_: bool,
               history: bool, reviewer: str | None, db: str | None) -> None:  # fmt: skip
    """Confirm or reject stored claims by id; reviewed claims survive re-extraction.

    \b
      geomap review --list
      geomap review 12 15 --status rejected --note "the article means another Pokrovske"
      geomap claims Toretsk --review-status unreviewed   # one place's claims to review
      geomap review 12 --history                          # who changed what, when

    Changes made here and in `geomap serve` go to the same audit trail.
    """
    from geomap.query import ClaimFilter
    from geomap.review import review_claims
    from geomap.store import open_store

    if history:
        if status or note or list_:
            raise GeomapError("--history takes only claim ids")
        with open_store(db) as store:
            click.echo(_history(store, [_claim_id(x) for x in claim_ids]))
        return

    if list_:
        if claim_ids or status or note:
            raise GeomapError("--list takes no claim ids, --status or --note")
        with open_store(db, read_only=True) as store:
            found = store.claims(ClaimFilter(review_status="unreviewed"))
        click.echo(format_table(found) if found else "no claims to review")
        return
    if not claim_ids:
        raise GeomapError("give the ids of the claims to review, or --list to see them")
    ids = list(dict.fromkeys(_claim_id(x) for x in claim_ids))
    if status is None:
        raise GeomapError("give --status confirmed or --status rejected (unreviewed undoes it)")
    with open_store(db) as store:
        n = review_claims(store, ids, status, note, reviewer or _user())
    click.echo(f"marked {n} claim{'s' * (n != 1)} {status}: " + ", ".join(f"#{i}" for i in ids))


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def _history(store: Any, ids: list[int]) -> str:
    """The audit trail, newest first: one line per changed field."""
    from geomap.review import audit_log

    rows = [r for i in ids for r in audit_log(store, i)] if ids else audit_log(store, None, 50)
    if not rows:
        return "no review changes recorded"
    lines = []
    for r in sorted(rows, key=lambda r: r.id, reverse=True):
        what = (
            f"{r.field}: {_short(r.old or '-', 30)} -> {_short(r.new or '-', 30)}"
            if r.field
            else ""
        )
        note = f' "{_short(r.note, 60)}"' if r.note else ""
        lines.append(
            f"{r.at}  #{r.claim_id} v{r.version}  {_short(r.who, 20)}  {r.action}  {what}{note}"
        )
    return "\n".join(line.rstrip() for line in lines)


@main.command("add")
@click.argument("place")
@click.option("--side", required=True, type=click.Choice(SIDES))
@click.option("--type", "type_", required=True, type=click.Choice(CLAIM_TYPES))
@click.option(
    "--date", "when", metavar="DATE", help="Date the claim speaks of: YYYY-MM-DD, YYYY-MM or YYYY."
)
@click.option(
    "--precision", type=click.Choice(DATE_PRECISIONS), help="Default: from --date's form."
)
@click.option("--claimant", help="Who said it, as written.")
@click.option("--quote", help="The exact words.")
@click.option("--source", "source_url", help="URL where it was said.")
@click.option("--notes")
@click.option("--confidence", type=click.FloatRange(0, 1), default=1.0, show_default=True)
@click.option("--context", help="Text that disambiguates PLACE (e.g. 'Donetsk Oblast').")
@db_option
def add_cmd(place: str, side: str, type_: str, when: str | None, precision: str | None,
            claimant: str | None, quote: str | None, source_url: str | None, notes: str | None,
            confidence: float, context: str | None, db: str | None) -> None:  # fmt: skip
    """Enter one claim by hand (PLACE resolved by the gazetteer; ambiguity is an error)."""
    from geomap.places import resolve_place
    from geomap.store import open_store

    check_source_url(source_url)
    day, implied = parse_claim_date(when)
    ref = resolve_place(place, context=context, strict=True)
    claim = ClaimRecord(
        place=ref,
        side=side,
        type=type_,
        claim_date=day,
        date_precision=precision or implied or "day",
        claimant=claimant,
        place_as_written=place,
        quote=quote,
        confidence=confidence,
        origin="human",
        notes=notes,
        source=SourceRecord(url=source_url) if source_url else None,
    )
    validate_claim(claim)  # the same checks an import makes
    with open_store(db) as store:
        cid = store.add_claim(claim)
    click.echo(f"added claim #{cid}: {side} {type_} {ref.name} (id {ref.id})")


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "geojson", "kml"]))
@db_option
def import_cmd(file: Path, fmt: str | None, db: str | None) -> None:
    """Import claims from FILE (all or nothing); rows already stored are skipped."""
    from geomap.formats import detect_format
    from geomap.importing import import_file
    from geomap.places import resolve_place
    from geomap.store import open_store

    fmt = detect_format(file, fmt)
    if not file.is_file():  # fail before the store is opened (and perhaps created)
        raise GeomapError(f"{file}: no such file")
    with open_store(db) as store:
        # Streamed in one transaction: a bad row further on rolls back every row before it.
        res = import_file(store, file, fmt, resolve=lambda name: resolve_place(name, strict=False))
    reviewed = f", {res.reviewed} stored claims took the file's review" if res.reviewed else ""
    click.echo(
        f"imported {res.added} claims from {file} "
        f"({res.skipped} already stored{reviewed}, {res.sources_added} new sources)"
    )


@main.command("export")
@click.argument("place", required=False)
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "geojson", "kml"]))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File (default: stdout).",
)
@filter_options
@db_option
def export_cmd(
    place: str | None, fmt: str | None, output: Path | None, db: str | None, **kw: Any
) -> None:
    """Export claims (optionally filtered) as CSV, JSON Lines, GeoJSON or KML."""
    from geomap.formats import detect_format, export_claims
    from geomap.store import open_store

    flt = make_filter(place, kw)
    with open_store(db, read_only=True) as store:
        if output is None:
            _stream_out(store.iter_claims(flt), fmt or "csv")
            return
        fmt = detect_format(output, fmt)
        n = export_claims(store.iter_claims(flt), output, fmt)
    click.echo(f"exported {n} claims to {output}", err=True)


def _stream_out(claims: Iterator[ClaimRecord], fmt: str, extra=None) -> None:
    """Write claims to stdout as they are read, so a big store never sits in memory."""
    from geomap.formats import write_claims

    try:
        write_claims(claims, sys.stdout, fmt, extra)
        sys.stdout.flush()
    except BrokenPipeError:  # `geomap claims --json | head`: the reader has had enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
        sys.exit(0)


__all__ = ["format_table"]
