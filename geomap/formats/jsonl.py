"""JSON Lines: one flat claim object per line (typed values, ISO dates)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from geomap.errors import GeomapError
from geomap.formats.rows import claim_to_row, to_json_value
from geomap.records import ClaimRecord


def dump(
    claims: Iterable[ClaimRecord],
    fp: IO[str],
    extra: Callable[[ClaimRecord], dict[str, Any]] | None = None,
) -> int:
    n = 0
    for c in claims:
        row = {k: to_json_value(v) for k, v in claim_to_row(c).items()}
        if c.id is not None:
            row["claim_id"] = c.id  # the store's id (for `geomap review`); ignored on import
        if extra is not None:
            row.update((k, to_json_value(v)) for k, v in extra(c).items())
        fp.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def load_rows(fp: IO[str], name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for i, line in enumerate(fp, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GeomapError(
                f"{name}: line {i}: bad JSON: {exc.msg} (column {exc.colno})"
            ) from None
        if not isinstance(row, dict):
            raise GeomapError(f"{name}: line {i}: want a JSON object, got {type(row).__name__}")
        yield f"line {i}", row
