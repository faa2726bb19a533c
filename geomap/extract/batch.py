"""Many inputs in, claims out (and into the store): per-source errors never stop the batch.

Inputs are article files, folders, globs and '-', plus URLs, RSS/Atom feeds and Telegram
channel exports (geomap.extract.inputs), each feed entry or message a source of its own.
With jobs > 1 the extraction runs on that many processes while this process reads the
inputs and is the one writer to the store, in input order.
"""

from __future__ import annotations

import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from geomap.errors import GeomapError
from geomap.extract.pipeline import Extraction
from geomap.extract.reader import Article, ReadError, expand_paths, read_article, read_bytes
from geomap.extract.registry import get_extractor


@dataclass
class FileResult:
    """What happened to one input: its extraction and store result, or the error."""

    path: str
    extraction: Extraction | None = None
    stored: Any = None  # store.IngestResult when stored
    error: str | None = None
    final: bool = True  # the last source of its argument (a feed or export holds many)


def process_paths(
    paths: Iterable[str],
    *,
    store: Any = None,
    gazetteer: Any = None,
    on_file: Callable[[FileResult], None] | None = None,
    stdin: Any = None,
    extractor: str | None = None,
    allow_private: bool = False,
    jobs: int = 1,
    channel: str | None = None,
) -> list[FileResult]:
    """Read, extract and (if a store is given) ingest each source behind `paths`.

    A source that cannot be read, extracted or stored gets FileResult.error; the others
    still go in. `extractor` names a registered extractor (default: auto, by the document's
    language). URLs on a private network are refused unless `allow_private`. `jobs` > 1
    extracts on that many processes (each with the default gazetteer).
    """
    ext = get_extractor(extractor)
    if jobs > 1:
        extracted = _extract_parallel(
            _read_all(paths, stdin, allow_private, channel), jobs, extractor
        )
    else:
        if gazetteer is None:
            from gazetteer import default_gazetteer

            gazetteer = default_gazetteer()
        extracted = (
            _extract_one(res, art, ext, gazetteer)
            for res, art in _read_all(paths, stdin, allow_private, channel)
        )
    results: list[FileResult] = []
    for res in extracted:
        if store is not None and res.extraction is not None and res.error is None:
            try:
                res.stored = store.ingest(
                    res.extraction.source, res.extraction.claims, text=res.extraction.text
                )
            except GeomapError as exc:
                res.error = str(exc)
            except Exception as exc:  # noqa: BLE001 - one source the store chokes on
                res.error = f"{res.path}: cannot store ({exc.__class__.__name__}: {exc})"
        results.append(res)
        if on_file:
            on_file(res)
    return results


def _read_all(
    paths: Iterable[str], stdin: Any, allow_private: bool, channel: str | None
) -> Iterator[tuple[FileResult, Article | None]]:
    """(result, article) for every source, in order; an unreadable one carries its error."""
    from geomap.extract.inputs import read_input

    for path in expand_paths(list(paths)):
        many = (
            None if path == "-" else read_input(path, allow_private=allow_private, channel=channel)
        )
        if many is None:
            res = FileResult(path)
            try:
                if path == "-":
                    art = read_bytes((stdin or sys.stdin.buffer).read(), "<stdin>")
                else:
                    art = read_article(path)
            except (ReadError, GeomapError) as exc:
                res.error, art = str(exc), None
            yield res, art
            continue
        last = None
        for inp in many:
            if last is not None:
                last[0].final = False
                yield last
            last = (FileResult(inp.name, error=inp.error), inp.article)
        if last is None:
            last = (FileResult(path, error=f"{path}: no messages or entries with text"), None)
        yield last


def _extract_one(res: FileResult, art: Article | None, ext: Any, gazetteer: Any) -> FileResult:
    if art is None or res.error:
        return res
    try:
        res.extraction = ext.extract_article(art, gazetteer=gazetteer)
    except (ReadError, GeomapError) as exc:
        res.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - one odd source (a parser choking on it) must
        # not stop the batch; the error names the source and what went wrong
        res.error = f"{res.path}: cannot extract ({exc.__class__.__name__}: {exc})"
    return res


# -- parallel extraction -----------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(extractor: str | None) -> None:
    from gazetteer.core import default_gazetteer, reset_default_gazetteer

    reset_default_gazetteer()  # a forked worker opens its own index, never the parent's handle
    _WORKER["ext"] = get_extractor(extractor)
    _WORKER["gaz"] = default_gazetteer()


def _work(res: FileResult, art: Article) -> FileResult:
    return _extract_one(res, art, _WORKER["ext"], _WORKER["gaz"])


def _extract_parallel(
    items: Iterator[tuple[FileResult, Article | None]], jobs: int, extractor: str | None
) -> Iterator[FileResult]:
    """Extract on `jobs` processes, a bounded window ahead, yielding in input order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork starts workers with the modules already imported; with other threads running
    # (a server, a test harness) fork is unsafe, and spawn starts them from scratch
    fork = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    with ProcessPoolExecutor(
        jobs, mp_context=ctx, initializer=_init_worker, initargs=(extractor,)
    ) as pool:
        pending: deque = deque()
        for res, art in items:
            fut = pool.submit(_work, res, art) if art is not None and not res.error else None
            pending.append((res, fut))
            while len(pending) > jobs * 8:
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())


def _collect(res: FileResult, fut: Any) -> FileResult:
    if fut is None:
        return res
    try:
        done = fut.result()
    except Exception as exc:  # noqa: BLE001 - a worker that died: this source fails, not all
        res.error = f"{res.path}: cannot extract ({exc.__class__.__name__}: {exc})"
        return res
    done.final = res.final
    return done
