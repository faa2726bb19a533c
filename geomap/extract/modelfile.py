"""Fitted numbers shipped beside the code (calibration.json, learned.json): read and checked
the same way, loaded once on first use, and swapped inside a block for tests and benches."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Generic, TypeVar

from geomap.errors import GeomapError, shown

T = TypeVar("T")
_UNSET: Any = object()


def finite_number(v: Any, what: str) -> float:
    """`v` as a float; a bool, a non-number, NaN or infinity is a ValueError naming `what`."""
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise ValueError(f"{what} is {shown(v, 40)}, not a finite number")
    return float(v)


def load_json(path: str | Path, what: str, parse: Callable[[Any, str], T]) -> T | None:
    """`parse(data, path)` of the JSON in `path`; None when there is no file (the caller then
    goes without it). An unreadable or non-JSON file is a GeomapError naming it and `what`."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise GeomapError(f"{p}: cannot read {what}: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise GeomapError(f"{p}: bad {what}: not JSON ({exc})") from None
    return parse(data, str(p))


class Shipped(Generic[T]):
    """The value extractors apply: `load()`'s result, read once, or what `using` set."""

    def __init__(self, load: Callable[[], T | None]):
        self._load = load
        self._value: Any = _UNSET

    def current(self) -> T | None:
        if self._value is _UNSET:
            self._value = self._load()
        return self._value

    @contextmanager
    def using(self, value: T | None) -> Iterator[None]:
        before = self._value
        self._value = value
        try:
            yield
        finally:
            self._value = before
