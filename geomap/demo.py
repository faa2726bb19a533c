"""The demo: extract the bundled example articles into a fresh SQLite store and map them."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from geomap.atomic import prepare_parent, write_text
from geomap.errors import GeomapError
from geomap.records import ClaimRecord

# Under maps/out/ (ignored by git): the committed maps/demo.html is a self-contained page made
# with the map assets installed; a fresh clone's first `geomap demo` must not dirty the tree.
DEFAULT_OUT = Path("maps") / "out" / "demo.html"


@dataclass
class DemoResult:
    claims: list[ClaimRecord]
    articles: list[str]
    html_path: Path
    db_path: Path | None
    offline: bool


def example_articles(root: Path | None = None) -> list[Path]:
    """The article files shipped in geomap/examples (text, Markdown and HTML; README excluded)."""
    from geomap.extract.reader import expand_paths

    root = root or Path(str(resources.files("geomap").joinpath("examples")))
    if not root.is_dir():
        return []
    return [Path(p) for p in expand_paths([str(root)])]


def ingest_examples(store, examples: Path | None = None) -> list[Path]:
    """Extract each example article with the extractor for its language and store it (with
    its text, so the review app can show it); the article paths, in order."""
    from geomap.extract import read_article
    from geomap.extract.registry import get_extractor

    extractor = get_extractor()
    articles = example_articles(examples)
    for art in articles:
        ex = extractor.extract_article(read_article(art))  # reads .md as Markdown
        store.ingest(ex.source, ex.claims, text=ex.text)
    return articles


def run_demo(
    out: Path = DEFAULT_OUT,
    *,
    db_path: Path | None = None,
    offline: bool | None = None,
    examples: Path | None = None,
) -> DemoResult:
    """Ingest the examples into a fresh SQLite file, read the claims back, write the map.

    `db_path` keeps the database there (replaced if it exists); by default it is a temporary
    file removed afterwards. `offline=None` inlines the map assets when they are installed and
    writes the normal CDN page otherwise. `examples` is a folder of articles to use instead
    of the bundled ones.
    """
    from geomap.render.assets import assets_installed
    from geomap.render.mapbuild import build_map, map_html
    from geomap.store import open_store

    articles = example_articles(examples)
    if not articles:
        where = examples or "geomap/examples"
        raise GeomapError(f"no example articles (*.txt, *.md, *.html) found in {where}")
    if offline is None:
        offline = assets_installed()
    tmp = None
    if db_path is None:
        tmp = tempfile.TemporaryDirectory(prefix="geomap-demo-")
        db_file = Path(tmp.name) / "demo.db"
    else:
        db_file = db_path
        prepare_parent(db_file)  # same folder rule as every file geomap writes
        if db_file.exists():
            db_file.unlink()
    try:
        store = open_store(f"sqlite:///{db_file}")
        try:
            ingest_examples(store, examples)
            claims = store.claims()
        finally:
            store.close()
    finally:
        if tmp is not None:
            tmp.cleanup()
    m = build_map(claims, offline=offline, title="geomap demo: claims from the example articles")
    write_text(out, map_html(m, offline=offline))
    return DemoResult(claims, [a.name for a in articles], out, db_path, offline)
