"""Store commands: `geomap claims`, `review`, `add`, `import` and `export`."""

from __future__ import annotations

import itertools
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from geomap.cli import main
from geomap.cli.options import (
    db_option,
    filter_options,
    make_filter,
    parse_claim_date,
)
from geomap.errors import GeomapError
from geomap.query import side_summary
from geomap.records import (
    CLAIM_TYPES,
    DATE_PRECISIONS,
    REVIEW_STATUSES,
    SIDES,
    ClaimRecord,
    SourceRecord,
    quote_language,
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
@db_option
def claims_cmd(
    place: str | None, as_json: bool, as_csv: bool, as_geojson: bool, db: str | None, **kw: Any
) -> None:
    """Everything said about PLACE (any alias), oldest first, with a per-side summary.

    A region (e.g. "Donetsk region", "Donbas") covers the claims about its settlements too;
    --region-only keeps the region-wide ones.
    """
    from geomap.store import open_store

    if sum((as_json, as_csv, as_geojson)) > 1:
        raise GeomapError("choose one of --json, --csv, --geojson")
    flt = make_filter(place, kw)
    with open_store(db) as store:
        if as_json or as_csv or as_geojson:
            fmt = "jsonl" if as_json else "csv" if as_csv else "geojson"
            _stream_out(store.iter_claims(flt), fmt)
            return
        found = store.claims(flt)
    if not found:
        click.echo("no claims match" + (f" for {place!r}" if place else ""))
        return
    click.echo(format_table(found))


def _claim_id(text: str) -> int:
    """'12' or '#12' -> 12; anything else is a one-line error."""
    t = text.strip().removeprefix("#")
    if not t.isdigit() or int(t) == 0:
        raise GeomapError(
            f"bad claim id {text!r}: want a number such as 12 (`geomap review --list` shows ids)"
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
@db_option
def review_cmd(
    claim_ids: tuple[str, ...], status: str | None, note: str | None, list_: bool, db: str | None
) -> None:
    """Confirm or reject stored claims by id; reviewed claims survive re-extraction.

    \b
      geomap review --list
      geomap review 12 15 --status rejected --note "the article means another Pokrovske"
      geomap claims Toretsk --review-status unreviewed   # one place's claims to review
    """
    from geomap.query import ClaimFilter
    from geomap.store import open_store

    if list_:
        if claim_ids or status or note:
            raise GeomapError("--list takes no claim ids, --status or --note")
        with open_store(db) as store:
            found = store.claims(ClaimFilter(review_status="unreviewed"))
        click.echo(format_table(found) if found else "no claims to review")
        return
    if not claim_ids:
        raise GeomapError("give the ids of the claims to review, or --list to see them")
    ids = list(dict.fromkeys(_claim_id(x) for x in claim_ids))
    if status is None:
        raise GeomapError("give --status confirmed or --status rejected (unreviewed undoes it)")
    with open_store(db) as store:
        n = store.review(ids, status, note)
    click.echo(f"marked {n} claim{'s' * (n != 1)} {status}: " + ", ".join(f"#{i}" for i in ids))


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

    if source_url and not re.match(r"^https?://", source_url):
        raise GeomapError(f"--source {source_url!r} is not an http(s) URL")
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
    with open_store(db) as store:
        cid = store.add_claim(claim)
    click.echo(f"added claim #{cid}: {side} {type_} {ref.name} (id {ref.id})")


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "geojson", "kml"]))
@db_option
def import_cmd(file: Path, fmt: str | None, db: str | None) -> None:
    """Import claims from FILE (all or nothing); rows already stored are skipped."""
    from geomap.formats import stream_claims
    from geomap.places import resolve_place
    from geomap.store import open_store

    claims = stream_claims(file, fmt, resolve=lambda name: resolve_place(name, strict=False))
    first = next(claims, None)  # a missing or malformed file fails before the store is opened
    with open_store(db) as store:
        # Streamed in one transaction: a bad row further on rolls back every row before it.
        res = store.import_claims(itertools.chain([first] if first else [], claims))
    click.echo(
        f"imported {res.added} claims from {file} "
        f"({res.skipped} already stored, {res.sources_added} new sources)"
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
    with open_store(db) as store:
        if output is None:
            _stream_out(store.iter_claims(flt), fmt or "csv")
            return
        fmt = detect_format(output, fmt)
        n = export_claims(store.iter_claims(flt), output, fmt)
    click.echo(f"exported {n} claims to {output}", err=True)


def _stream_out(claims: Iterator[ClaimRecord], fmt: str) -> None:
    """Write claims to stdout as they are read, so a big store never sits in memory."""
    from geomap.formats import write_claims

    try:
        write_claims(claims, sys.stdout, fmt)
        sys.stdout.flush()
    except BrokenPipeError:  # `geomap claims --json | head`: the reader has had enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
        sys.exit(0)


__all__ = ["format_table"]
