"""Many files in, claims out (and into the store): per-file errors never stop the batch."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from geomap.errors import GeomapError
from geomap.extract.pipeline import Extraction
from geomap.extract.reader import ReadError, expand_paths, read_article, read_bytes
from geomap.extract.registry import get_extractor


@dataclass
class FileResult:
    """What happened to one input: its extraction and store result, or the error."""

    path: str
    extraction: Extraction | None = None
    stored: Any = None  # store.IngestResult when stored
    error: str | None = None


def process_paths(
    paths: Iterable[str],
    *,
    store: Any = None,
    gazetteer: Any = None,
    on_file: Callable[[FileResult], None] | None = None,
    stdin: Any = None,
    extractor: str | None = None,
) -> list[FileResult]:
    """Read, extract and (if a store is given) ingest each file behind `paths`.

    A file that cannot be read or stored gets FileResult.error; the others still go in.
    `extractor` names a registered extractor (default: auto, by the document's language).
    """
    ext = get_extractor(extractor)
    if gazetteer is None:
        from gazetteer import default_gazetteer

        gazetteer = default_gazetteer()
    results: list[FileResult] = []
    for path in expand_paths(list(paths)):
        res = FileResult(path)
        try:
            if path == "-":
                data = (stdin or sys.stdin.buffer).read()
                art = read_bytes(data, "<stdin>")
            else:
                art = read_article(path)
            res.extraction = ext.extract_article(art, gazetteer=gazetteer)
            if store is not None:
                ex = res.extraction
                res.stored = store.ingest(ex.source, ex.claims, text=ex.text)
        except (ReadError, GeomapError) as exc:
            res.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - one odd file (a parser choking on it) must
            # not stop the batch; the error names the file and what went wrong
            res.error = f"{path}: cannot extract ({exc.__class__.__name__}: {exc})"
        results.append(res)
        if on_file:
            on_file(res)
    return results
