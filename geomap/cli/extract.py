"""`geomap ingest` and `geomap eval`: thin commands over geomap.extract."""

from __future__ import annotations

import json
import sys

import click

from geomap.cli import main
from geomap.errors import GeomapError

_extractor_option = click.option(
    "--extractor",
    default=None,
    metavar="NAME",
    help="Extractor to use (default: auto, by each document's language); "
    "see geomap.extract.registry.available().",
)


def _claim_line(c) -> str:
    when = f"{c.claim_date.isoformat()[:7] if c.date_precision == 'month' else c.claim_date}"
    quote = " ".join((c.quote or "").split())
    return (
        f"  {c.place.name} [{c.place.id}] {c.side} {c.type} {when} "
        f'({c.claimant}; conf {c.confidence:.2f}): "{quote[:110]}"'
    )


def _print_results(out: list, dry_run: bool, as_json: bool) -> int:
    """One line (or JSON object) per source; returns how many failed."""
    from geomap.formats import jsonl

    failed = 0
    for res in out:
        if res.error:
            failed += 1
            click.echo(f"geomap: error: {res.error}", err=True)
            if as_json and not dry_run:
                click.echo(json.dumps({"path": res.path, "error": res.error}))
            continue
        ex = res.extraction
        if dry_run and as_json:
            jsonl.dump(ex.claims, sys.stdout)
        elif dry_run:
            click.echo(
                f"{res.path}: {len(ex.claims)} claims would be stored "
                f"(source: {ex.source.title or '?'}; {ex.source.published}; "
                f"{ex.source.url or 'no url'})"
            )
            for c in ex.claims:
                click.echo(_claim_line(c))
        elif as_json:
            st = res.stored
            click.echo(
                json.dumps(
                    {
                        "path": res.path,
                        "source_id": st.source_id,
                        "claims": len(ex.claims),
                        "added": st.added,
                        "replaced": st.replaced,
                        "duplicate": st.duplicate,
                    }
                )
            )
        else:
            st = res.stored
            what = (
                "already stored (duplicate)"
                if st.duplicate and not st.replaced
                else f"added {st.added}, replaced {st.replaced}"
            )
            click.echo(f"{res.path}: {len(ex.claims)} claims; {what}; source #{st.source_id}")
    return failed


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Print what would be stored; store nothing.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="JSON output: with --dry-run the claims as JSON Lines (importable), "
    "else one summary object per file.",
)
@click.option(
    "--db",
    envvar="GEOMAP_DB",
    default=None,
    metavar="URL",
    help="Database URL or SQLite path (default: $GEOMAP_DB or sqlite:///geomap.db).",
)
@_extractor_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Extract on N processes (this one reads the inputs and writes the store).",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let URLs reach private-network addresses (localhost, 10.x, 192.168.x ...).",
)
@click.option(
    "--channel",
    default=None,
    metavar="NAME",
    help="Public name of the Telegram channel of an export, for t.me/NAME/ID links.",
)
def ingest(
    paths: tuple[str, ...],
    dry_run: bool,
    as_json: bool,
    db: str | None,
    extractor: str | None,
    jobs: int = 1,
    allow_private: bool = False,
    channel: str | None = None,
) -> None:
    """Extract dated claims from articles and store them.

    PATHS are article files (plain text, Markdown, saved HTML), folders, globs, '-' for
    stdin, http(s) URLs of pages or RSS/Atom feeds, feed files (.rss/.atom/.xml) and Telegram
    Desktop channel exports (result.json). Each page, feed entry and message is a source;
    one already stored (same URL or text) is not stored twice. A source that cannot be read
    is reported and skipped; the exit code is 1 when any failed.
    """
    from geomap.extract.batch import process_paths
    from geomap.extract.reader import expand_paths
    from geomap.places import load_gazetteer

    store = None
    if not dry_run:
        from geomap.store import open_store

        store = open_store(db)
    files = expand_paths(list(paths))
    gaz = load_gazetteer()  # before the progress bar: a first run says it builds the index
    out: list = []
    # A progress bar only on a terminal: in a pipe or a log it would be one stray line.
    progress = sys.stderr.isatty() and len(files) > 1
    with click.progressbar(
        length=len(files), label="extracting", file=sys.stderr, show_pos=True, hidden=not progress
    ) as bar:

        def step(res) -> None:
            out.append(res)
            bar.update(1 if res.final else 0)

        process_paths(
            files,
            store=store,
            on_file=step,
            extractor=extractor,
            jobs=jobs,
            allow_private=allow_private,
            channel=channel,
            gazetteer=gaz,
        )
    failed = _print_results(out, dry_run, as_json)
    if failed:
        click.echo(f"geomap: {failed} of {len(out)} source(s) failed", err=True)
        sys.exit(1)


@main.command(name="eval")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="The scores as one JSON object.")
@_extractor_option
@click.option(
    "--by-rule",
    is_flag=True,
    help="Also print each extraction rule's true and false positives over the corpus.",
)
def eval_cmd(directory: str, as_json: bool, extractor: str | None, by_rule: bool) -> None:
    """Score the extractor on DIR: each X.gold.jsonl against extraction of X.txt/.md/.html.

    Matching: same place (GeoNames id / admin-1), side and type, quote spans overlapping;
    each gold claim matched at most once. Prints precision, recall, F1, place and date
    accuracy and core recall.
    """
    from geomap.extract.evaluate import evaluate_dir

    try:
        report = evaluate_dir(directory, extractor=extractor)
    except OSError as exc:
        raise GeomapError(f"{directory}: {exc}") from None
    if as_json:
        d = report.to_dict()
        if by_rule:
            d["by_rule"] = {r: {"tp": tp, "fp": fp} for r, (tp, fp) in report.rule_counts().items()}
        click.echo(json.dumps(d, ensure_ascii=False, indent=1))
    else:
        click.echo(report.format())
        if by_rule:
            click.echo(report.format_by_rule())
