"""Reviews: a person confirms or rejects stored claims (audited through geomap.review)."""

from __future__ import annotations

from collections.abc import Iterable

from geomap.records import REVIEW_STATUSES, validate_choice
from geomap.store.engine import StoreBase


class ReviewMixin(StoreBase):
    """Store methods that change review status."""

    def review(
        self,
        claim_ids: int | Iterable[int],
        status: str,
        note: str | None = None,
        *,
        who: str = "geomap",
    ) -> int:
        """Set the review status of one or more claims, all or none; returns how many.

        A confirmed or rejected claim survives re-extraction of its source by a newer extractor
        (and an identical new machine claim is not added beside it), so a rejection sticks;
        "unreviewed" hands the claim back to the extractor. `note` is appended to the claim's
        notes as "review: NOTE". An unknown id raises GeomapError and changes nothing. Each
        claim's version is bumped and the change audited as by `who` (see geomap.review).
        """
        from geomap.review import review_claims  # geomap.review builds on the Store

        validate_choice("review status", status, REVIEW_STATUSES)
        ids = [claim_ids] if isinstance(claim_ids, int) else list(dict.fromkeys(claim_ids))
        return review_claims(self, ids, status, note, who)
