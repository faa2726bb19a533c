"""Reviews: a person confirms or rejects stored claims."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    func,
    select,
    update,
)

from geomap.errors import GeomapError
from geomap.model import claims as T_claims
from geomap.records import REVIEW_STATUSES, validate_choice
from geomap.store.engine import StoreBase


class ReviewMixin(StoreBase):
    """Store methods that change review status."""

    def review(self, claim_ids: int | Iterable[int], status: str, note: str | None = None) -> int:
        """Set the review status of one or more claims, all or none; returns how many.

        A confirmed or rejected claim survives re-extraction of its source by a newer extractor
        (and an identical new machine claim is not added beside it), so a rejection sticks;
        "unreviewed" hands the claim back to the extractor. `note` is appended to the claim's
        notes as "review: NOTE". An unknown id raises GeomapError and changes nothing.
        """
        validate_choice("review status", status, REVIEW_STATUSES)
        ids = [claim_ids] if isinstance(claim_ids, int) else list(dict.fromkeys(claim_ids))
        if not ids:
            raise GeomapError("no claim id given")
        values: dict[str, Any] = {"review_status": status}
        if note and note.strip():
            line = f"review: {note.strip()}"
            values["notes"] = func.coalesce(T_claims.c.notes + "\n" + line, line)
        with self.write() as conn:
            found: set[int] = set()
            for i in range(0, len(ids), 900):
                found.update(
                    conn.execute(
                        select(T_claims.c.id).where(T_claims.c.id.in_(ids[i : i + 900]))
                    ).scalars()
                )
            missing = [i for i in ids if i not in found]
            if missing:
                shown = ", ".join(map(str, missing[:10])) + (", ..." if len(missing) > 10 else "")
                raise GeomapError(
                    f"no claim with id {shown}; nothing changed "
                    "(`geomap review --list` shows the ids)"
                )
            for i in range(0, len(ids), 900):
                conn.execute(
                    update(T_claims).where(T_claims.c.id.in_(ids[i : i + 900])).values(**values)
                )
        return len(ids)
