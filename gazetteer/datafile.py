"""Reading the package's shipped JSON data files, with one error for a broken one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gazetteer.errors import GazetteerError


def read_json(path: Path, what: str) -> Any:
    """The parsed file; an unreadable or malformed one is a GazetteerError naming `what` and
    the path (a broken install, not bad input: reinstall the package)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"{what} {path} is unreadable: {exc}") from exc
